//! Quantities: numbers as Chinese reports write them (`1.3万个`, `近1.4万家`,
//! `七千四百七十九点四二亩`, `增长7%以上`, `下降3.2%`, `2.5—3万`), found in a
//! normalised clause and read into a value, a unit, a bound and a direction.
//!
//! [`scan`] walks the text once, left to right. At each place a number may
//! start (an ASCII digit, a minus sign, a Chinese numeral character) it reads
//! the numeral ([`numeral`]), an optional range end, `多`/`余`, the longest
//! unit word ([`crate::unit`]), then looks around for bound and direction
//! words ([`bound`]). A number without a unit is skipped: years, dates, list
//! numbers and footnote markers fall out that way, and a number glued to an
//! ASCII letter (`5G`, `G5`) is an id, not a quantity.

mod bound;
mod numeral;

pub use bound::BoundWords;

use crate::statement::Bound;
use crate::unit::{self, Unit};
use numeral::Numeral;
use std::ops::Range;

/// Which way a rate moves (`增长` or `下降`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rise,
    Fall,
}

/// A number with its unit, as found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Value in `unit.surface`, multipliers applied (`1.3万个` → 13000 个);
    /// negative for a fall (`下降3.2%` → −3.2).
    pub value: f64,
    /// Upper end of a range (`2.5—3万` → 30000), in the same unit and with
    /// the same sign as `value`.
    pub upper: Option<f64>,
    pub unit: &'static Unit,
    pub bound: Bound,
    /// Set when a rise or fall word stands right before the number.
    pub direction: Option<Direction>,
    /// Byte range of the whole quantity, bound and direction words included.
    pub span: Range<usize>,
    /// Byte range of the numeral alone: a minus sign, both ends of a range
    /// and multiplier words that are not part of the unit are inside
    /// (`1.3万` in `1.3万个`, `748.7` in `748.7亿元`).
    pub number: Range<usize>,
}

impl Quantity {
    /// The value converted to the unit's canonical unit.
    pub fn canonical_value(&self) -> f64 {
        self.value * self.unit.factor
    }
}

/// Every quantity with a known unit in `text`, in order, read with the
/// default bound words; spans never overlap.
pub fn scan(text: &str) -> Vec<Quantity> {
    scan_with(text, BoundWords::builtin())
}

/// Every quantity with a known unit in `text`, in order, read with `words`.
pub fn scan_with(text: &str, words: &BoundWords) -> Vec<Quantity> {
    let mut found = Vec::new();
    scan_into(text, words, &mut found);
    found
}

/// Like [`scan_with`], but appends to `found`, so that a caller scanning
/// sentence after sentence reuses one buffer.
pub fn scan_into(text: &str, words: &BoundWords, found: &mut Vec<Quantity>) {
    let bytes = text.as_bytes();
    let (mut at, mut floor) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        if !may_start(text, at, byte) {
            at += utf8_width(byte);
            continue;
        }
        match read_quantity(words, text, at, floor) {
            Ok(quantity) => {
                at = quantity.span.end.max(at + 1);
                floor = at;
                found.push(quantity);
            }
            Err(next) => at = next.max(at + 1),
        }
    }
}

/// Reads `text` as exactly one quantity.
pub fn parse(text: &str) -> Option<Quantity> {
    let mut all = scan(text);
    (all.len() == 1 && all[0].span == (0..text.len())).then(|| all.remove(0))
}

/// Percent written in words: `百分之五`.
const PERCENT_IN_WORDS: &str = "百分之";

/// Characters that make the number after them an ordinal (`第3名`, `十一届九次`).
const ORDINAL_MARKERS: &[char] = &['第', '届'];

/// Separators of a range (`2.5—3万`, `5至10个`).
const RANGE_SEPARATORS: &[&str] = &["-", "~", "—", "–", "至", "到"];

/// Whether a number may start at byte `at` (whose value is `byte`). Only
/// characters whose first two bytes could be a Chinese numeral's are decoded,
/// so the common case (any other character) costs a comparison or two.
fn may_start(text: &str, at: usize, byte: u8) -> bool {
    let next = || text.as_bytes().get(at + 1).copied().unwrap_or(0);
    match byte {
        b'0'..=b'9' => true,
        b'-' => next().is_ascii_digit(),
        // Lead and second bytes of 零〇一二两三四五六七八九十百千万亿.
        0xE3..=0xE9 => {
            matches!(
                next(),
                0x80 | 0x85 | 0x8D | 0x99 | 0x9B | 0xB8 | 0xB9 | 0xBA
            ) && char_at(text, at).is_some_and(numeral::is_chinese_numeral)
        }
        _ => false,
    }
}

/// Bytes in the character that `lead` starts; 1 for a stray continuation
/// byte, so the walk always moves on.
fn utf8_width(lead: u8) -> usize {
    1 + usize::from(lead >= 0xC0) + usize::from(lead >= 0xE0) + usize::from(lead >= 0xF0)
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The numeral, range and unit of a quantity, before bounds are looked at.
struct Core {
    value: f64,
    upper: Option<f64>,
    number: Range<usize>,
    unit: &'static Unit,
    /// End of the unit word.
    end: usize,
    /// The bound of a word between number and unit (`多`, `余`).
    more: Option<Bound>,
    bare: bool,
}

/// Reads the quantity whose number starts at `start`; bound and direction
/// words may reach back to `floor`. `Err(next)`: none here, resume at `next`.
fn read_quantity(
    words: &BoundWords,
    text: &str,
    start: usize,
    floor: usize,
) -> Result<Quantity, usize> {
    let core = if text
        .get(start..)
        .is_some_and(|r| r.starts_with(PERCENT_IN_WORDS))
    {
        percent_in_words(text, start)?
    } else {
        number_and_unit(words, text, start)?
    };
    let prefix = bound::prefix(words, text, start, floor);
    if core.bare && core.more.is_none() && prefix.is_none() {
        // `千家万户`, `百姓`: a lone multiplier word is a number only as `千余家`, `近千家`.
        return Err(core.number.end);
    }
    let suffix = bound::suffix(words, text, core.end);
    let direction = bound::direction(text, prefix.map_or(start, |(_, s)| s), floor);
    let bound = match (suffix, prefix) {
        (Some((b, _)), _) => b,
        (None, Some((b, _))) if b != Bound::Exact => b,
        _ if core.upper.is_some() => Bound::AtLeast,
        _ if let Some(more) = core.more => more,
        _ => Bound::Exact,
    };
    let fall = matches!(direction, Some((Direction::Fall, _)));
    let sign = if fall { -1.0 } else { 1.0 };
    let span_start = direction
        .map(|(_, s)| s)
        .or(prefix.map(|(_, s)| s))
        .unwrap_or(start);
    Ok(Quantity {
        value: core.value * sign,
        upper: core.upper.map(|u| u * sign),
        unit: core.unit,
        bound,
        direction: direction.map(|(d, _)| d),
        span: span_start..suffix.map_or(core.end, |(_, e)| e),
        number: core.number,
    })
}

/// `1.3万个`, `-15.7%`, `2.5—3万人`, `170多公里`, `3000多万元`.
fn number_and_unit(words: &BoundWords, text: &str, start: usize) -> Result<Core, usize> {
    let before = char_before(text, start);
    let negative = text.as_bytes().get(start) == Some(&b'-');
    if negative && before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
        return Err(start + 1);
    }
    let number_start = start + usize::from(negative);
    // After a `.` the digits are a fraction (`1.5`) or a malformed number
    // (`.5个`), never a number of their own.
    let glued_to_code = before.is_some_and(|c| c.is_ascii_alphanumeric()) || before == Some('.');
    let lower = numeral::read(text, number_start)?;
    if glued_to_code || char_at(text, lower.end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Err(skip_code(text, lower.end));
    }
    if before.is_some_and(|c| ORDINAL_MARKERS.contains(&c)) {
        return Err(lower.end);
    }
    let range = if negative {
        None
    } else {
        range_upper(text, &lower)?
    };
    let (value, upper, number_end) = match range {
        Some((low, up)) => (low, Some(up.value), up.end),
        None => (lower.value, None, lower.end),
    };
    let mut pos = number_end;
    let more = bound::infix(words, text, pos);
    pos = more.map_or(pos, |(_, end)| end);
    let mut value = if negative { -value } else { value };
    let mut upper = upper;
    let mut unit = unit_after(text, pos);
    if unit.is_none() && more.is_some() {
        // `3000多万人`: the multiplier comes after 多.
        if let Some((c, factor)) = char_at(text, pos).and_then(|c| Some((c, multiplier(c)?))) {
            pos += c.len_utf8();
            value *= factor;
            upper = upper.map(|u| u * factor);
            unit = unit_after(text, pos);
        }
    }
    let (unit, mut end) = unit.ok_or(number_end)?;
    let mut number_end = number_end;
    if upper.is_none() && more.is_none() && !negative {
        // `5%—5.5%`, `2万—3万人`: both ends carry the unit.
        if let Some((up, up_end)) = upper_with_unit(text, end, unit) {
            if up >= value {
                upper = Some(up);
                number_end = up_end;
                end = up_end;
            }
        }
    }
    let one_chinese_digit = text
        .get(number_start..number_end)
        .is_some_and(|n| n.chars().count() == 1)
        && !lower.multiplied
        && upper.is_none()
        && !text
            .as_bytes()
            .get(number_start)
            .is_some_and(u8::is_ascii_digit);
    if one_chinese_digit && unit.surface == "元" {
        // `三元里`, `一元化`: a word, not an amount of money.
        return Err(end);
    }
    Ok(Core {
        value,
        upper,
        number: start..number_end,
        unit,
        end,
        more: more.map(|(b, _)| b),
        bare: lower.bare,
    })
}

/// `百分之五`, `百分之十二点五`: a percentage with its unit in front.
fn percent_in_words(text: &str, start: usize) -> Result<Core, usize> {
    let after = start + PERCENT_IN_WORDS.len();
    let skip = |_| after;
    let percent = unit::lookup("%").ok_or(after)?;
    let numeral = numeral::read(text, after).map_err(skip)?;
    Ok(Core {
        value: numeral.value,
        upper: None,
        number: start..numeral.end,
        unit: percent,
        end: numeral.end,
        more: None,
        bare: false,
    })
}

/// The upper end of a range after `lower` (`2.5—3万`): the lower value
/// (scaled by the upper end's multiplier when it has none of its own) and
/// the upper numeral. `Ok(None)` when there is no range; `Err(end)` when it
/// runs backwards (`3万—5个`), which is no quantity at all, not even its
/// upper end alone.
fn range_upper(text: &str, lower: &Numeral) -> Result<Option<(f64, Numeral)>, usize> {
    let Some(rest) = text.get(lower.end..) else {
        return Ok(None);
    };
    let Some(separator) = RANGE_SEPARATORS.iter().find(|s| rest.starts_with(*s)) else {
        return Ok(None);
    };
    let Ok(upper) = numeral::read(text, lower.end + separator.len()) else {
        return Ok(None);
    };
    if char_at(text, upper.end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let low = if lower.multiplied {
        lower.value
    } else {
        lower.value * upper.scale
    };
    if upper.value >= low {
        Ok(Some((low, upper)))
    } else {
        Err(upper.end)
    }
}

/// After a quantity's unit word ending at `at`: a range separator, a
/// numeral and the same unit again (`5%—5.5%`). The upper value and the end
/// of its unit.
fn upper_with_unit(text: &str, at: usize, unit: &Unit) -> Option<(f64, usize)> {
    let rest = text.get(at..)?;
    let separator = RANGE_SEPARATORS.iter().find(|s| rest.starts_with(*s))?;
    let upper = numeral::read(text, at + separator.len()).ok()?;
    let (found, end) = unit_after(text, upper.end)?;
    (found.surface == unit.surface).then_some((upper.value, end))
}

/// The unit after optional spaces at `at`, and the end of its word.
fn unit_after(text: &str, at: usize) -> Option<(&'static Unit, usize)> {
    let spaces = text.get(at..)?.bytes().take_while(|&b| b == b' ').count();
    let unit = unit::longest_at(text, at + spaces)?;
    Some((unit, at + spaces + unit.surface.len()))
}

fn multiplier(c: char) -> Option<f64> {
    match c {
        '千' => Some(1e3),
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    }
}

/// End of an id such as `5G`, `G5`, `A1B2`: the run of ASCII letters and digits.
fn skip_code(text: &str, from: usize) -> usize {
    from + text.get(from..).map_or(0, |r| {
        r.bytes().take_while(u8::is_ascii_alphanumeric).count()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_test_lets_every_numeral_character_through() {
        for c in "零〇一二两三四五六七八九十百千万亿".chars() {
            let text = c.to_string();
            assert!(may_start(&text, 0, text.as_bytes()[0]), "{c}");
        }
        assert!(!may_start("批", 0, "批".as_bytes()[0]));
    }
}
