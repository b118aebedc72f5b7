//! Where in a JSON text a byte is, as a member's path (`steps.assess.key_points[1].text`), so
//! a message can name the field at fault rather than a byte. Worked out from the text only
//! when a read has failed, so reading itself carries no path.

use super::ReadError;

/// One step down: a named member, or the item at a 0-based place in a list.
enum Step<'a> {
    Member(Option<&'a str>),
    Item(usize),
}

/// The members and items that hold byte `at` of `text`, outermost first.
fn steps_to(text: &str, at: usize) -> Vec<Step<'_>> {
    let bytes = text.as_bytes();
    let mut steps = Vec::new();
    // Inside an object, whether the next string is a key.
    let mut key_next = false;
    let mut i = 0;
    while i < at.min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                steps.push(Step::Member(None));
                key_next = true;
            }
            b'[' => steps.push(Step::Item(0)),
            b'}' | b']' => {
                steps.pop();
                key_next = false;
            }
            b',' => match steps.last_mut() {
                Some(Step::Item(n)) => *n += 1,
                Some(Step::Member(_)) => key_next = true,
                None => {}
            },
            b'"' => {
                let from = i + 1;
                i = from;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if key_next {
                    if let Some(Step::Member(key)) = steps.last_mut() {
                        *key = text.get(from..i.min(bytes.len()));
                    }
                    key_next = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    steps
}

/// The path to byte `at` of `text`, leaving out the outermost `skip` steps: empty at the top.
fn path_to(text: &str, at: usize, skip: usize) -> String {
    let mut path = String::new();
    for step in steps_to(text, at).iter().skip(skip) {
        match step {
            Step::Member(Some(name)) if path.is_empty() => path.push_str(name),
            Step::Member(Some(name)) => {
                path.push('.');
                path.push_str(name);
            }
            Step::Member(None) => {}
            Step::Item(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

/// "expected a string for steps.assess.impact": what a read of `text` expected, and the
/// member it was in (below the outermost `skip` steps), for a person fixing the text.
pub fn explain(text: &str, e: &ReadError, skip: usize) -> String {
    match path_to(text, e.at, skip) {
        path if path.is_empty() => format!("expected {}", e.what),
        path => format!("expected {} for {path}", e.what),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_is_named_by_its_members_and_items() {
        let text = r#"{"id":1,"steps":{"assess":{"key_points":[{"id":1,"text":"a, b"},{"id":2,"text":7}]}}}"#;
        let at = text.find('7').unwrap();
        assert_eq!(path_to(text, at, 0), "steps.assess.key_points[1].text");
        assert_eq!(path_to(text, at, 1), "assess.key_points[1].text");
        assert_eq!(path_to(text, text.find(":1").unwrap() + 1, 0), "id");
        assert_eq!(path_to(text, text.len(), 0), "");
    }

    #[test]
    fn strings_with_brackets_commas_and_escaped_quotes_are_passed_over() {
        let text = r#"{"title":"[a, \"b\"} {","tags":["x","y",3]}"#;
        assert_eq!(path_to(text, text.find('3').unwrap(), 0), "tags[2]");
    }

    #[test]
    fn the_message_names_the_member_or_says_only_what_was_expected() {
        let text = r#"{"created_at":"last Tuesday"}"#;
        let e = ReadError {
            what: "a moment in time",
            at: text.find("\"last").unwrap(),
        };
        assert_eq!(
            explain(text, &e, 0),
            "expected a moment in time for created_at"
        );
        let e = ReadError {
            what: "an incident",
            at: 0,
        };
        assert_eq!(explain(text, &e, 0), "expected an incident");
    }
}
