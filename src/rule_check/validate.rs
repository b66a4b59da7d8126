//! Validation: the errors a rule file can have although it parses (ids are
//! checked in `ids`, `stock_of` and `related` in `relations`): units the unit
//! table does not know, empty terms, regular expressions that do not compile,
//! impossible gaps, examples that cannot be checked. Each error points at the
//! offending text.

use super::{ids, place, relations, FileProblems, ParsedFile, Problem, Severity, SpanTree, Step};
use crate::rule::Target;
use crate::suggestion::did_you_mean;
use crate::unit;
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;

/// Largest `max_gap` accepted: a gap wider than a long clause would let a term
/// take the value of an unrelated sentence part.
pub const MAX_GAP_LIMIT: usize = 200;

/// Every error in `files`; `context` files only supply ids that `files` may override.
pub fn validate(context: &[ParsedFile], files: &[ParsedFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    ids::check_ids(context, files, &mut problems);
    relations::check_relations(context, files, &mut problems);
    for file in files {
        let tree = SpanTree::parse(&file.source.text);
        let mut out = FileProblems {
            file,
            problems: &mut problems,
        };
        for (index, target) in file.rules.target.iter().enumerate() {
            check_target(&mut out, &tree, index, target);
        }
        for variant in &file.rules.variant {
            check_word(&mut out, &variant.from, "variant `from`");
        }
        for scope in &file.rules.scope {
            check_pattern(&mut out, &scope.pattern);
        }
        super::cues::check_cues(&mut out);
    }
    problems
}

fn check_target(out: &mut FileProblems<'_>, tree: &SpanTree<'_>, index: usize, target: &Target) {
    let id_span = target.id.span();
    let field = |steps: &[Step<'_>]| {
        let mut path = vec![Step::Key("target"), Step::Index(index)];
        path.extend_from_slice(steps);
        tree.span(&path).unwrap_or(id_span.clone())
    };
    for (key, name, example) in [
        ("name_zh", &target.name_zh, "充电桩"),
        ("name_en", &target.name_en, "EV charging piles built"),
    ] {
        if name.trim().is_empty() {
            out.push(
                Severity::Error,
                field(&[Step::Key(key)]),
                format!("target `{}` has an empty `{key}`", target.id.get_ref()),
                Some(format!(
                    "write the name shown in outputs: `{key} = \"{example}\"`"
                )),
            );
        }
    }
    check_unit(out, &target.unit, "unit");
    for alt in &target.alt_units {
        check_unit(out, alt, "alt unit");
    }
    for counter in &target.counters {
        check_unit(out, counter, "counter");
    }
    for conversion in &target.conversions {
        check_unit(out, &conversion.unit, "conversion unit");
        let factor = *conversion.factor.get_ref();
        if !factor.is_finite() || factor <= 0.0 {
            out.push(
                Severity::Error,
                conversion.factor.span(),
                format!("conversion factor {factor} is not a positive number"),
                Some("the factor multiplies a value in the conversion's unit to give the target's unit: `factor = 15`".into()),
            );
        }
    }
    if target.terms.is_empty() && target.context_terms.is_empty() {
        out.push(
            Severity::Error,
            field(&[Step::Key("terms")]),
            format!("target `{}` has no terms", target.id.get_ref()),
            Some("list the words that name the target: `terms = [\"新增充电桩\"]`".into()),
        );
    }
    let mut seen: HashMap<&str, Range<usize>> = HashMap::new();
    let terms = target
        .terms
        .iter()
        .chain(target.context_terms.iter().map(|c| &c.term));
    for term in terms {
        check_word(out, term, "term");
        let text = term.get_ref().trim();
        if text.is_empty() {
            continue;
        }
        match seen.get(text) {
            Some(first) => {
                let hint = format!("already listed at {}", place(out.file, first.clone()));
                out.push(
                    Severity::Error,
                    term.span(),
                    format!("duplicate term `{text}`"),
                    Some(hint),
                );
            }
            None => {
                seen.insert(text, term.span());
            }
        }
    }
    for context in target.context_terms.iter().flat_map(|c| &c.context) {
        check_word(out, context, "context word");
    }
    for word in target.context_terms.iter().flat_map(|c| &c.unless) {
        check_word(out, word, "word in `unless`");
    }
    for word in &target.requires {
        check_word(out, word, "word in `requires`");
    }
    for word in &target.excludes {
        check_word(out, word, "word in `excludes`");
    }
    for scope in &target.scopes {
        check_pattern(out, &scope.pattern);
    }
    if target.max_gap == 0 || target.max_gap > MAX_GAP_LIMIT {
        out.push(
            Severity::Error,
            field(&[Step::Key("max_gap")]),
            format!(
                "max_gap {} is out of range (1 to {MAX_GAP_LIMIT})",
                target.max_gap
            ),
            Some(
                "max_gap counts the characters allowed between term and value; the default is 24"
                    .into(),
            ),
        );
    }
    check_examples(out, target, &field);
}

fn check_examples(
    out: &mut FileProblems<'_>,
    target: &Target,
    field: &dyn Fn(&[Step<'_>]) -> Range<usize>,
) {
    let units: Vec<&str> = std::iter::once(target.unit.get_ref().as_str())
        .chain(target.alt_units.iter().map(|u| u.get_ref().as_str()))
        .collect();
    for (j, example) in target.examples.iter().enumerate() {
        let at = |key| field(&[Step::Key("examples"), Step::Index(j), Step::Key(key)]);
        check_word(out, &example.text, "example");
        if !example.value.is_finite() {
            out.push(
                Severity::Error,
                at("value"),
                format!("example value `{}` is not a finite number", example.value),
                Some(format!(
                    "write the value the sentence must give, in `{}`: `value = 5200`",
                    target.unit.get_ref()
                )),
            );
        }
        if let Some(unit) = example.unit.as_deref().filter(|u| !units.contains(u)) {
            let hint = match did_you_mean(unit, units.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the target counts in: {}", quoted_list(&units)),
            };
            out.push(
                Severity::Error,
                at("unit"),
                format!(
                    "example unit `{unit}` is neither the target's unit nor one of its alt_units"
                ),
                Some(hint),
            );
        }
    }
    for counter in &target.counter_examples {
        check_word(out, counter, "counter-example");
    }
}

/// A unit must be canonical: values are stored converted to it.
fn check_unit(out: &mut FileProblems<'_>, unit: &Spanned<String>, what: &str) {
    let word = unit.get_ref().as_str();
    if unit::is_canonical(word) {
        return;
    }
    let canonical = unit::canonical_units();
    let hint = match unit::lookup(word) {
        Some(known) => format!(
            "`{word}` is converted to `{}` when read; declare the canonical unit `{}`",
            known.canonical, known.canonical
        ),
        None => match did_you_mean(word, canonical.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("canonical units: {}", quoted_list(&canonical)),
        },
    };
    out.push(
        Severity::Error,
        unit.span(),
        format!("unknown {what} `{word}`"),
        Some(hint),
    );
}

/// Words are matched literally; an empty one would match everywhere.
fn check_word(out: &mut FileProblems<'_>, word: &Spanned<String>, what: &str) {
    if word.get_ref().trim().is_empty() {
        out.push(
            Severity::Error,
            word.span(),
            format!("empty {what}"),
            Some("write the words, or remove the entry".into()),
        );
    }
}

fn check_pattern(out: &mut FileProblems<'_>, pattern: &Spanned<String>) {
    if let Err(err) = regex::Regex::new(pattern.get_ref()) {
        let reason = err.to_string();
        let reason = reason
            .lines()
            .rev()
            .find_map(|l| l.trim().strip_prefix("error: "))
            .unwrap_or(reason.lines().next().unwrap_or(""))
            .to_owned();
        out.push(
            Severity::Error,
            pattern.span(),
            format!("invalid regular expression: {reason}"),
            Some("`(`, `)`, `[`, `]`, `.`, `*`, `+` and `?` are special; write `\\\\(` in TOML for a literal `(`".into()),
        );
    }
    if pattern.get_ref().is_empty() {
        check_word(out, pattern, "pattern");
    }
}

fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
