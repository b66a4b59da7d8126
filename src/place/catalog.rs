//! Catalogue: the places of documents given by the user, for reports whose
//! text names no place (a county's report that only says `全县`, its place
//! known from the site it came from). A catalogue is a TSV file with a
//! header naming at least the columns `doc` (the file stem) and `place` (a
//! code, a full name or a short name only one division has); other columns
//! are ignored, but for `name`: a place the division table does not have (a
//! division newer than the table, or an invented one in test data) is given
//! by a six-digit code of its own in `place` and its name in `name`, and is
//! taken as a county-level unit. One is read from `--catalog FILE` and from any `catalog.tsv`
//! in a folder holding reports; a place given there overrides what the text
//! says, the `--catalog` file before the folder's own.

use super::names::suffix_of;
use super::query::{resolve, QueryError};
use super::{Level, Place};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file name looked for beside the reports.
pub const FOLDER_CATALOG: &str = "catalog.tsv";

/// A catalogue that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: the header needs the columns `doc` and `place`")]
    Header { path: PathBuf },
    #[error("{path}:{line}: {source}")]
    Place {
        path: PathBuf,
        line: usize,
        source: QueryError,
    },
}

/// Places by document.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    /// From `--catalog`: by file stem.
    given: HashMap<String, Place>,
    /// From `catalog.tsv` files: by folder and file stem.
    folders: HashMap<(PathBuf, String), Place>,
}

impl Catalog {
    /// Reads `given` (if any) and the `catalog.tsv` of every folder that
    /// holds one of `files`.
    pub fn load(given: Option<&Path>, files: &[PathBuf]) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::default();
        if let Some(path) = given {
            catalog.given = read(path)?;
        }
        let mut folders: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        folders.sort();
        folders.dedup();
        for folder in folders {
            let path = folder.join(FOLDER_CATALOG);
            if path.is_file() {
                for (doc, place) in read(&path)? {
                    catalog.folders.insert((folder.to_owned(), doc), place);
                }
            }
        }
        Ok(catalog)
    }

    /// The place the catalogue gives the document at `path`.
    pub fn place(&self, path: &Path) -> Option<&Place> {
        let stem = path.file_stem()?.to_str()?;
        self.given.get(stem).or_else(|| {
            let folder = path.parent()?.to_owned();
            self.folders.get(&(folder, stem.to_owned()))
        })
    }

    /// Whether it gives no place at all.
    pub fn is_empty(&self) -> bool {
        self.given.is_empty() && self.folders.is_empty()
    }

    /// The place among those the catalogue gives that `query` names (its
    /// code, full name or own name), for places outside the table.
    pub fn find(&self, query: &str) -> Option<&Place> {
        let query = query.trim();
        self.given.values().chain(self.folders.values()).find(|p| {
            let stem = p.short.strip_suffix(suffix_of(&p.short));
            p.code == query || p.name == query || p.short == query || stem == Some(query)
        })
    }
}

fn read(path: &Path) -> Result<HashMap<String, Place>, CatalogError> {
    let text = std::fs::read_to_string(path).map_err(|source| CatalogError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let own_name = column("name");
    let (Some(doc), Some(place)) = (column("doc"), column("place")) else {
        return Err(CatalogError::Header {
            path: path.to_owned(),
        });
    };
    let mut out = HashMap::new();
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let name = fields.get(doc).map_or("", |s| s.trim());
        let query = fields.get(place).map_or("", |s| s.trim());
        if name.is_empty() || query.is_empty() {
            continue;
        }
        let name_given = own_name
            .and_then(|c| fields.get(c))
            .map_or("", |s| s.trim());
        let found = match resolve(query) {
            Err(QueryError::Unknown(_)) if is_code(query) && !name_given.is_empty() => Place {
                code: query.to_owned(),
                name: name_given.to_owned(),
                short: name_given.to_owned(),
                level: Level::County,
                parent: None,
            },
            found => found.map_err(|source| CatalogError::Place {
                path: path.to_owned(),
                line: i + 2,
                source,
            })?,
        };
        out.insert(name.to_owned(), found);
    }
    Ok(out)
}

fn is_code(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalogue_gives_places_by_code_or_name_and_names_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("places.tsv");
        std::fs::write(
            &file,
            "doc\tnote\tplace\nmulan-2022-annual\tfrom its site\t230127\nx\t\t鄞州区\n",
        )
        .unwrap();
        let c = Catalog::load(Some(&file), &[]).unwrap();
        let p = c.place(Path::new("any/mulan-2022-annual.txt")).unwrap();
        assert_eq!(p.name, "黑龙江省哈尔滨市木兰县");
        assert_eq!(c.place(Path::new("x.txt")).unwrap().code, "330212");
        std::fs::write(&file, "doc\tplace\nmulan\t白云区\n").unwrap();
        let err = Catalog::load(Some(&file), &[]).unwrap_err().to_string();
        assert!(
            err.contains("places.tsv:2:") && err.contains("440111"),
            "{err}"
        );
        std::fs::write(&file, "name\tcode\n").unwrap();
        assert!(matches!(
            Catalog::load(Some(&file), &[]),
            Err(CatalogError::Header { .. })
        ));
    }

    #[test]
    fn a_folder_catalogue_is_found_beside_the_reports() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FOLDER_CATALOG), "doc\tplace\nr\t440111\n").unwrap();
        let report = dir.path().join("r.txt");
        let c = Catalog::load(None, std::slice::from_ref(&report)).unwrap();
        assert_eq!(c.place(&report).unwrap().code, "440111");
        assert!(c.place(&dir.path().join("other.txt")).is_none());
    }
}
