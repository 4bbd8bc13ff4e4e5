//! Turning playbook text into a [`Playbook`], or into every problem found.
//!
//! The text is read into a position-keeping tree first (see `tree`), then
//! each key is checked by hand so that one run reports all problems it can,
//! each at the line and column where it sits, instead of stopping at the
//! first like derived deserialization would.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::item::ItemKind;

use super::schema::{
    is_kebab_id, parse_duration, Choice, ItemLink, Playbook, Severity, Step, StepKind,
    STANDARD_WARNINGS,
};
use super::strings::strings;
use super::tree::{line_col, Document, Key, Node, Value};

/// Files larger than this are refused before parsing: no real playbook is
/// near it, and a hostile file must not cost much.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// More steps than this is refused for the same reason.
pub const MAX_STEPS: usize = 300;
/// The schema version this lifeboat understands.
pub const SCHEMA_VERSION: i64 = 1;

/// One problem in a playbook file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The file (or origin label) the problem is in.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong and, where it helps, what to write instead.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

const TOP_KEYS: &[&str] = &[
    "schema", "id", "title", "summary", "symptoms", "severity", "lang", "steps",
];
const STEP_KEYS: &[&str] = &[
    "id", "kind", "title", "detail", "why", "do_not", "commands", "source", "next", "end", "link",
    "choices", "prompt", "wait", "contact", "warnings",
];
const CHOICE_KEYS: &[&str] = &["id", "title", "next"];
const LINK_KEYS: &[&str] = &["kinds", "accounts", "tags"];

/// Parses and validates playbook text. `origin` names the file in
/// diagnostics and becomes [`Playbook::origin`].
pub fn parse_str(text: &str, origin: &str) -> Result<Playbook, Vec<Diagnostic>> {
    parse_inner(text, origin, false)
}

pub(crate) fn parse_inner(
    text: &str,
    origin: &str,
    builtin: bool,
) -> Result<Playbook, Vec<Diagnostic>> {
    let mut cx = Cx {
        text,
        problems: Vec::new(),
    };
    let result = if text.len() > MAX_FILE_BYTES {
        cx.at(
            None,
            crate::tr!(
                "pb-validate-too-large",
                size = text.len(),
                max = MAX_FILE_BYTES
            ),
        );
        None
    } else {
        match toml::from_str::<Document>(text) {
            Ok(doc) => build(&mut cx, &doc, origin, builtin),
            Err(e) => {
                cx.at(
                    e.span(),
                    crate::tr!("pb-validate-toml-syntax", message = e.message().trim()),
                );
                None
            }
        }
    };
    match result {
        Some(pb) if cx.problems.is_empty() => Ok(pb),
        _ => Err(cx.finish(origin)),
    }
}

struct Cx<'a> {
    text: &'a str,
    problems: Vec<(usize, String)>,
}

impl Cx<'_> {
    fn at(&mut self, span: Option<Range<usize>>, msg: impl Into<String>) {
        self.problems
            .push((span.map(|s| s.start).unwrap_or(0), msg.into()));
    }

    fn finish(mut self, origin: &str) -> Vec<Diagnostic> {
        // Stable: problems at one position keep the order they were found in.
        self.problems.sort_by_key(|(off, _)| *off);
        self.problems.dedup();
        self.problems
            .into_iter()
            .map(|(off, message)| {
                let (line, column) = line_col(self.text, off);
                Diagnostic {
                    file: origin.to_owned(),
                    line,
                    column,
                    message,
                }
            })
            .collect()
    }
}

/// A table being checked, with a label for messages ("step `x`").
struct Tbl<'t> {
    entries: &'t [(Key, Node)],
    span: Option<Range<usize>>,
    label: String,
}

fn span_of(n: &Node, k: &Key) -> Option<Range<usize>> {
    n.span.clone().or_else(|| k.span.clone())
}

impl<'t> Tbl<'t> {
    fn get(&self, key: &str) -> Option<&'t (Key, Node)> {
        self.entries.iter().find(|(k, _)| k.name == key)
    }

    fn check_keys(&self, cx: &mut Cx, allowed: &[&str]) {
        for (k, _) in self.entries {
            if !allowed.contains(&k.name.as_str()) {
                let hint = hint(&k.name, allowed);
                cx.at(
                    k.span.clone(),
                    crate::tr!(
                        "pb-validate-unknown-key",
                        key = &k.name,
                        where = &self.label,
                        hint = hint
                    ),
                );
            }
        }
    }

    fn missing(&self, cx: &mut Cx, key: &str, example: &str) {
        cx.at(
            self.span.clone(),
            crate::tr!(
                "pb-validate-missing",
                where = &self.label,
                key = key,
                example = example
            ),
        );
    }

    /// A string value; reports a missing required key or a wrong type.
    fn string(
        &self,
        cx: &mut Cx,
        key: &str,
        required: Option<&str>,
    ) -> Option<(String, Option<Range<usize>>)> {
        match self.get(key) {
            None => {
                if let Some(ex) = required {
                    self.missing(cx, key, ex);
                }
                None
            }
            Some((k, n)) => match &n.value {
                Value::String(s) if s.trim().is_empty() && required.is_some() => {
                    cx.at(
                        span_of(n, k),
                        crate::tr!("pb-validate-empty", key = key, where = &self.label),
                    );
                    None
                }
                Value::String(s) => Some((s.clone(), span_of(n, k))),
                other => {
                    cx.at(
                        span_of(n, k),
                        crate::tr!(
                            "pb-validate-not-string",
                            key = key,
                            where = &self.label,
                            found = other.type_name()
                        ),
                    );
                    None
                }
            },
        }
    }

    /// A string or an array of strings, as a list.
    fn strings(&self, cx: &mut Cx, key: &str) -> Vec<(String, Option<Range<usize>>)> {
        let Some((k, n)) = self.get(key) else {
            return Vec::new();
        };
        match &n.value {
            Value::String(s) => vec![(s.clone(), span_of(n, k))],
            Value::Array(items) => {
                let mut out = Vec::new();
                for it in items {
                    match &it.value {
                        Value::String(s) => {
                            out.push((s.clone(), it.span.clone().or(span_of(n, k))))
                        }
                        other => cx.at(
                            it.span.clone().or(span_of(n, k)),
                            crate::tr!(
                                "pb-validate-not-strings",
                                key = key,
                                where = &self.label,
                                found = other.type_name()
                            ),
                        ),
                    }
                }
                out
            }
            other => {
                cx.at(
                    span_of(n, k),
                    crate::tr!(
                        "pb-validate-not-string-or-list",
                        key = key,
                        where = &self.label,
                        found = other.type_name()
                    ),
                );
                Vec::new()
            }
        }
    }

    fn boolean(&self, cx: &mut Cx, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some((
                _,
                Node {
                    value: Value::Boolean(b),
                    ..
                },
            )) => *b,
            Some((k, n)) => {
                cx.at(
                    span_of(n, k),
                    crate::tr!(
                        "pb-validate-not-boolean",
                        key = key,
                        where = &self.label,
                        found = n.value.type_name()
                    ),
                );
                false
            }
        }
    }

    /// An array of tables (or a single inline table, taken as one).
    fn tables(&self, cx: &mut Cx, key: &str) -> Option<Vec<&'t Node>> {
        let (k, n) = self.get(key)?;
        match &n.value {
            Value::Array(items) => {
                let mut out = Vec::new();
                for it in items {
                    if matches!(it.value, Value::Table(_)) {
                        out.push(it);
                    } else {
                        cx.at(
                            it.span.clone().or(span_of(n, k)),
                            crate::tr!(
                                "pb-validate-entry-not-table",
                                key = key,
                                where = &self.label,
                                found = it.value.type_name()
                            ),
                        );
                    }
                }
                Some(out)
            }
            other => {
                cx.at(
                    span_of(n, k),
                    crate::tr!(
                        "pb-validate-not-tables",
                        key = key,
                        where = &self.label,
                        found = other.type_name()
                    ),
                );
                None
            }
        }
    }
}

fn table_of<'t>(n: &'t Node, label: String) -> Tbl<'t> {
    let entries: &[(Key, Node)] = match &n.value {
        Value::Table(t) => t,
        _ => &[],
    };
    // A table from `[[steps]]` may come without a span of its own; its first
    // key is the next best place to point at.
    let span = n
        .span
        .clone()
        .or_else(|| entries.first().and_then(|(k, _)| k.span.clone()));
    Tbl {
        entries,
        span,
        label,
    }
}

/// Which id [`check_id`] checks, for its message.
#[derive(Clone, Copy)]
enum IdOf {
    Playbook,
    Step,
    Choice,
}

fn check_id(cx: &mut Cx, id: &str, span: Option<Range<usize>>, of: IdOf) {
    if !is_kebab_id(id) {
        let what = match of {
            IdOf::Playbook => crate::tr!("pb-validate-what-playbook-id"),
            IdOf::Step => crate::tr!("pb-validate-what-step-id"),
            IdOf::Choice => crate::tr!("pb-validate-what-choice-id"),
        };
        cx.at(
            span,
            crate::tr!("pb-validate-not-kebab", what = what, id = id),
        );
    }
}

/// The second half of an "unknown word" message: the allowed word `word`
/// is likely a typo of, else the whole list.
fn hint(word: &str, allowed: &[&str]) -> String {
    match closest(word, allowed) {
        Some(s) => crate::tr!("pb-validate-hint-did-you-mean", word = s),
        None => crate::tr!("pb-validate-hint-one-of", list = allowed.join(", ")),
    }
}

/// A `next` (of a step or a choice) waiting to be resolved once every step
/// id is known.
struct Target {
    step: usize,
    from_choice: bool,
    to: String,
    span: Option<Range<usize>>,
}

/// Where a step's flow goes, with the span of the key that sent it there.
struct Edge {
    to: usize,
    span: Option<Range<usize>>,
}

struct StepSpans {
    id: Option<Range<usize>>,
}

fn build(cx: &mut Cx, doc: &Document, origin: &str, builtin: bool) -> Option<Playbook> {
    let top = Tbl {
        entries: &doc.0,
        span: None,
        label: crate::tr!("pb-validate-the-playbook"),
    };
    top.check_keys(cx, TOP_KEYS);

    if let Some((k, n)) = top.get("schema") {
        match n.value {
            Value::Integer(v) if v == SCHEMA_VERSION => {}
            Value::Integer(v) if v > SCHEMA_VERSION => cx.at(
                span_of(n, k),
                crate::tr!(
                    "pb-validate-newer-schema",
                    found = v,
                    supported = SCHEMA_VERSION
                ),
            ),
            _ => cx.at(
                span_of(n, k),
                crate::tr!("pb-validate-bad-schema", supported = SCHEMA_VERSION),
            ),
        }
    }

    let id = top.string(cx, "id", Some("\"account-locked\""));
    if let Some((id, span)) = &id {
        check_id(cx, id, span.clone(), IdOf::Playbook);
    }
    let title = top.string(cx, "title", Some("\"My account is locked\""));
    let summary = top.string(cx, "summary", Some("\"Get back into a locked account.\""));
    let symptoms: Vec<String> = top
        .strings(cx, "symptoms")
        .into_iter()
        .map(|s| s.0)
        .collect();
    let severity = match top.string(cx, "severity", Some("\"high\"")) {
        Some((s, span)) => match Severity::parse(&s) {
            Some(sev) => Some(sev),
            None => {
                cx.at(span, crate::tr!("pb-validate-unknown-severity", value = &s));
                None
            }
        },
        None => None,
    };
    let lang = match top.string(cx, "lang", None) {
        Some((l, span)) => {
            let ok = !l.is_empty()
                && l.len() <= 16
                && l.split('-')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
            if !ok {
                cx.at(span, crate::tr!("pb-validate-bad-lang", value = &l));
            }
            l
        }
        None => "en".to_owned(),
    };

    let step_nodes = match top.tables(cx, "steps") {
        Some(v) if v.is_empty() => {
            cx.at(
                top.get("steps").and_then(|(k, n)| span_of(n, k)),
                crate::tr!("pb-validate-no-steps"),
            );
            Vec::new()
        }
        Some(v) => v,
        None => {
            if top.get("steps").is_none() {
                cx.at(None, crate::tr!("pb-validate-no-steps"));
            }
            Vec::new()
        }
    };
    if step_nodes.len() > MAX_STEPS {
        cx.at(
            step_nodes[MAX_STEPS].span.clone(),
            crate::tr!(
                "pb-validate-too-many-steps",
                n = step_nodes.len(),
                max = MAX_STEPS
            ),
        );
        return None;
    }

    // First pass: each step on its own.
    let mut steps: Vec<Option<Step>> = Vec::new();
    let mut spans: Vec<StepSpans> = Vec::new();
    let mut targets: Vec<Target> = Vec::new();
    let mut seen: HashMap<String, (usize, Option<Range<usize>>)> = HashMap::new();

    for (i, node) in step_nodes.iter().enumerate() {
        let provisional = crate::tr!("pb-validate-step-number", n = i + 1);
        let t0 = table_of(node, provisional.clone());
        let sid = t0.string(cx, "id", Some("\"call-support\""));
        let label = match &sid {
            Some((s, _)) => crate::tr!("pb-validate-step-id", id = s),
            None => provisional,
        };
        let t = Tbl { label, ..t0 };
        t.check_keys(cx, STEP_KEYS);
        if let Some((s, span)) = &sid {
            check_id(cx, s, span.clone(), IdOf::Step);
            if let Some((_, first)) = seen.get(s) {
                let (l, c) = first
                    .clone()
                    .map(|r| line_col(cx.text, r.start))
                    .unwrap_or((0, 0));
                cx.at(
                    span.clone(),
                    crate::tr!("pb-validate-duplicate-step", id = s, line = l, column = c),
                );
            } else {
                seen.insert(s.clone(), (i, span.clone()));
            }
        }
        let kind = match t.string(cx, "kind", Some("\"check\"")) {
            Some((k, span)) => match StepKind::parse(&k) {
                Some(k) => Some(k),
                None => {
                    cx.at(
                        span,
                        crate::tr!("pb-validate-unknown-step-kind", kind = &k, where = &t.label),
                    );
                    None
                }
            },
            None => None,
        };
        let title = t.string(cx, "title", Some("\"Call support\""));
        let detail = t.string(cx, "detail", None).map(|s| s.0);
        let why = t.string(cx, "why", None).map(|s| s.0);
        let own_do_not: Vec<String> = t.strings(cx, "do_not").into_iter().map(|s| s.0).collect();
        let contact = t.boolean(cx, "contact");
        // Standard warnings: `fake-support` first on a contact step, then
        // the ones named, each once; their text leads the step's own.
        let mut warnings: Vec<String> = Vec::new();
        if contact {
            warnings.push("fake-support".to_owned());
        }
        for (w, span) in t.strings(cx, "warnings") {
            if !STANDARD_WARNINGS.contains(&w.as_str()) {
                let hint = hint(&w, &STANDARD_WARNINGS);
                cx.at(
                    span,
                    crate::tr!(
                        "pb-validate-unknown-warning",
                        warning = &w,
                        where = &t.label,
                        hint = hint
                    ),
                );
            } else if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        let words = strings(&lang);
        let do_not: Vec<String> = warnings
            .iter()
            .filter_map(|w| words.standard_warning(w))
            .map(str::to_owned)
            .chain(own_do_not)
            .collect();
        let commands: Vec<String> = t.strings(cx, "commands").into_iter().map(|s| s.0).collect();
        let source: Vec<String> = t.strings(cx, "source").into_iter().map(|s| s.0).collect();
        let end = t.boolean(cx, "end");
        let next = t.string(cx, "next", None);
        if let Some((n, span)) = &next {
            if end {
                cx.at(
                    span.clone(),
                    crate::tr!("pb-validate-next-and-end", where = &t.label),
                );
            }
            // A decision's own `next` is refused below, so it must not
            // count as an edge either.
            if kind != Some(StepKind::Decision) {
                targets.push(Target {
                    step: i,
                    from_choice: false,
                    to: n.clone(),
                    span: span.clone(),
                });
            }
        }
        let prompt = t.string(cx, "prompt", None).map(|s| s.0);

        // Kind-specific keys: required where the kind needs them, refused
        // where they would be silently ignored.
        let misplaced = |cx: &mut Cx, key: &str, owner: &str| {
            if let Some((k, _)) = t.get(key) {
                cx.at(
                    k.span.clone(),
                    crate::tr!(
                        "pb-validate-misplaced",
                        key = key,
                        owner = owner,
                        where = &t.label
                    ),
                );
            }
        };
        let mut link = None;
        let mut choices = Vec::new();
        let mut wait_seconds = None;
        match kind {
            Some(StepKind::Action) => {
                link = parse_link(cx, &t);
            }
            Some(other) => {
                misplaced(cx, "link", "action");
                let _ = other;
            }
            None => {}
        }
        match kind {
            Some(StepKind::Decision) => {
                if let Some((k, _)) = t.get("next") {
                    cx.at(
                        k.span.clone(),
                        crate::tr!("pb-validate-decision-next", where = &t.label),
                    );
                }
                if end {
                    if let Some((k, _)) = t.get("end") {
                        cx.at(
                            k.span.clone(),
                            crate::tr!("pb-validate-decision-end", where = &t.label),
                        );
                    }
                }
                choices = parse_choices(cx, &t, i, &mut targets);
            }
            Some(_) => misplaced(cx, "choices", "decision"),
            None => {}
        }
        match kind {
            Some(StepKind::Wait) => {
                if let Some((w, span)) = t.string(cx, "wait", Some("\"24h\"")) {
                    match parse_duration(&w) {
                        Some(secs) => wait_seconds = Some(secs),
                        None => cx.at(
                            span,
                            crate::tr!("pb-validate-bad-duration", value = &w, where = &t.label),
                        ),
                    }
                }
            }
            Some(_) => misplaced(cx, "wait", "wait"),
            None => {}
        }
        if !matches!(kind, Some(StepKind::Note) | None) {
            misplaced(cx, "prompt", "note");
        }

        spans.push(StepSpans {
            id: sid.as_ref().and_then(|s| s.1.clone()),
        });
        steps.push(match (sid, kind, title) {
            (Some((id, _)), Some(kind), Some((title, _))) => Some(Step {
                id,
                kind,
                title,
                detail,
                why,
                do_not,
                commands,
                source,
                contact,
                warnings,
                next: next.map(|n| n.0),
                end,
                link,
                choices,
                prompt,
                wait_seconds,
            }),
            _ => None,
        });
    }

    // Second pass: the flow between steps.
    let mut edges: Vec<Vec<Edge>> = (0..steps.len()).map(|_| Vec::new()).collect();
    let mut dangling = false;
    for Target {
        step: i,
        from_choice,
        to: target,
        span,
    } in &targets
    {
        match seen.get(target) {
            Some((to, _)) => edges[*i].push(Edge {
                to: *to,
                span: span.clone(),
            }),
            None => {
                dangling = true;
                let what = if *from_choice {
                    crate::tr!("pb-validate-from-choice")
                } else {
                    crate::tr!("pb-validate-from-next")
                };
                let ids: Vec<&str> = seen.keys().map(String::as_str).collect();
                let msg = match closest(target, &ids) {
                    Some(s) => crate::tr!(
                        "pb-validate-dangling-hint",
                        what = what,
                        target = target,
                        word = s
                    ),
                    None => crate::tr!("pb-validate-dangling", what = what, target = target),
                };
                cx.at(span.clone(), msg);
            }
        }
    }
    // Fall-through edges: to the following step, unless redirected or ended.
    for (i, st) in steps.iter().enumerate() {
        let Some(st) = st else { continue };
        let falls = match st.kind {
            StepKind::Decision => st.choices.iter().any(|c| c.next.is_none()),
            _ => st.next.is_none() && !st.end,
        };
        if falls && i + 1 < steps.len() {
            edges[i].push(Edge {
                to: i + 1,
                span: None,
            });
        }
    }

    let complete = steps.iter().all(Option::is_some);
    if complete && !dangling && !steps.is_empty() {
        check_flow(cx, &steps, &spans, &edges);
    }

    let steps: Vec<Step> = steps.into_iter().flatten().collect();
    Some(Playbook {
        id: id?.0,
        title: title?.0,
        summary: summary?.0,
        symptoms,
        severity: severity?,
        lang,
        origin: origin.to_owned(),
        builtin,
        steps,
    })
}

fn parse_link(cx: &mut Cx, t: &Tbl) -> Option<ItemLink> {
    let Some((k, n)) = t.get("link") else {
        t.missing(cx, "link", "{ kinds = [\"codes\"] }");
        return None;
    };
    if !matches!(n.value, Value::Table(_)) {
        cx.at(
            span_of(n, k),
            crate::tr!("pb-validate-link-not-table", where = &t.label),
        );
        return None;
    }
    let lt = table_of(n, crate::tr!("pb-validate-link-of", where = &t.label));
    let lt = Tbl {
        span: lt.span.or(k.span.clone()),
        ..lt
    };
    lt.check_keys(cx, LINK_KEYS);
    let mut link = ItemLink::default();
    for (kind, span) in lt.strings(cx, "kinds") {
        match ItemKind::parse(&kind) {
            Some(k) => link.kinds.push(k),
            None => cx.at(
                span,
                crate::tr!("pb-validate-unknown-item-kind", kind = &kind, where = &lt.label),
            ),
        }
    }
    link.accounts = lt
        .strings(cx, "accounts")
        .into_iter()
        .map(|s| s.0)
        .collect();
    link.tags = lt.strings(cx, "tags").into_iter().map(|s| s.0).collect();
    if lt.entries.is_empty() {
        cx.at(
            lt.span.clone(),
            crate::tr!("pb-validate-link-empty", where = &t.label),
        );
    }
    Some(link)
}

fn parse_choices(cx: &mut Cx, t: &Tbl, step: usize, targets: &mut Vec<Target>) -> Vec<Choice> {
    let Some(nodes) = t.tables(cx, "choices") else {
        if t.get("choices").is_none() {
            cx.at(
                t.span.clone(),
                crate::tr!("pb-validate-no-choices", where = &t.label),
            );
        }
        return Vec::new();
    };
    if nodes.len() < 2 {
        let span = t
            .get("choices")
            .and_then(|(k, n)| span_of(n, k))
            .or(t.span.clone());
        cx.at(
            span,
            crate::tr!(
                "pb-validate-few-choices",
                where = &t.label,
                n = nodes.len()
            ),
        );
    }
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for (ci, n) in nodes.iter().enumerate() {
        let ct = table_of(
            n,
            crate::tr!("pb-validate-choice-of", n = ci + 1, where = &t.label),
        );
        ct.check_keys(cx, CHOICE_KEYS);
        let id = ct.string(cx, "id", Some("\"yes\""));
        if let Some((id, span)) = &id {
            check_id(cx, id, span.clone(), IdOf::Choice);
            if !ids.insert(id.clone()) {
                cx.at(
                    span.clone(),
                    crate::tr!("pb-validate-duplicate-choice", id = id, where = &t.label),
                );
            }
        }
        let title = ct.string(cx, "title", Some("\"Yes\""));
        let next = ct.string(cx, "next", None);
        if let Some((n, span)) = &next {
            targets.push(Target {
                step,
                from_choice: true,
                to: n.clone(),
                span: span.clone(),
            });
        }
        if let (Some((id, _)), Some((title, _))) = (id, title) {
            out.push(Choice {
                id,
                title,
                next: next.map(|n| n.0),
            });
        }
    }
    out
}

/// Reports steps nothing leads to, and loops.
fn check_flow(cx: &mut Cx, steps: &[Option<Step>], spans: &[StepSpans], edges: &[Vec<Edge>]) {
    // Iterative depth-first search from the first step; a grey target is an
    // edge back into the current path, i.e. a loop.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        White,
        Grey,
        Black,
    }
    let mut mark = vec![Mark::White; steps.len()];
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    mark[0] = Mark::Grey;
    while let Some((node, ei)) = stack.pop() {
        if let Some(e) = edges[node].get(ei) {
            stack.push((node, ei + 1));
            match mark[e.to] {
                Mark::White => {
                    mark[e.to] = Mark::Grey;
                    stack.push((e.to, 0));
                }
                Mark::Grey => {
                    let to = steps[e.to].as_ref().map(|s| s.id.as_str()).unwrap_or("?");
                    cx.at(
                        e.span.clone().or(spans[node].id.clone()),
                        crate::tr!("pb-validate-loop", step = to),
                    );
                }
                Mark::Black => {}
            }
        } else {
            mark[node] = Mark::Black;
        }
    }
    for (i, m) in mark.iter().enumerate() {
        if *m == Mark::White {
            let id = steps[i].as_ref().map(|s| s.id.as_str()).unwrap_or("?");
            cx.at(
                spans[i].id.clone(),
                crate::tr!("pb-validate-unreachable", step = id),
            );
        }
    }
}

/// The allowed word nearest to `word`, if it is a likely typo of it.
fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX / 2;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Where a top-level key's value sits, for diagnostics found after parsing.
pub(crate) fn top_key_position(text: &str, key: &str) -> (usize, usize) {
    toml::from_str::<Document>(text)
        .ok()
        .and_then(|d| {
            d.0.iter()
                .find(|(k, _)| k.name == key)
                .and_then(|(k, n)| span_of(n, k))
        })
        .map(|s| line_col(text, s.start))
        .unwrap_or((1, 1))
}
