//! Property tests of the merge (src/vault/merge.rs): random edits on two or
//! three replicas of one vault, saved the way a save stamps them and synced
//! in random orders, always converge; the merge is commutative,
//! associative and idempotent; and every value ever written to an item
//! that still exists is either its current value or in its history; and a
//! value erased by purging a deletion never comes back, whatever copy is
//! merged later.

use std::collections::BTreeMap;

use lifeboat::item::{Item, Secret};
use lifeboat::playbook::Event;
use lifeboat::secret::SecretBytes;
use lifeboat::vault::crypto::{KdfParams, NamedIdentity, PassphraseKey};
use lifeboat::vault::format::{AuditEntry, Keys};
use lifeboat::vault::merge::{merge, record_changes};
use lifeboat::vault::Payload;
use proptest::prelude::*;
use time::OffsetDateTime;

#[derive(Debug, Clone)]
enum Op {
    Add {
        rep: usize,
    },
    Edit {
        rep: usize,
        item: usize,
        field: usize,
    },
    Delete {
        rep: usize,
        item: usize,
    },
    Note {
        rep: usize,
        step: usize,
    },
    Setting {
        rep: usize,
        value: u32,
    },
    Purge {
        rep: usize,
        item: usize,
    },
    Sync {
        from: usize,
        to: usize,
    },
    Wait {
        rep: usize,
        ms: u64,
    },
}

fn op(reps: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..reps).prop_map(|rep| Op::Add { rep }),
        4 => (0..reps, 0..8usize, 0..4usize).prop_map(|(rep, item, field)| Op::Edit { rep, item, field }),
        1 => (0..reps, 0..8usize).prop_map(|(rep, item)| Op::Delete { rep, item }),
        1 => (0..reps, 0..3usize).prop_map(|(rep, step)| Op::Note { rep, step }),
        1 => (0..reps, 1..50u32).prop_map(|(rep, value)| Op::Setting { rep, value }),
        1 => (0..reps, 0..8usize).prop_map(|(rep, item)| Op::Purge { rep, item }),
        2 => (0..reps, 0..reps).prop_map(|(from, to)| Op::Sync { from, to }),
        2 => (0..reps, 0..2500u64).prop_map(|(rep, ms)| Op::Wait { rep, ms }),
    ]
}

struct Replica {
    p: Payload,
    base: Payload,
    ms: u64,
    writer: String,
}

impl Replica {
    fn date(&self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp((self.ms / 1000) as i64).unwrap()
    }

    /// What a save does: stamp the changes since the last save.
    fn commit(&mut self) {
        self.ms += 1;
        record_changes(Some(&self.base), &mut self.p, self.ms, &self.writer);
        self.base = self.p.clone();
    }
}

fn keys() -> Keys {
    let recovery = NamedIdentity::generate();
    let pass = PassphraseKey {
        salt: SecretBytes::new(vec![7u8; 16]),
        params: KdfParams {
            m_kib: 8192,
            t: 1,
            p: 1,
        },
        key: SecretBytes::new(vec![9u8; 32]),
    };
    Keys::new(&recovery, pass)
}

/// Every value written: (item id, field, text).
type Written = Vec<(String, &'static str, String)>;

/// Items some replica deleted: the values that replica held go with the
/// deletion (by design), so only other items are checked for losses.
type Deleted = std::collections::BTreeSet<String>;

/// Values a purge erased (notes, account and secret texts; a name stays
/// in its tombstone, for reports, by design).
type Purged = Vec<String>;

/// The texts of a deleted item's grave a purge is about to erase.
fn grave_texts(g: &lifeboat::vault::merge::Grave) -> Vec<String> {
    let mut out = Vec::new();
    let it = &g.item;
    out.extend(it.notes.clone());
    out.extend(it.account.clone());
    if let Secret::Note { text } = &it.secret {
        out.push(text.expose().to_owned());
    }
    for h in &g.meta.history {
        match (h.field.as_str(), &h.secret, &h.text) {
            ("secret", Some(Secret::Note { text }), _) => out.push(text.expose().to_owned()),
            ("notes" | "account", _, Some(t)) => out.push(t.clone()),
            _ => {}
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

fn run_ops(reps: usize, ops: &[Op], skews: &[u64]) -> (Vec<Replica>, Written, Deleted, Purged) {
    let mut origin = Payload::new(keys());
    origin.created = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    origin.updated = origin.created;
    let mut replicas: Vec<Replica> = (0..reps)
        .map(|r| Replica {
            p: origin.clone(),
            base: origin.clone(),
            ms: 1_700_000_000_000 + skews[r],
            writer: format!("{:016x}", r + 1),
        })
        .collect();
    let mut written = Written::new();
    let mut deleted = Deleted::new();
    let mut purged = Purged::new();
    let mut n = 0u32;
    for op in ops {
        n += 1;
        match *op {
            Op::Add { rep } => {
                let r = &mut replicas[rep];
                let mut item = Item::new(
                    format!("item {n}"),
                    Secret::Note {
                        text: format!("secret {n}").into(),
                    },
                );
                item.created = r.date();
                item.updated = r.date();
                written.push((item.id.clone(), "name", item.name.clone()));
                written.push((item.id.clone(), "secret", format!("secret {n}")));
                r.p.audit.push(AuditEntry {
                    at: r.date(),
                    action: "add".into(),
                    subject: Some(item.name.clone()),
                });
                r.p.items.push(item);
                r.commit();
            }
            Op::Edit { rep, item, field } => {
                let r = &mut replicas[rep];
                if r.p.items.is_empty() {
                    continue;
                }
                let k = item % r.p.items.len();
                let date = r.date();
                let it = &mut r.p.items[k];
                let value = format!("value {n}");
                let f = match field {
                    0 => {
                        it.name = value.clone();
                        "name"
                    }
                    1 => {
                        it.notes = Some(value.clone());
                        "notes"
                    }
                    2 => {
                        it.account = Some(value.clone());
                        "account"
                    }
                    _ => {
                        it.secret = Secret::Note {
                            text: value.clone().into(),
                        };
                        "secret"
                    }
                };
                it.updated = date;
                written.push((it.id.clone(), f, value));
                r.commit();
            }
            Op::Delete { rep, item } => {
                let r = &mut replicas[rep];
                if r.p.items.is_empty() {
                    continue;
                }
                let k = item % r.p.items.len();
                deleted.insert(r.p.items.remove(k).id);
                r.commit();
            }
            Op::Note { rep, step } => {
                let r = &mut replicas[rep];
                let date = r.date();
                let run = r.p.playbooks.run_mut_or_start("account-locked", date);
                let step = format!("step-{step}");
                run.steps.entry(step.clone()).or_default().note = Some(format!("note {n}"));
                run.events.push(Event {
                    at: date,
                    what: "noted".into(),
                    step: Some(step),
                    detail: Some(format!("note {n}")),
                });
                r.commit();
            }
            Op::Purge { rep, item } => {
                let r = &mut replicas[rep];
                let live: std::collections::BTreeSet<String> =
                    r.p.items.iter().map(|i| i.id.clone()).collect();
                let ids: Vec<String> =
                    r.p.sync
                        .tombstones
                        .iter()
                        .filter(|(id, ts)| !live.contains(*id) && ts.purgeable())
                        .map(|(id, _)| id.clone())
                        .collect();
                if ids.is_empty() {
                    continue;
                }
                let ts = r.p.sync.tombstones.get_mut(&ids[item % ids.len()]).unwrap();
                if let Some(g) = &ts.grave {
                    purged.extend(grave_texts(g));
                }
                assert!(ts.purge());
                assert!(!ts.purgeable());
                r.commit();
            }
            Op::Setting { rep, value } => {
                let r = &mut replicas[rep];
                r.p.settings.backup_keep = value;
                r.commit();
            }
            Op::Sync { from, to } => {
                if from == to {
                    continue;
                }
                let other = replicas[from].p.clone();
                let r = &mut replicas[to];
                r.p = merge(&r.p, &other).0;
                r.base = r.p.clone();
            }
            Op::Wait { rep, ms } => replicas[rep].ms += ms,
        }
    }
    (replicas, written, deleted, purged)
}

fn m(a: &Payload, b: &Payload) -> Payload {
    merge(a, b).0
}

/// The value of a field of an item as text.
fn current(item: &Item, field: &str) -> Option<String> {
    match field {
        "name" => Some(item.name.clone()),
        "notes" => item.notes.clone(),
        "account" => item.account.clone(),
        _ => match &item.secret {
            Secret::Note { text } => Some(text.expose().to_owned()),
            _ => None,
        },
    }
}

fn check_nothing_lost(
    merged: &Payload,
    written: &Written,
    deleted: &Deleted,
) -> Result<(), TestCaseError> {
    let items: BTreeMap<&str, &Item> = merged.items.iter().map(|i| (i.id.as_str(), i)).collect();
    for (id, field, value) in written {
        if deleted.contains(id) {
            // Deleted somewhere: either gone for good, or back with the
            // concurrent edit that beat the deletion.
            prop_assert!(
                items.contains_key(id.as_str()) || merged.sync.tombstones.contains_key(id)
            );
            continue;
        }
        let Some(item) = items.get(id.as_str()) else {
            prop_assert!(
                merged.sync.tombstones.contains_key(id),
                "item {id} vanished without a tombstone"
            );
            continue;
        };
        if current(item, field).as_deref() == Some(value.as_str()) {
            continue;
        }
        let meta = &merged.sync.items[id.as_str()];
        let in_history = meta.history.iter().any(|h| {
            h.field == *field
                && match &h.secret {
                    Some(Secret::Note { text }) => text.expose() == value,
                    Some(_) => false,
                    None => h.text.as_deref() == Some(value.as_str()),
                }
        });
        prop_assert!(in_history, "{field} = {value:?} of {id} is lost");
    }
    Ok(())
}

fn check(
    reps: usize,
    ops: Vec<Op>,
    skews: Vec<u64>,
    order: Vec<usize>,
) -> Result<(), TestCaseError> {
    let (replicas, written, deleted, purged) = run_ops(reps, &ops, &skews);
    let ps: Vec<&Payload> = replicas.iter().map(|r| &r.p).collect();
    // Commutative.
    for a in &ps {
        for b in &ps {
            prop_assert_eq!(m(a, b), m(b, a));
        }
    }
    // Associative.
    if reps == 3 {
        let (a, b, c) = (ps[0], ps[1], ps[2]);
        prop_assert_eq!(m(&m(a, b), c), m(a, &m(b, c)));
    }
    // Converges in any order.
    let mut perm: Vec<usize> = (0..reps).collect();
    for (i, k) in order.iter().enumerate().take(reps) {
        perm.swap(i, k % reps);
    }
    let forward = ps[1..].iter().fold(ps[0].clone(), |acc, p| m(&acc, p));
    let shuffled = perm[1..]
        .iter()
        .fold(ps[perm[0]].clone(), |acc, &i| m(&acc, ps[i]));
    prop_assert_eq!(&forward, &shuffled);
    // Idempotent, and every replica is already inside the join.
    prop_assert_eq!(&m(&forward, &forward), &forward);
    for p in &ps {
        prop_assert_eq!(&m(&forward, p), &forward);
    }
    check_nothing_lost(&forward, &written, &deleted)?;
    check_purged_stay_erased(&forward, &purged)
}

/// No text a purge erased is anywhere in the merged payload (items,
/// history, tombstones), even after every replica, some of which held the
/// item all along, was merged in. Texts are unique per operation.
fn check_purged_stay_erased(merged: &Payload, purged: &Purged) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(merged).unwrap();
    for t in purged {
        let quoted = serde_json::to_string(t).unwrap();
        prop_assert!(!json.contains(&quoted), "purged {quoted} is back");
    }
    Ok(())
}

/// 96 cases by default; `PROPTEST_CASES` asks for more (a longer run
/// after a change to the merge).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(96)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn two_replicas_converge_and_lose_nothing(
        ops in prop::collection::vec(op(2), 1..40),
        skews in prop::collection::vec(0u64..5000, 2),
        order in prop::collection::vec(0usize..2, 2),
    ) {
        check(2, ops, skews, order)?;
    }

    #[test]
    fn three_replicas_converge_and_lose_nothing(
        ops in prop::collection::vec(op(3), 1..50),
        skews in prop::collection::vec(0u64..5000, 3),
        order in prop::collection::vec(0usize..3, 3),
    ) {
        check(3, ops, skews, order)?;
    }
}
