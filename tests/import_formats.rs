//! Every import format end to end, through the real binary, on files that
//! the oracle script `tests/import_formats_gen.py` writes from each
//! format's published layout (encrypted ones with Python's `cryptography`
//! and hashlib's scrypt/PBKDF2), with TOTP codes from pyotp.
//!
//! For each file: `import FILE` with the format detected, the password on
//! a descriptor when encrypted; the vault then holds exactly the expected
//! items (parameters, tags, notes, codes at the oracle's time), every bad
//! entry is reported by its position and never by its secret, importing
//! again adds nothing, and the same file with a byte-order mark and CRLF
//! line ends imports the same. A wrong password exits 3 and changes
//! nothing.

mod cli_items_harness;
mod common;

use std::collections::BTreeMap;

use cli_items_harness::{Env, Out};
use serde_json::Value;

struct Case {
    file: String,
    format: String,
    forced: bool,
    password: Option<String>,
    items: Vec<Value>,
    refused: Vec<u64>,
}

fn cases(dir: &std::path::Path) -> Option<(u64, Vec<Case>)> {
    let python = common::oracle_python()?;
    let script = include_str!("import_formats_gen.py");
    let out = common::run_python(&python, script, dir.to_str().unwrap());
    let v: Value = serde_json::from_str(&out).expect("manifest");
    let cases = v["manifest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            file: c["file"].as_str().unwrap().to_owned(),
            format: c["format"].as_str().unwrap().to_owned(),
            forced: c["forced"].as_bool().unwrap_or(false),
            password: c["password"].as_str().map(str::to_owned),
            items: c["items"].as_array().unwrap().clone(),
            refused: c["refused"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap())
                .collect(),
        })
        .collect();
    Some((v["time"].as_u64().unwrap(), cases))
}

fn import(env: &Env, c: &Case, file: &str, password: Option<&str>) -> Out {
    let mut args = vec!["import", file];
    if c.forced {
        args.extend(["--format", c.format.as_str()]);
    }
    match password {
        Some(p) => {
            args.extend(["--import-passphrase-fd", "0"]);
            env.run_in(&args, &format!("{p}\n"))
        }
        None => env.run(&args),
    }
}

/// Every item of the vault, revealed, by name.
fn vault(env: &Env) -> BTreeMap<String, Value> {
    env.list()
        .iter()
        .map(|i| {
            let name = i["name"].as_str().unwrap().to_owned();
            let mut v = env.reveal(&name);
            v["tags"] = i["tags"].clone();
            (name, v)
        })
        .collect()
}

fn tags(v: &Value) -> Vec<String> {
    let mut t: Vec<String> = v
        .as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    t.sort();
    t
}

/// Checks that the vault holds exactly `c.items`.
fn check_vault(env: &Env, c: &Case, t: u64) {
    let got = vault(env);
    assert_eq!(got.len(), c.items.len(), "{}: {:#?}", c.file, got.keys());
    let mut unmatched: Vec<&String> = got.keys().collect();
    for want in &c.items {
        let found = got.iter().find(|(name, v)| {
            unmatched.contains(name)
                && match want.get("kind").and_then(Value::as_str) {
                    Some("password") => {
                        v["kind"] == "password"
                            && **name == want["name"]
                            && v["secret"]["password"] == want["password"]
                            && v["secret"]["username"] == want["username"]
                    }
                    Some("note") => **name == want["name"] && v["secret"]["text"] == want["text"],
                    _ => {
                        v["kind"] == "totp"
                            && v["secret"]["secret"] == want["secret"]
                            && v["secret"]["account"] == want["account"]
                    }
                }
        });
        let (name, v) = found.unwrap_or_else(|| panic!("{}: no item for {want}", c.file));
        unmatched.retain(|n| *n != name);
        if !want["tags"].is_null() {
            assert_eq!(
                tags(&v["tags"]),
                tags(&want["tags"]),
                "{}: {name} tags",
                c.file
            );
        }
        if want.get("kind").is_some() {
            continue;
        }
        if !want["name"].is_null() {
            assert_eq!(name, want["name"].as_str().unwrap(), "{}", c.file);
        }
        let s = &v["secret"];
        for k in ["type", "issuer"] {
            assert_eq!(s[k], want[k], "{}: {name}: {k}", c.file);
        }
        if want["notes"] != "any" {
            assert_eq!(v["notes"], want["notes"], "{}: {name}: notes", c.file);
        }
        match want["type"].as_str().unwrap() {
            "hotp" => {
                assert_eq!(s["counter"], want["counter"], "{}: {name}", c.file);
                assert_eq!(s["algorithm"], want["algorithm"], "{}: {name}", c.file);
                assert_eq!(s["digits"], want["digits"], "{}: {name}", c.file);
            }
            _ => {
                let out = env.run(&["code", name, "--at", &t.to_string()]).ok();
                assert_eq!(
                    out.stdout.trim(),
                    want["code"].as_str().unwrap(),
                    "{}: {name}: code at {t} (pyotp)",
                    c.file
                );
            }
        }
    }
}

#[test]
fn every_format_imports_what_its_specification_says() {
    let dir = tempfile::tempdir().unwrap();
    let Some((t, cases)) = cases(dir.path()) else {
        return;
    };
    assert!(cases.len() >= 21, "{} cases", cases.len());
    for c in &cases {
        let env = Env::new();
        let out = import(&env, c, &c.file, c.password.as_deref()).ok();
        let summary = format!("rejected {}.", c.refused.len());
        assert!(out.stderr.contains(&summary), "{}: {}", c.file, out.stderr);
        for n in &c.refused {
            let unit = if c.file.ends_with(".csv") {
                "line"
            } else {
                "entry"
            };
            assert!(
                out.stderr.contains(&format!("rejected {unit} {n}")),
                "{}: {unit} {n} not reported:\n{}",
                c.file,
                out.stderr
            );
        }
        // Reasons never quote a secret.
        for want in &c.items {
            if let Some(s) = want["secret"].as_str() {
                assert!(!out.stderr.contains(s), "{}: {}", c.file, out.stderr);
            }
        }
        assert!(!out.stderr.contains("NOT*BASE32"), "{}", out.stderr);
        check_vault(&env, c, t);

        // Again: nothing new, the vault unchanged.
        let before = env.vault_bytes();
        let out = import(&env, c, &c.file, c.password.as_deref()).ok();
        assert!(
            out.stderr.contains("Imported 0 item(s)"),
            "{}: {}",
            c.file,
            out.stderr
        );
        assert_eq!(env.vault_bytes(), before, "{}", c.file);

        if let Some(p) = &c.password {
            // A wrong password: exit 3, nothing changes, no password echoed.
            let fresh = Env::new();
            let before = fresh.vault_bytes();
            let out = import(&fresh, c, &c.file, Some("wrong password")).code(3);
            assert!(
                out.stderr.contains("the password does not open"),
                "{}: {}",
                c.file,
                out.stderr
            );
            assert!(!out.stderr.contains(p.as_str()));
            assert_eq!(fresh.vault_bytes(), before);
        } else {
            // A byte-order mark and CRLF line ends change nothing.
            let text = std::fs::read_to_string(&c.file).unwrap();
            let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
            let file = env.path("crlf-copy");
            std::fs::write(&file, crlf).unwrap();
            let other = Env::new();
            import(&other, c, file.to_str().unwrap(), None).ok();
            check_vault(&other, c, t);
        }
    }
}

#[test]
fn a_forced_format_that_does_not_fit_says_what_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_, cases)) = cases(dir.path()) else {
        return;
    };
    let env = Env::new();
    let before = env.vault_bytes();
    for c in cases.iter().filter(|c| !c.forced) {
        let wrong = if c.format == "otpauth" {
            "aegis"
        } else {
            "otpauth"
        };
        let out = env.run(&["import", &c.file, "--format", wrong]).code(1);
        assert!(
            out.stderr.contains("this file looks like")
                && out.stderr.contains(&format!("--format {}", c.format)),
            "{}: {}",
            c.file,
            out.stderr
        );
        // One message, not one per line.
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
    assert_eq!(env.vault_bytes(), before);
}
