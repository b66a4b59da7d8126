//! Reading reports in the formats they are published in, one thread: the
//! bundled reports as plain text, hard-wrapped text (re-flowed), PDF and
//! .docx (`fixtures/formats`, see `scripts/make-format-fixtures.sh`), each
//! read from bytes in memory into a document (every stage but extraction),
//! the fastest of several runs. MB/s is given of file bytes and of the text
//! the file holds (a PDF is mostly fonts: its text is a tenth of its bytes).

use luoshi::document::{Document, Normaliser};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The kinds of copy timed, with the file name of each report's copy.
const COPIES: [(&str, &str); 4] = [
    ("plain text (originals)", "../reports/{}.txt"),
    ("hard-wrapped text", "{}-wrapped.txt"),
    ("PDF", "{}.pdf"),
    (".docx", "{}.docx"),
];

/// One row of the table.
pub struct FormatTimes {
    pub copy: &'static str,
    pub files: usize,
    pub bytes: u64,
    pub text_bytes: u64,
    pub best: Duration,
}

/// Times each kind of copy of the reports under `dir` (fixtures/formats),
/// `repeat` runs of at least half a second each, keeping the fastest.
pub fn time(dir: &Path, normaliser: &Normaliser, repeat: usize) -> Vec<FormatTimes> {
    let names: Vec<String> = std::fs::read_dir(dir.join("../reports"))
        .map(|entries| {
            let mut names: Vec<String> = entries
                .flatten()
                .filter_map(|e| {
                    let p = e.path();
                    (p.extension()? == "txt").then(|| p.file_stem()?.to_str().map(str::to_owned))?
                })
                .collect();
            names.sort();
            names
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for (copy, pattern) in COPIES {
        let files: Vec<(PathBuf, Vec<u8>)> = names
            .iter()
            .filter_map(|n| {
                let path = dir.join(pattern.replace("{}", n));
                std::fs::read(&path).ok().map(|b| (path, b))
            })
            .collect();
        if files.is_empty() {
            continue;
        }
        let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
        let mut text_bytes = 0;
        let mut best = Duration::MAX;
        for _ in 0..repeat.max(1) {
            let start = Instant::now();
            let mut rounds = 0u32;
            while rounds == 0 || start.elapsed() < Duration::from_millis(500) {
                text_bytes = 0;
                for (path, b) in &files {
                    if let Ok(doc) = Document::from_bytes(path, b, normaliser) {
                        text_bytes += doc.original.len() as u64;
                    }
                }
                rounds += 1;
            }
            best = best.min(start.elapsed() / rounds);
        }
        out.push(FormatTimes {
            copy,
            files: files.len(),
            bytes,
            text_bytes,
            best,
        });
    }
    out
}
