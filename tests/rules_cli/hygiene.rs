//! Hygiene of the default rules (`rules/*.toml`) and of their documentation:
//! no problems at all, ids unique and sorted, enough examples, every target of
//! `docs/targets.md` present with its unit and measure, README's table in step
//! with the rules, every schema field and canonical unit documented.

use super::luoshi;
use luoshi::rule_check::{self, ParsedFile};
use luoshi::rule_set::{self, RuleSet, DEFAULT_FILES};
use std::collections::BTreeSet;
use std::path::Path;

fn repo_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn default_files() -> Vec<ParsedFile> {
    let sources = rule_set::default_sources();
    let files = rule_check::parse_quietly(&sources);
    assert_eq!(
        files.len(),
        sources.len(),
        "a default rule file does not parse"
    );
    files
}

fn default_ids() -> BTreeSet<String> {
    default_files()
        .iter()
        .flat_map(|f| &f.rules.target)
        .map(|t| t.id.get_ref().clone())
        .collect()
}

/// Cells of the first Markdown table whose first header cell is `id`.
fn id_table(markdown: &str) -> Option<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let mut inside = false;
    for line in markdown.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            if inside {
                break;
            }
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().trim_matches('`').to_owned())
            .collect();
        if !inside {
            inside = cells.first().is_some_and(|c| c == "id");
            continue;
        }
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue;
        }
        rows.push(cells);
    }
    inside.then_some(rows)
}

#[test]
fn default_rules_have_no_errors_or_warnings() {
    let checked = rule_check::check_sources(&[], &rule_set::default_sources());
    let mut report = Vec::new();
    for problem in &checked.problems {
        luoshi::render::diagnostic::write_problem(&mut report, problem).ok();
    }
    assert!(
        checked.problems.is_empty(),
        "{}",
        String::from_utf8_lossy(&report)
    );
}

#[test]
fn every_file_in_rules_is_compiled_in() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".toml"))
                .map(|name| format!("rules/{name}"))
                .collect()
        })
        .unwrap_or_default();
    let compiled: BTreeSet<String> = DEFAULT_FILES.iter().map(|(p, _)| p.to_string()).collect();
    assert!(!on_disk.is_empty());
    assert_eq!(on_disk, compiled);
    for (path, text) in DEFAULT_FILES {
        assert_eq!(repo_file(path), *text, "{path} changed since the build");
    }
}

#[test]
fn ids_are_unique_and_sorted_within_each_file() {
    let mut all = BTreeSet::new();
    for file in default_files() {
        let ids: Vec<&str> = file
            .rules
            .target
            .iter()
            .map(|t| t.id.get_ref().as_str())
            .collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            ids,
            sorted,
            "{}: ids not sorted or repeated",
            file.source.path.display()
        );
        for id in ids {
            assert!(all.insert(id.to_owned()), "`{id}` is in two files");
        }
    }
}

#[test]
fn every_target_has_two_examples_and_a_counter_example() {
    let thin: Vec<String> = default_files()
        .iter()
        .flat_map(|f| &f.rules.target)
        .filter(|t| t.examples.len() < 2 || t.counter_examples.is_empty())
        .map(|t| t.id.get_ref().clone())
        .collect();
    assert!(thin.is_empty(), "too few examples: {thin:?}");
}

#[test]
fn every_listed_target_has_a_rule_with_its_unit_and_measure() {
    let table = id_table(&repo_file("docs/targets.md")).unwrap_or_default();
    assert!(table.len() >= 24, "docs/targets.md lost its table");
    let rules = RuleSet::load(None).unwrap_or_default();
    let mut missing = Vec::new();
    for row in &table {
        let (Some(id), Some(unit), Some(measure)) = (row.first(), row.get(3), row.get(4)) else {
            panic!("short row {row:?}");
        };
        let Some(loaded) = rules.get(id) else {
            missing.push(id.clone());
            continue;
        };
        let unit = unit.split_whitespace().next().unwrap_or("");
        assert_eq!(loaded.target.unit.get_ref(), unit, "unit of `{id}`");
        assert_eq!(loaded.target.measure.as_str(), measure, "measure of `{id}`");
    }
    assert!(missing.is_empty(), "no rule for: {missing:?}");
}

#[test]
fn readme_table_of_targets_matches_the_rules() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md must exist");
    let table = id_table(&readme).expect("README.md has no table of targets (`| id | …`)");
    let listed: BTreeSet<String> = table.iter().filter_map(|r| r.first().cloned()).collect();
    assert_eq!(listed, default_ids());
}

/// Needs the extraction engine: every default example must behave.
#[test]
fn default_rules_pass_rules_check_with_warnings_as_errors() {
    let (stdout, stderr, code) = luoshi(&["rules", "check", "--warnings-as-errors"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// The fields a table of the schema accepts, as serde lists them for an unknown one.
fn fields_of(toml: &str) -> Vec<String> {
    let err = match RuleSet::from_text(Path::new("probe.toml"), toml) {
        Ok(_) => panic!("probe parsed: {toml}"),
        Err(e) => e.message,
    };
    // The fields of `[wording]` are the names of its word lists.
    let allowed = ["allowed fields: ", "allowed word lists: "]
        .iter()
        .find_map(|marker| err.split(marker).nth(1))
        .unwrap_or("");
    let fields: Vec<String> = allowed
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert!(!fields.is_empty(), "no field list in: {err}");
    fields
}

#[test]
fn docs_describe_every_field_of_the_schema() {
    let docs = repo_file("docs/rules.md");
    let probes = [
        "zz_probe = 1",
        "[[target]]\nzz_probe = 1",
        "[[target]]\ncontext_terms = [{ zz_probe = 1 }]",
        "[[target]]\nscopes = [{ zz_probe = 1 }]",
        "[[target]]\nexamples = [{ zz_probe = 1 }]",
        "[[variant]]\nzz_probe = 1",
        "[[scope]]\nzz_probe = 1",
        "[[title]]\nzz_probe = 1",
        "[[title]]\nexamples = [{ zz_probe = 1 }]",
        "[[date]]\nzz_probe = 1",
        "[[date]]\nexamples = [{ zz_probe = 1 }]",
        "[[heading]]\nzz_probe = 1",
        "[[heading]]\nexamples = [{ zz_probe = 1 }]",
        "[[period]]\nzz_probe = 1",
        "[[period]]\nexamples = [{ zz_probe = 1 }]",
        "[wording]\nzz_probe = 1",
        "[wording.plan_cues]\nzz_probe = 1",
    ];
    let undocumented: Vec<String> = probes
        .iter()
        .flat_map(|p| fields_of(p))
        .filter(|f| !docs.contains(&format!("`{f}`")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "not in docs/rules.md: {undocumented:?}"
    );
}

#[test]
fn docs_list_every_canonical_unit() {
    let docs = repo_file("docs/rules.md");
    let missing: Vec<&str> = luoshi::unit::canonical_units()
        .into_iter()
        .filter(|u| !docs.contains(&format!("`{u}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "canonical units not in docs/rules.md: {missing:?}"
    );
}

/// Marks the documented addition to the walk-through's rule file: it names
/// the walk-through's target in `stock_of`, so it loads together with it.
const COMPANION: &str = "<!-- walkthrough:companion -->\n";

#[test]
fn whole_rule_files_in_the_docs_load() {
    let docs = repo_file("docs/rules.md");
    let chunks: Vec<&str> = docs.split("```toml\n").collect();
    let mut blocks: Vec<(bool, &str)> = Vec::new();
    for pair in chunks.windows(2) {
        let [before, chunk] = pair else { continue };
        let Some(block) = chunk.split("```").next() else {
            continue;
        };
        if ["[[target]]", "[[variant]]", "[[scope]]"]
            .iter()
            .any(|h| block.starts_with(h))
        {
            blocks.push((before.ends_with(COMPANION), block));
        }
    }
    assert!(blocks.len() >= 5, "expected the documented rule files");
    let walkthrough = docs
        .split_once("<!-- walkthrough:rule -->\n```toml\n")
        .and_then(|(_, rest)| rest.split("```").next())
        .unwrap_or_else(|| panic!("docs/rules.md lost the walk-through rule"));
    assert!(blocks.iter().any(|(companion, _)| *companion));
    for (companion, block) in blocks {
        let text = if companion {
            format!("{walkthrough}\n{block}")
        } else {
            block.to_owned()
        };
        if let Err(e) = RuleSet::from_text(Path::new("docs/rules.md"), &text) {
            panic!("{e}\n{text}");
        }
    }
}
