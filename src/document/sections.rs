//! Sections: the headings of a report and what each stretch covers. Headings
//! come as `第一部分 …`, `一、…` and `(一)…` (full-width parentheses are
//! already folded); levels follow that order among the styles a report uses,
//! so `一、` is level 1 in a mid-year report and level 2 under `第一部分`.
//! Numbering must run on (or restart at one) for a line to count as a
//! heading, which keeps stray list items out. Each section takes the
//! coverage its heading names (see `coverage`) or else its parent's.

use super::coverage::heading_coverage;
use super::cues::Cues;
use super::{Coverage, Report, Section};

/// Longest heading kept, in characters; headings run on into their first
/// paragraph in some reports (`(一)经济运行平稳有进。2024年,全区…`).
const MAX_HEADING_CHARS: usize = 60;

/// Longest unnumbered heading, in characters.
const MAX_BARE_CHARS: usize = 30;

/// The numbering style of a heading, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Style {
    /// A part heading that lost its number on a web page: a short line of
    /// its own naming the period of a part (`“十四五”时期工作回顾`, `2026年重点工作`).
    Bare,
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

/// Every heading line, in order, whose numbering runs on, and the
/// unnumbered part headings.
#[inline(never)]
pub fn find_headings(text: &str, cues: &Cues) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut last = [0u32; 4];
    let mut start = 0;
    for (index, line) in super::line_ends::lines(text).enumerate() {
        let numbered = numbering(line).or_else(|| bare(line, cues).then_some((Style::Bare, 1)));
        if let Some((style, number)) = numbered {
            let slot = style as usize;
            let previous = last.get(slot).copied().unwrap_or(0);
            if style == Style::Bare || number == 1 || number == previous + 1 {
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

/// A line without the markdown marks some reports keep around headings
/// (`**一、“十二五”时期的工作回顾**`, `## 一、…`).
fn unmarked(line: &str) -> &str {
    line.trim_start_matches(['*', '#', ' '])
}

/// Whether a line is an unnumbered part heading: short, no sentence or
/// clause mark, not a title (`…报告`), naming a period and holding a
/// heading word of the review, the plan or several years.
fn bare(line: &str, cues: &Cues) -> bool {
    let line = line.trim();
    // Every line is asked, paragraphs too: a line of more bytes than the
    // longest heading can have (four per character) is not counted through.
    if !(4..=MAX_BARE_CHARS * 4).contains(&line.len()) {
        return false;
    }
    let chars = line.chars().take(MAX_BARE_CHARS + 1).count();
    if !(4..=MAX_BARE_CHARS).contains(&chars)
        || line.contains(['。', ',', ':', ';', '!', '?', '、', '(', '《', '|'])
        || line.contains("报告")
        // A table's caption ends in 表.
        || line.ends_with('表')
    {
        return false;
    }
    // It names the period, a year or several (`年度预期目标`, a table's
    // column, names none), and holds a heading word of the review, the
    // plan or several years. A word of several years does both; the cheap
    // test for a year comes before the search for the other words.
    if has_year(line) {
        let (review, plan) = cues.heading_words(line);
        review.is_some() || plan.is_some() || cues.span_words(line).0.is_some()
    } else {
        cues.span_words(line).0.is_some()
    }
}

/// Whether a line names a year (`2026年`).
fn has_year(line: &str) -> bool {
    line.char_indices().any(|(i, c)| {
        c == '年'
            && line
                .get(..i)
                .and_then(|b| b.as_bytes().get(b.len().checked_sub(4)?..))
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    })
}

/// The style and number of a heading line, if it is one.
fn numbering(line: &str) -> Option<(Style, u32)> {
    let line = unmarked(line);
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
    // A bold heading ends where its bold does, even when its paragraph runs
    // on in the same line (`**四、奋力做好“十二五”开局工作** 今年是…`).
    let line = match line.trim_start().strip_prefix("**") {
        Some(rest) => rest.split_once("**").map_or(rest, |(bold, _)| bold),
        None => unmarked(line),
    };
    let sentence = line
        .find('。')
        .map_or(line, |i| line.get(..i + '。'.len_utf8()).unwrap_or(line));
    sentence.chars().take(MAX_HEADING_CHARS).collect()
}

/// Sections from headings: each runs to the next heading of the same or an
/// outer level, and inherits its parent's coverage when it names none.
#[inline(never)]
pub fn build_sections(
    text: &str,
    headings: &[Heading],
    report: &Report,
    cues: &Cues,
) -> Vec<Section> {
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
    let mut last_outer: Option<Coverage> = None;
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
        let own = heading_coverage(&heading.title, report, cues, level == 1);
        // Once a report turns to plans it does not turn back: an outer part
        // that names no period after a plan part ("四、全面加强政府自身建设"
        // in a work report) plans too.
        let inherited = match stack.last() {
            Some((_, c)) => *c,
            None => last_outer
                .filter(|c| matches!(c, Coverage::Plan { .. } | Coverage::Years { plans: true }))
                .unwrap_or(Coverage::Unknown),
        };
        let coverage = if own == Coverage::Unknown {
            inherited
        } else {
            own
        };
        stack.push((level, coverage));
        if level == 1 {
            last_outer = Some(coverage);
        }
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
    use crate::document::ReportKind;
    use crate::statement::Period;

    fn report(kind: ReportKind, year: i32) -> Report {
        Report::of_kind(kind, year)
    }

    fn build_sections(text: &str, headings: &[Heading], report: &Report) -> Vec<Section> {
        super::build_sections(text, headings, report, &Cues::default_cues())
    }

    fn find_headings(text: &str) -> Vec<Heading> {
        super::find_headings(text, &Cues::default_cues())
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
    fn unnumbered_part_headings() {
        // corpus-provinces/gansu-2025: the part headings lost their numbers.
        let text = "各位代表:\n“十四五”时期工作回顾\n五年来主要做了以下工作。\n上半年完成情况\n年度预期目标\n2026年重点工作\n(一)放大促消费扩投资政策效应\n";
        let found: Vec<(Style, usize)> = find_headings(text)
            .iter()
            .map(|h| (h.style, h.line))
            .collect();
        assert_eq!(
            found,
            vec![(Style::Bare, 2), (Style::Bare, 6), (Style::Paren, 7)]
        );
        assert!(has_year("2026年重点工作"));
        assert!(!has_year("上半年完成情况"));
        assert!(!has_year("年度"));
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
        let gwr = "一、2019年工作回顾\n二、存在的问题\n三、2020年工作安排\n四、加强政府自身建设\n";
        let report = Report::of_kind(ReportKind::Gwr, 2020);
        let outer: Vec<Coverage> = build_sections(gwr, &find_headings(gwr), &report)
            .iter()
            .map(|s| s.coverage)
            .collect();
        let fy2019 = Coverage::Review {
            year: 2019,
            period: Period::FY,
        };
        let plan2020 = Coverage::Plan { year: 2020 };
        assert_eq!(outer, vec![fy2019, Coverage::Unknown, plan2020, plan2020]);
        assert_eq!(
            &text[sections[0].range.clone()],
            "一、上半年计划执行情况\n(一)经济\n正文\n"
        );
    }
}
