//! The result of `eval`: scores, then every miss and false positive.

use super::statements::format_value;
use super::text::sanitize_terminal;
use crate::eval::Evaluation;
use crate::render::Format;
use std::io::{self, Write};

/// Writes an evaluation as a table report or JSON.
pub fn write(out: &mut dyn Write, e: &Evaluation, format: Format) -> io::Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, e)?;
        return writeln!(out);
    }
    writeln!(out, "documents scored: {}", e.documents.join(", "))?;
    writeln!(
        out,
        "precision {:.3}  recall {:.3}  f1 {:.3}  ({} matched, {} false positives, {} misses)",
        e.precision,
        e.recall,
        e.f1,
        e.overall.true_positives,
        e.overall.false_positives,
        e.overall.misses
    )?;
    let mut table = super::grid(
        [
            "target",
            "precision",
            "recall",
            "f1",
            "matched",
            "false pos.",
            "missed",
        ],
        false,
    );
    for (target, s) in &e.per_target {
        table.add_row([
            target.clone(),
            format!("{:.2}", s.precision),
            format!("{:.2}", s.recall),
            format!("{:.2}", s.f1),
            s.true_positives.to_string(),
            s.false_positives.to_string(),
            s.misses.to_string(),
        ]);
    }
    writeln!(out, "{table}")?;
    if !e.misses.is_empty() {
        writeln!(out, "\nmisses:")?;
        for g in &e.misses {
            writeln!(
                out,
                "  gold:{} {} {} {} {} {} {}{}  {}",
                g.line,
                g.doc,
                g.kind,
                g.target,
                g.year,
                g.period,
                format_value(g.value),
                g.unit,
                sanitize_terminal(&g.quote)
            )?;
        }
    }
    if !e.false_positives.is_empty() {
        writeln!(out, "\nfalse positives:")?;
        for s in &e.false_positives {
            writeln!(
                out,
                "  {}:{}:{} {} {} {} {} {}{}  {}",
                s.doc,
                s.position.line,
                s.position.column,
                s.kind,
                s.target,
                s.year,
                s.period,
                format_value(s.value),
                s.unit,
                sanitize_terminal(&s.quote)
            )?;
        }
    }
    Ok(())
}
