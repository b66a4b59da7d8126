//! Wording: the word lists that reading a match relies on (the words that
//! make a number a target, a hedge, a result so far, a figure for several
//! years…), as `[wording.NAME]` tables of a rule file. The default lists are
//! in `rules/wording.toml`; a `--rules` folder adds words to a list, or
//! replaces it (`replace = true`). See docs/rules.md, "`[wording]`".

use serde::Deserialize;
use toml::Spanned;

/// One named list as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    /// The words, as reports write them (simplified script).
    pub words: Vec<Spanned<String>>,
    /// Replace the list of earlier files (the defaults) instead of adding to it.
    #[serde(default)]
    pub replace: bool,
    /// Sentences from reports that hold a word of the list.
    #[serde(default)]
    pub examples: Vec<Spanned<String>>,
    /// Lines looked back over (only `five_year_openers`).
    #[serde(default)]
    pub reach_lines: Option<Spanned<usize>>,
}

/// The list that takes `reach_lines`.
pub const REACH_LIST: &str = "five_year_openers";

macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// The `[wording]` table of a rule file: one optional list per concept.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct WordingTables {
            $($(#[$doc])* #[serde(default)] pub $name: Option<WordList>,)*
        }

        impl WordingTables {
            /// Every list name, in schema order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The lists the file writes, with their names.
            pub fn lists(&self) -> Vec<(&'static str, &WordList)> {
                let mut out = Vec::new();
                $(if let Some(list) = &self.$name {
                    out.push((stringify!($name), list));
                })*
                out
            }
        }

        /// The word lists in effect: those of every file, merged in order.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct Wording {
            $($(#[$doc])* pub $name: Vec<String>,)*
            /// Lines looked back over for the opener of a five-year stretch.
            pub five_year_reach_lines: usize,
        }

        impl Wording {
            /// Adds the lists of one file: each word once, in file order,
            /// after the words of earlier files unless the list replaces them.
            pub fn add(&mut self, tables: &WordingTables) {
                $(if let Some(list) = &tables.$name {
                    merge(&mut self.$name, list);
                })*
                if let Some(lines) = tables.five_year_openers.as_ref().and_then(|l| l.reach_lines.as_ref()) {
                    self.five_year_reach_lines = *lines.get_ref();
                }
            }
        }
    };
}

word_lists! {
    /// Words that mark a number as a target rather than a result.
    plan_cues,
    /// Words right after a term that make a value before it a restated target.
    target_nouns,
    /// Commitment words recorded as the hedge, as written (the last one before the value).
    hedges,
    /// Words in a plan part that mark a number as a result so far.
    achieved,
    /// Words that make a number a target or a figure for several years.
    multi_year,
    /// Words opening a paragraph about the whole period under review.
    five_year_openers,
    /// Words opening a paragraph about one year, which end a five-year stretch.
    one_year_openers,
    /// Words that make a result an estimate, recorded as its hedge.
    estimate,
    /// Words before a flow's term that sum several years.
    cumulative,
    /// Words that open the starting point of a change (`从A增加到B`).
    change_from,
    /// Words after a starting point that lead to the figure reached.
    change_to,
    /// Words after a rate that make it the base of the next one.
    basis,
    /// Words that put a rate in one month or quarter.
    one_month,
    /// Words opening a clause about a part of what came before.
    subset,
    /// Words that let a value in a later clause continue the subject of an earlier one.
    continuations,
    /// Words that restate a figure on another basis (a second rate may follow).
    other_basis,
    /// Words before a rate in a later clause that give it no subject of its own.
    rate_qualifiers,
    /// Conjunctions that join a new item to a list.
    coordinators,
    /// Wider areas whose rates reports quote beside their own.
    other_areas,
    /// Words that announce a `分别` enumeration.
    respectively,
    /// Separators allowed between the values of an enumeration.
    value_separators,
    /// Separators between the names listed before an enumeration's word.
    name_separators,
}

fn merge(into: &mut Vec<String>, list: &WordList) {
    if list.replace {
        into.clear();
    }
    for word in &list.words {
        if !into.iter().any(|w| w == word.get_ref()) {
            into.push(word.get_ref().clone());
        }
    }
}
