//! Report: what a report is, read from its normalised text. The reporting
//! government (identified by [`crate::place::identify`]), the kind (mid-year execution
//! report, annual execution report with next year's plan draft, government
//! work report), the date it was delivered (`——2021年7月26日在…会议上`) or
//! else published (`发布时间: 2021-08-10`), and the year it is about. Reports
//! copied from mirror sites may have lost their title line, so every clue is
//! looked for in the whole header (the text before the first section
//! heading), not just the first line.

use super::cues::{Cues, Identity};
use super::{Report, ReportKind, Reviewed};
use crate::place::Place;
use crate::rule::DateSource;
use crate::statement::Period;
use chrono::NaiveDate;

/// How much of the start of a report is searched for its title and dates.
const HEADER_BYTES: usize = 8 * 1024;

/// A report delivered in this month or later reviews the year it is
/// delivered in (a work report of 2021-12-16 reviews 2021).
const LATE_MONTH: u32 = 11;

/// How much of the report is searched for cues in its body when the header has none.
const MENTION_BYTES: usize = 64 * 1024;

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
    years(
        crate::place::identify(text, header_end.min(HEADER_BYTES)),
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
    place: Option<Place>,
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
        place,
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

#[cfg(test)]
mod tests {

    #[test]
    fn the_place_from_a_city_anchor_a_title_or_mentions() {
        let code = |text: &str| crate::place::identify(text, text.len()).map(|p| p.code);
        let code = |text: &str| code(text).unwrap_or_default();
        assert_eq!(
            code("——2025年7月30日在广州市白云区\n白云区坚持……白云区\n"),
            "440111"
        );
        assert_eq!(code("2020年花都区政府工作报告\n全区……花都区"), "440114");
        assert_eq!(
            code("浙江省义乌市2023年政府工作报告\n义乌市……义乌市"),
            "330782"
        );
        assert_eq!(
            code("广东省广州市南沙区2023年上半年国民经济\n南沙区……南沙区"),
            "440115"
        );
        assert_eq!(
            code("我区推动全区发展。海珠区加快,海珠区推进,海珠区建设,琶洲园区"),
            "440105"
        );
        // 荔湾区 is a district although 大湾区 is not.
        assert_eq!(
            code("广州市荔湾区2022年国民经济和社会发展计划执行情况\n融入粤港澳大湾区"),
            "440103"
        );
        assert_eq!(
            code("广州市增城区人民政府关于增城区2023年国民经济和社会发展计划执行情况\n"),
            "440118"
        );
        // A place in no division list is no place.
        assert_eq!(
            code("安和区2030年国民经济和社会发展计划执行情况与2031年计划草案的报告\n"),
            ""
        );
    }
}
