//! Script: traditional → simplified conversion for reports written (or
//! mirrored) in traditional script. Runs after the folding pass and only when
//! that pass counted enough characters that exist only in traditional script:
//! converting simplified text damages names (`乾相生物` → `干相生物`) and
//! costs time. The converter is ferrous-opencc with its `T2s` configuration
//! only (`Tw2sp` would rewrite simplified words too: 新增 → 添加).

use super::mapped::Mapped;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::sync::OnceLock;

/// A text counts as traditional when at least one Han character in this many
/// exists only in traditional script. Traditional reports score about one in
/// three; simplified ones about one in ten thousand (a name such as 乾相).
const TRADITIONAL_ONE_IN: usize = 20;

/// First and last code point of the table of traditional-only characters
/// (the CJK unified ideographs block, where all common ones live).
const TABLE_FIRST: u32 = 0x4E00;
const TABLE_LAST: u32 = 0x9FFF;

/// The T2s converter, loaded once per process (its dictionaries are embedded).
fn converter() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// One bit per character of the table: set when T2s changes the character
/// on its own, i.e. it has a different simplified form.
fn traditional_table() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bits = vec![0u64; ((TABLE_LAST - TABLE_FIRST) / 64 + 1) as usize];
        let Some(cc) = converter() else {
            return bits;
        };
        let mut buf = [0u8; 4];
        for code in TABLE_FIRST..=TABLE_LAST {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let s = c.encode_utf8(&mut buf);
            if cc.convert(s) != *s {
                let index = (code - TABLE_FIRST) as usize;
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
    /// The table, built on first use from the converter itself.
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
        if !(TABLE_FIRST..=TABLE_LAST).contains(&code) {
            return false;
        }
        let index = (code - TABLE_FIRST) as usize;
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

/// Converts a mapped text to simplified script line by line. Where a line
/// keeps its length in characters (nearly always: T2s maps characters and
/// phrases one to one) each character keeps its own offset; otherwise
/// characters are spread evenly over the source line.
pub fn to_simplified(input: Mapped) -> Mapped {
    let Some(cc) = converter() else {
        return input;
    };
    let mut out = Mapped::with_capacity(input.text.len());
    let mut start = 0;
    for line in input.text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let converted = cc.convert(body);
        let source: Vec<usize> = body.char_indices().map(|(i, _)| start + i).collect();
        let count = converted.chars().count();
        for (k, c) in converted.chars().enumerate() {
            let from = if count == source.len() {
                source.get(k).copied()
            } else {
                source.get(k * source.len() / count.max(1)).copied()
            };
            let at = from.map_or(start, |p| offset_at(&input.offsets, p));
            out.push(c, at);
        }
        if line.len() > body.len() {
            let newline = start + body.len();
            out.push('\n', offset_at(&input.offsets, newline));
        }
        start += line.len();
    }
    let end = input.offsets.last().copied().unwrap_or(0) as usize;
    out.finish(end)
}

fn offset_at(offsets: &[u32], i: usize) -> usize {
    offsets.get(i).or(offsets.last()).copied().unwrap_or(0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(s: &str) -> Mapped {
        let mut m = Mapped::with_capacity(s.len());
        m.push_verbatim(s, 0);
        m.finish(s.len())
    }

    #[test]
    fn traditional_only_characters() {
        let table = TraditionalTable::get();
        assert!(table.contains('區'));
        assert!(table.contains('計'));
        assert!(!table.contains('区'));
        assert!(!table.contains('计'));
        assert!(!table.contains('a'));
    }

    #[test]
    fn share_threshold() {
        assert!(is_traditional(100, 30));
        assert!(!is_traditional(13846, 1));
        assert!(!is_traditional(0, 0));
    }

    #[test]
    fn converts_and_keeps_offsets() {
        let m = to_simplified(mapped("計畫於\n乾淨"));
        assert_eq!(m.text, "计划于\n干净");
        let second_line = m.text.find('干').unwrap();
        assert_eq!(m.offsets[second_line] as usize, "計畫於\n".len());
        assert_eq!(m.offsets.len(), m.text.len() + 1);
    }
}
