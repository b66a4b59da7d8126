//! Commands: each subcommand wires the pipeline stages together for one job
//! and hands the typed result to `render`. Commands never format output
//! themselves.

mod docs;
mod extract;
mod output;

use crate::cli::{Cli, Command};
use crate::error::Result;

pub use output::Output;

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Docs(args) => docs::run(args),
        _ => Err(crate::error::Error::Usage(
            "this command is not available yet".into(),
        )),
    }
}
