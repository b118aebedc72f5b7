//! What the wording check looks for, and the calm suggestion it makes for each kind.

pub(super) const INSULTS: &[&str] = &[
    "stupid",
    "idiot",
    "useless",
    "hopeless",
    "incompetent",
    "pathetic",
    "failure",
    "terrible",
    "disaster",
    "worthless",
    "dumb",
];
pub(super) const ALWAYS_NEVER: &[&str] = &["always", "never"];
pub(super) const HABITS: &[&str] = &[
    "ruin", "mess", "screw", "break", "get", "do", "fail", "make",
];
pub(super) const MINIMISERS: &[&str] = &[
    "just", "only", "merely", "simply", "slightly", "minor", "tiny", "trivial",
];
pub(super) const SMALL_AFTER_A: &[&str] = &["small", "little", "bit", "tiny", "slight", "minor"];

/// Words that own up; a "but" soon after them in the same sentence takes it back.
pub(super) const APOLOGIES: &[&str] = &[
    "sorry",
    "apologise",
    "apologize",
    "apologies",
    "apologised",
    "apologized",
];
pub(super) const OWNED: &[&str] = &["mistake", "error", "fault", "bad"];
/// How far back, in words, an apology still colours a "but".
pub(super) const BUT_REACH: usize = 8;
/// People, other than oneself, who can be blamed by pronoun.
pub(super) const OTHERS: &[&str] = &["they", "he", "she", "you", "someone", "somebody", "others"];
pub(super) const NOBODY_VERBS: &[&str] = &[
    "told",
    "warned",
    "said",
    "mentioned",
    "asked",
    "showed",
    "checked",
];
/// Past participles common after "should have"; regular ones end in "ed".
pub(super) const PARTICIPLES: &[&str] = &[
    "known", "told", "seen", "done", "sent", "caught", "spotted", "been", "said", "made", "got",
    "given", "taken", "written", "read", "kept", "let", "put", "set", "thought", "noticed",
    "shown", "gone", "had",
];

pub(super) const SELF_ATTACK_TIP: &str =
    "The plain facts are enough, and kinder to you. For example: \u{201c}I made a mistake with the invoice.\u{201d}";
pub(super) const SIZE_TIP: &str =
    "Let the facts show the size: say what was affected, and how much.";
pub(super) const BUT_TIP: &str = "After owning up, \u{201c}but\u{201d} can read as an excuse. End the sentence there, and give any reason as a plain fact.";
pub(super) const BECAUSE_TIP: &str =
    "Give the cause as a plain fact, next to your part in it. That explains without excusing.";
pub(super) const NOT_REALLY_TIP: &str =
    "Say plainly what it was. If part of it was out of your hands, give that as a fact.";
pub(super) const BLAME_TIP: &str = "Say what happened, not who is to blame. If someone else's part matters, give it as a plain fact.";
pub(super) const NOBODY_TIP: &str = "Say what you knew at the time. For example: \u{201c}I didn't know the list had changed.\u{201d}";
