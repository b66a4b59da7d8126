//! `luoshi track`: reports in, one fulfilment row per plan out; and
//! `luoshi explain --link`, which shows how one row was linked. Reads and
//! extracts every report, summarises what each one reviewed (from its report
//! kind and section coverage), takes the relations between targets from the
//! rules, links, filters and hands the rows to `render`. With `--unplanned`
//! (or `--status unplanned`) linking also lists results no plan asked for.

use super::filters::Filters;
use super::reports::{stream, Skips};
use super::{check_target_ids, Output};
use crate::cli::{ExplainArgs, TrackArgs};
use crate::document::Document;
use crate::error::{Error, Result, EXIT_OK, EXIT_RUNTIME};
use crate::extract::{Extraction, Extractor};
use crate::input::report_files;
use crate::link::explain::explain as explain_link;
use crate::link::{link, LinkInput, ReportSummary, Status, TargetRelations};
use crate::place::Catalog;
use crate::render;
use crate::render::track::TargetNames;
use crate::render::Format;
use crate::rule_set::RuleSet;
use crate::statement::{SelfReport, Statement};
use crate::suggestion::did_you_mean;
use std::path::PathBuf;

/// Statements and report summaries of every readable report.
struct Corpus {
    statements: Vec<Statement>,
    self_reports: Vec<SelfReport>,
    reports: Vec<ReportSummary>,
    read: usize,
    skipped: usize,
    /// `, N statements left out with no year`, or empty.
    unknown_year_note: String,
    skips: Skips,
}

pub fn run(args: TrackArgs) -> Result<u8> {
    let rules = super::load_rules(args.common.rules.as_deref())?;
    check_target_ids(&rules, &args.targets)?;
    let statuses = args
        .statuses
        .iter()
        .map(|s| parse_status(s))
        .collect::<Result<Vec<Status>>>()?;
    if args.format.map(Format::from) == Some(Format::Tsv) {
        return Err(Error::Usage(
            "`track` has no tsv output; use --format csv".into(),
        ));
    }
    let files = report_files(&args.paths)?;
    let catalog = super::load_catalog(args.common.catalog.as_deref(), &files)?;
    let place = args
        .district
        .as_deref()
        .map(|d| super::find_place(d, &catalog))
        .transpose()?
        .flatten();
    let corpus = read_corpus(&files, &rules, &catalog, args.common.quiet)?;
    let relations = TargetRelations::of(&rules);
    // Asking for unplanned rows by status is asking for them to be built.
    let unplanned = args.unplanned || statuses.contains(&Status::Unplanned);
    let mut rows = link(&LinkInput {
        statements: &corpus.statements,
        reports: &corpus.reports,
        self_reports: &corpus.self_reports,
        targets: &relations,
        include_unplanned: unplanned,
    });
    let filters = Filters {
        district: args.district.as_deref().map(|d| (d, place.as_ref())),
        year: args.year,
        targets: &args.targets,
        statuses: &statuses,
    };
    for warning in filters.warnings(&rows) {
        render::diagnostic(&format!("warning: {warning}"));
    }
    rows.retain(|r| filters.keep(r));
    let mut out = Output::open(args.common.output.as_deref())?;
    let format = out.format_or(args.format, Format::Csv);
    render::track::write(&mut out, &rows, format, &names(&rules), unplanned)
        .map_err(Error::Output)?;
    out.finish()?;
    if !args.common.quiet {
        let plans = rows.iter().filter(|r| r.plan.is_some()).count();
        let without_plan = if unplanned {
            format!(", {} unplanned", rows.len() - plans)
        } else {
            String::new()
        };
        render::diagnostic(&format!(
            "{} files read, {} skipped{}, {plans} plans{without_plan}{}",
            corpus.read, corpus.skipped, corpus.skips, corpus.unknown_year_note,
        ));
    }
    Ok(if corpus.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}

/// `luoshi explain --link --district D --target ID --year Y --in PATH...`.
pub fn explain(args: ExplainArgs) -> Result<u8> {
    let missing = |what: &str| Error::Usage(format!("`explain --link` needs {what}"));
    let district = args
        .district
        .as_deref()
        .ok_or_else(|| missing("--district"))?;

    let target = args.target.as_deref().ok_or_else(|| missing("--target"))?;
    let year = args.year.ok_or_else(|| missing("--year"))?;
    if args.paths.is_empty() {
        return Err(missing("report paths (--in PATH)"));
    }
    let rules = super::load_rules(args.rules.as_deref())?;
    check_target_ids(&rules, &[target.to_owned()])?;
    let files = report_files(&args.paths)?;
    let catalog = super::load_catalog(args.catalog.as_deref(), &files)?;
    let place = super::resolve_place(district, &catalog)?;
    let corpus = read_corpus(&files, &rules, &catalog, true)?;
    let relations = TargetRelations::of(&rules);
    let input = LinkInput {
        statements: &corpus.statements,
        reports: &corpus.reports,
        self_reports: &corpus.self_reports,
        targets: &relations,
        // One row, asked for by name: show it even when no plan was set.
        include_unplanned: true,
    };
    let rows = explain_link(&input, &place.code, target, year);
    let mut out = Output::open(None)?;
    render::track::write_explanation(
        &mut out,
        &rows,
        &names(&rules),
        (&place.short, target, year),
    )
    .map_err(Error::Output)?;
    out.finish()?;
    Ok(if corpus.skipped > 0 {
        EXIT_RUNTIME
    } else {
        EXIT_OK
    })
}

fn parse_status(word: &str) -> Result<Status> {
    word.parse().map_err(|_| {
        let words = Status::ALL.iter().flat_map(|s| [s.as_str(), s.zh()]);
        let hint = did_you_mean(word, words)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        Error::Usage(format!(
            "unknown status `{word}` (expected one of: {}){hint}",
            all.join(", ")
        ))
    })
}

fn names(rules: &RuleSet) -> TargetNames {
    rules
        .targets
        .iter()
        .map(|t| (t.target.id.get_ref().clone(), t.target.name_zh.clone()))
        .collect()
}

fn read_corpus(
    files: &[PathBuf],
    rules: &RuleSet,
    catalog: &Catalog,
    quiet: bool,
) -> Result<Corpus> {
    let extractor = Extractor::new(rules)?;
    let mut corpus = Corpus {
        statements: Vec::new(),
        self_reports: Vec::new(),
        reports: Vec::new(),
        read: 0,
        skipped: 0,
        unknown_year_note: String::new(),
        skips: Skips::default(),
    };
    let digest = |doc: &Document, extraction: Extraction| (extraction, ReportSummary::of(doc));
    let tally = stream(
        files,
        &extractor,
        catalog,
        quiet,
        digest,
        |(extraction, report)| {
            let n = extraction.statements.len();
            corpus.statements.extend(extraction.statements);
            corpus.self_reports.extend(extraction.self_reports);
            corpus.reports.push(report);
            Ok(n)
        },
    )?;
    corpus.read = tally.read;
    corpus.skipped = tally.skipped;
    corpus.unknown_year_note = tally.unknown_year_note();
    corpus.skips = tally.skips;
    Ok(corpus)
}
