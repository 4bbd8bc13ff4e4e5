# The full-screen interface (src/tui). Text that begins or ends with spaces is
# written with {" "}: Fluent drops plain leading and trailing spaces. Key names
# (Enter, Esc, Tab, Ctrl+U, PgDn) stay as they are in every language.

## Fixed texts

tui-tab-items = Items
tui-tab-playbooks = Playbooks
tui-banner-key-not-confirmed = {" "}! Recovery key not confirmed: Tab to Tools, Emergency kit, and print it.
tui-tab-tools = Tools
tui-tools-title = {" "}Keep the vault recoverable{" "}
tui-tool-working = Working...
tui-tool-folder-ask = Folder (a USB stick or another disk is best; it is remembered):
tui-tool-folder-keys = Enter go · Ctrl+U clear · Esc cancel
tui-split-plan-default = 2 of 3
tui-split-plan-ask = How many shares to make, and how many of them rebuild the key (e.g. 2 of 3, 3 of 5):
tui-split-plan-keys = Enter next (the folder) · Ctrl+U clear · Esc cancel
tui-current-passphrase-label = Old passphrase:{"    "}
tui-passwd-explain = Type the passphrase you unlock with now, then the new one twice. Old backups keep the old one.
tui-passwd-current-empty = Type the current passphrase first (the one that unlocked the vault).
tui-passwd-keys = Tab next field · Enter continue · Esc cancel (nothing changes)
tui-passwd-working = Checking the current passphrase and deriving the new key (a few seconds)...
tui-mask = ••••••••
tui-reveal-hint = press r to reveal
tui-no-matches = No item matches the search. Esc clears it.
tui-unverified-banner = {" "}UNVERIFIED, read-only (extra key). P: passphrase or recovery key to edit.
tui-unverified-mark = UNVERIFIED
tui-unsafe-folder-mark = UNSAFE FOLDER
tui-unsafe-folder-banner = {" "}UNSAFE FOLDER: others can swap this vault for theirs. See lifeboat doctor.
tui-prove-title = {" "}Prove this session{" "}
tui-prove-why = This vault was opened with an extra recipient's key: it can read the vault but cannot prove who wrote it, so nothing can be changed. Type the passphrase, or paste the recovery key (AGE-SECRET-KEY-1...), to check the file and make changes. Esc: stay read-only.
tui-prove-label = Passphrase or recovery key:{" "}
tui-proving = Checking (deriving the key, about a second)...
tui-proof-failed = That does not open this vault. Try again, or press Esc to stay read-only.
tui-proved = Proved: the file is genuine and changes can be saved now.
tui-already-proved = This session is proved already (passphrase or recovery key): changes are saved.
tui-not-saved-read-only = NOT SAVED: this session is read-only (opened with an extra key). Press P to prove the passphrase or recovery key, then save again.
tui-empty-vault = The vault is empty. Press a to add your first item.
tui-no-account = (no account)
tui-search-prompt = Search:{" "}
tui-search-hint = / to search names, accounts and tags
tui-unlock-title = {" "}Unlock the vault{" "}
tui-passphrase-label = Passphrase:{" "}
tui-unlocking = Unlocking (deriving the key, about a second)...
tui-wrong-passphrase = Wrong passphrase. Try again, or press Ctrl+R if you have forgotten it.
tui-empty-passphrase = Type the passphrase, then press Enter.
tui-identity-hint = Started with --identity: press Enter with an empty field to unlock with the identity file.
tui-forgot-link = Forgot the passphrase? Press Ctrl+R to use the recovery key or trustee shares.
tui-form-discarded = The item form you had open was not saved and was discarded; add the item again.
tui-note-kept = Your unfinished note was saved on its step.
tui-locked-by-user = Locked; secrets were cleared from memory.
tui-demo-welcome = Demo: a throwaway vault with fake sample items; it is deleted when you quit.
tui-create-title = {" "}Create a new vault{" "}
tui-new-passphrase-label = New passphrase:{"    "}
tui-repeat-passphrase-label = Repeat passphrase:{" "}
tui-policy = At least 12 characters and hard to guess (strength 3 of 4 or more). Four or more random words work well.
tui-strength = Strength:{" "}
tui-policy-ok = meets the policy
tui-policy-not-met = The passphrase does not meet the policy yet (see the strength line above).
tui-mismatch = The two passphrases differ. Type the same one twice.
tui-creating = Creating the vault (deriving the key)...
tui-key-title = {" "}Your recovery key: write it down now{" "}
tui-key-explain = This key opens the vault if you forget the passphrase, and `age -d -i key.txt vault.age` opens it even without lifeboat. Write it on paper and keep it somewhere safe and offline. It is shown only this once here.
tui-word-edit-hint = ←/→ choose a word · type or Backspace to fix it · → past the last word to add more · Ctrl+R show/hide
tui-key-groups = The same key after AGE-SECRET-KEY-1, in groups of five as on the kit:
tui-key-written-continue = When it is written down, press Enter.
tui-confirm-title = {" "}Check what you wrote{" "}
tui-confirm-label = Characters:{" "}
tui-confirm-wrong = Those characters do not match. Check your copy; Esc shows the key again.
tui-created = Vault created, key confirmed. Next: the first backup and the kit (below); Tab goes to Items.
tui-recover-title = {" "}Forgot the passphrase{" "}
tui-recover-explain = Paste the recovery key (AGE-SECRET-KEY-1...) or your trustee shares (SLIP-39 mnemonics, one per line).
tui-recover-keys = Enter: new line; on an empty line (or Ctrl+S) continue. ←→↑↓ move, Tab next wrong word, Esc back.
tui-recover-visible = Shown as typed, to compare with your paper: make sure nobody sees the screen.
tui-key-character = The recovery key holds a character a key cannot (keys use letters and digits except 1, b, i, o after the prefix): compare it with the paper.
tui-recover-opening = Opening the vault with the recovery material...
tui-recover-empty = Paste the recovery key or the shares first.
tui-recover-new = The vault opened. Choose a new passphrase; it replaces the forgotten one.
tui-recover-saving = Setting the new passphrase and saving...
tui-recovered = New passphrase set and the vault saved.
tui-f-kind = Kind
# The kind badge in the item list, the detail title and a step's linked
# items (padded by the code to the widest badge of the language).
tui-kind-badge = { $kind ->
    [seed] SEED
    [key] KEY
    [totp] TOTP
    [codes] CODES
    [password] LOGIN
   *[other] NOTE
}
tui-f-account = Account
tui-f-tags = Tags
tui-f-support = Support
tui-f-notes = Notes
tui-f-updated = Updated
tui-f-scheme = Scheme
tui-f-words = Words
tui-f-bip39-passphrase = BIP39 passphrase
tui-f-format = Format
tui-f-key = Key
tui-f-code = Code
tui-f-secret = Secret
tui-f-issuer = Issuer
tui-f-label = Label
tui-f-params = Parameters
tui-f-username = Username
tui-f-password = Password
tui-f-url = URL
tui-f-text = Text
tui-unused = unused
# A step's linked recovery codes: how many are left.
tui-linked-unused = { $count } unused
# Linked items past the six shown.
tui-linked-more = … { $count } more
tui-hotp-no-code = none yet (press n)
tui-hotp-saving = saving the counter...
tui-hotp-copy-first = Press n to make the next code first; c then copies it.
tui-hotp-not-saved = The counter could not be saved, so no code is shown (a code is shown only once its counter is on disk).
tui-hotp-counter-end = The HOTP counter is at its largest value; no further code can be made.
tui-no-clipboard = No clipboard tool found (wl-copy/xclip/xsel): nothing copied; r reveals.
# The clipboard tool ran and failed ($error: why, or how it exited).
tui-clipboard-failed = { $tool } failed ({ $error }); nothing was copied.
tui-clipboard-exit = exited with status { $status }
tui-clipboard-cleared = Clipboard cleared.
tui-nothing-to-copy = Nothing to copy here.
tui-saved = Saved.
tui-changed-on-disk = NOT SAVED: another program changed the vault since it was opened. Lock (L) and unlock to load the new version, then redo the change.
tui-form-add = {" "}Add an item{" "}
tui-l-kind = Kind
tui-l-name = Name
tui-l-account = Account
tui-l-tags = Tags
tui-l-support = Support
tui-l-notes = Notes
tui-l-scheme = Scheme
tui-l-username = Username
tui-l-url = URL
tui-l-seed-passphrase = Passphrase (25th word)
tui-seed-passphrase-hint = (optional BIP39 passphrase; empty: none)
tui-keep-secret = (empty keeps the current secret)
tui-tags-hint = (comma-separated)
tui-cycle-hint = (←/→ to change)
tui-secret-required = The secret is empty; nothing would be stored.
tui-key-as-text = Note: the key is not in a recognised format (hex, WIF, xprv); it is stored as text.
tui-not-started = not started
tui-complete = complete
tui-when-to-use = When to use it:
tui-h-why = Why:{" "}
tui-h-do-not = DO NOT:{" "}
tui-h-commands = Commands:{" "}
tui-h-choices = Answer with the number key:
tui-h-linked = Vault items (←/→ choose, Enter opens):
tui-h-note = Note:{" "}
tui-no-linked = No matching item in the vault.
tui-wait-over = The wait is over. Space ticks the step.
tui-note-prompt = Write it down (Enter saves, Esc cancels):{" "}
tui-note-empty-required = This step is ticked by writing it down: type the note, then Enter. Esc closes without ticking.
tui-note-empty-wait = Say why the wait is over early, then Enter. Esc closes and the timer keeps running.
tui-skip-empty = Say why this step does not apply to you (for example: no provider, so no ticket), then Enter. Esc keeps the step.
tui-skip-prompt = This step does not apply to you? Say why (Enter sets it aside; it counts as done and the report shows the reason):{" "}
tui-quit-discard-ask = Quit and lose what you typed? y (or Ctrl+C again) quits; any other key goes back to it.
tui-quit-cancelled = Not quitting: what you typed is still here.
tui-note-empty = The note is empty: type it, then Enter. Esc closes.
tui-note-title = {" "}Note{" "}
tui-note-keys = Enter save · Backspace delete · Esc cancel
tui-more-below = {" "}▼ more: PgDn{" "}
tui-more-above = {" "}▲ PgUp{" "}
tui-contacts-need-account = A: set the incident's account to see the support contacts stored for it.
tui-no-contacts = No support contact stored for this account (add one with e on an item).
tui-early-wait-prompt = Why is the wait over early? (Enter saves):{" "}
tui-nothing-to-report = Nothing to report yet: tick a step first.
tui-confirm-reset = Archive this run and start over? y/n
tui-reset-explain = The run stays in the vault's history; nothing is deleted.
tui-run-reset = Run archived (kept in the vault's history); this playbook starts over.
tui-nothing-to-reset = Nothing to reset: this playbook has no run yet.
tui-account-title = {" "}Which account is this incident about?{" "}
tui-account-explain = Linked items narrow to it. Type to filter or name one.
tui-account-any = (any account: offer every matching item)
tui-account-cleared = Account cleared: steps offer items of every account.
tui-run-complete = All steps on your path are done. w writes the report.
tui-help-title = {" "}Keys (any key closes){" "}
tui-too-small = Terminal too small: make it at least 60x16.
tui-terminal-closed = the terminal closed; the vault was locked and the TUI stopped. Open lifeboat again in a terminal.

## Tools tab

tui-tool-folder = Backup folder: { $dir }
tui-tool-backup-name = Make a backup
tui-tool-backup-what = a verified copy into the backup folder
tui-tool-drill-name = Restore drill
tui-tool-drill-what = open the newest backup there and compare
tui-tool-kit-name = Emergency kit
tui-tool-kit-what = printable recovery key and instructions
tui-tool-split-name = Split the key
tui-tool-split-what = recovery key as trustee shares
tui-tool-passphrase-name = Change passphrase
tui-tool-passphrase-what = set a new passphrase
tui-tool-doctor-name = Check-up (doctor)
tui-tool-doctor-what = what to fix, and how
tui-tool-purge-name = Erase removed items
tui-tool-purge-what = their values stay in the vault until erased
tui-tool-backup-written = Backup written and verified: { $path }
tui-tool-backup-kept = { $kept ->
        [one] { $kept } backup
       *[other] { $kept } backups
    } in the folder. Check one with Restore drill now and then.
tui-tool-drill-opens = Drill: { $path } opens with the recovery key.
tui-tool-drill-same = It holds the same items as the vault. Drill recorded.
tui-tool-drill-differs = It differs from the vault (older, or changes since): make a new backup. Drill recorded.
tui-tool-no-backup = No lifeboat backup in { $dir }: make one first (Make a backup).
tui-tool-kit-written = Emergency kit written: { $path } (mode 0600).
tui-tool-kit-then = Open it in a browser, print it, then delete the file: it holds the recovery key.
tui-split-explain =
    Each trustee gets one share. Fewer shares than needed reveal nothing; enough
    of them rebuild the recovery key, so a lost passphrase can be replaced.
    Every combination is checked before any share file is written.
tui-split-folder-ask = Folder for the { $n } share files (one 0600 file each; not the backup folder: shares kept with a backup are the key):
tui-split-file = { $path }: { $label }
tui-tool-passphrase-changed = Passphrase changed and saved: only the new one opens the vault now.
tui-tool-passphrase-old-backups = Backups made before still open with the old one: make a new backup (Make a backup).
tui-tool-passphrase-kdf-raised = The key derivation was below the floor and is now Argon2id { $mib } MiB, { $passes } passes.
tui-passphrase-not-saved = The passphrase was not changed (the save failed: { $error }); the old one still opens the vault.
tui-fix-backup = here: Make a backup (top of this list)
tui-fix-drill = here: Restore drill, on the newest backup
tui-fix-recovery-key = here: Emergency kit (print it), or Split the key
tui-fix-kdf = here: Change passphrase (the same one may be typed again)
tui-fix-deleted-kept = here: Erase removed items
tui-first-run-tools =
    Your vault is new. Two things make it recoverable:
    {"  "}1. Make a backup (Enter now), best onto a USB stick or another disk;
    {"  "}2. Emergency kit (↓↓ Enter): print it and keep it with your papers.
# The command to run follows on a line of its own, so it is copied whole.
tui-unsafe-folder = WARNING: the vault's folder is not private: { $why }, so someone else could have replaced the vault with one of their own. Fix it with:

## Unlock, create, recover

tui-locked-idle = Locked after { $duration } of inactivity; secrets were cleared from memory.
tui-demo-passphrase = Demo vault passphrase: { $passphrase }
tui-create-intro = No vault at { $path }. Choose a passphrase to create one.
tui-confirm-ask = From your paper copy, type characters { $a1 }-{ $a2 } and then { $b1 }-{ $b2 } of the recovery key (4 characters; the first character, the A of AGE, is number 1).
tui-share-word-unknown-suggest = Line { $line }, word { $pos } "{ $word }" is not a share word: did you mean "{ $suggestion }"?
tui-share-word-unknown = Line { $line }, word { $pos } "{ $word }" is not a share word: check it on the paper.
tui-share-word-checksum = Line { $line }: the checksum fails; word { $pos } "{ $word }" is probably "{ $right }": compare it with the paper.
tui-share-checksum = Line { $line }: the checksum fails: more than one word is wrong, missing or out of order; compare every word with the paper.
tui-recover-failed = That did not open the vault: { $error }
tui-duration-minutes = { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
tui-duration-seconds = { $secs } seconds

## Items

tui-revealed-for = revealed, masked again in { $secs } s (r hides now)
tui-used-at = used { $time }
tui-codes-summary = { $unused } of { $total } unused
tui-code-changes-in = changes in { $secs } s
tui-hotp-next = counter { $counter }: press n for the next code (the counter is saved first, so no code is ever shown twice)
tui-hotp-made = code for counter { $counter }; the vault now holds counter { $next }
tui-totp-params = { $alg }, { $digits } digits, { $period } s
tui-confirm-delete = Delete "{ $name }"? y deletes, n keeps it.
tui-deleted = Deleted "{ $name }". Its values stay in the vault until erased: Tools › Erase removed items.
tui-added = Added "{ $name }".
tui-changed = Saved changes to "{ $name }".
tui-code-marked-used = Recovery code { $n } marked used.
tui-code-marked-unused = Recovery code { $n } marked unused again.
tui-copied = Copied with { $tool }; the clipboard is cleared in { $secs } s.
tui-clipboard-clears-in = clipboard clears in { $secs } s
tui-save-failed = NOT SAVED: { $error }
tui-merged-on-save = Saved. Another program had changed the vault meanwhile; its changes ({ $count ->
        [one] { $count } item
       *[other] { $count } items
    }) were merged with yours, nothing lost.
tui-merged-on-save-conflicts = Saved, merged with another program's changes. Both changed { $names }: the newer value is shown, the other is kept in the item's history.
tui-list-separator = {", "}

## Form

tui-form-edit = {" "}Edit "{ $name }"{" "}
tui-secret-seed = Seed words
tui-secret-key = Private key
tui-secret-totp = otpauth URI or base32
tui-secret-codes = Codes (space-separated)
tui-secret-password = Password
tui-secret-note = Secret note
tui-words-typed = ({ $n ->
        [one] { $n } word
       *[other] { $n } words
    })
tui-name-taken = An item named "{ $name }" already exists; choose another name.

## Playbooks and the runner

tui-step-check = check
tui-step-action = action
tui-step-decision = question
tui-step-note = write down
tui-step-wait = wait
tui-wait-not-started = Wait { $duration }. Space starts the timer.
tui-wait-left = Waiting: { $duration } left. Space with a note if it is over early.
tui-answer-with-numbers = This is a question: answer it with a number key from 1 to { $n }.
tui-h-contacts = Support contacts stored for { $account }:
tui-username-line = username ({ $name }): { $user }
tui-report-written = Report written to { $path } (mode 0600).
tui-report-failed = The report was not written: { $error }
tui-runner-progress = { $done } of { $total } steps done
tui-runner-account = account: { $account }
tui-account-typed = use "{ $account }" (no item has this account)
tui-account-set = Account set to "{ $account }": steps offer only its items.

## Chrome

tui-auto-lock-in = locks in { $secs } s
tui-stopped-by-signal = stopped by { $signal }; the vault was locked and the terminal restored.

## Footers: the keys of each screen (key names stay as they are)

tui-footer-unlock = Enter unlock · Ctrl+R forgot passphrase · F1 help · Esc quit
tui-footer-busy = please wait · Ctrl+C quit
tui-footer-create-passphrase = Tab next field · Enter continue · F1 help · Esc quit
tui-footer-create-key = Enter I wrote it down · Ctrl+C quit
tui-footer-create-confirm = Enter check · Esc show the key again
tui-footer-recover-material = Enter new line (empty line: continue) · ←→↑↓ move · Tab wrong word · Esc back
tui-footer-recover-passphrase = Tab next field · Enter set passphrase · Esc cancel
tui-footer-items = ↑↓ move · Enter open · / search · a add · Tab playbooks · ? help · q quit
tui-footer-search = type to filter · ↑↓ move · Enter open · Esc clear
tui-footer-detail = r reveal · c copy · e edit · d delete · Esc back · ? help · q quit
tui-footer-detail-codes = ↑↓ code · u used · r reveal · c copy · e edit · Esc back · ? help
tui-footer-detail-hotp = n next code · c copy it · r reveal · e edit · d delete · Esc back · ? help
tui-footer-confirm-delete = y delete · n keep
tui-footer-form = Tab/↑↓ field · ←/→ change/word · Ctrl+R show · Ctrl+S save · Esc
tui-footer-playbooks = ↑↓ move · Enter open · Tab tools · ? help · q quit
tui-footer-runner = Space tick · 1-9 answer · n note · Enter item · PgDn text · Esc · ? help
tui-footer-note-entry = type the note · Enter save · Esc cancel
tui-footer-confirm-reset = y archive the run and start over · n keep it
tui-footer-account-entry = type to filter · ↑↓ choose · Enter set · Esc cancel
tui-footer-tools = ↑↓ choose · Enter run · PgDn/PgUp scroll · Tab items · ? help · q quit
tui-footer-tools-folder = type the folder · Enter go · Esc cancel
tui-footer-tools-split = type K of N · Enter next · Esc cancel
tui-footer-tools-passphrase = Tab next field · Enter continue · Esc cancel
tui-footer-tools-purge = ↑↓ choose · Enter erase one · a erase all · Esc back · ? help
tui-footer-confirm-purge = y erase for good · n keep
tui-footer-tools-purge-empty = Esc back · ? help · q quit
tui-footer-prove = type or paste · Enter check · Esc stay read-only

## Help overlay: what each key does

tui-key-unlock = unlock with the passphrase
tui-key-forgot = forgot passphrase: recovery key or shares
tui-key-quit = quit
tui-key-this-help = this help
tui-key-prove-check = check the passphrase or recovery key
tui-key-stay-read-only = stay read-only
tui-key-switch-fields = switch between the two fields
tui-key-continue = continue
tui-key-cancel = cancel
tui-key-key-written = continue once the key is written down
tui-key-check-characters = check the characters
tui-key-show-key-again = show the key again
tui-key-name-paste-type = paste / type
tui-key-recover-material = the recovery key or one share per line
tui-key-recover-enter = new line; on an empty line: continue
tui-key-recover-move = move the cursor to fix a word in place
tui-key-recover-tab = jump to the next word found wrong
tui-key-back-to-passphrase = back to the passphrase
tui-key-move = move
tui-key-page = page, first, last
tui-key-open-item = open the item
tui-key-search = search names, accounts and tags
tui-key-clear-search = clear the search
tui-key-add = add an item
tui-key-items-tab = switch to Playbooks, then Tools (backup, drill, kit, check-up)
tui-key-lock = lock now
tui-key-prove = read-only session: type passphrase or key
tui-key-name-type = type
tui-key-filter = filter as you type
tui-key-open-selected = open the selected item
tui-key-reveal = reveal / hide the secret (hides after 30 s)
tui-key-copy = copy (TOTP: the code; HOTP: the code made with n); cleared after a while
tui-key-hotp-next = HOTP: save the counter moved on, then show the next code
tui-key-codes-choose = recovery codes: choose a code
tui-key-codes-used = recovery codes: mark used / unused
tui-key-edit = edit
tui-key-delete = delete (asks first)
tui-key-back = back
tui-key-next-field = next field
tui-key-previous-field = previous field
tui-key-change-kind = change kind or scheme
tui-key-form-enter = next field; on the last: save
tui-key-save = save
tui-key-clear-field = clear the field
tui-key-show-secret = show / hide the secret as typed
tui-key-name-seed-arrows = ← → on a seed
tui-key-fix-word = choose one word to fix in place
tui-key-choose-tool = choose a tool
tui-key-run-tool = run it (folder tools ask for the folder)
tui-key-scroll-results = scroll the results (▼ more: there is more)
tui-key-cancel-tool = cancel a tool that asks (nothing changes)
tui-key-to-items = switch to Items
tui-key-purge-choose = choose a removed item
tui-key-purge-one = erase the chosen item's values (asks first)
tui-key-purge-all = erase every listed item's values (asks first)
tui-key-purge-answer = answer the question (y erases, n keeps)
tui-key-purge-back = back to the tools (nothing is erased)
tui-key-open-playbook = open the playbook
tui-key-to-tools = switch to Tools
tui-key-choose-step = choose a step
tui-key-scroll-step = scroll the step's text (▼ more: there is more)
tui-key-tick = tick / untick; wait steps start their timer
tui-key-answer = answer a question
tui-key-note = add a note to the step
tui-key-skip = the step does not apply: set it aside with the reason
tui-key-choose-linked = choose a linked vault item
tui-key-open-linked = open the linked item
tui-key-report = write the report (only the account's items; A: any widens)
tui-key-account = set the incident's account (items narrow to it)
tui-key-reset = archive the run and start over (asks first)
tui-key-back-to-list = back to the list
tui-markers-runner =
    {""}[x] done  [/] set aside (S)  [>] do next  [ ] to do  [~] waiting
    {""}[?] waits on an open question (counted once answered)  › chosen
    {""}[-] not on your path (an answer led elsewhere)
    ✎ write-down step  ? question  ~ wait  ! has DO NOT warnings
    ▼ more / ▲: the step's text goes on below / above (PgDn PgUp)
    n of m steps: m counts the steps on your path, taken and still ahead
tui-markers-playbooks = progress bar and n/m: steps done of the steps on your path, taken and ahead
tui-markers-tools =
    doctor: ✓ fine  ! worth fixing  ✗ fix now; → how to fix it
    ▼ more / ▲: the results go on below / above (PgDn PgUp)

## Refusals, states and errors

tui-refused-seed = { $error }. Nothing was stored. (For a phrase that is not BIP39, set Scheme to "other".)
tui-refused-key = { $error }. Nothing was stored.
tui-scheme-words = { $scheme }, { $n ->
        [one] { $n } word
       *[other] { $n } words
    }
tui-codes-unused-short = { $unused }/{ $total } unused
tui-state-done = done
tui-state-open = open
tui-state-next = next
tui-state-skipped = skipped
tui-state-waiting = waiting
tui-cannot-create = cannot create { $path }: { $error }
tui-write-failed = writing { $path } failed: { $error }
tui-steps-title = {" "}Steps{" "}
tui-esc-clears = (Esc clears)
tui-identity-not-this-vault = the --identity file does not open this vault; check that it is this vault's recovery key or an added recipient's identity
tui-recovery-not-this-vault = this key or these shares do not belong to this vault
tui-terminal-error = terminal error: { $error }
tui-temp-folder-error = cannot create a temporary folder: { $error }
tui-matches-count = { $shown } of { $total }
tui-masked-with-hint = { $mask }  (press r to reveal)
tui-sentences = { $first } { $second }

# Tools › Erase removed items (src/tui/screens/tools.rs): a removed item's
# tombstone keeps its values until they are erased (docs/threat-model.md,
# "What deleting an item guarantees").
tui-purge-heading = { $count ->
        [one] 1 removed item still keeps its values (the secret included):
       *[other] { $count } removed items still keep their values (the secret included), newest first:
    }
tui-purge-removed-on = removed { $day }
tui-purge-nothing = Nothing to erase: no removed item keeps its values.
tui-purge-empty-keys = Esc back
tui-purge-list-keys = Enter erase the chosen one · a erase all · Esc back
tui-purge-explain = A removed item keeps its values inside the vault so that merging an older copy keeps it removed. Erasing them leaves only the fact of the removal: its name, kind and dates.
tui-purge-ask-one = Erase the values of "{ $name }" for good?
tui-purge-ask-all = { $count ->
        [one] Erase the values of 1 removed item for good?
       *[other] Erase the values of all { $count } removed items for good?
    }
tui-purge-keeps-deletion = This cannot be undone. The item stays removed (only its name, kind and dates are kept), and merging an older copy keeps it removed.
tui-purge-not-reached = Copies made before keep the values: backups, sync conflict copies, other devices until they merge this vault, git history. Delete those copies, or treat the secret as leaked (move the funds, revoke the key).
tui-purge-confirm-keys = y erase for good · n keep them
tui-purge-read-only = Nothing erased: this session is read-only (opened with an extra key). Prove the passphrase or recovery key, then erase again.
tui-tool-purge-done = { $count ->
        [one] Erased the values of 1 removed item for good.
       *[other] Erased the values of { $count } removed items for good.
    }
tui-tool-purge-copies = Backups and copies made before still hold them: delete those you control (see docs/threat-model.md).
