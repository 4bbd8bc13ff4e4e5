//! The git merge driver: a real repository holding a vault, two branches
//! that each add and change items, and `git merge` through
//! `lifeboat merge-driver %O %A %B` configured exactly as docs/sync.md
//! says. Every change of both branches must survive; a driver that cannot
//! unlock must leave the file for git to report as conflicted.

mod common;
mod vault_harness;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use vault_harness::{Env, BIN};

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .current_dir(repo)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .env_remove("GIT_DIR")
        .output()
        .unwrap()
}

#[track_caller]
fn git_ok(repo: &Path, args: &[&str]) -> String {
    let out = git(repo, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository in the vault's folder, set up as docs/sync.md says, with
/// the driver unlocking by `driver_unlock`.
fn repo(env: &Env, driver_unlock: &str) -> PathBuf {
    let dir = env.dir.path().to_path_buf();
    git_ok(&dir, &["init", "-q", "-b", "main"]);
    std::fs::write(dir.join(".gitattributes"), "vault.age merge=lifeboat\n").unwrap();
    std::fs::write(
        dir.join(".gitignore"),
        "vault.age.prev\nvault.age.lock\n.vault.age.tmp.*\npass.txt\nkey.txt\n",
    )
    .unwrap();
    git_ok(
        &dir,
        &["config", "merge.lifeboat.name", "lifeboat vault merge"],
    );
    let driver = format!("{BIN} {driver_unlock} merge-driver %O %A %B");
    git_ok(&dir, &["config", "merge.lifeboat.driver", &driver]);
    git_ok(&dir, &["add", "-A"]);
    git_ok(&dir, &["commit", "-q", "-m", "vault"]);
    dir
}

fn payload(env: &Env) -> Value {
    let id: age::x25519::Identity = env.recovery_key().parse().unwrap();
    let plain = age::decrypt(&id, &std::fs::read(&env.vault).unwrap()).unwrap();
    serde_json::from_slice(&plain).unwrap()
}

fn item<'a>(p: &'a Value, name: &str) -> &'a Value {
    p["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("no item {name}"))
}

/// Two branches: each adds an item and changes another one.
fn diverge(env: &Env, dir: &Path) {
    git_ok(dir, &["checkout", "-q", "-b", "laptop"]);
    env.add_note("added on the laptop", "l");
    env.key_cmd(&["code", "bank hotp"], None).ok();
    git_ok(dir, &["commit", "-q", "-am", "laptop"]);
    git_ok(dir, &["checkout", "-q", "main"]);
    env.add_note("added on the desktop", "d");
    env.key_cmd(&["codes", "use", "github codes"], Some(b"bbbb-2222\n"))
        .ok();
    git_ok(dir, &["commit", "-q", "-am", "desktop"]);
}

fn seed(env: &Env) {
    env.add_note("shared", "s");
    env.pass_cmd(
        &["add", "totp", "bank hotp"],
        Some(b"otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=5\n"),
    )
    .ok();
    env.pass_cmd(
        &["add", "codes", "github codes"],
        Some(b"aaaa-1111\nbbbb-2222\ncccc-3333\n"),
    )
    .ok();
}

#[test]
fn git_merge_through_the_driver_keeps_every_change_of_both_branches() {
    if common::oracle_tool("git").is_none() {
        return;
    }
    let env = Env::init();
    seed(&env);
    let unlock = format!("--identity {}", env.key.display());
    let dir = repo(&env, &unlock);
    diverge(&env, &dir);
    let out = git(&dir, &["merge", "--no-edit", "laptop"]);
    assert!(
        out.status.success(),
        "git merge failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let p = payload(&env);
    let mut names: Vec<&str> = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "added on the desktop",
            "added on the laptop",
            "bank hotp",
            "github codes",
            "shared"
        ]
    );
    // The laptop's HOTP code advanced the counter; the desktop used a code.
    assert_eq!(item(&p, "bank hotp")["secret"]["counter"], 6);
    let codes = item(&p, "github codes")["secret"]["codes"]
        .as_array()
        .unwrap()
        .clone();
    assert!(codes[1]["used"].is_string(), "{codes:?}");
    assert!(codes[0]["used"].is_null() && codes[2]["used"].is_null());
    // The merged file is a genuine vault: the passphrase opens it.
    env.pass_cmd(&["list"], None).ok();
    // Nothing left behind in the work tree.
    let status = git_ok(&dir, &["status", "--porcelain"]);
    assert!(status.trim().is_empty(), "{status}");
}

#[test]
fn a_driver_that_cannot_unlock_leaves_the_file_conflicted_and_whole() {
    if common::oracle_tool("git").is_none() {
        return;
    }
    let env = Env::init();
    seed(&env);
    // No identity, no descriptor, and (under `cargo test`, without a
    // controlling terminal for git's child) no terminal.
    let dir = repo(&env, "");
    diverge(&env, &dir);
    let ours = std::fs::read(&env.vault).unwrap();
    let out = Command::new("setsid")
        .current_dir(&dir)
        .args([
            "git",
            "-c",
            "user.name=T",
            "-c",
            "user.email=t@e",
            "merge",
            "--no-edit",
            "laptop",
        ])
        .env("HOME", &dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{all}");
    assert!(all.contains("CONFLICT"), "{all}");
    assert!(all.contains("not merged"), "{all}");
    // git left this branch's version in place, whole and unchanged.
    assert_eq!(std::fs::read(&env.vault).unwrap(), ours);
}
