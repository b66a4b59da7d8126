//! Checks on one pairing of a term with a value: the unit, the order and
//! distance, the words a target requires or excludes, and whether a value
//! in a later clause still speaks of the term's subject. Each failed check is
//! a `Reason` that `explain` shows.

use super::candidate::{Order, Reason, SentenceFindings, TermHit, Verdict};
use super::compiled::{CompiledRules, CompiledTarget, TermUse};
use super::sentence::{clause_end, clause_start, ends_clause, phrase_start};
use crate::place::Place;
use crate::quantity::Quantity;
use crate::statement::Measure;
use std::ops::Range;

/// Characters allowed between a value and a term that follows it (`5000亩碳汇造林`).
pub const VALUE_FIRST_MAX_GAP: usize = 6;

/// Words that let a value in a later clause continue the subject of an earlier
/// one even though another number stands between them
/// (`年度投资计划748.7亿元,上半年完成投资543.8亿元`; `新增5G基站307个,累计建成总数7788个`).
/// Without one, a later clause with its own number starts a new subject
/// (`完成土地收储4500亩、落地招商项目45宗`).
pub const CONTINUATIONS: &[&str] = &[
    "完成",
    "累计",
    "其中",
    "同比",
    "比上年",
    "面积",
    "总数",
    "总量",
    "达到",
    "实现",
    "合计",
    "计划",
];

/// Wider areas whose growth rates reports quote beside their own
/// (`全市地区生产总值增长4.6%,我区增长5.2%`), for a report whose place is
/// unknown; see [`other_areas`].
pub const OTHER_AREAS: &[&str] = &["全国", "全省", "全市", "全球", "全国平均"];

/// The wider areas for a report of `place`: [`OTHER_AREAS`] without the
/// place's own word (in a province's report `全省` is the province, in a
/// city's or a county-level city's `全市` is the city) and with the words of
/// the places above it (`全州` in a county of an autonomous prefecture).
pub fn other_areas(place: Option<&Place>) -> Vec<String> {
    let own = place.and_then(Place::own_word);
    let mut out: Vec<String> = OTHER_AREAS
        .iter()
        .map(|a| (*a).to_owned())
        .filter(|a| Some(a) != own.as_ref())
        .collect();
    for word in place.map(Place::wider_areas).unwrap_or_default() {
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// The word that opens a clause about a part of what came before.
pub const SUBSET: &str = "其中";

/// Conjunctions that join a new item to a list (`A和2个B`).
pub const COORDINATORS: &[&str] = &["和", "及", "与", "以及"];

/// How a term and a value stand to each other.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    pub order: Order,
    pub gap: usize,
    /// Paired by a `分别` enumeration: order, distance, context and required
    /// words do not apply; the unit, a change for rates and exclusions do.
    pub enumerated: bool,
}

/// Judges one pairing of a term hit with quantity `qi`.
pub fn check(
    rules: &CompiledRules,
    found: &SentenceFindings<'_>,
    hit: &TermHit,
    term_use: &TermUse,
    qi: usize,
    placement: Placement,
) -> Verdict {
    let SentenceFindings {
        text,
        sentence,
        year,
        ..
    } = *found;
    let q = &found.quantities[qi];
    let clause = &found.clauses[qi];
    let Placement {
        order,
        gap,
        enumerated,
    } = placement;
    let target = &rules.targets[term_use.target];
    let unit = q.unit.canonical;
    if !target.accepts_unit(unit) {
        return Verdict::Dropped(Reason::WrongUnit {
            found: unit.to_owned(),
            wanted: target.unit.clone(),
        });
    }
    if target.measure == Measure::Rate && q.direction.is_none() {
        return Verdict::Dropped(Reason::NotAChange);
    }
    if enumerated {
        let term_clause = clause_start(text, sentence, hit.range.start);
        return excluded(target, &text[term_clause..hit.range.end.max(clause.end)])
            .unwrap_or(Verdict::Kept);
    }
    match order {
        Order::ValueFirst if !target.value_first => {
            return Verdict::Dropped(Reason::ValueBeforeTerm)
        }
        Order::ValueFirst if gap > VALUE_FIRST_MAX_GAP => {
            return Verdict::Dropped(Reason::TooFar {
                gap,
                max: VALUE_FIRST_MAX_GAP,
            })
        }
        Order::ValueFirst if text[q.span.end..hit.range.start].contains(ends_clause) => {
            return Verdict::Dropped(Reason::ClauseBetween)
        }
        Order::TermFirst if gap > target.max_gap => {
            return Verdict::Dropped(Reason::TooFar {
                gap,
                max: target.max_gap,
            })
        }
        _ => {}
    }
    if !term_use.context.is_empty() {
        let before = &text[sentence.start..hit.range.start];
        if !term_use.context.iter().any(|w| before.contains(w.as_str())) {
            return Verdict::Dropped(Reason::NoContext {
                needs: term_use.context.clone(),
            });
        }
        if let Some(word) = term_use.unless.iter().find(|w| before.contains(w.as_str())) {
            return Verdict::Dropped(Reason::MixedContext { word: word.clone() });
        }
    }
    // The clauses from the term's to the value's: qualifying words often
    // stand before the term (`清拆违建…`), or before a list it heads
    // (`新建、改建5G基站`).
    let term_clause = phrase_start(text, sentence, hit.range.start);
    let window = &text[term_clause.min(clause.start)..hit.range.end.max(clause.end)];
    if let Some(verdict) = excluded(target, window) {
        return verdict;
    }
    if !target.requires.is_empty() && !target.requires.iter().any(|w| window.contains(w.as_str())) {
        return Verdict::Dropped(Reason::MissingRequired {
            needs: target.requires.clone(),
        });
    }
    if target.measure == Measure::Rate {
        let before_term = &text[sentence.start..hit.range.start];
        if let Some(area) = found
            .other_areas
            .iter()
            .find(|a| before_term.ends_with(a.as_str()))
        {
            return Verdict::Dropped(Reason::OtherArea { area: area.clone() });
        }
        // `总产值增长6.3%,其中汽车制造业产值增长15.2%`: a part's growth.
        if clause.start > hit.range.end && text[clause.start..].trim_start().starts_with(SUBSET) {
            return Verdict::Dropped(Reason::PartOf);
        }
        let base = base_year(&text[clause.start..q.span.start]);
        if let Some(base) = base.filter(|&b| year.is_none_or(|y| b != y - 1)) {
            return Verdict::Dropped(Reason::OtherBaseYear { base });
        }
    }
    Verdict::Kept
}

/// The verdict when one of the target's excluded words stands in `window`.
fn excluded(target: &CompiledTarget, window: &str) -> Option<Verdict> {
    let word = target
        .excludes
        .iter()
        .find(|w| window.contains(w.as_str()))?;
    Some(Verdict::Dropped(Reason::Excluded { word: word.clone() }))
}

/// Whether a value in a later clause than its term, with another number in
/// between, lacks a word that carries the subject over.
pub fn starts_new_subject(
    text: &str,
    sentence: &Range<usize>,
    hit: &TermHit,
    q: &Quantity,
    clause: &Range<usize>,
    quantities: &[Quantity],
) -> bool {
    let lead = &text[clause.start..q.span.start];
    // `完成16个老旧小区微改造和2个旧厂改造项目`: a number right after a
    // conjunction counts the item joined on, not the term.
    let joined = COORDINATORS
        .iter()
        .any(|w| text[hit.range.end..q.span.start].ends_with(w));
    if joined {
        return true;
    }
    if clause.start <= hit.range.end {
        return false;
    }
    let term_clause_end = clause_end(text, sentence, hit.range.end);
    let between = quantities
        .iter()
        .filter(|o| o.span.start >= hit.range.end && o.span.end <= q.span.start);
    let mut in_term_clause = false;
    for other in between {
        if other.span.start >= term_clause_end {
            // A whole clause with its own number stands between term and
            // value (`预算收入36亿元,预算支出80亿元,增长5%`).
            return true;
        }
        in_term_clause = true;
    }
    in_term_clause && q.direction.is_none() && !CONTINUATIONS.iter().any(|w| lead.contains(w))
}

/// The base year of a comparison written `较2019年同期` / `比2019年`, if any.
fn base_year(before: &str) -> Option<i32> {
    for marker in ["较", "比"] {
        if let Some(i) = before.rfind(marker) {
            let rest = &before[i + marker.len()..];
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.len() == 4 && rest[digits.len()..].starts_with('年') {
                return digits.parse().ok();
            }
        }
    }
    None
}
