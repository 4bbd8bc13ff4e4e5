//! Shell integration: completion scripts (`completions SHELL`, through
//! clap_complete) and man pages (`man [--out DIR]`, through clap_mangen),
//! both generated from the same grammar as the parser, so they cannot
//! drift from it.

use std::path::Path;

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs, ManArgs};
use super::output::out_bytes;
use super::{text, CliError};
use crate::noteln;

/// `lifeboat completions SHELL`: the script on stdout.
pub fn completions(a: &CompletionsArgs) -> Result<(), CliError> {
    // Rendered into memory first: clap_complete panics on a failed write.
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "lifeboat", &mut script);
    out_bytes(&script)
}

/// `lifeboat man [--out DIR]`: `lifeboat.1` on stdout, or every page
/// (`lifeboat.1` and `lifeboat-COMMAND.1` for each command) into DIR.
pub fn man(a: &ManArgs) -> Result<(), CliError> {
    match &a.out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| CliError::input(e.to_string()))?;
            out_bytes(&page)
        }
        Some(dir) => {
            write_pages(dir)?;
            noteln!("{}", text::man_written(&dir.display().to_string()));
            Ok(())
        }
    }
}

fn write_pages(dir: &Path) -> Result<(), CliError> {
    let fail =
        |e: std::io::Error| CliError::input(text::man_failed(&dir.display().to_string(), &e));
    std::fs::create_dir_all(dir).map_err(fail)?;
    clap_mangen::generate_to(Cli::command(), dir).map_err(fail)
}
