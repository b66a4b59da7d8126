//! Odd input and odd destinations: `-o` onto devices, pipes, links and the
//! run's own inputs, interrupted runs, scoring with nothing to score, and
//! paths of every kind. Devices are made with `mknod` inside a temporary
//! folder, never the machine's own; cases that need root say so when skipped.

#![allow(clippy::print_stderr)] // a skipped case says why

use assert_cmd::Command;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

const REPORT: &str = "baiyun-2021-h1.txt";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn luoshi(args: &[&str]) -> Run {
    // Wide enough that no table cell is cut to fit a terminal.
    let out = Command::cargo_bin("luoshi")
        .unwrap()
        .env("COLUMNS", "1000")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

fn report() -> PathBuf {
    fixture("reports").join(REPORT)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Temporary files left in `dir`.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

fn extract_tsv(path: &Path) -> String {
    luoshi(&["extract", "-q", "--format", "tsv", s(path)]).stdout
}

/// A character device node `name` in `dir` (major, minor), or why it could
/// not be made or opened here (printed, and the test skipped).
fn device(dir: &Path, name: &str, major: u32, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = std::process::Command::new("mknod")
        .arg(&path)
        .arg("c")
        .arg(major.to_string())
        .arg(minor.to_string())
        .output();
    match made {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            eprintln!(
                "skipped: mknod needs root here: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return None;
        }
        Err(e) => {
            eprintln!("skipped: no mknod: {e}");
            return None;
        }
    }
    if let Err(e) = fs::OpenOptions::new().write(true).open(&path) {
        eprintln!("skipped: device nodes cannot be opened here: {e}");
        return None;
    }
    Some(path)
}

fn is_char_device(path: &Path) -> bool {
    fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_char_device()
}

// ---- -o ----

#[test]
fn output_to_a_null_device_writes_through_and_keeps_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let Some(null) = device(dir.path(), "null", 1, 3) else {
        return;
    };
    let run = luoshi(&["extract", "-q", "-o", s(&null), s(&report())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(is_char_device(&null), "the device was replaced");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn output_to_a_full_device_fails_and_keeps_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let Some(full) = device(dir.path(), "full", 1, 7) else {
        return;
    };
    let run = luoshi(&["extract", "-q", "-o", s(&full), s(&report())]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write output"), "{}", run.stderr);
    assert!(is_char_device(&full), "the device was replaced");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn output_to_a_named_pipe_writes_through_to_its_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let run = luoshi(&[
        "extract",
        "-q",
        "--format",
        "tsv",
        "-o",
        s(&fifo),
        s(&report()),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Checked first: were the pipe replaced, its reader would wait forever.
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let got = reader.join().unwrap();
    assert_eq!(got, extract_tsv(&report()));
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn output_through_a_link_replaces_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("real");
    fs::create_dir(&sub).unwrap();
    let target = sub.join("out.tsv");
    fs::write(&target, "old\n").unwrap();
    let link = dir.path().join("link.tsv");
    std::os::unix::fs::symlink("real/out.tsv", &link).unwrap();
    let run = luoshi(&[
        "extract",
        "-q",
        "--format",
        "tsv",
        "-o",
        s(&link),
        s(&report()),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(fs::read_to_string(&target).unwrap(), extract_tsv(&report()));
    assert!(leftovers(dir.path()).is_empty() && leftovers(&sub).is_empty());
}

#[test]
fn output_keeps_the_mode_of_the_file_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("private.tsv");
    fs::write(&dest, "old\n").unwrap();
    fs::set_permissions(&dest, fs::Permissions::from_mode(0o600)).unwrap();
    let run = luoshi(&["extract", "-q", "-o", s(&dest), s(&report())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::metadata(&dest).unwrap().mode() & 0o7777, 0o600);
    assert_ne!(fs::read_to_string(&dest).unwrap(), "old\n");
}

#[test]
fn output_onto_a_hard_linked_file_replaces_this_name_only() {
    // Documented choice (docs/security.md): the replacement stays atomic, so
    // the other names of the file keep the old content.
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out.tsv");
    let other = dir.path().join("other.tsv");
    fs::write(&dest, "old\n").unwrap();
    fs::hard_link(&dest, &other).unwrap();
    let run = luoshi(&[
        "extract",
        "-q",
        "--format",
        "tsv",
        "-o",
        s(&dest),
        s(&report()),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(fs::read_to_string(&dest).unwrap(), extract_tsv(&report()));
    assert_eq!(fs::read_to_string(&other).unwrap(), "old\n");
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(REPORT);
    fs::copy(report(), &input).unwrap();
    let before = fs::read(&input).unwrap();
    for args in [
        vec!["extract", "-o", s(&input), s(&input)],
        vec!["extract", "-o", s(&input), s(dir.path())],
        vec!["track", "-o", s(&input), s(dir.path())],
        vec!["docs", "-o", s(&input), s(dir.path())],
    ] {
        let run = luoshi(&args);
        assert_eq!(run.code, 64, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("would overwrite the input"),
            "{}",
            run.stderr
        );
        assert_eq!(fs::read(&input).unwrap(), before);
    }
    let gold = dir.path().join("gold.tsv");
    fs::copy(fixture("corpus-wide/statements.tsv"), &gold).unwrap();
    let run = luoshi(&["eval", "--gold", s(&gold), "-o", s(&gold), s(dir.path())]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    // Through a link to the input, too.
    let link = dir.path().join("link.out");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let run = luoshi(&["extract", "-o", s(&link), s(&input)]);
    assert_eq!(run.code, 64, "{}", run.stderr);
    assert_eq!(fs::read(&input).unwrap(), before);
}

#[test]
fn a_planted_link_at_a_temporary_name_is_never_written_through() {
    // The temporary name is random and created exclusively: a link planted
    // at the old predictable name (`.NAME.PID.tmp`) is left alone, whatever
    // the pid turns out to be.
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious\n").unwrap();
    let dest = dir.path().join("out.tsv");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("luoshi"))
        .args(["extract", "-q", "-o", s(&dest), s(&report())])
        .spawn()
        .unwrap();
    let planted = dir.path().join(format!(".out.tsv.{}.tmp", child.id()));
    // Racing the child: the link may be planted before or after it opens its
    // file; either way the victim must be untouched.
    let _ = std::os::unix::fs::symlink(&victim, &planted);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious\n");
    assert!(fs::symlink_metadata(&planted).unwrap().is_symlink());
}

#[test]
fn a_signal_removes_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let text = fs::read(report()).unwrap();
    // Long enough that the run is still going when the signal comes.
    for i in 0..600 {
        fs::write(corpus.join(format!("r{i:03}.txt")), &text).unwrap();
    }
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let dest = dir.path().join("out.tsv");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("luoshi"))
            .args(["extract", "-q", "-o", s(&dest), s(&corpus)])
            .spawn()
            .unwrap();
        let seen = (0..2000).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(5));
            !leftovers(dir.path()).is_empty()
        });
        assert!(seen, "no temporary file appeared");
        let sent = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(128 + number), "SIG{signal}");
        assert!(leftovers(dir.path()).is_empty(), "SIG{signal}");
        assert!(!dest.exists(), "SIG{signal}");
    }
}

// ---- eval and explain ----

#[test]
fn eval_with_no_gold_document_among_the_inputs_fails() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("unknown-2024-annual.txt");
    fs::copy(report(), &input).unwrap();
    let gold = fixture("corpus-wide/statements.tsv");
    let run = luoshi(&["eval", "--gold", s(&gold), s(&input)]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("no document"), "{}", run.stderr);
}

#[test]
fn explain_link_reads_every_path_after_in() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    fs::create_dir(&a).unwrap();
    fs::create_dir(&b).unwrap();
    fs::copy(
        fixture("reports/baiyun-2021-h1.txt"),
        a.join("baiyun-2021-h1.txt"),
    )
    .unwrap();
    fs::copy(
        fixture("reports/baiyun-2025-h1.txt"),
        b.join("baiyun-2025-h1.txt"),
    )
    .unwrap();
    let args = |paths: &[&Path]| {
        let mut v = vec![
            "explain".to_owned(),
            "--link".into(),
            "--district".into(),
            // 白云区 alone is also a district of 贵阳市.
            "广州市白云区".into(),
            "--target".into(),
            "gdp_growth".into(),
            "--year".into(),
            "2025".into(),
            "--in".into(),
        ];
        v.extend(paths.iter().map(|p| s(p).to_owned()));
        v
    };
    let run_of = |v: Vec<String>| {
        let refs: Vec<&str> = v.iter().map(String::as_str).collect();
        luoshi(&refs)
    };
    let both = run_of(args(&[&a, &b]));
    let only_a = run_of(args(&[&a]));
    let together = run_of(args(&[dir.path()]));
    assert_eq!(both.code, 0, "{}", both.stderr);
    assert_eq!(both.stdout, together.stdout);
    assert_ne!(both.stdout, only_a.stdout, "only the first path was read");
    assert!(both.stdout.contains("baiyun-2025-h1"), "{}", both.stdout);
}

// ---- text echoed into outputs ----

/// A report whose statements start with spreadsheet formulas and hold a
/// terminal escape, bidi controls and HTML.
const HOSTILE: &str = "广州市白云区2024年政府工作报告\n一、2023年工作回顾\n\
    =1+2 新增中小学学位5200个\u{202e}反转\u{1b}[2J\u{7}\u{9b}。\n\
    二、2024年工作安排\n\
    @SUM 力争新增中小学学位6000个\u{2066}<img src=x onerror=alert(1)>。\n";

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("-cmd.txt"), HOSTILE).unwrap();
    dir
}

fn run_format(dir: &Path, format: &str) -> String {
    let run = luoshi(&["extract", "-q", "--format", format, s(dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn no_controls(out: &str) -> bool {
    !out.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn csv_neutralises_formulas_and_drops_control_and_bidi_characters() {
    let dir = hostile_dir();
    let out = run_format(dir.path(), "csv");
    assert!(no_controls(&out), "{out:?}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2, "{out}");
    for r in &records {
        assert_eq!(&r[col("doc")], "'-cmd");
        assert!(r[col("quote")].starts_with("'=") || r[col("quote")].starts_with("'@"));
        assert!(r[col("value")].parse::<f64>().is_ok());
    }
    let track = luoshi(&["track", "-q", "--format", "csv", s(dir.path())]);
    assert!(no_controls(&track.stdout), "{:?}", track.stdout);
    assert!(!track.stdout.contains(",=") && !track.stdout.contains(",@"));
}

#[test]
fn tsv_neutralises_formulas_and_drops_control_and_bidi_characters() {
    let dir = hostile_dir();
    let out = run_format(dir.path(), "tsv");
    assert!(no_controls(&out), "{out:?}");
    for line in out.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 10, "{line}");
        assert_eq!(fields[0], "'-cmd");
        assert!(fields[9].starts_with('\''), "{line}");
    }
}

#[test]
fn markdown_shows_html_as_text_and_the_table_drops_bidi_controls() {
    let dir = hostile_dir();
    let md = run_format(dir.path(), "markdown");
    assert!(no_controls(&md), "{md:?}");
    assert!(!md.contains("<img"), "{md}");
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "{md}");
    let table = run_format(dir.path(), "table");
    assert!(no_controls(&table), "{table:?}");
    let json = run_format(dir.path(), "json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let quotes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["quote"].as_str().unwrap())
        .collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.contains('\u{202e}') && q.contains('\u{1b}')),
        "JSON is exact: {quotes:?}"
    );
}

/// Cell separators of a Markdown row: pipes not escaped by a backslash.
fn cells(row: &str) -> usize {
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
}

#[test]
fn markdown_rows_keep_their_columns_whatever_backslashes_and_pipes_the_text_has() {
    // A backslash before a pipe (found by the `formats` fuzz target, whose
    // first count of escaped pipes took `\\\|` for a cell separator).
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a\\|b.txt"),
        "广州市白云区2024年政府工作报告\n二、2024年工作安排\n\
         \\|力争新增中小学学位6000个\\\\|\\。\n",
    )
    .unwrap();
    let md = run_format(dir.path(), "markdown");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 3, "{md}");
    assert!(
        rows[2].contains("\\\\\\|"),
        "the backslash and the pipe are both escaped: {md}"
    );
    for row in &rows {
        assert_eq!(cells(row), cells(rows[0]), "{row}");
    }
}

#[test]
fn reports_sharing_a_stem_get_folder_qualified_ids() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["a", "b"] {
        fs::create_dir(dir.path().join(folder)).unwrap();
        // Different bytes: files of the same content are read once.
        let mut text = fs::read_to_string(report()).unwrap();
        text.push_str(&format!("\n{folder}\n"));
        fs::write(dir.path().join(folder).join("r.txt"), text).unwrap();
    }
    let out = run_format(dir.path(), "tsv");
    let docs: std::collections::BTreeSet<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(docs.into_iter().collect::<Vec<_>>(), ["a/r", "b/r"]);
}

#[test]
fn a_file_name_that_is_not_utf8_is_written_losslessly() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"r\xff.txt");
    if fs::copy(report(), dir.path().join(name)).is_err() {
        eprintln!("skipped: this file system refuses names that are not UTF-8");
        return;
    }
    let json = run_format(dir.path(), "json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &json[0];
    assert_eq!(first["doc"], "r\\xff");
    assert!(first["path"].as_str().unwrap().ends_with("r\\xff.txt"));
    assert!(!json.to_string().contains('\u{fffd}'));
}

#[test]
fn hidden_html_is_not_read_as_report_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("page.html"),
        "<html><body><p>广州市白云区2024年政府工作报告</p><p>二、2024年工作安排</p>\
         <p>力争新增中小学学位6000个。</p>\
         <div style=\"display:none\"><p>力争新增中小学学位9000个。</p></div>\
         <p hidden>力争新增中小学学位8000个。</p>\
         <object data=\"x\"><p>力争新增中小学学位7000个。</p></object>\
         <xmp>力争新增中小学学位3000个。</xmp></body></html>",
    )
    .unwrap();
    let out = run_format(dir.path(), "tsv");
    assert!(out.contains("\t6000\t"), "{out}");
    for hidden in ["9000", "8000", "7000", "3000"] {
        assert!(!out.contains(hidden), "{hidden}: {out}");
    }
}

// ---- rule files ----

#[test]
fn a_rule_file_in_a_subfolder_or_on_a_device_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir_all(rules.join("old")).unwrap();
    fs::write(rules.join("old/extra.toml"), "").unwrap();
    let run = luoshi(&["extract", "--rules", s(&rules), s(&report())]);
    assert_eq!(run.code, 78, "{}", run.stderr);
    assert!(run.stderr.contains("old"), "{}", run.stderr);
    fs::remove_dir_all(rules.join("old")).unwrap();
    let fifo = rules.join("pipe.toml");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let run = luoshi(&["extract", "--rules", s(&rules), s(&report())]);
    assert_eq!(run.code, 78, "{}", run.stderr);
    assert!(run.stderr.contains("pipe.toml"), "{}", run.stderr);
}

// ---- input files ----

/// Runs luoshi, killing it (and failing) if it has not ended in `secs`: the
/// cases below used to hang.
fn luoshi_within(args: &[&str], secs: u64) -> Run {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("luoshi"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() >= secs {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("luoshi {args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

#[test]
fn fifos_sockets_and_devices_among_reports_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::copy(report(), corpus.join(REPORT)).unwrap();
    mkfifo(&corpus.join("fifo.txt"));
    let _socket = std::os::unix::net::UnixListener::bind(corpus.join("socket.txt")).unwrap();
    let mut skipped = vec!["fifo.txt", "socket.txt"];
    // A link named like a report that leads to an endless device.
    if let Some(zero) = device(dir.path(), "zero", 1, 5) {
        std::os::unix::fs::symlink(&zero, corpus.join("zero.txt")).unwrap();
        skipped.push("zero.txt");
    }
    let run = luoshi_within(&["extract", "--format", "tsv", s(&corpus)], 120);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, extract_tsv(&report()), "{}", run.stderr);
    for name in &skipped {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(name) && l.contains("skipped")),
            "{name}: {}",
            run.stderr
        );
    }
    // Named directly, and as the gold file, too.
    let fifo = corpus.join("fifo.txt");
    let run = luoshi_within(&["extract", s(&fifo)], 120);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("named pipe"), "{}", run.stderr);
    let run = luoshi_within(&["eval", "--gold", s(&fifo), s(&report())], 120);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("fifo.txt"), "{}", run.stderr);
}

#[test]
fn a_folder_past_path_max_is_one_named_skipped_entry() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(report(), dir.path().join(REPORT)).unwrap();
    // Twenty levels of 250 characters: past PATH_MAX (4096) from the top.
    let level = "d".repeat(250);
    let script = format!(
        "cd \"$0\" && for i in $(seq 20); do mkdir {level} && cd -P {level} || exit 1; done; echo x > deep.txt"
    );
    let made = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(made.success());
    let run = luoshi_within(&["extract", "--format", "tsv", s(dir.path())], 120);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, extract_tsv(&report()));
    let named = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("luoshi: skipped"))
        .count();
    assert_eq!(named, 1, "{}", run.stderr);
}

#[test]
fn a_link_to_a_folder_above_is_not_walked_in_a_loop() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("a/b");
    fs::create_dir_all(&inner).unwrap();
    fs::copy(report(), inner.join(REPORT)).unwrap();
    std::os::unix::fs::symlink(dir.path(), inner.join("up")).unwrap();
    std::os::unix::fs::symlink("..", inner.join("parent")).unwrap();
    let run = luoshi_within(&["extract", "--format", "tsv", s(dir.path())], 120);
    assert_eq!(run.stdout, extract_tsv(&report()), "{}", run.stderr);
}

#[test]
fn output_onto_a_folder_is_an_error_naming_it_and_the_folder_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("out.tsv");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("keep.txt"), "kept").unwrap();
    let run = luoshi(&["extract", "-q", "-o", s(&folder), s(&report())]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("out.tsv"), "{}", run.stderr);
    assert!(folder.is_dir());
    assert_eq!(fs::read_to_string(folder.join("keep.txt")).unwrap(), "kept");
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn an_unreadable_folder_is_one_named_skipped_entry() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(report(), dir.path().join(REPORT)).unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::copy(report(), locked.join("other.txt")).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running as root, chmod 000 does not stop reading");
        return;
    }
    let run = luoshi_within(&["extract", "--format", "tsv", s(dir.path())], 120);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, extract_tsv(&report()));
    assert!(run.stderr.contains("locked"), "{}", run.stderr);
}

// ---- line ends ----

#[test]
fn every_kind_of_line_end_reads_the_same_statements() {
    let text = fs::read_to_string(fixture("reports/panyu-2024-annual.txt")).unwrap();
    let expected = extract_tsv(&fixture("reports/panyu-2024-annual.txt"));
    assert!(expected.lines().count() > 10, "{expected}");
    for end in ["\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("panyu-2024-annual.txt");
        fs::write(&path, text.replace('\n', end)).unwrap();
        assert_eq!(extract_tsv(&path), expected, "line end {end:?}");
    }
}

// ---- numbers ----

#[test]
fn overflowing_and_malformed_magnitudes_are_no_values() {
    use luoshi::quantity::scan;
    let values = |text: &str| -> Vec<f64> { scan(text).iter().map(|q| q.value).collect() };
    let forty = format!("投资40{}元", "亿".repeat(40));
    assert!(
        values(&forty).iter().all(|v| v.is_finite() && *v < 1e30),
        "{:?}",
        values(&forty)
    );
    for malformed in [
        "新增9万万个",
        "新增9万万万个",
        "新增.5个",
        "新增3万—5个",
        "三百千个",
    ] {
        assert_eq!(values(malformed), Vec::<f64>::new(), "{malformed}");
    }
    // Still numbers: 千万, 万亿, 三千五百, a range running forwards.
    assert_eq!(values("新增2千万个"), [2e7]);
    assert_eq!(values("新增三千五百个"), [3500.0]);
    assert_eq!(values("新增一亿二千万个"), [1.2e8]);
    assert_eq!(scan("新增3—5万个")[0].upper, Some(5e4));
}

#[test]
fn the_unicode_minus_is_a_minus_and_values_keep_their_digits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    fs::write(
        &path,
        "广州市白云区2024年政府工作报告\n一、2023年工作回顾\n\
         全区地区生产总值增长−3.2%。\n新增中小学学位1234.5678912个。\n",
    )
    .unwrap();
    let tsv = extract_tsv(&path);
    let values: Vec<&str> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(5).unwrap())
        .collect();
    assert!(values.contains(&"-3.2"), "{tsv}");
    assert!(values.contains(&"1234.5678912"), "{tsv}");
    let csv = luoshi(&["extract", "-q", "--format", "csv", s(&path)]).stdout;
    assert!(csv.contains(",1234.5678912,"), "{csv}");
}

// ---- bounded cost ----

#[test]
fn a_statement_at_a_cut_of_an_endless_sentence_is_found_with_a_short_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    // No sentence or clause mark for 12 000 bytes: the sentence is cut near
    // 4096 bytes, across the statement.
    let filler = |n: usize| "的".repeat(n);
    let text = format!(
        "广州市白云区2024年政府工作报告\n二、2024年工作安排\n{}力争新增中小学学位5200个{}\n",
        filler(1360),
        filler(2600)
    );
    fs::write(&path, text).unwrap();
    let tsv = extract_tsv(&path);
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 1, "{tsv}");
    assert_eq!(rows[0][5], "5200");
    assert!(rows[0][9].chars().count() <= 120, "{}", rows[0][9]);
}

// ---- rule loading ----

#[test]
fn a_variant_that_multiplies_text_is_a_bad_rule_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("v.toml"),
        format!(
            "[[variant]]\nfrom = \"的\"\nto = \"{}\"\n",
            "的".repeat(1000)
        ),
    )
    .unwrap();
    let run = luoshi(&["extract", "--rules", s(dir.path()), s(&report())]);
    assert_eq!(run.code, 78, "{}", run.stderr);
    assert!(run.stderr.contains("v.toml:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("at most 4 times"), "{}", run.stderr);
}
