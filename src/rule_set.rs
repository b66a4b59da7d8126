//! Rule set: the default rule files compiled into the binary, plus any files
//! from `--rules DIR`, which add targets or override default ones by id.
//! Loading is strict: every file is parsed and checked by `rule_check`, and
//! the first error stops the run (exit 78) with its `path:line:col`.

use crate::document::cues::CueRules;
use crate::rule::{BoundWord, RuleFile, Target, Wording};
use crate::rule_check::{self, ParsedFile, Severity};
use std::path::{Path, PathBuf};

/// The default rule files, compiled in but kept as editable files under `rules/`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("rules/areas.toml", include_str!("../rules/areas.toml")),
    ("rules/bounds.toml", include_str!("../rules/bounds.toml")),
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
        "rules/structure.toml",
        include_str!("../rules/structure.toml"),
    ),
    (
        "rules/variants.toml",
        include_str!("../rules/variants.toml"),
    ),
    ("rules/wording.toml", include_str!("../rules/wording.toml")),
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
    /// Whether it replaces a default target of the same id (from `--rules DIR`).
    pub overrides_default: bool,
}

/// A rule file as read, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSource {
    pub path: PathBuf,
    pub text: String,
    /// Read from `--rules DIR`: its targets may replace default ones.
    pub is_override: bool,
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
    /// Bound words, in file order (a later word at the same place wins).
    pub bounds: Vec<BoundWord>,
    /// Structure cues (title, date, heading and period cues), those of
    /// `--rules DIR` files first, so that they win over the defaults.
    pub cues: CueRules,
    /// Word lists the reading of a match relies on, merged over every file.
    pub wording: Wording,
}

impl RuleSet {
    /// The default rules, then every `*.toml` file in `dir` (if given).
    /// Strict: the first error in any file (see `rule_check`) stops loading.
    pub fn load(dir: Option<&Path>) -> Result<RuleSet, RuleError> {
        let mut sources = default_sources();
        if let Some(dir) = dir {
            sources.extend(dir_sources(dir)?);
        }
        RuleSet::from_sources(&sources)
    }

    /// Only the rules in `text`, read as the file `path` (for tests and `rules check`).
    pub fn from_text(path: &Path, text: &str) -> Result<RuleSet, RuleError> {
        RuleSet::from_sources(&[RuleSource {
            path: path.to_owned(),
            text: text.to_owned(),
            is_override: false,
        }])
    }

    /// Parses and checks `sources` in order; fails on the first error
    /// (warnings do not stop loading).
    pub fn from_sources(sources: &[RuleSource]) -> Result<RuleSet, RuleError> {
        let checked = rule_check::check_sources(&[], sources);
        if let Some(problem) = checked
            .problems
            .iter()
            .find(|p| p.severity == Severity::Error)
        {
            return Err(problem.to_rule_error());
        }
        Ok(RuleSet::assemble(checked.files))
    }

    /// Puts parsed files together in order: a target of an override file
    /// replaces the earlier target of the same id; otherwise the first wins
    /// (validation reports the duplicate).
    pub fn assemble(files: impl IntoIterator<Item = ParsedFile>) -> RuleSet {
        let mut set = RuleSet::default();
        let mut override_cues = Vec::new();
        let mut default_cues = Vec::new();
        for mut file in files {
            let cues = RuleFile {
                title: std::mem::take(&mut file.rules.title),
                date: std::mem::take(&mut file.rules.date),
                heading: std::mem::take(&mut file.rules.heading),
                period: std::mem::take(&mut file.rules.period),
                stretch: std::mem::take(&mut file.rules.stretch),
                ..RuleFile::default()
            };
            if file.source.is_override {
                override_cues.push(cues);
            } else {
                default_cues.push(cues);
            }
            let path = file.source.path;
            for target in file.rules.target {
                let loaded = LoadedTarget {
                    target,
                    file: path.clone(),
                    overrides_default: false,
                };
                let existing = set
                    .targets
                    .iter_mut()
                    .find(|t| t.target.id.get_ref() == loaded.target.id.get_ref());
                match existing {
                    Some(slot) if file.source.is_override && !slot.overrides_default => {
                        *slot = LoadedTarget {
                            overrides_default: true,
                            ..loaded
                        };
                    }
                    Some(_) => {}
                    None => set.targets.push(loaded),
                }
            }
            set.variants.extend(
                file.rules
                    .variant
                    .into_iter()
                    .map(|v| (v.from.into_inner(), v.to)),
            );
            set.bounds.extend(file.rules.bound);
            set.wording.add(&file.rules.wording);
            for scope in file.rules.scope {
                set.scope_patterns.push(scope.pattern.into_inner());
                set.scope_strip.extend(scope.strip);
            }
        }
        set.cues = CueRules::from_files(override_cues.into_iter().chain(default_cues));
        set
    }

    /// The target with this id.
    pub fn get(&self, id: &str) -> Option<&LoadedTarget> {
        self.targets.iter().find(|t| t.target.id.get_ref() == id)
    }
}

/// The default rule files, as sources.
pub fn default_sources() -> Vec<RuleSource> {
    DEFAULT_FILES
        .iter()
        .map(|(path, text)| RuleSource {
            path: PathBuf::from(path),
            text: (*text).to_owned(),
            is_override: false,
        })
        .collect()
}

/// Every `*.toml` file directly in `dir`, sorted by name, read as override
/// files; `dir` may also name a single rule file.
pub fn dir_sources(dir: &Path) -> Result<Vec<RuleSource>, RuleError> {
    let cannot = |path: &Path, what: &str, e: std::io::Error| RuleError {
        path: path.to_owned(),
        line: 1,
        column: 1,
        message: format!("cannot read {what}: {e}"),
    };
    if dir.is_file() {
        let text = std::fs::read_to_string(dir).map_err(|e| cannot(dir, "rule file", e))?;
        return Ok(vec![RuleSource {
            path: dir.to_owned(),
            text,
            is_override: true,
        }]);
    }
    let entries = std::fs::read_dir(dir).map_err(|e| cannot(dir, "rule folder", e))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| cannot(dir, "rule folder", e))?.path();
        let is_toml = |p: &Path| p.extension().is_some_and(|x| x == "toml");
        let refuse = |message: String| RuleError {
            path: path.clone(),
            line: 1,
            column: 1,
            message,
        };
        // Links are followed; what they lead to must be a plain file too.
        let meta = std::fs::metadata(&path);
        match meta {
            Ok(meta) if is_toml(&path) && meta.is_file() => files.push(path),
            Ok(meta) if meta.is_dir() => {
                let nested = std::fs::read_dir(&path)
                    .map(|d| d.filter_map(|e| e.ok()).any(|e| is_toml(&e.path())))
                    .unwrap_or(false);
                if nested {
                    return Err(refuse(format!(
                        "rule files in a subfolder are not read; move them into {} \
                         or name the subfolder itself",
                        dir.display()
                    )));
                }
            }
            Ok(_) if is_toml(&path) => {
                return Err(refuse(
                    "not a regular file (a device, pipe or socket); a rule file must be one".into(),
                ))
            }
            Err(e) if is_toml(&path) => return Err(cannot(&path, "rule file", e)),
            _ => {}
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).map_err(|e| cannot(&path, "rule file", e))?;
            Ok(RuleSource {
                path,
                text,
                is_override: true,
            })
        })
        .collect()
}

/// 1-based line and column (in characters) of a byte offset; an offset
/// inside a character or past the end is moved back to a boundary.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let at = rule_check::Location::new(Path::new(""), text, offset..offset);
    (at.line, at.column)
}
