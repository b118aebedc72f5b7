//! Tests of steps.rs and its list entries (entries.rs).

use super::*;
use crate::model::limits::MAX_LENGTH;

#[test]
fn new_items_get_fresh_ids_even_after_removals() {
    let mut points: Vec<Point> = Vec::new();
    assert_eq!(add_item(&mut points), 1);
    assert_eq!(add_item(&mut points), 2);
    points.retain(|p| p.id != 1);
    assert_eq!(add_item(&mut points), 3);
}

#[test]
fn a_list_stops_growing_at_the_import_limit() {
    // Four bytes an entry, so the full list stays small.
    #[derive(Clone, Default)]
    struct Entry(u32);
    impl Item for Entry {
        fn id(&self) -> u32 {
            self.0
        }
        fn set_id(&mut self, id: u32) {
            self.0 = id;
        }
    }
    let mut list: Vec<Entry> = (1..=MAX_LENGTH as u32).map(Entry).collect();
    assert_eq!(add_item(&mut list), MAX_LENGTH as u32);
    assert_eq!(list.len(), MAX_LENGTH);
    list.pop();
    assert_eq!(add_item(&mut list), MAX_LENGTH as u32, "one more fits");
}

#[test]
fn items_shift_within_the_list_only() {
    let mut points: Vec<Point> = Vec::new();
    for _ in 0..3 {
        add_item(&mut points);
    }
    assert!(shift_item(&mut points, 3, -1));
    assert_eq!(points.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 3, 2]);
    assert!(!shift_item(&mut points, 1, -1));
    assert!(!shift_item(&mut points, 2, 1));
    assert!(!shift_item(&mut points, 9, 1));
}

#[test]
fn kinds_of_cause_keep_the_offered_order_without_repeats() {
    let mut f = FollowUp::default();
    f.set_cause(CauseKind::Tired, true);
    f.set_cause(CauseKind::Rushed, true);
    f.set_cause(CauseKind::Rushed, true);
    assert_eq!(f.cause_kinds, [CauseKind::Rushed, CauseKind::Tired]);
    f.set_cause(CauseKind::Rushed, false);
    assert_eq!(f.cause_kinds, [CauseKind::Tired]);
    let read: FollowUp =
        crate::json::from_text(r#"{"cause_kinds":["missing_check","later"]}"#).unwrap_or_default();
    assert_eq!(
        read.cause_kinds,
        [CauseKind::MissingCheck, CauseKind::Other]
    );
}

#[test]
fn timeline_sorts_by_time_with_untimed_entries_last() {
    let at = |ms| Timestamp::from_millis(ms);
    let mut assess = Assess::default();
    for (id, when) in [(1, None), (2, at(2_000)), (3, at(1_000))] {
        assess.timeline.push(Event {
            id,
            at: when,
            what: String::new(),
        });
    }
    let order: Vec<u32> = assess.sorted_timeline().iter().map(|e| e.id).collect();
    assert_eq!(order, [3, 2, 1]);
}

/// Solutions with twelve options, ids 1 to 12, each titled by `title` from its id.
fn twelve_options(title: impl Fn(usize) -> String) -> Solutions {
    let mut s = Solutions::default();
    for id in 1..=12 {
        add_item(&mut s.options);
        s.options[id - 1].title = title(id);
    }
    s
}

#[test]
fn side_by_side_holds_the_first_options_and_a_later_chosen_one() {
    let mut s = twelve_options(|id| format!("Option {id}"));
    let places = |s: &Solutions| {
        s.side_by_side(8)
            .iter()
            .map(|(at, o)| (*at, o.id))
            .collect::<Vec<_>>()
    };
    let first_eight: Vec<(usize, u32)> = (0..8).map(|at| (at, at as u32 + 1)).collect();
    assert_eq!(places(&s), first_eight);
    s.chosen = Some(3);
    assert_eq!(places(&s), first_eight, "already among them");
    s.chosen = Some(11);
    assert_eq!(places(&s).last(), Some(&(10, 11)));
    assert_eq!(places(&s).len(), 9);
    s.options.truncate(2);
    assert_eq!(places(&s), [(0, 1), (1, 2)]);
}

#[test]
fn to_tell_names_the_recommended_option_first_then_the_first_titled_ones() {
    let mut s = twelve_options(|id| format!(" Option {id} "));
    s.options[1].title = "  ".into();
    s.chosen = Some(11);
    let told = s.to_tell();
    let expected: Vec<(bool, String)> = [(true, 11), (false, 1), (false, 3), (false, 4)]
        .into_iter()
        .chain((5..=8).map(|n| (false, n)))
        .map(|(chosen, n)| (chosen, format!("Option {n}")))
        .collect();
    assert_eq!(told, expected);
    assert_eq!(s.titled().count(), 11, "the untitled one is not counted");
    s.options.truncate(3);
    s.chosen = None;
    assert_eq!(
        s.to_tell(),
        [(false, "Option 1".into()), (false, "Option 3".into())]
    );
}
