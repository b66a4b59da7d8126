//! Input: turns the paths given on the command line into the list of report
//! files to read (folders walked recursively for the formats reports come
//! in: `.txt`, `.htm`, `.html`, `.pdf`, `.docx`, and `.doc` and `.wps`, which
//! are not read but named, so that no report is skipped unseen).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "htm", "html", "pdf", "docx", "doc", "wps"];

/// Every report file under `paths`, folders walked recursively, in a stable order.
/// A file named directly is taken whatever its extension. A path that does
/// not exist is an error; a folder that cannot be read is listed as an
/// entry of its own, which reading then names and skips.
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
            found.dedup();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Walks `dir`. A folder that cannot be listed (no permission, a path past
/// PATH_MAX, an entry that cannot be examined) goes into the list itself:
/// reading it fails, so it is named and skipped and the run goes on.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push(dir.to_owned());
        return Ok(());
    };
    for entry in entries {
        let Ok(entry) = entry else {
            out.push(dir.to_owned());
            continue;
        };
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            out.push(path);
            continue;
        };
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| REPORT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            // Links, devices, FIFOs and sockets too: reading refuses all but
            // a regular file (after following a link) and names the rest.
            out.push(path);
        }
    }
    Ok(())
}
