//! Word lists: each `[wording.NAME]` list of a rule file must hold words,
//! each once, and examples that hold one of them. Unknown list names and
//! values of the wrong type are caught when the file is parsed.

use super::{FileProblems, ParsedFile, Problem, Severity, SpanTree, Step};
use crate::rule::{WordList, REACH_LIST};

/// Errors and warnings of the `[wording]` lists of `files`.
pub fn check_wording(files: &[ParsedFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for file in files {
        let tree = SpanTree::parse(&file.source.text);
        let mut out = FileProblems {
            file,
            problems: &mut problems,
        };
        for (name, list) in file.rules.wording.lists() {
            let words_at = tree
                .span(&[Step::Key("wording"), Step::Key(name), Step::Key("words")])
                .unwrap_or(0..0);
            check_list(&mut out, name, list, words_at);
        }
    }
    problems
}

/// `words_at`: where the list's `words` are written.
fn check_list(
    out: &mut FileProblems<'_>,
    name: &str,
    list: &WordList,
    words_at: std::ops::Range<usize>,
) {
    for (i, word) in list.words.iter().enumerate() {
        let text = word.get_ref();
        if text.trim().is_empty() {
            out.push(
                Severity::Error,
                word.span(),
                format!("empty word in `wording.{name}`"),
                Some("write the word as reports do, or remove the entry".into()),
            );
        } else if text.trim() != text {
            out.push(
                Severity::Error,
                word.span(),
                format!("word `{text}` in `wording.{name}` has spaces around it"),
                Some("words are matched as written; remove the spaces".into()),
            );
        } else if let Some(first) = list.words[..i].iter().find(|w| w.get_ref() == text) {
            let (line, column) =
                crate::rule_set::line_column(&out.file.source.text, first.span().start);
            out.push(
                Severity::Error,
                word.span(),
                format!("duplicate word `{text}` in `wording.{name}` (first at {line}:{column})"),
                Some("list each word once".into()),
            );
        }
    }
    if let Some(lines) = &list.reach_lines {
        if name != REACH_LIST {
            out.push(
                Severity::Error,
                lines.span(),
                format!("`reach_lines` applies only to `wording.{REACH_LIST}`"),
                None,
            );
        } else if *lines.get_ref() == 0 {
            out.push(
                Severity::Error,
                lines.span(),
                "`reach_lines` must be at least 1".into(),
                Some("the line of the value itself is the first line looked at".into()),
            );
        }
    }
    let Some(first_word) = list.words.first() else {
        if !list.replace {
            out.push(
                Severity::Warning,
                words_at,
                format!("`wording.{name}` adds no words"),
                Some("write `words = [\"…\"]`, or `replace = true` to empty the list".into()),
            );
        }
        return;
    };
    if list.examples.is_empty() {
        out.push(
            Severity::Warning,
            first_word.span(),
            format!("`wording.{name}` has no examples"),
            Some("add a sentence from a report: `examples = [\"…\"]`".into()),
        );
    }
    for example in &list.examples {
        let holds = list
            .words
            .iter()
            .any(|w| !w.get_ref().is_empty() && example.get_ref().contains(w.get_ref().as_str()));
        if !holds {
            out.push(
                Severity::Error,
                example.span(),
                format!("example holds no word of `wording.{name}`"),
                Some("an example is a sentence in which a word of the list does its work".into()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rule::WordingTables;
    use crate::rule_set::{default_sources, RuleSet};
    use std::path::Path;

    /// `path:line:col: message` of the first error in `text`, read as `user.toml`.
    fn error(text: &str) -> String {
        match RuleSet::from_text(Path::new("user.toml"), text) {
            Ok(_) => panic!("loaded: {text}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn an_unknown_list_name_is_an_error_at_the_name_with_the_closest_one() {
        let err = error("[wording.plan_cue]\nwords = [\"力促\"]\n");
        assert!(
            err.starts_with(
                "user.toml:1:10: unknown word list `plan_cue` (did you mean `plan_cues`?"
            ),
            "{err}"
        );
    }

    #[test]
    fn an_empty_word_is_an_error_at_the_word() {
        let err =
            error("[wording.hedges]\nwords = [\"力促\", \" \"]\nexamples = [\"力促增长5%\"]\n");
        assert!(
            err.starts_with("user.toml:2:16: empty word in `wording.hedges`"),
            "{err}"
        );
    }

    #[test]
    fn a_duplicate_word_is_an_error_at_the_second_naming_the_first() {
        let text = "[wording.achieved]\nwords = [\n  \"已完成\",\n  \"已建成\",\n  \"已完成\",\n]\nexamples = [\"已完成20个\"]\n";
        let err = error(text);
        assert!(
            err.starts_with(
                "user.toml:5:3: duplicate word `已完成` in `wording.achieved` (first at 3:3)"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_word_list_of_the_wrong_type_is_an_error_at_the_value() {
        let err = error("[wording.estimate]\nwords = \"预计\"\n");
        assert!(err.starts_with("user.toml:2:9: wrong type"), "{err}");
        assert!(err.contains("expected a list"), "{err}");
        let err =
            error("[wording.five_year_openers]\nwords = [\"五年来\"]\nreach_lines = \"12\"\n");
        assert!(err.starts_with("user.toml:3:15: wrong type"), "{err}");
    }

    #[test]
    fn reach_lines_belongs_to_the_five_year_openers_only() {
        let err = error("[wording.one_year_openers]\nwords = [\"一年来\"]\nreach_lines = 3\nexamples = [\"一年来，主要做了6个方面工作\"]\n");
        assert!(
            err.starts_with("user.toml:3:15: `reach_lines` applies only to"),
            "{err}"
        );
    }

    #[test]
    fn an_example_must_hold_a_word_of_its_list() {
        let err = error(
            "[wording.plan_cues]\nwords = [\"力促\"]\nexamples = [\"力争新增公共停车泊位700个\"]\n",
        );
        assert!(
            err.starts_with("user.toml:3:13: example holds no word of `wording.plan_cues`"),
            "{err}"
        );
    }

    #[test]
    fn the_default_rules_write_every_list() {
        let rules = crate::rule_check::parse_quietly(&default_sources());
        let mut written: Vec<&str> = rules
            .iter()
            .flat_map(|f| f.rules.wording.lists())
            .filter(|(_, list)| !list.words.is_empty())
            .map(|(name, _)| name)
            .collect();
        written.sort_unstable();
        let mut names = WordingTables::NAMES.to_vec();
        names.sort_unstable();
        assert_eq!(written, names);
        let set = RuleSet::load(None).unwrap_or_else(|e| panic!("{e}"));
        assert!(set.wording.five_year_reach_lines > 0);
    }
}
