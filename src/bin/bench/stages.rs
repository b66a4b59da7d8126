//! Stage timings, one thread, over a sample of the corpus: each stage is run
//! on its own input so its throughput can be read against the file bytes.
//! Decoding is timed as reading a document from bytes minus reading it from
//! its decoded text, since the decoder is private to the document module.

use luoshi::document::{Document, Normaliser};
use luoshi::extract::Extractor;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Time spent per stage over the sample.
#[derive(Debug, Default)]
pub struct StageTimes {
    pub files: usize,
    pub bytes: u64,
    /// Decoding (and text extraction for HTML pages).
    pub decode: Duration,
    pub normalise: Duration,
    /// Headings, report facts, sections and indicator table.
    pub structure: Duration,
    pub extract: Duration,
    pub statements: usize,
}

/// Times every stage over `files` (already in memory, so disk is not timed).
pub fn time(
    files: &[(PathBuf, Vec<u8>)],
    normaliser: &Normaliser,
    extractor: &Extractor,
) -> StageTimes {
    let mut t = StageTimes::default();
    let mut from_bytes = Duration::ZERO;
    let mut from_text = Duration::ZERO;
    for (path, bytes) in files {
        let start = Instant::now();
        let Ok(doc) = Document::from_bytes(path, bytes, normaliser) else {
            continue;
        };
        from_bytes += start.elapsed();
        t.files += 1;
        t.bytes += bytes.len() as u64;

        let start = Instant::now();
        let normalised = normaliser.normalise(&doc.original);
        t.normalise += start.elapsed();
        drop(normalised);

        let start = Instant::now();
        let again = Document::from_text(path, doc.original.clone(), normaliser);
        from_text += start.elapsed();
        drop(again);

        let start = Instant::now();
        t.statements += extractor.extract(&doc).len();
        t.extract += start.elapsed();
    }
    t.decode = from_bytes.saturating_sub(from_text);
    t.structure = from_text.saturating_sub(t.normalise);
    t
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
