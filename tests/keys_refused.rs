//! What `add key` refuses and why: public material (addresses, public
//! keys), the invalid extended private keys of BIP32's test vector 5; and
//! BIP38-encrypted keys recognised (vectors from BIP38). Every refusal
//! leaves the vault byte for byte unchanged.

mod cli_items_harness;

use cli_items_harness::Env;
use lifeboat::item::keys::{recognise, KeyError, KeyFormat};

/// BIP32 test vector 5: extended private keys a conforming reader refuses.
const BIP32_VECTOR5_XPRV: [(&str, &str); 8] = [
    ("xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFGTQQD3dC4H2D5GBj7vWvSQaaBv5cxi9gafk7NF3pnBju6dwKvH", "prvkey version / pubkey mismatch"),
    ("xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFGpWnsj83BHtEy5Zt8CcDr1UiRXuWCmTQLxEK9vbz5gPstX92JQ", "invalid prvkey prefix 04"),
    ("xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFAzHGBP2UuGCqWLTAPLcMtD9y5gkZ6Eq3Rjuahrv17fEQ3Qen6J", "invalid prvkey prefix 01"),
    ("xprv9s2SPatNQ9Vc6GTbVMFPFo7jsaZySyzk7L8n2uqKXJen3KUmvQNTuLh3fhZMBoG3G4ZW1N2kZuHEPY53qmbZzCHshoQnNf4GvELZfqTUrcv", "zero depth with non-zero parent fingerprint"),
    ("xprv9s21ZrQH4r4TsiLvyLXqM9P7k1K3EYhA1kkD6xuquB5i39AU8KF42acDyL3qsDbU9NmZn6MsGSUYZEsuoePmjzsB3eFKSUEh3Gu1N3cqVUN", "zero depth with non-zero index"),
    ("xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzF93Y5wvzdUayhgkkFoicQZcP3y52uPPxFnfoLZB21Teqt1VvEHx", "private key 0 not in 1..n-1"),
    ("xprv9s21ZrQH143K24Mfq5zL5MhWK9hUhhGbd45hLXo2Pq2oqzMMo63oStZzFAzHGBP2UuGCqWLTAPLcMtD5SDKr24z3aiUvKr9bJpdrcLg1y3G", "private key n not in 1..n-1"),
    ("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHL", "invalid checksum"),
];

#[test]
fn bip32_vector5_private_keys_are_all_refused() {
    for (key, why) in BIP32_VECTOR5_XPRV {
        let got = recognise(key);
        assert!(got.is_err(), "{why}: accepted");
        match why {
            "zero depth with non-zero parent fingerprint" => assert_eq!(
                got,
                Err(KeyError::MasterWithParent {
                    prefix: "xprv",
                    what: "parent fingerprint"
                })
            ),
            "zero depth with non-zero index" => assert_eq!(
                got,
                Err(KeyError::MasterWithParent {
                    prefix: "xprv",
                    what: "child index"
                })
            ),
            "invalid checksum" => assert_eq!(got, Err(KeyError::BadChecksum { format: "xprv" })),
            _ => assert_eq!(got, Err(KeyError::Malformed { format: "xprv" }), "{why}"),
        }
    }
    // BIP32 test vector 1's master key is still fine.
    assert_eq!(
        recognise("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"),
        Ok(KeyFormat::Extended)
    );
}

/// Public material: (text, what the message must name).
const PUBLIC: [(&str, &str); 9] = [
    ("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "Bitcoin address"),
    ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "Bitcoin address"),
    // BIP173 and BIP350 examples.
    ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "Bitcoin address"),
    ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "Bitcoin address"),
    ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "Bitcoin address"),
    ("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "Bitcoin testnet address"),
    // secp256k1's generator point, compressed and uncompressed.
    ("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", "public key"),
    ("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", "public key"),
    ("0x52908400098527886E0F7030069857D2E4169EE7", "Ethereum address"),
];

/// BIP38's test vectors: plain (compressed and not) and EC-multiplied.
const BIP38: [&str; 4] = [
    "6PRVWUbkzzsbcVac2qwfssoUJAN1Xhrg6bNk8J7Nzm5H7kxEbn2Nh2ZoGg",
    "6PRNFFkZc2NZ6dJqFfhRoFNMR9Lnyj7dYGrzdgXXVMXcxoKTePPX1dWByq",
    "6PYNKZ1EAgYgmQfmNVamxyXVWHzK5s6DGhwP4J5o44cvXdoY7sRzhtpUeo",
    "6PfQu77ygVyJLZjfvMLyhLMQbYnu5uguoJJ4kMCLqWwPEdfpwANVS76gTX",
];

#[test]
fn public_material_is_refused_and_bip38_is_recognised() {
    for (text, what) in PUBLIC {
        let e = recognise(text).unwrap_err().to_string();
        assert!(e.contains(what), "{text}: {e}");
        assert!(e.contains("cannot restore"), "{e}");
    }
    for key in BIP38 {
        assert_eq!(recognise(key), Ok(KeyFormat::Bip38), "{key}");
    }
    let damaged = BIP38[0].replace("Nh2ZoGg", "Nh2ZoGh");
    assert_eq!(
        recognise(&damaged),
        Err(KeyError::BadChecksum { format: "BIP38" })
    );
    // Still keys: hex, WIF, and free text.
    assert_eq!(
        recognise("e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35"),
        Ok(KeyFormat::Hex)
    );
    assert_eq!(
        recognise("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"),
        Ok(KeyFormat::Wif)
    );
    assert_eq!(recognise("my old wallet password"), Ok(KeyFormat::Text));
}

#[test]
fn add_key_refuses_with_the_reason_and_keeps_bip38() {
    let env = Env::new();
    let before = env.vault_bytes();
    for (text, what) in PUBLIC.iter().take(2).chain(&PUBLIC[6..7]) {
        let out = env.run_in(&["add", "key", "k"], text).code(1);
        assert!(out.stderr.contains(what), "{}", out.stderr);
        assert!(!out.stderr.contains(text), "the input is not echoed");
    }
    let (xprv, _) = BIP32_VECTOR5_XPRV[3];
    let out = env.run_in(&["add", "key", "k"], xprv).code(1);
    assert!(out.stderr.contains("parent fingerprint"), "{}", out.stderr);
    assert_eq!(env.vault_bytes(), before);
    let out = env.run_in(&["add", "key", "paper wallet"], BIP38[0]).ok();
    assert!(out.stderr.contains("BIP38"), "{}", out.stderr);
    let v = env.reveal("paper wallet");
    assert_eq!(v["secret"]["format"], "bip38");
    assert_eq!(v["secret"]["key"], BIP38[0]);
}
