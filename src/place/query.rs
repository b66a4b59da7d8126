//! Query: the place a user means by what they type (`白云`, `白云区`,
//! `广东省广州市白云区`, `440111`), for `--district` and catalogue files.

use super::names::query_names;
use super::table::table;
use super::{Level, Place};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Why a typed place names no single division.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("no place is called `{0}` (give its name, e.g. 白云区, its full name or its six-digit code)")]
    Unknown(String),
    #[error("`{query}` could be any of: {}; give the full name or the code", .candidates.iter().map(|p| format!("{} ({})", p.name, p.code)).collect::<Vec<_>>().join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<Place>,
    },
}

/// Rows by full name and by every name a user may type.
struct QueryIndex {
    full: HashMap<String, Vec<usize>>,
    names: HashMap<String, Vec<usize>>,
}

fn query_index() -> &'static QueryIndex {
    static INDEX: OnceLock<QueryIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let t = table();
        let mut index = QueryIndex {
            full: HashMap::new(),
            names: HashMap::new(),
        };
        for i in 0..t.rows().len() {
            index.full.entry(t.place(i).name).or_default().push(i);
            // A county by its city and its own name (`广州市白云区`).
            if let Some(city) = t.parent_index(i).filter(|&p| t.row(p).level == Level::City) {
                let name = format!("{}{}", t.row(city).name, t.row(i).name);
                index.full.entry(name).or_default().push(i);
            }
            for name in query_names(t, i) {
                index.names.entry(name).or_default().push(i);
            }
        }
        index
    })
}

/// The place `query` names: a code, a full name, or a name or short name
/// only one division has (a current one before a historical one).
pub fn resolve(query: &str) -> Result<Place, QueryError> {
    let query = query.trim();
    let t = table();
    if query.len() == 6 && query.bytes().all(|b| b.is_ascii_digit()) {
        return t
            .place_of_code(query)
            .ok_or_else(|| QueryError::Unknown(query.to_owned()));
    }
    let index = query_index();
    let full: Vec<Place> = index
        .full
        .get(query)
        .into_iter()
        .flatten()
        .map(|&i| t.place(i))
        .collect();
    let mut named: Vec<(Place, bool)> = index
        .names
        .get(query)
        .into_iter()
        .flatten()
        .map(|&i| (t.place(i), t.row(i).last.is_none()))
        .collect();
    if let Some(p) = full.into_iter().next() {
        return Ok(p);
    }
    if named.iter().any(|(_, current)| *current) {
        named.retain(|(_, current)| *current);
    }
    let mut candidates: Vec<Place> = named.into_iter().map(|(p, _)| p).collect();
    candidates.dedup_by(|a, b| a.code == b.code);
    match candidates.len() {
        0 => Err(QueryError::Unknown(query.to_owned())),
        1 => Ok(candidates.remove(0)),
        _ => Err(QueryError::Ambiguous {
            query: query.to_owned(),
            candidates,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_full_names_and_unique_short_names_resolve() {
        assert_eq!(resolve("440111").unwrap().short, "白云区");
        assert_eq!(resolve("广东省广州市白云区").unwrap().code, "440111");
        assert_eq!(resolve("贵阳市白云区").unwrap().code, "520113");
        assert_eq!(resolve("鄞州区").unwrap().code, "330212");
        assert_eq!(resolve("鄞州").unwrap().code, "330212");
        assert_eq!(resolve("科右中旗").unwrap().code, "152222");
    }

    #[test]
    fn an_ambiguous_name_lists_its_places_and_an_unknown_one_says_so() {
        match resolve("白云区") {
            Err(QueryError::Ambiguous { candidates, .. }) => {
                let codes: Vec<&str> = candidates.iter().map(|p| p.code.as_str()).collect();
                assert_eq!(codes, ["440111", "520113"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(resolve("安和区"), Err(QueryError::Unknown(_))));
        assert!(matches!(resolve("999999"), Err(QueryError::Unknown(_))));
    }
}
