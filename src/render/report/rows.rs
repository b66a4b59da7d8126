//! Per place and year, the table of targets. Each row is a `tbody` holding
//! the row itself and a second line whose `<details>` opens to the evidence:
//! the plan's and the outcome's quotes in their sentence with `doc:line`,
//! the documents searched, every candidate outcome with why it was taken or
//! passed over, and the report's own completion ratios.

use super::overview::{bar, counts, share};
use super::{place_label, status_badge, target_label, Text};
use crate::link::explain::RowExplanation;
use crate::link::{Candidate, Decision};
use crate::record::{place_of, Record};
use crate::render::track::{fulfilment_cell, outcome_cell, plan_cell};
use std::io::{self, Write};

const COLUMNS: usize = 7;

pub fn write(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"targets\"><h2>目标与结果 <span class=\"en\" lang=\"en\">Targets and results</span></h2>"
    )?;
    for (gi, g) in record.groups.iter().enumerate() {
        writeln!(
            out,
            "<section class=\"group\" id=\"g-{gi}\" data-place=\"{}\"><h3>{} {}</h3>",
            Text(&g.place),
            place_label(&g.place),
            g.year
        )?;
        writeln!(
            out,
            "<p>{} {} · 完成率 <span class=\"en\">share met</span> {}</p>",
            bar(&g.tally),
            counts(&g.tally),
            share(&g.tally)
        )?;
        writeln!(out, "<table class=\"rows\"><thead><tr><th>指标 <span class=\"en\">target</span></th><th>范围 <span class=\"en\">area</span></th><th>目标 <span class=\"en\">plan</span></th><th>结果 <span class=\"en\">outcome</span></th><th class=\"num\">完成度 <span class=\"en\">fulfilment</span></th><th>状态 <span class=\"en\">status</span></th><th>提示 <span class=\"en\">flags</span></th></tr></thead>")?;
        for i in g.rows.clone() {
            if let Some(e) = record.rows.get(i) {
                row(out, record, i, e)?;
            }
        }
        writeln!(out, "</table></section>")?;
    }
    writeln!(out, "</section>")
}

fn row(out: &mut dyn Write, record: &Record, i: usize, e: &RowExplanation) -> io::Result<()> {
    let r = &e.row;
    writeln!(
        out,
        "<tbody class=\"row\" id=\"r-{i}\" data-place=\"{}\" data-target=\"{}\" data-status=\"{}\">",
        Text(place_of(r)),
        Text(&r.target),
        r.status.as_str()
    )?;
    let plan = r
        .plan
        .as_ref()
        .map_or_else(|| "—".to_owned(), |p| Text(&plan_cell(p)).to_string());
    let outcome = r
        .outcome
        .as_ref()
        .map(|o| Text(&outcome_cell(o)).to_string())
        .unwrap_or_default();
    let flags: Vec<String> = r
        .flags
        .iter()
        .map(|f| format!("<span class=\"flag\">{}</span>", f.as_str()))
        .collect();
    writeln!(
        out,
        "<tr class=\"main\"><td>{}</td><td>{}</td><td>{plan}</td><td>{outcome}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
        target_label(record, &r.target),
        Text(&r.scope),
        Text(&fulfilment_cell(r)),
        status_badge(r.status),
        flags.join(""),
    )?;
    writeln!(
        out,
        "<tr class=\"evidence\"><td colspan=\"{COLUMNS}\"><details><summary>证据 <span class=\"en\" lang=\"en\">evidence</span>: {}</summary>",
        sources_line(e)
    )?;
    evidence(out, record, e)?;
    writeln!(out, "</details></td></tr></tbody>")
}

/// `plan doc:line · outcome doc:line · N passed over`, for the closed row.
fn sources_line(e: &RowExplanation) -> String {
    let r = &e.row;
    let mut parts = Vec::new();
    if let Some(p) = &r.plan {
        parts.push(format!(
            "目标 plan <span class=\"source\">{}:{}</span>",
            Text(&p.doc),
            p.line
        ));
    }
    if let Some(o) = &r.outcome {
        parts.push(format!(
            "结果 outcome <span class=\"source\">{}:{}</span>",
            Text(&o.doc),
            o.line
        ));
    }
    let passed = passed_over(e).len();
    if passed > 0 {
        parts.push(format!("{passed} 个候选未采用 passed over"));
    }
    parts.join(" · ")
}

fn evidence(out: &mut dyn Write, record: &Record, e: &RowExplanation) -> io::Result<()> {
    let r = &e.row;
    if !r.plans.is_empty() {
        writeln!(
            out,
            "<h4>目标 <span class=\"en\" lang=\"en\">Plan</span></h4>"
        )?;
        for p in &r.plans {
            writeln!(
                out,
                "<div class=\"quote\">{}<br><span class=\"source\">{}:{}</span> {}</div>",
                quoted(record, &p.path, p.line, &p.quote),
                Text(&p.doc),
                p.line,
                Text(&plan_cell(p))
            )?;
        }
    }
    if let Some(o) = &r.outcome {
        writeln!(
            out,
            "<h4>结果 <span class=\"en\" lang=\"en\">Outcome</span></h4>"
        )?;
        if o.derived {
            writeln!(
                out,
                "<p>由两个累计数推算 <span class=\"en\" lang=\"en\">derived from two stock figures</span>:</p>"
            )?;
            for s in &o.derived_from {
                writeln!(
                    out,
                    "<div class=\"quote\">「{}」<br><span class=\"source\">{}:{}</span> {} {}</div>",
                    Text(&s.quote),
                    Text(&s.doc),
                    s.line,
                    s.year,
                    s.period
                )?;
            }
        } else {
            writeln!(
                out,
                "<div class=\"quote\">{}<br><span class=\"source\">{}:{}</span> {}</div>",
                quoted(record, &o.path, o.line, &o.quote),
                Text(&o.doc),
                o.line,
                Text(&outcome_cell(o))
            )?;
        }
    }
    if !r.searched.is_empty() {
        let docs: Vec<String> = r
            .searched
            .iter()
            .map(|s| match record.document(&s.path) {
                Some(i) => format!(
                    "<a class=\"source\" href=\"#doc-{i}\">{}</a> ({})",
                    Text(&s.doc),
                    s.period
                ),
                None => format!(
                    "<span class=\"source\">{}</span> ({})",
                    Text(&s.doc),
                    s.period
                ),
            })
            .collect();
        writeln!(
            out,
            "<p>检索的回顾 {} 年的文件 <span class=\"en\" lang=\"en\">reports reviewing {} searched</span>: {}</p>",
            r.year,
            r.year,
            docs.join(", ")
        )?;
    }
    let candidates = passed_over(e);
    if candidates.is_empty() {
        writeln!(
            out,
            "<p class=\"muted\">没有其他候选结果 <span class=\"en\" lang=\"en\">no other candidate outcome</span></p>"
        )?;
    } else {
        writeln!(
            out,
            "<h4>未采用的候选结果 <span class=\"en\" lang=\"en\">Candidate outcomes passed over</span></h4>"
        )?;
        writeln!(out, "<table class=\"candidates\"><thead><tr><th>原因 <span class=\"en\">why</span></th><th>结果 <span class=\"en\">outcome</span></th><th>指标 <span class=\"en\">target</span></th><th>年份 <span class=\"en\">year</span></th><th>范围 <span class=\"en\">area (similarity)</span></th><th>出处 <span class=\"en\">source</span></th><th>原文 <span class=\"en\">quote</span></th></tr></thead><tbody>")?;
        for c in candidates {
            let o = &c.outcome;
            let scope = if o.scope.is_empty() {
                "全域 whole place"
            } else {
                o.scope.as_str()
            };
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} ({:.2})</td><td class=\"source\">{}:{}</td><td>{}</td></tr>",
                reason(c.decision),
                Text(&outcome_cell(o)),
                Text(&o.target),
                o.year,
                Text(scope),
                c.scope_similarity,
                Text(&o.doc),
                o.line,
                Text(&o.quote)
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    for s in &r.self_reports {
        let verdict = match s.agrees {
            Some(true) => "相符 agrees",
            Some(false) => "不符 disagrees",
            None => "无法核对 cannot be checked",
        };
        let computed = s
            .computed_percent
            .map(|c| format!("{c:.1}%"))
            .unwrap_or_else(|| "—".into());
        writeln!(
            out,
            "<p>自报完成率 <span class=\"en\" lang=\"en\">stated completion</span> {:.1}% vs {computed}: {verdict} · 「{}」 <span class=\"source\">{}:{}</span></p>",
            s.stated_percent,
            Text(&s.quote),
            Text(&s.doc),
            s.line
        )?;
    }
    Ok(())
}

/// Every candidate outcome not taken: of the row's year, near misses, and
/// of other years.
fn passed_over(e: &RowExplanation) -> Vec<&Candidate> {
    let r = &e.row;
    r.outcomes
        .iter()
        .chain(&r.drift)
        .chain(&e.other_years)
        .filter(|c| c.decision != Decision::Taken)
        .collect()
}

/// Why a candidate was passed over, Chinese then English.
fn reason(decision: Decision) -> String {
    let zh = match decision {
        Decision::Taken => "采用",
        Decision::Superseded => "可比，但采用了更好的结果",
        Decision::OtherYear => "其他年份",
        Decision::OtherScope => "其他范围",
        Decision::OtherUnit => "单位不可换算",
        Decision::OtherMeasure => "计量方式不同",
        Decision::OtherTarget => "相关但不同的指标",
        Decision::OtherSpan => "推算区间不是目标年份",
    };
    format!(
        "{zh} <span class=\"en\" lang=\"en\">{}</span>",
        decision.reason()
    )
}

/// The quote in its sentence, marked; the bare quote when no excerpt was kept.
fn quoted(record: &Record, path: &str, line: usize, quote: &str) -> String {
    match record.excerpts.get(path, line, quote) {
        Some(x) if !x.quote.is_empty() => format!(
            "{}<mark>{}</mark>{}",
            Text(&x.before),
            Text(&x.quote),
            Text(&x.after)
        ),
        _ => format!("<mark>{}</mark>", Text(quote)),
    }
}
