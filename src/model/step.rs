//! The seven steps, in order, with the names and addresses the user sees.

/// One step of the walk from Stop to Step it up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    #[default]
    Stop,
    Assess,
    Solutions,
    OwnUp,
    Fix,
    FollowUp,
    StepItUp,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Stop,
        Step::Assess,
        Step::Solutions,
        Step::OwnUp,
        Step::Fix,
        Step::FollowUp,
        Step::StepItUp,
    ];

    /// The name as the user sees it.
    pub fn name(self) -> &'static str {
        match self {
            Step::Stop => "Stop",
            Step::Assess => "Assess",
            Step::Solutions => "Solutions",
            Step::OwnUp => "Own up",
            Step::Fix => "Fix",
            Step::FollowUp => "Follow up",
            Step::StepItUp => "Step it up",
        }
    }

    /// The part of the address after the incident id.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Stop => "stop",
            Step::Assess => "assess",
            Step::Solutions => "solutions",
            Step::OwnUp => "own-up",
            Step::Fix => "fix",
            Step::FollowUp => "follow-up",
            Step::StepItUp => "step-it-up",
        }
    }

    /// The name in storage.
    fn key(self) -> &'static str {
        match self {
            Step::Stop => "stop",
            Step::Assess => "assess",
            Step::Solutions => "solutions",
            Step::OwnUp => "own_up",
            Step::Fix => "fix",
            Step::FollowUp => "follow_up",
            Step::StepItUp => "step_it_up",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// 1 to 7.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self as usize + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        (self as usize).checked_sub(1).map(|i| Step::ALL[i])
    }
}

/// Stored by its snake-case name; an unknown name is refused, as serde's derive did.
impl crate::json::Json for Step {
    fn write(&self, w: &mut crate::json::Writer) {
        w.string(self.key());
    }
    fn read(r: &mut crate::json::Reader<'_>) -> Result<Self, crate::json::ReadError> {
        let at = r.position();
        let key = r.string()?;
        Step::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or(crate::json::ReadError { what: "a step", at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_in_order_and_found_by_slug() {
        for (i, step) in Step::ALL.into_iter().enumerate() {
            assert_eq!(step.number(), i + 1);
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::Stop.previous(), None);
        assert_eq!(Step::Stop.next(), Some(Step::Assess));
        assert_eq!(Step::StepItUp.next(), None);
        assert_eq!(Step::StepItUp.previous(), Some(Step::FollowUp));
        assert_eq!(Step::from_slug("nope"), None);
    }
}
