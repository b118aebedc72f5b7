//! The closed sets of choices the steps offer, each stored by a short key and shown by a
//! plain label: breathing pattern, severity, effort, risk and the rest.

use super::value::choice;

choice!(
    /// Which breathing pattern the Stop step guides.
    Breathing {
        Sigh = "sigh", "Cyclic sigh: in, in again, long out";
        Box = "box", "Box: in 4, hold 4, out 4, hold 4";
    }
);

choice!(
    Severity {
        Unset = "unset", "Not sure yet";
        Low = "low", "Low: easy to put right";
        Medium = "medium", "Medium: some work to fix";
        High = "high", "High: hurts customers or money";
        Critical = "critical", "Critical: serious harm, now";
    }
);

choice!(
    Worsening {
        Unknown = "unknown", "Not sure";
        Yes = "yes", "Yes, it is still getting worse";
        No = "no", "No, it has stopped";
    }
);

choice!(
    Effort {
        Unset = "unset", "Not sure";
        Small = "small", "Small";
        Medium = "medium", "Medium";
        Large = "large", "Large";
    }
);

choice!(
    Risk {
        Unset = "unset", "Not sure";
        Low = "low", "Low";
        Medium = "medium", "Medium";
        High = "high", "High";
    }
);

choice!(
    Undoable {
        Unknown = "unknown", "Not sure";
        Yes = "yes", "Yes";
        Partly = "partly", "Partly";
        No = "no", "No";
    }
);

choice!(
    ItemStatus {
        Todo = "todo", "To do";
        Doing = "doing", "Doing";
        Done = "done", "Done";
        NotDoing = "not_doing", "Not doing";
    }
);

choice!(
    CommitmentKind {
        Check = "check", "Check";
        Habit = "habit", "Habit";
        Process = "process", "Process";
        Tool = "tool", "Tool";
    }
);

choice!(
    CheckIn {
        Pending = "pending", "Not yet";
        Kept = "kept", "Kept";
        Missed = "missed", "Missed";
    }
);

choice!(
    /// A kind of cause, for comparing causes across incidents. Several can apply; the first
    /// listed is where an unknown key lands, so it is "other".
    CauseKind {
        Other = "other", "Something else";
        Rushed = "rushed", "Rushed or under time pressure";
        MissingCheck = "missing_check", "Missing check";
        Unclear = "unclear", "Unclear request or requirement";
        Handoff = "handoff", "Hand-off or communication gap";
        ToolFault = "tool", "Tool or process fault";
        Knowledge = "knowledge", "Knowledge gap";
        Tired = "tired", "Tired or overloaded";
    }
);

impl CauseKind {
    /// In the order offered, "something else" last.
    pub const ALL: [CauseKind; 8] = [
        CauseKind::Rushed,
        CauseKind::MissingCheck,
        CauseKind::Unclear,
        CauseKind::Handoff,
        CauseKind::ToolFault,
        CauseKind::Knowledge,
        CauseKind::Tired,
        CauseKind::Other,
    ];

    /// Its place in `ALL`, for counting without a map.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(7)
    }
}
