//! A tmux session on its own server socket, for tests that drive the TUI in
//! a real terminal: type keys one by one or at once, paste with bracketed
//! paste, read the screen, find the process in the pane. The server is
//! killed when the value drops.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long a wait for the screen lasts before the test fails. A passing
/// test waits far less; the margin is for a machine busy with other test
/// binaries, where an unlock (Argon2id) and a redraw can take seconds.
pub const WAIT: Duration = Duration::from_secs(45);

/// One tmux server with one session named `main`.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a detached session of `cols` x `rows` running a clean bash.
    pub fn start(cols: u16, rows: u16) -> Tmux {
        // One server per session: a name never used before in this process.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let tmux = Tmux {
            socket: format!("lifeboat-test-{}-{n}", std::process::id()),
        };
        let (x, y) = (cols.to_string(), rows.to_string());
        let started = tmux.cmd(&[
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &x,
            "-y",
            &y,
            "bash --norc --noprofile",
        ]);
        assert!(started.status.success(), "{started:?}");
        tmux
    }

    /// Runs a tmux command on this server.
    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Sends key names (`Enter`, `C-c`, `r`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status.success());
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Types text literally in one write, as an auto-typing tool does.
    pub fn type_text(&self, text: &str) {
        assert!(self
            .cmd(&["send-keys", "-t", "main", "-l", text])
            .status
            .success());
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Types text one character per write, as a person does.
    pub fn type_slowly(&self, text: &str) {
        for c in text.chars() {
            let s = c.to_string();
            assert!(self
                .cmd(&["send-keys", "-t", "main", "-l", &s])
                .status
                .success());
            std::thread::sleep(Duration::from_millis(15));
        }
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Pastes text as a terminal paste: bracketed when the application
    /// asked for bracketed paste (`paste-buffer -p`).
    pub fn paste(&self, text: &str) {
        assert!(self
            .cmd(&["set-buffer", "-b", "lifeboat-test", "--", text])
            .status
            .success());
        assert!(self
            .cmd(&[
                "paste-buffer",
                "-p",
                "-d",
                "-b",
                "lifeboat-test",
                "-t",
                "main"
            ])
            .status
            .success());
        std::thread::sleep(Duration::from_millis(150));
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-t", "main", "-p"]).stdout)
            .into_owned()
    }

    /// The visible screen and the whole scrollback.
    pub fn history(&self) -> String {
        String::from_utf8_lossy(
            &self
                .cmd(&["capture-pane", "-t", "main", "-p", "-S", "-", "-E", "-"])
                .stdout,
        )
        .into_owned()
    }

    /// A tmux format for the pane (`#{pane_pid}`, `#{alternate_on}`).
    pub fn format(&self, fmt: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["display", "-p", "-t", "main", fmt]).stdout)
            .trim()
            .to_owned()
    }

    /// Waits up to [`WAIT`] for `needle` on the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |s| s.contains(needle))
    }

    /// Waits up to [`WAIT`] until the screen satisfies `pred`.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The pid of the pane's shell's only child (the program started from
    /// the shell), waiting up to 10 s for it to appear.
    pub fn child_pid(&self) -> u32 {
        let shell = self.format("#{pane_pid}");
        let path = format!("/proc/{shell}/task/{shell}/children");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let kids = std::fs::read_to_string(&path).unwrap_or_default();
            if let Some(pid) = kids.split_whitespace().next() {
                return pid.parse().expect("a pid");
            }
            assert!(Instant::now() < deadline, "no program started in the pane");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Only this test's own server, by its socket name.
        let _ = self.cmd(&["kill-server"]);
    }
}
