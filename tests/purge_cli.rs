//! `lifeboat purge` and `rm --purge`, run as a user would, on throwaway
//! vaults: a deleted item's secret is gone from the decrypted vault (and
//! from the previous generation beside it), an older copy merged later
//! brings neither the item nor the secret back, and every refusal leaves
//! the vault byte for byte unchanged.
//!
//! The attack comes first in each test: before the purge, the secret of a
//! removed item is still inside the vault for anyone holding a key.

mod common;
mod vault_harness;

use std::path::Path;

use serde_json::Value;
use vault_harness::Env;

/// A valid BIP39 phrase (a published test vector): the "leaked seed".
const SEED: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";

/// The decrypted payload of a vault file, as bytes (the recovery key
/// opens it, as `age -d -i recovery-key.txt` would).
fn plaintext(env: &Env, file: &Path) -> Vec<u8> {
    let id: age::x25519::Identity = env.recovery_key().parse().unwrap();
    age::decrypt(&id, &std::fs::read(file).unwrap()).unwrap()
}

fn holds(env: &Env, file: &Path, secret: &str) -> bool {
    let plain = plaintext(env, file);
    plain.windows(secret.len()).any(|w| w == secret.as_bytes())
}

fn payload(env: &Env, file: &Path) -> Value {
    serde_json::from_slice(&plaintext(env, file)).unwrap()
}

fn prev(env: &Env) -> std::path::PathBuf {
    env.dir.path().join("vault.age.prev")
}

/// A vault with the seed "Old wallet" and a note "Keep".
fn with_seed() -> Env {
    let env = Env::init();
    env.pass_cmd(&["add", "seed", "Old wallet"], Some(SEED.as_bytes()))
        .ok();
    env.add_note("Keep", "still needed");
    env
}

/// A second device: a copy of the vault file in its own folder.
fn device(env: &Env) -> Env {
    let other = Env::empty();
    std::fs::copy(&env.vault, &other.vault).unwrap();
    std::fs::copy(&env.key, &other.key).unwrap();
    other
}

#[test]
fn purge_erases_a_removed_seed_from_the_vault_and_its_previous_generation() {
    let env = with_seed();
    env.pass_cmd(&["rm", "Old wallet", "--yes"], None).ok();
    // The attack: the removed seed is still inside the vault file.
    assert!(holds(&env, &env.vault, SEED), "rm already erased the seed");
    // doctor says so, and how to erase it.
    let doctor = |env: &Env| -> Vec<Value> {
        let out = env.pass_cmd(&["--json", "doctor"], None);
        out.json()["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["check"] == "deleted-kept")
            .cloned()
            .collect()
    };
    let kept = doctor(&env);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0]["fix"].as_str().unwrap().contains("lifeboat purge"));
    let out = env.pass_cmd(&["purge", "Old wallet", "--yes"], None).ok();
    let stdout = out.stdout.clone();
    assert!(
        stdout.contains("Old wallet") && stdout.contains("seed"),
        "{stdout}"
    );
    let out = out.says(&["Erased the values of 1 deleted item", "Backups made before"]);
    drop(out);
    assert!(
        !holds(&env, &env.vault, SEED),
        "the seed is still in the vault"
    );
    assert!(
        !holds(&env, &prev(&env), SEED),
        "the seed is still in .prev"
    );
    // The deletion itself is kept, marked purged, with no values.
    let p = payload(&env, &env.vault);
    let ts = p["sync"]["tombstones"].as_object().unwrap();
    assert_eq!(ts.len(), 1);
    let ts = ts.values().next().unwrap();
    assert_eq!(ts["name"], "Old wallet");
    assert!(ts["seen"]["purged:secret"].is_object(), "{ts}");
    assert_eq!(ts["grave"]["item"]["secret"]["words"], "");
    // The vault still opens and holds the other item.
    assert_eq!(env.names(), vec!["Keep".to_owned()]);
    assert!(doctor(&env).is_empty());
    // And the audit log says what happened, by name only.
    let audit = p["audit"].as_array().unwrap();
    assert!(audit
        .iter()
        .any(|e| e["action"] == "purge" && e["subject"] == "Old wallet"));
}

#[test]
fn rm_purge_removes_and_erases_in_one_command() {
    let env = with_seed();
    let out = env
        .pass_cmd(&["--json", "rm", "Old wallet", "--purge", "--yes"], None)
        .ok();
    assert_eq!(out.json()["removed"], "Old wallet");
    assert_eq!(out.json()["purged"], true);
    assert!(!holds(&env, &env.vault, SEED));
    assert!(!holds(&env, &prev(&env), SEED));
    assert_eq!(env.names(), vec!["Keep".to_owned()]);
}

#[test]
fn an_older_copy_merged_after_the_purge_brings_neither_the_item_nor_the_seed_back() {
    let env = with_seed();
    // A copy from before the removal: another device, a backup, a sync
    // conflict copy.
    let older = device(&env);
    env.pass_cmd(&["rm", "Old wallet", "--purge", "--yes"], None)
        .ok();
    env.pass_cmd(&["merge", older.vault.to_str().unwrap()], None)
        .ok();
    assert_eq!(env.names(), vec!["Keep".to_owned()], "resurrected");
    assert!(
        !holds(&env, &env.vault, SEED),
        "merge brought the seed back"
    );
    assert!(!holds(&env, &prev(&env), SEED));
    // restore --merge of the same old copy: the same.
    env.pass_cmd(&["restore", older.vault.to_str().unwrap(), "--merge"], None)
        .ok();
    assert_eq!(env.names(), vec!["Keep".to_owned()]);
    assert!(!holds(&env, &env.vault, SEED));
    // The older device, merging the purged vault, learns of the deletion
    // and loses the seed too.
    assert!(holds(&older, &older.vault, SEED));
    older
        .pass_cmd(&["merge", env.vault.to_str().unwrap()], None)
        .ok();
    assert_eq!(older.names(), vec!["Keep".to_owned()]);
    assert!(
        !holds(&older, &older.vault, SEED),
        "the older device kept it"
    );
}

#[test]
fn dry_run_lists_and_changes_nothing() {
    let env = with_seed();
    env.pass_cmd(&["rm", "Old wallet", "--yes"], None).ok();
    let before = env.snapshot();
    let prev_before = vault_harness::Snapshot::of(&prev(&env));
    let out = env.pass_cmd(&["purge", "--all", "--dry-run"], None).ok();
    let stdout = out.stdout.clone();
    assert!(stdout.contains("Old wallet"), "{stdout}");
    out.says(&["Nothing was changed"]);
    let out = env
        .pass_cmd(&["--json", "purge", "Old wallet", "--dry-run"], None)
        .ok();
    let j = out.json();
    assert_eq!(j["dry_run"], true);
    assert_eq!(j["purged"][0]["name"], "Old wallet");
    assert_eq!(j["purged"][0]["kind"], "seed");
    before.assert_unchanged(&env.vault, "purge --dry-run");
    prev_before.assert_unchanged(&prev(&env), "purge --dry-run (.prev)");
    assert!(holds(&env, &env.vault, SEED));
}

#[test]
fn older_than_purges_only_deletions_old_enough() {
    let env = with_seed();
    env.pass_cmd(&["rm", "Old wallet", "--yes"], None).ok();
    let before = env.snapshot();
    // A sweep that finds nothing old enough has nothing to do: exit 0.
    env.pass_cmd(&["purge", "--all", "--older-than", "30", "--yes"], None)
        .ok()
        .says(&["nothing to purge", "30 days"]);
    env.pass_cmd(
        &["purge", "Old wallet", "--older-than", "30", "--yes"],
        None,
    )
    .code(1)
    .says(&["less than 30 days"]);
    before.assert_unchanged(&env.vault, "purge --older-than 30");
    env.pass_cmd(&["purge", "--older-than", "0", "--yes"], None)
        .ok();
    assert!(!holds(&env, &env.vault, SEED));
}

/// Every refusal: the documented exit code, a message that names the
/// problem and the way out, and the vault untouched.
#[test]
fn bad_input_is_refused_and_leaves_the_vault_unchanged() {
    let env = with_seed();
    let cases: Vec<(Vec<&str>, i32, Vec<&str>)> = vec![
        // Nothing deleted yet: a sweep does nothing and says so (exit 0).
        (vec!["purge", "--all", "--yes"], 0, vec!["nothing to purge"]),
        (
            vec!["purge", "No such thing", "--yes"],
            1,
            vec!["no deleted item is named", "--dry-run"],
        ),
        // A live item is not purged: rm --purge is the way.
        (
            vec!["purge", "Keep", "--yes"],
            1,
            vec!["is not deleted", "rm --purge"],
        ),
        (vec!["rm", "No such thing", "--purge", "--yes"], 1, vec![]),
        // Usage errors.
        (vec!["purge"], 2, vec![]),
        (vec!["purge", "Keep", "--all"], 2, vec![]),
        (vec!["purge", "--older-than", "soon"], 2, vec![]),
        (vec!["purge", "--older-than", "-3"], 2, vec![]),
    ];
    for (args, code, words) in &cases {
        let before = env.snapshot();
        env.pass_cmd(args, None).code(*code).says(words);
        before.assert_unchanged(&env.vault, &args.join(" "));
    }
    // Already purged: nothing left to erase.
    env.pass_cmd(&["rm", "Old wallet", "--purge", "--yes"], None)
        .ok();
    for (args, code) in [
        (vec!["purge", "Old wallet", "--yes"], 1),
        (vec!["purge", "--all", "--yes"], 0),
    ] {
        let before = env.snapshot();
        env.pass_cmd(&args, None)
            .code(code)
            .says(&["nothing to purge"]);
        before.assert_unchanged(&env.vault, &args.join(" "));
    }
    // With --json, the empty sweep is an empty report.
    let out = env
        .pass_cmd(&["purge", "--all", "--yes", "--json"], None)
        .ok();
    assert_eq!(out.json()["purged"], serde_json::json!([]));
    // No vault at all: exit 4, and nothing is created.
    let none = Env::empty();
    none.pass_cmd(&["purge", "--all", "--yes"], None).code(4);
    none.pass_cmd(&["rm", "x", "--purge", "--yes"], None)
        .code(4);
    assert!(!none.vault.exists());
    // Without the passphrase: refused before anything is read or written.
    let before = env.snapshot();
    let wrong = env.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    env.passfile_cmd(&wrong, &["purge", "--all", "--yes"], None)
        .code(3);
    before.assert_unchanged(&env.vault, "wrong passphrase");
}

#[test]
fn messages_in_chinese() {
    let env = with_seed();
    let before = env.snapshot();
    env.pass_cmd(&["--lang", "zh-CN", "purge", "--all", "--yes"], None)
        .ok()
        .says(&["没有可抹除的内容"]);
    env.pass_cmd(&["--lang", "zh-CN", "purge", "Keep", "--yes"], None)
        .code(1)
        .says(&["rm --purge"]);
    before.assert_unchanged(&env.vault, "purge in Chinese");
    env.pass_cmd(&["rm", "Old wallet", "--yes"], None).ok();
    let out = env
        .pass_cmd(&["--lang", "zh-CN", "purge", "Old wallet", "--yes"], None)
        .ok();
    let stdout = out.stdout.clone();
    assert!(
        stdout.contains("将永久抹除") && stdout.contains("Old wallet"),
        "{stdout}"
    );
    out.says(&["已永久抹除 1 个"]);
}

/// The stock `age` tool with the recovery key, as docs/vault-format.md
/// shows, finds no trace of the purged seed.
#[test]
fn stock_age_finds_no_trace_of_a_purged_seed() {
    let Some(age) = common::oracle_tool("age") else {
        return;
    };
    let env = with_seed();
    env.pass_cmd(&["rm", "Old wallet", "--yes"], None).ok();
    let decrypt = |file: &Path| {
        let out = std::process::Command::new(&age)
            .arg("-d")
            .arg("-i")
            .arg(&env.key)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(decrypt(&env.vault).contains(SEED));
    env.pass_cmd(&["purge", "--all", "--yes"], None).ok();
    assert!(!decrypt(&env.vault).contains(SEED));
    assert!(!decrypt(&prev(&env)).contains(SEED));
    // Not a single word-run of it either (the grave's history, the husk).
    assert!(!decrypt(&env.vault).contains("legal winner thank year"));
}

/// The no-loss rule still holds after a purge: another device that used a
/// recovery code without knowing of the removal changed the item's secret
/// after the deletion, so the merge keeps the item with that change, says
/// so, and says which purged values stay erased.
#[test]
fn an_edit_made_elsewhere_without_knowing_of_the_purge_still_wins_and_is_reported() {
    let env = Env::init();
    env.pass_cmd(
        &["add", "codes", "Bank codes", "--note", "call 0800 PURGED"],
        Some(b"1111-2222\n3333-4444\n"),
    )
    .ok();
    let offline = device(&env);
    env.pass_cmd(&["rm", "Bank codes", "--purge", "--yes"], None)
        .ok();
    assert!(!holds(&env, &env.vault, "0800 PURGED"));
    // Meanwhile, on the device that did not hear of it: a code is used.
    offline
        .pass_cmd(&["codes", "use", "Bank codes"], Some(b"1111-2222\n"))
        .ok();
    let before = env.snapshot();
    let out = env
        .pass_cmd(
            &["merge", offline.vault.to_str().unwrap(), "--dry-run"],
            None,
        )
        .ok();
    assert!(out.stdout.contains("Bank codes"), "{}", out.stdout);
    assert!(
        out.stdout.contains("back without the values you purged"),
        "{}",
        out.stdout
    );
    before.assert_unchanged(&env.vault, "merge --dry-run");
    let out = env
        .pass_cmd(&["--json", "merge", offline.vault.to_str().unwrap()], None)
        .ok();
    let j = out.json();
    assert_eq!(j["restored"][0], "Bank codes", "{j}");
    assert_eq!(j["restored_without_purged"][0], "Bank codes", "{j}");
    // The edit (the codes, one now used) is back; the note, which nobody
    // changed after the removal, stays erased.
    let p = payload(&env, &env.vault);
    let item = &p["items"][0];
    assert_eq!(item["name"], "Bank codes");
    assert_eq!(item["secret"]["codes"][0]["code"], "1111-2222");
    assert!(item["secret"]["codes"][0]["used"].is_string());
    assert!(item.get("notes").is_none(), "{item}");
    assert!(!holds(&env, &env.vault, "0800 PURGED"));
}
