//! `import`: reading another tool's export (or lifeboat's own) into the
//! vault.
//!
//! The file is read and parsed in full before the vault is unlocked, so a
//! malformed file or a wrong export password changes nothing. The format
//! is detected from the content unless `--format` names one (and a named
//! format that clearly does not fit is refused, saying what the file looks
//! like). Duplicates are decided by [`crate::interop::dedup`].

use std::io::Read;

use serde_json::json;

use super::args::{ImportArgs, ImportFormatArg};
use super::commands::{print_json, Ctx};
use super::{input, text, CliError};
use crate::interop::detect::{self, ImportFormat};
use crate::interop::{dedup, InteropError, MAX_IMPORT_BYTES};
use crate::noteln;
use crate::secret::{SecretBytes, SecretString};

fn format_of(arg: ImportFormatArg) -> Option<ImportFormat> {
    Some(match arg {
        ImportFormatArg::Auto => return None,
        ImportFormatArg::Lifeboat => ImportFormat::Lifeboat,
        ImportFormatArg::Otpauth => ImportFormat::Otpauth,
        ImportFormatArg::Aegis => ImportFormat::Aegis,
        ImportFormatArg::Gauth => ImportFormat::Gauth,
        ImportFormatArg::TwoFas => ImportFormat::TwoFas,
        ImportFormatArg::Bitwarden => ImportFormat::Bitwarden,
        ImportFormatArg::Andotp => ImportFormat::AndOtp,
        ImportFormatArg::FreeotpPlus => ImportFormat::FreeOtpPlus,
        ImportFormatArg::Proton => ImportFormat::Proton,
        ImportFormatArg::AuthenticatorPro => ImportFormat::AuthenticatorPro,
        ImportFormatArg::KeepassxcCsv => ImportFormat::KeepassxcCsv,
        ImportFormatArg::Qr => ImportFormat::Qr,
    })
}

/// Reads the file (or stdin for `-`), refusing anything over the cap
/// before reading it all.
fn read_input(a: &ImportArgs) -> Result<SecretBytes, CliError> {
    let shown = a.file.display();
    let too_large = || CliError::input(format!("{shown}: {}", InteropError::TooLarge));
    let mut buf = Vec::new();
    if a.file.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_IMPORT_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| CliError::input(crate::tr!("cli-stdin-failed", error = e.to_string())))?;
    } else {
        let f = std::fs::File::open(&a.file).map_err(|e| {
            CliError::input(crate::tr!(
                "cli-cannot-read",
                path = shown.to_string(),
                error = crate::i18n::io_reason(&e)
            ))
        })?;
        f.take(MAX_IMPORT_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| {
                CliError::input(crate::tr!(
                    "cli-cannot-read",
                    path = shown.to_string(),
                    error = crate::i18n::io_reason(&e)
                ))
            })?;
    }
    let data = SecretBytes::new(buf);
    if data.len() > MAX_IMPORT_BYTES {
        return Err(too_large());
    }
    Ok(data)
}

fn import_error(file: &str, e: InteropError) -> CliError {
    match e {
        InteropError::WrongPassword(_) => CliError::auth(format!("{file}: {e}")),
        _ => CliError::input(format!("{file}: {e}")),
    }
}

/// `import FILE [--format F] [--import-passphrase-fd N]`.
pub fn import(ctx: &Ctx, a: ImportArgs) -> Result<(), CliError> {
    let file = a.file.display().to_string();
    let data = read_input(&a)?;
    let format = match format_of(a.format) {
        Some(forced) => {
            detect::check_forced(forced, data.expose()).map_err(|e| import_error(&file, e))?;
            forced
        }
        None => detect::detect(data.expose())
            .map(|d| d.format)
            .ok_or_else(|| import_error(&file, detect::explain_unknown(data.expose())))?,
    };
    let password = if detect::needs_password(format, data.expose()) {
        Some(export_password(format, a.import_passphrase_fd)?)
    } else {
        None
    };
    // Parse everything before unlocking: a malformed file changes nothing.
    let report = detect::import(format, data.expose(), password.as_ref())
        .map_err(|e| import_error(&file, e))?;
    drop(password);
    let rejected = report.rejected.clone();

    let mut vault = ctx.open_for_update()?;
    let plan = dedup::plan(&vault.payload().items, report);
    let mut added = Vec::new();
    for item in plan.add {
        added.push(item.name.clone());
        vault.add_item(item)?;
    }
    if !added.is_empty() {
        super::merge_cmd::save(&mut vault)?;
    }
    if ctx.json() {
        return print_json(&json!({
            "format": format.cli_name(),
            "added": added.len(),
            "added_names": added,
            "skipped": plan.skipped.len(),
            "kept_both": plan.kept_both.len(),
            "duplicates": plan.skipped.iter().map(|d| json!({"entry": d.entry.english(), "matched": d.matched.english()})).collect::<Vec<_>>(),
            "rejected": rejected.iter().map(|r| json!({"line": r.line, "place": r.place(), "reason": r.reason})).collect::<Vec<_>>(),
        }));
    }
    noteln!(
        "{}",
        text::import::summary(added.len(), plan.skipped.len(), rejected.len())
    );
    for d in &plan.skipped {
        noteln!(
            "{}",
            text::import::skipped(&d.entry.text(), &d.matched.text())
        );
    }
    for d in &plan.kept_both {
        noteln!(
            "{}",
            text::import::kept_both(
                &d.entry.text(),
                &d.matched.text(),
                d.kept_as.as_deref().unwrap_or("")
            )
        );
    }
    for r in &rejected {
        noteln!("{}", text::import::rejected(&r.place_text(), &r.reason));
    }
    // Only a file with nothing usable is an error; one whose entries are all
    // in the vault already has done its job.
    if added.is_empty() && plan.skipped.is_empty() && !rejected.is_empty() {
        return Err(CliError::input(text::import::NOTHING));
    }
    Ok(())
}

/// The export's password: from `--import-passphrase-fd`, else the terminal.
fn export_password(format: ImportFormat, fd: Option<u32>) -> Result<SecretString, CliError> {
    // "an Aegis export" asks for "the Aegis export's" password in English;
    // a translation has no article to drop.
    let described = crate::i18n::translate_english(format.describe());
    let what = if described == format.describe() {
        described
            .split_once(' ')
            .map_or(described.as_str(), |(_, rest)| rest)
            .to_owned()
    } else {
        described
    };
    if let Some(fd) = fd {
        return input::read_fd_line(fd);
    }
    if !input::have_tty() {
        return Err(CliError::usage(text::import::no_tty(&what)));
    }
    input::prompt_hidden(&text::import::prompt(&what))
}
