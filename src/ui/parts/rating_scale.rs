//! A one-tap rating: a row of large native radio buttons (a radio group, so arrow keys move
//! along it), with words at both ends. Used for distress (0–10) and belief (0–100%).

use leptos::prelude::*;

use crate::model::thought_record::{BELIEF_STEPS, DISTRESS_STEPS};
use crate::model::Incident;
use crate::ui::context;
use crate::ui::memo::memo;
use crate::ui::state::current::Current;

/// The numbers of a kind of scale, and the words at its ends.
pub struct Range {
    /// The words at the low and high end.
    pub ends: (&'static str, &'static str),
    pub steps: &'static [u8],
    /// After each number: "" or "%".
    pub unit: &'static str,
}

/// Distress, 0 to 10.
pub const DISTRESS: Range = Range {
    ends: ("calm", "overwhelmed"),
    steps: &DISTRESS_STEPS,
    unit: "",
};

/// Belief in a thought, 0 to 100%.
pub const BELIEF: Range = Range {
    ends: ("not at all", "completely"),
    steps: &BELIEF_STEPS,
    unit: "%",
};

/// One scale of one incident field.
pub struct Scale {
    /// Unique: the radios' group name.
    pub key: &'static str,
    pub legend: &'static str,
    pub range: &'static Range,
    pub get: fn(&Incident) -> Option<u8>,
    pub set: fn(&mut Incident, u8),
}

/// A scale of the rating at `$path`: `scale!(DISTRESS, "key", "Legend", |i| i.path)`.
macro_rules! scale {
    ($range:ident, $key:literal, $legend:literal, |$i:ident| $path:expr) => {
        $crate::ui::parts::rating_scale::Scale {
            key: $key,
            legend: $legend,
            range: &$crate::ui::parts::rating_scale::$range,
            get: |$i| $path,
            set: |$i, n| $path = Some(n),
        }
    };
}
pub(crate) use scale;

/// "0: calm", "100%: completely".
fn end_label(range: &Range, at: usize) -> String {
    let word = if at == 0 { range.ends.0 } else { range.ends.1 };
    let step = range.steps.get(at).copied().unwrap_or_default();
    format!("{step}{}: {word}", range.unit)
}

/// A row of radios that rates one field of the current incident.
#[component]
pub fn RatingScale(
    /// The field, its legend, steps and end words.
    scale: &'static Scale,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let value = memo(move || current.read(|i| (scale.get)(i)).flatten());
    let range = scale.range;
    let last = range.steps.len().saturating_sub(1);
    let options = range
        .steps
        .iter()
        .enumerate()
        .map(|(n, &step)| {
            // The end words are part of the end buttons' names ("0 calm"); the row under
            // the scale shows them to the eye.
            let end = match n {
                0 => range.ends.0,
                n if n == last => range.ends.1,
                _ => "",
            };
            view! {
                <label class="scale-option">
                    <input type="radio" name=scale.key value=step.to_string()
                        prop:checked=move || value.get() == Some(step)
                        on:change=move |_| current.edit(|i| (scale.set)(i, step))/>
                    <span class="scale-number">{step}{range.unit}<span class="visually-hidden">{end}</span></span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="scale">
            <legend>{scale.legend}</legend>
            <div class="scale-options">{options}</div>
            <p class="scale-ends" aria-hidden="true">
                <span>{end_label(range, 0)}</span>
                <span>{end_label(range, last)}</span>
            </p>
        </fieldset>
    }
}
