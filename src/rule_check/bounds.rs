//! Bound words: each `[[bound]]` word needs a word and examples, and each
//! example must read, with the bound words in effect, as a quantity that
//! holds the word and carries its bound (`突破3万家` → at least 30000 家).

use super::{ExampleReport, FileProblems, Location, Outcome, ParsedFile, Problem, Severity};
use crate::quantity::{scan_with, BoundWords};
use crate::rule::BoundWord;

/// Errors and warnings of the `[[bound]]` tables of `files`.
pub fn check_bounds(files: &[ParsedFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for file in files {
        let mut out = FileProblems {
            file,
            problems: &mut problems,
        };
        for bound in &file.rules.bound {
            let word = bound.word.get_ref();
            if word.trim().is_empty() {
                out.push(
                    Severity::Error,
                    bound.word.span(),
                    "bound word is empty".into(),
                    Some("write the word as reports do: `word = \"突破\"`".into()),
                );
            } else if bound.examples.is_empty() {
                out.push(
                    Severity::Warning,
                    bound.word.span(),
                    format!("bound word `{word}` has no examples"),
                    Some("add a clause from a report: `examples = [\"突破3万家\"]`".into()),
                );
            }
        }
    }
    problems
}

/// Runs every example of every bound word in `files` with `words`.
pub fn run_bound_examples(words: &BoundWords, files: &[ParsedFile]) -> Vec<ExampleReport> {
    let mut reports = Vec::new();
    for file in files {
        for bound in &file.rules.bound {
            for example in &bound.examples {
                let outcome = if reads_as(words, bound, example.get_ref()) {
                    Outcome::Matched
                } else {
                    Outcome::Missed
                };
                reports.push(ExampleReport {
                    target: format!("{} as {}", bound.word.get_ref(), bound.bound),
                    text: example.get_ref().clone(),
                    expected: None,
                    outcome,
                    shadows: Vec::new(),
                    location: Location::new(&file.source.path, &file.source.text, example.span()),
                });
            }
        }
    }
    reports
}

/// Whether `text` holds a quantity with the word inside it and its bound.
fn reads_as(words: &BoundWords, bound: &BoundWord, text: &str) -> bool {
    let word = bound.word.get_ref().trim();
    scan_with(text, words)
        .iter()
        .any(|q| q.bound == bound.bound && text[q.span.clone()].contains(word))
}
