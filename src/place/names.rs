//! Names of divisions as reports write them. Besides the official name
//! (`秀山土家族苗族自治县`), short names made by the official naming rules:
//! an autonomous unit without its ethnic names (`秀山县`, `鄂温克旗`,
//! `恩施州`), a banner `X左翼Y旗` as `X₁左Y旗` (`科右中旗`), and the short
//! names of `data/aliases.tsv`. Every division also has a bare stem
//! (`广西`, `内蒙古`, `广州`, `恩施`, `桦川`): a stem supports a place named
//! after it (`广州白云区`), and names the reporting government only when no
//! full name does (`桦川振兴发展` in a report that says `全县`).

use super::table::Table;

/// The ethnic groups (GB/T 3304), one a line.
const ETHNIC_GROUPS: &str = include_str!("../../data/ethnic-groups.txt");

/// Short names no rule derives, with why.
const ALIASES: &str = include_str!("../../data/aliases.tsv");

/// The suffixes of division names by the naming rules of GB/T 2260, longest
/// first: what a name is of (`…自治县` is a county, `…地区` a prefecture).
const SUFFIXES: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "州",
    "盟",
];

/// How far a name goes towards naming the reporting government.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// The official name or a short name: names the place.
    Name,
    /// A bare stem (`广州`, `桦川`): supports a place named after it, and
    /// names the reporting government only when nothing else does.
    Stem,
}

/// Every name of row `index` reports may write, with its strength.
pub fn text_names(table: &Table, index: usize) -> Vec<(String, Strength)> {
    let d = table.row(index);
    let mut out = vec![(d.name.clone(), Strength::Name)];
    let suffix = suffix_of(&d.name);
    let base = &d.name[..d.name.len() - suffix.len()];
    // Only autonomous units carry ethnic names (广西壮族自治区, 秀山土家族苗族自治县).
    let stem = if suffix.starts_with("自治") {
        without_ethnic_names(base)
    } else {
        base
    };
    match suffix {
        "自治县" => out.push((format!("{stem}县"), Strength::Name)),
        "自治旗" => out.push((format!("{stem}旗"), Strength::Name)),
        "自治州" => out.push((format!("{stem}州"), Strength::Name)),
        _ => {}
    }
    out.push((stem.to_owned(), Strength::Stem));
    if let Some(short) = banner_short_name(&d.name) {
        out.push((short, Strength::Name));
    }
    for alias in aliases_of(&d.code) {
        out.push((alias.clone(), Strength::Name));
    }
    out.retain(|(n, _)| n.chars().count() >= 2 || *n == d.name);
    out.dedup();
    out
}

/// What a user may type for row `index`: every name reports write it by,
/// the stem included (`白云` for `白云区`).
pub fn query_names(table: &Table, index: usize) -> Vec<String> {
    text_names(table, index)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// The suffix `name` ends with (empty when none).
pub fn suffix_of(name: &str) -> &'static str {
    SUFFIXES
        .iter()
        .find(|s| name.ends_with(*s) && name.len() > s.len())
        .copied()
        .unwrap_or("")
}

/// `base` without the ethnic names it ends with (`秀山土家族苗族` → `秀山`),
/// keeping at least two characters; an ethnic name alone loses only its
/// `族` (`鄂温克族` → `鄂温克`).
fn without_ethnic_names(base: &str) -> &str {
    let mut stem = base;
    'strip: loop {
        for group in ethnic_groups() {
            // Place names also write a group without 族 (维吾尔, 鄂伦春).
            let bare = group.strip_suffix('族').filter(|b| b.chars().count() >= 2);
            for form in std::iter::once(group.as_str()).chain(bare) {
                if let Some(rest) = stem.strip_suffix(form) {
                    if rest.chars().count() >= 2 {
                        stem = rest;
                        continue 'strip;
                    }
                }
            }
        }
        break;
    }
    if stem == base {
        if let Some(bare) = base.strip_suffix('族') {
            if ethnic_groups().iter().any(|g| g == base) {
                return bare;
            }
        }
    }
    stem
}

/// `科尔沁右翼中旗` → `科右中旗`: a banner of a wing is shortened to the
/// first character of its tribe, the wing and the rest.
fn banner_short_name(name: &str) -> Option<String> {
    for wing in ["左翼", "右翼"] {
        if let Some((tribe, rest)) = name.split_once(wing) {
            let first = tribe.chars().next()?;
            if tribe.chars().count() >= 2 && rest.ends_with('旗') {
                return Some(format!("{first}{}{rest}", wing.chars().next()?));
            }
        }
    }
    None
}

fn ethnic_groups() -> &'static [String] {
    static GROUPS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<String> = ETHNIC_GROUPS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        // Longest first, so 东乡族 is not read as a shorter group.
        groups.sort_by_key(|g| std::cmp::Reverse(g.chars().count()));
        groups
    })
}

fn aliases_of(code: &str) -> &'static [String] {
    static ALIASES_BY_CODE: std::sync::OnceLock<std::collections::HashMap<String, Vec<String>>> =
        std::sync::OnceLock::new();
    let by_code = ALIASES_BY_CODE.get_or_init(|| {
        let mut by_code: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        for line in ALIASES.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let mut f = line.split('\t');
            if let (Some(code), Some(alias)) = (f.next(), f.next()) {
                by_code
                    .entry(code.to_owned())
                    .or_default()
                    .push(alias.to_owned());
            }
        }
        by_code
    });
    by_code.get(code).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::table;

    fn names(code: &str) -> Vec<String> {
        let t = table();
        let i = (0..t.rows().len())
            .find(|&i| t.row(i).code == code && t.row(i).last.is_none())
            .unwrap();
        text_names(t, i).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn short_names_follow_the_naming_rules() {
        assert_eq!(names("500241"), ["秀山土家族苗族自治县", "秀山县", "秀山"]);
        assert_eq!(names("150724"), ["鄂温克族自治旗", "鄂温克旗", "鄂温克"]);
        assert_eq!(
            names("152222"),
            ["科尔沁右翼中旗", "科尔沁右翼中", "科右中旗"]
        );
        assert_eq!(names("450000"), ["广西壮族自治区", "广西"]);
        assert_eq!(names("650000"), ["新疆维吾尔自治区", "新疆"]);
        assert_eq!(names("150000"), ["内蒙古自治区", "内蒙古"]);
        assert_eq!(names("440100"), ["广州市", "广州"]);
        assert_eq!(names("422800"), ["恩施土家族苗族自治州", "恩施州", "恩施"]);
        assert_eq!(names("440111"), ["白云区", "白云"]);
        assert_eq!(
            names("150223"),
            ["达尔罕茂明安联合旗", "达尔罕茂明安联合", "达茂旗"]
        );
        // A one-character stem is no name (萧县).
        assert_eq!(names("341322"), ["萧县"]);
    }

    #[test]
    fn every_autonomous_unit_has_a_short_name_and_every_alias_a_row() {
        let t = table();
        for i in 0..t.rows().len() {
            let d = t.row(i);
            if matches!(suffix_of(&d.name), "自治县" | "自治旗" | "自治州") {
                assert!(text_names(t, i).len() > 1, "{d:?}");
            }
        }
        for line in ALIASES.lines().filter(|l| !l.starts_with('#')).skip(1) {
            let code = line.split('\t').next().unwrap();
            assert!(t.by_code(code).is_some(), "{line}");
            assert_eq!(line.split('\t').count(), 3, "{line}");
        }
    }
}
