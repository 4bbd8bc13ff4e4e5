//! Fuzzes every import format behind `import`: the first byte picks a
//! format, the rest is the file. Nothing may panic; detection must agree
//! with itself; every accepted entry becomes an item with a valid name or
//! a rejection, and the duplicate planner keeps every item of a fresh
//! import. No password is given, so encrypted files stop before any KDF.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::interop::{dedup, detect};

const FORMATS: [detect::ImportFormat; 12] = [
    detect::ImportFormat::Lifeboat,
    detect::ImportFormat::Otpauth,
    detect::ImportFormat::Aegis,
    detect::ImportFormat::Gauth,
    detect::ImportFormat::TwoFas,
    detect::ImportFormat::Bitwarden,
    detect::ImportFormat::AndOtp,
    detect::ImportFormat::FreeOtpPlus,
    detect::ImportFormat::Proton,
    detect::ImportFormat::AuthenticatorPro,
    detect::ImportFormat::KeepassxcCsv,
    detect::ImportFormat::Qr,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let detected = detect::detect(file);
    assert_eq!(detected, detect::detect(file));
    let format = match pick as usize % (FORMATS.len() + 1) {
        n if n < FORMATS.len() => FORMATS[n],
        _ => match detected {
            Some(d) => d.format,
            None => return,
        },
    };
    let _ = detect::check_forced(format, file);
    if let Ok(report) = detect::import(format, file, None) {
        for item in &report.items {
            assert!(lifeboat::item::validate_name(&item.name).is_ok());
        }
        let n = report.items.len();
        let plan = dedup::plan(&[], report);
        assert_eq!(plan.add.len() + plan.skipped.len(), n);
    }
});
