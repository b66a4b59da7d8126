//! How wide terminal tables may be: the `COLUMNS` variable when set, else
//! the terminal's width, else 80 columns; or, with `--wide`, no limit (every
//! cell in full).

use std::cell::Cell;

/// Columns assumed when the terminal's width cannot be read.
pub const DEFAULT_COLUMNS: u16 = 80;

thread_local! {
    // Per thread: a command renders on the thread that parsed its flags,
    // and tests running side by side do not see each other's choice.
    static WIDE: Cell<bool> = const { Cell::new(false) };
}

/// Asks for tables with every cell in full (`--wide`).
pub fn set_wide(wide: bool) {
    WIDE.with(|w| w.set(wide));
}

/// Whether tables show every cell in full.
pub fn wide() -> bool {
    WIDE.with(Cell::get)
}

/// The width tables must fit, or `None` with `--wide`.
pub fn table_width() -> Option<u16> {
    if wide() {
        return None;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0);
    Some(
        columns
            .or_else(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .unwrap_or(DEFAULT_COLUMNS),
    )
}
