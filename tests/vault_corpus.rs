//! Malformed vaults, in the spirit of age's CCTV testkit: every case is
//! built here from a fresh vault (or from nothing), named, and run through
//! `list` and `add` with both unlock paths (passphrase and recovery key).
//! Each must end with the documented exit code (3 when a damaged stanza
//! means no key matches, 4 when the file is damaged, not a vault, or a
//! header that unlocks sits over a payload that fails authentication), a
//! message that says so, no panic, within a time bound, and, for `add`, the
//! file untouched.
//!
//! Set LIFEBOAT_WRITE_CORPUS=DIR to also write every case to DIR, to
//! inspect or to feed to `fuzz/fuzz_targets/vault_open`.
//!
//! tests/corpus/vault/ holds a committed golden v1 vault (made by its
//! `generate.sh`), which every later build must still open.

mod vault_harness;
mod zh_check;

use std::time::Duration;

use lifeboat::vault::crypto::PassphraseRecipient;
use lifeboat::vault::format::{seal, Payload};
use lifeboat::vault::{NamedIdentity, Unlock, Vault};
use vault_harness::{Env, Out, Snapshot};

/// Where the lines of an age header start and end.
struct Header {
    /// (start, end-excluding-newline) of each header line.
    lines: Vec<(usize, usize)>,
    /// First payload byte.
    end: usize,
}

fn header(bytes: &[u8]) -> Header {
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        let nl = start + bytes[start..].iter().position(|&b| b == b'\n').unwrap();
        lines.push((start, nl));
        let is_mac = bytes[start..].starts_with(b"--- ");
        start = nl + 1;
        if is_mac {
            return Header { lines, end: start };
        }
    }
}

impl Header {
    /// The line starting with `prefix` (its index).
    fn find(&self, bytes: &[u8], prefix: &str) -> usize {
        self.lines
            .iter()
            .position(|&(s, _)| bytes[s..].starts_with(prefix.as_bytes()))
            .unwrap_or_else(|| panic!("no header line {prefix}"))
    }

    /// Byte offset of the `n`th space-separated field of line `i`.
    fn field(&self, bytes: &[u8], i: usize, n: usize) -> usize {
        let (s, e) = self.lines[i];
        let mut at = s;
        for _ in 0..n {
            at += bytes[at..e].iter().position(|&b| b == b' ').unwrap() + 1;
        }
        at
    }
}

/// Replaces a base64 character by another valid one (a flip of its bits).
fn b64_flip(bytes: &mut [u8], at: usize) {
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
}

fn xor(mut bytes: Vec<u8>, at: usize, mask: u8) -> Vec<u8> {
    bytes[at] ^= mask;
    bytes
}

/// What a case expects from one unlock path.
#[derive(Clone, Copy)]
struct Expect {
    code: i32,
    words: &'static [&'static str],
}

const DAMAGED: Expect = Expect {
    code: 4,
    words: &["damaged"],
};
const NOT_AGE: Expect = Expect {
    code: 4,
    words: &["not", "age"],
};
const TAG_MISMATCH: Expect = Expect {
    code: 4,
    words: &["header", "authentication tag", "damaged"],
};
const PAYLOAD_AUTH: Expect = Expect {
    code: 4,
    words: &["fail authentication", "damaged"],
};
const WRONG_PASS: Expect = Expect {
    code: 3,
    words: &["wrong passphrase"],
};
const NO_KEY: Expect = Expect {
    code: 3,
    words: &["none of the given identities"],
};

struct Case {
    name: String,
    bytes: Option<Vec<u8>>,
    pass: Expect,
    key: Expect,
}

fn case(name: &str, bytes: Vec<u8>, pass: Expect, key: Expect) -> Case {
    Case {
        name: name.to_owned(),
        bytes: Some(bytes),
        pass,
        key,
    }
}

/// Encrypts any plaintext to the vault's real unlock paths (passphrase
/// stanza from the stored Argon2id output, and the recovery key).
fn encrypt_like_vault(payload: &Payload, plaintext: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let pass = PassphraseRecipient(&payload.keys.passphrase);
    let rec: age::x25519::Recipient = payload.keys.recovery_recipient.parse().unwrap();
    let recipients: Vec<&dyn age::Recipient> = vec![&pass, &rec];
    let enc = age::Encryptor::with_recipients(recipients.into_iter()).unwrap();
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).unwrap();
    w.write_all(plaintext).unwrap();
    w.finish().unwrap();
    out
}

fn corpus(env: &Env) -> Vec<Case> {
    let good = std::fs::read(&env.vault).unwrap();
    let h = header(&good);
    let pass_line = h.find(&good, "-> lifeboat.dev/argon2id ");
    let x_line = h.find(&good, "-> X25519 ");
    let mac_line = h.find(&good, "--- ");
    let len = good.len();
    let mut cases = Vec::new();

    cases.push(case("empty file", Vec::new(), DAMAGED, DAMAGED));
    let empty = Expect {
        code: 4,
        words: &["empty"],
    };
    cases[0].pass = empty;
    cases[0].key = empty;

    // Truncations: inside the version line, inside each stanza, before and
    // inside the MAC line, right after the header, inside the payload nonce,
    // inside the last chunk's tag, one byte short.
    for (what, at, pass, key) in [
        ("in the version line", 10, NOT_AGE, NOT_AGE),
        (
            "in the passphrase stanza args",
            h.field(&good, pass_line, 3),
            DAMAGED,
            DAMAGED,
        ),
        (
            "in the passphrase stanza body",
            h.lines[pass_line + 1].0 + 5,
            DAMAGED,
            DAMAGED,
        ),
        (
            "in the X25519 stanza",
            h.field(&good, x_line, 2),
            DAMAGED,
            DAMAGED,
        ),
        ("before the MAC line", h.lines[mac_line].0, DAMAGED, DAMAGED),
        (
            "in the MAC line",
            h.lines[mac_line].0 + 10,
            DAMAGED,
            DAMAGED,
        ),
        // age reads the payload nonce with the header.
        ("right after the header", h.end, DAMAGED, DAMAGED),
        ("in the payload nonce", h.end + 8, DAMAGED, DAMAGED),
        (
            "in the middle of the payload",
            (h.end + len) / 2,
            PAYLOAD_AUTH,
            PAYLOAD_AUTH,
        ),
        ("16 bytes short", len - 16, PAYLOAD_AUTH, PAYLOAD_AUTH),
        ("one byte short", len - 1, PAYLOAD_AUTH, PAYLOAD_AUTH),
    ] {
        cases.push(case(
            &format!("truncated {what} (at {at} of {len})"),
            good[..at].to_vec(),
            pass,
            key,
        ));
    }

    // Bit flips in the header. A changed passphrase stanza means the
    // passphrase no longer unwraps the file key (3); the recovery key still
    // unwraps it and then finds the header MAC wrong (4). The reverse for
    // the X25519 stanza.
    cases.push(case(
        "bit flip in the version line",
        xor(good.clone(), 3, 0x01),
        NOT_AGE,
        NOT_AGE,
    ));
    cases.push(case(
        "bit flip in the version number",
        xor(good.clone(), 20, 0x04),
        NOT_AGE,
        NOT_AGE,
    ));
    let mut b = good.clone();
    b64_flip(&mut b, h.field(&good, pass_line, 2));
    cases.push(case(
        "bit flip in the passphrase stanza's KDF salt",
        b,
        WRONG_PASS,
        TAG_MISMATCH,
    ));
    let mut b = good.clone();
    b64_flip(&mut b, h.field(&good, pass_line, 6));
    cases.push(case(
        "bit flip in the passphrase stanza's wrap salt",
        b,
        WRONG_PASS,
        TAG_MISMATCH,
    ));
    // 8192 -> 8193: a valid, different memory cost.
    cases.push(case(
        "bit flip in the passphrase stanza's memory cost",
        xor(good.clone(), h.field(&good, pass_line, 3) + 3, 0x01),
        WRONG_PASS,
        TAG_MISMATCH,
    ));
    // '8' ^ 0x40 = 'x': not a number any more.
    let malformed = Expect {
        code: 4,
        words: &["passphrase stanza is invalid", "not a number"],
    };
    cases.push(case(
        "bit flip makes the memory cost not a number",
        xor(good.clone(), h.field(&good, pass_line, 3), 0x40),
        malformed,
        TAG_MISMATCH,
    ));
    let mut b = good.clone();
    b64_flip(&mut b, h.lines[pass_line + 1].0);
    cases.push(case(
        "bit flip in the passphrase stanza body",
        b,
        WRONG_PASS,
        TAG_MISMATCH,
    ));
    let mut b = good.clone();
    b64_flip(&mut b, h.field(&good, x_line, 2));
    cases.push(case(
        "bit flip in the X25519 stanza's share",
        b,
        TAG_MISMATCH,
        NO_KEY,
    ));
    let mut b = good.clone();
    b64_flip(&mut b, h.lines[x_line + 1].0);
    cases.push(case(
        "bit flip in the X25519 stanza body",
        b,
        TAG_MISMATCH,
        NO_KEY,
    ));
    let mut b = good.clone();
    b64_flip(&mut b, h.lines[mac_line].0 + 4);
    cases.push(case("bit flip in the MAC", b, TAG_MISMATCH, TAG_MISMATCH));
    cases.push(case(
        "bit flip in the MAC line's prefix",
        xor(good.clone(), h.lines[mac_line].0 + 1, 0x01),
        DAMAGED,
        DAMAGED,
    ));
    // Bit flips in the payload: the header unlocks, the payload does not
    // authenticate.
    for (what, at) in [
        ("nonce", h.end + 3),
        ("first chunk", h.end + 16 + 5),
        ("last byte (tag)", len - 1),
    ] {
        cases.push(case(
            &format!("bit flip in the payload {what}"),
            xor(good.clone(), at, 0x80),
            PAYLOAD_AUTH,
            PAYLOAD_AUTH,
        ));
    }

    // Absurd KDF parameters: refused before any Argon2 work.
    let (s, _) = h.lines[pass_line];
    let line = String::from_utf8(good[s..h.lines[pass_line].1].to_vec()).unwrap();
    let f: Vec<&str> = line.split(' ').collect();
    let absurd = format!("{} {} {} 4194304 1000 255 {}", f[0], f[1], f[2], f[6]);
    let mut b = good[..s].to_vec();
    b.extend_from_slice(absurd.as_bytes());
    b.extend_from_slice(&good[h.lines[pass_line].1..]);
    cases.push(case(
        "absurd KDF parameters (m=4194304 t=1000 p=255)",
        b,
        Expect {
            code: 4,
            words: &["passphrase stanza is invalid", "outside"],
        },
        TAG_MISMATCH,
    ));

    // Well-encrypted plaintexts that are not this build's vault.
    let id = NamedIdentity::parse(&env.recovery_key()).unwrap();
    let payload = Vault::open(&env.vault, &Unlock::Identities(vec![id]))
        .unwrap()
        .payload()
        .clone();
    let mut future = payload.clone();
    future.version = 999;
    let too_new = Expect {
        code: 4,
        words: &["newer lifeboat", "999"],
    };
    cases.push(case(
        "payload version 999",
        seal(&mut future).unwrap().0,
        too_new,
        too_new,
    ));
    let not_vault = Expect {
        code: 4,
        words: &["not a lifeboat vault"],
    };
    cases.push(case(
        "JSON payload that is not a lifeboat vault",
        encrypt_like_vault(&payload, br#"{"hello": "world", "items": []}"#),
        not_vault,
        not_vault,
    ));
    cases.push(case(
        "payload that is not JSON",
        encrypt_like_vault(&payload, b"just some text\n"),
        Expect {
            code: 4,
            words: &["not valid JSON"],
        },
        Expect {
            code: 4,
            words: &["not valid JSON"],
        },
    ));
    // A damaged payload must not quote its values back. (A damaged item,
    // which only the paths that parse it refuse, is tests/damaged_item.rs.)
    let mut v: serde_json::Value =
        serde_json::from_slice(payload.to_json().unwrap().expose()).unwrap();
    v["recipients"] = serde_json::json!("LEAKED-CODE-7731");
    let mismatch = Expect {
        code: 4,
        words: &["do not match the format", "value hidden"],
    };
    cases.push(case(
        "payload with a value in a field of the wrong type",
        encrypt_like_vault(&payload, &serde_json::to_vec(&v).unwrap()),
        mismatch,
        mismatch,
    ));
    // Forgery: someone with only the public recipient plants a payload with
    // their own keys.
    let attacker = NamedIdentity::generate();
    let mut fake = payload.clone();
    fake.keys.recovery_identity = attacker.text.clone();
    fake.keys.recovery_recipient = attacker.recipient.clone();
    let rec: age::x25519::Recipient = payload.keys.recovery_recipient.parse().unwrap();
    let forged = age::encrypt(&rec, fake.to_json().unwrap().expose()).unwrap();
    cases.push(case(
        "forged vault encrypted to the public recovery recipient",
        forged,
        Expect {
            code: 4,
            words: &["no lifeboat passphrase stanza", "forgery"],
        },
        Expect {
            code: 4,
            words: &["authenticity check", "forgery"],
        },
    ));

    // Not age at all.
    let mut random = vec![0u8; 4096];
    use rand::RngCore;
    rand::thread_rng().fill_bytes(&mut random);
    random[0] = 0x80; // never accidentally "age-encryption.org"
    cases.push(case("random bytes", random, NOT_AGE, NOT_AGE));
    cases.push(case(
        "a text file",
        b"Shopping list\n- milk\n- bread\n".to_vec(),
        NOT_AGE,
        NOT_AGE,
    ));
    cases.push(case(
        "armored block of garbage",
        b"-----BEGIN AGE ENCRYPTED FILE-----\nbm90IGFuIGFnZSBmaWxlIGF0IGFsbA==\n-----END AGE ENCRYPTED FILE-----\n".to_vec(),
        DAMAGED,
        DAMAGED,
    ));
    cases.push(case(
        "armored block with broken base64",
        b"-----BEGIN AGE ENCRYPTED FILE-----\n!!!! not base64 !!!!\n-----END AGE ENCRYPTED FILE-----\n".to_vec(),
        DAMAGED,
        DAMAGED,
    ));
    cases.push(case(
        "age header with no stanza and no payload",
        b"age-encryption.org/v1\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n".to_vec(),
        DAMAGED,
        DAMAGED,
    ));
    cases
}

fn prepare(env: &Env, case: &Case) -> Env {
    let e = Env::empty();
    std::fs::copy(&env.key, &e.key).unwrap();
    match &case.bytes {
        Some(b) => std::fs::write(&e.vault, b).unwrap(),
        None => unreachable!(),
    }
    e
}

fn check(case: &str, how: &str, out: Out, expect: Expect, limit: Duration) {
    let what = format!("{case} [{how}]");
    assert_eq!(out.code, expect.code, "{what}: wrong exit code: {out:#?}");
    assert!(!out.stderr.contains("panicked"), "{what}: panic: {out:#?}");
    assert!(
        out.elapsed < limit,
        "{what}: took {:?} (limit {limit:?})",
        out.elapsed
    );
    assert!(out.stdout.is_empty(), "{what}: output on stdout: {out:#?}");
    assert!(
        out.stderr.starts_with("lifeboat: "),
        "{what}: no message: {out:#?}"
    );
    let low = out.stderr.to_lowercase();
    for w in expect.words {
        assert!(
            low.contains(&w.to_lowercase()),
            "{what}: stderr lacks {w:?}: {out:#?}"
        );
    }
    assert!(
        !out.stderr.contains("LEAKED-CODE"),
        "{what}: secret echoed: {}",
        out.stderr
    );
    // Never an internal error or a raw OS/serde dump without context.
    assert!(!low.contains("internal error"), "{what}: {out:#?}");
}

fn run_case(c: &Case, e: &Env) {
    let limit = Duration::from_secs(5);
    let write_dir = std::env::var_os("LIFEBOAT_WRITE_CORPUS");
    if let (Some(dir), Some(b)) = (&write_dir, &c.bytes) {
        let file: String = c
            .name
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
            .collect();
        std::fs::write(std::path::Path::new(dir).join(format!("{file}.age")), b).unwrap();
    }
    let run = |cmd, input: Option<&[u8]>| vault_harness::run(cmd, input, Duration::from_secs(20));
    check(
        &c.name,
        "list, passphrase",
        run(e.pass_command(&["list"]), None),
        c.pass,
        limit,
    );
    check(
        &c.name,
        "list, recovery key",
        run(e.key_command(&["list"]), None),
        c.key,
        limit,
    );
    let before = e.snapshot();
    check(
        &c.name,
        "add, passphrase",
        run(e.pass_command(&["add", "note", "new"]), Some(b"x")),
        c.pass,
        limit,
    );
    before.assert_unchanged(&e.vault, &format!("{} [add, passphrase]", c.name));
    check(
        &c.name,
        "add, recovery key",
        run(e.key_command(&["add", "note", "new"]), Some(b"x")),
        c.key,
        limit,
    );
    before.assert_unchanged(&e.vault, &format!("{} [add, recovery key]", c.name));
    assert!(e.temp_files().is_empty(), "{}: temp files left", c.name);
}

#[test]
fn malformed_vault_corpus() {
    let env = Env::init();
    env.add_note("existing", "some text");
    let cases = corpus(&env);
    assert!(cases.len() >= 30, "{} cases", cases.len());
    // Run every case, then report all failures together.
    let mut failed = Vec::new();
    for c in &cases {
        let e = prepare(&env, c);
        if std::panic::catch_unwind(|| run_case(c, &e)).is_err() {
            failed.push(c.name.clone());
        }
    }
    assert!(failed.is_empty(), "failed cases: {failed:#?}");
    eprintln!("{} malformed-vault cases passed", cases.len());
}

/// The same corpus for a Chinese user (`LANG=zh_CN.UTF-8` and nothing
/// else): every message is Chinese, with no English sentence and none of
/// the English catalogue's, the exit code is the one an English user gets,
/// and `add` leaves the file byte for byte as it was.
#[test]
fn malformed_vault_corpus_in_chinese() {
    let env = Env::init();
    env.add_note("existing", "some text");
    let cases = corpus(&env);
    let english = zh_check::english_catalogue_sentences();
    let mut failed = Vec::new();
    for c in &cases {
        let e = prepare(&env, c);
        let config = e.dir.path().join("no-config.toml");
        let zh = |mut cmd: std::process::Command| {
            zh_check::chinese_user(&mut cmd, &config);
            cmd
        };
        let result = std::panic::catch_unwind(|| {
            let run =
                |cmd, input: Option<&[u8]>| vault_harness::run(cmd, input, vault_harness::LIMIT);
            let before = e.snapshot();
            for (how, out, expect) in [
                (
                    "list, passphrase",
                    run(zh(e.pass_command(&["list"])), None),
                    c.pass,
                ),
                (
                    "list, recovery key",
                    run(zh(e.key_command(&["list"])), None),
                    c.key,
                ),
                (
                    "add, passphrase",
                    run(zh(e.pass_command(&["add", "note", "new"])), Some(b"x")),
                    c.pass,
                ),
                (
                    "add, recovery key",
                    run(zh(e.key_command(&["add", "note", "new"])), Some(b"x")),
                    c.key,
                ),
            ] {
                let what = format!("{} [{how}]", c.name);
                assert_eq!(out.code, expect.code, "{what}: exit code: {out:#?}");
                assert!(out.stdout.is_empty(), "{what}: {out:#?}");
                let msg = out
                    .stderr
                    .strip_prefix("lifeboat: ")
                    .unwrap_or_else(|| panic!("{what}: no message: {out:#?}"));
                assert!(!msg.contains("panicked"), "{what}: {out:#?}");
                zh_check::assert_chinese(&what, msg, &english);
                before.assert_unchanged(&e.vault, &what);
            }
        });
        if result.is_err() {
            failed.push(c.name.clone());
        }
    }
    assert!(failed.is_empty(), "failed cases: {failed:#?}");
}

#[test]
fn absurd_kdf_parameters_fail_fast() {
    // Separate from the corpus so the 2 s bound is visible on its own.
    let env = Env::init();
    let good = std::fs::read(&env.vault).unwrap();
    let text = String::from_utf8_lossy(&good).into_owned();
    let line = text
        .lines()
        .find(|l| l.starts_with("-> lifeboat.dev/argon2id "))
        .unwrap()
        .to_owned();
    let f: Vec<&str> = line.split(' ').collect();
    for (m, t, p) in [
        ("4194304", "1000", "255"),
        ("4294967295", "1", "1"),
        ("2097152", "16", "16"),
        ("8192", "4294967295", "1"),
        ("8192", "1", "0"),
        ("0", "1", "1"),
        ("08192", "1", "1"),
        ("-1", "1", "1"),
    ] {
        let absurd = format!("{} {} {} {m} {t} {p} {}", f[0], f[1], f[2], f[6]);
        let bytes = [
            &good[..text.find(&line).unwrap()],
            absurd.as_bytes(),
            &good[text.find(&line).unwrap() + line.len()..],
        ]
        .concat();
        std::fs::write(&env.vault, &bytes).unwrap();
        let out = env
            .pass_cmd(&["list"], None)
            .code(4)
            .says(&["passphrase stanza is invalid"]);
        assert!(
            out.elapsed < Duration::from_secs(2),
            "m={m} t={t} p={p} took {:?}",
            out.elapsed
        );
    }
}

#[test]
fn oversized_file_is_refused_by_size() {
    let env = Env::init();
    let before = env.snapshot();
    let big = env.dir.path().join("big.age");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(300 * 1024 * 1024).unwrap(); // sparse: no disk used
    drop(f);
    let mut e = Env::empty();
    std::fs::copy(&env.key, &e.key).unwrap();
    e.vault = big.clone();
    for out in [
        e.pass_cmd(&["list"], None),
        e.key_cmd(&["list"], None),
        e.pass_cmd(&["add", "note", "n"], Some(b"x")),
        e.key_cmd(&["add", "note", "n"], Some(b"x")),
    ] {
        let out = out.code(4).says(&["larger than any vault"]);
        assert!(out.elapsed < Duration::from_secs(2), "{:?}", out.elapsed);
    }
    assert_eq!(std::fs::metadata(&big).unwrap().len(), 300 * 1024 * 1024);
    before.assert_unchanged(&env.vault, "untouched neighbour");
    let _ = Snapshot::of(&big);
}

#[test]
fn a_directory_in_place_of_the_vault() {
    let env = Env::init();
    let mut e = Env::empty();
    std::fs::copy(&env.key, &e.key).unwrap();
    e.vault = e.dir.path().join("dir.age");
    std::fs::create_dir(&e.vault).unwrap();
    e.pass_cmd(&["list"], None)
        .code(4)
        .says(&["not a regular file"]);
    e.key_cmd(&["add", "note", "n"], Some(b"x"))
        .code(4)
        .says(&["not a regular file"]);
}

#[test]
fn wrong_passphrase_leaves_the_vault_byte_for_byte() {
    let env = Env::init();
    env.add_note("keep", "me");
    let wrong = env.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let before = env.snapshot();
    std::thread::sleep(Duration::from_millis(20)); // a write would show in mtime
    for args in [
        &["list"][..],
        &["show", "keep"],
        &["add", "note", "other"],
        &["rm", "keep"],
        &[
            "passwd",
            "--new-passphrase-fd",
            "3",
            "--allow-weak-passphrase",
        ],
        &[
            "recipient",
            "add",
            "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
        ],
    ] {
        let input: Option<&[u8]> = (args[0] == "add").then_some(b"x");
        env.passfile_cmd(&wrong, args, input)
            .code(3)
            .says(&["wrong passphrase", "recover"]);
        before.assert_unchanged(&env.vault, &format!("{args:?}"));
    }
    assert!(env.temp_files().is_empty());
    assert_eq!(env.names(), ["keep"]);
}

/// The committed golden vault (tests/corpus/vault/generate.sh): every later
/// build must open the v1 format with both unlock paths, and see the same
/// items.
#[test]
fn golden_v1_vault_still_opens() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/vault");
    let e = Env::empty();
    std::fs::copy(corpus.join("golden-v1.age"), &e.vault).unwrap();
    std::fs::copy(corpus.join("golden-v1.key"), &e.key).unwrap();
    std::fs::copy(corpus.join("golden-v1.passphrase"), &e.pass).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("golden-v1.list.json")).unwrap())
            .unwrap();
    assert_eq!(e.pass_cmd(&["list", "--json"], None).ok().json(), want);
    assert_eq!(e.key_cmd(&["list", "--json"], None).ok().json(), want);
    let bank = e
        .pass_cmd(&["show", "bank", "--json", "--reveal"], None)
        .ok()
        .json();
    assert_eq!(bank["secret"]["password"], "hunter2-golden");
    let codes = e
        .key_cmd(&["show", "gh codes", "--json", "--reveal"], None)
        .ok()
        .json();
    assert!(codes["secret"]["codes"][0]["used"].is_null());
    assert!(codes["secret"]["codes"][1]["used"].is_string());
    let out = e.key_cmd(&["code", "github 2fa", "--at", "59"], None).ok();
    assert_eq!(out.stdout.trim().len(), 6);
    // A copy can be written by this build and still opens both ways.
    e.pass_cmd(&["add", "note", "new"], Some(b"written by this build"))
        .ok();
    assert_eq!(
        e.key_cmd(&["list", "--json"], None)
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        7
    );
    if let Some(age) = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("age"))
            .find(|p| p.is_file())
    }) {
        let out = std::process::Command::new(age)
            .arg("-d")
            .arg("-i")
            .arg(corpus.join("golden-v1.key"))
            .arg(corpus.join("golden-v1.age"))
            .output()
            .unwrap();
        assert!(out.status.success());
        let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(p["version"], 1);
    } else if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("oracle missing under CI=true: command `age`");
    }
}
