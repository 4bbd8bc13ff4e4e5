//! User-facing strings of backups, restore, splitting, recovery, the kit
//! and the doctor, by catalogue id (`i18n/<lang>/recovery.ftl`): constants
//! for fixed messages ([`Msg`]), functions for messages built from values,
//! whose wording and plurals live in the catalogue.

pub use crate::i18n::Msg;
use crate::item::slip39::Share;
use crate::vault::crypto::KdfParams;

// ---------------------------------------------------------------- backup

/// `--keep 0`.
pub const KEEP_ZERO: Msg = Msg("rec-keep-zero");
/// A thousand backups in one second.
pub const TOO_MANY_SAME_SECOND: Msg = Msg("rec-too-many-same-second");

/// Backup written.
pub fn backup_written(path: &str, kept: usize, removed: usize) -> String {
    crate::tr!(
        "rec-backup-written",
        path = path,
        kept = kept,
        removed = removed
    )
}

/// Backup written but the history could not be recorded.
pub fn backup_not_recorded(e: &str) -> String {
    crate::tr!("rec-backup-not-recorded", error = e)
}

// ---------------------------------------------------------------- verify

/// The backup belongs to another vault.
pub fn foreign_vault(backup_id: &str, vault_id: &str) -> String {
    crate::tr!(
        "rec-foreign-vault",
        backup_id = backup_id,
        vault_id = vault_id
    )
}

/// The backup is damaged.
pub fn backup_damaged(reason: &str) -> String {
    crate::tr!("rec-backup-damaged", reason = reason)
}

/// The backup does not open with the key given.
pub fn backup_wrong_key(reason: &str) -> String {
    crate::tr!("rec-backup-wrong-key", reason = reason)
}

/// The backup opens with the vault's recovery key, but not with the key given.
pub const BACKUP_OLD_PASSPHRASE: Msg = Msg("rec-backup-old-passphrase");

/// Items identical.
pub const VERIFY_IDENTICAL: Msg = Msg("rec-verify-identical");

/// Items differ.
pub fn verify_differs(added: &[String], removed: &[String], changed: &[String]) -> String {
    let sep = crate::tr!("cli-list-separator");
    let mut s = crate::tr!("rec-verify-differs");
    for (id, list) in [
        ("rec-verify-added", added),
        ("rec-verify-removed", removed),
        ("rec-verify-changed", changed),
    ] {
        if !list.is_empty() {
            s.push('\n');
            s.push_str(&crate::i18n::message(
                id,
                Some(&crate::i18n::FluentArgs::from_iter([(
                    "list",
                    list.join(&sep),
                )])),
            ));
        }
    }
    s.push('\n');
    s.push_str(&crate::tr!("rec-verify-differs-fix"));
    s
}

/// The current vault is damaged; the backup is checked on its own.
pub fn verify_current_damaged(e: &str) -> String {
    crate::tr!("rec-verify-current-damaged", error = e)
}

/// Drill recorded.
pub const DRILL_RECORDED: Msg = Msg("rec-drill-recorded");
/// No vault to compare with.
pub const VERIFY_NO_VAULT: Msg = Msg("rec-verify-no-vault");

// ---------------------------------------------------------------- restore

/// Refusing to restore over another vault.
pub fn restore_foreign(backup_id: &str, vault_id: &str) -> String {
    crate::tr!(
        "rec-restore-foreign",
        backup_id = backup_id,
        vault_id = vault_id
    )
}

/// The current vault does not open with the key that opened the backup.
pub const RESTORE_CURRENT_LOCKED: Msg = Msg("rec-restore-current-locked");

/// Restore done.
pub fn restored(path: &str, prev: &str, items: usize, had_current: bool) -> String {
    if had_current {
        crate::tr!("rec-restored-kept", path = path, prev = prev, items = items)
    } else {
        crate::tr!("rec-restored-nothing-kept", path = path, items = items)
    }
}

// ---------------------------------------------------------------- split

/// A `--group` value that does not parse.
pub fn bad_group_spec(spec: &str) -> String {
    crate::tr!("rec-bad-group-spec", spec = spec)
}

/// A group whose threshold is 0 or larger than its share count.
pub fn group_threshold_out_of_range(spec: &str) -> String {
    crate::tr!("rec-group-threshold-out-of-range", spec = spec)
}

/// The new shares did not recombine.
pub const PROOF_FAILED: Msg = Msg("rec-proof-failed");

/// Split needs --threshold/--shares or --group.
pub const SPLIT_NEEDS_PLAN: Msg = Msg("rec-split-needs-plan");

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
        crate::tr!(
            "rec-share-label",
            member = member,
            member_count = member_count,
            member_threshold = member_threshold,
            identifier = identifier.to_string()
        )
    } else {
        crate::tr!(
            "rec-share-label-group",
            member = member,
            member_count = member_count,
            member_threshold = member_threshold,
            group = group,
            group_count = group_count,
            group_threshold = group_threshold,
            identifier = identifier.to_string()
        )
    }
}

/// After the shares are out.
pub fn split_done(count: usize, checked: usize, exhaustive: bool) -> String {
    if exhaustive {
        crate::tr!("rec-split-done-all", count = count, checked = checked)
    } else {
        crate::tr!("rec-split-done-sample", count = count, checked = checked)
    }
}

/// Split into a folder.
pub fn split_written(dir: &str, count: usize) -> String {
    crate::tr!("rec-split-written", dir = dir, count = count)
}

/// A folder or file could not be made.
pub fn cannot_create(path: &str, why: &str) -> String {
    crate::tr!("rec-cannot-create", path = path, why = why)
}

/// Writing a file failed.
pub fn write_failed(path: &str, why: &str) -> String {
    crate::tr!("rec-write-failed", path = path, why = why)
}

/// A share file of the same name is already in the folder.
pub fn share_file_exists(path: &str) -> String {
    crate::tr!("rec-share-file-exists", path = path)
}

/// Header of a share file.
pub fn share_file_header(label: &str) -> String {
    crate::tr!("rec-share-file-header", label = label)
}

// ---------------------------------------------------------------- recover

/// Too few shares.
pub fn not_enough_shares(needed: u8, given: usize, group: Option<u8>) -> String {
    match group {
        Some(g) => crate::tr!(
            "rec-not-enough-shares-group",
            group = g,
            needed = needed,
            given = given
        ),
        None => crate::tr!("rec-not-enough-shares", needed = needed, given = given),
    }
}

/// Wrapping any share problem.
pub fn shares_problem(e: &str) -> String {
    crate::tr!("rec-shares-problem", error = e)
}

/// The rebuilt key does not open the vault.
pub const REBUILT_KEY_WRONG: Msg = Msg("rec-rebuilt-key-wrong");

/// No shares were given.
pub const NO_SHARES: Msg = Msg("rec-no-shares");

/// No way to recover.
pub const RECOVER_NEEDS_SOURCE: Msg = Msg("rec-recover-needs-source");

/// Recovery done.
pub const RECOVERED: Msg = Msg("rec-recovered");

/// Interactive share-entry prompts.
pub fn prompt_word(share: usize, word: usize) -> String {
    crate::tr!("rec-prompt-word", share = share, word = word)
}
/// Interactive: intro.
pub const INTERACTIVE_INTRO: Msg = Msg("rec-interactive-intro");
/// Interactive: ambiguous prefix.
pub fn word_ambiguous(list: &[&str]) -> String {
    crate::tr!(
        "rec-word-ambiguous",
        list = list.join(&crate::tr!("cli-list-separator"))
    )
}
/// Interactive: unknown word.
pub fn word_unknown(typed: &str, suggestions: &[&str]) -> String {
    if suggestions.is_empty() {
        crate::tr!("rec-word-unknown", typed = typed)
    } else {
        crate::tr!(
            "rec-word-unknown-suggest",
            typed = typed,
            list = suggestions.join(&crate::tr!("cli-list-separator"))
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
        crate::tr!(
            "rec-typed-share-label",
            member = member,
            member_threshold = member_threshold,
            identifier = identifier.to_string()
        )
    } else {
        crate::tr!(
            "rec-typed-share-label-group",
            member = member,
            member_threshold = member_threshold,
            group = group,
            group_count = group_count,
            group_threshold = group_threshold,
            identifier = identifier.to_string()
        )
    }
}
/// Interactive: share accepted.
pub fn share_accepted(n: usize, label: &str) -> String {
    crate::tr!("rec-share-accepted", n = n, label = label)
}

// ---------------------------------------------------------------- kit

/// The kit holds the key.
pub const KIT_WRITTEN_WARNING: Msg = Msg("rec-kit-written-warning");
/// Kit written.
pub fn kit_written(path: &str) -> String {
    crate::tr!("rec-kit-written", path = path)
}
/// Shares verified against the key.
pub const KIT_SHARES_VERIFIED: Msg = Msg("rec-kit-shares-verified");
/// Shares could not be checked (too few).
pub const KIT_SHARES_UNVERIFIED: Msg = Msg("rec-kit-shares-unverified");
/// Shares belong to another key.
pub const KIT_SHARES_FOREIGN: Msg = Msg("rec-kit-shares-foreign");

/// Title.
pub const KIT_TITLE: Msg = Msg("rec-kit-title");
/// Top warning.
pub const KIT_SECRET_WARNING: Msg = Msg("rec-kit-secret-warning");
/// Label.
pub const KIT_VAULT_LOCATION: Msg = Msg("rec-kit-vault-location");
/// Label.
pub const KIT_VAULT_ID: Msg = Msg("rec-kit-vault-id");
/// Label.
pub const KIT_PUBLIC_KEY: Msg = Msg("rec-kit-public-key");
/// Label.
pub const KIT_GENERATED: Msg = Msg("rec-kit-generated");
/// Heading.
pub const KIT_RECOVERY_KEY: Msg = Msg("rec-kit-recovery-key");
/// Under the key.
pub const KIT_KEY_HOWTO: Msg = Msg("rec-kit-key-howto");
/// Heading.
pub const KIT_AGE_TITLE: Msg = Msg("rec-kit-age-title");
/// Intro.
pub const KIT_AGE_INTRO: Msg = Msg("rec-kit-age-intro");
/// Step.
pub const KIT_AGE_STEP_KEYFILE: Msg = Msg("rec-kit-age-step-keyfile");
/// Step.
pub const KIT_AGE_STEP_DECRYPT: Msg = Msg("rec-kit-age-step-decrypt");
/// Step.
pub const KIT_AGE_STEP_READ: Msg = Msg("rec-kit-age-step-read");
/// Step.
pub const KIT_AGE_STEP_WIPE: Msg = Msg("rec-kit-age-step-wipe");
/// Where to get age.
pub const KIT_AGE_GET: Msg = Msg("rec-kit-age-get");
/// Heading.
pub const KIT_LIFEBOAT_TITLE: Msg = Msg("rec-kit-lifeboat-title");
/// With the key.
pub const KIT_LIFEBOAT_KEY: Msg = Msg("rec-kit-lifeboat-key");
/// With shares.
pub const KIT_LIFEBOAT_SHARES: Msg = Msg("rec-kit-lifeboat-shares");
/// Without lifeboat, from shares.
pub const KIT_PYTHON_SHARES: Msg = Msg("rec-kit-python-shares");
/// Share page title.
pub fn kit_share_title(s: &Share) -> String {
    if s.group_count == 1 {
        crate::tr!(
            "rec-kit-share-title",
            member = usize::from(s.member_index) + 1,
            identifier = s.identifier.to_string()
        )
    } else {
        crate::tr!(
            "rec-kit-share-title-group",
            member = usize::from(s.member_index) + 1,
            group = usize::from(s.group_index) + 1,
            identifier = s.identifier.to_string()
        )
    }
}
/// Share page details.
pub fn kit_share_meta(s: &Share) -> String {
    if s.group_count == 1 {
        crate::tr!("rec-kit-share-meta", threshold = s.member_threshold)
    } else {
        crate::tr!(
            "rec-kit-share-meta-group",
            threshold = s.member_threshold,
            group = usize::from(s.group_index) + 1,
            group_threshold = s.group_threshold,
            group_count = s.group_count
        )
    }
}
/// Share page warning.
pub const KIT_SHARE_WARNING: Msg = Msg("rec-kit-share-warning");
/// Share page holder line.
pub const KIT_SHARE_HOLDER: Msg = Msg("rec-kit-share-holder");
/// Title of a seed page (`kit --seedqr NAME`).
pub fn kit_seed_title(name: &str, words: usize) -> String {
    crate::tr!("rec-kit-seed-title", name = name, words = words)
}
/// Warning on a seed page.
pub const KIT_SEED_WARNING: Msg = Msg("rec-kit-seed-warning");
/// Caption of the SeedQR on a seed page.
pub const KIT_SEEDQR_CAPTION: Msg = Msg("rec-kit-seedqr-caption");
/// Heading.
pub const KIT_TRUSTEES_TITLE: Msg = Msg("rec-kit-trustees-title");
/// Intro.
pub const KIT_TRUSTEES_INTRO: Msg = Msg("rec-kit-trustees-intro");
/// Column.
pub const KIT_COL_SHARE: Msg = Msg("rec-kit-col-share");
/// Column.
pub const KIT_COL_NAME: Msg = Msg("rec-kit-col-name");
/// Column.
pub const KIT_COL_CONTACT: Msg = Msg("rec-kit-col-contact");
/// Column.
pub const KIT_COL_GIVEN: Msg = Msg("rec-kit-col-given");
/// Heading.
pub const KIT_COPIES_TITLE: Msg = Msg("rec-kit-copies-title");
/// Intro.
pub const KIT_COPIES_INTRO: Msg = Msg("rec-kit-copies-intro");
/// Column.
pub const KIT_COL_COPY: Msg = Msg("rec-kit-col-copy");
/// Column.
pub const KIT_COL_WHERE: Msg = Msg("rec-kit-col-where");
/// Column.
pub const KIT_COL_CHECKED: Msg = Msg("rec-kit-col-checked");

// ---------------------------------------------------------------- doctor

/// Never backed up.
pub const NEVER_BACKED_UP: Msg = Msg("rec-never-backed-up");
/// Fix.
pub const FIX_BACKUP: Msg = Msg("rec-fix-backup");
/// Days since backup.
pub fn backup_age(days: i64) -> String {
    crate::tr!("rec-backup-age", days = days)
}
/// Never drilled.
pub const NEVER_DRILLED: Msg = Msg("rec-never-drilled");
/// Fix.
pub const FIX_DRILL: Msg = Msg("rec-fix-drill");
/// Days since drill.
pub fn drill_age(days: i64) -> String {
    crate::tr!("rec-drill-age", days = days)
}
/// 2FA covered.
pub const TWO_FA_COVERED: Msg = Msg("rec-two-fa-covered");
/// 2FA without codes.
pub fn two_fa_without_codes(account: &str) -> String {
    crate::tr!("rec-two-fa-without-codes", account = account)
}
/// Fix.
pub fn fix_two_fa(account: &str) -> String {
    crate::tr!("rec-fix-two-fa", account = account)
}
/// Low codes.
pub fn codes_low(name: &str, left: usize) -> String {
    crate::tr!("rec-codes-low", name = name, left = left)
}
/// Fix.
pub fn fix_codes_low(name: &str) -> String {
    crate::tr!("rec-fix-codes-low", name = name)
}
/// Codes fine.
pub const CODES_OK: Msg = Msg("rec-codes-ok");
/// KDF below OWASP's minimum.
pub fn kdf_below_floor(p: KdfParams) -> String {
    crate::tr!(
        "rec-kdf-below-floor",
        mib = p.m_kib / 1024,
        t = p.t,
        p = p.p
    )
}
/// KDF between OWASP's minimum and RFC 9106.
pub fn kdf_below_rfc9106(p: KdfParams) -> String {
    crate::tr!(
        "rec-kdf-below-rfc9106",
        mib = p.m_kib / 1024,
        t = p.t,
        p = p.p,
        product = u64::from(p.m_kib / 1024) * u64::from(p.t)
    )
}
/// Below default.
pub fn kdf_below_default(p: KdfParams) -> String {
    crate::tr!(
        "rec-kdf-below-default",
        mib = p.m_kib / 1024,
        t = p.t,
        p = p.p
    )
}
/// Fix.
pub fn fix_kdf(d: KdfParams) -> String {
    crate::tr!("rec-fix-kdf", mib = d.m_kib / 1024, t = d.t, p = d.p)
}
/// KDF fine.
pub fn kdf_ok(p: KdfParams) -> String {
    crate::tr!("rec-kdf-ok", mib = p.m_kib / 1024, t = p.t, p = p.p)
}
/// Key never safeguarded.
pub const KEY_NOT_SAFEGUARDED: Msg = Msg("rec-key-not-safeguarded");
/// Fix.
pub const FIX_KEY: Msg = Msg("rec-fix-key");
/// Key safeguarded.
pub const KEY_SAFEGUARDED: Msg = Msg("rec-key-safeguarded");
/// The vault's folder is not private.
pub fn folder_unsafe(why: &str) -> String {
    crate::tr!("rec-folder-unsafe", why = why)
}
/// The folder is private.
pub const FOLDER_PRIVATE: Msg = Msg("rec-folder-private");
/// Mode too open.
pub fn mode_open(path: &str, mode: u32) -> String {
    crate::tr!(
        "rec-mode-open",
        path = path,
        mode = format!("{:03o}", mode & 0o777)
    )
}
/// Fix.
pub fn fix_mode(path: &str) -> String {
    format!("chmod 600 '{path}'")
}
/// Mode fine.
pub fn mode_ok(mode: u32) -> String {
    crate::tr!("rec-mode-ok", mode = format!("{:03o}", mode & 0o777))
}
/// Mode unknown.
pub const MODE_UNKNOWN: Msg = Msg("rec-mode-unknown");
/// Prev present.
pub fn prev_present(path: &str) -> String {
    crate::tr!("rec-prev-present", path = path)
}
/// Fix.
pub const FIX_PREV: Msg = Msg("rec-fix-prev");
/// Prev absent.
pub const PREV_ABSENT: Msg = Msg("rec-prev-absent");
/// Lock held.
pub const LOCK_HELD: Msg = Msg("rec-lock-held");
/// Fix.
pub const FIX_LOCK: Msg = Msg("rec-fix-lock");
/// Stale temps.
pub fn stale_temps(n: usize) -> String {
    crate::tr!("rec-stale-temps", n = n)
}
/// Fix.
pub const FIX_STALE: Msg = Msg("rec-fix-stale");
/// Lock free.
pub const LOCK_FREE: Msg = Msg("rec-lock-free");
/// Summary line.
pub fn doctor_summary(critical: usize, warnings: usize) -> String {
    match (critical, warnings) {
        (0, 0) => crate::tr!("rec-doctor-all-passed"),
        (0, w) => crate::tr!("rec-doctor-warnings", warnings = w),
        (c, w) => crate::tr!("rec-doctor-critical", critical = c, warnings = w),
    }
}

/// `rotate`: the new recovery key is shown once.
pub const ROTATE_KEY_BANNER: Msg = Msg("rec-rotate-key-banner");

/// `rotate` done.
pub fn rotated(path: &str) -> String {
    crate::tr!("rec-rotated", path = path)
}

/// `rotate` without a way to read the new passphrase.
pub const ROTATE_NEEDS_PASSPHRASE: Msg = Msg("rec-rotate-needs-passphrase");

/// `rotate --keep-passphrase` with the recovery key.
pub const ROTATE_KEEP_NEEDS_PASSPHRASE: Msg = Msg("rec-rotate-keep-needs-passphrase");

/// `rotate` given the current passphrase as the new one.
pub const ROTATE_SAME_PASSPHRASE: Msg = Msg("rec-rotate-same-passphrase");

/// `rotate --keep-passphrase`.
pub const ROTATE_KEEPS_PASSPHRASE: Msg = Msg("rec-rotate-keeps-passphrase");

/// Doctor: memory could be written to a core dump.
pub const MEMORY_DUMPABLE: Msg = Msg("rec-memory-dumpable");
/// Doctor: how to exclude memory from core dumps.
pub const FIX_MEMORY_DUMPABLE: Msg = Msg("rec-fix-memory-dumpable");
/// Doctor: pages locked in RAM.
pub fn memory_locked(wipes_freed: bool) -> String {
    if wipes_freed {
        crate::tr!("rec-memory-locked-wiped")
    } else {
        crate::tr!("rec-memory-locked")
    }
}
/// Doctor: pages cannot be locked in RAM.
pub fn memory_not_locked(limit: Option<u64>, swap: bool, wipes_freed: bool) -> String {
    let why = match limit {
        Some(bytes) => crate::tr!("rec-memlock-limit", kib = bytes / 1024, mib = bytes >> 20),
        None => crate::tr!("rec-mlockall-failed"),
    };
    let swap = if swap {
        crate::tr!("rec-swap-active")
    } else {
        crate::tr!("rec-swap-none")
    };
    if wipes_freed {
        crate::tr!("rec-memory-not-locked-wiped", why = why, swap = swap)
    } else {
        crate::tr!("rec-memory-not-locked", why = why, swap = swap)
    }
}
/// Doctor: how to allow locking memory.
pub const FIX_MEMORY_LOCK: Msg = Msg("rec-fix-memory-lock");

/// A sync tool left a conflict copy of the vault beside it.
pub fn conflict_copy(path: &str, tool: &str) -> String {
    crate::tr!("rec-conflict-copy", path = path, tool = tool)
}
/// How to join it.
pub fn fix_conflict_copy(path: &str) -> String {
    crate::tr!("rec-fix-conflict-copy", path = path)
}
