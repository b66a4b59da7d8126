//! Commands: each subcommand wires the pipeline stages together for one job
//! and hands the typed result to `render`. Commands never format output
//! themselves.

mod eval;
mod extract;
mod output;
mod reports;
mod track;

use crate::cli::{Cli, Command};
use crate::error::Result;

pub use output::Output;

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Track(args) => track::run(args),
        Command::Explain(args) if args.link => track::explain(args),
        _ => Err(crate::error::Error::Usage(
            "this command is not available yet".into(),
        )),
    }
}
