//! Cues: the structure cues of `rules/structure.toml` compiled for matching.
//! Title cues name a report's kind, the year it reviews or plans and the
//! period it reviews; date cues find when it was delivered, published or
//! written; heading cues turn a section to review or plan; period cues say
//! which part of the year a figure covers. Each family is one `RegexSet`,
//! run once per line of the start of a report (or once over the short
//! phrase before a figure); only the cues that matched are run again for
//! their groups.

use super::ReportKind;
use crate::rule::StretchCue as StretchRule;
use crate::rule::{Covers, DateSource, TitleCue as TitleRule, Within, Words, YearRole};
use crate::rule::{DateCue as DateRule, HeadingCue as HeadingRule, PeriodCue as PeriodRule};
use crate::statement::Period;
use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex, RegexSet};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Lines up to this many characters are title-like.
pub const TITLE_CHARS: usize = 120;

/// The default cues, compiled in but kept as an editable file.
pub const DEFAULT_FILE: (&str, &str) = (
    "rules/structure.toml",
    include_str!("../../rules/structure.toml"),
);

/// Every structure cue in effect, in priority order.
#[derive(Debug, Default)]
pub struct Cues {
    titles: Vec<Title>,
    title_set: Option<RegexSet>,
    dates: Vec<Date>,
    date_set: Option<RegexSet>,
    review_words: Words,
    plan_words: Words,
    years_words: Words,
    this_year_words: Words,
    periods: Vec<PeriodMark>,
    period_set: Option<RegexSet>,
    stretches: Vec<StretchMark>,
    stretch_set: Option<RegexSet>,
}

#[derive(Debug)]
struct Title {
    re: Arc<Regex>,
    kind: Option<ReportKind>,
    year: Option<YearRole>,
    period: Option<Period>,
    within: Within,
}

#[derive(Debug)]
struct Date {
    re: Arc<Regex>,
    source: DateSource,
}

#[derive(Debug)]
struct StretchMark {
    re: Arc<Regex>,
    covers: Option<Covers>,
}

/// What a stretch cue read from the start of a sentence: the way it turns
/// the stretch, or the year it names (which the report's years resolve).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StretchReading {
    pub covers: Option<Covers>,
    pub year: Option<i32>,
}

#[derive(Debug)]
struct PeriodMark {
    re: Arc<Regex>,
    period: Option<Period>,
    single: bool,
}

/// The cue lists as loaded from rule files, in priority order.
#[derive(Debug, Clone, Default)]
pub struct CueRules {
    pub titles: Vec<TitleRule>,
    pub dates: Vec<DateRule>,
    pub headings: Vec<HeadingRule>,
    pub periods: Vec<PeriodRule>,
    pub stretches: Vec<StretchRule>,
}

/// What one title cue read from a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TitleReading {
    pub kind: Option<ReportKind>,
    pub reviews: Option<i32>,
    pub plans: Option<i32>,
    pub period: Option<Period>,
}

/// What the title cues read from the start of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Identity {
    pub kind: Option<ReportKind>,
    pub reviews: Option<i32>,
    pub plans: Option<i32>,
    pub period: Option<Period>,
}

/// The part of the year a figure covers, as its words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodWords {
    /// A period to date (`1—9月` → `M9`).
    ToDate(Period),
    /// A single month or quarter (当月, `4月增速`): not a period to date.
    Single,
}

impl Cues {
    /// Compiles cue lists; the error names the pattern that does not compile.
    pub fn new(rules: &CueRules) -> Result<Cues, String> {
        let compile = |p: &str| compiled(p).map_err(|e| format!("bad pattern `{p}`: {e}"));
        let titles = rules
            .titles
            .iter()
            .map(|t| {
                Ok(Title {
                    re: compile(t.pattern.get_ref())?,
                    kind: t.kind,
                    year: t.year,
                    period: t.period,
                    within: t.within,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let dates = rules
            .dates
            .iter()
            .map(|d| {
                Ok(Date {
                    re: compile(d.pattern.get_ref())?,
                    source: d.source,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let periods = rules
            .periods
            .iter()
            .map(|p| {
                Ok(PeriodMark {
                    re: compile(p.pattern.get_ref())?,
                    period: p.period,
                    single: p.single,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let stretches = rules
            .stretches
            .iter()
            .map(|c| {
                Ok(StretchMark {
                    re: compile(c.pattern.get_ref())?,
                    covers: c.covers,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let words = |covers: Covers| {
            Words::new(
                rules
                    .headings
                    .iter()
                    .filter(|h| h.covers == covers)
                    .flat_map(|h| h.words.iter().map(|w| w.get_ref().clone()))
                    .collect(),
            )
        };
        let set = |patterns: Vec<&str>| -> Result<Option<RegexSet>, String> {
            if patterns.is_empty() {
                return Ok(None);
            }
            RegexSet::new(patterns).map(Some).map_err(|e| e.to_string())
        };
        Ok(Cues {
            title_set: set(titles.iter().map(|t| t.re.as_str()).collect())?,
            date_set: set(dates.iter().map(|d| d.re.as_str()).collect())?,
            period_set: set(periods.iter().map(|p| p.re.as_str()).collect())?,
            stretch_set: set(stretches.iter().map(|c| c.re.as_str()).collect())?,
            titles,
            dates,
            periods,
            stretches,
            review_words: words(Covers::Review),
            plan_words: words(Covers::Plan),
            years_words: words(Covers::Years),
            this_year_words: words(Covers::ThisYear),
        })
    }

    /// The cues of a rule set, compiled and shared. Patterns were checked
    /// when the rules were loaded, so an error here is unexpected; it names
    /// the first pattern that does not compile.
    pub fn shared(rules: &CueRules) -> Result<Arc<Cues>, crate::rule_set::RuleError> {
        Cues::new(rules)
            .map(Arc::new)
            .map_err(|message| crate::rule_set::RuleError {
                path: DEFAULT_FILE.0.into(),
                line: 1,
                column: 1,
                message,
            })
    }

    /// The default cues (`rules/structure.toml`), compiled once. Empty if the
    /// file does not load, which `rule_set` reports (exit 78) before any
    /// report is read.
    pub fn default_cues() -> Arc<Cues> {
        static DEFAULT: OnceLock<Arc<Cues>> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                let rules: Option<crate::rule::RuleFile> = toml::from_str(DEFAULT_FILE.1).ok();
                let cues = rules
                    .map(|r| CueRules::from_files([r]))
                    .and_then(|r| Cues::new(&r).ok())
                    .unwrap_or_default();
                Arc::new(cues)
            })
            .clone()
    }

    /// Kind, years and period from the start of a report: title-like lines
    /// first, then (for `within = "header"` cues) every line. The first cue
    /// to match decides the kind; years and period come from the first cues
    /// that give them and agree with that kind.
    pub fn identify(&self, header: &str) -> Identity {
        self.identify_within(header, &[Within::Title, Within::Header])
    }

    /// Years from the `within = "body"` cues, for a report nothing else dates.
    pub fn identify_body(&self, body: &str) -> Identity {
        self.identify_within(body, &[Within::Body])
    }

    /// Title-like lines first (pass 0), then every line (pass 1) for cues of
    /// the other `scopes`.
    fn identify_within(&self, header: &str, scopes: &[Within]) -> Identity {
        let Some(set) = &self.title_set else {
            return Identity::default();
        };
        // (pass, cue) → reading, in priority order.
        let mut hits: Vec<(usize, usize, TitleReading)> = Vec::new();
        let mut seen = vec![false; self.titles.len()];
        for pass in 0..2 {
            for line in header.lines() {
                let line = title_line(line);
                if line.is_empty() {
                    continue;
                }
                // Pass 1 reads only long lines: every cue it wants is one
                // pass 0 wanted too, so a short line has nothing left for it.
                let short = line.chars().nth(TITLE_CHARS).is_none();
                if (pass == 0) != short {
                    continue;
                }
                for i in matching(set, line) {
                    let Some(cue) = self.titles.get(i) else {
                        continue;
                    };
                    let wanted = match cue.within {
                        Within::Title => pass == 0 && scopes.contains(&Within::Title),
                        within => scopes.contains(&within),
                    };
                    if seen[i] || !wanted {
                        continue;
                    }
                    if let Some(reading) = cue.read(line) {
                        seen[i] = true;
                        hits.push((pass, i, reading));
                    }
                }
            }
        }
        hits.sort_by_key(|&(pass, i, _)| (pass, i));
        let kind = hits.iter().find_map(|(_, _, r)| r.kind);
        let agrees = |r: &&TitleReading| r.kind.is_none() || r.kind == kind;
        let readings: Vec<&TitleReading> = hits.iter().map(|(_, _, r)| r).filter(agrees).collect();
        Identity {
            kind,
            reviews: readings.iter().find_map(|r| r.reviews),
            plans: readings.iter().find_map(|r| r.plans),
            period: readings
                .iter()
                .find(|r| r.reviews.is_some() && r.period.is_some())
                .or_else(|| readings.iter().find(|r| r.period.is_some()))
                .and_then(|r| r.period),
        }
    }

    /// The report's date and what it is: the first delivered date in the
    /// text, else the first published one, else the first written one.
    pub fn date(&self, header: &str) -> Option<(NaiveDate, DateSource)> {
        let set = self.date_set.as_ref()?;
        let mut found: Vec<(DateSource, usize, Option<NaiveDate>, Captures)> = Vec::new();
        let mut start = 0;
        for line in header.split('\n') {
            for i in matching(set, line) {
                let Some(cue) = self.dates.get(i) else {
                    continue;
                };
                if let Some(caps) = cue.re.captures(line) {
                    let at = start + caps.get(0).map_or(0, |m| m.start());
                    let full = full_date(&caps);
                    found.push((cue.source, at, full, caps));
                }
            }
            start += line.len() + 1;
        }
        // A date without a year takes the year of the page's own date.
        let page = found
            .iter()
            .filter_map(|f| f.2.map(|d| (f.0, f.1, d)))
            .min_by_key(|&(source, at, _)| {
                let rank = match source {
                    DateSource::Published => 0,
                    DateSource::Written => 1,
                    DateSource::Delivered => 2,
                };
                (rank, at)
            })
            .map(|(_, _, d)| d);
        found
            .iter()
            .filter_map(|(source, at, full, caps)| {
                let date = full.or_else(|| page.and_then(|p| partial_date(caps, p)))?;
                Some((*source, *at, date))
            })
            .min_by_key(|&(source, at, _)| (source, at))
            .map(|(source, _, date)| (date, source))
    }

    /// Byte offsets in `title` of the first review word and the first plan word.
    pub fn heading_words(&self, title: &str) -> (Option<usize>, Option<usize>) {
        (
            self.review_words.first_in(title),
            self.plan_words.first_in(title),
        )
    }

    /// Byte offsets in `title` of the first word of several years and the
    /// first word of the one year delivered for.
    pub fn span_words(&self, title: &str) -> (Option<usize>, Option<usize>) {
        (
            self.years_words.first_in(title),
            self.this_year_words.first_in(title),
        )
    }

    /// What the first stretch cue that matches the start of `sentence` reads.
    pub fn stretch(&self, sentence: &str) -> Option<StretchReading> {
        let set = self.stretch_set.as_ref()?;
        set.matches(sentence)
            .iter()
            .find_map(|i| self.stretches.get(i)?.read(sentence))
    }

    /// The part of the year the words before a figure name, if any.
    pub fn period_words(&self, phrase: &str) -> Option<PeriodWords> {
        let set = self.period_set.as_ref()?;
        let i = set.matches(phrase).iter().next()?;
        self.periods.get(i)?.read(phrase)
    }
}

/// The cues of `set` that match a header line, in order. Most lines hold
/// none: one early-stopping search tells, before the search that lists them
/// all. (Stretch and period phrases mostly hold one, so they list at once.)
fn matching(set: &RegexSet, text: &str) -> impl Iterator<Item = usize> {
    let matches = set.is_match(text).then(|| set.matches(text));
    matches.into_iter().flat_map(|m| m.into_iter())
}

impl CueRules {
    /// The cues of parsed rule files, in the order given.
    pub fn from_files(files: impl IntoIterator<Item = crate::rule::RuleFile>) -> CueRules {
        let mut rules = CueRules::default();
        for file in files {
            rules.titles.extend(file.title);
            rules.dates.extend(file.date);
            rules.headings.extend(file.heading);
            rules.periods.extend(file.period);
            rules.stretches.extend(file.stretch);
        }
        rules
    }
}

impl Title {
    fn read(&self, line: &str) -> Option<TitleReading> {
        let caps = self.re.captures(line)?;
        let year = caps
            .name("year")
            .and_then(|m| numeral(m.as_str()))
            .and_then(|y| i32::try_from(y).ok())
            .filter(|y| (1949..=2100).contains(y));
        let period = self.period.or_else(|| months_of(&caps));
        Some(TitleReading {
            kind: self.kind,
            reviews: year.filter(|_| self.year == Some(YearRole::Reviews)),
            plans: year.filter(|_| self.year == Some(YearRole::Plans)),
            period,
        })
    }
}

impl StretchMark {
    fn read(&self, sentence: &str) -> Option<StretchReading> {
        let caps = self.re.captures(sentence)?;
        let year = caps
            .name("year")
            .and_then(|m| numeral(m.as_str()))
            .and_then(|y| i32::try_from(y).ok());
        (self.covers.is_some() || year.is_some()).then_some(StretchReading {
            covers: self.covers,
            year,
        })
    }
}

/// Reads one stretch cue at the start of one sentence (for `rules check`).
pub fn read_stretch(cue: &StretchRule, sentence: &str) -> Result<Option<StretchReading>, String> {
    let mark = StretchMark {
        re: compiled(cue.pattern.get_ref()).map_err(|e| e.to_string())?,
        covers: cue.covers,
    };
    Ok(mark.read(sentence))
}

impl PeriodMark {
    fn read(&self, phrase: &str) -> Option<PeriodWords> {
        if self.single {
            return self.re.is_match(phrase).then_some(PeriodWords::Single);
        }
        let caps = self.re.captures(phrase)?;
        self.period
            .or_else(|| months_of(&caps))
            .map(PeriodWords::ToDate)
    }
}

/// Reads one title cue on one line (for `rules check`).
pub fn read_title(cue: &TitleRule, line: &str) -> Result<Option<TitleReading>, String> {
    let title = Title {
        re: compiled(cue.pattern.get_ref()).map_err(|e| e.to_string())?,
        kind: cue.kind,
        year: cue.year,
        period: cue.period,
        within: cue.within,
    };
    Ok(title.read(title_line(line)))
}

/// Reads one date cue on one line (for `rules check`); `page_year` stands
/// for the page's date of a cue without a year.
pub fn read_date(
    cue: &DateRule,
    line: &str,
    page_year: Option<i32>,
) -> Result<Option<NaiveDate>, String> {
    let re = compiled(cue.pattern.get_ref()).map_err(|e| e.to_string())?;
    let Some(caps) = re.captures(line) else {
        return Ok(None);
    };
    let page = page_year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    Ok(full_date(&caps).or_else(|| page.and_then(|p| partial_date(&caps, p))))
}

/// Reads one period cue on one phrase (for `rules check`).
pub fn read_period(cue: &PeriodRule, phrase: &str) -> Result<Option<PeriodWords>, String> {
    let mark = PeriodMark {
        re: compiled(cue.pattern.get_ref()).map_err(|e| e.to_string())?,
        period: cue.period,
        single: cue.single,
    };
    Ok(mark.read(phrase))
}

/// A cue pattern compiled, once per process: the rule check reads every
/// example of a cue with it and `Cues::new` then compiles the same patterns
/// for use, which was most of the start-up of a run (the pattern text is
/// the key, so the regex is the same whoever asks). The regex itself is
/// shared, not cloned: a clone starts with no match cache, so each example
/// read with one paid for building the cache and the lazy DFA's states anew.
fn compiled(pattern: &str) -> Result<Arc<Regex>, regex::Error> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Regex>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(re) = cache.lock().ok().and_then(|c| c.get(pattern).cloned()) {
        return Ok(re);
    }
    let re = Arc::new(Regex::new(pattern)?);
    if let Ok(mut c) = cache.lock() {
        c.insert(pattern.to_string(), Arc::clone(&re));
    }
    Ok(re)
}

/// A line as a title: without the table pipes, brackets and markdown stars
/// around it.
fn title_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '*' | '#'))
}

/// The period of a `months` or `quarters` group.
fn months_of(caps: &Captures) -> Option<Period> {
    let months = caps
        .name("months")
        .and_then(|m| numeral(m.as_str()))
        .or_else(|| {
            caps.name("quarters")
                .and_then(|q| numeral(q.as_str()))
                .map(|q| q * 3)
        })?;
    Period::to_month(months)
}

/// A date from `y`, `m`, `d` groups or a `ymd` run of digits.
fn full_date(caps: &Captures) -> Option<NaiveDate> {
    if let Some(digits) = caps.name("ymd") {
        return digits_date(digits.as_str());
    }
    let year = i32::try_from(numeral(caps.name("y")?.as_str())?).ok()?;
    let month = numeral(caps.name("m")?.as_str())?;
    let day = numeral(caps.name("d")?.as_str())?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A month and day without a year, in the year of `page` (or the one
/// before, when that would put it after the page's date).
fn partial_date(caps: &Captures, page: NaiveDate) -> Option<NaiveDate> {
    let month = numeral(caps.name("m")?.as_str())?;
    let day = numeral(caps.name("d")?.as_str())?;
    NaiveDate::from_ymd_opt(page.year(), month, day)
        .filter(|d| *d <= page)
        .or_else(|| NaiveDate::from_ymd_opt(page.year() - 1, month, day))
}

/// `20241230` (MMDD), `2025827` (M then DD, else MM then D), `202136` (M D).
fn digits_date(digits: &str) -> Option<NaiveDate> {
    let year: i32 = digits.get(..4)?.parse().ok()?;
    let rest = digits.get(4..)?;
    let split = |at: usize| -> Option<NaiveDate> {
        let month = rest.get(..at)?.parse().ok()?;
        let day = rest.get(at..)?.parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)
    };
    match rest.len() {
        2 => split(1),
        3 => split(1).or_else(|| split(2)),
        4 => split(2),
        _ => None,
    }
}

/// A number written in ASCII digits, positional Chinese digits (`二〇二六`)
/// or a Chinese numeral below a hundred (`二十七`).
pub fn numeral(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        match c {
            '〇' | '○' | '零' | 'O' => Some(0),
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .and_then(|i| u32::try_from(i + 1).ok()),
        }
    };
    if let Some((tens, units)) = s.split_once('十') {
        let tens = if tens.is_empty() {
            1
        } else {
            single(tens, digit)?
        };
        let units = if units.is_empty() {
            0
        } else {
            single(units, digit)?
        };
        return Some(tens * 10 + units);
    }
    s.chars()
        .try_fold(0u32, |n, c| Some(n.checked_mul(10)? + digit(c)?))
}

fn single(s: &str, digit: impl Fn(char) -> Option<u32>) -> Option<u32> {
    let mut chars = s.chars();
    let value = digit(chars.next()?)?;
    chars.next().is_none().then_some(value)
}

#[cfg(test)]
mod tests;
