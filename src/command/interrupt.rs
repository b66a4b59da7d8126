//! Interrupts: the temporary files `-o` is writing are removed when the run
//! is stopped by SIGINT, SIGTERM or SIGHUP, then the process exits as the
//! signal would have ended it (128 + its number).

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Temporary files being written, removed on a signal.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// A temporary file removed when dropped, or on a signal, unless renamed
/// into place first.
pub struct Pending(Option<PathBuf>);

impl Pending {
    /// Marks `path` for removal on a signal (installing the handler once).
    pub fn register(path: PathBuf) -> Pending {
        HANDLER.call_once(install);
        lock().push(path.clone());
        Pending(Some(path))
    }

    /// Drops the mark without touching the file (it was never ours).
    /// The temporary file, while it is pending.
    pub fn path(&self) -> Option<&Path> {
        self.0.as_deref()
    }

    pub fn forget(mut self) {
        if let Some(path) = self.0.take() {
            unregister(&path);
        }
    }

    /// Renames the file to `dest`; on failure the file is removed.
    pub fn rename_to(mut self, dest: &Path) -> std::io::Result<()> {
        let Some(path) = self.0.take() else {
            return Ok(());
        };
        // Held across the rename so a signal cannot remove the renamed file's
        // old name after another file took it.
        let mut pending = lock();
        let renamed = std::fs::rename(&path, dest);
        if renamed.is_err() {
            let _ = std::fs::remove_file(&path);
        }
        pending.retain(|p| p != &path);
        renamed
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(&path);
            unregister(&path);
        }
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

fn unregister(path: &Path) {
    lock().retain(|p| p != path);
}

/// A thread that waits for the signals, removes what is pending and exits.
/// Without it the signals keep their default action, which is as good when
/// nothing is pending.
fn install() {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("interrupt".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                for path in lock().drain(..) {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
}
