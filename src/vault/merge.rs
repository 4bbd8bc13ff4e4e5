//! Joining two copies of one vault without losing a change.
//!
//! This module owns the revision metadata of a version-3 payload
//! ([`SyncMeta`]: a hybrid-logical-clock [`Stamp`] per item field and per
//! setting, item history, tombstones), the bookkeeping a save does to it
//! ([`record_changes`]) and the merge itself ([`merge`]). Everything here is
//! pure: no clock, no file, no randomness; the caller passes the time and
//! its writer id. docs/vault-format.md (section 7) is the specification.
//!
//! The merge is a join: for every item field and every setting the value
//! with the greater stamp is current, and every other value either side
//! ever held for an item field is kept in that item's history. So it is
//! commutative, associative and idempotent, and merging copies in any order
//! gives the same payload.
//!
//! Purging a deletion ([`Tombstone::purge`]) is part of that join: the
//! tombstone gains a purge horizon, and every value of the item stamped at
//! or below it is erased in whichever copy the merge meets it, before or
//! after joining, with the same result (section 7.6 of the specification).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::format::{ExtraRecipient, History, Keys, Payload, Settings};
use crate::item::{Item, Secret};
use crate::playbook::{Event, PlaybookState, Run, StepRecord};

/// A hybrid-logical-clock reading: milliseconds of wall time, a counter
/// for events within one millisecond (or while the wall clock lags behind
/// a stamp already seen), and the writer that made it. Ordered by `t`,
/// then `c`, then `d`, so two writers never make equal stamps.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Wall-clock milliseconds since the Unix epoch (or a stamp seen later).
    pub t: u64,
    /// Logical counter within `t`.
    #[serde(default)]
    pub c: u32,
    /// The writer: random per program run (16 hex digits); empty for a
    /// stamp derived from a version-2 item's `updated` date.
    #[serde(default)]
    pub d: String,
}

impl Stamp {
    /// The next stamp after `clock` for `writer` at wall time `now_ms`:
    /// greater than `clock` even when the wall clock went backwards.
    pub fn tick(clock: &Stamp, now_ms: u64, writer: &str) -> Stamp {
        if now_ms > clock.t {
            Stamp {
                t: now_ms,
                c: 0,
                d: writer.to_owned(),
            }
        } else {
            Stamp {
                t: clock.t,
                c: clock.c.saturating_add(1),
                d: writer.to_owned(),
            }
        }
    }

    /// The stamp a version-2 item field gets: its item's `updated` date.
    fn of_date(at: OffsetDateTime) -> Stamp {
        let ms = at.unix_timestamp_nanos() / 1_000_000;
        Stamp {
            t: u64::try_from(ms).unwrap_or(0),
            c: 0,
            d: String::new(),
        }
    }
}

/// Revision metadata of a payload (`sync` in the JSON). Empty in a
/// version-1 or version-2 payload; every save fills it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncMeta {
    /// The greatest stamp made or seen: the next save ticks past it.
    pub clock: Stamp,
    /// Per item, by id: its field stamps and history.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, ItemMeta>,
    /// Deleted items, by id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tombstones: BTreeMap<String, Tombstone>,
    /// Stamps of the vault-wide registers: `settings.<key>`,
    /// `history.<key>`, `keys`, `recipient:<age1...>`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Stamp>,
}

impl SyncMeta {
    /// True for a payload that never carried revision metadata.
    pub fn is_empty(&self) -> bool {
        self == &SyncMeta::default()
    }
}

/// An item's field stamps and earlier values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "ItemMetaWire", into = "ItemMetaWire")]
pub struct ItemMeta {
    /// Stamp of each field's current value, by field name ([`FIELDS`]).
    pub rev: BTreeMap<String, Stamp>,
    /// Values the fields held before, oldest first: replaced by an edit,
    /// or the older side of a conflict.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
}

/// [`ItemMeta`] as stored: most fields of an item share one stamp (the
/// save that created it, or its last edit), so that stamp is written once
/// as `at` and `rev` lists only the fields with another one. A large vault
/// stays about 60 bytes per item larger than version 2, not 300.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
struct ItemMetaWire {
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<Stamp>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    rev: BTreeMap<String, Stamp>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    history: Vec<Revision>,
}

impl From<ItemMetaWire> for ItemMeta {
    fn from(w: ItemMetaWire) -> ItemMeta {
        let mut rev = w.rev;
        if let Some(at) = w.at {
            for f in FIELDS {
                rev.entry(f.to_owned()).or_insert_with(|| at.clone());
            }
        }
        ItemMeta {
            rev,
            history: w.history,
        }
    }
}

impl From<ItemMeta> for ItemMetaWire {
    fn from(m: ItemMeta) -> ItemMetaWire {
        // The stamp most fields share (the greatest among equals).
        let mut counts: BTreeMap<&Stamp, usize> = BTreeMap::new();
        for s in m.rev.values() {
            *counts.entry(s).or_default() += 1;
        }
        let at = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| a.0.cmp(b.0)))
            .map(|(s, _)| (*s).clone());
        let all = FIELDS.iter().all(|f| m.rev.contains_key(*f));
        let at = at.filter(|_| all);
        let rev = m
            .rev
            .iter()
            .filter(|(_, s)| Some(*s) != at.as_ref())
            .map(|(k, s)| (k.clone(), s.clone()))
            .collect();
        ItemMetaWire {
            at,
            rev,
            history: m.history,
        }
    }
}

/// One earlier value of one item field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// The field ([`FIELDS`]).
    pub field: String,
    /// The stamp the value had.
    pub rev: Stamp,
    /// The value of `name`, `account`, `support` or `notes` (absent: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The value of `tags`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The value of `secret`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<Secret>,
}

/// A deleted item: enough to keep it deleted on the next merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "TombstoneWire", into = "TombstoneWire")]
pub struct Tombstone {
    /// Its name when deleted (for reports).
    pub name: String,
    /// When it was deleted.
    pub at: OffsetDateTime,
    /// The stamp of each field of the item as the deleter saw it: a field
    /// with a greater stamp was edited without knowing of the deletion, and
    /// that edit wins (the item comes back).
    pub seen: BTreeMap<String, Stamp>,
    /// The purge horizon, by field: every value of the item whose stamp is
    /// at most this one is erased wherever the merge meets it (the grave,
    /// an older copy that still holds the item, the history of an item an
    /// edit brought back). Empty until the deletion is purged; joined
    /// field by field (the greater stamp), like `seen`.
    pub purged: BTreeMap<String, Stamp>,
    /// The item's last state while it stays deleted (the join of every
    /// copy of it that reached this vault, less what a purge erased), so
    /// that an edit made elsewhere without knowing of the deletion brings
    /// it back whole, whatever the order of merges. Dropped when the item
    /// comes back. After a purge only a husk is left: the item's id, kind
    /// and dates and its field stamps, every value erased.
    pub grave: Option<Box<Grave>>,
}

/// The prefix of a purge horizon's entries inside `seen` as stored.
const PURGED_PREFIX: &str = "purged:";

/// [`Tombstone`] as stored. The purge horizon is written into `seen`, as
/// `purged:<field>` entries, rather than as a member of its own: lifeboat
/// versions from before purging join `seen` entry by entry and ignore the
/// entries that are not field names, so they keep the horizon through
/// their own saves and merges (a new member would be dropped by their
/// first save, and with it the promise that the values stay erased).
#[derive(Serialize, Deserialize)]
struct TombstoneWire {
    name: String,
    #[serde(with = "time::serde::rfc3339")]
    at: OffsetDateTime,
    seen: BTreeMap<String, Stamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    grave: Option<Box<Grave>>,
}

impl From<TombstoneWire> for Tombstone {
    fn from(w: TombstoneWire) -> Tombstone {
        let mut seen = BTreeMap::new();
        let mut purged = BTreeMap::new();
        for (k, s) in w.seen {
            match k.strip_prefix(PURGED_PREFIX) {
                Some(f) => {
                    purged.insert(f.to_owned(), s);
                }
                None => {
                    seen.insert(k, s);
                }
            }
        }
        Tombstone {
            name: w.name,
            at: w.at,
            seen,
            purged,
            grave: w.grave,
        }
    }
}

impl From<Tombstone> for TombstoneWire {
    fn from(t: Tombstone) -> TombstoneWire {
        let mut seen = t.seen;
        for (f, s) in t.purged {
            seen.insert(format!("{PURGED_PREFIX}{f}"), s);
        }
        TombstoneWire {
            name: t.name,
            at: t.at,
            seen,
            grave: t.grave,
        }
    }
}

impl Tombstone {
    /// True when the deletion was purged (its values erased).
    pub fn is_purged(&self) -> bool {
        !self.purged.is_empty()
    }

    /// The kind of the deleted item, when its grave (or husk) is kept.
    pub fn kind(&self) -> Option<crate::item::ItemKind> {
        self.grave.as_ref().map(|g| g.item.secret.kind())
    }

    /// True when purging would erase something: a field's horizon is
    /// behind what the deleter saw, or the grave still holds a value the
    /// horizon covers (an older lifeboat may have merged one back in).
    pub fn purgeable(&self) -> bool {
        let behind = FIELDS.iter().any(|f| match self.seen.get(*f) {
            Some(s) => self.purged.get(*f).is_none_or(|h| h < s),
            None => false,
        });
        behind || self.clone().purge()
    }

    /// Erases the deleted item's values for good: the horizon moves up to
    /// what the deleter saw, and the grave keeps only its husk. The
    /// deletion itself (`seen`) is untouched, so merges keep the item
    /// deleted and an edit made without knowing of the deletion still
    /// wins. True when anything changed.
    pub fn purge(&mut self) -> bool {
        let mut changed = false;
        for f in FIELDS {
            if let Some(s) = self.seen.get(f) {
                let h = self.purged.entry(f.to_owned()).or_default();
                if *h < *s {
                    *h = s.clone();
                    changed = true;
                }
            }
        }
        if let Some(g) = self.grave.as_deref_mut() {
            changed |= erase_purged(&mut g.item, &mut g.meta, &self.purged, &self.name);
        }
        changed
    }
}

/// The deleted items whose tombstones still keep values a purge would
/// erase (items that exist again are not deleted), oldest deletion first.
pub fn purge_candidates(p: &Payload) -> Vec<(&String, &Tombstone)> {
    let live: BTreeSet<&str> = p.items.iter().map(|i| i.id.as_str()).collect();
    let mut out: Vec<(&String, &Tombstone)> = p
        .sync
        .tombstones
        .iter()
        .filter(|(id, ts)| !live.contains(id.as_str()) && ts.purgeable())
        .collect();
    out.sort_by(|a, b| a.1.at.cmp(&b.1.at).then_with(|| a.0.cmp(b.0)));
    out
}

/// Erases from one copy of a deleted item every value a purge covers: a
/// field whose stamp is at most the horizon's takes the empty value of its
/// kind (the name: the tombstone's) and the horizon's stamp, and history
/// entries at or below the horizon go. Depends only on the copy and the
/// horizon, and a greater horizon erases at least as much, so erasing
/// before or after a merge gives the same result: the merge stays a join.
/// True when anything changed.
fn erase_purged(
    item: &mut Item,
    meta: &mut ItemMeta,
    horizon: &BTreeMap<String, Stamp>,
    name: &str,
) -> bool {
    if horizon.is_empty() {
        return false;
    }
    let mut changed = false;
    for f in FIELDS {
        let Some(h) = horizon.get(f) else { continue };
        let stamp = meta.rev.get(f);
        if stamp.is_some_and(|s| s > h) {
            continue;
        }
        let before = (stamp.cloned(), zeroize::Zeroizing::new(value_json(item, f)));
        match f {
            "name" => item.name = name.to_owned(),
            "account" => item.account = None,
            "support" => item.support = None,
            "notes" => item.notes = None,
            "tags" => item.tags.clear(),
            _ => item.secret = item.secret.erased(),
        }
        meta.rev.insert(f.to_owned(), h.clone());
        if before
            != (
                Some(h.clone()),
                zeroize::Zeroizing::new(value_json(item, f)),
            )
        {
            changed = true;
        }
    }
    let n = meta.history.len();
    meta.history
        .retain(|r| horizon.get(&r.field).is_none_or(|h| r.rev > *h));
    changed || meta.history.len() != n
}

/// A deleted item's last state, inside its tombstone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grave {
    /// The item.
    pub item: Item,
    /// Its field stamps and history.
    pub meta: ItemMeta,
}

/// The item fields that carry their own stamp.
pub const FIELDS: [&str; 6] = ["name", "account", "tags", "support", "notes", "secret"];

/// A field's value, borrowed from an item.
#[derive(PartialEq)]
enum Val<'a> {
    Text(Option<&'a str>),
    Tags(&'a [String]),
    Secret(&'a Secret),
}

fn val<'a>(item: &'a Item, field: &str) -> Val<'a> {
    match field {
        "name" => Val::Text(Some(&item.name)),
        "account" => Val::Text(item.account.as_deref()),
        "support" => Val::Text(item.support.as_deref()),
        "notes" => Val::Text(item.notes.as_deref()),
        "tags" => Val::Tags(&item.tags),
        _ => Val::Secret(&item.secret),
    }
}

fn revision_of(item: &Item, field: &str, rev: Stamp) -> Revision {
    let mut r = Revision {
        field: field.to_owned(),
        rev,
        text: None,
        tags: Vec::new(),
        secret: None,
    };
    match val(item, field) {
        Val::Text(t) => r.text = t.map(str::to_owned),
        Val::Tags(t) => r.tags = t.to_vec(),
        Val::Secret(s) => r.secret = Some(s.clone()),
    }
    r
}

fn set_field(item: &mut Item, from: &Item, field: &str) {
    match field {
        "name" => item.name = from.name.clone(),
        "account" => item.account = from.account.clone(),
        "support" => item.support = from.support.clone(),
        "notes" => item.notes = from.notes.clone(),
        "tags" => item.tags = from.tags.clone(),
        _ => item.secret = from.secret.clone(),
    }
}

/// Equal for the merge: secrets compare without their monotone parts (an
/// HOTP counter, the used marks of recovery codes), which join instead.
fn field_eq(a: &Item, b: &Item, field: &str) -> bool {
    match (val(a, field), val(b, field)) {
        (Val::Secret(x), Val::Secret(y)) => secret_core_eq(x, y),
        (x, y) => x == y,
    }
}

fn secret_core_eq(a: &Secret, b: &Secret) -> bool {
    match (a, b) {
        (
            Secret::Totp {
                secret: s1,
                issuer: i1,
                label: l1,
                algorithm: a1,
                digits: d1,
                period: p1,
                otp_type: o1,
                ..
            },
            Secret::Totp {
                secret: s2,
                issuer: i2,
                label: l2,
                algorithm: a2,
                digits: d2,
                period: p2,
                otp_type: o2,
                ..
            },
        ) => s1 == s2 && i1 == i2 && l1 == l2 && a1 == a2 && d1 == d2 && p1 == p2 && o1 == o2,
        (Secret::Codes { codes: c1 }, Secret::Codes { codes: c2 }) => {
            c1.len() == c2.len() && c1.iter().zip(c2).all(|(x, y)| x.code == y.code)
        }
        _ => a == b,
    }
}

/// Joins the monotone parts of two secrets equal under [`secret_core_eq`]
/// into `into`: the higher HOTP counter (a lower one would reuse codes),
/// and a recovery code is used once either side used it (the earlier date).
fn join_secret_extras(into: &mut Secret, other: &Secret) {
    match (into, other) {
        (Secret::Totp { counter: c1, .. }, Secret::Totp { counter: c2, .. }) => {
            *c1 = (*c1).max(*c2);
        }
        (Secret::Codes { codes: c1 }, Secret::Codes { codes: c2 }) => {
            for (x, y) in c1.iter_mut().zip(c2) {
                x.used = match (x.used, y.used) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        _ => {}
    }
}

/// A total order on field values, for the rare tie of equal stamps (two
/// version-2 copies edited in the same second): compares the JSON text in
/// a wiped buffer.
fn cmp_values(a: &Item, b: &Item, field: &str) -> Ordering {
    let ja = zeroize::Zeroizing::new(value_json(a, field));
    let jb = zeroize::Zeroizing::new(value_json(b, field));
    ja.cmp(&jb)
}

fn value_json(item: &Item, field: &str) -> Vec<u8> {
    let r = match val(item, field) {
        Val::Text(t) => serde_json::to_vec(&t),
        Val::Tags(t) => serde_json::to_vec(t),
        Val::Secret(s) => serde_json::to_vec(s),
    };
    r.unwrap_or_default()
}

fn revision_json(r: &Revision) -> zeroize::Zeroizing<Vec<u8>> {
    zeroize::Zeroizing::new(serde_json::to_vec(r).unwrap_or_default())
}

fn cmp_revisions(a: &Revision, b: &Revision) -> Ordering {
    a.rev
        .cmp(&b.rev)
        .then_with(|| a.field.cmp(&b.field))
        .then_with(|| revision_json(a).cmp(&revision_json(b)))
}

/// The stamp of a field: recorded, or (version 2) the item's `updated`.
fn stamp_of(meta: Option<&ItemMeta>, item: &Item, field: &str) -> Stamp {
    meta.and_then(|m| m.rev.get(field).cloned())
        .unwrap_or_else(|| Stamp::of_date(item.updated))
}

/// Fills the stamps a version-1 or version-2 payload lacks: every item
/// field gets its item's `updated` date. Nothing else changes.
pub fn normalize(p: &mut Payload) {
    let ids: BTreeSet<&str> = p.items.iter().map(|i| i.id.as_str()).collect();
    p.sync.items.retain(|id, _| ids.contains(id.as_str()));
    for item in &p.items {
        // Looked up before the id is copied: almost every item has stamps.
        let meta = match p.sync.items.get_mut(&item.id) {
            Some(m) => m,
            None => p.sync.items.entry(item.id.clone()).or_default(),
        };
        for f in FIELDS {
            if !meta.rev.contains_key(f) {
                meta.rev.insert(f.to_owned(), Stamp::of_date(item.updated));
            }
        }
    }
}

/// What a save records: compares the payload with `base` (as it was
/// opened) and stamps what changed with one new clock reading for
/// `writer`. A changed item field keeps its old value in the item's
/// history; a removed item leaves a tombstone; a changed setting, safety
/// date, key set or recipient gets a new register stamp. Without a base
/// (a new vault, a restored backup) it only fills missing stamps.
pub fn record_changes(base: Option<&Payload>, p: &mut Payload, now_ms: u64, writer: &str) {
    let base_clock = base.map(|b| b.sync.clock.clone()).unwrap_or_default();
    let clock = (&p.sync.clock).max(&base_clock).clone();
    let now = Stamp::tick(&clock, now_ms, writer);
    let Some(base) = base else {
        normalize(p);
        p.sync.clock = now;
        return;
    };
    let base_items: BTreeMap<&str, &Item> = base.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let ids: BTreeSet<&str> = p.items.iter().map(|i| i.id.as_str()).collect();
    for old in &base.items {
        if !ids.contains(old.id.as_str()) {
            let seen = FIELDS
                .iter()
                .map(|f| {
                    (
                        f.to_string(),
                        stamp_of(base.sync.items.get(&old.id), old, f),
                    )
                })
                .collect();
            let mut meta = base.sync.items.get(&old.id).cloned().unwrap_or_default();
            for f in FIELDS {
                meta.rev
                    .entry(f.to_owned())
                    .or_insert_with(|| stamp_of(None, old, f));
            }
            p.sync.items.remove(&old.id);
            let ts = Tombstone {
                name: old.name.clone(),
                at: date_of_ms(now_ms),
                seen,
                purged: BTreeMap::new(),
                grave: Some(Box::new(Grave {
                    item: old.clone(),
                    meta,
                })),
            };
            join_tombstone(&mut p.sync.tombstones, &old.id, &ts);
        }
    }
    // A lifeboat from before purging keeps a purge horizon but not its
    // promise: merging an older copy there may have put values back into
    // a grave. Every save takes them out again.
    for ts in p.sync.tombstones.values_mut() {
        if let (false, Some(g)) = (ts.purged.is_empty(), ts.grave.as_deref_mut()) {
            erase_purged(&mut g.item, &mut g.meta, &ts.purged, &ts.name);
        }
    }
    p.sync.items.retain(|id, _| ids.contains(id.as_str()));
    for item in &p.items {
        let old = base_items.get(item.id.as_str()).copied();
        let base_meta = base.sync.items.get(&item.id);
        let meta = p.sync.items.entry(item.id.clone()).or_default();
        for f in FIELDS {
            match old {
                None => {
                    if !meta.rev.contains_key(f) {
                        meta.rev.insert(f.to_owned(), now.clone());
                    }
                }
                Some(old) => {
                    if !field_eq(old, item, f) {
                        let was = revision_of(old, f, stamp_of(base_meta, old, f));
                        // A retried save records the same change once.
                        if !meta.history.contains(&was) {
                            meta.history.push(was);
                            meta.history.sort_by(cmp_revisions);
                        }
                        meta.rev.insert(f.to_owned(), now.clone());
                    } else if matches!(val(old, f), Val::Secret(_)) && val(old, f) != val(item, f) {
                        // Only a counter or a used mark moved: no history.
                        // (For the other fields `field_eq` is plain
                        // equality, so they cannot differ here.)
                        meta.rev.insert(f.to_owned(), now.clone());
                    } else if !meta.rev.contains_key(f) {
                        // Unchanged: keep its stamp (looked up and copied
                        // only when missing: this runs for every field of
                        // every item on every save).
                        meta.rev.insert(f.to_owned(), stamp_of(base_meta, old, f));
                    }
                }
            }
        }
    }
    let old_regs = registers(base);
    let new_regs = registers(p);
    let keys: BTreeSet<&String> = old_regs.keys().chain(new_regs.keys()).collect();
    for k in keys {
        if old_regs.get(k) != new_regs.get(k) {
            p.sync.fields.insert(k.clone(), now.clone());
        }
    }
    if keys_id(&base.keys) != keys_id(&p.keys) {
        p.sync.fields.insert("keys".into(), now.clone());
    }
    p.sync.clock = now;
}

/// The whole second of a millisecond clock reading.
fn date_of_ms(ms: u64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(i64::try_from(ms / 1000).unwrap_or(0))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The vault-wide registers (no secrets) as JSON values, by register name.
fn registers(p: &Payload) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    for (prefix, v) in [
        ("settings.", serde_json::to_value(&p.settings)),
        ("history.", serde_json::to_value(&p.history)),
    ] {
        if let Ok(serde_json::Value::Object(map)) = v {
            for (k, v) in map {
                out.insert(format!("{prefix}{k}"), v);
            }
        }
    }
    for r in &p.recipients {
        if let Ok(v) = serde_json::to_value(r) {
            out.insert(format!("recipient:{}", r.recipient), v);
        }
    }
    out
}

/// What identifies a key set: the recovery recipient, the passphrase salt
/// and parameters, and the authentication key.
fn keys_id(k: &Keys) -> (String, Vec<u8>, [u32; 3], Vec<u8>) {
    (
        k.recovery_recipient.clone(),
        k.passphrase.salt.expose().to_vec(),
        [
            k.passphrase.params.m_kib,
            k.passphrase.params.t,
            k.passphrase.params.p,
        ],
        k.auth_key.expose().to_vec(),
    )
}

fn join_tombstone(map: &mut BTreeMap<String, Tombstone>, id: &str, ts: &Tombstone) {
    match map.get_mut(id) {
        Some(cur) => {
            // Name and date of the later deletion; every field's stamp joined.
            let key = |t: &Tombstone| (t.seen.values().max().cloned(), t.at, t.name.clone());
            let mut seen = cur.seen.clone();
            for (f, s) in &ts.seen {
                let e = seen.entry(f.clone()).or_default();
                if s > e {
                    *e = s.clone();
                }
            }
            let mut purged = cur.purged.clone();
            for (f, s) in &ts.purged {
                let e = purged.entry(f.clone()).or_default();
                if s > e {
                    *e = s.clone();
                }
            }
            let grave = join_graves(cur.grave.as_deref(), ts.grave.as_deref());
            if key(ts) > key(cur) {
                *cur = ts.clone();
            }
            cur.seen = seen;
            cur.purged = purged;
            cur.grave = grave.map(Box::new);
            if let Some(g) = cur.grave.as_deref_mut() {
                erase_purged(&mut g.item, &mut g.meta, &cur.purged, &cur.name);
            }
        }
        None => {
            map.insert(id.to_owned(), ts.clone());
        }
    }
}

fn join_graves(x: Option<&Grave>, y: Option<&Grave>) -> Option<Grave> {
    match (x, y) {
        (Some(x), Some(y)) => {
            let (item, meta, _) = merge_item(&x.item, &x.meta, &y.item, &y.meta);
            Some(Grave { item, meta })
        }
        (Some(g), None) | (None, Some(g)) => Some(g.clone()),
        (None, None) => None,
    }
}

/// One field both copies changed: the newer value is current, the other
/// is in the item's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The item's name after the merge.
    pub item: String,
    /// The field ([`FIELDS`]).
    pub field: String,
    /// True when the other copy's value won (ours went to history).
    pub theirs_won: bool,
}

/// What a merge changed in "ours", for the user to review.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Items the other copy added.
    pub added: Vec<String>,
    /// Items whose fields the other copy changed.
    pub changed: Vec<String>,
    /// Items the other copy deleted.
    pub deleted: Vec<String>,
    /// Items deleted on one side and edited on the other: kept, with the edit.
    pub restored: Vec<String>,
    /// Of those kept so, the ones whose deletion was purged: they came
    /// back with the edit but without the purged values (empty fields).
    pub restored_erased: Vec<String>,
    /// Fields changed on both sides.
    pub conflicts: Vec<Conflict>,
    /// Names now held by more than one item (added on both sides).
    pub duplicate_names: Vec<String>,
    /// Settings, safety dates, recipients or keys taken from the other copy.
    pub vault_changes: Vec<String>,
    /// True when playbook runs or the audit log gained entries.
    pub playbooks_changed: bool,
}

impl MergeReport {
    /// True when the merge changes nothing in ours.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.deleted.is_empty()
            && self.restored.is_empty()
            && self.restored_erased.is_empty()
            && self.conflicts.is_empty()
            && self.vault_changes.is_empty()
            && !self.playbooks_changed
    }
}

/// Merges two payloads of the same vault (the caller checks `vault_id`).
/// The result does not depend on the order of the arguments; the report
/// says what changed in `ours`.
pub fn merge(ours: &Payload, theirs: &Payload) -> (Payload, MergeReport) {
    // Our side is copied (its items become the result's, moved); their
    // side is only read, and an item of theirs is copied when the result
    // takes it. Normalizing theirs touches only its item stamps, which
    // `normalized_meta` fills per item as `normalize` would.
    let mut a = ours.clone();
    normalize(&mut a);
    let b = theirs;
    let mut report = MergeReport::default();

    // Keys: the newer set (a passphrase change or a rotation) wins.
    let ka = a.sync.fields.get("keys").cloned().unwrap_or_default();
    let kb = b.sync.fields.get("keys").cloned().unwrap_or_default();
    // The envelope text breaks the last tie (two saves of the same keys).
    let theirs_keys = (ka, keys_id(&a.keys), a.keys.sealed.clone())
        < (kb, keys_id(&b.keys), b.keys.sealed.clone());
    let keys = if theirs_keys {
        b.keys.clone()
    } else {
        a.keys.clone()
    };
    if theirs_keys && keys_id(&a.keys) != keys_id(&b.keys) {
        report.vault_changes.push("keys".into());
    }

    // Tombstones: the union, keeping the latest per id.
    let mut tombstones = a.sync.tombstones.clone();
    for (id, ts) in &b.sync.tombstones {
        join_tombstone(&mut tombstones, id, ts);
    }

    // Items. `a` is this function's own copy, so its items and stamps are
    // moved into the result, not cloned once more. Both sides, their
    // stamps and the tombstones are walked together in id order (each
    // sorted by id), so no id is looked up in a map.
    let before_n = name_counts(&a.items);
    let mut a_items = std::mem::take(&mut a.items);
    let mut b_items: Vec<&Item> = b.items.iter().collect();
    a_items.sort_by(|x, y| x.id.cmp(&y.id));
    b_items.sort_by(|x, y| x.id.cmp(&y.id));
    let ts_ids: Vec<String> = tombstones.keys().cloned().collect();
    let mut ts_iter = ts_ids.iter().peekable();
    let mut a_iter = a_items.into_iter().peekable();
    let mut b_iter = b_items.into_iter().peekable();
    let mut a_meta_iter = std::mem::take(&mut a.sync.items).into_iter().peekable();
    let mut b_meta_iter = b.sync.items.iter().peekable();
    let mut items = Vec::new();
    // In id order, so the map is built in one pass at the end.
    let mut metas: Vec<(String, ItemMeta)> = Vec::new();
    let mut id_buf = String::new();
    loop {
        let next = [
            a_iter.peek().map(|i| i.id.as_str()),
            b_iter.peek().map(|i| i.id.as_str()),
            ts_iter.peek().map(|t| t.as_str()),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some(next) = next else { break };
        id_buf.clear();
        id_buf.push_str(next);
        let id = id_buf.as_str();
        while ts_iter.next_if(|t| t.as_str() <= id).is_some() {}
        // Our stamps (normalized: exactly our items' ids); the key is
        // reused for the result.
        while a_meta_iter.next_if(|(k, _)| k.as_str() < id).is_some() {}
        let (mut key, ma) = match a_meta_iter.next_if(|(k, _)| k == id) {
            Some((k, m)) => (Some(k), Some(m)),
            None => (None, None),
        };
        // Theirs may also hold stamps of items they no longer have.
        while b_meta_iter.next_if(|(k, _)| k.as_str() < id).is_some() {}
        let raw_mb = b_meta_iter.next_if(|(k, _)| *k == id).map(|(_, m)| m);
        let (x, y) = (next_with_id(&mut a_iter, id), next_with_id(&mut b_iter, id));
        let (in_a, in_b) = (x.is_some(), y.is_some());
        let mb = y.map(|y| normalized_meta(raw_mb, y));
        let live = match (x, y) {
            (Some(x), Some(y)) => {
                let (ma, mb) = (ma.expect("normalized"), mb.expect("normalized"));
                if unchanged_on_both(&x, &ma, y, &mb) {
                    // What `merge_item` would give, without rebuilding it.
                    Some((x, ma))
                } else {
                    let (item, meta, conflicts) = merge_item(&x, &ma, y, &mb);
                    if FIELDS.iter().any(|f| val(&item, f) != val(&x, f)) {
                        report.changed.push(item.name.clone());
                    }
                    for (field, theirs_won) in conflicts {
                        report.conflicts.push(Conflict {
                            item: item.name.clone(),
                            field,
                            theirs_won,
                        });
                    }
                    Some((item, meta))
                }
            }
            (Some(x), None) => Some((x, ma.unwrap_or_default())),
            (None, Some(y)) => Some((y.clone(), mb.unwrap_or_default().into_owned())),
            (None, None) => None,
        };
        let Some(ts) = tombstones.get_mut(id) else {
            // Never deleted anywhere.
            if let Some((item, meta)) = live {
                if !in_a {
                    report.added.push(item.name.clone());
                }
                metas.push((key.take().unwrap_or_else(|| id.to_owned()), meta));
                items.push(item);
            }
            continue;
        };
        // Everything known of the item: the live copies and the last state
        // kept in the tombstone.
        let (item, meta) = match (live, ts.grave.take()) {
            (Some((item, meta)), Some(g)) => {
                let (item, meta, _) = merge_item(&item, &meta, &g.item, &g.meta);
                (item, meta)
            }
            (Some(l), None) => l,
            (None, Some(g)) => (g.item, g.meta),
            (None, None) => continue,
        };
        // What a purge erased stays erased, in whichever copy it is met.
        let (mut item, mut meta) = (item, meta);
        erase_purged(&mut item, &mut meta, &ts.purged, &ts.name);
        let alive = meta
            .rev
            .iter()
            .any(|(f, s)| ts.seen.get(f).is_none_or(|seen| s > seen));
        if alive {
            if !in_a || !in_b {
                report.restored.push(item.name.clone());
            }
            // Back without what a purge erased: said once, by the merge
            // that first meets the edit and the purge together.
            let erased = ts
                .purged
                .iter()
                .any(|(f, h)| meta.rev.get(f).is_some_and(|s| s <= h));
            let news =
                !in_a || !in_b || a.sync.tombstones.get(id).map(|t| &t.purged) != Some(&ts.purged);
            if erased && news {
                report.restored_erased.push(item.name.clone());
            }
            metas.push((key.take().unwrap_or_else(|| id.to_owned()), meta));
            items.push(item);
        } else {
            if in_a {
                report.deleted.push(item.name.clone());
            }
            ts.grave = Some(Box::new(Grave { item, meta }));
        }
    }
    items.sort_by(|x, y| x.created.cmp(&y.created).then_with(|| x.id.cmp(&y.id)));
    let now_n = name_counts(&items);
    for (lower, n) in &now_n {
        if *n > 1 && before_n.get(lower).copied().unwrap_or(0) < 2 {
            if let Some(i) = items.iter().find(|i| &i.name.to_lowercase() == lower) {
                report.duplicate_names.push(i.name.clone());
            }
        }
    }

    // Registers: settings, safety dates, recipients.
    let mut fields = a.sync.fields.clone();
    for (k, s) in &b.sync.fields {
        let e = fields.entry(k.clone()).or_default();
        if s > e {
            *e = s.clone();
        }
    }
    let ra = registers(&a);
    let rb = registers(b);
    let names: BTreeSet<&String> = ra
        .keys()
        .chain(rb.keys())
        .chain(a.sync.fields.keys())
        .chain(b.sync.fields.keys())
        .collect();
    let mut merged_regs: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    for k in names {
        if k == "keys" {
            continue;
        }
        let sa = a.sync.fields.get(k).cloned().unwrap_or_default();
        let sb = b.sync.fields.get(k).cloned().unwrap_or_default();
        let va = ra.get(k);
        let vb = rb.get(k);
        let ta = va.map(|v| v.to_string());
        let tb = vb.map(|v| v.to_string());
        let take_b = (sa, ta.clone()) < (sb, tb.clone());
        let v = if take_b { vb } else { va };
        if take_b && ta != tb {
            report.vault_changes.push(k.clone());
        }
        if let Some(v) = v {
            merged_regs.insert(k.clone(), v.clone());
        }
    }
    let settings = rebuild::<Settings>(&merged_regs, "settings.", &a.settings);
    let history = rebuild::<History>(&merged_regs, "history.", &a.history);
    let mut recipients: Vec<ExtraRecipient> = merged_regs
        .iter()
        .filter(|(k, _)| k.starts_with("recipient:"))
        .filter_map(|(_, v)| serde_json::from_value(v.clone()).ok())
        .collect();
    recipients.sort_by(|x, y| {
        x.added
            .cmp(&y.added)
            .then_with(|| x.recipient.cmp(&y.recipient))
    });

    // Playbook runs and the audit log.
    let playbooks = merge_playbooks(&a.playbooks, &b.playbooks);
    let audit = merge_log(&a.audit, &b.audit, |e| {
        (e.at, e.action.clone(), e.subject.clone())
    });
    if playbooks != a.playbooks || audit != a.audit {
        report.playbooks_changed = true;
    }

    let clock = (&a.sync.clock).max(&b.sync.clock).clone();
    let merged = Payload {
        format: a.format.clone(),
        version: a.version.max(b.version),
        vault_id: a.vault_id.clone(),
        created: a.created.min(b.created),
        updated: a.updated.max(b.updated),
        items,
        playbooks,
        recipients,
        settings,
        history,
        audit,
        keys,
        sync: SyncMeta {
            clock,
            items: metas.into_iter().collect(),
            tombstones,
            fields,
        },
    };
    (merged, report)
}

/// How many items hold each name (lowercased).
fn name_counts(list: &[Item]) -> BTreeMap<String, usize> {
    let mut m: BTreeMap<String, usize> = BTreeMap::new();
    for i in list {
        *m.entry(i.name.to_lowercase()).or_default() += 1;
    }
    m
}

/// The item with id `id` from a side sorted by id, if it has one. Were an
/// id there twice (never written so), the last one counts, as a map by id
/// would keep it.
fn next_with_id<T: std::borrow::Borrow<Item>>(
    side: &mut std::iter::Peekable<impl Iterator<Item = T>>,
    id: &str,
) -> Option<T> {
    let mut found = None;
    while let Some(i) = side.next_if(|i| i.borrow().id == id) {
        found = Some(i);
    }
    found
}

/// An item's metadata as [`normalize`] leaves it: borrowed when every
/// field has its stamp (any payload a save wrote), else a copy with the
/// missing stamps set to the item's `updated` date.
fn normalized_meta<'m>(meta: Option<&'m ItemMeta>, item: &Item) -> std::borrow::Cow<'m, ItemMeta> {
    use std::borrow::Cow;
    match meta {
        Some(m) if FIELDS.iter().all(|f| m.rev.contains_key(*f)) => Cow::Borrowed(m),
        _ => {
            let mut m = meta.cloned().unwrap_or_default();
            for f in FIELDS {
                if !m.rev.contains_key(f) {
                    m.rev.insert(f.to_owned(), Stamp::of_date(item.updated));
                }
            }
            Cow::Owned(m)
        }
    }
}

/// True when both sides hold the same item with the same stamps and no
/// history, each field stamped once: [`merge_item`] would return that
/// item and metadata unchanged (no field differs, so nothing is joined,
/// lost or added to history), so the merge takes it as it is. Most items
/// of two copies of one vault are so.
fn unchanged_on_both(x: &Item, mx: &ItemMeta, y: &Item, my: &ItemMeta) -> bool {
    mx.history.is_empty()
        && my.history.is_empty()
        && mx.rev.len() == FIELDS.len()
        && FIELDS.iter().all(|f| mx.rev.contains_key(*f))
        && mx.rev == my.rev
        && x == y
}

/// Rebuilds a settings-like struct from merged registers.
fn rebuild<T: Serialize + serde::de::DeserializeOwned + Clone>(
    regs: &BTreeMap<String, serde_json::Value>,
    prefix: &str,
    fallback: &T,
) -> T {
    let mut map = serde_json::Map::new();
    for (k, v) in regs {
        if let Some(name) = k.strip_prefix(prefix) {
            map.insert(name.to_owned(), v.clone());
        }
    }
    serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_else(|_| fallback.clone())
}

/// Merges one item present on both sides. Returns the item, its metadata
/// and the conflicting fields (with whether the other side won).
fn merge_item(
    x: &Item,
    mx: &ItemMeta,
    y: &Item,
    my: &ItemMeta,
) -> (Item, ItemMeta, Vec<(String, bool)>) {
    let mut item = x.clone();
    let mut meta = ItemMeta::default();
    let mut history: Vec<Revision> = mx.history.iter().chain(&my.history).cloned().collect();
    let mut conflicts = Vec::new();
    for f in FIELDS {
        let sx = mx.rev.get(f).cloned().unwrap_or_default();
        let sy = my.rev.get(f).cloned().unwrap_or_default();
        let take_y = match sx.cmp(&sy) {
            Ordering::Less => true,
            Ordering::Greater => false,
            Ordering::Equal => cmp_values(x, y, f) == Ordering::Less,
        };
        let (win, win_meta, lose, lose_stamp) = if take_y {
            (y, my, x, sx.clone())
        } else {
            (x, mx, y, sy.clone())
        };
        set_field(&mut item, win, f);
        if field_eq(x, y, f) {
            if f == "secret" {
                join_secret_extras(&mut item.secret, &lose.secret);
            }
        } else {
            let lost = revision_of(lose, f, lose_stamp);
            // Known to the winner already (it replaced that value, or an
            // earlier merge kept it): no conflict.
            let known = win_meta.history.iter().any(|h| {
                h.field == f && h.rev == lost.rev && revision_json(h) == revision_json(&lost)
            });
            if !known {
                conflicts.push((f.to_owned(), take_y));
            }
            history.push(lost);
        }
        meta.rev.insert(f.to_owned(), sx.max(sy));
    }
    item.created = x.created.min(y.created);
    item.updated = x.updated.max(y.updated);
    history.sort_by(cmp_revisions);
    history.dedup_by(|p, q| cmp_revisions(p, q) == Ordering::Equal);
    // A value never sits in history under the stamp it is current with.
    history.retain(|h| {
        let cur = meta.rev.get(&h.field);
        !(cur == Some(&h.rev)
            && revision_json(h) == revision_json(&revision_of(&item, &h.field, h.rev.clone())))
    });
    meta.history = history;
    (item, meta, conflicts)
}

/// Merges two append-only logs: identical logs stay as they are; otherwise
/// the union without duplicates, in the order of `key` (time first).
fn merge_log<T: Clone + PartialEq, K: Ord>(a: &[T], b: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    if a == b {
        return a.to_vec();
    }
    let mut all: Vec<T> = a.iter().chain(b).cloned().collect();
    all.sort_by_key(|e| key(e));
    all.dedup_by(|x, y| x == y);
    // `dedup` removes only neighbours: equal keys with different content
    // sort by content through the key, so duplicates are neighbours.
    all
}

fn event_key(e: &Event) -> (OffsetDateTime, u8, String, Option<String>, Option<String>) {
    use crate::playbook::{EVENT_ARCHIVED, EVENT_FINISHED, EVENT_STARTED};
    let rank = match e.what.as_str() {
        EVENT_STARTED => 0,
        EVENT_FINISHED => 2,
        EVENT_ARCHIVED => 3,
        _ => 1,
    };
    (e.at, rank, e.what.clone(), e.step.clone(), e.detail.clone())
}

/// The latest event of a run (about one step, or any).
fn last_event(run: &Run, step: Option<&str>) -> Option<OffsetDateTime> {
    run.events
        .iter()
        .filter(|e| step.is_none() || e.step.as_deref() == step)
        .map(|e| e.at)
        .max()
}

fn run_key(r: &Run) -> (String, OffsetDateTime) {
    (r.playbook.clone(), r.started)
}

/// Merges two records of one run: each step's record from the side that
/// touched it last, the run's own fields likewise, the events joined.
fn merge_run(x: &Run, y: &Run) -> Run {
    if x == y {
        return x.clone();
    }
    let scalars = |r: &Run| serde_json::to_string(&(r.finished, &r.account)).unwrap_or_default();
    let take_y = (last_event(x, None), scalars(x)) < (last_event(y, None), scalars(y));
    let mut run = if take_y { y.clone() } else { x.clone() };
    run.archived_at = x.archived_at.max(y.archived_at);
    let steps: BTreeSet<&String> = x.steps.keys().chain(y.steps.keys()).collect();
    let mut merged: BTreeMap<String, StepRecord> = BTreeMap::new();
    for s in steps {
        let rec = match (x.steps.get(s), y.steps.get(s)) {
            (Some(p), Some(q)) => {
                let kp = (
                    last_event(x, Some(s)),
                    serde_json::to_string(p).unwrap_or_default(),
                );
                let kq = (
                    last_event(y, Some(s)),
                    serde_json::to_string(q).unwrap_or_default(),
                );
                if kp < kq {
                    q.clone()
                } else {
                    p.clone()
                }
            }
            (Some(p), None) => p.clone(),
            (None, Some(q)) => q.clone(),
            (None, None) => continue,
        };
        merged.insert(s.clone(), rec);
    }
    run.steps = merged;
    run.events = merge_log(&x.events, &y.events, event_key);
    run
}

/// Merges playbook state: runs are matched by playbook and start time; a
/// run archived on either side is archived; only the latest started run of
/// a playbook can stay active.
fn merge_playbooks(a: &PlaybookState, b: &PlaybookState) -> PlaybookState {
    if a == b {
        return a.clone();
    }
    let mut runs: BTreeMap<(String, OffsetDateTime), (Run, bool)> = BTreeMap::new();
    for (r, archived) in a
        .active
        .iter()
        .map(|r| (r, false))
        .chain(a.archived.iter().map(|r| (r, true)))
        .chain(b.active.iter().map(|r| (r, false)))
        .chain(b.archived.iter().map(|r| (r, true)))
    {
        match runs.get_mut(&run_key(r)) {
            Some((cur, arch)) => {
                *cur = merge_run(cur, r);
                *arch |= archived;
            }
            None => {
                runs.insert(run_key(r), (r.clone(), archived));
            }
        }
    }
    // One active run per playbook: the latest started, unless a side put
    // it aside. Older runs are archived (their `archived_at` is left as
    // it was, so the result does not depend on the order of merges).
    let mut latest: BTreeMap<String, OffsetDateTime> = BTreeMap::new();
    for (pb, started) in runs.keys() {
        let e = latest.entry(pb.clone()).or_insert(*started);
        if started > e {
            *e = *started;
        }
    }
    let mut out = PlaybookState::default();
    for ((pb, started), (run, archived)) in runs {
        if !archived && latest.get(&pb) == Some(&started) {
            out.active.push(run);
        } else {
            out.archived.push(run);
        }
    }
    let order = |r: &Run| (r.archived_at, r.started, r.playbook.clone());
    out.archived.sort_by_key(order);
    out.active.sort_by_key(|r| (r.started, r.playbook.clone()));
    out
}

/// The sync tool that named `candidate` as a conflict copy of the vault
/// file called `vault_name`, if it is one. Each tool's documented naming:
///
/// - Syncthing: `vault.sync-conflict-20261130-081200-ABCDEFG.age`
///   (date, time, the first characters of the device id);
/// - Dropbox: `vault (conflicted copy 2026-11-30).age` and
///   `vault (Alice's conflicted copy 2026-11-30).age`;
/// - Nextcloud and ownCloud desktop clients: `vault (conflicted copy
///   2026-11-30 081200).age`, and in older clients
///   `vault_conflict-20261130-081200.age`.
pub fn conflict_copy_tool(vault_name: &str, candidate: &str) -> Option<&'static str> {
    if candidate == vault_name {
        return None;
    }
    let (stem, ext) = match vault_name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (vault_name, String::new()),
    };
    let middle = candidate.strip_prefix(stem)?.strip_suffix(ext.as_str())?;
    if let Some(rest) = middle.strip_prefix(".sync-conflict-") {
        // YYYYMMDD-HHMMSS-DEVICE
        let mut parts = rest.splitn(3, '-');
        let date = parts.next()?;
        let clock = parts.next()?;
        let device = parts.next()?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        return (digits(date, 8) && digits(clock, 6) && !device.is_empty()).then_some("Syncthing");
    }
    if let Some(rest) = middle.strip_prefix("_conflict-") {
        let ok = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        return ok.then_some("Nextcloud");
    }
    let inner = middle.strip_prefix(" (")?.strip_suffix(')')?;
    if let Some(rest) = inner.strip_prefix("conflicted copy ") {
        // Dropbox writes a date; Nextcloud a date and a time.
        return Some(if rest.contains(' ') {
            "Nextcloud"
        } else {
            "Dropbox"
        });
    }
    if inner.contains("'s conflicted copy ") || inner.contains("\u{2019}s conflicted copy ") {
        return Some("Dropbox");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_copies_are_recognised_by_each_tools_naming() {
        let v = "vault.age";
        for (name, tool) in [
            (
                "vault.sync-conflict-20261130-081200-ABCDEFG.age",
                Some("Syncthing"),
            ),
            ("vault (conflicted copy 2026-11-30).age", Some("Dropbox")),
            (
                "vault (Alice's conflicted copy 2026-11-30).age",
                Some("Dropbox"),
            ),
            (
                "vault (conflicted copy 2026-11-30 081200).age",
                Some("Nextcloud"),
            ),
            ("vault_conflict-20261130-081200.age", Some("Nextcloud")),
            ("vault.age", None),
            ("vault.age.prev", None),
            ("other.sync-conflict-20261130-081200-ABCDEFG.age", None),
            ("vault.sync-conflict-2026-081200-ABCDEFG.age", None),
            ("vault.sync-conflict-20261130-081200-ABCDEFG.age.tmp", None),
            ("vault (copy).age", None),
        ] {
            assert_eq!(conflict_copy_tool(v, name), tool, "{name}");
        }
    }

    #[test]
    fn stamps_tick_past_a_clock_that_is_ahead() {
        let seen = Stamp {
            t: 5000,
            c: 3,
            d: "b".into(),
        };
        let behind = Stamp::tick(&seen, 1000, "a");
        assert!(behind > seen);
        assert_eq!((behind.t, behind.c), (5000, 4));
        let ahead = Stamp::tick(&seen, 9000, "a");
        assert_eq!((ahead.t, ahead.c), (9000, 0));
    }

    #[test]
    fn an_item_unchanged_on_both_sides_is_what_merge_item_would_build() {
        let mut codes = Item::new(
            "Codes",
            Secret::Codes {
                codes: vec![crate::item::RecoveryCode {
                    code: crate::secret::SecretString::from("1111-2222"),
                    used: None,
                }],
            },
        );
        codes.tags = vec!["b".into(), "a".into()];
        codes.notes = Some("n".into());
        let stamp = |t: u64, d: &str| Stamp {
            t,
            c: 0,
            d: d.into(),
        };
        let mut meta = ItemMeta::default();
        for (n, f) in FIELDS.iter().enumerate() {
            meta.rev
                .insert((*f).to_owned(), stamp(1000 + n as u64 % 2, "w"));
        }
        assert!(unchanged_on_both(
            &codes,
            &meta,
            &codes.clone(),
            &meta.clone()
        ));
        let (item, m, conflicts) = merge_item(&codes, &meta, &codes, &meta);
        assert_eq!((&item, &m), (&codes, &meta));
        assert!(conflicts.is_empty());
        // Anything else goes the long way.
        let mut used = codes.clone();
        if let Secret::Codes { codes: c } = &mut used.secret {
            c[0].used = Some(crate::item::now_utc());
        }
        assert!(!unchanged_on_both(&codes, &meta, &used, &meta));
        let mut later = meta.clone();
        later.rev.insert("notes".into(), stamp(2000, "x"));
        assert!(!unchanged_on_both(&codes, &meta, &codes, &later));
        let mut partial = meta.clone();
        partial.rev.remove("tags");
        assert!(!unchanged_on_both(&codes, &partial, &codes, &partial));
        let mut with_history = meta.clone();
        with_history
            .history
            .push(revision_of(&codes, "notes", stamp(1, "w")));
        assert!(!unchanged_on_both(
            &codes,
            &with_history,
            &codes,
            &with_history
        ));
    }

    /// A payload with `n` notes, saved once (stamped) unless `legacy`.
    fn payload_with_notes(n: usize) -> Payload {
        let rk = crate::vault::NamedIdentity::generate();
        let fast = crate::vault::KdfParams {
            m_kib: 8 * 1024,
            t: 1,
            p: 1,
        };
        let pk = super::super::crypto::new_passphrase_key(&"pw".into(), fast).unwrap();
        let mut p = Payload::new(Keys::new(&rk, pk));
        for k in 0..n {
            p.items.push(Item::new(
                format!("note {k}"),
                Secret::Note {
                    text: format!("text {k}").into(),
                },
            ));
        }
        p
    }

    /// A wall clock past the items' own dates (stamps of a first save).
    const T: u64 = 4_000_000_000_000;

    fn json(p: &Payload) -> String {
        serde_json::to_string(p).unwrap()
    }

    /// A vault saved once with two notes, a copy of it that deleted the
    /// first and purged the deletion, and that item's id.
    fn purged_pair() -> (Payload, Payload, String) {
        let mut origin = payload_with_notes(2);
        record_changes(None, &mut origin, T + 1_000, "a");
        let mut purged = origin.clone();
        let id = purged.items.remove(0).id;
        record_changes(Some(&origin), &mut purged, T + 2_000, "a");
        // The attack first: before the purge, the deleted secret is still
        // inside the payload, in the tombstone's grave.
        assert!(json(&purged).contains("\"text 0\""));
        let ts = purged.sync.tombstones.get_mut(&id).unwrap();
        assert!(ts.purgeable() && !ts.is_purged());
        assert!(ts.purge());
        assert!(!ts.purgeable() && ts.is_purged());
        assert!(!ts.purge(), "a second purge changes nothing");
        assert_eq!(ts.kind(), Some(crate::item::ItemKind::Note));
        assert!(!json(&purged).contains("\"text 0\""));
        (origin, purged, id)
    }

    #[test]
    fn an_older_copy_brings_neither_a_purged_item_nor_its_secret_back() {
        let (origin, purged, id) = purged_pair();
        for (a, b) in [(&purged, &origin), (&origin, &purged)] {
            let (m, r) = merge(a, b);
            assert!(m.items.iter().all(|i| i.id != id), "resurrected");
            assert!(!json(&m).contains("\"text 0\""), "secret back");
            assert!(m.sync.tombstones[&id].is_purged());
            assert!(r.restored.is_empty());
            assert_eq!(merge(&m, &m).0, m);
        }
        assert_eq!(merge(&purged, &origin).0, merge(&origin, &purged).0);
        // Merging the older copy into the purged vault changes no item.
        let r = merge(&purged, &origin).1;
        assert!(r.added.is_empty() && r.changed.is_empty() && r.deleted.is_empty());
        // And the other way round the older copy learns of the deletion.
        assert_eq!(merge(&origin, &purged).1.deleted, vec!["note 0".to_owned()]);
    }

    #[test]
    fn an_edit_made_without_knowing_of_a_purged_deletion_comes_back_without_the_purged_values() {
        let (origin, purged, id) = purged_pair();
        // Another device edits the notes before it hears of the deletion.
        let mut edited = origin.clone();
        edited.items[0].notes = Some("changed offline".into());
        record_changes(Some(&origin), &mut edited, T + 1_500, "b");
        let (m1, r1) = merge(&purged, &edited);
        let (m2, _) = merge(&edited, &purged);
        assert_eq!(m1, m2);
        assert_eq!(r1.restored, vec!["note 0".to_owned()]);
        assert_eq!(r1.restored_erased, vec!["note 0".to_owned()]);
        // Merged with itself, or with the edited copy again (which holds
        // the item too), nothing new to say.
        assert!(merge(&m1, &m1).1.is_empty());
        assert!(merge(&m1, &edited).1.restored_erased.is_empty());
        let back = m1.items.iter().find(|i| i.id == id).expect("edit lost");
        assert_eq!(back.notes.as_deref(), Some("changed offline"));
        assert_eq!(back.name, "note 0");
        match &back.secret {
            Secret::Note { text } => assert_eq!(text.expose(), ""),
            other => panic!("kind changed: {other:?}"),
        }
        assert!(!json(&m1).contains("\"text 0\""));
        // With the older copy too, in any order.
        let all = merge(&merge(&origin, &edited).0, &purged).0;
        assert_eq!(all, merge(&origin, &m1).0);
        assert!(!json(&all).contains("\"text 0\""));
        // An edit of the secret itself is kept, of course.
        let mut rekeyed = origin.clone();
        rekeyed.items[0].secret = Secret::Note {
            text: "new secret".into(),
        };
        record_changes(Some(&origin), &mut rekeyed, T + 1_500, "c");
        let m = merge(&purged, &rekeyed).0;
        let back = m.items.iter().find(|i| i.id == id).expect("edit lost");
        assert_eq!(back.secret, rekeyed.items[0].secret);
        assert!(!json(&m).contains("\"text 0\""));
    }

    #[test]
    fn the_purge_horizon_is_stored_inside_seen_where_older_readers_keep_it() {
        let (_, purged, id) = purged_pair();
        let v = serde_json::to_value(&purged.sync.tombstones[&id]).unwrap();
        let members: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(members, ["at", "grave", "name", "seen"]);
        let seen = v["seen"].as_object().unwrap();
        for f in FIELDS {
            assert_eq!(seen[f], seen[&format!("purged:{f}")], "{f}");
        }
        // `TombstoneWire` is the tombstone as versions before purging
        // define it: they read it and write it back with the horizon.
        let old: TombstoneWire = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(old).unwrap(), v);
        let back: Tombstone = serde_json::from_value(v).unwrap();
        assert_eq!(back, purged.sync.tombstones[&id]);
        assert_eq!(back.seen.len(), FIELDS.len());
    }

    #[test]
    fn a_save_erases_values_an_older_lifeboat_merged_back_into_a_purged_grave() {
        let (origin, mut purged, id) = purged_pair();
        // What a lifeboat from before purging does when it merges the
        // older copy: the horizon stays (it is in `seen`), the grave fills.
        let full = {
            let mut d = origin.clone();
            d.items.remove(0);
            record_changes(Some(&origin), &mut d, T + 2_000, "a");
            d.sync.tombstones[&id].grave.clone()
        };
        purged.sync.tombstones.get_mut(&id).unwrap().grave = full;
        assert!(json(&purged).contains("\"text 0\""));
        assert!(purged.sync.tombstones[&id].purgeable());
        let base = purged.clone();
        record_changes(Some(&base), &mut purged, T + 3_000, "a");
        assert!(!json(&purged).contains("\"text 0\""));
        assert!(!purged.sync.tombstones[&id].purgeable());
    }

    #[test]
    fn erased_secrets_keep_their_kind_and_lose_their_values() {
        let totp = Secret::Totp {
            secret: "JBSWY3DPEHPK3PXP".into(),
            issuer: Some("Example".into()),
            label: Some("me".into()),
            algorithm: crate::item::OtpAlgorithm::Sha256,
            digits: 8,
            period: 60,
            otp_type: crate::item::OtpType::Hotp,
            counter: 7,
        };
        let e = totp.erased();
        assert_eq!(e.kind(), totp.kind());
        let text = serde_json::to_string(&e).unwrap();
        for gone in ["JBSWY3DPEHPK3PXP", "Example", "\"me\"", "\"counter\":7"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(text.contains("\"digits\":8") && text.contains("\"period\":60"));
    }

    #[test]
    fn their_side_without_stamps_merges_as_if_normalized_first() {
        // Version-2 payloads carry no stamps; a third item of theirs has
        // some stamps but not all.
        let ours = payload_with_notes(3);
        let mut theirs = ours.clone();
        theirs.items[0].notes = Some("theirs".into());
        theirs.items[0].updated += time::Duration::seconds(5);
        theirs
            .items
            .push(Item::new("only theirs", Secret::Note { text: "x".into() }));
        let mut partial = ItemMeta::default();
        partial.rev.insert(
            "notes".into(),
            Stamp {
                t: 1,
                c: 0,
                d: "w".into(),
            },
        );
        theirs
            .sync
            .items
            .insert(theirs.items[2].id.clone(), partial);
        let mut normalized = theirs.clone();
        normalize(&mut normalized);
        let (m1, r1) = merge(&ours, &theirs);
        let (m2, r2) = merge(&ours, &normalized);
        assert_eq!(m1, m2);
        assert_eq!(format!("{r1:?}"), format!("{r2:?}"));
        assert_eq!(r1.added, vec!["only theirs".to_owned()]);
        assert_eq!(r1.changed, vec!["note 0".to_owned()]);
        // And either way round.
        assert_eq!(merge(&theirs, &ours).0, m1);
    }
}
