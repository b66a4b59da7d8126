//! `--help` promises only what a command does: the formats it writes, and,
//! for `track`, what its flags and the `on_pace` status mean.

use std::process::Command;

fn help(command: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_luoshi"))
        .args(command)
        .arg("--help")
        .output();
    output
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

/// The `[possible values: …]` of `--format` in a help text.
fn formats(help: &str) -> Vec<String> {
    // Help is wrapped to the terminal's width: read it as one line.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let after = help.split("--format <FORMAT>").nth(1).unwrap_or("");
    let list = after
        .split("[possible values: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or("");
    list.split(", ").map(str::to_owned).collect()
}

#[test]
fn each_command_offers_the_formats_it_writes() {
    let cases: [(&[&str], &[&str]); 5] = [
        (&["extract"], &["table", "tsv", "csv", "json", "markdown"]),
        (&["docs"], &["table", "json"]),
        (&["eval"], &["table", "json"]),
        (&["track"], &["table", "csv", "json", "markdown"]),
        (
            &["rules", "list"],
            &["table", "tsv", "csv", "json", "markdown"],
        ),
    ];
    for (command, expected) in cases {
        assert_eq!(formats(&help(command)), expected, "{command:?}");
    }
}

#[test]
fn track_help_explains_the_flags_and_the_pace_rule() {
    let text = help(&["track"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("[indicator_drift] means"), "{text}");
    assert!(
        text.contains("on_pace at the share of its annual plan for the months elapsed"),
        "{text}"
    );
}
