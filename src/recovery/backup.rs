//! Verified backup copies of the vault, and comparing a backup with it.
//!
//! This module owns the backup folder layout: a backup is a byte-for-byte
//! copy of the vault file named `lifeboat-YYYYMMDDTHHMMSSZ.age` (with a
//! `-N` suffix when two land in the same second). A copy is written to a
//! temp name (`.lifeboat-backup.tmp.*`, never counted as a backup), flushed,
//! read back, decrypted with the vault's own recovery key and compared with
//! the vault before it gets its final name by a hard link, which never
//! replaces an existing file. Only then are old backups rotated out, and the
//! new one is never among those removed. A crash at any moment therefore
//! leaves every file with a backup name complete and verified.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::text;
use crate::vault::crypto::NamedIdentity;
use crate::vault::format::{self, Payload, Unlock};
use crate::vault::VaultError;

/// Every backup name starts with this.
pub const BACKUP_PREFIX: &str = "lifeboat-";
/// Every backup name ends with this.
pub const BACKUP_SUFFIX: &str = ".age";
/// Temp files being written start with this; they are never backups.
pub const TEMP_PREFIX: &str = ".lifeboat-backup.tmp.";
/// A temp file older than this was left by a crash and may be removed.
const STALE_TEMP_SECS: u64 = 600;

/// A backup file found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    /// Its path.
    pub path: PathBuf,
    /// The `YYYYMMDDTHHMMSSZ` part of the name.
    pub stamp: String,
    /// The same-second counter (0 when the name has no `-N`).
    pub seq: u32,
}

/// What [`write_backup`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    /// The new, verified backup.
    pub path: PathBuf,
    /// Its size.
    pub bytes: u64,
    /// Older backups removed by rotation.
    pub removed: Vec<PathBuf>,
    /// Backups left in the folder, the new one included.
    pub kept: usize,
}

/// The `YYYYMMDDTHHMMSSZ` stamp of a UTC time.
pub fn stamp_of(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The file name for a backup stamp and same-second counter.
pub fn backup_name(stamp: &str, seq: u32) -> String {
    if seq == 0 {
        format!("{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}")
    } else {
        format!("{BACKUP_PREFIX}{stamp}-{seq}{BACKUP_SUFFIX}")
    }
}

/// Parses a backup file name into its stamp and counter; `None` for any
/// other name (temp files included).
pub fn parse_backup_name(name: &str) -> Option<(String, u32)> {
    let rest = name
        .strip_prefix(BACKUP_PREFIX)?
        .strip_suffix(BACKUP_SUFFIX)?;
    let (stamp, seq) = match rest.split_once('-') {
        Some((s, n)) => {
            // A leading zero would name the same generation twice ("-02"
            // and "-2"; found by fuzzing): only the canonical form counts.
            if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (s, n.parse::<u32>().ok().filter(|n| *n > 0)?)
        }
        None => (rest, 0),
    };
    let b = stamp.as_bytes();
    let ok = b.len() == 16
        && b[..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'T'
        && b[9..15].iter().all(u8::is_ascii_digit)
        && b[15] == b'Z';
    ok.then(|| (stamp.to_owned(), seq))
}

/// The backups in `dir`, newest first (by the time in the name).
pub fn list_backups(dir: &Path) -> Result<Vec<BackupFile>, VaultError> {
    let entries = fs::read_dir(dir).map_err(|source| VaultError::Io {
        op: "listing the backup folder",
        path: dir.display().to_string(),
        source,
    })?;
    let mut out: Vec<BackupFile> = entries
        .flatten()
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            parse_backup_name(&name).map(|(stamp, seq)| BackupFile {
                path: e.path(),
                stamp,
                seq,
            })
        })
        .collect();
    out.sort_by(|a, b| (&b.stamp, b.seq).cmp(&(&a.stamp, a.seq)));
    Ok(out)
}

fn save_failed(step: &'static str) -> impl FnOnce(std::io::Error) -> VaultError {
    move |source| VaultError::SaveFailed { step, source }
}

/// Writes a verified copy of the vault file into `dir` and rotates old
/// copies so at most `keep` remain (the new one always among them).
///
/// `vault_bytes` must be the vault file as it is on disk and `payload` what
/// it decrypts to; the copy is read back and must decrypt, with the
/// payload's own recovery key, to the same payload.
pub fn write_backup(
    dir: &Path,
    vault_bytes: &[u8],
    payload: &Payload,
    keep: usize,
    now: OffsetDateTime,
) -> Result<BackupReport, VaultError> {
    if keep == 0 {
        return Err(VaultError::Invalid(text::KEEP_ZERO.into()));
    }
    if !dir.is_dir() {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|source| VaultError::Io {
                op: "creating the backup folder",
                path: dir.display().to_string(),
                source,
            })?;
    }
    clean_stale_temps(dir);
    let tmp = dir.join(format!("{TEMP_PREFIX}{}", crate::item::new_id()));
    let result = write_and_verify(&tmp, vault_bytes, payload).and_then(|()| {
        let path = publish(&tmp, dir, &stamp_of(now))?;
        fsync_dir(dir)?;
        Ok(path)
    });
    // The temp name is gone after a successful publish; after a failure it
    // must not stay behind.
    let _ = fs::remove_file(&tmp);
    let path = result?;
    let (removed, kept) = rotate(dir, &path, keep)?;
    Ok(BackupReport {
        path,
        bytes: vault_bytes.len() as u64,
        removed,
        kept,
    })
}

fn write_and_verify(tmp: &Path, bytes: &[u8], payload: &Payload) -> Result<(), VaultError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(tmp)
        .map_err(save_failed("creating the temporary backup file"))?;
    f.write_all(bytes)
        .map_err(save_failed("writing the backup"))?;
    // Never retried: a second fsync after a failed one can report success
    // for data the kernel already dropped.
    f.sync_all()
        .map_err(save_failed("flushing the backup to disk (fsync)"))?;
    drop(f);
    let (back, _) = crate::vault::store::read_guarded(tmp)?;
    if back != bytes {
        return Err(VaultError::SaveFailed {
            step: "reading the backup back",
            source: std::io::Error::other("the bytes read back differ from the vault file"),
        });
    }
    let recovery = NamedIdentity::parse(payload.keys.recovery_identity.expose())
        .map_err(|e| VaultError::Internal(e.to_string()))?;
    let unsealed = format::unseal(&back, &Unlock::Identities(vec![recovery]))?;
    if unsealed.payload != *payload {
        return Err(VaultError::SaveFailed {
            step: "decrypting the backup with the recovery key",
            source: std::io::Error::other("it decrypts to something other than the vault"),
        });
    }
    Ok(())
}

/// Gives the verified temp file its backup name without ever replacing an
/// existing file: a hard link fails when the name is taken, so a second
/// backup in the same second gets the next counter.
fn publish(tmp: &Path, dir: &Path, stamp: &str) -> Result<PathBuf, VaultError> {
    for seq in 0..1000u32 {
        let path = dir.join(backup_name(stamp, seq));
        match fs::hard_link(tmp, &path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                // No hard links on this filesystem: fall back to a rename
                // after checking the name is free (we hold the vault lock).
                if path.exists() {
                    continue;
                }
                return fs::rename(tmp, &path)
                    .map(|()| path)
                    .map_err(|_| VaultError::SaveFailed {
                        step: "naming the backup file",
                        source: e,
                    });
            }
        }
    }
    Err(VaultError::Invalid(text::TOO_MANY_SAME_SECOND.into()))
}

fn fsync_dir(dir: &Path) -> Result<(), VaultError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(save_failed("flushing the backup folder (fsync)"))
}

/// Removes backups beyond the newest `keep`, never `new`. Returns the
/// removed paths and how many backups remain.
fn rotate(dir: &Path, new: &Path, keep: usize) -> Result<(Vec<PathBuf>, usize), VaultError> {
    let all = list_backups(dir)?;
    let mut kept = 1; // the new one
    let mut removed = Vec::new();
    for b in all.into_iter().filter(|b| b.path != new) {
        if kept < keep {
            kept += 1;
        } else if fs::remove_file(&b.path).is_ok() {
            removed.push(b.path);
        } else {
            kept += 1;
        }
    }
    Ok((removed, kept))
}

/// Removes temp files that a crashed backup left behind (old enough that
/// no running backup can still own them).
fn clean_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if !e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > STALE_TEMP_SECS);
        if old {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// How a backup differs from the vault, by item name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// In the vault, not in the backup (added since the backup).
    pub added: Vec<String>,
    /// In the backup, not in the vault (removed since the backup).
    pub removed: Vec<String>,
    /// In both, with different contents.
    pub changed: Vec<String>,
}

impl Comparison {
    /// True when the items are identical.
    pub fn is_identical(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compares the items of the vault (`current`) and a backup, by item id
/// (so a rename counts as a change), reporting names.
pub fn compare(current: &Payload, backup: &Payload) -> Comparison {
    let mut c = Comparison::default();
    for item in &current.items {
        match backup.items.iter().find(|b| b.id == item.id) {
            None => c.added.push(item.name.clone()),
            Some(b) if b != item => c.changed.push(item.name.clone()),
            Some(_) => {}
        }
    }
    for b in &backup.items {
        if !current.items.iter().any(|i| i.id == b.id) {
            c.removed.push(b.name.clone());
        }
    }
    c
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_canonical_sequence_numbers_are_backup_names() {
        // Regression (fuzzing): "-02" was read as 2 and printed back as "-2".
        let name = |seq: &str| format!("{BACKUP_PREFIX}20261130T072200Z-{seq}{BACKUP_SUFFIX}");
        assert_eq!(
            super::parse_backup_name(&name("2")),
            Some(("20261130T072200Z".to_owned(), 2))
        );
        assert_eq!(super::parse_backup_name(&name("02")), None);
        assert_eq!(super::parse_backup_name(&name("0")), None);
    }

    use super::*;

    #[test]
    fn names_round_trip_and_reject_others() {
        let t = time::macros::datetime!(2024-03-05 07:08:09 UTC);
        assert_eq!(stamp_of(t), "20240305T070809Z");
        assert_eq!(
            backup_name("20240305T070809Z", 0),
            "lifeboat-20240305T070809Z.age"
        );
        assert_eq!(
            parse_backup_name("lifeboat-20240305T070809Z-3.age"),
            Some(("20240305T070809Z".into(), 3))
        );
        assert_eq!(
            parse_backup_name("lifeboat-20240305T070809Z.age"),
            Some(("20240305T070809Z".into(), 0))
        );
        for bad in [
            "lifeboat-20240305T070809Z-0.age",
            "lifeboat-20240305T070809Z-.age",
            "lifeboat-2024030T070809Z.age",
            "lifeboat-20240305T070809Z.age.prev",
            ".lifeboat-backup.tmp.abc",
            "vault.age",
        ] {
            assert_eq!(parse_backup_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn listing_sorts_newest_first_with_counters() {
        let d = tempfile::tempdir().unwrap();
        for n in [
            "lifeboat-20240101T000000Z.age",
            "lifeboat-20240101T000000Z-2.age",
            "lifeboat-20231231T235959Z.age",
            ".lifeboat-backup.tmp.x",
        ] {
            fs::write(d.path().join(n), b"x").unwrap();
        }
        let names: Vec<String> = list_backups(d.path())
            .unwrap()
            .iter()
            .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "lifeboat-20240101T000000Z-2.age",
                "lifeboat-20240101T000000Z.age",
                "lifeboat-20231231T235959Z.age"
            ]
        );
    }
}
