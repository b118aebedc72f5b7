//! One labelled control for one field, saving on every change; and a run of such fields.

use leptos::prelude::*;

use super::spec::{Field, Kind};
use crate::browser::{focus, perf, platform};
use crate::model::limits::MAX_LENGTH;
use crate::model::Timestamp;
use crate::ui::context;
use crate::ui::memo::memo;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;

fn moment(text: &str) -> Option<Timestamp> {
    text.parse().ok().and_then(Timestamp::from_millis)
}

/// The control for `field` of the incident (`item` 0) or of the list entry with id `item`.
#[component]
pub fn FieldInput(
    /// What to show and where its value lives.
    field: &'static Field,
    /// The list entry's id; 0 (the default) for a field of the incident itself.
    #[prop(optional)]
    item: u32,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let id = if item == 0 {
        field.key.to_owned()
    } else {
        format!("{}-{item}", field.key)
    };
    let value = memo(move || {
        current
            .read(|i| field.text(i, item))
            .flatten()
            .unwrap_or_default()
    });
    let write = move |text: String| {
        let _span = perf::Span::start("mend:input", "mend:input:start");
        current.edit(|i| field.write(i, item, &text));
    };
    let hint_id = (!field.hint.is_empty()).then(|| format!("{id}-hint"));
    let hint = hint_id
        .clone()
        .map(|hint_id| view! { <p class="hint" id=hint_id>{field.hint}</p> });

    if let Kind::Check | Kind::Stamp = field.kind {
        let stamp = matches!(field.kind, Kind::Stamp);
        let when = text(move || {
            value
                .with(|v| moment(v))
                .filter(|_| stamp)
                .map(|t| format!(" \u{b7} {}", platform::local_label(t)))
                .unwrap_or_default()
        });
        let toggle = move |ev| {
            let on = event_target_checked(&ev);
            write(match (on, stamp) {
                (false, _) => String::new(),
                (true, true) => platform::now().millis().to_string(),
                (true, false) => "1".into(),
            });
        };
        return view! {
            <div class="field check">
                <input type="checkbox" id=id.clone() aria-describedby=hint_id
                    prop:checked=move || value.with(|v| !v.is_empty()) on:change=toggle/>
                <label for=id>{field.label}<span class="when">{when}</span></label>
                {hint}
            </div>
        }
        .into_any();
    }

    let control = match field.kind {
        Kind::Area => view! {
            <textarea id=id.clone() rows="3" aria-describedby=hint_id maxlength=MAX_LENGTH
                prop:value=move || value.get() on:input=move |ev| write(event_target_value(&ev))></textarea>
        }
        .into_any(),
        Kind::Choice(options) => view! {
            <select id=id.clone() aria-describedby=hint_id on:change=move |ev| write(event_target_value(&ev))>
                {options.iter().map(|(key, label)| view! {
                    <option value=*key prop:selected=move || value.with(|v| v == key)>{*label}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Moment => {
            let focus_id = id.clone();
            let change = move |ev| {
                let text = event_target_value(&ev);
                write(platform::parse_local_input(&text).map(|t| t.millis().to_string()).unwrap_or_default());
                // A timeline re-sorts when a time changes; keep focus on the moved field.
                focus::by_id_next_frame(focus_id.clone());
            };
            // "Now" saves typing the time under stress; focus stays on it even if the entry moves.
            let now_id = format!("{id}-now");
            let refocus = now_id.clone();
            let set_now = move |_| {
                write(platform::now().millis().to_string());
                focus::by_id_next_frame(refocus.clone());
            };
            view! {
                <div class="with-now">
                    <input type="datetime-local" id=id.clone() aria-describedby=hint_id
                        prop:value=move || value.with(|v| moment(v).map(platform::local_input).unwrap_or_default())
                        on:change=change/>
                    <button type="button" class="quiet" id=now_id aria-label=format!("Now: {}", field.label)
                        on:click=set_now>"Now"</button>
                </div>
            }
            .into_any()
        }
        _ => {
            let kind = if let Kind::Day = field.kind { "date" } else { "text" };
            view! {
                <input type=kind id=id.clone() autocomplete="off" aria-describedby=hint_id maxlength=MAX_LENGTH
                    prop:value=move || value.get() on:input=move |ev| write(event_target_value(&ev))/>
            }
            .into_any()
        }
    };
    view! {
        <div class="field">
            <label for=id>{field.label}</label>
            {hint}
            {control}
        </div>
    }
    .into_any()
}

/// Fields of the incident itself, in order.
#[component]
pub fn Fields(
    /// The fields, each shown with `FieldInput`.
    fields: &'static [Field],
) -> impl IntoView {
    fields
        .iter()
        .map(|field| view! { <FieldInput field/> })
        .collect_view()
}
