//! `luoshi diff OLD NEW`: two `extract` or `track` JSON outputs in, what
//! changed out; and the same for `extract --against-rules`, which runs the
//! extraction under both rule sets itself.

use super::Output;
use crate::cli::{DiffArgs, DiffFormatArg};
use crate::diff::{diff, subject_of, Diff, DiffError};
use crate::error::{Error, Result, EXIT_OK};
use crate::render;
use crate::render::diff::DiffFormat;
use serde_json::Value;
use std::path::Path;

pub fn run(args: DiffArgs) -> Result<u8> {
    let old = read(&args.old)?;
    let new = read(&args.new)?;
    let found = diff(&old, &new).map_err(|err| match err {
        DiffError::Mixed => Error::Usage(format!(
            "cannot compare {} with {}: {err}",
            args.old.display(),
            args.new.display()
        )),
        DiffError::NotAnOutput => Error::Input {
            path: args.new.clone(),
            message: err.to_string(),
        },
    })?;
    write(&found, args.format, args.output.as_deref())?;
    Ok(EXIT_OK)
}

/// Writes a diff to standard output or `-o FILE`.
pub fn write(found: &Diff, format: Option<DiffFormatArg>, to: Option<&Path>) -> Result<()> {
    let format = match format {
        None | Some(DiffFormatArg::Text) => DiffFormat::Text,
        Some(DiffFormatArg::Json) => DiffFormat::Json,
        Some(DiffFormatArg::Markdown) => DiffFormat::Markdown,
    };
    let mut out = Output::open(to)?;
    render::diff::write(&mut out, found, format).map_err(Error::Output)?;
    out.finish()
}

/// One output file as JSON, refused when it is not a list of statements or rows.
fn read(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let value: Value = serde_json::from_str(&text).map_err(|e| Error::Input {
        path: path.to_owned(),
        message: format!("not JSON ({e}); write outputs with --format json"),
    })?;
    let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
    if !value.is_array() || subject_of(items).is_err() {
        return Err(Error::Input {
            path: path.to_owned(),
            message: DiffError::NotAnOutput.to_string(),
        });
    }
    Ok(value)
}
