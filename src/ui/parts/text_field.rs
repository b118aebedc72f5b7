//! A labelled one-line text input that reports every keystroke.

use leptos::prelude::*;

use crate::model::limits::MAX_LENGTH;

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
    /// What is wrong with the value, if anything; shown under the input, announced, and tied
    /// to it, so a screen reader hears it again on the field.
    #[prop(optional, into)]
    error: Option<Signal<String>>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = error.map(|_| format!("{id}-error"));
    let described_by = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let invalid = move || {
        error
            .is_some_and(|e| e.with(|e| !e.is_empty()))
            .then_some("true")
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|text| view! { <p class="hint" id=hint_id.clone()>{text}</p> })}
            <input
                id=id
                type="text"
                autocomplete="off"
                maxlength=MAX_LENGTH
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input=move |ev| on_input(event_target_value(&ev))
            />
            // Always in the page, so what appears in it is announced.
            {error.map(|error| view! { <p class="field-error" id=error_id role="alert">{error}</p> })}
        </div>
    }
}
