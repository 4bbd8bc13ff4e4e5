//! lifeboat: an age-encrypted vault for recovery material (seed phrases,
//! private keys, TOTP secrets, recovery codes, logins, notes) with guided
//! recovery playbooks.
//!
//! The layering, from the bottom: [`secret`] (zeroizing newtypes) <- [`item`]
//! (typed recovery material, BIP39/SLIP-39/TOTP validation) <- [`playbook`]
//! (data-driven playbooks and their pure engine) <- [`vault`] (the age file
//! format, unlock paths and crash-safe store) <- [`interop`] and [`recovery`]
//! (import/export, backups, kit, doctor) <- the `cli` and `tui` front ends.
//! [`config`] says where the vault is and how it is set, for both front
//! ends. The core modules never depend on clap, ratatui or crossterm, and
//! neither front end depends on the other (the command line only starts
//! the TUI).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod config;
pub mod i18n;
pub mod interop;
pub mod item;
pub mod lang;
pub mod playbook;
pub mod recovery;
pub mod secret;
pub mod secure_mem;
pub mod textwidth;
pub mod vault;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "tui")]
pub mod tui;
