//! `lifeboat playbook ...` end to end, through the real binary: listing and
//! showing with progress, driving a run (check, uncheck, answer, note,
//! wait, reset), the incident report, validation and user playbooks.

mod cli_items_harness;

use cli_items_harness::{fixture, mode, run_command, Env};
use serde_json::Value;

const BUILTINS: [&str; 13] = [
    "account-locked",
    "fund-loss",
    "login-failure",
    "transaction-failed",
    "withdrawal-failed",
    "lost-2fa-device",
    "sim-swap",
    "email-takeover",
    "asked-for-secrets",
    "feature-broken",
    "app-update-safely",
    "security-checkup",
    "backup-drill",
];

fn show_json(env: &Env, id: &str) -> Value {
    let out = env.run(&["--json", "playbook", "show", id]).ok();
    serde_json::from_str(&out.stdout).expect("show --json is JSON")
}

fn step<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no step {id}"))
}

/// The documented example playbook (docs/playbooks.md), as a user file.
fn example_playbook() -> String {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/playbooks.md")).unwrap();
    let start = doc.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_owned()
}

#[test]
fn list_shows_every_builtin_in_text_and_json() {
    let env = Env::new();
    let out = env.run(&["playbook", "list"]).ok();
    for id in BUILTINS {
        assert!(out.stdout.contains(id), "{id} missing:\n{}", out.stdout);
    }
    let out = env.run(&["--json", "playbook", "list"]).ok();
    let v: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let ids: Vec<&str> = v.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, BUILTINS);
    assert!(v.iter().all(|p| p["progress"].is_null()));
}

#[test]
fn show_json_has_steps_with_state_timestamps_and_notes() {
    let env = Env::new();
    let v = show_json(&env, "account-locked");
    assert_eq!(v["id"], "account-locked");
    assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
    let steps = v["steps"].as_array().unwrap();
    assert!(steps.len() > 5);
    for s in steps {
        for key in ["id", "kind", "title", "state", "done_at", "note"] {
            assert!(s.get(key).is_some(), "step lacks {key}: {s}");
        }
    }
    assert_eq!(steps[0]["state"], "next");
    assert!(steps[0]["done_at"].is_null());
}

#[test]
fn a_run_is_driven_step_by_step_and_saved() {
    let env = Env::new();
    let pb = "account-locked";
    // A note step refuses a tick without the note, and changes nothing.
    let before = env.vault_bytes();
    let out = env
        .run(&["playbook", "check", pb, "write-down-message"])
        .code(1);
    assert!(out.stderr.contains("--note"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);

    let out = env
        .run(&[
            "playbook",
            "check",
            pb,
            "write-down-message",
            "--note",
            "third wrong password at 09:40",
            "--account",
            "github.com",
        ])
        .ok();
    assert!(out.stderr.contains("Done"), "{}", out.stderr);
    assert!(out.stderr.contains("Next: `check-official-notice`"));
    let v = show_json(&env, pb);
    assert_eq!(v["account"], "github.com");
    let s = step(&v, "write-down-message");
    assert_eq!(s["state"], "done");
    assert!(s["done_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(s["note"], "third wrong password at 09:40");
    assert_eq!(step(&v, "check-official-notice")["state"], "next");

    // Ticking a done step again without a note records nothing.
    let before = env.vault_bytes();
    let out = env
        .run(&["playbook", "check", pb, "write-down-message"])
        .ok();
    assert!(out.stderr.contains("Nothing changed"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);

    env.run(&["playbook", "check", pb, "check-official-notice"])
        .ok();
    env.run(&["playbook", "uncheck", pb, "check-official-notice"])
        .ok();
    assert_eq!(
        step(&show_json(&env, pb), "check-official-notice")["state"],
        "next"
    );

    // A question is answered, not ticked; by id or by number.
    env.run(&["playbook", "answer", pb, "caused-lock", "yes"])
        .ok();
    let out = env.run(&["playbook", "check", pb, "reset-worked"]).code(1);
    assert!(out.stderr.contains("playbook answer"), "{}", out.stderr);
    let out = env
        .run(&["playbook", "answer", pb, "reset-worked", "maybe"])
        .code(1);
    assert!(out.stderr.contains("timed-lock"), "{}", out.stderr);
    env.run(&["playbook", "answer", pb, "reset-worked", "1"])
        .ok();
    let v = show_json(&env, pb);
    assert_eq!(step(&v, "reset-worked")["answer"], "yes");
    assert_eq!(step(&v, "wait-for-lock")["state"], "skipped");

    // A step the answer routed around names the answer and the open steps.
    let out = env.run(&["playbook", "check", pb, "wait-for-lock"]).code(1);
    assert!(out.stderr.contains("reset-worked"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("Next on your path: `check-official-notice`"),
        "{}",
        out.stderr
    );
    env.run(&["playbook", "answer", pb, "reset-worked", "timed-lock"])
        .ok();

    // A wait step: the first tick starts the timer; ticking again before it
    // ends needs a note saying why.
    let out = env.run(&["playbook", "check", pb, "wait-for-lock"]).ok();
    assert!(out.stderr.contains("Wait started"), "{}", out.stderr);
    let v = show_json(&env, pb);
    let w = step(&v, "wait-for-lock");
    assert_eq!(w["state"], "waiting");
    assert!(w["wait"]["ends"].is_string());
    let out = env.run(&["playbook", "check", pb, "wait-for-lock"]).code(1);
    assert!(out.stderr.contains("still waiting"), "{}", out.stderr);
    env.run(&[
        "playbook",
        "check",
        pb,
        "wait-for-lock",
        "--note",
        "support lifted the lock",
    ])
    .ok();
    assert_eq!(step(&show_json(&env, pb), "wait-for-lock")["state"], "done");

    // `note` writes without ticking.
    env.run(&[
        "playbook",
        "note",
        pb,
        "check-official-notice",
        "no e-mail yet",
    ])
    .ok();
    let v = show_json(&env, pb);
    let s = step(&v, "check-official-notice");
    assert_eq!(s["note"], "no e-mail yet");
    assert_eq!(s["state"], "next");

    // The text view agrees.
    let out = env.run(&["playbook", "show", pb]).ok();
    assert!(out.stdout.contains("[x] Write down the lock message"));
    assert!(out.stdout.contains("Account: github.com"));
}

#[test]
fn json_output_of_a_change_is_the_updated_playbook() {
    let env = Env::new();
    let first = show_json(&env, "backup-drill")["steps"][0].clone();
    let id = first["id"].as_str().unwrap();
    let mut args = vec!["--json", "playbook", "check", "backup-drill", id];
    if first["kind"] == "note" {
        args.extend(["--note", "n"]);
    }
    let out = env.run(&args).ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["id"], "backup-drill");
    assert_eq!(v["changed"], true);
    assert_eq!(step(&v, id)["state"], "done");
}

#[test]
fn unknown_playbook_lists_the_ids() {
    let env = Env::new();
    for args in [
        vec!["playbook", "show", "nope"],
        vec!["playbook", "check", "nope", "x"],
        vec!["playbook", "report", "nope"],
    ] {
        let out = env.run(&args).code(1);
        for id in BUILTINS {
            assert!(out.stderr.contains(id), "{args:?}: {}", out.stderr);
        }
    }
}

#[test]
fn unknown_step_names_the_next_steps_and_changes_nothing() {
    let env = Env::new();
    let before = env.vault_bytes();
    let out = env
        .run(&["playbook", "check", "account-locked", "no-such-step"])
        .code(1);
    assert!(
        out.stderr.contains("no step `no-such-step`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("Next on your path: `write-down-message`"),
        "{}",
        out.stderr
    );
    let out = env
        .run(&["playbook", "uncheck", "account-locked", "no-such-step"])
        .code(1);
    assert!(out.stderr.contains("no step"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);
}

#[test]
fn reset_archives_the_run_and_the_report_still_has_it() {
    let env = Env::new();
    let pb = "account-locked";
    let first = "write-down-message";
    env.run(&[
        "playbook",
        "check",
        pb,
        first,
        "--note",
        "phone fell in the lake",
    ])
    .ok();
    let out = env.run(&["playbook", "reset", pb]).ok();
    assert!(out.stderr.contains("put aside"), "{}", out.stderr);
    let v = show_json(&env, pb);
    assert!(v["started"].is_null());
    assert_eq!(step(&v, first)["state"], "next");
    let list: Vec<Value> =
        serde_json::from_str(&env.run(&["--json", "playbook", "list"]).ok().stdout).unwrap();
    let entry = list.iter().find(|p| p["id"] == pb).unwrap();
    assert_eq!(entry["archived_runs"], 1);
    let out = env.run(&["playbook", "report", pb]).ok();
    assert!(
        out.stdout.contains("phone fell in the lake"),
        "{}",
        out.stdout
    );
    // Nothing to reset now.
    let before = env.vault_bytes();
    let out = env.run(&["playbook", "reset", pb]).ok();
    assert!(out.stderr.contains("nothing to reset"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);
}

#[test]
fn report_is_markdown_without_secrets_written_0600_and_never_overwritten() {
    let env = Env::new();
    let words = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    env.run_in(
        &["add", "seed", "Main wallet", "--account", "github.com"],
        words,
    )
    .ok();
    env.run_in(
        &["add", "codes", "GitHub codes", "--account", "github.com"],
        "zq1-secret-code-aa\nzq1-secret-code-bb\nzq1-secret-code-cc\n",
    )
    .ok();
    env.run_in(
        &[
            "add",
            "password",
            "GitHub login",
            "--account",
            "github.com",
            "--username",
            "alice",
        ],
        "pw-Very-Secret-42\n",
    )
    .ok();
    let pb = "account-locked";
    env.run(&[
        "playbook",
        "check",
        pb,
        "write-down-message",
        "--note",
        "locked after a trip",
        "--account",
        "github.com",
    ])
    .ok();
    env.run(&["playbook", "check", pb, "check-official-notice"])
        .ok();
    env.run(&["playbook", "check", pb, "forgot-password"]).ok();
    env.run(&["playbook", "answer", pb, "reset-worked", "no"])
        .ok();
    env.run(&["playbook", "check", pb, "contact-support"]).ok();

    let out = env.run(&["playbook", "report", pb]).ok();
    let md = out.stdout;
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("locked after a trip"));
    assert!(md.contains("github.com"));
    assert!(md.contains("GitHub codes"), "linked items are named:\n{md}");
    for secret in [
        "legal",
        "winner",
        "zq1-secret",
        "pw-Very-Secret-42",
        "AGE-SECRET-KEY",
    ] {
        assert!(!md.contains(secret), "report leaks {secret}:\n{md}");
    }

    let file = env.path("report.md");
    let out = env
        .run(&["playbook", "report", pb, "--out", file.to_str().unwrap()])
        .ok();
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("0600"), "{}", out.stderr);
    assert_eq!(mode(&file), 0o600);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("locked after a trip"));

    std::fs::write(&file, "keep me").unwrap();
    let out = env
        .run(&["playbook", "report", pb, "--out", file.to_str().unwrap()])
        .code(1);
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn report_without_a_run_says_how_to_start() {
    let env = Env::new();
    let out = env.run(&["playbook", "report", "fund-loss"]).code(1);
    assert!(out.stderr.contains("no run"), "{}", out.stderr);
}

/// `# expect: LINE:COL: fragment` lines of a bad fixture.
fn expectations(text: &str) -> Vec<(usize, usize, String)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|e| {
            let mut parts = e.splitn(3, ':');
            let line = parts.next().unwrap().trim().parse().unwrap();
            let col = parts.next().unwrap().trim().parse().unwrap();
            (line, col, parts.next().unwrap().trim().to_owned())
        })
        .collect()
}

#[test]
fn validate_prints_file_line_col_for_every_bad_fixture_without_a_vault() {
    let env = Env::new();
    let missing_vault = env.path("no-vault-here.age");
    let dir = fixture("playbooks/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let shown = f.to_str().unwrap();
        let out = run_command(
            env.cmd_at(&missing_vault, &["playbook", "validate", shown]),
            "",
        )
        .code(1);
        let lines: Vec<&str> = out.stdout.lines().collect();
        let expected = expectations(&text);
        assert_eq!(lines.len(), expected.len(), "{shown}:\n{}", out.stdout);
        for (line, col, frag) in expected {
            let prefix = format!("{shown}:{line}:{col}: ");
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with(&prefix) && l.contains(&frag)),
                "{shown}: no `{prefix}...{frag}` in:\n{}",
                out.stdout
            );
        }
        assert!(out.stderr.contains("problem(s)"), "{}", out.stderr);
    }
    assert!(!missing_vault.exists());
}

#[test]
fn validate_accepts_the_documented_example() {
    let env = Env::new();
    let f = env.path("exchange-frozen.toml");
    std::fs::write(&f, example_playbook()).unwrap();
    let out = env.run(&["playbook", "validate", f.to_str().unwrap()]).ok();
    assert!(out.stdout.contains(": ok"), "{}", out.stdout);
    let out = env
        .run(&["--json", "playbook", "validate", f.to_str().unwrap()])
        .ok();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["id"], "exchange-frozen");
}

#[test]
fn validate_refuses_a_builtin_id() {
    let env = Env::new();
    let f = env.path("mine.toml");
    std::fs::write(
        &f,
        example_playbook().replace("id = \"exchange-frozen\"", "id = \"fund-loss\""),
    )
    .unwrap();
    let out = env
        .run(&["playbook", "validate", f.to_str().unwrap()])
        .code(1);
    assert!(out.stdout.contains(":2:"), "{}", out.stdout);
    assert!(out.stdout.contains("built-in"), "{}", out.stdout);
}

#[test]
fn user_playbooks_load_from_the_config_dir_and_drive_like_builtins() {
    let env = Env::new();
    let dir = env.config.join("playbooks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("exchange.toml"), example_playbook()).unwrap();
    let out = env.run(&["playbook", "list"]).ok();
    assert!(out.stdout.contains("exchange-frozen"), "{}", out.stdout);
    assert!(out.stdout.contains("(yours)"), "{}", out.stdout);
    env.run(&[
        "playbook",
        "check",
        "exchange-frozen",
        "write-down",
        "--note",
        "frozen at noon",
    ])
    .ok();
    env.run(&["playbook", "check", "exchange-frozen", "ask-support"])
        .ok();
    env.run(&[
        "playbook",
        "answer",
        "exchange-frozen",
        "asked-for-documents",
        "no",
    ])
    .ok();
    let v = show_json(&env, "exchange-frozen");
    assert_eq!(step(&v, "send-documents")["state"], "skipped");
    assert_eq!(v["builtin"], false);
}

#[test]
fn an_id_used_twice_is_an_error_naming_both_files() {
    let env = Env::new();
    let dir = env.config.join("playbooks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.toml"), example_playbook()).unwrap();
    std::fs::write(dir.join("b.toml"), example_playbook()).unwrap();
    let out = env.run(&["playbook", "list"]).code(1);
    assert!(out.stderr.contains("a.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("b.toml"), "{}", out.stderr);
    assert!(out.stderr.contains("exchange-frozen"), "{}", out.stderr);

    std::fs::remove_file(dir.join("b.toml")).unwrap();
    std::fs::write(
        dir.join("c.toml"),
        example_playbook().replace("id = \"exchange-frozen\"", "id = \"fund-loss\""),
    )
    .unwrap();
    let out = env.run(&["playbook", "show", "fund-loss"]).code(1);
    assert!(out.stderr.contains("c.toml"), "{}", out.stderr);
    assert!(
        out.stderr.contains("builtin:en/fund-loss.toml"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_broken_user_file_is_reported_and_the_builtins_still_work() {
    let env = Env::new();
    let dir = env.config.join("playbooks");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.toml"), "id = \"x\"\n[[steps]\n").unwrap();
    let out = env.run(&["playbook", "show", "account-locked"]).ok();
    assert!(out.stderr.contains("broken.toml:"), "{}", out.stderr);
    assert!(out.stdout.contains("account-locked"));
}

#[test]
fn list_and_show_work_without_a_vault() {
    let env = Env::new();
    let nothing = env.path("none.age");
    let run = |args: &[&str]| run_command(env.cmd_at(&nothing, args), "");
    let out = run(&["playbook", "list"]).ok();
    assert!(out.stdout.contains("backup-drill"));
    assert!(out.stderr.contains("no vault"), "{}", out.stderr);
    run(&["playbook", "show", "fund-loss"]).ok();
    let out = run(&["playbook", "check", "fund-loss", "x"]).code(4);
    assert!(!out.stderr.is_empty());
}

#[test]
fn skip_sets_a_step_aside_with_a_reason_and_refuses_without_one() {
    let env = Env::new();
    let pb = "fund-loss";
    // Refusals leave the vault byte for byte as it was.
    let before = env.vault_bytes();
    let out = env
        .run(&["playbook", "skip", pb, "send-report", "--reason", " "])
        .code(1);
    assert!(out.stderr.contains("--reason"), "{}", out.stderr);
    let out = env
        .run(&["playbook", "skip", pb, "custody", "--reason", "n/a"])
        .code(1);
    assert!(out.stderr.contains("playbook answer"), "{}", out.stderr);
    let out = env
        .run(&["playbook", "skip", pb, "no-such-step", "--reason", "n/a"])
        .code(1);
    assert!(
        out.stderr.contains("Next on your path: `custody`"),
        "{}",
        out.stderr
    );
    let out = env.run(&["playbook", "skip", pb, "send-report"]).code(2);
    assert!(out.stderr.contains("--reason"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);

    env.run(&["playbook", "answer", pb, "custody", "self-held"])
        .ok();
    let out = env
        .run(&[
            "playbook",
            "skip",
            pb,
            "send-report",
            "--reason",
            "self-held wallet: no provider",
        ])
        .ok();
    assert!(out.stderr.contains("aside"), "{}", out.stderr);
    let v = show_json(&env, pb);
    let s = step(&v, "send-report");
    assert_eq!(s["state"], "done");
    assert_eq!(s["not_applicable"], "self-held wallet: no provider");
    assert_eq!(s["contact"], true);
    assert_eq!(s["warnings"][0], "fake-support");
    let out = env.run(&["playbook", "report", pb]).ok();
    assert!(
        out.stdout
            .contains("Does not apply: self-held wallet: no provider"),
        "{}",
        out.stdout
    );
    // The same again changes nothing; uncheck takes it back.
    let before = env.vault_bytes();
    env.run(&[
        "playbook",
        "skip",
        pb,
        "send-report",
        "--reason",
        "self-held wallet: no provider",
    ])
    .ok();
    assert_eq!(env.vault_bytes(), before);
    env.run(&["playbook", "uncheck", pb, "send-report"]).ok();
    let v = show_json(&env, pb);
    assert_eq!(step(&v, "send-report")["not_applicable"], Value::Null);
}
