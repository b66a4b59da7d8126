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
                let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
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
