//! The benchmark corpus: copies of the bundled reports with the district and
//! the years changed, so no two files are alike, written as UTF-8 text, as
//! GB18030 text and as saved HTML pages, the way government sites serve them.

use encoding_rs::GB18030;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Districts the copies are attributed to (the bundled ones are renamed).
const DISTRICTS: [&str; 16] = [
    "天河", "越秀", "荔湾", "黄埔", "南沙", "从化", "增城", "福田", "罗湖", "南山", "宝安", "龙岗",
    "禅城", "南海", "顺德", "香洲",
];

/// Districts of the bundled reports, replaced in every copy.
const BUNDLED: [&str; 4] = ["白云", "番禺", "海珠", "花都"];

/// Files per folder, so no folder grows huge.
const FILES_PER_FOLDER: usize = 500;

/// What was written.
pub struct Corpus {
    pub dir: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Files written as GB18030 and as HTML.
    pub gb18030: usize,
    pub html: usize,
}

/// Writes copies of the reports in the `fixtures` folders into `dir` until
/// `target` bytes are written: one file in eight is GB18030, one in eight HTML.
pub fn build(fixtures: &[PathBuf], dir: &Path, target: u64) -> io::Result<Corpus> {
    let mut sources = Vec::new();
    for folder in fixtures {
        let mut names: Vec<PathBuf> = fs::read_dir(folder)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        for path in names {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            sources.push((stem.unwrap_or_default(), fs::read_to_string(&path)?));
        }
    }
    if sources.is_empty() {
        return Err(io::Error::other(format!(
            "no .txt reports in {}",
            fixtures
                .iter()
                .map(|f| f.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut corpus = Corpus {
        dir: dir.to_owned(),
        files: 0,
        bytes: 0,
        gb18030: 0,
        html: 0,
    };
    while corpus.bytes < target {
        let i = corpus.files;
        let (stem, text) = &sources[i % sources.len()];
        let district = DISTRICTS[(i / sources.len()) % DISTRICTS.len()];
        let shift = (i / (sources.len() * DISTRICTS.len())) % 11;
        let renamed = rename_district(text, district);
        // A report of a district not renamed, and every copy once the
        // districts and year shifts are used up, gets a tag of its own so
        // that no two files are alike (files of the same content are read
        // once, and only hashed after that).
        let cycle = sources.len() * DISTRICTS.len() * 11;
        let renamed = if renamed == *text || i >= cycle {
            format!("{renamed}\n[copy {}]\n", tag(i))
        } else {
            renamed
        };
        let text = shift_years(&renamed, shift as i32 - 8);
        let folder = dir.join(format!("{:03}", i / FILES_PER_FOLDER));
        fs::create_dir_all(&folder)?;
        let name = format!("{stem}-{district}-{i:06}");
        let (file, bytes) = match i % 8 {
            0 => {
                corpus.gb18030 += 1;
                let (encoded, _, _) = GB18030.encode(&text);
                (folder.join(format!("{name}.txt")), encoded.into_owned())
            }
            1 => {
                corpus.html += 1;
                (
                    folder.join(format!("{name}.html")),
                    page(&text).into_bytes(),
                )
            }
            _ => (folder.join(format!("{name}.txt")), text.into_bytes()),
        };
        fs::write(&file, &bytes)?;
        corpus.files += 1;
        corpus.bytes += bytes.len() as u64;
    }
    Ok(corpus)
}

fn rename_district(text: &str, to: &str) -> String {
    BUNDLED
        .iter()
        .fold(text.to_owned(), |t, from| t.replace(from, to))
}

/// The copy number in letters (no digits, so no quantity is read from it).
fn tag(mut i: usize) -> String {
    let mut out = String::new();
    loop {
        out.push(char::from(b'a' + (i % 26) as u8));
        i /= 26;
        if i == 0 {
            return out;
        }
    }
}

/// Moves every `20YY年` by `shift` years.
fn shift_years(text: &str, shift: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('年') {
        let (before, after) = rest.split_at(at);
        let year = before
            .len()
            .checked_sub(4)
            .and_then(|start| before.get(start..))
            .filter(|y| y.starts_with("20") && y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse::<i32>().ok());
        match year {
            Some(y) => {
                out.push_str(&before[..before.len() - 4]);
                out.push_str(&(y + shift).to_string());
            }
            None => out.push_str(before),
        }
        out.push('年');
        rest = &after['年'.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// The text as a saved government web page: navigation, a script, and the
/// report in paragraphs.
fn page(text: &str) -> String {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title>\
         <script>var _hmt = [];</script><style>p { margin: 0 }</style></head><body>\n\
         <div class=\"main-nav\"><ul><li><a href=\"/\">首页</a></li><li>政务公开</li></ul></div>\n\
         <div class=\"article\">\n",
    );
    for line in text.lines() {
        html.push_str("<p>");
        html.push_str(
            &line
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;"),
        );
        html.push_str("</p>\n");
    }
    html.push_str("</div>\n<div class=\"footer\">版权所有</div></body></html>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_shift_and_other_numbers_stay() {
        assert_eq!(
            shift_years("2021年新增3840个,2020年", 2),
            "2023年新增3840个,2022年"
        );
        assert_eq!(shift_years("第12年", 2), "第12年");
    }
}
