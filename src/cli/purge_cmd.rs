//! `lifeboat purge` and `rm --purge`: erasing for good the values a deleted
//! item's tombstone keeps (docs/vault-format.md, section 7.6). The command
//! lists what it will erase, asks on a terminal, and saves twice so that
//! the previous generation beside the vault holds none of it either.

use serde_json::json;
use time::OffsetDateTime;

use super::args::{PurgeArgs, RmArgs};
use super::commands::{print_json, Ctx};
use super::{input, text, CliError};
use crate::noteln;
use crate::outln;
use crate::vault::merge::{purge_candidates, Tombstone};

/// One deletion to purge, as listed.
struct Target {
    id: String,
    name: String,
    kind: Option<&'static str>,
    deleted: OffsetDateTime,
}

impl Target {
    fn of(id: &str, ts: &Tombstone) -> Target {
        Target {
            id: id.to_owned(),
            name: ts.name.clone(),
            kind: ts.kind().map(|k| k.as_str()),
            deleted: ts.at,
        }
    }
}

fn date(t: &OffsetDateTime) -> String {
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn rfc3339(t: &OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// `lifeboat purge`.
pub fn purge(ctx: &Ctx, a: PurgeArgs) -> Result<(), CliError> {
    // A dry run only reads; a purge holds the lock from the read on.
    let mut vault = if a.dry_run {
        ctx.open()?
    } else {
        ctx.open_for_update()?
    };
    let p = vault.payload();
    let now = crate::item::now_utc();
    let old_enough = |ts: &Tombstone| match a.older_than {
        Some(days) => ts.at <= now - time::Duration::days(i64::from(days)),
        None => true,
    };
    let targets: Vec<Target> = match &a.name {
        Some(name) => {
            let lower = name.to_lowercase();
            let matches: Vec<(&String, &Tombstone)> = p
                .sync
                .tombstones
                .iter()
                .filter(|(id, ts)| *id == name || ts.name.to_lowercase() == lower)
                .filter(|(id, _)| !p.items.iter().any(|i| &i.id == *id))
                .collect();
            if matches.is_empty() {
                let live = p
                    .items
                    .iter()
                    .any(|i| i.id == *name || i.name.to_lowercase() == lower);
                return Err(CliError::input(if live {
                    crate::tr!("cli-purge-not-deleted", name = name.as_str())
                } else {
                    crate::tr!("cli-purge-unknown", name = name.as_str())
                }));
            }
            let open: Vec<&(&String, &Tombstone)> =
                matches.iter().filter(|(_, ts)| ts.purgeable()).collect();
            if open.is_empty() {
                return Err(CliError::input(crate::tr!(
                    "cli-purge-already",
                    name = name.as_str()
                )));
            }
            let ripe: Vec<Target> = open
                .iter()
                .filter(|(_, ts)| old_enough(ts))
                .map(|(id, ts)| Target::of(id, ts))
                .collect();
            if ripe.is_empty() {
                return Err(CliError::input(crate::tr!(
                    "cli-purge-too-recent",
                    name = name.as_str(),
                    older = a.older_than.unwrap_or(0)
                )));
            }
            ripe
        }
        None => purge_candidates(p)
            .into_iter()
            .filter(|(_, ts)| old_enough(ts))
            .map(|(id, ts)| Target::of(id, ts))
            .collect(),
    };
    if targets.is_empty() {
        // A sweep (`--all`, as a scheduled job runs it) that finds nothing
        // has done its job: exit 0 and say so. Only a named item that
        // cannot be purged is a refusal (above).
        noteln!(
            "{}",
            match a.older_than {
                Some(days) => crate::tr!("cli-purge-nothing-older", older = days),
                None => crate::tr!("cli-purge-nothing"),
            }
        );
        return if ctx.json() {
            print_json(&report(&targets, a.dry_run))
        } else {
            Ok(())
        };
    }
    if ctx.json() && a.dry_run {
        return print_json(&report(&targets, true));
    }
    // With --json the list goes to stderr, so that a question asked on
    // the terminal still shows what it is about.
    list(&targets, ctx.json())?;
    if a.dry_run {
        noteln!("{}", crate::tr!("cli-purge-dry-run"));
        return Ok(());
    }
    if !a.yes
        && std::io::IsTerminal::is_terminal(&std::io::stdin())
        && !input::confirm(&crate::tr!("cli-purge-confirm"))?
    {
        return Err(CliError::input(crate::tr!("cli-purge-cancelled")));
    }
    let ids: Vec<String> = targets.iter().map(|t| t.id.clone()).collect();
    let n = vault.purge_deleted(&ids)?;
    save(&mut vault)?;
    if ctx.json() {
        print_json(&report(&targets, false))
    } else {
        noteln!("{}", crate::tr!("cli-purge-done", count = n));
        Ok(())
    }
}

/// The list of what will be erased, on stdout (or stderr).
fn list(targets: &[Target], to_stderr: bool) -> Result<(), CliError> {
    let heading = crate::tr!("cli-purge-heading", count = targets.len());
    if to_stderr {
        noteln!("{heading}");
    } else {
        outln!("{heading}")?;
    }
    for t in targets {
        let line = match t.kind {
            Some(k) => crate::tr!(
                "cli-purge-line",
                name = t.name.as_str(),
                kind = text::kind_name(k),
                deleted = date(&t.deleted)
            ),
            None => crate::tr!(
                "cli-purge-line-no-kind",
                name = t.name.as_str(),
                deleted = date(&t.deleted)
            ),
        };
        if to_stderr {
            noteln!("  {line}");
        } else {
            outln!("  {line}")?;
        }
    }
    Ok(())
}

fn report(targets: &[Target], dry_run: bool) -> serde_json::Value {
    json!({
        "purged": targets.iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "kind": t.kind,
            "deleted": rfc3339(&t.deleted),
        })).collect::<Vec<_>>(),
        "dry_run": dry_run,
    })
}

/// Saves a purge (twice: see `Vault::save_purged`) and says what a save
/// that had to merge another program's change merged.
fn save(vault: &mut crate::vault::Vault) -> Result<(), CliError> {
    vault.save_purged()?;
    if let Some(r) = vault.take_merge_report() {
        for line in super::merge_cmd::merged_on_save(&r) {
            noteln!("{line}");
        }
    }
    Ok(())
}

/// `lifeboat rm NAME --purge`: the removal and the purge in one command.
pub fn rm_purge(ctx: &Ctx, a: RmArgs) -> Result<(), CliError> {
    let mut vault = ctx.open_for_update()?;
    if !a.yes && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let item = vault.item(&a.name)?;
        let q = crate::tr!(
            "cli-confirm-rm-purge",
            name = item.name.as_str(),
            kind = text::kind_name(item.kind().as_str())
        );
        if !input::confirm(&q)? {
            return Err(CliError::input(text::RM_CANCELLED));
        }
    }
    let item = vault.remove_item(&a.name)?;
    vault.purge_deleted(std::slice::from_ref(&item.id))?;
    save(&mut vault)?;
    if ctx.json() {
        print_json(&json!({"removed": item.name, "purged": true}))
    } else {
        noteln!("{}", text::item_removed(&item.name));
        noteln!("{}", crate::tr!("cli-purge-done", count = 1usize));
        Ok(())
    }
}
