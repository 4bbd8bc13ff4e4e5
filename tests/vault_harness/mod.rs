//! Shared driver for the whole-process vault and CLI tests: a throwaway
//! vault made with a tiny KDF, and runs of the debug binary with a time
//! bound. The passphrase reaches lifeboat only on file descriptor 3 (opened
//! by `bash -c 'exec ... 3<file'`, so the exec'd lifeboat keeps the pid);
//! it is never in lifeboat's argv or environment.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The debug binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");

/// The passphrase of every test vault (weak on purpose: `--allow-weak-passphrase`).
pub const PASSPHRASE: &str = "correct horse battery staple";

/// The tiny-KDF `init` flags (8 MiB, t=1, p=1: below the floor, so with
/// `--allow-weak-kdf`).
pub const TINY_KDF: [&str; 8] = [
    "--kdf-memory",
    "8",
    "--kdf-time",
    "1",
    "--kdf-parallelism",
    "1",
    "--allow-weak-passphrase",
    "--allow-weak-kdf",
];

/// What a finished run left behind.
#[derive(Debug)]
pub struct Out {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Wall time from spawn to exit.
    pub elapsed: Duration,
}

impl Out {
    /// Asserts success and returns self.
    #[track_caller]
    pub fn ok(self) -> Out {
        assert_eq!(self.code, 0, "expected success: {self:#?}");
        self
    }

    /// Asserts an exit code, no panic text, and returns self.
    #[track_caller]
    pub fn code(self, code: i32) -> Out {
        assert_eq!(self.code, code, "wrong exit code: {self:#?}");
        self.no_panic()
    }

    /// Asserts the process did not panic.
    #[track_caller]
    pub fn no_panic(self) -> Out {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("RUST_BACKTRACE"),
            "panic: {self:#?}"
        );
        self
    }

    /// Asserts stderr mentions every word (case-insensitive).
    #[track_caller]
    pub fn says(self, words: &[&str]) -> Out {
        let low = self.stderr.to_lowercase();
        for w in words {
            assert!(
                low.contains(&w.to_lowercase()),
                "stderr lacks {w:?}: {self:#?}"
            );
        }
        self
    }

    /// Parses stdout as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }
}

/// Spawns a command with piped stdio (stdin from `input`, or /dev/null).
pub fn spawn(mut cmd: Command, input: Option<&[u8]>) -> Child {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    if let Some(data) = input {
        let mut stdin = child.stdin.take().unwrap();
        // Small inputs: written before the child reads anything back.
        let _ = stdin.write_all(data);
    }
    child
}

/// Waits for a child with a time bound (killing it and failing on timeout).
#[track_caller]
pub fn finish(mut child: Child, started: Instant, limit: Duration) -> Out {
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = so.read_to_end(&mut s);
        s
    });
    let t2 = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = se.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("process took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let elapsed = started.elapsed();
    Out {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&t1.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&t2.join().unwrap()).into_owned(),
        elapsed,
    }
}

/// Runs a command to completion within `limit`.
#[track_caller]
pub fn run(cmd: Command, input: Option<&[u8]>, limit: Duration) -> Out {
    let started = Instant::now();
    let child = spawn(cmd, input);
    finish(child, started, limit)
}

/// A command that runs lifeboat with `file` open on descriptor 3. bash
/// `exec`s lifeboat, so the child's pid is lifeboat's.
pub fn with_fd3(file: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("bash");
    c.arg("-c")
        .arg(r#"f=$1; shift; exec "$@" 3<"$f""#)
        .arg("bash")
        .arg(file)
        .arg(BIN)
        .args(args);
    c
}

/// A throwaway vault in its own folder.
pub struct Env {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
    /// `vault.age`.
    pub vault: PathBuf,
    /// The recovery key file written by `init`.
    pub key: PathBuf,
    /// A file holding the passphrase (for descriptor 3).
    pub pass: PathBuf,
}

/// The default time bound for one debug-binary run.
pub const LIMIT: Duration = Duration::from_secs(20);

impl Env {
    /// An empty folder with the passphrase file, no vault yet.
    pub fn empty() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let pass = dir.path().join("pass.txt");
        std::fs::write(&pass, format!("{PASSPHRASE}\n")).unwrap();
        Env {
            vault: dir.path().join("vault.age"),
            key: dir.path().join("key.txt"),
            pass,
            dir,
        }
    }

    /// A fresh vault with the tiny KDF and its recovery key file.
    pub fn init() -> Env {
        let env = Env::empty();
        let mut args = vec!["init", "--recovery-key-out"];
        let key = env.key.to_str().unwrap().to_owned();
        args.push(&key);
        args.extend(TINY_KDF);
        env.pass_cmd(&args, None).ok();
        env
    }

    /// `--vault <vault>` followed by `args`.
    pub fn vault_args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut v = vec!["--vault", self.vault.to_str().unwrap()];
        v.extend_from_slice(args);
        v
    }

    /// Builds a passphrase run (`--passphrase-fd 3`).
    pub fn pass_command(&self, args: &[&str]) -> Command {
        let mut a = self.vault_args(args);
        a.extend(["--passphrase-fd", "3"]);
        with_fd3(&self.pass, &a)
    }

    /// Runs with the passphrase.
    #[track_caller]
    pub fn pass_cmd(&self, args: &[&str], input: Option<&[u8]>) -> Out {
        run(self.pass_command(args), input, LIMIT)
    }

    /// Runs with a different passphrase file.
    #[track_caller]
    pub fn passfile_cmd(&self, passfile: &Path, args: &[&str], input: Option<&[u8]>) -> Out {
        let mut a = self.vault_args(args);
        a.extend(["--passphrase-fd", "3"]);
        run(with_fd3(passfile, &a), input, LIMIT)
    }

    /// Builds an identity run (`--identity <key>`).
    pub fn key_command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(self.vault_args(args))
            .arg("--identity")
            .arg(&self.key);
        c
    }

    /// Runs with the recovery key.
    #[track_caller]
    pub fn key_cmd(&self, args: &[&str], input: Option<&[u8]>) -> Out {
        run(self.key_command(args), input, LIMIT)
    }

    /// Runs with no unlock option at all.
    #[track_caller]
    pub fn bare_cmd(&self, args: &[&str], input: Option<&[u8]>) -> Out {
        let mut c = Command::new(BIN);
        c.args(self.vault_args(args));
        run(c, input, LIMIT)
    }

    /// Adds a note with the passphrase.
    #[track_caller]
    pub fn add_note(&self, name: &str, text: &str) {
        self.pass_cmd(&["add", "note", name], Some(text.as_bytes()))
            .ok();
    }

    /// Item names, via `list --json` opened by the recovery key.
    #[track_caller]
    pub fn names(&self) -> Vec<String> {
        let out = self.key_cmd(&["list", "--json"], None).ok();
        out.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_owned())
            .collect()
    }

    /// The recovery key text (`AGE-SECRET-KEY-1...`).
    pub fn recovery_key(&self) -> String {
        std::fs::read_to_string(&self.key)
            .unwrap()
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
            .unwrap()
            .to_owned()
    }

    /// Bytes and modification time of the vault.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(&self.vault)
    }

    /// Files in the vault's folder whose names start with `.vault.age.tmp.`.
    pub fn temp_files(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".vault.age.tmp."))
            .collect()
    }
}

/// A file's bytes and mtime, to prove it was not touched.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Contents (None: no file).
    pub bytes: Option<Vec<u8>>,
    /// Modification time.
    pub mtime: Option<std::time::SystemTime>,
    /// Inode (a save replaces it).
    pub ino: Option<u64>,
}

impl Snapshot {
    /// Takes one.
    pub fn of(path: &Path) -> Snapshot {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok();
        Snapshot {
            bytes: std::fs::read(path).ok(),
            mtime: meta.as_ref().and_then(|m| m.modified().ok()),
            ino: meta.map(|m| m.ino()),
        }
    }

    /// Asserts the file is exactly as it was.
    #[track_caller]
    pub fn assert_unchanged(&self, path: &Path, what: &str) {
        let now = Snapshot::of(path);
        assert!(
            now.bytes == self.bytes,
            "{what}: the vault bytes changed ({} -> {} bytes)",
            self.bytes.as_ref().map_or(0, Vec::len),
            now.bytes.as_ref().map_or(0, Vec::len)
        );
        assert_eq!(now.mtime, self.mtime, "{what}: the vault mtime changed");
        assert_eq!(now.ino, self.ino, "{what}: the vault was replaced");
    }
}
