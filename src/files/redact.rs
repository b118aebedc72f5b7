//! The redacted report's rule: people's names give way to their roles, as whole words.

use crate::model::steps::Steps;

/// People's names and the roles that stand in for them in a redacted report.
pub(super) struct Names {
    /// Longest name first, so "Dana Lee" is replaced before "Dana".
    roles: Vec<(String, String)>,
    redact: bool,
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
        let mut roles: Vec<(String, String)> = Vec::new();
        for (name, role) in people {
            let (name, role) = (name.trim(), role.trim());
            if name.is_empty() || roles.iter().any(|(n, r)| n == name && !r.is_empty()) {
                continue;
            }
            roles.retain(|(n, _)| n != name);
            let role = if role.is_empty() { "a colleague" } else { role };
            roles.push((name.to_owned(), role.to_owned()));
        }
        crate::model::order::sort_by(&mut roles, |(name, _)| (-(name.chars().count() as i64), 0));
        Self { roles, redact }
    }

    /// Free text, with every known name replaced when redacting.
    pub(super) fn text(&self, text: &str) -> String {
        if !self.redact {
            return text.to_owned();
        }
        let mut text = text.to_owned();
        for (name, role) in &self.roles {
            text = replace_word(&text, name, role);
        }
        text
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
        self.roles
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| "someone".to_owned(), |(_, role)| role.clone())
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

/// Letters and digits, counting every non-ASCII character as a letter: Unicode's tables
/// would cost the download more than they help here.
fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// Replaces `word` where it stands as a whole word (not inside a longer one).
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_replaced_only_as_whole_words() {
        assert_eq!(
            replace_word("Dan and Dana, Dan.", "Dan", "X"),
            "X and Dana, X."
        );
    }
}
