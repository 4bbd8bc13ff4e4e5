//! Backups, restore drills, recovery-key splitting, the emergency kit and the doctor check-up.
//!
//! - [`backup`]: verified timestamped copies with rotation, and comparing a
//!   backup with the vault;
//! - [`split`]: the recovery key as SLIP-39 shares, proven before they are
//!   handed out, and rebuilt from shares;
//! - [`kit`]: the printable HTML emergency kit;
//! - [`doctor`]: the security check-up as a pure function of the vault;
//! - [`text`]: every user-facing string of the above.
//!
//! Nothing here depends on clap; the commands in `cli::recovery_cmd` only
//! gather input, call these and print.

pub mod backup;
pub mod doctor;
pub mod kit;
pub mod split;
pub mod text;
