//! Document names: the short name each input file goes by in every output
//! (its file stem, qualified by the folders above it when two inputs of a
//! run share a stem: `a/r`, `b/r`), and file names written losslessly when
//! they are not UTF-8 (each byte that is not as `\xNN`, a backslash as `\\`).

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// `s` as text that names it exactly: unchanged when it is UTF-8 without a
/// backslash; otherwise backslashes doubled and stray bytes as `\xNN`.
pub fn lossless(s: &OsStr) -> String {
    let bytes = s.as_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\\') => text.to_owned(),
        _ => {
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(&chunk.valid().replace('\\', "\\\\"));
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            out
        }
    }
}

/// A path as text, losslessly (see [`lossless`]).
pub fn path_text(path: &Path) -> String {
    lossless(path.as_os_str())
}

/// The name of one file on its own: its stem.
pub fn stem(path: &Path) -> String {
    path.file_stem().map(lossless).unwrap_or_default()
}

/// The name of each of `files`, unique within the run: the stem, with as
/// many folders above it as it takes to tell apart files that share one.
/// The same path given twice keeps one name.
pub fn names(files: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = files.iter().map(|f| stem(f)).collect();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        by_name.entry(name.as_str()).or_default().push(i);
    }
    let clashes: Vec<Vec<usize>> = by_name.into_values().filter(|v| v.len() > 1).collect();
    for group in clashes {
        let folders: Vec<Vec<String>> = group
            .iter()
            .map(|&i| {
                let parent = files[i].parent().unwrap_or(Path::new(""));
                parent
                    .components()
                    .map(|c| lossless(c.as_os_str()))
                    .collect()
            })
            .collect();
        let deepest = folders.iter().map(Vec::len).max().unwrap_or(0);
        for depth in 1..=deepest {
            let qualified: Vec<String> = group
                .iter()
                .zip(&folders)
                .map(|(&i, dirs)| {
                    let from = dirs.len().saturating_sub(depth);
                    let mut parts = dirs[from..].to_vec();
                    parts.push(stem(&files[i]));
                    parts.join("/")
                })
                .collect();
            let distinct_names: HashSet<&String> = qualified.iter().collect();
            let distinct_files: HashSet<&PathBuf> = group.iter().map(|&i| &files[i]).collect();
            let done = distinct_names.len() == distinct_files.len() || depth == deepest;
            if done {
                for (&i, q) in group.iter().zip(qualified) {
                    names[i] = q;
                }
                break;
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(ps: &[&str]) -> Vec<PathBuf> {
        ps.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn clashing_stems_are_qualified_by_folder() {
        let got = names(&paths(&["x/a/r.txt", "x/b/r.txt", "x/a/s.txt"]));
        assert_eq!(got, ["a/r", "b/r", "s"]);
        let got = names(&paths(&["p/a/r.txt", "q/a/r.htm"]));
        assert_eq!(got, ["p/a/r", "q/a/r"]);
    }

    #[test]
    fn non_utf8_names_are_written_losslessly() {
        let raw = OsStr::from_bytes(b"r\xff\\x");
        assert_eq!(lossless(raw), "r\\xff\\\\x");
        assert_eq!(lossless(OsStr::new("白云区")), "白云区");
    }
}
