//! Reading many reports: walks the input paths, then reads and extracts the
//! files in ordered batches, each batch spread over every core, and hands
//! each file's statements on in input order. Only one batch of statements is
//! held at a time and each document is dropped as soon as it is extracted, so
//! memory does not grow with the corpus. A file that cannot be read (missing,
//! unreadable, binary, empty, over [`crate::document::MAX_BYTES`], undecodable) is
//! reported with its path and skipped; the run goes on with the rest, and
//! the closing line counts the skipped files by kind (`2 .doc, 1 scanned PDF`).
//! Files with the same content (by SHA-256) are one document: the first is
//! read, the others are named on standard error as duplicates and left out.

use crate::document::{Document, ReadError};
use crate::error::Result;
use crate::extract::{Extraction, Extractor};
use crate::input::report_files;
use crate::place::Catalog;
use crate::render::progress::Progress;
use crate::statement::Statement;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
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
    /// Files left out as copies of one read before.
    pub duplicates: usize,
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

/// What is known of a file's bytes before it is read as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// SHA-256 of the file, in lowercase hex.
    pub sha256: String,
    pub bytes: u64,
}

/// A file's bytes, loaded and hashed.
struct Loaded {
    path: PathBuf,
    /// The document's id, unique within the run.
    name: String,
    bytes: Vec<u8>,
    digest: [u8; 32],
}

/// Reads and extracts `files` (see [`report_files`]). On the worker threads,
/// `digest` turns each document, the facts of its file and its extraction
/// into what the caller keeps (the document itself is dropped right after);
/// then `each` gets those in input order and returns how many statements it
/// kept. Skipped files and duplicates are reported on standard error. Stops
/// at the first error `each` returns (the output failed).
pub fn stream<T: Send>(
    files: &[PathBuf],
    extractor: &Extractor,
    catalog: &Catalog,
    quiet: bool,
    digest: impl Fn(&Document, &FileFacts, Extraction) -> T + Sync,
    mut each: impl FnMut(T) -> Result<usize>,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let progress = Progress::new(files.len(), quiet);
    let batch = rayon::current_num_threads().max(1) * FILES_PER_THREAD;
    let mut seen: HashMap<[u8; 32], PathBuf> = HashMap::new();
    // Unique within the run, so two reports named alike never share an id.
    let mut names = crate::doc_name::names(files).into_iter();
    for chunk in files.chunks(batch) {
        let chunk_names: Vec<String> = names.by_ref().take(chunk.len()).collect();
        let loaded: Vec<Result<Loaded, ReadError>> = chunk
            .par_iter()
            .zip(chunk_names)
            .map(|(p, name)| load(p, name))
            .collect();
        // Which files are new is decided in input order, so the first copy
        // is the one read whatever the number of cores.
        let mut fresh = Vec::with_capacity(loaded.len());
        let mut outcomes: Vec<Option<FileOutcome<T>>> = Vec::with_capacity(loaded.len());
        for file in loaded {
            match file {
                Err(e) => outcomes.push(Some(FileOutcome::Skipped(e.to_string(), e.kind()))),
                Ok(file) => match seen.get(&file.digest) {
                    Some(first) => {
                        tally.duplicates += 1;
                        progress.note(&format!(
                            "{}: same content as {}, read once",
                            file.path.display(),
                            first.display()
                        ));
                        outcomes.push(None);
                    }
                    None => {
                        seen.insert(file.digest, file.path.clone());
                        fresh.push((outcomes.len(), file));
                        outcomes.push(None);
                    }
                },
            }
        }
        let read: Vec<(usize, FileOutcome<T>)> = fresh
            .into_par_iter()
            .map(|(i, file)| (i, process(file, extractor, catalog, &digest)))
            .collect();
        for (i, outcome) in read {
            outcomes[i] = Some(outcome);
        }
        for outcome in outcomes.into_iter().flatten() {
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
    let digest = |doc: &Document, _: &FileFacts, extraction: Extraction| {
        (doc.name.clone(), extraction.statements)
    };
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

/// Loads and hashes one file; files over [`crate::document::MAX_BYTES`]
/// are refused before reading.
fn load(path: &Path, name: String) -> Result<Loaded, ReadError> {
    let bytes = Document::read_bytes(path)?;
    let digest = Sha256::digest(&bytes).into();
    Ok(Loaded {
        path: path.to_owned(),
        name,
        bytes,
        digest,
    })
}

/// Reads and extracts one loaded file. A panic in either stage is a bug,
/// but one bad document must not end a run over thousands: it is reported
/// as a skipped file (the panic message is on standard error already).
fn process<T>(
    file: Loaded,
    extractor: &Extractor,
    catalog: &Catalog,
    digest: &impl Fn(&Document, &FileFacts, Extraction) -> T,
) -> FileOutcome<T> {
    let Loaded {
        path,
        name,
        bytes,
        digest: sha256,
    } = file;
    let path = path.as_path();
    let work = AssertUnwindSafe(|| {
        let facts = FileFacts {
            sha256: hex(&sha256),
            bytes: bytes.len() as u64,
        };
        // The bytes are handed over: a UTF-8 file's text is its bytes.
        let mut doc = Document::from_owned_bytes(path, bytes, extractor.normaliser())?;
        doc.name = name;
        if let Some(place) = catalog.place(path) {
            doc.report.place = Some(place.clone());
        }
        let extraction = extractor.extraction(&doc);
        let unknown_year = extraction.unknown_year;
        Ok::<_, ReadError>(FileOutcome::Read(
            digest(&doc, &facts, extraction),
            unknown_year,
        ))
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

/// Bytes in lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
