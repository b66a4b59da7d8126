//! Format: what kind of file a report came in, told by its first bytes
//! (a PDF or a zip archive can be named anything) and, for the old binary
//! Word formats, by name too; and the text of the formats that are not
//! plain text or HTML, with the reason when there is none.

use super::ReadError;
use std::path::Path;

/// How a report file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or a saved HTML page (decoded by `decode`).
    Text,
    Pdf,
    /// Word 2007+ (`.docx`), or any zip archive.
    Docx,
    /// Word 97–2003 (`.doc`), WPS Office (`.wps`) or another OLE file: not read.
    OldWord(&'static str),
}

/// The signature of OLE compound files (`.doc`, `.wps`, `.xls`).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl Format {
    /// The format of a file, from its bytes and its name.
    pub fn of(path: &Path, bytes: &[u8]) -> Format {
        let extension = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase);
        let old_word = match extension.as_deref() {
            Some("wps") => Some(".wps"),
            Some("doc") => Some(".doc"),
            _ => None,
        };
        if bytes.starts_with(b"%PDF-")
            || (extension.as_deref() == Some("pdf") && looks_like_pdf(bytes))
        {
            Format::Pdf
        } else if bytes.starts_with(b"PK\x03\x04") {
            Format::Docx
        } else if let Some(kind) = old_word {
            Format::OldWord(kind)
        } else if bytes.starts_with(OLE_MAGIC) {
            Format::OldWord("Word 97-2003 (OLE)")
        } else {
            Format::Text
        }
    }

    /// The label a document read in this format shows as its encoding.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "UTF-8",
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::OldWord(_) => "DOC",
        }
    }
}

/// A PDF header within the first KiB (some files carry junk before it).
fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes
        .get(..1024.min(bytes.len()))
        .is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-"))
}

/// The text of a file that is not plain text or HTML.
pub fn extract(format: Format, path: &Path, bytes: &[u8]) -> Result<String, ReadError> {
    let path_buf = || path.to_owned();
    match format {
        Format::Text => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Format::OldWord(kind) => Err(ReadError::OldWord {
            path: path_buf(),
            kind,
        }),
        Format::Pdf => pdf_text(path, bytes),
        Format::Docx => docx_text(path, bytes),
    }
}

#[cfg(feature = "pdf")]
fn pdf_text(path: &Path, bytes: &[u8]) -> Result<String, ReadError> {
    use super::pdf::{extract_text, PdfError};
    let path = path.to_owned();
    extract_text(bytes).map_err(|e| match e {
        PdfError::Damaged(reason) => ReadError::DamagedPdf { path, reason },
        PdfError::Encrypted => ReadError::EncryptedPdf { path },
        PdfError::NoText { pages } => ReadError::ScannedPdf { path, pages },
    })
}

#[cfg(not(feature = "pdf"))]
fn pdf_text(path: &Path, _bytes: &[u8]) -> Result<String, ReadError> {
    Err(ReadError::Unsupported {
        path: path.to_owned(),
        format: "PDF",
        feature: "pdf",
    })
}

#[cfg(feature = "docx")]
fn docx_text(path: &Path, bytes: &[u8]) -> Result<String, ReadError> {
    use super::docx::{extract_text, DocxError};
    let path = path.to_owned();
    extract_text(bytes).map_err(|e| match e {
        DocxError::NotZip(reason) | DocxError::Damaged(reason) => {
            ReadError::DamagedDocx { path, reason }
        }
        DocxError::NotWord => ReadError::NotWord { path },
    })
}

#[cfg(not(feature = "docx"))]
fn docx_text(path: &Path, _bytes: &[u8]) -> Result<String, ReadError> {
    Err(ReadError::Unsupported {
        path: path.to_owned(),
        format: ".docx",
        feature: "docx",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_bytes_then_by_name() {
        let of = |name: &str, bytes: &[u8]| Format::of(Path::new(name), bytes);
        assert_eq!(of("a.txt", b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(of("a.pdf", b"\r\n%PDF-1.4"), Format::Pdf);
        assert_eq!(of("a.docx", b"PK\x03\x04"), Format::Docx);
        assert_eq!(of("a.doc", b"anything"), Format::OldWord(".doc"));
        assert_eq!(of("a.WPS", OLE_MAGIC), Format::OldWord(".wps"));
        assert_eq!(
            of("a.bin", OLE_MAGIC),
            Format::OldWord("Word 97-2003 (OLE)")
        );
        assert_eq!(of("a.txt", "广州".as_bytes()), Format::Text);
    }
}
