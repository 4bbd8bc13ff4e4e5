//! A throwaway vault driven through the real `lifeboat` binary, shared by
//! the end-to-end CLI tests. The vault uses a tiny KDF and every command
//! after `init` unlocks with the recovery key file, so each run is fast.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_lifeboat")
}

/// What a finished command left behind.
#[derive(Debug)]
pub struct Out {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Out {
    /// Panics with both streams unless the command succeeded.
    pub fn ok(self) -> Out {
        assert_eq!(self.code, 0, "expected success:\n{self:#?}");
        self
    }
    /// Panics unless the command exited with `code`.
    pub fn code(self, code: i32) -> Out {
        assert_eq!(self.code, code, "expected exit {code}:\n{self:#?}");
        self
    }
}

/// A temporary folder with a vault, its recovery key and a config folder.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub vault: PathBuf,
    pub key: PathBuf,
    pub config: PathBuf,
}

impl Env {
    /// Creates a vault with a tiny KDF and the recovery key in `key.txt`.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = dir.path().join("vault.age");
        let key = dir.path().join("key.txt");
        let config = dir.path().join("config");
        let pass = dir.path().join("pass");
        std::fs::write(&pass, "correct horse battery staple\n").unwrap();
        let script = "exec \"$0\" --vault \"$1\" init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf --allow-weak-passphrase --passphrase-fd 3 --recovery-key-out \"$2\" 3<\"$3\"";
        let out = Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg(bin())
            .arg(&vault)
            .arg(&key)
            .arg(&pass)
            .env_remove("LIFEBOAT_VAULT")
            .stdin(Stdio::null())
            .output()
            .expect("run init");
        assert!(
            out.status.success(),
            "init failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Env {
            dir,
            vault,
            key,
            config,
        }
    }

    /// A path inside the temporary folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The command line `lifeboat --vault V --identity KEY ARGS...`.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_at(&self.vault, args)
    }

    /// Like [`Env::cmd`] with another vault file.
    pub fn cmd_at(&self, vault: &Path, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.arg("--vault")
            .arg(vault)
            .arg("--identity")
            .arg(&self.key)
            .args(args)
            .env_remove("LIFEBOAT_VAULT")
            .env("LIFEBOAT_CONFIG_DIR", &self.config)
            .current_dir(self.dir.path());
        c
    }

    /// Runs a command with `stdin` as its standard input.
    pub fn run_in(&self, args: &[&str], stdin: &str) -> Out {
        run_command(self.cmd(args), stdin)
    }

    /// Runs a command with empty standard input.
    pub fn run(&self, args: &[&str]) -> Out {
        self.run_in(args, "")
    }

    /// The vault file's bytes, to prove a refused command changed nothing.
    pub fn vault_bytes(&self) -> Vec<u8> {
        std::fs::read(&self.vault).expect("read vault")
    }

    /// `show NAME --json --reveal`, parsed.
    pub fn reveal(&self, name: &str) -> serde_json::Value {
        let out = self.run(&["--json", "show", name, "--reveal"]).ok();
        serde_json::from_str(&out.stdout).expect("show --json is JSON")
    }

    /// `list --json`, parsed.
    pub fn list(&self) -> Vec<serde_json::Value> {
        let out = self.run(&["--json", "list"]).ok();
        serde_json::from_str(&out.stdout).expect("list --json is JSON")
    }
}

/// Runs a prepared command, feeding `stdin`.
pub fn run_command(mut c: Command, stdin: &str) -> Out {
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start lifeboat");
    // A command may exit before reading its input; that is not an error here.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("wait for lifeboat");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The file's Unix permission bits.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A committed fixture under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}
