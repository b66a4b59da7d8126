//! Rules: the TOML schema of a rule file. A target rule says how a report names
//! one recurring target (its terms), what unit its numbers come in, and which
//! words veto or require a match; it carries examples that must match and
//! counter-examples that must not. A target may also name the targets it is
//! related to (`stock_of`, `related`), which linking uses to derive flows from
//! running totals and to list near misses. See `docs/rules.md` for every field.

use crate::document::ReportKind;
use crate::statement::{Bound, Kind, Measure, Period};
use serde::Deserialize;
use toml::Spanned;

mod wording;
pub use wording::{WordList, Wording, WordingTables, Words, REACH_LIST};

/// One rule file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub target: Vec<Target>,
    /// Regional or old-conversion spellings rewritten before matching.
    #[serde(default)]
    pub variant: Vec<Variant>,
    /// Patterns that recognise a named sub-area (a park, a new town).
    #[serde(default)]
    pub scope: Vec<ScopePattern>,
    /// Words that bound a number (`突破`, `左右`, `以内`).
    #[serde(default)]
    pub bound: Vec<BoundWord>,
    /// Structure cues: what kind of report a title or opening names, and
    /// which year it reviews or plans.
    #[serde(default)]
    pub title: Vec<TitleCue>,
    /// Structure cues: dates of delivery, publication or writing.
    #[serde(default)]
    pub date: Vec<DateCue>,
    /// Structure cues: heading words that make a section review or plan.
    #[serde(default)]
    pub heading: Vec<HeadingCue>,
    /// Structure cues: the part of the year a figure covers.
    #[serde(default)]
    pub period: Vec<PeriodCue>,
    /// Structure cues: time phrases opening a sentence that turn the rest of
    /// its paragraph to another period than its section's.
    #[serde(default)]
    pub stretch: Vec<StretchCue>,
    /// Word lists the reading of a match relies on, one per concept.
    #[serde(default)]
    pub wording: WordingTables,
}

/// What the `year` group of a title cue names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearRole {
    /// The year the report looks back on.
    Reviews,
    /// The year the report sets out plans for.
    Plans,
}

/// Where a title cue looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Within {
    /// Title-like (short) lines at the start of the report.
    #[default]
    Title,
    /// Any line at the start of the report, also long opening paragraphs.
    Header,
    /// Any line of the report's first part, read only when no other cue
    /// and no date gives a year.
    Body,
}

/// A pattern in a title or opening line that names the report's kind,
/// years or period.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleCue {
    /// Regular expression; groups `year`, `months` or `quarters` are read.
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub kind: Option<ReportKind>,
    /// What the `year` group names.
    #[serde(default)]
    pub year: Option<YearRole>,
    /// The period reviewed, when the pattern fixes it (`上半年` → `H1`).
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub within: Within,
    #[serde(default)]
    pub examples: Vec<TitleExample>,
}

/// A line a title cue must match, and what it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleExample {
    pub text: Spanned<String>,
    #[serde(default)]
    pub kind: Option<ReportKind>,
    #[serde(default)]
    pub reviews: Option<i32>,
    #[serde(default)]
    pub plans: Option<i32>,
    #[serde(default)]
    pub period: Option<Period>,
}

/// What a date says about the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The dateline of the meeting the report was delivered at.
    Delivered,
    /// The date the page or document was published.
    Published,
    /// The date the document was written (成文日期).
    Written,
}

/// A pattern that finds a date: groups `y`, `m`, `d` (ASCII or Chinese
/// numerals), or `ymd` for digits that lost 年月日.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateCue {
    pub pattern: Spanned<String>,
    pub source: DateSource,
    #[serde(default)]
    pub examples: Vec<DateExample>,
}

/// A line a date cue must match, and the date it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateExample {
    pub text: Spanned<String>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// For a cue without a year: the year of the page's date.
    #[serde(default)]
    pub year: Option<i32>,
}

/// Which way a heading word (or a stretch cue) turns a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Covers {
    /// The year reviewed.
    Review,
    /// The year planned.
    Plan,
    /// Several years at once (a five-year review or plan, a term of
    /// office): its figures are no annual statements.
    Years,
    /// The one year the report is delivered for, named without a number
    /// (今年, 开局, 届首之年): wins over words of several years.
    ThisYear,
}

/// Words of a heading that make its section review or plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingCue {
    pub covers: Covers,
    pub words: Vec<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<HeadingExample>,
}

/// A heading and the way it must turn its section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingExample {
    pub text: Spanned<String>,
    pub covers: Covers,
}

/// A time phrase opening a sentence (`过去一年,`, `2000年是…`, `五年来,`)
/// that says what the rest of its paragraph covers; a paragraph that is
/// that one sentence leads in the paragraphs after it, up to the next
/// heading or cue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StretchCue {
    /// Regular expression run at the start of each sentence; a `year` group
    /// names the year, which decides when `covers` is not given (the year
    /// reviewed reviews, the year planned plans, another year is no cue).
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub covers: Option<Covers>,
    #[serde(default)]
    pub examples: Vec<StretchExample>,
}

/// A sentence opening a stretch cue must match, and what it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StretchExample {
    pub text: Spanned<String>,
    #[serde(default)]
    pub covers: Option<Covers>,
    #[serde(default)]
    pub year: Option<i32>,
}

/// A pattern before a figure that says which part of the year it covers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodCue {
    /// Regular expression; groups `months` or `quarters` give the period.
    pub pattern: Spanned<String>,
    /// The period, when the pattern fixes it.
    #[serde(default)]
    pub period: Option<Period>,
    /// A single month or quarter, not a period to date: no statement.
    #[serde(default)]
    pub single: bool,
    #[serde(default)]
    pub examples: Vec<PeriodExample>,
}

/// A phrase a period cue must match, and what it must yield.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodExample {
    pub text: Spanned<String>,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub single: bool,
}

/// A word that says how a written number bounds the real one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundWord {
    pub word: Spanned<String>,
    /// Where it stands: before the number, between number and unit, after the unit.
    pub place: BoundPlace,
    pub bound: Bound,
    /// Characters that, right before the word, make it part of another word
    /// (`最近`, `节约`).
    #[serde(default)]
    pub not_after: String,
    /// Clauses in which the word must give a quantity with this bound.
    #[serde(default)]
    pub examples: Vec<Spanned<String>>,
}

/// Where a bound word stands in a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoundPlace {
    /// Right before the number (`超过3万家`).
    Before,
    /// Between the number and its unit (`5万余个`).
    Between,
    /// Right after the unit (`5%以上`).
    After,
}

/// A recurring target and how to find it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: Spanned<String>,
    pub name_zh: String,
    pub name_en: String,
    /// Canonical unit every value is converted to.
    pub unit: Spanned<String>,
    /// Further canonical units the target may be counted in (land: 宗).
    #[serde(default)]
    pub alt_units: Vec<Spanned<String>>,
    /// Other counter words that count the same things as `unit` (5G base
    /// stations in 座 as well as 个); values in them are recorded in `unit`.
    #[serde(default)]
    pub counters: Vec<Spanned<String>>,
    /// Other canonical units the target's figures are written in, each
    /// with the factor that turns it into `unit` (green space in 万平方米,
    /// recorded in 亩: ×15).
    #[serde(default)]
    pub conversions: Vec<Conversion>,
    pub measure: Measure,
    /// On a stock target: the id of the flow target it accumulates
    /// (`g5_base_stations_total` is the running total of `g5_base_stations`).
    /// Two stock figures at two dates then give a derived flow of that target.
    #[serde(default)]
    pub stock_of: Option<Spanned<String>>,
    /// Ids of targets whose figures are near misses for this one: listed as
    /// indicator drift beside a plan, never judged against it. A relation
    /// works both ways, so it is declared on one of the two targets.
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    /// Words that name the target (simplified script).
    pub terms: Vec<Spanned<String>>,
    /// Terms that name the target only when a context word comes earlier in the sentence.
    #[serde(default)]
    pub context_terms: Vec<ContextTerm>,
    /// At least one of these must stand between the term and the value.
    #[serde(default)]
    pub requires: Vec<Spanned<String>>,
    /// None of these may stand between the term and the value, nor right after the value.
    #[serde(default)]
    pub excludes: Vec<Spanned<String>>,
    /// Also accept a value written before the term (`5000亩碳汇造林`).
    #[serde(default)]
    pub value_first: bool,
    /// Characters allowed between term and value.
    #[serde(default = "default_max_gap")]
    pub max_gap: usize,
    /// Words in the sentence that narrow the statement to a named scope.
    #[serde(default)]
    pub scopes: Vec<ScopeWord>,
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub counter_examples: Vec<Spanned<String>>,
}

/// A canonical unit read as the target's unit, times a factor.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    pub unit: Spanned<String>,
    /// Multiply a value in `unit` by this to get the target's unit.
    pub factor: Spanned<f64>,
}

/// A term that belongs to a target only in context.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextTerm {
    pub term: Spanned<String>,
    /// One of these must appear earlier in the same sentence.
    pub context: Vec<Spanned<String>>,
    /// None of these may appear earlier in the same sentence (a level named
    /// beside another one makes a mixed figure: `小学、幼儿园…新增学位`).
    #[serde(default)]
    pub unless: Vec<Spanned<String>>,
}

/// A pattern that sets a scope for one target (`市.{0,8}重点` → `市重点项目`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeWord {
    /// Regular expression searched in the sentence before the value.
    pub pattern: Spanned<String>,
    /// Scope recorded on a match; when absent, the capture group `scope` (or
    /// the whole match) is the scope.
    #[serde(default)]
    pub name: Option<String>,
}

/// A sentence the rule must match, with the value it must give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: Spanned<String>,
    pub value: f64,
    /// Unit of the value when it is not the target's unit (宗).
    #[serde(default)]
    pub unit: Option<String>,
    /// Expected kind, when the sentence alone decides it.
    #[serde(default)]
    pub kind: Option<Kind>,
    /// Expected scope.
    #[serde(default)]
    pub scope: Option<String>,
}

/// A spelling rewritten before matching (`幼稚园` → `幼儿园`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub from: Spanned<String>,
    pub to: String,
}

/// A pattern that recognises a named sub-area anywhere in a sentence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopePattern {
    /// Regular expression; the capture group `scope` (or the whole match) is the scope.
    pub pattern: Spanned<String>,
    /// Words cut from the front of a captured scope, with everything before
    /// them (`力争年内完成白云湖数字科技城` → `白云湖数字科技城`).
    #[serde(default)]
    pub strip: Vec<String>,
}

fn default_max_gap() -> usize {
    24
}
