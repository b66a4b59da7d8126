//! `luoshi report`: the follow-through of the reports as one self-contained
//! HTML page; `track --format html` without the filters.

use crate::cli::{FormatArg, ReportArgs, TrackArgs};
use crate::error::{Error, Result};
use crate::render::Format;

pub fn run(args: ReportArgs) -> Result<u8> {
    let named = args.common.output.as_deref().and_then(Format::of_path);
    if let Some(format) = named.filter(|f| *f != Format::Html) {
        return Err(Error::Usage(format!(
            "`report` writes an HTML page, not {} (name the file .html, or use `track --format {}`)",
            format.as_str(),
            format.as_str()
        )));
    }
    super::track::run(TrackArgs {
        paths: args.paths,
        district: None,
        year: None,
        targets: Vec::new(),
        statuses: Vec::new(),
        unplanned: false,
        summary: false,
        format: Some(FormatArg::Html),
        common: args.common,
    })
}
