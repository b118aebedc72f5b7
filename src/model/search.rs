//! Finding incidents by any text the user wrote in them.

use serde_json::Value;

use super::Incident;

fn collect(value: &Value, out: &mut String) {
    match value {
        Value::String(text) => {
            out.push_str(&text.to_ascii_lowercase());
            out.push('\n');
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        Value::Object(fields) => fields.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// All of an incident's text, lower-cased, for matching. Walking the serialised form
/// means a field added later is searchable without changes here. It goes through JSON text
/// rather than `to_value`, reusing the code that storage already needs.
pub fn haystack(incident: &Incident) -> String {
    let mut out = String::new();
    if let Ok(value) = serde_json::from_str::<Value>(&crate::json::to_text(incident)) {
        collect(&value, &mut out);
    }
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
