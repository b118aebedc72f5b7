//! The incident report: a dialog to choose sections and whether names become roles, with the
//! Markdown to download or copy, and a print view that prints just the report.

use leptos::prelude::*;

use crate::browser::{listen, page, platform};
use crate::files::export::incident_file_name;
use crate::files::report::{self, Block, Options, Section};
use crate::ui::context;
use crate::ui::dialogs::modal::{Modal, ModalState};
use crate::ui::dom_ids;
use crate::ui::memo::memo;
use crate::ui::parts::send_actions::copy_to;
use crate::ui::reactive_text::text;
use crate::ui::state::current::Current;
use crate::ui::state::exporting::{deliver, said};
use crate::ui::state::library::Library;

/// Bytes of text the box shows at most, about ten printed pages: the browser lays out 30 kB
/// of text in about 10 ms on a desktop, where a report at the import's limits (1.6 MB) took
/// half a second, and 100 kB still 35 ms.
const SHOWN: usize = 30_000;

/// The report dialog: choose the sections, then download, copy or print.
#[component]
pub fn ReportDialog(
    /// The report being printed, as a snapshot so the page doesn't rebuild it per keystroke.
    /// The screen shows it as a `PrintView` outside every other part, so it prints alone.
    printing: RwSignal<Option<Vec<Block>>>,
) -> impl IntoView {
    let current = context::needed::<Current>();
    let library = context::needed::<Library>();
    let modal = ModalState::new(dom_ids::REPORT_DIALOG, dom_ids::REPORT_BUTTON);
    let options = RwSignal::new(Options::default());
    let status = RwSignal::new(String::new());

    let whole = move || {
        options
            .with_untracked(|o| {
                current.read_untracked(|i| report::build(i, o, &platform::local_label))
            })
            .unwrap_or_default()
    };
    // What the box shows, and whether the report goes on past it. Download, Copy and Print
    // build the whole report when asked.
    let shown = memo(move || {
        if !modal.is_open() {
            return (String::new(), false);
        }
        options
            .with(|o| current.read(|i| report::preview(i, o, &platform::local_label, SHOWN)))
            .map(|(blocks, cut)| (report::markdown(&blocks), cut))
            .unwrap_or_default()
    });
    let file_name = move || {
        let discreet = library.settings.with_untracked(|s| s.discreet);
        let title = current.read_untracked(|i| i.display_title().to_owned());
        incident_file_name(
            title.as_deref().filter(|_| !discreet),
            platform::today(),
            "md",
        )
    };

    let show = move |_| {
        status.set(String::new());
        modal.open();
    };
    let download = move |_| {
        let made = deliver(&file_name(), "text/markdown", &report::markdown(&whole()));
        status.set(said(made));
    };
    let copy = move |_| copy_to(report::markdown(&whole()), status, "Copied the report.");
    let print = move |_| {
        printing.set(Some(whole()));
        modal.close();
        // The snapshot goes once printing is over.
        page::print_soon();
    };
    if let Some(window) = listen::window() {
        listen::listen(&window, "afterprint", move |_| printing.set(None));
    }

    let toggle = move |section: Section, on: bool| {
        options.update(|o| {
            o.sections.retain(|s| *s != section);
            if on {
                o.sections.push(section);
            }
        })
    };

    view! {
        <button type="button" class="quiet" id=dom_ids::REPORT_BUTTON on:click=show>"Report"</button>
        // Built only while open: the report isn't rebuilt per keystroke, and its labels
        // don't stand in for the step's own.
        <Modal state=modal labelledby="report-heading" class="report-dialog">
            <h2 id="report-heading">"Report"</h2>
            <p>"The whole incident, in the order a review reads it. Leave out what you'd rather not share."</p>
            <fieldset class="report-sections">
                <legend>"Sections"</legend>
                {Section::ALL.into_iter().map(|section| {
                    let id = format!("report-{}", section.key());
                    view! {
                        <div class="field check">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || options.with(|o| o.sections.contains(&section))
                                on:change=move |ev| toggle(section, event_target_checked(&ev))/>
                            <label for=id>{section.heading()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field check">
                <input type="checkbox" id="report-roles" aria-describedby="report-roles-hint"
                    prop:checked=move || options.with(|o| o.names_as_roles)
                    on:change=move |ev| options.update(|o| o.names_as_roles = event_target_checked(&ev))/>
                <label for="report-roles">"Use roles instead of names"</label>
            </div>
            <p class="hint" id="report-roles-hint">"For sharing, for example with your manager. A name Mend has no role for becomes \u{201c}someone\u{201d}."</p>
            <div class="field">
                <label for="report-text">"Report (Markdown)"</label>
                <textarea id="report-text" rows="12" readonly aria-describedby="report-text-cut"
                    prop:value=text(move || shown.with(|(text, _)| text.clone()))></textarea>
                // Empty, and so not shown, unless the report goes on past the box.
                <p class="hint cut-note" id="report-text-cut">{text(move || {
                    let long = "This report is long, so the box shows its beginning. Download, Copy and Print take all of it.";
                    shown.with(|(_, cut)| if *cut { long } else { "" }).into()
                })}</p>
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=download>"Download Markdown report"</button>
                <button type="button" on:click=copy>"Copy report"</button>
                <button type="button" on:click=print>"Print report"</button>
                <button type="button" on:click=move |_| modal.close()>"Close"</button>
            </div>
            <p role="status" class="quiet-status">{status}</p>
        </Modal>
    }
}

/// The report as the printed page; hidden on screen, and alone on paper.
#[component]
pub fn PrintView(
    /// The report to print.
    blocks: Vec<Block>,
) -> impl IntoView {
    let mut parts: Vec<AnyView> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush = |items: &mut Vec<String>, parts: &mut Vec<AnyView>| {
        if !items.is_empty() {
            let list = std::mem::take(items);
            parts.push(view! { <ul>{list.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any());
        }
    };
    for block in blocks {
        if !matches!(block, Block::Item(_)) {
            flush(&mut items, &mut parts);
        }
        match block {
            Block::Item(text) => items.push(text),
            Block::Heading(1, text) => {
                parts.push(view! { <p class="print-title">{text}</p> }.into_any())
            }
            Block::Heading(2, text) => parts.push(view! { <h2>{text}</h2> }.into_any()),
            Block::Heading(_, text) => parts.push(view! { <h3>{text}</h3> }.into_any()),
            Block::Para(text) => parts.push(view! { <p>{text}</p> }.into_any()),
        }
    }
    flush(&mut items, &mut parts);
    view! { <article class="print-report" aria-hidden="true">{parts}</article> }
}
