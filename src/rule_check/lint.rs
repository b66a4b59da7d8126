//! Lint: warnings about rules that work but are likely to misbehave or are
//! hard to maintain. Too few examples, ids out of order, a term that is part of
//! another target's term (the shorter one may take the other's numbers), and a
//! new id in a `--rules` folder that looks like a mistyped default id.

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
                let id = target.id.get_ref().as_str();
                if default_ids.contains(&id) {
                    continue;
                }
                if let Some(close) = did_you_mean(id, default_ids.iter().copied()) {
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

/// A term contained in another target's term: sentences meant for the longer
/// term also hold the shorter one. Often intended (with `requires` or
/// `excludes`), so only a warning, and none when the shorter target excludes
/// the longer term.
fn check_shadowing(out: &mut FileProblems<'_>, targets: &[Target]) {
    for short in targets {
        for long in targets {
            if short.id.get_ref() == long.id.get_ref() {
                continue;
            }
            for short_term in &short.terms {
                let s = short_term.get_ref().trim();
                let Some(long_term) = long.terms.iter().find(|l| {
                    let l = l.get_ref().trim();
                    !s.is_empty() && l != s && l.contains(s)
                }) else {
                    continue;
                };
                let l = long_term.get_ref().trim();
                if short
                    .excludes
                    .iter()
                    .any(|e| l.contains(e.get_ref().trim()) && !e.get_ref().trim().is_empty())
                {
                    continue;
                }
                out.push(
                    Severity::Warning,
                    short_term.span(),
                    format!(
                        "term `{s}` of `{}` is part of term `{l}` of `{}`",
                        short.id.get_ref(),
                        long.id.get_ref()
                    ),
                    Some(format!(
                        "a sentence about `{}` may also match `{}`; add a word of `{l}` to its `excludes` if so",
                        long.id.get_ref(),
                        short.id.get_ref()
                    )),
                );
            }
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
    fn a_term_inside_another_targets_term_is_a_warning_unless_excluded() {
        let text =
            target("a_places", "\"公办学位\"", "") + &target("b_places", "\"幼儿园公办学位\"", "");
        assert_eq!(
            warnings(&text),
            ["7:10 term `公办学位` of `a_places` is part of term `幼儿园公办学位` of `b_places`"]
        );
        let text = target("a_places", "\"公办学位\"", "\"幼儿园\"")
            + &target("b_places", "\"幼儿园公办学位\"", "");
        assert_eq!(warnings(&text), Vec::<String>::new());
    }
}
