//! The user-interface language: which languages lifeboat speaks and how a
//! language tag or a POSIX locale names one. Everything that picks text by
//! language (the Fluent messages, the built-in playbooks, the report and
//! the kit) takes a [`Lang`]; ids, `--json` keys and exit codes never
//! depend on it.

/// A language lifeboat has every string and every playbook in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the fallback for anything unknown.
    #[default]
    En,
    /// Simplified Chinese (zh-CN).
    ZhCn,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `en` or `zh-CN` (also the folder name under
    /// `playbooks/` and the `.ftl` folder).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Reads a language tag as a user writes it (`--lang`, `$LIFEBOAT_LANG`,
    /// the config file): `en`, `en-US`, `zh`, `zh-CN`, `zh_CN`, `zh-Hans`,
    /// `zh-SG` and the like, in any case. Traditional Chinese (`zh-TW`,
    /// `zh-HK`, `zh-Hant`) is not Simplified and is not matched. `None` for
    /// anything else (the caller decides whether that is an error or a
    /// fall back to English).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = t.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo"));
                let simplified = rest.iter().any(|p| matches!(*p, "hans" | "cn" | "sg"));
                if traditional && !simplified {
                    None
                } else {
                    Some(Lang::ZhCn)
                }
            }
            _ => None,
        }
    }

    /// Reads a POSIX locale value (`zh_CN.UTF-8`, `en_US.utf8@euro`, `C`).
    /// `C` and `POSIX` are English; an empty value is no answer.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        // The language part ends at the codeset or the modifier.
        let base = v.split(['.', '@']).next().unwrap_or(v);
        if base == "C" || base == "POSIX" {
            return Some(Lang::En);
        }
        Lang::from_tag(base)
    }

    /// The language from the locale variables, in POSIX order: the first
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides
    /// (an unknown language there means English). `get` reads a variable,
    /// so tests need not touch the process environment.
    pub fn from_locale_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = get(var).filter(|v| !v.trim().is_empty()) {
                return Lang::from_locale(&v).unwrap_or(Lang::En);
            }
        }
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_people_write_map_to_the_two_languages() {
        for t in [
            "zh",
            "zh-CN",
            "zh_CN",
            "zh-Hans",
            "zh_SG",
            "ZH-cn",
            "zh-Hans-CN",
        ] {
            assert_eq!(Lang::from_tag(t), Some(Lang::ZhCn), "{t}");
        }
        for t in ["en", "en-US", "en_GB", "EN"] {
            assert_eq!(Lang::from_tag(t), Some(Lang::En), "{t}");
        }
        for t in ["fr", "", "zh-TW", "zh-Hant", "zh_HK", "de-DE"] {
            assert_eq!(Lang::from_tag(t), None, "{t}");
        }
    }

    #[test]
    fn locales_follow_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_env(env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::ZhCn
        );
        assert_eq!(
            Lang::from_locale_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_SG.utf8"),
                ("LANG", "en_US")
            ])),
            Lang::ZhCn
        );
        assert_eq!(
            Lang::from_locale_env(env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_locale_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale("zh_CN.GB18030@x"), Some(Lang::ZhCn));
    }

    #[test]
    fn tags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
    }
}
