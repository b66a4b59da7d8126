//! Script: traditional → simplified conversion for reports written (or
//! mirrored) in traditional script. Runs after the folding pass and only when
//! that pass counted enough characters that exist only in traditional script:
//! converting simplified text damages names (`乾相生物` → `干相生物`) and
//! costs time.
//!
//! The conversion is OpenCC's `T2s` (not `Tw2sp`, which would rewrite
//! simplified words too: 新增 → 添加), from its own dictionaries turned into
//! data (`data/t2s-characters.tsv`, `data/t2s-phrases.tsv`, see
//! data/README.md): at each character the longest phrase that starts there
//! wins, else the character's own simplified form, else it is kept. Only
//! characters that have a simplified form or begin a phrase are looked at
//! twice; the rest are copied as runs. Tests and the bench hold the result
//! equal to the ferrous-opencc crate's `T2s` on every fixture.

use super::mapped::Mapped;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A text counts as traditional when at least one Han character in this many
/// exists only in traditional script. Traditional reports score about one in
/// three; simplified ones about one in ten thousand (a name such as 乾相).
const TRADITIONAL_ONE_IN: usize = 20;

/// First and last code point of the census of traditional-only characters
/// (the CJK unified ideographs block, where all common ones live).
const CENSUS_FIRST: u32 = 0x4E00;
const CENSUS_LAST: u32 = 0x9FFF;

/// First and last code point of the dense part of the conversion table
/// (CJK punctuation, extension A and the unified ideographs); the few
/// characters outside it (extension B and later) are searched in a list.
const DENSE_FIRST: u32 = 0x3000;
const DENSE_LAST: u32 = 0x9FFF;

const CHARACTERS: &str = include_str!("../../data/t2s-characters.tsv");
const PHRASES: &str = include_str!("../../data/t2s-phrases.tsv");

/// The conversion table, built once per process from the data files.
#[derive(Debug)]
struct Table {
    /// For each code point of the dense range, its simplified form (itself
    /// when it has none).
    dense: Vec<char>,
    /// For each code point of the dense range, whether a phrase starts with it.
    phrase_first: Vec<u64>,
    /// Characters outside the dense range that have a simplified form, sorted.
    other: Vec<(char, char)>,
    /// Phrases by their first character, longest first.
    phrases: HashMap<char, Vec<(&'static str, &'static str)>>,
}

/// What conversion does at one character.
enum Step {
    /// The character stays as it is.
    Keep,
    /// The character becomes another.
    Char(char),
    /// A phrase of this many bytes becomes this text (as many characters).
    Phrase(usize, &'static str),
}

impl Table {
    fn build() -> Table {
        let size = (DENSE_LAST - DENSE_FIRST + 1) as usize;
        let mut table = Table {
            dense: (DENSE_FIRST..=DENSE_LAST)
                .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                .collect(),
            phrase_first: vec![0; size.div_ceil(64)],
            other: Vec::new(),
            phrases: HashMap::new(),
        };
        for (from, to) in entries(CHARACTERS) {
            let (Some(from), Some(to)) = (single(from), single(to)) else {
                continue;
            };
            match dense_index(from) {
                Some(i) => {
                    if let Some(slot) = table.dense.get_mut(i) {
                        *slot = to;
                    }
                }
                None => table.other.push((from, to)),
            }
        }
        table.other.sort_unstable();
        for (from, to) in entries(PHRASES) {
            // Each output character maps to its source character.
            if from.chars().count() != to.chars().count() {
                continue;
            }
            let Some(first) = from.chars().next() else {
                continue;
            };
            if let Some(i) = dense_index(first) {
                if let Some(word) = table.phrase_first.get_mut(i / 64) {
                    *word |= 1 << (i % 64);
                }
            }
            table.phrases.entry(first).or_default().push((from, to));
        }
        for list in table.phrases.values_mut() {
            list.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
        }
        table
    }

    /// The simplified form of `c` on its own.
    #[inline]
    fn character(&self, c: char) -> char {
        match dense_index(c) {
            Some(i) => self.dense.get(i).copied().unwrap_or(c),
            None => self
                .other
                .binary_search_by_key(&c, |&(from, _)| from)
                .ok()
                .and_then(|k| self.other.get(k))
                .map_or(c, |&(_, to)| to),
        }
    }

    /// What happens to the character `c` that starts `rest`.
    #[inline]
    fn step(&self, c: char, rest: &str) -> Step {
        let starts_phrase = match dense_index(c) {
            Some(i) => self
                .phrase_first
                .get(i / 64)
                .is_some_and(|w| w & (1 << (i % 64)) != 0),
            None => self.phrases.contains_key(&c),
        };
        if starts_phrase {
            let found = self.phrases.get(&c).and_then(|list| {
                list.iter()
                    .find(|(from, _)| rest.starts_with(from))
                    .map(|&(from, to)| Step::Phrase(from.len(), to))
            });
            if let Some(step) = found {
                return step;
            }
        }
        match self.character(c) {
            to if to == c => Step::Keep,
            to => Step::Char(to),
        }
    }
}

fn dense_index(c: char) -> Option<usize> {
    let code = c as u32;
    (DENSE_FIRST..=DENSE_LAST)
        .contains(&code)
        .then(|| (code - DENSE_FIRST) as usize)
}

/// `(traditional, simplified)` pairs of a data file (comments skipped).
fn entries(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::build)
}

/// One bit per character of the census range: set when the character has a
/// different simplified form on its own.
fn traditional_table() -> &'static [u64] {
    static BITS: OnceLock<Vec<u64>> = OnceLock::new();
    BITS.get_or_init(|| {
        let table = table();
        let mut bits = vec![0u64; ((CENSUS_LAST - CENSUS_FIRST) / 64 + 1) as usize];
        for code in CENSUS_FIRST..=CENSUS_LAST {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if table.character(c) != c {
                let index = (code - CENSUS_FIRST) as usize;
                if let Some(word) = bits.get_mut(index / 64) {
                    *word |= 1 << (index % 64);
                }
            }
        }
        bits
    })
}

/// Tells characters that exist only in traditional script.
#[derive(Debug, Clone, Copy)]
pub struct TraditionalTable(&'static [u64]);

impl TraditionalTable {
    /// The table, built on first use from the conversion data.
    pub fn get() -> TraditionalTable {
        TraditionalTable(traditional_table())
    }

    /// Whether `c` is a character that simplified script writes differently.
    #[inline]
    pub fn contains(self, c: char) -> bool {
        self.contains_code(c as u32)
    }

    /// Whether the character with code point `code` is one that simplified
    /// script writes differently.
    #[inline]
    pub fn contains_code(self, code: u32) -> bool {
        if !(CENSUS_FIRST..=CENSUS_LAST).contains(&code) {
            return false;
        }
        let index = (code - CENSUS_FIRST) as usize;
        self.0
            .get(index / 64)
            .is_some_and(|word| word & (1 << (index % 64)) != 0)
    }
}

/// Whether a text with `han` Han characters, `traditional_only` of them
/// traditional-only, is written in traditional script.
pub fn is_traditional(han: usize, traditional_only: usize) -> bool {
    traditional_only > 0 && traditional_only * TRADITIONAL_ONE_IN >= han
}

/// `text` in simplified script, converted as reports are (OpenCC's `T2s`).
pub fn simplified(text: &str) -> String {
    let mut m = Mapped::with_capacity(text.len());
    m.push_run(text, &vec![0; text.len()]);
    to_simplified(m.finish(text.len())).text
}

/// Converts a mapped text to simplified script. Conversion keeps the number
/// of characters, so each output character keeps the offset of the source
/// character it replaces; runs that need no change are copied whole.
#[inline(never)]
pub fn to_simplified(input: Mapped) -> Mapped {
    let table = table();
    let text = input.text.as_str();
    let bytes = text.as_bytes();
    let offsets = input.offsets.as_slice();
    let mut out = Mapped::with_capacity(text.len());
    // Start of the run copied unchanged so far.
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(rest) = text.get(i..) else {
            break; // Not a character boundary: cannot happen on a `str`.
        };
        let Some(c) = rest.chars().next() else {
            break;
        };
        let step = table.step(c, rest);
        if let Step::Keep = step {
            i += c.len_utf8();
            continue;
        }
        out.push_run(
            text.get(run..i).unwrap_or_default(),
            offsets.get(run..i).unwrap_or_default(),
        );
        let from = |k: usize| offsets.get(i + k).copied().unwrap_or(0) as usize;
        let used = match step {
            Step::Keep => c.len_utf8(),
            Step::Char(to) => {
                out.push(to, from(0));
                c.len_utf8()
            }
            Step::Phrase(len, phrase) => {
                let sources = rest.char_indices().map(|(k, _)| k);
                for (simple, k) in phrase.chars().zip(sources) {
                    out.push(simple, from(k));
                }
                len
            }
        };
        i += used;
        run = i;
    }
    out.push_run(
        text.get(run..).unwrap_or_default(),
        offsets.get(run..text.len()).unwrap_or_default(),
    );
    let end = offsets.last().copied().unwrap_or(0) as usize;
    out.finish(end)
}

#[cfg(test)]
mod tests;
