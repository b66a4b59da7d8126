//! Excerpts: the sentence around each statement's quote, cut from the
//! document while it is still in memory, so a reader of the report page can
//! check a verdict against the report's own words without opening the file.

use crate::document::Document;
use crate::statement::Statement;
use std::collections::HashMap;

/// Characters that end a sentence (or a paragraph).
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '\n', '\r'];
/// At most this many bytes of context on each side of a quote (about 80
/// Chinese characters), so a paragraph with no full stop stays short.
const MAX_CONTEXT_BYTES: usize = 240;

/// A quote with the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    /// The sentence up to the quote (`…` first when cut short).
    pub before: String,
    pub quote: String,
    /// The sentence after the quote, its full stop included.
    pub after: String,
}

/// Which statement an excerpt is of: path, line and quote, as plan and
/// outcome references name them.
pub type ExcerptKey = (String, usize, String);

/// Excerpts of every statement of the input.
#[derive(Debug, Clone, Default)]
pub struct Excerpts {
    by_key: HashMap<ExcerptKey, Excerpt>,
}

impl Excerpts {
    /// The excerpts of one document's statements.
    pub fn of(doc: &Document, statements: &[Statement]) -> Vec<(ExcerptKey, Excerpt)> {
        statements
            .iter()
            .map(|s| {
                let key = (s.path.clone(), s.position.line, s.quote.clone());
                let excerpt = around(&doc.original, s.position.start, s.position.end);
                (key, excerpt)
            })
            .collect()
    }

    pub fn extend(&mut self, found: Vec<(ExcerptKey, Excerpt)>) {
        self.by_key.extend(found);
    }

    /// The excerpt of the statement at `path:line` quoting `quote`.
    pub fn get(&self, path: &str, line: usize, quote: &str) -> Option<&Excerpt> {
        // Keys are owned: building one per lookup costs less than the
        // page's formatting of the same text.
        self.by_key.get(&(path.to_owned(), line, quote.to_owned()))
    }
}

/// The sentence of `text` around the byte range `start..end`.
pub fn around(text: &str, start: usize, end: usize) -> Excerpt {
    let (Some(quote), true) = (text.get(start..end), start <= end) else {
        return Excerpt::default();
    };
    let head = &text[..start];
    let from = head.rfind(SENTENCE_ENDS).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let (from, cut_before) = clip_start(head, from);
    let tail = &text[end..];
    let to = tail.find(SENTENCE_ENDS).map_or(tail.len(), |i| {
        // Keep a full stop, not a line break.
        let c = tail[i..].chars().next();
        match c {
            Some('\n' | '\r') | None => i,
            Some(c) => i + c.len_utf8(),
        }
    });
    let (to, cut_after) = clip_end(tail, to);
    let mut before = String::new();
    if cut_before {
        before.push('…');
    }
    before.push_str(head[from..].trim_start());
    let mut after = tail[..to].trim_end().to_owned();
    if cut_after {
        after.push('…');
    }
    Excerpt {
        before,
        quote: quote.to_owned(),
        after,
    }
}

/// Moves `from` forward so at most [`MAX_CONTEXT_BYTES`] of `head` are kept.
fn clip_start(head: &str, from: usize) -> (usize, bool) {
    if head.len() - from <= MAX_CONTEXT_BYTES {
        return (from, false);
    }
    let mut at = head.len() - MAX_CONTEXT_BYTES;
    while !head.is_char_boundary(at) {
        at += 1;
    }
    (at, true)
}

/// Moves `to` back so at most [`MAX_CONTEXT_BYTES`] of `tail` are kept.
fn clip_end(tail: &str, to: usize) -> (usize, bool) {
    if to <= MAX_CONTEXT_BYTES {
        return (to, false);
    }
    let mut at = MAX_CONTEXT_BYTES;
    while !tail.is_char_boundary(at) {
        at -= 1;
    }
    (at, true)
}

#[cfg(test)]
mod tests {
    use super::around;

    #[test]
    fn the_sentence_around_a_quote_is_kept_with_its_full_stop() {
        let text = "一、回顾。全年新增学位5200个，超额完成任务。下一步";
        let start = text.find("新增").unwrap();
        let end = text.find("，").unwrap();
        let e = around(text, start, end);
        assert_eq!(e.before, "全年");
        assert_eq!(e.quote, "新增学位5200个");
        assert_eq!(e.after, "，超额完成任务。");
    }

    #[test]
    fn a_paragraph_without_full_stops_is_cut_on_both_sides() {
        let text = format!("{}新增学位5200个{}", "甲".repeat(200), "乙".repeat(200));
        let start = 600;
        let end = start + "新增学位5200个".len();
        let e = around(&text, start, end);
        assert!(e.before.starts_with('…') && e.after.ends_with('…'));
        assert!(e.before.len() < 300 && e.after.len() < 300);
    }

    #[test]
    fn a_range_outside_the_text_gives_an_empty_excerpt() {
        assert_eq!(around("短", 5, 9).quote, "");
        assert_eq!(around("新增", 1, 3).quote, "");
    }
}
