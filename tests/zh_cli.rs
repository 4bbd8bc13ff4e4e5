//! The command line for a Chinese user (`LANG=zh_CN.UTF-8`, nothing else
//! set): golden outputs of `list`, `playbook list` at 80 columns, clap's
//! usage errors and the did-you-mean messages; every error is Chinese with
//! no English sentence, and has the exit code an English user gets. English
//! users see clap's own words, unchanged.

mod zh_check;

use std::path::Path;
use std::process::Output;

use lifeboat::textwidth::width;

const PASSPHRASE: &str = "correct horse battery staple";

fn lifeboat(home: &Path, zh: bool) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("lifeboat").expect("binary");
    for v in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "LIFEBOAT_LANG",
        "LIFEBOAT_VAULT",
        "COLUMNS",
    ] {
        c.env_remove(v);
    }
    if zh {
        c.env("LANG", "zh_CN.UTF-8");
    }
    c.env("LIFEBOAT_CONFIG", home.join("config.toml"))
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .current_dir(home);
    c
}

/// A vault in `home` with a few items (Chinese names among them), opened
/// by the recovery key from then on.
fn vault(home: &Path) {
    let out = lifeboat(home, false)
        .args(["--vault", "vault.age", "init", "--kdf-memory", "8"])
        .args([
            "--kdf-time",
            "1",
            "--kdf-parallelism",
            "1",
            "--allow-weak-kdf",
        ])
        .args(["--allow-weak-passphrase", "--passphrase-fd", "0"])
        .args(["--recovery-key-out", "key.txt"])
        .write_stdin(format!("{PASSPHRASE}\n"))
        .output()
        .expect("init");
    assert!(out.status.success(), "{out:?}");
    for (args, secret) in [
        (
            &["add", "note", "我的钱包", "--account", "imToken"][..],
            "x",
        ),
        (
            &[
                "add",
                "password",
                "交易所（主账户）紧急备用",
                "--account",
                "币安",
            ][..],
            "hunter2",
        ),
        (
            &["add", "totp", "GitHub 2FA", "--tag", "work"][..],
            "JBSWY3DPEHPK3PXP",
        ),
    ] {
        let out = run(home, false, args, secret);
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
}

fn run(home: &Path, zh: bool, args: &[&str], stdin: &str) -> Output {
    lifeboat(home, zh)
        .args(["--vault", "vault.age", "--identity", "key.txt"])
        .args(args)
        .write_stdin(stdin.to_owned())
        .output()
        .expect("runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).expect("utf-8")
}

/// The errors of the golden file: (arguments, stdin). Each fails in both
/// languages with the same exit code.
const ERRORS: &[(&[&str], &str)] = &[
    (&["--bogus", "list"], ""),
    (&["lisst"], ""),
    (&["list", "--jsn"], ""),
    (&["add"], ""),
    (&["add", "seed", "x", "--scheme", "foo"], ""),
    (&["add", "seed", "x", "--scheme"], ""),
    (&["show", "a", "b"], ""),
    (&["split", "--threshold", "20", "--shares", "3"], ""),
    (&["code", "GitHub 2FA", "--at", "soon"], ""),
    (&["show", "我的钱"], ""),
    (&["show", "github 2fx"], ""),
    (&["show", "完全不同"], ""),
    (
        &["add", "seed", "s"],
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abot",
    ),
    (&["add", "totp", "t"], "otpauth://vpn/x?secret=JBSWY3DP"),
    (&["add", "totp", "t"], "otpauth://totp/x?secret=JBSWY3DP&algorithm=MD5"),
    (&["add", "note", "我的钱包"], "y"),
    (&["playbook", "check", "account-locked", "no-such-step"], ""),
    (&["playbook", "show", "no-such-playbook"], ""),
    (&["import", "missing.json"], ""),
];

#[test]
fn chinese_cli_golden() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    vault(home);
    let english = zh_check::english_catalogue_sentences();
    let mut golden = String::new();

    let list = run(home, true, &["list"], "");
    assert!(list.status.success(), "{list:?}");
    let list = text(&list.stdout);
    assert!(list.starts_with("名称"), "{list}");
    golden.push_str(&format!("$ lifeboat list\n{list}\n"));

    let pb = lifeboat(home, true)
        .env("COLUMNS", "80")
        .args([
            "--vault",
            "vault.age",
            "--identity",
            "key.txt",
            "playbook",
            "list",
        ])
        .output()
        .expect("runs");
    assert!(pb.status.success(), "{pb:?}");
    let pb = text(&pb.stdout);
    golden.push_str(&format!("$ COLUMNS=80 lifeboat playbook list\n{pb}\n"));

    let before = std::fs::read(home.join("vault.age")).expect("vault");
    for (args, stdin) in ERRORS {
        let zh = run(home, true, args, stdin);
        let en = run(home, false, args, stdin);
        let what = format!("lifeboat {}", args.join(" "));
        assert!(!zh.status.success(), "{what}: {zh:?}");
        assert_eq!(zh.status.code(), en.status.code(), "{what}");
        let err = text(&zh.stderr);
        let msg = err.strip_prefix("lifeboat: ").unwrap_or(&err);
        zh_check::assert_chinese(&what, msg, &english);
        // English stays English.
        assert!(
            !zh_check::has_cjk(
                &text(&en.stderr).replace(['我', '的', '钱', '包', '完', '全', '不', '同'], "")
            ),
            "{what}: {en:?}"
        );
        golden.push_str(&format!(
            "$ {what}\nexit {}\n{err}\n",
            zh.status.code().unwrap_or(-1)
        ));
        assert_eq!(
            std::fs::read(home.join("vault.age")).expect("vault"),
            before,
            "{what} changed the vault"
        );
    }
    insta::assert_snapshot!("zh_cli_golden", golden);
}

/// `playbook list` fits the terminal: at 80 columns no line is wider, a
/// cut title ends with `…` and is the start of the real title, never half
/// a wide character; off a terminal (no `COLUMNS`) nothing is cut.
#[test]
fn playbook_list_fits_80_columns_by_display_width() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let titles_in = |zh: bool| -> Vec<String> {
        let out = lifeboat(home, zh)
            .args(["--json", "playbook", "list"])
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        v.as_array()
            .expect("array")
            .iter()
            .map(|p| p["title"].as_str().expect("title").to_owned())
            .collect()
    };
    for zh in [true, false] {
        let titles = titles_in(zh);
        for cols in ["80", "60"] {
            let out = lifeboat(home, zh)
                .env("COLUMNS", cols)
                .args(["playbook", "list"])
                .output()
                .expect("runs");
            assert!(out.status.success(), "{out:?}");
            let listing = text(&out.stdout);
            let max: usize = cols.parse().expect("number");
            let lines: Vec<&str> = listing.lines().collect();
            assert_eq!(lines.len(), titles.len() + 1, "{listing}");
            let mut cut = 0;
            for (line, title) in lines[1..].iter().zip(&titles) {
                assert!(width(line) <= max, "{cols} cols, {}: {line}", width(line));
                let shown = if line.contains(title.as_str()) {
                    continue;
                } else {
                    line.rsplit("  ").next().expect("title column")
                };
                cut += 1;
                let stem = shown.strip_suffix('…').unwrap_or_else(|| panic!("{line}"));
                assert!(
                    title.starts_with(stem),
                    "{stem:?} is not the start of {title:?}"
                );
                assert!(width(shown) >= max - width(&line[..line.len() - shown.len()]) - 1);
            }
            if zh && cols == "80" {
                assert!(
                    cut >= 1,
                    "nothing long enough to cut at 80 columns:\n{listing}"
                );
            }
            if cols == "60" {
                assert!(cut >= 3, "{listing}");
            }
        }
        // Off a terminal, with no COLUMNS, every title is whole.
        let out = lifeboat(home, zh)
            .args(["playbook", "list"])
            .output()
            .expect("runs");
        let listing = text(&out.stdout);
        for t in &titles {
            assert!(listing.contains(t.as_str()), "{t} in {listing}");
        }
    }
}

/// English parse errors are clap's own, byte for byte: the Chinese
/// rendering never reaches an English user.
#[test]
fn english_parse_errors_are_clap_s_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        &["--bogus"][..],
        &["lisst"][..],
        &["add"][..],
        &["add", "seed", "x", "--scheme", "foo"][..],
    ] {
        let out = lifeboat(dir.path(), false)
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
        let mut argv = vec!["lifeboat"];
        argv.extend_from_slice(args);
        let mut cmd = lifeboat::cli::help::command(lifeboat::lang::Lang::En);
        let e = cmd.try_get_matches_from_mut(argv).expect_err("error");
        assert_eq!(text(&out.stderr), e.render().to_string(), "{args:?}");
    }
}

/// What the commands say when they succeed is Chinese too: every line a
/// command writes to stderr, and the labels around the data on stdout.
#[test]
fn success_messages_are_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    vault(home);
    let english = zh_check::english_catalogue_sentences();
    let codes = run(
        home,
        true,
        &["add", "codes", "GitHub 恢复码"],
        "aaaa-bbbb\ncccc-dddd\n",
    );
    assert!(codes.status.success(), "{codes:?}");
    for (args, stdin) in [
        (&["codes", "use", "GitHub 恢复码"][..], "aaaa-bbbb\n"),
        (
            &["export", "--format", "otpauth", "--out", "codes.txt"][..],
            "",
        ),
        (&["recipient", "list"][..], ""),
        (&["show", "GitHub 恢复码"][..], ""),
    ] {
        let out = run(home, true, args, stdin);
        let what = format!("lifeboat {}", args.join(" "));
        assert!(out.status.success(), "{what}: {out:?}");
        for line in text(&out.stderr).lines().filter(|l| !l.trim().is_empty()) {
            zh_check::assert_chinese(&what, line, &english);
        }
        let stdout = text(&out.stdout);
        if args[0] == "recipient" {
            assert!(stdout.contains("(恢复密钥)"), "{stdout}");
        }
        if args[0] == "show" {
            assert!(stdout.contains("已于 "), "a used code says when: {stdout}");
        }
    }
}

/// `playbook validate` on every malformed playbook of the corpus: the
/// Chinese user gets the same exit code and the same `file:line:col` of
/// every problem, in the same order, as the English user, and each message
/// is Chinese. The TOML parser's own words after `TOML 语法错误：` are the
/// parser's and stay as it says them.
#[test]
fn validate_diagnostics_are_chinese_at_the_english_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let english = zh_check::english_catalogue_sentences();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/playbooks/bad");
    let mut files: Vec<_> = std::fs::read_dir(&bad)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "corpus too small");
    for f in files {
        let shown = f.to_str().expect("utf-8 path");
        let args = ["--vault", "no-vault.age", "playbook", "validate", shown];
        let en = lifeboat(home, false).args(args).output().expect("runs");
        let zh = lifeboat(home, true).args(args).output().expect("runs");
        assert_eq!(en.status.code(), Some(1), "{shown}: {en:?}");
        assert_eq!(zh.status.code(), en.status.code(), "{shown}: {zh:?}");
        let (en_out, zh_out) = (text(&en.stdout), text(&zh.stdout));
        let en_lines: Vec<&str> = en_out.lines().collect();
        let zh_lines: Vec<&str> = zh_out.lines().collect();
        assert!(!en_lines.is_empty(), "{shown}: no diagnostics");
        assert_eq!(
            en_lines.len(),
            zh_lines.len(),
            "{shown}:\n{en_out}\n{zh_out}"
        );
        for (e, z) in en_lines.iter().zip(&zh_lines) {
            // `FILE:LINE:COL: message`; the file name holds no `: `.
            let (e_at, _) = e.split_once(": ").expect("position");
            let (z_at, msg) = z.split_once(": ").expect("position");
            assert_eq!(z_at, e_at, "{shown}: position differs:\n{e}\n{z}");
            assert_ne!(msg, e.split_once(": ").expect("position").1);
            match msg.strip_prefix("TOML 语法错误：") {
                Some(parser_words) => assert!(!parser_words.is_empty(), "{z}"),
                None => zh_check::assert_chinese(shown, msg, &english),
            }
        }
        zh_check::assert_chinese(shown, &text(&zh.stderr), &english);
        // `--json` is the same whatever the language.
        let json = [
            "--json",
            "--vault",
            "no-vault.age",
            "playbook",
            "validate",
            shown,
        ];
        let en = lifeboat(home, false).args(json).output().expect("runs");
        let zh = lifeboat(home, true).args(json).output().expect("runs");
        assert_eq!(zh.status.code(), en.status.code(), "{shown}");
        assert_eq!(text(&zh.stdout), text(&en.stdout), "{shown}");
        assert!(text(&en.stdout).contains("\"diagnostics\""), "{shown}");
    }
    assert!(!home.join("no-vault.age").exists());
}

/// An import's report of the entries it skipped as duplicates names both
/// sides in the interface's language: the entry of the file and the item
/// (or earlier entry) it matched. English keeps its words; `--json` is the
/// same in both languages.
#[test]
fn import_duplicates_are_named_in_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    vault(home);
    let english = zh_check::english_catalogue_sentences();
    let line = "otpauth://totp/Mail:bob?secret=JBSWY3DPEHPK3PXP&issuer=Mail";
    std::fs::write(home.join("twice.txt"), format!("{line}\n{line}\n")).expect("write");
    let import = |zh: bool, json: bool| {
        let mut args = vec!["import", "twice.txt", "--format", "otpauth"];
        if json {
            args.insert(0, "--json");
        }
        let out = run(home, zh, &args, "");
        assert!(out.status.success(), "{out:?}");
        out
    };
    // First import: the second line is the same as the first.
    let zh = text(&import(true, false).stderr);
    assert!(
        zh.contains("已跳过第 2 行（Mail, bob）：与第 1 行（Mail, bob）相同"),
        "{zh}"
    );
    for l in zh.lines() {
        zh_check::assert_chinese("import", l, &english);
    }
    // Again: both lines are in the vault now.
    let zh = text(&import(true, false).stderr);
    assert!(
        zh.contains("已跳过第 1 行（Mail, bob）：与保险库中的“Mail (bob)”相同"),
        "{zh}"
    );
    for l in zh.lines() {
        zh_check::assert_chinese("import again", l, &english);
    }
    let en = text(&import(false, false).stderr);
    assert!(
        en.contains("  skipped line 1 (Mail, bob): the same as \"Mail (bob)\" in the vault"),
        "{en}"
    );
    let (en_json, zh_json) = (import(false, true).stdout, import(true, true).stdout);
    assert_eq!(text(&en_json), text(&zh_json));
    let v: serde_json::Value = serde_json::from_slice(&zh_json).expect("json");
    assert_eq!(v["duplicates"][0]["entry"], "line 1 (Mail, bob)");
    assert_eq!(v["duplicates"][0]["matched"], "\"Mail (bob)\" in the vault");
}

/// The diagnostics about built-in ids are Chinese too: a file that takes a
/// built-in's id, and a translation of a built-in that changes its
/// structure (here a wait). Same position and exit code as in English.
#[test]
fn validate_builtin_id_diagnostics_are_chinese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let home = dir.path();
    let english = zh_check::english_catalogue_sentences();
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks/en/account-locked.toml"),
    )
    .expect("built-in");
    assert!(original.contains("\nwait = \"") && !original.contains("\nlang = "));
    let translation = original
        .replacen("\ntitle = ", "\nlang = \"fr\"\ntitle = ", 1)
        .replacen("\nwait = \"", "\nwait = \"99d\"\n# was \"", 1);
    std::fs::write(home.join("translation.toml"), translation).expect("write");
    std::fs::write(
        home.join("taken.toml"),
        "schema = 1\nid = \"account-locked\"\ntitle = \"t\"\nsummary = \"s\"\nseverity = \"high\"\n\n[[steps]]\nid = \"a\"\nkind = \"check\"\ntitle = \"A\"\n",
    )
    .expect("write");
    for (file, en_words) in [
        ("translation.toml", "`wait` differs from the original"),
        ("taken.toml", "is already used by the built-in playbook"),
    ] {
        let args = ["--vault", "no-vault.age", "playbook", "validate", file];
        let en = lifeboat(home, false).args(args).output().expect("runs");
        let zh = lifeboat(home, true).args(args).output().expect("runs");
        assert_eq!(en.status.code(), Some(1), "{file}: {en:?}");
        assert_eq!(zh.status.code(), en.status.code(), "{file}: {zh:?}");
        let (en_out, zh_out) = (text(&en.stdout), text(&zh.stdout));
        assert!(en_out.contains(en_words), "{en_out}");
        let (e_at, _) = en_out.trim_end().split_once(": ").expect("position");
        let (z_at, msg) = zh_out.trim_end().split_once(": ").expect("position");
        assert_eq!(z_at, e_at, "{file}:\n{en_out}\n{zh_out}");
        zh_check::assert_chinese(file, msg, &english);
    }
}
