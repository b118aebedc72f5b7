//! Where an incident stands, derived from its milestones, and which steps hold notes;
//! neither is ever typed in or stored.

use super::choices::{Severity, Worsening};
use super::milestones::milestones;
use super::{Incident, Step};

/// Where the incident stands: the first milestone not yet reached, or Resolved once closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    NotTold,
    Fixing,
    FollowingUp,
    Preventing,
    ReadyToClose,
    Resolved,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotTold,
        Status::Fixing,
        Status::FollowingUp,
        Status::Preventing,
        Status::ReadyToClose,
        Status::Resolved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotTold => "Not told yet",
            Status::Fixing => "Fixing",
            Status::FollowingUp => "Following up",
            Status::Preventing => "Preventing",
            Status::ReadyToClose => "Ready to close",
            Status::Resolved => "Resolved",
        }
    }

    /// A short key for filters and CSS.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotTold => "not-told",
            Status::Fixing => "fixing",
            Status::FollowingUp => "following-up",
            Status::Preventing => "preventing",
            Status::ReadyToClose => "ready",
            Status::Resolved => "resolved",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Kept by its key, in the list's index.
impl crate::json::Json for Status {
    fn write(&self, w: &mut crate::json::Writer) {
        w.string(self.key());
    }
    fn read(r: &mut crate::json::Reader<'_>) -> Result<Self, crate::json::ReadError> {
        let at = r.position();
        Status::from_key(&r.string()?).ok_or(crate::json::ReadError {
            what: "a status",
            at,
        })
    }
}

fn any_text(texts: &[&str]) -> bool {
    texts.iter().any(|t| !t.trim().is_empty())
}

/// Whether the user has put anything into a step.
pub fn has_content(incident: &Incident, step: Step) -> bool {
    let s = &incident.steps;
    match step {
        Step::Stop => {
            // The title is asked for on Stop, so it counts there.
            let stop = &s.stop;
            stop.distress_before.is_some()
                || stop.distress_after.is_some()
                || !stop.thought_record.is_empty()
                || !incident.title.trim().is_empty()
        }
        Step::Assess => {
            // Tags are asked for on Assess; the noticed time is filled in by default.
            let a = &s.assess;
            any_text(&[&a.what_happened, &a.impact, &incident.tags])
                || a.happened_at.is_some()
                || !a.affected().is_empty()
                || a.severity != Severity::Unset
                || a.worsening != Worsening::Unknown
                || !a.helpers.is_empty()
                || !a.key_points.is_empty()
                || !a.timeline.is_empty()
        }
        Step::Solutions => !s.solutions.options.is_empty(),
        Step::OwnUp => {
            let o = &s.own_up;
            // The role alone is filled in by default, so it is not yet progress.
            any_text(&[&o.tell_name, &o.done_so_far, &o.need])
                || o.briefing.is_some()
                || o.told_at.is_some()
        }
        // An item seeded from the chosen option is not yet the user's own work.
        Step::Fix => s.fix.items.iter().any(|i| !i.is_untouched_seed()),
        Step::FollowUp => {
            let f = &s.follow_up;
            f.people.iter().any(|p| {
                p.informed.is_some()
                    || p.told_resolved.is_some()
                    || p.thanked.is_some()
                    || p.debrief_booked.is_some()
            }) || any_text(&[
                &f.cause,
                &f.seemed_reasonable,
                &f.lucky,
                &f.known_earlier,
                &f.caught_sooner,
            ])
        }
        Step::StepItUp => {
            let u = &s.step_it_up;
            !u.commitments.is_empty()
                || !u.extra_checks.is_empty()
                || any_text(&[&u.learned, &u.went_well])
                || u.resolved_at.is_some()
        }
    }
}

/// Derived from the milestones, never from which steps have notes: notes in Step it up
/// don't make an incident whose boss hasn't heard "Preventing".
pub fn status(incident: &Incident) -> Status {
    if incident.steps.step_it_up.resolved_at.is_some() {
        return Status::Resolved;
    }
    let m = milestones(incident);
    if m.told.is_none() {
        Status::NotTold
    } else if !m.fix_done {
        Status::Fixing
    } else if !m.followed_up {
        Status::FollowingUp
    } else if !m.prevention_set {
        Status::Preventing
    } else {
        Status::ReadyToClose
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::choices::ItemStatus;
    use crate::model::steps::{add_item, Alternative, Commitment, FixItem, Stakeholder};
    use crate::model::Timestamp;

    fn incident() -> Incident {
        Incident::blank(2)
    }

    fn at() -> Option<Timestamp> {
        Timestamp::from_millis(1_000)
    }

    #[test]
    fn a_new_incident_is_not_told_yet_with_no_step_started() {
        let i = incident();
        assert_eq!(status(&i), Status::NotTold);
        assert!(Step::ALL.iter().all(|s| !has_content(&i, *s)));
    }

    #[test]
    fn notes_in_later_steps_never_move_the_status_on() {
        let mut i = incident();
        i.steps.assess.what_happened = "Sent the wrong file".into();
        add_item::<Alternative>(&mut i.steps.solutions.options);
        i.steps.follow_up.cause = "Tired".into();
        i.steps.step_it_up.learned = "Check twice".into();
        assert_eq!(status(&i), Status::NotTold);
        i.steps.step_it_up.resolved_at = at();
        assert_eq!(status(&i), Status::Resolved);
    }

    #[test]
    fn each_milestone_moves_it_on_in_turn() {
        let mut i = incident();
        i.steps.own_up.told_at = at();
        assert_eq!(status(&i), Status::Fixing);
        i.steps.fix.items.push(FixItem {
            id: 1,
            status: ItemStatus::Done,
            ..FixItem::default()
        });
        assert_eq!(status(&i), Status::FollowingUp);
        i.steps.follow_up.people.push(Stakeholder {
            id: 1,
            told_resolved: at(),
            ..Stakeholder::default()
        });
        i.steps.follow_up.debrief_held = at();
        assert_eq!(status(&i), Status::Preventing);
        i.steps.step_it_up.commitments.push(Commitment {
            id: 1,
            what: "Two-person check".into(),
            ..Commitment::default()
        });
        assert_eq!(status(&i), Status::ReadyToClose);
    }

    #[test]
    fn incident_fields_count_on_the_step_that_asks_for_them() {
        let mut i = incident();
        i.title = "Wrong invoice".into();
        assert!(has_content(&i, Step::Stop));
        assert!(!has_content(&i, Step::Assess));
        i.tags = "invoices".into();
        assert!(has_content(&i, Step::Assess));
    }

    #[test]
    fn the_default_boss_role_is_not_progress() {
        let i = incident();
        assert_eq!(i.steps.own_up.tell_role, "My manager");
        assert!(!has_content(&i, Step::OwnUp));
    }

    #[test]
    fn whitespace_alone_is_not_content() {
        let mut i = incident();
        i.steps.assess.what_happened = "  \n".into();
        assert!(!has_content(&i, Step::Assess));
    }

    #[test]
    fn a_seeded_item_alone_does_not_start_fixing() {
        let mut i = incident();
        i.steps.fix.items.push(FixItem {
            id: 1,
            what: "Resend".into(),
            from_option: Some(1),
            ..FixItem::default()
        });
        assert!(!has_content(&i, Step::Fix));
        i.steps.fix.items[0].owner = "Me".into();
        assert!(has_content(&i, Step::Fix));
    }

    #[test]
    fn statuses_have_unique_keys() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
    }
}
