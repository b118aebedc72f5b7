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

    #[test]
    fn finds_words_in_any_field_in_any_order_and_case() {
        let mut i = Incident::blank(6);
        i.title = "Wrong invoice".into();
        i.steps.solutions.options.push(Alternative {
            id: 1,
            cons: "Costs a Refund".into(),
            ..Alternative::default()
        });
        let text = haystack(&i);
        assert!(matches(&text, "refund INVOICE"));
        assert!(matches(&text, "  "));
        assert!(!matches(&text, "invoice payroll"));
    }

    /// The haystack as it was made before: the stored text, then every string value in it.
    fn from_stored_text(incident: &Incident) -> String {
        let mut out = String::new();
        json::each_string(&json::to_text(incident), &mut |text| {
            out.push_str(&text.to_ascii_lowercase());
            out.push('\n');
        })
        .unwrap();
        out
    }

    #[test]
    fn holds_every_string_of_the_stored_text_and_nothing_else() {
        let stored = include_str!("../../tests/fixtures/v4-full-incident.json");
        let mut i = crate::persist::codec::decode(stored).unwrap();
        assert_eq!(haystack(&i), from_stored_text(&i));
        i.title = "Quote \" back\\slash\ttab\u{1}ctl Zoë 東京 😀 ÉCOLE".into();
        i.steps.solutions.options.push(Alternative {
            id: 9,
            cons: "Line\nbreak".into(),
            ..Alternative::default()
        });
        let text = haystack(&i);
        assert_eq!(text, from_stored_text(&i));
        assert!(text.contains("quote \" back\\slash\ttab\u{1}ctl zoë 東京 😀 École\n"));
        assert!(!text.contains("what_happened"), "keys are not text");
    }
}
