//! `luoshi eval`: extraction scored against annotated statements.

use super::reports::harvest;
use super::Output;
use crate::cli::EvalArgs;
use crate::error::{Error, Result, EXIT_CHECK_FAILED, EXIT_OK, EXIT_RUNTIME};
use crate::eval::{evaluate, parse_gold};
use crate::extract::Extractor;
use crate::render;
use crate::render::Format;

pub fn run(args: EvalArgs) -> Result<u8> {
    // `-o scores.json` asks for JSON as `--format json` does.
    let format = Output::format_for(
        "eval",
        args.format,
        args.common.output.as_deref(),
        Format::Table,
        &[Format::Table, Format::Json],
    )?;
    let text = read_gold(&args.gold)?;
    let gold = parse_gold(&text).map_err(|e| Error::Input {
        path: args.gold.clone(),
        message: e.to_string(),
    })?;
    let rules = super::load_rules(args.common.rules.as_deref())?;
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
    let harvest = harvest(
        &args.paths,
        &extractor,
        args.common.catalog.as_deref(),
        args.common.quiet,
    )?;
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
    render::eval::write(&mut out, &evaluation, format).map_err(Error::Output)?;
    out.finish()?;
    Ok(if harvest.tally.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}

/// The gold file's text: a regular file, within the size limit of a report.
fn read_gold(path: &std::path::Path) -> Result<String> {
    use crate::document::file::{read_bounded, FileError};
    let input = |message: String| Error::Input {
        path: path.to_owned(),
        message,
    };
    let bytes = read_bounded(path, crate::document::MAX_BYTES).map_err(|e| match e {
        FileError::Io(source) => Error::Io {
            path: path.to_owned(),
            source,
        },
        FileError::NotRegular(what) => input(format!("not read: {what}")),
        FileError::TooLarge(size) => input(format!(
            "too large ({size} bytes; the limit is {})",
            crate::document::MAX_BYTES
        )),
    })?;
    String::from_utf8(bytes).map_err(|e| input(format!("not UTF-8: {e}")))
}
