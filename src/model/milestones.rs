//! What an incident has really reached (told, fix done, followed up, prevention set), each
//! step's state, and the next real action: all derived from the record, never stored.

use super::choices::{CheckIn, Severity};
use super::steps::Commitment;
use super::{Day, Incident, Step, Timestamp};

/// Where a commitment records one check-in.
pub type Mark = fn(&Commitment) -> CheckIn;

/// Days after closing when each prevention check-in falls, with how a commitment records it.
pub const CHECK_INS: [(i64, Mark); 3] = [(30, |c| c.day30), (60, |c| c.day60), (90, |c| c.day90)];

/// Each written commitment's check-ins still "Not yet", with their day count.
pub fn check_ins_waiting(incident: &Incident) -> impl Iterator<Item = (&Commitment, i64)> {
    incident
        .steps
        .step_it_up
        .commitments
        .iter()
        .filter(|c| !c.what.trim().is_empty())
        .flat_map(|c| {
            CHECK_INS
                .iter()
                .filter(move |(_, mark)| mark(c) == CheckIn::Pending)
                .map(move |(days, _)| (c, *days))
        })
}

/// The milestones of recovery, in the order they usually come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestones {
    /// When the boss was told.
    pub told: Option<Timestamp>,
    /// Every checklist item done, not doing, or verified (and at least one item).
    pub fix_done: bool,
    /// Everyone in the ledger told it's resolved, the helpers thanked, the debrief held.
    pub followed_up: bool,
    /// At least one prevention commitment, which brings its check-ins.
    pub prevention_set: bool,
}

/// The same person, written with other spacing or capitals.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

pub fn milestones(incident: &Incident) -> Milestones {
    let s = &incident.steps;
    let (finished, total) = s.fix.progress();
    let people = &s.follow_up.people;
    let helpers_thanked = s.assess.helpers.iter().all(|h| {
        h.name.trim().is_empty()
            || people
                .iter()
                .any(|p| same_name(&p.name, &h.name) && p.thanked.is_some())
    });
    Milestones {
        told: s.own_up.told_at,
        fix_done: total > 0 && finished == total,
        followed_up: !people.is_empty()
            && people.iter().all(|p| p.told_resolved.is_some())
            && helpers_thanked
            && s.follow_up.debrief_held.is_some(),
        prevention_set: s
            .step_it_up
            .commitments
            .iter()
            .any(|c| !c.what.trim().is_empty()),
    }
}

/// How far a step has come. "Has notes" is only `Started`; `Done` is its milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    Started,
    Done,
}

impl Progress {
    /// Said after the step's name to a screen reader; empty when not started.
    pub fn label(self) -> &'static str {
        match self {
            Progress::NotStarted => "",
            Progress::Started => "Started",
            Progress::Done => "Done",
        }
    }
}

pub fn progress(incident: &Incident, step: Step) -> Progress {
    let s = &incident.steps;
    let done = match step {
        // Rated again after the pause.
        Step::Stop => s.stop.distress_after.is_some(),
        Step::Assess => {
            !s.assess.what_happened.trim().is_empty()
                && !s.assess.impact.trim().is_empty()
                && s.assess.severity != Severity::Unset
        }
        Step::Solutions => s.solutions.chosen().is_some(),
        Step::OwnUp => s.own_up.told_at.is_some(),
        Step::Fix => milestones(incident).fix_done,
        Step::FollowUp => milestones(incident).followed_up,
        Step::StepItUp => s.step_it_up.resolved_at.is_some(),
    };
    if done {
        Progress::Done
    } else if super::status::has_content(incident, step) {
        Progress::Started
    } else {
        Progress::NotStarted
    }
}

/// The one thing to do next on an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Next {
    /// The boss isn't told yet (the list shows this with its clock).
    Tell,
    FixOverdue(usize),
    CheckInOverdue,
    CheckInToday,
    FixDueToday(usize),
    FixLeft(usize),
    FollowUp,
    Prevention,
    Close,
}

fn items(n: usize) -> String {
    if n == 1 {
        "1 fix item".to_owned()
    } else {
        format!("{n} fix items")
    }
}

impl Next {
    pub fn text(self) -> String {
        match self {
            Next::Tell => "Not told yet".to_owned(),
            Next::FixOverdue(n) => format!("{} overdue", items(n)),
            Next::CheckInOverdue => "Check-in overdue".to_owned(),
            Next::CheckInToday => "Check-in due today".to_owned(),
            Next::FixDueToday(n) => format!("{} due today", items(n)),
            Next::FixLeft(n) => format!("{} to finish", items(n)),
            Next::FollowUp => "Next: follow up".to_owned(),
            Next::Prevention => "Next: a prevention commitment".to_owned(),
            Next::Close => "Ready to close".to_owned(),
        }
    }

    /// Whether it is waiting on the person now: the "Needs something from me" filter.
    pub fn needs_me(self) -> bool {
        matches!(
            self,
            Next::Tell
                | Next::FixOverdue(_)
                | Next::CheckInOverdue
                | Next::CheckInToday
                | Next::FixDueToday(_)
        )
    }
}

/// Whether the person still has to tell someone: not told, not closed and not archived. The
/// list's "Not told yet" flag and the Tell now bar on every step both ask this.
pub fn waiting_to_tell(incident: &Incident) -> bool {
    incident.steps.own_up.told_at.is_none()
        && incident.steps.step_it_up.resolved_at.is_none()
        && !incident.archived
}

/// The next action on `incident` on `today`; `local_day` turns a moment into the person's
/// own calendar day. `None` once it is closed with no check-in due.
pub fn next(incident: &Incident, today: Day, local_day: impl Fn(Timestamp) -> Day) -> Option<Next> {
    let s = &incident.steps;
    let m = milestones(incident);
    if s.step_it_up.resolved_at.is_none() && m.told.is_none() {
        return Some(Next::Tell);
    }
    let open_due: Vec<Day> = s
        .fix
        .items
        .iter()
        .filter(|i| !i.is_finished())
        .filter_map(|i| Day::parse(&i.due.0))
        .collect();
    let overdue = open_due.iter().filter(|d| **d < today).count();
    if overdue > 0 {
        return Some(Next::FixOverdue(overdue));
    }
    if let Some(closed) = s.step_it_up.resolved_at.map(local_day) {
        let due = check_ins_waiting(incident)
            .filter_map(|(_, days)| closed.plus_days(days))
            .filter(|day| *day <= today)
            .min();
        return due.map(|day| {
            if day < today {
                Next::CheckInOverdue
            } else {
                Next::CheckInToday
            }
        });
    }
    let today_count = open_due.iter().filter(|d| **d == today).count();
    if today_count > 0 {
        return Some(Next::FixDueToday(today_count));
    }
    Some(if !m.fix_done {
        let (finished, total) = s.fix.progress();
        Next::FixLeft(total - finished)
    } else if !m.followed_up {
        Next::FollowUp
    } else if !m.prevention_set {
        Next::Prevention
    } else {
        Next::Close
    })
}

#[cfg(test)]
mod tests {
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
}
