//! Explain a link: for one place (by its code), target and year, every plan row with
//! every candidate outcome and why it was taken or passed over (year, period,
//! scope similarity, unit, measure), including outcomes of the same target in
//! other years. Backs `luoshi explain --link`.

use super::candidates::{classify, PlanSide};
use super::fulfilment::{Candidate, Fulfilment};
use super::{link, place_key, Context, LinkInput};
use serde::Serialize;

/// One plan row and the outcomes of other years it passed over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowExplanation {
    pub row: Fulfilment,
    /// Outcomes of the same place and target about other years.
    pub other_years: Vec<Candidate>,
}

/// Explains the rows of one place (its code, see [`crate::place::resolve`]), target and year.
pub fn explain(
    input: &LinkInput<'_>,
    place_code: &str,
    target: &str,
    year: i32,
) -> Vec<RowExplanation> {
    let context = Context::new(input);
    link(input)
        .into_iter()
        .filter(|r| r.target == target && r.year == year && r.place_code == place_code)
        .map(|row| {
            // An `unplanned` row has no plan: its outcome stands in for it.
            let (unit, path) = match (&row.plan, &row.outcome) {
                (Some(p), _) => (p.unit.as_str(), p.path.as_str()),
                (None, Some(o)) => (o.unit.as_str(), o.path.as_str()),
                (None, None) => ("", ""),
            };
            let side = PlanSide {
                target: &row.target,
                measure: row.measure,
                unit,
                scope: &row.scope,
                year: row.year,
            };
            let key = place_key(&row.place_code, path);
            let other_years = context
                .outcomes
                .all_years(key, &row.target)
                .into_iter()
                .filter(|p| p.outcome.year != row.year)
                .map(|p| classify(&side, p))
                .collect();
            RowExplanation { row, other_years }
        })
        .collect()
}
