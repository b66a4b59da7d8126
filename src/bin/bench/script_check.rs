//! The bench's check that luoshi's traditional → simplified conversion (its
//! own tables, `data/t2s-*.tsv`) gives exactly what ferrous-opencc's `T2s`
//! gives, the converter the tables come from, over the texts of the sample:
//! the UTF-8 files as they are and turned into traditional script.

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use std::path::PathBuf;

/// Texts compared and those that differ (by name).
pub struct Check {
    pub texts: usize,
    pub differ: Vec<String>,
}

/// Compares both conversions over every UTF-8 file of `sample`.
pub fn run(sample: &[(PathBuf, Vec<u8>)]) -> Option<Check> {
    let t2s = OpenCC::from_config(BuiltinConfig::T2s).ok()?;
    let s2t = OpenCC::from_config(BuiltinConfig::S2t).ok()?;
    let mut check = Check {
        texts: 0,
        differ: Vec::new(),
    };
    for (path, bytes) in sample {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        for (which, text) in [("", text.to_owned()), (" (traditional)", s2t.convert(text))] {
            check.texts += 1;
            let want: String = text
                .split_inclusive('\n')
                .map(|line| {
                    let body = line.strip_suffix('\n').unwrap_or(line);
                    t2s.convert(body) + &line[body.len()..]
                })
                .collect();
            if luoshi::document::simplified(&text) != want {
                check.differ.push(format!("{}{which}", path.display()));
            }
        }
    }
    Some(check)
}
