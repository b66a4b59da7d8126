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

use super::mapped::Mapped;
use super::script;
use super::variants::Variants;

/// Longest pinyin reading (in characters, parentheses excluded) that is dropped.
const MAX_PINYIN: usize = 12;

/// Letters with tone marks that only pinyin uses; a reading must contain one,
/// so that `(km)` or `(GDP)` after a character are never taken for pinyin.
const TONE_LETTERS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// Builds the normalised view of reports. Built once from the rule set and
/// shared by reference across threads.
#[derive(Debug)]
pub struct Normaliser {
    variants: Variants,
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
        })
    }

    /// The normalised view of `original`.
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

/// The single folding pass: width, whitespace, invisible characters, pinyin.
fn fold(original: &str) -> (Mapped, Census) {
    let mut out = Mapped::with_capacity(original.len());
    let mut census = Census::default();
    // Start of a whitespace run not yet written out.
    let mut pending_space: Option<usize> = None;
    let mut line_empty = true;
    let mut prev_wide = false;
    let mut prev_han = false;
    let mut skip_until = 0;
    let traditional = script::TraditionalTable::get();
    for (i, c) in original.char_indices() {
        if i < skip_until {
            continue;
        }
        // Fast path for the bulk of a report: a Han character needs no
        // folding and is always wide.
        if is_han(c) {
            if let Some(at) = pending_space.take() {
                if !line_empty && !prev_wide {
                    out.push(' ', at);
                }
            }
            out.push(c, i);
            line_empty = false;
            prev_wide = true;
            prev_han = true;
            census.han += 1;
            census.traditional_only += usize::from(traditional.contains(c));
            continue;
        }
        if c == '\n' {
            out.push('\n', i);
            pending_space = None;
            line_empty = true;
            prev_wide = false;
            prev_han = false;
            continue;
        }
        if c.is_whitespace() {
            pending_space.get_or_insert(i);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let folded = fold_width(c);
        if prev_han && (folded == '(') {
            if let Some(len) = original.get(i..).and_then(pinyin_reading) {
                skip_until = i + len;
                continue;
            }
        }
        let wide = is_wide(c);
        if let Some(at) = pending_space.take() {
            // A space between two wide characters is an artefact of copying.
            let solid = prev_wide && wide;
            if !line_empty && !solid {
                out.push(' ', at);
            }
        }
        out.push(folded, i);
        line_empty = false;
        prev_wide = wide;
        prev_han = false;
    }
    (out.finish(original.len()), census)
}

/// Full-width ASCII forms (U+FF01–U+FF5E) become their ASCII twins.
#[inline]
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
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
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        Normaliser::new(&[]).unwrap().normalise(s).text
    }

    #[test]
    fn full_width_forms_become_ascii() {
        assert_eq!(
            norm("增长２０．２％（同比），目标：５；"),
            "增长20.2%(同比),目标:5;"
        );
        assert_eq!(norm("“粤菜师傅”工程、新增。"), "“粤菜师傅”工程、新增。");
    }

    #[test]
    fn whitespace_folds_within_lines_and_lines_stay() {
        assert_eq!(
            norm("  一、上半年 \r\n局长 甘显超\n\nGDP   增长 7%  "),
            "一、上半年\n局长甘显超\n\nGDP 增长 7%"
        );
        assert_eq!(norm("新增\u{3000}学位\u{200B}5200个"), "新增学位5200个");
    }

    #[test]
    fn pinyin_readings_are_dropped_but_not_abbreviations() {
        assert_eq!(norm("白云區(qū)建设"), "白云区建设");
        assert_eq!(norm("白云区（qū yù）建设"), "白云区建设");
        assert_eq!(norm("地区生产总值(GDP)增长"), "地区生产总值(GDP)增长");
        assert_eq!(norm("长度(km)"), "长度(km)");
    }

    #[test]
    fn offsets_point_into_the_original() {
        let original = "目标：５，区(qū)";
        let n = Normaliser::new(&[]).unwrap().normalise(original);
        assert_eq!(n.text, "目标:5,区");
        assert_eq!(n.offsets.len(), n.text.len() + 1);
        let colon = n.text.find(':').unwrap();
        assert_eq!(&original[n.offsets[colon] as usize..], "：５，区(qū)");
        assert_eq!(*n.offsets.last().unwrap() as usize, original.len());
    }
}
