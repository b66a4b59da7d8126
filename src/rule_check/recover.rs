//! Recovery: every parse problem of a rule file at once. When a file is valid
//! TOML but does not fit the schema (a wrong type, an unknown field or value,
//! a missing field), each top-level table (`[[target]]`, `[[variant]]`,
//! `[[scope]]`) is parsed on its own, and within one the offending value is
//! replaced by a stand-in of the expected type, or the offending entry
//! blanked, until it parses. Stand-ins keep every byte offset, so the spans
//! of later problems and of the parsed rules point into the file as written.
//! Tables that still do not parse are left out; the ranges that were
//! replaced are returned, so that problems found later inside them (a
//! consequence of the stand-in, not a mistake of the author) are dropped.

use super::parse::{parse, parse_text};
use super::Problem;
use crate::rule::RuleFile;
use crate::rule_set::RuleSource;
use std::ops::Range;

/// Most problems looked for in one table before giving up on it.
const MAX_PROBLEMS_PER_TABLE: usize = 32;

/// What recovery made of a file.
pub struct Recovered {
    /// The tables that parsed, possibly with stand-ins.
    pub rules: Option<RuleFile>,
    pub problems: Vec<Problem>,
    /// Byte ranges replaced by stand-ins or blanked.
    pub repaired: Vec<Range<usize>>,
}

/// Parses `source`, finding every schema problem rather than the first.
pub fn parse_all(source: &RuleSource) -> Recovered {
    let first = match parse(source) {
        Ok(rules) => {
            return Recovered {
                rules: Some(rules),
                problems: Vec::new(),
                repaired: Vec::new(),
            }
        }
        Err(problem) => *problem,
    };
    let text = &source.text;
    let syntax_ok = text.parse::<toml::Table>().is_ok();
    let chunks = chunks(text);
    if !syntax_ok || chunks.is_empty() {
        return Recovered {
            rules: None,
            problems: vec![first],
            repaired: Vec::new(),
        };
    }
    let mut merged = RuleFile::default();
    let mut problems = Vec::new();
    let mut repaired = Vec::new();
    for chunk in chunks {
        let (rules, mut found, mut fixed) = parse_chunk(source, chunk);
        if let Some(rules) = rules {
            merged.target.extend(rules.target);
            merged.variant.extend(rules.variant);
            merged.scope.extend(rules.scope);
        }
        problems.append(&mut found);
        repaired.append(&mut fixed);
    }
    if problems.is_empty() {
        // Cut into tables, the file parses: the first problem spanned two.
        problems.push(first);
        return Recovered {
            rules: None,
            problems,
            repaired,
        };
    }
    Recovered {
        rules: Some(merged),
        problems,
        repaired,
    }
}

/// One table of the file: `text` with every byte outside `range` blanked.
fn parse_chunk(
    source: &RuleSource,
    range: Range<usize>,
) -> (Option<RuleFile>, Vec<Problem>, Vec<Range<usize>>) {
    let mut work = blank_outside(&source.text, &range);
    let mut problems = Vec::new();
    let mut repaired: Vec<(Range<usize>, usize)> = Vec::new();
    for _ in 0..MAX_PROBLEMS_PER_TABLE {
        let (problem, span) = match parse_text(&source.path, &work, &source.text) {
            Ok(rules) => {
                let ranges = repaired.into_iter().map(|(r, _)| r).collect();
                return (Some(rules), problems, ranges);
            }
            Err((problem, span)) => (*problem, span),
        };
        // A problem inside a stand-in: try the next stand-in for that range.
        if let Some(i) = repaired
            .iter()
            .position(|(r, _)| r.start <= span.start && span.end <= r.end)
        {
            let (range, tried) = repaired[i].clone();
            match stand_in(&problem.message, tried + 1).filter(|s| s.len() <= range.len()) {
                Some(s) => {
                    put(&mut work, &range, s);
                    repaired[i].1 = tried + 1;
                    continue;
                }
                None => break,
            }
        }
        // After an unknown field, a missing one is most likely the same
        // mistake (`trems` for `terms`): the hint already names it.
        let misspelt = problem.message.starts_with("missing field")
            && problems
                .iter()
                .any(|p: &Problem| p.message.starts_with("unknown field"));
        if misspelt {
            break;
        }
        let fix = repair(&work, &problem, span);
        problems.push(problem);
        match fix {
            Some((range, text)) => {
                put(&mut work, &range, &text);
                repaired.push((range, 0));
            }
            None => break,
        }
    }
    (None, problems, Vec::new())
}

/// A value of the type a message expects, the `n`th choice.
fn stand_in(message: &str, n: usize) -> Option<&'static str> {
    let choices: &[&str] = if message.contains("expected a list") {
        &["[\"\"]", "[]"]
    } else if message.contains("expected a whole number") {
        &["1"]
    } else if message.contains("expected a number") || message.contains("expected f") {
        &["0"]
    } else if message.contains("expected true or false") {
        &["false"]
    } else if message.contains("expected a string") {
        &["\"\""]
    } else {
        &[]
    };
    choices.get(n).copied()
}

/// The range to replace, and its replacement, that gets past `problem`.
fn repair(work: &str, problem: &Problem, span: Range<usize>) -> Option<(Range<usize>, String)> {
    let message = problem.message.as_str();
    if message.starts_with("wrong type:") {
        let s = stand_in(message, 0)?;
        return (s.len() <= span.len()).then(|| (span, s.to_owned()));
    }
    if message.starts_with("unknown value") {
        // The first allowed value, quoted, from the hint.
        let hint = problem.hint.as_deref()?;
        let allowed = hint.split("allowed values: ").nth(1)?;
        let value = allowed.split('`').nth(1)?;
        let s = format!("\"{value}\"");
        return (s.len() <= span.len()).then_some((span, s));
    }
    if message.starts_with("unknown field") {
        let end = value_end(work, span.end)?;
        return Some(with_comma(work, span.start..end));
    }
    if message.starts_with("missing field") {
        // An inline table in a list: drop it from the list.
        if work[span.clone()].starts_with('{') {
            return Some(with_comma(work, span));
        }
        // A `[[target.examples]]` table: drop it up to the next header.
        let header = &work[span.clone()];
        if header.starts_with("[[") && header.contains('.') {
            let end = work[span.end..]
                .find("\n[")
                .map_or(work.len(), |i| span.end + i + 1);
            return Some((span.start..end, String::new()));
        }
    }
    None
}

/// End of the value of the key ending at `key_end` (`key = value`): the
/// shortest text after `=` that is one TOML value.
fn value_end(work: &str, key_end: usize) -> Option<usize> {
    let eq = key_end + work[key_end..].find('=')?;
    let start = eq + 1;
    let rest = &work[start..];
    let ends = rest
        .char_indices()
        .filter(|&(_, c)| matches!(c, ',' | '}' | '\n' | '#'))
        .map(|(i, _)| i)
        .chain(std::iter::once(rest.len()));
    for end in ends {
        let value = rest[..end].trim();
        if !value.is_empty() && format!("x = {value}").parse::<toml::Table>().is_ok() {
            return Some(start + end);
        }
    }
    None
}

/// `range` widened to take one comma of an inline table or list with it
/// (the one after, else the one before), with an empty replacement.
fn with_comma(work: &str, range: Range<usize>) -> (Range<usize>, String) {
    let after = &work[range.end..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t', '\n', '\r']).len();
    if after[spaces..].starts_with(',') {
        return (range.start..range.end + spaces + 1, String::new());
    }
    let before = &work[..range.start];
    let trimmed = before.trim_end_matches([' ', '\t', '\n', '\r']);
    if trimmed.ends_with(',') {
        return (trimmed.len() - 1..range.end, String::new());
    }
    (range, String::new())
}

/// Writes `with` over `range`, padded with spaces (newlines kept), so no byte moves.
fn put(work: &mut String, range: &Range<usize>, with: &str) {
    let old = &work[range.clone()];
    let mut new = String::with_capacity(old.len());
    new.push_str(with);
    let taken = with.len();
    for (i, c) in old.char_indices() {
        if i < taken {
            continue;
        }
        if c == '\n' {
            new.push('\n');
        } else {
            new.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    // `with` may end inside a character of the old text: pad to its length.
    while new.len() < old.len() {
        new.push(' ');
    }
    new.truncate(old.len());
    work.replace_range(range.clone(), &new);
}

/// The byte ranges of the file's top-level tables: the text before the first
/// `[[target]]`, `[[variant]]` or `[[scope]]` header, then each header up to
/// the next one. Empty when one of them is not valid TOML on its own.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let head = line.trim_start();
        if at > 0
            && ["[[target]]", "[[variant]]", "[[scope]]"]
                .iter()
                .any(|h| head.starts_with(h))
        {
            starts.push(at);
        }
        at += line.len();
    }
    let ranges: Vec<Range<usize>> = starts
        .iter()
        .zip(starts.iter().skip(1).chain(std::iter::once(&text.len())))
        .map(|(&s, &e)| s..e)
        .filter(|r| !r.is_empty())
        .collect();
    let all_parse = ranges
        .iter()
        .all(|r| blank_outside(text, r).parse::<toml::Table>().is_ok());
    if all_parse {
        ranges
    } else {
        Vec::new()
    }
}

/// `text` with every character outside `range` turned into a space (newlines kept).
fn blank_outside(text: &str, range: &Range<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if range.contains(&i) || c == '\n' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn source(text: &str) -> RuleSource {
        RuleSource {
            path: PathBuf::from("t.toml"),
            text: text.to_owned(),
            is_override: false,
        }
    }

    #[test]
    fn a_wrong_type_does_not_hide_the_next_problem() {
        let text = "[[target]]\nid = \"a\"\nname_zh = \"甲\"\nname_en = \"A\"\nunit = \"个\"\nmeasure = \"flwo\"\nterms = [\"甲\"]\nexamples = [\n  { text = \"甲1个\", value = \"1\" },\n  { text = \"甲2个\", value = 2, colour = 1 },\n]\n";
        let recovered = parse_all(&source(text));
        let mut messages: Vec<&str> = recovered
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect();
        messages.sort_unstable();
        assert_eq!(
            messages,
            [
                "unknown field `colour`",
                "unknown value `flwo`",
                "wrong type: string \"1\", expected a number",
            ]
        );
        assert!(recovered.rules.is_some_and(|r| r.target.len() == 1));
    }

    #[test]
    fn a_syntax_error_is_the_only_problem() {
        let recovered = parse_all(&source("[[target]]\nid = \"a\n"));
        assert_eq!(recovered.problems.len(), 1);
        assert!(recovered.rules.is_none());
    }
}
