//! Output of `luoshi docs`: how each report was read (place, kind, date,
//! year, encoding, script) and its sections with the period each covers, as
//! a table per document or as JSON, so a wrong reading is easy to see.

use super::text::sanitize_terminal;
use crate::document::{Coverage, Document, ReportKind, Reviewed};
use crate::place::Place;
use crate::render::Format;
use crate::rule::DateSource;
use serde::Serialize;
use std::io::{self, Write};

/// What `docs` shows of one document: small, so many can be collected.
#[derive(Debug, Clone, Serialize)]
pub struct Outline {
    pub path: String,
    pub name: String,
    /// The reporting government, or null when unknown.
    pub place: Option<Place>,
    pub kind: ReportKind,
    pub date: Option<String>,
    /// What the date is: `delivered`, `published` or `written`.
    pub date_source: Option<DateSource>,
    /// The year the report is mainly about (the plan year of a work report,
    /// the reviewed year of an execution report).
    pub year: Option<i32>,
    /// The years (and periods) the report looks back on.
    pub reviews: Vec<Reviewed>,
    /// The years the report sets out plans for.
    pub plans: Vec<i32>,
    /// What could not be read: `place`, `kind`, `year`; empty when all is known.
    pub unknown: Vec<&'static str>,
    pub encoding: String,
    pub traditional: bool,
    pub sections: Vec<SectionOutline>,
    pub indicator_rows: usize,
}

/// One section as shown.
#[derive(Debug, Clone, Serialize)]
pub struct SectionOutline {
    pub line: usize,
    pub level: u8,
    pub heading: String,
    /// `review 2021 H1`, `plan 2022` or `unknown`.
    pub coverage: String,
}

impl Outline {
    /// The outline of a document.
    pub fn of(doc: &Document) -> Outline {
        Outline {
            path: crate::doc_name::path_text(&doc.path),
            name: doc.name.clone(),
            place: doc.report.place.clone(),
            kind: doc.report.kind,
            date: doc.report.date.map(|d| d.to_string()),
            date_source: doc.report.date_source,
            year: doc.report.year,
            reviews: doc.report.reviews.clone(),
            plans: doc.report.plans.clone(),
            unknown: unknown(doc),
            encoding: doc.encoding.to_owned(),
            traditional: doc.traditional,
            sections: doc
                .sections
                .iter()
                .map(|s| SectionOutline {
                    line: s.line,
                    level: s.level,
                    heading: s.heading.clone(),
                    coverage: coverage_label(s.coverage),
                })
                .collect(),
            indicator_rows: doc.table.len(),
        }
    }
}

/// What of a document's identity is unknown: its place, kind or reviewed year.
pub fn unknown(doc: &Document) -> Vec<&'static str> {
    let report = &doc.report;
    let mut missing = Vec::new();
    if report.place.is_none() {
        missing.push("place");
    }
    if report.kind == ReportKind::Unknown {
        missing.push("kind");
    }
    if report.reviews.is_empty() {
        missing.push("year");
    }
    missing
}

/// `review 2021 H1`, `plan 2022`, `unknown`.
pub fn coverage_label(coverage: Coverage) -> String {
    match coverage {
        Coverage::Review { year, period } => format!("review {year} {period}"),
        Coverage::Plan { year } => format!("plan {year}"),
        Coverage::Years { plans: false } => "review years".to_owned(),
        Coverage::Years { plans: true } => "plan years".to_owned(),
        Coverage::Unknown => "unknown".to_owned(),
    }
}

fn date_source_label(source: DateSource) -> &'static str {
    match source {
        DateSource::Delivered => "delivered",
        DateSource::Published => "published",
        DateSource::Written => "written",
    }
}

fn kind_label(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::H1 => "h1",
        ReportKind::Annual => "annual",
        ReportKind::Gwr => "gwr",
        ReportKind::Unknown => "unknown",
    }
}

/// Writes one document as a block of text and a table of its sections.
pub fn write_table(out: &mut dyn Write, outline: &Outline) -> io::Result<()> {
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "-".to_owned());
    writeln!(out, "{}", sanitize_terminal(&outline.path))?;
    let reviews: Vec<String> = outline
        .reviews
        .iter()
        .map(|r| format!("{} {}", r.year, r.period))
        .collect();
    let plans: Vec<String> = outline.plans.iter().map(|y| y.to_string()).collect();
    let list = |v: Vec<String>| {
        if v.is_empty() {
            "-".to_owned()
        } else {
            v.join(", ")
        }
    };
    let source = outline
        .date_source
        .map(|s| format!(" ({})", date_source_label(s)))
        .unwrap_or_default();
    writeln!(
        out,
        "  place {}  kind {}  date {}{source}  year {}  encoding {}{}  indicator rows {}",
        outline.place.as_ref().map_or_else(
            || "-".to_owned(),
            |p| format!("{} ({}, {})", sanitize_terminal(&p.name), p.code, p.level)
        ),
        kind_label(outline.kind),
        or_dash(outline.date.clone()),
        or_dash(outline.year.map(|y| y.to_string())),
        outline.encoding,
        if outline.traditional {
            " (traditional)"
        } else {
            ""
        },
        outline.indicator_rows,
    )?;
    writeln!(
        out,
        "  reviews {}  plans {}{}",
        list(reviews),
        list(plans),
        if outline.unknown.is_empty() {
            String::new()
        } else {
            format!("  UNKNOWN: {}", outline.unknown.join(", "))
        }
    )?;
    if outline.sections.is_empty() {
        return writeln!(out, "  no sections found\n");
    }
    let mut table = super::grid(["line", "level", "heading", "coverage"], false);
    for s in &outline.sections {
        let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
        table.add_row([
            s.line.to_string(),
            s.level.to_string(),
            format!("{indent}{}", sanitize_terminal(&s.heading)),
            s.coverage.clone(),
        ]);
    }
    writeln!(out, "{table}\n")
}

/// Writes one line for a document whose identity is not all known:
/// `path<TAB>unknown: place, year`.
pub fn write_unknown(out: &mut dyn Write, outline: &Outline) -> io::Result<()> {
    writeln!(
        out,
        "{}\tunknown: {}",
        sanitize_terminal(&outline.path),
        outline.unknown.join(", ")
    )
}

/// Writes all documents as one JSON array.
pub fn write_json(out: &mut dyn Write, outlines: &[Outline]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, outlines)?;
    writeln!(out)
}

/// Whether `docs` can write this format.
pub fn supports(format: Format) -> bool {
    matches!(format, Format::Table | Format::Json)
}
