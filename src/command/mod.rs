//! Commands: each subcommand wires the pipeline stages together for one job
//! and hands the typed result to `render`. Commands never format output
//! themselves.

mod diff;
mod docs;
mod eval;
mod explain;
mod extract;
mod filters;
mod interrupt;
mod output;
mod report;
mod reports;
mod rules;
mod track;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::place::{resolve, Catalog, Place, QueryError};
use crate::rule_set::RuleSet;
use crate::suggestion::did_you_mean;
use std::path::{Path, PathBuf};

pub use output::Output;

/// Every file a run reads, which `-o` must not overwrite: the report files,
/// `extra` files named on the command line, and the rule files of `--rules`.
pub fn inputs(reports: &[PathBuf], extra: &[&Path], rules: Option<&Path>) -> Vec<PathBuf> {
    let mut all: Vec<PathBuf> = reports.to_vec();
    all.extend(extra.iter().map(|p| p.to_path_buf()));
    if let Some(dir) = rules {
        all.push(dir.to_owned());
        if let Ok(entries) = std::fs::read_dir(dir) {
            all.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    all
}

/// Runs one command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Track(args) => track::run(args),
        Command::Report(args) => report::run(args),
        Command::Explain(args) if args.link => track::explain(args),
        Command::Explain(args) => explain::run(args),
        Command::Rules(command) => rules::run(command),
        Command::Docs(args) => docs::run(args),
        Command::Diff(args) => diff::run(args),
    }
}

/// The catalogue of places given with `--catalog` and found beside `files`.
pub fn load_catalog(given: Option<&Path>, files: &[PathBuf]) -> Result<Catalog> {
    Catalog::load(given, files).map_err(|e| Error::Usage(e.to_string()))
}

/// The place a user named with `--district`: one the catalogue gives, or
/// one of the division table. A name several places share is a usage error
/// listing them; a name of no place is a usage error that says so.
pub fn resolve_place(query: &str, catalog: &Catalog) -> Result<Place> {
    find_place(query, catalog)?.ok_or_else(|| {
        Error::Usage(format!(
            "--district: {}",
            QueryError::Unknown(query.to_owned())
        ))
    })
}

/// As [`resolve_place`], but a name of no place is `None`, for a filter
/// that then keeps nothing and says what the input has.
pub fn find_place(query: &str, catalog: &Catalog) -> Result<Option<Place>> {
    if let Some(place) = catalog.find(query) {
        return Ok(Some(place.clone()));
    }
    match resolve(query) {
        Ok(place) => Ok(Some(place)),
        Err(QueryError::Unknown(_)) => Ok(None),
        Err(e) => Err(Error::Usage(format!("--district: {e}"))),
    }
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

/// The rules in effect: the defaults, with `--rules DIR` when given. A folder
/// that does not exist is a mistake on the command line (64), not a
/// malformed rule file (78).
pub fn load_rules(dir: Option<&std::path::Path>) -> Result<RuleSet> {
    if let Some(dir) = dir.filter(|d| !d.exists()) {
        return Err(Error::Usage(format!(
            "no such rules folder: {}",
            dir.display()
        )));
    }
    Ok(RuleSet::load(dir)?)
}
