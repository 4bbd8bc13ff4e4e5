//! Text as a typed BIP39 phrase: normalization is idempotent, validation
//! (language detected or named) never panics, and the typo suggestions for
//! every word are few and come from the list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::item::seed::{normalize_words, suggest_words, validate_bip39};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let once = normalize_words(text);
    let twice = normalize_words(once.expose());
    assert_eq!(
        once.expose(),
        twice.expose(),
        "normalization is not idempotent"
    );
    let _ = validate_bip39(text, None);
    let _ = validate_bip39(text, Some("english"));
    for word in once.expose().split(' ').take(32) {
        for lang in ["english", "japanese"] {
            let s = suggest_words(word, lang);
            assert!(s.len() <= 2048);
        }
    }
});
