//! Rule set: the default rule files compiled into the binary, plus any files
//! from `--rules DIR`, which add targets or override default ones by id.

use crate::rule::{RuleFile, Target};
use std::path::{Path, PathBuf};

/// The default rule files, compiled in but kept as editable files under `rules/`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("rules/areas.toml", include_str!("../rules/areas.toml")),
    ("rules/economy.toml", include_str!("../rules/economy.toml")),
    (
        "rules/education.toml",
        include_str!("../rules/education.toml"),
    ),
    (
        "rules/environment.toml",
        include_str!("../rules/environment.toml"),
    ),
    (
        "rules/innovation.toml",
        include_str!("../rules/innovation.toml"),
    ),
    ("rules/land.toml", include_str!("../rules/land.toml")),
    (
        "rules/livelihood.toml",
        include_str!("../rules/livelihood.toml"),
    ),
    ("rules/urban.toml", include_str!("../rules/urban.toml")),
    (
        "rules/variants.toml",
        include_str!("../rules/variants.toml"),
    ),
];

/// A rule file that could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A target together with the file it came from.
#[derive(Debug, Clone)]
pub struct LoadedTarget {
    pub target: Target,
    pub file: PathBuf,
    /// Source text of the file, for positions.
    pub overrides_default: bool,
}

/// Every rule in effect.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub targets: Vec<LoadedTarget>,
    /// `(from, to)` spellings rewritten before matching.
    pub variants: Vec<(String, String)>,
    /// Regular expressions recognising named sub-areas.
    pub scope_patterns: Vec<String>,
    /// Words cut from the front of a captured scope.
    pub scope_strip: Vec<String>,
}

impl RuleSet {
    /// The default rules, then every `*.toml` file in `dir` (if given).
    pub fn load(dir: Option<&Path>) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::default();
        for (name, text) in DEFAULT_FILES {
            set.add_file(Path::new(name), text, false)?;
        }
        if let Some(dir) = dir {
            for path in rule_files(dir)? {
                let text = std::fs::read_to_string(&path).map_err(|e| RuleError {
                    path: path.clone(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read: {e}"),
                })?;
                set.add_file(&path, &text, true)?;
            }
        }
        Ok(set)
    }

    /// Only the rules in `text`, read as the file `path` (for tests and `rules check`).
    pub fn from_text(path: &Path, text: &str) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::default();
        set.add_file(path, text, false)?;
        Ok(set)
    }

    fn add_file(&mut self, path: &Path, text: &str, is_override: bool) -> Result<(), RuleError> {
        let file: RuleFile = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |span| line_column(text, span.start));
            RuleError {
                path: path.to_owned(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        for target in file.target {
            let existing = self
                .targets
                .iter()
                .position(|t| t.target.id.get_ref() == target.id.get_ref());
            let loaded = LoadedTarget {
                target,
                file: path.to_owned(),
                overrides_default: false,
            };
            match existing {
                Some(i) if is_override => {
                    self.targets[i] = LoadedTarget {
                        overrides_default: true,
                        ..loaded
                    };
                }
                Some(_) => {
                    let (line, column) = line_column(text, loaded.target.id.span().start);
                    return Err(RuleError {
                        path: path.to_owned(),
                        line,
                        column,
                        message: format!("duplicate target id `{}`", loaded.target.id.get_ref()),
                    });
                }
                None => self.targets.push(loaded),
            }
        }
        self.variants.extend(
            file.variant
                .into_iter()
                .map(|v| (v.from.into_inner(), v.to)),
        );
        for scope in file.scope {
            self.scope_patterns.push(scope.pattern.into_inner());
            self.scope_strip.extend(scope.strip);
        }
        Ok(())
    }

    /// The target with this id.
    pub fn get(&self, id: &str) -> Option<&LoadedTarget> {
        self.targets.iter().find(|t| t.target.id.get_ref() == id)
    }
}

/// `*.toml` files directly in `dir`, sorted by name.
fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let entries = std::fs::read_dir(dir).map_err(|e| RuleError {
        path: dir.to_owned(),
        line: 1,
        column: 1,
        message: format!("cannot read rule folder: {e}"),
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
