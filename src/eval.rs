//! Eval: scores extracted statements against annotated ones (the format of
//! `fixtures/gold/FORMAT.md`). Both sides are de-duplicated on
//! (doc, kind, target, year, period, unit, value); a prediction matches a gold
//! row when all of these agree and the values are within 0.5 %. Annotations
//! give whole-year (`FY`) and mid-year (`H1`) figures only, so statements for
//! other parts of a year (`M9`, `M11`) are not scored.

use crate::statement::{Period, Statement};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Relative tolerance on values.
pub const VALUE_TOLERANCE: f64 = 0.005;

/// One annotated statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldRow {
    pub doc: String,
    pub kind: String,
    pub target: String,
    pub year: i32,
    pub period: String,
    pub value: f64,
    pub unit: String,
    pub bound: String,
    pub scope: String,
    pub quote: String,
    /// 1-based line in the gold file.
    pub line: usize,
}

/// A gold file that cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    pub line: usize,
    pub message: String,
}

/// Reads annotated statements from TSV text with the header of the gold format.
pub fn parse_gold(text: &str) -> Result<Vec<GoldRow>, GoldError> {
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or_default();
    let expected = crate::render::statements::TSV_COLUMNS.join("\t");
    if header.trim_end() != expected {
        return Err(GoldError {
            line: 1,
            message: format!("header must be `{}`", expected.replace('\t', " ⇥ ")),
        });
    }
    let mut rows = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let err = |message: String| GoldError {
            line: i + 1,
            message,
        };
        if f.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated fields, found {}",
                f.len()
            )));
        }
        rows.push(GoldRow {
            doc: f[0].to_owned(),
            kind: f[1].to_owned(),
            target: f[2].to_owned(),
            year: f[3]
                .parse()
                .map_err(|_| err(format!("year `{}` is not a number", f[3])))?,
            period: f[4].to_owned(),
            value: f[5]
                .parse()
                .map_err(|_| err(format!("value `{}` is not a number", f[5])))?,
            unit: f[6].to_owned(),
            bound: f[7].to_owned(),
            scope: f[8].to_owned(),
            quote: f[9].to_owned(),
            line: i + 1,
        });
    }
    Ok(rows)
}

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub true_positives: usize,
    pub false_positives: usize,
    pub misses: usize,
}

impl Score {
    fn from_counts(tp: usize, fp: usize, misses: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + misses);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            precision,
            recall,
            f1,
            true_positives: tp,
            false_positives: fp,
            misses,
        }
    }
}

/// The result of scoring.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub overall: Score,
    pub per_target: BTreeMap<String, Score>,
    /// Gold rows no prediction matched.
    pub misses: Vec<GoldRow>,
    /// Predictions no gold row matched.
    pub false_positives: Vec<Statement>,
    /// Documents scored (in both the input and the gold file).
    pub documents: Vec<String>,
}

type Key = (String, String, String, i32, String, String);

fn gold_key(g: &GoldRow) -> Key {
    (
        g.doc.clone(),
        g.kind.clone(),
        g.target.clone(),
        g.year,
        g.period.clone(),
        g.unit.clone(),
    )
}

fn statement_key(s: &Statement) -> Key {
    (
        s.doc.clone(),
        s.kind.to_string(),
        s.target.clone(),
        s.year,
        s.period.to_string(),
        s.unit.clone(),
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs()).max(1e-9)
}

/// Scores `predicted` against `gold`, over the documents that appear in both.
pub fn evaluate(gold: &[GoldRow], predicted: &[Statement], read_docs: &[String]) -> Evaluation {
    let gold_docs: BTreeSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let documents: Vec<String> = read_docs
        .iter()
        .filter(|d| gold_docs.contains(d.as_str()))
        .cloned()
        .collect();
    let scored: BTreeSet<&str> = documents.iter().map(String::as_str).collect();

    let mut gold_rows: Vec<&GoldRow> = Vec::new();
    for g in gold.iter().filter(|g| scored.contains(g.doc.as_str())) {
        if !gold_rows
            .iter()
            .any(|h| gold_key(h) == gold_key(g) && close(h.value, g.value))
        {
            gold_rows.push(g);
        }
    }
    // Annotations record whole-year and mid-year figures only; a result for
    // another part of the year (`M9`, `M11`) has nothing to be scored against.
    let annotated_period = |s: &&Statement| s.period == Period::FY || s.period == Period::H1;
    // A range states two facts, its floor and its ceiling, as the gold
    // writes two rows for it.
    let mut predictions: Vec<(&Statement, f64)> = Vec::new();
    for s in predicted
        .iter()
        .filter(|s| scored.contains(s.doc.as_str()))
        .filter(annotated_period)
    {
        for value in std::iter::once(s.value).chain(s.upper) {
            if !predictions
                .iter()
                .any(|(p, v)| statement_key(p) == statement_key(s) && close(*v, value))
            {
                predictions.push((s, value));
            }
        }
    }

    let mut matched_gold = vec![false; gold_rows.len()];
    let mut false_positives = Vec::new();
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (s, value) in &predictions {
        let key = statement_key(s);
        let hit = gold_rows
            .iter()
            .enumerate()
            .find(|(i, g)| !matched_gold[*i] && gold_key(g) == key && close(g.value, *value));
        let entry = counts.entry(s.target.clone()).or_default();
        match hit {
            Some((i, _)) => {
                matched_gold[i] = true;
                entry.0 += 1;
            }
            None => {
                entry.1 += 1;
                false_positives.push((*s).clone());
            }
        }
    }
    let mut misses = Vec::new();
    for (g, matched) in gold_rows.iter().zip(&matched_gold) {
        if !matched {
            counts.entry(g.target.clone()).or_default().2 += 1;
            misses.push((*g).clone());
        }
    }
    let (tp, fp, fn_) = counts
        .values()
        .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    let overall = Score::from_counts(tp, fp, fn_);
    Evaluation {
        precision: overall.precision,
        recall: overall.recall,
        f1: overall.f1,
        overall,
        per_target: counts
            .into_iter()
            .map(|(t, (tp, fp, m))| (t, Score::from_counts(tp, fp, m)))
            .collect(),
        misses,
        false_positives,
        documents,
    }
}
