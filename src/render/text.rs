//! Escaping of text that came from a document or a file name, one function
//! per output format. JSON needs none (serde_json escapes exactly). The
//! others drop what could act on whoever reads the output: control
//! characters (terminal escape sequences, BEL, DEL, C1) become spaces, bidi
//! controls (which reorder what is shown) are removed, spreadsheet formulas
//! are neutralised in CSV and TSV, and HTML is escaped in Markdown.

/// Unicode bidi controls: marks, embeddings, overrides and isolates.
const BIDI: [char; 12] = [
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Whether `c` is a bidi control.
pub fn is_bidi(c: char) -> bool {
    BIDI.contains(&c)
}

/// Text for a terminal: control characters become spaces, bidi controls go.
pub fn sanitize_terminal(s: &str) -> String {
    plain(s)
}

/// Text for a Markdown table cell: as on a terminal, with `\` and `|`
/// backslash-escaped and HTML (`<`, `>`, `&`) written as entities, so a
/// renderer shows the text and runs nothing.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in plain(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// One TSV field: tabs, line breaks and other control characters become
/// spaces, bidi controls go, and a formula is neutralised (see [`csv_field`]).
pub fn tsv_field(s: &str) -> String {
    defuse(plain(s))
}

/// One CSV field (the writer quotes it): control characters become spaces,
/// bidi controls go, and a field a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-` or `@`, spaces and tabs before it included)
/// gets a leading `'`. A number, negative ones included, stays a number.
pub fn csv_field(s: &str) -> String {
    defuse(plain(s))
}

fn plain(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() || is_bidi(c)) {
        return s.to_owned();
    }
    s.chars()
        .filter(|c| !is_bidi(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn defuse(s: String) -> String {
    let starts_formula = s
        .trim_start_matches([' ', '\t'])
        .starts_with(['=', '+', '-', '@']);
    if starts_formula && !is_number(&s) {
        format!("'{s}")
    } else {
        s
    }
}

/// A plain decimal number (`-3.2`, `+5`, `1e3`), which a spreadsheet reads as
/// a value, not a formula.
fn is_number(s: &str) -> bool {
    let digits = s.trim_start_matches(['+', '-']);
    digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && s.parse::<f64>().is_ok_and(f64::is_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for formula in ["=1+1", "+SUM(A1)", "-1+2", "@cmd", "  =x", "\t=x", "-inf"] {
            assert!(csv_field(formula).starts_with('\''), "{formula}");
            assert!(tsv_field(formula).starts_with('\''), "{formula}");
        }
        for number in ["-3.2", "+5", "-0.5", "12", "1e3", "正文-3"] {
            assert_eq!(csv_field(number), number);
        }
    }

    #[test]
    fn control_and_bidi_characters_never_pass() {
        let evil = "a\u{1b}[2J\u{7}\u{7f}\u{9b}b\u{202e}c\u{2066}d\te\r\nf";
        for out in [
            sanitize_terminal(evil),
            escape_markdown(evil),
            csv_field(evil),
            tsv_field(evil),
        ] {
            assert!(
                !out.chars().any(|c| c.is_control() || is_bidi(c)),
                "{out:?}"
            );
            assert!(out.contains("bcd"), "{out:?}");
        }
    }

    #[test]
    fn markdown_shows_html_as_text() {
        assert_eq!(
            escape_markdown("<img src=x onerror=alert(1)>&amp;|"),
            "&lt;img src=x onerror=alert(1)&gt;&amp;amp;\\|"
        );
    }
}
