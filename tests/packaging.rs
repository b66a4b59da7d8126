//! What `cargo install --path .` puts on a user's PATH: `luoshi` only. The
//! bench is an example, built and tested with the rest but never installed.

#[test]
fn luoshi_is_the_only_binary_and_the_bench_an_example() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .unwrap_or_default();
    let manifest: toml::Table = manifest.parse().unwrap_or_default();
    let names = |kind: &str| -> Vec<String> {
        manifest
            .get(kind)
            .and_then(|v| v.as_array())
            .map(|targets| {
                targets
                    .iter()
                    .filter_map(|t| t.get("name").and_then(|n| n.as_str()))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let autobins = manifest
        .get("package")
        .and_then(|p| p.get("autobins"))
        .and_then(|a| a.as_bool());
    assert_eq!(autobins, Some(false), "binaries are listed, not discovered");
    assert_eq!(names("bin"), ["luoshi"]);
    assert_eq!(names("example"), ["bench"]);
}
