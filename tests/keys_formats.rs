//! Private-key recognition: hex, WIF built here with Base58Check from random
//! keys, BIP32 extended private keys from the published test vectors and
//! from PyPI `mnemonic`'s `to_hd_master_key`, and the refusals (damaged
//! checksums, wrong lengths, extended public keys).

mod common;

use lifeboat::item::keys::{extended_versions, recognise, KeyError, KeyFormat};
use rand::Rng;

/// BIP32 test vector 1 (seed 000102...0f): master and m/0H private keys.
const TV1_XPRV_M: &str = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
const TV1_XPRV_M0H: &str = "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7";
const TV1_XPUB_M: &str = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8";

fn random_key() -> [u8; 32] {
    let mut k: [u8; 32] = rand::thread_rng().gen();
    k[0] &= 0x7f; // stay below the curve order
    k[31] |= 1; // never zero
    k
}

fn wif(version: u8, key: &[u8; 32], compressed: bool) -> String {
    let mut payload = vec![version];
    payload.extend_from_slice(key);
    if compressed {
        payload.push(1);
    }
    bs58::encode(payload).with_check().into_string()
}

/// Changes one character to another Base58 character.
fn corrupt(s: &str, at: usize) -> String {
    let mut b = s.as_bytes().to_vec();
    b[at] = if b[at] == b'2' { b'3' } else { b'2' };
    String::from_utf8(b).unwrap()
}

#[test]
fn hex_keys() {
    let k = hex::encode(random_key());
    assert_eq!(recognise(&k), Ok(KeyFormat::Hex));
    assert_eq!(recognise(&k.to_uppercase()), Ok(KeyFormat::Hex));
    assert_eq!(recognise(&format!("  0x{k}\n")), Ok(KeyFormat::Hex));
    assert_eq!(recognise(&k[..63]), Err(KeyError::HexLength { digits: 63 }));
    assert_eq!(
        recognise(&format!("{k}a")),
        Err(KeyError::HexLength { digits: 65 })
    );
    assert_eq!(recognise(&k[..40]), Ok(KeyFormat::Text));
    assert_eq!(KeyFormat::Hex.as_str(), "hex");
}

#[test]
fn wif_keys_all_four_kinds() {
    for _ in 0..50 {
        let k = random_key();
        for (version, compressed, first) in [
            (0x80, false, "5"),
            (0x80, true, "KL"),
            (0xef, false, "9"),
            (0xef, true, "c"),
        ] {
            let w = wif(version, &k, compressed);
            assert!(first.contains(&w[..1]), "{w}");
            assert_eq!(recognise(&w), Ok(KeyFormat::Wif), "{w}");
            // A mistyped character breaks the checksum.
            let bad = corrupt(&w, 20);
            assert_eq!(
                recognise(&bad),
                Err(KeyError::BadChecksum { format: "WIF" })
            );
            let msg = recognise(&bad).unwrap_err().to_string();
            assert!(
                msg.contains("checksum") && !msg.contains(&bad[5..]),
                "{msg}"
            );
        }
        // Another coin's version byte (Litecoin 0xb0) is still a WIF.
        assert_eq!(recognise(&wif(0xb0, &k, true)), Ok(KeyFormat::Wif));
    }
    // A valid checksum over a payload of the wrong shape.
    let mut odd = vec![0x80];
    odd.extend_from_slice(&random_key());
    odd.push(0x02);
    let s = bs58::encode(odd).with_check().into_string();
    assert_eq!(recognise(&s), Err(KeyError::Malformed { format: "WIF" }));
    assert_eq!(KeyFormat::Wif.as_str(), "wif");
}

#[test]
fn bip32_published_vectors() {
    assert_eq!(recognise(TV1_XPRV_M), Ok(KeyFormat::Extended));
    assert_eq!(recognise(TV1_XPRV_M0H), Ok(KeyFormat::Extended));
    assert_eq!(KeyFormat::Extended.as_str(), "xprv");
    assert_eq!(
        recognise(&corrupt(TV1_XPRV_M, 60)),
        Err(KeyError::BadChecksum { format: "xprv" })
    );
    assert_eq!(
        recognise(&TV1_XPRV_M[..100]),
        Err(KeyError::BadChecksum { format: "xprv" })
    );
    assert_eq!(
        recognise(&TV1_XPRV_M[..60]),
        Err(KeyError::Malformed { format: "xprv" })
    );
    let err = recognise(TV1_XPUB_M).unwrap_err();
    assert_eq!(
        err,
        KeyError::PublicKey {
            prefix: "xpub",
            private: "xprv"
        }
    );
    assert!(err.to_string().contains("not a private key"));
}

/// Every prefix in the version table really encodes to that prefix, private
/// versions are recognised and public ones refused.
#[test]
fn slip132_version_table_is_consistent() {
    for &(private, pv, public, bv) in extended_versions() {
        let mut data = pv.to_be_bytes().to_vec();
        data.extend_from_slice(&[0u8; 9]); // depth, fingerprint, child number
        data.extend_from_slice(&rand::thread_rng().gen::<[u8; 32]>()); // chain code
        data.push(0);
        data.extend_from_slice(&random_key());
        let s = bs58::encode(&data).with_check().into_string();
        assert!(s.starts_with(private), "{private}: {s}");
        assert_eq!(recognise(&s), Ok(KeyFormat::Extended), "{s}");

        let mut pubdata = bv.to_be_bytes().to_vec();
        pubdata.extend_from_slice(&data[4..45]);
        pubdata.push(2);
        pubdata.extend_from_slice(&random_key());
        let p = bs58::encode(&pubdata).with_check().into_string();
        assert!(p.starts_with(public), "{public}: {p}");
        assert_eq!(
            recognise(&p),
            Err(KeyError::PublicKey {
                prefix: public,
                private
            })
        );

        // The right prefix with another network's version bytes.
        data[3] ^= 1;
        let wrong = bs58::encode(&data).with_check().into_string();
        if wrong.starts_with(private) {
            assert_eq!(
                recognise(&wrong),
                Err(KeyError::Malformed { format: private })
            );
        }
    }
}

/// PyPI `mnemonic` derives BIP32 master keys (mainnet xprv and testnet
/// tprv) from random seeds; each is recognised as an extended key.
#[test]
fn master_keys_from_python_mnemonic() {
    let Some(py) = common::oracle_python() else {
        return;
    };
    let code = r#"
import os
from mnemonic import Mnemonic
for i in range(40):
    seed = Mnemonic.to_seed(Mnemonic("english").to_mnemonic(os.urandom(16)), "")
    print(Mnemonic.to_hd_master_key(seed, testnet=bool(i % 2)))
"#;
    let out = common::run_python(&py, code, "");
    let keys: Vec<&str> = out.lines().collect();
    assert_eq!(keys.len(), 40);
    for k in keys {
        assert!(k.starts_with("xprv") || k.starts_with("tprv"), "{k}");
        assert_eq!(recognise(k), Ok(KeyFormat::Extended), "{k}");
    }
}

#[test]
fn free_text_stays_text() {
    for text in [
        "",
        "my old wallet password",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----",
        "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
        "0x1234",
    ] {
        assert_eq!(recognise(text), Ok(KeyFormat::Text), "{text}");
    }
    // A bare extended-key prefix is a key cut short, not prose.
    assert_eq!(
        recognise("xprv"),
        Err(KeyError::Malformed { format: "xprv" })
    );
    assert_eq!(KeyFormat::Text.as_str(), "text");
}
