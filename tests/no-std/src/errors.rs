//! oss-errors without std or alloc.

/// The HTTP status of the catalogue entry at `index`, or 0 when out of range.
#[unsafe(no_mangle)]
pub extern "C" fn oss_entry_status(index: usize) -> u16 {
    oss_errors::Entry::ALL.get(index).map_or(0, |entry| entry.status())
}
