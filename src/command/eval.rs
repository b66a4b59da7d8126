//! `luoshi eval`: extraction scored against annotated statements.

use super::reports::harvest;
use super::Output;
use crate::cli::EvalArgs;
use crate::error::{Error, Result, EXIT_CHECK_FAILED, EXIT_OK, EXIT_RUNTIME};
use crate::eval::{evaluate, parse_gold};
use crate::extract::Extractor;
use crate::render;
use crate::render::Format;
use crate::rule_set::RuleSet;

pub fn run(args: EvalArgs) -> Result<u8> {
    let text = std::fs::read_to_string(&args.gold).map_err(|source| Error::Io {
        path: args.gold.clone(),
        source,
    })?;
    let gold = parse_gold(&text).map_err(|e| Error::Input {
        path: args.gold.clone(),
        message: e.to_string(),
    })?;
    let rules = RuleSet::load(args.common.rules.as_deref())?;
    let extractor = Extractor::new(&rules)?;
    // Refused before the work when it would overwrite an input.
    let mut out = Output::open(
        args.common.output.as_deref(),
        &super::inputs(
            &crate::input::report_files(&args.paths).unwrap_or_default(),
            &[&args.gold],
            args.common.rules.as_deref(),
        ),
    )?;
    let harvest = harvest(&args.paths, &extractor, args.common.quiet)?;
    let evaluation = evaluate(&gold, &harvest.statements, &harvest.documents);
    // Precision and recall over nothing would read as a perfect score.
    if evaluation.documents.is_empty() {
        render::diagnostic(&format!(
            "no document of {} is among the {} files read: nothing was scored \
             (gold names documents by file stem, e.g. `baiyun-2021-h1`)",
            args.gold.display(),
            harvest.tally.read
        ));
        return Ok(EXIT_CHECK_FAILED);
    }
    let format = args.format.map(Format::from).unwrap_or(Format::Table);
    render::eval::write(&mut out, &evaluation, format).map_err(Error::Output)?;
    out.finish()?;
    Ok(if harvest.tally.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}
