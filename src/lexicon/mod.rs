//! Word lists, kept as plain data files beside this module and read through it only.
//!
//! Each file starts with `#` comment lines saying where the list came from; then one
//! entry per line. Entries are lowercase unless the file says otherwise. The lists are
//! compiled into the crate (`include_str!`), parsed once on first use, and shared.

use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};

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

/// Abbreviations that never end a sentence (e.g, i.e, cf, vs).
pub(crate) static NONFINAL_ABBREVIATIONS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("nonfinal_abbreviations.txt")));

/// Words that follow a clock time inside a sentence (weekdays, months, time zones).
pub(crate) static TIME_FOLLOWERS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("time_followers.txt")));

/// Quotation-mark pairs: `open close[|close…] style-name` per line.
pub(crate) const QUOTE_MARKS: &str = include_str!("quote_marks.txt");

/// Words before a quotation that make it a name or title, not speech.
pub(crate) static NONSPEECH_TRIGGERS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("nonspeech_triggers.txt")));

/// Words that begin with an apostrophe without opening a quotation ('90s → "s" is not it;
/// 'em, 'til).
pub(crate) static ELISIONS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("elisions.txt")));

/// Reporting verbs: every inflected form mapped to its lemma.
pub(crate) static REPORTING_VERBS: Lazy<HashMap<&'static str, &'static str>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for line in entries(include_str!("reporting_verbs.txt")) {
        let mut forms = line.split_whitespace();
        if let Some(lemma) = forms.next() {
            m.insert(lemma, lemma);
            for f in forms {
                m.insert(f, lemma);
            }
        }
    }
    m
});

/// Role of a cue phrase in `cue_phrases.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseRole {
    /// Introduces the speaker: "according to X".
    Source,
    /// Names the channel: "in a statement".
    Medium,
}

/// Cue phrases as word sequences, with their role.
pub(crate) static CUE_PHRASES: Lazy<Vec<(PhraseRole, Vec<&'static str>)>> = Lazy::new(|| {
    entries(include_str!("cue_phrases.txt"))
        .filter_map(|line| {
            let (role, phrase) = line.split_once(char::is_whitespace)?;
            let role = match role {
                "source" => PhraseRole::Source,
                "medium" => PhraseRole::Medium,
                _ => return None,
            };
            Some((role, phrase.split_whitespace().collect()))
        })
        .collect()
});

/// Pronouns that can be speakers: word -> (gender m/f/n/x, number s/p).
pub(crate) static PRONOUNS: Lazy<HashMap<&'static str, (u8, u8)>> = Lazy::new(|| {
    entries(include_str!("pronouns.txt"))
        .filter_map(|line| {
            let mut c = line.split_whitespace();
            let w = c.next()?;
            let g = *c.next()?.as_bytes().first()?;
            let n = *c.next()?.as_bytes().first()?;
            Some((w, (g, n)))
        })
        .collect()
});

/// Nouns naming a speaker by role (multi-word entries keep their last word).
pub(crate) static ROLE_NOUNS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    entries(include_str!("role_nouns.txt"))
        .filter_map(|l| l.split_whitespace().last())
        .collect()
});

/// Organisation-name heads and news organisations.
pub(crate) static ORG_WORDS: Lazy<HashSet<&'static str>> =
    Lazy::new(|| set(include_str!("org_words.txt")));

/// Looks `word` up in a lowercase list without allocating: ASCII letters are folded
/// into a stack buffer; words longer than 32 bytes are never in a list.
pub(crate) fn contains_folded(list: &HashSet<&'static str>, word: &str) -> bool {
    with_folded(word, |w| list.contains(w))
}

/// Calls `f` with `word` ASCII-lowercased in a stack buffer (no allocation); words
/// longer than 32 bytes give `false`.
pub(crate) fn with_folded(word: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let b = word.as_bytes();
    if b.len() > 32 || b.is_empty() {
        return false;
    }
    let mut buf = [0u8; 32];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    match std::str::from_utf8(&buf[..b.len()]) {
        Ok(w) => f(w),
        Err(_) => false,
    }
}

/// The lemma of a reporting-verb form, case-folded, without allocating.
pub(crate) fn reporting_lemma(word: &str) -> Option<&'static str> {
    let mut out = None;
    with_folded(word, |w| {
        out = REPORTING_VERBS.get(w).copied();
        out.is_some()
    });
    out
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
        assert_eq!(reporting_lemma("Told"), Some("tell"));
        assert!(
            CUE_PHRASES
                .iter()
                .any(|(r, p)| *r == PhraseRole::Source && p == &["according", "to"])
        );
        assert_eq!(PRONOUNS.get("she"), Some(&(b'f', b's')));
        assert!(ROLE_NOUNS.contains("spokeswoman") && ORG_WORDS.contains("ministry"));
        assert!(contains_folded(&ABBREVIATIONS, "U.S"));
        assert!(!contains_folded(&ABBREVIATIONS, "Senate"));
    }
}
