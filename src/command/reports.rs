//! Reading many reports: walks the input paths, reads and extracts each file,
//! reports unreadable ones and goes on with the rest.

use crate::document::Document;
use crate::error::Result;
use crate::extract::Extractor;
use crate::input::report_files;
use crate::render;
use crate::statement::Statement;
use std::path::PathBuf;

/// What a run over many reports produced.
pub struct Harvest {
    /// Statements of every document, in input order.
    pub statements: Vec<Statement>,
    /// Names of the documents read.
    pub documents: Vec<String>,
    pub read: usize,
    pub skipped: usize,
}

/// Reads and extracts every report under `paths`; unreadable files are
/// reported on standard error and skipped.
pub fn harvest(paths: &[PathBuf], extractor: &Extractor) -> Result<Harvest> {
    let files = report_files(paths)?;
    let mut harvest = Harvest {
        statements: Vec::new(),
        documents: Vec::new(),
        read: 0,
        skipped: 0,
    };
    for path in &files {
        match Document::read(path, extractor.normaliser()) {
            Ok(doc) => {
                harvest.statements.extend(extractor.extract(&doc));
                harvest.documents.push(doc.name);
                harvest.read += 1;
            }
            Err(err) => {
                harvest.skipped += 1;
                render::diagnostic(&format!("skipped {err}"));
            }
        }
    }
    Ok(harvest)
}
