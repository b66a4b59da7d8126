//! Wording: the word lists that reading a match relies on (the words that
//! make a number a target, a hedge, a result so far, a figure for several
//! years…), as `[wording.NAME]` tables of a rule file. The default lists are
//! in `rules/wording.toml`; a `--rules` folder adds words to a list, or
//! replaces it (`replace = true`). See docs/rules.md, "`[wording]`".

use aho_corasick::AhoCorasick;
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
            $($(#[$doc])* pub $name: Words,)*
            /// Lines looked back over for the opener of a five-year stretch.
            pub five_year_reach_lines: usize,
        }

        impl Wording {
            /// Adds the lists of one file: each word once, in file order,
            /// after the words of earlier files unless the list replaces them.
            pub fn add(&mut self, tables: &WordingTables) {
                $(if let Some(list) = &tables.$name {
                    self.$name.merge(list);
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

/// One word list in effect, in order, with one automaton over all its
/// words: the lists are searched for in every candidate sentence, and one
/// pass of the automaton costs less than building a substring searcher for
/// each word. It reads as the slice of its words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    words: Vec<String>,
    /// Every occurrence of every word (standard, overlapping matching);
    /// `None` for an empty list.
    search: Option<AhoCorasick>,
}

impl Words {
    /// A list of `words`, in the order given.
    pub fn new(words: Vec<String>) -> Words {
        // Building fails only past the automaton's limit of states, which
        // is millions of times the size of any word list.
        let search = (!words.is_empty())
            .then(|| AhoCorasick::new(&words).ok())
            .flatten();
        Words { words, search }
    }

    /// Adds the words of one file's list: each word once, in file order,
    /// after the words already in effect unless the list replaces them.
    fn merge(&mut self, list: &WordList) {
        let mut words = std::mem::take(&mut self.words);
        if list.replace {
            words.clear();
        }
        for word in &list.words {
            if !words.iter().any(|w| w == word.get_ref()) {
                words.push(word.get_ref().clone());
            }
        }
        *self = Words::new(words);
    }

    /// Every occurrence in `text`: (start, index of the word).
    fn occurrences<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.search
            .iter()
            .flat_map(move |ac| ac.find_overlapping_iter(text))
            .map(|m| (m.start(), m.pattern().as_usize()))
    }

    /// Whether a word of the list stands in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.search.as_ref().is_some_and(|ac| ac.is_match(text))
    }

    /// Where the first word of the list to occur in `text` starts.
    pub fn first_in(&self, text: &str) -> Option<usize> {
        self.occurrences(text).map(|(start, _)| start).min()
    }

    /// The word of the list that occurs last in `text` (of two starting at
    /// one place, the later in the list), with where it starts.
    pub fn last_in(&self, text: &str) -> Option<(usize, &str)> {
        self.occurrences(text)
            .max()
            .and_then(|(start, word)| Some((start, self.words.get(word)?.as_str())))
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.words == other.words
    }
}

impl Eq for Words {}

impl std::ops::Deref for Words {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.words
    }
}
