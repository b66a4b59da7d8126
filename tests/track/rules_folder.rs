//! Targets a user adds in a `--rules` folder link like the default ones. The
//! folder `tests/track/charging/rules` defines `charging_piles` (a flow) and
//! `charging_piles_total` (a stock with `stock_of = "charging_piles"`); the
//! two synthetic reports of 望川区, an invented district, give the total at
//! the ends of 2031 and 2032 and plan 1500 new piles for 2032.

use super::{close, row, track};

const REPORTS: &str = "tests/track/charging/reports";
const RULES: &str = "tests/track/charging/rules";

#[test]
fn two_year_end_totals_of_an_added_stock_give_a_flow_that_meets_the_plan() {
    let rows = track(REPORTS, &["--rules", RULES]);
    let r = row(&rows, "望川", 2032, "charging_piles", "");
    assert!(close(&r["plan"]["value"], 1500.0), "{r:#}");
    let outcome = &r["outcome"];
    assert_eq!(outcome["derived"], true, "{r:#}");
    assert_eq!(outcome["period"], "FY");
    assert!(close(&outcome["value"], 1600.0), "{r:#}");
    let from: Vec<(i64, f64)> = outcome["derived_from"]
        .as_array()
        .map(|points| {
            points
                .iter()
                .filter_map(|p| Some((p["year"].as_i64()?, p["value"].as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(from, [(2031, 8600.0), (2032, 10200.0)]);
    assert_eq!(r["status"], "met");
    assert!(close(&r["ratio"], 1600.0 / 1500.0), "{r:#}");
    let next = row(&rows, "望川", 2033, "charging_piles", "");
    assert_eq!(next["status"], "pending");
}

/// The same folder without `stock_of`: the totals stay totals, the 2032
/// review says nothing comparable, and the name `_total` alone derives nothing.
#[test]
fn without_stock_of_the_totals_derive_nothing() {
    let text = std::fs::read_to_string(format!("{RULES}/charging.toml")).unwrap_or_default();
    assert!(text.contains("stock_of = \"charging_piles\"\n"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let rules = dir.path().join("charging.toml");
    std::fs::write(&rules, text.replace("stock_of = \"charging_piles\"\n", "")).ok();
    let rules = rules.to_string_lossy().into_owned();
    let rows = track(REPORTS, &["--rules", &rules]);
    let r = row(&rows, "望川", 2032, "charging_piles", "");
    assert_eq!(r["outcome"], serde_json::Value::Null, "{r:#}");
    assert_eq!(r["status"], "unreported");
    assert_eq!(r["drift"], serde_json::json!([]), "{r:#}");
}
