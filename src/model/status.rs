//! Where an incident stands, derived from what the user has done; it is never typed in.

use super::choices::{CheckIn, Severity, Worsening};
use super::{Incident, Step};

/// The incident's stage, in the order recovery usually goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    CalmingDown,
    Assessing,
    Planning,
    OwningUp,
    Fixing,
    FollowingUp,
    Preventing,
    Resolved,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::CalmingDown,
        Status::Assessing,
        Status::Planning,
        Status::OwningUp,
        Status::Fixing,
        Status::FollowingUp,
        Status::Preventing,
        Status::Resolved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::CalmingDown => "Calming down",
            Status::Assessing => "Assessing",
            Status::Planning => "Planning",
            Status::OwningUp => "Owning up",
            Status::Fixing => "Fixing",
            Status::FollowingUp => "Following up",
            Status::Preventing => "Preventing",
            Status::Resolved => "Resolved",
        }
    }

    /// A short key for filters and CSS.
    pub fn key(self) -> &'static str {
        match self {
            Status::CalmingDown => "calming",
            Status::Assessing => "assessing",
            Status::Planning => "planning",
            Status::OwningUp => "owning-up",
            Status::Fixing => "fixing",
            Status::FollowingUp => "following-up",
            Status::Preventing => "preventing",
            Status::Resolved => "resolved",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The status of someone working in this step.
    fn of_step(step: Step) -> Status {
        Status::ALL[step as usize]
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

/// Derives the status: closed means Resolved; otherwise the furthest step with content,
/// moved on by milestones (the boss told, every fix item finished, every check-in made).
pub fn status(incident: &Incident) -> Status {
    let s = &incident.steps;
    if s.step_it_up.resolved_at.is_some() {
        return Status::Resolved;
    }
    let furthest = Step::ALL
        .into_iter()
        .rev()
        .find(|step| has_content(incident, *step))
        .map_or(Status::CalmingDown, Status::of_step);
    let mut reached = furthest;
    if s.own_up.told_at.is_some() {
        reached = reached.max(Status::Fixing);
    }
    let (finished, total) = s.fix.progress();
    if total > 0 && finished == total {
        reached = reached.max(Status::FollowingUp);
    }
    let commitments = &s.step_it_up.commitments;
    if !commitments.is_empty() && commitments.iter().all(|c| c.day90 != CheckIn::Pending) {
        reached = reached.max(Status::Preventing);
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::choices::ItemStatus;
    use crate::model::steps::{add_item, Alternative, FixItem};
    use crate::model::Timestamp;

    fn incident() -> Incident {
        Incident::blank(2)
    }

    fn at() -> Option<Timestamp> {
        Timestamp::from_millis(1_000)
    }

    #[test]
    fn a_new_incident_is_calming_down_with_no_step_started() {
        let i = incident();
        assert_eq!(status(&i), Status::CalmingDown);
        assert!(Step::ALL.iter().all(|s| !has_content(&i, *s)));
    }

    #[test]
    fn the_furthest_step_with_content_sets_the_stage() {
        let mut i = incident();
        i.steps.stop.distress_before = Some(8);
        assert_eq!(status(&i), Status::CalmingDown);
        i.steps.assess.what_happened = "Sent the wrong file".into();
        assert_eq!(status(&i), Status::Assessing);
        add_item::<Alternative>(&mut i.steps.solutions.options);
        assert_eq!(status(&i), Status::Planning);
        i.steps.own_up.need = "Approval".into();
        assert_eq!(status(&i), Status::OwningUp);
        i.steps.follow_up.cause = "Tired".into();
        assert_eq!(status(&i), Status::FollowingUp);
        i.steps.step_it_up.learned = "Check twice".into();
        assert_eq!(status(&i), Status::Preventing);
        i.steps.step_it_up.resolved_at = at();
        assert_eq!(status(&i), Status::Resolved);
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
    fn telling_the_boss_moves_on_to_fixing() {
        let mut i = incident();
        i.steps.own_up.told_at = at();
        assert_eq!(status(&i), Status::Fixing);
    }

    #[test]
    fn a_finished_checklist_moves_on_to_following_up() {
        let mut i = incident();
        i.steps.fix.items.push(FixItem {
            id: 1,
            status: ItemStatus::Done,
            ..FixItem::default()
        });
        i.steps.fix.items.push(FixItem {
            id: 2,
            status: ItemStatus::Doing,
            ..FixItem::default()
        });
        assert_eq!(status(&i), Status::Fixing);
        i.steps.fix.items[1].status = ItemStatus::NotDoing;
        assert_eq!(status(&i), Status::FollowingUp);
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
        assert_eq!(status(&i), Status::CalmingDown);
        i.steps.fix.items[0].owner = "Me".into();
        assert_eq!(status(&i), Status::Fixing);
    }

    #[test]
    fn statuses_have_unique_keys() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
    }
}
