//! Finder: where the names `identify` looks for stand in a text. It finds
//! what an Aho–Corasick automaton with leftmost-longest matching finds (at
//! each character, the longest name that starts there; none overlap), from
//! a table of the names by their first two characters. The names are a few
//! thousand short strings, so a look-up at each character costs a sort to
//! build instead of an automaton of some 50 000 states with failure links
//! (most of the time a run over a handful of reports took), and reads the
//! start of a report in fewer steps than the automaton's transitions.

/// The names, sorted for look-up by their first two characters.
#[derive(Debug)]
pub struct Finder {
    names: Vec<String>,
    /// Name ids by their first two characters, longest first.
    order: Vec<u32>,
    /// Open addressing: the first two characters of names (see [`pair`])
    /// and the range of `order` of the names that start with them.
    slots: Vec<(u64, u32, u32)>,
    /// `slots.len() - 1`; the length is a power of two.
    mask: usize,
    /// Names of one character, by character.
    single: Vec<(char, u32)>,
}

/// One name found: its id (its index in the list given) and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub id: usize,
    pub start: usize,
    pub end: usize,
}

/// The key of two characters; never 0, which marks an empty slot.
fn pair(first: char, second: char) -> u64 {
    (u64::from(first) << 32) | u64::from(second) | (1 << 63)
}

/// Where the look-up of `key` starts.
fn home(key: u64, mask: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

impl Finder {
    /// A finder of `names`; an empty name is never found, and of names
    /// given twice the first is found.
    pub fn new<S: AsRef<str>>(names: &[S]) -> Finder {
        let names: Vec<String> = names.iter().map(|n| n.as_ref().to_owned()).collect();
        // (first two characters, longest first, id) of each name of two or more.
        let mut keyed: Vec<(u64, std::cmp::Reverse<usize>, u32)> = Vec::new();
        let mut single: Vec<(char, u32)> = Vec::new();
        for (id, name) in names.iter().enumerate() {
            let Ok(id) = u32::try_from(id) else { break };
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(a), Some(b)) => keyed.push((pair(a, b), std::cmp::Reverse(name.len()), id)),
                (Some(a), None) => single.push((a, id)),
                _ => {}
            }
        }
        // The id last, so of equal names the first given comes first.
        keyed.sort_unstable();
        single.sort_unstable();
        single.dedup_by_key(|&mut (c, _)| c);
        let groups = keyed.chunk_by(|a, b| a.0 == b.0).count();
        let size = (groups * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![(0u64, 0u32, 0u32); size];
        let mut at = 0;
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            let key = group[0].0;
            let (from, to) = (at, at + group.len());
            at = to;
            let (Ok(from), Ok(to)) = (u32::try_from(from), u32::try_from(to)) else {
                break;
            };
            let mut slot = home(key, mask);
            while slots[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (key, from, to);
        }
        Finder {
            names,
            order: keyed.into_iter().map(|(_, _, id)| id).collect(),
            slots,
            mask,
            single,
        }
    }

    /// The names in `text`, leftmost first, the longest at each place.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Found> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(rest) = text.get(at..) {
                let mut chars = rest.chars();
                let first = chars.next()?;
                let start = at;
                at += first.len_utf8();
                if let Some(id) = self.longest_at(rest, first, chars.next()) {
                    at = start + self.names[id].len();
                    return Some(Found { id, start, end: at });
                }
            }
            None
        })
    }

    /// The longest name `rest` starts with, given its first two characters.
    fn longest_at(&self, rest: &str, first: char, second: Option<char>) -> Option<usize> {
        if let Some(second) = second {
            let key = pair(first, second);
            let mut slot = home(key, self.mask);
            loop {
                let (k, from, to) = self.slots[slot];
                if k == key {
                    let ids = &self.order[from as usize..to as usize];
                    let found = ids.iter().find(|&&id| {
                        rest.as_bytes()
                            .starts_with(self.names[id as usize].as_bytes())
                    });
                    if let Some(&id) = found {
                        return Some(id as usize);
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                slot = (slot + 1) & self.mask;
            }
        }
        if self.single.is_empty() {
            return None;
        }
        self.single
            .binary_search_by_key(&first, |&(c, _)| c)
            .ok()
            .map(|i| self.single[i].1 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    fn found(names: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        Finder::new(names)
            .find_iter(text)
            .map(|f| (f.id, f.start, f.end))
            .collect()
    }

    fn automaton(names: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names)
            .expect("an automaton")
            .find_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn the_longest_name_at_the_leftmost_place() {
        let names = ["广州", "广州市", "白云区", "州市白", "云", "全区"];
        assert_eq!(
            found(&names, "广州市白云区全区云"),
            [(1, 0, 9), (2, 9, 18), (5, 18, 24), (4, 24, 27)]
        );
        assert_eq!(found(&names, "广州白云"), [(0, 0, 6), (4, 9, 12)]);
        assert_eq!(found(&names, ""), []);
    }

    proptest::proptest! {
        #[test]
        fn finds_what_a_leftmost_longest_automaton_finds(
            names in proptest::collection::vec("[广州市白云区a𠀀]{1,4}", 1..12),
            text in "[广州市白云区a𠀀 ]{0,40}",
        ) {
            let mut distinct: Vec<&str> = Vec::new();
            for n in &names {
                if !distinct.contains(&n.as_str()) {
                    distinct.push(n);
                }
            }
            proptest::prop_assert_eq!(found(&distinct, &text), automaton(&distinct, &text));
        }
    }
}
