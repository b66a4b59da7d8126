//! Errors that end a run, and the exit code each maps to. Exit codes are a
//! contract: 0 ok, 1 a check failed, 2 runtime error (or files skipped),
//! 64 usage, 78 bad rule file.

use crate::document::ReadError;
use crate::rule_set::RuleError;
use std::path::PathBuf;

/// Exit status when everything went well.
pub const EXIT_OK: u8 = 0;
/// A check ran and found problems (`rules check`, an accuracy floor).
pub const EXIT_CHECK_FAILED: u8 = 1;
/// Input could not be processed (unreadable file, I/O error), or some files were skipped.
pub const EXIT_RUNTIME: u8 = 2;
/// The command line was wrong.
pub const EXIT_USAGE: u8 = 64;
/// A rule file is malformed.
pub const EXIT_BAD_RULES: u8 = 78;

/// An error that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Rules(#[from] RuleError),
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error("{0}")]
    Usage(String),
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write output: {0}")]
    Output(std::io::Error),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Rules(_) => EXIT_BAD_RULES,
            Error::Usage(_) => EXIT_USAGE,
            Error::Read(_) | Error::Input { .. } | Error::Io { .. } | Error::Output(_) => {
                EXIT_RUNTIME
            }
        }
    }
}

/// Result of a pipeline step.
pub type Result<T, E = Error> = std::result::Result<T, E>;
