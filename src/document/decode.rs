//! Decode: the very first step of reading a report. Turns the bytes of a file
//! into text, detecting the encoding instead of asking for it: a byte-order
//! mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides first, then valid (or nearly valid)
//! UTF-8, then GB18030 (which government sites still serve, labelled "GBK"
//! or "GB2312"; GB18030 is a superset of both) when the bytes cannot be Big5,
//! else chardetng's guess over the whole file (it guesses wrong on short
//! prefixes of Chinese text), then GB18030. Japanese Shift_JIS, whose bytes
//! GB18030 also accepts, is recognised by its kana and read as Shift_JIS
//! (the encoding is named), never as GB18030 gibberish.
//!
//! Real pages carry a stray mojibake sequence or two, so a few malformed
//! sequences are tolerated and become U+FFFD; beyond that the file is
//! refused as undecodable rather than read as garbage.

use encoding_rs::{
    DecoderResult, Encoding, BIG5, GB18030, GBK, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8,
};

/// Files larger than this are refused (64 MiB): no report comes close, and
/// the offset map costs four bytes per byte of text.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How far into a file to look for NUL bytes that mark it as binary.
const BINARY_PROBE: usize = 8 * 1024;

/// Malformed sequences always tolerated, whatever the size of the file.
const TOLERATED_MALFORMED: usize = 4;

/// Beyond the fixed allowance, one malformed sequence per this many bytes.
const MALFORMED_PER_BYTES: usize = 1000;

/// Text decoded from a file, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `UTF-16LE`, `gb18030`, …).
    pub encoding: &'static str,
    /// Malformed sequences replaced by U+FFFD.
    pub malformed: usize,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    TooLarge { size: u64 },
    Binary { offset: usize },
    Undecodable { reason: String },
}

/// Decodes the bytes of a report file.
#[inline(never)]
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(settled) = before_utf8(bytes) {
        return settled;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(utf8(text.to_owned())),
        Err(_) => not_utf8(bytes),
    }
}

/// Decodes the bytes of a report file, as [`decode`] does, taking them:
/// UTF-8, the encoding of most files, becomes the text without a copy.
#[inline(never)]
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some(settled) = before_utf8(&bytes) {
        return settled;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(utf8(text)),
        Err(e) => not_utf8(e.as_bytes()),
    }
}

fn utf8(text: String) -> Decoded {
    Decoded {
        text,
        encoding: UTF_8.name(),
        malformed: 0,
    }
}

/// What is settled before trying UTF-8: no text, too much, a byte-order
/// mark, UTF-16 without one, or a binary file.
fn before_utf8(bytes: &[u8]) -> Option<Result<Decoded, DecodeError>> {
    if bytes.is_empty() {
        return Some(Err(DecodeError::Empty));
    }
    let size = bytes.len() as u64;
    if size > MAX_BYTES {
        return Some(Err(DecodeError::TooLarge { size }));
    }
    // Before UTF-16: the UTF-32LE mark starts with the UTF-16LE one.
    if let Some(big_endian) = utf32_bom(bytes) {
        return Some(utf32(&bytes[4..], big_endian));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        return Some(decode_as(encoding, body).ok_or_else(|| too_malformed(encoding)));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return Some(decode_as(encoding, bytes).ok_or_else(|| too_malformed(encoding)));
    }
    if let Some(offset) = memchr::memchr(0, bytes.get(..BINARY_PROBE).unwrap_or(bytes)) {
        return Some(Err(DecodeError::Binary { offset }));
    }
    None
}

/// Bytes that are not valid UTF-8 (nor marked or UTF-16): nearly UTF-8,
/// Shift_JIS, GB18030, or what chardetng guesses.
fn not_utf8(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(decoded) = nearly_utf8(bytes) {
        return Ok(decoded);
    }
    if looks_shift_jis(bytes) {
        if let Some(decoded) = decode_as(SHIFT_JIS, bytes) {
            return Ok(decoded);
        }
    }
    // GB18030 is by far the most common legacy encoding of these reports.
    // The only other one that reads as GB18030 without errors is Big5, whose
    // byte pairs are a subset; when the bytes are not Big5 the answer is
    // settled without running chardetng (about 10 MB/s) over the whole file.
    let mut gb18030 = decode_as(GB18030, bytes);
    if gb18030.is_some() && decode_as(BIG5, bytes).is_none() {
        if let Some(decoded) = gb18030 {
            return Ok(decoded);
        }
    }
    let guess = guess_encoding(bytes);
    let mut tried = Vec::with_capacity(3);
    // GB18030 is among the candidates once at most, so its text is handed
    // over, not copied.
    for encoding in candidates(guess) {
        let decoded = if encoding == GB18030 {
            gb18030.take()
        } else {
            decode_as(encoding, bytes)
        };
        if let Some(decoded) = decoded {
            return Ok(decoded);
        }
        tried.push(encoding.name());
    }
    Err(DecodeError::Undecodable {
        reason: format!(
            "not valid UTF-8, and too many malformed sequences as {}",
            tried.join(" or ")
        ),
    })
}

/// The encodings to try, in order, given chardetng's guess. Single-byte
/// encodings are never tried: they accept any bytes, so a file only they can
/// read is not a Chinese report but binary data or a Latin text.
fn candidates(guess: &'static Encoding) -> Vec<&'static Encoding> {
    let guess = if guess == GBK { GB18030 } else { guess };
    let chinese = guess == GB18030 || guess == BIG5;
    let mut out = Vec::with_capacity(2);
    if chinese {
        out.push(guess);
    }
    if guess != GB18030 {
        out.push(GB18030);
    }
    if !chinese && !guess.is_single_byte() && guess != UTF_8 {
        out.push(guess);
    }
    out
}

fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, false)
}

fn too_malformed(encoding: &'static Encoding) -> DecodeError {
    DecodeError::Undecodable {
        reason: format!("too many malformed sequences as {}", encoding.name()),
    }
}

/// Most malformed sequences a file of `len` bytes may have and still be read.
fn tolerance(len: usize) -> usize {
    TOLERATED_MALFORMED + len / MALFORMED_PER_BYTES
}

/// UTF-8 with a few stray bytes (a mojibake fragment pasted into a page).
fn nearly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let limit = tolerance(bytes.len());
    let mut malformed = 0;
    let mut multibyte = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            malformed += 1;
            if malformed > limit {
                return None;
            }
        }
    }
    // GB18030 text is almost never valid UTF-8 for long, so demanding many
    // well-formed multi-byte characters keeps GB18030 files out of this path.
    if multibyte < malformed * 20 {
        return None;
    }
    Some(Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: UTF_8.name(),
        malformed,
    })
}

/// Decodes `bytes` as `encoding`, replacing malformed sequences, or `None`
/// when there are more of them than tolerated.
fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Option<Decoded> {
    let limit = tolerance(bytes.len());
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let room = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(room);
    let mut input = bytes;
    let mut malformed = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(input.len())
                    .unwrap_or(input.len().saturating_mul(3));
                text.reserve(more.max(4));
            }
            DecoderResult::Malformed(_, _) => {
                malformed += 1;
                if malformed > limit {
                    return None;
                }
                text.push('\u{FFFD}');
            }
        }
    }
    Some(Decoded {
        text,
        encoding: encoding.name(),
        malformed,
    })
}

/// Share of kana among the non-ASCII characters above which text read as
/// Shift_JIS is Japanese (Japanese prose has 30–60 %; GB18030 bytes read as
/// Shift_JIS give almost none, since GB's lead bytes are not Shift_JIS's
/// kana leads 0x82 and 0x83).
const KANA_SHARE: f64 = 0.2;

/// Japanese Shift_JIS: many kana lead bytes, and kana when read so.
fn looks_shift_jis(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let kana_leads = bytes.iter().filter(|b| matches!(**b, 0x82 | 0x83)).count();
    if high == 0 || (kana_leads as f64) < KANA_SHARE / 2.0 * high as f64 {
        return false;
    }
    let (text, _) = SHIFT_JIS.decode_without_bom_handling(bytes);
    let (mut kana, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{3040}'..='\u{30FF}').contains(&c) {
            kana += 1;
        } else {
            other += 1;
        }
    }
    kana as f64 > KANA_SHARE * (kana + other) as f64
}

/// Whether `bytes` start with a UTF-32 byte-order mark: `Some(true)` for
/// big-endian.
fn utf32_bom(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..4)? {
        [0xFF, 0xFE, 0, 0] => Some(false),
        [0, 0, 0xFE, 0xFF] => Some(true),
        _ => None,
    }
}

/// UTF-32 (after its mark); code units that are no character, and a cut-off
/// last unit, are malformed.
fn utf32(body: &[u8], big_endian: bool) -> Result<Decoded, DecodeError> {
    let encoding = if big_endian { "UTF-32BE" } else { "UTF-32LE" };
    let limit = tolerance(body.len());
    let mut malformed = usize::from(body.len() % 4 != 0);
    let mut text = String::with_capacity(body.len() / 2);
    for unit in body.chunks_exact(4) {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let code = if big_endian {
            u32::from_be_bytes(unit)
        } else {
            u32::from_le_bytes(unit)
        };
        match char::from_u32(code) {
            Some(c) => text.push(c),
            None => {
                malformed += 1;
                text.push('\u{FFFD}');
            }
        }
        if malformed > limit {
            return Err(DecodeError::Undecodable {
                reason: format!("too many malformed sequences as {encoding}"),
            });
        }
    }
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        malformed,
    })
}

/// UTF-16 without a byte-order mark: the ASCII characters (line breaks,
/// digits, punctuation) leave NUL bytes on one side of their code units only.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let probe = bytes.get(..BINARY_PROBE.min(bytes.len() & !1))?;
    // Text without a NUL byte (nearly every file) is no UTF-16 of these
    // reports: one vectorised search tells, before the count of both halves.
    memchr::memchr(0, probe)?;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in probe.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let units = probe.len() / 2;
    let enough = |n: usize| n * 20 >= units && n >= 2;
    if enough(odd) && even == 0 {
        Some(UTF_16LE)
    } else if enough(even) && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "广州市白云区2021年上半年国民经济和社会发展计划执行情况\n新增公办学位1.3万个。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(plain.text, SAMPLE);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let long = SAMPLE.repeat(20);
        let (gb, _, _) = GB18030.encode(&long);
        let mut stray = SAMPLE.repeat(5).into_bytes();
        stray.insert(9, 0xFF);
        let inputs: [&[u8]; 6] = [
            SAMPLE.as_bytes(),
            &gb,
            &stray,
            b"",
            b"PK\x03\x04\x00\x00abc",
            &[0xEF, 0xBB, 0xBF, b'a'],
        ];
        for bytes in inputs {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in SAMPLE.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&le).unwrap().text, SAMPLE);
        assert_eq!(decode(&be).unwrap().text, SAMPLE);
    }

    #[test]
    fn utf32_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE, 0, 0];
        let mut be = vec![0, 0, 0xFE, 0xFF];
        for c in SAMPLE.chars() {
            le.extend_from_slice(&(c as u32).to_le_bytes());
            be.extend_from_slice(&(c as u32).to_be_bytes());
        }
        let decoded = decode(&le).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "UTF-32LE")
        );
        assert_eq!(decode(&be).unwrap().text, SAMPLE);
        let mut garbage = vec![0xFF, 0xFE, 0, 0];
        garbage.extend([0xFF; 40]);
        assert!(matches!(
            decode(&garbage),
            Err(DecodeError::Undecodable { .. })
        ));
    }

    #[test]
    fn shift_jis_is_not_read_as_gb18030() {
        let japanese =
            "広州市の報告によると、新しい学校の定員は五千二百人に増えました。\n".repeat(20);
        let (bytes, _, _) = SHIFT_JIS.encode(&japanese);
        // The trap: these bytes are valid GB18030 too.
        assert!(decode_as(GB18030, &bytes).is_some());
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "Shift_JIS");
        assert_eq!(decoded.text, japanese);
    }

    #[test]
    fn utf16le_without_bom_is_recognised() {
        let le: Vec<u8> = SAMPLE
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap().text, SAMPLE);
    }

    #[test]
    fn gb18030_is_detected() {
        let long = SAMPLE.repeat(20);
        let (bytes, _, _) = GB18030.encode(&long);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, long);
        assert_eq!(decoded.encoding, "gb18030");
    }

    #[test]
    fn big5_is_told_from_gb18030() {
        let traditional =
            "二、2020年工作安排。今年經濟社會發展的主要預期目標是:地區生產總值增長6.5%左右。\n"
                .repeat(20);
        let (bytes, _, _) = BIG5.encode(&traditional);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "Big5");
        assert_eq!(decoded.text, traditional);
    }

    #[test]
    fn a_stray_bad_byte_in_utf8_is_tolerated() {
        let mut bytes = SAMPLE.repeat(5).into_bytes();
        bytes.insert(9, 0xFF);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.malformed, 1);
        assert!(decoded.text.contains('\u{FFFD}'));
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        let huge = vec![b'a'; MAX_BYTES as usize + 1];
        assert_eq!(
            decode(&huge),
            Err(DecodeError::TooLarge {
                size: MAX_BYTES + 1
            })
        );
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00abc"),
            Err(DecodeError::Binary { offset: 4 })
        );
        // Lead bytes with no valid trail in any multi-byte encoding.
        let garbage: Vec<u8> = (0..400)
            .map(|i| if i % 2 == 0 { 0xFF } else { 0x81 })
            .collect();
        assert!(matches!(
            decode(&garbage),
            Err(DecodeError::Undecodable { .. })
        ));
    }
}
