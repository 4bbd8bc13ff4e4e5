//! The recovery commands: `backup`, `verify`, `restore`, `split`,
//! `recover`, `kit` and `doctor`. Each gathers its input, calls
//! [`crate::recovery`] and prints; the logic and the wording live there.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde_json::json;
use zeroize::Zeroizing;

use super::args::{
    BackupArgs, KitArgs, RecoverArgs, RestoreArgs, RotateArgs, SplitArgs, VerifyArgs,
};
use super::commands::{print_json, recovery_key_file_text, write_private_file, Ctx};
use super::output::output_error;
use super::{input, CliError};
use crate::item::slip39::{self, Slip39Error};
use crate::item::{now_utc, Secret, SeedScheme};
use crate::recovery::split::{SplitError, SplitPlan, WordMatch};
use crate::recovery::{backup, doctor, kit, split, text};
use crate::secret::SecretString;
use crate::vault::crypto::{identity_to_bytes, NamedIdentity};
use crate::vault::format::{self, Payload, Unlock, Unsealed};
use crate::vault::store::{lock_path, prev_path, read_guarded, temp_prefix};
use crate::vault::{ErrorClass, Vault, VaultError};
use crate::{noteln, outln};

fn rfc3339(t: &time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A second, independent copy of an unlock path (an [`Unlock`] records
/// which identity was used, so one copy per file opened).
fn duplicate(unlock: &Unlock) -> Result<Unlock, CliError> {
    Ok(match unlock {
        Unlock::Passphrase(p) => Unlock::Passphrase(p.clone()),
        Unlock::Identities(ids) => Unlock::Identities(
            ids.iter()
                .map(|i| NamedIdentity::parse(i.text.expose()))
                .collect::<Result<_, _>>()
                .map_err(|e| CliError::auth(e.to_string()))?,
        ),
    })
}

/// Reads and opens a backup file, with exit codes: 4 when it is missing or
/// damaged, 3 when it does not open with the key (and, when the vault's own
/// recovery key is at hand, a precise hint if it opens with that one).
fn open_backup(
    file: &Path,
    unlock: &Unlock,
    current: Option<&Payload>,
) -> Result<Unsealed, CliError> {
    let (bytes, _) = read_guarded(file).map_err(|e| CliError::corrupt(e.to_string()))?;
    match format::unseal(&bytes, unlock) {
        Ok(u) => Ok(u),
        Err(e) => match e.class() {
            ErrorClass::Auth => {
                if let Some(p) = current {
                    if let Ok(rk) = NamedIdentity::parse(p.keys.recovery_identity.expose()) {
                        match format::unseal(&bytes, &Unlock::Identities(vec![rk])) {
                            Ok(_) => return Err(CliError::auth(text::BACKUP_OLD_PASSPHRASE)),
                            Err(e2) if e2.class() == ErrorClass::Corrupt => {
                                return Err(CliError::corrupt(text::backup_damaged(
                                    &e2.to_string(),
                                )))
                            }
                            Err(_) => {}
                        }
                    }
                }
                Err(CliError::auth(text::backup_wrong_key(&e.to_string())))
            }
            ErrorClass::Corrupt => Err(CliError::corrupt(text::backup_damaged(&e.to_string()))),
            _ => Err(e.into()),
        },
    }
}

/// `backup DIR`.
pub fn backup(ctx: &Ctx, a: BackupArgs) -> Result<(), CliError> {
    let dir = match (&a.dir, &ctx.config.backup_dir) {
        (Some(d), _) | (None, Some(d)) => d.clone(),
        (None, None) => return Err(CliError::usage(super::text::NO_BACKUP_DIR)),
    };
    let mut vault = ctx.open_for_update()?;
    // The lock is held, so these are the bytes that were just opened.
    let (bytes, _) = read_guarded(&ctx.path)?;
    let keep = a
        .keep
        .unwrap_or(vault.payload().settings.backup_keep)
        .max(1) as usize;
    let now = now_utc();
    let report = backup::write_backup(&dir, &bytes, vault.payload(), keep, now)?;
    let shown = report.path.display().to_string();
    vault.payload_mut().history.last_backup = Some(now);
    let name = report
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    vault.audit("backup", name.as_deref());
    let recorded = super::merge_cmd::save(&mut vault);
    if let Err(e) = &recorded {
        noteln!("{}", text::backup_not_recorded(&e.to_string()));
    }
    if ctx.json() {
        print_json(&json!({
            "path": shown,
            "bytes": report.bytes,
            "verified": true,
            "kept": report.kept,
            "removed": report.removed.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "recorded": recorded.is_ok(),
        }))
    } else {
        outln!("{shown}")?;
        noteln!(
            "{}",
            text::backup_written(&shown, report.kept, report.removed.len())
        );
        Ok(())
    }
}

/// `verify FILE`.
pub fn verify(ctx: &Ctx, a: VerifyArgs) -> Result<(), CliError> {
    ctx.warn_unsafe_folder();
    let unlock = ctx.unlock()?;
    // A damaged current vault is no reason not to check the backup: that
    // is exactly when the backup matters.
    let mut current = if ctx.path.exists() {
        match Vault::open_locked(&ctx.path, &duplicate(&unlock)?) {
            Ok(mut v) => {
                // Recording the drill is a write.
                ctx.prove(&mut v)?;
                Some(v)
            }
            Err(e) if e.class() == ErrorClass::Corrupt => {
                noteln!("{}", text::verify_current_damaged(&e.to_string()));
                None
            }
            Err(e) => return Err(e.into()),
        }
    } else {
        None
    };
    let opened = open_backup(&a.file, &unlock, current.as_ref().map(|v| v.payload()))?;
    super::commands::warn_if_unverified(&opened.opened_by);
    let b = &opened.payload;
    let Some(vault) = current.as_mut() else {
        if ctx.json() {
            return print_json(&json!({
                "file": a.file.display().to_string(),
                "opens": true,
                "verified": opened.opened_by.is_verified(),
                "vault_id": b.vault_id,
                "items": b.items.len(),
                "compared": false,
                "drill_recorded": false,
            }));
        }
        noteln!("{}", text::VERIFY_NO_VAULT);
        return Ok(());
    };
    if b.vault_id != vault.payload().vault_id {
        return Err(CliError::input(text::foreign_vault(
            &b.vault_id,
            &vault.payload().vault_id,
        )));
    }
    let cmp = backup::compare(vault.payload(), b);
    vault.payload_mut().history.last_drill = Some(now_utc());
    let name = a.file.file_name().map(|n| n.to_string_lossy().into_owned());
    vault.audit("verify", name.as_deref());
    super::merge_cmd::save(vault)?;
    if ctx.json() {
        return print_json(&json!({
            "file": a.file.display().to_string(),
            "opens": true,
            "vault_id": b.vault_id,
            "backup_updated": rfc3339(&b.updated),
            "items": b.items.len(),
            "compared": true,
            "identical": cmp.is_identical(),
            "added": cmp.added,
            "removed": cmp.removed,
            "changed": cmp.changed,
            "drill_recorded": true,
        }));
    }
    if cmp.is_identical() {
        outln!("{}", text::VERIFY_IDENTICAL)?;
    } else {
        outln!(
            "{}",
            text::verify_differs(&cmp.added, &cmp.removed, &cmp.changed)
        )?;
    }
    noteln!("{}", text::DRILL_RECORDED);
    Ok(())
}

/// `restore FILE`.
pub fn restore(ctx: &Ctx, a: RestoreArgs) -> Result<(), CliError> {
    ctx.warn_unsafe_folder();
    let unlock = ctx.unlock()?;
    // Look at the current vault first: its recovery key helps explain a
    // backup that does not open, and its id guards against restoring
    // another vault's backup over it.
    let current = if ctx.path.exists() {
        match Vault::open(&ctx.path, &duplicate(&unlock)?) {
            Ok(v) => Some(Ok(v)),
            Err(e) => match e.class() {
                ErrorClass::Auth => Some(Err(())),
                ErrorClass::Corrupt => None,
                _ => return Err(e.into()),
            },
        }
    } else {
        None
    };
    let current_payload = match &current {
        Some(Ok(v)) => Some(v.payload()),
        _ => None,
    };
    let mut opened = open_backup(&a.file, &unlock, current_payload)?;
    if let crate::vault::OpenedBy::OtherIdentity(r) = &opened.opened_by {
        // An extra key proves nothing about the backup: restoring it is a
        // write, so the backup's passphrase must prove it first.
        let r = r.clone();
        opened = ctx.prove_with(&r, |p| {
            let (bytes, _) = read_guarded(&a.file)?;
            let u = format::unseal(&bytes, &Unlock::Passphrase(p))?;
            Ok(u)
        })?;
    }
    match (&current, a.force) {
        (Some(Ok(v)), false) if v.payload().vault_id != opened.payload.vault_id => {
            return Err(CliError::input(text::restore_foreign(
                &opened.payload.vault_id,
                &v.payload().vault_id,
            )))
        }
        (Some(Err(())), false) => return Err(CliError::auth(text::RESTORE_CURRENT_LOCKED)),
        _ => {}
    }
    let had_current = ctx.path.exists();
    drop(current);
    let mut payload = opened.payload;
    let items = payload.items.len();
    payload.audit.push(crate::vault::format::AuditEntry {
        at: now_utc(),
        action: "restore".into(),
        subject: a.file.file_name().map(|n| n.to_string_lossy().into_owned()),
    });
    let vault = Vault::restore_from(&ctx.path, payload, opened.opened_by)?;
    let shown = vault.path().display().to_string();
    let prev = prev_path(vault.path()).display().to_string();
    if ctx.json() {
        return print_json(&json!({
            "restored": shown,
            "from": a.file.display().to_string(),
            "items": items,
            "previous": if had_current { Some(prev) } else { None },
            "keys_from_backup": true,
        }));
    }
    noteln!("{}", text::restored(&shown, &prev, items, had_current));
    Ok(())
}

fn plan_of(a: &SplitArgs) -> Result<SplitPlan, CliError> {
    if let (Some(k), Some(n)) = (a.threshold, a.shares) {
        return Ok(SplitPlan::simple(k, n));
    }
    if a.group.is_empty() {
        return Err(CliError::usage(text::SPLIT_NEEDS_PLAN));
    }
    let groups = a
        .group
        .iter()
        .map(|g| split::parse_group(g))
        .collect::<Result<Vec<_>, _>>()
        .map_err(CliError::usage)?;
    Ok(SplitPlan {
        group_threshold: a.group_threshold.unwrap_or(1),
        groups,
    })
}

fn label(s: &split::ShareOut) -> String {
    s.label()
}

/// `split`.
pub fn split(ctx: &Ctx, a: SplitArgs) -> Result<(), CliError> {
    let plan = plan_of(&a)?;
    let mut vault = ctx.open_for_update()?;
    let key = vault.payload().keys.recovery_identity.clone();
    let set = split::split_recovery_key(&key, &plan).map_err(|e| CliError::input(e.to_string()))?;
    let files = match &a.out {
        Some(dir) => split::write_share_files(dir, &set).map_err(CliError::input)?,
        None => Vec::new(),
    };
    vault.payload_mut().history.recovery_key_split = Some(now_utc());
    vault.audit("split", None);
    let saved = super::merge_cmd::save(&mut vault);
    if ctx.json() {
        let shares: Vec<serde_json::Value> = set
            .shares
            .iter()
            .enumerate()
            .map(|(n, s)| {
                let mut v = json!({
                    "group": s.group,
                    "member": s.member,
                    "member_threshold": s.member_threshold,
                    "member_count": s.member_count,
                });
                match files.get(n) {
                    Some(p) => v["file"] = json!(p.display().to_string()),
                    None => v["mnemonic"] = json!(s.mnemonic.expose()),
                }
                v
            })
            .collect();
        print_json(&json!({
            "identifier": set.identifier,
            "group_threshold": plan.group_threshold,
            "groups": plan.groups.iter().map(|(k, n)| json!({"threshold": k, "count": n})).collect::<Vec<_>>(),
            "shares": shares,
            "subsets_checked": set.subsets_checked,
            "exhaustive": set.exhaustive,
        }))?;
    } else if let Some(dir) = &a.out {
        for (s, p) in set.shares.iter().zip(&files) {
            noteln!("{}: {}", p.display(), label(s));
        }
        noteln!(
            "{}",
            text::split_written(&dir.display().to_string(), files.len())
        );
    } else {
        let mut out = std::io::stdout().lock();
        for (n, s) in set.shares.iter().enumerate() {
            noteln!(
                "{}",
                crate::tr!("rec-share-line", n = n + 1, label = label(s))
            );
            writeln!(out, "{}", s.mnemonic.expose()).map_err(output_error)?;
        }
    }
    if !ctx.json() {
        noteln!(
            "{}",
            text::split_done(set.shares.len(), set.subsets_checked, set.exhaustive)
        );
        if crate::i18n::lang() != crate::lang::Lang::En {
            noteln!("{}", super::text::SHARES_ARE_ENGLISH);
        }
    }
    saved?;
    Ok(())
}

/// Reads share mnemonics from files (`-` is stdin).
fn read_share_files(paths: &[PathBuf]) -> Result<Vec<SecretString>, CliError> {
    let mut all = Vec::new();
    for p in paths {
        let mut s = Zeroizing::new(String::new());
        if p.as_os_str() == "-" {
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| {
                CliError::input(crate::tr!("cli-stdin-failed", error = e.to_string()))
            })?;
        } else {
            *s = std::fs::read_to_string(p).map_err(|e| {
                CliError::input(crate::tr!(
                    "cli-cannot-read",
                    path = p.display().to_string(),
                    error = crate::i18n::io_reason(&e)
                ))
            })?;
        }
        all.extend(split::mnemonics_from_text(&s));
    }
    Ok(all)
}

/// Turns a share problem into a message a trustee can act on.
fn share_error(e: SplitError, mnemonics: &[SecretString]) -> CliError {
    match e {
        SplitError::Slip39(Slip39Error::NotEnoughShares {
            group,
            needed,
            given,
        }) => {
            let single = mnemonics
                .first()
                .and_then(|m| slip39::decode_mnemonic(m.expose()).ok())
                .is_some_and(|s| s.group_count == 1);
            CliError::input(text::not_enough_shares(
                needed,
                given,
                (!single).then_some(group),
            ))
        }
        other => CliError::input(text::shares_problem(&other.to_string())),
    }
}

/// Asks for shares on the terminal, word by word, until they combine.
fn shares_from_terminal() -> Result<Vec<SecretString>, CliError> {
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| CliError::usage(text::RECOVER_NEEDS_SOURCE))?;
    let mut out = tty
        .try_clone()
        .map_err(|e| CliError::input(e.to_string()))?;
    let mut reader = std::io::BufReader::new(tty);
    let io = |e: std::io::Error| {
        CliError::input(crate::tr!(
            "cli-tty-ask-failed",
            error = crate::i18n::io_reason(&e)
        ))
    };
    writeln!(out, "{}", text::INTERACTIVE_INTRO).map_err(io)?;
    if crate::i18n::lang() != crate::lang::Lang::En {
        writeln!(out, "{}", super::text::SHARES_ARE_ENGLISH).map_err(io)?;
    }
    let mut shares: Vec<SecretString> = Vec::new();
    loop {
        let n = shares.len() + 1;
        let mut words: Vec<&'static str> = Vec::new();
        let share = loop {
            write!(out, "{}", text::prompt_word(n, words.len() + 1)).map_err(io)?;
            out.flush().map_err(io)?;
            let mut line = Zeroizing::new(String::new());
            if reader.read_line(&mut line).map_err(io)? == 0 {
                return Err(CliError::input(text::NO_SHARES));
            }
            let typed = line.trim();
            if typed.eq_ignore_ascii_case("undo") {
                words.pop();
                continue;
            }
            for token in typed.split_whitespace() {
                match split::resolve_word(token) {
                    WordMatch::Word(w) => {
                        words.push(w);
                        if !w.eq_ignore_ascii_case(token) {
                            writeln!(out, "  -> {w}").map_err(io)?;
                        }
                    }
                    WordMatch::Ambiguous(list) => {
                        writeln!(out, "{}", text::word_ambiguous(&list)).map_err(io)?;
                        break;
                    }
                    WordMatch::Unknown(list) => {
                        writeln!(out, "{}", text::word_unknown(token, &list)).map_err(io)?;
                        break;
                    }
                }
            }
            if words.len() >= 20 {
                let m = SecretString::new(words.join(" "));
                match slip39::decode_mnemonic(m.expose()) {
                    Ok(_) => break m,
                    Err(e) if words.len() >= 33 => {
                        let again = crate::tr!("rec-share-again", error = e.to_string());
                        writeln!(out, "  {again}").map_err(io)?;
                        words.clear();
                    }
                    Err(_) => {}
                }
            }
        };
        shares.push(share);
        let list: Vec<&str> = shares.iter().map(|s| s.expose()).collect();
        match slip39::combine(&list, b"") {
            Ok(_) => return Ok(shares),
            Err(Slip39Error::NotEnoughShares { .. } | Slip39Error::NotEnoughGroups { .. }) => {
                if let Ok(s) = slip39::decode_mnemonic(shares[n - 1].expose()) {
                    let l = text::typed_share_label(
                        s.member_index + 1,
                        s.member_threshold,
                        s.group_index + 1,
                        s.group_count,
                        s.group_threshold,
                        s.identifier,
                    );
                    writeln!(out, "{}", text::share_accepted(n, &l)).map_err(io)?;
                }
            }
            Err(e) => {
                let again = crate::tr!("rec-share-n-again", error = e.to_string(), n = n);
                writeln!(out, "  {again}").map_err(io)?;
                shares.pop();
            }
        }
    }
}

/// `recover`.
pub fn recover(ctx: &Ctx, a: RecoverArgs) -> Result<(), CliError> {
    ctx.warn_unsafe_folder();
    if !a.shares.is_empty() && !ctx.global.identity.is_empty() {
        return Err(CliError::usage(crate::tr!("rec-identity-or-shares")));
    }
    if !ctx.path.exists() {
        return Err(VaultError::Missing {
            path: ctx.path.display().to_string(),
        }
        .into());
    }
    let (unlock, via_shares) = if !ctx.global.identity.is_empty() {
        (ctx.unlock()?, false)
    } else {
        let mnemonics = if !a.shares.is_empty() {
            read_share_files(&a.shares)?
        } else if input::have_tty() {
            shares_from_terminal()?
        } else {
            return Err(CliError::usage(text::RECOVER_NEEDS_SOURCE));
        };
        if mnemonics.is_empty() {
            return Err(CliError::input(text::NO_SHARES));
        }
        let key = split::rebuild_key(&mnemonics).map_err(|e| share_error(e, &mnemonics))?;
        (Unlock::Identities(vec![key]), true)
    };
    let mut vault = match Vault::open_for_recovery(&ctx.path, &unlock) {
        Err(e @ VaultError::NotRecoveryKey { .. }) => return Err(e.into()),
        Err(e) if via_shares && e.class() == ErrorClass::Auth => {
            return Err(CliError::auth(text::REBUILT_KEY_WRONG))
        }
        other => other?,
    };
    let new = input::new_passphrase(a.new_passphrase_fd, a.allow_weak_passphrase)?;
    let params = vault.payload().keys.passphrase.params;
    vault.set_passphrase(&new, params)?;
    vault.audit(
        "recover",
        Some(if via_shares { "shares" } else { "identity" }),
    );
    super::merge_cmd::save(&mut vault)?;
    if ctx.json() {
        print_json(
            &json!({"recovered": true, "via": if via_shares { "shares" } else { "identity" }}),
        )
    } else {
        noteln!("{}", text::RECOVERED);
        Ok(())
    }
}

/// `rotate`: a new recovery key, a new passphrase key and a new
/// authentication key, for when a device, a key or a plaintext copy was
/// lost. Needs a proved session (passphrase or recovery key).
pub fn rotate(ctx: &Ctx, a: RotateArgs) -> Result<(), CliError> {
    if let Some(out) = &a.recovery_key_out {
        if out.exists() {
            return Err(CliError::input(crate::tr!(
                "cli-key-out-exists",
                path = out.display().to_string()
            )));
        }
    }
    if !ctx.path.exists() {
        return Err(VaultError::Missing {
            path: ctx.path.display().to_string(),
        }
        .into());
    }
    let unlock = ctx.unlock()?;
    let mut vault = match &unlock {
        Unlock::Passphrase(_) => Vault::open_for_update(&ctx.path, &unlock)?,
        Unlock::Identities(_) => Vault::open_for_recovery(&ctx.path, &unlock)?,
    };
    let params = vault.payload().keys.passphrase.params;
    // Whoever knows K can make a passphrase stanza (with the old salt) that
    // the same passphrase opens, so a rotation that must shut out such a
    // holder changes the passphrase too; keeping it is an explicit choice.
    let passphrase = match (&unlock, a.keep_passphrase) {
        (Unlock::Passphrase(p), true) => {
            noteln!("{}", text::ROTATE_KEEPS_PASSPHRASE);
            p.clone()
        }
        (Unlock::Identities(_), true) => {
            return Err(CliError::usage(text::ROTATE_KEEP_NEEDS_PASSPHRASE))
        }
        (_, false) => {
            if a.new_passphrase_fd.is_none() && !input::have_tty() {
                return Err(CliError::usage(text::ROTATE_NEEDS_PASSPHRASE));
            }
            let new = input::new_passphrase(a.new_passphrase_fd, a.allow_weak_passphrase)?;
            let current = &vault.payload().keys.passphrase;
            let same = crate::vault::crypto::derive_key(&new, current.salt.expose(), params)
                .map_err(|e| CliError::input(e.to_string()))?;
            if same == current.key {
                return Err(CliError::input(text::ROTATE_SAME_PASSPHRASE));
            }
            new
        }
    };
    let key = vault.rotate_keys(&passphrase, params)?;
    let recipient = vault.payload().keys.recovery_recipient.clone();
    let shown_path = ctx.path.display().to_string();
    // The key file first: if the save then fails, the file holds a key that
    // opens nothing, which is harmless; the other way round could leave a
    // vault whose new recovery key was never written down.
    if let Some(out) = &a.recovery_key_out {
        write_private_file(out, &recovery_key_file_text(&key, &recipient, &shown_path))?;
    }
    if a.recovery_key_out.is_some() {
        vault.payload_mut().history.recovery_key_exported = Some(now_utc());
    }
    if let Err(e) = super::merge_cmd::save(&mut vault) {
        if let Some(out) = &a.recovery_key_out {
            let _ = std::fs::remove_file(out);
        }
        return Err(e.into());
    }
    if ctx.json() {
        let mut v = json!({"rotated": true, "recovery_recipient": recipient});
        match &a.recovery_key_out {
            Some(out) => v["recovery_key_file"] = json!(out.display().to_string()),
            None => v["recovery_key"] = json!(key.expose()),
        }
        return print_json(&v);
    }
    match &a.recovery_key_out {
        Some(out) => noteln!(
            "{}",
            super::text::recovery_key_written(&out.display().to_string())
        ),
        None => {
            noteln!("\n{}\n", text::ROTATE_KEY_BANNER);
            let mut o = std::io::stdout().lock();
            writeln!(o, "{}", key.expose())
                .and_then(|()| o.flush())
                .map_err(output_error)?;
        }
    }
    noteln!("{}", text::rotated(&shown_path));
    Ok(())
}

/// Reads shares for the kit: every file in a folder (sorted by name), or one file.
fn kit_shares(path: &Path) -> Result<Vec<SecretString>, CliError> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| {
                CliError::input(crate::tr!(
                    "cli-cannot-read",
                    path = path.display().to_string(),
                    error = crate::i18n::io_reason(&e)
                ))
            })?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        read_share_files(&files)
    } else {
        read_share_files(&[path.to_path_buf()])
    }
}

/// `kit --out FILE.html`.
pub fn kit(ctx: &Ctx, a: KitArgs) -> Result<(), CliError> {
    if a.out.exists() {
        return Err(CliError::input(crate::tr!(
            "rec-kit-out-exists",
            path = a.out.display().to_string()
        )));
    }
    let mut vault = ctx.open_for_update()?;
    let key = vault.payload().keys.recovery_identity.clone();
    let shares = match &a.shares {
        Some(p) => kit_shares(p)?,
        None => Vec::new(),
    };
    let mut shares_verified = None;
    if !shares.is_empty() {
        let list: Vec<&str> = shares.iter().map(|s| s.expose()).collect();
        match slip39::combine(&list, b"") {
            Ok(secret) => {
                let expected =
                    identity_to_bytes(&key).map_err(|e| CliError::input(e.to_string()))?;
                if secret.expose() != expected.expose() {
                    return Err(CliError::input(text::KIT_SHARES_FOREIGN));
                }
                shares_verified = Some(true);
            }
            Err(Slip39Error::NotEnoughShares { .. } | Slip39Error::NotEnoughGroups { .. }) => {
                shares_verified = Some(false);
            }
            Err(e) => return Err(CliError::input(text::shares_problem(&e.to_string()))),
        }
    }
    let mut seeds = Vec::new();
    for name in &a.seedqr {
        let item = vault.item(name)?;
        let Secret::Seed {
            words,
            scheme: SeedScheme::Bip39,
            ..
        } = &item.secret
        else {
            return Err(CliError::input(format!(
                "\"{}\": {}",
                item.name,
                super::text::SEEDQR_BIP39_ONLY
            )));
        };
        seeds.push(kit::KitSeed {
            name: item.name.clone(),
            words: words.clone(),
        });
    }
    let p = vault.payload();
    let input = kit::KitInput {
        recovery_key: key.clone(),
        recipient: p.keys.recovery_recipient.clone(),
        vault_path: std::path::absolute(&ctx.path)
            .unwrap_or_else(|_| ctx.path.clone())
            .display()
            .to_string(),
        vault_id: p.vault_id.clone(),
        generated: rfc3339(&now_utc()),
        shares: shares
            .into_iter()
            .map(|mnemonic| kit::KitShare { mnemonic })
            .collect(),
        seeds,
    };
    // The kit is printed in the interface's language.
    let html =
        kit::render(&input, crate::i18n::lang()).map_err(|e| CliError::input(e.to_string()))?;
    write_private_file(&a.out, &html)?;
    noteln!("{}", text::KIT_WRITTEN_WARNING);
    match shares_verified {
        Some(true) => noteln!("{}", text::KIT_SHARES_VERIFIED),
        Some(false) => noteln!("{}", text::KIT_SHARES_UNVERIFIED),
        None => {}
    }
    vault.payload_mut().history.kit_printed = Some(now_utc());
    vault.audit("kit", None);
    super::merge_cmd::save(&mut vault)?;
    let shown = a.out.display().to_string();
    if ctx.json() {
        print_json(
            &json!({"kit": shown, "shares": input.shares.len(), "shares_verified": shares_verified, "seeds": input.seeds.len()}),
        )
    } else {
        noteln!("{}", text::kit_written(&shown));
        Ok(())
    }
}

/// Facts about the vault file for the doctor.
fn file_facts(path: &Path) -> doctor::FileFacts {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok().map(|m| m.permissions().mode());
    let lock_held = std::fs::OpenOptions::new()
        .read(true)
        .open(lock_path(path))
        .ok()
        .is_some_and(|f| match f.try_lock() {
            Ok(()) => {
                let _ = f.unlock();
                false
            }
            Err(std::fs::TryLockError::WouldBlock) => true,
            Err(_) => false,
        });
    let prefix = temp_prefix(path);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let stale_temps = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
                .count()
        })
        .unwrap_or(0);
    let folder = crate::vault::store::folder_finding(path);
    doctor::FileFacts {
        path: path.display().to_string(),
        mode,
        folder,
        prev_exists: prev_path(path).exists(),
        lock_held,
        stale_temps,
        // What this process gets is what the TUI gets.
        memory: Some(crate::secure_mem::protect()),
        conflict_copies: crate::vault::store::conflict_copies(path)
            .into_iter()
            .map(|(p, tool)| (p.display().to_string(), tool))
            .collect(),
    }
}

/// `doctor`.
pub fn doctor(ctx: &Ctx) -> Result<(), CliError> {
    let vault = ctx.open()?;
    let findings = doctor::check(vault.payload(), &file_facts(&ctx.path), now_utc());
    let critical = findings
        .iter()
        .filter(|f| f.severity == doctor::Severity::Critical)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == doctor::Severity::Warning)
        .count();
    if ctx.json() {
        print_json(&json!({
            "findings": findings,
            "critical": critical,
            "warnings": warnings,
            "ok": critical == 0,
        }))?;
    } else {
        let mut out = std::io::stdout().lock();
        // The severity tags are padded to one width by display width, and
        // the fix lines start under the message, in any language.
        let tag = |s: doctor::Severity| match s {
            doctor::Severity::Ok => crate::tr!("rec-doctor-tag-ok"),
            doctor::Severity::Info => crate::tr!("rec-doctor-tag-info"),
            doctor::Severity::Warning => crate::tr!("rec-doctor-tag-warning"),
            doctor::Severity::Critical => crate::tr!("rec-doctor-tag-critical"),
        };
        let tags: Vec<String> = [
            doctor::Severity::Ok,
            doctor::Severity::Info,
            doctor::Severity::Warning,
            doctor::Severity::Critical,
        ]
        .into_iter()
        .map(tag)
        .collect();
        let cells = tags
            .iter()
            .map(|t| crate::textwidth::width(t))
            .max()
            .unwrap_or(8);
        let fix = crate::tr!("rec-doctor-fix");
        for f in &findings {
            writeln!(
                out,
                "[{}] {}",
                crate::textwidth::fill(&tag(f.severity), cells),
                f.message
            )
            .map_err(output_error)?;
            if !f.fix.is_empty() {
                let indent = " ".repeat(cells + 3);
                writeln!(out, "{indent}{fix}{}", f.fix).map_err(output_error)?;
            }
        }
        writeln!(out, "{}", text::doctor_summary(critical, warnings)).map_err(output_error)?;
    }
    if doctor::has_critical(&findings) {
        return Err(CliError::input(text::doctor_summary(critical, warnings)));
    }
    Ok(())
}
