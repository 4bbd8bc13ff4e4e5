//! Every fixed piece of text the playbook views and reports print.
//!
//! Playbook text lives in the playbook files; the words around it (headings,
//! state labels, the support checklist) live here and nowhere else, so a
//! translation is one more `Strings` value and one more arm in [`strings`].

/// The fixed words of the views and the report, in one language.
#[derive(Debug)]
#[allow(missing_docs)] // Each field is named after the text it holds.
pub struct Strings {
    pub lang: &'static str,
    // Text views.
    pub severity: &'static str,
    pub when_to_use: &'static str,
    pub progress: &'static str,
    pub steps_done: &'static str,
    pub steps_word: &'static str,
    pub of: &'static str,
    pub next: &'static str,
    pub complete: &'static str,
    pub not_started: &'static str,
    pub account: &'static str,
    pub do_not: &'static str,
    pub why: &'static str,
    pub run: &'static str,
    pub note: &'static str,
    pub answered: &'static str,
    pub choices: &'static str,
    pub wait_for: &'static str,
    pub wait_ends: &'static str,
    pub wait_hint: &'static str,
    pub items: &'static str,
    pub no_items: &'static str,
    pub unused_codes: &'static str,
    pub decision_hint: &'static str,
    pub note_hint: &'static str,
    pub list_header: [&'static str; 4],
    pub user_playbook: &'static str,
    pub not_applicable: &'static str,
    /// The text of each standard warning, by id (see `STANDARD_WARNINGS`).
    pub standard_warnings: &'static [(&'static str, &'static str)],
    // Report.
    pub report_title: &'static str,
    pub incident_summary: &'static str,
    pub playbook: &'static str,
    pub started: &'static str,
    pub finished: &'static str,
    pub still_open: &'static str,
    pub report_written: &'static str,
    pub what_happened: &'static str,
    pub no_notes: &'static str,
    pub timeline: &'static str,
    pub timeline_header: [&'static str; 3],
    pub decisions: &'static str,
    pub no_decisions: &'static str,
    pub items_involved: &'static str,
    pub contacts: &'static str,
    pub no_contacts: &'static str,
    pub username: &'static str,
    pub items_note: &'static str,
    pub no_items_involved: &'static str,
    pub open_steps: &'static str,
    pub no_open_steps: &'static str,
    pub support_asks: &'static str,
    pub support_guidance: &'static [&'static str],
    // Event names in the timeline.
    pub ev_started: &'static str,
    pub ev_checked: &'static str,
    pub ev_unchecked: &'static str,
    pub ev_answered: &'static str,
    pub ev_noted: &'static str,
    pub ev_wait_started: &'static str,
    pub ev_account: &'static str,
    pub ev_finished: &'static str,
    pub ev_reopened: &'static str,
    pub ev_archived: &'static str,
    pub ev_not_applicable: &'static str,
    pub steps_gone: &'static str,
}

/// English, the fallback for every language.
///
/// Every id in `STANDARD_WARNINGS` has a text here; a test checks it.
pub const EN: Strings = Strings {
    lang: "en",
    severity: "severity",
    when_to_use: "Use this when",
    progress: "Progress",
    steps_done: "steps done",
    steps_word: "steps",
    of: "of",
    next: "Next",
    complete: "complete",
    not_started: "not started",
    account: "Account",
    do_not: "Do not",
    why: "Why",
    run: "Run",
    note: "Note",
    answered: "Answer",
    choices: "Choices",
    wait_for: "Wait",
    wait_ends: "ends",
    wait_hint: "tick it to start the timer",
    items: "Your items",
    no_items: "none in your vault yet",
    unused_codes: "unused codes",
    decision_hint: "answer with: lifeboat playbook answer",
    note_hint: "write it down with: lifeboat playbook check",
    list_header: ["ID", "SEVERITY", "PROGRESS", "TITLE"],
    user_playbook: "(yours)",
    not_applicable: "does not apply",
    standard_warnings: &[
        (
            "fake-support",
            "Do not use a contact found through a search ad, or one that reached you by Telegram, Discord, X or an unexpected call: open their app, or type their address yourself. Real support never asks for your seed phrase, passwords or codes, or to see your screen or install an app; send ID documents only through their official upload page.",
        ),
        (
            "recovery-scam",
            "Do not pay anyone who offers to get the money back, even if they say they are police, a lawyer, an investigator or a regulator: after a loss, \"recovery\" offers are almost always a second scam. Real police never charge a fee.",
        ),
        (
            "seed-request",
            "Do not type, say or photograph your seed phrase for anyone or any site: no real app, update, support desk or \"wallet sync\" ever asks for it. Whoever has it has the money.",
        ),
    ],
    report_title: "Incident report",
    incident_summary: "Incident summary",
    playbook: "Playbook",
    started: "Started",
    finished: "Finished",
    still_open: "not finished",
    report_written: "Report written",
    what_happened: "What happened",
    no_notes: "No notes were written down.",
    timeline: "Timeline",
    timeline_header: ["Time", "Step", "What"],
    decisions: "Decisions",
    no_decisions: "No questions were answered.",
    items_involved: "Items involved",
    contacts: "Support contacts on file for this account",
    no_contacts: "No support contact or username is stored for this account.",
    username: "Username",
    items_note: "Vault items linked to the steps taken. Names, kinds and accounts only: no secret is ever included.",
    no_items_involved: "No vault items were linked to the steps taken.",
    open_steps: "Open steps",
    no_open_steps: "None: every step on the path is done.",
    support_asks: "What support will ask for",
    support_guidance: &[
        "A clear description of what went wrong and what you saw (exact error messages, screenshots).",
        "The account identifiers: user name, e-mail address or phone number on the account, wallet addresses.",
        "When it happened, with dates, times and your time zone (every time in this report carries its offset from UTC).",
        "Transaction ids (hashes), amounts and destination addresses for every transaction concerned.",
        "What you have already tried, in order (the timeline above), and any ticket numbers you were given.",
        "Proof that the account is yours, if they ask for it: only ever through the provider's official channel.",
    ],
    ev_started: "Run started",
    ev_checked: "Done",
    ev_unchecked: "Taken back",
    ev_answered: "Answered",
    ev_noted: "Note written",
    ev_wait_started: "Wait started",
    ev_account: "Account set",
    ev_finished: "All steps done",
    ev_reopened: "Reopened",
    ev_archived: "Run archived",
    ev_not_applicable: "Does not apply",
    steps_gone: "(a step this version of the playbook no longer has)",
};

impl Strings {
    /// The text of a standard warning, if `id` is one.
    pub fn standard_warning(&self, id: &str) -> Option<&'static str> {
        self.standard_warnings
            .iter()
            .find(|(k, _)| *k == id)
            .map(|(_, t)| *t)
    }
}

/// The strings for a language tag (`en`, `zh-CN`, ...), English when there
/// is no translation yet.
pub fn strings(lang: &str) -> &'static Strings {
    // Add translations here: `"zh-CN" => &ZH_CN,`.
    let _ = lang;
    &EN
}
