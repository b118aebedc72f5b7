//! The redacted report's rule: people's names give way to their roles, as whole words.

use crate::model::steps::Steps;
use crate::model::{fnv, order};

/// People's names and the roles that stand in for them in a redacted report.
pub(super) struct Names {
    /// Each name once, with its role, sorted by the hash of its lead (`lead`): the names a
    /// text may hold at a place are those with the lead it has there, so redacting is one pass
    /// over the text, however many people an incident names (an import may bring thousands).
    roles: Vec<Known>,
    redact: bool,
}

/// A person the incident names, and the role that stands in for them.
#[derive(Clone)]
struct Known {
    /// The hash of the name's lead (`lead`), which the list is sorted by.
    lead: i64,
    name: String,
    role: String,
}

impl Names {
    pub(super) fn new(s: &Steps, redact: bool) -> Self {
        let people = s
            .assess
            .helpers
            .iter()
            .map(|p| (&p.name, &p.role))
            .chain(s.follow_up.people.iter().map(|p| (&p.name, &p.role)))
            .chain([(&s.own_up.tell_name, &s.own_up.tell_role)]);
        let mut named: Vec<(i64, &str, &str)> = people
            .map(|(name, role)| (name.trim(), role.trim()))
            .filter(|(name, _)| !name.is_empty())
            .map(|(name, role)| (lead(name), name, role))
            .collect();
        // The same name comes together, in the order it was written.
        order::sort_by(&mut named, |(lead, name, _)| {
            (*lead, u128::from(fnv::hash(name.as_bytes())))
        });
        let mut roles: Vec<Known> = Vec::new();
        for (lead, name, role) in named {
            match roles.last_mut() {
                // Each name's first role wins, once it has one.
                Some(last) if last.name == name => {
                    if last.role.is_empty() {
                        last.role = role.to_owned();
                    }
                }
                _ => roles.push(Known {
                    lead,
                    name: name.to_owned(),
                    role: role.to_owned(),
                }),
            }
        }
        for entry in &mut roles {
            if entry.role.is_empty() {
                entry.role = "a colleague".to_owned();
            }
        }
        let mut names = Self { roles, redact };
        // A role that names someone ("Dana's assistant") gives way too. A name that comes
        // back with a role given in its place (a role naming someone whose role names someone,
        // or two roles naming each other) gives way to "a colleague", since roles could name
        // each other without end.
        if redact {
            let roles: Vec<String> = names.roles.iter().map(|e| names.text(&e.role)).collect();
            let anyone = Self {
                roles: names
                    .roles
                    .iter()
                    .map(|e| Known {
                        role: "a colleague".to_owned(),
                        ..e.clone()
                    })
                    .collect(),
                redact,
            };
            for (entry, role) in names.roles.iter_mut().zip(roles) {
                entry.role = anyone.text(&role);
            }
        }
        names
    }

    /// Free text, with every known name replaced when redacting: the longest name that
    /// stands as a whole word at each place.
    pub(super) fn text(&self, text: &str) -> String {
        if !self.redact {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let (mut copied, mut at, mut after_word) = (0, 0, false);
        while let Some(c) = text[at..].chars().next() {
            if !after_word {
                if let Some(Known { name, role, .. }) = self.name_at(&text[at..]) {
                    out.push_str(&text[copied..at]);
                    out.push_str(role);
                    at += name.len();
                    copied = at;
                    after_word = name.chars().next_back().is_some_and(word_char);
                    continue;
                }
            }
            after_word = word_char(c);
            at += c.len_utf8();
        }
        out.push_str(&text[copied..]);
        out
    }

    /// The known names whose lead is `text`'s.
    fn with_lead_of(&self, text: &str) -> &[Known] {
        let lead = lead(text);
        let start = self.roles.partition_point(|e| e.lead < lead);
        let count = self.roles[start..].partition_point(|e| e.lead == lead);
        &self.roles[start..start + count]
    }

    /// The longest known name that `rest` starts with, as a whole word.
    fn name_at(&self, rest: &str) -> Option<&Known> {
        let ends_a_word = |after: &str| !after.chars().next().is_some_and(word_char);
        self.with_lead_of(rest)
            .iter()
            .filter(|e| {
                rest.starts_with(e.name.as_str())
                    && rest.get(e.name.len()..).is_some_and(ends_a_word)
            })
            .max_by_key(|e| e.name.len())
    }

    /// A field that holds a person's name: their role when redacting, or "someone" when
    /// Mend doesn't know them, since an unknown name is still a name.
    pub(super) fn name(&self, name: &str) -> String {
        let name = name.trim();
        let own = ["me", "myself", "i"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(name));
        if !self.redact || own {
            return name.to_owned();
        }
        self.with_lead_of(name)
            .iter()
            .find(|e| e.name == name)
            .map_or_else(|| "someone".to_owned(), |e| e.role.clone())
    }

    /// "Dana (Finance lead)", or just the role when redacting.
    pub(super) fn person(&self, name: &str, role: &str) -> String {
        let (name, role) = (name.trim(), role.trim());
        match (self.redact, name.is_empty(), role.is_empty()) {
            (true, _, false) | (false, true, _) => role.to_owned(),
            (true, _, true) => self.name(name),
            (false, false, true) => name.to_owned(),
            (false, false, false) => format!("{name} ({role})"),
        }
    }
}

/// The hash of where a text starts: its first character and the letters and digits after it.
fn lead(text: &str) -> i64 {
    let mut chars = text.char_indices().skip(1);
    let end = chars
        .find(|(_, c)| !word_char(*c))
        .map_or(text.len(), |(at, _)| at);
    fnv::hash(&text.as_bytes()[..end]) as i64
}

/// Letters and digits, counting every non-ASCII character as a letter: Unicode's tables
/// would cost the download more than they help here.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::Person;

    /// How names were replaced before: each name in turn, longest first, over the whole text.
    fn one_at_a_time(names: &Names, text: &str) -> String {
        let mut roles = names.roles.clone();
        roles.sort_by_key(|e| std::cmp::Reverse(e.name.chars().count()));
        let mut text = text.to_owned();
        for Known { name, role, .. } in &roles {
            text = replace_word(&text, name, role);
        }
        text
    }

    /// Replaces `word` where it stands as a whole word (not inside a longer one).
    /// (With the character before a match read from the text, not from what is left of it:
    /// "DanDan" had become "DanX".)
    fn replace_word(text: &str, word: &str, with: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(word) {
            let done = text.len() - rest.len();
            let before = text[..done + at].chars().next_back();
            let after = rest[at + word.len()..].chars().next();
            out.push_str(&rest[..at]);
            if before.is_some_and(word_char) || after.is_some_and(word_char) {
                out.push_str(word);
            } else {
                out.push_str(with);
            }
            rest = &rest[at + word.len()..];
        }
        out.push_str(rest);
        out
    }

    fn steps(people: &[(&str, &str)]) -> Steps {
        let mut s = Steps::default();
        s.assess.helpers = people
            .iter()
            .enumerate()
            .map(|(n, (name, role))| Person {
                id: n as u32 + 1,
                name: (*name).into(),
                role: (*role).into(),
            })
            .collect();
        s
    }

    #[test]
    fn names_are_replaced_only_as_whole_words_and_the_longest_first() {
        let names = Names::new(&steps(&[("Dan", "X"), ("Dana Lee", "Y")]), true);
        assert_eq!(names.text("Dan and Dana, Dan."), "X and Dana, X.");
        assert_eq!(names.text("Dana Lee met Dan"), "Y met X");
        assert_eq!(names.text("DanDan, Dan2 and Dan"), "DanDan, Dan2 and X");
        assert_eq!(names.text("éDan Dané Dan"), "éDan Dané X");
    }

    #[test]
    fn each_name_keeps_its_first_role_and_a_role_that_names_someone_gives_way() {
        let names = Names::new(
            &steps(&[
                ("Sam", ""),
                ("Dana", "Finance lead"),
                ("Sam", "Dana's assistant"),
                ("Dana", "CFO"),
            ]),
            true,
        );
        assert_eq!(
            names.text("Sam asked Dana"),
            "Finance lead's assistant asked Finance lead"
        );
        assert_eq!(names.name("Dana"), "Finance lead");
        assert_eq!(names.name("Alex"), "someone");
        let none = Names::new(&steps(&[("Ann", "")]), true);
        assert_eq!(none.text("Ann"), "a colleague");
    }

    #[test]
    fn a_name_that_a_role_brings_back_gives_way_to_a_colleague() {
        // A chain: Ann's role names Bo, whose role names Cy.
        let chain = Names::new(
            &steps(&[
                ("Ann", "Bo's manager"),
                ("Bo", "Cy's deputy"),
                ("Cy", "CFO"),
            ]),
            true,
        );
        assert_eq!(
            chain.text("Ann and Bo"),
            "a colleague's deputy's manager and CFO's deputy"
        );
        // Two roles naming each other.
        let cycle = Names::new(
            &steps(&[("Ann", "Bo's manager"), ("Bo", "Ann's assistant")]),
            true,
        );
        assert_eq!(
            cycle.text("Ann asked Bo"),
            "a colleague's assistant's manager asked a colleague's manager's assistant"
        );
    }

    #[test]
    fn thousands_of_names_are_one_pass() {
        let people: Vec<(String, String)> = (1..=4000)
            .map(|n| (format!("Helper {n}"), format!("Role {n}")))
            .collect();
        let refs: Vec<(&str, &str)> = people
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let names = Names::new(&steps(&refs), true);
        let text = "Helper 12 called Helper 1200, then Helper 4000 and Helper 40001.";
        assert_eq!(
            names.text(text),
            "Role 12 called Role 1200, then Role 4000 and Helper 40001."
        );
        assert_eq!(names.text(text), one_at_a_time(&names, text));
    }

    /// Generated texts and people (proptest is a native-only dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod generated {
        use super::*;
        use proptest::prelude::*;

        fn word() -> impl Strategy<Value = String> {
            proptest::sample::select(vec![
                "Dan",
                "Dana",
                "Dana Lee",
                "Lee",
                "Ann-Marie",
                "Ann",
                "é",
                "x",
            ])
            .prop_map(str::to_owned)
        }

        proptest! {
            #[test]
            fn one_pass_replaces_what_one_name_at_a_time_did(
                people in proptest::collection::vec(word(), 0..5),
                pieces in proptest::collection::vec(prop_oneof![word(), Just(" ".to_owned()), Just(", ".to_owned()), Just("-".to_owned())], 0..16),
            ) {
                // Roles that name nobody, where the two ways agree by design.
                let roles: Vec<String> = (0..people.len()).map(|n| format!("<{n}>")).collect();
                let refs: Vec<(&str, &str)> = people.iter().zip(&roles).map(|(a, b)| (a.as_str(), b.as_str())).collect();
                let names = Names::new(&steps(&refs), true);
                let text = pieces.concat();
                prop_assert_eq!(names.text(&text), one_at_a_time(&names, &text));
            }

            #[test]
            fn a_redacted_text_names_nobody(
                people in proptest::collection::vec((word(), proptest::collection::vec(word(), 0..3)), 0..6),
                pieces in proptest::collection::vec(prop_oneof![word(), Just(" ".to_owned()), Just("'s ".to_owned())], 0..16),
            ) {
                // Roles made of the same words, so that they name people, each other included.
                let roles: Vec<String> = people.iter().map(|(_, role)| role.join("'s ")).collect();
                let refs: Vec<(&str, &str)> = people.iter().zip(&roles).map(|((name, _), role)| (name.as_str(), role.as_str())).collect();
                let names = Names::new(&steps(&refs), true);
                let redacted = names.text(&pieces.concat());
                // Redacting again finds no name left standing as a word.
                prop_assert_eq!(names.text(&redacted), redacted);
            }
        }
    }
}
