//! Forgery: what each unlock path proves, attacked as the threat model
//! says an attacker would (docs/threat-model.md, docs/vault-format.md).
//!
//! - Someone who knows only the public recovery recipient plants a vault
//!   (their own keys in the payload, the victim's recovery recipient listed
//!   as an "extra recipient", a planted item): refused on every path and
//!   every command.
//! - Someone who holds an extra identity (a second device, a helper's key)
//!   can read the vault; they must not be able to write one that the
//!   passphrase or the recovery key accepts, not even by keeping a genuine
//!   header and re-encrypting new contents under its file key.
//! - A genuine vault opens on every path; opened with an extra identity it
//!   reads (marked unverified) and refuses every write with exit 3.
//!
//! The forged files are built here from a genuine vault, with the age crate
//! and, for the escape hatch, the real `age` CLI.

mod common;
mod vault_harness;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use vault_harness::{run, with_fd3, Env, Out, LIMIT};

const PLANTED: &str = "planted";

/// The recovery key of `env` as an age identity.
fn recovery(env: &Env) -> age::x25519::Identity {
    env.recovery_key().parse().unwrap()
}

/// Decrypts `file` with `id` (the age crate; any stock reader does the same).
fn decrypt(id: &age::x25519::Identity, file: &Path) -> Vec<u8> {
    age::decrypt(id, &std::fs::read(file).unwrap()).unwrap()
}

fn planted_item() -> Value {
    json!({
        "id": "00112233445566ff",
        "name": PLANTED,
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
        "secret": {"kind": "note", "text": "move the funds to the new address"}
    })
}

/// Encrypts `plain` to `recipients` the way stock age does.
fn encrypt_to(recipients: &[&dyn age::Recipient], plain: &[u8]) -> Vec<u8> {
    let enc = age::Encryptor::with_recipients(recipients.iter().copied()).unwrap();
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).unwrap();
    w.write_all(plain).unwrap();
    w.finish().unwrap();
    out
}

/// The reproduction of the recovery-key forgery: a genuine payload (read
/// from an earlier copy), the attacker's key pair as the recovery key, the
/// victim's recovery recipient added as an extra recipient, a planted item,
/// encrypted with `age -r <victim's recipient>`.
fn forge_with_recipient_only(env: &Env) -> Vec<u8> {
    let victim = recovery(env);
    let mut p: Value = serde_json::from_slice(&decrypt(&victim, &env.vault)).unwrap();
    let attacker = age::x25519::Identity::generate();
    use age::secrecy::ExposeSecret;
    p["version"] = json!(1);
    p["keys"]["recovery_identity"] = json!(attacker.to_string().expose_secret());
    p["keys"]["recovery_recipient"] = json!(attacker.to_public().to_string());
    if let Some(k) = p["keys"].as_object_mut() {
        k.remove("sealed");
    }
    p["keys"]["passphrase"]["key"] = json!("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    p["recipients"].as_array_mut().unwrap().push(
        json!({"recipient": victim.to_public().to_string(), "added": "2026-01-01T00:00:00Z"}),
    );
    p["items"].as_array_mut().unwrap().push(planted_item());
    let plain = serde_json::to_vec(&p).unwrap();
    encrypt_to(&[&victim.to_public()], &plain)
}

/// A careful attacker with only the public recipient: their own passphrase
/// stanza (so the header looks like lifeboat's), their recovery key, and
/// the victim's recovery recipient listed as an extra recipient.
fn forge_with_own_passphrase(env: &Env) -> Vec<u8> {
    use age::secrecy::ExposeSecret;
    use lifeboat::vault::crypto::{new_passphrase_key, KdfParams, PassphraseRecipient};
    let victim = recovery(env);
    let mut p: Value = serde_json::from_slice(&decrypt(&victim, &env.vault)).unwrap();
    let attacker = age::x25519::Identity::generate();
    let params = KdfParams {
        m_kib: 8 * 1024,
        t: 1,
        p: 1,
    };
    let pk = new_passphrase_key(&"attacker passphrase".into(), params).unwrap();
    p["version"] = json!(1);
    p["keys"] = json!({
        "recovery_identity": attacker.to_string().expose_secret(),
        "recovery_recipient": attacker.to_public().to_string(),
        "passphrase": serde_json::to_value(&pk).unwrap(),
    });
    p["recipients"].as_array_mut().unwrap().push(
        json!({"recipient": victim.to_public().to_string(), "added": "2026-01-01T00:00:00Z"}),
    );
    p["items"].as_array_mut().unwrap().push(planted_item());
    let plain = serde_json::to_vec(&p).unwrap();
    let pass = PassphraseRecipient(&pk);
    encrypt_to(&[&pass, &attacker.to_public(), &victim.to_public()], &plain)
}

/// A file's header (up to and including the `--- mac` line) and its X25519
/// stanzas as age-core stanzas.
fn header_of(bytes: &[u8]) -> (usize, Vec<age_core::format::Stanza>) {
    use base64::Engine;
    let mut pos = 0;
    let mut stanzas = Vec::new();
    let mut lines = Vec::new();
    while pos < bytes.len() {
        let end = pos + bytes[pos..].iter().position(|b| *b == b'\n').unwrap();
        let line = std::str::from_utf8(&bytes[pos..end]).unwrap().to_owned();
        pos = end + 1;
        let last = line.starts_with("--- ");
        lines.push(line);
        if last {
            break;
        }
    }
    let mut i = 1; // after the version line
    while i < lines.len() && lines[i].starts_with("-> ") {
        let mut words = lines[i][3..].split(' ').map(str::to_owned);
        let tag = words.next().unwrap();
        let args: Vec<String> = words.collect();
        i += 1;
        let mut body = String::new();
        loop {
            let l = &lines[i];
            i += 1;
            body.push_str(l);
            if l.len() < 64 {
                break;
            }
        }
        let body = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(body)
            .unwrap();
        stanzas.push(age_core::format::Stanza { tag, args, body });
    }
    (pos, stanzas)
}

/// age's payload encryption (STREAM, ChaCha20-Poly1305, 64 KiB chunks)
/// under a given file key and a fresh nonce.
fn age_payload(file_key: &[u8], plain: &[u8]) -> Vec<u8> {
    use chacha20poly1305::aead::{Aead, KeyInit};
    use rand::RngCore;
    let mut nonce = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let hk = hkdf::Hkdf::<sha2::Sha256>::new(Some(&nonce), file_key);
    let mut key = [0u8; 32];
    hk.expand(b"payload", &mut key).unwrap();
    let aead = chacha20poly1305::ChaCha20Poly1305::new(&key.into());
    let mut out = nonce.to_vec();
    let chunks: Vec<&[u8]> = if plain.is_empty() {
        vec![&[]]
    } else {
        plain.chunks(64 * 1024).collect()
    };
    for (n, c) in chunks.iter().enumerate() {
        let mut iv = [0u8; 12];
        iv[3..11].copy_from_slice(&(n as u64).to_be_bytes());
        iv[11] = u8::from(n + 1 == chunks.len());
        out.extend(aead.encrypt(&iv.into(), *c).unwrap());
    }
    out
}

/// The file-key trick of someone who can decrypt (an extra recipient, or
/// anyone with an old plaintext copy and a file): keep the genuine header,
/// passphrase stanza and all, and encrypt changed contents under the same
/// file key. The header MAC still verifies, since it covers only the header.
fn forge_reusing_file_key(vault: &Path, holder: &age::x25519::Identity) -> Vec<u8> {
    use age::secrecy::ExposeSecret;
    use age::Identity;
    let bytes = std::fs::read(vault).unwrap();
    let (header_len, stanzas) = header_of(&bytes);
    let file_key = holder.unwrap_stanzas(&stanzas).unwrap().unwrap();
    let mut p: Value = serde_json::from_slice(&age::decrypt(holder, &bytes).unwrap()).unwrap();
    p["items"].as_array_mut().unwrap().push(planted_item());
    let plain = serde_json::to_vec(&p).unwrap();
    let mut out = bytes[..header_len].to_vec();
    out.extend(age_payload(file_key.expose_secret(), &plain));
    // The trick itself must work: stock age reads the planted item.
    let check: Value = serde_json::from_slice(&age::decrypt(holder, &out).unwrap()).unwrap();
    assert!(check.to_string().contains(PLANTED));
    out
}

/// An extra identity, written to a file, and its recipient added to the
/// vault with the passphrase.
fn add_extra(env: &Env) -> (age::x25519::Identity, PathBuf) {
    use age::secrecy::ExposeSecret;
    let extra = age::x25519::Identity::generate();
    let file = env.dir.path().join("extra.txt");
    std::fs::write(&file, format!("{}\n", extra.to_string().expose_secret())).unwrap();
    env.pass_cmd(&["recipient", "add", &extra.to_public().to_string()], None)
        .ok();
    (extra, file)
}

/// A run with these identity files.
fn ids_cmd(env: &Env, ids: &[&Path], args: &[&str], input: Option<&[u8]>) -> Out {
    let mut c = Command::new(vault_harness::BIN);
    c.args(env.vault_args(args));
    for i in ids {
        c.arg("--identity").arg(i);
    }
    run(c, input, LIMIT)
}

/// `recover` with shares, the new passphrase on descriptor 3.
fn recover_with_shares(env: &Env, shares: &[PathBuf]) -> Out {
    let mut a: Vec<&str> = vec!["--vault", env.vault.to_str().unwrap(), "recover"];
    for s in shares {
        a.extend(["--shares", s.to_str().unwrap()]);
    }
    a.extend(["--new-passphrase-fd", "3", "--allow-weak-passphrase"]);
    run(with_fd3(&env.pass, &a), None, LIMIT)
}

/// Splits the recovery key into 2-of-3 shares; returns two share files.
fn two_shares(env: &Env) -> Vec<PathBuf> {
    let dir = env.dir.path().join("shares");
    env.pass_cmd(
        &[
            "split",
            "--threshold",
            "2",
            "--shares",
            "3",
            "--out",
            dir.to_str().unwrap(),
        ],
        None,
    )
    .ok();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files.truncate(2);
    files
}

#[track_caller]
fn refused_as_forgery(out: Out) -> Out {
    let out = out.code(4).no_panic();
    assert!(
        out.stderr.contains("forgery") && !out.stdout.contains(PLANTED),
        "{}",
        out.stderr
    );
    out
}

#[test]
fn recovery_recipient_forgery_is_refused_on_every_path_and_command() {
    let env = Env::init();
    env.add_note("genuine", "real note");
    let shares = two_shares(&env);
    let forged = forge_with_recipient_only(&env);
    std::fs::write(&env.vault, &forged).unwrap();
    let before = env.snapshot();

    // The recovery-key path, every reading and writing command.
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", PLANTED, "--reveal"],
        &["export"],
        &["doctor"],
        &["recipient", "list"],
    ] {
        refused_as_forgery(env.key_cmd(args, None));
    }
    refused_as_forgery(env.key_cmd(&["add", "note", "x"], Some(b"x")));
    let recover = with_fd3(
        &env.pass,
        &[
            "--vault",
            env.vault.to_str().unwrap(),
            "--identity",
            env.key.to_str().unwrap(),
            "recover",
            "--new-passphrase-fd",
            "3",
            "--allow-weak-passphrase",
        ],
    );
    refused_as_forgery(run(recover, None, LIMIT));
    refused_as_forgery(recover_with_shares(&env, &shares));
    let backups = env.dir.path().join("backups");
    refused_as_forgery(env.key_cmd(&["backup", backups.to_str().unwrap()], None));
    // The passphrase path: no longer "use --identity" (straight into the
    // trap) but a possible forgery.
    let out = refused_as_forgery(env.pass_cmd(&["list"], None));
    assert!(
        !out.stderr.contains("open it with --identity"),
        "{}",
        out.stderr
    );
    before.assert_unchanged(&env.vault, "forged vault after every command");
    assert!(!backups.exists() || std::fs::read_dir(&backups).unwrap().next().is_none());
}

#[test]
fn forged_file_as_a_backup_is_refused_by_verify_and_restore() {
    let env = Env::init();
    env.add_note("genuine", "real note");
    let forged_path = env.dir.path().join("vault-backup.age");
    std::fs::write(&forged_path, forge_with_recipient_only(&env)).unwrap();
    let before = env.snapshot();
    let f = forged_path.to_str().unwrap();
    refused_as_forgery(env.key_cmd(&["verify", f], None));
    refused_as_forgery(env.pass_cmd(&["verify", f], None));
    refused_as_forgery(env.key_cmd(&["restore", f], None));
    refused_as_forgery(env.pass_cmd(&["restore", f, "--force"], None));
    before.assert_unchanged(&env.vault, "vault after a forged restore");
    assert_eq!(env.names(), vec!["genuine"]);
}

#[test]
fn careful_recovery_forgery_is_read_only_and_never_recovered() {
    // With a passphrase stanza of their own, the forged header looks like
    // lifeboat's, and the victim's recovery key is listed as an extra
    // recipient: the open cannot be told from an extra identity's. It must
    // then be unverified (warned, read-only), never a recovery.
    let env = Env::init();
    env.add_note("genuine", "real note");
    let shares = two_shares(&env);
    std::fs::write(&env.vault, forge_with_own_passphrase(&env)).unwrap();
    let before = env.snapshot();
    // The victim's passphrase does not open the attacker's stanza.
    env.pass_cmd(&["list"], None).code(3);
    let out = env.key_cmd(&["list", "--json"], None).ok();
    assert!(out.stderr.contains("UNVERIFIED"), "{}", out.stderr);
    assert!(out.stderr.contains("not your vault"), "{}", out.stderr);
    for i in out.json().as_array().unwrap() {
        assert_eq!(i["verified"], false, "{i}");
    }
    let out = env.key_cmd(&["show", PLANTED, "--json"], None).ok();
    assert_eq!(out.json()["verified"], false);
    let recover = with_fd3(
        &env.pass,
        &[
            "--vault",
            env.vault.to_str().unwrap(),
            "--identity",
            env.key.to_str().unwrap(),
            "recover",
            "--new-passphrase-fd",
            "3",
            "--allow-weak-passphrase",
        ],
    );
    let out = run(recover, None, LIMIT).code(3);
    assert!(out.stderr.contains("not your vault"), "{}", out.stderr);
    recover_with_shares(&env, &shares).code(3);
    env.key_cmd(&["add", "note", "x"], Some(b"x")).code(3);
    env.key_cmd(&["rm", PLANTED], None).code(3);
    env.key_cmd(
        &["playbook", "check", "account-locked", "confirm-lockout"],
        None,
    )
    .code(3);
    before.assert_unchanged(&env.vault, "careful forgery after writes");
}

#[test]
fn extra_recipients_never_see_what_authenticates_a_save() {
    let env = Env::init();
    let (extra, _) = add_extra(&env);
    env.add_note("genuine", "real note");
    let plain = decrypt(&extra, &env.vault);
    let text = String::from_utf8(plain).unwrap();
    let p: Value = serde_json::from_str(&text).unwrap();
    assert!(
        p["keys"].get("recovery_identity").is_none(),
        "{}",
        p["keys"]
    );
    assert!(
        p["keys"]["passphrase"].get("key").is_none(),
        "{}",
        p["keys"]
    );
    assert!(
        !text.contains(&env.recovery_key()),
        "recovery key readable by extra"
    );
    assert!(!text.to_uppercase().contains("AGE-SECRET-KEY-1"));
    // The inner envelope does not open with the extra identity.
    use base64::Engine;
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(p["keys"]["sealed"].as_str().unwrap())
        .unwrap();
    assert!(age::decrypt(&extra, &sealed).is_err());
    let inner: Value =
        serde_json::from_slice(&age::decrypt(&recovery(&env), &sealed).unwrap()).unwrap();
    assert_eq!(inner["recovery_identity"], env.recovery_key());
}

#[test]
fn extra_identity_forgery_reusing_the_file_key_is_refused() {
    let env = Env::init();
    let (extra, extra_file) = add_extra(&env);
    env.add_note("genuine", "real note");
    let forged = forge_reusing_file_key(&env.vault, &extra);
    std::fs::write(&env.vault, &forged).unwrap();
    let before = env.snapshot();
    refused_as_forgery(env.pass_cmd(&["show", PLANTED, "--reveal"], None));
    refused_as_forgery(env.pass_cmd(&["list"], None));
    refused_as_forgery(env.key_cmd(&["list"], None));
    refused_as_forgery(env.key_cmd(&["show", PLANTED], None));
    // Its author's own key proves nothing: read-only, and marked so.
    let out = ids_cmd(&env, &[&extra_file], &["list"], None).ok();
    assert!(out.stderr.contains("UNVERIFIED"), "{}", out.stderr);
    ids_cmd(&env, &[&extra_file], &["add", "note", "y"], Some(b"y")).code(3);
    before.assert_unchanged(&env.vault, "forged vault");
}

#[test]
fn extra_identity_forgery_with_a_fresh_file_is_refused() {
    // Someone who can read rebuilds the whole file: new contents, a copy of
    // the genuine key envelope, the passphrase stanza's salt and cost
    // copied. Without K they cannot make a stanza the passphrase opens, and
    // without the authentication key no code the recovery key accepts.
    use lifeboat::vault::crypto::{new_passphrase_key, KdfParams, PassphraseRecipient};
    let env = Env::init();
    let (extra, _) = add_extra(&env);
    env.add_note("genuine", "real note");
    let mut p: Value = serde_json::from_slice(&decrypt(&extra, &env.vault)).unwrap();
    p["items"].as_array_mut().unwrap().push(planted_item());
    let plain = serde_json::to_vec(&p).unwrap();
    let params: KdfParams =
        serde_json::from_value(p["keys"]["passphrase"]["params"].clone()).unwrap();
    let guess = new_passphrase_key(&"a guess".into(), params).unwrap();
    let pass = PassphraseRecipient(&guess);
    let rec: age::x25519::Recipient = p["keys"]["recovery_recipient"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let forged = encrypt_to(&[&pass, &rec, &extra.to_public()], &plain);
    std::fs::write(&env.vault, &forged).unwrap();
    let before = env.snapshot();
    // The stanza's salt is the guess's, not the vault's.
    assert_ne!(env.pass_cmd(&["list"], None).no_panic().code, 0);
    refused_as_forgery(env.key_cmd(&["list"], None));
    before.assert_unchanged(&env.vault, "forged vault");
}

#[test]
fn genuine_vault_opens_on_every_path() {
    let env = Env::init();
    let (_, extra_file) = add_extra(&env);
    env.add_note("by passphrase", "one");
    env.key_cmd(&["add", "note", "by key"], Some(b"two")).ok();
    let shares = two_shares(&env);
    recover_with_shares(&env, &shares).ok();
    env.pass_cmd(&["add", "note", "after shares"], Some(b"three"))
        .ok();
    let out = env.pass_cmd(&["show", "by key", "--json"], None).ok();
    assert_eq!(out.json()["verified"], true);
    let out = env.key_cmd(&["list", "--json"], None).ok();
    assert!(!out.stderr.contains("UNVERIFIED"), "{}", out.stderr);
    assert_eq!(out.json().as_array().unwrap().len(), 3);
    assert!(out.json()[0].get("verified").is_none());
    // The extra identity reads, marked unverified.
    let out = ids_cmd(
        &env,
        &[&extra_file],
        &["show", "by key", "--json", "--reveal"],
        None,
    )
    .ok();
    assert_eq!(out.json()["verified"], false);
    assert_eq!(out.json()["secret"]["text"], "two");
    assert!(out.stderr.contains("UNVERIFIED"), "{}", out.stderr);
    // Extra identity plus the recovery key proves the session.
    ids_cmd(
        &env,
        &[&extra_file, &env.key],
        &["add", "note", "both"],
        Some(b"4"),
    )
    .ok();
    assert_eq!(env.names().len(), 4);
    // The previous generation and a backup open on every path too.
    let backups = env.dir.path().join("b");
    let out = env
        .key_cmd(&["backup", backups.to_str().unwrap()], None)
        .ok();
    let b = out.stdout.trim().to_owned();
    env.pass_cmd(&["verify", &b], None).ok();
    env.key_cmd(&["verify", &b], None).ok();
}

#[test]
fn extra_identity_reads_but_every_write_is_refused_with_exit_3() {
    let env = Env::init();
    let (_, extra_file) = add_extra(&env);
    env.add_note("genuine", "real note");
    let backups = env.dir.path().join("b");
    let backup = env
        .pass_cmd(&["backup", backups.to_str().unwrap()], None)
        .ok()
        .stdout
        .trim()
        .to_owned();
    let before = env.snapshot();
    let x: &Path = &extra_file;
    ids_cmd(&env, &[x], &["list"], None).ok();
    ids_cmd(&env, &[x], &["show", "genuine", "--reveal"], None).ok();
    let out = ids_cmd(&env, &[x], &["recipient", "list", "--json"], None).ok();
    assert_eq!(out.json()["verified"], false);
    assert!(out.stderr.contains("UNVERIFIED"), "{}", out.stderr);
    let out = env.pass_cmd(&["recipient", "list", "--json"], None).ok();
    assert_eq!(out.json()["verified"], true);
    for (args, input) in [
        (&["add", "note", "n"][..], Some(&b"n"[..])),
        (&["rm", "genuine"], None),
        (
            &[
                "passwd",
                "--new-passphrase-fd",
                "0",
                "--allow-weak-passphrase",
            ],
            Some(&b"new passphrase here\n"[..]),
        ),
        (
            &[
                "recover",
                "--new-passphrase-fd",
                "0",
                "--allow-weak-passphrase",
            ],
            Some(&b"new passphrase here\n"[..]),
        ),
        (&["restore", &backup, "--force"], None),
        (
            &["playbook", "check", "account-locked", "confirm-lockout"],
            None,
        ),
        (
            &[
                "recipient",
                "rm",
                "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq",
            ],
            None,
        ),
        (
            &[
                "rotate",
                "--new-passphrase-fd",
                "0",
                "--allow-weak-passphrase",
            ],
            Some(&b"new passphrase here\n"[..]),
        ),
        (&["split", "--threshold", "2", "--shares", "3"], None),
        (&["backup", backups.to_str().unwrap()], None),
    ] {
        let out = ids_cmd(&env, &[x], args, input).code(3).no_panic();
        assert!(
            out.stderr.contains("recovery key") && !out.stderr.contains("internal error"),
            "{args:?}: {}",
            out.stderr
        );
    }
    before.assert_unchanged(&env.vault, "vault after refused writes");
}

#[test]
fn escape_hatch_still_opens_with_stock_age_and_reaches_the_keys() {
    let env = Env::init();
    add_extra(&env);
    env.add_note("genuine", "real note");
    let Some(age_bin) = common::oracle_tool("age") else {
        return;
    };
    let out = Command::new(&age_bin)
        .args(["-d", "-i"])
        .arg(&env.key)
        .arg(&env.vault)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["version"], 3);
    assert_eq!(p["items"][0]["secret"]["text"], "real note");
    // The inner envelope is a standard age file too.
    use base64::Engine;
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(p["keys"]["sealed"].as_str().unwrap())
        .unwrap();
    let mut child = Command::new(&age_bin)
        .args(["-d", "-i"])
        .arg(&env.key)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&sealed).unwrap();
    let mut inner = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut inner)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let inner: Value = serde_json::from_str(&inner).unwrap();
    assert_eq!(inner["recovery_identity"], env.recovery_key());
    // The authentication code an independent reader recomputes: HMAC-SHA256
    // of the exact payload bytes under the inner envelope's key.
    use hmac::Mac;
    let auth = base64::engine::general_purpose::STANDARD
        .decode(inner["auth_key"].as_str().unwrap())
        .unwrap();
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(&auth).unwrap();
    m.update(&out.stdout);
    let want = m.finalize().into_bytes();
    let (_, stanzas) = header_of(&std::fs::read(&env.vault).unwrap());
    let mac: Vec<_> = stanzas
        .iter()
        .filter(|s| s.tag == "lifeboat.dev/hmac-sha256")
        .collect();
    assert_eq!(mac.len(), 1);
    assert!(mac[0].args.is_empty());
    assert_eq!(mac[0].body, want.to_vec());
}

#[test]
fn version_1_vault_opens_and_migrates_on_its_next_save() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/vault");
    let env = Env::empty();
    std::fs::copy(corpus.join("golden-v1.age"), &env.vault).unwrap();
    std::fs::copy(corpus.join("golden-v1.key"), &env.key).unwrap();
    let pass = corpus.join("golden-v1.passphrase");
    let old: Value = serde_json::from_slice(&decrypt(&recovery(&env), &env.vault)).unwrap();
    assert_eq!(old["version"], 1);
    env.passfile_cmd(&pass, &["list"], None).ok();
    let out = env.key_cmd(&["list"], None).ok();
    assert!(!out.stderr.contains("UNVERIFIED"));
    env.passfile_cmd(&pass, &["add", "note", "after upgrade"], Some(b"x"))
        .ok();
    let new: Value = serde_json::from_slice(&decrypt(&recovery(&env), &env.vault)).unwrap();
    assert_eq!(new["version"], 3);
    assert!(new["keys"].get("recovery_identity").is_none());
    assert!(new["keys"]["sealed"].is_string());
    assert_eq!(new["vault_id"], old["vault_id"]);
    env.passfile_cmd(&pass, &["show", "wallet", "--reveal"], None)
        .ok();
    env.key_cmd(&["show", "after upgrade"], None).ok();
}

/// An authentication stanza as lifeboat writes it (docs/vault-format.md,
/// section 4.2), for forgeries by someone who knows the keys.
struct MacStanza([u8; 32]);

impl age::Recipient for MacStanza {
    fn wrap_file_key(
        &self,
        _: &age_core::format::FileKey,
    ) -> Result<
        (
            Vec<age_core::format::Stanza>,
            std::collections::HashSet<String>,
        ),
        age::EncryptError,
    > {
        let s = age_core::format::Stanza {
            tag: "lifeboat.dev/hmac-sha256".into(),
            args: vec![],
            body: self.0.to_vec(),
        };
        Ok((vec![s], Default::default()))
    }
}

/// A vault written from the spec by someone who knows `K` for a salt (the
/// passphrase's stand-in) but neither the recovery key nor the
/// authentication key: their own envelope, recovery key and code.
fn forge_with_known_k(genuine: &Value, k: &str) -> Vec<u8> {
    use age::secrecy::ExposeSecret;
    use base64::Engine;
    use hmac::Mac;
    use lifeboat::secret::SecretBytes;
    use lifeboat::vault::crypto::{PassphraseKey, PassphraseRecipient};
    let b64 = &base64::engine::general_purpose::STANDARD;
    let pk = PassphraseKey {
        salt: SecretBytes::new(
            b64.decode(genuine["keys"]["passphrase"]["salt"].as_str().unwrap())
                .unwrap(),
        ),
        params: serde_json::from_value(genuine["keys"]["passphrase"]["params"].clone()).unwrap(),
        key: SecretBytes::new(b64.decode(k).unwrap()),
    };
    let attacker = age::x25519::Identity::generate();
    let auth = [9u8; 32];
    let inner = json!({
        "format": "lifeboat-keys", "version": 1,
        "recovery_identity": attacker.to_string().expose_secret(),
        "passphrase_key": k,
        "auth_key": b64.encode(auth),
    });
    let pass = PassphraseRecipient(&pk);
    let sealed = encrypt_to(
        &[&pass, &attacker.to_public()],
        &serde_json::to_vec(&inner).unwrap(),
    );
    let mut p = genuine.clone();
    p["keys"]["recovery_recipient"] = json!(attacker.to_public().to_string());
    p["keys"]["sealed"] = json!(b64.encode(sealed));
    p["recipients"] = json!([]);
    p["items"].as_array_mut().unwrap().push(planted_item());
    let plain = serde_json::to_vec(&p).unwrap();
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(&auth).unwrap();
    m.update(&plain);
    let mac = MacStanza(m.finalize().into_bytes().into());
    encrypt_to(&[&pass, &mac, &attacker.to_public()], &plain)
}

#[test]
fn rotate_makes_a_new_recovery_key_and_passphrase_key() {
    use base64::Engine;
    let env = Env::init();
    env.add_note("genuine", "real note");
    let backups = env.dir.path().join("b");
    let old_backup = env
        .pass_cmd(&["backup", backups.to_str().unwrap()], None)
        .ok()
        .stdout
        .trim()
        .to_owned();
    let old_key = env.recovery_key();
    let old_plain: Value = serde_json::from_slice(&decrypt(&recovery(&env), &env.vault)).unwrap();
    // What an old reader learned: K (here through the recovery key; any
    // version-1 copy held it in the clear).
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(old_plain["keys"]["sealed"].as_str().unwrap())
        .unwrap();
    let inner: Value =
        serde_json::from_slice(&age::decrypt(&recovery(&env), &sealed).unwrap()).unwrap();
    let old_k = inner["passphrase_key"].as_str().unwrap().to_owned();
    // Knowing K is as good as knowing the passphrase: a vault built from
    // the spec with it opens with the passphrase, as genuine.
    let forged = env.dir.path().join("forged.age");
    std::fs::write(&forged, forge_with_known_k(&old_plain, &old_k)).unwrap();
    let f = forged.to_str().unwrap();
    let open_forged = |pass: &Path| {
        run(
            with_fd3(
                pass,
                &["--vault", f, "--passphrase-fd", "3", "show", PLANTED],
            ),
            None,
            LIMIT,
        )
    };
    open_forged(&env.pass).ok();

    // rotate with the passphrase: a new passphrase on the same descriptor.
    let both = env.dir.path().join("both.txt");
    let new_pass = env.dir.path().join("new-pass.txt");
    std::fs::write(
        &both,
        format!("{}\nthe rotated passphrase 42\n", vault_harness::PASSPHRASE),
    )
    .unwrap();
    std::fs::write(&new_pass, "the rotated passphrase 42\n").unwrap();
    let new_key_file = env.dir.path().join("new-key.txt");
    let v = env.vault.to_str().unwrap();
    let nk = new_key_file.to_str().unwrap();
    // The same passphrase again is refused, unless asked for.
    let same = env.dir.path().join("same.txt");
    std::fs::write(&same, format!("{0}\n{0}\n", vault_harness::PASSPHRASE)).unwrap();
    let mut rot = vec![
        "--vault",
        v,
        "--passphrase-fd",
        "3",
        "rotate",
        "--new-passphrase-fd",
        "3",
    ];
    rot.push("--allow-weak-passphrase");
    run(with_fd3(&same, &rot), None, LIMIT).code(1);
    rot.extend(["--recovery-key-out", nk]);
    run(with_fd3(&both, &rot), None, LIMIT).ok();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&new_key_file)
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    // The old key and passphrase no longer open the vault; the new ones do,
    // proved (not an extra identity's read-only open).
    env.key_cmd(&["list"], None).code(3);
    env.pass_cmd(&["list"], None).code(3);
    let out = ids_cmd(&env, &[&new_key_file], &["add", "note", "n"], Some(b"n")).ok();
    assert!(!out.stderr.contains("UNVERIFIED"));
    env.passfile_cmd(&new_pass, &["show", "n"], None).ok();
    let new_id: age::x25519::Identity = std::fs::read_to_string(&new_key_file)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .unwrap()
        .parse()
        .unwrap();
    let new_plain: Value = serde_json::from_slice(&decrypt(&new_id, &env.vault)).unwrap();
    assert_ne!(
        new_plain["keys"]["passphrase"]["salt"],
        old_plain["keys"]["passphrase"]["salt"]
    );
    assert_ne!(
        new_plain["keys"]["recovery_recipient"],
        old_plain["keys"]["recovery_recipient"]
    );
    assert_ne!(new_plain["keys"]["sealed"], old_plain["keys"]["sealed"]);
    assert_eq!(new_plain["vault_id"], old_plain["vault_id"]);
    // The old K no longer forges anything the new passphrase opens.
    open_forged(&new_pass).code(3);
    // Old backups still open with the old key: documented, not hidden.
    let mut c = Command::new(vault_harness::BIN);
    c.args(["--vault", &old_backup, "--identity"])
        .arg(&env.key)
        .arg("list");
    let out = run(c, None, LIMIT).ok();
    assert!(out.stdout.contains("genuine"));
    assert_ne!(json!(old_key), new_plain["keys"]["recovery_recipient"]);
    // With the recovery key, rotate needs a new passphrase and shows the
    // new key once (JSON here).
    let mut a: Vec<&str> = vec!["--vault", v, "--identity", nk];
    a.extend([
        "rotate",
        "--new-passphrase-fd",
        "3",
        "--allow-weak-passphrase",
        "--json",
    ]);
    let out = run(with_fd3(&env.pass, &a), None, LIMIT).ok();
    let k = out.json()["recovery_key"].as_str().unwrap().to_owned();
    assert!(k.starts_with("AGE-SECRET-KEY-1"));
    env.pass_cmd(&["list"], None).ok();
    // --keep-passphrase keeps it, with a warning.
    let out = env
        .pass_cmd(&["rotate", "--keep-passphrase", "--json"], None)
        .ok();
    assert!(out.stderr.contains("WARNING"), "{}", out.stderr);
    env.pass_cmd(&["list"], None).ok();
}

/// A run with these identity files and a passphrase file on descriptor 3
/// (`--identity ... --passphrase-fd 3`).
fn ids_pass_cmd(
    env: &Env,
    ids: &[&Path],
    passfile: &Path,
    args: &[&str],
    input: Option<&[u8]>,
) -> Out {
    let mut a = env.vault_args(args);
    a.extend(["--passphrase-fd", "3"]);
    let mut c = with_fd3(passfile, &a);
    for i in ids {
        c.arg("--identity").arg(i);
    }
    run(c, input, LIMIT)
}

#[test]
fn extra_identity_session_writes_once_the_passphrase_proves_it() {
    let env = Env::init();
    let (_, extra_file) = add_extra(&env);
    env.add_note("genuine", "real note");
    let backups = env.dir.path().join("b");
    let backup = env
        .pass_cmd(&["backup", backups.to_str().unwrap()], None)
        .ok()
        .stdout
        .trim()
        .to_owned();
    let x: &Path = &extra_file;
    let writes: [(&[&str], Option<&[u8]>); 6] = [
        (&["add", "note", "proved"], Some(b"p")),
        (
            &[
                "playbook",
                "check",
                "account-locked",
                "check-official-notice",
            ],
            None,
        ),
        (&["backup", backups.to_str().unwrap()], None),
        (&["verify", &backup], None),
        (&["restore", &backup, "--force"], None),
        (&["rm", "genuine"], None),
    ];
    // A wrong passphrase beside the extra key proves nothing: every write
    // is refused with exit 3 and the vault stays byte for byte the same.
    let wrong = env.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "not the passphrase at all\n").unwrap();
    let before = env.snapshot();
    for (args, input) in writes {
        let out = ids_pass_cmd(&env, &[x], &wrong, args, input)
            .code(3)
            .no_panic();
        assert!(
            out.stderr.contains("does not open this vault")
                && out.stderr.contains("read-only")
                && !out.stderr.contains("internal error"),
            "{args:?}: {}",
            out.stderr
        );
        before.assert_unchanged(&env.vault, "vault after a wrong proof");
    }
    // The right passphrase in the same invocation proves the session: each
    // write goes through, and what it wrote is genuine.
    let [add, check, backup_again, verify, restore, rm] = writes;
    ids_pass_cmd(&env, &[x], &env.pass, add.0, add.1).ok();
    assert_eq!(env.names(), ["genuine", "proved"]);
    let out = env.pass_cmd(&["recipient", "list", "--json"], None).ok();
    assert_eq!(out.json()["verified"], true);
    let out = env
        .key_cmd(&["show", "proved", "--json", "--reveal"], None)
        .ok();
    assert_eq!(out.json()["secret"]["text"], "p");
    assert!(!out.stderr.contains("UNVERIFIED"), "{}", out.stderr);
    ids_pass_cmd(&env, &[x], &env.pass, check.0, check.1).ok();
    let out = env
        .pass_cmd(&["playbook", "show", "account-locked", "--json"], None)
        .ok();
    assert_eq!(out.json()["progress"]["done"], 1, "{}", out.stdout);
    ids_pass_cmd(&env, &[x], &env.pass, backup_again.0, backup_again.1).ok();
    ids_pass_cmd(&env, &[x], &env.pass, verify.0, verify.1).ok();
    // Restore proves the backup with its passphrase.
    ids_pass_cmd(&env, &[x], &env.pass, restore.0, restore.1).ok();
    assert_eq!(env.names(), ["genuine"]);
    ids_pass_cmd(&env, &[x], &env.pass, rm.0, rm.1).ok();
    assert!(env.names().is_empty());
    // Still genuine on the passphrase path, and still read-only to the
    // extra key alone.
    let out = env.pass_cmd(&["recipient", "list", "--json"], None).ok();
    assert_eq!(out.json()["verified"], true);
    let before = env.snapshot();
    ids_cmd(&env, &[x], &["add", "note", "alone"], Some(b"a"))
        .code(3)
        .no_panic();
    before.assert_unchanged(&env.vault, "vault after a write by the extra key alone");
}

#[test]
fn extra_identity_write_asks_for_the_passphrase_on_a_terminal() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let env = Env::init();
    let (_, extra_file) = add_extra(&env);
    let tmux = common::tmux::Tmux::start(160, 30);
    let run_in_tmux = |args: &str| {
        tmux.type_text(&format!(
            "clear; '{}' --vault '{}' --identity '{}' {args} < /dev/null; echo \"rc=$?\"",
            vault_harness::BIN,
            env.vault.display(),
            extra_file.display()
        ));
        tmux.keys(&["Enter"]);
    };
    // A wrong passphrase three times: refused, exit 3, nothing written.
    let before = env.snapshot();
    run_in_tmux("rm --yes nothing-here");
    tmux.wait_for("Vault passphrase (to make this change):");
    let s = tmux.screen();
    assert!(s.contains("extra recipient's key"), "{s}");
    for _ in 0..3 {
        tmux.type_text("not the passphrase");
        tmux.keys(&["Enter"]);
        std::thread::sleep(std::time::Duration::from_millis(400));
    }
    let s = tmux.wait_for("rc=");
    assert!(
        s.contains("rc=3") && s.contains("does not open this vault"),
        "{s}"
    );
    before.assert_unchanged(&env.vault, "vault after three wrong passphrases");
    // The right one: the change is made, in a vault that proves genuine.
    run_in_tmux("playbook check account-locked check-official-notice");
    tmux.wait_for("Vault passphrase (to make this change):");
    tmux.type_text(vault_harness::PASSPHRASE);
    tmux.keys(&["Enter"]);
    let s = tmux.wait_for("rc=");
    assert!(s.contains("rc=0"), "{s}");
    let out = env
        .pass_cmd(&["playbook", "show", "account-locked", "--json"], None)
        .ok();
    assert_eq!(out.json()["progress"]["done"], 1, "{}", out.stdout);
    let out = env.key_cmd(&["recipient", "list", "--json"], None).ok();
    assert_eq!(out.json()["verified"], true);
}

/// Runs the independent reader (tests/vault_reader.py: written from
/// docs/vault-format.md and the age specification alone, no lifeboat code
/// and no age library) on `file`, the passphrase file on its stdin.
fn independent_reader(python: &Path, file: &Path, passfile: &Path) -> std::process::Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vault_reader.py");
    Command::new(python)
        .arg(script)
        .arg(file)
        .stdin(std::fs::File::open(passfile).unwrap())
        .output()
        .unwrap()
}

#[test]
fn an_independent_reader_from_the_spec_opens_genuine_vaults_and_refuses_forgeries() {
    let Some(python) = common::oracle_python() else {
        return;
    };
    let env = Env::init();
    let (extra, _) = add_extra(&env);
    env.add_note("genuine", "real note");
    // A genuine vault: grease stanza, an extra recipient, the salt unpadded
    // in the stanza and padded in the payload, the inner envelope and the
    // authentication code, all as the spec states them.
    let out = independent_reader(&python, &env.vault, &env.pass);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["items"][0]["secret"]["text"], "real note");
    let ours = env.pass_cmd(&["show", "genuine", "--json"], None).ok();
    assert_eq!(p["items"][0]["id"], ours.json()["id"]);
    // A wrong passphrase opens nothing.
    let wrong = env.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let out = independent_reader(&python, &env.vault, &wrong);
    assert_eq!(out.status.code(), Some(3));
    // The extra identity's forgery (genuine header, new contents under the
    // same file key): the reader's authentication check refuses it too.
    let forged = forge_reusing_file_key(&env.vault, &extra);
    let f = env.dir.path().join("forged.age");
    std::fs::write(&f, &forged).unwrap();
    let out = independent_reader(&python, &f, &env.pass);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("authentication code"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
