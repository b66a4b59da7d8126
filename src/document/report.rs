//! Report: what a report is, read from its normalised text. The reporting
//! government (identified by [`crate::place::identify`]), the kind (mid-year execution
//! report, annual execution report with next year's plan draft, government
//! work report), the date it was delivered (`——2021年7月26日在…会议上`) or
//! else published (`发布时间: 2021-08-10`), and the year it is about. Reports
//! copied from mirror sites may have lost their title line, so every clue is
//! looked for in the whole header (the text before the first section
//! heading), not just the first line.

use super::{Report, ReportKind};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

/// How much of the start of a report is searched for its title and dates
/// when no section heading marks the end of the header.
const HEADER_BYTES: usize = 8 * 1024;

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
        place: crate::place::identify(text, header_end.min(HEADER_BYTES)),
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
}
