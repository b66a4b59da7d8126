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
    /// Open addressing: the first two characters of names (see [`key_of`])
    /// and the range of `order` of the names that start with them.
    slots: Vec<(u64, u32, u32)>,
    /// `slots.len() - 1`; the length is a power of two.
    mask: usize,
    /// Names of one character, by the key of that character.
    single: Vec<(u64, u32)>,
}

/// One name found: its id (its index in the list given) and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub id: usize,
    pub start: usize,
    pub end: usize,
}

/// The length of the character whose UTF-8 encoding starts with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The key of the first `n` (one to eight) UTF-8 bytes of `bytes`, the
/// bytes of one or two characters read as one number. Distinct sequences
/// that start with no NUL have distinct keys, and none is 0, which marks an
/// empty slot. One load of eight bytes shifted down where the text goes on
/// that far, which is nearly everywhere (a byte-sized copy costs a library
/// call).
#[inline]
fn key_of(bytes: &[u8], n: usize) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(word) if (1..=8).contains(&n) => u64::from_be_bytes(*word) >> ((8 - n) * 8),
        _ => bytes
            .iter()
            .take(n.min(8))
            .fold(0, |k, &b| (k << 8) | u64::from(b)),
    }
}

/// The byte lengths of the first character of `bytes` and of the first two.
/// The text is read as bytes, never decoded: a look-up at every character
/// of the start of every report is the hot loop of `identify`.
#[inline]
fn heads(bytes: &[u8]) -> (usize, usize) {
    let one = bytes.first().map_or(0, |&b| char_len(b)).min(bytes.len());
    let two = bytes.get(one).map_or(0, |&b| char_len(b));
    (one, (one + two).min(bytes.len()))
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
        let mut single: Vec<(u64, u32)> = Vec::new();
        for (id, name) in names.iter().enumerate() {
            let Ok(id) = u32::try_from(id) else { break };
            let bytes = name.as_bytes();
            if bytes.first().is_none_or(|&b| b == 0) {
                continue; // empty, or starting with NUL: never in a text's key
            }
            let (one, two) = heads(bytes);
            if two > one {
                keyed.push((key_of(bytes, two), std::cmp::Reverse(name.len()), id));
            } else {
                single.push((key_of(bytes, one), id));
            }
        }
        // The id last, so of equal names the first given comes first.
        keyed.sort_unstable();
        single.sort_unstable();
        single.dedup_by_key(|&mut (k, _)| k);
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
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(rest) = bytes.get(at..).filter(|r| !r.is_empty()) {
                let start = at;
                let (one, two) = heads(rest);
                at += one;
                if rest[0] == 0 {
                    continue;
                }
                if let Some(id) = self.longest_at(rest, one, two) {
                    at = start + self.names[id].len();
                    return Some(Found { id, start, end: at });
                }
            }
            None
        })
    }

    /// The longest name `rest` starts with, given the byte lengths of its
    /// first character and of its first two.
    #[inline]
    fn longest_at(&self, rest: &[u8], one: usize, two: usize) -> Option<usize> {
        if two > one {
            let key = key_of(rest, two);
            let mut slot = home(key, self.mask);
            loop {
                let (k, from, to) = self.slots[slot];
                if k == key {
                    let ids = &self.order[from as usize..to as usize];
                    let found = ids
                        .iter()
                        .find(|&&id| rest.starts_with(self.names[id as usize].as_bytes()));
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
        let key = key_of(rest, one);
        self.single
            .binary_search_by_key(&key, |&(k, _)| k)
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
            names in proptest::collection::vec("[广州市白云区aé𠀀]{1,4}", 1..12),
            text in "[广州市白云区aé𠀀 \\x00]{0,40}",
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
