//! Normalise: the view of a report that all matching runs on. One pass over
//! the decoded text folds full-width digits, letters and punctuation to ASCII
//! (`，`→`,`, `（`→`(`, `０`→`0`; `、。“”` stay), folds whitespace within a
//! line (dropped between two CJK characters, else one space; none at either
//! end of a line), keeps every line break so line numbers agree with the
//! original, drops invisible characters and the pinyin readings mirror sites
//! insert after characters (`區(qū)`). The same pass counts characters that
//! exist only in traditional script; only when there are enough of them is
//! the text converted to simplified script (see `script`). Last, the
//! variant fix-up table from the rule files is applied (see `variants`).
//! Every step keeps the map from normalised bytes back to the original.

mod classes;
mod fold;

use super::cues::Cues;
use super::mapped::Mapped;
use super::script;
use super::variants::Variants;
use fold::fold;
use std::sync::{Arc, OnceLock};

/// Longest pinyin reading (in characters, parentheses excluded) that is dropped.
const MAX_PINYIN: usize = 12;

/// Letters with tone marks that only pinyin uses; a reading must contain one,
/// so that `(km)` or `(GDP)` after a character are never taken for pinyin.
const TONE_LETTERS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// Builds the normalised view of reports, and carries the structure cues
/// they are read with. Built once from the rule set and shared by reference
/// across threads.
#[derive(Debug)]
pub struct Normaliser {
    variants: Variants,
    /// The cues given by `with_cues`, else the default ones, built only
    /// when first asked for (building cues is costly and the extractor
    /// always brings its own).
    cues: OnceLock<Arc<Cues>>,
}

/// Why a normaliser could not be built.
#[derive(Debug, thiserror::Error)]
pub enum NormaliserError {
    #[error("cannot build the variant table: {0}")]
    Variants(#[from] aho_corasick::BuildError),
}

/// A normalised text with its map back to the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    pub text: String,
    /// For each byte of `text`, and one past the end, the source byte it came from.
    pub offsets: Vec<u32>,
    /// Whether the source was in traditional script (and so was converted).
    pub traditional: bool,
}

impl Normaliser {
    /// A normaliser applying the `(from, to)` variant spellings after script
    /// conversion (later pairs override earlier ones with the same `from`).
    pub fn new(variants: &[(String, String)]) -> Result<Normaliser, NormaliserError> {
        Ok(Normaliser {
            variants: Variants::new(variants)?,
            cues: OnceLock::new(),
        })
    }

    /// A normaliser whose reports are read with these structure cues.
    pub fn with_cues(mut self, cues: Arc<Cues>) -> Normaliser {
        self.cues = OnceLock::from(cues);
        self
    }

    /// The structure cues reports are read with.
    pub fn cues(&self) -> &Arc<Cues> {
        self.cues.get_or_init(Cues::default_cues)
    }

    /// The normalised view of `original`.
    #[inline(never)]
    pub fn normalise(&self, original: &str) -> Normalised {
        let (folded, census) = fold(original);
        let traditional = census.is_traditional();
        let converted = if traditional {
            script::to_simplified(folded)
        } else {
            folded
        };
        let Mapped { text, offsets } = self.variants.apply(converted);
        Normalised {
            text,
            offsets,
            traditional,
        }
    }
}

/// Counts of Han characters seen during the folding pass.
#[derive(Debug, Default, Clone, Copy)]
struct Census {
    han: usize,
    traditional_only: usize,
}

impl Census {
    fn is_traditional(self) -> bool {
        script::is_traditional(self.han, self.traditional_only)
    }
}

/// Full-width ASCII forms (U+FF01–U+FF5E) become their ASCII twins, and the
/// minus sign U+2212 the hyphen-minus (`下降−3.2%` is a fall of 3.2).
#[inline]
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{2212}' => '-',
        _ => c,
    }
}

/// Characters that take no room and carry no meaning: controls, zero-width
/// spaces and joiners, stray byte-order marks.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// A Han character (the CJK unified ideograph blocks and compatibility ideographs).
#[inline]
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Characters set solid in Chinese text: between two of them a space is an
/// artefact of copying, not a word break.
#[inline]
fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF65}'
            | '\u{2018}'..='\u{201D}'
            | '\u{2014}' | '\u{2026}' | '\u{00B7}')
}

/// Length in bytes of a pinyin reading such as `(qū)` or `（yù）` at the start
/// of `s`, if there is one.
fn pinyin_reading(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let mut toned = false;
    for (n, (i, c)) in chars.enumerate() {
        if n > MAX_PINYIN {
            return None;
        }
        match c {
            ')' | '）' => return (toned && n > 0).then(|| i + c.len_utf8()),
            'a'..='z' | ' ' | 'ü' => {}
            _ if TONE_LETTERS.contains(c) => toned = true,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests;
