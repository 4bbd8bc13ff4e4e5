//! Monero seeds and Electrum's pre-2.0 ("old") seeds, against the
//! `bip_utils` Python package (an independent implementation of both
//! mnemonics) and published vectors; `add seed` recognises, stores and
//! refuses them with the documented messages, leaving the vault unchanged
//! on refusal.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;
use lifeboat::item::{monero, seed};

/// Monero's stagenet sample wallet with its published secret spend key.
const MONERO_SAMPLE: &str = "sequence atlas unveil summon pebbles tuesday beer rudely snake rockets different fuselage woven tagged bested dented vegan hover rapid fawns obvious muppet randomly seasons randomly";
const MONERO_SAMPLE_KEY: &str = "b0ef6bd527b9b23b9ceef70dc8b4cd1ee83ca14541964e764ad23f5151204f0f";
/// Electrum's test vector for an old seed and the hex seed it decodes to.
const ELECTRUM_OLD: &str =
    "powerful random nobody notice nothing important anyway look away hidden message over";
const ELECTRUM_OLD_HEX: &str = "acb740e454c3134901d7c8f16497cc1c";

/// Writes random seeds with bip_utils: per line, Monero 25 words, their
/// hex key, Monero 13 words, old Electrum 12 words, its hex, old Electrum
/// 24 words.
const ORACLE: &str = r#"
import os, sys
from bip_utils import (MoneroMnemonicEncoder, MoneroMnemonicValidator,
    ElectrumV1MnemonicEncoder, MoneroLanguages)
enc = MoneroMnemonicEncoder(MoneroLanguages.ENGLISH)
old = ElectrumV1MnemonicEncoder()
for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 60):
    k = os.urandom(32)
    m25 = enc.EncodeWithChecksum(k).ToStr()
    m13 = enc.EncodeWithChecksum(os.urandom(16)).ToStr()
    e = os.urandom(16)
    e12 = old.Encode(e).ToStr()
    # bip_utils encodes 16 bytes at a time; Electrum's encoding is per
    # 4 bytes, so 24 words are two 12-word halves.
    e24 = old.Encode(os.urandom(16)).ToStr() + " " + old.Encode(os.urandom(16)).ToStr()
    print("|".join([m25, k.hex(), m13, e12, e.hex(), e24]))
"#;

/// Asks bip_utils whether each line (a Monero phrase) is valid.
const ORACLE_VALIDATE: &str = r#"
import sys
from bip_utils import MoneroMnemonicValidator
v = MoneroMnemonicValidator()
for line in sys.stdin.read().splitlines():
    print("1" if v.IsValid(line) else "0")
"#;

fn oracle_rows() -> Option<Vec<Vec<String>>> {
    let py = common::oracle_python()?;
    let probe = common::run_python(
        &py,
        "import importlib.util;print(importlib.util.find_spec('bip_utils') is not None)",
        "",
    );
    if probe.trim() != "True" {
        common::oracle_missing("bip_utils in the oracle venv");
        return None;
    }
    let out = common::run_python(&py, ORACLE, "");
    Some(
        out.lines()
            .map(|l| l.split('|').map(str::to_owned).collect())
            .collect(),
    )
}

#[test]
fn monero_and_old_electrum_agree_with_bip_utils() {
    let Some(rows) = oracle_rows() else {
        return;
    };
    assert!(rows.len() >= 50);
    let mut mutated = Vec::new();
    for row in &rows {
        let (key, info) = monero::decode(&row[0]).unwrap_or_else(|e| panic!("{}: {e}", row[0]));
        assert_eq!(hex::encode(&*key), row[1]);
        assert_eq!(info.word_count, 25);
        assert_eq!(monero::validate(&row[2]).unwrap().word_count, 13);
        assert_eq!(seed::electrum_kind(&row[3]), Some(seed::ElectrumKind::Old));
        assert_eq!(seed::electrum_old_decode(&row[3]).unwrap().expose(), row[4]);
        assert_eq!(seed::electrum_kind(&row[5]), Some(seed::ElectrumKind::Old));
        // Change one word: bip_utils and lifeboat must agree on the result
        // (the checksum word catches most changes, not all).
        let mut words: Vec<&str> = row[0].split(' ').collect();
        let i = row[1].len() % 24;
        let list = monero::wordlist();
        let next = list[(list.iter().position(|w| *w == words[i]).unwrap() + 1) % list.len()];
        words[i] = next;
        mutated.push(words.join(" "));
        let mut words: Vec<&str> = row[0].split(' ').collect();
        words.swap(3, 4);
        mutated.push(words.join(" "));
    }
    let py = common::oracle_python().unwrap();
    let verdicts = common::run_python(&py, ORACLE_VALIDATE, &mutated.join("\n"));
    let verdicts: Vec<&str> = verdicts.lines().collect();
    assert_eq!(verdicts.len(), mutated.len());
    let mut refused = 0;
    for (phrase, verdict) in mutated.iter().zip(verdicts) {
        let ours = monero::validate(phrase).is_ok();
        assert_eq!(ours, verdict == "1", "{phrase}");
        refused += usize::from(!ours);
    }
    assert!(
        refused > mutated.len() / 2,
        "the checksum word caught too few changes"
    );
}

#[test]
fn published_vectors() {
    assert_eq!(
        hex::encode(&*monero::decode(MONERO_SAMPLE).unwrap().0),
        MONERO_SAMPLE_KEY
    );
    assert_eq!(
        seed::electrum_old_decode(ELECTRUM_OLD).unwrap().expose(),
        ELECTRUM_OLD_HEX
    );
}

#[test]
fn add_seed_recognises_monero_and_old_electrum() {
    let env = Env::new();
    // Without --scheme: recognised, stored with its scheme, and said so.
    let out = env.run_in(&["add", "seed", "xmr"], MONERO_SAMPLE).ok();
    assert!(out.stderr.contains("Monero seed"), "{}", out.stderr);
    let shown = env.reveal("xmr");
    assert_eq!(shown["secret"]["scheme"], "monero");
    assert_eq!(shown["secret"]["words"], MONERO_SAMPLE);
    // With --scheme monero, 3-letter prefixes are stored as full words.
    let short: Vec<&str> = MONERO_SAMPLE.split(' ').map(|w| &w[..3]).collect();
    env.run_in(
        &["add", "seed", "xmr short", "--scheme", "monero"],
        &short.join(" ").to_uppercase(),
    )
    .ok();
    assert_eq!(env.reveal("xmr short")["secret"]["words"], MONERO_SAMPLE);

    let out = env.run_in(&["add", "seed", "old"], ELECTRUM_OLD).ok();
    assert!(out.stderr.contains("Electrum seed (old)"), "{}", out.stderr);
    assert!(out.stderr.contains("no checksum"), "{}", out.stderr);
    assert_eq!(env.reveal("old")["secret"]["scheme"], "electrum");
    env.run_in(
        &["add", "seed", "old 2", "--scheme", "electrum"],
        ELECTRUM_OLD,
    )
    .ok();
    assert_eq!(env.reveal("old 2")["secret"]["words"], ELECTRUM_OLD);
}

#[test]
fn bad_monero_and_electrum_seeds_are_refused_and_change_nothing() {
    let env = Env::new();
    env.run_in(&["add", "note", "n"], "x").ok();
    let before = env.vault_bytes();
    let words: Vec<&str> = MONERO_SAMPLE.split(' ').collect();
    let mut wrong_checksum = words.clone();
    wrong_checksum[24] = "sequence";
    let cases: Vec<(Vec<&str>, String, &str)> = vec![
        (
            vec!["--scheme", "monero"],
            wrong_checksum.join(" "),
            "checksum (word 25)",
        ),
        (vec!["--scheme", "monero"], words[..24].join(" "), "has 24"),
        (
            vec!["--scheme", "monero"],
            MONERO_SAMPLE.replacen("atlas", "xtlas", 1),
            "word 2 \"xtlas\"",
        ),
        (
            vec!["--scheme", "monero"],
            ELECTRUM_OLD.to_owned(),
            "25 words",
        ),
        (
            vec!["--scheme", "bip39"],
            MONERO_SAMPLE.to_owned(),
            "--scheme monero",
        ),
        (
            vec!["--scheme", "electrum"],
            MONERO_SAMPLE.to_owned(),
            "not an Electrum seed",
        ),
        (
            vec!["--scheme", "electrum"],
            ELECTRUM_OLD.replacen("powerful", "abandon", 1),
            "not an Electrum seed",
        ),
        // Without a scheme, a Monero seed with a bad checksum is not
        // recognised: the BIP39 message names the problem.
        (vec![], wrong_checksum.join(" "), "BIP39"),
    ];
    for (flags, input, expect) in cases {
        let mut args = vec!["add", "seed", "s"];
        args.extend(flags.iter().copied());
        let out = env.run_in(&args, &input).code(1);
        assert!(out.stderr.contains(expect), "{flags:?}: {}", out.stderr);
        assert!(out.stderr.contains("Nothing was stored"), "{}", out.stderr);
        // Never a valid word of the seed in the message (only unknown ones).
        assert!(!out.stderr.contains("sequence"), "{}", out.stderr);
    }
    assert_eq!(env.vault_bytes(), before);
}
