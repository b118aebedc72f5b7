//! Tell now: one short screen for the first fifteen minutes. The four essentials, the
//! options if there are any, the briefing drafted from them, and "I told them". Every field
//! is the same field as in the steps: one record, no copies.

use leptos::prelude::*;

use crate::browser::page;
use crate::model::steps::NAMED_AT_ONCE;
use crate::model::IncidentId;
use crate::route::Route;
use crate::ui::context;
use crate::ui::dom_ids;
use crate::ui::form::{FieldInput, Fields};
use crate::ui::memo::memo;
use crate::ui::parts::briefing_editor::BriefingEditor;
use crate::ui::parts::calm_clock::CalmClock;
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;
use crate::ui::state::library::Library;
use crate::ui::state::titles;
use crate::ui::steps::{assess, own_up};

/// The Tell now screen of one incident, or a note when there is no such incident.
#[component]
pub fn TellNowScreen(
    /// The incident to tell about.
    id: IncidentId,
) -> impl IntoView {
    let library = context::needed::<Library>();
    let current = Current::new(id, library);
    provide_context(current);
    let exists = memo(move || current.read(|_| ()).is_some());
    page::set_title(&format!("Tell now \u{b7} {}", titles::tab_title(id)));
    move || {
        if exists.get() {
            view! { <TellNow id/> }.into_any()
        } else {
            view! {
                <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Incident unavailable"</h1>
                <p>"There is no incident at this address. It may have been deleted."</p>
                <p><a href=Route::List.href()>"Go to your incidents"</a></p>
            }
            .into_any()
        }
    }
}

/// The short form itself, once the incident is known to exist.
#[component]
fn TellNow(
    /// The incident, for the link back to its steps.
    id: IncidentId,
) -> impl IntoView {
    view! {
        <p class="back"><a href=Route::Incident(id, None).href()>"Back to the steps"</a></p>
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Tell now"</h1>
        <p class="lead">"Four short answers, and Mend drafts what to say. All of it is kept in the steps too."</p>
        <CalmClock/>
        <FieldInput field=&assess::BASICS[0]/>
        <FieldInput field=&assess::IMPACT[0]/>
        <Fields fields=own_up::NOTES/>
        <Options id/>
        <BriefingEditor/>
        <Fields fields=own_up::TOLD/>
    }
}

/// The options from Solutions, the recommended one first; a pointer there when none.
#[component]
fn Options(
    /// The incident, for the link to its Solutions step.
    id: IncidentId,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let options = memo(move || {
        current
            .read(|i| i.steps.solutions.to_tell())
            .unwrap_or_default()
    });
    let more = move || {
        let titled = current.read(|i| i.steps.solutions.titled().count());
        titled.unwrap_or_default().saturating_sub(NAMED_AT_ONCE)
    };
    let solutions = Route::Incident(id, Some(crate::model::Step::Solutions)).href();
    view! {
        <section aria-labelledby="tell-options-heading">
            <h2 id="tell-options-heading">"Options"</h2>
            {move || options.with(|options| if options.is_empty() {
                view! {
                    <p class="hint">"None yet. It's fine to tell them before you have any; "
                        <a href=solutions.clone()>"weigh options in Solutions"</a>" when there is time."</p>
                }.into_any()
            } else {
                let to_solutions = solutions.clone();
                view! {
                    <ul>
                        {options.iter().map(|(chosen, title)| view! {
                            <li>{title.clone()}{chosen.then_some(" (recommended)")}</li>
                        }).collect_view()}
                    </ul>
                    <When when=move || { more() > 0 }>
                        <p class="hint">{text(move || format!("And {} more in ", more()))}
                            <a href=to_solutions.clone()>"Solutions"</a>"."</p>
                    </When>
                }.into_any()
            })}
        </section>
    }
}
