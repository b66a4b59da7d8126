//! The exit-code contract, for every subcommand: 0 ok, 1 a check failed,
//! 2 a runtime error or skipped files, 64 a usage error (argument parsing
//! included), 78 a malformed rule file. Each subcommand is run with a usage
//! error, a runtime error and a bad rule file.

use std::process::Command;

/// Exit code and standard error of luoshi run from the repository root.
fn run(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_luoshi"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output();
    match output {
        Ok(o) => (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ),
        Err(e) => (-1, e.to_string()),
    }
}

fn assert_code(expected: i32, args: &[&str]) {
    let (code, stderr) = run(args);
    assert_eq!(code, expected, "luoshi {}\n{stderr}", args.join(" "));
}

const BAD_RULES: &str = "tests/rules/broken/unknown_unit.toml";
const BAD_RULES_DIR: &str = "tests/rules/broken";
const GOLD: &str = "fixtures/gold/statements.tsv";
const MISSING: &str = "fixtures/no-such-report.txt";

#[test]
fn argument_parsing_errors_are_usage_errors() {
    assert_code(64, &["frob"]);
    assert_code(64, &[]);
    assert_code(64, &["track"]);
    assert_code(64, &["track", "fixtures/synthetic", "--format", "xml"]);
    assert_code(64, &["track", "fixtures/synthetic", "--year", "abc"]);
    assert_code(64, &["rules"]);
    assert_code(0, &["--help"]);
    assert_code(0, &["track", "--help"]);
    assert_code(0, &["--version"]);
}

#[test]
fn extract() {
    assert_code(0, &["extract", "fixtures/synthetic", "--quiet"]);
    assert_code(64, &["extract", "fixtures/synthetic", "--kind", "goal"]);
    assert_code(64, &["extract", "fixtures/synthetic", "--target", "nope"]);
    assert_code(2, &["extract", MISSING]);
    assert_code(
        78,
        &["extract", "fixtures/synthetic", "--rules", BAD_RULES_DIR],
    );
}

#[test]
fn docs() {
    assert_code(0, &["docs", "fixtures/synthetic", "--quiet"]);
    assert_code(64, &["docs", "fixtures/synthetic", "--format", "csv"]);
    assert_code(2, &["docs", MISSING]);
    assert_code(
        78,
        &["docs", "fixtures/synthetic", "--rules", BAD_RULES_DIR],
    );
}

#[test]
fn eval() {
    assert_code(0, &["eval", "--gold", GOLD, "fixtures/reports", "--quiet"]);
    assert_code(64, &["eval", "fixtures/reports"]);
    assert_code(
        64,
        &[
            "eval",
            "--gold",
            GOLD,
            "fixtures/reports",
            "--format",
            "csv",
        ],
    );
    assert_code(
        2,
        &[
            "eval",
            "--gold",
            "fixtures/gold/none.tsv",
            "fixtures/reports",
        ],
    );
    assert_code(
        78,
        &[
            "eval",
            "--gold",
            GOLD,
            "fixtures/reports",
            "--rules",
            BAD_RULES_DIR,
        ],
    );
}

#[test]
fn track() {
    assert_code(0, &["track", "fixtures/synthetic", "--quiet"]);
    assert_code(64, &["track", "fixtures/synthetic", "--status", "done"]);
    assert_code(64, &["track", "fixtures/synthetic", "--format", "tsv"]);
    assert_code(2, &["track", MISSING]);
    assert_code(
        78,
        &["track", "fixtures/synthetic", "--rules", BAD_RULES_DIR],
    );
}

#[test]
fn rules_check() {
    assert_code(0, &["rules", "check", "tests/rules/good"]);
    assert_code(1, &["rules", "check", "tests/rules/failing"]);
    assert_code(64, &["rules", "check", "tests/rules/none"]);
    assert_code(64, &["rules", "check", "--strict"]);
    assert_code(78, &["rules", "check", BAD_RULES]);
}

#[test]
fn rules_list() {
    assert_code(0, &["rules", "list"]);
    assert_code(64, &["rules", "list", "--format", "xml"]);
    assert_code(64, &["rules", "list", "--rules", "tests/rules/none"]);
    assert_code(78, &["rules", "list", "--rules", BAD_RULES_DIR]);
}

#[test]
fn explain() {
    assert_code(0, &["explain", "--text", "新增中小学学位5200个"]);
    assert_code(64, &["explain"]);
    assert_code(64, &["explain", "--link", "--district", "安和"]);
    assert_code(2, &["explain", "fixtures/no-such-report.txt:3"]);
    assert_code(2, &["explain", "fixtures/synthetic/anhe-2030-gwr.txt:9999"]);
    assert_code(78, &["explain", "--text", "新增", "--rules", BAD_RULES_DIR]);
    let link = [
        "explain",
        "--link",
        "--district",
        "安和",
        "--target",
        "bidao",
    ];
    let link = [&link[..], &["--year", "2030", "--in"]].concat();
    assert_code(2, &[&link[..], &[MISSING]].concat());
    assert_code(
        78,
        &[&link[..], &["fixtures/synthetic", "--rules", BAD_RULES_DIR]].concat(),
    );
}

#[test]
fn output_into_a_missing_folder_names_the_folder() {
    let (code, stderr) = run(&[
        "extract",
        "fixtures/synthetic",
        "-o",
        "fixtures/no-such-folder/out.tsv",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("fixtures/no-such-folder: no such folder to write"),
        "{stderr}"
    );
    assert!(!stderr.contains(".tmp"), "{stderr}");
}

#[test]
fn rules_new() {
    assert_code(
        0,
        &[
            "rules",
            "new",
            "charging_piles",
            "--from",
            "新建充电桩1200个",
        ],
    );
    assert_code(64, &["rules", "new", "charging_piles"]);
    assert_code(
        64,
        &["rules", "new", "Bad-Id", "--from", "新建充电桩1200个"],
    );
    assert_code(
        64,
        &[
            "rules",
            "new",
            "x",
            "--from",
            "新建充电桩1200个",
            "--rules",
            "tests/rules/none",
        ],
    );
    assert_code(
        78,
        &[
            "rules",
            "new",
            "x",
            "--from",
            "新建充电桩1200个",
            "--rules",
            BAD_RULES_DIR,
        ],
    );
}

/// `diff` reads two outputs and no rules: a bad rule file cannot concern it.
#[test]
fn diff() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("s.json").to_string_lossy().into_owned();
    assert_code(
        0,
        &[
            "extract",
            "fixtures/synthetic",
            "--format",
            "json",
            "-q",
            "-o",
            &out,
        ],
    );
    assert_code(0, &["diff", &out, &out]);
    assert_code(64, &["diff", &out]);
    assert_code(64, &["diff", &out, &out, "--format", "csv"]);
    assert_code(2, &["diff", &out, MISSING]);
    assert_code(2, &["diff", &out, "README.md"]);
    // `extract --against-rules` does read rules.
    assert_code(
        78,
        &[
            "extract",
            "fixtures/synthetic",
            "--against-rules",
            BAD_RULES_DIR,
        ],
    );
    assert_code(
        64,
        &[
            "extract",
            "fixtures/synthetic",
            "--against-rules",
            "--format",
            "tsv",
        ],
    );
}
