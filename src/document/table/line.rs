//! One-line indicator tables: saved pages that flatten a whole table into one
//! line of space-separated cells (`表1:2023年…完成情况 序号 主要经济社会指标 指标
//! 类型 完成情况 年度目标 完成数 同比增长 1 地区生产总值 预期性 16715.2亿元 4.8%
//! 增长7%左右 2 …`, pudong-2023-annual). Rows are the runs of cells between
//! consecutive row numbers; the header's leaf columns say which cell holds
//! the plan, the level and the growth. A cell that wrapped into two (`1703家
//! 有效期内高企总数4922家`) makes its row one cell longer, so a long row is
//! aligned from both ends. Normalising drops the spaces between two Chinese
//! characters, so cells are told apart in the original line and mapped to
//! the normalised text.

use super::columns::{column_of, Column};
use super::{year_in, Cell, MAX_CELL_CHARS, MAX_HEADER_CHARS};
use crate::document::{IndicatorRow, Report, ReportKind};
use crate::statement::Period;
use std::ops::Range;

/// Most header cells between `序号` and the first row.
const MAX_HEADER_CELLS: usize = 12;

/// Fewest rows that make a line a table rather than prose with a `序号`.
const MIN_ROWS: usize = 2;

/// How many cells before `序号` a caption with the year may sit.
const CAPTION_CELLS: usize = 3;

/// Rows of every one-line table in the normalised `text`, whose bytes come
/// from `original` at `offsets`.
pub fn find_rows(
    text: &str,
    offsets: &[u32],
    original: &str,
    report: &Report,
) -> Vec<IndicatorRow> {
    let mut rows = Vec::new();
    let mut done_to = 0;
    for (at, _) in text.match_indices("序号") {
        if at < done_to {
            continue;
        }
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        done_to = end;
        let tokens = tokens(text, offsets, original, start..end);
        rows.extend(line_rows(&tokens, report));
    }
    rows
}

/// The cells of a line of the normalised text, split where the original
/// has whitespace.
fn tokens<'a>(text: &'a str, offsets: &[u32], original: &str, line: Range<usize>) -> Vec<Cell<'a>> {
    let at = |i: usize| offsets.get(i).map_or(original.len(), |&o| o as usize);
    let (from, to) = (at(line.start), at(line.end).min(original.len()));
    let Some(source) = original.get(from..to) else {
        return Vec::new();
    };
    // The first normalised byte at or after an original byte.
    let back = |o: usize| line.start + offsets[line.clone()].partition_point(|&x| (x as usize) < o);
    source
        .split([' ', '\u{3000}', '\t'])
        .filter(|piece| !piece.is_empty())
        .filter_map(|piece| {
            let o = piece.as_ptr() as usize - original.as_ptr() as usize;
            let range = back(o)..back(o + piece.len());
            let cell = text.get(range.clone())?;
            let trimmed = cell.trim();
            if trimmed.is_empty() {
                return None;
            }
            let lead = cell.len() - cell.trim_start().len();
            let start = range.start + lead;
            Some(Cell {
                range: start..start + trimmed.len(),
                text: trimmed,
            })
        })
        .collect()
}

fn line_rows(tokens: &[Cell<'_>], report: &Report) -> Vec<IndicatorRow> {
    let mut rows = Vec::new();
    let mut i = 0;
    while let Some(s) = tokens[i..]
        .iter()
        .position(|t| t.text == "序号")
        .map(|p| p + i)
    {
        i = s + 1;
        let Some(first) = tokens[s + 1..]
            .iter()
            .take(MAX_HEADER_CELLS + 1)
            .position(|t| row_number(t.text) == Some(1))
            .map(|p| p + s + 1)
        else {
            continue;
        };
        let header = &tokens[s + 1..first];
        if header.len() < 2 || !header.iter().all(|t| is_header_cell(t.text)) {
            continue;
        }
        let leaves = leaves(header);
        if !leaves.contains(&Column::Label)
            || !leaves
                .iter()
                .any(|c| matches!(c, Column::Plan | Column::Outcome | Column::Growth))
        {
            continue;
        }
        let caption = &tokens[s.saturating_sub(CAPTION_CELLS)..s];
        let year = caption
            .iter()
            .rev()
            .find_map(|t| year_in(t.text))
            .or(report.year);
        let Some(year) = year else { continue };
        let in_h1 = report.kind == ReportKind::H1
            || caption
                .iter()
                .chain(header)
                .any(|t| t.text.contains("上半年"));
        let period = if in_h1 { Period::H1 } else { Period::FY };
        let bodies = row_bodies(&tokens[first..], leaves.len());
        if bodies.len() < MIN_ROWS {
            continue;
        }
        i = first;
        for body in bodies {
            i += body.len() + 1;
            rows.push(row(body, &leaves, year, period));
        }
    }
    rows
}

/// The cells of each row after its number, while the numbers count up.
fn row_bodies<'t, 'a>(tokens: &'t [Cell<'a>], width: usize) -> Vec<&'t [Cell<'a>]> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut number = 1;
    while tokens.get(at).and_then(|t| row_number(t.text)) == Some(number)
        && tokens.get(at + 1).is_some_and(|t| is_label(t.text))
    {
        let body = &tokens[at + 1..];
        let mut len = body
            .iter()
            .enumerate()
            .skip(1)
            .position(|(k, t)| {
                row_number(t.text) == Some(number + 1)
                    && body.get(k + 1).is_some_and(|t| is_label(t.text))
            })
            .map_or(body.len(), |p| p + 1);
        // Prose resumes: a cell too long, or a row far longer than the header.
        if let Some(long) = body[..len]
            .iter()
            .position(|t| t.text.chars().count() > MAX_CELL_CHARS)
        {
            len = long;
        }
        if len > 2 * width {
            len = width;
        }
        if len == 0 {
            break;
        }
        out.push(&body[..len]);
        if len < body.len() && row_number(body[len].text) != Some(number + 1) {
            break;
        }
        at += 1 + len;
        number += 1;
    }
    out
}

fn row(body: &[Cell<'_>], leaves: &[Column], year: i32, period: Period) -> IndicatorRow {
    let head = leaves
        .iter()
        .position(|c| !matches!(c, Column::Label | Column::Kind))
        .unwrap_or(leaves.len());
    let mut cells: Vec<Option<Range<usize>>> = vec![None; leaves.len()];
    if body.len() > leaves.len() && head < leaves.len() {
        // The first value cell wrapped: the head and the tail keep their
        // places, the surplus joins the first value cell.
        let surplus = body.len() - leaves.len();
        for (k, cell) in cells.iter_mut().enumerate() {
            *cell = Some(match k {
                _ if k < head => body[k].range.clone(),
                _ if k == head => body[k].range.start..body[k + surplus].range.end,
                _ => body[k + surplus].range.clone(),
            });
        }
    } else {
        for (cell, token) in cells.iter_mut().zip(body) {
            *cell = Some(token.range.clone());
        }
    }
    let of = |column: Column| {
        leaves
            .iter()
            .position(|c| *c == column)
            .and_then(|k| cells[k].clone())
    };
    let growth = of(Column::Growth);
    IndicatorRow {
        label: of(Column::Label).unwrap_or_else(|| body[0].range.clone()),
        plan: of(Column::Plan),
        outcome: growth.clone().or_else(|| of(Column::Outcome)),
        level: of(Column::Level),
        unit: of(Column::Unit),
        growth: growth.is_some(),
        year,
        period,
    }
}

/// The columns a row's cells fall in, after the row number. A parent
/// `完成情况` whose sub-columns (`完成数 / 同比增长`) trail the header is replaced
/// by them; the second half of a split cell (`指标 / 类型`) is one column.
fn leaves(header: &[Cell<'_>]) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for t in header {
        let column = column_of(t.text);
        if column == Column::Kind
            && t.text.chars().count() <= 2
            && columns.last() == Some(&Column::Label)
        {
            // `指标 类型`: the label column was not split, the kind cell was.
            if columns.iter().filter(|c| **c == Column::Label).count() > 1 {
                columns.pop();
            }
        }
        columns.push(column);
    }
    let parent = columns.iter().position(|c| *c == Column::Outcome);
    let subs = columns
        .iter()
        .rev()
        .take_while(|c| matches!(c, Column::Level | Column::Growth))
        .count();
    if let Some(parent) = parent {
        let first_sub = columns.len() - subs;
        if subs >= 2 && parent + 1 < first_sub {
            let sub: Vec<Column> = columns.drain(first_sub..).collect();
            columns.splice(parent..=parent, sub);
        }
    }
    columns
}

fn is_header_cell(text: &str) -> bool {
    text.chars().count() <= MAX_HEADER_CHARS && !text.bytes().any(|b| b.is_ascii_digit())
}

/// `1`, `2.`, `3、`.
fn row_number(text: &str) -> Option<usize> {
    let digits = text.trim_end_matches(['.', '、']);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A row label names something: it holds a character that is not a digit,
/// sign or unit of a value.
fn is_label(text: &str) -> bool {
    text.chars().count() <= MAX_CELL_CHARS
        && !text.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
        && text.chars().any(|c| c >= '\u{4e00}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::table::tests::find_rows;

    fn annual(year: i32) -> Report {
        Report::of_kind(ReportKind::Annual, year)
    }

    const PUDONG: &str = "经济社会发展总体平稳有序。 表1:2023年主要经济社会指标完成情况 序号 主要经济社会指标 指标 类型 完成情况 年度目标 完成数 同比增长 1 地区生产总值 预期性 16715.2亿元 4.8% 增长7%左右 2 一般公共预算收入 预期性 1300.8亿元 9.1% 增长5.5%左右 3 新认定高新技术企业数 预期性 1703家 有效期内高企总数4922家 —— 1700家 4 居民人均可支配收入增幅 预期性 90985元 8.2% ";

    #[test]
    fn a_table_flattened_into_one_line_becomes_rows() {
        let rows = find_rows(PUDONG, &annual(2024));
        let cell = |r: &Option<Range<usize>>| r.clone().map(|r| &PUDONG[r]);
        assert_eq!(rows.len(), 4);
        assert_eq!(&PUDONG[rows[0].label.clone()], "地区生产总值");
        assert_eq!(cell(&rows[0].level), Some("16715.2亿元"));
        assert_eq!(cell(&rows[0].outcome), Some("4.8%"));
        assert!(rows[0].growth);
        assert_eq!(cell(&rows[0].plan), Some("增长7%左右"));
        assert_eq!((rows[0].year, rows[0].period), (2023, Period::FY));
        // A wrapped level cell: the tail keeps its columns.
        assert_eq!(cell(&rows[2].level), Some("1703家 有效期内高企总数4922家"));
        assert_eq!(cell(&rows[2].outcome), Some("——"));
        assert_eq!(cell(&rows[2].plan), Some("1700家"));
        // A row cut short keeps its first cells.
        assert_eq!(cell(&rows[3].outcome), Some("8.2%"));
        assert_eq!(rows[3].plan, None);
    }

    #[test]
    fn prose_with_a_number_is_not_a_table() {
        let text = "按序号 1 排列的名单 2 份";
        assert!(find_rows(text, &annual(2024)).is_empty());
        let text = "序号 指标 完成 1 甲 5% 其后正文恢复,全区上下齐心协力推动经济社会发展取得新成效并持续巩固提升。";
        assert!(find_rows(text, &annual(2024)).is_empty());
    }
}
