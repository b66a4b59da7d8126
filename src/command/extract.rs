//! `luoshi extract`: reports in, statements out.

use super::Output;
use crate::cli::{ExtractArgs, Format, KindArg};
use crate::document::Document;
use crate::error::{Error, Result, EXIT_OK, EXIT_RUNTIME};
use crate::extract::Extractor;
use crate::input::report_files;
use crate::render;
use crate::rule_set::RuleSet;
use crate::statement::Kind;

pub fn run(args: ExtractArgs) -> Result<u8> {
    let rules = RuleSet::load(args.common.rules.as_deref())?;
    super::check_target_ids(&rules, &args.targets)?;
    let extractor = Extractor::new(&rules)?;
    let files = report_files(&args.paths)?;
    let mut out = Output::open(args.common.output.as_deref())?;
    let format = args.format.unwrap_or(if out.is_terminal() {
        Format::Table
    } else {
        Format::Tsv
    });
    let mut statements = Vec::new();
    let mut skipped = 0usize;
    for path in &files {
        match Document::read(path, extractor.normaliser()) {
            Ok(doc) => statements.extend(extractor.extract(&doc)),
            Err(err) => {
                skipped += 1;
                render::diagnostic(&format!("skipped {err}"));
            }
        }
    }
    statements.retain(|s| {
        (args.targets.is_empty() || args.targets.contains(&s.target))
            && args.kind.is_none_or(|k| {
                s.kind
                    == match k {
                        KindArg::Plan => Kind::Plan,
                        KindArg::Outcome => Kind::Outcome,
                    }
            })
    });
    render::statements::write(&mut out, &statements, format).map_err(Error::Output)?;
    out.finish()?;
    if !args.common.quiet {
        render::diagnostic(&format!(
            "{} files read, {skipped} skipped, {} statements",
            files.len() - skipped,
            statements.len()
        ));
    }
    Ok(if skipped > 0 { EXIT_RUNTIME } else { EXIT_OK })
}
