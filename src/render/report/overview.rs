//! The overview: a line per place with its years, its counts by status as a
//! small stacked bar (and in words) and the share of judged targets met.

use super::{place_label, status_badge};
use crate::link::Status;
use crate::record::{Record, Tally};
use std::io::{self, Write};

/// Width of the stacked bar, in SVG units.
const BAR_WIDTH: f64 = 180.0;

pub fn write(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"overview\"><h2>总览 <span class=\"en\" lang=\"en\">Overview</span></h2>"
    )?;
    legend(out)?;
    writeln!(out, "<table><thead><tr><th>地区 <span class=\"en\">place</span></th><th>年份 <span class=\"en\">years</span></th><th class=\"num\">目标 <span class=\"en\">targets</span></th><th>状态 <span class=\"en\">by status</span></th><th class=\"num\">完成率 <span class=\"en\">share met</span></th></tr></thead><tbody>")?;
    for p in &record.places {
        let years: Vec<String> = p
            .groups
            .iter()
            .filter_map(|&gi| record.groups.get(gi).map(|g| (gi, g)))
            .map(|(gi, g)| format!("<a href=\"#g-{gi}\">{}</a>", g.year))
            .collect();
        writeln!(
            out,
            "<tr class=\"place\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}<br>{}</td><td class=\"num\">{}</td></tr>",
            place_label(&p.place),
            years.join(" "),
            p.tally.targets(),
            bar(&p.tally),
            counts(&p.tally),
            share(&p.tally),
        )?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// Which colour is which status.
fn legend(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "<p class=\"legend\">")?;
    for s in Status::ALL {
        write!(out, "{} ", status_badge(s))?;
    }
    writeln!(out, "</p>")
}

/// Counts by status as a stacked bar, each part titled with its count.
pub(crate) fn bar(tally: &Tally) -> String {
    let total: usize = tally.counts.iter().sum();
    let mut svg = format!(
        "<svg class=\"bar\" width=\"{BAR_WIDTH}\" height=\"14\" viewBox=\"0 0 {BAR_WIDTH} 14\" role=\"img\" aria-label=\"{}\">",
        counts_plain(tally)
    );
    if total == 0 {
        svg.push_str("</svg>");
        return svg;
    }
    let mut x = 0.0;
    for (s, &n) in Status::ALL.iter().zip(&tally.counts) {
        if n == 0 {
            continue;
        }
        let w = BAR_WIDTH * n as f64 / total as f64;
        svg.push_str(&format!(
            "<rect x=\"{x:.2}\" y=\"0\" width=\"{w:.2}\" height=\"14\" style=\"fill:var(--{})\"><title>{} {}: {n}</title></rect>",
            s.as_str(),
            s.zh(),
            s.as_str()
        ));
        x += w;
    }
    svg.push_str("</svg>");
    svg
}

/// `完成 2 · 未完成 1`: the counts that are not zero, in words.
pub(crate) fn counts(tally: &Tally) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .zip(&tally.counts)
        .filter(|(_, &n)| n > 0)
        .map(|(s, n)| {
            format!(
                "<span class=\"swatch s-{}\"></span>{} {n}",
                s.as_str(),
                s.zh()
            )
        })
        .collect();
    parts.join(" · ")
}

fn counts_plain(tally: &Tally) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .zip(&tally.counts)
        .filter(|(_, &n)| n > 0)
        .map(|(s, n)| format!("{} {} {n}", s.zh(), s.as_str()))
        .collect();
    parts.join(", ")
}

/// `67% (2/3)`, or a dash when nothing was judged.
pub(crate) fn share(tally: &Tally) -> String {
    match tally.share_met() {
        Some(s) => format!(
            "{:.0}% <span class=\"muted\">({}/{})</span>",
            s * 100.0,
            tally.met(),
            tally.judged()
        ),
        None => "—".to_owned(),
    }
}
