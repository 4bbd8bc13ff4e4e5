//! The security check-up: a pure function from what is known about a vault
//! (its payload and a few facts about its file) to findings, each with a
//! severity and a fix. The command line gathers the facts and prints.

use serde::Serialize;
use time::OffsetDateTime;

use super::text;
use crate::item::{ItemKind, Secret};
use crate::vault::crypto::{KdfParams, KdfStrength};
use crate::vault::format::Payload;

/// Days after which a backup is overdue.
pub const BACKUP_DUE_DAYS: i64 = 30;
/// Days after which a restore drill is overdue.
pub const DRILL_DUE_DAYS: i64 = 90;
/// Recovery codes left at or below which `doctor` warns.
pub const LOW_CODES: usize = 2;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// All good.
    Ok,
    /// Worth knowing.
    Info,
    /// Should be fixed soon.
    Warning,
    /// Puts the vault or the user's recovery at risk now.
    Critical,
}

impl Severity {
    /// The lowercase name (`ok`, `info`, `warning`, `critical`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Ok => "ok",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

/// One result of the check-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable identifier of the check (`backup`, `drill`, `kdf`, ...).
    pub check: &'static str,
    /// How serious.
    pub severity: Severity,
    /// What was found.
    pub message: String,
    /// What to do about it (empty when nothing).
    pub fix: String,
}

fn finding(check: &'static str, severity: Severity, message: String, fix: String) -> Finding {
    Finding {
        check,
        severity,
        message,
        fix,
    }
}

/// Facts about the vault file the payload cannot tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileFacts {
    /// The vault path as shown to the user.
    pub path: String,
    /// Permission bits of the vault file.
    pub mode: Option<u32>,
    /// When other users can plant or swap files in the vault's folder:
    /// what is wrong, and the command that fixes it.
    pub folder: Option<(String, String)>,
    /// Whether `<vault>.prev` exists.
    pub prev_exists: bool,
    /// Whether another process holds the lock right now.
    pub lock_held: bool,
    /// Temp files a crashed save left behind.
    pub stale_temps: usize,
    /// The memory protections this process got (and so the TUI and the
    /// commands that show secrets get, under the same user and limits).
    pub memory: Option<crate::secure_mem::Status>,
    /// Conflict copies a sync tool left beside the vault: path and tool.
    pub conflict_copies: Vec<(String, &'static str)>,
}

fn days_since(then: Option<OffsetDateTime>, now: OffsetDateTime) -> Option<i64> {
    then.map(|t| (now - t).whole_days().max(0))
}

/// Runs every check.
pub fn check(payload: &Payload, facts: &FileFacts, now: OffsetDateTime) -> Vec<Finding> {
    let mut out = Vec::new();
    let h = &payload.history;

    out.push(match days_since(h.last_backup, now) {
        None => finding(
            "backup",
            Severity::Warning,
            text::NEVER_BACKED_UP.into(),
            text::FIX_BACKUP.into(),
        ),
        Some(d) if d > BACKUP_DUE_DAYS => finding(
            "backup",
            Severity::Warning,
            text::backup_age(d),
            text::FIX_BACKUP.into(),
        ),
        Some(d) => finding("backup", Severity::Ok, text::backup_age(d), String::new()),
    });

    out.push(match days_since(h.last_drill, now) {
        None => finding(
            "drill",
            Severity::Warning,
            text::NEVER_DRILLED.into(),
            text::FIX_DRILL.into(),
        ),
        Some(d) if d > DRILL_DUE_DAYS => finding(
            "drill",
            Severity::Warning,
            text::drill_age(d),
            text::FIX_DRILL.into(),
        ),
        Some(d) => finding("drill", Severity::Ok, text::drill_age(d), String::new()),
    });

    let missing = accounts_without_codes(payload);
    if missing.is_empty() {
        out.push(finding(
            "2fa-codes",
            Severity::Ok,
            text::TWO_FA_COVERED.into(),
            String::new(),
        ));
    }
    for account in missing {
        out.push(finding(
            "2fa-codes",
            Severity::Warning,
            text::two_fa_without_codes(&account),
            text::fix_two_fa(&account),
        ));
    }

    let mut low = false;
    for item in payload.items.iter().filter(|i| i.kind() == ItemKind::Codes) {
        let left = item.unused_codes();
        if left <= LOW_CODES {
            low = true;
            out.push(finding(
                "codes-low",
                Severity::Warning,
                text::codes_low(&item.name, left),
                text::fix_codes_low(&item.name),
            ));
        }
    }
    if !low {
        out.push(finding(
            "codes-low",
            Severity::Ok,
            text::CODES_OK.into(),
            String::new(),
        ));
    }

    let kdf = payload.keys.passphrase.params;
    out.push(if kdf.strength() == KdfStrength::BelowFloor {
        finding(
            "kdf",
            Severity::Critical,
            text::kdf_below_floor(kdf),
            text::fix_kdf(KdfParams::DEFAULT),
        )
    } else if kdf.strength() == KdfStrength::BelowRecommendation {
        finding(
            "kdf",
            Severity::Warning,
            text::kdf_below_rfc9106(kdf),
            text::fix_kdf(KdfParams::DEFAULT),
        )
    } else if kdf.m_kib < KdfParams::DEFAULT.m_kib {
        finding(
            "kdf",
            Severity::Info,
            text::kdf_below_default(kdf),
            text::fix_kdf(KdfParams::DEFAULT),
        )
    } else {
        finding("kdf", Severity::Ok, text::kdf_ok(kdf), String::new())
    });

    out.push(
        if h.recovery_key_split.is_none() && h.kit_printed.is_none() {
            finding(
                "recovery-key",
                Severity::Warning,
                text::KEY_NOT_SAFEGUARDED.into(),
                text::FIX_KEY.into(),
            )
        } else {
            finding(
                "recovery-key",
                Severity::Ok,
                text::KEY_SAFEGUARDED.into(),
                String::new(),
            )
        },
    );

    out.push(match facts.mode {
        Some(mode) if mode & 0o077 != 0 => finding(
            "permissions",
            Severity::Critical,
            text::mode_open(&facts.path, mode),
            text::fix_mode(&facts.path),
        ),
        Some(mode) => finding(
            "permissions",
            Severity::Ok,
            text::mode_ok(mode),
            String::new(),
        ),
        None => finding(
            "permissions",
            Severity::Info,
            text::MODE_UNKNOWN.into(),
            String::new(),
        ),
    });

    out.push(match &facts.folder {
        Some((why, fix)) => finding(
            "folder",
            Severity::Critical,
            text::folder_unsafe(why),
            fix.clone(),
        ),
        None => finding(
            "folder",
            Severity::Ok,
            text::FOLDER_PRIVATE.into(),
            String::new(),
        ),
    });

    out.push(if facts.prev_exists {
        finding(
            "previous-generation",
            Severity::Info,
            text::prev_present(&facts.path),
            text::FIX_PREV.into(),
        )
    } else {
        finding(
            "previous-generation",
            Severity::Ok,
            text::PREV_ABSENT.into(),
            String::new(),
        )
    });

    out.push(if facts.lock_held {
        finding(
            "lock",
            Severity::Info,
            text::LOCK_HELD.into(),
            text::FIX_LOCK.into(),
        )
    } else if facts.stale_temps > 0 {
        finding(
            "lock",
            Severity::Info,
            text::stale_temps(facts.stale_temps),
            text::FIX_STALE.into(),
        )
    } else {
        finding("lock", Severity::Ok, text::LOCK_FREE.into(), String::new())
    });
    if let Some(m) = &facts.memory {
        out.push(memory_finding(m));
    }
    for (path, tool) in &facts.conflict_copies {
        out.push(finding(
            "sync-conflict",
            Severity::Warning,
            text::conflict_copy(path, tool),
            text::fix_conflict_copy(path),
        ));
    }
    // Removed items keep their values in their tombstones (so merges keep
    // them deleted) until purged: worth knowing, not a fault.
    let kept = crate::vault::merge::purge_candidates(payload).len();
    if kept > 0 {
        out.push(finding(
            "deleted-kept",
            Severity::Info,
            crate::tr!("rec-doctor-deleted-kept", count = kept),
            crate::tr!("rec-doctor-deleted-kept-fix"),
        ));
    }
    // Two devices each added an item with one name and a merge kept both:
    // a command given that name asks which; renaming one ends the doubt.
    for (name, ids) in shared_names(payload) {
        out.push(finding(
            "duplicate-names",
            Severity::Warning,
            crate::tr!(
                "sync-doctor-duplicate",
                name = name.as_str(),
                count = ids.len(),
                ids = ids.join(", ")
            ),
            crate::tr!("sync-doctor-duplicate-fix", id = ids[0].as_str()),
        ));
    }
    out
}

/// Names (ignoring case) that more than one item holds, each with the
/// ids of those items, in vault order.
pub fn shared_names(payload: &Payload) -> Vec<(String, Vec<String>)> {
    let mut by_name: std::collections::BTreeMap<String, (String, Vec<String>)> =
        std::collections::BTreeMap::new();
    for item in &payload.items {
        by_name
            .entry(item.name.to_lowercase())
            .or_insert_with(|| (item.name.clone(), Vec::new()))
            .1
            .push(item.id.clone());
    }
    by_name
        .into_values()
        .filter(|(_, ids)| ids.len() > 1)
        .collect()
}

/// Pages locked in RAM, excluded from core dumps, freed memory wiped?
fn memory_finding(m: &crate::secure_mem::Status) -> Finding {
    use crate::secure_mem::NotLocked;
    if !m.no_dump {
        return finding(
            "memory",
            Severity::Warning,
            text::MEMORY_DUMPABLE.into(),
            text::FIX_MEMORY_DUMPABLE.into(),
        );
    }
    match &m.locked {
        Ok(()) => finding(
            "memory",
            Severity::Ok,
            text::memory_locked(m.wipes_freed),
            String::new(),
        ),
        Err(why) => {
            let limit = match why {
                NotLocked::Limit(bytes) => Some(*bytes),
                _ => None,
            };
            // Without swap there is nowhere for unlocked pages to go.
            let severity = if m.swap_in_use {
                Severity::Warning
            } else {
                Severity::Info
            };
            finding(
                "memory",
                severity,
                text::memory_not_locked(limit, m.swap_in_use, m.wipes_freed),
                text::FIX_MEMORY_LOCK.into(),
            )
        }
    }
}

/// True when any finding is critical (the command exits 1).
pub fn has_critical(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Critical)
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Accounts with a TOTP item but no recovery-codes item. A TOTP item's
/// account is its `account` field, else its issuer; a codes item covers an
/// account when its `account` (or, failing that, its name) matches.
pub fn accounts_without_codes(payload: &Payload) -> Vec<String> {
    let covered: Vec<String> = payload
        .items
        .iter()
        .filter(|i| i.kind() == ItemKind::Codes)
        .map(|i| norm(i.account.as_deref().unwrap_or(&i.name)))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for item in &payload.items {
        let Secret::Totp { issuer, .. } = &item.secret else {
            continue;
        };
        let account = item
            .account
            .clone()
            .or_else(|| issuer.clone())
            .unwrap_or_else(|| item.name.clone());
        let key = norm(&account);
        if !covered.contains(&key) && !out.iter().any(|a| norm(a) == key) {
            out.push(account);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::{Item, RecoveryCode};
    use crate::secret::SecretBytes;
    use crate::secret::SecretString;
    use crate::vault::crypto::{NamedIdentity, PassphraseKey};
    use crate::vault::format::Keys;

    fn payload(params: KdfParams) -> Payload {
        let id = NamedIdentity::generate();
        // No KDF run: the check reads only the parameters.
        Payload::new(Keys::new(
            &id,
            PassphraseKey {
                salt: SecretBytes::new(vec![0; 16]),
                params,
                key: SecretBytes::new(vec![0; 32]),
            },
        ))
    }

    fn totp(name: &str, account: Option<&str>) -> Item {
        let mut i = Item::new(
            name,
            Secret::Totp {
                secret: "JBSWY3DPEHPK3PXP".into(),
                issuer: Some("Issuer".into()),
                label: None,
                algorithm: Default::default(),
                digits: 6,
                period: 30,
                otp_type: Default::default(),
                counter: 0,
            },
        );
        i.account = account.map(str::to_owned);
        i
    }

    fn codes(name: &str, account: &str, unused: usize, used: usize) -> Item {
        let mut codes: Vec<RecoveryCode> = (0..unused)
            .map(|n| RecoveryCode {
                code: SecretString::from(format!("c{n}")),
                used: None,
            })
            .collect();
        codes.extend((0..used).map(|n| RecoveryCode {
            code: SecretString::from(format!("u{n}")),
            used: Some(crate::item::now_utc()),
        }));
        let mut i = Item::new(name, Secret::Codes { codes });
        i.account = Some(account.into());
        i
    }

    fn sev(f: &[Finding], check: &str) -> Vec<Severity> {
        f.iter()
            .filter(|x| x.check == check)
            .map(|x| x.severity)
            .collect()
    }

    #[test]
    fn two_items_with_one_name_are_reported_with_their_ids() {
        let mut p = payload(KdfParams::DEFAULT);
        let a = Item::new("Bank", Secret::Note { text: "a".into() });
        let b = Item::new("bank", Secret::Note { text: "b".into() });
        let (ida, idb) = (a.id.clone(), b.id.clone());
        p.items.push(a);
        p.items.push(b);
        p.items
            .push(Item::new("Mail", Secret::Note { text: "c".into() }));
        let found = check(&p, &FileFacts::default(), OffsetDateTime::UNIX_EPOCH);
        let dup: Vec<&Finding> = found
            .iter()
            .filter(|f| f.check == "duplicate-names")
            .collect();
        assert_eq!(dup.len(), 1, "{found:?}");
        assert_eq!(dup[0].severity, Severity::Warning);
        assert!(dup[0].message.contains(&ida) && dup[0].message.contains(&idb));
        assert!(dup[0].fix.contains("lifeboat show"), "{}", dup[0].fix);
        p.items.pop();
        p.items.pop();
        let found = check(&p, &FileFacts::default(), OffsetDateTime::UNIX_EPOCH);
        assert!(!found.iter().any(|f| f.check == "duplicate-names"));
    }

    #[test]
    fn deleted_items_that_keep_their_values_are_worth_knowing_until_purged() {
        use crate::vault::merge::record_changes;
        let mut p = payload(KdfParams::DEFAULT);
        p.items
            .push(Item::new("Old", Secret::Note { text: "x".into() }));
        record_changes(None, &mut p, 4_000_000_000_000, "a");
        let kept = |p: &Payload| {
            check(p, &FileFacts::default(), OffsetDateTime::UNIX_EPOCH)
                .into_iter()
                .filter(|f| f.check == "deleted-kept")
                .collect::<Vec<_>>()
        };
        assert!(kept(&p).is_empty());
        let base = p.clone();
        let id = p.items.pop().unwrap().id;
        record_changes(Some(&base), &mut p, 4_000_000_001_000, "a");
        let found = kept(&p);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert!(
            found[0].message.contains("1 removed item"),
            "{}",
            found[0].message
        );
        assert!(found[0].fix.contains("lifeboat purge"), "{}", found[0].fix);
        p.sync.tombstones.get_mut(&id).unwrap().purge();
        assert!(kept(&p).is_empty());
    }

    #[test]
    fn memory_protection_is_reported() {
        use crate::secure_mem::{NotLocked, Status};
        let p = payload(KdfParams::DEFAULT);
        let now = OffsetDateTime::now_utc();
        let with = |m: Status| {
            let facts = FileFacts {
                memory: Some(m),
                ..FileFacts::default()
            };
            check(&p, &facts, now)
                .into_iter()
                .find(|f| f.check == "memory")
                .unwrap()
        };
        let ok = Status {
            locked: Ok(()),
            no_dump: true,
            wipes_freed: true,
            swap_in_use: true,
        };
        assert_eq!(with(ok.clone()).severity, Severity::Ok);
        let limited = Status {
            locked: Err(NotLocked::Limit(8 << 20)),
            ..ok.clone()
        };
        let f = with(limited.clone());
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.contains("8 MiB"), "{}", f.message);
        assert!(f.fix.contains("ulimit -l"), "{}", f.fix);
        let no_swap = Status {
            swap_in_use: false,
            ..limited
        };
        assert_eq!(with(no_swap).severity, Severity::Info);
        let dumpable = Status {
            no_dump: false,
            ..ok
        };
        assert_eq!(with(dumpable).severity, Severity::Warning);
        // Not gathered: no finding.
        assert!(check(&p, &FileFacts::default(), now)
            .iter()
            .all(|f| f.check != "memory"));
    }

    #[test]
    fn fresh_vault_findings() {
        let p = payload(KdfParams::RFC9106_SECOND);
        let facts = FileFacts {
            path: "v".into(),
            mode: Some(0o600),
            ..Default::default()
        };
        let f = check(&p, &facts, crate::item::now_utc());
        assert_eq!(sev(&f, "backup"), [Severity::Warning]);
        assert_eq!(sev(&f, "drill"), [Severity::Warning]);
        assert_eq!(sev(&f, "recovery-key"), [Severity::Warning]);
        assert_eq!(sev(&f, "kdf"), [Severity::Info]);
        assert_eq!(sev(&f, "permissions"), [Severity::Ok]);
        assert!(!has_critical(&f));
        assert!(f
            .iter()
            .all(|x| x.severity <= Severity::Info || !x.fix.is_empty()));
    }

    #[test]
    fn weak_kdf_and_open_mode_are_critical() {
        let p = payload(KdfParams {
            m_kib: 8 * 1024,
            t: 1,
            p: 1,
        });
        let facts = FileFacts {
            path: "v".into(),
            mode: Some(0o644),
            ..Default::default()
        };
        let f = check(&p, &facts, crate::item::now_utc());
        assert_eq!(sev(&f, "kdf"), [Severity::Critical]);
        assert_eq!(sev(&f, "permissions"), [Severity::Critical]);
        assert!(has_critical(&f));
    }

    #[test]
    fn kdf_is_compared_by_memory_and_by_memory_times_passes() {
        let at = |m_mib: u32, t: u32| {
            let p = payload(KdfParams {
                m_kib: m_mib * 1024,
                t,
                p: 4,
            });
            let f = check(&p, &FileFacts::default(), crate::item::now_utc());
            let k = f.into_iter().find(|x| x.check == "kdf").unwrap();
            (k.severity, k.message)
        };
        // 128 MiB with one pass: more memory than RFC 9106's second option
        // but less memory x passes (128 < 192): not "meets RFC 9106".
        let (sev, msg) = at(128, 1);
        assert_eq!(sev, Severity::Warning, "{msg}");
        assert!(msg.contains("not RFC 9106"), "{msg}");
        assert!(!msg.contains("meets RFC 9106"), "{msg}");
        assert_eq!(at(128, 2).0, Severity::Info); // 256 MiB-passes: meets it
        assert_eq!(at(19, 2).0, Severity::Warning); // OWASP's minimum
        assert_eq!(at(8, 1).0, Severity::Critical); // below it
        assert_eq!(at(256, 3).0, Severity::Ok);
    }

    #[test]
    fn a_folder_others_can_write_is_critical_with_the_fix() {
        let p = payload(KdfParams::DEFAULT);
        let facts = FileFacts {
            path: "/srv/shared/vault.age".into(),
            mode: Some(0o600),
            folder: Some((
                "other users can create and rename files in it (mode 0777)".into(),
                "chmod go-w '/srv/shared'".into(),
            )),
            ..Default::default()
        };
        let f = check(&p, &facts, crate::item::now_utc());
        let folder: Vec<&Finding> = f.iter().filter(|x| x.check == "folder").collect();
        assert_eq!(folder.len(), 1);
        assert_eq!(folder[0].severity, Severity::Critical);
        assert_eq!(folder[0].fix, "chmod go-w '/srv/shared'");
        assert!(has_critical(&f));
        let f = check(&p, &FileFacts::default(), crate::item::now_utc());
        assert_eq!(sev(&f, "folder"), [Severity::Ok]);
    }

    #[test]
    fn two_fa_coverage_and_low_codes() {
        let mut p = payload(KdfParams::DEFAULT);
        p.items.push(totp("GitHub 2FA", Some("GitHub")));
        p.items.push(totp("Mail 2FA", Some("Mail")));
        p.items.push(codes("GitHub codes", "github", 2, 8));
        p.items.push(codes("Bank codes", "Bank", 5, 0));
        assert_eq!(accounts_without_codes(&p), ["Mail"]);
        let f = check(&p, &FileFacts::default(), crate::item::now_utc());
        let low: Vec<&Finding> = f.iter().filter(|x| x.check == "codes-low").collect();
        assert_eq!(low.len(), 1);
        assert!(
            low[0].message.contains("GitHub codes"),
            "{}",
            low[0].message
        );
        assert_eq!(sev(&f, "2fa-codes"), [Severity::Warning]);
    }

    #[test]
    fn old_backup_is_due() {
        let mut p = payload(KdfParams::DEFAULT);
        let now = crate::item::now_utc();
        p.history.last_backup = Some(now - time::Duration::days(45));
        p.history.last_drill = Some(now - time::Duration::days(3));
        let f = check(&p, &FileFacts::default(), now);
        assert_eq!(sev(&f, "backup"), [Severity::Warning]);
        assert_eq!(sev(&f, "drill"), [Severity::Ok]);
        assert!(f
            .iter()
            .any(|x| x.check == "backup" && x.message.contains("45")));
    }
}
