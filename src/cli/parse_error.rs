//! clap's own parse errors (an unknown argument, a missing or invalid
//! value, an unknown command...) in the UI language. clap writes them in
//! English; for any other language they are rebuilt here from the error's
//! context (the argument, the value, the suggestions, the usage line) with
//! the `clap-*` messages of the catalogues. English keeps clap's own
//! rendering, so English users see exactly what they always did. An error
//! kind or a context this module does not know comes back as `None`, and
//! the caller prints clap's text: never a half-translated sentence.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::tr;

fn string(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn strings(e: &clap::Error, k: ContextKind) -> Option<Vec<String>> {
    match e.get(k)? {
        ContextValue::Strings(v) => Some(v.clone()),
        ContextValue::String(s) => Some(vec![s.clone()]),
        _ => None,
    }
}

fn number(e: &clap::Error, k: ContextKind) -> Option<i64> {
    match e.get(k)? {
        ContextValue::Number(n) => i64::try_from(*n).ok(),
        _ => None,
    }
}

/// `'a', 'b'` in the catalogue's list separator.
fn quoted_list(v: &[String]) -> String {
    v.iter()
        .map(|s| tr!("clap-quoted", value = s.as_str()))
        .collect::<Vec<_>>()
        .join(&tr!("cli-list-separator"))
}

/// The first line of the message: what is wrong.
fn headline(e: &clap::Error) -> Option<String> {
    let arg = || string(e, ContextKind::InvalidArg);
    let value = || string(e, ContextKind::InvalidValue);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => tr!("clap-unknown-argument", arg = arg()?),
        ErrorKind::InvalidSubcommand => tr!(
            "clap-invalid-subcommand",
            name = string(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg()?, value()?);
            let mut s = if value.is_empty() {
                tr!("clap-value-required", arg = arg)
            } else {
                tr!("clap-invalid-value", arg = arg, value = value)
            };
            if let Some(valid) = strings(e, ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                s.push_str("\n  ");
                s.push_str(&tr!("clap-possible-values", values = valid.join(", ")));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg()?, value()?);
            match std::error::Error::source(e) {
                Some(why) => tr!(
                    "clap-invalid-value-because",
                    arg = arg,
                    value = value.as_str(),
                    reason = reason(&why.to_string(), &value)
                ),
                None => tr!("clap-invalid-value", arg = arg, value = value),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let mut s = tr!("clap-missing-required");
            for a in strings(e, ContextKind::InvalidArg)? {
                s.push_str("\n  ");
                s.push_str(&a);
            }
            s
        }
        ErrorKind::MissingSubcommand => {
            let mut s = tr!(
                "clap-missing-subcommand",
                name = string(e, ContextKind::InvalidSubcommand)?
            );
            if let Some(valid) = strings(e, ContextKind::ValidSubcommand).filter(|v| !v.is_empty())
            {
                s.push_str("\n  ");
                s.push_str(&tr!("clap-subcommands", values = valid.join(", ")));
            }
            s
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg()?;
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(p)) if *p == arg => {
                    tr!("clap-argument-repeated", arg = arg)
                }
                Some(ContextValue::String(p)) => {
                    tr!("clap-argument-conflict", arg = arg, other = p.as_str())
                }
                Some(ContextValue::Strings(v)) => {
                    tr!("clap-argument-conflict", arg = arg, other = quoted_list(v))
                }
                _ => tr!("clap-argument-conflict-any", arg = arg),
            }
        }
        ErrorKind::NoEquals => tr!("clap-no-equals", arg = arg()?),
        ErrorKind::TooManyValues => tr!("clap-too-many-values", arg = arg()?, value = value()?),
        ErrorKind::TooFewValues => tr!(
            "clap-too-few-values",
            arg = arg()?,
            min = number(e, ContextKind::MinValues)?,
            given = number(e, ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => tr!(
            "clap-wrong-number-of-values",
            arg = arg()?,
            expected = number(e, ContextKind::ExpectedNumValues)?,
            given = number(e, ContextKind::ActualNumValues)?
        ),
        ErrorKind::InvalidUtf8 => tr!("clap-invalid-utf8"),
        _ => return None,
    })
}

/// Why a value parser refused a value. Our own parsers already speak the
/// UI language; the standard ones (numbers, ranges) speak English and are
/// recognised here; anything else is shown as it came.
fn reason(why: &str, value: &str) -> String {
    if let Some(range) = why
        .strip_prefix(value)
        .and_then(|r| r.strip_prefix(" is not in "))
    {
        return tr!("clap-reason-range", value = value, range = range);
    }
    match why {
        "invalid digit found in string" | "cannot parse integer from empty string" => {
            tr!("clap-reason-not-number")
        }
        "number too large to fit in target type" | "number too small to fit in target type" => {
            tr!("clap-reason-too-large")
        }
        _ => why.to_owned(),
    }
}

/// clap's extra suggestions (`Suggested`) as sentences it builds itself;
/// `None` when one is not of a known form.
fn suggestion(s: &str) -> Option<String> {
    // "to pass 'X' as a value, use 'Y'"
    if let Some(rest) = s.strip_prefix("to pass '") {
        let (value, rest) = rest.split_once("' as a value, use '")?;
        let usage = rest.strip_suffix('\'')?;
        return Some(tr!("clap-tip-as-value", value = value, usage = usage));
    }
    // "subcommand 'X' exists; to use it, remove the '--' before it"
    if let Some(rest) = s.strip_prefix("subcommand '") {
        let name = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
        return Some(tr!("clap-tip-remove-dashes", name = name));
    }
    // "'SUB --flag' exists"
    let usage = s.strip_prefix('\'')?.strip_suffix("' exists")?;
    Some(tr!("clap-tip-exists", usage = usage))
}

/// The whole message for `e` in the current language, as clap would lay
/// it out (message, tips, usage, where to read more), or `None` to print
/// clap's own. Help and version requests are never errors here.
pub fn render(e: &clap::Error) -> Option<String> {
    let mut out = tr!("clap-error", message = headline(e)?);
    let mut tips = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "subcommand"),
        (ContextKind::SuggestedArg, "argument"),
        (ContextKind::SuggestedValue, "value"),
    ] {
        if let Some(v) = strings(e, kind) {
            let names = quoted_list(&v);
            let count = v.len();
            tips.push(match id {
                "subcommand" => tr!("clap-tip-similar-subcommand", names = names, count = count),
                "argument" => tr!("clap-tip-similar-argument", names = names, count = count),
                _ => tr!("clap-tip-similar-value", names = names, count = count),
            });
        }
    }
    if let Some(ContextValue::StyledStrs(v)) = e.get(ContextKind::Suggested) {
        for s in v {
            tips.push(suggestion(&s.to_string())?);
        }
    }
    if !tips.is_empty() {
        out.push('\n');
        for t in tips {
            out.push_str("\n  ");
            out.push_str(&t);
        }
    }
    if let Some(ContextValue::StyledStr(u)) = e.get(ContextKind::Usage) {
        let u = u.to_string();
        let u = u.trim();
        let u = u.strip_prefix("Usage:").unwrap_or(u).trim_start();
        out.push_str("\n\n");
        out.push_str(&tr!("clap-usage", usage = u));
    }
    out.push_str("\n\n");
    out.push_str(&tr!("clap-try-help", flag = "--help"));
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::scoped;
    use crate::lang::Lang;

    fn error_for(args: &[&str]) -> clap::Error {
        let mut cmd = super::super::help::command(Lang::ZhCn);
        let mut argv = vec!["lifeboat"];
        argv.extend_from_slice(args);
        cmd.try_get_matches_from_mut(argv)
            .expect_err("a parse error")
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn the_common_parse_errors_come_out_in_chinese() {
        let _z = scoped(Lang::ZhCn);
        for (args, must) in [
            (&["--bogus"][..], &["--bogus", "用法: lifeboat"][..]),
            (&["lisst"][..], &["lisst", "“list”"]),
            (&["add"][..], &["<KIND>", "<NAME>", "用法: lifeboat add"]),
            (
                &["add", "seed", "x", "--scheme", "foo"][..],
                &["foo", "bip39"],
            ),
            (
                &["add", "seed", "x", "--scheme"][..],
                &["--scheme", "bip39"],
            ),
            (&["show", "a", "b"][..], &["“b”"]),
            (&["--passphrase-fd", "x", "list"][..], &["“x”"]),
            (&["split", "--threshold", "20"][..], &["20", "1..=16"]),
            (&["--lang", "fr", "list"][..], &["fr", "en, zh-CN"]),
        ] {
            let e = error_for(args);
            let text = render(&e).unwrap_or_else(|| panic!("{args:?}: not rendered: {e}"));
            assert!(has_cjk(text.lines().next().unwrap()), "{args:?}: {text}");
            for m in must {
                assert!(text.contains(m), "{args:?} lacks {m:?}: {text}");
            }
            for english in [
                "error:",
                "Usage:",
                "For more information",
                "tip:",
                "found",
                "invalid",
            ] {
                assert!(
                    !text.contains(english),
                    "{args:?}: English {english:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn unknown_shapes_are_left_to_clap() {
        assert_eq!(suggestion("something clap says one day"), None);
        assert!(suggestion("'playbook --json' exists").is_some());
    }
}
