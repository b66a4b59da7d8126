//! Word: the text of a `.docx` file (a zip archive holding
//! `word/document.xml`). Each paragraph ends a line, and so each table cell
//! (whose text is held in paragraphs) gets lines of its own, as saved HTML
//! pages and plain-text copies have them. Line breaks inside a paragraph
//! (`<w:br/>`) end a line too; tabs become a space. Deleted revisions and
//! field codes are not text; page headers and footers live in other parts
//! of the archive and are not read.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The largest `word/document.xml` read (its markup is many times the text).
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

/// Why a Word file gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive at all (damaged, or another format renamed).
    NotZip(String),
    /// A zip archive without a Word document inside.
    NotWord,
    /// The document part cannot be read.
    Damaged(String),
}

/// The text of a `.docx` file, one paragraph (or table cell paragraph) per line.
pub fn extract_text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    let mut part = match archive.by_name("word/document.xml") {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Err(DocxError::NotWord),
        Err(e) => return Err(DocxError::Damaged(e.to_string())),
    };
    let mut xml = Vec::with_capacity(usize::try_from(part.size()).unwrap_or(0).min(1 << 24));
    part.by_ref()
        .take(MAX_XML_BYTES)
        .read_to_end(&mut xml)
        .map_err(|e| DocxError::Damaged(e.to_string()))?;
    document_text(&xml).map_err(DocxError::Damaged)
}

/// The text of `word/document.xml`.
fn document_text(xml: &[u8]) -> Result<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::with_capacity(xml.len() / 8);
    let mut buf = Vec::new();
    // Inside <w:t> (text) — not <w:delText> or <w:instrText>.
    let mut in_text = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => match e.local_name().into_inner() {
                b"t" => in_text = true,
                b"tab" => out.push(' '),
                b"br" | b"cr" => end_line(&mut out),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                b"tab" => out.push(' '),
                b"br" | b"cr" => end_line(&mut out),
                _ => {}
            },
            Event::End(e) => match e.local_name().into_inner() {
                b"t" => in_text = false,
                b"p" | b"tc" => end_line(&mut out),
                _ => {}
            },
            Event::Text(t) if in_text => {
                // Entities come as their own events, so the text is literal.
                out.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(r) if in_text => {
                match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => out.push(c),
                    None => out.push_str(match r.into_inner().as_ref() {
                        b"lt" => "<",
                        b"gt" => ">",
                        b"amp" => "&",
                        b"quot" => "\"",
                        b"apos" => "'",
                        _ => "",
                    }),
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    end_line(&mut out);
    Ok(out)
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_cells_get_their_own_lines() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>一、上半年</w:t></w:r><w:r><w:t xml:space="preserve">执行情况</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>1.地区生产总值</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>增长7%以上</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>A&amp;B</w:t><w:br/><w:t>新增</w:t><w:delText>删去</w:delText></w:r></w:p>
            </w:body></w:document>"#.as_bytes();
        assert_eq!(
            document_text(xml).unwrap_or_else(|e| panic!("{e}")),
            "一、上半年执行情况\n1.地区生产总值\n增长7%以上\nA&B\n新增\n"
        );
    }

    #[test]
    fn a_zip_without_a_document_is_not_word() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-files/not-word.docx");
        let bytes = std::fs::read(path).unwrap_or_default();
        assert_eq!(extract_text(&bytes), Err(DocxError::NotWord));
        assert!(matches!(
            extract_text(b"PK\x03\x04junk"),
            Err(DocxError::NotZip(_))
        ));
    }
}
