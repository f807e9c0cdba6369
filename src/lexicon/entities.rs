//! Word lists read by the entity clustering only (`attribution/entity.rs`), apart from
//! the word classes the other stages share, so that editing them moves speaker entities
//! but never attribution.

use super::{entries, set};
use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};

/// Heads of public bodies (`the agency` refers back to a named one).
pub(crate) static BODY_HEADS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("body_heads.txt")));

/// Heads of news media (`the newspaper` refers back to a named one).
pub(crate) static MEDIA_HEADS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("media_heads.txt")));

/// Nouns for a document or a poll that speaks for its maker.
pub(crate) static DOCUMENT_HEADS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("document_heads.txt")));

/// Capitalised words that make a name an organisation's (beyond `org_words.txt`).
pub(crate) static ORGANISATION_NAME_WORDS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("organisation_name_words.txt")));

/// Kin and household nouns (`Ann Lee's family` is not Ann Lee).
pub(crate) static KIN_NOUNS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("kin_nouns.txt")));

/// Abbreviated titles mapped to the role nouns they stand for (`sen` → `senator`).
pub(crate) static TITLE_ROLES: Lazy<HashMap<&'static str, &'static str>> = Lazy::new(|| {
    entries(include_str!("title_roles.txt"))
        .filter_map(|l| l.split_once(' '))
        .map(|(abbr, role)| (abbr, role.trim()))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(BODY_HEADS.contains("agency") && MEDIA_HEADS.contains("newspaper"));
        assert!(DOCUMENT_HEADS.contains("poll") && ORGANISATION_NAME_WORDS.contains("league"));
        assert_eq!(TITLE_ROLES.get("sen"), Some(&"senator"));
    }
}
