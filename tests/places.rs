//! Places end to end: the reporting government of every corpus document is
//! read by its GB/T 2260 code and full name (checked against the `place_code`
//! column of each corpus `docs.tsv`); the few whose text names no place get
//! it only from the corpus catalogue; two places of one name are tracked
//! apart; `--district` takes a code and refuses an ambiguous name; and a
//! province's, a city's and a county's report each read as themselves.

use assert_cmd::Command;
use luoshi::place::table;
use serde_json::Value;
use std::path::Path;

fn luoshi() -> Command {
    Command::cargo_bin("luoshi").expect("binary built")
}

/// `luoshi docs --format json PATH` as (doc name → place), and the exit code.
fn places(path: &Path) -> Vec<(String, Value)> {
    let out = luoshi()
        .args(["docs", "--format", "json", "--quiet"])
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs: Value = serde_json::from_slice(&out.stdout).expect("json");
    docs.as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            (
                d["name"].as_str().unwrap_or("").to_owned(),
                d["place"].clone(),
            )
        })
        .collect()
}

/// (doc, place_code) of a corpus, read from its docs.tsv by header name.
fn gold(corpus: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("fixtures/{corpus}/docs.tsv")).expect("docs.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let (doc, code) = (col("doc"), col("place_code"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[doc].to_owned(), f[code].to_owned())
        })
        .collect()
}

fn assert_places(found: &[(String, Value)], want: &[(String, String)]) {
    assert_eq!(found.len(), want.len());
    for (doc, code) in want {
        let place = &found.iter().find(|(d, _)| d == doc).expect(doc).1;
        let full = table()
            .place_of_code(code)
            .expect("a code of the table")
            .name;
        assert_eq!(place["code"], code.as_str(), "{doc}: {place}");
        assert_eq!(place["name"], full.as_str(), "{doc}: {place}");
    }
}

#[test]
fn every_corpus_document_is_read_as_its_place() {
    for corpus in ["corpus-wide", "corpus-provinces", "corpus-old"] {
        let want = gold(corpus);
        assert!(want.len() >= 12, "{corpus}");
        assert_places(&places(Path::new(&format!("fixtures/{corpus}"))), &want);
    }
}

#[test]
fn the_guangzhou_reports_are_read_as_their_districts() {
    let want: Vec<(String, String)> = [
        ("baiyun-2021-h1", "440111"),
        ("baiyun-2025-h1", "440111"),
        ("haizhu-2022-h1", "440105"),
        ("huadu-2020-gwr", "440114"),
        ("panyu-2024-annual", "440113"),
    ]
    .iter()
    .map(|(d, c)| ((*d).to_owned(), (*c).to_owned()))
    .collect();
    let found = places(Path::new("fixtures/reports"));
    assert_places(&found, &want);
    assert_eq!(found[0].1["name"], "广东省广州市白云区");
    assert_eq!(found[0].1["short"], "白云区");
    assert_eq!(found[0].1["level"], "county");
}

#[test]
fn only_the_catalogued_documents_name_no_place_of_their_own() {
    // The corpus without its catalogue: the four documents it lists are
    // unknown, every other one is read from its text alone.
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir("fixtures/corpus-wide").expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    let catalogued = [
        "dongli-2023-annual",
        "liulin-2022-gwr",
        "mulan-2022-annual",
        "xinhua-henan-2021-gwr",
    ];
    let found = places(dir.path());
    let unknown: Vec<&str> = found
        .iter()
        .filter(|(_, p)| p.is_null())
        .map(|(d, _)| d.as_str())
        .collect();
    assert_eq!(unknown, catalogued);
    let want: Vec<(String, String)> = gold("corpus-wide")
        .into_iter()
        .filter(|(d, _)| !catalogued.contains(&d.as_str()))
        .collect();
    let known: Vec<(String, Value)> = found.into_iter().filter(|(_, p)| !p.is_null()).collect();
    assert_places(&known, &want);
    // Given on the command line, a catalogue does the same as beside the files.
    let out = luoshi()
        .args(["docs", "--format", "json", "--quiet", "--catalog"])
        .arg("fixtures/corpus-wide/catalog.tsv")
        .arg(dir.path().join("mulan-2022-annual.txt"))
        .output()
        .expect("runs");
    let docs: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(docs[0]["place"]["name"], "黑龙江省哈尔滨市木兰县");
}

/// A work report of a place, with one plan and one result.
fn report(place_line: &str, own: &str, outcome: &str) -> String {
    format!(
        "{place_line}2030年政府工作报告（合成示例）\n\n\
         ——2030年1月10日在{place_line}第九届人民代表大会第三次会议上\n\n\
         各位代表：\n  现在，我代表{place_line}人民政府，向大会报告政府工作，请予审议。\n\n\
         一、2029年工作回顾\n  2029年，{own}经济运行稳中有进。{outcome}\n\n\
         二、2030年工作安排\n  （一）扩大优质公共服务供给。新增中小学学位3000个。\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write");
}

#[test]
fn two_places_of_one_name_are_tracked_apart_and_a_code_picks_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", &report("广州市白云区", "全区", ""));
    write(dir.path(), "b.txt", &report("贵阳市白云区", "全区", ""));
    let track = |args: &[&str]| {
        luoshi()
            .args(["track", "--format", "json", "--quiet"])
            .arg(dir.path())
            .args(args)
            .output()
            .expect("runs")
    };
    let out = track(&["--target", "school_places_k12"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    let codes: Vec<&str> = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["place_code"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(codes, ["440111", "520113"], "{rows:#}");
    // By code, one of them; by full name or city and name too.
    for query in ["520113", "贵州省贵阳市白云区", "贵阳市白云区"] {
        let out = track(&["--target", "school_places_k12", "--district", query]);
        let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(rows.as_array().map(Vec::len), Some(1), "{query}");
        assert_eq!(rows[0]["place_name"], "贵州省贵阳市白云区", "{query}");
    }
    // The name alone could be either: a usage error listing both.
    let out = track(&["--district", "白云区"]);
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("440111") && err.contains("520113"), "{err}");
    // A name of no place says so, with the places the input has.
    let out = track(&["--district", "安和区"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no place in the input matches `--district 安和区`"),
        "{err}"
    );
    assert!(err.contains("贵州省贵阳市白云区 (520113)"), "{err}");
}

/// GDP growth outcomes of a report as extracted (values).
fn gdp_outcomes(dir: &Path, name: &str) -> Vec<f64> {
    let out = luoshi()
        .args([
            "extract",
            "--format",
            "json",
            "--quiet",
            "--target",
            "gdp_growth",
        ])
        .arg(dir.join(name))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: Value = serde_json::from_slice(&out.stdout).expect("json");
    all.as_array()
        .expect("statements")
        .iter()
        .filter(|s| s["kind"] == "outcome")
        .filter_map(|s| s["value"].as_f64())
        .collect()
}

#[test]
fn a_province_a_city_and_a_county_each_read_as_themselves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        // A province's 全省 is its own; 全国 is a comparison.
        (
            "province.txt",
            "浙江省",
            "全省",
            "全省地区生产总值增长5.5%。全国地区生产总值增长5%。",
            5.5,
        ),
        // A city's 全市 is its own; 全省 is a comparison.
        (
            "city.txt",
            "宁波市",
            "全市",
            "全市地区生产总值增长6.2%。全省地区生产总值增长5.5%。",
            6.2,
        ),
        // A county-level city's 全市 is its own too.
        (
            "fuan.txt",
            "福安市",
            "全市",
            "全市地区生产总值增长8.1%。全省地区生产总值增长5.5%。",
            8.1,
        ),
        // A county's 全县 is its own; its city's 全市 is a comparison.
        (
            "county.txt",
            "浙江省宁波市象山县",
            "全县",
            "全县地区生产总值增长7%。全市地区生产总值增长6.2%。",
            7.0,
        ),
    ];
    for (name, place, own, outcome, _) in cases {
        write(dir.path(), name, &report(place, own, outcome));
    }
    for (name, _, _, _, value) in cases {
        assert_eq!(gdp_outcomes(dir.path(), name), [value], "{name}");
    }
    let levels: Vec<(String, Value)> = places(dir.path());
    let level = |doc: &str| {
        levels
            .iter()
            .find(|(d, _)| d == doc)
            .map(|(_, p)| p["level"].clone())
    };
    assert_eq!(level("province"), Some("province".into()));
    assert_eq!(level("city"), Some("city".into()));
    assert_eq!(level("fuan"), Some("county".into()));
    assert_eq!(level("county"), Some("county".into()));
}
