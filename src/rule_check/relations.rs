//! Relations: the ids a target names in `stock_of` and `related` must be
//! targets in effect once every file is loaded (a `--rules` folder may add or
//! replace targets), and a stock must name a flow counted in its own unit.
//! Linking relies on both: it derives flows from pairs of stock figures and
//! lists figures of related targets as near misses.
//!
//! When a `--rules` folder is checked, a default target whose `stock_of` the
//! folder breaks (by replacing the flow with one in another unit) is reported
//! too, at the default target, since loading would fail there.

use super::{place, FileProblems, ParsedFile, Problem, Severity};
use crate::rule::Target;
use crate::statement::Measure;
use crate::suggestion::did_you_mean;
use std::collections::HashMap;
use toml::Spanned;

/// A target in effect and where it is written.
struct InEffect<'a> {
    file: &'a ParsedFile,
    target: &'a Target,
    /// From a file being checked (not only read for context).
    checked: bool,
}

/// Reports broken `stock_of` and `related` entries of the targets in effect.
pub fn check_relations(context: &[ParsedFile], files: &[ParsedFile], problems: &mut Vec<Problem>) {
    let all = || {
        let context = context.iter().map(|f| (f, false));
        context.chain(files.iter().map(|f| (f, true)))
    };
    let targets = in_effect(all());
    let mut ids: Vec<&str> = targets.keys().copied().collect();
    ids.sort_unstable();
    for (file, checked) in all() {
        let mut out = FileProblems {
            file,
            problems: &mut *problems,
        };
        let scope = Scope {
            targets: &targets,
            ids: &ids,
            checked,
        };
        for target in &file.rules.target {
            let in_effect = targets
                .get(target.id.get_ref().as_str())
                .is_some_and(|t| std::ptr::eq(t.target, target));
            if !in_effect {
                continue;
            }
            if let Some(flow) = &target.stock_of {
                check_stock_of(&mut out, &scope, target, flow);
            }
            if checked {
                for related in &target.related {
                    check_related(&mut out, &scope, target, related);
                }
            }
        }
    }
}

/// What every check looks ids up in.
struct Scope<'s, 'a> {
    targets: &'s HashMap<&'a str, InEffect<'a>>,
    /// Every id in effect, sorted (suggestions break ties by order).
    ids: &'s [&'a str],
    /// Whether the target being checked is from a file being checked.
    checked: bool,
}

/// Which target is in effect for each id: the first definition, unless a
/// later one from a `--rules` folder replaces a default (as `RuleSet::assemble`).
fn in_effect<'a>(
    files: impl Iterator<Item = (&'a ParsedFile, bool)>,
) -> HashMap<&'a str, InEffect<'a>> {
    let mut map: HashMap<&str, InEffect<'_>> = HashMap::new();
    for (file, checked) in files {
        for target in &file.rules.target {
            let id = target.id.get_ref().as_str();
            let replaces = map
                .get(id)
                .is_none_or(|held| file.source.is_override && !held.file.source.is_override);
            if replaces {
                map.insert(
                    id,
                    InEffect {
                        file,
                        target,
                        checked,
                    },
                );
            }
        }
    }
    map
}

fn check_stock_of(
    out: &mut FileProblems<'_>,
    scope: &Scope<'_, '_>,
    target: &Target,
    flow: &Spanned<String>,
) {
    let id = target.id.get_ref();
    let name = flow.get_ref().as_str();
    let Some(named) = scope.targets.get(name) else {
        if scope.checked {
            let flows = scope.ids.iter().copied().filter(|i| {
                scope
                    .targets
                    .get(i)
                    .is_some_and(|t| t.target.measure == Measure::Flow)
            });
            let hint = match did_you_mean(name, flows) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "name the flow target this running total adds up; `luoshi rules list` shows every id".into(),
            };
            out.push(
                Severity::Error,
                flow.span(),
                format!("unknown target `{name}` in `stock_of`"),
                Some(hint),
            );
        }
        return;
    };
    // A default target is only reported for what the checked files changed.
    if !scope.checked && !named.checked {
        return;
    }
    let defined = format!(
        "`{name}` is defined at {}",
        place(named.file, named.target.id.span())
    );
    let (message, hint) = if target.measure != Measure::Stock {
        let hint = if named.target.measure == Measure::Stock && target.measure == Measure::Flow {
            format!("`stock_of` goes on the running total: write `stock_of = \"{id}\"` in `{name}`")
        } else {
            "only a running total (`measure = \"stock\"`) accumulates a flow; make the target a stock or remove `stock_of`".to_owned()
        };
        (
            format!("`stock_of` on `{id}`, a {} target", target.measure.as_str()),
            hint,
        )
    } else if named.target.measure != Measure::Flow {
        (
            format!(
                "`stock_of` names `{name}`, a {} target, not a flow",
                named.target.measure.as_str()
            ),
            format!("name the flow target whose additions `{id}` adds up; {defined}"),
        )
    } else if named.target.unit.get_ref() != target.unit.get_ref() {
        (
            format!(
                "`{id}` counts in `{}` but the flow it accumulates, `{name}`, counts in `{}`",
                target.unit.get_ref(),
                named.target.unit.get_ref()
            ),
            format!("a running total and its flow count in the same unit; {defined}"),
        )
    } else {
        return;
    };
    out.push(Severity::Error, flow.span(), message, Some(hint));
}

fn check_related(
    out: &mut FileProblems<'_>,
    scope: &Scope<'_, '_>,
    target: &Target,
    related: &Spanned<String>,
) {
    let id = target.id.get_ref();
    let name = related.get_ref().as_str();
    let (message, hint) = if name == id {
        (
            format!("target `{id}` lists itself in `related`"),
            "`related` names other targets whose figures are near misses for this one".to_owned(),
        )
    } else if !scope.targets.contains_key(name) {
        let others = scope.ids.iter().copied().filter(|i| *i != id.as_str());
        let hint = match did_you_mean(name, others) {
            Some(close) => format!("did you mean `{close}`?"),
            None => {
                "`related` takes ids of targets in effect; `luoshi rules list` shows them".into()
            }
        };
        (format!("unknown target `{name}` in `related`"), hint)
    } else {
        return;
    };
    out.push(Severity::Error, related.span(), message, Some(hint));
}

#[cfg(test)]
mod tests {
    use crate::rule_check::check_sources;
    use crate::rule_set::RuleSource;
    use std::path::PathBuf;

    fn source(path: &str, text: &str, is_override: bool) -> RuleSource {
        RuleSource {
            path: PathBuf::from(path),
            text: text.to_owned(),
            is_override,
        }
    }

    fn target(id: &str, unit: &str, measure: &str, relations: &str) -> String {
        format!(
            "[[target]]\nid = \"{id}\"\nname_zh = \"x\"\nname_en = \"x\"\nunit = \"{unit}\"\n\
             measure = \"{measure}\"\n{relations}\nterms = [\"{id}\"]\n"
        )
    }

    /// `path:line:col message` of every error.
    fn errors(sources: &[RuleSource]) -> Vec<String> {
        check_sources(&[], sources)
            .problems
            .into_iter()
            .filter(|p| p.severity == crate::rule_check::Severity::Error)
            .map(|p| {
                format!(
                    "{}:{}:{} {}",
                    p.location.path.display(),
                    p.location.line,
                    p.location.column,
                    p.message
                )
            })
            .collect()
    }

    #[test]
    fn relations_may_name_targets_of_other_files() {
        let a = target("piles", "个", "flow", "related = [\"stations\"]");
        let b = target("piles_to_date", "个", "stock", "stock_of = \"piles\"")
            + &target("stations", "座", "flow", "");
        let found = errors(&[source("a.toml", &a, false), source("b.toml", &b, false)]);
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn a_target_is_not_its_own_relation_and_a_stock_is_not_a_flow() {
        let text = target("piles", "个", "flow", "related = [\"piles\"]")
            + &target("piles_total", "个", "stock", "stock_of = \"piles_total\"");
        assert_eq!(
            errors(&[source("a.toml", &text, false)]),
            [
                "a.toml:7:12 target `piles` lists itself in `related`",
                "a.toml:15:12 `stock_of` names `piles_total`, a stock target, not a flow",
            ]
        );
    }

    #[test]
    fn a_replaced_flow_in_another_unit_breaks_the_default_stock() {
        let defaults = target("piles", "个", "flow", "")
            + &target("piles_total", "个", "stock", "stock_of = \"piles\"");
        let replaced = target("piles", "座", "flow", "");
        let sources = [
            source("rules/a.toml", &defaults, false),
            source("mine/a.toml", &replaced, true),
        ];
        assert_eq!(
            errors(&sources),
            ["rules/a.toml:15:12 `piles_total` counts in `个` but the flow it accumulates, `piles`, counts in `座`"]
        );
        // Checking only the folder, the defaults as context, finds the same.
        let context = crate::rule_check::parse_quietly(&sources[..1]);
        let checked = check_sources(&context, &sources[1..]);
        let messages: Vec<&str> = checked
            .problems
            .iter()
            .filter(|p| p.severity == crate::rule_check::Severity::Error)
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(
            messages,
            ["`piles_total` counts in `个` but the flow it accumulates, `piles`, counts in `座`"]
        );
    }
}
