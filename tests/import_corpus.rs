//! The malformed-import corpus (tests/corpus/import/, listed with what
//! must happen in cases.txt), one case per file through the real binary:
//! each is refused with its exit code and a message naming the problem,
//! the vault stays byte for byte unchanged, and no secret is printed.

mod cli_items_harness;

use std::path::PathBuf;

use cli_items_harness::Env;

#[test]
fn every_malformed_import_is_refused_and_changes_nothing() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/import");
    let cases = std::fs::read_to_string(dir.join("cases.txt")).unwrap();
    let env = Env::new();
    env.run_in(&["add", "note", "existing"], "keep me").ok();
    let before = env.vault_bytes();
    let mut seen = std::collections::BTreeSet::new();
    let mut n = 0;
    for line in cases
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split(" | ").collect();
        assert_eq!(f.len(), 5, "{line}");
        let file = dir.join(f[0]);
        seen.insert(f[0].to_owned());
        let mut args = vec!["import", file.to_str().unwrap()];
        if f[1] != "-" {
            args.extend(f[1].split(' '));
        }
        let stdin = if f[2] == "-" {
            String::new()
        } else {
            args.extend(["--import-passphrase-fd", "0"]);
            format!("{}\n", f[2])
        };
        let out = env.run_in(&args, &stdin).code(f[3].parse().unwrap());
        for word in f[4].split(';') {
            assert!(
                out.stderr.contains(word),
                "{}: lacks {word:?}:\n{}",
                f[0],
                out.stderr
            );
        }
        assert!(!out.stderr.contains("JBSWY3DP"), "{}: {}", f[0], out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert_eq!(env.vault_bytes(), before, "{}", f[0]);
        n += 1;
    }
    // Every file of the corpus has a case.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "cases.txt" || seen.contains(&name),
            "{name} has no case"
        );
    }
    assert!(n >= 30, "{n} cases");
}
