//! Word lists read by the entity clustering only (`attribution/entity.rs`), apart from
//! the word classes the other stages share, so that editing them moves speaker entities
//! but never attribution.

use super::{Fnv, entries, with_folded};
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// A word set with the lexicon's FNV hash (the clustering looks words up per mention;
/// SipHash cost more than the lookups' work), refusing most unlisted words by their
/// first byte and length ([`super::WordList`]).
pub(crate) type WordSet = super::WordList<BuildHasherDefault<Fnv>>;

fn set(data: &'static str) -> WordSet {
    entries(data).collect()
}

/// Is `word`, ASCII-lowercased, in `list`?
pub(crate) fn contains_folded(list: &WordSet, word: &str) -> bool {
    with_folded(word, |w| list.contains(w))
}

/// Heads of public bodies (`the agency` refers back to a named one).
pub(crate) static BODY_HEADS: Lazy<WordSet> = Lazy::new(|| set(include_str!("body_heads.txt")));

/// Heads of news media (`the newspaper` refers back to a named one).
pub(crate) static MEDIA_HEADS: Lazy<WordSet> = Lazy::new(|| set(include_str!("media_heads.txt")));

/// Nouns for a document or a poll that speaks for its maker.
pub(crate) static DOCUMENT_HEADS: Lazy<WordSet> =
    Lazy::new(|| set(include_str!("document_heads.txt")));

/// Capitalised words that make a name an organisation's (beyond `org_words.txt`).
pub(crate) static ORGANISATION_NAME_WORDS: Lazy<WordSet> =
    Lazy::new(|| set(include_str!("organisation_name_words.txt")));

/// Nouns for someone standing for office (`the nominee` is the article's principal).
pub(crate) static CONTENDER_NOUNS: Lazy<WordSet> =
    Lazy::new(|| set(include_str!("contender_nouns.txt")));

/// Modifiers that make a contender someone else (`the vice presidential nominee`).
pub(crate) static OTHER_CONTENDER_WORDS: Lazy<WordSet> =
    Lazy::new(|| set(include_str!("other_contender_words.txt")));

/// Kinds of bodies whose names need not hold the word (`the union`, `the network`).
pub(crate) static BODY_KIND_NOUNS: Lazy<WordSet> =
    Lazy::new(|| set(include_str!("body_kind_nouns.txt")));

/// Kin and household nouns (`Ann Lee's family` is not Ann Lee).
pub(crate) static KIN_NOUNS: Lazy<WordSet> = Lazy::new(|| set(include_str!("kin_nouns.txt")));

/// Abbreviated titles mapped to the role nouns they stand for (`sen` → `senator`).
pub(crate) static TITLE_ROLES: Lazy<HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>>> =
    Lazy::new(|| {
        entries(include_str!("title_roles.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(abbr, role)| (abbr, role.trim()))
            .collect()
    });

/// The lengths of [`TITLE_ROLES`]' abbreviations as bits (bit `n`: some abbreviation has
/// `n` bytes), so that the clustering looks up only words of such a length.
pub(crate) static TITLE_ROLE_LENGTHS: Lazy<u64> = Lazy::new(|| {
    TITLE_ROLES
        .keys()
        .filter(|k| k.len() < 64)
        .fold(0, |bits, k| bits | 1 << k.len())
});

/// Reporting verbs (lemmas) that name the platform they are done on (`tweet` →
/// `Twitter`).
pub(crate) static PLATFORM_VERBS: Lazy<
    HashMap<&'static str, &'static str, BuildHasherDefault<Fnv>>,
> = Lazy::new(|| {
    entries(include_str!("platform_verbs.txt"))
        .filter_map(|l| l.split_once(' '))
        .map(|(lemma, platform)| (lemma, platform.trim()))
        .collect()
});

/// The platform a reporting verb's form names (`tweeted` → `Twitter`), or `None`.
pub(crate) fn platform_of(cue: &str) -> Option<&'static str> {
    let w = cue.trim().to_ascii_lowercase();
    let lemma = super::word_info(&w).lemma.unwrap_or(&w);
    PLATFORM_VERBS.get(lemma).copied()
}

/// Generational suffixes of names (`jr`, `iii`), left out of canonical names.
pub(crate) static GENERATIONAL_SUFFIXES: Lazy<WordSet> =
    Lazy::new(|| set(include_str!("generational_suffixes.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(BODY_HEADS.contains("agency") && MEDIA_HEADS.contains("newspaper"));
        assert!(DOCUMENT_HEADS.contains("poll") && ORGANISATION_NAME_WORDS.contains("league"));
        assert_eq!(TITLE_ROLES.get("sen"), Some(&"senator"));
        assert!(GENERATIONAL_SUFFIXES.contains("jr") && GENERATIONAL_SUFFIXES.contains("iii"));
        // every form of a platform verb names it, in any case; other verbs name none
        assert_eq!(platform_of("tweeted"), Some("Twitter"));
        assert_eq!(platform_of("Tweets"), Some("Twitter"));
        assert_eq!(platform_of("retweeting"), Some("Twitter"));
        assert_eq!(platform_of("said"), None);
        // every abbreviation's length is marked, however long (`congresswoman`)
        for k in TITLE_ROLES.keys() {
            assert!(*TITLE_ROLE_LENGTHS & (1 << k.len()) != 0, "{k}");
        }
    }
}
