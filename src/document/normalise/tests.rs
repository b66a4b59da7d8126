//! Tests of the normaliser, and of the fast folding pass against a plain
//! reference version of it.

use super::*;
use proptest::prelude::*;

fn norm(s: &str) -> String {
    Normaliser::new(&[]).unwrap().normalise(s).text
}

#[test]
fn full_width_forms_become_ascii() {
    assert_eq!(
        norm("增长２０．２％（同比），目标：５；"),
        "增长20.2%(同比),目标:5;"
    );
    assert_eq!(norm("“粤菜师傅”工程、新增。"), "“粤菜师傅”工程、新增。");
}

#[test]
fn whitespace_folds_within_lines_and_lines_stay() {
    assert_eq!(
        norm("  一、上半年 \r\n局长 甘显超\n\nGDP   增长 7%  "),
        "一、上半年\n局长甘显超\n\nGDP 增长 7%"
    );
    assert_eq!(norm("新增\u{3000}学位\u{200B}5200个"), "新增学位5200个");
}

#[test]
fn pinyin_readings_are_dropped_but_not_abbreviations() {
    assert_eq!(norm("白云區(qū)建设"), "白云区建设");
    assert_eq!(norm("白云区（qū yù）建设"), "白云区建设");
    assert_eq!(norm("地区生产总值(GDP)增长"), "地区生产总值(GDP)增长");
    assert_eq!(norm("长度(km)"), "长度(km)");
}

#[test]
fn offsets_point_into_the_original() {
    let original = "目标：５，区(qū)";
    let n = Normaliser::new(&[]).unwrap().normalise(original);
    assert_eq!(n.text, "目标:5,区");
    assert_eq!(n.offsets.len(), n.text.len() + 1);
    let colon = n.text.find(':').unwrap();
    assert_eq!(&original[n.offsets[colon] as usize..], "：５，区(qū)");
    assert_eq!(*n.offsets.last().unwrap() as usize, original.len());
}

/// The folding pass as first written, one character at a time: the
/// reference the fast pass must equal.
fn reference_fold(original: &str) -> (Mapped, Census) {
    let mut out = Mapped::with_capacity(original.len());
    let mut census = Census::default();
    // Start of a whitespace run not yet written out.
    let mut pending_space: Option<usize> = None;
    let mut line_empty = true;
    let mut prev_wide = false;
    let mut prev_han = false;
    let mut skip_until = 0;
    let traditional = script::TraditionalTable::get();
    for (i, c) in original.char_indices() {
        if i < skip_until {
            continue;
        }
        // Fast path for the bulk of a report: a Han character needs no
        // folding and is always wide.
        if is_han(c) {
            if let Some(at) = pending_space.take() {
                if !line_empty && !prev_wide {
                    out.push(' ', at);
                }
            }
            out.push(c, i);
            line_empty = false;
            prev_wide = true;
            prev_han = true;
            census.han += 1;
            census.traditional_only += usize::from(traditional.contains(c));
            continue;
        }
        if c == '\n' {
            out.push('\n', i);
            pending_space = None;
            line_empty = true;
            prev_wide = false;
            prev_han = false;
            continue;
        }
        if c.is_whitespace() {
            pending_space.get_or_insert(i);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let folded = fold_width(c);
        if prev_han && (folded == '(') {
            if let Some(len) = original.get(i..).and_then(pinyin_reading) {
                skip_until = i + len;
                continue;
            }
        }
        let wide = is_wide(c);
        if let Some(at) = pending_space.take() {
            // A space between two wide characters is an artefact of copying.
            let solid = prev_wide && wide;
            if !line_empty && !solid {
                out.push(' ', at);
            }
        }
        out.push(folded, i);
        line_empty = false;
        prev_wide = wide;
        prev_han = false;
    }
    (out.finish(original.len()), census)
}

/// Text made mostly of what reports hold, with every kind of character the
/// folding pass treats apart: Han (simplified, traditional-only, outside the
/// basic block), full-width forms, CJK punctuation and quotes, whitespace
/// of every width, line breaks, invisible characters and pinyin readings.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "区",
        "計",
        "劃",
        "发展",
        "學位",
        "𠀀",
        "㐀",
        "豈",
        "a",
        "Z",
        "7",
        "%",
        ".",
        "(",
        ")",
        "（",
        "）",
        "，",
        "。",
        "、",
        "“",
        "”",
        "：",
        "５",
        "Ｇ",
        "～",
        "—",
        "…",
        "·",
        " ",
        "  ",
        "\t",
        "\u{3000}",
        "\r\n",
        "\n",
        "\u{200B}",
        "\u{FEFF}",
        "\u{7}",
        "\u{2028}",
        "\u{A0}",
        "(qū)",
        "（qū yù）",
        "(GDP)",
        "(km)",
        "(ā",
        "é",
        "ü",
        "\u{FF65}",
        "\u{FF5F}",
        "\u{3001}",
        "\u{303F}",
        "\u{3040}",
        "\u{2017}",
        "\u{201E}",
        "ʼ",
    ]);
    prop::collection::vec(piece, 0..64).prop_map(|v| v.concat())
}

fn same_as_reference(text: &str) -> Result<(), TestCaseError> {
    let (fast, fast_census) = fold(text);
    let (slow, slow_census) = reference_fold(text);
    prop_assert_eq!(&fast.text, &slow.text);
    prop_assert_eq!(&fast.offsets, &slow.offsets);
    prop_assert_eq!(fast_census.han, slow_census.han);
    prop_assert_eq!(fast_census.traditional_only, slow_census.traditional_only);
    Ok(())
}

proptest! {
    #[test]
    fn fast_fold_equals_reference_on_report_like_text(text in report_like()) {
        same_as_reference(&text)?;
    }

    #[test]
    fn fast_fold_equals_reference_on_any_text(text in any::<String>()) {
        same_as_reference(&text)?;
    }
}

#[test]
fn fast_fold_equals_reference_on_the_bundled_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/reports");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        same_as_reference(&text).unwrap();
        seen += 1;
    }
    assert!(seen >= 5);
}
