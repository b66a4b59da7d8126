//! Reflow: undoes hard wrapping in the normalised text. Text copied out of a
//! PDF (and a PDF's own text layer) breaks lines every 30–40 characters,
//! inside sentences and numbers (`超额完成4` / `000亩`), and carries page
//! numbers and running headers between the lines of a sentence. This step
//! drops those page-furniture lines and joins a line to the next when the
//! line is as wide as the wrapping (it was broken, not ended), does not end
//! its sentence, and the next line does not start a block (a heading, a list
//! item, a table row label). Short lines — table cells, headings, the last
//! line of a paragraph — are never joined.
//!
//! What counts as a page number, a block start or a sentence end is data:
//! `reflow.toml` beside this file, with examples a test checks.
//!
//! Reflowing only removes bytes (line breaks and furniture lines) from the
//! normalised text, carrying the map back to the original along, so
//! positions and quotes still point into the file as it was written (a quote
//! across a joined break shows the break). One pass over the lines; a text
//! that is not hard-wrapped and has no page furniture is returned unchanged.

use super::mapped::Mapped;
use regex::RegexSet;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Lines wider than this (in display columns) are never taken for the
/// wrapping width: no one hard-wraps at 150 columns.
const MAX_WRAP_COLUMNS: usize = 150;

/// Narrowest wrapping taken for hard wrapping (in display columns): below
/// this, a cluster of equal lines is a column of table cells.
const MIN_WRAP_COLUMNS: usize = 30;

/// Fewest lines at the wrapping width for a text to count as hard-wrapped.
const MIN_WRAPPED_LINES: usize = 8;

/// Longest line (bytes) tested for being a page number.
const MAX_FURNITURE_BYTES: usize = 90;

/// The cues of `reflow.toml`, compiled once.
struct Cues {
    page_number: RegexSet,
    block_start: RegexSet,
    marks: Vec<char>,
    closers: Vec<char>,
}

#[derive(Deserialize)]
struct CueFile {
    page_number: Patterns,
    block_start: Patterns,
    sentence_end: SentenceEnd,
}

#[derive(Deserialize)]
struct Patterns {
    patterns: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    examples: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    not: Vec<String>,
}

#[derive(Deserialize)]
struct SentenceEnd {
    marks: String,
    closers: String,
}

const CUE_FILE: &str = include_str!("reflow.toml");

static CUES: LazyLock<Option<Cues>> = LazyLock::new(|| {
    let file: CueFile = toml::from_str(CUE_FILE).ok()?;
    Some(Cues {
        page_number: RegexSet::new(&file.page_number.patterns).ok()?,
        block_start: RegexSet::new(&file.block_start.patterns).ok()?,
        marks: file.sentence_end.marks.chars().collect(),
        closers: file.sentence_end.closers.chars().collect(),
    })
});

/// One line of the text being reflowed.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    /// End, without the line break.
    end: usize,
    chars: usize,
    columns: usize,
    furniture: bool,
}

impl Line {
    fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The wrapping of a text: how wide its broken lines are, in one measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wrap {
    /// Measured in display columns (a PDF's lines, set by width) rather than
    /// characters (a copy wrapped by character count).
    by_columns: bool,
    /// Lines at least this wide were broken, not ended.
    full: usize,
}

impl Wrap {
    fn is_full(self, line: &Line) -> bool {
        let width = if self.by_columns {
            line.columns
        } else {
            line.chars
        };
        width >= self.full
    }
}

/// The text with hard wrapping undone and page furniture dropped; `offsets`
/// map each byte of `text` (and one past the end) to the original, as the
/// normaliser's do. Returns `None` when there is nothing to change.
#[inline(never)]
pub(crate) fn reflow(text: &str, offsets: &[u32]) -> Option<Mapped> {
    let cues = CUES.as_ref()?;
    let mut lines = split_lines(text);
    let furniture = mark_furniture(text, &mut lines, cues);
    let wrap = wrapping(&lines);
    if furniture == 0 && wrap.is_none() {
        return None;
    }
    // Byte ranges of `text` to remove, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.furniture {
            // The furniture line, with its break.
            cuts.push((line.start, (line.end + 1).min(text.len())));
            i += 1;
            continue;
        }
        // The next line that is not furniture.
        let mut j = i + 1;
        while lines.get(j).is_some_and(|l| l.furniture) {
            j += 1;
        }
        let joins = match (wrap, lines.get(j)) {
            (Some(wrap), Some(next)) => {
                !line.is_empty()
                    && !next.is_empty()
                    && wrap.is_full(&line)
                    && !ends_sentence(&text[line.start..line.end], cues)
                    && !cues.block_start.is_match(&text[next.start..next.end])
            }
            _ => false,
        };
        if joins {
            // The line break; furniture in between is cut on its own turn.
            cuts.push((line.end, line.end + 1));
        }
        i += 1;
    }
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_unstable();
    Some(cut(text, offsets, &cuts))
}

/// Every line of `text` with its widths.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 40 + 1);
    if text.is_empty() {
        return lines;
    }
    let mut start = 0;
    // The breaks are found by a byte search, and each line is measured on
    // its own (see `widths`). A final line feed ends the last line; it does
    // not start an empty one.
    for line in super::line_ends::lines(text.strip_suffix('\n').unwrap_or(text)) {
        let body = line.as_bytes();
        let (chars, wide) = widths(body);
        lines.push(Line {
            start,
            end: start + body.len(),
            chars,
            columns: chars + wide,
            furniture: false,
        });
        start += line.len() + 1;
    }
    lines
}

/// The characters of a line (its bytes that are no continuation byte),
/// and how many of them are wide: characters of three or four bytes are
/// CJK in these reports. Counted in blocks of at most 255 bytes into
/// byte-sized sums, which the compiler adds up many bytes at a time.
fn widths(line: &[u8]) -> (usize, usize) {
    let (mut chars, mut wide) = (0, 0);
    for block in line.chunks(usize::from(u8::MAX)) {
        let starts = block
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from(b & 0xC0 != 0x80)));
        let long = block
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from(b >= 0xE0)));
        chars += usize::from(starts);
        wide += usize::from(long);
    }
    (chars, wide)
}

/// Marks page numbers, and running headers and footers (the same line next
/// to a page number on at least two pages), as furniture. Returns how many
/// lines were marked.
fn mark_furniture(text: &str, lines: &mut [Line], cues: &Cues) -> usize {
    let is_page_number = |l: &Line| {
        let s = &text[l.start..l.end];
        l.end - l.start <= MAX_FURNITURE_BYTES
            && s.bytes()
                .any(|b| b.is_ascii_digit() || b"IVXLCiv".contains(&b))
            && cues.page_number.is_match(s)
    };
    let mut pages = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        if !line.is_empty() && is_page_number(line) {
            line.furniture = true;
            pages.push(i);
        }
    }
    if pages.is_empty() {
        return 0;
    }
    // The non-empty lines next to each page number (and the text's first
    // and last line, the first page's header and the last page's footer),
    // keyed by their text with digits masked.
    let neighbour = |from: usize, step: isize| -> Option<usize> {
        let mut k = from as isize + step;
        while k >= 0 && (k as usize) < lines.len() {
            let l = &lines[k as usize];
            if !l.is_empty() && !l.furniture {
                return Some(k as usize);
            }
            if !l.is_empty() {
                return None;
            }
            k += step;
        }
        None
    };
    let mut candidates: Vec<usize> = Vec::with_capacity(pages.len() * 2 + 2);
    for &p in &pages {
        candidates.extend(neighbour(p, -1));
        candidates.extend(neighbour(p, 1));
    }
    candidates.extend(lines.iter().position(|l| !l.is_empty()));
    candidates.extend(lines.iter().rposition(|l| !l.is_empty()));
    candidates.sort_unstable();
    candidates.dedup();
    let key = |l: &Line| -> String {
        text[l.start..l.end]
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &c in &candidates {
        if lines[c].end - lines[c].start <= MAX_FURNITURE_BYTES * 2 {
            *counts.entry(key(&lines[c])).or_default() += 1;
        }
    }
    let needed = 2.max(pages.len().div_ceil(2));
    let mut marked = pages.len();
    for &c in &candidates {
        let line = lines[c];
        if line.end - line.start <= MAX_FURNITURE_BYTES * 2
            && counts.get(&key(&line)).is_some_and(|&n| n >= needed)
        {
            lines[c].furniture = true;
            marked += 1;
        }
    }
    // The empty lines around furniture are part of the page break.
    let breaks: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].furniture).collect();
    for i in breaks {
        let mut k = i;
        while k > 0 && lines[k - 1].is_empty() {
            k -= 1;
            lines[k].furniture = true;
        }
        let mut k = i + 1;
        while k < lines.len() && lines[k].is_empty() {
            lines[k].furniture = true;
            k += 1;
        }
    }
    marked
}

/// The wrapping of a hard-wrapped text, or `None` when its lines are the
/// writer's own. In a hard-wrapped text many lines share one width, the
/// widest any line has (give or take a character): measured in characters
/// for a copy wrapped by count, in display columns for a typeset page.
fn wrapping(lines: &[Line]) -> Option<Wrap> {
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.furniture && l.columns >= MIN_WRAP_COLUMNS / 2)
        .collect();
    if body.len() < MIN_WRAPPED_LINES {
        return None;
    }
    // By characters first: a copy wrapped by count has lines of exactly one
    // length. Then by display columns, with more slack: Latin letters and
    // digits are narrower than two columns' worth of a Chinese character
    // is wide, by how much depends on the typesetting.
    [(false, 12), (true, 5)]
        .into_iter()
        .find_map(|(by_columns, slack_part)| {
            let width = |l: &Line| if by_columns { l.columns } else { l.chars };
            let mut counts = [0usize; MAX_WRAP_COLUMNS + 2];
            for l in &body {
                counts[width(l).min(MAX_WRAP_COLUMNS + 1)] += 1;
            }
            // The width with most lines just under it (the widest on a tie).
            let slack = |w: usize| (w / slack_part).max(1);
            let narrowest = if by_columns {
                MIN_WRAP_COLUMNS
            } else {
                MIN_WRAP_COLUMNS / 2
            };
            let (best, at) = (narrowest..=MAX_WRAP_COLUMNS)
                .map(|w| (counts[w - slack(w)..=w].iter().sum::<usize>(), w))
                .max()?;
            let wider: usize = counts[(at + 1).min(MAX_WRAP_COLUMNS + 1)..].iter().sum();
            let wrapped =
                best >= MIN_WRAPPED_LINES && best * 3 >= body.len() && wider * 10 <= body.len();
            wrapped.then_some(Wrap {
                by_columns,
                full: at - slack(at),
            })
        })
}

/// Whether a line ends its sentence (or is a heading that ends with a mark).
fn ends_sentence(line: &str, cues: &Cues) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some(c) if cues.marks.contains(&c) => true,
        Some(c) if cues.closers.contains(&c) => rev.next().is_some_and(|p| cues.marks.contains(&p)),
        _ => false,
    }
}

/// `text` without the byte ranges `cuts` (sorted, possibly overlapping),
/// with the offsets of the kept bytes.
fn cut(text: &str, offsets: &[u32], cuts: &[(usize, usize)]) -> Mapped {
    let mut out = Mapped::with_capacity(text.len());
    let mut from = 0;
    for &(start, end) in cuts {
        if start > from {
            out.push_run(&text[from..start], &offsets[from..start]);
        }
        from = from.max(end);
    }
    if from < text.len() {
        out.push_run(&text[from..], &offsets[from..text.len()]);
    }
    let end = offsets.get(text.len()).copied().unwrap_or(0);
    out.finish(end as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> CueFile {
        toml::from_str(CUE_FILE).unwrap_or_else(|e| panic!("reflow.toml: {e}"))
    }

    #[test]
    fn cue_examples_match_and_counter_examples_do_not() {
        let file = file();
        for (name, p) in [
            ("page_number", &file.page_number),
            ("block_start", &file.block_start),
        ] {
            let set = RegexSet::new(&p.patterns).unwrap_or_else(|e| panic!("{name}: {e}"));
            for e in &p.examples {
                assert!(set.is_match(e), "{name}: example {e:?} does not match");
            }
            for e in &p.not {
                assert!(!set.is_match(e), "{name}: {e:?} matches but must not");
            }
        }
        assert!(CUES.is_some());
    }

    /// Reflows `text` as if it were its own original.
    fn run(text: &str) -> String {
        let offsets: Vec<u32> = (0..=text.len() as u32).collect();
        reflow(text, &offsets).map_or_else(|| text.to_owned(), |m| m.text)
    }

    fn wrap(paragraphs: &[&str], width: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let chars: Vec<char> = p.chars().collect();
            for chunk in chars.chunks(width) {
                out.extend(chunk);
                out.push('\n');
            }
        }
        out
    }

    const PARAGRAPHS: [&str; 6] = [
        "一、上半年国民经济和社会发展计划执行情况",
        "面对突发疫情和错综复杂的国际形势,白云区坚持以新发展理念为指导,编制出台了规划纲要,提出了期间要将白云区建设成为最好、最强、最有活力的区之一的总体目标,超额完成4000亩土地收储目标,其中民营科技园完成1300亩。",
        "指标",
        "年度预期目标",
        "1.地区生产总值",
        "(一)疫情防控紧抓不懈,经济运行持续向好。围绕总体目标和重点工作任务,坚持疫情防控和经济社会发展两手抓,扎实做好各项工作,全面落实各项任务,坚定不移走高质量发展道路,今年上半年经济社会发展取得新成效。",
    ];

    #[test]
    fn hard_wrapped_paragraphs_are_joined_and_blocks_kept() {
        let mut paragraphs = PARAGRAPHS.to_vec();
        paragraphs.extend(PARAGRAPHS);
        let wrapped = wrap(&paragraphs, 24);
        let flowed = run(&wrapped);
        let expected: String = paragraphs.iter().map(|p| format!("{p}\n")).collect();
        assert_eq!(flowed, expected);
    }

    #[test]
    fn page_numbers_and_running_headers_are_dropped_and_sentences_joined() {
        let mut paragraphs = PARAGRAPHS.to_vec();
        paragraphs.extend(PARAGRAPHS);
        paragraphs.extend(PARAGRAPHS);
        let wrapped = wrap(&paragraphs, 24);
        let mut paged = String::from("白云区2021年上半年计划执行情况的报告\n");
        for (n, line) in wrapped.lines().enumerate() {
            paged.push_str(line);
            paged.push('\n');
            if n % 9 == 8 {
                paged.push_str(&format!(
                    "— {} —\n\n白云区2021年上半年计划执行情况的报告\n",
                    n / 9 + 1
                ));
            }
        }
        let flowed = run(&paged);
        let expected: String = paragraphs.iter().map(|p| format!("{p}\n")).collect();
        assert_eq!(flowed, expected);
    }

    #[test]
    fn a_number_broken_over_two_lines_is_whole_again() {
        let mut paragraphs = PARAGRAPHS.to_vec();
        paragraphs.extend(PARAGRAPHS);
        let mut wrapped = wrap(&paragraphs, 24);
        let at = wrapped.find("4000").unwrap_or(0) + 1;
        // Move the break of that line to fall inside the number.
        let line_end = at + wrapped[at..].find('\n').unwrap_or(0);
        wrapped.remove(line_end);
        wrapped.insert(at, '\n');
        assert!(wrapped.contains("4\n000亩"), "{wrapped}");
        assert!(run(&wrapped).contains("超额完成4000亩土地收储目标,其中民营科技园完成1300亩。"));
    }

    #[test]
    fn text_with_its_own_lines_is_left_alone() {
        let text: String = PARAGRAPHS
            .iter()
            .map(|p| format!("{p}\n"))
            .collect::<String>()
            .repeat(4);
        let offsets: Vec<u32> = (0..=text.len() as u32).collect();
        assert!(reflow(&text, &offsets).is_none());
        let cells = "指标\n年度预期目标\n上半年完成情况\n1.地区生产总值\n增长7%以上\n增长20.2%\n"
            .repeat(10);
        assert_eq!(run(&cells), cells);
    }

    #[test]
    fn lines_are_measured_in_characters_and_columns() {
        let text = "一、总体\n\nab3%\n“十四五”规划 GDP\n末行";
        let got: Vec<(&str, usize, usize)> = split_lines(text)
            .iter()
            .map(|l| (&text[l.start..l.end], l.chars, l.columns))
            .collect();
        let want: Vec<(&str, usize, usize)> = text
            .split('\n')
            .map(|l| {
                let chars = l.chars().count();
                let wide = l.chars().filter(|c| c.len_utf8() >= 3).count();
                (l, chars, chars + wide)
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!(split_lines("a\n").len(), 1);
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn offsets_follow_the_kept_bytes() {
        let text = "ab\ncd\n";
        let offsets: Vec<u32> = (0..=6).collect();
        let m = cut(text, &offsets, &[(2, 3)]);
        assert_eq!(m.text, "abcd\n");
        assert_eq!(m.offsets, vec![0, 1, 3, 4, 5, 6]);
    }
}
