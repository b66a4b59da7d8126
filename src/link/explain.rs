//! Explain a link: for one district, target and year, every plan row with
//! every candidate outcome and why it was taken or passed over (year, period,
//! scope similarity, unit, measure), including outcomes of the same target in
//! other years. Backs `luoshi explain --link`.

use super::candidates::{classify, PlanSide};
use super::fulfilment::{Candidate, Fulfilment};
use super::{district_key, link, Context, LinkInput};
use serde::Serialize;

/// One plan row and the outcomes of other years it passed over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowExplanation {
    pub row: Fulfilment,
    /// Outcomes of the same district and target about other years.
    pub other_years: Vec<Candidate>,
}

/// Explains the rows of one district (as [`district_matches`] reads it), target and year.
pub fn explain(
    input: &LinkInput<'_>,
    district: &str,
    target: &str,
    year: i32,
) -> Vec<RowExplanation> {
    let context = Context::new(input);
    link(input)
        .into_iter()
        .filter(|r| r.target == target && r.year == year && district_matches(&r.district, district))
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
            let key = district_key(&row.district, path);
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

/// Administrative suffixes a user may leave out (`白云` for `白云区`).
const DISTRICT_SUFFIXES: &[char] = &['区', '县', '市', '旗'];

/// Whether a district name matches what the user typed: equal, or equal
/// once the administrative suffix is dropped from both.
pub fn district_matches(district: &str, query: &str) -> bool {
    let query = query.trim();
    !query.is_empty()
        && (district == query
            || district.trim_end_matches(DISTRICT_SUFFIXES)
                == query.trim_end_matches(DISTRICT_SUFFIXES))
}

#[cfg(test)]
mod tests {
    use super::district_matches;

    #[test]
    fn a_district_may_be_named_without_its_suffix() {
        assert!(district_matches("白云区", "白云"));
        assert!(district_matches("白云区", "白云区"));
        assert!(!district_matches("白云区", "云"));
        assert!(!district_matches("白云区", ""));
    }
}
