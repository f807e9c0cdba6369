//! The sentence splitter: one forward scan per paragraph over candidate terminal
//! punctuation, with local rules deciding each candidate.

use std::collections::HashSet;
use std::sync::Arc;

use crate::error::{Error, ErrorKind};
use crate::lexicon::{self, contains_folded};
use crate::sentence::paragraph::{Paragraphs, paragraphs};
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

/// One sentence: its byte span (trimmed of surrounding whitespace), its text and the
/// index of the paragraph that holds it.
///
/// ```
/// let s = whosaid::sentences("Hi there. Bye.").nth(1).unwrap();
/// assert_eq!((s.text, s.span.start, s.paragraph), ("Bye.", 10, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
        let extra = self.extra.iter().map(|a| normalise_abbreviation(a)).collect::<Result<_, _>>()?;
        let removed = self.removed.iter().map(|a| normalise_abbreviation(a)).collect::<Result<_, _>>()?;
        Ok(Segmenter { inner: Arc::new(Inner { extra, removed, policy: self.policy }) })
    }
}

impl Segmenter {
    /// The default segmenter: built-in abbreviations, [`QuotePolicy::Keep`].
    ///
    /// ```
    /// assert_eq!(whosaid::Segmenter::new().sentences("Mr. X left. Ms. Y came.").count(), 2);
    /// ```
    pub fn new() -> Segmenter {
        SegmenterBuilder::new().build().expect("default settings are valid")
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
            buf: Vec::new(),
            next: 0,
            paragraph: 0,
        }
    }

    /// Byte offsets where sentences end inside one paragraph's text (relative to it).
    pub(crate) fn split_paragraph(&self, p: &str, policy: QuotePolicy, out: &mut Vec<Span>) {
        split(&self.inner, p, policy, out);
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
                return Some(Sentence { span: s, text: &self.text[s], paragraph: self.paragraph });
            }
            let p = self.paragraphs.next()?;
            self.buf.clear();
            self.next = 0;
            self.paragraph = p.index;
            split(&self.inner, p.text, self.policy, &mut self.buf);
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

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›' | '」' | '』')
}

fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '「' | '『')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‽')
}

/// Outermost closed quotation regions of a paragraph, as (open, after-close) byte ranges.
fn quote_regions(p: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    // stack of (opening char, offset); bounded so pathological input stays linear
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut prev = ' ';
    for (i, c) in p.char_indices() {
        match c {
            '“' | '«' | '„' | '「' | '『' => {
                if stack.len() < 64 {
                    stack.push((c, i));
                }
            }
            '”' | '»' | '」' | '』' | '"' => {
                let opening_ascii = c == '"'
                    && (prev.is_whitespace() || is_opener(prev) || matches!(prev, '—' | '–' | '-' | ':'));
                if opening_ascii {
                    if stack.len() < 64 {
                        stack.push((c, i));
                    }
                } else {
                    let want: &[char] = match c {
                        '”' => &['“', '„', '"'],
                        '»' => &['«'],
                        '」' => &['「'],
                        '』' => &['『'],
                        _ => &['"', '“', '„'],
                    };
                    if let Some(k) = stack.iter().rposition(|(o, _)| want.contains(o)) {
                        let open = stack[k].1;
                        stack.truncate(k);
                        if stack.is_empty() {
                            out.push((open, i + c.len_utf8()));
                        }
                    }
                }
            }
            _ => {}
        }
        prev = c;
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// The first letter or digit of the next token, skipping opening punctuation.
fn next_significant(s: &str) -> Option<char> {
    s.chars().find(|c| !is_opener(*c) && !matches!(*c, '*' | '-' | '—' | '–'))
}

fn word_before(p: &str, i: usize) -> &str {
    let head = &p[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_opener(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches(is_opener);
    let end = s.find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').unwrap_or(s.len());
    &s[..end]
}

impl Inner {
    fn is_abbreviation(&self, w: &str) -> bool {
        if self.extra.is_empty() && self.removed.is_empty() {
            return contains_folded(&lexicon::ABBREVIATIONS, w);
        }
        let low = w.to_lowercase();
        if self.removed.contains(&low) {
            return false;
        }
        self.extra.contains(&low) || lexicon::ABBREVIATIONS.contains(low.as_str())
    }

    fn is_title(&self, w: &str) -> bool {
        contains_folded(&lexicon::TITLES, w) && !(!self.removed.is_empty() && self.removed.contains(&w.to_lowercase()))
    }
}

fn is_starter(w: &str) -> bool {
    contains_folded(&lexicon::SENTENCE_STARTERS, w)
}

/// Words in the current sentence so far (from `from` to `to`).
fn words_between(p: &str, from: usize, to: usize) -> usize {
    p[from..to].split_whitespace().count()
}

/// Decide whether a single period after `word` (without the period) ends the sentence,
/// given the text that follows the whitespace.
fn period_ends(inner: &Inner, word: &str, after: &str, sentence_words: usize) -> bool {
    let Some(nc) = next_significant(after) else { return true };
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if nc.is_lowercase() {
        return false;
    }
    if w.is_empty() {
        return true;
    }
    let nw = next_word(after);
    if nc.is_ascii_digit() {
        // "No. 2", "Sept. 11", "p. 55", "N°. 1026"
        return !(inner.is_abbreviation(w) || w.ends_with('°'));
    }
    if inner.is_title(w) {
        return false;
    }
    let wc: Vec<char> = w.chars().take(3).collect();
    // a single capital letter: an initial ("George W. Bush"), unless a plain new sentence follows
    if wc.len() == 1 && wc[0].is_uppercase() {
        return is_starter(nw) && nw != "I" && (w == "I" || sentence_words > 2) && !is_initial_context(w);
    }
    let is_acronym = w.contains('.');
    if is_acronym || inner.is_abbreviation(w) {
        let low_time = w.eq_ignore_ascii_case("a.m") || w.eq_ignore_ascii_case("p.m");
        if low_time && nc.is_uppercase() {
            return sentence_words > 4;
        }
        return is_starter(nw);
    }
    true
}

fn is_initial_context(_w: &str) -> bool {
    false
}

fn split(inner: &Inner, p: &str, policy: QuotePolicy, out: &mut Vec<Span>) {
    let mut regions = Vec::new();
    if policy == QuotePolicy::Keep {
        quote_regions(p, &mut regions);
    }
    let markers = list_markers(p);
    let bytes = p.as_bytes();
    let mut start = 0usize;
    let mut region_ix = 0usize;
    let mut marker_ix = 0usize;
    let mut i = 0usize;
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        let seg = &p[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let end = s + seg.trim_end().len();
        if s + lead < end {
            out.push(Span::new(s + lead, end));
        }
    };
    while i < bytes.len() {
        // list items: split before a later list marker
        if marker_ix < markers.len() && markers[marker_ix] == i {
            if i > start && !p[start..i].trim().is_empty() {
                push(out, start, i);
                start = i;
            }
            marker_ix += 1;
        }
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            match p[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // the run of terminal punctuation, with spaced ellipses (". . .")
        let run_start = i;
        let mut j = i;
        let mut dots = 0usize;
        let mut other = false;
        let mut ellipsis_char = false;
        loop {
            let rest = &p[j..];
            match first_char(rest) {
                Some('.') => {
                    dots += 1;
                    j += 1;
                }
                Some(ch @ ('?' | '!' | '‽')) => {
                    other = true;
                    j += ch.len_utf8();
                }
                Some('…') => {
                    ellipsis_char = true;
                    j += '…'.len_utf8();
                }
                Some(' ') if dots > 0 && rest.len() > 1 && rest.as_bytes()[1] == b'.' => {
                    j += 1;
                }
                _ => break,
            }
        }
        // closing quotes and brackets
        let mut k = j;
        while let Some(ch) = first_char(&p[k..]) {
            if is_closer(ch) {
                k += ch.len_utf8();
            } else {
                break;
            }
        }
        i = k.max(i + 1);
        let after_ws = &p[k..];
        let Some(nc) = first_char(after_ws) else { break };
        if !nc.is_whitespace() {
            continue;
        }
        let after = after_ws.trim_start();
        if after.is_empty() {
            break;
        }
        // list marker right after: "1. The first item." handled by markers
        if marker_ix < markers.len() && markers[marker_ix] == run_start {
            continue;
        }
        if markers.iter().any(|&m| m <= run_start && run_start < m + 4 && is_marker_at(p, m, run_start)) {
            continue;
        }
        // inside a closed quotation (keep policy)?
        while region_ix < regions.len() && regions[region_ix].1 <= k {
            region_ix += 1;
        }
        if region_ix < regions.len() && regions[region_ix].0 < run_start && k < regions[region_ix].1 {
            continue;
        }
        let nsig = next_significant(after);
        let ends = if other {
            nsig.is_none_or(|c| !c.is_lowercase())
        } else if ellipsis_char || dots >= 3 {
            let nw = next_word(after);
            let up = nsig.is_some_and(|c| c.is_uppercase());
            if dots >= 4 { up } else { up && nw != "I" }
        } else if dots >= 2 {
            nsig.is_none_or(|c| !c.is_lowercase())
        } else {
            let word = word_before(p, run_start);
            period_ends(inner, word, after, words_between(p, start, run_start))
        };
        if ends {
            push(out, start, k);
            start = k;
        }
    }
    push(out, start, p.len());
}

/// Is there a list marker starting at `m` whose period is at `dot`?
fn is_marker_at(p: &str, m: usize, dot: usize) -> bool {
    p[m..dot].trim_start_matches(['•', '⁃', '-', '*', ' ']).chars().all(|c| c.is_ascii_alphanumeric())
}

/// Byte offsets of list markers after the first in a paragraph that starts with an
/// enumerated list marker ("1.", "1)", "1.)", "a.", "• 9."), when the following items count
/// up from it. The first marker's offset is included at index 0.
fn list_markers(p: &str) -> Vec<usize> {
    let Some((first_val, style, mut pos)) = marker_at(p, 0) else { return Vec::new() };
    let mut out = vec![0];
    let mut want = first_val + 1;
    // look for the next marker with the same style and value `want`, preceded by space
    while pos < p.len() {
        let rest = &p[pos..];
        let mut found = None;
        for (k, c) in rest.char_indices() {
            if c.is_whitespace() || c == '•' || c == '⁃' {
                let at = pos + k + if c.is_whitespace() { c.len_utf8() } else { 0 };
                let at = if c.is_whitespace() { at } else { pos + k };
                if let Some((v, st, e)) = marker_at(p, at) {
                    if v == want && st == style {
                        found = Some((at, e));
                        break;
                    }
                }
            }
        }
        match found {
            Some((at, e)) => {
                out.push(at);
                want += 1;
                pos = e;
            }
            None => break,
        }
    }
    if out.len() < 2 { Vec::new() } else { out }
}

/// A list marker at `at`: (value, style, end offset).
fn marker_at(p: &str, at: usize) -> Option<(u32, u8, usize)> {
    let s = p.get(at..)?;
    let mut off = 0;
    let mut bullet = 0u8;
    let t = s.trim_start_matches(['•', '⁃']);
    if t.len() != s.len() {
        bullet = 1;
        off = s.len() - t.len();
    }
    let t2 = t.trim_start_matches(' ');
    off += t.len() - t2.len();
    let b = t2.as_bytes();
    let (val, n) = if !b.is_empty() && b[0].is_ascii_digit() {
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if n > 2 {
            return None;
        }
        (t2[..n].parse::<u32>().ok()?, n)
    } else if !b.is_empty() && b[0].is_ascii_lowercase() && b.len() > 1 && b[1] == b'.' {
        (u32::from(b[0] - b'a') + 1000, 1)
    } else {
        return None;
    };
    let rest = &b[n..];
    let (style, len) = if rest.starts_with(b".)") {
        (1u8, 2)
    } else if rest.starts_with(b")") {
        (2, 1)
    } else if rest.starts_with(b".") {
        (3, 1)
    } else {
        return None;
    };
    if rest.get(len) != Some(&b' ') {
        return None;
    }
    Some((val, style | (bullet << 4), at + off + n + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_default(t: &str) -> Vec<&str> {
        Segmenter::new().sentences(t).map(|s| s.text).collect()
    }

    #[test]
    fn titles_and_acronyms() {
        assert_eq!(split_default("Mr. Smith met Dr. Jones. They talked."), [
            "Mr. Smith met Dr. Jones.",
            "They talked."
        ]);
        assert_eq!(split_default("I live in the U.S. How about you?"), [
            "I live in the U.S.",
            "How about you?"
        ]);
        assert_eq!(split_default("I work for the U.S. Government in Virginia.").len(), 1);
    }

    #[test]
    fn lists() {
        assert_eq!(split_default("1.) The first item 2.) The second item"), [
            "1.) The first item",
            "2.) The second item"
        ]);
        assert_eq!(split_default("a. The first item b. The second item c. The third list item").len(), 3);
    }

    #[test]
    fn quotes_kept() {
        let t = "The minister said: “Prices will fall. Wages will rise.” Critics disagreed.";
        assert_eq!(split_default(t).len(), 2);
    }
}
