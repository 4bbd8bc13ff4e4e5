//! Views and reports: snapshots of the text checklist and the Markdown
//! report at fixed times, and the JSON shapes scripts rely on.

use lifeboat::item::{Item, RecoveryCode, Secret};
use lifeboat::playbook::{
    self, answer, check, render_report, set_account, show_json, show_text, PlaybookState,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2024-05-01 09:30 UTC);

fn at(min: i64) -> OffsetDateTime {
    T0 + Duration::minutes(min)
}

fn item(id: &str, name: &str, account: &str, secret: Secret) -> Item {
    let mut it = Item::new(name, secret);
    it.id = id.into();
    it.account = Some(account.into());
    it.created = T0;
    it.updated = T0;
    it
}

fn items() -> Vec<Item> {
    vec![
        item(
            "00000000000000a1",
            "Exchange login",
            "exchange.example",
            Secret::Password {
                username: Some("me".into()),
                password: "TOPSECRET-PASSWORD".into(),
                url: None,
            },
        ),
        item(
            "00000000000000a2",
            "Exchange codes",
            "exchange.example",
            Secret::Codes {
                codes: vec![
                    RecoveryCode {
                        code: "TOPSECRET-1".into(),
                        used: Some(T0),
                    },
                    RecoveryCode {
                        code: "TOPSECRET-2".into(),
                        used: None,
                    },
                    RecoveryCode {
                        code: "TOPSECRET-3".into(),
                        used: None,
                    },
                ],
            },
        ),
        item(
            "00000000000000a3",
            "Mail login",
            "mail.example",
            Secret::Password {
                username: None,
                password: "TOPSECRET-MAIL".into(),
                url: None,
            },
        ),
    ]
}

/// An account-locked run: message noted, the lock was the user's own doing,
/// reset tried and failed, support
/// contacted, ticket written down, the wait running.
fn locked_run() -> (playbook::Playbook, PlaybookState) {
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "account-locked").unwrap().clone();
    let mut state = PlaybookState::default();
    let run = state.run_mut_or_start(&pb.id, T0);
    set_account(run, Some("exchange.example".into()), T0);
    check(
        &pb,
        run,
        "write-down-message",
        Some(
            "\"Account locked for security reasons\" after 3 wrong passwords at 09:20 | phone"
                .into(),
        ),
        at(2),
    )
    .unwrap();
    check(&pb, run, "check-official-notice", None, at(5)).unwrap();
    answer(&pb, run, "caused-lock", "yes", at(7)).unwrap();
    check(&pb, run, "forgot-password", None, at(10)).unwrap();
    answer(&pb, run, "reset-worked", "no", at(15)).unwrap();
    check(&pb, run, "contact-support", None, at(40)).unwrap();
    check(
        &pb,
        run,
        "support-ticket",
        Some("Ticket #58213, spoke to Dana.\nThey need a photo ID; answer within 24h.".into()),
        at(45),
    )
    .unwrap();
    check(&pb, run, "wait-for-lock", None, at(50)).unwrap();
    (pb, state)
}

#[test]
fn show_text_snapshot() {
    let (pb, state) = locked_run();
    let text = show_text(&pb, state.run(&pb.id), &items(), at(60));
    assert!(!text.contains("TOPSECRET"));
    insta::assert_snapshot!("account_locked_show_text", text);
}

#[test]
fn show_text_not_started() {
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "backup-drill").unwrap();
    insta::assert_snapshot!(
        "backup_drill_show_text_fresh",
        show_text(pb, None, &items(), T0)
    );
}

#[test]
fn report_snapshot_open_run() {
    let (pb, state) = locked_run();
    let report = render_report(&pb, state.run(&pb.id).unwrap(), &items(), at(60));
    assert!(!report.contains("TOPSECRET"));
    insta::assert_snapshot!("account_locked_report_open", report);
}

#[test]
fn report_snapshot_finished_fund_loss() {
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "fund-loss").unwrap();
    let mut state = PlaybookState::default();
    let run = state.run_mut_or_start(&pb.id, T0);
    let mut t = 0;
    let mut next = || {
        t += 7;
        at(t)
    };
    answer(pb, run, "custody", "self-held", next()).unwrap();
    answer(pb, run, "still-leaving", "yes", next()).unwrap();
    answer(pb, run, "how-taken", "other", next()).unwrap();
    check(pb, run, "clean-device", None, next()).unwrap();
    check(pb, run, "vault-exposed", None, next()).unwrap();
    answer(pb, run, "keys-exposed", "yes", next()).unwrap();
    check(pb, run, "new-seed", None, next()).unwrap();
    check(
        pb,
        run,
        "move-funds",
        Some("0x51aa…02 moved 0.3 ETH to the new wallet".into()),
        next(),
    )
    .unwrap();
    for s in ["change-passwords", "secure-account", "reset-2fa"] {
        check(pb, run, s, None, next()).unwrap();
    }
    check(
        pb,
        run,
        "stop-and-record",
        Some("Balance 2.1 ETH at 08:00, 0.3 ETH at 09:25.".into()),
        next(),
    )
    .unwrap();
    check(pb, run, "review-history", None, next()).unwrap();
    check(
        pb,
        run,
        "record-transactions",
        Some("0x9f3c…e1 1.8 ETH to 0xAbC…123 at 08:47 UTC".into()),
        next(),
    )
    .unwrap();
    check(
        pb,
        run,
        "gather-evidence",
        Some("Screenshots in Documents/incident-2024-05".into()),
        next(),
    )
    .unwrap();
    answer(pb, run, "report-authorities", "yes", next()).unwrap();
    check(
        pb,
        run,
        "file-report",
        Some("Police case 2024/5512".into()),
        next(),
    )
    .unwrap();
    playbook::skip(
        pb,
        run,
        "send-report",
        "self-held wallet: no provider",
        next(),
    )
    .unwrap();
    check(pb, run, "keep-watching", None, next()).unwrap();
    let run = state.run(&pb.id).unwrap();
    assert!(run.finished.is_some());
    let mut its = items();
    its.push(item(
        "00000000000000a4",
        "Wallet 2024",
        "hot wallet",
        Secret::Seed {
            words: "TOPSECRET words".into(),
            scheme: lifeboat::item::SeedScheme::Bip39,
            language: None,
            passphrase: None,
        },
    ));
    let report = render_report(pb, run, &its, next());
    assert!(!report.contains("TOPSECRET"));
    insta::assert_snapshot!("fund_loss_report_finished", report);
}

#[test]
fn show_json_shape() {
    let (pb, state) = locked_run();
    let v = show_json(&pb, state.run(&pb.id), &items(), at(60));
    let text = v.to_string();
    assert!(!text.contains("TOPSECRET"));
    assert_eq!(v["id"], "account-locked");
    assert_eq!(v["title"], pb.title);
    assert_eq!(v["severity"], "high");
    assert_eq!(v["started"], "2024-05-01T09:30:00Z");
    assert_eq!(v["finished"], serde_json::Value::Null);
    assert_eq!(v["account"], "exchange.example");
    assert_eq!(v["progress"]["next_step"], "wait-for-lock");
    assert_eq!(v["progress"]["done"], 7);
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), pb.steps.len());
    for s in steps {
        for key in [
            "id", "kind", "title", "state", "done_at", "note", "answer", "do_not", "items",
            "source",
        ] {
            assert!(s.get(key).is_some(), "step lacks {key}: {s}");
        }
    }
    let by_id = |id: &str| steps.iter().find(|s| s["id"] == id).unwrap();
    assert_eq!(by_id("write-down-message")["state"], "done");
    assert_eq!(
        by_id("write-down-message")["done_at"],
        "2024-05-01T09:32:00Z"
    );
    assert_eq!(by_id("reset-worked")["answer"], "no");
    assert_eq!(
        by_id("reset-worked")["choices"].as_array().unwrap().len(),
        3
    );
    assert_eq!(by_id("wait-for-lock")["state"], "waiting");
    assert_eq!(
        by_id("wait-for-lock")["wait"]["ends"],
        "2024-05-02T10:20:00Z"
    );
    assert_eq!(by_id("wait-for-lock")["wait"]["seconds"], 86400);
    assert_eq!(by_id("protect-login")["state"], "open");
    // Narrowed to the run's account: the mail login is not offered.
    let linked = by_id("contact-support")["items"].as_array().unwrap();
    let names: Vec<&str> = linked.iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Exchange login", "Exchange codes"]);
    assert_eq!(linked[1]["unused_codes"], 2);
    assert_eq!(linked[1]["kind"], "codes");
    assert_eq!(
        linked[1].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["account", "id", "kind", "name", "unused_codes"]
    );
}

#[test]
fn list_views() {
    let (_, state) = locked_run();
    let pbs = playbook::builtin();
    let text = playbook::list_text(&pbs, &state, None);
    insta::assert_snapshot!("list_text", text);
    let v = playbook::list_json(&pbs, &state);
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), playbook::BUILTIN_IDS.len());
    assert_eq!(arr[0]["id"], "account-locked");
    assert_eq!(arr[0]["progress"]["done"], 7);
    assert_eq!(arr[1]["progress"], serde_json::Value::Null);
    assert_eq!(arr[1]["severity"], "critical");
    assert_eq!(arr[1]["builtin"], true);
}

#[test]
fn show_text_lists_the_items_for_the_next_action() {
    let pbs = playbook::builtin();
    let pb = playbook::find(&pbs, "lost-2fa-device").unwrap();
    let mut state = PlaybookState::default();
    let run = state.run_mut_or_start(&pb.id, T0);
    answer(pb, run, "how-lost", "broken", at(1)).unwrap();
    check(pb, run, "list-accounts", None, at(2)).unwrap();
    check(pb, run, "codes-from-vault", None, at(3)).unwrap();
    let text = show_text(pb, state.run(&pb.id), &items(), at(4));
    assert!(
        text.contains("Your items: Exchange codes (codes, exchange.example, 2 unused codes)"),
        "{text}"
    );
    assert!(text.contains("Run: lifeboat codes use NAME CODE"), "{text}");
    assert!(
        text.contains("[-] Lock or wipe the device remotely"),
        "{text}"
    );
    assert!(!text.contains("TOPSECRET"));
}

#[test]
fn report_names_only_the_incident_accounts_items_and_its_contacts() {
    let (pb, state) = locked_run();
    let mut its = items();
    its[0].support = Some("help.exchange.example, +1 555 0100".into());
    its[2].support = Some("mail support chat".into());
    let report = render_report(&pb, state.run(&pb.id).unwrap(), &its, at(60));
    // The run is about exchange.example: its contact and username are in,
    // the mail account is nowhere.
    assert!(
        report.contains("help.exchange.example, +1 555 0100"),
        "{report}"
    );
    assert!(report.contains("Username (Exchange login): me"), "{report}");
    assert!(!report.contains("Mail login"), "{report}");
    assert!(!report.contains("mail support chat"), "{report}");
    assert!(!report.contains("TOPSECRET"));
}

#[test]
fn report_times_are_local_with_their_offset() {
    let (pb, state) = locked_run();
    let local = time::UtcOffset::from_hms(2, 0, 0).unwrap();
    let report = render_report(
        &pb,
        state.run(&pb.id).unwrap(),
        &items(),
        at(60).to_offset(local),
    );
    // T0 is 09:30 UTC: 11:30 at UTC+02:00.
    assert!(report.contains("2024-05-01 11:30 UTC+02:00"), "{report}");
    assert!(!report.contains("09:30"), "{report}");
    let west = time::UtcOffset::from_hms(-5, -30, 0).unwrap();
    let report = render_report(
        &pb,
        state.run(&pb.id).unwrap(),
        &items(),
        at(60).to_offset(west),
    );
    assert!(report.contains("2024-05-01 04:00 UTC-05:30"), "{report}");
}
