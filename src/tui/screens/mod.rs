//! One module per screen, each owning its state, its pure `update` and its
//! view (the component pattern). [`crate::tui::app`] routes messages and
//! effects to them; [`crate::tui::view`] lays out the frame around them.
//!
//! - [`unlock`]: the passphrase screen;
//! - [`create`]: first run, creating a vault;
//! - [`recover`]: forgot passphrase (recovery key or shares);
//! - [`items`]: the Items tab;
//! - [`detail`]: one item;
//! - [`form`]: adding or editing an item;
//! - [`playbooks`]: the Playbooks tab;
//! - [`runner`]: working through a playbook;
//! - [`tools`]: the Tools tab (backup, drill, kit, split, passphrase,
//!   erasing removed items' values, doctor);
//! - [`prove`]: proving a read-only session (passphrase or recovery key);
//! - [`sync`]: the sync conflict copies beside the vault, to merge;
//! - [`help`]: the help overlay.

pub mod create;
pub mod detail;
pub mod form;
pub mod help;
pub mod items;
pub mod playbooks;
pub mod prove;
pub mod recover;
pub mod runner;
pub mod sync;
pub mod tools;
pub mod unlock;

pub use create::{expected_chars, CreateStage, CreateState};
pub use detail::{copy_text, DetailState, REVEAL_SECS};
pub use form::{form_to_item, FormField, FormState};
pub use items::{ItemsState, ListRow};
pub use prove::ProveState;
pub use recover::{RecoverStage, RecoverState};
pub use runner::{report_file_name, AccountChoice, AccountPicker, NotePurpose, RunnerState};
pub use sync::{CopyEntry, MergedCopy, SyncState};
pub use tools::{Tool, ToolsState};
pub use unlock::UnlockState;
