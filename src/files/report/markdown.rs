//! The report's blocks as Markdown, with the person's text escaped for CommonMark.

use super::Block;

/// The report as Markdown. The person's text is escaped so that, read by any CommonMark
/// renderer, it shows as itself: each of their line breaks is a hard break (`\` at the end of
/// the line), and nothing they wrote becomes a heading, list, rule, link, emphasis or HTML.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for block in blocks {
        let item = matches!(block, Block::Item(_));
        if in_list && !item {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                escape(&text.replace('\n', " "), "", &mut out);
            }
            Block::Para(text) => escape(text, "", &mut out),
            Block::Item(text) => {
                out.push_str("- ");
                escape(text, "  ", &mut out);
            }
        }
        out.push_str(if item { "\n" } else { "\n\n" });
        in_list = item;
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Writes the person's text, each of its lines after the first indented by `indent`.
fn escape(text: &str, indent: &str, out: &mut String) {
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("\\\n");
            out.push_str(indent);
        }
        escape_line(line, out);
    }
}

/// One line. Inline markup characters are backslash-escaped wherever they are; those that
/// start a block (`-`, `+`, `=`, `1.`) only at the line's start; spaces and tabs at either end,
/// which CommonMark would drop (or read as code, four deep), and carriage returns, which it
/// would read as line breaks, are written as character references.
///
/// It walks bytes and copies the text between two escapes in one go: every character it
/// escapes is ASCII, which never occurs inside a longer UTF-8 character. Pushing each
/// character alone was about 75 ms of downloading a report of 1.6 MB at 4x CPU slowdown.
fn escape_line(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    let last = bytes.len().saturating_sub(1);
    // Digits at the line's start, which a `.` or `)` would make an ordered list's number.
    let mut leading_digits = true;
    // Where the bytes not yet copied begin.
    let mut from = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        // What stands in for the byte: none keeps it, an empty text puts a backslash before it.
        let instead = match byte {
            b' ' if i == 0 || i == last => Some("&#32;"),
            b'\t' if i == 0 || i == last => Some("&#9;"),
            b'\r' => Some("&#13;"),
            // CommonMark shows U+0000 as U+FFFD, so say so rather than hide a NUL in the file.
            0 => Some("\u{fffd}"),
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'|' | b'~' => Some(""),
            b'-' | b'+' | b'=' if i == 0 => Some(""),
            b'.' | b')' if leading_digits && i > 0 => Some(""),
            b'&' if entity_follows(line[i + 1..].chars()) => Some(""),
            _ => None,
        };
        leading_digits = leading_digits && byte.is_ascii_digit();
        if let Some(instead) = instead {
            out.push_str(&line[from..i]);
            if instead.is_empty() {
                out.push('\\');
                out.push(char::from(byte));
            } else {
                out.push_str(instead);
            }
            from = i + 1;
        }
    }
    out.push_str(&line[from..]);
}

/// Whether `&` plus what follows would read as a character reference, like `&lt;` or `&#60;`.
fn entity_follows(rest: impl Iterator<Item = char>) -> bool {
    let mut length = 0;
    for c in rest.take(33) {
        match c {
            ';' => return length > 0,
            c if c.is_ascii_alphanumeric() || c == '#' => length += 1,
            _ => return false,
        }
    }
    false
}
