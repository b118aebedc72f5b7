//! The list of incidents: each with its status and next real action; search, filter by
//! status or by "needs something from me", sort by last change, archive; and the way to
//! start a new one.

use leptos::prelude::*;

use crate::browser::{focus, page, perf, platform};
use crate::model::id_map::IdMap;
use crate::model::list_row::ListRow;
use crate::model::milestones::Next;
use crate::model::order;
use crate::model::{clock, search, Day, IncidentId, Status};
use crate::route::Route;
use crate::ui::context;
use crate::ui::dialogs::import_control::{take_dropped_files, ImportControl, Importer};
use crate::ui::dom_ids;
use crate::ui::drawn_in_steps::drawn_in_steps;
use crate::ui::effect::effect;
use crate::ui::memo::memo;
use crate::ui::parts::backup_reminder::BackupReminder;
use crate::ui::parts::keyed::{key_of, Keyed};
use crate::ui::parts::unreadable_list::UnreadableList;
use crate::ui::parts::when::When;
use crate::ui::reactive_text::text;
use crate::ui::state::exporting::{export_all, said};
use crate::ui::state::library::Library;
use crate::ui::state::navigator::Navigator;
use crate::ui::ticking_now::ticking_now;

/// Said when something that needs the records is asked for while they are still read.
const WAIT: &str = "One moment: your incidents are still being read.";

/// Rows drawn at first, and how many more each "Show more" adds. Drawing 1,000 rows takes
/// about 300 ms, far past the moment the list should be ready, and search finds the rest.
const PAGE: usize = 100;
/// Rows drawn in the task that opens the list, more than a screen holds; the rest of the
/// first page follows in later tasks, so opening the list never draws 100 rows in one go.
const FIRST_ROWS: usize = 20;
/// Rows drawn in each later task: about 20 ms on a desktop, 80 at 4x CPU slowdown.
const MORE_ROWS: usize = 40;

/// A row as drawn: the incident as the list shows it, and what to do next today.
#[derive(Clone, PartialEq, Hash)]
struct Row {
    row: ListRow,
    /// What to do next; none once archived.
    next: Option<Next>,
}

impl Row {
    fn on(row: ListRow, today: Day) -> Self {
        Self {
            next: row.next(today),
            row,
        }
    }
}

#[component]
pub fn ListScreen() -> impl IntoView {
    let library = context::needed::<Library>();
    let navigator = context::needed::<Navigator>();
    page::set_title("Your incidents · Mend");

    let query = RwSignal::new(String::new());
    // For the "not told yet" flags; a minute is their smallest step.
    let now = ticking_now(30);
    // Next actions change with the day, not with each tick.
    let today = memo(move || platform::local_day(now.get()));
    let wanted = RwSignal::new(String::new());
    let needs_me = RwSignal::new(false);
    let oldest_first = RwSignal::new(false);
    let show_archived = RwSignal::new(false);
    let notice = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let cap = drawn_in_steps(FIRST_ROWS, MORE_ROWS, PAGE);

    // Built only once someone searches, and again only when an incident changes.
    let haystacks = memo(move || {
        library.with_all(|all| {
            all.iter()
                .map(|i| (i.id, search::haystack(i)))
                .collect::<IdMap<_>>()
        })
    });
    // While the records are read, the rows are the index's (`Library::reading`).
    let total = move || {
        library
            .with_preview(|rows| rows.map(<[_]>::len))
            .unwrap_or_else(|| library.with_all(<[_]>::len))
    };
    let rows = memo(move || {
        let query = query.get();
        let wanted = Status::from_key(&wanted.get());
        let show_archived = show_archived.get();
        let (today, needs_me) = (today.get(), needs_me.get());
        let keep = |row: &Row| {
            (show_archived || !row.row.archived)
                && wanted.is_none_or(|w| w == row.row.status)
                && (!needs_me || row.next.is_some_and(Next::needs_me))
        };
        let preview = library.with_preview(|rows| {
            rows.map(|rows| {
                rows.iter()
                    .map(|row| Row::on(row.clone(), today))
                    .filter(keep)
                    // Only titles can be searched until the records are read.
                    .filter(|row| search::matches(&row.row.title.to_ascii_lowercase(), &query))
                    .collect::<Vec<_>>()
            })
        });
        let mut rows: Vec<Row> = preview.unwrap_or_else(|| {
            let mut rows: Vec<Row> = library.with_all(|all| {
                all.iter()
                    .zip(crate::ui::state::titles::list_titles(all))
                    .map(|(i, title)| Row::on(ListRow::of(i, title, &platform::local_day), today))
                    .filter(keep)
                    .collect()
            });
            if !query.trim().is_empty() {
                haystacks.with(|h| {
                    rows.retain(|row| {
                        h.get(&row.row.id)
                            .is_some_and(|text| search::matches(text, &query))
                    })
                });
            }
            rows
        });
        order::sort_by(&mut rows, |row| (-row.row.updated_at.millis(), 0));
        if oldest_first.get() {
            rows.reverse();
        }
        rows
    });
    let shown = memo(move || {
        let drawn = limit.get().min(cap.get());
        rows.with(|rows| rows.iter().take(drawn).cloned().collect::<Vec<_>>())
    });
    let hidden = move || rows.with(Vec::len).saturating_sub(limit.get());
    // Effects run once the view is in the page: the list is ready to use (marked once), and
    // full once its first page is all drawn.
    let mut ready = false;
    effect(move || {
        if !std::mem::replace(&mut ready, true) {
            perf::mark("mend:list-ready");
        }
        if cap.get() == usize::MAX {
            perf::mark("mend:list-full");
        }
    });
    let filtering = move || {
        !query.with(|q| q.trim().is_empty())
            || !wanted.with(String::is_empty)
            || needs_me.get()
            || show_archived.get()
    };

    let create = move || {
        let id = library.create();
        navigator.go(Route::Incident(id, None));
    };
    // Asked for while the records are read: started once they are.
    let create_soon = RwSignal::new(false);
    effect(move || {
        if create_soon.get() && !library.reading() {
            create_soon.set(false);
            create();
        }
    });
    let create = move |_| {
        if library.reading() {
            create_soon.set(true);
            notice.set("Starting a new incident as soon as your incidents are read\u{2026}".into());
        } else {
            create();
        }
    };
    let archive = move |id: IncidentId, title: String, archive: bool| {
        if library.reading() {
            notice.set(WAIT.into());
            return;
        }
        library.change(id, false, |i| {
            i.archived = archive;
            true
        });
        notice.set(if archive {
            format!("Archived \u{201c}{title}\u{201d}. Tick \u{201c}Show archived\u{201d} to see it again.")
        } else {
            format!("\u{201c}{title}\u{201d} is back in your list.")
        });
        // The row may have gone from the list; keep focus somewhere sensible.
        focus::by_id(dom_ids::SCREEN_HEADING);
    };

    let importer = Importer::new(library);
    // A Mend file dropped anywhere on the page while the list shows is imported.
    take_dropped_files(importer);
    let exported = RwSignal::new(String::new());
    let export = move |_| exported.set(said(export_all(library)));

    view! {
        <h1 id=dom_ids::SCREEN_HEADING tabindex="-1">"Your incidents"</h1>
        <p class="lead">"Something went wrong? Start here. Everything stays in this browser."</p>
        <BackupReminder/>
        <p><button type="button" class="primary" on:click=create>"New incident"</button></p>
        <When when=move || { total() > 0 }>
            <nav class="across" aria-label="Across incidents">
                <a href=Route::Insights.href()>"Insights"</a>
                <a href=Route::Checklist.href()>"Pre-flight checklist"</a>
            </nav>
        </When>
        <When when=move || { total() > 0 }>
            <div class="list-tools" role="search" aria-label="Find incidents">
                // Bound both ways by hand, as every step field is: Leptos's `bind:` brought its
                // own machinery for just these three controls, 3.5 kB of brotli.
                <div class="field">
                    <label for="search">"Search"</label>
                    <input type="search" id="search" autocomplete="off" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="status-filter">"Status"</label>
                    <select id="status-filter" on:change=move |ev| wanted.set(event_target_value(&ev))>
                        <option value="">"Any status"</option>
                        {Status::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="sort">"Sort by last change"</label>
                    <select id="sort" on:change=move |ev| oldest_first.set(event_target_value(&ev) == "oldest")>
                        <option value="newest">"Newest first"</option>
                        <option value="oldest">"Oldest first"</option>
                    </select>
                </div>
                <div class="list-checks">
                    <div class="field check">
                        <input type="checkbox" id="needs-me" prop:checked=move || needs_me.get() on:change=move |ev| needs_me.set(event_target_checked(&ev))/>
                        <label for="needs-me">"Needs something from me"</label>
                    </div>
                    <div class="field check">
                        <input type="checkbox" id="show-archived" prop:checked=move || show_archived.get() on:change=move |ev| show_archived.set(event_target_checked(&ev))/>
                        <label for="show-archived">"Show archived"</label>
                    </div>
                </div>
            </div>
        </When>
        <p role="status" class="quiet-status">
            {text(move || {
                // Counted as drawn while the first rows wait a task or two for the rest.
                let matching = rows.with(Vec::len);
                let drawn = matching.min(limit.get());
                let counts = if drawn < matching {
                    format!(" Showing {drawn} of {matching}.")
                } else if filtering() {
                    format!(" Showing {matching} of {}.", total())
                } else {
                    String::new()
                };
                notice.get() + &counts
            })}
        </p>
        <When when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! {
                <p class="empty">{text(move || if total() == 0 { "No incidents yet." } else { "Nothing matches. Try other words, or clear the filters." }.into())}</p>
            }>
            <ul class="incident-list" aria-label="Incidents">
                // Keyed by all a row shows: a discreet number shifts when another incident returns.
                <Keyed keys=move || shown.with(|rows| rows.iter().map(key_of).collect()) row=move |_, at: usize| {
                    let Some(Row { row, next }) = shown.with_untracked(|rows: &Vec<Row>| rows.get(at).cloned()) else {
                        return ().into_any();
                    };
                    view! {
                    <li>
                        <a href=Route::Incident(row.id, None).href()>{row.title.clone()}</a>
                        // Not told yet says so below, with its clock.
                        {row.untold_since.is_none().then(|| view! {
                            " "
                            <span class="status-tag" data-status=row.status.key()>{row.status.label()}</span>
                        })}
                        {row.archived.then(|| view! { " " <span class="status-tag">"Archived"</span> })}
                        {row.untold_since.map(|noticed| {
                            let label = format!("Tell now: {}", row.title);
                            view! {
                                " "
                                <span class="untold">{text(move || clock::untold(noticed, now.get()))}</span>
                                " "
                                <a class="button row-action" href=Route::TellNow(row.id).href() aria-label=label>"Tell now"</a>
                            }
                        })}
                        {next.filter(|next| *next != Next::Tell).map(|next| view! {
                            " "
                            <span class="next-action" class:needs-me=next.needs_me()>{next.text()}</span>
                        })}
                        <span class="meta">
                            " Changed "
                            <time datetime=row.updated_at.to_string()>{platform::local_label(row.updated_at)}</time>
                        </span>
                        {
                            let (id, title, archived) = (row.id, row.title.clone(), row.archived);
                            let label = format!("{}: {title}", if archived { "Unarchive" } else { "Archive" });
                            view! {
                                <button type="button" class="quiet row-action" aria-label=label
                                    on:click=move |_| archive(id, title.clone(), !archived)>
                                    {if archived { "Unarchive" } else { "Archive" }}
                                </button>
                            }
                        }
                    </li>
                    }.into_any()
                }/>
            </ul>
            <When when=move || { hidden() > 0 }>
                <p><button type="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {text(move || format!("Show {} more", hidden().min(PAGE)))}
                </button></p>
            </When>
        </When>
        <UnreadableList/>
        <section class="files" aria-labelledby="files-heading">
            <h2 id="files-heading">"Files"</h2>
            <p class="hint">"Keep a copy somewhere private, or move your incidents to another browser. Files are not encrypted."</p>
            <p>
                <button type="button" on:click=export>"Export all"</button>
                " "
                <span role="status" class="quiet-status">{exported}</span>
            </p>
            <ImportControl importer/>
        </section>
    }
}
