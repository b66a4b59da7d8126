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
mod track;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::place::{resolve, Catalog, Place};
use crate::rule_set::RuleSet;
use crate::suggestion::did_you_mean;
use std::path::{Path, PathBuf};

pub use output::Output;

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Track(args) => track::run(args),
        Command::Explain(args) if args.link => track::explain(args),
        Command::Explain(args) => explain::run(args),
        Command::Rules(command) => rules::run(command),
        Command::Docs(args) => docs::run(args),
    }
}

/// The catalogue of places given with `--catalog` and found beside `files`.
pub fn load_catalog(given: Option<&Path>, files: &[PathBuf]) -> Result<Catalog> {
    Catalog::load(given, files).map_err(|e| Error::Usage(e.to_string()))
}

/// The place a user named with `--district`: one the catalogue gives, or
/// one of the division table. A name matching nothing or several places is
/// a usage error that says which.
pub fn resolve_place(query: &str, catalog: &Catalog) -> Result<Place> {
    if let Some(place) = catalog.find(query) {
        return Ok(place.clone());
    }
    resolve(query).map_err(|e| Error::Usage(format!("--district: {e}")))
}

/// Fails with a usage error, and a suggestion, when an id is not a target in effect.
pub fn check_target_ids(rules: &RuleSet, ids: &[String]) -> Result<()> {
    for id in ids {
        if rules.get(id).is_none() {
            let known = rules.targets.iter().map(|t| t.target.id.get_ref().as_str());
            let hint = did_you_mean(id, known)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            return Err(Error::Usage(format!(
                "unknown target id `{id}`{hint} (`luoshi rules list` shows them all)"
            )));
        }
    }
    Ok(())
}
