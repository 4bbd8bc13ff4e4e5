# Backups, restore, splitting, recovery, the kit and the doctor (src/recovery).

rec-keep-zero = --keep must be at least 1: the backup just written is always kept
rec-too-many-same-second = too many backups with the same timestamp in this folder; wait a second and try again
rec-backup-old-passphrase = the backup does not open with the given passphrase, but it does open with the vault's recovery key: the passphrase was probably changed after this backup was made. The backup keeps the passphrase it was made with; keep that one written down, or make a new backup
rec-verify-identical = The backup opens and its items are identical to the vault's.
rec-drill-recorded = Restore drill recorded in the vault.
rec-verify-no-vault = The backup opens. There is no readable vault at the --vault path to compare it with, so no drill was recorded.
rec-restore-current-locked = the current vault does not open with the key that opened the backup (was the passphrase changed after the backup?), so lifeboat cannot check that the backup belongs to it; nothing was changed. Pass --force to restore anyway (the current file is kept as the previous generation)
rec-proof-failed = the new shares did not all recombine to the recovery key, so none were handed out. This should not happen; please report it, and keep using the recovery key itself
rec-split-needs-plan = say how to split: --threshold K --shares N, or --group-threshold G with --group KofN (repeatable)
rec-rebuilt-key-wrong = the key rebuilt from the shares does not open this vault: the shares belong to another vault's recovery key (or --vault points at the wrong vault)
rec-no-shares = no shares found in the input (one mnemonic per line; lines starting with # are skipped)
rec-recover-needs-source = no terminal to type shares on; pass --identity FILE (the recovery key) or --shares FILE (one share per line, - for stdin)
rec-recovered = Passphrase reset: the vault now opens with the new passphrase, and the old one no longer works. The recovery key is unchanged; backups made before keep the old passphrase.
rec-interactive-intro = Type the shares word by word, or paste a whole share on one line. The first 4 letters of a word are enough; `undo` removes the last word.
rec-kit-written-warning = WARNING: the kit holds your RECOVERY KEY in plain text (and the shares, if given). Print it, check the printout, then delete the file; never e-mail it or keep it in cloud storage.
rec-kit-shares-verified = The shares were recombined and give this vault's recovery key.
rec-kit-shares-unverified = Note: these shares are fewer than needed to recover, so they could not be checked against the recovery key.
rec-kit-shares-foreign = the shares recombine to a different key than this vault's recovery key; they are not shares of this vault. Nothing was written
rec-kit-title = lifeboat emergency kit
rec-kit-secret-warning = SECRET. Anyone holding this page can open the vault. Keep it somewhere safe and offline (a safe, a sealed envelope with someone you trust).
rec-kit-vault-location = Vault file:
rec-kit-vault-id = Vault id:
rec-kit-public-key = Public key:
rec-kit-generated = Printed:
rec-kit-recovery-key = Recovery key
rec-kit-key-howto = Type it as one line without spaces: AGE-SECRET-KEY-1 followed by the groups above. The QR code holds the same line. The full line is repeated below in small print.
rec-kit-age-title = Opening the vault without lifeboat
rec-kit-age-intro = The vault is a standard age file. If lifeboat is gone, the age tool (https://age-encryption.org, packaged as `age` in most systems) opens it with the recovery key, and the contents are plain JSON.
rec-kit-age-step-keyfile = Create a text file recovery-key.txt holding the recovery key on one line:
rec-kit-age-step-decrypt = List the items (use the path of your copy or backup). age decrypts straight into jq, so nothing unencrypted is written to disk:
rec-kit-age-step-read = Show one item's secret (replace NAME; without jq, pipe into `less` to read the whole JSON):
rec-kit-age-step-wipe = Never redirect the output to a file (`> vault.json`): that leaves every secret unencrypted on disk, for anyone who finds it (delete such a file at once). When done, delete recovery-key.txt.
rec-kit-age-get = Any age implementation works: age, rage, or the age library in Go, Rust or Python (pyrage).
rec-kit-lifeboat-title = Forgot the passphrase? Recover with lifeboat
rec-kit-lifeboat-key = With the recovery key in recovery-key.txt, set a new passphrase:
rec-kit-lifeboat-shares = With trustee shares instead (enough of them, one per line in shares.txt, or typed when asked):
rec-kit-python-shares = Shares without lifeboat: they are standard SLIP-39 shares of the key's 32 bytes (empty SLIP-39 passphrase). With Python, this rebuilds recovery-key.txt for the age steps on the previous page:
rec-kit-share-warning = Give this page to one trustee only. Keep it private; do not photograph it.
rec-kit-share-holder = Given to (name, date):
rec-kit-seed-title = Seed phrase: { $name } ({ $words } words, BIP39)
rec-kit-seed-warning = This page alone restores the wallet: anyone who sees it can take the funds. Keep it as safe as the wallet; do not photograph it.
rec-kit-seedqr-caption = SeedQR (SeedSigner's standard format): a SeedSigner or another wallet that reads SeedQR restores the words from it; a QR app shows a stream of digits, four per word (the word's number in the BIP39 English list, counting from 0).
rec-kit-trustees-title = Trustee contact sheet
rec-kit-trustees-intro = Who holds which share, and how to reach them when the key must be rebuilt. Keep this sheet with the recovery key, not with the shares.
rec-kit-col-share = Share
rec-kit-col-name = Trustee
rec-kit-col-contact = Phone / e-mail / address
rec-kit-col-given = Given on
rec-kit-copies-title = Where the copies are kept
rec-kit-copies-intro = Write down every place a copy of this kit, the vault file or a backup is kept, and check each one at every drill.
rec-kit-col-copy = Copy (kit, vault, backup)
rec-kit-col-where = Where
rec-kit-col-checked = Last checked
rec-never-backed-up = the vault has never been backed up with `lifeboat backup`
rec-fix-backup = run `lifeboat backup DIR` with DIR on another disk (USB drive, NAS), then `lifeboat verify` the file
rec-never-drilled = no restore drill yet: nothing has proven that a backup opens
rec-fix-drill = run `lifeboat verify BACKUP_FILE` (or the `backup-drill` playbook) on your latest backup
rec-two-fa-covered = every account with 2FA has recovery codes stored
rec-codes-ok = no recovery-code set is running low
rec-key-not-safeguarded = the recovery key has never been printed in a kit nor split among trustees; if the passphrase is forgotten, only the key file from `init` (if kept) can open the vault
rec-fix-key = print it with `lifeboat kit --out kit.html`, or split it with `lifeboat split --threshold 2 --shares 3`
rec-key-safeguarded = the recovery key has been printed or split
rec-folder-private = the vault's folder is private (only you can add or replace files in it)
rec-mode-unknown = the vault file's permissions could not be read
rec-fix-prev = nothing to do; it is replaced at every save. If the vault is ever damaged, `lifeboat restore VAULT.prev` brings it back
rec-prev-absent = no previous generation yet (it appears after the first change)
rec-lock-held = another lifeboat process holds the vault's lock right now
rec-fix-lock = let it finish; if no lifeboat is running, the lock is released by the system and this goes away
rec-fix-stale = harmless; the next change to the vault removes them
rec-lock-free = no other process holds the vault and no interrupted save left files behind
rec-rotate-key-banner =
    This is your NEW RECOVERY KEY. The old one no longer opens the vault from
    now on. Write it down or print it now; it is shown only this once. Split it
    again and reprint the kit: old shares and kits hold the old key.
rec-rotate-needs-passphrase = rotate sets a new passphrase as well (whoever learned the old passphrase key could otherwise still forge vaults the old passphrase opens): give it with --new-passphrase-fd N or run it on a terminal; --keep-passphrase keeps the current one
rec-rotate-keep-needs-passphrase = --keep-passphrase needs the vault opened with the passphrase; with the recovery key, give a new passphrase (--new-passphrase-fd N or the terminal)
rec-rotate-same-passphrase = the new passphrase is the current one; nothing was changed. Choose a new passphrase, or pass --keep-passphrase to keep it (see the warning it prints)
rec-rotate-keeps-passphrase = WARNING: keeping the passphrase. The new recovery key and authentication key shut out holders of the old recovery key, but anyone who learned the old passphrase key (an old decrypted copy of a version-1 vault, or the passphrase itself) can still make a vault that this passphrase opens. Change the passphrase to shut them out too.
rec-memory-dumpable = this process's memory is not excluded from core dumps (/proc/self/coredump_filter is not 0); a crash could write unlocked secrets to disk
rec-fix-memory-dumpable = check that /proc is mounted and writable for your own processes; core dumps are also turned off (RLIMIT_CORE 0) at start
rec-fix-memory-lock = allow unlimited locked memory for your user (`ulimit -l unlimited` in the shell, `memlock unlimited` in /etc/security/limits.conf, or LimitMEMLOCK=infinity for a systemd session), or use encrypted swap
rec-backup-written =
    Backup written and verified (it decrypts with the vault's recovery key): { $path }
    { $kept } backup(s) kept in the folder, { $removed } older one(s) removed.
rec-backup-not-recorded = The backup is complete, but recording its date in the vault failed: { $error }. `lifeboat doctor` will not see this backup; run `lifeboat backup` again later.
rec-foreign-vault = this backup belongs to a different vault (vault id { $backup_id }, this vault is { $vault_id }); it is not a backup of this vault. Check that --vault points at the right vault
rec-backup-damaged = the backup is damaged and cannot be used: { $reason }. Make a new one with `lifeboat backup DIR`, and use an older backup if you need one now
rec-backup-wrong-key = the backup does not open with the given passphrase or identity: { $reason }
rec-verify-differs = The backup opens, but its items differ from the vault's:
rec-verify-added = {"  "}added since the backup: { $list }
rec-verify-removed = {"  "}removed since the backup: { $list }
rec-verify-changed = {"  "}changed since the backup: { $list }
rec-verify-differs-fix = Make a fresh backup with `lifeboat backup DIR` to include the changes.
rec-verify-current-damaged = Note: the current vault cannot be read ({ $error }). Checking the backup on its own; if it opens, `lifeboat restore FILE` brings the vault back.
rec-restore-foreign = the backup belongs to a different vault (vault id { $backup_id }) than the one at --vault (vault id { $vault_id }); nothing was changed. Pass --force to replace it anyway (it is kept as the previous generation)
rec-restored-kept =
    Vault restored from the backup ({ $items } item(s)) at { $path }. The vault as it was is kept as { $prev }.
    The backup's keys came with it: the passphrase is the one in use when the backup was made, and the recovery key is the backup's (the same as now unless the vault was re-keyed).
rec-restored-nothing-kept =
    Vault restored from the backup ({ $items } item(s)) at { $path }. There was no readable vault before; nothing else was kept.
    The backup's keys came with it: the passphrase is the one in use when the backup was made, and the recovery key is the backup's (the same as now unless the vault was re-keyed).
rec-bad-group-spec = cannot read the group "{ $spec }"; write it as KofN, e.g. --group 2of3
rec-group-threshold-out-of-range = the group "{ $spec }" needs between 1 and N of its N shares; write it as KofN with 1 <= K <= N, e.g. --group 2of3
rec-share-label = share { $member } of { $member_count }, { $member_threshold } needed to recover, set { $identifier }
rec-share-label-group = share { $member } of { $member_count } in group { $group } of { $group_count } ({ $member_threshold } of this group needed, { $group_threshold } groups needed), set { $identifier }
rec-split-done-all =
    { $count } shares made; every one of the { $checked } minimal combinations recombined to the recovery key before any share was shown.
    Give each share to a different trustee. A share alone reveals nothing; recover with `lifeboat recover --shares FILE`.
rec-split-done-sample =
    { $count } shares made; { $checked } combinations (a random sample, plus one through every share) recombined to the recovery key before any share was shown.
    Give each share to a different trustee. A share alone reveals nothing; recover with `lifeboat recover --shares FILE`.
rec-split-written = { $count } share files written to { $dir } (mode 0600). Hand each to its trustee, then delete the files from this computer.
rec-cannot-create = cannot create { $path }: { $why }
rec-write-failed = writing { $path } failed: { $why }
rec-share-file-exists = { $path } already exists; choose an empty folder for the shares
rec-share-file-header =
    # lifeboat recovery-key share: { $label }
    # Keep it secret. All shares of one set share the set identifier and their first words.
    # To recover: `lifeboat recover --shares FILE` with enough shares, one per line (lines starting with # are skipped).
    {""}
rec-not-enough-shares-group = not enough shares: group { $group }: { $needed } needed, { $given } given. Add another share of that group
rec-not-enough-shares = not enough shares: { $needed } needed, { $given } given. Add another share of the same set
rec-shares-problem = the shares cannot be used: { $error }
rec-prompt-word = share { $share }, word { $word }:{" "}
rec-word-ambiguous = {"  "}several words start like that: { $list }; type more letters
rec-word-unknown = {"  "}"{ $typed }" is not a SLIP-39 word; check the paper
rec-word-unknown-suggest = {"  "}"{ $typed }" is not a SLIP-39 word; did you mean { $list }?
rec-typed-share-label = share { $member }, { $member_threshold } needed to recover, set { $identifier }
rec-typed-share-label-group = share { $member } of group { $group } ({ $member_threshold } of this group needed, { $group_threshold } of { $group_count } groups needed), set { $identifier }
rec-share-accepted = {"  "}share { $n } accepted ({ $label })
rec-kit-written = Emergency kit written to { $path } (mode 0600). Open it in a browser and print it (A4 or Letter).
rec-kit-share-title = Trustee share { $member } (set { $identifier })
rec-kit-share-title-group = Trustee share { $member } of group { $group } (set { $identifier })
rec-kit-share-meta = { $threshold } shares of this set are needed to rebuild the recovery key. This share alone reveals nothing.
rec-kit-share-meta-group = { $threshold } shares of group { $group } are needed for that group, and { $group_threshold } of the { $group_count } groups to rebuild the recovery key. This share alone reveals nothing.
rec-backup-age = last verified backup { $days } day(s) ago
rec-drill-age = last restore drill { $days } day(s) ago
rec-two-fa-without-codes = { $account }: 2FA (TOTP) is stored but no recovery codes; losing the phone could lock you out
rec-fix-two-fa = generate recovery codes in { $account }'s security settings and store them: `lifeboat add codes "{ $account } codes" --account "{ $account }"`
rec-codes-low = { $name }: only { $left } unused recovery code(s) left
rec-fix-codes-low = generate a fresh set of recovery codes on the site, then replace the item: `lifeboat rm "{ $name }"` and `lifeboat add codes "{ $name }"`
rec-kdf-below-floor = the passphrase KDF is weak: Argon2id { $mib } MiB, { $t } pass(es), { $p } lane(s) is below OWASP's minimum for Argon2id (19 MiB with 2 passes, or the same work another way); a stolen vault file could be guessed at quickly
rec-kdf-below-rfc9106 = the passphrase KDF (Argon2id { $mib } MiB, { $t } pass(es), { $p } lane(s): { $product } MiB-passes) meets OWASP's minimum but not RFC 9106's recommendations, compared by memory and by memory x passes (at least 64 MiB and 64 MiB x 3 passes = 192 MiB-passes, or 2 GiB)
rec-kdf-below-default = the passphrase KDF (Argon2id { $mib } MiB, { $t } passes, { $p } lanes) meets RFC 9106 but uses less memory than lifeboat's default
rec-fix-kdf = raise it with `lifeboat passwd --kdf-memory { $mib } --kdf-time { $t } --kdf-parallelism { $p }` (the same passphrase may be entered again)
rec-kdf-ok = passphrase KDF: Argon2id { $mib } MiB, { $t } passes, { $p } lanes
rec-folder-unsafe = the vault's folder is not private: { $why }; anyone who can write there could swap the vault for one of their own
rec-mode-open = the vault file { $path } has mode { $mode }: other users on this computer can read it
rec-mode-ok = vault file mode { $mode }
rec-prev-present = the previous generation { $path }.prev is kept (the vault as it was before the last save, with the passphrase of that time)
rec-stale-temps = { $n } temporary file(s) from an interrupted save are beside the vault
rec-doctor-all-passed = All checks passed.
rec-doctor-warnings = { $warnings } warning(s); nothing critical.
rec-doctor-critical = { $critical } critical finding(s) and { $warnings } warning(s): fix the critical ones first.
rec-rotated = Keys rotated for { $path }: new recovery key, new passphrase key and new authentication key. Copies and backups made before still open with the OLD recovery key and the OLD passphrase, and whoever held the old key can read them (not this vault from now on): delete old copies you control, make a fresh backup (`lifeboat backup DIR`), split the new key and reprint the kit.
rec-memory-locked = memory: pages are locked in RAM (no swap) and left out of core dumps
rec-memory-locked-wiped = memory: pages are locked in RAM (no swap) and left out of core dumps; freed memory is wiped
rec-memlock-limit = RLIMIT_MEMLOCK is { $kib } KiB ({ $mib } MiB)
rec-mlockall-failed = mlockall failed
rec-swap-active = unlocked secrets could be written to the active swap
rec-swap-none = secrets could reach swap if swap is turned on (none is active now)
rec-memory-not-locked = memory: pages cannot be locked in RAM ({ $why }), so { $swap }; they are left out of core dumps
rec-memory-not-locked-wiped = memory: pages cannot be locked in RAM ({ $why }), so { $swap }; they are left out of core dumps and freed memory is wiped
rec-conflict-copy = { $tool } left a conflict copy of the vault: { $path }; changes made in it are not in the vault yet
rec-fix-conflict-copy = lifeboat merge '{ $path }' (add --dry-run first to see what it brings; afterwards the copy is moved into the backup folder)

# `doctor`'s severity tags and the label of a fix (English: as before).
rec-doctor-tag-ok = OK
rec-doctor-tag-info = INFO
rec-doctor-tag-warning = WARNING
rec-doctor-tag-critical = CRITICAL
rec-doctor-fix = fix:{" "}
rec-doctor-deleted-kept = { $count ->
    [one] 1 removed item still keeps its values (its secret included) inside the vault, so that merging an older copy does not bring it back
   *[other] { $count } removed items still keep their values (secrets included) inside the vault, so that merging an older copy does not bring them back
}
rec-doctor-deleted-kept-fix = to erase them for good, see them with `lifeboat purge --all --dry-run`, then run it without --dry-run (backups made before keep them)
