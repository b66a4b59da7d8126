//! Lint: warnings about rules that work but are likely to misbehave or are
//! hard to maintain. Too few examples, ids out of order, a term that is part of
//! another target's term (the shorter one may take the other's numbers), a
//! term of a `--rules` target that a longer default term swallows, and a new
//! id in a `--rules` folder that looks like a mistyped default id.

use super::{FileProblems, ParsedFile, Problem, Severity};
use crate::rule::Target;
use crate::suggestion::did_you_mean;

/// Examples a target needs so that a change in the engine shows up.
pub const MIN_EXAMPLES: usize = 2;

/// Every warning in `files`; `context` holds the default targets.
pub fn lint(context: &[ParsedFile], files: &[ParsedFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let default_ids: Vec<&str> = context
        .iter()
        .flat_map(|f| &f.rules.target)
        .map(|t| t.id.get_ref().as_str())
        .collect();
    for file in files {
        let mut out = FileProblems {
            file,
            problems: &mut problems,
        };
        let targets = &file.rules.target;
        for target in targets {
            check_examples(&mut out, target);
        }
        for pair in targets.windows(2) {
            if let [before, after] = pair {
                if after.id.get_ref() < before.id.get_ref() {
                    out.push(
                        Severity::Warning,
                        after.id.span(),
                        format!(
                            "target `{}` comes after `{}`: ids in a file are kept sorted",
                            after.id.get_ref(),
                            before.id.get_ref()
                        ),
                        Some(format!("move it before `{}`", before.id.get_ref())),
                    );
                }
            }
        }
        check_shadowing(&mut out, targets);
        if file.source.is_override {
            for target in targets {
                check_swallowed(&mut out, target, context);
            }
            for target in targets {
                let id = target.id.get_ref().as_str();
                if default_ids.contains(&id) {
                    continue;
                }
                let close = did_you_mean(id, default_ids.iter().copied())
                    .filter(|close| strsim::normalized_levenshtein(id, close) >= MIN_OVERRIDE_TYPO);
                if let Some(close) = close {
                    out.push(
                        Severity::Warning,
                        target.id.span(),
                        format!(
                            "new target `{id}` has almost the id of the default target `{close}`"
                        ),
                        Some(format!(
                            "did you mean `{close}`? An override must use the exact id"
                        )),
                    );
                }
            }
        }
    }
    problems
}

fn check_examples(out: &mut FileProblems<'_>, target: &Target) {
    let id = target.id.get_ref();
    if target.examples.len() < MIN_EXAMPLES {
        out.push(
            Severity::Warning,
            target.id.span(),
            format!(
                "target `{id}` has {} example{}; at least {MIN_EXAMPLES} keep it honest",
                target.examples.len(),
                if target.examples.len() == 1 { "" } else { "s" }
            ),
            Some("add `[[target.examples]]` with a sentence from a report and the value it must give".into()),
        );
    }
    if target.counter_examples.is_empty() {
        out.push(
            Severity::Warning,
            target.id.span(),
            format!("target `{id}` has no counter-example"),
            Some("add a near-miss sentence that must not match to `counter_examples`".into()),
        );
    }
}

/// A term of a `--rules` target that stands inside a longer term of a
/// default target: matching is leftmost-longest, so wherever the longer term
/// is written the default target gets the number and this one nothing
/// (`工业产值` inside `规上工业产值`).
fn check_swallowed(out: &mut FileProblems<'_>, target: &Target, context: &[ParsedFile]) {
    let id = target.id.get_ref();
    let defaults = context
        .iter()
        .flat_map(|f| &f.rules.target)
        .filter(|d| d.id.get_ref() != id);
    for term in &target.terms {
        let s = term.get_ref().trim();
        if s.is_empty() {
            continue;
        }
        let longer = defaults.clone().find_map(|d| {
            d.terms
                .iter()
                .map(|t| t.get_ref().trim())
                .find(|t| t.len() > s.len() && t.contains(s))
                .map(|t| (d.id.get_ref(), t))
        });
        if let Some((winner, longer)) = longer {
            out.push(
                Severity::Warning,
                term.span(),
                format!(
                    "term `{s}` of `{id}` stands inside `{longer}`, a term of the default target \
                     `{winner}`: where `{longer}` is written, the longest term wins and `{id}` gets nothing"
                ),
                Some(format!(
                    "if `{longer}` should count for `{id}` too, add it to `{id}`'s terms \
                     (docs/rules.md, \"How terms compete\")"
                )),
            );
        }
    }
}

/// How alike a new id must be to a default id to be taken for a mistyped
/// override: a slip of a letter or two, not a shared suffix (`swap_stations`
/// is a new target, not `g5_base_stations` mistyped).
const MIN_OVERRIDE_TYPO: f64 = 0.85;

/// The same term in two targets that nothing tells apart: no `requires`,
/// `excludes` or unit difference, so one of them can never match. A term
/// merely contained in a longer one is fine: matching is leftmost-longest, so
/// the longer term wins wherever it stands whole.
fn check_shadowing(out: &mut FileProblems<'_>, targets: &[Target]) {
    // Earlier targets by (unit, term), so the check is linear in the terms
    // instead of comparing every pair of targets.
    let told_apart = |t: &Target| !t.requires.is_empty() || !t.excludes.is_empty();
    let mut earlier: std::collections::HashMap<(&str, &str), Vec<usize>> =
        std::collections::HashMap::new();
    for (j, second) in targets.iter().enumerate() {
        if told_apart(second) {
            continue;
        }
        let unit = second.unit.get_ref().as_str();
        for term in &second.terms {
            let s = term.get_ref().trim();
            if s.is_empty() {
                continue;
            }
            // One warning per target, against the first with the term: a
            // term in every one of n targets would otherwise give n²/2.
            let before = earlier.get(&(unit, s)).map_or(&[][..], Vec::as_slice);
            if let Some(&i) = before.first() {
                let first = &targets[i];
                let others = match before.len() - 1 {
                    0 => String::new(),
                    1 => " (and 1 other target)".to_owned(),
                    n => format!(" (and {n} other targets)"),
                };
                out.push(
                    Severity::Warning,
                    term.span(),
                    format!(
                        "term `{s}` names both `{}` and `{}`{others}, and nothing tells them apart",
                        first.id.get_ref(),
                        second.id.get_ref()
                    ),
                    Some(format!(
                        "give `{}` a `requires` or `excludes` list, or drop the term from one target",
                        second.id.get_ref()
                    )),
                );
            }
        }
        let mut own: Vec<&str> = second
            .terms
            .iter()
            .map(|t| t.get_ref().trim())
            .filter(|s| !s.is_empty())
            .collect();
        own.sort_unstable();
        own.dedup();
        for s in own {
            earlier.entry((unit, s)).or_default().push(j);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule_check::{check_sources, Severity};
    use crate::rule_set::RuleSource;
    use std::path::PathBuf;

    fn warnings(text: &str) -> Vec<String> {
        let source = RuleSource {
            path: PathBuf::from("t.toml"),
            text: text.to_owned(),
            is_override: false,
        };
        check_sources(&[], &[source])
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Warning)
            .map(|p| format!("{}:{} {}", p.location.line, p.location.column, p.message))
            .collect()
    }

    fn target(id: &str, terms: &str, excludes: &str) -> String {
        format!(
            "[[target]]\nid = \"{id}\"\nname_zh = \"x\"\nname_en = \"x\"\nunit = \"个\"\nmeasure = \"flow\"\n\
             terms = [{terms}]\nexcludes = [{excludes}]\ncounter_examples = [\"x\"]\n\
             examples = [{{ text = \"a\", value = 1 }}, {{ text = \"b\", value = 2 }}]\n"
        )
    }

    #[test]
    fn a_term_shared_by_many_targets_is_one_warning_per_target() {
        // Found by the `rules_large` fuzz target: one term in 2228 targets
        // gave a warning for each pair (2.5 million, 3.3 GB).
        let text: String = (0..300)
            .map(|i| target(&format!("t{i:03}"), "\"公办学位\"", ""))
            .collect();
        let shared: Vec<String> = warnings(&text)
            .into_iter()
            .filter(|w| w.contains("公办学位"))
            .collect();
        assert_eq!(shared.len(), 299);
        assert!(shared[0].ends_with("names both `t000` and `t001`, and nothing tells them apart"));
        assert!(shared[298].ends_with(
            "names both `t000` and `t299` (and 298 other targets), and nothing tells them apart"
        ));
    }

    #[test]
    fn a_shared_term_is_a_warning_unless_the_targets_are_told_apart() {
        let text = target("a_places", "\"公办学位\"", "") + &target("b_places", "\"公办学位\"", "");
        assert_eq!(
            warnings(&text),
            ["17:10 term `公办学位` names both `a_places` and `b_places`, and nothing tells them apart"]
        );
        let text = target("a_places", "\"公办学位\"", "\"幼儿园\"")
            + &target("b_places", "\"公办学位\"", "");
        assert_eq!(warnings(&text), Vec::<String>::new());
        let text =
            target("a_places", "\"公办学位\"", "") + &target("b_places", "\"幼儿园公办学位\"", "");
        assert_eq!(warnings(&text), Vec::<String>::new());
    }
}
