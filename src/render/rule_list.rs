//! The targets in effect (`rules list`) as a table, CSV, TSV or JSON.

use super::text::{csv_field, sanitize_terminal, tsv_field};
use crate::render::Format;
use crate::rule_set::{LoadedTarget, RuleSet};
use serde::Serialize;
use std::io::{self, Write};

/// One target as listed.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    unit: &'a str,
    alt_units: Vec<&'a str>,
    measure: &'a str,
    /// The flow target a stock accumulates.
    stock_of: Option<&'a str>,
    /// Targets whose numbers are near misses for this one.
    related: Vec<&'a str>,
    examples: usize,
    counter_examples: usize,
    file: String,
    #[serde(rename = "override")]
    overrides_default: bool,
}

const COLUMNS: [&str; 12] = [
    "id",
    "name_zh",
    "name_en",
    "unit",
    "alt_units",
    "measure",
    "stock_of",
    "related",
    "examples",
    "counter_examples",
    "file",
    "override",
];

fn row(t: &LoadedTarget) -> Row<'_> {
    Row {
        id: t.target.id.get_ref(),
        name_zh: &t.target.name_zh,
        name_en: &t.target.name_en,
        unit: t.target.unit.get_ref(),
        alt_units: t
            .target
            .alt_units
            .iter()
            .map(|u| u.get_ref().as_str())
            .collect(),
        measure: t.target.measure.as_str(),
        stock_of: t.target.stock_of.as_ref().map(|s| s.get_ref().as_str()),
        related: t
            .target
            .related
            .iter()
            .map(|r| r.get_ref().as_str())
            .collect(),
        examples: t.target.examples.len(),
        counter_examples: t.target.counter_examples.len(),
        file: t.file.display().to_string(),
        overrides_default: t.overrides_default,
    }
}

fn cells(r: &Row<'_>) -> [String; 12] {
    [
        r.id.to_owned(),
        r.name_zh.to_owned(),
        r.name_en.to_owned(),
        r.unit.to_owned(),
        r.alt_units.join(" "),
        r.measure.to_owned(),
        r.stock_of.unwrap_or_default().to_owned(),
        r.related.join(" "),
        r.examples.to_string(),
        r.counter_examples.to_string(),
        r.file.clone(),
        r.overrides_default.to_string(),
    ]
}

/// `stock of X`, `related Y Z`, as one cell.
fn relations(r: &Row<'_>) -> String {
    let stock = r.stock_of.map(|s| format!("stock of {s}"));
    let related = (!r.related.is_empty()).then(|| format!("related {}", r.related.join(" ")));
    stock
        .into_iter()
        .chain(related)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes every target of the set, in load order.
pub fn write(out: &mut dyn Write, rules: &RuleSet, format: Format) -> io::Result<()> {
    let rows: Vec<Row<'_>> = rules.targets.iter().map(row).collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(COLUMNS)?;
            for r in &rows {
                w.write_record(cells(r).iter().map(|c| csv_field(c)))?;
            }
            w.flush()
        }
        Format::Tsv => {
            writeln!(out, "{}", COLUMNS.join("\t"))?;
            for r in &rows {
                let fields: Vec<String> = cells(r).iter().map(|c| tsv_field(c)).collect();
                writeln!(out, "{}", fields.join("\t"))?;
            }
            Ok(())
        }
        Format::Table | Format::Markdown | Format::Html | Format::Sqlite => {
            let mut table = super::grid(
                [
                    "id",
                    "名称",
                    "name",
                    "unit",
                    "measure",
                    "relations",
                    "examples",
                    "file",
                    "",
                ],
                format == Format::Markdown,
            );
            for r in &rows {
                let unit = std::iter::once(r.unit)
                    .chain(r.alt_units.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" / ");
                table.add_row([
                    r.id.to_owned(),
                    sanitize_terminal(r.name_zh),
                    sanitize_terminal(r.name_en),
                    unit,
                    r.measure.to_owned(),
                    relations(r),
                    format!("{} + {} counter", r.examples, r.counter_examples),
                    r.file.clone(),
                    if r.overrides_default { "override" } else { "" }.to_owned(),
                ]);
            }
            writeln!(out, "{table}")
        }
    }
}
