//! The terminal user interface: a synchronous Elm-style loop.
//!
//! - [`app`]: the model ([`app::App`]), [`app::Message`], [`app::Effect`]
//!   and the pure [`app::update`];
//! - [`keys`]: the pure key map ([`keys::map_key`]);
//! - [`screens`]: one module per screen (unlock, create, recover, items,
//!   detail, form, playbook list, runner, help), each with its state, its
//!   pure `update` and its view;
//! - [`common`]: pieces several screens share;
//! - [`view`]: the frame (header, status, footer) around the screen;
//! - [`text`]: every user-facing string;
//! - [`theme`]: styles, `NO_COLOR` aware;
//! - [`runtime`]: the terminal, the event loop and the effects (threads for
//!   Argon2id and SLIP-39, saving, clipboard, reports);
//! - [`tool_work`]: the file work of the Tools tab (backup, drill, kit,
//!   doctor);
//! - [`input`]: reading and decoding the terminal's bytes (keys, pastes,
//!   mouse), the terminal closing, and signals; every byte wiped;
//! - [`output`]: the wiping writer under ratatui and wiping rendered frames;
//! - [`clipboard`]: external clipboard helpers, secret through stdin;
//! - [`demo`]: the throwaway vault of `lifeboat demo`.
//!
//! [`run`] and [`run_demo`] are the entry points the command line calls.

pub mod app;
pub mod clipboard;
pub mod common;
pub mod demo;
pub mod input;
pub mod keys;
pub mod output;
pub mod runtime;
pub mod screens;
pub mod text;
pub mod theme;
pub mod tool_work;
pub mod view;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use crate::item::now_utc;
use crate::secret::SecretString;

pub use app::{update, App, Effect, Message};
pub use keys::map_key;

/// Why the TUI could not run (or ended badly). The front end that started
/// it decides the exit code.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TuiError {
    /// The terminal could not be set up, read or drawn on.
    #[error("{}", crate::tr!("tui-terminal-error", error = _0.to_string()))]
    Terminal(#[source] std::io::Error),
    /// The demo's temporary folder could not be made.
    #[error("{}", crate::tr!("tui-temp-folder-error", error = _0.to_string()))]
    TempDir(#[source] std::io::Error),
    /// The vault refused (demo vault creation).
    #[error(transparent)]
    Vault(#[from] crate::vault::VaultError),
    /// The terminal went away (end of file, `EIO`, a failed write); the
    /// vault was locked first.
    #[error("{}", text::TERMINAL_CLOSED)]
    TerminalClosed,
    /// SIGTERM, SIGHUP or SIGINT (the number) ended the TUI; the vault was
    /// locked and the terminal restored first.
    #[error("{}", text::stopped_by_signal(signal_name(*.0)))]
    Signal(i32),
}

/// The name of a signal that ends the TUI.
fn signal_name(n: i32) -> &'static str {
    match n {
        1 => "SIGHUP",
        2 => "SIGINT",
        _ => "SIGTERM",
    }
}

/// What the command line hands the TUI.
#[derive(Debug, Default)]
pub struct Options {
    /// The vault file.
    pub vault_path: PathBuf,
    /// `--identity` files: unlock with them at start.
    pub identity_files: Vec<PathBuf>,
    /// A passphrase read from `--passphrase-fd`: unlock with it at start.
    pub passphrase: Option<SecretString>,
}

/// The TUI's settings from the config file; a file that cannot be read
/// leaves the defaults (the command line reports its problems).
pub fn config_settings() -> app::ConfigSettings {
    use crate::config::{Config, Source};
    let Ok(c) = Config::load() else {
        return app::ConfigSettings::default();
    };
    let set =
        |(d, src): (std::time::Duration, Source)| (src != Source::Default).then_some(d.as_secs());
    app::ConfigSettings {
        auto_lock_secs: set(c.auto_lock()),
        clipboard_clear_secs: set(c.clipboard_clear()),
        backup_dir: c.get("backup_dir"),
    }
}

/// Opens the TUI on the vault (or offers to create one).
pub fn run(opts: Options) -> Result<(), TuiError> {
    let now = now_utc();
    let exists = opts.vault_path.exists();
    let (playbooks, problem) = runtime::load_playbooks();
    let mut app = App::new(
        opts.vault_path.clone(),
        exists,
        playbooks,
        theme::Theme::from_env(),
        now,
    );
    app.has_identities = !opts.identity_files.is_empty();
    app.check_folder();
    app.local_offset = crate::config::local_offset();
    app.config = config_settings();
    let mut initial = Vec::new();
    if exists {
        if app.has_identities {
            initial.push(Effect::UnlockWithIdentityFiles);
        } else if let Some(p) = opts.passphrase {
            initial.push(Effect::UnlockWithPassphrase(p));
        }
        if let (false, app::Screen::Unlock(u)) = (initial.is_empty(), &mut app.screen) {
            u.working = true;
        }
    }
    if let Some(p) = problem {
        app.status = Some(app::Status {
            text: p,
            error: true,
            at: now,
        });
    }
    let rt = runtime::Runtime {
        vault_path: opts.vault_path,
        identity_files: opts.identity_files,
        kdf: None,
    };
    runtime::run_app(app, rt, initial)
}

/// `lifeboat demo`: the TUI on a throwaway vault with fake items.
pub fn run_demo() -> Result<(), TuiError> {
    let now = now_utc();
    let dir = demo::DemoDir::create().map_err(TuiError::TempDir)?;
    let (playbooks, _) = runtime::load_playbooks();
    let (vault, pass) = demo::create(dir.path(), &playbooks, now)?;
    let path = vault.path().to_path_buf();
    let mut app = App::new(path.clone(), true, playbooks, theme::Theme::from_env(), now);
    app.demo_passphrase = Some(pass);
    app.enter_session(vault);
    app.status = Some(app::Status {
        text: text::DEMO_WELCOME.into(),
        error: false,
        at: now,
    });
    let rt = runtime::Runtime {
        vault_path: path,
        identity_files: Vec::new(),
        kdf: None,
    };
    let r = runtime::run_app(app, rt, Vec::new());
    drop(dir);
    r
}
