//! `luoshi explain`: why a sentence did or did not give a statement.

use super::Output;
use crate::cli::ExplainArgs;
use crate::document::Document;
use crate::error::{Error, Result, EXIT_OK};
use crate::extract::Extractor;
use crate::render;
use std::path::{Path, PathBuf};

pub fn run(args: ExplainArgs) -> Result<u8> {
    let rules = super::load_rules(args.rules.as_deref())?;
    let extractor = Extractor::new(&rules)?;
    let (doc, range) = match (&args.text, &args.location) {
        (Some(text), None) => {
            let doc =
                Document::from_text(Path::new("<text>"), text.clone(), extractor.normaliser());
            let range = 0..doc.text.len();
            (doc, range)
        }
        (None, Some(location)) => {
            let (path, line, column) = parse_location(location)?;
            let doc = Document::read(&path, extractor.normaliser())?;
            let original = doc.line_range(line).ok_or_else(|| Error::Input {
                path: path.clone(),
                message: format!(
                    "no line {line} (the document has {} lines)",
                    doc.original.lines().count()
                ),
            })?;
            let original = match column {
                None => original,
                Some(column) => {
                    let at = doc.original[original.clone()]
                        .char_indices()
                        .nth(column - 1)
                        .map(|(i, _)| original.start + i)
                        .ok_or_else(|| Error::Input {
                            path: path.clone(),
                            message: format!("line {line} has no column {column}"),
                        })?;
                    at..at
                }
            };
            let range = doc.normalised_range(original);
            (doc, range)
        }
        _ => {
            return Err(Error::Usage(
                "explain needs a sentence (--text \"…\") or a position (FILE:LINE)".into(),
            ))
        }
    };
    let sentences = extractor.explain(&doc, range);
    let mut out = Output::open(None)?;
    render::explain::write(&mut out, &doc, &sentences).map_err(Error::Output)?;
    out.finish()?;
    Ok(EXIT_OK)
}

/// Splits `FILE:LINE` or `FILE:LINE:COLUMN` (1-based; the column counts characters).
fn parse_location(location: &str) -> Result<(PathBuf, usize, Option<usize>)> {
    let usage = || Error::Usage(format!("`{location}` is not FILE:LINE or FILE:LINE:COLUMN"));
    let number = |s: &str| s.parse::<usize>().ok().filter(|&n| n > 0);
    let (rest, last) = location.rsplit_once(':').ok_or_else(usage)?;
    let last = number(last).ok_or_else(usage)?;
    match rest.rsplit_once(':') {
        Some((path, line)) if number(line).is_some() => Ok((
            PathBuf::from(path),
            number(line).ok_or_else(usage)?,
            Some(last),
        )),
        _ => Ok((PathBuf::from(rest), last, None)),
    }
}
