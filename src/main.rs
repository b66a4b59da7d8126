//! The `luoshi` binary: parses arguments, runs, maps the outcome to an exit code.

use clap::error::ErrorKind;
use clap::Parser;
use luoshi::error::{EXIT_OK, EXIT_USAGE};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match luoshi::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // `--help` and `--version` are answers; every other parsing error
        // is a usage error (64), never clap's own 2, which means "files skipped".
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(match err.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => EXIT_OK,
                _ => EXIT_USAGE,
            });
        }
    };
    match luoshi::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("luoshi: {err}");
            }
            ExitCode::from(err.exit_code())
        }
    }
}
