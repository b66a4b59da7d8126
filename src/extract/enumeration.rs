//! `分别` enumerations: "地区生产总值、固定资产投资分别增长5.2%、6.1%" pairs
//! the listed subjects with the listed values in order, however far apart
//! they stand. A fall or rise word before the first value carries over to
//! the rest (`分别下降2.1%、1.5%` → −2.1, −1.5).

use super::candidate::TermHit;
use super::sentence::phrase_start;
use crate::quantity::{Direction, Quantity};
use std::ops::Range;

/// The word that announces an enumeration.
pub const RESPECTIVELY: &str = "分别";

/// Separators allowed between the listed values.
const VALUE_SEPARATORS: &[&str] = &["、", ",", "和", "及", "与"];

/// For each quantity, the index of the term hit an enumeration pairs it
/// with; directions of later values are filled in from the first.
pub fn pair(
    text: &str,
    sentence: &Range<usize>,
    hits: &[TermHit],
    quantities: &mut [Quantity],
) -> Vec<Option<usize>> {
    let mut forced = vec![None; quantities.len()];
    let body = &text[sentence.clone()];
    for (offset, _) in body.match_indices(RESPECTIVELY) {
        let at = sentence.start + offset;
        let after = at + RESPECTIVELY.len();
        let Some(first) = quantities.iter().position(|q| q.span.start == after) else {
            continue;
        };
        let mut last = first;
        while let Some(next) = quantities.get(last + 1) {
            let between = text[quantities[last].span.end..next.span.start].trim();
            if !VALUE_SEPARATORS.contains(&between) {
                break;
            }
            last += 1;
        }
        let start = phrase_start(text, sentence, at);
        let subjects: Vec<usize> = hits
            .iter()
            .enumerate()
            .filter(|(_, h)| h.range.start >= start && h.range.end <= at)
            .map(|(i, _)| i)
            .collect();
        let count = last - first + 1;
        if count < 2 || subjects.len() != count {
            continue;
        }
        let direction = quantities[first].direction;
        for (k, hit) in subjects.into_iter().enumerate() {
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
            forced[first + k] = Some(hit);
        }
    }
    forced
}
