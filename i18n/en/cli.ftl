# Messages of the command line (src/cli). Values that start or end with
# spaces carry them as {" "} literals: Fluent trims plain ones.

cli-prompt-passphrase = Vault passphrase:{" "}
cli-prompt-prove = Vault passphrase (to make this change):{" "}
cli-prove-on-terminal = This vault was opened with { $recipient }, an extra recipient's key, which can read it but cannot prove who wrote it. To make this change, type the vault's passphrase (Ctrl+C stops; nothing is changed).
cli-proof-failed = that passphrase does not open this vault, so the session opened with the extra key stays read-only and nothing was changed. Give the vault's passphrase (typed when asked, or --passphrase-fd N together with --identity), or the recovery key as a second --identity
cli-secret-again =
    { $why }
    Type it again ({ $left ->
        [one] { $left } try
       *[other] { $left } tries
    } left; Ctrl+C stops).
cli-new-passphrase-again =
    { $why }
    Choose another ({ $left ->
        [one] { $left } try
       *[other] { $left } tries
    } left; Ctrl+C stops).
cli-wrong-passphrase-again = That passphrase does not open this vault. Try again ({ $left ->
        [one] { $left } try
       *[other] { $left } tries
    } left; Ctrl+C stops).
cli-prompt-new-passphrase = New passphrase (12+ characters, hard to guess):{" "}
cli-prompt-repeat-passphrase = Repeat the new passphrase:{" "}
cli-passphrase-mismatch = the two passphrases differ; nothing was changed. Run the command again
cli-policy-hint = Use four or more random words or a longer sentence only you know (or pass --allow-weak-passphrase if you accept the risk).
cli-no-tty = no terminal to ask for the passphrase; pass --passphrase-fd N (e.g. `--passphrase-fd 3 3<file`) or --identity FILE
cli-no-tty-new = no terminal to ask for the new passphrase; pass it on a file descriptor (init: --passphrase-fd N; passwd/recover: --new-passphrase-fd N)
cli-no-command = no command given, and no terminal here for the full-screen interface; run it in a terminal, or give a command such as `lifeboat list` (`lifeboat --help` lists them all)
cli-plaintext-warning = WARNING: this export holds your secrets in PLAINTEXT. Keep it offline, never sync or e-mail it, and delete it when done.
cli-recovery-key-banner =
    This is your RECOVERY KEY. It opens the vault if you forget the passphrase,
    and stock `age -d -i key.txt vault.age` opens it even without lifeboat.
    Write it down or print it now and keep it somewhere safe and offline.
    It is shown only this once (it can be re-exported later with the passphrase).
cli-nothing-stored = . Nothing was stored.
cli-seed-bip39-hint = . Nothing was stored. (Use --scheme other for a non-BIP39 wallet, or --no-verify to store it anyway.)
cli-seed-slip39-hint = . Nothing was stored. (Use --no-verify to store it anyway.)
cli-key-as-text = Note: the key is not in a recognised format (hex, WIF, xprv); it is stored as text.
cli-seed-is-electrum = Note: these words are an Electrum seed ({ $kind }), not BIP39; stored with scheme electrum. Restore it in Electrum (a BIP39 wallet would show other addresses).
cli-seed-also-electrum = Note: these words pass the BIP39 checksum and also carry Electrum's "{ $kind }" version. If Electrum made this seed, remove the item and add it again with --scheme electrum.
cli-seed-electrum-old = Note: Electrum seeds from before version 2.0 carry no checksum; lifeboat checked only that there are 12 or 24 words, each in Electrum's old word list. Compare every word with your backup.
cli-seed-is-monero = Note: these words are a Monero seed (checksum word verified), not BIP39; stored with scheme monero. Restore it in a Monero wallet.
cli-seed-monero-hint = . Nothing was stored. (Use --no-verify to store it anyway.)
cli-image-seed-totp-only = --image reads seed items (a SeedQR) and totp items (an otpauth QR code) only
cli-cannot-read = cannot read { $path }: { $error }
cli-qr-needs-gauth = --qr writes Google Authenticator transfer codes; use it with --format gauth
cli-export-skipped = {"  "}not exported: "{ $name }": { $why }
cli-export-drops = Note: this format does not carry { $fields }; they stay in the vault only.
cli-qr-written = Wrote { $path } (mode 0600).
cli-key-bip38 = Note: this is a BIP38 passphrase-encrypted key, stored as bip38. It is useless without its passphrase: keep that passphrase too (for example as a password item).
cli-not-hotp = this item is no longer an HOTP secret; run the command again
cli-hotp-counter-end = this HOTP counter is at its largest value and cannot advance; set up the secret again at the service
cli-seedqr-bip39-only = --seedqr works for BIP39 seed items only (SeedQR holds 12- or 24-word English phrases)
cli-seedqr-extension = --seedqr writes a .png or .svg file; name the file with one of those extensions
cli-confirm-short-forms =
    The words expand to this valid BIP39 phrase:
    { $columns }Compare it with your plate. Store these words?
cli-short-forms-declined = nothing was stored; type the full words, or check the plate again
cli-short-forms-hint = . Nothing was stored. (Run it on a terminal to see and confirm the full words, or add --expand-short.)
cli-prompt-bip39-passphrase = BIP39 passphrase (hidden):{" "}
cli-masked = •••••••• (add --reveal to show)
cli-vault-created = Vault created at { $path }
cli-recovery-key-written = Recovery key written to { $path } (mode 0600). Print it or copy it to paper, then keep the file offline.
cli-item-added = Added { $kind } "{ $name }".
cli-low-codes = WARNING: only { $unused } unused code(s) left: generate new recovery codes at the provider and add them.
cli-item-removed = Removed "{ $name }".
cli-too-many-recipients = the vault already has { $max } extra recipients, the most it can hold (a larger header would be refused as hostile); remove one with `lifeboat recipient rm` first
cli-kdf-below-floor = Argon2id with { $mib } MiB and { $t } pass(es) is below OWASP's minimum for Argon2id (19 MiB with 2 passes, or as much work another way: 46 MiB x 1, 12 MiB x 3, 9 MiB x 4, 7 MiB x 5), so a stolen vault file could be guessed at quickly. Leave out the --kdf-* options for the default (256 MiB), or pass --allow-weak-kdf if you accept the risk
cli-kdf-weak-accepted = warning: Argon2id with { $mib } MiB and { $t } pass(es) is below OWASP's minimum; accepted because of --allow-weak-kdf. Raise it later with `lifeboat passwd --kdf-memory 256 --kdf-time 3`
cli-kdf-kept = warning: the vault keeps its Argon2id settings, { $mib } MiB and { $t } pass(es), below OWASP's minimum or RFC 9106's recommendations (64 MiB with 3 passes); raise them with `lifeboat passwd --kdf-memory 256 --kdf-time 3`
cli-kdf-below-recommendation = warning: Argon2id with { $mib } MiB and { $t } pass(es) meets OWASP's minimum but not RFC 9106's recommendations (64 MiB with 3 passes, i.e. 192 MiB-passes, or 2 GiB); consider the default (256 MiB) unless this machine is short of memory
cli-unsafe-folder-warning = warning: the vault's folder is not private: { $why }. Someone else could have replaced the vault with one of their own; make sure the items are the ones you stored, and fix it with `{ $fix }`

cli-pb-no-vault = Note: no vault yet, so no progress is shown; ticking a step needs one (`lifeboat init`).
cli-pb-user-dir-invalid =
    warning: your own playbooks were not loaded, the built-ins are available.
    { $details }
cli-pb-all-done = { $err }. Every step on your path is done.
cli-pb-next = { $err }. Next on your path: `{ $next }`
cli-pb-next-then = { $err }. Next on your path: `{ $next }`; then: { $rest }
cli-pb-next-then-more = { $err }. Next on your path: `{ $next }`; then: { $rest }, ...
cli-list-separator = {", "}
cli-pb-checked = Done: `{ $step }` ({ $title }).
cli-pb-wait-started = Wait started for `{ $step }`; it ends at { $ends } UTC. Tick it again then (`lifeboat playbook check { $id } { $step }`), or earlier with --note saying why the wait is over.
cli-pb-unchecked = Took back `{ $step }`; its notes are kept.
cli-pb-skipped = Set `{ $step }` aside as not applying: { $reason }. It counts as done; `playbook uncheck` takes it back.
cli-pb-answered = Answered `{ $step }`: { $choice } ({ $title }).
cli-pb-noted = Note added to `{ $step }`.
cli-pb-started-account = Run of `{ $id }` is about the account { $account }; action steps offer its items first.
cli-pb-started = Run of `{ $id }` started.
cli-pb-unchanged = Nothing changed (already recorded).
cli-pb-reset = The run of `{ $id }` was put aside (kept in the vault's history); the next tick starts a fresh run.
cli-pb-nothing-to-reset = `{ $id }` has no run in progress; nothing to reset.
cli-pb-progress-next = Progress: { $done } of { $total } steps done. Next: `{ $step }`: { $title }
cli-pb-progress-done = Progress: { $done } of { $total } steps done; every step on your path is done. For support: `lifeboat playbook report { $id } --out { $id }.md`
cli-pb-no-run = `{ $id }` has no run to report on yet; tick its first step (`lifeboat playbook show { $id }` lists the steps), then write the report
cli-pb-out-exists = { $path } already exists; choose another file name or move the old file away (reports are never overwritten)
cli-pb-report-written = Report written to { $path } (mode 0600). It holds no secrets, but it does hold your notes: read it before sending it.
cli-pb-valid = { $file }: ok (playbook `{ $id }`, { $steps } steps)
cli-pb-invalid = { $n } problem(s) in { $file }; fix them and run `lifeboat playbook validate` again

cli-unverified-warning = WARNING: UNVERIFIED. This vault was opened with { $recipient }, an extra recipient's key: it can read the vault but cannot prove who wrote it (anyone who can read it could have written it), so this session is read-only. To check it and make changes, prove the passphrase or the recovery key in the same session (a change asks for the passphrase on the terminal, or give --passphrase-fd N with --identity, or the recovery key as a second --identity). If the key you used is your recovery key, this file is not your vault: do not trust it.
cli-output-failed = writing the output failed ({ $error }); the output is incomplete. Check free space or where stdout goes, and run the command again
cli-messages-failed = could not write messages to stderr ({ $error }); the command ran, but its messages were lost
cli-stdout-closed = stdout was closed before the key was written
cli-recovery-key-not-shown-removed = the recovery key could not be shown: { $why }. The new vault at { $vault } was removed, so no vault exists whose recovery key nobody saw. Run `lifeboat init` again with stdout on a terminal, or with --recovery-key-out FILE
cli-recovery-key-not-shown-kept = the recovery key could not be shown: { $why }, and the new vault at { $vault } could not be removed. Delete it yourself and run `lifeboat init` again with --recovery-key-out FILE
cli-man-written = Man pages written to { $dir } (read one with `man -l { $dir }/lifeboat.1`)
cli-man-failed = cannot write the man pages into { $dir }: { $error }; choose a folder you can write to
cli-confirm-rm = Remove the { $kind } item "{ $name }"? Its values stay inside the vault (so that merging an older copy does not bring it back) until you erase them with `lifeboat purge`, and in backups.
cli-rm-cancelled = nothing was removed (answer y to remove, or pass --yes)
cli-confirm-rm-purge = Remove the { $kind } item "{ $name }" and erase its values for good? Backups made before keep them.
cli-purge-heading = { $count ->
    [one] The values of this deleted item will be erased for good:
   *[other] The values of these { $count } deleted items will be erased for good:
}
cli-purge-line = { $name } ({ $kind }, deleted { $deleted })
cli-purge-line-no-kind = { $name } (deleted { $deleted })
cli-purge-confirm = Erase them for good? This cannot be undone; backups made before keep them.
cli-purge-cancelled = nothing was erased (answer y to erase, or pass --yes)
cli-purge-dry-run = Nothing was changed (--dry-run).
cli-purge-done = { $count ->
    [one] Erased the values of 1 deleted item for good. Backups made before still hold them: see docs/threat-model.md.
   *[other] Erased the values of { $count } deleted items for good. Backups made before still hold them: see docs/threat-model.md.
}
cli-purge-nothing = nothing to purge: no deleted item keeps its values
cli-purge-nothing-older = nothing to purge: no item deleted at least { $older } days ago keeps its values
cli-purge-unknown = no deleted item is named "{ $name }"; `lifeboat purge --all --dry-run` lists the deleted items whose values are kept
cli-purge-already = nothing to purge: the values of "{ $name }" were erased already
cli-purge-not-deleted = "{ $name }" is not deleted; to remove it and erase its values, run `lifeboat rm --purge { $name }`
cli-purge-too-recent = nothing to purge: "{ $name }" was deleted less than { $older } days ago
cli-no-tty-confirm = no terminal to confirm on; pass --yes to go ahead without asking
cli-prompt-recovery-code = Recovery code being used (hidden):{" "}
cli-code-in-argv = Warning: a code given as an argument is visible to other users in the process list and stays in your shell history; next time leave it out and type it at the prompt, or pipe it on stdin.

cli-import-prompt = Password of the { $what }:{" "}
cli-import-no-tty = this { $what } is encrypted and there is no terminal to ask its password; pass it on a file descriptor with --import-passphrase-fd N (e.g. `--import-passphrase-fd 3 3<file`)
cli-import-summary = Imported { $added } item(s); skipped { $skipped } duplicate(s); rejected { $rejected }.
cli-import-skipped = {"  "}skipped { $entry }: the same as { $matched }
cli-import-kept-both = {"  "}kept both: { $entry } has the id of { $matched } but differs from it; imported as "{ $name }"
cli-import-rejected = {"  "}rejected { $place }: { $reason }
cli-import-nothing = nothing was imported

cli-no-backup-dir = no folder given; run `lifeboat backup DIR`, or set one with `lifeboat config set backup_dir /path/to/folder`
cli-config-bad = { $error }. Fix the file (`lifeboat config show` explains it, `lifeboat config unset KEY` removes a key), or point LIFEBOAT_CONFIG at another file. Recovery commands (recover, restore, verify, backup, export, show, list) still run without it
cli-config-ignored = Warning: the config file is ignored for this command: { $error }
cli-config-set = Set { $key } = "{ $value }" in { $path }
cli-config-not-set = { $key } was not set in the config file; nothing changed
cli-config-file-line = config file: { $path }
cli-config-file-line-new = config file: { $path } (not created yet; `lifeboat config set KEY VALUE` creates it)
cli-qr-needs-terminal = --qr draws the QR code with terminal blocks and colours, and stdout is not a terminal (or --json was given); write an image instead with --qr-svg FILE or --qr-png FILE
cli-qr-totp-only = --qr, --qr-svg and --qr-png work for TOTP items only
cli-lang-unknown = unknown language "{ $value }"; the languages are: { $allowed }
# An item kind as a word in a sentence (the kind ids themselves never change).
cli-kind-name = { $kind }

# merge, restore --merge, merge-driver
cli-merge-unverified = the other copy opened only with { $recipient }, an extra recipient's key, which cannot prove who wrote it, so it is never merged. Give the recovery key of that copy with --other-identity FILE, or leave out --other-identity to use this vault's own keys; nothing was changed
cli-merge-other-locked = the other copy does not open with this vault's recovery key or passphrase ({ $error }). If its keys were changed (`lifeboat rotate`), give its recovery key with --other-identity FILE; nothing was changed
cli-merge-other-bad = the other copy cannot be merged: { $error }; nothing was changed
cli-merge-heading = Merging { $other } into { $vault }:
cli-merge-line = {"  "}{ $label } ({ $count }): { $names }
cli-merge-added = added
cli-merge-changed = changed
cli-merge-deleted = deleted
cli-merge-restored = kept although deleted on one side (edited on the other; check them)
cli-merge-restored-erased = of those, back without the values you purged (only what was edited came back; the rest is empty)
cli-merge-duplicates = now two items with this name (rename or remove one)
cli-merge-settings = settings taken from the other copy
cli-merge-conflict-theirs = {"  "}conflict: { $item }, { $field }: both copies changed it; the other copy's newer value is current, this vault's value is in the item's history
cli-merge-conflict-ours = {"  "}conflict: { $item }, { $field }: both copies changed it; this vault's newer value stays, the other copy's value is in the item's history
cli-merge-playbooks = {"  "}playbook progress and the activity log were joined
cli-merge-nothing = {"  "}nothing new: this vault already holds everything in the other copy
cli-merge-dry-run = Dry run: nothing was changed. Run again without --dry-run to apply.
cli-merge-saved = Merged and saved { $vault } (the version before is kept as .prev).
cli-merge-copy-moved = The merged copy { $from } was moved to { $to } (kept, not deleted).
cli-merge-copy-not-moved = Warning: the merged copy { $from } could not be moved aside ({ $error }); it is merged, so you may move or delete it yourself
cli-driver-done = lifeboat merge-driver: merged ({ $added } added, { $changed } changed, { $conflicts } conflict(s) kept in item history)
cli-driver-failed = lifeboat merge-driver: not merged, the file is left as it was for git to report as conflicted: { $error }
cli-fd-unreadable = cannot read file descriptor { $fd } ({ $error }); open it in the shell, e.g. `--passphrase-fd 3 3<passfile`
cli-fd-read-failed = reading file descriptor { $fd } failed: { $error }
cli-fd-empty = file descriptor { $fd } gave no passphrase (an empty line or nothing)
cli-tty-read-failed = could not read from the terminal: { $error }
cli-tty-ask-failed = could not ask on the terminal: { $error }
cli-stdin-failed = reading stdin failed: { $error }

# Field labels of `show` (padded to the value column by display width).
cli-label-name = Name:
cli-label-kind = Kind:
cli-label-account = Account:
cli-label-tags = Tags:
cli-label-support = Support:
cli-label-notes = Notes:
cli-label-created = Created:
cli-label-updated = Updated:
cli-label-scheme = Scheme:
cli-label-text = Text:
cli-label-passphrase = Passphrase:
cli-label-words = Words:
cli-label-format = Format:
cli-label-key = Key:
cli-label-issuer = Issuer:
cli-label-login = Login:
cli-label-code = Code:
cli-label-secret = Secret:
cli-label-codes = Codes:
cli-label-username = Username:
cli-label-url = URL:
cli-label-password = Password:
cli-label-params = Params:
cli-show-words = { $scheme } ({ $n } words)
cli-show-code-left = { $code }  ({ $left } s left)
cli-show-codes-unused = { $unused } unused of { $total }
cli-show-params = { $algorithm } / { $digits } digits / { $period } s
cli-reveal-codes-hint = (add --reveal to show the codes)

# `list`
cli-list-empty = No items. Add one with `lifeboat add KIND NAME`.
cli-list-head-name = NAME
cli-list-head-kind = KIND
cli-list-head-account = ACCOUNT
cli-list-head-tags = TAGS
cli-list-shared-id = {" "}(id { $id })
cli-list-shared-note = Rows followed by an id share their name with another item (a merge kept both): name the one you mean by its id, for example `lifeboat show { $id }`, or rename one in the TUI.

# Command-line errors (src/cli).
cli-kdf-memory-too-large = --kdf-memory is too large
cli-kdf-choose-smaller = { $error }; choose smaller KDF settings
cli-key-out-exists = { $path } already exists; choose a new file for the recovery key
cli-cannot-create = cannot create { $path }: { $error }
cli-write-failed = writing { $path } failed: { $error }
cli-scheme-seed-only = --scheme applies to seed items only
cli-name-taken = an item named "{ $name }" already exists; choose another name or remove the old one with `lifeboat rm`
cli-not-totp-item = "{ $name }" is a { $kind } item, not a TOTP secret
cli-not-codes-item = "{ $name }" is not a recovery-codes item
cli-code-unknown = that code is not one of "{ $name }"'s recovery codes; check for typos (`lifeboat show "{ $name }" --reveal` lists them)
cli-code-used = that code was already marked used at { $at }; recovery codes work only once, use another
cli-recipient-plugin = "{ $recipient }" is not a usable recipient: plugin recipients (age1yubikey..., etc.) are not supported yet
cli-recipient-bad = "{ $recipient }" is not a usable recipient: expected an age X25519 recipient starting with age1 (from `age-keygen -y`)
cli-recipient-present = that recipient is already on the vault
cli-recipient-is-recovery = that is the recovery key's recipient; it cannot be removed (it is the way back in if the passphrase is lost)
cli-recipient-absent = "{ $recipient }" is not a recipient of this vault; `lifeboat recipient list` shows them
cli-export-format = export supports --format lifeboat, otpauth, aegis or gauth, not { $format }
cli-qr-batch = batch { $n } of { $total }: { $error }
cli-tui-needs-terminal = the TUI needs a terminal on stdin and stdout; use the commands (`lifeboat --help`) in scripts
cli-no-tui-feature = this lifeboat was built without the TUI (feature `tui`); use the commands (`lifeboat --help`)
rec-identity-or-shares = give either --identity (the recovery key) or --shares, not both
rec-kit-out-exists = { $path } already exists; choose a new file name for the kit

# Where a setting of `config show` comes from (the --json value is the id).
cli-config-from-flag = flag
cli-config-from-environment = environment
cli-config-from-file = config file
cli-config-from-default = default

cli-code-used-at = used { $at }
cli-code-marked-used = Marked one code of "{ $name }" used; { $unused } unused left.
cli-passphrase-changed = Passphrase changed. The old passphrase no longer opens the vault (backups made before keep the old one).
cli-recipient-added = The vault is now also encrypted to { $recipient }.
cli-recipient-removed = Removed { $recipient }. Note: copies and backups made before still open with it.
cli-exported-to = Exported to { $path } (mode 0600).
cli-recipient-is-recovery-key = recovery key
cli-recipient-added-at = added { $at }
rec-share-line = line { $n }: { $label }
rec-share-again = { $error }; enter this share again
rec-share-n-again = { $error }; enter share { $n } again
