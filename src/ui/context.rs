//! The one way a component takes the app's shared state (the library, the incident on screen,
//! the lock gate, the navigator) from its owner.

use leptos::prelude::use_context;

/// The context of type `T`, which the workspace or a screen provides. Leptos's own
/// `expect_context` is `#[track_caller]`, so every call site carried its own panic location
/// and message into the wasm; a missing context is a bug in the code, never the user's data,
/// so the type's name says enough, and one shared function says it.
pub fn needed<T: Clone + 'static>() -> T {
    use_context::<T>().unwrap_or_else(|| missing(std::any::type_name::<T>()))
}

#[cold]
#[inline(never)]
fn missing(type_name: &str) -> ! {
    panic!(
        "no {type_name} in the context: a component was built outside the owner that provides it"
    )
}
