//! Skeletons: `luoshi rules new ID --from "a sentence"`, a new target's rule
//! read from one sentence. The number's unit and bound, a measure guessed
//! from the unit and the words around, the words before the number as a
//! term (cut of the action and time words in `skeleton.toml`), the sentence
//! as the first example, and the terms of targets in effect that compete
//! for its number. This stage returns the values; `render::skeleton` writes
//! the commented TOML.

use crate::document::Document;
use crate::extract::{Extractor, Verdict};
use crate::quantity;
use crate::rule_set::RuleSet;
use crate::statement::{Bound, Measure};
use serde::Deserialize;
use std::path::Path;
use std::sync::OnceLock;

/// The words cut around a term (see `skeleton.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    lead: Vec<String>,
    tail: Vec<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Words = toml::from_str(include_str!("skeleton.toml")).unwrap_or(Words {
            lead: Vec::new(),
            tail: Vec::new(),
        });
        for list in [&mut words.lead, &mut words.tail] {
            list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        }
        words
    })
}

/// A new target as read from one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Skeleton {
    pub id: String,
    /// The sentence as given.
    pub sentence: String,
    /// The number as written (`1.3万个`).
    pub quantity: String,
    /// In the canonical unit (`1.3万个` → 13000 个); negative for a fall.
    pub value: f64,
    pub unit: String,
    pub bound: Bound,
    pub measure: Measure,
    /// The words before the number, as the first term; empty when none are left.
    pub term: String,
    /// Terms of targets in effect found in the sentence, with their targets.
    pub competing: Vec<(String, Vec<String>)>,
    /// What the rules in effect already read from the sentence: target and value.
    pub read_as: Vec<(String, String)>,
    /// The id is already a target in effect (the new table would replace it).
    pub replaces: bool,
}

/// Why no skeleton could be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkeletonError {
    #[error("no number with a unit in `{0}`: give a sentence that states the figure (新建公共充电桩1200个)")]
    NoQuantity(String),
}

/// Words that make a figure a running total rather than an amount added.
const STOCK_WORDS: &[&str] = &["累计", "总数", "总量", "达到"];

/// Reads a skeleton for `id` from `sentence`, with the rules of `extractor` in effect.
pub fn skeleton(
    rules: &RuleSet,
    extractor: &Extractor,
    id: &str,
    sentence: &str,
) -> Result<Skeleton, SkeletonError> {
    let doc = Document::from_text(
        Path::new("<sentence>"),
        sentence.to_owned(),
        extractor.normaliser(),
    );
    let text = doc.text.as_str();
    let quantities = quantity::scan(text);
    let q = quantities
        .first()
        .ok_or_else(|| SkeletonError::NoQuantity(sentence.to_owned()))?;
    let before = &text[..q.span.start];
    let clause_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | '、' | ':' | ';' | '。' | '!' | '?'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut phrase = &text[clause_start..q.span.start];
    let measure = if q.unit.canonical == "%" || q.direction.is_some() {
        Measure::Rate
    } else if STOCK_WORDS.iter().any(|w| before.contains(w)) {
        Measure::Stock
    } else {
        Measure::Flow
    };
    // Already negative for a fall (`下降3.2%`).
    let value = q.canonical_value();
    let explained = extractor.explain(&doc, 0..text.len());
    let mut competing = Vec::new();
    let mut read_as = Vec::new();
    for sentence in &explained {
        for t in &sentence.terms {
            let entry = (t.term.clone(), t.targets.clone());
            if !competing.contains(&entry) {
                competing.push(entry);
            }
        }
        for c in &sentence.candidates {
            if c.verdict == Verdict::Kept {
                read_as.push((c.target.clone(), c.quantity.clone()));
            }
        }
    }
    // A term of another target inside the phrase is that target's word
    // (`盘活工业用地完成收储`): the new term stops before it.
    for (other, _) in &competing {
        if let Some(at) = phrase.find(other.as_str()).filter(|&at| at > 0) {
            phrase = &phrase[..at];
        }
    }
    let term = trim_words(phrase);
    Ok(Skeleton {
        id: id.to_owned(),
        sentence: sentence.to_owned(),
        quantity: text[q.span.clone()].to_owned(),
        value,
        unit: q.unit.canonical.to_owned(),
        bound: q.bound,
        measure,
        term,
        competing,
        read_as,
        replaces: rules.get(id).is_some(),
    })
}

/// The phrase without the action, time and hedge words around it.
fn trim_words(phrase: &str) -> String {
    let words = words();
    let mut s = phrase.trim();
    loop {
        let cut = words
            .lead
            .iter()
            .find_map(|w| s.strip_prefix(w.as_str()))
            .or_else(|| words.tail.iter().find_map(|w| s.strip_suffix(w.as_str())));
        match cut {
            Some(rest) if !rest.trim().is_empty() => s = rest.trim(),
            _ => return s.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::trim_words;

    #[test]
    fn action_and_time_words_are_cut_from_the_term() {
        assert_eq!(trim_words("新建公共充电桩"), "公共充电桩");
        assert_eq!(trim_words("力争全年新增中小学学位"), "中小学学位");
        assert_eq!(trim_words("建成投产输变电网项目"), "输变电网项目");
        assert_eq!(trim_words("新建改造公厕"), "公厕");
        assert_eq!(trim_words("新增"), "新增");
    }
}
