//! Checks that a message printed for a Chinese user is Chinese: it holds
//! Chinese characters, no English sentence (three or more English words in
//! a row outside code, quotes, paths and flags), and none of the English
//! catalogue's sentences. Also the environment of a "Chinese user": only
//! `LANG=zh_CN.UTF-8`, nothing that would pick the language otherwise.
#![allow(dead_code)]

use lifeboat::i18n::{message_in, FluentArgs, CATALOGUES};
use lifeboat::lang::Lang;

/// True when `s` holds a CJK ideograph.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Sets the locale of a Chinese user on `c`: `LANG=zh_CN.UTF-8`, and none
/// of the variables that would override it; the config file is `config`
/// (which need not exist).
pub fn chinese_user(c: &mut std::process::Command, config: &std::path::Path) {
    for v in ["LC_ALL", "LC_MESSAGES", "LIFEBOAT_LANG"] {
        c.env_remove(v);
    }
    c.env("LANG", "zh_CN.UTF-8").env("LIFEBOAT_CONFIG", config);
}

/// `text` without what may rightly stay English in a Chinese message:
/// code spans, quoted values (ASCII and Chinese quotes), `<...>`
/// placeholders.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '"' => closing = Some('"'),
                '“' => closing = Some('”'),
                '‘' => closing = Some('’'),
                '<' => closing = Some('>'),
                '[' => closing = Some(']'),
                _ => out.push(c),
            },
        }
        if closing.is_some() {
            // A quote never hides the rest of a line.
            if c == '\n' {
                closing = None;
                out.push('\n');
            }
        }
    }
    out
}

/// The runs of three or more English words in a row in `text`, outside
/// code, quotes, paths, flags and `lifeboat ...` command lines.
pub fn english_runs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in prose(text).lines() {
        let mut run: Vec<&str> = Vec::new();
        let mut in_command = false;
        let flush = |run: &mut Vec<&str>, found: &mut Vec<String>| {
            if run.len() >= 3 {
                found.push(run.join(" "));
            }
            run.clear();
        };
        // Words are split at spaces; any other non-ASCII character (a
        // Chinese character or punctuation) ends a run as well.
        let spaced: String = line
            .chars()
            .map(|c| if c.is_ascii() { c } else { '\u{0}' })
            .collect();
        for chunk in spaced.split('\u{0}') {
            flush(&mut run, &mut found);
            for token in chunk.split_whitespace() {
                let word = token.trim_end_matches([',', '.', ';', ':', '?', '!', ')']);
                let word = word.trim_start_matches('(');
                let is_word = !word.is_empty()
                    && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                    && word.len() > 1;
                if word == "lifeboat" {
                    in_command = true;
                }
                if is_word && !in_command {
                    run.push(word);
                } else {
                    flush(&mut run, &mut found);
                }
                if token.ends_with([',', '.', ';', ':', '?', '!', ')']) {
                    flush(&mut run, &mut found);
                    in_command = false;
                }
            }
        }
        flush(&mut run, &mut found);
    }
    found
}

/// Every English catalogue sentence of four words or more, with the
/// variables cut out (what a Chinese message must never contain).
pub fn english_catalogue_sentences() -> Vec<String> {
    let mut out = Vec::new();
    for c in CATALOGUES {
        for line in c.en.lines() {
            let Some((id, _)) = line.split_once(" =") else {
                continue;
            };
            if id.starts_with(' ') || id.starts_with('#') || id.is_empty() {
                continue;
            }
            // Every variable a message may use gets a marker value.
            let mut args = FluentArgs::new();
            for v in [
                "value",
                "path",
                "error",
                "reason",
                "name",
                "n",
                "count",
                "why",
                "step",
                "id",
                "kind",
                "arg",
                "file",
                "what",
                "detail",
                "details",
                "words",
                "hint",
                "prefix",
                "position",
                "word",
                "source",
                "op",
                "folder",
                "fix",
                "recipient",
                "version",
                "prev",
                "line",
                "column",
                "keys",
                "listed",
                "extra",
                "at",
                "usage",
                "flag",
                "where",
                "key",
                "found",
                "example",
                "size",
                "max",
                "message",
                "supported",
                "target",
                "warning",
                "owner",
                "list",
            ] {
                args.set(v, "\u{1}");
            }
            let text = message_in(Lang::En, id, Some(&args));
            for piece in prose(&text).split(['\u{1}', '\n']) {
                let piece = piece.trim();
                if piece.split(' ').filter(|w| !w.is_empty()).count() >= 4 {
                    out.push(piece.to_owned());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Fails unless `text` is a Chinese message (see the module docs).
#[track_caller]
pub fn assert_chinese(what: &str, text: &str, english: &[String]) {
    assert!(has_cjk(text), "{what}: no Chinese in {text:?}");
    let runs = english_runs(text);
    assert!(
        runs.is_empty(),
        "{what}: English words {runs:?} in {text:?}"
    );
    for sentence in english {
        assert!(
            !text.contains(sentence.as_str()),
            "{what}: English catalogue text {sentence:?} in {text:?}"
        );
    }
}

#[test]
fn the_checks_catch_english() {
    assert_eq!(
        english_runs("lifeboat: the vault file is damaged"),
        ["the vault file is damaged"]
    );
    assert!(english_runs("保险库已损坏：`lifeboat restore BACKUP_FILE`").is_empty());
    assert!(english_runs("请用 lifeboat playbook check account-locked 勾选").is_empty());
    assert!(english_runs("“--scheme <SCHEME>”的值“foo”无效").is_empty());
    assert!(!english_runs("无法读取：No such file or directory (os error 2)").is_empty());
    let english = english_catalogue_sentences();
    assert!(english.len() > 100, "{}", english.len());
    assert!(
        english.iter().any(|s| s.contains("choose another name")),
        "{english:?}"
    );
}
