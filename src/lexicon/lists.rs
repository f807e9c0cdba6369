//! Short word lists that one rule each reads, in the order it wrote them (a list, not a
//! set: each is a handful of words, scanned whole). They used to sit inline in the
//! rules; as data files they say where they came from and how to regenerate them, like
//! every list of the lexicon.

use super::entries;
use once_cell::sync::Lazy;

/// A short list of words, in file order.
pub(crate) type WordList = Lazy<Vec<&'static str>>;

fn list(data: &'static str) -> Vec<&'static str> {
    entries(data).collect()
}

/// Determiners the entity clustering strips from a mention (`mention_determiners.txt`).
pub(crate) static MENTION_DETERMINERS: WordList =
    Lazy::new(|| list(include_str!("mention_determiners.txt")));

/// Words that join an organisation's name for the entity clustering, `the` and `&`
/// included (`organisation_joiners.txt`).
pub(crate) static ORGANISATION_JOINERS: WordList =
    Lazy::new(|| list(include_str!("organisation_joiners.txt")));

/// Words that continue a name for the rules' name finder (`name_joiners.txt`).
pub(crate) static NAME_JOINERS: WordList = Lazy::new(|| list(include_str!("name_joiners.txt")));

/// Forms of reporting verbs that are never nouns (`verb_only_forms.txt`).
pub(crate) static VERB_ONLY_FORMS: WordList =
    Lazy::new(|| list(include_str!("verb_only_forms.txt")));

/// Lowercase words a title in quotation marks may hold (`title_small_words.txt`).
pub(crate) static TITLE_SMALL_WORDS: WordList =
    Lazy::new(|| list(include_str!("title_small_words.txt")));

/// Words that disown the quoted term after them, `so-called` (`scare_quote_markers.txt`).
pub(crate) static SCARE_QUOTE_MARKERS: WordList =
    Lazy::new(|| list(include_str!("scare_quote_markers.txt")));

/// Relative pronouns, for the source model (`relative_pronouns.txt`).
pub(crate) static RELATIVE_PRONOUNS: WordList =
    Lazy::new(|| list(include_str!("relative_pronouns.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_as_they_were_inline() {
        // the lists the rules had inline, word for word and in order
        assert_eq!(
            *MENTION_DETERMINERS,
            [
                "the", "a", "an", "another", "his", "her", "their", "its", "this", "that"
            ]
        );
        assert_eq!(
            *ORGANISATION_JOINERS,
            ["of", "and", "for", "on", "the", "&"]
        );
        assert_eq!(*NAME_JOINERS, ["of", "for", "and", "on"]);
        assert_eq!(
            *VERB_ONLY_FORMS,
            [
                "said", "says", "told", "tells", "wrote", "writes", "thought", "found", "shown",
                "learnt", "written"
            ]
        );
        assert_eq!(
            *TITLE_SMALL_WORDS,
            [
                "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"
            ]
        );
        assert_eq!(*SCARE_QUOTE_MARKERS, ["so-called", "so called"]);
        assert_eq!(*RELATIVE_PRONOUNS, ["who", "which", "that", "whose"]);
    }
}
