//! `luoshi rules new ID --from "…"` end to end: the skeleton read from a
//! sentence is refused by `rules check` until the two names are filled in,
//! and accepted, with its example matched, once they are — for three
//! sentences of different targets.

mod common;
use common::luoshi;

/// Id, sentence, and what the skeleton must read from it.
const SENTENCES: &[(&str, &str, &str)] = &[
    (
        "charging_piles",
        "新建公共充电桩1200个",
        "unit = \"个\"|measure = \"flow\"|terms = [\"公共充电桩\"]|value = 1200 }",
    ),
    (
        "sewage_pipes",
        "建成污水管網113.5公里",
        "unit = \"公里\"|measure = \"flow\"|terms = [\"污水管网\"]|value = 113.5 }",
    ),
    (
        "tax_revenue_growth",
        "税收收入增长5%以上",
        "unit = \"%\"|measure = \"rate\"|terms = [\"税收收入\"]|value = 5 }|floor (at least)",
    ),
];

#[test]
fn a_skeleton_with_its_names_filled_in_passes_rules_check() {
    for (id, sentence, expected) in SENTENCES {
        let dir = tempfile::tempdir().expect("temp dir");
        let (skeleton, stderr, code) = luoshi(&["rules", "new", id, "--from", sentence]);
        assert_eq!(code, 0, "{stderr}");
        for part in expected.split('|') {
            assert!(skeleton.contains(part), "{id}: no `{part}` in\n{skeleton}");
        }
        assert!(
            skeleton.contains(&format!("{{ text = \"{sentence}\"")),
            "{skeleton}"
        );
        let file = dir.path().join(format!("{id}.toml"));
        let folder = dir.path().to_string_lossy().into_owned();

        std::fs::write(&file, &skeleton).expect("write");
        let (report, _, code) = luoshi(&["rules", "check", &folder]);
        assert_eq!(code, 78, "{id}: names not filled in yet\n{report}");
        assert!(
            report.contains(&format!("target `{id}` has an empty `name_zh`")),
            "{report}"
        );

        let filled = skeleton
            .replacen("name_zh = \"\"", "name_zh = \"新目标\"", 1)
            .replacen("name_en = \"\"", "name_en = \"A new target\"", 1);
        std::fs::write(&file, filled).expect("write");
        let (report, stderr, code) = luoshi(&["rules", "check", &folder]);
        assert_eq!(code, 0, "{id}\n{report}{stderr}");
        assert!(
            report.ends_with(
                "1 target, 1 example matched, 0 missed, 0 noisy, 0 wrong value, 2 warnings, 0 errors\n"
            ),
            "{id}\n{report}"
        );
    }
}

#[test]
fn the_skeleton_names_the_terms_that_compete_for_the_number() {
    let (skeleton, _, code) = luoshi(&[
        "rules",
        "new",
        "industrial_land",
        "--from",
        "盘活工业用地完成收储300亩",
    ]);
    assert_eq!(code, 0);
    assert!(
        skeleton.contains("terms = [\"盘活工业用地\"]"),
        "{skeleton}"
    );
    assert!(
        skeleton.contains("# `完成收储` is a term of `land_reserve`"),
        "{skeleton}"
    );
    assert!(
        skeleton.contains("# the rules in effect already read `300亩` here as `land_reserve`"),
        "{skeleton}"
    );
}

#[test]
fn a_sentence_without_a_figure_or_a_bad_id_is_a_usage_error() {
    let (_, stderr, code) = luoshi(&[
        "rules",
        "new",
        "charging_piles",
        "--from",
        "充电桩建设有序推进",
    ]);
    assert_eq!(code, 64);
    assert!(stderr.contains("no number with a unit"), "{stderr}");
    let (_, stderr, code) = luoshi(&["rules", "new", "Charging-Piles", "--from", "新建充电桩12个"]);
    assert_eq!(code, 64);
    assert!(stderr.contains("not a target id"), "{stderr}");
}
