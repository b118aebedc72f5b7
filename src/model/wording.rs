//! The wording check: spots self-attacks, minimising words, excuses and blaming others in a
//! message and suggests plainer wording. It only ever suggests; it never blocks.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagKind {
    /// Harsh words about oneself ("I'm so stupid").
    SelfAttack,
    /// Words that make the problem sound smaller than it is ("just", "a small").
    Minimising,
    /// Words that excuse the mistake ("I'm sorry, but", "only because", "it wasn't really").
    Excuse,
    /// Words that put the fault on someone else ("they should have", "nobody told me").
    Blaming,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    /// The words as found, lower-cased.
    pub phrase: String,
    pub suggestion: &'static str,
}

const INSULTS: &[&str] = &[
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
const ALWAYS_NEVER: &[&str] = &["always", "never"];
const HABITS: &[&str] = &[
    "ruin", "mess", "screw", "break", "get", "do", "fail", "make",
];
const MINIMISERS: &[&str] = &[
    "just", "only", "merely", "simply", "slightly", "minor", "tiny", "trivial",
];
const SMALL_AFTER_A: &[&str] = &["small", "little", "bit", "tiny", "slight", "minor"];

/// Words that own up; a "but" soon after them in the same sentence takes it back.
const APOLOGIES: &[&str] = &[
    "sorry",
    "apologise",
    "apologize",
    "apologies",
    "apologised",
    "apologized",
];
const OWNED: &[&str] = &["mistake", "error", "fault", "bad"];
/// How far back, in words, an apology still colours a "but".
const BUT_REACH: usize = 8;
/// People, other than oneself, who can be blamed by pronoun.
const OTHERS: &[&str] = &["they", "he", "she", "you", "someone", "somebody", "others"];
const NOBODY_VERBS: &[&str] = &[
    "told",
    "warned",
    "said",
    "mentioned",
    "asked",
    "showed",
    "checked",
];
/// Past participles common after "should have"; regular ones end in "ed".
const PARTICIPLES: &[&str] = &[
    "known", "told", "seen", "done", "sent", "caught", "spotted", "been", "said", "made", "got",
    "given", "taken", "written", "read", "kept", "let", "put", "set", "thought", "noticed",
    "shown", "gone", "had",
];

const SELF_ATTACK_TIP: &str =
    "The plain facts are enough, and kinder to you. For example: \u{201c}I made a mistake with the invoice.\u{201d}";
const SIZE_TIP: &str = "Let the facts show the size: say what was affected, and how much.";
const BUT_TIP: &str = "After owning up, \u{201c}but\u{201d} can read as an excuse. End the sentence there, and give any reason as a plain fact.";
const BECAUSE_TIP: &str =
    "Give the cause as a plain fact, next to your part in it. That explains without excusing.";
const NOT_REALLY_TIP: &str =
    "Say plainly what it was. If part of it was out of your hands, give that as a fact.";
const BLAME_TIP: &str = "Say what happened, not who is to blame. If someone else's part matters, give it as a plain fact.";
const NOBODY_TIP: &str = "Say what you knew at the time. For example: \u{201c}I didn't know the list had changed.\u{201d}";

/// Letters, digits and apostrophes. Any other non-ASCII character counts as a letter unless it
/// is common punctuation, which avoids shipping Unicode tables for a check of English words.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '\''
        || (!c.is_ascii()
            && !matches!(
                c,
                '\u{201c}'
                    | '\u{201d}'
                    | '\u{2018}'
                    | '\u{ab}'
                    | '\u{bb}'
                    | '\u{2013}'
                    | '\u{2014}'
                    | '\u{2026}'
                    | '\u{a0}'
            ))
}

/// Lower-cased words, with curly apostrophes made straight so "I’m" matches "i'm".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.replace('\u{2019}', "'")
                .trim_matches('\'')
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every flag in `text`, each phrase once, in the order found.
pub fn check(text: &str) -> Vec<Flag> {
    let mut flags: Vec<Flag> = Vec::new();
    let mut add = |kind, phrase: String, suggestion| {
        if !flags.iter().any(|f| f.phrase == phrase) {
            flags.push(Flag {
                kind,
                phrase,
                suggestion,
            });
        }
    };
    // A "but" answers only an apology in its own sentence.
    for sentence in text.split(['.', '!', '?', ';', '\n', '\u{2026}']) {
        check_sentence(&words(sentence), &mut add);
    }
    flags
}

/// True if the words just before `at` own up: "sorry", "my fault", "I made a mistake",
/// "I messed up", "I got it wrong", "I was wrong".
fn owns_up(words: &[String], at: usize) -> bool {
    let before = &words[at.saturating_sub(BUT_REACH)..at];
    let word = |n: usize| before.get(n).map_or("", String::as_str);
    (0..before.len()).any(|n| {
        APOLOGIES.contains(&word(n))
            || (word(n) == "my" && OWNED.contains(&word(n + 1)))
            || (word(n) == "made" && matches!(word(n + 2), "mistake" | "error"))
            || (word(n) == "messed" && word(n + 1) == "up")
            || (word(n) == "got" && word(n + 1) == "it" && word(n + 2) == "wrong")
            || (word(n) == "was" && word(n + 1) == "wrong" && n > 0 && word(n - 1) == "i")
    })
}

fn check_sentence(words: &[String], add: &mut impl FnMut(FlagKind, String, &'static str)) {
    for (i, word) in words.iter().enumerate() {
        let next = |n: usize| words.get(i + n).map_or("", String::as_str);
        let prev = i.checked_sub(1).map_or("", |p| words[p].as_str());
        // "I'm (so / such an / an) stupid", "I am a failure": the insult within three words.
        let subject_len = match (word.as_str(), next(1)) {
            ("i'm" | "im", _) => Some(1),
            ("i", "am") => Some(2),
            _ => None,
        };
        if let Some(len) = subject_len {
            if let Some(end) = (len..len + 3).find(|n| INSULTS.contains(&next(*n))) {
                add(
                    FlagKind::SelfAttack,
                    words[i..=i + end].join(" "),
                    SELF_ATTACK_TIP,
                );
            }
        }
        if word == "i" && ALWAYS_NEVER.contains(&next(1)) && HABITS.contains(&next(2)) {
            add(
                FlagKind::SelfAttack,
                words[i..i + 3].join(" "),
                SELF_ATTACK_TIP,
            );
        }
        if word == "ruin" && next(1) == "everything" {
            add(
                FlagKind::SelfAttack,
                "ruin everything".into(),
                SELF_ATTACK_TIP,
            );
        }
        // "only because" is an excuse, flagged whole; "not only because" is neither.
        let only_because = word == "only" && next(1) == "because";
        if only_because && prev != "not" {
            add(FlagKind::Excuse, "only because".into(), BECAUSE_TIP);
        }
        if MINIMISERS.contains(&word.as_str()) && !only_because {
            let tip = if matches!(word.as_str(), "just" | "only" | "merely" | "simply") {
                "Leave this word out: the plain facts are enough."
            } else {
                SIZE_TIP
            };
            add(FlagKind::Minimising, word.clone(), tip);
        }
        if word == "a" && SMALL_AFTER_A.contains(&next(1)) {
            add(FlagKind::Minimising, format!("a {}", next(1)), SIZE_TIP);
        }
        if word == "big" && next(1) == "deal" && matches!(prev, "no" | "a") {
            add(
                FlagKind::Minimising,
                "big deal".into(),
                "Let them judge how big it is: say what was affected.",
            );
        }
        // "I'm sorry, but", "I made a mistake, but": not "small but needs a review".
        if word == "but" && next(1) != "also" && owns_up(words, i) {
            add(FlagKind::Excuse, "but".into(), BUT_TIP);
        }
        // "It wasn't really", "that was not really": not "I wasn't really sure".
        let not_really = match (word.as_str(), next(1), next(2)) {
            ("wasn't" | "isn't" | "wasnt" | "isnt", "really", _) => Some(2),
            ("was" | "is", "not", "really") => Some(3),
            _ => None,
        };
        if let Some(len) = not_really {
            if matches!(prev, "it" | "that" | "this") {
                add(
                    FlagKind::Excuse,
                    words[i - 1..i + len].join(" "),
                    NOT_REALLY_TIP,
                );
            }
        }
        if word == "not" && next(1) == "my" && next(2) == "fault" {
            add(FlagKind::Excuse, "not my fault".into(), BLAME_TIP);
        }
        // "Sam's fault", "their fault": anyone's but mine.
        if word == "fault"
            && (matches!(prev, "their" | "his" | "her" | "your")
                || (prev.ends_with("'s") && !matches!(prev, "it's" | "that's" | "what's")))
        {
            add(FlagKind::Blaming, format!("{prev} fault"), BLAME_TIP);
        }
        // "because they didn't", "because he forgot".
        if word == "because" && OTHERS.contains(&next(1)) {
            let verb = match (next(2), next(3)) {
                ("didn't" | "didnt" | "forgot" | "failed" | "never", _) => Some(3),
                ("did", "not") => Some(4),
                _ => None,
            };
            if let Some(len) = verb {
                add(FlagKind::Blaming, words[i..i + len].join(" "), BLAME_TIP);
            }
        }
        // "They should have checked": not "they should have the file by noon".
        if OTHERS.contains(&word.as_str()) {
            let len = match (next(1), next(2)) {
                ("should" | "shouldn't", "have") => Some(3),
                ("should've" | "shouldn't've", _) => Some(2),
                _ => None,
            };
            if let Some(len) = len {
                let then = next(len);
                if then.ends_with("ed") || PARTICIPLES.contains(&then) {
                    add(FlagKind::Blaming, words[i..i + len].join(" "), BLAME_TIP);
                }
            }
        }
        // "Nobody told me", "no one warned us".
        let nobody = match (word.as_str(), next(1)) {
            ("nobody", _) => Some(1),
            ("no", "one") => Some(2),
            _ => None,
        };
        if let Some(len) = nobody {
            if NOBODY_VERBS.contains(&next(len)) {
                let end = i + len + usize::from(matches!(next(len + 1), "me" | "us"));
                add(FlagKind::Blaming, words[i..=end].join(" "), NOBODY_TIP);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<(FlagKind, String)> {
        check(text)
            .into_iter()
            .map(|f| (f.kind, f.phrase))
            .collect()
    }

    #[test]
    fn flags_self_attacks_with_straight_or_curly_apostrophes() {
        use FlagKind::SelfAttack;
        assert_eq!(
            phrases("Sorry, I'm so stupid."),
            [(SelfAttack, "i'm so stupid".into())]
        );
        assert_eq!(
            phrases("I’m such an idiot"),
            [(SelfAttack, "i'm such an idiot".into())]
        );
        assert_eq!(
            phrases("\u{201c}I\u{2019}M USELESS\u{201d}"),
            [(SelfAttack, "i'm useless".into())]
        );
        assert_eq!(
            phrases("I am a failure"),
            [(SelfAttack, "i am a failure".into())]
        );
        assert_eq!(
            phrases("I always ruin things"),
            [(SelfAttack, "i always ruin".into())]
        );
        assert_eq!(
            phrases("I ruin everything"),
            [(SelfAttack, "ruin everything".into())]
        );
    }

    #[test]
    fn flags_minimising_words_once_each() {
        use FlagKind::Minimising;
        assert_eq!(
            phrases("It was just a small typo, only just. No big deal."),
            [
                (Minimising, "just".into()),
                (Minimising, "a small".into()),
                (Minimising, "only".into()),
                (Minimising, "big deal".into()),
            ]
        );
    }

    #[test]
    fn leaves_plain_factual_wording_alone() {
        for text in [
            "I sent the invoice to the wrong client at 9:12.",
            "Justice was adjusted. I am sorry. The stupidity of the bug was in the script.",
            "It's a big release, I'm on it.",
            "\u{201c}Justly\u{201d} \u{2014} only\u{2019}s",
            "",
        ] {
            assert_eq!(phrases(text), [], "{text:?}");
        }
    }

    #[test]
    fn flags_but_only_after_owning_up_in_the_same_sentence() {
        use FlagKind::{Blaming, Excuse};
        for text in [
            "I'm sorry, but the script sent it before I could check.",
            "I made a mistake with the invoice, but the template was confusing.",
            "My mistake, but it was late and the portal was slow.",
            "I apologise for the delay but the numbers were hard to find.",
            "I got it wrong, but anyone could have.",
        ] {
            assert_eq!(phrases(text), [(Excuse, "but".into())], "{text:?}");
        }
        assert_eq!(
            phrases("I messed up the numbers but nobody told me the rates changed."),
            [(Excuse, "but".into()), (Blaming, "nobody told me".into())]
        );
    }

    #[test]
    fn leaves_ordinary_buts_alone() {
        for text in [
            "The fix is small but needs a review.",
            "I'm sorry for the delay. The fix is ready but needs a review.",
            "I'm sorry for the delay; the fix is ready but untested.",
            "I'm sorry for the delay but also for the confusion.",
            "I sent the file to the wrong client, but I've asked them to delete it.",
            "There was an error in the export, but the backup is intact.",
        ] {
            assert_eq!(phrases(text), [], "{text:?}");
        }
    }

    #[test]
    fn flags_only_because_and_it_wasnt_really_as_excuses() {
        use FlagKind::Excuse;
        assert_eq!(
            phrases("It happened only because the portal was down."),
            [(Excuse, "only because".into())],
            "flagged as an excuse, not also as the minimiser \"only\""
        );
        assert_eq!(
            phrases("It wasn\u{2019}t really my call to make."),
            [(Excuse, "it wasn't really".into())]
        );
        assert_eq!(
            phrases("That was not really a problem until today."),
            [(Excuse, "that was not really".into())]
        );
        for text in [
            "It matters not only because of the cost.",
            "I wasn't really sure which list was current, so I asked.",
            "It was really late when I noticed.",
            "I did it because I thought the list was final.",
        ] {
            assert_eq!(phrases(text), [], "{text:?}");
        }
    }

    #[test]
    fn flags_blaming_others() {
        use FlagKind::{Blaming, Excuse};
        let cases: [(&str, (FlagKind, &str)); 8] = [
            ("It was Sam's fault, really.", (Blaming, "sam's fault")),
            ("Honestly it was their fault.", (Blaming, "their fault")),
            (
                "It's not my fault the rates changed.",
                (Excuse, "not my fault"),
            ),
            (
                "It went out because they didn't update the list.",
                (Blaming, "because they didn't"),
            ),
            (
                "It broke because he forgot the header.",
                (Blaming, "because he forgot"),
            ),
            (
                "They should have checked it before release.",
                (Blaming, "they should have"),
            ),
            (
                "Someone should\u{2019}ve noticed sooner.",
                (Blaming, "someone should've"),
            ),
            (
                "No one warned us about the new template.",
                (Blaming, "no one warned us"),
            ),
        ];
        for (text, (kind, phrase)) in cases {
            assert_eq!(phrases(text), [(kind, phrase.into())], "{text:?}");
        }
    }

    #[test]
    fn leaves_plain_mentions_of_others_alone() {
        for text in [
            "It was my fault.",
            "The fault was in the script.",
            "They should have the new file by noon.",
            "I should have checked the address.",
            "We should have a second check before sending.",
            "I chased it because the client didn't reply.",
            "Nobody else was affected.",
            "No one has replied yet.",
            "Sam's team fixed the header.",
        ] {
            assert_eq!(phrases(text), [], "{text:?}");
        }
    }

    #[test]
    fn every_flag_of_every_kind_has_a_suggestion() {
        let flags = check("I'm useless, it was only a tiny thing. Sorry, but it was their fault: it wasn't really clear, only because nobody told me and they should have known.");
        assert_eq!(flags.len(), 10, "{flags:?}");
        for kind in [
            FlagKind::SelfAttack,
            FlagKind::Minimising,
            FlagKind::Excuse,
            FlagKind::Blaming,
        ] {
            assert!(flags.iter().any(|f| f.kind == kind), "{kind:?}");
        }
        assert!(flags.iter().all(|f| !f.suggestion.is_empty()));
    }
}
