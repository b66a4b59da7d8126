//! Place: which government a report is of, identified by its code in the
//! national list of administrative divisions (GB/T 2260). A stage of reading
//! a document, after normalising: `table` holds the division list compiled
//! in from `data/divisions.tsv`, `names` the names and short names reports
//! write them by, `identify` finds the reporting government in a report's
//! text, `query` resolves what a user types (`白云`, `广州市白云区`,
//! `440111`) and `catalog` reads the place of documents that name none.

mod catalog;
mod context;
mod finder;
mod identify;
mod names;
mod query;
mod table;

pub use catalog::{Catalog, CatalogError};
pub use identify::identify;
pub use query::{resolve, QueryError};
pub use table::{table, Division, Table};

use serde::{Deserialize, Serialize};

/// The level of a division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Province, autonomous region or municipality (广东省, 内蒙古自治区, 北京市).
    Province,
    /// Prefecture-level unit (广州市, 恩施土家族苗族自治州, 锡林郭勒盟).
    City,
    /// County-level unit (白云区, 木兰县, 福安市, 苏尼特右旗, 秀山土家族苗族自治县).
    County,
}

impl Level {
    /// The word used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Place {
    /// The report's word for the whole place: `全` and the last character
    /// of its name (`全省`, `全市`, `全区`, `全县`, `全旗`, `全州`, `全盟`).
    pub fn own_word(&self) -> Option<String> {
        self.short.chars().last().map(|c| format!("全{c}"))
    }
}

/// A reporting government.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// Six-digit GB/T 2260 code (`440111`).
    pub code: String,
    /// Full name, from the province down (`广东省广州市白云区`).
    pub name: String,
    /// The division's own name (`白云区`).
    pub short: String,
    pub level: Level,
    /// Code of the division it belongs to (`440100`); none for a province.
    pub parent: Option<String>,
}

impl Place {
    /// Words a report uses for a wider area than this place, whose figures
    /// it quotes for comparison (`全市` in a district's report, `全国` in
    /// any): `全` and the last character of each ancestor's name, never
    /// this place's own (a county-level city's `全市` is itself).
    pub fn wider_areas(&self) -> Vec<String> {
        let table = table();
        let own = self.short.chars().last();
        let own_word = self.own_word();
        let mut out: Vec<String> = Vec::new();
        let mut at = table.by_code(&self.code).and_then(|d| table.parent(d));
        while let Some(d) = at {
            if let Some(c) = d.name.chars().last().filter(|c| Some(*c) != own) {
                let word = format!("全{c}");
                if !out.contains(&word) && Some(&word) != own_word.as_ref() {
                    out.push(word);
                }
            }
            at = table.parent(d);
        }
        out
    }
}
