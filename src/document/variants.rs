//! Variants: the fix-up table applied after script conversion. No converter
//! restores mainland terms from Taiwan-variant ones (`幼稚園` for 幼儿园,
//! `智慧型` for 智能) or undoes the artefacts of an earlier mainland→Taiwan
//! conversion (`中國小學位` for 中小学学位, where 小学 became 國小), so the
//! pairs are data in `rules/variants.toml` that users extend. Matching is
//! leftmost-longest, so a longer, more specific pair wins over a shorter one.

use super::mapped::Mapped;
use aho_corasick::{AhoCorasick, MatchKind};

/// The compiled table of `(from, to)` spellings.
#[derive(Debug)]
pub struct Variants {
    matcher: Option<AhoCorasick>,
    replacements: Vec<String>,
}

impl Variants {
    /// Compiles the pairs; empty `from` strings are ignored, and a later pair
    /// replaces an earlier one with the same `from` (so `--rules` overrides).
    pub fn new(pairs: &[(String, String)]) -> Result<Variants, aho_corasick::BuildError> {
        let mut froms: Vec<&str> = Vec::with_capacity(pairs.len());
        let mut replacements: Vec<String> = Vec::with_capacity(pairs.len());
        for (from, to) in pairs.iter().filter(|(from, _)| !from.is_empty()) {
            match froms.iter().position(|f| f == from) {
                Some(i) => {
                    if let Some(r) = replacements.get_mut(i) {
                        r.clone_from(to);
                    }
                }
                None => {
                    froms.push(from);
                    replacements.push(to.clone());
                }
            }
        }
        let matcher = if froms.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&froms)?,
            )
        };
        Ok(Variants {
            matcher,
            replacements,
        })
    }

    /// Rewrites every variant in `input`. Replacement characters take the
    /// offsets of the replaced ones in order; a shorter replacement leaves the
    /// rest of the replaced span to its last character, so quotes still cover it.
    #[inline(never)]
    pub fn apply(&self, input: Mapped) -> Mapped {
        let Some(matcher) = &self.matcher else {
            return input;
        };
        let mut matches = matcher.find_iter(&input.text).peekable();
        if matches.peek().is_none() {
            return input;
        }
        let mut out = Mapped::with_capacity(input.text.len());
        let mut copied = 0;
        for m in matches {
            let (Some(before), Some(span), Some(to)) = (
                input.text.get(copied..m.start()),
                input.text.get(m.range()),
                self.replacements.get(m.pattern().as_usize()),
            ) else {
                continue;
            };
            out.push_run(
                before,
                input.offsets.get(copied..m.start()).unwrap_or_default(),
            );
            let sources: Vec<u32> = span
                .char_indices()
                .filter_map(|(i, _)| input.offsets.get(m.start() + i).copied())
                .collect();
            for (k, c) in to.chars().enumerate() {
                let at = sources.get(k).or(sources.last()).copied().unwrap_or(0);
                out.push(c, at as usize);
            }
            copied = m.end();
        }
        let rest = input.text.get(copied..).unwrap_or_default();
        let rest_offsets = input
            .offsets
            .get(copied..input.text.len())
            .unwrap_or_default();
        out.push_run(rest, rest_offsets);
        let end = input.offsets.last().copied().unwrap_or(0) as usize;
        out.finish(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn mapped(s: &str) -> Mapped {
        let mut m = Mapped::with_capacity(s.len());
        m.push_verbatim(s, 0);
        m.finish(s.len())
    }

    #[test]
    fn longest_pair_wins_and_offsets_follow() {
        let v = Variants::new(&pairs(&[
            ("国小", "小学"),
            ("中国小学位", "中小学学位"),
            ("智慧型", "智能"),
        ]))
        .unwrap();
        let m = v.apply(mapped("新增中国小学位5175个,智慧型电子"));
        assert_eq!(m.text, "新增中小学学位5175个,智能电子");
        let dian = m.text.find('电').unwrap();
        assert_eq!(
            m.offsets[dian] as usize,
            "新增中国小学位5175个,智慧型".len()
        );
        let neng = m.text.find('能').unwrap();
        assert_eq!(m.offsets[neng] as usize, "新增中国小学位5175个,智".len());
        assert_eq!(m.offsets.len(), m.text.len() + 1);
    }

    #[test]
    fn later_pairs_override_and_empty_ones_are_ignored() {
        let v = Variants::new(&pairs(&[("网路", "网络"), ("", "x"), ("网路", "路网")])).unwrap();
        assert_eq!(v.apply(mapped("服务网路")).text, "服务路网");
    }
}
