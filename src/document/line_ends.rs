//! Line ends: a lone CR (old Mac exports), U+2028 LINE SEPARATOR, U+2029
//! PARAGRAPH SEPARATOR and U+0085 NEXT LINE end a line as LF does, so
//! sections, headings and line numbers are found whatever the file used.
//! CRLF stays as it is (its CR is whitespace to the normaliser).

/// `text` with every line end other than LF and CRLF written as LF.
#[inline(never)]
pub fn unify(text: String) -> String {
    if !has_odd_line_end(&text) {
        return text;
    }
    let odd = |c: char| matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
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

/// Whether `text` has a line end that `unify` rewrites. Nearly no report
/// has one, so this is a scan for bytes, not characters: the searches for a
/// byte or a short string run over vector registers at a time, where
/// decoding every character costs several times more.
fn has_odd_line_end(text: &str) -> bool {
    let bytes = text.as_bytes();
    let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'));
    lone_cr
        || ["\u{2028}", "\u{2029}", "\u{85}"]
            .iter()
            .any(|end| memchr::memmem::find(bytes, end.as_bytes()).is_some())
}

/// The lines of `text`, exactly as `text.split('\n')` gives them. Every
/// document stage walks the lines of a whole report; the breaks are found
/// by a vectorised byte search, several times faster on long report lines
/// than the word-at-a-time search of `str::split`.
pub fn lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        breaks: memchr::memchr_iter(b'\n', text.as_bytes()),
        start: Some(0),
    }
}

/// The iterator of [`lines`].
pub struct Lines<'a> {
    text: &'a str,
    breaks: memchr::Memchr<'a>,
    /// Start of the next line; `None` once the last line was given.
    start: Option<usize>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = self.start?;
        let end = self.breaks.next();
        self.start = end.map(|i| i + 1);
        // A line feed is one byte and never inside a character, so both
        // ends are character boundaries.
        self.text.get(start..end.unwrap_or(self.text.len()))
    }
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
        assert_eq!(unify("区\r".into()), "区\n");
        assert_eq!(unify("区\u{85}".into()), "区\n");
    }

    #[test]
    fn lines_are_those_of_split() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "\na",
            "白云区\n2021年\r\n\n末行",
            "a\n\n\nb\n",
        ] {
            let ours: Vec<&str> = super::lines(text).collect();
            let split: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, split, "{text:?}");
        }
    }

    #[test]
    fn only_odd_line_ends_are_found() {
        for plain in ["", "a\r\nb", "白云区\n2021年\r\n", "“两会”…—"] {
            assert!(!super::has_odd_line_end(plain), "{plain:?}");
        }
        for odd in [
            "\r",
            "a\rb",
            "a\r\n\r",
            "区\u{2028}",
            "\u{2029}区",
            "\u{85}",
        ] {
            assert!(super::has_odd_line_end(odd), "{odd:?}");
        }
    }
}
