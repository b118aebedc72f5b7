//! `<When>`: Leptos's `<Show>` in one copy for the whole app. `<Show>` is generic over its
//! condition and its children, so each use compiled its own memo and its own switch; here the
//! condition and the children are boxed, and every use shares the same code.

use crate::ui::memo;
use leptos::prelude::*;

/// A condition, boxed so that every `<When>` shares one memo type. Any `Fn() -> bool` is one.
pub struct Condition(Box<dyn Fn() -> bool + Send + Sync>);

impl<F: Fn() -> bool + Send + Sync + 'static> From<F> for Condition {
    fn from(holds: F) -> Self {
        Self(Box::new(holds))
    }
}

/// The children while `when` holds, else the fallback (by default nothing). Like `<Show>`,
/// the children are built again only when the condition turns true, not on every change
/// behind it.
#[component]
pub fn When(
    /// Whether to show the children.
    #[prop(into)]
    when: Condition,
    children: ChildrenFn,
    /// What shows while the condition does not hold.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    let holds = memo::boxed(when.0);
    move || {
        if holds.get() {
            children()
        } else {
            fallback.run()
        }
    }
}
