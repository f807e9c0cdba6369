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

/// Tokenize `text[from..to]`, appending to `out`.
pub(crate) fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let s = &text[from..to];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = from + i;
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = from + j + d.len_utf8();
                    it.next();
                } else if inner_joiner(d) {
                    // joiner only when a letter or digit follows
                    let after = s[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(|a| a.is_alphanumeric()) {
                        end = from + j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
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
            });
        } else {
            out.push(Tok {
                start,
                end: start + c.len_utf8(),
                word: false,
                cap: false,
                quote: u32::MAX,
                info: word_info(""),
            });
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
