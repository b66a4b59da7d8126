//! Reading a match: decides whether a kept pairing is a plan or an outcome,
//! which year and period it is about, its hedge word and its scope, from the
//! section it sits in and the words around the value. The words it looks
//! for are the `[wording]` lists of the rules (`rules/wording.toml`).

use super::candidate::{Candidate, Order};
use super::compiled::CompiledRules;
use super::sentence::{clause_end, clause_start, phrase_start};
use crate::document::cues::PeriodWords;
use crate::document::{Coverage, Document, ReportKind};
use crate::quantity::Quantity;
use crate::rule::{Wording, Words};
use crate::statement::{Kind, Measure, Period};
use std::ops::Range;

/// Longest opening clause read as a time phrase (`到2025年`, `2024年底前`).
const TIME_PHRASE_CHARS: usize = 10;
/// Bytes before a value searched for its hedge word (about 80 characters).
const HEDGE_REACH: usize = 240;

/// How one match reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub kind: Kind,
    /// The year the number is about; `None` when neither its sentence nor
    /// the report says (such a reading is counted, never written).
    pub year: Option<i32>,
    /// The part of the year a result covers (`FY`, `H1`, `M9`…); plans are `FY`.
    pub period: Period,
    pub hedge: String,
    pub estimated: bool,
    pub scope: String,
    /// Why it reads so, for `explain`.
    pub because: Vec<String>,
}

/// Facts about the whole document that every reading needs.
#[derive(Debug, Clone)]
pub struct DocFacts {
    /// Year the report was delivered (今年); 去年 is one before.
    pub current_year: Option<i32>,
    /// The first period the report reviews, for stocks stated in a plan part.
    pub review: Option<(i32, Period)>,
    /// The year and period the report as a whole reviews, for results in no
    /// dated section.
    pub reviewed: Option<(i32, Period)>,
    /// The year the report as a whole plans, for targets in no dated section.
    pub planned: Option<i32>,
}

impl DocFacts {
    pub fn of(doc: &Document) -> DocFacts {
        use chrono::Datelike;
        let review = doc.sections.iter().find_map(|s| match s.coverage {
            Coverage::Review { year, period } => Some((year, period)),
            _ => None,
        });
        let report = &doc.report;
        // Without a date, 今年 is the year a work report or an annual report
        // is delivered in (the year it plans), or a mid-year report's own year.
        let current_year = report.date.map(|d| d.year()).or(match report.kind {
            ReportKind::H1 => report.reviewed_year(),
            _ => report.planned_year(),
        });
        DocFacts {
            current_year,
            review,
            reviewed: report.reviews.first().map(|r| (r.year, r.period)),
            planned: report.planned_year(),
        }
    }
}

/// Reads one kept candidate. `None` when it is no statement: a figure for
/// several years, for a single month or quarter, or a target for part of a
/// year. A reading whose year is unknown has `year: None`.
pub fn read(
    rules: &CompiledRules,
    doc: &Document,
    facts: &DocFacts,
    sentence: &Range<usize>,
    candidate: &Candidate,
    q: &Quantity,
    clause: &Range<usize>,
) -> Option<Reading> {
    let text = &doc.text;
    let target = &rules.targets[candidate.target];
    let words = &rules.wording;
    // The words that qualify this value: its phrase (clauses joined by 、)
    // up to the value.
    let region_start = phrase_start(text, sentence, q.span.start);
    let region = &text[region_start..q.span.start];
    let after_term = &text[candidate.term.range.end..clause.end.max(candidate.term.range.end)];
    let restated = candidate.order == Order::ValueFirst
        && words
            .target_nouns
            .iter()
            .any(|w| after_term.starts_with(w.as_str()));
    let plan_cue = restated
        || (words.plan_cues.any_in(region) && words.plan_cues.iter().any(|w| has_cue(region, w)));
    // 预计 governs the whole statement, often from the term's clause
    // (`预计实现地区生产总值1520亿元,增长6.5%`).
    let statement_start =
        phrase_start(text, sentence, candidate.term.range.start.min(q.span.start));
    let estimate = last_of(&text[statement_start..q.span.start], &words.estimate);
    let last_year = region.contains("去年");
    // A year in the value's phrase, or in a short time phrase opening the
    // sentence (`到2025年,全区高新技术企业总数达500家`).
    let opening = text[sentence.start..region_start].trim_end_matches([',', ':', ' ']);
    let explicit = explicit_year(region).or_else(|| {
        (opening.chars().count() <= TIME_PHRASE_CHARS)
            .then(|| explicit_year(opening))
            .flatten()
    });
    // The part of the year the value's own words name, or a short time
    // phrase opening its sentence (`1-11月,…增长13.3%,…增长4.7%`).
    let first_clause = sentence.start..clause_end(text, sentence, sentence.start);
    let opening_phrase = (first_clause.end <= region_start
        && text[first_clause.clone()].chars().count() <= TIME_PHRASE_CHARS + 1)
        .then(|| &text[first_clause]);
    // A parenthesis opened by a time phrase is about that time
    // (`…增长50.8%(1-7月份,限额以上固定资产投资完成11.9亿元,同比增长75.2%)`).
    let parenthesis_phrase = open_parenthesis(text, sentence.start..q.span.start)
        .map(|from| from..clause_end(text, &(from..sentence.end), from))
        .filter(|p| p.end <= region_start)
        .map(|p| &text[p])
        .filter(|p| p.chars().count() <= TIME_PHRASE_CHARS + 1);
    let period_words = doc
        .cues
        .period_words(region)
        .or_else(|| parenthesis_phrase.and_then(|p| doc.cues.period_words(p)))
        .or_else(|| opening_phrase.and_then(|p| doc.cues.period_words(p)));
    let part = match period_words {
        Some(PeriodWords::Single) => return None,
        Some(PeriodWords::ToDate(p)) => Some(p),
        None => None,
    };
    let mut because = Vec::new();
    let hedge_from = floor_boundary(
        text,
        q.span.start.saturating_sub(HEDGE_REACH).max(sentence.start),
    );
    let hedge = last_of(&text[hedge_from..q.span.start], &words.hedges).unwrap_or_default();

    if words.multi_year.any_in(region) {
        return None;
    }
    // A list after `主要预期目标是:` is of targets, across its `;`
    // (`今年经济社会发展的主要预期目标是:地区生产总值增长5%左右,…;城镇新增就业18万人以上`).
    let lead_in = lead_in(text, sentence, q.span.start);
    if lead_in.is_some_and(|l| words.multi_year.any_in(l)) {
        return None;
    }
    let plan_cue = plan_cue || lead_in.is_some();
    // In a paragraph about the five years under review a flow or a rate is
    // for five years; a running total is still the one at the end.
    if target.measure != Measure::Stock && in_five_year_stretch(words, doc, q.span.start) {
        return None;
    }
    let coverage = match doc.coverage_at(q.span.start) {
        // A five-year review or plan: only a figure whose own words name the
        // year reviewed or planned is one year's.
        Coverage::Years { .. } => match explicit {
            Some(year) if facts.reviewed.is_some_and(|(r, _)| r == year) => Coverage::Review {
                year,
                period: Period::FY,
            },
            Some(year) if facts.planned == Some(year) => Coverage::Plan { year },
            // A running total at the end of a five-year review is the total
            // at the end of the year reviewed.
            None if target.measure == Measure::Stock => {
                match (doc.coverage_at(q.span.start), facts.reviewed) {
                    (Coverage::Years { plans: false }, Some((year, period))) => {
                        because
                            .push("a running total at the end of a review of several years".into());
                        Coverage::Review { year, period }
                    }
                    _ => return None,
                }
            }
            _ => return None,
        },
        coverage => coverage,
    };
    let section_year = match coverage {
        Coverage::Plan { year } | Coverage::Review { year, .. } => Some(year),
        Coverage::Years { .. } | Coverage::Unknown => facts.current_year,
    };
    let last_year_of = |y: Option<i32>| y.map(|y| y - 1);
    // `到2025年新增学位5万个` in a 2023 plan is a target for several years.
    if let (Some(e), Some(y)) = (explicit, section_year) {
        if (e - y).abs() > 1 {
            return None;
        }
    }
    let (kind, year, period) = match coverage {
        Coverage::Plan { year } => {
            because.push(format!("in a section planning {year}"));
            if last_year && !restated {
                because.push("去年 marks a result of the year before".into());
                (Kind::Outcome, last_year_of(facts.current_year), Period::FY)
            } else if last_year {
                (Kind::Plan, last_year_of(facts.current_year), Period::FY)
            } else if target.measure == Measure::Stock
                && !plan_cue
                && explicit.is_none()
                && facts.review.is_none_or(|(y, _)| y == year)
                && facts.reviewed.is_none_or(|(y, _)| y == year)
            {
                because.push("a running total stated without a target word".into());
                let (y, p) = facts.review.unwrap_or((year, Period::FY));
                (Kind::Outcome, Some(y), part.unwrap_or(p))
            } else if !plan_cue && (part.is_some() || words.achieved.any_in(region)) {
                because.push("a result so far, stated in the plan part".into());
                let (y, p) = facts.review.unwrap_or((year, Period::FY));
                (Kind::Outcome, Some(y), part.unwrap_or(p))
            } else {
                (Kind::Plan, Some(explicit.unwrap_or(year)), Period::FY)
            }
        }
        Coverage::Review { year, period } => {
            because.push(format!("in a section reviewing {year} {period}"));
            let year = if last_year {
                let y = facts.current_year.map_or(year, |y| y - 1);
                because.push(format!("去年 in a report of {} is {y}", y + 1));
                y
            } else {
                if let Some(e) = explicit.filter(|&e| e != year) {
                    because.push(format!("the year {e} is written out"));
                }
                explicit.unwrap_or(year)
            };
            if plan_cue {
                because.push(if restated {
                    "a target restated in a review".into()
                } else {
                    "a target word before the value".into()
                });
                (Kind::Plan, Some(year), Period::FY)
            } else {
                (Kind::Outcome, Some(year), part.unwrap_or(period))
            }
        }
        Coverage::Years { .. } | Coverage::Unknown => {
            because.push("in no dated section".into());
            let kind = if plan_cue { Kind::Plan } else { Kind::Outcome };
            let year = if last_year {
                last_year_of(facts.current_year)
            } else {
                explicit.or(match kind {
                    Kind::Plan => facts.planned,
                    Kind::Outcome => facts.reviewed.map(|(y, _)| y),
                })
            };
            let period = match kind {
                Kind::Plan => Period::FY,
                Kind::Outcome => part
                    .or_else(|| {
                        facts
                            .reviewed
                            .filter(|(y, _)| Some(*y) == year)
                            .map(|(_, p)| p)
                    })
                    .unwrap_or(Period::FY),
            };
            (kind, year, period)
        }
    };
    // A target for part of a year is not one a plan is judged on.
    if kind == Kind::Plan && part.is_some_and(|p| !p.is_full_year()) {
        return None;
    }
    if year.is_none() {
        because.push("no year: neither the sentence nor the report names one".into());
    }
    let estimate = estimate.filter(|_| kind == Kind::Outcome);
    let estimated = estimate.is_some();
    // A result's only hedge is its estimate word (预计); a plan keeps the
    // commitment word as written.
    let hedge = match (kind, estimate) {
        (Kind::Plan, _) => hedge,
        (Kind::Outcome, Some(word)) => {
            because.push(format!("{word} marks an estimate"));
            word
        }
        (Kind::Outcome, None) => String::new(),
    };
    let scope = scope(rules, text, sentence, candidate, q);
    Some(Reading {
        kind,
        year,
        period,
        hedge,
        estimated,
        scope,
        because,
    })
}

/// Whether `cue` stands in `region` as a plan word, not as the indicator
/// type of a table row (`地区生产总值 预期性 16715.2亿元 4.8%`: 预期性 and
/// 约束性 say what kind of indicator a row is, in pudong-2023-annual and
/// every table of the national and local plans).
fn has_cue(region: &str, cue: &str) -> bool {
    region
        .match_indices(cue)
        .any(|(i, w)| !region[i + w.len()..].starts_with('性'))
}

/// The clause before a colon that introduces the value's list as targets
/// (`主要预期目标是:`), searched back to the full stop before the value.
fn lead_in<'a>(text: &'a str, sentence: &Range<usize>, at: usize) -> Option<&'a str> {
    let full_start = text[..sentence.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '。' | '!' | '?' | '\n' | '！' | '？'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let before = &text[full_start..at];
    let colon = before.rfind([':', '：'])?;
    let lead = &before[..colon];
    let lead = lead
        .rfind([',', ';', '、', '，', '；', ':', '：'])
        .map_or(lead, |i| &lead[i..]);
    lead.contains("目标").then_some(lead)
}

/// Whether `at` sits in a paragraph about the five years under review: its
/// line, or a line above it with no one-year paragraph or heading between,
/// opens with a five-year word; lines are looked back over up to the
/// `reach_lines` of `five_year_openers`.
fn in_five_year_stretch(words: &Wording, doc: &Document, at: usize) -> bool {
    let text = &doc.text;
    let mut end = at;
    for _ in 0..words.five_year_reach_lines {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if doc.sections.iter().any(|s| s.range.start == start) {
            return false;
        }
        let line = &text[start..text[start..].find('\n').map_or(text.len(), |i| start + i)];
        let opening = line
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '-' | '―'))
            .trim_start_matches("各位代表")
            .trim_start_matches(['!', '！', ',', '，', ':', '：', ' ', '“', '"']);
        let first_sentence = opening.split(['。', '!', '?', ';']).next().unwrap_or("");
        if words
            .five_year_openers
            .iter()
            .any(|w| opening.starts_with(w.as_str()))
            || (opening.starts_with("这是") && first_sentence.ends_with("的五年"))
        {
            return true;
        }
        if words
            .one_year_openers
            .iter()
            .any(|w| opening.starts_with(w.as_str()))
            || opens_with_year(opening)
        {
            return false;
        }
        if start == 0 {
            return false;
        }
        end = start - 1;
    }
    false
}

/// `2025年,…` or `2025年是…`: a paragraph about one year.
fn opens_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && s[4..].starts_with('年')
}

/// The char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A year written in the region (`2021年`), unless it is a comparison base (`较2019年`).
fn explicit_year(region: &str) -> Option<i32> {
    let bytes = region.as_bytes();
    let mut found = None;
    let mut i = 0;
    while i + 4 < bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && region[i + 4..].starts_with('年')
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
        {
            let before = &region[..i];
            let is_base = ["较", "比", "与"].iter().any(|w| before.ends_with(w));
            if !is_base {
                found = region[i..i + 4].parse().ok();
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    found.filter(|y| (1990..=2100).contains(y))
}

/// The last of `words` to occur in `s` (of two at the same place, the later in the list).
fn last_of(s: &str, words: &Words) -> Option<String> {
    words.last_in(s).map(|(_, w)| w.to_owned())
}

/// The named scope of a match: a target-specific pattern, or a named sub-area
/// earlier in the sentence.
fn scope(
    rules: &CompiledRules,
    text: &str,
    sentence: &Range<usize>,
    candidate: &Candidate,
    q: &Quantity,
) -> String {
    let target = &rules.targets[candidate.target];
    let upto = q.span.start.max(candidate.term.range.start);
    let term_phrase = phrase_start(text, sentence, candidate.term.range.start.min(upto));
    // A term a `分别` list names by ellipsis (`规模以上高技术制造业和装备制造业
    // 增加值` names 规模以上装备制造业增加值) is read whole, as if written out.
    let named = rules.terms.get(candidate.term.term).map(String::as_str);
    let implied = named.filter(|&t| text.get(candidate.term.range.clone()) != Some(t));
    for (pattern, name) in &target.scopes {
        let caps = implied
            .and_then(|t| pattern.captures(t))
            .or_else(|| pattern.captures(&text[term_phrase..upto]));
        if let Some(caps) = caps {
            match name {
                Some(name) => return name.clone(),
                None => {
                    let m = caps.name("scope").or_else(|| caps.get(0));
                    if let Some(m) = m {
                        return strip(m.as_str(), &rules.scope_strip).to_owned();
                    }
                }
            }
        }
    }
    // A named area counts when it stands in the term's own clause, or opens
    // the sentence as its subject (`民营科技园今年以来…,出让工业用地9宗`).
    let term_clause = clause_start(text, sentence, candidate.term.range.start.min(upto));
    let opening = sentence.start..clause_end(text, sentence, sentence.start).min(term_clause);
    let mut best: Option<(usize, String, &regex::Regex)> = None;
    for pattern in &rules.area_scopes {
        for from in [term_clause, opening.start] {
            let to = if from == term_clause {
                upto
            } else {
                opening.end
            };
            let Some(caps) = pattern.captures(&text[from..to.max(from)]) else {
                continue;
            };
            let Some(m) = caps.name("scope").or_else(|| caps.get(0)) else {
                continue;
            };
            let start = from + m.start();
            let opens_sentence = from == opening.start && text[from..start].trim().is_empty();
            if (from == term_clause || opens_sentence)
                && best.as_ref().is_none_or(|(at, _, _)| start > *at)
            {
                best = Some((start, m.as_str().to_owned(), pattern));
            }
        }
    }
    // What is left once the verbs are cut must still be a name: `积极推进新城…`
    // (beijing-2010-gwr) and `深化开发区管理体制改革` (shaanxi-2025-gwr) speak of
    // new towns and development zones in general.
    best.and_then(|(_, s, pattern)| {
        let name = strip(&s, &rules.scope_strip);
        pattern.is_match(name).then(|| name.to_owned())
    })
    .unwrap_or_default()
}

/// Cuts everything up to the last strip word off the front of a captured scope.
fn strip<'a>(scope: &'a str, words: &Words) -> &'a str {
    if !words.any_in(scope) {
        return scope;
    }
    let cut = words
        .iter()
        .filter_map(|w| scope.rfind(w.as_str()).map(|i| i + w.len()))
        .filter(|&end| end < scope.len())
        .max()
        .unwrap_or(0);
    &scope[cut..]
}

/// Where the parenthesis still open at the end of `range` starts (after its `(`).
fn open_parenthesis(text: &str, range: Range<usize>) -> Option<usize> {
    let before = &text[range.clone()];
    let open = before.rfind('(')?;
    (!before[open..].contains(')')).then_some(range.start + open + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_year_skips_comparison_bases() {
        assert_eq!(explicit_year("力争2021年实现新增"), Some(2021));
        assert_eq!(explicit_year("较2019年同期"), None);
        assert_eq!(explicit_year("编号12345年"), None);
    }

    fn extraction(text: &str) -> super::super::Extraction {
        let rules = crate::rule_set::RuleSet::load(None).unwrap_or_else(|e| panic!("{e}"));
        let extractor = super::super::Extractor::new(&rules).unwrap_or_else(|e| panic!("{e}"));
        let doc = Document::from_text(
            std::path::Path::new("t.txt"),
            text.to_owned(),
            extractor.normaliser(),
        );
        extractor.extraction(&doc)
    }

    fn rows(text: &str) -> Vec<(String, Kind, i32, String, f64)> {
        extraction(text)
            .statements
            .into_iter()
            .map(|s| (s.target, s.kind, s.year, s.period.label(), s.value))
            .collect()
    }

    #[test]
    fn an_opening_time_phrase_gives_the_whole_sentence_its_period() {
        let text = "2023年政府工作报告\n一、2022年工作回顾\n1-11月,固定资产投资增长2.9%,社会消费品零售总额增长5%。全年地区生产总值增长4.5%。\n";
        let got = rows(text);
        let period_of = |target: &str| {
            got.iter()
                .find(|r| r.0 == target)
                .map(|r| (r.2, r.3.clone()))
        };
        assert_eq!(period_of("fai_growth"), Some((2022, "M11".into())));
        assert_eq!(period_of("retail_growth"), Some((2022, "M11".into())));
        assert_eq!(period_of("gdp_growth"), Some((2022, "FY".into())));
    }

    #[test]
    fn single_months_and_quarters_are_no_statements() {
        let text = "2023年政府工作报告\n一、2022年工作回顾\n当季地区生产总值同比增长15.4%。\n";
        assert!(rows(text).is_empty());
    }

    #[test]
    fn a_statement_with_no_year_is_counted_not_written() {
        let found = extraction("各位代表:\n全区地区生产总值增长6.5%。\n");
        assert!(found.statements.is_empty());
        assert_eq!(found.unknown_year, 1);
        // Its own sentence's year is enough.
        let found = extraction("各位代表:\n2021年,全区地区生产总值增长6.5%。\n");
        assert_eq!(found.statements.first().map(|s| s.year), Some(2021));
    }

    #[test]
    fn a_mid_year_review_without_a_kind_is_not_read_as_plans() {
        let text = "一、上半年国民经济运行情况\n全区地区生产总值增长6.5%。\n";
        let found = extraction(text);
        assert!(found.statements.iter().all(|s| s.kind == Kind::Outcome));
    }

    #[test]
    fn results_in_no_dated_section_take_the_reviewed_year() {
        // A work report delivered in 2023 reviews 2022.
        let text = "政府工作报告\n——2023年1月6日在某县第十八届人民代表大会第二次会议上\n过去一年,全县地区生产总值增长4.5%。\n";
        let got = rows(text);
        assert_eq!(got.first().map(|r| (r.1, r.2)), Some((Kind::Outcome, 2022)));
    }

    #[test]
    fn a_colon_lead_in_naming_targets_makes_its_list_plans() {
        // neimenggu-2025-gwr: the list runs on across `;`.
        let text = "政府工作报告\n——2026年2月4日在某区人民代表大会上\n今年经济社会发展的主要预期目标是:地区生产总值增长5%左右,在实际工作中努力争取更好结果;城镇调查失业率5.7%左右,城镇新增就业18万人以上。\n";
        let got = rows(text);
        assert!(got
            .iter()
            .any(|r| r.0 == "gdp_growth" && r.1 == Kind::Plan && r.2 == 2026));
        assert!(got
            .iter()
            .any(|r| r.0 == "urban_employment" && r.1 == Kind::Plan && r.2 == 2026));
    }

    #[test]
    fn a_five_year_stretch_gives_only_running_totals() {
        let text = "政府工作报告\n——2026年1月28日在某省人民代表大会上\n这五年,我们深入践行以人民为中心的发展思想。\n城镇新增就业261.6万人,5G基站达到9.5万座。\n刚刚过去的2025年,城镇新增就业52万人。\n";
        let got = rows(text);
        let jobs: Vec<f64> = got
            .iter()
            .filter(|r| r.0 == "urban_employment")
            .map(|r| r.4)
            .collect();
        assert_eq!(jobs, vec![520000.0]);
        assert!(got
            .iter()
            .any(|r| r.0 == "g5_base_stations_total" && r.2 == 2025));
    }

    #[test]
    fn an_indicator_type_is_no_plan_word() {
        assert!(!has_cue("地区生产总值预期性 16715.2亿元", "预期"));
        assert!(has_cue("主要预期目标", "预期"));
    }

    #[test]
    fn last_hedge_wins() {
        let rules = crate::rule_set::RuleSet::load(None).unwrap_or_else(|e| panic!("{e}"));
        let hedges = &rules.wording.hedges;
        assert_eq!(last_of("计划力争新增", hedges).as_deref(), Some("力争"));
        assert_eq!(last_of("新增", hedges), None);
    }
}
