//! Writing the command's output without ever panicking.
//!
//! `println!` and `eprintln!` panic when a write fails (a full disk, a
//! closed pipe), so the command line writes through here instead:
//!
//! - [`out`] / the `outln!` macro write to stdout and return a
//!   [`CliError`]: exit 1 with a message for a failed write, or a quiet
//!   success for a closed pipe (`lifeboat list | head` is not an error,
//!   as with ripgrep);
//! - [`note`] / the `noteln!` macro write messages to stderr; a failure is
//!   remembered, and `main` reports it on stdout (the stream that still
//!   works) and exits 1 once the command is done.

use std::fmt;
use std::io::{self, Write};
use std::sync::Mutex;

use super::{text, CliError};

/// The first failed write to stderr, if any (a closed pipe is not one).
static STDERR_FAILURE: Mutex<Option<String>> = Mutex::new(None);

/// The error for a failed write of the command's output.
pub fn output_error(e: io::Error) -> CliError {
    if e.kind() == io::ErrorKind::BrokenPipe {
        CliError::closed_pipe()
    } else {
        CliError::input(text::output_failed(&e))
    }
}

/// Writes to stdout and flushes.
pub fn out(args: fmt::Arguments<'_>) -> Result<(), CliError> {
    let mut o = io::stdout().lock();
    o.write_fmt(args)
        .and_then(|()| o.flush())
        .map_err(output_error)
}

/// Writes bytes to stdout and flushes.
pub fn out_bytes(bytes: &[u8]) -> Result<(), CliError> {
    let mut o = io::stdout().lock();
    o.write_all(bytes)
        .and_then(|()| o.flush())
        .map_err(output_error)
}

/// Writes a message to stderr; a failure is remembered for `main`.
pub fn note(args: fmt::Arguments<'_>) {
    let mut e = io::stderr().lock();
    if let Err(err) = e.write_fmt(args).and_then(|()| e.flush()) {
        if err.kind() != io::ErrorKind::BrokenPipe {
            let mut failure = STDERR_FAILURE.lock().unwrap_or_else(|p| p.into_inner());
            failure.get_or_insert_with(|| text::messages_failed(&err));
        }
    }
}

/// The first failed write to stderr, as a message for stdout.
pub fn stderr_failure() -> Option<String> {
    STDERR_FAILURE
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

/// Reports an error the way `main` does: on stderr, else on stdout. Returns
/// false when neither stream took it.
pub fn report_error(message: &str) -> bool {
    let line = format!("lifeboat: {message}\n");
    let mut e = io::stderr().lock();
    if e.write_all(line.as_bytes())
        .and_then(|()| e.flush())
        .is_ok()
    {
        return true;
    }
    let mut o = io::stdout().lock();
    o.write_all(line.as_bytes())
        .and_then(|()| o.flush())
        .is_ok()
}

/// `outln!(...)`: a line on stdout, `?`-able.
#[macro_export]
#[doc(hidden)]
macro_rules! outln {
    () => {
        $crate::cli::output::out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `out!(...)`: text on stdout, `?`-able.
#[macro_export]
#[doc(hidden)]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::out(format_args!($($arg)*))
    };
}

/// `noteln!(...)`: a line on stderr that never panics.
#[macro_export]
#[doc(hidden)]
macro_rules! noteln {
    () => {
        $crate::cli::output::note(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::note(format_args!("{}\n", format_args!($($arg)*)))
    };
}
