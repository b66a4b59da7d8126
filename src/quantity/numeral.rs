//! Numerals: the number at the core of a quantity, in Arabic digits
//! (`7479.42`, `1,200`), Chinese numerals (`七千四百七十九点四二`, `一百零五`,
//! `两万五`) or a mix of both (`1.3万`, `3千`). The scanner calls [`read`] at
//! each place a number may start; a unit word that begins with a numeral
//! character (`万元`, `亿元`, `千米`, `百分点`) ends the numeral, so that a
//! direct unit always wins over multiplier + unit.

use crate::unit;

/// A numeral as read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    pub value: f64,
    /// Byte offset just after the numeral.
    pub end: usize,
    /// For a numeral that is one number followed by multiplier words
    /// (`3万`, `2千万`), the product of those words; 1 otherwise. A range
    /// `2.5—3万` carries it to its lower end.
    pub scale: f64,
    /// The numeral has a multiplier word (十百千万亿).
    pub multiplied: bool,
    /// Starts with a multiplier word and has no digit before it (`千` in
    /// `千余家`); such numerals stand only next to a bound word.
    pub bare: bool,
}

/// Longest run of integer digits still read as a number; longer runs are
/// phone numbers or ids.
const MAX_INTEGER_DIGITS: usize = 12;

/// What the last piece of the numeral was.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Nothing,
    Arabic,
    /// A Chinese digit; `true` for 零/〇.
    Digit(bool),
    Power,
}

/// Reads the numeral starting at byte `start`. `Err(next)` when there is none
/// (or it is a code such as `0311`): the scanner resumes at `next > start`.
pub(crate) fn read(text: &str, start: usize) -> Result<Numeral, usize> {
    let mut pos = start;
    let (mut total, mut section) = (0.0_f64, 0.0_f64);
    let mut current: Option<f64> = None;
    let mut last = Piece::Nothing;
    let (mut digits_in_run, mut last_power) = (0_u32, 0.0_f64);
    let (mut scale, mut simple_shape) = (1.0_f64, true);
    let (mut multiplied, mut bare) = (false, false);
    // Order of the multiplier words so far: 十百千 fall within a section,
    // 万 comes once per 亿 and 亿 once (`9万万`, `亿亿` are no numbers).
    let (mut last_small, mut wan_since_yi, mut yi_seen) = (f64::INFINITY, false, false);
    while let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) {
        if c.is_ascii_digit() {
            if matches!(last, Piece::Arabic | Piece::Digit(_)) {
                break;
            }
            let (value, end) = arabic(text, pos)?;
            simple_shape &= last == Piece::Nothing;
            current = Some(value);
            last = Piece::Arabic;
            pos = end;
        } else if let Some(digit) = chinese_digit(c) {
            let zero = digit == 0.0;
            match last {
                Piece::Arabic => break,
                // `三四个` is a loose "three or four", not 34: no number here.
                Piece::Digit(prev_zero) if !prev_zero && !zero => {
                    return Err(skip_numeral_chars(text, pos));
                }
                Piece::Digit(_) => {
                    current = Some(current.unwrap_or(0.0) * 10.0 + digit);
                    digits_in_run += 1;
                }
                _ => {
                    simple_shape &= last == Piece::Nothing;
                    current = Some(digit);
                    digits_in_run = 1;
                }
            }
            last = Piece::Digit(zero);
            pos += c.len_utf8();
        } else if let Some(power) = power_of(c) {
            if unit::longest_at(text, pos).is_some() {
                break;
            }
            if last == Piece::Nothing && power > 10.0 {
                bare = true;
            }
            let malformed = if power < 1e4 {
                power >= last_small
            } else if power < 1e8 {
                wan_since_yi
            } else {
                yi_seen
            };
            if malformed {
                return Err(skip_numeral_chars(text, pos));
            }
            if power < 1e4 {
                last_small = power;
            } else {
                last_small = f64::INFINITY;
                wan_since_yi = power < 1e8;
                yi_seen |= power >= 1e8;
            }
            // A multiplier with nothing before it counts one (`十二`, `千余家`).
            let or_one = |n: f64| if n == 0.0 { 1.0 } else { n };
            let here = current.take().unwrap_or(0.0);
            if power < 1e4 {
                section += or_one(here) * power;
            } else if power < 1e8 {
                total += or_one(section + here) * power;
                section = 0.0;
            } else {
                total = or_one(total + section + here) * power;
                section = 0.0;
            }
            scale *= power;
            multiplied = true;
            last_power = power;
            last = Piece::Power;
            pos += c.len_utf8();
        } else if c == '点' && last != Piece::Nothing {
            if let Some((fraction, end)) = chinese_fraction(text, pos + c.len_utf8()) {
                let whole = total + section + current.unwrap_or(0.0) + fraction;
                return Ok(with_trailing_power(text, whole, end, multiplied, bare));
            }
            break;
        } else {
            break;
        }
    }
    if last == Piece::Nothing {
        return Err(start
            + text
                .get(start..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8));
    }
    // `三千五` is 3500 and `两万五` 25000: a lone digit after a multiplier
    // counts in the next lower place.
    if last == Piece::Digit(false) && digits_in_run == 1 && last_power >= 100.0 {
        current = current.map(|d| d * last_power / 10.0);
        simple_shape = false;
    }
    let value = total + section + current.unwrap_or(0.0);
    if !value.is_finite() {
        return Err(pos);
    }
    let scale = if simple_shape && multiplied {
        scale
    } else {
        1.0
    };
    Ok(Numeral {
        value,
        end: pos,
        scale,
        multiplied,
        bare,
    })
}

/// Whether a numeral may start with `c` (a Chinese digit or multiplier word).
pub(crate) fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || power_of(c).is_some()
}

fn chinese_digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn power_of(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Reads Arabic digits at `start`: `1,200`, `7479.42`. Digit strings with a
/// leading zero or too many digits are codes: `Err` with their end.
fn arabic(text: &str, start: usize) -> Result<(f64, usize), usize> {
    let bytes = text.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut i = start;
    while is_digit(i) {
        i += 1;
    }
    let mut integer_digits = i - start;
    let mut grouped = false;
    // Thousands groups: exactly three digits after each comma, and only
    // after a first group of one to three digits (`2032,123` is a list).
    if integer_digits <= 3 {
        while bytes.get(i) == Some(&b',') && (1..=3).all(|k| is_digit(i + k)) && !is_digit(i + 4) {
            i += 4;
            integer_digits += 3;
            grouped = true;
        }
    }
    if bytes.get(i) == Some(&b'.') && is_digit(i + 1) {
        i += 1;
        while is_digit(i) {
            i += 1;
        }
    }
    let leading_zero = bytes.get(start) == Some(&b'0') && is_digit(start + 1);
    if leading_zero || integer_digits > MAX_INTEGER_DIGITS {
        return Err(i);
    }
    let digits = text.get(start..i).ok_or(i)?;
    let value = if grouped {
        // At most 12 integer digits plus a fraction: drop commas on the stack.
        let mut buf = [0_u8; 64];
        let mut n = 0;
        for &b in digits.as_bytes().iter().filter(|&&b| b != b',') {
            *buf.get_mut(n).ok_or(i)? = b;
            n += 1;
        }
        std::str::from_utf8(buf.get(..n).ok_or(i)?)
            .ok()
            .and_then(|s| s.parse().ok())
    } else {
        digits.parse().ok()
    };
    value.map(|v| (v, i)).ok_or(i)
}

/// Reads the Chinese digits after `点` as a fraction (`四二` → 0.42).
fn chinese_fraction(text: &str, start: usize) -> Option<(f64, usize)> {
    let rest = text.get(start..)?;
    let (mut fraction, mut place, mut end) = (0.0, 0.1, start);
    for c in rest.chars() {
        let Some(d) = chinese_digit(c) else { break };
        fraction += d * place;
        place /= 10.0;
        end += c.len_utf8();
    }
    (end > start).then_some((fraction, end))
}

/// `一点五万`: a multiplier after the fraction scales the whole number.
fn with_trailing_power(
    text: &str,
    whole: f64,
    end: usize,
    multiplied: bool,
    bare: bool,
) -> Numeral {
    let power = text
        .get(end..)
        .and_then(|r| r.chars().next())
        .filter(|&c| c == '万' || c == '亿')
        .filter(|_| unit::longest_at(text, end).is_none());
    match power {
        Some(c) => Numeral {
            value: whole * power_of(c).unwrap_or(1.0),
            end: end + c.len_utf8(),
            scale: 1.0,
            multiplied: true,
            bare,
        },
        None => Numeral {
            value: whole,
            end,
            scale: 1.0,
            multiplied,
            bare,
        },
    }
}

/// End of the run of Chinese numeral characters from `pos`.
fn skip_numeral_chars(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + rest
        .chars()
        .take_while(|&c| is_chinese_numeral(c))
        .map(char::len_utf8)
        .sum::<usize>()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(f64, usize)> {
        read(text, 0).ok().map(|n| (n.value, n.end))
    }

    #[test]
    fn reads_arabic_and_chinese_numerals() {
        let cases: &[(&str, f64, &str)] = &[
            ("7479.42亩", 7479.42, "7479.42"),
            ("1,200个", 1200.0, "1,200"),
            ("12,345,678元", 12345678.0, "12,345,678"),
            ("2032,123", 2032.0, "2032"),
            ("一万", 1e4, "一万"),
            ("两千", 2000.0, "两千"),
            ("三千五百", 3500.0, "三千五百"),
            ("三千五", 3500.0, "三千五"),
            ("两万五", 25000.0, "两万五"),
            ("七千四百七十九点四二亩", 7479.42, "七千四百七十九点四二"),
            ("十二", 12.0, "十二"),
            ("二十", 20.0, "二十"),
            ("一百零五", 105.0, "一百零五"),
            ("3千", 3000.0, "3千"),
            ("1.3万个", 13000.0, "1.3万"),
            ("一亿二千万", 1.2e8, "一亿二千万"),
            ("1.2万亿元", 12000.0, "1.2万"),
            ("748.7亿元", 748.7, "748.7"),
            ("1500万平方米", 1500.0, "1500"),
            ("3千米", 3.0, "3"),
            ("2百分点", 2.0, "2"),
            ("一点五万", 15000.0, "一点五万"),
        ];
        for &(text, expected, numeral) in cases {
            let (v, end) = value(text).unwrap_or((f64::NAN, 0));
            assert!(
                (v - expected).abs() < 1e-6 * expected.max(1.0),
                "{text}: {v}"
            );
            assert_eq!(&text[..end], numeral, "{text}");
        }
    }

    #[test]
    fn scale_of_a_multiplied_number() {
        let scale = |t: &str| read(t, 0).map(|n| n.scale).unwrap_or(f64::NAN);
        assert_eq!(scale("3万"), 1e4);
        assert_eq!(scale("2千万"), 1e7);
        assert_eq!(scale("3"), 1.0);
        assert_eq!(scale("两万五"), 1.0);
    }

    #[test]
    fn codes_and_loose_numbers_are_not_numerals() {
        assert_eq!(read("0311", 0), Err(4));
        assert_eq!(read("1234567890123", 0), Err(13));
        assert!(read("三四个", 0).is_err());
        assert!(read("批", 0).is_err());
        assert!(read("万元", 0).is_err());
    }
}
