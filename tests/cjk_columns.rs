//! Columns of the command line's text output measured in terminal cells:
//! the playbook list in Chinese (headers, statuses and titles two cells a
//! character) and the numbered word table of a Chinese seed in `show`.

mod cli_items_harness;

use cli_items_harness::Env;
use lifeboat::lang::Lang;
use lifeboat::playbook::{self, builtin, check, PlaybookState};
use lifeboat::textwidth::width;
use time::macros::datetime;

/// The cell at which `needle` starts in `line`.
fn col(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {line:?}"));
    width(&line[..at])
}

#[test]
fn chinese_playbook_list_lines_up_by_cells() {
    let pbs = builtin::all(Lang::ZhCn);
    let s = playbook::strings::for_lang(Lang::ZhCn);
    // One run part done, one finished, the rest not started: three kinds
    // of status, of different widths.
    let mut state = PlaybookState::default();
    let t0 = datetime!(2026-03-01 09:00 UTC);
    let pb = pbs.iter().find(|p| p.id == "account-locked").unwrap();
    let run = state.run_mut_or_start(&pb.id, t0);
    check(
        pb,
        run,
        &pb.steps[0].id,
        Some("锁定提示：密码错误三次".into()),
        t0,
    )
    .unwrap();
    let pb = pbs.iter().find(|p| p.id == "backup-drill").unwrap();
    let run = state.run_mut_or_start(&pb.id, t0);
    for step in &pb.steps {
        // Decisions and notes may refuse a plain tick; the steps that take
        // one are enough to leave the run part done or complete.
        let _ = check(pb, run, &step.id, Some("已核对".into()), t0);
    }
    let text = playbook::list_text(&pbs, &state, None);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), pbs.len() + 1, "{text}");
    let head = lines[0];
    let (sev, prog, title) = (
        col(head, &s.list_header[1]),
        col(head, &s.list_header[2]),
        col(head, &s.list_header[3]),
    );
    assert!(sev < prog && prog < title, "{head:?}");
    for (pb, line) in pbs.iter().zip(&lines[1..]) {
        assert!(line.starts_with(&pb.id), "{line:?}");
        assert_eq!(col(line, s.severity_name(pb.severity)), sev, "{line:?}");
        assert_eq!(col(line, &pb.title), title, "{line:?}\n{text}");
        // The status sits in the progress column, whatever its width.
        let status = line[line.find(s.severity_name(pb.severity)).unwrap()
            + s.severity_name(pb.severity).len()..]
            .trim_start();
        assert_eq!(col(line, status), prog, "{line:?}");
    }
    insta::assert_snapshot!("zh_playbook_list", text);
}

#[test]
fn show_lays_a_chinese_seed_out_in_even_columns() {
    let env = Env::new();
    // BIP39 Simplified Chinese for 16 zero bytes (python `mnemonic`).
    env.run_in(
        &["add", "seed", "交易所（主账户）紧急备用"],
        "的的的的的的的的的的的在",
    )
    .ok();
    let out = env
        .run(&["show", "交易所（主账户）紧急备用", "--reveal"])
        .ok();
    let table: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("的") || l.contains("在"))
        .filter(|l| l.contains(". "))
        .collect();
    assert!(table.len() >= 2, "{}", out.stdout);
    // Every row of the table puts its numbers at the same cells.
    let dots = |l: &str| -> Vec<usize> {
        l.match_indices(". ")
            .map(|(at, _)| width(&l[..at]))
            .collect()
    };
    let first = dots(table[0]);
    assert!(first.len() >= 2, "{table:?}");
    for l in &table[1..] {
        let d = dots(l);
        assert_eq!(&first[..d.len()], &d[..], "{table:?}");
    }
    insta::assert_snapshot!("zh_seed_table", table.join("\n"));
}
