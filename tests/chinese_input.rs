//! Chinese BIP39 phrases typed the way people write Chinese: without spaces
//! (every word of the two Chinese lists is one character), with ideographic
//! spaces, or with full-width commas; checked against the reference
//! implementation (python `mnemonic`), then end to end through `add seed`.

mod cli_items_harness;
mod common;

use cli_items_harness::Env;
use lifeboat::item::seed::{normalize_words, validate_bip39};

/// Entropies for 12- and 24-word phrases (fixed, so failures reproduce).
const ENTROPIES: [&str; 4] = [
    "00000000000000000000000000000000",
    "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
    "9e885d952ad362caeb4efe34a8e91bd2",
    "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
];

/// (list, phrase as the oracle writes it, lists whose check() accepts it).
type Rows = Vec<(String, String, Vec<String>)>;

/// The oracle's phrases, and a Han character that is in neither list.
fn oracle_phrases() -> Option<(Rows, String)> {
    let py = common::oracle_python()?;
    let code = r#"
import sys, json
from mnemonic import Mnemonic
out = []
for lang in ("chinese_simplified", "chinese_traditional"):
    m = Mnemonic(lang)
    for e in ENT:
        p = m.to_mnemonic(bytes.fromhex(e))
        ok = [l for l in ("chinese_simplified", "chinese_traditional") if Mnemonic(l).check(p)]
        out.append([lang, p, ok])
words = set(Mnemonic("chinese_simplified").wordlist) | set(Mnemonic("chinese_traditional").wordlist)
outsider = next(chr(c) for c in range(0x4E00, 0x9FFF) if chr(c) not in words)
print(json.dumps({"rows": out, "outsider": outsider}, ensure_ascii=False))
"#
    .replace("ENT", &format!("{:?}", ENTROPIES));
    let out = common::run_python(&py, &code, "");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let rows: Rows = serde_json::from_value(v["rows"].clone()).unwrap();
    assert_eq!(rows.len(), 2 * ENTROPIES.len());
    Some((rows, v["outsider"].as_str().unwrap().to_owned()))
}

/// The ways a Chinese user writes the same phrase down.
fn written_forms(phrase: &str) -> Vec<String> {
    let chars: Vec<&str> = phrase.split(' ').collect();
    vec![
        phrase.to_owned(),
        chars.concat(),
        chars.join("\u{3000}"),
        chars.join("，"),
        chars.join("、"),
        format!("  {}\n", chars.join(" ")),
        // Groups of four, as a plate or card often prints them.
        chars
            .chunks(4)
            .map(|c| c.concat())
            .collect::<Vec<_>>()
            .join(" "),
    ]
}

#[test]
fn chinese_phrases_are_accepted_with_and_without_spaces() {
    let Some((rows, _)) = oracle_phrases() else {
        return;
    };
    for (lang, phrase, ok) in rows {
        assert_eq!(phrase.split(' ').count() % 3, 0, "{lang}: {phrase}");
        for form in written_forms(&phrase) {
            assert_eq!(
                normalize_words(&form).expose(),
                phrase,
                "{lang}: {form:?} is not stored in canonical form"
            );
            let info = validate_bip39(&form, None)
                .unwrap_or_else(|e| panic!("{lang}: {form:?} refused: {e}"));
            assert_eq!(info.word_count, phrase.split(' ').count());
            // Many characters are in both lists; where the oracle accepts
            // the phrase in one list only, the detected list must be it.
            if ok.len() == 1 {
                assert_eq!(info.language, lang, "{form:?}");
            } else {
                assert!(ok.iter().any(|l| l == info.language), "{form:?}");
            }
            // Naming the list explicitly works too.
            validate_bip39(&form, Some(&lang)).unwrap();
        }
    }
}

#[test]
fn a_wrong_character_is_still_found_without_spaces() {
    let Some((rows, outsider)) = oracle_phrases() else {
        return;
    };
    let (_, phrase, _) = &rows[0];
    let mut chars: Vec<String> = phrase.split(' ').map(str::to_owned).collect();
    chars[4] = outsider;
    let err = validate_bip39(&chars.concat(), None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("word 5"), "{err}");
}

#[test]
fn kana_and_hangul_words_are_not_split() {
    // Japanese and Korean words have several characters: only Han runs are
    // cut into single characters.
    // (NFKD changes how they are encoded, so count the words.)
    for typed in ["あいこくしん\u{3000}あいさつ", "가격 가끔"] {
        let n = normalize_words(typed);
        assert_eq!(n.expose().split(' ').count(), 2, "{typed}");
    }
}

#[test]
fn add_seed_stores_a_chinese_phrase_typed_without_spaces() {
    let Some((rows, _)) = oracle_phrases() else {
        return;
    };
    let env = Env::new();
    let (_, phrase, _) = &rows[2];
    let typed: String = phrase.split(' ').collect();
    env.run_in(&["add", "seed", "我的钱包"], &typed).ok();
    let out = env.run(&["--json", "show", "我的钱包", "--reveal"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["secret"]["words"], phrase.as_str());
    assert_eq!(v["kind"], "seed");
}

#[test]
fn list_columns_align_by_display_width() {
    let env = Env::new();
    for (name, account) in [
        ("我的钱包", "币安"),
        (
            "交易所（主账户）紧急备用恢复码一二三四五六七八九十",
            "交易所（主账户）紧急备用",
        ),
        ("Main wallet", "ledger"),
    ] {
        env.run_in(
            &[
                "add",
                "note",
                name,
                "--account",
                account,
                "--tag",
                "备用，crypto",
            ],
            "text",
        )
        .ok();
    }
    let out = env.run(&["list"]).ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    // Every line puts KIND and TAGS at the same terminal column.
    let col = |line: &str, needle: &str| {
        let at = line
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {line:?}"));
        lifeboat::textwidth::width(&line[..at])
    };
    let kind = col(lines[0], "KIND");
    let tags = col(lines[0], "TAGS");
    for l in &lines[1..] {
        assert_eq!(col(l, "note"), kind, "{l:?}");
        assert_eq!(col(l, "备用, crypto"), tags, "{l:?}");
        assert!(
            lifeboat::textwidth::width(l) <= 80,
            "{l:?} is wider than 80 cells"
        );
    }
    // The long name is cut with a mark, never mid-character; --json keeps it whole.
    assert!(out.stdout.contains('…'), "{}", out.stdout);
    let json = env.run(&["--json", "list"]).ok();
    assert!(json
        .stdout
        .contains("交易所（主账户）紧急备用恢复码一二三四五六七八九十"));
}
