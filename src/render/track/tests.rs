//! Rendering of rows linked from hand-built statements of an invented place.

use super::*;
use crate::link::{link, LinkInput, ReportSummary, ReviewedPeriod, TargetRelations};
use crate::statement::{Kind, Period, Position, Statement};

fn st(doc: &str, kind: Kind, target: &str, year: i32, period: Period, value: f64) -> Statement {
    Statement {
        doc: doc.into(),
        path: format!("{doc}.txt"),
        place_code: "990101".into(),
        place_name: String::new(),
        place: "安和区".into(),
        level: None,
        kind,
        target: target.into(),
        measure: Measure::Flow,
        year,
        period,
        value,
        upper: None,
        unit: "亩".into(),
        bound: Bound::Exact,
        hedge: String::new(),
        estimated: false,
        scope: String::new(),
        position: Position {
            line: 9,
            column: 3,
            start: 90,
            end: 99,
        },
        quote: "完成土地收储4400亩,超额完成4000亩土地收储目标".into(),
    }
}

fn rows() -> Vec<Fulfilment> {
    let mut scoped = st(
        "anhe-2030-gwr",
        Kind::Plan,
        "land_reserve",
        2030,
        Period::FY,
        800.0,
    );
    scoped.scope = "东湖新城".into();
    scoped.hedge = "力争".into();
    scoped.bound = Bound::AtLeast;
    let statements = [
        st(
            "anhe-2030-gwr",
            Kind::Plan,
            "land_reserve",
            2030,
            Period::FY,
            4000.0,
        ),
        st(
            "anhe-2031-gwr",
            Kind::Outcome,
            "land_reserve",
            2030,
            Period::FY,
            4400.0,
        ),
        scoped,
        st(
            "anhe-2031-gwr",
            Kind::Plan,
            "land_reserve",
            2031,
            Period::FY,
            3000.0,
        ),
    ];
    let reports = [ReportSummary {
        doc: "anhe-2031-gwr".into(),
        path: "anhe-2031-gwr.txt".into(),
        place_code: "990101".into(),
        date: None,
        reviewed: vec![ReviewedPeriod {
            year: 2030,
            period: Period::FY,
        }],
    }];
    link(&LinkInput {
        statements: &statements,
        reports: &reports,
        self_reports: &[],
        targets: &TargetRelations::new(),
        include_unplanned: false,
    })
}

fn names() -> TargetNames {
    [("land_reserve".to_owned(), "土地收储".to_owned())]
        .into_iter()
        .collect()
}

fn render(format: Format) -> String {
    // Cells in full, whatever the width of the terminal running the tests.
    crate::render::set_wide(true);
    let mut out = Vec::new();
    write(&mut out, &rows(), format, &names(), false).expect("writes to memory");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn the_table_groups_by_place_and_year_and_ends_with_a_summary() {
    let text = render(Format::Table);
    let first = text.find("安和区 (990101) 2030").expect("2030 heading");
    let second = text.find("安和区 (990101) 2031").expect("2031 heading");
    assert!(first < second);
    assert!(text.contains("土地收储"), "Chinese target name: {text}");
    assert!(text.contains("超额完成 exceeded"), "{text}");
    assert!(text.contains("≥800 亩 力争"), "bound and hedge: {text}");
    assert!(text.contains("110.0%"), "{text}");
    assert!(text.contains("searched anhe-2031-gwr"), "{text}");
    let last = text.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "安和区 (990101): plans 3, met or exceeded 1, short 0, on pace 0, behind pace 0, unreported 1, pending 1"
    );
}

#[test]
fn markdown_has_headings_and_pipe_tables() {
    let text = render(Format::Markdown);
    assert!(text.contains("### 安和区 (990101) 2030\n"), "{text}");
    assert!(text.contains("| target"), "{text}");
    assert!(text.contains("<br>"), "line breaks inside cells: {text}");
}

#[test]
fn csv_has_one_flat_row_per_plan() {
    let text = render(Format::Csv);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let records: Vec<::csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(records.len(), 3);
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let first = &records[0];
    assert_eq!(&first[column("status_zh")], "超额完成");
    assert_eq!(&first[column("ratio")], "1.1");
    assert_eq!(
        &first[column("plan_quote")],
        "完成土地收储4400亩,超额完成4000亩土地收储目标"
    );
    assert_eq!(&records[1][column("searched")], "anhe-2031-gwr");
}

#[test]
fn json_is_the_rows_as_they_are() {
    let text = render(Format::Json);
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value[0]["status"], "exceeded");
    assert_eq!(value[0]["plan"]["unit"], "亩");
    assert_eq!(value[1]["scope"], "东湖新城");
    assert_eq!(value[1]["outcome"], serde_json::Value::Null);
}

#[test]
fn a_rate_shows_its_gap_in_points() {
    let mut row = rows().remove(0);
    row.measure = Measure::Rate;
    row.ratio = None;
    row.gap_pp = Some(13.2);
    assert_eq!(fulfilment_cell(&row), "+13.2 pp");
}

/// The rows of [`rows`] and a district-wide result of 2031 no plan asked for.
fn rows_with_unplanned() -> Vec<Fulfilment> {
    let statements = [
        st(
            "anhe-2031-gwr",
            Kind::Plan,
            "land_reserve",
            2031,
            Period::FY,
            3000.0,
        ),
        st(
            "anhe-2031-gwr",
            Kind::Outcome,
            "greenway",
            2030,
            Period::FY,
            12.5,
        ),
    ];
    link(&LinkInput {
        statements: &statements,
        reports: &[],
        self_reports: &[],
        targets: &TargetRelations::new(),
        include_unplanned: true,
    })
}

fn render_unplanned(format: Format, unplanned: bool) -> String {
    crate::render::set_wide(true);
    let mut out = Vec::new();
    write(
        &mut out,
        &rows_with_unplanned(),
        format,
        &names(),
        unplanned,
    )
    .expect("writes to memory");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn an_unplanned_row_has_no_plan_cell_and_is_counted_apart() {
    let text = render_unplanned(Format::Table, true);
    let row = text
        .lines()
        .find(|l| l.contains("greenway"))
        .unwrap_or_default();
    assert!(row.contains("—"), "{text}");
    assert!(row.contains("无目标 unplanned"), "{text}");
    assert!(row.contains("outcome anhe-2031-gwr:9"), "{text}");
    assert!(!row.contains("plan "), "no plan source: {text}");
    assert_eq!(
        text.lines().last().unwrap_or_default(),
        "安和区 (990101): plans 1, met or exceeded 0, short 0, on pace 0, behind pace 0, unreported 0, pending 1, unplanned 1"
    );
    let without = render_unplanned(Format::Table, false);
    assert!(
        without.trim_end().ends_with("pending 1"),
        "the count only when asked for: {without}"
    );
}

#[test]
fn an_unplanned_row_in_csv_and_json_has_empty_plan_fields() {
    let text = render_unplanned(Format::Csv, true);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let records: Vec<::csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let row = records
        .iter()
        .find(|r| &r[column("target")] == "greenway")
        .expect("the unplanned row");
    assert_eq!(&row[column("status")], "unplanned");
    assert_eq!(&row[column("status_zh")], "无目标");
    for plan_column in [
        "plan_value",
        "plan_unit",
        "plan_bound",
        "plan_doc",
        "plan_line",
        "plan_sources",
    ] {
        assert_eq!(&row[column(plan_column)], "", "{plan_column}");
    }
    assert_eq!(&row[column("outcome_value")], "12.5");

    let json: serde_json::Value =
        serde_json::from_str(&render_unplanned(Format::Json, true)).expect("json");
    let row = &json[0];
    assert_eq!(row["target"], "greenway");
    assert_eq!(row["plan"], serde_json::Value::Null);
    assert_eq!(row["plans"], serde_json::json!([]));
    assert_eq!(row["ratio"], serde_json::Value::Null);
    assert_eq!(row["outcome"]["value"], 12.5);
}
