//! Steam Guard secrets: codes checked live against pyotp's `contrib.Steam`,
//! every way a Steam secret arrives (`encoder=steam`, `otpauth://steam/`,
//! an Aegis "steam" entry), refusals of mOTP and Yandex, and the otpauth
//! length bound, end to end through the real binary.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;
use lifeboat::item::totp::{self, code_at, parse_otpauth, to_otpauth};
use lifeboat::item::{OtpType, Secret};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// pyotp's Steam codes for (base32 secret, unix time) pairs, and its codes
/// for our own URI read with `pyotp.parse_uri`.
fn pyotp_steam(cases: &[(String, u64)]) -> Option<Vec<(String, String)>> {
    let py = common::oracle_python()?;
    let code = r#"
import sys, pyotp, pyotp.contrib
for line in sys.stdin:
    s, t, uri = line.split()
    print(pyotp.contrib.Steam(s).at(int(t)), pyotp.parse_uri(uri).at(int(t)))
"#;
    let input: String = cases
        .iter()
        .map(|(s, t)| {
            let uri = to_otpauth(&totp::steam_secret(s, Some("Steam".into()), None).unwrap());
            format!("{s} {t} {}\n", uri.unwrap())
        })
        .collect();
    let out = common::run_python(&py, code, &input);
    Some(
        out.lines()
            .map(|l| {
                let (a, b) = l.split_once(' ').unwrap();
                (a.to_owned(), b.to_owned())
            })
            .collect(),
    )
}

#[test]
fn steam_codes_agree_with_pyotp_at_random_times() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (
        proptest::collection::vec(any::<u8>(), 20..=20),
        0u64..4_102_444_800,
    );
    let mut cases = Vec::new();
    for _ in 0..200 {
        let (key, t) = strategy.new_tree(&mut runner).unwrap().current();
        cases.push((totp::encode_base32(&key).expose().to_owned(), t));
    }
    let Some(theirs) = pyotp_steam(&cases) else {
        return;
    };
    for ((s, t), (steam, via_uri)) in cases.iter().zip(&theirs) {
        let ours = code_at(&totp::steam_secret(s, None, None).unwrap(), *t).unwrap();
        assert_eq!(&ours, steam, "secret {s} at {t}");
        assert_eq!(&ours, via_uri, "our URI read by pyotp, at {t}");
        assert_eq!(ours.len(), 5);
        assert!(ours.bytes().all(|b| totp::STEAM_ALPHABET.contains(&b)));
    }
}

const KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// The code pyotp gives for KEY at `t`.
fn pyotp_code(t: u64) -> Option<String> {
    pyotp_steam(&[(KEY.to_owned(), t)]).map(|v| v[0].0.clone())
}

#[test]
fn every_steam_form_adds_shows_codes_and_round_trips_through_otpauth() {
    let t = 1_700_000_000u64;
    let Some(want) = pyotp_code(t) else {
        return;
    };
    let env = Env::new();
    let forms = [
        format!(
            "otpauth://totp/Steam:gamer?secret={KEY}&issuer=Steam&digits=5&period=30&encoder=steam"
        ),
        format!("otpauth://steam/Steam:gamer?secret={KEY}"),
        format!("otpauth://totp/Steam:gamer?secret={KEY}&encoder=steam"),
    ];
    for (n, uri) in forms.iter().enumerate() {
        let name = format!("steam{n}");
        env.run_in(&["add", "totp", &name], uri).ok();
        let out = env.run(&["code", &name, "--at", &t.to_string()]).ok();
        assert_eq!(out.stdout.trim(), want, "{uri}");
        let v = env.reveal(&name);
        assert_eq!(v["secret"]["type"], "steam");
        assert_eq!(v["secret"]["digits"], 5);
    }
    // Exported as otpauth, imported into a fresh vault: still Steam codes.
    let export = env.path("steam.txt");
    env.run(&[
        "export",
        "--format",
        "otpauth",
        "--out",
        export.to_str().unwrap(),
    ])
    .ok();
    let text = std::fs::read_to_string(&export).unwrap();
    assert_eq!(text.matches("encoder=steam").count(), 3, "{text}");
    let other = Env::new();
    other
        .run(&["import", export.to_str().unwrap(), "--format", "otpauth"])
        .ok();
    for item in other.list() {
        let name = item["name"].as_str().unwrap();
        let out = other.run(&["code", name, "--at", &t.to_string()]).ok();
        assert_eq!(out.stdout.trim(), want, "{name}");
    }
}

#[test]
fn motp_and_yandex_are_refused_with_the_reason_and_change_nothing() {
    let env = Env::new();
    let before = env.vault_bytes();
    for (uri, why) in [
        (format!("otpauth://motp/x?secret={KEY}"), "mOTP"),
        (format!("otpauth://yaotp/x?secret={KEY}"), "Yandex"),
        (
            format!("otpauth://totp/x?secret={KEY}&encoder=yandex"),
            "Yandex",
        ),
        (
            format!("otpauth://totp/x?secret={KEY}&encoder=rot13"),
            "encoder",
        ),
    ] {
        let out = env.run_in(&["add", "totp", "x"], &uri).code(1);
        assert!(out.stderr.contains(why), "{uri}: {}", out.stderr);
        assert!(!out.stderr.contains(KEY), "{}", out.stderr);
    }
    assert_eq!(env.vault_bytes(), before);
}

/// Regression: `add` took an issuer of 1,400 `!`, export wrote it twice
/// %-encoded (8,400+ characters), and import refused the exported URI.
#[test]
fn what_add_accepts_export_carries_back_in() {
    let env = Env::new();
    let before = env.vault_bytes();
    let long = format!(
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&issuer={}",
        "!".repeat(1400)
    );
    let out = env.run_in(&["add", "totp", "long"], &long).code(1);
    assert!(out.stderr.contains("issuer is too long"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);

    // The longest issuer and account accepted, in the widest characters.
    let wide = "%F0%9F%98%80".repeat(totp::MAX_TEXT_CHARS);
    let widest = format!(
        "otpauth://hotp/{wide}:{wide}?secret={}&issuer={wide}&algorithm=SHA512&digits=8&counter=18446744073709551615",
        "A".repeat(totp::MAX_SECRET_CHARS)
    );
    env.run_in(&["add", "totp", "widest"], &widest).ok();
    env.run_in(&["add", "totp", "bare"], "JBSWY3DPEHPK3PXP")
        .ok();
    let export = env.path("all.txt");
    env.run(&[
        "export",
        "--format",
        "otpauth",
        "--out",
        export.to_str().unwrap(),
    ])
    .ok();
    let other = Env::new();
    let out = other
        .run(&[
            "--json",
            "import",
            export.to_str().unwrap(),
            "--format",
            "otpauth",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["added"], 2, "{}", out.stdout);
    assert_eq!(v["rejected"].as_array().unwrap().len(), 0);
    // The bare secret came back named after its item.
    let names: Vec<String> = other
        .list()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_owned())
        .collect();
    assert!(names.contains(&"bare".to_owned()), "{names:?}");
}

proptest! {
    /// Anything parse_otpauth accepts is written back by to_otpauth within
    /// the import limit and parses to the same secret.
    #[test]
    fn accepted_uris_round_trip(
        issuer in "\\PC{0,300}", account in "\\PC{0,300}",
        kind in "(totp|hotp|steam)", digits in 6u8..=8, period in 1u64..=3600,
        counter in any::<u64>(), key in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        let enc = |s: &str| s.bytes().map(|b| format!("%{b:02X}")).collect::<String>();
        let uri = format!(
            "otpauth://{kind}/{}:{}?secret={}&issuer={}&digits={digits}&period={period}&counter={counter}",
            enc(&issuer), enc(&account), totp::encode_base32(&key).expose(), enc(&issuer)
        );
        if let Ok(secret) = parse_otpauth(&uri) {
            let out = to_otpauth(&secret).unwrap();
            prop_assert!(out.len() <= totp::MAX_URI_CHARS);
            prop_assert_eq!(parse_otpauth(&out).unwrap(), secret.clone());
            if let Secret::Totp { otp_type: OtpType::Steam, .. } = secret {
                prop_assert_eq!(kind, "steam");
            }
        }
    }
}
