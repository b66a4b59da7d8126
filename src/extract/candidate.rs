//! Candidates: every pairing of a target term with a quantity in the same
//! sentence, each with the verdict of the checks that keep or drop it. The
//! extractor keeps the winners; `explain` shows them all.

use super::compiled::CompiledRules;
use crate::quantity::Quantity;
use crate::statement::Measure;
use serde::Serialize;
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
    "新增",
    "合计",
];

/// A target term found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHit {
    pub range: Range<usize>,
    /// Index into `CompiledRules::terms`.
    pub term: usize,
}

/// Which comes first in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    TermFirst,
    ValueFirst,
}

/// Why a pairing was dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The quantity's unit is not one the target is counted in.
    WrongUnit { found: String, wanted: String },
    /// A rate target needs 增长/下降 right before the number.
    NotAChange,
    /// Too many characters between term and value.
    TooFar { gap: usize, max: usize },
    /// The term comes after the value and the target does not allow that.
    ValueBeforeTerm,
    /// The term names this target only after one of these words.
    NoContext { needs: Vec<String> },
    /// A word the target excludes stands in the clause.
    Excluded { word: String },
    /// None of the words the target requires stands in the clause.
    MissingRequired { needs: Vec<String> },
    /// The value is compared with another base year, not the previous one.
    OtherBaseYear { base: i32 },
    /// Another term is closer to this value.
    CloserTerm { term: String },
    /// The value sits in a later clause, after another number, with no word
    /// carrying the subject over (see `CONTINUATIONS`).
    NewSubject,
}

/// What became of a pairing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    Kept,
    Dropped(Reason),
}

/// One pairing of a term with a quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub target: usize,
    pub term: TermHit,
    /// Index into the sentence's quantities.
    pub quantity: usize,
    pub order: Order,
    /// Characters between term and value.
    pub gap: usize,
    /// The term names the target only in context (`学前教育…公办学位`).
    pub contextual: bool,
    pub verdict: Verdict,
}

/// Pairs every term hit with every quantity of one sentence and judges each pairing.
/// `clauses[i]` is the byte range of the clause that holds quantity `i`.
pub fn judge(
    rules: &CompiledRules,
    text: &str,
    sentence: &Range<usize>,
    hits: &[TermHit],
    quantities: &[Quantity],
    clauses: &[Range<usize>],
    year: Option<i32>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (qi, q) in quantities.iter().enumerate() {
        let first = out.len();
        for hit in hits {
            let (order, gap) = if hit.range.end <= q.span.start {
                (Order::TermFirst, chars(&text[hit.range.end..q.span.start]))
            } else if q.span.end <= hit.range.start {
                (Order::ValueFirst, chars(&text[q.span.end..hit.range.start]))
            } else {
                continue;
            };
            for term_use in &rules.uses[hit.term] {
                let mut verdict = check(
                    rules,
                    text,
                    sentence,
                    hit,
                    term_use,
                    q,
                    &clauses[qi],
                    order,
                    gap,
                    year,
                );
                if verdict == Verdict::Kept
                    && order == Order::TermFirst
                    && starts_new_subject(text, hit, q, &clauses[qi], quantities)
                {
                    verdict = Verdict::Dropped(Reason::NewSubject);
                }
                out.push(Candidate {
                    target: term_use.target,
                    term: hit.clone(),
                    quantity: qi,
                    order,
                    gap,
                    contextual: !term_use.context.is_empty(),
                    verdict,
                });
            }
        }
        choose(rules, &mut out[first..]);
    }
    out
}

/// Keeps only the closest surviving term for one quantity.
fn choose(rules: &CompiledRules, candidates: &mut [Candidate]) {
    let best = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.verdict == Verdict::Kept)
        .min_by_key(|(_, c)| {
            let t = &rules.targets[c.target];
            // Closest first; on a tie, the term read in context, then the
            // target that asked for more evidence.
            (
                c.gap,
                !c.contextual,
                t.requires.is_empty(),
                c.order == Order::ValueFirst,
            )
        })
        .map(|(i, _)| i);
    let Some(best) = best else { return };
    let best_term = rules.terms[candidates[best].term.term].clone();
    for (i, c) in candidates.iter_mut().enumerate() {
        if i != best && c.verdict == Verdict::Kept {
            c.verdict = Verdict::Dropped(Reason::CloserTerm {
                term: best_term.clone(),
            });
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check(
    rules: &CompiledRules,
    text: &str,
    sentence: &Range<usize>,
    hit: &TermHit,
    term_use: &super::compiled::TermUse,
    q: &Quantity,
    clause: &Range<usize>,
    order: Order,
    gap: usize,
    year: Option<i32>,
) -> Verdict {
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
    }
    let window = &text[hit.range.start.min(clause.start)..hit.range.end.max(clause.end)];
    if let Some(word) = target.excludes.iter().find(|w| window.contains(w.as_str())) {
        return Verdict::Dropped(Reason::Excluded { word: word.clone() });
    }
    if !target.requires.is_empty() && !target.requires.iter().any(|w| window.contains(w.as_str())) {
        return Verdict::Dropped(Reason::MissingRequired {
            needs: target.requires.clone(),
        });
    }
    if target.measure == Measure::Rate {
        let base = base_year(&text[clause.start..q.span.start]);
        if let Some(base) = base.filter(|&b| year.is_none_or(|y| b != y - 1)) {
            return Verdict::Dropped(Reason::OtherBaseYear { base });
        }
    }
    Verdict::Kept
}

/// Whether a value in a later clause than its term, with another number in
/// between, lacks a word that carries the subject over.
fn starts_new_subject(
    text: &str,
    hit: &TermHit,
    q: &Quantity,
    clause: &Range<usize>,
    quantities: &[Quantity],
) -> bool {
    let crosses_clause = clause.start > hit.range.end;
    let number_between = quantities
        .iter()
        .any(|other| other.span.start >= hit.range.end && other.span.end <= q.span.start);
    crosses_clause
        && number_between
        && q.direction.is_none()
        && !CONTINUATIONS
            .iter()
            .any(|w| text[clause.start..q.span.start].contains(w))
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

fn chars(s: &str) -> usize {
    s.chars().count()
}
