//! Every string the TUI shows, named in one place: the words are in the
//! Fluent catalogue `i18n/<lang>/tui.ftl` (ids `tui-*`), read in the
//! interface's language when a view draws them. Fixed texts are [`Msg`]
//! constants (they read as text where they are used); texts built from
//! values (names, counts, times) are functions that hand the values to the
//! catalogue, so word order and plurals are the translation's business.
//! Key names (Enter, Esc, Tab, Ctrl+U) stay as they are in every language.

use std::borrow::Cow;

use ratatui::text::{Line, Text};

use super::app::Context;
use crate::i18n::Msg;
use crate::tr;

impl<'a> From<Msg> for Cow<'a, str> {
    fn from(m: Msg) -> Self {
        Cow::Owned(m.text())
    }
}

impl From<Msg> for Line<'static> {
    fn from(m: Msg) -> Self {
        Line::raw(m.text())
    }
}

impl From<Msg> for Text<'static> {
    fn from(m: Msg) -> Self {
        Text::raw(m.text())
    }
}

/// The program name in the header.
pub const APP_NAME: &str = "lifeboat";
/// Tab titles.
pub const TAB_ITEMS: Msg = Msg("tui-tab-items");
/// Tab titles.
pub const TAB_PLAYBOOKS: Msg = Msg("tui-tab-playbooks");
/// Banner: the recovery key was never confirmed nor printed.
pub const BANNER_KEY_NOT_CONFIRMED: Msg = Msg("tui-banner-key-not-confirmed");
/// Tab names.
pub const TAB_TOOLS: Msg = Msg("tui-tab-tools");
/// Title of the tools list.
pub const TOOLS_TITLE: Msg = Msg("tui-tools-title");
/// A tool is running.
pub const TOOL_WORKING: Msg = Msg("tui-tool-working");
/// Asking for the backup folder.
pub const TOOL_FOLDER_ASK: Msg = Msg("tui-tool-folder-ask");
/// Keys while typing the folder.
pub const TOOL_FOLDER_KEYS: Msg = Msg("tui-tool-folder-keys");
/// What the split field starts with.
pub const SPLIT_PLAN_DEFAULT: Msg = Msg("tui-split-plan-default");
/// Asking for the split.
pub const SPLIT_PLAN_ASK: Msg = Msg("tui-split-plan-ask");
/// Keys while typing the split.
pub const SPLIT_PLAN_KEYS: Msg = Msg("tui-split-plan-keys");
/// The current passphrase field.
pub const CURRENT_PASSPHRASE_LABEL: Msg = Msg("tui-current-passphrase-label");
/// What the passphrase form is.
pub const PASSWD_EXPLAIN: Msg = Msg("tui-passwd-explain");
/// The current passphrase is empty.
pub const PASSWD_CURRENT_EMPTY: Msg = Msg("tui-passwd-current-empty");
/// Keys in the passphrase form.
pub const PASSWD_KEYS: Msg = Msg("tui-passwd-keys");
/// The passphrase form is waiting for Argon2id.
pub const PASSWD_WORKING: Msg = Msg("tui-passwd-working");
/// Shown in place of a secret.
pub const MASK: Msg = Msg("tui-mask");
/// Hint beside a masked secret.
pub const REVEAL_HINT: Msg = Msg("tui-reveal-hint");
/// Shown when nothing matches the search.
pub const NO_MATCHES: Msg = Msg("tui-no-matches");
/// One line above the items when an extra recipient's key opened the vault
/// (the open proves nothing about who wrote the file; saves are refused).
/// Fits 80 columns.
pub const UNVERIFIED_BANNER: Msg = Msg("tui-unverified-banner");
/// Header marker of a read-only session (every screen).
pub const UNVERIFIED_MARK: Msg = Msg("tui-unverified-mark");
/// Header marker of a vault in a folder others can write to.
pub const UNSAFE_FOLDER_MARK: Msg = Msg("tui-unsafe-folder-mark");
/// One line above the items when the vault's folder lets other users plant
/// or swap a vault (the unlock screen says why and what to run). Fits 80
/// columns.
pub const UNSAFE_FOLDER_BANNER: Msg = Msg("tui-unsafe-folder-banner");

// ---- proving a read-only session ------------------------------------
/// The prompt's title.
pub const PROVE_TITLE: Msg = Msg("tui-prove-title");
/// Why it is asked.
pub const PROVE_WHY: Msg = Msg("tui-prove-why");
/// The field's label.
pub const PROVE_LABEL: Msg = Msg("tui-prove-label");
/// While the check runs.
pub const PROVING: Msg = Msg("tui-proving");
/// The check failed.
pub const PROOF_FAILED: Msg = Msg("tui-proof-failed");
/// The check passed.
pub const PROVED: Msg = Msg("tui-proved");
/// `P` in a session that is already proved.
pub const ALREADY_PROVED: Msg = Msg("tui-already-proved");
/// The prompt was closed after a save was refused.
pub const NOT_SAVED_READ_ONLY: Msg = Msg("tui-not-saved-read-only");
/// Shown for an empty vault.
pub const EMPTY_VAULT: Msg = Msg("tui-empty-vault");
/// Group header for items without an account.
pub const NO_ACCOUNT: Msg = Msg("tui-no-account");
/// Search prompt.
pub const SEARCH_PROMPT: Msg = Msg("tui-search-prompt");
/// Search placeholder when not searching.
pub const SEARCH_HINT: Msg = Msg("tui-search-hint");

// ---- unlock -----------------------------------------------------------
/// Unlock box title.
pub const UNLOCK_TITLE: Msg = Msg("tui-unlock-title");
/// Label of the passphrase field.
pub const PASSPHRASE_LABEL: Msg = Msg("tui-passphrase-label");
/// While Argon2id runs.
pub const UNLOCKING: Msg = Msg("tui-unlocking");
/// Wrong passphrase.
pub const WRONG_PASSPHRASE: Msg = Msg("tui-wrong-passphrase");
/// Empty passphrase submitted.
pub const EMPTY_PASSPHRASE: Msg = Msg("tui-empty-passphrase");
/// Shown when started with --identity.
pub const IDENTITY_HINT: Msg = Msg("tui-identity-hint");
/// Forgot link.
pub const FORGOT_LINK: Msg = Msg("tui-forgot-link");
/// Added to the idle-lock notice when an item form was open.
pub const FORM_DISCARDED: Msg = Msg("tui-form-discarded");
/// Added to the idle-lock notice when a half-written note was kept.
pub const NOTE_KEPT: Msg = Msg("tui-note-kept");
/// Locked by the user.
pub const LOCKED_BY_USER: Msg = Msg("tui-locked-by-user");
/// Demo: shown at start.
pub const DEMO_WELCOME: Msg = Msg("tui-demo-welcome");

// ---- create -----------------------------------------------------------
/// Create box title.
pub const CREATE_TITLE: Msg = Msg("tui-create-title");
/// Field label.
pub const NEW_PASSPHRASE_LABEL: Msg = Msg("tui-new-passphrase-label");
/// Field label.
pub const REPEAT_PASSPHRASE_LABEL: Msg = Msg("tui-repeat-passphrase-label");
/// Policy statement.
pub const POLICY: Msg = Msg("tui-policy");
/// Strength meter label.
pub const STRENGTH: Msg = Msg("tui-strength");
/// Policy met.
pub const POLICY_OK: Msg = Msg("tui-policy-ok");
/// Submitted a passphrase that fails the policy.
pub const POLICY_NOT_MET: Msg = Msg("tui-policy-not-met");
/// The two entries differ.
pub const MISMATCH: Msg = Msg("tui-mismatch");
/// While the vault is created.
pub const CREATING: Msg = Msg("tui-creating");
/// Recovery key screen title.
pub const KEY_TITLE: Msg = Msg("tui-key-title");
/// Recovery key explanation.
pub const KEY_EXPLAIN: Msg = Msg("tui-key-explain");
/// Editing one word of a seed.
pub const WORD_EDIT_HINT: Msg = Msg("tui-word-edit-hint");
/// Above the key in groups.
pub const KEY_GROUPS: Msg = Msg("tui-key-groups");
/// Continue from the key screen.
pub const KEY_CONTINUE: Msg = Msg("tui-key-written-continue");
/// Confirmation title.
pub const CONFIRM_TITLE: Msg = Msg("tui-confirm-title");
/// Label of the confirmation field.
pub const CONFIRM_LABEL: Msg = Msg("tui-confirm-label");
/// Confirmation failed.
pub const CONFIRM_WRONG: Msg = Msg("tui-confirm-wrong");
/// Vault ready.
pub const CREATED: Msg = Msg("tui-created");

// ---- recover ----------------------------------------------------------
/// Recover box title.
pub const RECOVER_TITLE: Msg = Msg("tui-recover-title");
/// Recover explanation.
pub const RECOVER_EXPLAIN: Msg = Msg("tui-recover-explain");
/// Recover keys hint.
pub const RECOVER_KEYS: Msg = Msg("tui-recover-keys");
/// The material is shown while typed.
pub const RECOVER_VISIBLE: Msg = Msg("tui-recover-visible");
/// A recovery key with a character it cannot hold.
pub const KEY_CHARACTER: Msg = Msg("tui-key-character");
/// While opening.
pub const RECOVER_OPENING: Msg = Msg("tui-recover-opening");
/// Nothing entered.
pub const RECOVER_EMPTY: Msg = Msg("tui-recover-empty");
/// Opened; ask for a new passphrase.
pub const RECOVER_NEW: Msg = Msg("tui-recover-new");
/// While the new passphrase is set.
pub const RECOVER_SAVING: Msg = Msg("tui-recover-saving");
/// Done.
pub const RECOVERED: Msg = Msg("tui-recovered");

// ---- items ------------------------------------------------------------
/// Detail field labels.
pub const F_KIND: Msg = Msg("tui-f-kind");
/// Detail field labels.
pub const F_ACCOUNT: Msg = Msg("tui-f-account");
/// Detail field labels.
pub const F_TAGS: Msg = Msg("tui-f-tags");
/// Detail field labels.
pub const F_SUPPORT: Msg = Msg("tui-f-support");
/// Detail field labels.
pub const F_NOTES: Msg = Msg("tui-f-notes");
/// Detail field labels.
pub const F_UPDATED: Msg = Msg("tui-f-updated");
/// Detail field labels.
pub const F_SCHEME: Msg = Msg("tui-f-scheme");
/// Detail field labels.
pub const F_WORDS: Msg = Msg("tui-f-words");
/// Detail field labels.
pub const F_BIP39_PASSPHRASE: Msg = Msg("tui-f-bip39-passphrase");
/// Detail field labels.
pub const F_FORMAT: Msg = Msg("tui-f-format");
/// Detail field labels.
pub const F_KEY: Msg = Msg("tui-f-key");
/// Detail field labels.
pub const F_CODE: Msg = Msg("tui-f-code");
/// Detail field labels.
pub const F_SECRET: Msg = Msg("tui-f-secret");
/// Detail field labels.
pub const F_ISSUER: Msg = Msg("tui-f-issuer");
/// Detail field labels.
pub const F_LABEL: Msg = Msg("tui-f-label");
/// Detail field labels.
pub const F_PARAMS: Msg = Msg("tui-f-params");
/// Detail field labels.
pub const F_USERNAME: Msg = Msg("tui-f-username");
/// Detail field labels.
pub const F_PASSWORD: Msg = Msg("tui-f-password");
/// Detail field labels.
pub const F_URL: Msg = Msg("tui-f-url");
/// Detail field labels.
pub const F_TEXT: Msg = Msg("tui-f-text");
/// Code usage states.
pub const UNUSED: Msg = Msg("tui-unused");
/// HOTP: no code shown yet.
pub const HOTP_NO_CODE: Msg = Msg("tui-hotp-no-code");
/// HOTP: waiting for the save.
pub const HOTP_SAVING: Msg = Msg("tui-hotp-saving");
/// HOTP: copy before a code was made.
pub const HOTP_COPY_FIRST: Msg = Msg("tui-hotp-copy-first");
/// HOTP: the save failed, so no code is shown.
pub const HOTP_NOT_SAVED: Msg = Msg("tui-hotp-not-saved");
/// HOTP: the counter cannot move on.
pub const HOTP_COUNTER_END: Msg = Msg("tui-hotp-counter-end");
/// No clipboard helper.
pub const NO_CLIPBOARD: Msg = Msg("tui-no-clipboard");
/// Clipboard cleared.
pub const CLIPBOARD_CLEARED: Msg = Msg("tui-clipboard-cleared");
/// Nothing to copy (e.g. a codes item with no codes).
pub const NOTHING_TO_COPY: Msg = Msg("tui-nothing-to-copy");
/// Saved.
pub const SAVED: Msg = Msg("tui-saved");
/// The vault changed on disk, and the save could not merge (the new
/// version does not open with this session's keys).
pub const CHANGED_ON_DISK: Msg = Msg("tui-changed-on-disk");

// ---- form -------------------------------------------------------------
/// Form title for a new item.
pub const FORM_ADD: Msg = Msg("tui-form-add");
/// Form labels.
pub const L_KIND: Msg = Msg("tui-l-kind");
/// Form labels.
pub const L_NAME: Msg = Msg("tui-l-name");
/// Form labels.
pub const L_ACCOUNT: Msg = Msg("tui-l-account");
/// Form labels.
pub const L_TAGS: Msg = Msg("tui-l-tags");
/// Form labels.
pub const L_SUPPORT: Msg = Msg("tui-l-support");
/// Form labels.
pub const L_NOTES: Msg = Msg("tui-l-notes");
/// Form labels.
pub const L_SCHEME: Msg = Msg("tui-l-scheme");
/// Form labels.
pub const L_USERNAME: Msg = Msg("tui-l-username");
/// Form labels.
pub const L_URL: Msg = Msg("tui-l-url");
/// Form label of a seed's optional BIP39 passphrase.
pub const L_SEED_PASSPHRASE: Msg = Msg("tui-l-seed-passphrase");
/// Hint beside the empty seed passphrase field.
pub const SEED_PASSPHRASE_HINT: Msg = Msg("tui-seed-passphrase-hint");
/// Hint for the secret field when editing.
pub const KEEP_SECRET: Msg = Msg("tui-keep-secret");
/// Hint for tags.
pub const TAGS_HINT: Msg = Msg("tui-tags-hint");
/// Hint for cycling fields.
pub const CYCLE_HINT: Msg = Msg("tui-cycle-hint");
/// Secret needed for a new item.
pub const SECRET_REQUIRED: Msg = Msg("tui-secret-required");
/// Stored a key as plain text.
pub const KEY_AS_TEXT: Msg = Msg("tui-key-as-text");

// ---- playbooks --------------------------------------------------------
/// Not started.
pub const NOT_STARTED: Msg = Msg("tui-not-started");
/// Complete.
pub const COMPLETE: Msg = Msg("tui-complete");
/// Symptoms heading.
pub const WHEN_TO_USE: Msg = Msg("tui-when-to-use");
/// Runner headings.
pub const H_WHY: Msg = Msg("tui-h-why");
/// Runner headings.
pub const H_DO_NOT: Msg = Msg("tui-h-do-not");
/// Runner headings.
pub const H_COMMANDS: Msg = Msg("tui-h-commands");
/// Runner headings.
pub const H_CHOICES: Msg = Msg("tui-h-choices");
/// Runner headings.
pub const H_LINKED: Msg = Msg("tui-h-linked");
/// Runner headings.
pub const H_NOTE: Msg = Msg("tui-h-note");
/// No linked item.
pub const NO_LINKED: Msg = Msg("tui-no-linked");
/// Wait over.
pub const WAIT_OVER: Msg = Msg("tui-wait-over");
/// Note entry prompt.
pub const NOTE_PROMPT: Msg = Msg("tui-note-prompt");
/// Enter on an empty note that ticks its step.
pub const NOTE_EMPTY_REQUIRED: Msg = Msg("tui-note-empty-required");
/// Enter on an empty note that ends a wait early.
pub const NOTE_EMPTY_WAIT: Msg = Msg("tui-note-empty-wait");
/// Enter on an empty reason for setting a step aside.
pub const SKIP_EMPTY: Msg = Msg("tui-skip-empty");
/// The prompt of the reason editor.
pub const SKIP_PROMPT: Msg = Msg("tui-skip-prompt");
/// Ctrl+C with typed text that quitting would lose.
pub const QUIT_DISCARD_ASK: Msg = Msg("tui-quit-discard-ask");
/// The answer was no.
pub const QUIT_CANCELLED: Msg = Msg("tui-quit-cancelled");
/// Enter on an empty note.
pub const NOTE_EMPTY: Msg = Msg("tui-note-empty");
/// Title of the note editor.
pub const NOTE_TITLE: Msg = Msg("tui-note-title");
/// Keys of the note editor, shown in it.
pub const NOTE_KEYS: Msg = Msg("tui-note-keys");
/// The step text continues below.
pub const MORE_BELOW: Msg = Msg("tui-more-below");
/// The step text continues above.
pub const MORE_ABOVE: Msg = Msg("tui-more-above");
/// A contact step without an account set.
pub const CONTACTS_NEED_ACCOUNT: Msg = Msg("tui-contacts-need-account");
/// A contact step whose account has no stored contact.
pub const NO_CONTACTS: Msg = Msg("tui-no-contacts");
/// Note for ending a wait early.
pub const EARLY_WAIT_PROMPT: Msg = Msg("tui-early-wait-prompt");
/// No run yet.
pub const NOTHING_TO_REPORT: Msg = Msg("tui-nothing-to-report");
/// Asks before archiving the run.
pub const CONFIRM_RESET: Msg = Msg("tui-confirm-reset");
/// What archiving means.
pub const RESET_EXPLAIN: Msg = Msg("tui-reset-explain");
/// The run was archived.
pub const RUN_RESET: Msg = Msg("tui-run-reset");
/// Reset asked for without a run.
pub const NOTHING_TO_RESET: Msg = Msg("tui-nothing-to-reset");
/// Account picker title.
pub const ACCOUNT_TITLE: Msg = Msg("tui-account-title");
/// Account picker explanation.
pub const ACCOUNT_EXPLAIN: Msg = Msg("tui-account-explain");
/// Account picker: no account.
pub const ACCOUNT_ANY: Msg = Msg("tui-account-any");
/// Account cleared.
pub const ACCOUNT_CLEARED: Msg = Msg("tui-account-cleared");
/// The run is complete.
pub const RUN_COMPLETE: Msg = Msg("tui-run-complete");

// ---- chrome -----------------------------------------------------------
/// Help title.
pub const HELP_TITLE: Msg = Msg("tui-help-title");
/// Terminal too small.
pub const TOO_SMALL: Msg = Msg("tui-too-small");

/// The TUI ended because its terminal went away.
pub const TERMINAL_CLOSED: Msg = Msg("tui-terminal-closed");

// ---- erasing removed items' values --------------------------------------
/// No removed item keeps values.
pub const PURGE_NOTHING: Msg = Msg("tui-purge-nothing");
/// Keys under the empty list.
pub const PURGE_EMPTY_KEYS: Msg = Msg("tui-purge-empty-keys");
/// The footer over the empty list.
pub const PURGE_EMPTY_FOOTER: Msg = Msg("tui-footer-tools-purge-empty");
/// Keys under the list.
pub const PURGE_LIST_KEYS: Msg = Msg("tui-purge-list-keys");
/// Why removed items keep values, and what erasing leaves.
pub const PURGE_EXPLAIN: Msg = Msg("tui-purge-explain");
/// In the question: the removal itself stays.
pub const PURGE_KEEPS_DELETION: Msg = Msg("tui-purge-keeps-deletion");
/// In the question: what erasing cannot reach (docs/threat-model.md).
pub const PURGE_NOT_REACHED: Msg = Msg("tui-purge-not-reached");
/// Keys of the question.
pub const PURGE_CONFIRM_KEYS: Msg = Msg("tui-purge-confirm-keys");
/// A read-only session cannot erase.
pub const PURGE_READ_ONLY: Msg = Msg("tui-purge-read-only");

/// SLIP-39 share words are English in every language: how to copy them
/// (shown where shares are made or typed, when the interface is not
/// English).
pub const SHARES_ARE_ENGLISH: crate::i18n::Msg = crate::i18n::Msg("shares-english-words");

// ---- messages built from values ---------------------------------------

/// The folder shown under folder tools.
pub fn tool_folder(dir: &str) -> String {
    tr!("tui-tool-folder", dir = dir)
}
/// Name and purpose of each tool.
pub fn tool_label(tool: super::screens::Tool) -> (String, String) {
    use super::screens::Tool;
    match tool {
        Tool::Backup => (tr!("tui-tool-backup-name"), tr!("tui-tool-backup-what")),
        Tool::Drill => (tr!("tui-tool-drill-name"), tr!("tui-tool-drill-what")),
        Tool::Kit => (tr!("tui-tool-kit-name"), tr!("tui-tool-kit-what")),
        Tool::Split => (tr!("tui-tool-split-name"), tr!("tui-tool-split-what")),
        Tool::Passphrase => (
            tr!("tui-tool-passphrase-name"),
            tr!("tui-tool-passphrase-what"),
        ),
        Tool::Purge => (tr!("tui-tool-purge-name"), tr!("tui-tool-purge-what")),
        Tool::Doctor => (tr!("tui-tool-doctor-name"), tr!("tui-tool-doctor-what")),
    }
}
/// Above the list of removed items that keep values.
pub fn purge_heading(count: usize) -> String {
    tr!("tui-purge-heading", count = count)
}
/// When an item was removed, in its row.
pub fn purge_removed_on(day: &str) -> String {
    tr!("tui-purge-removed-on", day = day)
}
/// Asking before erasing one removed item's values.
pub fn purge_ask_one(name: &str) -> String {
    tr!("tui-purge-ask-one", name = name)
}
/// Asking before erasing every listed removed item's values.
pub fn purge_ask_all(count: usize) -> String {
    tr!("tui-purge-ask-all", count = count)
}
/// Values were erased: how many items, and what keeps them still.
pub fn tool_purge_done(count: usize) -> Vec<String> {
    vec![
        tr!("tui-tool-purge-done", count = count),
        tr!("tui-tool-purge-copies"),
    ]
}
/// A backup was written.
pub fn tool_backup_done(path: &str, kept: usize) -> Vec<String> {
    vec![
        tr!("tui-tool-backup-written", path = path),
        tr!("tui-tool-backup-kept", kept = kept),
    ]
}
/// A drill passed.
pub fn tool_drill_done(path: &str, identical: bool) -> Vec<String> {
    vec![
        tr!("tui-tool-drill-opens", path = path),
        if identical {
            tr!("tui-tool-drill-same")
        } else {
            tr!("tui-tool-drill-differs")
        },
    ]
}
/// No backup to drill.
pub fn tool_no_backup(dir: &str) -> String {
    tr!("tui-tool-no-backup", dir = dir)
}
/// The kit was written.
pub fn tool_kit_done(path: &str) -> Vec<String> {
    vec![
        tr!("tui-tool-kit-written", path = path),
        tr!("tui-tool-kit-then"),
    ]
}
/// What splitting means, under the field (one row each).
pub fn split_explain() -> Vec<String> {
    lines_of(&tr!("tui-split-explain"))
}
/// Asking for the folder of the share files.
pub fn split_folder_ask(n: usize) -> String {
    tr!("tui-split-folder-ask", n = n)
}
/// The shares were written.
pub fn tool_split_done(files: &[(String, String)], written: &str, done: &str) -> Vec<String> {
    let mut v: Vec<String> = files
        .iter()
        .map(|(p, l)| tr!("tui-split-file", path = p, label = l))
        .collect();
    v.push(written.to_owned());
    v.extend(done.lines().map(str::to_owned));
    v
}
/// The passphrase was changed.
pub fn tool_passphrase_done(raised: Option<(u32, u32)>) -> Vec<String> {
    let mut v = vec![
        tr!("tui-tool-passphrase-changed"),
        tr!("tui-tool-passphrase-old-backups"),
    ];
    if let Some((mib, passes)) = raised {
        v.push(tr!(
            "tui-tool-passphrase-kdf-raised",
            mib = mib,
            passes = passes
        ));
    }
    v
}
/// The passphrase change was not saved.
pub fn passphrase_not_saved(e: &str) -> String {
    tr!("tui-passphrase-not-saved", error = e)
}
/// The doctor's fix said in this tab's terms, for the checks a tool here
/// fixes (`critical`: the finding is critical, not just a warning).
pub fn tool_fix(check: &str, critical: bool) -> Option<String> {
    match check {
        "backup" => Some(tr!("tui-fix-backup")),
        "drill" => Some(tr!("tui-fix-drill")),
        "recovery-key" => Some(tr!("tui-fix-recovery-key")),
        "deleted-kept" => Some(tr!("tui-fix-deleted-kept")),
        // Below the floor, a new passphrase gets the default settings.
        "kdf" if critical => Some(tr!("tui-fix-kdf")),
        _ => None,
    }
}
/// The Tools tab right after the vault was created (one row each).
pub fn first_run_tools() -> Vec<String> {
    lines_of(&tr!("tui-first-run-tools"))
}
/// The unlock screen's warning about the vault's folder: what is wrong,
/// ending where the command that fixes it follows on a line of its own.
pub fn unsafe_folder(why: &str) -> String {
    tr!("tui-unsafe-folder", why = why)
}
/// Idle lock notice.
pub fn locked_idle(secs: u64) -> String {
    tr!("tui-locked-idle", duration = duration_words(secs))
}
/// Demo: the throwaway passphrase.
pub fn demo_passphrase(p: &str) -> String {
    tr!("tui-demo-passphrase", passphrase = p)
}
/// Explains first run.
pub fn create_intro(path: &str) -> String {
    tr!("tui-create-intro", path = path)
}
/// Asks for characters back (`a`, `b`: 0-based offsets of two pairs).
pub fn confirm_ask(a: usize, b: usize) -> String {
    tr!(
        "tui-confirm-ask",
        a1 = a + 1,
        a2 = a + 2,
        b1 = b + 1,
        b2 = b + 2
    )
}
/// A word not in the SLIP-39 list.
pub fn share_word_unknown(line: usize, pos: usize, word: &str, suggestions: &[&str]) -> String {
    let word: String = word.chars().take(20).collect();
    match suggestions.first() {
        Some(s) => tr!(
            "tui-share-word-unknown-suggest",
            line = line,
            pos = pos,
            word = word,
            suggestion = *s
        ),
        None => tr!(
            "tui-share-word-unknown",
            line = line,
            pos = pos,
            word = word
        ),
    }
}
/// A share whose checksum one word change fixes.
pub fn share_word_checksum(line: usize, pos: usize, word: &str, right: &str) -> String {
    let word: String = word.chars().take(20).collect();
    tr!(
        "tui-share-word-checksum",
        line = line,
        pos = pos,
        word = word,
        right = right
    )
}
/// A share whose checksum fails with more than one word wrong.
pub fn share_checksum(line: usize) -> String {
    tr!("tui-share-checksum", line = line)
}
/// The shares/key did not open the vault.
pub fn recover_failed(e: &str) -> String {
    tr!("tui-recover-failed", error = e)
}
/// Reveal countdown.
pub fn revealed_for(secs: i64) -> String {
    tr!("tui-revealed-for", secs = secs)
}
/// Code usage states.
pub fn used_at(t: &str) -> String {
    tr!("tui-used-at", time = t)
}
/// Codes summary.
pub fn codes_summary(unused: usize, total: usize) -> String {
    tr!("tui-codes-summary", unused = unused, total = total)
}
/// TOTP countdown.
pub fn code_changes_in(secs: u64) -> String {
    tr!("tui-code-changes-in", secs = secs)
}
/// HOTP: what the counter means and how to get a code. (Counters go to
/// `u64::MAX`, past what a Fluent number holds exactly: passed as text.)
pub fn hotp_next(c: u64) -> String {
    tr!("tui-hotp-next", counter = c.to_string())
}
/// HOTP: the code just made, and its counter.
pub fn hotp_made(c: u64) -> String {
    tr!(
        "tui-hotp-made",
        counter = c.to_string(),
        next = c.saturating_add(1).to_string()
    )
}
/// TOTP parameters.
pub fn totp_params(alg: &str, digits: u8, period: u64) -> String {
    tr!(
        "tui-totp-params",
        alg = alg,
        digits = digits,
        period = period
    )
}
/// Delete confirmation.
pub fn confirm_delete(name: &str) -> String {
    tr!("tui-confirm-delete", name = name)
}
/// Item deleted, and where its values can be erased.
pub fn deleted(name: &str) -> String {
    tr!("tui-deleted", name = name)
}
/// Item added.
pub fn added(name: &str) -> String {
    tr!("tui-added", name = name)
}
/// Item changed.
pub fn changed(name: &str) -> String {
    tr!("tui-changed", name = name)
}
/// Code marked used.
pub fn code_marked(n: usize, used: bool) -> String {
    if used {
        tr!("tui-code-marked-used", n = n)
    } else {
        tr!("tui-code-marked-unused", n = n)
    }
}
/// Copied.
pub fn copied(tool: &str, secs: u64) -> String {
    tr!("tui-copied", tool = tool, secs = secs)
}
/// The status bar while a copied secret waits to be cleared.
pub fn clipboard_clears_in(secs: u64) -> String {
    tr!("tui-clipboard-clears-in", secs = secs)
}
/// Save failed.
pub fn save_failed(e: &str) -> String {
    tr!("tui-save-failed", error = e)
}
/// A save found the vault changed by another program and merged: how
/// many changes came from it, or the conflicts by item and field.
pub fn merged_on_save(m: &crate::vault::merge::MergeReport) -> String {
    let conflicts: Vec<String> = m
        .conflicts
        .iter()
        .map(|c| conflict_entry(&c.item, &c.field))
        .collect();
    if conflicts.is_empty() {
        let from_other = m.added.len() + m.changed.len() + m.deleted.len();
        tr!("tui-merged-on-save", count = from_other)
    } else {
        tr!(
            "tui-merged-on-save-conflicts",
            names = conflicts.join(&tr!("tui-list-separator"))
        )
    }
}
/// An item kind's badge (`SEED`, `助记词`), unpadded.
pub fn kind_badge(kind: crate::item::ItemKind) -> String {
    tr!("tui-kind-badge", kind = kind.as_str())
}
/// An item kind as a word (`seed`, `助记词`): the form's kind picker. The
/// id itself (`--kind seed`, `--json`, the vault) never changes.
pub fn kind_name(kind: crate::item::ItemKind) -> String {
    tr!("cli-kind-name", kind = kind.as_str())
}
/// A field of a merge conflict's item (`name`, `notes`) in words.
pub fn merge_field(field: &str) -> String {
    tr!("sync-field-name", field = field)
}
/// One conflicting field in a list: "GitHub (notes)".
pub fn conflict_entry(item: &str, field: &str) -> String {
    tr!(
        "sync-conflict-entry",
        item = item,
        field = merge_field(field)
    )
}
/// A step's linked recovery codes: how many are left ("6 unused").
pub fn linked_unused(count: usize) -> String {
    tr!("tui-linked-unused", count = count)
}
/// Linked items past those shown ("… 2 more").
pub fn linked_more(count: usize) -> String {
    tr!("tui-linked-more", count = count)
}
/// Form title when editing.
pub fn form_edit(name: &str) -> String {
    tr!("tui-form-edit", name = name)
}
/// Secret label by kind.
pub fn secret_label(kind: crate::item::ItemKind) -> String {
    use crate::item::ItemKind;
    match kind {
        ItemKind::Seed => tr!("tui-secret-seed"),
        ItemKind::Key => tr!("tui-secret-key"),
        ItemKind::Totp => tr!("tui-secret-totp"),
        ItemKind::Codes => tr!("tui-secret-codes"),
        ItemKind::Password => tr!("tui-secret-password"),
        ItemKind::Note => tr!("tui-secret-note"),
    }
}
/// Word count beside a masked seed.
pub fn words_typed(n: usize) -> String {
    tr!("tui-words-typed", n = n)
}
/// Name already used.
pub fn name_taken(name: &str) -> String {
    tr!("tui-name-taken", name = name)
}
/// Progress text (numbers only, the same in every language).
pub fn progress(done: usize, total: usize) -> String {
    format!("{done}/{total}")
}
/// Step kinds as shown.
pub fn kind_label(kind: crate::playbook::StepKind) -> String {
    use crate::playbook::StepKind;
    match kind {
        StepKind::Check => tr!("tui-step-check"),
        StepKind::Action => tr!("tui-step-action"),
        StepKind::Decision => tr!("tui-step-decision"),
        StepKind::Note => tr!("tui-step-note"),
        StepKind::Wait => tr!("tui-step-wait"),
    }
}
/// Wait not started.
pub fn wait_not_started(d: &str) -> String {
    tr!("tui-wait-not-started", duration = d)
}
/// Wait running.
pub fn wait_left(d: &str) -> String {
    tr!("tui-wait-left", duration = d)
}
/// Decision cannot be ticked.
pub fn answer_with_numbers(n: usize) -> String {
    tr!("tui-answer-with-numbers", n = n)
}
/// Support contacts heading in a contact step.
pub fn h_contacts(account: &str) -> String {
    tr!("tui-h-contacts", account = account)
}
/// A username shown in a contact step.
pub fn username_line(name: &str, user: &str) -> String {
    tr!("tui-username-line", name = name, user = user)
}
/// Report written.
pub fn report_written(path: &str) -> String {
    tr!("tui-report-written", path = path)
}
/// Report failed.
pub fn report_failed(e: &str) -> String {
    tr!("tui-report-failed", error = e)
}
/// Progress header of the runner.
pub fn runner_progress(done: usize, total: usize) -> String {
    tr!("tui-runner-progress", done = done, total = total)
}
/// The run's account in the runner header.
pub fn runner_account(a: &str) -> String {
    tr!("tui-runner-account", account = a)
}
/// Account picker: the typed text.
pub fn account_typed(a: &str) -> String {
    tr!("tui-account-typed", account = a)
}
/// Account set.
pub fn account_set(a: &str) -> String {
    tr!("tui-account-set", account = a)
}
/// Auto-lock countdown.
pub fn auto_lock_in(secs: u64) -> String {
    tr!("tui-auto-lock-in", secs = secs)
}

/// "5 minutes", "30 seconds".
pub fn duration_words(secs: u64) -> String {
    if secs >= 60 && secs.is_multiple_of(60) {
        tr!("tui-duration-minutes", minutes = secs / 60)
    } else {
        tr!("tui-duration-seconds", secs = secs)
    }
}

/// The TUI ended on a signal (`SIGTERM`, `SIGHUP`, `SIGINT`).
pub fn stopped_by_signal(name: &str) -> String {
    tr!("tui-stopped-by-signal", signal = name)
}

/// The rows of a multi-line message.
fn lines_of(s: &str) -> Vec<String> {
    s.lines().map(str::to_owned).collect()
}

/// The key hints of the footer for a screen.
pub fn footer(ctx: Context) -> String {
    match ctx {
        Context::Unlock => tr!("tui-footer-unlock"),
        Context::Busy => tr!("tui-footer-busy"),
        Context::CreatePassphrase => tr!("tui-footer-create-passphrase"),
        Context::CreateKey => tr!("tui-footer-create-key"),
        Context::CreateConfirm => tr!("tui-footer-create-confirm"),
        Context::RecoverMaterial => tr!("tui-footer-recover-material"),
        Context::RecoverPassphrase => tr!("tui-footer-recover-passphrase"),
        Context::Items => tr!("tui-footer-items"),
        Context::Search => tr!("tui-footer-search"),
        Context::Detail => tr!("tui-footer-detail"),
        Context::DetailCodes => tr!("tui-footer-detail-codes"),
        Context::DetailHotp => tr!("tui-footer-detail-hotp"),
        Context::ConfirmDelete => tr!("tui-footer-confirm-delete"),
        Context::Form => tr!("tui-footer-form"),
        Context::Playbooks => tr!("tui-footer-playbooks"),
        Context::Runner => tr!("tui-footer-runner"),
        Context::NoteEntry => tr!("tui-footer-note-entry"),
        Context::ConfirmReset => tr!("tui-footer-confirm-reset"),
        Context::AccountEntry => tr!("tui-footer-account-entry"),
        Context::Tools => tr!("tui-footer-tools"),
        Context::ToolsFolder => tr!("tui-footer-tools-folder"),
        Context::ToolsSplit => tr!("tui-footer-tools-split"),
        Context::ToolsPassphrase => tr!("tui-footer-tools-passphrase"),
        Context::ToolsPurge => tr!("tui-footer-tools-purge"),
        Context::ConfirmPurge => tr!("tui-footer-confirm-purge"),
        Context::Prove => tr!("tui-footer-prove"),
        // The words live with the page (screens/sync.rs, sync.ftl).
        Context::SyncCopies => super::screens::sync::footer(),
    }
}

/// One row of the help overlay: the key (key names stay as they are) and
/// what it does.
fn k(key: &str, what: String) -> (String, String) {
    (key.to_owned(), what)
}

/// The full key list of the help overlay for a screen.
pub fn help(ctx: Context) -> Vec<(String, String)> {
    match ctx {
        Context::Unlock => vec![
            k("Enter", tr!("tui-key-unlock")),
            k("Ctrl+R", tr!("tui-key-forgot")),
            k("Esc / Ctrl+C", tr!("tui-key-quit")),
            k("F1", tr!("tui-key-this-help")),
        ],
        Context::Busy => vec![k("Ctrl+C", tr!("tui-key-quit"))],
        // The words live with the page (screens/sync.rs, sync.ftl).
        Context::SyncCopies => super::screens::sync::help(),
        Context::Prove => vec![
            k("Enter", tr!("tui-key-prove-check")),
            k("Esc", tr!("tui-key-stay-read-only")),
        ],
        Context::CreatePassphrase | Context::RecoverPassphrase => vec![
            k("Tab / ↑↓", tr!("tui-key-switch-fields")),
            k("Enter", tr!("tui-key-continue")),
            k("Esc", tr!("tui-key-cancel")),
            k("F1", tr!("tui-key-this-help")),
        ],
        Context::CreateKey => vec![k("Enter", tr!("tui-key-key-written"))],
        Context::CreateConfirm => vec![
            k("Enter", tr!("tui-key-check-characters")),
            k("Esc", tr!("tui-key-show-key-again")),
        ],
        Context::RecoverMaterial => vec![
            (
                tr!("tui-key-name-paste-type"),
                tr!("tui-key-recover-material"),
            ),
            k("Enter", tr!("tui-key-recover-enter")),
            k("← → ↑ ↓", tr!("tui-key-recover-move")),
            k("Tab", tr!("tui-key-recover-tab")),
            k("Ctrl+S", tr!("tui-key-continue")),
            k("Esc", tr!("tui-key-back-to-passphrase")),
        ],
        Context::Items => vec![
            k("↑↓ / j k", tr!("tui-key-move")),
            k("PgUp PgDn g G", tr!("tui-key-page")),
            k("Enter", tr!("tui-key-open-item")),
            k("/", tr!("tui-key-search")),
            k("Esc", tr!("tui-key-clear-search")),
            k("a", tr!("tui-key-add")),
            k("Tab", tr!("tui-key-items-tab")),
            k("L", tr!("tui-key-lock")),
            k("P", tr!("tui-key-prove")),
            super::screens::sync::review_key(),
            k("?", tr!("tui-key-this-help")),
            k("q", tr!("tui-key-quit")),
        ],
        Context::Search => vec![
            (tr!("tui-key-name-type"), tr!("tui-key-filter")),
            k("↑↓", tr!("tui-key-move")),
            k("Enter", tr!("tui-key-open-selected")),
            k("Esc", tr!("tui-key-clear-search")),
        ],
        Context::Detail | Context::DetailCodes | Context::DetailHotp | Context::ConfirmDelete => {
            vec![
                k("r", tr!("tui-key-reveal")),
                k("c", tr!("tui-key-copy")),
                k("n", tr!("tui-key-hotp-next")),
                k("↑↓ / j k", tr!("tui-key-codes-choose")),
                k("u", tr!("tui-key-codes-used")),
                k("e", tr!("tui-key-edit")),
                k("d", tr!("tui-key-delete")),
                k("Esc", tr!("tui-key-back")),
                k("L", tr!("tui-key-lock")),
                k("q", tr!("tui-key-quit")),
            ]
        }
        Context::Form => vec![
            k("Tab / ↓", tr!("tui-key-next-field")),
            k("Shift+Tab / ↑", tr!("tui-key-previous-field")),
            k("← →", tr!("tui-key-change-kind")),
            k("Enter", tr!("tui-key-form-enter")),
            k("Ctrl+S", tr!("tui-key-save")),
            k("Ctrl+U", tr!("tui-key-clear-field")),
            k("Ctrl+R", tr!("tui-key-show-secret")),
            (tr!("tui-key-name-seed-arrows"), tr!("tui-key-fix-word")),
            k("Esc", tr!("tui-key-cancel")),
        ],
        Context::Tools | Context::ToolsFolder | Context::ToolsSplit | Context::ToolsPassphrase => {
            vec![
                k("↑↓ / j k", tr!("tui-key-choose-tool")),
                k("Enter", tr!("tui-key-run-tool")),
                k("PgDn PgUp", tr!("tui-key-scroll-results")),
                k("Esc", tr!("tui-key-cancel-tool")),
                k("Tab", tr!("tui-key-to-items")),
                super::screens::sync::review_key(),
                k("L", tr!("tui-key-lock")),
                k("q", tr!("tui-key-quit")),
            ]
        }
        Context::ToolsPurge | Context::ConfirmPurge => vec![
            k("↑↓ / j k", tr!("tui-key-purge-choose")),
            k("Enter", tr!("tui-key-purge-one")),
            k("a", tr!("tui-key-purge-all")),
            k("y / n", tr!("tui-key-purge-answer")),
            k("Esc", tr!("tui-key-purge-back")),
            k("L", tr!("tui-key-lock")),
            k("q", tr!("tui-key-quit")),
        ],
        Context::Playbooks => vec![
            k("↑↓ / j k", tr!("tui-key-move")),
            k("Enter", tr!("tui-key-open-playbook")),
            k("Tab", tr!("tui-key-to-tools")),
            k("L", tr!("tui-key-lock")),
            k("?", tr!("tui-key-this-help")),
            k("q", tr!("tui-key-quit")),
        ],
        Context::Runner | Context::NoteEntry | Context::ConfirmReset | Context::AccountEntry => {
            vec![
                k("↑↓ / j k", tr!("tui-key-choose-step")),
                k("PgDn PgUp", tr!("tui-key-scroll-step")),
                k("Space", tr!("tui-key-tick")),
                k("1-9", tr!("tui-key-answer")),
                k("n", tr!("tui-key-note")),
                k("S", tr!("tui-key-skip")),
                k("← →", tr!("tui-key-choose-linked")),
                k("Enter", tr!("tui-key-open-linked")),
                k("w", tr!("tui-key-report")),
                k("A", tr!("tui-key-account")),
                k("R", tr!("tui-key-reset")),
                k("Esc", tr!("tui-key-back-to-list")),
            ]
        }
    }
}

/// What the markers of a screen mean, shown under its keys in the help.
pub fn help_markers(ctx: Context) -> Vec<String> {
    match ctx {
        Context::Runner | Context::NoteEntry | Context::ConfirmReset | Context::AccountEntry => {
            lines_of(&tr!("tui-markers-runner"))
        }
        Context::Playbooks => lines_of(&tr!("tui-markers-playbooks")),
        Context::Tools | Context::ToolsFolder | Context::ToolsSplit | Context::ToolsPassphrase => {
            lines_of(&tr!("tui-markers-tools"))
        }
        _ => Vec::new(),
    }
}

/// A seed the form refused: why, that nothing was stored, and how to store
/// a phrase that is not BIP39.
pub fn refused_seed(error: &str) -> String {
    tr!("tui-refused-seed", error = error)
}
/// A key the form refused: why, and that nothing was stored.
pub fn refused_key(error: &str) -> String {
    tr!("tui-refused-key", error = error)
}
/// A seed's scheme and word count in its detail.
pub fn scheme_words(scheme: &str, n: usize) -> String {
    tr!("tui-scheme-words", scheme = scheme, n = n)
}
/// Unused recovery codes in the items list.
pub fn codes_unused_short(unused: usize, total: usize) -> String {
    tr!("tui-codes-unused-short", unused = unused, total = total)
}
/// A step's state in the title of its text.
pub fn step_state(state: crate::playbook::StepState) -> String {
    use crate::playbook::StepState;
    match state {
        StepState::Done => tr!("tui-state-done"),
        StepState::Open => tr!("tui-state-open"),
        StepState::Next => tr!("tui-state-next"),
        StepState::Skipped => tr!("tui-state-skipped"),
        StepState::Waiting => tr!("tui-state-waiting"),
    }
}
/// A file could not be created.
pub fn cannot_create(path: &str, error: &str) -> String {
    tr!("tui-cannot-create", path = path, error = error)
}
/// A file could not be written.
pub fn write_failed(path: &str, error: &str) -> String {
    tr!("tui-write-failed", path = path, error = error)
}
/// Title of the runner's step list.
pub const STEPS_TITLE: Msg = Msg("tui-steps-title");
/// Beside a search that is kept while browsing.
pub const ESC_CLEARS: Msg = Msg("tui-esc-clears");
/// `--identity` named a file that does not open the vault.
pub const IDENTITY_NOT_THIS_VAULT: Msg = Msg("tui-identity-not-this-vault");
/// The recovery key or shares belong to another vault.
pub const RECOVERY_NOT_THIS_VAULT: Msg = Msg("tui-recovery-not-this-vault");
/// How many items the search shows, of all.
pub fn matches_count(shown: usize, total: usize) -> String {
    tr!("tui-matches-count", shown = shown, total = total)
}
/// A masked secret with the key that reveals it.
pub fn masked_with_hint() -> String {
    tr!("tui-masked-with-hint", mask = MASK.text())
}
/// A playbook's severity as shown in the list (the words of the playbook
/// views, `pb-severity-*`); one the catalogue does not
/// know (a user's own playbook) is shown as written.
pub fn severity(s: &str) -> String {
    match s {
        "critical" => tr!("pb-severity-critical"),
        "high" => tr!("pb-severity-high"),
        "medium" => tr!("pb-severity-medium"),
        "low" => tr!("pb-severity-low"),
        other => other.to_owned(),
    }
}
/// Two sentences of one notice, one after the other (English puts a space
/// between them, Chinese does not).
pub fn sentences(first: &str, second: &str) -> String {
    tr!("tui-sentences", first = first, second = second)
}
