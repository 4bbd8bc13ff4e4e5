//! What the CLI and TUI show: a playbook as a checklist (text or JSON) and
//! the list of playbooks with progress.
//!
//! Pure functions of a playbook, a run, the vault items and `now`. Items
//! appear by name, kind and account only; no view ever touches a secret.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Value};
use time::OffsetDateTime;

use crate::item::{Item, ItemKind};

use super::engine::{linked_items_for_run, progress, step_states, PlaybookState, Run, StepState};
use super::schema::{format_duration, Playbook, StepKind};
use super::strings::strings;

/// A time for people: `2024-05-01 10:00` in UTC.
pub(crate) fn fmt_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// A time for people reading a report: the time in `offset` (the local
/// time where it was written) with that offset, "UTC" when it is zero, in
/// the form readers of `lang` expect: `2026-11-30 14:05 UTC+08:00` in
/// English, `2026年11月30日 14:05 (UTC+08:00)` in Chinese.
pub(crate) fn fmt_time_in(t: OffsetDateTime, offset: time::UtcOffset, lang: &str) -> String {
    let local = t.to_offset(offset);
    let zone = if offset.is_utc() {
        "UTC".to_owned()
    } else {
        let (h, m, _) = offset.as_hms();
        let sign = if offset.is_negative() { '-' } else { '+' };
        format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
    };
    if crate::lang::Lang::from_tag(lang) == Some(crate::lang::Lang::ZhCn) {
        return format!(
            "{}年{}月{}日 {:02}:{:02} ({zone})",
            local.year(),
            u8::from(local.month()),
            local.day(),
            local.hour(),
            local.minute()
        );
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} {zone}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// A time for machines: RFC 3339 in UTC.
pub(crate) fn rfc3339(t: OffsetDateTime) -> Value {
    t.to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .map(Value::String)
        .unwrap_or(Value::Null)
}

fn opt_time(t: Option<OffsetDateTime>) -> Value {
    t.map(rfc3339).unwrap_or(Value::Null)
}

/// An item as views show it: never the secret.
pub(crate) fn item_json(item: &Item) -> Value {
    let mut v = json!({
        "id": item.id,
        "name": item.name,
        "kind": item.kind().as_str(),
        "account": item.account,
    });
    if item.kind() == ItemKind::Codes {
        v["unused_codes"] = json!(item.unused_codes());
    }
    v
}

/// "GitHub codes (codes, github.com, 7 unused codes)".
pub(crate) fn item_line(item: &Item, lang: &str) -> String {
    let s = strings(lang);
    let mut parts = vec![item.kind().as_str().to_owned()];
    if let Some(a) = &item.account {
        parts.push(a.clone());
    }
    if item.kind() == ItemKind::Codes {
        parts.push(format!("{} {}", item.unused_codes(), s.unused_codes));
    }
    format!("{} ({})", item.name, parts.join(", "))
}

fn progress_json(pb: &Playbook, run: Option<&Run>) -> Value {
    let p = progress(pb, run);
    json!({
        "done": p.done,
        "total_on_path": p.total_on_path,
        "next_step": p.next_step,
        "complete": p.complete,
    })
}

/// The playbook and its run as one JSON object: what `playbook show --json`
/// prints. Steps appear in file order, each with its state.
pub fn show_json(pb: &Playbook, run: Option<&Run>, items: &[Item], now: OffsetDateTime) -> Value {
    let views = step_states(pb, run, now);
    let steps: Vec<Value> = pb
        .steps
        .iter()
        .zip(&views)
        .map(|(s, v)| {
            let linked: Vec<Value> = linked_items_for_run(s, run, items)
                .into_iter()
                .map(item_json)
                .collect();
            json!({
                "id": s.id,
                "kind": s.kind.as_str(),
                "title": s.title,
                "detail": s.detail,
                "why": s.why,
                "state": v.state.as_str(),
                "done_at": opt_time(v.done_at),
                "note": v.note,
                "not_applicable": v.not_applicable,
                "answer": v.answer,
                "choices": s.choices.iter().map(|c| json!({
                    "id": c.id, "title": c.title, "next": c.next,
                })).collect::<Vec<_>>(),
                "prompt": s.prompt,
                "wait": s.wait_seconds.map(|w| json!({
                    "seconds": w,
                    "text": format_duration(w),
                    "started": opt_time(v.wait_started),
                    "ends": opt_time(v.wait_ends),
                })),
                "next": s.next,
                "end": s.end,
                "do_not": s.do_not,
                "contact": s.contact,
                "warnings": s.warnings,
                "commands": s.commands,
                "source": s.source,
                "link": s.link,
                "items": linked,
            })
        })
        .collect();
    json!({
        "id": pb.id,
        "title": pb.title,
        "summary": pb.summary,
        "symptoms": pb.symptoms,
        "severity": pb.severity.as_str(),
        "lang": pb.lang,
        "builtin": pb.builtin,
        "origin": pb.origin,
        "started": opt_time(run.map(|r| r.started)),
        "finished": opt_time(run.and_then(|r| r.finished)),
        "account": run.and_then(|r| r.account.clone()),
        "progress": progress_json(pb, run),
        "steps": steps,
    })
}

fn marker(state: StepState) -> &'static str {
    match state {
        StepState::Done => "[x]",
        StepState::Next => "[>]",
        StepState::Open => "[ ]",
        StepState::Skipped => "[-]",
        StepState::Waiting => "[~]",
    }
}

/// Writes `text` indented, each line of it prefixed.
fn push_lines(out: &mut String, indent: &str, label: &str, text: &str) {
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{indent}{label}{line}");
        } else {
            let _ = writeln!(
                out,
                "{indent}{}{line}",
                " ".repeat(crate::textwidth::width(label))
            );
        }
    }
}

/// The playbook as a checklist for people: what `playbook show` prints.
///
/// Every step gets one line with a marker (`[x]` done, `[>]` next, `[ ]`
/// open, `[~]` waiting, `[-]` skipped). The next step also shows its detail,
/// reasons, commands and the vault items to use; warnings show on every
/// step still to do, because they matter most before acting.
pub fn show_text(pb: &Playbook, run: Option<&Run>, items: &[Item], now: OffsetDateTime) -> String {
    let s = strings(&pb.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  [{}]  {}: {}",
        pb.title,
        pb.id,
        s.severity,
        s.severity_name(pb.severity)
    );
    let _ = writeln!(out, "{}", pb.summary);
    if !pb.symptoms.is_empty() {
        let _ = writeln!(out, "{}:", s.when_to_use);
        for sym in &pb.symptoms {
            let _ = writeln!(out, "  - {sym}");
        }
    }
    let p = progress(pb, run);
    let _ = write!(out, "{}: ", s.progress);
    match run {
        None => {
            let _ = writeln!(
                out,
                "{} ({} {})",
                s.not_started, p.total_on_path, s.steps_word
            );
        }
        Some(r) => {
            let _ = write!(
                out,
                "{} {} {} {}",
                p.done, s.of, p.total_on_path, s.steps_done
            );
            if p.complete {
                let _ = write!(out, ", {}", s.complete);
            }
            let _ = writeln!(
                out,
                " ({} {} UTC)",
                s.started.to_lowercase(),
                fmt_time(r.started)
            );
            if let Some(a) = &r.account {
                let _ = writeln!(out, "{}: {a}", s.account);
            }
        }
    }
    if let Some(n) = &p.next_step {
        let _ = writeln!(out, "{}: {n}", s.next);
    }
    out.push('\n');

    let views = step_states(pb, run, now);
    let width = pb.steps.len().to_string().len();
    for (step, v) in pb.steps.iter().zip(&views) {
        let num = format!("{:>width$}.", v.index + 1);
        let pad = " ".repeat(num.len() + 5);
        let mut line = format!("{num} {} {}", marker(v.state), step.title);
        if let Some(t) = v.done_at {
            if v.state == StepState::Done {
                let _ = write!(line, "  ({} UTC)", fmt_time(t));
            }
        }
        if let (Some(r), StepState::Done) = (&v.not_applicable, v.state) {
            let _ = write!(line, "  [{}: {}]", s.not_applicable, r.replace('\n', " "));
        }
        let _ = writeln!(out, "{line}   <{}>", step.id);
        let todo = matches!(
            v.state,
            StepState::Next | StepState::Open | StepState::Waiting
        );
        let focus = matches!(v.state, StepState::Next | StepState::Waiting);
        if focus {
            if let Some(d) = &step.detail {
                push_lines(&mut out, &pad, "", d);
            }
            if let Some(w) = &step.why {
                push_lines(&mut out, &pad, &format!("{}: ", s.why), w);
            }
            for c in &step.commands {
                let _ = writeln!(out, "{pad}{}: {c}", s.run);
            }
            if step.kind == StepKind::Note {
                let prompt = step.prompt.as_deref().unwrap_or(&step.title);
                let _ = writeln!(out, "{pad}{prompt}");
                let _ = writeln!(
                    out,
                    "{pad}({} {} {} --note \"...\")",
                    s.note_hint, pb.id, step.id
                );
            }
        }
        if todo {
            for d in &step.do_not {
                push_lines(&mut out, &pad, &format!("{}: ", s.do_not), d);
            }
        }
        if step.kind == StepKind::Decision && v.state != StepState::Skipped {
            for (i, c) in step.choices.iter().enumerate() {
                let chosen = v.answer.as_deref() == Some(c.id.as_str());
                let _ = writeln!(
                    out,
                    "{pad}{} {}) {}  <{}>",
                    if chosen { "*" } else { " " },
                    i + 1,
                    c.title,
                    c.id
                );
            }
            if focus {
                let _ = writeln!(
                    out,
                    "{pad}({} {} {} CHOICE)",
                    s.decision_hint, pb.id, step.id
                );
            }
        }
        if let Some(w) = step.wait_seconds {
            if todo {
                let when = match v.wait_ends {
                    Some(e) => format!("{} {} UTC", s.wait_ends, fmt_time(e)),
                    None => s.wait_hint.to_owned(),
                };
                let _ = writeln!(out, "{pad}{} {}: {when}", s.wait_for, format_duration(w));
            }
        }
        if step.link.is_some() && focus {
            let linked = linked_items_for_run(step, run, items);
            if linked.is_empty() {
                let _ = writeln!(out, "{pad}{}: {}", s.items, s.no_items);
            } else {
                for it in linked {
                    let _ = writeln!(out, "{pad}{}: {}", s.items, item_line(it, &pb.lang));
                }
            }
        }
        if let Some(n) = &v.note {
            if v.state != StepState::Skipped {
                push_lines(&mut out, &pad, &format!("{}: ", s.note), n);
            }
        }
    }
    out
}

fn status_text(pb: &Playbook, run: Option<&Run>) -> String {
    let s = strings(&pb.lang);
    match run {
        None => "-".to_owned(),
        Some(_) => {
            let p = progress(pb, run);
            if p.complete {
                s.complete.to_owned()
            } else {
                format!("{}/{}", p.done, p.total_on_path)
            }
        }
    }
}

/// One line per playbook: id, severity, progress of its active run, title.
/// With `max_cells`, titles are cut (on a grapheme boundary, with `…`) so
/// that no line is wider than that many terminal cells.
pub fn list_text(pbs: &[Playbook], state: &PlaybookState, max_cells: Option<usize>) -> String {
    use crate::textwidth::{fill, truncate, width};
    let s = strings(pbs.first().map(|p| p.lang.as_str()).unwrap_or("en"));
    let h = &s.list_header;
    let statuses: Vec<String> = pbs
        .iter()
        .map(|pb| status_text(pb, state.run(&pb.id)))
        .collect();
    // Columns are measured in terminal cells, not chars: a Chinese header or
    // status takes two cells a character.
    let col =
        |head: &str, cells: &mut dyn Iterator<Item = usize>| cells.fold(width(head), usize::max);
    let idw = col(&h[0], &mut pbs.iter().map(|p| width(&p.id)));
    let sevw = col(
        &h[1],
        &mut pbs.iter().map(|p| width(s.severity_name(p.severity))),
    )
    .max(8);
    let stw = col(&h[2], &mut statuses.iter().map(|t| width(t))).max(8);
    // What is left of the line for the title (never less than a few
    // characters: on a very narrow terminal the line wraps instead).
    let title_cells = max_cells.map(|m| m.saturating_sub(idw + sevw + stw + 6).max(8));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}  {}  {}",
        fill(&h[0], idw),
        fill(&h[1], sevw),
        fill(&h[2], stw),
        h[3]
    );
    for (pb, status) in pbs.iter().zip(&statuses) {
        let mut title = pb.title.clone();
        if !pb.builtin {
            let _ = write!(title, " {}", s.user_playbook);
        }
        if let Some(max) = title_cells {
            title = truncate(&title, max).into_owned();
        }
        let _ = writeln!(
            out,
            "{}  {}  {}  {}",
            fill(&pb.id, idw),
            fill(s.severity_name(pb.severity), sevw),
            fill(status, stw),
            title
        );
    }
    out
}

/// The playbooks as a JSON array, each with its active run's progress (or
/// `null` when not started).
pub fn list_json(pbs: &[Playbook], state: &PlaybookState) -> Value {
    Value::Array(
        pbs.iter()
            .map(|pb| {
                let run = state.run(&pb.id);
                json!({
                    "id": pb.id,
                    "title": pb.title,
                    "summary": pb.summary,
                    "severity": pb.severity.as_str(),
                    "lang": pb.lang,
                    "builtin": pb.builtin,
                    "origin": pb.origin,
                    "steps": pb.steps.len(),
                    "started": opt_time(run.map(|r| r.started)),
                    "finished": opt_time(run.and_then(|r| r.finished)),
                    "progress": run.map(|r| progress_json(pb, Some(r))),
                    "archived_runs": state.archived_runs(&pb.id).count(),
                })
            })
            .collect(),
    )
}

/// Which steps cite each source (`guide:Q4.3`, `practice`, ...), as
/// `playbook-id/step-id`, for checking that the guide is covered.
pub fn guide_coverage(pbs: &[Playbook]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for pb in pbs {
        for st in &pb.steps {
            for src in &st.source {
                map.entry(src.clone())
                    .or_default()
                    .push(format!("{}/{}", pb.id, st.id));
            }
        }
    }
    map
}

#[cfg(test)]
mod time_tests {
    use super::fmt_time_in;
    use time::macros::{datetime, offset};

    #[test]
    fn report_times_follow_the_language_and_carry_the_offset() {
        let t = datetime!(2026-11-30 06:05 UTC);
        assert_eq!(
            fmt_time_in(t, offset!(+8), "zh-CN"),
            "2026年11月30日 14:05 (UTC+08:00)"
        );
        assert_eq!(
            fmt_time_in(t, offset!(UTC), "zh-CN"),
            "2026年11月30日 06:05 (UTC)"
        );
        assert_eq!(
            fmt_time_in(t, offset!(+8), "en"),
            "2026-11-30 14:05 UTC+08:00"
        );
        assert_eq!(
            fmt_time_in(t, offset!(-5:30), "en"),
            "2026-11-30 00:35 UTC-05:30"
        );
        assert_eq!(fmt_time_in(t, offset!(UTC), "en"), "2026-11-30 06:05 UTC");
    }
}
