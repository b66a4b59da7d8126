//! Extraction accuracy on the bundled real reports, measured against the
//! hand-annotated statements. The floor is the one the project promises.

use assert_cmd::Command;
use serde_json::Value;

const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.95;

fn eval_json() -> Value {
    eval_json_of("fixtures/reports")
}

fn eval_json_of(reports: &str) -> Value {
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .args([
            "eval",
            "--gold",
            "fixtures/gold/statements.tsv",
            reports,
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

/// The same reports as a government site may serve them: GB18030 bytes, or
/// saved HTML pages with navigation and scripts. The numbers must not move.
#[test]
fn accuracy_holds_for_gb18030_and_html_copies() {
    let dir = tempfile::tempdir().unwrap();
    let gb = dir.path().join("gb18030");
    let html = dir.path().join("html");
    std::fs::create_dir_all(&gb).unwrap();
    std::fs::create_dir_all(&html).unwrap();
    for entry in std::fs::read_dir("fixtures/reports").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let (bytes, _, lossy) = encoding_rs::GB18030.encode(&text);
        assert!(!lossy);
        std::fs::write(gb.join(format!("{name}.txt")), &bytes).unwrap();
        let body: String = text
            .lines()
            .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
            .collect();
        let page = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>var year = 2099;</script></head>\
             <body><nav><a href=\"/\">首页</a> 政务公开</nav><div class=\"content\">{body}</div>\
             <footer>版权所有</footer></body></html>"
        );
        std::fs::write(html.join(format!("{name}.html")), page).unwrap();
    }
    for copy in [&gb, &html] {
        let e = eval_json_of(copy.to_str().unwrap());
        assert_eq!(e["precision"], 1.0, "{}: {e:#}", copy.display());
        assert_eq!(e["recall"], 1.0, "{}: {e:#}", copy.display());
    }
}
