//! Strings from an input as a terminal receives them.
//!
//! File and entry names, element and attribute names and values come from the documents and
//! the file system, and any of them can hold an escape sequence (which can set the window
//! title, write a hyperlink, or clear the screen), a line break (which can make a report's
//! line look like another tool's), or a bidirectional override (which shows text in another
//! order than it is read). Every report meant for people passes such strings through
//! [`terminal`], so that these characters are shown as Rust writes them in a string
//! (`\n`, `\u{1b}`) instead of acting. Machine formats (JSON, SARIF) carry the exact strings.
//!
//! A backslash is left as it is: Windows paths are full of them, and escaping is applied
//! once, where a string is printed, so nothing is escaped twice.

use std::borrow::Cow;

/// Characters that act on a terminal instead of being shown (C0 and C1 controls, DEL), or
/// that reorder or break what is shown (bidirectional controls, line and paragraph
/// separators).
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// Appends how `c` is shown when it acts on a terminal (`\n`, `\r`, `\t`, `\u{1b}`), and
/// returns whether it did; other characters are left to the caller.
pub fn push_escaped(out: &mut String, c: char) -> bool {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if acts_on_terminal(c) => {
            use std::fmt::Write;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        _ => return false,
    }
    true
}

/// `text` with every character that acts on a terminal escaped: one line, whatever it holds.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// [`terminal`], keeping line feeds as line breaks: for texts of several lines (a help, a
/// note of several lines), where a line feed is the text's own. A carriage return is still
/// escaped, so no line can be overwritten from its start.
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, lines: bool) -> Cow<'_, str> {
    let keep = |c: char| !acts_on_terminal(c) || (lines && c == '\n');
    let Some(first) = text.find(|c: char| !keep(c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if keep(c) || !push_escaped(&mut out, c) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_escapes_and_overrides_are_escaped() {
        assert_eq!(
            terminal("a\nb\r\t\u{1B}]8;;x\u{7}\u{7F}\u{9B}\u{85}\u{202E}\u{2066}\u{2028}"),
            "a\\nb\\r\\t\\u{1b}]8;;x\\u{7}\\u{7f}\\u{9b}\\u{85}\\u{202e}\\u{2066}\\u{2028}"
        );
        assert_eq!(terminal_lines("a\nb\r\n\u{1B}"), "a\nb\\r\n\\u{1b}");
    }

    #[test]
    fn plain_text_is_borrowed_and_escaping_twice_changes_nothing() {
        for text in [r"C:\Windows\System32\a.xml", "é ✓ 名前", ""] {
            assert!(matches!(terminal(text), Cow::Borrowed(_)), "{text}");
        }
        let once = terminal("x\u{1B}[2J\n").into_owned();
        assert_eq!(terminal(&once), once);
    }
}
