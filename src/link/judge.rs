//! Judgement: given a plan and the outcome taken for it, the status, the
//! fulfilment ratio (flows and stocks) or the percentage-point gap (rates).
//!
//! Every target in the genre is "more is better" unless the plan says
//! otherwise with `at_most` (以内, 不超过). So:
//! - `at_least` and `exact` plans are met by an outcome at or above the plan
//!   value (a government that promised 5200 places and built 6000 met it);
//! - `about` plans (约, 左右) are met down to [`ABOUT_TOLERANCE`] below the
//!   value for flows and stocks, [`ABOUT_TOLERANCE_PP`] points for rates;
//! - `at_most` plans are met at or below the ceiling (the upper end of a
//!   range), never `exceeded`, and `short` above it;
//! - a flow or stock at ≥ [`EXCEEDED_RATIO`] of the plan is `exceeded`;
//!   rates are only `met` or `short` (a gap in points, not a ratio);
//! - a flow for part of the year is on pace at ≥ the share of the year
//!   elapsed of the annual plan (the 序时进度 convention: 6/12 at mid-year,
//!   9/12 after September, 11/12 after November; see `Period::share`), by the
//!   same bound rules; a rate or stock for part of the year is compared with
//!   the annual plan directly (growth so far is already an annual rate; a
//!   stock level has no meaningful share).
//!
//! A planned fall (negative value) is read the same way: doing at least as
//! well as planned.

use super::fulfilment::Status;
use crate::statement::{Bound, Measure, Period};

/// A flow or stock outcome at this share of the plan or more is `exceeded`.
pub const EXCEEDED_RATIO: f64 = 1.10;
/// An `about` flow or stock plan is met down to this fraction below its value (5 %).
pub const ABOUT_TOLERANCE: f64 = 0.05;
/// An `about` rate plan is met down to this many percentage points below its value.
pub const ABOUT_TOLERANCE_PP: f64 = 0.5;
/// A report's own completion ratio may differ from the computed one by this many points.
pub const SELF_REPORT_TOLERANCE_PP: f64 = 0.5;
/// Two values within this relative difference are the same figure (as in `eval`).
pub const SAME_VALUE_TOLERANCE: f64 = 0.005;
/// Absolute slack for comparisons of decimals that went through unit conversion.
const EPSILON: f64 = 1e-9;

/// The plan's side of a judgement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Planned {
    pub measure: Measure,
    pub value: f64,
    /// Upper end of a planned range.
    pub upper: Option<f64>,
    pub bound: Bound,
}

/// A verdict with its numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    pub status: Status,
    pub ratio: Option<f64>,
    pub gap_pp: Option<f64>,
}

/// Judges an outcome of `period` against an annual plan.
pub fn judge(plan: Planned, outcome: f64, period: Period) -> Judgement {
    let ceiling = plan.upper.unwrap_or(plan.value);
    match plan.measure {
        Measure::Rate => {
            let reference = if plan.bound == Bound::AtMost {
                ceiling
            } else {
                plan.value
            };
            let gap = outcome - reference;
            let ok = match plan.bound {
                Bound::AtLeast | Bound::Exact => gap >= -EPSILON,
                Bound::About => gap >= -ABOUT_TOLERANCE_PP - EPSILON,
                Bound::AtMost => gap <= EPSILON,
            };
            Judgement {
                status: verdict(ok, false, period),
                ratio: None,
                gap_pp: Some(gap),
            }
        }
        Measure::Flow | Measure::Stock => {
            let share = if plan.measure == Measure::Flow {
                period.share()
            } else {
                1.0
            };
            let floor = plan.value * share;
            let slack = EPSILON * floor.abs().max(1.0);
            let ok = match plan.bound {
                Bound::AtLeast | Bound::Exact => outcome >= floor - slack,
                Bound::About => outcome >= floor - ABOUT_TOLERANCE * floor.abs() - slack,
                Bound::AtMost => outcome <= ceiling * share + slack,
            };
            let ratio = (plan.value.abs() > EPSILON).then(|| outcome / plan.value);
            let exceeded =
                plan.bound != Bound::AtMost && ratio.is_some_and(|r| r >= EXCEEDED_RATIO - EPSILON);
            Judgement {
                status: verdict(ok, exceeded, period),
                ratio,
                gap_pp: None,
            }
        }
    }
}

fn verdict(ok: bool, exceeded: bool, period: Period) -> Status {
    match (period.is_full_year(), ok) {
        (false, true) => Status::OnPace,
        (false, false) => Status::BehindPace,
        (true, true) if exceeded => Status::Exceeded,
        (true, true) => Status::Met,
        (true, false) => Status::Short,
    }
}

/// Whether an outcome went past the upper end of a planned range (a range
/// plan is met from its lower end on; `at_most` plans have no range to pass).
pub fn above_range(plan: &Planned, outcome: f64) -> bool {
    plan.bound != Bound::AtMost && plan.upper.is_some_and(|u| outcome > u + EPSILON)
}

/// Whether two stated values are the same figure.
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= SAME_VALUE_TOLERANCE * a.abs().max(b.abs()) + EPSILON
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(measure: Measure, value: f64, bound: Bound) -> Planned {
        Planned {
            measure,
            value,
            upper: None,
            bound,
        }
    }

    #[test]
    fn flows_are_met_exceeded_or_short() {
        let p = plan(Measure::Flow, 4000.0, Bound::Exact);
        let j = judge(p, 7479.42, Period::FY);
        assert_eq!(j.status, Status::Exceeded);
        assert!((j.ratio.unwrap_or_default() - 1.869855).abs() < 1e-6);
        assert_eq!(judge(p, 4000.0, Period::FY).status, Status::Met);
        assert_eq!(judge(p, 4399.0, Period::FY).status, Status::Met);
        assert_eq!(judge(p, 4400.0, Period::FY).status, Status::Exceeded);
        assert_eq!(judge(p, 3999.0, Period::FY).status, Status::Short);
    }

    #[test]
    fn about_allows_five_percent_below() {
        let p = plan(Measure::Flow, 4000.0, Bound::About);
        assert_eq!(judge(p, 3800.0, Period::FY).status, Status::Met);
        assert_eq!(judge(p, 3790.0, Period::FY).status, Status::Short);
        let r = plan(Measure::Rate, 7.0, Bound::About);
        assert_eq!(judge(r, 6.5, Period::FY).status, Status::Met);
        assert_eq!(judge(r, 6.4, Period::FY).status, Status::Short);
    }

    #[test]
    fn at_most_is_a_ceiling() {
        let p = Planned {
            upper: Some(120.0),
            ..plan(Measure::Flow, 100.0, Bound::AtMost)
        };
        assert_eq!(judge(p, 60.0, Period::FY).status, Status::Met);
        assert_eq!(judge(p, 120.0, Period::FY).status, Status::Met);
        assert_eq!(judge(p, 121.0, Period::FY).status, Status::Short);
        let r = plan(Measure::Rate, 3.5, Bound::AtMost);
        assert_eq!(judge(r, 3.2, Period::FY).status, Status::Met);
        assert_eq!(judge(r, 3.6, Period::FY).status, Status::Short);
    }

    #[test]
    fn a_range_is_met_from_its_lower_end_and_flagged_past_its_upper_end() {
        // `地区生产总值增长4.5-5%`
        let p = Planned {
            upper: Some(5.0),
            ..plan(Measure::Rate, 4.5, Bound::AtLeast)
        };
        assert_eq!(judge(p, 4.5, Period::FY).status, Status::Met);
        assert_eq!(judge(p, 4.4, Period::FY).status, Status::Short);
        assert_eq!(judge(p, 5.4, Period::FY).status, Status::Met);
        assert!(!above_range(&p, 5.0));
        assert!(above_range(&p, 5.4));
        assert!(!above_range(&plan(Measure::Rate, 4.5, Bound::AtLeast), 9.0));
        let ceiling = Planned {
            upper: Some(120.0),
            ..plan(Measure::Flow, 100.0, Bound::AtMost)
        };
        assert!(!above_range(&ceiling, 130.0));
    }

    #[test]
    fn rates_are_judged_by_points() {
        let p = plan(Measure::Rate, 7.0, Bound::AtLeast);
        let j = judge(p, 7.0, Period::FY);
        assert_eq!(j.status, Status::Met);
        assert_eq!(j.ratio, None);
        assert_eq!(j.gap_pp, Some(0.0));
        let j = judge(p, 20.2, Period::FY);
        assert_eq!(j.status, Status::Met, "rates are never `exceeded`");
        assert!((j.gap_pp.unwrap_or_default() - 13.2).abs() < 1e-9);
        assert_eq!(judge(p, 6.9, Period::FY).status, Status::Short);
    }

    #[test]
    fn mid_year_flows_need_half_the_plan() {
        let p = plan(Measure::Flow, 748.7, Bound::Exact);
        let j = judge(p, 543.8, Period::H1);
        assert_eq!(j.status, Status::OnPace);
        assert!((j.ratio.unwrap_or_default() * 100.0 - 72.63).abs() < 0.01);
        assert_eq!(judge(p, 374.0, Period::H1).status, Status::BehindPace);
        let k12 = plan(Measure::Flow, 5200.0, Bound::Exact);
        assert_eq!(judge(k12, 3840.0, Period::H1).status, Status::OnPace);
    }

    #[test]
    fn flows_for_part_of_a_year_need_the_share_of_months_elapsed() {
        let p = plan(Measure::Flow, 1200.0, Bound::Exact);
        let months = |m| Period::to_month(m).unwrap_or(Period::FY);
        assert_eq!(judge(p, 900.0, months(9)).status, Status::OnPace);
        assert_eq!(judge(p, 899.0, months(9)).status, Status::BehindPace);
        assert_eq!(judge(p, 1100.0, months(11)).status, Status::OnPace);
        assert_eq!(judge(p, 1090.0, months(11)).status, Status::BehindPace);
        assert_eq!(judge(p, 300.0, months(3)).status, Status::OnPace);
    }

    #[test]
    fn mid_year_rates_compare_directly() {
        let p = plan(Measure::Rate, 7.0, Bound::AtLeast);
        assert_eq!(judge(p, 20.2, Period::H1).status, Status::OnPace);
        assert_eq!(judge(p, 3.5, Period::H1).status, Status::BehindPace);
    }

    #[test]
    fn mid_year_stocks_compare_directly() {
        let p = plan(Measure::Stock, 1300.0, Bound::AtLeast);
        assert_eq!(judge(p, 1000.0, Period::H1).status, Status::BehindPace);
        assert_eq!(judge(p, 1300.0, Period::H1).status, Status::OnPace);
    }

    #[test]
    fn same_value_has_half_a_percent_slack() {
        assert!(same_value(7479.42, 7479.0));
        assert!(!same_value(7479.42, 7400.0));
        assert!(!same_value(1.1, 1.2));
    }
}
