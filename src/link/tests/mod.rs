//! Linker tests on hand-built statements of invented districts (安和区, 清河区).

use super::*;
use crate::statement::{Bound, Measure, Position};

mod evidence;
mod relations;
mod unplanned;
mod verdicts;

/// A statement of 安和区 with the common fields filled in.
pub(super) fn st(
    doc: &str,
    kind: Kind,
    target: &str,
    year: i32,
    period: Period,
    value: f64,
) -> Statement {
    let measure = if target.ends_with("_growth") {
        Measure::Rate
    } else if target.ends_with("_total") {
        Measure::Stock
    } else {
        Measure::Flow
    };
    let unit = match measure {
        Measure::Rate => "%",
        _ if target == "land_reserve" => "亩",
        _ => "个",
    };
    Statement {
        doc: doc.into(),
        path: format!("reports/{doc}.txt"),
        place_code: "990101".into(),
        place_name: String::new(),
        place: "安和区".into(),
        level: None,
        kind,
        target: target.into(),
        measure,
        year,
        period,
        value,
        upper: None,
        unit: unit.into(),
        bound: Bound::Exact,
        hedge: String::new(),
        estimated: false,
        scope: String::new(),
        position: Position {
            line: 10,
            column: 1,
            start: 100,
            end: 120,
        },
        quote: format!("{target} {value}"),
    }
}

pub(super) fn plan(doc: &str, target: &str, year: i32, value: f64) -> Statement {
    st(doc, Kind::Plan, target, year, Period::FY, value)
}

pub(super) fn outcome(doc: &str, target: &str, year: i32, period: Period, value: f64) -> Statement {
    st(doc, Kind::Outcome, target, year, period, value)
}

pub(super) fn report(
    doc: &str,
    date: (i32, u32, u32),
    reviewed: &[(i32, Period)],
) -> ReportSummary {
    ReportSummary {
        doc: doc.into(),
        path: format!("reports/{doc}.txt"),
        place_code: "990101".into(),
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        reviewed: reviewed
            .iter()
            .map(|&(year, period)| ReviewedPeriod { year, period })
            .collect(),
    }
}

/// The chain of 安和区 reports: the 2030 work report (reviews 2029, plans 2030),
/// the 2030 mid-year report, and the 2031 work report (reviews 2030).
pub(super) fn chain() -> Vec<ReportSummary> {
    vec![
        report("anhe-2030-gwr", (2030, 1, 10), &[(2029, Period::FY)]),
        report("anhe-2030-h1", (2030, 8, 20), &[(2030, Period::H1)]),
        report("anhe-2031-gwr", (2031, 1, 12), &[(2030, Period::FY)]),
    ]
}

/// The relations these tests rely on, declared as the default rules declare
/// them: K-12 and kindergarten places are near misses for public places of all
/// levels, and the running total of 5G base stations accumulates the new ones.
pub(super) fn relations() -> TargetRelations {
    let mut relations = TargetRelations::new();
    relations.declare(
        "kindergarten_places",
        Measure::Flow,
        None,
        ["school_places_public"],
    );
    relations.declare(
        "school_places_k12",
        Measure::Flow,
        None,
        ["school_places_public"],
    );
    relations.declare("school_places_public", Measure::Flow, None, []);
    relations.declare("g5_base_stations", Measure::Flow, None, []);
    relations.declare(
        "g5_base_stations_total",
        Measure::Stock,
        Some("g5_base_stations"),
        [],
    );
    relations
}

pub(super) fn run(statements: &[Statement], reports: &[ReportSummary]) -> Vec<Fulfilment> {
    run_with(statements, reports, &relations())
}

pub(super) fn run_with(
    statements: &[Statement],
    reports: &[ReportSummary],
    targets: &TargetRelations,
) -> Vec<Fulfilment> {
    link(&LinkInput {
        statements,
        reports,
        self_reports: &[],
        targets,
        include_unplanned: false,
    })
}

/// As [`run`], asking for rows of results no plan asked for.
pub(super) fn run_unplanned(
    statements: &[Statement],
    reports: &[ReportSummary],
) -> Vec<Fulfilment> {
    link(&LinkInput {
        statements,
        reports,
        self_reports: &[],
        targets: &relations(),
        include_unplanned: true,
    })
}

fn only(rows: &[Fulfilment]) -> &Fulfilment {
    assert_eq!(rows.len(), 1, "{rows:#?}");
    &rows[0]
}
