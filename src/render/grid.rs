//! One look for every table luoshi prints: comfy-table's condensed UTF-8
//! frame on a terminal (CJK characters count two columns, so Chinese lines
//! up), or a Markdown table, with columns fitted to the terminal width.

use comfy_table::{presets, Cell, ContentArrangement, Table};

/// An empty table with `header`, framed for the terminal or as Markdown.
pub fn grid<T: Into<Cell>>(header: impl IntoIterator<Item = T>, markdown: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(if markdown {
            presets::ASCII_MARKDOWN
        } else {
            presets::UTF8_FULL_CONDENSED
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    // A Markdown table is read as text, not on a screen: never wrapped.
    if let Some(width) = super::width::table_width().filter(|_| !markdown) {
        table.set_width(width);
    }
    table
}
