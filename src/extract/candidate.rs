//! Candidates: every pairing of a target term with a quantity in the same
//! sentence, each with the verdict of the checks that keep or drop it. The
//! extractor keeps the winners; `explain` shows them all.

use super::check::{check, starts_new_subject, Placement};
use super::compiled::CompiledRules;
use super::enumeration::Listed;
use crate::quantity::Quantity;
use serde::Serialize;
use std::ops::Range;

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
    /// A word that makes the context mixed stands earlier in the sentence.
    MixedContext { word: String },
    /// A word the target excludes stands in the clause.
    Excluded { word: String },
    /// None of the words the target requires stands in the clause.
    MissingRequired { needs: Vec<String> },
    /// The figure is the country's, the province's or the city's, quoted for comparison.
    OtherArea { area: String },
    /// A rate in a clause opened by 其中 is the growth of a part.
    PartOf,
    /// The figure is the base a later one builds on (`在上年增长15.7%的基础上`,
    /// `从2.2万家增加到4.9万家`).
    Basis,
    /// The rate is for a single month or quarter (`当月增速`, `6月增长`).
    SingleMonth,
    /// `累计` before a flow's term makes the figure a total over several
    /// years (`累计完成重大项目投资3.8万亿元`, `城镇累计新增就业`).
    Cumulative,
    /// The value is compared with another base year, not the previous one.
    OtherBaseYear { base: i32 },
    /// Another term is closer to this value.
    CloserTerm { term: String },
    /// The same term reads better as another target (in context, or with
    /// the words that target requires).
    OtherTarget { target: String },
    /// A `分别` enumeration pairs the value with another term.
    Enumerated { term: String },
    /// The value sits in a later clause, after another number, with no word
    /// carrying the subject over (see the `continuations` words).
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
    /// `forced[i]`: what a `分别` enumeration pairs quantity `i` with.
    pub forced: &'a [Option<Listed>],
    /// The year the sentence's section is about, for comparison bases.
    pub year: Option<i32>,
    /// Words for areas wider than the report's place (`全国`, `全省`…;
    /// see [`super::check::other_areas`]).
    pub other_areas: &'a [String],
}

/// Pairs every term hit with every quantity of one sentence and judges each
/// pairing, into `out` (cleared first: the extractor keeps one buffer for
/// every sentence of a document).
pub fn judge(rules: &CompiledRules, found: &SentenceFindings<'_>, out: &mut Vec<Candidate>) {
    let SentenceFindings {
        text,
        sentence,
        hits,
        quantities,
        clauses,
        forced,
        ..
    } = *found;
    out.clear();
    for (qi, q) in quantities.iter().enumerate() {
        let first = out.len();
        let listed = forced.get(qi).and_then(Option::as_ref);
        let forced_hit = match listed {
            Some(Listed::Term(h)) => Some(*h),
            _ => None,
        };
        // Only hits within reach are paired, so a sentence that never ends
        // (a file with no punctuation) costs time in its length, not its square.
        let from = hits.partition_point(|h| h.range.end + rules.reach < q.span.start);
        let to = hits.partition_point(|h| h.range.start <= q.span.end + rules.reach);
        let near = (from..to.max(from)).chain(forced_hit.filter(|f| !(from..to).contains(f)));
        for hi in near {
            let Some(hit) = hits.get(hi) else { continue };
            let (order, gap) = if hit.range.end <= q.span.start {
                (Order::TermFirst, chars(&text[hit.range.end..q.span.start]))
            } else if hit.range.start < q.span.start && hit.range.end <= q.number.start {
                // The term ends with the rise word the value starts with
                // (`经济增长5%左右`).
                (Order::TermFirst, 0)
            } else if q.span.end <= hit.range.start {
                (Order::ValueFirst, chars(&text[q.span.end..hit.range.start]))
            } else {
                continue;
            };
            for term_use in &rules.uses[hit.term] {
                let mut verdict = match listed {
                    Some(Listed::Term(f)) if *f != hi => Verdict::Dropped(Reason::Enumerated {
                        term: rules.terms[hits[*f].term].clone(),
                    }),
                    Some(Listed::Other(name)) => {
                        Verdict::Dropped(Reason::Enumerated { term: name.clone() })
                    }
                    _ => check(
                        rules,
                        found,
                        hit,
                        term_use,
                        qi,
                        Placement {
                            order,
                            gap,
                            enumerated: forced_hit.is_some(),
                        },
                    ),
                };
                if listed.is_none()
                    && verdict == Verdict::Kept
                    && order == Order::TermFirst
                    && starts_new_subject(
                        &rules.wording,
                        text,
                        sentence,
                        hit,
                        q,
                        &clauses[qi],
                        quantities,
                    )
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
        share(text, &mut out[first..]);
    }
}

/// Marks joining indicator names that share one value
/// (`社会消费品零售总额、固定资产投资增长4%左右`).
pub const NAME_JOINERS: &[&str] = &["、", "和", "及", "与"];

/// One value after a list of indicator names joined by [`NAME_JOINERS`]
/// counts for each of them: the names before the winning term keep the
/// pairing when only the closer term or the clause mark dropped them.
fn share(text: &str, candidates: &mut [Candidate]) {
    let Some(winner) = candidates.iter().position(|c| c.verdict == Verdict::Kept) else {
        return;
    };
    if candidates[winner].order != Order::TermFirst {
        return;
    }
    let first_target = candidates[winner].target;
    // The targets joined so far besides the winner's (empty, and so never
    // allocated, for a value with one name).
    let mut targets = Vec::new();
    let mut head = candidates[winner].term.range.start;
    loop {
        let joined = candidates.iter().position(|c| {
            matches!(
                c.verdict,
                Verdict::Dropped(Reason::CloserTerm { .. } | Reason::NewSubject)
            ) && c.order == Order::TermFirst
                && c.target != first_target
                && !targets.contains(&c.target)
                && c.term.range.end <= head
                && text
                    .get(c.term.range.end..head)
                    .is_some_and(|between| NAME_JOINERS.contains(&between))
        });
        let Some(i) = joined else { return };
        candidates[i].verdict = Verdict::Kept;
        targets.push(candidates[i].target);
        head = candidates[i].term.range.start;
    }
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
    let winner = &candidates[best];
    let (range, target, term) = (winner.term.range.clone(), winner.target, winner.term.term);
    for (i, c) in candidates.iter_mut().enumerate() {
        if i == best || c.verdict != Verdict::Kept {
            continue;
        }
        c.verdict = Verdict::Dropped(if c.term.range == range {
            Reason::OtherTarget {
                target: rules.targets[target].id.clone(),
            }
        } else {
            Reason::CloserTerm {
                term: rules.terms[term].clone(),
            }
        });
    }
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

fn chars(s: &str) -> usize {
    s.chars().count()
}
