//! The TUI and the CLI on one vault at once, in tmux: a CLI `add` while a
//! playbook note is being written in the TUI. The TUI's save finds the
//! vault changed on disk, merges its note into the new version and says
//! so; both changes end in the vault, and "NOT SAVED" never appears. And a
//! Syncthing conflict copy that appears beside the vault while the TUI is
//! open is offered, previewed and merged from the TUI, then kept in the
//! backup folder. tmux missing fails under `CI=true`.

mod common;

use std::path::Path;
use std::time::Duration;

use common::tmux::Tmux;
use lifeboat::secret::SecretString;
use lifeboat::vault::{Unlock, Vault};

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");
const PASSPHRASE: &str = "tmux merge passphrase 42";

fn cli(dir: &Path, args: &str, stdin: &str) {
    common::bash_ok(
        dir,
        &format!("'{BIN}' --vault vault.age {args} --passphrase-fd 3 3<pass"),
        stdin,
    );
}

#[test]
fn a_cli_add_while_a_note_is_written_in_the_tui_keeps_both() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("pass"), format!("{PASSPHRASE}\n")).unwrap();
    cli(
        d,
        "init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf \
         --allow-weak-passphrase --recovery-key-out key.txt",
        "",
    );
    cli(d, "add note 'First note'", "one");

    let tmux = Tmux::start(100, 30);
    tmux.type_text(&format!(
        "cd '{}' && HOME='{}' XDG_CONFIG_HOME='{}/config' '{BIN}' --vault vault.age",
        d.display(),
        d.display(),
        d.display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Passphrase:");
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("First note");
    tmux.keys(&["Tab"]);
    tmux.wait_for("My account is locked");
    let pos = lifeboat::playbook::builtin()
        .iter()
        .position(|p| p.id == "account-locked")
        .unwrap();
    tmux.keys(&["g"]);
    for _ in 0..pos {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for("Which account is this incident about?");
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["g", "Space"]);
    tmux.wait_for("Enter save");
    tmux.type_text("Locked at 09:12 after the SIM swap");

    // Meanwhile, in another terminal.
    cli(d, "add note 'Added from the CLI'", "two");

    tmux.keys(&["Enter"]);
    let s = tmux.wait_until("the save's notice", |s| {
        s.contains("merged") || s.contains("NOT SAVED") || s.contains("failed")
    });
    assert!(!s.contains("NOT SAVED"), "{s}");
    assert!(s.contains("merged"), "{s}");
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));

    let v = Vault::open(
        &d.join("vault.age"),
        &Unlock::Passphrase(SecretString::from(PASSPHRASE)),
    )
    .unwrap();
    let names: Vec<&str> = v.payload().items.iter().map(|i| i.name.as_str()).collect();
    assert!(names.contains(&"Added from the CLI"), "{names:?}");
    assert!(names.contains(&"First note"), "{names:?}");
    let note = v
        .payload()
        .playbooks
        .run("account-locked")
        .and_then(|r| r.record("write-down-message").cloned())
        .and_then(|r| r.note)
        .expect("the TUI's note was saved");
    assert_eq!(note, "Locked at 09:12 after the SIM swap");
}

#[test]
fn a_syncthing_conflict_copy_is_noticed_and_merged_in_the_tui() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("pass"), format!("{PASSPHRASE}\n")).unwrap();
    cli(
        d,
        "init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf \
         --allow-weak-passphrase --recovery-key-out key.txt",
        "",
    );
    cli(d, "add note 'First note'", "one");
    // The laptop's copy goes its own way...
    std::fs::create_dir(d.join("laptop")).unwrap();
    std::fs::copy(d.join("vault.age"), d.join("laptop/vault.age")).unwrap();
    common::bash_ok(
        d,
        &format!(
            "'{BIN}' --vault laptop/vault.age add note 'From the laptop' --passphrase-fd 3 3<pass"
        ),
        "two",
    );
    // ...and so does this one.
    cli(d, "add note 'From the desk'", "three");

    let tmux = Tmux::start(100, 30);
    tmux.type_text(&format!(
        "cd '{}' && HOME='{}' XDG_CONFIG_HOME='{}/config' '{BIN}' --vault vault.age",
        d.display(),
        d.display(),
        d.display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Passphrase:");
    tmux.type_text(PASSPHRASE);
    tmux.keys(&["Enter"]);
    tmux.wait_for("From the desk");
    // Past the look at unlock: the copy below is found by a later one.
    std::thread::sleep(Duration::from_millis(1000));
    assert!(!tmux.screen().contains("conflict copy"));

    // Syncthing found both changed and kept the laptop's as a conflict
    // copy, while the TUI is open.
    let copy = d.join("vault.sync-conflict-20261130-081200-ABCDEFG.age");
    std::fs::copy(d.join("laptop/vault.age"), &copy).unwrap();
    tmux.wait_for("m to review and merge");
    tmux.keys(&["m"]);
    let s = tmux.wait_for("adds: From the laptop");
    assert!(s.contains("Syncthing"), "{s}");
    assert!(copy.exists(), "looking changes nothing");
    tmux.keys(&["Enter"]);
    let s = tmux.wait_until("the merge's notice", |s| {
        s.contains("Merged") || s.contains("not merged") || s.contains("failed")
    });
    assert!(s.contains("Merged"), "{s}");
    assert!(
        s.contains("From the laptop"),
        "the list shows the merged item: {s}"
    );
    assert!(!s.contains("m to review and merge"), "{s}");
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(500));

    let v = Vault::open(
        &d.join("vault.age"),
        &Unlock::Passphrase(SecretString::from(PASSPHRASE)),
    )
    .unwrap();
    let mut names: Vec<&str> = v.payload().items.iter().map(|i| i.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        vec!["First note", "From the desk", "From the laptop"]
    );
    assert!(!copy.exists(), "the merged copy left the vault's folder");
    let kept = d
        .join("lifeboat-merged")
        .join("vault.sync-conflict-20261130-081200-ABCDEFG.age");
    assert!(kept.exists(), "the copy is kept in the backup folder");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(d.join("laptop/vault.age")).unwrap(),
        "moved as it was"
    );
}
