//! The report of `rules check`: problems, example outcomes and their tally,
//! and the exit code they call for.

use super::{ExampleReport, Outcome, Problem, Severity};
use crate::error::{EXIT_BAD_RULES, EXIT_CHECK_FAILED, EXIT_OK};

/// Everything `rules check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Targets in the checked files.
    pub targets: usize,
    pub problems: Vec<Problem>,
    /// Outcome of every example and counter-example, in file order.
    pub examples: Vec<ExampleReport>,
    /// False when errors kept the examples from running.
    pub examples_run: bool,
}

/// The tally printed at the end of `rules check`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub targets: usize,
    /// Examples and counter-examples that behaved as expected.
    pub matched: usize,
    pub missed: usize,
    pub noisy: usize,
    pub wrong_value: usize,
    pub warnings: usize,
    pub errors: usize,
}

impl CheckReport {
    /// Counts of each outcome and severity.
    pub fn summary(&self) -> Summary {
        let outcomes =
            |pick: fn(&Outcome) -> bool| self.examples.iter().filter(|e| pick(&e.outcome)).count();
        let severity = |s| self.problems.iter().filter(|p| p.severity == s).count();
        Summary {
            targets: self.targets,
            matched: outcomes(|o| matches!(o, Outcome::Matched)),
            missed: outcomes(|o| matches!(o, Outcome::Missed)),
            noisy: outcomes(|o| matches!(o, Outcome::Noisy { .. })),
            wrong_value: outcomes(|o| matches!(o, Outcome::WrongValue { .. })),
            warnings: severity(Severity::Warning),
            errors: severity(Severity::Error),
        }
    }

    /// 78 when a rule file is malformed, 1 when an example failed (or, with
    /// `warnings_as_errors`, a warning was raised), 0 when all is clean.
    pub fn exit_code(&self, warnings_as_errors: bool) -> u8 {
        let s = self.summary();
        if s.errors > 0 {
            EXIT_BAD_RULES
        } else if s.missed + s.noisy + s.wrong_value > 0 || (warnings_as_errors && s.warnings > 0) {
            EXIT_CHECK_FAILED
        } else {
            EXIT_OK
        }
    }
}
