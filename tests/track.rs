//! `luoshi track` and `luoshi explain --link` end to end: on the real reports
//! of fixtures/reports, on the synthetic chains of fixtures/synthetic, with
//! targets added in a `--rules` folder, and with `--unplanned`.

use assert_cmd::Command;
use serde_json::Value;

#[path = "track/filters.rs"]
mod filters;
#[path = "track/gold.rs"]
mod gold;
#[path = "track/rules_folder.rs"]
mod rules_folder;
#[path = "track/unplanned.rs"]
mod unplanned;

fn luoshi() -> Command {
    Command::cargo_bin("luoshi").expect("binary built")
}

/// Rows of `luoshi track PATH --format json ARGS…`.
fn track(path: &str, args: &[&str]) -> Vec<Value> {
    let output = luoshi()
        .args(["track", path, "--format", "json", "--quiet"])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: Value = serde_json::from_slice(&output.stdout).expect("json");
    rows.as_array().cloned().unwrap_or_default()
}

/// The one row of a place (by its own name's prefix), year, target and scope.
fn row<'a>(rows: &'a [Value], district: &str, year: i64, target: &str, scope: &str) -> &'a Value {
    let found: Vec<&Value> = rows
        .iter()
        .filter(|r| {
            r["place"].as_str().is_some_and(|d| d.starts_with(district))
                && r["year"] == year
                && r["target"] == target
                && r["scope"] == scope
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{district} {year} {target} [{scope}]: {found:#?}"
    );
    found[0]
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-6)
}

fn strings<'a>(v: &'a Value, field: &str) -> Vec<&'a str> {
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x[field].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn panyu_2024_land_reserve_is_exceeded() {
    let rows = track("fixtures/reports", &[]);
    let r = row(&rows, "番禺", 2024, "land_reserve", "");
    assert!(close(&r["plan"]["value"], 4000.0), "{r:#}");
    assert!(close(&r["outcome"]["value"], 7479.42), "{r:#}");
    assert_eq!(r["status"], "exceeded");
    assert_eq!(r["status_zh"], "超额完成");
}

#[test]
fn baiyun_2021_key_projects_are_on_pace() {
    let rows = track("fixtures/reports", &["--district", "广州市白云区"]);
    let r = row(&rows, "白云", 2021, "key_project_investment", "");
    assert!(close(&r["plan"]["value"], 748.7), "{r:#}");
    assert!(close(&r["outcome"]["value"], 543.8), "{r:#}");
    assert_eq!(r["outcome"]["period"], "H1");
    assert_eq!(r["status"], "on_pace");
    assert!((r["ratio"].as_f64().unwrap_or_default() * 100.0 - 72.6).abs() < 0.05);
    // The report's own "完成年度投资计划的72.6%" is read and confirmed.
    let own = &r["self_reports"][0];
    assert_eq!(own["stated_percent"], 72.6, "{r:#}");
    assert_eq!(own["agrees"], true, "{r:#}");
    assert!(!r["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "self_report_mismatch"));
}

#[test]
fn baiyun_2021_school_places() {
    let rows = track("fixtures/reports", &["--target", "school_places_k12"]);
    let r = row(&rows, "白云", 2021, "school_places_k12", "");
    assert!(close(&r["plan"]["value"], 5200.0), "{r:#}");
    assert!(close(&r["outcome"]["value"], 3840.0), "{r:#}");
    assert_eq!(r["status"], "on_pace");
}

#[test]
fn baiyun_2021_growth_targets_are_judged_on_their_mid_year_results() {
    let rows = track("fixtures/reports", &["--district", "440111"]);
    let growth = [
        "gdp_growth",
        "fai_growth",
        "retail_growth",
        "industrial_output_growth",
        "budget_revenue_growth",
    ];
    for target in growth {
        let r = row(&rows, "白云", 2021, target, "");
        assert_eq!(r["outcome"]["period"], "H1", "{r:#}");
        let gap = r["gap_pp"].as_f64().expect("rates have a gap");
        let expected = r["outcome"]["value"].as_f64().unwrap_or_default()
            - r["plan"]["value"].as_f64().unwrap_or_default();
        assert!((gap - expected).abs() < 1e-9);
        assert_eq!(r["ratio"], Value::Null);
        let status = if gap >= 0.0 { "on_pace" } else { "behind_pace" };
        assert_eq!(r["status"], status, "{r:#}");
    }
    // 2021: GDP +20.2% in the first half against a 7%-plus target.
    let gdp = row(&rows, "白云", 2021, "gdp_growth", "");
    assert!(close(&gdp["plan"]["value"], 7.0), "{gdp:#}");
    assert!(close(&gdp["outcome"]["value"], 20.2), "{gdp:#}");
    assert_eq!(gdp["status"], "on_pace");
    // The 2025 mid-year report gives growth results but states no growth
    // target for 2025, so there is nothing to judge them against.
    let growth_2025 = rows.iter().filter(|r| {
        r["year"] == 2025 && r["target"].as_str().is_some_and(|t| t.ends_with("_growth"))
    });
    assert_eq!(growth_2025.count(), 0);
}

#[test]
fn huadu_2020_plans_are_pending() {
    let rows = track(
        "fixtures/reports",
        &["--district", "花都", "--year", "2020"],
    );
    assert!(rows.len() >= 5, "{rows:#?}");
    for r in &rows {
        assert_eq!(r["status"], "pending", "{r:#}");
        assert_eq!(r["status_zh"], "待报告");
        assert_eq!(r["outcome"], Value::Null);
    }
}

#[test]
fn synthetic_plan_met_by_next_years_report() {
    let rows = track("fixtures/synthetic", &[]);
    let r = row(&rows, "安和", 2030, "school_places_k12", "");
    assert_eq!(r["plan"]["doc"], "anhe-2030-gwr");
    assert_eq!(r["outcome"]["doc"], "anhe-2031-gwr");
    assert!(close(&r["outcome"]["value"], 3100.0));
    assert_eq!(r["status"], "met");
    let gdp = row(&rows, "安和", 2030, "gdp_growth", "");
    assert_eq!(gdp["status"], "met");
    assert!(
        (gdp["gap_pp"].as_f64().unwrap_or_default() - 0.2).abs() < 1e-9,
        "{gdp:#}"
    );
    let next = row(&rows, "安和", 2031, "school_places_k12", "");
    assert_eq!(next["status"], "pending");
}

#[test]
fn synthetic_silence_is_unreported_with_the_reports_searched() {
    let rows = track("fixtures/synthetic", &["--status", "unreported"]);
    let r = row(&rows, "安和", 2030, "bidao", "");
    assert_eq!(
        strings(&r["searched"], "doc"),
        ["anhe-2030-annual", "anhe-2031-gwr"]
    );
}

#[test]
fn synthetic_district_wide_figure_does_not_meet_a_sub_area_plan() {
    let rows = track("fixtures/synthetic", &["--target", "land_reserve"]);
    let r = row(&rows, "安和", 2030, "land_reserve", "东湖新城");
    assert_eq!(r["status"], "unreported");
    assert_eq!(strings(&r["outcomes"], "decision"), ["other_scope"]);
}

#[test]
fn synthetic_final_figure_beats_the_estimate_and_the_row_is_conflicting() {
    let rows = track("fixtures/synthetic", &["--year", "2030"]);
    let r = row(&rows, "安和", 2030, "urban_employment", "");
    assert!(close(&r["outcome"]["value"], 21000.0), "{r:#}");
    assert_eq!(r["outcome"]["estimated"], false);
    assert_eq!(r["outcomes"].as_array().map(Vec::len), Some(2));
    assert!(r["flags"]
        .as_array()
        .is_some_and(|f| f.contains(&Value::from("conflicting"))));
}

#[test]
fn synthetic_stock_pair_becomes_a_derived_flow() {
    let rows = track("fixtures/synthetic", &[]);
    let r = row(&rows, "安和", 2030, "g5_base_stations", "");
    assert_eq!(r["outcome"]["derived"], true);
    assert!(close(&r["outcome"]["value"], 310.0), "{r:#}");
    assert_eq!(r["status"], "met");
}

#[test]
fn synthetic_mid_year_rate_behind_and_flow_on_pace() {
    let rows = track("fixtures/synthetic", &["--district", "清河"]);
    assert_eq!(
        row(&rows, "清河", 2030, "fai_growth", "")["status"],
        "behind_pace"
    );
    assert_eq!(
        row(&rows, "清河", 2030, "key_project_investment", "")["status"],
        "on_pace"
    );
}

#[test]
fn explain_link_names_each_candidate_and_its_reason() {
    let output = luoshi()
        .args([
            "explain",
            "--link",
            "--district",
            "安和",
            "--target",
            "land_reserve",
        ])
        .args(["--year", "2030", "--in", "fixtures/synthetic"])
        // Tables fit the terminal: a wide one keeps each reason on a line.
        .env("COLUMNS", "250")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("about another area"), "{text}");
    assert!(text.contains("anhe-2031-gwr"), "{text}");
}

#[test]
fn an_unknown_target_gets_a_suggestion() {
    let output = luoshi()
        .args(["track", "fixtures/synthetic", "--target", "land_reserv"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(64));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("unknown target id `land_reserv`; did you mean `land_reserve`?"),
        "{err}"
    );
}

#[test]
fn an_unknown_status_gets_a_suggestion() {
    let output = luoshi()
        .args(["track", "fixtures/synthetic", "--status", "unreportd"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(64));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("did you mean `unreported`?"), "{err}");
}

#[test]
fn statuses_may_be_given_in_chinese() {
    let rows = track("fixtures/synthetic", &["--status", "未报告"]);
    assert!(
        rows.iter().all(|r| r["status"] == "unreported"),
        "{rows:#?}"
    );
}

#[test]
fn explain_link_needs_a_full_query() {
    let output = luoshi()
        .args([
            "explain",
            "--link",
            "--district",
            "安和",
            "--year",
            "2030",
            "--in",
            "fixtures/synthetic",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--target"));
}

#[test]
fn tsv_is_refused_for_track() {
    let output = luoshi()
        .args(["track", "fixtures/synthetic", "--format", "tsv"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(64));
}
