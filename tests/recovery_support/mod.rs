//! Helpers for the recovery tests (backup, split/recover, kit, doctor): a
//! throwaway vault made by the real binary, and running commands on it
//! through `bash -c` so passphrases travel on file descriptors. A test
//! crate using it declares `mod common;` too (oracle lookup).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The debug binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_lifeboat")
}

/// KDF flags that make tests fast (doctor calls these critical).
pub const FAST_KDF: &str = "--kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf";
/// RFC 9106's second recommendation: doctor accepts it (about 0.2 s here).
pub const REAL_KDF: &str = "--kdf-memory 64 --kdf-time 3 --kdf-parallelism 4";
/// The passphrase written to `pw` in every test vault.
pub const PASSPHRASE: &str = "correct horse battery staple lifeboat";

/// A vault in a temp folder: `vault.age`, its passphrase in `pw` and its
/// recovery key in `key.txt`.
pub struct TestVault {
    /// The folder (removed on drop).
    pub dir: tempfile::TempDir,
}

impl TestVault {
    /// Creates a vault with the given KDF flags.
    pub fn new(kdf: &str) -> TestVault {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pw"), format!("{PASSPHRASE}\n")).unwrap();
        let tv = TestVault { dir };
        let out = tv.sh(&format!(
            "$LB init {kdf} --allow-weak-passphrase --passphrase-fd 3 3<pw --recovery-key-out key.txt"
        ));
        assert!(out.status.success(), "init failed: {}", stderr(&out));
        tv
    }

    /// A fast vault.
    pub fn fast() -> TestVault {
        Self::new(FAST_KDF)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the folder.
    pub fn join(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }

    /// The vault file.
    pub fn vault(&self) -> PathBuf {
        self.join("vault.age")
    }

    /// The recovery key text (`AGE-SECRET-KEY-1...`).
    pub fn key(&self) -> String {
        std::fs::read_to_string(self.join("key.txt"))
            .unwrap()
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
            .unwrap()
            .to_owned()
    }

    /// Runs a shell command in the folder with `$LB` the binary and
    /// `LIFEBOAT_VAULT` this vault.
    pub fn sh(&self, cmd: &str) -> Output {
        Command::new("bash")
            .arg("-c")
            .arg(cmd)
            .current_dir(self.path())
            .env("LB", bin())
            .env("LIFEBOAT_VAULT", self.vault())
            .env("LIFEBOAT_LOCK_WAIT_MS", "3000")
            .output()
            .unwrap()
    }

    /// Runs a command with the passphrase on fd 3 and asserts success.
    pub fn ok(&self, args: &str) -> Output {
        let out = self.sh(&format!("$LB {args} --passphrase-fd 3 3<pw"));
        assert!(
            out.status.success(),
            "`lifeboat {args}` failed ({:?}): {}",
            out.status.code(),
            stderr(&out)
        );
        out
    }

    /// Runs a command with the passphrase on fd 3, returning the output.
    pub fn run(&self, args: &str) -> Output {
        self.sh(&format!("$LB {args} --passphrase-fd 3 3<pw"))
    }

    /// Adds a note item.
    pub fn add_note(&self, name: &str, text: &str) {
        let out = self.sh(&format!(
            "printf '%s' '{text}' | $LB add note '{name}' --passphrase-fd 3 3<pw"
        ));
        assert!(out.status.success(), "add failed: {}", stderr(&out));
    }

    /// Decrypts a vault-format file with stock `age` and the recovery key,
    /// returning the JSON, or `None` when `age` is missing (reported).
    pub fn age_decrypt(&self, file: &Path) -> Option<Result<serde_json::Value, String>> {
        let age = crate::common::oracle_tool("age")?;
        let out = Command::new(age)
            .arg("-d")
            .arg("-i")
            .arg(self.join("key.txt"))
            .arg(file)
            .output()
            .unwrap();
        if !out.status.success() {
            return Some(Err(stderr(&out)));
        }
        Some(serde_json::from_slice(&out.stdout).map_err(|e| e.to_string()))
    }

    /// The vault's payload via stock `age` (panics if it does not open).
    pub fn payload(&self) -> Option<serde_json::Value> {
        self.age_decrypt(&self.vault()).map(|r| r.unwrap())
    }
}

/// Stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}
