//! Character classes for the fast path of the folding pass: one byte per
//! character of the basic multilingual plane saying whether the pass copies
//! it unchanged, and whether it is wide, Han, or traditional-only. The
//! table is computed once from the very predicates the general path uses,
//! so the two paths cannot disagree; looking a character up costs one load
//! instead of a chain of range tests.

use super::fold::step_of;
use super::{is_han, is_wide};
use crate::document::script::TraditionalTable;
use std::sync::OnceLock;

/// The pass copies the character unchanged (it is not whitespace, a line
/// break, invisible or a full-width form).
pub(super) const PLAIN: u8 = 1;
/// Set solid in Chinese text (see `is_wide`).
pub(super) const WIDE: u8 = 2;
/// A Han character (counted by the census).
pub(super) const HAN: u8 = 4;
/// A character that exists only in traditional script (see `script`).
pub(super) const TRADITIONAL: u8 = 8;

/// Number of code points in the table: the basic multilingual plane.
const PLANE: usize = 0x1_0000;

/// The classes of every character of the basic multilingual plane, indexed
/// by code point (surrogates, which are no characters, have none).
pub(super) fn classes() -> &'static [u8; PLANE] {
    static CLASSES: OnceLock<Box<[u8; PLANE]>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let traditional = TraditionalTable::get();
        let mut table = Box::new([0u8; PLANE]);
        for (code, class) in (0u32..).zip(table.iter_mut()) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if matches!(step_of(c), super::fold::Step::Keep { .. }) {
                *class |= PLAIN;
            }
            if is_wide(c) {
                *class |= WIDE;
            }
            if is_han(c) {
                *class |= HAN;
            }
            if traditional.contains(c) {
                *class |= TRADITIONAL;
            }
        }
        table
    })
}
