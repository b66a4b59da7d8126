//! The conversion held equal to ferrous-opencc's `T2s`, the converter its
//! tables come from: every character, every phrase, and every fixture text
//! both as it is and converted to traditional script.

use super::*;
use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::path::Path;

fn mapped(s: &str) -> Mapped {
    let mut m = Mapped::with_capacity(s.len());
    m.push_verbatim(s, 0);
    m.finish(s.len())
}

fn opencc(config: BuiltinConfig) -> OpenCC {
    OpenCC::from_config(config).expect("ferrous-opencc loads its embedded dictionaries")
}

/// The reference: the conversion luoshi ran before its own tables, through
/// ferrous-opencc line by line, with the same map back to the source.
fn reference(cc: &OpenCC, input: &Mapped) -> Mapped {
    let offset_at = |i: usize| {
        input
            .offsets
            .get(i)
            .or(input.offsets.last())
            .copied()
            .unwrap_or(0) as usize
    };
    let mut out = Mapped::with_capacity(input.text.len());
    let mut start = 0;
    for line in input.text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let converted = cc.convert(body);
        let source: Vec<usize> = body.char_indices().map(|(i, _)| start + i).collect();
        let count = converted.chars().count();
        for (k, c) in converted.chars().enumerate() {
            let from = if count == source.len() {
                source.get(k).copied()
            } else {
                source.get(k * source.len() / count.max(1)).copied()
            };
            out.push(c, from.map_or(start, offset_at));
        }
        if line.len() > body.len() {
            out.push('\n', offset_at(start + body.len()));
        }
        start += line.len();
    }
    let end = input.offsets.last().copied().unwrap_or(0) as usize;
    out.finish(end)
}

#[test]
fn traditional_only_characters() {
    let table = TraditionalTable::get();
    assert!(table.contains('區'));
    assert!(table.contains('計'));
    assert!(!table.contains('区'));
    assert!(!table.contains('计'));
    assert!(!table.contains('a'));
}

#[test]
fn share_threshold() {
    assert!(is_traditional(100, 30));
    assert!(!is_traditional(13846, 1));
    assert!(!is_traditional(0, 0));
}

#[test]
fn converts_and_keeps_offsets() {
    let m = to_simplified(mapped("計畫於\n乾淨"));
    assert_eq!(m.text, "计划于\n干净");
    let second_line = m.text.find('干').unwrap();
    assert_eq!(m.offsets[second_line] as usize, "計畫於\n".len());
    assert_eq!(m.offsets.len(), m.text.len() + 1);
}

#[test]
fn phrases_override_characters() {
    // 乾 alone is 干, but 乾坤 stays; 瞭 alone is 了 (and 瞭望 keeps 瞭).
    assert_eq!(simplified("乾淨的乾坤"), "干净的乾坤");
    let cc = opencc(BuiltinConfig::T2s);
    assert_eq!(simplified("乾淨的乾坤"), cc.convert("乾淨的乾坤"));
}

#[test]
fn every_character_as_ferrous_opencc() {
    let cc = opencc(BuiltinConfig::T2s);
    let ranges = [0x3000..=0x9FFF, 0xF900..=0xFAFF, 0x2_0000..=0x3_134F];
    let mut differ = Vec::new();
    for code in ranges.into_iter().flatten() {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let s = c.to_string();
        if simplified(&s) != cc.convert(&s) {
            differ.push(c);
        }
        let census = TraditionalTable::get().contains(c);
        let in_census = (CENSUS_FIRST..=CENSUS_LAST).contains(&code) && cc.convert(&s) != s;
        assert_eq!(census, in_census, "census of {c}");
    }
    assert!(
        differ.is_empty(),
        "convert unlike ferrous-opencc: {differ:?}"
    );
}

#[test]
fn every_phrase_as_ferrous_opencc() {
    let cc = opencc(BuiltinConfig::T2s);
    for (from, _) in entries(PHRASES) {
        // Alone, inside traditional text, and cut short.
        let cut: String = from.chars().skip(1).collect();
        for text in [
            from.to_owned(),
            format!("發展{from}計劃"),
            format!("乾{from}"),
            cut,
        ] {
            assert_eq!(simplified(&text), cc.convert(&text), "{text}");
        }
    }
}

fn texts(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            texts(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt" || x == "html") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
}

/// Every UTF-8 fixture (reports, the wide corpora, formats, phrasings...),
/// as it is and turned into traditional script by ferrous-opencc's `S2t`,
/// converts exactly as ferrous-opencc's `T2s` converts it.
#[test]
fn every_fixture_as_ferrous_opencc() {
    let t2s = opencc(BuiltinConfig::T2s);
    let s2t = opencc(BuiltinConfig::S2t);
    let mut files = Vec::new();
    texts(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    assert!(files.len() > 100, "fixtures found: {}", files.len());
    for (name, text) in files {
        let traditional = s2t.convert(&text);
        for (which, text) in [("as is", &text), ("traditional", &traditional)] {
            let want = reference(&t2s, &mapped(text));
            let got = to_simplified(mapped(text));
            if got.text != want.text {
                let at = got
                    .text
                    .char_indices()
                    .zip(want.text.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(0, |((i, _), _)| i);
                panic!(
                    "{name} ({which}) converts unlike ferrous-opencc near byte {at}: {:?}",
                    got.text.get(at.saturating_sub(30)..at + 30)
                );
            }
            assert!(
                got.offsets == want.offsets,
                "{name} ({which}): offsets differ"
            );
        }
    }
}
