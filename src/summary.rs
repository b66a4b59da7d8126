//! Summary: what researchers of target-setting measure, computed from the
//! fulfilment rows `link` returns. Per indicator and administrative level:
//! the share of judged targets met, the distribution of the result against
//! the target (outcome − target in points for rates, outcome / target for
//! flows and stocks) as a histogram, how many results land just above or
//! just below the target (within [`NEAR_POINTS`] points, what studies of
//! target manipulation count), and, where a place's parent set a target for
//! the same indicator and year, the escalation between them (层层加码:
//! child's target − parent's, for rates).
//!
//! Where a place sits (its level, its parent) comes from a [`PlaceTree`];
//! rows whose place is not in the tree count under an unknown level and have
//! no parent.

use crate::link::{Fulfilment, Status};
use crate::statement::Measure;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// "Just above" or "just below" the target: within this many points (for
/// rates, percentage points of the rate; for flows and stocks, points of
/// the target, i.e. a ratio within 0.5 % of 1).
pub const NEAR_POINTS: f64 = 0.5;

/// Histogram bins for rates: outcome − target in percentage points.
const RATE_EDGES: [f64; 13] = [
    -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0,
];
/// Histogram bins for flows and stocks: outcome / target.
const RATIO_EDGES: [f64; 12] = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5, 2.0, 3.0];

/// Where each place sits: its level (`province`, `city`, `county`) and the
/// key of its parent place. Keyed by the place as rows name it.
#[derive(Debug, Clone, Default)]
pub struct PlaceTree {
    places: HashMap<String, PlaceNode>,
}

#[derive(Debug, Clone, Default)]
struct PlaceNode {
    level: String,
    parent: Option<String>,
}

impl PlaceTree {
    /// Records a place's level and parent.
    pub fn insert(&mut self, place: &str, level: &str, parent: Option<&str>) {
        self.places.insert(
            place.to_owned(),
            PlaceNode {
                level: level.to_owned(),
                parent: parent.map(str::to_owned),
            },
        );
    }

    /// The level of a place; empty when unknown.
    pub fn level(&self, place: &str) -> &str {
        self.places.get(place).map_or("", |p| p.level.as_str())
    }

    /// Every place of `rows` by its code, with the level and parent the
    /// division table gives (ancestors included, so a county's province is
    /// known too).
    pub fn of_rows(rows: &[crate::link::Fulfilment]) -> PlaceTree {
        let table = crate::place::table();
        let mut tree = PlaceTree::default();
        let mut pending: Vec<String> = rows.iter().map(|r| r.place_code.clone()).collect();
        while let Some(code) = pending.pop() {
            if code.is_empty() || tree.places.contains_key(&code) {
                continue;
            }
            if let Some(place) = table.place_of_code(&code) {
                tree.insert(&code, place.level.as_str(), place.parent.as_deref());
                pending.extend(place.parent.clone());
            }
        }
        tree
    }

    /// The parent of a place, when known.
    pub fn parent(&self, place: &str) -> Option<&str> {
        self.places.get(place).and_then(|p| p.parent.as_deref())
    }
}

/// One bin of a histogram: `from <= x < to`; an open end is `None`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub count: usize,
}

/// A child's target set against its parent's for the same indicator and year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    pub place: String,
    pub parent: String,
    pub year: i32,
    pub target_value: f64,
    pub parent_value: f64,
    /// Child's target − parent's, in percentage points.
    pub difference: f64,
}

/// The statistics of one indicator at one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorSummary {
    pub target: String,
    pub measure: Measure,
    /// Administrative level of the places; empty when unknown.
    pub level: String,
    /// Rows with a plan.
    pub targets: usize,
    /// Plans with a full-year verdict (exceeded, met or short).
    pub judged: usize,
    /// Judged plans met or exceeded.
    pub met: usize,
    /// `met / judged`; `None` when nothing was judged.
    pub share_met: Option<f64>,
    /// What `gaps` measure: `pp` (outcome − target) or `ratio` (outcome / target).
    pub gap_kind: &'static str,
    /// Every judged result against its target, ascending.
    pub gaps: Vec<f64>,
    pub median_gap: Option<f64>,
    pub histogram: Vec<Bin>,
    /// Results below the target by less than [`NEAR_POINTS`].
    pub just_below: usize,
    /// Results at or above the target by less than [`NEAR_POINTS`].
    pub just_above: usize,
    /// `just_above / judged`.
    pub share_just_above: Option<f64>,
    /// Targets of these places set against their parent's (rates only).
    pub escalations: Vec<Escalation>,
    pub median_escalation: Option<f64>,
}

/// The statistics of every indicator and level, ordered by target then level.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub indicators: Vec<IndicatorSummary>,
}

impl Summary {
    /// Summarises `rows` (rows without a plan are left out).
    pub fn of(rows: &[Fulfilment], places: &PlaceTree) -> Summary {
        let mut groups: BTreeMap<(&str, &str, &str), Vec<&Fulfilment>> = BTreeMap::new();
        for row in rows.iter().filter(|r| r.plan.is_some()) {
            groups
                .entry((
                    &row.target,
                    row.measure.as_str(),
                    places.level(&row.place_code),
                ))
                .or_default()
                .push(row);
        }
        let parents = parent_targets(rows);
        let indicators = groups
            .into_iter()
            .map(|((target, _, level), rows)| indicator(target, level, &rows, places, &parents))
            .collect();
        Summary { indicators }
    }
}

/// Whole-place rate targets by place, indicator and year, for escalation.
type ParentTargets<'a> = HashMap<(&'a str, &'a str, i32), f64>;

fn parent_targets(rows: &[Fulfilment]) -> ParentTargets<'_> {
    rows.iter()
        .filter(|r| r.measure == Measure::Rate && r.scope.is_empty())
        .filter_map(|r| {
            let plan = r.plan.as_ref()?;
            Some((
                (r.place_code.as_str(), r.target.as_str(), r.year),
                plan.value,
            ))
        })
        .collect()
}

fn indicator(
    target: &str,
    level: &str,
    rows: &[&Fulfilment],
    places: &PlaceTree,
    parents: &ParentTargets<'_>,
) -> IndicatorSummary {
    let measure = rows.first().map_or(Measure::Flow, |r| r.measure);
    let rate = measure == Measure::Rate;
    let judged: Vec<&&Fulfilment> = rows
        .iter()
        .filter(|r| matches!(r.status, Status::Exceeded | Status::Met | Status::Short))
        .collect();
    let met = judged.iter().filter(|r| r.status != Status::Short).count();
    let mut gaps: Vec<f64> = judged
        .iter()
        .filter_map(|r| if rate { r.gap_pp } else { r.ratio })
        .map(round)
        .collect();
    gaps.sort_by(f64::total_cmp);
    // Points above the target: percentage points for rates, percent of the
    // target for flows and stocks.
    let points = |g: f64| if rate { g } else { (g - 1.0) * 100.0 };
    let just_below = gaps
        .iter()
        .filter(|&&g| (-NEAR_POINTS..0.0).contains(&points(g)))
        .count();
    let just_above = gaps
        .iter()
        .filter(|&&g| (0.0..NEAR_POINTS).contains(&points(g)))
        .count();
    let mut escalations: Vec<Escalation> = rows
        .iter()
        .filter(|r| rate && r.scope.is_empty())
        .filter_map(|r| {
            let parent = places.parent(&r.place_code)?;
            let parent_value = *parents.get(&(parent, r.target.as_str(), r.year))?;
            let target_value = r.plan.as_ref()?.value;
            Some(Escalation {
                place: r.place_code.clone(),
                parent: parent.to_owned(),
                year: r.year,
                target_value,
                parent_value,
                difference: round(target_value - parent_value),
            })
        })
        .collect();
    escalations.sort_by(|a, b| (a.year, &a.place).cmp(&(b.year, &b.place)));
    let mut differences: Vec<f64> = escalations.iter().map(|e| e.difference).collect();
    differences.sort_by(f64::total_cmp);
    let share = |n: usize| (!judged.is_empty()).then(|| n as f64 / judged.len() as f64);
    IndicatorSummary {
        target: target.to_owned(),
        measure,
        level: level.to_owned(),
        targets: rows.len(),
        judged: judged.len(),
        met,
        share_met: share(met),
        gap_kind: if rate { "pp" } else { "ratio" },
        median_gap: median(&gaps),
        histogram: histogram(&gaps, if rate { &RATE_EDGES } else { &RATIO_EDGES }),
        gaps,
        just_below,
        just_above,
        share_just_above: share(just_above),
        median_escalation: median(&differences),
        escalations,
    }
}

/// Counts of sorted `values` in the bins cut at `edges`, with an open bin
/// at each end.
fn histogram(values: &[f64], edges: &[f64]) -> Vec<Bin> {
    let mut bins: Vec<Bin> = std::iter::once(None)
        .chain(edges.iter().copied().map(Some))
        .zip(edges.iter().copied().map(Some).chain(std::iter::once(None)))
        .map(|(from, to)| Bin { from, to, count: 0 })
        .collect();
    for &v in values {
        let i = edges.partition_point(|&e| e <= v);
        if let Some(bin) = bins.get_mut(i) {
            bin.count += 1;
        }
    }
    bins
}

/// The median of sorted values.
fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some(round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0)),
    }
}

/// Rounds away float noise (targets and results carry at most a few decimals).
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests;
