//! The `lifeboat` binary: harden the process, parse, dispatch, map errors
//! to exit codes. Nothing else happens here.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    lifeboat::cli::harden_process();
    let cli = match lifeboat::cli::args::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => lifeboat::cli::exit::USAGE,
            });
        }
    };
    match lifeboat::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lifeboat: {e}");
            ExitCode::from(e.code)
        }
    }
}
