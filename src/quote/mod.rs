//! Quotations: every mark convention, nesting, multi-paragraph and split quotations, and
//! a kind that tells speech from titles, names and scare quotes.
//!
//! [`QuoteDetector`] scans each paragraph once, left to right, with a small stack of
//! open marks. A mark that can both open and close (`"`, `''`, `”` in Swedish) takes its
//! role from its neighbours. A quotation left open at the end of a paragraph continues
//! into the next one only when that paragraph starts with an opening mark of the same
//! convention (the news convention for multi-paragraph quotations); otherwise it ends
//! there, marked as not closed. The scan is linear in the input whatever the marks.
//!
//! ```
//! use whosaid::{MarkStyle, QuoteDetector};
//! let text = "“The river is rising,” the mayor said.\n\n“We are ready.\n\n“Nobody will be left behind.”";
//! let quotes: Vec<_> = QuoteDetector::new().quotes(text).collect();
//! assert_eq!(quotes.len(), 2);
//! // the second runs over two paragraphs, reopened at the start of each
//! assert_eq!((quotes[1].first_paragraph, quotes[1].last_paragraph), (1, 2));
//! assert!(quotes[1].closed);
//! assert_eq!(quotes[1].marks, MarkStyle::CurlyDouble);
//! ```

mod detector;
mod kind;
mod marks;

pub use detector::{QuoteDetector, QuoteDetectorBuilder, Quotes, SingleMarks};
pub use marks::MarkStyle;

use crate::span::Span;

/// What a quotation is used for.
///
/// ```
/// use whosaid::{QuoteDetector, QuoteKind};
/// let kinds: Vec<_> = QuoteDetector::new()
///     .quotes("“We will win,” she said of the so-called “reform”.")
///     .map(|q| q.kind)
///     .collect();
/// assert_eq!(kinds, [QuoteKind::Speech, QuoteKind::NotSpeech]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum QuoteKind {
    /// Quoted speech: whole sentences or a clause.
    Speech,
    /// A quoted fragment inside a sentence, usually within reported speech
    /// (`pledged “strong support”`).
    Partial,
    /// Not speech: a title, a nickname, a quoted term or a scare quote.
    NotSpeech,
}

text_names! {
    /// Lowercase name (`speech`, `partial`, `not-speech`).
    ///
    /// ```
    /// assert_eq!(whosaid::QuoteKind::NotSpeech.name(), "not-speech");
    /// ```
    QuoteKind {
        Speech => "speech",
        Partial => "partial",
        NotSpeech => "not-speech",
    }
}

/// One quotation found in the text.
///
/// `span` runs from the first opening mark to the last closing mark (or the end of the
/// paragraph where an unclosed quotation stops); `content` is the part inside the marks.
/// A quotation interrupted by its attribution (`“A,” she said, “b.”`) or continued over
/// paragraphs has several `pieces`, each with its own marks.
///
/// ```
/// let text = "“We will not retreat,” the mayor said, “and we will not apologise.”";
/// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
/// assert_eq!(q.pieces.len(), 2);
/// assert_eq!(q.pieces[1].text(text), "“and we will not apologise.”");
/// assert!(q.closed);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Quote<'t> {
    /// Hull of all pieces, marks included.
    pub span: Span,
    /// Hull of the text inside the marks.
    pub content: Span,
    /// The pieces, each with its marks, in order.
    pub pieces: Vec<Span>,
    /// Index of the first paragraph the quotation lies in.
    pub first_paragraph: usize,
    /// Index of the last paragraph the quotation lies in.
    pub last_paragraph: usize,
    /// False when the closing mark was never found.
    pub closed: bool,
    /// Index (in the same list) of the quotation this one is nested in.
    pub parent: Option<usize>,
    /// What the quotation is used for.
    pub kind: QuoteKind,
    /// The mark convention of the opening mark.
    pub marks: MarkStyle,
    /// The quotation's text, marks included (`&text[span]`).
    pub text: &'t str,
}

impl Quote<'_> {
    /// The content of each piece: the piece without its marks.
    ///
    /// ```
    /// let text = "“A b,” he said, “c d.”";
    /// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
    /// let inner: Vec<_> = q.piece_contents().map(|s| s.text(text)).collect();
    /// assert_eq!(inner, ["A b,", "c d."]);
    /// ```
    pub fn piece_contents(&self) -> impl Iterator<Item = Span> + '_ {
        let full = self.span.text(self.text);
        let base = self.span.start;
        self.pieces.iter().map(move |p| {
            let rel = Span::new(p.start - base, p.end - base);
            let s = rel.text(full);
            let inner = strip_marks(s);
            let off = inner.as_ptr() as usize - s.as_ptr() as usize;
            Span::new(p.start + off, p.start + off + inner.len())
        })
    }
}

/// The text without leading opening marks and trailing closing marks (and the whitespace
/// next to them).
pub(crate) fn strip_marks(s: &str) -> &str {
    const MARKS: &[char] = &[
        '"', '\'', '`', '“', '”', '‘', '’', '«', '»', '„', '‚', '「', '」', '『', '』',
    ];
    s.trim_start_matches(MARKS)
        .trim_start()
        .trim_end_matches(MARKS)
        .trim_end()
}
