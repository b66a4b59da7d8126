//! Fulfilment rows as CSV: one flat row per plan, every field a column (the
//! plan columns empty for an `unplanned` row).

use super::{flag_words, target_name, TargetNames};
use crate::link::Fulfilment;
use crate::render::statements::format_value;
use crate::render::text::csv_field;
use std::io::{self, Write};

/// Writes one CSV row per plan, with a header.
pub fn write(out: &mut dyn Write, rows: &[Fulfilment], names: &TargetNames) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record([
        "place_code",
        "place",
        "place_name",
        "year",
        "target",
        "target_zh",
        "scope",
        "status",
        "status_zh",
        "ratio",
        "gap_pp",
        "plan_value",
        "plan_upper",
        "plan_unit",
        "plan_bound",
        "plan_hedge",
        "plan_doc",
        "plan_line",
        "plan_quote",
        "plan_sources",
        "outcome_value",
        "outcome_unit",
        "outcome_period",
        "outcome_doc",
        "outcome_line",
        "outcome_quote",
        "outcome_derived",
        "outcome_estimated",
        "flags",
        "searched",
    ])?;
    let num = |v: Option<f64>| v.map(format_value).unwrap_or_default();
    for row in rows {
        let p = row.plan.as_ref();
        let o = row.outcome.as_ref();
        let plan_sources: Vec<String> = row
            .plans
            .iter()
            .map(|p| format!("{}:{}", p.doc, p.line))
            .collect();
        let searched: Vec<&str> = row.searched.iter().map(|s| s.doc.as_str()).collect();
        w.write_record(
            [
                row.place_code.clone(),
                row.place.clone(),
                row.place_name.clone(),
                row.year.to_string(),
                row.target.clone(),
                target_name(names, &row.target),
                row.scope.clone(),
                row.status.to_string(),
                row.status_zh.to_owned(),
                num(row.ratio),
                num(row.gap_pp),
                num(p.map(|p| p.value)),
                num(p.and_then(|p| p.upper)),
                p.map(|p| p.unit.clone()).unwrap_or_default(),
                p.map(|p| p.bound.to_string()).unwrap_or_default(),
                p.map(|p| p.hedge.clone()).unwrap_or_default(),
                p.map(|p| p.doc.clone()).unwrap_or_default(),
                p.map(|p| p.line.to_string()).unwrap_or_default(),
                p.map(|p| p.quote.clone()).unwrap_or_default(),
                plan_sources.join(";"),
                num(o.map(|o| o.value)),
                o.map(|o| o.unit.clone()).unwrap_or_default(),
                o.map(|o| o.period.to_string()).unwrap_or_default(),
                o.map(|o| o.doc.clone()).unwrap_or_default(),
                o.map(|o| o.line.to_string()).unwrap_or_default(),
                o.map(|o| o.quote.clone()).unwrap_or_default(),
                o.map(|o| o.derived.to_string()).unwrap_or_default(),
                o.map(|o| o.estimated.to_string()).unwrap_or_default(),
                flag_words(row).join(";"),
                searched.join(";"),
            ]
            .map(|f| csv_field(&f)),
        )?;
    }
    w.flush()
}
