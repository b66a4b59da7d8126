//! Indicator tables: each flattened row ("1.地区生产总值 / 增长7%以上 / 增长20.2%")
//! gives a plan from its target column and an outcome from its result column.

use super::compiled::CompiledRules;
use crate::document::{Document, IndicatorRow};
use crate::quantity::{scan, Quantity};
use crate::statement::{Kind, Measure, Period};
use std::ops::Range;

/// A statement read from one table cell, before it becomes a `Statement`.
#[derive(Debug, Clone)]
pub struct CellMatch {
    pub target: usize,
    pub kind: Kind,
    pub year: i32,
    pub period: Period,
    pub quantity: Quantity,
    /// The cell, a byte range of the normalised text.
    pub cell: Range<usize>,
}

/// Statements of every indicator row of a document.
pub fn read_rows(rules: &CompiledRules, doc: &Document) -> Vec<CellMatch> {
    let mut out = Vec::new();
    for row in &doc.table {
        read_row(rules, doc, row, &mut out);
    }
    out
}

fn read_row(rules: &CompiledRules, doc: &Document, row: &IndicatorRow, out: &mut Vec<CellMatch>) {
    let label = &doc.text[row.label.clone()];
    let targets: Vec<usize> = rules
        .automaton
        .find_iter(label)
        .flat_map(|m| rules.uses[m.pattern().as_usize()].iter())
        .filter(|u| u.context.is_empty())
        .map(|u| u.target)
        .collect();
    let cells = [
        (row.plan.clone(), Kind::Plan, Period::FY),
        (row.outcome.clone(), Kind::Outcome, row.period),
    ];
    for (cell, kind, period) in cells {
        let Some(cell) = cell else { continue };
        let Some(mut quantity) = scan(&doc.text[cell.clone()]).into_iter().next() else {
            continue;
        };
        let fits = |t: &usize| {
            let target = &rules.targets[*t];
            target.accepts_unit(quantity.unit.canonical)
                && (target.measure != Measure::Rate || quantity.direction.is_some())
        };
        let Some(&target) = targets.iter().find(|t| fits(t)) else {
            continue;
        };
        quantity.span = quantity.span.start + cell.start..quantity.span.end + cell.start;
        quantity.number = quantity.number.start + cell.start..quantity.number.end + cell.start;
        out.push(CellMatch {
            target,
            kind,
            year: row.year,
            period,
            quantity,
            cell,
        });
    }
}
