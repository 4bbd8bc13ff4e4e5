//! `merge`, `restore --merge` and the git `merge-driver`: joining another
//! copy of the same vault (see src/vault/merge.rs). A copy is merged only
//! when it opens on a proved path (the passphrase or a recovery key);
//! anything else is refused before the vault is touched.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::args::{MergeArgs, MergeDriverArgs};
use super::commands::{print_json, Ctx};
use super::input;
use super::text;
use super::CliError;
use crate::noteln;
use crate::outln;
use crate::vault::format::{self, Payload, Unsealed};
use crate::vault::merge::MergeReport;
use crate::vault::store::{self, read_guarded};
use crate::vault::{ErrorClass, NamedIdentity, OpenedBy, Unlock, Vault, VaultError};

/// Opens another copy of the vault and proves it genuine. With
/// `other_identity` only those keys are tried; otherwise the recovery key
/// of the vault in hand (`ours`), then the unlock the user gave (a
/// passphrase). An open that proves nothing (an extra identity) is refused
/// with exit 3; a damaged or forged copy with exit 4.
pub fn open_other(
    file: &Path,
    other_identity: &[PathBuf],
    ours: &Payload,
    given: Option<&Unlock>,
) -> Result<Unsealed, CliError> {
    let (bytes, _) = read_guarded(file).map_err(|e| CliError::corrupt(e.to_string()))?;
    let mut attempts: Vec<Unlock> = Vec::new();
    if !other_identity.is_empty() {
        attempts.push(input::unlock_from(other_identity, None)?);
    } else {
        if let Ok(rk) = NamedIdentity::parse(ours.keys.recovery_identity.expose()) {
            attempts.push(Unlock::Identities(vec![rk]));
        }
        if let Some(Unlock::Passphrase(p)) = given {
            attempts.push(Unlock::Passphrase(p.clone()));
        }
    }
    let mut last = None;
    for unlock in &attempts {
        match format::unseal(&bytes, unlock) {
            Ok(u) => {
                if let OpenedBy::OtherIdentity(r) = &u.opened_by {
                    return Err(CliError::auth(text::merge_unverified(r)));
                }
                return Ok(u);
            }
            Err(e) if e.class() == ErrorClass::Auth => last = Some(e),
            Err(e) => return Err(CliError::corrupt(text::merge_other_bad(&e.to_string()))),
        }
    }
    let why = last.map(|e| e.to_string()).unwrap_or_default();
    Err(CliError::auth(text::merge_other_locked(&why)))
}

/// Saves through the save protocol. When the vault changed on disk after
/// this command read it (a sync tool replaced it, a program that ignores
/// the lock wrote it), the save merged this command's change into that
/// version: the user is told so, with the conflicts named. A command
/// usually saves once, so the snapshot for a next save is kept as the
/// written bytes ([`Vault::save_final`]).
pub fn save(vault: &mut Vault) -> Result<(), VaultError> {
    vault.save_final()?;
    if let Some(r) = vault.take_merge_report() {
        for line in merged_on_save(&r) {
            noteln!("{line}");
        }
    }
    Ok(())
}

/// What a save that merged another program's change says, line by line.
pub fn merged_on_save(r: &MergeReport) -> Vec<String> {
    let mut out = vec![crate::tr!("sync-cli-merged-on-save")];
    let (added, changed, deleted) = (r.added.len(), r.changed.len(), r.deleted.len());
    if added + changed + deleted > 0 {
        out.push(crate::tr!(
            "sync-cli-merged-counts",
            added = added,
            changed = changed,
            deleted = deleted
        ));
    }
    for c in &r.conflicts {
        out.push(crate::tr!(
            "sync-cli-merged-conflict",
            item = c.item.as_str(),
            field = crate::tr!("sync-field-name", field = c.field.as_str())
        ));
    }
    for name in &r.restored {
        out.push(crate::tr!("sync-cli-merged-restored", item = name.as_str()));
    }
    for name in &r.restored_erased {
        out.push(crate::tr!(
            "sync-cli-merged-restored-erased",
            item = name.as_str()
        ));
    }
    for name in &r.duplicate_names {
        out.push(crate::tr!("sync-duplicate-name", name = name.as_str()));
    }
    out
}

/// Opens the vault for update and keeps the unlock that opened it (a
/// passphrase is tried on the other copy too).
fn open_ours(ctx: &Ctx) -> Result<(Vault, Unlock), CliError> {
    let unlock = ctx.unlock()?;
    if !ctx.path.exists() {
        return Err(VaultError::Missing {
            path: ctx.path.display().to_string(),
        }
        .into());
    }
    let vault = Vault::open_for_update(&ctx.path, &unlock)?;
    Ok((vault, unlock))
}

/// `merge OTHER [--dry-run] [--other-identity FILE]`.
pub fn merge(ctx: &Ctx, a: MergeArgs) -> Result<(), CliError> {
    ctx.warn_unsafe_folder();
    let (mut vault, unlock) = open_ours(ctx)?;
    let other = open_other(&a.other, &a.other_identity, vault.payload(), Some(&unlock))?;
    drop(unlock);
    let report = vault.merge_in(&other.payload)?;
    let moved = if a.dry_run {
        None
    } else {
        let name = a
            .other
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        vault.audit("merge", name.as_deref());
        save(&mut vault)?;
        move_conflict_copy(ctx, &vault, &a.other)
    };
    print_report(ctx, &a.other, vault.path(), &report, a.dry_run, moved)
}

/// `restore FILE --merge`: a backup joined into the vault.
pub fn restore_merge(ctx: &Ctx, file: &Path) -> Result<(), CliError> {
    ctx.warn_unsafe_folder();
    let (mut vault, unlock) = open_ours(ctx)?;
    let other = open_other(file, &[], vault.payload(), Some(&unlock))?;
    drop(unlock);
    let report = vault.merge_in(&other.payload)?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    vault.audit("restore-merge", name.as_deref());
    save(&mut vault)?;
    print_report(ctx, file, vault.path(), &report, false, None)
}

/// After merging a sync tool's conflict copy that sits beside the vault,
/// moves it into the backup folder (the config's `backup_dir`, else the
/// vault's, else `lifeboat-merged` beside the vault): never deleted, and
/// out of the way of the next check-up.
fn move_conflict_copy(
    ctx: &Ctx,
    vault: &Vault,
    other: &Path,
) -> Option<Result<PathBuf, (PathBuf, String)>> {
    let real = std::fs::canonicalize(other).ok()?;
    let is_copy = store::conflict_copies(vault.path())
        .iter()
        .any(|(p, _)| std::fs::canonicalize(p).ok().as_deref() == Some(real.as_path()));
    if !is_copy {
        return None;
    }
    let dir = store::merged_copies_dir(
        ctx.config.backup_dir.as_deref(),
        vault.payload(),
        vault.path(),
    );
    let result = store::move_aside(&real, &dir);
    Some(result.map_err(|e| (real, e.to_string())))
}

fn print_report(
    ctx: &Ctx,
    other: &Path,
    vault: &Path,
    r: &MergeReport,
    dry_run: bool,
    moved: Option<Result<PathBuf, (PathBuf, String)>>,
) -> Result<(), CliError> {
    if ctx.json() {
        let conflicts: Vec<_> = r
            .conflicts
            .iter()
            .map(|c| json!({"item": c.item, "field": c.field, "theirs_won": c.theirs_won}))
            .collect();
        return print_json(&json!({
            "vault": vault.display().to_string(),
            "other": other.display().to_string(),
            "dry_run": dry_run,
            "added": r.added,
            "changed": r.changed,
            "deleted": r.deleted,
            "restored": r.restored,
            "restored_without_purged": r.restored_erased,
            "conflicts": conflicts,
            "duplicate_names": r.duplicate_names,
            "settings": r.vault_changes,
            "playbooks_changed": r.playbooks_changed,
            "moved_to": match &moved { Some(Ok(p)) => Some(p.display().to_string()), _ => None },
        }));
    }
    outln!(
        "{}",
        text::merge_heading(&other.display().to_string(), &vault.display().to_string())
    )?;
    for (label, names) in [
        (text::MERGE_ADDED, &r.added),
        (text::MERGE_CHANGED, &r.changed),
        (text::MERGE_DELETED, &r.deleted),
        (text::MERGE_RESTORED, &r.restored),
        (text::MERGE_RESTORED_ERASED, &r.restored_erased),
        (text::MERGE_DUPLICATES, &r.duplicate_names),
        (text::MERGE_SETTINGS, &r.vault_changes),
    ] {
        if !names.is_empty() {
            outln!("{}", text::merge_line(&label.text(), names))?;
        }
    }
    for c in &r.conflicts {
        outln!("{}", text::merge_conflict(&c.item, &c.field, c.theirs_won))?;
    }
    if r.playbooks_changed {
        outln!("{}", text::MERGE_PLAYBOOKS)?;
    }
    if r.is_empty() {
        outln!("{}", text::MERGE_NOTHING)?;
    }
    if dry_run {
        outln!("{}", text::MERGE_DRY_RUN)?;
    } else {
        outln!("{}", text::merge_saved(&vault.display().to_string()))?;
    }
    match moved {
        Some(Ok(to)) => outln!(
            "{}",
            text::merge_copy_moved(&other.display().to_string(), &to.display().to_string())
        )?,
        Some(Err((from, e))) => {
            noteln!(
                "{}",
                text::merge_copy_not_moved(&from.display().to_string(), &e)
            )
        }
        None => {}
    }
    Ok(())
}

/// `merge-driver BASE CURRENT OTHER`: git's `%O %A %B`. The merged vault
/// replaces CURRENT (verified temp file, then rename)?; on any failure
/// CURRENT is left exactly as it was and the exit code is not 0, so git
/// reports the file as conflicted.
pub fn merge_driver(ctx: &Ctx, a: MergeDriverArgs) -> Result<(), CliError> {
    let result = (|| {
        let unlock = ctx.unlock()?;
        let (bytes, _) = read_guarded(&a.current).map_err(|e| CliError::corrupt(e.to_string()))?;
        let ours = format::unseal(&bytes, &unlock)?;
        if let OpenedBy::OtherIdentity(r) = &ours.opened_by {
            return Err(CliError::from(VaultError::Unverified {
                recipient: r.clone(),
            }));
        }
        let theirs = open_other(&a.other, &[], &ours.payload, Some(&unlock))?;
        if theirs.payload.vault_id != ours.payload.vault_id {
            return Err(CliError::from(VaultError::DifferentVault {
                ours: ours.payload.vault_id.clone(),
                theirs: theirs.payload.vault_id.clone(),
            }));
        }
        let (mut merged, report) = crate::vault::merge::merge(&ours.payload, &theirs.payload);
        store::write_copy(&a.current, &mut merged)?;
        Ok(report)
    })();
    match result {
        Ok(r) => {
            noteln!(
                "{}",
                text::driver_done(r.added.len(), r.changed.len(), r.conflicts.len())
            );
            Ok(())
        }
        Err(mut e) => {
            e.message = text::driver_failed(&e.message);
            Err(e)
        }
    }
}
