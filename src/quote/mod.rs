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
//! assert_eq!((quotes[1].first_paragraph(), quotes[1].last_paragraph()), (1, 2));
//! assert!(quotes[1].closed);
//! assert_eq!(quotes[1].marks, MarkStyle::CurlyDouble);
//! ```

mod detector;
mod kind;
pub(crate) mod marks;

pub use detector::{QuoteDetector, QuoteDetectorBuilder, Quotes, SingleMarks};
pub use marks::MarkStyle;

use std::marker::PhantomData;

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
/// paragraph where an unclosed quotation stops); [`content`](Quote::content) is the part
/// inside the marks. A quotation interrupted by its attribution (`“A,” she said, “b.”`)
/// or continued over paragraphs has several [`pieces`](Quote::pieces), each with its own
/// marks.
///
/// A document of quotation marks holds one `Quote` every few bytes, so the struct is kept
/// small (40 bytes): the fields other than `span`, `closed`, `kind` and `marks` are read
/// through methods and stored relative to the span (the content is the span less its
/// marks, the last paragraph a few after the first); the one piece of most quotations is
/// the span itself. The few quotations that need more (several pieces, a content edge
/// far from the span's) keep it in a box of their own, so every value is exact. The
/// quotation keeps no reference to the text (`'t` is the text it was found in); slice it
/// with [`Quote::text`].
///
/// ```
/// let text = "“We will not retreat,” the mayor said, “and we will not apologise.”";
/// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
/// assert_eq!(q.pieces().len(), 2);
/// assert_eq!(q.pieces()[1].text(text), "“and we will not apologise.”");
/// assert_eq!(q.text(text), text);
/// assert!(q.closed);
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct Quote<'t> {
    /// Hull of all pieces, marks included. [`Quote::content`] is kept relative to it:
    /// changing it moves the content with it.
    pub span: Span,
    /// What does not fit the fields below (most quotations: nothing).
    more: Option<Box<More>>,
    /// Index of the first paragraph (saturated at `u32::MAX`: a text of more than four
    /// billion paragraphs).
    first_paragraph: u32,
    /// Index of the parent quotation, [`NO_PARENT`] for none (an index past four billion
    /// is taken as none).
    parent: u32,
    /// `last_paragraph - first_paragraph`; [`IN_MORE`] as a `u16`: in `more`.
    later_paragraphs: u16,
    /// `content().start - span.start` (the opening mark); [`IN_MORE`]: the content is in
    /// `more`.
    content_from_start: u8,
    /// `span.end - content().end` (the closing mark, if any).
    content_from_end: u8,
    /// False when the closing mark was never found.
    pub closed: bool,
    /// What the quotation is used for.
    pub kind: QuoteKind,
    /// The mark convention of the opening mark.
    pub marks: MarkStyle,
    /// False while the detector has given the quotation no piece yet (and for one it
    /// dropped); every quotation it returns has pieces.
    has_pieces: bool,
    text: PhantomData<&'t str>,
}

/// The rare parts of a quotation.
#[derive(Clone, Debug, Default)]
struct More {
    /// The pieces when there are two or more (empty: the one piece is the span).
    pieces: Vec<Span>,
    /// The content, when an edge is [`IN_MORE`] bytes or more from the span's.
    content: Option<Span>,
    /// The last paragraph, when it is `u16::MAX` or more after the first.
    last_paragraph: Option<usize>,
}

/// `Quote::parent` when there is none.
const NO_PARENT: u32 = u32::MAX;

/// A relative field's value saying that the true value is in `More`.
const IN_MORE: u8 = u8::MAX;

/// `n` as a `u32`, `u32::MAX` when it does not fit.
fn saturated(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'t> Quote<'t> {
    /// A quotation whose opening mark is `mark`, with its content starting right after
    /// it, in paragraph `paragraph`, not closed, of kind speech and with no pieces yet
    /// (the detector adds them).
    pub(crate) fn opening(
        mark: Span,
        paragraph: usize,
        parent: Option<usize>,
        marks: MarkStyle,
    ) -> Self {
        let mut q = Quote {
            span: mark,
            more: None,
            first_paragraph: saturated(paragraph),
            parent: NO_PARENT,
            later_paragraphs: 0,
            content_from_start: 0,
            content_from_end: 0,
            closed: false,
            kind: QuoteKind::Speech,
            marks,
            has_pieces: false,
            text: PhantomData,
        };
        q.set_parent(parent);
        q.set_content(Span::new(mark.end, mark.end));
        q
    }

    /// The quotation's text, marks included (`&text[span]`, or `""` when `text` is not
    /// the text it was found in).
    ///
    /// ```
    /// let text = "He called it “a disgrace”.";
    /// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
    /// assert_eq!(q.text(text), "“a disgrace”");
    /// ```
    pub fn text(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }

    /// Hull of the text inside the marks.
    ///
    /// ```
    /// let text = "“Prices will fall,” she said.";
    /// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
    /// assert_eq!(q.content().text(text), "Prices will fall,");
    /// ```
    #[inline]
    pub fn content(&self) -> Span {
        if self.content_from_start == IN_MORE {
            if let Some(content) = self.more.as_ref().and_then(|m| m.content) {
                return content;
            }
        }
        // the content is stored relative to the span; clamped so that a span a user
        // shrank after detection gives an empty content inside it, never a wrapped one
        let start = (self.span.start + usize::from(self.content_from_start)).min(self.span.end);
        let end = (self
            .span
            .end
            .saturating_sub(usize::from(self.content_from_end)))
        .max(start);
        Span::new(start, end)
    }

    /// The rare parts, made when first needed.
    fn more(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// Drop the rare parts when none is left.
    fn drop_empty_more(&mut self) {
        if self.more.as_ref().is_some_and(|m| {
            m.pieces.is_empty() && m.content.is_none() && m.last_paragraph.is_none()
        }) {
            self.more = None;
        }
    }

    /// Set the content to `content`, within `span`.
    pub(crate) fn set_content(&mut self, content: Span) {
        let start = content.start.clamp(self.span.start, self.span.end);
        let end = content.end.clamp(start, self.span.end);
        let near = |n: usize| u8::try_from(n).ok().filter(|&n| n != IN_MORE);
        match (near(start - self.span.start), near(self.span.end - end)) {
            (Some(from_start), Some(from_end)) => {
                self.content_from_start = from_start;
                self.content_from_end = from_end;
                if let Some(more) = self.more.as_mut() {
                    more.content = None;
                }
                self.drop_empty_more();
            }
            _ => {
                self.content_from_start = IN_MORE;
                self.content_from_end = 0;
                self.more().content = Some(Span::new(start, end));
            }
        }
    }

    /// Set the span to `span`, keeping the content where it is (within the new span).
    pub(crate) fn set_span(&mut self, span: Span) {
        let content = self.content();
        self.span = span;
        self.set_content(content);
    }

    /// The pieces, each with its marks, in order.
    ///
    /// ```
    /// let text = "“A b,” he said, “c d.”";
    /// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
    /// let pieces: Vec<_> = q.pieces().iter().map(|p| p.text(text)).collect();
    /// assert_eq!(pieces, ["“A b,”", "“c d.”"]);
    /// ```
    #[inline]
    pub fn pieces(&self) -> &[Span] {
        match &self.more {
            Some(more) if !more.pieces.is_empty() => &more.pieces,
            _ if self.has_pieces => std::slice::from_ref(&self.span),
            _ => &[],
        }
    }

    /// Add `piece` after the last one; the span grows to cover it.
    pub(crate) fn push_piece(&mut self, piece: Span) {
        if !self.has_pieces {
            self.has_pieces = true;
            self.set_span(piece);
            return;
        }
        let first = self.span;
        let pieces = &mut self.more().pieces;
        if pieces.is_empty() {
            pieces.push(first);
        }
        pieces.push(piece);
        let hull = Span::new(pieces[0].start, piece.end);
        self.set_span(hull);
    }

    /// Take the pieces away (the quotation is left with none).
    pub(crate) fn take_pieces(&mut self) -> Vec<Span> {
        let pieces = match self.more.as_mut() {
            Some(more) if !more.pieces.is_empty() => std::mem::take(&mut more.pieces),
            _ if self.has_pieces => vec![self.span],
            _ => Vec::new(),
        };
        self.has_pieces = false;
        self.drop_empty_more();
        pieces
    }

    /// The same quotation with every offset mapped through `map` (which keeps their
    /// order): its spans in another text.
    pub(crate) fn map_spans<'u>(&self, map: impl Fn(Span) -> Span) -> Quote<'u> {
        let mut q = Quote {
            span: map(self.span),
            more: self.more.as_ref().map(|more| {
                Box::new(More {
                    pieces: more.pieces.iter().map(|&p| map(p)).collect(),
                    content: None,
                    last_paragraph: more.last_paragraph,
                })
            }),
            first_paragraph: self.first_paragraph,
            parent: self.parent,
            later_paragraphs: self.later_paragraphs,
            content_from_start: 0,
            content_from_end: 0,
            closed: self.closed,
            kind: self.kind,
            marks: self.marks,
            has_pieces: self.has_pieces,
            text: PhantomData,
        };
        q.set_content(map(self.content()));
        q.drop_empty_more();
        q
    }

    /// Index of the first paragraph the quotation lies in.
    ///
    /// ```
    /// let text = "Intro.\n\n“We are ready.\n\n“Nobody will be left behind.”";
    /// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
    /// assert_eq!((q.first_paragraph(), q.last_paragraph()), (1, 2));
    /// ```
    #[inline]
    pub fn first_paragraph(&self) -> usize {
        self.first_paragraph as usize
    }

    /// Index of the last paragraph the quotation lies in (see
    /// [`first_paragraph`](Quote::first_paragraph)).
    ///
    /// ```
    /// let q = whosaid::QuoteDetector::new().quotes("“One.”").next().unwrap();
    /// assert_eq!(q.last_paragraph(), 0);
    /// ```
    #[inline]
    pub fn last_paragraph(&self) -> usize {
        if self.later_paragraphs == u16::MAX {
            if let Some(last) = self.more.as_ref().and_then(|m| m.last_paragraph) {
                return last;
            }
        }
        self.first_paragraph() + usize::from(self.later_paragraphs)
    }

    pub(crate) fn set_last_paragraph(&mut self, paragraph: usize) {
        let later = paragraph
            .checked_sub(self.first_paragraph())
            .and_then(|n| u16::try_from(n).ok())
            .filter(|&n| n != u16::MAX);
        match later {
            Some(later) => {
                self.later_paragraphs = later;
                if let Some(more) = self.more.as_mut() {
                    more.last_paragraph = None;
                }
                self.drop_empty_more();
            }
            None => {
                self.later_paragraphs = u16::MAX;
                self.more().last_paragraph = Some(paragraph);
            }
        }
    }

    /// Index (in the same list) of the quotation this one is nested in.
    ///
    /// ```
    /// let text = "“She told me ‘never’,” he said.";
    /// let q: Vec<_> = whosaid::QuoteDetector::new().quotes(text).collect();
    /// assert_eq!((q[0].parent(), q[1].parent()), (None, Some(0)));
    /// ```
    #[inline]
    pub fn parent(&self) -> Option<usize> {
        (self.parent != NO_PARENT).then_some(self.parent as usize)
    }

    /// Set the parent (an index past four billion is taken as none).
    pub(crate) fn set_parent(&mut self, parent: Option<usize>) {
        self.parent = parent
            .and_then(|p| u32::try_from(p).ok())
            .filter(|&p| p != NO_PARENT)
            .unwrap_or(NO_PARENT);
    }

    /// The content of each piece: the piece without its marks.
    ///
    /// ```
    /// let text = "“A b,” he said, “c d.”";
    /// let q = whosaid::QuoteDetector::new().quotes(text).next().unwrap();
    /// let inner: Vec<_> = q.piece_contents(text).map(|s| s.text(text)).collect();
    /// assert_eq!(inner, ["A b,", "c d."]);
    /// ```
    pub fn piece_contents<'q>(&'q self, text: &'q str) -> impl Iterator<Item = Span> + 'q {
        self.pieces().iter().map(move |&p| {
            let s = p.text(text);
            let inner = strip_marks(s);
            let off = inner.as_ptr() as usize - s.as_ptr() as usize;
            Span::new(p.start + off, p.start + off + inner.len())
        })
    }

    /// What the quotation is, field by field as its methods read it (one value may be
    /// stored in two ways).
    #[allow(clippy::type_complexity)]
    fn seen(
        &self,
    ) -> (
        Span,
        Span,
        &[Span],
        usize,
        usize,
        bool,
        Option<usize>,
        QuoteKind,
        MarkStyle,
    ) {
        (
            self.span,
            self.content(),
            self.pieces(),
            self.first_paragraph(),
            self.last_paragraph(),
            self.closed,
            self.parent(),
            self.kind,
            self.marks,
        )
    }
}

impl PartialEq for Quote<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.seen() == other.seen()
    }
}

impl Eq for Quote<'_> {}

impl std::hash::Hash for Quote<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.seen().hash(state);
    }
}

impl std::fmt::Debug for Quote<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Quote")
            .field("span", &self.span)
            .field("content", &self.content())
            .field("pieces", &self.pieces())
            .field("first_paragraph", &self.first_paragraph())
            .field("last_paragraph", &self.last_paragraph())
            .field("closed", &self.closed)
            .field("parent", &self.parent())
            .field("kind", &self.kind)
            .field("marks", &self.marks)
            .finish()
    }
}

/// The serde form: the fields of the struct as they were before it was made smaller
/// (`text` aside, which the quotation no longer holds).
#[cfg(feature = "serde")]
impl serde::Serialize for Quote<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Fields<'q> {
            span: Span,
            content: Span,
            pieces: &'q [Span],
            first_paragraph: usize,
            last_paragraph: usize,
            closed: bool,
            parent: Option<usize>,
            kind: QuoteKind,
            marks: MarkStyle,
        }
        Fields {
            span: self.span,
            content: self.content(),
            pieces: self.pieces(),
            first_paragraph: self.first_paragraph(),
            last_paragraph: self.last_paragraph(),
            closed: self.closed,
            parent: self.parent(),
            kind: self.kind,
            marks: self.marks,
        }
        .serialize(serializer)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A quotation of one piece `[0, end)` with its opening mark `[0, 3)`.
    fn one_piece(end: usize) -> Quote<'static> {
        let mut q = Quote::opening(Span::new(0, 3), 4, None, MarkStyle::CurlyDouble);
        q.push_piece(Span::new(0, end));
        q
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_quotation_is_40_bytes() {
        // one every 9.5 bytes of a text of marks: the document's memory per byte
        assert_eq!(std::mem::size_of::<Quote<'_>>(), 40);
    }

    #[test]
    fn content_near_the_span_edges_is_stored_in_the_struct() {
        let mut q = one_piece(100);
        q.set_content(Span::new(3, 97));
        assert_eq!(q.content(), Span::new(3, 97));
        assert!(q.more.is_none());
    }

    #[test]
    fn content_far_from_an_edge_is_exact_in_the_box_and_leaves_it_when_near_again() {
        let mut q = one_piece(1000);
        q.set_content(Span::new(300, 997));
        assert_eq!(q.content(), Span::new(300, 997));
        assert!(q.more.is_some());
        q.set_content(Span::new(3, 997));
        assert_eq!(q.content(), Span::new(3, 997));
        assert!(q.more.is_none());
        // kept inside the span whatever is asked
        q.set_content(Span::new(0, 5000));
        assert_eq!(q.content(), Span::new(0, 1000));
    }

    #[test]
    fn a_span_shrunk_by_a_user_gives_a_content_inside_it_not_a_wrapped_one() {
        let mut q = one_piece(100);
        q.set_content(Span::new(3, 97));
        q.span = Span::new(0, 2);
        assert_eq!(q.content(), Span::new(2, 2));
        assert!(q.span.contains(q.content()));
    }

    #[test]
    fn a_quotation_over_many_paragraphs_keeps_its_last_one_exact() {
        let mut q = one_piece(10);
        assert_eq!((q.first_paragraph(), q.last_paragraph()), (4, 4));
        q.set_last_paragraph(4 + 70_000);
        assert_eq!(q.last_paragraph(), 70_004);
        q.set_last_paragraph(6);
        assert_eq!(q.last_paragraph(), 6);
        assert!(q.more.is_none());
    }

    #[test]
    fn pieces_grow_the_span_keep_the_content_and_can_be_taken() {
        let mut q = one_piece(10);
        q.set_content(Span::new(3, 7));
        assert_eq!(q.pieces(), [Span::new(0, 10)]);
        q.push_piece(Span::new(20, 30));
        q.push_piece(Span::new(40, 50));
        assert_eq!(
            q.pieces(),
            [Span::new(0, 10), Span::new(20, 30), Span::new(40, 50)]
        );
        assert_eq!(q.span, Span::new(0, 50));
        assert_eq!(q.content(), Span::new(3, 7));
        let shifted = q.map_spans(|s| Span::new(s.start + 5, s.end + 5));
        assert_eq!(shifted.pieces()[2], Span::new(45, 55));
        assert_eq!(shifted.content(), Span::new(8, 12));
        assert_eq!(q.take_pieces().len(), 3);
        assert!(q.pieces().is_empty());
    }

    #[test]
    fn equal_quotations_compare_equal_however_a_value_is_stored() {
        let mut boxed = one_piece(1000);
        boxed.set_content(Span::new(300, 997));
        boxed.set_content(Span::new(3, 997));
        let mut plain = one_piece(1000);
        plain.set_content(Span::new(3, 997));
        assert_eq!(boxed, plain);
        let mut parented = plain.clone();
        parented.set_parent(Some(7));
        assert_eq!(parented.parent(), Some(7));
        assert_ne!(parented, plain);
    }
}
