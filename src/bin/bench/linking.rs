//! Link-stage timing: the statements of a sample linked once, and again with
//! the sample repeated under other district names, to see how linking grows
//! with the number of statements; and the report page and the database
//! built from those rows, to see that they grow as linking does.

use luoshi::document::Document;
use luoshi::extract::Extractor;
use luoshi::link::explain::explain_all;
use luoshi::link::{link, LinkInput, ReportSummary, TargetRelations};
use luoshi::record::{DocumentInfo, Excerpts, Record};
use luoshi::render::sqlite::Database;
use luoshi::statement::{SelfReport, Statement};
use luoshi::summary::{PlaceTree, Summary};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Statements, self-reports and summaries of a sample, ready to link.
#[derive(Default)]
pub struct Linkable {
    statements: Vec<Statement>,
    self_reports: Vec<SelfReport>,
    reports: Vec<ReportSummary>,
    excerpts: Excerpts,
}

/// Time and size of the page and the database of one set of statements.
pub struct Outputs {
    pub rows: usize,
    pub page: Duration,
    pub page_bytes: usize,
    pub database: Duration,
    pub database_bytes: u64,
}

impl Linkable {
    /// Reads and extracts the sample (not timed).
    pub fn of(files: &[(PathBuf, Vec<u8>)], extractor: &Extractor) -> Linkable {
        let mut l = Linkable::default();
        for (path, bytes) in files {
            let Ok(doc) = Document::from_bytes(path, bytes, extractor.normaliser()) else {
                continue;
            };
            let extraction = extractor.extraction(&doc);
            l.excerpts
                .extend(Excerpts::of(&doc, &extraction.statements));
            l.statements.extend(extraction.statements);
            l.self_reports.extend(extraction.self_reports);
            l.reports.push(ReportSummary::of(&doc));
        }
        l
    }

    /// The same reports `times` times over, each copy a place of its own.
    pub fn repeated(&self, times: usize) -> Linkable {
        let mut l = Linkable::default();
        for k in 0..times {
            let rename = |d: &str| format!("{d}{k}");
            l.statements
                .extend(self.statements.iter().cloned().map(|mut s| {
                    s.place_code = rename(&s.place_code);
                    s
                }));
            l.self_reports.extend(self.self_reports.iter().cloned());
            l.reports.extend(self.reports.iter().cloned().map(|mut r| {
                r.place_code = rename(&r.place_code);
                r
            }));
            l.excerpts = self.excerpts.clone();
        }
        l
    }

    /// Time to link, explain and write the report page (to memory), and
    /// to link and write the database (to a file in `dir`).
    pub fn time_outputs(
        &self,
        relations: &TargetRelations,
        dir: &std::path::Path,
    ) -> std::io::Result<Outputs> {
        let input = LinkInput {
            statements: &self.statements,
            reports: &self.reports,
            self_reports: &self.self_reports,
            targets: relations,
            include_unplanned: false,
        };
        // The copies of a report share its path: one document each.
        let mut paths = std::collections::HashSet::new();
        let documents: Vec<DocumentInfo> = self
            .reports
            .iter()
            .filter(|r| paths.insert(r.path.as_str()))
            .map(|r| DocumentInfo {
                doc: r.doc.clone(),
                path: r.path.clone(),
                place: r.place_code.clone(),
                place_code: r.place_code.clone(),
                kind: luoshi::document::ReportKind::Unknown,
                year: None,
                date: r.date,
                reviewed: r.reviewed.clone(),
                sha256: String::new(),
                bytes: 0,
            })
            .collect();
        let start = Instant::now();
        let explained = explain_all(&input);
        let rows: Vec<_> = explained.iter().map(|e| e.row.clone()).collect();
        let summary = Summary::of(&rows, &PlaceTree::default());
        let record = Record::new(
            explained,
            documents.clone(),
            summary,
            self.excerpts.clone(),
            Default::default(),
        );
        let mut page = Vec::new();
        luoshi::render::report::write(&mut page, &record)?;
        let page_time = start.elapsed();

        let path = dir.join("bench.db");
        let _ = std::fs::remove_file(&path);
        let start = Instant::now();
        let rows = link(&input);
        let db = Database {
            documents: &documents,
            statements: &self.statements,
            rows: &rows,
        };
        luoshi::render::sqlite::write(&path, &db).map_err(std::io::Error::other)?;
        let database = start.elapsed();
        let database_bytes = std::fs::metadata(&path)?.len();
        let _ = std::fs::remove_file(&path);
        Ok(Outputs {
            rows: rows.len(),
            page: page_time,
            page_bytes: page.len(),
            database,
            database_bytes,
        })
    }

    pub fn statements(&self) -> usize {
        self.statements.len()
    }

    /// Time to link every plan, and the number of rows.
    pub fn time(&self, relations: &TargetRelations) -> (Duration, usize) {
        let start = Instant::now();
        let rows = link(&LinkInput {
            statements: &self.statements,
            reports: &self.reports,
            self_reports: &self.self_reports,
            targets: relations,
            include_unplanned: false,
        });
        (start.elapsed(), rows.len())
    }
}
