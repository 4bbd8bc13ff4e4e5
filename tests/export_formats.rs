//! `export --format aegis` and `--format gauth`: the Aegis export checked
//! against the schema Aegis documents (docs/vault.md, database version 3)
//! and read back by our importer; the Google Authenticator URIs decoded by
//! a protobuf reader written here in Python from Google's published
//! `MigrationPayload` definition, split into batches, and their QR images
//! read back by zbarimg; and export -> import round trips, property-tested,
//! for every format that carries one-time-password secrets.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;
use lifeboat::interop::export::{export_aegis, export_gauth, SkipReason};
use lifeboat::interop::{export_otpauth, import_aegis, import_gauth, import_otpauth_list};
use lifeboat::item::totp::{self, code_at};
use lifeboat::item::{Item, OtpAlgorithm, OtpType, Secret};
use proptest::prelude::*;
use serde_json::Value;

fn otp(name: &str, uri: &str) -> Item {
    Item::new(name, totp::parse_otpauth(uri).unwrap())
}

fn sample() -> Vec<Item> {
    let mut gh = otp(
        "GitHub 2FA",
        "otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256&digits=8&period=60",
    );
    gh.tags = vec!["Work".into(), "Dev".into()];
    gh.notes = Some("codes in the safe".into());
    let mut vpn = otp(
        "VPN",
        "otpauth://hotp/VPN:bob?secret=GEZDGNBVGY3TQOJQ&counter=42",
    );
    vpn.tags = vec!["Work".into()];
    let steam = Item::new(
        "Steam",
        totp::steam_secret(
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            Some("Steam".into()),
            Some("gamer".into()),
        )
        .unwrap(),
    );
    let bare = Item::new(
        "Bare one",
        totp::parse_secret_input("MFRGGZDFMZTWQ2LK").unwrap(),
    );
    let note = Item::new("A note", Secret::Note { text: "hi".into() });
    vec![gh, vpn, steam, bare, note]
}

/// Checks one Aegis entry against the fields Aegis's docs/vault.md lists.
fn check_aegis_entry(e: &Value) {
    let kind = e["type"].as_str().unwrap();
    assert!(["totp", "hotp", "steam"].contains(&kind), "{e}");
    let uuid = e["uuid"].as_str().unwrap();
    let parts: Vec<usize> = uuid.split('-').map(str::len).collect();
    assert_eq!(parts, [8, 4, 4, 4, 12], "{uuid}");
    assert_eq!(&uuid[14..15], "4", "UUID version 4: {uuid}");
    assert!(e["name"].is_string() && e["issuer"].is_string() && e["note"].is_string());
    assert!(e["icon"].is_null());
    assert!(e["favorite"].is_boolean());
    assert!(e["groups"].is_array());
    let info = &e["info"];
    let secret = info["secret"].as_str().unwrap();
    assert!(!secret.contains('=') && totp::decode_base32(secret).is_ok());
    assert!(["SHA1", "SHA256", "SHA512"].contains(&info["algo"].as_str().unwrap()));
    assert!(info["digits"].is_u64());
    match kind {
        "hotp" => assert!(info["counter"].is_u64() && info.get("period").is_none()),
        "steam" => {
            assert_eq!(info["algo"], "SHA1");
            assert_eq!(info["digits"], 5);
            assert!(info["period"].is_u64());
        }
        _ => assert!(info["period"].is_u64() && info.get("counter").is_none()),
    }
}

#[test]
fn aegis_export_follows_the_documented_schema_and_imports_back() {
    let items = sample();
    let (text, notes) = export_aegis(&items);
    assert_eq!(notes.skipped, [("A note".to_owned(), SkipReason::NotOtp)]);
    let doc: Value = serde_json::from_str(text.expose()).unwrap();
    assert_eq!(doc["version"], 1);
    assert!(doc["header"]["slots"].is_null() && doc["header"]["params"].is_null());
    assert_eq!(doc["db"]["version"], 3);
    let entries = doc["db"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    entries.iter().for_each(check_aegis_entry);
    let groups = doc["db"]["groups"].as_array().unwrap();
    let names: Vec<&str> = groups.iter().map(|g| g["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Work", "Dev"], "one group per tag, shared");

    let back = import_aegis(text.expose()).unwrap();
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.items.len(), 4);
    for (a, b) in items.iter().zip(&back.items) {
        let mut want = a.secret.clone();
        // The bare secret comes back with the item name as its account.
        if let Secret::Totp { label, .. } = &mut want {
            label.get_or_insert_with(|| a.name.trim().to_owned());
        }
        assert_eq!(b.secret, want, "{}", a.name);
        assert_eq!(b.tags, a.tags, "{}", a.name);
        assert_eq!(b.notes, a.notes, "{}", a.name);
        assert_eq!(
            code_at(&b.secret, 1_700_000_000),
            code_at(&a.secret, 1_700_000_000)
        );
    }
}

/// A protobuf reader for Google's `MigrationPayload`, written from the
/// published message definition (field numbers and wire types only),
/// printing one JSON object per URI.
const PY_MIGRATION_DECODER: &str = r#"
import sys, json, base64, urllib.parse
def varint(b, i):
    v = s = 0
    while True:
        x = b[i]; i += 1
        v |= (x & 0x7f) << s; s += 7
        if not x & 0x80:
            return v, i
def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        num, wt = key >> 3, key & 7
        if wt == 0:
            v, i = varint(b, i)
        elif wt == 2:
            n, i = varint(b, i)
            v = b[i:i + n]; i += n
        else:
            raise ValueError("unexpected wire type %d" % wt)
        yield num, v
for line in sys.stdin:
    q = urllib.parse.urlparse(line.strip())
    assert q.scheme == "otpauth-migration" and q.netloc == "offline", line
    data = base64.b64decode(urllib.parse.parse_qs(q.query)["data"][0])
    out = {"accounts": []}
    for num, v in fields(data):
        if num == 1:
            acc = {}
            for n, w in fields(v):
                key = {1: "secret", 2: "name", 3: "issuer", 4: "algorithm", 5: "digits", 6: "type", 7: "counter"}[n]
                if n == 1:
                    w = base64.b32encode(w).decode().rstrip("=")
                elif n in (2, 3):
                    w = w.decode("utf-8")
                acc[key] = w
            out["accounts"].append(acc)
        else:
            out[{2: "version", 3: "batch_size", 4: "batch_index", 5: "batch_id"}[num]] = v
    print(json.dumps(out))
"#;

fn many_items(n: usize) -> Vec<Item> {
    (0..n)
        .map(|i| {
            let key = totp::encode_base32(format!("key number {i:04} padded").as_bytes());
            let alg = ["SHA1", "SHA256", "SHA512"][i % 3];
            let digits = if i % 2 == 0 { 6 } else { 8 };
            let kind = if i % 5 == 0 { "hotp" } else { "totp" };
            otp(
                &format!("item {i}"),
                &format!(
                    "otpauth://{kind}/Issuer%20{i}:user{i}%40example.com?secret={}&algorithm={alg}&digits={digits}&counter={i}",
                    key.expose()
                ),
            )
        })
        .collect()
}

#[test]
fn gauth_export_decodes_with_an_independent_reader_and_batches() {
    let Some(py) = common::oracle_python() else {
        return;
    };
    let mut items = many_items(23);
    items.extend(sample());
    let (uris, notes) = export_gauth(&items);
    let skipped: Vec<(&str, SkipReason)> = notes
        .skipped
        .iter()
        .map(|(n, r)| (n.as_str(), *r))
        .collect();
    assert_eq!(
        skipped,
        [
            ("GitHub 2FA", SkipReason::GauthPeriod),
            ("Steam", SkipReason::GauthSteam),
            ("A note", SkipReason::NotOtp)
        ]
    );
    let input: String = uris.iter().map(|u| format!("{}\n", u.expose())).collect();
    let decoded: Vec<Value> = common::run_python(&py, PY_MIGRATION_DECODER, &input)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(decoded.len(), 3, "23 + 2 accounts in batches of at most 10");
    let exported: Vec<&Item> = items
        .iter()
        .filter(|i| !notes.skipped.iter().any(|(n, _)| *n == i.name))
        .collect();
    let mut next = exported.iter();
    for (index, batch) in decoded.iter().enumerate() {
        assert_eq!(batch["version"], 1);
        assert_eq!(batch["batch_size"], 3);
        assert_eq!(batch["batch_index"], index);
        assert_eq!(batch["batch_id"], decoded[0]["batch_id"]);
        let accounts = batch["accounts"].as_array().unwrap();
        assert!(accounts.len() <= 10);
        for acc in accounts {
            let item = next.next().unwrap();
            let Secret::Totp {
                secret,
                issuer,
                label,
                algorithm,
                digits,
                otp_type,
                counter,
                ..
            } = &item.secret
            else {
                unreachable!()
            };
            assert_eq!(acc["secret"], secret.expose());
            assert_eq!(acc["name"], label.clone().unwrap_or(item.name.clone()));
            assert_eq!(acc.get("issuer").and_then(Value::as_str), issuer.as_deref());
            let alg = match algorithm {
                OtpAlgorithm::Sha1 => 1,
                OtpAlgorithm::Sha256 => 2,
                OtpAlgorithm::Sha512 => 3,
            };
            assert_eq!(acc["algorithm"], alg);
            assert_eq!(acc["digits"], if *digits == 6 { 1 } else { 2 });
            let hotp = *otp_type == OtpType::Hotp;
            assert_eq!(acc["type"], if hotp { 1 } else { 2 });
            if hotp {
                assert_eq!(acc["counter"], *counter);
            }
        }
    }
    assert!(next.next().is_none(), "every exported account was decoded");
    // And our own importer reads the same accounts back.
    let back = import_gauth(&input);
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.items.len(), exported.len());
}

#[test]
fn gauth_qr_images_read_back_with_zbarimg() {
    let Some(zbarimg) = common::oracle_tool("zbarimg") else {
        return;
    };
    let env = Env::new();
    for i in 0..12 {
        let uri = format!(
            "otpauth://totp/Service%20{i}:person{i}?secret={}",
            totp::encode_base32(format!("secret for qr test {i}").as_bytes()).expose()
        );
        env.run_in(&["add", "totp", &format!("t{i}")], &uri).ok();
    }
    env.run_in(&["add", "note", "n"], "not exported").ok();
    let dir = env.path("qr");
    let text = env.path("uris.txt");
    let out = env
        .run(&[
            "export",
            "--format",
            "gauth",
            "--qr",
            dir.to_str().unwrap(),
            "--out",
            text.to_str().unwrap(),
        ])
        .ok();
    assert!(out.stdout.is_empty(), "images only, no secrets on stdout");
    assert!(out.stderr.contains("not exported: \"n\""), "{}", out.stderr);
    assert!(out.stderr.contains("does not carry"), "{}", out.stderr);
    let uris: Vec<String> = std::fs::read_to_string(&text)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(uris.len(), 2, "12 accounts, 10 per batch");
    for (n, uri) in uris.iter().enumerate() {
        let png = dir.join(format!("gauth-{}-of-2.png", n + 1));
        assert_eq!(cli_items_harness::mode(&png), 0o600);
        let read = std::process::Command::new(&zbarimg)
            .args(["--quiet", "--raw"])
            .arg(&png)
            .output()
            .unwrap();
        assert!(
            read.status.success(),
            "zbarimg read nothing from {}",
            png.display()
        );
        assert_eq!(String::from_utf8(read.stdout).unwrap().trim_end(), uri);
    }
    // The QR codes import into a fresh vault with the same codes.
    let other = Env::new();
    other
        .run(&["import", text.to_str().unwrap(), "--format", "gauth"])
        .ok();
    assert_eq!(other.list().len(), 12);
    // --qr belongs to gauth only.
    env.run(&["export", "--format", "aegis", "--qr", dir.to_str().unwrap()])
        .code(2);
}

#[test]
fn gauth_svg_renders_to_the_same_code() {
    let (Some(chromium), Some(zbarimg)) = (
        common::oracle_tool("chromium"),
        common::oracle_tool("zbarimg"),
    ) else {
        return;
    };
    let env = Env::new();
    env.run_in(
        &["add", "totp", "x"],
        "otpauth://totp/Svg:me?secret=JBSWY3DPEHPK3PXP",
    )
    .ok();
    let dir = env.path("svg");
    env.run(&[
        "export",
        "--format",
        "gauth",
        "--qr",
        dir.to_str().unwrap(),
        "--qr-format",
        "svg",
    ])
    .ok();
    let svg = dir.join("gauth-1-of-1.svg");
    let shot = env.path("svg.png");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--window-size=600,600",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", svg.display()))
        .output()
        .unwrap();
    assert!(shot.exists(), "chromium made no screenshot: {status:?}");
    let read = std::process::Command::new(zbarimg)
        .args(["--quiet", "--raw"])
        .arg(&shot)
        .output()
        .unwrap();
    let text = String::from_utf8(read.stdout).unwrap();
    assert!(
        text.starts_with("otpauth-migration://offline?data="),
        "{text}"
    );
    let back = import_gauth(&text);
    assert_eq!(back.items.len(), 1);
}

fn arb_otp_item() -> impl Strategy<Value = Item> {
    (
        proptest::collection::vec(any::<u8>(), 1..40),
        proptest::option::of("[^\u{0}-\u{1f}\u{7f}]{1,40}"),
        proptest::option::of("[^\u{0}-\u{1f}\u{7f}]{1,40}"),
        0usize..3,
        prop_oneof![Just(6u8), Just(7), Just(8)],
        prop_oneof![Just(30u64), 1u64..=3600],
        0usize..3,
        any::<u64>(),
        "[A-Za-z0-9 :]{0,30}",
    )
        .prop_map(
            |(key, issuer, label, alg, digits, period, kind, counter, name)| {
                let trim =
                    |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
                let secret = totp::encode_base32(&key);
                let (issuer, label) = (trim(issuer), trim(label));
                let s = if kind == 2 {
                    totp::steam_secret(secret.expose(), issuer, label).unwrap()
                } else {
                    Secret::Totp {
                        secret,
                        issuer,
                        label,
                        algorithm: [
                            OtpAlgorithm::Sha1,
                            OtpAlgorithm::Sha256,
                            OtpAlgorithm::Sha512,
                        ][alg],
                        digits,
                        period: if kind == 0 { period } else { 30 },
                        otp_type: if kind == 0 {
                            OtpType::Totp
                        } else {
                            OtpType::Hotp
                        },
                        counter: if kind == 1 { counter } else { 0 },
                    }
                };
                Item::new(format!("item {}", name.trim()), s)
            },
        )
}

/// The secret as a format that labels bare secrets with the item name
/// gives it back.
fn labelled(item: &Item) -> Secret {
    let mut s = item.secret.clone();
    if let Secret::Totp {
        issuer: None,
        label,
        ..
    } = &mut s
    {
        label.get_or_insert_with(|| item.name.trim().to_owned());
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every valid one-time-password item survives export -> import in
    /// every format that claims to carry it; what a format cannot carry is
    /// listed as skipped, never silently changed.
    #[test]
    fn export_then_import_gives_the_items_back(mut items in proptest::collection::vec(arb_otp_item(), 1..25)) {
        // Names are unique in a vault.
        for (n, item) in items.iter_mut().enumerate() {
            item.name = format!("{n} {}", item.name);
        }
        for item in &items {
            prop_assert!(item.validate_common().is_ok());
        }
        // otpauth list
        let back = import_otpauth_list(&export_otpauth(&items));
        prop_assert!(back.rejected.is_empty(), "{:?}", back.rejected);
        prop_assert_eq!(back.items.len(), items.len());
        for (a, b) in items.iter().zip(&back.items) {
            prop_assert_eq!(&b.secret, &labelled(a));
        }
        // Aegis
        let (text, _) = export_aegis(&items);
        let back = import_aegis(text.expose()).unwrap();
        prop_assert!(back.rejected.is_empty(), "{:?}", back.rejected);
        prop_assert_eq!(back.items.len(), items.len());
        for (a, b) in items.iter().zip(&back.items) {
            let mut want = a.secret.clone();
            if let Secret::Totp { label, .. } = &mut want {
                label.get_or_insert_with(|| a.name.trim().to_owned());
            }
            prop_assert_eq!(&b.secret, &want);
        }
        // Google Authenticator
        let (uris, notes) = export_gauth(&items);
        let text: String = uris.iter().map(|u| format!("{}\n", u.expose())).collect();
        let back = import_gauth(&text);
        prop_assert!(back.rejected.is_empty(), "{:?}", back.rejected);
        let carried: Vec<&Item> = items
            .iter()
            .filter(|i| !notes.skipped.iter().any(|(n, _)| *n == i.name))
            .collect();
        prop_assert_eq!(back.items.len(), carried.len());
        prop_assert_eq!(carried.len() + notes.skipped.len(), items.len());
        for (a, b) in carried.iter().zip(&back.items) {
            let mut want = a.secret.clone();
            if let Secret::Totp { label, .. } = &mut want {
                label.get_or_insert_with(|| a.name.trim().to_owned());
            }
            prop_assert_eq!(&b.secret, &want);
        }
        for (name, why) in &notes.skipped {
            let item = items.iter().find(|i| &i.name == name).unwrap();
            let Secret::Totp { otp_type, digits, period, .. } = &item.secret else { unreachable!() };
            let expected = if *otp_type == OtpType::Steam {
                SkipReason::GauthSteam
            } else if *digits == 7 {
                SkipReason::GauthDigits
            } else {
                prop_assert!(*period != 30);
                SkipReason::GauthPeriod
            };
            prop_assert_eq!(*why, expected);
        }
    }
}
