//! `lifeboat config path|show|set|unset`: the config file (see
//! [`crate::config`] and docs/config.md). `set` and `unset` edit the file
//! in place, keeping comments and other keys, and never write a value the
//! file would then refuse.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::args::ConfigCommand;
use super::commands::{print_json, Ctx};
use super::{text, CliError};
use crate::config::{self, Config, ConfigFileError, Source};
use crate::{noteln, outln};

/// Runs one `config` subcommand.
pub fn run(ctx: &Ctx, c: ConfigCommand) -> Result<(), CliError> {
    let path = config::config_path().map_err(|e| CliError::usage(e.to_string()))?;
    match c {
        ConfigCommand::Path => {
            if ctx.json() {
                print_json(&json!({"path": path.display().to_string(), "exists": path.exists()}))
            } else {
                outln!("{}", path.display())
            }
        }
        ConfigCommand::Show => show(ctx, &path),
        ConfigCommand::Set { key, value } => {
            let old = read(&path)?;
            let new = config::edit_set(&old, &path, &key, &value).map_err(CliError::input)?;
            write(&path, &new)?;
            if ctx.json() {
                print_json(&json!({"set": key, "value": value, "path": path.display().to_string()}))
            } else {
                noteln!(
                    "{}",
                    text::config_set(&key, &value, &path.display().to_string())
                );
                Ok(())
            }
        }
        ConfigCommand::Unset { key } => {
            let old = read(&path)?;
            match config::edit_unset(&old, &path, &key).map_err(CliError::input)? {
                Some(new) => write(&path, &new)?,
                None => noteln!("{}", text::config_not_set(&key)),
            }
            if ctx.json() {
                print_json(&json!({"unset": key, "path": path.display().to_string()}))
            } else {
                Ok(())
            }
        }
    }
}

/// Every setting in effect, with where it came from; a bad file is shown
/// with its error (exit 1) after the settings that apply without it.
fn show(ctx: &Ctx, path: &Path) -> Result<(), CliError> {
    let (file, problem) = match Config::load() {
        Ok(c) => (c, None),
        Err(e) => (Config::default(), Some(e)),
    };
    let (vault, vault_from) = file
        .vault_path(ctx.global.vault.as_deref())
        .map(|(p, s)| (p.display().to_string(), s))
        .unwrap_or_else(|e| (e.to_string(), Source::Default));
    let dur = |(d, s): (std::time::Duration, Source)| (config::format_duration(d), s);
    let (language, language_from) = file.language();
    let rows: Vec<(&str, String, Source)> = vec![
        ("vault", vault, vault_from),
        ("language", language, language_from),
        (
            "auto_lock",
            dur(file.auto_lock()).0,
            dur(file.auto_lock()).1,
        ),
        (
            "clipboard_clear",
            dur(file.clipboard_clear()).0,
            dur(file.clipboard_clear()).1,
        ),
        (
            "backup_dir",
            file.get("backup_dir").unwrap_or_else(|| "-".into()),
            if file.backup_dir.is_some() {
                Source::File
            } else {
                Source::Default
            },
        ),
    ];
    if ctx.json() {
        let settings: serde_json::Map<String, serde_json::Value> = rows
            .iter()
            .map(|(k, v, s)| {
                (
                    (*k).to_owned(),
                    json!({"value": if v == "-" { None } else { Some(v) }, "source": s.as_str()}),
                )
            })
            .collect();
        print_json(&json!({
            "path": path.display().to_string(),
            "exists": path.exists(),
            "settings": settings,
            "error": problem.as_ref().map(|e| e.to_string()),
        }))?;
    } else {
        let mut out = String::new();
        out.push_str(&text::config_file_line(
            &path.display().to_string(),
            path.exists(),
        ));
        out.push('\n');
        for (k, v, s) in &rows {
            let from = match s {
                Source::Flag => crate::tr!("cli-config-from-flag"),
                Source::Environment => crate::tr!("cli-config-from-environment"),
                Source::File => crate::tr!("cli-config-from-file"),
                Source::Default => crate::tr!("cli-config-from-default"),
            };
            out.push_str(&format!("{k:<16} {v}  ({from})\n"));
        }
        super::output::out(format_args!("{out}"))?;
    }
    match problem {
        Some(e) => Err(CliError::input(text::config_bad(&e.to_string()))),
        None => Ok(()),
    }
}

fn read(path: &Path) -> Result<String, CliError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(CliError::input(
            ConfigFileError::Io {
                op: "reading",
                path: path.display().to_string(),
                source,
            }
            .to_string(),
        )),
    }
}

/// Writes the file whole: a temp file beside it, flushed, then renamed
/// over it, so a crash leaves the old or the new file, never half of one.
fn write(path: &Path, text: &str) -> Result<(), CliError> {
    let fail = |source: std::io::Error| {
        CliError::input(
            ConfigFileError::Io {
                op: "writing",
                path: path.display().to_string(),
                source,
            }
            .to_string(),
        )
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp-{}", std::process::id()));
    let tmp = std::path::PathBuf::from(tmp);
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}
