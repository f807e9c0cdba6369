//! The quotation scanner: one pass per paragraph with a bounded stack of open marks.

use std::sync::Arc;

use crate::error::{Error, ErrorKind};
use crate::lexicon;
use crate::quote::Quote;
use crate::quote::kind::classify;
use crate::quote::marks::{MARK_PAIRS, MARKS, MarkPair, MarkSet, MarkStyle, pair_info};
use crate::sentence::paragraphs;
use crate::sentence::scan::{is_alnum, utf8_width};
use crate::span::Span;

/// Deepest nesting the scanner tracks; deeper marks are ignored, which keeps every input
/// linear.
const MAX_DEPTH: usize = 8;

#[derive(Debug)]
struct Inner {
    /// For each mark of [`MARKS`] (by number), the enabled rows of the mark table it
    /// opens, in the table's order.
    opening: Vec<Vec<&'static MarkPair>>,
    single: SingleMarks,
    max_length: usize,
}

/// Whether single marks (`‘…’`, `'…'`) may open a quotation at the top level, or only
/// inside a double one.
///
/// American style quotes with double marks and keeps single marks for quotations inside
/// them; at the top level its single marks are apostrophes (`the ’90s`, `Halvorsen’s`) and
/// headline quotes. British style quotes with single marks. [`SingleMarks::Auto`] (the
/// default) decides per text: single marks open when clauses end with a single closing
/// mark (`,’ ` `.’ ` `?' ` …, followed by a space or the end) more than four times as
/// often as double marks open a line or a clause (`said: “`) or close one (`,” `).
///
/// ```
/// use whosaid::{QuoteDetector, SingleMarks};
/// let uk = "‘This is the final straw,’ said Tom Hartley. ‘We have waited for years.’";
/// let auto = QuoteDetector::new();
/// assert_eq!(auto.quotes(uk).count(), 2);
/// let us = QuoteDetector::builder().single_marks(SingleMarks::Nested).build().unwrap();
/// assert_eq!(us.quotes(uk).count(), 0);
/// assert_eq!(SingleMarks::Auto.name(), "auto");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum SingleMarks {
    /// Decide per text, from the marks that end its quoted clauses (the default).
    #[default]
    Auto,
    /// Single marks open quotations at the top level (British style).
    Open,
    /// Single marks open a quotation only inside a double one (American style).
    Nested,
}

text_names! {
    /// Lowercase name (`auto`, `open`, `nested`).
    ///
    /// ```
    /// assert_eq!(whosaid::SingleMarks::Nested.name(), "nested");
    /// ```
    SingleMarks {
        Auto => "auto",
        Open => "open",
        Nested => "nested",
    }
}

/// Does `text` quote in British style? Its quoted clauses end with a closing single mark
/// (a `’` or `'` right after `,` `.` `?` or `!` and before whitespace, `)` or the end:
/// `‘We will win,’ she said`), more than four times as often as it uses double marks
/// (an opening `“`, `"`, `''` or ``` `` ``` at the start of a line or after `: ` or
/// `, `, or a closing `”`, `"` or `''` at a clause edge; a quoted term inside a sentence
/// does not count, as British text nests those in double marks). Possessives (`the players’ names`) and
/// elisions (`rock ’n’ roll`) follow a letter and do not count. One pass over the bytes.
/// (`marks`: the text's mark characters; every other byte is of no kind here.)
fn single_marks_dominate(text: &str, marks: &MarkSet) -> bool {
    let bytes = text.as_bytes();
    let (mut single, mut double) = (0usize, 0usize);
    // a quotation that opens a line or follows "said: " or "said, " (not a quoted term
    // inside a sentence: British text nests those in double marks)
    let opens_clause = |i: usize| {
        i == 0
            || matches!(bytes[i - 1], b'\n' | b'\r')
            || bytes[i - 1] == b' ' && i >= 2 && matches!(bytes[i - 2], b':' | b',')
    };
    let clause_end = |i: usize| i > 0 && matches!(bytes[i - 1], b',' | b'.' | b'?' | b'!');
    let edge_after = |j: usize| {
        bytes
            .get(j)
            .is_none_or(|c| matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b')'))
    };
    let mut i = 0;
    for at in marks.between(0, text.len()) {
        // an apostrophe of a run already read
        if at < i {
            continue;
        }
        i = at;
        let b = bytes[i];
        let (kind, width) = match b {
            b'\'' | b'`' => {
                let run = bytes[i..].iter().take_while(|&&c| c == b).count();
                (
                    if run >= 2 {
                        2
                    } else if b == b'`' {
                        0
                    } else {
                        1
                    },
                    run,
                )
            }
            b'"' => (2, 1),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x99) => (1, 3), // ’
                Some(0x9C) => (3, 3), // “
                Some(0x9D) => (2, 3), // ”
                _ => (0, 1),
            },
            _ => (0, utf8_width(b)),
        };
        match kind {
            // a single mark closing a clause
            1 if clause_end(i) && edge_after(i + width) => single += 1,
            // a double mark closing a clause, or opening after whitespace
            2 if clause_end(i) && edge_after(i + width) => double += 1,
            2 | 3 if opens_clause(i) && !edge_after(i + width) => double += 1,
            _ => {}
        }
        i += width;
    }
    single > 4 * double
}

/// Finds quotations. Cheap to clone, `Send + Sync`.
///
/// ```
/// use whosaid::{QuoteDetector, QuoteKind};
/// let text = "“Prices will fall,” the minister said. Critics called it a “fantasy”.";
/// let quotes: Vec<_> = QuoteDetector::new().quotes(text).collect();
/// assert_eq!(quotes.len(), 2);
/// assert_eq!(quotes[0].content().text(text), "Prices will fall,");
/// assert_eq!(quotes[1].kind, QuoteKind::Partial);
/// ```
#[derive(Clone, Debug)]
pub struct QuoteDetector {
    inner: Arc<Inner>,
}

impl Default for QuoteDetector {
    fn default() -> Self {
        QuoteDetector::new()
    }
}

/// Configures a [`QuoteDetector`]; `build()` is the only fallible step.
///
/// ```
/// use whosaid::{MarkStyle, QuoteDetector};
/// let det = QuoteDetector::builder()
///     .conventions([MarkStyle::CurlyDouble, MarkStyle::AsciiDouble])
///     .single_marks_open(false)
///     .max_length(20_000)
///     .build()
///     .unwrap();
/// assert_eq!(det.quotes("She said ‘no’ twice.").count(), 0);
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct QuoteDetectorBuilder {
    enabled: Vec<MarkStyle>,
    single: SingleMarks,
    max_length: usize,
}

impl Default for QuoteDetectorBuilder {
    fn default() -> Self {
        QuoteDetectorBuilder {
            enabled: MarkStyle::ALL.to_vec(),
            single: SingleMarks::Auto,
            max_length: 20_000,
        }
    }
}

impl QuoteDetectorBuilder {
    /// All conventions; single marks open a top-level quotation when the text quotes in
    /// British style ([`SingleMarks::Auto`]); at most 20,000 bytes a quotation.
    ///
    /// ```
    /// let det = whosaid::QuoteDetectorBuilder::new().build().unwrap();
    /// assert_eq!(det.quotes("'Yes,' he said.").count(), 1);
    /// assert_eq!(det.quotes("“She said ‘yes’ at once,” he said.").count(), 2);
    /// assert_eq!(det.quotes("“Fine,” he said of the ’90s.").count(), 1);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Recognise only these mark conventions.
    ///
    /// ```
    /// use whosaid::{MarkStyle, QuoteDetector};
    /// let det = QuoteDetector::builder().conventions([MarkStyle::Guillemets]).build().unwrap();
    /// assert_eq!(det.quotes("“no” «oui»").count(), 1);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn conventions(mut self, styles: impl IntoIterator<Item = MarkStyle>) -> Self {
        self.enabled = styles.into_iter().collect();
        self
    }

    /// Force single marks (`‘…’`, `'…'`) to open quotations at the top level (`true`,
    /// British style) or only inside double ones (`false`, American style), instead of
    /// deciding per text ([`SingleMarks::Auto`], the default). Nested single quotations
    /// inside double ones are always found.
    ///
    /// ```
    /// let british = whosaid::QuoteDetector::builder().single_marks_open(true).build().unwrap();
    /// let q: Vec<_> = british.quotes("He said ‘no’ to the ‘plan’.").collect();
    /// assert_eq!(q.len(), 2);
    /// assert_eq!(q[0].marks, whosaid::MarkStyle::CurlySingle);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn single_marks_open(self, yes: bool) -> Self {
        self.single_marks(if yes {
            SingleMarks::Open
        } else {
            SingleMarks::Nested
        })
    }

    /// When single marks open a top-level quotation: decided per text
    /// ([`SingleMarks::Auto`], the default), always ([`SingleMarks::Open`]) or never
    /// ([`SingleMarks::Nested`]).
    ///
    /// ```
    /// use whosaid::{QuoteDetector, SingleMarks};
    /// let det = QuoteDetector::builder().single_marks(SingleMarks::Nested).build().unwrap();
    /// assert_eq!(det.quotes("‘We will not retreat,’ the mayor said.").count(), 0);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn single_marks(mut self, when: SingleMarks) -> Self {
        self.single = when;
        self
    }

    /// The longest quotation, in bytes, the detector follows across paragraphs.
    ///
    /// ```
    /// assert!(whosaid::QuoteDetector::builder().max_length(0).build().is_err());
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn max_length(mut self, bytes: usize) -> Self {
        self.max_length = bytes;
        self
    }

    /// Check the settings.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidSetting`] for an empty set of conventions or a zero length.
    ///
    /// ```
    /// assert!(whosaid::QuoteDetector::builder().conventions([]).build().is_err());
    /// ```
    pub fn build(self) -> Result<QuoteDetector, Error> {
        if self.enabled.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidSetting,
                "the set of quotation-mark conventions is empty",
            ));
        }
        if self.max_length == 0 {
            return Err(Error::new(
                ErrorKind::InvalidSetting,
                "max_length must be at least 1 byte",
            ));
        }
        Ok(QuoteDetector {
            inner: Arc::new(Inner {
                opening: MARKS
                    .iter()
                    .map(|&m| {
                        MARK_PAIRS
                            .iter()
                            .filter(|p| p.open == m && self.enabled.contains(&p.style))
                            .collect()
                    })
                    .collect(),
                single: self.single,
                max_length: self.max_length,
            }),
        })
    }
}

/// Iterator over the quotations of a text, returned by [`QuoteDetector::quotes`].
///
/// ```
/// let n = whosaid::QuoteDetector::new().quotes("“A.” “B.”").count();
/// assert_eq!(n, 2);
/// ```
#[derive(Clone, Debug)]
pub struct Quotes<'t> {
    inner: std::vec::IntoIter<Quote<'t>>,
}

impl<'t> Iterator for Quotes<'t> {
    type Item = Quote<'t>;
    fn next(&mut self) -> Option<Quote<'t>> {
        self.inner.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Quotes<'_> {}

impl QuoteDetector {
    /// The default detector.
    ///
    /// ```
    /// assert_eq!(whosaid::QuoteDetector::new().quotes("No quotes here.").count(), 0);
    /// ```
    pub fn new() -> QuoteDetector {
        QuoteDetectorBuilder::new()
            .build()
            .expect("default settings are valid")
    }

    /// A builder.
    ///
    /// ```
    /// let det = whosaid::QuoteDetector::builder().build().unwrap();
    /// # let _ = det;
    /// ```
    pub fn builder() -> QuoteDetectorBuilder {
        QuoteDetectorBuilder::new()
    }

    /// The quotations of `text`, in order of their opening marks; a nested quotation
    /// follows its parent.
    ///
    /// ```
    /// let text = "“She told me ‘never’,” he said.";
    /// let q: Vec<_> = whosaid::QuoteDetector::new().quotes(text).collect();
    /// assert_eq!(q[1].parent(), Some(0));
    /// assert_eq!(q[1].content().text(text), "never");
    /// ```
    pub fn quotes<'t>(&self, text: &'t str) -> Quotes<'t> {
        let paras: Vec<Span> = paragraphs(text).map(|p| p.span).collect();
        let marks = MarkSet::of(text);
        Quotes {
            inner: self.detect_with_marks(text, &paras, &marks).into_iter(),
        }
    }

    /// Detect with paragraphs already computed.
    #[cfg_attr(not(test), allow(dead_code))] // the attribution stage's tests call it
    pub(crate) fn detect<'t>(&self, text: &'t str, paras: &[Span]) -> Vec<Quote<'t>> {
        self.detect_with_marks(text, paras, &MarkSet::of(text))
    }

    /// Detect with paragraphs and marks already found (the analyzer reuses them).
    pub(crate) fn detect_with_marks<'t>(
        &self,
        text: &'t str,
        paras: &[Span],
        marks: &MarkSet,
    ) -> Vec<Quote<'t>> {
        let single_open = match self.inner.single {
            SingleMarks::Open => Some(true),
            SingleMarks::Nested => Some(false),
            SingleMarks::Auto => None,
        };
        let mut sc = Scanner {
            text,
            inner: &self.inner,
            single_open,
            out: Vec::new(),
            stack: Vec::new(),
            scan_from: 0,
            last_close: Vec::new(),
            marks,
        };
        let mut continuing = false;
        for (pi, p) in paras.iter().enumerate() {
            let mut i = p.start;
            if continuing {
                // skip the reopening mark at the start of this paragraph
                if let Some((w, _)) = mark_at(text, i) {
                    i += w;
                }
                if let Some(o) = sc.stack.first_mut() {
                    o.piece_start = p.start;
                    o.last_para = pi;
                }
            }
            sc.scan(pi, i, p.end);
            continuing = sc.end_paragraph(pi, *p, paras.get(pi + 1).copied());
        }
        sc.finish()
    }
}

#[derive(Debug)]
struct Open {
    style: MarkStyle,
    out: usize,
    piece_start: usize,
    content_start: usize,
    last_para: usize,
}

struct Scanner<'a, 't> {
    text: &'t str,
    inner: &'a Inner,
    /// Single marks open top-level quotations in this text (see [`SingleMarks`]); with
    /// [`SingleMarks::Auto`], decided when a single mark first could open one (most
    /// texts never need it).
    single_open: Option<bool>,
    /// The quotations as they are built: `span`, `text` and `kind` are set at the end;
    /// one dropped (empty, or merged into another) has no pieces.
    out: Vec<Quote<'t>>,
    stack: Vec<Open>,
    /// Where the paragraph being scanned starts, and the last position of each closing
    /// mark in it that was looked up: "a closing mark later in the paragraph" is then
    /// O(1) per opening mark instead of a scan to the paragraph end (quadratic).
    scan_from: usize,
    last_close: Vec<(&'static str, Option<usize>)>,
    /// The text's mark characters: the scan visits these and no other byte.
    marks: &'a MarkSet,
}

/// The quotation mark at byte `i`, if any: (width, its number in [`MARKS`]). Runs of
/// two or more apostrophes are one mark (`''`, `'''`), as are two backticks.
fn mark_at(text: &str, i: usize) -> Option<(usize, u8)> {
    let b = text.as_bytes();
    match b.get(i)? {
        b'\'' => {
            let run = b[i..].iter().take_while(|&&c| c == b'\'').count();
            if run >= 2 {
                Some((run, 1))
            } else {
                Some((1, 0))
            }
        }
        b'`' => (b.get(i + 1) == Some(&b'`')).then_some((2, 2)),
        b'"' => Some((1, 3)),
        _ => {
            let c = text.get(i..)?.chars().next()?;
            let m = match c {
                '“' => 4,
                '”' => 5,
                '‘' => 6,
                '’' => 7,
                '«' => 8,
                '»' => 9,
                '„' => 10,
                '‚' => 11,
                '「' => 12,
                '」' => 13,
                '『' => 14,
                '』' => 15,
                _ => return None,
            };
            Some((c.len_utf8(), m))
        }
    }
}

/// The numbers of `'` and `’` in [`MARKS`]: apostrophe-like single marks.
const APOSTROPHES: u16 = 1 << 0 | 1 << 7;

fn is_open_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '['
                | '{'
                | '—'
                | '–'
                | '-'
                | '/'
                | '“'
                | '‘'
                | '«'
                | '„'
                | '‚'
                | '「'
                | '『'
                | '"'
                | ':'
        )
}

fn is_close_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '/'
                | '\''
                | '’'
                | '”'
                | '»'
                | '…'
        )
}

impl<'t> Scanner<'_, 't> {
    fn scan(&mut self, pi: usize, from: usize, to: usize) {
        let text = self.text;
        self.scan_from = from;
        self.last_close.clear();
        let mut i = from;
        let marks = self.marks;
        for at in marks.between(from, to) {
            // a byte of a mark already read (a run of apostrophes)
            if at < i {
                continue;
            }
            i = at;
            let Some((w, m)) = mark_at(text, i) else {
                i += 1;
                continue;
            };
            let prev = if i > 0 && i > from.min(i) {
                text[..i].chars().next_back().unwrap_or(' ')
            } else {
                ' '
            };
            let prev = if i == from { ' ' } else { prev };
            let next = if i + w < to {
                text[i + w..].chars().next().unwrap_or(' ')
            } else {
                ' '
            };
            self.mark(pi, i, w, m, prev, next, to);
            i += w;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn mark(
        &mut self,
        pi: usize,
        i: usize,
        w: usize,
        id: u8,
        prev: char,
        next: char,
        para_end: usize,
    ) {
        let bit = 1u16 << id;
        // 1. can it close an open quotation?
        let depth = self.stack.len();
        let mut close_at = None;
        for k in (0..depth).rev() {
            if pair_info(self.stack[k].style).closes & bit != 0 {
                close_at = Some(k);
                break;
            }
            // an apostrophe-like single mark never reaches past an open double quotation
            if bit & APOSTROPHES != 0 {
                break;
            }
        }
        if let Some(k) = close_at {
            let style = self.stack[k].style;
            let p = pair_info(style);
            let role_close = if style.is_single() {
                // a closing single mark is not followed by a letter (don’t, rock ’n’ roll)
                !is_alnum(next) && !prev.is_whitespace()
            } else if p.symmetric {
                let opens = is_open_context(prev) && !next.is_whitespace();
                let closes = is_close_context(next) && !prev.is_whitespace();
                !opens || closes
            } else {
                true
            };
            if role_close {
                self.close(k, i, w, true);
                return;
            }
            if p.symmetric && !style.is_single() && p.open == Some(id) {
                // a symmetric mark that looks like an opening one while one is open:
                // the open quotation lost its closing mark; end it here and reopen.
                let end = i;
                self.close(k, end, 0, false);
                self.open(pi, i, w, style);
                return;
            }
            if style.is_single() {
                return; // apostrophe
            }
        }
        // 2. can it open one?
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let nested = !self.stack.is_empty();
        let inner = self.inner;
        let m = MARKS[usize::from(id)];
        for &p in &inner.opening[usize::from(id)] {
            if self.may_open(p, m, prev, next, nested, i, para_end) {
                self.open(pi, i, w, p.style);
                return;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn may_open(
        &mut self,
        p: &'static MarkPair,
        m: &str,
        prev: char,
        next: char,
        nested: bool,
        i: usize,
        para_end: usize,
    ) -> bool {
        if next.is_whitespace() || i + m.len() >= para_end {
            return false;
        }
        if p.style.is_single() {
            if !nested
                && !*self
                    .single_open
                    .get_or_insert_with(|| single_marks_dominate(self.text, self.marks))
            {
                return false;
            }
            if !is_open_context(prev) || !is_alnum(next) {
                return false;
            }
            // 'em, 'til, '90s
            let rest = &self.text[i + m.len()..para_end];
            let word: &str = rest.split(|c: char| !is_alnum(c)).next().unwrap_or("");
            // '90s, '80s
            if word.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || lexicon::contains_folded(&lexicon::ELISIONS, word)
            {
                return false;
            }
            // needs a closing mark later in the paragraph
            let from = i + m.len();
            return p
                .close
                .iter()
                .any(|&c| self.last_close_at(c, para_end).is_some_and(|k| k >= from));
        }
        if pair_info(p.style).symmetric || matches!(p.style, MarkStyle::ReversedGuillemets) {
            let opens = is_open_context(prev);
            let closes = is_close_context(next) && !prev.is_whitespace();
            return opens || !closes;
        }
        true
    }

    /// The last position of mark `c` in the paragraph being scanned (which ends at
    /// `para_end`), looked up once per paragraph and mark.
    fn last_close_at(&mut self, c: &'static str, para_end: usize) -> Option<usize> {
        if let Some(&(_, k)) = self.last_close.iter().find(|e| e.0 == c) {
            return k;
        }
        let from = self.scan_from;
        let k = self.text[from..para_end].rfind(c).map(|k| from + k);
        self.last_close.push((c, k));
        k
    }

    fn open(&mut self, pi: usize, i: usize, w: usize, style: MarkStyle) {
        let parent = self.stack.last().map(|o| o.out);
        let out = self.out.len();
        if out == self.out.capacity() {
            // grow by a quarter, not double: the list is most of a document of quotation
            // marks, and doubling leaves up to half of it spare at its peak (issue 16)
            self.out.reserve_exact(out / 4 + 64);
        }
        self.out
            .push(Quote::opening(Span::new(i, i + w), pi, parent, style));
        self.stack.push(Open {
            style,
            out,
            piece_start: i,
            content_start: i + w,
            last_para: pi,
        });
    }

    /// Close the entry at stack index `k` with a mark at [i, i+w) (w = 0: unclosed, ending
    /// before i). Entries above it end there too, unclosed.
    fn close(&mut self, k: usize, i: usize, w: usize, closed: bool) {
        while self.stack.len() > k + 1 {
            let o = self.stack.pop().expect("non-empty");
            self.finish_open(o, i, 0, false);
        }
        let o = self.stack.pop().expect("non-empty");
        self.finish_open(o, i, w, closed);
    }

    fn finish_open(&mut self, o: Open, i: usize, w: usize, closed: bool) {
        let text = self.text;
        let end_content = if closed {
            i
        } else {
            o.content_start
                .max(o.piece_start + text[o.piece_start..i].trim_end().len())
        };
        let end = if closed { i + w } else { end_content };
        if end_content <= o.content_start || text[o.content_start..end_content].trim().is_empty() {
            if o.out + 1 == self.out.len() {
                // the last one built, with no quotation inside it: its slot is reused
                self.out.pop();
            } else {
                self.out[o.out].take_pieces();
            }
            return;
        }
        let b = &mut self.out[o.out];
        b.push_piece(Span::new(o.piece_start, end));
        b.set_content(Span::new(b.content().start, end_content));
        b.set_last_paragraph(o.last_para);
        b.closed = closed;
    }

    /// At the end of paragraph `pi`: continue the outermost open quotation into the next
    /// paragraph when it reopens with the same convention; end everything else here.
    fn end_paragraph(&mut self, pi: usize, p: Span, next: Option<Span>) -> bool {
        if self.stack.is_empty() {
            return false;
        }
        let text = self.text;
        let reopen = next.is_some_and(|n| {
            let bottom = &self.stack[0];
            let started = self.out[bottom.out].content().start;
            n.end.saturating_sub(started) <= self.inner.max_length
                && mark_at(text, n.start).is_some_and(|(w, m)| {
                    pair_info(bottom.style).open == Some(m)
                        && !turn_label(&text[n.start + w..n.end])
                })
        });
        if reopen {
            while self.stack.len() > 1 {
                let o = self.stack.pop().expect("non-empty");
                self.finish_open(o, p.end, 0, false);
            }
            let o = &self.stack[0];
            let piece = Span::new(o.piece_start, p.end);
            let b = &mut self.out[o.out];
            b.push_piece(piece);
            b.set_content(Span::new(b.content().start, p.end));
            b.set_last_paragraph(pi + 1);
            true
        } else {
            while let Some(o) = self.stack.pop() {
                self.finish_open(o, p.end, 0, false);
            }
            false
        }
    }

    fn finish(mut self) -> Vec<Quote<'t>> {
        let text = self.text;
        while let Some(o) = self.stack.pop() {
            let end = text.len();
            self.finish_open(o, end, 0, false);
        }
        merge_split_quotes(text, &mut self.out);
        // compact in place, remapping parents (a dropped parent drops the link)
        // (u32 like the parents it maps: 4 bytes a quotation at the detector's peak)
        let mut map = vec![u32::MAX; self.out.len()];
        let mut n = 0;
        for (k, q) in self.out.iter().enumerate() {
            if !q.pieces().is_empty() {
                map[k] = u32::try_from(n).unwrap_or(u32::MAX);
                n += 1;
            }
        }
        let mut quotes = self.out;
        quotes.retain(|q| !q.pieces().is_empty());
        for q in &mut quotes {
            q.set_parent(
                q.parent()
                    .and_then(|p| (map[p] != u32::MAX).then_some(map[p] as usize)),
            );
            q.kind = classify(text, q);
        }
        drop(map);
        // the list grew by a quarter at a time: give back its spare room (part of the document)
        quotes.shrink_to_fit();
        quotes
    }
}

/// `“A,” she said, “b.”`: two top-level quotations in one paragraph, the first ending in a
/// comma inside its marks, the second starting lowercase, with a short attribution between
/// them that does not end a sentence, are one quotation in two pieces.
fn merge_split_quotes(text: &str, out: &mut [Quote<'_>]) {
    let mut last_top: Option<usize> = None;
    for k in 0..out.len() {
        if out[k].parent().is_some() || out[k].pieces().is_empty() {
            continue;
        }
        if let Some(a) = last_top {
            if is_split_pair(text, &out[a], &out[k]) {
                let pieces = out[k].take_pieces();
                let end = out[k].content().end;
                let (closed, last_para) = (out[k].closed, out[k].last_paragraph());
                let qa = &mut out[a];
                for piece in pieces {
                    qa.push_piece(piece);
                }
                qa.set_content(Span::new(qa.content().start, end));
                qa.closed = closed;
                qa.set_last_paragraph(last_para);
                // k's children follow it, before the next top-level quotation (looking
                // through the whole list here was quadratic in chains of split quotes)
                for b in out[k + 1..].iter_mut().take_while(|b| b.parent().is_some()) {
                    if b.parent() == Some(k) {
                        b.set_parent(Some(a));
                    }
                }
                continue;
            }
        }
        last_top = Some(k);
    }
}

fn is_split_pair(text: &str, a: &Quote<'_>, b: &Quote<'_>) -> bool {
    if !a.closed || a.last_paragraph() != b.first_paragraph() {
        return false;
    }
    let a_end = a.pieces()[a.pieces().len() - 1].end;
    let b_start = b.pieces()[0].start;
    if b_start < a_end || b_start - a_end > 120 {
        return false;
    }
    let gap = &text[a_end..b_start];
    let gap_t = gap.trim();
    if gap_t.is_empty()
        || gap.contains(['!', '?', ';', '\n', '"', '“', '”'])
        || has_sentence_period(gap)
    {
        return false;
    }
    // "she said of the so-called “reform”": the second quotation is a term
    if crate::quote::kind::after_trigger(text, b_start) {
        return false;
    }
    // the words between the pieces are an attribution and no more: a reporting verb
    // with at most a few words after it ("the mayor said", "said Ana Ruiz, a professor",
    // "she added in a statement"), not a clause of its own ("said, arguing that he …")
    // read from the end, with no list of the words: the words after the last verb are
    // the tail (at most eight, none of them `that`); a tail grown past eight, or a
    // `that` in it, fails whatever comes before
    let mut tail = 0;
    let mut verb = false;
    for w in gap
        .rsplit(|c: char| !is_alnum(c) && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
    {
        if lexicon::word_info(w).lemma.is_some() {
            verb = true;
            break;
        }
        tail += 1;
        if tail > 8 || w.eq_ignore_ascii_case("that") {
            return false;
        }
    }
    if !verb {
        return false;
    }
    let a_content = text[a.content().range()].trim_end();
    let a_comma = a_content.ends_with([',', '—', '–', '-']);
    let b_first = text[b.content().range()].trim_start().chars().next();
    let b_lower = b_first.is_some_and(|c| c.is_lowercase());
    a_comma && (gap_t.ends_with([',', ':', '—', '–']) || b_lower && !gap_t.ends_with(is_alnum))
}

/// A period in `gap` that is not part of an abbreviation or an initial (`Mr.`, `U.S.`,
/// `J.`): the attribution between two pieces would then end a sentence.
fn has_sentence_period(gap: &str) -> bool {
    gap.match_indices('.').any(|(i, _)| {
        let word = gap[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        !(single_initial
            || word.contains('.')
            || lexicon::word_info(word).class & lexicon::class::ABBREVIATION != 0)
    })
}

/// A transcript turn label opening a paragraph ("SMITH: …", "MS. RUIZ: …"): the quotation
/// marks before it start a new speaker's words, not the continuation of the last ones.
fn turn_label(para: &str) -> bool {
    let cut = para.char_indices().nth(40).map_or(para.len(), |(i, _)| i);
    let head = &para[..cut];
    let Some(colon) = head.find(':') else {
        return false;
    };
    let label = &head[..colon];
    label.len() >= 2
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
}
