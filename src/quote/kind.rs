//! Telling speech from titles, names and scare quotes, by rules a reader can follow.
//!
//! 1. A quotation right after a naming or titling word (`so-called`, `dubbed`, `titled`,
//!    `known as`, `starred in`, `the film`, …; `lexicon/nonspeech_triggers.txt`) is
//!    **not speech**.
//! 2. A quotation of two to six words in Title Case with no punctuation inside (`Face the
//!    Nation`), or a single capitalised word inside a sentence, is a name or title:
//!    **not speech**.
//! 3. A quotation that opens its sentence, follows a colon, or holds a complete sentence
//!    (it ends with `. ? ! ,` inside the marks, or has six words or more starting with a
//!    capital) is **speech**.
//! 4. Anything else is a fragment woven into the sentence: **partial**. (The attribution
//!    stage later turns a partial quotation that no cue governs into not speech.)

use crate::lexicon::{self, NONSPEECH_TRIGGERS};
use crate::quote::{Quote, QuoteKind};
use crate::sentence::scan::is_alnum;

use crate::lexicon::lists::TITLE_SMALL_WORDS as SMALL_WORDS;

/// A quotation this long that starts lowercase is a clause, never a name or a title.
const MIN_CLAUSE_WORDS: usize = 5;

/// How far back [`words_before`] looks. The naming words it tests are short; looking
/// back to the line start made classifying every quotation of a long line quadratic.
const LOOK_BACK: usize = 256;

/// The last one and two words before byte `at`, lowercase-folded, on the same line and
/// within [`LOOK_BACK`] bytes (a word cut by that window is dropped).
fn words_before(text: &str, at: usize) -> (&str, &str) {
    let mut from = at.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..at];
    // read back from `at` to the line's start or the second word: the words are the runs
    // between whitespace, the first run of the window dropped when the window cut it
    let (mut words, mut found) = (["", ""], 0);
    let mut word_end = None;
    let mut line_start = false;
    for (k, c) in head.char_indices().rev() {
        if c.is_whitespace() {
            if let Some(end) = word_end.take() {
                words[found] = &head[k + c.len_utf8()..end];
                found += 1;
                if found == 2 {
                    break;
                }
            }
            if c == '\n' {
                line_start = true;
                break;
            }
        } else if word_end.is_none() {
            word_end = Some(k + c.len_utf8());
        }
    }
    if let Some(end) = word_end {
        // a run that reaches the window's start: whole when the window starts at the
        // text's start or after whitespace
        if found < 2 && !line_start && (from == 0 || text[..from].ends_with(char::is_whitespace)) {
            words[found] = &head[..end];
        }
    }
    let [w1, w2] = words.map(|w| w.trim_matches(|c: char| !is_alnum(c) && c != '-'));
    (w1, w2)
}

fn ends_sentence_like(content: &str) -> bool {
    content.trim_end().ends_with([
        '.', '?', '!', ',', '…', ';', ':', '—', '。', '！', '？', '，',
    ])
}

fn is_title_case(content: &str) -> bool {
    let mut any = false;
    for w in content.split_whitespace() {
        let w = w.trim_matches(|c: char| !is_alnum(c));
        if w.is_empty() {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        // a capital letter or a digit; scripts without case (CJK) have no titles by case
        if !(first.is_uppercase() || first.is_numeric() || SMALL_WORDS.contains(&w)) {
            return false;
        }
        any = true;
    }
    any
}

/// Does the quotation open its sentence (only opening marks or nothing before it on its
/// line since the last sentence end), or follow a colon?
fn opens_sentence(text: &str, at: usize) -> bool {
    // only the whitespace before `at` is read (not the whole line: that was quadratic)
    match text[..at]
        .trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
        .chars()
        .next_back()
    {
        None | Some('\n') => true,
        Some(c) => matches!(c, ':' | '.' | '?' | '!' | '”' | '"'),
    }
}

/// Is the text before `at` a reporting verb followed by a comma or colon (`said, `)?
fn after_reporting_verb(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end();
    let Some(head) = head.strip_suffix([',', ':']) else {
        return false;
    };
    let mut words = head
        .rsplit(|c: char| !is_alnum(c))
        .filter(|w| !w.is_empty());
    let word = words.next().unwrap_or("");
    // "as Ana Ruiz put it, “…”"
    let put_it = word.eq_ignore_ascii_case("it")
        && words
            .next()
            .is_some_and(|w| lexicon::word_info(w).class & lexicon::class::PUT_FORM != 0);
    put_it || lexicon::word_info(word).lemma.is_some()
}

/// Does a naming or titling word stand right before byte `at` (rule 1)?
pub(crate) fn after_trigger(text: &str, at: usize) -> bool {
    // scripts without spaces: the trigger is the text right before the mark
    let before = &text[..at];
    let cjk = before
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_ascii() && c.is_alphabetic());
    if cjk {
        return NONSPEECH_TRIGGERS
            .iter()
            .any(|t| !t.is_ascii() && before.ends_with(t));
    }
    // a sentence ends between the word and the mark: "… of the campaign. “That is …”"
    if before
        .trim_end()
        .ends_with(['.', '!', '?', ';', ':', '。', '！', '？'])
    {
        return false;
    }
    // the last word, or the last two ("so called", "known as"), without allocating
    let (w1, w2) = words_before(text, at);
    if lexicon::contains_folded(&NONSPEECH_TRIGGERS, w1) {
        return true;
    }
    let mut buf = [0u8; 32];
    let n = w2.len() + 1 + w1.len();
    if w2.is_empty() || n > buf.len() {
        return false;
    }
    buf[..w2.len()].copy_from_slice(w2.as_bytes());
    buf[w2.len()] = b' ';
    buf[w2.len() + 1..n].copy_from_slice(w1.as_bytes());
    std::str::from_utf8(&buf[..n])
        .is_ok_and(|two| lexicon::contains_folded(&NONSPEECH_TRIGGERS, two))
}

/// The rules below tell word counts apart up to this many: counting stops there.
const WORDS_TOLD_APART: usize = 7;

/// The words of `content` (whitespace-separated; in scripts written without spaces,
/// Chinese, Japanese, Korean, about two characters a word: half the ideographs when that
/// is more), counted up to [`WORDS_TOLD_APART`]: a long quotation is not read to its end.
/// ASCII bytes are tested without decoding.
fn capped_words(content: &str) -> usize {
    let bytes = content.as_bytes();
    let (mut words, mut ideographs, mut in_word) = (0usize, 0usize, false);
    let mut i = 0;
    while i < bytes.len() {
        // eight ASCII bytes at once: the words that start among them
        if let Some(eight) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            let w = u64::from_le_bytes(w);
            if w & ASCII_HIGH == 0 {
                let space = ascii_spaces(w);
                let prev_space = (space << 8) | if in_word { 0 } else { 0x80 };
                words += (!space & prev_space & ASCII_HIGH).count_ones() as usize;
                if words >= WORDS_TOLD_APART {
                    return WORDS_TOLD_APART;
                }
                in_word = space >> 63 == 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1)
        } else {
            let c = content[i..].chars().next().unwrap_or(' ');
            if matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af) {
                ideographs += 1;
                if ideographs / 2 >= WORDS_TOLD_APART {
                    return WORDS_TOLD_APART;
                }
            }
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
            // the count grows only here and at an ideograph: the cap is tested then
            if words >= WORDS_TOLD_APART {
                return WORDS_TOLD_APART;
            }
        }
        in_word = !space;
        i += len;
    }
    words.max(ideographs / 2)
}

/// The high bit of every byte.
const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` (eight ASCII bytes) that is ASCII whitespace (`\t`,
/// `\n`, `\x0b`, `\x0c`, `\r`, space; the bytes `capped_words` takes for spaces).
/// (No sum carries into the next byte: every byte is below 0x80.)
#[inline(always)]
fn ascii_spaces(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // 0x09 to 0x0d: at least 0x09 and not above 0x0d
    let at_least_tab = w.wrapping_add(ONES * (0x80 - 0x09));
    let above_cr = w.wrapping_add(ONES * (0x7f - 0x0d));
    // a space: its xor with 0x20 is zero, so adding 0x7f leaves the high bit clear
    let not_blank = (w ^ (ONES * 0x20)).wrapping_add(ONES * 0x7f);
    ((at_least_tab & !above_cr) | !not_blank) & ASCII_HIGH
}

/// The content's first letter is a capital.
fn starts_capitalised(content: &str) -> bool {
    content
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The text at byte `end` (right after a closing mark) names an author: an optional
/// comma, then `by` and a capitalised word (`,” by Ana Ruiz`).
fn author_after(text: &str, end: usize) -> bool {
    let rest = text[end..].strip_prefix(',').unwrap_or(&text[end..]);
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    rest.strip_prefix("by ")
        .is_some_and(|name| name.chars().next().is_some_and(char::is_uppercase))
}

pub(crate) fn classify(text: &str, q: &Quote<'_>) -> QuoteKind {
    let content = q.content().text(text);
    let words = capped_words(content);
    // a name or a title starts with a capital or is short: "the campaign “to continue
    // calling out bias and defending ourselves”" is a clause, whatever the word before it
    let clause = words >= MIN_CLAUSE_WORDS
        && content
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    if !clause && after_trigger(text, q.span.start) {
        return QuoteKind::NotSpeech;
    }
    // `tweet-date="…"`: a value of markup left in the text; `"Related:"`: a one-word
    // label, its colon inside the marks
    if text[..q.span.start].ends_with('=') || words == 1 && content.trim_end().ends_with(':') {
        return QuoteKind::NotSpeech;
    }
    // "“Harbour town gets a new ferry,” by Ana Ruiz: …": a capitalised title and its
    // author, a headline or a book, not words spoken
    if !clause && starts_capitalised(content) && author_after(text, q.span.end) {
        return QuoteKind::NotSpeech;
    }
    let opens = opens_sentence(text, q.span.start);
    let punct = ends_sentence_like(content);
    // (a quotation that opens its sentence and ends it inside the marks is a sentence:
    // "… the president added. “We're America.”")
    if q.pieces().len() == 1
        && is_title_case(content)
        && !content.contains(['?', '!'])
        && !(opens && content.trim_end().ends_with('.'))
    {
        // "Face the Nation", "Contract with America": titles and names, not sentences
        let trimmed = content.trim_end_matches(['.', ',']);
        if (2..=6).contains(&words) && !trimmed.contains([',', '.', ':', ';'])
            || (words == 1 && !opens && !punct)
        {
            return QuoteKind::NotSpeech;
        }
    }
    // a capital, or a script without case (CJK) where every clause "starts capitalised"
    let capital = content.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase() && !c.is_ascii()
    });
    // "…, Smith said, “we were floored.”": a quotation right after a reporting verb and a
    // comma or colon is speech, whatever its case
    if words >= 2 && after_reporting_verb(text, q.span.start) {
        return QuoteKind::Speech;
    }
    if q.pieces().len() > 1
        || (opens && (words >= 2 || punct))
        || (punct && words >= 2 && capital)
        || (words >= 6 && capital)
    {
        return QuoteKind::Speech;
    }
    QuoteKind::Partial
}

#[cfg(test)]
mod tests {
    use crate::{QuoteDetector, QuoteKind};

    #[test]
    fn capped_words_is_the_full_count_up_to_the_cap() {
        let full = |t: &str| {
            let ideographs = t
                .chars()
                .filter(
                    |c| matches!(*c as u32, 0x3040..=0x30ff | 0x3400..=0x9fff | 0xac00..=0xd7af),
                )
                .count();
            t.split_whitespace().count().max(ideographs / 2)
        };
        let texts = [
            "",
            "  ",
            "one",
            " one two\tthree\n",
            "a b c d e f g h i j",
            "a\u{a0}b\u{2003}c  d e f",
            "我们会赢的，他说。",
            "我们 会赢的 他说 我们会赢的我们会赢的",
            "x 日本語 y",
            "onetwothreefourfive six",
            "a\x0bb\x0cc\rd\te\nf g",
            "        a",
            "abcdefgh ijklmnop qrstuvwx",
            "a  b  c  d  e  f  g  h",
            "ab cd ef gh 我们会赢 ij",
            "\u{1f}\u{7f}!~ x\u{0e}\u{08}y   ",
        ];
        // and texts of bytes drawn from every kind, at every length and offset
        let pieces = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x08", "\x0e", "\x1f", "!", "\x7f", "a", "Z",
            "9", "\u{a0}", "é", "日",
        ];
        let mut seed = 7u64;
        let mut drawn = Vec::new();
        for _ in 0..2000 {
            let mut t = String::new();
            for _ in 0..(seed >> 60) + 4 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            drawn.push(t);
        }
        for t in texts
            .iter()
            .copied()
            .chain(drawn.iter().map(String::as_str))
        {
            assert_eq!(
                super::capped_words(t),
                full(t).min(super::WORDS_TOLD_APART),
                "{t:?}"
            );
        }
    }

    /// [`super::words_before`] as it was: the window cut at its last newline, split at
    /// whitespace.
    fn words_before_by_split(text: &str, at: usize) -> (&str, &str) {
        use crate::sentence::scan::is_alnum;
        let mut from = at.saturating_sub(super::LOOK_BACK);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut head = &text[from..at];
        if let Some(k) = head.rfind('\n') {
            head = &head[k + 1..];
        } else if from > 0 && !text[..from].ends_with(char::is_whitespace) {
            head = head.trim_start_matches(|c: char| !c.is_whitespace());
        }
        let mut it = head
            .rsplit(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_matches(|c: char| !is_alnum(c) && c != '-'));
        (it.next().unwrap_or(""), it.next().unwrap_or(""))
    }

    #[test]
    fn words_before_reads_back_as_the_split_did() {
        let pieces = [
            " ", "\n", "\u{a0}", "so", "-called", "known", "“", "(", "é", "x.", "\t", "as",
        ];
        let mut seed = 11u64;
        for _ in 0..3000 {
            let mut t = String::new();
            // some texts longer than the window, so that it cuts a word
            let n = if seed >> 62 == 0 {
                140
            } else {
                (seed >> 59) as usize % 12
            };
            for _ in 0..n {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
                assert_eq!(
                    super::words_before(&t, at),
                    words_before_by_split(&t, at),
                    "{t:?} at {at}"
                );
            }
        }
    }

    fn kinds(t: &str) -> Vec<QuoteKind> {
        QuoteDetector::new().quotes(t).map(|q| q.kind).collect()
    }

    #[test]
    fn rules() {
        assert_eq!(
            kinds("He backs the so-called “reform” now."),
            [QuoteKind::NotSpeech]
        );
        assert_eq!(
            kinds("She starred in “Silent River” last year."),
            [QuoteKind::NotSpeech]
        );
        assert_eq!(
            kinds("A man who goes by “Bishop” came."),
            [QuoteKind::NotSpeech]
        );
        assert_eq!(
            kinds("They pledged “strong support” for it."),
            [QuoteKind::Partial]
        );
        assert_eq!(kinds("“We will win,” she said."), [QuoteKind::Speech]);
    }

    #[test]
    fn markup_values_and_one_word_labels_are_not_speech() {
        assert_eq!(
            kinds("<post date=\"March 9, 2016\">The pier opens today.</post>"),
            [QuoteKind::NotSpeech]
        );
        assert_eq!(
            kinds("\"Related:\"\n\nThe pier opens today."),
            [QuoteKind::NotSpeech]
        );
        // a word said alone keeps its kind
        assert_eq!(kinds("“Nonsense!” she said."), [QuoteKind::Speech]);
    }

    #[test]
    fn a_capitalised_title_before_its_author_is_not_speech() {
        assert_eq!(
            kinds("Read more: “Harbour town gets a new ferry, at last,” by Ana Ruiz."),
            [QuoteKind::NotSpeech]
        );
        // a fragment before a lowercase "by" or an agent of a passive stays
        assert_eq!(
            kinds("They were “deeply hurt” by Tom Reyes and his words."),
            [QuoteKind::Partial]
        );
        assert_eq!(
            kinds("“We will win,” by all accounts, was her answer."),
            [QuoteKind::Speech]
        );
    }
}
