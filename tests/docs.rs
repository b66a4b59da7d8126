//! `luoshi docs` end to end: how each bundled report is read (district, kind,
//! date, year, sections and the period each covers), other encodings and
//! saved HTML, and bad input that must be skipped with one clear line.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn luoshi() -> Command {
    Command::cargo_bin("luoshi").unwrap_or_else(|e| panic!("binary not built: {e}"))
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Runs `docs --format json` and returns (exit code, documents, stderr).
fn docs(paths: &[&Path]) -> (i32, Vec<Value>, String) {
    let out = luoshi()
        .arg("docs")
        .args(["--format", "json"])
        .args(paths)
        .output()
        .unwrap_or_else(|e| panic!("cannot run luoshi: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("bad JSON ({e}): {stdout}"));
    let docs = json.as_array().cloned().unwrap_or_default();
    (
        out.status.code().unwrap_or(-1),
        docs,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn find<'a>(docs: &'a [Value], name: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing from {docs:?}"))
}

/// (line, coverage) of every level-1 section.
fn top_sections(doc: &Value) -> Vec<(u64, String)> {
    sections(doc)
        .iter()
        .filter(|s| s["level"] == 1)
        .map(|s| {
            (
                s["line"].as_u64().unwrap_or(0),
                s["coverage"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn sections(doc: &Value) -> Vec<Value> {
    doc["sections"].as_array().cloned().unwrap_or_default()
}

/// Every section has the coverage of the level-1 section it sits in (true of
/// all five reports: no sub-heading names a period of its own).
fn assert_sub_sections_inherit(doc: &Value) {
    let mut top = String::new();
    for s in sections(doc) {
        let coverage = s["coverage"].as_str().unwrap_or("").to_owned();
        if s["level"] == 1 {
            top = coverage;
        } else {
            assert_eq!(coverage, top, "{} line {}", doc["name"], s["line"]);
        }
    }
}

struct Expected {
    name: &'static str,
    district: &'static str,
    kind: &'static str,
    date: Option<&'static str>,
    year: i64,
    traditional: bool,
    top: &'static [(u64, &'static str)],
    sections: usize,
    indicator_rows: u64,
}

/// Read off each report by hand: the title or opening paragraph names the
/// district, kind and year; the `——…日在` line gives the date (huadu's mirror
/// copy has none); the level-1 headings and the rules of the genre give the
/// coverage. The opening paragraph counts as a section when it names the one
/// period the report reviews (baiyun's do; haizhu's also announces 下半年工作重点).
const REPORTS: [Expected; 5] = [
    Expected {
        name: "baiyun-2021-h1",
        district: "白云区",
        kind: "h1",
        date: Some("2021-07-26"),
        year: 2021,
        traditional: false,
        top: &[
            (20, "review 2021 H1"),
            (22, "review 2021 H1"),
            (112, "plan 2021"),
        ],
        sections: 13,
        indicator_rows: 5,
    },
    Expected {
        name: "baiyun-2025-h1",
        district: "白云区",
        kind: "h1",
        date: Some("2025-07-30"),
        year: 2025,
        traditional: false,
        top: &[
            (9, "review 2025 H1"),
            (11, "review 2025 H1"),
            (65, "plan 2025"),
        ],
        sections: 13,
        indicator_rows: 0,
    },
    Expected {
        name: "haizhu-2022-h1",
        district: "海珠区",
        kind: "h1",
        date: Some("2022-08-26"),
        year: 2022,
        traditional: false,
        top: &[(21, "review 2022 H1"), (69, "plan 2022")],
        sections: 13,
        indicator_rows: 0,
    },
    Expected {
        name: "huadu-2020-gwr",
        district: "花都区",
        kind: "gwr",
        date: None,
        year: 2020,
        traditional: true,
        top: &[(11, "review 2019 FY"), (22, "plan 2020")],
        sections: 15,
        indicator_rows: 0,
    },
    Expected {
        name: "panyu-2024-annual",
        district: "番禺区",
        kind: "annual",
        date: Some("2025-02-26"),
        year: 2024,
        traditional: false,
        top: &[(18, "review 2024 FY"), (86, "plan 2025")],
        sections: 63,
        indicator_rows: 0,
    },
];

#[test]
fn every_bundled_report_is_read_right() {
    let (code, docs, stderr) = docs(&[&fixture("reports")]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs.len(), REPORTS.len());
    for want in &REPORTS {
        let doc = find(&docs, want.name);
        assert_eq!(doc["place"]["short"], want.district, "{}", want.name);
        assert_eq!(doc["kind"], want.kind, "{}", want.name);
        assert_eq!(doc["date"].as_str(), want.date, "{}", want.name);
        assert_eq!(doc["year"], want.year, "{}", want.name);
        assert_eq!(doc["traditional"], want.traditional, "{}", want.name);
        let top: Vec<(u64, String)> = want.top.iter().map(|(l, c)| (*l, c.to_string())).collect();
        assert_eq!(top_sections(doc), top, "{}", want.name);
        assert_eq!(sections(doc).len(), want.sections, "{}", want.name);
        assert_eq!(doc["indicator_rows"], want.indicator_rows, "{}", want.name);
        assert_sub_sections_inherit(doc);
    }
}

#[test]
fn annual_report_nests_three_levels() {
    let (_, docs, _) = docs(&[&fixture("reports/panyu-2024-annual.txt")]);
    let levels: Vec<(u64, u64)> = sections(&docs[0])
        .iter()
        .take(3)
        .map(|s| {
            (
                s["line"].as_u64().unwrap_or(0),
                s["level"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(levels, vec![(18, 1), (22, 2), (24, 3)]);
}

#[test]
fn table_format_shows_sections_and_coverage() {
    let out = luoshi()
        .args(["docs", "--format", "table"])
        .arg(fixture("reports/huadu-2020-gwr.txt"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("place 广东省广州市花都区 (440114, county)  kind gwr  date -  year 2020"),
        "{stdout}"
    );
    assert!(stdout.contains("一、2019年工作回顾"), "{stdout}");
    assert!(stdout.contains("review 2019 FY"), "{stdout}");
    assert!(
        stdout.contains("(七)形成共建共治共享的民生发展格局。"),
        "{stdout}"
    );
}

#[test]
fn saved_html_page_is_read_like_the_text_copy() {
    let (code, docs, stderr) = docs(&[&fixture("html/baiyun-2021-h1-page.html")]);
    assert_eq!(code, 0, "{stderr}");
    let doc = &docs[0];
    assert_eq!(doc["place"]["short"], "白云区");
    assert_eq!(doc["kind"], "h1");
    assert_eq!(doc["date"], "2021-07-26");
    assert_eq!(doc["indicator_rows"], 5);
    let top: Vec<String> = top_sections(doc).into_iter().map(|(_, c)| c).collect();
    assert_eq!(top, vec!["review 2021 H1", "review 2021 H1", "plan 2021"]);
}

#[test]
fn gb18030_file_is_detected() {
    let (code, docs, stderr) = docs(&[&fixture("encodings/panyu-2024-annual-excerpt.gb18030.txt")]);
    assert_eq!(code, 0, "{stderr}");
    let doc = &docs[0];
    assert_eq!(doc["encoding"], "gb18030");
    assert_eq!(doc["place"]["short"], "番禺区");
    assert_eq!(doc["kind"], "annual");
    let top: Vec<String> = top_sections(doc).into_iter().map(|(_, c)| c).collect();
    assert_eq!(top, vec!["review 2024 FY", "plan 2025"]);
}

#[test]
fn utf16_file_with_bom_is_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(fixture("reports/haizhu-2022-h1.txt")).unwrap_or_default();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.path().join("haizhu-utf16.txt");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let (code, docs, stderr) = docs(&[&path]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(docs[0]["encoding"], "UTF-16LE");
    assert_eq!(docs[0]["place"]["short"], "海珠区");
    assert_eq!(
        top_sections(&docs[0]),
        vec![
            (21, "review 2022 H1".to_owned()),
            (69, "plan 2022".to_owned())
        ]
    );
}

#[test]
fn bad_files_are_skipped_with_one_line_each_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b"  \n\r\n ");
    let binary = write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    let garbage: Vec<u8> = (0..3000u32)
        .map(|i| [0xFF, 0x81, 0xFE, 0x30][(i % 4) as usize])
        .collect();
    let undecodable = write("garbage.txt", &garbage);
    let missing = dir.path().join("missing.txt");
    // Sparse: takes no disk space, and is refused before it is read.
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(65 * 1024 * 1024))
        .unwrap_or_else(|e| panic!("{e}"));
    let good = fixture("reports/baiyun-2025-h1.txt");
    let (code, docs, stderr) = docs(&[
        &empty,
        &blank,
        &binary,
        &undecodable,
        &missing,
        &huge,
        &good,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["name"], "baiyun-2025-h1");
    let lines: Vec<&str> = stderr.lines().collect();
    let expect_line = |path: &Path, reason: &str| {
        let prefix = format!("luoshi: skipped {}: {reason}", path.display());
        assert!(
            lines.iter().any(|l| l.starts_with(&prefix)),
            "no `{prefix}` in:\n{stderr}"
        );
    };
    expect_line(&empty, "empty file");
    expect_line(&blank, "empty file");
    expect_line(&binary, "binary file (NUL byte at offset 8)");
    expect_line(&undecodable, "cannot decode text");
    expect_line(&missing, "No such file");
    expect_line(
        &huge,
        "file too large (68157440 bytes; the limit is 67108864)",
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("luoshi: skipped "))
            .count(),
        6,
        "{stderr}"
    );
    assert!(stderr.contains("1 files read, 6 skipped"), "{stderr}");
}

#[test]
fn formats_other_than_table_and_json_are_a_usage_error() {
    let out = luoshi()
        .args(["docs", "--format", "csv"])
        .arg(fixture("reports/baiyun-2025-h1.txt"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(64));
}
