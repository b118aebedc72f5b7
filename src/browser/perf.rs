//! Performance marks for the benchmark (`make bench`): named points and spans on the page's
//! User Timing timeline. Each costs a call or two into the browser and never fails.
//!
//! Names the benchmark reads: `mend:list-ready`, `mend:all-read` (every record read),
//! `mend:incident-ready` (marks), and `mend:storage-open` (the browser loading all of the
//! origin's storage into the tab), `mend:list-read` (what is read before the list is drawn),
//! `mend:load` (every record), `mend:input`, `mend:encode` and `mend:save` (a save's two
//! tasks), `mend:export`, and for an import `mend:import-check`, `mend:import-plan` and
//! `mend:import-write` (measures).

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks a moment, e.g. the list's first render being done.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// A measured span from `start` until it is dropped, recorded as a measure named `name`.
/// Only the latest measure of each name is kept on the timeline, so a long session doesn't
/// pile up entries; an observer still sees every one.
pub struct Span {
    name: &'static str,
    start: &'static str,
}

impl Span {
    /// `start` is the mark's name, conventionally `name` + `:start`.
    pub fn start(name: &'static str, start: &'static str) -> Self {
        mark(start);
        Self { name, start }
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(p) = performance() {
            p.clear_measures_with_measure_name(self.name);
            let _ = p.measure_with_start_mark(self.name, self.start);
            p.clear_marks_with_mark_name(self.start);
        }
    }
}
