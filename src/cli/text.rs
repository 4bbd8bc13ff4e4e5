//! User-facing strings of the command line, in one place so a translation
//! is a new table rather than a hunt through the logic. Messages built from
//! values (names, paths, counts) keep their wording here as functions.

/// Asked when unlocking.
pub const PROMPT_PASSPHRASE: &str = "Vault passphrase: ";
/// Asked for a new passphrase.
pub const PROMPT_NEW_PASSPHRASE: &str = "New passphrase (12+ characters, hard to guess): ";
/// Asked to repeat it.
pub const PROMPT_REPEAT_PASSPHRASE: &str = "Repeat the new passphrase: ";
/// The two entries differ.
pub const PASSPHRASE_MISMATCH: &str =
    "the two passphrases differ; nothing was changed. Run the command again";
/// How to make a passphrase pass.
pub const POLICY_HINT: &str = "Use four or more random words or a longer sentence only you know (or pass --allow-weak-passphrase if you accept the risk).";
/// No terminal and no other unlock source.
pub const NO_TTY: &str = "no terminal to ask for the passphrase; pass --passphrase-fd N (e.g. `--passphrase-fd 3 3<file`) or --identity FILE";
/// No terminal for a new passphrase.
pub const NO_TTY_NEW: &str = "no terminal to ask for the new passphrase; pass it on a file descriptor (init: --passphrase-fd N; passwd/recover: --new-passphrase-fd N)";
/// Warning printed whenever plaintext secrets are written out.
pub const PLAINTEXT_WARNING: &str = "WARNING: this export holds your secrets in PLAINTEXT. Keep it offline, never sync or e-mail it, and delete it when done.";
/// Shown with the recovery key at init.
pub const RECOVERY_KEY_BANNER: &str = "\
This is your RECOVERY KEY. It opens the vault if you forget the passphrase,
and stock `age -d -i key.txt vault.age` opens it even without lifeboat.
Write it down or print it now and keep it somewhere safe and offline.
It is shown only this once (it can be re-exported later with the passphrase).";

/// Secret masked in human output.
pub const MASKED: &str = "•••••••• (add --reveal to show)";

/// Subject for a created vault.
pub fn vault_created(path: &str) -> String {
    format!("Vault created at {path}")
}

/// Recovery key written.
pub fn recovery_key_written(path: &str) -> String {
    format!("Recovery key written to {path} (mode 0600). Print it or copy it to paper, then keep the file offline.")
}

/// Item added.
pub fn item_added(kind: &str, name: &str) -> String {
    format!("Added {kind} \"{name}\".")
}

/// Item removed.
pub fn item_removed(name: &str) -> String {
    format!("Removed \"{name}\".")
}
