//! Text as a file name in a backup folder: only the names `backup` writes
//! parse, and each parses back from the name it prints.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::recovery::backup::{backup_name, parse_backup_name};

fuzz_target!(|data: &[u8]| {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((stamp, seq)) = parse_backup_name(name) {
        let printed = backup_name(&stamp, seq);
        assert_eq!(parse_backup_name(&printed), Some((stamp, seq)));
        assert_eq!(printed, name);
    }
});
