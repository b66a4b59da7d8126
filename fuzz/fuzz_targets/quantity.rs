//! The quantity scanner on any text: it must never panic, and every
//! quantity it reports must lie inside the text it was given.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for q in luoshi::quantity::scan(text) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        let _ = q.canonical_value();
    }
    let _ = luoshi::quantity::parse(text);
});
