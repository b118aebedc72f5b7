//! `mailto:` links (RFC 6068): the user's own mail app opens with the text; Mend sends nothing.

/// Percent-encodes everything but RFC 3986 unreserved characters, as UTF-8 bytes. Line
/// breaks become CRLF, as RFC 6068 asks for in bodies.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // One pass, a digit at a time: a `format!` for each byte was most of the time a Follow
    // up message naming thousands of people took to link.
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut bytes = text.bytes().peekable();
    while let Some(byte) = bytes.next() {
        match byte {
            b'\r' | b'\n' => {
                if byte == b'\r' && bytes.peek() == Some(&b'\n') {
                    bytes.next();
                }
                out.push_str("%0D%0A");
            }
            b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            _ if byte.is_ascii_alphanumeric() => out.push(char::from(byte)),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
    out
}

/// A link that opens a new message with this subject and body; the user picks the recipient.
pub fn link(subject: &str, body: &str) -> String {
    link_to("", subject, body)
}

/// The same, addressed to `to`: one address or several, split by commas, semicolons or
/// spaces. Each is encoded but for its `@`, so a stray `?` or `&` can't end the address.
pub fn link_to(to: &str, subject: &str, body: &str) -> String {
    let to: Vec<String> = to
        .split([',', ';', ' '])
        .filter(|a| !a.is_empty())
        .map(|a| encode(a).replace("%40", "@"))
        .collect();
    format!(
        "mailto:{}?subject={}&body={}",
        to.join(","),
        encode(subject),
        encode(body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_spaces_reserved_characters_and_line_breaks() {
        assert_eq!(encode("a b&c=d?e#f%"), "a%20b%26c%3Dd%3Fe%23f%25");
        assert_eq!(encode("one\ntwo\r\nthree"), "one%0D%0Atwo%0D%0Athree");
        assert_eq!(
            encode("a\rb\r\r\nc\n\r"),
            "a%0D%0Ab%0D%0A%0D%0Ac%0D%0A%0D%0A"
        );
        assert_eq!(encode("safe-._~AZaz09"), "safe-._~AZaz09");
    }

    #[test]
    fn encodes_non_ascii_as_utf8_bytes() {
        assert_eq!(encode("café"), "caf%C3%A9");
        assert_eq!(encode("“ok” 🙂"), "%E2%80%9Cok%E2%80%9D%20%F0%9F%99%82");
    }

    #[test]
    fn builds_a_link_with_subject_and_body() {
        assert_eq!(
            link("Re: invoice", "Hi,\nsorry."),
            "mailto:?subject=Re%3A%20invoice&body=Hi%2C%0D%0Asorry."
        );
    }

    #[test]
    fn addresses_go_before_the_subject_each_encoded() {
        assert_eq!(
            link_to(" sam@example.com; ana+ops@example.com ", "Hi", "x"),
            "mailto:sam@example.com,ana%2Bops@example.com?subject=Hi&body=x"
        );
        assert_eq!(
            link_to("a?b&c@example.com", "Hi", "x"),
            "mailto:a%3Fb%26c@example.com?subject=Hi&body=x"
        );
        assert_eq!(link_to("", "Hi", "x"), link("Hi", "x"));
    }
}
