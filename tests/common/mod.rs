//! Helpers shared by the integration tests: locating oracle tools and the
//! Python oracle environment. An oracle that is missing fails the test when
//! `CI=true` and is reported as skipped otherwise, never silently passed.
#![allow(dead_code)]

pub mod tmux;

use std::path::PathBuf;
use std::process::Command;

/// True when running under CI, where a missing oracle is a failure.
pub fn in_ci() -> bool {
    std::env::var("CI")
        .map(|v| v == "true" || v == "1")
        .unwrap_or(false)
}

/// Reports a missing oracle: panics under CI, otherwise prints and returns false.
pub fn oracle_missing(what: &str) -> bool {
    if in_ci() {
        panic!("oracle missing under CI=true: {what} (run .ci/run to install it)");
    }
    eprintln!("SKIPPED (oracle missing, not CI): {what}");
    false
}

/// The Python interpreter of the oracle venv (`.venv-oracles` at the project
/// root, or `LIFEBOAT_ORACLE_PYTHON`), or `None` after reporting it missing.
pub fn oracle_python() -> Option<PathBuf> {
    let p = std::env::var_os("LIFEBOAT_ORACLE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv-oracles/bin/python3")
        });
    if p.exists() {
        Some(p)
    } else {
        oracle_missing(&format!("python oracle venv at {}", p.display()));
        None
    }
}

/// The path of an oracle command on PATH, or `None` after reporting it missing.
pub fn oracle_tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        oracle_missing(&format!("command `{name}`"));
    }
    found
}

/// Runs a Python snippet in the oracle venv with `stdin` and returns stdout.
pub fn run_python(python: &PathBuf, code: &str, stdin: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(python)
        .arg("-c")
        .arg(code)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start python oracle");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The published test vectors kept in the repository (`tests/vectors`, see
/// its README for each file's origin and licence).
pub fn vectors() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    assert!(p.is_dir(), "test vectors missing at {}", p.display());
    p
}

/// Runs `script` with bash in `dir` (HOME and the config folder inside
/// it), `stdin` on its standard input; fails the test with its stderr
/// unless it succeeds.
pub fn bash_ok(dir: &std::path::Path, script: &str, stdin: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
