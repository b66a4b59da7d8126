//! Sections: the headings of a report and what each stretch covers. Headings
//! come as `第一部分 …`, `一、…` and `(一)…` (full-width parentheses are
//! already folded); levels follow that order among the styles a report uses,
//! so `一、` is level 1 in a mid-year report and level 2 under `第一部分`.
//! Numbering must run on (or restart at one) for a line to count as a
//! heading, which keeps stray list items out.
//!
//! Coverage follows the rules of the genre: a mid-year report's part on
//! 上半年…执行情况 reviews the first half of its year and its part on
//! 下半年…工作任务 plans the year; an annual report's first part reviews the
//! year and its second part (计划草案) plans the next; a work report's
//! 20XX年工作回顾 reviews that year and its 20YY年工作安排 plans the year
//! delivered. A sub-section says nothing of its own unless its heading names
//! a period, and inherits its parent's coverage.

use super::{Coverage, Report, ReportKind, Section};
use crate::statement::Period;
use regex::Regex;
use std::sync::OnceLock;

/// Longest heading kept, in characters; headings run on into their first
/// paragraph in some reports (`(一)经济运行平稳有进。2024年,全区…`).
const MAX_HEADING_CHARS: usize = 60;

/// The numbering style of a heading, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Style {
    /// 第一部分
    Part,
    /// 一、
    Numbered,
    /// (一)
    Paren,
}

/// A heading line found in the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub style: Style,
    pub number: u32,
    /// Byte offset of the heading line in the normalised text.
    pub start: usize,
    /// 1-based line number (the same in the normalised and decoded text).
    pub line: usize,
    /// The heading, cut after its first sentence.
    pub title: String,
}

/// Every heading line, in order, whose numbering runs on.
pub fn find_headings(text: &str) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut last = [0u32; 3];
    let mut start = 0;
    for (index, line) in text.split('\n').enumerate() {
        if let Some((style, number)) = numbering(line) {
            let slot = style as usize;
            let previous = last.get(slot).copied().unwrap_or(0);
            if number == 1 || number == previous + 1 {
                for (i, n) in last.iter_mut().enumerate() {
                    if i > slot {
                        *n = 0;
                    }
                }
                if let Some(n) = last.get_mut(slot) {
                    *n = number;
                }
                headings.push(Heading {
                    style,
                    number,
                    start,
                    line: index + 1,
                    title: heading_title(line),
                });
            }
        }
        start += line.len() + 1;
    }
    headings
}

/// The style and number of a heading line, if it is one.
fn numbering(line: &str) -> Option<(Style, u32)> {
    if let Some(rest) = line.strip_prefix('第') {
        let (number, rest) = leading_numeral(rest)?;
        return rest.starts_with("部分").then_some((Style::Part, number));
    }
    if let Some(rest) = line.strip_prefix('(') {
        let (number, rest) = leading_numeral(rest)?;
        return rest.starts_with(')').then_some((Style::Paren, number));
    }
    let (number, rest) = leading_numeral(line)?;
    rest.starts_with('、').then_some((Style::Numbered, number))
}

/// A Chinese numeral from one to ninety-nine at the start of `s`, and the rest.
fn leading_numeral(s: &str) -> Option<(u32, &str)> {
    let end = s
        .char_indices()
        .find(|(_, c)| digit(*c).is_none() && *c != '十')
        .map_or(s.len(), |(i, _)| i);
    let numeral = s.get(..end)?;
    let value = match numeral.split_once('十') {
        None => {
            let mut chars = numeral.chars();
            let value = digit(chars.next()?)?;
            chars.next().is_none().then_some(value)?
        }
        Some((tens, units)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                single_digit(tens)?
            };
            let units = if units.is_empty() {
                0
            } else {
                single_digit(units)?
            };
            tens * 10 + units
        }
    };
    (value > 0).then_some((value, s.get(end..)?))
}

fn single_digit(s: &str) -> Option<u32> {
    let mut chars = s.chars();
    let value = digit(chars.next()?)?;
    chars.next().is_none().then_some(value)
}

fn digit(c: char) -> Option<u32> {
    "一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// The heading as shown: up to and including its first `。`, at most
/// `MAX_HEADING_CHARS` characters.
pub fn heading_title(line: &str) -> String {
    let sentence = line
        .find('。')
        .map_or(line, |i| line.get(..i + '。'.len_utf8()).unwrap_or(line));
    sentence.chars().take(MAX_HEADING_CHARS).collect()
}

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
pub fn heading_coverage(title: &str, report: &Report, top: bool) -> Coverage {
    let year = year_in(title);
    let names_period = year.is_some() || title.contains("上半年") || title.contains("下半年");
    if !top && !names_period {
        return Coverage::Unknown;
    }
    let is_review = ["执行情况", "完成情况", "回顾", "进展情况"]
        .iter()
        .any(|w| title.contains(w));
    let is_plan = [
        "工作安排",
        "工作任务",
        "主要任务",
        "工作措施",
        "工作重点",
        "重点工作",
        "预期目标",
        "草案",
        "工作建议",
        "工作思路",
        "今年工作",
    ]
    .iter()
    .any(|w| title.contains(w))
        || (title.contains("计划") && !is_review);
    let report_year = report.year;
    if title.contains("上半年") && is_review {
        return review(year.or(report_year), Period::H1);
    }
    if title.contains("下半年") {
        return plan(year.or(report_year));
    }
    // An annual report's second part: "2025年国民经济和社会发展计划草案".
    if is_plan {
        return plan(year.or_else(|| default_plan_year(report)));
    }
    if is_review {
        let period = if report.kind == ReportKind::H1 && year.is_none_or(|y| Some(y) == report_year)
        {
            Period::H1
        } else {
            Period::FY
        };
        return review(year.or_else(|| default_review_year(report)), period);
    }
    Coverage::Unknown
}

fn review(year: Option<i32>, period: Period) -> Coverage {
    year.map_or(Coverage::Unknown, |year| Coverage::Review { year, period })
}

fn plan(year: Option<i32>) -> Coverage {
    year.map_or(Coverage::Unknown, |year| Coverage::Plan { year })
}

/// The year a plan part with no year in its heading is for.
fn default_plan_year(report: &Report) -> Option<i32> {
    match report.kind {
        ReportKind::Annual => report.year.map(|y| y + 1),
        _ => report.year,
    }
}

/// The year a review part with no year in its heading looks back on.
fn default_review_year(report: &Report) -> Option<i32> {
    match report.kind {
        ReportKind::Gwr => report.year.map(|y| y - 1),
        _ => report.year,
    }
}

/// Sections from headings: each runs to the next heading of the same or an
/// outer level, and inherits its parent's coverage when it names none.
pub fn build_sections(text: &str, headings: &[Heading], report: &Report) -> Vec<Section> {
    let mut styles: Vec<Style> = headings.iter().map(|h| h.style).collect();
    styles.sort();
    styles.dedup();
    let level_of = |style: Style| {
        styles
            .iter()
            .position(|s| *s == style)
            .map_or(1, |i| i as u8 + 1)
    };
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    // Open ancestors: (level, coverage).
    let mut stack: Vec<(u8, Coverage)> = Vec::new();
    for (i, heading) in headings.iter().enumerate() {
        let level = level_of(heading.style);
        let end = headings
            .iter()
            .skip(i + 1)
            .find(|h| level_of(h.style) <= level)
            .map_or(text.len(), |h| h.start);
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            stack.pop();
        }
        let own = heading_coverage(&heading.title, report, level == 1);
        let inherited = stack.last().map_or(Coverage::Unknown, |(_, c)| *c);
        let coverage = if own == Coverage::Unknown {
            inherited
        } else {
            own
        };
        stack.push((level, coverage));
        sections.push(Section {
            range: heading.start..end.max(heading.start),
            heading: heading.title.clone(),
            line: heading.line,
            level,
            coverage,
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: ReportKind, year: i32) -> Report {
        Report {
            district: String::new(),
            kind,
            date: None,
            year: Some(year),
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(leading_numeral("一、"), Some((1, "、")));
        assert_eq!(leading_numeral("十、"), Some((10, "、")));
        assert_eq!(leading_numeral("十二)"), Some((12, ")")));
        assert_eq!(leading_numeral("二十一部分"), Some((21, "部分")));
        assert_eq!(leading_numeral("一二、"), None);
        assert_eq!(leading_numeral("是加快"), None);
    }

    #[test]
    fn heading_styles_and_run_on_numbering() {
        let text = "前言\n一、上半年执行情况\n(一)经济。正文\n(二)产业\n一是加强\n(五)跳号\n二、下半年主要工作任务\n(一)聚焦\n第一部分 回顾";
        let found: Vec<(Style, u32, usize)> = find_headings(text)
            .iter()
            .map(|h| (h.style, h.number, h.line))
            .collect();
        assert_eq!(
            found,
            vec![
                (Style::Numbered, 1, 2),
                (Style::Paren, 1, 3),
                (Style::Paren, 2, 4),
                (Style::Numbered, 2, 7),
                (Style::Paren, 1, 8),
                (Style::Part, 1, 9),
            ]
        );
        assert_eq!(find_headings(text)[1].title, "(一)经济。");
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
            heading_coverage("一、过去一年工作回顾", &gwr, true),
            Coverage::Review {
                year: 2019,
                period: Period::FY
            }
        );
    }

    #[test]
    fn sub_sections_inherit() {
        let text = "一、上半年计划执行情况\n(一)经济\n正文\n二、下半年主要工作任务\n(一)聚焦\n";
        let h1 = report(ReportKind::H1, 2021);
        let sections = build_sections(text, &find_headings(text), &h1);
        let got: Vec<(u8, Coverage)> = sections.iter().map(|s| (s.level, s.coverage)).collect();
        let review = Coverage::Review {
            year: 2021,
            period: Period::H1,
        };
        let plan = Coverage::Plan { year: 2021 };
        assert_eq!(got, vec![(1, review), (2, review), (1, plan), (2, plan)]);
        assert_eq!(
            &text[sections[0].range.clone()],
            "一、上半年计划执行情况\n(一)经济\n正文\n"
        );
    }
}
