//! Where the vault's files live: a vault reached through a symbolic link
//! is saved in place of the real file (with its lock, temp files and
//! `.prev` beside it), the lock file is named after the full vault file
//! name, and a folder other users can write to is refused by `init`,
//! warned about on every open and reported by `doctor` with the fix.

mod vault_harness;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use vault_harness::{run, with_fd3, Env, Out, LIMIT, TINY_KDF};

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Runs lifeboat with the passphrase on `vault` (any path).
fn pass_at(env: &Env, vault: &Path, args: &[&str], input: Option<&[u8]>) -> Out {
    let mut a = vec!["--vault", vault.to_str().unwrap()];
    a.extend_from_slice(args);
    a.extend(["--passphrase-fd", "3"]);
    run(with_fd3(&env.pass, &a), input, LIMIT)
}

fn init_at(env: &Env, vault: &Path) -> Out {
    let key = env.key.to_str().unwrap().to_owned();
    let mut args = vec!["init", "--recovery-key-out", &key];
    args.extend(TINY_KDF);
    pass_at(env, vault, &args, None)
}

#[test]
fn a_symlinked_vault_is_saved_beside_the_real_file() {
    let env = Env::init();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("my-vault.age");
    std::os::unix::fs::symlink(&env.vault, &link).unwrap();

    pass_at(&env, &link, &["add", "note", "via-link"], Some(b"text")).ok();
    pass_at(&env, &link, &["add", "note", "again"], Some(b"text")).ok();

    // The link is still a link to the real vault, which holds both items.
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read_link(&link).unwrap(), env.vault);
    assert_eq!(env.names(), ["via-link", "again"]);
    // Lock and previous generation beside the real file, nothing beside
    // the link.
    assert_eq!(names_in(elsewhere.path()), ["my-vault.age"]);
    let beside = names_in(env.dir.path());
    for f in ["vault.age", "vault.age.lock", "vault.age.prev"] {
        assert!(beside.contains(&f.to_owned()), "{f} missing: {beside:?}");
    }
    assert!(
        !std::fs::symlink_metadata(env.dir.path().join("vault.age.prev"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // The previous generation is the real vault's, one save back.
    let prev = env.dir.path().join("vault.age.prev");
    let out = pass_at(&env, &prev, &["list", "--json"], None).ok();
    assert_eq!(out.json().as_array().unwrap().len(), 1);
}

#[test]
fn init_through_a_dangling_link_creates_the_real_file() {
    let env = Env::empty();
    let real_dir = tempfile::tempdir().unwrap();
    let real = real_dir.path().join("vault.age");
    let link = env.dir.path().join("link.age");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    init_at(&env, &link).ok();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(
        real.is_file(),
        "the vault was not created at the link's target"
    );
    assert!(real_dir.path().join("vault.age.lock").exists());
    pass_at(&env, &real, &["list"], None).ok();
}

#[test]
fn a_vault_named_like_a_lock_file_has_its_own_lock() {
    let env = Env::empty();
    let vault = env.dir.path().join("x.lock");
    init_at(&env, &vault).ok();
    pass_at(&env, &vault, &["add", "note", "n"], Some(b"text")).ok();
    let out = pass_at(&env, &vault, &["list", "--json"], None).ok();
    assert_eq!(out.json()[0]["name"], "n");
    assert!(env.dir.path().join("x.lock.lock").exists());
    // Two vaults that differ only in extension do not share a lock.
    let other = env.dir.path().join("x.age");
    let env2 = Env::empty();
    std::fs::copy(&env.pass, &env2.pass).unwrap();
    init_at(&env2, &other).ok();
    assert!(env.dir.path().join("x.age.lock").exists());
}

#[test]
fn init_refuses_a_folder_others_can_write() {
    let env = Env::empty();
    let shared = env.dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    for mode in [0o777, 0o770, 0o1777] {
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(mode)).unwrap();
        let vault = shared.join("vault.age");
        init_at(&env, &vault)
            .code(1)
            .says(&["not private", "chmod go-w", "shared"]);
        assert!(!vault.exists(), "mode {mode:o}: vault created");
        assert!(!env.key.exists(), "mode {mode:o}: key written");
    }
    // Fixed as the message says, it works.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    init_at(&env, &shared.join("vault.age")).ok();
}

#[test]
fn every_open_warns_and_doctor_reports_a_writable_folder() {
    let env = Env::init();
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let fix = format!("chmod go-w '{}'", env.dir.path().display());
    // Reading still works (the user may need the vault now), with a warning.
    for out in [
        env.pass_cmd(&["list"], None).ok(),
        env.key_cmd(&["list"], None).ok(),
        env.pass_cmd(&["add", "note", "n"], Some(b"t")).ok(),
    ] {
        let out = out.says(&["warning", "not private", &fix]);
        assert!(!out.stdout.contains("warning"), "{out:#?}");
    }
    let out = env.pass_cmd(&["doctor", "--json"], None).code(1);
    let v = out.json();
    let folder: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "folder")
        .collect();
    assert_eq!(folder.len(), 1, "{v:#}");
    assert_eq!(folder[0]["severity"], "critical");
    assert_eq!(folder[0]["fix"], fix.as_str());
    // After the fix: no warning, doctor's folder check is ok.
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let out = env.pass_cmd(&["list"], None).ok();
    assert!(!out.stderr.contains("not private"), "{out:#?}");
    let v = env.pass_cmd(&["doctor", "--json"], None).json();
    let ok = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["check"] == "folder" && f["severity"] == "ok");
    assert!(ok, "{v:#}");
}

#[test]
fn a_folder_owned_by_another_user_is_refused_and_warned_about() {
    // Handing a folder to another user needs root (CI runs as root).
    if rustix::process::geteuid().as_raw() != 0 {
        assert!(
            std::env::var("CI").is_err(),
            "CI must run this test as root"
        );
        return;
    }
    let env = Env::empty();
    let theirs = env.dir.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::os::unix::fs::chown(&theirs, Some(4321), Some(4321)).unwrap();
    assert_eq!(std::fs::metadata(&theirs).unwrap().uid(), 4321);
    init_at(&env, &theirs.join("vault.age"))
        .code(1)
        .says(&["another user", "uid 4321"]);
    assert!(!theirs.join("vault.age").exists());
    // A vault already there opens with a warning.
    let env2 = Env::init();
    std::fs::copy(&env2.vault, theirs.join("vault.age")).unwrap();
    pass_at(&env2, &theirs.join("vault.age"), &["list"], None)
        .ok()
        .says(&["warning", "another user", "mkdir -m 700"]);
}
