//! Deciding which imported items are already in the vault.
//!
//! This module owns the duplicate rule of every import, so that no import
//! loses material: two logins that share a password, or two notes with the
//! same text, are different items.
//!
//! - lifeboat's own export carries item ids: an imported item is a duplicate
//!   only when its id is already taken. Identical to the item holding that
//!   id: skipped. Different: both are kept (the imported one gets a fresh
//!   id and a free name) and the report says so.
//! - Formats without ids: an entry is skipped only when an item already in
//!   the vault (or an earlier entry of the same file) is equal in every field
//!   that the format carries: the whole secret (for TOTP: secret, issuer,
//!   account, algorithm, digits, period, type, counter), and the name,
//!   account, notes and tags when the format carries them ([`Carries`]).
//!
//! Every skipped or doubled entry is reported with both sides named: the
//! entry of the file and the item (or earlier entry) it matched.

use std::collections::HashSet;

use super::{ImportReport, Unit};
use crate::item::{Item, Secret};

/// Which of an item's common fields a format carries (the secret always
/// is). Fields a format derives (a TOTP item's name from its issuer and
/// account) are not carried: the user may have renamed the item since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Carries {
    /// Items have stable ids (lifeboat's own export).
    pub ids: bool,
    /// The entry has a title of its own, which becomes the item's name.
    pub name: bool,
    /// The entry has notes.
    pub notes: bool,
    /// The entry has groups, folders or tags.
    pub tags: bool,
}

impl Carries {
    /// Only the secret (otpauth lists, Google Authenticator exports).
    pub const SECRET_ONLY: Carries = Carries {
        ids: false,
        name: false,
        notes: false,
        tags: false,
    };
    /// lifeboat's own export: ids, hence everything.
    pub const NATIVE: Carries = Carries {
        ids: true,
        name: true,
        notes: true,
        tags: true,
    };
    /// Authenticator exports with notes and groups (Aegis).
    pub const NOTES_AND_TAGS: Carries = Carries {
        ids: false,
        name: false,
        notes: true,
        tags: true,
    };
    /// Authenticator exports with groups or tags but no notes.
    pub const TAGS: Carries = Carries {
        ids: false,
        name: false,
        notes: false,
        tags: true,
    };
    /// Authenticator exports with notes but no groups.
    pub const NOTES: Carries = Carries {
        ids: false,
        name: false,
        notes: true,
        tags: false,
    };
    /// Password managers: titled entries with notes and folders.
    pub const TITLED: Carries = Carries {
        ids: false,
        name: true,
        notes: true,
        tags: true,
    };
}

/// Where an entry of an import, or what it matched, is; the front end
/// puts it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// An item of a lifeboat export, by name: `item "Exchange B login"`.
    Item(String),
    /// A line of the file, with its issuer and account where known:
    /// `line 3 (GitHub, alice)`.
    Line(usize, Option<String>),
    /// An entry of the file, likewise: `entry 7 (GitHub, alice)`.
    Entry(usize, Option<String>),
    /// An item already in the vault: `"GitHub (alice)" in the vault`.
    InVault(String),
}

impl Place {
    /// In words of the current language, for people.
    pub fn text(&self) -> String {
        let labelled = |at: String, label: &Option<String>| match label {
            Some(l) => crate::tr!("import-place-labelled", place = at, label = l),
            None => at,
        };
        match self {
            Place::Item(name) => crate::tr!("import-place-item", name = name),
            Place::Line(n, l) => labelled(crate::tr!("import-place-line", n = *n), l),
            Place::Entry(n, l) => labelled(crate::tr!("import-place-entry", n = *n), l),
            Place::InVault(name) => crate::tr!("import-place-in-vault", name = name),
        }
    }

    /// In English whatever the language, for `--json` (whose values never
    /// depend on it): `entry 7 (GitHub, alice)`.
    pub fn english(&self) -> String {
        let _en = crate::i18n::scoped(crate::lang::Lang::En);
        self.text()
    }
}

/// An imported entry that matched something already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The entry of the file: `entry 7 (GitHub, alice)`, `line 3 (...)` or
    /// `item "Exchange B login"`.
    pub entry: Place,
    /// What it matched: `"GitHub (alice)" in the vault` or an earlier entry.
    pub matched: Place,
    /// For entries kept beside the item they clash with: the new name.
    pub kept_as: Option<String>,
}

/// What an import will do to the vault.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    /// Items to add, with names free in the vault and ids not in it.
    pub add: Vec<Item>,
    /// Entries left out because they are already there.
    pub skipped: Vec<Duplicate>,
    /// Entries whose id was taken by a different item: added under a new
    /// id (and listed in `add` too).
    pub kept_both: Vec<Duplicate>,
}

/// Plans an import into a vault holding `existing`: which items to add
/// (renamed where their name is taken), which to skip as duplicates, and
/// which clash with a different item of the same id.
pub fn plan(existing: &[Item], report: ImportReport) -> ImportPlan {
    let carries = report.carries;
    let unit = report.unit;
    let mut taken: HashSet<String> = existing.iter().map(|i| i.name.to_lowercase()).collect();
    let mut ids: HashSet<String> = existing.iter().map(|i| i.id.clone()).collect();
    let mut out = ImportPlan::default();
    // Items accepted so far from this file, with how to name them.
    let mut accepted: Vec<(Item, Place)> = Vec::new();
    for (n, mut item) in report.items.into_iter().enumerate() {
        let position = report.origins.get(n).copied().unwrap_or(n + 1);
        let entry = describe(unit, position, &item, carries);
        if carries.ids {
            let clash = existing
                .iter()
                .map(|i| (i, Place::InVault(i.name.clone())))
                .chain(accepted.iter().map(|(i, d)| (i, d.clone())))
                .find(|(i, _)| i.id == item.id)
                .map(|(i, d)| (i == &item, d));
            match clash {
                Some((true, matched)) => {
                    out.skipped.push(Duplicate {
                        entry,
                        matched,
                        kept_as: None,
                    });
                    continue;
                }
                Some((false, matched)) => {
                    item.id = fresh_id(&ids);
                    free_name(&mut item, &taken);
                    out.kept_both.push(Duplicate {
                        entry: entry.clone(),
                        matched,
                        kept_as: Some(item.name.clone()),
                    });
                }
                None => free_name(&mut item, &taken),
            }
        } else {
            let same = existing
                .iter()
                .map(|i| (i, Place::InVault(i.name.clone())))
                .chain(accepted.iter().map(|(i, d)| (i, d.clone())))
                .find(|(i, _)| equal_as_carried(i, &item, carries));
            if let Some((_, matched)) = same {
                out.skipped.push(Duplicate {
                    entry,
                    matched,
                    kept_as: None,
                });
                continue;
            }
            if ids.contains(&item.id) {
                item.id = fresh_id(&ids);
            }
            free_name(&mut item, &taken);
        }
        taken.insert(item.name.to_lowercase());
        ids.insert(item.id.clone());
        accepted.push((item, entry));
    }
    out.add = accepted.into_iter().map(|(i, _)| i).collect();
    out
}

/// How the report names an entry of the file.
fn describe(unit: Unit, position: usize, item: &Item, carries: Carries) -> Place {
    if carries.ids {
        return Place::Item(item.name.clone());
    }
    let label = match &item.secret {
        Secret::Totp { issuer, label, .. } if !carries.name => {
            super::entry_label(issuer.as_deref(), label.as_deref())
        }
        _ => super::entry_label(Some(&item.name), None),
    };
    match unit {
        Unit::Line => Place::Line(position, label),
        Unit::Entry => Place::Entry(position, label),
    }
}

/// Whether `old` holds everything the format says about `new`.
fn equal_as_carried(old: &Item, new: &Item, carries: Carries) -> bool {
    if old.secret != new.secret {
        return false;
    }
    if carries.name && !same_base_name(&old.name, &new.name) {
        return false;
    }
    if carries.notes && old.notes != new.notes {
        return false;
    }
    if carries.tags {
        let mut a = old.tags.clone();
        let mut b = new.tags.clone();
        a.sort();
        b.sort();
        if a != b {
            return false;
        }
    }
    true
}

/// `old` is `new`, or `new` with the ` 2`, ` 3`... an earlier import gave
/// it because the name was taken.
fn same_base_name(old: &str, new: &str) -> bool {
    old == new
        || old
            .strip_prefix(new)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Renames `item` to `Name 2`, `Name 3`... until no item has that name
/// (names are unique ignoring case).
fn free_name(item: &mut Item, taken: &HashSet<String>) {
    if !taken.contains(&item.name.to_lowercase()) {
        return;
    }
    // Leave room for the suffix within the 200-character limit.
    let base: String = item.name.chars().take(190).collect();
    let mut n = 2u64;
    loop {
        let name = format!("{base} {n}");
        if !taken.contains(&name.to_lowercase()) {
            item.name = name;
            return;
        }
        n += 1;
    }
}

fn fresh_id(ids: &HashSet<String>) -> String {
    loop {
        let id = crate::item::new_id();
        if !ids.contains(&id) {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn password(name: &str, pw: &str) -> Item {
        let mut i = Item::new(
            name,
            Secret::Password {
                username: Some("me".into()),
                password: pw.into(),
                url: None,
            },
        );
        i.account = Some(format!("{name} account"));
        i
    }

    fn report(items: Vec<Item>, carries: Carries) -> ImportReport {
        let mut r = ImportReport::new(Unit::Entry, carries);
        for (n, i) in items.into_iter().enumerate() {
            r.add(i, n + 1);
        }
        r
    }

    #[test]
    fn native_items_sharing_a_password_are_both_kept() {
        let a = password("Exchange A login", "hunter2");
        let b = password("Exchange B login", "hunter2");
        let p = plan(&[], report(vec![a.clone(), b.clone()], Carries::NATIVE));
        assert_eq!(p.add, vec![a, b]);
        assert!(p.skipped.is_empty() && p.kept_both.is_empty());
    }

    #[test]
    fn native_id_clash_skips_identical_and_keeps_both_otherwise() {
        let a = password("A", "one");
        let mut changed = a.clone();
        changed.notes = Some("edited elsewhere".into());
        let p = plan(
            std::slice::from_ref(&a),
            report(vec![a.clone(), changed.clone()], Carries::NATIVE),
        );
        assert_eq!(p.skipped.len(), 1);
        assert_eq!(p.skipped[0].entry, Place::Item("A".into()));
        assert_eq!(p.skipped[0].matched, Place::InVault("A".into()));
        assert_eq!(p.add.len(), 1);
        assert_ne!(p.add[0].id, a.id);
        assert_eq!(p.add[0].name, "A 2");
        assert_eq!(p.kept_both[0].kept_as.as_deref(), Some("A 2"));
        assert_eq!(p.add[0].notes, changed.notes);
    }

    #[test]
    fn idless_entries_are_skipped_only_when_every_carried_field_is_equal() {
        let vault = [password("Mail", "pw")];
        let same = password("Mail", "pw");
        let other_name = password("Forum", "pw");
        let mut other_notes = password("Mail", "pw");
        other_notes.notes = Some("n".into());
        let p = plan(
            &vault,
            report(vec![same, other_name, other_notes], Carries::TITLED),
        );
        assert_eq!(p.skipped.len(), 1);
        assert_eq!(p.skipped[0].entry, Place::Entry(1, Some("Mail".into())));
        assert_eq!(p.skipped[0].matched, Place::InVault("Mail".into()));
        let names: Vec<&str> = p.add.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Forum", "Mail 2"]);
        // Importing the same file again adds nothing: "Mail 2" is "Mail".
        let mut vault = vault.to_vec();
        vault.extend(p.add);
        let again = plan(
            &vault,
            report(
                vec![password("Mail", "pw"), password("Forum", "pw"), {
                    let mut i = password("Mail", "pw");
                    i.notes = Some("n".into());
                    i
                }],
                Carries::TITLED,
            ),
        );
        assert!(again.add.is_empty(), "{:?}", again.add);
        assert_eq!(again.skipped.len(), 3);
    }

    #[test]
    fn a_repeated_entry_in_one_file_names_the_first() {
        let a = password("Mail", "pw");
        let p = plan(&[], report(vec![a.clone(), a], Carries::TITLED));
        assert_eq!(p.add.len(), 1);
        assert_eq!(p.skipped[0].entry, Place::Entry(2, Some("Mail".into())));
        assert_eq!(p.skipped[0].matched, Place::Entry(1, Some("Mail".into())));
    }

    #[test]
    fn names_are_freed_ignoring_case() {
        let vault = [password("mail", "x")];
        let p = plan(&vault, report(vec![password("MAIL", "y")], Carries::TITLED));
        assert_eq!(p.add[0].name, "MAIL 2");
        assert!(same_base_name("Mail 12", "Mail"));
        assert!(!same_base_name("Mail x", "Mail"));
        assert!(!same_base_name("Mail ", "Mail"));
    }
}
