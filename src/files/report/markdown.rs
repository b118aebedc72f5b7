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
fn escape_line(line: &str, out: &mut String) {
    let last = line.chars().count().saturating_sub(1);
    let mut chars = line.chars().enumerate().peekable();
    // Digits at the line's start, which a `.` or `)` would make an ordered list's number.
    let mut leading_digits = true;
    while let Some((i, c)) = chars.next() {
        let at_end = i == last;
        match c {
            ' ' if i == 0 || at_end => out.push_str("&#32;"),
            '\t' if i == 0 || at_end => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            // CommonMark shows U+0000 as U+FFFD, so say so rather than hide a NUL in the file.
            '\0' => out.push('\u{fffd}'),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if leading_digits && i > 0 => {
                out.push('\\');
                out.push(c);
            }
            '&' if entity_follows(chars.clone().map(|(_, c)| c)) => out.push_str("\\&"),
            c => out.push(c),
        }
        leading_digits = leading_digits && c.is_ascii_digit();
    }
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
