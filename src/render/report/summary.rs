//! The statistics of each indicator and level on the page: share met,
//! median gap, results just below and just above the target, the
//! distribution as a small histogram, and the escalation over the parent.

use super::{target_label, Text};
use crate::record::Record;
use crate::render::summary::{bin_label, gap_cell, level_label, percent};
use crate::summary::IndicatorSummary;
use std::io::{self, Write};

const BAR: f64 = 9.0;
const HEIGHT: f64 = 30.0;

pub fn write(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"summary\"><h2>指标统计 <span class=\"en\" lang=\"en\">Indicators</span></h2>"
    )?;
    writeln!(
        out,
        "<p class=\"muted\">完成率只计有全年结果的目标；差距：增速为结果 − 目标（百分点），总量为结果 / 目标；“略高/略低”指差距在 0.5 个点以内。<span lang=\"en\">Share met counts targets with a full-year result; the gap is outcome − target in points for rates and outcome / target for flows; just above or below means within 0.5 points.</span></p>"
    )?;
    writeln!(out, "<table><thead><tr><th>指标 <span class=\"en\">indicator</span></th><th>层级 <span class=\"en\">level</span></th><th class=\"num\">目标 <span class=\"en\">targets</span></th><th class=\"num\">已评 <span class=\"en\">judged</span></th><th class=\"num\">完成率 <span class=\"en\">share met</span></th><th class=\"num\">中位差距 <span class=\"en\">median gap</span></th><th class=\"num\">略低 <span class=\"en\">just below</span></th><th class=\"num\">略高 <span class=\"en\">just above</span></th><th>分布 <span class=\"en\">distribution</span></th><th class=\"num\">加码 <span class=\"en\">over parent</span></th></tr></thead><tbody>")?;
    for s in &record.summary.indicators {
        let escalation = match s.median_escalation {
            Some(m) => format!(
                "{m:+.1} pp <span class=\"muted\">(n={})</span>",
                s.escalations.len()
            ),
            None => "—".to_owned(),
        };
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{escalation}</td></tr>",
            target_label(record, &s.target),
            Text(level_label(&s.level)),
            s.targets,
            s.judged,
            percent(s.share_met),
            gap_cell(s, s.median_gap),
            s.just_below,
            s.just_above,
            histogram(s),
        )?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// The histogram as bars, each titled with its range and count.
fn histogram(s: &IndicatorSummary) -> String {
    let most = s.histogram.iter().map(|b| b.count).max().unwrap_or(0);
    if most == 0 {
        return "—".to_owned();
    }
    let width = BAR * s.histogram.len() as f64;
    let mut svg = format!(
        "<svg width=\"{width}\" height=\"{HEIGHT}\" viewBox=\"0 0 {width} {HEIGHT}\" role=\"img\" aria-label=\"histogram\">"
    );
    for (i, b) in s.histogram.iter().enumerate() {
        let h = (HEIGHT - 2.0) * b.count as f64 / most as f64;
        // The bins at and just above the target stand out.
        let at_target = b
            .from
            .is_some_and(|f| f == if s.gap_kind == "pp" { 0.0 } else { 1.0 });
        let fill = if at_target { "#1b7a3d" } else { "#777" };
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{fill}\"><title>{}: {}</title></rect>",
            i as f64 * BAR,
            HEIGHT - h,
            BAR - 1.0,
            Text(&bin_label(s, b)),
            b.count
        ));
    }
    svg.push_str("</svg>");
    svg
}
