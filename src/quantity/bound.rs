//! Bound and direction words around a numeral: `超`, `近`, `不低于` before it,
//! `多`/`余` between it and the unit, `以上`, `左右` after the unit, and the
//! rise or fall word (`增长`, `下降`) in front of a rate. The scanner asks
//! these after it has read a numeral and its unit; every word found becomes
//! part of the quantity's span.

use super::Direction;
use crate::statement::Bound;

/// Words before a numeral, longest first so that `超过` wins over `超`.
const PREFIXES: &[(&str, Bound)] = &[
    ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast),
    ("不超过", Bound::AtMost),
    ("不高于", Bound::AtMost),
    ("控制在", Bound::AtMost),
    ("超过", Bound::AtLeast),
    ("至少", Bound::AtLeast),
    ("最少", Bound::AtLeast),
    ("高于", Bound::AtLeast),
    ("多于", Bound::AtLeast),
    ("接近", Bound::About),
    ("将近", Bound::About),
    ("大约", Bound::About),
    ("最多", Bound::AtMost),
    ("至多", Bound::AtMost),
    ("低于", Bound::AtMost),
    ("少于", Bound::AtMost),
    ("达到", Bound::Exact),
    ("超", Bound::AtLeast),
    ("逾", Bound::AtLeast),
    ("近", Bound::About),
    ("约", Bound::About),
    ("达", Bound::Exact),
];

/// Characters that turn a one-character prefix into another word:
/// `最近`/`附近` are not "nearly", `节约`/`签约` not "about", `发达` not "reaching".
const NOT_BEFORE: &[(&str, &str)] = &[
    ("近", "最附就邻靠临"),
    ("约", "节签预制合履集特公条契违守"),
    ("达", "发表下传送转通抵到雷"),
];

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

/// Words after the unit.
const SUFFIXES: &[(&str, Bound)] = &[
    ("以上", Bound::AtLeast),
    ("左右", Bound::About),
    ("上下", Bound::About),
    ("以内", Bound::AtMost),
    ("之内", Bound::AtMost),
    ("以下", Bound::AtMost),
];

/// The bound word ending at byte `end` (spaces allowed between), not reaching
/// before `floor`: its bound and start.
pub(crate) fn prefix(text: &str, end: usize, floor: usize) -> Option<(Bound, usize)> {
    let before = text.get(floor..end)?.trim_end_matches(' ');
    let (word, bound) = PREFIXES.iter().find(|(word, _)| before.ends_with(word))?;
    let start = floor + before.len() - word.len();
    let joined = text.get(..start).and_then(|t| t.chars().next_back());
    let blocked = NOT_BEFORE
        .iter()
        .any(|(w, chars)| w == word && joined.is_some_and(|c| chars.contains(c)));
    (!blocked).then_some((*bound, start))
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
    let (word, direction) = DIRECTIONS.iter().find(|(word, _)| before.ends_with(word))?;
    let mut start = floor + before.len() - word.len();
    if text
        .get(floor..start)
        .is_some_and(|t| t.ends_with(COMPARED))
    {
        start -= COMPARED.len();
    }
    Some((*direction, start))
}

/// The bound word starting at byte `at`: its bound and end.
pub(crate) fn suffix(text: &str, at: usize) -> Option<(Bound, usize)> {
    let rest = text.get(at..)?;
    SUFFIXES
        .iter()
        .find(|(word, _)| rest.starts_with(word))
        .map(|(word, bound)| (*bound, at + word.len()))
}

/// `多` or `余` at byte `at` (`170多公里`, `千余家`): the end of the word.
pub(crate) fn infix(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    ["多", "余"]
        .iter()
        .find(|w| rest.starts_with(*w))
        .map(|w| at + w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_words_stand_right_before_the_number() {
        let find = |t: &str| prefix(t, t.len(), 0);
        assert_eq!(find("超过"), Some((Bound::AtLeast, 0)));
        assert_eq!(find("企业超 "), Some((Bound::AtLeast, "企业".len())));
        assert_eq!(find("不超过"), Some((Bound::AtMost, 0)));
        assert_eq!(find("节约"), None);
        assert_eq!(find("最近"), None);
        assert_eq!(find("完成"), None);
        // The floor keeps a prefix inside the text after the last quantity.
        assert_eq!(prefix("个超", 6, 3), Some((Bound::AtLeast, 3)));
        assert_eq!(prefix("超过", 6, 3), None);
    }

    #[test]
    fn direction_words_take_a_comparison_with_them() {
        assert_eq!(direction("同比增长", 12, 0), Some((Direction::Rise, 0)));
        assert_eq!(direction("负增长", 9, 0), Some((Direction::Fall, 0)));
        assert_eq!(direction("下降 ", 7, 0), Some((Direction::Fall, 0)));
        assert_eq!(direction("增长了", 9, 0), None);
    }
}
