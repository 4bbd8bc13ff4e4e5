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
//! - [`stream`]: the age payload decrypted from the file in place, on two
//!   threads for a large vault (the header stays with the age crate).

pub mod crypto;
pub mod format;
pub mod header;
pub mod merge;
pub mod policy;
pub mod rekey;
pub mod store;
pub mod stream;

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
    #[error("{}", crate::tr!("err-vault-vault-error-missing", path = path.to_string()))]
    Missing {
        /// The path looked at.
        path: String,
    },
    /// `init` would overwrite a vault.
    #[error("{}", crate::tr!("err-vault-vault-error-exists", path = path.to_string()))]
    Exists {
        /// The existing file.
        path: String,
    },
    /// The vault's folder lets other users plant or swap files.
    #[error("{}", crate::tr!("err-vault-vault-error-unsafe-folder", folder = folder.to_string(), why = why.to_string(), fix = fix.to_string()))]
    UnsafeFolder {
        /// The folder.
        folder: String,
        /// What is wrong.
        why: String,
        /// The command that fixes it.
        fix: String,
    },
    /// Reading or writing failed.
    #[error("{}", crate::tr!("err-vault-vault-error-io", op = crate::i18n::translate_english(op), path = path.to_string(), source = crate::i18n::io_reason(source)))]
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
    #[error("{}", crate::tr!("err-vault-vault-error-save-failed", step = crate::i18n::translate_english(step), source = crate::i18n::io_reason(source)))]
    SaveFailed {
        /// The step of the save protocol.
        step: &'static str,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The new file is in place but the folder could not be flushed, so the
    /// rename may not survive a power cut.
    #[error("{}", crate::tr!("err-vault-vault-error-not-durable", path = path.to_string(), source = crate::i18n::io_reason(source)))]
    NotDurable {
        /// The folder.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// Wrong passphrase or no matching identity.
    #[error("{}", crate::tr!("err-vault-vault-error-auth", value = crate::i18n::translate_english(_0)))]
    Auth(String),
    /// The file is damaged or not a vault.
    #[error("{}", crate::tr!("err-vault-vault-error-corrupt", reason = crate::i18n::translate_english(reason)))]
    Corrupt {
        /// Why.
        reason: String,
    },
    /// Decrypts, but is not the vault the keys say it is.
    #[error("{}", crate::tr!("err-vault-vault-error-forged", reason = crate::i18n::translate_english(reason)))]
    Forged {
        /// What did not match.
        reason: String,
    },
    /// A write in a session opened by an extra identity, which cannot prove
    /// the file genuine.
    #[error("{}", crate::tr!("err-vault-vault-error-unverified", recipient = recipient.to_string()))]
    Unverified {
        /// The extra identity's recipient.
        recipient: String,
    },
    /// A recovery (new passphrase, rotation) with a key that is not the
    /// vault's recovery key.
    #[error("{}", crate::tr!("err-vault-vault-error-not-recovery-key", recipient = recipient.to_string()))]
    NotRecoveryKey {
        /// The key's recipient.
        recipient: String,
    },
    /// Written by a newer lifeboat.
    #[error("{}", crate::tr!("err-vault-vault-error-too-new", version = version.to_string()))]
    TooNew {
        /// The payload version found.
        version: u32,
    },
    /// Another process holds the lock.
    #[error("{}", crate::tr!("err-vault-vault-error-locked", path = path.to_string()))]
    Locked {
        /// The lock file.
        path: String,
    },
    /// The file changed on disk since it was loaded.
    #[error("{}", crate::tr!("err-vault-vault-error-changed"))]
    Changed,
    /// A merge with a copy of another vault.
    #[error("{}", crate::tr!("err-vault-vault-error-different-vault", theirs = theirs.to_string(), ours = ours.to_string()))]
    DifferentVault {
        /// This vault's id.
        ours: String,
        /// The other file's id.
        theirs: String,
    },
    /// A name that more than one item holds (a merge keeps both items
    /// when two copies each added one with that name).
    #[error("{}", crate::tr!("sync-ambiguous-name", name = name.as_str(), count = *count, matches = matches.as_str(), first = first.as_str()))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// How many items hold it.
        count: usize,
        /// Each item's id and kind, ready to show.
        matches: String,
        /// The first item's id (for the example command).
        first: String,
    },
    /// Bad input or a refused operation.
    #[error("{0}")]
    Invalid(String),
    /// An internal invariant failed.
    #[error("{}", crate::tr!("err-vault-vault-error-internal", value = _0.to_string()))]
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
            | VaultError::Ambiguous { .. }
            | VaultError::DifferentVault { .. }
            | VaultError::UnsafeFolder { .. }
            | VaultError::Internal(_) => ErrorClass::Input,
        }
    }
}
