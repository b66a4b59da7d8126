//! Charts: each target of each place over the years as an inline SVG. For
//! rates, the target as a dashed line and the result as a solid one; for
//! flows and stocks, a bar of the plan beside a bar of the outcome, the
//! outcome coloured by its status. Only series of two years or more are
//! drawn: one year is already a row of the tables.

use super::{place_label, target_label, Text};
use crate::record::{Record, Series};
use crate::render::statements::format_value;
use crate::statement::Measure;
use std::io::{self, Write};

const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 22.0;

pub fn write(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    let drawn: Vec<&Series> = record
        .series
        .iter()
        .filter(|s| s.points.len() >= 2)
        .collect();
    writeln!(
        out,
        "<section id=\"charts\"><h2>历年目标与结果 <span class=\"en\" lang=\"en\">Targets and results over the years</span></h2>"
    )?;
    if drawn.is_empty() {
        writeln!(
            out,
            "<p class=\"muted\">没有跨年的指标 <span class=\"en\" lang=\"en\">no target appears in more than one year</span></p>"
        )?;
    } else {
        writeln!(
            out,
            "<p class=\"legend\"><span><span class=\"swatch\" style=\"background:#bbb\"></span>目标 plan</span><span><span class=\"swatch\" style=\"background:var(--met)\"></span>结果 outcome (颜色即状态 coloured by status)</span></p>"
        )?;
    }
    writeln!(out, "<div class=\"charts\">")?;
    for s in drawn {
        figure(out, record, s)?;
    }
    writeln!(out, "</div></section>")
}

fn figure(out: &mut dyn Write, record: &Record, s: &Series) -> io::Result<()> {
    let scope = if s.scope.is_empty() {
        String::new()
    } else {
        format!(" · {}", Text(&s.scope))
    };
    writeln!(
        out,
        "<figure class=\"chart\" data-place=\"{}\" data-target=\"{}\"><figcaption>{} · {}{scope} ({})</figcaption>",
        Text(&s.place),
        Text(&s.target),
        place_label(&s.place),
        target_label(record, &s.target),
        Text(&s.unit)
    )?;
    let values = s.points.iter().flat_map(|p| [p.plan, p.outcome]).flatten();
    let (mut low, mut high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
        (l.min(v), h.max(v))
    });
    if !low.is_finite() {
        (low, high) = (0.0, 1.0);
    }
    // Bars start at zero; lines get a margin around their range.
    if s.measure == Measure::Rate {
        let pad = ((high - low) * 0.15).max(0.5);
        (low, high) = (low - pad, high + pad);
    } else {
        (low, high) = (low.min(0.0), high.max(f64::EPSILON) * 1.1);
    }
    let n = s.points.len() as f64;
    let slot = (WIDTH - LEFT - RIGHT) / n;
    let x = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let y = |v: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - (v - low) / (high - low));
    let label = format!(
        "{} {}: {}",
        s.place,
        s.target,
        s.points
            .iter()
            .map(|p| format!(
                "{} plan {} outcome {}",
                p.year,
                p.plan.map(format_value).unwrap_or_else(|| "—".into()),
                p.outcome.map(format_value).unwrap_or_else(|| "—".into())
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    writeln!(
        out,
        "<svg width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        Text(&label)
    )?;
    let base = HEIGHT - BOTTOM;
    writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#999\"/>",
        WIDTH - RIGHT
    )?;
    for (i, p) in s.points.iter().enumerate() {
        writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x(i),
            HEIGHT - 6.0,
            p.year
        )?;
    }
    if s.measure == Measure::Rate {
        rate_lines(out, s, &x, &y)?;
    } else {
        bars(out, s, slot, &x, &y, base)?;
    }
    writeln!(out, "</svg></figure>")
}

fn rate_lines(
    out: &mut dyn Write,
    s: &Series,
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
) -> io::Result<()> {
    let path = |pick: &dyn Fn(usize) -> Option<f64>| {
        let pts: Vec<String> = (0..s.points.len())
            .filter_map(|i| pick(i).map(|v| format!("{:.1},{:.1}", x(i), y(v))))
            .collect();
        pts.join(" ")
    };
    let plans = path(&|i| s.points[i].plan);
    let outcomes = path(&|i| s.points[i].outcome);
    writeln!(
        out,
        "<polyline points=\"{plans}\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\" stroke-width=\"2\"/>"
    )?;
    writeln!(
        out,
        "<polyline points=\"{outcomes}\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\"/>"
    )?;
    for (i, p) in s.points.iter().enumerate() {
        if let Some(v) = p.plan {
            writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"14\" height=\"3\" fill=\"#888\"><title>{} 目标 plan {}</title></rect>",
                x(i) - 7.0,
                y(v) - 1.5,
                p.year,
                format_value(v)
            )?;
        }
        if let Some(v) = p.outcome {
            writeln!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" style=\"fill:var(--{})\"><title>{} 结果 outcome {} ({})</title></circle>",
                x(i),
                y(v),
                p.status.as_str(),
                p.year,
                format_value(v),
                p.status.zh()
            )?;
            writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x(i),
                y(v) - 7.0,
                format_value(v)
            )?;
        }
    }
    Ok(())
}

fn bars(
    out: &mut dyn Write,
    s: &Series,
    slot: f64,
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
    base: f64,
) -> io::Result<()> {
    let w = (slot * 0.3).min(28.0);
    for (i, p) in s.points.iter().enumerate() {
        if let Some(v) = p.plan {
            writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#bbb\"><title>{} 目标 plan {}</title></rect>",
                x(i) - w,
                y(v),
                (base - y(v)).max(0.0),
                p.year,
                format_value(v)
            )?;
        }
        if let Some(v) = p.outcome {
            writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" style=\"fill:var(--{})\"><title>{} 结果 outcome {} ({})</title></rect>",
                x(i),
                y(v),
                (base - y(v)).max(0.0),
                p.status.as_str(),
                p.year,
                format_value(v),
                p.status.zh()
            )?;
        }
        let top = [p.plan, p.outcome]
            .into_iter()
            .flatten()
            .fold(f64::NEG_INFINITY, f64::max);
        if top.is_finite() {
            let text = [p.plan, p.outcome]
                .map(|v| v.map(format_value).unwrap_or_else(|| "—".into()))
                .join(" / ");
            writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x(i),
                y(top) - 3.0,
                text
            )?;
        } else {
            writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x(i),
                base - 4.0,
                p.status.zh()
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Status;
    use crate::record::{Excerpts, Point};
    use crate::statement::Bound;
    use crate::summary::Summary;

    fn series(measure: Measure) -> Series {
        let point = |year, plan, outcome: Option<f64>, status| Point {
            year,
            plan: Some(plan),
            bound: Some(Bound::AtLeast),
            outcome,
            period: None,
            status,
        };
        Series {
            place: "甲区".into(),
            target: "gdp_growth".into(),
            scope: String::new(),
            unit: "%".into(),
            measure,
            points: vec![
                point(2021, 7.0, Some(7.2), Status::Met),
                point(2022, 6.5, Some(5.1), Status::Short),
                point(2023, 6.0, None, Status::Unreported),
            ],
        }
    }

    fn drawn(measure: Measure) -> String {
        let mut record = Record::new(
            Vec::new(),
            Vec::new(),
            Summary::default(),
            Excerpts::default(),
            Default::default(),
        );
        record.series.push(series(measure));
        let mut out = Vec::new();
        write(&mut out, &record).expect("writes to memory");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn a_rate_is_a_target_line_and_a_result_line() {
        let svg = drawn(Measure::Rate);
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(
            svg.contains("stroke-dasharray"),
            "the target line is dashed"
        );
        // A dot per result, coloured by its status; none for the missing one.
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("fill:var(--short)"));
        assert_eq!(svg.matches("data-target=\"gdp_growth\"").count(), 1);
    }

    #[test]
    fn a_flow_is_a_bar_of_the_plan_beside_a_bar_of_the_outcome() {
        let svg = drawn(Measure::Flow);
        assert!(!svg.contains("<polyline"));
        // Three plan bars, two outcome bars.
        assert_eq!(svg.matches("fill=\"#bbb\"").count(), 3);
        assert_eq!(svg.matches("<title>").count(), 5);
        assert!(svg.contains("6.5 / 5.1"));
    }
}
