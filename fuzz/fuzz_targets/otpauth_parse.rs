//! Fuzzes the otpauth URI and bare-secret parsers: arbitrary text must never
//! panic, and whatever parses must compute a code and survive a round trip
//! through `to_otpauth`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::item::totp::{code_at, parse_otpauth, parse_secret_input, to_otpauth};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_secret_input(text);
    if let Ok(secret) = parse_otpauth(text) {
        let code = code_at(&secret, 1_700_000_000).expect("parsed secrets compute codes");
        let uri = to_otpauth(&secret).expect("totp secrets have a URI");
        let again = parse_otpauth(&uri).expect("our URIs parse");
        assert_eq!(code_at(&again, 1_700_000_000).ok(), Some(code));
    }
});
