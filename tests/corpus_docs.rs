//! How `luoshi docs` reads every corpus document: kind, reviewed year and
//! date against the `docs.tsv` beside each corpus (read by column name), and
//! the same for the five Guangzhou reports. Every document must be right.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// `docs --format json` of a folder, by document name.
fn read_docs(dir: &Path) -> HashMap<String, Value> {
    let out = Command::cargo_bin("luoshi")
        .unwrap_or_else(|e| panic!("binary not built: {e}"))
        .args(["docs", "--format", "json", "--quiet"])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run luoshi: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("bad JSON ({e}): {stdout}"));
    json.as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d["name"].as_str().unwrap_or("").to_owned(), d))
        .collect()
}

/// One expected reading: (doc, kind, reviewed year, date or "").
type Row = (String, String, i64, String);

/// The rows of a `docs.tsv`, by column name.
fn docs_tsv(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{path:?} has no column `{name}`"))
    };
    let (doc, kind, year, date) = (col("doc"), col("kind"), col("year"), col("date"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim().to_owned();
            (
                cell(doc),
                cell(kind),
                cell(year)
                    .parse()
                    .unwrap_or_else(|e| panic!("{path:?}: bad year in {l}: {e}")),
                cell(date),
            )
        })
        .collect()
}

/// Every way a document is misread, one line each.
fn misread(docs: &HashMap<String, Value>, rows: &[Row]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (name, kind, year, date) in rows {
        let Some(doc) = docs.get(name) else {
            wrong.push(format!("{name}: not read"));
            continue;
        };
        let got_kind = doc["kind"].as_str().unwrap_or("");
        if got_kind != kind {
            wrong.push(format!("{name}: kind {got_kind}, expected {kind}"));
        }
        let reviewed = doc["reviews"][0]["year"].as_i64();
        if reviewed != Some(*year) {
            wrong.push(format!("{name}: reviews {reviewed:?}, expected {year}"));
        }
        let got_date = doc["date"].as_str().unwrap_or("");
        if !date.is_empty() && got_date != date {
            wrong.push(format!("{name}: date {got_date:?}, expected {date}"));
        }
    }
    wrong
}

fn check_corpus(name: &str, expected_docs: usize) {
    let dir = fixture(name);
    let rows = docs_tsv(&dir.join("docs.tsv"));
    assert_eq!(rows.len(), expected_docs, "{name}/docs.tsv rows");
    let wrong = misread(&read_docs(&dir), &rows);
    assert!(wrong.is_empty(), "{name}:\n{}", wrong.join("\n"));
}

#[test]
fn wide_corpus_kind_year_and_date() {
    check_corpus("corpus-wide", 47);
}

#[test]
fn provincial_corpus_kind_year_and_date() {
    check_corpus("corpus-provinces", 29);
}

#[test]
fn old_corpus_kind_year_and_date() {
    check_corpus("corpus-old", 12);
}

#[test]
fn guangzhou_reports_kind_year_and_date() {
    let rows: Vec<Row> = [
        ("baiyun-2021-h1", "h1", 2021, "2021-07-26"),
        ("baiyun-2025-h1", "h1", 2025, "2025-07-30"),
        ("haizhu-2022-h1", "h1", 2022, "2022-08-26"),
        ("huadu-2020-gwr", "gwr", 2019, ""),
        ("panyu-2024-annual", "annual", 2024, "2025-02-26"),
    ]
    .iter()
    .map(|(d, k, y, t)| ((*d).to_owned(), (*k).to_owned(), *y, (*t).to_owned()))
    .collect();
    let docs = read_docs(&fixture("reports"));
    let wrong = misread(&docs, &rows);
    assert!(wrong.is_empty(), "reports:\n{}", wrong.join("\n"));
    // A work report plans the year after the one it reviews; a mid-year
    // report reviews the first half and plans the rest of its year.
    assert_eq!(docs["huadu-2020-gwr"]["plans"][0], 2020);
    assert_eq!(docs["baiyun-2021-h1"]["reviews"][0]["period"], "H1");
    assert_eq!(docs["baiyun-2021-h1"]["plans"][0], 2021);
    assert_eq!(docs["panyu-2024-annual"]["plans"][0], 2025);
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("luoshi")
        .unwrap_or_else(|e| panic!("binary not built: {e}"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run luoshi: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("non-UTF-8 path {p:?}"))
}

#[test]
fn docs_check_lists_what_is_unknown_and_fails() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let unknown = dir.path().join("unknown.txt");
    std::fs::write(&unknown, "各位代表:\n全区地区生产总值增长6.5%。\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, _) = run(&["docs", "--check", "-q", path_str(dir.path())]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("unknown.txt\tunknown: place, kind, year"),
        "{stdout}"
    );
    let known = fixture("reports/baiyun-2021-h1.txt");
    let (code, stdout, _) = run(&["docs", "--check", "-q", path_str(&known)]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn a_new_report_format_is_read_with_a_cue_from_a_rules_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("anhe-2030.txt");
    std::fs::write(
        &report,
        "安和区2030年度经济社会发展计划落实情况通报\n一、主要指标\n全区地区生产总值增长6.5%。\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let before = read_docs(dir.path());
    assert_eq!(before["anhe-2030"]["kind"], "unknown");
    let rules = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        rules.path().join("formats.toml"),
        r#"[[title]]
pattern = '(?P<year>\d{4}) ?年度.{0,12}?计划落实情况通报'
kind = "annual"
year = "reviews"
examples = [{ text = "安和区2030年度经济社会发展计划落实情况通报", kind = "annual", reviews = 2030 }]
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = run(&[
        "docs",
        "--format",
        "json",
        "-q",
        "--rules",
        path_str(rules.path()),
        path_str(&report),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(json[0]["kind"], "annual");
    assert_eq!(json[0]["reviews"][0]["year"], 2030);
    assert_eq!(json[0]["plans"][0], 2031);
    // A cue whose example does not hold is a bad rule file.
    std::fs::write(
        rules.path().join("formats.toml"),
        r#"[[title]]
pattern = '(?P<year>\d{4}) ?年度.{0,12}?计划落实情况通报'
kind = "annual"
year = "reviews"
examples = [{ text = "安和区2030年度经济社会发展计划落实情况通报", kind = "annual", reviews = 2029 }]
"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (code, _, stderr) = run(&["rules", "check", path_str(rules.path())]);
    assert_eq!(code, 78, "{stderr}");
}
