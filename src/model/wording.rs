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

mod phrases;
use phrases::*;

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
mod tests;
