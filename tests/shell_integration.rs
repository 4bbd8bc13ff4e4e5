//! Shell integration, checked with the real tools: bash loads the bash
//! completion script and completes command names and values; every man
//! page renders through `man -l` at 80 columns with groff's warnings on and
//! none reported; the other shells' scripts name the commands.

mod common;

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");

/// What bash's completion offers for the words typed so far (the last
/// word is the one being completed).
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = r#"
source <("$LIFEBOAT_BIN" completions bash) || exit 3
fn=$(complete -p lifeboat | sed -n 's/.*-F \([^ ]*\).*/\1/p')
[ -n "$fn" ] || { echo "no completion function registered" >&2; exit 4; }
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
"$fn" lifeboat "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg("bash")
        .args(words)
        .env("LIFEBOAT_BIN", BIN)
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "bash completion failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_commands_subcommands_and_values() {
    assert_eq!(bash_complete(&["lifeboat", "pla"]), ["playbook"]);
    assert_eq!(bash_complete(&["lifeboat", "playbook", "ch"]), ["check"]);
    assert_eq!(bash_complete(&["lifeboat", "comp"]), ["completions"]);
    let kinds = bash_complete(&["lifeboat", "list", "--kind", ""]);
    for k in ["seed", "key", "totp", "codes", "password", "note"] {
        assert!(kinds.iter().any(|c| c == k), "{k} not offered: {kinds:?}");
    }
    let shells = bash_complete(&["lifeboat", "completions", ""]);
    for s in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(shells.iter().any(|c| c == s), "{s} not offered: {shells:?}");
    }
    // Global options complete after a subcommand too.
    let opts = bash_complete(&["lifeboat", "show", "--va"]);
    assert_eq!(opts, ["--vault"]);
}

#[test]
fn every_shell_gets_a_script_naming_the_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = Command::new(BIN)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}: {out:?}");
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["playbook", "recipient", "vault", "passphrase-fd"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    let bad = Command::new(BIN)
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

fn render(page: &Path) -> String {
    let out = Command::new("man")
        .arg("--warnings=all")
        .arg("-l")
        .arg(page)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("man");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "man -l {}: {stderr}", page.display());
    assert!(
        stderr.trim().is_empty(),
        "man -l {} warned:\n{stderr}",
        page.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_man_page_renders_without_warnings() {
    if common::oracle_tool("man").is_none() || common::oracle_tool("groff").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    let names: Vec<String> = pages
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // The main page and one per command, nested ones included.
    for want in [
        "lifeboat.1",
        "lifeboat-init.1",
        "lifeboat-add.1",
        "lifeboat-show.1",
        "lifeboat-playbook-check.1",
        "lifeboat-codes-use.1",
        "lifeboat-completions.1",
        "lifeboat-man.1",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} missing: {names:?}");
    }
    assert!(pages.len() >= 30, "too few pages: {names:?}");
    for page in &pages {
        let text = render(page);
        assert!(text.contains("NAME"), "{}: {text}", page.display());
    }
    // Known options appear on the pages that own them, wrapped to 80 columns.
    let main = render(&dir.path().join("lifeboat.1"));
    assert!(
        main.contains("--vault") && main.contains("--passphrase-fd"),
        "{main}"
    );
    assert!(main.lines().all(|l| l.chars().count() <= 80), "{main}");
    let add = render(&dir.path().join("lifeboat-add.1"));
    assert!(
        add.contains("--scheme") && add.contains("SEED OPTIONS"),
        "{add}"
    );
    // `man` alone prints the main page on stdout.
    let stdout = Command::new(BIN).arg("man").output().unwrap();
    assert!(stdout.status.success());
    assert!(String::from_utf8_lossy(&stdout.stdout).starts_with(".ie \\n(.g"));
}
