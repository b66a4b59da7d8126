//! Record: a follow-through record as a report page shows it, computed after
//! linking. The rows of `link` with their explanations (every candidate
//! outcome and why it was passed over), grouped by place and year with counts
//! by status; every target's plans and outcomes over the years as series for
//! charts; the statistics of [`crate::summary`]; the documents read; and the
//! sentence around each quote. `render::report` only formats it.

mod excerpt;
mod series;

pub use excerpt::{around, Excerpt, ExcerptKey, Excerpts};
pub use series::{Point, Series};

use crate::document::ReportKind;
use crate::link::explain::RowExplanation;
use crate::link::{Fulfilment, ReviewedPeriod, Status};
use crate::summary::Summary;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// One document read, as the page and the database list it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// File stem.
    pub doc: String,
    pub path: String,
    /// The place the report is about, as rows name it; empty when unknown.
    pub place: String,
    /// Its code (GB/T 2260, or a catalogue's own); empty when unknown.
    pub place_code: String,
    pub kind: ReportKind,
    /// The year the report is mainly about.
    pub year: Option<i32>,
    pub date: Option<NaiveDate>,
    /// Every year and period it reviews.
    pub reviewed: Vec<ReviewedPeriod>,
    /// SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    pub bytes: u64,
}

/// Rows by status, in the order of [`Status::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub counts: [usize; Status::ALL.len()],
}

impl Tally {
    pub fn add(&mut self, status: Status) {
        if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
            self.counts[i] += 1;
        }
    }

    pub fn count(&self, status: Status) -> usize {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.counts[i])
    }

    /// Rows that are targets (every status but `unplanned`).
    pub fn targets(&self) -> usize {
        self.counts.iter().sum::<usize>() - self.count(Status::Unplanned)
    }

    /// Targets with a full-year verdict.
    pub fn judged(&self) -> usize {
        self.met() + self.count(Status::Short)
    }

    /// Targets met or exceeded.
    pub fn met(&self) -> usize {
        self.count(Status::Met) + self.count(Status::Exceeded)
    }

    /// Met or exceeded among the judged; `None` when nothing was judged.
    pub fn share_met(&self) -> Option<f64> {
        let judged = self.judged();
        (judged > 0).then(|| self.met() as f64 / judged as f64)
    }
}

/// The rows of one place and year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub place: String,
    pub year: i32,
    pub tally: Tally,
    /// Indexes into [`Record::rows`].
    pub rows: Range<usize>,
}

/// One line of the overview: a place, its years and its counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceOverview {
    pub place: String,
    /// Indexes into [`Record::groups`], by year.
    pub groups: Vec<usize>,
    pub tally: Tally,
}

/// A target's names in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TargetName {
    pub zh: String,
    pub en: String,
}

/// What a report page shows.
#[derive(Debug, Clone)]
pub struct Record {
    pub documents: Vec<DocumentInfo>,
    /// Every row with its explanation, in the order `link` returns them
    /// (place, year, target, scope).
    pub rows: Vec<RowExplanation>,
    pub groups: Vec<Group>,
    pub places: Vec<PlaceOverview>,
    pub series: Vec<Series>,
    pub summary: Summary,
    pub excerpts: Excerpts,
    pub names: HashMap<String, TargetName>,
    /// Index in `documents` of each document's path.
    document_index: HashMap<String, usize>,
}

/// The place a row is about, as the page groups it (empty when unknown).
pub fn place_of(row: &Fulfilment) -> &str {
    if row.place_name.is_empty() {
        &row.place
    } else {
        &row.place_name
    }
}

impl Record {
    /// Groups explained rows (as `link::explain::explain_all` returns them,
    /// sorted by place and year) for the page.
    pub fn new(
        rows: Vec<RowExplanation>,
        documents: Vec<DocumentInfo>,
        summary: Summary,
        excerpts: Excerpts,
        names: HashMap<String, TargetName>,
    ) -> Record {
        let mut groups: Vec<Group> = Vec::new();
        for (i, e) in rows.iter().enumerate() {
            let (place, year) = (place_of(&e.row), e.row.year);
            match groups.last_mut() {
                Some(g) if g.place == place && g.year == year => g.rows.end = i + 1,
                _ => groups.push(Group {
                    place: place.to_owned(),
                    year,
                    tally: Tally::default(),
                    rows: i..i + 1,
                }),
            }
            if let Some(g) = groups.last_mut() {
                g.tally.add(e.row.status);
            }
        }
        let mut places: Vec<PlaceOverview> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (gi, g) in groups.iter().enumerate() {
            let pi = *index.entry(g.place.as_str()).or_insert_with(|| {
                places.push(PlaceOverview {
                    place: g.place.clone(),
                    groups: Vec::new(),
                    tally: Tally::default(),
                });
                places.len() - 1
            });
            let p = &mut places[pi];
            p.groups.push(gi);
            for (total, n) in p.tally.counts.iter_mut().zip(g.tally.counts) {
                *total += n;
            }
        }
        let series = Series::of(rows.iter().map(|e| &e.row));
        let document_index = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.clone(), i))
            .collect();
        Record {
            document_index,
            documents,
            rows,
            groups,
            places,
            series,
            summary,
            excerpts,
            names,
        }
    }
}

impl Record {
    /// Index in [`Record::documents`] of the document at `path`.
    pub fn document(&self, path: &str) -> Option<usize> {
        self.document_index.get(path).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;
    use crate::link::Status;

    #[test]
    fn share_met_is_of_the_judged_targets_only() {
        let mut t = Tally::default();
        for s in [
            Status::Met,
            Status::Exceeded,
            Status::Short,
            Status::Pending,
        ] {
            t.add(s);
        }
        t.add(Status::Unplanned);
        assert_eq!((t.targets(), t.judged(), t.met()), (4, 3, 2));
        assert_eq!(t.share_met(), Some(2.0 / 3.0));
        assert_eq!(Tally::default().share_met(), None);
    }
}
