//! Properties of the rule loader on damaged input: any text, and any valid
//! file with characters cut out or pasted in, loads or fails with a location
//! inside the file; it never panics. Checking renders every problem.

use luoshi::rule_check::check_sources;
use luoshi::rule_set::{RuleSet, RuleSource};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const VALID: &str = include_str!("../rules/good/charging.toml");

/// Whether a reported line and column lie inside `text` (one past the end allowed).
fn inside(text: &str, line: usize, column: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    line >= 1
        && lines
            .get(line - 1)
            .is_some_and(|l| column >= 1 && column <= l.chars().count() + 1)
}

fn check_all(text: &str) {
    match RuleSet::from_text(Path::new("p.toml"), text) {
        Ok(_) => {}
        Err(e) => assert!(inside(text, e.line, e.column), "{e} outside the file"),
    }
    let source = RuleSource {
        path: PathBuf::from("p.toml"),
        text: text.to_owned(),
        is_override: true,
    };
    for problem in check_sources(&[], &[source]).problems {
        let mut out = Vec::new();
        assert!(luoshi::render::diagnostic::write_problem(&mut out, &problem).is_ok());
        let at = &problem.location;
        assert!(inside(text, at.line, at.column), "{:?}", problem);
    }
}

proptest! {
    #[test]
    fn any_text_loads_or_fails_with_a_place(text in "\\PC{0,200}") {
        check_all(&text);
    }

    #[test]
    fn a_damaged_rule_file_loads_or_fails_with_a_place(
        cut in 0usize..VALID.chars().count(),
        len in 0usize..12,
        paste in "[\"\\[\\]=,{}\n 亩0-9a-z_]{0,6}",
    ) {
        let chars: Vec<char> = VALID.chars().collect();
        let end = (cut + len).min(chars.len());
        let damaged: String = chars[..cut]
            .iter()
            .chain(paste.chars().collect::<Vec<_>>().iter())
            .chain(chars[end..].iter())
            .collect();
        check_all(&damaged);
    }
}
