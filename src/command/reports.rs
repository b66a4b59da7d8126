//! Reading many reports: walks the input paths, then reads and extracts the
//! files in ordered batches, each batch spread over every core, and hands
//! each file's statements on in input order. Only one batch of statements is
//! held at a time and each document is dropped as soon as it is extracted, so
//! memory does not grow with the corpus. A file that cannot be read (missing,
//! unreadable, binary, empty, over [`MAX_REPORT_BYTES`], undecodable) is
//! reported with its path and skipped; the run goes on with the rest.

use crate::document::Document;
use crate::error::Result;
use crate::extract::Extractor;
use crate::input::report_files;
use crate::render::progress::Progress;
use crate::statement::Statement;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Largest report file read, in bytes. Real reports are well under 1 MB; a
/// file this size is a dump or a mistake, and reading it would hold
/// several times its size in memory.
pub const MAX_REPORT_BYTES: u64 = 64 * 1024 * 1024;

/// Files handed to each thread per batch: enough that one long report does
/// not leave the other cores idle for long, few enough that a batch's
/// statements stay small.
const FILES_PER_THREAD: usize = 8;

/// Counts of a run, for the closing line and the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Files read and extracted.
    pub read: usize,
    /// Files and paths skipped.
    pub skipped: usize,
    /// Statements handed on (after the caller's filter).
    pub statements: usize,
}

/// What became of one file.
enum FileOutcome {
    Read {
        doc: String,
        statements: Vec<Statement>,
    },
    /// Why the file was skipped, starting with its path.
    Skipped(String),
}

/// Reads and extracts every report under `paths`, calling `each(doc,
/// statements)` for every file read, in input order; `each` returns how many
/// statements it kept. Skipped files are reported through `progress`.
/// Stops at the first error `each` returns (the output failed).
pub fn stream(
    paths: &[PathBuf],
    extractor: &Extractor,
    quiet: bool,
    mut each: impl FnMut(&str, Vec<Statement>) -> Result<usize>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let mut files = Vec::new();
    let mut unwalkable = Vec::new();
    for path in paths {
        match report_files(std::slice::from_ref(path)) {
            Ok(found) => files.extend(found),
            Err(err) => unwalkable.push(format!("skipped {err}")),
        }
    }
    let progress = Progress::new(files.len(), quiet);
    for note in unwalkable {
        tally.skipped += 1;
        progress.note(&note);
    }
    let batch = rayon::current_num_threads().max(1) * FILES_PER_THREAD;
    for chunk in files.chunks(batch) {
        let outcomes: Vec<FileOutcome> = chunk
            .par_iter()
            .map(|path| process(path, extractor))
            .collect();
        for outcome in outcomes {
            match outcome {
                FileOutcome::Read { doc, statements } => {
                    tally.read += 1;
                    tally.statements += each(&doc, statements)?;
                }
                FileOutcome::Skipped(reason) => {
                    tally.skipped += 1;
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
pub fn harvest(paths: &[PathBuf], extractor: &Extractor, quiet: bool) -> Result<Harvest> {
    let mut statements = Vec::new();
    let mut documents = Vec::new();
    let tally = stream(paths, extractor, quiet, |doc, found| {
        documents.push(doc.to_owned());
        let n = found.len();
        statements.extend(found);
        Ok(n)
    })?;
    Ok(Harvest {
        statements,
        documents,
        tally,
    })
}

/// Reads and extracts one file. A panic in either stage is a bug, but one
/// bad document must not end a run over thousands: it is reported as a
/// skipped file (the panic message is on standard error already).
fn process(path: &Path, extractor: &Extractor) -> FileOutcome {
    let work = AssertUnwindSafe(|| {
        let doc = read(path)?;
        let statements = extractor.extract(&doc);
        Ok::<_, String>(FileOutcome::Read {
            doc: doc.name,
            statements,
        })
    });
    match catch_unwind(work) {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(reason)) => FileOutcome::Skipped(reason),
        Err(_) => FileOutcome::Skipped(format!(
            "{}: internal error while reading (please report it with this file)",
            path.display()
        )),
    }
}

/// Reads one report, refusing files over [`MAX_REPORT_BYTES`] before reading them.
fn read(path: &Path) -> Result<Document, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?
        .len();
    if size > MAX_REPORT_BYTES {
        return Err(format!(
            "{}: file too large ({size} bytes; the limit is {MAX_REPORT_BYTES})",
            path.display()
        ));
    }
    Document::read(path).map_err(|e| e.to_string())
}
