//! Where things are and how they are set: the vault path and, later, the
//! settings file. Neutral ground between the front ends: the command line
//! and the TUI both ask this module, and neither asks the other.
//!
//! Precedence, everywhere: a flag beats the environment, the environment
//! beats the config file, the config file beats the default.

use std::path::{Path, PathBuf};

/// The environment variable naming the vault file.
pub const VAULT_ENV: &str = "LIFEBOAT_VAULT";

/// Why a path could not be worked out.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// No home folder to put the default vault in.
    #[error("cannot find a home folder for the default vault; pass --vault PATH")]
    NoHome,
}

/// The vault file: `flag` (`--vault`), else `$LIFEBOAT_VAULT`, else the
/// default under the data folder.
pub fn vault_path(flag: Option<&Path>) -> Result<PathBuf, PathError> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(VAULT_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    crate::vault::default_vault_path().ok_or(PathError::NoHome)
}

/// The local time zone's offset from UTC now, as the platform reports it;
/// UTC when it cannot be read (reports then say UTC).
pub fn local_offset() -> time::UtcOffset {
    time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC)
}
