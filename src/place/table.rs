//! The division table: every province, prefecture-level and county-level
//! unit with its code, level and parent, current and historical, compiled in
//! from `data/divisions.tsv` (made by `scripts/divisions.py`; see
//! `data/README.md`) and parsed once, on first use.

use super::{Level, Place};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The table as shipped.
const SOURCE: &str = include_str!("../../data/divisions.tsv");

/// One row of the table: a division under one name over some years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Index of the parent row; none for a province.
    parent: Option<usize>,
    /// First snapshot year of the source that lists this name.
    pub first: u16,
    /// Last snapshot year that lists it; none while it is current.
    pub last: Option<u16>,
}

/// Every division, in code order.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Division>,
    by_code: HashMap<String, Vec<usize>>,
    /// Lines of the source that could not be read (a test keeps it empty).
    pub problems: Vec<String>,
}

/// The shipped table.
pub fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::parse(SOURCE))
}

impl Table {
    /// Reads the TSV form (`code name level parent first last`, a header line).
    pub fn parse(source: &str) -> Table {
        // Sized once: the table is parsed at the start of every run.
        let lines = source.lines().count();
        let mut table = Table {
            rows: Vec::with_capacity(lines),
            by_code: HashMap::with_capacity(lines),
            problems: Vec::new(),
        };
        let mut parents: Vec<Option<&str>> = Vec::with_capacity(lines);
        let mut f: Vec<&str> = Vec::with_capacity(8);
        for (i, line) in source.lines().enumerate().skip(1) {
            f.clear();
            f.extend(line.split('\t'));
            let level = match f.get(2).copied() {
                Some("province") => Some(Level::Province),
                Some("city") => Some(Level::City),
                Some("county") => Some(Level::County),
                _ => None,
            };
            let first = f.get(4).and_then(|y| y.parse().ok());
            let last = match f.get(5).copied() {
                Some("") => Some(None),
                Some(y) => y.parse().ok().map(Some),
                None => None,
            };
            let (Some(level), Some(first), Some(last), true) = (level, first, last, f.len() == 6)
            else {
                table.problems.push(format!("line {}: {line}", i + 1));
                continue;
            };
            let code = f[0].to_owned();
            table
                .by_code
                .entry(code.clone())
                .or_default()
                .push(table.rows.len());
            parents.push(Some(f[3]).filter(|p| !p.is_empty()));
            table.rows.push(Division {
                code,
                name: f[1].to_owned(),
                level,
                parent: None,
                first,
                last,
            });
        }
        for (i, parent) in parents.into_iter().enumerate() {
            let Some(parent) = parent else { continue };
            let (first, last) = (table.rows[i].first, table.rows[i].last);
            // The parent row of the same years: a county renamed with its
            // city keeps the city's name of its own time.
            let row = table.by_code.get(parent).and_then(|rows| {
                rows.iter()
                    .copied()
                    .find(|&p| overlaps((first, last), (table.rows[p].first, table.rows[p].last)))
                    .or_else(|| rows.last().copied())
            });
            match row {
                Some(p) => table.rows[i].parent = Some(p),
                None => table.problems.push(format!(
                    "{}: parent {parent} not in the table",
                    table.rows[i].code
                )),
            }
        }
        table
    }

    /// Every row, in code order.
    pub fn rows(&self) -> &[Division] {
        &self.rows
    }

    /// The row at `index`.
    pub fn row(&self, index: usize) -> &Division {
        &self.rows[index]
    }

    /// The current row of `code` (or its latest one).
    pub fn by_code(&self, code: &str) -> Option<&Division> {
        let rows = self.by_code.get(code)?;
        rows.iter()
            .map(|&i| &self.rows[i])
            .find(|d| d.last.is_none())
            .or_else(|| rows.last().map(|&i| &self.rows[i]))
    }

    /// Index of the row `d` (rows are compared by address: they live in the table).
    fn index_of(&self, d: &Division) -> Option<usize> {
        let rows = self.by_code.get(&d.code)?;
        rows.iter()
            .copied()
            .find(|&i| std::ptr::eq(&self.rows[i], d))
    }

    /// The parent row of `d`.
    pub fn parent(&self, d: &Division) -> Option<&Division> {
        self.parent_index(self.index_of(d)?).map(|p| &self.rows[p])
    }

    /// Index of the parent of row `index`.
    pub fn parent_index(&self, index: usize) -> Option<usize> {
        self.rows.get(index)?.parent
    }

    /// Whether row `ancestor` is row `index`'s parent, grandparent….
    pub fn is_ancestor(&self, ancestor: usize, index: usize) -> bool {
        let mut at = self.parent_index(index);
        while let Some(p) = at {
            if p == ancestor || self.rows[p].code == self.rows[ancestor].code {
                return true;
            }
            at = self.parent_index(p);
        }
        false
    }

    /// The place of row `index`: its code, full name and short name.
    pub fn place(&self, index: usize) -> Place {
        let d = &self.rows[index];
        let mut chain = vec![index];
        let mut at = d.parent;
        while let Some(p) = at {
            chain.push(p);
            at = self.rows[p].parent;
        }
        let name: String = chain
            .iter()
            .rev()
            .map(|&i| self.rows[i].name.as_str())
            .collect();
        Place {
            code: d.code.clone(),
            name,
            short: d.name.clone(),
            level: d.level,
            parent: d.parent.map(|p| self.rows[p].code.clone()),
        }
    }

    /// The place of the current row of `code`.
    pub fn place_of_code(&self, code: &str) -> Option<Place> {
        let d = self.by_code(code)?;
        self.index_of(d).map(|i| self.place(i))
    }
}

fn overlaps(a: (u16, Option<u16>), b: (u16, Option<u16>)) -> bool {
    let end = |x: Option<u16>| x.unwrap_or(u16::MAX);
    a.0 <= end(b.1) && b.0 <= end(a.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_reads_whole_sorted_with_unique_codes_and_known_parents() {
        let t = table();
        assert!(t.problems.is_empty(), "{:?}", t.problems);
        assert!(t.rows().len() > 3000);
        // Sorted by code, then by the first year; one row per code and name.
        let keys: Vec<(&str, u16)> = t
            .rows()
            .iter()
            .map(|d| (d.code.as_str(), d.first))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        let mut pairs: Vec<(&str, &str)> = t
            .rows()
            .iter()
            .map(|d| (d.code.as_str(), d.name.as_str()))
            .collect();
        pairs.sort();
        let n = pairs.len();
        pairs.dedup();
        assert_eq!(pairs.len(), n, "a code and name listed twice");
        // One current row per code.
        let mut current: Vec<&str> = t
            .rows()
            .iter()
            .filter(|d| d.last.is_none())
            .map(|d| d.code.as_str())
            .collect();
        let n = current.len();
        current.dedup();
        assert_eq!(current.len(), n, "a code current under two names");
        for (i, d) in t.rows().iter().enumerate() {
            assert_eq!(d.code.len(), 6, "{d:?}");
            assert!(d.code.bytes().all(|b| b.is_ascii_digit()), "{d:?}");
            match d.level {
                Level::Province => assert!(t.parent_index(i).is_none(), "{d:?}"),
                _ => {
                    let p = t.parent(d).expect("a parent");
                    assert!(p.level < d.level, "{d:?} under {p:?}");
                    assert_eq!(p.code[..2], d.code[..2], "{d:?} under {p:?}");
                }
            }
        }
    }

    #[test]
    fn full_names_run_from_the_province_down() {
        let t = table();
        let p = t.place_of_code("440111").unwrap();
        assert_eq!(p.name, "广东省广州市白云区");
        assert_eq!(p.short, "白云区");
        assert_eq!(p.level, Level::County);
        assert_eq!(p.parent.as_deref(), Some("440100"));
        assert_eq!(t.place_of_code("110105").unwrap().name, "北京市朝阳区");
        assert_eq!(t.place_of_code("429004").unwrap().name, "湖北省仙桃市");
        assert_eq!(t.place_of_code("150000").unwrap().level, Level::Province);
        // A renamed county keeps its old row: 双流县 became 双流区 in 2016.
        assert_eq!(t.place_of_code("510122").unwrap().short, "双流县");
        assert_eq!(t.place_of_code("510116").unwrap().short, "双流区");
    }
}
