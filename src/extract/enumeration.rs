//! `分别` enumerations: "地区生产总值、固定资产投资分别增长5.2%、6.1%" pairs
//! the listed subjects with the listed values in order, however far apart
//! they stand. A fall or rise word before the first value carries over to
//! the rest (`分别下降2.1%、1.5%` → −2.1, −1.5). The word and the
//! separators are the `respectively`, `value_separators` and
//! `name_separators` lists of the rules (`rules/wording.toml`).

use super::candidate::TermHit;
use super::compiled::CompiledRules;
use super::sentence::{ends_clause, phrase_start};
use crate::quantity::{Direction, Quantity};
use crate::rule::Wording;
use crate::statement::Bound;
use std::ops::Range;

/// Words that may stand between `分别` and the first value (`分别完成投资179.3亿元`).
const MAX_LEAD_CHARS: usize = 8;

/// Where the words that announce an enumeration stand in `text`, as
/// `(start, end)`, in order and not overlapping.
fn announced(words: &Wording, text: &str) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = words
        .respectively
        .iter()
        .flat_map(|w| {
            text.match_indices(w.as_str())
                .map(|(i, m)| (i, i + m.len()))
        })
        .collect();
    found.sort_unstable();
    let mut end = 0;
    found.retain(|&(start, stop)| {
        let keep = start >= end;
        if keep {
            end = stop;
        }
        keep
    });
    found
}

/// Where enumerations are announced in `text` (their names may hold terms by ellipsis).
pub fn marks(words: &Wording, text: &str) -> Vec<usize> {
    announced(words, text).into_iter().map(|(i, _)| i).collect()
}

/// For each quantity, the index of the term hit an enumeration pairs it
/// with; directions of later values are filled in from the first, and a
/// bound word after the last value (`分别增长12.5%、11%和10%左右`) applies
/// to every value without one. When the names before `分别` are as many as
/// the values, each value goes with its name, and a name that is no term
/// takes its value away from every term (`Listed::Other`).
pub fn pair(
    words: &Wording,
    text: &str,
    sentence: &Range<usize>,
    hits: &[TermHit],
    quantities: &mut [Quantity],
) -> Vec<Option<Listed>> {
    let mut forced = vec![None; quantities.len()];
    let body = &text[sentence.clone()];
    for (offset, end) in announced(words, body) {
        let at = sentence.start + offset;
        let after = sentence.start + end;
        let Some(first) = quantities.iter().position(|q| {
            q.span.start >= after
                && text[after..q.span.start].chars().count() <= MAX_LEAD_CHARS
                && !text[after..q.span.start].contains(ends_clause)
        }) else {
            continue;
        };
        let last = list_end(words, text, quantities, first);
        let start = phrase_start(text, sentence, at);
        let count = last - first + 1;
        if count < 2 {
            continue;
        }
        let Some(listed) = listed(words, text, start..at, hits, count) else {
            continue;
        };
        assign(quantities, &mut forced, first, last, &listed);
        // `A和B分别达155.13亿元、27.8亿元,增长2.64%和1.6%`: a second list
        // right after the first, in the next clause, goes with the same names.
        let second = last + 1;
        let follows = quantities.get(second).is_some_and(|q| {
            q.direction.is_some() && text[quantities[last].span.end..q.span.start].trim() == ","
        });
        if follows && forced.get(second).is_some_and(Option::is_none) {
            let end = list_end(words, text, quantities, second);
            if end - second + 1 == count {
                assign(quantities, &mut forced, second, end, &listed);
            }
        }
    }
    forced
}

/// The last quantity of the list of values that starts at `first`.
fn list_end(words: &Wording, text: &str, quantities: &[Quantity], first: usize) -> usize {
    let mut last = first;
    while let Some(next) = quantities.get(last + 1) {
        let between = text[quantities[last].span.end..next.span.start].trim();
        // A value in another unit starts another list (`达155.13亿元、27.8亿元,增长2.64%和1.6%`).
        if !words.value_separators.iter().any(|s| s == between)
            || next.unit.canonical != quantities[last].unit.canonical
        {
            break;
        }
        last += 1;
    }
    last
}

/// Pairs the values `first..=last` with the listed items in order; the first
/// value's direction and the last value's bound word carry over to the others.
fn assign(
    quantities: &mut [Quantity],
    forced: &mut [Option<Listed>],
    first: usize,
    last: usize,
    listed: &[Listed],
) {
    let direction = quantities[first].direction;
    let closing = quantities[last].bound;
    for (k, item) in listed.iter().enumerate() {
        let q = &mut quantities[first + k];
        if q.direction.is_none() {
            if let Some(d) = direction {
                q.direction = Some(d);
                if d == Direction::Fall && q.value > 0.0 {
                    q.value = -q.value;
                    q.upper = q.upper.map(|u| -u);
                }
            }
        }
        if q.bound == Bound::Exact && closing != Bound::Exact {
            q.bound = closing;
        }
        forced[first + k] = Some(item.clone());
    }
}

/// What a listed value is paired with.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    /// The term hit at this index.
    Term(usize),
    /// A listed name that is no term of any target.
    Other(String),
}

/// The items listed in `names` for `count` values: one per name when the
/// names are as many as the values (the hit inside each, if any), else the
/// term hits when they are as many.
fn listed(
    words: &Wording,
    text: &str,
    names: Range<usize>,
    hits: &[TermHit],
    count: usize,
) -> Option<Vec<Listed>> {
    let inside: Vec<usize> = hits
        .iter()
        .enumerate()
        .filter(|(_, h)| h.range.start >= names.start && h.range.end <= names.end)
        .map(|(i, _)| i)
        .collect();
    let pieces = split_names(words, text, names, hits);
    if pieces.len() == count {
        let items = pieces
            .into_iter()
            .map(|piece| {
                let mut own = inside.iter().filter(|&&h| {
                    hits[h].range.start >= piece.start && hits[h].range.end <= piece.end
                });
                match (own.next(), own.next()) {
                    (Some(&h), None) => Listed::Term(h),
                    _ => Listed::Other(text[piece].trim().to_owned()),
                }
            })
            .collect();
        return Some(items);
    }
    (inside.len() == count).then(|| inside.into_iter().map(Listed::Term).collect())
}

/// The names listed in `names`, split at the `name_separators` outside terms.
fn split_names(
    words: &Wording,
    text: &str,
    names: Range<usize>,
    hits: &[TermHit],
) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut from = names.start;
    let list = &text[names.clone()];
    let mut i = 0;
    while i < list.len() {
        let at = names.start + i;
        let separator = words
            .name_separators
            .iter()
            .find(|s| list[i..].starts_with(s.as_str()));
        let in_term = hits.iter().any(|h| h.range.contains(&at));
        match separator {
            Some(s) if !in_term => {
                pieces.push(from..at);
                from = at + s.len();
                i += s.len();
            }
            _ => i += list[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    pieces.push(from..names.end);
    pieces
}

/// Terms a `分别` list names by ellipsis: the head word written once after
/// the last name and the qualifier once before the first
/// (`规上高技术制造业、装备制造业增加值分别增长23.7%、16.5%` names
/// 规上高技术制造业增加值 and 规上装备制造业增加值). Each name that holds no
/// term but does with the last name's ending, or with the first name's
/// opening, becomes a hit over the name.
pub fn implied(
    rules: &CompiledRules,
    text: &str,
    sentence: &Range<usize>,
    hits: &[TermHit],
) -> Vec<TermHit> {
    let (words, terms) = (&rules.wording, &rules.terms);
    let lookup = |s: &str| terms.iter().position(|t| t == s);
    let mut out = Vec::new();
    let body = &text[sentence.clone()];
    for (offset, _) in announced(words, body) {
        let at = sentence.start + offset;
        let names = phrase_start(text, sentence, at)..at;
        let pieces = split_names(words, text, names, hits);
        if pieces.len() < 2 {
            continue;
        }
        let holds_hit = |p: &Range<usize>| {
            hits.iter()
                .any(|h| h.range.start >= p.start && h.range.end <= p.end)
        };
        let first = &text[pieces[0].clone()];
        let last = &text[pieces[pieces.len() - 1].clone()];
        for (k, piece) in pieces.iter().enumerate() {
            if holds_hit(piece) {
                continue;
            }
            let name = &text[piece.clone()];
            let ending = (k + 1 < pieces.len())
                .then(|| {
                    last.char_indices()
                        .map(|(i, _)| &last[i..])
                        .find_map(|tail| lookup(&format!("{name}{tail}")))
                })
                .flatten();
            let opening = (k > 0)
                .then(|| {
                    first
                        .char_indices()
                        .skip(1)
                        .map(|(i, _)| &first[..i])
                        .find_map(|head| lookup(&format!("{head}{name}")))
                })
                .flatten();
            if let Some(term) = ending.or(opening) {
                out.push(TermHit {
                    range: piece.clone(),
                    term,
                });
            }
        }
    }
    out
}
