//! Tests of milestones.rs.

use super::*;
use crate::model::choices::ItemStatus;
use crate::model::steps::{FixItem, Person, Stakeholder};

fn at(ms: i64) -> Option<Timestamp> {
    Timestamp::from_millis(ms)
}

fn day(y: i64, m: i64, d: i64) -> Day {
    Day::from_ymd(y, m, d).expect("a real day")
}

/// Every moment falls on 2026-12-01 here, like a person in one place.
fn next_on(i: &Incident, today: Day) -> Option<Next> {
    next(i, today, |_| day(2026, 12, 1))
}

#[test]
fn only_an_open_untold_incident_waits_to_be_told() {
    let mut i = Incident::blank(3);
    assert!(waiting_to_tell(&i));
    i.steps.step_it_up.resolved_at = at(5_000);
    assert!(!waiting_to_tell(&i), "closed without telling");
    i.steps.step_it_up.resolved_at = None;
    i.archived = true;
    assert!(!waiting_to_tell(&i), "archived");
    assert!(!waiting_to_tell(&told()));
}

fn told() -> Incident {
    let mut i = Incident::blank(3);
    i.steps.own_up.told_at = at(1_000);
    i
}

fn item(id: u32, due: &str, status: ItemStatus) -> FixItem {
    FixItem {
        id,
        what: format!("Item {id}"),
        due: crate::model::value::DayText(due.into()),
        status,
        ..FixItem::default()
    }
}

fn followed_up(i: &mut Incident) {
    i.steps.assess.helpers.push(Person {
        id: 1,
        name: "Priya".into(),
        role: String::new(),
    });
    i.steps.follow_up.people.push(Stakeholder {
        id: 1,
        name: " priya ".into(),
        told_resolved: at(5),
        thanked: at(5),
        ..Stakeholder::default()
    });
    i.steps.follow_up.debrief_held = at(6);
}

#[test]
fn a_new_incident_reaches_nothing_and_asks_to_tell() {
    let i = Incident::blank(1);
    assert_eq!(
        milestones(&i),
        Milestones {
            told: None,
            fix_done: false,
            followed_up: false,
            prevention_set: false
        }
    );
    assert_eq!(next_on(&i, day(2026, 12, 3)), Some(Next::Tell));
    assert!(Next::Tell.needs_me());
}

#[test]
fn a_fix_is_done_when_every_item_is_done_not_doing_or_verified() {
    let mut i = told();
    assert!(
        !milestones(&i).fix_done,
        "an empty checklist is not a done fix"
    );
    i.steps.fix.items = vec![
        item(1, "", ItemStatus::Done),
        item(2, "", ItemStatus::NotDoing),
        item(3, "", ItemStatus::Todo),
    ];
    assert!(!milestones(&i).fix_done);
    i.steps.fix.items[2].verified_by = "Priya".into();
    assert!(milestones(&i).fix_done);
}

#[test]
fn following_up_needs_everyone_told_the_helpers_thanked_and_the_debrief_held() {
    let mut i = told();
    followed_up(&mut i);
    assert!(milestones(&i).followed_up);
    i.steps.follow_up.people[0].thanked = None;
    assert!(!milestones(&i).followed_up, "a helper not thanked");
    i.steps.follow_up.people[0].thanked = at(5);
    i.steps.follow_up.debrief_held = None;
    assert!(!milestones(&i).followed_up, "no debrief yet");
    i.steps.follow_up.debrief_held = at(6);
    i.steps.follow_up.people.push(Stakeholder {
        id: 2,
        name: "Customer".into(),
        ..Stakeholder::default()
    });
    assert!(!milestones(&i).followed_up, "the customer not told");
}

#[test]
fn notes_alone_start_a_step_and_its_milestone_finishes_it() {
    let mut i = Incident::blank(1);
    assert_eq!(progress(&i, Step::OwnUp), Progress::NotStarted);
    i.steps.own_up.need = "Approval".into();
    assert_eq!(progress(&i, Step::OwnUp), Progress::Started);
    i.steps.own_up.told_at = at(1);
    assert_eq!(progress(&i, Step::OwnUp), Progress::Done);
    i.steps.stop.distress_before = Some(7);
    assert_eq!(progress(&i, Step::Stop), Progress::Started);
    i.steps.stop.distress_after = Some(4);
    assert_eq!(progress(&i, Step::Stop), Progress::Done);
    i.steps.assess.what_happened = "Wrong file".into();
    i.steps.assess.impact = "One customer".into();
    assert_eq!(progress(&i, Step::Assess), Progress::Started);
    i.steps.assess.severity = Severity::Low;
    assert_eq!(progress(&i, Step::Assess), Progress::Done);
}

#[test]
fn overdue_fix_items_come_before_the_rest_and_finished_ones_never_count() {
    let mut i = told();
    i.steps.fix.items = vec![
        item(1, "2026-12-01", ItemStatus::Todo),
        item(2, "2026-12-02", ItemStatus::Doing),
        item(3, "2026-11-01", ItemStatus::Done),
        item(4, "2026-12-03", ItemStatus::Todo),
        item(5, "not a day", ItemStatus::Todo),
    ];
    let today = day(2026, 12, 3);
    assert_eq!(next_on(&i, today), Some(Next::FixOverdue(2)));
    assert_eq!(Next::FixOverdue(2).text(), "2 fix items overdue");
    assert_eq!(next_on(&i, day(2026, 12, 1)), Some(Next::FixDueToday(1)));
    assert_eq!(Next::FixDueToday(1).text(), "1 fix item due today");
    assert_eq!(next_on(&i, day(2026, 11, 30)), Some(Next::FixLeft(4)));
    assert!(!Next::FixLeft(4).needs_me());
}

#[test]
fn after_the_fix_comes_follow_up_then_prevention_then_closing() {
    let mut i = told();
    i.steps.fix.items = vec![item(1, "2026-11-01", ItemStatus::Done)];
    let today = day(2026, 12, 3);
    assert_eq!(next_on(&i, today), Some(Next::FollowUp));
    followed_up(&mut i);
    assert_eq!(next_on(&i, today), Some(Next::Prevention));
    i.steps.step_it_up.commitments.push(Commitment {
        id: 1,
        what: "Check the client before sending".into(),
        ..Commitment::default()
    });
    assert_eq!(next_on(&i, today), Some(Next::Close));
    assert!(!Next::Close.needs_me());
}

#[test]
fn check_ins_fall_due_30_60_and_90_days_after_closing() {
    let mut i = told();
    i.steps.step_it_up.commitments.push(Commitment {
        id: 1,
        what: "Check the client before sending".into(),
        ..Commitment::default()
    });
    i.steps.step_it_up.resolved_at = at(10);
    // Closed on 2026-12-01 (see next_on): the first check-in is 2026-12-31.
    assert_eq!(next_on(&i, day(2026, 12, 30)), None);
    assert_eq!(next_on(&i, day(2026, 12, 31)), Some(Next::CheckInToday));
    assert_eq!(next_on(&i, day(2027, 1, 2)), Some(Next::CheckInOverdue));
    i.steps.step_it_up.commitments[0].day30 = CheckIn::Kept;
    assert_eq!(next_on(&i, day(2027, 1, 2)), None, "the next is at 60 days");
    assert_eq!(next_on(&i, day(2027, 1, 30)), Some(Next::CheckInToday));
    assert!(Next::CheckInToday.needs_me() && Next::CheckInOverdue.needs_me());
}

#[test]
fn a_closed_incident_never_asks_to_tell() {
    let mut i = Incident::blank(1);
    i.steps.step_it_up.resolved_at = at(10);
    assert_eq!(next_on(&i, day(2027, 1, 1)), None);
}
