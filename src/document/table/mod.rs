//! Indicator tables: the tables of main indicators that execution reports
//! carry arrive flattened, one cell per line ("指标 / 年度预期目标 /
//! 上半年完成情况 / 1.地区生产总值 / 增长7%以上 / 增长20.2% / 2.…"; saved HTML
//! tables come out of `html` the same way). The header's words say which
//! column holds the plan (预期目标, 目标, 计划) and which the outcome (完成情况,
//! 完成, 实际, 预计), and how many cells a row has; rows start with a
//! numbered label. Each row keeps the byte ranges of its cells in the
//! normalised text, so extraction can read the numbers and quote the cells.

use super::{IndicatorRow, Report, ReportKind};
use crate::statement::Period;
use std::ops::Range;

mod columns;
mod line;

use columns::{has_header_word, has_words_of, Column};

/// Header cells and table captions are short; a longer line is prose.
const MAX_HEADER_CHARS: usize = 16;

/// Cells longer than this end a table: the report's prose has resumed.
const MAX_CELL_CHARS: usize = 40;

/// How many lines above the header a caption with the year may sit.
const CAPTION_LINES: usize = 2;

/// A non-empty line of the normalised text.
#[derive(Debug, Clone)]
struct Cell<'a> {
    range: Range<usize>,
    text: &'a str,
}

/// Every row of every indicator table in the text.
pub fn find_rows(
    text: &str,
    offsets: &[u32],
    original: &str,
    report: &Report,
) -> Vec<IndicatorRow> {
    let mut rows = cell_rows(text, report);
    rows.extend(line::find_rows(text, offsets, original, report));
    rows
}

/// Rows of the tables whose cells are lines.
fn cell_rows(text: &str, report: &Report) -> Vec<IndicatorRow> {
    let cells = cells(text);
    let mut rows = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let header_len = cells
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| is_header_cell(c.text))
            .count();
        let header = cells.get(i..i + header_len).unwrap_or_default();
        let first_label = cells.get(i + header_len);
        let numbered_column = header.iter().position(|c| c.text.contains("序号"));
        if header_len >= 3 {
            if let Some(seq) = numbered_column {
                let found = fixed_rows(&cells, i, header, seq, report, &mut rows);
                if found > 0 {
                    i += header_len + found * header_len;
                    continue;
                }
            }
        }
        if header_len < 2 || !first_label.is_some_and(|c| is_numbered_label(c.text)) {
            i += header_len.max(1);
            continue;
        }
        let plan_col = header.iter().position(|c| is_plan_header(c.text));
        let outcome_col = header.iter().position(|c| is_outcome_header(c.text));
        if plan_col.is_none() && outcome_col.is_none() {
            i += header_len;
            continue;
        }
        let (year, period) = dating(&cells, i, header, outcome_col, report);
        let mut k = i + header_len;
        while let Some(label) = cells.get(k).filter(|c| is_numbered_label(c.text)) {
            let row_cells: Vec<&Cell> = cells
                .get(k + 1..)
                .unwrap_or_default()
                .iter()
                .take(header_len - 1)
                .take_while(|c| {
                    !is_numbered_label(c.text) && c.text.chars().count() <= MAX_CELL_CHARS
                })
                .collect();
            let column = |col: Option<usize>| {
                col.filter(|c| *c > 0)
                    .and_then(|c| row_cells.get(c - 1))
                    .map(|cell| cell.range.clone())
            };
            if let Some(year) = year {
                rows.push(IndicatorRow {
                    label: label.range.clone(),
                    plan: column(plan_col),
                    outcome: column(outcome_col),
                    level: None,
                    unit: column(header.iter().position(|c| is_unit_header(c.text))),
                    growth: false,
                    year,
                    period,
                });
            }
            k += 1 + row_cells.len();
        }
        i = k.max(i + 1);
    }
    rows
}

/// Rows of a table whose first column numbers them (`序号 / 指标名称 / 单位 /
/// 年度预期目标 / 上半年完成情况 / 1 / 地区生产总值增速 / % / 6 / 5.8 / 2 …`).
/// Values may be bare numbers, so rows are read as fixed groups of cells, and
/// the table ends where the numbering stops counting up. Returns the number
/// of rows read.
fn fixed_rows(
    cells: &[Cell<'_>],
    start: usize,
    header: &[Cell<'_>],
    seq: usize,
    report: &Report,
    rows: &mut Vec<IndicatorRow>,
) -> usize {
    let find = |p: fn(&str) -> bool| header.iter().position(|c| p(c.text));
    let label_col = find(is_label_header);
    let plan_col = find(is_plan_header);
    let outcome_col = find(is_outcome_header);
    let (Some(label_col), true) = (label_col, plan_col.is_some() || outcome_col.is_some()) else {
        return 0;
    };
    let unit_col = find(is_unit_header);
    let (Some(year), period) = dating(cells, start, header, outcome_col, report) else {
        return 0;
    };
    // A two-level header: the cells between the header and the first row
    // split the outcome column (`完成情况 / 年度目标 / 绝对数 / 同比增长`,
    // pudong-2024-annual), so a row has one cell more per extra sub-column.
    let body = start + header.len();
    let sub = cells
        .get(body..)
        .unwrap_or_default()
        .iter()
        .take(MAX_SUB_COLUMNS + 1)
        .position(|c| c.text == "1")
        .unwrap_or(0);
    let split = match outcome_col {
        Some(col) if sub >= 2 && col > seq && col > label_col => Some((col, sub)),
        _ if sub == 0 => None,
        _ => return 0,
    };
    let sub_cells = cells.get(body..body + sub).unwrap_or_default();
    let growth_sub = sub_cells.iter().position(|c| is_growth_header(c.text));
    let level_sub = sub_cells
        .iter()
        .position(|c| !is_growth_header(c.text))
        .filter(|_| growth_sub.is_some());
    let shift = |col: usize| match split {
        Some((at, n)) if col > at => col + n - 1,
        _ => col,
    };
    let width = shift(header.len() - 1) + 1;
    let outcome_at = match (split, outcome_col) {
        (Some((at, _)), _) => Some(at + growth_sub.unwrap_or(0)),
        (None, col) => col,
    };
    let mut count = 0;
    loop {
        let first = body + sub + count * width;
        let Some(row) = cells.get(first..first + width) else {
            break;
        };
        let numbered = row
            .get(seq)
            .is_some_and(|c| c.text.trim_end_matches(['.', '、']) == (count + 1).to_string());
        if !numbered || row.iter().any(|c| c.text.chars().count() > MAX_CELL_CHARS) {
            break;
        }
        let column = |col: Option<usize>| col.and_then(|c| row.get(c)).map(|c| c.range.clone());
        rows.push(IndicatorRow {
            label: row[shift(label_col)].range.clone(),
            plan: column(plan_col.map(shift)),
            outcome: column(outcome_at),
            level: split.and_then(|(at, _)| column(level_sub.map(|k| at + k))),
            unit: column(unit_col.map(shift)),
            growth: split.is_some() && growth_sub.is_some(),
            year,
            period,
        });
        count += 1;
    }
    count
}

/// Most sub-columns a two-level header splits its outcome column into.
const MAX_SUB_COLUMNS: usize = 4;

/// A sub-column of growth rates (`同比增长`, `增速`, `比上年增长`).
fn is_growth_header(text: &str) -> bool {
    has_words_of(Column::Growth, text) && text.chars().count() <= 8
}

/// The year of a table (from its caption, its header, or the report) and the
/// period its outcome column covers.
fn dating(
    cells: &[Cell<'_>],
    start: usize,
    header: &[Cell<'_>],
    outcome_col: Option<usize>,
    report: &Report,
) -> (Option<i32>, Period) {
    let caption = cells
        .get(start.saturating_sub(CAPTION_LINES)..start)
        .unwrap_or_default();
    let year = caption
        .iter()
        .rev()
        .chain(header.iter())
        .find_map(|c| year_in(c.text))
        .or(report.year);
    let outcome_header = outcome_col
        .and_then(|k| header.get(k))
        .map_or("", |c| c.text);
    let in_h1 = outcome_header.contains("上半年")
        || caption.iter().any(|c| c.text.contains("上半年"))
        || report.kind == ReportKind::H1;
    (year, if in_h1 { Period::H1 } else { Period::FY })
}

fn is_label_header(text: &str) -> bool {
    has_words_of(Column::Label, text)
}

fn is_unit_header(text: &str) -> bool {
    has_words_of(Column::Unit, text)
}

fn cells(text: &str) -> Vec<Cell<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in crate::document::line_ends::lines(text) {
        // Tables copied from a page keep their cell borders (`| 1 |`,
        // `地区生产总值 |`, `||||`; pudong-2024-annual).
        let trimmed = line.trim().trim_matches('|').trim();
        if !trimmed.is_empty() {
            let lead = trimmed.as_ptr() as usize - line.as_ptr() as usize;
            out.push(Cell {
                range: start + lead..start + lead + trimmed.len(),
                text: trimmed,
            });
        }
        start += line.len() + 1;
    }
    out
}

fn is_header_cell(text: &str) -> bool {
    text.chars().count() <= MAX_HEADER_CHARS
        && !text.ends_with('表')
        && !is_numbered_label(text)
        && has_header_word(text)
}

fn is_plan_header(text: &str) -> bool {
    has_words_of(Column::Plan, text)
}

fn is_outcome_header(text: &str) -> bool {
    has_words_of(Column::Outcome, text)
}

/// `1.地区生产总值`, `12、城镇新增就业`.
fn is_numbered_label(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && text
            .get(digits..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| matches!(c, '.' | '、' | ')'))
        && text.chars().count() > digits + 1
}

fn year_in(text: &str) -> Option<i32> {
    let at = text.find('年')?;
    let before = text.get(..at)?;
    let digits = before.get(before.len().checked_sub(4)?..)?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h1(year: i32) -> Report {
        Report::of_kind(ReportKind::H1, year)
    }

    /// Rows of a text read as both original and normalised (what the
    /// tests of this module and of `line` read).
    pub(super) fn find_rows(text: &str, report: &Report) -> Vec<IndicatorRow> {
        let offsets: Vec<u32> = (0..=text.len() as u32).collect();
        super::find_rows(text, &offsets, text, report)
    }

    #[test]
    fn flattened_table_becomes_rows() {
        let text = "  2021年上半年主要预期指标进展情况表\n\n指标\n\n年度预期目标\n\n上半年完成情况\n\n1.地区生产总值\n\n增长7%以上\n\n增长20.2%\n\n2.一般公共预算收入\n\n增长8%(可比口径)\n\n增长18.5%(同比口径)\n\n  面对突发疫情,白云区坚持以习近平新时代中国特色社会主义思想为指导,编制出台了很多规划和方案。\n";
        let rows = find_rows(text, &h1(2020));
        assert_eq!(rows.len(), 2);
        let cell = |r: &Option<Range<usize>>| r.clone().map(|r| &text[r]);
        assert_eq!(&text[rows[0].label.clone()], "1.地区生产总值");
        assert_eq!(cell(&rows[0].plan), Some("增长7%以上"));
        assert_eq!(cell(&rows[0].outcome), Some("增长20.2%"));
        assert_eq!(cell(&rows[1].outcome), Some("增长18.5%(同比口径)"));
        assert_eq!((rows[0].year, rows[0].period), (2021, Period::H1));
    }

    #[test]
    fn a_missing_cell_does_not_shift_the_next_row() {
        let text = "指标\n年度目标\n全年完成\n1.甲\n增长5%\n2.乙\n增长6%\n增长7%\n";
        let mut report = h1(2024);
        report.kind = ReportKind::Annual;
        let rows = find_rows(text, &report);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].outcome, None);
        assert_eq!(rows[1].outcome.clone().map(|r| &text[r]), Some("增长7%"));
        assert_eq!(rows[1].period, Period::FY);
    }

    #[test]
    fn a_numbered_table_with_a_unit_column_is_read_in_fixed_rows() {
        let text = "2023年上半年主要经济指标完成情况表\n序号\n指标名称\n单位\n年度预期目标\n上半年完成情况\n1\n地区生产总值增速\n%\n6\n5.8\n2\n固定资产投资增速\n%\n8\n-3.2\n上半年,全区经济运行总体平稳,主要指标保持增长态势。\n";
        let rows = find_rows(text, &h1(2023));
        assert_eq!(rows.len(), 2);
        let cell = |r: &Option<Range<usize>>| r.clone().map(|r| &text[r]);
        assert_eq!(&text[rows[1].label.clone()], "固定资产投资增速");
        assert_eq!(cell(&rows[1].unit), Some("%"));
        assert_eq!(cell(&rows[1].plan), Some("8"));
        assert_eq!(cell(&rows[1].outcome), Some("-3.2"));
        assert_eq!((rows[0].year, rows[0].period), (2023, Period::H1));
    }

    #[test]
    fn a_bordered_table_with_a_two_level_header_is_read() {
        // pudong-2024-annual: 完成情况 is split into 绝对数 and 同比增长.
        let text = "表1:2024年主要经济社会指标完成情况\n| 序号 |\n主要经济社会指标 |\n指标类型 |\n完成情况 |\n年度目标 |\n|\n| 绝对数 |\n同比增长 |\n||||\n| 1 |\n地区生产总值 |\n预期性 |\n17752.3亿元 |\n5.3% |\n增长6%左右 |\n| 2 |\n一般公共预算收入 |\n预期性 |\n1308.7亿元 |\n0.6% |\n与GDP增长基本同步 |\n";
        let mut report = h1(2024);
        report.kind = ReportKind::Annual;
        let rows = find_rows(text, &report);
        assert_eq!(rows.len(), 2);
        let cell = |r: &Option<Range<usize>>| r.clone().map(|r| &text[r]);
        assert_eq!(&text[rows[0].label.clone()], "地区生产总值");
        assert_eq!(cell(&rows[0].outcome), Some("5.3%"));
        assert_eq!(cell(&rows[0].plan), Some("增长6%左右"));
        assert!(rows[0].growth);
        assert_eq!(cell(&rows[1].outcome), Some("0.6%"));
        assert_eq!((rows[1].year, rows[1].period), (2024, Period::FY));
    }

    #[test]
    fn prose_is_not_a_table() {
        assert!(find_rows("一、上半年执行情况\n1.加快发展\n正文", &h1(2021)).is_empty());
        assert!(!is_numbered_label("2021年"));
        assert!(is_numbered_label("12、城镇新增就业"));
    }
}
