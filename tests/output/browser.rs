//! The report page in a real browser: headless Chromium loads it from disk,
//! runs its script and dumps the DOM. The rows, their statuses and the
//! filters (set through the page's `#status=…` links) are checked on what
//! the browser built, and its console must stay free of errors. Skipped,
//! with the reason printed, when no `chromium` is installed.

use super::{json_rows, page, INPUTS};
use std::path::Path;
use std::process::Command;

/// The browser, if one is installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The DOM of `url` after the page's script ran, and the console lines.
fn dump(browser: &str, url: &str, profile: &Path) -> (String, String) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Console messages the page caused (Chromium logs them as `CONSOLE`).
fn console_errors(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught"))
        .collect()
}

#[cfg(feature = "html")]
#[test]
fn chromium_renders_one_row_per_track_row_and_the_filters_work() {
    use scraper::{Html, Selector};
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on this machine (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    page(&INPUTS, dir.path());
    let file = std::fs::canonicalize(dir.path().join("report.html")).expect("page");
    let url = format!("file://{}", file.display());
    let rows = json_rows();
    let visible = |dom: &str| -> Vec<String> {
        let doc = Html::parse_document(dom);
        let sel = Selector::parse("tbody.row:not([hidden])").expect("selector");
        doc.select(&sel)
            .filter_map(|r| r.value().attr("data-status").map(str::to_owned))
            .collect()
    };

    let (dom, log) = dump(browser, &url, &dir.path().join("profile"));
    assert!(
        console_errors(&log).is_empty(),
        "{:?}",
        console_errors(&log)
    );
    let doc = Html::parse_document(&dom);
    // The script ran: it shows the filter form the page starts without.
    let form = Selector::parse("form#filters:not([hidden])").expect("selector");
    assert_eq!(doc.select(&form).count(), 1, "script ran");
    let statuses: Vec<String> = rows
        .iter()
        .map(|r| r["status"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(visible(&dom), statuses);

    // A filter by status shows exactly the rows of that status.
    let pending = statuses.iter().filter(|s| *s == "pending").count();
    assert!(pending > 0 && pending < statuses.len());
    let (dom, log) = dump(
        browser,
        &format!("{url}#status=pending"),
        &dir.path().join("p2"),
    );
    assert!(
        console_errors(&log).is_empty(),
        "{:?}",
        console_errors(&log)
    );
    let shown = visible(&dom);
    assert_eq!(shown.len(), pending);
    assert!(shown.iter().all(|s| s == "pending"));

    // By place and target together.
    let first = &rows[0];
    let place = first["place_name"].as_str().unwrap_or_default();
    let target = first["target"].as_str().unwrap_or_default();
    let expected = rows
        .iter()
        .filter(|r| r["place_name"] == place && r["target"] == target)
        .count();
    let (dom, _) = dump(
        browser,
        &format!("{url}#place={place}&target={target}"),
        &dir.path().join("p3"),
    );
    assert_eq!(visible(&dom).len(), expected);
    let doc = Html::parse_document(&dom);
    let groups = Selector::parse("section.group:not([hidden])").expect("selector");
    assert!(doc
        .select(&groups)
        .all(|g| g.value().attr("data-place") == Some(place)));
}
