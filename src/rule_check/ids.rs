//! Ids: every target id must be snake_case ASCII and unique, except that a
//! file from a `--rules` folder may reuse a default id to replace that target.

use super::{place, FileProblems, ParsedFile, Problem, Severity};
use std::collections::HashMap;
use std::ops::Range;

/// Reports malformed and duplicate ids of `files`; ids of `context` files
/// (the default rules) may be overridden but not duplicated.
pub fn check_ids(context: &[ParsedFile], files: &[ParsedFile], problems: &mut Vec<Problem>) {
    let mut first: HashMap<&str, (&ParsedFile, Range<usize>)> = HashMap::new();
    for file in context {
        for target in &file.rules.target {
            first
                .entry(target.id.get_ref().as_str())
                .or_insert((file, target.id.span()));
        }
    }
    for file in files {
        let mut out = FileProblems {
            file,
            problems: &mut *problems,
        };
        for target in &file.rules.target {
            let id = target.id.get_ref().as_str();
            if !is_snake_case(id) {
                out.push(
                    Severity::Error,
                    target.id.span(),
                    format!("target id `{id}` is not snake_case ASCII"),
                    Some(snake_case_hint(id)),
                );
            }
            match first.get(id) {
                Some((earlier, _))
                    if file.source.is_override
                        && !earlier.source.is_override
                        && earlier.source.path != file.source.path =>
                {
                    first.insert(id, (file, target.id.span()));
                }
                Some((earlier, span)) => {
                    let hint = if earlier.source.path == file.source.path {
                        format!("first defined at {}", place(earlier, span.clone()))
                    } else {
                        format!(
                            "first defined at {}; to replace a default target, put the new one in a folder given with `--rules`",
                            place(earlier, span.clone())
                        )
                    };
                    out.push(
                        Severity::Error,
                        target.id.span(),
                        format!("duplicate target id `{id}`"),
                        Some(hint),
                    );
                }
                None => {
                    first.insert(id, (file, target.id.span()));
                }
            }
        }
    }
}

/// `a_b1`: lowercase ASCII letters and digits in words joined by single underscores.
pub fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('_').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn snake_case_hint(id: &str) -> String {
    if !id.is_ascii() || id.is_empty() {
        return "ids are ASCII snake_case, like `charging_piles`; the Chinese name goes in `name_zh`".into();
    }
    let mut snake = String::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() && !snake.is_empty() && !snake.ends_with('_') {
            snake.push('_');
        }
        if c.is_ascii_alphanumeric() {
            snake.push(c.to_ascii_lowercase());
        } else if !snake.ends_with('_') {
            snake.push('_');
        }
    }
    let snake = snake.trim_matches('_');
    if is_snake_case(snake) {
        format!("write it as `{snake}`")
    } else {
        "ids are lowercase ASCII words joined by `_`, starting with a letter".into()
    }
}

#[cfg(test)]
mod tests {
    use super::{is_snake_case, snake_case_hint};

    #[test]
    fn snake_case_ids() {
        assert!(is_snake_case("g5_base_stations"));
        assert!(!is_snake_case("5g_base_stations"));
        assert!(!is_snake_case("school__places"));
        assert!(!is_snake_case("schoolPlaces"));
        assert!(!is_snake_case("充电桩"));
        assert_eq!(
            snake_case_hint("ChargingPiles"),
            "write it as `charging_piles`"
        );
        assert_eq!(
            snake_case_hint("charging-piles"),
            "write it as `charging_piles`"
        );
    }
}
