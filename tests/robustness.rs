//! Whole-run behaviour of `luoshi extract` on bad input: bad files among good
//! ones are named and skipped while the rest are read, output keeps input
//! order across parallel batches, `-o` never leaves a half-written file, and
//! document text is escaped for every output format.

#[path = "robustness/escaping.rs"]
mod escaping;

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: [&str; 2] = ["baiyun-2021-h1.txt", "panyu-2024-annual.txt"];

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn luoshi(args: &[&str]) -> Run {
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reports")
        .join(name)
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Rows of TSV output without the header.
fn rows(tsv: &str) -> Vec<&str> {
    tsv.lines().skip(1).collect()
}

#[test]
fn bad_files_among_good_ones_are_named_and_skipped_and_the_rest_extracted() {
    let dir = tempfile::tempdir().unwrap();
    for name in GOOD {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let binary = dir.path().join("a-binary.txt");
    fs::write(&binary, [0x7f, b'E', b'L', b'F', 0, 0, 0xff, 0x80, 0, 1, 2]).unwrap();
    let empty = dir.path().join("b-empty.txt");
    fs::write(&empty, b"").unwrap();
    // Sparse: one byte over the limit without writing 64 MB.
    let huge = dir.path().join("c-huge.txt");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(file);
    let undecodable = dir.path().join("d-undecodable.txt");
    fs::write(&undecodable, [0xffu8; 300]).unwrap();
    let dangling = dir.path().join("e-dangling.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();

    let run = luoshi(&["extract", "--format", "tsv", s(dir.path())]);

    assert_eq!(run.code, 2, "{}", run.stderr);
    let mut bad = vec![&binary, &empty, &huge, &undecodable];
    if cfg!(unix) {
        bad.push(&dangling);
    }
    for path in &bad {
        let prefix = format!("luoshi: skipped {}: ", path.display());
        assert_eq!(
            run.stderr
                .lines()
                .filter(|l| l.starts_with(&prefix))
                .count(),
            1,
            "{prefix} in\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("the limit is 67108864"),
        "{}",
        run.stderr
    );
    let mut expected = Vec::new();
    for name in GOOD {
        let alone = luoshi(&["extract", "--format", "tsv", "-q", s(&fixture(name))]);
        assert_eq!(alone.code, 0, "{}", alone.stderr);
        expected.extend(rows(&alone.stdout).into_iter().map(str::to_owned));
    }
    assert!(!expected.is_empty());
    assert_eq!(rows(&run.stdout), expected);
    let last = run.stderr.lines().last().unwrap();
    // The skipped files are counted by kind: `5 skipped (1 binary, 1 empty, …)`.
    let (head, tail) = last.split_once(" skipped (").unwrap_or_default();
    assert_eq!(
        head,
        format!("luoshi: 2 files read, {}", bad.len()),
        "{last}"
    );
    assert!(
        tail.ends_with(&format!("), {} statements", expected.len())),
        "{last}"
    );
}

#[test]
fn quiet_drops_the_count_line_but_not_the_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture(GOOD[0]), dir.path().join(GOOD[0])).unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let run = luoshi(&["extract", "-q", s(dir.path())]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("empty.txt"), "{}", run.stderr);
}

#[test]
fn a_clean_run_exits_zero_and_counts_files_and_statements() {
    let run = luoshi(&["extract", "--format", "tsv", s(&fixture(GOOD[0]))]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let n = rows(&run.stdout).len();
    assert!(n > 0);
    assert_eq!(
        run.stderr.trim_end(),
        format!("luoshi: 1 files read, 0 skipped, {n} statements")
    );
}

#[test]
fn output_follows_input_order_across_parallel_batches() {
    // More files than one batch holds on any machine this runs on, under
    // names whose sorted order differs from the order they were written in.
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read(fixture(GOOD[0])).unwrap();
    let names: Vec<String> = (0..41).map(|i| format!("r{:02}", (i * 17) % 41)).collect();
    for name in &names {
        fs::write(dir.path().join(format!("{name}.txt")), &text).unwrap();
    }
    let alone = luoshi(&["extract", "--format", "tsv", "-q", s(&fixture(GOOD[0]))]);
    let one = rows(&alone.stdout);
    assert!(!one.is_empty());

    let run = luoshi(&["extract", "--format", "tsv", "-q", s(dir.path())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut sorted = names.clone();
    sorted.sort();
    let expected: Vec<String> = sorted
        .iter()
        .flat_map(|name| {
            one.iter()
                .map(move |row| row.replacen("baiyun-2021-h1", name, 1))
        })
        .collect();
    assert_eq!(rows(&run.stdout), expected);
}

#[test]
fn json_output_is_one_array_of_every_statement() {
    let dir = tempfile::tempdir().unwrap();
    for name in GOOD {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let tsv = luoshi(&["extract", "--format", "tsv", "-q", s(dir.path())]);
    let run = luoshi(&["extract", "--format", "json", "-q", s(dir.path())]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let array = json.as_array().unwrap();
    assert_eq!(array.len(), rows(&tsv.stdout).len());
    assert_eq!(array[0]["doc"], "baiyun-2021-h1");
    assert_eq!(array[array.len() - 1]["doc"], "panyu-2024-annual");

    let plain = dir.path().join("plain.txt");
    fs::write(&plain, "本报告没有任何数字。\n").unwrap();
    let none = luoshi(&["extract", "--format", "json", "-q", s(&plain)]);
    assert_eq!(none.code, 0, "{}", none.stderr);
    assert_eq!(none.stdout, "[]\n");
}

/// Temporary files `-o` left in a folder.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn output_file_is_written_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out.tsv");
    let run = luoshi(&[
        "extract",
        "--format",
        "tsv",
        "-o",
        s(&dest),
        s(&fixture(GOOD[0])),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let to_stdout = luoshi(&["extract", "--format", "tsv", "-q", s(&fixture(GOOD[0]))]);
    assert_eq!(fs::read_to_string(&dest).unwrap(), to_stdout.stdout);
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_write_error_mid_run_leaves_neither_the_file_nor_a_temporary_one() {
    // The shell limits files it starts to 1 KiB and ignores SIGXFSZ, so the
    // first buffered write past that fails with EFBIG in the middle of the run.
    let dir = tempfile::tempdir().unwrap();
    for name in GOOD {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let dest = dir.path().join("out.json");
    fs::write(&dest, "earlier result\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("luoshi");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; exec \"$0\" extract --format json -o \"$1\" \"$2\"")
        .arg(&bin)
        .arg(&dest)
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write output"), "{stderr}");
    assert_eq!(fs::read_to_string(&dest).unwrap(), "earlier result\n");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn output_to_a_folder_fails_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("taken");
    fs::create_dir(&dest).unwrap();
    let run = luoshi(&["extract", "-o", s(&dest), s(&fixture(GOOD[0]))]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(dest.is_dir());
    assert!(leftovers(dir.path()).is_empty());
}
