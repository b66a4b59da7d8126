//! Mentions of districts in the start of a report: every `XX区` or `XX县`
//! (two Han characters before the suffix), as the pattern
//! `[\p{Han}]{2}[区县]` finds them from left to right without overlap.
//!
//! The pattern is not run over the text: this is the costliest part of
//! reading what a report is, and the suffixes are rare. The suffixes are
//! found by a byte search and the two characters before each are checked,
//! which gives the same mentions (a test holds the two equal).

use aho_corasick::packed;
use regex::Regex;
use std::sync::OnceLock;

/// The district suffixes.
const SUFFIXES: [&str; 2] = ["区", "县"];

/// The mentions in `text`, in order.
pub fn mentions(text: &str) -> impl Iterator<Item = &str> {
    // The packed (SIMD) searcher: the automatic choice looks for a rare
    // byte of the suffixes, and in Chinese text no byte of them is rare.
    static SUFFIX: OnceLock<Option<packed::Searcher>> = OnceLock::new();
    let suffix = SUFFIX.get_or_init(|| packed::Searcher::new(SUFFIXES));
    let mut taken_until = 0;
    suffix
        .iter()
        .flat_map(move |ac| ac.find_iter(text))
        .filter_map(move |m| {
            let before = text.get(..m.start())?;
            let mut chars = before.chars().rev();
            let (second, first) = (chars.next()?, chars.next()?);
            let start = m.start() - second.len_utf8() - first.len_utf8();
            if start < taken_until || !is_han_script(second) || !is_han_script(first) {
                return None;
            }
            taken_until = m.end();
            text.get(start..m.end())
        })
}

/// Whether `c` is of the Han script (`\p{Han}`). The unified ideograph
/// blocks, nearly every character met, are all Han; the rest are asked of
/// the pattern engine.
fn is_han_script(c: char) -> bool {
    static HAN: OnceLock<Option<Regex>> = OnceLock::new();
    if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}') {
        return true;
    }
    let mut buf = [0u8; 4];
    HAN.get_or_init(|| Regex::new(r"\A\p{Han}\z").ok())
        .as_ref()
        .is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The pattern the mentions are defined by.
    fn by_pattern(text: &str) -> Vec<&str> {
        let re = Regex::new(r"[\p{Han}]{2}[区县]").unwrap();
        re.find_iter(text).map(|m| m.as_str()).collect()
    }

    #[test]
    fn mentions_follow_the_pattern() {
        let text = "广州市白云区,我区区县;〇〇县 ⺀区甲乙区区丙县a区";
        let found: Vec<&str> = mentions(text).collect();
        assert_eq!(found, by_pattern(text));
        assert_eq!(found, ["白云区", "我区区", "〇〇县", "甲乙区", "区丙县"]);
    }

    proptest! {
        #[test]
        fn mentions_equal_the_pattern(pieces in prop::collection::vec(prop::sample::select(vec![
            "区", "县", "白", "云", "〇", "⺀", "々", "a", "1", ",", "。", " ", "\n", "𠀀", "豈", "\u{FADA}",
        ]), 0..40)) {
            let text = pieces.concat();
            prop_assert_eq!(mentions(&text).collect::<Vec<_>>(), by_pattern(&text));
        }

        #[test]
        fn mentions_equal_the_pattern_on_any_text(text in any::<String>()) {
            prop_assert_eq!(mentions(&text).collect::<Vec<_>>(), by_pattern(&text));
        }
    }
}
