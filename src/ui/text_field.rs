//! A labelled one-line text input that reports every keystroke.

use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The input's DOM id; the label points at it.
    id: &'static str,
    /// Visible label text.
    label: &'static str,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the whole new value on every input event.
    on_input: impl Fn(String) + 'static,
    /// Optional helper text under the label, tied to the input for screen readers.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
            <input
                id=id
                type="text"
                autocomplete="off"
                aria-describedby=hint_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        </div>
    }
}
