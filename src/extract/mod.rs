//! Extract: the second pipeline stage. Finds every target term in a document
//! with one keyword automaton, pairs terms with the quantities of their
//! sentence, reads each kept pairing as a plan or an outcome for a year and
//! period, and returns `Statement`s. Sentences without a term cost one
//! automaton pass and nothing more.

mod candidate;
mod check;
mod compiled;
mod enumeration;
mod explain;
mod progress;
mod reading;
mod restated;
mod sentence;
mod table;

pub use candidate::{Candidate, Order, Reason, Verdict};
pub use explain::{ExplainedCandidate, ExplainedQuantity, ExplainedSentence, ExplainedTerm};
pub use reading::Reading;

use crate::document::{Document, Normaliser};
use crate::quantity::{scan_into, Quantity};
use crate::rule_set::{RuleError, RuleSet};
use crate::statement::{Kind, SelfReport, Statement};
use candidate::TermHit;
use compiled::CompiledRules;
use enumeration::Listed;
use reading::DocFacts;
use std::ops::Range;

/// Rules compiled for matching; build once, share across documents and threads.
#[derive(Debug)]
pub struct Extractor {
    rules: CompiledRules,
    normaliser: Normaliser,
}

/// What one document yields.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub statements: Vec<Statement>,
    /// Completion ratios the report states about its own statements.
    pub self_reports: Vec<SelfReport>,
    /// Statements left out because no year is known for them (neither their
    /// sentence nor the report names one).
    pub unknown_year: usize,
}

/// Everything the extractor saw in one sentence, for `explain`.
#[derive(Debug, Clone, Default)]
pub struct SentenceTrace {
    /// Byte range of the sentence in the normalised text.
    pub range: Range<usize>,
    /// Terms found, as `(byte range, term)`.
    pub terms: Vec<(Range<usize>, String)>,
    /// Quantities found, in order.
    pub quantities: Vec<Quantity>,
    /// Every pairing with its verdict, and the reading of those kept.
    pub candidates: Vec<(Candidate, Option<Reading>)>,
}

/// The buffers one sentence's findings are built in, kept across the
/// sentences of a document: a sentence with a term allocates nothing of
/// its own (only what it yields, such as a dropped pairing's reason).
#[derive(Default)]
struct Scratch {
    trace: SentenceTrace,
    /// The sentence's term hits with those a `分别` list implies.
    hits: Vec<TermHit>,
    clauses: Vec<Range<usize>>,
    forced: Vec<Option<Listed>>,
    judged: Vec<Candidate>,
}

impl Extractor {
    /// Compiles every rule in the set.
    pub fn new(rules: &RuleSet) -> Result<Extractor, RuleError> {
        let normaliser = Normaliser::new(&rules.variants)
            .map_err(|e| RuleError {
                path: "[[variant]]".into(),
                line: 1,
                column: 1,
                message: e.to_string(),
            })?
            .with_cues(crate::document::cues::Cues::shared(&rules.cues)?);
        Ok(Extractor {
            rules: CompiledRules::new(rules)?,
            normaliser,
        })
    }

    /// The normaliser for reports read with these rules (their variant spellings).
    pub fn normaliser(&self) -> &Normaliser {
        &self.normaliser
    }

    /// The bound words quantities are read with.
    pub fn bound_words(&self) -> &crate::quantity::BoundWords {
        &self.rules.bounds
    }

    /// The id of the target at `index` in candidates.
    pub fn target_id(&self, index: usize) -> &str {
        &self.rules.targets[index].id
    }

    /// Every statement in a document, in document order.
    pub fn extract(&self, doc: &Document) -> Vec<Statement> {
        self.extraction(doc).statements
    }

    /// Every statement in a document, and every completion ratio the report
    /// states about one of them.
    pub fn extraction(&self, doc: &Document) -> Extraction {
        let facts = DocFacts::of(doc);
        let mut out = Vec::new();
        let mut self_reports = Vec::new();
        let mut unknown_year = 0;
        // A number read from a table cell is what its column says; the
        // prose reading of the row would take a plan for a result.
        let cells = table::read_rows(&self.rules, doc);
        let in_cell = |at: &Range<usize>| {
            cells
                .iter()
                .any(|c| c.quantity.span.start < at.end && at.start < c.quantity.span.end)
        };
        let mut kept: Vec<(usize, Statement)> = Vec::new();
        self.walk(
            doc,
            0..doc.text.len(),
            false,
            |trace| {
                kept.clear();
                for (c, reading) in &trace.candidates {
                    if let (Verdict::Kept, Some(r)) = (&c.verdict, reading) {
                        let Some(year) = r.year else {
                            unknown_year += 1;
                            continue;
                        };
                        let q = &trace.quantities[c.quantity];
                        if in_cell(&q.span) {
                            continue;
                        }
                        let term = c.context_at.map_or(c.term.range.clone(), |at| {
                            at.min(c.term.range.start)..c.term.range.end
                        });
                        let quote = quote_range(&doc.text, &trace.range, &term, &q.span);
                        kept.push((q.span.end, self.statement(doc, c.target, q, r, year, quote)));
                    }
                }
                self_reports.extend(progress::ratios(doc, trace, &kept));
                out.extend(kept.drain(..).map(|(_, s)| s));
            },
            &facts,
        );
        for cell in cells {
            let reading = Reading {
                kind: cell.kind,
                year: Some(cell.year),
                period: cell.period,
                hedge: String::new(),
                estimated: false,
                scope: String::new(),
                because: Vec::new(),
            };
            out.push(self.statement(
                doc,
                cell.target,
                &cell.quantity,
                &reading,
                cell.year,
                cell.cell,
            ));
        }
        out.sort_by_key(|s| (s.position.start, s.position.end, s.kind == Kind::Outcome));
        drop_repeats(&mut out);
        Extraction {
            statements: out,
            self_reports,
            unknown_year,
        }
    }

    /// The ways `term` may name a target: each target and the context words it needs.
    fn uses_of(&self, term: &str) -> &[compiled::TermUse] {
        self.rules
            .terms
            .iter()
            .position(|t| t == term)
            .map_or(&[], |i| &self.rules.uses[i])
    }

    /// The context words that let `term` name the target at `target`.
    pub fn context_words(&self, target: usize, term: &str) -> Vec<String> {
        self.uses_of(term)
            .iter()
            .filter(|u| u.target == target)
            .flat_map(|u| u.context.iter().cloned())
            .collect()
    }

    /// Ids of the targets a term may name.
    pub fn targets_of(&self, term: &str) -> Vec<String> {
        self.uses_of(term)
            .iter()
            .map(|u| self.rules.targets[u.target].id.clone())
            .collect()
    }

    /// What the extractor saw in every sentence overlapping `range` of the
    /// normalised text, sentences without a term included.
    pub fn trace_all(&self, doc: &Document, range: Range<usize>) -> Vec<SentenceTrace> {
        let facts = DocFacts::of(doc);
        let mut out = Vec::new();
        self.walk(doc, range, true, |t| out.push(t.clone()), &facts);
        out
    }

    fn walk(
        &self,
        doc: &Document,
        range: Range<usize>,
        every_sentence: bool,
        mut visit: impl FnMut(&SentenceTrace),
        facts: &DocFacts,
    ) {
        let text = &doc.text;
        let other_areas = check::other_areas(&self.rules.wording, doc.report.place.as_ref());
        let hits: Vec<TermHit> = self
            .rules
            .automaton
            .find_iter(text)
            .map(|m| TermHit {
                range: m.range(),
                term: m.pattern().as_usize(),
            })
            .collect();
        let mut next_hit = 0;
        // Where `分别` lists stand: their names may hold terms by ellipsis.
        let marks = enumeration::marks(&self.rules.wording, text);
        let mut next_mark = 0;
        let mut scratch = Scratch::default();
        // Extraction looks only at the sentences that hold a term or a
        // `分别`; the others would be skipped below anyway.
        let sentences: Box<dyn Iterator<Item = Range<usize>>> = if every_sentence {
            Box::new(sentence::sentences(text))
        } else {
            Box::new(sentence::sentences_holding(
                text,
                merged(hits.iter().map(|h| h.range.start), marks.iter().copied()),
            ))
        };
        for sentence in sentences {
            if sentence.end < range.start || sentence.start > range.end {
                continue;
            }
            while next_hit < hits.len() && hits[next_hit].range.start < sentence.start {
                next_hit += 1;
            }
            let first = next_hit;
            while next_hit < hits.len() && hits[next_hit].range.end <= sentence.end {
                next_hit += 1;
            }
            let found_hits = &hits[first..next_hit];
            while next_mark < marks.len() && marks[next_mark] < sentence.start {
                next_mark += 1;
            }
            let listing = marks.get(next_mark).is_some_and(|&m| m < sentence.end);
            if found_hits.is_empty() && !every_sentence && !listing {
                continue;
            }
            if self.sentence(
                doc,
                facts,
                &other_areas,
                sentence,
                found_hits,
                listing,
                every_sentence,
                &mut scratch,
            ) {
                visit(&scratch.trace);
            }
        }
    }

    /// Fills `scratch.trace` with what one sentence holds: its quantities,
    /// every pairing with its verdict and the reading of those kept. False
    /// when there is nothing to show: no term, even by ellipsis, and not
    /// every sentence asked for.
    #[allow(clippy::too_many_arguments)]
    fn sentence(
        &self,
        doc: &Document,
        facts: &DocFacts,
        other_areas: &[String],
        sentence: Range<usize>,
        found_hits: &[TermHit],
        listing: bool,
        every_sentence: bool,
        scratch: &mut Scratch,
    ) -> bool {
        let text = &doc.text;
        let Scratch {
            trace,
            hits,
            clauses,
            forced,
            judged,
        } = scratch;
        trace.terms.clear();
        trace.quantities.clear();
        trace.candidates.clear();
        trace.range = sentence.clone();
        // Terms a 分别 list names by ellipsis join the ones found.
        let implied = if listing {
            enumeration::implied(&self.rules, text, &sentence, found_hits)
        } else {
            Vec::new()
        };
        if found_hits.is_empty() && implied.is_empty() && !every_sentence {
            return false;
        }
        let sentence_hits: &[TermHit] = if implied.is_empty() {
            found_hits
        } else {
            hits.clear();
            hits.extend_from_slice(found_hits);
            hits.extend(implied);
            hits.sort_by_key(|h| (h.range.start, h.range.end));
            hits
        };
        let quantities = &mut trace.quantities;
        scan_into(&text[sentence.clone()], &self.rules.bounds, quantities);
        for q in quantities.iter_mut() {
            shift(q, sentence.start);
        }
        // Only a sentence holding `分别` has an enumeration to pair.
        if listing {
            *forced = enumeration::pair(
                &self.rules.wording,
                text,
                &sentence,
                sentence_hits,
                quantities,
            );
        } else {
            forced.clear();
            forced.resize(quantities.len(), None);
        }
        restated::pair(text, &sentence, sentence_hits, quantities, forced);
        clauses.clear();
        clauses.extend(quantities.iter().map(|q| {
            sentence::clause_start(text, &sentence, q.span.start)
                ..sentence::clause_end(text, &sentence, q.span.end)
        }));
        let year = match doc.coverage_at(sentence.start) {
            crate::document::Coverage::Review { year, .. }
            | crate::document::Coverage::Plan { year } => Some(year),
            crate::document::Coverage::Years { .. } | crate::document::Coverage::Unknown => {
                facts.current_year
            }
        };
        candidate::judge(
            &self.rules,
            &candidate::SentenceFindings {
                text,
                sentence: &sentence,
                hits: sentence_hits,
                quantities,
                clauses,
                forced,
                year,
                other_areas,
            },
            judged,
        );
        let quantities = &trace.quantities;
        trace.candidates.extend(judged.drain(..).map(|c| {
            let reading = (c.verdict == Verdict::Kept)
                .then(|| {
                    reading::read(
                        &self.rules,
                        doc,
                        facts,
                        &sentence,
                        &c,
                        &quantities[c.quantity],
                        &clauses[c.quantity],
                    )
                })
                .flatten();
            (c, reading)
        }));
        // Only `explain` reads the terms; extraction does not pay for them.
        if every_sentence {
            trace.terms.extend(
                sentence_hits
                    .iter()
                    .map(|h| (h.range.clone(), self.rules.terms[h.term].clone())),
            );
        }
        true
    }

    fn statement(
        &self,
        doc: &Document,
        target: usize,
        q: &Quantity,
        r: &Reading,
        year: i32,
        quote: Range<usize>,
    ) -> Statement {
        let t = &self.rules.targets[target];
        let place = doc.report.place.as_ref();
        let factor = t.factor(q.unit.canonical);
        Statement {
            doc: doc.name.clone(),
            path: crate::doc_name::path_text(&doc.path),
            place_code: place.map(|p| p.code.clone()).unwrap_or_default(),
            place_name: place.map(|p| p.name.clone()).unwrap_or_default(),
            place: place.map(|p| p.short.clone()).unwrap_or_default(),
            level: place.map(|p| p.level),
            kind: r.kind,
            target: t.id.clone(),
            measure: t.measure,
            year,
            period: r.period,
            value: q.canonical_value() * factor,
            upper: q.upper.map(|u| u * q.unit.factor * factor),
            unit: t
                .recorded_unit(q.unit.canonical)
                .unwrap_or(q.unit.canonical)
                .to_owned(),
            bound: q.bound,
            hedge: r.hedge.clone(),
            estimated: r.estimated,
            scope: r.scope.clone(),
            position: doc.position(quote.clone()),
            quote: doc.quote(quote).to_owned(),
        }
    }
}

/// The clauses from the first to the last of term and value.
fn quote_range(
    text: &str,
    sentence: &Range<usize>,
    term: &Range<usize>,
    value: &Range<usize>,
) -> Range<usize> {
    let start = term.start.min(value.start);
    let end = term.end.max(value.end);
    // The clauses, but no further than the quote's context allows.
    let mut floor = start.saturating_sub(sentence::QUOTE_CONTEXT_BYTES);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let mut ceiling = (end + sentence::QUOTE_CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling -= 1;
    }
    let start = sentence::clause_start(text, sentence, start).max(floor.min(start));
    let end = sentence::clause_end(text, sentence, end).min(ceiling.max(end));
    let quote = &text[start..end];
    let lead = quote.len() - quote.trim_start().len();
    let trail = quote.len() - quote.trim_end().len();
    start + lead..end - trail
}

/// Two ascending sequences as one.
fn merged(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Moves a quantity found in a slice of the text to its place in the text.
fn shift(q: &mut Quantity, by: usize) {
    q.span = q.span.start + by..q.span.end + by;
    q.number = q.number.start + by..q.number.end + by;
}

/// Drops the statements found twice (the overlapping pieces of a cut
/// sentence find some twice), keeping the first. `out` is sorted by
/// position, so a repeat stands among the few statements at its position,
/// and only those are compared.
fn drop_repeats(out: &mut Vec<Statement>) {
    fn key(s: &Statement) -> (usize, usize, &str, Kind, u64, Option<u64>) {
        (
            s.position.start,
            s.position.end,
            &s.target,
            s.kind,
            s.value.to_bits(),
            s.upper.map(f64::to_bits),
        )
    }
    let at = |s: &Statement| (s.position.start, s.position.end);
    let mut keep = Vec::with_capacity(out.len());
    let mut run = 0;
    for (i, s) in out.iter().enumerate() {
        if at(&out[run]) != at(s) {
            run = i;
        }
        keep.push(!out[run..i].iter().any(|o| key(o) == key(s)));
    }
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}
