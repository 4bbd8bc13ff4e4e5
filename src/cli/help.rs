//! clap's help and about texts in the UI language. The grammar in
//! [`args`](super::args) carries the English texts (doc comments); here the
//! command tree is rewritten at run time from the `help.ftl` catalogue when
//! the language is not English, including clap's own headings ("Usage",
//! "Options", "Commands"), the help and version flags, and the lists of
//! allowed and default values.
//!
//! Catalogue ids follow the tree: `help-lifeboat` is the program's about,
//! `help-lifeboat-add` the `add` command's, `help-lifeboat-add--scheme` the
//! help of its `--scheme` argument (clap's argument id after the `--`), and
//! `-after` appended to a command's id its text after the options. The
//! tests below hold the English catalogue to the doc comments, so the two
//! cannot drift apart.

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::i18n::{lookup_in, message_in};
use crate::lang::Lang;

use super::args::Cli;

/// The catalogue id of a command (`path` from the program name down) or,
/// with `arg`, of one of its arguments.
pub fn key(path: &[String], arg: Option<&str>) -> String {
    let mut k = String::from("help");
    for p in path {
        k.push('-');
        k.push_str(p);
    }
    if let Some(a) = arg {
        k.push_str("--");
        k.push_str(a);
    }
    k
}

/// The command tree with its help in `lang` (English: as written in the
/// grammar, untouched).
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut path = vec![cmd.get_name().to_owned()];
    let mut cmd = localize(cmd, &mut path, lang, true);
    cmd.build();
    localize_help_subcommands(cmd, lang)
}

/// A heading the grammar names in English, in `lang`. clap keeps headings
/// as `&'static str`; the few there are (six) are leaked once each.
fn heading(lang: Lang, english: &str) -> &'static str {
    type Cache = Vec<(Lang, String, &'static str)>;
    static CACHE: std::sync::Mutex<Cache> = std::sync::Mutex::new(Vec::new());
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, _, t)) = cache.iter().find(|(l, e, _)| *l == lang && e == english) {
        return t;
    }
    let t: &'static str = Box::leak(heading_text(lang, english).into_boxed_str());
    cache.push((lang, english.to_owned(), t));
    t
}

/// The catalogue's text for a heading (English when it has none).
fn heading_text(lang: Lang, english: &str) -> String {
    let slug: String = english
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lookup_in(lang, &format!("help-heading-{slug}")).unwrap_or_else(|| english.to_owned())
}

fn localize(mut cmd: Command, path: &mut Vec<String>, lang: Lang, root: bool) -> Command {
    let k = key(path, None);
    if let Some(t) = lookup_in(lang, &k) {
        cmd = cmd.about(t);
    }
    if let Some(t) = lookup_in(lang, &format!("{k}-after")) {
        cmd = cmd.after_help(t);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let ak = key(path, Some(&id));
        let text = lookup_in(lang, &ak);
        cmd = cmd.mut_arg(id, |a| localize_arg(a, lang, text));
    }
    // clap's own flags, with texts in `lang`.
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(root)
            .help(message_in(lang, "help-flag-help", None))
            .help_heading(heading(lang, "Options")),
    );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(message_in(lang, "help-flag-version", None))
                .help_heading(heading(lang, "Options")),
        );
    }
    cmd = cmd
        .subcommand_help_heading(heading(lang, "Commands"))
        .help_template(message_in(lang, "help-template", None));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(&name, |s| localize(s, path, lang, false));
        path.pop();
    }
    cmd
}

/// clap adds a `help` subcommand to every command that has subcommands
/// when it builds the tree; its text is set once that is done.
fn localize_help_subcommands(mut cmd: Command, lang: Lang) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand(&name, |s| {
                s.about(message_in(lang, "help-subcommand-help", None))
                    .help_template(message_in(lang, "help-template", None))
            })
        } else {
            cmd.mut_subcommand(&name, |s| localize_help_subcommands(s, lang))
        };
    }
    cmd
}

fn localize_arg(mut a: Arg, lang: Lang, text: Option<String>) -> Arg {
    let mut help = text.unwrap_or_else(|| a.get_help().map(|h| h.to_string()).unwrap_or_default());
    // clap would list allowed and default values in English; say it here.
    let values: Vec<String> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect()
    };
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    let takes_value = a.get_action().takes_values();
    if takes_value && !values.is_empty() {
        let mut args = crate::i18n::FluentArgs::new();
        args.set("values", values.join(", "));
        help.push(' ');
        help.push_str(&message_in(lang, "help-possible-values", Some(&args)));
    }
    if takes_value && !defaults.is_empty() && !a.is_hide_default_value_set() {
        let mut args = crate::i18n::FluentArgs::new();
        args.set("value", defaults.join(", "));
        help.push(' ');
        help.push_str(&message_in(lang, "help-default-value", Some(&args)));
    }
    a = a.help(help);
    if takes_value {
        a = a.hide_possible_values(true).hide_default_value(true);
    }
    let h = match a.get_help_heading() {
        Some(h) => heading(lang, h),
        None if a.is_positional() => heading(lang, "Arguments"),
        None => heading(lang, "Options"),
    };
    a.help_heading(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (path, id, English text) the grammar holds: command abouts,
    /// after-help texts and argument helps.
    fn english_texts() -> Vec<(String, String)> {
        fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
            let k = key(path, None);
            if let Some(a) = cmd.get_about() {
                out.push((k.clone(), a.to_string()));
            }
            if let Some(a) = cmd.get_after_help() {
                out.push((format!("{k}-after"), a.to_string()));
            }
            for a in cmd.get_arguments() {
                if let Some(h) = a.get_help() {
                    out.push((key(path, Some(a.get_id().as_str())), h.to_string()));
                }
                assert!(
                    a.get_long_help().is_none(),
                    "{}: long help has no catalogue id yet",
                    a.get_id()
                );
            }
            for s in cmd.get_subcommands() {
                path.push(s.get_name().to_owned());
                walk(s, path, out);
                path.pop();
            }
        }
        let cmd = Cli::command();
        let mut out = Vec::new();
        walk(&cmd, &mut vec![cmd.get_name().to_owned()], &mut out);
        out
    }

    #[test]
    fn the_english_catalogue_matches_the_grammar() {
        let mut wrong = Vec::new();
        for (id, text) in english_texts() {
            match lookup_in(Lang::En, &id) {
                Some(t) if t == text => {}
                Some(t) => wrong.push(format!("{id}: catalogue says {t:?}, grammar {text:?}")),
                None => wrong.push(format!("{id} = {text}")),
            }
        }
        assert!(
            wrong.is_empty(),
            "i18n/en/help.ftl is out of step with src/cli/args.rs:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn every_heading_has_a_catalogue_id_and_every_heading_id_a_heading() {
        fn walk(cmd: &Command, out: &mut std::collections::BTreeSet<String>) {
            for a in cmd.get_arguments() {
                if let Some(h) = a.get_help_heading() {
                    out.insert(h.to_owned());
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, out);
            }
        }
        let mut headings: std::collections::BTreeSet<String> = ["Options", "Arguments", "Commands"]
            .map(String::from)
            .into();
        walk(&Cli::command(), &mut headings);
        let slugs: Vec<String> = headings
            .iter()
            .map(|h| {
                let id = format!("help-heading-{}", h.to_ascii_lowercase().replace(' ', "-"));
                assert_eq!(
                    lookup_in(Lang::En, &id).as_deref(),
                    Some(h.as_str()),
                    "{id}"
                );
                assert!(lookup_in(Lang::ZhCn, &id).is_some(), "{id}");
                id
            })
            .collect();
        let cat = crate::i18n::CATALOGUES
            .iter()
            .find(|c| c.file == "help.ftl")
            .expect("help.ftl");
        for line in cat.en.lines() {
            if let Some((id, _)) = line.split_once(" =") {
                if id.starts_with("help-heading-") {
                    assert!(slugs.iter().any(|s| s == id), "{id} names no heading");
                }
            }
        }
    }

    #[test]
    fn every_help_id_in_the_catalogue_names_a_command_or_argument() {
        let known: std::collections::HashSet<String> =
            english_texts().into_iter().map(|(k, _)| k).collect();
        let cat = crate::i18n::CATALOGUES
            .iter()
            .find(|c| c.file == "help.ftl")
            .expect("help.ftl");
        for line in cat.en.lines() {
            let Some((id, _)) = line.split_once(" =") else {
                continue;
            };
            if !id.starts_with("help-lifeboat") {
                continue;
            }
            assert!(known.contains(id), "{id} names nothing in the grammar");
        }
    }

    #[test]
    fn chinese_help_is_chinese_and_english_is_untouched() {
        let mut zh = command(Lang::ZhCn);
        let text = zh.render_long_help().to_string();
        assert!(text.contains("用法"), "{text}");
        assert!(!text.contains("Options:"), "{text}");
        assert!(!text.contains("Print help"), "{text}");
        let mut en = command(Lang::En);
        let text = en.render_long_help().to_string();
        assert!(
            text.contains("Usage:") && text.contains("Print help"),
            "{text}"
        );
    }

    #[test]
    fn the_chinese_grammar_still_parses_what_the_english_one_does() {
        use clap::FromArgMatches;
        let zh = command(Lang::ZhCn);
        let m = zh
            .try_get_matches_from([
                "lifeboat", "add", "seed", "x", "--scheme", "other", "--json", "--tag", "a",
            ])
            .expect("parses");
        let cli = Cli::from_arg_matches(&m).expect("typed");
        assert!(cli.global.json);
    }
}
