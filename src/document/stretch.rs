//! Stretches: the parts of a section that a time phrase opening a sentence
//! turns to another period than the section's. A work report's plan part
//! may open with the year just ended (`过去一年,…全市地区生产总值增长6.9%`);
//! a five-year review gives the last year in one paragraph (`2000年是“九五”
//! 计划的最后一年` and the bullets after it) and five-year totals around it
//! (`五年来,…`). A stretch runs from its sentence to the next cue in the
//! paragraph or the paragraph's end; a paragraph that is only the cue's
//! sentence leads in the paragraphs after it, up to the next heading or cue.

use super::cues::{Cues, StretchReading};
use super::sections::Heading;
use super::{Coverage, Report, Section, Stretch};
use crate::rule::Covers;
use crate::statement::Period;

/// Characters of the opening kept to show a stretch.
const OPENING_CHARS: usize = 24;

/// Every stretch of the normalised text, in order, none overlapping.
#[inline(never)]
pub fn find_stretches(
    text: &str,
    headings: &[Heading],
    sections: &[Section],
    report: &Report,
    cues: &Cues,
) -> Vec<Stretch> {
    let mut stretches: Vec<Stretch> = Vec::new();
    // A lead-in still open: its start, opening and coverage, and the level
    // of the heading above it when it leads in that heading's sub-sections.
    let mut lead: Option<(usize, String, Coverage)> = None;
    let mut part_level: Option<u8> = None;
    // The level of the heading on the line before, if it was one.
    let mut heading_above: Option<u8> = None;
    let mut next_heading = headings.iter().map(|h| h.start).peekable();
    let mut start = 0;
    for line in super::line_ends::lines(text) {
        let end = start + line.len();
        while next_heading.next_if(|&h| h < start).is_some() {}
        let is_heading = next_heading.peek() == Some(&start);
        let level = is_heading.then(|| section_level(sections, start));
        // A heading deeper than the one a part's lead-in opened under does
        // not end it.
        let ends_lead = match (level, part_level) {
            (Some(level), Some(part)) => level <= part,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let found: Vec<(usize, Coverage)> = if is_heading {
            Vec::new()
        } else {
            sentence_starts(line)
                .filter_map(|at| {
                    let reading = cues.stretch(line.get(at..)?)?;
                    let section = section_coverage(sections, start + at);
                    Some((start + at, resolve(reading, report, section)?))
                })
                .collect()
        };
        if ends_lead || !found.is_empty() {
            if let Some((from, opening, coverage)) = lead.take() {
                stretches.push(Stretch {
                    range: from..start,
                    opening,
                    coverage,
                });
            }
            part_level = None;
        }
        for (i, &(from, coverage)) in found.iter().enumerate() {
            let to = found.get(i + 1).map_or(end, |&(next, _)| next);
            let opening = opening(text, from);
            let sentence = text.get(from..to).unwrap_or_default().trim_end();
            // A whole sentence, ended as one: a headline cut over lines is none.
            let body = sentence.trim_end_matches(['。', '!', ':', '*']);
            let lone = i + 1 == found.len()
                && body.len() < sentence.trim_end_matches('*').len()
                && body.find(['。', '!', '?']).is_none();
            // A part that opens with a paragraph on several years (`“十四五”
            // 时期是…的五年。…`) reviews them in its sub-sections too, up to
            // the next cue (`刚刚过去的2025年,…`; jiangsu-2025-gwr).
            let opens_part = heading_above.is_some()
                && found.len() == 1
                && matches!(coverage, Coverage::Years { .. });
            if lone || opens_part {
                if opens_part {
                    part_level = heading_above;
                }
                lead = Some((from, opening, coverage));
            } else {
                stretches.push(Stretch {
                    range: from..to,
                    opening,
                    coverage,
                });
            }
        }
        if level.is_some() || !line.trim().is_empty() {
            heading_above = level;
        }
        start = end + 1;
    }
    if let Some((from, opening, coverage)) = lead {
        stretches.push(Stretch {
            range: from..text.len(),
            opening,
            coverage,
        });
    }
    stretches
}

/// Byte offsets in `line` where a sentence starts: the line's first
/// character after bullet and markdown marks (`——这五年…`, `**…`), and
/// each one after `。`, `!` or `?`.
fn sentence_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    let lead = line.len()
        - line
            .trim_start_matches([' ', '*', '#', '—', '―', '─', '-'])
            .len();
    // The marks are found in the bytes, without decoding the line, by
    // vectorised searches: most lines have no `!` or `?` (ASCII, and rare),
    // which one search tells at once; then only `。` is looked for. Other
    // lines are searched for all three: `。` is the only character encoded
    // as E3 80 82.
    const FULL_STOP: [u8; 3] = [0xE3, 0x80, 0x82];
    static FULL_STOPS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(&FULL_STOP));
    let bytes = line.as_bytes();
    let ascii_marks = memchr::memchr2(b'!', b'?', bytes).is_some();
    let full_stops = (!ascii_marks)
        .then(|| FULL_STOPS.find_iter(bytes).map(|i| i + FULL_STOP.len()))
        .into_iter()
        .flatten();
    let all_marks = ascii_marks
        .then(|| {
            memchr::memchr3_iter(b'!', b'?', 0xE3, bytes).filter_map(move |i| match bytes.get(i) {
                Some(b'!' | b'?') => Some(i + 1),
                _ if bytes.get(i..i + 3) == Some(&FULL_STOP[..]) => Some(i + 3),
                _ => None,
            })
        })
        .into_iter()
        .flatten();
    std::iter::once(lead).chain(full_stops.chain(all_marks).filter(move |&i| i < line.len()))
}

/// The level of the section whose heading starts at `start`.
fn section_level(sections: &[Section], start: usize) -> u8 {
    sections
        .iter()
        .find(|s| s.range.start == start)
        .map_or(0, |s| s.level)
}

/// The coverage of the innermost section holding `offset`.
fn section_coverage(sections: &[Section], offset: usize) -> Coverage {
    sections
        .iter()
        .filter(|s| s.range.contains(&offset) && s.coverage != Coverage::Unknown)
        .max_by_key(|s| s.level)
        .map_or(Coverage::Unknown, |s| s.coverage)
}

/// What a cue's reading covers in this report; `None` when the report's
/// years cannot tell (a mid-year report reviews and plans one year).
fn resolve(reading: StretchReading, report: &Report, section: Coverage) -> Option<Coverage> {
    let reviewed = report
        .reviews
        .first()
        .filter(|r| r.period == Period::FY)
        .map(|r| r.year);
    let planned = report.planned_year().filter(|&p| Some(p) != reviewed);
    let reviewed = reviewed.filter(|&r| Some(r) != report.planned_year());
    let review = |year: i32| Coverage::Review {
        year,
        period: Period::FY,
    };
    match (reading.covers, reading.year) {
        (Some(Covers::Years), _) => Some(Coverage::Years {
            plans: matches!(
                section,
                Coverage::Plan { .. } | Coverage::Years { plans: true }
            ),
        }),
        (Some(Covers::Review), None) => reviewed.map(review),
        (Some(Covers::Plan | Covers::ThisYear), None) => {
            planned.map(|year| Coverage::Plan { year })
        }
        (_, Some(year)) if Some(year) == reviewed => Some(review(year)),
        (_, Some(year)) if Some(year) == planned => Some(Coverage::Plan { year }),
        _ => None,
    }
}

/// The first characters of the sentence at `from`.
fn opening(text: &str, from: usize) -> String {
    text.get(from..)
        .unwrap_or_default()
        .chars()
        .take_while(|&c| c != '\n')
        .take(OPENING_CHARS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sections::{build_sections, find_headings};
    use crate::document::ReportKind;

    fn stretches(text: &str) -> Vec<(String, Coverage)> {
        let cues = Cues::default_cues();
        let report = Report::of_kind(ReportKind::Gwr, 2016);
        let headings = find_headings(text, &cues);
        let sections = build_sections(text, &headings, &report, &cues);
        find_stretches(text, &headings, &sections, &report, &cues)
            .into_iter()
            .map(|s| (text[s.range].to_owned(), s.coverage))
            .collect()
    }

    #[test]
    fn sentences_start_after_each_mark() {
        for line in [
            "——过去一年,增长6.9%。今年要稳中求进!能否完成?",
            "**五年来**。",
            "。。a",
            "只有句号。没有别的。",
            "没有句号的行",
            "",
        ] {
            let by_characters: Vec<usize> = line
                .char_indices()
                .filter(|&(_, c)| matches!(c, '。' | '!' | '?'))
                .map(|(i, c)| i + c.len_utf8())
                .filter(|&i| i < line.len())
                .collect();
            let got: Vec<usize> = sentence_starts(line).skip(1).collect();
            assert_eq!(got, by_characters, "{line:?}");
        }
        assert_eq!(sentence_starts("——过去一年").next(), Some("——".len()));
    }

    #[test]
    fn a_sentence_turns_the_rest_of_its_paragraph() {
        let text = "三、2016年重点任务\n2016年是开局之年。过去一年,经济社会发展取得了新成绩。全市地区生产总值增长6.9%。\n今年,要稳中求进。\n";
        let got = stretches(text);
        let review = Coverage::Review {
            year: 2015,
            period: Period::FY,
        };
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1, Coverage::Plan { year: 2016 });
        assert_eq!(
            got[1],
            (
                "过去一年,经济社会发展取得了新成绩。全市地区生产总值增长6.9%。".to_owned(),
                review
            )
        );
        assert_eq!(got[2].1, Coverage::Plan { year: 2016 });
    }

    #[test]
    fn a_lone_sentence_leads_in_the_paragraphs_after_it() {
        let text = "一、“十二五”时期的回顾\n五年来,全市生产总值年均增长12.8%。\n2015年是“十二五”最后一年。\n——全市生产总值增长6.9%。\n——一般公共预算收入增长12.3%。\n(一)综合实力显著提升\n全市生产总值翻一番。\n";
        let got = stretches(text);
        let review = Coverage::Review {
            year: 2015,
            period: Period::FY,
        };
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, Coverage::Years { plans: false });
        assert_eq!(
            got[1],
            (
                "2015年是“十二五”最后一年。\n——全市生产总值增长6.9%。\n——一般公共预算收入增长12.3%。\n".to_owned(),
                review
            )
        );
    }

    #[test]
    fn a_part_opening_on_several_years_reviews_them_in_its_sub_sections() {
        // jiangsu-2025-gwr: the term in sub-sections, then the last year.
        let text = "一、“十四五”时期和2015年工作回顾\n“十四五”时期是极不平凡的五年。全市经济实力显著增强。\n(一)经济实力显著增强。\n城镇新增就业超690万人。\n(二)民生福祉持续增进。\n基本医保参保率稳定在95%以上。\n刚刚过去的2015年,全市生产总值增长6.9%。\n二、2016年工作安排\n今年要稳中求进。\n";
        let got = stretches(text);
        assert_eq!(got[0].1, Coverage::Years { plans: false });
        assert!(got[0].0.contains("城镇新增就业超690万人"), "{got:?}");
        assert!(got[0].0.contains("基本医保参保率"), "{got:?}");
        assert!(!got[0].0.contains("刚刚过去"), "{got:?}");
        let review = Coverage::Review {
            year: 2015,
            period: Period::FY,
        };
        assert_eq!(got[1].1, review);
        // A paragraph on several years that opens no part leads in nothing.
        let text = "一、2015年工作回顾\n全市生产总值增长6.9%。\n五年来,全市生产总值年均增长8%。就业稳定。\n(一)经济实力\n城镇新增就业69万人。\n";
        let got = stretches(text);
        assert_eq!(got.len(), 1);
        assert!(!got[0].0.contains("城镇新增就业"), "{got:?}");
    }
}
