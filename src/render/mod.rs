//! Render: the last pipeline stage. Turns typed results into tables, TSV, CSV,
//! JSON or Markdown. The only stage that knows about output formats.

pub mod diagnostic;
pub mod diff;
pub mod docs;
pub mod eval;
pub mod explain;
mod grid;
pub mod progress;
pub mod report;
pub mod rule_list;
pub mod skeleton;
pub mod sqlite;
pub mod statements;
pub mod summary;
mod text;
pub mod track;
mod width;

pub use grid::grid;
pub use text::{csv_field, escape_markdown, sanitize_terminal, tsv_field};
pub use width::{set_wide, wide};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A framed table for the terminal (CJK-aligned).
    Table,
    /// Tab-separated values; for statements, the columns of the annotation format.
    Tsv,
    /// Comma-separated values, one flat row per item.
    Csv,
    Json,
    /// A Markdown table.
    Markdown,
    /// The self-contained report page.
    Html,
    /// A SQLite database (written to a file only).
    Sqlite,
}

impl Format {
    /// The format a file name asks for by its extension, if any.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "json" => Format::Json,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "db" | "sqlite" | "sqlite3" => Format::Sqlite,
            _ => return None,
        })
    }

    /// The word `--format` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Sqlite => "sqlite",
        }
    }
}

/// Prints one line on standard error (warnings, skipped files, summaries).
#[allow(clippy::print_stderr)]
pub fn diagnostic(line: &str) {
    eprintln!("luoshi: {line}");
}
