//! Progress ratios a report states about itself: "完成年度投资计划的72.6%",
//! "完成年度计划的73.5%", "年度任务完成率150%", "进度达80%", "超年度计划28%"
//! (128 % of the plan). Each is tied to
//! the closest flow or stock statement before it in the same sentence, so
//! linking can check the report's own arithmetic.

use super::{sentence, SentenceTrace};
use crate::document::Document;
use crate::quantity::Quantity;
use crate::statement::{Measure, SelfReport, Statement};
use regex::Regex;
use std::sync::LazyLock;

/// The words that turn a percentage into a completion ratio when they end
/// the text just before it.
static PROGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:完成|达到|占)了?(?:年度|全年|年)?(?:投资)?(?:计划|目标|任务)的?|完成率|完成进度|进度|序时进度)(?:达到|达|为)?$",
    )
    .unwrap_or_else(|e| panic!("the built-in progress pattern must compile: {e}"))
});

/// The words that make a percentage the share by which a plan was passed
/// (`超年度计划28%`: 128 % of the plan).
static OVER_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:超|超出|超过|超额)(?:完成)?(?:年度|全年|年)?(?:投资)?(?:计划|目标|任务)$")
        .unwrap_or_else(|e| panic!("the built-in over-plan pattern must compile: {e}"))
});

/// The completion ratio `q` states, in percent of the plan, given the text
/// of its clause before it.
pub fn ratio_percent(q: &Quantity, lead: &str) -> Option<f64> {
    if q.unit.canonical != "%" || q.direction.is_some() {
        return None;
    }
    let lead = lead.trim_end();
    if PROGRESS.is_match(lead) {
        Some(q.value)
    } else if OVER_PLAN.is_match(lead) {
        Some(100.0 + q.value)
    } else {
        None
    }
}

/// Completion ratios in a sentence, each tied to the closest flow or
/// stock statement before it.
pub fn ratios(
    doc: &Document,
    trace: &SentenceTrace,
    kept: &[(usize, Statement)],
) -> Vec<SelfReport> {
    let text = &doc.text;
    let mut out = Vec::new();
    for q in &trace.quantities {
        let clause = sentence::clause_start(text, &trace.range, q.span.start);
        let Some(ratio_percent) = ratio_percent(q, &text[clause..q.span.start]) else {
            continue;
        };
        let about = kept
            .iter()
            .filter(|(end, s)| *end <= q.span.start && s.measure != Measure::Rate)
            .max_by_key(|(end, _)| *end);
        let Some((_, statement)) = about else {
            continue;
        };
        let range = doc.normalised_range(statement.position.start..statement.position.start);
        let quote = range.start..sentence::clause_end(text, &trace.range, q.span.end);
        out.push(SelfReport {
            doc: statement.doc.clone(),
            path: statement.path.clone(),
            place_code: statement.place_code.clone(),
            target: statement.target.clone(),
            scope: statement.scope.clone(),
            year: statement.year,
            ratio_percent,
            quote: doc.quote(quote).to_owned(),
            line: statement.position.line,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::scan;

    fn ratio(text: &str) -> bool {
        let q = scan(text).pop().unwrap();
        ratio_percent(&q, &text[..q.span.start]).is_some()
    }

    #[test]
    fn reads_the_genre_s_completion_phrases() {
        assert!(ratio("完成年度投资计划的72.6%"));
        assert!(ratio("完成年度计划的73.5%"));
        assert!(ratio("完成年度投资计划54.66%"));
        assert!(ratio("年度任务完成率150%"));
        assert!(ratio("5000亩碳汇造林进度达80%"));
        assert!(ratio("占年计划的41.8%"));
        assert!(ratio("投资完成率125.5%"));
        assert!(ratio("完成投资2929亿元、超年度计划28%"));
        let q = scan("超年度计划28%").pop().unwrap();
        assert_eq!(ratio_percent(&q, "超年度计划"), Some(128.0));
    }

    #[test]
    fn growth_and_shares_are_not_ratios() {
        assert!(!ratio("同比增长20.2%"));
        assert!(!ratio("开工率达93.7%"));
        assert!(!ratio("城镇登记失业率控制在3.5%以内"));
    }
}
