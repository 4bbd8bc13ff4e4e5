//! Hostile age headers: files whose header alone would keep the age
//! crate's parser busy for minutes (its cost grows with the square of the
//! header's size). Each is built here from a genuine vault by inserting
//! stanzas after the version line, and must be refused with exit 4 and a
//! message naming the header, on every path that reads a vault file:
//! `list` and `add` with the passphrase and the recovery key, `recover`,
//! `verify` and `restore` of a hostile backup, and the library's open (the
//! TUI's path). The vault is left byte for byte unchanged.
//!
//! The time bound of each run only guards against a hang; how long a
//! refusal takes is measured by `benches/hostile_headers.sh` (figures in
//! docs/threat-model.md).

mod vault_harness;

use lifeboat::vault::format;
use lifeboat::vault::{NamedIdentity, Unlock, Vault, VaultError};
use vault_harness::{Env, Out};

/// A stanza line and a body of `body_bytes` base64 characters in lines of
/// 64 (the last one short, as the age format requires).
fn stanza(line: &str, body_chars: usize) -> Vec<u8> {
    let mut s = Vec::with_capacity(line.len() + body_chars + body_chars / 64 + 3);
    s.extend_from_slice(line.as_bytes());
    s.push(b'\n');
    let mut left = body_chars;
    loop {
        let n = left.min(64);
        s.extend(std::iter::repeat_n(b'A', n));
        s.push(b'\n');
        left -= n;
        if n < 64 {
            return s;
        }
    }
}

/// The genuine vault with `extra` inserted right after the version line.
fn with_extra(good: &[u8], extra: &[u8]) -> Vec<u8> {
    let nl = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut out = good[..nl].to_vec();
    out.extend_from_slice(extra);
    out.extend_from_slice(&good[nl..]);
    out
}

/// `n` X25519-shaped stanzas (share and body of the right lengths).
fn x25519_stanzas(n: usize) -> Vec<u8> {
    let one = stanza("-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 43);
    one.repeat(n)
}

/// The file in ASCII armor (64-column base64 lines), as `age -a` writes.
fn armored(bytes: &[u8]) -> Vec<u8> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut out = b"-----BEGIN AGE ENCRYPTED FILE-----\n".to_vec();
    for chunk in b64.as_bytes().chunks(64) {
        out.extend_from_slice(chunk);
        out.push(b'\n');
    }
    out.extend_from_slice(b"-----END AGE ENCRYPTED FILE-----\n");
    out
}

/// The hostile files, each with the word its refusal must name.
fn hostile(good: &[u8]) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "one stanza with a 1 MiB body",
            with_extra(good, &stanza("-> X25519 AAAA", 1 << 20)),
            "body",
        ),
        (
            "10,000 X25519 stanzas",
            with_extra(good, &x25519_stanzas(10_000)),
            "stanzas",
        ),
        (
            "20,000 X25519 stanzas",
            with_extra(good, &x25519_stanzas(20_000)),
            "stanzas",
        ),
        (
            "one stanza with a 10 MiB body",
            with_extra(good, &stanza("-> X25519 AAAA", 10 << 20)),
            "body",
        ),
        (
            "10,000 X25519 stanzas, armored",
            armored(&with_extra(good, &x25519_stanzas(10_000))),
            "header",
        ),
        (
            "a 4 MiB stanza line",
            with_extra(
                good,
                &stanza(&format!("-> X25519 {}", "A".repeat(4 << 20)), 0),
            ),
            "longer than",
        ),
        (
            "120 stanzas with 8,000-character bodies",
            with_extra(good, &stanza("-> X25519 AAAA", 8000).repeat(120)),
            "larger than",
        ),
    ]
}

#[track_caller]
fn refused(out: Out, case: &str, how: &str, word: &str) {
    let what = format!("{case} ({how})");
    assert_eq!(out.code, 4, "{what}: {out:#?}");
    let out = out.no_panic();
    let low = out.stderr.to_lowercase();
    assert!(low.contains("header"), "{what}: {out:#?}");
    assert!(
        low.contains(word),
        "{what}: stderr lacks {word:?}: {out:#?}"
    );
}

#[test]
fn hostile_headers_are_refused_on_every_command() {
    let env = Env::init();
    env.add_note("kept", "text");
    let good = std::fs::read(&env.vault).unwrap();
    for (case, bytes, word) in hostile(&good) {
        // As the vault itself.
        let e = Env::empty();
        std::fs::copy(&env.key, &e.key).unwrap();
        std::fs::write(&e.vault, &bytes).unwrap();
        let before = e.snapshot();
        refused(e.pass_cmd(&["list"], None), case, "list, passphrase", word);
        refused(e.key_cmd(&["list"], None), case, "list, recovery key", word);
        refused(
            e.pass_cmd(&["add", "note", "x"], Some(b"y")),
            case,
            "add, passphrase",
            word,
        );
        refused(
            e.key_cmd(&["add", "note", "x"], Some(b"y")),
            case,
            "add, recovery key",
            word,
        );
        refused(
            e.key_cmd(&["recover", "--new-passphrase-fd", "0"], Some(b"x\n")),
            case,
            "recover",
            word,
        );
        before.assert_unchanged(&e.vault, case);

        // As a backup of the genuine vault.
        let backup = env.dir.path().join("hostile-backup.age");
        std::fs::write(&backup, &bytes).unwrap();
        let b = backup.to_str().unwrap();
        let before = env.snapshot();
        refused(env.key_cmd(&["verify", b], None), case, "verify", word);
        refused(env.key_cmd(&["restore", b], None), case, "restore", word);
        before.assert_unchanged(&env.vault, case);
    }
}

#[test]
fn the_library_open_refuses_them_too() {
    // The TUI opens through `Vault::open`; `unseal` is the backup path.
    let env = Env::init();
    let good = std::fs::read(&env.vault).unwrap();
    for (case, bytes, _) in hostile(&good) {
        let path = env.dir.path().join("hostile.age");
        std::fs::write(&path, &bytes).unwrap();
        let key = || Unlock::Identities(vec![NamedIdentity::parse(&env.recovery_key()).unwrap()]);
        for e in [
            Vault::open(&path, &key()).unwrap_err(),
            Vault::open(&path, &Unlock::Passphrase(vault_harness::PASSPHRASE.into())).unwrap_err(),
            format::unseal(&bytes, &key()).unwrap_err(),
        ] {
            assert!(
                matches!(&e, VaultError::Corrupt { reason } if reason.contains("header")),
                "{case}: {e:?}"
            );
        }
    }
}

#[test]
fn a_vault_with_the_most_recipients_still_opens_and_one_more_is_refused() {
    let env = Env::init();
    for _ in 0..format::MAX_EXTRA_RECIPIENTS {
        let r = NamedIdentity::generate().recipient;
        env.key_cmd(&["recipient", "add", &r], None).ok();
    }
    env.pass_cmd(&["list"], None).ok();
    env.key_cmd(&["list"], None).ok();
    let before = env.snapshot();
    let r = NamedIdentity::generate().recipient;
    env.key_cmd(&["recipient", "add", &r], None)
        .code(1)
        .says(&["most", "recipient rm"]);
    before.assert_unchanged(&env.vault, "one recipient too many");
}
