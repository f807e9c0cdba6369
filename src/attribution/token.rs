//! A light tokenizer: words and single punctuation marks, built once per text. Each word
//! is looked up once in the word lists; the rules then test class flags.

use crate::lexicon::{WordInfo, word_info};

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Word (letters/digits with inner `.'’-&`) or one punctuation char.
    pub word: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Index of the top-level quotation whose content holds this token, or u32::MAX.
    pub quote: u32,
    /// What the word lists say about the word.
    pub info: &'static WordInfo,
    /// Letters and digits in the token (0 for punctuation).
    pub alnum: u32,
}

impl Tok {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub fn in_quote(&self) -> bool {
        self.quote != u32::MAX
    }
    /// Is the word in one of the classes of `flags` (see `lexicon::class`)?
    pub fn has(&self, flags: u32) -> bool {
        self.info.class & flags != 0
    }
    /// The lemma, when the word is a reporting-verb form.
    pub fn lemma(&self) -> Option<&'static str> {
        self.info.lemma
    }
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '&')
}

/// The char at byte `i` (which is on a char boundary) and its length.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Tokenize `text[from..to]`, appending to `out`. ASCII is scanned byte by byte; other
/// characters are decoded one at a time.
pub(crate) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let mut i = from;
    while i < to {
        let (c, n) = char_at(text, i);
        if c.is_whitespace() {
            i += n;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            let mut end = i + n;
            let mut alnum = 1;
            while end < to {
                let (d, m) = char_at(text, end);
                if d.is_alphanumeric() {
                    end += m;
                    alnum += 1;
                } else if inner_joiner(d)
                    && end + m < to
                    && char_at(text, end + m).0.is_alphanumeric()
                {
                    // a joiner only when a letter or digit follows
                    end += m;
                } else {
                    break;
                }
            }
            out.push(Tok {
                start,
                end,
                word: true,
                cap: c.is_uppercase(),
                quote: u32::MAX,
                info: word_info(&text[start..end]),
                alnum,
            });
            i = end;
        } else {
            out.push(Tok {
                start,
                end: start + n,
                word: false,
                cap: false,
                quote: u32::MAX,
                info: word_info(""),
                alnum: 0,
            });
            i += n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punct() {
        let t = "Mr. O'Neil, U.S. co-chair, said: “no.”";
        let mut v = Vec::new();
        tokenize(t, 0, t.len(), &mut v);
        let words: Vec<_> = v.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            words,
            [
                "Mr", ".", "O'Neil", ",", "U.S", ".", "co-chair", ",", "said", ":", "“", "no", ".",
                "”"
            ]
        );
    }
}
