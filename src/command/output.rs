//! Output: where a command's result goes. Standard output, or a file written
//! to a temporary sibling and renamed into place, so an interrupted run never
//! leaves a half-written result.

use crate::cli::FormatArg;
use crate::error::{Error, Result};
use crate::render::Format;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The destination of a command's output.
pub struct Output {
    target: Target,
}

enum Target {
    Stdout(io::BufWriter<io::Stdout>),
    File {
        tmp: tempfile_path::TempPath,
        writer: io::BufWriter<std::fs::File>,
        dest: PathBuf,
    },
}

mod tempfile_path {
    use std::path::PathBuf;

    /// A temporary file removed on drop unless persisted.
    pub struct TempPath(pub Option<PathBuf>);

    impl Drop for TempPath {
        fn drop(&mut self) {
            if let Some(p) = self.0.take() {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

impl Output {
    /// Standard output, or `path` when given.
    pub fn open(path: Option<&Path>) -> Result<Output> {
        let target = match path {
            None => Target::Stdout(io::BufWriter::new(io::stdout())),
            Some(dest) => {
                let tmp = temporary_sibling(dest)?;
                let file = std::fs::File::create(&tmp).map_err(|source| Error::Io {
                    path: tmp.clone(),
                    source,
                })?;
                Target::File {
                    tmp: tempfile_path::TempPath(Some(tmp)),
                    writer: io::BufWriter::new(file),
                    dest: dest.to_owned(),
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

    /// Writes a file that is built in place (a database) atomically: `build`
    /// writes to a temporary sibling of `dest`, which is renamed into place
    /// only when it succeeds, and removed otherwise.
    pub fn build_file(
        dest: &Path,
        build: impl FnOnce(&Path) -> std::result::Result<(), String>,
    ) -> Result<()> {
        let tmp = temporary_sibling(dest)?;
        let _ = std::fs::remove_file(&tmp);
        let mut guard = tempfile_path::TempPath(Some(tmp.clone()));
        build(&tmp).map_err(|reason| {
            Error::Output(io::Error::other(format!("{}: {reason}", dest.display())))
        })?;
        std::fs::rename(&tmp, dest).map_err(|source| Error::Io {
            path: dest.to_owned(),
            source,
        })?;
        guard.0 = None;
        Ok(())
    }

    /// Writes everything out; a file is renamed into place only now.
    pub fn finish(self) -> Result<()> {
        match self.target {
            Target::Stdout(mut w) => match w.flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(Error::Output),
            },
            Target::File {
                mut tmp,
                writer,
                dest,
            } => {
                let file = writer
                    .into_inner()
                    .map_err(|e| Error::Output(e.into_error()))?;
                file.sync_all().map_err(Error::Output)?;
                let path = tmp.0.take().unwrap_or_default();
                std::fs::rename(&path, &dest).map_err(|source| {
                    let _ = std::fs::remove_file(&path);
                    Error::Io { path: dest, source }
                })
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.target {
            Target::Stdout(w) => w.write(buf),
            Target::File { writer, .. } => writer.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Stdout(w) => w.flush(),
            Target::File { writer, .. } => writer.flush(),
        }
    }
}

/// `dir/.name.PID.tmp` beside `dest`: on the same file system, so the
/// final rename is atomic. A missing folder is named.
fn temporary_sibling(dest: &Path) -> Result<PathBuf> {
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
    Ok(dir.join(format!(".{name}.{}.tmp", std::process::id())))
}
