//! Progress ratios a report states about itself: "完成年度投资计划的72.6%",
//! "完成年度计划的73.5%", "年度任务完成率150%", "进度达80%". Each is tied to
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

/// Whether `q` is a completion ratio, given the text of its clause before it.
pub fn is_ratio(q: &Quantity, lead: &str) -> bool {
    q.unit.canonical == "%" && q.direction.is_none() && PROGRESS.is_match(lead.trim_end())
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
        if !is_ratio(q, &text[clause..q.span.start]) {
            continue;
        }
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
            ratio_percent: q.value,
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
        is_ratio(&q, &text[..q.span.start])
    }

    #[test]
    fn reads_the_genre_s_completion_phrases() {
        assert!(ratio("完成年度投资计划的72.6%"));
        assert!(ratio("完成年度计划的73.5%"));
        assert!(ratio("完成年度投资计划54.66%"));
        assert!(ratio("年度任务完成率150%"));
        assert!(ratio("5000亩碳汇造林进度达80%"));
    }

    #[test]
    fn growth_and_shares_are_not_ratios() {
        assert!(!ratio("同比增长20.2%"));
        assert!(!ratio("开工率达93.7%"));
        assert!(!ratio("城镇登记失业率控制在3.5%以内"));
    }
}
