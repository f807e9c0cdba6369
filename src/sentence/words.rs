//! One fast lookup for everything the splitter needs to know about a word: which of the
//! sentence word lists (abbreviations, titles, never-final abbreviations, sentence
//! starters, clock-time followers) hold it. Built once from the lexicon lists.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

use crate::lexicon;

/// An abbreviation that takes a period ("Inc", "U.S", "Calif").
pub(crate) const ABBREVIATION: u8 = 1;
/// A prepositive title ("Sen", "Dr").
pub(crate) const TITLE: u8 = 2;
/// An abbreviation that never ends a sentence ("e.g", "vs").
pub(crate) const NONFINAL: u8 = 4;
/// A closed-class word that starts sentences ("The", "He").
pub(crate) const STARTER: u8 = 8;
/// A word that follows a clock time ("Monday", "ET").
pub(crate) const TIME_FOLLOWER: u8 = 16;

/// A small multiply-rotate hasher for short keys (the lists are fixed, so no
/// flooding concern).
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        let rem = chunks.remainder();
        last[..rem.len()].copy_from_slice(rem);
        self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(last) ^ ((rem.len() as u64) << 59))
            .wrapping_mul(K);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type Classes = HashMap<&'static [u8], u8, BuildHasherDefault<WordHasher>>;

static CLASSES: Lazy<Classes> = Lazy::new(|| {
    let mut m = Classes::default();
    let lists = [
        (&*lexicon::ABBREVIATIONS, ABBREVIATION),
        (&*lexicon::TITLES, TITLE),
        (&*lexicon::NONFINAL_ABBREVIATIONS, NONFINAL),
        (&*lexicon::SENTENCE_STARTERS, STARTER),
        (&*lexicon::TIME_FOLLOWERS, TIME_FOLLOWER),
    ];
    for (list, flag) in lists {
        for w in list {
            *m.entry(w.as_bytes()).or_insert(0) |= flag;
        }
    }
    m
});

/// Longest entry of any list (longer words are in none).
const MAX_LEN: usize = 32;

/// The list flags of `word`, compared without ASCII case; no allocation.
#[inline]
pub(crate) fn classes(word: &str) -> u8 {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > MAX_LEN {
        return 0;
    }
    let mut buf = [0u8; MAX_LEN];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    CLASSES.get(&buf[..b.len()]).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_match_the_lists() {
        assert_eq!(classes("Sen") & TITLE, TITLE);
        assert_eq!(classes("U.S") & ABBREVIATION, ABBREVIATION);
        assert_eq!(classes("E.G") & NONFINAL, NONFINAL);
        assert_eq!(classes("The"), STARTER);
        assert_ne!(classes("monday") & TIME_FOLLOWER, 0);
        assert_eq!(classes("Senate"), 0);
        assert_eq!(classes(""), 0);
        assert_eq!(classes(&"x".repeat(100)), 0);
        for list in [
            &*lexicon::ABBREVIATIONS,
            &*lexicon::TITLES,
            &*lexicon::SENTENCE_STARTERS,
        ] {
            for w in list {
                assert!(w.len() <= MAX_LEN, "{w} is longer than MAX_LEN");
                assert_ne!(classes(w), 0);
            }
        }
    }
}
