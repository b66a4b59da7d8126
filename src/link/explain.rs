//! Explain a link: for one place (by its code), target and year, every plan row with
//! every candidate outcome and why it was taken or passed over (year, period,
//! scope similarity, unit, measure), including outcomes of the same target in
//! other years. Backs `luoshi explain --link`.

use super::candidates::{classify, PlanSide};
use super::fulfilment::{Candidate, Fulfilment};
use super::{link, place_key, Context, GroupKey, LinkInput, PlaceKey};
use serde::Serialize;
use std::collections::HashMap;

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
    explain_where(input, |r| {
        r.target == target && r.year == year && r.place_code == place_code
    })
}

/// Explains every row [`link`] returns, in its order: what a report page
/// shows under each row. Linear in the rows and outcomes (the outcomes of
/// each district and target are indexed once).
pub fn explain_all(input: &LinkInput<'_>) -> Vec<RowExplanation> {
    explain_where(input, |_| true)
}

fn explain_where(input: &LinkInput<'_>, keep: impl Fn(&Fulfilment) -> bool) -> Vec<RowExplanation> {
    let context = Context::new(input);
    let mut years: HashMap<(PlaceKey<'_>, &str), Vec<&GroupKey<'_>>> = HashMap::new();
    for key in context.outcomes.keys() {
        years.entry((key.0, key.1)).or_default().push(key);
    }
    for keys in years.values_mut() {
        keys.sort();
    }
    link(input)
        .into_iter()
        .filter(|r| keep(r))
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
            let other_years = years
                .get(&(key, row.target.as_str()))
                .into_iter()
                .flatten()
                .flat_map(|k| context.outcomes.get(k))
                .filter(|p| p.outcome.year != row.year)
                .map(|p| classify(&side, p))
                .collect();
            RowExplanation { row, other_years }
        })
        .collect()
}
