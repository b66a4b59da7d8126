//! `luoshi extract` end to end: formats, filters, and bad input.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn luoshi(args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// The statements of the bundled reports, locked as a readable file. After a
/// deliberate change, regenerate it with
/// `LUOSHI_UPDATE_SNAPSHOTS=1 cargo test --test extract_cli`.
#[test]
fn statements_of_the_fixtures_match_the_snapshot() {
    let (stdout, stderr, code) = luoshi(&["extract", "fixtures/reports", "--format", "tsv", "-q"]);
    assert_eq!(code, 0, "{stderr}");
    let path = Path::new("tests/snapshots/fixtures.tsv");
    if std::env::var_os("LUOSHI_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &stdout).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap();
    assert_eq!(stdout, expected, "statements changed; see the diff above");
}

#[test]
fn tsv_has_exactly_the_gold_columns() {
    let (stdout, _, code) = luoshi(&[
        "extract",
        "fixtures/reports/panyu-2024-annual.txt",
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "doc\tkind\ttarget\tyear\tperiod\tvalue\tunit\tbound\tscope\tquote"
    );
    let row = lines
        .find(|l| l.contains("7479.42"))
        .expect("the 2024 land reserve outcome");
    assert_eq!(
        row,
        "panyu-2024-annual\toutcome\tland_reserve\t2024\tFY\t7479.42\t亩\texact\t\t去年完成土地收储7479.42亩"
    );
}

#[test]
fn json_carries_positions_hedges_and_places() {
    let (stdout, _, code) = luoshi(&[
        "extract",
        "fixtures/reports/baiyun-2021-h1.txt",
        "--format",
        "json",
        "--target",
        "school_places_k12",
    ]);
    assert_eq!(code, 0);
    let all: Value = serde_json::from_str(&stdout).unwrap();
    let plan = all
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "plan")
        .unwrap();
    assert_eq!(plan["value"], 5200.0);
    assert_eq!(plan["hedge"], "力争");
    assert_eq!(plan["place_code"], "440111");
    assert_eq!(plan["place_name"], "广东省广州市白云区");
    assert_eq!(plan["place"], "白云区");
    assert_eq!(plan["level"], "county");
    assert_eq!(plan["year"], 2021);
    assert_eq!(plan["position"]["line"], 154);
    let quote = plan["quote"].as_str().unwrap();
    let original = std::fs::read_to_string("fixtures/reports/baiyun-2021-h1.txt").unwrap();
    let start = plan["position"]["start"].as_u64().unwrap() as usize;
    let end = plan["position"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&original[start..end], quote);
}

#[test]
fn traditional_quotes_stay_verbatim() {
    let (stdout, _, _) = luoshi(&[
        "extract",
        "fixtures/reports/huadu-2020-gwr.txt",
        "--format",
        "tsv",
        "--target",
        "kindergarten_places",
    ]);
    assert!(stdout.contains("新增公辦幼稚園學位7360個"), "{stdout}");
    assert!(
        stdout.contains("加大學前教育學位供給力度,新增公辦學位7405個"),
        "{stdout}"
    );
}

#[test]
fn kind_filter_keeps_only_that_kind() {
    let (stdout, _, _) = luoshi(&[
        "extract",
        "fixtures/reports",
        "--format",
        "tsv",
        "--kind",
        "plan",
    ]);
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert!(rows.len() > 30);
    assert!(rows.iter().all(|r| r.split('\t').nth(1) == Some("plan")));
}

#[test]
fn csv_quotes_chinese_commas() {
    let (stdout, _, _) = luoshi(&[
        "extract",
        "fixtures/reports/baiyun-2021-h1.txt",
        "--format",
        "csv",
        "--target",
        "g5_base_stations_total",
    ]);
    assert!(
        stdout.contains("\"新增5G基站307个,累计建成总数7788个\""),
        "{stdout}"
    );
}

#[test]
fn an_unknown_target_gets_a_suggestion() {
    let (_, stderr, code) = luoshi(&["extract", "fixtures/reports", "--target", "land_reserv"]);
    assert_eq!(code, 64);
    assert_eq!(
        stderr,
        "luoshi: unknown target id `land_reserv`; did you mean `land_reserve`? (`luoshi rules list` shows them all)\n"
    );
}

#[test]
fn a_missing_path_is_named() {
    let (_, stderr, code) = luoshi(&["extract", "fixtures/no-such-report.txt"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("luoshi: fixtures/no-such-report.txt: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn a_malformed_rule_file_stops_the_run_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[[target]]\nid = \"x\"\nunit = 5\n",
    )
    .unwrap();
    let rules = dir.path().to_str().unwrap();
    let (stdout, stderr, code) = luoshi(&["extract", "fixtures/reports", "--rules", rules]);
    assert_eq!(code, 78);
    assert!(stdout.is_empty());
    assert!(stderr.contains("bad.toml:3:8:"), "{stderr}");
}

#[test]
fn a_new_target_works_from_a_rules_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("health.toml"),
        r#"
[[target]]
id = "elderly_care_beds"
name_zh = "养老床位"
name_en = "Elderly-care beds"
unit = "张"
measure = "flow"
terms = ["养老床位"]
requires = ["新增", "新建"]
examples = [
    { text = "新增养老床位300张", value = 300 },
    { text = "新建养老床位1200张", value = 1200 },
]
counter_examples = ["全区养老床位总数达5000张"]
"#,
    )
    .unwrap();
    let report = dir.path().join("anhe-2031-h1.txt");
    std::fs::write(
        &report,
        "安和区2031年上半年国民经济和社会发展计划执行情况的报告\n一、上半年国民经济和社会发展计划执行情况\n新增养老床位320张。\n",
    )
    .unwrap();
    let (stdout, stderr, code) = luoshi(&[
        "extract",
        report.to_str().unwrap(),
        "--rules",
        dir.path().to_str().unwrap(),
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("anhe-2031-h1\toutcome\telderly_care_beds\t2031\tH1\t320\t张\texact\t\t新增养老床位320张"),
        "{stdout}"
    );
}

/// A numbered indicator table with a unit column: bare numbers take the
/// row's unit, and a label naming a growth rate makes them rises.
#[test]
fn a_table_with_a_unit_column_gives_plans_and_outcomes() {
    let (stdout, stderr, code) = luoshi(&[
        "extract",
        "fixtures/tables/liucheng-2031-h1.txt",
        "--format",
        "tsv",
        "-q",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let find = |kind: &str, target: &str| {
        rows.iter()
            .find(|r| r[1] == kind && r[2] == target)
            .map(|r| (r[3], r[4], r[5], r[7]))
    };
    assert_eq!(
        find("plan", "gdp_growth"),
        Some(("2031", "FY", "6", "exact"))
    );
    assert_eq!(
        find("outcome", "fai_growth"),
        Some(("2031", "H1", "-3.2", "exact"))
    );
    assert_eq!(
        find("plan", "retail_growth"),
        Some(("2031", "FY", "7", "about"))
    );
    assert_eq!(rows.len(), 8, "{stdout}");
}

#[test]
fn a_filter_that_matches_nothing_says_so() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_luoshi"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "extract",
            "fixtures/synthetic",
            "--target",
            "afforestation",
            "--quiet",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: no statement in the input passes `--target afforestation`"),
        "{stderr}"
    );
}
