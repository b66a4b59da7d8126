//! The linker on the gold annotations of the five real reports: what
//! `luoshi track fixtures/reports` must show once extraction matches the gold.
//! District, date and reviewed period of each report are stated here as the
//! document reader must find them.

use luoshi::link::{
    link, Decision, Fulfilment, LinkInput, PlanSource, ReportSummary, ReviewedPeriod, SelfReport,
    TargetRelations,
};
use luoshi::rule_set::RuleSet;
use luoshi::statement::{Period, Position, Statement};

/// Doc, district, delivery date (y, m, d), reviewed year and period.
type GoldReport = (&'static str, &'static str, (i32, u32, u32), i32, Period);

const REPORTS: &[GoldReport] = &[
    ("baiyun-2021-h1", "白云区", (2021, 7, 26), 2021, Period::H1),
    ("baiyun-2025-h1", "白云区", (2025, 7, 30), 2025, Period::H1),
    ("haizhu-2022-h1", "海珠区", (2022, 8, 26), 2022, Period::H1),
    ("huadu-2020-gwr", "花都区", (2020, 1, 1), 2019, Period::FY),
    (
        "panyu-2024-annual",
        "番禺区",
        (2025, 2, 26),
        2024,
        Period::FY,
    ),
];

/// The code of a Guangzhou district.
fn code(district: &str) -> String {
    luoshi::place::resolve(&format!("广东省广州市{district}"))
        .expect("a Guangzhou district")
        .code
}

fn reports() -> Vec<ReportSummary> {
    REPORTS
        .iter()
        .map(|&(doc, district, (y, m, d), year, period)| ReportSummary {
            doc: doc.into(),
            path: format!("fixtures/reports/{doc}.txt"),
            place_code: code(district),
            date: chrono::NaiveDate::from_ymd_opt(y, m, d),
            reviewed: vec![ReviewedPeriod { year, period }],
        })
        .collect()
}

/// Every gold row as a statement, with measure from the default rules and
/// the line where its quote stands.
fn gold_statements() -> Vec<Statement> {
    let rules = RuleSet::load(None).expect("default rules load");
    let tsv = std::fs::read_to_string("fixtures/gold/statements.tsv").expect("gold");
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [doc, kind, target, year, period, value, unit, bound, scope, quote] = f[..] else {
                return None;
            };
            let &(_, district, ..) = REPORTS.iter().find(|r| r.0 == doc)?;
            let path = format!("fixtures/reports/{doc}.txt");
            let text = std::fs::read_to_string(&path).ok()?;
            let start = text.find(quote)?;
            Some(Statement {
                doc: doc.into(),
                path,
                place_code: code(district),
                place_name: format!("广东省广州市{district}"),
                place: district.into(),
                level: Some(luoshi::place::Level::County),
                kind: kind.parse().ok()?,
                target: target.into(),
                measure: rules.get(target)?.target.measure,
                year: year.parse().ok()?,
                period: period.parse().ok()?,
                value: value.parse().ok()?,
                upper: None,
                unit: unit.into(),
                bound: bound.parse().ok()?,
                hedge: String::new(),
                estimated: false,
                scope: scope.into(),
                position: Position {
                    line: text[..start].matches('\n').count() + 1,
                    column: 1,
                    start,
                    end: start + quote.len(),
                },
                quote: quote.into(),
            })
        })
        .collect()
}

fn linked() -> Vec<Fulfilment> {
    let statements = gold_statements();
    assert!(statements.len() >= 110, "gold read: {}", statements.len());
    let self_reports = [SelfReport {
        doc: "baiyun-2021-h1".into(),
        path: "fixtures/reports/baiyun-2021-h1.txt".into(),
        place_code: code("白云区"),
        target: "key_project_investment".into(),
        scope: String::new(),
        year: 2021,
        ratio_percent: 72.6,
        quote: "完成年度投资计划的72.6%".into(),
        line: 70,
    }];
    let reports = reports();
    let relations = TargetRelations::of(&RuleSet::load(None).expect("default rules load"));
    link(&LinkInput {
        statements: &statements,
        reports: &reports,
        self_reports: &self_reports,
        targets: &relations,
        include_unplanned: false,
    })
}

/// The plan of a row found by [`find`] (linked without unplanned rows, so every row has one).
fn plan_of(r: &Fulfilment) -> &PlanSource {
    r.plan.as_ref().expect("a row with a plan")
}

fn find<'a>(
    rows: &'a [Fulfilment],
    district: &str,
    year: i32,
    target: &str,
    scope: &str,
) -> &'a Fulfilment {
    let found: Vec<&Fulfilment> = rows
        .iter()
        .filter(|r| r.place == district && r.year == year && r.target == target && r.scope == scope)
        .collect();
    assert_eq!(found.len(), 1, "{district} {year} {target} [{scope}]");
    found[0]
}

#[test]
fn panyu_2024_land_reserve_restated_and_exceeded() {
    let rows = linked();
    let r = find(&rows, "番禺区", 2024, "land_reserve", "");
    assert_eq!(plan_of(r).value, 4000.0);
    assert_eq!(r.outcome.as_ref().map(|o| o.value), Some(7479.42));
    assert_eq!((r.status.as_str(), r.status_zh), ("exceeded", "超额完成"));
    assert_eq!(plan_of(r).line, 34);
}

#[test]
fn baiyun_2021_key_projects_on_pace_and_the_reports_own_ratio_confirmed() {
    let rows = linked();
    let r = find(&rows, "白云区", 2021, "key_project_investment", "");
    assert_eq!(plan_of(r).value, 748.7);
    assert_eq!(
        r.outcome.as_ref().map(|o| (o.value, o.period)),
        Some((543.8, Period::H1))
    );
    assert_eq!(r.status.as_str(), "on_pace");
    assert_eq!(r.self_reports.len(), 1);
    assert_eq!(r.self_reports[0].computed_percent, Some(72.63));
    assert_eq!(r.self_reports[0].agrees, Some(true));
}

#[test]
fn baiyun_2021_school_places_on_pace() {
    let rows = linked();
    let r = find(&rows, "白云区", 2021, "school_places_k12", "");
    assert_eq!(plan_of(r).value, 5200.0);
    assert_eq!(r.outcome.as_ref().map(|o| o.value), Some(3840.0));
    assert_eq!(r.status.as_str(), "on_pace");
}

#[test]
fn baiyun_2021_growth_targets_against_mid_year_results() {
    let rows = linked();
    let gdp = find(&rows, "白云区", 2021, "gdp_growth", "");
    assert_eq!(plan_of(gdp).value, 7.0);
    assert_eq!(gdp.outcome.as_ref().map(|o| o.value), Some(20.2));
    assert!((gdp.gap_pp.unwrap_or_default() - 13.2).abs() < 1e-9);
    assert_eq!(gdp.status.as_str(), "on_pace");
    assert!(
        gdp.flags.is_empty(),
        "the indicator table and the text agree"
    );
    let fai = find(&rows, "白云区", 2021, "fai_growth", "");
    assert_eq!(fai.outcome.as_ref().map(|o| o.value), Some(22.4));
    assert_eq!(fai.status.as_str(), "on_pace");
}

#[test]
fn baiyun_2025_states_no_growth_targets() {
    // The 2025 mid-year report gives growth results but restates no growth
    // target, so there is no plan to judge them against.
    let rows = linked();
    let growth = rows
        .iter()
        .filter(|r| r.place == "白云区" && r.year == 2025 && r.target.ends_with("_growth"));
    assert_eq!(growth.count(), 0);
}

#[test]
fn baiyun_2021_sub_area_land_plans_are_not_met_by_the_district_figure() {
    let rows = linked();
    for (scope, value) in [("白云湖数字科技城", 4400.0), ("民营科技园", 4500.0)] {
        let r = find(&rows, "白云区", 2021, "land_reserve", scope);
        assert_eq!(plan_of(r).value, value);
        assert!(r.outcome.is_none());
        assert_eq!(r.status.as_str(), "pending");
        let decisions: Vec<Decision> = r.outcomes.iter().map(|c| c.decision).collect();
        assert_eq!(
            decisions,
            [Decision::OtherScope],
            "the 6795 亩 district-wide figure"
        );
    }
}

#[test]
fn huadu_2020_plans_are_pending() {
    let rows = linked();
    let huadu: Vec<&Fulfilment> = rows
        .iter()
        .filter(|r| r.place == "花都区" && r.year == 2020)
        .collect();
    assert!(huadu.len() >= 10, "{}", huadu.len());
    for r in huadu {
        assert_eq!(
            (r.status.as_str(), r.status_zh),
            ("pending", "待报告"),
            "{}",
            r.target
        );
    }
}
