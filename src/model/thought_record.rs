//! The thought record on Stop, as CBT tools keep one: the thought, the thinking patterns it
//! follows (each with a plain example), a balanced thought with its prompts, and how strongly
//! the first thought is believed before and after. Also the distress change shown back.

use crate::json::json_struct;

use super::labels;

/// A common thinking pattern (a "cognitive distortion"), named plainly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    Catastrophising,
    MindReading,
    FortuneTelling,
    Labelling,
    AllOrNothing,
    Shoulds,
    DiscountingPositive,
    Personalising,
}

impl Pattern {
    pub const ALL: [Pattern; 8] = [
        Pattern::Catastrophising,
        Pattern::MindReading,
        Pattern::FortuneTelling,
        Pattern::Labelling,
        Pattern::AllOrNothing,
        Pattern::Shoulds,
        Pattern::DiscountingPositive,
        Pattern::Personalising,
    ];

    /// A stable key, for storage and DOM ids.
    pub fn key(self) -> &'static str {
        match self {
            Pattern::Catastrophising => "catastrophising",
            Pattern::MindReading => "mind-reading",
            Pattern::FortuneTelling => "fortune-telling",
            Pattern::Labelling => "labelling",
            Pattern::AllOrNothing => "all-or-nothing",
            Pattern::Shoulds => "should-statements",
            Pattern::DiscountingPositive => "discounting-the-positive",
            Pattern::Personalising => "personalising",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Pattern::Catastrophising => "Catastrophising",
            Pattern::MindReading => "Mind reading",
            Pattern::FortuneTelling => "Fortune telling",
            Pattern::Labelling => "Labelling",
            Pattern::AllOrNothing => "All-or-nothing",
            Pattern::Shoulds => "Should statements",
            Pattern::DiscountingPositive => "Discounting the positive",
            Pattern::Personalising => "Personalising",
        }
    }

    /// What the pattern sounds like, in a work mistake.
    pub fn example(self) -> &'static str {
        match self {
            Pattern::Catastrophising => "\u{201c}This is a disaster. I'll lose my job.\u{201d}",
            Pattern::MindReading => "\u{201c}My manager thinks I'm useless.\u{201d}",
            Pattern::FortuneTelling => "\u{201c}The client will never trust us again.\u{201d}",
            Pattern::Labelling => "\u{201c}I'm an idiot.\u{201d}",
            Pattern::AllOrNothing => "\u{201c}If it's not perfect, I've failed.\u{201d}",
            Pattern::Shoulds => "\u{201c}I should never make mistakes.\u{201d}",
            Pattern::DiscountingPositive => {
                "\u{201c}Catching it quickly doesn't count. Anyone would have.\u{201d}"
            }
            Pattern::Personalising => "\u{201c}The whole release slipped because of me.\u{201d}",
        }
    }
}

/// Questions that help write a balanced thought.
pub const BALANCED_PROMPTS: [&str; 3] = [
    "What would you tell a colleague in the same spot?",
    "What is the evidence, for and against?",
    "What is in your control in the next hour?",
];

/// The thought record. Every part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThoughtRecord {
    /// The thought, in the person's own words.
    pub thought: String,
    /// The patterns it follows, by key, in the order they are offered.
    pub patterns: Vec<String>,
    pub balanced: String,
    /// How strongly the first thought is believed, 0–100, before and after the balanced one.
    pub belief_before: Option<u8>,
    pub belief_after: Option<u8>,
    /// Whether the person put it in the report. Off until they tick it.
    pub in_report: bool,
}

json_struct! { ThoughtRecord {
    thought, patterns, balanced, belief_before, belief_after, in_report,
} }

impl ThoughtRecord {
    pub fn follows(&self, pattern: Pattern) -> bool {
        self.patterns.iter().any(|k| k == pattern.key())
    }

    /// Ticks or unticks a pattern, keeping the offered order (and dropping unknown keys).
    pub fn set_follows(&mut self, pattern: Pattern, on: bool) {
        let keep = |p: &Pattern| if *p == pattern { on } else { self.follows(*p) };
        self.patterns = Pattern::ALL
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.key().to_owned())
            .collect();
    }

    /// The patterns ticked, in the order they are offered.
    pub fn ticked(&self) -> Vec<Pattern> {
        Pattern::ALL
            .into_iter()
            .filter(|p| self.follows(*p))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.thought.trim().is_empty()
            && self.balanced.trim().is_empty()
            && self.patterns.is_empty()
            && self.belief_before.is_none()
            && self.belief_after.is_none()
    }

    /// The record as labelled lines, for the report; empty parts left out.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut text = |label, text: &str| {
            if !text.trim().is_empty() {
                out.push((label, text.trim().to_owned()));
            }
        };
        text(labels::THOUGHT, &self.thought);
        let names: Vec<&str> = self.ticked().into_iter().map(Pattern::name).collect();
        text("Patterns it follows", &names.join(", "));
        text(labels::BALANCED_THOUGHT, &self.balanced);
        let belief = |b: Option<u8>| b.map(|b| format!("{}%", b.min(100))).unwrap_or_default();
        text("Belief in the thought before", &belief(self.belief_before));
        text("Belief in the thought after", &belief(self.belief_after));
        out
    }
}

/// The belief scale's steps: 0, 10, … 100 (percent).
pub const BELIEF_STEPS: [u8; 11] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
/// The distress scale's steps: 0 … 10.
pub const DISTRESS_STEPS: [u8; 11] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/// Distress before and after the pause, said back calmly. It describes the change and never
/// grades it: a number that stays high is not a failure. `None` until both are rated.
pub fn distress_change(before: Option<u8>, after: Option<u8>) -> Option<String> {
    let (before, after) = (before?.min(10), after?.min(10));
    let words = match after.cmp(&before) {
        std::cmp::Ordering::Less => "your body is settling.",
        std::cmp::Ordering::Equal => "about the same. That's all right; it can take a while.",
        std::cmp::Ordering::Greater => {
            "a little higher. That happens. You can breathe again, or move on when you're ready."
        }
    };
    Some(format!("{before} \u{2192} {after}: {words}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_has_a_distinct_name_key_and_a_quoted_example() {
        let mut keys: Vec<&str> = Pattern::ALL.iter().map(|p| p.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 8);
        for p in Pattern::ALL {
            assert!(p.example().starts_with('\u{201c}') && p.example().ends_with('\u{201d}'));
            assert!(!p.name().is_empty());
        }
    }

    #[test]
    fn ticks_are_kept_per_pattern_and_listed_in_offered_order() {
        let mut record = ThoughtRecord::default();
        record.set_follows(Pattern::Personalising, true);
        record.set_follows(Pattern::Catastrophising, true);
        record.set_follows(Pattern::Labelling, true);
        record.set_follows(Pattern::Labelling, false);
        record.set_follows(Pattern::Catastrophising, true);
        assert_eq!(
            record.ticked(),
            [Pattern::Catastrophising, Pattern::Personalising]
        );
        assert_eq!(record.patterns, ["catastrophising", "personalising"]);
        for p in Pattern::ALL {
            let mut one = ThoughtRecord::default();
            one.set_follows(p, true);
            assert_eq!(one.ticked(), [p], "{p:?} has its own tick");
        }
    }

    #[test]
    fn unknown_pattern_keys_are_never_shown_and_go_at_the_next_tick() {
        let mut record = ThoughtRecord {
            patterns: vec!["gloom".into(), "labelling".into()],
            ..ThoughtRecord::default()
        };
        assert_eq!(record.ticked(), [Pattern::Labelling]);
        record.set_follows(Pattern::MindReading, true);
        assert_eq!(record.patterns, ["mind-reading", "labelling"]);
    }

    #[test]
    fn the_change_is_said_back_without_praise_or_blame() {
        assert_eq!(
            distress_change(Some(8), Some(5)).as_deref(),
            Some("8 \u{2192} 5: your body is settling.")
        );
        assert_eq!(
            distress_change(Some(6), Some(6)).as_deref(),
            Some("6 \u{2192} 6: about the same. That's all right; it can take a while.")
        );
        let up = distress_change(Some(3), Some(4)).unwrap_or_default();
        assert!(up.starts_with("3 \u{2192} 4: a little higher."), "{up}");
        assert_eq!(distress_change(Some(8), None), None);
        assert_eq!(distress_change(None, Some(2)), None);
        for before in DISTRESS_STEPS {
            for after in DISTRESS_STEPS {
                let words = distress_change(Some(before), Some(after)).unwrap_or_default();
                for judging in ["well done", "great", "good", "bad", "fail", "should", "!"] {
                    assert!(!words.to_lowercase().contains(judging), "{words}");
                }
            }
        }
    }

    #[test]
    fn the_report_lines_leave_out_what_is_empty() {
        let mut record = ThoughtRecord::default();
        assert!(record.is_empty());
        assert!(record.lines().is_empty());
        record.thought = " They will think I'm careless ".into();
        record.set_follows(Pattern::MindReading, true);
        record.set_follows(Pattern::Labelling, true);
        record.belief_before = Some(90);
        record.belief_after = Some(40);
        assert!(!record.is_empty());
        assert_eq!(
            record.lines(),
            [
                ("The thought", "They will think I'm careless".to_owned()),
                ("Patterns it follows", "Mind reading, Labelling".to_owned()),
                ("Belief in the thought before", "90%".to_owned()),
                ("Belief in the thought after", "40%".to_owned()),
            ]
        );
    }

    #[test]
    fn the_prompts_are_questions() {
        assert!(BALANCED_PROMPTS.iter().all(|p| p.ends_with('?')));
    }
}
