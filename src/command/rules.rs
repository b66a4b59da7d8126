//! `luoshi rules check` and `luoshi rules list`: rule files checked (every
//! problem, then every example run through the extractor) or listed.

use super::Output;
use crate::cli::{RulesCheckArgs, RulesCommand, RulesListArgs, RulesNewArgs};
use crate::error::{Error, Result, EXIT_OK};
use crate::extract::Extractor;
use crate::render;
use crate::render::Format;
use crate::rule_check::{self, CheckReport, Location, Problem, Severity};
use crate::rule_set::{self, RuleSet};
use std::path::Path;

/// Runs one `rules` subcommand; returns the exit code.
pub fn run(command: RulesCommand) -> Result<u8> {
    match command {
        RulesCommand::Check(args) => check(args),
        RulesCommand::List(args) => list(args),
        RulesCommand::New(args) => new(args),
    }
}

fn check(args: RulesCheckArgs) -> Result<u8> {
    let report = check_report(args.dir.as_deref())?;
    let mut out = Output::open(None)?;
    render::diagnostic::write_report(&mut out, &report).map_err(Error::Output)?;
    out.finish()?;
    Ok(report.exit_code(args.warnings_as_errors))
}

/// Checks the files of `dir` (read as a `--rules` folder, the default rules
/// deciding what is an override), or the default rules when `dir` is `None`.
pub fn check_report(dir: Option<&Path>) -> Result<CheckReport> {
    let (context, sources) = match dir {
        Some(dir) => {
            if !dir.exists() {
                return Err(Error::Usage(format!(
                    "no such file or folder: {}",
                    dir.display()
                )));
            }
            let sources = rule_set::dir_sources(dir)?;
            if sources.is_empty() {
                return Err(Error::Usage(format!(
                    "no rule files (*.toml) in {}",
                    dir.display()
                )));
            }
            (
                rule_check::parse_quietly(&rule_set::default_sources()),
                sources,
            )
        }
        None => (Vec::new(), rule_set::default_sources()),
    };
    let checked = rule_check::check_sources(&context, &sources);
    let mut report = CheckReport {
        targets: checked.files.iter().map(|f| f.rules.target.len()).sum(),
        problems: checked.problems,
        examples: Vec::new(),
        examples_run: false,
    };
    if report.summary().errors > 0 {
        return Ok(report);
    }
    let rules = RuleSet::assemble(context.into_iter().chain(checked.files.iter().cloned()));
    match Extractor::new(&rules) {
        Ok(extractor) => {
            report.examples = rule_check::run_examples(&extractor, &checked.files);
            report.examples.extend(rule_check::run_bound_examples(
                extractor.bound_words(),
                &checked.files,
            ));
            report.examples_run = true;
        }
        Err(err) => report.problems.push(engine_problem(&err, &checked.files)),
    }
    Ok(report)
}

/// An error the engine found while compiling the rules, located in the file it names.
fn engine_problem(err: &rule_set::RuleError, files: &[rule_check::ParsedFile]) -> Problem {
    let text = files
        .iter()
        .find(|f| f.source.path == err.path)
        .map_or("", |f| f.source.text.as_str());
    let offset = line_offset(text, err.line, err.column);
    Problem {
        severity: Severity::Error,
        location: Location::new(&err.path, text, offset..offset),
        message: err.message.clone(),
        hint: None,
    }
}

/// Byte offset of a 1-based line and character column.
fn line_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn list(args: RulesListArgs) -> Result<u8> {
    let rules = super::load_rules(args.rules.as_deref())?;
    let mut out = Output::open(None)?;
    let format = out.format_or(args.format, Format::Tsv);
    render::rule_list::write(&mut out, &rules, format).map_err(Error::Output)?;
    out.finish()?;
    Ok(EXIT_OK)
}

/// `rules new ID --from "…"`: a rule skeleton on standard output.
fn new(args: RulesNewArgs) -> Result<u8> {
    if !rule_check::is_snake_case(&args.id) {
        return Err(Error::Usage(format!(
            "`{}` is not a target id: ids are ASCII snake_case, like `charging_piles`",
            args.id
        )));
    }
    let rules = super::load_rules(args.rules.as_deref())?;
    let extractor = Extractor::new(&rules)?;
    let skeleton = rule_check::skeleton(&rules, &extractor, &args.id, &args.from)
        .map_err(|e| Error::Usage(e.to_string()))?;
    let mut out = Output::open(None)?;
    render::skeleton::write(&mut out, &skeleton).map_err(Error::Output)?;
    out.finish()?;
    Ok(EXIT_OK)
}
