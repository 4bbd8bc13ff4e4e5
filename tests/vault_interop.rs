//! The escape hatch, proved with independent implementations: a vault that
//! lifeboat wrote opens with stock `age -d -i <recovery key>` (Go, Debian
//! `age`) and with PyPI `pyrage` (Rust rage, through Python), and the JSON
//! inside holds the items as added. Extra recipients made by `age-keygen`
//! open it too, until they are removed. Oracles missing under `CI=true`
//! fail the test.

mod common;
mod vault_harness;

use std::process::Command;

use serde_json::Value;
use vault_harness::Env;

const SEED: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";
const KEY_HEX: &str = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d";
const TOTP_B32: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const PASSWORD: &str = "pw-interop-9Kq2!x";
const NOTE: &str = "note text: the safe is behind the painting";

/// A vault holding one item of each kind, added through the CLI.
fn populated() -> Env {
    let env = Env::init();
    env.pass_cmd(
        &["add", "seed", "wallet", "--account", "ledger"],
        Some(SEED.as_bytes()),
    )
    .ok();
    env.pass_cmd(&["add", "key", "hot key"], Some(KEY_HEX.as_bytes()))
        .ok();
    let uri = format!("otpauth://totp/GitHub:alice?secret={TOTP_B32}&issuer=GitHub&digits=8");
    env.pass_cmd(&["add", "totp", "github 2fa"], Some(uri.as_bytes()))
        .ok();
    env.pass_cmd(
        &["add", "codes", "gh codes"],
        Some(b"aaaa-1111\nbbbb-2222\n"),
    )
    .ok();
    env.pass_cmd(
        &["add", "password", "bank", "--username", "alice"],
        Some(PASSWORD.as_bytes()),
    )
    .ok();
    env.pass_cmd(&["add", "note", "where"], Some(NOTE.as_bytes()))
        .ok();
    env
}

fn age_decrypt(identity: &std::path::Path, file: &std::path::Path) -> std::process::Output {
    let age = common::oracle_tool("age").expect("age");
    Command::new(age)
        .arg("-d")
        .arg("-i")
        .arg(identity)
        .arg(file)
        .output()
        .unwrap()
}

fn item<'a>(payload: &'a Value, name: &str) -> &'a Value {
    payload["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("no item {name} in {payload}"))
}

/// Checks the decrypted JSON holds every item of [`populated`].
fn check_payload(p: &Value) {
    assert_eq!(p["format"], "lifeboat-vault");
    assert_eq!(p["version"], 3);
    assert_eq!(p["items"].as_array().unwrap().len(), 6);
    let s = |n: &str| item(p, n)["secret"].clone();
    assert_eq!(s("wallet")["kind"], "seed");
    assert_eq!(s("wallet")["words"], SEED);
    assert_eq!(item(p, "wallet")["account"], "ledger");
    assert_eq!(s("hot key")["kind"], "key");
    assert_eq!(s("hot key")["key"], KEY_HEX);
    assert_eq!(s("github 2fa")["kind"], "totp");
    assert_eq!(s("github 2fa")["secret"], TOTP_B32);
    assert_eq!(s("github 2fa")["digits"], 8);
    assert_eq!(s("gh codes")["kind"], "codes");
    assert_eq!(s("gh codes")["codes"][0]["code"], "aaaa-1111");
    assert_eq!(s("gh codes")["codes"][1]["code"], "bbbb-2222");
    assert_eq!(s("bank")["kind"], "password");
    assert_eq!(s("bank")["password"], PASSWORD);
    assert_eq!(s("bank")["username"], "alice");
    assert_eq!(s("where")["kind"], "note");
    assert_eq!(s("where")["text"], NOTE);
}

#[test]
fn stock_age_and_pyrage_decrypt_with_the_recovery_key() {
    let Some(_) = common::oracle_tool("age") else {
        return;
    };
    let Some(python) = common::oracle_python() else {
        return;
    };
    let env = populated();
    let out = age_decrypt(&env.key, &env.vault);
    assert!(
        out.status.success(),
        "age -d failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    check_payload(&serde_json::from_slice(&out.stdout).unwrap());

    let code = r#"
import sys, pyrage
path, key = sys.stdin.read().split("\n")[:2]
data = open(path, "rb").read()
sys.stdout.write(pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(key)]).decode())
"#;
    let stdin = format!("{}\n{}\n", env.vault.display(), env.recovery_key());
    let json = common::run_python(&python, code, &stdin);
    check_payload(&serde_json::from_str(&json).unwrap());
}

#[test]
fn extra_recipient_opens_until_removed() {
    let Some(keygen) = common::oracle_tool("age-keygen") else {
        return;
    };
    if common::oracle_tool("age").is_none() {
        return;
    }
    let env = Env::init();
    env.add_note("first", "one");
    let other = env.dir.path().join("other.txt");
    let st = Command::new(&keygen)
        .arg("-o")
        .arg(&other)
        .output()
        .unwrap();
    assert!(st.status.success());
    let text = std::fs::read_to_string(&other).unwrap();
    let recipient = text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .unwrap()
        .to_owned();

    env.pass_cmd(&["recipient", "add", &recipient], None).ok();
    let listed = env.key_cmd(&["recipient", "list", "--json"], None).ok();
    assert_eq!(listed.json()["extra"][0]["recipient"], recipient.as_str());
    let out = age_decrypt(&other, &env.vault);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(item(&p, "first")["secret"]["text"], "one");
    // lifeboat itself opens the vault with that identity, read-only: it
    // cannot prove who wrote the file (docs/threat-model.md), so it reads
    // and refuses to save; with the recovery key beside it, it saves.
    let mut c = Command::new(vault_harness::BIN);
    c.args(env.vault_args(&["show", "first", "--reveal"]))
        .arg("--identity")
        .arg(&other);
    let out = vault_harness::run(c, None, vault_harness::LIMIT).ok();
    assert!(out.stdout.contains("one") && out.stderr.contains("UNVERIFIED"));
    let mut c = Command::new(vault_harness::BIN);
    c.args(env.vault_args(&["add", "note", "by-other"]))
        .arg("--identity")
        .arg(&other);
    vault_harness::run(c, Some(b"two"), vault_harness::LIMIT).code(3);
    let mut c = Command::new(vault_harness::BIN);
    c.args(env.vault_args(&["add", "note", "by-other"]))
        .arg("--identity")
        .arg(&other)
        .arg("--identity")
        .arg(&env.key);
    vault_harness::run(c, Some(b"two"), vault_harness::LIMIT).ok();
    assert_eq!(env.names(), ["first", "by-other"]);

    let before_rm = std::fs::read(&env.vault).unwrap();
    env.pass_cmd(&["recipient", "rm", &recipient], None).ok();
    // The save made by `rm` no longer opens with it...
    let out = age_decrypt(&other, &env.vault);
    assert!(
        !out.status.success(),
        "removed recipient still opens the vault"
    );
    // ...nor does a later one; the recovery key and passphrase still do.
    env.add_note("after", "three");
    assert!(!age_decrypt(&other, &env.vault).status.success());
    assert!(age_decrypt(&env.key, &env.vault).status.success());
    env.pass_cmd(&["list"], None).ok();
    // (copies made before the removal keep opening with it, as documented)
    let old = env.dir.path().join("old.age");
    std::fs::write(&old, before_rm).unwrap();
    assert!(age_decrypt(&other, &old).status.success());
}

#[test]
fn armored_vault_opens_with_age_and_lifeboat() {
    use lifeboat::vault::{NamedIdentity, Unlock, Vault};
    if common::oracle_tool("age").is_none() {
        return;
    }
    let env = Env::init();
    env.add_note("n", "armored text");
    // No CLI switch for armor yet: flip the stored setting through the library.
    let id = NamedIdentity::parse(&env.recovery_key()).unwrap();
    let mut v = Vault::open_for_update(&env.vault, &Unlock::Identities(vec![id])).unwrap();
    v.payload_mut().settings.armor = true;
    v.save().unwrap();
    drop(v);
    let bytes = std::fs::read_to_string(&env.vault).unwrap();
    assert!(bytes.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    let out = age_decrypt(&env.key, &env.vault);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(item(&p, "n")["secret"]["text"], "armored text");
    // lifeboat reads it with both unlock paths and keeps it armored on save.
    env.add_note("m", "more");
    assert!(std::fs::read_to_string(&env.vault)
        .unwrap()
        .starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    assert_eq!(env.names(), ["n", "m"]);
}
