//! Units: every unit word a report may put after a number, and the canonical
//! unit it converts to (公顷 → 亩 ×15, 平方米 → 万平方米 ÷10000, 万元 → 亿元 ÷10000).
//! Targets state their canonical unit; a quantity fits a target when its unit
//! converts to that canonical unit.

use std::sync::LazyLock;

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

/// The longest unit word that starts at byte `at` of `text` (`人次` rather
/// than `人`, `个百分点` rather than `个`); `None` when no unit starts there or
/// `at` is not a char boundary.
pub fn longest_at(text: &str, at: usize) -> Option<&'static Unit> {
    let rest = text.get(at..)?;
    let first = rest.chars().next()?;
    let index = BY_FIRST_CHAR
        .binary_search_by_key(&first, |(c, _)| *c)
        .ok()?;
    let (_, units) = BY_FIRST_CHAR.get(index)?;
    units.iter().copied().find(|u| rest.starts_with(u.surface))
}

/// Units grouped by their first character (sorted, for binary search), the
/// longest surface first in each group. The scanner looks up a unit after
/// every numeral, so this is built once rather than walking the whole table.
static BY_FIRST_CHAR: LazyLock<Vec<(char, Vec<&'static Unit>)>> = LazyLock::new(|| {
    let mut groups: Vec<(char, Vec<&'static Unit>)> = Vec::new();
    for unit in UNITS {
        let Some(first) = unit.surface.chars().next() else {
            continue;
        };
        match groups.iter_mut().find(|(c, _)| *c == first) {
            Some((_, units)) => units.push(unit),
            None => groups.push((first, vec![unit])),
        }
    }
    for (_, units) in &mut groups {
        units.sort_by_key(|u| std::cmp::Reverse(u.surface.len()));
    }
    groups.sort_by_key(|(c, _)| *c);
    groups
});

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

// Order does not matter for lookup (the longest match wins); canonical units
// first so that `canonical_units()` lists the targets' units first.
static UNITS: &[Unit] = units![
    "个" => "个" * 1.0,
    "家" => "家" * 1.0,
    "人" => "人" * 1.0,
    "亩" => "亩" * 1.0,
    "宗" => "宗" * 1.0,
    "亿元" => "亿元" * 1.0,
    "%" => "%" * 1.0,
    "万平方米" => "万平方米" * 1.0,
    "公里" => "公里" * 1.0,
    "套" => "套" * 1.0,
    // Conversions to the canonical units above.
    "公顷" => "亩" * 15.0,
    "平方米" => "万平方米" * 0.0001,
    "平米" => "万平方米" * 0.0001,
    "㎡" => "万平方米" * 0.0001,
    "万元" => "亿元" * 0.0001,
    "元" => "亿元" * 0.000_000_01,
    "千米" => "公里" * 1.0,
    "米" => "公里" * 0.001,
    "名" => "人" * 1.0,
    "位" => "人" * 1.0,
    // Percentage points are a difference of rates, never a rate.
    "个百分点" => "百分点" * 1.0,
    "百分点" => "百分点" * 1.0,
    // Other counters and measures that new targets may need.
    "人次" => "人次" * 1.0,
    "人份" => "人份" * 1.0,
    "户" => "户" * 1.0,
    "所" => "所" * 1.0,
    "间" => "间" * 1.0,
    "张" => "张" * 1.0,
    "床" => "张" * 1.0,
    "床位" => "张" * 1.0,
    "座" => "座" * 1.0,
    "台" => "台" * 1.0,
    "辆" => "辆" * 1.0,
    "条" => "条" * 1.0,
    "项" => "项" * 1.0,
    "处" => "处" * 1.0,
    "栋" => "栋" * 1.0,
    "幢" => "栋" * 1.0,
    "株" => "株" * 1.0,
    "棵" => "株" * 1.0,
    "件" => "件" * 1.0,
    "种" => "种" * 1.0,
    "份" => "份" * 1.0,
    "次" => "次" * 1.0,
    "场" => "场" * 1.0,
    "场次" => "场次" * 1.0,
    "头" => "头" * 1.0,
    "根" => "根" * 1.0,
    "倍" => "倍" * 1.0,
    "吨" => "吨" * 1.0,
    "公斤" => "吨" * 0.001,
    "千克" => "吨" * 0.001,
    "平方公里" => "平方公里" * 1.0,
    "平方千米" => "平方公里" * 1.0,
    "立方米" => "立方米" * 1.0,
    "千瓦" => "千瓦" * 1.0,
    "兆瓦" => "千瓦" * 1000.0,
    "千瓦时" => "千瓦时" * 1.0,
    "美元" => "亿美元" * 0.000_000_01,
    "万美元" => "亿美元" * 0.0001,
    "亿美元" => "亿美元" * 1.0,
    // Durations, listed so that `3个月` is not read as 3 个.
    "个月" => "月" * 1.0,
    "个工作日" => "工作日" * 1.0,
    "工作日" => "工作日" * 1.0,
    "个小时" => "小时" * 1.0,
    "小时" => "小时" * 1.0,
    "分钟" => "分钟" * 1.0,
    "天" => "天" * 1.0,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        let cases = [
            ("个百分点,", "个百分点"),
            ("人次", "人次"),
            ("人,", "人"),
            ("平方米", "平方米"),
            ("平方公里", "平方公里"),
            ("万平方米", "万平方米"),
            ("千瓦时", "千瓦时"),
            ("个月", "个月"),
            ("床位", "床位"),
        ];
        for (text, surface) in cases {
            assert_eq!(
                longest_at(text, 0).map(|u| u.surface),
                Some(surface),
                "{text}"
            );
        }
        assert!(longest_at("年", 0).is_none());
        assert!(longest_at("批", 0).is_none());
        // Not a char boundary: no unit, no panic.
        assert!(longest_at("个", 1).is_none());
    }

    #[test]
    fn conversions_reach_target_units() {
        for (surface, canonical, factor) in [
            ("公顷", "亩", 15.0),
            ("平方米", "万平方米", 0.0001),
            ("万元", "亿元", 0.0001),
            ("千米", "公里", 1.0),
        ] {
            let unit = lookup(surface).map(|u| (u.canonical, u.factor));
            assert_eq!(unit, Some((canonical, factor)), "{surface}");
        }
        for target_unit in [
            "个",
            "家",
            "人",
            "亩",
            "宗",
            "亿元",
            "%",
            "万平方米",
            "公里",
            "套",
        ] {
            assert!(is_canonical(target_unit), "{target_unit}");
        }
        assert!(!is_canonical("平方米"));
    }

    #[test]
    fn surfaces_are_unique() {
        for (i, unit) in UNITS.iter().enumerate() {
            assert!(
                UNITS[i + 1..].iter().all(|u| u.surface != unit.surface),
                "{}",
                unit.surface
            );
        }
    }
}
