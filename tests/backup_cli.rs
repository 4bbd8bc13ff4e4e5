//! `backup`, `verify` and `restore` through the real binary: verified
//! copies (decrypted by stock `age`), rotation, the only good backup never
//! deleted, a kill -9 loop, damaged and foreign backups, and restore round
//! trips (also over a damaged or missing vault).

mod common;
mod recovery_support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use recovery_support::{code, stderr, stdout, TestVault};

fn backups_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            lifeboat::recovery::backup::parse_backup_name(&p.file_name().unwrap().to_string_lossy())
                .is_some()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn backup_writes_a_verified_private_copy_and_records_it() {
    let tv = TestVault::fast();
    tv.add_note("A", "alpha");
    let out = tv.ok("backup bk");
    let printed = stdout(&out).trim().to_owned();
    let path = tv.join(&printed);
    assert!(path.is_file(), "{printed}");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        lifeboat::recovery::backup::parse_backup_name(&name).is_some(),
        "{name}"
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The same bytes as the vault at the time (the vault has since been
    // saved once more to record the backup, so compare with .prev).
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(tv.join("vault.age.prev")).unwrap()
    );
    // Stock age opens it with the recovery key.
    if let Some(r) = tv.age_decrypt(&path) {
        let json = r.unwrap();
        assert_eq!(json["items"][0]["name"], "A");
    }
    if let Some(p) = tv.payload() {
        assert!(p["history"]["last_backup"].is_string(), "{}", p["history"]);
    }
    // JSON output shape.
    let out = tv.ok("backup bk --json");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verified"], true);
    assert_eq!(v["kept"], 2);
    assert!(v["path"].as_str().unwrap().contains("lifeboat-"));
}

#[test]
fn rotation_keeps_the_newest_n_and_ignores_other_files() {
    let tv = TestVault::fast();
    let bk = tv.join("bk");
    std::fs::create_dir(&bk).unwrap();
    // Old backups (any content), and files that are not backups.
    for n in [
        "lifeboat-20200101T000000Z.age",
        "lifeboat-20200102T000000Z.age",
        "lifeboat-20200103T000000Z-2.age",
    ] {
        std::fs::write(bk.join(n), b"old").unwrap();
    }
    for n in ["notes.txt", "lifeboat-mine.age", "vault.age"] {
        std::fs::write(bk.join(n), b"keep me").unwrap();
    }
    let mut last = String::new();
    for _ in 0..4 {
        last = stdout(&tv.ok("backup bk --keep 3")).trim().to_owned();
    }
    let left = backups_in(&bk);
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(left.contains(&tv.join(&last)));
    assert!(left.iter().all(|p| !p.to_string_lossy().contains("2020")));
    for n in ["notes.txt", "lifeboat-mine.age", "vault.age"] {
        assert!(bk.join(n).exists(), "{n} was removed");
    }
    // Same-second backups got distinct names, all of which open.
    for p in &left {
        if let Some(r) = tv.age_decrypt(p) {
            r.unwrap();
        }
    }
}

#[test]
fn the_only_good_backup_is_never_deleted() {
    let tv = TestVault::fast();
    let bk = tv.join("bk");
    std::fs::create_dir(&bk).unwrap();
    // A damaged "backup" dated in the future sorts newest: with --keep 1 the
    // new verified backup must still be the one that stays.
    let future = bk.join("lifeboat-29991231T235959Z.age");
    std::fs::write(&future, b"garbage").unwrap();
    let new = stdout(&tv.ok("backup bk --keep 1")).trim().to_owned();
    let left = backups_in(&bk);
    assert_eq!(left, vec![tv.join(&new)]);
    if let Some(r) = tv.age_decrypt(&tv.join(&new)) {
        r.unwrap();
    }
    // A backup that fails (wrong passphrase) deletes nothing.
    std::fs::write(tv.join("wrong"), "not the passphrase\n").unwrap();
    let out = tv.sh("$LB backup bk --keep 1 --passphrase-fd 3 3<wrong");
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert_eq!(backups_in(&bk), vec![tv.join(&new)]);
}

#[test]
fn backups_survive_kill_9_at_random_moments() {
    use rand::Rng;
    use std::process::{Command, Stdio};
    let tv = TestVault::fast();
    let bk = tv.join("bk");
    // How long one backup takes here, to spread the kills over it.
    let t0 = std::time::Instant::now();
    tv.sh("$LB backup bk --identity key.txt --keep 3");
    let span = t0.elapsed().as_micros().max(2000) as u64;
    let mut rng = rand::thread_rng();
    let mut finished = 0;
    for _ in 0..100 {
        let mut child = Command::new(recovery_support::bin())
            .args(["backup", "bk", "--identity", "key.txt", "--keep", "3"])
            .current_dir(tv.path())
            .env("LIFEBOAT_VAULT", tv.vault())
            .env("LIFEBOAT_LOCK_WAIT_MS", "5000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(
            rng.gen_range(0..span * 12 / 10),
        ));
        let _ = child.kill(); // SIGKILL
        if child.wait().unwrap().success() {
            finished += 1;
        }
    }
    eprintln!("{finished} of 100 backups finished before the kill");
    let mut leftovers = 0;
    for e in std::fs::read_dir(&bk).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if lifeboat::recovery::backup::parse_backup_name(&name).is_some() {
            let r = tv.age_decrypt(&e.path());
            if let Some(r) = r {
                assert!(r.is_ok(), "{name} does not open: {:?}", r.err());
            } else {
                // Without age, the binary's own verify must open it.
                let out = tv.sh(&format!("$LB verify bk/{name} --identity key.txt"));
                assert_eq!(code(&out), 0, "{name}: {}", stderr(&out));
            }
        } else {
            assert!(
                name.starts_with(lifeboat::recovery::backup::TEMP_PREFIX),
                "unexpected file {name}"
            );
            leftovers += 1;
        }
    }
    eprintln!("{leftovers} temp leftovers (not counted as backups)");
    // The vault itself still opens, and one more backup works.
    tv.ok("list");
    let last = stdout(&tv.ok("backup bk --keep 3")).trim().to_owned();
    let left = backups_in(&bk);
    assert!(left.len() <= 3, "{left:?}");
    assert!(left.contains(&tv.join(&last)));
}

#[test]
fn verify_reports_differences_and_records_the_drill() {
    let tv = TestVault::fast();
    tv.add_note("A", "alpha");
    tv.add_note("B", "beta");
    let file = stdout(&tv.ok("backup bk")).trim().to_owned();
    let out = tv.ok(&format!("verify {file}"));
    assert!(stdout(&out).contains("identical"), "{}", stdout(&out));
    if let Some(p) = tv.payload() {
        assert!(p["history"]["last_drill"].is_string());
    }
    tv.add_note("C", "gamma");
    tv.ok("rm A");
    let out = tv.ok(&format!("verify {file} --json"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["identical"], false);
    assert_eq!(v["added"], serde_json::json!(["C"]));
    assert_eq!(v["removed"], serde_json::json!(["A"]));
    assert_eq!(v["changed"], serde_json::json!([]));
    let human = stdout(&tv.ok(&format!("verify {file}")));
    assert!(human.contains("added since the backup: C"), "{human}");
    assert!(human.contains("removed since the backup: A"), "{human}");
    // The recovery key is an unlock path for verify as well.
    let out = tv.sh(&format!("$LB verify {file} --identity key.txt"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn verify_catches_a_flipped_bit_a_wrong_key_and_a_foreign_vault() {
    let tv = TestVault::fast();
    tv.add_note("A", "alpha");
    let file = stdout(&tv.ok("backup bk")).trim().to_owned();
    let good = std::fs::read(tv.join(&file)).unwrap();
    // A flipped bit in the payload: exit 4, and says damaged.
    let mut bad = good.clone();
    let n = bad.len() - 10;
    bad[n] ^= 0x01;
    std::fs::write(tv.join("flipped.age"), &bad).unwrap();
    let out = tv.run("verify flipped.age");
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
    // Truncated: exit 4.
    std::fs::write(tv.join("short.age"), &good[..good.len() / 2]).unwrap();
    assert_eq!(code(&tv.run("verify short.age")), 4);
    // Missing: exit 4.
    assert_eq!(code(&tv.run("verify nothing.age")), 4);
    // A key that does not open it: exit 3.
    std::fs::write(
        tv.join("other.txt"),
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX\n",
    )
    .unwrap();
    let out = tv.sh(&format!("$LB verify {file} --identity other.txt"));
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    // After a passphrase change, the backup keeps the old passphrase: exit 3
    // with the reason.
    std::fs::write(tv.join("new"), "another long passphrase here\n").unwrap();
    let out = tv.sh(
        "$LB passwd --passphrase-fd 3 3<pw --new-passphrase-fd 4 4<new --allow-weak-passphrase",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = tv.sh(&format!("$LB verify {file} --passphrase-fd 3 3<new"));
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("changed after"), "{}", stderr(&out));
    // A foreign vault that happens to share the passphrase: exit 1.
    let other = TestVault::fast();
    let ofile = stdout(&other.ok("backup bk")).trim().to_owned();
    std::fs::copy(other.join(&ofile), tv.join("foreign.age")).unwrap();
    let out = tv.sh("$LB verify foreign.age --passphrase-fd 3 3<new");
    assert_eq!(code(&out), 3, "different passphrase now: {}", stderr(&out));
    let out = other.run(&format!("verify {}", tv.join("flipped.age").display()));
    assert_eq!(code(&out), 4);
    let out = other.run(&format!("verify {}", tv.join(&file).display()));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("different vault"), "{}", stderr(&out));
}

#[test]
fn restore_round_trip_keeps_the_previous_generation() {
    let tv = TestVault::fast();
    tv.add_note("A", "alpha");
    let file = stdout(&tv.ok("backup bk")).trim().to_owned();
    tv.add_note("X", "added after the backup");
    let out = tv.ok(&format!("restore {file}"));
    assert!(
        stderr(&out).contains("keys came with it"),
        "{}",
        stderr(&out)
    );
    let list = stdout(&tv.ok("list --json"));
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["A"]);
    // The vault as it was (with X) is the previous generation.
    if let Some(r) = tv.age_decrypt(&tv.join("vault.age.prev")) {
        let prev = r.unwrap();
        let prev_names: Vec<&str> = prev["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap())
            .collect();
        assert_eq!(prev_names, ["A", "X"]);
    }
    assert_eq!(
        std::fs::metadata(tv.vault()).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn restore_works_over_a_damaged_or_missing_vault() {
    let tv = TestVault::fast();
    tv.add_note("A", "alpha");
    let file = stdout(&tv.ok("backup bk")).trim().to_owned();
    std::fs::write(tv.vault(), b"age-encryption.org/v1\n-> garbage\n").unwrap();
    assert_eq!(code(&tv.run("list")), 4);
    // verify still checks the backup on its own.
    let out = tv.run(&format!("verify {file}"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot be read"), "{}", stderr(&out));
    tv.ok(&format!("restore {file}"));
    assert!(stdout(&tv.ok("list")).contains('A'));
    // The damaged file is kept as .prev, not thrown away.
    assert!(std::fs::read(tv.join("vault.age.prev"))
        .unwrap()
        .starts_with(b"age-encryption.org/v1\n-> garbage"));
    std::fs::remove_file(tv.vault()).unwrap();
    tv.ok(&format!("restore {file}"));
    assert!(stdout(&tv.ok("list")).contains('A'));
}

#[test]
fn restore_refuses_another_vaults_backup_unless_forced() {
    let tv = TestVault::fast();
    let other = TestVault::fast();
    other.add_note("Other", "o");
    let ofile = stdout(&other.ok("backup bk")).trim().to_owned();
    let foreign = other.join(&ofile);
    let out = tv.run(&format!("restore {}", foreign.display()));
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("different vault"));
    assert!(!stdout(&tv.ok("list")).contains("Other"));
    tv.ok(&format!("restore {} --force", foreign.display()));
    assert!(stdout(&tv.ok("list")).contains("Other"));
}
