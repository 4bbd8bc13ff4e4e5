//! The playbook model: what a validated playbook file turns into.
//!
//! Everything here is plain data. Ids (playbook, step, choice) are
//! language-neutral kebab-case so that progress recorded against the English
//! text still applies when the same playbook is shown in another language.

use serde::{Deserialize, Serialize};

use crate::item::ItemKind;

/// How serious the situation a playbook handles is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Routine upkeep; nothing is wrong yet.
    Low,
    /// Something does not work, money and access are not at risk.
    Medium,
    /// Access is blocked or money is stuck.
    High,
    /// Money or keys may already be in someone else's hands.
    Critical,
}

impl Severity {
    /// Every severity, mildest first.
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// The stable lowercase name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What a step asks of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// Do something, then tick it.
    Check,
    /// Do something with vault items (linked by kind, account or tag).
    Action,
    /// Answer a question; the answer picks the next step.
    Decision,
    /// Write down what happened (ticket numbers, transaction ids, names).
    Note,
    /// Wait for a stated time (a lock to lift, support to answer).
    Wait,
}

impl StepKind {
    /// Every kind, in the order the docs list them.
    pub const ALL: [StepKind; 5] = [
        StepKind::Check,
        StepKind::Action,
        StepKind::Decision,
        StepKind::Note,
        StepKind::Wait,
    ];

    /// The stable lowercase name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Check => "check",
            StepKind::Action => "action",
            StepKind::Decision => "decision",
            StepKind::Note => "note",
            StepKind::Wait => "wait",
        }
    }

    /// Parses the stable name.
    pub fn parse(s: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for StepKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which vault items an action step works with.
///
/// An item qualifies when it matches every non-empty list: its kind is one of
/// `kinds`, its account equals one of `accounts` (ignoring case), and it
/// carries at least one of `tags`. Recovery-code items qualify only while
/// they still hold an unused code.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ItemLink {
    /// Item kinds that qualify (empty: any kind).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<ItemKind>,
    /// Accounts that qualify (empty: any account).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<String>,
    /// Tags of which an item needs at least one (empty: no tag needed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// One answer to a decision step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable kebab-case id, e.g. `yes`, `not-sure`.
    pub id: String,
    /// The answer as the user reads it.
    pub title: String,
    /// The step this answer leads to; `None` continues with the step after
    /// the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// One step of a playbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable kebab-case id, unique in the playbook.
    pub id: String,
    /// What the step asks.
    pub kind: StepKind,
    /// One line: what to do (or, for a decision, the question).
    pub title: String,
    /// How to do it, in more words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Why it matters; a stressed reader skips steps whose point is unclear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Things not to do now, each a warning of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub do_not: Vec<String>,
    /// lifeboat commands that do this step, shown verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<String>,
    /// Where the advice comes from, e.g. `guide:Q4.3` or `practice`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source: Vec<String>,
    /// The user reaches out to someone in this step (a provider, a bank, a
    /// carrier, the police): it always carries the `fake-support` warning,
    /// because impostors wait exactly where people look for help.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub contact: bool,
    /// Standard warnings by id (see [`STANDARD_WARNINGS`]), `fake-support`
    /// first on contact steps. Their text leads [`Step::do_not`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Step to go to after this one, instead of the following step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// The playbook ends after this step (a branch that needs nothing more).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end: bool,
    /// Action steps: the vault items to use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<ItemLink>,
    /// Decision steps: the answers, at least two.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Note steps: what to write down (defaults to the title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Wait steps: how long, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_seconds: Option<i64>,
}

impl Step {
    /// The wait as a [`time::Duration`], for wait steps.
    pub fn wait(&self) -> Option<time::Duration> {
        self.wait_seconds.map(time::Duration::seconds)
    }

    /// The choice with this id.
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }
}

/// A validated playbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Playbook {
    /// Stable kebab-case id, e.g. `account-locked`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// One or two sentences: what this playbook gets you through.
    pub summary: String,
    /// When to use it: the signs the user sees.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// How serious the situation is.
    pub severity: Severity,
    /// The language of the text (`en`, `zh-CN`); ids never change with it.
    pub lang: String,
    /// Where it was loaded from: `builtin:en/account-locked.toml` or a path.
    pub origin: String,
    /// Whether it ships with lifeboat.
    pub builtin: bool,
    /// The steps in file order; the first step is where every run starts.
    pub steps: Vec<Step>,
}

impl Playbook {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The position of the step with this id.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

/// The ids of the standard warnings a step can carry (`warnings = [...]`).
/// Their text, per language, lives in `strings.rs`.
///
/// - `fake-support`: find the real channel; support never asks for secrets
///   or screen sharing; ID documents only through the official upload page.
///   Every `contact = true` step carries it.
/// - `recovery-scam`: after a loss, "recovery" offers (fake police, lawyers,
///   investigators) are a second scam.
/// - `seed-request`: nothing legitimate ever asks for a seed phrase.
pub const STANDARD_WARNINGS: [&str; 3] = ["fake-support", "recovery-scam", "seed-request"];

/// Whether `s` is a kebab-case id: lowercase ASCII letters and digits in
/// groups joined by single hyphens, at most 64 characters.
pub fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parses a wait such as `24h`, `30m`, `1h30m`, `3d`, `2w` or `45s` into
/// seconds. Units may combine, largest first is not required; the total
/// must be positive and at most a year.
pub fn parse_duration(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut total: i64 = 0;
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return None,
        };
        if digits.is_empty() || digits.len() > 9 {
            return None;
        }
        let n: i64 = digits.parse().ok()?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        digits.clear();
    }
    if !digits.is_empty() || total <= 0 || total > 366 * 86_400 {
        return None;
    }
    Some(total)
}

/// Writes seconds back as the shortest `1d2h30m` form.
pub fn format_duration(mut secs: i64) -> String {
    let mut out = String::new();
    for (unit, name) in [(86_400, 'd'), (3600, 'h'), (60, 'm'), (1, 's')] {
        if secs >= unit {
            out.push_str(&(secs / unit).to_string());
            out.push(name);
            secs %= unit;
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("24h"), Some(86_400));
        assert_eq!(parse_duration("1h30m"), Some(5400));
        assert_eq!(parse_duration("2w"), Some(1_209_600));
        assert_eq!(parse_duration("0h"), None);
        assert_eq!(parse_duration("h"), None);
        assert_eq!(parse_duration("24"), None);
        assert_eq!(parse_duration("1y"), None);
        assert_eq!(parse_duration("9999999999h"), None);
        assert_eq!(format_duration(5400), "1h30m");
        assert_eq!(format_duration(86_400), "1d");
    }

    #[test]
    fn kebab() {
        assert!(is_kebab_id("account-locked"));
        assert!(is_kebab_id("q4-3"));
        assert!(!is_kebab_id("Account"));
        assert!(!is_kebab_id("a--b"));
        assert!(!is_kebab_id("-a"));
        assert!(!is_kebab_id("a_b"));
        assert!(!is_kebab_id(""));
    }
}
