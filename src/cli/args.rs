//! The command-line grammar (clap derive). Parsing only: every command is
//! turned into typed values here and handed to a command function, which
//! never sees clap's types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// lifeboat: an encrypted vault for recovery material, with guided recovery playbooks.
#[derive(Debug, Parser)]
#[command(name = "lifeboat", version, about, long_about = None)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalOpts,
    /// The command (none: open the TUI on a terminal).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes, before or after the subcommand.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalOpts {
    /// Vault file [default: $LIFEBOAT_VAULT, else <data dir>/lifeboat/vault.age]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "PATH"
    )]
    pub vault: Option<PathBuf>,
    /// Read the passphrase from this file descriptor (first line) instead of the terminal
    #[arg(long, global = true, help_heading = "Global options", value_name = "N")]
    pub passphrase_fd: Option<u32>,
    /// Unlock with an age identity file (the recovery key or another); repeatable
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "FILE"
    )]
    pub identity: Vec<PathBuf>,
    /// Machine-readable output on stdout
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,
    /// UI language: en or zh-CN [default: $LIFEBOAT_LANG, the config file, then the locale]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "LANG",
        value_parser = parse_lang
    )]
    pub lang: Option<crate::lang::Lang>,
}

/// Reads `--lang`: the tags [`Lang::from_tag`](crate::lang::Lang::from_tag)
/// knows (`zh`, `zh_CN`, `zh-Hans`...), else a usage error naming them.
fn parse_lang(s: &str) -> Result<crate::lang::Lang, String> {
    crate::lang::Lang::from_tag(s).ok_or_else(|| {
        let allowed: Vec<&str> = crate::lang::Lang::ALL.iter().map(|l| l.tag()).collect();
        crate::tr!("cli-lang-unknown", value = s, allowed = allowed.join(", "))
    })
}

/// Item kinds as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum KindArg {
    /// Seed phrase
    Seed,
    /// Private key
    Key,
    /// TOTP/HOTP secret
    Totp,
    /// Recovery codes
    Codes,
    /// Login
    Password,
    /// Secret note
    Note,
}

/// Seed schemes as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SchemeArg {
    /// BIP39 (checksum verified)
    Bip39,
    /// One SLIP-39 share (checksum verified)
    Slip39,
    /// An Electrum seed (version verified; pre-2.0 seeds by their word list)
    Electrum,
    /// A Monero seed (25 words, checksum word verified)
    Monero,
    /// Anything else (stored byte for byte, not verified)
    Other,
}

/// Import/export formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum FormatArg {
    /// lifeboat's native JSON (lossless)
    #[default]
    Lifeboat,
    /// otpauth:// URIs, one per line
    Otpauth,
    /// Aegis plaintext JSON export
    Aegis,
    /// Google Authenticator otpauth-migration:// URIs
    Gauth,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a vault
    Init(InitArgs),
    /// Add an item (the secret comes from stdin or a hidden prompt)
    Add(AddArgs),
    /// List items
    List(ListArgs),
    /// Show an item (secrets masked unless --reveal)
    Show(ShowArgs),
    /// Print the current TOTP code
    Code(CodeArgs),
    /// Recovery codes
    #[command(subcommand)]
    Codes(CodesCommand),
    /// Remove an item
    Rm(RmArgs),
    /// Erase for good the values a deleted item's tombstone keeps (its secret included)
    Purge(PurgeArgs),
    /// Change the passphrase
    Passwd(PasswdArgs),
    /// Extra age recipients the vault is also encrypted to
    #[command(subcommand)]
    Recipient(RecipientCommand),
    /// Export items as plaintext (warns)
    Export(ExportArgs),
    /// Import items
    Import(ImportArgs),
    /// Write a verified copy of the vault into DIR and print its path
    Backup(BackupArgs),
    /// Check that a backup opens and matches the vault; records the drill
    Verify(VerifyArgs),
    /// Replace the vault by a backup (the current one is kept as .prev), or join it with --merge
    Restore(RestoreArgs),
    /// Join another copy of this vault (another device, a sync conflict copy) without losing changes
    Merge(MergeArgs),
    /// git merge driver for the vault file: `lifeboat merge-driver %O %A %B` (docs/sync.md)
    MergeDriver(MergeDriverArgs),
    /// Split the recovery key into SLIP-39 shares for trustees
    Split(SplitArgs),
    /// Forgot the passphrase: open with the recovery key or shares, set a new one
    Recover(RecoverArgs),
    /// New recovery key and new passphrase key after a device or key was lost
    Rotate(RotateArgs),
    /// Write the printable emergency kit (HTML)
    Kit(KitArgs),
    /// Security check-up: backups, drills, 2FA coverage, KDF strength
    Doctor,
    /// Recovery playbooks: list, show, tick steps, report
    #[command(subcommand)]
    Playbook(PlaybookCommand),
    /// Open the terminal user interface (a bare `lifeboat` on a terminal does too)
    Tui,
    /// The TUI on a throwaway vault with fake sample items, for a first look
    Demo,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
    /// Print the man page, or write every page into a folder with --out
    Man(ManArgs),
    /// The config file: where it is, what is in effect, change a key
    #[command(subcommand)]
    Config(ConfigCommand),
}

impl Command {
    /// Commands that go on (with a warning) when the config file is bad:
    /// the ones that fix it, help, and the ways back in on a bad day.
    pub fn tolerates_bad_config(&self) -> bool {
        matches!(
            self,
            Command::Config(_)
                | Command::Completions(_)
                | Command::Man(_)
                | Command::Recover(_)
                | Command::Restore(_)
                | Command::Verify(_)
                | Command::Backup(_)
                | Command::Export(_)
                | Command::Show(_)
                | Command::Code(_)
                | Command::List(_)
                | Command::Kit(_)
                | Command::Doctor
        )
    }
}

/// `config ...`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path ($LIFEBOAT_CONFIG, else the default)
    Path,
    /// Print every setting in effect and where it comes from
    Show,
    /// Set a key in the config file (checked first; comments are kept)
    Set {
        /// The key
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::config::KEYS))]
        key: String,
        /// The value, e.g. 5m for auto_lock or zh-CN for language
        value: String,
    },
    /// Remove a key from the config file (its default applies again)
    Unset {
        /// The key
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::config::KEYS))]
        key: String,
    },
}

/// `completions`.
#[derive(Debug, Args)]
#[command(
    after_help = "Install, e.g.: lifeboat completions bash > ~/.local/share/bash-completion/completions/lifeboat"
)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

/// `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write lifeboat.1 and one page per command (lifeboat-COMMAND.1) into DIR
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Write the recovery key to FILE (mode 0600) instead of showing it
    #[arg(long, value_name = "FILE")]
    pub recovery_key_out: Option<PathBuf>,
    /// Argon2id memory in MiB [default: 256]
    #[arg(long, value_name = "MIB")]
    pub kdf_memory: Option<u32>,
    /// Argon2id passes [default: calibrated to about one second]
    #[arg(long, value_name = "N")]
    pub kdf_time: Option<u32>,
    /// Argon2id lanes [default: 4]
    #[arg(long, value_name = "N")]
    pub kdf_parallelism: Option<u32>,
    /// Accept a passphrase that fails the strength policy
    #[arg(long)]
    pub allow_weak_passphrase: bool,
    /// Accept Argon2id settings below OWASP's minimum (19 MiB x 2 passes or equivalent)
    #[arg(long)]
    pub allow_weak_kdf: bool,
    /// Write the vault ASCII-armored (text that survives e-mail and paper), not binary
    #[arg(long)]
    pub armor: bool,
}

/// `add`.
#[derive(Debug, Args)]
#[command(after_help = ADD_AFTER_HELP)]
pub struct AddArgs {
    /// seed, key, totp, codes, password or note
    pub kind: KindArg,
    /// A unique name, e.g. "GitHub 2FA"
    pub name: String,
    /// The account or provider it belongs to
    #[arg(long)]
    pub account: Option<String>,
    /// A tag (repeatable)
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// A non-secret note
    #[arg(long)]
    pub note: Option<String>,
    /// How to reach the provider's support
    #[arg(long)]
    pub support: Option<String>,
    /// Read the secret from the QR code in a PNG or JPEG image (seed: a SeedQR, standard or compact; totp: an otpauth URI)
    #[arg(long, value_name = "FILE")]
    pub image: Option<PathBuf>,
    /// Seed scheme [default: bip39]
    #[arg(long, help_heading = "Seed options")]
    pub scheme: Option<SchemeArg>,
    /// BIP39 word-list language (default: detect)
    #[arg(long, help_heading = "Seed options")]
    pub language: Option<String>,
    /// Store a seed even if its checksum fails
    #[arg(long, help_heading = "Seed options")]
    pub no_verify: bool,
    /// Also ask for a BIP39 passphrase to store with the seed
    #[arg(long, help_heading = "Seed options")]
    pub with_passphrase: bool,
    /// Read the seed's BIP39 passphrase from file descriptor N (first line)
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "with_passphrase",
        help_heading = "Seed options"
    )]
    pub bip39_passphrase_fd: Option<u32>,
    /// Store BIP39 words given in 4-letter short form as the full words
    /// without asking (on a terminal lifeboat shows them and asks)
    #[arg(long, help_heading = "Seed options")]
    pub expand_short: bool,
    /// Username (password items)
    #[arg(long, help_heading = "Password options")]
    pub username: Option<String>,
    /// URL (password items)
    #[arg(long, help_heading = "Password options")]
    pub url: Option<String>,
}

/// What `add` reads for each kind (stdin when it is not a terminal, else a
/// hidden prompt).
const ADD_AFTER_HELP: &str = "\
The secret is read from stdin when stdin is not a terminal, else from a hidden prompt:
  seed      the words (BIP39 checksum verified; see Seed options)
  key       the private key text (hex, WIF and xprv are recognised)
  totp      an otpauth:// URI or a base32 secret
  codes     recovery codes, one per line
  password  the password on the first line (see Password options)
  note      all of stdin";

/// `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this kind
    #[arg(long)]
    pub kind: Option<KindArg>,
    /// Only this account
    #[arg(long)]
    pub account: Option<String>,
    /// Only items with this tag
    #[arg(long)]
    pub tag: Option<String>,
}

/// `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The item's name
    pub name: String,
    /// Show the secret
    #[arg(long)]
    pub reveal: bool,
    /// TOTP: draw the otpauth URI as a QR code on the terminal, to scan with a phone
    #[arg(long)]
    pub qr: bool,
    /// TOTP: write the otpauth URI's QR code to FILE as SVG (mode 0600)
    #[arg(long, value_name = "FILE")]
    pub qr_svg: Option<PathBuf>,
    /// TOTP: write the otpauth URI's QR code to FILE as PNG (mode 0600)
    #[arg(long, value_name = "FILE")]
    pub qr_png: Option<PathBuf>,
    /// BIP39 seed: write its SeedQR to FILE (.png or .svg; mode 0600)
    #[arg(long, value_name = "FILE")]
    pub seedqr: Option<PathBuf>,
    /// With --seedqr: the CompactSeedQR form (smaller, not human-readable)
    #[arg(long, requires = "seedqr")]
    pub compact: bool,
}

/// `code`.
#[derive(Debug, Args)]
pub struct CodeArgs {
    /// The TOTP item's name
    pub name: String,
    /// The time to compute the code for, in Unix seconds
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub at: Option<u64>,
    /// HOTP: show the next code without advancing the stored counter
    #[arg(long)]
    pub peek: bool,
}

/// `codes ...`.
#[derive(Debug, Subcommand)]
pub enum CodesCommand {
    /// Mark one recovery code used (the code comes from stdin or a hidden prompt)
    Use {
        /// The codes item's name
        name: String,
        /// The code being used: better left out, so it stays out of the shell history
        code: Option<String>,
    },
}

/// `rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The item's name
    pub name: String,
    /// Do not ask for confirmation on a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Also erase its values for good, as `lifeboat purge` does
    #[arg(long)]
    pub purge: bool,
}

/// `purge`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).multiple(true).args(["name", "all", "older_than"])))]
pub struct PurgeArgs {
    /// A deleted item's name (or id)
    #[arg(conflicts_with = "all")]
    pub name: Option<String>,
    /// Every deleted item whose values are still kept
    #[arg(long)]
    pub all: bool,
    /// Only items deleted at least DAYS days ago
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Do not ask for confirmation on a terminal
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// List what would be erased and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `passwd`.
#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// Read the new passphrase from this file descriptor
    #[arg(long, value_name = "N")]
    pub new_passphrase_fd: Option<u32>,
    /// Accept a passphrase that fails the strength policy
    #[arg(long)]
    pub allow_weak_passphrase: bool,
    /// New Argon2id memory in MiB
    #[arg(long, value_name = "MIB")]
    pub kdf_memory: Option<u32>,
    /// New Argon2id passes
    #[arg(long, value_name = "N")]
    pub kdf_time: Option<u32>,
    /// New Argon2id lanes
    #[arg(long, value_name = "N")]
    pub kdf_parallelism: Option<u32>,
    /// Accept Argon2id settings below OWASP's minimum (19 MiB x 2 passes or equivalent)
    #[arg(long)]
    pub allow_weak_kdf: bool,
}

/// `recipient ...`.
#[derive(Debug, Subcommand)]
pub enum RecipientCommand {
    /// Also encrypt the vault to an age recipient (age1...)
    Add {
        /// The recipient
        recipient: String,
    },
    /// List the recovery key's recipient and the extra recipients
    List,
    /// Stop encrypting to a recipient
    Rm {
        /// The recipient
        recipient: String,
    },
}

/// `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write to FILE (mode 0600) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// lifeboat (native JSON), otpauth (URI list), aegis (Aegis plaintext
    /// JSON) or gauth (Google Authenticator transfer URIs)
    #[arg(long, default_value = "lifeboat")]
    pub format: FormatArg,
    /// gauth: write one QR image per batch into DIR (mode 0600) instead of
    /// the URIs to stdout (`--out` still writes them to a file)
    #[arg(long, value_name = "DIR")]
    pub qr: Option<PathBuf>,
    /// Image format for --qr
    #[arg(long, default_value = "png", requires = "qr")]
    pub qr_format: QrFormatArg,
}

/// Image formats for QR codes written to files.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum QrFormatArg {
    /// PNG image
    #[default]
    Png,
    /// SVG image
    Svg,
}

/// `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (`-` for stdin): an export, or a PNG/JPEG image of a QR code
    pub file: PathBuf,
    /// Its format; `auto` tells it from the content
    #[arg(long, default_value = "auto")]
    pub format: ImportFormatArg,
    /// Read the password of an encrypted export from file descriptor N (first line)
    #[arg(long, value_name = "N")]
    pub import_passphrase_fd: Option<u32>,
}

/// Formats `import` reads.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum ImportFormatArg {
    /// Tell the format from the content
    #[default]
    Auto,
    /// lifeboat's native JSON (lossless)
    Lifeboat,
    /// otpauth:// URIs, one per line
    Otpauth,
    /// Aegis JSON export: plaintext, encrypted (password), or the db object alone
    Aegis,
    /// Google Authenticator otpauth-migration:// URIs
    Gauth,
    /// 2FAS backup (.2fas), plain or encrypted
    #[value(name = "2fas")]
    TwoFas,
    /// Bitwarden JSON or CSV export (unencrypted)
    Bitwarden,
    /// andOTP backup, plain JSON or encrypted (.json.aes)
    Andotp,
    /// FreeOTP+ JSON export
    FreeotpPlus,
    /// Proton Authenticator JSON export
    Proton,
    /// Authenticator Pro plain JSON backup
    AuthenticatorPro,
    /// KeePassXC CSV export (passwords and the TOTP column)
    KeepassxcCsv,
    /// PNG/JPEG image of QR codes, or zbarimg output
    Qr,
}

/// `backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The folder to write the backup into (created if missing) [default: backup_dir from the config file]
    pub dir: Option<PathBuf>,
    /// Keep this many backups in the folder [default: the vault's setting, 10]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,
}

/// `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The backup file
    pub file: PathBuf,
}

/// `restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file
    pub file: PathBuf,
    /// Restore even if the current vault is another vault or does not open with the same key
    #[arg(long, conflicts_with = "merge")]
    pub force: bool,
    /// Join the backup into the current vault instead of replacing it
    #[arg(long)]
    pub merge: bool,
}

/// `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The other copy of the vault
    pub other: PathBuf,
    /// Show what would change without saving
    #[arg(long)]
    pub dry_run: bool,
    /// Open the other copy with this identity file (its recovery key) instead of this vault's keys
    #[arg(long, value_name = "FILE")]
    pub other_identity: Vec<PathBuf>,
}

/// `merge-driver`.
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor (git's %O; not needed: the revisions in each copy say what changed)
    pub base: PathBuf,
    /// This branch's version (git's %A); the merged vault is written here
    pub current: PathBuf,
    /// The other branch's version (git's %B)
    pub other: PathBuf,
}

/// `split`.
#[derive(Debug, Args)]
pub struct SplitArgs {
    /// Shares needed to recover (single group)
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u8).range(1..=16),
          requires = "shares", conflicts_with_all = ["group", "group_threshold"])]
    pub threshold: Option<u8>,
    /// Shares to make (single group)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=16),
          requires = "threshold")]
    pub shares: Option<u8>,
    /// Groups needed to recover (with --group)
    #[arg(long, value_name = "G", value_parser = clap::value_parser!(u8).range(1..=16),
          requires = "group")]
    pub group_threshold: Option<u8>,
    /// A group of shares written KofN, e.g. 2of3 (repeatable, in order)
    #[arg(long, value_name = "KofN")]
    pub group: Vec<String>,
    /// Write one file per share into DIR (mode 0600) instead of stdout
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `recover`.
#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Shares, one mnemonic per line (`-` for stdin; repeatable)
    #[arg(long, value_name = "FILE")]
    pub shares: Vec<PathBuf>,
    /// Read the new passphrase from this file descriptor
    #[arg(long, value_name = "N")]
    pub new_passphrase_fd: Option<u32>,
    /// Accept a passphrase that fails the strength policy
    #[arg(long)]
    pub allow_weak_passphrase: bool,
}

/// `rotate`.
#[derive(Debug, Args)]
pub struct RotateArgs {
    /// Write the new recovery key to FILE (mode 0600) instead of showing it
    #[arg(long, value_name = "FILE")]
    pub recovery_key_out: Option<PathBuf>,
    /// Read the new passphrase from this file descriptor (else it is asked on the terminal)
    #[arg(long, value_name = "N")]
    pub new_passphrase_fd: Option<u32>,
    /// Keep the current passphrase (then whoever learned the old passphrase key can still forge vaults it opens)
    #[arg(long, conflicts_with = "new_passphrase_fd")]
    pub keep_passphrase: bool,
    /// Accept a new passphrase that fails the strength policy
    #[arg(long)]
    pub allow_weak_passphrase: bool,
}

/// `kit`.
#[derive(Debug, Args)]
pub struct KitArgs {
    /// The HTML file to write (refuses to overwrite)
    #[arg(long, value_name = "FILE.html")]
    pub out: PathBuf,
    /// Add a page per share: a folder of share files from `split --out`, or a file with one share per line
    #[arg(long, value_name = "DIR_OR_FILE")]
    pub shares: Option<PathBuf>,
    /// Add a page with the words and SeedQR of this BIP39 seed item (repeatable; the page alone restores the wallet)
    #[arg(long = "seedqr", value_name = "NAME")]
    pub seedqr: Vec<String>,
}

/// `playbook ...`: built-in and user playbooks, driven from scripts.
#[derive(Debug, Subcommand)]
pub enum PlaybookCommand {
    /// List the playbooks with the progress of their runs
    List,
    /// Show a playbook as a checklist with its progress
    Show {
        /// The playbook id (see `playbook list`)
        id: String,
    },
    /// Start a run (optional: ticking a step starts one too), naming the account it is about
    Start {
        /// The playbook id
        id: String,
        /// The account or provider this incident is about
        #[arg(long)]
        account: Option<String>,
    },
    /// Tick a step (a wait step: the first tick starts its timer)
    Check {
        /// The playbook id
        id: String,
        /// The step id (shown in <...> by `playbook show`)
        step: String,
        /// What happened; needed by note steps
        #[arg(long)]
        note: Option<String>,
        /// The account or provider this incident is about
        #[arg(long)]
        account: Option<String>,
    },
    /// Set a step aside as not applying to you, saying why (it counts as done; the report shows the reason)
    Skip {
        /// The playbook id
        id: String,
        /// The step id
        step: String,
        /// Why the step does not apply (e.g. "self-held wallet: no provider to ask")
        #[arg(long)]
        reason: String,
    },
    /// Take back a tick, an answer or a wait timer
    Uncheck {
        /// The playbook id
        id: String,
        /// The step id
        step: String,
    },
    /// Answer a question step with a choice id or its number
    Answer {
        /// The playbook id
        id: String,
        /// The question's step id
        step: String,
        /// The choice id or its number (1, 2, ...)
        choice: String,
        /// Something to write down with the answer
        #[arg(long)]
        note: Option<String>,
    },
    /// Write a note on a step without ticking it
    Note {
        /// The playbook id
        id: String,
        /// The step id
        step: String,
        /// The note
        text: String,
    },
    /// Put the current run aside (kept in the history) so the next one starts fresh
    Reset {
        /// The playbook id
        id: String,
    },
    /// Write a Markdown incident report of the current run (no secrets)
    Report {
        /// The playbook id
        id: String,
        /// Write to FILE (mode 0600, never overwritten) instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check a playbook file; prints file:line:column: message per problem
    Validate {
        /// The TOML file
        file: PathBuf,
    },
}
