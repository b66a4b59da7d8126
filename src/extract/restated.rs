//! Targets restated in parentheses after a result: "地区生产总值增长5.9%
//! (预期目标为8.5%以上)", "增长5.2%(年度目标6%左右)". The bare percentage
//! inside is the planned growth of the indicator named before the
//! parenthesis, however far the result's tail runs; it is paired with that
//! term like a `分别` item, and reading takes it as a plan (目标).

use super::candidate::TermHit;
use super::enumeration::Listed;
use crate::quantity::{Direction, Quantity};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What may stand between the opening parenthesis and the number.
static TARGET_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:年度|全年|年初)?(?:预期|计划|确定的)?目标(?:值|任务)?(?:为|是)?$")
        .unwrap_or_else(|e| panic!("the built-in restated-target pattern must compile: {e}"))
});

/// Longest run, in bytes, from the opening parenthesis to the number.
const MAX_LEAD_BYTES: usize = 30;

/// Pairs every restated target rate of a sentence with the last term before
/// its parenthesis, marking it as a rise (a planned fall is written 下降).
pub fn pair(
    text: &str,
    sentence: &Range<usize>,
    hits: &[TermHit],
    quantities: &mut [Quantity],
    forced: &mut [Option<Listed>],
) {
    for (qi, q) in quantities.iter_mut().enumerate() {
        if forced[qi].is_some() || q.direction.is_some() || q.unit.canonical != "%" {
            continue;
        }
        let before = &text[sentence.start..q.span.start];
        let Some(open) = before.rfind('(') else {
            continue;
        };
        let lead = &before[open + 1..];
        if lead.len() > MAX_LEAD_BYTES || !TARGET_LEAD.is_match(lead.trim()) {
            continue;
        }
        let open = sentence.start + open;
        let Some(term) = hits.iter().rposition(|h| h.range.end <= open) else {
            continue;
        };
        q.direction = Some(if q.value < 0.0 {
            Direction::Fall
        } else {
            Direction::Rise
        });
        forced[qi] = Some(Listed::Term(term));
    }
}
