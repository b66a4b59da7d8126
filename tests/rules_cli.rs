//! `luoshi rules check` and `rules list` end to end: the exact diagnostics for
//! each kind of broken rule file (one small file per kind under
//! `tests/rules/broken/`), exit codes, overrides, and listing. The hygiene of
//! the default rules and the documented walk-through are checked in the
//! modules below.

#[path = "rules_cli/excludes.rs"]
mod excludes;
#[path = "rules_cli/hygiene.rs"]
mod hygiene;
#[path = "rules_cli/loader_props.rs"]
mod loader_props;
#[path = "rules_cli/walkthrough.rs"]
mod walkthrough;

mod common;
pub use common::luoshi;

/// The report of `rules check` on one broken file: it must be malformed (78).
fn check_broken(name: &str) -> String {
    let path = format!("tests/rules/broken/{name}.toml");
    let (stdout, stderr, code) = luoshi(&["rules", "check", &path]);
    assert_eq!(code, 78, "{name}: exit code; stderr: {stderr}");
    stdout
}

const NOT_RUN: &str = "examples not run: fix the errors first\n";

#[test]
fn syntax_error() {
    let expected = r#"tests/rules/broken/syntax_error.toml:3:15: error: invalid basic string, expected `"`
3 | name_zh = "充电桩
  |                  ^
  = hint: close the string with `"` on the same line, or use `"""` for text over several lines
"#;
    assert_eq!(
        check_broken("syntax_error"),
        format!("{expected}{NOT_RUN}0 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn unknown_field() {
    let expected = r#"tests/rules/broken/unknown_field.toml:7:1: error: unknown field `trems`
7 | trems = ["充电桩"]
  | ^^^^^
  = hint: did you mean `terms`? allowed fields: `id`, `name_zh`, `name_en`, `unit`, `alt_units`, `counters`, `conversions`, `measure`, `stock_of`, `related`, `terms`, `context_terms`, `requires`, `excludes`, `value_first`, `max_gap`, `scopes`, `examples`, `counter_examples`
"#;
    assert_eq!(
        check_broken("unknown_field"),
        format!("{expected}{NOT_RUN}0 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn missing_field() {
    let expected = r#"tests/rules/broken/missing_field.toml:1:1: error: missing field `unit`
1 | [[target]]
  | ^^^^^^^^^^
  = hint: add `unit = …` to this table (docs/rules.md lists every field)
"#;
    assert_eq!(
        check_broken("missing_field"),
        format!("{expected}{NOT_RUN}0 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn wrong_type() {
    let expected = r#"tests/rules/broken/wrong_type.toml:7:9: error: wrong type: string "充电桩", expected a list
7 | terms = "充电桩"
  |         ^^^^^^^^
  = hint: write a list in square brackets: `["…", "…"]`
"#;
    assert_eq!(
        check_broken("wrong_type"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn unknown_measure() {
    let expected = r#"tests/rules/broken/unknown_measure.toml:6:11: error: unknown value `flwo`
6 | measure = "flwo"
  |           ^^^^^^
  = hint: did you mean `flow`? allowed values: `flow`, `stock`, `rate`
"#;
    assert_eq!(
        check_broken("unknown_measure"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn duplicate_id() {
    let expected = r#"tests/rules/broken/duplicate_id.toml:15:6: error: duplicate target id `charging_piles`
15 | id = "charging_piles"
   |      ^^^^^^^^^^^^^^^^
   = hint: first defined at tests/rules/broken/duplicate_id.toml:2:6
"#;
    assert_eq!(
        check_broken("duplicate_id"),
        format!("{expected}{NOT_RUN}2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn id_not_snake_case() {
    let expected = r#"tests/rules/broken/id_not_snake_case.toml:2:6: error: target id `ChargingPiles` is not snake_case ASCII
2 | id = "ChargingPiles"
  |      ^^^^^^^^^^^^^^^
  = hint: write it as `charging_piles`
"#;
    assert_eq!(
        check_broken("id_not_snake_case"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn unknown_unit() {
    let expected = r#"tests/rules/broken/unknown_unit.toml:5:8: error: unknown unit `亩亩`
5 | unit = "亩亩"
  |        ^^^^^^
  = hint: did you mean `亩`?
"#;
    assert_eq!(
        check_broken("unknown_unit"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn unknown_alt_unit() {
    let expected = r#"tests/rules/broken/unknown_alt_unit.toml:6:14: error: unknown alt unit `公顷`
6 | alt_units = ["公顷"]
  |              ^^^^^^
  = hint: `公顷` is converted to `亩` when read; declare the canonical unit `亩`
"#;
    assert_eq!(
        check_broken("unknown_alt_unit"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn empty_terms() {
    let expected = r#"tests/rules/broken/empty_terms.toml:7:9: error: target `charging_piles` has no terms
7 | terms = []
  |         ^^
  = hint: list the words that name the target: `terms = ["新增充电桩"]`
"#;
    assert_eq!(
        check_broken("empty_terms"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn blank_term() {
    let expected = r#"tests/rules/broken/blank_term.toml:7:17: error: empty term
7 | terms = ["充电桩", "  "]
  |                    ^^^^
  = hint: write the words, or remove the entry
"#;
    assert_eq!(
        check_broken("blank_term"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn duplicate_term() {
    let expected = r#"tests/rules/broken/duplicate_term.toml:7:29: error: duplicate term `充电桩`
7 | terms = ["充电桩", "新能源汽车充电桩", "充电桩"]
  |                                        ^^^^^^^^
  = hint: already listed at tests/rules/broken/duplicate_term.toml:7:10
"#;
    assert_eq!(
        check_broken("duplicate_term"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn invalid_regex() {
    let expected = r#"tests/rules/broken/invalid_regex.toml:8:23: error: invalid regular expression: unclosed group
8 | scopes = [{ pattern = "(高速公路服务区", name = "服务区" }]
  |                       ^^^^^^^^^^^^^^^^^
  = hint: `(`, `)`, `[`, `]`, `.`, `*`, `+` and `?` are special; write `\\(` in TOML for a literal `(`
"#;
    assert_eq!(
        check_broken("invalid_regex"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn max_gap_zero() {
    let expected = r#"tests/rules/broken/max_gap_zero.toml:8:11: error: max_gap 0 is out of range (1 to 200)
8 | max_gap = 0
  |           ^
  = hint: max_gap counts the characters allowed between term and value; the default is 24
"#;
    assert_eq!(
        check_broken("max_gap_zero"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn conversion_factor_not_positive() {
    let expected = r#"tests/rules/broken/conversion_factor.toml:6:42: error: conversion factor 0 is not a positive number
6 | conversions = [{ unit = "万平方米", factor = 0 }]
  |                                              ^
  = hint: the factor multiplies a value in the conversion's unit to give the target's unit: `factor = 15`
"#;
    assert_eq!(
        check_broken("conversion_factor"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn value_not_a_number() {
    let expected = r#"tests/rules/broken/value_not_a_number.toml:8:44: error: wrong type: string "1200", expected a number
8 | examples = [{ text = "新建充电桩1200个", value = "1200" }, { text = "全年建成充电桩2500个", value = 2500 }]
  |                                                  ^^^^^^
  = hint: write the number without quotes: `value = 5200`
"#;
    assert_eq!(
        check_broken("value_not_a_number"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn value_not_finite() {
    let expected = r#"tests/rules/broken/value_not_finite.toml:10:34: error: example value `NaN` is not a finite number
10 |   { text = "建成充电桩1200个", value = nan },
   |                                        ^^^
   = hint: write the value the sentence must give, in `个`: `value = 5200`
"#;
    assert_eq!(
        check_broken("value_not_finite"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn stock_of_unknown() {
    let expected = r#"tests/rules/broken/stock_of_unknown.toml:22:12: error: unknown target `charging_pile` in `stock_of`
22 | stock_of = "charging_pile"
   |            ^^^^^^^^^^^^^^^
   = hint: did you mean `charging_piles`?
"#;
    assert_eq!(
        check_broken("stock_of_unknown"),
        format!("{expected}{NOT_RUN}2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn stock_of_on_flow() {
    let expected = r#"tests/rules/broken/stock_of_on_flow.toml:7:12: error: `stock_of` on `charging_piles`, a flow target
7 | stock_of = "charging_piles_total"
  |            ^^^^^^^^^^^^^^^^^^^^^^
  = hint: `stock_of` goes on the running total: write `stock_of = "charging_piles"` in `charging_piles_total`
"#;
    assert_eq!(
        check_broken("stock_of_on_flow"),
        format!("{expected}{NOT_RUN}2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn stock_of_unit_mismatch() {
    let expected = r#"tests/rules/broken/stock_of_unit_mismatch.toml:22:12: error: `charging_piles_total` counts in `个` but the flow it accumulates, `charging_piles`, counts in `台`
22 | stock_of = "charging_piles"
   |            ^^^^^^^^^^^^^^^^
   = hint: a running total and its flow count in the same unit; `charging_piles` is defined at tests/rules/broken/stock_of_unit_mismatch.toml:2:6
"#;
    assert_eq!(
        check_broken("stock_of_unit_mismatch"),
        format!("{expected}{NOT_RUN}2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

/// The ids a `--rules` file may relate to include the default targets.
#[test]
fn related_unknown() {
    let expected = r#"tests/rules/broken/related_unknown.toml:7:33: error: unknown target `school_place_public` in `related`
7 | related = ["school_places_k12", "school_place_public"]
  |                                 ^^^^^^^^^^^^^^^^^^^^^
  = hint: did you mean `school_places_public`?
"#;
    assert_eq!(
        check_broken("related_unknown"),
        format!("{expected}{NOT_RUN}1 target, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error\n")
    );
}

#[test]
fn a_broken_stock_of_stops_tracking_with_the_place_and_hint() {
    let (stdout, stderr, code) = luoshi(&[
        "track",
        "--rules",
        "tests/rules/broken/stock_of_unknown.toml",
        "fixtures/synthetic",
    ]);
    assert_eq!(code, 78);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "luoshi: tests/rules/broken/stock_of_unknown.toml:22:12: unknown target `charging_pile` in `stock_of` (did you mean `charging_piles`?)\n"
    );
}

#[test]
fn the_same_id_in_two_files_of_a_folder_is_a_duplicate() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/two_files"]);
    assert_eq!(code, 78);
    assert_eq!(
        stdout,
        "tests/rules/two_files/b.toml:2:6: error: duplicate target id `charging_piles`
2 | id = \"charging_piles\"
  |      ^^^^^^^^^^^^^^^^
  = hint: first defined at tests/rules/two_files/a.toml:2:6; to replace a default target, put the new one in a folder given with `--rules`
examples not run: fix the errors first
2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 1 error
"
    );
}

#[test]
fn warnings_fail_the_check_only_when_asked() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/warnings"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(
            "tests/rules/warnings/unsorted.toml:12:6: warning: target `charging_piles` comes after `swap_stations`: ids in a file are kept sorted
12 | id = \"charging_piles\"
   |      ^^^^^^^^^^^^^^^^
   = hint: move it before `swap_stations`
"
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with(
        "2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 5 warnings, 0 errors\n"
    ));
    let (strict, _, code) = luoshi(&[
        "rules",
        "check",
        "tests/rules/warnings",
        "--warnings-as-errors",
    ]);
    assert_eq!(code, 1);
    assert_eq!(strict, stdout);
}

#[test]
fn an_example_without_its_term_is_missed() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/failing"]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with(
            "tests/rules/failing/examples.toml:11:12: missed: `charging_piles` should give 30 个, found nothing
11 |   { text = \"新建换电站30座\", value = 30 },
   |            ^^^^^^^^^^^^^^^^
   = hint: `luoshi explain --text \"新建换电站30座\"` shows what each rule saw
"
        ),
        "{stdout}"
    );
}

/// Needs the extraction engine: `新建充电桩1200个` must give 1200 个.
#[test]
fn example_outcomes_are_reported_in_four_words() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/failing"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(
            "tests/rules/failing/examples.toml:12:12: wrong value: `charging_piles` should give 1300 个, found 1200 个"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "tests/rules/failing/examples.toml:14:21: noisy: counter-example gave `charging_piles` 500 个"
        ),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "1 target, 0 examples matched, 1 missed, 1 noisy, 1 wrong value, 0 warnings, 0 errors\n"
        ),
        "{stdout}"
    );
}

/// Needs the extraction engine: both examples must match.
#[test]
fn a_clean_rule_folder_passes() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/good", "--warnings-as-errors"]);
    assert_eq!(
        stdout,
        "1 target, 3 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 0 errors\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_folder_without_rule_files_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, stderr, code) = luoshi(&["rules", "check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 64);
    assert_eq!(
        stderr,
        format!(
            "luoshi: no rule files (*.toml) in {}\n",
            dir.path().display()
        )
    );
}

#[test]
fn rule_files_in_subfolders_are_named_not_ignored() {
    let (_, stderr, code) = luoshi(&["rules", "check", "tests/rules"]);
    assert_eq!(code, 78);
    assert!(stderr.contains("tests/rules/broken"), "{stderr}");
    assert!(stderr.contains("subfolder"), "{stderr}");
}

#[test]
fn a_broken_rules_folder_stops_extraction_with_the_place_and_hint() {
    let (stdout, stderr, code) = luoshi(&[
        "extract",
        "--rules",
        "tests/rules/broken/unknown_unit.toml",
        "fixtures/reports",
    ]);
    assert_eq!(code, 78);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "luoshi: tests/rules/broken/unknown_unit.toml:5:8: unknown unit `亩亩` (did you mean `亩`?)\n"
    );
}

#[test]
fn rules_list_shows_an_added_target_with_its_file() {
    let (stdout, _, code) = luoshi(&[
        "rules",
        "list",
        "--rules",
        "tests/rules/good",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("id,name_zh,name_en,unit,alt_units,measure,stock_of,related,examples,counter_examples,file,override")
    );
    let rows: Vec<&str> = lines.filter(|l| l.starts_with("charging_piles,")).collect();
    assert_eq!(
        rows,
        ["charging_piles,充电桩,EV charging piles built,个,,flow,,,2,1,tests/rules/good/charging.toml,false"]
    );
    let (json, _, _) = luoshi(&[
        "rules",
        "list",
        "--rules",
        "tests/rules/good",
        "--format",
        "json",
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let added = parsed
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == "charging_piles"));
    assert_eq!(added.map(|r| r["override"].clone()), Some(false.into()));
    assert_eq!(added.map(|r| r["examples"].clone()), Some(2.into()));
}

/// Needs `school_places_k12` in the default rules.
#[test]
fn an_override_replaces_the_default_target_and_is_marked() {
    let (stdout, _, code) = luoshi(&[
        "rules",
        "list",
        "--rules",
        "tests/rules/override",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("school_places_k12,"))
        .collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    assert!(
        rows.iter()
            .all(|r| r.ends_with(",tests/rules/override/education.toml,true")),
        "{stdout}"
    );
    let (check, _, _) = luoshi(&["rules", "check", "tests/rules/override"]);
    assert!(!check.contains("duplicate"), "{check}");
    assert!(
        check.starts_with(
            "tests/rules/override/education.toml:5:6: warning: new target `school_place_k12` has almost the id of the default target `school_places_k12`
5 | id = \"school_place_k12\"
  |      ^^^^^^^^^^^^^^^^^^
  = hint: did you mean `school_places_k12`? An override must use the exact id
"
        ),
        "{check}"
    );
}

#[test]
fn every_problem_is_shown_at_once_though_a_type_error_is_among_them() {
    let report = check_broken("many_mistakes");
    let errors: Vec<&str> = report
        .lines()
        .filter(|l| l.contains(": error: "))
        .filter_map(|l| l.split(": error: ").nth(1))
        .collect();
    assert_eq!(
        errors,
        [
            "unknown unit `个数`",
            "duplicate term `充电桩`",
            "wrong type: string \"1200\", expected a number",
            "unknown field `colour`",
            "target id `Charging-Stations` is not snake_case ASCII",
            "unknown value `flwo`",
            "max_gap 0 is out of range (1 to 200)",
        ],
        "{report}"
    );
    assert!(report.ends_with(
        "2 targets, 0 examples matched, 0 missed, 0 noisy, 0 wrong value, 1 warning, 7 errors\n"
    ));
}

#[test]
fn an_example_that_also_gives_a_stray_statement_is_noisy_not_matched() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/stray"]);
    let expected = r#"tests/rules/stray/grid.toml:11:12: noisy: `grid_projects` gives 310 项 as it should, and also 1 项 (outcome)
11 |   { text = "建成投产输变电网项目1项和配电网项目310项", value = 310 },
   |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   = hint: `luoshi explain --text "建成投产输变电网项目1项和配电网项目310项"` shows what each rule saw
1 target, 2 examples matched, 0 missed, 1 noisy, 0 wrong value, 0 warnings, 0 errors
"#;
    assert_eq!(stdout, expected);
    assert_eq!(code, 1);
}

#[test]
fn rules_check_says_which_term_wins_when_a_default_one_shadows_a_users() {
    let (stdout, _, code) = luoshi(&["rules", "check", "tests/rules/shadowed"]);
    assert_eq!(code, 1, "{stdout}");
    // A longer default term swallows a shorter term of the folder, statically…
    assert!(stdout.contains(
        "warning: term `工业产值` of `industrial_output_total` stands inside `规模以上工业产值`, \
         a term of the default target `industrial_output_growth`"
    ), "{stdout}");
    // …and in the example where it happens.
    assert!(
        stdout.contains(
            "hint: `工业产值` stands inside `规上工业产值`, a term of `industrial_output_growth`, \
         and the longest term wins"
        ),
        "{stdout}"
    );
    // A default term nearer the number takes it.
    assert!(stdout.contains(
        "hint: `完成收储`, a term of `land_reserve`, stands nearer `300亩` than `盘活工业用地` and takes it"
    ), "{stdout}");
    assert!(stdout.ends_with(
        "2 targets, 4 examples matched, 2 missed, 0 noisy, 0 wrong value, 1 warning, 0 errors\n"
    ), "{stdout}");
}
