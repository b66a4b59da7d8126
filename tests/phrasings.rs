//! Reports written in the genre's wording, each with the statements a reader
//! would take from it beside it (`NAME.tsv`, checked by hand, in the columns
//! of the annotation format). They hold the distractors real reports carry:
//! a part's growth after 其中, the city's rate quoted for comparison, lifetime
//! investment totals, land-transfer revenue, upgrades of greenways, targets
//! for a later year.

use assert_cmd::Command;
use std::path::Path;

#[test]
fn every_phrasing_fixture_gives_exactly_its_statements() {
    let dir = Path::new("fixtures/phrasings");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let expected = std::fs::read_to_string(path.with_extension("tsv"))
            .unwrap_or_else(|e| panic!("{}: no expected statements: {e}", path.display()));
        let out = Command::cargo_bin("luoshi")
            .unwrap()
            .args(["extract", "--format", "tsv", "-q"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let found = String::from_utf8(out.stdout).unwrap();
        assert_eq!(found, expected, "{}", path.display());
        checked += 1;
    }
    assert!(checked > 0, "no fixture in {}", dir.display());
}
