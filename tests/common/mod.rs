//! What the CLI test binaries share: running luoshi as a user would.

use std::process::Command;

/// Runs luoshi from the repository root, so paths print as written here;
/// gives standard output, standard error and the exit code (-1 when the
/// binary could not be started).
pub fn luoshi(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_luoshi"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output();
    match output {
        Ok(o) => (
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
            o.status.code().unwrap_or(-1),
        ),
        Err(e) => (String::new(), e.to_string(), -1),
    }
}
