//! User-facing strings of the command line, in one place so a translation
//! is a new table rather than a hunt through the logic. Messages built from
//! values (names, paths, counts) keep their wording here as functions.

/// Asked when unlocking.
pub const PROMPT_PASSPHRASE: &str = "Vault passphrase: ";
/// A secret typed on the terminal was refused.
pub fn secret_again(why: &str, left: usize) -> String {
    format!(
        "{why}\nType it again ({left} {} left; Ctrl+C stops).",
        if left == 1 { "try" } else { "tries" }
    )
}
/// A new passphrase typed on the terminal was refused.
pub fn new_passphrase_again(why: &str, left: usize) -> String {
    format!(
        "{why}\nChoose another ({left} {} left; Ctrl+C stops).",
        if left == 1 { "try" } else { "tries" }
    )
}
/// A passphrase typed on the terminal did not open the vault.
pub fn wrong_passphrase_again(left: usize) -> String {
    format!(
        "That passphrase does not open this vault. Try again ({left} {} left; Ctrl+C stops).",
        if left == 1 { "try" } else { "tries" }
    )
}
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
/// A bare `lifeboat` where there is no terminal for the TUI.
pub const NO_COMMAND: &str = "no command given, and no terminal here for the full-screen interface; run it in a terminal, or give a command such as `lifeboat list` (`lifeboat --help` lists them all)";
/// Warning printed whenever plaintext secrets are written out.
pub const PLAINTEXT_WARNING: &str = "WARNING: this export holds your secrets in PLAINTEXT. Keep it offline, never sync or e-mail it, and delete it when done.";
/// Shown with the recovery key at init.
pub const RECOVERY_KEY_BANNER: &str = "\
This is your RECOVERY KEY. It opens the vault if you forget the passphrase,
and stock `age -d -i key.txt vault.age` opens it even without lifeboat.
Write it down or print it now and keep it somewhere safe and offline.
It is shown only this once (it can be re-exported later with the passphrase).";

/// After a refused secret: the vault was not touched.
pub const NOTHING_STORED: &str = ". Nothing was stored.";
/// After a refused BIP39 phrase: the ways to store it anyway.
pub const SEED_BIP39_HINT: &str = ". Nothing was stored. (Use --scheme other for a non-BIP39 wallet, or --no-verify to store it anyway.)";
/// After a refused SLIP-39 share.
pub const SEED_SLIP39_HINT: &str = ". Nothing was stored. (Use --no-verify to store it anyway.)";
/// A key in no recognised format is kept as text.
pub const KEY_AS_TEXT: &str =
    "Note: the key is not in a recognised format (hex, WIF, xprv); it is stored as text.";
/// A seed recognised as Electrum's and stored with scheme `electrum`.
pub fn seed_is_electrum(kind: &str) -> String {
    format!("Note: these words are an Electrum seed ({kind}), not BIP39; stored with scheme electrum. Restore it in Electrum (a BIP39 wallet would show other addresses).")
}
/// A valid BIP39 phrase that also carries an Electrum version.
pub fn seed_also_electrum(kind: &str) -> String {
    format!("Note: these words pass the BIP39 checksum and also carry Electrum's \"{kind}\" version. If Electrum made this seed, remove the item and add it again with --scheme electrum.")
}
/// `--qr` given to an export other than gauth.
pub const QR_NEEDS_GAUTH: &str =
    "--qr writes Google Authenticator transfer codes; use it with --format gauth";
/// An item an export could not carry.
pub fn export_skipped(name: &str, why: &str) -> String {
    format!("  not exported: \"{name}\": {why}")
}
/// Fields an export has no place for.
pub fn export_drops(fields: &str) -> String {
    format!("Note: this format does not carry {fields}; they stay in the vault only.")
}
/// A QR image written.
pub fn qr_written(path: &str) -> String {
    format!("Wrote {path} (mode 0600).")
}
/// A BIP38-encrypted key was stored.
pub const KEY_BIP38: &str = "Note: this is a BIP38 passphrase-encrypted key, stored as bip38. It is useless without its passphrase: keep that passphrase too (for example as a password item).";
/// The item changed kind between reading and locking.
pub const NOT_HOTP: &str = "this item is no longer an HOTP secret; run the command again";
/// An HOTP counter at its largest value.
pub const HOTP_COUNTER_END: &str = "this HOTP counter is at its largest value and cannot advance; set up the secret again at the service";
/// `--seedqr` on an item that is not a BIP39 seed.
pub const SEEDQR_BIP39_ONLY: &str =
    "--seedqr works for BIP39 seed items only (SeedQR holds 12- or 24-word English phrases)";
/// `--seedqr` with a file name that is not .png or .svg.
pub const SEEDQR_EXTENSION: &str =
    "--seedqr writes a .png or .svg file; name the file with one of those extensions";
/// Asks to store the full words of a short-form phrase.
pub fn confirm_short_forms(columns: &str) -> String {
    format!("The words expand to this valid BIP39 phrase:\n{columns}Compare it with your plate. Store these words?")
}
/// The user said no to the expanded words.
pub const SHORT_FORMS_DECLINED: &str =
    "nothing was stored; type the full words, or check the plate again";
/// After short forms were refused off a terminal.
pub const SHORT_FORMS_HINT: &str = ". Nothing was stored. (Run it on a terminal to see and confirm the full words, or add --expand-short.)";
/// Asked for a seed's BIP39 passphrase.
pub const PROMPT_BIP39_PASSPHRASE: &str = "BIP39 passphrase (hidden): ";

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

/// Warning when two or fewer recovery codes remain.
pub fn low_codes(unused: usize) -> String {
    format!("WARNING: only {unused} unused code(s) left: generate new recovery codes at the provider and add them.")
}

/// Item removed.
pub fn item_removed(name: &str) -> String {
    format!("Removed \"{name}\".")
}

/// `recipient add` on a vault that already has the most extra recipients.
pub fn too_many_recipients(max: usize) -> String {
    format!("the vault already has {max} extra recipients, the most it can hold (a larger header would be refused as hostile); remove one with `lifeboat recipient rm` first")
}

/// `init`/`passwd` refusing KDF settings below OWASP's minimum.
pub fn kdf_below_floor(m_mib: u32, t: u32) -> String {
    format!("Argon2id with {m_mib} MiB and {t} pass(es) is below OWASP's minimum for Argon2id (19 MiB with 2 passes, or as much work another way: 46 MiB x 1, 12 MiB x 3, 9 MiB x 4, 7 MiB x 5), so a stolen vault file could be guessed at quickly. Leave out the --kdf-* options for the default (256 MiB), or pass --allow-weak-kdf if you accept the risk")
}

/// Weak KDF settings accepted because of `--allow-weak-kdf`.
pub fn kdf_weak_accepted(m_mib: u32, t: u32) -> String {
    format!("warning: Argon2id with {m_mib} MiB and {t} pass(es) is below OWASP's minimum; accepted because of --allow-weak-kdf. Raise it later with `lifeboat passwd --kdf-memory 256 --kdf-time 3`")
}

/// `passwd` keeping the vault's weak KDF settings.
pub fn kdf_kept(m_mib: u32, t: u32) -> String {
    format!("warning: the vault keeps its Argon2id settings, {m_mib} MiB and {t} pass(es), below OWASP's minimum or RFC 9106's recommendations (64 MiB with 3 passes); raise them with `lifeboat passwd --kdf-memory 256 --kdf-time 3`")
}

/// KDF settings between the floor and RFC 9106's recommendations.
pub fn kdf_below_recommendation(m_mib: u32, t: u32) -> String {
    format!("warning: Argon2id with {m_mib} MiB and {t} pass(es) meets OWASP's minimum but not RFC 9106's recommendations (64 MiB with 3 passes, i.e. 192 MiB-passes, or 2 GiB); consider the default (256 MiB) unless this machine is short of memory")
}

/// Every open of a vault whose folder others can write to.
pub fn unsafe_folder_warning(why: &str, fix: &str) -> String {
    format!("warning: the vault's folder is not private: {why}. Someone else could have replaced the vault with one of their own; make sure the items are the ones you stored, and fix it with `{fix}`")
}

/// Wording of the `playbook` commands.
pub mod playbook {
    /// No vault yet: playbooks still show, without progress.
    pub const NO_VAULT: &str =
        "Note: no vault yet, so no progress is shown; ticking a step needs one (`lifeboat init`).";

    /// User playbooks that failed to load; the built-ins stay usable.
    pub fn user_dir_invalid(details: &str) -> String {
        format!(
            "warning: your own playbooks were not loaded, the built-ins are available.\n{details}"
        )
    }

    /// A step id that does not exist or is off the path, with the steps
    /// still open on the path (the next one first, at most five).
    pub fn with_open_steps(err: &str, open: &[String]) -> String {
        match open {
            [] => format!("{err}. Every step on your path is done."),
            [next, rest @ ..] => {
                let mut s = format!("{err}. Next on your path: `{next}`");
                if !rest.is_empty() {
                    let shown: Vec<&str> = rest.iter().take(4).map(String::as_str).collect();
                    s.push_str(&format!("; then: {}", shown.join(", ")));
                    if rest.len() > 4 {
                        s.push_str(", ...");
                    }
                }
                s
            }
        }
    }

    /// A step was ticked.
    pub fn checked(step: &str, title: &str) -> String {
        format!("Done: `{step}` ({title}).")
    }

    /// The first tick of a wait step started its timer.
    pub fn wait_started(step: &str, ends: &str, id: &str) -> String {
        format!(
            "Wait started for `{step}`; it ends at {ends} UTC. Tick it again then (`lifeboat playbook check {id} {step}`), or earlier with --note saying why the wait is over."
        )
    }

    /// A tick, answer or timer was taken back.
    pub fn unchecked(step: &str) -> String {
        format!("Took back `{step}`; its notes are kept.")
    }

    /// A step was set aside as not applying.
    pub fn skipped(step: &str, reason: &str) -> String {
        format!("Set `{step}` aside as not applying: {reason}. It counts as done; `playbook uncheck` takes it back.")
    }

    /// A question was answered.
    pub fn answered(step: &str, choice: &str, title: &str) -> String {
        format!("Answered `{step}`: {choice} ({title}).")
    }

    /// A note was written.
    pub fn noted(step: &str) -> String {
        format!("Note added to `{step}`.")
    }

    /// A run was started or its account set.
    pub fn started(id: &str, account: Option<&str>) -> String {
        match account {
            Some(a) => format!(
                "Run of `{id}` is about the account {a}; action steps offer its items first."
            ),
            None => format!("Run of `{id}` started."),
        }
    }

    /// Nothing changed.
    pub const UNCHANGED: &str = "Nothing changed (already recorded).";

    /// The run was archived.
    pub fn reset(id: &str) -> String {
        format!("The run of `{id}` was put aside (kept in the vault's history); the next tick starts a fresh run.")
    }

    /// There was no run to reset.
    pub fn nothing_to_reset(id: &str) -> String {
        format!("`{id}` has no run in progress; nothing to reset.")
    }

    /// Progress after a change.
    pub fn progress(done: usize, total: usize, next: Option<(&str, &str)>, id: &str) -> String {
        match next {
            Some((step, title)) => format!("Progress: {done} of {total} steps done. Next: `{step}`: {title}"),
            None => format!(
                "Progress: {done} of {total} steps done; every step on your path is done. For support: `lifeboat playbook report {id} --out {id}.md`"
            ),
        }
    }

    /// `report` with no run to report on.
    pub fn no_run(id: &str) -> String {
        format!("`{id}` has no run to report on yet; tick its first step (`lifeboat playbook show {id}` lists the steps), then write the report")
    }

    /// Refusing to overwrite a report file.
    pub fn out_exists(path: &str) -> String {
        format!("{path} already exists; choose another file name or move the old file away (reports are never overwritten)")
    }

    /// A report was written.
    pub fn report_written(path: &str) -> String {
        format!("Report written to {path} (mode 0600). It holds no secrets, but it does hold your notes: read it before sending it.")
    }

    /// `validate` found nothing wrong.
    pub fn valid(file: &str, id: &str, steps: usize) -> String {
        format!("{file}: ok (playbook `{id}`, {steps} steps)")
    }

    /// `validate` found problems.
    pub fn invalid(file: &str, n: usize) -> String {
        format!("{n} problem(s) in {file}; fix them and run `lifeboat playbook validate` again")
    }
}

/// Printed on stderr whenever a session is opened by an extra identity.
pub fn unverified_warning(recipient: &str) -> String {
    format!("WARNING: UNVERIFIED. This vault was opened with {recipient}, an extra recipient's key: it can read the vault but cannot prove who wrote it (anyone who can read it could have written it), so this session is read-only. Open it with the passphrase or the recovery key to check it and to make changes. If the key you used is your recovery key, this file is not your vault: do not trust it.")
}

/// Writing the command's output failed.
pub fn output_failed(e: &std::io::Error) -> String {
    format!("writing the output failed ({e}); the output is incomplete. Check free space or where stdout goes, and run the command again")
}

/// Writing messages to stderr failed (reported on stdout at the end).
pub fn messages_failed(e: &std::io::Error) -> String {
    format!("could not write messages to stderr ({e}); the command ran, but its messages were lost")
}

/// Why the recovery key could not be shown, when stdout was closed.
pub const STDOUT_CLOSED: &str = "stdout was closed before the key was written";

/// `init` could not hand the recovery key over.
pub fn recovery_key_not_shown(why: &str, vault: &str, removed: bool) -> String {
    if removed {
        format!("the recovery key could not be shown: {why}. The new vault at {vault} was removed, so no vault exists whose recovery key nobody saw. Run `lifeboat init` again with stdout on a terminal, or with --recovery-key-out FILE")
    } else {
        format!("the recovery key could not be shown: {why}, and the new vault at {vault} could not be removed. Delete it yourself and run `lifeboat init` again with --recovery-key-out FILE")
    }
}

/// `man --out DIR` wrote the pages.
pub fn man_written(dir: &str) -> String {
    format!("Man pages written to {dir} (read one with `man -l {dir}/lifeboat.1`)")
}

/// `man --out DIR` could not write the pages.
pub fn man_failed(dir: &str, e: &std::io::Error) -> String {
    format!("cannot write the man pages into {dir}: {e}; choose a folder you can write to")
}

/// `rm` asks before removing on a terminal.
pub fn confirm_rm(name: &str, kind: &str) -> String {
    format!("Remove the {kind} item \"{name}\"? It stays only in backups and the previous generation (.prev).")
}

/// `rm` was answered no.
pub const RM_CANCELLED: &str = "nothing was removed (answer y to remove, or pass --yes)";

/// No terminal to confirm on.
pub const NO_TTY_CONFIRM: &str = "no terminal to confirm on; pass --yes to go ahead without asking";

/// Asked for a recovery code.
pub const PROMPT_RECOVERY_CODE: &str = "Recovery code being used (hidden): ";

/// A recovery code was given as an argument.
pub const CODE_IN_ARGV: &str = "Warning: a code given as an argument is visible to other users in the process list and stays in your shell history; next time leave it out and type it at the prompt, or pipe it on stdin.";

/// Strings of `import`.
pub mod import {
    /// The password prompt of an encrypted export.
    pub fn prompt(what: &str) -> String {
        format!("Password of the {what}: ")
    }

    /// An encrypted export and no way to ask its password.
    pub fn no_tty(what: &str) -> String {
        format!("this {what} is encrypted and there is no terminal to ask its password; pass it on a file descriptor with --import-passphrase-fd N (e.g. `--import-passphrase-fd 3 3<file`)")
    }

    /// The one-line summary.
    pub fn summary(added: usize, skipped: usize, rejected: usize) -> String {
        format!("Imported {added} item(s); skipped {skipped} duplicate(s); rejected {rejected}.")
    }

    /// An entry left out as a duplicate, naming both sides.
    pub fn skipped(entry: &str, matched: &str) -> String {
        format!("  skipped {entry}: the same as {matched}")
    }

    /// An entry whose id was taken by a different item.
    pub fn kept_both(entry: &str, matched: &str, new_name: &str) -> String {
        format!("  kept both: {entry} has the id of {matched} but differs from it; imported as \"{new_name}\"")
    }

    /// An entry that was refused.
    pub fn rejected(place: &str, reason: &str) -> String {
        format!("  rejected {place}: {reason}")
    }

    /// Nothing came in.
    pub const NOTHING: &str = "nothing was imported";
}

/// `backup` with no folder and no `backup_dir` in the config file.
pub const NO_BACKUP_DIR: &str = "no folder given; run `lifeboat backup DIR`, or set one with `lifeboat config set backup_dir /path/to/folder`";

/// A bad config file stops an everyday command.
pub fn config_bad(e: &str) -> String {
    format!("{e}. Fix the file (`lifeboat config show` explains it, `lifeboat config unset KEY` removes a key), or point LIFEBOAT_CONFIG at another file. Recovery commands (recover, restore, verify, backup, export, show, list) still run without it")
}

/// A bad config file ignored by a recovery command.
pub fn config_ignored(e: &str) -> String {
    format!("Warning: the config file is ignored for this command: {e}")
}

/// `config set` changed a key.
pub fn config_set(key: &str, value: &str, path: &str) -> String {
    format!("Set {key} = \"{value}\" in {path}")
}

/// `config unset` of a key that was not set.
pub fn config_not_set(key: &str) -> String {
    format!("{key} was not set in the config file; nothing changed")
}

/// The first line of `config show`.
pub fn config_file_line(path: &str, exists: bool) -> String {
    if exists {
        format!("config file: {path}")
    } else {
        format!("config file: {path} (not created yet; `lifeboat config set KEY VALUE` creates it)")
    }
}

/// `show --qr` where stdout is not a terminal.
pub const QR_NEEDS_TERMINAL: &str = "--qr draws the QR code with terminal blocks and colours, and stdout is not a terminal (or --json was given); write an image instead with --qr-svg FILE or --qr-png FILE";

/// `--qr`, `--qr-svg` or `--qr-png` on an item that is not a TOTP secret.
pub const QR_TOTP_ONLY: &str = "--qr, --qr-svg and --qr-png work for TOTP items only";
