//! Unplanned results: rows for outcomes no plan asked for, only when asked.

use super::*;

fn growth_without_a_plan() -> Vec<Statement> {
    vec![
        plan("anhe-2030-gwr", "land_reserve", 2030, 4000.0),
        outcome("anhe-2030-h1", "gdp_growth", 2030, Period::H1, 5.3),
        outcome("anhe-2030-h1", "land_reserve", 2030, Period::H1, 1500.0),
    ]
}

#[test]
fn outcomes_without_a_plan_give_a_row_only_when_asked() {
    let statements = growth_without_a_plan();
    let reports = &chain()[..2];
    let plain = run(&statements, reports);
    assert_eq!(plain.len(), 1, "{plain:#?}");
    assert_eq!(plain[0].target, "land_reserve");

    let rows = run_unplanned(&statements, reports);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(rows[1], plain[0], "the plan's row is unchanged");
    let r = &rows[0];
    assert_eq!(
        (r.target.as_str(), r.year, r.place.as_str()),
        ("gdp_growth", 2030, "安和区")
    );
    assert_eq!((r.status, r.status_zh), (Status::Unplanned, "无目标"));
    assert_eq!((r.ratio, r.gap_pp), (None, None));
    assert!(r.plan.is_none() && r.plans.is_empty());
    let o = r
        .outcome
        .as_ref()
        .map(|o| (o.value, o.period, o.doc.as_str()));
    assert_eq!(o, Some((5.3, Period::H1, "anhe-2030-h1")));
    assert_eq!(r.outcomes.len(), 1);
    assert_eq!(r.outcomes[0].decision, Decision::Taken);
}

#[test]
fn a_group_with_a_plan_of_the_same_area_never_gives_an_unplanned_row() {
    // The plan's row takes the outcomes, whether or not they were comparable:
    // a figure in another unit is the plan's near miss, not a result without a target.
    let mut places = outcome("anhe-2031-gwr", "school_places_k12", 2030, Period::FY, 4.0);
    places.unit = "所".into();
    let statements = [
        plan("anhe-2030-gwr", "school_places_k12", 2030, 3000.0),
        places,
        outcome(
            "anhe-2030-h1",
            "school_places_k12",
            2030,
            Period::H1,
            1200.0,
        ),
    ];
    let rows = run_unplanned(&statements, &chain());
    let row = only(&rows);
    assert!(row.plan.is_some());
    assert_ne!(row.status, Status::Unplanned);
    assert_eq!(rows, run(&statements, &chain()));
}

#[test]
fn an_outcome_of_another_area_is_unplanned_in_its_own_row() {
    let mut p = plan("anhe-2030-gwr", "land_reserve", 2030, 800.0);
    p.scope = "东湖新城".into();
    let mut sub_area = outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 850.0);
    sub_area.scope = "东湖新城启动区".into();
    let district_wide = outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 5000.0);
    let rows = run_unplanned(&[p, sub_area, district_wide], &chain());
    let scopes: Vec<(&str, Status)> = rows.iter().map(|r| (r.scope.as_str(), r.status)).collect();
    assert_eq!(
        scopes,
        [("", Status::Unplanned), ("东湖新城", Status::Met)],
        "ordered by scope; the sub-area figure meets the plan"
    );
    assert_eq!(rows[0].outcome.as_ref().map(|o| o.value), Some(5000.0));
}

#[test]
fn the_best_outcome_is_taken_as_for_a_plan_and_the_others_listed() {
    let mut estimate = outcome(
        "anhe-2031-gwr",
        "urban_employment",
        2030,
        Period::FY,
        19000.0,
    );
    estimate.estimated = true;
    let mut reports = chain();
    reports.push(report(
        "anhe-2030-annual",
        (2031, 2, 25),
        &[(2030, Period::FY)],
    ));
    let statements = [
        outcome("anhe-2030-h1", "urban_employment", 2030, Period::H1, 9000.0),
        estimate,
        outcome(
            "anhe-2030-gwr",
            "urban_employment",
            2030,
            Period::FY,
            20000.0,
        ),
        outcome(
            "anhe-2030-annual",
            "urban_employment",
            2030,
            Period::FY,
            21000.0,
        ),
    ];
    let rows = run_unplanned(&statements, &reports);
    let row = only(&rows);
    // Full year over mid-year, final over 预计, then the latest report.
    let taken = row.outcome.as_ref().map(|o| (o.value, o.doc.as_str()));
    assert_eq!(taken, Some((21000.0, "anhe-2030-annual")));
    assert_eq!(row.outcomes.len(), 4);
    let taken_count = row
        .outcomes
        .iter()
        .filter(|c| c.decision == Decision::Taken)
        .count();
    assert_eq!(taken_count, 1);
    assert_eq!(row.flags, [Flag::Conflicting]);
}

#[test]
fn a_stock_pair_gives_an_unplanned_derived_flow() {
    let statements = [
        outcome(
            "anhe-2030-gwr",
            "g5_base_stations_total",
            2029,
            Period::FY,
            1200.0,
        ),
        outcome(
            "anhe-2031-gwr",
            "g5_base_stations_total",
            2030,
            Period::FY,
            1510.0,
        ),
    ];
    let rows = run_unplanned(&statements, &chain());
    let found: Vec<(&str, i32, f64, bool)> = rows
        .iter()
        .filter_map(|r| {
            let o = r.outcome.as_ref()?;
            Some((r.target.as_str(), r.year, o.value, o.derived))
        })
        .collect();
    assert_eq!(
        found,
        [
            ("g5_base_stations_total", 2029, 1200.0, false),
            ("g5_base_stations", 2030, 310.0, true),
            ("g5_base_stations_total", 2030, 1510.0, false),
        ]
    );
    assert!(rows.iter().all(|r| r.status == Status::Unplanned));
}

#[test]
fn a_flow_derived_over_two_years_alone_gives_no_row() {
    let statements = [
        outcome(
            "anhe-2030-gwr",
            "g5_base_stations_total",
            2028,
            Period::FY,
            900.0,
        ),
        outcome(
            "anhe-2031-gwr",
            "g5_base_stations_total",
            2030,
            Period::FY,
            1530.0,
        ),
    ];
    let rows = run_unplanned(&statements, &chain());
    assert!(
        rows.iter().all(|r| r.target == "g5_base_stations_total"),
        "{rows:#?}"
    );
    assert_eq!(rows.len(), 2);
}

#[test]
fn unplanned_rows_sort_among_the_plans() {
    let statements = [
        plan("anhe-2031-gwr", "land_reserve", 2031, 3000.0),
        outcome(
            "anhe-2031-gwr",
            "urban_employment",
            2030,
            Period::FY,
            21000.0,
        ),
        plan("anhe-2030-gwr", "land_reserve", 2030, 4000.0),
        outcome("anhe-2030-h1", "bidao", 2030, Period::H1, 7.0),
    ];
    let rows = run_unplanned(&statements, &chain());
    let order: Vec<(i32, &str, bool)> = rows
        .iter()
        .map(|r| (r.year, r.target.as_str(), r.plan.is_some()))
        .collect();
    assert_eq!(
        order,
        [
            (2030, "bidao", false),
            (2030, "land_reserve", true),
            (2030, "urban_employment", false),
            (2031, "land_reserve", true),
        ]
    );
}
