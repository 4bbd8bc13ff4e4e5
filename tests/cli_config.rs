//! The config file, whole-process: `config path|show|set|unset`, the
//! precedence flag > environment > file > default, a bad file reported
//! with line, column and allowed values, and a bad file never standing
//! between the user and `--help` or the recovery commands.

mod vault_harness;

use std::path::{Path, PathBuf};
use std::process::Command;

use vault_harness::{run, with_fd3, Env, Out, BIN, LIMIT};

/// A command with a clean environment: only the config file we name.
fn cmd(config: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args)
        .env_remove("LIFEBOAT_VAULT")
        .env_remove("LIFEBOAT_CONFIG_DIR")
        .env("LIFEBOAT_CONFIG", config);
    c
}

fn go(c: Command) -> Out {
    run(c, None, LIMIT)
}

/// `config show --json`'s settings.
fn settings(c: Command) -> serde_json::Value {
    go(c).ok().json()["settings"].clone()
}

#[test]
fn path_set_show_unset() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("sub/config.toml");
    let out = go(cmd(&config, &["config", "path"])).ok();
    assert_eq!(out.stdout.trim(), config.to_str().unwrap());
    assert!(!config.exists());

    go(cmd(&config, &["config", "set", "auto_lock", "90s"])).ok();
    go(cmd(&config, &["config", "set", "language", "zh-CN"])).ok();
    let text = std::fs::read_to_string(&config).unwrap();
    assert_eq!(text, "auto_lock = \"90s\"\nlanguage = \"zh-CN\"\n");
    let s = settings(cmd(&config, &["config", "show", "--json"]));
    assert_eq!(s["auto_lock"]["value"], "90s");
    assert_eq!(s["auto_lock"]["source"], "config file");
    assert_eq!(s["clipboard_clear"]["value"], "20s");
    assert_eq!(s["clipboard_clear"]["source"], "default");
    assert_eq!(s["language"]["value"], "zh-CN");
    // The file sets the language: `config show` speaks it, `--lang` wins.
    let human = go(cmd(&config, &["config", "show"])).ok().stdout;
    assert!(
        human.contains("auto_lock        90s  (配置文件)"),
        "{human}"
    );
    let human = go(cmd(&config, &["--lang", "en", "config", "show"]))
        .ok()
        .stdout;
    assert!(
        human.contains("auto_lock        90s  (config file)"),
        "{human}"
    );

    // A refused value leaves the file as it was and says what is allowed.
    let out = go(cmd(
        &config,
        &["--lang", "en", "config", "set", "language", "fr"],
    ))
    .code(1);
    assert!(out.stderr.contains("auto, en, zh-CN"), "{out:?}");
    let out = go(cmd(
        &config,
        &["--lang", "en", "config", "set", "auto_lock", "2s"],
    ))
    .code(1);
    assert!(out.stderr.contains("from 30s to 8h"), "{out:?}");
    // The file now says zh-CN: without --lang, messages are in Chinese.
    let out = go(cmd(&config, &["config", "set", "auto_lock", "2s"])).code(1);
    assert!(out.stderr.contains("30s 到 8h"), "{out:?}");
    go(cmd(&config, &["config", "set", "colour", "red"])).code(2);
    assert_eq!(std::fs::read_to_string(&config).unwrap(), text);

    go(cmd(&config, &["config", "unset", "auto_lock"])).ok();
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "language = \"zh-CN\"\n"
    );
    let s = settings(cmd(&config, &["config", "show", "--json"]));
    assert_eq!(s["auto_lock"]["value"], "5m");
    assert_eq!(s["auto_lock"]["source"], "default");
}

#[test]
fn the_vault_path_follows_flag_then_environment_then_file() {
    let env = Env::init();
    env.add_note("from the vault", "x");
    let config = env.dir.path().join("config.toml");
    let vault = env.vault.to_str().unwrap();
    let vault_source = |c: Command| {
        let s = settings(c);
        (
            s["vault"]["value"].as_str().unwrap().to_owned(),
            s["vault"]["source"].as_str().unwrap().to_owned(),
        )
    };
    // Default.
    let (_, src) = vault_source(cmd(&config, &["config", "show", "--json"]));
    assert_eq!(src, "default");
    // File.
    go(cmd(&config, &["config", "set", "vault", vault])).ok();
    assert_eq!(
        vault_source(cmd(&config, &["config", "show", "--json"])),
        (vault.to_owned(), "config file".to_owned())
    );
    // The file's vault is the one commands open.
    let mut c = with_fd3(&env.pass, &["list", "--passphrase-fd", "3"]);
    c.env_remove("LIFEBOAT_VAULT")
        .env("LIFEBOAT_CONFIG", &config);
    let out = go(c).ok();
    assert!(out.stdout.contains("from the vault"), "{out:?}");
    // Environment beats the file.
    let mut c = cmd(&config, &["config", "show", "--json"]);
    c.env("LIFEBOAT_VAULT", "/env/v.age");
    assert_eq!(
        vault_source(c),
        ("/env/v.age".to_owned(), "environment".to_owned())
    );
    // A flag beats both.
    let mut c = cmd(
        &config,
        &["--vault", "/flag/v.age", "config", "show", "--json"],
    );
    c.env("LIFEBOAT_VAULT", "/env/v.age");
    assert_eq!(
        vault_source(c),
        ("/flag/v.age".to_owned(), "flag".to_owned())
    );
}

#[test]
fn backup_uses_backup_dir_when_no_folder_is_given() {
    let env = Env::init();
    let config = env.dir.path().join("config.toml");
    let backups = env.dir.path().join("from-config");
    let mut c = with_fd3(
        &env.pass,
        &env.vault_args(&["backup", "--passphrase-fd", "3"]),
    );
    c.env("LIFEBOAT_CONFIG", &config);
    let out = go(c).code(2);
    assert!(out.stderr.contains("backup_dir"), "{out:?}");
    go(cmd(
        &config,
        &["config", "set", "backup_dir", backups.to_str().unwrap()],
    ))
    .ok();
    let mut c = with_fd3(
        &env.pass,
        &env.vault_args(&["backup", "--passphrase-fd", "3"]),
    );
    c.env("LIFEBOAT_CONFIG", &config);
    let out = go(c).ok();
    assert!(
        PathBuf::from(out.stdout.trim()).starts_with(&backups),
        "{out:?}"
    );
}

#[test]
fn a_bad_file_is_located_and_never_blocks_help_or_recovery() {
    let env = Env::init();
    env.add_note("n", "x");
    let config = env.dir.path().join("config.toml");
    std::fs::write(&config, "# mine\nlanguage = \"fr\"\n").unwrap();
    let where_ = format!("{}:2:12:", config.display());

    // An everyday command that writes stops, says where and what is allowed,
    // and changes nothing.
    let before = env.snapshot();
    let mut c = with_fd3(
        &env.pass,
        &env.vault_args(&["add", "note", "y", "--passphrase-fd", "3"]),
    );
    c.env("LIFEBOAT_CONFIG", &config);
    let out = run(c, Some(b"text"), LIMIT).code(1);
    assert!(out.stderr.contains(&where_), "{out:?}");
    assert!(out.stderr.contains("auto, en, zh-CN"), "{out:?}");
    before.assert_unchanged(&env.vault, "add with a bad config");

    // Help, and the commands of a bad day, go on with a warning.
    go(cmd(&config, &["--help"])).ok();
    go(cmd(&config, &["add", "--help"])).ok();
    go(cmd(&config, &["completions", "bash"])).ok();
    for args in [&["show", "n", "--reveal"][..], &["list"], &["export"]] {
        let mut c = with_fd3(
            &env.pass,
            &env.vault_args(&[args, &["--passphrase-fd", "3"]].concat()),
        );
        c.env("LIFEBOAT_CONFIG", &config);
        let out = go(c).ok();
        assert!(
            out.stderr.contains("config file is ignored"),
            "{args:?}: {out:?}"
        );
        assert!(out.stderr.contains(&where_), "{args:?}: {out:?}");
    }
    // `config show` shows what applies without the file, then the error.
    let out = go(cmd(&config, &["config", "show"])).code(1);
    assert!(
        out.stdout.contains("language         auto  (default)"),
        "{out:?}"
    );
    assert!(out.stderr.contains(&where_), "{out:?}");
    // Fixing it with `config unset` works on a file that parses.
    go(cmd(&config, &["config", "unset", "language"])).ok();
    go(cmd(&config, &["config", "show"])).ok();

    // Not TOML at all: the line and column of the break.
    std::fs::write(&config, "vault = \"/v.age\"\nauto_lock = 5m\n").unwrap();
    let out = go(cmd(&config, &["config", "show"])).code(1);
    assert!(
        out.stderr.contains(&format!("{}:2:", config.display())),
        "{out:?}"
    );
    assert!(out.stderr.contains("not valid TOML"), "{out:?}");
    // Unknown keys are named with the list of keys.
    std::fs::write(&config, "vault = \"/v.age\"\ncolour = \"red\"\n").unwrap();
    let out = go(cmd(&config, &["config", "show"])).code(1);
    assert!(
        out.stderr.contains(&format!("{}:2:1:", config.display())),
        "{out:?}"
    );
    assert!(out.stderr.contains("unknown key `colour`"), "{out:?}");
    assert!(out.stderr.contains("clipboard_clear"), "{out:?}");
}
