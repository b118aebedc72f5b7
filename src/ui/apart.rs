//! Views built in a function of their own, so the browser compiles their code only when they
//! are first shown.
//!
//! Chromium compiles a wasm function the first time it runs, on the main thread. A view
//! inlined into the code around it is compiled with that code: with every screen inlined
//! into the app's one match, starting on the list compiled all seven screens, and opening a
//! step compiled all seven steps. `make bench` counts the code compiled before the list works
//! and while Assess opens.

use leptos::prelude::*;

/// Builds `build`'s view in a function of its own. The call goes through a pointer the
/// optimizers can't see through, since wasm-opt inlines any function with one caller.
pub fn apart<V: IntoView + 'static, F: FnOnce() -> V>(build: F) -> AnyView {
    fn run<V: IntoView + 'static, F: FnOnce() -> V>(build: F) -> AnyView {
        build().into_any()
    }
    std::hint::black_box(run::<V, F> as fn(F) -> AnyView)(build)
}
