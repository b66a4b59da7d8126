//! `luoshi docs`: reports in, how each was read out (place, kind, date,
//! the years reviewed and planned, sections and the period each covers).
//! With `--check`, only the reports whose place, kind or year is unknown are
//! listed, and the exit code says whether there are any. Unreadable files
//! are reported on standard error and skipped; the others are still shown.

use super::reports::Skips;
use super::Output;
use crate::cli::DocsArgs;
use crate::document::cues::Cues;
use crate::document::{Document, Normaliser};
use crate::error::{Error, Result, EXIT_CHECK_FAILED, EXIT_OK, EXIT_RUNTIME};
use crate::input::report_files;
use crate::render::Format;
use crate::render::{self, docs::Outline};

pub fn run(args: DocsArgs) -> Result<u8> {
    // `-o docs.json` asks for JSON as `--format json` does.
    let format = Output::format_for(
        "docs",
        args.format,
        args.common.output.as_deref(),
        Format::Table,
        &[Format::Table, Format::Json],
    )?;
    if !render::docs::supports(format) {
        return Err(Error::Usage(format!(
            "docs prints `table` or `json`, not `{format:?}`"
        )));
    }
    let rules = super::load_rules(args.common.rules.as_deref())?;
    let normaliser = Normaliser::new(&rules.variants)
        .map_err(|e| Error::Usage(format!("rules/variants: {e}")))?
        .with_cues(Cues::shared(&rules.cues)?);
    let mut out = Output::open(
        args.common.output.as_deref(),
        &super::inputs(
            &args
                .paths
                .iter()
                .flat_map(|p| report_files(std::slice::from_ref(p)).unwrap_or_default())
                .collect::<Vec<_>>(),
            &[],
            args.common.rules.as_deref(),
        ),
    )?;
    let mut outlines = Vec::new();
    let mut read = 0usize;
    let mut skipped = 0usize;
    let mut unknown = 0usize;
    let mut skips = Skips::default();
    for path in &args.paths {
        let files = match report_files(std::slice::from_ref(path)) {
            Ok(files) => files,
            Err(err) => {
                skipped += 1;
                skips.add("missing");
                render::diagnostic(&format!("skipped {err}"));
                continue;
            }
        };
        let catalog = super::load_catalog(args.common.catalog.as_deref(), &files)?;
        for file in files {
            match Document::read(&file, &normaliser) {
                Ok(mut doc) => {
                    if let Some(place) = catalog.place(&file) {
                        doc.report.place = Some(place.clone());
                    }
                    read += 1;
                    let outline = Outline::of(&doc);
                    if !outline.unknown.is_empty() {
                        unknown += 1;
                    }
                    if args.check {
                        if !outline.unknown.is_empty() {
                            render::docs::write_unknown(&mut out, &outline)
                                .map_err(Error::Output)?;
                        }
                    } else if format == Format::Json {
                        outlines.push(outline);
                    } else {
                        render::docs::write_table(&mut out, &outline).map_err(Error::Output)?;
                    }
                }
                Err(err) => {
                    skipped += 1;
                    skips.add(err.kind());
                    render::diagnostic(&format!("skipped {err}"));
                }
            }
        }
    }
    if format == Format::Json && !args.check {
        render::docs::write_json(&mut out, &outlines).map_err(Error::Output)?;
    }
    out.finish()?;
    if !args.common.quiet {
        render::diagnostic(&format!(
            "{read} files read, {skipped} skipped{skips}, {unknown} with place, kind or year unknown"
        ));
    }
    Ok(if skipped > 0 {
        EXIT_RUNTIME
    } else if args.check && unknown > 0 {
        EXIT_CHECK_FAILED
    } else {
        EXIT_OK
    })
}
