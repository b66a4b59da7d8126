//! Candidates: the outcomes a plan could be judged against, each with the
//! reason it was taken or passed over ([`Decision`]), and the choice among
//! the comparable ones. Also the near misses listed as indicator drift.

use super::fulfilment::{Candidate, Decision, OutcomeRef};
use super::judge::same_value;
use super::relations::TargetRelations;
use super::scope::{scope_similarity, SAME_SCOPE_THRESHOLD};
use super::{group_key, stock, GroupKey, PlaceKey};
use crate::statement::{Kind, Measure, Period, Statement};
use std::collections::HashMap;

/// An outcome with what is needed to prefer one over another.
#[derive(Debug, Clone)]
pub(crate) struct Pooled {
    pub outcome: OutcomeRef,
    /// Rank of its report by date.
    pub rank: usize,
    /// Byte offset in its report.
    pub position: usize,
}

/// Every outcome of the input, stated or derived, by district, target and year.
#[derive(Debug, Default)]
pub(crate) struct OutcomePool<'a> {
    by_key: HashMap<GroupKey<'a>, Vec<Pooled>>,
}

impl<'a> OutcomePool<'a> {
    pub fn build(
        statements: &'a [Statement],
        relations: &'a TargetRelations,
        ranks: &HashMap<&str, usize>,
    ) -> OutcomePool<'a> {
        let mut pool = OutcomePool::default();
        for s in statements.iter().filter(|s| s.kind == Kind::Outcome) {
            let pooled = Pooled {
                outcome: outcome_of(s),
                rank: ranks.get(s.path.as_str()).copied().unwrap_or(0),
                position: s.position.start,
            };
            let key = group_key(&s.place_code, &s.path, &s.target, s.year);
            pool.by_key.entry(key).or_default().push(pooled);
        }
        for (key, pooled) in stock::derive_flows(statements, relations, ranks) {
            pool.by_key.entry(key).or_default().push(pooled);
        }
        pool
    }

    /// Every district, target and year with at least one outcome, in no order.
    pub fn keys(&self) -> impl Iterator<Item = &GroupKey<'a>> {
        self.by_key.keys()
    }

    /// Outcomes of one district, target and year.
    pub fn get<'k>(&'k self, key: &GroupKey<'k>) -> &'k [Pooled] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }
}

/// An outcome statement as a reference.
pub(crate) fn outcome_of(s: &Statement) -> OutcomeRef {
    OutcomeRef {
        target: s.target.clone(),
        value: s.value,
        unit: s.unit.clone(),
        measure: s.measure,
        year: s.year,
        period: s.period,
        scope: s.scope.clone(),
        estimated: s.estimated,
        doc: s.doc.clone(),
        path: s.path.clone(),
        line: s.position.line,
        quote: s.quote.clone(),
        derived: false,
        derived_from: Vec::new(),
    }
}

/// What a plan row is about, for classifying candidates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlanSide<'a> {
    pub target: &'a str,
    pub measure: Measure,
    pub unit: &'a str,
    pub scope: &'a str,
    pub year: i32,
}

/// Why `pooled` can or cannot be compared with the plan.
pub(crate) fn classify(plan: &PlanSide<'_>, pooled: &Pooled) -> Candidate {
    let o = &pooled.outcome;
    let similarity = scope_similarity(plan.scope, &o.scope);
    let decision = if o.target != plan.target {
        Decision::OtherTarget
    } else if o.year != plan.year {
        Decision::OtherYear
    } else if o.measure != plan.measure {
        Decision::OtherMeasure
    } else if o.unit != plan.unit {
        Decision::OtherUnit
    } else if similarity < SAME_SCOPE_THRESHOLD {
        Decision::OtherScope
    } else if o.derived && !stock::spans_one_period(o) {
        Decision::OtherSpan
    } else {
        Decision::Superseded
    };
    Candidate {
        outcome: o.clone(),
        scope_similarity: (similarity * 1000.0).round() / 1000.0,
        decision,
    }
}

/// How much a comparable outcome is preferred (greater is better): the
/// longer period (the full year over nine months over the mid-year), stated
/// over derived, final over 预计, then the later report (`rank`) and the
/// later place in it (`position`).
pub(crate) fn preference(
    o: &OutcomeRef,
    rank: usize,
    position: usize,
) -> (Period, bool, bool, usize, usize) {
    (o.period, !o.derived, !o.estimated, rank, position)
}

/// Marks the best comparable candidate `Taken`; returns its index and whether
/// comparable figures for the same period disagree.
pub(crate) fn choose(candidates: &mut [Candidate], pooled: &[&Pooled]) -> (Option<usize>, bool) {
    let preference = |i: usize| {
        let (rank, position) = pooled.get(i).map_or((0, 0), |p| (p.rank, p.position));
        preference(&candidates[i].outcome, rank, position)
    };
    let best = (0..candidates.len())
        .filter(|&i| candidates[i].decision == Decision::Superseded)
        .max_by_key(|&i| preference(i));
    let Some(best) = best else {
        return (None, false);
    };
    candidates[best].decision = Decision::Taken;
    let taken = &candidates[best].outcome;
    let conflicting = candidates.iter().any(|c| {
        c.decision == Decision::Superseded
            && c.outcome.period == taken.period
            && !same_value(c.outcome.value, taken.value)
    });
    (Some(best), conflicting)
}

/// Near misses for a plan: same-target outcomes in another unit or measure,
/// and stated outcomes of related targets (as `relations` declares them) for
/// the same area.
pub(crate) fn drift(
    plan: &PlanSide<'_>,
    district: PlaceKey<'_>,
    pool: &OutcomePool<'_>,
    relations: &TargetRelations,
    same_target: &[Candidate],
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = same_target
        .iter()
        .filter(|c| matches!(c.decision, Decision::OtherUnit | Decision::OtherMeasure))
        .cloned()
        .collect();
    for related in relations.related(plan.target) {
        let key = (district, related, plan.year);
        out.extend(
            pool.get(&key)
                .iter()
                .filter(|p| !p.outcome.derived)
                .map(|p| classify(plan, p))
                .filter(|c| c.scope_similarity >= SAME_SCOPE_THRESHOLD),
        );
    }
    out
}
