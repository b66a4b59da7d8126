//! The legend under a fulfilment table: what each flag shown means, and the
//! threshold behind `on_pace` when a mid-year row is shown.

use crate::link::{Flag, Fulfilment, Status};

/// What a flag asks the reader to check.
pub fn meaning(flag: Flag) -> &'static str {
    match flag {
        Flag::Conflicting => "outcomes for the same period disagree; the one taken is shown",
        Flag::TargetRevised => {
            "the plan was stated with different values; judged against the latest"
        }
        Flag::SelfReportMismatch => {
            "the report's own completion ratio differs from plan and outcome by over 0.5 points"
        }
        Flag::Estimated => "the outcome taken is an estimate (预计)",
        Flag::IndicatorDrift => {
            "no comparable outcome of the target itself, but figures of a related target or in \
             another unit or measure were found (JSON `drift`; `luoshi explain --link` shows them)"
        }
        Flag::AboveRange => {
            "the plan was a range, met from its lower end; the outcome went past its upper end"
        }
    }
}

/// What the mid-year statuses mean.
pub const PACE: &str = "on_pace / behind_pace: a flow reported part-way through the year is on \
                        pace at the share of its annual plan for the months elapsed or more (half at \
                        mid-year); a rate or stock is compared with the annual plan itself";

/// One line per flag that appears in `rows` (in a fixed order), then the
/// pace rule when a mid-year status appears.
pub fn lines(rows: &[Fulfilment]) -> Vec<String> {
    let mut flags: Vec<Flag> = rows.iter().flat_map(|r| r.flags.iter().copied()).collect();
    flags.sort();
    flags.dedup();
    let mut out: Vec<String> = flags
        .into_iter()
        .map(|f| format!("[{}]: {}", f.as_str(), meaning(f)))
        .collect();
    if rows
        .iter()
        .any(|r| matches!(r.status, Status::OnPace | Status::BehindPace))
    {
        out.push(PACE.to_owned());
    }
    out
}
