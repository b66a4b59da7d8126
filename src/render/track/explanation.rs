//! The explanation of one link (`explain --link`): each plan row with every
//! candidate outcome and the reason it was taken or passed over.

use super::{outcome_cell, plan_cell, target_name, TargetNames};
use crate::link::explain::RowExplanation;
use crate::link::Candidate;
use crate::render::text::sanitize_terminal;
use std::io::{self, Write};

/// Writes why each candidate outcome of the explained rows was taken or passed over.
pub fn write_explanation(
    out: &mut dyn Write,
    rows: &[RowExplanation],
    names: &TargetNames,
    query: (&str, &str, i32),
) -> io::Result<()> {
    let (place, target, year) = query;
    if rows.is_empty() {
        return writeln!(
            out,
            "no plan for {target} in {year} in {}",
            sanitize_terminal(place)
        );
    }
    for e in rows {
        let row = &e.row;
        let scope = if row.scope.is_empty() {
            "whole place".to_owned()
        } else {
            sanitize_terminal(&row.scope)
        };
        writeln!(
            out,
            "{} {} {} ({}), {scope}: {} {}",
            sanitize_terminal(&super::place_label(row)),
            row.year,
            row.target,
            target_name(names, &row.target),
            row.status_zh,
            row.status
        )?;
        for p in &row.plans {
            writeln!(
                out,
                "  plan {} at {}:{}  「{}」",
                plan_cell(p),
                p.doc,
                p.line,
                sanitize_terminal(&p.quote)
            )?;
        }
        let mut table = crate::render::grid(
            [
                "decision",
                "outcome",
                "target",
                "year",
                "scope (similarity)",
                "measure",
                "source",
                "quote",
            ],
            false,
        );
        for c in row.outcomes.iter().chain(&row.drift).chain(&e.other_years) {
            table.add_row(candidate_cells(c));
        }
        if row.outcomes.is_empty() && row.drift.is_empty() && e.other_years.is_empty() {
            writeln!(out, "  no candidate outcome")?;
        } else {
            writeln!(out, "{table}")?;
        }
        if !row.searched.is_empty() {
            let docs: Vec<String> = row
                .searched
                .iter()
                .map(|s| format!("{} ({})", s.doc, s.period))
                .collect();
            writeln!(
                out,
                "  reports reviewing {} searched: {}",
                row.year,
                docs.join(", ")
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn candidate_cells(c: &Candidate) -> [String; 8] {
    let o = &c.outcome;
    let scope = if o.scope.is_empty() {
        "whole place"
    } else {
        o.scope.as_str()
    };
    [
        c.decision.reason().to_owned(),
        outcome_cell(o),
        o.target.clone(),
        o.year.to_string(),
        format!("{} ({:.2})", sanitize_terminal(scope), c.scope_similarity),
        o.measure.to_string(),
        format!("{}:{}", o.doc, o.line),
        sanitize_terminal(&o.quote),
    ]
}
