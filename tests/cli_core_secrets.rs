//! Secrets stay secret: items of all six kinds with distinctive secret
//! strings never show up in `list`, `show` without `--reveal` (human and
//! `--json`), error messages or `Debug` output, and `show --json --reveal`
//! gives them back in the shape CLI.md promises. Also: the running process
//! has core dumps off.

mod vault_harness;

use std::io::Write;
use std::time::{Duration, Instant};

use serde_json::json;
use vault_harness::{Env, Out};

const SEED: &str =
    "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";
const KEY: &str = "f00dbabef00dbabef00dbabef00dbabef00dbabef00dbabef00dbabef00dbabe";
const TOTP: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const CODES: [&str; 3] = [
    "qq7-unique-code-1",
    "qq7-unique-code-2",
    "qq7-unique-code-3",
];
const PASSWORD: &str = "S3cr3t-Pa55-xyzzy";
const NOTE: &str = "note-secret-plugh";

/// Substrings that must never appear unless revealed.
fn secrets() -> Vec<&'static str> {
    let mut v = vec![
        SEED, "acoustic", "absurd", KEY, "f00dbabe", TOTP, "GEZDGNBV", PASSWORD, NOTE,
    ];
    v.extend(CODES);
    v.push("qq7-unique");
    v
}

#[track_caller]
fn assert_clean(out: &Out, what: &str) {
    for s in secrets() {
        assert!(
            !out.stdout.contains(s) && !out.stderr.contains(s),
            "{what}: secret {s:?} leaked: {out:#?}"
        );
    }
}

fn populate() -> Env {
    let env = Env::init();
    let adds: [(&[&str], String); 6] = [
        (&["add", "seed", "wallet", "--account", "ledger"], SEED.into()),
        (&["add", "key", "cold key"], KEY.into()),
        (
            &["add", "totp", "gh 2fa"],
            format!("otpauth://totp/GitHub:alice@example.com?secret={TOTP}&issuer=GitHub&algorithm=SHA512&digits=7&period=45"),
        ),
        (&["add", "codes", "gh codes"], CODES.join("\n")),
        (&["add", "password", "bank", "--username", "alice"], PASSWORD.into()),
        (&["add", "note", "memo"], NOTE.into()),
    ];
    for (args, input) in adds {
        let out = env.pass_cmd(args, Some(input.as_bytes())).ok();
        assert_clean(&out, &format!("{args:?}"));
        let out = env
            .pass_cmd(&[&args[..3], &["--json"]].concat(), None)
            .code(1);
        assert_clean(&out, &format!("duplicate {args:?}"));
    }
    env
}

const NAMES: [&str; 6] = ["wallet", "cold key", "gh 2fa", "gh codes", "bank", "memo"];

#[test]
fn list_and_show_without_reveal_hide_every_secret() {
    let env = populate();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["list", "--kind", "codes"],
    ] {
        assert_clean(&env.key_cmd(args, None).ok(), &format!("{args:?}"));
        assert_clean(
            &env.pass_cmd(args, None).ok(),
            &format!("{args:?} (passphrase)"),
        );
    }
    for name in NAMES {
        let human = env.key_cmd(&["show", name], None).ok();
        assert_clean(&human, &format!("show {name}"));
        assert!(
            human.stdout.contains("••••"),
            "show {name}: no mask: {human:#?}"
        );
        let js = env.key_cmd(&["show", name, "--json"], None).ok();
        assert_clean(&js, &format!("show {name} --json"));
        assert!(
            js.json().get("secret").is_none(),
            "{name}: secret in JSON without --reveal"
        );
    }
    // The TOTP code is shown (that is the point), the secret is not.
    let out = env.key_cmd(&["code", "gh 2fa", "--at", "59"], None).ok();
    assert_clean(&out, "code");
    assert_eq!(out.stdout.trim().len(), 7);
}

#[test]
fn error_paths_do_not_echo_secrets() {
    let env = populate();
    let cases: [(&[&str], Option<&str>, i32); 10] = [
        (&["add", "note", "memo"], Some(NOTE), 1),
        (&["add", "password", "BANK"], Some(PASSWORD), 1),
        (&["code", "memo"], None, 1),
        (&["code", "gh codes"], None, 1),
        (&["codes", "use", "gh codes", "not-a-code"], None, 1),
        (&["codes", "use", "bank", "qq7-unique-code-1x"], None, 1),
        (&["show", "nothing-here"], None, 1),
        (
            &["add", "totp", "bad totp"],
            Some("otpauth://totp/x?secret=GEZDGNBV!!&digits=3"),
            1,
        ),
        (&["add", "key", "k2", "--scheme", "bip39"], Some(KEY), 2),
        (
            &["add", "seed", "bad"],
            Some("letter advice cage absurd amount doctor acoustic avoid letter advice cage cage"),
            1,
        ),
    ];
    for (args, input, code) in cases {
        let out = env.key_cmd(args, input.map(str::as_bytes)).code(code);
        assert_clean(&out, &format!("{args:?}"));
    }
    // A used code: the message gives the time, not the code.
    env.key_cmd(&["codes", "use", "gh codes", CODES[0]], None)
        .ok();
    let out = env
        .key_cmd(&["codes", "use", "gh codes", CODES[0]], None)
        .code(1)
        .says(&["already marked used"]);
    for c in &CODES[1..] {
        assert!(!out.stderr.contains(c), "{out:#?}");
    }
    // A mistyped seed word: the message names that word and its position
    // (the BIP39 typo help) but never the rest of the phrase.
    let typo = "letter advice cage absurd amount doctor acoustic avoid letter advice cage abovx";
    let out = env
        .key_cmd(&["add", "seed", "typo"], Some(typo.as_bytes()))
        .code(1)
        .says(&["word 12", "abovx"]);
    for w in ["acoustic", "absurd", "doctor", "letter advice"] {
        assert!(!out.stderr.contains(w), "{w} echoed: {out:#?}");
    }
}

#[test]
fn reveal_json_has_the_documented_shape() {
    let env = populate();
    let reveal = |name: &str| {
        let v = env
            .pass_cmd(&["show", name, "--json", "--reveal"], None)
            .ok()
            .json();
        assert_eq!(v["name"], name);
        v
    };
    let v = reveal("wallet");
    assert_eq!(v["kind"], "seed");
    assert_eq!(v["secret"]["words"], SEED);
    assert_eq!(v["secret"]["scheme"], "bip39");
    assert_eq!(v["account"], "ledger");
    let v = reveal("cold key");
    assert_eq!(v["kind"], "key");
    assert_eq!(v["secret"]["key"], KEY);
    let v = reveal("gh 2fa");
    assert_eq!(v["kind"], "totp");
    let s = &v["secret"];
    assert_eq!(
        (
            &s["secret"],
            &s["issuer"],
            &s["account"],
            &s["algorithm"],
            &s["digits"],
            &s["period"]
        ),
        (
            &json!(TOTP),
            &json!("GitHub"),
            &json!("alice@example.com"),
            &json!("SHA512"),
            &json!(7),
            &json!(45)
        ),
        "{v}"
    );
    let v = reveal("gh codes");
    assert_eq!(v["kind"], "codes");
    let codes = v["secret"]["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 3);
    for (c, want) in codes.iter().zip(CODES) {
        assert_eq!(c["code"], want);
        assert!(c["used"].is_null());
    }
    env.key_cmd(&["codes", "use", "gh codes", "QQ7-UNIQUE-CODE-2"], None)
        .ok();
    let v = reveal("gh codes");
    assert!(v["secret"]["codes"][1]["used"]
        .as_str()
        .unwrap()
        .ends_with('Z'));
    assert!(v["secret"]["codes"][0]["used"].is_null());
    let v = reveal("bank");
    assert_eq!(v["kind"], "password");
    assert_eq!(v["secret"]["username"], "alice");
    assert_eq!(v["secret"]["password"], PASSWORD);
    let v = reveal("memo");
    assert_eq!(v["kind"], "note");
    assert_eq!(v["secret"]["text"], NOTE);
    // Human --reveal shows them too.
    let out = env.key_cmd(&["show", "bank", "--reveal"], None).ok();
    assert!(out.stdout.contains(PASSWORD));
}

#[test]
fn debug_output_of_the_opened_vault_is_redacted() {
    use lifeboat::vault::{NamedIdentity, Unlock, Vault};
    let env = populate();
    let key = env.recovery_key();
    let id = NamedIdentity::parse(&key).unwrap();
    let unlock = Unlock::Identities(vec![id]);
    let v = Vault::open(&env.vault, &unlock).unwrap();
    let pass = Unlock::Passphrase(vault_harness::PASSPHRASE.into());
    for (what, text) in [
        ("vault", format!("{v:?} {v:#?}")),
        ("unlock", format!("{unlock:?} {pass:?}")),
        ("payload", format!("{:?}", v.payload())),
        ("items", format!("{:#?}", v.payload().items)),
    ] {
        for s in secrets() {
            assert!(!text.contains(s), "{what}: Debug shows {s:?}");
        }
        assert!(!text.contains(&key), "{what}: Debug shows the recovery key");
        assert!(
            !text.contains(vault_harness::PASSPHRASE),
            "{what}: Debug shows the passphrase"
        );
    }
    assert!(format!("{:?}", v.payload()).contains("[REDACTED]"));
}

#[test]
fn the_running_process_has_core_dumps_off() {
    let env = Env::init();
    // `add` waits on stdin for the secret after unlocking: catch it there.
    let mut c = env.key_command(&["add", "note", "waiting"]);
    c.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let start = Instant::now();
    let line = loop {
        let text = std::fs::read_to_string(&limits).unwrap_or_default();
        let line = text
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .unwrap_or("")
            .to_owned();
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() >= 6 && fields[4] == "0" && fields[5] == "0" {
            break line;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "core dumps still on: {line:?}"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    eprintln!("{line}");
    // Let it finish normally.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"done").unwrap();
    drop(stdin);
    let out = vault_harness::finish(child, Instant::now(), vault_harness::LIMIT).ok();
    assert_clean(&out, "add");
    assert_eq!(env.names(), ["waiting"]);
}

#[test]
fn import_rejections_do_not_echo_secret_values() {
    let env = Env::init();
    let file = env.dir.path().join("bad.json");
    let item = |name: &str, secret: serde_json::Value| {
        json!({"id": "0123456789abcdef", "name": name, "created": "2024-01-01T00:00:00Z",
               "updated": "2024-01-01T00:00:00Z", "secret": secret})
    };
    let export = json!({"format": "lifeboat-export", "version": 1, "items": [
        item("a", json!({"kind": "codes", "codes": "LEAK-IMPORT-SECRET"})),
        item("b", json!({"kind": "password", "password": 87654321})),
    ]});
    std::fs::write(&file, export.to_string()).unwrap();
    let out = env
        .key_cmd(&["import", file.to_str().unwrap()], None)
        .code(1)
        .says(&["rejected entry 1 (a)", "rejected entry 2 (b)"]);
    assert!(!out.stderr.contains("LEAK-IMPORT-SECRET"), "{out:#?}");
    assert!(!out.stderr.contains("87654321"), "{out:#?}");
}
