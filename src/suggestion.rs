//! Suggestions: "did you mean …?" for a misspelt name on the command line
//! (a target id, a status). Used by commands before the pipeline runs.

use strsim::jaro_winkler;

/// A candidate is suggested only when it is at least this similar to the word.
pub const SUGGESTION_THRESHOLD: f64 = 0.8;

/// The candidate most similar to `word`, if any is similar enough.
/// Jaro-Winkler counts characters, so Chinese names are compared fairly.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= SUGGESTION_THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        let ids = ["land_reserve", "land_supply", "school_places_k12"];
        assert_eq!(did_you_mean("land_reserv", ids), Some("land_reserve"));
        assert_eq!(
            did_you_mean("school_place_k12", ids),
            Some("school_places_k12")
        );
    }

    #[test]
    fn suggests_nothing_for_an_unrelated_word() {
        assert_eq!(did_you_mean("gdp", ["land_reserve", "bidao"]), None);
    }
}
