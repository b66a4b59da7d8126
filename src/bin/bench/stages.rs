//! Stage timings, one thread, over a sample of the corpus: each stage is run
//! on its own input so its throughput can be read against the file bytes.
//! The document stages are private to the document module, so they are told
//! apart by difference: decoding is reading a document from bytes minus
//! reading it from its decoded text, structure is the latter minus
//! normalising. Each total is the fastest of several runs before the
//! differences are taken, which keeps them steady on a shared machine.

use luoshi::document::{Document, Normaliser};
use luoshi::extract::Extractor;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Time spent per stage over the sample, or over one kind of file in it.
#[derive(Debug, Default, Clone)]
pub struct StageTimes {
    pub files: usize,
    pub bytes: u64,
    /// Reading a document from its bytes: every stage but extraction.
    pub document: Duration,
    /// Reading a document from its decoded text: normalising and structure.
    pub from_text: Duration,
    pub normalise: Duration,
    pub extract: Duration,
    pub statements: usize,
}

/// The kinds of file timed apart, as named in the output.
pub const KINDS: [&str; 4] = [
    "UTF-8 text",
    "GB18030 text",
    "HTML page",
    "traditional script",
];

impl StageTimes {
    /// Decoding, and text extraction for HTML pages.
    pub fn decode(&self) -> Duration {
        self.document.saturating_sub(self.from_text)
    }

    /// Headings, report facts, sections and the indicator table.
    pub fn structure(&self) -> Duration {
        self.from_text.saturating_sub(self.normalise)
    }

    /// Every stage.
    pub fn all(&self) -> Duration {
        self.document + self.extract
    }
}

/// Times every stage over `files` (already in memory, so disk is not
/// timed): the whole sample first, then each of [`KINDS`].
pub fn time(
    files: &[(PathBuf, Vec<u8>)],
    normaliser: &Normaliser,
    extractor: &Extractor,
) -> (StageTimes, Vec<StageTimes>) {
    let mut kinds = vec![StageTimes::default(); KINDS.len()];
    // Built before timing starts: the traditional-script table is made on first use.
    let _ = normaliser.normalise("臺灣");
    for (path, bytes) in files {
        let start = Instant::now();
        let Ok(doc) = Document::from_bytes(path, bytes, normaliser) else {
            continue;
        };
        let whole = start.elapsed();
        let kind = if doc.traditional {
            3
        } else if path.extension().is_some_and(|x| x != "txt") {
            2
        } else if doc.encoding == "UTF-8" {
            0
        } else {
            1
        };
        let t = &mut kinds[kind];
        t.document += whole;
        t.files += 1;
        t.bytes += bytes.len() as u64;

        let start = Instant::now();
        let normalised = normaliser.normalise(&doc.original);
        t.normalise += start.elapsed();
        drop(normalised);

        let start = Instant::now();
        let again = Document::from_text(path, doc.original.clone(), normaliser);
        t.from_text += start.elapsed();
        drop(again);

        let start = Instant::now();
        t.statements += extractor.extract(&doc).len();
        t.extract += start.elapsed();
    }
    let mut all = StageTimes::default();
    for t in &kinds {
        all.files += t.files;
        all.bytes += t.bytes;
        all.document += t.document;
        all.from_text += t.from_text;
        all.normalise += t.normalise;
        all.extract += t.extract;
        all.statements += t.statements;
    }
    (all, kinds)
}

/// The fastest of `runs` timings of each stage: on a shared machine other
/// work only ever adds time.
pub fn fastest(runs: Vec<(StageTimes, Vec<StageTimes>)>) -> Option<(StageTimes, Vec<StageTimes>)> {
    runs.into_iter().reduce(|(a, ak), (b, bk)| {
        let ks = ak.iter().zip(&bk).map(|(x, y)| min(x, y)).collect();
        (min(&a, &b), ks)
    })
}

fn min(a: &StageTimes, b: &StageTimes) -> StageTimes {
    StageTimes {
        document: a.document.min(b.document),
        from_text: a.from_text.min(b.from_text),
        normalise: a.normalise.min(b.normalise),
        extract: a.extract.min(b.extract),
        ..a.clone()
    }
}

/// Megabytes (10^6 bytes) per second.
pub fn mb_per_s(bytes: u64, d: Duration) -> f64 {
    let secs = d.as_secs_f64();
    if secs == 0.0 {
        f64::INFINITY
    } else {
        bytes as f64 / 1e6 / secs
    }
}
