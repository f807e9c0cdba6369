//! The splitter's view of the word lists: which of the sentence lists (abbreviations,
//! titles, never-final abbreviations, sentence starters, clock-time followers) hold a
//! word, read from the one word table of `lexicon`.

use crate::lexicon::{class, word_info};

/// An abbreviation that takes a period ("Inc", "U.S", "Calif").
pub(crate) const ABBREVIATION: u32 = class::ABBREVIATION;
/// A prepositive title ("Sen", "Dr").
pub(crate) const TITLE: u32 = class::TITLE;
/// An abbreviation that never ends a sentence ("e.g", "vs").
pub(crate) const NONFINAL: u32 = class::NONFINAL;
/// A closed-class word that starts sentences ("The", "He").
pub(crate) const STARTER: u32 = class::STARTER;
/// A word that follows a clock time ("Monday", "ET").
pub(crate) const TIME_FOLLOWER: u32 = class::TIME_FOLLOWER;

const SENTENCE_FLAGS: u32 = ABBREVIATION | TITLE | NONFINAL | STARTER | TIME_FOLLOWER;

/// The sentence-list flags of `word`, compared without ASCII case; no allocation.
#[inline]
pub(crate) fn classes(word: &str) -> u32 {
    word_info(word).class & SENTENCE_FLAGS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon;

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
                assert_ne!(classes(w), 0, "{w}");
            }
        }
    }
}
