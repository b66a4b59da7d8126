//! PDF: the text layer of a PDF, page by page, through `pdf-extract` (chosen
//! by measurement; see `docs/formats.md`). Characters are placed on lines by
//! their position on the page, as a reader sees them; a gap between two
//! characters becomes a space only between Latin letters or digits, since
//! a gap beside a Chinese character is typesetting (Latin text set apart
//! from Chinese), not a word break. The lines come out as typeset, so the
//! text is hard-wrapped; `reflow` joins them again.
//!
//! Lines that stand first or last on most pages, the same but for their
//! digits (a running header, `第 3 页`, a bare page number), are dropped
//! here, where the pages are known; `reflow` drops page numbers again in
//! text copied out of a PDF, where they are not.
//!
//! A file that is not a readable PDF, an encrypted one (a PDF that opens
//! without a password is read), or one with no text (a scan) is refused with
//! what to do about it.

use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Fewest non-blank characters a PDF must yield to have a text layer.
const MIN_TEXT_CHARS: usize = 20;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Not readable as a PDF (truncated or damaged).
    Damaged(String),
    /// Encrypted with a password.
    Encrypted,
    /// Pages without text: a scan or images of text.
    NoText { pages: usize },
}

/// The text of a PDF's pages, one line per typeset line, pages one after another.
pub fn extract_text(bytes: &[u8]) -> Result<String, PdfError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| PdfError::Damaged(e.to_string()))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    let mut out = PlainText::default();
    for (&number, &id) in &pages {
        // The extractor unwraps on some malformed page objects; check what
        // it relies on first, and treat anything it still trips on as damage.
        let page_ok = doc
            .get_object(id)
            .and_then(|o| o.as_dict())
            .is_ok_and(|d| d.has(b"Contents") || d.has(b"Resources") || d.has(b"MediaBox"));
        if !page_ok || doc.get_page_content(id).is_err() {
            return Err(PdfError::Damaged(format!("page {number} cannot be read")));
        }
        let page = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, number)
        }));
        match page {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(PdfError::Damaged(e.to_string())),
            Err(_) => return Err(PdfError::Damaged(format!("page {number} cannot be read"))),
        }
    }
    let text = without_running_lines(&out.text, &out.page_starts);
    if text.chars().filter(|c| !c.is_whitespace()).count() < MIN_TEXT_CHARS {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(text)
}

/// Writes characters as lines of text, by their position on the page.
#[derive(Default)]
struct PlainText {
    text: String,
    page_height: f64,
    last_end: f64,
    last_y: f64,
    word_start: bool,
    page_start: bool,
    /// Byte offset in `text` where each page starts.
    page_starts: Vec<usize>,
}

/// Fewest pages for lines repeated on them to count as running lines.
const MIN_PAGES_FOR_RUNNING_LINES: usize = 3;

/// `text` without the lines that are first or last on at least half of its
/// pages (digits aside).
fn without_running_lines(text: &str, page_starts: &[usize]) -> String {
    let ends = page_starts.iter().skip(1).copied().chain([text.len()]);
    let pages: Vec<&str> = page_starts
        .iter()
        .zip(ends)
        .map(|(&a, b)| text.get(a..b).unwrap_or_default())
        .collect();
    if pages.len() < MIN_PAGES_FOR_RUNNING_LINES {
        return text.to_owned();
    }
    let key = |line: &str| -> String {
        line.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let edges = |page: &str| -> [Option<String>; 2] {
        let mut lines = page.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().map(key);
        let last = lines.next_back().map(key);
        [first, last]
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in &pages {
        for k in edges(page).into_iter().flatten() {
            *counts.entry(k).or_default() += 1;
        }
    }
    let running = |k: &String| {
        counts
            .get(k)
            .is_some_and(|&n| n >= MIN_PAGES_FOR_RUNNING_LINES && n * 2 >= pages.len())
    };
    let mut out = String::with_capacity(text.len());
    for page in &pages {
        let [first, last] = edges(page);
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        for (i, line) in lines.iter().enumerate() {
            let edge = if i == 0 {
                first.as_ref()
            } else if i + 1 == lines.len() {
                last.as_ref()
            } else {
                None
            };
            if edge.is_some_and(running) {
                continue;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Whether a character is set solid with its neighbours (CJK and
/// full-width forms), so a gap beside it is not a space.
fn is_solid(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
        || matches!(c, '—' | '…' | '“' | '”' | '‘' | '’' | '·')
}

impl OutputDev for PlainText {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.page_start = true;
        self.page_starts.push(self.text.len());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        let (vx, vy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = (vx * vy).abs().sqrt();
        if self.page_start {
            self.page_start = false;
        } else if self.word_start {
            let new_line = (y - self.last_y).abs() > size * 1.5
                || (x < self.last_end && (y - self.last_y).abs() > size * 0.5);
            if new_line {
                if !self.text.ends_with('\n') {
                    self.text.push('\n');
                }
            } else if x > self.last_end + size * 0.1 {
                let before = self.text.chars().next_back();
                let after = char.chars().next();
                let solid = before.is_some_and(is_solid) || after.is_some_and(is_solid);
                if !solid && before.is_some_and(|c| !c.is_whitespace()) {
                    self.text.push(' ');
                }
            }
        }
        self.text.push_str(char);
        self.word_start = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/formats")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// A file the reader must refuse, from `tests/bad-files/`.
    fn bad_file(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad-files")
            .join(name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn the_text_layer_is_read_in_order_with_cells_on_their_own_lines() {
        let text = extract_text(&fixture("baiyun-2021-h1.pdf")).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            text.contains("\n1.地区生产总值\n增长7%以上\n增长20.2%\n"),
            "{text}"
        );
        assert!(
            text.contains("广州市白云区人民政府关于2021年上半年"),
            "{text}"
        );
    }

    #[test]
    fn running_headers_and_page_numbers_are_dropped_where_pages_are_known() {
        let mut text = String::new();
        let mut starts = Vec::new();
        for n in 1..=4 {
            starts.push(text.len());
            text.push_str(&format!(
                "白云区人民政府文件\n第{n}页的正文,新增学位{n}000个。\n结尾一行\n{n}\n"
            ));
        }
        let kept = without_running_lines(&text, &starts);
        assert!(!kept.contains("白云区人民政府文件"), "{kept}");
        assert!(
            !kept.lines().any(|l| l.chars().all(|c| c.is_ascii_digit())),
            "{kept}"
        );
        assert_eq!(kept.matches("结尾一行").count(), 4, "{kept}");
        assert!(kept.contains("第3页的正文,新增学位3000个。"), "{kept}");
        // Too few pages to tell: kept as it is.
        assert_eq!(without_running_lines(&text, &starts[..2]), text);
    }

    #[test]
    fn bad_pdfs_say_what_is_wrong() {
        assert_eq!(
            extract_text(&bad_file("scanned.pdf")),
            Err(PdfError::NoText { pages: 1 })
        );
        assert_eq!(
            extract_text(&bad_file("encrypted.pdf")),
            Err(PdfError::Encrypted)
        );
        assert!(matches!(
            extract_text(&bad_file("truncated.pdf")),
            Err(PdfError::Damaged(_))
        ));
        assert!(matches!(
            extract_text(b"%PDF-1.4\n"),
            Err(PdfError::Damaged(_))
        ));
    }
}
