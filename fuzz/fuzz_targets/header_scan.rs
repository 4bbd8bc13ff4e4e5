//! Bytes as the start of a vault file, through the header scanner that
//! runs before the age crate: the scanner must never panic, a header it
//! passes must be within the limits, and the armored path (armor removed
//! under a byte budget, then scanned, then handed to age) must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::vault::header;

fuzz_target!(|data: &[u8]| {
    if let Ok(stats) = header::scan(data) {
        assert!(stats.bytes <= header::MAX_HEADER_BYTES);
        assert!(stats.bytes <= data.len());
        assert!(stats.stanzas <= header::MAX_STANZAS);
        assert_eq!(data[stats.bytes - 1], b'\n');
    }
    let budget = header::budget();
    let _ = header::open_decryptor(data, &budget);
});
