//! Link-stage timing: the statements of a sample linked once, and again with
//! the sample repeated under other district names, to see how linking grows
//! with the number of statements.

use luoshi::document::Document;
use luoshi::extract::Extractor;
use luoshi::link::{link, LinkInput, ReportSummary, TargetRelations};
use luoshi::statement::{SelfReport, Statement};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Statements, self-reports and summaries of a sample, ready to link.
#[derive(Default)]
pub struct Linkable {
    statements: Vec<Statement>,
    self_reports: Vec<SelfReport>,
    reports: Vec<ReportSummary>,
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
        }
        l
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
