//! Structure-aware fuzzing of the vault payload. A mutated vault file fails
//! authentication, so the JSON inside a vault is otherwise only ever the
//! seed's. Here the input is the plaintext itself:
//!
//! 1. encrypted to a fixed, public test recipient (a genuine age file) and
//!    opened with its identity through `unseal`, the path every command
//!    takes: header checks, the JSON parser, the authenticity rule (which
//!    refuses it: it has no passphrase stanza);
//! 2. when it parses as a payload, given a fixed set of keys and sealed as
//!    lifeboat seals a vault, then opened again with the recovery identity:
//!    that must succeed and give back the same contents.
//!
//! The seed corpus holds real payloads (fuzz/seed-corpus.sh), so mutations
//! start inside the format.
#![no_main]

use std::io::Write;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lifeboat::secret::SecretBytes;
use lifeboat::vault::crypto::PassphraseKey;
use lifeboat::vault::format::{seal, unseal, Keys, Payload, Unlock, VERSION};
use lifeboat::vault::{KdfParams, NamedIdentity};

/// The same public test identity as `vault_open`: nothing real uses it.
const IDENTITY: &str = "AGE-SECRET-KEY-1MVQC73AZ93N4CCAFV9YW4VEW844GVQQ8W8M6PRNV8YYHQ0KQUXJQFDHPTK";

fn identity() -> NamedIdentity {
    NamedIdentity::parse(IDENTITY).expect("valid test identity")
}

/// Fixed keys (no KDF is ever run: the passphrase key is made up).
fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let passphrase = PassphraseKey {
            salt: SecretBytes::new(vec![1; 16]),
            params: KdfParams {
                m_kib: 8 * 1024,
                t: 1,
                p: 1,
            },
            key: SecretBytes::new(vec![2; 32]),
        };
        Keys::new(&identity(), passphrase)
    })
}

fuzz_target!(|data: &[u8]| {
    // 1. As the plaintext of an age file to the test recipient.
    let id = identity();
    if let Ok(recipient) = id.recipient.parse::<age::x25519::Recipient>() {
        if let Ok(enc) =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        {
            let mut file = Vec::with_capacity(data.len() + 256);
            if let Ok(mut w) = enc.wrap_output(&mut file) {
                if w.write_all(data).is_ok() && w.finish().is_ok() {
                    let _ = unseal(&file, &Unlock::Identities(vec![id]));
                }
            }
        }
    }

    // 2. Sealed as a vault with known keys, and opened again.
    let Ok(mut payload) = Payload::from_json(data) else {
        return;
    };
    payload.keys = keys().clone();
    payload.version = VERSION;
    let Ok((file, _)) = seal(&mut payload) else {
        return;
    };
    let opened = unseal(&file, &Unlock::Identities(vec![identity()]))
        .expect("a sealed payload opens with its recovery key");
    assert_eq!(opened.payload.items, payload.items);
    assert_eq!(opened.payload.playbooks, payload.playbooks);
    assert_eq!(opened.payload.recipients, payload.recipients);
    assert_eq!(opened.payload.settings, payload.settings);
    assert_eq!(opened.payload.audit, payload.audit);
});
