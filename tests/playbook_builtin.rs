//! The built-in playbooks: they validate, every step is reachable, every
//! branch can be walked to the end, and the guide is covered; and the
//! structure that carries their safety advice holds (triage first, a clean
//! device before any new secret, the fake-support warning on every step
//! that contacts someone, the address comparison before a retry).

use std::collections::BTreeSet;

use lifeboat::playbook::{self, answer, check, progress, Playbook, Run, StepKind, BUILTIN_IDS};
use time::macros::datetime;
use time::OffsetDateTime;

fn files() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/playbooks/en");
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_builtin_file_validates() {
    let files = files();
    assert_eq!(files.len(), BUILTIN_IDS.len());
    for (path, text) in files {
        if let Err(d) = playbook::parse_str(&text, &path) {
            panic!(
                "{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

#[test]
fn builtin_ids_are_exactly_the_listed_ones() {
    let ids: Vec<String> = playbook::builtin().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, BUILTIN_IDS);
    for pb in playbook::builtin() {
        assert!(pb.builtin);
        assert_eq!(pb.lang, "en");
        assert_eq!(pb.origin, format!("builtin:en/{}.toml", pb.id));
        assert!(!pb.symptoms.is_empty(), "{} has no symptoms", pb.id);
        assert!(pb.steps.len() >= 8, "{} is thin", pb.id);
    }
    // The ids the command-line contract requires are all still there.
    for id in [
        "account-locked",
        "fund-loss",
        "login-failure",
        "transaction-failed",
        "withdrawal-failed",
        "lost-2fa-device",
        "app-update-safely",
        "security-checkup",
        "backup-drill",
        "sim-swap",
        "email-takeover",
        "asked-for-secrets",
        "feature-broken",
    ] {
        assert!(BUILTIN_IDS.contains(&id), "{id} is not built in");
    }
}

#[test]
fn every_step_cites_a_source() {
    for pb in playbook::builtin() {
        for st in &pb.steps {
            assert!(!st.source.is_empty(), "{}/{} has no source", pb.id, st.id);
            for s in &st.source {
                assert!(
                    s == "practice" || s.starts_with("guide:"),
                    "{}/{}: odd source {s}",
                    pb.id,
                    st.id
                );
            }
        }
    }
}

/// Every point of `seed/guide-en.md`, as the sources cite them.
const GUIDE_POINTS: &[&str] = &[
    "guide:types.1",
    "guide:types.2",
    "guide:types.3",
    "guide:types.4",
    "guide:types.5",
    "guide:causes.1",
    "guide:causes.2",
    "guide:causes.3",
    "guide:causes.4",
    "guide:causes.5",
    "guide:general.1",
    "guide:general.2",
    "guide:general.3",
    "guide:general.4",
    "guide:general.5",
    "guide:Q1.1",
    "guide:Q1.2",
    "guide:Q1.3",
    "guide:Q1.4",
    "guide:Q2.1",
    "guide:Q2.2",
    "guide:Q2.3",
    "guide:Q2.4",
    "guide:Q3.1",
    "guide:Q3.2",
    "guide:Q3.3",
    "guide:Q3.4",
    "guide:Q4.1",
    "guide:Q4.2",
    "guide:Q4.3",
    "guide:Q4.4",
    "guide:Q5.1",
    "guide:Q5.2",
    "guide:Q5.3",
    "guide:Q5.4",
    "guide:closing",
];

#[test]
fn every_guide_point_is_covered_and_no_source_is_made_up() {
    let cov = playbook::guide_coverage(&playbook::builtin());
    for p in GUIDE_POINTS {
        assert!(cov.contains_key(*p), "guide point {p} is not covered");
    }
    for k in cov.keys() {
        assert!(
            k == "practice" || GUIDE_POINTS.contains(&k.as_str()),
            "unknown source {k}"
        );
    }
}

/// Walks a run to completion along every combination of answers, collecting
/// the steps visited. Each finished walk must report `complete`.
fn walk_all(
    pb: &Playbook,
    run: Run,
    now: OffsetDateTime,
    seen: &mut BTreeSet<String>,
    walks: &mut usize,
) {
    let mut run = run;
    let mut now = now;
    for _ in 0..=pb.steps.len() * 2 {
        let p = progress(pb, Some(&run));
        let Some(next) = p.next_step else {
            assert!(p.complete, "{}: stuck without a next step", pb.id);
            assert!(
                run.finished.is_some(),
                "{}: complete but not finished",
                pb.id
            );
            assert_eq!(p.done, p.total_on_path);
            *walks += 1;
            return;
        };
        seen.insert(next.clone());
        let st = pb.step(&next).unwrap();
        now += time::Duration::minutes(5);
        match st.kind {
            StepKind::Decision => {
                for c in &st.choices {
                    let mut branch = run.clone();
                    answer(pb, &mut branch, &next, &c.id, now).unwrap();
                    walk_all(pb, branch, now, seen, walks);
                }
                return;
            }
            StepKind::Wait => {
                check(pb, &mut run, &next, None, now).unwrap();
                assert!(
                    check(pb, &mut run, &next, None, now).is_err(),
                    "wait ended early"
                );
                now += st.wait().unwrap();
                check(pb, &mut run, &next, None, now).unwrap();
            }
            StepKind::Note => check(pb, &mut run, &next, Some("noted".into()), now).unwrap(),
            _ => check(pb, &mut run, &next, None, now).unwrap(),
        }
    }
    panic!("{}: walk did not end", pb.id);
}

#[test]
fn every_branch_of_every_builtin_walks_to_completion() {
    let start = datetime!(2024-05-01 09:00 UTC);
    for pb in playbook::builtin() {
        let mut seen = BTreeSet::new();
        let mut walks = 0;
        walk_all(&pb, Run::new(&pb.id, start), start, &mut seen, &mut walks);
        let all: BTreeSet<String> = pb.steps.iter().map(|s| s.id.clone()).collect();
        assert_eq!(seen, all, "{}: steps never reached", pb.id);
        let branches: usize = pb
            .steps
            .iter()
            .filter(|s| s.kind == StepKind::Decision)
            .map(|s| s.choices.len() - 1)
            .sum();
        assert!(
            walks > branches,
            "{}: {walks} walks for {branches} extra branches",
            pb.id
        );
    }
}

#[test]
fn account_locked_follows_the_guide_q4_order() {
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "account-locked").unwrap();
    let pos = |src: &str| {
        pb.steps
            .iter()
            .position(|s| s.source.iter().any(|x| x == src))
            .unwrap_or_else(|| panic!("{src} missing"))
    };
    // Forgot-password first, then support, with the do-not warning before
    // either, the wait after support, protection last.
    assert!(pos("guide:Q4.1") < pos("guide:Q4.2"));
    assert!(pos("guide:Q4.2") < pb.step_index("wait-for-lock").unwrap());
    assert!(pb.step_index("wait-for-lock").unwrap() < pos("guide:Q4.4"));
    let first = &pb.steps[0];
    assert!(first
        .do_not
        .iter()
        .any(|d| d.contains("other devices or IP addresses")));
    let wait = pb.step("wait-for-lock").unwrap();
    assert_eq!(wait.kind, StepKind::Wait);
    assert!(wait.do_not.iter().any(|d| d.contains("other devices")));
    assert!(pb
        .step("forgot-password")
        .unwrap()
        .detail
        .as_deref()
        .unwrap()
        .contains("e-mail"));
}

#[test]
fn fund_loss_covers_the_required_ground() {
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "fund-loss").unwrap();
    for id in [
        "custody",
        "still-leaving",
        "really-gone",
        "stop-and-record",
        "review-history",
        "contact-provider",
        "how-taken",
        "revoke-approvals",
        "clean-device",
        "vault-exposed",
        "keys-exposed",
        "new-seed",
        "move-funds",
        "change-passwords",
        "secure-account",
        "reset-2fa",
        "gather-evidence",
        "report-authorities",
    ] {
        assert!(pb.step(id).is_some(), "fund-loss lacks {id}");
    }
    let new_seed = pb.step("new-seed").unwrap();
    assert!(new_seed
        .commands
        .iter()
        .any(|c| c == "lifeboat add seed NAME"));
    assert!(new_seed.title.contains("NEW seed"));
    let decision = pb.step("keys-exposed").unwrap();
    assert_eq!(
        decision.choice("yes").unwrap().next.as_deref(),
        Some("new-seed")
    );
    assert_eq!(pb.severity, playbook::Severity::Critical);
}

// ---- the structure that carries the safety ------------------------------

/// Every route through a playbook, as step indexes, one per combination of
/// answers (the flow is a DAG, so this ends).
fn all_paths(pb: &Playbook) -> Vec<Vec<usize>> {
    fn go(pb: &Playbook, i: usize, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        path.push(i);
        let s = &pb.steps[i];
        let target = |next: Option<&String>| match next {
            Some(id) => pb.step_index(id),
            None => (i + 1 < pb.steps.len()).then_some(i + 1),
        };
        let nexts: Vec<Option<usize>> = if s.kind == StepKind::Decision {
            s.choices.iter().map(|c| target(c.next.as_ref())).collect()
        } else if s.end {
            vec![None]
        } else {
            vec![target(s.next.as_ref())]
        };
        for n in nexts {
            match n {
                Some(n) => go(pb, n, path, out),
                None => out.push(path.clone()),
            }
        }
        path.pop();
    }
    let mut out = Vec::new();
    go(pb, 0, &mut Vec::new(), &mut out);
    out
}

fn builtin_named(id: &str) -> Playbook {
    playbook::find(&playbook::builtin(), id).unwrap().clone()
}

fn all_text(st: &playbook::Step) -> String {
    let mut t = vec![st.title.clone()];
    t.extend(st.detail.clone());
    t.extend(st.why.clone());
    t.extend(st.do_not.clone());
    t.extend(st.prompt.clone());
    t.extend(st.choices.iter().map(|c| c.title.clone()));
    t.join("\n")
}

#[test]
fn fund_loss_starts_with_triage() {
    let pb = builtin_named("fund-loss");
    let first = &pb.steps[0];
    assert_eq!(first.id, "custody");
    assert_eq!(first.kind, StepKind::Decision);
    // Custodial goes straight to the freeze; self-held to "is money still
    // leaving?", which is the second question on that branch.
    assert_eq!(
        first.choice("custodial").unwrap().next.as_deref(),
        Some("contact-provider")
    );
    assert_eq!(
        first.choice("self-held").unwrap().next.as_deref(),
        Some("still-leaving")
    );
    let leaving = pb.step("still-leaving").unwrap();
    assert_eq!(leaving.kind, StepKind::Decision);
    // Money still leaving: act, no detour through the display checks.
    assert_eq!(
        leaving.choice("yes").unwrap().next.as_deref(),
        Some("how-taken")
    );
    // The freeze is a contact step (and so carries the fake-support warning).
    assert!(pb.step("contact-provider").unwrap().contact);
    // Records come after the urgent steps on every path that has both.
    for path in all_paths(&pb) {
        let pos = |id: &str| path.iter().position(|&i| pb.steps[i].id == id);
        if let Some(rec) = pos("stop-and-record") {
            for urgent in [
                "contact-provider",
                "clean-device",
                "move-funds",
                "revoke-approvals",
            ] {
                if let Some(u) = pos(urgent) {
                    assert!(u < rec, "{urgent} after the records on {path:?}");
                }
            }
        }
    }
}

/// Steps that create a secret or type one in: a new seed, importing the old
/// one to move funds out, new passwords, a new 2FA enrolment, and anything
/// that stores a secret with `lifeboat add`.
fn creates_or_enters_secret(st: &playbook::Step) -> bool {
    ["new-seed", "move-funds", "change-passwords", "reset-2fa"].contains(&st.id.as_str())
        || st.commands.iter().any(|c| c.starts_with("lifeboat add "))
}

#[test]
fn fund_loss_clean_device_comes_before_every_new_secret_on_every_path() {
    let pb = builtin_named("fund-loss");
    let mut secret_steps_seen = 0;
    for path in all_paths(&pb) {
        let clean = path.iter().position(|&i| pb.steps[i].id == "clean-device");
        for (pos, &i) in path.iter().enumerate() {
            if creates_or_enters_secret(&pb.steps[i]) {
                secret_steps_seen += 1;
                assert!(
                    clean.is_some_and(|c| c < pos),
                    "{} is reached without the clean device first on {:?}",
                    pb.steps[i].id,
                    path.iter().map(|&i| &pb.steps[i].id).collect::<Vec<_>>()
                );
            }
        }
    }
    assert!(secret_steps_seen >= 4);
    // The vault warning follows the clean device at once.
    let c = pb.step_index("clean-device").unwrap();
    assert_eq!(pb.steps[c + 1].id, "vault-exposed");
    assert!(pb.steps[c + 1]
        .detail
        .as_deref()
        .unwrap()
        .contains("every seed"));
}

#[test]
fn fund_loss_revokes_a_malicious_approval_first_and_warns_of_fake_revoke_sites() {
    let pb = builtin_named("fund-loss");
    let how = pb.step("how-taken").unwrap();
    assert_eq!(
        how.choice("approval").unwrap().next.as_deref(),
        Some("revoke-approvals")
    );
    let revoke = pb.step("revoke-approvals").unwrap();
    assert!(revoke
        .do_not
        .iter()
        .any(|d| d.contains("fake revoke sites")));
    // With the seed stolen, revoking does nothing: the seed path skips it.
    for path in all_paths(&pb) {
        let ids: Vec<&str> = path.iter().map(|&i| pb.steps[i].id.as_str()).collect();
        if ids.contains(&"new-seed") {
            let after = ids.iter().position(|&s| s == "new-seed").unwrap();
            assert!(!ids[after..].contains(&"revoke-approvals"), "{ids:?}");
        }
    }
    // Moving funds under an attacker: no top-up, no test send, sweepers,
    // and importing the old seed only on a clean device, only to move out.
    let mv = pb.step("move-funds").unwrap();
    let text = all_text(mv);
    for want in [
        "skip the small test send",
        "sweeper",
        "SEAL 911",
        "only to move the funds out",
    ] {
        assert!(text.contains(want), "move-funds lacks {want:?}");
    }
    assert!(mv.do_not.iter().any(|d| d.contains("top up")));
}

#[test]
fn every_contact_step_carries_the_fake_support_warning() {
    let warning = playbook::strings::for_lang(lifeboat::lang::Lang::En)
        .standard_warning("fake-support")
        .unwrap();
    let mut contacts = 0;
    for pb in playbook::builtin() {
        for st in &pb.steps {
            if st.contact {
                contacts += 1;
                assert_eq!(
                    st.warnings.first().map(String::as_str),
                    Some("fake-support")
                );
                assert_eq!(
                    st.do_not.first().map(String::as_str),
                    Some(warning),
                    "{}/{}",
                    pb.id,
                    st.id
                );
            }
        }
    }
    assert!(contacts >= 20, "only {contacts} contact steps");
    for part in [
        "search ad",
        "Telegram",
        "seed phrase",
        "see your screen",
        "official upload page",
    ] {
        assert!(warning.contains(part), "the warning lacks {part:?}");
    }
}

/// Titles that send the user to someone: each such step must be a contact
/// step. A step merely pointing at another playbook is not.
#[test]
fn steps_that_reach_out_to_someone_are_marked_as_contact_steps() {
    let reach_out = [
        "contact the",
        "contact your",
        "contact support",
        "call your",
        "ask the provider",
        "ask your bank",
        "report it",
        "report the",
        "file the report",
        "send it to the provider",
        "freeze",
    ];
    for pb in playbook::builtin() {
        for st in &pb.steps {
            let title = st.title.to_lowercase();
            // Questions and write-down steps reach no one themselves.
            if matches!(st.kind, StepKind::Decision | StepKind::Note)
                || title.starts_with("follow ")
            {
                continue;
            }
            let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
            if words.contains(&"support") || reach_out.iter().any(|w| title.contains(w)) {
                assert!(
                    st.contact,
                    "{}/{} reaches out but is not `contact = true`: {}",
                    pb.id, st.id, st.title
                );
            }
        }
    }
}

#[test]
fn report_steps_carry_the_recovery_scam_warning() {
    let warning = playbook::strings::for_lang(lifeboat::lang::Lang::En)
        .standard_warning("recovery-scam")
        .unwrap();
    assert!(warning.contains("police") && warning.contains("lawyer"));
    for (pb, step) in [
        ("fund-loss", "file-report"),
        ("fund-loss", "send-report"),
        ("withdrawal-failed", "scam-report"),
        ("asked-for-secrets", "report-impostor"),
    ] {
        let st = builtin_named(pb).step(step).unwrap().clone();
        assert!(st.do_not.iter().any(|d| d == warning), "{pb}/{step}");
    }
    // And from the first step of fund-loss, since the offers start at once.
    assert!(builtin_named("fund-loss").steps[0]
        .warnings
        .iter()
        .any(|w| w == "recovery-scam"));
}

#[test]
fn transaction_failed_compares_the_address_on_every_path() {
    let pb = builtin_named("transaction-failed");
    let cmp = pb.step("compare-address").expect("compare-address");
    assert!(all_text(cmp).contains("character by character"));
    assert!(all_text(cmp).contains("history"));
    for path in all_paths(&pb) {
        let ids: Vec<&str> = path.iter().map(|&i| pb.steps[i].id.as_str()).collect();
        let c = ids.iter().position(|&s| s == "compare-address");
        assert!(c.is_some(), "no address comparison on {ids:?}");
        if let Some(r) = ids.iter().position(|&s| s == "retry") {
            assert!(c.unwrap() < r, "retry before comparing on {ids:?}");
        }
    }
    // fund-loss checks for the look-alike address too.
    let gone = builtin_named("fund-loss");
    assert!(all_text(gone.step("really-gone").unwrap())
        .to_lowercase()
        .contains("address poisoning"));
}

#[test]
fn withdrawal_failed_warns_about_release_fees_at_step_one() {
    let pb = builtin_named("withdrawal-failed");
    let first = &pb.steps[0];
    assert!(first.do_not.iter().any(|d| d.contains("release fee")));
    assert!(first
        .do_not
        .iter()
        .any(|d| d.contains("online contact") && d.contains("stop depositing")));
}

#[test]
fn no_step_sends_a_seed_into_a_test_wallet() {
    for pb in playbook::builtin() {
        for st in &pb.steps {
            let mut positive = vec![st.title.clone()];
            positive.extend(st.detail.clone());
            positive.extend(st.commands.clone());
            for t in positive {
                assert!(
                    !t.to_lowercase().contains("test wallet"),
                    "{}/{}: {t}",
                    pb.id,
                    st.id
                );
            }
        }
    }
    for (pb, step) in [
        ("backup-drill", "seed-spot-check"),
        ("app-update-safely", "verify-seed"),
    ] {
        let st = builtin_named(pb).step(step).unwrap().clone();
        assert!(
            st.do_not.iter().any(|d| d.contains("test wallet")),
            "{pb}/{step}"
        );
    }
}

/// On every path, the first step that uses a term explains it.
#[test]
fn jargon_is_explained_where_it_first_appears() {
    let terms: [(&str, &str); 3] = [
        ("block explorer", "public website"),
        ("approval", "permission"),
        ("setup key", "the 2fa secret as text"),
    ];
    for pb in playbook::builtin() {
        for path in all_paths(&pb) {
            for (term, explained) in terms {
                let first = path
                    .iter()
                    .map(|&i| &pb.steps[i])
                    .find(|st| all_text(st).to_lowercase().contains(term));
                if let Some(st) = first {
                    assert!(
                        all_text(st).to_lowercase().contains(explained),
                        "{}/{} uses {term:?} first without explaining it",
                        pb.id,
                        st.id
                    );
                }
            }
        }
    }
}

#[test]
fn custodial_and_self_held_branches_where_the_advice_differs() {
    let login = builtin_named("login-failure");
    let w = login.step("what-login").unwrap();
    assert_eq!(
        w.choice("wallet").unwrap().next.as_deref(),
        Some("wallet-password")
    );
    assert!(all_text(login.step("wallet-password").unwrap()).contains("wallet password recovery"));
    // The phishing copy is ruled out before any password is typed again.
    assert!(
        login.step_index("real-site").unwrap() < login.step_index("check-credentials").unwrap()
    );
    let upd = builtin_named("app-update-safely");
    assert_eq!(upd.steps[0].id, "app-kind");
    assert!(all_text(upd.step("update").unwrap()).contains("asks for your seed phrase, stop"));
    assert!(all_text(upd.step("check-balance").unwrap()).contains("derivation path"));
    assert!(all_text(upd.step("official-source").unwrap()).contains("provider's own website"));
    let locked = builtin_named("account-locked");
    let caused = locked.step("caused-lock").unwrap();
    assert_eq!(
        caused.choice("no").unwrap().next.as_deref(),
        Some("secure-email")
    );
    let lost = builtin_named("lost-2fa-device");
    assert_eq!(
        lost.steps[0].choice("stolen").unwrap().next.as_deref(),
        Some("secure-from-other")
    );
    assert!(lost.step("block-sim").unwrap().contact);
    assert!(all_text(lost.step("provider-recovery").unwrap()).contains("2FA removal"));
}

#[test]
fn security_checkup_covers_email_sim_approvals_and_exchange_settings() {
    let pb = builtin_named("security-checkup");
    for id in [
        "secure-email",
        "sim-lock",
        "review-approvals",
        "exchange-settings",
        "real-channels",
    ] {
        assert!(pb.step(id).is_some(), "security-checkup lacks {id}");
    }
    assert!(all_text(pb.step("exchange-settings").unwrap()).contains("API key"));
}

/// Step ids are what stored runs refer to: every id the earlier release
/// of each playbook had is still there, so no recorded progress is lost.
#[test]
fn step_ids_of_the_earlier_release_survive() {
    let earlier: &[(&str, &[&str])] = &[
        (
            "account-locked",
            &[
                "write-down-message",
                "check-official-notice",
                "forgot-password",
                "reset-worked",
                "contact-support",
                "support-ticket",
                "wait-for-lock",
                "back-in",
                "follow-up",
                "protect-login",
                "check-2fa",
                "review-activity",
                "steady-habits",
            ],
        ),
        (
            "fund-loss",
            &[
                "stop-and-record",
                "review-history",
                "record-transactions",
                "contact-provider",
                "provider-ticket",
                "keys-exposed",
                "new-seed",
                "move-funds",
                "change-passwords",
                "reset-2fa",
                "revoke-approvals",
                "clean-device",
                "gather-evidence",
                "report-authorities",
                "file-report",
                "send-report",
                "keep-watching",
            ],
        ),
        (
            "login-failure",
            &[
                "write-down-error",
                "check-network",
                "check-provider",
                "check-credentials",
                "check-2fa-code",
                "update-app",
                "works-now",
                "reset-password",
                "contact-support",
                "go-to-locked",
                "after-login",
            ],
        ),
        (
            "transaction-failed",
            &[
                "write-down-details",
                "check-network",
                "check-balance",
                "check-method",
                "check-settings",
                "money-left",
                "retry",
                "look-up",
                "wait-to-settle",
                "went-through",
                "ask-support",
                "support-answer",
                "keep-proof",
            ],
        ),
        (
            "withdrawal-failed",
            &[
                "write-down-details",
                "check-limits",
                "check-verification",
                "check-bank-details",
                "check-maintenance",
                "status",
                "retry-after-fix",
                "wait-for-bank",
                "ask-bank",
                "arrived",
                "contact-support",
                "support-ticket",
                "keep-records",
            ],
        ),
        (
            "lost-2fa-device",
            &[
                "how-lost",
                "lock-device",
                "list-accounts",
                "codes-from-vault",
                "use-recovery-code",
                "all-back",
                "provider-recovery",
                "recovery-wait",
                "re-enrol",
                "new-codes",
                "remove-old-device",
                "review-activity",
            ],
        ),
        (
            "app-update-safely",
            &[
                "verify-seed",
                "seed-verified",
                "store-seed",
                "backup-vault",
                "official-source",
                "read-release-notes",
                "safe-network",
                "update",
                "works",
                "troubleshoot",
                "still-broken",
                "restore-from-seed",
                "check-balance",
            ],
        ),
        (
            "security-checkup",
            &[
                "reputable-providers",
                "unique-passwords",
                "change-old-passwords",
                "two-factor",
                "recovery-codes",
                "review-history",
                "device-hygiene",
                "no-public-wifi",
                "payment-methods",
                "backups-current",
                "anything-found",
                "act-now",
                "schedule-next",
            ],
        ),
        (
            "backup-drill",
            &[
                "make-backup",
                "verify-backup",
                "verify-result",
                "redo-backup",
                "find-recovery-key",
                "know-escape-hatch",
                "seed-spot-check",
                "codes-left",
                "record-drill",
                "next-drill",
            ],
        ),
    ];
    for (pb, ids) in earlier {
        let pb = builtin_named(pb);
        for id in *ids {
            assert!(
                pb.step(id).is_some(),
                "{}: step {id} was removed or renamed",
                pb.id
            );
        }
    }
}

#[test]
fn backup_drill_and_update_use_the_real_commands() {
    let pbs = playbook::builtin();
    let drill = playbook::find(&pbs, "backup-drill").unwrap();
    let cmds: Vec<&str> = drill
        .steps
        .iter()
        .flat_map(|s| s.commands.iter().map(String::as_str))
        .collect();
    assert!(cmds.contains(&"lifeboat backup DIR"));
    assert!(cmds.contains(&"lifeboat verify FILE"));
    let upd = playbook::find(&pbs, "app-update-safely").unwrap();
    assert_eq!(
        upd.steps[0].choice("self-held").unwrap().next.as_deref(),
        Some("verify-seed")
    );
    assert!(upd.step_index("verify-seed") < upd.step_index("update"));
}

/// Views wrap text themselves; a line break inside a text would end up
/// raw in a terminal line.
#[test]
fn builtin_texts_are_single_lines() {
    for pb in playbook::builtin() {
        for st in &pb.steps {
            assert!(!all_text(st).contains("\n\n"));
            let mut texts = vec![st.title.clone()];
            texts.extend(st.detail.clone());
            texts.extend(st.why.clone());
            texts.extend(st.do_not.clone());
            texts.extend(st.prompt.clone());
            for t in texts {
                assert!(!t.contains('\n'), "{}/{}: {t}", pb.id, st.id);
            }
        }
    }
}
