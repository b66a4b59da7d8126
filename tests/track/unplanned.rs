//! `--unplanned`: results no plan in the input asked for get rows of their
//! own (status `unplanned`, 无目标), and only when asked. The 2025 mid-year
//! report of 白云区 gives its growth rates, but no report in fixtures/reports
//! sets growth targets for 2025.

use super::{close, luoshi, row, strings, track};
use serde_json::Value;

#[test]
fn baiyun_2025_growth_results_are_shown_as_unplanned_when_asked() {
    let rows = track(
        "fixtures/reports",
        &["--unplanned", "--district", "440111", "--year", "2025"],
    );
    let growth = [
        ("gdp_growth", 5.3),
        ("fai_growth", 5.1),
        ("retail_growth", 0.1),
        ("industrial_output_growth", 2.9),
        ("budget_revenue_growth", 5.5),
    ];
    for (target, value) in growth {
        let r = row(&rows, "白云", 2025, target, "");
        assert_eq!(r["status"], "unplanned", "{r:#}");
        assert_eq!(r["status_zh"], "无目标", "{r:#}");
        assert_eq!(r["ratio"], Value::Null, "{r:#}");
        assert_eq!(r["plan"], Value::Null, "{r:#}");
        assert_eq!(r["plans"].as_array().map(Vec::len), Some(0), "{r:#}");
        assert!(close(&r["outcome"]["value"], value), "{r:#}");
        assert_eq!(r["outcome"]["period"], "H1", "{r:#}");
        assert_eq!(r["outcome"]["doc"], "baiyun-2025-h1", "{r:#}");
        assert!(
            strings(&r["outcomes"], "decision").contains(&"taken"),
            "{r:#}"
        );
    }
    // The plans of 2025 keep their rows and verdicts alongside.
    let places = row(&rows, "白云", 2025, "school_places_k12", "");
    assert!(close(&places["plan"]["value"], 5500.0), "{places:#}");
    assert_eq!(places["status"], "pending");
}

#[test]
fn unplanned_rows_filter_by_status_in_either_language() {
    for status in ["unplanned", "无目标"] {
        let rows = track(
            "fixtures/reports",
            &[
                "--unplanned",
                "--status",
                status,
                "--district",
                "广州市白云区",
            ],
        );
        assert!(
            rows.iter()
                .any(|r| r["year"] == 2025 && r["target"] == "gdp_growth"),
            "{status}: {rows:#?}"
        );
        assert!(
            rows.iter()
                .all(|r| r["status"] == "unplanned" && r["plan"] == Value::Null),
            "{status}: {rows:#?}"
        );
    }
    // Asking for the status is asking for the rows.
    let implied = track("fixtures/reports", &["--status", "unplanned"]);
    let flagged = track(
        "fixtures/reports",
        &["--unplanned", "--status", "unplanned"],
    );
    assert_eq!(implied, flagged);
    assert!(!implied.is_empty());
}

#[test]
fn the_unplanned_count_joins_the_summary_only_with_the_flag() {
    let text = |args: &[&str]| {
        let output = luoshi()
            .args([
                "track",
                "fixtures/reports",
                "--format",
                "markdown",
                "--quiet",
            ])
            .args(["--district", "广州市白云区", "--year", "2025"])
            .args(args)
            .output()
            .expect("runs");
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let with = text(&["--unplanned"]);
    let without = text(&[]);
    assert!(!without.contains("unplanned"), "{without}");
    assert!(with.contains("无目标 unplanned"), "{with}");
    // Unplanned rows are not targets: the counts of plans stay as they were.
    let summary_of = |text: &str| {
        let line = text
            .lines()
            .find(|l| l.starts_with("广东省广州市白云区 (440111): plans "));
        line.unwrap_or_default().to_owned()
    };
    let (plain, summary) = (summary_of(&without), summary_of(&with));
    let count = summary
        .strip_prefix(plain.as_str())
        .and_then(|rest| rest.strip_prefix(", unplanned "))
        .and_then(|n| n.parse::<usize>().ok());
    assert!(count.is_some_and(|n| n >= 5), "{plain}\n{summary}");
}
