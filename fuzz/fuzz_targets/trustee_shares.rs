//! Text as trustee shares (`recover --shares`, the TUI's share entry) and
//! as group specs (`split --group`): extraction, word resolution, group
//! parsing and key rebuilding never panic; a rebuilt key is a valid
//! identity; a parsed group is a usable K-of-N.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::recovery::split::{mnemonics_from_text, parse_group, rebuild_key, resolve_word};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for line in text.lines().take(16) {
        if let Ok((k, n)) = parse_group(line) {
            assert!(k >= 1 && k <= n, "{k} of {n}");
        }
        for word in line.split_whitespace().take(40) {
            let _ = resolve_word(word);
        }
    }
    let shares = mnemonics_from_text(text);
    // Share sets with a high iteration exponent cost seconds by design;
    // the slip39_decode target covers the decoder itself.
    if shares.len() <= 16 && !shares.is_empty() {
        if let Ok(id) = rebuild_key(&shares) {
            assert!(id.recipient.starts_with("age1"));
        }
    }
});
