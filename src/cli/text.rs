//! User-facing strings of the command line, by catalogue id
//! (`i18n/<lang>/cli.ftl`): constants for fixed messages ([`Msg`] reads as
//! text in the current language), functions for messages built from values
//! (names, paths, counts), whose wording and plurals live in the catalogue.

pub use crate::i18n::Msg;

/// An item kind (`seed`, `totp`...) as a word in a sentence.
pub fn kind_name(kind: &str) -> String {
    crate::tr!("cli-kind-name", kind = kind)
}

/// Asked when unlocking.
pub const PROMPT_PASSPHRASE: Msg = Msg("cli-prompt-passphrase");
/// Prompt that proves a session opened with an extra key.
pub const PROMPT_PROVE: Msg = Msg("cli-prompt-prove");
/// Before [`PROMPT_PROVE`]: why the passphrase is asked although a key was
/// given.
pub fn prove_on_terminal(recipient: &str) -> String {
    crate::tr!("cli-prove-on-terminal", recipient = recipient)
}
/// The passphrase given to prove an extra key's session does not open
/// the vault.
pub const PROOF_FAILED: Msg = Msg("cli-proof-failed");
/// A secret typed on the terminal was refused.
pub fn secret_again(why: &str, left: usize) -> String {
    crate::tr!("cli-secret-again", why = why, left = left)
}
/// A new passphrase typed on the terminal was refused.
pub fn new_passphrase_again(why: &str, left: usize) -> String {
    crate::tr!("cli-new-passphrase-again", why = why, left = left)
}
/// A passphrase typed on the terminal did not open the vault.
pub fn wrong_passphrase_again(left: usize) -> String {
    crate::tr!("cli-wrong-passphrase-again", left = left)
}
/// Asked for a new passphrase.
pub const PROMPT_NEW_PASSPHRASE: Msg = Msg("cli-prompt-new-passphrase");
/// Asked to repeat it.
pub const PROMPT_REPEAT_PASSPHRASE: Msg = Msg("cli-prompt-repeat-passphrase");
/// The two entries differ.
pub const PASSPHRASE_MISMATCH: Msg = Msg("cli-passphrase-mismatch");
/// How to make a passphrase pass.
pub const POLICY_HINT: Msg = Msg("cli-policy-hint");
/// No terminal and no other unlock source.
pub const NO_TTY: Msg = Msg("cli-no-tty");
/// No terminal for a new passphrase.
pub const NO_TTY_NEW: Msg = Msg("cli-no-tty-new");
/// A bare `lifeboat` where there is no terminal for the TUI.
pub const NO_COMMAND: Msg = Msg("cli-no-command");
/// Warning printed whenever plaintext secrets are written out.
pub const PLAINTEXT_WARNING: Msg = Msg("cli-plaintext-warning");
/// Shown with the recovery key at init.
pub const RECOVERY_KEY_BANNER: Msg = Msg("cli-recovery-key-banner");

/// After a refused secret: the vault was not touched.
pub const NOTHING_STORED: Msg = Msg("cli-nothing-stored");
/// After a refused BIP39 phrase: the ways to store it anyway.
pub const SEED_BIP39_HINT: Msg = Msg("cli-seed-bip39-hint");
/// After a refused SLIP-39 share.
pub const SEED_SLIP39_HINT: Msg = Msg("cli-seed-slip39-hint");
/// A key in no recognised format is kept as text.
pub const KEY_AS_TEXT: Msg = Msg("cli-key-as-text");
/// A seed recognised as Electrum's and stored with scheme `electrum`.
pub fn seed_is_electrum(kind: &str) -> String {
    crate::tr!("cli-seed-is-electrum", kind = kind)
}
/// An old (pre-2.0) Electrum seed: it has no checksum to verify.
pub const SEED_ELECTRUM_OLD: Msg = Msg("cli-seed-electrum-old");
/// A seed recognised as Monero's and stored with scheme `monero`.
pub const SEED_IS_MONERO: Msg = Msg("cli-seed-is-monero");
/// After a refused Monero seed.
pub const SEED_MONERO_HINT: Msg = Msg("cli-seed-monero-hint");
/// `add --image` for a kind no QR code holds.
pub const IMAGE_SEED_TOTP_ONLY: Msg = Msg("cli-image-seed-totp-only");
/// A file that cannot be read.
pub fn cannot_read(path: &str, e: &std::io::Error) -> String {
    crate::tr!("cli-cannot-read", path = path, error = e.to_string())
}
/// A valid BIP39 phrase that also carries an Electrum version.
pub fn seed_also_electrum(kind: &str) -> String {
    crate::tr!("cli-seed-also-electrum", kind = kind)
}
/// `--qr` given to an export other than gauth.
pub const QR_NEEDS_GAUTH: Msg = Msg("cli-qr-needs-gauth");
/// An item an export could not carry.
pub fn export_skipped(name: &str, why: &str) -> String {
    crate::tr!("cli-export-skipped", name = name, why = why)
}
/// Fields an export has no place for.
pub fn export_drops(fields: &str) -> String {
    crate::tr!("cli-export-drops", fields = fields)
}
/// A QR image written.
pub fn qr_written(path: &str) -> String {
    crate::tr!("cli-qr-written", path = path)
}
/// A BIP38-encrypted key was stored.
pub const KEY_BIP38: Msg = Msg("cli-key-bip38");
/// The item changed kind between reading and locking.
pub const NOT_HOTP: Msg = Msg("cli-not-hotp");
/// An HOTP counter at its largest value.
pub const HOTP_COUNTER_END: Msg = Msg("cli-hotp-counter-end");
/// `--seedqr` on an item that is not a BIP39 seed.
pub const SEEDQR_BIP39_ONLY: Msg = Msg("cli-seedqr-bip39-only");
/// `--seedqr` with a file name that is not .png or .svg.
pub const SEEDQR_EXTENSION: Msg = Msg("cli-seedqr-extension");
/// Asks to store the full words of a short-form phrase.
pub fn confirm_short_forms(columns: &str) -> String {
    crate::tr!("cli-confirm-short-forms", columns = columns)
}
/// The user said no to the expanded words.
pub const SHORT_FORMS_DECLINED: Msg = Msg("cli-short-forms-declined");
/// After short forms were refused off a terminal.
pub const SHORT_FORMS_HINT: Msg = Msg("cli-short-forms-hint");
/// Asked for a seed's BIP39 passphrase.
pub const PROMPT_BIP39_PASSPHRASE: Msg = Msg("cli-prompt-bip39-passphrase");

/// A field label of `show`, padded to the value column by display width
/// (wide characters count two cells), with at least one space after it.
pub fn label(id: &str) -> String {
    let l = crate::i18n::message(id, None);
    let pad = 10usize.saturating_sub(crate::textwidth::width(&l)).max(1);
    format!("{l}{}", " ".repeat(pad))
}

/// After the masked codes of a codes item.
pub const REVEAL_CODES_HINT: Msg = Msg("cli-reveal-codes-hint");

/// Secret masked in human output.
pub const MASKED: Msg = Msg("cli-masked");

/// Subject for a created vault.
pub fn vault_created(path: &str) -> String {
    crate::tr!("cli-vault-created", path = path)
}

/// Recovery key written.
pub fn recovery_key_written(path: &str) -> String {
    crate::tr!("cli-recovery-key-written", path = path)
}

/// Item added.
pub fn item_added(kind: &str, name: &str) -> String {
    crate::tr!("cli-item-added", kind = kind_name(kind), name = name)
}

/// Warning when two or fewer recovery codes remain.
pub fn low_codes(unused: usize) -> String {
    crate::tr!("cli-low-codes", unused = unused)
}

/// Item removed.
pub fn item_removed(name: &str) -> String {
    crate::tr!("cli-item-removed", name = name)
}

/// `recipient add` on a vault that already has the most extra recipients.
pub fn too_many_recipients(max: usize) -> String {
    crate::tr!("cli-too-many-recipients", max = max)
}

/// `init`/`passwd` refusing KDF settings below OWASP's minimum.
pub fn kdf_below_floor(m_mib: u32, t: u32) -> String {
    crate::tr!("cli-kdf-below-floor", mib = m_mib, t = t)
}

/// Weak KDF settings accepted because of `--allow-weak-kdf`.
pub fn kdf_weak_accepted(m_mib: u32, t: u32) -> String {
    crate::tr!("cli-kdf-weak-accepted", mib = m_mib, t = t)
}

/// `passwd` keeping the vault's weak KDF settings.
pub fn kdf_kept(m_mib: u32, t: u32) -> String {
    crate::tr!("cli-kdf-kept", mib = m_mib, t = t)
}

/// KDF settings between the floor and RFC 9106's recommendations.
pub fn kdf_below_recommendation(m_mib: u32, t: u32) -> String {
    crate::tr!("cli-kdf-below-recommendation", mib = m_mib, t = t)
}

/// Every open of a vault whose folder others can write to.
pub fn unsafe_folder_warning(why: &str, fix: &str) -> String {
    crate::tr!("cli-unsafe-folder-warning", why = why, fix = fix)
}

/// Wording of the `playbook` commands.
pub mod playbook {
    use super::Msg;

    /// No vault yet: playbooks still show, without progress.
    pub const NO_VAULT: Msg = Msg("cli-pb-no-vault");

    /// User playbooks that failed to load; the built-ins stay usable.
    pub fn user_dir_invalid(details: &str) -> String {
        crate::tr!("cli-pb-user-dir-invalid", details = details)
    }

    /// A step id that does not exist or is off the path, with the steps
    /// still open on the path (the next one first, at most five).
    pub fn with_open_steps(err: &str, open: &[String]) -> String {
        match open {
            [] => crate::tr!("cli-pb-all-done", err = err),
            [next] => {
                crate::tr!("cli-pb-next", err = err, next = next)
            }
            [next, rest @ ..] => {
                let shown: Vec<&str> = rest.iter().take(4).map(String::as_str).collect();
                let sep = crate::tr!("cli-list-separator");
                let rest_text = shown.join(&sep);
                if rest.len() > 4 {
                    crate::tr!(
                        "cli-pb-next-then-more",
                        err = err,
                        next = next,
                        rest = rest_text
                    )
                } else {
                    crate::tr!("cli-pb-next-then", err = err, next = next, rest = rest_text)
                }
            }
        }
    }

    /// A step was ticked.
    pub fn checked(step: &str, title: &str) -> String {
        crate::tr!("cli-pb-checked", step = step, title = title)
    }

    /// The first tick of a wait step started its timer.
    pub fn wait_started(step: &str, ends: &str, id: &str) -> String {
        crate::tr!("cli-pb-wait-started", step = step, ends = ends, id = id)
    }

    /// A tick, answer or timer was taken back.
    pub fn unchecked(step: &str) -> String {
        crate::tr!("cli-pb-unchecked", step = step)
    }

    /// A step was set aside as not applying.
    pub fn skipped(step: &str, reason: &str) -> String {
        crate::tr!("cli-pb-skipped", step = step, reason = reason)
    }

    /// A question was answered.
    pub fn answered(step: &str, choice: &str, title: &str) -> String {
        crate::tr!(
            "cli-pb-answered",
            step = step,
            choice = choice,
            title = title
        )
    }

    /// A note was written.
    pub fn noted(step: &str) -> String {
        crate::tr!("cli-pb-noted", step = step)
    }

    /// A run was started or its account set.
    pub fn started(id: &str, account: Option<&str>) -> String {
        match account {
            Some(a) => crate::tr!("cli-pb-started-account", id = id, account = a),
            None => crate::tr!("cli-pb-started", id = id),
        }
    }

    /// Nothing changed.
    pub const UNCHANGED: Msg = Msg("cli-pb-unchanged");

    /// The run was archived.
    pub fn reset(id: &str) -> String {
        crate::tr!("cli-pb-reset", id = id)
    }

    /// There was no run to reset.
    pub fn nothing_to_reset(id: &str) -> String {
        crate::tr!("cli-pb-nothing-to-reset", id = id)
    }

    /// Progress after a change.
    pub fn progress(done: usize, total: usize, next: Option<(&str, &str)>, id: &str) -> String {
        match next {
            Some((step, title)) => crate::tr!(
                "cli-pb-progress-next",
                done = done,
                total = total,
                step = step,
                title = title
            ),
            None => crate::tr!("cli-pb-progress-done", done = done, total = total, id = id),
        }
    }

    /// `report` with no run to report on.
    pub fn no_run(id: &str) -> String {
        crate::tr!("cli-pb-no-run", id = id)
    }

    /// Refusing to overwrite a report file.
    pub fn out_exists(path: &str) -> String {
        crate::tr!("cli-pb-out-exists", path = path)
    }

    /// A report was written.
    pub fn report_written(path: &str) -> String {
        crate::tr!("cli-pb-report-written", path = path)
    }

    /// `validate` found nothing wrong.
    pub fn valid(file: &str, id: &str, steps: usize) -> String {
        crate::tr!("cli-pb-valid", file = file, id = id, steps = steps)
    }

    /// `validate` found problems.
    pub fn invalid(file: &str, n: usize) -> String {
        crate::tr!("cli-pb-invalid", file = file, n = n)
    }
}

/// Printed on stderr whenever a session is opened by an extra identity.
pub fn unverified_warning(recipient: &str) -> String {
    crate::tr!("cli-unverified-warning", recipient = recipient)
}

/// Writing the command's output failed.
pub fn output_failed(e: &std::io::Error) -> String {
    crate::tr!("cli-output-failed", error = e.to_string())
}

/// Writing messages to stderr failed (reported on stdout at the end).
pub fn messages_failed(e: &std::io::Error) -> String {
    crate::tr!("cli-messages-failed", error = e.to_string())
}

/// Why the recovery key could not be shown, when stdout was closed.
pub const STDOUT_CLOSED: Msg = Msg("cli-stdout-closed");

/// `init` could not hand the recovery key over.
pub fn recovery_key_not_shown(why: &str, vault: &str, removed: bool) -> String {
    if removed {
        crate::tr!(
            "cli-recovery-key-not-shown-removed",
            why = why,
            vault = vault
        )
    } else {
        crate::tr!("cli-recovery-key-not-shown-kept", why = why, vault = vault)
    }
}

/// `man --out DIR` wrote the pages.
pub fn man_written(dir: &str) -> String {
    crate::tr!("cli-man-written", dir = dir)
}

/// `man --out DIR` could not write the pages.
pub fn man_failed(dir: &str, e: &std::io::Error) -> String {
    crate::tr!("cli-man-failed", dir = dir, error = e.to_string())
}

/// `rm` asks before removing on a terminal.
pub fn confirm_rm(name: &str, kind: &str) -> String {
    crate::tr!("cli-confirm-rm", name = name, kind = kind_name(kind))
}

/// `rm` was answered no.
pub const RM_CANCELLED: Msg = Msg("cli-rm-cancelled");

/// No terminal to confirm on.
pub const NO_TTY_CONFIRM: Msg = Msg("cli-no-tty-confirm");

/// Asked for a recovery code.
pub const PROMPT_RECOVERY_CODE: Msg = Msg("cli-prompt-recovery-code");

/// A recovery code was given as an argument.
pub const CODE_IN_ARGV: Msg = Msg("cli-code-in-argv");

/// Strings of `import`.
pub mod import {
    use super::Msg;

    /// The password prompt of an encrypted export.
    pub fn prompt(what: &str) -> String {
        crate::tr!("cli-import-prompt", what = what)
    }

    /// An encrypted export and no way to ask its password.
    pub fn no_tty(what: &str) -> String {
        crate::tr!("cli-import-no-tty", what = what)
    }

    /// The one-line summary.
    pub fn summary(added: usize, skipped: usize, rejected: usize) -> String {
        crate::tr!(
            "cli-import-summary",
            added = added,
            skipped = skipped,
            rejected = rejected
        )
    }

    /// An entry left out as a duplicate, naming both sides.
    pub fn skipped(entry: &str, matched: &str) -> String {
        crate::tr!("cli-import-skipped", entry = entry, matched = matched)
    }

    /// An entry whose id was taken by a different item.
    pub fn kept_both(entry: &str, matched: &str, new_name: &str) -> String {
        crate::tr!(
            "cli-import-kept-both",
            entry = entry,
            matched = matched,
            name = new_name
        )
    }

    /// An entry that was refused.
    pub fn rejected(place: &str, reason: &str) -> String {
        crate::tr!("cli-import-rejected", place = place, reason = reason)
    }

    /// Nothing came in.
    pub const NOTHING: Msg = Msg("cli-import-nothing");
}

/// `backup` with no folder and no `backup_dir` in the config file.
pub const NO_BACKUP_DIR: Msg = Msg("cli-no-backup-dir");

/// A bad config file stops an everyday command.
pub fn config_bad(e: &str) -> String {
    crate::tr!("cli-config-bad", error = e)
}

/// A bad config file ignored by a recovery command.
pub fn config_ignored(e: &str) -> String {
    crate::tr!("cli-config-ignored", error = e)
}

/// `config set` changed a key.
pub fn config_set(key: &str, value: &str, path: &str) -> String {
    crate::tr!("cli-config-set", key = key, value = value, path = path)
}

/// `config unset` of a key that was not set.
pub fn config_not_set(key: &str) -> String {
    crate::tr!("cli-config-not-set", key = key)
}

/// The first line of `config show`.
pub fn config_file_line(path: &str, exists: bool) -> String {
    if exists {
        crate::tr!("cli-config-file-line", path = path)
    } else {
        crate::tr!("cli-config-file-line-new", path = path)
    }
}

/// `show --qr` where stdout is not a terminal.
pub const QR_NEEDS_TERMINAL: Msg = Msg("cli-qr-needs-terminal");

/// `--qr`, `--qr-svg` or `--qr-png` on an item that is not a TOTP secret.
pub const QR_TOTP_ONLY: Msg = Msg("cli-qr-totp-only");

// ---- merge ---------------------------------------------------------------

/// `merge` of a copy that opened with an extra identity only.
pub fn merge_unverified(recipient: &str) -> String {
    crate::tr!("cli-merge-unverified", recipient = recipient)
}
/// The other copy does not open with any key at hand.
pub fn merge_other_locked(e: &str) -> String {
    crate::tr!("cli-merge-other-locked", error = e)
}
/// The other copy is damaged or fails the authenticity check.
pub fn merge_other_bad(e: &str) -> String {
    crate::tr!("cli-merge-other-bad", error = e)
}
/// Heading of the merge summary.
pub fn merge_heading(other: &str, vault: &str) -> String {
    crate::tr!("cli-merge-heading", other = other, vault = vault)
}
/// One line of the summary: a label and the items concerned.
pub fn merge_line(label: &str, names: &[String]) -> String {
    crate::tr!(
        "cli-merge-line",
        label = label,
        count = names.len(),
        names = names.join(", ")
    )
}
/// Label: items the other copy added.
pub const MERGE_ADDED: Msg = Msg("cli-merge-added");
/// Label: items the other copy changed.
pub const MERGE_CHANGED: Msg = Msg("cli-merge-changed");
/// Label: items the other copy deleted.
pub const MERGE_DELETED: Msg = Msg("cli-merge-deleted");
/// Label: items deleted on one side and edited on the other.
pub const MERGE_RESTORED: Msg = Msg("cli-merge-restored");
/// Label: of those, the ones whose purged values stay erased.
pub const MERGE_RESTORED_ERASED: Msg = Msg("cli-merge-restored-erased");
/// Label: names now used twice.
pub const MERGE_DUPLICATES: Msg = Msg("cli-merge-duplicates");
/// Label: vault settings taken from the other copy.
pub const MERGE_SETTINGS: Msg = Msg("cli-merge-settings");
/// One conflict line.
pub fn merge_conflict(item: &str, field: &str, theirs_won: bool) -> String {
    if theirs_won {
        crate::tr!("cli-merge-conflict-theirs", item = item, field = field)
    } else {
        crate::tr!("cli-merge-conflict-ours", item = item, field = field)
    }
}
/// Playbook runs or the audit log gained entries.
pub const MERGE_PLAYBOOKS: Msg = Msg("cli-merge-playbooks");
/// Nothing to merge.
pub const MERGE_NOTHING: Msg = Msg("cli-merge-nothing");
/// `--dry-run`: nothing written.
pub const MERGE_DRY_RUN: Msg = Msg("cli-merge-dry-run");
/// Saved.
pub fn merge_saved(vault: &str) -> String {
    crate::tr!("cli-merge-saved", vault = vault)
}
/// A sync conflict copy was moved aside after the merge.
pub fn merge_copy_moved(from: &str, to: &str) -> String {
    crate::tr!("cli-merge-copy-moved", from = from, to = to)
}
/// The conflict copy could not be moved.
pub fn merge_copy_not_moved(from: &str, e: &str) -> String {
    crate::tr!("cli-merge-copy-not-moved", from = from, error = e)
}
/// `merge-driver`: the result.
pub fn driver_done(added: usize, changed: usize, conflicts: usize) -> String {
    crate::tr!(
        "cli-driver-done",
        added = added,
        changed = changed,
        conflicts = conflicts
    )
}
/// `merge-driver`: failed, file untouched.
pub fn driver_failed(e: &str) -> String {
    crate::tr!("cli-driver-failed", error = e)
}

/// SLIP-39 share words are English in every language: how to copy them.
/// Printed only when the interface is not English (there it goes without
/// saying).
pub const SHARES_ARE_ENGLISH: Msg = Msg("shares-english-words");
