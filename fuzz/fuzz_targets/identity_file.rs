//! Text as an identity file (`--identity FILE`) and as recipients: every
//! identity that parses turns into its 32 secret bytes and back into the
//! same identity (what `split` and `recover` rely on), and every line that
//! parses as an age recipient prints back as itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::vault::crypto::{identity_from_bytes, identity_to_bytes, parse_identity_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ids) = parse_identity_file(text) {
        for id in ids {
            let bytes = identity_to_bytes(&id.text).expect("a parsed identity has 32 bytes");
            let back = identity_from_bytes(bytes.expose()).expect("and rebuilds");
            assert_eq!(back.recipient, id.recipient);
            assert_eq!(back.text.expose(), id.text.expose());
        }
    }
    for line in text.lines().take(64) {
        if let Ok(r) = line.trim().parse::<age::x25519::Recipient>() {
            assert_eq!(r.to_string(), line.trim().to_lowercase());
        }
    }
});
