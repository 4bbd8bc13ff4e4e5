//! Behaving like a Unix tool: terminal-only QR blocks (images for scripts),
//! `rm` that asks on a terminal, names that suggest the closest match, and
//! a damaged vault whose message says how to get back.

mod common;
mod vault_harness;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

use vault_harness::{run, Env, BIN, LIMIT};

const URI: &str = "otpauth://totp/Example:ann@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";

fn with_totp() -> Env {
    let env = Env::init();
    env.pass_cmd(&["add", "totp", "GitHub"], Some(URI.as_bytes()))
        .ok();
    env
}

/// Runs a shell command line under `script`, which gives it a terminal,
/// with `input` typed on that terminal; returns (exit code, output).
fn on_terminal(env: &Env, args: &str, input: &str) -> (i32, String) {
    let line = format!(
        "exec '{BIN}' --vault '{}' --passphrase-fd 3 {args} 3<'{}'",
        env.vault.display(),
        env.pass.display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script (util-linux)");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        // Typed after the question appears; the pty buffers it until read.
        let _ = stdin.write_all(input.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn qr_blocks_only_on_a_terminal_and_images_for_scripts() {
    let env = with_totp();
    // To a pipe: refused with the hint, and no escape codes at all.
    let out = env.pass_cmd(&["show", "GitHub", "--qr"], None).code(1);
    assert!(
        out.stderr.contains("--qr-svg FILE") && out.stderr.contains("--qr-png FILE"),
        "{out:?}"
    );
    assert!(!out.stdout.contains('\x1b'), "{out:?}");
    // On a terminal: the blocks are drawn.
    let (code, text) = on_terminal(&env, "show GitHub --qr", "");
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("\x1b[30;107m") && text.contains('█'),
        "{text}"
    );
    // Images: 0600, never overwritten, and they decode to the URI.
    let png = env.dir.path().join("github.png");
    let svg = env.dir.path().join("github.svg");
    env.pass_cmd(
        &[
            "show",
            "GitHub",
            "--qr-png",
            png.to_str().unwrap(),
            "--qr-svg",
            svg.to_str().unwrap(),
        ],
        None,
    )
    .ok();
    for f in [&png, &svg] {
        let mode = std::fs::metadata(f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    env.pass_cmd(&["show", "GitHub", "--qr-png", png.to_str().unwrap()], None)
        .code(1)
        .says(&["exists"]);
    if let Some(zbarimg) = common::oracle_tool("zbarimg") {
        let out = Command::new(zbarimg)
            .args(["--quiet", "--raw"])
            .arg(&png)
            .output()
            .unwrap();
        let decoded = String::from_utf8_lossy(&out.stdout);
        assert!(decoded.contains("secret=JBSWY3DPEHPK3PXP"), "{decoded}");
    }
    // Not a TOTP item.
    env.add_note("n", "x");
    env.pass_cmd(&["show", "n", "--qr-svg", "/tmp/never.svg"], None)
        .code(1)
        .says(&["TOTP items only"]);
}

#[test]
fn rm_asks_on_a_terminal_unless_yes() {
    let env = Env::init();
    env.add_note("keep me", "x");
    env.add_note("drop me", "y");
    let before = env.snapshot();
    let (code, text) = on_terminal(&env, "rm 'keep me'", "n\n");
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("Remove the note item \"keep me\"?"), "{text}");
    assert!(text.contains("nothing was removed"), "{text}");
    before.assert_unchanged(&env.vault, "rm answered no");
    let (code, text) = on_terminal(&env, "rm 'keep me'", "y\n");
    assert_eq!(code, 0, "{text}");
    assert!(!env.names().contains(&"keep me".to_owned()));
    // --yes asks nothing; neither does a run without a terminal.
    let (code, text) = on_terminal(&env, "rm 'drop me' --yes", "");
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("Remove the"), "{text}");
    env.add_note("scripted", "z");
    env.pass_cmd(&["rm", "scripted"], None).ok();
    assert!(env.names().is_empty(), "{:?}", env.names());
}

#[test]
fn unknown_names_suggest_the_closest() {
    let env = with_totp();
    env.add_note("Bank of Example", "x");
    env.add_note("GitLab", "y");
    let out = env.pass_cmd(&["show", "Githb"], None).code(1);
    assert!(out.stderr.contains("did you mean \"GitHub\""), "{out:?}");
    let out = env.pass_cmd(&["code", "bank"], None).code(1);
    assert!(out.stderr.contains("\"Bank of Example\""), "{out:?}");
    let out = env.pass_cmd(&["rm", "gitlb", "--yes"], None).code(1);
    assert!(out.stderr.contains("\"GitLab\""), "{out:?}");
    // Nothing close: the plain message.
    let out = env.pass_cmd(&["show", "zzzzzz"], None).code(1);
    assert!(!out.stderr.contains("did you mean"), "{out:?}");
    assert!(
        out.stderr.contains("`lifeboat list` shows the names"),
        "{out:?}"
    );
}

#[test]
fn a_damaged_vault_names_restore_and_the_previous_generation() {
    let env = Env::init();
    env.add_note("n", "x");
    let mut bytes = std::fs::read(&env.vault).unwrap();
    let at = bytes.len() - 20;
    bytes[at] ^= 0x55;
    std::fs::write(&env.vault, &bytes).unwrap();
    let out = run(env.pass_command(&["list"]), None, LIMIT).code(4);
    assert!(
        out.stderr.contains("lifeboat restore") && out.stderr.contains("vault.age.prev"),
        "{out:?}"
    );
    let mut prev = env.vault.clone().into_os_string();
    prev.push(".prev");
    std::fs::remove_file(&prev).unwrap();
    let out = run(env.pass_command(&["list"]), None, LIMIT).code(4);
    assert!(
        out.stderr.contains("lifeboat restore BACKUP_FILE")
            && out.stderr.contains("no previous generation"),
        "{out:?}"
    );
}
