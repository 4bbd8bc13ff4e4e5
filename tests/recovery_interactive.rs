//! `recover` typed on a real terminal (tmux): shares entered word by word
//! with 4-letter completion, a typo answered with a suggestion, a share from
//! another set refused and entered again, a whole share pasted on one line.

mod common;
mod recovery_support;

use std::time::{Duration, Instant};

use common::tmux::Tmux;
use recovery_support::{code, stdout, TestVault};

/// Types `keys` literally and presses Enter, as a person entering one
/// word (or one pasted share) does.
fn send(t: &Tmux, keys: &str) {
    assert!(t
        .cmd(&["send-keys", "-t", "main", "-l", keys])
        .status
        .success());
    assert!(t
        .cmd(&["send-keys", "-t", "main", "Enter"])
        .status
        .success());
    std::thread::sleep(Duration::from_millis(60));
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
    let script = format!(
        "cd '{}' && LIFEBOAT_VAULT=vault.age '{}' recover --new-passphrase-fd 4 4<newpw --allow-weak-passphrase; echo EXIT=$? > done.txt",
        tv.path().display(),
        recovery_support::bin()
    );
    let t = Tmux::start(200, 50);
    t.type_text(&script);
    t.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    for (n, w) in ours[0].split(' ').enumerate() {
        if n == 2 {
            send(&t, &format!("{w}zz"));
        }
        send(&t, &w[..w.len().min(4)]);
    }
    // A share of another set: refused, asked again.
    send(&t, &theirs[1]);
    send(&t, &ours[2]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !tv.join("done.txt").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = t.history();
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
