//! Localized messages: the Fluent catalogues under `i18n/<tag>/*.ftl`,
//! embedded in the binary, and the language they are read in.
//!
//! Every user-facing sentence lives in a catalogue; code names a message
//! by its id and hands over the values it needs ([`tr!`](crate::tr)). Plurals
//! and word order are the catalogue's business, never the caller's, so a
//! sentence is never glued together from pieces. A message missing from
//! the current language falls back to English (the tests in
//! `tests/i18n.rs` keep the catalogues in step, so that only happens in a
//! build whose catalogues are incomplete).
//!
//! The language is process-wide: the front end decides it once at start
//! ([`set_lang`]). A thread may override it for a scope ([`scoped`]), which
//! is how unit tests check both languages side by side without touching the
//! rest of the process. Ids, `--json` keys and exit codes never go through
//! here.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::lang::Lang;

/// One catalogue file: its name and its text, per language.
pub struct Catalogue {
    /// The file name under `i18n/<tag>/`.
    pub file: &'static str,
    /// English text.
    pub en: &'static str,
    /// Simplified Chinese text.
    pub zh_cn: &'static str,
}

macro_rules! catalogue {
    ($file:literal) => {
        Catalogue {
            file: $file,
            en: include_str!(concat!("../i18n/en/", $file)),
            zh_cn: include_str!(concat!("../i18n/zh-CN/", $file)),
        }
    };
}

/// Every catalogue file, in the order they are loaded.
pub const CATALOGUES: &[Catalogue] = &[
    catalogue!("cli.ftl"),
    catalogue!("help.ftl"),
    catalogue!("errors.ftl"),
    catalogue!("recovery.ftl"),
    catalogue!("playbook.ftl"),
    catalogue!("shares.ftl"),
    catalogue!("sync.ftl"),
    catalogue!("tui.ftl"),
];

impl Catalogue {
    /// The text of this file in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => self.zh_cn,
        }
    }
}

static GLOBAL: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn to_u8(l: Lang) -> u8 {
    match l {
        Lang::En => 0,
        Lang::ZhCn => 1,
    }
}

/// Sets the language of the whole process (the front end does this once,
/// before printing anything).
pub fn set_lang(lang: Lang) {
    GLOBAL.store(to_u8(lang), Ordering::Relaxed);
}

/// The language messages are read in: this thread's override, else the
/// process's.
pub fn lang() -> Lang {
    OVERRIDE
        .with(Cell::get)
        .unwrap_or(match GLOBAL.load(Ordering::Relaxed) {
            1 => Lang::ZhCn,
            _ => Lang::En,
        })
}

/// Restores the previous override when dropped (see [`scoped`]).
pub struct LangGuard {
    previous: Option<Lang>,
}

impl Drop for LangGuard {
    fn drop(&mut self) {
        OVERRIDE.with(|o| o.set(self.previous));
    }
}

/// Reads messages in `lang` on this thread until the guard is dropped.
#[must_use = "the language reverts when the guard is dropped"]
pub fn scoped(lang: Lang) -> LangGuard {
    let previous = OVERRIDE.with(|o| o.replace(Some(lang)));
    LangGuard { previous }
}

/// The environment variable that picks the language (after `--lang`).
pub const LANG_ENV: &str = "LIFEBOAT_LANG";

/// Decides the UI language: the `--lang` flag, then `$LIFEBOAT_LANG`, then
/// the config file's `language` (`auto` passes), then the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`). An unknown value in the environment
/// or the file means English, as an unknown locale does. `get` reads an
/// environment variable, so tests need not touch the process's.
pub fn choose(
    flag: Option<Lang>,
    get: impl Fn(&str) -> Option<String>,
    config: Option<&str>,
) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    if let Some(v) = get(LANG_ENV).filter(|v| !v.trim().is_empty()) {
        if !v.trim().eq_ignore_ascii_case("auto") {
            return Lang::from_tag(&v).unwrap_or(Lang::En);
        }
    }
    if let Some(v) = config.filter(|v| !v.trim().eq_ignore_ascii_case("auto")) {
        return Lang::from_tag(v).unwrap_or(Lang::En);
    }
    Lang::from_locale_env(get)
}

/// The bundle of one catalogue file. Each file is parsed on its first use
/// only: a command that prints a few messages does not pay for parsing
/// all of them (about 0.8 ms for the whole set; the catalogues refer to no
/// message or term of another file, which `tests/i18n.rs` checks).
fn build(lang: Lang, file: usize) -> FluentBundle<FluentResource> {
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks (U+2068/U+2069) around values garble terminals
    // and files; neither language here is written right to left.
    bundle.set_use_isolating(false);
    // A broken file keeps the messages it parsed; the catalogue tests fail
    // on any error, so this only matters to a broken build.
    let text = CATALOGUES[file].text(lang);
    let res = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(res);
    bundle
}

#[path = "i18n_ids.rs"]
mod ids;
use ids::defined_ids;

/// Which catalogue file defines each message id, per language, sorted by
/// id (generated from `i18n/` by `build.rs`).
mod generated_index {
    include!(concat!(env!("OUT_DIR"), "/catalogue_index.rs"));
}

/// The position in [`CATALOGUES`] of the file that defines `id` in `lang`.
fn file_of(lang: Lang, id: &str) -> Option<usize> {
    let index = match lang {
        Lang::En => generated_index::EN,
        Lang::ZhCn => generated_index::ZH_CN,
    };
    let at = index.binary_search_by(|(k, _)| (*k).cmp(id)).ok()?;
    let file = index[at].1;
    CATALOGUES.iter().position(|c| c.file == file)
}

/// The catalogue file (name under `i18n/<tag>/`) that defines message
/// `id` in `lang`, as the lookup finds it.
pub fn catalogue_of(lang: Lang, id: &str) -> Option<&'static str> {
    file_of(lang, id).map(|n| CATALOGUES[n].file)
}

/// The bundle holding message `id` in `lang`, built on first use.
fn bundle_of(lang: Lang, id: &str) -> Option<&'static FluentBundle<FluentResource>> {
    type Bundles = [OnceLock<FluentBundle<FluentResource>>; CATALOGUES.len()];
    static EN: Bundles = [const { OnceLock::new() }; CATALOGUES.len()];
    static ZH_CN: Bundles = [const { OnceLock::new() }; CATALOGUES.len()];
    let file = file_of(lang, id)?;
    let slot = match lang {
        Lang::En => &EN[file],
        Lang::ZhCn => &ZH_CN[file],
    };
    Some(slot.get_or_init(|| build(lang, file)))
}

fn format_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let b = bundle_of(lang, id)?;
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let s = b.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| s.into_owned())
}

/// The message `id` in `lang`, with `args` filled in; English when the
/// language lacks it; the id itself when no catalogue has it.
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    format_in(lang, id, args)
        .or_else(|| format_in(Lang::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// The message `id` in the current language (see [`message_in`]).
pub fn message(id: &str, args: Option<&FluentArgs>) -> String {
    message_in(lang(), id, args)
}

/// The message `id` in `lang` if that language's catalogue has it (no
/// fallback): for texts that have a default of their own elsewhere.
pub fn lookup_in(lang: Lang, id: &str) -> Option<String> {
    format_in(lang, id, None)
}

/// Translates a fixed English sentence that the sources keep as a plain
/// `&'static str` (details inside core errors, such as why a file is not
/// the format it claims): the catalogues hold it under an id starting with
/// `txt-` whose English text is exactly `english`. Sentences no catalogue
/// holds come back unchanged.
pub fn translate_english(english: &str) -> String {
    static INDEX: OnceLock<std::collections::HashMap<String, String>> = OnceLock::new();
    if lang() == Lang::En {
        return english.to_owned();
    }
    let index = INDEX.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for c in CATALOGUES {
            for id in defined_ids(c.en) {
                if id.starts_with("txt-") {
                    if let Some(text) = format_in(Lang::En, id, None) {
                        map.insert(text, id.to_owned());
                    }
                }
            }
        }
        map
    });
    match index.get(english) {
        Some(id) => message(id, None),
        None => english.to_owned(),
    }
}

/// Why an I/O operation failed, in the current language. English keeps the
/// system's own words (`No such file or directory (os error 2)`); other
/// languages get the kinds a person meets (a missing file, no permission,
/// a full disk...) from the catalogue, with the system's error number so
/// the cause can still be looked up, and anything rarer as the system says
/// it.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang() == Lang::En {
        return e.to_string();
    }
    let reason = match e.kind() {
        K::NotFound => message("io-not-found", None),
        K::PermissionDenied => message("io-permission-denied", None),
        K::AlreadyExists => message("io-already-exists", None),
        K::UnexpectedEof => message("io-unexpected-eof", None),
        K::IsADirectory => message("io-is-a-directory", None),
        K::NotADirectory => message("io-not-a-directory", None),
        K::StorageFull => message("io-storage-full", None),
        K::ReadOnlyFilesystem => message("io-read-only", None),
        K::InvalidData => message("io-invalid-data", None),
        K::DirectoryNotEmpty => message("io-directory-not-empty", None),
        // lifeboat's own reasons (`io::Error::other("...")`) are fixed
        // English sentences the catalogues hold; the system's rarer ones
        // stay as the system says them.
        _ => return translate_english(&e.to_string()),
    };
    match e.raw_os_error() {
        Some(code) => {
            let mut args = FluentArgs::new();
            args.set("reason", reason);
            args.set("code", code);
            message("io-with-code", Some(&args))
        }
        None => reason,
    }
}

/// A message without arguments, named by its catalogue id: a constant in
/// the text modules that reads as text ([`Display`](std::fmt::Display),
/// `String::from`) in the language current when it is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg(pub &'static str);

impl Msg {
    /// The text in the current language.
    pub fn text(self) -> String {
        message(self.0, None)
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, so width and alignment flags (`{:<24}`) apply as to a `str`.
        f.pad(&self.text())
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.text()
    }
}

/// Turns a value into a Fluent argument. Numbers stay numbers (so plural
/// rules apply); everything else is text.
pub trait IntoArg {
    /// The Fluent value.
    fn into_arg(self) -> FluentValue<'static>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}
impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

/// Formats a message of the catalogues in the current language:
/// `tr!("cli-item-added", kind = k, name = n)`. Argument names are the Fluent
/// variables (`{ $kind }`).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::message($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::IntoArg::into_arg($value)); )+
        $crate::i18n::message($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_format_with_plurals_and_no_isolation_marks() {
        let _g = scoped(Lang::En);
        let one = crate::tr!("cli-wrong-passphrase-again", left = 1usize);
        let two = crate::tr!("cli-wrong-passphrase-again", left = 2usize);
        assert!(one.contains("(1 try left;"), "{one}");
        assert!(two.contains("(2 tries left;"), "{two}");
        assert!(!one.contains('\u{2068}') && !one.contains('\u{2069}'));
        let _z = scoped(Lang::ZhCn);
        let zh = crate::tr!("cli-wrong-passphrase-again", left = 2usize);
        assert!(zh.contains('2') && zh.contains("次"), "{zh}");
        assert!(!zh.contains('\u{2068}'));
    }

    #[test]
    fn scoped_override_reverts() {
        let before = lang();
        {
            let _g = scoped(Lang::ZhCn);
            assert_eq!(lang(), Lang::ZhCn);
            {
                let _h = scoped(Lang::En);
                assert_eq!(lang(), Lang::En);
            }
            assert_eq!(lang(), Lang::ZhCn);
        }
        assert_eq!(lang(), before);
    }

    #[test]
    fn the_flag_beats_the_environment_beats_the_file_beats_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let all = env(&[("LIFEBOAT_LANG", "zh"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(Some(Lang::En), all, Some("zh-CN")), Lang::En);
        assert_eq!(choose(None, all, Some("en")), Lang::ZhCn);
        let locale = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(None, locale, Some("en")), Lang::En);
        assert_eq!(choose(None, locale, Some("auto")), Lang::ZhCn);
        assert_eq!(choose(None, locale, None), Lang::ZhCn);
        let auto_env = env(&[("LIFEBOAT_LANG", "auto"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(None, auto_env, None), Lang::ZhCn);
        // Unknown values mean English, never an error.
        let odd = env(&[("LIFEBOAT_LANG", "klingon"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(None, odd, None), Lang::En);
        assert_eq!(choose(None, env(&[("LANG", "fr_FR")]), None), Lang::En);
        assert_eq!(choose(None, env(&[]), None), Lang::En);
    }

    #[test]
    fn english_details_are_translated_by_their_text() {
        let _z = scoped(Lang::ZhCn);
        assert_eq!(translate_english("it is too short"), "它太短了");
        assert_eq!(translate_english("no such sentence"), "no such sentence");
        let _e = scoped(Lang::En);
        assert_eq!(translate_english("it is too short"), "it is too short");
    }

    #[test]
    fn io_errors_keep_the_system_words_in_english_and_are_translated_otherwise() {
        let e = std::io::Error::from_raw_os_error(2);
        let _e = scoped(Lang::En);
        assert_eq!(io_reason(&e), e.to_string());
        let _z = scoped(Lang::ZhCn);
        let zh = io_reason(&e);
        assert!(zh.contains("找不到") && zh.contains('2'), "{zh}");
        let eof = std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
        assert!(!io_reason(&eof).is_ascii(), "{}", io_reason(&eof));
    }

    #[test]
    fn unknown_ids_come_back_as_themselves() {
        assert_eq!(
            message_in(Lang::ZhCn, "no-such-message", None),
            "no-such-message"
        );
    }
}
