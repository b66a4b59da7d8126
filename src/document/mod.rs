//! Document: the first pipeline stage. Reads a report file (plain text or saved
//! HTML, any of the encodings government sites use), normalises it for matching
//! (simplified script, ASCII digits and punctuation, folded whitespace) while
//! keeping a map back to the decoded original, and reads its structure: which
//! government (by its division code) and kind of report it is, when it was delivered, and which
//! sections review which period or plan which year.
//!
//! Steps, each in its own module: `decode` (bytes → text, encoding detected),
//! `html` (saved pages → text), `normalise` with `script` and `variants`
//! (the matching view, mapped back byte by byte through `mapped`), `reflow`
//! (hard-wrapped lines joined, page numbers and running headers dropped),
//! then `sections`, `report`, `stretch` and `table` read the structure of
//! the normalised text.
//!
//! PDF and Word files are read by `pdf` and `docx` (through `format`, which
//! tells formats apart by their bytes and names the ones not read).
//!
//! Positions and quotes refer to `original`: the decoded file for plain
//! text, the extracted text for saved HTML pages (see `html`), PDFs and
//! Word files.
//!
//! The entry point of each step is `#[inline(never)]`: it runs once per
//! document, so this costs nothing, and a profile shows each step as one
//! function instead of spread over its caller.

mod coverage;
pub mod cues;
mod decode;
#[cfg(feature = "docx")]
mod docx;
pub mod file;
mod format;
#[cfg(feature = "html")]
mod html;
mod line_ends;
mod mapped;
mod normalise;
#[cfg(feature = "pdf")]
mod pdf;
mod reflow;
mod report;
mod script;
mod sections;
mod stretch;
mod table;
mod variants;

pub use decode::MAX_BYTES;
pub use format::Format;
pub use normalise::{Normalised, Normaliser, NormaliserError};
pub use script::simplified;

use crate::place::Place;
use crate::rule::DateSource;
use crate::statement::{Period, Position};
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why a file could not be read as a report.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: binary file (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: cannot decode text: {reason}")]
    Undecodable { path: PathBuf, reason: String },
    #[error("{path}: not read: {what}")]
    NotRegular { path: PathBuf, what: String },
    #[error("{path}: file too large ({size} bytes; the limit is {limit})")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: PDF without a text layer (pages: {pages}, none with text: a scan?): run OCR on it first (e.g. `ocrmypdf FILE OUT.pdf`) and read the result")]
    ScannedPdf { path: PathBuf, pages: usize },
    #[error("{path}: encrypted PDF: decrypt it with its password first (`qpdf --decrypt --password=PASSWORD FILE OUT.pdf`)")]
    EncryptedPdf { path: PathBuf },
    #[error(
        "{path}: damaged PDF ({reason}): re-save it (open it and save or print it as PDF again)"
    )]
    DamagedPdf { path: PathBuf, reason: String },
    #[error("{path}: {kind} files are not read: convert it first (`soffice --headless --convert-to docx FILE`)")]
    OldWord { path: PathBuf, kind: &'static str },
    #[error("{path}: a zip archive, not a Word document (a .docx renamed, or another archive?)")]
    NotWord { path: PathBuf },
    #[error("{path}: damaged Word document ({reason}): re-save it as .docx")]
    DamagedDocx { path: PathBuf, reason: String },
    #[error("{path}: {format} files are not read by this build of luoshi (built without the `{feature}` feature)")]
    Unsupported {
        path: PathBuf,
        format: &'static str,
        feature: &'static str,
    },
}

impl ReadError {
    /// What kind of file was skipped, for the closing count (`2 .doc, 1 scanned PDF`).
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "unreadable",
            ReadError::Empty { .. } => "empty",
            ReadError::Binary { .. } => "binary",
            ReadError::Undecodable { .. } => "undecodable",
            ReadError::TooLarge { .. } => "too large",
            ReadError::NotRegular { .. } => "not a regular file",
            ReadError::ScannedPdf { .. } => "scanned PDF",
            ReadError::EncryptedPdf { .. } => "encrypted PDF",
            ReadError::DamagedPdf { .. } => "damaged PDF",
            ReadError::OldWord { kind, .. } => kind,
            ReadError::NotWord { .. } => "not Word",
            ReadError::DamagedDocx { .. } => "damaged .docx",
            ReadError::Unsupported { format, .. } => format,
        }
    }
}

/// The kind of report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Mid-year execution report (上半年…计划执行情况).
    H1,
    /// Annual execution report with next year's plan draft (…执行情况与…计划草案).
    Annual,
    /// Government work report (政府工作报告).
    Gwr,
    #[default]
    Unknown,
}

/// What the report is, read from its text.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Report {
    /// The reporting government (see [`crate::place`]); none when the
    /// text names no place and no catalogue gives one.
    pub place: Option<Place>,
    pub kind: ReportKind,
    /// Date the report was delivered (or, failing that, published or written).
    pub date: Option<NaiveDate>,
    /// What `date` is: delivered, published or written.
    pub date_source: Option<DateSource>,
    /// The year the report is mainly about (the reviewed year for annual
    /// reports and H1 reports; the plan year for work reports).
    pub year: Option<i32>,
    /// The years and periods the report looks back on; empty when unknown.
    pub reviews: Vec<Reviewed>,
    /// The years the report sets out plans for; empty when unknown.
    pub plans: Vec<i32>,
}

/// A year (or part of one) a report looks back on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reviewed {
    pub year: i32,
    pub period: Period,
}

impl Report {
    /// A report of `kind` whose cues name `year` as a work report's title
    /// does (the plan year) or an execution report's does (the reviewed
    /// year), with the years that follow by the rules of the genre.
    pub fn of_kind(kind: ReportKind, year: i32) -> Report {
        let identity = match kind {
            ReportKind::Gwr => cues::Identity {
                kind: Some(kind),
                plans: Some(year),
                ..Default::default()
            },
            _ => cues::Identity {
                kind: Some(kind),
                reviews: Some(year),
                ..Default::default()
            },
        };
        report::years(None, identity, None, None)
    }

    /// The first year the report reviews.
    pub fn reviewed_year(&self) -> Option<i32> {
        self.reviews.first().map(|r| r.year)
    }

    /// The first year the report plans.
    pub fn planned_year(&self) -> Option<i32> {
        self.plans.first().copied()
    }
}

/// What a stretch of the report talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Coverage {
    /// Reviews what happened in `year` (whole year or first half).
    Review { year: i32, period: Period },
    /// Sets out the plan for `year`.
    Plan { year: i32 },
    /// Looks back on (or ahead to) several years at once: a five-year
    /// review or plan, a term of office. Its figures are no annual statements.
    Years { plans: bool },
    /// Front matter or anything not tied to a period.
    Unknown,
}

/// A stretch of a section that a time phrase opening a sentence turns to
/// another period (`过去一年,…` in a plan part, `2000年是…` in a five-year review).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stretch {
    /// Byte range in the normalised text: from the sentence to the end of
    /// its paragraph (or of the paragraphs it leads in).
    pub range: Range<usize>,
    /// The opening words of the sentence, as normalised.
    pub opening: String,
    pub coverage: Coverage,
}

/// A section of the report, from one heading to the next of the same or higher level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Byte range in the normalised text.
    pub range: Range<usize>,
    /// The heading as it reads in the normalised text.
    pub heading: String,
    /// 1-based line of the heading in the decoded text.
    pub line: usize,
    /// Nesting level among the heading styles the report uses, outermost
    /// first: `第一部分` → `一、` → `(一)`. So `一、` is level 1 in a report
    /// without parts and level 2 under `第一部分`.
    pub level: u8,
    pub coverage: Coverage,
}

/// A row of a flattened indicator table ("1.地区生产总值 / 增长7%以上 / 增长20.2%").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRow {
    /// Byte range of the row label in the normalised text.
    pub label: Range<usize>,
    /// Cell with the target for the year (预期目标).
    pub plan: Option<Range<usize>>,
    /// Cell with the result so far (完成情况), the rise when the table
    /// splits its result into a level and a rise.
    pub outcome: Option<Range<usize>>,
    /// Cell with the level reached (`完成数`, `绝对数` under `完成情况`), when
    /// the result is split.
    pub level: Option<Range<usize>>,
    /// Cell of a 单位 column, when the table has one (`%`, `亿元`): the
    /// unit of bare numbers in the other cells.
    pub unit: Option<Range<usize>>,
    /// Whether the outcome cell is a growth column (`同比增长` under
    /// `完成情况`): its bare percentages are rises.
    pub growth: bool,
    /// Year of both cells.
    pub year: i32,
    /// Period the outcome cell covers.
    pub period: Period,
}

/// A report ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    /// File stem, e.g. `baiyun-2021-h1`.
    pub name: String,
    /// Decoded text (for HTML pages, the extracted text); positions and quotes refer to it.
    pub original: String,
    /// Normalised text; all matching runs on it. Its lines are those of
    /// `original`, except where hard-wrapped lines were joined and page
    /// numbers and running headers dropped (see `reflow`).
    pub text: String,
    /// For each byte of `text` (and one past the end), the byte in `original` it came from.
    offsets: Vec<u32>,
    /// Byte offset in `original` where each line starts.
    line_starts: Vec<u32>,
    /// Inside lines longer than [`COLUMN_MARK_BYTES`], every so many bytes:
    /// the byte offset and its column (characters since the line start), so
    /// finding a column never walks a whole long line.
    column_marks: Vec<(u32, u32)>,
    /// Encoding the file was decoded from (`UTF-8`, `UTF-16LE`, `gb18030`,
    /// …), or the format its text was taken from (`PDF`, `DOCX`).
    pub encoding: &'static str,
    /// Whether the file was in traditional script (and `text` was converted).
    pub traditional: bool,
    pub report: Report,
    /// The structure cues the report was read with (periods of figures are
    /// read with them too).
    pub cues: Arc<cues::Cues>,
    pub sections: Vec<Section>,
    /// Stretches inside sections that cover another period than theirs.
    pub stretches: Vec<Stretch>,
    pub table: Vec<IndicatorRow>,
}

impl Document {
    /// Reads a file from disk; files over [`MAX_BYTES`] are refused unread.
    pub fn read(path: &Path, normaliser: &Normaliser) -> Result<Document, ReadError> {
        let bytes = Document::read_bytes(path)?;
        Document::from_owned_bytes(path, bytes, normaliser)
    }

    /// The bytes of a report file, read as [`Document::read`] reads them
    /// (regular files only, at most [`MAX_BYTES`]).
    pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
        let io = |source| ReadError::Io {
            path: path.to_owned(),
            source,
        };
        file::read_bounded(path, MAX_BYTES).map_err(|e| match e {
            file::FileError::Io(source) => io(source),
            file::FileError::NotRegular(what) => ReadError::NotRegular {
                path: path.to_owned(),
                what,
            },
            file::FileError::TooLarge(size) => ReadError::TooLarge {
                path: path.to_owned(),
                size,
                limit: MAX_BYTES,
            },
        })
    }

    /// Builds a document from the bytes of a file: takes the text layer of
    /// a PDF or the paragraphs of a Word file, or decodes text (detecting
    /// the encoding) and extracts the text of HTML pages; then normalises
    /// and reads the structure.
    pub fn from_bytes(
        path: &Path,
        bytes: &[u8],
        normaliser: &Normaliser,
    ) -> Result<Document, ReadError> {
        Document::from_file(path, Cow::Borrowed(bytes), normaliser)
    }

    /// As [`Document::from_bytes`], taking the bytes: the text of a UTF-8
    /// file is then its bytes, not a copy of them.
    pub fn from_owned_bytes(
        path: &Path,
        bytes: Vec<u8>,
        normaliser: &Normaliser,
    ) -> Result<Document, ReadError> {
        Document::from_file(path, Cow::Owned(bytes), normaliser)
    }

    /// The document of a file's bytes, borrowed or owned.
    fn from_file(
        path: &Path,
        bytes: Cow<'_, [u8]>,
        normaliser: &Normaliser,
    ) -> Result<Document, ReadError> {
        let path_buf = || path.to_owned();
        if bytes.is_empty() {
            return Err(ReadError::Empty { path: path_buf() });
        }
        let format = Format::of(path, &bytes);
        if format != Format::Text {
            let original = format::extract(format, path, &bytes)?;
            if original.trim().is_empty() {
                return Err(ReadError::Empty { path: path_buf() });
            }
            let mut doc = Document::from_text(path, original, normaliser);
            doc.encoding = format.label();
            return Ok(doc);
        }
        let decoded = match bytes {
            Cow::Borrowed(bytes) => decode::decode(bytes),
            Cow::Owned(bytes) => decode::decode_owned(bytes),
        };
        let decoded = decoded.map_err(|e| match e {
            decode::DecodeError::Empty => ReadError::Empty { path: path_buf() },
            decode::DecodeError::TooLarge { size } => ReadError::TooLarge {
                path: path_buf(),
                size,
                limit: MAX_BYTES,
            },
            decode::DecodeError::Binary { offset } => ReadError::Binary {
                path: path_buf(),
                offset,
            },
            decode::DecodeError::Undecodable { reason } => ReadError::Undecodable {
                path: path_buf(),
                reason,
            },
        })?;
        let original = page_text(path, decoded.text);
        if original.trim().is_empty() {
            return Err(ReadError::Empty { path: path_buf() });
        }
        let mut doc = Document::from_text(path, original, normaliser);
        doc.encoding = decoded.encoding;
        Ok(doc)
    }

    /// Builds a document from already decoded text (taken as plain text).
    pub fn from_text(path: &Path, original: String, normaliser: &Normaliser) -> Document {
        let original = line_ends::unify(original);
        let Normalised {
            mut text,
            mut offsets,
            traditional,
        } = normaliser.normalise(&original);
        if let Some(flowed) = reflow::reflow(&text, &offsets) {
            (text, offsets) = (flowed.text, flowed.offsets);
        }
        let line_starts = line_starts(&original);
        let column_marks = column_marks(&original, &line_starts);
        let cues = normaliser.cues().clone();
        let headings = sections::find_headings(&text, &cues);
        let header_end = headings.first().map_or(text.len(), |h| h.start);
        let report = report::read_report(&text, header_end, &cues);
        let sections: Vec<Section> = coverage::opening_section(&text, header_end, &report)
            .into_iter()
            .chain(sections::build_sections(&text, &headings, &report, &cues))
            .collect();
        let stretches = stretch::find_stretches(&text, &headings, &sections, &report, &cues);
        let table = table::find_rows(&text, &offsets, &original, &report);
        let mut doc = Document {
            path: path.to_owned(),
            name: crate::doc_name::stem(path),
            original,
            text,
            offsets,
            line_starts,
            column_marks,
            encoding: "UTF-8",
            traditional,
            report,
            cues,
            sections,
            stretches,
            table,
        };
        // Sections count lines in the normalised text, which has fewer lines
        // than the original once re-flowed; give each its original line.
        let lines: Vec<usize> = doc
            .sections
            .iter()
            .map(|s| doc.position(s.range.start..s.range.start).line)
            .collect();
        for (section, line) in doc.sections.iter_mut().zip(lines) {
            section.line = line;
        }
        doc
    }

    /// Maps a byte range of the normalised text to a byte range of the
    /// original. Out-of-range positions are clamped; whitespace the
    /// normaliser dropped after the range is not included.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let at = |i: usize| {
            self.offsets
                .get(i)
                .or(self.offsets.last())
                .map_or(0, |&o| (o as usize).min(self.original.len()))
        };
        let start = at(range.start);
        let end = at(range.end).max(start);
        let span = self.original.get(start..end).unwrap_or_default();
        let kept = span.trim_end_matches(|c: char| c.is_whitespace() || normalise::is_invisible(c));
        start..start + kept.len()
    }

    /// The byte range of the normalised text that came from a byte range of the original.
    pub fn normalised_range(&self, original: Range<usize>) -> Range<usize> {
        let start = self
            .offsets
            .partition_point(|&o| (o as usize) < original.start);
        let end = self
            .offsets
            .partition_point(|&o| (o as usize) < original.end);
        start.min(self.text.len())..end.min(self.text.len()).max(start.min(self.text.len()))
    }

    /// Byte range in the original of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let mut start = 0;
        for (i, l) in self.original.split('\n').enumerate() {
            if i + 1 == line {
                return Some(start..start + l.len());
            }
            start += l.len() + 1;
        }
        None
    }

    /// Position in the original of a byte range of the normalised text.
    pub fn position(&self, range: Range<usize>) -> Position {
        let r = self.original_range(range);
        let line = self
            .line_starts
            .partition_point(|&s| s as usize <= r.start)
            .max(1);
        let line_start = self.line_starts.get(line - 1).map_or(0, |&s| s as usize);
        let mark = self
            .column_marks
            .partition_point(|&(b, _)| b as usize <= r.start)
            .checked_sub(1)
            .and_then(|i| self.column_marks.get(i))
            .filter(|&&(b, _)| b as usize >= line_start);
        let (from, chars_before) = mark.map_or((line_start, 0), |&(b, c)| (b as usize, c as usize));
        let column = chars_before
            + self
                .original
                .get(from..r.start)
                .map_or(0, |s| s.chars().count())
            + 1;
        Position {
            line,
            column,
            start: r.start,
            end: r.end,
        }
    }

    /// The original text behind a byte range of the normalised text.
    pub fn quote(&self, range: Range<usize>) -> &str {
        self.original
            .get(self.original_range(range))
            .unwrap_or_default()
    }

    /// The innermost section holding a byte of the normalised text.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.sections
            .iter()
            .filter(|s| s.range.contains(&offset))
            .max_by_key(|s| s.level)
    }

    /// The stretch holding a byte of the normalised text, if any.
    pub fn stretch_at(&self, offset: usize) -> Option<&Stretch> {
        let i = self.stretches.partition_point(|s| s.range.end <= offset);
        self.stretches.get(i).filter(|s| s.range.contains(&offset))
    }

    /// What the text at `offset` talks about: the coverage of its stretch,
    /// else of the innermost section that has one.
    pub fn coverage_at(&self, offset: usize) -> Coverage {
        if let Some(stretch) = self.stretch_at(offset) {
            return stretch.coverage;
        }
        let mut best = Coverage::Unknown;
        let mut level = 0;
        for s in &self.sections {
            if s.range.contains(&offset) && s.coverage != Coverage::Unknown && s.level >= level {
                best = s.coverage;
                level = s.level;
            }
        }
        best
    }
}

/// The text of a file: as decoded, or extracted when it is an HTML page.
fn page_text(path: &Path, decoded: String) -> String {
    #[cfg(feature = "html")]
    if html::looks_like_html(path, &decoded) {
        return html::extract_text(&decoded);
    }
    let _ = path;
    decoded
}

/// Byte offset in `original` where each line starts. The breaks are found
/// by a byte search (`match_indices` of a one-byte character looks for the
/// byte a word at a time), not byte by byte.
#[inline(never)]
fn line_starts(original: &str) -> Vec<u32> {
    std::iter::once(0)
        .chain(
            memchr::memchr_iter(b'\n', original.as_bytes())
                .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        )
        .collect()
}

#[cfg(test)]
mod tests;

/// Bytes between column marks inside a long line.
const COLUMN_MARK_BYTES: usize = 4096;

/// Column marks of the lines longer than [`COLUMN_MARK_BYTES`] (see
/// `Document::column_marks`); ordinary reports have none.
fn column_marks(original: &str, line_starts: &[u32]) -> Vec<(u32, u32)> {
    let mut marks = Vec::new();
    let ends = line_starts
        .iter()
        .skip(1)
        .map(|&s| s as usize)
        .chain([original.len()]);
    for (&start, end) in line_starts.iter().zip(ends) {
        let start = start as usize;
        if end.saturating_sub(start) <= COLUMN_MARK_BYTES {
            continue;
        }
        let mut next = start + COLUMN_MARK_BYTES;
        for (chars, (i, _)) in original
            .get(start..end)
            .unwrap_or_default()
            .char_indices()
            .enumerate()
        {
            if start + i >= next {
                let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                marks.push((as_u32(start + i), as_u32(chars)));
                next = start + i + COLUMN_MARK_BYTES;
            }
        }
    }
    marks
}
