//! Statements as a table, TSV (the columns of the gold format), CSV, JSON or
//! Markdown, written as they come so that a long run streams its output.

use super::text::{csv_field, escape_markdown, sanitize_terminal, tsv_field};
use crate::render::Format;
use crate::statement::Statement;
use std::io::{self, Write};

/// The columns of the annotation format, in order.
pub const TSV_COLUMNS: [&str; 10] = [
    "doc", "kind", "target", "year", "period", "value", "unit", "bound", "scope", "quote",
];

/// Writes statements in the given format.
pub fn write(out: &mut dyn Write, statements: &[Statement], format: Format) -> io::Result<()> {
    let mut writer = StatementWriter::new(out, format)?;
    writer.write(statements)?;
    writer.finish()
}

/// Writes statements batch by batch as they are extracted, so a run over a
/// large corpus never holds them all. Only the terminal table waits for
/// every row, since its columns are as wide as their widest cell.
pub struct StatementWriter<'a> {
    sink: Sink<'a>,
}

enum Sink<'a> {
    Tsv(&'a mut dyn Write),
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
    /// A JSON array; `first` until an element has been written.
    Json {
        out: &'a mut dyn Write,
        first: bool,
    },
    Markdown(&'a mut dyn Write),
    Table {
        out: &'a mut dyn Write,
        rows: Vec<Statement>,
    },
}

impl<'a> StatementWriter<'a> {
    /// Starts the output (header line, opening bracket).
    pub fn new(out: &'a mut dyn Write, format: Format) -> io::Result<StatementWriter<'a>> {
        let sink = match format {
            Format::Tsv => {
                writeln!(out, "{}", TSV_COLUMNS.join("\t"))?;
                Sink::Tsv(out)
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_COLUMNS)?;
                Sink::Csv(Box::new(w))
            }
            Format::Json => Sink::Json { out, first: true },
            Format::Markdown => {
                writeln!(out, "| {} |", TABLE_COLUMNS.join(" | "))?;
                writeln!(out, "|{}", "---|".repeat(TABLE_COLUMNS.len()))?;
                Sink::Markdown(out)
            }
            // The commands refuse the page and the database for statements.
            Format::Table | Format::Html | Format::Sqlite => Sink::Table {
                out,
                rows: Vec::new(),
            },
        };
        Ok(StatementWriter { sink })
    }

    /// Writes a batch of statements after those already written.
    pub fn write(&mut self, statements: &[Statement]) -> io::Result<()> {
        match &mut self.sink {
            Sink::Tsv(out) => statements.iter().try_for_each(|s| write_tsv_row(*out, s)),
            Sink::Csv(w) => statements.iter().try_for_each(|s| {
                let row = csv_row(s).map(|f| csv_field(&f));
                w.write_record(row).map_err(io::Error::from)
            }),
            Sink::Json { out, first } => {
                for s in statements {
                    // The same layout as one pretty-printed array: JSON
                    // strings hold no raw line breaks, so indenting after
                    // each one only indents lines.
                    let element = serde_json::to_string_pretty(s)?.replace('\n', "\n  ");
                    let sep = if *first { "[" } else { "," };
                    write!(out, "{sep}\n  {element}")?;
                    *first = false;
                }
                Ok(())
            }
            Sink::Markdown(out) => statements.iter().try_for_each(|s| {
                writeln!(out, "| {} |", table_row(s, escape_markdown).join(" | "))
            }),
            Sink::Table { rows, .. } => {
                rows.extend_from_slice(statements);
                Ok(())
            }
        }
    }

    /// Ends the output (closing bracket, the whole table) and flushes it.
    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Tsv(out) | Sink::Markdown(out) => out.flush(),
            Sink::Csv(mut w) => w.flush(),
            Sink::Json { out, first } => {
                writeln!(out, "{}", if first { "[]" } else { "\n]" })?;
                out.flush()
            }
            Sink::Table { out, rows } => {
                write_table(out, &rows)?;
                out.flush()
            }
        }
    }
}

/// Significant digits a value is written with: all a report's text can give
/// (a double holds 15 exactly), and none of the noise of the arithmetic
/// that scaled it (`1.15万` is 11499.999999999998 as a double).
const SIGNIFICANT_DIGITS: usize = 15;

/// A value as written in files: every digit the text gave, no trailing `.0`,
/// no float noise; nothing for a value that is not finite (none should be).
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{:.*e}", SIGNIFICANT_DIGITS - 1, v)
        .parse()
        .unwrap_or(v);
    if rounded == rounded.trunc() && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

fn write_tsv_row(out: &mut dyn Write, s: &Statement) -> io::Result<()> {
    let fields = [
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
    ];
    let fields: Vec<String> = fields.iter().map(|f| tsv_field(f)).collect();
    writeln!(out, "{}", fields.join("\t"))
}

/// Columns of CSV output: every field but the byte range.
const CSV_COLUMNS: [&str; 18] = [
    "doc",
    "place_code",
    "place_name",
    "place",
    "level",
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
];

fn csv_row(s: &Statement) -> [String; 18] {
    [
        s.doc.clone(),
        s.place_code.clone(),
        s.place_name.clone(),
        s.place.clone(),
        s.level.map(|l| l.to_string()).unwrap_or_default(),
        s.kind.as_str().to_owned(),
        s.target.clone(),
        s.year.to_string(),
        s.period.label(),
        format_value(s.value),
        s.unit.clone(),
        s.bound.as_str().to_owned(),
        s.hedge.clone(),
        s.estimated.to_string(),
        s.scope.clone(),
        s.position.line.to_string(),
        s.position.column.to_string(),
        s.quote.clone(),
    ]
}

/// Columns of the terminal and Markdown tables.
const TABLE_COLUMNS: [&str; 8] = [
    "doc:line", "kind", "target", "year", "value", "bound", "scope", "quote",
];

/// One table row, with every cell that came from a file passed through `escape`.
fn table_row(s: &Statement, escape: fn(&str) -> String) -> [String; 8] {
    [
        escape(&format!("{}:{}", s.doc, s.position.line)),
        s.kind.to_string(),
        s.target.clone(),
        format!("{} {}", s.year, s.period),
        format!("{} {}", format_value(s.value), s.unit),
        s.bound.to_string(),
        escape(&s.scope),
        escape(&s.quote),
    ]
}

fn write_table(out: &mut dyn Write, statements: &[Statement]) -> io::Result<()> {
    let mut table = super::grid(TABLE_COLUMNS, false);
    for s in statements {
        table.add_row(table_row(s, sanitize_terminal));
    }
    writeln!(out, "{table}")
}

#[cfg(test)]
mod tests {
    use super::format_value;

    #[test]
    fn values_keep_the_digits_the_text_gave() {
        assert_eq!(format_value(1.15 * 1e4), "11500");
        assert_eq!(format_value(0.123_456_789_1), "0.1234567891");
        assert_eq!(format_value(7479.42), "7479.42");
        assert_eq!(format_value(-3.2), "-3.2");
        assert_eq!(format_value(f64::INFINITY), "");
        assert_eq!(format_value(f64::NAN), "");
    }
}
