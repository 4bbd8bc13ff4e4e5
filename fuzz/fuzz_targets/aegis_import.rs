//! Fuzzes the Aegis JSON importer: arbitrary text must never panic, and
//! every entry of an accepted file becomes an item or a rejection.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::interop::import_aegis;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(report) = import_aegis(text) {
        for item in &report.items {
            assert!(lifeboat::item::validate_name(&item.name).is_ok());
        }
    }
});
