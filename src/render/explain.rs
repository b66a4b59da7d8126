//! `explain` output: each sentence, what was found in it, and the verdict on
//! every pairing of a term with a number.

use super::statements::format_value;
use super::text::sanitize_terminal;
use crate::document::{Coverage, Document};
use crate::extract::{ExplainedSentence, Order, Reason, Verdict};
use std::io::{self, Write};

/// Writes explanations as readable text.
pub fn write(
    out: &mut dyn Write,
    doc: &Document,
    sentences: &[ExplainedSentence],
) -> io::Result<()> {
    if sentences.is_empty() {
        writeln!(out, "no sentence there")?;
    }
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}:{}: {}",
            doc.path.display(),
            s.line,
            sanitize_terminal(&s.original)
        )?;
        if s.normalised != s.original {
            writeln!(out, "  normalised: {}", sanitize_terminal(&s.normalised))?;
        }
        let section = s.section.as_deref().unwrap_or("(no section)");
        writeln!(
            out,
            "  section: {} — {}",
            sanitize_terminal(section),
            coverage(&s.coverage)
        )?;
        if s.terms.is_empty() {
            writeln!(out, "  terms: none (no rule looks at this sentence)")?;
        } else {
            let terms: Vec<String> = s
                .terms
                .iter()
                .map(|t| format!("{} [{}]", t.term, t.targets.join(", ")))
                .collect();
            writeln!(out, "  terms: {}", terms.join("; "))?;
        }
        let quantities: Vec<String> = s
            .quantities
            .iter()
            .map(|q| {
                let value = match q.upper {
                    Some(upper) => format!("{} to {}", format_value(q.value), format_value(upper)),
                    None => format_value(q.value),
                };
                format!("{} = {} {} ({})", q.text, value, q.unit, q.bound)
            })
            .collect();
        writeln!(
            out,
            "  quantities: {}",
            if quantities.is_empty() {
                "none".into()
            } else {
                quantities.join("; ")
            }
        )?;
        for (number, why) in &s.ignored_numbers {
            writeln!(out, "  ignored number {number}: {why}")?;
        }
        for c in &s.candidates {
            let order = match c.order {
                Order::TermFirst => "term first",
                Order::ValueFirst => "value first",
            };
            let context = c
                .context
                .as_ref()
                .map(|w| format!(", after {w}"))
                .unwrap_or_default();
            let head = format!(
                "{} ← {} … {} ({order}, gap {}{context})",
                c.target, c.term, c.quantity, c.gap
            );
            match (&c.verdict, &c.reading) {
                (Verdict::Kept, Some(r)) => {
                    let year = r
                        .year
                        .map_or_else(|| "(year unknown: left out)".to_owned(), |y| y.to_string());
                    let mut line = format!("  kept    {head}: {} {year} {}", r.kind, r.period);
                    if !r.hedge.is_empty() {
                        line.push_str(&format!(", hedge {}", r.hedge));
                    }
                    if !r.scope.is_empty() {
                        line.push_str(&format!(", scope {}", r.scope));
                    }
                    if r.estimated {
                        line.push_str(", estimated");
                    }
                    writeln!(out, "{line} ({})", r.because.join("; "))?;
                }
                (Verdict::Kept, None) => writeln!(
                    out,
                    "  dropped {head}: no single year (a figure for several years, or 去年 in an undated report)"
                )?,
                (Verdict::Dropped(reason), _) => {
                    writeln!(out, "  dropped {head}: {}", reason_text(reason))?
                }
            }
        }
    }
    Ok(())
}

fn coverage(c: &Coverage) -> String {
    match c {
        Coverage::Review { year, period } => format!("reviews {year} {period}"),
        Coverage::Plan { year } => format!("plans {year}"),
        Coverage::Years { plans: false } => "reviews several years (no annual figures)".into(),
        Coverage::Years { plans: true } => "plans several years (no annual figures)".into(),
        Coverage::Unknown => "no period".into(),
    }
}

/// A reason in words.
pub fn reason_text(reason: &Reason) -> String {
    match reason {
        Reason::WrongUnit { found, wanted } => {
            format!("wrong unit ({found}, the target counts in {wanted})")
        }
        Reason::NotAChange => "a rate needs 增长/下降 before the number".into(),
        Reason::TooFar { gap, max } => format!("too far ({gap} characters, at most {max})"),
        Reason::ValueBeforeTerm => {
            "the value comes before the term and the rule does not allow that".into()
        }
        Reason::ClauseBetween => "a value before its term must be in the same clause".into(),
        Reason::NoContext { needs } => {
            format!("the term counts only after one of: {}", needs.join(", "))
        }
        Reason::MixedContext { word } => {
            format!("`{word}` earlier in the sentence makes the context mixed")
        }
        Reason::Excluded { word } => format!("excluded word `{word}` in the clause"),
        Reason::MissingRequired { needs } => format!(
            "none of the required words in the clause: {}",
            needs.join(", ")
        ),
        Reason::OtherArea { area } => format!("a figure for {area}, not the reporting place"),
        Reason::PartOf => "a rate after 其中 is the growth of a part".into(),
        Reason::Basis => {
            "the figure is the base a later one builds on (…的基础上, 从…增加到)".into()
        }
        Reason::SingleMonth => "a rate for a single month or quarter, not the period".into(),
        Reason::Cumulative => "累计 or 五年 before the term: a total over several years".into(),
        Reason::OtherBaseYear { base } => format!("compared with {base}, not with the year before"),
        Reason::CloserTerm { term } => format!("the term `{term}` is closer"),
        Reason::OtherTarget { target } => format!("the same term reads as `{target}` here"),
        Reason::Enumerated { term } => format!("a 分别 list pairs this value with `{term}`"),
        Reason::NewSubject => {
            "a later clause with its own subject (another number in between and no carry-over word)"
                .into()
        }
    }
}
