//! Render: the last pipeline stage. Turns typed results into tables, TSV, CSV,
//! JSON or Markdown. The only stage that knows about output formats.

pub mod diagnostic;
pub mod diff;
pub mod docs;
pub mod eval;
pub mod explain;
mod grid;
pub mod progress;
pub mod rule_list;
pub mod skeleton;
pub mod statements;
mod text;
pub mod track;

pub use grid::grid;
pub use text::{escape_markdown, sanitize_terminal};

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
}

/// Prints one line on standard error (warnings, skipped files, summaries).
#[allow(clippy::print_stderr)]
pub fn diagnostic(line: &str) {
    eprintln!("luoshi: {line}");
}
