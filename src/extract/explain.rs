//! Explanations: the extractor's trace of a stretch of a document, put in the
//! words of the rules (term strings, target ids, quantities as written), for
//! `luoshi explain`.

use super::{Extractor, Reading, SentenceTrace, Verdict};
use crate::document::{Coverage, Document};
use crate::statement::Bound;
use serde::Serialize;
use std::ops::Range;

/// One sentence as the extractor saw it.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainedSentence {
    /// 1-based line in the decoded text.
    pub line: usize,
    /// The sentence as written.
    pub original: String,
    /// The sentence as matched.
    pub normalised: String,
    /// Heading of the innermost section holding it, if any.
    pub section: Option<String>,
    pub coverage: Coverage,
    /// Each term found, with the targets it may name.
    pub terms: Vec<ExplainedTerm>,
    /// Each quantity found.
    pub quantities: Vec<ExplainedQuantity>,
    /// Numbers that were not read as quantities, with why.
    pub ignored_numbers: Vec<(String, String)>,
    pub candidates: Vec<ExplainedCandidate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedTerm {
    pub term: String,
    pub targets: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedQuantity {
    pub text: String,
    pub value: f64,
    /// Upper end of a range, in the canonical unit.
    pub upper: Option<f64>,
    pub unit: String,
    pub bound: Bound,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedCandidate {
    pub target: String,
    pub term: String,
    pub quantity: String,
    pub order: super::Order,
    pub gap: usize,
    /// The earlier word that made a contextual term name this target.
    pub context: Option<String>,
    pub verdict: Verdict,
    #[serde(skip)]
    pub reading: Option<Reading>,
}

impl Extractor {
    /// Explains every sentence overlapping `range` of the normalised text.
    pub fn explain(&self, doc: &Document, range: Range<usize>) -> Vec<ExplainedSentence> {
        let traced = self.trace_all(doc, range);
        traced
            .iter()
            .map(|t| self.explain_sentence(doc, t))
            .collect()
    }

    fn explain_sentence(&self, doc: &Document, t: &SentenceTrace) -> ExplainedSentence {
        let text = &doc.text;
        let terms = t
            .terms
            .iter()
            .map(|(_, term)| ExplainedTerm {
                term: term.clone(),
                targets: self.targets_of(term),
            })
            .collect();
        let quantities = t
            .quantities
            .iter()
            .map(|q| ExplainedQuantity {
                text: text[q.span.clone()].to_owned(),
                value: q.canonical_value(),
                upper: q.upper.map(|u| u * q.unit.factor),
                unit: q.unit.canonical.to_owned(),
                bound: q.bound,
            })
            .collect();
        let candidates = t
            .candidates
            .iter()
            .map(|(c, reading)| ExplainedCandidate {
                target: self.target_id(c.target).to_owned(),
                term: text[c.term.range.clone()].to_owned(),
                quantity: text[t.quantities[c.quantity].span.clone()].to_owned(),
                order: c.order,
                gap: c.gap,
                context: c.context_at.and_then(|at| {
                    let words = self.context_words(c.target, &text[c.term.range.clone()]);
                    words
                        .into_iter()
                        .find(|w| text[at..].starts_with(w.as_str()))
                }),
                verdict: c.verdict.clone(),
                reading: reading.clone(),
            })
            .collect();
        ExplainedSentence {
            line: doc.position(t.range.clone()).line,
            original: doc.quote(t.range.clone()).to_owned(),
            normalised: text[t.range.clone()].to_owned(),
            // A stretch is shown after its section's heading, by its opening words.
            section: match (
                doc.section_at(t.range.start).map(|s| s.heading.clone()),
                doc.stretch_at(t.range.start),
            ) {
                (heading, Some(stretch)) => Some(format!(
                    "{} › {}…",
                    heading.unwrap_or_default(),
                    stretch.opening
                )),
                (heading, None) => heading,
            },
            coverage: doc.coverage_at(t.range.start),
            terms,
            quantities,
            ignored_numbers: ignored_numbers(text, t),
            candidates,
        }
    }
}

/// Runs of digits outside every quantity, with the likely reason.
fn ignored_numbers(text: &str, t: &SentenceTrace) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let sentence = &text[t.range.clone()];
    let mut iter = sentence.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_ascii_digit() {
            continue;
        }
        let mut end = i + 1;
        while let Some(&(j, d)) = iter.peek() {
            if d.is_ascii_digit() || d == '.' {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let start = t.range.start + i;
        if t.quantities.iter().any(|q| q.span.contains(&start)) {
            continue;
        }
        let before = sentence[..i].chars().next_back();
        let after = sentence[end..].chars().next();
        let why = match (before, after) {
            (_, Some('年' | '月' | '日')) => "a date",
            (Some(b), _) if b.is_ascii_alphabetic() => "part of a code",
            (_, Some(a)) if a.is_ascii_alphabetic() => "part of a code (5G, G5)",
            (Some('”' | '"' | '」'), _) => "a footnote marker after a quotation",
            (None, Some('.' | '、')) | (Some('('), _) => "list numbering",
            _ => "no unit after it",
        };
        out.push((sentence[i..end].to_owned(), why.to_owned()));
    }
    out
}
