//! Feeds arbitrary bytes to the playbook parser: it must never panic, and
//! whatever parses must round-trip and survive a walk through the engine.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    lifeboat::playbook::fuzz_parse(data);
});
