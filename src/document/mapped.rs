//! Mapped text: a text under construction together with, for each of its
//! bytes, the byte of the source text it came from. Every normalising step
//! (width folding, script conversion, variant fix-ups) produces one, and the
//! steps compose, so the final normalised text still points into the decoded
//! original.
//!
//! All bytes of one output character point at the first byte of the source
//! character it came from, so any mapped position is a character boundary of
//! the source and slicing with it cannot fail. Offsets never decrease.

/// Text with a source offset for each byte, plus one past the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Mapped {
    pub text: String,
    /// `offsets.len() == text.len() + 1` once finished.
    pub offsets: Vec<u32>,
}

impl Mapped {
    /// An empty text with room for `bytes` bytes.
    pub fn with_capacity(bytes: usize) -> Mapped {
        Mapped {
            text: String::with_capacity(bytes),
            offsets: Vec::with_capacity(bytes + 1),
        }
    }

    /// Appends a character that came from source byte `from`.
    #[inline]
    pub fn push(&mut self, c: char, from: usize) {
        self.text.push(c);
        let from = to_u32(from);
        let same = [from; 4];
        self.offsets
            .extend_from_slice(same.get(..c.len_utf8()).unwrap_or_default());
    }

    /// Appends a run copied unchanged from the source starting at `from`:
    /// every character maps to its own source position.
    #[cfg(test)]
    pub fn push_verbatim(&mut self, run: &str, from: usize) {
        self.text.push_str(run);
        for (i, c) in run.char_indices() {
            let at = to_u32(from + i);
            for _ in 0..c.len_utf8() {
                self.offsets.push(at);
            }
        }
    }

    /// Appends text whose offsets are already known (one per byte).
    pub fn push_run(&mut self, run: &str, offsets: &[u32]) {
        self.text.push_str(run);
        self.offsets.extend_from_slice(offsets);
        // Keep the map one entry per byte even if the caller's slice was short.
        let want = self.text.len();
        let last = self.offsets.last().copied().unwrap_or(0);
        self.offsets.resize(want, last);
    }

    /// Closes the map with the source offset one past the end.
    pub fn finish(mut self, end: usize) -> Mapped {
        self.offsets.push(to_u32(end));
        self
    }
}

/// Offsets are stored as `u32`: documents are limited far below 4 GB
/// (see `decode::MAX_BYTES`), so this never saturates in practice.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_runs_map_each_character_to_itself() {
        let mut m = Mapped::with_capacity(8);
        m.push_verbatim("a区b", 10);
        let m = m.finish(15);
        assert_eq!(m.offsets, vec![10, 11, 11, 11, 14, 15]);
    }
}
