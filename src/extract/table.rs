//! Indicator tables: each flattened row ("1.地区生产总值 / 增长7%以上 / 增长20.2%")
//! gives a plan from its target column and an outcome from its result column.

use super::compiled::CompiledRules;
use crate::document::{Document, IndicatorRow};
use crate::quantity::{scan_with, BoundWords, Direction, Quantity};
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
    let unit = row.unit.clone().map(|u| doc.text[u].trim());
    // A label that names a growth rate (`地区生产总值增速`) makes bare
    // percentages in its row rises.
    let growth_label = GROWTH_LABELS.iter().any(|w| label.contains(w));
    let cells = [
        (
            row.plan.clone(),
            Kind::Plan,
            Period::FY,
            growth_label || row.growth,
        ),
        (
            row.outcome.clone(),
            Kind::Outcome,
            row.period,
            growth_label || row.growth,
        ),
        (row.level.clone(), Kind::Outcome, row.period, false),
    ];
    for (cell, kind, period, rises) in cells {
        let Some(cell) = cell else { continue };
        // A cell may hold a level and a rate (`3150亿元左右,增长5%`): the
        // first quantity a target of the label takes is the cell's.
        let found = cell_quantities(&rules.bounds, &doc.text, cell.clone(), unit)
            .into_iter()
            .find_map(|mut quantity| {
                if quantity.direction.is_none()
                    && quantity.unit.canonical == "%"
                    && (rises || unit.is_some())
                {
                    quantity.direction = Some(Direction::Rise);
                }
                let fits = |t: &usize| {
                    let target = &rules.targets[*t];
                    target.accepts_unit(quantity.unit.canonical)
                        && (target.measure != Measure::Rate || quantity.direction.is_some())
                };
                let target = *targets.iter().find(|t| fits(t))?;
                Some((target, quantity))
            });
        let Some((target, quantity)) = found else {
            continue;
        };
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

/// Words in a row label that make its percentages growth rates.
const GROWTH_LABELS: &[&str] = &["增速", "增长", "增幅"];

/// The quantities of a cell, spans in the document's normalised text. A bare
/// number (`5.8`, `7左右`) takes the unit of the row's 单位 column.
fn cell_quantities(
    words: &BoundWords,
    text: &str,
    cell: Range<usize>,
    unit: Option<&str>,
) -> Vec<Quantity> {
    let body = &text[cell.clone()];
    let mut found = scan_with(body, words);
    if !found.is_empty() {
        found.iter_mut().for_each(|q| super::shift(q, cell.start));
        return found;
    }
    bare_quantity(words, body, cell, unit).into_iter().collect()
}

fn bare_quantity(
    words: &BoundWords,
    body: &str,
    cell: Range<usize>,
    unit: Option<&str>,
) -> Option<Quantity> {
    let unit = unit.filter(|u| !u.is_empty())?;
    let number_end = body
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+'))))
        .map_or(body.len(), |(i, _)| i);
    if number_end == 0 {
        return None;
    }
    let written = format!("{}{unit}{}", &body[..number_end], &body[number_end..]);
    let mut q = scan_with(&written, words).into_iter().next()?;
    q.span = cell.clone();
    q.number = cell.start..cell.start + number_end;
    Some(q)
}
