//! Paragraphs: blank-line and single-newline conventions, headlines and datelines.

use crate::sentence::scan::find_any;
use crate::span::Span;

/// One paragraph of the text: a run of lines with no blank line inside, where a single
/// line break also ends the paragraph unless the next line plainly continues the
/// sentence (the line before has no terminal punctuation and the next starts lowercase).
///
/// Headlines, bylines and datelines are lines without terminal punctuation; followed by
/// a capitalised line they stand as paragraphs of their own.
///
/// ```
/// let text = "Leaders Meet\n\nBEIJING (AP) — The talks began.\nThey ended late.";
/// let paras: Vec<_> = whosaid::paragraphs(text).map(|p| p.text).collect();
/// assert_eq!(paras, ["Leaders Meet", "BEIJING (AP) — The talks began.", "They ended late."]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Paragraph<'t> {
    /// Position of the paragraph in the text, from 0.
    pub index: usize,
    /// Byte span, trimmed of surrounding whitespace.
    pub span: Span,
    /// The paragraph's text (`&text[span]`).
    pub text: &'t str,
}

/// Iterator over the [`Paragraph`]s of a text, returned by [`paragraphs`].
///
/// ```
/// let mut it = whosaid::paragraphs("One.\n\nTwo.");
/// assert_eq!(it.next().unwrap().text, "One.");
/// assert_eq!(it.next().unwrap().index, 1);
/// assert!(it.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Paragraphs<'t> {
    text: &'t str,
    pos: usize,
    index: usize,
}

/// The paragraphs of `text`, in order.
///
/// ```
/// assert_eq!(whosaid::paragraphs("a\n\n\nb\n").count(), 2);
/// assert_eq!(whosaid::paragraphs("  \n \n").count(), 0);
/// ```
pub fn paragraphs(text: &str) -> Paragraphs<'_> {
    Paragraphs {
        text,
        pos: 0,
        index: 0,
    }
}

/// Last non-whitespace char of `s`.
fn last_char(s: &str) -> Option<char> {
    s.trim_end().chars().next_back()
}

/// Does a line ending in `prev` continue onto a line whose first non-blank char is `next`?
fn continues(prev: &str, next: char) -> bool {
    let Some(last) = last_char(prev) else {
        return false;
    };
    if matches!(
        last,
        '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'' | ')' | '…' | ']' | '»'
    ) {
        return false;
    }
    next.is_lowercase()
}

/// The first char of the line starting at `from` that is not blank, or `None` when the
/// line is blank (only whitespace up to the next line break or the end of the text).
fn first_on_line(text: &str, from: usize) -> Option<char> {
    text.get(from..)?
        .chars()
        .find(|&c| is_newline_char(c) || !c.is_whitespace())
        .filter(|&c| !is_newline_char(c))
}

fn is_newline_char(c: char) -> bool {
    c == '\n' || c == '\r'
}

impl<'t> Iterator for Paragraphs<'t> {
    type Item = Paragraph<'t>;

    fn next(&mut self) -> Option<Paragraph<'t>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // skip leading whitespace (any)
        let rest = &text[self.pos..];
        let start = self.pos + (rest.len() - rest.trim_start().len());
        if start >= text.len() {
            self.pos = text.len();
            return None;
        }
        // walk line by line; each line is searched for its end once
        let mut line_start = start;
        let end;
        loop {
            let line_end = memchr_newline(bytes, line_start);
            if line_end >= text.len() {
                end = text.len();
                break;
            }
            // next line
            let mut next_start = line_end + 1;
            if bytes[line_end] == b'\r' && next_start < bytes.len() && bytes[next_start] == b'\n' {
                next_start += 1;
            }
            match first_on_line(text, next_start) {
                Some(c) if continues(&text[line_start..line_end], c) => line_start = next_start,
                _ => {
                    end = line_end;
                    break;
                }
            }
        }
        let trimmed_end = start + text[start..end].trim_end().len();
        self.pos = end;
        let p = Paragraph {
            index: self.index,
            span: Span::new(start, trimmed_end),
            text: &text[start..trimmed_end],
        };
        self.index += 1;
        Some(p)
    }
}

impl std::iter::FusedIterator for Paragraphs<'_> {}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    let from = from.min(bytes.len());
    find_any(&bytes[from..], [b'\n', b'\r']).map_or(bytes.len(), |p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        paragraphs(t).map(|p| p.text).collect()
    }

    #[test]
    fn blank_and_single_newlines() {
        assert_eq!(texts("A b.\nC d.\n\nE f."), ["A b.", "C d.", "E f."]);
        assert_eq!(
            texts("Headline Here\nBy Jane Roe\nWASHINGTON — Text."),
            ["Headline Here", "By Jane Roe", "WASHINGTON — Text."]
        );
    }

    #[test]
    fn wrapped_lines_join() {
        assert_eq!(
            texts("The minister said\nthat prices fall.\n\nNext."),
            ["The minister said\nthat prices fall.", "Next."]
        );
    }

    #[test]
    fn crlf() {
        assert_eq!(
            texts("One.\r\n\r\nTwo.\r\nThree."),
            ["One.", "Two.", "Three."]
        );
    }
}
