//! A light tokenizer: words and single punctuation marks, built once per text. Each word
//! is looked up once in the word lists; the rules then test class flags.
//!
//! A token is 16 bytes (u32 offsets, the word's class flags with four flags of its own
//! in the high bits, and its entry in the word table, from which its lemma is read
//! without a second lookup): a text of punctuation has about one token per byte, so the
//! token list is the largest buffer of the pipeline. Offsets fit in u32 because the
//! analyzer hands the rules at most [`MAX_TEXT`] bytes at a time.

use crate::lexicon::{Overlay, class, word_table};
use crate::quote::Quote;
use crate::sentence::scan::is_alnum;
use crate::span::Span;

/// The longest text whose offsets a [`Tok`] can hold.
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

/// Bits of [`Tok::bits`] above the lexicon's classes.
const WORD: u32 = 1 << 31;
const CAP: u32 = 1 << 30;
const REPORTING: u32 = 1 << 29;
const IN_QUOTE: u32 = 1 << 28;
const OWN: u32 = WORD | CAP | REPORTING | IN_QUOTE;

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    lo: u32,
    hi: u32,
    /// The word's class flags (`lexicon::class`) and `WORD`, `CAP`, `REPORTING`,
    /// `IN_QUOTE`.
    bits: u32,
    /// The word's entry in the built-in word table plus one (`lexicon::WordBits::entry`),
    /// 0 for a word in no list and for punctuation: the tokenizer's lookup kept, so that
    /// the lemma is one read, not the word looked up again.
    entry: u32,
}

impl Tok {
    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.lo as usize
    }
    /// Byte offset after the last byte.
    pub fn end(&self) -> usize {
        self.hi as usize
    }
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start()..self.end()]
    }
    /// A word (letters/digits with inner `.'’-&`), not one punctuation char.
    pub fn word(&self) -> bool {
        self.bits & WORD != 0
    }
    /// Starts with an uppercase letter.
    pub fn cap(&self) -> bool {
        self.bits & CAP != 0
    }
    /// Inside a piece of a top-level speech quotation (top-level quotations never
    /// overlap, so the one whose span holds the token is that quotation).
    pub fn in_quote(&self) -> bool {
        self.bits & IN_QUOTE != 0
    }
    pub fn set_in_quote(&mut self) {
        self.bits |= IN_QUOTE;
    }
    /// Inside a piece of the top-level quotation `q`.
    pub fn in_this_quote(&self, q: &Quote<'_>) -> bool {
        self.in_quote() && q.span.start <= self.start() && self.end() <= q.span.end
    }
    /// Is the word in one of the classes of `flags` (see `lexicon::class`)?
    pub fn has(&self, flags: u32) -> bool {
        self.bits & flags & !OWN != 0
    }
    /// In no class of the word lists (a reporting verb may be).
    pub fn unlisted(&self) -> bool {
        self.bits & class::ALL == 0
    }
    /// Can the token start a cue: a reporting-verb form, the first word of a cue phrase
    /// or a form of `put` (`class::PUT_FORM`), outside quotations? One test of its bits
    /// (a punctuation mark has none of them).
    #[inline]
    pub fn may_start_cue(&self) -> bool {
        self.cue_start_bits() != 0
    }
    /// [`Tok::may_start_cue`] as bits, without a branch: the token's cue-start bits,
    /// all cleared inside a quotation (`IN_QUOTE` shifted down to bit 0, minus one, is
    /// all ones outside one and zero inside). Non-zero exactly when it may start a cue.
    #[inline(always)]
    fn cue_start_bits(&self) -> u32 {
        let outside_quote = ((self.bits >> IN_QUOTE.trailing_zeros()) & 1).wrapping_sub(1);
        self.bits & (REPORTING | class::PHRASE_HEAD | class::PUT_FORM) & outside_quote
    }
    /// A reporting-verb form.
    pub fn reporting(&self) -> bool {
        self.bits & REPORTING != 0
    }
    /// The lemma, when the word is a reporting-verb form (a verb an analyzer added is
    /// its own lemma).
    #[inline]
    pub fn lemma<'t>(&self, text: &'t str) -> Option<&'t str> {
        if self.reporting() {
            Some(self.listed_lemma().unwrap_or_else(|| self.text(text)))
        } else {
            None
        }
    }

    /// The lemma the built-in lists give the reporting-verb form: read by the entry the
    /// tokenizer found for the word, not looked up again.
    #[inline]
    fn listed_lemma(&self) -> Option<&'static str> {
        word_table().lemma_of_entry(self.entry)
    }
}

/// The index in `toks` of the first token that may start a cue ([`Tok::may_start_cue`]).
/// Most tokens cannot, so four at a time are tested together, their bits or-ed without a
/// branch per token; only a group with a candidate in it is searched token by token.
#[inline]
pub(crate) fn first_cue_start(toks: &[Tok]) -> Option<usize> {
    let mut groups = toks.chunks_exact(4);
    let mut at = 0;
    for g in &mut groups {
        let any = g[0].cue_start_bits()
            | g[1].cue_start_bits()
            | g[2].cue_start_bits()
            | g[3].cue_start_bits();
        if any != 0 {
            return g.iter().position(Tok::may_start_cue).map(|k| at + k);
        }
        at += 4;
    }
    groups
        .remainder()
        .iter()
        .position(Tok::may_start_cue)
        .map(|k| at + k)
}

/// The index of the first of `toks` (in text order) that starts at or after byte `at`
/// (`toks.len()` when none does).
pub(crate) fn first_at_or_after(toks: &[Tok], at: usize) -> usize {
    toks.partition_point(|t| t.start() < at)
}

/// The bytes of tokens `[first, end)` of `toks` (`first < end`).
pub(crate) fn span_of(toks: &[Tok], first: usize, end: usize) -> Span {
    Span::new(toks[first].start(), toks[end - 1].end())
}

#[cfg(test)]
fn inner_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&')
}

/// Does the tokenizer read `c` as a space? Unicode whitespace, and the invisible
/// zero-width characters (zero-width space U+200B, word joiner U+2060, zero-width
/// no-break space U+FEFF) that copy-and-paste leaves beside names: they are no
/// punctuation, and a token of their own would end the name they sit in.
#[inline]
fn reads_as_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// The char at byte `i` (which is on a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Byte classes of [`BYTE_CLASS`]: ASCII whitespace, ASCII letters and digits, the ASCII
/// inner joiners (`.`, `'`, `-`, `&`), and bytes of non-ASCII chars; any other ASCII byte
/// is a punctuation mark (class 0).
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const JOINER: u8 = 4;
const NON_ASCII: u8 = 8;

/// The class of every byte, so that ASCII text is tokenized with one table load per byte
/// (`char::is_whitespace`, `is_alnum` and `inner_joiner` on the ASCII chars).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'.' | b'\'' | b'-' | b'&') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The 0x20 bit of every byte: or-ed into ASCII letters and digits, it lowercases the
/// letters and leaves the digits as they are (the word table's fold of such bytes).
const FOLD: u64 = 0x2020_2020_2020_2020;

/// The number of ASCII letters and digits that `w` (eight bytes, little-endian) starts
/// with, all eight tested at once. (A byte of 0x80 or above stops the run; the sums of
/// such a byte may carry into the bytes above it, which are past the run's end.)
#[inline(always)]
fn alnum_run(w: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // the high bit of each byte (all below 0x80): the byte is in `lo..=hi`
    let within = |x: u64, lo: u8, hi: u8| {
        let at_least_lo = x.wrapping_add(ONES * u64::from(0x80 - lo));
        let above_hi = x.wrapping_add(ONES * u64::from(0x7f - hi));
        at_least_lo & !above_hi & HIGH
    };
    // `| 0x20` maps exactly the capitals onto the small letters
    let alnum = (within(w | (ONES * 0x20), b'a', b'z') | within(w, b'0', b'9')) & !w;
    ((!alnum & HIGH).trailing_zeros() / 8) as usize
}

/// Is the char at byte `i` (< `text.len()`) a letter or digit?
#[inline]
fn alnum_at(text: &str, i: usize) -> bool {
    match BYTE_CLASS[usize::from(text.as_bytes()[i])] {
        ALNUM => true,
        NON_ASCII => is_alnum(char_at(text, i).0),
        _ => false,
    }
}

/// One token found by [`next_token`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    /// The first char.
    first: char,
    /// Letters and digits (0 for a punctuation mark).
    alnum: u32,
}

/// The next token of `text[i..to]`, or `None` when only whitespace is left. A word is a
/// run of letters and digits, with inner joiners (`.`, `'`, `’`, `-`, `&`) between two of
/// them; any other char that is not whitespace is a token of its own. ASCII bytes are
/// classified by one table load; other chars are decoded one at a time.
#[inline(always)]
fn next_token(text: &str, mut i: usize, to: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let punct = |start: usize, len: usize, first: char| Found {
        start,
        end: start + len,
        first,
        alnum: 0,
    };
    while i < to {
        let b = bytes[i];
        let (first, len) = match BYTE_CLASS[usize::from(b)] {
            SPACE => {
                i += 1;
                continue;
            }
            ALNUM => (b as char, 1),
            NON_ASCII => {
                let (c, len) = char_at(text, i);
                if reads_as_space(c) {
                    i += len;
                    continue;
                }
                if !is_alnum(c) {
                    return Some(punct(i, len, c));
                }
                (c, len)
            }
            _ => return Some(punct(i, 1, b as char)),
        };
        let mut end = i + len;
        let mut alnum = 1u32;
        while end < to {
            // eight ASCII bytes at a time while they are letters and digits
            if let Some(eight) = bytes.get(end..end + 8).filter(|_| end + 8 <= to) {
                let mut w = [0u8; 8];
                w.copy_from_slice(eight);
                let run = alnum_run(u64::from_le_bytes(w));
                end += run;
                alnum += run as u32;
                if run == 8 {
                    continue;
                }
            }
            let d = bytes[end];
            match BYTE_CLASS[usize::from(d)] {
                ALNUM => {
                    end += 1;
                    alnum += 1;
                }
                // a joiner only when a letter or digit follows
                JOINER if end + 1 < to && alnum_at(text, end + 1) => end += 1,
                NON_ASCII => {
                    let (d, m) = char_at(text, end);
                    if is_alnum(d) {
                        alnum += 1;
                    } else if !(d == '’' && end + m < to && alnum_at(text, end + m)) {
                        break;
                    }
                    end += m;
                }
                _ => break,
            }
        }
        return Some(Found {
            start: i,
            end,
            first,
            alnum,
        });
    }
    None
}

/// Tokenize `text[from..to]` (`to <= MAX_TEXT`), appending to `out`, and to `cum` the
/// letters and digits of all tokens so far after each token (`cum` starts with one
/// entry; sums wrap, their differences are exact). ASCII is scanned byte by byte; other
/// characters are decoded one at a time. Each word is classified once, by the built-in
/// lists and then by the analyzer's own additions, `extra`.
pub(crate) fn tokenize(
    text: &str,
    from: usize,
    to: usize,
    extra: &Overlay,
    out: &mut Vec<Tok>,
    cum: &mut Vec<u32>,
) {
    debug_assert!(to <= MAX_TEXT);
    let mut n = cum.last().copied().unwrap_or(0);
    let mut i = from;
    let any_extra = !extra.is_empty();
    let words = word_table();
    let bytes = text.as_bytes();
    loop {
        // the common token first: an ASCII word of at most seven bytes that ends at an
        // ASCII byte it cannot go on past (whitespace, punctuation, a joiner before no
        // letter or digit): its eight bytes, loaded once, give both its end and its
        // key in the word table
        // (the eight bytes may reach past `to`, into the rest of the text: a word is
        // cut at `to`, so that the last words of a sentence take this path too)
        if let Some(eight) = bytes.get(i..i + 8).filter(|_| i < to) {
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            let w = u64::from_le_bytes(w);
            let first = w as u8;
            match BYTE_CLASS[usize::from(first)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                ALNUM => {
                    let run = alnum_run(w).min(to - i);
                    if run == 8 && i + 16 <= to {
                        // a word of nine to fifteen bytes: the next eight bytes likewise
                        let mut next = [0u8; 8];
                        next.copy_from_slice(&bytes[i + 8..i + 16]);
                        let high = u64::from_le_bytes(next);
                        let more = alnum_run(high);
                        let len = 8 + more;
                        if more < 8 && stops_word(text, i + len, to) {
                            let after = BYTE_CLASS[usize::from(bytes[i + len])];
                            // (every byte a letter or a digit: `| 0x20` folds it)
                            let high = (high | FOLD) & ((1u64 << (8 * more)) - 1);
                            let info = if more == 0 {
                                words.bits_of_short_alnum(8, w | FOLD)
                            } else {
                                words.bits_of_two_alnum(len, w | FOLD, high)
                            };
                            let mut bits = WORD | info.class;
                            if first.is_ascii_uppercase() {
                                bits |= CAP;
                            }
                            if info.reporting {
                                bits |= REPORTING;
                            }
                            if any_extra {
                                bits |= added_bits(extra, &text[i..i + len]);
                            }
                            out.push(Tok {
                                lo: i as u32,
                                hi: (i + len) as u32,
                                bits,
                                entry: info.entry,
                            });
                            n = n.wrapping_add(len as u32);
                            cum.push(n);
                            // the space after the word starts no token: passed over here
                            i += len + usize::from(after == SPACE);
                            continue;
                        }
                    }
                    if run < 8 {
                        // a word that reaches `to` ends there, whatever follows it (and
                        // the byte after it, past `to`, is not passed over: no SPACE)
                        let at_end = i + run == to;
                        let after = if at_end {
                            0
                        } else {
                            BYTE_CLASS[usize::from(bytes[i + run])]
                        };
                        let stop = match after {
                            SPACE | 0 => true,
                            JOINER => !(i + run + 1 < to && alnum_at(text, i + run + 1)),
                            _ => false,
                        };
                        if stop {
                            let info = words
                                .bits_of_short_alnum(run, (w | FOLD) & ((1u64 << (8 * run)) - 1));
                            let mut bits = WORD | info.class;
                            if first.is_ascii_uppercase() {
                                bits |= CAP;
                            }
                            if info.reporting {
                                bits |= REPORTING;
                            }
                            if any_extra {
                                bits |= added_bits(extra, &text[i..i + run]);
                            }
                            out.push(Tok {
                                lo: i as u32,
                                hi: (i + run) as u32,
                                bits,
                                entry: info.entry,
                            });
                            n = n.wrapping_add(run as u32);
                            cum.push(n);
                            i += run + usize::from(after == SPACE);
                            continue;
                        }
                    }
                }
                // an ASCII punctuation mark (a joiner too, where no word goes on): a
                // token of its own, of no class and no letters
                0 | JOINER => {
                    out.push(Tok {
                        lo: i as u32,
                        hi: (i + 1) as u32,
                        bits: 0,
                        entry: 0,
                    });
                    cum.push(n);
                    // (a space past `to` may be passed over too: `i` is then past `to`,
                    // and the loop ends)
                    i += 1 + usize::from(BYTE_CLASS[usize::from(bytes[i + 1])] == SPACE);
                    continue;
                }
                _ => {}
            }
        }
        let Some(Found {
            start,
            end,
            first: c,
            alnum,
        }) = next_token(text, i, to)
        else {
            break;
        };
        let (bits, entry) = if alnum == 0 {
            (0, 0)
        } else {
            let info = words.bits_in(text, start, end);
            let mut bits = WORD | info.class;
            let capitalised = if c.is_ascii() {
                c.is_ascii_uppercase()
            } else {
                c.is_uppercase()
            };
            if capitalised {
                bits |= CAP;
            }
            if info.reporting {
                bits |= REPORTING;
            }
            if any_extra {
                bits |= added_bits(extra, &text[start..end]);
            }
            (bits, info.entry)
        };
        out.push(Tok {
            lo: start as u32,
            hi: end as u32,
            bits,
            entry,
        });
        n = n.wrapping_add(alnum);
        cum.push(n);
        i = end;
    }
}

/// Does a word of ASCII letters and digits that reaches byte `at` (< `to`, an ASCII
/// byte that is not one) end there? At whitespace and punctuation; at a joiner that no
/// letter or digit follows. A non-ASCII char is left to [`next_token`].
#[inline(always)]
fn stops_word(text: &str, at: usize, to: usize) -> bool {
    match BYTE_CLASS[usize::from(text.as_bytes()[at])] {
        SPACE | 0 => true,
        JOINER => !(at + 1 < to && alnum_at(text, at + 1)),
        _ => false,
    }
}

/// The bits the analyzer's own additions give `word`.
#[inline(never)]
fn added_bits(extra: &Overlay, word: &str) -> u32 {
    match extra.get(word) {
        Some(added) if added.reporting => added.class | REPORTING,
        Some(added) => added.class,
        None => 0,
    }
}

/// `text[from..to]` cut into pieces of `every` tokens (the last one shorter), each from
/// its first token's start to its last token's end: the pieces [`tokenize`] would give
/// tokens `0..every`, `every..2 * every`, … Looks up no word.
pub(crate) fn token_pieces(text: &str, from: usize, to: usize, every: usize, out: &mut Vec<Span>) {
    let every = every.max(1);
    let (mut i, mut count, mut piece) = (from, 0, Span::new(from, from));
    while let Some(Found { start, end, .. }) = next_token(text, i, to) {
        if count % every == 0 {
            if count > 0 {
                out.push(piece);
            }
            piece = Span::new(start, end);
        }
        piece.end = end;
        count += 1;
        i = end;
    }
    if count > 0 {
        out.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{word_info, word_info_in};

    /// The grouped search finds what a search token by token finds, from every start
    /// (groups of four and the remainder), also past tokens inside a quotation.
    #[test]
    fn first_cue_start_is_the_first_token_that_may_start_one() {
        let t = "The board, as they put it, said “we said so” and noted, according to her, \
                 that it told everyone; officials say more.";
        let (mut v, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &Overlay::default(), &mut v, &mut cum);
        for tok in &mut v[6..12] {
            tok.set_in_quote();
        }
        assert!(v.iter().any(Tok::may_start_cue));
        for from in 0..=v.len() {
            for to in from..=v.len() {
                let toks = &v[from..to];
                assert_eq!(
                    first_cue_start(toks),
                    toks.iter().position(Tok::may_start_cue),
                    "tokens {from}..{to}"
                );
            }
        }
    }

    #[test]
    fn words_and_punct() {
        let t = "Mr. O'Neil, U.S. co-chair, said: “no.”";
        let (mut v, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &Overlay::default(), &mut v, &mut cum);
        let words: Vec<_> = v.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "Mr", ".", "O'Neil", ",", "U.S", ".", "co-chair", ",", "said", ":", "“", "no", ".",
                "”"
            ]
        );
        assert_eq!(cum.len(), v.len() + 1);
        assert_eq!(cum[v.len()], 22); // Mr O Neil U S co chair said no
        assert!(v[8].reporting() && v[8].lemma(t) == Some("say") && !v[8].cap());
        assert!(v[0].word() && v[0].cap() && !v[1].word());
    }

    #[test]
    fn pieces_follow_the_tokens() {
        let t = "  Mr. O'Neil, “U.S.” co-chair said: no.  ";
        let (mut v, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &Overlay::default(), &mut v, &mut cum);
        for every in 1..=v.len() + 1 {
            let mut pieces = Vec::new();
            token_pieces(t, 0, t.len(), every, &mut pieces);
            let want: Vec<Span> = v
                .chunks(every)
                .map(|c| Span::new(c[0].start(), c[c.len() - 1].end()))
                .collect();
            assert_eq!(pieces, want, "every {every}");
        }
        let mut none = Vec::new();
        token_pieces(t, 0, 2, 3, &mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn added_words_join_the_classes() {
        let t = "Councillor Ng harrumphed that bins matter";
        let mut extra = Overlay::default();
        extra.add("councillor", class::TITLE, false);
        extra.add("Harrumphed", 0, true);
        let (mut v, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &extra, &mut v, &mut cum);
        assert!(v[0].has(class::TITLE) && !v[1].has(class::TITLE));
        assert!(v[2].reporting() && v[2].lemma(t) == Some("harrumphed"));
        let (mut plain, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &Overlay::default(), &mut plain, &mut cum);
        assert!(!plain[0].has(class::TITLE) && !plain[2].reporting());
    }

    /// The tokenizer as it was before the byte table: char by char.
    fn next_token_by_chars(
        text: &str,
        mut i: usize,
        to: usize,
    ) -> Option<(usize, usize, char, u32)> {
        while i < to {
            let (c, len) = char_at(text, i);
            if reads_as_space(c) {
                i += len;
                continue;
            }
            if !is_alnum(c) {
                return Some((i, i + len, c, 0));
            }
            let mut end = i + len;
            let mut alnum = 1u32;
            while end < to {
                let (d, m) = char_at(text, end);
                if is_alnum(d) {
                    end += m;
                    alnum += 1;
                } else if inner_joiner(d) && end + m < to && is_alnum(char_at(text, end + m).0) {
                    end += m;
                } else {
                    break;
                }
            }
            return Some((i, end, c, alnum));
        }
        None
    }

    #[test]
    fn alnum_run_counts_the_leading_letters_and_digits() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"aZ09zA9q";
                eight[at] = b;
                let want = eight
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(alnum_run(u64::from_le_bytes(eight)), want, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn zero_width_characters_read_as_spaces() {
        for zero_width in ['\u{200b}', '\u{2060}', '\u{feff}'] {
            let text = format!("Vera{zero_width} Lindqvist{zero_width}Moe");
            let mut words = Vec::new();
            let mut i = 0;
            while let Some(found) = next_token(&text, i, text.len()) {
                words.push(&text[found.start..found.end]);
                i = found.end;
            }
            assert_eq!(words, ["Vera", "Lindqvist", "Moe"], "{zero_width:?}");
        }
    }

    #[test]
    fn byte_table_agrees_with_the_char_tests() {
        for b in 0..128u8 {
            let c = b as char;
            let want = if c.is_whitespace() {
                SPACE
            } else if is_alnum(c) {
                ALNUM
            } else if inner_joiner(c) {
                JOINER
            } else {
                0
            };
            assert_eq!(BYTE_CLASS[usize::from(b)], want, "{b:#x}");
        }
    }

    #[test]
    fn same_tokens_as_char_by_char() {
        // every sequence of three of these pieces, cut at every end
        let pieces = [
            "a",
            "Z9",
            ".",
            "'",
            "’",
            "-",
            "&",
            " ",
            "\u{a0}",
            "é",
            "“",
            "—",
            "\n",
            "x.",
            ".y",
            "日本",
            "\u{2003}",
            "\u{200b}",
            "!",
            "ª",
            "Said",
            "the",
            "Abcdefghij9",
        ];
        for p in pieces {
            for q in pieces {
                for r in pieces {
                    let text = format!("{p}{q}{r}{p}");
                    for to in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                        let (mut i, mut j) = (0, 0);
                        loop {
                            let got = next_token(&text, i, to);
                            let want = next_token_by_chars(&text, j, to);
                            let got_tuple = got.map(|f| (f.start, f.end, f.first, f.alnum));
                            assert_eq!(got_tuple, want, "{text:?} to {to}");
                            match got {
                                Some(f) => {
                                    if f.alnum > 0 {
                                        let word = &text[f.start..f.end];
                                        assert_eq!(
                                            word_info_in(&text, f.start, f.end) as *const _,
                                            word_info(word) as *const _,
                                            "{word:?}"
                                        );
                                    }
                                    (i, j) = (f.end, f.end);
                                }
                                None => break,
                            }
                        }
                    }
                }
            }
        }
    }

    /// [`tokenize`] with its short-word path gives the tokens of [`next_token`] with the
    /// bits of [`word_info`], at every start and end.
    #[test]
    fn tokenize_is_next_token_with_the_word_classes() {
        let text = "Said the U.S. co-chair, 'no' -- O'Neil's & them.. SAID: x.y 9am. \
                    “Quoted,” she told; él dijo—así— Abcdefgh Abcdefg Abcdefghi said.’ \
                    according to... the said’s Spokeswoman, ADMINISTRATION spokespeople \
                    Abcdefghijklmno. Abcdefghijklmnop abcdefghijklmnopq 123456789012345’s \
                    administration’s end";
        for from in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
            for to in [text.len(), text.len() - 3, from + (text.len() - from) / 2] {
                if to < from || !text.is_char_boundary(to) {
                    continue;
                }
                let (mut got, mut cum) = (Vec::new(), vec![0]);
                tokenize(text, from, to, &Overlay::default(), &mut got, &mut cum);
                let (mut want, mut want_cum, mut i, mut n) = (Vec::new(), vec![0], from, 0u32);
                while let Some(f) = next_token(text, i, to) {
                    let (bits, entry) = if f.alnum == 0 {
                        (0, 0)
                    } else {
                        let info = word_info(&text[f.start..f.end]);
                        let cap = if f.first.is_uppercase() { CAP } else { 0 };
                        let rep = if info.lemma.is_some() { REPORTING } else { 0 };
                        let entry = word_table().bits_in(text, f.start, f.end).entry;
                        (WORD | info.class | cap | rep, entry)
                    };
                    want.push(Tok {
                        lo: f.start as u32,
                        hi: f.end as u32,
                        bits,
                        entry,
                    });
                    n += f.alnum;
                    want_cum.push(n);
                    i = f.end;
                }
                assert_eq!(got, want, "{from}..{to}");
                assert_eq!(cum, want_cum, "{from}..{to}");
            }
        }
    }

    /// A range that ends inside a word, or before a space, a joiner or a mark, with
    /// text after it: [`tokenize`] reads eight bytes past its end and still cuts there,
    /// as [`next_token`] does (every start and every end of a short text).
    #[test]
    fn tokenize_cuts_at_the_end_of_its_range() {
        let text = "He said. U.S. co-chair's “no”, Abcdefghij said: x—y Said  the’s end.";
        let ends = || (0..=text.len()).filter(|&k| text.is_char_boundary(k));
        for from in ends() {
            for to in ends().filter(|&to| to >= from) {
                let (mut got, mut cum) = (Vec::new(), vec![0]);
                tokenize(text, from, to, &Overlay::default(), &mut got, &mut cum);
                let (mut i, mut n) = (from, 0u32);
                let mut k = 0;
                while let Some(f) = next_token(text, i, to) {
                    let t = got[k];
                    assert_eq!((t.start(), t.end()), (f.start, f.end), "{from}..{to}");
                    let word = &text[f.start..f.end];
                    assert_eq!(t.word(), f.alnum > 0, "{word:?} {from}..{to}");
                    if f.alnum > 0 {
                        let info = word_info(word);
                        assert_eq!(t.bits & class::ALL, info.class & class::ALL, "{word:?}");
                        assert_eq!(t.listed_lemma(), info.lemma, "{word:?}");
                    }
                    n += f.alnum;
                    k += 1;
                    assert_eq!(cum[k], n, "{from}..{to}");
                    i = f.end;
                }
                assert_eq!(got.len(), k, "{from}..{to}");
            }
        }
    }

    #[test]
    fn cue_starts_are_one_bit_test() {
        let t = "As the clerk PUT it, “puts” According to Puts, she Said: putt.";
        let (mut v, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &Overlay::default(), &mut v, &mut cum);
        // the quoted form is inside a quotation once the analyzer marks it so; `as`
        // heads cue phrases
        v[7].set_in_quote();
        let starts: Vec<&str> = v
            .iter()
            .filter(|k| k.may_start_cue())
            .map(|k| k.text(t))
            .collect();
        assert_eq!(starts, ["As", "PUT", "According", "Puts", "Said"]);
    }

    #[test]
    fn sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Tok>(), 16);
    }

    /// The lemma read by the token's entry is the one a lookup of its word gives, for
    /// every token of a text (listed forms, unlisted words, punctuation, any case).
    #[test]
    fn lemma_by_entry_is_the_word_lookup() {
        let t = "Officials SAID, as she told reporters: “we'll announce it”; he Says-so,                  according to notes, and argued—denied—stated confirms él dijo 123 xyz.";
        let (mut v, mut cum) = (Vec::new(), vec![0]);
        tokenize(t, 0, t.len(), &Overlay::default(), &mut v, &mut cum);
        let mut lemmas = 0;
        for tok in &v {
            let want = word_info(tok.text(t)).lemma;
            assert_eq!(tok.listed_lemma(), want, "{:?}", tok.text(t));
            lemmas += usize::from(want.is_some());
        }
        assert!(lemmas >= 6, "{lemmas} lemmas");
    }

    #[test]
    fn own_bits_clear_of_the_classes() {
        assert_eq!(class::ALL & OWN, 0);
        assert_eq!(class::TIME_FOLLOWER & !class::ALL, 0);
    }
}
