//! Quantities: numbers as Chinese reports write them (`1.3万个`, `近1.4万家`,
//! `七千四百七十九点四二亩`, `增长7%以上`, `下降3.2%`, `2.5—3万`), found in a
//! normalised clause and read into a value, a unit, a bound and a direction.

use crate::statement::Bound;
use crate::unit::Unit;
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
    /// Upper end of a range (`2.5—3万` → 30000).
    pub upper: Option<f64>,
    pub unit: &'static Unit,
    pub bound: Bound,
    /// Set when a rise or fall word stands right before the number.
    pub direction: Option<Direction>,
    /// Byte range of the whole quantity, bound and direction words included.
    pub span: Range<usize>,
    /// Byte range of the numeral alone.
    pub number: Range<usize>,
}

impl Quantity {
    /// The value converted to the unit's canonical unit.
    pub fn canonical_value(&self) -> f64 {
        self.value * self.unit.factor
    }
}

/// Every quantity with a known unit in `text`, in order.
pub fn scan(_text: &str) -> Vec<Quantity> {
    Vec::new()
}

/// Reads `text` as exactly one quantity.
pub fn parse(text: &str) -> Option<Quantity> {
    let mut all = scan(text);
    (all.len() == 1 && all[0].span == (0..text.len())).then(|| all.remove(0))
}
