//! Fuzzes the exports: arbitrary bytes become a TOTP/HOTP/Steam item (only
//! values `add` accepts), exported as otpauth, Aegis and Google
//! Authenticator and imported back. Every item must come back with the
//! same secret and parameters, or be listed by the export as skipped.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use lifeboat::interop::export::{export_aegis, export_gauth};
use lifeboat::interop::{export_otpauth, import_aegis, import_gauth, import_otpauth_list};
use lifeboat::item::totp::{self, code_at};
use lifeboat::item::{Item, OtpAlgorithm, OtpType, Secret};

fn item(u: &mut Unstructured<'_>) -> arbitrary::Result<Item> {
    let key: Vec<u8> = Vec::arbitrary(u)?;
    let key = if key.is_empty() { vec![1] } else { key };
    let key = totp::encode_base32(&key[..key.len().min(600)]);
    let text = |u: &mut Unstructured<'_>| -> arbitrary::Result<Option<String>> {
        let s: Option<String> = Arbitrary::arbitrary(u)?;
        Ok(s.map(|s| s.chars().take(totp::MAX_TEXT_CHARS).collect::<String>())
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()))
    };
    let issuer = text(u)?;
    let label = text(u)?;
    let kind = u.int_in_range(0..=2u8)?;
    let secret = if kind == 2 {
        totp::steam_secret(key.expose(), issuer, label).map_err(|_| arbitrary::Error::IncorrectFormat)?
    } else {
        Secret::Totp {
            secret: key,
            issuer,
            label,
            algorithm: [OtpAlgorithm::Sha1, OtpAlgorithm::Sha256, OtpAlgorithm::Sha512][u.int_in_range(0..=2usize)?],
            digits: u.int_in_range(6..=8)?,
            period: if kind == 0 { u.int_in_range(1..=3600)? } else { 30 },
            otp_type: if kind == 0 { OtpType::Totp } else { OtpType::Hotp },
            counter: if kind == 1 { u64::arbitrary(u)? } else { 0 },
        }
    };
    let name = format!("item {}", u16::arbitrary(u)?);
    let item = Item::new(name, secret);
    item.validate_common().map_err(|_| arbitrary::Error::IncorrectFormat)?;
    Ok(item)
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut items = Vec::new();
    while items.len() < 12 {
        match item(&mut u) {
            Ok(mut i) => {
                i.name = format!("{} {}", items.len(), i.name);
                items.push(i);
            }
            Err(_) => break,
        }
    }
    let t = 1_700_000_000;
    let same = |a: &Item, b: &Item| code_at(&a.secret, t) == code_at(&b.secret, t);
    let back = import_otpauth_list(&export_otpauth(&items));
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.items.len(), items.len());
    assert!(items.iter().zip(&back.items).all(|(a, b)| same(a, b)));
    let (text, _) = export_aegis(&items);
    let back = import_aegis(text.expose()).expect("our Aegis export is an Aegis export");
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.items.len(), items.len());
    assert!(items.iter().zip(&back.items).all(|(a, b)| same(a, b)));
    let (uris, notes) = export_gauth(&items);
    let text: String = uris.iter().map(|u| format!("{}\n", u.expose())).collect();
    let back = import_gauth(&text);
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.items.len() + notes.skipped.len(), items.len());
});
