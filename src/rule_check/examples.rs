//! Examples: every example and counter-example of a target run through the
//! extractor as a one-sentence document, and the outcome in four words:
//! matched (as expected), missed, noisy (a counter-example matched, or an
//! example also gave a stray statement for the target), wrong value (matched,
//! but a different number, unit, kind or scope).

use super::shadowing::{shadows, Shadow};
use super::{Location, ParsedFile};
use crate::document::{Document, Reviewed};
use crate::extract::Extractor;
use crate::rule::{Example, Target};
use crate::statement::{Kind, Period, Statement};
use std::path::Path;

/// Relative difference within which an example's value counts as matched
/// (the same tolerance `eval` uses against the annotations).
pub const VALUE_TOLERANCE: f64 = 0.005;

/// What an example asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub value: f64,
    pub unit: String,
    pub kind: Option<Kind>,
    pub scope: Option<String>,
}

/// What the extractor found for the target in an example.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub unit: String,
    pub kind: Kind,
    pub scope: String,
}

/// The outcome of one example or counter-example.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// As expected: the example gave its value, or the counter-example gave nothing.
    Matched,
    /// The example gave no statement for the target.
    Missed,
    /// The counter-example gave statements for the target, or the example
    /// gave these besides the one it asks for.
    Noisy { found: Vec<Found> },
    /// The example gave statements, none with the expected value, unit, kind and scope.
    WrongValue { found: Vec<Found> },
}

/// One example's outcome and where the example is written.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleReport {
    pub target: String,
    /// The sentence as written in the rule file.
    pub text: String,
    /// `None` for a counter-example.
    pub expected: Option<Expected>,
    pub outcome: Outcome,
    pub location: Location,
    /// When the example did not behave: other targets' terms that took its
    /// number, and by which rule.
    pub shadows: Vec<Shadow>,
}

/// The statements the extractor finds for `target_id` in `text` read as a
/// document of its own.
pub fn run_example(extractor: &Extractor, target_id: &str, text: &str) -> Vec<Statement> {
    let mut doc = Document::from_text(
        Path::new("<example>"),
        text.to_owned(),
        extractor.normaliser(),
    );
    // An example is one sentence of a report whose years are known, so that
    // its statement is written: the year the sentence names, else a stand-in.
    if doc.report.reviews.is_empty() {
        let year = first_year(&doc.text).unwrap_or(EXAMPLE_YEAR);
        doc.report.reviews = vec![Reviewed {
            year,
            period: Period::FY,
        }];
        doc.report.plans = vec![year];
    }
    let mut statements = extractor.extract(&doc);
    statements.retain(|s| s.target == target_id);
    statements
}

/// The year an example is taken to be from when its sentence names none.
const EXAMPLE_YEAR: i32 = 2000;

/// The first `YYYY年` in a text.
fn first_year(text: &str) -> Option<i32> {
    text.char_indices().find_map(|(i, _)| {
        let digits = text.get(i..i + 4)?;
        let follows = text.get(i + 4..)?.starts_with('年');
        let before_digit = text.get(..i)?.ends_with(|c: char| c.is_ascii_digit());
        (follows && !before_digit && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    })
}

/// Runs every example and counter-example of every target in `files`.
pub fn run_examples(extractor: &Extractor, files: &[ParsedFile]) -> Vec<ExampleReport> {
    let mut reports = Vec::new();
    for file in files {
        let at = |span| Location::new(&file.source.path, &file.source.text, span);
        for target in &file.rules.target {
            let id = target.id.get_ref();
            // Every statement some example of the target asks for in a sentence.
            let asked = |text: &str| -> Vec<Expected> {
                target
                    .examples
                    .iter()
                    .filter(|e| e.text.get_ref() == text)
                    .map(|e| expected(target, e))
                    .collect()
            };
            for example in &target.examples {
                let expected = expected(target, example);
                let declared = asked(example.text.get_ref());
                let found = found(extractor, id, example.text.get_ref());
                let outcome = if found.is_empty() {
                    Outcome::Missed
                } else if found.iter().any(|f| agrees(&expected, f)) {
                    // The asked-for statement, and nothing else for the target
                    // that no example of the same sentence asks for: a stray
                    // figure read as this target makes a `track` row conflicting.
                    let stray: Vec<Found> = found
                        .into_iter()
                        .filter(|f| !declared.iter().any(|e| agrees(e, f)))
                        .collect();
                    if stray.is_empty() {
                        Outcome::Matched
                    } else {
                        Outcome::Noisy { found: stray }
                    }
                } else {
                    Outcome::WrongValue { found }
                };
                let shadows = if outcome == Outcome::Matched {
                    Vec::new()
                } else {
                    shadows(extractor, target, example.text.get_ref())
                };
                reports.push(ExampleReport {
                    target: id.clone(),
                    text: example.text.get_ref().clone(),
                    expected: Some(expected),
                    outcome,
                    location: at(example.text.span()),
                    shadows,
                });
            }
            for counter in &target.counter_examples {
                let found = found(extractor, id, counter.get_ref());
                reports.push(ExampleReport {
                    target: id.clone(),
                    text: counter.get_ref().clone(),
                    expected: None,
                    outcome: if found.is_empty() {
                        Outcome::Matched
                    } else {
                        Outcome::Noisy { found }
                    },
                    location: at(counter.span()),
                    shadows: Vec::new(),
                });
            }
        }
    }
    reports
}

fn expected(target: &Target, example: &Example) -> Expected {
    Expected {
        value: example.value,
        unit: example
            .unit
            .clone()
            .unwrap_or_else(|| target.unit.get_ref().clone()),
        kind: example.kind,
        scope: example.scope.clone(),
    }
}

fn found(extractor: &Extractor, target_id: &str, text: &str) -> Vec<Found> {
    run_example(extractor, target_id, text)
        .into_iter()
        .map(|s| Found {
            value: s.value,
            unit: s.unit,
            kind: s.kind,
            scope: s.scope,
        })
        .collect()
}

/// Whether a found statement is the one the example asks for.
fn agrees(expected: &Expected, found: &Found) -> bool {
    same_value(expected.value, found.value)
        && expected.unit == found.unit
        && expected.kind.is_none_or(|k| k == found.kind)
        && expected.scope.as_ref().is_none_or(|s| *s == found.scope)
}

/// Values agree within [`VALUE_TOLERANCE`] of the larger one.
pub fn same_value(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(value: f64, scope: &str) -> Found {
        Found {
            value,
            unit: "个".into(),
            kind: Kind::Plan,
            scope: scope.into(),
        }
    }

    fn expected(value: f64) -> Expected {
        Expected {
            value,
            unit: "个".into(),
            kind: None,
            scope: None,
        }
    }

    #[test]
    fn values_agree_within_half_a_percent() {
        assert!(same_value(13000.0, 13050.0));
        assert!(!same_value(13000.0, 13100.0));
        assert!(same_value(0.0, 0.0));
        assert!(!same_value(0.0, 0.1));
        assert!(same_value(-3.2, -3.21));
    }

    #[test]
    fn unit_kind_and_scope_count_only_when_the_example_gives_them() {
        assert!(agrees(&expected(5200.0), &found(5200.0, "琶洲")));
        let scoped = Expected {
            scope: Some(String::new()),
            ..expected(5200.0)
        };
        assert!(!agrees(&scoped, &found(5200.0, "琶洲")));
        let outcome = Expected {
            kind: Some(Kind::Outcome),
            ..expected(5200.0)
        };
        assert!(!agrees(&outcome, &found(5200.0, "")));
        let parcels = Expected {
            unit: "宗".into(),
            ..expected(5200.0)
        };
        assert!(!agrees(&parcels, &found(5200.0, "")));
    }
}
