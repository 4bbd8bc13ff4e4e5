//! The playbooks that ship with lifeboat, embedded at build time.
//!
//! Each language has a folder `playbooks/<lang>/` holding files named after
//! the playbook id. English is complete; another language may translate any
//! subset, and each playbook it lacks (or whose translation does not keep
//! the English structure: same step ids, kinds, branches, links and waits)
//! falls back to English, so progress recorded in one language carries over.

use super::schema::Playbook;
use super::validate::parse_inner;
use crate::lang::Lang;

/// The ids of the built-in playbooks, in the order they are listed.
pub const BUILTIN_IDS: [&str; 13] = [
    "account-locked",
    "fund-loss",
    "login-failure",
    "transaction-failed",
    "withdrawal-failed",
    "lost-2fa-device",
    "sim-swap",
    "email-takeover",
    "asked-for-secrets",
    "feature-broken",
    "app-update-safely",
    "security-checkup",
    "backup-drill",
];

/// A built-in file: language, playbook id, text.
type File<'a> = (&'a str, &'a str, &'a str);

macro_rules! embed {
    ($lang:literal, $id:literal) => {
        (
            $lang,
            $id,
            include_str!(concat!("../../playbooks/", $lang, "/", $id, ".toml")),
        )
    };
}

const ENGLISH: [File<'static>; 13] = [
    embed!("en", "account-locked"),
    embed!("en", "fund-loss"),
    embed!("en", "login-failure"),
    embed!("en", "transaction-failed"),
    embed!("en", "withdrawal-failed"),
    embed!("en", "lost-2fa-device"),
    embed!("en", "sim-swap"),
    embed!("en", "email-takeover"),
    embed!("en", "asked-for-secrets"),
    embed!("en", "feature-broken"),
    embed!("en", "app-update-safely"),
    embed!("en", "security-checkup"),
    embed!("en", "backup-drill"),
];

/// Translated files, one line per file in `playbooks/<lang>/`. A test
/// (tests/playbook_zh.rs) fails when a file there is not listed here or
/// does not keep the English structure.
const TRANSLATIONS: &[File<'static>] = &[
    embed!("zh-CN", "account-locked"),
    embed!("zh-CN", "fund-loss"),
    embed!("zh-CN", "login-failure"),
    embed!("zh-CN", "transaction-failed"),
    embed!("zh-CN", "withdrawal-failed"),
    embed!("zh-CN", "lost-2fa-device"),
    embed!("zh-CN", "sim-swap"),
    embed!("zh-CN", "email-takeover"),
    embed!("zh-CN", "asked-for-secrets"),
    embed!("zh-CN", "feature-broken"),
    embed!("zh-CN", "app-update-safely"),
    embed!("zh-CN", "security-checkup"),
    embed!("zh-CN", "backup-drill"),
];

/// The built-in playbooks in English.
pub fn builtin() -> Vec<Playbook> {
    builtin_in("en")
}

/// The built-in playbooks in `lang`, in [`BUILTIN_IDS`] order; each one
/// without a usable translation is the English one (its `lang` says so).
pub fn all(lang: Lang) -> Vec<Playbook> {
    builtin_in(lang.tag())
}

/// One built-in playbook in `lang` (English where it is not translated),
/// or `None` for an id that is not built in.
pub fn get(id: &str, lang: Lang) -> Option<Playbook> {
    let en = ENGLISH.iter().find(|f| f.1 == id)?;
    builtin_from(lang.tag(), std::slice::from_ref(en), TRANSLATIONS)
        .into_iter()
        .next()
}

/// Whether `lang` has its own text for the built-in `id` (false for
/// English, which is the original, and for an unknown id).
pub fn is_translated(id: &str, lang: Lang) -> bool {
    lang != Lang::En && get(id, lang).is_some_and(|p| p.lang == lang.tag())
}

/// The built-in playbooks in a language, each falling back to English where
/// there is no usable translation.
pub fn builtin_in(lang: &str) -> Vec<Playbook> {
    builtin_from(lang, &ENGLISH, TRANSLATIONS)
}

fn parse_file(f: &File<'_>) -> Option<Playbook> {
    let origin = format!("builtin:{}/{}.toml", f.0, f.1);
    // The built-ins are checked by the test suite; a broken one is skipped
    // here rather than taking the whole program down.
    parse_inner(f.2, &origin, true).ok()
}

pub(crate) fn builtin_from(
    lang: &str,
    english: &[File<'_>],
    translations: &[File<'_>],
) -> Vec<Playbook> {
    english
        .iter()
        .filter_map(|en| {
            let base = parse_file(en)?;
            let translated = translations
                .iter()
                .filter(|t| t.0.eq_ignore_ascii_case(lang) && t.1 == en.1)
                .find_map(parse_file)
                .filter(|t| same_shape(&base, t));
            Some(translated.unwrap_or(base))
        })
        .collect()
}

/// Whether a translation keeps everything but the words: same ids, kinds,
/// routing, links and waits.
pub(crate) fn same_shape(a: &Playbook, b: &Playbook) -> bool {
    shape_difference(a, b).is_none()
}

/// The first thing a translation `b` changes in the structure of the
/// original `a`, described for the translator (`None`: only words differ).
/// Everything a stored run or the safety rules rely on must stay: ids,
/// kinds, routing (`next`, `end`, choice ids and targets), links, waits,
/// commands, `contact` and the standard warnings.
pub fn shape_difference(a: &Playbook, b: &Playbook) -> Option<String> {
    if a.id != b.id {
        return Some(crate::tr!("pb-shape-id", id = &b.id, original = &a.id));
    }
    if a.severity != b.severity {
        return Some(crate::tr!(
            "pb-shape-severity",
            severity = b.severity.as_str(),
            original = a.severity.as_str()
        ));
    }
    if a.steps.len() != b.steps.len() {
        return Some(crate::tr!(
            "pb-shape-steps",
            n = b.steps.len(),
            original = a.steps.len()
        ));
    }
    for (n, (x, y)) in a.steps.iter().zip(&b.steps).enumerate() {
        let at = crate::tr!("pb-shape-step", n = n + 1, id = &x.id);
        // `key` is a key of the file, the same in every language.
        let differs = |key: &str| Some(crate::tr!("pb-shape-differs", at = &at, key = key));
        if x.id != y.id {
            return Some(crate::tr!("pb-shape-step-id", at = &at, id = &y.id));
        }
        if x.kind != y.kind {
            return Some(crate::tr!(
                "pb-shape-kind",
                at = &at,
                kind = y.kind.to_string(),
                original = x.kind.to_string()
            ));
        }
        if x.next != y.next || x.end != y.end {
            return Some(crate::tr!("pb-shape-next-or-end", at = &at));
        }
        if x.link != y.link {
            return differs("link");
        }
        if x.wait_seconds != y.wait_seconds {
            return differs("wait");
        }
        if x.commands != y.commands {
            return differs("commands");
        }
        if x.contact != y.contact {
            return differs("contact");
        }
        if x.warnings != y.warnings {
            return differs("warnings");
        }
        if x.choices.len() != y.choices.len()
            || x.choices
                .iter()
                .zip(&y.choices)
                .any(|(c, d)| c.id != d.id || c.next != d.next)
        {
            return Some(crate::tr!("pb-shape-choices", at = &at));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = r#"
id = "demo"
title = "Demo"
summary = "s"
severity = "low"
[[steps]]
id = "one"
kind = "check"
title = "One"
"#;

    #[test]
    fn translation_used_when_shape_matches_else_english() {
        let zh_ok = format!(
            "lang = \"zh-CN\"\n{}",
            EN.replace("title = \"One\"", "title = \"第一步\"")
        );
        let zh_bad = zh_ok.replace("id = \"one\"", "id = \"uno\"");
        let en: [File<'_>; 1] = [("en", "demo", EN)];
        let good = [("zh-CN", "demo", zh_ok.as_str())];
        let pbs = builtin_from("zh-CN", &en, &good);
        assert_eq!(pbs[0].steps[0].title, "第一步");
        assert_eq!(pbs[0].lang, "zh-CN");
        let bad = [("zh-CN", "demo", zh_bad.as_str())];
        let pbs = builtin_from("zh-CN", &en, &bad);
        assert_eq!(pbs[0].steps[0].title, "One");
        let pbs = builtin_from("fr", &en, &good);
        assert_eq!(pbs[0].lang, "en");
    }

    #[test]
    fn a_translation_must_keep_contact_steps_and_standard_warnings() {
        let en_contact = EN.replace("title = \"One\"", "title = \"One\"\ncontact = true");
        let en: [File<'_>; 1] = [("en", "demo", en_contact.as_str())];
        let zh = |extra: &str| {
            format!(
                "lang = \"zh-CN\"\n{}",
                EN.replace("title = \"One\"", &format!("title = \"第一步\"{extra}"))
            )
        };
        let kept = zh("\ncontact = true");
        let pbs = builtin_from("zh-CN", &en, &[("zh-CN", "demo", kept.as_str())]);
        assert_eq!(pbs[0].lang, "zh-CN");
        // Dropping the contact flag (and so the fake-support warning), or
        // adding a warning, is a change of structure: English is shown.
        for bad in ["", "\ncontact = true\nwarnings = [\"recovery-scam\"]"] {
            let t = zh(bad);
            let pbs = builtin_from("zh-CN", &en, &[("zh-CN", "demo", t.as_str())]);
            assert_eq!(pbs[0].lang, "en", "{bad:?}");
            assert!(pbs[0].steps[0].contact);
        }
    }
}
