//! `luoshi extract`: reports in, statements out. Statements are written as
//! each document's turn comes (see `reports::stream`), so output starts at
//! once and memory stays flat however large the corpus.

use super::reports::stream;
use super::Output;
use crate::cli::{ExtractArgs, KindArg};
use crate::document::Document;
use crate::error::{Error, Result, EXIT_OK, EXIT_RUNTIME};
use crate::extract::{Extraction, Extractor};
use crate::input::report_files;
use crate::render::Format;
use crate::render::{self, statements::StatementWriter};
use crate::rule_set::RuleSet;
use crate::statement::{Kind, Statement};
use std::io;

pub fn run(args: ExtractArgs) -> Result<u8> {
    let rules = RuleSet::load(args.common.rules.as_deref())?;
    super::check_target_ids(&rules, &args.targets)?;
    let extractor = Extractor::new(&rules)?;
    let kind = args.kind.map(|k| match k {
        KindArg::Plan => Kind::Plan,
        KindArg::Outcome => Kind::Outcome,
    });
    let wanted = |s: &Statement| {
        (args.targets.is_empty() || args.targets.contains(&s.target))
            && kind.is_none_or(|k| s.kind == k)
    };
    // A path that does not exist is a typo: say so before writing anything.
    let files = report_files(&args.paths)?;
    let catalog = super::load_catalog(args.common.catalog.as_deref(), &files)?;
    let mut out = Output::open(args.common.output.as_deref())?;
    let format = out.format_or(args.format, Format::Tsv);
    let written = (|| {
        let mut writer = StatementWriter::new(&mut out, format).map_err(Error::Output)?;
        let statements = |_: &Document, extraction: Extraction| extraction.statements;
        let tally = stream(
            &files,
            &extractor,
            &catalog,
            args.common.quiet,
            statements,
            |mut found| {
                found.retain(|s| wanted(s));
                writer.write(&found).map_err(Error::Output)?;
                Ok(found.len())
            },
        )?;
        writer.finish().map_err(Error::Output)?;
        Ok(tally)
    })();
    let tally = match written {
        Ok(tally) => tally,
        // The reader of a pipe stopped (`luoshi extract … | head`): nothing
        // more is wanted, which is not a failure.
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(e) => return Err(e),
    };
    out.finish()?;
    if !args.common.quiet {
        render::diagnostic(&format!(
            "{} files read, {} skipped, {} statements",
            tally.read, tally.skipped, tally.statements
        ));
    }
    Ok(if tally.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}
