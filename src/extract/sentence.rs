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

/// Byte ranges of the sentences of `text`, without their closing mark, empty ones skipped.
pub fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut chars = text.char_indices();
    std::iter::from_fn(move || loop {
        match chars.next() {
            Some((i, c)) if ends_sentence(c) => {
                let range = start..i;
                start = i + c.len_utf8();
                if !text[range.clone()].trim().is_empty() {
                    return Some(range);
                }
            }
            Some(_) => {}
            None => {
                let range = start..text.len();
                start = text.len();
                return (!text[range.clone()].trim().is_empty()).then_some(range);
            }
        }
    })
}

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
