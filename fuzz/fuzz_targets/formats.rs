//! The output formats on any statement text: each format parses back to the
//! text as its escaping function gives it (JSON exactly), one record per
//! statement, and no control or bidi character reaches CSV, TSV, Markdown or
//! the terminal table.
#![no_main]

use libfuzzer_sys::fuzz_target;
use luoshi::render::statements::{write, TSV_COLUMNS};
use luoshi::render::{csv_field, escape_markdown, tsv_field, Format};
use luoshi::statement::Statement;

const TEMPLATE: &str = r#"{"doc": "baiyun-2021-h1", "path": "fixtures/reports/baiyun-2021-h1.txt", "district": "白云区", "kind": "plan", "target": "gdp_growth", "measure": "rate", "year": 2021, "period": "FY", "value": 7.0, "upper": null, "unit": "%", "bound": "at_least", "hedge": "", "estimated": false, "scope": "", "position": {"line": 36, "column": 1, "start": 1692, "end": 1706}, "quote": "增长7%以上"}"#;

fn render(statement: &Statement, format: Format) -> String {
    let mut out = Vec::new();
    write(&mut out, std::slice::from_ref(statement), format).expect("writing to memory");
    String::from_utf8(out).expect("outputs are UTF-8")
}

fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fuzz_target!(|input: (&str, &str)| {
    let (quote, doc) = input;
    let mut s: Statement = serde_json::from_str(TEMPLATE).expect("template");
    s.quote = quote.to_owned();
    s.doc = doc.to_owned();
    s.scope = quote.to_owned();

    let json: Vec<Statement> =
        serde_json::from_str(&render(&s, Format::Json)).expect("JSON parses");
    assert_eq!(json, [s.clone()]);

    let csv = render(&s, Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 1);
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    assert_eq!(&records[0][col("quote")], csv_field(quote));
    assert_eq!(&records[0][col("doc")], csv_field(doc));
    assert!(!csv.trim_end().chars().any(|c| hostile(c) || c == '\t'));

    let tsv = render(&s, Format::Tsv);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 2, "{tsv:?}");
    let fields: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(fields.len(), TSV_COLUMNS.len());
    assert_eq!(fields[9], tsv_field(quote));
    assert_eq!(fields[0], tsv_field(doc));
    // Tabs separate the fields (their count is checked above).
    assert!(!tsv.chars().any(|c| hostile(c) && c != '\t'));

    let md = render(&s, Format::Markdown);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines.len(), 3, "{md:?}");
    assert!(lines[2].contains(&escape_markdown(quote)));
    assert!(!md.chars().any(|c| hostile(c) || c == '<' || c == '>'));
    // Cell separators: pipes not escaped by a backslash (`\\\|` is an
    // escaped backslash and an escaped pipe).
    let unescaped = |row: &str| {
        let mut chars = row.chars();
        let mut pipes = 0;
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '|' => pipes += 1,
                _ => {}
            }
        }
        pipes
    };
    assert_eq!(unescaped(lines[2]), unescaped(lines[0]));

    let table = render(&s, Format::Table);
    assert!(!table.chars().any(hostile));
});
