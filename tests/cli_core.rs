//! The command-line contract of CLI.md for the vault core, whole-process:
//! exit codes, refusals, file modes, passphrase changes, unlock paths,
//! writers waiting for each other's lock, native export/import, and exact
//! messages pinned in a table.

mod vault_harness;

use std::io::BufRead;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use vault_harness::{run, Env, BIN, LIMIT, PASSPHRASE, TINY_KDF};

fn mode(p: &std::path::Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn no_terminal_and_no_unlock_option_fails_at_once() {
    let env = Env::init();
    // setsid: a new session without a controlling terminal; stdin /dev/null.
    for (args, words) in [
        (
            &["list"][..],
            &["no terminal", "--passphrase-fd", "--identity"][..],
        ),
        (&["show", "x"], &["no terminal", "--passphrase-fd"]),
        (&["add", "note", "x"], &["no terminal", "--passphrase-fd"]),
        (&["passwd"], &["no terminal", "--passphrase-fd"]),
    ] {
        let mut c = Command::new("setsid");
        c.arg("-w").arg(BIN).args(env.vault_args(args));
        let out = run(c, None, Duration::from_secs(10)).code(2).says(words);
        assert!(out.elapsed < Duration::from_secs(5), "{args:?}: {out:?}");
    }
    // init with no terminal and no descriptor: no vault is made.
    let fresh = Env::empty();
    let mut c = Command::new("setsid");
    c.arg("-w").arg(BIN).args(fresh.vault_args(&["init"]));
    run(c, None, Duration::from_secs(10))
        .code(2)
        .says(&["--passphrase-fd"]);
    assert!(!fresh.vault.exists());
}

#[test]
fn init_writes_0600_files_and_refuses_to_overwrite() {
    let env = Env::init();
    assert_eq!(mode(&env.vault), 0o600, "vault mode");
    assert_eq!(mode(&env.key), 0o600, "recovery key mode");
    let key_text = std::fs::read_to_string(&env.key).unwrap();
    assert!(key_text.contains("age -d -i"), "{key_text}");
    env.add_note("n", "t");
    let mut prev = env.vault.clone().into_os_string();
    prev.push(".prev");
    assert_eq!(mode(std::path::Path::new(&prev)), 0o600, ".prev mode");
    assert_eq!(
        mode(&env.dir.path().join("vault.age.lock")),
        0o600,
        "lock mode"
    );

    let before = env.snapshot();
    let other_key = env.dir.path().join("key2.txt");
    let mut args = vec!["init", "--recovery-key-out", other_key.to_str().unwrap()];
    args.extend(TINY_KDF);
    env.pass_cmd(&args, None)
        .code(1)
        .says(&["already exists", "refusing to overwrite"]);
    before.assert_unchanged(&env.vault, "second init");
    assert!(!other_key.exists());
    // An existing recovery-key file is not overwritten either.
    let fresh = Env::empty();
    std::fs::write(&fresh.key, "precious").unwrap();
    let mut args = vec!["init", "--recovery-key-out", fresh.key.to_str().unwrap()];
    args.extend(TINY_KDF);
    fresh
        .pass_cmd(&args, None)
        .code(1)
        .says(&["already exists"]);
    assert_eq!(std::fs::read_to_string(&fresh.key).unwrap(), "precious");
    assert!(!fresh.vault.exists());
}

#[test]
fn weak_passphrases_are_refused_without_the_override() {
    for (pass, words) in [
        ("short", &["too short"][..]),
        ("passwordpassword", &["too easy to guess"][..]),
    ] {
        let env = Env::empty();
        std::fs::write(&env.pass, format!("{pass}\n")).unwrap();
        let key = env.key.to_str().unwrap().to_owned();
        let args = [
            "init",
            "--recovery-key-out",
            &key,
            "--kdf-memory",
            "8",
            "--kdf-time",
            "1",
            "--kdf-parallelism",
            "1",
            "--allow-weak-kdf",
        ];
        env.pass_cmd(&args, None)
            .code(1)
            .says(words)
            .says(&["--allow-weak-passphrase"]);
        assert!(!env.vault.exists(), "{pass}: vault created");
        assert!(!env.key.exists(), "{pass}: key written");
    }
    // A strong one passes the policy without the flag.
    let env = Env::empty();
    std::fs::write(&env.pass, "tundra pocket velvet oracle mango\n").unwrap();
    let key = env.key.to_str().unwrap().to_owned();
    env.pass_cmd(
        &[
            "init",
            "--recovery-key-out",
            &key,
            "--kdf-memory",
            "8",
            "--kdf-time",
            "1",
            "--kdf-parallelism",
            "1",
            "--allow-weak-kdf",
        ],
        None,
    )
    .ok();
    assert!(env.vault.exists());
}

#[test]
fn passwd_changes_the_passphrase_and_keeps_the_recovery_key() {
    let env = Env::init();
    env.add_note("n", "t");
    // One descriptor, two lines: the current passphrase, then the new one.
    let both = env.dir.path().join("both.txt");
    std::fs::write(
        &both,
        format!("{PASSPHRASE}\nnew passphrase for the vault\n"),
    )
    .unwrap();
    env.passfile_cmd(
        &both,
        &[
            "passwd",
            "--new-passphrase-fd",
            "3",
            "--allow-weak-passphrase",
        ],
        None,
    )
    .ok();
    env.pass_cmd(&["list"], None)
        .code(3)
        .says(&["wrong passphrase"]);
    let new = env.dir.path().join("new.txt");
    std::fs::write(&new, "new passphrase for the vault\n").unwrap();
    let out = env.passfile_cmd(&new, &["list", "--json"], None).ok();
    assert_eq!(out.json()[0]["name"], "n");
    assert_eq!(env.names(), ["n"]);
    // A passwd whose new passphrase fails the policy changes nothing.
    let before = env.snapshot();
    let weak = env.dir.path().join("weak.txt");
    std::fs::write(&weak, "new passphrase for the vault\nshort\n").unwrap();
    env.passfile_cmd(&weak, &["passwd", "--new-passphrase-fd", "3"], None)
        .code(1)
        .says(&["too short"]);
    before.assert_unchanged(&env.vault, "weak passwd");
}

#[test]
fn a_recovery_key_session_saves_a_vault_the_passphrase_still_opens() {
    let env = Env::init();
    env.key_cmd(&["add", "note", "by-key"], Some(b"written with the key"))
        .ok();
    env.key_cmd(&["rm", "by-key"], None).ok();
    env.key_cmd(&["add", "note", "again"], Some(b"x")).ok();
    let out = env
        .pass_cmd(&["show", "again", "--json", "--reveal"], None)
        .ok();
    assert_eq!(out.json()["secret"]["text"], "x");
}

#[test]
fn a_missing_vault_is_exit_4() {
    let env = Env::empty();
    std::fs::write(
        &env.key,
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX\n",
    )
    .unwrap();
    for out in [
        env.pass_cmd(&["list"], None),
        env.key_cmd(&["show", "x"], None),
        env.pass_cmd(&["add", "note", "x"], Some(b"x")),
        env.key_cmd(&["rm", "x"], None),
        env.bare_cmd(&["list"], None),
    ] {
        out.code(4).says(&["no vault at", "lifeboat init"]);
    }
    assert!(!env.vault.exists());
}

/// Holds the vault's lock with util-linux `flock` until dropped.
struct HeldLock(std::process::Child);

impl HeldLock {
    fn take(lock: &std::path::Path) -> HeldLock {
        use std::os::unix::process::CommandExt;
        let mut child = Command::new("flock")
            .arg("-x")
            .arg(lock)
            .arg("-c")
            .arg("echo ready; exec sleep 60")
            .process_group(0)
            .stdout(Stdio::piped())
            .spawn()
            .expect("flock");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready");
        HeldLock(child)
    }
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        // flock's child (sleep) holds the lock too: end the whole group we made.
        let pid = rustix::process::Pid::from_raw(self.0.id() as i32).unwrap();
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
        let _ = self.0.wait();
    }
}

#[test]
fn a_writer_that_cannot_get_the_lock_fails_with_exit_5() {
    let env = Env::init();
    env.add_note("n", "t");
    let before = env.snapshot();
    let held = HeldLock::take(&env.dir.path().join("vault.age.lock"));
    for mut c in [
        env.pass_command(&["add", "note", "blocked"]),
        env.key_command(&["rm", "n"]),
    ] {
        c.env("LIFEBOAT_LOCK_WAIT_MS", "300");
        let out = run(c, Some(b"x"), LIMIT)
            .code(5)
            .says(&["locked", "try again"]);
        assert!(
            out.elapsed >= Duration::from_millis(300) && out.elapsed < Duration::from_secs(5),
            "{:?}",
            out.elapsed
        );
        before.assert_unchanged(&env.vault, "blocked writer");
    }
    // Readers are not blocked by a writer's lock.
    env.key_cmd(&["list"], None).ok();
    drop(held);
    env.add_note("free", "now");
    assert_eq!(env.names(), ["n", "free"]);
}

#[test]
fn concurrent_writers_wait_for_each_other_and_lose_nothing() {
    let env = Env::init();
    let mut children = Vec::new();
    let start = std::time::Instant::now();
    for i in 0..20 {
        for (who, mut c) in [
            (
                "p",
                env.pass_command(&["add", "note", &format!("pass-{i}")]),
            ),
            ("k", env.key_command(&["add", "note", &format!("key-{i}")])),
        ] {
            // Generous: 40 debug processes queue on 2 shared cores.
            c.env("LIFEBOAT_LOCK_WAIT_MS", "120000");
            children.push((
                format!("{who}{i}"),
                vault_harness::spawn(c, Some(b"concurrent")),
            ));
        }
    }
    for (who, child) in children {
        let out = vault_harness::finish(child, start, Duration::from_secs(150));
        assert_eq!(out.code, 0, "writer {who} failed: {out:#?}");
    }
    let mut names = env.names();
    names.sort();
    let mut want: Vec<String> = (0..20)
        .flat_map(|i| [format!("pass-{i}"), format!("key-{i}")])
        .collect();
    want.sort();
    assert_eq!(names, want, "lost update");
    assert!(env.temp_files().is_empty());
    eprintln!("40 concurrent writers in {:?}", start.elapsed());
}

/// Adds one item of every kind.
fn populate(env: &Env) {
    let seed = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    env.pass_cmd(
        &["add", "seed", "wallet", "--tag", "crypto"],
        Some(seed.as_bytes()),
    )
    .ok();
    env.pass_cmd(
        &["add", "key", "hex key"],
        Some(b"0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"),
    )
    .ok();
    env.pass_cmd(
        &["add", "totp", "gh", "--account", "github"],
        Some(b"otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&algorithm=SHA256&digits=8&period=60"),
    )
    .ok();
    env.pass_cmd(
        &["add", "codes", "gh codes"],
        Some(b"1111-aaaa\n2222-bbbb\n3333-cccc\n"),
    )
    .ok();
    env.pass_cmd(&["codes", "use", "gh codes", "2222-bbbb"], None)
        .ok();
    env.pass_cmd(
        &[
            "add",
            "password",
            "bank",
            "--username",
            "alice",
            "--url",
            "https://bank.example",
        ],
        Some(b"hunter2-but-longer"),
    )
    .ok();
    env.pass_cmd(
        &["add", "note", "note", "--note", "not secret"],
        Some(b"line one\nline two"),
    )
    .ok();
}

const NAMES: [&str; 6] = ["wallet", "hex key", "gh", "gh codes", "bank", "note"];

#[test]
fn native_export_import_round_trip() {
    let a = Env::init();
    populate(&a);
    let file = a.dir.path().join("export.json");
    let out = a
        .pass_cmd(&["export", "--out", file.to_str().unwrap()], None)
        .ok()
        .says(&["PLAINTEXT"]);
    assert!(out.stdout.is_empty());
    assert_eq!(mode(&file), 0o600, "export file mode");
    // To stdout: still warned, on stderr.
    let out = a.key_cmd(&["export"], None).ok().says(&["PLAINTEXT"]);
    assert!(out.stdout.contains("lifeboat-export"));

    let b = Env::init();
    let out = b
        .pass_cmd(&["import", file.to_str().unwrap(), "--json"], None)
        .ok();
    assert_eq!(out.json()["added"], 6);
    for name in NAMES {
        let x = a.key_cmd(&["show", name, "--json", "--reveal"], None).ok();
        let y = b.key_cmd(&["show", name, "--json", "--reveal"], None).ok();
        assert_eq!(x.json(), y.json(), "{name} differs after the round trip");
    }
    // Importing again adds nothing (duplicates are skipped) and exits 0.
    let before = b.snapshot();
    let out = b
        .pass_cmd(&["import", file.to_str().unwrap(), "--json"], None)
        .ok();
    assert_eq!(out.json()["added"], 0);
    assert_eq!(out.json()["skipped"], 6);
    before.assert_unchanged(&b.vault, "import of duplicates");
}

#[test]
fn malformed_import_files() {
    let a = Env::init();
    populate(&a);
    let export = a.key_cmd(&["export"], None).ok().stdout;
    let b = Env::init();
    b.add_note("existing", "x");
    let dir = b.dir.path();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let before = b.snapshot();
    for (file, words) in [
        (
            write("not-json.json", "{ this is not json"),
            &["not valid JSON (line 1, column 3)"][..],
        ),
        (
            write("not-an-export.json", "this is { not json"),
            &["cannot tell what kind of export this is", "--format"][..],
        ),
        (write("empty.json", ""), &["the file is empty"]),
        (
            write("other.json", r#"{"format": "keepass", "items": []}"#),
            &["cannot tell what kind of export"],
        ),
        (
            write(
                "newer.json",
                r#"{"format": "lifeboat-export", "version": 7, "items": []}"#,
            ),
            &["newer"],
        ),
        (
            write(
                "no-items.json",
                r#"{"format": "lifeboat-export", "version": 1}"#,
            ),
            &["not a lifeboat export"],
        ),
        (write("binary.json", "\u{0}\u{1}\u{2}"), &["cannot tell"]),
        (
            write("forced.json", r#"{"format": "keepass", "items": []}"#),
            &["not a lifeboat export"],
        ),
    ] {
        let args: &[&str] = if file.ends_with("forced.json") {
            &["import", &file, "--format", "lifeboat"]
        } else {
            &["import", &file]
        };
        b.pass_cmd(args, None).code(1).says(words);
        before.assert_unchanged(&b.vault, &file);
    }
    b.pass_cmd(&["import", "/nonexistent/file.json"], None)
        .code(1)
        .says(&["cannot read"]);

    // One bad item among good ones: the good ones come in, the bad one is
    // reported by its position.
    let mut v: serde_json::Value = serde_json::from_str(&export).unwrap();
    v["items"][1]["secret"] = serde_json::json!({"kind": "no-such-kind"});
    v["items"][4]["name"] = serde_json::json!("");
    let file = write("mixed.json", &v.to_string());
    let out = b.pass_cmd(&["import", &file], None).ok().says(&[
        "imported 4 item(s)",
        "rejected 2",
        "rejected entry 2",
        "rejected entry 5",
    ]);
    assert!(!out.stderr.contains("panicked"));
    let mut names = b.names();
    names.sort();
    assert_eq!(names, ["existing", "gh", "gh codes", "note", "wallet"]);

    // Nothing valid: exit 1, vault unchanged.
    let before = b.snapshot();
    let all_bad = serde_json::json!({
        "format": "lifeboat-export", "version": 1,
        "items": [{"name": "a"}, 42, {"secret": {"kind": "note"}}]
    });
    let file = write("all-bad.json", &all_bad.to_string());
    b.pass_cmd(&["import", &file], None).code(1).says(&[
        "nothing was imported",
        "rejected entry 1 (a)",
        "rejected entry 3",
    ]);
    before.assert_unchanged(&b.vault, "all-bad import");
}

/// Exact messages, pinned. `{VAULT}` stands for the vault path.
#[test]
fn pinned_messages() {
    let env = Env::init();
    populate(&env);
    let wrong = env.dir.path().join("wrong.txt");
    std::fs::write(&wrong, "not it\n").unwrap();
    let vault = env.vault.display().to_string();
    let missing = env.dir.path().join("missing.age");
    enum How {
        Pass,
        Key,
        Wrong,
        Bare,
    }
    /// (unlock, args, stdin, exit code, exact stderr)
    type Row<'a> = (How, &'a [&'a str], Option<&'a str>, i32, &'a str);
    let table: &[Row] = &[
        (How::Pass, &["show", "nope"], None, 1,
         "lifeboat: no item named \"nope\"; did you mean \"note\"? (`lifeboat list` shows the names)\n"),
        (How::Key, &["code", "note"], None, 1,
         "lifeboat: \"note\" is a note item, not a TOTP secret\n"),
        (How::Key, &["codes", "use", "bank"], Some("1111-aaaa\n"), 1,
         "lifeboat: \"bank\" is not a recovery-codes item\n"),
        (How::Key, &["codes", "use", "gh codes"], Some("9999-zzzz"), 1,
         "lifeboat: that code is not one of \"gh codes\"'s recovery codes; check for typos (`lifeboat show \"gh codes\" --reveal` lists them)\n"),
        (How::Key, &["add", "note", "bank"], Some("dup"), 1,
         "lifeboat: an item named \"bank\" already exists; choose another name or remove the old one with `lifeboat rm`\n"),
        (How::Key, &["add", "note", "x", "--scheme", "bip39"], Some("x"), 2,
         "lifeboat: --scheme applies to seed items only\n"),
        (How::Key, &["rm", "ghost"], None, 1,
         "lifeboat: no item named \"ghost\"; `lifeboat list` shows the names\n"),
        (How::Key, &["recipient", "rm", "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"], None, 1,
         "lifeboat: \"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\" is not a recipient of this vault; `lifeboat recipient list` shows them\n"),
        (How::Key, &["recipient", "add", "age1nope"], None, 1,
         "lifeboat: \"age1nope\" is not a usable recipient: expected an age X25519 recipient starting with age1 (from `age-keygen -y`)\n"),
        (How::Wrong, &["list"], None, 3,
         "lifeboat: wrong passphrase. Check the passphrase (or identity file) and try again; if the passphrase is lost, run `lifeboat recover` with the recovery key or trustee shares\n"),
        (How::Pass, &["init", "--allow-weak-passphrase"], None, 1,
         "lifeboat: a vault already exists at {VAULT}; refusing to overwrite it (choose another --vault path, or remove it yourself if you are sure)\n"),
        (How::Bare, &[], None, 2,
         "lifeboat: no command given, and no terminal here for the full-screen interface; run it in a terminal, or give a command such as `lifeboat list` (`lifeboat --help` lists them all)\n"),
        (How::Bare, &["list", "--passphrase-fd", "9"], None, 2,
         "lifeboat: cannot read file descriptor 9 (No such file or directory (os error 2)); open it in the shell, e.g. `--passphrase-fd 3 3<passfile`\n"),
    ];
    for (how, args, input, code, want) in table {
        let out = match how {
            How::Pass => env.pass_cmd(args, input.map(str::as_bytes)),
            How::Key => env.key_cmd(args, input.map(str::as_bytes)),
            How::Wrong => env.passfile_cmd(&wrong, args, input.map(str::as_bytes)),
            How::Bare => env.bare_cmd(args, input.map(str::as_bytes)),
        };
        assert_eq!(out.code, *code, "{args:?}: {out:#?}");
        assert_eq!(out.stderr, want.replace("{VAULT}", &vault), "{args:?}");
    }
    // The missing-vault message names the path.
    let mut c = Command::new(BIN);
    c.arg("--vault").arg(&missing).arg("list");
    let out = run(c, None, LIMIT).code(4);
    assert_eq!(
        out.stderr,
        format!(
            "lifeboat: no vault at {}; create one with `lifeboat init` or point --vault at an existing file\n",
            missing.display()
        )
    );
}
