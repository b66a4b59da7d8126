//! Report: what a report is, read from its normalised text. The district
//! (simplified, with its suffix: `白云区`), the kind (mid-year execution
//! report, annual execution report with next year's plan draft, government
//! work report), the date it was delivered (`——2021年7月26日在…会议上`) or
//! else published (`发布时间: 2021-08-10`), and the year it is about. Reports
//! copied from mirror sites may have lost their title line, so every clue is
//! looked for in the whole header (the text before the first section
//! heading), not just the first line.

mod mentions;

use super::{Report, ReportKind};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

/// How much of the start of a report is searched for its title and dates
/// when no section heading marks the end of the header.
const HEADER_BYTES: usize = 8 * 1024;

/// How much of the report is searched to count district mentions.
const MENTION_BYTES: usize = 64 * 1024;

/// A district named without an anchoring title must be mentioned this often.
const MIN_MENTIONS: usize = 3;

/// Words ending in 区/县 that name no district (我区, 全区, 城区, 园区, 向区…):
/// the character before the suffix.
const GENERIC_BEFORE_SUFFIX: &str =
    "我全本该各城市辖园社景片新验范能街心山库矿商校港保业域邻村镇试点";

/// Whole words ending in 区 that name no district, where the character
/// before the suffix also ends real names (大湾区, but 荔湾区 is a district).
const GENERIC_NAMES: &[&str] = &[
    "大湾区",
    "湾区",
    "老城区",
    "主城区",
    "中心城区",
    "新城区",
    "市辖区",
    "城区",
];

/// First characters of anchored words that name no district (`本区`, `全区`).
const GENERIC_FIRST: &str = "我全本该各";

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid constant pattern"))
}

/// Reads the report's identity from its normalised text; `header_end` is
/// where the first section heading starts (or the end of the text).
pub fn read_report(text: &str, header_end: usize) -> Report {
    let header = prefix(text, header_end.min(HEADER_BYTES));
    let kind = read_kind(header).unwrap_or(ReportKind::Unknown);
    let date = delivered_date(header).or_else(|| published_date(header));
    let year = read_year(header, kind).or_else(|| {
        date.map(|d| {
            use chrono::Datelike;
            match kind {
                ReportKind::Annual => d.year() - 1,
                _ => d.year(),
            }
        })
    });
    Report {
        district: read_district(text, header),
        kind,
        date,
        year,
    }
}

/// The longest prefix of `text` no longer than `len` bytes that ends on a
/// character boundary.
fn prefix(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Kind from the title-like lines of the header, then from the whole header.
pub fn read_kind(header: &str) -> Option<ReportKind> {
    header
        .lines()
        .filter(|l| l.contains("报告"))
        .find_map(kind_of_line)
        .or_else(|| kind_of_line(header))
}

fn kind_of_line(line: &str) -> Option<ReportKind> {
    static ANNUAL: OnceLock<Regex> = OnceLock::new();
    static H1: OnceLock<Regex> = OnceLock::new();
    if line.contains("政府工作报告") {
        return Some(ReportKind::Gwr);
    }
    if regex(&ANNUAL, r"计划执行情况(?:和|与|及|暨)\d{4}年.{0,24}计划").is_match(line)
        || (line.contains("计划执行情况") && line.contains("草案"))
    {
        return Some(ReportKind::Annual);
    }
    if regex(
        &H1,
        r"上半年.{0,24}(?:计划执行情况|经济运行情况|经济社会发展情况)",
    )
    .is_match(line)
    {
        return Some(ReportKind::H1);
    }
    None
}

/// The year the report is about: the reviewed year of an execution report,
/// the plan year of a work report.
fn read_year(header: &str, kind: ReportKind) -> Option<i32> {
    static H1: OnceLock<Regex> = OnceLock::new();
    static ANNUAL: OnceLock<Regex> = OnceLock::new();
    static GWR: OnceLock<Regex> = OnceLock::new();
    let re = match kind {
        ReportKind::H1 => regex(&H1, r"(\d{4})年上半年"),
        ReportKind::Annual => regex(&ANNUAL, r"(\d{4})年(?:国民经济和社会发展)?计划执行情况"),
        ReportKind::Gwr => regex(&GWR, r"(\d{4})年.{0,16}政府工作报告"),
        ReportKind::Unknown => return None,
    };
    re.captures(header)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// `——2021年7月26日在广州市白云区…会议上`: the date the report was delivered.
fn delivered_date(header: &str) -> Option<NaiveDate> {
    static DELIVERED: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &DELIVERED,
        r"(?m)(?:^[—―─\-]{1,2} ?|[—―─]{1,2} ?)?(\d{4})年(\d{1,2})月(\d{1,2})日 ?在",
    );
    re.captures_iter(header).find_map(|c| ymd(&c))
}

/// `发布时间: 2021-08-10` or `发布日期:2022-09-06 11:05:14`.
fn published_date(header: &str) -> Option<NaiveDate> {
    static PUBLISHED: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &PUBLISHED,
        r"(?:发布|发文|成文)(?:时间|日期) ?:? ?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})",
    );
    re.captures_iter(header).find_map(|c| ymd(&c))
}

fn ymd(c: &regex::Captures) -> Option<NaiveDate> {
    let part = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = i32::try_from(part(1)?).ok()?;
    NaiveDate::from_ymd_opt(year, part(2)?, part(3)?)
}

/// The district: names anchored by a city (`广州市白云区`) or by the
/// government (`花都区政府`) in the header, the most mentioned of them in the
/// report; failing those, the district the start of the report names most.
pub fn read_district(text: &str, header: &str) -> String {
    static ANCHORED: OnceLock<Regex> = OnceLock::new();
    static PROVINCIAL: OnceLock<Regex> = OnceLock::new();
    static GOVERNMENT: OnceLock<Regex> = OnceLock::new();
    static TITLE: OnceLock<Regex> = OnceLock::new();
    let body = prefix(text, MENTION_BYTES);
    let anchored = regex(&ANCHORED, r"市([\p{Han}]{2,3}?[区县])");
    // A county-level city only counts after its province (`浙江省义乌市`).
    let provincial = regex(&PROVINCIAL, r"省([\p{Han}]{2,3}?[区县市])");
    let government = regex(
        &GOVERNMENT,
        r"([\p{Han}]{2}[区县])(?:人民政府|政府|人大|发展和改革局)",
    );
    // A title that opens with the district and a year (`安和区2030年…报告`).
    let title = regex(
        &TITLE,
        r"(?m)^\s*([\p{Han}]{2,3}?[区县])(?:人民政府)?(?:关于)?(?:19|20)\d{2}年",
    );
    let mut scored: Vec<(&str, usize)> = Vec::new();
    let anchored_names = anchored
        .captures_iter(header)
        .chain(title.captures_iter(header))
        .chain(provincial.captures_iter(header))
        .chain(government.captures_iter(header))
        .filter_map(|c| c.get(1).map(|m| m.as_str()));
    for name in anchored_names.filter(|name| !is_generic_anchored(name)) {
        if !scored.iter().any(|(n, _)| *n == name) {
            scored.push((name, body.matches(name).count()));
        }
    }
    // Names nothing anchors still win when mentioned far more often: a
    // mirror copy may keep no title, and `我向区人大` looks anchored.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in mentions::mentions(body) {
        if is_generic(m) {
            continue;
        }
        match counts.iter_mut().find(|(name, _)| *name == m) {
            Some((_, n)) => *n += 1,
            None => counts.push((m, 1)),
        }
    }
    for (name, n) in counts.into_iter().filter(|(_, n)| *n >= MIN_MENTIONS) {
        if !scored.iter().any(|(s, _)| *s == name) {
            scored.push((name, n));
        }
    }
    // Most mentioned; on a tie the first found, so anchored names first.
    scored
        .iter()
        .fold(None::<(&str, usize)>, |best, &(name, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((name, n)),
        })
        .map(|(name, _)| name.to_owned())
        .unwrap_or_default()
}

/// A name anchored by a city or a government (`市增城区`, `荔湾区人民政府`)
/// is a district unless it is one of the few generic words: the character
/// before the suffix alone says nothing here (增城区, 荔湾区).
fn is_generic_anchored(name: &str) -> bool {
    GENERIC_NAMES.contains(&name)
        || name
            .chars()
            .next()
            .is_some_and(|c| GENERIC_FIRST.contains(c))
}

fn is_generic(name: &str) -> bool {
    if GENERIC_NAMES.contains(&name) {
        return true;
    }
    let mut chars = name.chars().rev();
    chars.next();
    chars
        .next()
        .is_none_or(|c| GENERIC_BEFORE_SUFFIX.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_titles() {
        let k = |s: &str| read_kind(s);
        assert_eq!(
            k("广州市白云区人民政府关于2021年上半年国民经济和社会发展计划执行情况的报告"),
            Some(ReportKind::H1)
        );
        assert_eq!(
            k("广州市番禺区2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"),
            Some(ReportKind::Annual)
        );
        assert_eq!(k("2020年花都区政府工作报告"), Some(ReportKind::Gwr));
        assert_eq!(k("关于印发某某方案的通知"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            delivered_date("——2021年7月26日在广州市白云区"),
            NaiveDate::from_ymd_opt(2021, 7, 26)
        );
        assert_eq!(
            delivered_date("—2025年2月26日在广州市番禺区"),
            NaiveDate::from_ymd_opt(2025, 2, 26)
        );
        assert_eq!(
            published_date("发布日期:2022-09-06 11:05:14 来源"),
            NaiveDate::from_ymd_opt(2022, 9, 6)
        );
        assert_eq!(published_date("发布时间:2021-13-10"), None);
    }

    #[test]
    fn district_from_city_anchor_or_mentions() {
        let text = "——2025年7月30日在广州市白云区\n白云区坚持……白云区\n";
        assert_eq!(read_district(text, text), "白云区");
        let gwr = "2020年花都区政府工作报告\n全区……花都区";
        assert_eq!(read_district(gwr, gwr), "花都区");
        let county = "浙江省义乌市2023年政府工作报告\n义乌市……义乌市";
        assert_eq!(read_district(county, county), "义乌市");
        let nested = "广东省广州市南沙区2023年上半年国民经济\n南沙区……南沙区";
        assert_eq!(read_district(nested, nested), "南沙区");
        let bare = "我区推动全区发展。海珠区加快,海珠区推进,海珠区建设,琶洲园区";
        assert_eq!(read_district(bare, ""), "海珠区");
        // 荔湾区 is a district although 大湾区 is not.
        let bay = "广州市荔湾区2022年国民经济和社会发展计划执行情况\n融入粤港澳大湾区";
        assert_eq!(read_district(bay, bay), "荔湾区");
        let city = "广州市增城区人民政府关于增城区2023年国民经济和社会发展计划执行情况\n";
        assert_eq!(read_district(city, city), "增城区");
        let titled = "安和区2030年国民经济和社会发展计划执行情况与2031年计划草案的报告\n";
        assert_eq!(read_district(titled, titled), "安和区");
    }
}
