//! Private-key format recognition (hex, WIF, extended keys).
//!
//! This module owns deciding what kind of private key a pasted text is, so
//! the vault can label it and catch copy mistakes early: a 64-digit hex key,
//! a Wallet Import Format key (Base58Check, any coin's version byte), or a
//! BIP32 extended private key (`xprv`, `tprv`, SLIP-132 `yprv`/`zprv`...),
//! or a BIP38 passphrase-encrypted key (`6P...`).
//! Text that looks like one of these but is damaged is refused (including
//! the invalid extended keys of BIP32's test vector 5). Public material is
//! refused with an explanation: an extended public key, a hex public key, a
//! Bitcoin address (Base58Check or bech32/bech32m) or an Ethereum address
//! cannot restore anything. Anything else is free text.

/// What a key text was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    /// 32 bytes as 64 hex digits (optionally `0x`-prefixed).
    Hex,
    /// Wallet Import Format (Base58Check, compressed or not).
    Wif,
    /// BIP32 extended private key (`xprv`, `tprv`, `yprv`, `zprv`, ...).
    Extended,
    /// BIP38 passphrase-encrypted private key (`6P...`): useless without
    /// its passphrase.
    Bip38,
    /// Anything else, stored as given.
    Text,
}

impl KeyFormat {
    /// The stable name stored in items: `hex`, `wif`, `xprv` or `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyFormat::Hex => "hex",
            KeyFormat::Wif => "wif",
            KeyFormat::Extended => "xprv",
            KeyFormat::Bip38 => "bip38",
            KeyFormat::Text => "text",
        }
    }
}

/// Why a key text was refused. Messages never quote the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Hex of almost, but not exactly, 64 digits.
    #[error("{}", crate::tr!("err-keys-key-error-hex-length", digits = digits.to_string()))]
    HexLength {
        /// How many hex digits there are.
        digits: usize,
    },
    /// The Base58Check checksum does not match.
    #[error("{}", crate::tr!("err-keys-key-error-bad-checksum", format = format.to_string()))]
    BadChecksum {
        /// `"WIF"` or the extended-key prefix (`"xprv"`...).
        format: &'static str,
    },
    /// The decoded key has the wrong length or version.
    #[error("{}", crate::tr!("err-keys-key-error-malformed", format = format.to_string()))]
    Malformed {
        /// `"WIF"` or the extended-key prefix.
        format: &'static str,
    },
    /// An extended private key of depth 0 (a master key) that names a
    /// parent or a child index: BIP32 forbids it, so the key is corrupt.
    #[error("{}", crate::tr!("err-keys-key-error-master-with-parent", prefix = prefix.to_string(), what = what.to_string()))]
    MasterWithParent {
        /// The extended-key prefix.
        prefix: &'static str,
        /// `"parent fingerprint"` or `"child index"`.
        what: &'static str,
    },
    /// A cryptocurrency address was given.
    #[error("{}", crate::tr!("err-keys-key-error-address", value = _0.to_string()))]
    Address(&'static str),
    /// A hex public key was given.
    #[error("{}", crate::tr!("err-keys-key-error-public-key-hex", value = _0.to_string()))]
    PublicKeyHex(&'static str),
    /// An extended public key was given.
    #[error("{}", crate::tr!("err-keys-key-error-public-key", prefix = prefix.to_string(), private = private.to_string()))]
    PublicKey {
        /// The public prefix given (`"xpub"`...).
        prefix: &'static str,
        /// The matching private prefix (`"xprv"`...).
        private: &'static str,
    },
}

/// BIP32 and SLIP-132 extended-key prefixes with their version bytes:
/// (private prefix, private version, public prefix, public version).
const EXTENDED: [(&str, u32, &str, u32); 10] = [
    ("xprv", 0x0488_ADE4, "xpub", 0x0488_B21E),
    ("tprv", 0x0435_8394, "tpub", 0x0435_87CF),
    ("yprv", 0x049D_7878, "ypub", 0x049D_7CB2),
    ("zprv", 0x04B2_430C, "zpub", 0x04B2_4746),
    ("Yprv", 0x0295_B005, "Ypub", 0x0295_B43F),
    ("Zprv", 0x02AA_7A99, "Zpub", 0x02AA_7ED3),
    ("uprv", 0x044A_4E28, "upub", 0x044A_5262),
    ("vprv", 0x045F_18BC, "vpub", 0x045F_1CF6),
    ("Uprv", 0x0242_85B5, "Upub", 0x0242_89EF),
    ("Vprv", 0x0257_5048, "Vpub", 0x0257_5483),
];

/// The version bytes of each extended-key prefix, for tests and callers
/// that build keys: `(private prefix, version, public prefix, version)`.
pub fn extended_versions() -> &'static [(&'static str, u32, &'static str, u32)] {
    &EXTENDED
}

fn is_base58(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'O' | b'I' | b'l'))
}

/// Recognises a pasted private key.
///
/// `Err` only for text that clearly means to be a hex, WIF or extended
/// private key but is damaged (wrong length, bad checksum, bad version), and
/// for extended public keys; everything else is [`KeyFormat::Text`].
pub fn recognise(key: &str) -> Result<KeyFormat, KeyError> {
    let key = key.trim();
    let hex = key
        .strip_prefix("0x")
        .or_else(|| key.strip_prefix("0X"))
        .unwrap_or(key);
    if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        let prefixed = hex.len() != key.len();
        return match hex.len() {
            64 => Ok(KeyFormat::Hex),
            66 if hex.starts_with("02") || hex.starts_with("03") => {
                Err(KeyError::PublicKeyHex("compressed secp256k1"))
            }
            130 if hex.starts_with("04") => Err(KeyError::PublicKeyHex("uncompressed secp256k1")),
            40 if prefixed => Err(KeyError::Address("Ethereum")),
            // One digit lost or gained is a copying slip, not another format.
            63 | 65 => Err(KeyError::HexLength { digits: hex.len() }),
            _ => Ok(KeyFormat::Text),
        };
    }
    if let Some(kind) = segwit_address(key) {
        return Err(KeyError::Address(kind));
    }
    if !is_base58(key) {
        return Ok(KeyFormat::Text);
    }
    if key.starts_with("6P") && key.len() == 58 {
        return check_bip38(key);
    }
    if let Some(kind) = base58_address(key) {
        return Err(KeyError::Address(kind));
    }
    if key.len() >= 4 {
        let prefix = &key[..4];
        if let Some(&(_, _, public, _)) = EXTENDED.iter().find(|e| e.2 == prefix) {
            let private = EXTENDED
                .iter()
                .find(|e| e.2 == public)
                .map_or("xprv", |e| e.0);
            return Err(KeyError::PublicKey {
                prefix: public,
                private,
            });
        }
        if let Some(&(private, version, _, _)) = EXTENDED.iter().find(|e| e.0 == prefix) {
            if !(100..=120).contains(&key.len()) {
                return Err(KeyError::Malformed { format: private });
            }
            return check_extended(key, private, version);
        }
    }
    check_wif(key)
}

fn check_extended(key: &str, prefix: &'static str, version: u32) -> Result<KeyFormat, KeyError> {
    let data = zeroize::Zeroizing::new(bs58::decode(key).with_check(None).into_vec().map_err(
        |e| match e {
            bs58::decode::Error::InvalidChecksum { .. } => KeyError::BadChecksum { format: prefix },
            _ => KeyError::Malformed { format: prefix },
        },
    )?);
    // version(4) depth(1) fingerprint(4) child(4) chain code(32) 0x00 key(32)
    if data.len() != 78
        || data[..4] != version.to_be_bytes()
        || data[45] != 0
        || !valid_scalar(&data[46..])
    {
        return Err(KeyError::Malformed { format: prefix });
    }
    if data[4] == 0 {
        if data[5..9] != [0; 4] {
            return Err(KeyError::MasterWithParent {
                prefix,
                what: "parent fingerprint",
            });
        }
        if data[9..13] != [0; 4] {
            return Err(KeyError::MasterWithParent {
                prefix,
                what: "child index",
            });
        }
    }
    Ok(KeyFormat::Extended)
}

/// BIP38: Base58Check of 39 bytes, `01 42` (plain) or `01 43` (EC
/// multiplied) first.
fn check_bip38(key: &str) -> Result<KeyFormat, KeyError> {
    let data = zeroize::Zeroizing::new(bs58::decode(key).with_check(None).into_vec().map_err(
        |e| match e {
            bs58::decode::Error::InvalidChecksum { .. } => {
                KeyError::BadChecksum { format: "BIP38" }
            }
            _ => KeyError::Malformed { format: "BIP38" },
        },
    )?);
    if data.len() == 39 && data[0] == 0x01 && matches!(data[1], 0x42 | 0x43) {
        Ok(KeyFormat::Bip38)
    } else {
        Err(KeyError::Malformed { format: "BIP38" })
    }
}

/// A Base58Check string of 21 bytes is a hash-based address (a version
/// byte and a 20-byte hash): Bitcoin's P2PKH (`1...`, `m/n...`), P2SH
/// (`3...`, `2...`) and the same shapes in other coins.
fn base58_address(key: &str) -> Option<&'static str> {
    if !(25..=35).contains(&key.len()) {
        return None;
    }
    let data = bs58::decode(key).with_check(None).into_vec().ok()?;
    if data.len() != 21 {
        return None;
    }
    Some(match data[0] {
        0x00 | 0x05 => "Bitcoin",
        0x6f | 0xc4 => "Bitcoin testnet",
        _ => "cryptocurrency",
    })
}

/// A valid bech32/bech32m segwit address (`bc1...`, `tb1...`, `ltc1...`).
fn segwit_address(key: &str) -> Option<&'static str> {
    if !(14..=90).contains(&key.len()) || !key.contains('1') {
        return None;
    }
    let (hrp, _, _) = bech32::segwit::decode(key).ok()?;
    Some(match hrp.to_lowercase().as_str() {
        "bc" => "Bitcoin",
        "tb" | "bcrt" => "Bitcoin testnet",
        _ => "cryptocurrency",
    })
}

fn check_wif(key: &str) -> Result<KeyFormat, KeyError> {
    // 51 characters (uncompressed) or 52 (compressed) for a 32-byte key.
    if !(50..=53).contains(&key.len()) {
        return Ok(KeyFormat::Text);
    }
    // Bitcoin mainnet (5, K, L) and testnet (9, c) first characters: text
    // like this that fails to decode is a damaged WIF, not a passphrase.
    let bitcoin_like = matches!(key.as_bytes()[0], b'5' | b'K' | b'L' | b'9' | b'c')
        && (51..=52).contains(&key.len());
    let data = match bs58::decode(key).with_check(None).into_vec() {
        Ok(d) => zeroize::Zeroizing::new(d),
        Err(bs58::decode::Error::InvalidChecksum { .. }) if bitcoin_like => {
            return Err(KeyError::BadChecksum { format: "WIF" })
        }
        Err(_) if bitcoin_like => return Err(KeyError::Malformed { format: "WIF" }),
        Err(_) => return Ok(KeyFormat::Text),
    };
    let shape_ok = match data.len() {
        33 => true,
        34 => data[33] == 0x01,
        _ => false,
    };
    if shape_ok && valid_scalar(&data[1..33]) {
        return Ok(KeyFormat::Wif);
    }
    if bitcoin_like || shape_ok {
        return Err(KeyError::Malformed { format: "WIF" });
    }
    Ok(KeyFormat::Text)
}

/// A secp256k1 private key is 1..n-1; all-zero or >= n cannot be a key.
fn valid_scalar(k: &[u8]) -> bool {
    const N: [u8; 32] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFE, 0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36,
        0x41, 0x41,
    ];
    k.len() == 32 && k.iter().any(|b| *b != 0) && k < &N[..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_shape() {
        let hex = "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35";
        assert_eq!(recognise(hex), Ok(KeyFormat::Hex));
        assert_eq!(recognise(&format!("0x{hex}")), Ok(KeyFormat::Hex));
        assert_eq!(
            recognise(&hex[1..]),
            Err(KeyError::HexLength { digits: 63 })
        );
        assert_eq!(recognise("deadbeef"), Ok(KeyFormat::Text));
        assert_eq!(
            recognise("correct horse battery staple"),
            Ok(KeyFormat::Text)
        );
        assert_eq!(recognise(""), Ok(KeyFormat::Text));
        // The Bitcoin wiki's WIF example.
        assert_eq!(
            recognise("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"),
            Ok(KeyFormat::Wif)
        );
        assert_eq!(
            recognise("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTj"),
            Err(KeyError::BadChecksum { format: "WIF" })
        );
    }

    #[test]
    fn public_key_message_says_what_to_do() {
        let msg = recognise("xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("public key"), "{msg}");
        assert!(msg.contains("xprv"), "{msg}");
    }
}
