//! Series: one target of one place over the years, plan against outcome,
//! so a chart can show a pattern of missed or inflated targets.

use super::place_of;
use crate::link::{Fulfilment, Status};
use crate::statement::{Bound, Measure, Period};
use serde::Serialize;
use std::collections::BTreeMap;

/// One year of a series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub year: i32,
    /// The plan judged against; `None` for a result no plan asked for.
    pub plan: Option<f64>,
    pub bound: Option<Bound>,
    /// The outcome taken, if any.
    pub outcome: Option<f64>,
    pub period: Option<Period>,
    pub status: Status,
}

/// A place's target (in one area and unit) over the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub place: String,
    pub target: String,
    pub scope: String,
    pub unit: String,
    pub measure: Measure,
    /// By year; at most one point a year (the first row of that year).
    pub points: Vec<Point>,
}

impl Series {
    /// Every series of `rows`, by place, target, area and unit.
    pub fn of<'a>(rows: impl Iterator<Item = &'a Fulfilment>) -> Vec<Series> {
        let mut by_key: BTreeMap<(&str, &str, &str, &str), Series> = BTreeMap::new();
        for row in rows {
            let unit = match (&row.plan, &row.outcome) {
                (Some(p), _) => p.unit.as_str(),
                (None, Some(o)) => o.unit.as_str(),
                (None, None) => "",
            };
            let series = by_key
                .entry((place_of(row), &row.target, &row.scope, unit))
                .or_insert_with(|| Series {
                    place: place_of(row).to_owned(),
                    target: row.target.clone(),
                    scope: row.scope.clone(),
                    unit: unit.to_owned(),
                    measure: row.measure,
                    points: Vec::new(),
                });
            if series.points.iter().any(|p| p.year == row.year) {
                continue;
            }
            series.points.push(Point {
                year: row.year,
                plan: row.plan.as_ref().map(|p| p.value),
                bound: row.plan.as_ref().map(|p| p.bound),
                outcome: row.outcome.as_ref().map(|o| o.value),
                period: row.outcome.as_ref().map(|o| o.period),
                status: row.status,
            });
        }
        let mut all: Vec<Series> = by_key.into_values().collect();
        for s in &mut all {
            s.points.sort_by_key(|p| p.year);
        }
        all
    }
}
