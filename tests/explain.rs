//! `luoshi explain` on three tricky sentences of the bundled reports, locked
//! word for word: a footnote digit, a school level named earlier in the
//! sentence, and a target restated inside a review.

use assert_cmd::Command;

fn explain(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .arg("explain")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_footnote_digit_is_not_a_value() {
    let (stdout, code) = explain(&["fixtures/reports/huadu-2020-gwr.txt:17:102"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        r#"fixtures/reports/huadu-2020-gwr.txt:17: 推進“粵菜師傅”2工程,培訓粵菜師傅253名,實現全員就業
  normalised: 推进“粤菜师傅”2工程,培训粤菜师傅253名,实现全员就业
  section: (五)民生社会事业持续发展。 — reviews 2019 FY
  terms: none (no rule looks at this sentence)
  quantities: 253名 = 253 人 (exact)
  ignored number 2: a footnote marker after a quotation
"#
    );
}

#[test]
fn a_level_named_earlier_in_the_sentence_decides_the_target() {
    let (stdout, code) = explain(&["fixtures/reports/huadu-2020-gwr.txt:61:82"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        r#"fixtures/reports/huadu-2020-gwr.txt:61: 加大學前教育學位供給力度,新增公辦學位7405個,全區公辦幼稚園和普惠性幼稚園在園幼兒占比80%以上
  normalised: 加大学前教育学位供给力度,新增公办学位7405个,全区公办幼儿园和普惠性幼儿园在园幼儿占比80%以上
  section: (七)形成共建共治共享的民生发展格局。 — plans 2020
  terms: 学前教育学位 [kindergarten_places]; 公办学位 [kindergarten_places, school_places_k12, school_places_public]
  quantities: 7405个 = 7405 个 (exact); 80%以上 = 80 % (at_least)
  dropped kindergarten_places ← 学前教育学位 … 7405个 (term first, gap 11): the term `公办学位` is closer
  kept    kindergarten_places ← 公办学位 … 7405个 (term first, gap 0, after 学前教育): plan 2020 FY (in a section planning 2020)
  dropped school_places_k12 ← 公办学位 … 7405个 (term first, gap 0): the term counts only after one of: 义务教育
  dropped school_places_public ← 公办学位 … 7405个 (term first, gap 0): the same term reads as `kindergarten_places` here
  dropped kindergarten_places ← 学前教育学位 … 80%以上 (term first, gap 37): wrong unit (%, the target counts in 个)
  dropped kindergarten_places ← 公办学位 … 80%以上 (term first, gap 26, after 学前教育): wrong unit (%, the target counts in 个)
  dropped school_places_k12 ← 公办学位 … 80%以上 (term first, gap 26): wrong unit (%, the target counts in 个)
  dropped school_places_public ← 公办学位 … 80%以上 (term first, gap 26): wrong unit (%, the target counts in 个)
"#
    );
}

#[test]
fn a_target_restated_in_a_review_is_a_plan() {
    let (stdout, code) = explain(&["fixtures/reports/panyu-2024-annual.txt:34:99"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        r#"fixtures/reports/panyu-2024-annual.txt:34: 去年完成土地收储7479.42亩,超额完成4000亩土地收储目标
  section: (一)产业空间供给跑出“加速度”。 — reviews 2024 FY
  terms: 土地收储 [land_reserve]; 土地收储 [land_reserve]
  quantities: 7479.42亩 = 7479.42 亩 (exact); 4000亩 = 4000 亩 (exact)
  kept    land_reserve ← 土地收储 … 7479.42亩 (term first, gap 0): outcome 2024 FY (in a section reviewing 2024 FY; 去年 in a report of 2025 is 2024)
  dropped land_reserve ← 土地收储 … 7479.42亩 (value first, gap 10): too far (10 characters, at most 6)
  dropped land_reserve ← 土地收储 … 4000亩 (term first, gap 13): the term `土地收储` is closer
  kept    land_reserve ← 土地收储 … 4000亩 (value first, gap 0): plan 2024 FY (in a section reviewing 2024 FY; a target restated in a review)
"#
    );
}

#[test]
fn a_sentence_given_as_text_is_explained() {
    let (stdout, code) = explain(&["--text", "新增5G基站307个,累计建成总数7788个"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("kept    g5_base_stations ← 5G基站 … 307个"),
        "{stdout}"
    );
    assert!(
        stdout.contains("kept    g5_base_stations_total ← 5G基站 … 7788个"),
        "{stdout}"
    );
    assert!(
        stdout.contains("dropped g5_base_stations ← 5G基站 … 7788个 (term first, gap 11): excluded word `累计` in the clause"),
        "{stdout}"
    );
}

#[test]
fn a_position_past_the_end_is_an_error() {
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .args(["explain", "fixtures/reports/panyu-2024-annual.txt:9999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("luoshi: fixtures/reports/panyu-2024-annual.txt: no line 9999"),
        "{stderr}"
    );
}

#[test]
fn explain_needs_a_sentence_or_a_position() {
    let (_, code) = explain(&[]);
    assert_eq!(code, 64);
}
