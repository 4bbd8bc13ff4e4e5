//! Imports the committed fixtures (made by tests/fixtures/gen_*.py with pyotp
//! as the oracle) and checks every field and code against expected.json,
//! then asks pyotp live for codes of the imported secrets at random times.

mod common;

use std::path::PathBuf;

use lifeboat::interop::{
    export_otpauth, import_aegis, import_gauth, import_otpauth_list, ImportReport, InteropError,
};
use lifeboat::item::totp::{code_at, to_otpauth};
use lifeboat::item::{Item, Secret};
use serde_json::Value;

fn fixture(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn expected(dir: &str) -> (u64, Vec<Value>) {
    let v: Value = serde_json::from_str(&fixture(&format!("{dir}/expected.json"))).unwrap();
    (
        v["check_time"].as_u64().unwrap(),
        v["accounts"].as_array().unwrap().clone(),
    )
}

/// Checks one imported item against one expected account.
fn check_item(item: &Item, want: &Value, check_time: u64) {
    let Secret::Totp {
        secret,
        issuer,
        label,
        algorithm,
        digits,
        period,
        otp_type,
        counter,
    } = &item.secret
    else {
        panic!("{} is not totp", item.name)
    };
    let ctx = &item.name;
    assert_eq!(secret.expose(), want["secret"].as_str().unwrap(), "{ctx}");
    assert_eq!(issuer.as_deref(), want["issuer"].as_str(), "{ctx}");
    assert_eq!(label.as_deref(), want["account"].as_str(), "{ctx}");
    assert_eq!(
        algorithm.as_str(),
        want["algorithm"].as_str().unwrap(),
        "{ctx}"
    );
    assert_eq!(
        u64::from(*digits),
        want["digits"].as_u64().unwrap(),
        "{ctx}"
    );
    let want_hotp = want["type"] == "hotp";
    assert_eq!(otp_type.as_str(), want["type"].as_str().unwrap(), "{ctx}");
    if want_hotp {
        assert_eq!(*counter, want["counter"].as_u64().unwrap(), "{ctx}");
    } else {
        assert_eq!(*period, want["period"].as_u64().unwrap(), "{ctx}");
    }
    assert_eq!(item.account.as_deref(), want["issuer"].as_str(), "{ctx}");
    assert_eq!(
        code_at(&item.secret, check_time).unwrap(),
        want["code"].as_str().unwrap(),
        "{ctx}"
    );
    assert!(lifeboat::item::validate_name(&item.name).is_ok());
    assert!(item.validate_common().is_ok());
}

/// Asks pyotp, reading each secret's raw parameters (not our URIs), for codes
/// at several times, and compares with ours.
fn compare_with_pyotp(items: &[Item]) {
    let Some(py) = common::oracle_python() else {
        return;
    };
    let times = [
        0u64,
        59,
        1_111_111_109,
        1_700_000_000,
        2_000_000_000,
        4_102_444_800,
    ];
    let mut input = String::new();
    let mut ours = Vec::new();
    for item in items {
        let Secret::Totp {
            secret,
            algorithm,
            digits,
            period,
            otp_type,
            counter,
            ..
        } = &item.secret
        else {
            continue;
        };
        for t in times {
            let kind = otp_type.as_str();
            input.push_str(&format!(
                "{kind} {} {} {digits} {period} {counter} {t}\n",
                secret.expose(),
                algorithm.as_str()
            ));
            ours.push(code_at(&item.secret, t).unwrap());
        }
    }
    let code = r#"
import sys, hashlib, pyotp, pyotp.contrib
for line in sys.stdin:
    kind, s, alg, d, p, c, t = line.split()
    dg = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}[alg]
    if kind == "steam":
        print(pyotp.contrib.Steam(s, interval=int(p)).at(int(t)))
    elif kind == "hotp":
        print(pyotp.HOTP(s, digits=int(d), digest=dg).at(int(c)))
    else:
        print(pyotp.TOTP(s, digits=int(d), digest=dg, interval=int(p)).at(int(t)))
"#;
    let out = common::run_python(&py, code, &input);
    let theirs: Vec<&str> = out.lines().collect();
    assert_eq!(theirs.len(), ours.len());
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(a, b, "case {i}: {}", input.lines().nth(i).unwrap_or(""));
    }
}

fn names(r: &ImportReport) -> Vec<&str> {
    r.items.iter().map(|i| i.name.as_str()).collect()
}

#[test]
fn aegis_plain_export() {
    let report = import_aegis(&fixture("aegis/plain.json")).unwrap();
    let (t, want) = expected("aegis");
    assert_eq!(report.items.len(), want.len());
    for (item, w) in report.items.iter().zip(&want) {
        check_item(item, w, t);
        assert_eq!(item.notes.as_deref(), w["note"].as_str(), "{}", item.name);
        let tags: Vec<&str> = w["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(item.tags, tags, "{}", item.name);
    }
    assert_eq!(
        names(&report),
        [
            "GitHub (alice@example.com)",
            "Example Bank (bob)",
            "Cloud (carol)",
            "Legacy VPN (vpn-user)",
            "Bücher 書店 (ürsula@例え.jp)",
            "GitHub (alice@example.com) 2",
            "Steam (gamer)",
            "NoName",
        ]
    );
    // motp, bad base32, MD5: entries 8-10, each with its own reason.
    let rejected: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(rejected.len(), 3, "{rejected:?}");
    assert_eq!(rejected[0].0, 8);
    assert!(rejected[0].1.contains("mOTP"));
    assert_eq!(rejected[1].0, 9);
    assert!(rejected[1].1.contains("not valid base32"));
    assert!(!rejected[1].1.contains("NOT*BASE32"));
    assert_eq!(rejected[2].0, 10);
    assert!(rejected[2].1.contains("\"MD5\""));
    compare_with_pyotp(&report.items);
}

#[test]
fn aegis_encrypted_export_without_a_password_says_how_to_give_it() {
    let err = import_aegis(&fixture("aegis/encrypted.json")).unwrap_err();
    assert_eq!(err, InteropError::AegisEncrypted);
    assert!(err.to_string().contains("--import-passphrase-fd"));
}

#[test]
fn gauth_migration_export() {
    let report = import_gauth(&fixture("gauth/export.txt"));
    let (t, want) = expected("gauth");
    assert_eq!(report.items.len(), want.len());
    for (item, w) in report.items.iter().zip(&want) {
        check_item(item, w, t);
    }
    assert_eq!(
        names(&report),
        [
            "GitHub (alice)",
            "Example Bank (bob@example.com)",
            "Legacy VPN (hotp-user)",
            "Почта 📮 (Зоя)",
            "Solo (carol)",
            "GitHub (alice) 2",
        ]
    );
    let rejected: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(rejected.len(), 6, "{rejected:?}");
    assert_eq!(rejected[0].0, 2);
    assert!(
        rejected[0].1.starts_with("account 6 in this export: "),
        "{}",
        rejected[0].1
    );
    assert!(rejected[0].1.contains("MD5"));
    assert_eq!(rejected[1].0, 2);
    assert!(rejected[1].1.starts_with("account 7 "));
    assert!(rejected[1].1.contains("base32") || rejected[1].1.contains("secret"));
    assert_eq!(rejected[2].0, 4);
    assert!(rejected[2].1.contains("unknown algorithm"));
    assert_eq!(rejected[3].0, 5);
    assert!(rejected[3].1.contains("base64"));
    assert_eq!(rejected[4].0, 6);
    assert!(rejected[4].1.contains("damaged"));
    assert_eq!(rejected[5].0, 7);
    assert!(rejected[5].1.contains("otpauth-migration://"));
    compare_with_pyotp(&report.items);
}

#[test]
fn otpauth_list_from_pyotp() {
    let report = import_otpauth_list(&fixture("otpauth/list.txt"));
    let (t, want) = expected("otpauth");
    assert_eq!(report.items.len(), want.len());
    for (item, w) in report.items.iter().zip(&want) {
        check_item(item, w, t);
    }
    let got: Vec<(usize, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    let want = [
        (11, "digits"),
        (12, "no secret="),
        (13, "not valid base32"),
        (14, "\"MD5\""),
        (15, "Yandex"),
        (16, "not an otpauth:// URI"),
        (17, "period"),
        (18, "%-encoding"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((line, reason), (want_line, want_text)) in got.iter().zip(want) {
        assert_eq!(*line, want_line);
        assert!(reason.contains(want_text), "line {line}: {reason}");
    }
    compare_with_pyotp(&report.items);
}

/// export_otpauth -> import_otpauth_list gives back the same items, for
/// everything the three importers produced.
#[test]
fn otpauth_export_round_trip() {
    let mut all = import_aegis(&fixture("aegis/plain.json")).unwrap().items;
    all.extend(import_gauth(&fixture("gauth/export.txt")).items);
    all.extend(import_otpauth_list(&fixture("otpauth/list.txt")).items);
    // A non-TOTP item is skipped by the exporter.
    all.push(Item::new("note", Secret::Note { text: "hi".into() }));
    let text = export_otpauth(&all);
    assert_eq!(text.lines().count(), all.len() - 1);
    let back = import_otpauth_list(&text);
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    let totp: Vec<&Item> = all
        .iter()
        .filter(|i| to_otpauth(&i.secret).is_some())
        .collect();
    assert_eq!(back.items.len(), totp.len());
    for (a, b) in totp.iter().zip(&back.items) {
        assert_eq!(a.secret, b.secret, "{}", a.name);
        assert_eq!(a.account, b.account);
    }
    // Exporting again gives the same text.
    assert_eq!(export_otpauth(&back.items), text);
}
