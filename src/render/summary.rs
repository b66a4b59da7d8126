//! `track --summary`: the statistics of each indicator and level as a table
//! (with the histogram drawn in block characters), CSV (one line per
//! indicator and level, the histogram as `from..to:count` pairs) or JSON
//! (everything, the gaps and escalation pairs included).

use super::text::{escape_markdown, sanitize_terminal};
use super::track::{target_name, TargetNames};
use crate::render::statements::format_value;
use crate::render::Format;
use crate::summary::{Bin, IndicatorSummary, Summary};
use std::io::{self, Write};

const COLUMNS: [&str; 16] = [
    "target",
    "name",
    "measure",
    "level",
    "targets",
    "judged",
    "met",
    "share_met",
    "gap_kind",
    "median_gap",
    "just_below",
    "just_above",
    "share_just_above",
    "histogram",
    "escalations",
    "median_escalation_pp",
];

/// Writes the summary in the given format.
pub fn write(
    out: &mut dyn Write,
    summary: &Summary,
    format: Format,
    names: &TargetNames,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, summary)?;
            writeln!(out)
        }
        Format::Csv | Format::Tsv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == Format::Tsv { b'\t' } else { b',' })
                .from_writer(out);
            w.write_record(COLUMNS)?;
            for s in &summary.indicators {
                w.write_record(csv_row(s, names))?;
            }
            w.flush()
        }
        _ => {
            let markdown = format == Format::Markdown;
            let mut table = crate::render::grid(
                [
                    "target",
                    "level",
                    "targets",
                    "judged",
                    "share met",
                    "median gap",
                    "just below / above",
                    "distribution",
                    "over parent",
                ],
                markdown,
            );
            for s in &summary.indicators {
                let clean = |t: &str| {
                    if markdown {
                        escape_markdown(t)
                    } else {
                        sanitize_terminal(t)
                    }
                };
                let escalation = s
                    .median_escalation
                    .map(|m| format!("{m:+.1} pp (n={})", s.escalations.len()))
                    .unwrap_or_default();
                table.add_row([
                    clean(&target_name(names, &s.target)),
                    clean(level_label(&s.level)),
                    s.targets.to_string(),
                    s.judged.to_string(),
                    percent(s.share_met),
                    gap_cell(s, s.median_gap),
                    format!("{} / {}", s.just_below, s.just_above),
                    sparkline(&s.histogram),
                    escalation,
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(
                out,
                "gap: outcome − target in points for rates, outcome / target for flows; just below / above: within 0.5 points of the target"
            )
        }
    }
}

fn csv_row(s: &IndicatorSummary, names: &TargetNames) -> Vec<String> {
    let share = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    let bins: Vec<String> = s
        .histogram
        .iter()
        .map(|b| format!("{}:{}", bin_range(b), b.count))
        .collect();
    vec![
        s.target.clone(),
        target_name(names, &s.target),
        s.measure.to_string(),
        s.level.clone(),
        s.targets.to_string(),
        s.judged.to_string(),
        s.met.to_string(),
        share(s.share_met),
        s.gap_kind.to_owned(),
        s.median_gap.map(format_value).unwrap_or_default(),
        s.just_below.to_string(),
        s.just_above.to_string(),
        share(s.share_just_above),
        bins.join(" "),
        s.escalations.len().to_string(),
        s.median_escalation.map(format_value).unwrap_or_default(),
    ]
}

/// `-0.5..0`, `..-3`, `3..`: a bin's range as written in files.
fn bin_range(b: &Bin) -> String {
    let end = |v: Option<f64>| v.map(format_value).unwrap_or_default();
    format!("{}..{}", end(b.from), end(b.to))
}

/// A bin's range for people: `−0.5 to 0 pp`, `under 50%`, `300% and more`.
pub fn bin_label(s: &IndicatorSummary, b: &Bin) -> String {
    let show = |v: f64| {
        if s.gap_kind == "pp" {
            format!("{} pp", format_value(v))
        } else {
            format!("{}%", format_value(v * 100.0))
        }
    };
    match (b.from, b.to) {
        (Some(f), Some(t)) => format!("{} to {}", show(f), show(t)),
        (None, Some(t)) => format!("under {}", show(t)),
        (Some(f), None) => format!("{} and more", show(f)),
        (None, None) => "all".to_owned(),
    }
}

/// A gap as a rate's points or a flow's percentage of the target.
pub fn gap_cell(s: &IndicatorSummary, gap: Option<f64>) -> String {
    match gap {
        Some(g) if s.gap_kind == "pp" => format!("{g:+.1} pp"),
        Some(g) => format!("{:.1}%", g * 100.0),
        None => "—".to_owned(),
    }
}

/// `0.74` as `74%`; a dash when there is nothing to divide.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |s| format!("{:.0}%", s * 100.0))
}

/// A level's name, or a note that it is unknown.
pub fn level_label(level: &str) -> &str {
    if level.is_empty() {
        "—"
    } else {
        level
    }
}

/// The histogram in block characters, one a bin.
fn sparkline(bins: &[Bin]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let most = bins.iter().map(|b| b.count).max().unwrap_or(0);
    if most == 0 {
        return String::new();
    }
    bins.iter()
        .map(|b| {
            if b.count == 0 {
                ' '
            } else {
                BLOCKS[(b.count * (BLOCKS.len() - 1))
                    .div_ceil(most)
                    .min(BLOCKS.len() - 1)]
            }
        })
        .collect()
}
