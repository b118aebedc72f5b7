//! Finding incidents by any text the user wrote in them.

use super::Incident;
use crate::json;

/// All of an incident's text, lower-cased, for matching. Walking its stored form means a
/// field added later is searchable without changes here; the walk reads the strings in
/// place rather than building a tree of the record first.
pub fn haystack(incident: &Incident) -> String {
    let mut out = String::new();
    let _ = json::each_string(&json::to_text(incident), &mut |text| {
        out.push_str(&text.to_ascii_lowercase());
        out.push('\n');
    });
    out
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
}
