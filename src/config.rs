//! Where things are and how they are set: the vault path, the settings
//! file and the local time zone. Neutral ground between the front ends:
//! the command line and the TUI both ask this module, and neither asks the
//! other.
//!
//! Precedence, everywhere: a flag beats the environment, the environment
//! beats the config file, the config file beats the default.
//!
//! The config file (`config.toml`, see docs/config.md) holds flat
//! `key = "value"` lines with the keys of [`KEYS`]. A file that does not
//! parse, or holds an unknown key or a bad value, is reported with its
//! line and column and what the key accepts ([`ConfigError`]); the command
//! line decides which commands go on without it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable naming the vault file.
pub const VAULT_ENV: &str = "LIFEBOAT_VAULT";
/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "LIFEBOAT_CONFIG";

/// The keys the config file may hold, in display order.
pub const KEYS: [&str; 5] = [
    "vault",
    "language",
    "auto_lock",
    "clipboard_clear",
    "backup_dir",
];

/// Languages the `language` key accepts.
pub const LANGUAGES: [&str; 3] = ["auto", "en", "zh-CN"];

/// Bounds of `auto_lock` (inclusive).
pub const AUTO_LOCK_RANGE: (Duration, Duration) =
    (Duration::from_secs(30), Duration::from_secs(8 * 3600));
/// Bounds of `clipboard_clear` (inclusive).
pub const CLIPBOARD_CLEAR_RANGE: (Duration, Duration) =
    (Duration::from_secs(5), Duration::from_secs(600));
/// Default idle time before the TUI locks.
pub const DEFAULT_AUTO_LOCK: Duration = Duration::from_secs(5 * 60);
/// Default time before a copied secret is cleared from the clipboard.
pub const DEFAULT_CLIPBOARD_CLEAR: Duration = Duration::from_secs(20);

/// Why a path could not be worked out.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// No home folder to put the default vault in.
    #[error("{}", crate::tr!("err-config-path-error-no-home"))]
    NoHome,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag.
    Flag,
    /// An environment variable.
    Environment,
    /// The config file.
    File,
    /// Built in.
    Default,
}

impl Source {
    /// A stable lowercase name (`--json`, `config show`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Environment => "environment",
            Source::File => "config file",
            Source::Default => "default",
        }
    }
}

/// What is wrong with the config file. Displays as `FILE:LINE:COLUMN: what`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::tr!("err-config-source-pub", path = path.to_string(), line = line.to_string(), column = column.to_string(), message = message.to_string()))]
pub struct ConfigError {
    /// The config file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong and what the key accepts.
    pub message: String,
}

/// Why the config file could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigFileError {
    /// The file's content is wrong.
    #[error("{0}")]
    Invalid(ConfigError),
    /// The file could not be read or written.
    #[error("{}", crate::tr!("err-config-config-file-error-io", op = crate::i18n::translate_english(op), path = path.to_string(), source = crate::i18n::io_reason(source)))]
    Io {
        /// What was being done.
        op: &'static str,
        /// The file.
        path: String,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// No folder for the config file.
    #[error("{}", crate::tr!("err-config-config-file-error-no-config-dir"))]
    NoConfigDir,
}

/// The settings of the config file (each `None` when not set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `vault`: the vault file.
    pub vault: Option<PathBuf>,
    /// `language`: `auto`, `en` or `zh-CN`.
    pub language: Option<String>,
    /// `auto_lock`: idle time before the TUI locks.
    pub auto_lock: Option<Duration>,
    /// `clipboard_clear`: time before a copied secret is cleared.
    pub clipboard_clear: Option<Duration>,
    /// `backup_dir`: where `backup` writes when given no folder.
    pub backup_dir: Option<PathBuf>,
}

/// The config file's path: `$LIFEBOAT_CONFIG`, else `config.toml` in the
/// lifeboat config folder.
pub fn config_path() -> Result<PathBuf, ConfigFileError> {
    if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    crate::vault::store::config_dir()
        .map(|d| d.join("config.toml"))
        .ok_or(ConfigFileError::NoConfigDir)
}

impl Config {
    /// Reads the config file; a missing file is an empty config.
    pub fn load() -> Result<Config, ConfigFileError> {
        let path = config_path()?;
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path).map_err(ConfigFileError::Invalid),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigFileError::Io {
                op: "reading",
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Parses the text of a config file (`path` only names it in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut c = Config::default();
        for (key, (value, span)) in entries(text, path)? {
            let at = |message: String| located(text, path, span.start, message);
            let Value::String(v) = value else {
                return Err(at(format!(
                    "`{key}` must be a quoted string; {}",
                    allowed(&key)
                )));
            };
            c.set_checked(&key, &v).map_err(at)?;
        }
        Ok(c)
    }

    /// Sets one key from its text form, checking it (the message says
    /// what the key accepts).
    pub fn set_checked(&mut self, key: &str, value: &str) -> Result<(), String> {
        let bad = |why: &str| {
            crate::tr!(
                "cfg-bad-value",
                key = key,
                value = value,
                why = crate::i18n::translate_english(why),
                allowed = allowed(key)
            )
        };
        match key {
            "vault" => self.vault = Some(parse_path(value).map_err(&bad)?),
            "backup_dir" => self.backup_dir = Some(parse_path(value).map_err(&bad)?),
            "language" => {
                if !LANGUAGES.contains(&value) {
                    return Err(bad("not a known language"));
                }
                self.language = Some(value.to_owned());
            }
            "auto_lock" => {
                self.auto_lock = Some(parse_bounded(value, AUTO_LOCK_RANGE).map_err(|w| bad(&w))?)
            }
            "clipboard_clear" => {
                self.clipboard_clear =
                    Some(parse_bounded(value, CLIPBOARD_CLEAR_RANGE).map_err(|w| bad(&w))?)
            }
            _ => return Err(unknown_key(key)),
        }
        Ok(())
    }

    /// The vault file and where it came from: `flag`, `$LIFEBOAT_VAULT`,
    /// the config file, the default.
    pub fn vault_path(&self, flag: Option<&Path>) -> Result<(PathBuf, Source), PathError> {
        if let Some(p) = flag {
            return Ok((p.to_path_buf(), Source::Flag));
        }
        if let Some(p) = std::env::var_os(VAULT_ENV).filter(|p| !p.is_empty()) {
            return Ok((PathBuf::from(p), Source::Environment));
        }
        if let Some(p) = &self.vault {
            return Ok((p.clone(), Source::File));
        }
        crate::vault::default_vault_path()
            .map(|p| (p, Source::Default))
            .ok_or(PathError::NoHome)
    }

    /// Idle time before the TUI locks (the file's, else the default).
    pub fn auto_lock(&self) -> (Duration, Source) {
        or_default(self.auto_lock, DEFAULT_AUTO_LOCK)
    }

    /// Time before a copied secret is cleared (the file's, else the default).
    pub fn clipboard_clear(&self) -> (Duration, Source) {
        or_default(self.clipboard_clear, DEFAULT_CLIPBOARD_CLEAR)
    }

    /// The language setting (the file's, else `auto`). `--lang` and
    /// `$LIFEBOAT_LANG` come before it, the locale after it.
    pub fn language(&self) -> (String, Source) {
        match &self.language {
            Some(l) => (l.clone(), Source::File),
            None => ("auto".to_owned(), Source::Default),
        }
    }

    /// The value of `key` as the file would spell it, if set.
    pub fn get(&self, key: &str) -> Option<String> {
        match key {
            "vault" => self.vault.as_ref().map(|p| p.display().to_string()),
            "backup_dir" => self.backup_dir.as_ref().map(|p| p.display().to_string()),
            "language" => self.language.clone(),
            "auto_lock" => self.auto_lock.map(format_duration),
            "clipboard_clear" => self.clipboard_clear.map(format_duration),
            _ => None,
        }
    }
}

fn or_default(v: Option<Duration>, d: Duration) -> (Duration, Source) {
    match v {
        Some(v) => (v, Source::File),
        None => (d, Source::Default),
    }
}

/// What `key` accepts, for error messages.
pub fn allowed(key: &str) -> String {
    let secs = |key: &str, r: (Duration, Duration)| {
        crate::tr!(
            "cfg-allowed-duration",
            key = key,
            min = format_duration(r.0),
            max = format_duration(r.1)
        )
    };
    match key {
        "vault" => crate::tr!("cfg-allowed-vault"),
        "backup_dir" => crate::tr!("cfg-allowed-backup-dir"),
        "language" => crate::tr!("cfg-allowed-language", values = LANGUAGES.join(", ")),
        "auto_lock" => secs(key, AUTO_LOCK_RANGE),
        "clipboard_clear" => secs(key, CLIPBOARD_CLEAR_RANGE),
        _ => crate::tr!("cfg-allowed-keys", keys = KEYS.join(", ")),
    }
}

fn unknown_key(key: &str) -> String {
    crate::tr!("cfg-unknown-key", key = key, keys = KEYS.join(", "))
}

fn parse_path(v: &str) -> Result<PathBuf, &'static str> {
    let v = v.trim();
    if v.is_empty() {
        return Err("it is empty");
    }
    let p = match v.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .ok_or("no home folder to expand ~ in")?
            .home_dir()
            .join(rest),
        None => PathBuf::from(v),
    };
    if !p.is_absolute() {
        return Err("it is not an absolute path");
    }
    Ok(p)
}

/// Parses `90s`, `5m`, `1h` (or a bare number of seconds).
pub fn parse_duration(v: &str) -> Option<Duration> {
    let v = v.trim();
    let (num, unit) = match v.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => v.split_at(i),
        None => (v, "s"),
    };
    let n: u64 = num.parse().ok()?;
    let secs = match unit.trim() {
        "s" => n,
        "m" => n.checked_mul(60)?,
        "h" => n.checked_mul(3600)?,
        _ => return None,
    };
    Some(Duration::from_secs(secs))
}

fn parse_bounded(v: &str, (lo, hi): (Duration, Duration)) -> Result<Duration, String> {
    let d = parse_duration(v).ok_or_else(|| "not a duration".to_owned())?;
    if d < lo || d > hi {
        return Err("out of range".into());
    }
    Ok(d)
}

/// `90s`, `5m`, `2h`: the shortest exact spelling.
pub fn format_duration(d: Duration) -> String {
    let s = d.as_secs();
    if s.is_multiple_of(3600) && s > 0 {
        format!("{}h", s / 3600)
    } else if s.is_multiple_of(60) && s > 0 {
        format!("{}m", s / 60)
    } else {
        format!("{s}s")
    }
}

use toml::Value;

/// The file's `key = value` entries with the span of each whole entry's
/// value, checked against [`KEYS`].
fn entries(
    text: &str,
    path: &Path,
) -> Result<BTreeMap<String, (Value, std::ops::Range<usize>)>, ConfigError> {
    let table: BTreeMap<toml::Spanned<String>, toml::Spanned<Value>> = toml::from_str(text)
        .map_err(|e: toml::de::Error| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            located(
                text,
                path,
                at,
                crate::tr!("cfg-not-toml-hint", detail = toml_detail(&e)),
            )
        })?;
    let mut out = BTreeMap::new();
    for (k, v) in table {
        let key = k.get_ref().clone();
        if !KEYS.contains(&key.as_str()) {
            return Err(located(text, path, k.span().start, unknown_key(&key)));
        }
        let span = v.span();
        out.insert(key, (v.into_inner(), span));
    }
    Ok(out)
}

/// What the TOML parser found wrong: its own words in English; other
/// languages say it is a syntax error (the position comes with it).
fn toml_detail(e: &toml::de::Error) -> String {
    if crate::i18n::lang() == crate::lang::Lang::En {
        e.message().trim().to_owned()
    } else {
        crate::tr!("cfg-toml-syntax")
    }
}

/// The spans of each top-level key's whole line range (key start to the
/// end of the value), for editing the file in place.
fn key_spans(
    text: &str,
    path: &Path,
) -> Result<Vec<(String, std::ops::Range<usize>)>, ConfigError> {
    let table: BTreeMap<toml::Spanned<String>, toml::Spanned<Value>> = toml::from_str(text)
        .map_err(|e: toml::de::Error| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            located(
                text,
                path,
                at,
                crate::tr!("cfg-not-toml", detail = toml_detail(&e)),
            )
        })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k.get_ref().clone(), k.span().start..v.span().end))
        .collect())
}

fn located(text: &str, path: &Path, offset: usize, message: String) -> ConfigError {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count() + 1)
        .unwrap_or(1);
    ConfigError {
        path: path.display().to_string(),
        line,
        column,
        message,
    }
}

/// The text of the config file after setting `key` to `value` (checked
/// first); other lines and comments are kept.
pub fn edit_set(text: &str, path: &Path, key: &str, value: &str) -> Result<String, String> {
    Config::default().set_checked(key, value)?;
    Config::parse(text, path).map_err(|e| e.to_string())?;
    let spans = key_spans(text, path).map_err(|e| e.to_string())?;
    let line = format!("{key} = {}", Value::String(value.to_owned()));
    Ok(match spans.iter().find(|(k, _)| k == key) {
        Some((_, r)) => format!("{}{}{}", &text[..r.start], line, &text[r.end..]),
        None => {
            let sep = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            format!("{text}{sep}{line}\n")
        }
    })
}

/// The text of the config file without `key` (its whole line); `None`
/// when the key was not set.
pub fn edit_unset(text: &str, path: &Path, key: &str) -> Result<Option<String>, String> {
    if !KEYS.contains(&key) {
        return Err(unknown_key(key));
    }
    let spans = key_spans(text, path).map_err(|e| e.to_string())?;
    let Some((_, r)) = spans.iter().find(|(k, _)| k == key) else {
        return Ok(None);
    };
    let start = text[..r.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = text[r.end..]
        .find('\n')
        .map(|i| r.end + i + 1)
        .unwrap_or(text.len());
    Ok(Some(format!("{}{}", &text[..start], &text[end..])))
}

/// The local time zone's offset from UTC now, as the platform reports it;
/// UTC when it cannot be read (reports then say UTC).
pub fn local_offset() -> time::UtcOffset {
    time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("/c/config.toml")
    }

    #[test]
    fn a_good_file_parses() {
        let c = Config::parse(
            "# mine\nvault = \"/v/vault.age\"\nlanguage = \"zh-CN\"\nauto_lock = \"90s\"\nclipboard_clear = \"1m\"\nbackup_dir = \"/b\"\n",
            p(),
        )
        .unwrap();
        assert_eq!(c.vault, Some(PathBuf::from("/v/vault.age")));
        assert_eq!(c.language.as_deref(), Some("zh-CN"));
        assert_eq!(c.auto_lock, Some(Duration::from_secs(90)));
        assert_eq!(c.clipboard_clear, Some(Duration::from_secs(60)));
        assert_eq!(c.backup_dir, Some(PathBuf::from("/b")));
        assert_eq!(c.auto_lock().1, Source::File);
        assert_eq!(
            Config::default().auto_lock(),
            (DEFAULT_AUTO_LOCK, Source::Default)
        );
    }

    #[test]
    fn errors_name_line_column_and_what_is_allowed() {
        let e = Config::parse("vault = \"/v\"\n  language = \"fr\"\n", p()).unwrap_err();
        assert_eq!((e.line, e.column), (2, 14), "{e}");
        assert!(e.message.contains("auto, en, zh-CN"), "{e}");
        assert!(e.to_string().starts_with("/c/config.toml:2:14: "), "{e}");
        let e = Config::parse("\ncolour = \"red\"\n", p()).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown key `colour`") && e.message.contains("backup_dir"));
        let e = Config::parse("auto_lock = \"2s\"\n", p()).unwrap_err();
        assert!(e.message.contains("from 30s to 8h"), "{e}");
        let e = Config::parse("auto_lock = 90\n", p()).unwrap_err();
        assert!(e.message.contains("quoted string"), "{e}");
        let e = Config::parse("vault = \"relative/v.age\"\n", p()).unwrap_err();
        assert!(e.message.contains("absolute"), "{e}");
        let e = Config::parse("vault = \n", p()).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("not valid TOML"), "{e}");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Some(Duration::from_secs(90)));
        assert_eq!(parse_duration("5m"), Some(Duration::from_secs(300)));
        assert_eq!(parse_duration("1h"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_duration("45"), Some(Duration::from_secs(45)));
        assert_eq!(parse_duration("5 m"), Some(Duration::from_secs(300)));
        for bad in ["", "m", "5x", "-5s", "1.5m", "99999999999999999999h"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert_eq!(format_duration(Duration::from_secs(90)), "90s");
        assert_eq!(format_duration(Duration::from_secs(300)), "5m");
        assert_eq!(format_duration(Duration::from_secs(7200)), "2h");
    }

    #[test]
    fn set_and_unset_keep_the_rest_of_the_file() {
        let text = "# my settings\nlanguage = \"en\" # English\nauto_lock = \"5m\"\n";
        let t = edit_set(text, p(), "language", "zh-CN").unwrap();
        assert_eq!(
            t,
            "# my settings\nlanguage = \"zh-CN\" # English\nauto_lock = \"5m\"\n"
        );
        let t = edit_set(&t, p(), "backup_dir", "/b").unwrap();
        assert!(
            t.ends_with("auto_lock = \"5m\"\nbackup_dir = \"/b\"\n"),
            "{t}"
        );
        assert!(edit_set(&t, p(), "language", "fr")
            .unwrap_err()
            .contains("auto, en, zh-CN"));
        assert!(edit_set(&t, p(), "colour", "red")
            .unwrap_err()
            .contains("unknown key"));
        let t = edit_unset(&t, p(), "auto_lock").unwrap().unwrap();
        assert_eq!(
            t,
            "# my settings\nlanguage = \"zh-CN\" # English\nbackup_dir = \"/b\"\n"
        );
        assert_eq!(edit_unset(&t, p(), "auto_lock").unwrap(), None);
        let c = Config::parse(&t, p()).unwrap();
        assert_eq!(c.get("language").as_deref(), Some("zh-CN"));
        assert_eq!(
            edit_set("", p(), "auto_lock", "90s").unwrap(),
            "auto_lock = \"90s\"\n"
        );
        // A path with a quote is written as a valid TOML string.
        let t = edit_set("", p(), "vault", "/a \"b\"/v.age").unwrap();
        assert_eq!(
            Config::parse(&t, p()).unwrap().vault,
            Some(PathBuf::from("/a \"b\"/v.age"))
        );
    }
}
