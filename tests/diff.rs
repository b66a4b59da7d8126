//! The rule-editing loop: `luoshi diff OLD NEW` over two `extract` or `track`
//! JSON outputs, and `extract --against-rules`. Adding the three targets of
//! `fixtures/rules-added/` to the default rules adds exactly their statements
//! on `fixtures/reports`, and takes nothing from the default targets.

use serde_json::Value;
use std::path::Path;

mod common;
use common::luoshi;

/// Runs luoshi with `-o` into `dir/name` and returns that path.
fn output_of(dir: &Path, name: &str, args: &[&str]) -> String {
    let path = dir.join(name).to_string_lossy().into_owned();
    let (_, stderr, code) = luoshi(&[args, &["--format", "json", "--quiet", "-o", &path]].concat());
    assert_eq!(code, 0, "{stderr}");
    path
}

/// (doc, target, kind, value) of each statement in a JSON list.
fn statements(list: &Value) -> Vec<(String, String, String, f64)> {
    let text = |v: &Value, f: &str| v[f].as_str().unwrap_or_default().to_owned();
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|s| {
                    (
                        text(s, "doc"),
                        text(s, "target"),
                        text(s, "kind"),
                        s["value"].as_f64().unwrap_or(f64::NAN),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn added() -> Vec<(String, String, String, f64)> {
    [
        ("haizhu-2022-h1", "elderly_care_stations", "outcome", 14.0),
        ("huadu-2020-gwr", "public_toilets", "outcome", 515.0),
        ("huadu-2020-gwr", "sewage_pipes", "plan", 113.5),
    ]
    .iter()
    .map(|(d, t, k, v)| ((*d).to_owned(), (*t).to_owned(), (*k).to_owned(), *v))
    .collect()
}

#[test]
fn three_new_targets_add_exactly_their_statements() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = output_of(dir.path(), "old.json", &["extract", "fixtures/reports"]);
    let new = output_of(
        dir.path(),
        "new.json",
        &[
            "extract",
            "fixtures/reports",
            "--rules",
            "fixtures/rules-added",
        ],
    );
    let (stdout, stderr, code) = luoshi(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let diff: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(diff["subject"], "statements");
    assert_eq!(statements(&diff["appeared"]), added(), "{stdout}");
    assert_eq!(diff["disappeared"], Value::Array(Vec::new()), "{stdout}");
    assert_eq!(diff["changed"], Value::Array(Vec::new()), "{stdout}");
    let old_count = std::fs::read_to_string(&old)
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.as_array().map(Vec::len));
    assert_eq!(
        diff["counts"]["unchanged"].as_u64().map(|n| n as usize),
        old_count
    );

    // The same as text, with the one-line count last.
    let (text, _, _) = luoshi(&["diff", &old, &new]);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("+ ")).count(),
        3,
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "statements: 3 appeared, 0 disappeared, 0 changed, {} unchanged\n",
            old_count.unwrap_or_default()
        )),
        "{text}"
    );
}

#[test]
fn extract_against_rules_gives_the_same_diff() {
    let (stdout, stderr, code) = luoshi(&[
        "extract",
        "fixtures/reports",
        "--rules",
        "fixtures/rules-added",
        "--against-rules",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let diff: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(statements(&diff["appeared"]), added());
    assert_eq!(diff["counts"]["disappeared"], 0);
    assert_eq!(diff["counts"]["changed"], 0);
    // The other way round, the statements disappear.
    let (stdout, _, _) = luoshi(&[
        "extract",
        "fixtures/reports",
        "--against-rules",
        "fixtures/rules-added",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("| disappeared |"))
            .count(),
        3,
        "{stdout}"
    );
    assert!(
        stdout.ends_with("statements: 0 appeared, 3 disappeared, 0 changed, 116 unchanged\n"),
        "{stdout}"
    );
}

#[test]
fn a_changed_value_or_period_is_a_change_not_two_statements() {
    let dir = tempfile::tempdir().expect("temp dir");
    let statement = |value: f64, period: &str| {
        serde_json::json!({"doc": "d", "kind": "outcome", "target": "t", "value": value,
            "unit": "个", "bound": "exact", "year": 2024, "period": period, "scope": "",
            "position": {"line": 3}, "quote": "q"})
    };
    let write = |name: &str, v: Value| {
        let path = dir.path().join(name);
        std::fs::write(&path, v.to_string()).expect("write");
        path.to_string_lossy().into_owned()
    };
    let old = write("old.json", Value::Array(vec![statement(310.0, "H1")]));
    let new = write("new.json", Value::Array(vec![statement(1.0, "FY")]));
    let (stdout, _, code) = luoshi(&["diff", &old, &new]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "~ d:3 t outcome  value 310 → 1; period H1 → FY\n\
         statements: 0 appeared, 0 disappeared, 1 changed, 0 unchanged\n"
    );
}

#[test]
fn track_rows_whose_verdict_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let early = output_of(
        dir.path(),
        "early.json",
        &["track", "fixtures/synthetic/anhe-2030-gwr.txt"],
    );
    let later = output_of(dir.path(), "later.json", &["track", "fixtures/synthetic"]);
    let (stdout, stderr, code) = luoshi(&["diff", &early, &later]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("~ 安和区 2030 school_places_k12  status pending → met\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("~ 安和区 2030 urban_green_space  status pending → short\n"),
        "{stdout}"
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("track rows: "), "{stdout}");
    assert!(last.contains(" verdict changed, "), "{stdout}");
}

#[test]
fn outputs_that_cannot_be_compared_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let statements = output_of(dir.path(), "s.json", &["extract", "fixtures/synthetic"]);
    let rows = output_of(dir.path(), "r.json", &["track", "fixtures/synthetic"]);
    let (_, stderr, code) = luoshi(&["diff", &statements, &rows]);
    assert_eq!(code, 64, "{stderr}");
    assert!(
        stderr.contains("one file holds statements, the other track rows"),
        "{stderr}"
    );
    let (_, stderr, code) = luoshi(&["diff", &statements, "README.md"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("README.md: not JSON"), "{stderr}");
    let (_, _, code) = luoshi(&["diff", &statements]);
    assert_eq!(code, 64);
    let (_, _, code) = luoshi(&["diff", &statements, "fixtures/none.json"]);
    assert_eq!(code, 2);
}
