//! Every fixed piece of text the playbook views and reports print.
//!
//! Playbook text lives in the playbook files; the words around it (headings,
//! state labels, the standard warnings, the support checklist) live in the
//! `pb-*` messages of the `playbook.ftl` catalogues. They are read in the
//! playbook's own language, not the interface's: a report follows the
//! playbook it is about. [`for_lang`] reads them once per language.

use std::sync::OnceLock;

use super::schema::Severity;
use super::STANDARD_WARNINGS;
use crate::i18n::message_in;
use crate::lang::Lang;

/// The fixed words of the views and the report, in one language.
#[derive(Debug)]
#[allow(missing_docs)] // Each field is named after the text it holds.
pub struct Strings {
    pub lang: &'static str,
    pub severity: String,
    pub when_to_use: String,
    pub progress: String,
    pub steps_done: String,
    pub steps_word: String,
    pub of: String,
    pub next: String,
    pub complete: String,
    pub not_started: String,
    pub account: String,
    pub do_not: String,
    pub why: String,
    pub run: String,
    pub note: String,
    pub answered: String,
    pub choices: String,
    pub wait_for: String,
    pub wait_ends: String,
    pub wait_hint: String,
    pub items: String,
    pub no_items: String,
    pub unused_codes: String,
    pub decision_hint: String,
    pub note_hint: String,
    pub user_playbook: String,
    pub not_applicable: String,
    pub report_title: String,
    pub incident_summary: String,
    pub playbook: String,
    pub started: String,
    pub finished: String,
    pub still_open: String,
    pub report_written: String,
    pub what_happened: String,
    pub no_notes: String,
    pub timeline: String,
    pub decisions: String,
    pub no_decisions: String,
    pub items_involved: String,
    pub contacts: String,
    pub no_contacts: String,
    pub username: String,
    pub items_note: String,
    pub no_items_involved: String,
    pub open_steps: String,
    pub no_open_steps: String,
    pub support_asks: String,
    pub ev_started: String,
    pub ev_checked: String,
    pub ev_unchecked: String,
    pub ev_answered: String,
    pub ev_noted: String,
    pub ev_wait_started: String,
    pub ev_account: String,
    pub ev_finished: String,
    pub ev_reopened: String,
    pub ev_archived: String,
    pub ev_not_applicable: String,
    pub steps_gone: String,
    pub list_header: [String; 4],
    pub timeline_header: [String; 3],
    /// The text of each standard warning, by id (see `STANDARD_WARNINGS`).
    pub standard_warnings: Vec<(&'static str, String)>,
    /// What support will ask for, one line each.
    pub support_guidance: Vec<String>,
    /// The names of the severities, mildest first (`Severity::ALL`).
    pub severities: [String; 4],
}

/// How many lines the support checklist has (`pb-support-guidance-N`).
const SUPPORT_GUIDANCE_LINES: usize = 6;

impl Strings {
    fn load(lang: Lang) -> Strings {
        let warning = |id: &str| match id {
            "fake-support" => message_in(lang, "pb-warning-fake-support", None),
            "recovery-scam" => message_in(lang, "pb-warning-recovery-scam", None),
            "seed-request" => message_in(lang, "pb-warning-seed-request", None),
            // A standard warning without a text: the test below fails.
            _ => String::new(),
        };
        Strings {
            lang: lang.tag(),
            severity: message_in(lang, "pb-severity", None),
            when_to_use: message_in(lang, "pb-when-to-use", None),
            progress: message_in(lang, "pb-progress", None),
            steps_done: message_in(lang, "pb-steps-done", None),
            steps_word: message_in(lang, "pb-steps-word", None),
            of: message_in(lang, "pb-of", None),
            next: message_in(lang, "pb-next", None),
            complete: message_in(lang, "pb-complete", None),
            not_started: message_in(lang, "pb-not-started", None),
            account: message_in(lang, "pb-account", None),
            do_not: message_in(lang, "pb-do-not", None),
            why: message_in(lang, "pb-why", None),
            run: message_in(lang, "pb-run", None),
            note: message_in(lang, "pb-note", None),
            answered: message_in(lang, "pb-answered", None),
            choices: message_in(lang, "pb-choices", None),
            wait_for: message_in(lang, "pb-wait-for", None),
            wait_ends: message_in(lang, "pb-wait-ends", None),
            wait_hint: message_in(lang, "pb-wait-hint", None),
            items: message_in(lang, "pb-items", None),
            no_items: message_in(lang, "pb-no-items", None),
            unused_codes: message_in(lang, "pb-unused-codes", None),
            decision_hint: message_in(lang, "pb-decision-hint", None),
            note_hint: message_in(lang, "pb-note-hint", None),
            user_playbook: message_in(lang, "pb-user-playbook", None),
            not_applicable: message_in(lang, "pb-not-applicable", None),
            report_title: message_in(lang, "pb-report-title", None),
            incident_summary: message_in(lang, "pb-incident-summary", None),
            playbook: message_in(lang, "pb-playbook", None),
            started: message_in(lang, "pb-started", None),
            finished: message_in(lang, "pb-finished", None),
            still_open: message_in(lang, "pb-still-open", None),
            report_written: message_in(lang, "pb-report-written", None),
            what_happened: message_in(lang, "pb-what-happened", None),
            no_notes: message_in(lang, "pb-no-notes", None),
            timeline: message_in(lang, "pb-timeline", None),
            decisions: message_in(lang, "pb-decisions", None),
            no_decisions: message_in(lang, "pb-no-decisions", None),
            items_involved: message_in(lang, "pb-items-involved", None),
            contacts: message_in(lang, "pb-contacts", None),
            no_contacts: message_in(lang, "pb-no-contacts", None),
            username: message_in(lang, "pb-username", None),
            items_note: message_in(lang, "pb-items-note", None),
            no_items_involved: message_in(lang, "pb-no-items-involved", None),
            open_steps: message_in(lang, "pb-open-steps", None),
            no_open_steps: message_in(lang, "pb-no-open-steps", None),
            support_asks: message_in(lang, "pb-support-asks", None),
            ev_started: message_in(lang, "pb-ev-started", None),
            ev_checked: message_in(lang, "pb-ev-checked", None),
            ev_unchecked: message_in(lang, "pb-ev-unchecked", None),
            ev_answered: message_in(lang, "pb-ev-answered", None),
            ev_noted: message_in(lang, "pb-ev-noted", None),
            ev_wait_started: message_in(lang, "pb-ev-wait-started", None),
            ev_account: message_in(lang, "pb-ev-account", None),
            ev_finished: message_in(lang, "pb-ev-finished", None),
            ev_reopened: message_in(lang, "pb-ev-reopened", None),
            ev_archived: message_in(lang, "pb-ev-archived", None),
            ev_not_applicable: message_in(lang, "pb-ev-not-applicable", None),
            steps_gone: message_in(lang, "pb-steps-gone", None),
            list_header: [
                message_in(lang, "pb-list-head-id", None),
                message_in(lang, "pb-list-head-severity", None),
                message_in(lang, "pb-list-head-progress", None),
                message_in(lang, "pb-list-head-title", None),
            ],
            timeline_header: [
                message_in(lang, "pb-timeline-head-time", None),
                message_in(lang, "pb-timeline-head-step", None),
                message_in(lang, "pb-timeline-head-what", None),
            ],
            standard_warnings: STANDARD_WARNINGS
                .iter()
                .map(|id| (*id, warning(id)))
                .filter(|(_, t)| !t.is_empty())
                .collect(),
            support_guidance: (1..=SUPPORT_GUIDANCE_LINES)
                .map(|n| match n {
                    1 => message_in(lang, "pb-support-guidance-1", None),
                    2 => message_in(lang, "pb-support-guidance-2", None),
                    3 => message_in(lang, "pb-support-guidance-3", None),
                    4 => message_in(lang, "pb-support-guidance-4", None),
                    5 => message_in(lang, "pb-support-guidance-5", None),
                    _ => message_in(lang, "pb-support-guidance-6", None),
                })
                .collect(),
            severities: [
                message_in(lang, "pb-severity-low", None),
                message_in(lang, "pb-severity-medium", None),
                message_in(lang, "pb-severity-high", None),
                message_in(lang, "pb-severity-critical", None),
            ],
        }
    }

    /// The text of a standard warning, if `id` is one.
    pub fn standard_warning(&self, id: &str) -> Option<&str> {
        self.standard_warnings
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, t)| t.as_str())
    }

    /// The name of a severity in this language (the id stays in `--json`).
    pub fn severity_name(&self, s: Severity) -> &str {
        let i = Severity::ALL.iter().position(|x| *x == s).unwrap_or(0);
        &self.severities[i]
    }
}

/// The strings for a language.
pub fn for_lang(lang: Lang) -> &'static Strings {
    static EN: OnceLock<Strings> = OnceLock::new();
    static ZH_CN: OnceLock<Strings> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| Strings::load(Lang::En)),
        Lang::ZhCn => ZH_CN.get_or_init(|| Strings::load(Lang::ZhCn)),
    }
}

/// The strings for a language tag as a playbook's `lang` gives it (`en`,
/// `zh-CN`, ...), English for a language lifeboat does not speak.
pub fn strings(lang: &str) -> &'static Strings {
    for_lang(Lang::from_tag(lang).unwrap_or(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_standard_warning() {
        for lang in Lang::ALL {
            let s = for_lang(lang);
            assert_eq!(s.lang, lang.tag());
            assert_eq!(s.standard_warnings.len(), STANDARD_WARNINGS.len());
            for id in STANDARD_WARNINGS {
                assert!(s.standard_warning(id).is_some(), "{id} in {}", s.lang);
            }
            assert_eq!(s.support_guidance.len(), SUPPORT_GUIDANCE_LINES);
            // Every line is a message of its own, never the id itself.
            for g in &s.support_guidance {
                assert!(!g.starts_with("pb-"), "{g}");
            }
        }
    }

    #[test]
    fn tags_pick_the_language_and_unknown_ones_fall_back_to_english() {
        assert_eq!(strings("zh-CN").lang, "zh-CN");
        assert_eq!(strings("zh_cn").lang, "zh-CN");
        assert_eq!(strings("en").lang, "en");
        assert_eq!(strings("fr").lang, "en");
        assert_eq!(strings("zh-TW").lang, "en");
        assert!(strings("zh-CN")
            .standard_warning("seed-request")
            .unwrap()
            .contains("助记词"));
        assert_eq!(strings("en").report_title, "Incident report");
        assert_eq!(strings("zh-CN").report_title, "事件报告");
        assert_eq!(strings("zh-CN").severity_name(Severity::Critical), "紧急");
        assert_eq!(strings("en").severity_name(Severity::High), "high");
    }
}
