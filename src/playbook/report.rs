//! The Markdown incident report: what happened during a run, in a form a
//! support desk, a bank or the police can read.
//!
//! Pure: it reads the playbook, the run and the items, and writes text.
//! Items appear by name, kind and account; secrets never.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use time::OffsetDateTime;

use crate::item::Item;

use super::engine::account_contacts;
use super::engine::{
    linked_items_for_run, progress, route, step_states, Run, StepState, EVENT_ACCOUNT,
    EVENT_ANSWERED, EVENT_ARCHIVED, EVENT_CHECKED, EVENT_FINISHED, EVENT_NOTED,
    EVENT_NOT_APPLICABLE, EVENT_REOPENED, EVENT_STARTED, EVENT_UNCHECKED, EVENT_WAIT_STARTED,
};
use super::schema::{Playbook, StepKind};
use super::strings::strings;
use super::view::{fmt_time_in, item_line};

/// Escapes text for a Markdown table cell or list item: pipes would split
/// cells and line breaks would end them.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// Renders a run as a Markdown incident report. `now` stamps when the
/// report was written; every time is shown in `now`'s offset (pass the
/// local time) and carries that offset, so a reader anywhere can place it.
///
/// Items appear only when linked to a step taken, and, when the run names
/// the incident's account, only that account's: a report sent to one
/// provider does not list everything the user owns.
pub fn render_report(pb: &Playbook, run: &Run, items: &[Item], now: OffsetDateTime) -> String {
    let s = strings(&pb.lang);
    let off = now.offset();
    let fmt_time = |t: OffsetDateTime| fmt_time_in(t, off, s.lang);
    let p = progress(pb, Some(run));
    let mut out = String::new();

    let _ = writeln!(out, "# {}: {}\n", s.report_title, pb.title);

    let _ = writeln!(out, "## {}\n", s.incident_summary);
    let _ = writeln!(out, "- {}: {} (`{}`)", s.playbook, pb.title, pb.id);
    if let Some(a) = &run.account {
        let _ = writeln!(out, "- {}: {}", s.account, cell(a));
    }
    let _ = writeln!(out, "- {}: {}", s.started, fmt_time(run.started));
    match run.finished {
        Some(f) => {
            let _ = writeln!(out, "- {}: {}", s.finished, fmt_time(f));
        }
        None => {
            let _ = writeln!(out, "- {}: {}", s.finished, s.still_open);
        }
    }
    let _ = writeln!(
        out,
        "- {}: {} {} {} {}",
        s.progress, p.done, s.of, p.total_on_path, s.steps_done
    );
    let _ = writeln!(out, "- {}: {}\n", s.report_written, fmt_time(now));

    // Notes in playbook order: the user's own account of events.
    if let Some(a) = &run.account {
        let contacts = account_contacts(items, a);
        let _ = writeln!(out, "## {}\n", s.contacts);
        if contacts.is_empty() {
            let _ = writeln!(out, "{}", s.no_contacts);
        }
        for c in contacts {
            if let Some(sup) = &c.support {
                let _ = writeln!(out, "- {}: {}", cell(&c.item), cell(sup));
            }
            if let Some(u) = &c.username {
                let _ = writeln!(out, "- {} ({}): {}", s.username, cell(&c.item), cell(u));
            }
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", s.what_happened);
    let mut any_note = false;
    for st in &pb.steps {
        let rec = run.record(&st.id);
        let note = rec.and_then(|r| r.note.as_deref());
        let na = rec.and_then(|r| r.not_applicable.as_deref());
        if note.is_none() && na.is_none() {
            continue;
        }
        any_note = true;
        let _ = writeln!(out, "- **{}**", cell(&st.title));
        if let Some(reason) = na {
            let _ = writeln!(out, "  - {}: {}", s.ev_not_applicable, cell(reason));
        }
        for line in note.unwrap_or("").lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "  - {}", cell(line));
        }
    }
    // Notes written against steps a later version of the playbook renamed
    // or removed: the user's account of events is kept, under the old id.
    for (id, rec) in &run.steps {
        if pb.step(id).is_some() {
            continue;
        }
        let Some(note) = rec.note.as_deref() else {
            continue;
        };
        any_note = true;
        let _ = writeln!(out, "- **`{}`** {}", cell(id), s.steps_gone);
        for line in note.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "  - {}", cell(line));
        }
    }
    if !any_note {
        let _ = writeln!(out, "{}", s.no_notes);
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", s.timeline);
    let h = &s.timeline_header;
    let _ = writeln!(out, "| {} | {} | {} |\n|---|---|---|", h[0], h[1], h[2]);
    let mut events: Vec<_> = run.events.iter().collect();
    // Stable sort: events stamped the same second keep the order they
    // happened in.
    events.sort_by_key(|e| e.at);
    for e in events {
        let step = e.step.as_deref().and_then(|id| pb.step(id));
        let step_title = match (step, e.step.as_deref()) {
            (Some(st), _) => cell(&st.title),
            (None, Some(id)) => format!("`{}`", cell(id)),
            (None, None) => String::new(),
        };
        let what = match e.what.as_str() {
            EVENT_STARTED => s.ev_started.to_owned(),
            EVENT_CHECKED => s.ev_checked.to_owned(),
            EVENT_UNCHECKED => s.ev_unchecked.to_owned(),
            EVENT_ANSWERED => {
                let choice = e.detail.as_deref().unwrap_or("");
                let title = step
                    .and_then(|st| st.choice(choice))
                    .map(|c| c.title.as_str())
                    .unwrap_or(choice);
                format!("{}: {}", s.ev_answered, cell(title))
            }
            EVENT_NOTED => s.ev_noted.to_owned(),
            EVENT_WAIT_STARTED => s.ev_wait_started.to_owned(),
            EVENT_ACCOUNT => format!(
                "{}: {}",
                s.ev_account,
                cell(e.detail.as_deref().unwrap_or("-"))
            ),
            EVENT_FINISHED => s.ev_finished.to_owned(),
            EVENT_REOPENED => s.ev_reopened.to_owned(),
            EVENT_ARCHIVED => s.ev_archived.to_owned(),
            EVENT_NOT_APPLICABLE => format!(
                "{}: {}",
                s.ev_not_applicable,
                cell(e.detail.as_deref().unwrap_or("-"))
            ),
            other => cell(other),
        };
        let _ = writeln!(out, "| {} | {} | {} |", fmt_time(e.at), step_title, what);
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", s.decisions);
    let r = route(pb, Some(run));
    let mut any_decision = false;
    for &i in &r.path {
        let st = &pb.steps[i];
        if st.kind != StepKind::Decision {
            continue;
        }
        let Some(rec) = run.record(&st.id) else {
            continue;
        };
        let Some(c) = rec.answer.as_deref().and_then(|a| st.choice(a)) else {
            continue;
        };
        any_decision = true;
        let when = rec
            .done_at
            .map(|t| format!(" ({})", fmt_time(t)))
            .unwrap_or_default();
        let _ = writeln!(out, "- {} **{}**{when}", cell(&st.title), cell(&c.title));
    }
    if !any_decision {
        let _ = writeln!(out, "{}", s.no_decisions);
    }
    out.push('\n');

    // Items behind the steps actually taken: on the path and done.
    let _ = writeln!(out, "## {}\n", s.items_involved);
    let views = step_states(pb, Some(run), now);
    let mut seen = BTreeSet::new();
    let mut lines = Vec::new();
    for (st, v) in pb.steps.iter().zip(&views) {
        if v.state == StepState::Skipped || st.link.is_none() {
            continue;
        }
        for it in linked_items_for_run(st, Some(run), items) {
            if seen.insert(it.id.clone()) {
                lines.push(format!("- {}", cell(&item_line(it, &pb.lang))));
            }
        }
    }
    if lines.is_empty() {
        let _ = writeln!(out, "{}", s.no_items_involved);
    } else {
        let _ = writeln!(out, "{}\n", s.items_note);
        for l in lines {
            let _ = writeln!(out, "{l}");
        }
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", s.open_steps);
    let open: Vec<_> = views
        .iter()
        .filter(|v| {
            matches!(
                v.state,
                StepState::Next | StepState::Open | StepState::Waiting
            )
        })
        .collect();
    if open.is_empty() {
        let _ = writeln!(out, "{}", s.no_open_steps);
    }
    for v in open {
        let extra = match (v.state, v.wait_ends) {
            (StepState::Waiting, Some(e)) => format!(" ({} {})", s.wait_ends, fmt_time(e)),
            _ => String::new(),
        };
        let _ = writeln!(out, "- [ ] {}{extra}", cell(&v.title));
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", s.support_asks);
    for g in &s.support_guidance {
        let _ = writeln!(out, "- {g}");
    }
    out
}
