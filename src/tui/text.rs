//! Every string the TUI shows, in one place, so a translation is a new
//! table rather than a hunt through the views. Strings built from values
//! (names, counts, times) are functions here too.

use super::app::Context;

/// The program name in the header.
pub const APP_NAME: &str = "lifeboat";
/// Tab titles.
pub const TAB_ITEMS: &str = "Items";
/// Tab titles.
pub const TAB_PLAYBOOKS: &str = "Playbooks";
/// Banner: the recovery key was never confirmed nor printed.
pub const BANNER_KEY_NOT_CONFIRMED: &str =
    " ! Recovery key not confirmed: Tab to Tools, Emergency kit, and print it.";
/// Tab names.
pub const TAB_TOOLS: &str = "Tools";
/// Title of the tools list.
pub const TOOLS_TITLE: &str = " Keep the vault recoverable ";
/// A tool is running.
pub const TOOL_WORKING: &str = "Working...";
/// Asking for the backup folder.
pub const TOOL_FOLDER_ASK: &str = "Folder (a USB stick or another disk is best; it is remembered):";
/// Keys while typing the folder.
pub const TOOL_FOLDER_KEYS: &str = "Enter go · Ctrl+U clear · Esc cancel";
/// The folder shown under folder tools.
pub fn tool_folder(dir: &str) -> String {
    format!("Backup folder: {dir}")
}
/// Name and purpose of each tool.
pub fn tool_label(tool: super::screens::Tool) -> (&'static str, &'static str) {
    use super::screens::Tool;
    match tool {
        Tool::Backup => ("Make a backup", "a verified copy into the backup folder"),
        Tool::Drill => ("Restore drill", "open the newest backup there and compare"),
        Tool::Kit => ("Emergency kit", "printable recovery key and instructions"),
        Tool::Split => ("Split the key", "recovery key as trustee shares"),
        Tool::Passphrase => ("Change passphrase", "set a new passphrase"),
        Tool::Doctor => ("Check-up (doctor)", "what to fix, and how"),
    }
}
/// A backup was written.
pub fn tool_backup_done(path: &str, kept: usize) -> Vec<String> {
    vec![
        format!("Backup written and verified: {path}"),
        format!("{kept} backup(s) in the folder. Check one with Restore drill now and then."),
    ]
}
/// A drill passed.
pub fn tool_drill_done(path: &str, identical: bool) -> Vec<String> {
    vec![
        format!("Drill: {path} opens with the recovery key."),
        if identical {
            "It holds the same items as the vault. Drill recorded.".to_owned()
        } else {
            "It differs from the vault (older, or changes since): make a new backup. Drill recorded.".to_owned()
        },
    ]
}
/// No backup to drill.
pub fn tool_no_backup(dir: &str) -> String {
    format!("No lifeboat backup in {dir}: make one first (Make a backup).")
}
/// The kit was written.
pub fn tool_kit_done(path: &str) -> Vec<String> {
    vec![
        format!("Emergency kit written: {path} (mode 0600)."),
        "Open it in a browser, print it, then delete the file: it holds the recovery key."
            .to_owned(),
    ]
}
/// What the split field starts with.
pub const SPLIT_PLAN_DEFAULT: &str = "2 of 3";
/// Asking for the split.
pub const SPLIT_PLAN_ASK: &str =
    "How many shares to make, and how many of them rebuild the key (e.g. 2 of 3, 3 of 5):";
/// Keys while typing the split.
pub const SPLIT_PLAN_KEYS: &str = "Enter next (the folder) · Ctrl+U clear · Esc cancel";
/// What splitting means, under the field.
pub const SPLIT_EXPLAIN: &[&str] = &[
    "Each trustee gets one share. Fewer shares than needed reveal nothing; enough",
    "of them rebuild the recovery key, so a lost passphrase can be replaced.",
    "Every combination is checked before any share file is written.",
];
/// Asking for the folder of the share files.
pub fn split_folder_ask(n: usize) -> String {
    format!(
        "Folder for the {n} share files (one 0600 file each; not the backup folder: shares kept with a backup are the key):"
    )
}
/// The shares were written.
pub fn tool_split_done(files: &[(String, String)], written: &str, done: &str) -> Vec<String> {
    let mut v: Vec<String> = files.iter().map(|(p, l)| format!("{p}: {l}")).collect();
    v.push(written.to_owned());
    v.extend(done.lines().map(str::to_owned));
    v
}
/// The current passphrase field.
pub const CURRENT_PASSPHRASE_LABEL: &str = "Old passphrase:    ";
/// What the passphrase form is.
pub const PASSWD_EXPLAIN: &str =
    "Type the passphrase you unlock with now, then the new one twice. Old backups keep the old one.";
/// The current passphrase is empty.
pub const PASSWD_CURRENT_EMPTY: &str =
    "Type the current passphrase first (the one that unlocked the vault).";
/// Keys in the passphrase form.
pub const PASSWD_KEYS: &str = "Tab next field · Enter continue · Esc cancel (nothing changes)";
/// The passphrase form is waiting for Argon2id.
pub const PASSWD_WORKING: &str =
    "Checking the current passphrase and deriving the new key (a few seconds)...";
/// The passphrase was changed.
pub fn tool_passphrase_done(raised: Option<(u32, u32)>) -> Vec<String> {
    let mut v = vec![
        "Passphrase changed and saved: only the new one opens the vault now.".to_owned(),
        "Backups made before still open with the old one: make a new backup (Make a backup)."
            .to_owned(),
    ];
    if let Some((mib, passes)) = raised {
        v.push(format!(
            "The key derivation was below the floor and is now Argon2id {mib} MiB, {passes} passes."
        ));
    }
    v
}
/// The passphrase change was not saved.
pub fn passphrase_not_saved(e: &str) -> String {
    format!(
        "The passphrase was not changed (the save failed: {e}); the old one still opens the vault."
    )
}
/// The doctor's fix said in this tab's terms, for the checks a tool here
/// fixes (`critical`: the finding is critical, not just a warning).
pub fn tool_fix(check: &str, critical: bool) -> Option<&'static str> {
    match check {
        "backup" => Some("here: Make a backup (top of this list)"),
        "drill" => Some("here: Restore drill, on the newest backup"),
        "recovery-key" => Some("here: Emergency kit (print it), or Split the key"),
        // Below the floor, a new passphrase gets the default settings.
        "kdf" if critical => Some("here: Change passphrase (the same one may be typed again)"),
        _ => None,
    }
}
/// The Tools tab right after the vault was created.
pub const FIRST_RUN_TOOLS: &[&str] = &[
    "Your vault is new. Two things make it recoverable:",
    "  1. Make a backup (Enter now), best onto a USB stick or another disk;",
    "  2. Emergency kit (↓↓ Enter): print it and keep it with your papers.",
];
/// Shown in place of a secret.
pub const MASK: &str = "••••••••";
/// Hint beside a masked secret.
pub const REVEAL_HINT: &str = "press r to reveal";
/// Shown when nothing matches the search.
pub const NO_MATCHES: &str = "No item matches the search. Esc clears it.";
/// One line above the items when an extra recipient's key opened the vault
/// (the open proves nothing about who wrote the file; saves are refused).
/// Fits 80 columns.
pub const UNVERIFIED_BANNER: &str =
    " UNVERIFIED, read-only (extra key). P: passphrase or recovery key to edit.";
/// Header marker of a read-only session (every screen).
pub const UNVERIFIED_MARK: &str = "UNVERIFIED";
/// Header marker of a vault in a folder others can write to.
pub const UNSAFE_FOLDER_MARK: &str = "UNSAFE FOLDER";
/// One line above the items when the vault's folder lets other users plant
/// or swap a vault (the unlock screen says why and what to run). Fits 80
/// columns.
pub const UNSAFE_FOLDER_BANNER: &str =
    " UNSAFE FOLDER: others can swap this vault for theirs. See lifeboat doctor.";
/// The unlock screen's warning about the vault's folder: what is wrong and
/// the command that fixes it.
pub fn unsafe_folder(why: &str, fix: &str) -> String {
    format!("WARNING: the vault's folder is not private: {why}, so someone else could have replaced the vault with one of their own. Fix it with: {fix}")
}

// ---- proving a read-only session ------------------------------------
/// The prompt's title.
pub const PROVE_TITLE: &str = " Prove this session ";
/// Why it is asked.
pub const PROVE_WHY: &str = "This vault was opened with an extra recipient's key: it can read the vault but cannot prove who wrote it, so nothing can be changed. Type the passphrase, or paste the recovery key (AGE-SECRET-KEY-1...), to check the file and make changes. Esc: stay read-only.";
/// The field's label.
pub const PROVE_LABEL: &str = "Passphrase or recovery key: ";
/// While the check runs.
pub const PROVING: &str = "Checking (deriving the key, about a second)...";
/// The check failed.
pub const PROOF_FAILED: &str =
    "That does not open this vault. Try again, or press Esc to stay read-only.";
/// The check passed.
pub const PROVED: &str = "Proved: the file is genuine and changes can be saved now.";
/// `P` in a session that is already proved.
pub const ALREADY_PROVED: &str =
    "This session is proved already (passphrase or recovery key): changes are saved.";
/// The prompt was closed after a save was refused.
pub const NOT_SAVED_READ_ONLY: &str = "NOT SAVED: this session is read-only (opened with an extra key). Press P to prove the passphrase or recovery key, then save again.";
/// Shown for an empty vault.
pub const EMPTY_VAULT: &str = "The vault is empty. Press a to add your first item.";
/// Group header for items without an account.
pub const NO_ACCOUNT: &str = "(no account)";
/// Search prompt.
pub const SEARCH_PROMPT: &str = "Search: ";
/// Search placeholder when not searching.
pub const SEARCH_HINT: &str = "/ to search names, accounts and tags";

// ---- unlock -----------------------------------------------------------
/// Unlock box title.
pub const UNLOCK_TITLE: &str = " Unlock the vault ";
/// Label of the passphrase field.
pub const PASSPHRASE_LABEL: &str = "Passphrase: ";
/// While Argon2id runs.
pub const UNLOCKING: &str = "Unlocking (deriving the key, about a second)...";
/// Wrong passphrase.
pub const WRONG_PASSPHRASE: &str =
    "Wrong passphrase. Try again, or press Ctrl+R if you have forgotten it.";
/// Empty passphrase submitted.
pub const EMPTY_PASSPHRASE: &str = "Type the passphrase, then press Enter.";
/// Shown when started with --identity.
pub const IDENTITY_HINT: &str =
    "Started with --identity: press Enter with an empty field to unlock with the identity file.";
/// Forgot link.
pub const FORGOT_LINK: &str =
    "Forgot the passphrase? Press Ctrl+R to use the recovery key or trustee shares.";
/// Added to the idle-lock notice when an item form was open.
pub const FORM_DISCARDED: &str =
    "The item form you had open was not saved and was discarded; add the item again.";
/// Added to the idle-lock notice when a half-written note was kept.
pub const NOTE_KEPT: &str = "Your unfinished note was saved on its step.";
/// Idle lock notice.
pub fn locked_idle(secs: u64) -> String {
    format!(
        "Locked after {} of inactivity; secrets were cleared from memory.",
        duration_words(secs)
    )
}
/// Locked by the user.
pub const LOCKED_BY_USER: &str = "Locked; secrets were cleared from memory.";
/// Demo: shown at start.
pub const DEMO_WELCOME: &str =
    "Demo: a throwaway vault with fake sample items; it is deleted when you quit.";
/// Demo: the throwaway passphrase.
pub fn demo_passphrase(p: &str) -> String {
    format!("Demo vault passphrase: {p}")
}

// ---- create -----------------------------------------------------------
/// Create box title.
pub const CREATE_TITLE: &str = " Create a new vault ";
/// Explains first run.
pub fn create_intro(path: &str) -> String {
    format!("No vault at {path}. Choose a passphrase to create one.")
}
/// Field label.
pub const NEW_PASSPHRASE_LABEL: &str = "New passphrase:    ";
/// Field label.
pub const REPEAT_PASSPHRASE_LABEL: &str = "Repeat passphrase: ";
/// Policy statement.
pub const POLICY: &str = "At least 12 characters and hard to guess (strength 3 of 4 or more). Four or more random words work well.";
/// Strength meter label.
pub const STRENGTH: &str = "Strength: ";
/// Policy met.
pub const POLICY_OK: &str = "meets the policy";
/// Submitted a passphrase that fails the policy.
pub const POLICY_NOT_MET: &str =
    "The passphrase does not meet the policy yet (see the strength line above).";
/// The two entries differ.
pub const MISMATCH: &str = "The two passphrases differ. Type the same one twice.";
/// While the vault is created.
pub const CREATING: &str = "Creating the vault (deriving the key)...";
/// Recovery key screen title.
pub const KEY_TITLE: &str = " Your recovery key: write it down now ";
/// Recovery key explanation.
pub const KEY_EXPLAIN: &str = "This key opens the vault if you forget the passphrase, and `age -d -i key.txt vault.age` opens it even without lifeboat. Write it on paper and keep it somewhere safe and offline. It is shown only this once here.";
/// Editing one word of a seed.
pub const WORD_EDIT_HINT: &str =
    "←/→ choose a word · type or Backspace to fix it · → past the last word to add more · Ctrl+R show/hide";
/// Above the key in groups.
pub const KEY_GROUPS: &str =
    "The same key after AGE-SECRET-KEY-1, in groups of five as on the kit:";
/// Continue from the key screen.
pub const KEY_CONTINUE: &str = "When it is written down, press Enter.";
/// Confirmation title.
pub const CONFIRM_TITLE: &str = " Check what you wrote ";
/// Asks for characters back.
pub fn confirm_ask(a: usize, b: usize) -> String {
    format!(
        "From your paper copy, type characters {}-{} and then {}-{} of the recovery key (4 characters; the first character, the A of AGE, is number 1).",
        a + 1,
        a + 2,
        b + 1,
        b + 2
    )
}
/// Label of the confirmation field.
pub const CONFIRM_LABEL: &str = "Characters: ";
/// Confirmation failed.
pub const CONFIRM_WRONG: &str =
    "Those characters do not match. Check your copy; Esc shows the key again.";
/// Vault ready.
pub const CREATED: &str =
    "Vault created, key confirmed. Next: the first backup and the kit (below); Tab goes to Items.";

// ---- recover ----------------------------------------------------------
/// Recover box title.
pub const RECOVER_TITLE: &str = " Forgot the passphrase ";
/// Recover explanation.
pub const RECOVER_EXPLAIN: &str = "Paste the recovery key (AGE-SECRET-KEY-1...) or your trustee shares (SLIP-39 mnemonics, one per line).";
/// Recover keys hint.
pub const RECOVER_KEYS: &str =
    "Enter: new line; on an empty line (or Ctrl+S) continue. ←→↑↓ move, Tab next wrong word, Esc back.";
/// The material is shown while typed.
pub const RECOVER_VISIBLE: &str =
    "Shown as typed, to compare with your paper: make sure nobody sees the screen.";
/// A word not in the SLIP-39 list.
pub fn share_word_unknown(line: usize, pos: usize, word: &str, suggestions: &[&str]) -> String {
    let word: String = word.chars().take(20).collect();
    match suggestions.first() {
        Some(s) => {
            format!("Line {line}, word {pos} \"{word}\" is not a share word: did you mean \"{s}\"?")
        }
        None => format!(
            "Line {line}, word {pos} \"{word}\" is not a share word: check it on the paper."
        ),
    }
}
/// A share whose checksum one word change fixes.
pub fn share_word_checksum(line: usize, pos: usize, word: &str, right: &str) -> String {
    let word: String = word.chars().take(20).collect();
    format!("Line {line}: the checksum fails; word {pos} \"{word}\" is probably \"{right}\": compare it with the paper.")
}
/// A share whose checksum fails with more than one word wrong.
pub fn share_checksum(line: usize) -> String {
    format!("Line {line}: the checksum fails: more than one word is wrong, missing or out of order; compare every word with the paper.")
}
/// A recovery key with a character it cannot hold.
pub const KEY_CHARACTER: &str =
    "The recovery key holds a character a key cannot (keys use letters and digits except 1, b, i, o after the prefix): compare it with the paper.";
/// While opening.
pub const RECOVER_OPENING: &str = "Opening the vault with the recovery material...";
/// Nothing entered.
pub const RECOVER_EMPTY: &str = "Paste the recovery key or the shares first.";
/// Opened; ask for a new passphrase.
pub const RECOVER_NEW: &str =
    "The vault opened. Choose a new passphrase; it replaces the forgotten one.";
/// While the new passphrase is set.
pub const RECOVER_SAVING: &str = "Setting the new passphrase and saving...";
/// Done.
pub const RECOVERED: &str = "New passphrase set and the vault saved.";
/// The shares/key did not open the vault.
pub fn recover_failed(e: &str) -> String {
    format!("That did not open the vault: {e}")
}

// ---- items ------------------------------------------------------------
/// Reveal countdown.
pub fn revealed_for(secs: i64) -> String {
    format!("revealed, masked again in {secs} s (r hides now)")
}
/// Detail field labels.
pub const F_KIND: &str = "Kind";
/// Detail field labels.
pub const F_ACCOUNT: &str = "Account";
/// Detail field labels.
pub const F_TAGS: &str = "Tags";
/// Detail field labels.
pub const F_SUPPORT: &str = "Support";
/// Detail field labels.
pub const F_NOTES: &str = "Notes";
/// Detail field labels.
pub const F_UPDATED: &str = "Updated";
/// Detail field labels.
pub const F_SCHEME: &str = "Scheme";
/// Detail field labels.
pub const F_WORDS: &str = "Words";
/// Detail field labels.
pub const F_BIP39_PASSPHRASE: &str = "BIP39 passphrase";
/// Detail field labels.
pub const F_FORMAT: &str = "Format";
/// Detail field labels.
pub const F_KEY: &str = "Key";
/// Detail field labels.
pub const F_CODE: &str = "Code";
/// Detail field labels.
pub const F_SECRET: &str = "Secret";
/// Detail field labels.
pub const F_ISSUER: &str = "Issuer";
/// Detail field labels.
pub const F_LABEL: &str = "Label";
/// Detail field labels.
pub const F_PARAMS: &str = "Parameters";
/// Detail field labels.
pub const F_USERNAME: &str = "Username";
/// Detail field labels.
pub const F_PASSWORD: &str = "Password";
/// Detail field labels.
pub const F_URL: &str = "URL";
/// Detail field labels.
pub const F_TEXT: &str = "Text";
/// Code usage states.
pub const UNUSED: &str = "unused";
/// Code usage states.
pub fn used_at(t: &str) -> String {
    format!("used {t}")
}
/// Codes summary.
pub fn codes_summary(unused: usize, total: usize) -> String {
    format!("{unused} of {total} unused")
}
/// TOTP countdown.
pub fn code_changes_in(secs: u64) -> String {
    format!("changes in {secs} s")
}
/// HOTP: what the counter means and how to get a code.
pub fn hotp_next(c: u64) -> String {
    format!("counter {c}: press n for the next code (the counter is saved first, so no code is ever shown twice)")
}
/// HOTP: the code just made, and its counter.
pub fn hotp_made(c: u64) -> String {
    format!(
        "code for counter {c}; the vault now holds counter {}",
        c.saturating_add(1)
    )
}
/// HOTP: no code shown yet.
pub const HOTP_NO_CODE: &str = "none yet (press n)";
/// HOTP: waiting for the save.
pub const HOTP_SAVING: &str = "saving the counter...";
/// HOTP: copy before a code was made.
pub const HOTP_COPY_FIRST: &str = "Press n to make the next code first; c then copies it.";
/// HOTP: the save failed, so no code is shown.
pub const HOTP_NOT_SAVED: &str = "The counter could not be saved, so no code is shown (a code is shown only once its counter is on disk).";
/// HOTP: the counter cannot move on.
pub const HOTP_COUNTER_END: &str =
    "The HOTP counter is at its largest value; no further code can be made.";
/// TOTP parameters.
pub fn totp_params(alg: &str, digits: u8, period: u64) -> String {
    format!("{alg}, {digits} digits, {period} s")
}
/// Delete confirmation.
pub fn confirm_delete(name: &str) -> String {
    format!("Delete \"{name}\" for good? y deletes, n keeps it.")
}
/// Item deleted.
pub fn deleted(name: &str) -> String {
    format!("Deleted \"{name}\".")
}
/// Item added.
pub fn added(name: &str) -> String {
    format!("Added \"{name}\".")
}
/// Item changed.
pub fn changed(name: &str) -> String {
    format!("Saved changes to \"{name}\".")
}
/// Code marked used.
pub fn code_marked(n: usize, used: bool) -> String {
    if used {
        format!("Recovery code {n} marked used.")
    } else {
        format!("Recovery code {n} marked unused again.")
    }
}
/// Copied.
pub fn copied(tool: &str, secs: u64) -> String {
    format!("Copied with {tool}; the clipboard is cleared in {secs} s.")
}
/// No clipboard helper.
pub const NO_CLIPBOARD: &str =
    "No clipboard tool found (wl-copy/xclip/xsel): nothing copied; r reveals.";
/// Clipboard cleared.
pub const CLIPBOARD_CLEARED: &str = "Clipboard cleared.";
/// Nothing to copy (e.g. a codes item with no codes).
pub const NOTHING_TO_COPY: &str = "Nothing to copy here.";
/// Saved.
pub const SAVED: &str = "Saved.";
/// Save failed.
pub fn save_failed(e: &str) -> String {
    format!("NOT SAVED: {e}")
}
/// A save found the vault changed by another program and merged.
pub fn merged_on_save(from_other: usize, conflicts: &[String]) -> String {
    if conflicts.is_empty() {
        format!("Saved. Another program had changed the vault meanwhile; its changes ({from_other} item(s)) were merged with yours, nothing lost.")
    } else {
        format!("Saved, merged with another program's changes. Both changed {}: the newer value is shown, the other is kept in the item's history.", conflicts.join(", "))
    }
}
/// The vault changed on disk, and the save could not merge (the new
/// version does not open with this session's keys).
pub const CHANGED_ON_DISK: &str = "NOT SAVED: another program changed the vault since it was opened. Lock (L) and unlock to load the new version, then redo the change.";

// ---- form -------------------------------------------------------------
/// Form title for a new item.
pub const FORM_ADD: &str = " Add an item ";
/// Form title when editing.
pub fn form_edit(name: &str) -> String {
    format!(" Edit \"{name}\" ")
}
/// Form labels.
pub const L_KIND: &str = "Kind";
/// Form labels.
pub const L_NAME: &str = "Name";
/// Form labels.
pub const L_ACCOUNT: &str = "Account";
/// Form labels.
pub const L_TAGS: &str = "Tags";
/// Form labels.
pub const L_SUPPORT: &str = "Support";
/// Form labels.
pub const L_NOTES: &str = "Notes";
/// Form labels.
pub const L_SCHEME: &str = "Scheme";
/// Form labels.
pub const L_USERNAME: &str = "Username";
/// Form labels.
pub const L_URL: &str = "URL";
/// Secret label by kind.
pub fn secret_label(kind: crate::item::ItemKind) -> &'static str {
    use crate::item::ItemKind;
    match kind {
        ItemKind::Seed => "Seed words",
        ItemKind::Key => "Private key",
        ItemKind::Totp => "otpauth URI or base32",
        ItemKind::Codes => "Codes (space-separated)",
        ItemKind::Password => "Password",
        ItemKind::Note => "Secret note",
    }
}
/// Form label of a seed's optional BIP39 passphrase.
pub const L_SEED_PASSPHRASE: &str = "Passphrase (25th word)";
/// Hint beside the empty seed passphrase field.
pub const SEED_PASSPHRASE_HINT: &str = "(optional BIP39 passphrase; empty: none)";
/// Hint for the secret field when editing.
pub const KEEP_SECRET: &str = "(empty keeps the current secret)";
/// After a refused secret: nothing was stored.
pub const NOTHING_STORED: &str = "Nothing was stored.";
/// How to store a phrase that fails verification.
pub const SCHEME_HINT: &str = "(For a phrase that is not BIP39, set Scheme to \"other\".)";
/// Word count beside a masked seed.
pub fn words_typed(n: usize) -> String {
    format!("({n} words)")
}
/// Hint for tags.
pub const TAGS_HINT: &str = "(comma-separated)";
/// Hint for cycling fields.
pub const CYCLE_HINT: &str = "(←/→ to change)";
/// Name already used.
pub fn name_taken(name: &str) -> String {
    format!("An item named \"{name}\" already exists; choose another name.")
}
/// Secret needed for a new item.
pub const SECRET_REQUIRED: &str = "The secret is empty; nothing would be stored.";
/// Stored a key as plain text.
pub const KEY_AS_TEXT: &str =
    "Note: the key is not in a recognised format (hex, WIF, xprv); it is stored as text.";

// ---- playbooks --------------------------------------------------------
/// Not started.
pub const NOT_STARTED: &str = "not started";
/// Complete.
pub const COMPLETE: &str = "complete";
/// Progress text.
pub fn progress(done: usize, total: usize) -> String {
    format!("{done}/{total}")
}
/// Symptoms heading.
pub const WHEN_TO_USE: &str = "When to use it:";
/// Runner headings.
pub const H_WHY: &str = "Why: ";
/// Runner headings.
pub const H_DO_NOT: &str = "DO NOT: ";
/// Runner headings.
pub const H_COMMANDS: &str = "Commands: ";
/// Runner headings.
pub const H_CHOICES: &str = "Answer with the number key:";
/// Runner headings.
pub const H_LINKED: &str = "Vault items (←/→ choose, Enter opens):";
/// Runner headings.
pub const H_NOTE: &str = "Note: ";
/// No linked item.
pub const NO_LINKED: &str = "No matching item in the vault.";
/// Step kinds as shown.
pub fn kind_label(kind: crate::playbook::StepKind) -> &'static str {
    use crate::playbook::StepKind;
    match kind {
        StepKind::Check => "check",
        StepKind::Action => "action",
        StepKind::Decision => "question",
        StepKind::Note => "write down",
        StepKind::Wait => "wait",
    }
}
/// Wait not started.
pub fn wait_not_started(d: &str) -> String {
    format!("Wait {d}. Space starts the timer.")
}
/// Wait running.
pub fn wait_left(d: &str) -> String {
    format!("Waiting: {d} left. Space with a note if it is over early.")
}
/// Wait over.
pub const WAIT_OVER: &str = "The wait is over. Space ticks the step.";
/// Decision cannot be ticked.
pub fn answer_with_numbers(n: usize) -> String {
    format!("This is a question: answer it with a number key from 1 to {n}.")
}
/// Note entry prompt.
pub const NOTE_PROMPT: &str = "Write it down (Enter saves, Esc cancels): ";
/// Enter on an empty note that ticks its step.
pub const NOTE_EMPTY_REQUIRED: &str =
    "This step is ticked by writing it down: type the note, then Enter. Esc closes without ticking.";
/// Enter on an empty note that ends a wait early.
pub const NOTE_EMPTY_WAIT: &str =
    "Say why the wait is over early, then Enter. Esc closes and the timer keeps running.";
/// Enter on an empty reason for setting a step aside.
pub const SKIP_EMPTY: &str =
    "Say why this step does not apply to you (for example: no provider, so no ticket), then Enter. Esc keeps the step.";
/// The prompt of the reason editor.
pub const SKIP_PROMPT: &str =
    "This step does not apply to you? Say why (Enter sets it aside; it counts as done and the report shows the reason): ";
/// Ctrl+C with typed text that quitting would lose.
pub const QUIT_DISCARD_ASK: &str =
    "Quit and lose what you typed? y (or Ctrl+C again) quits; any other key goes back to it.";
/// The answer was no.
pub const QUIT_CANCELLED: &str = "Not quitting: what you typed is still here.";
/// Enter on an empty note.
pub const NOTE_EMPTY: &str = "The note is empty: type it, then Enter. Esc closes.";
/// Title of the note editor.
pub const NOTE_TITLE: &str = " Note ";
/// Keys of the note editor, shown in it.
pub const NOTE_KEYS: &str = "Enter save · Backspace delete · Esc cancel";
/// The step text continues below.
pub const MORE_BELOW: &str = " ▼ more: PgDn ";
/// The step text continues above.
pub const MORE_ABOVE: &str = " ▲ PgUp ";
/// Support contacts heading in a contact step.
pub fn h_contacts(account: &str) -> String {
    format!("Support contacts stored for {account}:")
}
/// A contact step without an account set.
pub const CONTACTS_NEED_ACCOUNT: &str =
    "A: set the incident's account to see the support contacts stored for it.";
/// A contact step whose account has no stored contact.
pub const NO_CONTACTS: &str =
    "No support contact stored for this account (add one with e on an item).";
/// A username shown in a contact step.
pub fn username_line(name: &str, user: &str) -> String {
    format!("username ({name}): {user}")
}
/// Note for ending a wait early.
pub const EARLY_WAIT_PROMPT: &str = "Why is the wait over early? (Enter saves): ";
/// Report written.
pub fn report_written(path: &str) -> String {
    format!("Report written to {path} (mode 0600).")
}
/// Report failed.
pub fn report_failed(e: &str) -> String {
    format!("The report was not written: {e}")
}
/// No run yet.
pub const NOTHING_TO_REPORT: &str = "Nothing to report yet: tick a step first.";
/// Progress header of the runner.
pub fn runner_progress(done: usize, total: usize) -> String {
    format!("{done} of {total} steps done")
}
/// The run's account in the runner header.
pub fn runner_account(a: &str) -> String {
    format!("account: {a}")
}
/// Asks before archiving the run.
pub const CONFIRM_RESET: &str = "Archive this run and start over? y/n";
/// What archiving means.
pub const RESET_EXPLAIN: &str = "The run stays in the vault's history; nothing is deleted.";
/// The run was archived.
pub const RUN_RESET: &str =
    "Run archived (kept in the vault's history); this playbook starts over.";
/// Reset asked for without a run.
pub const NOTHING_TO_RESET: &str = "Nothing to reset: this playbook has no run yet.";
/// Account picker title.
pub const ACCOUNT_TITLE: &str = " Which account is this incident about? ";
/// Account picker explanation.
pub const ACCOUNT_EXPLAIN: &str = "Linked items narrow to it. Type to filter or name one.";
/// Account picker: no account.
pub const ACCOUNT_ANY: &str = "(any account: offer every matching item)";
/// Account picker: the typed text.
pub fn account_typed(a: &str) -> String {
    format!("use \"{a}\" (no item has this account)")
}
/// Account set.
pub fn account_set(a: &str) -> String {
    format!("Account set to \"{a}\": steps offer only its items.")
}
/// Account cleared.
pub const ACCOUNT_CLEARED: &str = "Account cleared: steps offer items of every account.";
/// The run is complete.
pub const RUN_COMPLETE: &str = "All steps on your path are done. w writes the report.";

// ---- chrome -----------------------------------------------------------
/// Help title.
pub const HELP_TITLE: &str = " Keys (any key closes) ";
/// Auto-lock countdown.
pub fn auto_lock_in(secs: u64) -> String {
    format!("locks in {secs} s")
}
/// Terminal too small.
pub const TOO_SMALL: &str = "Terminal too small: make it at least 60x16.";

/// "5 minutes", "30 seconds".
pub fn duration_words(secs: u64) -> String {
    if secs >= 60 && secs.is_multiple_of(60) {
        let m = secs / 60;
        format!("{m} minute{}", if m == 1 { "" } else { "s" })
    } else {
        format!("{secs} seconds")
    }
}

/// The key hints of the footer for a screen.
pub fn footer(ctx: Context) -> &'static str {
    match ctx {
        Context::Unlock => "Enter unlock · Ctrl+R forgot passphrase · F1 help · Esc quit",
        Context::Busy => "please wait · Ctrl+C quit",
        Context::CreatePassphrase => "Tab next field · Enter continue · F1 help · Esc quit",
        Context::CreateKey => "Enter I wrote it down · Ctrl+C quit",
        Context::CreateConfirm => "Enter check · Esc show the key again",
        Context::RecoverMaterial => {
            "Enter new line (empty line: continue) · ←→↑↓ move · Tab wrong word · Esc back"
        }
        Context::RecoverPassphrase => "Tab next field · Enter set passphrase · Esc cancel",
        Context::Items => {
            "↑↓ move · Enter open · / search · a add · Tab playbooks · ? help · q quit"
        }
        Context::Search => "type to filter · ↑↓ move · Enter open · Esc clear",
        Context::Detail => "r reveal · c copy · e edit · d delete · Esc back · ? help · q quit",
        Context::DetailCodes => "↑↓ code · u used · r reveal · c copy · e edit · Esc back · ? help",
        Context::DetailHotp => {
            "n next code · c copy it · r reveal · e edit · d delete · Esc back · ? help"
        }
        Context::ConfirmDelete => "y delete · n keep",
        Context::Form => "Tab/↑↓ field · ←/→ change/word · Ctrl+R show · Ctrl+S save · Esc",
        Context::Playbooks => "↑↓ move · Enter open · Tab tools · ? help · q quit",
        Context::Runner => {
            "Space tick · 1-9 answer · n note · Enter item · PgDn text · Esc · ? help"
        }
        Context::NoteEntry => "type the note · Enter save · Esc cancel",
        Context::ConfirmReset => "y archive the run and start over · n keep it",
        Context::AccountEntry => "type to filter · ↑↓ choose · Enter set · Esc cancel",
        Context::Tools => "↑↓ choose · Enter run · PgDn/PgUp scroll · Tab items · ? help · q quit",
        Context::ToolsFolder => "type the folder · Enter go · Esc cancel",
        Context::ToolsSplit => "type K of N · Enter next · Esc cancel",
        Context::ToolsPassphrase => "Tab next field · Enter continue · Esc cancel",
        Context::Prove => "type or paste · Enter check · Esc stay read-only",
        // Its own page (screens/sync.rs) says it.
        Context::SyncCopies => "",
    }
}

/// The full key list of the help overlay for a screen.
pub fn help(ctx: Context) -> &'static [(&'static str, &'static str)] {
    match ctx {
        Context::Unlock => &[
            ("Enter", "unlock with the passphrase"),
            ("Ctrl+R", "forgot passphrase: recovery key or shares"),
            ("Esc / Ctrl+C", "quit"),
            ("F1", "this help"),
        ],
        Context::Busy => &[("Ctrl+C", "quit")],
        // Its own page (screens/sync.rs) says it.
        Context::SyncCopies => &[],
        Context::Prove => &[
            ("Enter", "check the passphrase or recovery key"),
            ("Esc", "stay read-only"),
        ],
        Context::CreatePassphrase | Context::RecoverPassphrase => &[
            ("Tab / ↑↓", "switch between the two fields"),
            ("Enter", "continue"),
            ("Esc", "cancel"),
            ("F1", "this help"),
        ],
        Context::CreateKey => &[("Enter", "continue once the key is written down")],
        Context::CreateConfirm => &[
            ("Enter", "check the characters"),
            ("Esc", "show the key again"),
        ],
        Context::RecoverMaterial => &[
            ("paste / type", "the recovery key or one share per line"),
            ("Enter", "new line; on an empty line: continue"),
            ("← → ↑ ↓", "move the cursor to fix a word in place"),
            ("Tab", "jump to the next word found wrong"),
            ("Ctrl+S", "continue"),
            ("Esc", "back to the passphrase"),
        ],
        Context::Items => &[
            ("↑↓ / j k", "move"),
            ("PgUp PgDn g G", "page, first, last"),
            ("Enter", "open the item"),
            ("/", "search names, accounts and tags"),
            ("Esc", "clear the search"),
            ("a", "add an item"),
            (
                "Tab",
                "switch to Playbooks, then Tools (backup, drill, kit, check-up)",
            ),
            ("L", "lock now"),
            ("P", "read-only session: type passphrase or key"),
            ("?", "this help"),
            ("q", "quit"),
        ],
        Context::Search => &[
            ("type", "filter as you type"),
            ("↑↓", "move"),
            ("Enter", "open the selected item"),
            ("Esc", "clear the search"),
        ],
        Context::Detail | Context::DetailCodes | Context::DetailHotp | Context::ConfirmDelete => &[
            ("r", "reveal / hide the secret (hides after 30 s)"),
            (
                "c",
                "copy (TOTP: the code; HOTP: the code made with n); cleared after a while",
            ),
            (
                "n",
                "HOTP: save the counter moved on, then show the next code",
            ),
            ("↑↓ / j k", "recovery codes: choose a code"),
            ("u", "recovery codes: mark used / unused"),
            ("e", "edit"),
            ("d", "delete (asks first)"),
            ("Esc", "back"),
            ("L", "lock now"),
            ("q", "quit"),
        ],
        Context::Form => &[
            ("Tab / ↓", "next field"),
            ("Shift+Tab / ↑", "previous field"),
            ("← →", "change kind or scheme"),
            ("Enter", "next field; on the last: save"),
            ("Ctrl+S", "save"),
            ("Ctrl+U", "clear the field"),
            ("Ctrl+R", "show / hide the secret as typed"),
            ("← → on a seed", "choose one word to fix in place"),
            ("Esc", "cancel"),
        ],
        Context::Tools | Context::ToolsFolder | Context::ToolsSplit | Context::ToolsPassphrase => {
            &[
                ("↑↓ / j k", "choose a tool"),
                ("Enter", "run it (folder tools ask for the folder)"),
                ("PgDn PgUp", "scroll the results (▼ more: there is more)"),
                ("Esc", "cancel a tool that asks (nothing changes)"),
                ("Tab", "switch to Items"),
                ("L", "lock now"),
                ("q", "quit"),
            ]
        }
        Context::Playbooks => &[
            ("↑↓ / j k", "move"),
            ("Enter", "open the playbook"),
            ("Tab", "switch to Tools"),
            ("L", "lock now"),
            ("?", "this help"),
            ("q", "quit"),
        ],
        Context::Runner | Context::NoteEntry | Context::ConfirmReset | Context::AccountEntry => &[
            ("↑↓ / j k", "choose a step"),
            (
                "PgDn PgUp",
                "scroll the step's text (▼ more: there is more)",
            ),
            ("Space", "tick / untick; wait steps start their timer"),
            ("1-9", "answer a question"),
            ("n", "add a note to the step"),
            ("S", "the step does not apply: set it aside with the reason"),
            ("← →", "choose a linked vault item"),
            ("Enter", "open the linked item"),
            (
                "w",
                "write the report (only the account's items; A: any widens)",
            ),
            ("A", "set the incident's account (items narrow to it)"),
            ("R", "archive the run and start over (asks first)"),
            ("Esc", "back to the list"),
        ],
    }
}

/// What the markers of a screen mean, shown under its keys in the help.
pub fn help_markers(ctx: Context) -> &'static [&'static str] {
    match ctx {
        Context::Runner | Context::NoteEntry | Context::ConfirmReset | Context::AccountEntry => &[
            "[x] done  [/] set aside (S)  [>] do next  [ ] to do  [~] waiting",
            "[?] waits on an open question (counted once answered)  › chosen",
            "[-] not on your path (an answer led elsewhere)",
            "✎ write-down step  ? question  ~ wait  ! has DO NOT warnings",
            "▼ more / ▲: the step's text goes on below / above (PgDn PgUp)",
            "n of m steps: m counts the steps on your path, taken and still ahead",
        ],
        Context::Playbooks => {
            &["progress bar and n/m: steps done of the steps on your path, taken and ahead"]
        }
        Context::Tools | Context::ToolsFolder | Context::ToolsSplit | Context::ToolsPassphrase => {
            &[
                "doctor: ✓ fine  ! worth fixing  ✗ fix now; → how to fix it",
                "▼ more / ▲: the results go on below / above (PgDn PgUp)",
            ]
        }
        _ => &[],
    }
}

/// The TUI ended because its terminal went away.
pub const TERMINAL_CLOSED: &str =
    "the terminal closed; the vault was locked and the TUI stopped. Open lifeboat again in a terminal.";

/// The TUI ended on a signal (`SIGTERM`, `SIGHUP`, `SIGINT`).
pub fn stopped_by_signal(name: &str) -> String {
    format!("stopped by {name}; the vault was locked and the terminal restored.")
}

/// SLIP-39 share words are English in every language: how to copy them
/// (shown where shares are made or typed, when the interface is not
/// English).
pub const SHARES_ARE_ENGLISH: crate::i18n::Msg = crate::i18n::Msg("shares-english-words");
