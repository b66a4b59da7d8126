//! Report: what a report is, read from its normalised text. The district
//! (simplified, with its suffix: `白云区`), the kind (mid-year execution
//! report, annual execution report with next year's plan draft, government
//! work report), the date it was delivered (`——2021年7月26日在…会议上`) or
//! else published (`发布时间: 2021-08-10`), and the year it is about. Reports
//! copied from mirror sites may have lost their title line, so every clue is
//! looked for in the whole header (the text before the first section
//! heading), not just the first line.

mod mentions;

use super::cues::{Cues, Identity};
use super::{Report, ReportKind, Reviewed};
use crate::rule::DateSource;
use crate::statement::Period;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

/// How much of the start of a report is searched for its title and dates.
const HEADER_BYTES: usize = 8 * 1024;

/// A report delivered in this month or later reviews the year it is
/// delivered in (a work report of 2021-12-16 reviews 2021).
const LATE_MONTH: u32 = 11;

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

/// Reads the report's identity from its normalised text with the structure
/// cues; `header_end` is where the first section heading starts (or the end
/// of the text). Titles and dates are looked for in the first
/// [`HEADER_BYTES`] whatever the headings: a table of contents may come
/// before the title.
pub fn read_report(text: &str, header_end: usize, cues: &Cues) -> Report {
    let start = prefix(text, HEADER_BYTES);
    let mut identity = cues.identify(start);
    let dated = cues.date(start);
    if identity.reviews.is_none() && identity.plans.is_none() && dated.is_none() {
        let body = cues.identify_body(prefix(text, MENTION_BYTES));
        identity.kind = identity.kind.or(body.kind);
        identity.reviews = body.reviews;
        identity.plans = body.plans;
    }
    let header = prefix(text, header_end.min(HEADER_BYTES));
    years(
        read_district(text, header),
        identity,
        dated.map(|(d, _)| d),
        dated.map(|(_, s)| s),
    )
}

/// The report's years by the rules of the genre, from what its cues say and
/// its date. A work report's title names the year it plans, and it reviews
/// the year before; one delivered in November or December reviews the year
/// it is delivered in. An annual report reviews the year before its
/// delivery (or its own year, when delivered at the year's end) and plans
/// the next; a mid-year report reviews part of its year and plans the rest.
pub fn years(
    district: String,
    identity: Identity,
    date: Option<NaiveDate>,
    date_source: Option<DateSource>,
) -> Report {
    use chrono::Datelike;
    let kind = identity.kind.unwrap_or(ReportKind::Unknown);
    let part_year = kind == ReportKind::H1;
    let from_date = date.and_then(|d| match kind {
        ReportKind::H1 => Some(d.year()),
        ReportKind::Annual | ReportKind::Gwr if d.month() >= LATE_MONTH => Some(d.year()),
        ReportKind::Annual | ReportKind::Gwr => Some(d.year() - 1),
        ReportKind::Unknown => None,
    });
    let reviewed = identity
        .reviews
        .or_else(|| identity.plans.map(|p| if part_year { p } else { p - 1 }))
        .or(from_date);
    let next = |r: i32| if part_year { r } else { r + 1 };
    // A plan year that does not follow the reviewed one is a cue misread.
    let planned = match (identity.plans, reviewed) {
        (Some(p), Some(r)) if p != next(r) => Some(next(r)),
        (plans, reviewed) => plans.or(reviewed.map(next)),
    };
    let period = match kind {
        ReportKind::H1 => identity.period.unwrap_or(Period::H1),
        _ => Period::FY,
    };
    let reviews: Vec<Reviewed> = reviewed
        .map(|year| Reviewed { year, period })
        .into_iter()
        .collect();
    let plans: Vec<i32> = planned.into_iter().collect();
    let year = match kind {
        ReportKind::Gwr => planned,
        _ => reviewed,
    };
    Report {
        district,
        kind,
        date,
        date_source,
        year,
        reviews,
        plans,
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
