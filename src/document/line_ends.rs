//! Line ends: a lone CR (old Mac exports), U+2028 LINE SEPARATOR, U+2029
//! PARAGRAPH SEPARATOR and U+0085 NEXT LINE end a line as LF does, so
//! sections, headings and line numbers are found whatever the file used.
//! CRLF stays as it is (its CR is whitespace to the normaliser).

/// `text` with every line end other than LF and CRLF written as LF.
pub fn unify(text: String) -> String {
    let odd = |c: char| matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
    let lone_cr = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'\r' && w[1] != b'\n')
        || text.ends_with('\r');
    if !lone_cr && !text.contains(odd) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            c if odd(c) => out.push('\n'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unify;

    #[test]
    fn every_line_end_is_one_line_end() {
        assert_eq!(
            unify("a\rb\r\nc\u{2028}d\u{2029}e\u{85}f\r".into()),
            "a\nb\r\nc\nd\ne\nf\n"
        );
        assert_eq!(unify("a\r\nb\n".into()), "a\r\nb\n");
    }
}
