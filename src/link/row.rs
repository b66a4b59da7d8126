//! Rows: one plan group (district, target, year, unit, area) becomes one
//! [`Fulfilment`]: the plan judged against, its candidates, the verdict and
//! the flags.

use super::candidates::{self, PlanSide, Pooled};
use super::fulfilment::{
    Candidate, Decision, Flag, Fulfilment, PlanSource, SelfReportCheck, Status,
};
use super::judge::{above_range, judge, Planned, SELF_REPORT_TOLERANCE_PP};
use super::scope::{cluster_by_scope, same_scope};
use super::{Context, GroupKey};
use crate::statement::{Period, Statement};
use std::collections::BTreeMap;

/// Every row for the plans of one district, target and year.
pub(crate) fn build_rows(
    context: &Context<'_>,
    key: &GroupKey<'_>,
    group: Vec<&Statement>,
) -> Vec<Fulfilment> {
    let mut by_unit: BTreeMap<(&str, &str), Vec<&Statement>> = BTreeMap::new();
    for s in group {
        by_unit
            .entry((s.unit.as_str(), s.measure.as_str()))
            .or_default()
            .push(s);
    }
    by_unit
        .into_values()
        .flat_map(|plans| cluster_by_scope(plans, |s| s.scope.as_str()))
        .filter_map(|plans| build_row(context, key, plans))
        .collect()
}

fn build_row(
    context: &Context<'_>,
    key: &GroupKey<'_>,
    mut plans: Vec<&Statement>,
) -> Option<Fulfilment> {
    plans.sort_by_key(|s| (context.rank(&s.path), s.position.start));
    let current = *plans.last()?;
    let sources: Vec<PlanSource> = plans.iter().map(|s| plan_source(s)).collect();
    let revised = plans
        .iter()
        .any(|s| !super::judge::same_value(s.value, current.value));
    let side = PlanSide {
        target: &current.target,
        measure: current.measure,
        unit: &current.unit,
        scope: &current.scope,
        year: current.year,
    };
    let pooled: Vec<&Pooled> = context.outcomes.get(key).iter().collect();
    let mut outcomes: Vec<Candidate> = pooled
        .iter()
        .map(|p| candidates::classify(&side, p))
        .collect();
    let (taken, conflicting) = candidates::choose(&mut outcomes, &pooled);
    let drift = candidates::drift(
        &side,
        key.0,
        &context.outcomes,
        context.relations,
        &outcomes,
    );
    let reviews = context
        .reviews
        .get(&(key.0, key.2))
        .cloned()
        .unwrap_or_default();
    let full_year_review = reviews.iter().any(|r| r.period == Period::FY);

    let mut outcome = taken
        .and_then(|i| outcomes.get(i))
        .map(|c| c.outcome.clone());
    let planned = Planned {
        measure: current.measure,
        value: current.value,
        upper: current.upper,
        bound: current.bound,
    };
    let (status, ratio, gap_pp) = match &outcome {
        Some(o) if o.period == Period::FY || !full_year_review => {
            let j = judge(planned, o.value, o.period);
            (j.status, j.ratio, j.gap_pp)
        }
        Some(_) | None if full_year_review => {
            // The year was reviewed in full and the review is silent: the
            // mid-year figure, if any, stays visible among the candidates.
            if let Some(c) = taken.and_then(|i| outcomes.get_mut(i)) {
                c.decision = Decision::Superseded;
            }
            outcome = None;
            (Status::Unreported, None, None)
        }
        _ => (Status::Pending, None, None),
    };
    let has_full_year = outcome.as_ref().is_some_and(|o| o.period == Period::FY);
    let searched = if has_full_year { Vec::new() } else { reviews };

    let self_reports = check_self_reports(context, key, current, &sources, &outcomes);
    let mut flags = Vec::new();
    if conflicting {
        flags.push(Flag::Conflicting);
    }
    if revised {
        flags.push(Flag::TargetRevised);
    }
    if self_reports.iter().any(|c| c.agrees == Some(false)) {
        flags.push(Flag::SelfReportMismatch);
    }
    if outcome.as_ref().is_some_and(|o| o.estimated) {
        flags.push(Flag::Estimated);
    }
    if outcome.is_none() && !drift.is_empty() {
        flags.push(Flag::IndicatorDrift);
    }
    if outcome
        .as_ref()
        .is_some_and(|o| o.period == Period::FY && above_range(&planned, o.value))
    {
        flags.push(Flag::AboveRange);
    }
    Some(Fulfilment {
        place_code: current.place_code.clone(),
        place: current.place.clone(),
        place_name: current.place_name.clone(),
        target: current.target.clone(),
        measure: current.measure,
        scope: current.scope.clone(),
        year: current.year,
        status,
        status_zh: status.zh(),
        ratio,
        gap_pp,
        plan: Some(plan_source(current)),
        plans: sources,
        outcome,
        outcomes,
        drift,
        flags,
        searched,
        self_reports,
    })
}

pub(crate) fn plan_source(s: &Statement) -> PlanSource {
    PlanSource {
        value: s.value,
        upper: s.upper,
        unit: s.unit.clone(),
        bound: s.bound,
        hedge: s.hedge.clone(),
        scope: s.scope.clone(),
        doc: s.doc.clone(),
        path: s.path.clone(),
        line: s.position.line,
        quote: s.quote.clone(),
    }
}

/// Checks each completion ratio a report states about this plan against
/// outcome / plan, both taken from that report where it states them.
fn check_self_reports(
    context: &Context<'_>,
    key: &GroupKey<'_>,
    current: &Statement,
    plans: &[PlanSource],
    outcomes: &[Candidate],
) -> Vec<SelfReportCheck> {
    let Some(reports) = context.self_reports.get(key) else {
        return Vec::new();
    };
    reports
        .iter()
        .filter(|r| same_scope(&r.scope, &current.scope))
        .map(|r| {
            let plan = plans
                .iter()
                .rev()
                .find(|p| p.path == r.path)
                .map_or(current.value, |p| p.value);
            let comparable =
                |c: &&Candidate| matches!(c.decision, Decision::Taken | Decision::Superseded);
            let outcome = outcomes
                .iter()
                .filter(comparable)
                .find(|c| c.outcome.path == r.path)
                .or_else(|| outcomes.iter().find(|c| c.decision == Decision::Taken))
                .map(|c| c.outcome.value);
            let computed = outcome
                .filter(|_| plan.abs() > f64::EPSILON)
                .map(|o| o / plan * 100.0);
            SelfReportCheck {
                doc: r.doc.clone(),
                line: r.line,
                quote: r.quote.clone(),
                stated_percent: r.ratio_percent,
                computed_percent: computed.map(|c| (c * 100.0).round() / 100.0),
                agrees: computed.map(|c| (c - r.ratio_percent).abs() <= SELF_REPORT_TOLERANCE_PP),
            }
        })
        .collect()
}
