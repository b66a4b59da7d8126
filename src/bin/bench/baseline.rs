//! Baselines the end-to-end runs are measured against, over the same files:
//! `bench/growth.py` (the five growth targets with one Python regular
//! expression each, as an analyst would) and `grep -c 增长 -r` (one pass over
//! the bytes, no reading at all). Each is run in a child process with its
//! output discarded; a tool that is missing gives no time.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Seconds `python3 SCRIPT DIR` takes, if it runs and succeeds.
pub fn python(script: &Path, dir: &str) -> Option<f64> {
    timed(Command::new("python3").arg(script).arg(dir), &[0])
}

/// Seconds `grep -c 增长 -r DIR` takes (exit 1, no match, is a success too).
pub fn grep(dir: &str) -> Option<f64> {
    timed(
        Command::new("grep").args(["-c", "增长", "-r", dir]),
        &[0, 1],
    )
}

fn timed(command: &mut Command, ok: &[i32]) -> Option<f64> {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let seconds = start.elapsed().as_secs_f64();
    status
        .code()
        .is_some_and(|c| ok.contains(&c))
        .then_some(seconds)
}
