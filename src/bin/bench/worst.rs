//! The worst case for cost: one report just under the size limit whose text
//! never ends a sentence or a clause (no punctuation, no line breaks), with
//! a statement every few thousand bytes, some across the cuts of the
//! sentence. Time and memory must stay linear in its size, and every
//! statement must be found.

use std::fs;
use std::io;
use std::path::Path;

/// Bytes between two statements (of filler `的`): more than a piece of a
/// cut sentence holds, so each statement is alone in its piece.
const GAP_BYTES: usize = 4499;

/// The statement repeated through the file.
pub const STATEMENT: &str = "力争新增中小学学位5200个";

/// Writes the worst-case report of about `bytes` bytes to `path`; returns
/// the number of statements in it.
pub fn write(path: &Path, bytes: usize) -> io::Result<usize> {
    let mut text = String::with_capacity(bytes + 4096);
    text.push_str("广州市白云区2024年政府工作报告\n二、2024年工作安排\n");
    let gap = "的".repeat(GAP_BYTES / 3);
    let mut statements = 0;
    while text.len() + gap.len() + STATEMENT.len() < bytes {
        text.push_str(&gap);
        text.push_str(STATEMENT);
        statements += 1;
    }
    text.push('\n');
    fs::write(path, text)?;
    Ok(statements)
}
