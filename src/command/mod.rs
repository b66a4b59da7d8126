//! Commands: each subcommand wires the pipeline stages together for one job
//! and hands the typed result to `render`. Commands never format output
//! themselves.

mod docs;
mod eval;
mod explain;
mod extract;
mod output;
mod reports;
mod rules;

use crate::cli::{Cli, Command};
use crate::error::Result;

pub use output::Output;

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Rules(command) => rules::run(command),
        Command::Docs(args) => docs::run(args),
        _ => Err(crate::error::Error::Usage(
            "this command is not available yet".into(),
        )),
    }
}
