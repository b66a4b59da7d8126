//! Escaping of document text for each output format.

/// Removes terminal control characters (escape sequences, carriage returns)
/// from text that came from a document.
pub fn sanitize_terminal(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Escapes text for a Markdown table cell.
pub fn escape_markdown(s: &str) -> String {
    sanitize_terminal(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

/// Makes text safe for one TSV field: tabs, line breaks and other control
/// characters (escape sequences) become spaces.
pub fn tsv_field(s: &str) -> String {
    sanitize_terminal(s)
}
