//! The walk-through of `docs/rules.md`, run as written: the documented rule
//! goes into a temporary `--rules` folder, the documented report next to it,
//! then `rules check` and `extract` must give what the page says; the
//! documented running-total companion is then added and must check clean.

use std::path::Path;
use std::process::Command;

/// The fenced block that follows `marker` in the page.
fn block_after<'a>(docs: &'a str, marker: &str) -> &'a str {
    let after = docs
        .split_once(marker)
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("docs/rules.md lost {marker}"));
    after
        .split_once("```")
        .and_then(|(_, rest)| rest.split_once('\n'))
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .unwrap_or_else(|| panic!("no fenced block after {marker}"))
}

fn run(args: &[&std::ffi::OsStr]) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_luoshi"))
        .args(args)
        .output();
    match output {
        Ok(o) => (
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            o.status.code().unwrap_or(-1),
        ),
        Err(e) => (e.to_string(), -1),
    }
}

#[test]
fn the_documented_new_target_works_from_a_rules_folder() {
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
        .unwrap_or_default();
    let rule = block_after(&docs, "<!-- walkthrough:rule -->");
    let report = block_after(&docs, "<!-- walkthrough:report -->");
    let summary = docs
        .split("`1 target, ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .map(|rest| format!("1 target, {rest}"))
        .unwrap_or_default();
    assert!(
        summary.ends_with("0 errors"),
        "documented summary: {summary}"
    );

    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let rules = tmp.path().join("my-rules");
    std::fs::create_dir(&rules).ok();
    std::fs::write(rules.join("charging.toml"), rule).ok();
    let report_path = tmp.path().join("baiyun-2025-h1.txt");
    std::fs::write(&report_path, report).ok();

    let (checked, code) = run(&["rules".as_ref(), "check".as_ref(), rules.as_os_str()]);
    assert_eq!(
        checked.trim_end().lines().last(),
        Some(summary.as_str()),
        "{checked}"
    );
    assert_eq!(code, 0, "{checked}");

    let (listed, _) = run(&[
        "rules".as_ref(),
        "list".as_ref(),
        "--rules".as_ref(),
        rules.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
    ]);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("charging_piles,充电桩,")),
        "{listed}"
    );

    let (extracted, code) = run(&[
        "extract".as_ref(),
        "--rules".as_ref(),
        rules.as_os_str(),
        "--target".as_ref(),
        "charging_piles".as_ref(),
        "--format".as_ref(),
        "tsv".as_ref(),
        "--quiet".as_ref(),
        report_path.as_os_str(),
    ]);
    assert_eq!(code, 0, "{extracted}");
    let rows: Vec<Vec<&str>> = extracted
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let values: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter_map(|r| Some((*r.get(2)?, *r.get(5)?, *r.get(6)?)))
        .collect();
    assert_eq!(values, [("charging_piles", "1200", "个")], "{extracted}");

    // Step 5: the running total, added to the same file, checks clean too.
    let companion = block_after(&docs, "<!-- walkthrough:companion -->");
    assert!(companion.contains("stock_of = \"charging_piles\""));
    std::fs::write(rules.join("charging.toml"), format!("{rule}\n{companion}")).ok();
    let (checked, code) = run(&[
        "rules".as_ref(),
        "check".as_ref(),
        "--warnings-as-errors".as_ref(),
        rules.as_os_str(),
    ]);
    assert_eq!(code, 0, "{checked}");
    assert!(
        checked.starts_with("2 targets, ") && checked.ends_with(", 0 errors\n"),
        "{checked}"
    );
}
