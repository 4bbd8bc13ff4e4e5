//! Validation: a corpus of broken playbooks, one test case per file, each
//! listing the diagnostics it must produce (and no others) in trailing
//! `# expect: LINE:COL: message fragment` comments.

use std::path::Path;

use lifeboat::playbook::{self, Diagnostic};

fn expectations(text: &str) -> Vec<(usize, usize, String)> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|e| {
            let mut it = e.splitn(3, ':');
            let line = it.next().unwrap().trim().parse().unwrap();
            let col = it.next().unwrap().trim().parse().unwrap();
            (line, col, it.next().unwrap().trim().to_owned())
        })
        .collect()
}

fn show(d: &[Diagnostic]) -> String {
    d.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_bad_fixture_fails_with_the_expected_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/playbooks/bad");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 15, "corpus too small");
    let mut failures = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let expected = expectations(&text);
        assert!(!expected.is_empty(), "{name} has no # expect lines");
        let diags = match playbook::parse_str(&text, &name) {
            Ok(_) => {
                failures.push(format!("{name}: parsed without problems"));
                continue;
            }
            Err(d) => d,
        };
        for d in &diags {
            assert_eq!(d.file, name);
            assert_eq!(
                d.to_string(),
                format!("{name}:{}:{}: {}", d.line, d.column, d.message)
            );
        }
        for (line, col, frag) in &expected {
            if !diags
                .iter()
                .any(|d| d.line == *line && d.column == *col && d.message.contains(frag.as_str()))
            {
                failures.push(format!(
                    "{name}: missing {line}:{col}: {frag}\n  got:\n{}",
                    show(&diags)
                ));
            }
        }
        if diags.len() != expected.len() {
            failures.push(format!(
                "{name}: expected {} diagnostics, got {}:\n{}",
                expected.len(),
                diags.len(),
                show(&diags)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn diagnostics_are_sorted_by_position() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/playbooks/bad/bad-ids.toml"),
    )
    .unwrap();
    let d = playbook::parse_str(&text, "x").unwrap_err();
    let pos: Vec<_> = d.iter().map(|d| (d.line, d.column)).collect();
    let mut sorted = pos.clone();
    sorted.sort();
    assert_eq!(pos, sorted);
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let text = format!("id = \"x\"\n# {}\n", "a".repeat(playbook::MAX_FILE_BYTES));
    let d = playbook::parse_str(&text, "big").unwrap_err();
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("limited to"));
}

#[test]
fn a_good_file_round_trips_through_json() {
    for pb in playbook::builtin() {
        let json = serde_json::to_string(&pb).unwrap();
        let back: playbook::Playbook = serde_json::from_str(&json).unwrap();
        assert_eq!(back, pb);
    }
}

#[test]
fn the_documented_example_is_valid() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/playbooks.md"))
            .unwrap();
    let start = doc
        .find("```toml\n")
        .expect("docs/playbooks.md has a toml example")
        + 8;
    let end = start + doc[start..].find("```").unwrap();
    let pb = playbook::parse_str(&doc[start..end], "docs/playbooks.md")
        .unwrap_or_else(|d| panic!("{}", show(&d)));
    let kinds: std::collections::BTreeSet<_> = pb.steps.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds.len(), 5, "the example should show every step kind");
}

/// A cheap stand-in for the fuzz target: every prefix of every known file
/// (good and bad) goes through the same checks as `fuzz/playbook_parse`.
#[test]
fn truncated_files_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["playbooks/en", "tests/fixtures/playbooks/bad"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            texts.push(std::fs::read(e.unwrap().path()).unwrap());
        }
    }
    for t in texts {
        for cut in (0..t.len()).step_by(13) {
            playbook::fuzz_parse(&t[..cut]);
        }
        playbook::fuzz_parse(&t);
    }
}
