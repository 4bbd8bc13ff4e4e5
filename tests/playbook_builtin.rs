//! The built-in playbooks: they validate, every step is reachable, every
//! branch can be walked to the end, and the guide is covered.

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
    assert_eq!(files.len(), 9);
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
fn builtin_ids_are_exactly_the_nine() {
    let ids: Vec<String> = playbook::builtin().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, BUILTIN_IDS);
    for pb in playbook::builtin() {
        assert!(pb.builtin);
        assert_eq!(pb.lang, "en");
        assert_eq!(pb.origin, format!("builtin:en/{}.toml", pb.id));
        assert!(!pb.symptoms.is_empty(), "{} has no symptoms", pb.id);
        assert!(pb.steps.len() >= 8, "{} is thin", pb.id);
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
        "stop-and-record",
        "review-history",
        "contact-provider",
        "keys-exposed",
        "new-seed",
        "move-funds",
        "change-passwords",
        "reset-2fa",
        "revoke-approvals",
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
    assert_eq!(upd.steps[0].id, "verify-seed");
    assert!(upd.step_index("verify-seed") < upd.step_index("update"));
}
