//! Units: every unit word a report may put after a number, and the canonical
//! unit it converts to (公顷 → 亩 ×15, 平方米 → 万平方米 ÷10000, 万元 → 亿元 ÷10000).
//! Targets state their canonical unit; a quantity fits a target when its unit
//! converts to that canonical unit.

/// A unit as written after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The unit word as written (`公顷`).
    pub surface: &'static str,
    /// The canonical unit it converts to (`亩`).
    pub canonical: &'static str,
    /// Multiply a value in `surface` by this to get the canonical value.
    pub factor: f64,
}

/// Looks up a unit word exactly as written.
pub fn lookup(surface: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.surface == surface)
}

/// Whether `unit` is a canonical unit a target may declare.
pub fn is_canonical(unit: &str) -> bool {
    UNITS.iter().any(|u| u.canonical == unit)
}

/// Every canonical unit, in table order, without repeats.
pub fn canonical_units() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for u in UNITS {
        if !out.contains(&u.canonical) {
            out.push(u.canonical);
        }
    }
    out
}

/// All known unit words.
pub fn all() -> &'static [Unit] {
    UNITS
}

macro_rules! units {
    ($($surface:literal => $canonical:literal * $factor:expr),+ $(,)?) => {
        &[$(Unit { surface: $surface, canonical: $canonical, factor: $factor }),+]
    };
}

static UNITS: &[Unit] = units![
    "%" => "%" * 1.0,
    "个百分点" => "百分点" * 1.0,
    "百分点" => "百分点" * 1.0,
    "个" => "个" * 1.0,
    "家" => "家" * 1.0,
    "人" => "人" * 1.0,
    "名" => "人" * 1.0,
    "人次" => "人次" * 1.0,
    "户" => "户" * 1.0,
    "套" => "套" * 1.0,
    "所" => "所" * 1.0,
    "间" => "间" * 1.0,
    "张" => "张" * 1.0,
    "床" => "张" * 1.0,
    "座" => "座" * 1.0,
    "台" => "台" * 1.0,
    "辆" => "辆" * 1.0,
    "条" => "条" * 1.0,
    "项" => "项" * 1.0,
    "宗" => "宗" * 1.0,
    "处" => "处" * 1.0,
    "栋" => "栋" * 1.0,
    "株" => "株" * 1.0,
    "棵" => "株" * 1.0,
    "吨" => "吨" * 1.0,
    "亩" => "亩" * 1.0,
    "公顷" => "亩" * 15.0,
    "平方公里" => "平方公里" * 1.0,
    "平方米" => "万平方米" * 0.0001,
    "平米" => "万平方米" * 0.0001,
    "公里" => "公里" * 1.0,
    "千米" => "公里" * 1.0,
    "米" => "公里" * 0.001,
    "元" => "亿元" * 0.000_000_01,
    "亿元" => "亿元" * 1.0,
    "万元" => "亿元" * 0.0001,
    "千瓦" => "千瓦" * 1.0,
];
