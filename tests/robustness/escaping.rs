//! Document text echoed in every output format is escaped for that format: a
//! synthetic report whose matched clause holds `|`, `"`, `,`, a tab and a
//! terminal escape sequence.

use super::{luoshi, s};
use std::fs;

/// The clause the extractor quotes, verbatim.
const QUOTE: &str = "力争新增中小学学位5200个|\"引号\"\t制表\u{1b}[31m红色";

/// A report with a title, so that its plan has a year (a statement with no
/// known year is never written).
fn report() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("2030年政府工作报告\n{QUOTE}。\n");
    fs::write(dir.path().join("a|b.txt"), text).unwrap();
    dir
}

fn extract(format: &str) -> String {
    let dir = report();
    let run = luoshi(&["extract", "-q", "--format", format, s(dir.path())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn json_keeps_the_quote_verbatim_inside_a_string() {
    let out = extract("json");
    assert!(!out.contains('\u{1b}') && !out.contains('\t'));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["quote"], QUOTE);
    assert_eq!(json[0]["doc"], "a|b");
    assert_eq!(json[0]["value"], 5200.0);
}

#[test]
fn csv_quotes_the_field_and_reads_back_verbatim() {
    let out = extract("csv");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let quote = headers.iter().position(|h| h == "quote").unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(&records[0][quote], QUOTE);
    assert_eq!(records[0].len(), headers.len());
}

#[test]
fn tsv_keeps_one_row_of_ten_fields_and_no_control_characters() {
    let out = extract("tsv");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let fields: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(fields.len(), 10, "{fields:?}");
    assert_eq!(fields[9], "力争新增中小学学位5200个|\"引号\" 制表 [31m红色");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn markdown_escapes_pipes_and_drops_control_characters() {
    let out = extract("markdown");
    assert!(!out.contains('\u{1b}') && !out.contains('\t'));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let header_cells = lines[0].matches('|').count();
    let row = lines[2];
    let unescaped = row.matches('|').count() - row.matches("\\|").count();
    assert_eq!(unescaped, header_cells, "{row}");
    assert!(row.starts_with("| a\\|b:2 |"), "{row}");
    assert!(row.contains("5200个\\|\"引号\" 制表 [31m红色"), "{row}");
}

#[test]
fn terminal_table_drops_escape_sequences() {
    let out = extract("table");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("[31m"), "{out}");
    assert!(out.contains("5200"), "{out}");
}
