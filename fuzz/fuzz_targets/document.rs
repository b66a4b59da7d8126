//! Reading a document from any bytes, as a text file and as an HTML page:
//! an error or a document, never a panic; every position maps back into the
//! original text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use luoshi::document::{Document, Normaliser};
use std::path::Path;
use std::sync::OnceLock;

fn normaliser() -> &'static Normaliser {
    static N: OnceLock<Normaliser> = OnceLock::new();
    N.get_or_init(|| {
        let rules = luoshi::rule_set::RuleSet::load(None).expect("default rules load");
        Normaliser::new(&rules.variants).expect("default variants build")
    })
}

fuzz_target!(|bytes: &[u8]| {
    for name in ["report.txt", "report.html"] {
        if let Ok(doc) = Document::from_bytes(Path::new(name), bytes, normaliser()) {
            let r = doc.original_range(0..doc.text.len());
            assert!(r.end <= doc.original.len());
            let _ = doc.position(0..doc.text.len());
            for s in &doc.sections {
                assert!(s.range.end <= doc.text.len());
            }
        }
    }
});
