//! Where secrets come from on the command line: the terminal without echo,
//! a numbered file descriptor, or stdin. Never argv, never the environment.
//! Also the passphrase policy for new passphrases.

use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::Mutex;

use zeroize::Zeroizing;

use super::text;
use super::CliError;
use crate::secret::SecretString;
use crate::vault::{NamedIdentity, Unlock};

/// Lines already read from each descriptor: a descriptor is read to its end
/// once, and successive requests take successive lines (so `passwd` can take
/// the old and the new passphrase from one descriptor).
static FD_LINES: Mutex<Option<HashMap<u32, Vec<SecretString>>>> = Mutex::new(None);

/// Reads the next line from descriptor `fd`, newline stripped.
pub fn read_fd_line(fd: u32) -> Result<SecretString, CliError> {
    let mut guard = FD_LINES.lock().unwrap_or_else(|p| p.into_inner());
    let map = guard.get_or_insert_with(HashMap::new);
    if let std::collections::hash_map::Entry::Vacant(e) = map.entry(fd) {
        // /proc/self/fd gives safe access to an inherited descriptor.
        let path = format!("/proc/self/fd/{fd}");
        let mut f = std::fs::File::open(&path).map_err(|e| {
            CliError::usage(crate::tr!(
                "cli-fd-unreadable",
                fd = fd,
                error = e.to_string()
            ))
        })?;
        let mut all = Zeroizing::new(String::new());
        f.read_to_string(&mut all).map_err(|e| {
            CliError::input(crate::tr!(
                "cli-fd-read-failed",
                fd = fd,
                error = e.to_string()
            ))
        })?;
        let lines: Vec<SecretString> = all
            .split('\n')
            .map(|l| SecretString::from(l.strip_suffix('\r').unwrap_or(l)))
            .collect();
        // Reverse so `pop` yields lines in order.
        e.insert(lines.into_iter().rev().collect());
    }
    let lines = map.get_mut(&fd).expect("inserted above");
    match lines.pop() {
        Some(l) if !l.is_empty() => Ok(l),
        _ => Err(CliError::input(crate::tr!("cli-fd-empty", fd = fd))),
    }
}

/// True when a terminal is available for prompts.
pub fn have_tty() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

/// Prompts on the terminal without echo.
pub fn prompt_hidden(prompt: &str) -> Result<SecretString, CliError> {
    if !have_tty() {
        return Err(CliError::usage(text::NO_TTY));
    }
    rpassword::prompt_password(prompt)
        .map(SecretString::new)
        .map_err(|e| CliError::input(crate::tr!("cli-tty-read-failed", error = e.to_string())))
}

/// Asks a yes/no question on the terminal; only "y" or "yes" is yes.
pub fn confirm(question: &str) -> Result<bool, CliError> {
    use std::io::{BufRead, Write};
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| CliError::usage(text::NO_TTY_CONFIRM))?;
    let mut w = &tty;
    write!(w, "{question} [y/N] ")
        .and_then(|()| w.flush())
        .map_err(|e| CliError::input(crate::tr!("cli-tty-ask-failed", error = e.to_string())))?;
    let mut answer = String::new();
    std::io::BufReader::new(&tty)
        .read_line(&mut answer)
        .map_err(|e| CliError::input(crate::tr!("cli-tty-read-failed", error = e.to_string())))?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// Builds the unlock path from the global options: identity files, else the
/// passphrase from a descriptor, else from the terminal. Fails at once when
/// none is possible.
pub fn unlock_from(
    identities: &[std::path::PathBuf],
    passphrase_fd: Option<u32>,
) -> Result<Unlock, CliError> {
    if !identities.is_empty() {
        let mut ids = Vec::new();
        for p in identities {
            ids.extend(load_identity_file(p)?);
        }
        return Ok(Unlock::Identities(ids));
    }
    if let Some(fd) = passphrase_fd {
        return Ok(Unlock::Passphrase(read_fd_line(fd)?));
    }
    if !have_tty() {
        return Err(CliError::usage(text::NO_TTY));
    }
    Ok(Unlock::Passphrase(prompt_hidden(
        &text::PROMPT_PASSPHRASE.text(),
    )?))
}

/// Reads an identity file (`AGE-SECRET-KEY-1...` lines).
pub fn load_identity_file(path: &Path) -> Result<Vec<NamedIdentity>, CliError> {
    use crate::vault::crypto::IdentityFileError;
    crate::vault::crypto::load_identity_file(path).map_err(|e| match e {
        IdentityFileError::Read { .. } => CliError::input(e.to_string()),
        _ => CliError::auth(e.to_string()),
    })
}

/// Reads a secret from stdin when it is not a terminal, else prompts.
pub fn secret_from_stdin_or_prompt(prompt: &str) -> Result<SecretString, CliError> {
    if std::io::stdin().is_terminal() {
        return prompt_hidden(prompt);
    }
    let mut s = Zeroizing::new(String::new());
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| CliError::input(crate::tr!("cli-stdin-failed", error = e.to_string())))?;
    Ok(SecretString::from(s.as_str()))
}

/// Checks a new passphrase against the policy: at least 12 characters and a
/// zxcvbn score of 3 or more.
pub fn check_policy(p: &SecretString) -> Result<(), CliError> {
    match policy_problem(p) {
        None => Ok(()),
        Some(problem) => Err(CliError::input(format!("{problem} {}", text::POLICY_HINT))),
    }
}

/// What is wrong with a new passphrase, if anything.
pub fn policy_problem(p: &SecretString) -> Option<String> {
    crate::vault::policy::passphrase_problem(p).map(|e| e.to_string())
}

/// Asks a new passphrase twice on the terminal, checking it.
fn ask_new_passphrase(allow_weak: bool) -> Result<SecretString, CliError> {
    let a = prompt_hidden(&text::PROMPT_NEW_PASSPHRASE.text())?;
    if !allow_weak {
        check_policy(&a)?;
    }
    let b = prompt_hidden(&text::PROMPT_REPEAT_PASSPHRASE.text())?;
    if a != b {
        return Err(CliError::input(text::PASSPHRASE_MISMATCH));
    }
    Ok(a)
}

/// Reads a new passphrase: from `fd` once, or from the terminal (twice,
/// asked again when refused).
pub fn new_passphrase(fd: Option<u32>, allow_weak: bool) -> Result<SecretString, CliError> {
    let p = match fd {
        Some(fd) => read_fd_line(fd)?,
        None => {
            if !have_tty() {
                return Err(CliError::usage(text::NO_TTY_NEW));
            }
            // On a terminal a refused choice is asked again (three tries in
            // all) rather than ending the command; a descriptor fails once.
            const TRIES: usize = 3;
            let mut tried = 1;
            loop {
                let refused = match ask_new_passphrase(allow_weak) {
                    Ok(p) => break p,
                    Err(e) => e,
                };
                if tried == TRIES {
                    return Err(refused);
                }
                crate::noteln!(
                    "{}",
                    text::new_passphrase_again(&refused.message, TRIES - tried)
                );
                tried += 1;
            }
        }
    };
    if !allow_weak {
        check_policy(&p)?;
    }
    Ok(p)
}
