//! Fuzzes what people type as a seed or a key: BIP39 words, SeedQR digit
//! streams, Electrum seeds (new and pre-2.0), Monero seeds, SLIP-39
//! shares, `--scheme other` text, hex,
//! WIF, extended keys, BIP38, addresses. Nothing may panic; `other` must
//! keep the text exactly (trimmed); a SeedQR digit stream that parses must
//! give words that encode back to the same stream; CompactSeedQR payloads
//! decode and re-encode to the same bytes; a Monero seed that validates
//! is stored as its full words, which validate and decode to the same key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::item::input::{parse_secret, SecretInput};
use lifeboat::item::{keys, monero, seed, seedqr, ItemKind, Secret, SeedScheme};
use lifeboat::secret::SecretString;

fuzz_target!(|data: &[u8]| {
    if let Ok(bytes) = seedqr::from_compact(data) {
        let again = seedqr::to_compact(bytes.expose()).expect("decoded phrases encode");
        assert_eq!(again.expose(), data);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let raw = SecretString::from(text);
    for scheme in [
        None,
        Some(SeedScheme::Slip39),
        Some(SeedScheme::Electrum),
        Some(SeedScheme::Monero),
    ] {
        let opts = SecretInput {
            scheme,
            ..Default::default()
        };
        let _ = parse_secret(ItemKind::Seed, &raw, &opts);
    }
    let other = SecretInput {
        scheme: Some(SeedScheme::Other),
        ..Default::default()
    };
    if let Ok(Secret::Seed { words, .. }) = parse_secret(ItemKind::Seed, &raw, &other) {
        assert_eq!(words.expose(), text.trim());
    }
    if let Ok(words) = seedqr::from_digits(text) {
        let digits = seedqr::to_digits(words.expose()).expect("decoded phrases encode");
        assert_eq!(digits.expose(), text.trim());
    }
    let _ = seed::electrum_kind(text);
    let _ = seed::electrum_old_decode(text);
    let normalized = seed::normalize_words(text);
    if let Ok((key, _)) = monero::decode(normalized.expose()) {
        let full = monero::full_words(normalized.expose()).expect("valid words expand");
        let (again, _) = monero::decode(full.expose()).expect("full words validate");
        assert_eq!(*key, *again);
    }
    let _ = keys::recognise(text);
    let _ = parse_secret(ItemKind::Key, &raw, &SecretInput::default());
});
