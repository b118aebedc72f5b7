//! Native tests of one tab's save session (`persist::session`) against the in-memory store:
//! two tabs on one store, with the `storage` events a browser would deliver late or never.

use mend::model::{Incident, IncidentId, Timestamp};
use mend::persist::repo::SaveError;
use mend::persist::{
    codec, load, KeyValue, MemoryStore, Outcome, ReadOnly, SaveProblem, Session, StorageError,
    StorageKey, Undone,
};

fn at(ms: i64) -> Timestamp {
    Timestamp::from_millis(1_780_000_000_000 + ms).expect("valid time")
}

/// One browser tab: its session and the incidents it holds, opened from `store`.
struct Tab {
    session: Session,
    incidents: Vec<Incident>,
}

impl Tab {
    fn open(store: &MemoryStore) -> Self {
        let loaded = load(store);
        Self {
            session: Session::new(&loaded),
            incidents: loaded.incidents,
        }
    }

    fn edit(&mut self, id: IncidentId, ms: i64, change: impl FnOnce(&mut Incident)) -> bool {
        self.session
            .change(&mut self.incidents, id, Some(at(ms)), |i| {
                change(i);
                true
            })
    }

    fn flush(&mut self, store: &MemoryStore) -> Result<bool, SaveProblem> {
        let flushed = self.session.flush(store, &mut self.incidents);
        flushed.result
    }

    /// Flushes and returns the `storage` event another tab would get: (old, new).
    fn flush_with_event(
        &mut self,
        store: &MemoryStore,
        id: IncidentId,
    ) -> (Option<String>, Option<String>) {
        let old = raw(store, id);
        self.flush(store).expect("saves");
        (old, raw(store, id))
    }

    fn hear(&mut self, id: IncidentId, (old, new): (Option<String>, Option<String>)) -> Outcome {
        self.session
            .on_event(&mut self.incidents, id, old.as_deref(), new)
    }

    fn get(&self, id: IncidentId) -> &Incident {
        self.incidents.iter().find(|i| i.id == id).expect("held")
    }
}

fn raw(store: &MemoryStore, id: IncidentId) -> Option<String> {
    store.get(&StorageKey::Incident(id)).expect("readable")
}

fn stored(store: &MemoryStore, id: IncidentId) -> Incident {
    codec::decode(&raw(store, id).expect("stored")).expect("decodes")
}

/// A store with one incident saved, and its id.
fn store_with_one(title: &str) -> (MemoryStore, IncidentId) {
    let store = MemoryStore::new();
    let mut tab = Tab::open(&store);
    let mut incident = Incident::new(IncidentId::from_random_bytes([7; 16]), at(0));
    incident.title = title.to_owned();
    let id = incident.id;
    tab.incidents.push(incident);
    tab.session.created(id);
    tab.flush(&store).expect("saves");
    (store, id)
}

/// Two tabs open on one stored incident, each with an edit not yet saved.
fn both_editing(
    title: &str,
    in_a: impl FnOnce(&mut Incident),
    in_b: impl FnOnce(&mut Incident),
) -> (MemoryStore, IncidentId, Tab, Tab) {
    let (store, id) = store_with_one(title);
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    a.edit(id, 1, in_a);
    b.edit(id, 2, in_b);
    (store, id, a, b)
}

#[test]
fn an_edit_is_queued_and_one_flush_writes_it() {
    let (store, id) = store_with_one("Queued");
    let mut tab = Tab::open(&store);
    assert!(!tab.session.is_waiting());
    assert!(tab.edit(id, 5, |i| i.steps.assess.impact = "Late invoices".into()));
    assert!(tab.session.is_waiting());
    assert_eq!(
        tab.get(id).updated_at,
        at(5),
        "a person's edit moves last changed"
    );
    assert_eq!(tab.flush(&store), Ok(true));
    assert!(!tab.session.is_waiting());
    assert_eq!(stored(&store, id).steps.assess.impact, "Late invoices");
    assert_eq!(tab.flush(&store), Ok(false), "nothing waits");
}

#[test]
fn a_change_that_changes_nothing_is_not_queued() {
    let (store, id) = store_with_one("Unchanged");
    let mut tab = Tab::open(&store);
    let changed = tab.session.change(&mut tab.incidents, id, None, |_| false);
    assert!(!changed);
    assert!(!tab.session.is_waiting());
}

/// Both tabs type before either saves; B saves last and finds A's record under it.
#[test]
fn two_tabs_editing_different_fields_both_keep_their_edits() {
    let (store, id, mut a, mut b) = both_editing(
        "Two tabs",
        |i| i.steps.assess.what_happened = "Written in the first tab".into(),
        |i| i.steps.assess.impact = "Written in the second tab".into(),
    );
    a.flush(&store).expect("saves");
    let a_record = raw(&store, id);
    let flushed = b.session.flush(&store, &mut b.incidents);
    assert_eq!(flushed.result, Ok(true));
    assert!(flushed.outcome.changed, "B shows A's text");
    assert_eq!(flushed.outcome.clash, None, "no field both changed");
    // A hears of B's write (a tab never hears of its own).
    let outcome = a.hear(id, (a_record, raw(&store, id)));
    assert!(outcome.changed && !outcome.save_soon && outcome.clash.is_none());
    for incident in [a.get(id), b.get(id), &stored(&store, id)] {
        assert_eq!(
            incident.steps.assess.what_happened,
            "Written in the first tab"
        );
        assert_eq!(incident.steps.assess.impact, "Written in the second tab");
    }
}

/// B hears of A's write while its own edit is unsaved, merges it, and saves the merge.
#[test]
fn another_tabs_event_is_merged_into_unsaved_edits_and_saved_soon() {
    let (store, id, mut a, mut b) = both_editing(
        "Event first",
        |i| i.steps.own_up.need = "Another pair of eyes".into(),
        |i| i.steps.fix.items.push(Default::default()),
    );
    let event = a.flush_with_event(&store, id);
    let outcome = b.hear(id, event);
    assert!(outcome.changed && outcome.save_soon && outcome.clash.is_none());
    assert_eq!(b.get(id).steps.own_up.need, "Another pair of eyes");
    assert_eq!(b.flush(&store), Ok(true));
    let both = stored(&store, id);
    assert_eq!(both.steps.own_up.need, "Another pair of eyes");
    assert_eq!(both.steps.fix.items.len(), 1);
}

/// The race the two-tab browser test caught: B writes from the same start as A, B's write
/// reaches storage after A's, and B has merged A's change from the event meanwhile. B's own
/// older record in storage is written over, never merged back (that would drop A's text).
#[test]
fn a_tabs_own_late_write_is_written_over_not_merged_back() {
    let (store, id) = store_with_one("Late write");
    let start = raw(&store, id);
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    a.edit(id, 1, |i| {
        i.steps.assess.what_happened = "Written in the first tab".into()
    });
    b.edit(id, 2, |i| {
        i.steps.assess.impact = "Written in the second tab".into()
    });
    let a_event = a.flush_with_event(&store, id);
    let a_record = a_event.1.clone().expect("A wrote");
    // B's write lands over A's as if it had not seen it (the browser passed A's on late).
    store.put_raw(
        &StorageKey::Incident(id).as_string(),
        start.as_deref().expect("stored"),
    );
    b.session.pull(&store, &mut b.incidents, &[id]);
    b.flush(&store).expect("saves");
    let b_record = raw(&store, id).expect("B wrote");
    store.put_raw(&StorageKey::Incident(id).as_string(), &b_record);
    // Now A's event reaches B: it merges A's text in and saves again, over its own record.
    b.hear(id, (start, Some(a_record)));
    store.put_raw(&StorageKey::Incident(id).as_string(), &b_record);
    assert_eq!(b.flush(&store), Ok(true));
    let both = stored(&store, id);
    assert_eq!(both.steps.assess.what_happened, "Written in the first tab");
    assert_eq!(both.steps.assess.impact, "Written in the second tab");
}

#[test]
fn the_same_field_in_two_tabs_keeps_this_tabs_text_and_reports_the_clash() {
    let (store, id, mut a, mut b) = both_editing(
        "Same field",
        |i| i.steps.assess.what_happened = "The first tab says this".into(),
        |i| i.steps.assess.what_happened = "The second tab says that".into(),
    );
    a.flush(&store).expect("saves");
    let flushed = b.session.flush(&store, &mut b.incidents);
    assert_eq!(flushed.result, Ok(true));
    let clash = flushed.outcome.clash.expect("reported");
    assert_eq!(clash.title, "Same field");
    assert_eq!(clash.places, ["Assess"]);
    let theirs = clash.theirs.expect("the other version is offered");
    assert_eq!(theirs.steps.assess.what_happened, "The first tab says this");
    assert_eq!(
        stored(&store, id).steps.assess.what_happened,
        "The second tab says that"
    );
}

#[test]
fn deleted_in_another_tab_while_edited_here_is_kept_and_reported() {
    let (store, id) = store_with_one("Kept");
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    b.edit(id, 2, |i| i.steps.assess.impact = "Still needed".into());
    let old = raw(&store, id);
    a.session.delete(&store, id).expect("deletes");
    let outcome = b.hear(id, (old, None));
    let clash = outcome.clash.expect("reported");
    assert!(clash.places.is_empty() && clash.theirs.is_none());
    assert!(outcome.save_soon);
    assert_eq!(b.flush(&store), Ok(true));
    assert_eq!(stored(&store, id).steps.assess.impact, "Still needed");
}

#[test]
fn deleted_in_another_tab_and_untouched_here_goes_here_too() {
    let (store, id) = store_with_one("Gone");
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    let old = raw(&store, id);
    a.session.delete(&store, id).expect("deletes");
    let outcome = b.hear(id, (old, None));
    assert!(outcome.changed && outcome.clash.is_none());
    assert!(b.incidents.is_empty());
}

#[test]
fn a_change_whose_event_never_came_is_pulled_in() {
    let (store, id) = store_with_one("Pulled");
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    a.edit(id, 1, |i| i.title = "Pulled, then renamed".into());
    a.flush(&store).expect("saves");
    let outcome = b.session.pull(&store, &mut b.incidents, &[id]);
    assert!(outcome.changed);
    assert_eq!(b.get(id).title, "Pulled, then renamed");
    let again = b.session.pull(&store, &mut b.incidents, &[id]);
    assert_eq!(again, Outcome::default(), "nothing new the second time");
}

#[test]
fn a_full_store_keeps_the_edit_waiting_until_there_is_room() {
    let (store, id) = store_with_one("Full");
    let used: usize = store
        .snapshot()
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    let small = MemoryStore::with_capacity(used + 300);
    for (key, value) in store.snapshot() {
        small.put_raw(&key, &value);
    }
    // Something else takes most of the room that is left.
    let filler = StorageKey::Unknown("mend.filler".into());
    small.put_raw(&filler.as_string(), &"y".repeat(250));
    let mut tab = Tab::open(&small);
    // Letters without repeats, so that packing (`persist::pack`) can't shorten them.
    let mut seed = 7u32;
    let impact: String = (0..100)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from(b'a' + (seed >> 16) as u8 % 26)
        })
        .collect();
    tab.edit(id, 1, |i| i.steps.assess.impact = impact.clone());
    let problem = tab.flush(&small).expect_err("no room");
    assert_eq!(
        problem,
        SaveProblem::Save(SaveError::Storage(StorageError::Full))
    );
    assert!(problem.may_pass(), "worth trying again");
    assert!(tab.session.is_waiting(), "still queued");
    assert_eq!(tab.get(id).steps.assess.impact, impact, "still on screen");
    small.remove(&filler).expect("room made");
    assert_eq!(tab.flush(&small), Ok(true));
    assert_eq!(stored(&small, id).steps.assess.impact, impact);
}

#[test]
fn a_newer_mends_record_is_never_overwritten() {
    let (store, id) = store_with_one("Newer");
    let mut tab = Tab::open(&store);
    let newer = raw(&store, id).expect("stored");
    let newer = mend::persist::pack::unpack(&newer)
        .expect("unpacks")
        .replacen("\"schema\":4", "\"schema\":99", 1);
    store.put_raw(&StorageKey::Incident(id).as_string(), &newer);
    tab.edit(id, 1, |i| i.title = "Over it".into());
    let problem = tab.flush(&store).expect_err("refused");
    assert_eq!(problem, SaveProblem::Save(SaveError::NewerRecord));
    assert!(!problem.may_pass());
    assert_eq!(raw(&store, id).as_deref(), Some(newer.as_str()));
}

#[test]
fn after_a_newer_store_is_seen_nothing_is_written_or_deleted() {
    let (store, id) = store_with_one("Read only");
    let mut tab = Tab::open(&store);
    tab.session.newer_store(9);
    assert_eq!(
        tab.session.read_only(),
        Some(ReadOnly::NewerStore { found: 9 })
    );
    tab.edit(id, 1, |i| i.title = "Changed".into());
    let before = store.snapshot();
    assert!(
        !tab.session.prepare(&tab.incidents),
        "no text is made for a write that can't happen"
    );
    assert!(matches!(tab.flush(&store), Err(SaveProblem::ReadOnly(_))));
    assert!(tab.session.delete(&store, id).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn emptied_storage_is_counted_and_put_back() {
    let (store, id) = store_with_one("Put back");
    let mut tab = Tab::open(&store);
    mend::persist::clear_all(&store).expect("cleared");
    assert_eq!(tab.session.on_cleared(&store, &tab.incidents), 1);
    tab.session
        .put_back(
            &store,
            &tab.incidents,
            &Default::default(),
            &Default::default(),
            &[],
        )
        .expect("put back");
    assert_eq!(stored(&store, id).title, "Put back");
    tab.edit(id, 1, |i| i.title = "Put back, then edited".into());
    assert_eq!(
        tab.flush(&store),
        Ok(true),
        "saves go on from what was put back"
    );
}

#[test]
fn undo_of_a_delete_brings_back_another_tabs_newer_version_instead() {
    let (store, id) = store_with_one("Undone");
    let (mut a, mut b) = (Tab::open(&store), Tab::open(&store));
    let deleted = a.incidents.remove(0);
    a.session.delete(&store, id).expect("deletes");
    b.edit(id, 3, |i| i.title = "Kept by the other tab".into());
    b.flush(&store).expect("saves");
    let undone = a
        .session
        .restore(&store, &mut a.incidents, deleted.clone(), 0)
        .expect("restored");
    assert_eq!(undone, Undone::Stored);
    assert_eq!(a.get(id).title, "Kept by the other tab");
    let again = a.session.restore(&store, &mut a.incidents, deleted, 0);
    assert_eq!(again, Ok(Undone::AlreadyHere), "never a second copy");
}

#[test]
fn storage_that_cannot_be_opened_keeps_everything_in_memory() {
    let (store, id) = store_with_one("Blocked");
    let mut tab = Tab::open(&store);
    tab.edit(id, 1, |i| i.title = "Typed while blocked".into());
    let blocked = mend::persist::Failing(StorageError::Unavailable);
    let flushed = tab.session.flush(&blocked, &mut tab.incidents);
    assert_eq!(
        flushed.result,
        Err(SaveProblem::Save(SaveError::Storage(
            StorageError::Unavailable
        )))
    );
    assert_eq!(tab.get(id).title, "Typed while blocked");
    assert_eq!(tab.flush(&store), Ok(true));
}

/// A save in two tasks (`Session::prepare`, then `flush`): the text made ahead is written as
/// it was made, once, and a second `prepare` has nothing left to make.
#[test]
fn a_text_made_a_task_ahead_is_the_one_written() {
    let (store, id) = store_with_one("Ahead");
    let mut tab = Tab::open(&store);
    assert!(!tab.session.prepare(&tab.incidents), "nothing waits");
    tab.edit(id, 1, |i| i.steps.assess.impact = "Encoded first".into());
    assert!(tab.session.prepare(&tab.incidents));
    assert!(!tab.session.prepare(&tab.incidents), "made once");
    let made = tab.session.ready_texts();
    assert_eq!(made, vec![codec::encode(tab.get(id))]);
    assert_eq!(tab.flush(&store), Ok(true));
    assert_eq!(raw(&store, id).as_ref(), made.first());
    assert!(tab.session.ready_texts().is_empty(), "gone once written");
}

/// A keystroke between the two tasks: its text is made again, never the older one written.
#[test]
fn a_change_after_its_text_was_made_is_written_not_the_older_text() {
    let (store, id) = store_with_one("Typed meanwhile");
    let mut tab = Tab::open(&store);
    tab.edit(id, 1, |i| i.steps.assess.impact = "First".into());
    tab.session.prepare(&tab.incidents);
    tab.edit(id, 2, |i| i.steps.assess.impact = "First, then more".into());
    assert!(tab.session.ready_texts().is_empty());
    assert_eq!(tab.flush(&store), Ok(true));
    assert_eq!(stored(&store, id).steps.assess.impact, "First, then more");
}

/// Another tab's change merged in between the two tasks is written with this tab's.
#[test]
fn another_tabs_change_heard_after_the_text_was_made_is_kept() {
    let (store, id, mut a, mut b) = both_editing(
        "Heard meanwhile",
        |i| i.steps.own_up.need = "From the first tab".into(),
        |i| i.steps.assess.impact = "From the second tab".into(),
    );
    b.session.prepare(&b.incidents);
    let event = a.flush_with_event(&store, id);
    b.hear(id, event);
    assert_eq!(b.flush(&store), Ok(true));
    let both = stored(&store, id);
    assert_eq!(both.steps.own_up.need, "From the first tab");
    assert_eq!(both.steps.assess.impact, "From the second tab");
}

/// An import written between the two tasks replaces what this tab holds: the text made
/// before it is not written over it.
#[test]
fn an_import_written_after_the_text_was_made_is_not_written_over() {
    let (store, id) = store_with_one("Imported meanwhile");
    let mut tab = Tab::open(&store);
    tab.edit(id, 1, |i| i.steps.assess.impact = "Typed here".into());
    tab.session.prepare(&tab.incidents);
    let mut imported = tab.get(id).clone();
    imported.steps.assess.impact = "From the file".into();
    tab.session
        .save_all(&store, &[&imported])
        .expect("imported");
    let slot = tab.incidents.iter_mut().find(|i| i.id == id).expect("held");
    *slot = imported;
    assert_eq!(tab.flush(&store), Ok(true));
    assert_eq!(stored(&store, id).steps.assess.impact, "From the file");
}
