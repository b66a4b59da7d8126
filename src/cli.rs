//! Command line: the clap definition of every command and flag. Nothing past
//! `Config` (see `config.rs`) sees these types.

use crate::render::Format;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Checks whether district governments do what their reports said they would.
#[derive(Debug, Parser)]
#[command(name = "luoshi", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract plan and outcome statements from reports.
    Extract(ExtractArgs),
    /// Show how each report was read: place, kind, date, sections and their periods.
    Docs(DocsArgs),
    /// Score extraction against annotated statements.
    Eval(EvalArgs),
    /// Link each year's plans to later outcomes and show fulfilment.
    ///
    /// A result for the whole year is met, exceeded or short. A result for
    /// part of a year (H1, M9, M11…: months elapsed) is on pace or behind pace:
    /// a flow is on pace when it reaches at least months/12 of the annual plan
    /// (the 序时进度 convention: 6/12 at mid-year, 11/12 after November); a
    /// rate or a running total is compared with the annual plan itself.
    ///
    /// A flag under a status asks for a look: [indicator_drift] means no
    /// outcome of the target itself was comparable, but figures of a related
    /// target (or in another unit or measure) were found: JSON lists them
    /// under `drift`, `luoshi explain --link` shows each;
    /// [conflicting] means outcomes for the same period disagree;
    /// [target_revised] that the plan was stated with different values;
    /// [estimated] that the outcome taken is an estimate (预计);
    /// [self_report_mismatch] that the report's own completion ratio differs.
    Track(TrackArgs),
    /// Write the follow-through as one self-contained HTML page.
    Report(ReportArgs),
    /// Check or list rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Show why a sentence did or did not match, or why an outcome was linked.
    Explain(ExplainArgs),
    /// Compare two `extract` or `track` JSON outputs: statements that
    /// appeared, disappeared or changed value, bound or period; track rows
    /// whose verdict changed.
    Diff(DiffArgs),
}

/// Flags every command that reads reports shares.
#[derive(Debug, Args)]
pub struct Common {
    /// Extra rule files (`*.toml`) that add targets or override default ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Write output to FILE (atomically; a device or pipe is written through;
    /// never one of the inputs) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// No progress bar and no summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Terminal tables with every cell in full, however wide (by default
    /// they fit the terminal: `COLUMNS`, else its width, else 80).
    #[arg(long)]
    pub wide: bool,
    /// Places of documents whose text names none: a TSV file with columns
    /// `doc` (file stem) and `place` (code, full name or unique name). A
    /// `catalog.tsv` beside the reports is read too.
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
}

/// `--format`, as typed; commands turn it into a [`Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Tsv,
    Csv,
    Json,
    Markdown,
    // The report page (`track`, `report`) and a database (`track -o FILE`).
    Html,
    Sqlite,
}

/// A `--format` parser that offers, in `--help` and in its error, only the
/// formats a command writes.
fn formats(allowed: &'static [FormatArg]) -> impl TypedValueParser<Value = FormatArg> {
    PossibleValuesParser::new(allowed.iter().filter_map(ValueEnum::to_possible_value))
        .try_map(|word| FormatArg::from_str(&word, false))
}

/// Formats of `extract` and `rules list`: text, for statements or targets.
const TEXT_FORMATS: &[FormatArg] = &[
    FormatArg::Table,
    FormatArg::Tsv,
    FormatArg::Csv,
    FormatArg::Json,
    FormatArg::Markdown,
];
/// Formats of `docs` and `eval`.
const TABLE_OR_JSON: &[FormatArg] = &[FormatArg::Table, FormatArg::Json];
/// Formats of `track` (no tsv: its columns are the annotation format's, for statements).
const TRACK_FORMATS: &[FormatArg] = &[
    FormatArg::Table,
    FormatArg::Csv,
    FormatArg::Json,
    FormatArg::Markdown,
    FormatArg::Html,
    FormatArg::Sqlite,
];

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Table => Format::Table,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Sqlite => Format::Sqlite,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Plan,
    Outcome,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Report files or folders (walked recursively for .txt, .htm, .html, .pdf, .docx;
    /// .doc and .wps files are named and skipped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only these target ids.
    #[arg(long = "target", value_name = "ID")]
    pub targets: Vec<String>,
    /// Only plans or only outcomes.
    #[arg(long)]
    pub kind: Option<KindArg>,
    /// Output format (default: from the `-o` file name, else a table on a
    /// terminal, tsv otherwise).
    #[arg(long, value_parser = formats(TEXT_FORMATS))]
    pub format: Option<FormatArg>,
    /// Instead of the statements, what changes from the rules in DIR (the
    /// default rules alone when DIR is left out) to those of `--rules`:
    /// statements that appear, disappear or change (a diff as with `luoshi
    /// diff`; `--format` table, json or markdown).
    #[arg(long, value_name = "DIR", num_args = 0..=1, require_equals = false)]
    pub against_rules: Option<Option<PathBuf>>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format (default: table).
    #[arg(long, value_parser = formats(TABLE_OR_JSON))]
    pub format: Option<FormatArg>,
    /// List only the reports whose place, kind or reviewed year is unknown,
    /// one per line with what is missing; exit 1 when there is any (0 when
    /// all are known), so a corpus can be vetted before `track`.
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Annotated statements (TSV in the format of fixtures/gold/FORMAT.md).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format (default: table).
    #[arg(long, value_parser = formats(TABLE_OR_JSON))]
    pub format: Option<FormatArg>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct TrackArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only this place: its name (白云区, 白云), full name (广东省广州市白云区)
    /// or code (440111). A name several places share is refused, listing them.
    #[arg(long)]
    pub district: Option<String>,
    /// Only plans for this year.
    #[arg(long)]
    pub year: Option<i32>,
    #[arg(long = "target", value_name = "ID")]
    pub targets: Vec<String>,
    /// Only rows with these statuses (met, exceeded, short, on_pace,
    /// behind_pace, unreported, pending, unplanned). A flow reported
    /// part-way through the year is on_pace at the share of its annual plan
    /// for the months elapsed or more (half at mid-year); a rate or stock is
    /// compared with the annual plan itself.
    #[arg(long = "status", value_name = "S")]
    pub statuses: Vec<String>,
    /// Also show results no plan in the input asked for: one row per place,
    /// target, area and year with outcomes but no plan, status `unplanned`
    /// (无目标), the best outcome shown and the others listed. Implied by
    /// `--status unplanned`.
    #[arg(long)]
    pub unplanned: bool,
    /// Instead of the rows, what researchers of target-setting measure: per
    /// target and level the share of targets met, the distribution of
    /// outcome against target, results just above or below it, and the
    /// escalation over the parent place's target.
    #[arg(long)]
    pub summary: bool,
    /// Output format (default: from the `-o` file name, else a table on a
    /// terminal, csv otherwise; `html` is the report page, `sqlite` a
    /// database, which needs `-o`).
    #[arg(long, value_parser = formats(TRACK_FORMATS))]
    pub format: Option<FormatArg>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Report files or folders (walked recursively for .txt, .htm, .html, .pdf, .docx;
    /// .doc and .wps files are named and skipped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule files and run every example.
    Check(RulesCheckArgs),
    /// List every target in effect.
    List(RulesListArgs),
    /// Print a commented rule for a new target, read from one sentence.
    New(RulesNewArgs),
}

#[derive(Debug, Args)]
pub struct RulesNewArgs {
    /// The new target's id (snake_case ASCII, like `charging_piles`).
    pub id: String,
    /// A sentence from a report that states the target's figure.
    #[arg(long, value_name = "SENTENCE")]
    pub from: String,
    /// Rules in effect besides the defaults (to name competing terms).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesCheckArgs {
    /// Folder of rule files to check (default: the built-in rules).
    pub dir: Option<PathBuf>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub warnings_as_errors: bool,
}

#[derive(Debug, Args)]
pub struct RulesListArgs {
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Output format (default: table on a terminal, tsv otherwise).
    #[arg(long, value_parser = formats(TEXT_FORMATS))]
    pub format: Option<FormatArg>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A sentence to explain.
    #[arg(long, conflicts_with = "location")]
    pub text: Option<String>,
    /// A position in a document, `FILE:LINE` (every sentence of the line) or
    /// `FILE:LINE:COLUMN` (the sentence at that character).
    #[arg(value_name = "FILE:LINE[:COL]")]
    pub location: Option<String>,
    /// Explain the linking of one row instead (needs --district, --target, --year and report paths).
    #[arg(long)]
    pub link: bool,
    /// The place of the row (name, full name or code, as for `track --district`).
    #[arg(long)]
    pub district: Option<String>,
    /// Places of documents whose text names none (as for `track --catalog`).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    #[arg(long)]
    pub target: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    /// Reports to link (with --link); every path up to the next flag is read.
    #[arg(long = "in", value_name = "PATH", num_args = 1..)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// `--format` of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormatArg {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier output (`luoshi extract … --format json` or `luoshi track … --format json`).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later output, of the same command.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Output format (default: text).
    #[arg(long, value_enum)]
    pub format: Option<DiffFormatArg>,
    /// Write output to FILE (atomically; a device or pipe is written through;
    /// never one of the inputs) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
