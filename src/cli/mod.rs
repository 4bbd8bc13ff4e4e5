//! The command-line front end: argument grammar ([`args`]), secret input
//! ([`input`]), strings ([`text`]) and the command functions
//! ([`commands`]); [`output`] writes without panicking. [`run`] dispatches a parsed command line; errors carry
//! the exit code of the CLI contract.

pub mod args;
pub mod commands;
pub mod config_cmd;
pub mod help;
pub mod import_cmd;
pub mod input;
pub mod merge_cmd;
pub mod output;
pub mod parse_error;
pub mod playbook_cmd;
pub mod purge_cmd;
pub mod recovery_cmd;
pub mod shell_cmd;
pub mod text;

use crate::vault::{ErrorClass, VaultError};

/// Exit codes of the command-line contract.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// Bad input or a refused operation.
    pub const INPUT: u8 = 1;
    /// Usage error.
    pub const USAGE: u8 = 2;
    /// Authentication failed.
    pub const AUTH: u8 = 3;
    /// Vault missing, unreadable or corrupted.
    pub const CORRUPT: u8 = 4;
    /// Vault locked by another process.
    pub const LOCKED: u8 = 5;
}

/// An error for the user: a message that says what happened and what to do
/// next, and the exit code.
#[derive(Debug)]
pub struct CliError {
    /// Exit code.
    pub code: u8,
    /// The message (never secret material).
    pub message: String,
}

impl CliError {
    /// Bad input or refused operation (exit 1).
    pub fn input(m: impl Into<String>) -> Self {
        Self {
            code: exit::INPUT,
            message: m.into(),
        }
    }
    /// Usage (exit 2).
    pub fn usage(m: impl Into<String>) -> Self {
        Self {
            code: exit::USAGE,
            message: m.into(),
        }
    }
    /// Authentication (exit 3).
    pub fn auth(m: impl Into<String>) -> Self {
        Self {
            code: exit::AUTH,
            message: m.into(),
        }
    }
    /// The reader of stdout went away (`| head`): end quietly, exit 0.
    pub fn closed_pipe() -> Self {
        Self {
            code: exit::OK,
            message: String::new(),
        }
    }
    /// True for [`CliError::closed_pipe`]: nothing to report.
    pub fn is_quiet(&self) -> bool {
        self.message.is_empty()
    }
    /// Vault missing or damaged (exit 4).
    pub fn corrupt(m: impl Into<String>) -> Self {
        Self {
            code: exit::CORRUPT,
            message: m.into(),
        }
    }
}

impl From<VaultError> for CliError {
    fn from(e: VaultError) -> Self {
        let code = match e.class() {
            ErrorClass::Input => exit::INPUT,
            ErrorClass::Auth => exit::AUTH,
            ErrorClass::Corrupt => exit::CORRUPT,
            ErrorClass::Locked => exit::LOCKED,
        };
        CliError {
            code,
            message: e.to_string(),
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Hardens the process: no core dumps, not dumpable (no ptrace by other
/// users' processes, no /proc/PID/mem reads), so secrets in memory do not
/// end up on disk or in another process.
pub fn harden_process() {
    let _ = rustix::process::setrlimit(
        rustix::process::Resource::Core,
        rustix::process::Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    );
    // Before the process becomes non-dumpable: after that its /proc files
    // belong to root and it can no longer write its own coredump_filter.
    crate::secure_mem::exclude_from_core_dumps();
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// The UI language for this command line (`argv` as the process got it):
/// `--lang` if it names a language (a bad value is left for the parser to
/// refuse), then the environment, the config file and the locale
/// ([`crate::i18n::choose`]). Decided before parsing, so help and parse
/// errors come out in it.
pub fn choose_lang(argv: &[std::ffi::OsString]) -> crate::lang::Lang {
    let mut flag = None;
    let mut it = argv.iter().skip(1);
    while let Some(a) = it.next() {
        let Some(a) = a.to_str() else { continue };
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            it.next().and_then(|v| v.to_str())
        } else {
            a.strip_prefix("--lang=")
        };
        if let Some(l) = value.and_then(crate::lang::Lang::from_tag) {
            flag = Some(l);
        }
    }
    let config = crate::config::Config::load().ok();
    crate::i18n::choose(
        flag,
        |k| std::env::var(k).ok(),
        config.as_ref().and_then(|c| c.language.as_deref()),
    )
}

/// Runs a parsed command line.
pub fn run(cli: args::Cli) -> Result<(), CliError> {
    commands::dispatch(cli)
}
