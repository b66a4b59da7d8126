//! Evidence: conflicting and estimated outcomes, derived flows, revised targets,
//! self-reported ratios, near misses, unknown districts, ordering and explain.

use super::*;

#[test]
fn two_disagreeing_final_figures_conflict_and_the_later_report_wins() {
    let mut reports = chain();
    reports.push(report(
        "anhe-2030-annual",
        (2031, 2, 25),
        &[(2030, Period::FY)],
    ));
    let statements = [
        plan("anhe-2030-gwr", "urban_employment", 2030, 20000.0),
        outcome(
            "anhe-2031-gwr",
            "urban_employment",
            2030,
            Period::FY,
            21000.0,
        ),
        outcome(
            "anhe-2030-annual",
            "urban_employment",
            2030,
            Period::FY,
            19000.0,
        ),
    ];
    let row = run(&statements, &reports).remove(0);
    assert!(row.flags.contains(&Flag::Conflicting));
    assert_eq!(
        row.outcome.as_ref().map(|o| o.doc.as_str()),
        Some("anhe-2030-annual")
    );
    assert_eq!(row.status, Status::Short);
    assert_eq!(row.outcomes.len(), 2, "both figures are kept");
}

#[test]
fn a_final_figure_beats_an_estimate() {
    let mut estimate = outcome(
        "anhe-2031-gwr",
        "urban_employment",
        2030,
        Period::FY,
        19000.0,
    );
    estimate.estimated = true;
    estimate.hedge = "预计".into();
    let mut reports = chain();
    // The final figure comes from an earlier-dated report, yet still wins.
    reports.push(report(
        "anhe-2030-stats",
        (2030, 12, 30),
        &[(2030, Period::FY)],
    ));
    let statements = [
        plan("anhe-2030-gwr", "urban_employment", 2030, 20000.0),
        estimate,
        outcome(
            "anhe-2030-stats",
            "urban_employment",
            2030,
            Period::FY,
            20500.0,
        ),
    ];
    let row = run(&statements, &reports).remove(0);
    assert_eq!(row.outcome.as_ref().map(|o| o.estimated), Some(false));
    assert_eq!(row.status, Status::Met);
    assert!(row.flags.contains(&Flag::Conflicting));
    assert!(!row.flags.contains(&Flag::Estimated));
}

#[test]
fn an_estimate_alone_is_judged_and_flagged() {
    let mut estimate = outcome(
        "anhe-2031-gwr",
        "urban_employment",
        2030,
        Period::FY,
        21000.0,
    );
    estimate.estimated = true;
    let statements = [
        plan("anhe-2030-gwr", "urban_employment", 2030, 20000.0),
        estimate,
    ];
    let row = run(&statements, &chain()).remove(0);
    assert_eq!(row.status, Status::Met);
    assert_eq!(row.flags, [Flag::Estimated]);
}

#[test]
fn a_stock_pair_becomes_a_derived_flow() {
    let statements = [
        plan("anhe-2030-gwr", "g5_base_stations", 2030, 300.0),
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
    let row = run(&statements, &chain()).remove(0);
    assert_eq!(row.status, Status::Met);
    let o = row.outcome.as_ref().expect("derived outcome taken");
    assert!(o.derived);
    assert_eq!(o.value, 310.0);
    let from: Vec<(i32, Period, f64)> = o
        .derived_from
        .iter()
        .map(|p| (p.year, p.period, p.value))
        .collect();
    assert_eq!(
        from,
        [(2029, Period::FY, 1200.0), (2030, Period::FY, 1510.0)]
    );
}

#[test]
fn a_stated_flow_beats_a_derived_one_and_other_spans_are_passed_over() {
    let statements = [
        plan("anhe-2030-gwr", "g5_base_stations", 2030, 300.0),
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
        outcome("anhe-2031-gwr", "g5_base_stations", 2030, Period::FY, 320.0),
    ];
    let row = run(&statements, &chain()).remove(0);
    let o = row.outcome.as_ref().expect("taken");
    assert!(!o.derived);
    assert_eq!(o.value, 320.0);
    let span = row
        .outcomes
        .iter()
        .find(|c| c.outcome.derived)
        .map(|c| c.decision);
    assert_eq!(span, Some(Decision::OtherSpan), "2028→2030 is two years");
}

#[test]
fn a_revised_target_is_judged_against_the_latest_statement() {
    let mut restated = plan("anhe-2030-h1", "land_reserve", 2030, 3000.0);
    restated.quote = "预期目标为报经批准调整后的目标".into();
    let statements = [
        plan("anhe-2030-gwr", "land_reserve", 2030, 4000.0),
        restated,
        outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 3200.0),
    ];
    let row = run(&statements, &chain()).remove(0);
    assert_eq!(row.plan.as_ref().map(|p| p.value), Some(3000.0));
    assert_eq!(row.plans.len(), 2);
    assert_eq!(row.plans[0].value, 4000.0, "the original stays visible");
    assert!(row.flags.contains(&Flag::TargetRevised));
    assert_eq!(row.status, Status::Met);
}

#[test]
fn the_same_plan_in_several_reports_is_one_row() {
    let statements = [
        plan("anhe-2030-gwr", "land_reserve", 2030, 4000.0),
        plan("anhe-2031-gwr", "land_reserve", 2030, 4000.0),
        outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 7479.42),
    ];
    let rows = run(&statements, &chain());
    let row = only(&rows);
    assert_eq!(row.plans.len(), 2);
    assert_eq!(
        row.plan.as_ref().map(|p| p.doc.as_str()),
        Some("anhe-2031-gwr")
    );
    assert_eq!(row.status, Status::Exceeded);
    assert!(row.flags.is_empty());
}

#[test]
fn a_self_reported_ratio_is_checked() {
    let statements = [
        plan("anhe-2030-h1", "key_project_investment", 2030, 748.7),
        outcome(
            "anhe-2030-h1",
            "key_project_investment",
            2030,
            Period::H1,
            543.8,
        ),
    ];
    let claim = |ratio_percent| SelfReport {
        doc: "anhe-2030-h1".into(),
        path: "reports/anhe-2030-h1.txt".into(),
        place_code: "990101".into(),
        target: "key_project_investment".into(),
        scope: String::new(),
        year: 2030,
        ratio_percent,
        quote: format!("完成年度投资计划的{ratio_percent}%"),
        line: 7,
    };
    let reports = &chain()[..2];
    let targets = relations();
    let confirmed = [claim(72.6)];
    let row = link(&LinkInput {
        statements: &statements,
        reports,
        self_reports: &confirmed,
        targets: &targets,
        include_unplanned: false,
    })
    .remove(0);
    assert_eq!(row.status, Status::OnPace);
    assert_eq!(row.self_reports[0].computed_percent, Some(72.63));
    assert_eq!(row.self_reports[0].agrees, Some(true));
    assert!(!row.flags.contains(&Flag::SelfReportMismatch));
    let wrong = [claim(80.0)];
    let row = link(&LinkInput {
        statements: &statements,
        reports,
        self_reports: &wrong,
        targets: &targets,
        include_unplanned: false,
    })
    .remove(0);
    assert_eq!(row.self_reports[0].agrees, Some(false));
    assert!(row.flags.contains(&Flag::SelfReportMismatch));
}

#[test]
fn near_misses_are_drift_candidates_not_verdicts() {
    let mut schools = outcome("anhe-2031-gwr", "school_places_k12", 2030, Period::FY, 6.0);
    schools.unit = "所".into();
    let statements = [
        plan("anhe-2030-gwr", "school_places_k12", 2030, 5200.0),
        outcome(
            "anhe-2031-gwr",
            "school_places_public",
            2030,
            Period::FY,
            13000.0,
        ),
        schools,
    ];
    let row = run(&statements, &chain()).remove(0);
    assert_eq!(row.status, Status::Unreported);
    assert!(row.outcome.is_none());
    let drift: Vec<(&str, Decision)> = row
        .drift
        .iter()
        .map(|c| (c.outcome.target.as_str(), c.decision))
        .collect();
    assert_eq!(
        drift,
        [
            ("school_places_k12", Decision::OtherUnit),
            ("school_places_public", Decision::OtherTarget)
        ]
    );
    assert!(row.flags.contains(&Flag::IndicatorDrift));
}

#[test]
fn reports_of_unknown_place_link_only_within_themselves() {
    let mut p = plan("a", "bidao", 2030, 10.0);
    let mut o = outcome("b", "bidao", 2030, Period::FY, 12.0);
    p.place_code.clear();
    o.place_code.clear();
    let row = run(&[p.clone(), o.clone()], &[]).remove(0);
    assert_eq!(row.status, Status::Pending);
    o.path = p.path.clone();
    let row = run(&[p, o], &[]).remove(0);
    assert_eq!(row.status, Status::Exceeded);
}

#[test]
fn rows_come_out_by_place_year_target_scope() {
    let mut other = plan("qinghe-2030-gwr", "bidao", 2029, 1.0);
    other.place_code = "990102".into();
    other.place = "清河区".into();
    let mut scoped = plan("anhe-2030-gwr", "bidao", 2030, 2.0);
    scoped.scope = "东湖新城".into();
    let statements = [
        other,
        scoped,
        plan("anhe-2030-gwr", "bidao", 2030, 3.0),
        plan("anhe-2030-gwr", "afforestation", 2030, 4.0),
        plan("anhe-2030-gwr", "bidao", 2031, 5.0),
    ];
    let rows = run(&statements, &chain());
    let order: Vec<(&str, i32, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.place.as_str(),
                r.year,
                r.target.as_str(),
                r.scope.as_str(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("安和区", 2030, "afforestation", ""),
            ("安和区", 2030, "bidao", ""),
            ("安和区", 2030, "bidao", "东湖新城"),
            ("安和区", 2031, "bidao", ""),
            ("清河区", 2029, "bidao", ""),
        ]
    );
}

#[test]
fn explain_lists_other_years_and_reasons() {
    let statements = [
        plan("anhe-2030-gwr", "land_reserve", 2030, 4000.0),
        outcome("anhe-2030-gwr", "land_reserve", 2029, Period::FY, 3500.0),
        outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 4100.0),
    ];
    let reports = chain();
    let targets = relations();
    let input = LinkInput {
        statements: &statements,
        reports: &reports,
        self_reports: &[],
        targets: &targets,
        include_unplanned: false,
    };
    let rows = explain::explain(&input, "990101", "land_reserve", 2030);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].row.outcomes[0].decision, Decision::Taken);
    let other: Vec<(i32, Decision)> = rows[0]
        .other_years
        .iter()
        .map(|c| (c.outcome.year, c.decision))
        .collect();
    assert_eq!(other, [(2029, Decision::OtherYear)]);
}
