//! Suggestions: "did you mean …?" for a mistyped target id, unit or field
//! name. Used by rule checking and by commands that take target ids; one
//! function so every hint in the tool agrees on what counts as close.

/// Smallest Jaro–Winkler similarity for a candidate to be suggested. Jaro–Winkler
/// rewards a shared beginning, which is how ids and unit words are usually mistyped
/// (`school_place_k12`, `亩亩`).
pub const MIN_JARO_WINKLER: f64 = 0.8;

/// Smallest normalised Levenshtein similarity that also qualifies a candidate,
/// for a slip in the first characters (`shcool_places_k12`, `万亿元`): one edit in
/// a word of three characters passes, one edit in a word of two does not.
pub const MIN_NORMALIZED_LEVENSHTEIN: f64 = 0.6;

/// The candidate closest to `word`, if any is close enough to be worth
/// suggesting. Similarity counts characters, not bytes, so a Chinese word is
/// compared character by character. Ties go to the earlier candidate. A
/// candidate equal to `word` is not a suggestion.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let jaro_winkler = strsim::jaro_winkler(word, candidate);
        let levenshtein = strsim::normalized_levenshtein(word, candidate);
        if jaro_winkler < MIN_JARO_WINKLER && levenshtein < MIN_NORMALIZED_LEVENSHTEIN {
            continue;
        }
        let score = jaro_winkler.max(levenshtein);
        if best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    const IDS: [&str; 4] = [
        "school_places_k12",
        "school_places_public",
        "kindergarten_places",
        "land_reserve",
    ];

    #[test]
    fn a_missing_letter_finds_the_id() {
        assert_eq!(
            did_you_mean("school_place_k12", IDS),
            Some("school_places_k12")
        );
        assert_eq!(did_you_mean("land_reserves", IDS), Some("land_reserve"));
    }

    #[test]
    fn a_slip_at_the_start_still_finds_the_id() {
        assert_eq!(
            did_you_mean("shcool_places_k12", IDS),
            Some("school_places_k12")
        );
    }

    #[test]
    fn chinese_units_are_compared_by_character() {
        let units = ["个", "亩", "万平方米", "公里", "亿元"];
        assert_eq!(did_you_mean("亩亩", units), Some("亩"));
        assert_eq!(did_you_mean("平方米", units), Some("万平方米"));
        assert_eq!(did_you_mean("万亿元", units), Some("亿元"));
    }

    #[test]
    fn unrelated_words_get_no_suggestion() {
        assert_eq!(did_you_mean("gdp_growth", IDS), None);
        assert_eq!(did_you_mean("吨", ["个", "亩", "公里"]), None);
        assert_eq!(did_you_mean("", IDS), None);
    }

    #[test]
    fn an_exact_match_is_not_a_suggestion() {
        assert_eq!(did_you_mean("land_reserve", ["land_reserve"]), None);
    }
}
