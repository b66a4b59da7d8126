//! Statements as a table, TSV (the columns of the gold format), CSV or JSON.

use super::text::{sanitize_terminal, tsv_field};
use crate::cli::Format;
use crate::statement::Statement;
use std::io::{self, Write};

/// The columns of the annotation format, in order.
pub const TSV_COLUMNS: [&str; 10] = [
    "doc", "kind", "target", "year", "period", "value", "unit", "bound", "scope", "quote",
];

/// Writes statements in the given format.
pub fn write(out: &mut dyn Write, statements: &[Statement], format: Format) -> io::Result<()> {
    match format {
        Format::Tsv => write_tsv(out, statements),
        Format::Csv => write_csv(out, statements),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, statements)?;
            writeln!(out)
        }
        Format::Table | Format::Markdown => write_table(out, statements, format),
    }
}

/// A value as written in files: no trailing `.0`, no float noise.
pub fn format_value(v: f64) -> String {
    let rounded = (v * 1e6).round() / 1e6;
    if rounded == rounded.trunc() && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

fn row(s: &Statement) -> [String; 10] {
    [
        s.doc.clone(),
        s.kind.to_string(),
        s.target.clone(),
        s.year.to_string(),
        s.period.to_string(),
        format_value(s.value),
        s.unit.clone(),
        s.bound.to_string(),
        s.scope.clone(),
        s.quote.clone(),
    ]
}

fn write_tsv(out: &mut dyn Write, statements: &[Statement]) -> io::Result<()> {
    writeln!(out, "{}", TSV_COLUMNS.join("\t"))?;
    for s in statements {
        let fields: Vec<String> = row(s).iter().map(|f| tsv_field(f)).collect();
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, statements: &[Statement]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "doc",
        "district",
        "kind",
        "target",
        "year",
        "period",
        "value",
        "unit",
        "bound",
        "hedge",
        "estimated",
        "scope",
        "line",
        "column",
        "quote",
    ])?;
    for s in statements {
        w.write_record([
            s.doc.as_str(),
            &s.district,
            s.kind.as_str(),
            &s.target,
            &s.year.to_string(),
            s.period.as_str(),
            &format_value(s.value),
            &s.unit,
            s.bound.as_str(),
            &s.hedge,
            if s.estimated { "true" } else { "false" },
            &s.scope,
            &s.position.line.to_string(),
            &s.position.column.to_string(),
            &s.quote,
        ])?;
    }
    w.flush()
}

fn write_table(out: &mut dyn Write, statements: &[Statement], format: Format) -> io::Result<()> {
    let mut table = super::grid(
        [
            "doc:line", "kind", "target", "year", "value", "bound", "scope", "quote",
        ],
        format == Format::Markdown,
    );
    for s in statements {
        table.add_row([
            format!("{}:{}", s.doc, s.position.line),
            s.kind.to_string(),
            s.target.clone(),
            format!("{} {}", s.year, s.period),
            format!("{} {}", format_value(s.value), s.unit),
            s.bound.to_string(),
            sanitize_terminal(&s.scope),
            sanitize_terminal(&s.quote),
        ]);
    }
    writeln!(out, "{table}")
}
