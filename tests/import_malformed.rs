//! Malformed imports: whole-file failures give their specific error, bad
//! entries become rejections with the right line or index and reason, one
//! bad entry never stops the others, and no input panics.

use base64::Engine;
use lifeboat::interop::{import_aegis, import_gauth, import_otpauth_list, InteropError};
use proptest::prelude::*;

const GOOD_ENTRY: &str = r#"{"type":"totp","name":"a","issuer":"I","info":{"secret":"JBSWY3DPEHPK3PXP","algo":"SHA1","digits":6,"period":30}}"#;

fn aegis_with(entries: &[&str]) -> String {
    format!(
        r#"{{"version":1,"header":{{"slots":null,"params":null}},"db":{{"version":2,"entries":[{}]}}}}"#,
        entries.join(",")
    )
}

#[test]
fn aegis_whole_file_errors() {
    let table: &[(&str, InteropError)] = &[
        ("", InteropError::NotJson { line: 1, column: 0 }),
        ("{", InteropError::NotJson { line: 1, column: 1 }),
        ("[]", InteropError::NotAegis),
        ("{}", InteropError::NotAegis),
        (r#"{"db":{}}"#, InteropError::NotAegis),
        (r#"{"db":{"entries":{}}}"#, InteropError::NotAegis),
        (r#"{"db":"AAAA"}"#, InteropError::AegisEncrypted),
        (
            r#"{"header":{"slots":[{}]},"db":null}"#,
            InteropError::AegisEncrypted,
        ),
    ];
    for (json, want) in table {
        assert_eq!(import_aegis(json).as_ref().err(), Some(want), "{json}");
    }
    let big = " ".repeat(17 * 1024 * 1024);
    assert_eq!(import_aegis(&big).err(), Some(InteropError::TooLarge));
}

#[test]
fn aegis_bad_entries_are_rejected_one_by_one() {
    let entries = [
        GOOD_ENTRY,
        r#"{"name":"no type","info":{"secret":"JBSWY3DP"}}"#,
        r#"{"type":"totp","name":"no info"}"#,
        r#"{"type":"totp","info":{"algo":"SHA1"}}"#,
        r#"{"type":"totp","info":{"secret":42}}"#,
        r#"{"type":"totp","info":{"secret":"JBSWY3DP","digits":"six"}}"#,
        r#"{"type":"totp","info":{"secret":"JBSWY3DP","digits":10}}"#,
        r#"{"type":"totp","info":{"secret":"JBSWY3DP","period":0}}"#,
        r#"{"type":"yandex","info":{"secret":"JBSWY3DP"}}"#,
        r#""not an object""#,
        GOOD_ENTRY,
    ];
    let r = import_aegis(&aegis_with(&entries)).unwrap();
    assert_eq!(r.items.len(), 2);
    assert_eq!(r.items[1].name, "I (a) 2");
    let got: Vec<(usize, &str)> = r
        .rejected
        .iter()
        .map(|x| (x.line, x.reason.as_str()))
        .collect();
    let want = [
        (2, "missing its type"),
        (3, "missing its info"),
        (4, "missing its info.secret"),
        (5, "malformed"),
        (6, "malformed"),
        (7, "digits"),
        (8, "period"),
        (9, "Yandex Key"),
        (10, "malformed"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((line, reason), (wl, wt)) in got.iter().zip(want) {
        assert_eq!(*line, wl);
        assert!(reason.contains(wt), "{line}: {reason}");
    }
}

fn migration(payload: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(payload);
    format!(
        "otpauth-migration://offline?data={}",
        b64.replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D")
    )
}

#[test]
fn gauth_bad_lines() {
    // One account: secret "Hello!\xde\xad\xbe\xef", name "n", SHA1, six digits, TOTP.
    let account = [
        0x0a, 0x15, 0x0a, 0x0a, b'H', b'e', b'l', b'l', b'o', b'!', 0xde, 0xad, 0xbe, 0xef, 0x12,
        0x01, b'n', 0x20, 0x01, 0x28, 0x01, 0x30, 0x02,
    ];
    let good = migration(&account);
    let mut unknown_type = account.to_vec();
    *unknown_type.last_mut().unwrap() = 0x05;
    let mut unknown_digits = account.to_vec();
    unknown_digits[20] = 0x03;
    let text = [
        good.as_str(),
        "otpauth-migration://offline",
        "otpauth-migration://offline?data=!!!!",
        &migration(&[0x0a, 0x7f, 0x00]),
        &migration(&[0x0b]),
        &migration(&[0x0a, 0x02, 0x12, 0xff]),
        &migration(&unknown_type),
        &migration(&unknown_digits),
        "otpauth://totp/x?secret=JBSWY3DP",
        &good.replace("%2B", " "),
        &good.replace("otpauth-migration", "OTPAUTH-MIGRATION"),
    ]
    .join("\n");
    let r = import_gauth(&text);
    let got: Vec<(usize, &str)> = r
        .rejected
        .iter()
        .map(|x| (x.line, x.reason.as_str()))
        .collect();
    let want = [
        (2, "data="),
        (3, "base64"),
        (4, "damaged"),
        (5, "damaged"),
        (6, "damaged"),
        (
            7,
            "account 1 in this export: this account has an unknown type value",
        ),
        (8, "unknown digit count"),
        (9, "otpauth-migration://"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((line, reason), (wl, wt)) in got.iter().zip(want) {
        assert_eq!(*line, wl, "{reason}");
        assert!(reason.contains(wt), "{line}: {reason}");
    }
    assert_eq!(r.items.len(), 3);
    assert_eq!(r.items[2].name, "n 3");
}

#[test]
fn otpauth_list_never_stops_at_a_bad_line() {
    let text =
        "otpauth://totp/a?secret=JBSWY3DP\n\u{0}\u{1}garbage\notpauth://totp/a?secret=JBSWY3DP\r\n";
    let r = import_otpauth_list(text);
    assert_eq!(r.items.len(), 2);
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].line, 2);
    assert!(import_otpauth_list("").items.is_empty());
}

proptest! {
    #[test]
    fn importers_never_panic(s in "\\PC{0,300}") {
        let _ = import_otpauth_list(&s);
        let _ = import_gauth(&s);
        let _ = import_aegis(&s);
    }

    #[test]
    fn gauth_random_payloads_never_panic(payload in proptest::collection::vec(any::<u8>(), 0..200)) {
        let r = import_gauth(&migration(&payload));
        prop_assert!(r.items.len() + r.rejected.len() <= 200);
    }

    #[test]
    fn aegis_random_entries_never_panic(
        kind in "(totp|hotp|steam|)", secret in "[A-Z2-7a-z=*]{0,20}",
        digits in -2i64..12, period in -1i64..4000, algo in "(SHA1|SHA256|SHA512|MD5|x)",
    ) {
        let entry = format!(
            r#"{{"type":"{kind}","name":"n","issuer":"i","info":{{"secret":"{secret}","algo":"{algo}","digits":{digits},"period":{period}}}}}"#
        );
        let r = import_aegis(&aegis_with(&[&entry])).unwrap();
        prop_assert_eq!(r.items.len() + r.rejected.len(), 1);
    }
}

/// Every format `import` reads, for the properties below.
const FORMATS: [lifeboat::interop::detect::ImportFormat; 12] = {
    use lifeboat::interop::detect::ImportFormat::*;
    [
        Lifeboat,
        Otpauth,
        Aegis,
        Gauth,
        TwoFas,
        Bitwarden,
        AndOtp,
        FreeOtpPlus,
        Proton,
        AuthenticatorPro,
        KeepassxcCsv,
        Qr,
    ]
};

/// Shapes close to each format's, with random values where the fields go.
fn near_valid() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_owned()),
        Just("\"JBSWY3DP\"".to_owned()),
        Just("[1,-2,300]".to_owned()),
        Just("{}".to_owned()),
        (-5i64..100).prop_map(|n| n.to_string()),
        "\\PC{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    (0usize..8, prop::collection::vec(value, 6)).prop_map(|(shape, v)| match shape {
        0 => format!(r#"{{"schemaVersion":{},"services":[{{"name":{},"secret":{},"otp":{{"tokenType":{},"digits":{}}},"groupId":{}}}]}}"#, v[0], v[1], v[2], v[3], v[4], v[5]),
        1 => format!(r#"[{{"secret":{},"type":{},"label":{},"digits":{},"period":{},"tags":{}}}]"#, v[0], v[1], v[2], v[3], v[4], v[5]),
        2 => format!(r#"{{"tokenOrder":[],"tokens":[{{"type":{},"secret":{},"issuerExt":{},"digits":{},"period":{},"counter":{}}}]}}"#, v[0], v[1], v[2], v[3], v[4], v[5]),
        3 => format!(r#"{{"version":1,"entries":[{{"content":{{"uri":{},"entry_type":{},"name":{}}},"note":{}}}]}}"#, v[0], v[1], v[2], v[3]),
        4 => format!(r#"{{"Authenticators":[{{"Type":{},"Issuer":{},"Secret":{},"Algorithm":{},"Digits":{},"Period":{}}}]}}"#, v[0], v[1], v[2], v[3], v[4], v[5]),
        5 => format!(r#"{{"encrypted":false,"folders":[],"items":[{{"type":{},"name":{},"notes":{},"login":{{"password":{},"totp":{}}},"folderId":{}}}]}}"#, v[0], v[1], v[2], v[3], v[4], v[5]),
        6 => format!(r#"{{"version":1,"header":{{"slots":[{{"type":1,"n":{},"r":{},"p":{},"salt":{},"key":{}}}],"params":{}}},"db":"AAAA"}}"#, v[0], v[1], v[2], v[3], v[4], v[5]),
        _ => format!("\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\"\n{},{},{},{},{},{},\"otpauth://totp/x?secret=JBSWY3DP\"\n", v[0], v[1], v[2], v[3], v[4], v[5]),
    })
}

proptest! {
    #[test]
    fn every_format_refuses_junk_without_panicking(s in "\\PC{0,300}", pick in 0usize..12) {
        use lifeboat::interop::detect;
        let _ = detect::detect(s.as_bytes());
        let _ = detect::check_forced(FORMATS[pick], s.as_bytes());
        let _ = detect::import(FORMATS[pick], s.as_bytes(), None);
    }

    #[test]
    fn near_valid_files_give_items_or_reasons(text in near_valid()) {
        use lifeboat::interop::{dedup, detect};
        let password = lifeboat::secret::SecretString::from("pw");
        let Some(d) = detect::detect(text.as_bytes()) else { return Ok(()) };
        // A password is given, but the KDF caps keep each case fast.
        if let Ok(report) = detect::import(d.format, text.as_bytes(), Some(&password)) {
            for r in &report.rejected {
                prop_assert!(!r.reason.contains("JBSWY3DP"), "{}", r.reason);
            }
            let n = report.items.len();
            let plan = dedup::plan(&[], report);
            prop_assert_eq!(plan.add.len() + plan.skipped.len(), n);
        }
    }
}
