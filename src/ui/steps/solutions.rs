//! 3 Solutions: several options, weighed side by side, and one recommended.

use leptos::prelude::*;

use crate::model::labels;
use crate::model::seeding::seed_checklist;
use crate::model::steps::{Alternative, NAMED_AT_ONCE};
use crate::ui::context;
use crate::ui::form::{list, ListEditor, ListSpec};
use crate::ui::memo::memo;
use crate::ui::parts::when::When;
use crate::ui::state::current::Current;

#[rustfmt::skip]
const OPTIONS: ListSpec = list! {
    items: |i| i.steps.solutions.options,
    key: "options",
    label: labels::OPTIONS,
    hint: "",
    noun: "option",
    reorder: true,
    fields: [
        (LINE, "option-title", "Option", "A few words, e.g. \u{201c}Resend the right invoice\u{201d}.", |x| x.title),
        (AREA, "option-description", "What it involves", "", |x| x.description),
        (CHOICE, "option-effort", labels::EFFORT, "", |x| x.effort),
        (CHOICE, "option-risk", labels::RISK, "", |x| x.risk),
        (CHOICE, "option-undoable", "Can it be undone?", "", |x| x.undoable),
        (LINE, "option-time", labels::TIME_TO_FIX, "", |x| x.time_to_fix),
        (LINE, "option-helpers", labels::WHO_MUST_HELP, "", |x| x.helpers),
        (AREA, "option-pros", labels::PROS, "", |x| x.pros),
        (AREA, "option-cons", labels::CONS, "", |x| x.cons),
    ],
};

/// "Recommend this option": one radio per option, all in one group.
fn recommend(id: u32) -> AnyView {
    let current = context::needed::<Current>();
    let chosen = memo(move || {
        current
            .read(|i| i.steps.solutions.chosen == Some(id))
            .unwrap_or(false)
    });
    let choose = move |_| {
        current.edit(|i| {
            i.steps.solutions.chosen = Some(id);
            // The chosen option becomes the first item of the Fix checklist.
            seed_checklist(i);
        });
    };
    let radio_id = format!("recommend-{id}");
    view! {
        <div class="field check">
            <input type="radio" name="recommended" id=radio_id.clone() prop:checked=chosen on:change=choose/>
            <label for=radio_id>"Recommend this option"</label>
        </div>
    }
    .into_any()
}

/// Options side by side at most: a wider table can't be read, and one of 2,000 columns was a
/// task of over half a second to draw.
const SIDE_BY_SIDE: usize = NAMED_AT_ONCE;

fn row(
    label: &'static str,
    options: &[(usize, Alternative)],
    chosen: Option<u32>,
    cell: fn(&Alternative) -> String,
) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            {options.iter().map(|(_, o)| view! { <td class:chosen=chosen == Some(o.id)>{cell(o)}</td> }).collect_view()}
        </tr>
    }
}

/// The options side by side, read-only.
#[component]
fn Comparison() -> impl IntoView {
    let current = context::needed::<Current>();
    // The options shown, with their places, the one chosen, and how many there are.
    let shown = memo(move || {
        current
            .read(|i| {
                let s = &i.steps.solutions;
                let shown = s.side_by_side(SIDE_BY_SIDE);
                let shown: Vec<(usize, Alternative)> =
                    shown.into_iter().map(|(at, o)| (at, o.clone())).collect();
                (shown, s.chosen, s.options.len())
            })
            .unwrap_or_default()
    });
    move || {
        let (options, chosen, count) = shown.get();
        (!options.is_empty()).then(|| {
            let options = &options;
            // The 8 is SIDE_BY_SIDE; a recommended option past them is added at the end.
            let later_chosen = options.len() > SIDE_BY_SIDE;
            let more = (count > SIDE_BY_SIDE).then_some(view! {
                <p class="hint">
                    "Here: the first 8 options"
                    {later_chosen.then_some(", and the recommended one")}
                    "."
                </p>
            });
            view! {
                <section aria-labelledby="compare-heading">
                    <h2 id="compare-heading">"Side by side"</h2>
                    {more}
                    <div class="table-scroll" role="region" aria-labelledby="compare-heading" tabindex="0">
                        <table class="compare">
                            <thead>
                                <tr>
                                    <td></td>
                                    {options.iter().map(|(n, o)| view! {
                                        <th scope="col" class:chosen=chosen == Some(o.id)>
                                            {if o.title.trim().is_empty() { format!("Option {}", n + 1) } else { o.title.clone() }}
                                            {(chosen == Some(o.id)).then_some(" (recommended)")}
                                        </th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {row(labels::EFFORT, options, chosen, |o| o.effort.label().into())}
                                {row(labels::RISK, options, chosen, |o| o.risk.label().into())}
                                {row(labels::CAN_BE_UNDONE, options, chosen, |o| o.undoable.label().into())}
                                {row(labels::TIME_TO_FIX, options, chosen, |o| o.time_to_fix.clone())}
                                {row(labels::WHO_MUST_HELP, options, chosen, |o| o.helpers.clone())}
                                {row(labels::PROS, options, chosen, |o| o.pros.clone())}
                                {row(labels::CONS, options, chosen, |o| o.cons.clone())}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
    }
}

#[component]
pub fn SolutionsStep() -> impl IntoView {
    let current = context::needed::<Current>();
    let count = memo(move || {
        current
            .read(|i| i.steps.solutions.options.len())
            .unwrap_or(0)
    });
    view! {
        <p class="lead">"Write down a few ways to put it right, then pick the one you'd recommend."</p>
        <When when=move || { count.get() < 2 }>
            <p class="nudge">"Two or more options make for a better choice. \u{201c}Wait and watch\u{201d} can be one of them."</p>
        </When>
        <ListEditor spec=&OPTIONS extra=recommend/>
        <Comparison/>
    }
}
