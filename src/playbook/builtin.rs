//! The playbooks that ship with lifeboat, embedded at build time.
//!
//! Each language has a folder `playbooks/<lang>/` holding files named after
//! the playbook id. English is complete; another language may translate any
//! subset, and each playbook it lacks (or whose translation does not keep
//! the English structure: same step ids, kinds, branches, links and waits)
//! falls back to English, so progress recorded in one language carries over.

use super::schema::Playbook;
use super::validate::parse_inner;

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

/// Translated files; add `embed!("zh-CN", "account-locked"),` lines here as
/// translations land in `playbooks/zh-CN/`.
const TRANSLATIONS: &[File<'static>] = &[];

/// The built-in playbooks in English.
pub fn builtin() -> Vec<Playbook> {
    builtin_in("en")
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
    a.id == b.id
        && a.severity == b.severity
        && a.steps.len() == b.steps.len()
        && a.steps.iter().zip(&b.steps).all(|(x, y)| {
            x.id == y.id
                && x.kind == y.kind
                && x.next == y.next
                && x.end == y.end
                && x.link == y.link
                && x.wait_seconds == y.wait_seconds
                && x.commands == y.commands
                && x.contact == y.contact
                && x.warnings == y.warnings
                && x.choices.len() == y.choices.len()
                && x.choices
                    .iter()
                    .zip(&y.choices)
                    .all(|(c, d)| c.id == d.id && c.next == d.next)
        })
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
