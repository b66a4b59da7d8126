//! Progress of a long run on standard error: a bar counting files, drawn only
//! when standard error is a terminal (never in pipes, files or CI) and not
//! silenced with `--quiet`. Diagnostics printed during a run go through it so
//! they do not tear the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Files done out of files to read.
pub struct Progress {
    bar: Option<ProgressBar>,
}

/// How the bar reads: elapsed time, the bar, files done and time left.
const TEMPLATE: &str = "{elapsed_precise} [{wide_bar}] {pos}/{len} files ({eta} left)";

impl Progress {
    /// A bar for `files` files; hidden when `quiet` or when standard error is
    /// not a terminal.
    pub fn new(files: usize, quiet: bool) -> Progress {
        let shown = !quiet && std::io::stderr().is_terminal();
        Progress::shown_if(files, shown)
    }

    /// A bar that is drawn only when `shown` (tests pass `false`).
    pub fn shown_if(files: usize, shown: bool) -> Progress {
        let bar = shown.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(files as u64),
                ProgressDrawTarget::stderr_with_hz(4),
            );
            if let Ok(style) = ProgressStyle::with_template(TEMPLATE) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress { bar }
    }

    /// Counts `n` more files as done.
    pub fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    /// Prints one diagnostic line (see [`super::diagnostic`]) above the bar.
    pub fn note(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| super::diagnostic(line)),
            None => super::diagnostic(line),
        }
    }

    /// Removes the bar, leaving the terminal as it was before the run.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
