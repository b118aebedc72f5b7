//! Words that both the forms and the report show, kept once so the two never drift apart.
//! A heading written straight into a step's `view!` stays a literal there (marked "also a
//! heading"): a literal is part of the page's static template, while a constant costs about
//! 40 bytes of wasm each.

// 1 Stop: the thought record.
pub const THOUGHT_RECORD: &str = "Thought record"; // also a heading
pub const THOUGHT: &str = "The thought";
pub const BALANCED_THOUGHT: &str = "A balanced thought";

// 2 Assess.
pub const TAGS: &str = "Tags";
pub const IMPACT: &str = "Impact"; // also a heading
pub const SEVERITY: &str = "Severity";
pub const WHO_MUST_HELP: &str = "Who must help";
pub const TIMELINE: &str = "Timeline";

// 3 Solutions, and the side-by-side table.
pub const OPTIONS: &str = "Options"; // also a heading
pub const EFFORT: &str = "Effort";
pub const RISK: &str = "Risk";
pub const CAN_BE_UNDONE: &str = "Can be undone";
pub const TIME_TO_FIX: &str = "Time to fix";
pub const PROS: &str = "Pros";
pub const CONS: &str = "Cons";

// 4 Own up.
pub const BRIEFING: &str = "Briefing"; // also a heading

// 6 Follow up: the debrief questions, in the order they are asked.
pub const DEBRIEF: &str = "Debrief"; // also a heading
pub const DEBRIEF_DAY: &str = "Debrief day";
pub const KIND_OF_CAUSE: &str = "Kind of cause"; // a legend
pub const CAUSE: &str = "What caused it";
pub const SEEMED_REASONABLE: &str = "What made it seem reasonable at the time";
pub const LUCKY: &str = "Where I got lucky";
pub const KNOWN_EARLIER: &str = "Could it have been known earlier?";
pub const CAUGHT_SOONER: &str = "What would have caught it sooner";
pub const DEBRIEF_HELD: &str = "Debrief held";

// 7 Step it up.
pub const EXTRA_CHECKS: &str = "Extra checks";
pub const LEARNED: &str = "What I learned";
pub const WENT_WELL: &str = "What went well";
pub const DIDNT_WORK: &str = "What didn't work";

#[cfg(test)]
mod tests {
    /// The headings kept as literals in a `view!` still say what the report says.
    #[test]
    fn step_headings_match_the_report() {
        for (source, label) in [
            (
                include_str!("../ui/parts/thought_record.rs"),
                super::THOUGHT_RECORD,
            ),
            (include_str!("../ui/steps/assess.rs"), super::IMPACT),
            (
                include_str!("../ui/screens/tell_now_screen.rs"),
                super::OPTIONS,
            ),
            (
                include_str!("../ui/parts/briefing_editor.rs"),
                super::BRIEFING,
            ),
            (include_str!("../ui/steps/follow_up.rs"), super::DEBRIEF),
        ] {
            assert!(source.contains(&format!(">\"{label}\"</h2>")), "{label}");
        }
        let kinds = include_str!("../ui/parts/cause_kinds.rs");
        assert!(kinds.contains(&format!("<legend>\"{}\"</legend>", super::KIND_OF_CAUSE)));
    }
}
