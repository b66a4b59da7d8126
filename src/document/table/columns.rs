//! Table columns: which column a header cell heads, by the words of
//! `columns.toml` beside this file (data, with examples a test checks).

use serde::Deserialize;
use std::sync::LazyLock;

/// What a header cell heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Column {
    Label,
    /// `指标类型` (预期性 / 约束性), `属性`.
    Kind,
    Unit,
    Plan,
    /// `完成情况`: a result column, or the parent of `完成数 / 同比增长`.
    Outcome,
    /// `完成数`, `绝对数`: the level reached.
    Level,
    /// `同比增长`, `增速`: the rise.
    Growth,
    Other,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnFile {
    header: Vec<String>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    header_examples: Vec<String>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    header_not: Vec<String>,
    column: Vec<ColumnWords>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnWords {
    name: Column,
    words: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    examples: Vec<String>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code))]
    not: Vec<String>,
}

impl ColumnWords {
    fn heads(&self, text: &str) -> bool {
        self.words.iter().any(|w| text.contains(w.as_str()))
            && !self.unless.iter().any(|w| text.contains(w.as_str()))
    }
}

const COLUMN_FILE: &str = include_str!("columns.toml");

/// The words of `columns.toml`; a file that does not parse reads no table
/// (the unit test below keeps it parsing).
static COLUMNS: LazyLock<ColumnFile> = LazyLock::new(|| {
    toml::from_str(COLUMN_FILE).unwrap_or(ColumnFile {
        header: Vec::new(),
        header_examples: Vec::new(),
        header_not: Vec::new(),
        column: Vec::new(),
    })
});

/// The column a header cell heads: the first in `columns.toml` whose words
/// it has.
pub fn column_of(text: &str) -> Column {
    COLUMNS
        .column
        .iter()
        .find(|c| c.heads(text))
        .map_or(Column::Other, |c| c.name)
}

/// The cell has the words of `column` (whatever other column it may head too).
pub fn has_words_of(column: Column, text: &str) -> bool {
    COLUMNS
        .column
        .iter()
        .any(|c| c.name == column && c.heads(text))
}

/// The cell has a word of a table header.
pub fn has_header_word(text: &str) -> bool {
    COLUMNS.header.iter().any(|w| text.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> ColumnFile {
        toml::from_str(COLUMN_FILE).expect("columns.toml parses")
    }

    #[test]
    fn every_example_heads_its_column() {
        let file = file();
        assert!(!file.column.is_empty());
        for c in &file.column {
            assert!(!c.examples.is_empty(), "{:?} has no example", c.name);
            for e in &c.examples {
                assert_eq!(column_of(e), c.name, "{e}");
            }
            for e in &c.not {
                assert_ne!(column_of(e), c.name, "{e}");
            }
        }
    }

    #[test]
    fn header_examples_are_header_cells_and_the_rest_are_not() {
        let file = file();
        for e in &file.header_examples {
            assert!(has_header_word(e), "{e}");
        }
        for e in &file.header_not {
            assert!(!has_header_word(e), "{e}");
        }
    }

    #[test]
    fn a_cell_of_no_column_is_other() {
        assert_eq!(column_of("备注"), Column::Other);
        assert_eq!(column_of("预期性"), Column::Other);
    }
}
