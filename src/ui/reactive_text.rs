//! Changing text as one shared type. Each `move || …` child would bring its own copy of the
//! rendering code into the app; a `Signal<String>` renders through one copy for all of them.

use leptos::prelude::*;

pub fn text(read: impl Fn() -> String + Send + Sync + 'static) -> Signal<String> {
    shared(Box::new(read))
}

/// Boxed, so that every text shares one copy of `Signal::derive`'s code.
fn shared(read: Box<dyn Fn() -> String + Send + Sync>) -> Signal<String> {
    Signal::derive(read)
}
