//! The wording check: spots self-attacks and minimising words in a message and suggests
//! plainer wording. It only ever suggests; it never blocks.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagKind {
    /// Harsh words about oneself ("I'm so stupid").
    SelfAttack,
    /// Words that make the problem sound smaller than it is ("just", "a small").
    Minimising,
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

const SELF_ATTACK_TIP: &str =
    "The plain facts are enough, and kinder to you. For example: \u{201c}I made a mistake with the invoice.\u{201d}";
const SIZE_TIP: &str = "Let the facts show the size: say what was affected, and how much.";

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
    let words = words(text);
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
    for (i, word) in words.iter().enumerate() {
        let next = |n: usize| words.get(i + n).map_or("", String::as_str);
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
        if MINIMISERS.contains(&word.as_str()) {
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
        if word == "big"
            && next(1) == "deal"
            && matches!(
                words.get(i.wrapping_sub(1)).map(String::as_str),
                Some("no" | "a")
            )
        {
            add(
                FlagKind::Minimising,
                "big deal".into(),
                "Let them judge how big it is: say what was affected.",
            );
        }
    }
    flags
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
    fn every_flag_has_a_suggestion() {
        assert!(check("I'm useless, it was only a tiny thing")
            .iter()
            .all(|f| !f.suggestion.is_empty()));
    }
}
