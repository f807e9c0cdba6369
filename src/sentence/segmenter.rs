//! The sentence splitter: one forward byte scan per paragraph over candidate terminal
//! punctuation (`.` `!` `?` `…` `‽`), with local rules deciding each candidate.
//!
//! Every rule looks at a bounded neighbourhood of the candidate (the word before it,
//! the word after it, at most five words back), so the scan is linear in the input.

use std::collections::HashSet;
use std::sync::Arc;

use super::scan::is_alnum;
use crate::error::{Error, ErrorKind};
#[cfg(test)]
use crate::lexicon;
use crate::quote::marks::MarkSet;
use crate::sentence::lists::list_markers;
use crate::sentence::paragraph::{Paragraph, Paragraphs, paragraphs};
use crate::sentence::quotes::{OpenMarks, quote_regions, scanned_marks};
use crate::sentence::scan::find_any;
use crate::sentence::words::{self, classes};
use crate::span::Span;

/// What to do with sentence boundaries inside a quotation.
///
/// ```
/// use whosaid::{QuotePolicy, Segmenter};
/// let text = "The minister said: “Prices will fall. Wages will rise.” Critics disagreed.";
/// let keep = Segmenter::builder().quote_policy(QuotePolicy::Keep).build().unwrap();
/// let split = Segmenter::builder().quote_policy(QuotePolicy::Split).build().unwrap();
/// assert_eq!(keep.sentences(text).count(), 2);
/// assert_eq!(split.sentences(text).count(), 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QuotePolicy {
    /// A quoted passage stays inside one sentence, however many sentences it holds.
    #[default]
    Keep,
    /// Split inside quotations too, as treebanks do.
    Split,
}

text_names! {
    /// Lowercase name (`keep`, `split`).
    ///
    /// ```
    /// assert_eq!(whosaid::QuotePolicy::Split.name(), "split");
    /// ```
    QuotePolicy {
        Keep => "keep",
        Split => "split",
    }
}

/// One sentence: its byte span (trimmed of surrounding whitespace), its text and the
/// index of the paragraph that holds it.
///
/// ```
/// let s = whosaid::sentences("Hi there. Bye.").nth(1).unwrap();
/// assert_eq!((s.text, s.span.start, s.paragraph), ("Bye.", 10, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sentence<'t> {
    /// Byte span of the sentence.
    pub span: Span,
    /// The sentence's text (`&text[span]`).
    pub text: &'t str,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

#[derive(Debug)]
struct Inner {
    extra: HashSet<String>,
    removed: HashSet<String>,
    policy: QuotePolicy,
}

/// A configured sentence splitter. Cheap to clone (one `Arc`), `Send + Sync`.
///
/// ```
/// let seg = whosaid::Segmenter::new();
/// let v: Vec<_> = seg.sentences("Sen. Ana Ruiz (D-Calif.) spoke at 10 a.m. on Monday. She left.")
///     .map(|s| s.text).collect();
/// assert_eq!(v, ["Sen. Ana Ruiz (D-Calif.) spoke at 10 a.m. on Monday.", "She left."]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    inner: Arc<Inner>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// Builds a [`Segmenter`]; `build()` is the only fallible step.
///
/// ```
/// use whosaid::{QuotePolicy, Segmenter};
/// let seg = Segmenter::builder()
///     .add_abbreviation("Approx.")
///     .remove_abbreviation("co")
///     .quote_policy(QuotePolicy::Split)
///     .build()
///     .unwrap();
/// assert_eq!(seg.sentences("It cost approx. Ten dollars.").count(), 1);
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct SegmenterBuilder {
    extra: Vec<String>,
    removed: Vec<String>,
    policy: QuotePolicy,
}

fn normalise_abbreviation(a: &str) -> Result<String, Error> {
    let t = a.trim().trim_end_matches('.');
    if t.is_empty() || t.contains(char::is_whitespace) {
        return Err(Error::new(
            ErrorKind::InvalidLexiconEntry,
            format!("abbreviation {a:?} must be one non-empty word"),
        ));
    }
    Ok(t.to_lowercase())
}

impl SegmenterBuilder {
    /// A builder with the built-in abbreviations and [`QuotePolicy::Keep`].
    ///
    /// ```
    /// let seg = whosaid::SegmenterBuilder::new().build().unwrap();
    /// assert_eq!(seg.sentences("A b. C d.").count(), 2);
    /// ```
    pub fn new() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// Treat `abbreviation` (with or without its final period, any case) as an
    /// abbreviation that does not end a sentence before a capitalised content word.
    ///
    /// ```
    /// let seg = whosaid::Segmenter::builder().add_abbreviation("Dist").build().unwrap();
    /// assert_eq!(seg.sentences("He won Dist. Seven again.").count(), 1);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_abbreviation(mut self, abbreviation: impl Into<String>) -> Self {
        self.extra.push(abbreviation.into());
        self
    }

    /// Stop treating a built-in `abbreviation` as one.
    ///
    /// ```
    /// let seg = whosaid::Segmenter::builder().remove_abbreviation("Gen.").build().unwrap();
    /// assert_eq!(seg.sentences("We met Gen. Lee.").count(), 2);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn remove_abbreviation(mut self, abbreviation: impl Into<String>) -> Self {
        self.removed.push(abbreviation.into());
        self
    }

    /// How to treat boundaries inside quotations (default [`QuotePolicy::Keep`]).
    ///
    /// ```
    /// use whosaid::{QuotePolicy, Segmenter};
    /// let seg = Segmenter::builder().quote_policy(QuotePolicy::Split).build().unwrap();
    /// assert_eq!(seg.sentences("He said: “A b. C d.”").count(), 2);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn quote_policy(mut self, policy: QuotePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Check the settings and build the segmenter.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidLexiconEntry`] when an abbreviation is empty or has whitespace.
    ///
    /// ```
    /// assert!(whosaid::Segmenter::builder().add_abbreviation(" ").build().is_err());
    /// ```
    pub fn build(self) -> Result<Segmenter, Error> {
        let extra = self
            .extra
            .iter()
            .map(|a| normalise_abbreviation(a))
            .collect::<Result<_, _>>()?;
        let removed = self
            .removed
            .iter()
            .map(|a| normalise_abbreviation(a))
            .collect::<Result<_, _>>()?;
        Ok(Segmenter {
            inner: Arc::new(Inner {
                extra,
                removed,
                policy: self.policy,
            }),
        })
    }
}

impl Segmenter {
    /// The default segmenter: built-in abbreviations, [`QuotePolicy::Keep`].
    ///
    /// ```
    /// assert_eq!(whosaid::Segmenter::new().sentences("Mr. X left. Ms. Y came.").count(), 2);
    /// ```
    pub fn new() -> Segmenter {
        SegmenterBuilder::new()
            .build()
            .expect("default settings are valid")
    }

    /// A builder to configure a segmenter.
    ///
    /// ```
    /// let seg = whosaid::Segmenter::builder().build().unwrap();
    /// # let _ = seg;
    /// ```
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::new()
    }

    /// The configured quotation policy.
    ///
    /// ```
    /// assert_eq!(whosaid::Segmenter::new().quote_policy(), whosaid::QuotePolicy::Keep);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn quote_policy(&self) -> QuotePolicy {
        self.inner.policy
    }

    /// The sentences of `text`, with the configured quotation policy.
    ///
    /// ```
    /// let seg = whosaid::Segmenter::new();
    /// let s: Vec<_> = seg.sentences("“Why now?” she asked. Nobody knew.").map(|s| s.text).collect();
    /// assert_eq!(s, ["“Why now?” she asked.", "Nobody knew."]);
    /// ```
    pub fn sentences<'t>(&self, text: &'t str) -> Sentences<'t> {
        self.sentences_with_policy(text, self.inner.policy)
    }

    /// The sentences of `text` with an explicit quotation policy: with
    /// [`QuotePolicy::Split`] a caller sees the boundaries inside quotations even when the
    /// segmenter keeps quotations together by default.
    ///
    /// ```
    /// use whosaid::{QuotePolicy, Segmenter};
    /// let seg = Segmenter::new();
    /// let text = "He said: “A b. C d.” Then he left.";
    /// assert_eq!(seg.sentences_with_policy(text, QuotePolicy::Split).count(), 3);
    /// assert_eq!(seg.sentences_with_policy(text, QuotePolicy::Keep).count(), 2);
    /// ```
    pub fn sentences_with_policy<'t>(&self, text: &'t str, policy: QuotePolicy) -> Sentences<'t> {
        Sentences {
            text,
            inner: Arc::clone(&self.inner),
            policy,
            paragraphs: paragraphs(text),
            scratch: Scratch::default(),
            buf: Vec::new(),
            next: 0,
            paragraph: 0,
        }
    }

    /// The sentences of `text` whose paragraphs `paras` (all of them, in order, as
    /// [`paragraphs`] gives them) and quotation marks `marks` are already known,
    /// appended to `out`: what [`Segmenter::sentences_with_policy`] gives, without
    /// finding the paragraphs or the marks again.
    pub(crate) fn sentences_in<'t>(
        &self,
        text: &'t str,
        paras: &[Paragraph<'t>],
        marks: &MarkSet,
        policy: QuotePolicy,
        out: &mut Vec<Sentence<'t>>,
    ) {
        let (mut buf, mut scratch) = (Vec::new(), Scratch::default());
        for p in paras {
            buf.clear();
            let own = Some((marks, p.span.start));
            split(&self.inner, p.text, policy, own, &mut buf, &mut scratch);
            out.extend(buf.iter().map(|s| {
                let span = Span::new(s.start + p.span.start, s.end + p.span.start);
                Sentence {
                    span,
                    text: &text[span],
                    paragraph: p.index,
                }
            }));
        }
    }

    /// The sentence spans of one paragraph's text (relative to it), appended to `out`.
    #[allow(dead_code)] // for the later pipeline stages
    pub(crate) fn split_paragraph(&self, p: &str, policy: QuotePolicy, out: &mut Vec<Span>) {
        split(&self.inner, p, policy, None, out, &mut Scratch::default());
    }
}

/// Iterator over [`Sentence`]s, returned by [`Segmenter::sentences`] and [`sentences`].
/// Works one paragraph at a time.
///
/// ```
/// let mut it = whosaid::sentences("One. Two.\n\nThree.");
/// assert_eq!(it.next().unwrap().text, "One.");
/// assert_eq!(it.last().unwrap().paragraph, 1);
/// ```
#[derive(Clone, Debug)]
pub struct Sentences<'t> {
    text: &'t str,
    inner: Arc<Inner>,
    policy: QuotePolicy,
    paragraphs: Paragraphs<'t>,
    scratch: Scratch,
    buf: Vec<Span>,
    next: usize,
    paragraph: usize,
}

impl<'t> Iterator for Sentences<'t> {
    type Item = Sentence<'t>;

    fn next(&mut self) -> Option<Sentence<'t>> {
        loop {
            if let Some(&s) = self.buf.get(self.next) {
                self.next += 1;
                return Some(Sentence {
                    span: s,
                    text: &self.text[s],
                    paragraph: self.paragraph,
                });
            }
            let p = self.paragraphs.next()?;
            self.buf.clear();
            self.next = 0;
            self.paragraph = p.index;
            split(
                &self.inner,
                p.text,
                self.policy,
                None,
                &mut self.buf,
                &mut self.scratch,
            );
            for s in &mut self.buf {
                s.start += p.span.start;
                s.end += p.span.start;
            }
        }
    }
}

impl std::iter::FusedIterator for Sentences<'_> {}

/// The sentences of `text` with the default [`Segmenter`].
///
/// ```
/// let v: Vec<_> = whosaid::sentences("The U.S. economy grew 2.5 percent. Shares rose.")
///     .map(|s| s.text).collect();
/// assert_eq!(v, ["The U.S. economy grew 2.5 percent.", "Shares rose."]);
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    static DEFAULT: once_cell::sync::Lazy<Segmenter> = once_cell::sync::Lazy::new(Segmenter::new);
    DEFAULT.sentences(text)
}

// ---------------------------------------------------------------------------------------
// The rules.

/// Buffers reused from one paragraph to the next.
#[derive(Clone, Debug, Default)]
struct Scratch {
    regions: Vec<(usize, usize)>,
    /// The open quotation marks while the regions are found.
    open_marks: OpenMarks,
    markers: Vec<(usize, usize)>,
}

/// The char starting at byte `i`, if `i` is a char boundary inside `p`.
#[inline]
fn char_at(p: &str, i: usize) -> Option<char> {
    let b = *p.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        p.get(i..)?.chars().next()
    }
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '「' | '『'
    )
}

/// A run of terminal punctuation: `.`, `?!`, `…`, and spaced ellipses (`. . .`).
#[derive(Clone, Copy, Debug)]
struct Run {
    end: usize,
    dots: usize,
    /// `?`, `!` or `‽` in the run.
    other: bool,
    /// `…` in the run.
    ellipsis: bool,
}

/// The terminal run starting at byte `i`, or `None` if `i` holds none (a non-terminal
/// character with lead byte 0xE2).
fn terminal_run(b: &[u8], i: usize) -> Option<Run> {
    let mut r = Run {
        end: i,
        dots: 0,
        other: false,
        ellipsis: false,
    };
    let mut j = i;
    loop {
        match b.get(j) {
            Some(b'.') => {
                r.dots += 1;
                j += 1;
            }
            Some(b'?' | b'!') => {
                r.other = true;
                j += 1;
            }
            Some(0xE2) if b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0xA6) => {
                r.ellipsis = true;
                j += 3;
            }
            Some(0xE2) if b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0xBD) => {
                r.other = true;
                j += 3;
            }
            Some(b' ') if r.dots > 0 && b.get(j + 1) == Some(&b'.') => j += 1,
            _ => break,
        }
    }
    if j == i {
        return None;
    }
    r.end = j;
    Some(r)
}

/// End of the closing quotes and brackets starting at `k`.
fn closers_end(p: &str, mut k: usize) -> usize {
    while let Some(c) = char_at(p, k) {
        if !is_closer(c) {
            break;
        }
        k += c.len_utf8();
    }
    k
}

/// End of footnote markers and bracketed elisions after a sentence end: `[17]`,
/// ` [1, 2]`, `[1]–[3]`, ` […]`; `k` if there is none. Each marker is at most 16 bytes,
/// so this is O(1) per marker.
fn footnotes_end(b: &[u8], mut k: usize) -> usize {
    let mut j = k;
    loop {
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        if b.get(j) != Some(&b'[') {
            return k;
        }
        if let Some(e) = ELISIONS.iter().find(|e| b[j..].starts_with(e.as_bytes())) {
            k = j + e.len();
            j = k;
            continue;
        }
        let mut m = j + 1;
        let mut digit = false;
        while m < b.len() && m - j <= 16 && matches!(b[m], b'0'..=b'9' | b',' | b' ' | b'-') {
            digit |= b[m].is_ascii_digit();
            m += 1;
        }
        if !digit || b.get(m) != Some(&b']') {
            return k;
        }
        k = m + 1;
        j = k;
        // a range of markers: "[1]–[11]", "[1]-[3]"
        if b[j..].starts_with("–[".as_bytes()) {
            j += 3;
        } else if b[j..].starts_with(b"-[") {
            j += 1;
        }
    }
}

/// Elided passages marked in brackets.
const ELISIONS: [&str; 3] = ["[...]", "[…]", "[. . .]"];

/// The first letter or digit of the next token, skipping opening punctuation.
fn next_significant(s: &str) -> Option<char> {
    s.chars()
        .find(|c| !is_opener(*c) && !matches!(*c, '*' | '-' | '—' | '–' | '¿' | '¡'))
}

/// The word ending at byte `i`: back to whitespace or an opening quote or bracket.
fn word_before(p: &str, i: usize) -> &str {
    let head = &p[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_opener(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// The next word of `s`, after opening punctuation: letters, digits and apostrophes.
/// ASCII is read byte by byte; a non-ASCII char before the word's end sends the whole
/// reading to [`next_word_by_chars`].
fn next_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    // the ASCII openers of `is_opener`, and `*` and `-`
    while i < b.len() && matches!(b[i], b'(' | b'[' | b'"' | b'\'' | b'*' | b'-') {
        i += 1;
    }
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'\'') {
        i += 1;
    }
    if i < b.len() && !b[i].is_ascii() {
        return next_word_by_chars(s);
    }
    &s[start..i]
}

/// [`next_word`] char by char.
fn next_word_by_chars(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| is_opener(c) || matches!(c, '*' | '-' | '—' | '–'));
    let end = s
        .find(|c: char| !is_alnum(c) && c != '\'' && c != '’')
        .unwrap_or(s.len());
    &s[..end]
}

/// Words in `p[start..end]`, counted backwards from `end`, stopping at `cap`.
fn words_back(p: &str, start: usize, end: usize, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &c in p.as_bytes()[start..end].iter().rev() {
        if c.is_ascii_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n >= cap {
                break;
            }
        }
    }
    n
}

/// "U.S", "e.g", "Ph.D", "a.m", "S.&P": two or more dot-separated groups of one to
/// three letters (the final period already removed). Not "Amazon.com" or "1026.253".
fn is_acronym(w: &str) -> bool {
    // (one pass over the bytes: the length of the group so far and the dots passed)
    let (mut dots, mut group) = (0, 0);
    for &c in w.as_bytes() {
        if c == b'.' {
            if group == 0 {
                return false;
            }
            dots += 1;
            group = 0;
        } else if c.is_ascii_alphabetic() || c == b'&' {
            group += 1;
            if group > 3 {
                return false;
            }
        } else {
            return false;
        }
    }
    dots >= 1 && group > 0
}

/// Is `w` (ASCII-folded) in a builder-supplied lowercase set? No allocation for ASCII.
fn in_user_set(set: &HashSet<String>, w: &str) -> bool {
    if set.is_empty() {
        return false;
    }
    if w.is_ascii() {
        let b = w.as_bytes();
        if b.len() > 64 {
            return false;
        }
        let mut buf = [0u8; 64];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..b.len()]).is_ok_and(|k| set.contains(k))
    } else {
        set.contains(&w.to_lowercase())
    }
}

impl Inner {
    /// The list flags of `w`, with the builder's additions and removals applied.
    #[inline]
    fn flags(&self, w: &str) -> u32 {
        let mut f = classes(w);
        if !self.extra.is_empty() && in_user_set(&self.extra, w) {
            f |= words::ABBREVIATION;
        }
        if !self.removed.is_empty() && in_user_set(&self.removed, w) {
            f &= !(words::ABBREVIATION | words::TITLE | words::NONFINAL);
        }
        f
    }
}

/// The list flags of the word after a candidate boundary. A clitic is ignored ("It's"
/// counts as "It", "Let's" as "Let").
fn next_flags(nw: &str) -> u32 {
    classes(nw.split(['\'', '’']).next().unwrap_or(nw))
}

/// Titles that double as postpositive abbreviations ("St. Mary's" and "Main St.",
/// "Mt. Fuji", "Ft. Worth" and "6 ft."): these end a sentence before a function word.
fn is_place_title(w: &str) -> bool {
    ["st", "mt", "ft"].iter().any(|t| w.eq_ignore_ascii_case(t))
}

fn is_clock_suffix(w: &str) -> bool {
    w.eq_ignore_ascii_case("a.m") || w.eq_ignore_ascii_case("p.m")
}

/// Does a single period at `dot` end the sentence that began at `start`, given the
/// text `after` it (past closers, footnotes and whitespace; not empty)?
fn period_ends(inner: &Inner, p: &str, start: usize, dot: usize, after: &str) -> bool {
    use words::{ABBREVIATION, NONFINAL, STARTER, TIME_FOLLOWER, TITLE};
    let Some(nc) = next_significant(after) else {
        return true;
    };
    if nc.is_lowercase() {
        return false;
    }
    let w = word_before(p, dot).trim_start_matches(|c: char| !is_alnum(c));
    if w.is_empty() {
        return true;
    }
    let mut wf = inner.flags(w);
    // "D-Calif.", "Wilkes-Barre, Pa.": the part after the last hyphen may be the abbreviation
    if let Some(h) = w.rfind('-') {
        wf |= inner.flags(&w[h + 1..]) & ABBREVIATION;
    }
    if nc.is_ascii_digit() {
        // "No. 2", "Sept. 11", "p. 55", "c. 1818", "N°. 1026", "the S.&P. 500"
        return wf & (ABBREVIATION | NONFINAL | TITLE) == 0 && !is_acronym(w) && !w.ends_with('°');
    }
    let nw = next_word(after);
    let starter = next_flags(nw) & STARTER != 0;
    let mut cs = w.chars();
    let single_upper = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
    if single_upper {
        // an initial ("George W. Bush"), unless a plain new sentence follows ("Plan B. The")
        return starter && nw != "I" && (w == "I" || words_back(p, start, dot, 3) > 2);
    }
    if wf & NONFINAL != 0 {
        return false;
    }
    if wf & TITLE != 0 {
        return is_place_title(w) && starter;
    }
    if is_clock_suffix(w) {
        // "at 10 a.m. Monday" goes on; "... ended at 6 p.m. Officials said" does not,
        // but a clock time that opens a sentence ("At 5 a.m. Mr. Smith left") does.
        if !nc.is_uppercase() || next_flags(nw) & TIME_FOLLOWER != 0 {
            return false;
        }
        return starter || words_back(p, start, dot, 5) > 4;
    }
    if w.eq_ignore_ascii_case("no") || w.eq_ignore_ascii_case("nos") {
        // an abbreviation only before a number ("No. 2"); otherwise the word "no"
        return true;
    }
    if wf & ABBREVIATION != 0 || is_acronym(w) {
        return starter;
    }
    true
}

/// A footnote number after a sentence end ("... rights. 4 Even though ..."): one to
/// three digits, a space, then a capitalised function word. Returns its length.
fn numeric_footnote(after: &str) -> Option<usize> {
    let b = after.as_bytes();
    let n = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 || b.get(n) != Some(&b' ') {
        return None;
    }
    let rest = &after[n + 1..];
    let w = next_word(rest);
    let starter = next_flags(w) & words::STARTER != 0;
    (rest.starts_with(w) && w.starts_with(|c: char| c.is_uppercase()) && starter).then_some(n)
}

/// Append the trimmed, non-empty span `p[s..e]` to `out`. ASCII edges are trimmed byte
/// by byte; an edge at a non-ASCII byte (which may be a space) is left to `str::trim`.
fn push(out: &mut Vec<Span>, p: &str, s: usize, e: usize) {
    // the ASCII chars that `char::is_whitespace` takes
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let b = &p.as_bytes()[s..e];
    let mut begin = 0;
    while begin < b.len() && space(b[begin]) {
        begin += 1;
    }
    let mut end = b.len();
    while end > begin && space(b[end - 1]) {
        end -= 1;
    }
    if b.get(begin).is_none_or(u8::is_ascii) && (end == begin || b[end - 1].is_ascii()) {
        if begin < end {
            out.push(Span::new(s + begin, s + end));
        }
        return;
    }
    let seg = &p[s..e];
    let t = seg.trim_start();
    let begin = s + (seg.len() - t.len());
    let end = begin + t.trim_end().len();
    if begin < end {
        out.push(Span::new(begin, end));
    }
}

/// The sentence spans of paragraph `p`, relative to it, into `out`. `marks`: the
/// text's quotation marks and the paragraph's start in the text, when they are known
/// (`None`: the paragraph is scanned for them).
fn split(
    inner: &Inner,
    p: &str,
    policy: QuotePolicy,
    marks: Option<(&MarkSet, usize)>,
    out: &mut Vec<Span>,
    scratch: &mut Scratch,
) {
    let Scratch {
        regions,
        open_marks,
        markers,
    } = scratch;
    // the closed quotations are found when a boundary first needs them (with the keep
    // policy): most paragraphs of one sentence never do
    regions.clear();
    let mut regions_found = policy != QuotePolicy::Keep;
    list_markers(p, markers);
    let b = p.as_bytes();
    let n = b.len();
    let (mut start, mut i, mut mi, mut ri) = (0usize, 0usize, 0usize, 0usize);
    loop {
        while mi < markers.len() && markers[mi].0 < i {
            mi += 1;
        }
        let stop = markers.get(mi).map_or(n, |m| m.0);
        i = find_any(&b[i..stop], [b'.', b'!', b'?', 0xE2]).map_or(stop, |off| i + off);
        if i >= n {
            break;
        }
        if i == stop {
            // a list item starts here
            let (ms, me) = markers[mi];
            if ms > start && !p[start..ms].trim().is_empty() {
                push(out, p, start, ms);
                start = ms;
            }
            mi += 1;
            i = me;
            continue;
        }
        let Some(run) = terminal_run(b, i) else {
            i += 1;
            continue;
        };
        // "[...]": an elision, not an ellipsis
        if !run.other
            && i > 0
            && matches!(b[i - 1], b'[' | b'(')
            && matches!(b.get(run.end), Some(b']' | b')'))
        {
            i = run.end;
            continue;
        }
        let k = footnotes_end(b, closers_end(p, run.end));
        let Some(ws) = char_at(p, k) else { break };
        if !ws.is_whitespace() {
            i = k;
            continue;
        }
        let after = p[k..].trim_start();
        if after.is_empty() {
            break;
        }
        // inside a closed quotation (keep policy)?
        if !regions_found {
            regions_found = true;
            match marks {
                Some((marks, start)) => {
                    let own = marks.between(start, start + p.len()).map(|at| at - start);
                    quote_regions(p, own, regions, open_marks);
                }
                None => quote_regions(p, scanned_marks(p), regions, open_marks),
            }
        }
        while ri < regions.len() && regions[ri].1 <= k {
            ri += 1;
        }
        if ri < regions.len() && regions[ri].0 < i && k < regions[ri].1 {
            i = k;
            continue;
        }
        let nsig = next_significant(after);
        let mut cut = k;
        let ends = if run.other {
            nsig.is_none_or(|c| !c.is_lowercase() && !matches!(c, '.' | ',' | ';' | ':'))
        } else if run.ellipsis || run.dots >= 3 {
            let up = nsig.is_some_and(char::is_uppercase);
            // "compounds. . . . The": the attached period ends the sentence, the spaced
            // ellipsis opens the next one
            if run.dots == 4
                && !run.ellipsis
                && i > 0
                && b[i - 1].is_ascii_alphanumeric()
                && &p[i + 1..run.end] == " . . ."
                && up
            {
                cut = i + 1;
                true
            } else {
                up && (run.dots >= 4 || next_word(after) != "I")
            }
        } else if run.dots == 2 {
            nsig.is_none_or(|c| !c.is_lowercase())
        } else {
            period_ends(inner, p, start, i, after)
        };
        if ends {
            if cut == k {
                if let Some(len) = numeric_footnote(after) {
                    cut = n - after.len() + len;
                }
            }
            push(out, p, start, cut);
            start = cut;
        }
        i = k.max(cut);
    }
    push(out, p, start, n);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of the pieces the byte paths of `next_word` and `push` tell apart.
    fn drawn_texts() -> Vec<String> {
        let pieces = [
            " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{a0}", "\u{2003}", "(", "[", "\"", "'",
            "*", "-", "—", "–", "“", "‘", "’", "a", "Z", "9", "é", ".", "!", "日",
        ];
        let mut seed = 5u64;
        (0..3000)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..(seed >> 61) + 1 {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                t
            })
            .collect()
    }

    #[test]
    fn next_word_reads_as_char_by_char() {
        for t in drawn_texts() {
            assert_eq!(next_word(&t), next_word_by_chars(&t), "{t:?}");
        }
    }

    #[test]
    fn is_acronym_reads_as_its_groups() {
        let by_groups = |w: &str| {
            let mut groups = 0;
            for g in w.split('.') {
                if g.is_empty()
                    || g.len() > 3
                    || !g.bytes().all(|c| c.is_ascii_alphabetic() || c == b'&')
                {
                    return false;
                }
                groups += 1;
            }
            groups >= 2
        };
        let pieces = ["a", "Z", "&", ".", "é", "9", "-", "ab", "abc", "abcd"];
        let mut seed = 11u64;
        for _ in 0..20000 {
            let mut w = String::new();
            for _ in 0..(seed >> 61) + 1 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                w.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            assert_eq!(is_acronym(&w), by_groups(&w), "{w:?}");
        }
        for w in [
            "", ".", "U.S", "e.g", "Ph.D", "S.&P", "a.", ".a", "a..b", "abcd.e",
        ] {
            assert_eq!(is_acronym(w), by_groups(w), "{w:?}");
        }
    }

    #[test]
    fn push_trims_as_str_trim() {
        for t in drawn_texts() {
            for s in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                for e in (s..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                    let mut got = Vec::new();
                    push(&mut got, &t, s, e);
                    let seg = &t[s..e];
                    let begin = s + (seg.len() - seg.trim_start().len());
                    let want: Vec<Span> = (!seg.trim().is_empty())
                        .then(|| Span::new(begin, begin + seg.trim().len()))
                        .into_iter()
                        .collect();
                    assert_eq!(got, want, "{t:?} {s}..{e}");
                }
            }
        }
    }

    fn keep(t: &str) -> Vec<&str> {
        Segmenter::new().sentences(t).map(|s| s.text).collect()
    }

    fn split_q(t: &str) -> Vec<&str> {
        Segmenter::new()
            .sentences_with_policy(t, QuotePolicy::Split)
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn titles_and_acronyms() {
        assert_eq!(
            keep("Mr. Smith met Dr. Jones. They talked."),
            ["Mr. Smith met Dr. Jones.", "They talked."]
        );
        assert_eq!(
            keep("I live in the U.S. How about you?"),
            ["I live in the U.S.", "How about you?"]
        );
        assert_eq!(keep("I work for the U.S. Government in Virginia.").len(), 1);
        assert_eq!(keep("The S.&P. 500 index fell.").len(), 1);
        assert_eq!(keep("Lt. Col. Ada Reyes and Sgt. Bo Kim spoke.").len(), 1);
        assert_eq!(keep("She lives on Elm St. The house is old.").len(), 2);
        assert_eq!(keep("They prayed at St. Jude's.").len(), 1);
    }

    #[test]
    fn nonfinal_abbreviations() {
        assert_eq!(keep("Some firms (e.g. The Acme Group) refused.").len(), 1);
        assert_eq!(keep("It cited Doe v. The Board of Trustees.").len(), 1);
        assert_eq!(keep("He was born c. 1820 in a village.").len(), 1);
    }

    #[test]
    fn party_state_tags() {
        assert_eq!(
            keep("said Rep. Al Diaz, D-Calif. The bill failed.").len(),
            2
        );
        assert_eq!(
            keep("Sen. Jo Park (R-Ohio) voted no. Others agreed.").len(),
            2
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(keep("The vote is at 10 a.m. Tuesday in the hall.").len(), 1);
        assert_eq!(keep("At 5 a.m. Mr. Lee left home.").len(), 1);
        assert_eq!(
            keep("The session closed at 6 p.m. Officials went home.").len(),
            2
        );
        assert_eq!(
            keep("The talks ended at 6 p.m. They resume today.").len(),
            2
        );
    }

    #[test]
    fn urls_and_domains() {
        assert_eq!(keep("Read it on Example.com. It is free.").len(), 2);
        assert_eq!(
            keep("Go to https://example.org/a.html. Then log in.").len(),
            2
        );
        assert_eq!(keep("Shares of Example.com rose.").len(), 1);
    }

    #[test]
    fn footnotes_stay_with_their_sentence() {
        assert_eq!(
            keep("He left in 1805. [6] Then he wrote."),
            ["He left in 1805. [6]", "Then he wrote."]
        );
        assert_eq!(
            keep("It rained.[1][2] We stayed."),
            ["It rained.[1][2]", "We stayed."]
        );
        assert_eq!(
            keep("It is known. [1]–[3] But why?"),
            ["It is known. [1]–[3]", "But why?"]
        );
        assert_eq!(
            keep("Rights hold. 4 Even so, they argued."),
            ["Rights hold. 4", "Even so, they argued."]
        );
    }

    #[test]
    fn elisions() {
        assert_eq!(keep("\"Ana [...] left [...]\" (Roe 12).").len(), 1);
        assert_eq!(
            keep("It was over. [...] Nobody came."),
            ["It was over. [...]", "Nobody came."]
        );
        assert_eq!(keep("It was over. […]"), ["It was over. […]"]);
    }

    #[test]
    fn ellipses() {
        assert_eq!(keep("I waited... Nobody came.").len(), 2);
        assert_eq!(keep("I waited ... and waited.").len(), 1);
        assert_eq!(keep("Well … I think so.").len(), 1);
        assert_eq!(
            keep("It ended. . . . The rest was lost."),
            ["It ended.", ". . . The rest was lost."]
        );
        assert_eq!(keep("It ended with a period . . . . Next one.").len(), 2);
    }

    #[test]
    fn question_and_exclamation() {
        assert_eq!(keep("“Why now?” she asked. Nobody knew.").len(), 2);
        assert_eq!(keep("She works at Yahoo! in the city.").len(), 1);
        assert_eq!(keep("Really?! Yes.").len(), 2);
        assert_eq!(keep("Was it rum? .. yes, rum.").len(), 1);
    }

    #[test]
    fn lists() {
        assert_eq!(
            keep("1.) The first item 2.) The second item"),
            ["1.) The first item", "2.) The second item"]
        );
        assert_eq!(
            keep("a. The first item b. The second item c. The third list item").len(),
            3
        );
        assert_eq!(
            keep("• 9. The first item • 10. The second item"),
            ["• 9. The first item", "• 10. The second item"]
        );
        assert_eq!(keep("1. Introduction"), ["1. Introduction"]);
    }

    #[test]
    fn quote_policies() {
        let t = "The minister said: “Prices will fall. Wages will rise.” Critics disagreed.";
        assert_eq!(keep(t).len(), 2);
        assert_eq!(split_q(t).len(), 3);
        // an unclosed quotation does not hold the paragraph together
        assert_eq!(
            keep("He said: “Prices will fall. Wages will rise.").len(),
            2
        );
    }

    #[test]
    fn builder_lists() {
        let seg = Segmenter::builder()
            .add_abbreviation("Approx.")
            .build()
            .unwrap();
        assert_eq!(seg.sentences("It cost approx. Ten dollars.").count(), 1);
        let seg = Segmenter::builder()
            .remove_abbreviation("Gen.")
            .build()
            .unwrap();
        assert_eq!(seg.sentences("We met Gen. Lee.").count(), 2);
        let seg = Segmenter::builder()
            .add_abbreviation("Ärzt")
            .build()
            .unwrap();
        assert_eq!(seg.sentences("Der ÄRZT. Ja.").count(), 1);
    }

    #[test]
    fn linear_on_pathological_input() {
        // each of these would take minutes if any rule were quadratic
        let many_initials = "A. ".repeat(100_000);
        assert!(keep(&many_initials).len() <= 100_000);
        let one_sentence = "word e.g. ".repeat(100_000);
        assert_eq!(keep(&one_sentence).len(), 1);
        let list = (1..=99)
            .map(|k| format!("{k}. item "))
            .collect::<String>()
            .repeat(1000);
        let _ = keep(&list);
        let spaces = format!("1. a{}b. c", " ".repeat(200_000));
        assert_eq!(keep(&spaces).len(), 1);
        let no_space = "x.".repeat(500_000);
        assert_eq!(keep(&no_space).len(), 1);
        let quotes = "“a. ".repeat(100_000) + &"b.” ".repeat(100_000);
        let _ = keep(&quotes);
        let closers = format!("End.{} Next.", ")".repeat(200_000));
        assert_eq!(keep(&closers).len(), 2);
    }

    #[test]
    fn sentences_in_known_paragraphs_are_the_iterator_s() {
        let seg = Segmenter::new();
        for t in [
            "",
            "One. Two.\n\nThree “a. B.” four.\nFive",
            "HEADLINE\nBy Ana\n\n  He said: “No. Never.” Then he left.  \n\n\n",
        ] {
            let paras: Vec<_> = paragraphs(t).collect();
            let marks = MarkSet::of(t);
            for policy in [QuotePolicy::Keep, QuotePolicy::Split] {
                let mut got = Vec::new();
                seg.sentences_in(t, &paras, &marks, policy, &mut got);
                let want: Vec<_> = seg.sentences_with_policy(t, policy).collect();
                assert_eq!(got, want, "{t:?}");
            }
        }
    }

    #[test]
    fn lexicon_lists_are_lowercase() {
        for list in [&*lexicon::NONFINAL_ABBREVIATIONS, &*lexicon::TIME_FOLLOWERS] {
            assert!(!list.is_empty());
            for w in list {
                assert_eq!(*w, w.to_lowercase());
            }
        }
    }
}
