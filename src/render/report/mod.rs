//! The report page: one self-contained HTML file (styles and the few lines
//! of script inline, no network) showing a [`Record`], Chinese first with
//! English beside. An overview of every place and year, the statistics of
//! each indicator, per place and year the table of targets whose rows open
//! to their evidence, a chart per target over the years, and the documents
//! read. Filters by place, target and status need scripts; everything else
//! reads with scripts off and prints. All text goes through [`Text`].

mod chart;
mod escape;
mod overview;
mod rows;
mod summary;

pub use escape::Text;

use crate::link::Status;
use crate::record::{Record, TargetName};
use std::collections::BTreeSet;
use std::io::{self, Write};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Writes the whole page.
pub fn write(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    let targets = record.rows.iter().filter(|e| e.row.plan.is_some()).count();
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"zh-Hans\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"luoshi\">")?;
    writeln!(out, "<title>落实情况 Follow-through</title>")?;
    writeln!(out, "<style>\n{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(
        out,
        "<header><h1>落实情况 <span class=\"en\" lang=\"en\">Follow-through</span></h1>"
    )?;
    writeln!(
        out,
        "<p>{} 份文件 <span class=\"en\" lang=\"en\">documents</span> · {} 个地区 <span class=\"en\" lang=\"en\">places</span> · {targets} 项目标 <span class=\"en\" lang=\"en\">targets</span></p></header>",
        record.documents.len(),
        record.places.len(),
    )?;
    filters(out, record)?;
    writeln!(out, "<main>")?;
    overview::write(out, record)?;
    summary::write(out, record)?;
    rows::write(out, record)?;
    chart::write(out, record)?;
    documents(out, record)?;
    writeln!(out, "</main>")?;
    writeln!(out, "<script>\n{SCRIPT}</script>")?;
    writeln!(out, "</body>\n</html>")
}

/// `新增中小学学位 xuewei`: the Chinese name, then the English one (or the id).
pub(crate) fn target_label(record: &Record, id: &str) -> String {
    match record.names.get(id) {
        Some(TargetName { zh, en }) if !en.is_empty() => format!(
            "{} <span class=\"en\" lang=\"en\">{}</span>",
            Text(zh),
            Text(en)
        ),
        Some(TargetName { zh, .. }) => {
            format!("{} <span class=\"en\">{}</span>", Text(zh), Text(id))
        }
        None => Text(id).to_string(),
    }
}

/// A status in colour and in words, Chinese then English.
pub(crate) fn status_badge(status: Status) -> String {
    format!(
        "<span class=\"status s-{0}\">{1} <span class=\"en\" lang=\"en\">{2}</span></span>",
        status.as_str(),
        status.zh(),
        status.as_str().replace('_', " ")
    )
}

/// A place's name, or a note that it is unknown.
pub(crate) fn place_label(place: &str) -> String {
    if place.is_empty() {
        "地区不详 <span class=\"en\" lang=\"en\">place unknown</span>".to_owned()
    } else {
        Text(place).to_string()
    }
}

/// The filter form; hidden until the script shows it, since it does
/// nothing without one.
fn filters(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    let places: BTreeSet<&str> = record.places.iter().map(|p| p.place.as_str()).collect();
    let targets: BTreeSet<&str> = record.rows.iter().map(|e| e.row.target.as_str()).collect();
    writeln!(out, "<form id=\"filters\" hidden>")?;
    writeln!(
        out,
        "<label>地区 <span class=\"en\" lang=\"en\">place</span> <select name=\"place\"><option value=\"\">全部 all</option>"
    )?;
    for p in places {
        let name = if p.is_empty() {
            "地区不详 unknown"
        } else {
            p
        };
        writeln!(out, "<option value=\"{}\">{}</option>", Text(p), Text(name))?;
    }
    writeln!(out, "</select></label>")?;
    writeln!(
        out,
        "<label>指标 <span class=\"en\" lang=\"en\">target</span> <select name=\"target\"><option value=\"\">全部 all</option>"
    )?;
    for t in targets {
        let name = record.names.get(t).map_or(t, |n| n.zh.as_str());
        writeln!(
            out,
            "<option value=\"{}\">{} {}</option>",
            Text(t),
            Text(name),
            Text(t)
        )?;
    }
    writeln!(out, "</select></label>")?;
    writeln!(
        out,
        "<label>状态 <span class=\"en\" lang=\"en\">status</span> <select name=\"status\"><option value=\"\">全部 all</option>"
    )?;
    for s in Status::ALL {
        writeln!(
            out,
            "<option value=\"{}\">{} {}</option>",
            s.as_str(),
            s.zh(),
            s.as_str()
        )?;
    }
    writeln!(out, "</select></label>")?;
    writeln!(
        out,
        "<button type=\"reset\">重置 reset</button> 显示 <output id=\"shown\">{}</output> 行 <span class=\"en\" lang=\"en\">rows shown</span>",
        record.rows.len()
    )?;
    writeln!(out, "</form>")
}

/// Every document read: what it is and what it reviews.
fn documents(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"documents\"><h2>文件 <span class=\"en\" lang=\"en\">Documents read</span></h2>"
    )?;
    writeln!(out, "<table><thead><tr><th>文件 <span class=\"en\">document</span></th><th>地区 <span class=\"en\">place</span></th><th>类型 <span class=\"en\">kind</span></th><th>日期 <span class=\"en\">date</span></th><th>回顾 <span class=\"en\">reviews</span></th><th>SHA-256</th></tr></thead><tbody>")?;
    for (i, d) in record.documents.iter().enumerate() {
        let reviewed: Vec<String> = d
            .reviewed
            .iter()
            .map(|r| format!("{} {}", r.year, r.period))
            .collect();
        writeln!(
            out,
            "<tr id=\"doc-{i}\"><td><span class=\"source\">{}</span><br><span class=\"muted\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"source\" title=\"{}\">{}…</td></tr>",
            Text(&d.doc),
            Text(&d.path),
            place_label(&d.place),
            kind_label(d.kind),
            d.date.map(|d| d.to_string()).unwrap_or_default(),
            Text(&reviewed.join(", ")),
            Text(&d.sha256),
            Text(d.sha256.get(..12).unwrap_or_default()),
        )?;
    }
    writeln!(out, "</tbody></table></section>")
}

fn kind_label(kind: crate::document::ReportKind) -> &'static str {
    use crate::document::ReportKind;
    match kind {
        ReportKind::H1 => "上半年执行情况 <span class=\"en\" lang=\"en\">mid-year</span>",
        ReportKind::Annual => "年度执行情况 <span class=\"en\" lang=\"en\">annual</span>",
        ReportKind::Gwr => "政府工作报告 <span class=\"en\" lang=\"en\">work report</span>",
        ReportKind::Unknown => "不详 <span class=\"en\" lang=\"en\">unknown</span>",
    }
}
