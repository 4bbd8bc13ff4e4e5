//! The `playbook` commands: list and show playbooks with their progress,
//! drive a run from scripts (check, uncheck, answer, note, reset), write the
//! incident report and validate a user's playbook file.
//!
//! Playbooks are the built-ins plus the user's own from
//! `<config dir>/playbooks/*.toml` ([`user_dir`]). Runs live in the vault:
//! reading commands open it read-only, changing commands take the lock and
//! save only when something changed. `validate` needs no vault.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::args::PlaybookCommand;
use super::commands::{print_json, write_private_file, Ctx};
use super::text::playbook as text;
use super::CliError;
use crate::item::now_utc;
use crate::playbook::{self, Playbook, PlaybookError, PlaybookState, Run, StepKind, StepState};
use crate::secret::SecretString;
use crate::vault::Vault;
use crate::{noteln, out, outln};

/// Runs one `playbook` subcommand.
pub fn run(ctx: &Ctx, c: PlaybookCommand) -> Result<(), CliError> {
    match c {
        PlaybookCommand::List => list(ctx),
        PlaybookCommand::Show { id } => show(ctx, &id),
        PlaybookCommand::Validate { file } => validate(ctx, &file),
        PlaybookCommand::Report { id, out } => report(ctx, &id, out.as_deref()),
        PlaybookCommand::Start { id, account } => change(ctx, &id, Change::Start { account }),
        PlaybookCommand::Check {
            id,
            step,
            note,
            account,
        } => change(
            ctx,
            &id,
            Change::Check {
                step,
                note,
                account,
            },
        ),
        PlaybookCommand::Skip { id, step, reason } => {
            change(ctx, &id, Change::Skip { step, reason })
        }
        PlaybookCommand::Uncheck { id, step } => change(ctx, &id, Change::Uncheck { step }),
        PlaybookCommand::Answer {
            id,
            step,
            choice,
            note,
        } => change(ctx, &id, Change::Answer { step, choice, note }),
        PlaybookCommand::Note { id, step, text } => change(ctx, &id, Change::Note { step, text }),
        PlaybookCommand::Reset { id } => change(ctx, &id, Change::Reset),
    }
}

/// Where the user's own playbooks live: `<config dir>/playbooks`
/// (`$LIFEBOAT_CONFIG_DIR/playbooks` when that is set).
pub fn user_dir() -> Option<PathBuf> {
    crate::vault::store::config_dir().map(|d| d.join("playbooks"))
}

/// The built-ins in the UI language and the user's playbooks. Broken user
/// files are reported and skipped so the built-ins stay usable in an
/// emergency; an id used twice is an error naming both files.
pub fn load() -> Result<Vec<Playbook>, CliError> {
    let dir = user_dir();
    let lang = crate::i18n::lang();
    match playbook::all_playbooks_in(dir.as_deref(), lang) {
        Ok(pbs) => Ok(pbs),
        Err(e @ PlaybookError::Invalid(_)) => {
            noteln!("{}", text::user_dir_invalid(&e.to_string()));
            Ok(playbook::builtin::all(lang))
        }
        Err(e) => Err(pb_error(e)),
    }
}

fn pb_error(e: PlaybookError) -> CliError {
    CliError::input(e.to_string())
}

fn find<'a>(pbs: &'a [Playbook], id: &str) -> Result<&'a Playbook, CliError> {
    playbook::find(pbs, id).map_err(pb_error)
}

/// The vault for reading, or `None` (with a note) when there is none yet:
/// a playbook is still worth reading without one.
fn open_if_present(ctx: &Ctx) -> Result<Option<Vault>, CliError> {
    if !ctx.path.exists() {
        noteln!("{}", text::NO_VAULT);
        return Ok(None);
    }
    ctx.open().map(Some)
}

fn list(ctx: &Ctx) -> Result<(), CliError> {
    let pbs = load()?;
    let vault = open_if_present(ctx)?;
    let empty = PlaybookState::default();
    let state = vault.as_ref().map_or(&empty, |v| &v.payload().playbooks);
    if ctx.json() {
        return print_json(&playbook::list_json(&pbs, state));
    }
    out!("{}", playbook::list_text(&pbs, state, terminal_columns()))?;
    Ok(())
}

/// How wide lines may be: `$COLUMNS` when it is set to a number, else the
/// width of the terminal stdout is on; `None` (no limit) when stdout is a
/// file or a pipe, so nothing a script reads is cut.
fn terminal_columns() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    let stdout = std::io::stdout();
    if !std::io::IsTerminal::is_terminal(&stdout) {
        return None;
    }
    rustix::termios::tcgetwinsize(&stdout)
        .ok()
        .map(|w| usize::from(w.ws_col))
        .filter(|n| *n > 0)
}

fn show(ctx: &Ctx, id: &str) -> Result<(), CliError> {
    let pbs = load()?;
    let pb = find(&pbs, id)?;
    let vault = open_if_present(ctx)?;
    let run = vault.as_ref().and_then(|v| v.payload().playbooks.run(id));
    let items = vault.as_ref().map_or(&[][..], |v| &v.payload().items[..]);
    if ctx.json() {
        return print_json(&playbook::show_json(pb, run, items, now_utc()));
    }
    out!("{}", playbook::show_text(pb, run, items, now_utc()))?;
    Ok(())
}

fn validate(ctx: &Ctx, file: &Path) -> Result<(), CliError> {
    let shown = file.display().to_string();
    // What `--json` says never depends on the language: its diagnostics
    // are English, as its keys are.
    let checked = {
        let _en = ctx
            .json()
            .then(|| crate::i18n::scoped(crate::lang::Lang::En));
        playbook::validate_file(file)
    };
    match checked {
        Ok(pb) => {
            if ctx.json() {
                print_json(&json!({
                    "file": shown, "ok": true, "id": pb.id, "steps": pb.steps.len(), "diagnostics": [],
                }))
            } else {
                outln!("{}", text::valid(&shown, &pb.id, pb.steps.len()))?;
                Ok(())
            }
        }
        Err(diags) => {
            if ctx.json() {
                print_json(&json!({"file": shown, "ok": false, "diagnostics": diags}))?;
            } else {
                for d in &diags {
                    outln!("{d}")?;
                }
            }
            Err(CliError::input(text::invalid(&shown, diags.len())))
        }
    }
}

fn report(ctx: &Ctx, id: &str, out: Option<&Path>) -> Result<(), CliError> {
    let pbs = load()?;
    let pb = find(&pbs, id)?;
    if let Some(out) = out {
        // Checked before the (slow) unlock; create_new below closes the race.
        if out.exists() {
            return Err(CliError::input(text::out_exists(
                &out.display().to_string(),
            )));
        }
    }
    let vault = ctx.open()?;
    let state = &vault.payload().playbooks;
    // After a reset, the report of the run just put aside is still wanted.
    let run = state
        .run(id)
        .or_else(|| state.archived_runs(id).last())
        .ok_or_else(|| CliError::input(text::no_run(id)))?;
    let md = playbook::render_report(
        pb,
        run,
        &vault.payload().items,
        now_utc().to_offset(crate::config::local_offset()),
    );
    match out {
        Some(out) => {
            write_private_file(out, &SecretString::new(md))?;
            let shown = out.display().to_string();
            if ctx.json() {
                print_json(&json!({"id": id, "written": shown}))
            } else {
                noteln!("{}", text::report_written(&shown));
                Ok(())
            }
        }
        None if ctx.json() => print_json(&json!({"id": id, "markdown": md})),
        None => {
            out!("{md}")?;
            Ok(())
        }
    }
}

/// One change to a run.
enum Change {
    Start {
        account: Option<String>,
    },
    Check {
        step: String,
        note: Option<String>,
        account: Option<String>,
    },
    Uncheck {
        step: String,
    },
    Skip {
        step: String,
        reason: String,
    },
    Answer {
        step: String,
        choice: String,
        note: Option<String>,
    },
    Note {
        step: String,
        text: String,
    },
    Reset,
}

impl Change {
    fn audit_action(&self) -> &'static str {
        match self {
            Change::Start { .. } => "playbook-start",
            Change::Check { .. } => "playbook-check",
            Change::Uncheck { .. } => "playbook-uncheck",
            Change::Skip { .. } => "playbook-skip",
            Change::Answer { .. } => "playbook-answer",
            Change::Note { .. } => "playbook-note",
            Change::Reset => "playbook-reset",
        }
    }

    fn step(&self) -> Option<&str> {
        match self {
            Change::Check { step, .. }
            | Change::Uncheck { step }
            | Change::Skip { step, .. }
            | Change::Answer { step, .. }
            | Change::Note { step, .. } => Some(step),
            Change::Start { .. } | Change::Reset => None,
        }
    }
}

/// Applies a change to the run state; returns the message for people.
fn apply(
    pb: &Playbook,
    state: &mut PlaybookState,
    change: &Change,
    now: time::OffsetDateTime,
) -> Result<String, PlaybookError> {
    let id = pb.id.as_str();
    match change {
        Change::Reset => Ok(if state.reset(id, now) {
            text::reset(id)
        } else {
            text::nothing_to_reset(id)
        }),
        Change::Uncheck { step } => match state.run_mut(id) {
            Some(run) => {
                playbook::uncheck(pb, run, step, now)?;
                Ok(text::unchecked(step))
            }
            // No run: still refuse an unknown step, but start nothing.
            None => {
                playbook::uncheck(pb, &mut Run::new(id, now), step, now)?;
                Ok(text::UNCHANGED.text())
            }
        },
        Change::Start { account } => {
            let run = state.run_mut_or_start(id, now);
            if account.is_some() {
                playbook::set_account(run, account.clone(), now);
            }
            Ok(text::started(id, run.account.as_deref()))
        }
        Change::Check {
            step,
            note,
            account,
        } => {
            let run = state.run_mut_or_start(id, now);
            if account.is_some() {
                playbook::set_account(run, account.clone(), now);
            }
            playbook::check(pb, run, step, note.clone(), now)?;
            let rec = run.record(step);
            let s = pb.step(step);
            let waiting = s.is_some_and(|s| s.kind == StepKind::Wait)
                && rec.is_some_and(|r| r.done_at.is_none());
            let ends = rec
                .and_then(|r| r.wait_started)
                .zip(s.and_then(|s| s.wait()))
                .map(|(st, w)| st + w);
            Ok(match (waiting, ends) {
                (true, Some(ends)) => text::wait_started(step, &fmt_utc(ends), id),
                _ => text::checked(step, s.map_or("", |s| s.title.as_str())),
            })
        }
        Change::Skip { step, reason } => {
            let run = state.run_mut_or_start(id, now);
            playbook::skip(pb, run, step, reason, now)?;
            Ok(text::skipped(step, reason.trim()))
        }
        Change::Answer { step, choice, note } => {
            let run = state.run_mut_or_start(id, now);
            playbook::answer(pb, run, step, choice, now)?;
            if let Some(n) = note {
                playbook::note(pb, run, step, n, now)?;
            }
            let picked = run.record(step).and_then(|r| r.answer.clone());
            let title = pb
                .step(step)
                .and_then(|s| s.choice(picked.as_deref().unwrap_or("")))
                .map_or("", |c| c.title.as_str());
            Ok(text::answered(step, picked.as_deref().unwrap_or(""), title))
        }
        Change::Note { step, text: note } => {
            let run = state.run_mut_or_start(id, now);
            playbook::note(pb, run, step, note, now)?;
            Ok(text::noted(step))
        }
    }
}

fn fmt_utc(t: time::OffsetDateTime) -> String {
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

/// The step ids still to do on the run's path, the next one first.
fn open_steps(pb: &Playbook, run: Option<&Run>, now: time::OffsetDateTime) -> Vec<String> {
    let views = playbook::step_states(pb, run, now);
    let mut open: Vec<&playbook::StepView> = views
        .iter()
        .filter(|v| {
            matches!(
                v.state,
                StepState::Next | StepState::Open | StepState::Waiting
            )
        })
        .collect();
    open.sort_by_key(|v| v.state != StepState::Next);
    open.into_iter().map(|v| v.id.clone()).collect()
}

fn change(ctx: &Ctx, id: &str, change: Change) -> Result<(), CliError> {
    let pbs = load()?;
    let pb = find(&pbs, id)?;
    let mut vault = ctx.open_for_update()?;
    let now = now_utc();
    let before = vault.payload().playbooks.clone();
    let message = match apply(pb, &mut vault.payload_mut().playbooks, &change, now) {
        Ok(m) => m,
        Err(e) => {
            let hint = matches!(
                e,
                PlaybookError::UnknownStep { .. } | PlaybookError::StepSkipped { .. }
            );
            let msg = e.to_string();
            if hint {
                let open = open_steps(pb, before.run(id), now);
                return Err(CliError::input(text::with_open_steps(&msg, &open)));
            }
            return Err(CliError::input(msg));
        }
    };
    let changed = vault.payload().playbooks != before;
    if changed {
        let subject = match change.step() {
            Some(step) => format!("{id}/{step}"),
            None => id.to_owned(),
        };
        vault.audit(change.audit_action(), Some(&subject));
        super::merge_cmd::save(&mut vault)?;
    }
    let run = vault.payload().playbooks.run(id);
    if ctx.json() {
        let mut v = playbook::show_json(pb, run, &vault.payload().items, now);
        v["changed"] = json!(changed);
        return print_json(&v);
    }
    let shown = if changed || matches!(change, Change::Reset) {
        message
    } else {
        text::UNCHANGED.text()
    };
    noteln!("{shown}");
    if let Some(run) = run {
        let p = playbook::progress(pb, Some(run));
        let next = p
            .next_step
            .as_deref()
            .and_then(|n| pb.step(n))
            .map(|s| (s.id.as_str(), s.title.as_str()));
        noteln!("{}", text::progress(p.done, p.total_on_path, next, id));
    }
    Ok(())
}
