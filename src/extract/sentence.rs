//! Sentences and clauses of the normalised text. A sentence ends at 。 ; ! ?
//! or a line break; a clause also ends at , 、 and :. Matching never crosses a
//! sentence; quotes are whole clauses.

use std::ops::Range;

/// Whether `c` ends a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n' | '；' | '！' | '？')
}

/// Whether `c` ends a clause.
pub fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, ',' | '、' | ':' | '，' | '：')
}

/// Longest sentence handled whole, in bytes (about 1,300 characters; real
/// sentences are far shorter). A longer run, such as a file that never uses
/// a full stop, is cut at clause marks, so that no work on a sentence grows
/// with the square of a file's length.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Bytes a piece of a cut sentence shares with the piece before it, so that
/// a statement across the cut (within about 170 characters) is still read
/// whole; the extractor drops what both pieces found.
pub const PIECE_OVERLAP_BYTES: usize = 512;

/// Most bytes a quote reaches beyond its term and value on either side
/// (about 50 characters), however long their clauses.
pub const QUOTE_CONTEXT_BYTES: usize = 150;

/// Byte ranges of the sentences of `text`, without their closing mark, empty
/// ones skipped, none longer than [`MAX_SENTENCE_BYTES`]; the pieces of a
/// longer sentence overlap by [`PIECE_OVERLAP_BYTES`].
pub fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    whole_sentences(text).flat_map(move |range| pieces(text, range))
}

/// The pieces (as [`sentences`] gives them) of the sentences that hold one
/// of `points` (byte offsets, ascending), in order. Only those sentences are
/// looked at: each is found from its first point, back to the mark before
/// it and on to the mark after it, so a text costs time in the sentences
/// that hold a point, not in its length.
pub fn sentences_holding<'a>(
    text: &'a str,
    points: impl Iterator<Item = usize> + 'a,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut points = points.peekable();
    // Every sentence before `done` has been given.
    let mut done = 0;
    let whole = std::iter::from_fn(move || loop {
        while points.next_if(|&p| p < done).is_some() {}
        let point = *points.peek()?;
        let start = sentence_start(text, point).max(done);
        let (end, after) = sentence_marks(text, start)
            .next()
            .map_or((text.len(), text.len()), |(i, len)| (i, i + len));
        done = after.max(start + 1);
        // A point on a mark, or in a blank stretch, is in no sentence.
        if point < end && !text[start..end].trim().is_empty() {
            return Some(start..end);
        }
    });
    whole.flat_map(move |range| pieces(text, range))
}

/// Where the sentence holding byte `at` starts: right after the last mark
/// that ends at or before `at`, or at 0. Looks back from `at` at bytes, like
/// [`sentence_marks`] looks forward: each mark's last byte (ASCII, or 82 9B
/// 81 9F after the lead and second bytes of 。 ； ！ ？) ends only that mark.
fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(bytes.len());
    while i > 0 {
        let ends_mark = match bytes[i - 1] {
            b'\n' | b';' | b'!' | b'?' => true,
            0x82 => i >= 3 && bytes[i - 3..i - 1] == [0xE3, 0x80],
            0x9B | 0x81 | 0x9F => i >= 3 && bytes[i - 3..i - 1] == [0xEF, 0xBC],
            _ => false,
        };
        if ends_mark {
            return i;
        }
        i -= 1;
    }
    0
}

/// `range` cut into pieces of at most [`MAX_SENTENCE_BYTES`], each ending
/// at the last clause mark that fits (or at a character boundary when none does).
fn pieces(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    std::iter::from_fn(move || {
        if start >= range.end {
            return None;
        }
        let mut end = range.end;
        if end - start > MAX_SENTENCE_BYTES {
            let mut limit = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            end = text[start..limit]
                .char_indices()
                .rev()
                .find(|&(_, c)| ends_clause(c))
                .map_or(limit, |(i, c)| start + i + c.len_utf8());
        }
        let piece = start..end;
        start = if end < range.end && end - start > 2 * PIECE_OVERLAP_BYTES {
            overlap_start(text, end - PIECE_OVERLAP_BYTES, end)
        } else {
            end
        };
        Some(piece)
    })
}

/// Where the next piece starts, at or after `from` (before `end`): after a
/// clause mark when there is one, and never inside a number or a code, so
/// that no piece reads the tail of a number as a number.
fn overlap_start(text: &str, from: usize, end: usize) -> usize {
    let mut at = from;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    if let Some((i, c)) = text[at..end].char_indices().find(|&(_, c)| ends_clause(c)) {
        return at + i + c.len_utf8();
    }
    let numeric = |c: char| {
        c.is_ascii_alphanumeric() || c == '.' || "零〇一二两三四五六七八九十百千万亿".contains(c)
    };
    at + text[at..end]
        .char_indices()
        .find(|&(_, c)| !numeric(c))
        .map_or(end - at, |(i, _)| i)
}

/// Byte ranges of the sentences of `text` as the marks cut them.
fn whole_sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut marks = sentence_marks(text, 0);
    std::iter::from_fn(move || loop {
        match marks.next() {
            Some((i, len)) => {
                let range = start..i;
                start = i + len;
                if !text[range.clone()].trim().is_empty() {
                    return Some(range);
                }
            }
            None => {
                let range = start..text.len();
                start = text.len();
                return (!text[range.clone()].trim().is_empty()).then_some(range);
            }
        }
    })
}

/// Positions and byte lengths of the characters of `text` that end a
/// sentence (see [`ends_sentence`]), from byte `from` (a character
/// boundary) on. Every document is walked through here, so it looks at
/// bytes instead of decoding characters: the marks are ASCII, or three-byte
/// sequences whose lead byte (E3 or EF) never occurs inside another character.
fn sentence_marks(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        while let Some(found) = bytes.get(i..)?.iter().position(|&b| MAY_END[b as usize]) {
            let at = i + found;
            let len = match bytes.get(at..at + 3) {
                // 。
                Some([0xE3, 0x80, 0x82]) => 3,
                // ； ！ ？
                Some([0xEF, 0xBC, 0x9B | 0x81 | 0x9F]) => 3,
                _ if bytes.get(at).is_some_and(u8::is_ascii) => 1,
                _ => 0,
            };
            i = at + len.max(1);
            if len > 0 {
                return Some((at, len));
            }
        }
        None
    })
}

/// Bytes that may start a sentence mark: the ASCII marks, and the lead
/// bytes of 。 (E3) and of ； ！ ？ (EF).
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b';' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// Start of the clause holding byte `at` within `within`.
pub fn clause_start(text: &str, within: &Range<usize>, at: usize) -> usize {
    text[within.start..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_clause(c))
        .map_or(within.start, |(i, c)| within.start + i + c.len_utf8())
}

/// Start of the phrase holding byte `at`: like a clause, but a list joined by
/// 、 stays one phrase (`力争新增中小学学位5200个、幼儿园学位2800个`).
pub fn phrase_start(text: &str, within: &Range<usize>, at: usize) -> usize {
    text[within.start..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_clause(c) && c != '、')
        .map_or(within.start, |(i, c)| within.start + i + c.len_utf8())
}

/// End of the clause holding byte `at` within `within` (exclusive, before the mark).
pub fn clause_end(text: &str, within: &Range<usize>, at: usize) -> usize {
    text[at..within.end]
        .char_indices()
        .find(|&(_, c)| ends_clause(c))
        .map_or(within.end, |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_at_full_stops_semicolons_and_lines() {
        let text = "甲,乙。丙;丁\n\n戊";
        let parts: Vec<&str> = sentences(text).map(|r| &text[r]).collect();
        assert_eq!(parts, ["甲,乙", "丙", "丁", "戊"]);
    }

    #[test]
    fn a_sentence_that_never_ends_is_cut_at_clause_marks() {
        let text = "新增中小学学位5200个,".repeat(1000);
        let parts: Vec<Range<usize>> = sentences(&text).collect();
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES));
        assert!(parts.iter().all(|r| text[r.clone()].ends_with(',')));
        // Pieces overlap; together they cover the sentence, each starting
        // after a clause mark.
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts.last().unwrap().end, text.len());
        assert!(parts
            .windows(2)
            .all(|w| w[1].start <= w[0].end && w[1].start > w[0].start));
        assert!(parts[1..].iter().all(|r| text[..r.start].ends_with(',')));
    }

    #[test]
    fn a_statement_across_a_cut_is_in_one_piece_whole() {
        let statement = "新增中小学学位5200个";
        for at in (MAX_SENTENCE_BYTES - 60..MAX_SENTENCE_BYTES + 30).step_by(3) {
            let text = format!("{}{statement}{}", "的".repeat(at / 3), "的".repeat(2000));
            let whole = sentences(&text).any(|r| text[r].contains(statement));
            assert!(whole, "statement at byte {at} is cut in every piece");
        }
    }

    #[test]
    fn marks_are_found_at_their_bytes_like_the_characters() {
        let text = "甲。乙；丙！丁？戊;己!庚?辛\n壬。";
        let by_chars: Vec<(usize, usize)> = text
            .char_indices()
            .filter(|&(_, c)| ends_sentence(c))
            .map(|(i, c)| (i, c.len_utf8()))
            .collect();
        assert_eq!(by_chars.len(), 9);
        assert_eq!(sentence_marks(text, 0).collect::<Vec<_>>(), by_chars);
    }

    proptest::proptest! {
        #[test]
        fn marks_agree_with_characters_on_any_text(text in "[。；！？;!?\n 、，甲a1〃ｂ\u{3000}-\u{3010}\u{FF00}-\u{FF20}]{0,40}") {
            let by_chars: Vec<(usize, usize)> = text
                .char_indices()
                .filter(|&(_, c)| ends_sentence(c))
                .map(|(i, c)| (i, c.len_utf8()))
                .collect();
            proptest::prop_assert_eq!(sentence_marks(&text, 0).collect::<Vec<_>>(), by_chars);
        }
    }

    /// What [`sentences_holding`] must give: the pieces of every sentence
    /// that holds a point, found by walking them all.
    fn holding_by_walking(text: &str, points: &[usize]) -> Vec<Range<usize>> {
        whole_sentences(text)
            .filter(|w| points.iter().any(|p| w.contains(p)))
            .flat_map(|w| pieces(text, w))
            .collect()
    }

    #[test]
    fn sentences_holding_points_are_found_without_the_others() {
        let text = "甲,乙。丙;丁\n\n戊！己？\n 。庚";
        let at = |s: &str| text.find(s).unwrap();
        let points = [at("乙"), at("丁"), at("\n\n") + 1, at("庚")];
        let found: Vec<&str> = sentences_holding(text, points.into_iter())
            .map(|r| &text[r])
            .collect();
        // The second line break is a mark, in no sentence.
        assert_eq!(found, ["甲,乙", "丁", "庚"]);
        let every: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        assert_eq!(
            sentences_holding(text, every.into_iter()).collect::<Vec<_>>(),
            sentences(text).collect::<Vec<_>>()
        );
        let long = "新增中小学学位5200个,".repeat(1000) + "。尾";
        let points = [10, 9000, long.len() - 3];
        assert_eq!(
            sentences_holding(&long, points.into_iter()).collect::<Vec<_>>(),
            holding_by_walking(&long, &points)
        );
    }

    proptest::proptest! {
        #[test]
        fn sentences_holding_agree_with_walking_every_sentence(
            text in "[。；！？;!?\n 、，甲a1〃ｂ\u{3000}-\u{3010}\u{FF00}-\u{FF20}]{0,40}",
            picks in proptest::collection::vec(0usize..200, 0..8),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let mut points: Vec<usize> = picks
                .iter()
                .filter_map(|&k| bounds.get(k % bounds.len().max(1)).copied())
                .collect();
            points.sort_unstable();
            proptest::prop_assert_eq!(
                sentences_holding(&text, points.clone().into_iter()).collect::<Vec<_>>(),
                holding_by_walking(&text, &points)
            );
        }
    }

    #[test]
    fn finds_clause_bounds() {
        let text = "新增5G基站307个,累计建成总数7788个";
        let all = 0..text.len();
        let at = text.find("7788").unwrap();
        assert_eq!(
            &text[clause_start(text, &all, at)..clause_end(text, &all, at)],
            "累计建成总数7788个"
        );
    }
}
