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
    "合计",
];

/// Conjunctions that join a new item to a list (`A和2个B`).
pub const COORDINATORS: &[&str] = &["和", "及", "与", "以及"];

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
    /// A value written before its term must share the term's clause.
    ClauseBetween,
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
    /// A `分别` enumeration pairs the value with another term.
    Enumerated { term: String },
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
    /// Where the context word that settled a contextual term starts.
    pub context_at: Option<usize>,
    pub verdict: Verdict,
}

/// One sentence with everything found in it, ready for judging.
pub struct SentenceFindings<'a> {
    pub text: &'a str,
    pub sentence: &'a Range<usize>,
    pub hits: &'a [TermHit],
    pub quantities: &'a [Quantity],
    /// `clauses[i]` is the byte range of the clause that holds quantity `i`.
    pub clauses: &'a [Range<usize>],
    /// `forced[i]`: the hit a `分别` enumeration pairs quantity `i` with.
    pub forced: &'a [Option<usize>],
    /// The year the sentence's section is about, for comparison bases.
    pub year: Option<i32>,
}

/// Pairs every term hit with every quantity of one sentence and judges each pairing.
pub fn judge(rules: &CompiledRules, found: &SentenceFindings<'_>) -> Vec<Candidate> {
    let SentenceFindings {
        text,
        sentence,
        hits,
        quantities,
        clauses,
        forced,
        year,
    } = *found;
    let mut out = Vec::new();
    for (qi, q) in quantities.iter().enumerate() {
        let first = out.len();
        let forced_hit = forced.get(qi).copied().flatten();
        for (hi, hit) in hits.iter().enumerate() {
            let (order, gap) = if hit.range.end <= q.span.start {
                (Order::TermFirst, chars(&text[hit.range.end..q.span.start]))
            } else if q.span.end <= hit.range.start {
                (Order::ValueFirst, chars(&text[q.span.end..hit.range.start]))
            } else {
                continue;
            };
            for term_use in &rules.uses[hit.term] {
                let mut verdict = match forced_hit {
                    Some(f) if f != hi => Verdict::Dropped(Reason::Enumerated {
                        term: rules.terms[hits[f].term].clone(),
                    }),
                    Some(_) => {
                        check_enumerated(rules, text, sentence, hit, term_use, q, &clauses[qi])
                    }
                    None => check(
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
                    ),
                };
                if forced_hit.is_none()
                    && verdict == Verdict::Kept
                    && order == Order::TermFirst
                    && starts_new_subject(text, sentence, hit, q, &clauses[qi], quantities)
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
                    context_at: context_position(text, sentence, hit, &term_use.context),
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
        Order::ValueFirst
            if text[q.span.end..hit.range.start].contains(super::sentence::ends_clause) =>
        {
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
    }
    // The clauses from the term's to the value's: qualifying words often
    // stand before the term (`清拆违建…`), or before a list it heads
    // (`新建、改建5G基站`).
    let term_clause = super::sentence::phrase_start(text, sentence, hit.range.start);
    let window = &text[term_clause.min(clause.start)..hit.range.end.max(clause.end)];
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

/// Start of the last context word before the term, if the term needs one.
fn context_position(
    text: &str,
    sentence: &Range<usize>,
    hit: &TermHit,
    context: &[String],
) -> Option<usize> {
    let before = &text[sentence.start..hit.range.start];
    context
        .iter()
        .filter_map(|w| before.rfind(w.as_str()))
        .max()
        .map(|i| sentence.start + i)
}

/// The checks that still apply to a pairing a `分别` enumeration made: the
/// unit, a change for rates, and the target's own words.
fn check_enumerated(
    rules: &CompiledRules,
    text: &str,
    sentence: &Range<usize>,
    hit: &TermHit,
    term_use: &super::compiled::TermUse,
    q: &Quantity,
    clause: &Range<usize>,
) -> Verdict {
    let target = &rules.targets[term_use.target];
    if !target.accepts_unit(q.unit.canonical) {
        return Verdict::Dropped(Reason::WrongUnit {
            found: q.unit.canonical.to_owned(),
            wanted: target.unit.clone(),
        });
    }
    if target.measure == Measure::Rate && q.direction.is_none() {
        return Verdict::Dropped(Reason::NotAChange);
    }
    let term_clause = super::sentence::clause_start(text, sentence, hit.range.start);
    let window = &text[term_clause..hit.range.end.max(clause.end)];
    if let Some(word) = target.excludes.iter().find(|w| window.contains(w.as_str())) {
        return Verdict::Dropped(Reason::Excluded { word: word.clone() });
    }
    Verdict::Kept
}

/// Whether a value in a later clause than its term, with another number in
/// between, lacks a word that carries the subject over.
fn starts_new_subject(
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
    let term_clause_end = super::sentence::clause_end(text, sentence, hit.range.end);
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

fn chars(s: &str) -> usize {
    s.chars().count()
}
