//! Locations: a byte span of a rule file turned into what a diagnostic shows
//! (path, 1-based line and column, the source line and the part of it to
//! underline), and lookups of spans for fields the schema does not keep spans
//! for (a number, an array) through toml's spanned document tree.

use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A place in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The whole source line (without its line break).
    pub line_text: String,
    /// Byte range within `line_text` to underline; a span running over
    /// several lines is cut at the end of its first line.
    pub underline: Range<usize>,
}

impl Location {
    /// The location of the byte span `span` of `text`, the contents of `path`.
    /// Spans outside the text or inside a character are moved to the nearest
    /// character boundary, so any span is safe.
    pub fn new(path: &Path, text: &str, span: Range<usize>) -> Location {
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end.max(start));
        let (line, line_start, line_end) = line_of(text, start);
        let line_text = text
            .get(line_start..line_end)
            .unwrap_or("")
            .trim_end_matches('\r');
        let underline_start = start - line_start;
        let underline_end = (end.min(line_end) - line_start)
            .max(underline_start)
            .min(line_text.len());
        Location {
            path: path.to_owned(),
            line,
            column: text
                .get(line_start..start)
                .map_or(1, |s| s.chars().count() + 1),
            line_text: line_text.to_owned(),
            underline: underline_start.min(line_text.len())..underline_end,
        }
    }
}

/// The 1-based line holding byte `at` of `text`, and its start and end.
/// The line starts of the last text asked about are kept, so the many
/// locations of one file cost a binary search each, not a scan of the file
/// (which made checking a file of thousands of targets quadratic). The text
/// is kept too: another text at the same address and of the same length (a
/// file read again into freed memory) may have its lines elsewhere.
fn line_of(text: &str, at: usize) -> (usize, usize, usize) {
    thread_local! {
        static STARTS: std::cell::RefCell<(String, Vec<usize>)> =
            const { std::cell::RefCell::new((String::new(), Vec::new())) };
    }
    STARTS.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.1.is_empty() || cache.0 != text {
            let starts = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            *cache = (text.to_owned(), starts);
        }
        let starts = &cache.1;
        let line = starts.partition_point(|&s| s <= at).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let end = starts.get(line).map_or(text.len(), |&next| next - 1);
        (line, start, end)
    })
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A rule file read as a tree of spanned values, for finding where a field is
/// written when the typed schema keeps only its value.
pub struct SpanTree<'i> {
    root: Option<Spanned<DeTable<'i>>>,
}

/// One step down the tree: a key of a table or an index into an array.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'i> SpanTree<'i> {
    /// Parses `text`; a file that does not parse gives a tree with no spans.
    pub fn parse(text: &'i str) -> SpanTree<'i> {
        SpanTree {
            root: DeTable::parse(text).ok(),
        }
    }

    /// The span of the value at `steps` (`target`, 3, `max_gap`), if written.
    pub fn span(&self, steps: &[Step<'_>]) -> Option<Range<usize>> {
        let root = self.root.as_ref()?;
        let (first, rest) = steps.split_first()?;
        let mut value = match first {
            Step::Key(key) => root.get_ref().get(*key)?,
            Step::Index(_) => return None,
        };
        for step in rest {
            value = match (step, value.get_ref()) {
                (Step::Key(key), DeValue::Table(table)) => table.get(*key)?,
                (Step::Index(i), DeValue::Array(array)) => array.get(*i)?,
                _ => return None,
            };
        }
        Some(value.span())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_underline_stays_on_one_line() {
        let text = "id = \"a\"\nunit = \"亩亩\"\nx = 1\n";
        let start = text.find("\"亩亩").unwrap_or(0);
        let loc = Location::new(Path::new("f.toml"), text, start..text.len());
        assert_eq!((loc.line, loc.column), (2, 8));
        assert_eq!(loc.line_text, "unit = \"亩亩\"");
        assert_eq!(&loc.line_text[loc.underline.clone()], "\"亩亩\"");
    }

    #[test]
    fn lines_stay_right_across_texts_of_the_same_length() {
        let a = "x = 1\ny = 2\nz = 3\n".to_owned();
        let b = "x = 1y = 2\n\nz = 3\n".to_owned();
        for (text, line) in [(&a, 3), (&b, 3), (&a, 3)] {
            let at = text.find('z').unwrap_or(0);
            let loc = Location::new(Path::new("f.toml"), text, at..at + 1);
            assert_eq!((loc.line, loc.line_text.as_str()), (line, "z = 3"));
        }
        let loc = Location::new(Path::new("f.toml"), &b, 0..1);
        assert_eq!((loc.line, loc.line_text.as_str()), (1, "x = 1y = 2"));
    }

    #[test]
    fn a_text_read_again_into_the_same_memory_gets_its_own_lines() {
        // The same buffer, so the same address and length: the second text
        // has one line fewer before `zzzz` although the line fits the first's.
        let mut buffer = String::with_capacity(8);
        buffer.push_str("x\n\nzzzz\n");
        let loc = Location::new(Path::new("f.toml"), &buffer, 3..4);
        assert_eq!((loc.line, loc.column), (3, 1));
        buffer.clear();
        buffer.push_str("xx\nzzzz\n");
        let loc = Location::new(Path::new("f.toml"), &buffer, 3..4);
        assert_eq!(
            (loc.line, loc.column, loc.line_text.as_str()),
            (2, 1, "zzzz")
        );
    }

    #[test]
    fn spans_inside_a_character_or_past_the_end_are_safe() {
        let text = "名称 = 1";
        let loc = Location::new(Path::new("f.toml"), text, 1..400);
        assert_eq!((loc.line, loc.column), (1, 1));
        assert_eq!(loc.underline, 0..text.len());
    }

    #[test]
    fn span_tree_finds_numbers_in_arrays_of_tables() {
        let text = "[[target]]\nid = \"a\"\n[[target]]\nid = \"b\"\nmax_gap = 0\n";
        let tree = SpanTree::parse(text);
        let span = tree.span(&[Step::Key("target"), Step::Index(1), Step::Key("max_gap")]);
        assert_eq!(span.and_then(|s| text.get(s)), Some("0"));
        assert_eq!(tree.span(&[Step::Key("target"), Step::Index(2)]), None);
    }
}
