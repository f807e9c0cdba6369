//! Byte-offset spans and an on-demand converter to char and UTF-16 offsets.

use std::ops::{Index, Range};

/// A half-open range of UTF-8 byte offsets `[start, end)` into the text that was analysed.
///
/// Every result of whosaid carries `Span`s; slice the original text with them:
///
/// ```
/// use whosaid::Span;
/// let text = "Xi said so.";
/// let span = Span::new(0, 2);
/// assert_eq!(&text[span], "Xi");
/// assert_eq!(span.text(text), "Xi");
/// let range: std::ops::Range<usize> = span.into();
/// assert_eq!(range, 0..2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive). If `end < start`, the span is empty at `start`.
    ///
    /// ```
    /// let s = whosaid::Span::new(3, 7);
    /// assert_eq!(s.len(), 4);
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        let end = if end < start { start } else { end };
        Span { start, end }
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// assert_eq!(whosaid::Span::new(2, 5).len(), 3);
    /// ```
    ///
    /// A span whose end precedes its start (only possible by setting the public fields
    /// by hand) has length 0, like [`Span::is_empty`] says.
    ///
    /// ```
    /// assert_eq!(whosaid::Span { start: 5, end: 2 }.len(), 0);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    ///
    /// ```
    /// assert!(whosaid::Span::new(4, 4).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`.
    ///
    /// ```
    /// assert_eq!(whosaid::Span::new(1, 3).range(), 1..3);
    /// ```
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The slice of `text` this span covers, or `""` if it is out of bounds or not on
    /// char boundaries (never panics).
    ///
    /// ```
    /// assert_eq!(whosaid::Span::new(0, 5).text("Hello, world"), "Hello");
    /// assert_eq!(whosaid::Span::new(0, 99).text("short"), "");
    /// ```
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 4)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    /// ```
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use whosaid::Span;
    /// assert_eq!(Span::new(0, 2).cover(Span::new(5, 9)), Span::new(0, 9));
    /// ```
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.start..s.end
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span.start..span.end]
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The unit of an offset: UTF-8 bytes (Rust, the spans of this crate), chars (code
/// points: Python's `str` indices) or UTF-16 code units (JavaScript, Java).
///
/// ```
/// use whosaid::Offsets;
/// assert_eq!("chars".parse::<Offsets>(), Ok(Offsets::Chars));
/// assert_eq!(Offsets::Utf16.as_str(), "utf16");
/// assert_eq!(Offsets::default().to_string(), "bytes");
/// assert!("words".parse::<Offsets>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Offsets {
    /// UTF-8 byte offsets.
    #[default]
    Bytes,
    /// Char (Unicode code point) offsets.
    Chars,
    /// UTF-16 code unit offsets.
    Utf16,
}

text_names! {
    /// The unit's name: `bytes`, `chars` or `utf16` (an unknown one is an
    /// [`Error`](crate::Error) of kind `UnknownName` from `FromStr`, as for every
    /// other enum of the crate).
    ///
    /// ```
    /// assert_eq!(whosaid::Offsets::Chars.name(), "chars");
    /// let err = "words".parse::<whosaid::Offsets>().unwrap_err();
    /// assert_eq!(err.kind(), whosaid::ErrorKind::UnknownName);
    /// ```
    Offsets {
        Bytes => "bytes",
        Chars => "chars",
        Utf16 => "utf16",
    }
}

/// Maps UTF-8 byte offsets of one text to char (code point) offsets, as Python uses, and
/// to UTF-16 code unit offsets, as JavaScript and Java use.
///
/// Built once per text in one pass; it stores one entry per non-ASCII character, so it
/// costs nothing on ASCII text. Each lookup is a binary search.
///
/// ```
/// use whosaid::{OffsetConverter, Span};
/// let text = "“Hé,” 😀 said X";
/// let conv = OffsetConverter::new(text);
/// let x = text.find('X').unwrap();
/// assert_eq!(conv.char_offset(x), text.chars().count() - 1);
/// assert_eq!(conv.utf16_offset(x), text.encode_utf16().count() - 1);
/// assert_eq!(conv.char_span(Span::new(x, x + 1)), Span::new(13, 14));
/// ```
#[derive(Clone, Debug)]
pub struct OffsetConverter {
    /// (byte offset just after a non-ASCII char, extra UTF-8 bytes so far, astral chars so far)
    marks: Vec<(usize, usize, usize)>,
    len: usize,
}

impl OffsetConverter {
    /// Scan `text` once and remember where its multi-byte characters are.
    ///
    /// ```
    /// let conv = whosaid::OffsetConverter::new("plain ascii");
    /// assert_eq!(conv.char_offset(5), 5);
    /// ```
    pub fn new(text: &str) -> OffsetConverter {
        let mut marks = Vec::new();
        let (mut extra, mut astral) = (0usize, 0usize);
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                if n == 4 {
                    astral += 1;
                }
                marks.push((i + n, extra, astral));
            }
        }
        OffsetConverter {
            marks,
            len: text.len(),
        }
    }

    fn lookup(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.len);
        let k = self.marks.partition_point(|m| m.0 <= byte);
        if k == 0 {
            (0, 0)
        } else {
            (self.marks[k - 1].1, self.marks[k - 1].2)
        }
    }

    /// The char offset of a byte offset (a byte inside a character maps to the character
    /// after it; offsets past the end clamp to the end).
    ///
    /// ```
    /// let conv = whosaid::OffsetConverter::new("é!");
    /// assert_eq!(conv.char_offset(2), 1);
    /// ```
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        byte - self.lookup(byte).0
    }

    /// The UTF-16 code unit offset of a byte offset.
    ///
    /// ```
    /// let conv = whosaid::OffsetConverter::new("😀!");
    /// assert_eq!(conv.utf16_offset(4), 2);
    /// ```
    pub fn utf16_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let (extra, astral) = self.lookup(byte);
        byte - extra + astral
    }

    /// A byte span as a char-offset span.
    ///
    /// ```
    /// use whosaid::{OffsetConverter, Span};
    /// let conv = OffsetConverter::new("né X");
    /// assert_eq!(conv.char_span(Span::new(4, 5)), Span::new(3, 4));
    /// ```
    pub fn char_span(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }

    /// A byte span as a UTF-16 span.
    ///
    /// ```
    /// use whosaid::{OffsetConverter, Span};
    /// let conv = OffsetConverter::new("😀 X");
    /// assert_eq!(conv.utf16_span(Span::new(5, 6)), Span::new(3, 4));
    /// ```
    pub fn utf16_span(&self, span: Span) -> Span {
        Span::new(self.utf16_offset(span.start), self.utf16_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_matches_naive_counts() {
        let text = "a“é😀b”\u{2026} z";
        let conv = OffsetConverter::new(text);
        for (i, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(conv.char_offset(i), text[..i].chars().count());
            assert_eq!(conv.utf16_offset(i), text[..i].encode_utf16().count());
        }
    }

    #[test]
    fn span_basics() {
        let (hi, lo) = (3, 1);
        let s: Span = (hi..lo).into();
        assert!(s.is_empty());
        assert_eq!(Span::new(1, 4).cover(Span::new(2, 8)), Span::new(1, 8));
    }
}
