//! End-to-end test of the TUI: the real debug binary driven in tmux.
//! Unlock by typing the passphrase, search, open an item, reveal it, answer
//! and tick playbook steps, quit; then check with the library that the
//! steps are recorded in the vault, and that no secret is left on the
//! shell's screen or scrollback. tmux missing fails under `CI=true`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use lifeboat::secret::SecretString;
use lifeboat::vault::{Unlock, Vault};

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");
const PASSPHRASE: &str = "tmux test passphrase 42";
const WORDS: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success());
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Types text literally (no key-name interpretation).
    fn type_text(&self, text: &str) {
        assert!(self
            .cmd(&["send-keys", "-t", "main", "-l", text])
            .status
            .success());
        std::thread::sleep(Duration::from_millis(150));
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-t", "main", "-p"]).stdout)
            .into_owned()
    }

    /// The visible screen and the whole scrollback.
    fn history(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["capture-pane", "-t", "main", "-p", "-S", "-", "-E", "-"])
                .stdout,
        )
        .into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {needle:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Only this test's own server, by its socket name.
        let _ = self.cmd(&["kill-server"]);
    }
}

fn sh(dir: &Path, script: &str, stdin: &str) {
    use std::io::Write;
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn make_vault(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("pass"), format!("{PASSPHRASE}\n")).unwrap();
    let vault = dir.join("vault.age");
    sh(
        dir,
        &format!(
            "'{BIN}' --vault vault.age init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 \
             --allow-weak-passphrase --recovery-key-out key.txt --passphrase-fd 3 3<pass"
        ),
        "",
    );
    sh(
        dir,
        &format!("'{BIN}' --vault vault.age add seed 'Test wallet' --account wallet.example --passphrase-fd 3 3<pass"),
        WORDS,
    );
    sh(
        dir,
        &format!("'{BIN}' --vault vault.age add note 'Unrelated note' --passphrase-fd 3 3<pass"),
        "just a note",
    );
    vault
}

#[test]
fn unlock_search_reveal_tick_quit_in_tmux() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = make_vault(dir.path());
    let tmux = Tmux {
        socket: format!("lifeboat-test-{}", std::process::id()),
    };
    let started = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "main",
        "-x",
        "120",
        "-y",
        "40",
        "bash --norc --noprofile",
    ]);
    assert!(started.status.success(), "{started:?}");
    tmux.type_text(&format!(
        "cd '{}' && HOME='{}' XDG_CONFIG_HOME='{}/config' '{BIN}' --vault vault.age",
        dir.path().display(),
        dir.path().display(),
        dir.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Passphrase:");

    // A wrong passphrase first.
    tmux.type_text("not the passphrase");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Wrong passphrase");
    tmux.type_text(PASSPHRASE);
    let s = tmux.screen();
    assert!(!s.contains(PASSPHRASE), "the passphrase is masked");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 of 2");

    // Search and open.
    tmux.keys(&["/"]);
    tmux.type_text("wallet");
    tmux.wait_for("1 of 2");
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("bip39, 12 words");
    assert!(!s.contains("abandon"), "masked until revealed:\n{s}");
    tmux.keys(&["r"]);
    let s = tmux.wait_for("12. about");
    assert!(s.contains("1. abandon"));

    // Back (Esc alone, so it is not read as Alt+key), then the playbooks.
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    let s = tmux.wait_for("Search: wallet");
    assert!(!s.contains("abandon"));
    tmux.keys(&["Tab"]);
    tmux.wait_for("I lost the phone with my authenticator");
    let pos = lifeboat::playbook::builtin()
        .iter()
        .position(|p| p.id == "lost-2fa-device")
        .unwrap();
    for _ in 0..pos {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for("Was the device stolen");
    tmux.keys(&["2"]); // broken: nobody else has it
    tmux.wait_for("1 of 9 steps done");
    tmux.keys(&["Space"]); // the cursor moved to list-accounts
    tmux.wait_for("2 of 9 steps done");
    tmux.wait_for("Saved.");
    tmux.keys(&["q"]);

    // Back at the shell: nothing secret on the screen or in scrollback.
    std::thread::sleep(Duration::from_millis(500));
    tmux.keys(&["echo", "shell-is-back", "Enter"]);
    tmux.wait_for("shell-is-back");
    let all = tmux.history();
    assert!(!all.contains("abandon"), "seed words left behind:\n{all}");
    assert!(!all.contains("Passphrase:"), "TUI left on screen:\n{all}");

    // The steps are in the vault.
    let v = Vault::open(&vault, &Unlock::Passphrase(SecretString::from(PASSPHRASE))).unwrap();
    let run = v
        .payload()
        .playbooks
        .run("lost-2fa-device")
        .expect("a run was recorded");
    assert_eq!(
        run.record("how-lost").and_then(|r| r.answer.as_deref()),
        Some("broken")
    );
    assert!(run
        .record("list-accounts")
        .is_some_and(|r| r.done_at.is_some()));
}

#[test]
fn bare_lifeboat_without_a_terminal_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&[][..], &["tui"][..], &["demo"][..]] {
        let out = Command::new(BIN)
            .args(args)
            .arg("--vault")
            .arg(dir.path().join("vault.age"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}
