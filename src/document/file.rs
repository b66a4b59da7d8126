//! Opening a file to read: only a regular file (links followed) is read,
//! never a device, FIFO or socket, which could block forever or never end;
//! and it is read through a bounded reader, so the size limit holds for the
//! bytes actually read, whatever size the file system reports.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum FileError {
    Io(io::Error),
    /// Not a regular file: what it is instead.
    NotRegular(String),
    /// More than the limit: the size (the reported one, or the bytes read
    /// when more).
    TooLarge(u64),
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    // Refused before opening: opening a FIFO waits for a writer.
    let meta = std::fs::metadata(path).map_err(FileError::Io)?;
    if !meta.is_file() {
        return Err(FileError::NotRegular(what(path, &meta)));
    }
    // Non-blocking in case the path was swapped for a FIFO since; checked
    // again on the open file.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(FileError::Io)?;
    let meta = file.metadata().map_err(FileError::Io)?;
    if !meta.is_file() {
        return Err(FileError::NotRegular(what(path, &meta)));
    }
    let capacity = meta.len().min(limit) as usize;
    let mut bytes = Vec::with_capacity(capacity + 1);
    file_take(file, limit)
        .read_to_end(&mut bytes)
        .map_err(FileError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge(meta.len().max(bytes.len() as u64)));
    }
    Ok(bytes)
}

fn file_take(file: File, limit: u64) -> io::Take<File> {
    // One byte past the limit tells "exactly the limit" from "more".
    file.take(limit.saturating_add(1))
}

/// What a path that is not a regular file is, in words.
fn what(path: &Path, meta: &std::fs::Metadata) -> String {
    let kind = meta.file_type();
    if kind.is_dir() {
        match std::fs::read_dir(path) {
            Err(e) => format!("a folder that cannot be read: {e}"),
            Ok(_) => "a folder".into(),
        }
    } else if kind.is_fifo() {
        "a named pipe (FIFO)".into()
    } else if kind.is_char_device() {
        "a character device".into()
    } else if kind.is_block_device() {
        "a block device".into()
    } else if kind.is_socket() {
        "a socket".into()
    } else {
        "not a regular file".into()
    }
}
