//! What `track` says about its output: a filter that matches nothing is named
//! on standard error with what the input has; the closing line counts plans;
//! the table's legend explains the flags shown and the pace rule; and the
//! synthetic fixtures show a `short` verdict.

use super::{luoshi, row, track};

/// Standard output, standard error and exit code of `luoshi track ARGS…`.
fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let output = luoshi().arg("track").args(args).output().expect("runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn a_district_that_matches_nothing_is_named_with_a_suggestion() {
    let (_, stderr, code) = run(&["fixtures/reports", "--district", "白去", "--quiet"]);
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains("no place in the input matches `--district 白去`; did you mean `白云区`?"),
        "{stderr}"
    );
}

#[test]
fn a_year_target_or_status_that_matches_nothing_is_named() {
    let (_, stderr, _) = run(&["fixtures/synthetic", "--year", "2019", "--quiet"]);
    assert!(
        stderr.contains("no row for `--year 2019` in the input; years: 2030, 2031"),
        "{stderr}"
    );
    let (_, stderr, _) = run(&["fixtures/synthetic", "--target", "afforestation", "--quiet"]);
    assert!(
        stderr.contains("no row for `--target afforestation`"),
        "{stderr}"
    );
    let (_, stderr, _) = run(&["fixtures/synthetic", "--status", "exceeded", "--quiet"]);
    assert!(
        stderr.contains("no row with `--status exceeded` in the input; statuses:"),
        "{stderr}"
    );
    let (_, stderr, _) = run(&[
        "fixtures/synthetic",
        "--district",
        "清河",
        "--year",
        "2031",
        "--quiet",
    ]);
    assert!(stderr.contains("--year 2031"), "{stderr}");
}

#[test]
fn filters_that_keep_rows_say_nothing() {
    let (_, stderr, _) = run(&["fixtures/synthetic", "--district", "安和", "--quiet"]);
    assert_eq!(stderr, "");
}

#[test]
fn the_closing_line_counts_plans() {
    let (stdout, _, _) = run(&[
        "fixtures/reports",
        "--district",
        "番禺",
        "--format",
        "table",
    ]);
    assert!(
        stdout.contains("广东省广州市番禺区 (440113): plans 8, met or exceeded 1, short 0"),
        "{stdout}"
    );
    assert!(!stdout.contains("targets 8"), "{stdout}");
}

#[test]
fn the_legend_explains_the_flags_shown_and_the_pace_rule() {
    let (stdout, _, _) = run(&["fixtures/synthetic", "--format", "table"]);
    assert!(
        stdout.contains("[conflicting]: outcomes for the same period disagree"),
        "{stdout}"
    );
    assert!(
        stdout.contains("on pace at the share of its annual plan for the months elapsed or more (half at mid-year)"),
        "{stdout}"
    );
    let (stdout, _, _) = run(&["fixtures/reports", "--format", "markdown"]);
    assert!(
        stdout.contains("[indicator_drift]: no comparable outcome"),
        "{stdout}"
    );
}

#[test]
fn the_synthetic_fixtures_show_a_short_verdict() {
    let rows = track("fixtures/synthetic", &[]);
    let r = row(&rows, "安和", 2030, "urban_green_space", "");
    assert_eq!(r["status"], "short", "{r:#}");
}
