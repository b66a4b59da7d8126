//! Parsing: a rule file's text into the typed schema, strictly. TOML syntax
//! errors, unknown fields, missing fields and values of the wrong type become
//! one [`Problem`] located by the span toml reports, with a hint.

use super::{Location, Problem, Severity};
use crate::rule::RuleFile;
use crate::rule_set::RuleSource;
use crate::suggestion::did_you_mean;
use std::ops::Range;
use std::path::Path;

/// Reads one rule file into the schema.
pub fn parse(source: &RuleSource) -> Result<RuleFile, Box<Problem>> {
    parse_text(&source.path, &source.text, &source.text).map_err(|(problem, _)| problem)
}

/// Reads `text` into the schema; a problem is located in `shown` (the file
/// as written, of which `text` may be a copy with parts blanked) and comes
/// with its byte span.
pub fn parse_text(
    path: &Path,
    text: &str,
    shown: &str,
) -> Result<RuleFile, (Box<Problem>, Range<usize>)> {
    toml::from_str(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        let (message, hint) = explain(err.message());
        let problem = Box::new(Problem {
            severity: Severity::Error,
            location: Location::new(path, shown, span.clone()),
            message,
            hint,
        });
        (problem, span)
    })
}

/// A clearer message and a hint for what toml and serde say.
fn explain(raw: &str) -> (String, Option<String>) {
    let raw = raw.trim();
    let quoted = backticked(raw);
    if let Some(kind) = ["field", "variant"]
        .into_iter()
        .find(|kind| raw.starts_with(&format!("unknown {kind} `")))
    {
        if let Some((unknown, allowed)) = quoted.split_first() {
            // serde's "variant" is a value of a fixed list (`measure`, `kind`);
            // the fields of `[wording]` are the names of its lists.
            let kind = if kind == "variant" {
                "value"
            } else if allowed == crate::rule::WordingTables::NAMES {
                "word list"
            } else {
                kind
            };
            let message = format!("unknown {kind} `{unknown}`");
            let list = allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let hint = match did_you_mean(unknown, allowed.iter().copied()) {
                _ if allowed.is_empty() => format!("this table takes no {kind}s"),
                Some(close) => format!("did you mean `{close}`? allowed {kind}s: {list}"),
                None => format!("allowed {kind}s: {list}"),
            };
            return (message, Some(hint));
        }
    }
    if raw.starts_with("missing field `") {
        if let Some(field) = quoted.first() {
            return (
                format!("missing field `{field}`"),
                Some(format!(
                    "add `{field} = …` to this table (docs/rules.md lists every field)"
                )),
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let hint = if rest.starts_with("string") && expects_number(rest) {
            "write the number without quotes: `value = 5200`"
        } else if rest.contains("expected a sequence") {
            "write a list in square brackets: `[\"…\", \"…\"]`"
        } else if rest.contains("expected a string") {
            "write the text in double quotes"
        } else {
            "see docs/rules.md for the type of each field"
        };
        return (
            format!("wrong type: {}", plain_types(rest)),
            Some(hint.to_owned()),
        );
    }
    let hint = if raw.contains("duplicate key") {
        "a key may appear once per table; a second target needs its own `[[target]]` header"
    } else if raw.contains("invalid basic string") || raw.contains("invalid literal string") {
        "close the string with `\"` on the same line, or use `\"\"\"` for text over several lines"
    } else {
        "TOML syntax: `key = \"text\"`, `key = 12`, `key = [\"a\", \"b\"]`, tables as `[[target]]`"
    };
    (raw.to_owned(), Some(hint.to_owned()))
}

/// serde's names of types in the words of a rule file.
fn plain_types(detail: &str) -> String {
    [
        ("expected f64", "expected a number"),
        ("expected usize", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected a boolean", "expected true or false"),
    ]
    .iter()
    .fold(detail.to_owned(), |text, (from, to)| text.replace(from, to))
}

/// Whether serde's "expected …" part asks for a number.
fn expects_number(detail: &str) -> bool {
    [
        "expected f64",
        "expected f32",
        "expected usize",
        "expected u",
        "expected i",
        "expected an integer",
        "expected a number",
    ]
    .iter()
    .any(|e| detail.contains(e))
}

/// The words between backticks, in order.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::explain;

    #[test]
    fn an_unknown_field_names_the_allowed_ones_and_the_closest() {
        let (message, hint) =
            explain("unknown field `trems`, expected one of `id`, `terms`, `unit`");
        assert_eq!(message, "unknown field `trems`");
        assert_eq!(
            hint.as_deref(),
            Some("did you mean `terms`? allowed fields: `id`, `terms`, `unit`")
        );
    }

    #[test]
    fn a_quoted_number_is_told_to_drop_the_quotes() {
        let (message, hint) = explain("invalid type: string \"12\", expected f64");
        assert_eq!(message, "wrong type: string \"12\", expected a number");
        assert_eq!(
            hint.as_deref(),
            Some("write the number without quotes: `value = 5200`")
        );
    }
}
