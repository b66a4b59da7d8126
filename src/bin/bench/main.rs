//! `bench`: how fast luoshi reads a national-scale corpus. Builds a corpus
//! from the bundled reports (see `corpus`), times each stage on one thread
//! over a sample (see `stages`), then runs `luoshi extract` (and `track`,
//! when it is available) end to end over the whole corpus in a child process
//! on every core, reporting MB/s and the child's peak resident memory.
//! Reading PDF, .docx and hard-wrapped copies is timed apart (see `formats`).
//! The end-to-end runs are set against `bench/growth.py` and `grep -c` over
//! the same files (see `baseline`), on the bundled mix and on a corpus built
//! from the wide corpora (`fixtures/corpus-*`); `--quick` runs only those.
//!
//! `cargo run --release --example bench -- --mb 500` (see docs/performance.md).

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod baseline;
mod corpus;
mod formats;
mod linking;
mod script_check;
mod stages;
mod worst;

use clap::Parser;
use luoshi::extract::Extractor;
use luoshi::rule_set::RuleSet;
use stages::mb_per_s;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

#[derive(Debug, Parser)]
#[command(about = "Benchmark luoshi on a corpus built from the bundled reports")]
struct Args {
    /// Size of the corpus to build, in MB.
    #[arg(long, default_value_t = 100)]
    mb: u64,
    /// Bytes of the corpus the single-threaded stage timings read, in MB.
    #[arg(long, default_value_t = 20)]
    stage_mb: u64,
    /// Times each stage this many times and keeps the fastest.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Build the corpus in DIR and keep it (reused when it already has files).
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Reports to copy.
    #[arg(long, value_name = "DIR", default_value = "fixtures/reports")]
    fixtures: PathBuf,
    /// Size of the worst-case report (no sentence or clause marks), in MB;
    /// 0 skips it.
    #[arg(long, default_value_t = 60)]
    worst_mb: u64,
    /// The reports as PDF, .docx and hard-wrapped text, timed apart.
    #[arg(long, value_name = "DIR", default_value = "fixtures/formats")]
    formats: PathBuf,
    /// Only time reading the formats (no corpus, no end-to-end runs).
    #[arg(long)]
    formats_only: bool,
    /// Only the end-to-end runs of `extract` and `track` and the baselines
    /// (no stage timings, formats, linking, page, database or worst case).
    #[arg(long)]
    quick: bool,
    /// Folders of varied reports a second corpus is copied from.
    #[arg(
        long,
        value_name = "DIR",
        num_args = 1..,
        default_values = ["fixtures/corpus-wide", "fixtures/corpus-provinces", "fixtures/corpus-old"]
    )]
    wide: Vec<PathBuf>,
    /// Size of the corpus copied from `--wide`, in MB; 0 skips it.
    #[arg(long, default_value_t = 100)]
    wide_mb: u64,
    /// Runs each end-to-end command and baseline this many times, keeping the fastest.
    #[arg(long, default_value_t = 2)]
    best_of: usize,
    /// The Python baseline (five growth targets, one regular expression each).
    #[arg(long, value_name = "FILE", default_value = "bench/growth.py")]
    python: PathBuf,
    /// Internal: run a luoshi command line and report peak memory.
    #[arg(long, hide = true, num_args = 1.., allow_hyphen_values = true)]
    child: Option<Vec<String>>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(command) = args.child {
        return child(command);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    if args.formats_only {
        let rules = RuleSet::load(None)?;
        let extractor = Extractor::new(&rules)?;
        machine();
        print_formats(args, extractor.normaliser());
        return Ok(());
    }
    let (dir, keep) = match &args.corpus {
        Some(dir) => (dir.clone(), true),
        None => (
            std::env::temp_dir().join(format!("luoshi-bench-{}", std::process::id())),
            false,
        ),
    };
    let (files, bytes) = if keep && dir.is_dir() && count(&dir)?.0 > 0 {
        count(&dir)?
    } else {
        let start = Instant::now();
        let c = corpus::build(
            std::slice::from_ref(&args.fixtures),
            &dir,
            args.mb * 1_000_000,
        )?;
        eprintln!(
            "bench: wrote {} files ({} GB18030, {} HTML), {:.1} MB in {:.1}s to {}",
            c.files,
            c.gb18030,
            c.html,
            c.bytes as f64 / 1e6,
            start.elapsed().as_secs_f64(),
            c.dir.display()
        );
        (c.files, c.bytes)
    };
    machine();
    println!("corpus: {files} files, {:.1} MB\n", bytes as f64 / 1e6);

    if !args.quick {
        in_process(args, &dir)?;
    }
    let corpus = dir.to_string_lossy().into_owned();
    println!(
        "end to end, every core, bundled mix, {:.1} MB:\n",
        bytes as f64 / 1e6
    );
    compare(args, &corpus, bytes)?;
    if !args.quick {
        outputs(&corpus, bytes)?;
    }
    if !keep {
        std::fs::remove_dir_all(&dir)?;
    }
    if args.wide_mb > 0 {
        wide(args)?;
    }
    if args.worst_mb > 0 && !args.quick {
        worst_case(args.worst_mb)?;
    }
    Ok(())
}

/// A corpus copied from the wide corpora: `extract` and `track` end to end
/// against the baselines.
fn wide(args: &Args) -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("luoshi-bench-wide-{}", std::process::id()));
    let c = corpus::build(&args.wide, &dir, args.wide_mb * 1_000_000)?;
    println!(
        "\nend to end, every core, {} files ({} GB18030, {} HTML), {:.1} MB copied from {}:\n",
        c.files,
        c.gb18030,
        c.html,
        c.bytes as f64 / 1e6,
        args.wide
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    compare(args, &dir.to_string_lossy(), c.bytes)?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// `extract` and `track` end to end over `corpus`, then the Python script
/// and `grep -c` over the same files, and the ratios the goals are set in.
fn compare(args: &Args, corpus: &str, bytes: u64) -> Result<(), Box<dyn std::error::Error>> {
    let mb = bytes as f64 / 1e6;
    let best = |f: &mut dyn FnMut() -> Option<f64>| {
        (0..args.best_of.max(1))
            .filter_map(|_| f())
            .min_by(f64::total_cmp)
    };
    println!("| command | seconds | MB/s | peak memory (MB) | exit |\n|---|---|---|---|---|");
    let mut extract = None;
    for (label, command) in [
        (
            "luoshi extract (tsv)",
            vec!["extract", "-q", "--format", "tsv", corpus],
        ),
        (
            "luoshi track (csv)",
            vec!["track", "-q", "--format", "csv", corpus],
        ),
    ] {
        let mut runs = Vec::new();
        for _ in 0..args.best_of.max(1) {
            runs.push(end_to_end(&command)?);
        }
        let Some(run) = runs
            .into_iter()
            .min_by(|a, b| a.seconds.total_cmp(&b.seconds))
        else {
            continue;
        };
        if command[0] == "extract" {
            extract = Some(run.seconds);
        }
        let peak = run
            .peak_kb
            .map_or("-".into(), |kb| format!("{:.1}", kb as f64 / 1024.0));
        println!(
            "| {label} | {:.2} | {:.1} | {peak} | {} |",
            run.seconds,
            mb / run.seconds,
            run.code
        );
    }
    let python = best(&mut || baseline::python(&args.python, corpus));
    let grep = best(&mut || baseline::grep(corpus));
    for (label, seconds) in [
        (format!("python3 {}", args.python.display()), python),
        ("grep -c 增长 -r".to_owned(), grep),
    ] {
        match seconds {
            Some(s) => println!("| {label} | {s:.2} | {:.1} | | |", mb / s),
            None => println!("| {label} | - | - | | not available |"),
        }
    }
    let Some(extract) = extract else {
        return Ok(());
    };
    let met = |ok: bool| if ok { "met" } else { "not met" };
    let rate = mb / extract;
    println!(
        "\n- extract: {rate:.1} MB/s (goal ≥ 150: {})",
        met(rate >= 150.0)
    );
    if let Some(p) = python {
        let ratio = p / extract;
        println!(
            "- extract is {ratio:.1}× as fast as the Python script (goal ≥ 20×: {})",
            met(ratio >= 20.0)
        );
    }
    if let Some(g) = grep {
        let ratio = extract / g;
        println!(
            "- extract takes {ratio:.1}× the time of grep -c (goal ≤ 15×: {})",
            met(ratio <= 15.0)
        );
    }
    println!("- load average: {}", load_average());
    Ok(())
}

/// The first three fields of /proc/loadavg.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// The one-thread measures over a sample held in memory: stages, formats,
/// linking, the report page and the database.
fn in_process(args: &Args, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let rules = RuleSet::load(None)?;
    let extractor = Extractor::new(&rules)?;
    let sample = read_sample(dir, args.stage_mb * 1_000_000)?;
    if let Some(check) = script_check::run(&sample) {
        println!(
            "script conversion against ferrous-opencc T2s: {} texts of the sample (UTF-8 files, as they are and in traditional script), {} differ{}\n",
            check.texts,
            check.differ.len(),
            if check.differ.is_empty() { String::new() } else { format!(": {}", check.differ.join(", ")) }
        );
    }
    let runs = (0..args.repeat.max(1))
        .map(|_| stages::time(&sample, extractor.normaliser(), &extractor))
        .collect();
    let (t, kinds) = stages::fastest(runs).ok_or("no stage timings")?;
    println!(
        "stages, one thread, {} files, {:.1} MB (MB/s of file bytes, best of {}):\n",
        t.files,
        t.bytes as f64 / 1e6,
        args.repeat.max(1)
    );
    println!(
        "| files | MB | decode (+ HTML text) | normalise | structure | extract | all stages |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, t) in std::iter::once(("all", &t)).chain(stages::KINDS.iter().copied().zip(&kinds)) {
        println!(
            "| {name} ({}) | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |",
            t.files,
            t.bytes as f64 / 1e6,
            mb_per_s(t.bytes, t.decode()),
            mb_per_s(t.bytes, t.normalise),
            mb_per_s(t.bytes, t.structure()),
            mb_per_s(t.bytes, t.extract),
            mb_per_s(t.bytes, t.all()),
        );
    }
    println!("\n{} statements in the sample\n", t.statements);

    print_formats(args, extractor.normaliser());

    let linkable = linking::Linkable::of(&sample, &extractor);
    let relations = luoshi::link::TargetRelations::of(&rules);
    println!("link, one thread, the sample's statements repeated under other district names:\n");
    println!("| statements | rows | seconds | MB/s of the sample's bytes |\n|---|---|---|---|");
    for times in [1, 4, 16] {
        let input = linkable.repeated(times);
        let (d, rows) = input.time(&relations);
        println!(
            "| {} | {rows} | {:.3} | {:.1} |",
            input.statements(),
            d.as_secs_f64(),
            mb_per_s(t.bytes * times as u64, d)
        );
    }
    println!();

    println!("report page and database, one thread, from the same statements (link included):\n");
    println!("| statements | rows | page seconds | page MB | µs per statement | database seconds | database MB | µs per statement |\n|---|---|---|---|---|---|---|---|");
    for times in [1, 4, 16] {
        let input = linkable.repeated(times);
        let o = input.time_outputs(&relations, &std::env::temp_dir())?;
        let n = input.statements().max(1) as f64;
        println!(
            "| {} | {} | {:.3} | {:.1} | {:.1} | {:.3} | {:.1} | {:.1} |",
            input.statements(),
            o.rows,
            o.page.as_secs_f64(),
            o.page_bytes as f64 / 1e6,
            o.page.as_secs_f64() * 1e6 / n,
            o.database.as_secs_f64(),
            o.database_bytes as f64 / 1e6,
            o.database.as_secs_f64() * 1e6 / n,
        );
    }
    println!();

    Ok(())
}

/// The report page and the database end to end over the corpus.
fn outputs(corpus: &str, bytes: u64) -> Result<(), Box<dyn std::error::Error>> {
    println!("\nreport page and database end to end, every core:\n");
    println!("| command | seconds | MB/s | peak memory (MB) | exit |\n|---|---|---|---|---|");

    let out_dir = std::env::temp_dir();
    let page = out_dir
        .join(format!("luoshi-bench-{}.html", std::process::id()))
        .to_string_lossy()
        .into_owned();
    let db = out_dir
        .join(format!("luoshi-bench-{}.db", std::process::id()))
        .to_string_lossy()
        .into_owned();
    for (label, command) in [
        ("report (html)", vec!["report", "-q", "-o", &page, corpus]),
        ("track (sqlite)", vec!["track", "-q", "-o", &db, corpus]),
    ] {
        let run = end_to_end(&command)?;
        match run.peak_kb {
            Some(kb) => println!(
                "| {} | {:.2} | {:.1} | {:.1} | {} |",
                label,
                run.seconds,
                bytes as f64 / 1e6 / run.seconds,
                kb as f64 / 1024.0,
                run.code
            ),
            None => println!("| {} | - | - | - | {} (not available) |", label, run.code),
        }
    }
    for written in [&page, &db] {
        if let Ok(meta) = std::fs::metadata(written) {
            println!("\n{written}: {:.1} MB", meta.len() as f64 / 1e6);
        }
        let _ = std::fs::remove_file(written);
    }
    Ok(())
}

/// `extract` over one report of `mb` MB with no sentence or clause marks.
fn worst_case(mb: u64) -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("luoshi-worst-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let report = dir.join("worst.txt");
    let out = dir.join("out.tsv");
    let expected = worst::write(&report, (mb * 1_000_000) as usize)?;
    let bytes = std::fs::metadata(&report)?.len();
    let (report_s, out_s) = (report.to_string_lossy(), out.to_string_lossy());
    let run = end_to_end(&["extract", "-q", "--format", "tsv", "-o", &out_s, &report_s])?;
    let written = std::fs::read_to_string(&out)?;
    let found = written.lines().skip(1).count();
    let longest_quote = written
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit('\t').next())
        .map(|q| q.chars().count())
        .max()
        .unwrap_or(0);
    println!(
        "\nworst case: one {:.1} MB report with no sentence or clause marks, {expected} statements \
         of `{}`:\n",
        bytes as f64 / 1e6,
        worst::STATEMENT
    );
    println!(
        "| seconds | MB/s | peak memory (MB) | statements found | longest quote (chars) | exit |"
    );
    println!("|---|---|---|---|---|---|");
    println!(
        "| {:.2} | {:.1} | {} | {found} | {longest_quote} | {} |",
        run.seconds,
        bytes as f64 / 1e6 / run.seconds,
        run.peak_kb
            .map_or("-".into(), |kb| format!("{:.1}", kb as f64 / 1024.0)),
        run.code
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// Times reading the PDF, .docx and hard-wrapped copies (see `formats`).
fn print_formats(args: &Args, normaliser: &luoshi::document::Normaliser) {
    let formats = formats::time(&args.formats, normaliser, args.repeat);
    if !formats.is_empty() {
        println!("reading each format, one thread, the bundled reports (MB/s of file bytes, and of their text):\n");
        println!("| copy | files | MB | text MB | MB/s | text MB/s |\n|---|---|---|---|---|---|");
        for f in &formats {
            println!(
                "| {} | {} | {:.2} | {:.2} | {:.1} | {:.1} |",
                f.copy,
                f.files,
                f.bytes as f64 / 1e6,
                f.text_bytes as f64 / 1e6,
                mb_per_s(f.bytes, f.best),
                mb_per_s(f.text_bytes, f.best),
            );
        }
        println!();
    }
}

/// Files and bytes under `dir`.
fn count(dir: &Path) -> std::io::Result<(usize, u64)> {
    let files = luoshi::input::report_files(&[dir.to_owned()]).map_err(std::io::Error::other)?;
    let mut bytes = 0;
    for f in &files {
        bytes += std::fs::metadata(f)?.len();
    }
    Ok((files.len(), bytes))
}

/// The first files of the corpus, up to `limit` bytes, read into memory.
fn read_sample(dir: &Path, limit: u64) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let files = luoshi::input::report_files(&[dir.to_owned()]).map_err(std::io::Error::other)?;
    let mut sample = Vec::new();
    let mut bytes = 0u64;
    for path in files {
        if bytes >= limit {
            break;
        }
        let content = std::fs::read(&path)?;
        bytes += content.len() as u64;
        sample.push((path, content));
    }
    Ok(sample)
}

struct ChildRun {
    seconds: f64,
    code: i32,
    peak_kb: Option<u64>,
}

/// Runs a luoshi command line in a child process with output discarded.
fn end_to_end(command: &[&str]) -> std::io::Result<ChildRun> {
    let start = Instant::now();
    let out = Command::new(std::env::current_exe()?)
        .arg("--child")
        .args(command)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()?;
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_kb = stderr
        .lines()
        .find_map(|l| l.strip_prefix("bench-peak-kb "))
        .and_then(|n| n.trim().parse().ok());
    Ok(ChildRun {
        seconds,
        code: out.status.code().unwrap_or(-1),
        peak_kb,
    })
}

/// The child: runs the command as `luoshi` would, then reports its peak
/// resident memory (VmHWM), unless the command is not available (usage error).
fn child(command: Vec<String>) -> ExitCode {
    let cli =
        match luoshi::cli::Cli::try_parse_from(std::iter::once("luoshi".to_owned()).chain(command))
        {
            Ok(cli) => cli,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(64);
            }
        };
    let code = match luoshi::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("luoshi: {e}");
            return ExitCode::from(e.exit_code());
        }
    };
    if let Some(kb) = status_field("/proc/self/status", "VmHWM:") {
        eprintln!("bench-peak-kb {kb}");
    }
    ExitCode::from(code)
}

/// A number from a `/proc` file line such as `VmHWM:   1234 kB`.
fn status_field(file: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(file).ok()?;
    let line = text.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].split_whitespace().next()?.parse().ok()
}

/// Prints the machine the numbers come from.
fn machine() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into());
    let memory =
        status_field("/proc/meminfo", "MemTotal:").map_or(0.0, |kb| kb as f64 / 1024.0 / 1024.0);
    println!("machine: {cores} cores, {cpu}, {memory:.1} GiB memory");
}
