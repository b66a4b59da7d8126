//! What to say when a `track` filter matches nothing: which filter, and the
//! values the input does have (with a suggestion when one is close), so a
//! typo such as `--district 白去` is not mistaken for an empty result.

use crate::link::{Fulfilment, Status};
use crate::place::Place;
use crate::suggestion::did_you_mean;

/// The filters of one `track` run.
pub struct Filters<'a> {
    /// `--district` as typed, and the place it names (none when it names no
    /// place at all: then no row passes, and the warning says so).
    pub district: Option<(&'a str, Option<&'a Place>)>,
    pub year: Option<i32>,
    pub targets: &'a [String],
    pub statuses: &'a [Status],
}

impl Filters<'_> {
    /// Whether `row` passes every filter.
    pub fn keep(&self, row: &Fulfilment) -> bool {
        self.district_ok(row)
            && self.year.is_none_or(|y| row.year == y)
            && (self.targets.is_empty() || self.targets.contains(&row.target))
            && (self.statuses.is_empty() || self.statuses.contains(&row.status))
    }

    /// The filters given, as typed (`--year 2031`).
    fn given(&self) -> Vec<String> {
        let mut given = Vec::new();
        given.extend(self.district.map(|(d, _)| format!("`--district {d}`")));
        given.extend(self.year.map(|y| format!("`--year {y}`")));
        given.extend(self.targets.iter().map(|t| format!("`--target {t}`")));
        given.extend(
            self.statuses
                .iter()
                .map(|s| format!("`--status {}`", s.as_str())),
        );
        given
    }

    fn district_ok(&self, row: &Fulfilment) -> bool {
        self.district
            .is_none_or(|(_, place)| place.is_some_and(|p| row.place_code == p.code))
    }

    /// One warning per filter that no row of `rows` (before filtering)
    /// passes, or one for the combination when each passes alone but none
    /// passes all. Empty when something is kept or nothing was filtered.
    pub fn warnings(&self, rows: &[Fulfilment]) -> Vec<String> {
        let mut out = Vec::new();
        if rows.is_empty() || rows.iter().any(|r| self.keep(r)) {
            return out;
        }
        if let Some((query, _)) = self.district {
            if !rows.iter().any(|r| self.district_ok(r)) {
                let districts = distinct(rows.iter().map(|r| r.place.as_str()));
                let hint = closest_district(query, &districts)
                    .map(|d| format!("did you mean `{d}`? "))
                    .unwrap_or_default();
                let labels = distinct_labels(rows);
                out.push(format!(
                    "no place in the input matches `--district {query}`; {hint}places: {}",
                    labels.join(", ")
                ));
            }
        }
        if let Some(year) = self.year {
            if !rows.iter().any(|r| r.year == year) {
                let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
                years.sort_unstable();
                years.dedup();
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                out.push(format!(
                    "no row for `--year {year}` in the input; years: {}",
                    years.join(", ")
                ));
            }
        }
        for id in self.targets {
            if !rows.iter().any(|r| &r.target == id) {
                out.push(format!(
                    "no row for `--target {id}` in the input (no plan of it was found; \
                     `luoshi extract --target {id}` shows its statements)"
                ));
            }
        }
        for status in self.statuses {
            if !rows.iter().any(|r| r.status == *status) {
                let present = distinct(rows.iter().map(|r| r.status.as_str()));
                out.push(format!(
                    "no row with `--status {}` in the input; statuses: {}",
                    status.as_str(),
                    present.join(", ")
                ));
            }
        }
        if out.is_empty() {
            out.push(format!(
                "no row passes {} together, though each matches some",
                self.given().join(" and ")
            ));
        }
        out
    }
}

/// The values in first-seen order, each once, empty ones left out.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for v in values {
        if !v.is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen
}

/// Each place of `rows` once, as `track` shows it (`广东省广州市白云区 (440111)`).
fn distinct_labels(rows: &[Fulfilment]) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for r in rows {
        if !r.place_code.is_empty() && !seen.contains(&r.place_code.as_str()) {
            seen.push(&r.place_code);
            out.push(crate::render::track::place_label(r));
        }
    }
    out
}

/// A district close to `query`: by spelling, or else the one sharing the
/// most characters with it (`白去` → `白云区`), as a place name is more often
/// mistyped in one character than misspelt throughout.
fn closest_district<'a>(query: &str, districts: &[&'a str]) -> Option<&'a str> {
    if let Some(d) = did_you_mean(query, districts.iter().copied()) {
        return Some(d);
    }
    let shared = |d: &str| query.chars().filter(|c| d.contains(*c)).count();
    let best = districts.iter().copied().max_by_key(|d| shared(d))?;
    (shared(best) > 0).then_some(best)
}
