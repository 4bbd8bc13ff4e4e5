//! `split` and `recover` through the real binary, against the SLIP-39
//! reference implementation (PyPI `shamir-mnemonic`) and stock `age`:
//! shares `split` prints combine in the oracle to the recovery key's 32
//! bytes; shares the oracle makes from those bytes work in `recover`; a key
//! rebuilt from shares opens the vault with `age -d -i`; and every way
//! shares can be wrong gives exit 1 with words a trustee can act on.

mod common;
mod recovery_support;

use std::os::unix::fs::PermissionsExt;

use lifeboat::item::slip39;
use lifeboat::secret::SecretString;
use lifeboat::vault::crypto::{identity_from_bytes, identity_to_bytes};
use recovery_support::{code, stderr, stdout, TestVault};

const NEW_PASSPHRASE: &str = "a brand new passphrase after recovery";

fn key_hex(tv: &TestVault) -> String {
    hex::encode(
        identity_to_bytes(&SecretString::from(tv.key().as_str()))
            .unwrap()
            .expose(),
    )
}

/// Combines mnemonics (one per line) in the oracle; returns the hex secret.
fn oracle_combine(py: &std::path::PathBuf, lines: &str) -> String {
    common::run_python(
        py,
        "import sys, shamir_mnemonic as s\n\
         ms = [l.strip() for l in sys.stdin if l.strip() and not l.startswith('#')]\n\
         print(s.combine_mnemonics(ms, b'').hex())",
        lines,
    )
    .trim()
    .to_owned()
}

fn recover_with(tv: &TestVault, shares_file: &str) -> std::process::Output {
    std::fs::write(tv.join("newpw"), format!("{NEW_PASSPHRASE}\n")).unwrap();
    tv.sh(&format!(
        "$LB recover --shares {shares_file} --new-passphrase-fd 4 4<newpw --allow-weak-passphrase"
    ))
}

fn opens_with(tv: &TestVault, passphrase: &str) -> i32 {
    std::fs::write(tv.join("try"), format!("{passphrase}\n")).unwrap();
    code(&tv.sh("$LB list --passphrase-fd 3 3<try"))
}

#[test]
fn split_shares_combine_in_the_reference_implementation() {
    let tv = TestVault::fast();
    let out = tv.ok("split --threshold 3 --shares 5");
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 5, "one mnemonic per line on stdout");
    assert!(
        lines.iter().all(|l| l.split(' ').count() == 33),
        "{lines:?}"
    );
    // Labels go to stderr, one per share, with index, threshold and set id.
    let err = stderr(&out);
    let id = slip39::decode_mnemonic(&lines[0]).unwrap().identifier;
    for n in 1..=5 {
        assert!(
            err.contains(&format!("share {n} of 5, 3 needed to recover, set {id}")),
            "{err}"
        );
    }
    for l in &lines {
        let s = slip39::decode_mnemonic(l).unwrap();
        assert!(s.extendable);
        assert_eq!(s.iteration_exponent, 1);
        assert_eq!(s.member_threshold, 3);
    }
    if let Some(p) = tv.payload() {
        assert!(p["history"]["recovery_key_split"].is_string());
    }
    let Some(py) = common::oracle_python() else {
        return;
    };
    let expected = key_hex(&tv);
    for subset in [[0, 1, 2], [2, 3, 4], [0, 2, 4], [4, 1, 3]] {
        let text: String = subset.iter().map(|&i| format!("{}\n", lines[i])).collect();
        assert_eq!(oracle_combine(&py, &text), expected, "{subset:?}");
    }
}

#[test]
fn grouped_split_into_files() {
    let tv = TestVault::fast();
    let out = tv.ok(
        "split --group-threshold 2 --group 2of3 --group 1of1 --group 2-of-2 --out shares --json",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["group_threshold"], 2);
    assert_eq!(v["groups"].as_array().unwrap().len(), 3);
    assert_eq!(v["exhaustive"], true);
    // {g1,g2}: 3, {g1,g3}: 3, {g2,g3}: 1
    assert_eq!(v["subsets_checked"], 7);
    let shares = v["shares"].as_array().unwrap();
    assert_eq!(shares.len(), 6);
    assert!(shares.iter().all(|s| s.get("mnemonic").is_none()));
    let mut files: Vec<_> = std::fs::read_dir(tv.join("shares"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6);
    for f in &files {
        assert_eq!(
            std::fs::metadata(f).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let t = std::fs::read_to_string(f).unwrap();
        assert!(
            t.starts_with("# lifeboat recovery-key share: share "),
            "{t}"
        );
        assert!(t.contains("groups needed), set "), "{t}");
    }
    // A second split into the same folder is a new set with new file names.
    let again =
        tv.run("split --group-threshold 2 --group 2of3 --group 1of1 --group 2of2 --out shares");
    assert_eq!(code(&again), 0, "new set id, new names: {}", stderr(&again));
    // Group 1 (two of its shares) + group 2 recover, also in the oracle.
    let name = |g: u64, m: u64| {
        let id = v["identifier"].as_u64().unwrap();
        format!("shares/lifeboat-share-{id}-g{g}-{m}.txt")
    };
    let cat = tv.sh(&format!(
        "cat {} {} {} > picked.txt",
        name(1, 1),
        name(1, 3),
        name(2, 1)
    ));
    assert!(cat.status.success());
    if let Some(py) = common::oracle_python() {
        let text = std::fs::read_to_string(tv.join("picked.txt")).unwrap();
        assert_eq!(oracle_combine(&py, &text), key_hex(&tv));
    }
    // Bad group syntax is a usage error.
    assert_eq!(code(&tv.run("split --group 2x3")), 2);
    // SLIP-39's own rules: 1 of 3 is refused with the reason.
    let out = tv.run("split --threshold 1 --shares 3");
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("not allowed"), "{}", stderr(&out));
    let out = recover_with(&tv, "picked.txt");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(opens_with(&tv, NEW_PASSPHRASE), 0);
}

#[test]
fn oracle_made_shares_recover_the_vault() {
    let tv = TestVault::fast();
    let Some(py) = common::oracle_python() else {
        return;
    };
    let shares = common::run_python(
        &py,
        "import sys, shamir_mnemonic as s\n\
         ms = bytes.fromhex(sys.stdin.read().strip())\n\
         g = s.generate_mnemonics(1, [(3, 5)], ms, b'', extendable=True, iteration_exponent=1)\n\
         print('\\n'.join(g[0]))",
        &key_hex(&tv),
    );
    let lines: Vec<&str> = shares.lines().collect();
    assert_eq!(lines.len(), 5);
    std::fs::write(
        tv.join("oracle.txt"),
        format!("{}\n{}\n{}\n", lines[4], lines[0], lines[2]),
    )
    .unwrap();
    let out = recover_with(&tv, "oracle.txt");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(opens_with(&tv, NEW_PASSPHRASE), 0);
    assert_eq!(opens_with(&tv, recovery_support::PASSPHRASE), 3);
    // Shares on stdin work too.
    let out = tv.sh(&format!(
        "printf '%s\\n%s\\n%s\\n' '{}' '{}' '{}' | $LB recover --shares - --new-passphrase-fd 4 4<newpw --allow-weak-passphrase",
        lines[1], lines[2], lines[3]
    ));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn key_rebuilt_from_shares_opens_the_vault_with_stock_age() {
    let tv = TestVault::fast();
    tv.add_note("A", "alpha");
    let out = tv.ok("split --threshold 2 --shares 3");
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    let secret = slip39::combine(&[&lines[2], &lines[0]], b"").unwrap();
    let id = identity_from_bytes(secret.expose()).unwrap();
    assert_eq!(id.text.expose(), tv.key());
    std::fs::write(tv.join("rebuilt.txt"), format!("{}\n", id.text.expose())).unwrap();
    let Some(age) = common::oracle_tool("age") else {
        return;
    };
    let out = std::process::Command::new(age)
        .args(["-d", "-i", "rebuilt.txt", "vault.age"])
        .current_dir(tv.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"][0]["name"], "A");
}

#[test]
fn wrong_shares_are_refused_with_the_reason() {
    let tv = TestVault::fast();
    let a: Vec<String> = stdout(&tv.ok("split --threshold 2 --shares 3"))
        .lines()
        .map(str::to_owned)
        .collect();
    let b: Vec<String> = stdout(&tv.ok("split --threshold 2 --shares 3"))
        .lines()
        .map(str::to_owned)
        .collect();
    let case = |name: &str, content: String, words: &[&str]| {
        std::fs::write(tv.join(name), content).unwrap();
        let out = recover_with(&tv, name);
        let err = stderr(&out);
        assert_eq!(code(&out), 1, "{name}: {err}");
        for w in words {
            assert!(err.contains(w), "{name}: expected {w:?} in {err}");
        }
        // Nothing changed: the old passphrase still opens the vault.
        assert_eq!(opens_with(&tv, recovery_support::PASSPHRASE), 0, "{name}");
    };
    case(
        "few.txt",
        format!("{}\n", a[1]),
        &["not enough shares", "2 needed, 1 given"],
    );
    case(
        "mixed.txt",
        format!("{}\n{}\n", a[0], b[1]),
        &["different backup", "share 2"],
    );
    // A mistyped word (a letter changed) gets a suggestion.
    let mut words: Vec<String> = a[0].split(' ').map(str::to_owned).collect();
    let original = words[5].clone();
    let mut typo = original.clone();
    typo.insert(2, 'x');
    words[5] = typo.clone();
    case(
        "typo.txt",
        format!("{}\n{}\n", words.join(" "), a[1]),
        &[
            &format!("word 6 \"{typo}\" is not a SLIP-39 word"),
            "did you mean",
            &original,
        ],
    );
    // Two words swapped: every word is valid but the checksum fails.
    let mut words: Vec<String> = a[0].split(' ').map(str::to_owned).collect();
    let j = (10..20).find(|&j| words[j] != words[j + 1]).unwrap();
    words.swap(j, j + 1);
    case(
        "checksum.txt",
        format!("{}\n{}\n", words.join(" "), a[1]),
        &["share 1", "checksum"],
    );
    case("empty.txt", "# nothing\n\n".into(), &["no shares"]);
}

#[test]
fn another_vaults_shares_fail_authentication() {
    let tv = TestVault::fast();
    let other = TestVault::fast();
    let shares = stdout(&other.ok("split --threshold 2 --shares 2"));
    std::fs::write(tv.join("theirs.txt"), shares).unwrap();
    let out = recover_with(&tv, "theirs.txt");
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("does not open this vault"));
    assert_eq!(opens_with(&tv, recovery_support::PASSPHRASE), 0);
}

#[test]
fn recover_with_the_recovery_key() {
    let tv = TestVault::fast();
    std::fs::write(tv.join("newpw"), format!("{NEW_PASSPHRASE}\n")).unwrap();
    let out = tv.sh("$LB recover --identity key.txt --new-passphrase-fd 4 4<newpw --allow-weak-passphrase --json");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["via"], "identity");
    assert_eq!(opens_with(&tv, NEW_PASSPHRASE), 0);
    assert_eq!(opens_with(&tv, recovery_support::PASSPHRASE), 3);
    // The policy still applies without the override.
    std::fs::write(tv.join("weak"), "short\n").unwrap();
    let out = tv.sh("$LB recover --identity key.txt --new-passphrase-fd 4 4<weak");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // No terminal and no source: a clear usage error, never a hang
    // (setsid: no controlling terminal even when the tests run in one).
    let out = tv.sh("setsid -w $LB recover --new-passphrase-fd 4 4<newpw < /dev/null");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}
