//! Reports as governments publish them, end to end: the five bundled reports
//! as PDF, as .docx and as text hard-wrapped at 40 characters with page
//! numbers and running headers (fixtures/formats, made by
//! scripts/make-format-fixtures.sh) must read as the plain-text originals
//! do — same scores against the gold statements, same `track` rows and
//! verdicts, same `docs` outline. Compared with the originals' results, not
//! with fixed values, so the tests hold as reading improves. Bad files (a
//! scan, an encrypted or truncated PDF, a .doc, a zip renamed .docx) are
//! each named on one line with what to do, and the run goes on.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const REPORTS: [&str; 5] = [
    "baiyun-2021-h1",
    "baiyun-2025-h1",
    "haizhu-2022-h1",
    "huadu-2020-gwr",
    "panyu-2024-annual",
];

fn luoshi() -> Command {
    Command::cargo_bin("luoshi").unwrap_or_else(|e| panic!("binary not built: {e}"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The kinds of copies, each as a folder of the five reports named as the
/// originals are (so gold statements and document names line up).
#[derive(Debug, Clone, Copy)]
enum Copy {
    Original,
    Pdf,
    Docx,
    Wrapped,
}

fn folder(dir: &Path, copy: Copy) -> PathBuf {
    let out = dir.join(format!("{copy:?}").to_lowercase());
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    for name in REPORTS {
        let (from, to) = match copy {
            Copy::Original => (format!("reports/{name}.txt"), format!("{name}.txt")),
            Copy::Pdf => (format!("formats/{name}.pdf"), format!("{name}.pdf")),
            Copy::Docx => (format!("formats/{name}.docx"), format!("{name}.docx")),
            Copy::Wrapped => (format!("formats/{name}-wrapped.txt"), format!("{name}.txt")),
        };
        fs::copy(fixtures().join(&from), out.join(to)).unwrap_or_else(|e| panic!("{from}: {e}"));
    }
    out
}

/// Runs luoshi and returns (exit code, stdout, stderr).
fn run(args: &[&str], paths: &[&Path]) -> (i32, String, String) {
    let out = luoshi()
        .args(args)
        .args(paths)
        .output()
        .unwrap_or_else(|e| panic!("cannot run luoshi: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str], path: &Path) -> Value {
    let (code, stdout, stderr) = run(args, &[path]);
    assert_eq!(code, 0, "{args:?} {}: {stderr}", path.display());
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("bad JSON ({e}): {stdout}"))
}

/// The value without what must differ between copies: file paths and
/// encodings, line numbers and byte positions (they point into each copy),
/// and the whitespace inside quotes (a quote spanning a line break of a
/// wrapped copy shows the break).
fn comparable(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "path" | "line" | "position" | "encoding" | "column" | "start" | "end"
                    )
                })
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("quote", Value::String(s)) => {
                            Value::String(s.chars().filter(|c| !c.is_whitespace()).collect())
                        }
                        _ => comparable(v),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(comparable).collect()),
        other => other.clone(),
    }
}

fn gold() -> String {
    fixtures()
        .join("gold/statements.tsv")
        .to_string_lossy()
        .into_owned()
}

/// (precision, recall) and the misses and false positives, comparable.
fn scores(path: &Path) -> (Value, Value, Value, Value) {
    let gold = gold();
    let eval = json(
        &["eval", "--quiet", "--format", "json", "--gold", &gold],
        path,
    );
    (
        eval["precision"].clone(),
        eval["recall"].clone(),
        comparable(&eval["misses"]),
        comparable(&eval["false_positives"]),
    )
}

fn check_copy(copy: Copy) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = folder(dir.path(), Copy::Original);
    let copied = folder(dir.path(), copy);

    let want = scores(&original);
    assert_eq!(
        scores(&copied),
        want,
        "{copy:?}: eval differs from the originals'"
    );

    let track = |p: &Path| comparable(&json(&["track", "--quiet", "--format", "json"], p));
    let rows = track(&original);
    assert!(rows.as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(track(&copied), rows, "{copy:?}: track rows differ");

    let docs = |p: &Path| comparable(&json(&["docs", "--quiet", "--format", "json"], p));
    assert_eq!(docs(&copied), docs(&original), "{copy:?}: docs differ");
}

#[test]
fn pdf_copies_read_as_the_originals() {
    check_copy(Copy::Pdf);
}

#[test]
fn docx_copies_read_as_the_originals() {
    check_copy(Copy::Docx);
}

#[test]
fn hard_wrapped_copies_read_as_the_originals() {
    check_copy(Copy::Wrapped);
}

#[test]
fn positions_in_a_wrapped_copy_point_into_it_and_quotes_keep_its_breaks() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copied = folder(dir.path(), Copy::Wrapped);
    let statements = json(&["extract", "--quiet", "--format", "json"], &copied);
    let statements = statements.as_array().cloned().unwrap_or_default();
    let mut across_breaks = 0;
    for s in &statements {
        let path = s["path"].as_str().unwrap_or_default();
        let file = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let quote = s["quote"].as_str().unwrap_or_default();
        let pos = &s["position"];
        let (start, end) = (
            pos["start"].as_u64().unwrap_or(0) as usize,
            pos["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(file.get(start..end), Some(quote), "{s}");
        let line = file
            .lines()
            .nth(pos["line"].as_u64().unwrap_or(1) as usize - 1)
            .unwrap_or_default();
        let at: String = line
            .chars()
            .skip(pos["column"].as_u64().unwrap_or(1) as usize - 1)
            .collect();
        let first_line = quote.split('\n').next().unwrap_or_default();
        assert!(at.starts_with(first_line), "{s}: line reads {line}");
        across_breaks += usize::from(quote.contains('\n'));
    }
    assert!(
        across_breaks > 0,
        "no quote spans a line break of the wrapped copies"
    );
}

/// A folder holding one good report and every kind of bad file.
fn folder_with_bad_files(dir: &Path) -> PathBuf {
    let out = dir.join("mixed");
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    fs::copy(
        fixtures().join("formats/haizhu-2022-h1.pdf"),
        out.join("haizhu-2022-h1.pdf"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for bad in [
        "scanned.pdf",
        "encrypted.pdf",
        "truncated.pdf",
        "excerpt.doc",
        "not-word.docx",
    ] {
        fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/bad-files")
                .join(bad),
            out.join(bad),
        )
        .unwrap_or_else(|e| panic!("{bad}: {e}"));
    }
    // WPS Office's own format is named, not read.
    fs::write(
        out.join("notice.wps"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    out
}

/// What each bad file's line must say.
const BAD: [(&str, &str); 6] = [
    ("scanned.pdf", "without a text layer"),
    ("encrypted.pdf", "encrypted PDF"),
    ("truncated.pdf", "damaged PDF"),
    ("excerpt.doc", "soffice --headless --convert-to docx"),
    ("not-word.docx", "not a Word document"),
    ("notice.wps", "soffice --headless --convert-to docx"),
];

fn check_bad_file_lines(stderr: &str, dir: &Path) {
    for (file, says) in BAD {
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(&dir.join(file).display().to_string()))
            .collect();
        assert_eq!(lines.len(), 1, "{file}: {stderr}");
        assert!(lines[0].contains(says), "{file}: {}", lines[0]);
    }
}

#[test]
fn bad_files_are_named_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mixed = folder_with_bad_files(dir.path());
    let good = mixed.join("haizhu-2022-h1.pdf");

    let (code, alone, _) = run(&["extract", "--format", "json"], &[&good]);
    assert_eq!(code, 0);
    let (code, stdout, stderr) = run(&["extract", "--format", "json"], &[&mixed]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, alone, "the good report's statements");
    check_bad_file_lines(&stderr, &mixed);
    assert!(
        stderr.contains(
            "1 files read, 6 skipped (1 .doc, 1 .wps, 1 damaged PDF, 1 encrypted PDF, \
             1 not Word, 1 scanned PDF)"
        ),
        "{stderr}"
    );

    let (code, stdout, stderr) = run(&["docs", "--format", "json"], &[&mixed]);
    assert_eq!(code, 2, "{stderr}");
    let docs: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(docs.as_array().map(Vec::len), Some(1));
    check_bad_file_lines(&stderr, &mixed);

    let (code, _, stderr) = run(&["track", "--format", "json"], &[&mixed]);
    assert_eq!(code, 2, "{stderr}");
    check_bad_file_lines(&stderr, &mixed);
}

#[test]
fn a_bad_file_named_directly_is_named_too() {
    for (file, says) in BAD.iter().take(5) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad-files")
            .join(file);
        let (code, _, stderr) = run(&["extract"], &[&path]);
        assert_eq!(code, 2, "{file}: {stderr}");
        let named: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(&path.display().to_string()))
            .collect();
        assert_eq!(named.len(), 1, "{stderr}");
        assert!(named[0].contains(says), "{}", named[0]);
    }
}
