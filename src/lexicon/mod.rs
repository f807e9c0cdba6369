//! Word lists, kept as plain data files beside this module and read through it only.
//!
//! Each file starts with `#` comment lines saying where the list came from; then one
//! entry per line. Entries are lowercase unless the file says otherwise. The lists are
//! compiled into the crate (`include_str!`), parsed once on first use, and shared.

use once_cell::sync::Lazy;
use std::collections::HashSet;

/// Entries of a list file: non-empty lines that are not `#` comments, trimmed.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(data: &'static str) -> HashSet<&'static str> {
    entries(data).collect()
}

/// Abbreviations that take a period (lowercase, final period removed).
pub(crate) static ABBREVIATIONS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("abbreviations.txt")));

/// Prepositive titles (a name always follows).
pub(crate) static TITLES: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("titles.txt")));

/// Closed-class words that start sentences.
pub(crate) static SENTENCE_STARTERS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("sentence_starters.txt")));

/// Looks `word` up in a lowercase list without allocating: ASCII letters are folded
/// into a stack buffer; words longer than 32 bytes are never in a list.
pub(crate) fn contains_folded(list: &HashSet<&'static str>, word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() > 32 || b.is_empty() {
        return false;
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    match std::str::from_utf8(&buf[..b.len()]) {
        Ok(w) => list.contains(w),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_are_lowercase() {
        for list in [&*ABBREVIATIONS, &*TITLES, &*SENTENCE_STARTERS] {
            assert!(!list.is_empty());
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "entries are lowercase: {w}");
                assert!(!w.contains(char::is_whitespace));
            }
        }
        assert!(contains_folded(&TITLES, "Sen"));
        assert!(contains_folded(&ABBREVIATIONS, "U.S"));
        assert!(!contains_folded(&ABBREVIATIONS, "Senate"));
    }
}
