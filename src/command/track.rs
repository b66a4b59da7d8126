//! `luoshi track`: reports in, one fulfilment row per plan out; and
//! `luoshi explain --link`, which shows how one row was linked. Reads and
//! extracts every report, summarises what each one reviewed (from its report
//! kind and section coverage), takes the relations between targets from the
//! rules, links, filters and hands the rows to `render`. With `--unplanned`
//! (or `--status unplanned`) linking also lists results no plan asked for.

use super::filters::Filters;
use super::reports::{stream, FileFacts, Skips};
use super::{check_target_ids, Output};
use crate::cli::{ExplainArgs, TrackArgs};
use crate::document::Document;
use crate::error::{Error, Result, EXIT_OK, EXIT_RUNTIME};
use crate::extract::{Extraction, Extractor};
use crate::input::report_files;
use crate::link::explain::{explain as explain_link, explain_all};
use crate::link::{link, Fulfilment, LinkInput, ReportSummary, Status, TargetRelations};
use crate::place::Catalog;
use crate::record::{DocumentInfo, Excerpts, Record, TargetName};
use crate::render;
use crate::render::sqlite::Database;
use crate::render::track::TargetNames;
use crate::render::Format;
use crate::rule_set::RuleSet;
use crate::statement::{SelfReport, Statement};
use crate::suggestion::did_you_mean;
use crate::summary::{PlaceTree, Summary};
use std::collections::HashMap;
use std::path::PathBuf;

/// Statements and report summaries of every readable report.
struct Corpus {
    statements: Vec<Statement>,
    self_reports: Vec<SelfReport>,
    reports: Vec<ReportSummary>,
    documents: Vec<DocumentInfo>,
    /// The sentence around each statement (kept only for the report page).
    excerpts: Excerpts,
    read: usize,
    skipped: usize,
    duplicates: usize,
    /// `, N statements left out with no year`, or empty.
    unknown_year_note: String,
    skips: Skips,
}

/// What `track` writes rows in; with `--summary`, the statistics instead.
const ROW_FORMATS: [Format; 6] = [
    Format::Table,
    Format::Csv,
    Format::Json,
    Format::Markdown,
    Format::Html,
    Format::Sqlite,
];
const SUMMARY_FORMATS: [Format; 5] = [
    Format::Table,
    Format::Csv,
    Format::Tsv,
    Format::Json,
    Format::Markdown,
];

pub fn run(args: TrackArgs) -> Result<u8> {
    render::set_wide(args.common.wide);
    let rules = super::load_rules(args.common.rules.as_deref())?;
    check_target_ids(&rules, &args.targets)?;
    let statuses = args
        .statuses
        .iter()
        .map(|s| parse_status(s))
        .collect::<Result<Vec<Status>>>()?;
    let out_path = args.common.output.as_deref();
    let command = if args.summary {
        "track --summary"
    } else {
        "track"
    };
    let supported: &[Format] = if args.summary {
        &SUMMARY_FORMATS
    } else {
        &ROW_FORMATS
    };
    let format = Output::format_for(command, args.format, out_path, Format::Csv, supported)?;
    let page = format == Format::Html && !args.summary;
    let files = report_files(&args.paths)?;
    let catalog = super::load_catalog(args.common.catalog.as_deref(), &files)?;
    let place = args
        .district
        .as_deref()
        .map(|d| super::find_place(d, &catalog))
        .transpose()?
        .flatten();
    let corpus = read_corpus(&files, &rules, &catalog, args.common.quiet, page)?;
    let relations = TargetRelations::of(&rules);
    // Asking for unplanned rows by status is asking for them to be built.
    let unplanned = args.unplanned || statuses.contains(&Status::Unplanned);
    let input = LinkInput {
        statements: &corpus.statements,
        reports: &corpus.reports,
        self_reports: &corpus.self_reports,
        targets: &relations,
        include_unplanned: unplanned,
    };
    let filters = Filters {
        district: args.district.as_deref().map(|d| (d, place.as_ref())),
        year: args.year,
        targets: &args.targets,
        statuses: &statuses,
    };
    let wanted = |r: &Fulfilment| filters.keep(r);
    // Writing over a report or a rule file read is refused.
    let inputs = super::inputs(
        &report_files(&args.paths)?,
        &[],
        args.common.rules.as_deref(),
    );
    let (plans, total);
    if page {
        let mut explained = explain_all(&input);
        let all: Vec<Fulfilment> = explained.iter().map(|e| e.row.clone()).collect();
        for warning in filters.warnings(&all) {
            render::diagnostic(&format!("warning: {warning}"));
        }
        explained.retain(|e| wanted(&e.row));
        plans = explained.iter().filter(|e| e.row.plan.is_some()).count();
        total = explained.len();
        let rows: Vec<Fulfilment> = explained.iter().map(|e| e.row.clone()).collect();
        let summary = Summary::of(&rows, &PlaceTree::of_rows(&rows));
        let record = Record::new(
            explained,
            corpus.documents,
            summary,
            corpus.excerpts,
            full_names(&rules),
        );
        let mut out = Output::open(out_path, &inputs)?;
        render::report::write(&mut out, &record).map_err(Error::Output)?;
        out.finish()?;
    } else {
        let mut rows = link(&input);
        for warning in filters.warnings(&rows) {
            render::diagnostic(&format!("warning: {warning}"));
        }
        rows.retain(|r| wanted(r));
        plans = rows.iter().filter(|r| r.plan.is_some()).count();
        total = rows.len();
        if args.summary {
            let summary = Summary::of(&rows, &PlaceTree::of_rows(&rows));
            let mut out = Output::open(out_path, &inputs)?;
            render::summary::write(&mut out, &summary, format, &names(&rules))
                .map_err(Error::Output)?;
            out.finish()?;
        } else if format == Format::Sqlite {
            let database = Database {
                documents: &corpus.documents,
                statements: &corpus.statements,
                rows: &rows,
            };
            let dest = out_path.unwrap_or(std::path::Path::new("luoshi.db"));
            Output::build_file(dest, &inputs, |tmp| {
                render::sqlite::write(tmp, &database).map_err(|e| e.to_string())
            })?;
        } else {
            let mut out = Output::open(out_path, &inputs)?;
            render::track::write(&mut out, &rows, format, &names(&rules), unplanned)
                .map_err(Error::Output)?;
            out.finish()?;
        }
    }
    if !args.common.quiet {
        let without_plan = if unplanned {
            format!(", {} unplanned", total - plans)
        } else {
            String::new()
        };
        let duplicates = if corpus.duplicates > 0 {
            format!(", {} duplicates left out", corpus.duplicates)
        } else {
            String::new()
        };
        render::diagnostic(&format!(
            "{} files read, {} skipped{}{duplicates}, {plans} plans{without_plan}{}",
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
    let corpus = read_corpus(&files, &rules, &catalog, true, false)?;
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
    let mut out = Output::open(None, &[])?;
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

/// Reads every report in `files`; with `excerpts`, also keeps the
/// sentence around each statement.
fn read_corpus(
    files: &[PathBuf],
    rules: &RuleSet,
    catalog: &Catalog,
    quiet: bool,
    excerpts: bool,
) -> Result<Corpus> {
    let extractor = Extractor::new(rules)?;
    let mut corpus = Corpus {
        statements: Vec::new(),
        self_reports: Vec::new(),
        reports: Vec::new(),
        documents: Vec::new(),
        excerpts: Excerpts::default(),
        read: 0,
        skipped: 0,
        duplicates: 0,
        unknown_year_note: String::new(),
        skips: Skips::default(),
    };
    let digest = |doc: &Document, facts: &FileFacts, extraction: Extraction| {
        let report = ReportSummary::of(doc);
        let info = DocumentInfo {
            doc: doc.name.clone(),
            path: report.path.clone(),
            place: doc
                .report
                .place
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            place_code: report.place_code.clone(),
            kind: doc.report.kind,
            year: doc.report.year,
            date: doc.report.date,
            reviewed: report.reviewed.clone(),
            sha256: facts.sha256.clone(),
            bytes: facts.bytes,
        };
        let found = if excerpts {
            Excerpts::of(doc, &extraction.statements)
        } else {
            Vec::new()
        };
        (extraction, report, info, found)
    };
    let tally = stream(
        files,
        &extractor,
        catalog,
        quiet,
        digest,
        |(extraction, report, info, found)| {
            let n = extraction.statements.len();
            corpus.statements.extend(extraction.statements);
            corpus.self_reports.extend(extraction.self_reports);
            corpus.reports.push(report);
            corpus.documents.push(info);
            corpus.excerpts.extend(found);
            Ok(n)
        },
    )?;
    corpus.read = tally.read;
    corpus.skipped = tally.skipped;
    corpus.duplicates = tally.duplicates;
    corpus.unknown_year_note = tally.unknown_year_note();
    corpus.skips = tally.skips;
    Ok(corpus)
}

/// Chinese and English name of each target id.
fn full_names(rules: &RuleSet) -> HashMap<String, TargetName> {
    rules
        .targets
        .iter()
        .map(|t| {
            let name = TargetName {
                zh: t.target.name_zh.clone(),
                en: t.target.name_en.clone(),
            };
            (t.target.id.get_ref().clone(), name)
        })
        .collect()
}
