//! `luoshi extract`: reports in, statements out. Statements are written as
//! each document's turn comes (see `reports::stream`), so output starts at
//! once and memory stays flat however large the corpus.

use super::reports::{harvest, stream, FileFacts};
use super::Output;
use crate::cli::{DiffFormatArg, ExtractArgs, FormatArg, KindArg};
use crate::diff::diff;
use crate::document::Document;
use crate::error::{Error, Result, EXIT_OK, EXIT_RUNTIME};
use crate::extract::{Extraction, Extractor};
use crate::input::report_files;
use crate::render::Format;
use crate::render::{self, statements::StatementWriter};
use crate::statement::{Kind, Statement};
use std::io;

/// The formats statements are written in.
const TEXT: [Format; 5] = [
    Format::Table,
    Format::Tsv,
    Format::Csv,
    Format::Json,
    Format::Markdown,
];

pub fn run(args: ExtractArgs) -> Result<u8> {
    if let Some(baseline) = &args.against_rules {
        return against(&args, baseline.as_deref());
    }
    let rules = super::load_rules(args.common.rules.as_deref())?;
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
    render::set_wide(args.common.wide);
    let out_path = args.common.output.as_deref();
    let format = Output::format_for("extract", args.format, out_path, Format::Tsv, &TEXT)?;
    let mut out = Output::open(
        out_path,
        &super::inputs(&files, &[], args.common.rules.as_deref()),
    )?;
    let written = (|| {
        let mut writer = StatementWriter::new(&mut out, format).map_err(Error::Output)?;
        let statements =
            |_: &Document, _: &FileFacts, extraction: Extraction| extraction.statements;
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
    let filtered = !args.targets.is_empty() || args.kind.is_some();
    if filtered && tally.statements == 0 && tally.read > 0 {
        let mut given: Vec<String> = args
            .targets
            .iter()
            .map(|t| format!("`--target {t}`"))
            .collect();
        given.extend(
            args.kind
                .map(|k| format!("`--kind {}`", format!("{k:?}").to_lowercase())),
        );
        render::diagnostic(&format!(
            "warning: no statement in the input passes {} (`luoshi explain FILE:LINE` shows why a sentence gives none)",
            given.join(" and ")
        ));
    }
    if !args.common.quiet {
        render::diagnostic(&format!(
            "{} files read, {} skipped{}, {} statements{}",
            tally.read,
            tally.skipped,
            tally.skips,
            tally.statements,
            tally.unknown_year_note()
        ));
    }
    Ok(if tally.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}

/// `extract --against-rules [B]`: the statements under `--rules` (or the
/// default rules) compared with those under `B` (or the default rules alone),
/// written as a diff.
fn against(args: &ExtractArgs, baseline: Option<&std::path::Path>) -> Result<u8> {
    let format = match args.format {
        None | Some(FormatArg::Table) => Some(DiffFormatArg::Text),
        Some(FormatArg::Json) => Some(DiffFormatArg::Json),
        Some(FormatArg::Markdown) => Some(DiffFormatArg::Markdown),
        Some(other) => {
            return Err(Error::Usage(format!(
                "`extract --against-rules` writes a diff as table (text), json or markdown, not {}",
                format!("{other:?}").to_lowercase()
            )))
        }
    };
    let run = |dir: Option<&std::path::Path>| -> Result<(Vec<serde_json::Value>, usize)> {
        let rules = super::load_rules(dir)?;
        super::check_target_ids(&rules, &args.targets)?;
        let extractor = Extractor::new(&rules)?;
        let harvest = harvest(
            &args.paths,
            &extractor,
            args.common.catalog.as_deref(),
            true,
        )?;
        let kind = args.kind.map(|k| match k {
            KindArg::Plan => Kind::Plan,
            KindArg::Outcome => Kind::Outcome,
        });
        let values = harvest
            .statements
            .iter()
            .filter(|s| {
                (args.targets.is_empty() || args.targets.contains(&s.target))
                    && kind.is_none_or(|k| s.kind == k)
            })
            .filter_map(|s| serde_json::to_value(s).ok())
            .collect();
        Ok((values, harvest.tally.skipped))
    };
    let (old, skipped) = run(baseline)?;
    let (new, _) = run(args.common.rules.as_deref())?;
    let found = diff(
        &serde_json::Value::Array(old),
        &serde_json::Value::Array(new),
    )
    .map_err(|e| Error::Usage(e.to_string()))?;
    let inputs = super::inputs(
        &report_files(&args.paths)?,
        &[],
        args.common.rules.as_deref(),
    );
    super::diff::write(&found, format, args.common.output.as_deref(), &inputs)?;
    Ok(if skipped > 0 { EXIT_RUNTIME } else { EXIT_OK })
}
