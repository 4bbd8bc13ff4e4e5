//! One damaged item in a genuine vault: the read paths (`list`, `show`,
//! `code`) read each item only as far as they print it, so the items
//! around it stay readable; every path that writes or vouches for the vault
//! parses every item in full, so the damaged one is refused there and never
//! saved (exit 4, the vault byte for byte unchanged).
//!
//! The vault is genuine in every other way: the damage is inside the
//! authenticated plaintext (a bug or a memory error before encryption, not
//! an attacker), so the authenticity check passes and only the item's own
//! parse can notice it.

mod common;
mod vault_harness;

use std::io::Write;

use lifeboat::vault::crypto::PassphraseRecipient;
use lifeboat::vault::format::payload_mac;
use lifeboat::vault::{NamedIdentity, Unlock, Vault};
use serde_json::{json, Value};
use vault_harness::Env;

/// The value planted in the damaged item; it must never be echoed.
const LEAK: &str = "LEAKED-CODE-7731";

/// The authentication stanza as lifeboat writes it (docs/vault-format.md).
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

/// Rewrites the vault as lifeboat would write it (same keys, a fresh
/// authentication code), with the item called `name` changed by `damage`.
fn damage_item(env: &Env, name: &str, damage: impl Fn(&mut Value)) {
    rewrite(env, |v| {
        let item = v["items"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|i| i["name"] == name)
            .unwrap();
        damage(item);
    });
}

/// Rewrites the payload as JSON and seals it as genuine (under the
/// vault's own keys and authentication code).
fn rewrite(env: &Env, change: impl FnOnce(&mut Value)) {
    let id = NamedIdentity::parse(&env.recovery_key()).unwrap();
    let vault = Vault::open(&env.vault, &Unlock::Identities(vec![id])).unwrap();
    let p = vault.payload().clone();
    drop(vault);
    let mut v: Value = serde_json::from_slice(p.to_json().unwrap().expose()).unwrap();
    change(&mut v);
    let plain = serde_json::to_vec(&v).unwrap();
    let mac = MacStanza(payload_mac(p.keys.auth_key.expose(), &plain));
    let pass = PassphraseRecipient(&p.keys.passphrase);
    let rec: age::x25519::Recipient = p.keys.recovery_recipient.parse().unwrap();
    let recipients: Vec<&dyn age::Recipient> = vec![&pass, &mac, &rec];
    let enc = age::Encryptor::with_recipients(recipients.into_iter()).unwrap();
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).unwrap();
    w.write_all(&plain).unwrap();
    w.finish().unwrap();
    std::fs::write(&env.vault, out).unwrap();
}

fn vault_with_a_damaged_item() -> Env {
    let env = Env::init();
    env.add_note("before", "first note");
    env.pass_cmd(&["add", "codes", "broken"], Some(b"AAAA-1111\nBBBB-2222\n"))
        .ok();
    env.add_note("after", "second note");
    // The codes field holds a string where a list belongs: the full parse
    // refuses it, and its message must not quote the value.
    damage_item(&env, "broken", |i| i["secret"]["codes"] = json!(LEAK));
    env
}

fn no_leak(out: &vault_harness::Out) {
    assert!(
        !out.stdout.contains(LEAK) && !out.stderr.contains(LEAK),
        "the damaged value was echoed: {out:#?}"
    );
}

#[test]
fn read_paths_show_the_other_items() {
    let env = vault_with_a_damaged_item();
    for out in [
        env.pass_cmd(&["show", "after", "--reveal"], None),
        env.key_cmd(&["show", "after", "--reveal"], None),
    ] {
        let out = out.ok();
        assert!(out.stdout.contains("second note"), "{out:#?}");
        no_leak(&out);
    }
    let out = env
        .key_cmd(&["show", "before", "--reveal", "--json"], None)
        .ok();
    assert_eq!(out.json()["secret"]["text"], "first note");
    // `list` prints the damaged item's name and kind: both are readable.
    let out = env.key_cmd(&["list"], None).ok();
    for name in ["before", "broken", "after"] {
        assert!(out.stdout.contains(name), "{out:#?}");
    }
    no_leak(&out);
    assert_eq!(env.names(), ["before", "broken", "after"]);
}

#[test]
fn the_damaged_item_itself_is_refused_without_echoing_it() {
    let env = vault_with_a_damaged_item();
    for args in [&["show", "broken"][..], &["show", "broken", "--reveal"]] {
        let out = env.key_cmd(args, None).code(4).says(&[
            "damaged",
            "do not match the format",
            "value hidden",
            "restore",
        ]);
        no_leak(&out);
        assert!(out.stdout.is_empty(), "{out:#?}");
    }
}

#[test]
fn no_write_saves_a_damaged_item() {
    let env = vault_with_a_damaged_item();
    let before = env.snapshot();
    let writes: [(&[&str], Option<&[u8]>); 3] = [
        (&["add", "note", "new"], Some(b"x")),
        (&["rm", "after", "--yes"], None),
        (&["rm", "broken", "--yes"], None),
    ];
    for (args, input) in writes {
        for out in [env.pass_cmd(args, input), env.key_cmd(args, input)] {
            let out = out.code(4).says(&["do not match the format"]);
            no_leak(&out);
            before.assert_unchanged(&env.vault, &format!("{args:?}"));
        }
    }
    assert!(env.temp_files().is_empty());
    // `backup` vouches for the vault: it refuses too, and writes nothing.
    let dir = env.dir.path().join("backups");
    let out = env
        .pass_cmd(&["backup", dir.to_str().unwrap()], None)
        .code(4);
    no_leak(&out);
    assert!(std::fs::read_dir(&dir).map_or(true, |mut d| d.next().is_none()));
    before.assert_unchanged(&env.vault, "backup");
    // Reads still work afterwards.
    env.key_cmd(&["show", "before"], None).ok();
}

/// `list` reads a large vault's items on two threads; the item it reports
/// as damaged is still the first damaged one in vault order, whichever
/// thread read it.
#[test]
fn a_large_vault_reports_its_first_damaged_item() {
    let env = Env::init();
    env.add_note("template", "note");
    rewrite(&env, |v| {
        let items = v["items"].as_array_mut().unwrap();
        let template = items[0].clone();
        for n in 0..3000 {
            let mut item = template.clone();
            item["id"] = json!(format!("id-{n:05}"));
            item["name"] = json!(format!("item-{n:05}"));
            items.push(item);
        }
    });
    let genuine = std::fs::read(&env.vault).unwrap();
    let out = env.key_cmd(&["list"], None).ok();
    let names: Vec<&str> = out
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names.len(), 3001);
    assert_eq!(names[0], "template");
    assert!(
        names[1..].windows(2).all(|w| w[0] < w[1]),
        "vault order kept"
    );
    // Early: a number where the account's text belongs; late: a text
    // where the list of tags belongs.
    let early = |v: &mut Value| v["items"][101]["account"] = json!(5);
    let late = |v: &mut Value| v["items"][2901]["tags"] = json!("x");
    rewrite(&env, |v| {
        early(v);
        late(v);
    });
    let out = env.key_cmd(&["list"], None).code(4).says(&["damaged"]);
    assert!(
        out.stderr.contains("integer") && !out.stderr.contains("sequence"),
        "{out:#?}"
    );
    std::fs::write(&env.vault, &genuine).unwrap();
    rewrite(&env, late);
    let out = env.key_cmd(&["list"], None).code(4).says(&["damaged"]);
    assert!(out.stderr.contains("sequence"), "{out:#?}");
}
