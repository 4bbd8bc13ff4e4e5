//! The Fluent catalogues (`i18n/<lang>/*.ftl`) are complete and consistent:
//! every file parses, both languages have the same messages, attributes
//! and variables, every message is used by the sources and every message
//! the sources name exists. The language choice of the binary (`--lang`,
//! `LIFEBOAT_LANG`, config, locale) is tested end to end here too.

mod zh_check;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use lifeboat::i18n::{catalogue_of, message_in, FluentArgs, CATALOGUES};
use lifeboat::lang::Lang;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a catalogue says about one message: its attributes and the
/// variables its value and attributes use.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
}

/// An action on one inline expression of a pattern.
type Visit<'f> = dyn FnMut(&ast::InlineExpression<&str>) + 'f;

/// Calls `f` on every inline expression in a pattern, nested ones (inside
/// selectors, variants, placeables and function arguments) included.
fn each_inline(p: &ast::Pattern<&str>, f: &mut Visit<'_>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            each_in_expression(expression, f);
        }
    }
}

fn each_in_expression(e: &ast::Expression<&str>, f: &mut Visit<'_>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            each_in_inline(selector, f);
            for v in variants {
                each_inline(&v.value, f);
            }
        }
        ast::Expression::Inline(i) => each_in_inline(i, f),
    }
}

fn each_in_inline(i: &ast::InlineExpression<&str>, f: &mut Visit<'_>) {
    f(i);
    match i {
        ast::InlineExpression::Placeable { expression } => each_in_expression(expression, f),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                each_in_inline(a, f);
            }
            for a in &arguments.named {
                each_in_inline(&a.value, f);
            }
        }
        _ => {}
    }
}

fn vars_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    each_inline(p, &mut |i| {
        if let ast::InlineExpression::VariableReference { id } = i {
            out.insert(id.name.to_owned());
        }
    });
}

/// Parses one catalogue text; panics with every syntax error.
fn shapes(file: &str, lang: Lang, text: &'static str) -> BTreeMap<String, Shape> {
    let res = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((_, errors)) => panic!("i18n/{}/{file} has syntax errors: {errors:#?}", lang.tag()),
    };
    let mut out = BTreeMap::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut shape = Shape::default();
                if let Some(v) = &m.value {
                    vars_in_pattern(v, &mut shape.variables);
                }
                for a in &m.attributes {
                    shape.attributes.insert(a.id.name.to_owned());
                    vars_in_pattern(&a.value, &mut shape.variables);
                }
                let dup = out.insert(m.id.name.to_owned(), shape);
                assert!(
                    dup.is_none(),
                    "i18n/{}/{file}: {} defined twice",
                    lang.tag(),
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => {
                panic!("i18n/{}/{file}: cannot parse {content:?}", lang.tag())
            }
            _ => {}
        }
    }
    out
}

fn all_shapes(lang: Lang) -> BTreeMap<String, Shape> {
    let mut all = BTreeMap::new();
    for c in CATALOGUES {
        for (id, s) in shapes(c.file, lang, c.text(lang)) {
            assert!(
                all.insert(id.clone(), s).is_none(),
                "{id} is defined in two catalogue files"
            );
        }
    }
    all
}

fn rust_sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).expect("read source");
            out.push((p, text));
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    rust_sources(&root().join("src"), &mut out);
    out
}

#[test]
fn every_catalogue_file_is_loaded_and_exists_in_both_languages() {
    for lang in Lang::ALL {
        let dir = root().join("i18n").join(lang.tag());
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("catalogue folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        on_disk.sort();
        let mut loaded: Vec<String> = CATALOGUES.iter().map(|c| c.file.to_owned()).collect();
        loaded.sort();
        assert_eq!(
            on_disk,
            loaded,
            "i18n/{} and lifeboat::i18n::CATALOGUES list different files",
            lang.tag()
        );
    }
}

#[test]
fn both_languages_have_the_same_messages_attributes_and_variables() {
    let en = all_shapes(Lang::En);
    let zh = all_shapes(Lang::ZhCn);
    let mut problems = Vec::new();
    for id in en.keys().filter(|k| !zh.contains_key(*k)) {
        problems.push(format!("{id}: in English, missing in zh-CN"));
    }
    for id in zh.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("{id}: in zh-CN, missing in English"));
    }
    for (id, e) in &en {
        if let Some(z) = zh.get(id) {
            if e.attributes != z.attributes {
                problems.push(format!(
                    "{id}: attributes differ (en {:?}, zh-CN {:?})",
                    e.attributes, z.attributes
                ));
            }
            if e.variables != z.variables {
                problems.push(format!(
                    "{id}: variables differ (en {:?}, zh-CN {:?})",
                    e.variables, z.variables
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every message formats in both languages without a resolver error (a
/// reference to a message or term that does not exist, say), given a value
/// for each of its variables.
#[test]
fn every_message_formats_in_both_languages() {
    let en = all_shapes(Lang::En);
    for lang in Lang::ALL {
        for (id, shape) in &en {
            let mut args = FluentArgs::new();
            for v in &shape.variables {
                args.set(v.as_str(), 2);
            }
            let text = message_in(lang, id, Some(&args));
            // message_in falls back to the id itself when formatting fails
            // in both languages.
            let has_value = !text.is_empty() && text != *id;
            assert!(
                has_value || !shape.attributes.is_empty(),
                "{id} does not format in {}",
                lang.tag()
            );
            assert!(!text.contains('\u{2068}'), "{id}: bidi isolation marks");
        }
    }
}

/// The ids the sources name in `tr!("...")`, `Msg("...")` and the other
/// ways of reading a catalogue.
fn named_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `tr!(` with the id on the same line or the next (rustfmt breaks
    // long calls); not `include_str!(` and the like.
    for opener in ["tr!(", "Msg(", "message_in(lang,", "lookup_in(lang,"] {
        let mut at = 0;
        while let Some(i) = text[at..].find(opener) {
            let start = at + i;
            at = start + opener.len();
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let t = text[at..].trim_start();
            if let Some(t) = t.strip_prefix('"') {
                if let Some(end) = t.find('"') {
                    out.push(t[..end].to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn every_message_the_sources_name_exists() {
    let en = all_shapes(Lang::En);
    let mut missing = Vec::new();
    for (path, text) in sources() {
        for id in named_ids(&text) {
            if !en.contains_key(&id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages named in the sources but in no catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_message_is_used_by_the_sources() {
    let all: String = sources().into_iter().map(|(_, t)| t).collect();
    let mut unused = Vec::new();
    for id in all_shapes(Lang::En).keys() {
        // The help texts of commands and arguments, and the headings, are
        // looked up by their place in the grammar; src/cli/help.rs tests
        // them against it.
        if id.starts_with("help-lifeboat") || id.starts_with("help-heading-") {
            continue;
        }
        // Fixed English details are found by their English text, which
        // must be a string literal in the sources.
        if id.starts_with("txt-") {
            let english = message_in(Lang::En, id, None).replace('"', "\\\"");
            if !all.contains(&format!("\"{english}\"")) {
                unused.push(format!("{id} (no literal \"{english}\" in src)"));
            }
            continue;
        }
        if !all.contains(&format!("\"{id}\"")) {
            unused.push(id.clone());
        }
    }
    assert!(
        unused.is_empty(),
        "catalogue messages no source uses (remove them, or use them):\n{}",
        unused.join("\n")
    );
}

/// The checks above do fail: a catalogue pair with a missing message, a
/// changed variable and a syntax error is caught.
#[test]
fn the_checks_catch_broken_catalogues() {
    let en = shapes(
        "t.ftl",
        Lang::En,
        "a = one { $n }\nb = two\nc = three\n    .title = T\n",
    );
    let zh = shapes("t.ftl", Lang::ZhCn, "a = 一 { $m }\nc = 三\n");
    assert!(!zh.contains_key("b"));
    assert_ne!(en["a"].variables, zh["a"].variables);
    assert_ne!(en["c"].attributes, zh["c"].attributes);
    let broken = std::panic::catch_unwind(|| shapes("t.ftl", Lang::En, "a = { $n\n"));
    assert!(broken.is_err(), "a syntax error must fail");
    assert_eq!(
        named_ids("x(tr!(\"cli-a\", n = 1)); include_str!(\"f.txt\"); Msg(\"cli-b\")"),
        ["cli-a", "cli-b"]
    );
}

fn lifeboat(home: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("lifeboat").expect("binary");
    for v in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "LIFEBOAT_LANG",
        "LIFEBOAT_VAULT",
    ] {
        c.env_remove(v);
    }
    c.env("LIFEBOAT_CONFIG", home.join("config.toml"));
    c.env("HOME", home);
    c.env("XDG_DATA_HOME", home.join("data"));
    c.env("XDG_CONFIG_HOME", home.join("config"));
    c
}

/// A fresh vault in `home` with a fast KDF: its path and its recovery key
/// file. The passphrase is `correct horse battery staple`.
fn init_vault(home: &Path) -> (PathBuf, PathBuf) {
    let vault = home.join("vault.age");
    let key = home.join("key.txt");
    let init = lifeboat(home)
        .arg("--vault")
        .arg(&vault)
        .args([
            "init",
            "--kdf-memory",
            "8",
            "--kdf-time",
            "1",
            "--kdf-parallelism",
            "1",
            "--allow-weak-kdf",
            "--allow-weak-passphrase",
            "--passphrase-fd",
            "0",
            "--recovery-key-out",
        ])
        .arg(&key)
        .write_stdin("correct horse battery staple\n")
        .output()
        .expect("init");
    assert!(init.status.success(), "{init:?}");
    (vault, key)
}

fn stdout_of(c: &mut assert_cmd::Command) -> String {
    let out = c.output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_language_comes_from_the_flag_then_env_then_config_then_locale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let zh = |s: &str| s.contains("用法");
    // Locale alone.
    assert!(zh(&stdout_of(
        lifeboat(home).env("LANG", "zh_CN.UTF-8").arg("--help")
    )));
    assert!(!zh(&stdout_of(lifeboat(home).arg("--help"))));
    // LC_ALL beats LANG.
    assert!(!zh(&stdout_of(
        lifeboat(home)
            .env("LANG", "zh_CN.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .arg("--help")
    )));
    // The config file beats the locale; `auto` passes.
    std::fs::write(home.join("config.toml"), "language = \"en\"\n").expect("config");
    assert!(!zh(&stdout_of(
        lifeboat(home).env("LANG", "zh_CN.UTF-8").arg("--help")
    )));
    std::fs::write(home.join("config.toml"), "language = \"auto\"\n").expect("config");
    assert!(zh(&stdout_of(
        lifeboat(home).env("LANG", "zh_CN.UTF-8").arg("--help")
    )));
    // The environment beats the file.
    std::fs::write(home.join("config.toml"), "language = \"en\"\n").expect("config");
    assert!(zh(&stdout_of(
        lifeboat(home).env("LIFEBOAT_LANG", "zh").arg("--help")
    )));
    // The flag beats everything, before or after the command.
    assert!(!zh(&stdout_of(
        lifeboat(home)
            .env("LIFEBOAT_LANG", "zh")
            .args(["--lang", "en", "--help"])
    )));
    assert!(zh(&stdout_of(lifeboat(home).args([
        "add",
        "--lang=zh_CN",
        "--help"
    ]))));
    // An unknown language in the environment is English, not an error.
    assert!(!zh(&stdout_of(
        lifeboat(home)
            .env("LIFEBOAT_LANG", "tlh")
            .env("LANG", "zh_CN.UTF-8")
            .arg("--help")
    )));
}

#[test]
fn an_unknown_lang_flag_is_a_usage_error_naming_the_languages() {
    let dir = tempfile::tempdir().expect("tempdir");
    for lang_env in [None, Some("zh_CN.UTF-8")] {
        let mut c = lifeboat(dir.path());
        if let Some(l) = lang_env {
            c.env("LANG", l);
        }
        let out = c.args(["--lang", "fr", "list"]).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("en, zh-CN"), "{err}");
        assert!(err.contains("fr"), "{err}");
    }
}

#[test]
fn json_and_exit_codes_do_not_depend_on_the_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |lang: &str| {
        lifeboat(dir.path())
            .args(["--lang", lang, "--json", "playbook", "list"])
            .output()
            .expect("runs")
    };
    let en = run("en");
    let zh = run("zh-CN");
    assert_eq!(en.status.code(), zh.status.code());
    let keys = |o: &std::process::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let mut k: Vec<String> = v
            .as_array()
            .expect("array")
            .iter()
            .flat_map(|p| p.as_object().expect("object").keys().cloned())
            .collect();
        k.sort();
        k.dedup();
        k
    };
    assert_eq!(keys(&en), keys(&zh));
    // A missing vault is exit 4 in both.
    for lang in ["en", "zh-CN"] {
        let out = lifeboat(dir.path())
            .args(["--lang", lang, "--vault"])
            .arg(dir.path().join("none.age"))
            .args(["--passphrase-fd", "0", "list"])
            .write_stdin("x\n")
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(4), "{lang}: {out:?}");
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// `LANG=zh_CN.UTF-8 lifeboat ARGS` in an empty home, run from `home`.
fn zh_output(home: &Path, args: &[&str]) -> std::process::Output {
    lifeboat(home)
        .env("LANG", "zh_CN.UTF-8")
        .env("COLUMNS", "80")
        .current_dir(home)
        .args(args)
        .write_stdin("a passphrase\n")
        .output()
        .expect("runs")
}

#[test]
fn chinese_help_golden() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, args) in [
        ("zh_help", &["--help"][..]),
        ("zh_add_help", &["add", "--help"][..]),
        ("zh_playbook_help", &["playbook", "--help"][..]),
    ] {
        let out = zh_output(dir.path(), args);
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        insta::assert_snapshot!(name, text);
    }
}

/// Help columns line up by display width: in `add --help` every argument's
/// description starts in the same terminal column, Chinese or not, and no
/// line is wider than the 100 columns clap wraps to off a terminal.
#[test]
fn chinese_help_columns_align_by_display_width() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = zh_output(dir.path(), &["add", "--help"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut starts = std::collections::BTreeMap::<usize, usize>::new();
    for line in text.lines() {
        assert!(
            lifeboat::textwidth::width(line) <= 100,
            "too wide ({}): {line}",
            lifeboat::textwidth::width(line)
        );
        let t = line.trim_start();
        if !(t.starts_with("--") || t.starts_with("-h")) {
            continue;
        }
        // The description starts after the run of two or more spaces that
        // ends the option's name.
        if let Some(i) = line.find(|c: char| !c.is_ascii()) {
            let head = &line[..i];
            if head.trim_end().len() + 2 <= head.len() {
                *starts.entry(lifeboat::textwidth::width(head)).or_default() += 1;
            }
        }
    }
    // One column per heading group at most; the widest groups share one.
    assert!(!starts.is_empty(), "{text}");
    assert!(starts.len() <= 4, "{starts:?}\n{text}");
}

#[test]
fn chinese_error_messages_golden() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    std::fs::write(home.join("junk.age"), b"this is not a vault\n").expect("junk");
    let mut all = String::new();
    for args in [
        &["--vault", "missing.age", "--passphrase-fd", "0", "list"][..],
        &["--vault", "junk.age", "--passphrase-fd", "0", "list"][..],
        &["--lang", "fr", "list"][..],
        &["--vault", "missing.age", "rm", "x", "--yes"][..],
        &["config", "set", "auto_lock", "3"][..],
    ] {
        let out = zh_output(home, args);
        let err = String::from_utf8(out.stderr).expect("utf-8");
        assert!(has_cjk(&err), "{args:?}: {err}");
        // The temporary folder differs from run to run.
        let err = err.replace(&home.display().to_string(), "<HOME>");
        all.push_str(&format!(
            "$ lifeboat {}\nexit {}\n{err}\n",
            args.join(" "),
            out.status.code().unwrap_or(-1)
        ));
    }
    insta::assert_snapshot!("zh_errors", all);
}

/// Every file of the malformed-import corpus is refused in Chinese too,
/// with the same exit code, and the vault stays byte for byte unchanged.
#[test]
fn the_import_corpus_is_refused_in_chinese() {
    let corpus = root().join("tests/corpus/import");
    let cases = std::fs::read_to_string(corpus.join("cases.txt")).expect("cases");
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let (vault, key) = init_vault(home);
    let before = std::fs::read(&vault).expect("vault");
    let english = zh_check::english_catalogue_sentences();
    let mut n = 0;
    for line in cases
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split(" | ").collect();
        let mut c = lifeboat(home);
        c.env("LANG", "zh_CN.UTF-8")
            .arg("--vault")
            .arg(&vault)
            .arg("--identity")
            .arg(&key)
            .arg("import")
            .arg(corpus.join(f[0]));
        if f[1] != "-" {
            c.args(f[1].split(' '));
        }
        if f[2] != "-" {
            c.args(["--import-passphrase-fd", "0"])
                .write_stdin(format!("{}\n", f[2]));
        }
        let out = c.output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(f[3].parse().expect("exit")),
            "{}: {err}",
            f[0]
        );
        let first = err.lines().next().unwrap_or_default();
        assert!(has_cjk(first), "{}: not in Chinese: {err}", f[0]);
        // Every line (the rejected entries too) is Chinese prose.
        for line in err.lines() {
            zh_check::assert_chinese(f[0], line, &english);
        }
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(std::fs::read(&vault).expect("vault"), before, "{}", f[0]);
        n += 1;
    }
    assert!(n >= 30, "{n} cases");
}

/// `show` labels its fields in Chinese, and every value starts in the same
/// terminal column (labels padded by display width).
#[test]
fn show_labels_are_chinese_and_aligned_by_display_width() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let (vault, key) = init_vault(home);
    let run = |args: &[&str], stdin: &str| {
        lifeboat(home)
            .env("LANG", "zh_CN.UTF-8")
            .arg("--vault")
            .arg(&vault)
            .arg("--identity")
            .arg(&key)
            .args(args)
            .write_stdin(stdin.to_owned())
            .output()
            .expect("runs")
    };
    let add = run(
        &["add", "note", "我的钱包", "--account", "交易所（主账户）"],
        "hello",
    );
    assert!(add.status.success(), "{add:?}");
    assert!(has_cjk(&String::from_utf8_lossy(&add.stderr)), "{add:?}");
    let out = run(&["show", "我的钱包"], "");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("名称：") && text.contains("账户："), "{text}");
    for line in text.lines() {
        if let Some((label, _)) = line.split_once('：') {
            let head_len = label.len() + '：'.len_utf8();
            let rest = &line[head_len..];
            let value_start = lifeboat::textwidth::width(&line[..head_len])
                + (rest.len() - rest.trim_start().len());
            assert_eq!(value_start, 10, "{line:?} in\n{text}");
        }
    }
}

/// Each catalogue file is parsed on its own, on first use: the lookup must
/// find every message in the file that defines it, and no message may
/// refer to another message or to a term (which could live in a file not
/// yet loaded).
#[test]
fn every_message_is_found_in_its_own_file_and_refers_to_no_other() {
    fn in_pattern(p: &ast::Pattern<&str>, where_: &str) {
        each_inline(p, &mut |i| match i {
            ast::InlineExpression::MessageReference { id, .. } => {
                panic!("{where_} refers to the message {}", id.name)
            }
            ast::InlineExpression::TermReference { id, .. } => {
                panic!("{where_} refers to the term -{}", id.name)
            }
            _ => {}
        });
    }
    let mut checked = 0;
    for lang in [Lang::En, Lang::ZhCn] {
        for c in CATALOGUES {
            let res = fluent_syntax::parser::parse(c.text(lang)).expect("parses");
            for entry in &res.body {
                match entry {
                    ast::Entry::Message(m) => {
                        let where_ = format!("i18n/{}/{}: {}", lang.tag(), c.file, m.id.name);
                        assert_eq!(
                            catalogue_of(lang, m.id.name),
                            Some(c.file),
                            "{where_} is not found in its own file"
                        );
                        if let Some(v) = &m.value {
                            in_pattern(v, &where_);
                        }
                        for a in &m.attributes {
                            in_pattern(&a.value, &where_);
                        }
                        checked += 1;
                    }
                    ast::Entry::Term(t) => {
                        panic!(
                            "i18n/{}/{} defines the term -{}",
                            lang.tag(),
                            c.file,
                            t.id.name
                        )
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} messages seen");
    // Ids that only look like messages (inside a comment or a value) are
    // not found.
    assert_eq!(catalogue_of(Lang::En, "no-such-message"), None);
}
