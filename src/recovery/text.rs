//! User-facing strings of backups, restore, splitting, recovery, the kit
//! and the doctor, in one place so a translation is a new table rather than
//! a hunt through the logic. Messages built from values keep their wording
//! here as functions.

use crate::item::slip39::Share;
use crate::vault::crypto::KdfParams;

// ---------------------------------------------------------------- backup

/// `--keep 0`.
pub const KEEP_ZERO: &str = "--keep must be at least 1: the backup just written is always kept";
/// A thousand backups in one second.
pub const TOO_MANY_SAME_SECOND: &str =
    "too many backups with the same timestamp in this folder; wait a second and try again";

/// Backup written.
pub fn backup_written(path: &str, kept: usize, removed: usize) -> String {
    format!(
        "Backup written and verified (it decrypts with the vault's recovery key): {path}\n{kept} backup(s) kept in the folder, {removed} older one(s) removed."
    )
}

/// Backup written but the history could not be recorded.
pub fn backup_not_recorded(e: &str) -> String {
    format!("The backup is complete, but recording its date in the vault failed: {e}. `lifeboat doctor` will not see this backup; run `lifeboat backup` again later.")
}

// ---------------------------------------------------------------- verify

/// The backup belongs to another vault.
pub fn foreign_vault(backup_id: &str, vault_id: &str) -> String {
    format!(
        "this backup belongs to a different vault (vault id {backup_id}, this vault is {vault_id}); it is not a backup of this vault. Check that --vault points at the right vault"
    )
}

/// The backup is damaged.
pub fn backup_damaged(reason: &str) -> String {
    format!("the backup is damaged and cannot be used: {reason}. Make a new one with `lifeboat backup DIR`, and use an older backup if you need one now")
}

/// The backup does not open with the key given.
pub fn backup_wrong_key(reason: &str) -> String {
    format!("the backup does not open with the given passphrase or identity: {reason}")
}

/// The backup opens with the vault's recovery key, but not with the key given.
pub const BACKUP_OLD_PASSPHRASE: &str = "the backup does not open with the given passphrase, but it does open with the vault's recovery key: the passphrase was probably changed after this backup was made. The backup keeps the passphrase it was made with; keep that one written down, or make a new backup";

/// Items identical.
pub const VERIFY_IDENTICAL: &str = "The backup opens and its items are identical to the vault's.";

/// Items differ.
pub fn verify_differs(added: &[String], removed: &[String], changed: &[String]) -> String {
    let mut s = String::from("The backup opens, but its items differ from the vault's:");
    for (label, list) in [
        ("added since the backup", added),
        ("removed since the backup", removed),
        ("changed since the backup", changed),
    ] {
        if !list.is_empty() {
            s.push_str(&format!("\n  {label}: {}", list.join(", ")));
        }
    }
    s.push_str("\nMake a fresh backup with `lifeboat backup DIR` to include the changes.");
    s
}

/// The current vault is damaged; the backup is checked on its own.
pub fn verify_current_damaged(e: &str) -> String {
    format!("Note: the current vault cannot be read ({e}). Checking the backup on its own; if it opens, `lifeboat restore FILE` brings the vault back.")
}

/// Drill recorded.
pub const DRILL_RECORDED: &str = "Restore drill recorded in the vault.";
/// No vault to compare with.
pub const VERIFY_NO_VAULT: &str = "The backup opens. There is no readable vault at the --vault path to compare it with, so no drill was recorded.";

// ---------------------------------------------------------------- restore

/// Refusing to restore over another vault.
pub fn restore_foreign(backup_id: &str, vault_id: &str) -> String {
    format!(
        "the backup belongs to a different vault (vault id {backup_id}) than the one at --vault (vault id {vault_id}); nothing was changed. Pass --force to replace it anyway (it is kept as the previous generation)"
    )
}

/// The current vault does not open with the key that opened the backup.
pub const RESTORE_CURRENT_LOCKED: &str = "the current vault does not open with the key that opened the backup (was the passphrase changed after the backup?), so lifeboat cannot check that the backup belongs to it; nothing was changed. Pass --force to restore anyway (the current file is kept as the previous generation)";

/// Restore done.
pub fn restored(path: &str, prev: &str, items: usize, had_current: bool) -> String {
    let kept = if had_current {
        format!("The vault as it was is kept as {prev}.")
    } else {
        "There was no readable vault before; nothing else was kept.".to_owned()
    };
    format!(
        "Vault restored from the backup ({items} item(s)) at {path}. {kept}\nThe backup's keys came with it: the passphrase is the one in use when the backup was made, and the recovery key is the backup's (the same as now unless the vault was re-keyed)."
    )
}

// ---------------------------------------------------------------- split

/// A `--group` value that does not parse.
pub fn bad_group_spec(spec: &str) -> String {
    format!("cannot read the group \"{spec}\"; write it as KofN, e.g. --group 2of3")
}

/// A group whose threshold is 0 or larger than its share count.
pub fn group_threshold_out_of_range(spec: &str) -> String {
    format!("the group \"{spec}\" needs between 1 and N of its N shares; write it as KofN with 1 <= K <= N, e.g. --group 2of3")
}

/// The new shares did not recombine.
pub const PROOF_FAILED: &str = "the new shares did not all recombine to the recovery key, so none were handed out. This should not happen; please report it, and keep using the recovery key itself";

/// Split needs --threshold/--shares or --group.
pub const SPLIT_NEEDS_PLAN: &str =
    "say how to split: --threshold K --shares N, or --group-threshold G with --group KofN (repeatable)";

/// One share's description for stderr and file headers.
pub fn share_label(
    member: u8,
    member_count: u8,
    member_threshold: u8,
    group: u8,
    group_count: u8,
    group_threshold: u8,
    identifier: u16,
) -> String {
    if group_count == 1 {
        format!("share {member} of {member_count}, {member_threshold} needed to recover, set {identifier}")
    } else {
        format!(
            "share {member} of {member_count} in group {group} of {group_count} ({member_threshold} of this group needed, {group_threshold} groups needed), set {identifier}"
        )
    }
}

/// After the shares are out.
pub fn split_done(count: usize, checked: usize, exhaustive: bool) -> String {
    let how = if exhaustive {
        format!("every one of the {checked} minimal combinations")
    } else {
        format!("{checked} combinations (a random sample, plus one through every share)")
    };
    format!(
        "{count} shares made; {how} recombined to the recovery key before any share was shown.\nGive each share to a different trustee. A share alone reveals nothing; recover with `lifeboat recover --shares FILE`."
    )
}

/// Split into a folder.
pub fn split_written(dir: &str, count: usize) -> String {
    format!("{count} share files written to {dir} (mode 0600). Hand each to its trustee, then delete the files from this computer.")
}

/// A folder or file could not be made.
pub fn cannot_create(path: &str, why: &str) -> String {
    format!("cannot create {path}: {why}")
}

/// Writing a file failed.
pub fn write_failed(path: &str, why: &str) -> String {
    format!("writing {path} failed: {why}")
}

/// A share file of the same name is already in the folder.
pub fn share_file_exists(path: &str) -> String {
    format!("{path} already exists; choose an empty folder for the shares")
}

/// Header of a share file.
pub fn share_file_header(label: &str) -> String {
    format!(
        "# lifeboat recovery-key share: {label}\n# Keep it secret. All shares of one set share the set identifier and their first words.\n# To recover: `lifeboat recover --shares FILE` with enough shares, one per line (lines starting with # are skipped).\n"
    )
}

// ---------------------------------------------------------------- recover

/// Too few shares.
pub fn not_enough_shares(needed: u8, given: usize, group: Option<u8>) -> String {
    match group {
        Some(g) => format!("not enough shares: group {g}: {needed} needed, {given} given. Add another share of that group"),
        None => format!("not enough shares: {needed} needed, {given} given. Add another share of the same set"),
    }
}

/// Wrapping any share problem.
pub fn shares_problem(e: &str) -> String {
    format!("the shares cannot be used: {e}")
}

/// The rebuilt key does not open the vault.
pub const REBUILT_KEY_WRONG: &str = "the key rebuilt from the shares does not open this vault: the shares belong to another vault's recovery key (or --vault points at the wrong vault)";

/// No shares were given.
pub const NO_SHARES: &str =
    "no shares found in the input (one mnemonic per line; lines starting with # are skipped)";

/// No way to recover.
pub const RECOVER_NEEDS_SOURCE: &str = "no terminal to type shares on; pass --identity FILE (the recovery key) or --shares FILE (one share per line, - for stdin)";

/// Recovery done.
pub const RECOVERED: &str = "Passphrase reset: the vault now opens with the new passphrase, and the old one no longer works. The recovery key is unchanged; backups made before keep the old passphrase.";

/// Interactive share-entry prompts.
pub fn prompt_word(share: usize, word: usize) -> String {
    format!("share {share}, word {word}: ")
}
/// Interactive: intro.
pub const INTERACTIVE_INTRO: &str = "Type the shares word by word, or paste a whole share on one line. The first 4 letters of a word are enough; `undo` removes the last word.";
/// Interactive: ambiguous prefix.
pub fn word_ambiguous(list: &[&str]) -> String {
    format!(
        "  several words start like that: {}; type more letters",
        list.join(", ")
    )
}
/// Interactive: unknown word.
pub fn word_unknown(typed: &str, suggestions: &[&str]) -> String {
    if suggestions.is_empty() {
        format!("  \"{typed}\" is not a SLIP-39 word; check the paper")
    } else {
        format!(
            "  \"{typed}\" is not a SLIP-39 word; did you mean {}?",
            suggestions.join(", ")
        )
    }
}
/// What a typed share says about itself (a share does not know how many
/// shares its group has).
pub fn typed_share_label(
    member: u8,
    member_threshold: u8,
    group: u8,
    group_count: u8,
    group_threshold: u8,
    identifier: u16,
) -> String {
    if group_count == 1 {
        format!("share {member}, {member_threshold} needed to recover, set {identifier}")
    } else {
        format!(
            "share {member} of group {group} ({member_threshold} of this group needed, {group_threshold} of {group_count} groups needed), set {identifier}"
        )
    }
}
/// Interactive: share accepted.
pub fn share_accepted(n: usize, label: &str) -> String {
    format!("  share {n} accepted ({label})")
}

// ---------------------------------------------------------------- kit

/// The kit holds the key.
pub const KIT_WRITTEN_WARNING: &str = "WARNING: the kit holds your RECOVERY KEY in plain text (and the shares, if given). Print it, check the printout, then delete the file; never e-mail it or keep it in cloud storage.";
/// Kit written.
pub fn kit_written(path: &str) -> String {
    format!("Emergency kit written to {path} (mode 0600). Open it in a browser and print it (A4 or Letter).")
}
/// Shares verified against the key.
pub const KIT_SHARES_VERIFIED: &str =
    "The shares were recombined and give this vault's recovery key.";
/// Shares could not be checked (too few).
pub const KIT_SHARES_UNVERIFIED: &str = "Note: these shares are fewer than needed to recover, so they could not be checked against the recovery key.";
/// Shares belong to another key.
pub const KIT_SHARES_FOREIGN: &str = "the shares recombine to a different key than this vault's recovery key; they are not shares of this vault. Nothing was written";

/// Title.
pub const KIT_TITLE: &str = "lifeboat emergency kit";
/// Top warning.
pub const KIT_SECRET_WARNING: &str = "SECRET. Anyone holding this page can open the vault. Keep it somewhere safe and offline (a safe, a sealed envelope with someone you trust).";
/// Label.
pub const KIT_VAULT_LOCATION: &str = "Vault file:";
/// Label.
pub const KIT_VAULT_ID: &str = "Vault id:";
/// Label.
pub const KIT_PUBLIC_KEY: &str = "Public key:";
/// Label.
pub const KIT_GENERATED: &str = "Printed:";
/// Heading.
pub const KIT_RECOVERY_KEY: &str = "Recovery key";
/// Under the key.
pub const KIT_KEY_HOWTO: &str = "Type it as one line without spaces: AGE-SECRET-KEY-1 followed by the groups above. The QR code holds the same line. The full line is repeated below in small print.";
/// Heading.
pub const KIT_AGE_TITLE: &str = "Opening the vault without lifeboat";
/// Intro.
pub const KIT_AGE_INTRO: &str = "The vault is a standard age file. If lifeboat is gone, the age tool (https://age-encryption.org, packaged as `age` in most systems) opens it with the recovery key, and the contents are plain JSON.";
/// Step.
pub const KIT_AGE_STEP_KEYFILE: &str =
    "Create a text file recovery-key.txt holding the recovery key on one line:";
/// Step.
pub const KIT_AGE_STEP_DECRYPT: &str = "List the items (use the path of your copy or backup). age decrypts straight into jq, so nothing unencrypted is written to disk:";
/// Step.
pub const KIT_AGE_STEP_READ: &str =
    "Show one item's secret (replace NAME; without jq, pipe into `less` to read the whole JSON):";
/// Step.
pub const KIT_AGE_STEP_WIPE: &str =
    "Never redirect the output to a file (`> vault.json`): that leaves every secret unencrypted on disk, for anyone who finds it (delete such a file at once). When done, delete recovery-key.txt.";
/// Where to get age.
pub const KIT_AGE_GET: &str =
    "Any age implementation works: age, rage, or the age library in Go, Rust or Python (pyrage).";
/// Heading.
pub const KIT_LIFEBOAT_TITLE: &str = "Forgot the passphrase? Recover with lifeboat";
/// With the key.
pub const KIT_LIFEBOAT_KEY: &str =
    "With the recovery key in recovery-key.txt, set a new passphrase:";
/// With shares.
pub const KIT_LIFEBOAT_SHARES: &str = "With trustee shares instead (enough of them, one per line in shares.txt, or typed when asked):";
/// Without lifeboat, from shares.
pub const KIT_PYTHON_SHARES: &str = "Shares without lifeboat: they are standard SLIP-39 shares of the key's 32 bytes (empty SLIP-39 passphrase). With Python, this rebuilds recovery-key.txt for the age steps on the previous page:";
/// Share page title.
pub fn kit_share_title(s: &Share) -> String {
    if s.group_count == 1 {
        format!(
            "Trustee share {} (set {})",
            s.member_index + 1,
            s.identifier
        )
    } else {
        format!(
            "Trustee share {} of group {} (set {})",
            s.member_index + 1,
            s.group_index + 1,
            s.identifier
        )
    }
}
/// Share page details.
pub fn kit_share_meta(s: &Share) -> String {
    if s.group_count == 1 {
        format!(
            "{} shares of this set are needed to rebuild the recovery key. This share alone reveals nothing.",
            s.member_threshold
        )
    } else {
        format!(
            "{} shares of group {} are needed for that group, and {} of the {} groups to rebuild the recovery key. This share alone reveals nothing.",
            s.member_threshold,
            s.group_index + 1,
            s.group_threshold,
            s.group_count
        )
    }
}
/// Share page warning.
pub const KIT_SHARE_WARNING: &str =
    "Give this page to one trustee only. Keep it private; do not photograph it.";
/// Share page holder line.
pub const KIT_SHARE_HOLDER: &str = "Given to (name, date):";
/// Heading.
pub const KIT_TRUSTEES_TITLE: &str = "Trustee contact sheet";
/// Intro.
pub const KIT_TRUSTEES_INTRO: &str = "Who holds which share, and how to reach them when the key must be rebuilt. Keep this sheet with the recovery key, not with the shares.";
/// Column.
pub const KIT_COL_SHARE: &str = "Share";
/// Column.
pub const KIT_COL_NAME: &str = "Trustee";
/// Column.
pub const KIT_COL_CONTACT: &str = "Phone / e-mail / address";
/// Column.
pub const KIT_COL_GIVEN: &str = "Given on";
/// Heading.
pub const KIT_COPIES_TITLE: &str = "Where the copies are kept";
/// Intro.
pub const KIT_COPIES_INTRO: &str = "Write down every place a copy of this kit, the vault file or a backup is kept, and check each one at every drill.";
/// Column.
pub const KIT_COL_COPY: &str = "Copy (kit, vault, backup)";
/// Column.
pub const KIT_COL_WHERE: &str = "Where";
/// Column.
pub const KIT_COL_CHECKED: &str = "Last checked";

// ---------------------------------------------------------------- doctor

/// Never backed up.
pub const NEVER_BACKED_UP: &str = "the vault has never been backed up with `lifeboat backup`";
/// Fix.
pub const FIX_BACKUP: &str = "run `lifeboat backup DIR` with DIR on another disk (USB drive, NAS), then `lifeboat verify` the file";
/// Days since backup.
pub fn backup_age(days: i64) -> String {
    format!("last verified backup {days} day(s) ago")
}
/// Never drilled.
pub const NEVER_DRILLED: &str = "no restore drill yet: nothing has proven that a backup opens";
/// Fix.
pub const FIX_DRILL: &str =
    "run `lifeboat verify BACKUP_FILE` (or the `backup-drill` playbook) on your latest backup";
/// Days since drill.
pub fn drill_age(days: i64) -> String {
    format!("last restore drill {days} day(s) ago")
}
/// 2FA covered.
pub const TWO_FA_COVERED: &str = "every account with 2FA has recovery codes stored";
/// 2FA without codes.
pub fn two_fa_without_codes(account: &str) -> String {
    format!("{account}: 2FA (TOTP) is stored but no recovery codes; losing the phone could lock you out")
}
/// Fix.
pub fn fix_two_fa(account: &str) -> String {
    format!("generate recovery codes in {account}'s security settings and store them: `lifeboat add codes \"{account} codes\" --account \"{account}\"`")
}
/// Low codes.
pub fn codes_low(name: &str, left: usize) -> String {
    format!("{name}: only {left} unused recovery code(s) left")
}
/// Fix.
pub fn fix_codes_low(name: &str) -> String {
    format!("generate a fresh set of recovery codes on the site, then replace the item: `lifeboat rm \"{name}\"` and `lifeboat add codes \"{name}\"`")
}
/// Codes fine.
pub const CODES_OK: &str = "no recovery-code set is running low";
/// KDF below OWASP's minimum.
pub fn kdf_below_floor(p: KdfParams) -> String {
    format!(
        "the passphrase KDF is weak: Argon2id {} MiB, {} pass(es), {} lane(s) is below OWASP's minimum for Argon2id (19 MiB with 2 passes, or the same work another way); a stolen vault file could be guessed at quickly",
        p.m_kib / 1024,
        p.t,
        p.p
    )
}
/// KDF between OWASP's minimum and RFC 9106.
pub fn kdf_below_rfc9106(p: KdfParams) -> String {
    format!(
        "the passphrase KDF (Argon2id {} MiB, {} pass(es), {} lane(s): {} MiB-passes) meets OWASP's minimum but not RFC 9106's recommendations, compared by memory and by memory x passes (at least 64 MiB and 64 MiB x 3 passes = 192 MiB-passes, or 2 GiB)",
        p.m_kib / 1024,
        p.t,
        p.p,
        u64::from(p.m_kib / 1024) * u64::from(p.t)
    )
}
/// Below default.
pub fn kdf_below_default(p: KdfParams) -> String {
    format!(
        "the passphrase KDF (Argon2id {} MiB, {} passes, {} lanes) meets RFC 9106 but uses less memory than lifeboat's default",
        p.m_kib / 1024,
        p.t,
        p.p
    )
}
/// Fix.
pub fn fix_kdf(d: KdfParams) -> String {
    format!(
        "raise it with `lifeboat passwd --kdf-memory {} --kdf-time {} --kdf-parallelism {}` (the same passphrase may be entered again)",
        d.m_kib / 1024,
        d.t,
        d.p
    )
}
/// KDF fine.
pub fn kdf_ok(p: KdfParams) -> String {
    format!(
        "passphrase KDF: Argon2id {} MiB, {} passes, {} lanes",
        p.m_kib / 1024,
        p.t,
        p.p
    )
}
/// Key never safeguarded.
pub const KEY_NOT_SAFEGUARDED: &str = "the recovery key has never been printed in a kit nor split among trustees; if the passphrase is forgotten, only the key file from `init` (if kept) can open the vault";
/// Fix.
pub const FIX_KEY: &str = "print it with `lifeboat kit --out kit.html`, or split it with `lifeboat split --threshold 2 --shares 3`";
/// Key safeguarded.
pub const KEY_SAFEGUARDED: &str = "the recovery key has been printed or split";
/// The vault's folder is not private.
pub fn folder_unsafe(why: &str) -> String {
    format!("the vault's folder is not private: {why}; anyone who can write there could swap the vault for one of their own")
}
/// The folder is private.
pub const FOLDER_PRIVATE: &str =
    "the vault's folder is private (only you can add or replace files in it)";
/// Mode too open.
pub fn mode_open(path: &str, mode: u32) -> String {
    format!(
        "the vault file {path} has mode {:03o}: other users on this computer can read it",
        mode & 0o777
    )
}
/// Fix.
pub fn fix_mode(path: &str) -> String {
    format!("chmod 600 '{path}'")
}
/// Mode fine.
pub fn mode_ok(mode: u32) -> String {
    format!("vault file mode {:03o}", mode & 0o777)
}
/// Mode unknown.
pub const MODE_UNKNOWN: &str = "the vault file's permissions could not be read";
/// Prev present.
pub fn prev_present(path: &str) -> String {
    format!("the previous generation {path}.prev is kept (the vault as it was before the last save, with the passphrase of that time)")
}
/// Fix.
pub const FIX_PREV: &str = "nothing to do; it is replaced at every save. If the vault is ever damaged, `lifeboat restore VAULT.prev` brings it back";
/// Prev absent.
pub const PREV_ABSENT: &str = "no previous generation yet (it appears after the first change)";
/// Lock held.
pub const LOCK_HELD: &str = "another lifeboat process holds the vault's lock right now";
/// Fix.
pub const FIX_LOCK: &str = "let it finish; if no lifeboat is running, the lock is released by the system and this goes away";
/// Stale temps.
pub fn stale_temps(n: usize) -> String {
    format!("{n} temporary file(s) from an interrupted save are beside the vault")
}
/// Fix.
pub const FIX_STALE: &str = "harmless; the next change to the vault removes them";
/// Lock free.
pub const LOCK_FREE: &str =
    "no other process holds the vault and no interrupted save left files behind";
/// Summary line.
pub fn doctor_summary(critical: usize, warnings: usize) -> String {
    match (critical, warnings) {
        (0, 0) => "All checks passed.".to_owned(),
        (0, w) => format!("{w} warning(s); nothing critical."),
        (c, w) => {
            format!("{c} critical finding(s) and {w} warning(s): fix the critical ones first.")
        }
    }
}

/// `rotate`: the new recovery key is shown once.
pub const ROTATE_KEY_BANNER: &str = "\
This is your NEW RECOVERY KEY. The old one no longer opens the vault from
now on. Write it down or print it now; it is shown only this once. Split it
again and reprint the kit: old shares and kits hold the old key.";

/// `rotate` done.
pub fn rotated(path: &str) -> String {
    format!("Keys rotated for {path}: new recovery key, new passphrase key and new authentication key. Copies and backups made before still open with the OLD recovery key and the OLD passphrase, and whoever held the old key can read them (not this vault from now on): delete old copies you control, make a fresh backup (`lifeboat backup DIR`), split the new key and reprint the kit.")
}

/// `rotate` without a way to read the new passphrase.
pub const ROTATE_NEEDS_PASSPHRASE: &str = "rotate sets a new passphrase as well (whoever learned the old passphrase key could otherwise still forge vaults the old passphrase opens): give it with --new-passphrase-fd N or run it on a terminal; --keep-passphrase keeps the current one";

/// `rotate --keep-passphrase` with the recovery key.
pub const ROTATE_KEEP_NEEDS_PASSPHRASE: &str = "--keep-passphrase needs the vault opened with the passphrase; with the recovery key, give a new passphrase (--new-passphrase-fd N or the terminal)";

/// `rotate` given the current passphrase as the new one.
pub const ROTATE_SAME_PASSPHRASE: &str = "the new passphrase is the current one; nothing was changed. Choose a new passphrase, or pass --keep-passphrase to keep it (see the warning it prints)";

/// `rotate --keep-passphrase`.
pub const ROTATE_KEEPS_PASSPHRASE: &str = "WARNING: keeping the passphrase. The new recovery key and authentication key shut out holders of the old recovery key, but anyone who learned the old passphrase key (an old decrypted copy of a version-1 vault, or the passphrase itself) can still make a vault that this passphrase opens. Change the passphrase to shut them out too.";

/// Doctor: memory could be written to a core dump.
pub const MEMORY_DUMPABLE: &str =
    "this process's memory is not excluded from core dumps (/proc/self/coredump_filter is not 0); a crash could write unlocked secrets to disk";
/// Doctor: how to exclude memory from core dumps.
pub const FIX_MEMORY_DUMPABLE: &str =
    "check that /proc is mounted and writable for your own processes; core dumps are also turned off (RLIMIT_CORE 0) at start";
/// Doctor: pages locked in RAM.
pub fn memory_locked(wipes_freed: bool) -> String {
    format!(
        "memory: pages are locked in RAM (no swap) and left out of core dumps{}",
        if wipes_freed {
            "; freed memory is wiped"
        } else {
            ""
        }
    )
}
/// Doctor: pages cannot be locked in RAM.
pub fn memory_not_locked(limit: Option<u64>, swap: bool, wipes_freed: bool) -> String {
    let why = match limit {
        Some(bytes) => format!(
            "RLIMIT_MEMLOCK is {} KiB ({} MiB)",
            bytes / 1024,
            bytes >> 20
        ),
        None => "mlockall failed".to_owned(),
    };
    format!(
        "memory: pages cannot be locked in RAM ({why}), so {}; they are left out of core dumps{}",
        if swap {
            "unlocked secrets could be written to the active swap"
        } else {
            "secrets could reach swap if swap is turned on (none is active now)"
        },
        if wipes_freed {
            " and freed memory is wiped"
        } else {
            ""
        }
    )
}
/// Doctor: how to allow locking memory.
pub const FIX_MEMORY_LOCK: &str =
    "allow unlimited locked memory for your user (`ulimit -l unlimited` in the shell, `memlock unlimited` in /etc/security/limits.conf, or LimitMEMLOCK=infinity for a systemd session), or use encrypted swap";

/// A sync tool left a conflict copy of the vault beside it.
pub fn conflict_copy(path: &str, tool: &str) -> String {
    format!("{tool} left a conflict copy of the vault: {path}; changes made in it are not in the vault yet")
}
/// How to join it.
pub fn fix_conflict_copy(path: &str) -> String {
    format!("lifeboat merge '{path}' (add --dry-run first to see what it brings; afterwards the copy is moved into the backup folder)")
}
