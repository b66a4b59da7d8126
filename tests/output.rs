//! Output beyond the rows: the report page (parsed back, checked against
//! `track --format json`), the SQLite database (joined, counted against the
//! JSON), `track --summary`, tables that fit the terminal, the format taken
//! from the output file name, and the same document given twice.

// A test says on standard error what it could not check here.
#![allow(clippy::print_stderr)]

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

#[path = "output/browser.rs"]
mod browser;

const INPUTS: [&str; 2] = ["fixtures/reports", "fixtures/synthetic"];

fn luoshi() -> Command {
    Command::cargo_bin("luoshi").expect("binary built")
}

/// Runs luoshi; returns stdout, stderr and the exit code.
fn run(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = luoshi();
    cmd.args(args).env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The rows of `track INPUTS --format json`.
fn json_rows() -> Vec<Value> {
    let mut args = vec!["track"];
    args.extend(INPUTS);
    args.extend(["--format", "json", "-q"]);
    let (stdout, stderr, code) = run(&args, &[]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str::<Value>(&stdout)
        .expect("json")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The page of `report PATHS -o DIR/report.html`.
fn page(paths: &[&str], dir: &Path) -> String {
    let file = dir.join("report.html");
    let mut args = vec!["report"];
    args.extend(paths);
    let file_arg = file.to_string_lossy().into_owned();
    args.extend(["-o", &file_arg, "-q"]);
    let (_, stderr, code) = run(&args, &[]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::read_to_string(&file).expect("page written")
}

#[cfg(feature = "html")]
mod page {
    use super::*;
    use scraper::{Html, Selector};

    fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
        let selector = Selector::parse(css).expect("selector");
        doc.select(&selector).collect()
    }

    #[test]
    fn the_page_has_one_row_per_track_row_with_the_same_status() {
        let dir = tempfile::tempdir().expect("tempdir");
        let html = page(&INPUTS, dir.path());
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
        let rows = json_rows();
        let page_rows = select(&doc, "tbody.row");
        assert_eq!(page_rows.len(), rows.len());
        for (r, tbody) in rows.iter().zip(&page_rows) {
            let el = tbody.value();
            assert_eq!(el.attr("data-status"), r["status"].as_str());
            assert_eq!(el.attr("data-target"), r["target"].as_str());
            assert_eq!(el.attr("data-place"), r["place_name"].as_str());
            let words = tbody.text().collect::<String>();
            assert!(
                words.contains(r["status_zh"].as_str().unwrap_or("?")),
                "status in words: {words}"
            );
        }
        // Every row opens to its evidence, with the plan's source.
        for (r, tbody) in rows.iter().zip(&page_rows) {
            let details = tbody
                .select(&Selector::parse("details").expect("selector"))
                .count();
            assert_eq!(details, 1);
            let source = format!(
                "{}:{}",
                r["plan"]["doc"].as_str().unwrap_or_default(),
                r["plan"]["line"]
            );
            assert!(tbody.text().collect::<String>().contains(&source));
        }
    }

    #[test]
    fn evidence_shows_the_sentence_the_searched_reports_and_passed_over_outcomes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let html = page(&INPUTS, dir.path());
        let doc = Html::parse_document(&html);
        let rows = json_rows();
        let page_rows = select(&doc, "tbody.row");
        let mut seen_candidates = 0;
        for (r, tbody) in rows.iter().zip(&page_rows) {
            let text: String = tbody.text().collect();
            if let Some(quote) = r["plan"]["quote"].as_str() {
                let marked = tbody
                    .select(&Selector::parse("mark").expect("selector"))
                    .any(|m| m.text().collect::<String>() == quote);
                assert!(marked, "plan quote marked: {quote}");
            }
            if r["status"] == "unreported" {
                for s in r["searched"].as_array().into_iter().flatten() {
                    assert!(text.contains(s["doc"].as_str().unwrap_or("?")), "{text}");
                }
            }
            let passed = r["outcomes"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(r["drift"].as_array().into_iter().flatten())
                .filter(|c| c["decision"] != "taken")
                .count();
            let listed = tbody
                .select(&Selector::parse("table.candidates tbody tr").expect("selector"))
                .count();
            // Outcomes of other years come on top of those of the row's year.
            assert!(listed >= passed, "{listed} < {passed}: {text}");
            seen_candidates += listed;
        }
        assert!(
            seen_candidates > 0,
            "the fixtures have passed-over outcomes"
        );
        // A context sentence is longer than the quote it holds.
        let quote_blocks = select(&doc, "div.quote");
        assert!(quote_blocks.iter().any(|q| {
            let all: String = q.text().collect();
            let mark: String = q
                .select(&Selector::parse("mark").expect("selector"))
                .flat_map(|m| m.text())
                .collect();
            !mark.is_empty() && all.chars().count() > mark.chars().count() + 10
        }));
    }

    #[test]
    fn the_page_is_self_contained_and_reads_without_scripts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let html = page(&INPUTS, dir.path());
        let doc = Html::parse_document(&html);
        let external = select(&doc, "[src], link, iframe, object, embed");
        assert!(external.is_empty(), "external resources: {external:?}");
        for a in select(&doc, "a[href]") {
            let href = a.value().attr("href").unwrap_or_default();
            assert!(href.starts_with('#'), "only links inside the page: {href}");
        }
        assert!(html.contains("@media print"));
        // The filters do nothing without a script, so they start hidden;
        // the tables do not depend on it.
        let form = select(&doc, "form#filters");
        assert_eq!(form.len(), 1);
        assert!(form[0].value().attr("hidden").is_some());
        assert!(select(&doc, "tbody.row[hidden], section[hidden]").is_empty());
        assert!(!select(&doc, "#overview tr.place").is_empty());
        assert!(
            !select(&doc, "#charts svg").is_empty(),
            "a series of two years"
        );
    }

    #[test]
    fn ids_are_unique_when_documents_share_a_stem() {
        let dir = tempfile::tempdir().expect("tempdir");
        let html = page(
            &[
                "fixtures/formats/baiyun-2021-h1.pdf",
                "fixtures/formats/baiyun-2021-h1.docx",
            ],
            dir.path(),
        );
        let doc = Html::parse_document(&html);
        let ids: Vec<&str> = select(&doc, "[id]")
            .iter()
            .filter_map(|e| e.value().attr("id"))
            .collect();
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert_eq!(select(&doc, "#documents tbody tr").len(), 2);
    }

    #[test]
    fn document_text_and_file_names_are_escaped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let hostile = dir.path().join("in");
        std::fs::create_dir(&hostile).expect("dir");
        let text =
            std::fs::read_to_string("fixtures/synthetic/anhe-2030-annual.txt").expect("fixture");
        // Markup in the text of a statement's sentence and in a file name.
        let text = text.replacen("。", "<script>alert(1)</script>&amp;。", 3);
        std::fs::write(hostile.join("anhe-<b>bold&amp;.txt"), text).expect("write");
        let html = page(&[&hostile.to_string_lossy()], dir.path());
        let doc = Html::parse_document(&html);
        assert_eq!(
            select(&doc, "script").len(),
            1,
            "only the page's own script"
        );
        assert!(select(&doc, "b").is_empty());
        let body: String = select(&doc, "main")[0].text().collect();
        assert!(
            body.contains("anhe-<b>bold&amp;"),
            "file name shown as text"
        );
        assert!(body.contains("<script>alert(1)</script>&amp;"), "{body}");
    }
}

#[test]
fn the_database_joins_rows_to_statements_and_documents_as_the_json_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("follow.db");
    let db_arg = db.to_string_lossy().into_owned();
    let mut args = vec!["track"];
    args.extend(INPUTS);
    args.extend(["-o", &db_arg, "-q"]);
    let (_, stderr, code) = run(&args, &[]);
    assert_eq!(code, 0, "{stderr}");
    let rows = json_rows();
    let conn = rusqlite::Connection::open(&db).expect("opens");
    // Each row's plan, through its statement, in its document: the same
    // rows in the same order as the JSON.
    let mut stmt = conn
        .prepare(
            "SELECT r.target, r.year, r.status, d.doc, s.line FROM rows r
             JOIN statements s ON s.id = r.plan_statement_id
             JOIN documents d ON d.id = s.document_id
             WHERE s.kind = 'plan' AND s.target = r.target
             ORDER BY r.id",
        )
        .expect("prepare");
    let joined: Vec<(String, i64, String, String, i64)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let expected: Vec<(String, i64, String, String, i64)> = rows
        .iter()
        .map(|r| {
            let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
            (
                s(&r["target"]),
                r["year"].as_i64().unwrap_or_default(),
                s(&r["status"]),
                s(&r["plan"]["doc"]),
                r["plan"]["line"].as_i64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(joined, expected);
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        *by_status
            .entry(r["status"].as_str().unwrap_or_default().to_owned())
            .or_default() += 1;
    }
    let mut stmt = conn
        .prepare(
            "SELECT r.status, COUNT(*) FROM rows r
             JOIN statements s ON s.id = r.plan_statement_id
             JOIN documents d ON d.id = s.document_id
             GROUP BY r.status",
        )
        .expect("prepare");
    let counted: BTreeMap<String, usize> = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(counted, by_status);
    // Every outcome taken that was stated (not derived) points at its statement.
    let outcomes = rows
        .iter()
        .filter(|r| r["outcome"].is_object() && r["outcome"]["derived"] == false)
        .count();
    let linked: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM rows r JOIN statements s ON s.id = r.outcome_statement_id
             WHERE s.kind = 'outcome'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(linked as usize, outcomes);
    // Candidates as many as the JSON lists.
    let candidates: usize = rows
        .iter()
        .map(|r| {
            r["outcomes"].as_array().map_or(0, Vec::len) + r["drift"].as_array().map_or(0, Vec::len)
        })
        .sum();
    let stored: i64 = conn
        .query_row("SELECT COUNT(*) FROM candidates", [], |r| r.get(0))
        .expect("query");
    assert_eq!(stored as usize, candidates);
    let hashes: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM documents WHERE length(sha256) = 64",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(hashes, 9);
    // Python's sqlite3 reads it too, when Python is here (not required).
    let python = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from rows').fetchone()[0])",
            &db_arg,
        ])
        .output();
    match python {
        Ok(out) if out.status.success() => {
            assert_eq!(
                String::from_utf8_lossy(&out.stdout).trim(),
                rows.len().to_string()
            );
        }
        _ => eprintln!("python3 with sqlite3 not available; checked in Rust only"),
    }
}

#[test]
fn the_summary_counts_what_the_rows_say() {
    let mut args = vec!["track"];
    args.extend(INPUTS);
    args.extend(["--summary", "--format", "json", "-q"]);
    let (stdout, stderr, code) = run(&args, &[]);
    assert_eq!(code, 0, "{stderr}");
    let summary: Value = serde_json::from_str(&stdout).expect("json");
    let rows = json_rows();
    let indicators = summary["indicators"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let targets: u64 = indicators
        .iter()
        .filter_map(|i| i["targets"].as_u64())
        .sum();
    assert_eq!(targets as usize, rows.len());
    let judged_rows = rows
        .iter()
        .filter(|r| ["met", "exceeded", "short"].contains(&r["status"].as_str().unwrap_or("")))
        .count();
    let judged: u64 = indicators.iter().filter_map(|i| i["judged"].as_u64()).sum();
    assert_eq!(judged as usize, judged_rows);
    let gdp = indicators
        .iter()
        .find(|i| i["target"] == "gdp_growth")
        .expect("gdp growth summarised");
    assert_eq!(gdp["gap_kind"], "pp");
    // CSV: a header and a line per indicator and level.
    let mut args = vec!["track"];
    args.extend(INPUTS);
    args.extend(["--summary", "--format", "csv", "-q"]);
    let (csv, _, code) = run(&args, &[]);
    assert_eq!(code, 0);
    assert_eq!(csv.lines().count(), indicators.len() + 1);
}

/// Display columns of the widest table line (CJK characters count two).
fn widest(text: &str) -> usize {
    text.lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
        .map(|l| {
            l.chars()
                .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn tables_fit_the_terminal_width_and_wide_restores_full_cells() {
    for command in ["track", "extract"] {
        let mut args = vec![command];
        args.extend(INPUTS);
        args.extend(["--format", "table", "-q"]);
        let (narrow, _, code) = run(&args, &[("COLUMNS", "120")]);
        assert_eq!(code, 0);
        assert!(narrow.lines().count() > 10);
        assert!(widest(&narrow) <= 120, "{command}: {}", widest(&narrow));
        let (default, _, _) = run(&args, &[]);
        assert!(widest(&default) <= 80, "{command} without a terminal: 80");
        args.push("--wide");
        let (wide, _, _) = run(&args, &[("COLUMNS", "120")]);
        assert!(widest(&wide) > 120, "{command} --wide: {}", widest(&wide));
    }
}

#[test]
fn the_format_follows_the_file_name_and_a_clash_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("rows.json");
    let json_arg = json.to_string_lossy().into_owned();
    let (_, stderr, code) = run(&["track", "fixtures/synthetic", "-o", &json_arg, "-q"], &[]);
    assert_eq!(code, 0, "{stderr}");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("written")).expect("json");
    assert!(written.is_array());
    let md = dir.path().join("s.md");
    let md_arg = md.to_string_lossy().into_owned();
    let (_, _, code) = run(&["extract", "fixtures/synthetic", "-o", &md_arg, "-q"], &[]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&md)
        .expect("written")
        .starts_with("| "));
    let (_, stderr, code) = run(
        &[
            "track",
            "fixtures/synthetic",
            "--format",
            "csv",
            "-o",
            &json_arg,
        ],
        &[],
    );
    assert_eq!(code, 64, "{stderr}");
    assert!(stderr.contains("contradicts"), "{stderr}");
    let html = dir.path().join("s.html");
    let (_, stderr, code) = run(
        &[
            "extract",
            "fixtures/synthetic",
            "-o",
            &html.to_string_lossy(),
        ],
        &[],
    );
    assert_eq!(code, 64, "{stderr}");
    assert!(!html.exists());
    let (_, stderr, code) = run(&["track", "fixtures/synthetic", "--format", "sqlite"], &[]);
    assert_eq!(code, 64, "{stderr}");
}

#[test]
fn docs_and_eval_take_their_format_from_the_file_name_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs.json");
    let docs_arg = docs.to_string_lossy().into_owned();
    let (_, stderr, code) = run(&["docs", "fixtures/reports", "-o", &docs_arg, "-q"], &[]);
    assert_eq!(code, 0, "{stderr}");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&docs).expect("written")).expect("json");
    assert!(written.is_array());
    let scores = dir.path().join("scores.json");
    let scores_arg = scores.to_string_lossy().into_owned();
    let (_, stderr, code) = run(
        &[
            "eval",
            "--gold",
            "fixtures/gold/statements.tsv",
            "fixtures/reports",
            "-o",
            &scores_arg,
            "-q",
        ],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&scores).expect("written")).expect("json");
    assert!(written["precision"].is_number());
    let (_, stderr, code) = run(
        &[
            "docs",
            "fixtures/reports",
            "--format",
            "table",
            "-o",
            &docs_arg,
        ],
        &[],
    );
    assert_eq!(code, 64, "{stderr}");
}

#[test]
fn the_same_document_twice_is_read_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.txt", "copy.txt", "again.txt"] {
        std::fs::copy(
            "fixtures/reports/panyu-2024-annual.txt",
            dir.path().join(name),
        )
        .expect("copy");
    }
    let path = dir.path().to_string_lossy().into_owned();
    let (stdout, stderr, code) = run(&["track", &path, "--format", "json"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr.matches("same content as").count(), 2, "{stderr}");
    assert!(stderr.contains("again.txt: same content as") && stderr.contains("a.txt"));
    let rows: Value = serde_json::from_str(&stdout).expect("json");
    let (single, _, _) = run(
        &[
            "track",
            "fixtures/reports/panyu-2024-annual.txt",
            "--format",
            "json",
            "-q",
        ],
        &[],
    );
    let single: Value = serde_json::from_str(&single).expect("json");
    assert_eq!(
        rows.as_array().map(Vec::len),
        single.as_array().map(Vec::len)
    );
    let (table, _, _) = run(&["track", &path, "--format", "table", "-q"], &[]);
    assert!(!table.contains("copy"), "one document's sources: {table}");
}
