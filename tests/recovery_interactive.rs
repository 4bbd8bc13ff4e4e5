//! `recover` typed on a real terminal (tmux): shares entered word by word
//! with 4-letter completion, a typo answered with a suggestion, a share from
//! another set refused and entered again, a whole share pasted on one line.

mod common;
mod recovery_support;

use std::process::Command;
use std::time::{Duration, Instant};

use recovery_support::{code, stdout, TestVault};

struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }
    fn send(&self, keys: &str) {
        let ok = self
            .cmd()
            .args(["send-keys", "-t", &self.session, "-l", keys])
            .status()
            .unwrap()
            .success();
        assert!(ok);
        self.cmd()
            .args(["send-keys", "-t", &self.session, "Enter"])
            .status()
            .unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
    fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-S", "-200", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Only this test's own server (its private socket).
        let _ = self.cmd().arg("kill-server").status();
    }
}

#[test]
fn shares_typed_word_by_word_on_a_terminal() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    let tv = TestVault::fast();
    let ours: Vec<String> = stdout(&tv.ok("split --threshold 2 --shares 3"))
        .lines()
        .map(str::to_owned)
        .collect();
    let theirs: Vec<String> = stdout(&tv.ok("split --threshold 2 --shares 3"))
        .lines()
        .map(str::to_owned)
        .collect();
    std::fs::write(tv.join("newpw"), "typed recovery passphrase ok\n").unwrap();
    let t = Tmux {
        socket: format!("lifeboat-test-{}", std::process::id()),
        session: "recover".into(),
    };
    let script = format!(
        "cd '{}' && LIFEBOAT_VAULT=vault.age '{}' recover --new-passphrase-fd 4 4<newpw --allow-weak-passphrase; echo EXIT=$? > done.txt; sleep 20",
        tv.path().display(),
        recovery_support::bin()
    );
    let ok = t
        .cmd()
        .args([
            "new-session",
            "-d",
            "-s",
            &t.session,
            "-x",
            "200",
            "-y",
            "50",
            &script,
        ])
        .status()
        .unwrap()
        .success();
    assert!(ok, "tmux did not start");
    std::thread::sleep(Duration::from_millis(300));
    for (n, w) in ours[0].split(' ').enumerate() {
        if n == 2 {
            t.send(&format!("{w}zz"));
        }
        t.send(&w[..w.len().min(4)]);
    }
    // A share of another set: refused, asked again.
    t.send(&theirs[1]);
    t.send(&ours[2]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !tv.join("done.txt").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = t.screen();
    let done = std::fs::read_to_string(tv.join("done.txt")).unwrap_or_default();
    assert_eq!(done.trim(), "EXIT=0", "{screen}");
    let third = ours[0].split(' ').nth(2).unwrap();
    assert!(
        screen.contains(&format!(
            "\"{third}zz\" is not a SLIP-39 word; did you mean {third}"
        )),
        "{screen}"
    );
    assert!(screen.contains("share 1 accepted"), "{screen}");
    assert!(screen.contains("different backup"), "{screen}");
    assert!(screen.contains("Passphrase reset"), "{screen}");
    std::fs::write(tv.join("try"), "typed recovery passphrase ok\n").unwrap();
    assert_eq!(code(&tv.sh("$LB list --passphrase-fd 3 3<try")), 0);
}
