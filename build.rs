//! Generates, for each language, the index of the Fluent catalogues: which
//! file under `i18n/<tag>/` defines each message id, sorted by id. The
//! binary then finds a message's file by a binary search instead of
//! scanning all catalogue texts at start-up (`src/i18n.rs` parses only
//! the files a command uses). `tests/i18n.rs` checks that every message
//! the Fluent parser sees is found in its own file.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/i18n_ids.rs"]
mod i18n_ids;

fn index(dir: &Path) -> Vec<(String, String)> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    let mut out: Vec<(String, String)> = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let name = path.file_name().expect("a file name").to_string_lossy();
        for id in i18n_ids::defined_ids(&text) {
            out.push((id.to_owned(), name.to_string()));
        }
    }
    // The first file that defines an id wins, as in a bundle.
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/i18n_ids.rs");
    // Read at run time: the folder the sources are in now (a build folder
    // shared by several checkouts reuses this script's binary).
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let root = Path::new(&root);
    let mut code = String::new();
    for (name, tag) in [("EN", "en"), ("ZH_CN", "zh-CN")] {
        let entries = index(&root.join("i18n").join(tag));
        writeln!(code, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for (id, file) in entries {
            writeln!(code, "    ({id:?}, {file:?}),").unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogue_index.rs");
    std::fs::write(out, code).expect("writing the catalogue index");
}
