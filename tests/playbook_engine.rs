//! The engine: routing through decisions, re-answering, unchecking, wait
//! timers, resets, progress counts and item links.

use lifeboat::item::{Item, RecoveryCode, Secret};
use lifeboat::playbook::{
    self, answer, check, linked_items, linked_items_for_run, progress, set_account, step_states,
    uncheck, PlaybookError, PlaybookState, Run, StepState,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const PB: &str = r#"
id = "demo"
title = "Demo"
summary = "A small playbook with a branch that rejoins."
severity = "medium"

[[steps]]
id = "first"
kind = "check"
title = "First"

[[steps]]
id = "fork"
kind = "decision"
title = "Which way?"
[[steps.choices]]
id = "left"
title = "Left"
next = "left-1"
[[steps.choices]]
id = "right"
title = "Right"
next = "right-1"

[[steps]]
id = "left-1"
kind = "action"
title = "Use a recovery code"
link = { kinds = ["codes"] }

[[steps]]
id = "left-2"
kind = "note"
title = "Write it down"
next = "join"

[[steps]]
id = "right-1"
kind = "wait"
title = "Wait a day"
wait = "24h"

[[steps]]
id = "join"
kind = "check"
title = "Joined"
"#;

fn pb() -> playbook::Playbook {
    playbook::parse_str(PB, "demo.toml").unwrap()
}

const T0: OffsetDateTime = datetime!(2024-05-01 10:00 UTC);

fn at(min: i64) -> OffsetDateTime {
    T0 + Duration::minutes(min)
}

fn states(pb: &playbook::Playbook, run: &Run, now: OffsetDateTime) -> Vec<(String, StepState)> {
    step_states(pb, Some(run), now)
        .into_iter()
        .map(|v| (v.id, v.state))
        .collect()
}

fn state_of(pb: &playbook::Playbook, run: &Run, id: &str, now: OffsetDateTime) -> StepState {
    states(pb, run, now)
        .into_iter()
        .find(|(i, _)| i == id)
        .unwrap()
        .1
}

#[test]
fn fresh_run_counts_along_the_first_choice() {
    let pb = pb();
    let p = progress(&pb, None);
    assert_eq!(p.done, 0);
    // first, fork, left-1, left-2, join
    assert_eq!(p.total_on_path, 5);
    assert_eq!(p.next_step.as_deref(), Some("first"));
    assert!(!p.complete);
    let run = Run::new("demo", T0);
    let st = states(&pb, &run, T0);
    assert_eq!(st[0].1, StepState::Next);
    // Before the decision, neither branch is skipped.
    assert_eq!(st[2].1, StepState::Open);
    assert_eq!(st[4].1, StepState::Open);
}

#[test]
fn branching_skips_the_other_branch_and_rejoins() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    check(&pb, &mut run, "first", None, at(1)).unwrap();
    answer(&pb, &mut run, "fork", "left", at(2)).unwrap();
    assert_eq!(state_of(&pb, &run, "right-1", at(2)), StepState::Skipped);
    assert_eq!(state_of(&pb, &run, "left-1", at(2)), StepState::Next);
    check(&pb, &mut run, "left-1", None, at(3)).unwrap();
    check(&pb, &mut run, "left-2", Some("ticket 42".into()), at(4)).unwrap();
    check(&pb, &mut run, "join", None, at(5)).unwrap();
    let p = progress(&pb, Some(&run));
    assert_eq!((p.done, p.total_on_path, p.complete), (5, 5, true));
    assert_eq!(run.finished, Some(at(5)));
    assert_eq!(p.next_step, None);
}

#[test]
fn a_skipped_step_cannot_be_checked_and_the_error_names_the_answer() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    answer(&pb, &mut run, "fork", "2", at(1)).unwrap();
    assert_eq!(run.record("fork").unwrap().answer.as_deref(), Some("right"));
    let err = check(&pb, &mut run, "left-1", None, at(2)).unwrap_err();
    assert!(matches!(err, PlaybookError::StepSkipped { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("your answer `right` to `fork` skipped it"),
        "{msg}"
    );
}

#[test]
fn re_answering_re_routes_and_keeps_old_records() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    check(&pb, &mut run, "first", None, at(1)).unwrap();
    answer(&pb, &mut run, "fork", "left", at(2)).unwrap();
    check(&pb, &mut run, "left-1", None, at(3)).unwrap();
    check(&pb, &mut run, "left-2", Some("n".into()), at(4)).unwrap();
    check(&pb, &mut run, "join", None, at(5)).unwrap();
    assert!(run.finished.is_some());
    answer(&pb, &mut run, "fork", "right", at(6)).unwrap();
    // The wait on the new branch is open, so the run is no longer finished.
    assert!(run.finished.is_none());
    let p = progress(&pb, Some(&run));
    assert_eq!((p.done, p.total_on_path), (3, 4)); // first, fork, join done
    assert_eq!(p.next_step.as_deref(), Some("right-1"));
    assert_eq!(state_of(&pb, &run, "left-1", at(6)), StepState::Skipped);
    // The records are still there; answering back restores them.
    assert!(run.record("left-1").unwrap().done_at.is_some());
    answer(&pb, &mut run, "fork", "left", at(7)).unwrap();
    assert!(progress(&pb, Some(&run)).complete);
    let whats: Vec<&str> = run.events.iter().map(|e| e.what.as_str()).collect();
    assert!(whats.contains(&"reopened"));
    assert_eq!(whats.iter().filter(|w| **w == "finished").count(), 2);
}

#[test]
fn same_answer_twice_is_a_no_op() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    answer(&pb, &mut run, "fork", "left", at(1)).unwrap();
    let n = run.events.len();
    answer(&pb, &mut run, "fork", "1", at(2)).unwrap();
    assert_eq!(run.events.len(), n);
    assert_eq!(run.record("fork").unwrap().done_at, Some(at(1)));
}

#[test]
fn decisions_need_answers_and_answers_need_decisions() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    let err = check(&pb, &mut run, "fork", None, T0)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("lifeboat playbook answer demo fork CHOICE"),
        "{err}"
    );
    assert!(err.contains("left, right"), "{err}");
    let err = answer(&pb, &mut run, "first", "yes", T0).unwrap_err();
    assert!(matches!(err, PlaybookError::NotADecision { .. }));
    let err = answer(&pb, &mut run, "fork", "up", T0)
        .unwrap_err()
        .to_string();
    assert!(err.contains("1 = left (Left); 2 = right (Right)"), "{err}");
    let err = answer(&pb, &mut run, "fork", "3", T0).unwrap_err();
    assert!(matches!(err, PlaybookError::UnknownChoice { .. }));
    let err = check(&pb, &mut run, "nope", None, T0)
        .unwrap_err()
        .to_string();
    assert!(err.contains("has no step `nope`"), "{err}");
    assert!(err.contains("first, fork"), "{err}");
}

#[test]
fn note_steps_need_a_note_and_notes_accumulate() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    answer(&pb, &mut run, "fork", "left", T0).unwrap();
    let err = check(&pb, &mut run, "left-2", None, T0).unwrap_err();
    assert!(matches!(err, PlaybookError::NoteRequired { .. }));
    check(&pb, &mut run, "left-2", Some("ticket 1".into()), at(1)).unwrap();
    check(&pb, &mut run, "left-2", Some("ticket 2".into()), at(2)).unwrap();
    let rec = run.record("left-2").unwrap();
    assert_eq!(rec.note.as_deref(), Some("ticket 1\nticket 2"));
    assert_eq!(rec.done_at, Some(at(1)));
    playbook::note(&pb, &mut run, "first", "called at 10:00", at(3)).unwrap();
    assert!(run.record("first").unwrap().done_at.is_none());
}

#[test]
fn wait_timer_starts_shows_its_end_and_finishes() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    check(&pb, &mut run, "first", None, T0).unwrap();
    answer(&pb, &mut run, "fork", "right", T0).unwrap();
    check(&pb, &mut run, "right-1", None, at(1)).unwrap();
    let v = step_states(&pb, Some(&run), at(2))
        .into_iter()
        .find(|v| v.id == "right-1")
        .unwrap();
    assert_eq!(v.state, StepState::Waiting);
    assert_eq!(v.wait_started, Some(at(1)));
    assert_eq!(v.wait_ends, Some(at(1) + Duration::hours(24)));
    assert_eq!(
        progress(&pb, Some(&run)).next_step.as_deref(),
        Some("right-1")
    );
    // Too early without a reason.
    let err = check(&pb, &mut run, "right-1", None, at(60)).unwrap_err();
    assert!(matches!(err, PlaybookError::StillWaiting { .. }));
    assert!(err.to_string().contains("2024-05-02 10:01 UTC"), "{err}");
    // Once the time is up, the wait is no longer "waiting" but due.
    let later = at(1) + Duration::hours(24);
    assert_eq!(state_of(&pb, &run, "right-1", later), StepState::Next);
    check(&pb, &mut run, "right-1", None, later).unwrap();
    assert_eq!(state_of(&pb, &run, "right-1", later), StepState::Done);
}

#[test]
fn wait_can_end_early_with_a_note() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    answer(&pb, &mut run, "fork", "right", T0).unwrap();
    check(&pb, &mut run, "right-1", None, at(1)).unwrap();
    check(
        &pb,
        &mut run,
        "right-1",
        Some("support unlocked it".into()),
        at(30),
    )
    .unwrap();
    assert_eq!(run.record("right-1").unwrap().done_at, Some(at(30)));
}

#[test]
fn uncheck_takes_back_ticks_answers_and_timers() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    check(&pb, &mut run, "first", Some("keep me".into()), at(1)).unwrap();
    uncheck(&pb, &mut run, "first", at(2)).unwrap();
    assert_eq!(progress(&pb, Some(&run)).done, 0);
    assert_eq!(
        run.record("first").unwrap().note.as_deref(),
        Some("keep me")
    );
    answer(&pb, &mut run, "fork", "right", at(3)).unwrap();
    check(&pb, &mut run, "right-1", None, at(4)).unwrap();
    uncheck(&pb, &mut run, "right-1", at(5)).unwrap();
    assert!(run.record("right-1").unwrap().wait_started.is_none());
    uncheck(&pb, &mut run, "fork", at(6)).unwrap();
    assert!(run.record("fork").unwrap().answer.is_none());
    // Both branches are open again.
    assert_eq!(state_of(&pb, &run, "left-1", at(6)), StepState::Open);
    // Unchecking an untouched step is harmless; an unknown one is an error.
    let n = run.events.len();
    uncheck(&pb, &mut run, "join", at(7)).unwrap();
    assert_eq!(run.events.len(), n);
    assert!(uncheck(&pb, &mut run, "zzz", at(7)).is_err());
}

#[test]
fn steps_may_be_done_out_of_order() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    check(&pb, &mut run, "join", None, at(1)).unwrap();
    let p = progress(&pb, Some(&run));
    assert_eq!(p.done, 1);
    assert_eq!(p.next_step.as_deref(), Some("first"));
}

#[test]
fn reset_archives_and_never_deletes() {
    let pb = pb();
    let mut state = PlaybookState::default();
    assert!(!state.reset("demo", T0));
    let run = state.run_mut_or_start("demo", T0);
    check(&pb, run, "first", None, at(1)).unwrap();
    // The same run comes back.
    assert_eq!(state.run_mut_or_start("demo", at(2)).started, T0);
    assert!(state.reset("demo", at(3)));
    assert!(state.run("demo").is_none());
    assert_eq!(state.archived.len(), 1);
    assert_eq!(state.archived[0].archived_at, Some(at(3)));
    assert!(state.archived[0].record("first").unwrap().done_at.is_some());
    let fresh = state.run_mut_or_start("demo", at(4));
    assert_eq!(fresh.started, at(4));
    assert!(fresh.steps.is_empty());
    assert_eq!(state.archived_runs("demo").count(), 1);
}

#[test]
fn state_serde_is_stable_and_tolerant() {
    let pb = pb();
    let mut state = PlaybookState::default();
    let run = state.run_mut_or_start("demo", T0);
    check(&pb, run, "first", Some("n".into()), at(1)).unwrap();
    answer(&pb, run, "fork", "left", at(2)).unwrap();
    let json = serde_json::to_value(&state).unwrap();
    assert_eq!(json["active"][0]["playbook"], "demo");
    assert_eq!(json["active"][0]["started"], "2024-05-01T10:00:00Z");
    assert_eq!(json["active"][0]["steps"]["fork"]["answer"], "left");
    assert_eq!(
        json["active"][0]["steps"]["first"]["done_at"],
        "2024-05-01T10:01:00Z"
    );
    let back: PlaybookState = serde_json::from_value(json).unwrap();
    assert_eq!(back, state);
    // Empty, partial and future-extended documents all load.
    let empty: PlaybookState = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, PlaybookState::default());
    let future: PlaybookState = serde_json::from_str(
        r#"{"active":[{"playbook":"demo","flavour":1,"events":[{"at":"2024-05-01T10:00:00Z","what":"teleported","x":2}],
            "steps":{"first":{"done_at":"2024-05-01T10:01:00Z","colour":"red"}}}],"archived":[],"new_field":true}"#,
    )
    .unwrap();
    assert_eq!(future.active[0].started, OffsetDateTime::UNIX_EPOCH);
    assert_eq!(progress(&pb, future.run("demo")).done, 1);
}

fn codes_item(name: &str, account: &str, used: &[bool]) -> Item {
    let mut it = Item::new(
        name,
        Secret::Codes {
            codes: used
                .iter()
                .map(|u| RecoveryCode {
                    code: "SECRET-CODE".into(),
                    used: u.then_some(T0),
                })
                .collect(),
        },
    );
    it.account = Some(account.into());
    it
}

#[test]
fn links_count_only_codes_items_with_unused_codes_and_follow_the_run_account() {
    let pb = pb();
    let step = pb.step("left-1").unwrap();
    let items = vec![
        codes_item("GitHub codes", "github.com", &[true, false]),
        codes_item("Old codes", "github.com", &[true, true]),
        codes_item("Bank codes", "bank.example", &[false]),
        Item::new(
            "pw",
            Secret::Password {
                username: None,
                password: "x".into(),
                url: None,
            },
        ),
    ];
    let names: Vec<&str> = linked_items(step, &items)
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["GitHub codes", "Bank codes"]);
    let mut run = Run::new("demo", T0);
    set_account(&mut run, Some("GitHub.com".into()), T0);
    let names: Vec<&str> = linked_items_for_run(step, Some(&run), &items)
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["GitHub codes"]);
    // Steps without a link have no items.
    assert!(linked_items(pb.step("first").unwrap(), &items).is_empty());
}

#[test]
fn links_by_account_and_tag() {
    let text = PB.replace(
        "link = { kinds = [\"codes\"] }",
        "link = { accounts = [\"bank.example\"], tags = [\"money\"] }",
    );
    let pb = playbook::parse_str(&text, "t").unwrap();
    let step = pb.step("left-1").unwrap();
    let mut a = codes_item("A", "bank.example", &[false]);
    a.tags = vec!["Money".into()];
    let b = codes_item("B", "bank.example", &[false]);
    let mut c = codes_item("C", "other", &[false]);
    c.tags = vec!["money".into()];
    let items = [a, b, c];
    let names: Vec<&str> = linked_items(step, &items)
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["A"]);
}

#[test]
fn all_playbooks_reads_a_user_dir_and_refuses_clashes() {
    let dir = tempfile::tempdir().unwrap();
    let n = playbook::BUILTIN_IDS.len();
    assert_eq!(playbook::all_playbooks(Some(dir.path())).unwrap().len(), n);
    std::fs::write(dir.path().join("a.toml"), PB).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    let all = playbook::all_playbooks(Some(dir.path())).unwrap();
    assert_eq!(all.len(), n + 1);
    assert!(!all[n].builtin);
    std::fs::write(dir.path().join("b.toml"), PB).unwrap();
    let err = playbook::load_user_dir(dir.path()).unwrap_err().to_string();
    assert!(err.contains("a.toml") && err.contains("b.toml"), "{err}");
    std::fs::remove_file(dir.path().join("b.toml")).unwrap();
    std::fs::write(
        dir.path().join("c.toml"),
        PB.replace("id = \"demo\"", "id = \"fund-loss\""),
    )
    .unwrap();
    let err = playbook::load_user_dir(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("builtin:en/fund-loss.toml") && err.contains("c.toml"),
        "{err}"
    );
    // A missing directory holds no playbooks.
    assert!(playbook::load_user_dir(&dir.path().join("none"))
        .unwrap()
        .is_empty());
}

#[test]
fn user_dir_problems_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.toml"), "id = \"x\"\n").unwrap();
    std::fs::write(dir.path().join("y.toml"), "id = [\n").unwrap();
    let err = playbook::load_user_dir(dir.path()).unwrap_err();
    let PlaybookError::Invalid(d) = err else {
        panic!()
    };
    assert!(d.iter().any(|d| d.file.ends_with("x.toml")));
    assert!(d.iter().any(|d| d.file.ends_with("y.toml")));
}

#[test]
fn validate_file_refuses_a_builtin_id_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, PB.replace("id = \"demo\"", "id = \"backup-drill\"")).unwrap();
    let d = playbook::validate_file(&path).unwrap_err();
    assert_eq!((d[0].line, d[0].column), (2, 6));
    assert!(d[0].message.contains("built-in"));
    std::fs::write(&path, PB).unwrap();
    assert_eq!(playbook::validate_file(&path).unwrap().id, "demo");
    let d = playbook::validate_file(&dir.path().join("missing.toml")).unwrap_err();
    assert!(d[0].message.contains("cannot read"));
}

// ---- setting a step aside as not applying -------------------------------

#[test]
fn skip_sets_a_step_aside_with_its_reason_and_counts_it_done() {
    let pb = pb();
    let mut run = Run::new("demo", T0);
    check(&pb, &mut run, "first", None, at(1)).unwrap();
    answer(&pb, &mut run, "fork", "left", at(2)).unwrap();
    check(&pb, &mut run, "left-1", None, at(3)).unwrap();
    // A note step refuses a bare tick; its error points at `skip`.
    let err = check(&pb, &mut run, "left-2", None, at(4)).unwrap_err();
    assert!(
        err.to_string()
            .contains("playbook skip demo left-2 --reason"),
        "{err}"
    );
    // A reason is required, and leaves nothing behind when missing.
    let before = run.clone();
    let err = playbook::skip(&pb, &mut run, "left-2", "  ", at(4)).unwrap_err();
    assert!(matches!(err, PlaybookError::ReasonRequired { .. }), "{err}");
    assert_eq!(run, before);
    // Decisions are answered, never set aside.
    let err = playbook::skip(&pb, &mut run, "fork", "n/a", at(4)).unwrap_err();
    assert!(matches!(err, PlaybookError::IsDecision { .. }), "{err}");
    // Steps off the path cannot be set aside either.
    assert!(matches!(
        playbook::skip(&pb, &mut run, "right-1", "n/a", at(4)),
        Err(PlaybookError::StepSkipped { .. })
    ));
    playbook::skip(
        &pb,
        &mut run,
        "left-2",
        "no ticket: self-held wallet",
        at(5),
    )
    .unwrap();
    let rec = run.record("left-2").unwrap();
    assert_eq!(rec.done_at, Some(at(5)));
    assert_eq!(
        rec.not_applicable.as_deref(),
        Some("no ticket: self-held wallet")
    );
    assert_eq!(state_of(&pb, &run, "left-2", at(6)), StepState::Done);
    let last = run.events.last().unwrap();
    assert_eq!(last.what, playbook::EVENT_NOT_APPLICABLE);
    assert_eq!(last.detail.as_deref(), Some("no ticket: self-held wallet"));
    // The same reason again records nothing new.
    let n = run.events.len();
    playbook::skip(
        &pb,
        &mut run,
        "left-2",
        "no ticket: self-held wallet",
        at(6),
    )
    .unwrap();
    assert_eq!(run.events.len(), n);
    check(&pb, &mut run, "join", None, at(7)).unwrap();
    assert!(progress(&pb, Some(&run)).complete);
    assert!(run.finished.is_some());
    // Views and the report show the reason.
    let text = playbook::show_text(&pb, Some(&run), &[], at(8));
    assert!(
        text.contains("[does not apply: no ticket: self-held wallet]"),
        "{text}"
    );
    let json = playbook::show_json(&pb, Some(&run), &[], at(8));
    let step = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "left-2")
        .unwrap();
    assert_eq!(step["not_applicable"], "no ticket: self-held wallet");
    assert_eq!(step["state"], "done");
    let report = playbook::render_report(&pb, &run, &[], at(8));
    assert!(
        report.contains("Does not apply: no ticket: self-held wallet"),
        "{report}"
    );
    // A tick means it applied after all; uncheck takes either back.
    check(&pb, &mut run, "left-2", Some("ticket 7".into()), at(9)).unwrap();
    assert_eq!(run.record("left-2").unwrap().not_applicable, None);
    playbook::skip(&pb, &mut run, "left-2", "again", at(10)).unwrap();
    uncheck(&pb, &mut run, "left-2", at(11)).unwrap();
    let rec = run.record("left-2").unwrap();
    assert_eq!((rec.done_at, rec.not_applicable.as_deref()), (None, None));
    assert!(run.finished.is_none());
}

// ---- standard warnings and contact steps --------------------------------

#[test]
fn contact_steps_get_the_fake_support_warning_first() {
    let text = r#"
id = "mine"
title = "Mine"
summary = "s"
severity = "high"
[[steps]]
id = "call"
kind = "check"
title = "Call the bank"
contact = true
warnings = ["recovery-scam", "fake-support"]
do_not = "Do not hurry."
[[steps]]
id = "plain"
kind = "check"
title = "Plain"
"#;
    let pb = playbook::parse_str(text, "mine.toml").unwrap();
    let en = playbook::strings::for_lang(lifeboat::lang::Lang::En);
    let call = pb.step("call").unwrap();
    assert!(call.contact);
    assert_eq!(call.warnings, ["fake-support", "recovery-scam"]);
    assert_eq!(
        call.do_not,
        [
            en.standard_warning("fake-support").unwrap(),
            en.standard_warning("recovery-scam").unwrap(),
            "Do not hurry."
        ]
    );
    let plain = pb.step("plain").unwrap();
    assert!(!plain.contact && plain.warnings.is_empty() && plain.do_not.is_empty());
    // Every standard warning id has English text.
    for id in playbook::STANDARD_WARNINGS {
        assert!(en.standard_warning(id).is_some(), "{id}");
    }
    // A typo is refused at its line, with a hint; `contact` must be a boolean.
    let bad = text
        .replace("\"recovery-scam\", ", "\"recovery-scams\", ")
        .replace("contact = true", "contact = \"yes\"");
    let d = playbook::parse_str(&bad, "mine.toml").unwrap_err();
    let all: Vec<String> = d.iter().map(|d| d.to_string()).collect();
    assert!(
        all.iter()
            .any(|m| m.starts_with("mine.toml:11:") && m.contains("did you mean `recovery-scam`")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|m| m.starts_with("mine.toml:10:") && m.contains("`contact`")),
        "{all:?}"
    );
}

// ---- runs stored by other versions --------------------------------------

/// A run recorded against steps this version does not have (renamed or
/// removed in a later release, or written by a newer lifeboat) still loads,
/// counts what it can, and keeps the user's notes in the report.
#[test]
fn a_stored_run_with_unknown_step_ids_still_loads() {
    let stored = r#"{
      "active": [{
        "playbook": "fund-loss",
        "started": "2024-05-01T09:00:00Z",
        "steps": {
          "custody": {"done_at": "2024-05-01T09:01:00Z", "answer": "self-held"},
          "a-step-that-is-gone": {"done_at": "2024-05-01T09:02:00Z", "note": "balance 0.3 ETH at 09:25"},
          "still-leaving": {"done_at": "2024-05-01T09:03:00Z", "answer": "no-such-choice"},
          "really-gone": {"done_at": "2024-05-01T09:04:00Z", "future_field": 7}
        },
        "events": [
          {"at": "2024-05-01T09:00:00Z", "what": "started"},
          {"at": "2024-05-01T09:02:00Z", "what": "checked", "step": "a-step-that-is-gone"},
          {"at": "2024-05-01T09:02:30Z", "what": "some-future-event", "step": "custody"}
        ]
      }],
      "archived": []
    }"#;
    let state: PlaybookState = serde_json::from_str(stored).unwrap();
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "fund-loss").unwrap();
    let run = state.run("fund-loss").unwrap();
    // The known answer routes; the unknown answer counts as unanswered.
    let p = progress(pb, Some(run));
    assert_eq!(p.next_step.as_deref(), Some("still-leaving"));
    assert_eq!(p.done, 1);
    let now = datetime!(2024-05-01 10:00 UTC);
    let text = playbook::show_text(pb, Some(run), &[], now);
    assert!(text.contains("[>] Is money still leaving"), "{text}");
    let report = playbook::render_report(pb, run, &[], now);
    assert!(report.contains("`a-step-that-is-gone`"), "{report}");
    assert!(report.contains("balance 0.3 ETH at 09:25"), "{report}");
    assert!(report.contains("some-future-event"), "{report}");
    // Driving the run on works, and the unknown record is kept.
    let mut state = state;
    let run = state.run_mut("fund-loss").unwrap();
    answer(pb, run, "still-leaving", "yes", now).unwrap();
    assert!(run.record("a-step-that-is-gone").is_some());
    let back: PlaybookState =
        serde_json::from_str(&serde_json::to_string(&state).unwrap()).unwrap();
    assert_eq!(back, state);
}
