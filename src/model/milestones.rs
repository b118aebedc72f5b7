//! What an incident has really reached (told, fix done, followed up, prevention set), each
//! step's state, and the next real action: all derived from the record, never stored.

use super::choices::{CheckIn, Severity};
use super::names::Names;
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

pub fn milestones(incident: &Incident) -> Milestones {
    let s = &incident.steps;
    let (finished, total) = s.fix.progress();
    let people = &s.follow_up.people;
    // Asked last, since it is the costliest.
    let helpers_thanked = || {
        let thanked = Names::new(
            people
                .iter()
                .filter(|p| p.thanked.is_some())
                .map(|p| p.name.as_str()),
        );
        s.assess
            .helpers
            .iter()
            .all(|h| h.name.trim().is_empty() || thanked.contains(&h.name))
    };
    Milestones {
        told: s.own_up.told_at,
        fix_done: total > 0 && finished == total,
        followed_up: !people.is_empty()
            && people.iter().all(|p| p.told_resolved.is_some())
            && s.follow_up.debrief_held.is_some()
            && helpers_thanked(),
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
    plan(incident, &local_day).next(today)
}

/// What the next action depends on, with the days in it but not today: enough to say the
/// next action on any day without the record, so the list's index (`model::list_row`) keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Plan {
    /// The boss isn't told yet, and it isn't closed.
    pub tell: bool,
    /// The due days of the fix items not finished.
    pub due: Vec<Day>,
    /// Once closed: the days the check-ins still waiting fall on.
    pub check_ins: Option<Vec<Day>>,
    /// Fix items left, while the fix isn't done.
    pub fix_left: Option<u32>,
    pub followed_up: bool,
    pub prevention_set: bool,
}

/// Kept in a list index row as an array in this order (tell, due, check_ins, fix_left,
/// followed_up, prevention_set), without member names.
impl crate::json::Json for Plan {
    fn write(&self, w: &mut crate::json::Writer) {
        w.open('[');
        w.item(&self.tell);
        w.item(&self.due);
        w.item(&self.check_ins);
        w.item(&self.fix_left);
        w.item(&self.followed_up);
        w.item(&self.prevention_set);
        w.close(']');
    }

    fn read(r: &mut crate::json::Reader<'_>) -> Result<Self, crate::json::ReadError> {
        use crate::json::Json;
        let mut plan = Plan::default();
        crate::json::read_places(r, &mut |at, r| {
            match at {
                0 => plan.tell = Json::read(r)?,
                1 => plan.due = Json::read(r)?,
                2 => plan.check_ins = Json::read(r)?,
                3 => plan.fix_left = Json::read(r)?,
                4 => plan.followed_up = Json::read(r)?,
                5 => plan.prevention_set = Json::read(r)?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(plan)
    }
}

pub fn plan(incident: &Incident, local_day: &dyn Fn(Timestamp) -> Day) -> Plan {
    let s = &incident.steps;
    let m = milestones(incident);
    let (finished, total) = s.fix.progress();
    Plan {
        tell: s.step_it_up.resolved_at.is_none() && m.told.is_none(),
        due: s
            .fix
            .items
            .iter()
            .filter(|i| !i.is_finished())
            .filter_map(|i| Day::parse(&i.due.0))
            .collect(),
        check_ins: s.step_it_up.resolved_at.map(|closed| {
            let closed = local_day(closed);
            check_ins_waiting(incident)
                .filter_map(|(_, days)| closed.plus_days(days))
                .collect()
        }),
        fix_left: (!m.fix_done).then(|| u32::try_from(total - finished).unwrap_or(u32::MAX)),
        followed_up: m.followed_up,
        prevention_set: m.prevention_set,
    }
}

impl Plan {
    /// The next action on `today`.
    pub fn next(&self, today: Day) -> Option<Next> {
        if self.tell {
            return Some(Next::Tell);
        }
        let overdue = self.due.iter().filter(|d| **d < today).count();
        if overdue > 0 {
            return Some(Next::FixOverdue(overdue));
        }
        if let Some(check_ins) = &self.check_ins {
            let due = check_ins.iter().filter(|day| **day <= today).min();
            return due.map(|day| {
                if *day < today {
                    Next::CheckInOverdue
                } else {
                    Next::CheckInToday
                }
            });
        }
        let today_count = self.due.iter().filter(|d| **d == today).count();
        if today_count > 0 {
            return Some(Next::FixDueToday(today_count));
        }
        Some(match self.fix_left {
            Some(left) => Next::FixLeft(left as usize),
            None if !self.followed_up => Next::FollowUp,
            None if !self.prevention_set => Next::Prevention,
            None => Next::Close,
        })
    }
}

#[cfg(test)]
mod tests;
