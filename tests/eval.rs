//! Extraction accuracy on the bundled real reports, measured against the
//! hand-annotated statements. The floor is the one the project promises.

use assert_cmd::Command;
use serde_json::Value;

const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.95;

fn eval_json() -> Value {
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .args([
            "eval",
            "--gold",
            "fixtures/gold/statements.tsv",
            "fixtures/reports",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn accuracy_on_fixtures_meets_the_floor() {
    let e = eval_json();
    let precision = e["precision"].as_f64().unwrap();
    let recall = e["recall"].as_f64().unwrap();
    let report = format!(
        "precision {precision:.3}, recall {recall:.3}\nmisses: {}\nfalse positives: {}",
        serde_json::to_string_pretty(&e["misses"]).unwrap(),
        serde_json::to_string_pretty(&e["false_positives"]).unwrap()
    );
    assert!(precision >= PRECISION_FLOOR, "{report}");
    assert!(recall >= RECALL_FLOOR, "{report}");
}

#[test]
fn every_fixture_is_scored() {
    let e = eval_json();
    let docs: Vec<&str> = e["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(
        docs,
        [
            "baiyun-2021-h1",
            "baiyun-2025-h1",
            "haizhu-2022-h1",
            "huadu-2020-gwr",
            "panyu-2024-annual"
        ]
    );
}
