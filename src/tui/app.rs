//! The TUI's model and its pure transitions.
//!
//! This module owns [`App`] (everything on screen, and the open [`Vault`]
//! while unlocked), the [`Message`]s that change it, the [`Effect`]s it asks
//! the runtime to perform, and [`update`], the one function that changes
//! state. `update` does no I/O and reads no clock: time arrives in
//! [`Message::Tick`], slow work (Argon2id, saving, the clipboard, writing a
//! report) leaves as an [`Effect`] and comes back as a message.
//!
//! Locking drops the [`Session`], which owns the vault and every secret the
//! UI holds (inputs, revealed state), so the zeroizing types wipe them.
//!
//! Each screen's state, update and view live in [`super::screens`]; this
//! module routes messages to the screen on top and holds what is shared:
//! the session, the status line, the idle lock and the clipboard timer.

use std::path::PathBuf;

use time::OffsetDateTime;

use super::common::ListCursor;
pub use super::common::{pop_secret, push_secret, Meter, NewPassphrase, PAGE};
use super::screens::{
    self, create, detail, form, items, playbooks, prove, recover, runner, sync, tools, unlock,
};
pub use super::screens::{
    copy_text, expected_chars, form_to_item, report_file_name, AccountChoice, AccountPicker,
    CreateStage, CreateState, DetailState, FormField, FormState, ItemsState, ListRow, NotePurpose,
    ProveState, RecoverStage, RecoverState, RunnerState, Tool, ToolsState, UnlockState,
    REVEAL_SECS,
};
pub use super::screens::{CopyEntry, MergedCopy, SyncState};
use super::text;
use super::theme::Theme;
use crate::item::{Item, ItemKind};
use crate::playbook::Playbook;
use crate::recovery::split::SplitPlan;
use crate::secret::SecretString;
use crate::vault::crypto::PassphraseKey;
use crate::vault::rekey::RekeyError;
use crate::vault::{Vault, VaultError};

/// Seconds an informational status message stays.
pub const STATUS_SECS: i64 = 8;

/// Which list the main screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The vault items.
    Items,
    /// The playbooks.
    Playbooks,
    /// Backup, drill, kit, split, passphrase, erasing removed items, doctor.
    Tools,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What to say (never a secret).
    pub text: String,
    /// Errors stay until replaced; information fades.
    pub error: bool,
    /// When it was set.
    pub at: OffsetDateTime,
}

/// A page on top of the tab lists.
#[derive(Debug)]
pub enum Page {
    /// An item.
    Detail(DetailState),
    /// Adding or editing an item.
    Form(Box<FormState>),
    /// A playbook.
    Runner(RunnerState),
    /// The sync conflict copies beside the vault, to merge.
    Sync(SyncState),
}

/// Everything that exists only while the vault is unlocked.
#[derive(Debug)]
pub struct Session {
    /// The open vault (its payload holds the secrets).
    pub vault: Vault,
    /// The visible tab.
    pub tab: Tab,
    /// The item list.
    pub items: ItemsState,
    /// The playbook list.
    pub playbooks: ListCursor,
    /// Pages opened on top of the list, last on top.
    pub pages: Vec<Page>,
    /// The Tools tab.
    pub tools: ToolsState,
    /// The prompt that proves a read-only session, when open.
    pub prove: Option<ProveState>,
}

impl Session {
    /// A fresh session on an open vault.
    pub fn new(vault: Vault) -> Session {
        let mut items = ItemsState::default();
        items.reindex(&vault.payload().items);
        Session {
            vault,
            tab: Tab::Items,
            items,
            playbooks: ListCursor::default(),
            pages: Vec::new(),
            tools: ToolsState::default(),
            prove: None,
        }
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.vault.payload().items.iter().find(|i| i.id == id)
    }

    pub(crate) fn item_index(&self, id: &str) -> Option<usize> {
        self.vault.payload().items.iter().position(|i| i.id == id)
    }
}

/// The screens.
#[derive(Debug)]
pub enum Screen {
    /// First run.
    Create(Box<CreateState>),
    /// The passphrase screen.
    Unlock(UnlockState),
    /// Forgot passphrase.
    Recover(Box<RecoverState>),
    /// Unlocked.
    Main(Box<Session>),
}

/// What the keys and the help refer to right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Passphrase entry.
    Unlock,
    /// Waiting for a thread.
    Busy,
    /// Creating: passphrase fields.
    CreatePassphrase,
    /// Creating: the key is shown.
    CreateKey,
    /// Creating: typing characters back.
    CreateConfirm,
    /// Recovering: pasting material.
    RecoverMaterial,
    /// Recovering: new passphrase.
    RecoverPassphrase,
    /// The item list.
    Items,
    /// Typing a search.
    Search,
    /// An item.
    Detail,
    /// A recovery-codes item.
    DetailCodes,
    /// An HOTP item's page (n makes the next code).
    DetailHotp,
    /// Asking before deleting.
    ConfirmDelete,
    /// The item form.
    Form,
    /// The playbook list.
    Playbooks,
    /// A playbook.
    Runner,
    /// The runner's note field.
    NoteEntry,
    /// The runner asks whether to archive the run.
    ConfirmReset,
    /// The runner's account picker.
    AccountEntry,
    /// The Tools tab.
    Tools,
    /// Typing the backup folder.
    ToolsFolder,
    /// Typing how to split the recovery key.
    ToolsSplit,
    /// The passphrase change form.
    ToolsPassphrase,
    /// The removed items whose values can be erased.
    ToolsPurge,
    /// Asking before erasing removed items' values.
    ConfirmPurge,
    /// Typing the passphrase or recovery key that proves a read-only
    /// session.
    Prove,
    /// The sync conflict copies page.
    SyncCopies,
}

/// The whole TUI state.
#[derive(Debug)]
pub struct App {
    /// The vault file (shown in the header).
    pub vault_path: PathBuf,
    /// The current time, from the last tick.
    pub now: OffsetDateTime,
    /// Ticks so far (drives the spinner).
    pub ticks: u64,
    /// Colours or not.
    pub theme: Theme,
    /// Started with `--identity`.
    pub has_identities: bool,
    /// Demo mode: the throwaway passphrase, shown on the lock screen.
    pub demo_passphrase: Option<SecretString>,
    /// Built-in and user playbooks.
    pub playbooks: Vec<Playbook>,
    /// The screen.
    pub screen: Screen,
    /// The status line.
    pub status: Option<Status>,
    /// The help overlay is open.
    pub help: bool,
    /// Ctrl+C was pressed with typed text that would be lost: y quits.
    pub confirm_quit: bool,
    /// Last user input (for auto-lock).
    pub last_input: OffsetDateTime,
    /// When the clipboard must be cleared.
    pub clipboard_clear_at: Option<OffsetDateTime>,
    /// Seconds idle before locking.
    pub auto_lock_secs: u64,
    /// Seconds before the clipboard is cleared.
    pub clipboard_clear_secs: u64,
    /// Where the user was when the vault locked by itself: reopened after
    /// the next unlock. Holds ids and positions, never a secret.
    pub resume: Option<Resume>,
    /// An idle lock waits for the save of a half-written note; the notice
    /// it will show.
    pub lock_after_save: Option<String>,
    /// The local offset from UTC, read once at start: reports show local
    /// times with it.
    pub local_offset: time::UtcOffset,
    /// Settings from the config file, which beat the vault's own.
    pub config: ConfigSettings,
    /// The vault's folder lets other users plant or swap a vault: what is
    /// wrong and the command that fixes it (see [`App::check_folder`]).
    pub unsafe_folder: Option<(String, String)>,
    /// Conflict copies a sync tool left beside the vault, with the tool's
    /// name (the runtime looks while unlocked; the items screen offers to
    /// merge them).
    pub sync_copies: Vec<(PathBuf, &'static str)>,
}

/// What the config file sets for the TUI (`None`: not set there).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigSettings {
    /// `auto_lock`, in seconds (already within the file's limits).
    pub auto_lock_secs: Option<u64>,
    /// `clipboard_clear`, in seconds (already within the file's limits).
    pub clipboard_clear_secs: Option<u64>,
    /// `backup_dir`.
    pub backup_dir: Option<String>,
}

/// A page to reopen after an idle lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumePage {
    /// An item's page.
    Detail(String),
    /// A playbook at a step.
    Runner {
        /// Index into [`App::playbooks`].
        playbook: usize,
        /// The chosen step.
        step: usize,
    },
}

/// The screen to come back to after an idle lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    /// The visible tab.
    pub tab: Tab,
    /// The pages that were open, bottom first.
    pub pages: Vec<ResumePage>,
}

/// Everything that can happen.
#[derive(Debug)]
pub enum Message {
    /// Time passed (about four times a second).
    Tick(OffsetDateTime),
    /// Quit the program (asks first when typed text would be lost).
    Quit,
    /// Quit without asking (the answer to that question).
    QuitNow,
    /// Do not quit after all.
    CancelQuit,
    /// Show the help.
    Help,
    /// Close the help.
    CloseHelp,
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// First entry.
    Home,
    /// Last entry.
    End,
    /// Left.
    Left,
    /// Right.
    Right,
    /// Open the selection (Enter in lists).
    Open,
    /// Back / cancel (Esc).
    Back,
    /// Enter in a text field.
    Submit,
    /// Save a form (Ctrl+S).
    Save,
    /// Typed characters.
    Input(String),
    /// Pasted text (may hold a secret).
    Paste(SecretString),
    /// Delete the last character.
    Backspace,
    /// Empty the focused field (Ctrl+U in the item form).
    ClearField,
    /// Next field.
    NextField,
    /// Previous field.
    PrevField,
    /// Switch between Items and Playbooks.
    SwitchTab,
    /// Start searching.
    StartSearch,
    /// Reveal or hide the secret.
    Reveal,
    /// Copy the secret.
    Copy,
    /// Mark the chosen recovery code used (or unused).
    MarkUsed,
    /// HOTP: save the counter moved on, then show the code it gave.
    NextCode,
    /// Tick or untick a step.
    Toggle,
    /// Answer a decision with choice number n (1-based).
    Answer(usize),
    /// Add a note to a step.
    AddNote,
    /// Set a step aside as not applying (asks for the reason).
    SkipStep,
    /// Add an item.
    AddItem,
    /// Edit the item.
    EditItem,
    /// Delete the item (asks first).
    DeleteItem,
    /// Yes/no to a question.
    Confirm(bool),
    /// Erase every listed removed item's values (asks first).
    EraseAll,
    /// Write the incident report.
    WriteReport,
    /// Archive the playbook's run and start over (asks first).
    ResetRun,
    /// Choose the account the incident is about.
    PickAccount,
    /// Lock now.
    Lock,
    /// Prove a read-only session (opens the prompt).
    StartProve,
    /// The proving thread finished.
    Proved(Result<Box<crate::vault::store::Proof>, VaultError>),
    /// Forgot passphrase.
    Forgot,
    /// The unlock thread finished.
    Unlocked(Result<Box<Vault>, VaultError>),
    /// The create thread finished; `positions` are the pairs to ask back.
    Created(Result<Box<Vault>, VaultError>, [usize; 2]),
    /// The recovery thread opened the vault (or could not).
    RecoveryOpened(Result<Box<Vault>, String>),
    /// The new passphrase was set and saved (or not).
    PassphraseSet(Box<Vault>, Result<(), VaultError>),
    /// A save finished.
    Saved(Result<(), VaultError>),
    /// The copy finished: the tool used, or why not.
    Copied(Result<&'static str, String>),
    /// The clipboard was cleared.
    ClipboardCleared,
    /// The report was written (or not).
    ReportWritten(Result<PathBuf, String>),
    /// A tool of the Tools tab finished.
    ToolDone(Result<ToolDone, String>),
    /// The passphrase change's checks ran and its new key was made (or
    /// the change was refused).
    Rekeyed(Result<Box<PassphraseKey>, RekeyError>),
    /// Review the sync conflict copies (opens their page).
    ReviewCopies,
    /// The runtime looked beside the vault: the conflict copies there.
    CopiesFound(Vec<(PathBuf, &'static str)>),
    /// Each conflict copy opened and compared with the vault.
    CopiesPreviewed(Vec<CopyEntry>),
    /// A conflict copy was merged and saved (or why not).
    CopyMerged(Result<Box<MergedCopy>, (PathBuf, String)>),
}

/// What a tool of the Tools tab did.
#[derive(Debug)]
pub enum ToolDone {
    /// Lines to show (what was written, what a drill found).
    Lines(Vec<String>),
    /// The doctor's findings.
    Findings(Vec<crate::recovery::doctor::Finding>),
}

impl Message {
    /// True for messages that come from the user (they reset the idle timer).
    pub fn is_user_input(&self) -> bool {
        !matches!(
            self,
            Message::Tick(_)
                | Message::Unlocked(_)
                | Message::Created(..)
                | Message::RecoveryOpened(_)
                | Message::PassphraseSet(..)
                | Message::Saved(_)
                | Message::Copied(_)
                | Message::ClipboardCleared
                | Message::ReportWritten(_)
                | Message::ToolDone(_)
                | Message::Rekeyed(_)
                | Message::Proved(_)
                | Message::CopiesFound(_)
                | Message::CopiesPreviewed(_)
                | Message::CopyMerged(_)
        )
    }
}

/// Work for the runtime.
#[derive(Debug)]
pub enum Effect {
    /// Restore the terminal and exit.
    Quit,
    /// Save the vault through the save protocol.
    Save,
    /// Run Argon2id on a thread and open the vault.
    UnlockWithPassphrase(SecretString),
    /// Load the `--identity` files on a thread and open the vault.
    UnlockWithIdentityFiles,
    /// Create the vault on a thread.
    CreateVault(SecretString),
    /// Open the vault with a recovery key or SLIP-39 shares, on a thread.
    OpenForRecovery(SecretString),
    /// Check a passphrase or recovery key against the vault file, on a
    /// thread, to prove a read-only session.
    Prove(SecretString),
    /// Set a new passphrase and save, on a thread.
    SetPassphrase {
        /// The vault, moved to the thread and back.
        vault: Box<Vault>,
        /// The new passphrase.
        passphrase: SecretString,
    },
    /// Copy to the clipboard.
    Copy(SecretString),
    /// Clear the clipboard.
    ClearClipboard,
    /// Write a verified backup into a folder and remember the folder.
    Backup {
        /// The folder.
        dir: PathBuf,
    },
    /// Open the newest backup in a folder and compare it with the vault.
    Drill {
        /// The folder.
        dir: PathBuf,
    },
    /// Write the emergency kit into a folder.
    WriteKit {
        /// The folder.
        dir: PathBuf,
    },
    /// Run the doctor's checks.
    Doctor,
    /// Split the recovery key and write the share files into a folder.
    Split {
        /// The folder.
        dir: PathBuf,
        /// How to split.
        plan: SplitPlan,
    },
    /// Check the current passphrase against the vault's key and make the
    /// key of the new one, on a thread (two Argon2id runs).
    Rekey {
        /// The vault's passphrase key now.
        old: Box<PassphraseKey>,
        /// The passphrase typed as the current one.
        current: SecretString,
        /// The new passphrase (already through the policy).
        new: SecretString,
    },
    /// Put the new passphrase key into the vault and save.
    InstallPassphraseKey(Box<PassphraseKey>),
    /// Erase for good the values these removed items' tombstones keep,
    /// and save (twice, so the previous generation holds none either).
    Purge {
        /// The removed items' ids.
        ids: Vec<String>,
    },
    /// Open each sync conflict copy beside the vault and compare it.
    PreviewCopies,
    /// Merge this conflict copy into the vault, save, and move the copy
    /// into the backup folder.
    MergeCopy(PathBuf),
    /// Write a report into the current directory.
    WriteReport {
        /// The file name.
        file_name: String,
        /// The Markdown.
        text: String,
    },
}

impl App {
    /// A new app: the create screen when `vault_exists` is false, else the
    /// passphrase screen.
    pub fn new(
        vault_path: PathBuf,
        vault_exists: bool,
        playbooks: Vec<Playbook>,
        theme: Theme,
        now: OffsetDateTime,
    ) -> App {
        App {
            vault_path,
            now,
            ticks: 0,
            theme,
            has_identities: false,
            demo_passphrase: None,
            playbooks,
            screen: if vault_exists {
                Screen::Unlock(UnlockState::default())
            } else {
                Screen::Create(Box::default())
            },
            status: None,
            help: false,
            confirm_quit: false,
            last_input: now,
            clipboard_clear_at: None,
            auto_lock_secs: crate::vault::format::Settings::default().auto_lock_secs,
            clipboard_clear_secs: crate::vault::format::Settings::default().clipboard_clear_secs,
            resume: None,
            lock_after_save: None,
            local_offset: time::UtcOffset::UTC,
            config: ConfigSettings::default(),
            unsafe_folder: None,
            sync_copies: Vec::new(),
        }
    }

    /// Looks at the vault's folder once, at start (the only I/O here), as
    /// every command-line open does: a folder others can write to is shown
    /// on the unlock screen and above the items.
    pub fn check_folder(&mut self) {
        let path = crate::vault::store::resolve_vault_path(&self.vault_path);
        self.unsafe_folder = crate::vault::store::folder_finding(&path);
    }

    /// Opens a session on an already open vault (demo, and after unlock).
    pub fn enter_session(&mut self, vault: Vault) {
        // The config file beats the settings stored in the vault; either
        // way the values stay within sane limits.
        let s = &vault.payload().settings;
        self.auto_lock_secs = self
            .config
            .auto_lock_secs
            .unwrap_or(s.auto_lock_secs)
            .clamp(10, 8 * 3600);
        self.clipboard_clear_secs = self
            .config
            .clipboard_clear_secs
            .unwrap_or(s.clipboard_clear_secs)
            .clamp(1, 600);
        let mut session = Session::new(vault);
        if let Some(r) = self.resume.take() {
            session.tab = r.tab;
            for p in r.pages {
                match p {
                    ResumePage::Detail(id) if session.item(&id).is_some() => {
                        session.pages.push(Page::Detail(DetailState::new(id)));
                    }
                    ResumePage::Runner { playbook, step } => {
                        if let Some(pb) = self.playbooks.get(playbook) {
                            let step = step.min(pb.steps.len().saturating_sub(1));
                            session
                                .pages
                                .push(Page::Runner(RunnerState::new(playbook, step)));
                        }
                    }
                    ResumePage::Detail(_) => {}
                }
            }
        }
        self.screen = Screen::Main(Box::new(session));
        self.last_input = self.now;
    }

    /// Locks because the user was away: keeps a half-written playbook note
    /// (saving it first, then locking when the save comes back), drops an
    /// unsaved item form with a message, and remembers the screen to come
    /// back to after unlock.
    pub(crate) fn idle_lock(&mut self) -> Vec<Effect> {
        let notice = text::locked_idle(self.auto_lock_secs);
        let now = self.now;
        let App {
            screen, playbooks, ..
        } = self;
        let Screen::Main(s) = screen else {
            return Vec::new();
        };
        let mut pages = Vec::new();
        let mut dropped_form = false;
        for p in &s.pages {
            match p {
                Page::Detail(d) => pages.push(ResumePage::Detail(d.item_id.clone())),
                Page::Runner(r) => pages.push(ResumePage::Runner {
                    playbook: r.playbook,
                    step: r.steps.selected,
                }),
                Page::Form(_) => dropped_form = true,
                // Looked at again after the unlock, when it still applies.
                Page::Sync(_) => {}
            }
        }
        self.resume = Some(Resume { tab: s.tab, pages });
        let notice = if dropped_form {
            text::sentences(&notice, &text::FORM_DISCARDED.text())
        } else {
            notice
        };
        if screens::runner::keep_open_note(s, playbooks, now) {
            self.lock_after_save = Some(text::sentences(&notice, &text::NOTE_KEPT.text()));
            self.last_input = now;
            return vec![Effect::Save];
        }
        self.lock(notice)
    }

    /// The session while unlocked.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Main(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Main(s) => Some(s),
            _ => None,
        }
    }

    /// What the keys refer to now.
    pub fn context(&self) -> Context {
        match &self.screen {
            Screen::Unlock(u) if u.working => Context::Busy,
            Screen::Unlock(_) => Context::Unlock,
            Screen::Create(c) => match &c.stage {
                CreateStage::Passphrase(_) => Context::CreatePassphrase,
                CreateStage::Working => Context::Busy,
                CreateStage::ShowKey => Context::CreateKey,
                CreateStage::Confirm { .. } => Context::CreateConfirm,
            },
            Screen::Recover(r) => match &r.stage {
                RecoverStage::Material { .. } => Context::RecoverMaterial,
                RecoverStage::Working(_) => Context::Busy,
                RecoverStage::NewPassphrase { .. } => Context::RecoverPassphrase,
            },
            Screen::Main(s) if s.prove.as_ref().is_some_and(|p| p.working) => Context::Busy,
            Screen::Main(s) if s.prove.is_some() => Context::Prove,
            Screen::Main(s) => match s.pages.last() {
                None => match s.tab {
                    Tab::Items if s.items.searching => Context::Search,
                    Tab::Items => Context::Items,
                    Tab::Playbooks => Context::Playbooks,
                    Tab::Tools if s.tools.passwd.as_ref().is_some_and(|f| f.working) => {
                        Context::Busy
                    }
                    Tab::Tools if s.tools.passwd.is_some() => Context::ToolsPassphrase,
                    Tab::Tools => match &s.tools.purge {
                        Some(p) if p.confirm.is_some() => Context::ConfirmPurge,
                        Some(_) => Context::ToolsPurge,
                        None if s.tools.split_plan.is_some() => Context::ToolsSplit,
                        None if s.tools.folder.is_some() => Context::ToolsFolder,
                        None => Context::Tools,
                    },
                },
                Some(Page::Detail(d)) if d.confirm_delete => Context::ConfirmDelete,
                Some(Page::Detail(d)) => match s.item(&d.item_id) {
                    Some(i) if i.kind() == ItemKind::Codes => Context::DetailCodes,
                    Some(i) if detail::is_hotp(i) => Context::DetailHotp,
                    _ => Context::Detail,
                },
                Some(Page::Form(_)) => Context::Form,
                Some(Page::Runner(r)) if r.note.is_some() => Context::NoteEntry,
                Some(Page::Runner(r)) if r.confirm_reset => Context::ConfirmReset,
                Some(Page::Runner(r)) if r.account.is_some() => Context::AccountEntry,
                Some(Page::Runner(_)) => Context::Runner,
                Some(Page::Sync(st)) if st.loading || st.working => Context::Busy,
                Some(Page::Sync(_)) => Context::SyncCopies,
            },
        }
    }

    /// Text typed into a form or a note that quitting would lose.
    pub(crate) fn unsaved_typing(&self) -> bool {
        let Screen::Main(s) = &self.screen else {
            return false;
        };
        match s.pages.last() {
            Some(Page::Form(f)) => f.has_input(),
            Some(Page::Runner(r)) => r.note.as_ref().is_some_and(|n| !n.text.trim().is_empty()),
            _ => false,
        }
    }

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            at: self.now,
        });
    }

    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            at: self.now,
        });
    }

    /// Seconds until auto-lock (while unlocked).
    pub fn lock_in(&self) -> Option<u64> {
        self.session()?;
        let idle = (self.now - self.last_input).whole_seconds().max(0) as u64;
        Some(self.auto_lock_secs.saturating_sub(idle))
    }

    pub(crate) fn lock(&mut self, notice: String) -> Vec<Effect> {
        // Replacing the screen drops the session: the vault and every secret
        // held by the UI are zeroized as they drop.
        self.screen = Screen::Unlock(UnlockState {
            notice: Some(notice),
            ..UnlockState::default()
        });
        self.help = false;
        self.confirm_quit = false;
        self.status = None;
        self.clear_clipboard_now()
    }

    pub(crate) fn clear_clipboard_now(&mut self) -> Vec<Effect> {
        if self.clipboard_clear_at.take().is_some() {
            vec![Effect::ClearClipboard]
        } else {
            Vec::new()
        }
    }
}

/// The one place state changes. Pure: no I/O, no clock.
pub fn update(app: &mut App, msg: Message) -> Vec<Effect> {
    if msg.is_user_input() {
        app.last_input = app.now;
        if app.help && !matches!(msg, Message::Quit) {
            app.help = false;
            return Vec::new();
        }
    }
    match msg {
        Message::Tick(now) => on_tick(app, now),
        Message::Quit if app.unsaved_typing() => {
            // A half-filled form or note is work the user would have to redo
            // under stress: one stray Ctrl+C must not throw it away.
            app.confirm_quit = true;
            app.error(text::QUIT_DISCARD_ASK);
            Vec::new()
        }
        Message::Quit | Message::QuitNow => {
            let mut fx = app.clear_clipboard_now();
            fx.push(Effect::Quit);
            fx
        }
        Message::CancelQuit => {
            app.confirm_quit = false;
            app.info(text::QUIT_CANCELLED);
            Vec::new()
        }
        Message::Help => {
            app.help = true;
            Vec::new()
        }
        Message::CloseHelp => Vec::new(),
        Message::Lock if app.session().is_some() => app.lock(text::LOCKED_BY_USER.into()),
        Message::Unlocked(r) => unlock::on_unlocked(app, r),
        Message::Created(r, positions) => create::on_created(app, r, positions),
        Message::RecoveryOpened(r) => recover::on_recovery_opened(app, r),
        Message::PassphraseSet(v, r) => recover::on_passphrase_set(app, v, r),
        Message::Proved(r) => prove::on_proved(app, r),
        Message::Saved(r) => {
            if let Some(notice) = app.lock_after_save.take() {
                // The note is in the vault (or the save said why not): now
                // lock, as the idle timer asked.
                let notice = match &r {
                    Ok(()) => notice,
                    Err(e) => text::sentences(&notice, &text::save_failed(&e.to_string())),
                };
                return app.lock(notice);
            }
            // An HOTP code waits for its counter to be on disk.
            detail::saved(app, r.is_ok());
            match r {
                Ok(()) => {
                    // The save may have merged another program's change.
                    let merged = match &mut app.screen {
                        Screen::Main(s) => {
                            let m = s.vault.take_merge_report();
                            if m.is_some() {
                                // Items came, went or moved: the list's
                                // positions are the old payload's.
                                let items = &s.vault.payload().items;
                                s.items.reindex(items);
                            }
                            m
                        }
                        _ => None,
                    };
                    if let Some(m) = merged {
                        app.info(text::merged_on_save(&m));
                    } else if app.status.as_ref().is_none_or(|s| s.error) {
                        app.info(text::SAVED);
                    }
                }
                Err(VaultError::Changed) => app.error(text::CHANGED_ON_DISK),
                Err(VaultError::Unverified { .. }) => {
                    // A change in a read-only session: ask for the proof,
                    // then save it.
                    app.error(text::NOT_SAVED_READ_ONLY);
                    return prove::open(app, true);
                }
                Err(e) => app.error(text::save_failed(&e.to_string())),
            }
            Vec::new()
        }
        Message::Copied(r) => {
            match r {
                Ok(tool) => {
                    app.clipboard_clear_at =
                        Some(app.now + time::Duration::seconds(app.clipboard_clear_secs as i64));
                    app.info(text::copied(tool, app.clipboard_clear_secs));
                }
                Err(e) => app.error(e),
            }
            Vec::new()
        }
        Message::ClipboardCleared => {
            if app.session().is_some() {
                app.info(text::CLIPBOARD_CLEARED);
            }
            Vec::new()
        }
        Message::ToolDone(r) => tools::on_done(app, r),
        Message::CopiesFound(found) => {
            app.sync_copies = found;
            Vec::new()
        }
        Message::CopiesPreviewed(c) => sync::on_previewed(app, c),
        Message::CopyMerged(r) => sync::on_merged(app, r),
        Message::Rekeyed(r) => tools::on_rekeyed(app, r),
        Message::ReportWritten(r) => {
            match r {
                Ok(p) => app.info(text::report_written(&p.display().to_string())),
                Err(e) => app.error(text::report_failed(&e)),
            }
            Vec::new()
        }
        other => match &app.screen {
            Screen::Unlock(_) => unlock::update(app, other),
            Screen::Create(_) => create::update(app, other),
            Screen::Recover(_) => recover::update(app, other),
            Screen::Main(_) => update_main(app, other),
        },
    }
}

fn on_tick(app: &mut App, now: OffsetDateTime) -> Vec<Effect> {
    app.now = now;
    app.ticks = app.ticks.wrapping_add(1);
    let mut fx = Vec::new();
    if app
        .status
        .as_ref()
        .is_some_and(|s| !s.error && (now - s.at).whole_seconds() >= STATUS_SECS)
    {
        app.status = None;
    }
    if app.clipboard_clear_at.is_some_and(|t| now >= t) {
        fx.extend(app.clear_clipboard_now());
    }
    if app.lock_in() == Some(0) && app.lock_after_save.is_none() {
        fx.extend(app.idle_lock());
        return fx;
    }
    if let Some(s) = app.session_mut() {
        for p in &mut s.pages {
            if let Page::Detail(d) = p {
                if d.revealed_at
                    .is_some_and(|t| (now - t).whole_seconds() >= REVEAL_SECS)
                {
                    d.revealed_at = None;
                }
            }
        }
    }
    fx
}

fn update_main(app: &mut App, msg: Message) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    if s.prove.is_some() {
        return prove::update(app, msg);
    }
    if matches!(msg, Message::StartProve) {
        return prove::open(app, false);
    }
    if matches!(msg, Message::ReviewCopies) {
        return sync::open(app);
    }
    match s.pages.last() {
        None => match s.tab {
            Tab::Items => items::update(app, msg),
            Tab::Playbooks => playbooks::update(app, msg),
            Tab::Tools => tools::update(app, msg),
        },
        Some(Page::Detail(_)) => detail::update(app, msg),
        Some(Page::Form(_)) => form::update(app, msg),
        Some(Page::Runner(_)) => runner::update(app, msg),
        Some(Page::Sync(_)) => sync::update(app, msg),
    }
}
