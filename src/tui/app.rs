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

use std::cell::Cell;
use std::path::PathBuf;

use time::OffsetDateTime;

use super::text;
use super::theme::Theme;
use crate::item::{Item, ItemKind, Secret, SeedScheme};
use crate::playbook::{self, Playbook, Run, StepKind, StepState};
use crate::secret::SecretString;
use crate::vault::{Vault, VaultError};

/// Seconds a revealed secret stays revealed.
pub const REVEAL_SECS: i64 = 30;
/// Seconds an informational status message stays.
pub const STATUS_SECS: i64 = 8;

/// Which list the main screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The vault items.
    Items,
    /// The playbooks.
    Playbooks,
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

/// A cursor in a scrolling list; the offset is adjusted while rendering.
#[derive(Debug, Default, Clone)]
pub struct ListCursor {
    /// The selected entry.
    pub selected: usize,
    /// The first visible row (kept by the view).
    pub offset: Cell<usize>,
}

impl ListCursor {
    /// Moves by `delta` within `0..len`.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let cur = self.selected.min(len - 1) as isize;
        self.selected = (cur + delta).clamp(0, len as isize - 1) as usize;
    }
}

/// A passphrase strength reading for the live meter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meter {
    /// zxcvbn score 0..=4.
    pub score: u8,
    /// What the policy says is wrong, if anything.
    pub problem: Option<String>,
}

impl Meter {
    /// Measures a candidate passphrase.
    pub fn of(p: &SecretString) -> Meter {
        if p.is_empty() {
            return Meter {
                score: 0,
                problem: crate::cli::input::policy_problem(p),
            };
        }
        Meter {
            score: u8::from(zxcvbn::zxcvbn(p.expose(), &["lifeboat"]).score()),
            problem: crate::cli::input::policy_problem(p),
        }
    }
}

/// Two passphrase fields with a strength meter (create and recover).
#[derive(Debug, Default)]
pub struct NewPassphrase {
    /// The passphrase.
    pub first: SecretString,
    /// Its repetition.
    pub second: SecretString,
    /// 0 = first field, 1 = second.
    pub focus: usize,
    /// Strength of `first`.
    pub meter: Meter,
    /// Why the last submit was refused.
    pub error: Option<String>,
}

impl NewPassphrase {
    fn field(&mut self) -> &mut SecretString {
        if self.focus == 0 {
            &mut self.first
        } else {
            &mut self.second
        }
    }

    fn input(&mut self, s: &str) {
        push_secret(self.field(), s);
        self.error = None;
        if self.focus == 0 {
            self.meter = Meter::of(&self.first);
        }
    }

    fn backspace(&mut self) {
        pop_secret(self.field());
        if self.focus == 0 {
            self.meter = Meter::of(&self.first);
        }
    }

    /// Enter: move to the second field, or return the accepted passphrase.
    fn submit(&mut self) -> Option<SecretString> {
        if self.focus == 0 {
            self.focus = 1;
            return None;
        }
        self.meter = Meter::of(&self.first);
        if self.meter.problem.is_some() {
            self.error = Some(text::POLICY_NOT_MET.into());
            self.focus = 0;
            return None;
        }
        if self.first != self.second {
            self.error = Some(text::MISMATCH.into());
            self.second = SecretString::default();
            return None;
        }
        Some(self.first.clone())
    }
}

/// The passphrase screen.
#[derive(Debug, Default)]
pub struct UnlockState {
    /// The typed passphrase.
    pub input: SecretString,
    /// Argon2id is running.
    pub working: bool,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// A note shown above the field (e.g. why the vault locked).
    pub notice: Option<String>,
}

/// Steps of first-run creation.
#[derive(Debug)]
pub enum CreateStage {
    /// Choosing the passphrase.
    Passphrase(NewPassphrase),
    /// The vault is being created.
    Working,
    /// The recovery key is shown once.
    ShowKey,
    /// The user types characters of the key back.
    Confirm {
        /// What was typed.
        typed: SecretString,
        /// Last check failed.
        error: bool,
    },
}

/// First run: no vault at the path.
#[derive(Debug)]
pub struct CreateState {
    /// Where in the flow.
    pub stage: CreateStage,
    /// The created vault, held until the key is confirmed.
    pub vault: Option<Box<Vault>>,
    /// The recovery key text, shown once.
    pub key: SecretString,
    /// 0-based positions of the two character pairs asked back.
    pub positions: [usize; 2],
}

impl Default for CreateState {
    fn default() -> Self {
        CreateState {
            stage: CreateStage::Passphrase(NewPassphrase::default()),
            vault: None,
            key: SecretString::default(),
            positions: [16, 30],
        }
    }
}

/// Steps of "forgot passphrase".
#[derive(Debug)]
pub enum RecoverStage {
    /// Pasting the key or shares.
    Material {
        /// The text (may span lines).
        text: SecretString,
        /// Why the last attempt failed.
        error: Option<String>,
    },
    /// Opening the vault or saving the new passphrase.
    Working(&'static str),
    /// The vault is open; choosing the new passphrase.
    NewPassphrase {
        /// The opened vault.
        vault: Option<Box<Vault>>,
        /// The fields.
        fields: NewPassphrase,
    },
}

/// Forgot passphrase.
#[derive(Debug)]
pub struct RecoverState {
    /// Where in the flow.
    pub stage: RecoverStage,
}

impl Default for RecoverState {
    fn default() -> Self {
        RecoverState {
            stage: RecoverStage::Material {
                text: SecretString::default(),
                error: None,
            },
        }
    }
}

/// One item's detail page.
#[derive(Debug)]
pub struct DetailState {
    /// The item's id.
    pub item_id: String,
    /// When the secret was revealed; `None` while masked.
    pub revealed_at: Option<OffsetDateTime>,
    /// Recovery codes: the chosen code.
    pub code: ListCursor,
    /// Asking whether to delete.
    pub confirm_delete: bool,
}

/// A field of the item form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    /// The kind (new items only).
    Kind,
    /// Name.
    Name,
    /// Account.
    Account,
    /// Tags, comma-separated.
    Tags,
    /// Seed scheme.
    Scheme,
    /// Username (passwords).
    Username,
    /// URL (passwords).
    Url,
    /// The secret.
    Secret,
    /// Optional BIP39 passphrase of a seed (the "25th word"); masked.
    Passphrase,
    /// Support contact.
    Support,
    /// Notes.
    Notes,
}

/// Adding or editing an item.
#[derive(Debug)]
pub struct FormState {
    /// The item being edited, or `None` for a new one.
    pub editing: Option<String>,
    /// Kind.
    pub kind: ItemKind,
    /// Seed scheme.
    pub scheme: SeedScheme,
    /// Name.
    pub name: String,
    /// Account.
    pub account: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// Support.
    pub support: String,
    /// Notes.
    pub notes: String,
    /// Username.
    pub username: String,
    /// URL.
    pub url: String,
    /// The secret as typed.
    pub secret: SecretString,
    /// A seed's optional BIP39 passphrase, verbatim (empty: none). When
    /// editing it starts as the stored one, so clearing it removes it.
    pub passphrase: SecretString,
    /// The focused field.
    pub focus: FormField,
    /// Why saving was refused.
    pub error: Option<String>,
}

impl FormState {
    /// An empty form for a new item.
    pub fn new_item() -> FormState {
        FormState {
            editing: None,
            kind: ItemKind::Seed,
            scheme: SeedScheme::Bip39,
            name: String::new(),
            account: String::new(),
            tags: String::new(),
            support: String::new(),
            notes: String::new(),
            username: String::new(),
            url: String::new(),
            secret: SecretString::default(),
            passphrase: SecretString::default(),
            focus: FormField::Kind,
            error: None,
        }
    }

    /// A form filled from an item; the secret field starts empty (keep).
    pub fn edit(item: &Item) -> FormState {
        let mut f = FormState::new_item();
        f.editing = Some(item.id.clone());
        f.kind = item.kind();
        f.name = item.name.clone();
        f.account = item.account.clone().unwrap_or_default();
        f.tags = item.tags.join(", ");
        f.support = item.support.clone().unwrap_or_default();
        f.notes = item.notes.clone().unwrap_or_default();
        match &item.secret {
            Secret::Seed {
                scheme, passphrase, ..
            } => {
                f.scheme = *scheme;
                f.passphrase = passphrase.clone().unwrap_or_default();
            }
            Secret::Password { username, url, .. } => {
                f.username = username.clone().unwrap_or_default();
                f.url = url.clone().unwrap_or_default();
            }
            _ => {}
        }
        f.focus = FormField::Name;
        f
    }

    /// The fields shown for the current kind, in order.
    pub fn fields(&self) -> Vec<FormField> {
        let mut v = Vec::new();
        if self.editing.is_none() {
            v.push(FormField::Kind);
        }
        v.extend([FormField::Name, FormField::Account, FormField::Tags]);
        match self.kind {
            ItemKind::Seed => v.push(FormField::Scheme),
            ItemKind::Password => v.extend([FormField::Username, FormField::Url]),
            _ => {}
        }
        v.push(FormField::Secret);
        if self.kind == ItemKind::Seed {
            v.push(FormField::Passphrase);
        }
        v.extend([FormField::Support, FormField::Notes]);
        v
    }

    fn move_focus(&mut self, delta: isize) {
        let f = self.fields();
        let i = f.iter().position(|x| *x == self.focus).unwrap_or(0) as isize;
        let n = f.len() as isize;
        self.focus = f[((i + delta).rem_euclid(n)) as usize];
    }

    fn is_last(&self) -> bool {
        self.fields().last() == Some(&self.focus)
    }

    fn text_field(&mut self) -> Option<&mut String> {
        Some(match self.focus {
            FormField::Name => &mut self.name,
            FormField::Account => &mut self.account,
            FormField::Tags => &mut self.tags,
            FormField::Support => &mut self.support,
            FormField::Notes => &mut self.notes,
            FormField::Username => &mut self.username,
            FormField::Url => &mut self.url,
            FormField::Kind | FormField::Scheme | FormField::Secret | FormField::Passphrase => {
                return None
            }
        })
    }

    /// The focused masked field, if the focus is on one.
    fn secret_field(&mut self) -> Option<&mut SecretString> {
        match self.focus {
            FormField::Secret => Some(&mut self.secret),
            FormField::Passphrase => Some(&mut self.passphrase),
            _ => None,
        }
    }

    /// The passphrase to store: only for seeds, verbatim, `None` if empty.
    fn seed_passphrase(&self) -> Option<SecretString> {
        (self.kind == ItemKind::Seed && !self.passphrase.is_empty())
            .then(|| self.passphrase.clone())
    }

    fn cycle(&mut self, delta: isize) {
        match self.focus {
            FormField::Kind => {
                let all = ItemKind::ALL;
                let i = all.iter().position(|k| *k == self.kind).unwrap_or(0) as isize;
                self.kind = all[((i + delta).rem_euclid(all.len() as isize)) as usize];
            }
            FormField::Scheme => {
                let all = [SeedScheme::Bip39, SeedScheme::Slip39, SeedScheme::Other];
                let i = all.iter().position(|k| *k == self.scheme).unwrap_or(0) as isize;
                self.scheme = all[((i + delta).rem_euclid(3)) as usize];
            }
            _ => {}
        }
    }
}

/// Why the runner's note field is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePurpose {
    /// A note step: the note ticks it.
    Tick,
    /// A wait ended early: the note says why and ticks it.
    EndWaitEarly,
    /// Just a note on the step.
    Annotate,
}

/// An entry of the runner's account picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountChoice {
    /// No account: linked items of every account.
    Any,
    /// An account named by vault items.
    Existing(String),
    /// The text typed, naming an account no item has.
    Typed(String),
}

impl AccountChoice {
    /// The account to set (`None` clears it).
    pub fn account(&self) -> Option<String> {
        match self {
            AccountChoice::Any => None,
            AccountChoice::Existing(a) | AccountChoice::Typed(a) => Some(a.clone()),
        }
    }
}

/// The runner's picker of the incident's account.
#[derive(Debug, Default)]
pub struct AccountPicker {
    /// The vault's accounts (and the run's current one), sorted.
    pub accounts: Vec<String>,
    /// Typed text: filters the accounts, or names another one.
    pub query: String,
    /// The chosen entry of [`AccountPicker::choices`].
    pub cursor: ListCursor,
}

impl AccountPicker {
    /// A picker over the items' accounts, on `current` if set.
    pub fn new(items: &[Item], current: Option<&str>) -> AccountPicker {
        let mut accounts: Vec<String> = Vec::new();
        for a in items
            .iter()
            .filter_map(|i| i.account.as_deref())
            .chain(current)
        {
            let a = a.trim();
            if !a.is_empty() && !accounts.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                accounts.push(a.to_owned());
            }
        }
        accounts.sort_by_key(|a| a.to_lowercase());
        let mut p = AccountPicker {
            accounts,
            ..AccountPicker::default()
        };
        if let Some(cur) = current {
            p.cursor.selected = p
                .choices()
                .iter()
                .position(|c| matches!(c, AccountChoice::Existing(a) if a.eq_ignore_ascii_case(cur.trim())))
                .unwrap_or(0);
        }
        p
    }

    /// The entries shown: without a query "any account" then every
    /// account; with one, the accounts containing it, then the typed text
    /// itself unless an account has exactly that name.
    pub fn choices(&self) -> Vec<AccountChoice> {
        let q = self.query.trim();
        if q.is_empty() {
            return std::iter::once(AccountChoice::Any)
                .chain(self.accounts.iter().cloned().map(AccountChoice::Existing))
                .collect();
        }
        let ql = q.to_lowercase();
        let mut v: Vec<AccountChoice> = self
            .accounts
            .iter()
            .filter(|a| a.to_lowercase().contains(&ql))
            .cloned()
            .map(AccountChoice::Existing)
            .collect();
        if !self.accounts.iter().any(|a| a.eq_ignore_ascii_case(q)) {
            v.push(AccountChoice::Typed(q.to_owned()));
        }
        v
    }
}

/// A playbook being worked through.
#[derive(Debug)]
pub struct RunnerState {
    /// Index into [`App::playbooks`].
    pub playbook: usize,
    /// The chosen step.
    pub steps: ListCursor,
    /// The chosen linked item of the step.
    pub link: usize,
    /// An open note field.
    pub note: Option<(NotePurpose, String)>,
    /// Asking whether to archive the run and start over.
    pub confirm_reset: bool,
    /// The open account picker.
    pub account: Option<AccountPicker>,
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
}

/// A row of the grouped item list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// An account heading: the item index of the group's first item.
    Header(usize),
    /// An item: its position in [`ItemsState::matches`].
    Item(usize),
}

/// The item list: search and grouping.
#[derive(Debug, Default)]
pub struct ItemsState {
    /// The search text.
    pub query: String,
    /// Typing goes into the search.
    pub searching: bool,
    /// Item indexes matching the query, grouped by account.
    pub matches: Vec<usize>,
    /// Rows as displayed (headings and items).
    pub rows: Vec<ListRow>,
    /// For each match, its row.
    pub row_of: Vec<usize>,
    /// The selected match and the scroll offset (in rows).
    pub cursor: ListCursor,
    /// All item indexes in display order (by account, then name).
    pub order: Vec<usize>,
    /// Lowercased name, account and tags of each item, for the search.
    pub haystack: Vec<String>,
}

impl ItemsState {
    /// Rebuilds the order and search text after the items changed.
    pub fn reindex(&mut self, items: &[Item]) {
        let mut order: Vec<usize> = (0..items.len()).collect();
        let key = |i: &Item| {
            (
                i.account.is_none(),
                i.account.as_deref().unwrap_or("").to_lowercase(),
                i.name.to_lowercase(),
            )
        };
        let keys: Vec<_> = items.iter().map(key).collect();
        order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
        self.order = order;
        self.haystack = items
            .iter()
            .map(|i| {
                let mut s = i.name.to_lowercase();
                if let Some(a) = &i.account {
                    s.push('\u{1}');
                    s.push_str(&a.to_lowercase());
                }
                for t in &i.tags {
                    s.push('\u{1}');
                    s.push_str(&t.to_lowercase());
                }
                s
            })
            .collect();
        self.refilter(items);
    }

    /// Recomputes the matches and rows for the current query.
    pub fn refilter(&mut self, items: &[Item]) {
        let q = self.query.to_lowercase();
        let terms: Vec<&str> = q.split_whitespace().collect();
        self.matches = self
            .order
            .iter()
            .copied()
            .filter(|&i| terms.iter().all(|t| self.haystack[i].contains(t)))
            .collect();
        self.rows.clear();
        self.row_of.clear();
        let mut last: Option<Option<&str>> = None;
        for (m, &i) in self.matches.iter().enumerate() {
            let acc = items[i].account.as_deref();
            let same = last.is_some_and(|l| match (l, acc) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (None, None) => true,
                _ => false,
            });
            if !same {
                self.rows.push(ListRow::Header(i));
                last = Some(acc);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(ListRow::Item(m));
        }
        let len = self.matches.len();
        self.cursor.selected = self.cursor.selected.min(len.saturating_sub(1));
    }

    /// The selected item's index in the vault, if any.
    pub fn selected_item(&self) -> Option<usize> {
        self.matches.get(self.cursor.selected).copied()
    }

    fn select_item(&mut self, index: usize) {
        if let Some(m) = self.matches.iter().position(|&i| i == index) {
            self.cursor.selected = m;
        }
    }
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
        }
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.vault.payload().items.iter().find(|i| i.id == id)
    }

    fn item_index(&self, id: &str) -> Option<usize> {
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
    /// Last user input (for auto-lock).
    pub last_input: OffsetDateTime,
    /// When the clipboard must be cleared.
    pub clipboard_clear_at: Option<OffsetDateTime>,
    /// Seconds idle before locking.
    pub auto_lock_secs: u64,
    /// Seconds before the clipboard is cleared.
    pub clipboard_clear_secs: u64,
}

/// Everything that can happen.
#[derive(Debug)]
pub enum Message {
    /// Time passed (about four times a second).
    Tick(OffsetDateTime),
    /// Quit the program.
    Quit,
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
    /// Tick or untick a step.
    Toggle,
    /// Answer a decision with choice number n (1-based).
    Answer(usize),
    /// Add a note to a step.
    AddNote,
    /// Add an item.
    AddItem,
    /// Edit the item.
    EditItem,
    /// Delete the item (asks first).
    DeleteItem,
    /// Yes/no to a question.
    Confirm(bool),
    /// Write the incident report.
    WriteReport,
    /// Archive the playbook's run and start over (asks first).
    ResetRun,
    /// Choose the account the incident is about.
    PickAccount,
    /// Lock now.
    Lock,
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
    /// Write a report into the current directory.
    WriteReport {
        /// The file name.
        file_name: String,
        /// The Markdown.
        text: String,
    },
}

/// Appends to a secret without leaving a copy behind: the new buffer is
/// allocated at its final size, and the old one is wiped when dropped.
pub fn push_secret(s: &mut SecretString, extra: &str) {
    let mut n = String::with_capacity(s.len() + extra.len());
    n.push_str(s.expose());
    n.push_str(extra);
    *s = SecretString::new(n);
}

/// Removes the last character of a secret, wiping the old buffer.
pub fn pop_secret(s: &mut SecretString) {
    let mut n = String::with_capacity(s.len());
    n.push_str(s.expose());
    n.pop();
    *s = SecretString::new(n);
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
            last_input: now,
            clipboard_clear_at: None,
            auto_lock_secs: crate::vault::format::Settings::default().auto_lock_secs,
            clipboard_clear_secs: crate::vault::format::Settings::default().clipboard_clear_secs,
        }
    }

    /// Opens a session on an already open vault (demo, and after unlock).
    pub fn enter_session(&mut self, vault: Vault) {
        let s = &vault.payload().settings;
        self.auto_lock_secs = s.auto_lock_secs.max(10);
        self.clipboard_clear_secs = s.clipboard_clear_secs.clamp(1, 600);
        self.screen = Screen::Main(Box::new(Session::new(vault)));
        self.last_input = self.now;
    }

    /// The session while unlocked.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Main(s) => Some(s),
            _ => None,
        }
    }

    fn session_mut(&mut self) -> Option<&mut Session> {
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
            Screen::Main(s) => match s.pages.last() {
                None => match s.tab {
                    Tab::Items if s.items.searching => Context::Search,
                    Tab::Items => Context::Items,
                    Tab::Playbooks => Context::Playbooks,
                },
                Some(Page::Detail(d)) if d.confirm_delete => Context::ConfirmDelete,
                Some(Page::Detail(d)) => {
                    if s.item(&d.item_id)
                        .is_some_and(|i| i.kind() == ItemKind::Codes)
                    {
                        Context::DetailCodes
                    } else {
                        Context::Detail
                    }
                }
                Some(Page::Form(_)) => Context::Form,
                Some(Page::Runner(r)) if r.note.is_some() => Context::NoteEntry,
                Some(Page::Runner(r)) if r.confirm_reset => Context::ConfirmReset,
                Some(Page::Runner(r)) if r.account.is_some() => Context::AccountEntry,
                Some(Page::Runner(_)) => Context::Runner,
            },
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            at: self.now,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
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

    fn lock(&mut self, notice: String) -> Vec<Effect> {
        // Replacing the screen drops the session: the vault and every secret
        // held by the UI are zeroized as they drop.
        self.screen = Screen::Unlock(UnlockState {
            notice: Some(notice),
            ..UnlockState::default()
        });
        self.help = false;
        self.status = None;
        self.clear_clipboard_now()
    }

    fn clear_clipboard_now(&mut self) -> Vec<Effect> {
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
        Message::Quit => {
            let mut fx = app.clear_clipboard_now();
            fx.push(Effect::Quit);
            fx
        }
        Message::Help => {
            app.help = true;
            Vec::new()
        }
        Message::CloseHelp => Vec::new(),
        Message::Lock if app.session().is_some() => app.lock(text::LOCKED_BY_USER.into()),
        Message::Unlocked(r) => on_unlocked(app, r),
        Message::Created(r, positions) => on_created(app, r, positions),
        Message::RecoveryOpened(r) => on_recovery_opened(app, r),
        Message::PassphraseSet(v, r) => on_passphrase_set(app, v, r),
        Message::Saved(r) => {
            match r {
                Ok(()) => {
                    if app.status.as_ref().is_none_or(|s| s.error) {
                        app.info(text::SAVED);
                    }
                }
                Err(VaultError::Changed) => app.error(text::CHANGED_ON_DISK),
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
        Message::ReportWritten(r) => {
            match r {
                Ok(p) => app.info(text::report_written(&p.display().to_string())),
                Err(e) => app.error(text::report_failed(&e)),
            }
            Vec::new()
        }
        other => match &app.screen {
            Screen::Unlock(_) => update_unlock(app, other),
            Screen::Create(_) => update_create(app, other),
            Screen::Recover(_) => update_recover(app, other),
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
    if app.lock_in() == Some(0) {
        let secs = app.auto_lock_secs;
        fx.extend(app.lock(text::locked_idle(secs)));
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

fn on_unlocked(app: &mut App, r: Result<Box<Vault>, VaultError>) -> Vec<Effect> {
    let Screen::Unlock(u) = &mut app.screen else {
        return Vec::new();
    };
    match r {
        Ok(v) => {
            app.status = None;
            app.enter_session(*v);
        }
        Err(e) => {
            u.working = false;
            u.error = Some(match e {
                VaultError::Auth(_) => text::WRONG_PASSPHRASE.to_owned(),
                other => other.to_string(),
            });
        }
    }
    Vec::new()
}

fn update_unlock(app: &mut App, msg: Message) -> Vec<Effect> {
    let has_ids = app.has_identities;
    let Screen::Unlock(u) = &mut app.screen else {
        return Vec::new();
    };
    if u.working {
        return Vec::new();
    }
    match msg {
        Message::Input(s) => {
            push_secret(&mut u.input, &s);
            u.error = None;
        }
        Message::Paste(s) => {
            push_secret(&mut u.input, s.expose().trim_end_matches(['\r', '\n']));
            u.error = None;
        }
        Message::Backspace => pop_secret(&mut u.input),
        Message::Submit => {
            if u.input.is_empty() {
                if has_ids {
                    u.working = true;
                    u.error = None;
                    return vec![Effect::UnlockWithIdentityFiles];
                }
                u.error = Some(text::EMPTY_PASSPHRASE.into());
                return Vec::new();
            }
            u.working = true;
            u.error = None;
            let p = std::mem::take(&mut u.input);
            return vec![Effect::UnlockWithPassphrase(p)];
        }
        Message::Forgot => app.screen = Screen::Recover(Box::default()),
        Message::Back => return vec![Effect::Quit],
        _ => {}
    }
    Vec::new()
}

fn on_created(
    app: &mut App,
    r: Result<Box<Vault>, VaultError>,
    positions: [usize; 2],
) -> Vec<Effect> {
    let Screen::Create(c) = &mut app.screen else {
        return Vec::new();
    };
    match r {
        Ok(v) => {
            c.key = v.payload().keys.recovery_identity.clone();
            c.vault = Some(v);
            c.positions = positions;
            c.stage = CreateStage::ShowKey;
        }
        Err(e) => {
            c.stage = CreateStage::Passphrase(NewPassphrase {
                error: Some(e.to_string()),
                ..NewPassphrase::default()
            });
        }
    }
    Vec::new()
}

/// The four characters the confirmation asks for.
pub fn expected_chars(key: &str, positions: [usize; 2]) -> Option<String> {
    let mut out = String::new();
    for p in positions {
        out.push_str(key.get(p..p + 2)?);
    }
    Some(out)
}

fn update_create(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let Screen::Create(c) = &mut app.screen else {
        return Vec::new();
    };
    match &mut c.stage {
        CreateStage::Passphrase(f) => match msg {
            Message::Input(s) => f.input(&s),
            Message::Paste(s) => f.input(s.expose().trim_end_matches(['\r', '\n'])),
            Message::Backspace => f.backspace(),
            Message::NextField | Message::PrevField | Message::Up | Message::Down => {
                f.focus = 1 - f.focus.min(1);
            }
            Message::Submit => {
                if let Some(p) = f.submit() {
                    c.stage = CreateStage::Working;
                    return vec![Effect::CreateVault(p)];
                }
            }
            Message::Back => return vec![Effect::Quit],
            _ => {}
        },
        CreateStage::Working => {}
        CreateStage::ShowKey => {
            if matches!(msg, Message::Submit | Message::Open) {
                c.stage = CreateStage::Confirm {
                    typed: SecretString::default(),
                    error: false,
                };
            }
        }
        CreateStage::Confirm { typed, error } => match msg {
            Message::Input(s) => {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                push_secret(typed, &s);
                *error = false;
            }
            Message::Backspace => pop_secret(typed),
            Message::Back => c.stage = CreateStage::ShowKey,
            Message::Submit => {
                let ok = expected_chars(c.key.expose(), c.positions)
                    .is_some_and(|want| want.eq_ignore_ascii_case(typed.expose()));
                if !ok {
                    *error = true;
                    *typed = SecretString::default();
                    return Vec::new();
                }
                let Some(mut vault) = c.vault.take() else {
                    return Vec::new();
                };
                vault.payload_mut().history.recovery_key_exported = Some(now);
                app.enter_session(*vault);
                app.info(text::CREATED);
                return vec![Effect::Save];
            }
            _ => {}
        },
    }
    Vec::new()
}

fn on_recovery_opened(app: &mut App, r: Result<Box<Vault>, String>) -> Vec<Effect> {
    let Screen::Recover(rs) = &mut app.screen else {
        return Vec::new();
    };
    rs.stage = match r {
        Ok(v) => RecoverStage::NewPassphrase {
            vault: Some(v),
            fields: NewPassphrase::default(),
        },
        Err(e) => RecoverStage::Material {
            text: SecretString::default(),
            error: Some(text::recover_failed(&e)),
        },
    };
    Vec::new()
}

fn on_passphrase_set(app: &mut App, v: Box<Vault>, r: Result<(), VaultError>) -> Vec<Effect> {
    if !matches!(app.screen, Screen::Recover(_)) {
        return Vec::new();
    }
    match r {
        Ok(()) => {
            app.enter_session(*v);
            app.info(text::RECOVERED);
        }
        Err(e) => {
            app.screen = Screen::Recover(Box::new(RecoverState {
                stage: RecoverStage::NewPassphrase {
                    vault: Some(v),
                    fields: NewPassphrase {
                        error: Some(e.to_string()),
                        ..NewPassphrase::default()
                    },
                },
            }));
        }
    }
    Vec::new()
}

fn update_recover(app: &mut App, msg: Message) -> Vec<Effect> {
    let Screen::Recover(rs) = &mut app.screen else {
        return Vec::new();
    };
    match &mut rs.stage {
        RecoverStage::Material { text: t, error } => match msg {
            Message::Input(s) => {
                push_secret(t, &s);
                *error = None;
            }
            Message::Paste(s) => {
                push_secret(t, s.expose());
                *error = None;
            }
            Message::Backspace => pop_secret(t),
            Message::Submit | Message::Save => {
                let body = t.expose().trim();
                let single_key = !body.contains('\n')
                    && body.to_ascii_uppercase().starts_with("AGE-SECRET-KEY-1");
                let on_empty_line = t.expose().ends_with('\n') || t.is_empty();
                if matches!(msg, Message::Save) || single_key || on_empty_line {
                    if body.is_empty() {
                        *error = Some(text::RECOVER_EMPTY.into());
                        return Vec::new();
                    }
                    let material = std::mem::take(t);
                    rs.stage = RecoverStage::Working(text::RECOVER_OPENING);
                    return vec![Effect::OpenForRecovery(material)];
                }
                push_secret(t, "\n");
            }
            Message::Back => app.screen = Screen::Unlock(UnlockState::default()),
            _ => {}
        },
        RecoverStage::Working(_) => {}
        RecoverStage::NewPassphrase { vault, fields } => match msg {
            Message::Input(s) => fields.input(&s),
            Message::Paste(s) => fields.input(s.expose().trim_end_matches(['\r', '\n'])),
            Message::Backspace => fields.backspace(),
            Message::NextField | Message::PrevField | Message::Up | Message::Down => {
                fields.focus = 1 - fields.focus.min(1);
            }
            Message::Submit => {
                if let Some(p) = fields.submit() {
                    if let Some(v) = vault.take() {
                        rs.stage = RecoverStage::Working(text::RECOVER_SAVING);
                        return vec![Effect::SetPassphrase {
                            vault: v,
                            passphrase: p,
                        }];
                    }
                }
            }
            Message::Back => app.screen = Screen::Unlock(UnlockState::default()),
            _ => {}
        },
    }
    Vec::new()
}

fn update_main(app: &mut App, msg: Message) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    match s.pages.last() {
        None => match s.tab {
            Tab::Items => update_items(app, msg),
            Tab::Playbooks => update_playbook_list(app, msg),
        },
        Some(Page::Detail(_)) => update_detail(app, msg),
        Some(Page::Form(_)) => update_form(app, msg),
        Some(Page::Runner(_)) => update_runner(app, msg),
    }
}

const PAGE: isize = 10;

fn update_items(app: &mut App, msg: Message) -> Vec<Effect> {
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let len = s.items.matches.len();
    let items = &s.vault.payload().items;
    let st = &mut s.items;
    match msg {
        Message::Up => st.cursor.step(-1, len),
        Message::Down => st.cursor.step(1, len),
        Message::PageUp => st.cursor.step(-PAGE, len),
        Message::PageDown => st.cursor.step(PAGE, len),
        Message::Home => st.cursor.selected = 0,
        Message::End => st.cursor.selected = len.saturating_sub(1),
        Message::StartSearch => {
            st.searching = true;
            if !st.query.is_empty() {
                st.query.clear();
                st.refilter(items);
            }
        }
        Message::Input(t) if st.searching => {
            st.query.push_str(&t);
            st.cursor.selected = 0;
            st.refilter(items);
        }
        Message::Paste(t) if st.searching => {
            st.query.push_str(t.expose().lines().next().unwrap_or(""));
            st.refilter(items);
        }
        Message::Backspace if st.searching => {
            st.query.pop();
            st.refilter(items);
        }
        Message::Back => {
            st.searching = false;
            if !st.query.is_empty() {
                st.query.clear();
                st.refilter(items);
            }
        }
        Message::Submit | Message::Open => {
            st.searching = false;
            if let Some(i) = st.selected_item() {
                let id = items[i].id.clone();
                s.pages.push(Page::Detail(DetailState {
                    item_id: id,
                    revealed_at: None,
                    code: ListCursor::default(),
                    confirm_delete: false,
                }));
            }
        }
        Message::SwitchTab => s.tab = Tab::Playbooks,
        Message::AddItem => s.pages.push(Page::Form(Box::new(FormState::new_item()))),
        _ => {}
    }
    Vec::new()
}

fn update_playbook_list(app: &mut App, msg: Message) -> Vec<Effect> {
    let len = app.playbooks.len();
    let App {
        screen, playbooks, ..
    } = app;
    let Screen::Main(s) = screen else {
        return Vec::new();
    };
    match msg {
        Message::Up => s.playbooks.step(-1, len),
        Message::Down => s.playbooks.step(1, len),
        Message::PageUp => s.playbooks.step(-PAGE, len),
        Message::PageDown => s.playbooks.step(PAGE, len),
        Message::Home => s.playbooks.selected = 0,
        Message::End => s.playbooks.selected = len.saturating_sub(1),
        Message::SwitchTab => s.tab = Tab::Items,
        Message::Open | Message::Submit if len > 0 => {
            let pb = s.playbooks.selected.min(len - 1);
            // Start at the step to do now.
            let book = &playbooks[pb];
            let next = playbook::progress(book, s.vault.payload().playbooks.run(&book.id))
                .next_step
                .and_then(|id| book.step_index(&id))
                .unwrap_or(0);
            s.pages.push(Page::Runner(RunnerState {
                playbook: pb,
                steps: ListCursor {
                    selected: next,
                    offset: Cell::new(0),
                },
                link: 0,
                note: None,
                confirm_reset: false,
                account: None,
            }));
        }
        _ => {}
    }
    Vec::new()
}

/// What `c` copies: the secret, or for TOTP the current code, or for
/// recovery codes the chosen code.
pub fn copy_text(item: &Item, code_cursor: usize, unix: u64) -> Option<SecretString> {
    Some(match &item.secret {
        Secret::Seed { words, .. } => words.clone(),
        Secret::Key { key, .. } => key.clone(),
        Secret::Totp { .. } => {
            SecretString::new(crate::item::totp::code_at(&item.secret, unix).ok()?)
        }
        Secret::Codes { codes } => codes.get(code_cursor)?.code.clone(),
        Secret::Password { password, .. } => password.clone(),
        Secret::Note { text } => text.clone(),
    })
}

fn update_detail(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let Some(Page::Detail(d)) = s.pages.last_mut() else {
        return Vec::new();
    };
    let Some(idx) = s
        .vault
        .payload()
        .items
        .iter()
        .position(|i| i.id == d.item_id)
    else {
        s.pages.pop();
        return Vec::new();
    };
    if d.confirm_delete {
        match msg {
            Message::Confirm(true) => {
                let name = s.vault.payload().items[idx].name.clone();
                let id = d.item_id.clone();
                s.pages.pop();
                if s.vault.remove_item(&id).is_ok() {
                    let items = &s.vault.payload().items;
                    s.items.reindex(items);
                    app.info(text::deleted(&name));
                    return vec![Effect::Save];
                }
            }
            Message::Confirm(false) | Message::Back => d.confirm_delete = false,
            _ => {}
        }
        return Vec::new();
    }
    let n_codes = match &s.vault.payload().items[idx].secret {
        Secret::Codes { codes } => codes.len(),
        _ => 0,
    };
    match msg {
        Message::Back => {
            s.pages.pop();
        }
        Message::Reveal => {
            d.revealed_at = match d.revealed_at {
                Some(_) => None,
                None => Some(now),
            }
        }
        Message::Up => d.code.step(-1, n_codes),
        Message::Down => d.code.step(1, n_codes),
        Message::Copy => {
            let item = &s.vault.payload().items[idx];
            let unix = now.unix_timestamp().max(0) as u64;
            return match copy_text(item, d.code.selected, unix) {
                Some(t) => vec![Effect::Copy(t)],
                None => {
                    app.error(text::NOTHING_TO_COPY);
                    Vec::new()
                }
            };
        }
        Message::MarkUsed if n_codes > 0 => {
            let sel = d.code.selected.min(n_codes - 1);
            let item = &mut s.vault.payload_mut().items[idx];
            let mut used = false;
            if let Secret::Codes { codes } = &mut item.secret {
                let c = &mut codes[sel];
                c.used = match c.used {
                    Some(_) => None,
                    None => Some(now),
                };
                used = c.used.is_some();
            }
            item.updated = now;
            let name = item.name.clone();
            s.vault
                .audit(if used { "codes-use" } else { "codes-unuse" }, Some(&name));
            app.info(text::code_marked(sel + 1, used));
            return vec![Effect::Save];
        }
        Message::EditItem => {
            let form = FormState::edit(&s.vault.payload().items[idx]);
            s.pages.push(Page::Form(Box::new(form)));
        }
        Message::DeleteItem => d.confirm_delete = true,
        _ => {}
    }
    Vec::new()
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Builds the secret from the form with the command line's validation.
fn form_secret(f: &FormState) -> Result<Secret, String> {
    use crate::cli::args::{AddArgs, KindArg, SchemeArg};
    if f.kind == ItemKind::Key {
        // The CLI prints a note to stderr for unrecognised keys, which would
        // scribble over the screen: recognise the format here instead.
        let key = SecretString::from(f.secret.expose().trim());
        let format = crate::item::keys::recognise(key.expose())
            .map_err(|e| format!("{e}. Nothing was stored."))?;
        return Ok(Secret::Key {
            key,
            format: Some(format.as_str().to_owned()),
        });
    }
    let args = AddArgs {
        kind: match f.kind {
            ItemKind::Seed => KindArg::Seed,
            ItemKind::Key => KindArg::Key,
            ItemKind::Totp => KindArg::Totp,
            ItemKind::Codes => KindArg::Codes,
            ItemKind::Password => KindArg::Password,
            ItemKind::Note => KindArg::Note,
        },
        name: f.name.clone(),
        account: None,
        tags: Vec::new(),
        note: None,
        support: None,
        scheme: Some(match f.scheme {
            SeedScheme::Bip39 => SchemeArg::Bip39,
            SeedScheme::Slip39 => SchemeArg::Slip39,
            SeedScheme::Other => SchemeArg::Other,
        }),
        language: None,
        no_verify: false,
        with_passphrase: false,
        username: non_empty(&f.username),
        url: non_empty(&f.url),
    };
    crate::cli::commands::build_secret(f.kind, &f.secret, &args).map_err(|e| {
        // The CLI's advice names its flags; the form has a scheme field instead.
        match e.message.find(" (Use --") {
            Some(cut) => format!("{} {}", &e.message[..cut], text::SCHEME_HINT),
            None => e.message,
        }
    })
}

/// Validates the form into an item: a new one, or `existing` changed.
pub fn form_to_item(
    f: &FormState,
    existing: Option<&Item>,
    others: &[Item],
) -> Result<Item, String> {
    let name = f.name.trim().to_owned();
    crate::item::validate_name(&name).map_err(|e| e.to_string())?;
    let lower = name.to_lowercase();
    if others
        .iter()
        .any(|i| i.name.to_lowercase() == lower && Some(&i.id) != existing.map(|e| &e.id))
    {
        return Err(text::name_taken(&name));
    }
    let mut secret = match existing {
        Some(old) if f.secret.is_empty() => {
            let mut s = old.secret.clone();
            if let Secret::Password { username, url, .. } = &mut s {
                *username = non_empty(&f.username);
                *url = non_empty(&f.url);
            }
            s
        }
        _ => {
            if f.secret.expose().trim().is_empty() {
                return Err(text::SECRET_REQUIRED.into());
            }
            form_secret(f)?
        }
    };
    if let Secret::Seed { passphrase, .. } = &mut secret {
        *passphrase = f.seed_passphrase();
    }
    let mut item = match existing {
        Some(old) => {
            let mut i = old.clone();
            i.secret = secret;
            i
        }
        None => Item::new(name.clone(), secret),
    };
    item.name = name;
    item.account = non_empty(&f.account);
    item.tags = f.tags.split(',').filter_map(non_empty).collect();
    item.support = non_empty(&f.support);
    item.notes = non_empty(&f.notes);
    item.validate_common().map_err(|e| e.to_string())?;
    Ok(item)
}

fn update_form(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let Some(s) = app.session_mut() else {
        return Vec::new();
    };
    let Some(Page::Form(f)) = s.pages.last_mut() else {
        return Vec::new();
    };
    let save = match msg {
        Message::Input(t) => {
            if let Some(secret) = f.secret_field() {
                push_secret(secret, &t);
            } else if let Some(field) = f.text_field() {
                field.push_str(&t);
            }
            f.error = None;
            false
        }
        Message::Paste(t) => {
            if let Some(secret) = f.secret_field() {
                push_secret(secret, t.expose().trim_end_matches(['\r', '\n']));
            } else if let Some(field) = f.text_field() {
                field.push_str(t.expose().lines().next().unwrap_or(""));
            }
            false
        }
        Message::Backspace => {
            if let Some(secret) = f.secret_field() {
                pop_secret(secret);
            } else if let Some(field) = f.text_field() {
                field.pop();
            }
            false
        }
        Message::ClearField => {
            // The secret is masked, so retyping it whole is the way to fix
            // a phrase the checksum refused.
            if let Some(secret) = f.secret_field() {
                *secret = SecretString::default();
            } else if let Some(field) = f.text_field() {
                field.clear();
            }
            f.error = None;
            false
        }
        Message::NextField | Message::Down => {
            f.move_focus(1);
            false
        }
        Message::PrevField | Message::Up => {
            f.move_focus(-1);
            false
        }
        Message::Left => {
            f.cycle(-1);
            false
        }
        Message::Right => {
            f.cycle(1);
            false
        }
        Message::Submit => {
            if f.is_last() {
                true
            } else {
                f.move_focus(1);
                false
            }
        }
        Message::Save => true,
        Message::Back => {
            s.pages.pop();
            false
        }
        _ => false,
    };
    if !save {
        return Vec::new();
    }
    let Some(Page::Form(f)) = s.pages.last() else {
        return Vec::new();
    };
    let items = &s.vault.payload().items;
    let existing = f
        .editing
        .as_deref()
        .and_then(|id| items.iter().find(|i| i.id == id));
    let result = form_to_item(f, existing, items);
    let editing = f.editing.clone();
    let key_as_text = f.kind == ItemKind::Key
        && !f.secret.is_empty()
        && crate::item::keys::recognise(f.secret.expose().trim())
            .is_ok_and(|k| k == crate::item::keys::KeyFormat::Text);
    let mut item = match result {
        Ok(i) => i,
        Err(e) => {
            if let Some(Page::Form(f)) = s.pages.last_mut() {
                f.error = Some(e);
            }
            return Vec::new();
        }
    };
    let name = item.name.clone();
    let status = match &editing {
        Some(id) => {
            let Some(idx) = s.item_index(id) else {
                return Vec::new();
            };
            item.updated = now;
            s.vault.payload_mut().items[idx] = item;
            s.vault.audit("edit", Some(&name));
            text::changed(&name)
        }
        None => {
            if let Err(e) = s.vault.add_item(item) {
                if let Some(Page::Form(f)) = s.pages.last_mut() {
                    f.error = Some(e.to_string());
                }
                return Vec::new();
            }
            text::added(&name)
        }
    };
    s.pages.pop();
    let items = &s.vault.payload().items;
    s.items.reindex(items);
    if let Some(i) = items.iter().position(|i| i.name == name) {
        s.items.select_item(i);
    }
    if key_as_text {
        app.info(format!("{status} {}", text::KEY_AS_TEXT));
    } else {
        app.info(status);
    }
    vec![Effect::Save]
}

/// Applies `f` to the playbook's run (starting one only if `f` succeeds).
fn change_run(
    vault: &mut Vault,
    pb: &Playbook,
    now: OffsetDateTime,
    f: impl FnOnce(&Playbook, &mut Run) -> Result<(), playbook::PlaybookError>,
) -> Result<(), String> {
    let state = &mut vault.payload_mut().playbooks;
    let mut run = state
        .run(&pb.id)
        .cloned()
        .unwrap_or_else(|| Run::new(&pb.id, now));
    f(pb, &mut run).map_err(|e| e.to_string())?;
    match state.run_mut(&pb.id) {
        Some(r) => *r = run,
        None => state.active.push(run),
    }
    Ok(())
}

/// A file name for a report: `lifeboat-report-ID-YYYYMMDD-HHMMSS.md`.
pub fn report_file_name(id: &str, now: OffsetDateTime) -> String {
    format!(
        "lifeboat-report-{id}-{:04}{:02}{:02}-{:02}{:02}{:02}.md",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

fn update_runner(app: &mut App, msg: Message) -> Vec<Effect> {
    let now = app.now;
    let App {
        screen, playbooks, ..
    } = app;
    let Screen::Main(s) = screen else {
        return Vec::new();
    };
    let Some(Page::Runner(r)) = s.pages.last_mut() else {
        return Vec::new();
    };
    let Some(pb) = playbooks.get(r.playbook) else {
        s.pages.pop();
        return Vec::new();
    };
    let n = pb.steps.len();
    let sel = r.steps.selected.min(n.saturating_sub(1));
    let Some(step) = pb.steps.get(sel) else {
        s.pages.pop();
        return Vec::new();
    };
    let items = &s.vault.payload().items;
    let run = s.vault.payload().playbooks.run(&pb.id);
    let linked: Vec<String> = playbook::linked_items_for_run(step, run, items)
        .iter()
        .map(|i| i.id.clone())
        .collect();

    // The note field takes the keys while open.
    if let Some((purpose, note)) = &mut r.note {
        match msg {
            Message::Input(t) => note.push_str(&t),
            Message::Paste(t) => note.push_str(t.expose()),
            Message::Backspace => {
                note.pop();
            }
            Message::Back => r.note = None,
            Message::Submit => {
                let text_ = std::mem::take(note);
                let purpose = *purpose;
                r.note = None;
                let id = step.id.clone();
                let res = change_run(&mut s.vault, pb, now, |pb, run| match purpose {
                    NotePurpose::Annotate => playbook::note(pb, run, &id, &text_, now),
                    NotePurpose::Tick | NotePurpose::EndWaitEarly => {
                        playbook::check(pb, run, &id, Some(text_.clone()), now)
                    }
                });
                return match res {
                    Ok(()) => {
                        advance_if_done(s, pb, sel);
                        vec![Effect::Save]
                    }
                    Err(e) => {
                        app.error(e);
                        Vec::new()
                    }
                };
            }
            _ => {}
        }
        return Vec::new();
    }

    if r.confirm_reset {
        match msg {
            Message::Confirm(true) => {
                r.confirm_reset = false;
                // Archives the run with its history; nothing is deleted.
                if s.vault.payload_mut().playbooks.reset(&pb.id, now) {
                    s.vault.audit("playbook-reset", Some(&pb.id));
                    r.steps.selected = 0;
                    r.link = 0;
                    app.info(text::RUN_RESET);
                    return vec![Effect::Save];
                }
            }
            Message::Confirm(false) | Message::Back => r.confirm_reset = false,
            _ => {}
        }
        return Vec::new();
    }

    if let Some(p) = &mut r.account {
        let len = p.choices().len();
        match msg {
            Message::Input(t) => {
                p.query.push_str(&t);
                p.cursor.selected = 0;
            }
            Message::Paste(t) => {
                p.query.push_str(t.expose().lines().next().unwrap_or(""));
                p.cursor.selected = 0;
            }
            Message::Backspace => {
                p.query.pop();
                p.cursor.selected = 0;
            }
            Message::ClearField => {
                p.query.clear();
                p.cursor.selected = 0;
            }
            Message::Up | Message::PrevField => p.cursor.step(-1, len),
            Message::Down | Message::NextField => p.cursor.step(1, len),
            Message::Back => r.account = None,
            Message::Submit | Message::Save => {
                let choices = p.choices();
                let Some(choice) = choices.get(p.cursor.selected.min(len.saturating_sub(1))) else {
                    return Vec::new();
                };
                let account = choice.account();
                r.account = None;
                let current = run.and_then(|r| r.account.clone());
                let same = match (&current, &account) {
                    (Some(a), Some(b)) => a == b.trim(),
                    (None, None) => true,
                    _ => false,
                };
                if same {
                    return Vec::new();
                }
                let shown = account.clone();
                let res = change_run(&mut s.vault, pb, now, |_, run| {
                    playbook::set_account(run, account, now);
                    Ok(())
                });
                r.link = 0;
                return match res {
                    Ok(()) => {
                        match shown {
                            Some(a) => app.info(text::account_set(a.trim())),
                            None => app.info(text::ACCOUNT_CLEARED),
                        }
                        vec![Effect::Save]
                    }
                    Err(e) => {
                        app.error(e);
                        Vec::new()
                    }
                };
            }
            _ => {}
        }
        return Vec::new();
    }

    let views = playbook::step_states(pb, run, now);
    let view = &views[sel];
    let mut result: Option<Result<(), String>> = None;
    let mut advance = false;
    let mut info: Option<String> = None;
    match msg {
        Message::Up => {
            r.steps.step(-1, n);
            r.link = 0;
        }
        Message::Down => {
            r.steps.step(1, n);
            r.link = 0;
        }
        Message::PageUp => r.steps.step(-PAGE, n),
        Message::PageDown => r.steps.step(PAGE, n),
        Message::Home => r.steps.selected = 0,
        Message::End => r.steps.selected = n.saturating_sub(1),
        Message::Left => r.link = r.link.saturating_sub(1),
        Message::Right => r.link = (r.link + 1).min(linked.len().saturating_sub(1)),
        Message::Back => {
            s.pages.pop();
        }
        Message::Open | Message::Submit => {
            if let Some(id) = linked.get(r.link.min(linked.len().saturating_sub(1))) {
                s.pages.push(Page::Detail(DetailState {
                    item_id: id.clone(),
                    revealed_at: None,
                    code: ListCursor::default(),
                    confirm_delete: false,
                }));
            }
        }
        Message::AddNote => r.note = Some((NotePurpose::Annotate, String::new())),
        Message::ResetRun => match run {
            Some(_) => r.confirm_reset = true,
            None => info = Some(text::NOTHING_TO_RESET.to_owned()),
        },
        Message::PickAccount => {
            r.account = Some(AccountPicker::new(
                items,
                run.and_then(|r| r.account.as_deref()),
            ));
        }
        Message::Answer(k) if step.kind == StepKind::Decision => {
            let id = step.id.clone();
            result = Some(change_run(&mut s.vault, pb, now, |pb, run| {
                playbook::answer(pb, run, &id, &k.to_string(), now)
            }));
            advance = true;
        }
        Message::Toggle => {
            let id = step.id.clone();
            let done = view.state == StepState::Done;
            match step.kind {
                StepKind::Decision if !done => {
                    info = Some(text::answer_with_numbers(step.choices.len()));
                }
                _ if done => {
                    result = Some(change_run(&mut s.vault, pb, now, |pb, run| {
                        playbook::uncheck(pb, run, &id, now)
                    }));
                }
                StepKind::Note => r.note = Some((NotePurpose::Tick, String::new())),
                StepKind::Wait if view.state == StepState::Waiting => {
                    r.note = Some((NotePurpose::EndWaitEarly, String::new()));
                }
                _ => {
                    result = Some(change_run(&mut s.vault, pb, now, |pb, run| {
                        playbook::check(pb, run, &id, None, now)
                    }));
                    advance = true;
                }
            }
        }
        Message::WriteReport => {
            return match run {
                Some(run) => vec![Effect::WriteReport {
                    file_name: report_file_name(&pb.id, now),
                    text: playbook::render_report(pb, run, items, now),
                }],
                None => {
                    app.info(text::NOTHING_TO_REPORT);
                    Vec::new()
                }
            };
        }
        _ => {}
    }
    let effects = match result {
        Some(Ok(())) => {
            if advance {
                advance_if_done(s, pb, sel);
            }
            vec![Effect::Save]
        }
        Some(Err(e)) => {
            app.error(e);
            Vec::new()
        }
        None => Vec::new(),
    };
    if let Some(i) = info {
        app.info(i);
    }
    effects
}

/// After a step at `from` is done, moves the runner's cursor to the next
/// step to do, so ticking through a playbook needs no arrow keys.
fn advance_if_done(s: &mut Session, pb: &Playbook, from: usize) {
    let run = s.vault.payload().playbooks.run(&pb.id);
    let done = pb
        .steps
        .get(from)
        .and_then(|st| run.and_then(|r| r.record(&st.id)))
        .is_some_and(|rec| rec.done_at.is_some());
    if !done {
        return;
    }
    let Some(next) = playbook::progress(pb, run)
        .next_step
        .and_then(|id| pb.step_index(&id))
    else {
        return;
    };
    if let Some(Page::Runner(r)) = s.pages.last_mut() {
        r.steps.selected = next;
        r.link = 0;
    }
}
