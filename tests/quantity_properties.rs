//! Properties of the quantity scanner: numbers written the way reports write
//! them scan back to the same number, and no input makes it panic or return
//! spans that are not ordered char ranges of the text.

use luoshi::quantity::{scan, Direction, Quantity};
use luoshi::statement::Bound;
use proptest::prelude::*;

/// Text around a quantity in a clause; none of it is a number, bound or unit.
const BEFORE: &[&str] = &["", "新增", "全区完成", "累计建成", "推动企业", "“四小园”"];
const AFTER: &[&str] = &["", ",", "。", "、同比", ";全区", "的目标"];

/// Units that take a 万 multiplier (`1.3万个`) rather than forming a unit with it.
const COUNTERS: &[&str] = &["个", "人", "家", "套", "亩", "宗", "公里", "人次", "张"];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A decimal as reports write it: `7479.42`, `17598`, `0.62`.
fn decimal() -> impl Strategy<Value = (f64, String)> {
    (0_u64..10_000_000, 0_u32..3).prop_map(|(hundredths, places)| {
        let text = match places {
            0 => (hundredths / 100 + 1).to_string(),
            1 => format!("{:.1}", (hundredths / 10) as f64 / 10.0 + 1.0),
            _ => format!("{:.2}", hundredths as f64 / 100.0 + 1.0),
        };
        let value = text.parse().unwrap_or(f64::NAN);
        (value, text)
    })
}

/// `1234567` → `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number in Chinese numerals, written the standard way
/// (`一百零五`, `十二`, `三千五百`, `一亿零二十万`).
fn chinese(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const PLACES: [&str; 4] = ["千", "百", "十", ""];
    fn section(n: u64, leading: bool) -> String {
        let mut out = String::new();
        let mut zero = false;
        for (place, divisor) in [1000, 100, 10, 1].into_iter().enumerate() {
            let d = (n / divisor % 10) as usize;
            if d == 0 {
                zero = !out.is_empty() || !leading;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            if !(leading && out.is_empty() && d == 1 && divisor == 10) {
                out.push_str(DIGITS[d]);
            }
            out.push_str(PLACES[place]);
        }
        out
    }
    let mut out = String::new();
    for (big, word) in [(100_000_000, "亿"), (10_000, "万"), (1, "")] {
        let part = n / big % 10_000;
        if part == 0 {
            continue;
        }
        if !out.is_empty() && part < 1000 {
            out.push('零');
        }
        out.push_str(&section(part, out.is_empty()));
        out.push_str(word);
    }
    out.replace("零零", "零")
}

fn only(text: &str) -> Option<Quantity> {
    let mut all = scan(text);
    (all.len() == 1).then(|| all.remove(0))
}

proptest! {
    #[test]
    fn plain_numbers_scan_back(
        (value, number) in decimal(),
        unit in prop::sample::select(COUNTERS),
        before in prop::sample::select(BEFORE),
        after in prop::sample::select(AFTER),
    ) {
        let text = format!("{before}{number}{unit}{after}");
        let q = only(&text);
        prop_assert!(q.as_ref().is_some_and(|q| close(q.value, value) && q.unit.surface == unit
            && q.bound == Bound::Exact && text.get(q.number.clone()) == Some(number.as_str())), "{text}: {q:?}");
    }

    #[test]
    fn thousands_separators_scan_back(n in 1_000_u64..1_000_000_000, unit in prop::sample::select(COUNTERS)) {
        let text = format!("完成{}{unit}", thousands(n));
        prop_assert!(only(&text).is_some_and(|q| close(q.value, n as f64)), "{text}");
    }

    #[test]
    fn wan_multiplier_scans_back((value, number) in decimal(), unit in prop::sample::select(COUNTERS)) {
        let text = format!("新增{number}万{unit}");
        let q = only(&text);
        prop_assert!(q.as_ref().is_some_and(|q| close(q.value, value * 1e4) && q.unit.surface == unit), "{text}: {q:?}");
    }

    #[test]
    fn direct_units_scan_back((value, number) in decimal(), which in 0_usize..4) {
        let (unit, canonical, factor) = [("亿元", "亿元", 1.0), ("万元", "亿元", 1e-4), ("万平方米", "万平方米", 1.0), ("公顷", "亩", 15.0)][which];
        let text = format!("投资{number}{unit}");
        let q = only(&text);
        prop_assert!(q.as_ref().is_some_and(|q| close(q.canonical_value(), value * factor) && q.unit.canonical == canonical), "{text}: {q:?}");
    }

    #[test]
    fn bound_words_scan_back(
        (value, number) in decimal(),
        prefix in prop::sample::select(&[("", Bound::Exact), ("超", Bound::AtLeast), ("超过", Bound::AtLeast), ("近", Bound::About),
            ("约", Bound::About), ("不低于", Bound::AtLeast), ("不超过", Bound::AtMost), ("逾", Bound::AtLeast)][..]),
        suffix in prop::sample::select(&[("", None), ("以上", Some(Bound::AtLeast)), ("左右", Some(Bound::About)), ("以内", Some(Bound::AtMost))][..]),
        unit in prop::sample::select(COUNTERS),
    ) {
        let quantity = format!("{}{number}{unit}{}", prefix.0, suffix.0);
        let text = format!("全区{quantity},");
        let q = only(&text);
        let bound = suffix.1.unwrap_or(prefix.1);
        prop_assert!(q.as_ref().is_some_and(|q| close(q.value, value) && q.bound == bound
            && text.get(q.span.clone()) == Some(quantity.as_str())), "{text}: {q:?}");
    }

    #[test]
    fn rates_scan_back_with_their_sign(
        (value, number) in decimal(),
        word in prop::sample::select(&[("增长", Direction::Rise), ("同比增长", Direction::Rise), ("下降", Direction::Fall), ("同比下降", Direction::Fall)][..]),
        unit in prop::sample::select(&["%", "个百分点"][..]),
    ) {
        let quantity = format!("{}{number}{unit}", word.0);
        let text = format!("地区生产总值{quantity},");
        let sign = if word.1 == Direction::Fall { -1.0 } else { 1.0 };
        let q = only(&text);
        prop_assert!(q.as_ref().is_some_and(|q| close(q.value, sign * value) && q.direction == Some(word.1)
            && text.get(q.span.clone()) == Some(quantity.as_str())), "{text}: {q:?}");
    }

    #[test]
    fn chinese_numerals_scan_back(n in 1_u64..1_000_000_000_000, unit in prop::sample::select(COUNTERS)) {
        let text = format!("新增{}{unit}", chinese(n));
        let q = only(&text);
        prop_assert!(q.as_ref().is_some_and(|q| close(q.value, n as f64)), "{text}: {q:?}");
    }

    #[test]
    fn any_text_gives_ordered_char_ranges(text in any::<String>()) {
        check_spans(&text)?;
    }

    #[test]
    fn report_like_text_gives_ordered_char_ranges(
        pieces in prop::collection::vec(prop::sample::select(&[
            "1", "3", "0", ".", ",", "-", "—", "至", "~", "万", "亿", "千", "百", "十", "一", "两", "零", "点", "多", "余",
            "个", "百分点", "%", "元", "亿元", "平方米", "超", "近", "不低于", "增长", "下降", "以上", "左右", "第", "G", "年",
            "“", "”", " ", "。", "百分之", "é",
        ][..]), 0..24),
    ) {
        check_spans(&pieces.concat())?;
    }
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in scan(text) {
        prop_assert!(
            last_end <= q.span.start && q.span.start < q.span.end && q.span.end <= text.len(),
            "{text:?}: {q:?}"
        );
        prop_assert!(
            text.get(q.span.clone()).is_some() && text.get(q.number.clone()).is_some(),
            "{text:?}: {q:?}"
        );
        prop_assert!(
            q.span.start <= q.number.start && q.number.end <= q.span.end,
            "{text:?}: {q:?}"
        );
        prop_assert!(q.value.is_finite(), "{text:?}: {q:?}");
        last_end = q.span.end;
    }
    Ok(())
}

#[test]
fn chinese_formatter_writes_standard_numerals() {
    for (n, text) in [
        (12, "十二"),
        (105, "一百零五"),
        (3500, "三千五百"),
        (10_010, "一万零一十"),
        (200_300_000, "二亿零三十万"),
    ] {
        assert_eq!(chinese(n), text);
    }
}
