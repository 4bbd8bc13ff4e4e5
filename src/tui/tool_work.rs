//! The file work of the Tools tab, run by the runtime for the effects the
//! pure update asks for: a verified backup, a restore drill on the newest
//! backup of a folder, the emergency kit, the recovery key's shares, the
//! new passphrase key, the erasing of removed items' values, and the
//! doctor's checks. Each records what it did
//! in the vault (dates, audit, the folder used) and saves through the save
//! protocol.

use std::path::Path;

use crate::item::now_utc;
use crate::recovery::{backup, doctor, kit, split};
use crate::secret::SecretString;
use crate::vault::crypto::PassphraseKey;
use crate::vault::format::{self, Unlock};
use crate::vault::store::{prev_path, read_guarded};
use crate::vault::{NamedIdentity, Vault};

use super::app::{CopyEntry, MergedCopy, ToolDone};
use super::text;

fn remember(vault: &mut Vault, dir: &Path) {
    vault.payload_mut().settings.backup_dir = Some(dir.display().to_string());
}

/// Writes a verified backup of the open vault into `dir`.
pub fn make_backup(vault: &mut Vault, dir: &Path) -> Result<ToolDone, String> {
    // Save first, so the file copied is exactly what is open.
    vault.save().map_err(|e| e.to_string())?;
    let (bytes, _) = read_guarded(vault.path()).map_err(|e| e.to_string())?;
    let keep = vault.payload().settings.backup_keep.max(1) as usize;
    let now = now_utc();
    let report =
        backup::write_backup(dir, &bytes, vault.payload(), keep, now).map_err(|e| e.to_string())?;
    let name = report
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    vault.payload_mut().history.last_backup = Some(now);
    remember(vault, dir);
    vault.audit("backup", name.as_deref());
    vault.save().map_err(|e| e.to_string())?;
    Ok(ToolDone::Lines(text::tool_backup_done(
        &report.path.display().to_string(),
        report.kept,
    )))
}

/// Opens the newest backup in `dir` (listed newest first) with the vault's recovery key and
/// compares it with the vault; records the drill.
pub fn drill(vault: &mut Vault, dir: &Path) -> Result<ToolDone, String> {
    let shown = dir.display().to_string();
    let newest = backup::list_backups(dir)
        .map_err(|e| e.to_string())?
        .into_iter()
        .next()
        .ok_or_else(|| text::tool_no_backup(&shown))?;
    let (bytes, _) = read_guarded(&newest.path).map_err(|e| e.to_string())?;
    let key = NamedIdentity::parse(vault.payload().keys.recovery_identity.expose())
        .map_err(|e| e.to_string())?;
    let opened =
        format::unseal(&bytes, &Unlock::Identities(vec![key])).map_err(|e| e.to_string())?;
    if opened.payload.vault_id != vault.payload().vault_id {
        return Err(crate::recovery::text::foreign_vault(
            &opened.payload.vault_id,
            &vault.payload().vault_id,
        ));
    }
    let same = backup::compare(vault.payload(), &opened.payload).is_identical();
    vault.payload_mut().history.last_drill = Some(now_utc());
    remember(vault, dir);
    let name = newest
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    vault.audit("verify", name.as_deref());
    vault.save().map_err(|e| e.to_string())?;
    Ok(ToolDone::Lines(text::tool_drill_done(
        &newest.path.display().to_string(),
        same,
    )))
}

/// Writes the emergency kit into `dir` as a new 0600 file.
pub fn write_kit(vault: &mut Vault, dir: &Path) -> Result<ToolDone, String> {
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let now = now_utc();
    let p = vault.payload();
    let input = kit::KitInput {
        recovery_key: p.keys.recovery_identity.clone(),
        recipient: p.keys.recovery_recipient.clone(),
        vault_path: std::path::absolute(vault.path())
            .unwrap_or_else(|_| vault.path().to_path_buf())
            .display()
            .to_string(),
        vault_id: p.vault_id.clone(),
        generated: now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        shares: Vec::new(),
        seeds: Vec::new(),
    };
    // The kit is printed in the interface's language.
    let html: SecretString = kit::render(&input, crate::i18n::lang()).map_err(|e| e.to_string())?;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| text::cannot_create(&dir.display().to_string(), &e.to_string()))?;
    let path = dir.join(format!("lifeboat-kit-{}.html", backup::stamp_of(now)));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| text::cannot_create(&path.display().to_string(), &e.to_string()))?;
    f.write_all(html.expose().as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| text::write_failed(&path.display().to_string(), &e.to_string()))?;
    vault.payload_mut().history.kit_printed = Some(now);
    remember(vault, dir);
    vault.audit("kit", None);
    vault.save().map_err(|e| e.to_string())?;
    Ok(ToolDone::Lines(text::tool_kit_done(
        &path.display().to_string(),
    )))
}

/// Splits the recovery key as `plan` says, proves the shares, and writes
/// them into `dir` exactly as `lifeboat split --out` does; records the
/// split. Nothing is written when the proof or a file name fails.
pub fn split(vault: &mut Vault, dir: &Path, plan: &split::SplitPlan) -> Result<ToolDone, String> {
    let key = vault.payload().keys.recovery_identity.clone();
    let set = split::split_recovery_key(&key, plan).map_err(|e| e.to_string())?;
    let files = split::write_share_files(dir, &set)?;
    vault.payload_mut().history.recovery_key_split = Some(now_utc());
    vault.audit("split", None);
    vault.save().map_err(|e| e.to_string())?;
    let listed: Vec<(String, String)> = set
        .shares
        .iter()
        .zip(&files)
        .map(|(s, p)| (p.display().to_string(), s.label()))
        .collect();
    Ok(ToolDone::Lines(text::tool_split_done(
        &listed,
        &crate::recovery::text::split_written(&dir.display().to_string(), files.len()),
        &crate::recovery::text::split_done(set.shares.len(), set.subsets_checked, set.exhaustive),
    )))
}

/// Puts the new passphrase key (checked and made by
/// [`crate::vault::rekey::new_key`]) into the vault and saves; a failed
/// save puts the old key back, so memory and disk agree.
pub fn install_passphrase(vault: &mut Vault, key: PassphraseKey) -> Result<ToolDone, String> {
    let before = vault.payload().keys.passphrase.params;
    let after = key.params;
    let old = crate::vault::rekey::install(vault, key);
    if let Err(e) = vault.save() {
        vault.payload_mut().keys.passphrase = old;
        return Err(text::passphrase_not_saved(&e.to_string()));
    }
    let raised = (before != after).then_some((after.m_kib / 1024, after.t));
    Ok(ToolDone::Lines(text::tool_passphrase_done(raised)))
}

/// Erases for good the values the tombstones of these removed items keep
/// and saves through the save protocol, twice (see
/// [`Vault::save_purged`]). A read-only session is refused before
/// anything changes.
pub fn purge(vault: &mut Vault, ids: &[String]) -> Result<ToolDone, String> {
    let n = vault.purge_deleted(ids).map_err(|e| match e {
        crate::vault::VaultError::Unverified { .. } => text::PURGE_READ_ONLY.text(),
        other => other.to_string(),
    })?;
    vault
        .save_purged()
        .map_err(|e| text::save_failed(&e.to_string()))?;
    Ok(ToolDone::Lines(text::tool_purge_done(n)))
}

/// The doctor's findings for the open vault.
pub fn check_up(vault: &Vault) -> ToolDone {
    use std::os::unix::fs::PermissionsExt;
    let path = vault.path();
    let facts = doctor::FileFacts {
        path: path.display().to_string(),
        mode: std::fs::metadata(path).ok().map(|m| m.permissions().mode()),
        folder: crate::vault::store::folder_finding(path),
        prev_exists: prev_path(path).exists(),
        // This process holds the lock while the TUI is open.
        lock_held: false,
        stale_temps: 0,
        // What this TUI process got at start.
        memory: crate::secure_mem::protected_status(),
        conflict_copies: crate::vault::store::conflict_copies(path)
            .into_iter()
            .map(|(p, tool)| (p.display().to_string(), tool))
            .collect(),
    };
    ToolDone::Findings(doctor::check(vault.payload(), &facts, now_utc()))
}

/// Why a conflict copy is not merged, in words for the page.
fn refusal(e: &crate::vault::VaultError) -> String {
    use crate::vault::VaultError as E;
    match e {
        E::Forged { .. } => crate::tr!("sync-refused-forged"),
        E::Auth(_) | E::NotRecoveryKey { .. } => crate::tr!("sync-refused-keys"),
        E::Unverified { .. } => crate::tr!("sync-refused-read-only"),
        E::DifferentVault { .. } => crate::tr!("sync-refused-other-vault"),
        other => crate::tr!("sync-refused-damaged", error = other.to_string()),
    }
}

/// Opens each sync conflict copy beside the vault with the vault's
/// recovery key, proves it (see [`crate::vault::store::open_copy`]) and
/// compares it: what a merge would change, or why it is refused. Nothing
/// is written.
pub fn preview_copies(vault: &Vault) -> Vec<CopyEntry> {
    crate::vault::store::conflict_copies(vault.path())
        .into_iter()
        .map(|(path, tool)| {
            // A read-only session holds no recovery key to open them with.
            let preview = if !vault.is_verified() {
                Err(crate::tr!("sync-refused-read-only"))
            } else {
                crate::vault::store::open_copy(&path, vault.payload())
                    .map(|other| crate::vault::merge::merge(vault.payload(), &other).1)
                    .map_err(|e| refusal(&e))
            };
            CopyEntry {
                path,
                tool,
                preview,
            }
        })
        .collect()
}

/// Merges one conflict copy into the vault through the save protocol,
/// then moves the copy into the backup folder (`config_backup_dir`, else
/// the vault's, else `lifeboat-merged` beside it). The copy is opened and
/// proved again here: what was previewed may have been replaced since. A
/// refused copy, or a failed save, leaves the copy where it is.
pub fn merge_copy(
    vault: &mut Vault,
    copy: &Path,
    config_backup_dir: Option<&Path>,
) -> Result<Box<MergedCopy>, (std::path::PathBuf, String)> {
    let fail = |why: String| (copy.to_path_buf(), why);
    if !vault.is_verified() {
        return Err(fail(crate::tr!("sync-refused-read-only")));
    }
    let is_copy = crate::vault::store::conflict_copies(vault.path())
        .iter()
        .any(|(p, _)| p == copy);
    if !is_copy {
        return Err(fail(crate::tr!("sync-gone")));
    }
    let other =
        crate::vault::store::open_copy(copy, vault.payload()).map_err(|e| fail(refusal(&e)))?;
    let report = vault.merge_in(&other).map_err(|e| fail(refusal(&e)))?;
    drop(other);
    let name = copy.file_name().map(|n| n.to_string_lossy().into_owned());
    vault.audit("merge", name.as_deref());
    vault
        .save()
        .map_err(|e| fail(text::save_failed(&e.to_string())))?;
    // What this save merged from another program is part of this merge.
    let _ = vault.take_merge_report();
    let dir =
        crate::vault::store::merged_copies_dir(config_backup_dir, vault.payload(), vault.path());
    let moved = crate::vault::store::move_aside(copy, &dir).map_err(|e| e.to_string());
    Ok(Box::new(MergedCopy {
        path: copy.to_path_buf(),
        report,
        moved,
    }))
}
