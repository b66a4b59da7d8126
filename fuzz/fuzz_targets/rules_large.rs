//! The rule loader on large generated rule files: a few fuzzed lines of
//! targets, examples and variants repeated into thousands of targets, so
//! loading and checking are exercised at sizes where anything quadratic
//! shows as a timeout. Rules or an error with a position, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use luoshi::rule_set::RuleSet;
use std::fmt::Write;
use std::path::Path;

fuzz_target!(|input: (u16, &str, &str)| {
    let (count, term, example) = input;
    let count = usize::from(count % 3000) + 1;
    let clean = |s: &str| s.replace(['"', '\\', '\n', '\r'], "");
    let (term, example) = (clean(term), clean(example));
    let mut text = String::new();
    for i in 0..count {
        let _ = write!(
            text,
            "[[target]]\nid = \"t{i}\"\nname_zh = \"{term}{i}\"\nname_en = \"x\"\nunit = \"个\"\n\
             measure = \"flow\"\nterms = [\"{term}\", \"{term}{i}\"]\n\
             examples = [{{ text = \"{example}{i}个\", value = {i} }}]\n\
             counter_examples = [\"{example}\"]\n\n"
        );
    }
    let _ = write!(text, "[[variant]]\nfrom = \"{term}\"\nto = \"{example}\"\n");
    if let Err(e) = RuleSet::from_text(Path::new("large.toml"), &text) {
        assert!(e.line >= 1 && e.column >= 1);
        assert!(e.line <= text.lines().count() + 1);
    }
});
