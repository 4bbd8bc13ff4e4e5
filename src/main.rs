//! The `lifeboat` binary: harden the process, parse, dispatch, map errors
//! to exit codes. Nothing else happens here, besides installing the
//! allocator that can wipe freed memory ([`wiping_alloc`]).

use std::process::ExitCode;

use clap::FromArgMatches;
use lifeboat::cli::output;

mod wiping_alloc;

#[global_allocator]
static ALLOCATOR: wiping_alloc::WipingAllocator = wiping_alloc::WipingAllocator;

fn main() -> ExitCode {
    lifeboat::secure_mem::note_wiping_allocator();
    lifeboat::cli::harden_process();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lifeboat::cli::choose_lang(&argv);
    lifeboat::i18n::set_lang(lang);
    let mut command = lifeboat::cli::help::command(lang);
    let parsed = command
        .try_get_matches_from_mut(argv)
        .and_then(|m| lifeboat::cli::args::Cli::from_arg_matches(&m))
        .map_err(|e| e.format(&mut command));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            // clap speaks English; other languages get its errors rebuilt
            // from the catalogues (help and version are not errors).
            let localized = match lang {
                lifeboat::lang::Lang::En => None,
                _ => lifeboat::cli::parse_error::render(&e),
            };
            let printed = match localized {
                Some(text) => {
                    use std::io::Write;
                    std::io::stderr().lock().write_all(text.as_bytes())
                }
                None => e.print(),
            };
            if let Err(err) = printed {
                // `--help | head` is fine; `--help > /dev/full` is not.
                if err.kind() != std::io::ErrorKind::BrokenPipe {
                    output::report_error(&lifeboat::cli::text::output_failed(&err));
                    return ExitCode::from(lifeboat::cli::exit::INPUT);
                }
            }
            return ExitCode::from(match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => lifeboat::cli::exit::USAGE,
            });
        }
    };
    match lifeboat::cli::run(cli) {
        Ok(()) => match output::stderr_failure() {
            // The command ran but its messages were lost: say so where
            // it can still be read.
            Some(m) => {
                output::report_error(&m);
                ExitCode::from(lifeboat::cli::exit::INPUT)
            }
            None => ExitCode::SUCCESS,
        },
        Err(e) if e.is_quiet() => ExitCode::from(e.code),
        Err(e) => {
            output::report_error(&e.message);
            ExitCode::from(e.code)
        }
    }
}
