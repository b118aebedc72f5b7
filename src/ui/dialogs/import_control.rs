//! Import: a file input labelled "Import" (the list also takes a dropped file), the checks,
//! a preview dialog that says what is new, the same or different, and then the summary.
//! Nothing is written until the person confirms, and a bad file writes nothing at all.

use leptos::prelude::*;

use crate::browser::file_read::{self, PickedFile};
use crate::browser::{focus, listen, perf, platform};
use crate::files::import::{self, check_size};
use crate::files::merge::{Conflict, Outcome, Plan, Policy, Recheck};
use crate::files::sealed_backup::SealedBackup;
use crate::model::preflight::Checklist;
use crate::model::IncidentId;
use crate::persist::StorageKey;
use crate::ui::dialogs::modal::{Modal, ModalState};
use crate::ui::dialogs::sealed_import::SealedImport;
use crate::ui::dom_ids;
use crate::ui::effect::effect;
use crate::ui::state::library::Library;

/// How many incidents the preview names one by one; the rest are counted.
const LISTED: usize = 50;

/// The import in progress: shared by the file input and the list's drop zone.
#[derive(Clone, Copy)]
pub struct Importer {
    library: Library,
    file_name: RwSignal<String>,
    plan: RwSignal<Option<Plan>>,
    /// The file's pre-flight checklist, joined into this one on Import.
    checklist: StoredValue<Option<Checklist>>,
    /// The file has a checklist that couldn't be read: said in the preview and the message.
    checklist_left_out: StoredValue<bool>,
    policy: RwSignal<Policy>,
    pub(super) status: RwSignal<String>,
    pub(super) problem: RwSignal<String>,
    /// Incidents changed in another tab while the preview was open, said in the preview.
    changed: RwSignal<String>,
    /// The preview. Focus goes back to where it was, or to Import after a dropped file.
    preview: ModalState,
    /// An encrypted backup waiting for its passphrase, with its file name.
    pub(super) sealed: RwSignal<Option<(String, SealedBackup)>>,
}

impl Importer {
    pub fn new(library: Library) -> Self {
        Self {
            library,
            file_name: RwSignal::new(String::new()),
            plan: RwSignal::new(None),
            checklist: StoredValue::new(None),
            checklist_left_out: StoredValue::new(false),
            policy: RwSignal::new(Policy::default()),
            status: RwSignal::new(String::new()),
            problem: RwSignal::new(String::new()),
            changed: RwSignal::new(String::new()),
            preview: ModalState::new(dom_ids::IMPORT_DIALOG, dom_ids::IMPORT_INPUT),
            sealed: RwSignal::new(None),
        }
    }

    /// Checks the file in order (size before reading, then its contents) and opens the preview.
    pub fn take(self, file: PickedFile) {
        let name = file.name();
        self.status.set(String::new());
        self.problem.set(String::new());
        self.sealed.set(None);
        if self.library.reading() {
            return self.refuse(
                &name,
                "Your incidents are still being read: try again in a moment.",
            );
        }
        if let Err(e) = check_size(file.size()) {
            return self.refuse(&name, &e.to_string());
        }
        self.status.set(format!("Reading {name}\u{2026}"));
        leptos::task::spawn_local(async move {
            let bytes = match file.bytes().await {
                Ok(bytes) => bytes,
                Err(e) => return self.refuse(&name, &e.to_string()),
            };
            if let Some(sealed) = SealedBackup::parse(&bytes) {
                return match sealed {
                    Ok(backup) => self.ask_passphrase(name, backup),
                    Err(e) => self.refuse(&name, &e.to_string()),
                };
            }
            // The checks and the preview's plan, for the benchmark.
            let span = perf::Span::start("mend:import-check", "mend:import-check:start");
            let checked = import::read_bytes(&bytes);
            drop(bytes);
            drop(span);
            self.preview_file(name, checked);
        });
    }

    /// Opens the preview of a file read and checked, or says why it can't be imported.
    pub(super) fn preview_file(
        self,
        name: String,
        checked: Result<import::ImportFile, import::ImportError>,
    ) {
        match checked {
            Err(e) => self.refuse(&name, &e.to_string()),
            Ok(mut file) => {
                self.checklist.set_value(file.checklist.take());
                self.checklist_left_out.set_value(file.checklist_unreadable);
                let unreadable = self.unreadable_ids();
                let span = perf::Span::start("mend:import-plan", "mend:import-plan:start");
                let plan = self
                    .library
                    .with_all_untracked(|here| Plan::new(file, here, &unreadable));
                drop(span);
                self.status.set(String::new());
                self.file_name.set(name);
                self.policy.set(Policy::default());
                self.changed.set(String::new());
                self.plan.set(Some(plan));
                self.preview.open();
            }
        }
    }

    pub(super) fn refuse(&self, name: &str, reason: &str) {
        self.status.set(String::new());
        self.problem.set(format!(
            "Couldn't import \u{201c}{name}\u{201d}. {reason} Nothing was imported, and your saved incidents are unchanged."
        ));
    }

    /// Ids of incident records here that can't be read.
    fn unreadable_ids(&self) -> Vec<IncidentId> {
        self.library.unreadable.with_untracked(|u| {
            u.iter()
                .filter_map(|u| match u.key {
                    StorageKey::Incident(id) => Some(id),
                    _ => None,
                })
                .collect()
        })
    }

    /// Plans again against what is stored now. If another tab changed one of these
    /// incidents since the preview opened, the preview shows the new plan and says which,
    /// and nothing is written until the person presses Import again.
    fn changed_since_preview(self) -> bool {
        let ids: Vec<IncidentId> = self.plan.with_untracked(|plan| {
            plan.iter()
                .flat_map(|plan| plan.entries.iter().map(|e| e.incident.id))
                .collect()
        });
        self.library.flush();
        self.library.pull(&ids);
        let unreadable = self.unreadable_ids();
        let recheck = self.plan.with_untracked(|plan| {
            plan.as_ref().map(|plan| {
                self.library
                    .with_all_untracked(|here| plan.recheck(here, &unreadable))
            })
        });
        let Some(Recheck::Changed { plan, titles }) = recheck else {
            return false;
        };
        let names: Vec<String> = titles
            .iter()
            .map(|t| format!("\u{201c}{t}\u{201d}"))
            .collect();
        self.changed.set(format!(
            "Changed in another tab since this preview opened: {}. Here is what importing would do now. Press Import again to go ahead.",
            names.join(", ")
        ));
        self.plan.set(Some(plan));
        // Once the new preview is on the page.
        focus::by_id_next_frame(dom_ids::IMPORT_CHANGED.into());
        true
    }

    fn confirm(self) {
        if self.changed_since_preview() {
            return;
        }
        let span = perf::Span::start("mend:import-write", "mend:import-write:start");
        let policy = self.policy.get_untracked();
        let resolved = self.plan.with_untracked(|plan| {
            plan.as_ref()
                .map(|plan| plan.resolve(policy, platform::new_incident_id))
        });
        let Some((writes, summary)) = resolved else {
            return;
        };
        self.library.import(writes, move |imported| {
            drop(span);
            match imported {
                Ok(()) => {
                    let mut message = summary.message();
                    if let Some(list) = self.checklist.try_update_value(Option::take).flatten() {
                        let before = self.library.checklist.with_untracked(|c| c.items.len());
                        self.library.change_checklist(|c| c.join(&list));
                        let added =
                            self.library.checklist.with_untracked(|c| c.items.len()) - before;
                        if added > 0 {
                            message += &format!(" Your pre-flight checklist gained {added}.");
                        }
                    }
                    if self.checklist_left_out.get_value() {
                        message = format!("{message} {}", import::CHECKLIST_LEFT_OUT);
                    }
                    self.status.set(message)
                }
                Err(reason) => self.refuse(&self.file_name.get_untracked(), &reason.to_string()),
            }
            self.close();
        });
    }

    fn close(self) {
        self.preview.close();
        self.forget();
    }

    /// Drops the file's contents (up to 32 MB), however the preview was closed.
    fn forget(self) {
        self.plan.set(None);
        self.checklist.set_value(None);
    }
}

/// The file input, the preview dialog and the import's messages.
#[component]
pub fn ImportControl(
    /// The import in progress, shared with whatever else starts one (a dropped file).
    importer: Importer,
) -> impl IntoView {
    let picked = move |ev: leptos::ev::Event| {
        if let Some(file) = file_read::picked(&ev) {
            importer.take(file);
        }
    };
    // Escape closes the preview without Cancel: the file is forgotten then too.
    effect(move || {
        if !importer.preview.is_open() && importer.plan.with_untracked(Option::is_some) {
            importer.forget();
        }
    });
    view! {
        <div class="field import-field">
            <label for=dom_ids::IMPORT_INPUT>"Import"</label>
            <p class="hint" id="import-hint">"A Mend export (.json). You can also drop it onto this page. You'll see what it holds before anything changes."</p>
            <input type="file" id=dom_ids::IMPORT_INPUT accept=".json,application/json"
                aria-describedby="import-hint" on:change=picked/>
        </div>
        <SealedImport importer/>
        <p role="status" class="quiet-status">{importer.status}</p>
        <p role="alert" class="problem-text">{importer.problem}</p>
        <Modal state=importer.preview labelledby="import-heading">
            {move || importer.plan.with(|plan| plan.as_ref().map(|plan| view! { <Preview importer plan=plan.clone()/> }))}
        </Modal>
    }
}

/// What importing would do, counted, with the choice of what to do with differing copies.
#[component]
fn Preview(
    /// The import this preview belongs to.
    importer: Importer,
    /// What would happen to each incident in the file.
    plan: Plan,
) -> impl IntoView {
    let count = |wanted: fn(&Outcome) -> bool| plan.count(wanted);
    let new = count(|o| *o == Outcome::New);
    let same = count(|o| *o == Outcome::Same);
    let differ = count(|o| matches!(o, Outcome::Conflict(_)));
    let total = plan.entries.len();
    let mut lines = Vec::new();
    for (n, one, many) in [
        (new, "1 new incident", "new incidents"),
        (same, "1 already here, unchanged", "already here, unchanged"),
        (
            differ,
            "1 differs from the one here",
            "differ from the ones here",
        ),
    ] {
        match n {
            0 => {}
            1 => lines.push(one.to_owned()),
            n => lines.push(format!("{n} {many}")),
        }
    }
    lines.extend(
        plan.rejected
            .iter()
            .map(|r| format!("Can't be used: {}", import::describe(r))),
    );
    if importer.checklist_left_out.get_value() {
        lines.push(import::CHECKLIST_LEFT_OUT.to_owned());
    }
    let rows: Vec<(String, &'static str)> = plan
        .entries
        .iter()
        .take(LISTED)
        .map(|e| {
            let what = match e.outcome {
                Outcome::New => "New",
                Outcome::Same => "Already here",
                Outcome::Conflict(Conflict::Differs {
                    file_is_newer: true,
                }) => "Differs: the file's was changed later",
                Outcome::Conflict(Conflict::Differs {
                    file_is_newer: false,
                }) => "Differs: yours was changed later",
                Outcome::Conflict(Conflict::Unreadable) => {
                    "Will come in as a copy: a record here under the same id can't be read"
                }
            };
            (e.incident.display_title().to_owned(), what)
        })
        .collect();
    let more = total.saturating_sub(LISTED);
    let has_conflicts = plan.has_conflicts();
    let button = match total - same {
        0 => "Import nothing new".to_owned(),
        1 => "Import 1 incident".to_owned(),
        n => format!("Import {n} incidents"),
    };
    view! {
        <h2 id="import-heading">{format!("Import \u{201c}{}\u{201d}?", importer.file_name.get_untracked())}</h2>
        <p id=dom_ids::IMPORT_CHANGED role="alert" tabindex="-1" class="problem-text">{importer.changed}</p>
        <ul class="import-summary">
            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
        <ul class="import-rows" aria-label="Incidents in the file">
            {rows.into_iter().map(|(title, what)| view! { <li><span class="incident-name">{title}</span> " \u{2014} " {what}</li> }).collect_view()}
            {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
        </ul>
        {has_conflicts.then(|| view! {
            <fieldset class="choice-group">
                <legend>"When an incident differs from the one here"</legend>
                {Policy::ALL.into_iter().map(|policy| {
                    let id = format!("import-policy-{}", policy.key());
                    view! {
                        <div class="field check">
                            <input type="radio" name="import-policy" id=id.clone() value=policy.key()
                                prop:checked=move || importer.policy.get() == policy
                                on:change=move |_| importer.policy.set(policy)/>
                            <label for=id>{policy.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        })}
        <div class="actions">
            <button type="button" class="primary" autofocus on:click=move |_| importer.confirm()>{button}</button>
            <button type="button" on:click=move |_| importer.close()>"Cancel"</button>
        </div>
    }
}

/// Lets the list take a file dropped anywhere on the page, until the list leaves it.
pub fn take_dropped_files(importer: Importer) {
    let Some(window) = listen::window() else {
        return;
    };
    listen::listen(&window, "dragover", |ev| file_read::accept_files(&ev));
    listen::listen(&window, "drop", move |ev| {
        if let Some(file) = file_read::dropped(&ev) {
            importer.take(file);
        }
    });
}
