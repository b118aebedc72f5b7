//! What each of the seven steps records. Every field is optional and defaults to empty,
//! so records from before a field existed still load.

use crate::json::json_struct;

use super::choices::{
    Breathing, CauseKind, CheckIn, CommitmentKind, Effort, ItemStatus, Risk, Severity, Undoable,
    Worsening,
};
use super::thought_record::ThoughtRecord;
use super::value::DayText;
use super::Timestamp;

mod entries;
pub use entries::{add_item, has_room, next_id, shift_item, Item};

/// The seven steps' records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Steps {
    pub stop: Stop,
    pub assess: Assess,
    pub solutions: Solutions,
    pub own_up: OwnUp,
    pub fix: Fix,
    pub follow_up: FollowUp,
    pub step_it_up: StepItUp,
}

json_struct! { Steps { stop, assess, solutions, own_up, fix, follow_up, step_it_up } }

impl Steps {
    /// The steps of a new incident: empty, except that the boss to tell is, by default,
    /// the user's manager.
    pub fn new() -> Self {
        let mut steps = Steps::default();
        steps.own_up.tell_role = "My manager".into();
        steps
    }
}

/// One line of text in a list: a key point or an extra check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Point {
    pub id: u32,
    pub text: String,
}

json_struct! { Point { id, text } }

/// Someone who must help.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub id: u32,
    pub name: String,
    pub role: String,
}

json_struct! { Person { id, name, role } }

/// A timeline entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
    pub id: u32,
    pub at: Option<Timestamp>,
    pub what: String,
}

json_struct! { Event { id, at, what } }

/// 1 Stop: the breathing pause, distress before and after it, and the thought record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stop {
    pub pattern: Breathing,
    /// 0–10. The scale stores the same number the old dropdown did.
    pub distress_before: Option<u8>,
    pub distress_after: Option<u8>,
    /// Schema 2 kept a bare `thoughts` text here; it is now the record's thought.
    pub thought_record: ThoughtRecord,
}

json_struct! { Stop { pattern, distress_before, distress_after, thought_record } }

/// 2 Assess: the facts as known now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assess {
    pub what_happened: String,
    pub happened_at: Option<Timestamp>,
    pub affects_customers: bool,
    pub affects_colleagues: bool,
    pub affects_systems: bool,
    pub affects_money: bool,
    pub affects_deadlines: bool,
    pub impact: String,
    pub severity: Severity,
    pub worsening: Worsening,
    pub helpers: Vec<Person>,
    pub key_points: Vec<Point>,
    pub timeline: Vec<Event>,
}

json_struct! { Assess {
    what_happened, happened_at, affects_customers, affects_colleagues, affects_systems,
    affects_money, affects_deadlines, impact, severity, worsening, helpers, key_points,
    timeline,
} }

impl Assess {
    /// The kinds of thing affected, in plain words.
    pub fn affected(&self) -> Vec<&'static str> {
        [
            (self.affects_customers, "customers"),
            (self.affects_colleagues, "colleagues"),
            (self.affects_systems, "systems"),
            (self.affects_money, "money"),
            (self.affects_deadlines, "deadlines"),
        ]
        .into_iter()
        .filter_map(|(on, what)| on.then_some(what))
        .collect()
    }

    /// The timeline in time order; entries without a time go last, in the order written.
    pub fn sorted_timeline(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.timeline.iter().collect();
        super::order::sort_by(&mut events, |e| {
            (e.at.map_or(i64::MAX, Timestamp::millis), 0)
        });
        events
    }
}

/// One way to put things right.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alternative {
    pub id: u32,
    pub title: String,
    pub description: String,
    pub effort: Effort,
    pub risk: Risk,
    pub undoable: Undoable,
    pub time_to_fix: String,
    pub helpers: String,
    pub pros: String,
    pub cons: String,
}

json_struct! { Alternative {
    id, title, description, effort, risk, undoable, time_to_fix, helpers, pros, cons,
} }

/// 3 Solutions: the options, and the one chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Solutions {
    pub options: Vec<Alternative>,
    /// The id of the recommended option.
    pub chosen: Option<u32>,
}

json_struct! { Solutions { options, chosen } }

/// Entries named at once: options side by side, key points and options in the briefing,
/// options on Tell now. More can't be read, and 2,000 (an import's limit) took a browser
/// hundreds of ms to lay out.
pub const NAMED_AT_ONCE: usize = 8;

impl Solutions {
    /// The options with a title.
    pub fn titled(&self) -> impl Iterator<Item = &Alternative> {
        self.options.iter().filter(|o| !o.title.trim().is_empty())
    }

    /// The titles to tell someone, each with whether it is the recommended one, which comes
    /// first: at most `NAMED_AT_ONCE`; `titled().count()` says how many there are in all.
    pub fn to_tell(&self) -> Vec<(bool, String)> {
        let mut titles: Vec<(bool, String)> = self
            .titled()
            .map(|o| (self.chosen == Some(o.id), o.title.trim().to_owned()))
            .collect();
        super::order::sort_by(&mut titles, |(chosen, _)| (i64::from(!chosen), 0));
        titles.truncate(NAMED_AT_ONCE);
        titles
    }

    pub fn chosen(&self) -> Option<&Alternative> {
        let chosen = self.chosen?;
        self.options.iter().find(|o| o.id == chosen)
    }

    /// The options to weigh side by side, each with its place: the first `max`, and the
    /// chosen one after them when it comes later.
    pub fn side_by_side(&self, max: usize) -> Vec<(usize, &Alternative)> {
        let mut shown: Vec<(usize, &Alternative)> =
            self.options.iter().enumerate().take(max).collect();
        let later = self.options.iter().enumerate().skip(max);
        shown.extend(later.filter(|(_, o)| self.chosen == Some(o.id)));
        shown
    }
}

/// 4 Own up: who to tell, the briefing, and when it was done.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnUp {
    pub tell_name: String,
    pub tell_role: String,
    /// Where the email link addresses the briefing; empty lets the mail app ask.
    pub tell_email: String,
    pub done_so_far: String,
    pub need: String,
    /// The user's own briefing text, once they edit it; until then it is composed afresh.
    pub briefing: Option<String>,
    pub told_at: Option<Timestamp>,
}

json_struct! { OwnUp { tell_name, tell_role, tell_email, done_so_far, need, briefing, told_at } }

/// One checklist item.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FixItem {
    pub id: u32,
    pub what: String,
    pub owner: String,
    pub due: DayText,
    pub status: ItemStatus,
    pub verified_by: String,
    pub notes: String,
    /// Set when the item was seeded from this chosen option.
    pub from_option: Option<u32>,
}

json_struct! { FixItem { id, what, owner, due, status, verified_by, notes, from_option } }

impl FixItem {
    /// Done, not doing, or confirmed to work.
    pub fn is_finished(&self) -> bool {
        matches!(self.status, ItemStatus::Done | ItemStatus::NotDoing)
            || !self.verified_by.trim().is_empty()
    }

    /// Seeded from the chosen option and not yet touched by the user.
    pub fn is_untouched_seed(&self) -> bool {
        self.from_option.is_some()
            && self.status == ItemStatus::Todo
            && [&self.owner, &self.due.0, &self.verified_by, &self.notes]
                .iter()
                .all(|t| t.is_empty())
    }
}

/// 5 Fix: the checklist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fix {
    pub items: Vec<FixItem>,
}

json_struct! { Fix { items } }

impl Fix {
    /// (finished, total), where finished counts Done and Not doing.
    pub fn progress(&self) -> (usize, usize) {
        let finished = self.items.iter().filter(|i| i.is_finished()).count();
        (finished, self.items.len())
    }
}

/// Someone to keep informed, with the moment each follow-up was done.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stakeholder {
    pub id: u32,
    pub name: String,
    pub role: String,
    pub informed: Option<Timestamp>,
    pub told_resolved: Option<Timestamp>,
    pub thanked: Option<Timestamp>,
    pub debrief_booked: Option<Timestamp>,
}

json_struct! { Stakeholder { id, name, role, informed, told_resolved, thanked, debrief_booked } }

/// 6 Follow up: the ledger and the debrief.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUp {
    pub people: Vec<Stakeholder>,
    /// Names the user removed from the ledger, so they are not added back.
    pub removed_names: Vec<String>,
    pub cause: String,
    /// Kinds of cause, to compare across incidents (schema 4); in the order offered.
    pub cause_kinds: Vec<CauseKind>,
    pub seemed_reasonable: String,
    pub lucky: String,
    pub known_earlier: String,
    pub caught_sooner: String,
    /// The debrief's day, `2026-12-03`, for the calendar; empty when not set.
    pub debrief_on: DayText,
    pub debrief_held: Option<Timestamp>,
}

json_struct! { FollowUp {
    people, removed_names, cause, cause_kinds, seemed_reasonable, lucky, known_earlier,
    caught_sooner, debrief_on, debrief_held,
} }

impl FollowUp {
    pub fn has_cause(&self, kind: CauseKind) -> bool {
        self.cause_kinds.contains(&kind)
    }

    /// Ticks or unticks a kind of cause, keeping the offered order and no repeats.
    pub fn set_cause(&mut self, kind: CauseKind, on: bool) {
        let keep = |k: &CauseKind| if *k == kind { on } else { self.has_cause(*k) };
        self.cause_kinds = CauseKind::ALL.into_iter().filter(|k| keep(k)).collect();
    }
}

/// A prevention commitment with its check-ins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Commitment {
    pub id: u32,
    pub what: String,
    pub kind: CommitmentKind,
    pub day30: CheckIn,
    pub day60: CheckIn,
    pub day90: CheckIn,
}

json_struct! { Commitment { id, what, kind, day30, day60, day90 } }

/// 7 Step it up: prevention, extra checks, reflection, closing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepItUp {
    pub commitments: Vec<Commitment>,
    pub extra_checks: Vec<Point>,
    pub learned: String,
    pub went_well: String,
    pub didnt_work: String,
    /// Set when the user closes the incident as resolved.
    pub resolved_at: Option<Timestamp>,
}

json_struct! { StepItUp { commitments, extra_checks, learned, went_well, didnt_work, resolved_at } }

#[cfg(test)]
mod tests;
