//! A diff of two runs as text lines (`+` appeared, `-` disappeared, `~`
//! changed, then a one-line count), JSON, or a Markdown table.

use super::text::{escape_markdown, sanitize_terminal};
use crate::diff::{field_text, Diff, Subject};
use serde_json::Value;
use std::io::{self, Write};

/// How a diff is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

/// Writes `diff` in `format`.
pub fn write(out: &mut dyn Write, diff: &Diff, format: DiffFormat) -> io::Result<()> {
    match format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &Json::of(diff))?;
            writeln!(out)
        }
        DiffFormat::Text => {
            for (mark, item, change) in lines(diff) {
                writeln!(
                    out,
                    "{mark} {}",
                    sanitize_terminal(&line(diff.subject, item, &change))
                )?;
            }
            writeln!(out, "{}", count_line(diff))
        }
        DiffFormat::Markdown => {
            writeln!(out, "| change | {} | what |", what_column(diff.subject))?;
            writeln!(out, "|---|---|---|")?;
            for (mark, item, change) in lines(diff) {
                let word = match mark {
                    '+' => "appeared",
                    '-' => "disappeared",
                    _ => "changed",
                };
                writeln!(
                    out,
                    "| {word} | {} | {} |",
                    escape_markdown(&place(diff.subject, item)),
                    escape_markdown(&detail(diff.subject, item, &change))
                )?;
            }
            writeln!(out, "\n{}", count_line(diff))
        }
    }
}

/// The one-line count: `statements: 3 appeared, 0 disappeared, 0 changed, 109 unchanged`.
pub fn count_line(diff: &Diff) -> String {
    let (noun, changed) = match diff.subject {
        Subject::Statements => ("statements", "changed"),
        Subject::Rows => ("track rows", "verdict changed"),
    };
    format!(
        "{noun}: {} appeared, {} disappeared, {} {changed}, {} unchanged",
        diff.appeared.len(),
        diff.disappeared.len(),
        diff.changed.len(),
        diff.unchanged
    )
}

/// For a change: the old item and the fields that differ.
type Before<'a> = Option<(&'a Value, &'a [String])>;

/// Each entry with its mark and, for a change, what it was.
fn lines(diff: &Diff) -> Vec<(char, &Value, Before<'_>)> {
    let mut out: Vec<(char, &Value, Before<'_>)> = Vec::new();
    out.extend(diff.appeared.iter().map(|v| ('+', v, None)));
    out.extend(diff.disappeared.iter().map(|v| ('-', v, None)));
    out.extend(
        diff.changed
            .iter()
            .map(|c| ('~', &c.new, Some((&c.old, c.fields.as_slice())))),
    );
    out
}

fn what_column(subject: Subject) -> &'static str {
    match subject {
        Subject::Statements => "statement",
        Subject::Rows => "row",
    }
}

fn line(subject: Subject, item: &Value, change: &Before<'_>) -> String {
    format!(
        "{}  {}",
        place(subject, item),
        detail(subject, item, change)
    )
}

/// Where the item stands: `doc:line target kind`, or `district year target [scope]`.
fn place(subject: Subject, item: &Value) -> String {
    let f = |name| field_text(item, name);
    match subject {
        Subject::Statements => {
            let line = item
                .pointer("/position/line")
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            format!("{}{line} {} {}", f("doc"), f("target"), f("kind"))
        }
        Subject::Rows => {
            let who = ["place", "district"]
                .iter()
                .map(|n| f(n))
                .find(|s| !s.is_empty())
                .unwrap_or_default();
            let scope = f("scope");
            let scope = if scope.is_empty() {
                String::new()
            } else {
                format!(" [{scope}]")
            };
            format!("{who} {} {}{scope}", f("year"), f("target"))
        }
    }
}

/// What the item says, or for a change what changed (`value 310 → 1`).
fn detail(subject: Subject, item: &Value, change: &Before<'_>) -> String {
    if let Some((old, fields)) = change {
        return fields
            .iter()
            .map(|name| {
                let was = field_text(old, name);
                let now = field_text(item, name);
                format!("{name} {} → {}", or_none(&was), or_none(&now))
            })
            .collect::<Vec<_>>()
            .join("; ");
    }
    let f = |name| field_text(item, name);
    match subject {
        Subject::Statements => {
            let upper = f("upper");
            let value = if upper.is_empty() {
                f("value")
            } else {
                format!("{}–{upper}", f("value"))
            };
            let scope = f("scope");
            let scope = if scope.is_empty() {
                String::new()
            } else {
                format!(" [{scope}]")
            };
            format!(
                "{} {} {value} {} {}{scope} «{}»",
                f("year"),
                f("period"),
                f("unit"),
                f("bound"),
                f("quote")
            )
        }
        Subject::Rows => f("status"),
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "(none)"
    } else {
        s
    }
}

/// The JSON shape: the counts first, then each list.
#[derive(serde::Serialize)]
struct Json<'a> {
    subject: Subject,
    counts: Counts,
    appeared: &'a [Value],
    disappeared: &'a [Value],
    changed: &'a [crate::diff::Change],
}

#[derive(serde::Serialize)]
struct Counts {
    appeared: usize,
    disappeared: usize,
    changed: usize,
    unchanged: usize,
}

impl<'a> Json<'a> {
    fn of(diff: &'a Diff) -> Json<'a> {
        Json {
            subject: diff.subject,
            counts: Counts {
                appeared: diff.appeared.len(),
                disappeared: diff.disappeared.len(),
                changed: diff.changed.len(),
                unchanged: diff.unchanged,
            },
            appeared: &diff.appeared,
            disappeared: &diff.disappeared,
            changed: &diff.changed,
        }
    }
}
