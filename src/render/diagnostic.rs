//! Diagnostics: rule problems and failed examples as
//! `path:line:col: error: message`, the source line with the offending text
//! underlined, and a hint. Underlines are measured in terminal columns, so a
//! Chinese character gets two carets.

use super::text::sanitize_terminal;
use crate::render::statements::format_value;
use crate::rule_check::{
    CheckReport, ExampleReport, Expected, Found, Location, Outcome, Problem, Shadow,
};
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// Writes the whole report of `rules check`: problems, then examples that
/// did not behave, then the summary line.
pub fn write_report(out: &mut dyn Write, report: &CheckReport) -> io::Result<()> {
    for problem in &report.problems {
        write_problem(out, problem)?;
    }
    for example in &report.examples {
        write_example(out, example)?;
    }
    if !report.examples_run {
        writeln!(out, "examples not run: fix the errors first")?;
    }
    let s = report.summary();
    writeln!(
        out,
        "{}, {} matched, {} missed, {} noisy, {} wrong value, {}, {}",
        count(s.targets, "target"),
        count(s.matched, "example"),
        s.missed,
        s.noisy,
        s.wrong_value,
        count(s.warnings, "warning"),
        count(s.errors, "error")
    )
}

/// `1 target`, `2 targets`.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// One problem with its source line and hint.
pub fn write_problem(out: &mut dyn Write, problem: &Problem) -> io::Result<()> {
    write_diagnostic(
        out,
        &problem.location,
        problem.severity.as_str(),
        &problem.message,
        problem.hint.as_deref(),
    )
}

/// One example that did not behave; nothing for one that did.
pub fn write_example(out: &mut dyn Write, report: &ExampleReport) -> io::Result<()> {
    let target = &report.target;
    let (label, message) = match (&report.outcome, &report.expected) {
        (Outcome::Matched, _) => return Ok(()),
        (Outcome::Missed, Some(expected)) => (
            "missed",
            format!(
                "`{target}` should give {}, found nothing",
                expected_text(expected)
            ),
        ),
        (Outcome::WrongValue { found }, Some(expected)) => (
            "wrong value",
            format!(
                "`{target}` should give {}, found {}",
                expected_text(expected),
                found_text(found)
            ),
        ),
        (Outcome::Noisy { found }, Some(expected)) => (
            "noisy",
            format!(
                "`{target}` gives {} as it should, and also {}",
                expected_text(expected),
                found_text(found)
            ),
        ),
        (Outcome::Noisy { found }, None) => (
            "noisy",
            format!("counter-example gave `{target}` {}", found_text(found)),
        ),
        (Outcome::Missed | Outcome::WrongValue { .. }, None) => {
            ("missed", format!("`{target}` found nothing"))
        }
    };
    let explain = format!(
        "`luoshi explain --text \"{}\"` shows what each rule saw",
        sanitize_terminal(&report.text).replace('"', "\\\"")
    );
    let hint = report
        .shadows
        .iter()
        .map(shadow_text)
        .chain(std::iter::once(explain))
        .collect::<Vec<_>>()
        .join("; ");
    write_diagnostic(out, &report.location, label, &message, Some(&hint))
}

/// Which term won, and by which rule (see docs/rules.md, "How terms compete").
fn shadow_text(shadow: &Shadow) -> String {
    match shadow {
        Shadow::LongerTerm {
            term,
            longer,
            winner,
        } => format!(
            "`{term}` stands inside `{longer}`, a term of `{winner}`, and the longest term wins"
        ),
        Shadow::CloserTerm {
            term,
            closer,
            winner,
            quantity,
        } => format!(
            "`{closer}`, a term of `{winner}`, stands nearer `{quantity}` than `{term}` and takes it"
        ),
    }
}

fn expected_text(e: &Expected) -> String {
    let mut text = format!("{} {}", format_value(e.value), e.unit);
    if let Some(kind) = e.kind {
        text.push_str(&format!(" ({kind})"));
    }
    if let Some(scope) = &e.scope {
        text.push_str(&format!(" in scope `{scope}`"));
    }
    text
}

fn found_text(found: &[Found]) -> String {
    found
        .iter()
        .map(|f| {
            let mut text = format!("{} {} ({})", format_value(f.value), f.unit, f.kind);
            if !f.scope.is_empty() {
                text.push_str(&format!(" in scope `{}`", sanitize_terminal(&f.scope)));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The common shape of every diagnostic.
pub fn write_diagnostic(
    out: &mut dyn Write,
    at: &Location,
    label: &str,
    message: &str,
    hint: Option<&str>,
) -> io::Result<()> {
    writeln!(
        out,
        "{}:{}:{}: {label}: {}",
        at.path.display(),
        at.line,
        at.column,
        sanitize_terminal(message)
    )?;
    let number = at.line.to_string();
    let gutter = " ".repeat(number.len());
    let text = &at.line_text;
    let before = text.get(..at.underline.start).unwrap_or("");
    let marked = text.get(at.underline.clone()).unwrap_or("");
    writeln!(out, "{number} | {}", sanitize_terminal(text).trim_end())?;
    writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(columns(before)),
        "^".repeat(columns(marked).max(1))
    )?;
    if let Some(hint) = hint {
        writeln!(out, "{gutter} = hint: {}", sanitize_terminal(hint))?;
    }
    Ok(())
}

/// Terminal columns of text as printed (control characters print as one space).
pub fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if c.is_control() {
                1
            } else {
                c.width().unwrap_or(0)
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule_check::Severity;
    use std::path::Path;

    #[test]
    fn chinese_text_is_underlined_two_columns_a_character() {
        let text = "[[target]]\nunit = \"亩亩\" # 面积\n";
        let start = text.find('"').unwrap_or(0);
        let problem = Problem {
            severity: Severity::Error,
            location: Location::new(Path::new("a.toml"), text, start..start + 8),
            message: "unknown unit `亩亩`".into(),
            hint: Some("did you mean `亩`?".into()),
        };
        let mut out = Vec::new();
        write_problem(&mut out, &problem).ok();
        assert_eq!(
            String::from_utf8_lossy(&out),
            "a.toml:2:8: error: unknown unit `亩亩`\n\
             2 | unit = \"亩亩\" # 面积\n  |        ^^^^^^\n  = hint: did you mean `亩`?\n"
        );
    }

    #[test]
    fn control_characters_in_a_rule_file_do_not_reach_the_terminal() {
        let text = "id = \"\u{1b}[31mx\"";
        let loc = Location::new(Path::new("a.toml"), text, 5..text.len());
        let mut out = Vec::new();
        write_diagnostic(&mut out, &loc, "error", "bad", None).ok();
        assert!(!String::from_utf8_lossy(&out).contains('\u{1b}'));
    }
}
