//! Fulfilment rows as a table grouped by place and year (with a summary
//! line per place), CSV (one flat row per plan), JSON or Markdown; and the
//! explanation of one link for `explain --link`. An `unplanned` row (a result
//! no plan asked for) shows `—` for its plan in tables, empty plan columns in
//! CSV and `"plan": null` in JSON.

use super::statements::format_value;
use super::text::{escape_markdown, sanitize_terminal};
use crate::link::{Fulfilment, OutcomeRef, PlanSource, Status};
use crate::render::Format;
use crate::statement::{Bound, Measure};
use std::collections::HashMap;
use std::io::{self, Write};

mod csv;
mod explanation;
mod legend;
#[cfg(test)]
mod tests;

pub use explanation::write_explanation;

/// Chinese name of each target id.
pub type TargetNames = HashMap<String, String>;

/// Writes fulfilment rows in the given format (tsv is refused by the command).
/// With `unplanned` (rows without a plan were asked for), the per-place
/// summary of a table also counts them.
pub fn write(
    out: &mut dyn Write,
    rows: &[Fulfilment],
    format: Format,
    names: &TargetNames,
    unplanned: bool,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Csv | Format::Tsv => csv::write(out, rows, names),
        // The page and the database are written from a `Record` instead.
        Format::Table | Format::Markdown | Format::Html | Format::Sqlite => {
            write_grouped(out, rows, format == Format::Markdown, names, unplanned)
        }
    }
}

pub(crate) fn target_name(names: &TargetNames, id: &str) -> String {
    names.get(id).cloned().unwrap_or_else(|| id.to_owned())
}

/// `≥7 %`, `≈4000 亩`, `2.5–3 万个`, followed by the hedge word.
pub fn plan_cell(p: &PlanSource) -> String {
    let sign = match p.bound {
        Bound::AtLeast => "≥",
        Bound::About => "≈",
        Bound::AtMost => "≤",
        Bound::Exact => "",
    };
    let value = match p.upper {
        Some(u) => format!("{}–{}", format_value(p.value), format_value(u)),
        None => format_value(p.value),
    };
    let hedge = if p.hedge.is_empty() {
        String::new()
    } else {
        format!(" {}", p.hedge)
    };
    format!("{sign}{value} {}{hedge}", p.unit)
}

/// `7479.42 亩 FY`, marked when estimated or derived.
pub fn outcome_cell(o: &OutcomeRef) -> String {
    let mut cell = format!("{} {} {}", format_value(o.value), o.unit, o.period);
    if o.estimated {
        cell.push_str(" 预计");
    }
    if o.derived {
        cell.push_str(" (derived)");
    }
    cell
}

/// Ratio in percent for flows and stocks, gap in points for rates.
pub fn fulfilment_cell(row: &Fulfilment) -> String {
    match (row.ratio, row.gap_pp) {
        (_, Some(gap)) if row.measure == Measure::Rate => format!("{gap:+.1} pp"),
        (Some(r), _) => format!("{:.1}%", r * 100.0),
        _ => String::new(),
    }
}

pub(crate) fn flag_words(row: &Fulfilment) -> Vec<&'static str> {
    row.flags.iter().map(|f| f.as_str()).collect()
}

fn sources_cell(row: &Fulfilment) -> String {
    let mut parts: Vec<String> = row
        .plans
        .iter()
        .map(|p| format!("{}:{}", p.doc, p.line))
        .collect();
    parts.dedup();
    let mut lines = Vec::new();
    if !parts.is_empty() {
        lines.push(format!("plan {}", first_and_more(&parts)));
    }
    if let Some(o) = &row.outcome {
        lines.push(format!("outcome {}:{}", o.doc, o.line));
        for p in &o.derived_from {
            lines.push(format!("  from {}:{}", p.doc, p.line));
        }
    }
    if !row.searched.is_empty() {
        let docs: Vec<String> = row.searched.iter().map(|s| s.doc.clone()).collect();
        lines.push(format!("searched {}", first_and_more(&docs)));
    }
    lines.join("\n")
}

/// `a.txt:3 +2 more`, or every item with `--wide`.
fn first_and_more(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        _ if crate::render::wide() => items.join(", "),
        [first, rest @ ..] => format!("{first} +{} more", rest.len()),
    }
}

fn write_grouped(
    out: &mut dyn Write,
    rows: &[Fulfilment],
    markdown: bool,
    names: &TargetNames,
    unplanned: bool,
) -> io::Result<()> {
    let clean = |s: &str| {
        if markdown {
            escape_markdown(s)
        } else {
            sanitize_terminal(s)
        }
    };
    let mut start = 0;
    while start < rows.len() {
        let first = &rows[start];
        let end = rows[start..]
            .iter()
            .position(|r| (&r.place_code, r.year) != (&first.place_code, first.year))
            .map_or(rows.len(), |n| start + n);
        let heading = format!("{} {}", clean(&place_label(first)), first.year);
        if markdown {
            writeln!(out, "### {heading}\n")?;
        } else {
            writeln!(out, "{heading}")?;
        }
        let mut table = crate::render::grid(
            [
                "target",
                "scope",
                "plan",
                "outcome",
                "fulfilment",
                "status",
                "sources",
            ],
            markdown,
        );
        for row in &rows[start..end] {
            let mut status = format!("{} {}", row.status_zh, row.status);
            if !row.flags.is_empty() {
                status.push_str(&format!("\n[{}]", flag_words(row).join(", ")));
            }
            let cells = [
                target_name(names, &row.target),
                row.scope.clone(),
                row.plan.as_ref().map_or_else(|| "—".to_owned(), plan_cell),
                row.outcome.as_ref().map(outcome_cell).unwrap_or_default(),
                fulfilment_cell(row),
                status,
                sources_cell(row),
            ];
            table.add_row(cells.map(|c| {
                if markdown {
                    c.split('\n')
                        .map(escape_markdown)
                        .collect::<Vec<_>>()
                        .join("<br>")
                } else {
                    sanitize_terminal_keep_lines(&c)
                }
            }));
        }
        writeln!(out, "{table}\n")?;
        start = end;
    }
    for line in place_summaries(rows, unplanned) {
        writeln!(out, "{}", clean(&line))?;
    }
    let legend = legend::lines(rows);
    if !legend.is_empty() {
        writeln!(out)?;
        for line in legend {
            writeln!(out, "{}", clean(&line))?;
        }
    }
    Ok(())
}

/// Document text made safe for a terminal, line breaks of our own kept.
fn sanitize_terminal_keep_lines(s: &str) -> String {
    s.split('\n')
        .map(sanitize_terminal)
        .collect::<Vec<_>>()
        .join("\n")
}

/// How a row's place is shown: its full name and code (`广东省广州市白云区
/// (440111)`), so two places of one name read apart.
pub fn place_label(row: &Fulfilment) -> String {
    let name = if row.place_name.is_empty() {
        &row.place
    } else {
        &row.place_name
    };
    match (name.is_empty(), row.place_code.is_empty()) {
        (_, true) => "(place unknown)".to_owned(),
        (true, false) => row.place_code.clone(),
        (false, false) => format!("{name} ({})", row.place_code),
    }
}

/// One line per place: plans (one per row with a plan, so a target
/// planned in two years counts twice), met or exceeded, short, in progress,
/// unreported, pending; with `unplanned`, also the results no plan asked for
/// (which are not plans, so not in the count of plans).
pub fn place_summaries(rows: &[Fulfilment], unplanned: bool) -> Vec<String> {
    let mut order: Vec<(&str, String)> = Vec::new();
    let mut counts: HashMap<&str, [usize; 8]> = HashMap::new();
    for row in rows {
        let entry = counts.entry(row.place_code.as_str()).or_insert_with(|| {
            order.push((row.place_code.as_str(), place_label(row)));
            [0; 8]
        });
        if let Some(i) = Status::ALL.iter().position(|s| *s == row.status) {
            entry[i] += 1;
        }
    }
    order
        .into_iter()
        .map(|(d, name)| {
            let [exceeded, met, short, on, behind, unreported, pending, without_plan] = counts.get(d).copied().unwrap_or([0; 8]);
            let total = exceeded + met + short + on + behind + unreported + pending;
            let mut line = format!(
                "{name}: plans {total}, met or exceeded {}, short {short}, on pace {on}, behind pace {behind}, unreported {unreported}, pending {pending}",
                exceeded + met
            );
            if unplanned {
                line.push_str(&format!(", unplanned {without_plan}"));
            }
            line
        })
        .collect()
}
