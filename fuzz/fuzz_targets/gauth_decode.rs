//! Fuzzes the Google Authenticator migration importer: raw bytes as the
//! protobuf payload (directly and wrapped in a URI) and as free text must
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lifeboat::interop::gauth::decode_payload;
use lifeboat::interop::import_gauth;

/// Standard base64 without padding, kept here so the fuzz crate needs no
/// dependency beyond libfuzzer-sys and lifeboat.
fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let _ = decode_payload(data);
    let encoded = base64(data).replace('+', "%2B").replace('/', "%2F");
    let _ = import_gauth(&format!("otpauth-migration://offline?data={encoded}"));
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = import_gauth(text);
    }
});
