//! The `luoshi` binary: parses arguments, runs, maps the outcome to an exit code.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = luoshi::cli::Cli::parse();
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
