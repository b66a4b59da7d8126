//! Unplanned results: outcomes of a district, target, area and year that no
//! plan in the input asked for. A mid-year report gives its growth rates, but
//! no report in the input set growth targets for that year; the honest row
//! says the result was reported and no target was found (`unplanned`, 无目标).
//!
//! Built only when [`LinkInput::include_unplanned`](super::LinkInput) asks,
//! from the outcome pool linking already holds (stated outcomes and flows
//! derived from stock pairs alike). An outcome belongs to a plan's row when
//! its area is the same as that of any plan of its district, target and year
//! ([`same_scope`]); the rest are grouped by area, one row per area. The row
//! has no plan, no ratio and no verdict beyond `unplanned`; its outcome is
//! the one a plan would have taken ([`candidates::preference`]: full year over
//! mid-year, stated over derived, final over 预计, latest report), and every
//! outcome of the area is listed as a candidate.

use super::candidates::{self, PlanSide, Pooled};
use super::fulfilment::{Candidate, Flag, Fulfilment, Status};
use super::scope::{cluster_by_scope, same_scope};
use super::{stock, Context, GroupKey};

/// The unplanned rows of one district, target and year, given the scopes of
/// the plans stated for it (empty when there are none).
pub(crate) fn build_rows(
    context: &Context<'_>,
    key: &GroupKey<'_>,
    plan_scopes: &[&str],
) -> Vec<Fulfilment> {
    let loose: Vec<&Pooled> = context
        .outcomes
        .get(key)
        .iter()
        .filter(|p| !plan_scopes.iter().any(|s| same_scope(s, &p.outcome.scope)))
        .collect();
    if loose.is_empty() {
        return Vec::new();
    }
    cluster_by_scope(loose, |p| p.outcome.scope.as_str())
        .into_iter()
        .filter_map(|area| build_row(key, area, context.place_names(key.0 .0)))
        .collect()
}

/// One row for the outcomes of one area; `None` when none of them could be a
/// result of the year (only flows derived over some other span).
/// `names`: the place's own and full name.
fn build_row(key: &GroupKey<'_>, area: Vec<&Pooled>, names: (&str, &str)) -> Option<Fulfilment> {
    let best = area
        .iter()
        .filter(|p| !p.outcome.derived || stock::spans_one_period(&p.outcome))
        .max_by_key(|p| candidates::preference(&p.outcome, p.rank, p.position))?;
    // The best outcome stands in for the missing plan, so the others are
    // classified against it exactly as they would be against a plan.
    let side = PlanSide {
        target: key.1,
        measure: best.outcome.measure,
        unit: &best.outcome.unit,
        scope: &best.outcome.scope,
        year: key.2,
    };
    let mut outcomes: Vec<Candidate> = area
        .iter()
        .map(|p| candidates::classify(&side, p))
        .collect();
    let (taken, conflicting) = candidates::choose(&mut outcomes, &area);
    let outcome = taken
        .and_then(|i| outcomes.get(i))
        .map(|c| c.outcome.clone())?;
    let mut flags = Vec::new();
    if conflicting {
        flags.push(Flag::Conflicting);
    }
    if outcome.estimated {
        flags.push(Flag::Estimated);
    }
    Some(Fulfilment {
        place_code: key.0 .0.to_owned(),
        place: names.0.to_owned(),
        place_name: names.1.to_owned(),
        target: key.1.to_owned(),
        measure: outcome.measure,
        scope: outcome.scope.clone(),
        year: key.2,
        status: Status::Unplanned,
        status_zh: Status::Unplanned.zh(),
        ratio: None,
        gap_pp: None,
        plan: None,
        plans: Vec::new(),
        outcome: Some(outcome),
        outcomes,
        drift: Vec::new(),
        flags,
        searched: Vec::new(),
        self_reports: Vec::new(),
    })
}
