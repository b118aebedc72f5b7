//! Every effect in the app, made through one boxed closure type.

use leptos::prelude::Effect;

/// Runs `work` once the view is in the page, and again whenever a signal it read changes,
/// as `Effect::new(move |_| …)` does; what a run needs from the last one, `work` keeps itself.
/// `Effect::new` compiles its own copy of the effect's task around every closure it is
/// given; boxed, they all share one.
pub fn effect(work: impl FnMut() + 'static) {
    let mut work: Box<dyn FnMut()> = Box::new(work);
    Effect::new(move |_| work());
}
