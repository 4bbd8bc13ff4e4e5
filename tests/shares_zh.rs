//! SLIP-39 share words are English by the standard: a Chinese interface
//! says so, and how to copy them, where `split` hands shares out; an
//! English one prints exactly what it printed before. The kit is printed
//! in the interface language.

mod common;
mod recovery_support;

use recovery_support::{stderr, stdout, TestVault};

#[test]
fn split_in_chinese_explains_that_share_words_are_english() {
    let tv = TestVault::fast();
    let zh = tv.ok("--lang zh-CN split --threshold 2 --shares 3");
    let note = stderr(&zh);
    assert!(
        note.contains("SLIP-39") && note.contains("英文单词") && note.contains("不要翻译"),
        "{note}"
    );
    // The shares themselves stay English words, one per line on stdout.
    let shares = stdout(&zh);
    assert_eq!(shares.lines().count(), 3, "{shares}");
    assert!(shares
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_whitespace()));

    let en = tv.ok("--lang en split --threshold 2 --shares 3");
    let note = stderr(&en);
    assert!(!note.contains("SLIP-39 standard"), "{note}");
    assert!(!note.contains("英文"), "{note}");
    // Into a folder, the same note.
    let zh = tv.ok("--lang zh split --threshold 2 --shares 3 --out shares");
    assert!(stderr(&zh).contains("英文单词"), "{}", stderr(&zh));
}

#[test]
fn kit_in_chinese_declares_its_language_and_speaks_it() {
    let tv = TestVault::fast();
    tv.ok("--lang zh kit --out kit.html");
    let html = std::fs::read_to_string(tv.join("kit.html")).unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"), "lang");
    assert!(html.contains("应急包"), "Chinese title");
    tv.ok("--lang en kit --out en.html");
    let html = std::fs::read_to_string(tv.join("en.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">") && !html.contains("应急包"));
}
