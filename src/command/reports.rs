//! Reading many reports: walks the input paths, then reads and extracts the
//! files in ordered batches, each batch spread over every core, and hands
//! each file's statements on in input order. Only one batch of statements is
//! held at a time and each document is dropped as soon as it is extracted, so
//! memory does not grow with the corpus. A file that cannot be read (missing,
//! unreadable, binary, empty, over [`crate::document::MAX_BYTES`], undecodable) is
//! reported with its path and skipped; the run goes on with the rest, and
//! the closing line counts the skipped files by kind (`2 .doc, 1 scanned PDF`).

use crate::document::{Document, ReadError};
use crate::error::Result;
use crate::extract::{Extraction, Extractor};
use crate::input::report_files;
use crate::place::Catalog;
use crate::render::progress::Progress;
use crate::statement::Statement;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Files handed to each thread per batch: enough that one long report does
/// not leave the other cores idle for long, few enough that a batch's
/// statements stay small.
const FILES_PER_THREAD: usize = 8;

/// Counts of a run, for the closing line and the exit code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Files read and extracted.
    pub read: usize,
    /// Files skipped.
    pub skipped: usize,
    /// The skipped files by kind.
    pub skips: Skips,
    /// Statements handed on (after the caller's filter).
    pub statements: usize,
    /// Statements left out because no year is known for them.
    pub unknown_year: usize,
}

impl Tally {
    /// `, N statements left out with no year`, or nothing when there are none.
    pub fn unknown_year_note(&self) -> String {
        match self.unknown_year {
            0 => String::new(),
            1 => ", 1 statement left out with no year".to_owned(),
            n => format!(", {n} statements left out with no year"),
        }
    }
}

/// Skipped files counted by kind (`.doc`, `scanned PDF`, `binary`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skips(BTreeMap<&'static str, usize>);

impl Skips {
    pub fn add(&mut self, kind: &'static str) {
        *self.0.entry(kind).or_default() += 1;
    }
}

/// ` (2 .doc, 1 scanned PDF)`, the most frequent first; nothing when none
/// was skipped. Meant to follow `M skipped`.
impl fmt::Display for Skips {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return Ok(());
        }
        let mut kinds: Vec<(&str, usize)> = self.0.iter().map(|(k, n)| (*k, *n)).collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let parts: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        write!(f, " ({})", parts.join(", "))
    }
}

/// What became of one file: what `digest` made of it, or why it was skipped
/// (starting with its path) and what kind of skip it was.
enum FileOutcome<T> {
    /// What `digest` made of it, and how many statements had no year.
    Read(T, usize),
    Skipped(String, &'static str),
}

/// Reads and extracts `files` (see [`report_files`]). On the worker threads,
/// `digest` turns each document and its extraction into what the caller
/// keeps (the document itself is dropped right after); then `each` gets those
/// in input order and returns how many statements it kept. Skipped files are
/// reported on standard error. Stops at the first error `each` returns (the
/// output failed).
pub fn stream<T: Send>(
    files: &[PathBuf],
    extractor: &Extractor,
    catalog: &Catalog,
    quiet: bool,
    digest: impl Fn(&Document, Extraction) -> T + Sync,
    mut each: impl FnMut(T) -> Result<usize>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let progress = Progress::new(files.len(), quiet);
    let batch = rayon::current_num_threads().max(1) * FILES_PER_THREAD;
    for chunk in files.chunks(batch) {
        let outcomes: Vec<FileOutcome<T>> = chunk
            .par_iter()
            .map(|path| process(path, extractor, catalog, &digest))
            .collect();
        for outcome in outcomes {
            match outcome {
                FileOutcome::Read(kept, unknown_year) => {
                    tally.read += 1;
                    tally.unknown_year += unknown_year;
                    tally.statements += each(kept)?;
                }
                FileOutcome::Skipped(reason, kind) => {
                    tally.skipped += 1;
                    tally.skips.add(kind);
                    progress.note(&format!("skipped {reason}"));
                }
            }
        }
        progress.advance(chunk.len());
    }
    progress.finish();
    Ok(tally)
}

/// What a run over many reports produced, all held (for `eval`).
pub struct Harvest {
    /// Statements of every document, in input order.
    pub statements: Vec<Statement>,
    /// Names of the documents read.
    pub documents: Vec<String>,
    pub tally: Tally,
}

/// Reads and extracts every report under `paths` and keeps every statement.
/// A path on the command line that does not exist stops the run before any
/// file is read: it is a typo, not a bad report.
pub fn harvest(
    paths: &[PathBuf],
    extractor: &Extractor,
    catalog: Option<&Path>,
    quiet: bool,
) -> Result<Harvest> {
    let files = report_files(paths)?;
    let catalog = super::load_catalog(catalog, &files)?;
    let mut statements = Vec::new();
    let mut documents = Vec::new();
    let digest = |doc: &Document, extraction: Extraction| (doc.name.clone(), extraction.statements);
    let tally = stream(
        &files,
        extractor,
        &catalog,
        quiet,
        digest,
        |(doc, found)| {
            documents.push(doc);
            let n = found.len();
            statements.extend(found);
            Ok(n)
        },
    )?;
    Ok(Harvest {
        statements,
        documents,
        tally,
    })
}

/// Reads and extracts one file. A panic in either stage is a bug, but one
/// bad document must not end a run over thousands: it is reported as a
/// skipped file (the panic message is on standard error already).
fn process<T>(
    path: &Path,
    extractor: &Extractor,
    catalog: &Catalog,
    digest: &impl Fn(&Document, Extraction) -> T,
) -> FileOutcome<T> {
    let work = AssertUnwindSafe(|| {
        let doc = read(path, extractor, catalog)?;
        let extraction = extractor.extraction(&doc);
        let unknown_year = extraction.unknown_year;
        Ok::<_, ReadError>(FileOutcome::Read(digest(&doc, extraction), unknown_year))
    });
    match catch_unwind(work) {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(reason)) => FileOutcome::Skipped(reason.to_string(), reason.kind()),
        Err(_) => FileOutcome::Skipped(
            format!(
                "{}: internal error while reading (please report it with this file)",
                path.display()
            ),
            "internal error",
        ),
    }
}

/// Reads one report, its place from the catalogue when it gives one; files
/// over [`crate::document::MAX_BYTES`] are refused before reading.
fn read(path: &Path, extractor: &Extractor, catalog: &Catalog) -> Result<Document, ReadError> {
    let mut doc = Document::read(path, extractor.normaliser())?;
    if let Some(place) = catalog.place(path) {
        doc.report.place = Some(place.clone());
    }
    Ok(doc)
}
