//! Text as a private key (`add key`): recognition of hex, WIF, xprv and
//! the other formats never panics, and recognises the same text the same
//! way twice (it is a pure function of the text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::item::keys::recognise;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = recognise(text).map(|f| f.as_str());
    let b = recognise(text).map(|f| f.as_str());
    assert_eq!(a.is_ok(), b.is_ok());
    if let (Ok(a), Ok(b)) = (a, b) {
        assert_eq!(a, b);
    }
});
