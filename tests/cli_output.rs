//! Output that cannot be written: every command that prints, with stdout
//! on `/dev/full` (exit 1, a message on stderr, no panic), on a pipe whose
//! reader has gone (quiet, exit 0, as `| head` expects), and with stderr
//! on `/dev/full` (the message moves to stdout, exit 1). `init` never
//! leaves a vault behind whose recovery key nobody saw.

mod vault_harness;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use vault_harness::{Env, BIN, TINY_KDF};

/// Where one stream goes.
#[derive(Clone, Copy, Debug)]
enum Sink {
    /// `/dev/full`: every write fails with ENOSPC.
    Full,
    /// A pipe whose read end is already closed: every write fails with EPIPE.
    Closed,
}

fn sink(s: Sink) -> Stdio {
    match s {
        Sink::Full => std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
            .into(),
        Sink::Closed => {
            let (reader, writer) = std::io::pipe().expect("pipe");
            drop(reader);
            writer.into()
        }
    }
}

/// A finished run: exit code and the stream that was not redirected.
#[derive(Debug)]
struct Run {
    code: i32,
    other: String,
}

/// Runs `cmd` with stdout (or stderr, when `on_stderr`) sent to `to`,
/// capturing the other stream.
fn run_to(cmd: Command, to: Sink, on_stderr: bool) -> Run {
    run_with_input(cmd, to, on_stderr, None)
}

/// [`run_to`] with stdin read from a file.
fn run_with_input(mut cmd: Command, to: Sink, on_stderr: bool, input: Option<&Path>) -> Run {
    match input {
        Some(p) => cmd.stdin(std::fs::File::open(p).unwrap()),
        None => cmd.stdin(Stdio::null()),
    };
    if on_stderr {
        cmd.stderr(sink(to)).stdout(Stdio::piped());
    } else {
        cmd.stdout(sink(to)).stderr(Stdio::piped());
    }
    let started = Instant::now();
    let mut child = cmd.spawn().expect("spawn");
    let mut pipe: Box<dyn Read + Send> = if on_stderr {
        Box::new(child.stdout.take().unwrap())
    } else {
        Box::new(child.stderr.take().unwrap())
    };
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = pipe.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("{cmd:?} took too long");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code().unwrap_or(-1),
        other: reader.join().unwrap(),
    }
}

/// A vault with one item of each kind that prints, a backup of it, and a
/// playbook file to validate.
struct Fixture {
    env: Env,
    note: std::path::PathBuf,
    backup: String,
    playbook: String,
}

fn fixture() -> Fixture {
    let env = Env::init();
    env.add_note("n", "a secret note");
    env.pass_cmd(
        &["add", "totp", "t"],
        Some(b"otpauth://totp/Ex:ann?secret=JBSWY3DPEHPK3PXP&issuer=Ex"),
    )
    .ok();
    env.pass_cmd(
        &["add", "codes", "c"],
        Some(b"aaaa-1111\nbbbb-2222\ncccc-3333\n"),
    )
    .ok();
    let dir = env.dir.path().join("backups");
    let out = env.pass_cmd(&["backup", dir.to_str().unwrap()], None).ok();
    let backup = out.stdout.trim().to_owned();
    env.pass_cmd(
        &[
            "playbook",
            "check",
            "account-locked",
            "write-down-message",
            "--note",
            "locked out",
        ],
        None,
    )
    .ok();
    let playbook = env.dir.path().join("p.toml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/playbooks/en/account-locked.toml"
        ),
        &playbook,
    )
    .unwrap();
    let note = env.dir.path().join("note.txt");
    std::fs::write(&note, "a note from stdin").unwrap();
    Fixture {
        env,
        note,
        backup,
        playbook: playbook.to_str().unwrap().to_owned(),
    }
}

/// Every command that prints on stdout, as the passphrase would run it.
fn printing_commands(f: &Fixture) -> Vec<Vec<String>> {
    let backups = f.env.dir.path().join("more-backups");
    let cases: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", "n"],
        vec!["show", "n", "--reveal"],
        vec!["show", "c", "--reveal"],
        vec!["show", "t", "--json", "--reveal"],
        vec!["code", "t"],
        vec!["code", "t", "--json"],
        vec!["recipient", "list"],
        vec!["export"],
        vec!["export", "--format", "otpauth"],
        vec!["backup", backups.to_str().unwrap()],
        vec!["verify", &f.backup],
        vec!["split", "--threshold", "2", "--shares", "3"],
        vec!["doctor", "--json"],
        vec!["playbook", "list"],
        vec!["playbook", "list", "--json"],
        vec!["playbook", "show", "account-locked"],
        vec!["playbook", "report", "account-locked"],
        vec!["playbook", "validate", &f.playbook],
        vec!["add", "note", "via-json", "--json"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["man"],
        vec!["config", "path"],
        vec!["config", "show"],
        vec!["config", "show", "--json"],
        vec!["--help"],
        vec!["add", "--help"],
        vec!["--version"],
    ];
    cases
        .into_iter()
        .map(|c| c.into_iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn every_printing_command_fails_cleanly_on_a_full_disk() {
    let f = fixture();
    for (n, args) in printing_commands(&f).iter().enumerate() {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        // `add` needs a fresh name each time.
        let fresh = format!("full-{n}");
        if args[0] == "add" && args.len() > 2 {
            args[2] = &fresh;
        }
        let cmd = f.env.pass_command(&args);
        let input = (args[0] == "add").then_some(f.note.as_path());
        let r = run_with_input(cmd, Sink::Full, false, input);
        assert_eq!(r.code, 1, "{args:?} to /dev/full: {r:#?}");
        assert!(
            r.other.contains("writing the output failed") && r.other.contains("No space"),
            "{args:?}: no clear message: {r:#?}"
        );
        assert!(!r.other.contains("panicked"), "{args:?} panicked: {r:#?}");
    }
}

#[test]
fn every_printing_command_ends_quietly_on_a_closed_pipe() {
    let f = fixture();
    for (n, args) in printing_commands(&f).iter().enumerate() {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        let fresh = format!("pipe-{n}");
        if args[0] == "add" && args.len() > 2 {
            args[2] = &fresh;
        }
        let cmd = f.env.pass_command(&args);
        let input = (args[0] == "add").then_some(f.note.as_path());
        let r = run_with_input(cmd, Sink::Closed, false, input);
        assert_eq!(r.code, 0, "{args:?} to a closed pipe: {r:#?}");
        assert!(
            !r.other.contains("lifeboat:") && !r.other.contains("panicked"),
            "{args:?}: not quiet: {r:#?}"
        );
    }
}

#[test]
fn messages_move_to_stdout_when_stderr_is_full() {
    let f = fixture();
    // A command that succeeds but whose message on stderr is lost.
    let r = run_to(f.env.pass_command(&["rm", "n", "--yes"]), Sink::Full, true);
    assert_eq!(r.code, 1, "{r:#?}");
    assert!(
        r.other.contains("could not write messages to stderr"),
        "{r:#?}"
    );
    // An error: its message goes to stdout instead, with its exit code.
    let r = run_to(f.env.pass_command(&["show", "missing"]), Sink::Full, true);
    assert_eq!(r.code, 1, "{r:#?}");
    assert!(r.other.contains("no item named"), "{r:#?}");
    let r = run_to(
        f.env.pass_command(&["show", "t", "--reveal"]),
        Sink::Full,
        true,
    );
    assert_eq!(r.code, 0, "show writes nothing on stderr: {r:#?}");
    assert!(r.other.contains("JBSWY3DPEHPK3PXP"), "{r:#?}");
}

#[test]
fn init_never_keeps_a_vault_whose_recovery_key_was_not_shown() {
    for (sink_to, json) in [
        (Sink::Full, false),
        (Sink::Full, true),
        (Sink::Closed, false),
    ] {
        let env = Env::empty();
        let mut args = vec!["init"];
        if json {
            args.push("--json");
        }
        args.extend(TINY_KDF);
        let r = run_to(env.pass_command(&args), sink_to, false);
        assert_eq!(r.code, 1, "{sink_to:?} json={json}: {r:#?}");
        assert!(
            r.other.contains("recovery key could not be shown") && r.other.contains("was removed"),
            "{r:#?}"
        );
        assert!(!r.other.contains("panicked"), "{r:#?}");
        assert!(!env.vault.exists(), "a vault without a shown key was left");
    }
    // Both streams full: still no panic, still no vault left behind.
    let env = Env::empty();
    let mut args = vec!["init"];
    args.extend(TINY_KDF);
    let mut cmd = env.pass_command(&args);
    cmd.stdin(Stdio::null())
        .stdout(sink(Sink::Full))
        .stderr(sink(Sink::Full));
    let status = cmd.status().unwrap();
    assert_eq!(status.code(), Some(1));
    assert!(!env.vault.exists());
    // The same init with stdout that works shows the key and keeps the vault.
    let env = Env::empty();
    let mut args = vec!["init"];
    args.extend(TINY_KDF);
    let out = env.pass_cmd(&args, None).ok();
    assert!(out.stdout.trim().starts_with("AGE-SECRET-KEY-1"), "{out:?}");
    assert!(env.vault.exists());
    let _ = BIN;
}
