# Help texts of the command line. The ids help-lifeboat-* follow the
# grammar in src/cli/args.rs (see src/cli/help.rs): the English ones must
# say exactly what the doc comments there say (a unit test checks).

# clap's own words, used when the language is not English.
help-template =
    {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-commands = Commands
help-heading-global-options = Global options
help-heading-seed-options = Seed options
help-heading-password-options = Password options
help-flag-help = Print help
help-flag-version = Print version
help-subcommand-help = Print this message or the help of the given subcommand(s)
help-possible-values = [possible values: { $values }]
help-default-value = [default: { $value }]

help-lifeboat = An age-encrypted vault for recovery material, with guided recovery playbooks
help-lifeboat--vault = Vault file [default: $LIFEBOAT_VAULT, else <data dir>/lifeboat/vault.age]
help-lifeboat--passphrase_fd = Read the passphrase from this file descriptor (first line) instead of the terminal
help-lifeboat--identity = Unlock with an age identity file (the recovery key or another); repeatable
help-lifeboat--json = Machine-readable output on stdout
help-lifeboat--lang = UI language: en or zh-CN [default: $LIFEBOAT_LANG, the config file, then the locale]
help-lifeboat-init = Create a vault
help-lifeboat-init--recovery_key_out = Write the recovery key to FILE (mode 0600) instead of showing it
help-lifeboat-init--kdf_memory = Argon2id memory in MiB [default: 256]
help-lifeboat-init--kdf_time = Argon2id passes [default: calibrated to about one second]
help-lifeboat-init--kdf_parallelism = Argon2id lanes [default: 4]
help-lifeboat-init--allow_weak_passphrase = Accept a passphrase that fails the strength policy
help-lifeboat-init--allow_weak_kdf = Accept Argon2id settings below OWASP's minimum (19 MiB x 2 passes or equivalent)
help-lifeboat-init--armor = Write the vault ASCII-armored (text that survives e-mail and paper), not binary
help-lifeboat-add = Add an item (the secret comes from stdin or a hidden prompt)
help-lifeboat-add--kind = seed, key, totp, codes, password or note
help-lifeboat-add--name = A unique name, e.g. "GitHub 2FA"
help-lifeboat-add--account = The account or provider it belongs to
help-lifeboat-add--tags = A tag (repeatable)
help-lifeboat-add--note = A non-secret note
help-lifeboat-add--support = How to reach the provider's support
help-lifeboat-add--image = Read the secret from the QR code in a PNG or JPEG image (seed: a SeedQR, standard or compact; totp: an otpauth URI)
help-lifeboat-add--scheme = Seed scheme [default: bip39]
help-lifeboat-add--language = BIP39 word-list language (default: detect)
help-lifeboat-add--no_verify = Store a seed even if its checksum fails
help-lifeboat-add--with_passphrase = Also ask for a BIP39 passphrase to store with the seed
help-lifeboat-add--bip39_passphrase_fd = Read the seed's BIP39 passphrase from file descriptor N (first line)
help-lifeboat-add--expand_short = Store BIP39 words given in 4-letter short form as the full words without asking (on a terminal lifeboat shows them and asks)
help-lifeboat-add--username = Username (password items)
help-lifeboat-add--url = URL (password items)
help-lifeboat-list = List items
help-lifeboat-list--kind = Only this kind
help-lifeboat-list--account = Only this account
help-lifeboat-list--tag = Only items with this tag
help-lifeboat-show = Show an item (secrets masked unless --reveal)
help-lifeboat-show--name = The item's name
help-lifeboat-show--reveal = Show the secret
help-lifeboat-show--qr = TOTP: draw the otpauth URI as a QR code on the terminal, to scan with a phone
help-lifeboat-show--qr_svg = TOTP: write the otpauth URI's QR code to FILE as SVG (mode 0600)
help-lifeboat-show--qr_png = TOTP: write the otpauth URI's QR code to FILE as PNG (mode 0600)
help-lifeboat-show--seedqr = BIP39 seed: write its SeedQR to FILE (.png or .svg; mode 0600)
help-lifeboat-show--compact = With --seedqr: the CompactSeedQR form (smaller, not human-readable)
help-lifeboat-code = Print the current TOTP code
help-lifeboat-code--name = The TOTP item's name
help-lifeboat-code--at = The time to compute the code for, in Unix seconds
help-lifeboat-code--peek = HOTP: show the next code without advancing the stored counter
help-lifeboat-codes = Recovery codes
help-lifeboat-codes-use = Mark one recovery code used (the code comes from stdin or a hidden prompt)
help-lifeboat-codes-use--name = The codes item's name
help-lifeboat-codes-use--code = The code being used: better left out, so it stays out of the shell history
help-lifeboat-rm = Remove an item
help-lifeboat-rm--name = The item's name
help-lifeboat-rm--yes = Do not ask for confirmation on a terminal
help-lifeboat-rm--purge = Also erase its values for good, as `lifeboat purge` does
help-lifeboat-purge = Erase for good the values a deleted item's tombstone keeps (its secret included)
help-lifeboat-purge--name = A deleted item's name (or id)
help-lifeboat-purge--all = Every deleted item whose values are still kept
help-lifeboat-purge--older_than = Only items deleted at least DAYS days ago
help-lifeboat-purge--yes = Do not ask for confirmation on a terminal
help-lifeboat-purge--dry_run = List what would be erased and change nothing
help-lifeboat-passwd = Change the passphrase
help-lifeboat-passwd--new_passphrase_fd = Read the new passphrase from this file descriptor
help-lifeboat-passwd--allow_weak_passphrase = Accept a passphrase that fails the strength policy
help-lifeboat-passwd--kdf_memory = New Argon2id memory in MiB
help-lifeboat-passwd--kdf_time = New Argon2id passes
help-lifeboat-passwd--kdf_parallelism = New Argon2id lanes
help-lifeboat-passwd--allow_weak_kdf = Accept Argon2id settings below OWASP's minimum (19 MiB x 2 passes or equivalent)
help-lifeboat-recipient = Extra age recipients the vault is also encrypted to
help-lifeboat-recipient-add = Also encrypt the vault to an age recipient (age1...)
help-lifeboat-recipient-add--recipient = The recipient
help-lifeboat-recipient-list = List the recovery key's recipient and the extra recipients
help-lifeboat-recipient-rm = Stop encrypting to a recipient
help-lifeboat-recipient-rm--recipient = The recipient
help-lifeboat-export = Export items as plaintext (warns)
help-lifeboat-export--out = Write to FILE (mode 0600) instead of stdout
help-lifeboat-export--format = lifeboat (native JSON), otpauth (URI list), aegis (Aegis plaintext JSON) or gauth (Google Authenticator transfer URIs)
help-lifeboat-export--qr = gauth: write one QR image per batch into DIR (mode 0600) instead of the URIs to stdout (`--out` still writes them to a file)
help-lifeboat-export--qr_format = Image format for --qr
help-lifeboat-import = Import items
help-lifeboat-import--file = The file to import (`-` for stdin): an export, or a PNG/JPEG image of a QR code
help-lifeboat-import--format = Its format; `auto` tells it from the content
help-lifeboat-import--import_passphrase_fd = Read the password of an encrypted export from file descriptor N (first line)
help-lifeboat-backup = Write a verified copy of the vault into DIR and print its path
help-lifeboat-backup--dir = The folder to write the backup into (created if missing) [default: backup_dir from the config file]
help-lifeboat-backup--keep = Keep this many backups in the folder [default: the vault's setting, 10]
help-lifeboat-verify = Check that a backup opens and matches the vault; records the drill
help-lifeboat-verify--file = The backup file
help-lifeboat-restore = Replace the vault by a backup (the current one is kept as .prev), or join it with --merge
help-lifeboat-restore--file = The backup file
help-lifeboat-restore--force = Restore even if the current vault is another vault or does not open with the same key
help-lifeboat-restore--merge = Join the backup into the current vault instead of replacing it
help-lifeboat-merge = Join another copy of this vault (another device, a sync conflict copy) without losing changes
help-lifeboat-merge--other = The other copy of the vault
help-lifeboat-merge--dry_run = Show what would change without saving
help-lifeboat-merge--other_identity = Open the other copy with this identity file (its recovery key) instead of this vault's keys
help-lifeboat-merge-driver = git merge driver for the vault file: `lifeboat merge-driver %O %A %B` (docs/sync.md)
help-lifeboat-merge-driver--base = The common ancestor (git's %O; not needed: the revisions in each copy say what changed)
help-lifeboat-merge-driver--current = This branch's version (git's %A); the merged vault is written here
help-lifeboat-merge-driver--other = The other branch's version (git's %B)
help-lifeboat-split = Split the recovery key into SLIP-39 shares for trustees
help-lifeboat-split--threshold = Shares needed to recover (single group)
help-lifeboat-split--shares = Shares to make (single group)
help-lifeboat-split--group_threshold = Groups needed to recover (with --group)
help-lifeboat-split--group = A group of shares written KofN, e.g. 2of3 (repeatable, in order)
help-lifeboat-split--out = Write one file per share into DIR (mode 0600) instead of stdout
help-lifeboat-recover = Forgot the passphrase: open with the recovery key or shares, set a new one
help-lifeboat-recover--shares = Shares, one mnemonic per line (`-` for stdin; repeatable)
help-lifeboat-recover--new_passphrase_fd = Read the new passphrase from this file descriptor
help-lifeboat-recover--allow_weak_passphrase = Accept a passphrase that fails the strength policy
help-lifeboat-rotate = New recovery key and new passphrase key after a device or key was lost
help-lifeboat-rotate--recovery_key_out = Write the new recovery key to FILE (mode 0600) instead of showing it
help-lifeboat-rotate--new_passphrase_fd = Read the new passphrase from this file descriptor (else it is asked on the terminal)
help-lifeboat-rotate--keep_passphrase = Keep the current passphrase (then whoever learned the old passphrase key can still forge vaults it opens)
help-lifeboat-rotate--allow_weak_passphrase = Accept a new passphrase that fails the strength policy
help-lifeboat-kit = Write the printable emergency kit (HTML)
help-lifeboat-kit--out = The HTML file to write (refuses to overwrite)
help-lifeboat-kit--shares = Add a page per share: a folder of share files from `split --out`, or a file with one share per line
help-lifeboat-kit--seedqr = Add a page with the words and SeedQR of this BIP39 seed item (repeatable; the page alone restores the wallet)
help-lifeboat-doctor = Security check-up: backups, drills, 2FA coverage, KDF strength
help-lifeboat-playbook = Recovery playbooks: list, show, tick steps, report
help-lifeboat-playbook-list = List the playbooks with the progress of their runs
help-lifeboat-playbook-show = Show a playbook as a checklist with its progress
help-lifeboat-playbook-show--id = The playbook id (see `playbook list`)
help-lifeboat-playbook-start = Start a run (optional: ticking a step starts one too), naming the account it is about
help-lifeboat-playbook-start--id = The playbook id
help-lifeboat-playbook-start--account = The account or provider this incident is about
help-lifeboat-playbook-check = Tick a step (a wait step: the first tick starts its timer)
help-lifeboat-playbook-check--id = The playbook id
help-lifeboat-playbook-check--step = The step id (shown in <...> by `playbook show`)
help-lifeboat-playbook-check--note = What happened; needed by note steps
help-lifeboat-playbook-check--account = The account or provider this incident is about
help-lifeboat-playbook-skip = Set a step aside as not applying to you, saying why (it counts as done; the report shows the reason)
help-lifeboat-playbook-skip--id = The playbook id
help-lifeboat-playbook-skip--step = The step id
help-lifeboat-playbook-skip--reason = Why the step does not apply (e.g. "self-held wallet: no provider to ask")
help-lifeboat-playbook-uncheck = Take back a tick, an answer or a wait timer
help-lifeboat-playbook-uncheck--id = The playbook id
help-lifeboat-playbook-uncheck--step = The step id
help-lifeboat-playbook-answer = Answer a question step with a choice id or its number
help-lifeboat-playbook-answer--id = The playbook id
help-lifeboat-playbook-answer--step = The question's step id
help-lifeboat-playbook-answer--choice = The choice id or its number (1, 2, ...)
help-lifeboat-playbook-answer--note = Something to write down with the answer
help-lifeboat-playbook-note = Write a note on a step without ticking it
help-lifeboat-playbook-note--id = The playbook id
help-lifeboat-playbook-note--step = The step id
help-lifeboat-playbook-note--text = The note
help-lifeboat-playbook-reset = Put the current run aside (kept in the history) so the next one starts fresh
help-lifeboat-playbook-reset--id = The playbook id
help-lifeboat-playbook-report = Write a Markdown incident report of the current run (no secrets)
help-lifeboat-playbook-report--id = The playbook id
help-lifeboat-playbook-report--out = Write to FILE (mode 0600, never overwritten) instead of stdout
help-lifeboat-playbook-validate = Check a playbook file; prints file:line:column: message per problem
help-lifeboat-playbook-validate--file = The TOML file
help-lifeboat-tui = Open the terminal user interface (a bare `lifeboat` on a terminal does too)
help-lifeboat-demo = The TUI on a throwaway vault with fake sample items, for a first look
help-lifeboat-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
help-lifeboat-completions--shell = The shell
help-lifeboat-man = Print the man page, or write every page into a folder with --out
help-lifeboat-man--out = Write lifeboat.1 and one page per command (lifeboat-COMMAND.1) into DIR
help-lifeboat-config = The config file: where it is, what is in effect, change a key
help-lifeboat-config-path = Print the config file's path ($LIFEBOAT_CONFIG, else the default)
help-lifeboat-config-show = Print every setting in effect and where it comes from
help-lifeboat-config-set = Set a key in the config file (checked first; comments are kept)
help-lifeboat-config-set--key = The key
help-lifeboat-config-set--value = The value, e.g. 5m for auto_lock or zh-CN for language
help-lifeboat-config-unset = Remove a key from the config file (its default applies again)
help-lifeboat-config-unset--key = The key
help-lifeboat-add-after =
    The secret is read from stdin when stdin is not a terminal, else from a hidden prompt:
      seed      the words (BIP39 checksum verified; see Seed options)
      key       the private key text (hex, WIF and xprv are recognised)
      totp      an otpauth:// URI or a base32 secret
      codes     recovery codes, one per line
      password  the password on the first line (see Password options)
      note      all of stdin
help-lifeboat-completions-after = Install, e.g.: lifeboat completions bash > ~/.local/share/bash-completion/completions/lifeboat

# clap's own parse errors, rebuilt from their context for languages other
# than English (src/cli/parse_error.rs); English output is clap's, and
# these English texts say the same.
clap-error = error: { $message }
clap-quoted = '{ $value }'
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-invalid-subcommand = unrecognized subcommand '{ $name }'
clap-value-required = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
clap-possible-values = [possible values: { $values }]
clap-missing-required = the following required arguments were not provided:
clap-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
clap-subcommands = [subcommands: { $values }]
clap-argument-repeated = the argument '{ $arg }' cannot be used multiple times
clap-argument-conflict = the argument '{ $arg }' cannot be used with { $other }
clap-argument-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-too-few-values = { $min } values required by '{ $arg }'; only { $given ->
        [one] { $given } was provided
       *[other] { $given } were provided
    }
clap-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $given ->
        [one] { $given } was provided
       *[other] { $given } were provided
    }
clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
clap-reason-range = { $value } is not in { $range }
clap-reason-not-number = it is not a whole number
clap-reason-too-large = the number is too large or too small
clap-tip-similar-subcommand = tip: { $count ->
        [one] a similar subcommand exists
       *[other] some similar subcommands exist
    }: { $names }
clap-tip-similar-argument = tip: { $count ->
        [one] a similar argument exists
       *[other] some similar arguments exist
    }: { $names }
clap-tip-similar-value = tip: { $count ->
        [one] a similar value exists
       *[other] some similar values exist
    }: { $names }
clap-tip-as-value = tip: to pass '{ $value }' as a value, use '{ $usage }'
clap-tip-remove-dashes = tip: subcommand '{ $name }' exists; to use it, remove the '--' before it
clap-tip-exists = tip: '{ $usage }' exists
clap-usage = Usage: { $usage }
clap-try-help = For more information, try '{ $flag }'.
