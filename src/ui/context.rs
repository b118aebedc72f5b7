//! The one way a component takes the app's shared state (the library, the incident on screen,
//! the lock gate, the navigator) from its owner.

/// The context of type `T`, which the workspace or a screen provides. Leptos's own
/// `expect_context` is `#[track_caller]`, so every call site carried its own panic location
/// and source path into the wasm; a missing context is a bug in the code, never the user's
/// data, so one location for each type says enough.
pub fn needed<T: Clone + 'static>() -> T {
    leptos::prelude::expect_context()
}
