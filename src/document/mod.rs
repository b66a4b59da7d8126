//! Document: the first pipeline stage. Reads a report file (plain text or saved
//! HTML, any of the encodings government sites use), normalises it for matching
//! (simplified script, ASCII digits and punctuation, folded whitespace) while
//! keeping a map back to the decoded original, and reads its structure: which
//! district and kind of report it is, when it was delivered, and which
//! sections review which period or plan which year.

use crate::statement::{Period, Position};
use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;
use std::path::{Path, PathBuf};

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
}

/// The kind of report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Mid-year execution report (上半年…计划执行情况).
    H1,
    /// Annual execution report with next year's plan draft (…执行情况与…计划草案).
    Annual,
    /// Government work report (政府工作报告).
    Gwr,
    Unknown,
}

/// What the report is, read from its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// District with its suffix, simplified (`白云区`); empty when not found.
    pub district: String,
    pub kind: ReportKind,
    /// Date the report was delivered (or, failing that, published).
    pub date: Option<NaiveDate>,
    /// The year the report is mainly about (the reviewed year for annual
    /// reports and H1 reports; the plan year for work reports).
    pub year: Option<i32>,
}

/// What a stretch of the report talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Coverage {
    /// Reviews what happened in `year` (whole year or first half).
    Review { year: i32, period: Period },
    /// Sets out the plan for `year`.
    Plan { year: i32 },
    /// Front matter or anything not tied to a period.
    Unknown,
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
    /// Nesting level: 1 for `第一部分`/`一、`, 2 for `(一)`.
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
    /// Cell with the result so far (完成情况).
    pub outcome: Option<Range<usize>>,
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
    /// Decoded text; positions and quotes refer to it.
    pub original: String,
    /// Normalised text; all matching runs on it.
    pub text: String,
    /// For each byte of `text` (and one past the end), the byte in `original` it came from.
    offsets: Vec<u32>,
    pub report: Report,
    pub sections: Vec<Section>,
    pub table: Vec<IndicatorRow>,
}

impl Document {
    /// Reads a file from disk.
    pub fn read(path: &Path) -> Result<Document, ReadError> {
        let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
            path: path.to_owned(),
            source,
        })?;
        Document::from_bytes(path, &bytes)
    }

    /// Builds a document from the bytes of a file.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, ReadError> {
        if bytes.is_empty() {
            return Err(ReadError::Empty {
                path: path.to_owned(),
            });
        }
        let original = String::from_utf8(bytes.to_vec()).map_err(|e| ReadError::Undecodable {
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
        Ok(Document::from_text(path, original))
    }

    /// Builds a document from already decoded text.
    pub fn from_text(path: &Path, original: String) -> Document {
        let text = original.clone();
        let offsets = (0..=text.len() as u32).collect();
        Document {
            path: path.to_owned(),
            name: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            original,
            text,
            offsets,
            report: Report {
                district: String::new(),
                kind: ReportKind::Unknown,
                date: None,
                year: None,
            },
            sections: Vec::new(),
            table: Vec::new(),
        }
    }

    /// Maps a byte range of the normalised text to a byte range of the original.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.offsets[range.start] as usize;
        let end = self.offsets[range.end] as usize;
        start..end.max(start)
    }

    /// Position in the original of a byte range of the normalised text.
    pub fn position(&self, range: Range<usize>) -> Position {
        let r = self.original_range(range);
        let before = &self.original[..r.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = self.original[line_start..r.start].chars().count() + 1;
        Position {
            line,
            column,
            start: r.start,
            end: r.end,
        }
    }

    /// The original text behind a byte range of the normalised text.
    pub fn quote(&self, range: Range<usize>) -> &str {
        &self.original[self.original_range(range)]
    }

    /// The innermost section holding a byte of the normalised text.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.sections
            .iter()
            .filter(|s| s.range.contains(&offset))
            .max_by_key(|s| s.level)
    }

    /// What the text at `offset` talks about: the coverage of the innermost
    /// section that has one.
    pub fn coverage_at(&self, offset: usize) -> Coverage {
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
