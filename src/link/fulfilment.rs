//! Fulfilment: what linking returns, one row per plan. A row holds the plan
//! as judged (and every place it was stated), the outcome taken, every
//! candidate outcome considered with the reason it was taken or passed over,
//! the verdict (a [`Status`], in English and in the words Chinese reviews
//! use), the fulfilment ratio, and flags for what a reader should check.

use crate::statement::{Bound, Measure, Period};
use serde::Serialize;
use std::fmt;

/// The verdict on one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At least 110 % of a flow or stock target (超额完成).
    Exceeded,
    /// The full-year outcome satisfies the plan's bound (完成).
    Met,
    /// The full-year outcome falls short of the plan (未完成).
    Short,
    /// Only a mid-year result, and it is on pace (进度符合).
    OnPace,
    /// Only a mid-year result, and it lags (进度滞后).
    BehindPace,
    /// A later full-year review of the year exists and says nothing (未报告).
    Unreported,
    /// No full-year review of the year in the input yet (待报告).
    Pending,
    /// A result was reported but no report in the input set a target for it
    /// (无目标). Only produced when linking is asked for such rows
    /// (`LinkInput::include_unplanned`).
    Unplanned,
}

impl Status {
    /// Every status, in the order summaries list them.
    pub const ALL: [Status; 8] = [
        Status::Exceeded,
        Status::Met,
        Status::Short,
        Status::OnPace,
        Status::BehindPace,
        Status::Unreported,
        Status::Pending,
        Status::Unplanned,
    ];

    /// The word used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exceeded => "exceeded",
            Status::Met => "met",
            Status::Short => "short",
            Status::OnPace => "on_pace",
            Status::BehindPace => "behind_pace",
            Status::Unreported => "unreported",
            Status::Pending => "pending",
            Status::Unplanned => "unplanned",
        }
    }

    /// The status in the vocabulary of Chinese reviews.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Exceeded => "超额完成",
            Status::Met => "完成",
            Status::Short => "未完成",
            Status::OnPace => "进度符合",
            Status::BehindPace => "进度滞后",
            Status::Unreported => "未报告",
            Status::Pending => "待报告",
            Status::Unplanned => "无目标",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = String;
    /// Accepts the English word or the Chinese one.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s || st.zh() == s)
            .ok_or_else(|| format!("unknown status `{s}`"))
    }
}

/// Something about a row a reader should check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Several outcomes for the same period disagree; the one taken is named.
    Conflicting,
    /// The plan was stated with different values; judged against the latest.
    TargetRevised,
    /// A report's own completion ratio disagrees with plan and outcome by more than 0.5 points.
    SelfReportMismatch,
    /// The outcome taken is an estimate (预计).
    Estimated,
    /// Near-miss outcomes (related target, other unit or measure) exist: see `drift`.
    IndicatorDrift,
    /// The plan was a range (`5%—5.5%`) and the outcome went past its upper end.
    AboveRange,
}

impl Flag {
    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Conflicting => "conflicting",
            Flag::TargetRevised => "target_revised",
            Flag::SelfReportMismatch => "self_report_mismatch",
            Flag::Estimated => "estimated",
            Flag::IndicatorDrift => "indicator_drift",
            Flag::AboveRange => "above_range",
        }
    }
}

/// One place a plan was stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSource {
    pub value: f64,
    pub upper: Option<f64>,
    pub unit: String,
    pub bound: Bound,
    pub hedge: String,
    pub scope: String,
    pub doc: String,
    pub path: String,
    pub line: usize,
    pub quote: String,
}

/// An outcome, stated or derived from two stock statements.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeRef {
    pub target: String,
    pub value: f64,
    pub unit: String,
    pub measure: Measure,
    pub year: i32,
    pub period: Period,
    pub scope: String,
    pub estimated: bool,
    /// Where it was stated (for a derived flow: the later stock statement).
    pub doc: String,
    pub path: String,
    pub line: usize,
    pub quote: String,
    /// Computed as the difference of two stock statements.
    pub derived: bool,
    /// For a derived flow: the earlier and the later stock statement.
    pub derived_from: Vec<StockPoint>,
}

/// A stock statement a derived flow was computed from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StockPoint {
    pub target: String,
    pub value: f64,
    pub year: i32,
    pub period: Period,
    pub doc: String,
    pub line: usize,
    pub quote: String,
}

/// Why a candidate outcome was taken or passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The outcome the plan is judged against.
    Taken,
    /// Comparable, but a better one was taken (full year over mid-year,
    /// final over 预计, stated over derived, later report over earlier).
    Superseded,
    /// About another year.
    OtherYear,
    /// About another area (or the whole district against a named area).
    OtherScope,
    /// In a unit that does not convert (学位 vs 所, 亩 vs 宗).
    OtherUnit,
    /// A flow against a stock, or a level against a rate.
    OtherMeasure,
    /// A related but different target (K-12 places vs places of all levels).
    OtherTarget,
    /// A flow derived over a span that is not the plan's year.
    OtherSpan,
}

impl Decision {
    /// A short reason, as `explain --link` prints it.
    pub fn reason(self) -> &'static str {
        match self {
            Decision::Taken => "taken",
            Decision::Superseded => "comparable, but a better outcome was taken",
            Decision::OtherYear => "about another year",
            Decision::OtherScope => "about another area",
            Decision::OtherUnit => "unit does not convert",
            Decision::OtherMeasure => "different measure (flow, stock, rate)",
            Decision::OtherTarget => "related but different target",
            Decision::OtherSpan => "derived over a span other than the plan's year",
        }
    }
}

/// An outcome considered for a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    #[serde(flatten)]
    pub outcome: OutcomeRef,
    /// Similarity of its scope to the plan's (see `scope::SAME_SCOPE_THRESHOLD`).
    pub scope_similarity: f64,
    pub decision: Decision,
}

/// A report that reviewed the plan's year and was searched for an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Searched {
    pub doc: String,
    pub path: String,
    pub period: Period,
}

/// A report's own completion ratio, checked against plan and outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelfReportCheck {
    pub doc: String,
    pub line: usize,
    pub quote: String,
    /// The ratio the report states, in percent.
    pub stated_percent: f64,
    /// Outcome / plan × 100 from the statements; `None` when either is missing.
    pub computed_percent: Option<f64>,
    /// Whether the two agree within `judge::SELF_REPORT_TOLERANCE_PP`.
    pub agrees: Option<bool>,
}

/// The follow-through of one plan, or (status `unplanned`) a result that no
/// plan in the input asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fulfilment {
    /// GB/T 2260 code of the place (empty when its reports named none).
    pub place_code: String,
    /// The place's own name (`白云区`).
    pub place: String,
    /// Its full name (`广东省广州市白云区`).
    pub place_name: String,
    pub target: String,
    pub measure: Measure,
    pub scope: String,
    pub year: i32,
    pub status: Status,
    pub status_zh: &'static str,
    /// Outcome / plan for flows and stocks; `None` for rates and where there is no outcome.
    pub ratio: Option<f64>,
    /// Outcome − plan in percentage points, for rates.
    pub gap_pp: Option<f64>,
    /// The plan judged against (the latest statement of it); `None` only for
    /// an `unplanned` row.
    pub plan: Option<PlanSource>,
    /// Every statement of the plan, earliest report first (empty for an
    /// `unplanned` row).
    pub plans: Vec<PlanSource>,
    /// The outcome taken, if any.
    pub outcome: Option<OutcomeRef>,
    /// Every outcome of the same target, year and district considered.
    pub outcomes: Vec<Candidate>,
    /// Near misses: related targets, other units or measures. Never verdicts.
    pub drift: Vec<Candidate>,
    pub flags: Vec<Flag>,
    /// Reports that reviewed the year (for `unreported` and `pending` rows).
    pub searched: Vec<Searched>,
    pub self_reports: Vec<SelfReportCheck>,
}
