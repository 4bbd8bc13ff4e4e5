//! The command functions. Each takes typed arguments (never clap's
//! matches), does its work through the library, and prints human or
//! `--json` output. Errors come back as [`CliError`] with the exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::args::*;
use super::input;
use super::output::output_error;
use super::text;
use super::CliError;
use crate::item::input::{parse_secret, seed_note, SecretInput, SecretInputError, SeedNote};
use crate::item::{now_utc, Item, ItemHead, ItemKind, Secret, SeedScheme};
use crate::secret::SecretString;
use crate::textwidth;
use crate::vault::crypto::{KdfParams, KdfStrength};
use crate::vault::format::ExtraRecipient;
use crate::vault::{Unlock, Vault};
use crate::{noteln, outln, tr};

/// Everything a command needs from the global options.
pub struct Ctx {
    /// The vault file.
    pub path: PathBuf,
    /// The config file's settings (empty when it is missing, or bad and
    /// the command goes on without it).
    pub config: crate::config::Config,
    /// The global options.
    pub global: GlobalOpts,
    /// The passphrase that opened the vault once already in this run: a
    /// command that opens twice (`code` on an HOTP item reads, then saves
    /// the counter) must not ask again, and a descriptor gives its line
    /// only once.
    pub opened_with: std::cell::RefCell<Option<SecretString>>,
}

impl Ctx {
    /// The unlock path from the options (identity, descriptor or terminal).
    pub fn unlock(&self) -> Result<Unlock, CliError> {
        if self.global.identity.is_empty() {
            if let Some(p) = self.opened_with.borrow().as_ref() {
                return Ok(Unlock::Passphrase(p.clone()));
            }
        }
        input::unlock_from(&self.global.identity, self.global.passphrase_fd)
    }

    /// Opens the vault for reading (an extra identity's unverified open
    /// is allowed, with a warning on stderr).
    pub fn open(&self) -> Result<Vault, CliError> {
        self.require_exists()?;
        let v = self.with_passphrase_retries(|u| Vault::open(&self.path, u))?;
        warn_if_unverified(v.opened_by());
        Ok(v)
    }

    /// Runs `open` with the unlock path; a passphrase typed on the terminal
    /// that does not open the vault is asked again, up to three tries in
    /// all. Descriptors and identity files fail at once, as scripts expect.
    fn with_passphrase_retries<T>(
        &self,
        open: impl Fn(&Unlock) -> Result<T, crate::vault::VaultError>,
    ) -> Result<T, CliError> {
        const TRIES: usize = 3;
        let typed = self.global.identity.is_empty() && self.global.passphrase_fd.is_none();
        let mut tried = 1;
        loop {
            let unlock = self.unlock()?;
            match open(&unlock) {
                Err(crate::vault::VaultError::Auth(_)) if typed && tried < TRIES => {
                    noteln!("{}", text::wrong_passphrase_again(TRIES - tried));
                    tried += 1;
                }
                r => {
                    // Only a passphrase that opened the vault is kept.
                    if let (Ok(_), Unlock::Passphrase(p)) = (&r, &unlock) {
                        *self.opened_with.borrow_mut() = Some(p.clone());
                    }
                    return r.map_err(CliError::from);
                }
            }
        }
    }

    /// Decrypts the vault for a read-only command (`list`, `show`, `code`);
    /// `.view()` then parses and checks it.
    pub fn open_view(&self) -> Result<crate::vault::store::DecryptedVault, CliError> {
        self.require_exists()?;
        self.with_passphrase_retries(|u| Vault::open_view(&self.path, u))
    }

    /// Opens the vault for a change (lock held until saved and dropped).
    /// A session an extra identity opened must be proved first (see
    /// [`Ctx::prove`]).
    pub fn open_for_update(&self) -> Result<Vault, CliError> {
        self.require_exists()?;
        if self.global.identity.is_empty() {
            return self.with_passphrase_retries(|u| Vault::open_for_update(&self.path, u));
        }
        let mut v = Vault::open_locked(&self.path, &self.unlock()?)?;
        self.prove(&mut v)?;
        Ok(v)
    }

    /// Proves a session an extra identity opened, so it may write: with the
    /// passphrase from `--passphrase-fd` (given together with
    /// `--identity`), else typed on the terminal (three tries). Without
    /// either it stays read-only and the write is refused (exit 3). The
    /// recovery key proves it too, given as a second `--identity`, which
    /// the open itself already uses.
    pub fn prove(&self, v: &mut Vault) -> Result<(), CliError> {
        let crate::vault::OpenedBy::OtherIdentity(r) = v.opened_by().clone() else {
            return Ok(());
        };
        self.prove_with(&r, |p| v.prove(&Unlock::Passphrase(p)))
    }

    /// Gets the passphrase that proves a session opened with the extra key
    /// `recipient` (descriptor or terminal, as [`Ctx::prove`] says) and
    /// hands it to `attempt`; a wrong one is exit 3.
    pub fn prove_with<T>(
        &self,
        recipient: &str,
        mut attempt: impl FnMut(SecretString) -> Result<T, crate::vault::VaultError>,
    ) -> Result<T, CliError> {
        let mut proved = |p: SecretString| match attempt(p) {
            Err(crate::vault::VaultError::Auth(_)) => Err(CliError::auth(text::PROOF_FAILED)),
            r => r.map_err(CliError::from),
        };
        if let Some(fd) = self.global.passphrase_fd {
            return proved(input::read_fd_line(fd)?);
        }
        if !input::have_tty() {
            return Err(crate::vault::VaultError::Unverified {
                recipient: recipient.to_owned(),
            }
            .into());
        }
        noteln!("{}", text::prove_on_terminal(recipient));
        const TRIES: usize = 3;
        for tried in 1..=TRIES {
            match proved(input::prompt_hidden(&text::PROMPT_PROVE.text())?) {
                Err(e) if e.code == super::exit::AUTH && tried < TRIES => {
                    noteln!("{}", text::wrong_passphrase_again(TRIES - tried));
                }
                r => return r,
            }
        }
        Err(CliError::auth(text::PROOF_FAILED))
    }

    /// Warns on stderr when the vault's folder lets other users plant or
    /// swap a vault (every open: the file could be a planted one).
    pub fn warn_unsafe_folder(&self) {
        if let Some(risk) = crate::vault::store::folder_risk(&self.path) {
            noteln!(
                "{}",
                text::unsafe_folder_warning(
                    &crate::vault::store::folder_risk_text(risk),
                    &crate::vault::store::folder_fix(&self.path, risk),
                )
            );
        }
    }

    fn require_exists(&self) -> Result<(), CliError> {
        self.warn_unsafe_folder();
        if !self.path.exists() {
            return Err(crate::vault::VaultError::Missing {
                path: self.path.display().to_string(),
            }
            .into());
        }
        Ok(())
    }

    /// True for `--json`.
    pub fn json(&self) -> bool {
        self.global.json
    }
}

/// Warns on stderr when a session could not prove the file genuine.
pub fn warn_if_unverified(opened_by: &crate::vault::OpenedBy) {
    if let crate::vault::OpenedBy::OtherIdentity(r) = opened_by {
        noteln!("{}", text::unverified_warning(r));
    }
}

/// Prints a JSON value (or anything serializable) on stdout.
pub fn print_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<(), CliError> {
    // Buffered: stdout is line-buffered, and a pretty `list --json` of
    // 10,000 items is 100,000 lines, one write(2) each without this.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, v)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush())
        .map_err(output_error)
}

/// Runs one parsed command line.
pub fn dispatch(cli: Cli) -> Result<(), CliError> {
    let config = match crate::config::Config::load() {
        Ok(c) => c,
        Err(e) => {
            if !cli
                .command
                .as_ref()
                .is_some_and(Command::tolerates_bad_config)
            {
                return Err(CliError::input(text::config_bad(&e.to_string())));
            }
            // `config show` reports the error itself.
            if !matches!(cli.command, Some(Command::Config(_))) {
                noteln!("{}", text::config_ignored(&e.to_string()));
            }
            crate::config::Config::default()
        }
    };
    let (path, _) = config
        .vault_path(cli.global.vault.as_deref())
        .map_err(|e| CliError::usage(e.to_string()))?;
    // Resolved once: every file beside the vault follows the real file.
    let path = crate::vault::store::resolve_vault_path(&path);
    let ctx = Ctx {
        path,
        config,
        global: cli.global,
        opened_with: Default::default(),
    };
    let Some(command) = cli.command else {
        if on_terminal() {
            return open_tui(&ctx, false);
        }
        return Err(CliError::usage(text::NO_COMMAND));
    };
    match command {
        Command::Init(a) => init(&ctx, a),
        Command::Add(a) => add(&ctx, a),
        Command::List(a) => list(&ctx, a),
        Command::Show(a) => show(&ctx, a),
        Command::Code(a) => code(&ctx, a),
        Command::Codes(CodesCommand::Use { name, code }) => {
            let code = match code {
                Some(c) => {
                    noteln!("{}", text::CODE_IN_ARGV);
                    SecretString::new(c)
                }
                None => input::secret_from_stdin_or_prompt(&text::PROMPT_RECOVERY_CODE.text())?,
            };
            codes_use(&ctx, &name, code.expose().trim())
        }
        Command::Rm(a) if a.purge => super::purge_cmd::rm_purge(&ctx, a),
        Command::Rm(a) => rm(&ctx, a),
        Command::Purge(a) => super::purge_cmd::purge(&ctx, a),
        Command::Passwd(a) => passwd(&ctx, a),
        Command::Recipient(c) => recipient(&ctx, c),
        Command::Export(a) => export(&ctx, a),
        Command::Import(a) => super::import_cmd::import(&ctx, a),
        Command::Backup(a) => super::recovery_cmd::backup(&ctx, a),
        Command::Verify(a) => super::recovery_cmd::verify(&ctx, a),
        Command::Restore(a) if a.merge => super::merge_cmd::restore_merge(&ctx, &a.file),
        Command::Restore(a) => super::recovery_cmd::restore(&ctx, a),
        Command::Merge(a) => super::merge_cmd::merge(&ctx, a),
        Command::MergeDriver(a) => super::merge_cmd::merge_driver(&ctx, a),
        Command::Split(a) => super::recovery_cmd::split(&ctx, a),
        Command::Recover(a) => super::recovery_cmd::recover(&ctx, a),
        Command::Rotate(a) => super::recovery_cmd::rotate(&ctx, a),
        Command::Kit(a) => super::recovery_cmd::kit(&ctx, a),
        Command::Doctor => super::recovery_cmd::doctor(&ctx),
        Command::Playbook(c) => super::playbook_cmd::run(&ctx, c),
        Command::Tui => open_tui(&ctx, false),
        Command::Demo => open_tui(&ctx, true),
        Command::Completions(a) => super::shell_cmd::completions(&a),
        Command::Man(a) => super::shell_cmd::man(&a),
        Command::Config(c) => super::config_cmd::run(&ctx, c),
    }
}

/// Argon2id parameters from flags, calibrating passes to about one second
/// when `--kdf-time` is not given.
pub fn kdf_params(
    memory_mib: Option<u32>,
    time: Option<u32>,
    lanes: Option<u32>,
) -> Result<KdfParams, CliError> {
    let m_kib = memory_mib
        .unwrap_or(KdfParams::DEFAULT.m_kib / 1024)
        .checked_mul(1024)
        .ok_or_else(|| CliError::input(tr!("cli-kdf-memory-too-large")))?;
    let p = lanes.unwrap_or(KdfParams::DEFAULT.p);
    let t = match time {
        Some(t) => t,
        None => calibrate_passes(m_kib, p)?,
    };
    let params = KdfParams { m_kib, t, p };
    params
        .check()
        .map_err(|e| CliError::input(tr!("cli-kdf-choose-smaller", error = e.to_string())))?;
    Ok(params)
}

/// The KDF floor for a new passphrase: below OWASP's minimum is refused
/// unless `allow_weak` (tests, old hardware); below RFC 9106's
/// recommendations is accepted with a warning on stderr.
pub fn kdf_policy(params: KdfParams, allow_weak: bool) -> Result<(), CliError> {
    match params.strength() {
        KdfStrength::BelowFloor if !allow_weak => Err(CliError::input(text::kdf_below_floor(
            params.m_kib / 1024,
            params.t,
        ))),
        KdfStrength::BelowFloor => {
            noteln!("{}", text::kdf_weak_accepted(params.m_kib / 1024, params.t));
            Ok(())
        }
        KdfStrength::BelowRecommendation => {
            noteln!(
                "{}",
                text::kdf_below_recommendation(params.m_kib / 1024, params.t)
            );
            Ok(())
        }
        KdfStrength::Recommended => Ok(()),
    }
}

fn calibrate_passes(m_kib: u32, p: u32) -> Result<u32, CliError> {
    crate::vault::crypto::calibrate_passes(m_kib, p)
        .map_err(|e| CliError::input(tr!("cli-kdf-choose-smaller", error = e.to_string())))
}

fn init(ctx: &Ctx, a: InitArgs) -> Result<(), CliError> {
    if ctx.path.exists() {
        return Err(crate::vault::VaultError::Exists {
            path: ctx.path.display().to_string(),
        }
        .into());
    }
    if let Some(out) = &a.recovery_key_out {
        if out.exists() {
            return Err(CliError::input(tr!(
                "cli-key-out-exists",
                path = out.display().to_string()
            )));
        }
    }
    let passphrase = input::new_passphrase(ctx.global.passphrase_fd, a.allow_weak_passphrase)?;
    let params = kdf_params(a.kdf_memory, a.kdf_time, a.kdf_parallelism)?;
    kdf_policy(params, a.allow_weak_kdf)?;
    let mut vault = Vault::create(&ctx.path, &passphrase, params)?;
    let key = vault.payload().keys.recovery_identity.clone();
    let recipient = vault.payload().keys.recovery_recipient.clone();
    let shown_path = ctx.path.display().to_string();
    let json_out = |extra: (&str, Value)| {
        let mut v = json!({
            "path": shown_path,
            "recovery_recipient": recipient,
            "kdf": {"memory_kib": params.m_kib, "time": params.t, "parallelism": params.p},
        });
        v[extra.0] = extra.1;
        print_json(&v)
    };
    // The recovery key is handed over before anything else is saved.
    let delivered = match &a.recovery_key_out {
        Some(out) => {
            write_private_file(out, &recovery_key_file_text(&key, &recipient, &shown_path))
        }
        None => {
            noteln!("{}", text::vault_created(&shown_path));
            noteln!("\n{}\n", text::RECOVERY_KEY_BANNER);
            if ctx.json() {
                json_out(("recovery_key", json!(key.expose())))
            } else {
                outln!("{}", key.expose())
            }
        }
    };
    if let Err(e) = delivered {
        // Nobody has the recovery key of this brand-new, empty vault: remove
        // it rather than leave a vault whose way back in was never seen.
        drop(vault);
        let removed = [ctx.path.clone(), crate::vault::store::prev_path(&ctx.path)]
            .iter()
            .filter(|p| p.exists())
            .all(|p| std::fs::remove_file(p).is_ok());
        let why = if e.is_quiet() {
            text::STDOUT_CLOSED.text()
        } else {
            e.message
        };
        return Err(CliError::input(text::recovery_key_not_shown(
            &why,
            &shown_path,
            removed,
        )));
    }
    vault.payload_mut().history.recovery_key_exported = Some(now_utc());
    vault.payload_mut().settings.armor = a.armor;
    super::merge_cmd::save(&mut vault)?;
    if let Some(out) = &a.recovery_key_out {
        let file = out.display().to_string();
        if ctx.json() {
            json_out(("recovery_key_file", json!(file)))?;
        } else {
            noteln!("{}", text::vault_created(&shown_path));
            noteln!("{}", text::recovery_key_written(&file));
        }
    }
    Ok(())
}

/// The text of a recovery-key file: age's identity-file layout, so
/// `age -d -i FILE` reads it as it is.
pub fn recovery_key_file_text(key: &SecretString, recipient: &str, vault: &str) -> SecretString {
    SecretString::new(format!(
        "# lifeboat recovery key for the vault at {vault}\n# created: {}\n# public key: {recipient}\n# Open the vault without lifeboat: age -d -i THIS_FILE {vault}\n{}\n",
        now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        key.expose()
    ))
}

/// "cannot create PATH: why", the reason in the UI language.
pub fn cannot_create(path: &Path, e: &std::io::Error) -> CliError {
    CliError::input(tr!(
        "cli-cannot-create",
        path = path.display().to_string(),
        error = crate::i18n::io_reason(e)
    ))
}

/// "writing PATH failed: why", the reason in the UI language.
fn write_failed(path: &Path, e: &std::io::Error) -> CliError {
    CliError::input(tr!(
        "cli-write-failed",
        path = path.display().to_string(),
        error = crate::i18n::io_reason(e)
    ))
}

/// [`write_private_file`] for bytes (a QR image of a secret).
pub fn write_private_bytes(path: &Path, content: &[u8]) -> Result<(), CliError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| cannot_create(path, &e))?;
    f.write_all(content)
        .and_then(|_| f.sync_all())
        .map_err(|e| write_failed(path, &e))
}

/// Writes a new file with mode 0600, refusing to overwrite, flushed to disk.
pub fn write_private_file(path: &Path, content: &SecretString) -> Result<(), CliError> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| cannot_create(path, &e))?;
    f.write_all(content.expose().as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| write_failed(path, &e))
}

fn kind_of(k: KindArg) -> ItemKind {
    match k {
        KindArg::Seed => ItemKind::Seed,
        KindArg::Key => ItemKind::Key,
        KindArg::Totp => ItemKind::Totp,
        KindArg::Codes => ItemKind::Codes,
        KindArg::Password => ItemKind::Password,
        KindArg::Note => ItemKind::Note,
    }
}

fn prompt_for(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Seed => "Seed words (hidden): ",
        ItemKind::Key => "Private key (hidden): ",
        ItemKind::Totp => "otpauth:// URI or base32 secret (hidden): ",
        ItemKind::Codes => "Recovery codes, separated by spaces (hidden): ",
        ItemKind::Password => "Password (hidden): ",
        ItemKind::Note => "Secret note (hidden): ",
    }
}

/// Turns raw secret input into a validated [`Secret`] of `kind` (see
/// [`crate::item::input::parse_secret`]), with the command line's hints,
/// then asks for a seed's BIP39 passphrase when `--with-passphrase` says so.
pub fn build_secret(kind: ItemKind, raw: &SecretString, a: &AddArgs) -> Result<Secret, CliError> {
    let opts = SecretInput {
        scheme: a.scheme.map(|s| match s {
            SchemeArg::Bip39 => SeedScheme::Bip39,
            SchemeArg::Slip39 => SeedScheme::Slip39,
            SchemeArg::Electrum => SeedScheme::Electrum,
            SchemeArg::Monero => SeedScheme::Monero,
            SchemeArg::Other => SeedScheme::Other,
        }),
        language: a.language.clone(),
        no_verify: a.no_verify,
        username: a.username.clone(),
        url: a.url.clone(),
        expand_short: a.expand_short,
    };
    let parsed = match parse_secret(kind, raw, &opts) {
        // Short forms: show the full words on the terminal (never on a
        // redirected stream) and store them only when the user agrees.
        Err(SecretInputError::ShortForms { expanded }) if input::have_tty() => {
            let shown = crate::item::seed::format_columns(expanded.expose(), 4);
            if !input::confirm(&text::confirm_short_forms(&shown))? {
                return Err(CliError::input(text::SHORT_FORMS_DECLINED));
            }
            parse_secret(
                kind,
                raw,
                &SecretInput {
                    expand_short: true,
                    ..opts
                },
            )
        }
        other => other,
    };
    let mut secret = parsed.map_err(|e| {
        let hint = match &e {
            SecretInputError::Bip39(_) => text::SEED_BIP39_HINT.text(),
            SecretInputError::Slip39(_) => text::SEED_SLIP39_HINT.text(),
            SecretInputError::Monero(_) => text::SEED_MONERO_HINT.text(),
            SecretInputError::Key(_) => text::NOTHING_STORED.text(),
            SecretInputError::ShortForms { .. } => text::SHORT_FORMS_HINT.text(),
            _ => String::new(),
        };
        CliError::input(format!("{e}{hint}"))
    })?;
    match seed_note(&secret) {
        Some(SeedNote::Electrum(k)) => {
            noteln!("{}", text::seed_is_electrum(k.as_str()));
            if k == crate::item::seed::ElectrumKind::Old {
                noteln!("{}", text::SEED_ELECTRUM_OLD);
            }
        }
        Some(SeedNote::Monero) => noteln!("{}", text::SEED_IS_MONERO),
        Some(SeedNote::AlsoElectrum(k)) => noteln!("{}", text::seed_also_electrum(k.as_str())),
        None => {}
    }
    match &mut secret {
        Secret::Key {
            format: Some(f), ..
        } if f == crate::item::keys::KeyFormat::Text.as_str() => {
            noteln!("{}", text::KEY_AS_TEXT);
        }
        Secret::Key {
            format: Some(f), ..
        } if f == crate::item::keys::KeyFormat::Bip38.as_str() => {
            noteln!("{}", text::KEY_BIP38);
        }
        Secret::Seed { passphrase, .. } if a.with_passphrase => {
            *passphrase = Some(input::prompt_hidden(&text::PROMPT_BIP39_PASSPHRASE.text())?);
        }
        Secret::Seed { passphrase, .. } if a.bip39_passphrase_fd.is_some() => {
            let fd = a.bip39_passphrase_fd.unwrap_or_default();
            *passphrase = Some(input::read_fd_line(fd)?);
        }
        _ => {}
    }
    Ok(secret)
}

/// `add --image FILE`: the text of the image's one QR code.
fn secret_from_image(path: &Path) -> Result<SecretString, CliError> {
    use std::io::Read;
    let file = std::fs::File::open(path)
        .map_err(|e| CliError::input(text::cannot_read(&path.display().to_string(), &e)))?;
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    let max = crate::interop::MAX_IMPORT_BYTES;
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::input(text::cannot_read(&path.display().to_string(), &e)))?;
    if bytes.len() > max {
        return Err(CliError::input(
            crate::interop::InteropError::TooLarge.to_string(),
        ));
    }
    crate::interop::qr_image::single_code_text(&bytes)
        .map_err(|e| CliError::input(format!("{}: {e}", path.display())))
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<(), CliError> {
    let kind = kind_of(a.kind);
    crate::item::validate_name(&a.name).map_err(|e| CliError::input(e.to_string()))?;
    if a.scheme.is_some() && kind != ItemKind::Seed {
        return Err(CliError::usage(tr!("cli-scheme-seed-only")));
    }
    if a.image.is_some() && !matches!(kind, ItemKind::Seed | ItemKind::Totp) {
        return Err(CliError::usage(text::IMAGE_SEED_TOTP_ONLY));
    }
    // Unlock before reading the secret, so a wrong passphrase costs nothing typed.
    let mut vault = ctx.open_for_update()?;
    if vault.find(&a.name).is_some() {
        return Err(CliError::input(tr!(
            "cli-name-taken",
            name = a.name.as_str()
        )));
    }
    // Typed on a terminal, a refused secret (a seed whose checksum fails,
    // a word not in the list) is asked again, three tries in all; from
    // stdin it fails at once.
    let typed = std::io::stdin().is_terminal() && a.image.is_none();
    let mut tried = 1;
    let secret = loop {
        let raw = match &a.image {
            Some(path) => secret_from_image(path)?,
            None => input::secret_from_stdin_or_prompt(prompt_for(kind))?,
        };
        match build_secret(kind, &raw, &a) {
            Ok(s) => break s,
            Err(e) if typed && tried < 3 && e.code == 1 => {
                noteln!("{}", text::secret_again(&e.message, 3 - tried));
                tried += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let mut item = Item::new(a.name.clone(), secret);
    item.account = a.account.clone();
    // `--tag "a，b"` is two tags, as in the TUI form.
    item.tags = a
        .tags
        .iter()
        .flat_map(|t| crate::item::split_tags(t))
        .collect();
    item.notes = a.note.clone();
    item.support = a.support.clone();
    vault.add_item(item)?;
    super::merge_cmd::save(&mut vault)?;
    if ctx.json() {
        print_json(&json!({"added": a.name, "kind": kind.as_str()}))
    } else {
        noteln!("{}", text::item_added(kind.as_str(), &a.name));
        Ok(())
    }
}

fn rfc3339(t: &time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The non-secret summary of an item, as `list --json` prints it. Fields
/// in alphabetical order, the order of a `serde_json::Value` object, so the
/// output is the same either way. Serialized directly, because building a
/// `Value` per item doubled the time of `list --json` at 10,000 items.
#[derive(serde::Serialize)]
pub struct ItemSummary<'a> {
    account: Option<&'a str>,
    created: String,
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    tags: Vec<&'a str>,
    updated: String,
    /// Written only as `false`, for an unverified session.
    #[serde(skip_serializing_if = "is_true")]
    verified: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

impl<'a> ItemSummary<'a> {
    /// The summary of one item.
    pub fn of(i: &'a Item) -> Self {
        ItemSummary {
            account: i.account.as_deref(),
            created: rfc3339(&i.created),
            id: &i.id,
            kind: i.kind().as_str(),
            name: &i.name,
            tags: i.tags.iter().map(String::as_str).collect(),
            updated: rfc3339(&i.updated),
            verified: true,
        }
    }

    /// The summary of one item of a read-only view (same output).
    pub fn of_head(i: &'a ItemHead<'_>) -> Self {
        ItemSummary {
            account: i.account.as_deref(),
            created: rfc3339(&i.created),
            id: &i.id,
            kind: i.kind.as_str(),
            name: &i.name,
            tags: i.tags.iter().map(|t| &**t).collect(),
            updated: rfc3339(&i.updated),
            verified: true,
        }
    }
}

/// The non-secret summary of an item as JSON.
pub fn item_summary_json(i: &Item) -> Value {
    serde_json::to_value(ItemSummary::of(i)).unwrap_or(Value::Null)
}

/// Widest name column of `list`, in terminal cells.
const LIST_NAME_CELLS: usize = 32;
/// Account column of `list`, in terminal cells.
const LIST_ACCOUNT_CELLS: usize = 20;

/// The names (lowercased) that more than one item holds; empty in the
/// usual vault, where names are unique.
fn shared_names(heads: &[ItemHead]) -> std::collections::HashSet<String> {
    use std::borrow::Cow;
    let mut seen: std::collections::HashSet<Cow<str>> =
        std::collections::HashSet::with_capacity(heads.len());
    let mut shared = std::collections::HashSet::new();
    for h in heads {
        // Most names need no lowercased copy to be compared.
        let name: &str = &h.name;
        let lower = if name
            .bytes()
            .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
        {
            Cow::Owned(name.to_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        if seen.contains(&lower) {
            shared.insert(lower.into_owned());
        } else {
            seen.insert(lower);
        }
    }
    shared
}

/// Whether `name` is one of the [`shared_names`].
fn is_shared(shared: &std::collections::HashSet<String>, name: &str) -> bool {
    !shared.is_empty() && shared.contains(&name.to_lowercase())
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<(), CliError> {
    // Read-only: a view, so 10,000 items are not built only to print names.
    let vault = ctx.open_view()?;
    let view = vault.view()?;
    warn_if_unverified(view.opened_by());
    let verified = view.is_verified();
    let kind = a.kind.map(kind_of);
    let heads = view.heads()?;
    let items: Vec<&ItemHead> = heads
        .iter()
        .filter(|i| kind.is_none_or(|k| i.kind == k))
        .filter(|i| {
            a.account.as_ref().is_none_or(|acc| {
                i.account
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(acc))
            })
        })
        .filter(|i| {
            a.tag
                .as_ref()
                .is_none_or(|t| i.tags.iter().any(|x| **x == **t))
        })
        .collect();
    if ctx.json() {
        let summaries: Vec<ItemSummary> = items
            .iter()
            .map(|i| ItemSummary {
                verified,
                ..ItemSummary::of_head(i)
            })
            .collect();
        return print_json(&summaries);
    }
    // Buffered for the same reason as `print_json`: one line per item.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if items.is_empty() {
        writeln!(out, "{}", tr!("cli-list-empty")).map_err(output_error)?;
        return Ok(());
    }
    let (h_name, h_kind, h_account, h_tags) = (
        tr!("cli-list-head-name"),
        tr!("cli-list-head-kind"),
        tr!("cli-list-head-account"),
        tr!("cli-list-head-tags"),
    );
    // A name several items hold (a merge keeps both when two copies each
    // added one) is followed by the item's id, which is what `show` and
    // the other commands then need; the whole vault counts, not only the
    // rows shown, since a lookup by name searches the whole vault.
    let shared = shared_names(&heads);
    // Columns are measured in terminal cells, so wide (CJK) names line up;
    // over-long names and accounts are cut with an ellipsis (`--json` has
    // them whole); an id after a shared name is never cut.
    let names: Vec<String> = items
        .iter()
        .map(|i| {
            if is_shared(&shared, &i.name) {
                let id = tr!("cli-list-shared-id", id = &*i.id);
                let name = textwidth::truncate(&i.name, LIST_NAME_CELLS);
                format!("{name}{id}")
            } else {
                textwidth::truncate(&i.name, LIST_NAME_CELLS).into_owned()
            }
        })
        .collect();
    let w = names
        .iter()
        .map(|n| textwidth::width(n))
        .max()
        .unwrap_or(4)
        .max(textwidth::width(&h_name));
    // The kind as a word of the language (the id in English, `--json` keeps
    // the id); the column is as wide as its widest word, at least 8 cells.
    let kind_names: Vec<(ItemKind, String)> = ItemKind::ALL
        .iter()
        .map(|k| (*k, text::kind_name(k.as_str())))
        .collect();
    let kind_w = kind_names
        .iter()
        .map(|(_, n)| textwidth::width(n))
        .chain([8, textwidth::width(&h_kind)])
        .max()
        .unwrap_or(8);
    writeln!(
        out,
        "{}  {}  {}  {h_tags}",
        textwidth::pad(&h_name, w),
        textwidth::pad(&h_kind, kind_w),
        textwidth::pad(&h_account, LIST_ACCOUNT_CELLS)
    )
    .map_err(output_error)?;
    let mut tags = String::new();
    let first_shared = items
        .iter()
        .find(|i| is_shared(&shared, &i.name))
        .map(|i| i.id.to_string());
    for (i, name) in items.into_iter().zip(&names) {
        tags.clear();
        for (n, t) in i.tags.iter().enumerate() {
            if n > 0 {
                tags.push_str(", ");
            }
            tags.push_str(t);
        }
        writeln!(
            out,
            "{}  {}  {}  {}",
            textwidth::fill(name, w),
            textwidth::pad(
                kind_names
                    .iter()
                    .find(|(k, _)| *k == i.kind)
                    .map_or(i.kind.as_str(), |(_, n)| n.as_str()),
                kind_w
            ),
            textwidth::pad(i.account.as_deref().unwrap_or("-"), LIST_ACCOUNT_CELLS),
            tags
        )
        .map_err(output_error)?;
    }
    out.flush().map_err(output_error)?;
    if let Some(id) = first_shared {
        // After the table, on stderr: the table stays one line per item.
        eprintln!("{}", tr!("cli-list-shared-note", id = id.as_str()));
    }
    Ok(())
}

/// The `secret` object of `show --json --reveal`, by kind (see CLI.md).
pub fn secret_json(i: &Item) -> Value {
    match &i.secret {
        Secret::Seed {
            words,
            scheme,
            language,
            passphrase,
        } => {
            let mut v = json!({"words": words.expose(), "scheme": scheme.as_str()});
            if let Some(l) = language {
                v["language"] = json!(l);
            }
            if let Some(p) = passphrase {
                v["passphrase"] = json!(p.expose());
            }
            v
        }
        Secret::Key { key, format } => json!({"key": key.expose(), "format": format}),
        Secret::Totp {
            secret,
            issuer,
            label,
            algorithm,
            digits,
            period,
            otp_type,
            counter,
        } => json!({
            "secret": secret.expose(),
            "issuer": issuer,
            "account": label,
            "algorithm": algorithm.as_str(),
            "digits": digits,
            "period": period,
            "type": otp_type.as_str(),
            "counter": counter,
        }),
        Secret::Codes { codes } => json!({
            "codes": codes.iter().map(|c| json!({
                "code": c.code.expose(),
                "used": c.used.as_ref().map(rfc3339),
            })).collect::<Vec<_>>()
        }),
        Secret::Password {
            username,
            password,
            url,
        } => json!({"username": username, "password": password.expose(), "url": url}),
        Secret::Note { text } => json!({"text": text.expose()}),
    }
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<(), CliError> {
    let vault = ctx.open_view()?;
    let view = vault.view()?;
    warn_if_unverified(view.opened_by());
    let item = &view.item(&a.name)?;
    if let Some(path) = &a.seedqr {
        return write_seedqr(ctx, item, path, a.compact);
    }
    if a.qr_svg.is_some() || a.qr_png.is_some() {
        return write_totp_qr(ctx, item, a.qr_svg.as_deref(), a.qr_png.as_deref());
    }
    // Terminal blocks are ANSI-coloured text for a screen: a script or a
    // file gets an image instead.
    if a.qr && (ctx.json() || !std::io::IsTerminal::is_terminal(&std::io::stdout())) {
        return Err(CliError::input(text::QR_NEEDS_TERMINAL));
    }
    if ctx.json() {
        let mut v = item_summary_json(item);
        v["verified"] = json!(view.is_verified());
        v["support"] = json!(item.support);
        v["notes"] = json!(item.notes);
        if a.reveal {
            v["secret"] = secret_json(item);
        }
        return print_json(&v);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}{}", text::label("cli-label-name"), item.name).map_err(output_error)?;
    writeln!(
        out,
        "{}{}",
        text::label("cli-label-kind"),
        text::kind_name(item.kind().as_str())
    )
    .map_err(output_error)?;
    if let Some(acc) = &item.account {
        writeln!(out, "{}{acc}", text::label("cli-label-account")).map_err(output_error)?;
    }
    if !item.tags.is_empty() {
        writeln!(
            out,
            "{}{}",
            text::label("cli-label-tags"),
            item.tags.join(", ")
        )
        .map_err(output_error)?;
    }
    if let Some(s) = &item.support {
        writeln!(out, "{}{s}", text::label("cli-label-support")).map_err(output_error)?;
    }
    if let Some(n) = &item.notes {
        writeln!(out, "{}{n}", text::label("cli-label-notes")).map_err(output_error)?;
    }
    writeln!(
        out,
        "{}{}",
        text::label("cli-label-created"),
        rfc3339(&item.created)
    )
    .map_err(output_error)?;
    writeln!(
        out,
        "{}{}",
        text::label("cli-label-updated"),
        rfc3339(&item.updated)
    )
    .map_err(output_error)?;
    show_secret_human(&mut out, item, a.reveal)?;
    if a.qr {
        let Some(uri) = crate::item::totp::to_otpauth_named(&item.secret, Some(&item.name)) else {
            return Err(CliError::input(text::QR_TOTP_ONLY));
        };
        let qr = crate::interop::qr::try_to_terminal(&uri)
            .map_err(|e| CliError::input(e.to_string()))?;
        writeln!(
            out,
            "\nScan with your authenticator app, then clear the screen:\n{qr}"
        )
        .map_err(output_error)?;
    }
    Ok(())
}

/// `show NAME --qr-svg FILE` / `--qr-png FILE`: the otpauth URI's QR code
/// as an image file (0600, never overwritten: it holds the secret).
fn write_totp_qr(
    ctx: &Ctx,
    item: &Item,
    svg: Option<&Path>,
    png: Option<&Path>,
) -> Result<(), CliError> {
    let Some(uri) = crate::item::totp::to_otpauth_named(&item.secret, Some(&item.name)) else {
        return Err(CliError::input(text::QR_TOTP_ONLY));
    };
    let matrix =
        crate::interop::qr::QrMatrix::encode(&uri).map_err(|e| CliError::input(e.to_string()))?;
    let mut written = Vec::new();
    if let Some(path) = svg {
        write_private_bytes(path, matrix.to_svg(10).as_bytes())?;
        written.push(path.display().to_string());
    }
    if let Some(path) = png {
        write_private_bytes(path, &matrix.to_png(10))?;
        written.push(path.display().to_string());
    }
    if ctx.json() {
        return print_json(&json!({"name": item.name, "qr": written}));
    }
    for w in &written {
        noteln!("{}", text::qr_written(w));
    }
    Ok(())
}

/// `show NAME --seedqr FILE`: the SeedQR of a BIP39 seed as a PNG or SVG
/// file (by its extension), mode 0600.
fn write_seedqr(ctx: &Ctx, item: &Item, path: &Path, compact: bool) -> Result<(), CliError> {
    let Secret::Seed {
        words,
        scheme: SeedScheme::Bip39,
        ..
    } = &item.secret
    else {
        return Err(CliError::input(text::SEEDQR_BIP39_ONLY));
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let matrix = crate::interop::qr::seedqr_matrix(words.expose(), compact)
        .map_err(|e| CliError::input(e.to_string()))?;
    let content = match ext.as_deref() {
        Some("png") => matrix.to_png(10),
        Some("svg") => matrix.to_svg(10).into_bytes(),
        _ => return Err(CliError::usage(text::SEEDQR_EXTENSION)),
    };
    write_private_bytes(path, &content)?;
    if ctx.json() {
        return print_json(
            &json!({"name": item.name, "seedqr": path.display().to_string(), "compact": compact}),
        );
    }
    noteln!("{}", text::qr_written(&path.display().to_string()));
    Ok(())
}

fn show_secret_human(out: &mut impl Write, item: &Item, reveal: bool) -> Result<(), CliError> {
    let masked = text::MASKED.text();
    let masked = masked.as_str();
    match &item.secret {
        Secret::Seed {
            words,
            scheme,
            passphrase,
            ..
        } => {
            let n = words.expose().split_whitespace().count();
            writeln!(
                out,
                "{}{}",
                text::label("cli-label-scheme"),
                crate::tr!("cli-show-words", scheme = scheme.as_str(), n = n)
            )
            .map_err(output_error)?;
            if reveal && *scheme == SeedScheme::Other {
                // Shown exactly as stored: case and spacing may matter.
                writeln!(out, "{}{}", text::label("cli-label-text"), words.expose())
                    .map_err(output_error)?;
                if let Some(p) = passphrase {
                    writeln!(out, "{}{}", text::label("cli-label-passphrase"), p.expose())
                        .map_err(output_error)?;
                }
            } else if reveal {
                writeln!(
                    out,
                    "{}\n{}",
                    text::label("cli-label-words").trim_end(),
                    crate::item::seed::format_columns(words.expose(), 3)
                )
                .map_err(output_error)?;
                if let Some(p) = passphrase {
                    writeln!(out, "{}{}", text::label("cli-label-passphrase"), p.expose())
                        .map_err(output_error)?;
                }
            } else {
                writeln!(out, "{}{masked}", text::label("cli-label-words"))
                    .map_err(output_error)?;
            }
        }
        Secret::Key { key, format } => {
            if let Some(f) = format {
                writeln!(out, "{}{f}", text::label("cli-label-format")).map_err(output_error)?;
            }
            let shown = if reveal { key.expose() } else { masked };
            writeln!(out, "{}{shown}", text::label("cli-label-key")).map_err(output_error)?;
        }
        Secret::Totp {
            secret,
            issuer,
            label,
            algorithm,
            digits,
            period,
            ..
        } => {
            if let Some(i) = issuer {
                writeln!(out, "{}{i}", text::label("cli-label-issuer")).map_err(output_error)?;
            }
            if let Some(l) = label {
                writeln!(out, "{}{l}", text::label("cli-label-login")).map_err(output_error)?;
            }
            writeln!(
                out,
                "{}{}",
                text::label("cli-label-params"),
                crate::tr!(
                    "cli-show-params",
                    algorithm = algorithm.as_str(),
                    digits = digits.to_string(),
                    period = period.to_string()
                )
            )
            .map_err(output_error)?;
            let now = unix_now();
            if let Ok(code) = crate::item::totp::code_at(&item.secret, now) {
                match crate::item::totp::seconds_left(&item.secret, now) {
                    Some(left) => {
                        writeln!(
                            out,
                            "{}{}",
                            text::label("cli-label-code"),
                            crate::tr!("cli-show-code-left", code = code.to_string(), left = left)
                        )
                        .map_err(output_error)?;
                    }
                    None => {
                        writeln!(out, "{}{code}", text::label("cli-label-code"))
                            .map_err(output_error)?;
                    }
                }
            }
            let shown = if reveal { secret.expose() } else { masked };
            writeln!(out, "{}{shown}", text::label("cli-label-secret")).map_err(output_error)?;
        }
        Secret::Codes { codes } => {
            let unused = codes.iter().filter(|c| c.used.is_none()).count();
            writeln!(
                out,
                "{}{}",
                text::label("cli-label-codes"),
                crate::tr!(
                    "cli-show-codes-unused",
                    unused = unused,
                    total = codes.len()
                )
            )
            .map_err(output_error)?;
            for (n, c) in codes.iter().enumerate() {
                let code = if reveal {
                    c.code.expose()
                } else {
                    "••••••••"
                };
                match &c.used {
                    Some(t) => {
                        let used = tr!("cli-code-used-at", at = rfc3339(t));
                        writeln!(out, "  {:>2}. {code}  {used}", n + 1).map_err(output_error)?;
                    }
                    None => {
                        writeln!(out, "  {:>2}. {code}", n + 1).map_err(output_error)?;
                    }
                }
            }
            if unused <= 2 {
                writeln!(out, "{}", text::low_codes(unused)).map_err(output_error)?;
            }
            if !reveal {
                writeln!(out, "{}", text::REVEAL_CODES_HINT).map_err(output_error)?;
            }
        }
        Secret::Password {
            username,
            password,
            url,
        } => {
            if let Some(u) = username {
                writeln!(out, "{}{u}", text::label("cli-label-username")).map_err(output_error)?;
            }
            if let Some(u) = url {
                writeln!(out, "{}{u}", text::label("cli-label-url")).map_err(output_error)?;
            }
            let shown = if reveal { password.expose() } else { masked };
            writeln!(out, "{}{shown}", text::label("cli-label-password")).map_err(output_error)?;
        }
        Secret::Note { text: t } => {
            let shown = if reveal { t.expose() } else { masked };
            writeln!(out, "{}{shown}", text::label("cli-label-text")).map_err(output_error)?;
        }
    }
    Ok(())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn code(ctx: &Ctx, a: CodeArgs) -> Result<(), CliError> {
    let vault = ctx.open_view()?;
    let view = vault.view()?;
    warn_if_unverified(view.opened_by());
    let item = &view.item(&a.name)?;
    if item.kind() != ItemKind::Totp {
        return Err(CliError::input(tr!(
            "cli-not-totp-item",
            name = item.name.as_str(),
            kind = item.kind().to_string()
        )));
    }
    let hotp = matches!(
        item.secret,
        Secret::Totp {
            otp_type: crate::item::OtpType::Hotp,
            ..
        }
    );
    if hotp && !a.peek {
        drop(view);
        drop(vault);
        return hotp_advance(ctx, &a.name);
    }
    let at = a.at.unwrap_or_else(unix_now);
    let digits =
        crate::item::totp::code_at(&item.secret, at).map_err(|e| CliError::input(e.to_string()))?;
    if ctx.json() {
        return print_json(&json!({
            "name": item.name,
            "code": digits,
            "seconds_left": crate::item::totp::seconds_left(&item.secret, at),
            "verified": view.is_verified(),
        }));
    }
    outln!("{digits}")?;
    Ok(())
}

/// `code NAME` for an HOTP secret: the code for the stored counter, shown
/// only after the counter moved on has been saved (save protocol), so a
/// code is never shown twice and a failed save shows none.
fn hotp_advance(ctx: &Ctx, name: &str) -> Result<(), CliError> {
    let mut vault = ctx.open_for_update()?;
    let item = vault.item_mut(name)?;
    let code =
        crate::item::totp::code_at(&item.secret, 0).map_err(|e| CliError::input(e.to_string()))?;
    let Secret::Totp { counter, .. } = &mut item.secret else {
        return Err(CliError::input(text::NOT_HOTP));
    };
    let used = *counter;
    *counter = used
        .checked_add(1)
        .ok_or_else(|| CliError::input(text::HOTP_COUNTER_END))?;
    item.updated = now_utc();
    let item_name = item.name.clone();
    vault.audit("hotp-code", Some(&item_name));
    super::merge_cmd::save(&mut vault)?;
    if ctx.json() {
        return print_json(
            &json!({"name": item_name, "code": code, "counter": used, "next_counter": used + 1}),
        );
    }
    outln!("{code}")?;
    Ok(())
}

fn codes_use(ctx: &Ctx, name: &str, code: &str) -> Result<(), CliError> {
    let mut vault = ctx.open_for_update()?;
    let item = vault.item_mut(name)?;
    let item_name = item.name.clone();
    let Secret::Codes { codes } = &mut item.secret else {
        return Err(CliError::input(tr!(
            "cli-not-codes-item",
            name = item_name.as_str()
        )));
    };
    let wanted: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_lowercase();
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_lowercase()
    };
    let Some(entry) = codes.iter_mut().find(|c| norm(c.code.expose()) == wanted) else {
        return Err(CliError::input(tr!(
            "cli-code-unknown",
            name = item_name.as_str()
        )));
    };
    if let Some(t) = entry.used {
        return Err(CliError::input(tr!("cli-code-used", at = rfc3339(&t))));
    }
    entry.used = Some(now_utc());
    let unused = codes.iter().filter(|c| c.used.is_none()).count();
    item.updated = now_utc();
    vault.audit("codes-use", Some(&item_name));
    super::merge_cmd::save(&mut vault)?;
    if ctx.json() {
        return print_json(&json!({"name": item_name, "unused": unused}));
    }
    noteln!(
        "{}",
        tr!(
            "cli-code-marked-used",
            name = item_name.as_str(),
            unused = unused
        )
    );
    if unused <= 2 {
        noteln!("{}", text::low_codes(unused));
    }
    Ok(())
}

fn rm(ctx: &Ctx, a: RmArgs) -> Result<(), CliError> {
    let mut vault = ctx.open_for_update()?;
    if !a.yes && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let item = vault.item(&a.name)?;
        if !input::confirm(&text::confirm_rm(&item.name, item.kind().as_str()))? {
            return Err(CliError::input(text::RM_CANCELLED));
        }
    }
    let item = vault.remove_item(&a.name)?;
    super::merge_cmd::save(&mut vault)?;
    if ctx.json() {
        print_json(&json!({"removed": item.name}))
    } else {
        noteln!("{}", text::item_removed(&item.name));
        Ok(())
    }
}

fn passwd(ctx: &Ctx, a: PasswdArgs) -> Result<(), CliError> {
    let mut vault = ctx.open_for_update()?;
    let new = input::new_passphrase(a.new_passphrase_fd, a.allow_weak_passphrase)?;
    let current = vault.payload().keys.passphrase.params;
    let chosen = a.kdf_memory.is_some() || a.kdf_time.is_some() || a.kdf_parallelism.is_some();
    let params = if chosen {
        kdf_params(
            a.kdf_memory.or(Some(current.m_kib / 1024)),
            a.kdf_time.or(Some(current.t)),
            a.kdf_parallelism.or(Some(current.p)),
        )?
    } else {
        current
    };
    // The floor holds for settings chosen now; the vault's own settings
    // are kept with a warning that says how to raise them.
    if chosen {
        kdf_policy(params, a.allow_weak_kdf)?;
    } else if params.strength() != KdfStrength::Recommended {
        noteln!("{}", text::kdf_kept(params.m_kib / 1024, params.t));
    }
    vault.set_passphrase(&new, params)?;
    super::merge_cmd::save(&mut vault)?;
    if ctx.json() {
        print_json(&json!({"passphrase_changed": true}))
    } else {
        noteln!("{}", tr!("cli-passphrase-changed"));
        Ok(())
    }
}

fn recipient(ctx: &Ctx, c: RecipientCommand) -> Result<(), CliError> {
    match c {
        RecipientCommand::List => {
            let vault = ctx.open()?;
            let p = vault.payload();
            if ctx.json() {
                return print_json(&json!({
                    "recovery": p.keys.recovery_recipient,
                    "extra": p.recipients.iter().map(|r| json!({"recipient": r.recipient, "added": rfc3339(&r.added)})).collect::<Vec<_>>(),
                    "verified": vault.is_verified(),
                }));
            }
            outln!(
                "{}  ({})",
                p.keys.recovery_recipient,
                tr!("cli-recipient-is-recovery-key")
            )?;
            for r in &p.recipients {
                outln!(
                    "{}  ({})",
                    r.recipient,
                    tr!("cli-recipient-added-at", at = rfc3339(&r.added))
                )?;
            }
            Ok(())
        }
        RecipientCommand::Add { recipient } => {
            let r = recipient.trim();
            if r.parse::<age::x25519::Recipient>().is_err() {
                return Err(CliError::input(if r.starts_with("age1") && r.len() > 62 {
                    tr!("cli-recipient-plugin", recipient = r)
                } else {
                    tr!("cli-recipient-bad", recipient = r)
                }));
            }
            let mut vault = ctx.open_for_update()?;
            let p = vault.payload();
            if p.keys.recovery_recipient == r || p.recipients.iter().any(|x| x.recipient == r) {
                return Err(CliError::input(tr!("cli-recipient-present")));
            }
            if p.recipients.len() >= crate::vault::format::MAX_EXTRA_RECIPIENTS {
                return Err(CliError::input(text::too_many_recipients(
                    crate::vault::format::MAX_EXTRA_RECIPIENTS,
                )));
            }
            vault.payload_mut().recipients.push(ExtraRecipient {
                recipient: r.to_owned(),
                added: now_utc(),
            });
            vault.audit("recipient-add", Some(r));
            super::merge_cmd::save(&mut vault)?;
            if ctx.json() {
                print_json(&json!({"added": r}))
            } else {
                noteln!("{}", tr!("cli-recipient-added", recipient = r));
                Ok(())
            }
        }
        RecipientCommand::Rm { recipient } => {
            let r = recipient.trim();
            let mut vault = ctx.open_for_update()?;
            if vault.payload().keys.recovery_recipient == r {
                return Err(CliError::input(tr!("cli-recipient-is-recovery")));
            }
            let before = vault.payload().recipients.len();
            vault.payload_mut().recipients.retain(|x| x.recipient != r);
            if vault.payload().recipients.len() == before {
                return Err(CliError::input(tr!("cli-recipient-absent", recipient = r)));
            }
            vault.audit("recipient-rm", Some(r));
            super::merge_cmd::save(&mut vault)?;
            if ctx.json() {
                print_json(&json!({"removed": r}))
            } else {
                noteln!("{}", tr!("cli-recipient-removed", recipient = r));
                Ok(())
            }
        }
    }
}

fn export(ctx: &Ctx, a: ExportArgs) -> Result<(), CliError> {
    use crate::interop::export as ex;
    if a.qr.is_some() && a.format != FormatArg::Gauth {
        return Err(CliError::usage(text::QR_NEEDS_GAUTH));
    }
    let vault = ctx.open()?;
    let items = &vault.payload().items;
    let mut batches = Vec::new();
    let (body, notes) = match a.format {
        FormatArg::Lifeboat => (
            crate::interop::native::export(vault.payload())
                .map_err(|e| CliError::input(e.to_string()))?,
            ex::ExportNotes::default(),
        ),
        FormatArg::Otpauth => (
            SecretString::new(crate::interop::export_otpauth(items)),
            ex::otpauth_notes(items),
        ),
        FormatArg::Aegis => ex::export_aegis(items),
        FormatArg::Gauth => {
            let (uris, notes) = ex::export_gauth(items);
            let mut text = String::new();
            for u in &uris {
                text.push_str(u.expose());
                text.push('\n');
            }
            batches = uris;
            (SecretString::new(text), notes)
        }
        #[allow(unreachable_patterns)]
        other => {
            return Err(CliError::usage(tr!(
                "cli-export-format",
                format = format!("{other:?}")
            )))
        }
    };
    noteln!("{}", text::PLAINTEXT_WARNING);
    for (name, why) in &notes.skipped {
        noteln!("{}", text::export_skipped(name, &why.to_string()));
    }
    if !notes.dropped_fields.is_empty() {
        let fields: Vec<String> = notes
            .dropped_fields
            .iter()
            .map(|f| crate::i18n::translate_english(f))
            .collect();
        noteln!(
            "{}",
            text::export_drops(&fields.join(&tr!("cli-list-separator")))
        );
    }
    if let Some(dir) = &a.qr {
        let ext = match a.qr_format {
            QrFormatArg::Png => "png",
            QrFormatArg::Svg => "svg",
        };
        std::fs::create_dir_all(dir).map_err(|e| cannot_create(dir, &e))?;
        let total = batches.len();
        for (n, uri) in batches.iter().enumerate() {
            let matrix = crate::interop::qr::QrMatrix::encode(uri.expose()).map_err(|e| {
                CliError::input(tr!(
                    "cli-qr-batch",
                    n = n + 1,
                    total = total,
                    error = e.to_string()
                ))
            })?;
            let path = dir.join(format!("gauth-{}-of-{total}.{ext}", n + 1));
            let content = match a.qr_format {
                QrFormatArg::Png => matrix.to_png(8),
                QrFormatArg::Svg => matrix.to_svg(8).into_bytes(),
            };
            write_private_bytes(&path, &content)?;
            noteln!("{}", text::qr_written(&path.display().to_string()));
        }
        if let Some(out) = &a.out {
            write_private_file(out, &body)?;
            noteln!(
                "{}",
                tr!("cli-exported-to", path = out.display().to_string())
            );
        }
        return Ok(());
    }
    match &a.out {
        Some(out) => {
            write_private_file(out, &body)?;
            noteln!(
                "{}",
                tr!("cli-exported-to", path = out.display().to_string())
            );
        }
        None => {
            super::output::out_bytes(body.expose().as_bytes())?;
        }
    }
    Ok(())
}

/// True when stdin and stdout are both terminals (a TUI can run).
fn on_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// `tui`, `demo` and a bare `lifeboat` on a terminal.
#[cfg(feature = "tui")]
fn open_tui(ctx: &Ctx, demo: bool) -> Result<(), CliError> {
    if !on_terminal() {
        return Err(CliError::usage(tr!("cli-tui-needs-terminal")));
    }
    if demo {
        return crate::tui::run_demo().map_err(tui_error);
    }
    // Shown on the main screen, so it is still there when the TUI exits.
    ctx.warn_unsafe_folder();
    let passphrase = match (ctx.global.identity.is_empty(), ctx.global.passphrase_fd) {
        (true, Some(fd)) => Some(input::read_fd_line(fd)?),
        _ => None,
    };
    crate::tui::run(crate::tui::Options {
        vault_path: ctx.path.clone(),
        identity_files: ctx.global.identity.clone(),
        passphrase,
    })
    .map_err(tui_error)
}

/// The exit code of a TUI that ended badly: its vault errors keep theirs.
#[cfg(feature = "tui")]
fn tui_error(e: crate::tui::TuiError) -> CliError {
    match e {
        crate::tui::TuiError::Vault(v) => v.into(),
        // The shell's convention for "ended by signal n".
        crate::tui::TuiError::Signal(n) => CliError {
            code: 128u8.saturating_add(n as u8),
            message: e.to_string(),
        },
        other => CliError::input(other.to_string()),
    }
}

#[cfg(not(feature = "tui"))]
fn open_tui(_ctx: &Ctx, _demo: bool) -> Result<(), CliError> {
    Err(CliError::usage(tr!("cli-no-tui-feature")))
}
