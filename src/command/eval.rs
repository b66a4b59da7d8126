//! `luoshi eval`: extraction scored against annotated statements.

use super::reports::harvest;
use super::Output;
use crate::cli::EvalArgs;
use crate::error::{Error, Result, EXIT_OK, EXIT_RUNTIME};
use crate::eval::{evaluate, parse_gold};
use crate::extract::Extractor;
use crate::render;
use crate::render::Format;

pub fn run(args: EvalArgs) -> Result<u8> {
    let text = std::fs::read_to_string(&args.gold).map_err(|source| Error::Io {
        path: args.gold.clone(),
        source,
    })?;
    let gold = parse_gold(&text).map_err(|e| Error::Input {
        path: args.gold.clone(),
        message: e.to_string(),
    })?;
    let rules = super::load_rules(args.common.rules.as_deref())?;
    let extractor = Extractor::new(&rules)?;
    let harvest = harvest(
        &args.paths,
        &extractor,
        args.common.catalog.as_deref(),
        args.common.quiet,
    )?;
    let evaluation = evaluate(&gold, &harvest.statements, &harvest.documents);
    let mut out = Output::open(args.common.output.as_deref())?;
    let format = args.format.map(Format::from).unwrap_or(Format::Table);
    render::eval::write(&mut out, &evaluation, format).map_err(Error::Output)?;
    out.finish()?;
    Ok(if harvest.tally.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}
