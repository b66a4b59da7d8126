//! Checks on one pairing of a term with a value: the unit, the order and
//! distance, the words a target requires or excludes, and whether a value
//! in a later clause still speaks of the term's subject. Each failed check is
//! a `Reason` that `explain` shows. The words the checks look for are the
//! `[wording]` lists of the rules (`rules/wording.toml`).

use super::candidate::{Order, Reason, SentenceFindings, TermHit, Verdict};
use super::compiled::{CompiledRules, CompiledTarget, TermUse};
use super::sentence::{clause_end, clause_start, ends_clause, phrase_start};
use crate::place::Place;
use crate::quantity::Quantity;
use crate::rule::Wording;
use crate::statement::Measure;
use std::ops::Range;

/// Characters allowed between a value and a term that follows it (`5000亩碳汇造林`).
pub const VALUE_FIRST_MAX_GAP: usize = 6;

/// The wider areas for a report of `place` (`全市地区生产总值增长4.6%,我区增长5.2%`):
/// the `other_areas` words without the place's own word (in a province's
/// report `全省` is the province, in a city's or a county-level city's `全市`
/// is the city) and with the words of the places above it (`全州` in a
/// county of an autonomous prefecture).
pub fn other_areas(words: &Wording, place: Option<&Place>) -> Vec<String> {
    let own = place.and_then(Place::own_word);
    let mut out: Vec<String> = words
        .other_areas
        .iter()
        .filter(|a| Some(*a) != own.as_ref())
        .cloned()
        .collect();
    for word in place.map(Place::wider_areas).unwrap_or_default() {
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// How a term and a value stand to each other.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    pub order: Order,
    pub gap: usize,
    /// Paired by a `分别` enumeration: order, distance, context and required
    /// words do not apply; the unit, a change for rates and exclusions do.
    pub enumerated: bool,
}

/// Judges one pairing of a term hit with quantity `qi`.
pub fn check(
    rules: &CompiledRules,
    found: &SentenceFindings<'_>,
    hit: &TermHit,
    term_use: &TermUse,
    qi: usize,
    placement: Placement,
) -> Verdict {
    let SentenceFindings {
        text,
        sentence,
        year,
        ..
    } = *found;
    let q = &found.quantities[qi];
    let clause = &found.clauses[qi];
    let Placement {
        order,
        gap,
        enumerated,
    } = placement;
    let target = &rules.targets[term_use.target];
    let words = &rules.wording;
    let unit = q.unit.canonical;
    if !target.accepts_unit(unit) {
        return Verdict::Dropped(Reason::WrongUnit {
            found: unit.to_owned(),
            wanted: target.unit.clone(),
        });
    }
    if target.measure == Measure::Rate && q.direction.is_none() {
        return Verdict::Dropped(Reason::NotAChange);
    }
    if enumerated {
        let term_clause = clause_start(text, sentence, hit.range.start);
        return excluded(target, &text[term_clause..hit.range.end.max(clause.end)])
            .unwrap_or(Verdict::Kept);
    }
    match order {
        Order::ValueFirst if !target.value_first => {
            return Verdict::Dropped(Reason::ValueBeforeTerm)
        }
        Order::ValueFirst if gap > VALUE_FIRST_MAX_GAP => {
            return Verdict::Dropped(Reason::TooFar {
                gap,
                max: VALUE_FIRST_MAX_GAP,
            })
        }
        Order::ValueFirst if text[q.span.end..hit.range.start].contains(ends_clause) => {
            return Verdict::Dropped(Reason::ClauseBetween)
        }
        Order::TermFirst if gap > target.max_gap => {
            return Verdict::Dropped(Reason::TooFar {
                gap,
                max: target.max_gap,
            })
        }
        _ => {}
    }
    if !term_use.context.is_empty() {
        let before = &text[sentence.start..hit.range.start];
        if !term_use.context.iter().any(|w| before.contains(w.as_str())) {
            return Verdict::Dropped(Reason::NoContext {
                needs: term_use.context.clone(),
            });
        }
        if let Some(word) = term_use.unless.iter().find(|w| before.contains(w.as_str())) {
            return Verdict::Dropped(Reason::MixedContext { word: word.clone() });
        }
    }
    // The clauses from the term's to the value's: qualifying words often
    // stand before the term (`清拆违建…`), or before a list it heads
    // (`新建、改建5G基站`).
    let term_clause = phrase_start(text, sentence, hit.range.start);
    // Before the term, `cumulative` words sum several years
    // (`累计完成重大项目投资3.8万亿元`); after it 累计 is the year so far
    // (`57个重大项目累计完成投资118.9亿元`).
    if target.measure == Measure::Flow
        && words
            .cumulative
            .iter()
            .any(|w| text[term_clause..hit.range.start].contains(w.as_str()))
    {
        return Verdict::Dropped(Reason::Cumulative);
    }
    if is_change_base(words, text, q) {
        return Verdict::Dropped(Reason::Basis);
    }
    let window = &text[term_clause.min(clause.start)..hit.range.end.max(clause.end)];
    let own = own_words(words, text, sentence, hit, qi, found.quantities);
    if let Some(verdict) = excluded(target, &text[own]) {
        return verdict;
    }
    if !target.requires.is_empty() && !target.requires.iter().any(|w| window.contains(w.as_str())) {
        return Verdict::Dropped(Reason::MissingRequired {
            needs: target.requires.clone(),
        });
    }
    if target.measure == Measure::Rate {
        let before_term = &text[sentence.start..hit.range.start];
        if let Some(area) = found
            .other_areas
            .iter()
            .find(|a| before_term.ends_with(a.as_str()))
        {
            return Verdict::Dropped(Reason::OtherArea { area: area.clone() });
        }
        // `总产值增长6.3%,其中汽车制造业产值增长15.2%`: a part's growth.
        let clause_text = text[clause.start..].trim_start();
        if clause.start > hit.range.end && starts_with_any(clause_text, &words.subset) {
            return Verdict::Dropped(Reason::PartOf);
        }
        // `在上年增长15.7%的基础上又增长14.5%`: the first rate is last year's.
        let after = text[q.span.end..clause.end.max(q.span.end)].trim_start();
        if starts_with_any(after, &words.basis) {
            return Verdict::Dropped(Reason::Basis);
        }
        let lead = &text[term_clause.min(clause.start)..q.span.start];
        if single_month(words, lead) {
            return Verdict::Dropped(Reason::SingleMonth);
        }
        let base = base_year(&text[clause.start..q.span.start]);
        if let Some(base) = base.filter(|&b| year.is_none_or(|y| b != y - 1)) {
            return Verdict::Dropped(Reason::OtherBaseYear { base });
        }
    }
    Verdict::Kept
}

/// Whether `s` starts with one of `words`.
fn starts_with_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.starts_with(w.as_str()))
}

/// Whether `q` is the starting point of a change written `从A增加到B`
/// (`change_from`, `change_to`): A is a figure of an earlier date, not a statement.
fn is_change_base(words: &Wording, text: &str, q: &Quantity) -> bool {
    let before = text[..q.span.start].trim_end_matches(' ');
    let after = text[q.span.end..].trim_start_matches(' ');
    words
        .change_from
        .iter()
        .any(|w| before.ends_with(w.as_str()))
        && starts_with_any(after, &words.change_to)
}

/// Whether the words before a rate put it in a single month: a word of
/// `one_month`, or a month written alone (`4月、5月、6月增速分别为…`), not
/// as the end of a span (`1-6月`, `1至11月`).
fn single_month(words: &Wording, lead: &str) -> bool {
    if words.one_month.any_in(lead) {
        return true;
    }
    lead.match_indices('月').any(|(i, _)| {
        let before = &lead[..i];
        let digits = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        if digits == 0 || digits > 2 {
            return false;
        }
        let ahead = before[..before.len() - digits].chars().next_back();
        let after = lead[i + '月'.len_utf8()..].chars().next();
        !matches!(ahead, Some('-' | '—' | '–' | '~' | '至' | '到'))
            && !matches!(
                after,
                Some('末' | '底' | '以' | '份' | '起' | '至' | '-' | '—')
            )
            && !matches!(ahead, Some('年'))
    })
}

/// The words that qualify the pairing of `hit` with quantity `qi`, where an
/// excluded word counts: the words leading up to the first of the two in its
/// phrase (`累计建成充电桩`), those between them, and those right after the
/// second, up to the end of its clause. Another item of a list is not part
/// of it: the lead starts after an earlier number and the conjunction that
/// follows it, and the tail stops at a conjunction or the next number, so in
/// `建成投产输变电网项目1项和配电网项目310项` the words of the first item do not
/// qualify `配电网项目310项`.
fn own_words(
    words: &Wording,
    text: &str,
    sentence: &Range<usize>,
    hit: &TermHit,
    qi: usize,
    quantities: &[Quantity],
) -> Range<usize> {
    let q = &quantities[qi];
    let first = hit.range.start.min(q.span.start);
    let last = hit.range.end.max(q.span.end);
    let mut start = phrase_start(text, sentence, first);
    if let Some(end) = quantities
        .iter()
        .map(|o| o.span.end)
        .filter(|&e| e <= first && e > start)
        .max()
    {
        start = end;
        let lead = &text[start..first];
        if let Some(w) = words
            .coordinators
            .iter()
            .find(|w| lead.starts_with(w.as_str()))
        {
            start += w.len();
        }
    }
    let mut end = clause_end(text, sentence, last);
    if let Some(next) = quantities
        .iter()
        .map(|o| o.span.start)
        .filter(|&s| s >= last && s < end)
        .min()
    {
        end = next;
    }
    let tail = &text[last..end];
    if let Some(at) = words.coordinators.first_in(tail) {
        end = last + at;
    }
    start..end.max(last)
}

/// The verdict when one of the target's excluded words stands in `window`.
fn excluded(target: &CompiledTarget, window: &str) -> Option<Verdict> {
    let word = target
        .excludes
        .iter()
        .find(|w| window.contains(w.as_str()))?;
    Some(Verdict::Dropped(Reason::Excluded { word: word.clone() }))
}

/// Whether a value in a later clause than its term, with another number in
/// between, lacks a word that carries the subject over (`continuations`:
/// `年度投资计划748.7亿元,上半年完成投资543.8亿元`; without one, a later
/// clause with its own number starts a new subject: `完成土地收储4500亩、落地招商项目45宗`).
pub fn starts_new_subject(
    words: &Wording,
    text: &str,
    sentence: &Range<usize>,
    hit: &TermHit,
    q: &Quantity,
    clause: &Range<usize>,
    quantities: &[Quantity],
) -> bool {
    let lead = text.get(clause.start..q.span.start).unwrap_or("");
    // `完成16个老旧小区微改造和2个旧厂改造项目`: a number right after a
    // conjunction counts the item joined on, not the term.
    let joined = text
        .get(hit.range.end..q.span.start)
        .is_some_and(|between| {
            words
                .coordinators
                .iter()
                .any(|w| between.ends_with(w.as_str()))
        });
    if joined {
        return true;
    }
    if clause.start <= hit.range.end {
        return false;
    }
    let rate = q.direction.is_some() && q.unit.canonical == "%";
    if rate && names_own_subject(words, lead) {
        return true;
    }
    let term_clause_end = clause_end(text, sentence, hit.range.end);
    let between = quantities
        .iter()
        .filter(|o| o.span.start >= hit.range.end && o.span.end <= q.span.start);
    let mut in_term_clause = false;
    for other in between {
        if rate && other.direction.is_some() && other.unit.canonical == "%" {
            // A rate already followed the term: a later one is another
            // indicator's (`一般公共预算收入增长13.3%,规上服务业营业收入增长28.6%`),
            // unless it restates the figure on another basis
            // (`自然增幅2%,同口径完成3.67亿元,增幅6.1%`).
            let rebased = words
                .other_basis
                .any_in(&text[other.span.end..q.span.start]);
            if !rebased {
                return true;
            }
            in_term_clause = true;
            continue;
        }
        if other.span.start >= term_clause_end {
            // A whole clause with its own number stands between term and
            // value (`预算收入36亿元,预算支出80亿元,增长5%`), unless it goes
            // on about the same subject (`固定资产投资完成17亿元,超额完成年度任务2.1亿元,增长20.6%`).
            let own = clause_start(text, sentence, other.span.start);
            let other_lead = text.get(own..other.number.start).unwrap_or("");
            if !words.continuations.any_in(other_lead) {
                return true;
            }
        }
        in_term_clause = true;
    }
    in_term_clause && q.direction.is_none() && !words.continuations.any_in(lead)
}

/// Whether the words before a rate in its own clause name something of their
/// own: Chinese characters left once the `rate_qualifiers` are taken out,
/// in the order written (`地方财政收入342.4亿元，比上年增长22.7%`; `同口径增幅达26.7%`;
/// but `一般公共预算收入增长5.7%，全体居民人均可支配收入增长5.1%`).
fn names_own_subject(words: &Wording, lead: &str) -> bool {
    if !words.rate_qualifiers.any_in(lead) {
        return lead.chars().any(is_han);
    }
    let mut rest = lead.to_owned();
    for word in words.rate_qualifiers.iter() {
        rest = rest.replace(word.as_str(), "");
    }
    rest.chars().any(is_han)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The base year of a comparison written `较2019年同期` / `比2019年`, if any.
fn base_year(before: &str) -> Option<i32> {
    for marker in ["较", "比"] {
        if let Some(i) = before.rfind(marker) {
            let rest = &before[i + marker.len()..];
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.len() == 4 && rest[digits.len()..].starts_with('年') {
                return digits.parse().ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default word lists.
    fn words() -> Wording {
        crate::rule_set::RuleSet::load(None)
            .unwrap_or_else(|e| panic!("{e}"))
            .wording
    }

    #[test]
    fn months_alone_are_single_months_and_spans_are_not() {
        let words = words();
        let single_month = |lead| single_month(&words, lead);
        assert!(single_month("4月、5月、6月增速分别为"));
        assert!(single_month("但当月增速由4月的1%持续回升至"));
        assert!(!single_month("1-6月规上工业增加值"));
        assert!(!single_month("1至11月"));
        assert!(!single_month("截至6月末"));
        assert!(!single_month("规上工业增加值"));
    }

    #[test]
    fn the_start_of_a_change_is_a_base() {
        let words = words();
        let is_change_base = |text, q| is_change_base(&words, text, q);
        let text = "高新技术企业从2.2万家增加到4.9万家";
        let q = crate::quantity::scan(text);
        assert_eq!(q.len(), 2);
        assert!(is_change_base(text, &q[0]));
        assert!(!is_change_base(text, &q[1]));
        let text = "一般公共预算收入从874.6亿元增加到1112.4亿元";
        assert!(is_change_base(text, &crate::quantity::scan(text)[0]));
    }

    #[test]
    fn qualifiers_before_a_rate_give_it_no_subject_of_its_own() {
        let words = words();
        let names_own_subject = |lead| names_own_subject(&words, lead);
        assert!(!names_own_subject("比上年同期(下同)"));
        assert!(!names_own_subject("同口径"));
        assert!(!names_own_subject(""));
        assert!(names_own_subject("全体居民人均可支配收入"));
        assert!(names_own_subject("外贸进出口总额"));
    }
}
