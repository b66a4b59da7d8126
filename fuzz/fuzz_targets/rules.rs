//! The rule loader on any TOML text: rules or an error with a position
//! inside the text, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use luoshi::rule_set::RuleSet;
use std::path::Path;

fuzz_target!(|text: &str| {
    if let Err(e) = RuleSet::from_text(Path::new("fuzz.toml"), text) {
        assert!(e.line >= 1 && e.column >= 1);
        assert!(
            e.line <= text.lines().count() + 1,
            "line {} of {}",
            e.line,
            text.lines().count()
        );
    }
});
