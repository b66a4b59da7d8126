//! Rule checking: everything that can be wrong with rule files, as typed
//! values. Loading (`rule_set`) stops at the first error; `rules check` shows
//! them all, then runs every example through the extractor. This stage
//! returns problems and example outcomes; `render::diagnostic` prints them.

mod bounds;
mod cues;
mod examples;
mod ids;
mod lint;
mod location;
mod parse;
mod recover;
mod relations;
mod report;
mod shadowing;
mod skeleton;
mod validate;
mod wording;

pub use bounds::run_bound_examples;
pub use examples::{run_example, run_examples, ExampleReport, Expected, Found, Outcome};
pub use ids::is_snake_case;
pub use location::{Location, SpanTree, Step};
pub use report::{CheckReport, Summary};
pub use shadowing::Shadow;
pub use skeleton::{skeleton, Skeleton, SkeletonError};
pub use validate::MAX_GAP_LIMIT;

use crate::rule::RuleFile;
use crate::rule_set::{RuleError, RuleSource};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The rules cannot be used as written.
    Error,
    /// The rules work but are likely to misbehave or are hard to maintain.
    Warning,
}

impl Severity {
    /// The word shown in a diagnostic.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing wrong with a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Problem {
    /// The problem as a loading error (one line; the hint follows the message).
    pub fn to_rule_error(&self) -> RuleError {
        let message = match &self.hint {
            Some(hint) => format!("{} ({hint})", self.message),
            None => self.message.clone(),
        };
        RuleError {
            path: self.location.path.clone(),
            line: self.location.line,
            column: self.location.column,
            message,
        }
    }
}

/// A rule file that parsed.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub source: RuleSource,
    pub rules: RuleFile,
}

/// The result of checking rule files: those that parsed, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    pub files: Vec<ParsedFile>,
    pub problems: Vec<Problem>,
}

impl Checked {
    /// Number of problems of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Parses and checks `sources` in order. Targets of `context` files (parsed
/// but not checked; the default rules when checking a `--rules` folder) only
/// decide whether an id in `sources` overrides a default or duplicates one.
pub fn check_sources(context: &[ParsedFile], sources: &[RuleSource]) -> Checked {
    let mut checked = Checked::default();
    // Ranges replaced by stand-ins while recovering from a parse problem: a
    // later problem inside one is a consequence, not another mistake.
    let mut repaired: Vec<(&std::path::Path, std::ops::Range<usize>)> = Vec::new();
    for source in sources {
        let recovered = recover::parse_all(source);
        checked.problems.extend(recovered.problems);
        repaired.extend(
            recovered
                .repaired
                .into_iter()
                .map(|r| (source.path.as_path(), r)),
        );
        if let Some(rules) = recovered.rules {
            checked.files.push(ParsedFile {
                source: source.clone(),
                rules,
            });
        }
    }
    let consequence = |problem: &Problem| {
        repaired.iter().any(|(path, range)| {
            sources.iter().any(|s| {
                s.path == *path
                    && s.path == problem.location.path
                    && line_column_in(
                        &s.text,
                        range,
                        problem.location.line,
                        problem.location.column,
                    )
            })
        })
    };
    let later = validate::validate(context, &checked.files)
        .into_iter()
        .chain(lint::lint(context, &checked.files))
        .chain(bounds::check_bounds(&checked.files))
        .chain(wording::check_wording(&checked.files))
        .filter(|p| !consequence(p));
    checked.problems.extend(later);
    let order = |problem: &Problem| {
        let file = sources
            .iter()
            .position(|s| s.path == problem.location.path)
            .unwrap_or(usize::MAX);
        (file, problem.location.line, problem.location.column)
    };
    checked.problems.sort_by_key(order);
    checked
}

/// Whether the 1-based `line` and character `column` of `text` fall in `range`.
fn line_column_in(text: &str, range: &std::ops::Range<usize>, line: usize, column: usize) -> bool {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let at = text.get(start..).map_or(start, |rest| {
        start
            + rest
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i)
    });
    range.contains(&at)
}

/// `path:line:col` of a span in a file.
pub(crate) fn place(file: &ParsedFile, span: std::ops::Range<usize>) -> String {
    let loc = Location::new(&file.source.path, &file.source.text, span);
    format!("{}:{}:{}", loc.path.display(), loc.line, loc.column)
}

/// Collects the problems of one file.
pub(crate) struct FileProblems<'a> {
    pub file: &'a ParsedFile,
    pub problems: &'a mut Vec<Problem>,
}

impl FileProblems<'_> {
    /// Records a problem at a byte span of the file.
    pub fn push(
        &mut self,
        severity: Severity,
        span: std::ops::Range<usize>,
        message: String,
        hint: Option<String>,
    ) {
        self.problems.push(Problem {
            severity,
            location: Location::new(&self.file.source.path, &self.file.source.text, span),
            message,
            hint,
        });
    }
}

/// Parses rule files without checking them (the context of a check); files
/// that do not parse are left out.
pub fn parse_quietly(sources: &[RuleSource]) -> Vec<ParsedFile> {
    sources
        .iter()
        .filter_map(|source| {
            parse::parse(source).ok().map(|rules| ParsedFile {
                source: source.clone(),
                rules,
            })
        })
        .collect()
}
