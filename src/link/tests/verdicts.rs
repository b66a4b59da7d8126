//! Verdicts: met, exceeded, short, on or behind pace, unreported, pending; and scope agreement.

use super::*;

#[test]
fn a_plan_is_met_by_next_years_report() {
    let statements = [
        plan("anhe-2030-gwr", "school_places_k12", 2030, 3000.0),
        outcome(
            "anhe-2031-gwr",
            "school_places_k12",
            2030,
            Period::FY,
            3100.0,
        ),
    ];
    let rows = run(&statements, &chain());
    let row = only(&rows);
    assert_eq!(row.status, Status::Met);
    assert_eq!(row.status_zh, "完成");
    assert!((row.ratio.unwrap_or_default() - 3100.0 / 3000.0).abs() < 1e-9);
    let taken = row.outcome.as_ref().map(|o| o.doc.as_str());
    assert_eq!(taken, Some("anhe-2031-gwr"));
    assert!(row.searched.is_empty());
}

#[test]
fn silence_in_a_full_year_review_is_unreported_and_names_the_reports_searched() {
    let statements = [
        plan("anhe-2030-gwr", "bidao", 2030, 12.0),
        outcome("anhe-2030-h1", "bidao", 2030, Period::H1, 7.0),
    ];
    let rows = run(&statements, &chain());
    let row = only(&rows);
    assert_eq!(row.status, Status::Unreported);
    assert_eq!(row.status_zh, "未报告");
    assert!(row.outcome.is_none());
    let searched: Vec<(&str, Period)> = row
        .searched
        .iter()
        .map(|s| (s.doc.as_str(), s.period))
        .collect();
    assert_eq!(
        searched,
        [("anhe-2030-h1", Period::H1), ("anhe-2031-gwr", Period::FY)]
    );
    // The mid-year figure stays visible, not taken.
    assert_eq!(row.outcomes.len(), 1);
    assert_eq!(row.outcomes[0].decision, Decision::Superseded);
}

#[test]
fn without_a_full_year_review_a_plan_is_pending() {
    let statements = [plan("anhe-2030-gwr", "greenway", 2030, 5.0)];
    let reports = &chain()[..2];
    let row = run(&statements, reports).remove(0);
    assert_eq!(row.status, Status::Pending);
    assert_eq!(row.status_zh, "待报告");
    assert_eq!(row.searched.len(), 1, "the mid-year report was searched");
}

#[test]
fn a_mid_year_flow_is_on_pace_or_behind() {
    let reports = &chain()[..2];
    let on = [
        plan("anhe-2030-gwr", "parking_spaces", 2030, 1000.0),
        outcome("anhe-2030-h1", "parking_spaces", 2030, Period::H1, 500.0),
    ];
    let row = run(&on, reports).remove(0);
    assert_eq!((row.status, row.status_zh), (Status::OnPace, "进度符合"));
    assert_eq!(row.ratio, Some(0.5));
    let behind = [
        plan("anhe-2030-gwr", "parking_spaces", 2030, 1000.0),
        outcome("anhe-2030-h1", "parking_spaces", 2030, Period::H1, 499.0),
    ];
    let row = run(&behind, reports).remove(0);
    assert_eq!(
        (row.status, row.status_zh),
        (Status::BehindPace, "进度滞后")
    );
}

#[test]
fn a_mid_year_rate_is_compared_with_the_plan_directly() {
    let reports = &chain()[..2];
    let mut p = plan("anhe-2030-gwr", "gdp_growth", 2030, 6.0);
    p.bound = Bound::AtLeast;
    let on = [
        p.clone(),
        outcome("anhe-2030-h1", "gdp_growth", 2030, Period::H1, 6.0),
    ];
    let row = run(&on, reports).remove(0);
    assert_eq!(row.status, Status::OnPace);
    assert_eq!((row.ratio, row.gap_pp), (None, Some(0.0)));
    let behind = [
        p,
        outcome("anhe-2030-h1", "gdp_growth", 2030, Period::H1, 3.1),
    ];
    let row = run(&behind, reports).remove(0);
    assert_eq!(row.status, Status::BehindPace);
    assert!((row.gap_pp.unwrap_or_default() + 2.9).abs() < 1e-9);
}

#[test]
fn full_year_verdicts_follow_the_bound() {
    let cases = [
        (Bound::Exact, 4000.0, 4500.0, Status::Exceeded, "超额完成"),
        (Bound::Exact, 4000.0, 3900.0, Status::Short, "未完成"),
        (Bound::AtLeast, 4000.0, 4000.0, Status::Met, "完成"),
        (Bound::About, 4000.0, 3850.0, Status::Met, "完成"),
        (Bound::About, 4000.0, 3700.0, Status::Short, "未完成"),
        (Bound::AtMost, 4000.0, 2000.0, Status::Met, "完成"),
    ];
    for (bound, planned, achieved, status, zh) in cases {
        let mut p = plan("anhe-2030-gwr", "land_reserve", 2030, planned);
        p.bound = bound;
        let statements = [
            p,
            outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, achieved),
        ];
        let row = run(&statements, &chain()).remove(0);
        assert_eq!(
            (row.status, row.status_zh),
            (status, zh),
            "{bound:?} {planned} vs {achieved}"
        );
    }
}

#[test]
fn a_full_year_figure_beats_the_mid_year_one() {
    let statements = [
        plan("anhe-2030-gwr", "land_reserve", 2030, 4000.0),
        outcome("anhe-2030-h1", "land_reserve", 2030, Period::H1, 1000.0),
        outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 4100.0),
    ];
    let row = run(&statements, &chain()).remove(0);
    assert_eq!(row.status, Status::Met);
    assert_eq!(row.outcome.as_ref().map(|o| o.period), Some(Period::FY));
    assert!(
        row.flags.is_empty(),
        "different periods do not conflict: {:?}",
        row.flags
    );
}

#[test]
fn scopes_must_agree() {
    let mut p = plan("anhe-2030-gwr", "land_reserve", 2030, 4400.0);
    p.scope = "白云湖数字科技城".into();
    let district_wide = outcome("anhe-2031-gwr", "land_reserve", 2030, Period::FY, 9000.0);
    let mut other_park = district_wide.clone();
    other_park.scope = "民营科技园".into();
    other_park.value = 4500.0;
    let rows = run(
        &[p.clone(), district_wide.clone(), other_park.clone()],
        &chain(),
    );
    let row = only(&rows);
    assert_eq!(row.status, Status::Unreported);
    assert!(row
        .outcomes
        .iter()
        .all(|c| c.decision == Decision::OtherScope));
    assert_eq!(row.outcomes[0].scope_similarity, 0.0);

    let mut sub_area = district_wide.clone();
    sub_area.scope = "白云湖数字科技城亭岗启动区".into();
    sub_area.value = 4400.0;
    let row = run(&[p, district_wide, other_park, sub_area], &chain()).remove(0);
    assert_eq!(row.status, Status::Met);
    let taken = row.outcome.as_ref().map(|o| o.scope.as_str());
    assert_eq!(taken, Some("白云湖数字科技城亭岗启动区"));
}
