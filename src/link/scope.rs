//! Scope similarity: whether two statements are about the same named area.
//!
//! Linking only pairs a plan with an outcome of the same scope (a target for
//! 白云湖数字科技城 is not met by a district-wide figure). Reports do not spell
//! an area the same way twice: a plan names 白云湖数字科技城, the result names
//! its part 白云湖数字科技城亭岗启动区; one sentence says 广州民营科技园, the next
//! 民营科技园. Scopes are compared after normalisation with Jaro-Winkler, which
//! counts characters (never a byte-based measure such as Sørensen-Dice, which
//! under-rates CJK text), from both ends of the name: a sub-area extends a
//! name at its end, a shortened name drops the city at its start. Different
//! places of the same kind share only their head noun (民营科技园 vs 生物科技园)
//! and stay below the threshold.

use strsim::jaro_winkler;

/// Two scopes whose similarity reaches this are the same area.
///
/// 白云湖数字科技城 vs 白云湖数字科技城亭岗启动区 scores 0.92, 广州民营科技园 vs
/// 民营科技园 0.94; 民营科技园 vs 生物科技园 0.81, 白云湖数字科技城 vs 白云湖生态城 0.81.
pub const SAME_SCOPE_THRESHOLD: f64 = 0.85;

/// Similarity of two scopes in `0.0..=1.0`. Two empty scopes (both the whole
/// district) score 1; the whole district against a named area scores 0.
pub fn scope_similarity(a: &str, b: &str) -> f64 {
    let a = normalise_scope(a);
    let b = normalise_scope(b);
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return 1.0,
        (true, false) | (false, true) => return 0.0,
        (false, false) => {}
    }
    let forward = jaro_winkler(&a, &b);
    let a_rev: String = a.chars().rev().collect();
    let b_rev: String = b.chars().rev().collect();
    forward.max(jaro_winkler(&a_rev, &b_rev))
}

/// Whether two scopes name the same area (see [`SAME_SCOPE_THRESHOLD`]).
pub fn same_scope(a: &str, b: &str) -> bool {
    scope_similarity(a, b) >= SAME_SCOPE_THRESHOLD
}

/// Drops what does not name the place: whitespace, quotation marks and brackets.
fn normalise_scope(scope: &str) -> String {
    scope
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”' | '"' | '\'' | '‘' | '’' | '《' | '》' | '「' | '」'
                )
        })
        .collect()
}

/// Splits items into groups of the same area: each item joins the first group
/// whose first member has the same scope. Groups are small (one district,
/// target and year), so the pairwise check stays cheap.
pub fn cluster_by_scope<T>(items: Vec<T>, scope_of: impl Fn(&T) -> &str) -> Vec<Vec<T>> {
    let mut groups: Vec<Vec<T>> = Vec::new();
    for item in items {
        let found = groups.iter_mut().find(|g| {
            g.first()
                .is_some_and(|first| same_scope(scope_of(first), scope_of(&item)))
        });
        match found {
            Some(group) => group.push(item),
            None => groups.push(vec![item]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sub_area_is_the_same_area() {
        assert!(same_scope("白云湖数字科技城", "白云湖数字科技城亭岗启动区"));
        assert!(same_scope("广州民营科技园", "民营科技园"));
        assert!(same_scope("“琶洲”", "琶洲"));
    }

    #[test]
    fn different_areas_are_kept_apart() {
        assert!(!same_scope("民营科技园", "白云湖数字科技城"));
        assert!(!same_scope("民营科技园", "生物科技园"));
        assert!(!same_scope("白云湖数字科技城", "白云湖生态城"));
        assert!(!same_scope("市重点项目", "汽车产业"));
    }

    #[test]
    fn the_whole_district_only_matches_itself() {
        assert_eq!(scope_similarity("", ""), 1.0);
        assert_eq!(scope_similarity("", "白云湖数字科技城"), 0.0);
        assert!(!same_scope("白云湖数字科技城", ""));
    }

    #[test]
    fn documented_scores_hold() {
        let score = scope_similarity("白云湖数字科技城", "白云湖数字科技城亭岗启动区");
        assert!((score - 0.92).abs() < 0.01, "{score}");
        let score = scope_similarity("民营科技园", "生物科技园");
        assert!((score - 0.81).abs() < 0.01, "{score}");
    }
}
