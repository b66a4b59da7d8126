//! Output of `luoshi docs`: how each report was read (place, kind, date,
//! year, encoding, script) and its sections with the period each covers, as
//! a table per document or as JSON, so a wrong reading is easy to see.

use super::text::sanitize_terminal;
use crate::document::{Coverage, Document, ReportKind};
use crate::place::Place;
use crate::render::Format;
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
    pub year: Option<i32>,
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
            path: doc.path.display().to_string(),
            name: doc.name.clone(),
            place: doc.report.place.clone(),
            kind: doc.report.kind,
            date: doc.report.date.map(|d| d.to_string()),
            year: doc.report.year,
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

/// `review 2021 H1`, `plan 2022`, `unknown`.
pub fn coverage_label(coverage: Coverage) -> String {
    match coverage {
        Coverage::Review { year, period } => format!("review {year} {period}"),
        Coverage::Plan { year } => format!("plan {year}"),
        Coverage::Unknown => "unknown".to_owned(),
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
    writeln!(
        out,
        "  place {}  kind {}  date {}  year {}  encoding {}{}  indicator rows {}",
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

/// Writes all documents as one JSON array.
pub fn write_json(out: &mut dyn Write, outlines: &[Outline]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, outlines)?;
    writeln!(out)
}

/// Whether `docs` can write this format.
pub fn supports(format: Format) -> bool {
    matches!(format, Format::Table | Format::Json)
}
