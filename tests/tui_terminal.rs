//! The TUI and its terminal when something ends it from outside, driven in
//! tmux on `lifeboat demo`:
//! - SIGTERM, SIGHUP and SIGINT: the terminal is handed back as it was
//!   (main screen, cursor shown, mouse reporting and bracketed paste off,
//!   nothing of the vault on screen or in scrollback), the exit status is
//!   128 + the signal, the copied seed is cleared from the clipboard, and
//!   the demo's temporary folder is removed;
//! - the terminal going away (tmux session killed): the process exits
//!   within seconds, clipboard cleared and folder removed, both when the
//!   hang-up signal reaches it and when it does not (a process in another
//!   session only sees end of file or `EIO`, where it used to spin at full
//!   CPU).
//!
//! The clipboard is a stand-in `xclip` on `PATH` that keeps its input in a
//! file.
//!
//! tmux missing fails under `CI=true`.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_lifeboat");

/// Pids of lifeboat processes with an argument holding `needle` (the test's own
/// temporary folder, so nothing else matches).
fn pids_with(needle: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
            continue;
        };
        let cmd = String::from_utf8_lossy(&cmd).into_owned();
        let mut args = cmd.split('\0');
        if args.next() == Some(BIN) && args.any(|a| a.contains(needle)) {
            out.push(pid);
        }
    }
    out
}

fn alive(pid: u32) -> bool {
    // A zombie has exited; only a live process counts.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            s.rsplit(')')
                .next()
                .and_then(|r| r.split_whitespace().next())
                .is_some_and(|state| state != "Z" && state != "X")
        })
        .unwrap_or(false)
}

/// Waits up to `secs` for `pid` to end; kills it (it is this test's own
/// child's child) and fails if it does not.
fn assert_exits_within(pid: u32, secs: u64, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while alive(pid) {
        if Instant::now() > deadline {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("{what}: lifeboat (pid {pid}) still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Starts `lifeboat demo` in a fresh tmux (its temporary folder under
/// `dir`), reveals the demo seed and copies it to a stand-in clipboard (a
/// fake `xclip` that keeps what it is given in `dir/clipboard`); returns
/// the session and the pid. `prefix` goes before the binary (e.g.
/// `setsid -w`); `after` runs once it exits, in the same shell command.
fn start_demo(dir: &Path, prefix: &str, after: &str) -> (Tmux, u32) {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let xclip = bin.join("xclip");
    std::fs::write(&xclip, "#!/bin/sh\ncat > \"$CLIPBOARD_FILE\"\n").unwrap();
    std::fs::set_permissions(&xclip, std::fs::Permissions::from_mode(0o755)).unwrap();
    // 80x24: the smallest terminal the TUI promises to work in.
    let tmux = Tmux::start(80, 24);
    let d = dir.display();
    tmux.type_text(&format!(
        "cd '{d}' && HOME='{d}' XDG_CONFIG_HOME='{d}/config' TMPDIR='{d}/tmp' \
         PATH='{d}/bin':\"$PATH\" DISPLAY=:lifeboat-test WAYLAND_DISPLAY= CLIPBOARD_FILE='{d}/clipboard' \
         bash -c \"{prefix}'{BIN}' demo '--vault={d}/unused.age'; {after}\""
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Demo wallet");
    let pids = pids_with(&d.to_string());
    assert_eq!(pids.len(), 1, "one lifeboat running: {pids:?}");
    // Find the seed, open it, reveal and copy it: a secret on screen and
    // on the clipboard.
    tmux.keys(&["/"]);
    tmux.type_text("Demo wallet");
    tmux.wait_for("› SEED   Demo wallet");
    tmux.keys(&["Enter"]);
    tmux.wait_for("bip39, 12 words");
    tmux.keys(&["r"]);
    tmux.wait_for("12. about");
    tmux.keys(&["c"]);
    tmux.wait_for("Copied with xclip");
    assert!(
        clipboard(dir).contains("abandon"),
        "the copy reached the clipboard"
    );
    (tmux, pids[0])
}

fn clipboard(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("clipboard")).unwrap_or_default()
}

fn demo_dir(dir: &Path) -> std::path::PathBuf {
    let d = dir.join("tmp");
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_signal_locks_restores_the_terminal_and_exits() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    for (sig, n) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let dir = tempfile::tempdir().unwrap();
        let tmp = demo_dir(dir.path());
        // After lifeboat: print its status, then `cat -v` shows raw what a
        // paste sends (bracketed paste left on would wrap it in ESC[200~).
        let (tmux, pid) = start_demo(dir.path(), "", "echo status=\\$?; exec cat -v");
        assert_eq!(
            tmux.format("#{alternate_on}"),
            "1",
            "the TUI is on the alternate screen"
        );
        assert!(std::process::Command::new("kill")
            .args([&format!("-{sig}"), &pid.to_string()])
            .status()
            .unwrap()
            .success());
        assert_exits_within(pid, 5, &format!("SIG{sig}"));
        let s = tmux.wait_for("status=");
        assert!(
            s.contains(&format!("status={}", 128 + n)),
            "SIG{sig}: exit status 128+{n}:\n{s}"
        );
        assert!(
            s.contains(&format!("stopped by SIG{sig}")),
            "SIG{sig}: says why:\n{s}"
        );
        assert_eq!(tmux.format("#{alternate_on}"), "0", "SIG{sig}: main screen");
        assert_eq!(tmux.format("#{cursor_flag}"), "1", "SIG{sig}: cursor shown");
        assert_eq!(
            tmux.format(
                "#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}"
            ),
            "0000",
            "SIG{sig}: mouse reporting off"
        );
        tmux.paste("pasted-text");
        tmux.keys(&["Enter"]);
        let s = tmux.wait_for("pasted-text");
        assert!(
            !s.contains("^[[200~"),
            "SIG{sig}: bracketed paste left on:\n{s}"
        );
        let all = tmux.history();
        assert!(
            !all.contains("abandon") && !all.contains("Demo wallet"),
            "SIG{sig}: the vault left on screen or in scrollback:\n{all}"
        );
        assert!(
            std::fs::read_dir(&tmp).unwrap().next().is_none(),
            "SIG{sig}: the demo's temporary folder was removed"
        );
        assert_eq!(
            clipboard(dir.path()),
            "",
            "SIG{sig}: the clipboard was cleared"
        );
    }
}

#[test]
fn the_terminal_closing_ends_the_tui_promptly() {
    if common::oracle_tool("tmux").is_none() {
        return;
    }
    // With the hang-up signal (the usual case) and without it: in its own
    // session (setsid) the terminal is not its controlling terminal, so
    // only end of file or EIO tells it the terminal is gone.
    for prefix in ["", "setsid -w "] {
        if !prefix.is_empty() && common::oracle_tool("setsid").is_none() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let tmp = demo_dir(dir.path());
        let (tmux, pid) = start_demo(dir.path(), prefix, "true");
        assert!(tmux.cmd(&["kill-server"]).status.success());
        assert_exits_within(pid, 5, &format!("terminal closed ({prefix:?})"));
        assert!(
            std::fs::read_dir(&tmp).unwrap().next().is_none(),
            "{prefix:?}: the demo's temporary folder was removed"
        );
        assert_eq!(
            clipboard(dir.path()),
            "",
            "{prefix:?}: the clipboard was cleared"
        );
    }
}
