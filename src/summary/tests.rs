use super::*;
use crate::link::PlanSource;
use crate::statement::Bound;

fn row(
    place: &str,
    measure: Measure,
    status: Status,
    plan: f64,
    result: Option<f64>,
) -> Fulfilment {
    let (ratio, gap_pp) = match (measure, result) {
        (Measure::Rate, Some(r)) => (None, Some(r - plan)),
        (_, Some(r)) => (Some(r / plan), None),
        _ => (None, None),
    };
    let plan = PlanSource {
        value: plan,
        upper: None,
        unit: if measure == Measure::Rate { "%" } else { "个" }.into(),
        bound: Bound::AtLeast,
        hedge: String::new(),
        scope: String::new(),
        doc: "d".into(),
        path: "d.txt".into(),
        line: 1,
        quote: String::new(),
    };
    Fulfilment {
        place_code: place.into(),
        place: place.into(),
        place_name: place.into(),
        target: if measure == Measure::Rate {
            "gdp"
        } else {
            "xuewei"
        }
        .into(),
        measure,
        scope: String::new(),
        year: 2024,
        status,
        status_zh: status.zh(),
        ratio,
        gap_pp,
        plan: Some(plan.clone()),
        plans: vec![plan],
        outcome: None,
        outcomes: Vec::new(),
        drift: Vec::new(),
        flags: Vec::new(),
        searched: Vec::new(),
        self_reports: Vec::new(),
    }
}

#[test]
fn share_met_counts_only_judged_plans() {
    let rows = [
        row("甲区", Measure::Rate, Status::Met, 6.0, Some(6.2)),
        row("乙区", Measure::Rate, Status::Short, 6.0, Some(5.8)),
        row("丙区", Measure::Rate, Status::Met, 6.0, Some(7.5)),
        row("丁区", Measure::Rate, Status::Pending, 6.0, None),
    ];
    let s = Summary::of(&rows, &PlaceTree::default());
    let gdp = &s.indicators[0];
    assert_eq!((gdp.targets, gdp.judged, gdp.met), (4, 3, 2));
    assert_eq!(gdp.share_met, Some(2.0 / 3.0));
    assert_eq!(gdp.median_gap, Some(0.2));
    // 6.2 is 0.2 above: just above; 5.8 is 0.2 below: just below.
    assert_eq!((gdp.just_below, gdp.just_above), (1, 1));
    let counted: usize = gdp.histogram.iter().map(|b| b.count).sum();
    assert_eq!(counted, 3);
    let bin_of = |x: f64| {
        gdp.histogram
            .iter()
            .find(|b| b.from.is_none_or(|f| f <= x) && b.to.is_none_or(|t| x < t))
            .map(|b| b.count)
    };
    assert_eq!(bin_of(0.2), Some(1));
    assert_eq!(bin_of(1.5), Some(1));
    assert_eq!(bin_of(-0.2), Some(1));
}

#[test]
fn flows_are_measured_as_a_ratio_of_the_target() {
    let rows = [
        row("甲区", Measure::Flow, Status::Met, 1000.0, Some(1003.0)),
        row(
            "乙区",
            Measure::Flow,
            Status::Exceeded,
            1000.0,
            Some(2500.0),
        ),
    ];
    let s = Summary::of(&rows, &PlaceTree::default());
    let places = &s.indicators[0];
    assert_eq!(places.gap_kind, "ratio");
    assert_eq!(places.just_above, 1);
    assert_eq!(places.histogram.last().map(|b| b.count), Some(0));
    assert!(places.escalations.is_empty());
}

#[test]
fn escalation_is_the_child_target_minus_the_parent_target() {
    let rows = [
        row("广州市", Measure::Rate, Status::Met, 6.0, Some(6.1)),
        row("白云区", Measure::Rate, Status::Met, 7.0, Some(7.1)),
        row("番禺区", Measure::Rate, Status::Short, 8.5, Some(7.1)),
    ];
    let mut tree = PlaceTree::default();
    tree.insert("广州市", "city", Some("广东省"));
    tree.insert("白云区", "county", Some("广州市"));
    tree.insert("番禺区", "county", Some("广州市"));
    let s = Summary::of(&rows, &tree);
    let levels: Vec<&str> = s.indicators.iter().map(|i| i.level.as_str()).collect();
    assert_eq!(levels, ["city", "county"]);
    let county = &s.indicators[1];
    let mut differences: Vec<f64> = county.escalations.iter().map(|e| e.difference).collect();
    differences.sort_by(f64::total_cmp);
    assert_eq!(differences, [1.0, 2.5]);
    assert_eq!(county.median_escalation, Some(1.75));
    // The city's parent set no target in the input.
    assert!(s.indicators[0].escalations.is_empty());
}

#[test]
fn the_tree_of_rows_takes_levels_and_parents_from_the_division_table() {
    let rows = [row("440111", Measure::Rate, Status::Met, 7.0, Some(7.1))];
    let tree = PlaceTree::of_rows(&rows);
    assert_eq!(tree.level("440111"), "county");
    assert_eq!(tree.parent("440111"), Some("440100"));
    assert_eq!(tree.level("440100"), "city");
    assert_eq!(tree.parent("440100"), Some("440000"));
    assert_eq!(tree.level("440000"), "province");
}
