//! Closed quotations inside one paragraph, for [`QuotePolicy::Keep`](super::QuotePolicy).
//!
//! One pass over the quotation marks with a small bounded stack: curly, guillemet,
//! low-9 and CJK corner marks pair with their closers; a straight `"` opens after
//! whitespace, an opening bracket, a dash or a colon and closes otherwise. Only the
//! outermost closed quotations are reported. Linear in the paragraph.

use crate::sentence::scan::{find_any_or_non_ascii, utf8_width};

/// Deepest nesting tracked; deeper openers are ignored, so the stack stays small.
const MAX_DEPTH: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    LowNine,
    Guillemet,
    Corner,
    WhiteCorner,
}

/// The quotation mark at byte `i` (if any): (kind, opens?, byte length).
#[inline]
fn mark_at(b: &[u8], i: usize) -> Option<(Mark, Option<bool>, usize)> {
    match b[i] {
        b'"' => Some((Mark::Straight, None, 1)),
        0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0x9C) => Some((Mark::Curly, Some(true), 3)),
            Some(0x9D) => Some((Mark::Curly, Some(false), 3)),
            Some(0x9E) => Some((Mark::LowNine, Some(true), 3)),
            _ => None,
        },
        0xC2 => match b.get(i + 1) {
            Some(0xAB) => Some((Mark::Guillemet, Some(true), 2)),
            Some(0xBB) => Some((Mark::Guillemet, Some(false), 2)),
            _ => None,
        },
        0xE3 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
            Some(0x8C) => Some((Mark::Corner, Some(true), 3)),
            Some(0x8D) => Some((Mark::Corner, Some(false), 3)),
            Some(0x8E) => Some((Mark::WhiteCorner, Some(true), 3)),
            Some(0x8F) => Some((Mark::WhiteCorner, Some(false), 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Does a closer of kind `close` end a quotation opened by `open`?
fn pairs(open: Mark, close: Mark) -> bool {
    match close {
        Mark::Curly | Mark::Straight => {
            matches!(open, Mark::Curly | Mark::Straight | Mark::LowNine)
        }
        _ => open == close,
    }
}

/// A straight quote after this char opens a quotation.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | ':' | '“' | '‘' | '«' | '„'
                )
        }
    }
}

/// The stack of open marks of [`quote_regions`], kept from one paragraph to the next so
/// that a paragraph with a quotation allocates none.
#[derive(Clone, Debug, Default)]
pub(crate) struct OpenMarks(Vec<(Mark, usize)>);

/// The offsets in `p` of its `"` bytes and non-ASCII chars, in order: the bytes
/// [`quote_regions`] must look at, when no list of the text's marks is at hand.
pub(crate) fn scanned_marks(p: &str) -> impl Iterator<Item = usize> + '_ {
    let b = p.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let at = i + find_any_or_non_ascii(b.get(i..)?, [b'"'])?;
        i = at + utf8_width(b[at]);
        Some(at)
    })
}

/// Fill `out` with the outermost closed quotations of `p` as (open, after-close) byte
/// ranges, in order (`open` is the stack's room; what it holds is dropped first).
/// `marks` are offsets in `p`, in order, of at least every quotation mark of it (a `"`
/// or a non-ASCII mark; other offsets are passed over): [`scanned_marks`], or the
/// paragraph's share of the text's list of marks.
pub(crate) fn quote_regions(
    p: &str,
    marks: impl Iterator<Item = usize>,
    out: &mut Vec<(usize, usize)>,
    open: &mut OpenMarks,
) {
    out.clear();
    let b = p.as_bytes();
    let stack = &mut open.0;
    stack.clear();
    let mut i = 0;
    for at in marks {
        if at < i {
            continue;
        }
        i = at;
        let Some((mark, opens, len)) = mark_at(b, i) else {
            continue;
        };
        let opens = opens.unwrap_or_else(|| opens_after(p[..i].chars().next_back()));
        if opens {
            if stack.len() < MAX_DEPTH {
                stack.push((mark, i));
            }
        } else if let Some(k) = stack.iter().rposition(|&(o, _)| pairs(o, mark)) {
            let open = stack[k].1;
            stack.truncate(k);
            if stack.is_empty() {
                out.push((open, i + len));
            }
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(p: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        quote_regions(p, scanned_marks(p), &mut v, &mut OpenMarks::default());
        v
    }

    #[test]
    fn pairs_and_nesting() {
        let p = "He said: “A b. ‘C’ d.” Then “e.”";
        let r = regions(p);
        assert_eq!(r.len(), 2);
        assert_eq!(&p[r[0].0..r[0].1], "“A b. ‘C’ d.”");
        assert_eq!(regions("\"One.\" and \"two.\"").len(), 2);
        assert_eq!(regions("«Oui.» Non."), [(0, 8)]);
        assert!(regions("“open only. Still open.").is_empty());
        assert!(regions("closing only.” Yes.").is_empty());
    }

    #[test]
    fn deep_unbalanced_input_is_bounded() {
        let p = "“".repeat(10_000) + &"”".repeat(3);
        assert!(regions(&p).is_empty());
        let p = "\" a".repeat(10_000);
        let _ = regions(&p);
    }
}
