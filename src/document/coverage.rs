//! Coverage: which period a stretch of a report is about, read from its
//! headings by the rules of the genre. A mid-year report's part on
//! 上半年…执行情况 reviews the first half of its year and its part on
//! 下半年…工作任务 plans the year; an annual report's first part reviews the
//! year and its second part (计划草案) plans the next; a work report's
//! 20XX年工作回顾 reviews that year and its 20YY年工作安排 plans the year
//! delivered; a part on several years ("十二五"时期, 过去五年) covers them all.
//! A sub-heading only counts when it names a period itself; the
//! opening paragraph counts when it names the one period reviewed.

use super::cues::Cues;
use super::sections::heading_title;
use super::{Coverage, Report, ReportKind, Section};
use crate::statement::Period;
use regex::Regex;
use std::sync::OnceLock;

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid constant pattern"))
}

fn year_in(title: &str) -> Option<i32> {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    regex(&YEAR, r"((?:19|20)\d{2})年")
        .captures(title)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
}

/// What a heading says it covers, given the report it is in. `top` is true
/// for the outermost style, where the genre's defaults apply; deeper headings
/// only count when they name a period.
pub fn heading_coverage(title: &str, report: &Report, cues: &Cues, top: bool) -> Coverage {
    let year = year_in(title);
    let first_half = title.contains("上半年");
    let names_period = year.is_some() || first_half || title.contains("下半年");
    if !top && !names_period {
        return Coverage::Unknown;
    }
    if title.contains("下半年") {
        return plan(year.or(report.reviewed_year()));
    }
    // "计划执行情况" reviews; a heading naming both ("…执行情况与2025年计划草案")
    // is read by the word that comes first.
    let (review_at, plan_at) = cues.heading_words(title);
    let plan_at = plan_at.filter(|&p| {
        review_at
            .is_none_or(|r| p < r && !title.get(p..).is_some_and(|t| t.starts_with("计划执行")))
    });
    // A part on several years ("一、“十二五”时期的工作回顾", "二、今后五年的
    // 目标和任务") covers them all, unless it names one year ("四、确保实现
    // “十三五”良好开局" plans the year delivered for).
    let (years_at, this_year_at) = cues.span_words(title);
    if top && year.is_none() && years_at.is_some() && this_year_at.is_none() {
        return Coverage::Years {
            plans: review_at.is_none() || plan_at.is_some(),
        };
    }
    match (review_at, plan_at) {
        (_, Some(_)) => plan(year.or_else(|| report.planned_year())),
        (Some(_), None) => {
            let reviewed = report.reviews.first();
            let same_year = year.is_none_or(|y| reviewed.is_some_and(|r| r.year == y));
            let period = match reviewed {
                _ if first_half => Period::H1,
                Some(r) if report.kind == ReportKind::H1 && same_year => r.period,
                _ => Period::FY,
            };
            review(year.or_else(|| report.reviewed_year()), period)
        }
        (None, None) if first_half => review(year.or(report.reviewed_year()), Period::H1),
        // "三、2008年的工作": the year alone says which part it is.
        (None, None) if top && (year.is_some() || this_year_at.is_some()) => {
            let year = year.or_else(|| report.planned_year());
            let planned = year.is_some() && year == report.planned_year();
            let reviewed = year.is_some() && year == report.reviewed_year();
            match (planned, reviewed) {
                (true, false) => plan(year),
                (false, true) => review(year, Period::FY),
                _ => Coverage::Unknown,
            }
        }
        (None, None) => Coverage::Unknown,
    }
}

fn review(year: Option<i32>, period: Period) -> Coverage {
    year.map_or(Coverage::Unknown, |year| Coverage::Review { year, period })
}

fn plan(year: Option<i32>) -> Coverage {
    year.map_or(Coverage::Unknown, |year| Coverage::Plan { year })
}

/// The opening paragraph, when it says which period alone the report
/// reviews ("受区政府委托,我向区人大常委会报告2021年上半年…计划执行情况"):
/// a level-1 section of its own line. An opening that also announces the
/// plan part (…以及下半年工作重点; …与2025年计划草案) covers both and stays
/// unknown, like the rest of the front matter.
pub fn opening_section(text: &str, header_end: usize, report: &Report) -> Option<Section> {
    let header = text.get(..header_end)?;
    let mut start = 0;
    for (index, line) in header.split('\n').enumerate() {
        let announces = line.contains("报告") && (line.contains("委托") || line.contains('向'));
        if announces && line.contains("执行情况") {
            let mixed = ["下半年", "草案", "工作重点", "工作任务", "工作安排"]
                .iter()
                .any(|w| line.contains(w));
            let year = year_in(line).or(report.reviewed_year())?;
            let period = if line.contains("上半年") {
                Period::H1
            } else {
                report
                    .reviews
                    .first()
                    .filter(|r| r.year == year)
                    .map_or(Period::FY, |r| r.period)
            };
            return (!mixed).then(|| Section {
                range: start..start + line.len(),
                heading: heading_title(line),
                line: index + 1,
                level: 1,
                coverage: Coverage::Review { year, period },
            });
        }
        start += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: ReportKind, year: i32) -> Report {
        Report::of_kind(kind, year)
    }

    fn heading_coverage(title: &str, report: &Report, top: bool) -> Coverage {
        super::heading_coverage(title, report, &Cues::default_cues(), top)
    }

    #[test]
    fn coverage_rules_of_the_genre() {
        let h1 = report(ReportKind::H1, 2021);
        assert_eq!(
            heading_coverage("一、上半年国民经济和社会发展计划执行情况", &h1, true),
            Coverage::Review {
                year: 2021,
                period: Period::H1
            }
        );
        assert_eq!(
            heading_coverage("二、下半年经济社会发展工作措施", &h1, true),
            Coverage::Plan { year: 2021 }
        );
        assert_eq!(
            heading_coverage("(一)聚焦高质量发展,加快构建现代产业体系。", &h1, false),
            Coverage::Unknown
        );
        let annual = report(ReportKind::Annual, 2024);
        assert_eq!(
            heading_coverage(
                "第一部分 2024年国民经济和社会发展计划执行情况",
                &annual,
                true
            ),
            Coverage::Review {
                year: 2024,
                period: Period::FY
            }
        );
        assert_eq!(
            heading_coverage("第二部分 2025年国民经济和社会发展计划草案", &annual, true),
            Coverage::Plan { year: 2025 }
        );
        let gwr = report(ReportKind::Gwr, 2020);
        assert_eq!(
            heading_coverage("一、2019年工作回顾", &gwr, true),
            Coverage::Review {
                year: 2019,
                period: Period::FY
            }
        );
        assert_eq!(
            heading_coverage("二、2020年工作安排", &gwr, true),
            Coverage::Plan { year: 2020 }
        );
        assert_eq!(
            heading_coverage("二、2024年工作总体要求和主要目标", &gwr, true),
            Coverage::Plan { year: 2024 }
        );
        assert_eq!(
            heading_coverage("一、2023年上半年经济社会发展情况", &h1, true),
            Coverage::Review {
                year: 2023,
                period: Period::H1
            }
        );
        assert_eq!(
            heading_coverage("一、2023年国民经济和社会发展计划执行情况", &annual, true),
            Coverage::Review {
                year: 2023,
                period: Period::FY
            }
        );
        assert_eq!(
            heading_coverage("二、2025年国民经济和社会发展计划(草案)", &annual, true),
            Coverage::Plan { year: 2025 }
        );
        assert_eq!(
            heading_coverage("四、全面加强政府自身建设", &gwr, true),
            Coverage::Unknown
        );
        assert_eq!(
            heading_coverage("一、过去一年工作回顾", &gwr, true),
            Coverage::Review {
                year: 2019,
                period: Period::FY
            }
        );
    }

    #[test]
    fn opening_paragraph_that_names_one_period() {
        let h1 = report(ReportKind::H1, 2021);
        let text = "主任、各位副主任:\n受区政府委托,我向区人大常委会报告2021年上半年国民经济和社会发展计划执行情况。\n一、上半年";
        let opening = opening_section(text, text.find("一、").unwrap_or(0), &h1);
        assert_eq!(
            opening.as_ref().map(|s| (s.line, s.coverage)),
            Some((
                2,
                Coverage::Review {
                    year: 2021,
                    period: Period::H1
                }
            ))
        );
        let mixed = "我受区人民政府委托,向区人大常委会报告海珠区2022年上半年国民经济和社会发展计划执行情况,以及下半年工作重点,请予审议。\n";
        assert_eq!(opening_section(mixed, mixed.len(), &h1), None);
    }
}
