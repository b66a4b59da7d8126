//! Stocks: running totals reported at two dates give the flow between them.
//!
//! A report says "累计建成5G基站7788个" at mid-2021 and another "累计建成…" at
//! the end of 2020; the difference is what was built in the first half of
//! 2021. Each stock statement of a target whose rule names the flow it
//! accumulates (`stock_of`, see [`TargetRelations`]) is paired with the
//! year-end figure of the year before, or, failing that, with the figure just
//! before it; the difference becomes a derived outcome of that flow target,
//! marked `derived` and naming both stock statements. Only a year-end to
//! year-end difference (a full year) or a year-end to mid-year difference (a
//! first half) is compared with a plan; other spans are shown but passed over.

use super::candidates::{outcome_of, Pooled};
use super::fulfilment::{OutcomeRef, StockPoint};
use super::relations::TargetRelations;
use super::scope::cluster_by_scope;
use super::{place_key, GroupKey, PlaceKey};
use crate::statement::{Kind, Measure, Period, Statement};
use std::collections::{BTreeMap, HashMap};

/// Every flow derived from pairs of stock statements, with its district.
pub(crate) fn derive_flows<'a>(
    statements: &'a [Statement],
    relations: &'a TargetRelations,
    ranks: &HashMap<&str, usize>,
) -> Vec<(GroupKey<'a>, Pooled)> {
    let rank = |s: &Statement| ranks.get(s.path.as_str()).copied().unwrap_or(0);
    let mut stocks: BTreeMap<(PlaceKey<'a>, &str, &str), Vec<&Statement>> = BTreeMap::new();
    for s in statements {
        if s.kind == Kind::Outcome
            && s.measure == Measure::Stock
            && relations.flow_of(&s.target).is_some()
        {
            stocks
                .entry((
                    place_key(&s.place_code, &s.path),
                    s.target.as_str(),
                    s.unit.as_str(),
                ))
                .or_default()
                .push(s);
        }
    }
    let mut out = Vec::new();
    for ((district, target, _unit), group) in stocks {
        let Some(flow_target) = relations.flow_of(target) else {
            continue;
        };
        for area in cluster_by_scope(group, |s| s.scope.as_str()) {
            // One figure per date: final over 预计, then the latest report.
            let mut points: BTreeMap<(i32, Period), &Statement> = BTreeMap::new();
            for s in area {
                let better = points.get(&(s.year, s.period)).is_none_or(|held| {
                    (!s.estimated, rank(s), s.position.start)
                        > (!held.estimated, rank(held), held.position.start)
                });
                if better {
                    points.insert((s.year, s.period), s);
                }
            }
            let dates: Vec<(i32, Period)> = points.keys().copied().collect();
            for pair in dates.windows(2) {
                let [before, at] = pair else { continue };
                let start = points
                    .get(&(at.0.saturating_sub(1), Period::FY))
                    .or_else(|| points.get(before));
                let (Some(earlier), Some(later)) = (start, points.get(at)) else {
                    continue;
                };
                let outcome = derived_outcome(flow_target, earlier, later);
                out.push((
                    (district, flow_target, later.year),
                    Pooled {
                        outcome,
                        rank: rank(later),
                        position: later.position.start,
                    },
                ));
            }
        }
    }
    out
}

fn derived_outcome(flow_target: &str, earlier: &Statement, later: &Statement) -> OutcomeRef {
    OutcomeRef {
        target: flow_target.to_owned(),
        value: later.value - earlier.value,
        measure: Measure::Flow,
        estimated: earlier.estimated || later.estimated,
        derived: true,
        derived_from: vec![point(earlier), point(later)],
        ..outcome_of(later)
    }
}

fn point(s: &Statement) -> StockPoint {
    StockPoint {
        target: s.target.clone(),
        value: s.value,
        year: s.year,
        period: s.period,
        doc: s.doc.clone(),
        line: s.position.line,
        quote: s.quote.clone(),
    }
}

/// Whether a derived flow covers exactly one plan period: from the year-end
/// before its year to the end (or middle) of its year.
pub fn spans_one_period(outcome: &OutcomeRef) -> bool {
    match outcome.derived_from.as_slice() {
        [from, to] => {
            from.year == outcome.year.saturating_sub(1)
                && from.period == Period::FY
                && to.year == outcome.year
                && to.period == outcome.period
        }
        _ => false,
    }
}
