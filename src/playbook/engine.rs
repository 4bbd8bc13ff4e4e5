//! The pure playbook engine: runs, routing through decisions, progress.
//!
//! Nothing here reads a clock or a file: every function that records
//! something takes `now`. A [`Run`] keeps one record per step id (not per
//! position), so a run survives a playbook being re-ordered or translated.
//! Records on a branch the user routed away from are kept, never deleted:
//! changing an answer back brings them back, and the report can show them.

use std::collections::{BTreeMap, HashSet, VecDeque};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::item::{Item, ItemKind};

use super::schema::{Playbook, Step, StepKind};
use super::PlaybookError;

fn epoch() -> OffsetDateTime {
    OffsetDateTime::UNIX_EPOCH
}

/// Every playbook run the vault remembers.
///
/// Stored inside the encrypted vault payload. Every field defaults, and
/// unknown fields are ignored, so older and newer lifeboat versions can read
/// each other's vaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlaybookState {
    /// Runs in progress or finished but not reset, at most one per playbook.
    #[serde(default)]
    pub active: Vec<Run>,
    /// Runs put aside by `reset`, oldest first; kept for the record.
    #[serde(default)]
    pub archived: Vec<Run>,
}

/// One pass through a playbook: what was done, answered and written down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The playbook's id.
    pub playbook: String,
    /// When the run began.
    #[serde(default = "epoch", with = "time::serde::rfc3339")]
    pub started: OffsetDateTime,
    /// When every step on the path was done; cleared if a step is reopened.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub finished: Option<OffsetDateTime>,
    /// When `reset` archived the run.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub archived_at: Option<OffsetDateTime>,
    /// The account or provider this incident is about; action steps then
    /// offer only that account's items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Per-step records, keyed by step id.
    #[serde(default)]
    pub steps: BTreeMap<String, StepRecord>,
    /// Everything that happened, in order, for the report's timeline.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// What the user did with one step.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StepRecord {
    /// When the step was ticked (for decisions: answered).
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub done_at: Option<OffsetDateTime>,
    /// What the user wrote down; later notes are appended on new lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Decisions: the chosen choice id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// Waits: when the timer was started.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_started: Option<OffsetDateTime>,
    /// The step was set aside as not applying, with the user's reason (for
    /// example "self-held wallet: no provider to ask"). It counts as done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<String>,
}

/// One entry of a run's history.
///
/// `what` is a string rather than an enum so that a vault written by a newer
/// lifeboat, with kinds of event this one does not know, still opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// When it happened.
    #[serde(default = "epoch", with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// One of the `EVENT_*` names.
    #[serde(default)]
    pub what: String,
    /// The step concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// The choice id, the note text or the account, depending on `what`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The run began.
pub const EVENT_STARTED: &str = "started";
/// A step was ticked.
pub const EVENT_CHECKED: &str = "checked";
/// A tick or an answer was taken back.
pub const EVENT_UNCHECKED: &str = "unchecked";
/// A decision was answered (detail: the choice id).
pub const EVENT_ANSWERED: &str = "answered";
/// A note was written (detail: the text).
pub const EVENT_NOTED: &str = "noted";
/// A wait timer was started.
pub const EVENT_WAIT_STARTED: &str = "wait-started";
/// The account the run is about was set (detail: the account).
pub const EVENT_ACCOUNT: &str = "account";
/// Every step on the path was done.
pub const EVENT_FINISHED: &str = "finished";
/// A finished run got an open step again.
pub const EVENT_REOPENED: &str = "reopened";
/// The run was put aside by `reset`.
pub const EVENT_ARCHIVED: &str = "archived";
/// A step was set aside as not applying (detail: the reason).
pub const EVENT_NOT_APPLICABLE: &str = "not-applicable";

impl Run {
    /// A fresh run of `playbook`, started at `now`.
    pub fn new(playbook: &str, now: OffsetDateTime) -> Run {
        let mut run = Run {
            playbook: playbook.to_owned(),
            started: now,
            finished: None,
            archived_at: None,
            account: None,
            steps: BTreeMap::new(),
            events: Vec::new(),
        };
        run.log(now, EVENT_STARTED, None, None);
        run
    }

    /// The record for a step, if the user touched it.
    pub fn record(&self, step: &str) -> Option<&StepRecord> {
        self.steps.get(step)
    }

    fn log(&mut self, at: OffsetDateTime, what: &str, step: Option<&str>, detail: Option<&str>) {
        self.events.push(Event {
            at,
            what: what.to_owned(),
            step: step.map(str::to_owned),
            detail: detail.map(str::to_owned),
        });
    }

    fn rec(&mut self, step: &str) -> &mut StepRecord {
        self.steps.entry(step.to_owned()).or_default()
    }
}

impl PlaybookState {
    /// The active run of a playbook.
    pub fn run(&self, id: &str) -> Option<&Run> {
        self.active.iter().find(|r| r.playbook == id)
    }

    /// The active run of a playbook, to change it.
    pub fn run_mut(&mut self, id: &str) -> Option<&mut Run> {
        self.active.iter_mut().find(|r| r.playbook == id)
    }

    /// The active run of a playbook, starting one at `now` if there is none.
    pub fn run_mut_or_start(&mut self, id: &str, now: OffsetDateTime) -> &mut Run {
        let pos = match self.active.iter().position(|r| r.playbook == id) {
            Some(p) => p,
            None => {
                self.active.push(Run::new(id, now));
                self.active.len() - 1
            }
        };
        &mut self.active[pos]
    }

    /// Puts the active run of a playbook aside so the next one starts fresh.
    /// The run moves to `archived` with its history; nothing is deleted.
    /// Returns whether there was a run to archive.
    pub fn reset(&mut self, id: &str, now: OffsetDateTime) -> bool {
        let Some(pos) = self.active.iter().position(|r| r.playbook == id) else {
            return false;
        };
        let mut run = self.active.remove(pos);
        run.archived_at = Some(now);
        run.log(now, EVENT_ARCHIVED, None, None);
        self.archived.push(run);
        true
    }

    /// Earlier, archived runs of a playbook, oldest first.
    pub fn archived_runs<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Run> + 'a {
        self.archived.iter().filter(move |r| r.playbook == id)
    }
}

/// Where a step stands in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepState {
    /// Ticked (or, for a decision, answered).
    Done,
    /// Still to do, or not yet known to be skipped.
    Open,
    /// The first open step on the path: do this now.
    Next,
    /// Not on the path given the answers so far.
    Skipped,
    /// A wait whose timer runs and has not ended yet.
    Waiting,
}

impl StepState {
    /// The stable lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Open => "open",
            StepState::Next => "next",
            StepState::Skipped => "skipped",
            StepState::Waiting => "waiting",
        }
    }
}

/// How far a run has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Steps on the path that are done.
    pub done: usize,
    /// Steps on the path. While a decision is unanswered, the steps after it
    /// are counted along its first choice.
    pub total_on_path: usize,
    /// The step to do now, if any.
    pub next_step: Option<String>,
    /// Every step on the path is done and no decision is open.
    pub complete: bool,
}

/// One step as a view shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepView {
    /// Position in the playbook, 0-based.
    pub index: usize,
    /// Step id.
    pub id: String,
    /// Step kind.
    pub kind: StepKind,
    /// Step title.
    pub title: String,
    /// Where it stands.
    pub state: StepState,
    /// When it was ticked or answered.
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
    /// What the user wrote down.
    pub note: Option<String>,
    /// Decisions: the chosen choice id.
    pub answer: Option<String>,
    /// Waits: when the timer started.
    #[serde(with = "time::serde::rfc3339::option")]
    pub wait_started: Option<OffsetDateTime>,
    /// Waits: when the timer ends.
    #[serde(with = "time::serde::rfc3339::option")]
    pub wait_ends: Option<OffsetDateTime>,
    /// Why the user set the step aside as not applying (it counts as done).
    pub not_applicable: Option<String>,
    /// Warnings for this step.
    pub do_not: Vec<String>,
    /// Action steps: which items qualify.
    pub link: Option<super::schema::ItemLink>,
}

/// The route through a playbook given a run's answers.
pub(crate) struct Route {
    /// Step indexes in walking order; past an unanswered decision, this
    /// follows its first choice.
    pub(crate) path: Vec<usize>,
    /// The first unanswered decision on the path.
    pub(crate) open_decision: Option<usize>,
    /// Steps not on `path` that an unanswered decision could still lead to.
    pub(crate) undecided: HashSet<usize>,
}

/// The valid answer recorded for a decision step.
fn answer_of<'p>(step: &'p Step, run: Option<&Run>) -> Option<&'p super::schema::Choice> {
    let a = run?.steps.get(&step.id)?.answer.as_deref()?;
    step.choice(a)
}

fn target(pb: &Playbook, from: usize, next: Option<&str>) -> Option<usize> {
    match next {
        Some(id) => pb.step_index(id),
        None => (from + 1 < pb.steps.len()).then_some(from + 1),
    }
}

/// Every step a step can lead to, whatever the answers.
fn successors(pb: &Playbook, i: usize) -> Vec<usize> {
    let s = &pb.steps[i];
    match s.kind {
        StepKind::Decision => s
            .choices
            .iter()
            .filter_map(|c| target(pb, i, c.next.as_deref()))
            .collect(),
        _ if s.end => Vec::new(),
        _ => target(pb, i, s.next.as_deref()).into_iter().collect(),
    }
}

fn reachable(pb: &Playbook, starts: impl IntoIterator<Item = usize>) -> HashSet<usize> {
    let mut seen = HashSet::new();
    let mut queue: VecDeque<usize> = starts.into_iter().collect();
    while let Some(i) = queue.pop_front() {
        if seen.insert(i) {
            queue.extend(successors(pb, i));
        }
    }
    seen
}

pub(crate) fn route(pb: &Playbook, run: Option<&Run>) -> Route {
    let mut path = Vec::new();
    let mut seen = HashSet::new();
    let mut open_decision = None;
    let mut cur = (!pb.steps.is_empty()).then_some(0);
    // `seen` guards against loops in playbooks built by hand rather than
    // parsed (parsing refuses loops).
    while let Some(i) = cur {
        if !seen.insert(i) {
            break;
        }
        path.push(i);
        let s = &pb.steps[i];
        cur = match s.kind {
            StepKind::Decision => match answer_of(s, run) {
                Some(c) => target(pb, i, c.next.as_deref()),
                None => {
                    if open_decision.is_none() {
                        open_decision = Some(i);
                    }
                    s.choices
                        .first()
                        .and_then(|c| target(pb, i, c.next.as_deref()))
                }
            },
            _ if s.end => None,
            _ => target(pb, i, s.next.as_deref()),
        };
    }
    let undecided = match open_decision {
        Some(d) => {
            let on_path: HashSet<usize> = path.iter().copied().collect();
            reachable(pb, successors(pb, d))
                .into_iter()
                .filter(|i| !on_path.contains(i))
                .collect()
        }
        None => HashSet::new(),
    };
    Route {
        path,
        open_decision,
        undecided,
    }
}

fn is_done(step: &Step, run: Option<&Run>) -> bool {
    match step.kind {
        StepKind::Decision => answer_of(step, run).is_some(),
        _ => run
            .and_then(|r| r.steps.get(&step.id))
            .is_some_and(|r| r.done_at.is_some()),
    }
}

fn wait_ends(step: &Step, run: Option<&Run>) -> Option<OffsetDateTime> {
    let started = run?.steps.get(&step.id)?.wait_started?;
    Some(started + step.wait()?)
}

/// The indexes of the steps the progress counts: those on the path taken
/// so far, then on from an open decision along its first choice. A step
/// off it but reachable from an open decision waits on that answer.
pub fn path(pb: &Playbook, run: Option<&Run>) -> Vec<usize> {
    route(pb, run).path
}

/// How far a run has come; `None` counts as a run not yet started.
pub fn progress(pb: &Playbook, run: Option<&Run>) -> Progress {
    let r = route(pb, run);
    let done = r
        .path
        .iter()
        .filter(|&&i| is_done(&pb.steps[i], run))
        .count();
    let next_step = r
        .path
        .iter()
        .find(|&&i| !is_done(&pb.steps[i], run))
        .map(|&i| pb.steps[i].id.clone());
    Progress {
        done,
        total_on_path: r.path.len(),
        complete: r.open_decision.is_none() && next_step.is_none(),
        next_step,
    }
}

/// Every step with its state, in playbook order.
pub fn step_states(pb: &Playbook, run: Option<&Run>, now: OffsetDateTime) -> Vec<StepView> {
    let r = route(pb, run);
    let on_path: HashSet<usize> = r.path.iter().copied().collect();
    let next = progress(pb, run).next_step;
    pb.steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let rec = run.and_then(|r| r.steps.get(&s.id));
            let ends = wait_ends(s, run);
            let state = if !on_path.contains(&i) && !r.undecided.contains(&i) {
                StepState::Skipped
            } else if is_done(s, run) {
                StepState::Done
            } else if ends.is_some_and(|e| now < e) {
                StepState::Waiting
            } else if next.as_deref() == Some(s.id.as_str()) {
                StepState::Next
            } else {
                StepState::Open
            };
            StepView {
                index: i,
                id: s.id.clone(),
                kind: s.kind,
                title: s.title.clone(),
                state,
                done_at: rec.and_then(|r| r.done_at),
                note: rec.and_then(|r| r.note.clone()),
                answer: answer_of(s, run).map(|c| c.id.clone()),
                wait_started: rec.and_then(|r| r.wait_started),
                wait_ends: ends,
                not_applicable: rec.and_then(|r| r.not_applicable.clone()),
                do_not: s.do_not.clone(),
                link: s.link.clone(),
            }
        })
        .collect()
}

/// Finds a step the run may act on: it exists and no answer routed around it.
fn usable<'p>(pb: &'p Playbook, run: &Run, step: &str) -> Result<(usize, &'p Step), PlaybookError> {
    let Some(i) = pb.step_index(step) else {
        return Err(PlaybookError::UnknownStep {
            playbook: pb.id.clone(),
            step: step.to_owned(),
            known: pb.steps.iter().map(|s| s.id.clone()).collect(),
        });
    };
    let r = route(pb, Some(run));
    if r.path.contains(&i) || r.undecided.contains(&i) {
        return Ok((i, &pb.steps[i]));
    }
    // Name the answer that routed around the step, so the user knows which
    // answer to change if the step does apply after all.
    // Answered decisions past an open one count too: their answer is what
    // the route will follow once the open one is answered.
    let culprit = r.path.iter().rev().find_map(|&d| {
        let ds = &pb.steps[d];
        let chosen = answer_of(ds, Some(run))?;
        let others = ds
            .choices
            .iter()
            .filter(|c| c.id != chosen.id)
            .filter_map(|c| target(pb, d, c.next.as_deref()));
        reachable(pb, others)
            .contains(&i)
            .then(|| (ds.id.clone(), chosen.id.clone()))
    });
    Err(PlaybookError::StepSkipped {
        step: step.to_owned(),
        decision: culprit.as_ref().map(|c| c.0.clone()),
        answer: culprit.map(|c| c.1),
    })
}

fn add_note(run: &mut Run, step: &str, note: Option<String>, now: OffsetDateTime) {
    let Some(note) = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) else {
        return;
    };
    let rec = run.rec(step);
    rec.note = Some(match rec.note.take() {
        Some(old) if old == note => old,
        Some(old) => format!("{old}\n{note}"),
        None => note.clone(),
    });
    run.log(now, EVENT_NOTED, Some(step), Some(&note));
}

/// Records `finished` when the path is complete, clears it when it is not.
fn settle(pb: &Playbook, run: &mut Run, now: OffsetDateTime) {
    let complete = progress(pb, Some(run)).complete;
    match (complete, run.finished.is_some()) {
        (true, false) => {
            run.finished = Some(now);
            run.log(now, EVENT_FINISHED, None, None);
        }
        (false, true) => {
            run.finished = None;
            run.log(now, EVENT_REOPENED, None, None);
        }
        _ => {}
    }
}

/// Ticks a step, optionally with a note.
///
/// - A decision cannot be ticked: use [`answer`].
/// - A note step needs the note.
/// - A wait step: the first tick starts its timer; a tick after the timer
///   ends marks it done; a tick before that needs a note saying why the wait
///   is over early (e.g. "support unlocked the account").
/// - Ticking a done step again only adds the note.
pub fn check(
    pb: &Playbook,
    run: &mut Run,
    step: &str,
    note: Option<String>,
    now: OffsetDateTime,
) -> Result<(), PlaybookError> {
    let (_, s) = usable(pb, run, step)?;
    let has_note = note.as_deref().is_some_and(|n| !n.trim().is_empty());
    match s.kind {
        StepKind::Decision => {
            return Err(PlaybookError::IsDecision {
                playbook: pb.id.clone(),
                step: step.to_owned(),
                choices: s.choices.iter().map(|c| c.id.clone()).collect(),
            })
        }
        StepKind::Note if !has_note && !is_done(s, Some(run)) => {
            return Err(PlaybookError::NoteRequired {
                playbook: pb.id.clone(),
                step: step.to_owned(),
            })
        }
        StepKind::Wait if !is_done(s, Some(run)) => {
            let started = run.steps.get(step).and_then(|r| r.wait_started);
            match started {
                None => {
                    run.rec(step).wait_started = Some(now);
                    run.log(now, EVENT_WAIT_STARTED, Some(step), None);
                    add_note(run, step, note, now);
                    return Ok(());
                }
                Some(st) => {
                    let ends = st + s.wait().unwrap_or(time::Duration::ZERO);
                    if now < ends && !has_note {
                        return Err(PlaybookError::StillWaiting {
                            playbook: pb.id.clone(),
                            step: step.to_owned(),
                            ends,
                        });
                    }
                }
            }
        }
        _ => {}
    }
    let set_aside = run
        .steps
        .get(step)
        .is_some_and(|r| r.not_applicable.is_some());
    if !is_done(s, Some(run)) || set_aside {
        // A tick on a step set aside means it applied after all.
        let rec = run.rec(step);
        rec.done_at = Some(now);
        rec.not_applicable = None;
        run.log(now, EVENT_CHECKED, Some(step), None);
    }
    add_note(run, step, note, now);
    settle(pb, run, now);
    Ok(())
}

/// Sets a step aside as not applying, with the reason: a note step with
/// nothing to record because the situation does not fit (no provider, so
/// no ticket), a wait that is moot, a check about something the user does
/// not have. The step counts as done and the report shows the reason.
///
/// Decisions are answered, never set aside; a reason is required.
pub fn skip(
    pb: &Playbook,
    run: &mut Run,
    step: &str,
    reason: &str,
    now: OffsetDateTime,
) -> Result<(), PlaybookError> {
    let (_, s) = usable(pb, run, step)?;
    if s.kind == StepKind::Decision {
        return Err(PlaybookError::IsDecision {
            playbook: pb.id.clone(),
            step: step.to_owned(),
            choices: s.choices.iter().map(|c| c.id.clone()).collect(),
        });
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(PlaybookError::ReasonRequired {
            playbook: pb.id.clone(),
            step: step.to_owned(),
        });
    }
    let rec = run.rec(step);
    if rec.not_applicable.as_deref() == Some(reason) {
        return Ok(());
    }
    rec.not_applicable = Some(reason.to_owned());
    if rec.done_at.is_none() {
        rec.done_at = Some(now);
    }
    run.log(now, EVENT_NOT_APPLICABLE, Some(step), Some(reason));
    settle(pb, run, now);
    Ok(())
}

/// Starts (or restarts) a wait step's timer at `now`.
pub fn start_wait(
    pb: &Playbook,
    run: &mut Run,
    step: &str,
    now: OffsetDateTime,
) -> Result<(), PlaybookError> {
    let (_, s) = usable(pb, run, step)?;
    if s.kind != StepKind::Wait {
        return Err(PlaybookError::NotAWait {
            step: step.to_owned(),
        });
    }
    let rec = run.rec(step);
    rec.wait_started = Some(now);
    rec.done_at = None;
    run.log(now, EVENT_WAIT_STARTED, Some(step), None);
    settle(pb, run, now);
    Ok(())
}

/// Adds a note to a step without ticking it.
pub fn note(
    pb: &Playbook,
    run: &mut Run,
    step: &str,
    text: &str,
    now: OffsetDateTime,
) -> Result<(), PlaybookError> {
    usable(pb, run, step)?;
    add_note(run, step, Some(text.to_owned()), now);
    Ok(())
}

/// Takes back a tick, an answer (which re-opens the question) or a wait
/// timer. Notes stay. Unchecking an untouched step does nothing.
pub fn uncheck(
    pb: &Playbook,
    run: &mut Run,
    step: &str,
    now: OffsetDateTime,
) -> Result<(), PlaybookError> {
    let Some(s) = pb.step(step) else {
        return Err(PlaybookError::UnknownStep {
            playbook: pb.id.clone(),
            step: step.to_owned(),
            known: pb.steps.iter().map(|s| s.id.clone()).collect(),
        });
    };
    let Some(rec) = run.steps.get_mut(step) else {
        return Ok(());
    };
    let touched = rec.done_at.is_some() || rec.answer.is_some() || rec.wait_started.is_some();
    rec.done_at = None;
    rec.not_applicable = None;
    if s.kind == StepKind::Decision {
        rec.answer = None;
    }
    if s.kind == StepKind::Wait {
        rec.wait_started = None;
    }
    if touched {
        run.log(now, EVENT_UNCHECKED, Some(step), None);
    }
    settle(pb, run, now);
    Ok(())
}

/// Answers a decision with a choice id or its 1-based number. A different
/// answer than before re-routes the run; records on the branch left behind
/// are kept.
pub fn answer(
    pb: &Playbook,
    run: &mut Run,
    step: &str,
    choice: &str,
    now: OffsetDateTime,
) -> Result<(), PlaybookError> {
    let (_, s) = usable(pb, run, step)?;
    if s.kind != StepKind::Decision {
        return Err(PlaybookError::NotADecision {
            step: step.to_owned(),
            kind: s.kind,
        });
    }
    let choice = choice.trim();
    let picked = s.choice(choice).or_else(|| {
        choice
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| s.choices.get(n))
    });
    let Some(picked) = picked else {
        return Err(PlaybookError::UnknownChoice {
            step: step.to_owned(),
            choice: choice.to_owned(),
            choices: s
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{} = {} ({})", i + 1, c.id, c.title))
                .collect(),
        });
    };
    let rec = run.rec(step);
    if rec.answer.as_deref() == Some(picked.id.as_str()) {
        return Ok(());
    }
    rec.answer = Some(picked.id.clone());
    rec.done_at = Some(now);
    run.log(now, EVENT_ANSWERED, Some(step), Some(&picked.id));
    settle(pb, run, now);
    Ok(())
}

/// Says which account or provider the run is about (`None` clears it).
pub fn set_account(run: &mut Run, account: Option<String>, now: OffsetDateTime) {
    let account = account
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty());
    if run.account != account {
        run.log(now, EVENT_ACCOUNT, None, account.as_deref());
        run.account = account;
    }
}

fn link_matches(link: &super::schema::ItemLink, item: &Item) -> bool {
    let kind = item.kind();
    (link.kinds.is_empty() || link.kinds.contains(&kind))
        && (link.accounts.is_empty()
            || item.account.as_deref().is_some_and(|a| {
                link.accounts
                    .iter()
                    .any(|want| want.trim().eq_ignore_ascii_case(a.trim()))
            }))
        && (link.tags.is_empty()
            || item
                .tags
                .iter()
                .any(|t| link.tags.iter().any(|w| w.eq_ignore_ascii_case(t))))
        // A codes item with every code used cannot help anyone.
        && (kind != ItemKind::Codes || item.unused_codes() > 0)
}

/// The vault items a step's link points at, in vault order. Recovery-code
/// items count only while they have unused codes. Steps without a link get
/// none.
pub fn linked_items<'a>(step: &Step, items: &'a [Item]) -> Vec<&'a Item> {
    let Some(link) = &step.link else {
        return Vec::new();
    };
    items.iter().filter(|it| link_matches(link, it)).collect()
}

/// Like [`linked_items`], narrowed to the run's account when it has one.
pub fn linked_items_for_run<'a>(
    step: &Step,
    run: Option<&Run>,
    items: &'a [Item],
) -> Vec<&'a Item> {
    let account = run.and_then(|r| r.account.as_deref());
    linked_items(step, items)
        .into_iter()
        .filter(|it| match account {
            None => true,
            Some(want) => it
                .account
                .as_deref()
                .is_some_and(|a| a.trim().eq_ignore_ascii_case(want.trim())),
        })
        .collect()
}

/// A way to reach a provider's support, or the username to give it, as the
/// user stored them on an item of the incident's account. Never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// The item it comes from.
    pub item: String,
    /// The item's support contact.
    pub support: Option<String>,
    /// A login item's username.
    pub username: Option<String>,
}

/// The support contacts and usernames stored on the items of `account`,
/// in vault order: one entry per support contact, one per username.
pub fn account_contacts(items: &[Item], account: &str) -> Vec<Contact> {
    let mut out = Vec::new();
    let want = account.trim();
    for it in items.iter().filter(|i| {
        i.account
            .as_deref()
            .is_some_and(|a| a.trim().eq_ignore_ascii_case(want))
    }) {
        if let Some(s) = it.support.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push(Contact {
                item: it.name.clone(),
                support: Some(s.trim().to_owned()),
                username: None,
            });
        }
        if let crate::item::Secret::Password {
            username: Some(u), ..
        } = &it.secret
        {
            if !u.trim().is_empty() {
                out.push(Contact {
                    item: it.name.clone(),
                    support: None,
                    username: Some(u.trim().to_owned()),
                });
            }
        }
    }
    out
}
