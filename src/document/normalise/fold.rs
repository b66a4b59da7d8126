//! The folding pass of `normalise`, the first step from decoded text to the
//! matching view: width, whitespace, invisible characters and pinyin
//! readings, with the census of traditional-only characters taken on the way.
//!
//! It runs over every byte of every report, so it is written for speed:
//! the characters that make up nearly all of a report (Han characters, ASCII
//! letters, digits and punctuation, `、。“”`) are recognised from their bytes
//! without decoding; the text of a run of characters that need no change is
//! copied as one slice, and only their offsets are written one by one. The
//! rare characters (whitespace, full-width forms, invisible ones, anything
//! else) take the general path. A test holds it equal to a plain
//! character-by-character version.

use super::classes::{classes, HAN, PLAIN, TRADITIONAL, WIDE};
use super::{fold_width, is_han, is_invisible, is_wide, pinyin_reading, Census};
use crate::document::mapped::{to_u32, Mapped};
use crate::document::script::TraditionalTable;

/// What the pass does with one source character.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step {
    /// Copied unchanged.
    Keep { wide: bool, han: bool },
    /// Written as its ASCII twin (a full-width form); always wide.
    Fold(u8),
    /// Kept, and ends the line.
    Newline,
    /// Folded with the whitespace around it.
    Space,
    /// Dropped.
    Invisible,
}

/// Folds `original` (see the module comment of `normalise`) and counts its
/// Han and traditional-only characters.
#[inline(never)]
pub(super) fn fold(original: &str) -> (Mapped, Census) {
    let bytes = original.as_bytes();
    let table = TraditionalTable::get();
    let mut census = Census::default();
    let mut text = String::with_capacity(original.len());
    // Folding never lengthens the text, so the map is sized once (with room
    // for the fast path's spare writes) and written through a cursor; `put`
    // grows it should that ever be wrong.
    let mut offsets = vec![0u32; original.len() + 3];
    let mut written = 0;
    // Start of the source run whose text is not yet copied; the offsets of
    // its characters are already written.
    let mut run_start = 0;
    // Start of a whitespace run not yet written out.
    let mut pending_space: Option<usize> = None;
    let mut line_empty = true;
    let mut prev_wide = false;
    let mut prev_han = false;
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: characters copied unchanged, no whitespace pending.
        if pending_space.is_none() {
            let run = plain_run(bytes, i, &mut offsets, written, prev_han);
            if run.end > i {
                census.han += run.han;
                census.traditional_only += run.traditional_only;
                (line_empty, prev_wide, prev_han) = (false, run.wide, run.han_last);
                written = run.written;
                i = run.end;
                continue;
            }
        }
        // General path: any character, with the rules of the pass in full.
        let Some(c) = original.get(i..).and_then(|s| s.chars().next()) else {
            break; // Not a character boundary: cannot happen on a `str`.
        };
        let at = to_u32(i);
        let len = c.len_utf8();
        let step = step_of(c);
        if let Step::Keep { han: true, .. } = step {
            census.han += 1;
            census.traditional_only += usize::from(table.contains(c));
        }
        let (wide, han) = match step {
            Step::Keep { wide, han } => (wide, han),
            Step::Fold(_) => (true, false),
            Step::Newline => {
                put(&mut offsets, &mut written, at, 1);
                pending_space = None;
                (line_empty, prev_wide, prev_han) = (true, false, false);
                i += len;
                continue;
            }
            Step::Space | Step::Invisible => {
                text.push_str(original.get(run_start..i).unwrap_or_default());
                if let Step::Space = step {
                    pending_space.get_or_insert(i);
                }
                i += len;
                run_start = i;
                continue;
            }
        };
        if prev_han && fold_width(c) == '(' {
            if let Some(skip) = original.get(i..).and_then(pinyin_reading) {
                text.push_str(original.get(run_start..i).unwrap_or_default());
                i += skip;
                run_start = i;
                continue;
            }
        }
        if let Some(space_at) = pending_space.take() {
            // A space between two wide characters is an artefact of copying.
            let solid = prev_wide && wide;
            if !line_empty && !solid {
                text.push_str(original.get(run_start..i).unwrap_or_default());
                run_start = i;
                text.push(' ');
                put(&mut offsets, &mut written, to_u32(space_at), 1);
            }
        }
        if let Step::Fold(to) = step {
            text.push_str(original.get(run_start..i).unwrap_or_default());
            text.push(char::from(to));
            put(&mut offsets, &mut written, at, 1);
            run_start = i + len;
        } else {
            put(&mut offsets, &mut written, at, len);
        }
        (line_empty, prev_wide, prev_han) = (false, wide, han);
        i += len;
    }
    text.push_str(original.get(run_start..).unwrap_or_default());
    put(&mut offsets, &mut written, to_u32(original.len()), 1);
    offsets.truncate(written);
    (Mapped { text, offsets }, census)
}

/// Writes `n` copies of `at` into the map at `*written`.
#[inline]
fn put(offsets: &mut Vec<u32>, written: &mut usize, at: u32, n: usize) {
    let end = *written + n;
    if end > offsets.len() {
        offsets.resize(end, 0);
    }
    if let Some(slots) = offsets.get_mut(*written..end) {
        slots.fill(at);
    }
    *written = end;
}

/// A run of characters copied unchanged, as `plain_run` found it.
struct PlainRun {
    /// Source byte after the run.
    end: usize,
    /// Map entries written so far, the run's included.
    written: usize,
    /// Width and script of the last character of the run.
    wide: bool,
    han_last: bool,
    /// Han and traditional-only characters in the run.
    han: usize,
    traditional_only: usize,
}

/// Reads from `start` the characters that are copied unchanged, looking
/// them up in the class table without decoding: ASCII letters, digits and
/// punctuation (but not a `(` after a Han character, which may open a pinyin
/// reading) and every two- and three-byte character the table calls plain.
/// Writes their offsets into the map; their text is copied later, as one slice.
fn plain_run(
    bytes: &[u8],
    start: usize,
    offsets: &mut [u32],
    mut written: usize,
    mut prev_han: bool,
) -> PlainRun {
    let table = classes();
    let mut rest = bytes.get(start..).unwrap_or_default();
    let mut at = to_u32(start);
    let (mut wide, mut han, mut traditional_only) = (false, 0, 0);
    loop {
        let (class, len, tail) = match *rest {
            [lead @ 0x21..=0x7E, ref tail @ ..] if !(prev_han && lead == b'(') => (PLAIN, 1, tail),
            [lead @ 0xE0..=0xEF, b1, b2, ref tail @ ..] => {
                let code = (usize::from(lead & 0x0F) << 12)
                    | (usize::from(b1 & 0x3F) << 6)
                    | usize::from(b2 & 0x3F);
                (table.get(code).copied().unwrap_or(0), 3, tail)
            }
            [lead @ 0xC2..=0xDF, b1, ref tail @ ..] => {
                let code = (usize::from(lead & 0x1F) << 6) | usize::from(b1 & 0x3F);
                (table.get(code).copied().unwrap_or(0), 2, tail)
            }
            _ => break,
        };
        if class & PLAIN == 0 {
            break;
        }
        // Three entries are written whatever the length (the map has room
        // to spare): the next character overwrites those beyond this one.
        let Some([a, b, c]) = offsets.get_mut(written..written + 3) else {
            break;
        };
        (*a, *b, *c) = (at, at, at);
        written += len;
        at = at.wrapping_add(to_u32(len));
        han += usize::from(class & HAN != 0);
        traditional_only += usize::from(class & TRADITIONAL != 0);
        wide = class & WIDE != 0;
        prev_han = class & HAN != 0;
        rest = tail;
    }
    PlainRun {
        end: bytes.len() - rest.len(),
        written,
        wide,
        han_last: prev_han,
        han,
        traditional_only,
    }
}

/// What the pass does with `c`, in the order the rules are checked.
#[cold]
pub(super) fn step_of(c: char) -> Step {
    if is_han(c) {
        Step::Keep {
            wide: true,
            han: true,
        }
    } else if c == '\n' {
        Step::Newline
    } else if c.is_whitespace() {
        Step::Space
    } else if is_invisible(c) {
        Step::Invisible
    } else {
        match u8::try_from(fold_width(c)) {
            Ok(to) if u32::from(to) != c as u32 => Step::Fold(to),
            _ => Step::Keep {
                wide: is_wide(c),
                han: false,
            },
        }
    }
}
