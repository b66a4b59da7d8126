//! Context: the words around a division's name that tell what the name
//! stands for in a report, the government that issues or delivers it or a
//! place it only mentions. They are knowledge of the genre, kept in
//! `data/place-context.txt` with examples, and read by `identify`.

/// The lists as shipped.
const SOURCE: &str = include_str!("../../data/place-context.txt");

/// The word lists of `data/place-context.txt`.
#[derive(Debug, Default)]
pub struct Context {
    /// After a division named like a part of a place, words that make it
    /// the government (`城区人民政府`).
    government_after: Vec<String>,
    /// After a name, words of a title, a dateline or an issuing body.
    strong_after: Vec<String>,
    /// Before a name, words that do the same (`在浮山县第…`).
    strong_before: Vec<String>,
    /// After a strong word, what makes it a link to a site (`重庆市人民政府网`).
    site: Vec<String>,
    /// What may stand between a parent's name and its child's.
    chain_gap: Vec<char>,
}

impl Context {
    /// The shipped lists.
    pub fn shipped() -> Context {
        Context::parse(SOURCE)
    }

    /// Reads lists: `[name]` starts one, then a word a line, `#` a note,
    /// `U+XXXX` a character the trimmed line would lose. Unknown lists and
    /// unreadable lines are left out (a test keeps the shipped file clean).
    fn parse(source: &str) -> Context {
        let mut context = Context::default();
        let mut list = "";
        for line in source.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = list_name(line) {
                list = name;
                continue;
            }
            let Some(word) = word(line) else { continue };
            match list {
                "government-after" => context.government_after.push(word),
                "strong-after" => context.strong_after.push(word),
                "strong-before" => context.strong_before.push(word),
                "site" => context.site.push(word),
                "chain-gap" => {
                    let mut chars = word.chars();
                    if let (Some(c), None) = (chars.next(), chars.next()) {
                        context.chain_gap.push(c);
                    }
                }
                _ => {}
            }
        }
        context
    }

    /// Whether a title, dateline or issuing body word stands next to
    /// `start..end`, or a number follows (`东丽区2025年`).
    pub fn strong(&self, text: &str, start: usize, end: usize) -> bool {
        let after = text[end..].trim_start_matches([' ', '\u{3000}']);
        let before = text[..start].trim_end_matches([' ', '\u{3000}', ')', '(']);
        self.strong_after.iter().any(|w| {
            after.starts_with(w.as_str())
                && !self
                    .site
                    .iter()
                    .any(|s| after[w.len()..].starts_with(s.as_str()))
        }) || after.starts_with(|c: char| c.is_ascii_digit())
            || self
                .strong_before
                .iter()
                .any(|w| before.ends_with(w.as_str()))
    }

    /// Whether a government or congress follows `end` (`城区人民政府`,
    /// `矿区第十七届人民代表大会`).
    pub fn names_government(&self, text: &str, end: usize) -> bool {
        let after = text[end..].trim_start_matches([' ', '\u{3000}']);
        self.government_after
            .iter()
            .any(|w| after.starts_with(w.as_str()))
            || after
                .strip_prefix('第')
                .is_some_and(|rest| rest.chars().take(4).any(|c| c == '届'))
    }

    /// Whether `gap` may stand between a parent's name and its child's
    /// (`(江西省)靖安县`).
    pub fn chains(&self, gap: &str) -> bool {
        gap.chars().all(|c| self.chain_gap.contains(&c))
    }
}

/// The name of a list a line `[name]` starts.
fn list_name(line: &str) -> Option<&str> {
    let name = line.strip_prefix('[')?.strip_suffix(']')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')).then_some(name)
}

/// A word of a line: the line, or the character a `U+XXXX` line names.
fn word(line: &str) -> Option<String> {
    match line.strip_prefix("U+") {
        Some(hex) => {
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
            Some(c.to_string())
        }
        None => Some(line.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_of_the_shipped_file_is_read_whole() {
        let context = Context::shipped();
        for list in [
            &context.government_after,
            &context.strong_after,
            &context.strong_before,
            &context.site,
        ] {
            assert!(!list.is_empty());
        }
        // Every line that is no note is a list, a word of a known list, or
        // one character of the chain gap.
        let mut list = "";
        let mut words = 0;
        for line in SOURCE.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = list_name(line) {
                list = name;
                let known = [
                    "government-after",
                    "strong-after",
                    "strong-before",
                    "site",
                    "chain-gap",
                ];
                assert!(known.contains(&name), "{line}");
                continue;
            }
            let w = word(line).unwrap_or_else(|| panic!("{line}"));
            if list == "chain-gap" {
                assert_eq!(w.chars().count(), 1, "{line}");
            }
            words += 1;
        }
        let read = context.government_after.len()
            + context.strong_after.len()
            + context.strong_before.len()
            + context.site.len()
            + context.chain_gap.len();
        assert_eq!(read, words);
        assert!(context.chain_gap.contains(&' ') && context.chain_gap.contains(&'\u{3000}'));
    }

    #[test]
    fn the_words_tell_a_government_from_a_mention() {
        let context = Context::shipped();
        let text = "在东安县第十八届人民代表大会";
        let (start, end) = (3, 3 + "东安县".len());
        assert!(context.strong(text, start, end));
        let text = "重庆市人民政府网";
        assert!(!context.strong(text, 0, "重庆市".len()));
        assert!(context.names_government("矿区第十七届人民代表大会", "矿区".len()));
        assert!(!context.names_government("矿区建设", "矿区".len()));
        assert!(context.chains(")"));
        assert!(!context.chains("、"));
    }
}
