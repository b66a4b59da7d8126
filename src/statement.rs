//! Statements: the typed facts that extraction produces and linking consumes.
//!
//! A statement is one number a report gives about one target: a plan (what the
//! government promised) or an outcome (what it says was achieved), with the
//! year and period it is about, its value in the target's canonical unit, and
//! the exact place in the source it came from.

use crate::place::Level;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a statement promises or reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Plan,
    Outcome,
}

/// The stretch of a year a statement is about: the months elapsed since the
/// year began, "to date" (`1—9月` and `前三季度` are nine months). Written
/// `FY` (12), `H1` (6) and `M3`, `M9`, `M11`… for the other months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period(u8);

impl Period {
    /// The first half of the year (mid-year execution reports).
    pub const H1: Period = Period(6);
    /// The whole year.
    pub const FY: Period = Period(12);

    /// The period of the first `months` months; `None` outside 1–12.
    pub fn to_month(months: u32) -> Option<Period> {
        u8::try_from(months)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(Period)
    }

    /// Months elapsed at the end of the period (6 for `H1`, 12 for `FY`).
    pub fn months(self) -> u32 {
        u32::from(self.0)
    }

    /// The share of the year elapsed: the 序时进度 a flow must reach to be on pace.
    pub fn share(self) -> f64 {
        f64::from(self.0) / 12.0
    }

    /// Whether this is the whole year.
    pub fn is_full_year(self) -> bool {
        self == Period::FY
    }

    /// The word used in files and on the command line.
    pub fn label(self) -> String {
        match self.0 {
            12 => "FY".to_owned(),
            6 => "H1".to_owned(),
            m => format!("M{m}"),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let months = match s {
            "FY" => Some(12),
            "H1" => Some(6),
            _ => s.strip_prefix('M').and_then(|m| m.parse::<u32>().ok()),
        };
        months
            .and_then(Period::to_month)
            .ok_or_else(|| format!("unknown value `{s}` (expected one of: FY, H1, M1 … M11)"))
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How the stated number bounds the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// 以上, 不少于, 不低于, 超, 多, 余.
    AtLeast,
    /// 左右, 约, 近.
    About,
    /// 以内, 不超过.
    AtMost,
    /// No qualifier.
    Exact,
}

/// What kind of number a target is; decides how plans and outcomes compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// An amount added in the period (new school places).
    Flow,
    /// A running total at a date (5G base stations built to date).
    Stock,
    /// A growth rate in percent (GDP growth).
    Rate,
}

/// Where a statement sits in the file it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line in the decoded text.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte range in the decoded text (`start..end`).
    pub start: usize,
    pub end: usize,
}

/// One extracted statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// File stem of the document, e.g. `baiyun-2021-h1`.
    pub doc: String,
    /// Path of the document as given on the command line.
    pub path: String,
    /// GB/T 2260 code of the reporting government (`440111`); empty when unknown.
    #[serde(default)]
    pub place_code: String,
    /// Its full name (`广东省广州市白云区`); empty when unknown.
    #[serde(default)]
    pub place_name: String,
    /// Its own name (`白云区`); empty when unknown.
    #[serde(default)]
    pub place: String,
    /// Its level; none when unknown.
    #[serde(default)]
    pub level: Option<Level>,
    pub kind: Kind,
    /// Target id from the rule files.
    pub target: String,
    pub measure: Measure,
    /// The year the number is about.
    pub year: i32,
    /// The stretch of the year the number covers (`FY`, `H1`, `M9`…).
    pub period: Period,
    /// The number in the target's canonical unit.
    pub value: f64,
    /// Upper end when the report gives a range (`2.5—3万`).
    pub upper: Option<f64>,
    /// The target's canonical unit (or an alternative unit such as 宗).
    pub unit: String,
    pub bound: Bound,
    /// Commitment word as written (力争, 确保, 计划, 预计…); empty when none.
    pub hedge: String,
    /// An estimate (预计) rather than a final figure.
    pub estimated: bool,
    /// Named sub-area or programme the number is limited to; empty for the whole place.
    pub scope: String,
    pub position: Position,
    /// The clause holding the number, verbatim from the document.
    pub quote: String,
}

/// A completion ratio a report states about itself ("完成年度投资计划的72.6%"),
/// tied to the statement it follows; linking checks it against the numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelfReport {
    pub doc: String,
    pub path: String,
    /// Code of the reporting government; empty when unknown.
    pub place_code: String,
    pub target: String,
    #[serde(default)]
    pub scope: String,
    pub year: i32,
    pub ratio_percent: f64,
    pub quote: String,
    pub line: usize,
}

macro_rules! display_as {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The word used in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    other => Err(format!(
                        "unknown value `{other}` (expected one of: {})",
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

display_as!(Kind { Plan => "plan", Outcome => "outcome" });
display_as!(Bound { AtLeast => "at_least", About => "about", AtMost => "at_most", Exact => "exact" });
display_as!(Measure { Flow => "flow", Stock => "stock", Rate => "rate" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_months_elapsed() {
        assert_eq!(Period::FY.months(), 12);
        assert_eq!(Period::H1.months(), 6);
        assert_eq!("M9".parse::<Period>().map(Period::months), Ok(9));
        assert_eq!("H1".parse::<Period>(), Ok(Period::H1));
        assert_eq!(Period::to_month(6), Some(Period::H1));
        assert_eq!(Period::to_month(11).map(|p| p.label()), Some("M11".into()));
        assert!("M13".parse::<Period>().is_err() && "Q3".parse::<Period>().is_err());
        assert!(Period::H1 < Period::FY);
        assert!((Period::to_month(9).map_or(0.0, Period::share) - 0.75).abs() < 1e-12);
    }
}
