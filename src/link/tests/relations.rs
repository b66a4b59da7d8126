//! Relations come from the value handed to `link`, never from target ids:
//! a stock derives a flow only when declared with `stock_of`, under any name,
//! and a near miss declared on one target shows on the other too.

use super::*;

/// 充电桩 of 安和区: a running total whose id says nothing about its flow.
fn charging() -> TargetRelations {
    let mut relations = TargetRelations::new();
    relations.declare("charging_piles", Measure::Flow, None, []);
    relations.declare(
        "charging_piles_built_to_date",
        Measure::Stock,
        Some("charging_piles"),
        [],
    );
    relations
}

fn stock(doc: &str, target: &str, year: i32, value: f64) -> Statement {
    let mut s = outcome(doc, target, year, Period::FY, value);
    s.measure = Measure::Stock;
    s
}

#[test]
fn a_declared_stock_derives_its_flow_whatever_its_id() {
    let statements = [
        plan("anhe-2030-gwr", "charging_piles", 2030, 1500.0),
        stock(
            "anhe-2030-gwr",
            "charging_piles_built_to_date",
            2029,
            8600.0,
        ),
        stock(
            "anhe-2031-gwr",
            "charging_piles_built_to_date",
            2030,
            10200.0,
        ),
    ];
    let row = run_with(&statements, &chain(), &charging()).remove(0);
    let o = row.outcome.as_ref().expect("derived outcome taken");
    assert!(o.derived, "{row:#?}");
    assert_eq!((o.target.as_str(), o.value), ("charging_piles", 1600.0));
    assert_eq!(row.status, Status::Met);
}

#[test]
fn an_undeclared_total_derives_nothing() {
    let statements = [
        plan("anhe-2030-gwr", "g5_base_stations", 2030, 300.0),
        stock("anhe-2030-gwr", "g5_base_stations_total", 2029, 1200.0),
        stock("anhe-2031-gwr", "g5_base_stations_total", 2030, 1510.0),
    ];
    let row = run_with(&statements, &chain(), &TargetRelations::new()).remove(0);
    assert!(row.outcome.is_none(), "{row:#?}");
    assert!(row.outcomes.is_empty());
    assert!(row.drift.is_empty(), "not related unless declared");
    assert_eq!(row.status, Status::Unreported);
}

#[test]
fn a_relation_declared_on_one_target_shows_on_the_other() {
    // `relations()` declares `related` on school_places_k12 only.
    let statements = [
        plan("anhe-2030-gwr", "school_places_public", 2030, 13000.0),
        outcome(
            "anhe-2031-gwr",
            "school_places_k12",
            2030,
            Period::FY,
            3100.0,
        ),
        outcome(
            "anhe-2031-gwr",
            "kindergarten_places",
            2030,
            Period::FY,
            2800.0,
        ),
    ];
    let row = run(&statements, &chain()).remove(0);
    assert!(row.outcome.is_none());
    let drift: Vec<(&str, f64)> = row
        .drift
        .iter()
        .map(|c| (c.outcome.target.as_str(), c.outcome.value))
        .collect();
    assert_eq!(
        drift,
        [
            ("kindergarten_places", 2800.0),
            ("school_places_k12", 3100.0)
        ]
    );
    assert!(row.flags.contains(&Flag::IndicatorDrift));
}
