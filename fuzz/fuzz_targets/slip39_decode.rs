//! Fuzzes SLIP-39 share parsing: any text must decode or fail cleanly, a
//! decoded share must re-encode to words that decode to the same share, and
//! combining the lines as a share set must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::item::slip39;

/// Above this exponent a decrypt costs seconds; a share that passes RS1024
/// and the digest check by chance must not stall the fuzzer.
const MAX_FUZZ_ITERATION_EXPONENT: u8 = 2;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(share) = slip39::decode_mnemonic(text) {
        let words = slip39::encode_mnemonic(&share);
        let again = slip39::decode_mnemonic(words.expose()).expect("re-encoded share decodes");
        assert_eq!(again, share);
    }
    let lines: Vec<&str> = text.lines().collect();
    let cheap = lines.iter().all(|l| match slip39::decode_mnemonic(l) {
        Ok(s) => s.iteration_exponent <= MAX_FUZZ_ITERATION_EXPONENT,
        Err(_) => true,
    });
    if cheap {
        let _ = slip39::combine(&lines, b"TREZOR");
    }
});
