//! Output: where a command's result goes. Standard output; or a file the
//! user named, written whole to a temporary sibling (created exclusively,
//! under a random name, with the file's mode) and renamed into place, so an
//! interrupted run never leaves a half-written result; or, for a device or a
//! pipe the user named, written straight through. A path that is one of the
//! run's inputs is refused. See `docs/security.md`.

use super::interrupt;
use crate::cli::FormatArg;
use crate::error::{Error, Result};
use crate::render::Format;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Symbolic links followed at most when resolving `-o` (as the kernel does).
const MAX_LINKS: usize = 40;
/// Random names tried for the temporary file before giving up.
const TEMP_TRIES: usize = 16;

/// The destination of a command's output.
pub struct Output {
    target: Target,
}

enum Target {
    Stdout(io::BufWriter<io::Stdout>),
    /// A device or a pipe: there is nothing to replace atomically.
    Through(io::BufWriter<File>),
    File {
        tmp: interrupt::Pending,
        writer: io::BufWriter<File>,
        dest: PathBuf,
    },
}

/// What is at the path `-o` named, links followed.
enum Found {
    /// Nothing: a new file.
    New,
    Regular(Metadata),
    /// A character or block device, a FIFO or a socket.
    Special,
}

impl Output {
    /// Standard output, or `path` when given. `inputs` are the files the run
    /// reads: writing over one of them is refused (a usage error).
    pub fn open(path: Option<&Path>, inputs: &[PathBuf]) -> Result<Output> {
        let target = match path {
            None => Target::Stdout(io::BufWriter::new(io::stdout())),
            Some(named) => {
                let io_error = |source| Error::Io {
                    path: named.to_owned(),
                    source,
                };
                let (dest, found) = resolve(named).map_err(io_error)?;
                if !matches!(found, Found::New) {
                    refuse_inputs(named, &dest, inputs)?;
                }
                match found {
                    Found::Special => {
                        let file = OpenOptions::new()
                            .write(true)
                            .open(&dest)
                            .map_err(io_error)?;
                        Target::Through(io::BufWriter::new(file))
                    }
                    Found::New => temporary(&dest, None)?,
                    Found::Regular(meta) => temporary(&dest, Some(&meta))?,
                }
            }
        };
        Ok(Output { target })
    }

    /// Whether output goes to a terminal (decides the default format).
    pub fn is_terminal(&self) -> bool {
        matches!(self.target, Target::Stdout(_)) && io::stdout().is_terminal()
    }

    /// The format asked for, else a table on a terminal and `piped` elsewhere.
    pub fn format_or(&self, asked: Option<FormatArg>, piped: Format) -> Format {
        asked.map(Format::from).unwrap_or(if self.is_terminal() {
            Format::Table
        } else {
            piped
        })
    }

    /// The format of a command's output: the one asked for with `--format`,
    /// else the one the `-o` file name asks for by its extension, else a
    /// table on a terminal and `piped` elsewhere. A `--format` that
    /// contradicts the file name, or a format not in `supported`, is a
    /// usage error naming `command`.
    pub fn format_for(
        command: &str,
        asked: Option<FormatArg>,
        path: Option<&Path>,
        piped: Format,
        supported: &[Format],
    ) -> Result<Format> {
        let named = path.and_then(Format::of_path);
        let format = match (asked.map(Format::from), named) {
            (Some(a), Some(n)) if a != n => {
                return Err(Error::Usage(format!(
                    "--format {} contradicts the output file name {} (which asks for {}); drop one of them",
                    a.as_str(),
                    path.map(|p| p.display().to_string()).unwrap_or_default(),
                    n.as_str()
                )))
            }
            (Some(a), _) => a,
            (None, Some(n)) => n,
            (None, None) if path.is_none() && io::stdout().is_terminal() => Format::Table,
            (None, None) => piped,
        };
        if !supported.contains(&format) {
            let words: Vec<&str> = supported.iter().map(|f| f.as_str()).collect();
            return Err(Error::Usage(format!(
                "`{command}` has no {} output (it writes {})",
                format.as_str(),
                words.join(", ")
            )));
        }
        if format == Format::Sqlite && path.is_none() {
            return Err(Error::Usage(format!(
                "`{command} --format sqlite` needs an output file (-o FILE.db)"
            )));
        }
        Ok(format)
    }

    /// Writes a file that is built in place (a database) as `open` writes
    /// any other: `build` fills the temporary sibling of `dest`, which is
    /// renamed into place only when it succeeds, and removed otherwise.
    pub fn build_file(
        dest: &Path,
        inputs: &[PathBuf],
        build: impl FnOnce(&Path) -> std::result::Result<(), String>,
    ) -> Result<()> {
        let out = Output::open(Some(dest), inputs)?;
        let Target::File { tmp, writer, dest } = out.target else {
            return Err(Error::Usage(format!(
                "{}: a database is written to a regular file, not a device or pipe",
                dest.display()
            )));
        };
        drop(writer);
        let path = tmp.path().map(Path::to_owned).unwrap_or_default();
        build(&path).map_err(|reason| {
            Error::Output(io::Error::other(format!("{}: {reason}", dest.display())))
        })?;
        tmp.rename_to(&dest)
            .map_err(|source| Error::Io { path: dest, source })
    }

    /// Writes everything out; a file is renamed into place only now.
    pub fn finish(self) -> Result<()> {
        match self.target {
            Target::Stdout(mut w) => match w.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(Error::Output),
            },
            Target::Through(mut w) => w.flush().map_err(Error::Output),
            Target::File { tmp, writer, dest } => {
                let file = writer
                    .into_inner()
                    .map_err(|e| Error::Output(e.into_error()))?;
                file.sync_all().map_err(Error::Output)?;
                tmp.rename_to(&dest)
                    .map_err(|source| Error::Io { path: dest, source })
            }
        }
    }
}

/// Follows links from `named` to what they point at, as opening the path
/// would, so that a link is kept and its target replaced.
fn resolve(named: &Path) -> io::Result<(PathBuf, Found)> {
    let mut path = named.to_owned();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((path, Found::New)),
            Err(e) => return Err(e),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let to = std::fs::read_link(&path)?;
            path = match path.parent() {
                Some(dir) if to.is_relative() => dir.join(to),
                _ => to,
            };
        } else if kind.is_dir() {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a folder"));
        } else if kind.is_file() {
            return Ok((path, Found::Regular(meta)));
        } else {
            return Ok((path, Found::Special));
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A usage error when `dest` (what `named` resolved to) is one of `inputs`.
fn refuse_inputs(named: &Path, dest: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(out) = std::fs::metadata(dest) else {
        return Ok(());
    };
    let same = |p: &PathBuf| {
        std::fs::metadata(p).is_ok_and(|m| m.dev() == out.dev() && m.ino() == out.ino())
    };
    match inputs.iter().find(|p| same(p)) {
        Some(input) => Err(Error::Usage(format!(
            "-o {} would overwrite the input {}; write elsewhere",
            named.display(),
            input.display()
        ))),
        None => Ok(()),
    }
}

/// A temporary file beside `dest`, created exclusively under a random name,
/// with the mode (and, where allowed, the owner) of the file it replaces.
fn temporary(dest: &Path, replaces: Option<&Metadata>) -> Result<Target> {
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    if !dir.is_dir() {
        return Err(Error::Input {
            path: dir.to_owned(),
            message: format!("no such folder to write {} into", dest.display()),
        });
    }
    // A new file gets 0666 less the umask, like any file the shell creates.
    let mode = replaces.map_or(0o666, |m| m.mode() & 0o7777);
    let mut last = None;
    for _ in 0..TEMP_TRIES {
        let tmp = dir.join(format!(".{name}.{:016x}.tmp", random()));
        // Registered before it exists, so a signal cannot slip between.
        let pending = interrupt::Pending::register(tmp.clone());
        let created = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp);
        match created {
            Ok(file) => {
                if let Some(old) = replaces {
                    // Best effort: only root may give a file away.
                    let _ = std::os::unix::fs::fchown(&file, Some(old.uid()), Some(old.gid()));
                    file.set_permissions(std::fs::Permissions::from_mode(mode))
                        .map_err(|source| Error::Io {
                            path: tmp.clone(),
                            source,
                        })?;
                }
                return Ok(Target::File {
                    tmp: pending,
                    writer: io::BufWriter::new(file),
                    dest: dest.to_owned(),
                });
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                // Not ours: it must not be removed.
                pending.forget();
                last = Some((tmp, e));
            }
            Err(source) => {
                pending.forget();
                return Err(Error::Io { path: tmp, source });
            }
        }
    }
    let (path, source) = last.unwrap_or_else(|| (dir.to_owned(), io::Error::other("no name")));
    Err(Error::Io { path, source })
}

/// 64 random bits, from the standard library's per-process random hash keys.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u32(std::process::id());
    h.finish()
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.target {
            Target::Stdout(w) => w.write(buf),
            Target::Through(w) => w.write(buf),
            Target::File { writer, .. } => writer.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Stdout(w) => w.flush(),
            Target::Through(w) => w.flush(),
            Target::File { writer, .. } => writer.flush(),
        }
    }
}
