//! Recovery playbooks: schema, pure engine, built-ins, views and reports.
//!
//! A playbook is data: a TOML file (see `docs/playbooks.md`) with an id, a
//! title, when to use it, and steps (check, action, decision, note, wait).
//! This module owns
//!
//! - the model ([`Playbook`], [`Step`]) and parsing with line-precise
//!   [`Diagnostic`]s ([`parse_str`], [`validate_file`]);
//! - the built-in playbooks, embedded from `playbooks/<lang>/` with
//!   English as the fallback for any playbook not yet translated
//!   ([`builtin()`], [`builtin::all`], [`builtin::get`] by [`Lang`]);
//! - user playbooks from a directory ([`load_user_dir`], [`all_playbooks`]);
//! - the pure engine: runs, answers, progress, steps set aside as not
//!   applying ([`PlaybookState`], [`check`], [`skip`],
//!   [`answer`], [`progress`], [`step_states`]), which never reads a clock or
//!   a file: time is passed in;
//! - the text and JSON views the CLI and TUI print, and the Markdown
//!   incident report ([`show_text`], [`show_json`], [`render_report`]).
//!
//! Only the loaders in this file touch the file system.
//!
//! ```
//! use lifeboat::playbook::{self, PlaybookState};
//! use time::macros::datetime;
//!
//! let pbs = playbook::builtin();
//! let pb = pbs.iter().find(|p| p.id == "account-locked").unwrap();
//! let now = datetime!(2024-05-01 10:00 UTC);
//! let mut state = PlaybookState::default();
//! let run = state.run_mut_or_start(&pb.id, now);
//! let first = pb.steps[0].id.clone();
//! playbook::check(pb, run, &first, Some("tried at 10:00".into()), now).unwrap();
//! assert_eq!(playbook::progress(pb, state.run(&pb.id)).done, 1);
//! ```

use std::path::{Path, PathBuf};

use crate::lang::Lang;

pub mod builtin;
mod engine;
mod report;
mod schema;
pub mod strings;
mod tree;
mod validate;
mod view;

pub use builtin::{builtin, builtin_in, BUILTIN_IDS};
pub use engine::{
    account_contacts, answer, check, linked_items, linked_items_for_run, note, path, progress,
    set_account, skip, start_wait, step_states, uncheck, Contact, Event, PlaybookState, Progress,
    Run, StepRecord, StepState, StepView, EVENT_ACCOUNT, EVENT_ANSWERED, EVENT_ARCHIVED,
    EVENT_CHECKED, EVENT_FINISHED, EVENT_NOTED, EVENT_NOT_APPLICABLE, EVENT_REOPENED,
    EVENT_STARTED, EVENT_UNCHECKED, EVENT_WAIT_STARTED,
};
pub use report::render_report;
pub use schema::{
    format_duration, is_kebab_id, parse_duration, Choice, ItemLink, Playbook, Severity, Step,
    StepKind, STANDARD_WARNINGS,
};
pub use validate::{parse_str, Diagnostic, MAX_FILE_BYTES, MAX_STEPS, SCHEMA_VERSION};
pub use view::{guide_coverage, list_json, list_text, show_json, show_text};

/// Why a playbook could not be loaded or a step could not be recorded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PlaybookError {
    /// A playbook file or directory could not be read.
    #[error("{}", crate::tr!("err-playbook-playbook-error-io", path = path.display().to_string(), source = crate::i18n::io_reason(source)))]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Playbook files have problems; each diagnostic says where.
    #[error("{}", crate::tr!("err-playbook-invalid", n = _0.len(), details = join_diags(_0)))]
    Invalid(Vec<Diagnostic>),
    /// Two playbooks use the same id.
    #[error("{}", crate::tr!("err-playbook-playbook-error-duplicate-id", id = id.to_string(), first = first.to_string(), second = second.to_string()))]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was seen first (a built-in origin or a file).
        first: String,
        /// Where it was seen again.
        second: String,
    },
    /// No playbook has this id.
    #[error("{}", crate::tr!("err-playbook-unknown", id = id.as_str(), known = known.join(", ")))]
    UnknownPlaybook {
        /// The id asked for.
        id: String,
        /// The ids there are.
        known: Vec<String>,
    },
    /// The playbook has no step with this id.
    #[error("{}", crate::tr!("err-playbook-unknown-step", playbook = playbook.as_str(), step = step.as_str(), known = known.join(", ")))]
    UnknownStep {
        /// The playbook.
        playbook: String,
        /// The step asked for.
        step: String,
        /// The step ids there are.
        known: Vec<String>,
    },
    /// An earlier answer routed the run around this step.
    #[error("{}", skipped_message(.step, .decision.as_deref(), .answer.as_deref()))]
    StepSkipped {
        /// The step asked for.
        step: String,
        /// The decision whose answer skipped it, when one did.
        decision: Option<String>,
        /// That answer.
        answer: Option<String>,
    },
    /// A decision cannot be ticked; it is answered.
    #[error("{}", crate::tr!("err-playbook-is-decision", playbook = playbook.as_str(), step = step.as_str(), choices = choices.join(", ")))]
    IsDecision {
        /// The playbook.
        playbook: String,
        /// The decision step.
        step: String,
        /// Its choice ids.
        choices: Vec<String>,
    },
    /// Only decisions take answers.
    #[error("{}", crate::tr!("err-playbook-playbook-error-not-adecision", step = step.to_string(), kind = kind.to_string()))]
    NotADecision {
        /// The step.
        step: String,
        /// Its kind.
        kind: StepKind,
    },
    /// The answer is not one of the step's choices.
    #[error("{}", crate::tr!("err-playbook-unknown-choice", choice = choice.as_str(), step = step.as_str(), choices = choices.join("; ")))]
    UnknownChoice {
        /// The decision step.
        step: String,
        /// What was given.
        choice: String,
        /// The choices, numbered, as "1 = id (title)".
        choices: Vec<String>,
    },
    /// A note step was ticked without a note.
    #[error("{}", crate::tr!("err-playbook-playbook-error-note-required", step = step.to_string(), playbook = playbook.to_string()))]
    NoteRequired {
        /// The playbook.
        playbook: String,
        /// The note step.
        step: String,
    },
    /// A step was set aside without saying why.
    #[error("{}", crate::tr!("err-playbook-playbook-error-reason-required", step = step.to_string(), playbook = playbook.to_string()))]
    ReasonRequired {
        /// The playbook.
        playbook: String,
        /// The step.
        step: String,
    },
    /// A wait step was ticked before its timer ended.
    #[error("{}", crate::tr!("err-playbook-still-waiting", step = step.as_str(), playbook = playbook.as_str(), ends = view::fmt_time(*ends)))]
    StillWaiting {
        /// The playbook.
        playbook: String,
        /// The wait step.
        step: String,
        /// When the wait ends.
        ends: time::OffsetDateTime,
    },
    /// Only wait steps have timers.
    #[error("{}", crate::tr!("err-playbook-playbook-error-not-await", step = step.to_string()))]
    NotAWait {
        /// The step.
        step: String,
    },
}

fn join_diags(d: &[Diagnostic]) -> String {
    d.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn skipped_message(step: &str, decision: Option<&str>, answer: Option<&str>) -> String {
    match (decision, answer) {
        (Some(d), Some(a)) => crate::tr!(
            "err-playbook-skipped-by-answer",
            step = step,
            answer = a,
            decision = d
        ),
        _ => crate::tr!("err-playbook-not-on-path", step = step),
    }
}

/// Reads a file, refusing anything larger than a playbook can be.
fn read_capped(path: &Path) -> Result<String, std::io::Error> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut text = String::new();
    // Read one byte past the cap so an oversized file is recognised as such.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// Validates one user playbook file; every problem is reported with its
/// line and column. An id that a built-in already uses is a problem too.
pub fn validate_file(path: &Path) -> Result<Playbook, Vec<Diagnostic>> {
    let origin = path.display().to_string();
    let text = read_capped(path).map_err(|e| {
        vec![Diagnostic {
            file: origin.clone(),
            line: 1,
            column: 1,
            message: crate::tr!(
                "err-playbook-cannot-read-file",
                error = crate::i18n::io_reason(&e)
            ),
        }]
    })?;
    let pb = parse_str(&text, &origin)?;
    if let Some(b) = builtin().into_iter().find(|b| b.id == pb.id) {
        let (line, column) = validate::top_key_position(&text, "id");
        // A file in another language with a built-in's id is a translation
        // of it: valid when it keeps the original's structure.
        if pb.lang != b.lang {
            return match builtin::shape_difference(&b, &pb) {
                None => Ok(pb),
                Some(d) => Err(vec![Diagnostic {
                    file: origin,
                    line,
                    column,
                    message: crate::tr!("pb-validate-translation", id = &b.id, difference = d),
                }]),
            };
        }
        return Err(vec![Diagnostic {
            file: origin,
            line,
            column,
            message: crate::tr!("pb-validate-builtin-id", id = &pb.id, origin = &b.origin),
        }]);
    }
    Ok(pb)
}

/// Loads every `*.toml` in `dir` (sorted by file name). A missing directory
/// holds no playbooks. Problems in all files are reported together; an id
/// that clashes with a built-in or another file is an error naming both.
pub fn load_user_dir(dir: &Path) -> Result<Vec<Playbook>, PlaybookError> {
    load_user_dir_against(dir, &builtin())
}

fn load_user_dir_against(
    dir: &Path,
    builtins: &[Playbook],
) -> Result<Vec<Playbook>, PlaybookError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(PlaybookError::Io {
                path: dir.to_owned(),
                source,
            })
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| PlaybookError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    let mut out: Vec<Playbook> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let text = read_capped(&path).map_err(|source| PlaybookError::Io {
            path: path.clone(),
            source,
        })?;
        match parse_str(&text, &path.display().to_string()) {
            Ok(pb) => {
                if let Some(other) = builtins.iter().chain(out.iter()).find(|o| o.id == pb.id) {
                    return Err(PlaybookError::DuplicateId {
                        id: pb.id,
                        first: other.origin.clone(),
                        second: path.display().to_string(),
                    });
                }
                out.push(pb);
            }
            Err(d) => problems.extend(d),
        }
    }
    if !problems.is_empty() {
        return Err(PlaybookError::Invalid(problems));
    }
    Ok(out)
}

/// The built-ins in the UI language ([`crate::i18n::lang`]; English where
/// one is not translated) followed by the user's playbooks from `user_dir`.
pub fn all_playbooks(user_dir: Option<&Path>) -> Result<Vec<Playbook>, PlaybookError> {
    all_playbooks_in(user_dir, crate::i18n::lang())
}

/// The built-ins in `lang` (English where one is not translated) followed
/// by the user's playbooks from `user_dir`, which are in whatever language
/// their files are written in.
pub fn all_playbooks_in(
    user_dir: Option<&Path>,
    lang: Lang,
) -> Result<Vec<Playbook>, PlaybookError> {
    let mut all = builtin::all(lang);
    if let Some(dir) = user_dir {
        let user = load_user_dir_against(dir, &all)?;
        all.extend(user);
    }
    Ok(all)
}

/// Finds a playbook by id, with an error that lists the ids there are.
pub fn find<'a>(pbs: &'a [Playbook], id: &str) -> Result<&'a Playbook, PlaybookError> {
    pbs.iter()
        .find(|p| p.id == id)
        .ok_or_else(|| PlaybookError::UnknownPlaybook {
            id: id.to_owned(),
            known: pbs.iter().map(|p| p.id.clone()).collect(),
        })
}

/// Parses text the way a fuzzer should exercise it: no panic on any input,
/// and a parsed playbook survives a JSON round trip and walks cleanly.
#[doc(hidden)]
pub fn fuzz_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(pb) = parse_str(text, "fuzz") {
        let json = serde_json::to_string(&pb).unwrap_or_default();
        let back: Option<Playbook> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&pb));
        let now = time::OffsetDateTime::UNIX_EPOCH;
        let mut run = Run::new(&pb.id, now);
        for s in &pb.steps {
            let _ = check(&pb, &mut run, &s.id, Some("n".into()), now);
            if let Some(c) = s.choices.first() {
                let _ = answer(&pb, &mut run, &s.id, &c.id, now);
            }
        }
        let _ = show_text(&pb, Some(&run), &[], now);
        let _ = render_report(&pb, &run, &[], now);
    } else if let Err(d) = parse_str(text, "fuzz") {
        assert!(!d.is_empty());
    }
}
