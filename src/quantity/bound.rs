//! Bound and direction words around a numeral: `超`, `近`, `不低于` before it,
//! `多`/`余` between it and the unit, `以上`, `左右` after the unit, and the
//! rise or fall word (`增长`, `下降`) in front of a rate. The scanner asks
//! these after it has read a numeral and its unit; every word found becomes
//! part of the quantity's span.

use super::Direction;
use crate::rule::{BoundPlace, BoundWord, RuleFile};
use crate::statement::Bound;
use std::sync::LazyLock;

/// One bound word as the scanner uses it.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    word: String,
    bound: Bound,
    /// Characters that, right before the word, make it part of another word.
    not_after: String,
}

/// The bound words in effect (`rules/bounds.toml` and any `[[bound]]` of a
/// `--rules` folder), by place, longest first so that `超过` wins over `超`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoundWords {
    before: Vec<Entry>,
    between: Vec<Entry>,
    after: Vec<Entry>,
}

/// The default bound words, compiled in.
const BUILTIN: &str = include_str!("../../rules/bounds.toml");

static DEFAULT_WORDS: LazyLock<BoundWords> = LazyLock::new(|| {
    toml::from_str::<RuleFile>(BUILTIN)
        .map(|file| BoundWords::new(&file.bound))
        .unwrap_or_default()
});

impl BoundWords {
    /// The words in order; a later word at the same place replaces an earlier one.
    pub fn new(words: &[BoundWord]) -> BoundWords {
        let mut out = BoundWords::default();
        for w in words {
            let list = match w.place {
                BoundPlace::Before => &mut out.before,
                BoundPlace::Between => &mut out.between,
                BoundPlace::After => &mut out.after,
            };
            let entry = Entry {
                word: w.word.get_ref().trim().to_owned(),
                bound: w.bound,
                not_after: w.not_after.clone(),
            };
            if entry.word.is_empty() {
                continue;
            }
            match list.iter_mut().find(|e| e.word == entry.word) {
                Some(slot) => *slot = entry,
                None => list.push(entry),
            }
        }
        for list in [&mut out.before, &mut out.between, &mut out.after] {
            list.sort_by_key(|e| std::cmp::Reverse(e.word.len()));
        }
        out
    }

    /// The default words of `rules/bounds.toml`.
    pub fn builtin() -> &'static BoundWords {
        &DEFAULT_WORDS
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.before.len() + self.between.len() + self.after.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Rise and fall words, longest first (`负增长` before `增长`).
const DIRECTIONS: &[(&str, Direction)] = &[
    ("负增长", Direction::Fall),
    ("增长", Direction::Rise),
    ("增速", Direction::Rise),
    ("增长率", Direction::Rise),
    ("增幅", Direction::Rise),
    ("提高", Direction::Rise),
    ("提升", Direction::Rise),
    ("上升", Direction::Rise),
    ("上涨", Direction::Rise),
    ("增加", Direction::Rise),
    ("下降", Direction::Fall),
    ("降低", Direction::Fall),
    ("减少", Direction::Fall),
    ("回落", Direction::Fall),
    ("下滑", Direction::Fall),
    ("下跌", Direction::Fall),
    ("降幅", Direction::Fall),
    ("减幅", Direction::Fall),
];

/// Words that may join a direction word to its number (`增速为4.6%`).
const COPULAS: &[&str] = &["为", "是"];

/// Comparison word that may stand before a direction word (`同比增长`).
const COMPARED: &str = "同比";

/// The bound word ending at byte `end` (spaces allowed between), not reaching
/// before `floor`: its bound and start.
pub(crate) fn prefix(
    words: &BoundWords,
    text: &str,
    end: usize,
    floor: usize,
) -> Option<(Bound, usize)> {
    let before = text.get(floor..end)?.trim_end_matches(' ');
    // Every number is asked about its prefix: a word whose last byte is
    // not the text's is passed over without comparing the rest.
    let last = *before.as_bytes().last()?;
    let entry = words
        .before
        .iter()
        .find(|e| e.word.as_bytes().last() == Some(&last) && before.ends_with(&e.word))?;
    let start = floor + before.len() - entry.word.len();
    let joined = text.get(..start).and_then(|t| t.chars().next_back());
    let blocked = joined.is_some_and(|c| entry.not_after.contains(c));
    (!blocked).then_some((entry.bound, start))
}

/// The rise or fall word ending at byte `end` (spaces allowed between), with
/// a `同比` before it, not reaching before `floor`: its direction and start.
pub(crate) fn direction(text: &str, end: usize, floor: usize) -> Option<(Direction, usize)> {
    let before = text.get(floor..end)?.trim_end_matches(' ');
    // `增速为4.6%`: a copula may join the direction word to the number.
    let before = COPULAS
        .iter()
        .find_map(|c| before.strip_suffix(c))
        .unwrap_or(before);
    let last = *before.as_bytes().last()?;
    let (word, direction) = DIRECTIONS
        .iter()
        .find(|(word, _)| word.as_bytes().last() == Some(&last) && before.ends_with(word))?;
    let mut start = floor + before.len() - word.len();
    if text
        .get(floor..start)
        .is_some_and(|t| t.ends_with(COMPARED))
    {
        start -= COMPARED.len();
    }
    Some((*direction, start))
}

/// The bound word starting at byte `at`, after optional spaces
/// (`增长 7.5% 左右`): its bound and end.
pub(crate) fn suffix(words: &BoundWords, text: &str, at: usize) -> Option<(Bound, usize)> {
    let rest = text.get(at..)?;
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let rest = &rest[spaces..];
    words
        .after
        .iter()
        .find(|e| rest.starts_with(&e.word))
        .map(|e| (e.bound, at + spaces + e.word.len()))
}

/// A bound word between a number and its unit at byte `at` (`170多公里`,
/// `千余家`): its bound and end.
pub(crate) fn infix(words: &BoundWords, text: &str, at: usize) -> Option<(Bound, usize)> {
    let rest = text.get(at..)?;
    words
        .between
        .iter()
        .find(|e| rest.starts_with(&e.word))
        .map(|e| (e.bound, at + e.word.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_words_stand_right_before_the_number() {
        let words = BoundWords::builtin();
        let find = |t: &str| prefix(words, t, t.len(), 0);
        assert_eq!(find("超过"), Some((Bound::AtLeast, 0)));
        assert_eq!(find("企业超 "), Some((Bound::AtLeast, "企业".len())));
        assert_eq!(find("不超过"), Some((Bound::AtMost, 0)));
        assert_eq!(find("节约"), None);
        assert_eq!(find("最近"), None);
        assert_eq!(find("完成"), None);
        // The floor keeps a prefix inside the text after the last quantity.
        assert_eq!(prefix(words, "个超", 6, 3), Some((Bound::AtLeast, 3)));
        assert_eq!(prefix(words, "超过", 6, 3), None);
        assert_eq!(find("突破"), Some((Bound::AtLeast, 0)));
    }

    #[test]
    fn direction_words_take_a_comparison_with_them() {
        assert_eq!(direction("同比增长", 12, 0), Some((Direction::Rise, 0)));
        assert_eq!(direction("负增长", 9, 0), Some((Direction::Fall, 0)));
        assert_eq!(direction("下降 ", 7, 0), Some((Direction::Fall, 0)));
        assert_eq!(direction("增长了", 9, 0), None);
    }
}
