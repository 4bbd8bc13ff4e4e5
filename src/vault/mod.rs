//! The vault: the age envelope, its unlock paths, the payload, and the
//! crash-safe store.
//!
//! - [`crypto`]: the Argon2id passphrase stanza and X25519 identities.
//! - [`policy`]: the strength policy for new passphrases.
//! - [`format`]: the payload and sealing/unsealing it (docs/vault-format.md).
//! - [`merge`]: revision metadata and the merge of two copies of a vault.
//! - [`header`]: the limits an age header must meet, checked before the age
//!   crate parses it.
//! - [`rekey`]: changing the passphrase of an open vault (checks first,
//!   nothing changed on refusal).
//! - [`store`]: [`Vault`], opening and the save protocol (lock, change
//!   detection, temp file, fsync, verify, previous generation, rename,
//!   directory fsync).

pub mod crypto;
pub mod format;
pub mod header;
pub mod merge;
pub mod policy;
pub mod rekey;
pub mod store;

pub use crypto::{KdfParams, NamedIdentity};
pub use format::{OpenedBy, Payload, Unlock};
pub use store::{default_vault_path, Vault};

/// The broad class of a [`VaultError`]; the command line maps each to its
/// exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Bad input or a refused operation (exit 1).
    Input,
    /// Authentication failed (exit 3).
    Auth,
    /// The vault is missing, unreadable or corrupted (exit 4).
    Corrupt,
    /// Another process holds the vault or changed it (exit 5).
    Locked,
}

/// Everything that can go wrong with a vault. Every message says what
/// happened and what to do next, and never holds secret material.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VaultError {
    /// No vault at the path.
    #[error(
        "no vault at {path}; create one with `lifeboat init` or point --vault at an existing file"
    )]
    Missing {
        /// The path looked at.
        path: String,
    },
    /// `init` would overwrite a vault.
    #[error("a vault already exists at {path}; refusing to overwrite it (choose another --vault path, or remove it yourself if you are sure)")]
    Exists {
        /// The existing file.
        path: String,
    },
    /// The vault's folder lets other users plant or swap files.
    #[error("the folder {folder} is not private: {why}, so someone else could replace the vault with one of their own. Make it private with `{fix}` (or keep the vault in a folder only you can write), then try again")]
    UnsafeFolder {
        /// The folder.
        folder: String,
        /// What is wrong.
        why: String,
        /// The command that fixes it.
        fix: String,
    },
    /// Reading or writing failed.
    #[error("{op} {path} failed: {source}")]
    Io {
        /// What was being done.
        op: &'static str,
        /// On which file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A save could not complete; the vault on disk is unchanged.
    #[error("the save failed while {step}: {source}. The vault on disk is unchanged; check free space and the disk, then try again")]
    SaveFailed {
        /// The step of the save protocol.
        step: &'static str,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The new file is in place but the folder could not be flushed, so the
    /// rename may not survive a power cut.
    #[error("the vault was written, but flushing the folder {path} failed ({source}), so the save may not survive a power cut; run the command again to confirm, and check the disk")]
    NotDurable {
        /// The folder.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Wrong passphrase or no matching identity.
    #[error("{0}. Check the passphrase (or identity file) and try again; if the passphrase is lost, run `lifeboat recover` with the recovery key or trustee shares")]
    Auth(String),
    /// The file is damaged or not a vault.
    #[error("the vault file is damaged or not a lifeboat vault: {reason}")]
    Corrupt {
        /// Why.
        reason: String,
    },
    /// Decrypts, but is not the vault the keys say it is.
    #[error("the vault fails the authenticity check: {reason}. It was not written by lifeboat with this vault's keys (possible forgery). Do not trust its contents and do not save anything into it; restore a backup or the previous generation that opens with your passphrase (`lifeboat restore FILE`)")]
    Forged {
        /// What did not match.
        reason: String,
    },
    /// A write in a session opened by an extra identity, which cannot prove
    /// the file genuine.
    #[error("this vault was opened with {recipient}, an extra recipient's key, which can read the vault but cannot prove who wrote it, so the session is read-only. To change the vault, prove the passphrase or the recovery key in the same session (type the passphrase when asked, give --passphrase-fd N together with --identity, or give the recovery key as a second --identity). If the key you used is your recovery key, this file is not your vault: do not trust it, restore a backup")]
    Unverified {
        /// The extra identity's recipient.
        recipient: String,
    },
    /// A recovery (new passphrase, rotation) with a key that is not the
    /// vault's recovery key.
    #[error("this key opens the vault file but is not the recovery key the vault holds (it is listed as an extra recipient, {recipient}); an extra recipient can read but not recover or change the vault. If it is your recovery key, this file is not your vault: do not trust it, restore a backup")]
    NotRecoveryKey {
        /// The key's recipient.
        recipient: String,
    },
    /// Written by a newer lifeboat.
    #[error("the vault was written by a newer lifeboat (payload version {version}); upgrade lifeboat, or read it with `age -d -i <recovery key>`")]
    TooNew {
        /// The payload version found.
        version: u32,
    },
    /// Another process holds the lock.
    #[error("the vault is locked by another lifeboat process (lock file {path}); wait for it to finish and try again")]
    Locked {
        /// The lock file.
        path: String,
    },
    /// The file changed on disk since it was loaded.
    #[error("the vault was changed by another process since it was opened; nothing was saved. Run the command again to work on the new version")]
    Changed,
    /// A merge with a copy of another vault.
    #[error("that file is a different vault (id {theirs}, this vault is {ours}), so it cannot be merged; to copy its items into this vault, use `lifeboat import FILE` on an export of it")]
    DifferentVault {
        /// This vault's id.
        ours: String,
        /// The other file's id.
        theirs: String,
    },
    /// Bad input or a refused operation.
    #[error("{0}")]
    Invalid(String),
    /// An internal invariant failed.
    #[error("internal error: {0}. Nothing was saved; please report this")]
    Internal(String),
}

impl VaultError {
    /// The class that decides the exit code.
    pub fn class(&self) -> ErrorClass {
        match self {
            VaultError::Auth(_)
            | VaultError::Unverified { .. }
            | VaultError::NotRecoveryKey { .. } => ErrorClass::Auth,
            VaultError::Missing { .. }
            | VaultError::Corrupt { .. }
            | VaultError::Forged { .. }
            | VaultError::TooNew { .. }
            | VaultError::Io { .. } => ErrorClass::Corrupt,
            VaultError::Locked { .. } | VaultError::Changed => ErrorClass::Locked,
            VaultError::Exists { .. }
            | VaultError::SaveFailed { .. }
            | VaultError::NotDurable { .. }
            | VaultError::Invalid(_)
            | VaultError::DifferentVault { .. }
            | VaultError::UnsafeFolder { .. }
            | VaultError::Internal(_) => ErrorClass::Input,
        }
    }
}
