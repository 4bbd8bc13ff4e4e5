//! The 45 official SLIP-39 test vectors (trezor/python-shamir-mnemonic
//! `vectors.json`, kept in tests/vectors): every valid set must
//! combine to the published master secret with passphrase "TREZOR", and every
//! invalid set (empty secret) must be refused.

mod common;

use lifeboat::item::slip39;

#[test]
fn official_vectors() {
    let dir = common::vectors();
    let text = std::fs::read_to_string(dir.join("slip39-vectors.json")).expect("read vectors");
    let vectors: Vec<serde_json::Value> = serde_json::from_str(&text).expect("parse vectors");
    assert_eq!(vectors.len(), 45, "the official set has 45 vectors");

    let (mut valid, mut invalid) = (0, 0);
    for v in &vectors {
        let description = v[0].as_str().expect("description");
        let mnemonics: Vec<&str> = v[1]
            .as_array()
            .expect("mnemonics")
            .iter()
            .map(|m| m.as_str().expect("mnemonic"))
            .collect();
        let secret_hex = v[2].as_str().expect("secret");
        let result = slip39::combine(&mnemonics, b"TREZOR");
        if secret_hex.is_empty() {
            invalid += 1;
            let err = result
                .err()
                .unwrap_or_else(|| panic!("{description}: combined"));
            // Messages are for people: non-empty and free of the share words.
            let message = err.to_string();
            assert!(!message.is_empty(), "{description}");
            for m in &mnemonics {
                let value_words: Vec<&str> = m.split(' ').skip(4).collect();
                assert!(
                    !message.contains(&value_words.join(" ")),
                    "{description}: message leaks words: {message}"
                );
            }
        } else {
            valid += 1;
            let secret = result.unwrap_or_else(|e| panic!("{description}: {e}"));
            assert_eq!(hex::encode(secret.expose()), secret_hex, "{description}");
            // Every share decodes and re-encodes to the same words.
            for m in &mnemonics {
                let share = slip39::decode_mnemonic(m).expect("decode");
                assert_eq!(
                    slip39::encode_mnemonic(&share).expose(),
                    *m,
                    "{description}"
                );
            }
        }
    }
    assert_eq!((valid, invalid), (15, 30));
}

/// The invalid vectors fail for the documented reason, not by accident.
#[test]
fn invalid_vectors_fail_for_the_right_reason() {
    use slip39::Slip39Error as E;
    let dir = common::vectors();
    let text = std::fs::read_to_string(dir.join("slip39-vectors.json")).expect("read vectors");
    let vectors: Vec<serde_json::Value> = serde_json::from_str(&text).expect("parse vectors");
    for v in &vectors {
        let description = v[0].as_str().expect("description");
        if !v[2].as_str().expect("secret").is_empty() {
            continue;
        }
        let mnemonics: Vec<&str> = v[1]
            .as_array()
            .expect("mnemonics")
            .iter()
            .map(|m| m.as_str().expect("mnemonic"))
            .collect();
        let err = slip39::combine(&mnemonics, b"TREZOR").expect_err(description);
        let expected = match &err {
            E::ChecksumFailed { .. } => "invalid checksum",
            E::InvalidPadding { .. } => "invalid padding",
            E::DifferentSets {
                field: "identifier",
                ..
            } => "different identifiers",
            E::DifferentSets {
                field: "iteration exponent",
                ..
            } => "different iteration exponents",
            E::GroupParametersMismatch {
                share_threshold,
                first_threshold,
                ..
            } if share_threshold != first_threshold => "mismatching group thresholds",
            E::GroupParametersMismatch { .. } => "mismatching group counts",
            E::InvalidGroupParameters { .. } => "greater group threshold than group counts",
            E::DuplicateMemberIndex { .. } => "duplicate member indices",
            E::MemberThresholdMismatch { .. } => "mismatching member thresholds",
            E::DigestMismatch { .. } => "invalid digest",
            E::NotEnoughGroups { .. } => "insufficient number of groups",
            E::NotEnoughShares { .. } => {
                if description.contains("Basic sharing") {
                    "basic sharing"
                } else {
                    "insufficient number of members"
                }
            }
            E::WrongWordCount { .. } => {
                if description.contains("insufficient length") {
                    "insufficient length"
                } else {
                    "invalid master secret length"
                }
            }
            other => panic!("{description}: unexpected error {other:?}"),
        };
        assert!(
            description.to_lowercase().contains(expected),
            "{description}: failed with {err:?} ({err})"
        );
    }
}
