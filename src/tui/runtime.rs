//! The impure shell around the pure core: the terminal, the event loop and
//! the effects.
//!
//! This module owns terminal setup and teardown (raw mode, alternate
//! screen, bracketed paste, mouse; a panic hook and a drop guard restore
//! and clear it on every exit path), the memory protections of a TUI
//! process ([`crate::secure_mem::protect`]), the event loop and tick clock,
//! what ends it from outside (the terminal closing, SIGTERM, SIGHUP,
//! SIGINT: lock, clear the clipboard, restore the terminal, exit), wiping
//! the rendered frames when the vault locks, and performing [`Effect`]s:
//! saving, the clipboard, writing reports, and the threads that run
//! Argon2id and SLIP-39 so the screen keeps moving.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;

use super::app::{update, App, Context, Effect, Message};
use super::clipboard;
use super::input::{Input, InputReader};
use super::keys::{map_key, map_mouse};
use super::output::{wipe_frames, Term, WipingWriter};
use super::TuiError;
use crate::item::now_utc;
use crate::secret::SecretString;
use crate::vault::crypto::{self, KdfParams};
use crate::vault::{Unlock, Vault, VaultError};

const TICK: Duration = Duration::from_millis(250);
/// How often the vault's folder is looked at for sync conflict copies.
const COPY_SCAN: Duration = Duration::from_secs(5);

/// How the runtime reaches the vault.
#[derive(Debug, Clone)]
pub struct Runtime {
    /// The vault file.
    pub vault_path: PathBuf,
    /// `--identity` files.
    pub identity_files: Vec<PathBuf>,
    /// KDF parameters for a vault created here (`None`: the calibrated
    /// default, as `init`).
    pub kdf: Option<KdfParams>,
}

fn restore_terminal() {
    let mut out = io::stdout();
    // Clear the alternate screen before leaving it, so no terminal keeps
    // a secret that was on it.
    let _ = execute!(
        out,
        Clear(ClearType::All),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped (normal exit, error return, unwind).
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
    });
}

fn enter_terminal() -> io::Result<(TerminalGuard, Term)> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = TerminalGuard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    let terminal = Terminal::new(CrosstermBackend::new(WipingWriter::stdout()?))?;
    Ok((guard, terminal))
}

fn io_err(e: io::Error) -> TuiError {
    TuiError::Terminal(e)
}

/// Runs the event loop until the user quits. `initial` effects run first
/// (e.g. unlocking with `--identity`).
pub fn run_app(mut app: App, rt: Runtime, initial: Vec<Effect>) -> Result<(), TuiError> {
    // Before any secret is typed: wipe what is freed, keep pages out of
    // swap and core dumps where allowed.
    let _ = crate::secure_mem::protect();
    let mut input = InputReader::open().map_err(io_err)?;
    let (guard, mut terminal) = enter_terminal().map_err(io_err)?;
    let (tx, rx) = mpsc::channel::<Message>();
    let result = event_loop(&mut app, &rt, &mut terminal, &mut input, &tx, &rx, initial);
    let result = match result {
        Ok(Ending::Quit) => Ok(()),
        Ok(ending) => {
            shut_down(&mut app, &rt, &tx);
            Err(ending.error())
        }
        Err(e) => {
            shut_down(&mut app, &rt, &tx);
            Err(e)
        }
    };
    // Drop every secret before the terminal is handed back.
    drop(app);
    let _ = wipe_frames(&mut terminal);
    drop(terminal);
    drop(guard);
    drop(input);
    result
}

/// Why the event loop ended.
enum Ending {
    /// The user quit.
    Quit,
    /// The terminal is gone (end of file, `EIO`, a failed write).
    Closed,
    /// A terminating signal arrived.
    Signal(i32),
}

impl Ending {
    fn error(&self) -> TuiError {
        match self {
            Ending::Quit | Ending::Closed => TuiError::TerminalClosed,
            Ending::Signal(n) => TuiError::Signal(*n),
        }
    }
}

/// Ends a session from outside the user's keys: lock (the session and its
/// secrets are dropped and wiped, a pending clipboard copy is cleared, and
/// whatever else locking does, such as saving, happens as usual).
fn shut_down(app: &mut App, rt: &Runtime, tx: &Sender<Message>) {
    for e in update(app, Message::Lock) {
        if !matches!(e, Effect::Quit) {
            let _ = perform(app, rt, tx, e);
        }
    }
}

fn event_loop(
    app: &mut App,
    rt: &Runtime,
    terminal: &mut Term,
    input: &mut InputReader,
    tx: &Sender<Message>,
    rx: &Receiver<Message>,
    initial: Vec<Effect>,
) -> Result<Ending, TuiError> {
    let mut queue: VecDeque<Message> = VecDeque::new();
    app.now = now_utc();
    app.last_input = app.now;
    for e in initial {
        match perform(app, rt, tx, e) {
            Flow::Quit => return Ok(Ending::Quit),
            Flow::Then(Some(m)) => queue.push_back(m),
            Flow::Then(None) => {}
        }
    }
    let mut last_tick = Instant::now();
    let mut last_scan: Option<Instant> = None;
    loop {
        let was_unlocked = app.session().is_some();
        while let Some(m) = queue.pop_front() {
            for e in update(app, m) {
                match perform(app, rt, tx, e) {
                    Flow::Quit => return Ok(Ending::Quit),
                    Flow::Then(Some(m)) => queue.push_back(m),
                    Flow::Then(None) => {}
                }
            }
        }
        if was_unlocked && app.session().is_none() {
            // Locked: what the last frames showed goes with the session.
            if wipe_frames(terminal).is_err() {
                return Ok(Ending::Closed);
            }
        }
        if terminal.draw(|f| f.render_widget(&*app, f.area())).is_err() {
            return Ok(Ending::Closed);
        }
        let mut timeout = TICK.saturating_sub(last_tick.elapsed());
        if app.context() == Context::Busy {
            timeout = timeout.min(Duration::from_millis(50));
        }
        match input.next(timeout) {
            Some(Input::Key(k)) => {
                if let Some(m) = map_key(app, k) {
                    queue.push_back(m);
                }
            }
            Some(Input::Paste(s)) => queue.push_back(Message::Paste(s)),
            Some(Input::Mouse(m)) => {
                if let Some(m) = map_mouse(app, m) {
                    queue.push_back(m);
                }
            }
            Some(Input::Resize) | None => {}
            Some(Input::Closed) => return Ok(Ending::Closed),
            Some(Input::Signal(n)) => return Ok(Ending::Signal(n)),
        }
        while let Ok(m) = rx.try_recv() {
            queue.push_back(m);
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            queue.push_back(Message::Tick(now_utc()));
        }
        // Sync conflict copies appear while the TUI is open too (a sync
        // tool runs beside it): look in the vault's folder on unlock and
        // every few seconds after.
        match app.session().map(|s| s.vault.path().to_path_buf()) {
            Some(path) if last_scan.is_none_or(|t| t.elapsed() >= COPY_SCAN) => {
                last_scan = Some(Instant::now());
                let found = crate::vault::store::conflict_copies(&path);
                if found != app.sync_copies {
                    queue.push_back(Message::CopiesFound(found));
                }
            }
            Some(_) => {}
            None => last_scan = None,
        }
    }
}

enum Flow {
    Quit,
    Then(Option<Message>),
}

fn spawn(tx: &Sender<Message>, f: impl FnOnce() -> Message + Send + 'static) {
    let tx = tx.clone();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
}

fn perform(app: &mut App, rt: &Runtime, tx: &Sender<Message>, e: Effect) -> Flow {
    let msg = match e {
        Effect::Quit => return Flow::Quit,
        Effect::Save => match &mut app.screen {
            super::app::Screen::Main(s) => Some(Message::Saved(s.vault.save())),
            _ => None,
        },
        Effect::UnlockWithPassphrase(p) => {
            let path = rt.vault_path.clone();
            spawn(tx, move || {
                Message::Unlocked(Vault::open(&path, &Unlock::Passphrase(p)).map(Box::new))
            });
            None
        }
        Effect::UnlockWithIdentityFiles => {
            let path = rt.vault_path.clone();
            let files = rt.identity_files.clone();
            spawn(tx, move || {
                Message::Unlocked(open_with_identity_files(&path, &files))
            });
            None
        }
        Effect::CreateVault(p) => {
            let path = rt.vault_path.clone();
            let kdf = rt.kdf;
            spawn(tx, move || {
                let r = create_vault(&path, &p, kdf);
                let positions = r
                    .as_ref()
                    .map(|v| challenge_positions(v.payload().keys.recovery_identity.len()))
                    .unwrap_or([16, 30]);
                Message::Created(r, positions)
            });
            None
        }
        Effect::Prove(material) => {
            let path = rt.vault_path.clone();
            spawn(tx, move || {
                Message::Proved(prove_session(&path, &material).map(Box::new))
            });
            None
        }
        Effect::OpenForRecovery(material) => {
            let path = rt.vault_path.clone();
            spawn(tx, move || {
                Message::RecoveryOpened(open_for_recovery(&path, &material))
            });
            None
        }
        Effect::SetPassphrase {
            mut vault,
            passphrase,
        } => {
            spawn(tx, move || {
                // Never below the KDF floor: a weak setting is raised.
                let params =
                    crate::vault::rekey::params_for_new(vault.payload().keys.passphrase.params);
                let r = vault
                    .set_passphrase(&passphrase, params)
                    .and_then(|()| vault.save());
                Message::PassphraseSet(vault, r)
            });
            None
        }
        Effect::Copy(secret) => Some(Message::Copied(clipboard::copy(&secret))),
        Effect::ClearClipboard => {
            clipboard::clear();
            Some(Message::ClipboardCleared)
        }
        Effect::Backup { dir } => tool(app, |v| super::tool_work::make_backup(v, &dir)),
        Effect::Drill { dir } => tool(app, |v| super::tool_work::drill(v, &dir)),
        Effect::WriteKit { dir } => tool(app, |v| super::tool_work::write_kit(v, &dir)),
        Effect::Doctor => tool(app, |v| Ok(super::tool_work::check_up(v))),
        Effect::Split { dir, plan } => tool(app, |v| super::tool_work::split(v, &dir, &plan)),
        Effect::Rekey { old, current, new } => {
            spawn(tx, move || {
                Message::Rekeyed(crate::vault::rekey::new_key(&old, &current, &new).map(Box::new))
            });
            None
        }
        Effect::InstallPassphraseKey(key) => {
            tool(app, |v| super::tool_work::install_passphrase(v, *key))
        }
        Effect::Purge { ids } => tool(app, |v| super::tool_work::purge(v, &ids)),
        Effect::PreviewCopies => match &app.screen {
            super::app::Screen::Main(s) => Some(Message::CopiesPreviewed(
                super::tool_work::preview_copies(&s.vault),
            )),
            _ => None,
        },
        Effect::MergeCopy(path) => {
            let config_dir = app.config.backup_dir.clone().map(PathBuf::from);
            match &mut app.screen {
                super::app::Screen::Main(s) => Some(Message::CopyMerged(
                    super::tool_work::merge_copy(&mut s.vault, &path, config_dir.as_deref()),
                )),
                _ => None,
            }
        }
        Effect::WriteReport { file_name, text } => {
            Some(Message::ReportWritten(write_report(&file_name, &text)))
        }
    };
    Flow::Then(msg)
}

fn open_with_identity_files(path: &Path, files: &[PathBuf]) -> Result<Box<Vault>, VaultError> {
    let mut ids = Vec::new();
    for f in files {
        ids.extend(crypto::load_identity_file(f).map_err(|e| VaultError::Invalid(e.to_string()))?);
    }
    Vault::open(path, &Unlock::Identities(ids))
        .map(Box::new)
        .map_err(|e| match e {
            VaultError::Auth(_) => VaultError::Invalid(super::text::IDENTITY_NOT_THIS_VAULT.text()),
            other => other,
        })
}

fn create_vault(
    path: &Path,
    passphrase: &SecretString,
    kdf: Option<KdfParams>,
) -> Result<Box<Vault>, VaultError> {
    let params = match kdf {
        Some(p) => p,
        None => KdfParams {
            t: crypto::calibrate_passes(KdfParams::DEFAULT.m_kib, KdfParams::DEFAULT.p)
                .map_err(|e| VaultError::Invalid(e.to_string()))?,
            ..KdfParams::DEFAULT
        },
    };
    let mut v = Vault::create(path, passphrase, params)?;
    // The TUI keeps the vault open for long; saves take the lock themselves.
    v.release_lock();
    Ok(Box::new(v))
}

/// Two non-overlapping character pairs inside the random part of a
/// recovery key (after `AGE-SECRET-KEY-1`).
fn challenge_positions(len: usize) -> [usize; 2] {
    use rand::Rng;
    let start = 16;
    let last = len.saturating_sub(2).max(start + 4);
    let mut rng = rand::rngs::OsRng;
    let a = rng.gen_range(start..=last);
    loop {
        let b = rng.gen_range(start..=last);
        if b.abs_diff(a) >= 2 {
            return if a < b { [a, b] } else { [b, a] };
        }
    }
}

/// Opens the vault with a pasted recovery key or SLIP-39 shares.
/// Runs a tool of the Tools tab on the open vault.
fn tool(
    app: &mut App,
    f: impl FnOnce(&mut Vault) -> Result<super::app::ToolDone, String>,
) -> Option<Message> {
    match &mut app.screen {
        super::app::Screen::Main(s) => Some(Message::ToolDone(f(&mut s.vault))),
        _ => None,
    }
}

fn open_for_recovery(path: &Path, material: &SecretString) -> Result<Box<Vault>, String> {
    let body = material.expose().trim();
    let ids = if body.to_ascii_uppercase().contains("AGE-SECRET-KEY-1") {
        crypto::parse_identity_file(body).map_err(|e| e.to_string())?
    } else {
        let shares: Vec<&str> = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let secret = crate::item::slip39::combine(&shares, b"").map_err(|e| e.to_string())?;
        vec![crypto::identity_from_bytes(secret.expose()).map_err(|e| e.to_string())?]
    };
    // The same rule as `lifeboat recover`: only the recovery key the vault
    // holds may set a new passphrase.
    let mut v = Vault::open_for_recovery(path, &Unlock::Identities(ids)).map_err(|e| match e {
        VaultError::Auth(_) => super::text::RECOVERY_NOT_THIS_VAULT.text(),
        other => other.to_string(),
    })?;
    v.release_lock();
    Ok(Box::new(v))
}

/// Checks a typed passphrase or a pasted recovery key against the vault
/// file, for a read-only session to accept (see [`Vault::prove_file`]).
pub(crate) fn prove_session(
    path: &Path,
    material: &SecretString,
) -> Result<crate::vault::store::Proof, VaultError> {
    let body = material.expose().trim();
    // Compared in place: an uppercased copy of the key would be a secret
    // left in freed memory.
    let unlock = if body
        .get(..16)
        .is_some_and(|p| p.eq_ignore_ascii_case("AGE-SECRET-KEY-1"))
    {
        Unlock::Identities(
            crypto::parse_identity_file(body).map_err(|e| VaultError::Auth(e.to_string()))?,
        )
    } else {
        // The passphrase as typed: no trimming (spaces may belong to it).
        Unlock::Passphrase(material.clone())
    };
    Vault::prove_file(path, &unlock)
}

fn write_report(file_name: &str, report: &str) -> Result<PathBuf, String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let dir = std::env::current_dir().map_err(|e| e.to_string())?;
    let path = dir.join(file_name);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| super::text::cannot_create(&path.display().to_string(), &e.to_string()))?;
    f.write_all(report.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| super::text::write_failed(&path.display().to_string(), &e.to_string()))?;
    Ok(path)
}

/// Loads the built-in playbooks in the UI language and the user's; a
/// broken user file is reported on the status line and the built-ins are
/// used.
pub fn load_playbooks() -> (Vec<crate::playbook::Playbook>, Option<String>) {
    let dir = crate::vault::store::config_dir().map(|d| d.join("playbooks"));
    let lang = crate::i18n::lang();
    match crate::playbook::all_playbooks_in(dir.as_deref(), lang) {
        Ok(p) => (p, None),
        Err(e) => (crate::playbook::builtin::all(lang), Some(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault(dir: &Path) -> (PathBuf, SecretString) {
        let path = dir.join("vault.age");
        let v = Vault::create(
            &path,
            &SecretString::from("a long test passphrase"),
            KdfParams {
                m_kib: 8 * 1024,
                t: 1,
                p: 1,
            },
        )
        .unwrap();
        (path, v.payload().keys.recovery_identity.clone())
    }

    #[test]
    fn recovery_opens_with_the_key_or_with_slip39_shares() {
        let dir = tempfile::tempdir().unwrap();
        let (path, key) = vault(dir.path());
        assert!(open_for_recovery(&path, &key).is_ok());
        let bytes = crypto::identity_to_bytes(&key).unwrap();
        let shares = crate::item::slip39::split(bytes.expose(), b"", 1, &[(2, 3)], true, 0)
            .unwrap()
            .remove(0);
        let two = SecretString::new(format!(
            "{}\n\n{}\n",
            shares[0].expose(),
            shares[2].expose()
        ));
        let v = open_for_recovery(&path, &two).unwrap();
        assert_eq!(v.opened_by(), &crate::vault::OpenedBy::RecoveryKey);
        let one = SecretString::new(shares[1].expose().to_owned());
        assert!(open_for_recovery(&path, &one).is_err());
        let other = crypto::NamedIdentity::generate().text;
        let e = open_for_recovery(&path, &other).unwrap_err();
        assert!(e.contains("do not belong"), "{e}");
    }

    /// The recovery-recipient forgery: someone who knows only the public
    /// recovery recipient re-encrypts the contents, with an item of their
    /// own, to that recipient. The TUI's recovery (Ctrl+R, key or shares),
    /// its unlock and the proof of a read-only session all refuse it.
    #[test]
    fn a_file_planted_for_the_recovery_recipient_is_refused_everywhere() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let (path, key) = vault(dir.path());
        let id: age::x25519::Identity = key.expose().parse().unwrap();
        let plain = age::decrypt(&id, &std::fs::read(&path).unwrap()).unwrap();
        let mut json: serde_json::Value = serde_json::from_slice(&plain).unwrap();
        json["items"] = serde_json::json!([{
            "id": "00112233445566ff",
            "name": "planted",
            "created": "2026-01-01T00:00:00Z",
            "updated": "2026-01-01T00:00:00Z",
            "secret": {"kind": "note", "text": "move the funds"}
        }]);
        let public = id.to_public();
        let enc = age::Encryptor::with_recipients(std::iter::once(&public as &dyn age::Recipient))
            .unwrap();
        let mut forged = Vec::new();
        let mut w = enc.wrap_output(&mut forged).unwrap();
        w.write_all(&serde_json::to_vec(&json).unwrap()).unwrap();
        w.finish().unwrap();
        std::fs::write(&path, &forged).unwrap();
        let e = open_for_recovery(&path, &key).unwrap_err();
        assert!(e.contains("forgery"), "{e}");
        let bytes = crypto::identity_to_bytes(&key).unwrap();
        let shares = crate::item::slip39::split(bytes.expose(), b"", 1, &[(2, 3)], true, 0)
            .unwrap()
            .remove(0);
        let two = SecretString::new(format!("{}\n{}\n", shares[0].expose(), shares[1].expose()));
        let e = open_for_recovery(&path, &two).unwrap_err();
        assert!(e.contains("forgery"), "{e}");
        let pass = SecretString::from("a long test passphrase");
        let e = Vault::open(&path, &Unlock::Passphrase(pass.clone())).unwrap_err();
        assert!(matches!(e, VaultError::Forged { .. }), "{e:?}");
        let e = prove_session(&path, &key).unwrap_err();
        assert!(matches!(e, VaultError::Forged { .. }), "{e:?}");
        assert_eq!(std::fs::read(&path).unwrap(), forged);
    }

    #[test]
    fn challenge_pairs_stay_in_the_random_part_and_apart() {
        for _ in 0..200 {
            let [a, b] = challenge_positions(74);
            assert!(a >= 16 && b + 2 <= 74 && b >= a + 2, "{a} {b}");
        }
    }

    #[test]
    fn reports_are_private_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{}/r.md", dir.path().display());
        let p = write_report(&name, "# report").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(write_report(&name, "again").is_err(), "never overwrites");
    }
}
