//! Structure cues: each title, date, heading, period and stretch cue of a rule file
//! is compiled on its own and run on its examples, which must give what
//! they say (kind, years, period, date). A cue whose pattern does not
//! compile, lacks the groups its fields need, or whose example fails is an
//! error at the pattern or the example.

use super::{FileProblems, Severity};
use crate::document::cues::{read_date, read_period, read_stretch, read_title, PeriodWords};
use crate::document::Normaliser;
use crate::rule::{DateCue, HeadingCue, PeriodCue, StretchCue, TitleCue, YearRole};
use toml::Spanned;

/// Checks every cue of one file.
pub fn check_cues(out: &mut FileProblems<'_>) {
    let rules = &out.file.rules;
    let (titles, dates, headings, periods, stretches) = (
        rules.title.clone(),
        rules.date.clone(),
        rules.heading.clone(),
        rules.period.clone(),
        rules.stretch.clone(),
    );
    let normaliser = Normaliser::new(&[]).ok();
    let norm = |s: &str| {
        normaliser
            .as_ref()
            .map_or_else(|| s.to_owned(), |n| n.normalise(s).text)
    };
    for cue in &titles {
        check_title(out, cue, &norm);
    }
    for cue in &dates {
        check_date(out, cue, &norm);
    }
    for cue in &headings {
        check_heading(out, cue, &norm);
    }
    for cue in &periods {
        check_period(out, cue, &norm);
    }
    for cue in &stretches {
        check_stretch(out, cue, &norm);
    }
}

/// Compiles a pattern; an error (and `None`) when it does not compile.
fn compile(out: &mut FileProblems<'_>, pattern: &Spanned<String>) -> Option<regex::Regex> {
    match regex::Regex::new(pattern.get_ref()) {
        Ok(re) => Some(re),
        Err(e) => {
            let message = e.to_string();
            let first = message.lines().last().unwrap_or("invalid pattern");
            out.push(
                Severity::Error,
                pattern.span(),
                format!("pattern does not compile: {first}"),
                None,
            );
            None
        }
    }
}

fn has_group(re: &regex::Regex, name: &str) -> bool {
    re.capture_names().flatten().any(|n| n == name)
}

fn fail(out: &mut FileProblems<'_>, text: &Spanned<String>, message: String) {
    out.push(Severity::Error, text.span(), message, None);
}

fn check_title(out: &mut FileProblems<'_>, cue: &TitleCue, norm: &dyn Fn(&str) -> String) {
    let Some(re) = compile(out, &cue.pattern) else {
        return;
    };
    if cue.year.is_some() && !has_group(&re, "year") {
        out.push(
            Severity::Error,
            cue.pattern.span(),
            "the cue says what its year names, but the pattern has no `year` group".into(),
            Some("write the year as `(?P<year>\\d{4})`".into()),
        );
    }
    if cue.kind.is_none() && cue.year.is_none() && cue.period.is_none() {
        out.push(
            Severity::Error,
            cue.pattern.span(),
            "a title cue must give a `kind`, a `year` or a `period`".into(),
            None,
        );
    }
    for example in &cue.examples {
        let text = norm(example.text.get_ref());
        match read_title(cue, &text) {
            Ok(Some(read)) => {
                let mut wrong = Vec::new();
                if example.kind.is_some() && example.kind != read.kind {
                    wrong.push(format!("kind {:?}, expected {:?}", read.kind, example.kind));
                }
                let (reviews, plans) = match cue.year {
                    Some(YearRole::Reviews) => (read.reviews, None),
                    Some(YearRole::Plans) => (None, read.plans),
                    None => (None, None),
                };
                if example.reviews.is_some() && example.reviews != reviews {
                    wrong.push(format!(
                        "reviews {reviews:?}, expected {:?}",
                        example.reviews
                    ));
                }
                if example.plans.is_some() && example.plans != plans {
                    wrong.push(format!("plans {plans:?}, expected {:?}", example.plans));
                }
                if example.period.is_some() && example.period != read.period {
                    wrong.push(format!(
                        "period {:?}, expected {:?}",
                        read.period.map(|p| p.label()),
                        example.period.map(|p| p.label())
                    ));
                }
                if !wrong.is_empty() {
                    fail(
                        out,
                        &example.text,
                        format!("example reads {}", wrong.join(", ")),
                    );
                }
            }
            Ok(None) => fail(out, &example.text, "example does not match its cue".into()),
            Err(_) => {}
        }
    }
}

fn check_date(out: &mut FileProblems<'_>, cue: &DateCue, norm: &dyn Fn(&str) -> String) {
    let Some(re) = compile(out, &cue.pattern) else {
        return;
    };
    let groups = has_group(&re, "ymd") || (has_group(&re, "m") && has_group(&re, "d"));
    if !groups {
        out.push(
            Severity::Error,
            cue.pattern.span(),
            "a date cue needs the groups `y`, `m` and `d` (or `m` and `d`, or `ymd`)".into(),
            None,
        );
    }
    for example in &cue.examples {
        let Ok(expected) = chrono::NaiveDate::parse_from_str(&example.date, "%Y-%m-%d") else {
            fail(
                out,
                &example.text,
                format!("example date `{}` is not YYYY-MM-DD", example.date),
            );
            continue;
        };
        let text = norm(example.text.get_ref());
        match read_date(cue, &text, example.year) {
            Ok(Some(date)) if date == expected => {}
            Ok(Some(date)) => fail(
                out,
                &example.text,
                format!("example reads {date}, expected {expected}"),
            ),
            Ok(None) => fail(out, &example.text, "example does not match its cue".into()),
            Err(_) => {}
        }
    }
}

fn check_heading(out: &mut FileProblems<'_>, cue: &HeadingCue, norm: &dyn Fn(&str) -> String) {
    for word in &cue.words {
        if word.get_ref().trim().is_empty() {
            fail(out, word, "empty heading word".into());
        }
    }
    for example in &cue.examples {
        let text = norm(example.text.get_ref());
        if example.covers != cue.covers {
            fail(
                out,
                &example.text,
                "example expects the other way than its cue's `covers`".into(),
            );
        } else if !cue
            .words
            .iter()
            .any(|w| text.contains(w.get_ref().as_str()))
        {
            fail(
                out,
                &example.text,
                "example holds none of the cue's words".into(),
            );
        }
    }
}

fn check_period(out: &mut FileProblems<'_>, cue: &PeriodCue, norm: &dyn Fn(&str) -> String) {
    let Some(re) = compile(out, &cue.pattern) else {
        return;
    };
    let groups = has_group(&re, "months") || has_group(&re, "quarters");
    if !cue.single && cue.period.is_none() && !groups {
        out.push(
            Severity::Error,
            cue.pattern.span(),
            "a period cue needs a `period`, `single = true`, or a `months` or `quarters` group"
                .into(),
            None,
        );
    }
    for example in &cue.examples {
        let text = norm(example.text.get_ref());
        let expected = if example.single {
            Some(PeriodWords::Single)
        } else {
            example.period.map(PeriodWords::ToDate)
        };
        match read_period(cue, &text) {
            Ok(found) if found == expected => {}
            Ok(None) => fail(out, &example.text, "example does not match its cue".into()),
            Ok(found) => fail(
                out,
                &example.text,
                format!("example reads {found:?}, expected {expected:?}"),
            ),
            Err(_) => {}
        }
    }
}

fn check_stretch(out: &mut FileProblems<'_>, cue: &StretchCue, norm: &dyn Fn(&str) -> String) {
    let Some(re) = compile(out, &cue.pattern) else {
        return;
    };
    if cue.covers.is_none() && !has_group(&re, "year") {
        out.push(
            Severity::Error,
            cue.pattern.span(),
            "a stretch cue needs `covers` or a `year` group".into(),
            None,
        );
    }
    for example in &cue.examples {
        let text = norm(example.text.get_ref());
        match read_stretch(cue, &text) {
            Ok(Some(found))
                if example.covers.is_none_or(|c| found.covers == Some(c))
                    && example.year.is_none_or(|y| found.year == Some(y)) => {}
            Ok(None) => fail(out, &example.text, "example does not match its cue".into()),
            Ok(Some(found)) => fail(
                out,
                &example.text,
                format!(
                    "example reads {:?} {:?}, expected {:?} {:?}",
                    found.covers, found.year, example.covers, example.year
                ),
            ),
            Err(_) => {}
        }
    }
}
