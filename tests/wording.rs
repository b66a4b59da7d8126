//! The genre's wording as provinces and decades write it, read with the
//! default rules: one value for two named indicators, a rate after a level
//! and a comma, a later clause about another indicator, ranges, bound words
//! from `rules/bounds.toml` and from a rules folder, word lists
//! (`rules/wording.toml`) extended or replaced by a rules folder. Sentences come from the
//! corpora in `fixtures/corpus-*` (named beside each).

use luoshi::document::Document;
use luoshi::extract::Extractor;
use luoshi::quantity::{scan, scan_with, BoundWords};
use luoshi::rule_set::RuleSet;
use luoshi::statement::{Bound, Kind, Statement};
use std::path::Path;

/// A report opening that dates what follows: a work report delivered in
/// 2025, in its review of 2024 (statements with no known year are not written).
const OPENING: &str = "2025年政府工作报告\n一、2024年工作回顾\n";

/// `(target, value, upper, bound)` of every statement in `text`, read as the
/// review part of a work report.
fn read(text: &str) -> Vec<(String, f64, Option<f64>, Bound)> {
    statements(format!("{OPENING}{text}\n"))
        .into_iter()
        .map(|s| (s.target, s.value, s.upper, s.bound))
        .collect()
}

/// Every statement of a whole document text, read with the default rules.
fn statements(document: String) -> Vec<Statement> {
    let rules = RuleSet::load(None).unwrap();
    let extractor = Extractor::new(&rules).unwrap();
    let doc = Document::from_text(Path::new("<test>"), document, extractor.normaliser());
    extractor.extract(&doc)
}

fn targets_and_values(text: &str) -> Vec<(String, f64)> {
    read(text).into_iter().map(|(t, v, _, _)| (t, v)).collect()
}

fn pairs(expected: &[(&str, f64)]) -> Vec<(String, f64)> {
    expected
        .iter()
        .map(|(t, v)| ((*t).to_owned(), *v))
        .collect()
}

#[test]
fn one_value_counts_for_each_indicator_named_before_it() {
    // corpus-provinces heilongjiang-2025
    let mut found = targets_and_values("社会消费品零售总额、固定资产投资增长4%左右。");
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(found, pairs(&[("fai_growth", 4.0), ("retail_growth", 4.0)]));
}

#[test]
fn a_rate_after_a_level_and_a_comma_is_the_level_s_growth() {
    // corpus-wide wanzhou-2022, corpus-old beijing-2000
    assert_eq!(
        targets_and_values("一般公共预算收入31亿元,同比下降8.4%。"),
        pairs(&[("budget_revenue_growth", -8.4)])
    );
    assert_eq!(
        targets_and_values("地方财政收入342.4亿元，比上年增长22.7%。"),
        pairs(&[("budget_revenue_growth", 22.7)])
    );
    // corpus-wide tongcheng-2023: the level clauses carry the subject over.
    assert_eq!(
        targets_and_values("地区生产总值突破200亿大关,达到212.5亿元,同比增长5.8%。"),
        pairs(&[("gdp_growth", 5.8)])
    );
}

#[test]
fn a_later_rate_with_its_own_subject_is_another_indicator_s() {
    // corpus-old tianjin-2002, corpus-provinces hainan-2025, corpus-wide mouding-2021
    assert_eq!(
        targets_and_values("全社会固定资产投资增长16%，城市居民人均可支配收入增长10%以上。"),
        pairs(&[("fai_growth", 16.0)])
    );
    assert_eq!(
        targets_and_values("社会消费品零售总额增长5%，服务进出口总额增长22.1%。"),
        pairs(&[("retail_growth", 5.0)])
    );
    assert_eq!(
        targets_and_values("地区生产总值增长12.6%达92.9亿元,第一产业增长9.1%达21.2亿元。"),
        pairs(&[("gdp_growth", 12.6)])
    );
}

#[test]
fn a_count_and_an_amount_share_the_key_project_clause() {
    // corpus-provinces neimenggu-2025
    assert_eq!(
        targets_and_values("确保全年实施重大项目3600个左右、完成投资1万亿元以上。"),
        pairs(&[("key_project_investment", 10000.0)])
    );
}

#[test]
fn ranges_keep_both_ends() {
    // corpus-provinces zhejiang-2025, heilongjiang-2025, jiangxi-2025
    for (text, low, high) in [
        ("生产总值增长5%—5.5%。", 5.0, 5.5),
        ("地区生产总值增长4.5-5%。", 4.5, 5.0),
        ("地区生产总值增长5%-5.5%。", 5.0, 5.5),
    ] {
        let found = read(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let (target, value, upper, bound) = &found[0];
        assert_eq!(target, "gdp_growth");
        assert_eq!(
            (*value, *upper, *bound),
            (low, Some(high), Bound::AtLeast),
            "{text}"
        );
    }
}

#[test]
fn growth_named_by_the_economy_reads_as_gdp() {
    // corpus-provinces guangxi-2025, corpus-old chongqing-2015
    assert_eq!(
        targets_and_values("经济增长5%左右。"),
        pairs(&[("gdp_growth", 5.0)])
    );
    assert!(targets_and_values("县域经济增长5.5%以上。").is_empty());
    assert!(targets_and_values("工业对全省经济增长的贡献率达到36.1%。").is_empty());
}

#[test]
fn bound_words_come_from_the_rule_data() {
    let default = BoundWords::builtin();
    assert!(default.len() > 20, "rules/bounds.toml is read");
    let q = scan("全市国家级高新技术企业数量突破3万家");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].bound, Bound::AtLeast);
    // A spaced trailing word from PDF text (corpus-wide xiuzhou-2021).
    let q = scan("增长 7.5% 左右");
    assert_eq!(q[0].bound, Bound::About);
}

#[test]
fn a_rules_folder_adds_bound_words() {
    let dir = std::env::temp_dir().join(format!("luoshi-bounds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bounds.toml"),
        "[[bound]]\nword = \"力争突破\"\nplace = \"before\"\nbound = \"at_least\"\nexamples = [\"力争突破5万家\"]\n\n[[bound]]\nword = \"左右\"\nplace = \"after\"\nbound = \"at_least\"\nexamples = [\"5%左右\"]\n",
    )
    .unwrap();
    let rules = RuleSet::load(Some(&dir)).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let words = BoundWords::new(&rules.bounds);
    let q = scan_with("5%左右", &words);
    assert_eq!(
        q[0].bound,
        Bound::AtLeast,
        "a later word replaces the default"
    );
    let q = scan_with("力争突破5万家", &words);
    assert_eq!(q[0].bound, Bound::AtLeast);
    assert_eq!(q[0].span, 0.."力争突破5万家".len());
}

#[test]
fn a_target_restated_in_parentheses_is_the_plan_of_the_indicator_before() {
    // corpus-wide dongan-2022
    let found = targets_and_values(
        "全年实现地区生产总值增长5.9%,高于全市0.8个百分点,排名全市第1位(预期目标为8.5%以上)。",
    );
    assert_eq!(found, pairs(&[("gdp_growth", 5.9), ("gdp_growth", 8.5)]));
}

#[test]
fn a_second_list_after_a_respectively_list_goes_with_the_same_names() {
    // corpus-wide longhua-hainan-2020; corpus-old chongqing-2015 (a name that is no term)
    assert_eq!(
        targets_and_values(
            "全口径财政收入和地方一般公共预算收入分别达155.13亿元、27.8亿元,增长2.64%和1.6%。"
        ),
        pairs(&[("budget_revenue_growth", 1.6)])
    );
    let found = read("固定资产投资、社会消费品零售总额、进出口总额分别增长12.5%、11%和10%左右。");
    let got: Vec<(String, f64, Bound)> = found.into_iter().map(|(t, v, _, b)| (t, v, b)).collect();
    assert_eq!(
        got,
        vec![
            ("fai_growth".to_owned(), 12.5, Bound::About),
            ("retail_growth".to_owned(), 11.0, Bound::About),
        ]
    );
}

#[test]
fn a_respectively_list_names_terms_by_ellipsis() {
    // corpus-provinces guangxi-2025: 规上高技术制造业增加值, 规上装备制造业增加值
    assert_eq!(
        targets_and_values("规上高技术制造业、装备制造业增加值分别增长23.7%、16.5%。"),
        pairs(&[
            ("industrial_output_growth", 23.7),
            ("industrial_output_growth", 16.5)
        ])
    );
    // Names that are no target's stay out.
    assert!(targets_and_values("城镇和农村居民人均可支配收入分别增长4.3%和5.6%。").is_empty());
}

/// `(target, value, scope)` of every statement in `text`, read as a review.
fn scoped(text: &str) -> Vec<(String, f64, String)> {
    statements(format!("{OPENING}{text}\n"))
        .into_iter()
        .map(|s| (s.target, s.value, s.scope))
        .collect()
}

fn triples(expected: &[(&str, f64, &str)]) -> Vec<(String, f64, String)> {
    expected
        .iter()
        .map(|&(t, v, s)| (t.to_owned(), v, s.to_owned()))
        .collect()
}

#[test]
fn each_sector_of_an_ellipsis_list_keeps_its_own_scope() {
    // corpus-provinces: ningxia-2025 (和) and guangxi-2025 (、).
    assert_eq!(
        scoped("规模以上高技术制造业和装备制造业增加值分别增长13.8%、18.1%。"),
        triples(&[
            ("industrial_output_growth", 13.8, "高技术制造业"),
            ("industrial_output_growth", 18.1, "装备制造业"),
        ])
    );
    assert_eq!(
        scoped("规上高技术制造业、装备制造业增加值分别增长23.7%、16.5%。"),
        triples(&[
            ("industrial_output_growth", 23.7, "高技术制造业"),
            ("industrial_output_growth", 16.5, "装备制造业"),
        ])
    );
    // The whole industry stays unscoped.
    assert_eq!(
        scoped("规上工业增加值增长7.7%。"),
        triples(&[("industrial_output_growth", 7.7, "")])
    );
}

#[test]
fn a_qualified_project_list_or_quoted_programme_is_a_scope() {
    // corpus-provinces: shandong-2025 (a sector's sub-list; the all-level list
    // is not scoped), shaanxi-2025 (a programme in quotes).
    assert_eq!(
        scoped("211个涉海重点项目完成投资超800亿元。"),
        triples(&[("key_project_investment", 800.0, "涉海重点项目")])
    );
    assert_eq!(
        scoped("省市县重点项目完成投资2.8万亿元。"),
        triples(&[("key_project_investment", 28000.0, "")])
    );
    assert_eq!(
        scoped("“三北”工程造林种草103.3万亩。"),
        triples(&[("afforestation", 1033000.0, "“三北”工程")])
    );
    assert_eq!(
        scoped("营造林92.1万亩。"),
        triples(&[("afforestation", 921000.0, "")])
    );
}

#[test]
fn a_parenthesis_opened_by_a_time_phrase_is_about_that_time() {
    // ewenke-2021-h1: the year-to-date figures of a later month, in brackets
    // after the half-year's.
    let periods: Vec<(f64, String)> = statements(
        "2021年上半年国民经济和社会发展计划执行情况的报告\n上半年,限额以上固定资产投资完成7.4亿元,同比增长50.8%(1-7月份,限额以上固定资产投资完成11.9亿元,同比增长75.2%);一般公共预算收入增长54.7%。\n".to_string(),
    )
    .into_iter()
        .map(|s| (s.value, s.period.to_string()))
        .collect();
    assert!(periods.contains(&(50.8, "H1".to_string())), "{periods:?}");
    assert!(periods.contains(&(75.2, "M7".to_string())), "{periods:?}");
    assert!(periods.contains(&(54.7, "H1".to_string())), "{periods:?}");
}

/// Every statement of `text`, read as the review part of a work report with
/// the default rules and `files` (name, content) as a `--rules` folder.
fn statements_with(files: &[(&str, &str)], text: &str) -> Vec<Statement> {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).unwrap();
    }
    let rules = RuleSet::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
    let extractor = Extractor::new(&rules).unwrap();
    let document = format!("{OPENING}{text}\n");
    let doc = Document::from_text(Path::new("<test>"), document, extractor.normaliser());
    extractor.extract(&doc)
}

fn kinds(statements: &[Statement]) -> Vec<(String, Kind, i32)> {
    statements
        .iter()
        .map(|s| (s.target.clone(), s.kind, s.year))
        .collect()
}

#[test]
fn a_plan_word_added_in_a_rules_folder_makes_a_reviewed_figure_a_target() {
    // `力促` commits to a figure as `力争` does (`力争货物和服务进出口增长6％`,
    // corpus-provinces shaanxi-2025), but is no default plan word: in a
    // review the figure reads as a result until a rules folder adds it.
    let text = "力促全区地区生产总值增长6%。";
    let plain = statements_with(&[], text);
    assert_eq!(
        kinds(&plain),
        vec![("gdp_growth".into(), Kind::Outcome, 2024)]
    );
    let added = statements_with(
        &[(
            "wording.toml",
            "[wording.plan_cues]\nwords = [\"力促\"]\nexamples = [\"力促全区地区生产总值增长6%\"]\n",
        )],
        text,
    );
    assert_eq!(kinds(&added), vec![("gdp_growth".into(), Kind::Plan, 2024)]);
}

#[test]
fn a_list_replaced_in_a_rules_folder_loses_the_default_words() {
    // corpus-provinces zhejiang-2025: `确保` makes the figure a target; with
    // the plan words replaced by `力争` alone it reads as a result.
    let text = "确保城镇新增就业100万人以上。";
    let plain = kinds(&statements_with(&[], text));
    let replaced = kinds(&statements_with(
        &[(
            "wording.toml",
            "[wording.plan_cues]\nreplace = true\nwords = [\"力争\"]\nexamples = [\"力争新增公共停车泊位700个\"]\n",
        )],
        text,
    ));
    assert!(!plain.is_empty(), "the default rules read the sentence");
    assert!(
        plain.iter().all(|(_, kind, _)| *kind == Kind::Plan),
        "{plain:?}"
    );
    assert_eq!(replaced.len(), plain.len(), "{replaced:?}");
    assert!(
        replaced.iter().all(|(_, kind, _)| *kind == Kind::Outcome),
        "{replaced:?}"
    );
}

#[test]
fn an_enumeration_word_added_in_a_rules_folder_pairs_names_with_values_in_order() {
    // `依次` lists values in the order of their names as `分别` does
    // (`城乡居民人均可支配收入分别增长4%、6%`, corpus-provinces qinghai-2025).
    let text = "地区生产总值、固定资产投资依次增长5.2%、6.1%。";
    let values = |statements: Vec<Statement>| {
        let mut v: Vec<(String, f64)> = statements
            .into_iter()
            .map(|s| (s.target, s.value))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    let listed = pairs(&[("fai_growth", 6.1), ("gdp_growth", 5.2)]);
    assert_ne!(values(statements_with(&[], text)), listed);
    let added = statements_with(
        &[(
            "wording.toml",
            "[wording.respectively]\nwords = [\"依次\"]\nexamples = [\"地区生产总值、固定资产投资依次增长5.2%、6.1%\"]\n",
        )],
        text,
    );
    assert_eq!(values(added), listed);
}
