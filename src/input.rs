//! Input modes: text pasted from web pages keeps HTML character references (`&quot;`,
//! `&ldquo;`, `&#8220;`, `&#x201C;`, `&amp;`, `&nbsp;`). In the HTML mode
//! (`AnalyzerBuilder::html_input`) the pipeline reads a decoded copy of the text, and
//! an offset map takes every span back to the caller's text.
//!
//! 1. [`decode_html`] copies the text, replacing each reference it knows (a name of
//!    `lexicon/html_entities.txt`, or a decimal or hexadecimal number of a Unicode
//!    scalar value other than 0, always with its `;`) by its character, and records
//!    where each one stood. Anything else, `&` alone included, is kept as it is; a
//!    reference is decoded once (`&amp;quot;` gives `&quot;`).
//! 2. The analyzer runs on the copy; [`Decoded::original`] maps each offset of the copy
//!    to the text: outside references offsets shift by the bytes the references before
//!    lost, and a decoded character maps to its whole reference.

use crate::lexicon::HTML_ENTITIES;
use crate::span::Span;

/// One decoded reference: where its character is in the copy and where the reference
/// is in the text.
#[derive(Clone, Copy, Debug)]
struct Replaced {
    copy: Span,
    text: Span,
}

/// A text with its HTML character references decoded, and the way back.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The decoded copy.
    pub text: String,
    replaced: Vec<Replaced>,
}

/// The longest reference looked for (`&#x10FFFF;`, the longest name of the table).
const LONGEST: usize = 12;

/// The character of the reference that starts at `text[at]` (an `&`), and its length.
fn reference_at(text: &str, at: usize) -> Option<(char, usize)> {
    let tail = &text.as_bytes()[at + 1..];
    let end = tail.iter().take(LONGEST).position(|&b| b == b';')?;
    let name = std::str::from_utf8(&tail[..end]).ok()?;
    let c = if let Some(num) = name.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        // a sign (`&#+65;`) is not a reference
        if !num
            .bytes()
            .skip_while(|b| matches!(b, b'x' | b'X'))
            .all(|b| b.is_ascii_hexdigit())
        {
            return None;
        }
        char::from_u32(value).filter(|&c| c != '\0')?
    } else {
        *HTML_ENTITIES.get(name)?
    };
    Some((c, end + 2))
}

/// `text` with its HTML character references decoded; `None` when it has none (the
/// text is then analysed as it is).
pub(crate) fn decode_html(text: &str) -> Option<Decoded> {
    let mut copy = String::new();
    let mut replaced = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices('&') {
        if at < from {
            continue;
        }
        let Some((c, len)) = reference_at(text, at) else {
            continue;
        };
        if replaced.is_empty() {
            copy.reserve(text.len());
        }
        copy.push_str(&text[from..at]);
        let start = copy.len();
        copy.push(c);
        replaced.push(Replaced {
            copy: Span::new(start, copy.len()),
            text: Span::new(at, at + len),
        });
        from = at + len;
    }
    if replaced.is_empty() {
        return None;
    }
    copy.push_str(&text[from..]);
    Some(Decoded {
        text: copy,
        replaced,
    })
}

impl Decoded {
    /// The offset in the original text of offset `at` of the copy (a char boundary of
    /// the copy gives a char boundary of the text).
    pub fn original(&self, at: usize) -> usize {
        let k = self.replaced.partition_point(|r| r.copy.start < at);
        match k.checked_sub(1).map(|k| self.replaced[k]) {
            None => at,
            Some(r) if at >= r.copy.end => r.text.end + (at - r.copy.end),
            // inside a decoded character (never a char boundary): its reference's start
            Some(r) => r.text.start,
        }
    }

    /// A span of the copy as a span of the original text.
    pub fn span(&self, s: Span) -> Span {
        Span::new(self.original(s.start), self.original(s.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_and_mapped_back() {
        let text =
            "&ldquo;Yes,&rdquo; said Ana&nbsp;Ruiz &amp; co. &#8220;No&#x201D; &#0; &bogus; & x";
        let d = decode_html(text).unwrap();
        assert_eq!(
            d.text,
            "“Yes,” said Ana\u{a0}Ruiz & co. “No” &#0; &bogus; & x"
        );
        // every char boundary of the copy maps to one of the text, in order
        let mut last = 0;
        for (at, c) in d.text.char_indices() {
            let o = d.original(at);
            assert!(text.is_char_boundary(o) && o >= last);
            last = o;
            let reference = d.original(at + c.len_utf8());
            let orig = &text[o..reference];
            assert!(
                orig == c.to_string() || orig.starts_with('&') && orig.ends_with(';'),
                "{orig:?}"
            );
        }
        assert_eq!(d.original(d.text.len()), text.len());
        let yes = d.text.find("Yes").unwrap();
        assert_eq!(
            d.span(Span::new(0, yes + 7)).text(text),
            "&ldquo;Yes,&rdquo;"
        );
        let name = d.text.find("Ana").unwrap();
        let end = d.text.find(" &").unwrap();
        assert_eq!(d.span(Span::new(name, end)).text(text), "Ana&nbsp;Ruiz");
    }

    #[test]
    fn text_without_references_is_not_copied() {
        assert!(decode_html("Fish & chips; “quotes” &amp").is_none());
        assert!(decode_html("&#xZZ; &#-1; &#1114112; &#+65;").is_none());
        assert_eq!(decode_html("&amp;quot;").unwrap().text, "&quot;");
    }
}
