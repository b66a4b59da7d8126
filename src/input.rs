//! Input: turns the paths given on the command line into the list of report
//! files to read (folders walked recursively for the formats reports come
//! in: `.txt`, `.htm`, `.html`, `.pdf`, `.docx`, and `.doc` and `.wps`, which
//! are not read but named, so that no report is skipped unseen).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "htm", "html", "pdf", "docx", "doc", "wps"];

/// Every report file under `paths`, folders walked recursively, in a stable order.
/// A file named directly is taken whatever its extension.
pub fn report_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            path: dir.to_owned(),
            source,
        })?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| REPORT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}
