//! The layering, checked on the source text: the core never names a front
//! end or its libraries, the TUI never uses the command line, and the
//! command line uses the TUI only to start it (`open_tui` in
//! src/cli/commands.rs). `cargo check --lib --no-default-features` proves
//! the core builds without clap and ratatui; this proves the front ends
//! do not lean on each other, which the compiler cannot see.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no Rust files under {}", dir.display());
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// True when `needle` occurs in `code` as a whole path (no identifier
/// character right before or after it: `super::clipboard` is not `cli`).
fn names(code: &str, needle: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(needle).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + needle.len()..].chars().next();
        let joined_before = before.is_some_and(ident);
        let joined_after = needle.ends_with(ident) && after.is_some_and(ident);
        !joined_before && !joined_after
    })
}

/// Lines of code (comments dropped) naming any of `needles`, as
/// `file:line: text`.
fn uses(dir: &Path, needles: &[&str]) -> Vec<(PathBuf, usize, String)> {
    let mut hits = Vec::new();
    for f in rust_files(dir) {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if needles.iter().any(|w| names(code, w)) {
                hits.push((f.clone(), n + 1, line.trim().to_owned()));
            }
        }
    }
    hits
}

fn show(hits: &[(PathBuf, usize, String)]) -> String {
    hits.iter()
        .map(|(f, n, l)| format!("{}:{n}: {l}\n", f.display()))
        .collect()
}

#[test]
fn the_tui_does_not_use_the_command_line() {
    let hits = uses(
        &src().join("tui"),
        &[
            "crate::cli",
            "lifeboat::cli",
            "super::cli",
            "super::super::cli",
            "cli::",
        ],
    );
    assert!(
        hits.is_empty(),
        "src/tui uses the command line:\n{}",
        show(&hits)
    );
}

#[test]
fn the_command_line_only_starts_the_tui() {
    let hits = uses(
        &src().join("cli"),
        &["tui::", "crate::tui", "lifeboat::tui"],
    );
    // The single dispatch: start it, hand it its options, map its error.
    let allowed = [
        "crate::tui::run_demo()",
        "crate::tui::run(crate::tui::Options {",
        "crate::tui::TuiError",
    ];
    let stray: Vec<_> = hits
        .iter()
        .filter(|(f, _, l)| {
            !(f.ends_with("cli/commands.rs") && allowed.iter().any(|a| l.contains(a)))
        })
        .cloned()
        .collect();
    assert!(
        stray.is_empty(),
        "src/cli uses the TUI beyond starting it:\n{}",
        show(&stray)
    );
    assert!(
        hits.iter().any(|(_, _, l)| l.contains("crate::tui::run(")),
        "the dispatch into the TUI moved; update this test"
    );
}

#[test]
fn the_core_names_no_front_end() {
    let front = [
        "crate::cli",
        "crate::tui",
        "clap::",
        "ratatui",
        "crossterm",
        "rpassword",
    ];
    let mut hits = Vec::new();
    for entry in std::fs::read_dir(src()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if ["cli", "tui", "main.rs", "lib.rs"].contains(&name.as_str()) {
            continue;
        }
        if p.is_dir() {
            hits.extend(uses(&p, &front));
        } else if name.ends_with(".rs") {
            let text = std::fs::read_to_string(&p).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if front.iter().any(|w| names(code, w)) {
                    hits.push((p.clone(), n + 1, line.trim().to_owned()));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "the core names a front end:\n{}",
        show(&hits)
    );
}

/// The checker itself: it must see a use where there is one.
#[test]
fn the_checker_finds_a_planted_use() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.rs"),
        "// crate::cli in a comment is fine\nuse crate::cli::CliError;\n",
    )
    .unwrap();
    let hits = uses(dir.path(), &["crate::cli"]);
    assert_eq!(hits.len(), 1, "{}", show(&hits));
    assert_eq!(hits[0].1, 2);
    assert!(names("use super::cli::input;", "cli::"));
    assert!(!names("use super::clipboard;", "cli::"));
    assert!(!names("let public::x = 1;", "cli::"));
}

/// Nothing in the repository reads outside it: no test, bench, fuzz script,
/// CI step or build step names a parent folder's shared files or this
/// machine's paths. (`.ci/run` also runs the suite in a fresh clone.)
#[test]
fn nothing_reads_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests", "benches", "fuzz", ".ci", "src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd {
                let p = e.unwrap().path();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                if p.is_dir() {
                    // Build output and fuzz corpora are not the repository's text.
                    if !["target", "corpus", "artifacts", "snapshots"].contains(&name.as_str()) {
                        stack.push(p);
                    }
                } else if [".rs", ".sh", ".py", ".toml"]
                    .iter()
                    .any(|x| name.ends_with(x))
                    || name == "run"
                {
                    files.push(p);
                }
            }
        }
    }
    files.push(root.join("Cargo.toml"));
    assert!(files.len() > 20, "walked too few files: {}", files.len());
    // Spelled in pieces so this file does not itself name the paths.
    let outside = [
        concat!("..", "/shared"),
        "/work/",
        concat!("shared", "/vectors"),
    ];
    let mut hits = Vec::new();
    for f in files {
        if f.ends_with("tests/architecture.rs") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            if outside.iter().any(|o| line.contains(o)) {
                hits.push((f.clone(), n + 1, line.trim().to_owned()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "reads outside the repository:\n{}",
        show(&hits)
    );
}
