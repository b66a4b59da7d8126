//! `excludes` as documented: an excluded word blocks a pairing when it
//! qualifies it (in the term's phrase, between term and value, or right after
//! the value), not when it belongs to another item of the same list.

use super::luoshi;

#[test]
fn an_excluded_word_in_another_item_of_a_list_does_not_block() {
    let (stdout, stderr, code) = luoshi(&["rules", "check", "tests/rules/excludes/list"]);
    assert_eq!(
        stdout,
        "1 target, 5 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 0 errors\n",
        "{stderr}"
    );
    assert_eq!(code, 0);
}

#[test]
fn a_conjunction_joining_the_term_to_a_list_qualifies_nothing() {
    let (stdout, stderr, code) = luoshi(&["rules", "check", "tests/rules/excludes/conjunction"]);
    assert_eq!(
        stdout,
        "1 target, 3 examples matched, 0 missed, 0 noisy, 0 wrong value, 0 warnings, 0 errors\n",
        "{stderr}"
    );
    assert_eq!(code, 0);
}

#[test]
fn the_list_sentence_gives_exactly_the_second_item() {
    let (stdout, stderr, code) = luoshi(&[
        "extract",
        "--rules",
        "tests/rules/excludes/list",
        "--target",
        "distribution_grid_projects",
        "--format",
        "json",
        "tests/rules/excludes/grid-report.txt",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let statements: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_default();
    let values: Vec<f64> = statements
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["value"].as_f64()).collect())
        .unwrap_or_default();
    assert_eq!(values, [310.0], "{stdout}");
}
