//! `lifeboat merge`, `restore --merge` and the sync conflict copies that
//! `doctor` finds, run as a user would, on throwaway vaults.
//!
//! The attacks come first: a copy that cannot be proven authentic (opened
//! only by an extra recipient's key, or planted with the public recovery
//! recipient) is never merged, and a copy of another vault is refused;
//! each leaves the vault byte for byte unchanged.

mod common;
mod vault_harness;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;
use vault_harness::{Env, LIMIT};

/// The decrypted payload of a vault file (the recovery key opens it).
fn payload(env: &Env, file: &Path) -> Value {
    let id: age::x25519::Identity = env.recovery_key().parse().unwrap();
    let plain = age::decrypt(&id, &std::fs::read(file).unwrap()).unwrap();
    serde_json::from_slice(&plain).unwrap()
}

/// A second "device": a copy of the vault file in its own folder, with the
/// same passphrase and recovery key.
fn device(env: &Env) -> Env {
    let other = Env::empty();
    std::fs::copy(&env.vault, &other.vault).unwrap();
    std::fs::copy(&env.key, &other.key).unwrap();
    other
}

fn merge_cmd(env: &Env, other: &Path, extra: &[&str]) -> vault_harness::Out {
    let o = other.to_str().unwrap().to_owned();
    let mut args = vec!["merge", o.as_str()];
    args.extend_from_slice(extra);
    env.pass_cmd(&args, None)
}

#[test]
fn a_copy_opened_only_by_an_extra_identity_is_never_merged() {
    let env = Env::init();
    let extra = lifeboat::vault::NamedIdentity::generate();
    let extra_file = env.dir.path().join("extra.txt");
    std::fs::write(&extra_file, format!("{}\n", extra.text.expose())).unwrap();
    env.pass_cmd(&["recipient", "add", &extra.recipient], None)
        .ok();
    let other = device(&env);
    other.add_note("from the other copy", "hello");
    let before = env.snapshot();
    merge_cmd(
        &env,
        &other.vault,
        &["--other-identity", extra_file.to_str().unwrap()],
    )
    .code(3)
    .says(&["extra recipient", "never merged"]);
    before.assert_unchanged(&env.vault, "merge of an unverified copy");
    assert!(!env.names().contains(&"from the other copy".to_owned()));
}

#[test]
fn a_planted_copy_is_never_merged() {
    let env = Env::init();
    env.add_note("real", "1");
    // Someone who can read the vault (or only knows the public recovery
    // recipient) writes a copy with a planted item, encrypted with stock age.
    let mut p = payload(&env, &env.vault);
    p["items"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "00112233445566ff", "name": "planted",
        "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
        "secret": {"kind": "note", "text": "send the coins elsewhere"}
    }));
    let recipient: age::x25519::Recipient = p["keys"]["recovery_recipient"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let enc = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .unwrap();
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).unwrap();
    w.write_all(&serde_json::to_vec(&p).unwrap()).unwrap();
    w.finish().unwrap();
    let planted = env
        .dir
        .path()
        .join("vault.sync-conflict-20261130-081200-ABCDEFG.age");
    std::fs::write(&planted, out).unwrap();
    let before = env.snapshot();
    merge_cmd(&env, &planted, &[]).code(4).says(&["forgery"]);
    before.assert_unchanged(&env.vault, "merge of a planted copy");
    assert_eq!(env.names(), vec!["real".to_owned()]);
    assert!(planted.exists(), "a refused copy stays where it was");
}

#[test]
fn a_copy_of_another_vault_is_refused_with_a_pointer_to_import() {
    let env = Env::init();
    let stranger = Env::init();
    stranger.add_note("theirs", "1");
    let before = env.snapshot();
    // The stranger's recovery key opens it, proving it genuine; it is
    // still not this vault.
    merge_cmd(
        &env,
        &stranger.vault,
        &["--other-identity", stranger.key.to_str().unwrap()],
    )
    .code(1)
    .says(&["different vault", "import"]);
    before.assert_unchanged(&env.vault, "merge of another vault");
}

#[test]
fn two_devices_merged_both_ways_give_the_same_payload() {
    let a = Env::init();
    a.add_note("shared", "old text");
    a.add_note("to delete", "x");
    let b = device(&a);
    // Device A: a new item and a playbook step.
    a.add_note("from A", "a");
    a.pass_cmd(
        &[
            "playbook",
            "check",
            "account-locked",
            "write-down-message",
            "--note",
            "locked at 9",
        ],
        None,
    )
    .ok();
    // Device B: a new item and a deletion.
    b.add_note("from B", "b");
    b.pass_cmd(&["rm", "to delete", "--yes"], None).ok();
    let a_copy = a.dir.path().join("a-copy.age");
    let b_copy = b.dir.path().join("b-copy.age");
    std::fs::copy(&a.vault, &a_copy).unwrap();
    std::fs::copy(&b.vault, &b_copy).unwrap();

    let dry = merge_cmd(&a, &b_copy, &["--dry-run"]).ok();
    let snapshot = a.snapshot();
    assert!(dry.stdout.contains("from B"), "{}", dry.stdout);
    assert!(dry.stdout.contains("to delete"), "{}", dry.stdout);
    snapshot.assert_unchanged(&a.vault, "--dry-run");

    merge_cmd(&a, &b_copy, &[]).ok();
    merge_cmd(&b, &a_copy, &[]).ok();
    let mut names = a.names();
    names.sort();
    assert_eq!(names, vec!["from A", "from B", "shared"]);
    let pa = payload(&a, &a.vault);
    let pb = payload(&b, &b.vault);
    for part in ["items", "playbooks", "recipients", "settings"] {
        assert_eq!(pa[part], pb[part], "{part} differs");
    }
    for part in ["items", "tombstones", "fields"] {
        assert_eq!(pa["sync"][part], pb["sync"][part], "sync.{part} differs");
    }
    assert_eq!(pa["version"], 3);
    // Merging again changes nothing, and the deletion does not come back.
    merge_cmd(&a, &a_copy, &[]).ok();
    assert!(!a.names().contains(&"to delete".to_owned()));
}

#[test]
fn restore_merge_joins_a_backup_instead_of_replacing() {
    let env = Env::init();
    env.add_note("before", "1");
    let dir = env.dir.path().join("backups");
    let out = env.pass_cmd(&["backup", dir.to_str().unwrap()], None).ok();
    let backup: PathBuf = out.stdout.lines().last().unwrap().trim().into();
    let backup = if backup.exists() {
        backup
    } else {
        std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .next()
            .unwrap()
            .path()
    };
    env.add_note("after", "2");
    env.pass_cmd(&["restore", backup.to_str().unwrap(), "--merge"], None)
        .ok();
    let mut names = env.names();
    names.sort();
    assert_eq!(names, vec!["after", "before"]);
}

#[test]
fn doctor_finds_a_syncthing_conflict_copy_and_merge_moves_it_aside() {
    let env = Env::init();
    env.add_note("here", "1");
    let other = device(&env);
    other.add_note("made on the laptop", "2");
    let copy = env
        .dir
        .path()
        .join("vault.sync-conflict-20261130-081200-ABCDEFG.age");
    std::fs::copy(&other.vault, &copy).unwrap();
    let doc = env.pass_cmd(&["doctor"], None);
    let all = format!("{}{}", doc.stdout, doc.stderr);
    assert!(all.contains("Syncthing"), "{all}");
    assert!(all.contains("lifeboat merge"), "{all}");
    let out = merge_cmd(&env, &copy, &[]).ok();
    assert!(out.stdout.contains("was moved to"), "{}", out.stdout);
    assert!(!copy.exists(), "the merged copy is moved aside");
    let kept = env
        .dir
        .path()
        .join("lifeboat-merged")
        .join("vault.sync-conflict-20261130-081200-ABCDEFG.age");
    assert!(kept.exists(), "the copy is kept, never deleted");
    let mut names = env.names();
    names.sort();
    assert_eq!(names, vec!["here", "made on the laptop"]);
    let doc = env.pass_cmd(&["doctor"], None);
    assert!(!format!("{}{}", doc.stdout, doc.stderr).contains("Syncthing"));
    let _ = LIMIT;
}

/// Waits until another process holds the vault's lock (a command between
/// its open and its save).
fn wait_for_lock_holder(vault: &Path) {
    let lock = {
        let mut s = vault.as_os_str().to_owned();
        s.push(".lock");
        PathBuf::from(s)
    };
    let started = std::time::Instant::now();
    loop {
        if let Ok(f) = std::fs::File::open(&lock) {
            match f.try_lock() {
                Err(std::fs::TryLockError::WouldBlock) => return,
                Ok(()) => f.unlock().unwrap(),
                Err(e) => panic!("{e:?}"),
            }
        }
        assert!(started.elapsed() < LIMIT, "the command never took the lock");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn a_cli_save_after_a_sync_tool_replaced_the_vault_merges_and_says_so() {
    let env = Env::init();
    env.add_note("shared", "1");
    let laptop = device(&env);
    laptop.add_note("from the laptop", "2");
    // `add` opens the vault (holding its lock) before it reads the note.
    let mut cmd = env.pass_command(&["add", "note", "typed here"]);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let started = std::time::Instant::now();
    let mut child = cmd.spawn().unwrap();
    wait_for_lock_holder(&env.vault);
    // Meanwhile the sync tool replaces the file with the laptop's version,
    // as Syncthing does (a temp file renamed over it; no lock).
    let tmp = env.dir.path().join(".syncthing.vault.age.tmp");
    std::fs::copy(&laptop.vault, &tmp).unwrap();
    std::fs::rename(&tmp, &env.vault).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"the typed note").unwrap();
    drop(stdin);
    let out = vault_harness::finish(child, started, LIMIT).ok();
    assert!(
        out.stderr
            .contains("Another program changed the vault while this command ran"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("1 added"), "{}", out.stderr);
    assert!(!out.stderr.contains("NOT SAVED"), "{}", out.stderr);
    let mut names = env.names();
    names.sort();
    assert_eq!(names, vec!["from the laptop", "shared", "typed here"]);
}

#[test]
fn a_cli_save_that_merged_names_each_conflict() {
    use lifeboat::vault::merge::{Conflict, MergeReport};
    let r = MergeReport {
        changed: vec!["Bank".into()],
        conflicts: vec![Conflict {
            item: "Bank".into(),
            field: "notes".into(),
            theirs_won: true,
        }],
        ..MergeReport::default()
    };
    let lines = lifeboat::cli::merge_cmd::merged_on_save(&r);
    assert!(lines[0].contains("your change was merged"), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("conflict") && l.contains("Bank") && l.contains("notes")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("history")), "{lines:?}");
    // In Chinese the field is named in Chinese, in full-width brackets.
    let _zh = lifeboat::i18n::scoped(lifeboat::lang::Lang::ZhCn);
    let lines = lifeboat::cli::merge_cmd::merged_on_save(&r);
    assert!(
        lines.iter().any(|l| l.contains("Bank（备注）")),
        "{lines:?}"
    );
}

/// Two devices each add an item called "Bank" (different ids, different
/// kinds); after the merge both are kept, `list` shows both, the merge
/// says the name is now held twice, and a lookup by that name lists the
/// two ids and kinds instead of picking one.
#[test]
fn two_items_with_one_name_are_both_kept_and_a_lookup_asks_which() {
    let a = Env::init();
    let b = device(&a);
    a.add_note("Bank", "the note from A");
    b.pass_cmd(&["add", "password", "Bank"], Some(b"hunter2\n"))
        .ok();
    let out = merge_cmd(&a, &b.vault, &[]).ok();
    assert!(out.stdout.contains("Bank"), "{}", out.stdout);
    assert!(
        out.stdout.contains("now two items with this name"),
        "{}",
        out.stdout
    );
    let list = a.key_cmd(&["list", "--json"], None).ok().json();
    let banks: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["name"] == "Bank")
        .collect();
    assert_eq!(banks.len(), 2, "{list}");
    let ids: Vec<&str> = banks.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_ne!(ids[0], ids[1]);
    let plain = a.key_cmd(&["list"], None).ok();
    assert_eq!(
        plain.stdout.lines().filter(|l| l.contains("Bank")).count(),
        2,
        "{}",
        plain.stdout
    );

    // The check-up points it out until one is renamed or removed.
    let doc = a.pass_cmd(&["doctor"], None);
    let all = format!("{}{}", doc.stdout, doc.stderr);
    assert!(all.contains("2 items are named \"Bank\""), "{all}");
    assert!(ids.iter().all(|id| all.contains(id)), "{all}");

    // By name: refused, naming both ids and kinds and how to choose.
    for args in [
        vec!["show", "Bank"],
        vec!["show", "bank"],
        vec!["code", "Bank"],
    ] {
        let out = a.key_cmd(&args, None).code(1);
        let err = &out.stderr;
        assert!(err.contains("2 items are named"), "{args:?}: {err}");
        for id in &ids {
            assert!(err.contains(id), "{args:?}: {err}");
        }
        assert!(
            err.contains("(note)") && err.contains("(password)"),
            "{err}"
        );
        assert!(err.contains("lifeboat show"), "{err}");
    }
    // In Chinese the kinds are named in words, the ids kept.
    let out = a
        .key_cmd(&["--lang", "zh-CN", "show", "Bank"], None)
        .code(1);
    assert!(
        out.stderr.contains("（笔记）、") || out.stderr.contains("（登录）、"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("（笔记）") && out.stderr.contains("（登录）"),
        "{}",
        out.stderr
    );
    assert!(
        ids.iter().all(|id| out.stderr.contains(id)),
        "{}",
        out.stderr
    );
    let before = a.snapshot();
    let out = a.pass_cmd(&["rm", "Bank", "--yes"], None).code(1);
    assert!(out.stderr.contains("2 items are named"), "{}", out.stderr);
    before.assert_unchanged(&a.vault, "rm of an ambiguous name");

    // By id: each one, exactly.
    for (id, kind) in ids
        .iter()
        .zip(banks.iter().map(|i| i["kind"].as_str().unwrap()))
    {
        let shown = a.key_cmd(&["show", id, "--json"], None).ok().json();
        assert_eq!(shown["kind"], kind, "{shown}");
    }
    a.pass_cmd(&["rm", ids[0], "--yes"], None).ok();
    a.key_cmd(&["show", "Bank"], None).ok();
    let doc = a.pass_cmd(&["doctor"], None);
    assert!(!format!("{}{}", doc.stdout, doc.stderr).contains("items are named"));
}

/// The display column where `word` (a kind) starts in `row`: the name
/// column before it is padded in terminal cells.
fn column_of(row: &str, word: &str) -> usize {
    let at = row
        .find(&format!("  {word} "))
        .unwrap_or_else(|| panic!("no {word} in {row:?}"));
    lifeboat::textwidth::width(&row[..at])
}

#[test]
fn list_tells_apart_items_that_share_a_name_by_their_ids() {
    let a = Env::init();
    let b = device(&a);
    a.add_note("Bank", "the note from A");
    a.add_note("家庭保险箱", "一号");
    a.add_note("Unique", "only here");
    b.pass_cmd(&["add", "password", "bank"], Some(b"hunter2\n"))
        .ok();
    b.add_note("家庭保险箱", "二号");
    merge_cmd(&a, &b.vault, &[]).ok();
    let list = a.key_cmd(&["list", "--json"], None).ok().json();
    let ids_of = |name: &str| -> Vec<(String, String)> {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|i| i["name"].as_str().unwrap().eq_ignore_ascii_case(name))
            .map(|i| {
                (
                    i["id"].as_str().unwrap().to_owned(),
                    i["kind"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let banks = ids_of("Bank");
    let boxes = ids_of("家庭保险箱");
    assert_eq!((banks.len(), boxes.len()), (2, 2), "{list}");
    let unique = &ids_of("Unique")[0].0;

    for (lang, note_says) in [("en", "lifeboat show"), ("zh-CN", "lifeboat show")] {
        let out = a.key_cmd(&["--lang", lang, "list"], None).ok();
        let rows: Vec<&str> = out.stdout.lines().collect();
        // The kind column shows the kind in words of the language (the id
        // in English).
        let word = |kind: &str| -> String {
            match (lang, kind) {
                ("zh-CN", "password") => "登录".into(),
                ("zh-CN", "note") => "笔记".into(),
                _ => kind.into(),
            }
        };
        // Each item that shares its name is on its own row with its id,
        // and the ids are what tell the two rows apart.
        for (id, kind) in banks.iter().chain(&boxes) {
            let row = rows
                .iter()
                .find(|r| r.contains(id.as_str()))
                .unwrap_or_else(|| panic!("{lang}: no row with {id}:\n{}", out.stdout));
            assert!(row.contains(&format!("  {} ", word(kind))), "{lang}: {row}");
        }
        // A name held once gets no id.
        let row = rows.iter().find(|r| r.starts_with("Unique")).unwrap();
        assert!(!row.contains(unique.as_str()), "{lang}: {row}");
        // The kind column starts at one display column on every row, wide
        // (Chinese) names and ids included.
        let cols: Vec<usize> = rows[1..]
            .iter()
            .map(|r| {
                let login = word("password");
                if r.contains(&format!("  {login} ")) {
                    column_of(r, &login)
                } else {
                    column_of(r, &word("note"))
                }
            })
            .collect();
        assert!(
            cols.windows(2).all(|w| w[0] == w[1]),
            "{lang}: {cols:?}\n{}",
            out.stdout
        );
        // Which id to use, and how: after the table, outside it.
        assert!(out.stderr.contains(note_says), "{lang}: {}", out.stderr);
        let named = banks
            .iter()
            .chain(&boxes)
            .any(|(id, _)| out.stderr.contains(id.as_str()));
        assert!(named, "{lang}: {}", out.stderr);
    }
    // The id the row shows is the one `show` takes.
    for (id, kind) in &banks {
        let shown = a.key_cmd(&["show", id, "--json"], None).ok().json();
        assert_eq!(shown["kind"].as_str(), Some(kind.as_str()), "{shown}");
    }

    // Once one is gone, the other is listed as any other item.
    a.pass_cmd(&["rm", &banks[0].0, "--yes"], None).ok();
    let out = a.key_cmd(&["list", "--tag", "none-such"], None).ok();
    assert!(!out.stderr.contains("lifeboat show"), "{}", out.stderr);
    let out = a.key_cmd(&["list"], None).ok();
    let bank_row = out
        .stdout
        .lines()
        .find(|r| r.to_lowercase().starts_with("bank"))
        .unwrap();
    assert!(!bank_row.contains(&banks[1].0), "{bank_row}");
    // The two boxes still share a name.
    assert!(out.stdout.contains(&boxes[0].0) && out.stdout.contains(&boxes[1].0));
}
