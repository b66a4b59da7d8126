//! Compiled rules: the rule set turned into one keyword automaton over every
//! term of every target, plus per-target data ready for matching. Built once,
//! shared by every document (and every thread).

use crate::quantity::BoundWords;
use crate::rule::Target;
use crate::rule_set::{RuleError, RuleSet};
use crate::statement::Measure;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

/// One target, ready for matching.
#[derive(Debug)]
pub struct CompiledTarget {
    pub id: String,
    pub unit: String,
    pub alt_units: Vec<String>,
    pub counters: Vec<String>,
    /// Other canonical units and the factor that turns each into `unit`.
    pub conversions: Vec<(String, f64)>,
    pub measure: Measure,
    pub requires: Vec<String>,
    pub excludes: Vec<String>,
    pub value_first: bool,
    pub max_gap: usize,
    /// Scope patterns with the fixed name they set (none: the captured text).
    pub scopes: Vec<(Regex, Option<String>)>,
}

impl CompiledTarget {
    /// Whether a value in canonical unit `unit` can be a statement about this target.
    pub fn accepts_unit(&self, unit: &str) -> bool {
        self.recorded_unit(unit).is_some()
    }

    /// The unit a value in canonical unit `unit` is recorded in, if the
    /// target takes it: counters and conversions are recorded as the main unit.
    pub fn recorded_unit<'a>(&'a self, unit: &'a str) -> Option<&'a str> {
        if self.unit == unit
            || self.counters.iter().any(|u| u == unit)
            || self.conversions.iter().any(|(u, _)| u == unit)
        {
            Some(&self.unit)
        } else {
            self.alt_units
                .iter()
                .find(|u| *u == unit)
                .map(String::as_str)
        }
    }
}

impl CompiledTarget {
    /// What a value in canonical unit `unit` is multiplied by when recorded:
    /// the factor of a conversion, else 1.
    pub fn factor(&self, unit: &str) -> f64 {
        self.conversions
            .iter()
            .find(|(u, _)| u == unit)
            .map_or(1.0, |(_, f)| *f)
    }
}

/// What a term found in the text stands for.
#[derive(Debug, Clone)]
pub struct TermUse {
    pub target: usize,
    /// Words of which one must come earlier in the sentence; empty when none.
    pub context: Vec<String>,
    /// Words of which none may come earlier in the sentence.
    pub unless: Vec<String>,
}

/// Every rule compiled.
#[derive(Debug)]
pub struct CompiledRules {
    pub targets: Vec<CompiledTarget>,
    /// Term strings, indexed like the automaton's patterns.
    pub terms: Vec<String>,
    /// For each term, the targets it may name.
    pub uses: Vec<Vec<TermUse>>,
    pub automaton: AhoCorasick,
    /// Patterns for named sub-areas found anywhere in a sentence.
    pub area_scopes: Vec<Regex>,
    /// Words cut from the front of a captured scope.
    pub scope_strip: crate::rule::Words,
    /// Bound words the quantities are read with.
    pub bounds: BoundWords,
    /// Word lists the reading of a match relies on.
    pub wording: crate::rule::Wording,
    /// Bytes around a value within which terms are paired with it: wider
    /// than any rule's `max_gap`, so `explain` still shows near misses.
    pub reach: usize,
}

/// Characters around a value that `explain` shows pairings for, at least.
const EXPLAIN_REACH_CHARS: usize = 200;

impl CompiledRules {
    pub fn new(rules: &RuleSet) -> Result<CompiledRules, RuleError> {
        let mut targets = Vec::new();
        let mut terms: Vec<String> = Vec::new();
        let mut uses: Vec<Vec<TermUse>> = Vec::new();
        let mut add_term =
            |term: &str, term_use: TermUse| match terms.iter().position(|t| t == term) {
                Some(i) => uses[i].push(term_use),
                None => {
                    terms.push(term.to_owned());
                    uses.push(vec![term_use]);
                }
            };
        for (index, loaded) in rules.targets.iter().enumerate() {
            let t = &loaded.target;
            for term in &t.terms {
                add_term(
                    term.get_ref(),
                    TermUse {
                        target: index,
                        context: Vec::new(),
                        unless: Vec::new(),
                    },
                );
            }
            for ct in &t.context_terms {
                add_term(
                    ct.term.get_ref(),
                    TermUse {
                        target: index,
                        context: ct.context.iter().map(|c| c.get_ref().clone()).collect(),
                        unless: ct.unless.iter().map(|c| c.get_ref().clone()).collect(),
                    },
                );
            }
            targets.push(compile_target(t, &loaded.file)?);
        }
        // A full DFA: the automatic choice turns to an NFA past a hundred
        // terms, which costs several times the instructions per byte of
        // text; the DFA is built once per run (a few MB, some ms).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&terms)
            .map_err(|e| RuleError {
                path: "<rules>".into(),
                line: 1,
                column: 1,
                message: format!("cannot build the term automaton: {e}"),
            })?;
        let area_scopes = rules
            .scope_patterns
            .iter()
            .map(|p| compile_regex(p, std::path::Path::new("<scope>"), 1, 1))
            .collect::<Result<_, _>>()?;
        let max_gap = targets
            .iter()
            .map(|t: &CompiledTarget| t.max_gap)
            .max()
            .unwrap_or(0);
        Ok(CompiledRules {
            targets,
            terms,
            uses,
            automaton,
            area_scopes,
            scope_strip: crate::rule::Words::new(rules.scope_strip.clone()),
            bounds: BoundWords::new(&rules.bounds),
            wording: rules.wording.clone(),
            // A character is at most four bytes.
            reach: 4 * EXPLAIN_REACH_CHARS.max(max_gap),
        })
    }
}

fn compile_target(t: &Target, file: &std::path::Path) -> Result<CompiledTarget, RuleError> {
    let strings = |v: &[toml::Spanned<String>]| v.iter().map(|s| s.get_ref().clone()).collect();
    let scopes = t
        .scopes
        .iter()
        .map(|s| {
            Ok((
                compile_regex(s.pattern.get_ref(), file, 1, 1)?,
                s.name.clone(),
            ))
        })
        .collect::<Result<_, RuleError>>()?;
    Ok(CompiledTarget {
        id: t.id.get_ref().clone(),
        unit: t.unit.get_ref().clone(),
        alt_units: strings(&t.alt_units),
        counters: strings(&t.counters),
        conversions: t
            .conversions
            .iter()
            .map(|c| (c.unit.get_ref().clone(), *c.factor.get_ref()))
            .collect(),
        measure: t.measure,
        requires: strings(&t.requires),
        excludes: strings(&t.excludes),
        value_first: t.value_first,
        max_gap: t.max_gap,
        scopes,
    })
}

fn compile_regex(
    pattern: &str,
    file: &std::path::Path,
    line: usize,
    column: usize,
) -> Result<Regex, RuleError> {
    Regex::new(pattern).map_err(|e| RuleError {
        path: file.to_owned(),
        line,
        column,
        message: format!("invalid pattern `{pattern}`: {e}"),
    })
}
