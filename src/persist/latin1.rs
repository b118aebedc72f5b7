//! A record's stored JSON kept within Latin-1 where that costs little (a packed incident,
//! `persist::pack`, always is; this is for the small records and incidents left as JSON):
//! Chromium keeps a stored value with any other character (a typed ’ or — is enough) as
//! UTF-16, and a tab's first read loads every value of the origin, such values about twice as
//! slowly for their length (`bench/storage-load.mjs`). Those characters are written as JSON's
//! `\uXXXX` escapes instead, which every reader of the text takes back as they were.

/// At most this share of a text's length may be added by escapes: storage quota is counted
/// in characters, and a text mostly in another script is better left as it is.
const MOST_ADDED: usize = 16;

/// `text`, a record's JSON, with each character above U+00FF as a `\uXXXX` escape (two, for
/// one beyond the BMP) if that lengthens it by at most a sixteenth; else as it was.
pub fn fit(text: String) -> String {
    // A UTF-8 lead byte of 0xC4 or more starts a character above U+00FF.
    let added: usize = text
        .bytes()
        .filter(|&b| b >= 0xC4)
        .map(|b| if b >= 0xF0 { 10 } else { 5 })
        .sum();
    if added == 0 || added * MOST_ADDED > text.len() {
        return text;
    }
    let mut out = String::with_capacity(text.len() + added);
    let mut units = [0u16; 2];
    for c in text.chars() {
        if u32::from(c) <= 0xFF {
            out.push(c);
            continue;
        }
        // Outside JSON's strings there is only ASCII, so every one is inside a string.
        for &unit in c.encode_utf16(&mut units).iter() {
            crate::json::push_escape(&mut out, unit);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Incident;
    use crate::persist::codec;

    fn padded(s: &str) -> String {
        format!("{{\"text\":\"{s}{}\"}}", "x".repeat(200))
    }

    #[test]
    fn a_few_characters_past_latin1_are_escaped_and_read_back_as_typed() {
        let mut incident = Incident::blank(1);
        incident.title = "I’m sorry — café 🙂".into();
        // Over what is packed (`pack::MOST`), so stored as JSON.
        incident.steps.assess.what_happened = "x".repeat(crate::persist::pack::MOST);
        let text = codec::encode(&incident);
        assert!(text.chars().all(|c| u32::from(c) <= 0xFF), "{text}");
        assert!(
            text.contains(r#"I\u2019m sorry \u2014 café \ud83d\ude42"#),
            "{text}"
        );
        assert_eq!(codec::decode(&text).map(|i| i.title), Ok(incident.title));
    }

    #[test]
    fn text_mostly_in_another_script_is_left_as_it_is() {
        let text = padded(&"Привет".repeat(20));
        assert_eq!(fit(text.clone()), text);
        let mut incident = Incident::blank(1);
        incident.title = "Ошибка в счёте".into();
        incident.steps.assess.what_happened = "Счета ушли не тому клиенту. ".repeat(1400);
        assert!(codec::encode(&incident).contains("Ошибка в счёте"));
    }

    #[test]
    fn latin1_text_is_left_as_it_is() {
        let text = padded("café, naïve, Zürich");
        assert_eq!(fit(text.clone()), text);
    }

    #[test]
    fn the_limit_is_a_sixteenth_of_the_length() {
        // 8 escapes add 40 bytes: kept to text of 640 bytes or more.
        let at = |len: usize| format!("{}{}", "’".repeat(8), "x".repeat(len - 24));
        assert!(fit(at(640)).is_ascii());
        assert!(!fit(at(639)).is_ascii());
    }
}
