//! Identify: which government a report is of, found in its normalised text
//! by one leftmost-longest pass over every division name (see `names`) in
//! the start of the report (see `finder`). Each mention is weighed by where it stands:
//! in the header before a government, a congress or a year
//! (`城口县发展和改革委员会`, `在东安县第十八届人民代表大会`, `东丽区2025年`)
//! it counts far more than in the body. A name right after its parent
//! (`广州市白云区`, `(江西省)靖安县`) is that child only, and the parent is not
//! a mention of its own; a name right before a word for a part of a place
//! (`宁波高新区`, listed in `data/place-parts.txt`) does not count either.
//! The words around a name that weigh it are in `data/place-context.txt`
//! (see `context`).
//! A name several divisions share (白云区 of 广州市 and of 贵阳市) goes to
//! those whose city or province the report names. Last, the report's own
//! word for itself (`全省`, `全市`, `全区`, `全县`, `全旗`, the last character
//! of the reporting government's name) favours places of that kind, so a
//! banner's report that names its region is read as the banner's.
//!
//! A bare stem that is also a word of the genre (`新建学校`, `乡村振兴`,
//! listed in `data/word-stems.txt`) counts only where it names a place (in
//! a title, dateline or issuing body, or next to its parent or child), and
//! its full name right before a word its suffix begins (`新建区级`, listed
//! in `data/suffix-words.txt`) not at all. A division named like a part of
//! a place (阳泉市城区, 阳泉市矿区) counts as itself before a government or
//! congress (`城区人民政府`). A place whose code changed under one name (三元区
//! 350403, now 350404) is read by its current code.

use super::context::Context;
use super::finder::Finder;
use super::names::{suffix_of, text_names, Strength};
use super::table::{table, Table};
use super::Place;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Words for parts of places.
const PARTS: &str = include_str!("../../data/place-parts.txt");

/// Stems of divisions that are also words of the genre, each with a note.
const WORD_STEMS: &str = include_str!("../../data/word-stems.txt");

/// Words a division's suffix begins (`区域`, `市场`).
const SUFFIX_WORDS: &str = include_str!("../../data/suffix-words.txt");

/// How much of the start of a report is searched for place names: the
/// header and the opening, where a report names itself (a longer scan found
/// no other place on the corpora and costs reading speed).
const SCAN_BYTES: usize = 16 * 1024;

/// Weight of a mention in the header before or after a strong word.
const STRONG_IN_HEADER: f64 = 12.0;

/// Weight of such a mention after the header.
const STRONG_IN_BODY: f64 = 3.0;

/// Added to a place whose last character is the report's word for itself.
const SELF_REFERENCE: f64 = 8.0;

/// Uses of the report's word for itself needed to count.
const MIN_SELF_REFERENCES: usize = 2;

/// Evidence a place needs to be taken, before its word for itself counts:
/// more than one passing mention.
const MIN_SCORE: f64 = 2.0;

/// Mentions by stem alone a place needs when no full name is enough.
const MIN_STEM_MENTIONS: f64 = 2.0;

/// What one pattern of the automaton stands for.
#[derive(Debug, Default)]
struct Pattern {
    /// Rows the string names, and how strongly.
    uses: Vec<(usize, Strength)>,
    /// The string is a word for a part of a place.
    part: bool,
    /// `全X`/`我X`/`本X`: the report's word for itself, `X` the character.
    self_ref: Option<char>,
    /// The string is, or is the full name of, a stem that is also a word.
    word_like: bool,
}

struct Index {
    finder: Finder,
    patterns: Vec<Pattern>,
    suffix_words: Vec<&'static str>,
    context: Context,
}

/// The lines of a data file that are not notes, up to a tab.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn index() -> Option<&'static Index> {
    static INDEX: OnceLock<Option<Index>> = OnceLock::new();
    INDEX.get_or_init(|| build(table())).as_ref()
}

fn build(table: &Table) -> Option<Index> {
    // Rows have about two names each.
    let capacity = table.rows().len() * 2;
    let mut strings: Vec<String> = Vec::with_capacity(capacity);
    let mut patterns: Vec<Pattern> = Vec::with_capacity(capacity);
    let mut slots: HashMap<String, usize> = HashMap::with_capacity(capacity);
    let mut at = |s: &str, strings: &mut Vec<String>, patterns: &mut Vec<Pattern>| -> usize {
        if let Some(&i) = slots.get(s) {
            return i;
        }
        strings.push(s.to_owned());
        patterns.push(Pattern::default());
        slots.insert(s.to_owned(), strings.len() - 1);
        strings.len() - 1
    };
    let mut word_stems: Vec<&str> = entries(WORD_STEMS).collect();
    word_stems.sort_unstable();
    let mut self_chars: Vec<char> = Vec::new();
    for row in 0..table.rows().len() {
        let names = text_names(table, row);
        let word_like = names
            .iter()
            .any(|(n, s)| *s == Strength::Stem && word_stems.binary_search(&n.as_str()).is_ok());
        for (name, strength) in names {
            let i = at(&name, &mut strings, &mut patterns);
            patterns[i].uses.push((row, strength));
            patterns[i].word_like |= word_like;
        }
        if let Some(c) = suffix_of(&table.row(row).name).chars().last() {
            if !self_chars.contains(&c) {
                self_chars.push(c);
            }
        }
    }
    for word in entries(PARTS) {
        let i = at(word, &mut strings, &mut patterns);
        patterns[i].part = true;
    }
    for c in self_chars {
        for lead in ['全', '我', '本'] {
            let i = at(&format!("{lead}{c}"), &mut strings, &mut patterns);
            patterns[i].self_ref = Some(c);
        }
    }
    Some(Index {
        finder: Finder::new(&strings),
        patterns,
        suffix_words: entries(SUFFIX_WORDS).collect(),
        context: Context::shipped(),
    })
}

/// One name found in the text.
#[derive(Debug)]
struct Mention {
    end: usize,
    /// The pattern's uses, until a child's name narrows them.
    rows: Cow<'static, [(usize, Strength)]>,
    /// Before or after a word of a title, dateline or issuing body.
    strong: bool,
    in_header: bool,
    /// Right before a child's name: stands for the child only.
    parent: bool,
    /// Right before a word for a part of a place.
    part: bool,
    /// Right after its parent's name.
    chained: bool,
    /// Two characters (`城区`, `萧县`): too common as a word to count alone.
    short: bool,
    /// A stem that is also a word, outside a place-naming context.
    word: bool,
}

/// The reporting government of a report, from its normalised text;
/// `header_end` is where the first section heading starts.
pub fn identify(text: &str, header_end: usize) -> Option<Place> {
    let index = index()?;
    let table = table();
    let scan = prefix(text, SCAN_BYTES);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut self_refs: Vec<(char, usize)> = Vec::new();
    for m in index.finder.find_iter(scan) {
        let p = &index.patterns[m.id];
        if let Some(c) = p.self_ref {
            match self_refs.iter_mut().find(|(x, _)| *x == c) {
                Some((_, n)) => *n += 1,
                None => self_refs.push((c, 1)),
            }
            continue;
        }
        let adjacent = mentions
            .last()
            .is_some_and(|last| index.context.chains(&scan[last.end..m.start]));
        let mut rows = Cow::Borrowed(p.uses.as_slice());
        let mut chained = false;
        if adjacent {
            if let Some(last) = mentions.last_mut() {
                let below: Vec<(usize, Strength)> = rows
                    .iter()
                    .copied()
                    .filter(|&(r, _)| last.rows.iter().any(|&(a, _)| table.is_ancestor(a, r)))
                    .collect();
                if below.is_empty() {
                    last.part |= p.part;
                } else {
                    last.rows
                        .to_mut()
                        .retain(|&(a, _)| below.iter().any(|&(r, _)| table.is_ancestor(a, r)));
                    last.parent = true;
                    rows = Cow::Owned(below);
                    chained = true;
                }
            }
        }
        let government = !p.uses.is_empty() && index.context.names_government(scan, m.end);
        if rows.is_empty() || (p.part && !chained && !government) {
            continue;
        }
        // A word before a number (`新建5G基站`) is no place before a year.
        let strong = index.context.strong(scan, m.start, m.end)
            && !(p.word_like && starts_with_number_not_year(&scan[m.end..]));
        if p.word_like && !chained && suffix_begins_word(scan, m.end, &index.suffix_words) {
            continue;
        }
        mentions.push(Mention {
            end: m.end,
            rows,
            strong,
            in_header: m.start < header_end,
            parent: false,
            part: false,
            chained,
            short: scan[m.start..m.end].chars().count() <= 2,
            word: p.word_like && !strong && !chained,
        });
    }
    choose(table, &mentions, &self_refs).map(|row| table.place(row))
}

/// The row with the most evidence, if it has enough: by full names, else
/// by stems in a report whose word for itself fits them.
fn choose(table: &Table, mentions: &[Mention], self_refs: &[(char, usize)]) -> Option<usize> {
    // The share of the report's words for itself that fit a place's kind.
    let total: usize = self_refs.iter().map(|(_, n)| n).sum();
    let share = |row: usize| {
        let c = suffix_of(&table.row(row).name).chars().last();
        self_refs
            .iter()
            .find(|(x, n)| Some(*x) == c && *n >= MIN_SELF_REFERENCES)
            .map_or(0.0, |(_, n)| *n as f64 / total as f64)
    };
    let fits = |row: usize| share(row) > 0.0;
    let by_name = scores(table, mentions, Strength::Name);
    let enough: Vec<(usize, f64)> = by_name
        .iter()
        .filter(|(_, s)| *s >= MIN_SCORE)
        .map(|&(r, s)| (r, s + SELF_REFERENCE * share(r)))
        .collect();
    if let Some(best) = best(&enough) {
        return Some(deepest_strong(table, mentions, best));
    }
    // Mentions by stem and by full name alike.
    let mut by_stem = scores(table, mentions, Strength::Stem);
    for (r, s) in by_name {
        match by_stem.iter_mut().find(|(x, _)| *x == r) {
            Some((_, t)) => *t += s,
            None => by_stem.push((r, s)),
        }
    }
    by_stem.retain(|&(r, s)| s >= MIN_STEM_MENTIONS && fits(r));
    best(&by_stem)
}

/// Evidence for each row from mentions of the given strength, in the order
/// the rows are first met.
fn scores(table: &Table, mentions: &[Mention], strength: Strength) -> Vec<(usize, f64)> {
    // Every code the report names, for telling same-name places apart.
    let mut named: Vec<&str> = mentions
        .iter()
        .flat_map(|m| m.rows.iter().map(|&(r, _)| table.row(r).code.as_str()))
        .collect();
    named.sort_unstable();
    named.dedup();
    let has_named_ancestor = |row: usize| {
        let mut at = table.parent_index(row);
        while let Some(p) = at {
            if named.binary_search(&table.row(p).code.as_str()).is_ok() {
                return true;
            }
            at = table.parent_index(p);
        }
        false
    };
    let mut scores: Vec<(usize, f64)> = Vec::new();
    for m in mentions {
        if m.parent || m.part || (strength == Strength::Name && m.short && !m.chained && !m.strong)
        {
            continue;
        }
        let rows: Vec<usize> = m
            .rows
            .iter()
            .filter(|(_, s)| *s == strength)
            .filter(|(_, s)| !(m.word && *s == Strength::Stem))
            .map(|&(r, _)| r)
            .collect();
        let rows = current(table, rows);
        let supported: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&r| has_named_ancestor(r))
            .collect();
        let rows = if supported.is_empty() || m.chained {
            rows
        } else {
            supported
        };
        if rows.is_empty() {
            continue;
        }
        let weight = match (m.strong, m.in_header, strength) {
            (true, true, Strength::Name) => 1.0 + STRONG_IN_HEADER,
            (true, false, Strength::Name) => 1.0 + STRONG_IN_BODY,
            _ => 1.0,
        } / rows.len() as f64;
        for r in rows {
            match scores.iter_mut().find(|(x, _)| *x == r) {
                Some((_, s)) => *s += weight,
                None => scores.push((r, weight)),
            }
        }
    }
    scores
}

/// `rows` with the rows of a place whose code changed under one name given
/// to its current row: the same full name (三元区 350403, now 350404), or a
/// unit of a prefecture that is gone that became a prefecture of its name
/// (哈密市 652201 of 哈密地区, now the city 650500).
fn current(table: &Table, rows: Vec<usize>) -> Vec<usize> {
    if rows.len() < 2 {
        return rows;
    }
    let names: Vec<String> = rows.iter().map(|&r| table.place(r).name).collect();
    let gone = |r: usize| table.row(r).last.is_some();
    let same_place = |i: usize, j: usize| {
        let (a, b) = (table.row(rows[i]), table.row(rows[j]));
        names[i] == names[j]
            || (a.name == b.name
                && a.code[..2] == b.code[..2]
                && table.parent_index(rows[i]).is_some_and(gone))
    };
    rows.iter()
        .enumerate()
        .filter(|&(i, &r)| {
            let replaced_by = |j: usize| {
                (!gone(rows[j]) && gone(r))
                    || (gone(rows[j]) == gone(r) && j < i && names[j] == names[i])
            };
            !(0..rows.len()).any(|j| j != i && same_place(i, j) && replaced_by(j))
        })
        .map(|(_, &r)| r)
        .collect()
}

/// The row of the highest score; none on a tie (a name two places share
/// that nothing tells apart).
fn best(scores: &[(usize, f64)]) -> Option<usize> {
    let (row, top) =
        scores
            .iter()
            .copied()
            .fold(None::<(usize, f64)>, |best, (r, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((r, s)),
            })?;
    let tied = scores
        .iter()
        .filter(|(_, s)| (s - top).abs() < 1e-9)
        .count();
    (tied == 1).then_some(row)
}

/// `best`, or the deepest place under it that a title, dateline or
/// issuing body names: a county's report names its city's government too
/// (`在市委、市政府和区委的坚强领导下`, `重庆市人民政府`), a province's
/// report seldom a county's.
fn deepest_strong(table: &Table, mentions: &[Mention], best: usize) -> usize {
    mentions
        .iter()
        .filter(|m| m.strong && m.in_header && !m.parent && !m.part && m.rows.len() == 1)
        .filter_map(|m| m.rows.first())
        .filter(|&&(r, s)| s == Strength::Name && table.is_ancestor(best, r))
        .map(|&(r, _)| r)
        .max_by_key(|&r| table.row(r).level)
        .unwrap_or(best)
}

/// Whether `text` starts with a number that is not a year (`2023年`).
fn starts_with_number_not_year(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && !(digits == 4 && text[digits..].starts_with('年'))
}

/// Whether the last character of the name ending at `end` begins a word
/// of `suffix_words` (`新建区级`: 区 begins 区级).
fn suffix_begins_word(text: &str, end: usize, suffix_words: &[&str]) -> bool {
    let Some(last) = text[..end].chars().next_back() else {
        return false;
    };
    let from = &text[end - last.len_utf8()..];
    suffix_words.iter().any(|w| from.starts_with(w))
}

/// The longest prefix of `text` no longer than `len` bytes that ends on a
/// character boundary.
fn prefix(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<String> {
        identify(text, text.len().min(400)).map(|p| p.code)
    }

    #[test]
    fn a_parent_named_before_decides_between_places_of_one_name() {
        assert_eq!(
            code("广州市白云区人民政府关于2021年上半年计划执行情况的报告\n全区").as_deref(),
            Some("440111")
        );
        assert_eq!(
            code("贵阳市白云区2021年政府工作报告\n全区").as_deref(),
            Some("520113")
        );
        assert_eq!(
            code("——2023年1月在海口市龙华区第七届人民代表大会\n全区").as_deref(),
            Some("460106")
        );
        assert_eq!(
            code("深圳市龙华区人民政府工作报告\n全区 全区").as_deref(),
            Some("440309")
        );
    }

    #[test]
    fn a_parent_named_elsewhere_also_decides() {
        let text = "朝阳区2024年政府工作报告\n全区经济……长春市委市政府……长春市";
        assert_eq!(code(text).as_deref(), Some("220104"));
    }

    #[test]
    fn parts_and_parents_are_not_the_reporting_government() {
        // A banner's report that names its region.
        let text = "政府工作报告\n——2023年2月23日在苏尼特右旗第十六届人民代表大会\n\
                    内蒙古自治区……内蒙古自治区……全旗……全旗";
        assert_eq!(code(text).as_deref(), Some("152524"));
        // A zone of a city names no government of its own.
        assert_eq!(code("宁波高新区 宁波高新区 宁波高新区 开发区 棚户区"), None);
    }

    #[test]
    fn every_level_is_found() {
        assert_eq!(
            code("——2026年1月在浙江省第十四届人民代表大会\n全省 全省").as_deref(),
            Some("330000")
        );
        assert_eq!(
            code("关于宁波市2023年上半年计划执行情况的报告\n全市 全市").as_deref(),
            Some("330200")
        );
        assert_eq!(
            code("在福安市第十八届人民代表大会\n全市 全市").as_deref(),
            Some("350981")
        );
        assert_eq!(
            code("在秀山县第十八届人民代表大会\n全县 全县").as_deref(),
            Some("500241")
        );
        assert_eq!(
            code("关于科右中旗2022年计划执行情况\n全旗").as_deref(),
            Some("152222")
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "[广州市白云区县旗全省(江西)我 a1,。\\PC]{0,80}", end in 0usize..400) {
            let _ = identify(&text, end);
        }
    }

    #[test]
    fn a_stem_that_is_a_word_names_no_place_outside_a_naming_context() {
        // An invented district (its name in no table) whose report says
        // 新建 and 乡村振兴 as words: neither 新建区 nor 振兴区.
        let text =
            "南屏市云山区2031年政府工作报告\n——2032年1月9日在南屏市云山区第十七届人民代表大会\n\
                    全区新建学校3所，新建5G基站520座，乡村振兴扎实推进，全区新建区级养老中心2个，\
                    新建市场3个，振兴乡村。全区";
        assert_eq!(code(text), None);
        // The same stems do name their places in a title or dateline.
        assert_eq!(
            code("——2023年1月在新建区第十七届人民代表大会\n全区新建学校 全区").as_deref(),
            Some("360112")
        );
        assert_eq!(
            code("振兴区2023年政府工作报告\n全区 全区").as_deref(),
            Some("210603")
        );
        // A stem not listed as a word still names its place in the body.
        let text = "政府工作报告\n——2023年1月8日在县第十八届人民代表大会\n\
                    一、回顾\n桦川振兴发展，全县……幸福的新桦川，全县";
        assert_eq!(code(text).as_deref(), Some("230826"));
    }

    #[test]
    fn a_division_named_like_a_part_counts_before_its_government() {
        let text = "2023年矿区政府工作报告\n——2023年1月10日在矿区第十七届人民代表大会\n\
                    在阳泉市委、阳泉市政府的坚强领导下，全区 全区";
        assert_eq!(code(text).as_deref(), Some("140303"));
        // Without one it is still a part of a place.
        assert_eq!(code("阳泉市 城区 城区 矿区 全市"), None);
    }

    #[test]
    fn a_place_whose_code_changed_is_read_by_its_current_code() {
        let text = "三明市三元区人民政府关于2023年上半年预算执行情况的报告\n全区 全区";
        assert_eq!(code(text).as_deref(), Some("350404"));
        let text = "关于三元区2023年计划执行情况的报告\n在三明市委领导下，全区 全区";
        assert_eq!(code(text).as_deref(), Some("350404"));
        let text = "哈密市人民政府门户网站\n哈密市2023年统计公报\n全市 全市";
        assert_eq!(code(text).as_deref(), Some("650500"));
    }

    #[test]
    fn every_listed_word_stem_is_the_stem_of_a_division() {
        let t = table();
        let stems: Vec<String> = (0..t.rows().len())
            .flat_map(|r| text_names(t, r))
            .filter(|(_, s)| *s == Strength::Stem)
            .map(|(n, _)| n)
            .collect();
        for line in WORD_STEMS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (stem, note) = line.split_once('\t').expect("a stem, a tab and a note");
            assert!(stems.iter().any(|s| s == stem), "{stem} is no stem");
            assert!(note.contains(stem), "{line}: the note shows the word");
        }
        for word in entries(SUFFIX_WORDS) {
            assert!(
                ["区", "县", "市"].iter().any(|s| word.starts_with(s)),
                "{word}"
            );
        }
    }

    #[test]
    fn no_name_no_place() {
        assert_eq!(
            code("我受县政府的委托,现将全县2022年计划执行情况报告如下"),
            None
        );
    }
}
