//! Finding incidents by any text the user wrote in them.

use super::Incident;
use crate::json::{self, Json};

/// All of an incident's text, lower-cased, for matching: every string its stored form
/// holds, so a field added later is searchable without changes here. It comes straight from
/// the incident's `write`, without making the stored text and reading it back, which at
/// 1,000 incidents was most of the first search's one long task.
pub fn haystack(incident: &Incident) -> String {
    let mut w = json::Writer::strings_only(4096);
    incident.write(&mut w);
    w.into_text()
}

/// True when every word of the query appears somewhere in the haystack. Case is ignored for
/// ASCII letters only: Unicode case tables would add about 12 kB to the app.
pub fn matches(haystack: &str, query: &str) -> bool {
    query
        .to_ascii_lowercase()
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::steps::Alternative;

    /// An incident with a title and one option whose cons say `cons`.
    fn titled_with_cons(title: &str, cons: &str) -> Incident {
        let mut i = Incident::blank(6);
        i.title = title.into();
        i.steps.solutions.options.push(Alternative {
            id: 1,
            cons: cons.into(),
            ..Alternative::default()
        });
        i
    }

    #[test]
    fn finds_words_in_any_field_in_any_order_and_case() {
        let text = haystack(&titled_with_cons("Wrong invoice", "Costs a Refund"));
        assert!(matches(&text, "refund INVOICE"));
        assert!(matches(&text, "  "));
        assert!(!matches(&text, "invoice payroll"));
    }

    #[test]
    fn holds_every_string_value_lowered_one_a_line_and_no_keys() {
        let i = titled_with_cons(
            "Quote \" back\\slash\ttab\u{1}ctl Zoë 東京 😀 ÉCOLE",
            "Line\nbreak",
        );
        let text = haystack(&i);
        // As typed, not as escaped in the stored text; case folded for ASCII only.
        assert!(text.contains("\nquote \" back\\slash\ttab\u{1}ctl zoë 東京 😀 École\n"));
        assert!(text.contains("\nline\nbreak\n"));
        assert!(
            text.contains(&format!("{}\n", i.id)),
            "ids and times are strings too"
        );
        assert!(
            !text.contains("title") && !text.contains("cons"),
            "keys are not text"
        );
        // That it holds exactly the stored text's strings, for any incident, is a property
        // test (tests/round_trip.rs).
    }
}
