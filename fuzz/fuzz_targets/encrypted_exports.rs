//! Fuzzes the password-protected Bitwarden export: the fuzz input is the
//! plaintext that the export seals (so the decryption succeeds and the
//! input reaches the JSON importer), or, when the first byte is odd, the
//! whole envelope as given (hostile KDF settings, malformed encrypted
//! strings). The KDF is PBKDF2 with one iteration, so runs stay fast.
//! Nothing may panic; a sealed plaintext that the plain importer accepts
//! must import the same through the envelope.
#![no_main]

use base64::Engine;
use hmac::{Hmac, Mac};
use libfuzzer_sys::fuzz_target;
use lifeboat::interop::bitwarden;
use lifeboat::secret::SecretString;

const PASSWORD: &str = "fuzz";
const SALT: &str = "c2FsdHNhbHRzYWx0c2FsdA==";

fn hkdf(prk: &[u8], info: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<sha2::Sha256> as Mac>::new_from_slice(prk).unwrap();
    m.update(info);
    m.update(&[1]);
    m.finalize().into_bytes().to_vec()
}

fn seal(enc: &[u8], mac: &[u8], plain: &[u8]) -> String {
    use aes::cipher::{generic_array::GenericArray, BlockEncrypt, KeyInit};
    let cipher = aes::Aes256::new_from_slice(enc).unwrap();
    let iv = [7u8; 16];
    let mut padded = plain.to_vec();
    let pad = 16 - plain.len() % 16;
    padded.extend(std::iter::repeat_n(pad as u8, pad));
    let mut prev = iv;
    let mut ct = Vec::with_capacity(padded.len());
    for block in padded.chunks(16) {
        let mut b = GenericArray::clone_from_slice(block);
        b.iter_mut().zip(prev.iter()).for_each(|(x, p)| *x ^= p);
        cipher.encrypt_block(&mut b);
        prev.copy_from_slice(&b);
        ct.extend_from_slice(&b);
    }
    let mut m = <Hmac<sha2::Sha256> as Mac>::new_from_slice(mac).unwrap();
    m.update(&iv);
    m.update(&ct);
    let tag = m.finalize().into_bytes();
    let b64 = base64::engine::general_purpose::STANDARD;
    format!("2.{}|{}|{}", b64.encode(iv), b64.encode(&ct), b64.encode(tag))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let password = SecretString::from(PASSWORD);
    if pick % 2 == 1 {
        if let Ok(text) = std::str::from_utf8(rest) {
            let _ = bitwarden::import_bitwarden_protected(text, Some(&password));
        }
        return;
    }
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(PASSWORD.as_bytes(), SALT.as_bytes(), 1, &mut key);
    let (enc, mac) = (hkdf(&key, b"enc"), hkdf(&key, b"mac"));
    let envelope = serde_json::json!({
        "encrypted": true, "passwordProtected": true, "salt": SALT, "kdfType": 0,
        "kdfIterations": 1, "kdfMemory": null, "kdfParallelism": null,
        "encKeyValidation_DO_NOT_EDIT": seal(&enc, &mac, b"check"),
        "data": seal(&enc, &mac, rest),
    })
    .to_string();
    let sealed = bitwarden::import_bitwarden_protected(&envelope, Some(&password));
    if let Ok(text) = std::str::from_utf8(rest) {
        if let (Ok(a), Ok(b)) = (bitwarden::import_bitwarden_json(text), &sealed) {
            assert_eq!(a.items.len(), b.items.len());
        }
    }
});
