//! Document tests on the bundled reports and on generated input: the
//! normalised view of real reports, the map back to the original (quotes and
//! positions), and robustness of decoding on arbitrary bytes.

use super::*;
use proptest::prelude::*;

fn normaliser() -> Normaliser {
    let rules = crate::rule_set::RuleSet::load(None).unwrap_or_default();
    Normaliser::new(&rules.variants).unwrap_or_else(|e| panic!("{e}"))
}

fn report(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reports")
        .join(format!("{name}.txt"));
    Document::read(&path, &normaliser()).unwrap_or_else(|e| panic!("{e}"))
}

/// The quote behind the first occurrence of `needle` in the normalised text.
fn quote_of<'a>(doc: &'a Document, needle: &str) -> &'a str {
    let at = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in {}", doc.name));
    doc.quote(at..at + needle.len())
}

#[test]
fn traditional_report_is_converted_and_fixed_up() {
    let doc = report("huadu-2020-gwr");
    assert!(doc.traditional);
    assert_eq!(
        quote_of(&doc, "新增公办幼儿园学位7360个"),
        "新增公辦幼稚園學位7360個"
    );
    assert_eq!(quote_of(&doc, "中小学学位5175个"), "中國小學位5175個");
    assert_eq!(
        quote_of(&doc, "花都智能电子绿色价值创新园"),
        "花都智慧型電子綠色價值創新園"
    );
    assert_eq!(quote_of(&doc, "计划"), "計畫");
    assert!(doc.text.contains("地铁18号线"));
    assert!(!doc.text.contains("區"));
}

#[test]
fn simplified_reports_are_not_converted() {
    let doc = report("haizhu-2022-h1");
    assert!(!doc.traditional);
    assert!(doc.text.contains("乾相生物"));
}

#[test]
fn positions_point_at_the_original_line_and_column() {
    let doc = report("baiyun-2021-h1");
    let at = doc.text.find("新增义务教育公办学位3840个").unwrap_or(0);
    let pos = doc.position(at..at + "新增义务教育公办学位3840个".len());
    let line = doc.original.lines().nth(pos.line - 1).unwrap_or_default();
    let from_column: String = line.chars().skip(pos.column - 1).take(6).collect();
    assert_eq!(from_column, "新增义务教育");
    assert_eq!(
        &doc.original[pos.start..pos.end],
        "新增义务教育公办学位3840个"
    );
    assert_eq!(pos.line, 106);
}

#[test]
fn indicator_table_of_baiyun_2021() {
    let doc = report("baiyun-2021-h1");
    let cells: Vec<(&str, &str, &str)> = doc
        .table
        .iter()
        .map(|r| {
            let cell = |c: &Option<Range<usize>>| c.clone().map_or("", |c| &doc.text[c]);
            (&doc.text[r.label.clone()], cell(&r.plan), cell(&r.outcome))
        })
        .collect();
    assert_eq!(cells[0], ("1.地区生产总值", "增长7%以上", "增长20.2%"));
    assert_eq!(cells[4], ("5.社会消费品零售总额", "增长7%", "增长17.5%"));
    assert!(doc
        .table
        .iter()
        .all(|r| r.year == 2021 && r.period == Period::H1));
}

#[test]
fn a_one_line_table_keeps_its_cells_though_normalising_drops_their_spaces() {
    // pudong-2023-annual: the whole table is one line of the saved page.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus-wide/pudong-2023-annual.txt");
    let doc = Document::read(&path, &normaliser()).unwrap_or_else(|e| panic!("{e}"));
    let cell = |c: &Option<Range<usize>>| c.clone().map_or("", |c| &doc.text[c]);
    let rows: Vec<(&str, &str, &str, &str)> = doc
        .table
        .iter()
        .map(|r| {
            (
                &doc.text[r.label.clone()],
                cell(&r.level),
                cell(&r.outcome),
                cell(&r.plan),
            )
        })
        .collect();
    assert_eq!(rows.len(), 11);
    assert_eq!(
        rows[0],
        ("地区生产总值", "16715.2亿元", "4.8%", "增长7%左右")
    );
    assert_eq!(rows[2].3, "3150亿元左右,增长5%");
    assert_eq!(
        rows[9],
        (
            "新认定高新技术企业数",
            "1703家有效期内高企总数4922家",
            "——",
            "1700家"
        )
    );
    assert!(doc
        .table
        .iter()
        .all(|r| r.year == 2023 && r.period == Period::FY));
}

#[test]
fn coverage_at_follows_sections() {
    let doc = report("panyu-2024-annual");
    let review = doc.text.find("去年完成土地收储7479.42亩").unwrap_or(0);
    assert_eq!(
        doc.coverage_at(review),
        Coverage::Review {
            year: 2024,
            period: Period::FY
        }
    );
    let plan = doc.text.find("第二部分").unwrap_or(0) + 10;
    assert_eq!(doc.coverage_at(plan), Coverage::Plan { year: 2025 });
    assert_eq!(doc.coverage_at(0), Coverage::Unknown);
}

#[test]
fn mirror_copy_noise_reads_like_the_clean_report() {
    let clean = report("baiyun-2021-h1");
    // A mirror copy: nothing above the salutation, pinyin after 区, full-width
    // digits and commas, a mojibake character, CRLF line ends.
    let noisy: String = clean
        .original
        .lines()
        .skip(17)
        .collect::<Vec<_>>()
        .join("\r\n")
        .replace("区", "区(qū)")
        .replace(',', "，")
        .replace("3840", "３８４０")
        .replacen("编制", "编\u{FFFD}制", 1);
    let doc = Document::from_text(Path::new("mirror.txt"), noisy, &normaliser());
    assert_eq!(
        doc.report.place.as_ref().map(|p| p.code.as_str()),
        Some("440111")
    );
    assert_eq!(doc.report.kind, ReportKind::H1);
    assert_eq!(doc.report.year, Some(2021));
    assert!(doc
        .text
        .contains("积极扩充优质公办学位,新增义务教育公办学位3840个"));
    let top: Vec<Coverage> = doc
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.coverage)
        .collect();
    let h1 = Coverage::Review {
        year: 2021,
        period: Period::H1,
    };
    assert_eq!(top, vec![h1, h1, Coverage::Plan { year: 2021 }]);
    assert_eq!(doc.table.len(), 5);
    assert_eq!(quote_of(&doc, "白云区坚持"), "白云区(qū)坚持");
}

/// Whether `text` on its own reads as traditional script.
fn alone_traditional(text: &str) -> bool {
    Normaliser::new(&[]).is_ok_and(|n| n.normalise(text).traditional)
}

/// Text made of the pieces that exercise every normalising rule.
fn report_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("新增"),
        Just("學位"),
        Just("区"),
        Just("區(qū)"),
        Just("幼稚园"),
        Just("中国小学位"),
        Just("，"),
        Just(","),
        Just("（一）"),
        Just("１２．５％"),
        Just("7%"),
        Just(" "),
        Just("\u{3000}"),
        Just("\n"),
        Just("\r\n"),
        Just("\t"),
        Just("GDP"),
        Just("\u{200B}"),
        Just("乾"),
        Just("。"),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn quotes_normalise_back_to_the_text(original in report_like_text(), a in 0usize..1000, b in 0usize..1000) {
        let n = Normaliser::new(&[("幼稚园".into(), "幼儿园".into())]).unwrap_or_else(|e| panic!("{e}"));
        let doc = Document::from_text(Path::new("p.txt"), original.clone(), &n);
        let bounds: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).chain([doc.text.len()]).collect();
        let (mut s, mut e) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        if s > e { std::mem::swap(&mut s, &mut e); }
        let quote = doc.quote(s..e);
        // The quote is a piece of the original...
        let r = doc.original_range(s..e);
        prop_assert_eq!(&original[r.clone()], quote);
        // ...that normalises (on its own) to the same text, up to the spaces
        // that depend on what is outside the range. Script conversion also
        // depends on the whole text, so compare only simplified documents.
        // A range that cuts through a rewritten variant cannot round-trip alone.
        let cuts_variant = doc.text.match_indices("幼儿园").any(|(i, m)| {
            let inside = |x: usize| i < x && x < i + m.len();
            inside(s) || inside(e)
        });
        if !doc.traditional && !alone_traditional(quote) && !cuts_variant {
            let alone = Document::from_text(Path::new("q.txt"), quote.to_owned(), &n);
            let squash = |t: &str| t.split_whitespace().collect::<String>();
            prop_assert_eq!(squash(&alone.text), squash(&doc.text[s..e]));
        }
        // Line and column agree with the byte offset.
        if s < e && !doc.text[s..e].starts_with(['\n', ' ']) {
            let pos = doc.position(s..e);
            let line = original.split('\n').nth(pos.line - 1).unwrap_or_default();
            let at_column: String = line.chars().skip(pos.column - 1).take(1).collect();
            prop_assert_eq!(at_column, quote.chars().take(1).collect::<String>());
        }
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let n = Normaliser::new(&[]).unwrap_or_else(|e| panic!("{e}"));
        if let Ok(doc) = Document::from_bytes(Path::new("x.txt"), &bytes, &n) {
            prop_assert_eq!(doc.offsets.len(), doc.text.len() + 1);
            let _ = doc.quote(0..doc.text.len());
        }
    }

    #[test]
    fn decoding_arbitrary_markup_never_panics(s in "[<>/a-z\"= 区\n]{0,300}") {
        let n = Normaliser::new(&[]).unwrap_or_else(|e| panic!("{e}"));
        let _ = Document::from_bytes(Path::new("x.html"), s.as_bytes(), &n);
    }
}
