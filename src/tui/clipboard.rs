//! The system clipboard through an external helper: `wl-copy` on Wayland,
//! `xclip` or `xsel` on X11. The secret goes through the helper's stdin,
//! never its arguments (argv is visible to every user in `ps`). There is no
//! terminal escape (OSC 52) fallback: over ssh it would send the secret to
//! whatever terminal is at the other end. Without a helper, copying says so.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::secret::SecretString;

/// A clipboard helper program and how to call it.
#[derive(Debug, Clone, Copy)]
struct Helper {
    name: &'static str,
    copy: &'static [&'static str],
    clear: &'static [&'static str],
    /// Clearing means copying an empty string.
    clear_by_empty_copy: bool,
}

const WL_COPY: Helper = Helper {
    name: "wl-copy",
    copy: &[],
    clear: &["--clear"],
    clear_by_empty_copy: false,
};
const XCLIP: Helper = Helper {
    name: "xclip",
    copy: &["-selection", "clipboard", "-in"],
    clear: &["-selection", "clipboard", "-in"],
    clear_by_empty_copy: true,
};
const XSEL: Helper = Helper {
    name: "xsel",
    copy: &["--clipboard", "--input"],
    clear: &["--clipboard", "--delete"],
    clear_by_empty_copy: false,
};

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

fn env_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

/// The helper for this session, if one is installed and has a display.
fn helper() -> Option<(Helper, PathBuf)> {
    let mut candidates = Vec::new();
    if env_set("WAYLAND_DISPLAY") {
        candidates.push(WL_COPY);
    }
    if env_set("DISPLAY") {
        candidates.extend([XCLIP, XSEL]);
    }
    candidates
        .into_iter()
        .find_map(|h| on_path(h.name).map(|p| (h, p)))
}

fn run(path: &PathBuf, args: &[&str], input: &[u8]) -> std::io::Result<()> {
    let mut child = Command::new(path)
        .args(args)
        // Its own process group: the hang-up or interrupt that ends the TUI
        // must not kill the helper that is clearing the clipboard.
        .process_group(0)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input)?;
    }
    let status = child.wait()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other(crate::tr!(
            "tui-clipboard-exit",
            // The exit code, or how it ended when a signal stopped it.
            status = status
                .code()
                .map_or_else(|| status.to_string(), |c| c.to_string())
        )))
    }
}

/// Copies `secret`; returns the helper's name, or a message for the status
/// line when there is no helper or it failed.
pub fn copy(secret: &SecretString) -> Result<&'static str, String> {
    let Some((h, path)) = helper() else {
        return Err(super::text::NO_CLIPBOARD.text());
    };
    run(&path, h.copy, secret.expose().as_bytes())
        .map(|()| h.name)
        .map_err(|e| {
            crate::tr!(
                "tui-clipboard-failed",
                tool = h.name,
                error = crate::i18n::io_reason(&e)
            )
        })
}

/// Clears the clipboard (best effort).
pub fn clear() {
    let Some((h, path)) = helper() else {
        return;
    };
    // When the terminal closes, the hang-up sent to our process group can
    // reach the helper in the instant between its fork and its move into
    // a group of its own, and kill it before it clears anything. The
    // signal is a single burst, so another attempt gets through.
    for _ in 0..CLEAR_ATTEMPTS {
        let cleared = if h.clear_by_empty_copy {
            run(&path, h.clear, b"").is_ok()
        } else {
            Command::new(&path)
                .args(h.clear)
                .process_group(0)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if cleared {
            return;
        }
    }
}

/// How many times [`clear`] starts the helper before giving up.
const CLEAR_ATTEMPTS: usize = 3;
