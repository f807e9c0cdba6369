//! Clustering speaker mentions into entities and naming them.
//!
//! * A proper name (`Chinese President Xi Jinping`) loses its titles and role words
//!   (`Xi Jinping`); names join an entity when one's words are a subset of the other's
//!   (`Xi`, `Mr. Xi`).
//! * A role mention (`the president`, `the Chinese leader`) joins the most recent person
//!   whose mentions contain one of its words (`President`, `Chinese`).
//! * A pronoun joins the nearest preceding person (any named person in the text, not only
//!   speakers) of a compatible gender; `they` may also join an organisation or group.
//! * The canonical name is the fullest proper name seen.

use crate::attribution::vocabulary::{Vocabulary, WordId, WordIdSet, hash_of};
use crate::attribution::{Attribution, EntityKind, Gender, MentionKind, Speaker};
use crate::lexicon::entities::{
    self, BODY_HEADS, BODY_KIND_NOUNS, CONTENDER_NOUNS, DOCUMENT_HEADS, GENERATIONAL_SUFFIXES,
    KIN_NOUNS, MEDIA_HEADS, ORGANISATION_NAME_WORDS, OTHER_CONTENDER_WORDS, TITLE_ROLE_LENGTHS,
    TITLE_ROLES,
};
use crate::lexicon::lists::{
    FEMALE_TITLES, MALE_TITLES, MENTION_DETERMINERS, OBJECT_PRONOUNS, ORGANISATION_JOINERS,
};
use crate::lexicon::{self, PRONOUNS};
use crate::sentence::scan::is_alnum;
use crate::span::Span;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;

/// How many of the most recently mentioned entities a name or a role is matched
/// against. Searching them all was quadratic in long texts; an article never has this
/// many speakers and names between two mentions of one person.
const LOOK_BACK: usize = 512;

/// How many of the most recent entities a pronoun looks back over for one that fits
/// (person, gender, number).
const PRONOUN_LOOK_BACK: usize = 8;

/// Is `gap` (the text between an entity's mention and a relative `who`) only a comma,
/// spaces and at most one short parenthesis (`Ana Ruiz (D-Calif.), who`)?
fn relative_gap(gap: &str) -> bool {
    let rest = gap.trim_start();
    let rest = match rest.strip_prefix('(') {
        Some(r) => match r.find(')') {
            Some(k) if k < 40 => &r[k + 1..],
            _ => return false,
        },
        None => rest,
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    rest.trim().is_empty()
}

/// Entities in order of their last mention, as a doubly linked list over entity
/// indices: moving one to the front is O(1) (a `Vec` with `retain` was quadratic). The
/// links are `u32` (an article has far fewer than 4 billion entities) and grow with the
/// entities, not reserved for every event (issue 16, memory per byte).
struct Recent {
    older: Vec<u32>,
    newer: Vec<u32>,
    newest: u32,
}

/// No entity, in [`Recent`]'s links.
const NO_LINK: u32 = u32::MAX;

impl Recent {
    /// No entity yet.
    fn new() -> Recent {
        Recent {
            older: Vec::new(),
            newer: Vec::new(),
            newest: NO_LINK,
        }
    }

    /// Make `e` the most recent entity.
    fn touch(&mut self, e: usize) {
        // (entities are fewer than events, and events fewer than the text's bytes, which
        // `Span`'s offsets bound; saturating keeps a pathological count from wrapping)
        let link = u32::try_from(e).unwrap_or(NO_LINK - 1);
        if self.newest == link {
            return;
        }
        if e < self.older.len() {
            let (o, n) = (self.older[e], self.newer[e]);
            if o != NO_LINK {
                self.newer[o as usize] = n;
            }
            if n != NO_LINK {
                self.older[n as usize] = o;
            }
        } else {
            self.older.resize(e + 1, NO_LINK);
            self.newer.resize(e + 1, NO_LINK);
        }
        self.older[e] = self.newest;
        self.newer[e] = NO_LINK;
        if self.newest != NO_LINK {
            self.newer[self.newest as usize] = link;
        }
        self.newest = link;
    }

    /// The entities, most recent first.
    fn iter(&self) -> RecentIter<'_> {
        RecentIter {
            older: &self.older,
            next: self.newest,
        }
    }
}

/// [`Recent::iter`]: a walk along the links, one load a step (a plain struct, not
/// `successors` over a closure and an `Option` kept between steps, for the searches
/// that walk hundreds of entities per mention).
struct RecentIter<'r> {
    older: &'r [u32],
    /// the entity to give next, [`NO_LINK`] at the end
    next: u32,
}

impl Iterator for RecentIter<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.next == NO_LINK {
            return None;
        }
        let e = self.next as usize;
        self.next = self.older.get(e).copied().unwrap_or(NO_LINK);
        Some(e)
    }
}

/// What the searches through the recent entities test first, kept apart from the
/// entities (one small record each, side by side in memory) so that passing over hundreds
/// of them per mention reads a few cache lines, not hundreds of scattered ones.
#[derive(Clone, Copy, Debug)]
struct Filter {
    person: bool,
    /// [`mask`] of the entity's `name_set`
    name_mask: u64,
    /// [`mask`] of the entity's `words`
    words_mask: u64,
}

#[derive(Debug)]
struct Ent {
    kind: EntityKind,
    /// canonical name span (words without titles)
    name: Span,
    name_words: usize,
    /// every word of every mention, lowercase, as ids in the text's [`Vocabulary`] (four
    /// bytes a word, not a `String` each: issue 13, clustering without strings)
    words: WordIdSet,
    /// name words (no titles), lowercase, as ids in the text's [`Vocabulary`]: a run of
    /// the clustering's pool of name words ([`run_of`]), not a list of its own (one
    /// allocation per person entity and per renaming, freed again at the text's end)
    name_set: IdRun,
    gender: Gender,
    /// a title, a known forename or a speech cue shows that this name is a person's
    /// (a capitalised run alone may be a place, a date or a headline)
    person_evidence: bool,
    /// end of the entity's latest mention (a relative `who` refers to what ends just
    /// before it)
    last_end: usize,
    /// the latest mention's length: when it opens its sentence (its subject, most
    /// often), a `he` or `she` in the next sentence refers to it first (a `u32` in the
    /// small fields' padding, not a second `usize`: issue 16, memory per byte)
    last_len: u32,
    /// a news medium (`the newspaper` may refer back to it)
    media: bool,
    /// an unnamed person known by a role noun (`the judge`, `a spokeswoman`), whom `he`
    /// or `she` may refer to
    role_person: bool,
    mentions: Vec<Span>,
    speaks: bool,
    /// how many name mentions of two or more words joined the entity
    named: u32,
    /// the latest name mention whose words were added to `words`: a mention of the same
    /// text adds nothing new (an article repeats a name as it was), so it is not cut
    /// into words and looked up again
    words_added_from: Span,
}

impl Ent {
    /// An entity of `kind` named by `name`, whose latest mention ends at `last_end`, with
    /// nothing else known yet: the fields every new entity starts from.
    fn new(kind: EntityKind, name: Span, last_end: usize) -> Ent {
        Ent {
            kind,
            name,
            name_words: 0,
            words: WordIdSet::default(),
            name_set: IdRun::default(),
            gender: Gender::Unknown,
            person_evidence: false,
            last_end,
            last_len: 0,
            media: false,
            role_person: false,
            mentions: Vec::new(),
            speaks: false,
            named: 0,
            words_added_from: Span::new(0, 0),
        }
    }

    /// The entity's latest mention.
    fn last_span(&self) -> Span {
        let start = self.last_end.saturating_sub(self.last_len as usize);
        Span::new(start, self.last_end)
    }

    /// Record a mention that speaks. Most entities speak once: the first mention gets a
    /// list of one, not the four a first `push` makes (issue 16, memory per byte).
    fn add_mention(&mut self, span: Span) {
        if self.mentions.capacity() == 0 {
            self.mentions.reserve_exact(1);
        }
        self.mentions.push(span);
    }
}

/// Where an entity's name words lie in the pool of name words the clustering keeps
/// for a text (appended to as names are given, never rewritten: its length is at most
/// the number of name words the text's events give).
#[derive(Clone, Copy, Debug, Default)]
struct IdRun {
    start: usize,
    len: usize,
}

/// The ids of `r` in `pool`.
fn run_of(pool: &[WordId], r: IdRun) -> &[WordId] {
    pool.get(r.start..r.start + r.len).unwrap_or(&[])
}

/// Append `ids` to `pool`: their run.
fn pool_run(pool: &mut Vec<WordId>, ids: &[WordId]) -> IdRun {
    let start = pool.len();
    pool.extend_from_slice(ids);
    IdRun {
        start,
        len: ids.len(),
    }
}

/// A space between words: Unicode white space (with the no-break spaces) or a
/// zero-width space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// `s` with each run of spaces ([`is_space`]) made one ASCII space and none at the ends;
/// borrowed when it is so already.
pub(crate) fn normalize_whitespace(s: &str) -> std::borrow::Cow<'_, str> {
    // (the usual name: ASCII letters and single spaces, checked bytewise)
    let bytes = s.as_bytes();
    if bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !s.contains("  ")
        && bytes.iter().all(|&b| b > b' ' && b < 0x80 || b == b' ')
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let trimmed = s.trim_matches(is_space);
    let mut prev_space = false;
    let clean = trimmed.chars().all(|c| {
        let ok = !is_space(c) || c == ' ' && !prev_space;
        prev_space = is_space(c);
        ok
    });
    if clean {
        return std::borrow::Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    for w in trimmed.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

/// `w` without the characters at its ends that are not letters or digits
/// (`w.trim_matches(|c| !is_alnum(c))`): ASCII ends are scanned as bytes, and only a
/// non-ASCII end goes to the Unicode test.
fn trim_to_alnum(w: &str) -> &str {
    trim_ascii_ends(
        w,
        |b| !b.is_ascii_alphanumeric(),
        |rest| rest.trim_matches(|c: char| !is_alnum(c)),
    )
}

/// `w` without the ASCII bytes `strip` accepts at its ends; when an end is left at a
/// non-ASCII character, `slow` (the same trim over characters) finishes it.
fn trim_ascii_ends(w: &str, strip: impl Fn(u8) -> bool, slow: impl Fn(&str) -> &str) -> &str {
    let bytes = w.as_bytes();
    let keep = |b: &u8| !b.is_ascii() || !strip(*b);
    let Some(start) = bytes.iter().position(keep) else {
        // an empty slice of `w`, as `str::trim_matches` gives: callers take its offset
        // in `w` from its pointer
        return &w[..0];
    };
    // (the last kept byte ends a character: only ASCII bytes were skipped after it)
    let end = bytes.iter().rposition(keep).map_or(start, |e| e + 1);
    let rest = &w[start..end];
    let (first, last) = (rest.as_bytes()[0], rest.as_bytes()[rest.len() - 1]);
    if first.is_ascii() && last.is_ascii() {
        rest
    } else {
        slow(rest)
    }
}

/// The words of `s` between spaces ([`is_space`]) and commas, each trimmed to its letters
/// and digits ([`trim_to_alnum`]), empty ones skipped. An ASCII `s` (most mentions) is
/// cut by one byte scan ([`next_ascii_word`]), not by decoding its characters.
fn words(s: &str) -> Words<'_> {
    Words {
        rest: s,
        ascii: s.is_ascii(),
    }
}

/// [`words`]: the rest of the string to cut, and whether it is ASCII (tested once for the
/// string, not for each word). A plain struct whose `next` inlines where the words are
/// read, not a closure behind `from_fn` called for every word.
struct Words<'s> {
    rest: &'s str,
    ascii: bool,
}

impl<'s> Iterator for Words<'s> {
    type Item = &'s str;

    #[inline]
    fn next(&mut self) -> Option<&'s str> {
        if self.ascii {
            next_ascii_word(&mut self.rest)
        } else {
            next_word(&mut self.rest)
        }
    }
}

/// The next word of `rest` as [`words`] cuts it (any text), and `rest` moved past it.
fn next_word<'s>(rest: &mut &'s str) -> Option<&'s str> {
    while !rest.is_empty() {
        let cut = rest
            .char_indices()
            .find(|&(_, c)| is_space(c) || c == ',')
            .map(|(i, c)| (i, c.len_utf8()));
        let piece = match cut {
            Some((i, len)) => {
                let piece = &rest[..i];
                *rest = &rest[i + len..];
                piece
            }
            None => std::mem::take(rest),
        };
        let w = trim_to_alnum(piece);
        if !w.is_empty() {
            return Some(w);
        }
    }
    None
}

/// A byte that ends a piece in [`next_ascii_word`]: ASCII white space or a comma.
const CUT_SEPARATOR: u8 = 1;
/// A byte of a word in [`next_ascii_word`]: an ASCII letter or digit.
const CUT_ALNUM: u8 = 2;

/// Each byte's class for [`next_ascii_word`] ([`CUT_SEPARATOR`], [`CUT_ALNUM`], or 0 for
/// a byte trimmed off a piece's ends): one load a byte, not a range test for each class.
static CUT_CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphanumeric() {
            CUT_ALNUM
        } else if matches!(byte, b'\t'..=b'\r' | b' ' | b',') {
            CUT_SEPARATOR
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// The next word of the ASCII `rest` as [`words`] cuts it, and `rest` moved past it: the
/// first letter or digit starts it (what comes before is separators, or ends trimmed
/// off a piece, or pieces trimmed to nothing), the next separator (ASCII white space or
/// a comma) ends its piece, and the piece's last letter or digit ends the word. One pass
/// over the bytes, each byte's class read from [`CUT_CLASSES`].
#[inline]
fn next_ascii_word<'s>(rest: &mut &'s str) -> Option<&'s str> {
    let s: &'s str = rest;
    let bytes = s.as_bytes();
    let Some(start) = bytes
        .iter()
        .position(|&b| CUT_CLASSES[usize::from(b)] == CUT_ALNUM)
    else {
        *rest = "";
        return None;
    };
    // (the first byte is a letter or digit: the word ends after it at the least)
    let mut end = start + 1;
    let mut at = end;
    while let Some(&b) = bytes.get(at) {
        match CUT_CLASSES[usize::from(b)] {
            CUT_SEPARATOR => break,
            CUT_ALNUM => end = at + 1,
            _ => {}
        }
        at += 1;
    }
    *rest = &s[at..];
    Some(&s[start..end])
}

/// The words of the name `np` among the words of the mention that holds it
/// (`mention_words`, [`words`] of the mention, slices of `text`): the run of them from the
/// one that starts where `np` starts to the one that ends where it ends. [`words`] of `np`
/// is that run (a piece cut at a word's first letter or digit, or at its last, is that
/// word), so it is read from the mention's words, not cut again; `None` when `np` does
/// not start and end at words of the mention.
fn words_within<'w, 't>(
    text: &'t str,
    mention_words: &'w [&'t str],
    np: Span,
) -> Option<&'w [&'t str]> {
    let offset = |w: &str| w.as_ptr() as usize - text.as_ptr() as usize;
    let first = mention_words.iter().position(|w| offset(w) == np.start)?;
    let last = first
        + mention_words[first..]
            .iter()
            .position(|w| offset(w) + w.len() == np.end)?;
    Some(&mention_words[first..=last])
}

/// A name's words: read from its mention's ([`words_within`]) or cut from the name.
enum NameWordsOf<'w, 't> {
    Mention(std::iter::Copied<std::slice::Iter<'w, &'t str>>),
    Cut(Words<'t>),
}

impl<'t> Iterator for NameWordsOf<'_, 't> {
    type Item = &'t str;

    #[inline]
    fn next(&mut self) -> Option<&'t str> {
        match self {
            NameWordsOf::Mention(run) => run.next(),
            NameWordsOf::Cut(cut) => cut.next(),
        }
    }
}

/// `w` in lowercase, in `buf` (ASCII without the Unicode tables).
fn lower_into<'b>(w: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if w.is_ascii() {
        // (copied whole, then lowercased in place: not a `char` pushed at a time)
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        // (`O’Neill` and `O'Neill` are one name)
        buf.extend(
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    buf
}

/// `w` in lowercase with typographic apostrophes made plain ([`lower_into`]).
fn lower_word(w: &str) -> String {
    let mut buf = String::new();
    lower_into(w, &mut buf);
    buf
}

/// One bit of 64 per word (by a hash of it); a set of words has the bits of its words.
/// Sets whose masks share no bit share no word, and a set whose mask has a bit the
/// other's lacks is not its subset: comparing masks first spares most string
/// comparisons against the (up to [`LOOK_BACK`]) recent entities.
fn mask(ws: &[WordId], vocabulary: &Vocabulary) -> u64 {
    ws.iter().fold(0, |m, &w| m | hash_bit(vocabulary.hash(w)))
}

/// The bit of one word in a [`mask`] (the top six bits of the lexicon's hash of it).
fn word_bit(w: &str) -> u64 {
    hash_bit(hash_of(w))
}

/// [`word_bit`] of a word whose hash ([`hash_of`]) is known (the [`Vocabulary`] keeps
/// each word's).
fn hash_bit(hash: u64) -> u64 {
    1 << (hash >> 58)
}

/// Add the lowercase words of `s` to `set` (and their bits to `set_mask`), as ids in
/// `vocabulary`: nothing is allocated for a word the text has shown before. A word of `s`
/// that is one of `known` (the same slice of the text: its address and length, with its
/// id) is not lowercased and looked up again: a mention's name words were given their ids
/// just before ([`KnownWord`]).
fn add_words(
    set: &mut WordIdSet,
    set_mask: &mut u64,
    s: &str,
    buf: &mut String,
    vocabulary: &mut Vocabulary,
    known: &[KnownWord],
) {
    add_word_list(set, set_mask, words(s), buf, vocabulary, known);
}

/// [`add_words`] of the words of a mention cut already ([`words`]).
fn add_word_list<'w>(
    set: &mut WordIdSet,
    set_mask: &mut u64,
    words: impl IntoIterator<Item = &'w str>,
    buf: &mut String,
    vocabulary: &mut Vocabulary,
    known: &[KnownWord],
) {
    // (abbreviations are short: most words skip the lookup)
    let role_of = |lower: &str| {
        if lower.len() < 64 && *TITLE_ROLE_LENGTHS & (1 << lower.len()) != 0 {
            TITLE_ROLES.get(lower).copied()
        } else {
            None
        }
    };
    for w in words {
        let at = (w.as_ptr() as usize, w.len());
        let (id, role) = match known.iter().find(|k| (k.at, k.len) == at) {
            Some(k) => (k.id, role_of(vocabulary.word(k.id))),
            None => {
                lower_into(w, buf);
                let role = role_of(buf);
                (vocabulary.intern(buf), role)
            }
        };
        *set_mask |= hash_bit(vocabulary.hash(id));
        set.insert(id);
        // "Sen. Ada Holm" is later "the senator"
        if let Some(role) = role {
            let id = vocabulary.intern(role);
            *set_mask |= hash_bit(vocabulary.hash(id));
            set.insert(id);
        }
    }
}

/// A word of the text already given its lowercase id: where it is (its slice's address
/// and length: the same slice is the same word) and the id, for [`add_words`].
#[derive(Clone, Copy)]
struct KnownWord {
    at: usize,
    len: usize,
    id: WordId,
}

/// Is `w`, whose built-in classes are `class` (looked up once by the caller), a title or
/// a role word, in the built-in lists or the analyzer's own?
fn is_title_or_role(w: &str, class: u32, extra: &lexicon::Overlay) -> bool {
    // (the default analyzer adds no words: the built-in class alone, not a second lookup)
    let class = if extra.is_empty() {
        class
    } else {
        extra.class_of(w)
    };
    class & (lexicon::class::TITLE | lexicon::class::ROLE) != 0
}

/// A lowercase word inside a name (`Ursula von der Leyen`, `Department of Veterans
/// Affairs`), in any case: a particle of a person's name (`lexicon/name_particles.txt`)
/// or a joiner of an organisation's.
fn is_connector(w: &str) -> bool {
    ORGANISATION_JOINERS
        .iter()
        .any(|j| j.eq_ignore_ascii_case(w))
        || is_name_particle(w)
}

/// A contraction or a clitic (`isn't`, `Brisco'll`), not a name's own apostrophe
/// (`O'Neill`, `D'Amato`) nor a possessive (handled by the caller).
fn is_contraction(w: &str) -> bool {
    // (most words have no apostrophe: one byte scan for `'` and for the first byte of
    // `’`, not a search decoding every character)
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return false;
    }
    let Some(i) = w.find(['\'', '’']) else {
        return false;
    };
    let rest = &w[i..].trim_start_matches(['\'', '’']);
    let before = &w[..i];
    before.ends_with(['n', 'N']) && (rest == &"t" || rest == &"T")
        || matches!(
            *rest,
            "ll" | "re" | "ve" | "d" | "m" | "LL" | "RE" | "VE" | "D" | "M"
        )
}

/// `w` without the characters at its end that are not letters or digits
/// (`w.trim_end_matches(|c| !is_alnum(c))`): a word that ends in an ASCII letter or digit
/// (most) is returned as it is, unscanned.
fn trim_end_to_alnum(w: &str) -> &str {
    if w.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric) {
        return w;
    }
    w.trim_end_matches(|c: char| !is_alnum(c))
}

/// The stem of a possessive (`NBC` of `NBC's`, `Brisco` of `Brisco’s`, `Jones` of
/// `Jones'`), or `None`.
fn possessive_stem(w: &str) -> Option<&str> {
    // (every possessive ends in `s`, `S`, `'` or the last byte of `’`: most words are
    // turned away by that byte)
    if !w
        .as_bytes()
        .last()
        .is_some_and(|b| matches!(b, b's' | b'S' | b'\'' | 0x99))
    {
        return None;
    }
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .or_else(|| {
            ["s'", "s’"]
                .iter()
                .find_map(|suffix| w.strip_suffix(suffix).map(|stem| &w[..stem.len() + 1]))
        })
}

/// Does a name end before the word `w` that follows some of its words (`Ann Tavenor
/// Speaks`, `Tomas Brisco isn't`, `Tavenor now`, `Kellport Friday`)?
///
/// `info` is `w`'s [`lexicon::word_info`], looked up by the caller, which keeps it for the
/// word's other tests.
fn ends_name(prev: &str, w: &str, info: &lexicon::WordInfo, person: bool) -> bool {
    let lower = w.chars().next().is_some_and(char::is_lowercase);
    if info.class == 0 && info.lemma.is_none() {
        // most name words: no list knows them
        return is_contraction(w) || lower && w.len() > 4 && w.ends_with("ly");
    }
    // "United States", "Pilotage Services": a capitalised head of a body's name after
    // a capitalised word, not a headline's verb
    if !lower && prev.chars().next().is_some_and(char::is_uppercase) && is_organisation_name_word(w)
    {
        return false;
    }
    // a description keeps its prepositions and nouns ("a person familiar with the talks",
    // "a person close to the mayor")
    let function = if person {
        lexicon::class::FUNCTION | lexicon::class::BLOCKER
    } else {
        0
    };
    // a reporting-verb form that is not its lemma ("Says", "Calls", "said"), not a noun
    // after a determiner ("the talks")
    info.lemma.is_some_and(|l| !l.eq_ignore_ascii_case(w))
        && lexicon::word_info(prev).class & lexicon::class::DET == 0
        || is_contraction(w)
        || info.class & lexicon::class::TIME != 0 && lexicon::female_share(w).is_none()
        || lower
            && !is_connector(w)
            && info.class & (function | lexicon::class::BETWEEN | lexicon::class::TIME) != 0
        || lower && w.len() > 4 && w.ends_with("ly")
        // a headline's verbs and function words ("Tomas Brisco Is Right", "… As A")
        || !lower
            && w.len() > 1
            && info.class & (function | lexicon::class::BETWEEN) != 0
            && !is_connector(w)
            && lexicon::female_share(w).is_none()
}

/// The words of `span` (with their byte offsets in it), cut before the first word that
/// ends a name ([`ends_name`]).
fn name_words(text: &str, span: Span, person: bool) -> impl Iterator<Item = (usize, &str)> {
    name_words_known(text, span, person).map(|(o, w, _)| (o, w))
}

/// [`name_words`], each with its [`lexicon::word_info`] when [`ends_name`] looked it up
/// (every word but the first): the caller reads it again from there, not from the table.
fn name_words_known(
    text: &str,
    span: Span,
    person: bool,
) -> impl Iterator<Item = (usize, &str, Option<&'static lexicon::WordInfo>)> {
    let s = span.text(text);
    NameCores {
        s,
        off: 0,
        ascii: s.is_ascii(),
    }
    .scan("", move |prev, (o, w)| {
        let info = (!prev.is_empty()).then(|| lexicon::word_info(w));
        let stop = info.is_some_and(|info| ends_name(prev, w, info, person));
        *prev = w;
        (!stop).then_some((o, w, info))
    })
}

/// A space that ends a piece in [`NameCores`]: ASCII white space.
const NAME_SPACE: u8 = 1;
/// A byte a core of [`NameCores`] keeps at its ends: an ASCII letter, digit or apostrophe.
const NAME_KEPT: u8 = 2;

/// Each byte's class for [`NameCores`] ([`NAME_SPACE`], [`NAME_KEPT`], or 0 for a byte
/// trimmed off a piece's ends).
static NAME_CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if byte.is_ascii_alphanumeric() || byte == b'\'' {
            NAME_KEPT
        } else if matches!(byte, b'\t'..=b'\r' | b' ') {
            NAME_SPACE
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// The words of a mention as [`name_words_known`] reads them, with their offsets in it:
/// the pieces after each space ([`is_space`]), each trimmed to its letters, digits and
/// apostrophes and then without its leading apostrophes, empty ones skipped. An ASCII
/// mention (most) is cut in one pass over its bytes.
struct NameCores<'s> {
    s: &'s str,
    /// where the next piece starts
    off: usize,
    ascii: bool,
}

impl<'s> Iterator for NameCores<'s> {
    type Item = (usize, &'s str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'s str)> {
        while self.off < self.s.len() {
            let from = self.off;
            let rest = &self.s[from..];
            if self.ascii {
                let bytes = rest.as_bytes();
                // (the piece runs to the first space, which it takes; its core from the
                // first byte kept to the last, a letter, a digit or an apostrophe)
                let mut at = 0;
                while let Some(&b) = bytes.get(at) {
                    if NAME_CLASSES[usize::from(b)] != 0 {
                        break;
                    }
                    at += 1;
                }
                let first = at;
                let mut last = at;
                while let Some(&b) = bytes.get(at) {
                    match NAME_CLASSES[usize::from(b)] {
                        NAME_SPACE => break,
                        NAME_KEPT => last = at + 1,
                        _ => {}
                    }
                    at += 1;
                }
                // (past the space, or at the end)
                self.off = from + (at + 1).min(bytes.len());
                let mut start = first;
                while start < last && bytes[start] == b'\'' {
                    start += 1;
                }
                if start < last {
                    return Some((from + start, &rest[start..last]));
                }
                continue;
            }
            let len = rest
                .char_indices()
                .find(|&(_, c)| is_space(c))
                .map_or(rest.len(), |(i, c)| i + c.len_utf8());
            self.off = from + len;
            let w = &rest[..len];
            // (spaces are among the characters trimmed: one trim does both)
            let core = trim_ascii_ends(
                w,
                |b| !b.is_ascii_alphanumeric() && b != b'\'',
                |rest| rest.trim_matches(|c: char| !is_alnum(c) && c != '\'' && c != '’'),
            );
            let core = core.trim_start_matches(['\'', '’']);
            if !core.is_empty() {
                // `core` is a slice of `w`: its offset, without a search
                let lead = core.as_ptr() as usize - w.as_ptr() as usize;
                return Some((from + lead, core));
            }
        }
        None
    }
}

/// The proper-name part of a named mention: the words after the last title, role word,
/// lowercase word or possessive (`NBC's Lester Holt`), without the words a headline or a
/// clause runs on with (`Ann Tavenor Speaks`, `Tomas Brisco isn't`).
// (`cluster` asks [`NameMemo::name_part`], which calls [`name_part_reading`])
#[cfg(test)]
fn name_part(text: &str, span: Span, extra: &lexicon::Overlay) -> Option<Span> {
    name_part_reading(text, span, extra).0
}

/// [`name_part`], and whether it read the text after the span (the word a possessive is
/// followed by): when it did not, the answer is one of the span's words alone, and
/// `cluster` keeps it for the next mention of the same words ([`NameMemo`]). A change
/// that makes it read more of the text must say so here.
fn name_part_reading(text: &str, span: Span, extra: &lexicon::Overlay) -> (Option<Span>, bool) {
    let mut start = None;
    let mut end = 0;
    let (mut last_title, mut after_title_of) = (false, false);
    // a name ending in a possessive, the mention's last word ("Ann Lee's" of "Ann Lee's
    // statement"): the possessor speaks
    let mut possessor: Option<Span> = None;
    let mut run_on_name: Option<(usize, usize)> = None;
    for (off, core, known) in name_words_known(text, span, true) {
        let bare = trim_end_to_alnum(core);
        let first = bare.chars().next().unwrap_or('a');
        if let Some(stem) = possessive_stem(core) {
            // "NBC's Lester Holt": the name is after it
            let capitalised = stem.chars().next().is_some_and(char::is_uppercase);
            possessor = capitalised.then(|| {
                let from = start.unwrap_or(off);
                Span::new(span.start + from, span.start + off + stem.len())
            });
            start = None;
            continue;
        }
        possessor = None;
        // "Ruben T. Okafor Jr.": a generational suffix is no part of the canonical name
        if start.is_some() && is_generational_suffix(bare) {
            break;
        }
        // (looked up once for the tests below; `ends_name` looked up the same word when
        // no trim cut it: that lookup is reused)
        let info = match known {
            Some(info) if bare.len() == core.len() => info,
            _ => lexicon::word_info(bare),
        };
        if start.is_none() && info.class & lexicon::class::DET != 0 {
            continue;
        }
        // "Secretary of State Ada Holm": the words of a title's "of" belong to it
        let title_of = after_title_of;
        after_title_of = bare.eq_ignore_ascii_case("of") && last_title;
        last_title = is_title_or_role(bare, info.class, extra);
        // "Lena de Vries", "Omar bin Talal": a particle inside a name keeps it going
        let particle = start.is_some() && is_name_particle(bare);
        if particle {
            continue;
        }
        // "Tavenor now", "Tavenor restricted": a name the mention runs on past with a
        // verb or an adverb, kept in case no other name starts after it
        if let Some(from) = start.filter(|_| first.is_lowercase() && runs_on_past_name(bare)) {
            run_on_name = Some((from, end));
        }
        if last_title
            || first.is_lowercase()
            || title_of
            || start.is_none()
                && (info.class & lexicon::class::NOT_NAME_START != 0
                    // "Said Tavenor": a reporting verb's inflected form starts no name
                    || info.lemma.is_some_and(|l| !l.eq_ignore_ascii_case(bare))
                    // "Neither Tavenor nor Brisco"
                    || ["neither", "either", "both", "nor"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(bare)))
        {
            start = None;
            continue;
        }
        if start.is_none() {
            start = Some(off);
        }
        end = off + bare.len();
    }
    let Some(start) = start.or(run_on_name.map(|(from, _)| from)) else {
        // ("Ann Lee's family", "Lee's lawyer": someone of hers, not her)
        let next = text[span.end..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !is_alnum(c));
        let someone_else = entities::contains_folded(&KIN_NOUNS, next)
            || lexicon::word_info(next).class & lexicon::class::ROLE != 0;
        return (possessor.filter(|_| !someone_else), true);
    };
    let end = match run_on_name {
        Some((from, to)) if from == start => to,
        _ => end,
    };
    let (start, end) = (span.start + start, span.start + end);
    ((start < end).then(|| Span::new(start, end)), false)
}

/// What `cluster` learnt of a name's words, for the next mention of the same words (an
/// article names its people again and again): [`is_organisation_name`] of them and
/// [`name_part`] of a span of them (as offsets in the span; only when it read no more
/// than the span). Keys borrow the text: nothing is copied; at most [`MEMO_ENTRIES`] are
/// kept, so a text of thousands of different names (where the memo would find nothing
/// again) costs no memory per name.
#[derive(Default)]
struct NameMemo<'t> {
    organisation: MemoMap<&'t str, bool>,
    part: MemoMap<&'t str, Option<(usize, usize)>>,
}

/// A map of the clustering's keyed by mentions and phrases (a [`NameMemo`]'s answers, the
/// entities by description key and by document head), hashed eight bytes at a step (the
/// lexicon's word hash): the maps are only looked up, never walked, so their order is
/// never read.
type MemoMap<K, V> = HashMap<K, V, BuildHasherDefault<lexicon::WordHash>>;

/// The most words the [`Vocabulary`] is given room for before a text's clustering (an
/// article's events mostly fit).
const VOCABULARY_ROOM: usize = 512;

/// How many answers of each kind a [`NameMemo`] keeps (a news article names far fewer
/// people and bodies).
const MEMO_ENTRIES: usize = 1024;

/// The room a [`NameMemo`] starts with for each kind of answer: an article's names
/// mostly fit, so its maps seldom grow (growing rehashed every answer kept).
const MEMO_ROOM: usize = 64;

impl<'t> NameMemo<'t> {
    /// An empty memo with room for [`MEMO_ROOM`] answers of each kind.
    fn with_room() -> NameMemo<'t> {
        NameMemo {
            organisation: MemoMap::with_capacity_and_hasher(MEMO_ROOM, Default::default()),
            part: MemoMap::with_capacity_and_hasher(MEMO_ROOM, Default::default()),
        }
    }

    /// [`is_organisation_name`] of `name`, remembered.
    // (`cluster` asks [`NameMemo::is_organisation_name_cut`])
    #[cfg(test)]
    fn is_organisation_name(&mut self, name: &'t str) -> bool {
        self.is_organisation_name_cut(name, &mut Vec::new())
    }

    /// [`NameMemo::is_organisation_name`], with the name's words ([`words`]) left in
    /// `cut` when they were cut for the answer (the caller reads them again from there);
    /// `cut` is left as it was when the answer was known.
    fn is_organisation_name_cut(&mut self, name: &'t str, cut: &mut Vec<&'t str>) -> bool {
        // (one hash of the name, for the lookup and for keeping the answer)
        let room = self.organisation.len() < MEMO_ENTRIES;
        match self.organisation.entry(name) {
            Entry::Occupied(known) => *known.get(),
            Entry::Vacant(slot) => {
                cut.clear();
                cut.extend(words(name));
                let answer = is_organisation_name_words(name, cut.iter().copied());
                if room {
                    slot.insert(answer);
                }
                answer
            }
        }
    }

    /// [`name_part`] of `span` in `text`, remembered when it read only the span.
    fn name_part(&mut self, text: &'t str, span: Span, extra: &lexicon::Overlay) -> Option<Span> {
        let words = span.text(text);
        let room = self.part.len() < MEMO_ENTRIES;
        match self.part.entry(words) {
            Entry::Occupied(known) => known
                .get()
                .map(|(start, end)| Span::new(span.start + start, span.start + end)),
            Entry::Vacant(slot) => {
                let (part, read_after) = name_part_reading(text, span, extra);
                if !read_after && room {
                    slot.insert(part.map(|p| (p.start - span.start, p.end - span.start)));
                }
                part
            }
        }
    }
}

/// Is `mention` a name and then only words a clause runs on with (`Tavenor now`, `Ann
/// Lee restricted`), not a description (`Tavenor supporters`, `the Lee campaign`)?
fn name_runs_on(mention: &str) -> bool {
    let mut ws = words(mention).peekable();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let Some(&first) = ws.peek() else {
        return false;
    };
    if !capitalised(first) || lexicon::word_info(first).class & lexicon::class::DET != 0 {
        return false;
    }
    while ws.peek().is_some_and(|w| capitalised(w)) {
        ws.next();
    }
    let mut rest = ws.peekable();
    rest.peek().is_some() && rest.all(|w| !capitalised(w) && runs_on_past_name(w))
}

/// Is the lowercase word `w`, after a name in a mention, a word the clause runs on with
/// (`now`, `restricted`, `says`): an adverb, a time word, a past form or a reporting
/// verb's form, not a noun the name modifies (`Brisco supporters`, `Tavenor aides`)?
fn runs_on_past_name(w: &str) -> bool {
    let info = lexicon::word_info(w);
    info.lemma.is_some()
        || info.class & (lexicon::class::TIME | lexicon::class::FUNCTION | lexicon::class::BETWEEN)
            != 0
        || w.len() > 4 && (w.ends_with("ed") || w.ends_with("ly"))
        || matches!(w, "now" | "then" | "also" | "still" | "again")
}

/// `s.split_inclusive(is_separator)` with each piece's byte offset in `s`: each piece
/// with the space that ends it. An ASCII `s` (most mentions) is cut by a byte scan, not
/// by decoding its characters; `is_separator` must accept exactly ASCII white space
/// among ASCII characters (`char::is_whitespace` and [`is_space`] both do).
fn pieces_after_space(
    s: &str,
    is_separator: fn(char) -> bool,
) -> impl Iterator<Item = (usize, &str)> {
    let ascii = s.is_ascii();
    let mut off = 0;
    std::iter::from_fn(move || {
        let rest = &s[off..];
        if rest.is_empty() {
            return None;
        }
        let len = if ascii {
            rest.bytes()
                .position(|b| matches!(b, b'\t'..=b'\r' | b' '))
                .map_or(rest.len(), |i| i + 1)
        } else {
            rest.char_indices()
                .find(|&(_, c)| is_separator(c))
                .map_or(rest.len(), |(i, c)| i + c.len_utf8())
        };
        let start = off;
        off += len;
        Some((start, &rest[..len]))
    })
}

/// `s.split_inclusive(char::is_whitespace)`: each piece with the white space that ends it.
fn split_after_whitespace(s: &str) -> impl Iterator<Item = &str> {
    pieces_after_space(s, char::is_whitespace).map(|(_, piece)| piece)
}

/// An organisation's proper name without what precedes it ("the state-run Tarsenian
/// Press Agency" is named "Tarsenian Press Agency"); a common noun phrase ("the
/// statistics office") keeps its words. Words a clause runs on with are dropped (`The
/// agency isn't`).
fn proper_part(text: &str, span: Span) -> Span {
    let span = match name_words(text, span, false).last() {
        Some((off, w)) => {
            let w = trim_end_to_alnum(w);
            Span::new(span.start, span.start + off + w.len())
        }
        None => span,
    };
    let s = span.text(text);
    // the rest of `s` from a word on is all capitalised words and connectors when it
    // starts after the last word that is neither: found in one pass, not a pass over the
    // rest from each word
    let mut all_caps_from = 0;
    let mut off = 0;
    for w in split_after_whitespace(s) {
        off += w.len();
        // (the piece's trailing space is trimmed with its punctuation)
        let x = trim_to_alnum(w);
        if !(x.is_empty() || x.chars().next().is_some_and(char::is_uppercase) || is_connector(x)) {
            all_caps_from = off;
        }
    }
    let mut off = 0;
    for w in split_after_whitespace(s) {
        let rest = &s[off..];
        let all_caps = off >= all_caps_from;
        if all_caps && rest.chars().next().is_some_and(char::is_uppercase) {
            // "The Tavenor campaign" is named "Tavenor campaign"; "NBC's" is dropped
            // ("A State Department official": the body; "A Republican" stays one)
            let rest = ["The ", "A ", "An "]
                .iter()
                .find_map(|a| rest.strip_prefix(a))
                .map(str::trim_start)
                .filter(|r| rest.starts_with("The ") || r.contains(' ') || is_organisation_name(r))
                .unwrap_or(rest);
            return Span::new(span.end - rest.len(), span.end);
        }
        off += w.len();
    }
    // "the Tavenor campaign": the capitalised words and the head after them
    let lead = split_after_whitespace(s)
        .take_while(|w| {
            let c = trim_to_alnum(w);
            MENTION_DETERMINERS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(c))
        })
        .map(str::len)
        .sum::<usize>();
    let rest = &s[lead..];
    if rest.chars().next().is_some_and(char::is_uppercase) {
        return Span::new(span.start + lead, span.end);
    }
    span
}

/// Is `w` a capitalised word that may continue an organisation's name in the text (not
/// a weekday or a month: `the Harbor Authority on Monday`)?
fn organisation_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| is_alnum(c) || matches!(c, '-' | '.' | '&' | '\'' | '’' | '/'))
        && !w.ends_with(['.', '\'', '’'])
        && lexicon::word_info(w).class & lexicon::class::TIME == 0
}

/// The end of the run of capitalised words ([`organisation_word`]) that starts at `at`,
/// joined by single spaces (at most six words): `None` when none starts there.
fn capitalised_run_from(text: &str, at: usize) -> Option<usize> {
    let mut end = None;
    let mut pos = at;
    for _ in 0..6 {
        let rest = text.get(pos..)?;
        let len = rest
            .find(|c: char| c.is_whitespace() || ",;:()\"“”".contains(c))
            .unwrap_or(rest.len());
        let word = &rest[..len];
        // ("of Tolls." at the end of a sentence: the period is not the word's)
        let w = word.strip_suffix('.').unwrap_or(word);
        if !organisation_word(w) {
            break;
        }
        end = Some(pos + w.len());
        if w.len() != word.len() || !rest[len..].starts_with(' ') {
            break;
        }
        pos += len + 1;
    }
    end
}

/// Does a join that [`whole_organisation_name`] reads (`of`, `for`, `on`, `and`) touch
/// `span` in the text? (A cheap test before the name is cut and extended.)
fn joined_in_text(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    let before = before
        .strip_suffix(" the ")
        .or_else(|| before.strip_suffix(" a "))
        .map_or(before, |b| &before[..b.len() + 1]);
    [" of ", " for ", " on ", " to "]
        .iter()
        .any(|j| after.starts_with(j))
        || [" of ", " for ", " on ", " and "]
            .iter()
            .any(|j| before.ends_with(j))
}

/// Is the capitalised run after an organisation's head and `to` the rest of its name: at
/// least three words, none an organisation's (`Protect Our Rivers` of `the Alliance to
/// Protect Our Rivers`)? Not a person (`to Governor Ann Lee`, `to Ann Lee`), another
/// body (`to Harbor City Council`) nor a headline's verb and object (`The Harbor Transit
/// Authority to Cut Fares`). (The lexicon knows reporting verbs only, so the run's verb
/// is not looked up: its length and first word decide.)
fn to_phrase_of_name(run: &str) -> bool {
    let Some(first) = run.split(' ').next() else {
        return false;
    };
    run.split(' ').count() >= 3
        // (a title or a role opens a person's name: `Governor`, `Sen.`; the word table
        // holds their lowercase forms)
        && lexicon::word_info(&first.to_lowercase()).class
            & (lexicon::class::TITLE | lexicon::class::ROLE | lexicon::class::TIME)
            == 0
        && !forename_gender(first).1
        && !is_organisation_name(run)
}

/// An organisation's name `name` made whole from the text around it, when the mention
/// holds only part of it: the words after it joined by `of`, `for` or `on` (`the Coastal
/// Office` of `the Coastal Office of Ferry Safety`, `the Marlow Institute for Tidal
/// Research`) and the organisation's head before it (`Harbor Tolls` of `the Board on
/// Harbor Tolls`).
fn whole_organisation_name(text: &str, name: Span) -> Span {
    let (mut start, mut end) = (name.start, name.end);
    // (two joins at most: "the Bureau of Labor Statistics of …" is rare, and linear)
    for _ in 0..2 {
        let rest = text.get(end..).unwrap_or("");
        // ("the Alliance to Keep Rivers Clean": `to` goes on only from an organisation's
        // head, never from a person's name: "Ann Lee to Tom Birk")
        let to = || {
            rest.strip_prefix(" to ")
                .filter(|_| is_organisation_name(&text[start..end]))
        };
        let (after, by_to) = match [" of ", " for ", " on "]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
        {
            Some(after) => (after, false),
            None => match to() {
                Some(after) => (after, true),
                None => break,
            },
        };
        let after = ["the ", "a "]
            .iter()
            .find_map(|d| after.strip_prefix(d))
            .unwrap_or(after);
        let at = text.len() - after.len();
        match capitalised_run_from(text, at) {
            Some(run_end) if !by_to || to_phrase_of_name(&text[at..run_end]) => end = run_end,
            _ => break,
        }
    }
    let before = text.get(..start).unwrap_or("");
    let joined = [" of ", " for ", " on ", " for a ", " of the ", " on the "]
        .iter()
        .find_map(|j| before.strip_suffix(j))
        // "the North and West Island Council": one word and `and` after `the`
        .or_else(|| {
            let head = before.strip_suffix(" and ")?;
            let (lead, word) = head.rsplit_once(' ')?;
            (lead.ends_with("the") || lead.ends_with("The"))
                .then_some(())
                .filter(|_| organisation_word(word))
                .map(|_| head)
        });
    if let Some(head) = joined {
        // the capitalised words before the join, back to the first that is not one
        let (mut run_start, mut cursor) = (head.len(), head.len());
        for w in head.rsplit(' ').take(4) {
            let w_start = cursor - w.len();
            // ("The Union for a Fair Wage" opening a sentence: its article is no part of
            // the name)
            if !organisation_word(w)
                || MENTION_DETERMINERS
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(w))
            {
                break;
            }
            run_start = w_start;
            if w_start == 0 {
                break;
            }
            cursor = w_start - 1;
        }
        let run = &head[run_start..];
        let and = before.len() - head.len() == 5;
        if !run.is_empty() && (and || is_organisation_name(run)) {
            start = run_start;
        }
    }
    Span::new(start, end)
}

/// Is the name at `span` the end of an organisation's name that starts before it (`Fair
/// Wage` of `the Union for a Fair Wage`)? A name the join only continues (`Ann Lee` of
/// `Ann Lee of the Harbor Board`) is not.
fn ends_organisation_name(text: &str, span: Span) -> bool {
    // (most names follow no join at all: that test first, before the fuller one)
    let before = text.get(..span.start).unwrap_or("");
    [" of ", " for ", " on ", " and ", " a ", " the "]
        .iter()
        .any(|join| before.ends_with(join))
        && joined_in_text(text, span)
        && {
            let whole = whole_organisation_name(text, proper_part(text, span));
            whole.start < span.start && is_organisation_name(whole.text(text))
        }
}

/// Gender from a title at the start of the mention or before its name.
// (`cluster` cuts the mention once and asks [`gender_of_title_words`])
#[cfg(test)]
fn gender_of_title(text: &str, span: Span) -> Gender {
    gender_of_title_words(words(span.text(text)))
}

/// [`gender_of_title`] of a mention's words ([`words`]), cut already.
fn gender_of_title_words<'w>(mention_words: impl IntoIterator<Item = &'w str>) -> Gender {
    // (compared in any ASCII case: no lowercase copy of each word; most words are
    // turned away by their first letter and length before the lists are searched)
    static BITS: once_cell::sync::Lazy<FirstAndLength> = once_cell::sync::Lazy::new(|| {
        FirstAndLength::of(MALE_TITLES.iter().chain(FEMALE_TITLES.iter()))
    });
    for w in mention_words.into_iter().take(3) {
        if !BITS.may_hold(w) {
            continue;
        }
        if MALE_TITLES.iter().any(|t| t.eq_ignore_ascii_case(w)) {
            return Gender::Male;
        }
        if FEMALE_TITLES.iter().any(|t| t.eq_ignore_ascii_case(w)) {
            return Gender::Female;
        }
    }
    Gender::Unknown
}

/// Gender from a role noun that has one (`congresswoman`, `chairman`, `spokeswoman`):
/// a compound ending `-woman` or `-man`.
fn gender_of_role(head: &str) -> Gender {
    let head = head.to_ascii_lowercase();
    match head.as_str() {
        // (words ending so that name no man)
        "human" | "german" | "roman" | "shaman" | "ombudsman" => Gender::Unknown,
        h if h.ends_with("woman") || h.ends_with("women") => Gender::Female,
        h if h.ends_with("man") || h.ends_with("men") => Gender::Male,
        _ => Gender::Unknown,
    }
}

/// Gender from the forename of a name of two or more words (`Mary Jones`): female when
/// at least nine in ten of the US babies given it were girls, male when at most one in
/// ten; and whether the first word is a known forename at all.
fn gender_of_forename(name: &str) -> (Gender, bool) {
    let mut ws = words(name);
    match (ws.next(), ws.next()) {
        (Some(first), Some(_)) => forename_gender(first),
        _ => (Gender::Unknown, false),
    }
}

/// The gender a forename gives ([`gender_of_forename`]) and whether it is one.
fn forename_gender(first: &str) -> (Gender, bool) {
    match lexicon::female_share(first) {
        Some(share) if share >= 90 => (Gender::Female, true),
        Some(share) if share <= 10 => (Gender::Male, true),
        Some(_) => (Gender::Unknown, true),
        None => (Gender::Unknown, false),
    }
}

/// The author of a first-person piece, when the article names one: a byline opening
/// the text (`By Martha Quinlan`), a signature (`— Martha Quinlan`) or an author's note
/// (`Martha Quinlan is a teacher in Elmwood.`) as its last paragraph. Only the first
/// and last few hundred bytes are read.
fn author_name(text: &str) -> Option<Span> {
    // two to four capitalised words at `at` and, when `need_bio`, "is", "was" or an
    // apposition after them
    let name_at = |at: usize, need_bio: bool| -> Option<Span> {
        let rest = &text[at..];
        let (mut end, mut count) = (0, 0);
        for (off, w) in rest.split([' ', '\n']).scan(0, |o, w| {
            let off = *o;
            *o += w.len() + 1;
            Some((off, w))
        }) {
            let bare = w.trim_end_matches([',', '.']);
            // ("I" is no name word, "J." is an initial)
            let is_name = count < 4
                && (bare.len() > 1 || w.ends_with('.'))
                && bare.chars().next().is_some_and(char::is_uppercase)
                && bare
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
                && lexicon::word_info(bare).class & lexicon::class::DET == 0;
            if !is_name {
                break;
            }
            count += 1;
            end = off + bare.len();
            if bare.len() != w.len() {
                break;
            }
        }
        let after = &rest[end..];
        let bio = [" is ", " was ", " has ", ", a ", ", an ", ", the "]
            .iter()
            .any(|p| after.starts_with(p));
        let name = &rest[..end];
        (count >= 2 && (bio || !need_bio) && gender_of_forename(name).1)
            .then(|| Span::new(at, at + end))
    };
    let head = text.len() - text.trim_start().len();
    if text[head..].starts_with("By ") {
        if let Some(n) = name_at(head + 3, false) {
            return Some(n);
        }
    }
    let body = text.trim_end();
    let last = body.rfind('\n').map_or(0, |i| i + 1);
    if body.len() - last > 600 {
        return None;
    }
    let line = &body[last..];
    let lead = line.len() - line.trim_start_matches(['—', '–', '-', ' ']).len();
    name_at(last + lead, lead == 0)
}

/// The acronym a mention is (`IMF` of `the IMF`): its one word of two to six capital
/// letters after an article.
fn acronym(mention: &str) -> Option<&str> {
    // ("the IMF" is short: most mentions are rejected here, unread)
    // (and an acronym's two capitals follow one another: most names have them apart)
    if mention.len() > 12
        || !mention
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0].is_ascii_uppercase() && pair[1].is_ascii_uppercase())
    {
        return None;
    }
    let mut ws = words(mention).filter(|w| {
        !MENTION_DETERMINERS
            .iter()
            .any(|d| d.eq_ignore_ascii_case(w))
    });
    let w = ws.next()?;
    (ws.next().is_none() && (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
        .then_some(w)
}

/// Are the initials of `name`'s capitalised words (`International Monetary Fund`,
/// `Department of Veterans Affairs`) the letters of `acronym`?
fn initials_are(name: &str, acronym: &str) -> bool {
    let mut letters = acronym.bytes();
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        let Some(first) = w.bytes().next() else {
            continue;
        };
        if !first.is_ascii_uppercase() {
            continue;
        }
        if letters.next() != Some(first) {
            return false;
        }
    }
    letters.next().is_none()
}

/// For each ASCII letter, bit `n` set when a word of a list of `n` bytes starts with it:
/// most words asked of a short list (a person's names) are turned away by one bit test,
/// before they are lowercased and hashed. A list with a word the bits cannot say (not
/// starting with a lowercase ASCII letter, 32 bytes or longer) lets every word through.
struct FirstAndLength([u32; 26]);

impl FirstAndLength {
    /// The bits of the lowercase words `list`.
    fn of<'l>(list: impl IntoIterator<Item = &'l &'static str>) -> FirstAndLength {
        let mut seen = [0u32; 26];
        for word in list {
            match word.as_bytes().first() {
                Some(&b @ b'a'..=b'z') if word.len() < 32 => {
                    seen[usize::from(b - b'a')] |= 1 << word.len();
                }
                _ => return FirstAndLength([u32::MAX; 26]),
            }
        }
        FirstAndLength(seen)
    }

    /// May `w`, in any case, be one of the list's words?
    fn may_hold(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) if b.is_ascii_alphabetic() && w.len() < 32 => {
                self.0[usize::from(b.to_ascii_lowercase() - b'a')] & (1 << w.len()) != 0
            }
            _ => true,
        }
    }
}

/// Is `w`, in any case, one of [`ORGANISATION_NAME_WORDS`]?
fn is_organisation_name_word(w: &str) -> bool {
    static BITS: once_cell::sync::Lazy<FirstAndLength> =
        once_cell::sync::Lazy::new(|| FirstAndLength::of(ORGANISATION_NAME_WORDS.iter()));
    BITS.may_hold(w) && entities::contains_folded(&ORGANISATION_NAME_WORDS, w)
}

/// Is `w`, in any case, a particle of a person's name (`lexicon::NAME_PARTICLES`)?
fn is_name_particle(w: &str) -> bool {
    static BITS: once_cell::sync::Lazy<FirstAndLength> =
        once_cell::sync::Lazy::new(|| FirstAndLength::of(lexicon::NAME_PARTICLES.iter()));
    BITS.may_hold(w) && lexicon::contains_folded(&lexicon::NAME_PARTICLES, w)
}

/// Is `w`, in any case, a generational suffix ([`GENERATIONAL_SUFFIXES`]: `Jr`, `III`)?
fn is_generational_suffix(w: &str) -> bool {
    static BITS: once_cell::sync::Lazy<FirstAndLength> =
        once_cell::sync::Lazy::new(|| FirstAndLength::of(GENERATIONAL_SUFFIXES.iter()));
    BITS.may_hold(w) && entities::contains_folded(&GENERATIONAL_SUFFIXES, w)
}

/// Is `run` one capitalised plural (`Citizens`, `Doctors`), the people of an advocacy
/// group's name `Citizens for Clean Harbors`, `Nurses for Safe Wards`?
fn people_for(run: &str) -> bool {
    run.len() > 4
        && !run.contains(' ')
        && run.ends_with('s')
        && !run.ends_with("ss")
        && run.chars().next().is_some_and(char::is_uppercase)
        && run.chars().all(char::is_alphabetic)
        && lexicon::word_info(run).class & (lexicon::class::TITLE | lexicon::class::TIME) == 0
        // ("James for Senate" is a person's campaign, "Dennis" a person)
        && !forename_gender(run).1
}

/// Is a capitalised name an organisation's (a capitalised organisation word in it:
/// `Department of Veterans Affairs`, `the Harbor Transit Authority`; or people for a
/// cause: `Citizens for Clean Harbors`)?
fn is_organisation_name(name: &str) -> bool {
    is_organisation_name_words(name, words(name))
}

/// [`is_organisation_name`] of `name`, whose words ([`words`]) are `name_words`.
fn is_organisation_name_words<'w>(
    name: &str,
    name_words: impl IntoIterator<Item = &'w str>,
) -> bool {
    let (mut org, mut person, mut joined_by_for) = (false, false, false);
    for w in name_words {
        // (the words are cut here anyway: `for` is seen in passing, not searched for)
        joined_by_for |= w == "for";
        let class = lexicon::word_info(w).class;
        // "House Speaker Lena Okafor", "campaign manager Robby Mook": a person with a
        // title or a role ("The Harbor Observer" is a newspaper's name)
        let role = class & lexicon::class::TITLE != 0
            || class & (lexicon::class::ROLE | lexicon::class::ORG) == lexicon::class::ROLE;
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        // (looked up only when it decides: not once a person is found, which no later
        // word undoes, nor for a capitalised word that is no role once `org` holds)
        let name_word = !person
            && (role || capitalised && class & lexicon::class::ORG == 0 && !org)
            && is_organisation_name_word(w);
        if role && !name_word && !person {
            person = true;
            // (a person's name is no organisation's; only people for a cause still
            // may be: without " for " the later words are not read)
            if !name.contains(" for ") {
                return false;
            }
        }
        org |= capitalised && (class & lexicon::class::ORG != 0 || name_word);
    }
    org && !person
        || joined_by_for
            && name.split_once(" for ").is_some_and(|(people, cause)| {
                people_for(people) && cause.chars().next().is_some_and(char::is_uppercase)
            })
}

/// Does a lowercase organisation word follow the name at `end` (`the Harbor One
/// television network`, `Tarsen Metals company`)? Then the name is the organisation's.
fn organisation_head_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    if !rest.starts_with(' ') {
        return false;
    }
    // (the first two words of an ASCII run, cut by bytes; the character scan below only
    // when a byte past ASCII comes first)
    if let Some(words) = first_two_ascii_words(rest) {
        let head = |w: &str| {
            let w = w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && lexicon::word_info(w).class & (lexicon::class::ORG | lexicon::class::MEDIA) != 0
        };
        return words[0].is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            && words.iter().flatten().any(|w| head(w));
    }
    rest.split_whitespace().take(2).any(|w| {
        let w = w.trim_end_matches(|c: char| !is_alnum(c));
        w.chars().next().is_some_and(char::is_lowercase)
            && lexicon::word_info(w).class & (lexicon::class::ORG | lexicon::class::MEDIA) != 0
    }) && rest
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// The first two words of `s` as `s.split_whitespace()` gives them, when every byte read
/// up to the second word's end (or the end of `s`) is ASCII; `None` when one is not.
fn first_two_ascii_words(s: &str) -> Option<[Option<&str>; 2]> {
    let bytes = s.as_bytes();
    let mut found = [None, None];
    let mut i = 0;
    for slot in &mut found {
        while i < bytes.len() && matches!(bytes[i], b'\t'..=b'\r' | b' ') {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && !matches!(bytes[i], b'\t'..=b'\r' | b' ') {
            if !bytes[i].is_ascii() {
                return None;
            }
            i += 1;
        }
        *slot = Some(&s[start..i]);
    }
    Some(found)
}

/// Where the text's headline ends (0 when it has none): a first line of at most [`TITLE_WORDS`]
/// words, most of them capitalised (`Mayor Vows To Fight Budget Cuts`).
fn headline_end(text: &str) -> usize {
    // a text of one line is a body, not a headline over nothing
    let Some(end) = text.find('\n') else {
        return 0;
    };
    let line = &text[..end];
    let (mut long, mut capitalised, mut all) = (0, 0, 0);
    for w in line.split_whitespace() {
        all += 1;
        if w.len() > 3 {
            long += 1;
            capitalised += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    if all <= TITLE_WORDS && long >= 2 && capitalised * 10 >= long * 7 {
        end
    } else {
        0
    }
}

/// How much of the body after a headline [`headline_name_in_body`] reads: the lead and
/// the first paragraphs, where a news text names the headline's people in full.
const HEADLINE_NAME_BODY_BYTES: usize = 4096;

/// The longest run of two or more of the headline name `name`'s first words that the
/// body (its first [`HEADLINE_NAME_BODY_BYTES`] after the headline, which ends at
/// `headline`) has as whole words: `Ann Lee` of `Ann Lee Hid Her Plan`.
fn headline_name_in_body(text: &str, headline: usize, name: Span) -> Option<Span> {
    let mut end_of_body = (headline + HEADLINE_NAME_BODY_BYTES).min(text.len());
    while !text.is_char_boundary(end_of_body) {
        end_of_body -= 1;
    }
    let body = text.get(headline..end_of_body)?;
    let in_body = |phrase: &str| {
        body.match_indices(phrase).any(|(at, _)| {
            let before = body[..at].chars().next_back();
            let after = body[at + phrase.len()..].chars().next();
            !before.is_some_and(is_alnum) && !after.is_some_and(is_alnum)
        })
    };
    let words: Vec<(usize, &str)> = name_words(text, name, true).collect();
    let prefix = |n: usize| {
        let (off, w) = words[n - 1];
        Span::new(name.start, name.start + off + w.len())
    };
    (2..=words.len().min(8))
        .rev()
        .map(prefix)
        .find(|prefix| in_body(prefix.text(text)))
        .or_else(|| {
            // ("Ana Ruiz Hits Back … Ruiz said": a forename and a surname the body
            // uses alone)
            match words[..] {
                [(_, first), (_, second), ..]
                    if forename_gender(first).1
                        && second.chars().next().is_some_and(char::is_uppercase)
                        && in_body(second) =>
                {
                    Some(prefix(2))
                }
                _ => None,
            }
        })
}

/// The name in apposition to the description at `span`: right after it (`the
/// Republican nominee Ann Lee`) or between commas (`Another critic, Ann Lee, said`),
/// from `names` (sorted by start).
fn apposition_name(text: &str, span: Span, names: &[(Span, bool)]) -> Option<Span> {
    let i = names.partition_point(|n| n.0.start < span.end);
    let &(name, weak) = names.get(i)?;
    if weak || is_organisation_name(name.text(text)) {
        return None;
    }
    let gap = text.get(span.end..name.start)?;
    let after = text.get(name.end..)?.trim_start_matches(' ');
    let right_after = gap.len() == 1 && gap == " ";
    let between_commas =
        gap.trim_end_matches(' ') == "," && gap.len() <= 2 && after.starts_with([',', '(']);
    (right_after || between_commas).then_some(name)
}

/// The person named just before a speaker mention that is only part of an apposition to
/// them: the apposition itself (`Ann Lee, a tax lawyer at Birk & Co., said`: `a tax
/// lawyer`) or the body in it (`Ann Lee, president of the Harbor Pilots Guild, said`:
/// `the Harbor Pilots Guild`; `Ms. Lee of the Harbor Club said`), from `names` (sorted by
/// start).
fn name_before_apposition(text: &str, span: Span, names: &[(Span, bool)]) -> Option<Span> {
    let i = names.partition_point(|n| n.0.start < span.start);
    let &(name, weak) = names.get(i.checked_sub(1)?)?;
    if weak || name.end > span.start {
        return None;
    }
    let gap = text.get(name.end..span.start)?;
    // (most speakers follow no name so closely: the gap is tested before the name)
    if gap.len() > 80 {
        return None;
    }
    let mention = span.text(text);
    // ("Ann Lee, a tax lawyer": the apposition opens lowercase, with an article; and the
    // name is its clause's subject, or a comma closes the apposition before the cue: in
    // "Asked about Ann Lee, a spokesman said" the name ends a phrase and the description
    // is the subject)
    let apposition = gap == ", "
        && ["a ", "an "].iter().any(|d| mention.starts_with(d))
        && mention.contains(' ')
        && (name_opens_clause(text, name) || apposition_closed(text, span.end));
    // (", president of ", ", a spokeswoman for ", " of ": a few lowercase words, then
    // the join)
    let body = || {
        let Some(role) = [" of ", " for ", " at "]
            .iter()
            .find_map(|j| gap.strip_suffix(j))
        else {
            return false;
        };
        let role = match role.strip_prefix(", ") {
            Some(role) => role,
            None if role.is_empty() => role,
            None => return false,
        };
        role.split(' ').count() <= 6
            // ("a Denver-based engineer and spokesman for": a compound may open capitalised)
            && role.split(' ').all(|w| {
                let tail = w.rsplit('-').next().unwrap_or(w);
                w.is_empty()
                    || tail.chars().all(char::is_lowercase)
                        && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            // (the body is a name, or opens with `the`)
            && (mention.chars().next().is_some_and(char::is_uppercase)
                || mention.starts_with("the "))
    };
    ((apposition || body()) && !is_organisation_name(name.text(text))).then_some(name)
}

/// Does the person's name at `name` open its clause (`Ann Lee, a tax lawyer, said`,
/// `After the vote, Sen. Ann Lee, …`), a title before it allowed, rather than end a phrase
/// (`Asked about Ann Lee, …`, `In a letter to Ann Lee, …`)?
fn name_opens_clause(text: &str, name: Span) -> bool {
    let mut start = name.start;
    // ("Sen. Ann Lee", "Harbor Mayor Ann Lee": the titles before the name, two at most)
    for _ in 0..2 {
        let before = text.get(..start).unwrap_or("");
        let Some(head) = before.strip_suffix(' ') else {
            break;
        };
        let word = head.rsplit([' ', '\n']).next().unwrap_or(head);
        let bare = word.strip_suffix('.').unwrap_or(word);
        if bare.is_empty()
            || !bare.chars().next().is_some_and(char::is_uppercase)
            || lexicon::word_info(bare).class & lexicon::class::TITLE == 0
        {
            break;
        }
        start = head.len() - word.len();
    }
    opens_sentence(text, Span::new(start, name.end))
}

/// Does a comma close the apposition that ends at `end` before a verb (`Ann Lee, a tax
/// lawyer at Birk & Co., said`: ` at Birk & Co.,`)?
fn apposition_closed(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    // (an apposition's tail is a few words: past 60 bytes the comma is another clause's)
    let Some(comma) = rest.bytes().take(60).position(|b| b == b',') else {
        return false;
    };
    let tail = &rest[..comma];
    !tail.contains(['\n', ';', '"', '“', '”'])
        && tail
            .split(' ')
            .all(|w| w.is_empty() || lexicon::word_info(w).lemma.is_none())
}

/// The role phrase in apposition after a name ending at `end` (`, the Republican
/// nominee,` gives `the Republican nominee`): at most six words up to a comma or a
/// period, one of them a lowercase role noun.
fn apposed_role(text: &str, end: usize) -> Option<&str> {
    let (rest, stop) = apposition_after(text, end)?;
    let phrase = &rest[..stop];
    let mut count = 0;
    // the end of the last role noun in the phrase (0: none yet)
    let mut role_end = 0;
    for (at, w) in phrase.split(' ').scan(0, |at, w| {
        let here = *at;
        *at += w.len() + 1;
        Some((here, w))
    }) {
        count += 1;
        let info = lexicon::word_info(w);
        if info.lemma.is_some() {
            // a clause ("Ann Lee, who said"), not an apposition
            return None;
        }
        if count > 6 {
            // ("an analyst at the Harbor Policy Institute": the role is in the first six
            // words; what follows it is where, left out: the person's words are kept
            // small)
            return (role_end > 0).then(|| &phrase[..role_end]);
        }
        if w.chars().next().is_some_and(char::is_lowercase)
            && info.class & lexicon::class::ROLE != 0
        {
            role_end = at + w.len();
        }
    }
    (role_end > 0).then_some(phrase)
}

/// The text after the `, ` that follows a name ending at `end`, and where the
/// apposition there stops (the first comma, period, semicolon, line break, bracket or
/// quotation mark): read by [`apposed_role`] and [`introduced_last`].
fn apposition_after(text: &str, end: usize) -> Option<(&str, usize)> {
    let rest = text.get(end..)?.strip_prefix(", ")?;
    // (`rest.find([',', '.', ';', '\n', '(', '"', '“'])` as a byte scan: every mark is
    // ASCII but `“`, found by its three bytes, so the offset is a character's start)
    let bytes = rest.as_bytes();
    let stop = bytes.iter().enumerate().position(|(i, &b)| {
        matches!(b, b',' | b'.' | b';' | b'\n' | b'(' | b'"')
            || b == 0xE2 && bytes.get(i + 1..i + 3) == Some(&[0x80, 0x9C][..])
    })?;
    Some((rest, stop))
}

/// Does the name ending at `end` close its sentence with a role in apposition (`… worries
/// Ana Ruiz, president of the Harbor Guild.`)? A person so introduced last is the one the
/// next quotation's `she said` takes up, like a sentence's subject.
fn introduced_last(text: &str, end: usize) -> bool {
    // (the apposition's stop must be a period that ends the sentence)
    let Some((rest, stop)) = apposition_after(text, end) else {
        return false;
    };
    let after = &rest[stop..];
    apposed_role(text, end).is_some()
        && after
            .strip_prefix('.')
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\n', '\u{a0}']))
}

/// A document mention (`a new Harbor County poll`, `the report`): its head word without
/// a plural `s`, and the capitalised run before the head that names its maker.
fn document_of(text: &str, span: Span) -> Option<(&str, Option<Span>)> {
    let s = span.text(text);
    if let Some(found) = document_by_maker(text, span) {
        return Some(found);
    }
    let head_word = s.split_whitespace().last()?;
    let head = head_word.trim_end_matches(|c: char| !is_alnum(c));
    if head.chars().next().is_none_or(char::is_uppercase)
        || !entities::contains_folded(&DOCUMENT_HEADS, head)
    {
        return None;
    }
    let head = head
        .strip_suffix('s')
        .filter(|h| h.ends_with("ll"))
        .unwrap_or(head);
    // the last run of capitalised words before the head
    let before = &s[..s.len() - head_word.len()];
    let (mut run_start, mut run_end) = (None, 0);
    let (mut off, mut in_run) = (0, false);
    // ("A\u{a0}Bloomberg poll": any space between the words)
    for w in before.split_inclusive(is_space) {
        let core = w.trim_end_matches(is_space);
        let capitalised = core.chars().next().is_some_and(char::is_uppercase)
            && !MENTION_DETERMINERS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(core))
            && core
                .chars()
                .all(|c| is_alnum(c) || matches!(c, '-' | '/' | '.' | '&' | '\'' | '’'));
        if capitalised {
            if !in_run {
                run_start = Some(off);
            }
            run_end = off + core.len();
        }
        in_run = capitalised;
        off += w.len();
    }
    // ("Ann Lee's report": Ann Lee)
    let maker = run_start.map(|a| {
        let run = &s[a..run_end];
        let run = possessive_stem(run).unwrap_or(run);
        let run = first_of_joint_makers(run);
        Span::new(span.start + a, span.start + a + run.len())
    });
    Some((head, maker))
}

/// A document mention that names its maker after `by` (`a web video by the Harbor
/// Council`, `an analysis by Ann Lee, a lawyer`): its head word and the capitalised
/// name after `by`. `None` when no document head stands before `by` or no capitalised
/// name follows it (`a study by researchers`).
fn document_by_maker(text: &str, span: Span) -> Option<(&str, Option<Span>)> {
    let s = span.text(text);
    // (`by` inside the mention, or right after it: a mention may end at its head)
    // (a byte scan: most mentions hold no `by`, and a string searcher's setup costs more)
    let by = s.as_bytes().windows(4).position(|w| w == b" by ");
    let (head_part, after, limit) = match by {
        Some(at) => (&s[..at], &s[at + 4..], span.end),
        None => {
            let after = text.get(span.end..)?.strip_prefix(" by ")?;
            (s, after, text.len())
        }
    };
    let head = head_part.rsplit(is_space).next()?;
    if head.chars().next().is_none_or(char::is_uppercase)
        || !entities::contains_folded(&DOCUMENT_HEADS, head)
    {
        return None;
    }
    let after = ["the ", "The "]
        .iter()
        .find_map(|d| after.strip_prefix(d))
        .unwrap_or(after);
    // (`after` is a slice of `text`: its offset, without a search)
    let from = after.as_ptr() as usize - text.as_ptr() as usize;
    let end = capitalised_run_from(text, from)?.min(limit);
    Some((head, Some(Span::new(from, end))))
}

/// The first maker of a document two bodies made: two names of several words joined by a
/// slash or a hyphen (`Harbor Times/Coast Radio News`, `Harbor Times-Coast Radio News`)
/// are two makers, and the entity is the first; a join of one-word names
/// (`Quarry/Tessel`, `Lee-Ann`) reads as one name and stays whole.
fn first_of_joint_makers(run: &str) -> &str {
    let several_words = |s: &str| s.split(is_space).filter(|w| !w.is_empty()).count() > 1;
    for (at, c) in run.char_indices() {
        if c == '/' || c == '-' {
            let (before, after) = (&run[..at], &run[at + 1..]);
            if after.starts_with(char::is_uppercase)
                && several_words(before)
                && several_words(after)
            {
                return before;
            }
        }
    }
    run
}

/// Is a lowercase head word a plural of people (`officials`, `voters`, `men`)?
/// "Officials at the agency", "experts from the institute": the plural role noun that a
/// speaker mention naming a body is governed by, if any (the people speak, not the body).
fn members_before(text: &str, start: usize) -> Option<Span> {
    // (a few words back at most: linear in the mention)
    let from = start.saturating_sub(48);
    let from = (from..start).find(|&i| text.is_char_boundary(i))?;
    let before = text[from..start].trim_end_matches(is_space);
    let before = before
        .strip_suffix("the")
        .or_else(|| before.strip_suffix("The"))
        .map_or(before, |b| b.trim_end_matches(is_space));
    let (rest, preposition) = before.rsplit_once(is_space)?;
    if !matches!(preposition, "at" | "from" | "of" | "for" | "with") {
        return None;
    }
    let rest = rest.trim_end_matches(is_space);
    let noun = rest.rsplit(is_space).next()?;
    let lower = noun.to_lowercase();
    let members =
        is_plural_head(&lower) && lexicon::word_info(&lower).class & lexicon::class::ROLE != 0;
    members.then(|| {
        let end = from + rest.len();
        Span::new(end - noun.len(), end)
    })
}

/// "Some Democrats said", "many Republicans": a plural name after a quantifier is some
/// of its members, not the party or the body (the span with the quantifier).
fn quantified(text: &str, span: Span) -> Option<Span> {
    const QUANTIFIERS: [&str; 7] = ["some", "many", "several", "few", "most", "other", "fellow"];
    // (the last word ends where the mention's last letter or digit is: most mentions are
    // turned away by their end, before their words are cut)
    let tail = trim_end_to_alnum(span.text(text));
    if !tail.ends_with('s') || tail.ends_with("ss") {
        return None;
    }
    let mut ws = words(span.text(text));
    let first = ws.next()?;
    let last = ws.last();
    if !last.unwrap_or(first).ends_with('s') || last.unwrap_or(first).ends_with("ss") {
        return None;
    }
    // ("Some Greens said": the quantifier is in the mention)
    if last.is_some() && QUANTIFIERS.iter().any(|q| q.eq_ignore_ascii_case(first)) {
        return Some(span);
    }
    let from = span.start.saturating_sub(10);
    let from = (from..span.start).find(|&i| text.is_char_boundary(i))?;
    let before = text[from..span.start].strip_suffix(' ')?;
    let word = before.rsplit(is_space).next()?;
    QUANTIFIERS
        .iter()
        .any(|q| q.eq_ignore_ascii_case(word))
        .then(|| Span::new(span.start - 1 - word.len(), span.end))
}

/// Whether the longer name `longer` (lowercased words) is a fuller form of a person's
/// `name`: the surname stays last ("Ann Lee" of "Lee", "Ann B. Lee" of "Ann Lee") or a
/// generational suffix follows; a word after it is not the name ("Lee Now", the title of
/// her show; "Lee Speech" in a headline).
// (the clustering calls [`extends_name_ids`]; this form states the rule in its examples)
#[cfg(test)]
fn extends_name<W: AsRef<str>>(name: &[W], longer: &[W]) -> bool {
    extends_name_ending(
        name.len(),
        name.last().map(AsRef::as_ref),
        longer.last().map(AsRef::as_ref),
    )
}

/// [`extends_name`] of two names given as word ids in `vocabulary`.
fn extends_name_ids(vocabulary: &Vocabulary, name: &[WordId], longer: &[WordId]) -> bool {
    extends_name_ending(
        name.len(),
        name.last().map(|&w| vocabulary.word(w)),
        longer.last().map(|&w| vocabulary.word(w)),
    )
}

/// [`extends_name`] from what it reads: how many words the name has, and its last word
/// and the longer name's (the clustering keeps names as word ids, not strings).
fn extends_name_ending(
    name_len: usize,
    name_last: Option<&str>,
    longer_last: Option<&str>,
) -> bool {
    let (name_last, longer_last) = (
        name_last.map(|w| w.trim_end_matches('.')),
        longer_last.map(|w| w.trim_end_matches('.')),
    );
    match (name_last, longer_last) {
        (Some(a), Some(b)) => {
            a == b
                || GENERATIONAL_SUFFIXES.contains(b)
                // a forename alone ("Ann") before the full name
                || name_len == 1 && forename_gender(a).1
        }
        _ => true,
    }
}

/// Where the maker of a document mention starting at `start` ends when a verb of
/// issuing stands between them (`the Harbor Council issued a statement`: the end of
/// `the Harbor Council`), or `None`.
fn issuer_gap(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?;
    [
        "issued",
        "released",
        "published",
        "put out",
        "posted",
        "sent",
    ]
    .iter()
    .find_map(|verb| {
        let rest = before.strip_suffix(' ')?.strip_suffix(verb)?;
        rest.strip_suffix(' ').map(str::len)
    })
}

/// Where the issuer of the last `a`/`an` + `head` before `at` (at most [`NEAR_BYTES`]
/// back) ends when a verb of issuing stands between them ([`issuer_gap`]: `the Harbor
/// Council issued a statement`), or `None`: the maker of a document that was never a
/// speaker itself, for a later `the statement`.
fn issuer_of_earlier(text: &str, head: &str, at: usize) -> Option<usize> {
    let mut from = at.saturating_sub(NEAR_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..at)?;
    window.rmatch_indices(head).find_map(|(found, _)| {
        let after = window[found + head.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let before = &window[..found];
        let article = ["a ", "an "]
            .iter()
            .find(|a| before.strip_suffix(*a).is_some_and(|b| b.ends_with(' ')))?;
        issuer_gap(text, from + found - article.len())
    })
}

/// Is every word of `modifiers`, lowercased in `buf`, in `set` ([`has_word_or_stem`])?
fn has_modifiers<'m>(
    modifiers: impl Iterator<Item = &'m str>,
    set: &WordIdSet,
    vocabulary: &Vocabulary,
    buf: &mut String,
) -> bool {
    for w in modifiers {
        lower_into(w, buf);
        if !has_word_or_stem(set, vocabulary, buf) {
            return false;
        }
    }
    true
}

/// Is the lowercase word `w` in `set` (ids in `vocabulary`), or the same word with or
/// without the adjective ending `-ic` (`democratic` for `democrat`)? `w` is a buffer
/// the word is in, which the last test lengthens by `ic` (no `String` made per word).
fn has_word_or_stem(set: &WordIdSet, vocabulary: &Vocabulary, w: &mut String) -> bool {
    let has = |w: &str| set.has(vocabulary.find(w));
    if has(w) || w.strip_suffix("ic").is_some_and(has) {
        return true;
    }
    w.push_str("ic");
    has(w)
}

/// Is the person whose mention words are `words` known by a role other than those of
/// the description whose content words are `content` and whose head is `head`? A judge
/// (`Justice Ann Lee`) or an analyst (`Tom Birk, an analyst`) is not `the Republican
/// nominee`; a party word is a role of its own (`Democrat Ann Lee` is not `the Republican
/// nominee`, but is `the Democratic nominee`). Plural role nouns (`supporters`) are no
/// one's role.
fn known_by_another_role<'c>(
    words: &WordIdSet,
    vocabulary: &Vocabulary,
    head: &str,
    content: impl Iterator<Item = &'c str> + Clone,
) -> bool {
    let another = |w: &str| {
        w != head
            && !is_plural_head(w)
            && !content.clone().any(|c| {
                c == w || c.strip_suffix("ic") == Some(w) || w.strip_suffix("ic") == Some(c)
            })
    };
    // (a person's word set grows with each apposition: past the size of the role list,
    // the list's words are looked up in it instead, so the test stays bounded by the
    // list however long the article; the role class is exactly the list's words)
    if words.len() > lexicon::ROLE_NOUNS.len() {
        lexicon::ROLE_NOUNS
            .iter()
            .any(|&role| words.has(vocabulary.find(role)) && another(role))
    } else {
        words.iter().any(|w| {
            let w = vocabulary.word(w);
            lexicon::word_info(w).class & lexicon::class::ROLE != 0 && another(w)
        })
    }
}

/// The pronoun a speaker mention opens with, when it is one, as a span of the mention's
/// first word without a clitic: `It` of `It’s`, `He` of `He'll`, `who` of `who last winter`
/// (a mention finder may take a clitic or the words after a relative into the mention;
/// the pronoun alone refers).
fn pronoun_of_mention(text: &str, span: Span) -> Option<Span> {
    let mention = span.text(text);
    // (the first word up to an ASCII space found by bytes; the character split only when
    // a byte past ASCII comes first)
    let first = match mention
        .bytes()
        .position(|b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '))
    {
        None => mention,
        Some(i) if mention.as_bytes()[i].is_ascii() => &mention[..i],
        Some(_) => mention.split(is_space).next()?,
    };
    // "While he’s away", "when she": an adverbial's opening word is no part of
    // the subject (the pronoun after it refers)
    if lexicon::word_info(first).class & lexicon::class::NOT_CONTENT_START != 0
        && first.chars().all(char::is_alphabetic)
    {
        let rest = mention[first.len()..].trim_start_matches(is_space);
        let start = span.end - rest.len();
        if rest.len() < mention.len() && !rest.is_empty() {
            let next = Span::new(start, span.end);
            let word = rest.split(is_space).next().unwrap_or(rest);
            let bare = word.split(['\'', '’']).next().unwrap_or(word);
            if lexicon::word_info(bare).class & lexicon::class::PRONOUN != 0 {
                return Some(Span::new(start, start + bare.len()));
            }
            return pronoun_of_mention(text, next);
        }
    }
    // "his weekly letter", "her financial disclosure": a thing of the person's that
    // speaks for them is the person (`his wife`, `her aides`, `his campaign`, `their
    // supporters` are others: a kin, role or body word, or a plural)
    if possessive_pronoun(first).is_some_and(|p| p != "they")
        && owned_thing(&mention[first.len()..])
    {
        return Some(Span::new(span.start, span.start + first.len()));
    }
    // (most first words have no apostrophe: a byte scan before the character search)
    let apostrophe = first.bytes().any(|b| b == b'\'' || b == 0xE2);
    let bare = match apostrophe.then(|| first.find(['\'', '’'])).flatten() {
        Some(i) if is_contraction(first) || possessive_stem(first).is_some() => &first[..i],
        _ => first,
    };
    let one_word = bare.len() == mention.len();
    let relative = || bare.eq_ignore_ascii_case("who");
    // (`who` is no personal pronoun of the lexicon's class)
    let pronoun = || {
        bare.len() < first.len() && lexicon::word_info(bare).class & lexicon::class::PRONOUN != 0
    };
    (!one_word && (relative() || pronoun())).then(|| Span::new(span.start, span.start + bare.len()))
}

/// Are the words after a possessive pronoun (`his` `weekly letter`) a thing of the
/// person's, not another person or a body: at least one word, none of them a kin, role
/// or organisation word, and the last no plural (`aides`, `supporters`)?
fn owned_thing(rest: &str) -> bool {
    let mut any = false;
    let mut last = "";
    for w in words(rest) {
        let info = lexicon::word_info(w);
        if info.class & (lexicon::class::ROLE | lexicon::class::ORG | lexicon::class::PRONOUN) != 0
            // ("his ex-wife", "her step-son": a kin noun after a prefix)
            || w.split('-').any(|part| entities::contains_folded(&KIN_NOUNS, part))
            || is_organisation_name_word(w)
            || w.chars().next().is_some_and(char::is_uppercase)
        {
            return false;
        }
        any = true;
        last = w;
    }
    any && !(last.len() > 3 && last.ends_with('s') && !last.ends_with("ss"))
}

/// Is a mention's words a share of what a pronoun refers to (`most of them`, `some of
/// us`)?
fn partitive_of_pronoun(mention_words: &[&str]) -> bool {
    match mention_words {
        [.., of, pronoun] if mention_words.len() >= 3 => {
            of.eq_ignore_ascii_case("of")
                && OBJECT_PRONOUNS
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(pronoun))
        }
        _ => false,
    }
}

/// The personal pronoun of a possessive determiner (`she` of `her`), or `None`.
fn possessive_pronoun(w: &str) -> Option<&'static str> {
    [("his", "he"), ("her", "she"), ("their", "they")]
        .iter()
        .find(|(possessive, _)| possessive.eq_ignore_ascii_case(w))
        .map(|&(_, pronoun)| pronoun)
}

/// Where the sentence before the one at `at` starts: two sentence ends back (a `.`, `?`
/// or `!` before a space, or a line break), at most [`NEAR_BYTES`] back, searched only
/// back to `floor`: `None` when it does not start after `floor` (what ends at `floor` is
/// in the window). An abbreviation (`Mr. Lee`) cuts the window short; it is only a
/// preference, so that errs on the side of the older rule.
fn sentence_window_start(text: &str, at: usize, floor: usize) -> Option<usize> {
    let limit = at.saturating_sub(NEAR_BYTES);
    let from = limit.max(floor.min(at));
    let bytes = &text.as_bytes()[from..at];
    let mut ends = 0;
    for i in (1..bytes.len()).rev() {
        if sentence_end_at(bytes, i) {
            ends += 1;
            if ends == 2 {
                return Some(from + i);
            }
        }
    }
    // (cut at the limit, the window starts there)
    (from == limit).then_some(limit)
}

/// Where the sentence holding `at` starts (one sentence end back, as
/// [`sentence_window_start`] reads them), searched only back to `floor`: `None` when it
/// starts at or before `floor` (what ends at `floor` is in that sentence).
fn sentence_start_after(text: &str, at: usize, floor: usize) -> Option<usize> {
    let from = at.saturating_sub(NEAR_BYTES).max(floor.min(at));
    let bytes = text.as_bytes().get(from..at)?;
    (1..bytes.len())
        .rev()
        .find(|&i| sentence_end_at(bytes, i))
        .map(|i| from + i)
}

/// Is byte `i` (at least 1) of `bytes` a sentence end as the pronoun windows read them: a
/// line break after text (a blank line is one end, not two) or a space after `.`, `?`
/// or `!`?
fn sentence_end_at(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'\n' && bytes[i - 1] != b'\n'
        || bytes[i] == b' ' && matches!(bytes[i - 1], b'.' | b'?' | b'!')
}

/// Does `mention` open its sentence: nothing before it but quotation
/// marks back to a sentence end, a line break or the text's start (an abbreviation's
/// period, `Mr.`, is no sentence end)?
fn opens_sentence(text: &str, mention: Span) -> bool {
    let before = text
        .get(..mention.start)
        .unwrap_or("")
        .trim_end_matches([' ', '"', '“', '”', '\'', '‘', '’', '\u{a0}']);
    // ("Lee's plan": a possessive is no subject)
    let words = mention.text(text);
    if text
        .get(mention.end..)
        .unwrap_or("")
        .starts_with(['\'', '’'])
        || possessive_stem(words).is_some()
    {
        return false;
    }
    if before.is_empty() || before.ends_with(['\n', '?', '!']) {
        return true;
    }
    // ("“We won,” Ann Lee said": the subject of the clause that reports a quotation)
    let raw = text
        .get(..mention.start)
        .unwrap_or("")
        .trim_end_matches([' ', '\u{a0}']);
    if [",”", ",\"", ",’"].iter().any(|end| raw.ends_with(end)) {
        return true;
    }
    // ("After the vote, Ann Lee said": the subject after an opening phrase)
    if let Some(phrase) = before.strip_suffix(',') {
        return opening_phrase(phrase);
    }
    let Some(stem) = before.strip_suffix('.') else {
        return false;
    };
    let last = stem.rsplit([' ', '\n']).next().unwrap_or("");
    // ("Mr.", "Sen.", "U.S.": short capitalised words and initials end no sentence)
    !(last.len() <= 4 && last.chars().next().is_some_and(char::is_uppercase) || last.contains('.'))
}

/// Does `before` (the text before a mention and its comma) end in a sentence's opening
/// phrase (`After the vote`, `In a letter last week`, `Meanwhile`): a few words from a
/// sentence start, no comma or quotation among them, the first one that opens no name (a
/// preposition, an adverb, a conjunction, a determiner)? The subject follows such a
/// phrase; a list (`Ann Lee, Tom Birk`) or a clause before a comma is no opening phrase.
fn opening_phrase(before: &str) -> bool {
    // (an opening phrase is short: the search back for the sentence start stays short)
    const MAX_PHRASE_BYTES: usize = 120;
    const MAX_PHRASE_WORDS: usize = 10;
    let from = before.len().saturating_sub(MAX_PHRASE_BYTES);
    let Some(from) = (from..=before.len()).find(|&i| before.is_char_boundary(i)) else {
        return false;
    };
    let window = &before[from..];
    let sentence_end = window
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || c == ' ' && i > 0 && window[..i].ends_with(['.', '?', '!']))
        .map(|(i, _)| i + 1);
    let phrase = match sentence_end {
        Some(at) => &window[at..],
        None if from == 0 => window,
        None => return false,
    };
    let phrase = phrase.trim_start_matches([' ', '"', '“', '‘', '\'', '\u{a0}']);
    if phrase.contains([',', ';', ':', '"', '“', '”', '(', ')'])
        || words(phrase).count() > MAX_PHRASE_WORDS
    {
        return false;
    }
    words(phrase).next().is_some_and(|first| {
        first.chars().next().is_some_and(char::is_uppercase)
            && lexicon::word_info(first).class
                & (lexicon::class::NOT_NAME_START | lexicon::class::DET)
                != 0
    })
}

/// How far back [`sentence_window_start`] looks: two news sentences.
const NEAR_BYTES: usize = 480;

/// The index of `kind`'s map of keys in `cluster`.
fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organisation => 1,
        EntityKind::Group => 2,
        EntityKind::Unnamed => 3,
    }
}

fn is_plural_head(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
        || matches!(w, "people" | "men" | "women" | "children" | "police")
}

/// Where the lead ends: the end of the first paragraph after the headline (`headline`,
/// 0 when none).
fn lead_end(text: &str, headline: usize) -> usize {
    // a first line of at most `TITLE_WORDS` words is a title, whatever its case ("Judge
    // keeps harbor survey under wraps.")
    let headline = match text.find('\n') {
        Some(end) if headline == 0 && text[..end].split_whitespace().count() <= TITLE_WORDS => end,
        _ => headline,
    };
    let body = text.get(headline..).unwrap_or("");
    let first = body.len() - body.trim_start().len();
    // a lead is a paragraph of a few sentences; capped, so that a text without line
    // breaks does not make every speaker a lead's (each one is looked for among the
    // entities after it, which over a whole text would be quadratic)
    let cap = headline + first + MAX_LEAD_BYTES;
    match body[first..].find('\n') {
        Some(k) => (headline + first + k).min(cap),
        None => text.len().min(cap),
    }
}

/// Where the text's title ends: a first line of at most [`TITLE_WORDS`] words,
/// whatever its case ("Judge keeps harbor survey under wraps."), with the next line when
/// the first ends in a semicolon, a subtitle ("Port fees rise again; \nHarbor chief
/// vows review."); `None` when the first line is longer (a body's paragraph).
fn title_end(text: &str) -> Option<usize> {
    let end = text.find('\n')?;
    if text[..end].split_whitespace().count() > TITLE_WORDS {
        return None;
    }
    if !text[..end].trim_end().ends_with(';') {
        return Some(end);
    }
    let next = end + 1;
    let line_end = text[next..].find('\n').map_or(text.len(), |k| next + k);
    let subtitle = &text[next..line_end];
    Some(
        if !subtitle.trim().is_empty() && subtitle.split_whitespace().count() <= TITLE_WORDS {
            line_end
        } else {
            end
        },
    )
}

/// The most words a title line (or its subtitle) has.
const TITLE_WORDS: usize = 25;

/// The longest lead paragraph [`name_in_lead_later`] reads: a news lead runs to a few
/// hundred bytes (the longest first paragraph of PolNeAR's 924 train and dev texts has
/// 1,936).
const MAX_LEAD_BYTES: usize = 4096;

/// Where a text's first lines end: its headline ([`headline_end`]) and its title line
/// ([`title_end`]), each found once for the passes that read them.
#[derive(Clone, Copy)]
struct TitleLines {
    headline: usize,
    title: Option<usize>,
}

/// "A Harbor County judge rejected the request … Circuit Judge Ann Lee wrote", "A new
/// poll shows … The Ledger poll found": news leads describe a speaker whom the article
/// names only later. An unnamed speaker of the headline or the lead known by a role noun
/// or a document's head becomes the first person introduced after it with that role
/// (a title or an apposition), or the first maker of such a document named after it.
fn name_in_lead_later(
    text: &str,
    lines: TitleLines,
    ents: &mut [Ent],
    assigned: &mut [u32],
    document_makers: &[(&str, usize, usize)],
    vocabulary: &Vocabulary,
    headline_subject: Option<usize>,
) {
    let headline = lines.headline;
    let lead = lead_end(text, headline);
    // (a lead opened by a dateline paragraph goes on in the next one: the headline's
    // subject is looked for there too)
    let next_paragraph = if headline > 0 {
        lead_end(text, lead)
    } else {
        lead
    };
    let mut moved: Vec<(usize, usize)> = Vec::new();
    let title = lines.title.unwrap_or(headline);
    for e in 0..ents.len() {
        let ent = &ents[e];
        // (the scans of every entity below run only for the entities named in the
        // headline and the lead, whose ends `lead_end` caps at `MAX_LEAD_BYTES` each:
        // a bounded few, so the work stays linear in the text)
        if !ent.speaks || ent.name.start >= next_paragraph {
            continue;
        }
        if ent.kind != EntityKind::Unnamed {
            if let Some(f) = title_role_named_next(text, ents, e, title) {
                moved.push((e, f));
            }
            continue;
        }
        let in_lead = ent.name.start < lead;
        let Some(last) = words(ent.name.text(text)).last() else {
            continue;
        };
        let head = lower_word(last);
        let later = if !in_lead {
            ent.role_person
                .then(|| headline_subject_of(text, ents, e, &head, headline, headline_subject))
                .flatten()
        } else if entities::DOCUMENT_HEADS.contains(head.as_str()) {
            document_makers
                .iter()
                .find(|(h, _, at)| *at > ent.name.start && h.eq_ignore_ascii_case(&head))
                .map(|&(_, maker, _)| maker)
        } else if ent.role_person {
            let head_id = vocabulary.find(&head);
            // (only a title's speaker: in a lead, "the mayor said … Ana Ruiz told" are
            // two people)
            let named_next = || {
                ents[e]
                    .mentions
                    .first()
                    .filter(|m| m.end <= title)
                    .and_then(|_| first_named_speaker_after(text, ents, e, &head))
            };
            let with_role = (e + 1..ents.len()).find(|&f| {
                let other = &ents[f];
                other.kind == EntityKind::Person
                    && other.name_words > 0
                    && other.person_evidence
                    && other.words.has(head_id)
            });
            // ("Former Harbor Chief Speaks Out … said Ana Ruiz, who ran the harbor …
            // Tom Park, once its chief": a title's speaker named right after it is
            // that person, not one the article gives the role much further on)
            let first_mention = |f: usize| ents[f].mentions.first().map_or(usize::MAX, |m| m.start);
            match (with_role, with_role.and_then(|_| named_next())) {
                (Some(r), Some(n)) if first_mention(n) < first_mention(r) => Some(n),
                (Some(r), _) => Some(r),
                (None, _) => None,
            }
            .or_else(|| headline_subject_of(text, ents, e, &head, headline, headline_subject))
            .or_else(named_next)
        } else {
            None
        };
        if let Some(f) = later.filter(|&f| f != e) {
            moved.push((e, f));
        }
    }
    merge_entities(ents, assigned, &moved);
}

/// "Ana Ruiz Takes On Port Fees. … The Harbor nominee attacked …": the lead's definite
/// description of a person (`head` its head word) is the headline's subject, the first
/// person the headline names, when it is of no other gender.
fn headline_subject_of(
    text: &str,
    ents: &[Ent],
    e: usize,
    head: &str,
    headline: usize,
    subject: Option<usize>,
) -> Option<usize> {
    let mention = ents[e].mentions.first()?;
    let definite = definite_word(words(mention.text(text)).next().as_ref());
    let gender = gender_of_role(head);
    // (the body's first speaker: a description after another speaker is someone else,
    // "According to Ana Ruiz, … the port's inspector said")
    let first_speaker = || {
        ents.iter().enumerate().all(|(other, ent)| {
            other == e
                || !ent
                    .mentions
                    .iter()
                    .any(|m| m.start >= headline && m.start < mention.start)
        })
    };
    subject.filter(|&f| {
        definite
            && headline > 0
            && mention.start >= headline
            && !(gender.known() && ents[f].gender.known() && ents[f].gender != gender)
            && first_speaker()
    })
}

/// Does `name` open with an indefinite article (`a letter to Harbor leaders`)?
fn indefinite(name: &str) -> bool {
    words(name)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
}

/// Is the mention at `span` the second of two names joined by `and` (`Ana Ruiz and Tom
/// Park`, `Senators Ana Ruiz, of Harbor, and Tom Park`)? The text before it ends with
/// `and`, and a capitalised word comes shortly before that.
fn second_of_two(text: &str, span: Span) -> bool {
    let mut from = span.start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(before) = text.get(from..span.start) else {
        return false;
    };
    let Some(rest) = before.trim_end().strip_suffix(" and") else {
        return false;
    };
    let rest = rest.trim_end().trim_end_matches(',');
    rest.rsplit(is_space)
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Is `gap`, the text between a person's name and a relative `who`, an apposition
/// (`, a clerk at the Harbor Board `, `, now the port's chief, `): it opens with a comma,
/// has at most two, no sentence end, and is short?
fn apposition_gap(gap: &str) -> bool {
    // (an apposition opens with a determiner or a time adverb: ", a clerk", ", now the
    // chief"; not a clause going on, ", clash with Tom Park, a clerk who")
    let opens_apposition = words(gap).next().is_some_and(|w| {
        [
            "a", "an", "the", "now", "then", "once", "former", "his", "her", "their",
        ]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(w))
    });
    opens_apposition
        && gap.starts_with(',')
        && gap.len() < 100
        && gap.matches(',').count() <= 2
        && gap.trim_end().len() > 1
        && !gap.contains(['.', '!', '?', ';', '(', '“', '"'])
}

/// The name of two or more capitalised words right after `span` when `span` is one
/// abbreviation that takes a period (`Del` of `Del. Ana Ruiz`): the mention finder
/// stopped at the period.
fn name_after_abbreviation(text: &str, span: Span) -> Option<Span> {
    let word = span.text(text);
    if word.len() > 4
        || !word.chars().next().is_some_and(char::is_uppercase)
        || lexicon::word_info(word).class & lexicon::class::ABBREVIATION == 0
    {
        return None;
    }
    let start = span.end + text.get(span.end..)?.strip_prefix(". ").map(|_| 2)?;
    let end = capitalised_run_from(text, start)?;
    (text.get(start..end)?.split(' ').count() >= 2).then(|| Span::new(start, end))
}

/// Is `w` (a mention's first word) the definite article?
fn definite_word(w: Option<&&str>) -> bool {
    w.is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// How far after a lead's unnamed speaker the person it describes is looked for: the
/// next paragraph or two of a news text.
const LEAD_NAMED_WITHIN: usize = 1200;

/// "Harbor lawmaker urges review … Rep. Ann Lee said on Monday": a headline (a first
/// line of at most [`TITLE_WORDS`] words) that describes its speaker by a role (`lawmaker`, `the tax commissioner`) and names
/// nobody with that role introduces the person whom the article names next as a
/// speaker: the first person shown to be one (a forename or a title) who speaks after
/// the description's first speech, not far after it, of no other gender.
fn first_named_speaker_after(text: &str, ents: &[Ent], e: usize, head: &str) -> Option<usize> {
    let mention = ents[e].mentions.first()?;
    // (someone's kin or aide, "Tom Birk's wife", is someone the article may never
    // name: left to the kin rule, never the next person named)
    if entities::contains_folded(&KIN_NOUNS, head)
        || words(mention.text(text)).any(|w| possessive_stem(w).is_some())
    {
        return None;
    }
    let from = mention.end;
    let gender = gender_of_role(head);
    (e + 1..ents.len())
        .filter(|&f| {
            let other = &ents[f];
            other.kind == EntityKind::Person
                && other.name_words > 0
                && other.person_evidence
                && other.speaks
                && !(gender.known() && other.gender.known() && other.gender != gender)
        })
        .filter_map(|f| {
            let at = ents[f]
                .mentions
                .iter()
                .map(|m| m.start)
                .find(|&s| s >= from)?;
            Some((at, f))
        })
        .min()
        .filter(|&(at, _)| at - from < LEAD_NAMED_WITHIN)
        .map(|(_, f)| f)
}

/// "Tom Birk's wife said … Nora Birk told reporters": a speaker known as a named person's
/// kin (a possessive name and a kin noun) is the one other person the article names with
/// the possessor's surname, when there is exactly one; never the possessor themself
/// (`Zorya Birk's wife`, `the late Tom Birk's widow`).
fn kin_named_later(text: &str, ents: &mut [Ent], assigned: &mut [u32]) {
    // (the kin speakers first: most texts have none, and then nothing is indexed)
    let mut kin_speakers: Vec<(usize, Vec<&str>)> = Vec::new();
    for (index, ent) in ents.iter().enumerate() {
        if ent.kind != EntityKind::Unnamed || !ent.speaks {
            continue;
        }
        let Some(&mention) = ent.mentions.first() else {
            continue;
        };
        // (only unnamed speakers come here: a list of the few words is cheap)
        let mention_words: Vec<&str> = words(mention.text(text)).collect();
        let [.., possessive, kin] = mention_words[..] else {
            continue;
        };
        // ("His ex-wife": a kin noun after a prefix, after a possessive pronoun)
        let kin_noun = kin
            .split('-')
            .any(|part| entities::contains_folded(&KIN_NOUNS, part));
        let by_pronoun = mention_words.len() == 2 && possessive_pronoun(possessive).is_some();
        let is_kin = (by_pronoun
            || possessive_stem(possessive)
                .is_some_and(|surname| surname.chars().next().is_some_and(char::is_uppercase)))
            && kin_noun;
        if is_kin {
            kin_speakers.push((index, mention_words));
        }
    }
    if kin_speakers.is_empty() {
        return;
    }
    // a person's last two name words, lowercased: the possessor is the one person whose
    // name ends as the words before the possessive do
    let last_two = |name: &[&str]| -> Option<(String, String)> {
        let [.., forename, surname] = name else {
            return None;
        };
        Some((forename.to_lowercase(), surname.to_lowercase()))
    };
    // surname → (people named with it, the first two of them), built once
    let mut by_surname: HashMap<String, (usize, [usize; 2])> = HashMap::new();
    for (index, ent) in ents.iter().enumerate() {
        if ent.kind != EntityKind::Person || ent.name_words < 2 {
            continue;
        }
        let Some(surname) = words(ent.name.text(text)).last() else {
            continue;
        };
        let entry = by_surname
            .entry(surname.to_lowercase())
            .or_insert((0, [usize::MAX; 2]));
        if entry.0 < 2 {
            entry.1[entry.0] = index;
        }
        entry.0 += 1;
    }
    // (mention end, person) of every person named in two words or more, sorted: built
    // once, when a kin known by a pronoun comes, so each such kin reads only the
    // mentions ending within `KIN_POSSESSOR_WITHIN` before it
    let mut person_ends: Option<Vec<(usize, usize)>> = None;
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (speaker, mention_words) in &kin_speakers {
        let [possessor @ .., possessive, _kin] = &mention_words[..] else {
            continue;
        };
        // "The nominee argued … His ex-wife agreed": the possessor of a pronoun is the
        // person who spoke last before it, not far before, of the pronoun's gender
        let by_pronoun = possessor
            .is_empty()
            .then(|| possessive_pronoun(possessive))
            .flatten();
        let pronoun_possessor = by_pronoun.and_then(|pronoun| {
            let at = ents[*speaker].mentions.first()?.start;
            let gender = Some(pronoun_gender(pronoun)).filter(|g| g.known())?;
            let ends = person_ends.get_or_insert_with(|| {
                let mut ends: Vec<(usize, usize)> = ents
                    .iter()
                    .enumerate()
                    .filter(|(_, ent)| ent.kind == EntityKind::Person && ent.name_words >= 2)
                    .flat_map(|(index, ent)| ent.mentions.iter().map(move |m| (m.end, index)))
                    .collect();
                ends.sort_unstable();
                ends
            });
            // (the latest mention ending by `at` of a person of the pronoun's gender or
            // none known, the later entity of two ending there)
            let by = ends.partition_point(|&(end, _)| end <= at);
            ends[..by]
                .iter()
                .rev()
                .take_while(|&&(end, _)| at - end < KIN_POSSESSOR_WITHIN)
                .find(|&&(_, index)| {
                    let ent = &ents[index];
                    !(ent.gender.known() && ent.gender != gender)
                })
                .map(|&(_, index)| index)
        });
        if by_pronoun.is_some() {
            let Some(possessor) = pronoun_possessor else {
                continue;
            };
            let Some(surname) = words(ents[possessor].name.text(text)).last() else {
                continue;
            };
            let Some(&(count, people)) = by_surname.get(&surname.to_lowercase()) else {
                continue;
            };
            let kin = match count {
                2 if people[0] == possessor => Some(people[1]),
                2 if people[1] == possessor => Some(people[0]),
                _ => None,
            };
            // (a kin named by a forename: "Admiral Lee" is the possessor again, under a
            // title the name kept)
            let forename = |person: usize| {
                words(ents[person].name.text(text))
                    .next()
                    .is_some_and(|first| forename_gender(first).1)
            };
            if let Some(kin) = kin.filter(|&kin| kin != *speaker && forename(kin)) {
                moved.push((*speaker, kin));
            }
            continue;
        }
        let Some(surname) = possessive_stem(possessive) else {
            continue;
        };
        let Some(&(count, people)) = by_surname.get(&surname.to_lowercase()) else {
            continue;
        };
        let mut possessor_name = possessor.to_vec();
        possessor_name.push(surname);
        let possessor_key = last_two(&possessor_name);
        let is_possessor = |person: usize| {
            let name: Vec<&str> = words(ents[person].name.text(text)).collect();
            possessor_key.is_some() && last_two(&name) == possessor_key
        };
        let kin = match count {
            1 => Some(people[0]).filter(|&person| !is_possessor(person)),
            // (the possessor and one other)
            2 if is_possessor(people[0]) => Some(people[1]).filter(|&p| !is_possessor(p)),
            2 if is_possessor(people[1]) => Some(people[0]),
            _ => None,
        };
        if let Some(kin) = kin.filter(|kin| kin != speaker) {
            moved.push((*speaker, kin));
        }
    }
    merge_entities(ents, assigned, &moved);
}

/// "Former Harbor Doctor Speaks Out … Dr. Ana Ruiz said": a title line's speaker
/// known by a capitalised role (`Former Harbor Doctor`, `Member of Port Panel`: a role
/// noun its head, before any `of`), typed a body or a person no forename or title shows,
/// and never mentioned past the title, is the person the article names next as a
/// speaker ([`first_named_speaker_after`]). Known by a body's kind (`Small Website`,
/// `Harbor Agency`), it is the first body that speaks after the title.
fn title_role_named_next(text: &str, ents: &[Ent], e: usize, title: usize) -> Option<usize> {
    let ent = &ents[e];
    if !(ent.kind == EntityKind::Organisation
        || ent.kind == EntityKind::Person && !ent.person_evidence)
        || ent.mentions.iter().any(|m| m.end > title)
    {
        return None;
    }
    let mention = ent.mentions.first()?.text(text);
    let before_of = mention.split(" of ").next().unwrap_or(mention);
    let head = lower_word(words(before_of).last()?);
    if words(mention).any(|w| forename_gender(w).1) {
        return None;
    }
    if BODY_HEADS.contains(head.as_str()) || MEDIA_HEADS.contains(head.as_str()) {
        // ("Small Website Finds Errors … Harbor Ledger announced": a body's kind is
        // the first body that speaks after the title, not far after it)
        return (0..ents.len())
            .filter(|&f| {
                let other = &ents[f];
                f != e
                    && other.name_words > 0
                    && other.speaks
                    && (other.kind == EntityKind::Organisation
                        || other.kind == EntityKind::Person
                            && !other.person_evidence
                            && !other.gender.known())
            })
            .filter_map(|f| {
                let at = ents[f]
                    .mentions
                    .iter()
                    .map(|m| m.start)
                    .find(|&s| s > title)?;
                Some((at, f))
            })
            .min()
            .filter(|&(at, _)| at - title < LEAD_NAMED_WITHIN)
            .map(|(_, f)| f);
    }
    if !lexicon::ROLE_NOUNS.contains(head.as_str()) {
        return None;
    }
    first_named_speaker_after(text, ents, e, &head)
}

/// "Tom Park, a spokesman for the Harbor Pilots Guild, said the union expected …",
/// "… signed by CSTA, the coastal alliance … The alliance said": a definite description of
/// a kind of body (`body_kind_nouns.txt`, possessive or not) that no rule gave a name is
/// the organisation named last before it in its sentence or the one before, an acronym
/// (`CSTA`) or a name with an organisation word; none when there is none.
fn body_kind_named_before(text: &str, ents: &mut [Ent]) {
    for ent in ents.iter_mut() {
        if !matches!(
            ent.kind,
            EntityKind::Organisation | EntityKind::Group | EntityKind::Unnamed
        ) || !ent.speaks
        {
            continue;
        }
        let Some(&mention) = ent.mentions.first() else {
            continue;
        };
        // (unresolved: the entity is still named by its own description)
        if !mention.contains(ent.name) {
            continue;
        }
        let mention_words: Vec<&str> = words(mention.text(text)).collect();
        let [the, head] = mention_words[..] else {
            continue;
        };
        let head = possessive_stem(head).unwrap_or(head);
        if !definite_word(Some(&the))
            || !head.chars().all(|c| c.is_ascii_lowercase())
            || !entities::contains_folded(&BODY_KIND_NOUNS, head)
        {
            continue;
        }
        let Some(from) = sentence_window_start(text, mention.start, 0) else {
            continue;
        };
        if let Some(name) = last_body_name(text, Span::new(from, mention.start)) {
            ent.name = name;
            ent.kind = EntityKind::Organisation;
        }
    }
}

/// The most letters an acronym of a body has (`CSTA`, `HPGWU`).
const ACRONYM_LETTERS: usize = 5;

/// The last name of a body in `window` of the text: a run of capitalised words (with
/// `of` or `for` inside) that is an acronym (`CSTA`, `TW`) or holds an
/// organisation word ([`is_organisation_name`]), not opening a sentence as one common
/// word (`The`, `But`).
fn last_body_name(text: &str, window: Span) -> Option<Span> {
    let slice = window.text(text);
    let mut found = None;
    let mut run: Option<(usize, usize)> = None;
    let close = |run: &mut Option<(usize, usize)>, found: &mut Option<Span>| {
        if let Some((run_start, run_end)) = run.take() {
            // (without a sentence's capitalised `The`)
            let run_start = slice[run_start..run_end]
                .strip_prefix("The ")
                .map_or(run_start, |rest| run_end - rest.len());
            let name = &slice[run_start..run_end];
            // (`ABSTRACT`, a section's label, is no acronym of a body)
            let acronym = words(name).next().is_some_and(|w| {
                (2..=ACRONYM_LETTERS).contains(&w.len())
                    && w.chars().all(|c| c.is_ascii_uppercase())
            });
            // (a country's `States` makes a name a body's for `it`, never a company's
            // or a union's)
            let country = words(name).last().is_some_and(|w| w == "States");
            if acronym || is_organisation_name(name) && !country {
                *found = Some(Span::new(window.start + run_start, window.start + run_end));
            }
        }
    };
    for (offset, piece) in pieces_after_space(slice, is_space) {
        let w = piece.trim_end_matches(is_space);
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let start = offset + lead;
        let capitalised = core.chars().next().is_some_and(char::is_uppercase)
            && lexicon::word_info(core).class & lexicon::class::FUNCTION == 0;
        // ("Harbor Board and Dock Council" are two)
        let joiner = matches!(core, "of" | "for") && run.is_some();
        // (a word ending in punctuation ends the run after it)
        let ends = core.len() + lead < w.len() && !w.ends_with('\'');
        if capitalised {
            run = Some((
                run.map_or(start, |(run_start, _)| run_start),
                start + core.len(),
            ));
        } else if !joiner {
            close(&mut run, &mut found);
        }
        if ends {
            close(&mut run, &mut found);
        }
    }
    close(&mut run, &mut found);
    found
}

/// "Ana Ruiz Leads Harbor Race … The Harbor Party nominee said …": a definite
/// description of a contender for office (its head in `contender_nouns.txt`) that no
/// other rule has tied to a name is the article's principal, the person its title line
/// names whom the article names most. Never a second contender (`the vice presidential
/// nominee`, `the former candidate`), a plural, someone's aide (a possessive) or a
/// person of another gender. Of `the former mayor and current nominee`, the last
/// description counts.
fn contender_is_principal(
    text: &str,
    ents: &mut [Ent],
    assigned: &mut [u32],
    title_line_end: Option<usize>,
) {
    let Some(title) = title_line_end.map(|end| &text[..end]) else {
        return;
    };
    // (found once, when the first such description comes: most texts have none)
    let mut principal: Option<Option<usize>> = None;
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for e in 0..ents.len() {
        let ent = &ents[e];
        if ent.kind != EntityKind::Unnamed || !ent.speaks || !ent.role_person {
            continue;
        }
        // (a description in the title line is the headline rules')
        let Some(&mention) = ent.mentions.first().filter(|m| m.start > title.len()) else {
            continue;
        };
        // (only unnamed speakers come here: a list of the few words is cheap)
        let mention_words: Vec<&str> = words(mention.text(text)).collect();
        let last_and = mention_words
            .iter()
            .rposition(|w| w.eq_ignore_ascii_case("and"));
        let description = &mention_words[last_and.map_or(0, |i| i + 1)..];
        let Some(head) = description.last() else {
            continue;
        };
        if !definite_word(mention_words.first())
            || !entities::contains_folded(&CONTENDER_NOUNS, head)
            || mention_words.iter().any(|w| possessive_stem(w).is_some())
            || description
                .iter()
                .any(|w| entities::contains_folded(&OTHER_CONTENDER_WORDS, w))
        {
            continue;
        }
        let gender = match gender_of_role(head) {
            Gender::Unknown => gender_of_pronoun_after(text, mention.end),
            known => known,
        };
        let found = *principal.get_or_insert_with(|| principal_of_title(text, title, ents));
        if let Some(p) = found.filter(|&p| {
            p != e && !(gender.known() && ents[p].gender.known() && ents[p].gender != gender)
        }) {
            moved.push((e, p));
        }
    }
    merge_entities(ents, assigned, &moved);
}

/// How many bytes before a surname the word before it is looked for in (a longer word
/// is read from its last bytes), so each use of a surname is checked in a bounded span.
const PREVIOUS_WORD_BYTES: usize = 64;

/// How often the article names its principal at least (a person named twice is as
/// often someone quoted in passing).
const PRINCIPAL_NAMED: usize = 3;

/// The length of the character at byte `i` of `s`.
fn char_len_at(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// The largest char boundary of `s` at or below byte `at` (at most `s.len()`).
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// How many words after a description its clause is read for a pronoun of its own.
const OWN_PRONOUN_WORDS: usize = 8;

/// How many bytes after a description are searched for its clause's end: far more than
/// [`OWN_PRONOUN_WORDS`] words take, so the search stays short for each contender
/// mention whatever the text's sentence length.
const OWN_PRONOUN_BYTES: usize = 256;

/// The gender a description's own clause gives it: the first `he`, `she`, `his`, `her`,
/// `himself` or `herself` in the few words after it (`The nominee has bet
/// his savings on the vote`), before the sentence or a quotation ends; unknown when none.
fn gender_of_pronoun_after(text: &str, end: usize) -> Gender {
    let rest = &text[end..];
    let cut = floor_boundary(rest, OWN_PRONOUN_BYTES);
    let window = &rest[..cut];
    let clause = match window.find(['.', ';', '!', '?', '"', '“', '”', '\n']) {
        Some(stop) => &window[..stop],
        // (cut short: without the word the cut may split)
        None if cut < rest.len() => window.rfind(is_space).map_or(window, |i| &window[..i]),
        None => window,
    };
    words(clause)
        .take(OWN_PRONOUN_WORDS)
        .map(pronoun_gender)
        .find(|g| g.known())
        .unwrap_or(Gender::Unknown)
}

/// The gender of a personal pronoun in any of its forms (`he`, `his`, `him`, `himself`;
/// `she`, `her`, `herself`), read from the pronoun list (`pronouns.txt`); unknown for
/// any other word.
fn pronoun_gender(word: &str) -> Gender {
    let lower = word.to_ascii_lowercase();
    // (the object and reflexive forms of the subject pronouns the list holds)
    let subject = match lower.as_str() {
        "him" | "himself" => "he",
        "herself" => "she",
        other => possessive_pronoun(other).unwrap_or(other),
    };
    lexicon::PRONOUNS
        .get(subject)
        .map_or(Gender::Unknown, |&(code, _)| Gender::from_code(code))
}

/// The article's principal: of the persons named in full (a forename or a title shows
/// them to be persons) whose surname the title line `title` has, the one whose surname
/// the text uses most, at least [`PRINCIPAL_NAMED`] times; none when two surnames are used equally often.
/// A surname two persons share is the first one's, the person the body introduces
/// first (`Ana Ruiz's plan …` before `her brother Luis Ruiz`).
fn principal_of_title(text: &str, title: &str, ents: &[Ent]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut tied = false;
    let mut seen: Vec<&str> = Vec::new();
    for (f, ent) in ents.iter().enumerate() {
        // ("Lena Brandt Marine", a firm, though a forename opens it)
        if ent.kind != EntityKind::Person
            || ent.name_words < 2
            || !ent.person_evidence
            || is_organisation_name(ent.name.text(text))
        {
            continue;
        }
        let Some(surname) = words(ent.name.text(text)).last() else {
            continue;
        };
        // (the title's few words bound how many surnames are counted through the text)
        if seen.contains(&surname)
            || !title
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == surname)
        {
            continue;
        }
        seen.push(surname);
        // (the surname alone or after the person's own forename: not inside another
        // name, `Ruiz Harbor Trust`)
        let name = ent.name.text(text);
        let used = text
            .match_indices(surname)
            .filter(|&(at, _)| {
                let (before, after) = (&text[..at], &text[at + surname.len()..]);
                let next = after.trim_start_matches(is_space);
                // (the word before, read in the few bytes before the surname)
                let near = &before
                    [floor_boundary(before, before.len().saturating_sub(PREVIOUS_WORD_BYTES))..];
                let previous = near.trim_end_matches(is_space);
                let previous = &previous[previous
                    .rfind(|c: char| is_space(c))
                    .map_or(0, |i| i + char_len_at(previous, i))..];
                let next_capitalised = after.starts_with(is_space)
                    && next.chars().next().is_some_and(char::is_uppercase);
                !before
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !after.chars().next().is_some_and(char::is_alphanumeric)
                    && !next_capitalised
                    && (!previous.chars().next().is_some_and(char::is_uppercase)
                        || !previous.chars().all(char::is_alphanumeric)
                        || words(name).any(|w| w == previous))
            })
            .count();
        match best {
            Some((n, _)) if n > used => {}
            Some((n, _)) if n == used => tied = true,
            _ => {
                best = Some((used, f));
                tied = false;
            }
        }
    }
    best.filter(|&(n, _)| !tied && n >= PRINCIPAL_NAMED)
        .map(|(_, f)| f)
}

/// How far before a kin speaker known by a possessive pronoun (`His ex-wife`) the
/// possessor's last speech may end: the sentence or two before.
const KIN_POSSESSOR_WITHIN: usize = 400;

/// Move the mentions of each entity `from` of `moved` to its entity `to` (a speaker now),
/// and the attributions assigned to `from` with them: one pass over `assigned`.
fn merge_entities(ents: &mut [Ent], assigned: &mut [u32], moved: &[(usize, usize)]) {
    if moved.is_empty() {
        return;
    }
    let mut target: Vec<u32> = (0..ents.len())
        .map(|index| u32::try_from(index).unwrap_or(NO_LINK))
        .collect();
    for &(from, to) in moved {
        target[from] = u32::try_from(to).unwrap_or(NO_LINK);
    }
    // a chain of moves (A to B, then B to C) ends at its last entity, whatever order the
    // moves came in: each path is walked once and pointed at its end (at most as many
    // steps as there are moves, so a cycle cannot loop)
    let mut path = Vec::new();
    for start in 0..target.len() {
        let mut end = start;
        while let Some(&next) = target.get(end)
            && next as usize != end
            && next != NO_LINK
            && path.len() <= moved.len()
        {
            path.push(end);
            end = next as usize;
        }
        for step in path.drain(..) {
            target[step] = u32::try_from(end).unwrap_or(NO_LINK);
        }
    }
    for &(from, _) in moved {
        let to = target[from] as usize;
        if to == from || to >= ents.len() {
            continue;
        }
        let mentions = std::mem::take(&mut ents[from].mentions);
        let entity = &mut ents[to];
        entity.speaks = true;
        entity.mentions.extend(mentions);
    }
    for entity in assigned.iter_mut() {
        if let Some(&to) = target.get(*entity as usize) {
            *entity = to;
        }
    }
}

/// Cluster the speakers of `atts`, using `names` (person-name mentions found anywhere in
/// the text, in order) as antecedents for pronouns. Sets `Attribution::entity`.
/// `vocabulary` is the workspace's, kept from one text to the next for its buffers; it
/// is given back empty.
pub(crate) fn cluster<'t>(
    text: &'t str,
    atts: &mut [Attribution],
    names: &[(Span, bool)],
    extra: &lexicon::Overlay,
    workspace_vocabulary: &mut Vocabulary,
) -> Vec<Speaker<'t>> {
    let (mut ents, mut filters): (Vec<Ent>, Vec<Filter>) = (Vec::new(), Vec::new());
    // Speaker mentions in order of position (attributions are in content order), merged
    // with the plain names (in text order already) into one sequence of events, a name
    // before a speaker mention at the same position. Until the speakers are numbered
    // below, `entity` holds the index into `ents`.
    let start = |ai: usize| atts[ai].speaker.map_or(0, |m| m.span.start);
    // The attributions with a speaker by the speaker's position are most often in their
    // own order, walked in place; a list of them is made only when they are not (8 bytes
    // an attribution at the clustering's peak; issue 16, memory per byte).
    let in_order = atts
        .iter()
        .filter_map(|a| a.speaker)
        .is_sorted_by_key(|m| m.span.start);
    let mut by_speaker: Vec<usize> = Vec::new();
    if !in_order {
        by_speaker.reserve_exact(atts.iter().filter(|a| a.speaker.is_some()).count());
        by_speaker.extend((0..atts.len()).filter(|&ai| atts[ai].speaker.is_some()));
        by_speaker.sort_by_key(|&ai| start(ai));
    }
    let sorted_names;
    let names = if names.is_sorted_by_key(|n| n.0.start) {
        names
    } else {
        sorted_names = {
            let mut v = names.to_vec();
            v.sort_by_key(|n| n.0.start);
            v
        };
        &sorted_names
    };
    // every event makes at most one entity, but most make none (a text of a thousand
    // mentions of one person): the entity lists grow as entities come, not reserved
    // for every event (an entity is a few hundred bytes; issue 16, memory per byte)
    // (`next_speaker` indexes `atts` when they are in order, else `by_speaker`)
    let (mut next_speaker, mut next_name) = (0, 0);
    let events = std::iter::from_fn(|| {
        let speaker = if in_order {
            while atts.get(next_speaker).is_some_and(|a| a.speaker.is_none()) {
                next_speaker += 1;
            }
            (next_speaker < atts.len()).then_some(next_speaker)
        } else {
            by_speaker.get(next_speaker).copied()
        };
        match names.get(next_name).copied() {
            Some((n, weak)) if speaker.is_none_or(|ai| start(ai) >= n.start) => {
                next_name += 1;
                Some((None, n, weak))
            }
            _ => {
                let ai = speaker?;
                next_speaker += 1;
                let m = atts[ai].speaker?; // always there: `by_speaker` holds no other
                Some((Some(ai), m.span, false))
            }
        }
    });
    // the most recent person entity, for pronouns and roles
    let mut recent = Recent::new();
    // every person entity's name words, each entity's a run of them ([`IdRun`])
    let mut name_pool: Vec<WordId> = Vec::new();
    // the first role, organisation or anonymous entity of each kind and key
    // (one map per kind, indexed by `kind_slot`, so a lookup borrows the key, not clones it)
    let mut by_key: [MemoMap<String, usize>; 4] = Default::default();
    // a description's lowercase content words joined by spaces (its key) and each word's
    // range in it: one buffer for every event, not a `String` per word and per key
    let mut key_buf = String::new();
    // the text's lowercase mention words, each given an id once: the entities' word
    // sets and names are ids, compared as integers
    let mut vocabulary = std::mem::take(workspace_vocabulary);
    vocabulary.clear();
    // (about one new word per event, as the words of the names and mentions repeat, for
    // an article's events: a long text's table grows as its words come, or the room
    // reserved for words that never come would raise the peak memory per byte)
    let event_count = names.len() + atts.iter().filter(|a| a.speaker.is_some()).count();
    vocabulary.reserve(event_count.min(VOCABULARY_ROOM));
    // a name's lowercase words as ids (one list refilled from one name to the next)
    let mut name_ids: Vec<WordId> = Vec::new();
    // the same words with where they are in the text, for [`add_words`] of the mention
    let mut name_words_known: Vec<KnownWord> = Vec::new();
    let mut content_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    // each content word's id (`None`: a word no entity has), beside `content_ranges`
    let mut content_ids: Vec<Option<WordId>> = Vec::new();
    // a description's words ([`words`]), refilled from one description to the next
    let mut mention_words: Vec<&'t str> = Vec::new();
    // a name mention's words ([`words`]), refilled from one name to the next
    let mut span_words: Vec<&'t str> = Vec::new();
    // each attribution's entity (an index into `ents`), NIL for none
    // (u32 as `Recent`'s links: 4 bytes an attribution; issue 16, memory per byte)
    let mut assigned: Vec<u32> = vec![NO_LINK; atts.len()];
    let link = |e: usize| u32::try_from(e).unwrap_or(NO_LINK - 1);
    let mut last_span_ent: Option<(Span, usize)> = None;
    let author = author_name(text);
    let mut author_entity: Option<usize> = None;
    let mut buf = String::new();
    let mut memo = NameMemo::with_room();
    let headline = headline_end(text);
    // document head -> the entity of its last maker named ("a Harbor poll"): only the
    // last is ever read, so a map, not a list searched from its end for every mention
    let mut documents: MemoMap<&str, usize> = MemoMap::default();
    // every document mention with a maker (head, maker, where), in text order: a poll the
    // lead leaves unnamed is the first one named after it
    let mut document_makers: Vec<(&str, usize, usize)> = Vec::new();
    // the first person the headline names (a forename or a title shows it), its subject
    let mut headline_subject: Option<usize> = None;
    for (ai, span, weak) in events {
        // room for the one entity an event may make: the lists grow by an eighth, not
        // by doubling (a new name every 70 bytes left 1.4 bytes per input byte spare at
        // 10 MB; issue 16, memory per byte)
        if ents.len() == ents.capacity() {
            ents.reserve_exact(ents.len() / 8 + 16);
            filters.reserve_exact(ents.capacity() - filters.len());
        }
        // a headline's capitalised words run names together ("Hold Ann Lee To Account"):
        // its plain names are antecedents only when they start with a forename ("Ann Lee
        // Wins"); its speakers always count
        if ai.is_none()
            && span.end <= headline
            && !memo.name_part(text, span, extra).is_some_and(|np| {
                // ("Will Tavenor Resign?": a modal is no forename there)
                let np = np.text(text);
                gender_of_forename(np).1
                    && words(np).next().is_none_or(|first| {
                        lexicon::word_info(first).class & lexicon::class::FUNCTION == 0
                    })
            })
        {
            continue;
        }
        // "Ann Lee Hid Her Plan": a headline runs a name on with its verb and objects; the
        // name is as much of it as the body names ("Ann Lee"); none at all when the body
        // has none of it in two words or more
        let span = if ai.is_none() && span.end <= headline {
            match memo
                .name_part(text, span, extra)
                .and_then(|np| headline_name_in_body(text, headline, np))
            {
                Some(name) => name,
                None => continue,
            }
        } else {
            span
        };
        // "said Del. Ana Ruiz": a speaker mention cut at an abbreviated title's period is
        // the name after it
        let span = match ai {
            Some(_) => name_after_abbreviation(text, span).unwrap_or(span),
            None => span,
        };
        // (the test for an organisation's name below leaves the mention's words in
        // `span_words` when it cuts them: the name's words are read from there after)
        span_words.clear();
        let kind = match ai {
            // "the Federation of Harbor Teachers said": a name that is an organisation's
            Some(ai) => match atts[ai].speaker.map_or(MentionKind::Name, |m| m.kind) {
                MentionKind::Name
                    if memo.is_organisation_name_cut(span.text(text), &mut span_words)
                        || joined_in_text(text, span)
                            && is_organisation_name(
                                whole_organisation_name(text, proper_part(text, span)).text(text),
                            ) =>
                {
                    MentionKind::Organisation
                }
                // "It’s arguing", "who last winter said": the pronoun, not a name
                _ if pronoun_of_mention(text, span).is_some() => MentionKind::Pronoun,
                // "Tavenor now": a name and the words the clause runs on with
                MentionKind::Role if name_runs_on(span.text(text)) => MentionKind::Name,
                kind => kind,
            },
            None if memo.is_organisation_name_cut(span.text(text), &mut span_words)
                || organisation_head_follows(text, span.end)
                || ends_organisation_name(text, span) =>
            {
                MentionKind::Organisation
            }
            None => MentionKind::Name,
        };
        let span_words_of = (!span_words.is_empty()).then_some(span);
        // "Officials at the Harbor Authority said": a group of its people speaks, unnamed
        // (the mention stays the body's name; its entity is the group)
        let members = match ai {
            Some(_) if matches!(kind, MentionKind::Name | MentionKind::Organisation) => {
                members_before(text, span.start).or_else(|| quantified(text, span))
            }
            Some(_) if kind != MentionKind::Pronoun => quantified(text, span),
            _ => None,
        };
        let mention_span = span;
        let (span, kind) = match members {
            Some(members) => (members, MentionKind::Anonymous),
            None => (span, kind),
        };
        // the same span seen as a name and as a speaker, or a speaker mention inside the
        // name just seen ("Martin J" of "Martin J. Osei", "Democratic nominee" of
        // "Democratic nominee Ann Lee")
        if let Some((sp, e)) = last_span_ent.filter(|_| members.is_none()) {
            let inside = ai.is_some() && sp.start <= span.start && span.end <= sp.end;
            if sp == span || inside {
                if let Some(ai) = ai {
                    assigned[ai] = link(e);
                    ents[e].speaks = true;
                    ents[e].add_mention(span);
                }
                continue;
            }
        }
        // "Another critic, Ann Lee, said", "the Republican nominee Ann Lee": a description
        // whose apposition names the person is that person
        let (span, kind) = match ai {
            Some(_) if matches!(kind, MentionKind::Role | MentionKind::Anonymous) => {
                match apposition_name(text, span, names) {
                    Some(name) => (name, MentionKind::Name),
                    None => (span, kind),
                }
            }
            _ => (span, kind),
        };
        // "Ann Lee, president of the Harbor Pilots Guild, said": the person, not the body
        // of her title (nor her apposition, "Ann Lee, a tax lawyer, said")
        let (span, kind) = match ai {
            Some(_) if kind != MentionKind::Pronoun && members.is_none() => {
                match name_before_apposition(text, span, names) {
                    Some(name) => (name, MentionKind::Name),
                    None => (span, kind),
                }
            }
            _ => (span, kind),
        };
        // "a Harbor County poll" speaks for its maker, Harbor County; "the poll" for the
        // maker of the last poll named
        let document = match ai {
            Some(_)
                if matches!(
                    kind,
                    MentionKind::Role
                        | MentionKind::Organisation
                        | MentionKind::Anonymous
                        | MentionKind::Name
                ) =>
            {
                document_of(text, span)
            }
            _ => None,
        };
        let (span, kind, document_ent) = match document {
            // "his letter", "her Twitter account": the thing speaks for whom the
            // possessive refers to, resolved as that pronoun is
            Some(_)
                if words(span.text(text))
                    .next()
                    .is_some_and(|w| possessive_pronoun(w).is_some()) =>
            {
                let mention = span.text(text);
                let first = words(mention).next().unwrap_or("");
                // (`first` is a slice of the mention: its offset, without a search)
                let start = span.start + (first.as_ptr() as usize - mention.as_ptr() as usize);
                (
                    Span::new(start, start + first.len()),
                    MentionKind::Pronoun,
                    None,
                )
            }
            Some((_, Some(maker))) => {
                let last = words(maker.text(text)).last().unwrap_or("");
                // a person's possessive ("Ann Lee's report") makes the thing hers; an
                // attributive name ("the Lee ad") may be about her: no maker then
                let possessive = text[maker.end..].starts_with(['\'', '’']);
                let person = recent.iter().take(PRONOUN_LOOK_BACK).any(|e| {
                    ents[e].kind == EntityKind::Person
                        && run_of(&name_pool, ents[e].name_set)
                            .iter()
                            .any(|&w| vocabulary.word(w).eq_ignore_ascii_case(last))
                });
                match (person, possessive) {
                    (true, false) => (span, kind, None),
                    (true, true) => (maker, MentionKind::Name, None),
                    // ("an analysis by Ann Lee": a maker named after `by` and known by a
                    // forename is a person; "a Harbor Ledger poll", "a survey by
                    // Marlow College" are bodies, however their first word reads)
                    (false, _)
                        if text[..maker.start].trim_end().ends_with(" by")
                            && gender_of_forename(maker.text(text)).1
                            && !is_organisation_name(maker.text(text)) =>
                    {
                        (maker, MentionKind::Name, None)
                    }
                    (false, _) => (maker, MentionKind::Organisation, None),
                }
            }
            // ("the poll", "that survey": one named before; "exit polls", "a poll" are others)
            Some((head, None))
                if words(span.text(text)).next().is_some_and(|w| {
                    ["the", "this", "that", "its"]
                        .iter()
                        .any(|d| d.eq_ignore_ascii_case(w))
                }) =>
            {
                // ("a Harbor survey of voters. The study found …": a thing of another
                // name named just before is the one)
                let near = || {
                    document_makers
                        .last()
                        .filter(|&&(_, _, at)| span.start.saturating_sub(at) < NEAR_BYTES)
                        .map(|&(_, maker, _)| maker)
                };
                // ("the Harbor Council issued a statement … The statement said": the
                // issued thing need not have spoken itself for its maker to be known)
                let issued = || {
                    issuer_of_earlier(text, head, span.start).and_then(|issuer_end| {
                        recent.iter().take(PRONOUN_LOOK_BACK).find(|&e| {
                            ents[e].last_end == issuer_end
                                && matches!(
                                    ents[e].kind,
                                    EntityKind::Person | EntityKind::Organisation
                                )
                                && ents[e].name_words > 0
                        })
                    })
                };
                let found = documents.get(head).copied().or_else(near).or_else(issued);
                (span, kind, found)
            }
            // "the Harbor Council issued a statement": its maker is who issued it, and
            // a later "the statement" is theirs too
            Some((head, None)) => {
                let maker = issuer_gap(text, span.start).and_then(|issuer_end| {
                    recent.iter().take(2).find(|&e| {
                        ents[e].last_end == issuer_end
                            && matches!(ents[e].kind, EntityKind::Person | EntityKind::Organisation)
                            && ents[e].name_words > 0
                    })
                });
                if let Some(e) = maker {
                    documents.insert(head, e);
                }
                (span, kind, maker)
            }
            None => (span, kind, None),
        };
        // "the IMF" after "the International Monetary Fund"
        let acronym_ent = matches!(kind, MentionKind::Name | MentionKind::Organisation)
            .then(|| acronym(span.text(text)))
            .flatten()
            .and_then(|a| {
                recent.iter().take(LOOK_BACK).find(|&e| {
                    ents[e].kind == EntityKind::Organisation
                        && ents[e].name_words > 1
                        && initials_are(ents[e].name.text(text), a)
                })
            });
        // a speaker mention with no proper name in it ("Birk's family") is known by its
        // words, as a description is
        let name = match kind {
            MentionKind::Name => memo.name_part(text, span, extra),
            _ => None,
        };
        let kind = match (kind, name, ai) {
            (MentionKind::Name, None, Some(_)) => MentionKind::Role,
            _ => kind,
        };
        let e = if let Some(e) = acronym_ent.or(document_ent) {
            e
        } else {
            match kind {
                MentionKind::Name => {
                    let Some(np) = name else {
                        continue;
                    };
                    // (the mention's words, cut once for its name's words, for the title
                    // and for the words the entity is given)
                    // (left by the test for an organisation's name when it cut them)
                    if span_words_of != Some(span) {
                        span_words.clear();
                        span_words.extend(words(span.text(text)));
                    }
                    name_ids.clear();
                    name_words_known.clear();
                    let np_words = match words_within(text, &span_words, np) {
                        Some(run) => NameWordsOf::Mention(run.iter().copied()),
                        None => NameWordsOf::Cut(words(np.text(text))),
                    };
                    for w in np_words {
                        let id = vocabulary.intern(lower_into(w, &mut buf));
                        name_ids.push(id);
                        name_words_known.push(KnownWord {
                            at: w.as_ptr() as usize,
                            len: w.len(),
                            id,
                        });
                    }
                    let nw = &name_ids[..];
                    let nw_mask = mask(nw, &vocabulary);
                    // (the name's words, already split: no second pass over them)
                    let (forename_gender, forename) = match nw {
                        [first, _, ..] => forename_gender(vocabulary.word(*first)),
                        _ => (Gender::Unknown, false),
                    };
                    let title_gender = gender_of_title_words(span_words.iter().copied());
                    let g = if title_gender.known() {
                        title_gender
                    } else {
                        forename_gender
                    };
                    // "Mrs. Lee" is not "Tom Lee"
                    let fits = |e: usize| {
                        let f = filters[e];
                        f.person
                            && (nw_mask & !f.name_mask == 0
                                && nw
                                    .iter()
                                    .all(|w| run_of(&name_pool, ents[e].name_set).contains(w))
                                || f.name_mask & !nw_mask == 0
                                    && run_of(&name_pool, ents[e].name_set)
                                        .iter()
                                        .all(|w| nw.contains(w)))
                            && !(g.known() && ents[e].gender.known() && ents[e].gender != g)
                    };
                    // (the compact filter alone, tested in the loop before `fits` is called:
                    // most entities are another person's or no person's)
                    let may_fit = |e: usize| {
                        let f = filters[e];
                        f.person && (nw_mask & !f.name_mask == 0 || f.name_mask & !nw_mask == 0)
                    };
                    let found = if nw.len() == 1 {
                        // a bare surname two persons share ("Lee" after "Ann Lee" and "Tom
                        // Lee"): the one who has spoken most, the article's principal; the
                        // most recent of equals
                        let mut best: Option<(usize, usize)> = None;
                        // (among the recent few; else the latest of all)
                        for e in recent
                            .iter()
                            .take(PRONOUN_LOOK_BACK * 4)
                            .filter(|&e| may_fit(e) && fits(e))
                        {
                            // (how often the full name is used counts as much as
                            // speaking: the article's principal is named most)
                            let said = ents[e].mentions.len() + ents[e].named as usize;
                            // (of equals, one shown to be a person, and of those the one
                            // the article introduced first, not a headline's run-on
                            // "Understated Perez")
                            let key = (said, ents[e].person_evidence, std::cmp::Reverse(e));
                            if best.is_none_or(|(other, b)| {
                                key > (b, ents[other].person_evidence, std::cmp::Reverse(other))
                            }) {
                                best = Some((e, said));
                            }
                        }
                        best.map(|(e, _)| e).or_else(|| {
                            recent
                                .iter()
                                .skip(PRONOUN_LOOK_BACK * 4)
                                .take(LOOK_BACK)
                                .find(|&e| may_fit(e) && fits(e))
                        })
                    } else {
                        recent
                            .iter()
                            .take(LOOK_BACK)
                            .find(|&e| may_fit(e) && fits(e))
                    };
                    // "Elm County Recorder Ann Lee" is not the county named before:
                    // a forename after the entity's last word starts another person
                    let found = found.filter(|&e| {
                        let known = run_of(&name_pool, ents[e].name_set);
                        let after = known
                            .last()
                            .and_then(|last| nw.iter().position(|w| w == last))
                            .map_or(0, |i| i + 1);
                        extends_name_ids(&vocabulary, known, nw)
                            || !nw[after..].iter().any(|w| {
                                !known.contains(w) && self::forename_gender(vocabulary.word(*w)).1
                            })
                    });
                    let evidence = forename || title_gender.known();
                    // "Tarsen Metals … Tarsen said": a bare name no person has, that opens
                    // the name of a body in view, is that body's short name
                    // (only a one-word name, and the compact filter first: a new
                    // person's name is the common event here)
                    let body = if nw.len() == 1 && found.is_none() && !evidence {
                        recent.iter().take(PRONOUN_LOOK_BACK * 4).find(|&e| {
                            !filters[e].person
                                && ents[e].kind == EntityKind::Organisation
                                && ents[e].name_words > nw.len()
                                && words(ents[e].name.text(text))
                                    .zip(nw)
                                    .filter(|(t, w)| t.eq_ignore_ascii_case(vocabulary.word(**w)))
                                    .count()
                                    == nw.len()
                        })
                    } else {
                        None
                    };
                    if let Some(e) = body {
                        e
                    } else if weak && found.is_none() {
                        continue;
                    } else {
                        match found {
                            Some(e) => {
                                let ent = &mut ents[e];
                                // (a name not yet shown to be a person's, "Port Ardmore", grows into
                                // the body's name, "Port Ardmore Herald")
                                if nw.len() > ent.name_words
                                    && (extends_name_ids(
                                        &vocabulary,
                                        run_of(&name_pool, ent.name_set),
                                        nw,
                                    ) || !ent.person_evidence)
                                {
                                    ent.name = np;
                                    ent.name_words = nw.len();
                                    ent.name_set = pool_run(&mut name_pool, nw);
                                    filters[e].name_mask = nw_mask;
                                }
                                if !ent.gender.known() {
                                    ent.gender = g;
                                }
                                if nw.len() > 1 {
                                    ent.named = ent.named.saturating_add(1);
                                }
                                ent.person_evidence |= evidence;
                                // (the words of a text already added, added again, change
                                // neither the set nor its mask)
                                if ent.words_added_from.text(text) != span.text(text) {
                                    add_word_list(
                                        &mut ent.words,
                                        &mut filters[e].words_mask,
                                        span_words.iter().copied(),
                                        &mut buf,
                                        &mut vocabulary,
                                        &name_words_known,
                                    );
                                    ent.words_added_from = span;
                                }
                                e
                            }
                            None => {
                                // "Melanie said": a speaker known by a woman's forename alone
                                // is a woman (a man's forename alone is as often a surname:
                                // "Douglas said", "Morgan said"; it stays unproven)
                                let (g, evidence) = match nw {
                                    [only] if ai.is_some() && !g.known() => {
                                        let (fg, is_forename) =
                                            self::forename_gender(vocabulary.word(*only));
                                        if is_forename && fg == Gender::Female {
                                            (fg, true)
                                        } else {
                                            (g, evidence)
                                        }
                                    }
                                    _ => (g, evidence),
                                };
                                let mut ws = WordIdSet::default();
                                let mut ws_mask = 0;
                                add_word_list(
                                    &mut ws,
                                    &mut ws_mask,
                                    span_words.iter().copied(),
                                    &mut buf,
                                    &mut vocabulary,
                                    &name_words_known,
                                );
                                if ai.is_none() && span.end <= headline && evidence {
                                    headline_subject.get_or_insert(ents.len());
                                }
                                filters.push(Filter {
                                    person: true,
                                    name_mask: nw_mask,
                                    words_mask: ws_mask,
                                });
                                ents.push(Ent {
                                    name_words: nw.len(),
                                    words: ws,
                                    name_set: pool_run(&mut name_pool, nw),
                                    gender: g,
                                    person_evidence: evidence,
                                    named: u32::from(nw.len() > 1),
                                    words_added_from: span,
                                    ..Ent::new(EntityKind::Person, np, span.end)
                                });
                                ents.len() - 1
                            }
                        }
                    }
                }
                MentionKind::Pronoun => {
                    let span = pronoun_of_mention(text, span).unwrap_or(span);
                    let p = lower_into(span.text(text), &mut buf);
                    // ("her account": she)
                    let p = possessive_pronoun(p).unwrap_or(p);
                    let relative = p == "who";
                    // "I" outside quotations in a signed piece: its author
                    if p == "i" {
                        if let Some(author) = author {
                            let e = match author_entity {
                                Some(e) => e,
                                None => {
                                    let np = author;
                                    let nw: Vec<WordId> = words(np.text(text))
                                        .map(|w| vocabulary.intern(&lower_word(w)))
                                        .collect();
                                    let (g, _) = gender_of_forename(np.text(text));
                                    filters.push(Filter {
                                        person: true,
                                        name_mask: mask(&nw, &vocabulary),
                                        words_mask: mask(&nw, &vocabulary),
                                    });
                                    let mut ws = WordIdSet::default();
                                    for &w in &nw {
                                        ws.insert(w);
                                    }
                                    ents.push(Ent {
                                        name_words: nw.len(),
                                        words: ws,
                                        name_set: pool_run(&mut name_pool, &nw),
                                        gender: g,
                                        person_evidence: true,
                                        ..Ent::new(EntityKind::Person, np, span.end)
                                    });
                                    author_entity = Some(ents.len() - 1);
                                    ents.len() - 1
                                }
                            };
                            if let Some(ai) = ai {
                                assigned[ai] = link(e);
                                ents[e].speaks = true;
                                ents[e].add_mention(span);
                            }
                            continue;
                        }
                    }
                    let (g, n) = PRONOUNS.get(p).copied().unwrap_or((b'x', b's'));
                    let g = Gender::from_code(g);
                    let found = if relative {
                        // "Ana Ruiz, who said": what ends just before it
                        let just_before = recent.iter().take(2).find(|&e| {
                            let gap = text.get(ents[e].last_end..span.start).unwrap_or("x");
                            ents[e].kind != EntityKind::Unnamed && relative_gap(gap)
                        });
                        // ("Tom Park, a clerk at the Harbor Board who said", "Ana Ruiz, now
                        // the port's chief, who said": a person before the apposition,
                        // not a body in it)
                        let before_apposition = || {
                            recent.iter().take(4).find(|&e| {
                                let ent = &ents[e];
                                ent.kind == EntityKind::Person
                                    && ent.person_evidence
                                    && text
                                        .get(ent.last_end..span.start)
                                        .is_some_and(apposition_gap)
                            })
                        };
                        match just_before {
                            Some(e) if ents[e].kind == EntityKind::Person => Some(e),
                            _ => before_apposition().or(just_before),
                        }
                        .or_else(|| {
                            // "a risk for Lee, who …" where no mention of the name was
                            // found there: the person of that surname in view
                            let before = text.get(..span.start)?.trim_end();
                            let before = before.strip_suffix(',')?;
                            let last = before.rsplit(is_space).next()?;
                            let last = trim_to_alnum(last);
                            if !last.chars().next().is_some_and(char::is_uppercase) {
                                return None;
                            }
                            // (a word no entity has is no entity's surname)
                            let last = vocabulary.find(&lower_word(last))?;
                            recent.iter().take(PRONOUN_LOOK_BACK).find(|&e| {
                                filters[e].person
                                    && ents[e].person_evidence
                                    && run_of(&name_pool, ents[e].name_set).last() == Some(&last)
                            })
                        })
                    } else {
                        // how sure the candidate is to be a person, from the surest down
                        let fits = |e: usize, level: u8| {
                            let ent = &ents[e];
                            // a weekday or a month that a mention finder took for a name
                            let time = ent.kind == EntityKind::Person
                                && ent.name_words == 1
                                && lexicon::word_info(ent.name.text(text)).class
                                    & lexicon::class::TIME
                                    != 0;
                            if time {
                                false
                            } else if g.known() {
                                // "he", "she": a person shown to be one by a forename or a
                                // title (one who speaks first), or one known by role; else
                                // any person who speaks; else any person
                                let person = ent.kind == EntityKind::Person
                                    && match level {
                                        0 => ent.person_evidence && ent.speaks,
                                        1 => ent.person_evidence,
                                        2 => ent.speaks,
                                        // (a lone capitalised word that never spoke is as
                                        // likely a country or a group: "Russia")
                                        _ => ent.name_words > 1,
                                    }
                                    || level >= 1
                                        && ent.kind == EntityKind::Unnamed
                                        && ent.role_person;
                                person && (!ent.gender.known() || ent.gender == g)
                            } else if p == "we" {
                                // "we" speaking in the narration is the writer and those
                                // the writer stands with, not the body named last ("We
                                // know from the poll that ..."): no antecedent by recency
                                false
                            } else if n == b'p' {
                                // "they": a group or an organisation (one that speaks
                                // first), not a body's indefinite description ("a letter
                                // to Harbor leaders"); or the second of two persons who
                                // speak together ("Ana Ruiz and Tom Park said … they
                                // wrote")
                                matches!(ent.kind, EntityKind::Group | EntityKind::Organisation)
                                    && (level > 0 || ent.speaks)
                                    && !(ent.kind == EntityKind::Organisation
                                        && indefinite(ent.name.text(text)))
                                    || ent.kind == EntityKind::Person
                                        && ent.speaks
                                        && ent.person_evidence
                                        && second_of_two(text, ent.last_span())
                            } else if p == "it" {
                                ent.kind == EntityKind::Organisation && (level > 0 || ent.speaks)
                            } else {
                                false
                            }
                        };
                        // "Ann Lee met the press. She said …": a person who is the subject
                        // of this sentence or the one before is the pronoun's antecedent
                        // before a speaker further back (only for "he" and "she": "they"
                        // and "it" keep to bodies that speak; a place or a headline word
                        // is no subject that counts: a person shown to be one, or one
                        // who speaks)
                        let by_speech = || {
                            let level = |level: u8| {
                                recent
                                    .iter()
                                    .take(PRONOUN_LOOK_BACK)
                                    .find(|&e| fits(e, level))
                            };
                            // ("Ana Ruiz said … [many others named] … She added": with
                            // no speaker or person shown to be one in view, a speaker
                            // further back known to be of the pronoun's gender, before
                            // a mere capitalised run in view)
                            let further = || {
                                g.known()
                                    .then(|| {
                                        recent.iter().take(PRONOUN_LOOK_BACK * 4).find(|&e| {
                                            let ent = &ents[e];
                                            ent.kind == EntityKind::Person
                                                && ent.person_evidence
                                                && ent.speaks
                                                && ent.gender == g
                                        })
                                    })
                                    .flatten()
                            };
                            level(0)
                                .or_else(|| level(1))
                                .or_else(|| level(2))
                                .or_else(further)
                                .or_else(|| level(3))
                        };
                        let chosen = by_speech();
                        // (a speaker named in the window already is the one: "said Ann Lee,
                        // a professor. “…,” she said"; the window's start is looked for
                        // only back to that speaker's mention)
                        // (only an entity more recent than the one chosen can be
                        // preferred: none when that one is the latest)
                        // ("Tom Park said X. Ana Ruiz, the chief, said Y, but she said
                        // Z": when the speaker chosen is in the sentence before, a
                        // subject that opens the pronoun's own sentence is nearer still)
                        // ("Ann Lee spoke. “We won. It is over,” she said": the sentences
                        // of the quotation the pronoun reports are not the narration's,
                        // and the window is counted back from the quotation's start)
                        let anchor = ai
                            .map(|ai| atts[ai].content.start)
                            .filter(|&start| start < span.start)
                            .unwrap_or(span.start);
                        let window = (g.known() && chosen != recent.iter().next())
                            .then(|| {
                                let floor = chosen.map_or(0, |e| ents[e].last_end);
                                sentence_window_start(text, anchor, floor)
                                    .or_else(|| sentence_start_after(text, span.start, floor))
                            })
                            .flatten();
                        let near = window.map(|from| {
                            (0..=2).find_map(|level| {
                                recent
                                    .iter()
                                    .take(PRONOUN_LOOK_BACK)
                                    .take_while(|&e| ents[e].last_end > from)
                                    .find(|&e| {
                                        // (a lone capitalised word opening a sentence is as
                                        // likely a plural or a participle: "Delegates
                                        // questioned", "Chastened by …")
                                        let ent = &ents[e];
                                        (level < 2 || ent.name_words > 1)
                                            && fits(e, level)
                                            && (opens_sentence(text, ent.last_span())
                                                || introduced_last(text, ent.last_end))
                                    })
                            })
                        });
                        near.flatten().or(chosen)
                    };
                    match found {
                        Some(e) => {
                            if g.known()
                                && !ents[e].gender.known()
                                && ents[e].kind == EntityKind::Person
                            {
                                ents[e].gender = g;
                            }
                            e
                        }
                        None => {
                            let key = words(span.text(text))
                                .map(str::to_lowercase)
                                .filter(|w| !MENTION_DETERMINERS.contains(&w.as_str()))
                                .collect::<Vec<_>>()
                                .join(" ");
                            let ekind = if n == b'p' {
                                EntityKind::Group
                            } else {
                                EntityKind::Unnamed
                            };
                            by_key[kind_slot(ekind)].entry(key).or_insert(ents.len());
                            filters.push(Filter {
                                person: false,
                                name_mask: 0,
                                words_mask: 0,
                            });
                            ents.push(Ent {
                                gender: g,
                                ..Ent::new(ekind, span, span.end)
                            });
                            ents.len() - 1
                        }
                    }
                }
                MentionKind::Role | MentionKind::Organisation | MentionKind::Anonymous => {
                    // without the words a clause runs on with ("The agency isn't")
                    // (only a last word that may run on is worth the word-by-word cut)
                    let runs_on = span.text(text).rsplit(is_space).next().is_some_and(|w| {
                        is_contraction(w)
                            || w.ends_with("ly")
                            || lexicon::word_info(w).lemma.is_some()
                    });
                    let s = match runs_on
                        .then(|| name_words(text, span, false).last())
                        .flatten()
                    {
                        Some((off, w)) => &span.text(text)[..off + w.len()],
                        None => span.text(text),
                    };
                    // (the mention's words, cut once for every test below)
                    mention_words.clear();
                    mention_words.extend(words(s));
                    let mention_words = &mention_words[..];
                    key_buf.clear();
                    content_ranges.clear();
                    for &w in mention_words {
                        let mark = key_buf.len();
                        if !content_ranges.is_empty() {
                            key_buf.push(' ');
                        }
                        let from = key_buf.len();
                        if w.is_ascii() {
                            key_buf.push_str(w);
                            key_buf[from..].make_ascii_lowercase();
                        } else {
                            // (`str::to_lowercase`: a word-final sigma is `ς`)
                            key_buf.push_str(&w.to_lowercase());
                        }
                        if MENTION_DETERMINERS.contains(&&key_buf[from..]) {
                            key_buf.truncate(mark);
                        } else {
                            content_ranges.push(from..key_buf.len());
                        }
                    }
                    let key = key_buf.as_str();
                    let content = || content_ranges.iter().map(|r| &key[r.clone()]);
                    let content_len = content_ranges.len();
                    // (each content word hashed once, for its bit and for its id)
                    let mut content_mask = 0;
                    content_ids.clear();
                    for w in content() {
                        let hash = hash_of(w);
                        content_mask |= hash_bit(hash);
                        content_ids.push(vocabulary.find_hashed(w, hash));
                    }
                    let head = content().next_back().unwrap_or("");
                    let head_id = content_ids.last().copied().flatten();
                    let capitalised =
                        mention_words.iter().skip(1).any(|w| {
                            w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase)
                        }) || mention_words.first().is_some_and(|w| {
                            !MENTION_DETERMINERS
                                .iter()
                                .any(|d| d.eq_ignore_ascii_case(w))
                                && w.chars().next().is_some_and(char::is_uppercase)
                        });
                    let head_class = lexicon::word_info(head).class;
                    // "the Brisco campaign", "the Lund administration": a body, not a person
                    // ("the website": a medium, as "the newspaper" is)
                    let kind = if kind == MentionKind::Role
                        && (head_class & lexicon::class::ORG != 0
                            || definite_word(mention_words.first()) && MEDIA_HEADS.contains(head))
                    {
                        MentionKind::Organisation
                    } else {
                        kind
                    };
                    let role_person = kind == MentionKind::Role
                        && head_class & (lexicon::class::ROLE | lexicon::class::ORG)
                            == lexicon::class::ROLE;
                    let ekind = match kind {
                        MentionKind::Organisation => EntityKind::Organisation,
                        _ if is_plural_head(head) => EntityKind::Group,
                        _ => EntityKind::Unnamed,
                    };
                    // a definite description refers back to what the article introduced
                    let definite = mention_words
                        .first()
                        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
                    // "the Tavenor ad": a modifier that is a person's name makes a thing of
                    // theirs, not another of their names
                    let names_a_person = || {
                        recent.iter().take(PRONOUN_LOOK_BACK).any(|e| {
                            ents[e].kind == EntityKind::Person
                                && content_ids.iter().any(|w| {
                                    w.is_some_and(|w| {
                                        run_of(&name_pool, ents[e].name_set).contains(&w)
                                    })
                                })
                        })
                    };
                    // (a body's short name needs no article: "Security Council" after
                    // "the Harbor Nations Security Council"; the search keeps to the
                    // bodies in view, so a nearer body of that short name wins over the
                    // one it was mapped to: "the Pacific Rim Security Council …
                    // Security Council"; out of view, the map answers)
                    let short_name = kind == MentionKind::Organisation && capitalised;
                    let look_back = if definite {
                        LOOK_BACK
                    } else {
                        PRONOUN_LOOK_BACK * 4
                    };
                    let resolved = if !definite && !short_name {
                        None
                    } else if definite
                        && (role_person
                            || capitalised && kind == MentionKind::Role && !names_a_person())
                        && ekind == EntityKind::Unnamed
                    {
                        // "the Republican nominee": a person with that head word, else with a
                        // capitalised modifier of it in a mention ("the Chinese leader")
                        let head_bit = word_bit(head);
                        // of the persons with that head word, the one whose mentions
                        // share most of its modifiers ("the Republican nominee" is not
                        // the Democratic one), the most recent of them
                        let mut best: Option<(usize, usize)> = None;
                        for e in recent.iter().take(LOOK_BACK) {
                            // (the most recent with every content word cannot be beaten)
                            if best.is_some_and(|(_, b)| b == content_len) {
                                break;
                            }
                            if !(filters[e].person
                                && filters[e].words_mask & head_bit != 0
                                && ents[e].words.has(head_id))
                            {
                                continue;
                            }
                            let shared = content_ids
                                .iter()
                                .filter(|&&w| ents[e].words.has(w))
                                .count();
                            if best.is_none_or(|(_, b)| shared > b) {
                                best = Some((e, shared));
                            }
                        }
                        // "Republican nominee Tom Birk … Democrat Ann Lee … the Democratic
                        // nominee": a person with the head but none of the mention's
                        // capitalised modifiers gives way to a person shown with all of
                        // them ("Democrat" and "Democratic" are one)
                        // (the modifiers are read from the mention when a person is found,
                        // not collected)
                        let proper = || {
                            mention_words.iter().copied().filter(|w| {
                                w.chars().next().is_some_and(char::is_uppercase)
                                    && !w.eq_ignore_ascii_case(head)
                                    && !MENTION_DETERMINERS
                                        .iter()
                                        .any(|d| d.eq_ignore_ascii_case(w))
                            })
                        };
                        let best = match best {
                            Some((e, _))
                                if proper().next().is_some()
                                    && !has_modifiers(
                                        proper(),
                                        &ents[e].words,
                                        &vocabulary,
                                        &mut buf,
                                    ) =>
                            {
                                // (among the recent few: a role refers to someone
                                // in view, and the search stays short)
                                recent
                                    .iter()
                                    .take(PRONOUN_LOOK_BACK * 4)
                                    .find(|&o| {
                                        filters[o].person
                                            && ents[o].person_evidence
                                            && has_modifiers(
                                                proper(),
                                                &ents[o].words,
                                                &vocabulary,
                                                &mut buf,
                                            )
                                    })
                                    .or(Some(e))
                            }
                            best => best.map(|(e, _)| e),
                        };
                        best.or_else(|| {
                            recent.iter().take(LOOK_BACK).find(|&e| {
                                filters[e].person
                                    && filters[e].words_mask & content_mask != 0
                                    && content_ids.iter().any(|&w| ents[e].words.has(w))
                            })
                        })
                        .or_else(|| {
                            // "the Vermont senator", "The GOP nominee" with no such person
                            // introduced: one particular person, the article's main
                            // speaker of late, or the person the article names most in
                            // full when none of them speaks ("Ann Lee's plan … Lee's
                            // rally … The GOP nominee proposes")
                            capitalised
                                .then(|| {
                                    // the candidates, best first (of equals the one
                                    // mentioned longest ago: the article's principal)
                                    // (an unnamed description is given a named person
                                    // only on real evidence: the person spoke, shares a
                                    // role word with it, or has its gender; never one of
                                    // the other gender: "The Ohio congresswoman" is no
                                    // "Tom Birk")
                                    let description_gender = gender_of_role(head);
                                    // ("Ann Lee spoke in Dover. The Ohio senator said …":
                                    // a description opening its sentence continues the
                                    // speaker who was the subject in one of the three
                                    // sentences before, before the article's principal)
                                    let view = opens_sentence(text, span)
                                        .then(|| sentence_window_start(text, span.start, 0))
                                        .flatten()
                                        .map(|from| {
                                            sentence_window_start(text, from, 0).unwrap_or(from)
                                        });
                                    // (in view, the latest first; speaks; how often
                                    // named; how long ago)
                                    type CandidateKey = (usize, bool, usize, usize);
                                    let subject_in_view = |ent: &Ent| {
                                        view.is_some_and(|from| {
                                            ent.speaks
                                                && ent.last_end > from
                                                && opens_sentence(text, ent.last_span())
                                        })
                                    };
                                    let mut candidates: Vec<(CandidateKey, usize)> = recent
                                        .iter()
                                        .take(PRONOUN_LOOK_BACK)
                                        .enumerate()
                                        .filter(|&(_, e)| {
                                            let ent = &ents[e];
                                            let gender_matches = description_gender.known()
                                                && ent.gender == description_gender;
                                            let gender_clashes = description_gender.known()
                                                && ent.gender.known()
                                                && ent.gender != description_gender;
                                            let shares_role = || {
                                                content().zip(&content_ids).any(|(w, &id)| {
                                                    lexicon::word_info(w).class
                                                        & lexicon::class::ROLE
                                                        != 0
                                                        && ent.words.has(id)
                                                })
                                            };
                                            ent.kind == EntityKind::Person
                                                && ent.person_evidence
                                                && !gender_clashes
                                                && (ent.speaks
                                                    || ent.named > 0
                                                        && (gender_matches || shares_role()))
                                        })
                                        .map(|(at, e)| {
                                            let ent = &ents[e];
                                            let said = ent.mentions.len() + ent.named as usize;
                                            let in_view = if subject_in_view(ent) {
                                                PRONOUN_LOOK_BACK - at
                                            } else {
                                                0
                                            };
                                            ((in_view, ent.speaks, said, at), e)
                                        })
                                        .collect();
                                    candidates.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
                                    // (one known by another role is someone else:
                                    // "Justice Ann Lee … The GOP nominee"; tested on
                                    // the best ones only, most often the first)
                                    candidates.into_iter().map(|(_, e)| e).find(|&e| {
                                        !known_by_another_role(
                                            &ents[e].words,
                                            &vocabulary,
                                            head,
                                            content(),
                                        )
                                    })
                                })
                                .flatten()
                        })
                    } else if kind == MentionKind::Organisation && !capitalised {
                        // "the campaign", "the agency", "the newspaper": the body named before
                        let media = MEDIA_HEADS.contains(head);
                        let heads: Option<&entities::WordSet> = if BODY_HEADS.contains(head) {
                            Some(&BODY_HEADS)
                        } else if media {
                            Some(&MEDIA_HEADS)
                        } else {
                            None
                        };
                        // (the list's words that the text has, as ids: looked up once,
                        // not for every entity)
                        let head_ids: Vec<WordId> = heads
                            .map(|hs| hs.iter().filter_map(|h| vocabulary.find(h)).collect())
                            .unwrap_or_default();
                        recent
                            .iter()
                            .take(PRONOUN_LOOK_BACK * 4)
                            .find(|&e| {
                                let ent = &ents[e];
                                ent.kind == EntityKind::Organisation
                                    && ent.name_words > 0
                                    && (ent.words.has(head_id)
                                        || head_ids.iter().any(|&h| ent.words.contains(h))
                                        || media && ent.media)
                            })
                            .or_else(|| {
                                // "The Harbor Pilots Guild said … The union added …":
                                // with no body of that name, the named body that spoke
                                // or was the subject in this sentence or the one before
                                // (not one merely mentioned there: "rallied at Carrow
                                // University … the group shouted"; a newspaper is "the
                                // paper", not "the union")
                                // (the window's start is looked for only back to the
                                // body found)
                                // ("Harbor Ledger asked … The website noted": a name
                                // that no forename or title shows to be a person's,
                                // which spoke, is a body too)
                                recent
                                    .iter()
                                    .take(PRONOUN_LOOK_BACK)
                                    .find(|&e| {
                                        let ent = &ents[e];
                                        let body = ent.kind == EntityKind::Organisation
                                            || ent.kind == EntityKind::Person
                                                && !ent.person_evidence
                                                && !ent.gender.known()
                                                && ent.name_words > 1
                                                && ent.speaks;
                                        body && ent.name_words > 0
                                            && (ent.speaks || opens_sentence(text, ent.last_span()))
                                            && (media || !ent.media)
                                    })
                                    .filter(|&e| {
                                        let end = ents[e].last_end;
                                        sentence_window_start(text, span.start, end).is_none()
                                    })
                            })
                    } else if kind == MentionKind::Organisation {
                        // "The Times" after "The New York Times"; "the Tax Policy Center"
                        // is first a body whose name ends so ("the Urban Tax Policy
                        // Center"), not one with those words in another order
                        let ends_so = |e: usize| {
                            // two passes over the name's words rather than a list of them
                            let name = ents[e].name.text(text);
                            let count = words(name).count();
                            content_len > 0
                                && count >= content_len
                                && words(name)
                                    .skip(count - content_len)
                                    .zip(content())
                                    .all(|(t, w)| t.eq_ignore_ascii_case(w))
                        };
                        recent
                            .iter()
                            .take(look_back)
                            // (the compact filter first: most entities fail it, and
                            // the entity itself is then never read)
                            .find(|&e| {
                                filters[e].words_mask & content_mask == content_mask
                                    && ents[e].kind == EntityKind::Organisation
                                    && ents[e].name_words > content_len
                                    && ends_so(e)
                            })
                            .or_else(|| {
                                recent.iter().take(look_back).find(|&e| {
                                    filters[e].words_mask & content_mask == content_mask && {
                                        let ent = &ents[e];
                                        ent.kind == EntityKind::Organisation
                                            && ent.name_words > content_len
                                            && content_ids.iter().all(|&w| ent.words.has(w))
                                    }
                                })
                            })
                    } else {
                        None
                    };
                    // "Most of them said": a share of a group the pronoun refers to, a new
                    // group each time, never one by its words (two "most of them" are
                    // rarely one group)
                    let partitive = partitive_of_pronoun(mention_words);
                    // (a map: comparing with every entity was quadratic)
                    let same = if partitive {
                        None
                    } else {
                        by_key[kind_slot(ekind)].get(key).copied()
                    };
                    match resolved.or(same) {
                        Some(e) => {
                            // (a short name found once is found by its key after,
                            // as the body it was last found for)
                            if short_name && !definite && same != Some(e) {
                                by_key[kind_slot(ekind)].insert(key.to_string(), e);
                            }
                            // ("Harbor Ledger asked … The website noted": the name
                            // taken for a person's is the body's)
                            if kind == MentionKind::Organisation
                                && ents[e].kind == EntityKind::Person
                                && !ents[e].person_evidence
                                && ents[e].name_words > 1
                            {
                                ents[e].kind = EntityKind::Organisation;
                                filters[e].person = false;
                            }
                            if kind == MentionKind::Organisation && capitalised {
                                let ent = &mut ents[e];
                                let np = whole_organisation_name(text, proper_part(text, span));
                                let nw = words(np.text(text)).count();
                                if nw > ent.name_words {
                                    ent.name = np;
                                    ent.name_words = nw;
                                }
                            }
                            e
                        }
                        None => {
                            // (`same` found nothing: the key is new)
                            if !partitive {
                                by_key[kind_slot(ekind)].insert(key.to_string(), ents.len());
                            }
                            filters.push(Filter {
                                person: false,
                                name_mask: 0,
                                words_mask: content_mask,
                            });
                            // ("some Democrats" is named so, not "Democrats")
                            let name = if members.is_some() {
                                span
                            } else {
                                proper_part(text, span)
                            };
                            let name = if capitalised && ekind == EntityKind::Organisation {
                                whole_organisation_name(text, name)
                            } else {
                                name
                            };
                            let role_person = role_person && ekind == EntityKind::Unnamed;
                            let media = mention_words
                                .iter()
                                .any(|w| lexicon::word_info(w).class & lexicon::class::MEDIA != 0);
                            ents.push(Ent {
                                name_words: if capitalised {
                                    words(name.text(text)).count()
                                } else {
                                    0
                                },
                                words: {
                                    let mut ws = WordIdSet::default();
                                    // (a word the text has shown has its id from the
                                    // lookup above: not hashed and looked up again)
                                    for (w, &id) in content().zip(&content_ids) {
                                        ws.insert(id.unwrap_or_else(|| vocabulary.intern(w)));
                                    }
                                    ws
                                },
                                media,
                                role_person,
                                ..Ent::new(ekind, name, span.end)
                            });
                            ents.len() - 1
                        }
                    }
                }
            }
        };
        if let Some(ai) = ai {
            assigned[ai] = link(e);
            ents[e].speaks = true;
            ents[e].add_mention(mention_span);
        }
        if let Some((head, Some(_))) = document {
            documents.insert(head, e);
            document_makers.push((head, e, mention_span.start));
        }
        // "Ann Lee, the Republican nominee, said": later "the nominee" is her
        if kind == MentionKind::Name && ents[e].kind == EntityKind::Person {
            if let Some(role) = apposed_role(text, span.end) {
                add_words(
                    &mut ents[e].words,
                    &mut filters[e].words_mask,
                    role,
                    &mut buf,
                    &mut vocabulary,
                    &[],
                );
            }
        }
        ents[e].last_end = span.end;
        ents[e].last_len = u32::try_from(span.end - span.start).unwrap_or(u32::MAX);
        last_span_ent = Some((span, e));
        recent.touch(e);
    }
    // (the title line's end, [`title_end`], read by both passes below: found once)
    let title_line_end = title_end(text);
    name_in_lead_later(
        text,
        TitleLines {
            headline,
            title: title_line_end,
        },
        &mut ents,
        &mut assigned,
        &document_makers,
        &vocabulary,
        headline_subject,
    );
    contender_is_principal(text, &mut ents, &mut assigned, title_line_end);
    body_kind_named_before(text, &mut ents);
    kin_named_later(text, &mut ents, &mut assigned);
    // the searches' structures and the entities' word sets are done with: freed before
    // the speakers are built, so they and the speakers are not alive at once (issue 16,
    // memory per byte)
    drop((
        recent,
        by_key,
        filters,
        documents,
        name_ids,
        key_buf,
        content_ranges,
        content_ids,
        memo,
    ));
    vocabulary.clear();
    *workspace_vocabulary = vocabulary;
    drop(by_speaker);
    for ent in &mut ents {
        ent.words = WordIdSet::default();
    }
    drop(name_pool);
    // keep the entities that speak, renumbered in order of first speech
    let mut map = vec![usize::MAX; ents.len()];
    let mut speaking = 0;
    for (ai, a) in atts.iter_mut().enumerate() {
        let e = assigned[ai];
        if e == NO_LINK {
            continue;
        }
        let e = e as usize;
        if map[e] == usize::MAX {
            map[e] = speaking;
            speaking += 1;
        }
        a.entity = Some(map[e]);
    }
    drop(assigned);
    // The speakers are made from the entities in their list's own memory (a speaker is
    // smaller than an entity, so the collect reuses the buffer), not in a second list
    // alive beside it, then sorted into the order of first speech (issue 16, memory per
    // byte: a text of a new speaker every 70 bytes)
    let mut speakers: Vec<Speaker<'t>> = ents
        .into_iter()
        .enumerate()
        .filter(|&(e, _)| map[e] != usize::MAX)
        .map(|(e, ent)| Speaker {
            id: map[e],
            name: ent.name.text(text),
            name_span: ent.name,
            kind: ent.kind,
            gender: if ent.kind == EntityKind::Person || ent.kind == EntityKind::Unnamed {
                ent.gender
            } else {
                Gender::Unknown
            },
            mentions: {
                // one mention can speak twice ("Varga pledged … and said …")
                let mut m = ent.mentions;
                m.sort_unstable();
                m.dedup();
                // grown by doubling: the document keeps only the mentions
                m.shrink_to_fit();
                m
            },
        })
        .collect();
    drop(map);
    speakers.shrink_to_fit();
    speakers.sort_unstable_by_key(|s| s.id);
    speakers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_of_a_mention() {
        let got: Vec<&str> = words("  Ann  Lee-Park,  (of)  the \t\nU.S., x. ,, ").collect();
        assert_eq!(got, ["Ann", "Lee-Park", "of", "the", "U.S", "x"]);
    }

    /// Moves that chain (A to B, then B to C) bring A's mentions and attributions to C,
    /// in either order of the moves; an entity that no move names keeps its own.
    #[test]
    fn chained_moves_end_at_the_last_entity() {
        for moves in [[(0, 1), (1, 2)], [(1, 2), (0, 1)]] {
            let mut ents: Vec<Ent> = (0..4)
                .map(|n| {
                    let mut ent = Ent::new(EntityKind::Person, Span::new(n * 10, n * 10 + 5), 0);
                    ent.add_mention(Span::new(n * 10, n * 10 + 5));
                    ent
                })
                .collect();
            let mut assigned = vec![0, 1, 2, 3, 0];
            merge_entities(&mut ents, &mut assigned, &moves);
            assert_eq!(assigned, vec![2, 2, 2, 3, 2], "{moves:?}");
            assert!(ents[0].mentions.is_empty() && ents[1].mentions.is_empty());
            assert_eq!(ents[2].mentions.len(), 3, "{moves:?}");
            assert!(ents[2].speaks);
            assert_eq!(ents[3].mentions.len(), 1);
        }
    }

    #[test]
    fn ascii_words_are_the_pieces_between_separators_trimmed() {
        // the one-pass scan gives what splitting at spaces and commas and trimming each
        // piece to its letters and digits gives, each word a slice of the mention
        let split_and_trim = |s: &'static str| -> Vec<&'static str> {
            s.split(|c: char| is_space(c) || c == ',')
                .map(trim_to_alnum)
                .filter(|w| !w.is_empty())
                .collect()
        };
        for s in [
            "",
            " ",
            ",,",
            "Ana",
            "  Ana   Ruiz  ",
            "Sen. Ada Holm, (D-Ore.), said",
            "O'Neill's \"aide\"--and-- U.S.-based\tgroup\x0bx",
            "-- 42 --,7,",
            "a.b.c. ...x... 'y' (z)",
        ] {
            let got: Vec<&str> = words(s).collect();
            assert_eq!(got, split_and_trim(s), "{s:?}");
            for w in got {
                let at = w.as_ptr() as usize - s.as_ptr() as usize;
                assert_eq!(&s[at..at + w.len()], w);
            }
        }
    }

    #[test]
    fn name_cores_are_the_pieces_after_spaces_trimmed() {
        // the one-pass ASCII cut gives what splitting after each space and trimming each
        // piece gives, with the offsets of the cores in the mention
        let split_and_trim = |s: &'static str| -> Vec<(usize, &'static str)> {
            let mut off = 0;
            let mut got = Vec::new();
            for piece in s.split_inclusive(is_space) {
                let core = piece
                    .trim_matches(|c: char| !is_alnum(c) && c != '\'' && c != '’')
                    .trim_start_matches(['\'', '’']);
                if !core.is_empty() {
                    got.push((
                        off + (core.as_ptr() as usize - piece.as_ptr() as usize),
                        core,
                    ));
                }
                off += piece.len();
            }
            got
        };
        for s in [
            "",
            "  ",
            "Ana",
            "  Ana   Ruiz  ",
            "Sen. Ada Holm, (D-Ore.), said",
            "O'Neill's 'aide' ''x '-y '' ' -- U.S.-based\tgroup\x0bx",
            "Ann Lee’s ’Tom Ruiz-Núñez  é \u{a0}x",
        ] {
            let got: Vec<(usize, &str)> = NameCores {
                s,
                off: 0,
                ascii: s.is_ascii(),
            }
            .collect();
            assert_eq!(got, split_and_trim(s), "{s:?}");
        }
    }

    #[test]
    fn a_names_words_are_read_from_its_mentions() {
        // where a name starts and ends at words of its mention, the run of the mention's
        // words is what cutting the name gives; elsewhere there is no run
        let text = "said Sen. Ana Ruiz-Park, (D) of Marlow’s Ö. Ünal-Lee's x";
        let mention = Span::new(5, text.len());
        let mention_words: Vec<&str> = words(mention.text(text)).collect();
        let mut runs = 0;
        for start in mention.start..=text.len() {
            for end in start..=text.len() {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let np = Span::new(start, end);
                if let Some(run) = words_within(text, &mention_words, np) {
                    let cut: Vec<&str> = words(np.text(text)).collect();
                    assert_eq!(run, &cut[..], "{:?}", np.text(text));
                    runs += 1;
                }
            }
        }
        assert!(runs > 20, "{runs}");
        assert_eq!(words_within(text, &mention_words, Span::new(14, 17)), None);
    }

    #[test]
    fn a_word_of_punctuation_alone_trims_to_an_empty_slice_of_itself() {
        // name_words takes a word's offset from the trimmed slice's pointer: an empty
        // result from elsewhere (a `""` literal) overflowed there in debug builds
        let word = "--";
        let trimmed = trim_to_alnum(word);
        assert!(trimmed.is_empty());
        assert_eq!(trimmed.as_ptr(), word.as_ptr());
        let text = "Ana -- Ruiz";
        let words: Vec<_> = name_words(text, Span::new(0, text.len()), true).collect();
        assert_eq!(words, [(0, "Ana"), (7, "Ruiz")]);
    }

    #[test]
    fn whitespace_is_normalised_only_when_needed() {
        assert!(matches!(
            normalize_whitespace("Julia Ng"),
            std::borrow::Cow::Borrowed("Julia Ng")
        ));
        assert_eq!(normalize_whitespace("Julia\u{a0}Ng"), "Julia Ng");
        assert_eq!(normalize_whitespace("Julia \u{200B}\n Ng "), "Julia Ng");
        assert_eq!(normalize_whitespace("Julia\u{200B}Ng"), "Julia Ng");
    }

    #[test]
    fn document_makers() {
        let text = "A new Harbor Ledger poll";
        let (head, maker) = document_of(text, Span::new(0, text.len())).unwrap();
        assert_eq!(head, "poll");
        assert_eq!(maker.unwrap().text(text), "Harbor Ledger");
        let text = "the polls";
        assert_eq!(document_of(text, Span::new(0, 9)), Some(("poll", None)));
        // a maker named after `by`; none when no name follows it
        let text = "a web video by the Harbor Council";
        let (head, maker) = document_of(text, Span::new(0, text.len())).unwrap();
        assert_eq!(
            (head, maker.unwrap().text(text)),
            ("video", "Harbor Council")
        );
        let text = "an analysis by Ann Lee, a lawyer";
        let (_, maker) = document_of(text, Span::new(0, text.len())).unwrap();
        assert_eq!(maker.unwrap().text(text), "Ann Lee");
        let text = "a study by researchers";
        assert_eq!(document_of(text, Span::new(0, text.len())), None);
        let text = "according to an analysis by Ann Lee, a lawyer";
        let at = text.find("an analysis").unwrap();
        let (_, maker) = document_of(text, Span::new(at, at + 11)).unwrap();
        assert_eq!(maker.unwrap().text(text), "Ann Lee");
        // two bodies' poll: the first names its maker; a one-word join is one name
        for (text, maker) in [
            ("a new Harbor Times-Coast Radio News survey", "Harbor Times"),
            (
                "the latest Harbor Times/Coast Radio News poll",
                "Harbor Times",
            ),
            ("the Quarry/Tessel poll", "Quarry/Tessel"),
            ("a Dorn-Fielding Institute study", "Dorn-Fielding Institute"),
        ] {
            let (_, found) = document_of(text, Span::new(0, text.len())).unwrap();
            assert_eq!(found.map(|m| m.text(text)), Some(maker), "{text}");
        }
    }

    #[test]
    fn first_two_words_by_bytes_as_split_at_white_space() {
        for s in [
            "",
            " ",
            "  said the agency",
            " said",
            " a\tb c",
            "\n\x0bword  next  third",
            " x\u{a0}y z",
            " café owner",
            " the café",
        ] {
            let split: Vec<&str> = s.split_whitespace().take(2).collect();
            match first_two_ascii_words(s) {
                Some(two) => {
                    let two: Vec<&str> = two.iter().flatten().copied().collect();
                    assert_eq!(two, split, "{s:?}");
                }
                // (only a byte past ASCII among those read sends it to the slow scan)
                None => assert!(!s.is_ascii(), "{s:?}"),
            }
        }
        assert_eq!(first_two_ascii_words(" the café"), None);
        assert!(organisation_head_follows(
            "Harbor One television network",
            10
        ));
        assert!(!organisation_head_follows("Harbor One said", 10));
    }

    #[test]
    fn byte_tests_before_the_trims_and_the_possessive_stem() {
        for w in [
            "",
            "Lee",
            "Lee.",
            "Lee’",
            "Lee's",
            "Lee’s",
            "LEE'S",
            "Jones'",
            "Jones’",
            "café",
            "x²",
            "“Lee”",
            "Ann,",
            "42",
        ] {
            assert_eq!(
                trim_end_to_alnum(w),
                w.trim_end_matches(|c: char| !is_alnum(c)),
                "{w:?}"
            );
        }
        assert_eq!(possessive_stem("Lee’s"), Some("Lee"));
        assert_eq!(possessive_stem("LEE'S"), Some("LEE"));
        assert_eq!(possessive_stem("Jones’"), Some("Jones"));
        assert_eq!(possessive_stem("Jones'"), Some("Jones"));
        assert_eq!(possessive_stem("Lee"), None);
        assert_eq!(possessive_stem("Lee’"), None);
    }

    #[test]
    fn apposed_roles() {
        let text = "Ann Lee, the Republican nominee, said";
        assert_eq!(apposed_role(text, 7), Some("the Republican nominee"));
        let text = "Ann Lee, who said";
        assert_eq!(apposed_role(text, 7), None);
        // a role in the first six words, then where: the phrase up to the role noun
        let text = "Tom Birk, an analyst at the small Harbor Policy Institute, said";
        assert_eq!(apposed_role(text, 8), Some("an analyst"));
        let text = "Tom Birk, a man who lives in the old mill town, said";
        assert_eq!(apposed_role(text, 8), None);
        // the apposition stops at a typographic opening quotation mark, not at another
        // character whose bytes start as its do (`’`)
        let text = "Ann Lee, the café’s owner “x”, said";
        let stop = apposition_after(text, 7).map(|(rest, stop)| &rest[..stop]);
        assert_eq!(stop, Some("the café’s owner "));
        assert_eq!(apposition_after("Ann Lee, the owner", 7), None);
    }

    #[test]
    fn title_genders() {
        let title = |text: &str| gender_of_title(text, Span::new(0, text.len()));
        assert_eq!(title("Mrs. Ada Holm"), Gender::Female);
        assert_eq!(title("CONGRESSMAN Tom Birk"), Gender::Male);
        assert_eq!(title("Harbor County Queen Ada"), Gender::Female);
        // only the first three words, and whole words
        assert_eq!(title("Harbor County Port Queen Ada"), Gender::Unknown);
        assert_eq!(title("Mrsx Ada Holm"), Gender::Unknown);
        assert_eq!(title("Congresswomanly Ada"), Gender::Unknown);
    }

    #[test]
    fn role_genders() {
        assert_eq!(gender_of_role("congresswoman"), Gender::Female);
        assert_eq!(gender_of_role("Chairman"), Gender::Male);
        assert_eq!(gender_of_role("nominee"), Gender::Unknown);
        assert_eq!(gender_of_role("ombudsman"), Gender::Unknown);
    }

    #[test]
    fn another_role() {
        let vocabulary = std::cell::RefCell::new(Vocabulary::default());
        let set = |ws: &[&str]| -> WordIdSet {
            let mut set = WordIdSet::default();
            for w in ws {
                set.insert(vocabulary.borrow_mut().intern(w));
            }
            set
        };
        let content = ["gop", "nominee"];
        // a judge is not the nominee; a party word is a role of its own
        assert!(known_by_another_role(
            &set(&["justice", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        assert!(known_by_another_role(
            &set(&["democrat", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        // the same role, or no role at all, is no other
        assert!(!known_by_another_role(
            &set(&["nominee", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        assert!(!known_by_another_role(
            &set(&["ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        // "Democrat" is "the Democratic nominee"'s modifier; a plural role is no one's
        let content = ["democratic", "nominee"];
        assert!(!known_by_another_role(
            &set(&["democrat", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        assert!(!known_by_another_role(
            &set(&["supporters", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        // a word set larger than the role list gives the same answers
        let many: Vec<String> = (0..400).map(|i| format!("word{i}")).collect();
        let big = |extra: &[&str]| -> WordIdSet {
            let mut set = WordIdSet::default();
            for w in many.iter().map(String::as_str).chain(extra.iter().copied()) {
                set.insert(vocabulary.borrow_mut().intern(w));
            }
            set
        };
        assert!(known_by_another_role(
            &big(&["justice", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
        assert!(!known_by_another_role(
            &big(&["democrat", "nominee", "ann", "lee"]),
            &vocabulary.borrow(),
            "nominee",
            content.iter().copied()
        ));
    }

    #[test]
    fn organisation_name_words_in_any_case() {
        // every word of the list passes the first-letter-and-length bits, in any case
        for &w in ORGANISATION_NAME_WORDS.iter() {
            assert!(is_organisation_name_word(w), "{w}");
            assert!(is_organisation_name_word(&w.to_uppercase()), "{w}");
        }
        for w in ["Ada", "Holm", "", "-", "Émile", "x".repeat(40).as_str()] {
            assert_eq!(
                is_organisation_name_word(w),
                entities::contains_folded(&ORGANISATION_NAME_WORDS, w),
                "{w}"
            );
        }
        for &w in lexicon::NAME_PARTICLES.iter() {
            assert!(
                is_name_particle(w) && is_name_particle(&w.to_uppercase()),
                "{w}"
            );
        }
        for &w in GENERATIONAL_SUFFIXES.iter() {
            assert!(is_generational_suffix(w) && is_generational_suffix(&w.to_uppercase()));
        }
        for w in ["Ada", "Holm", "", "-", "Émile", "Van", "von", "Jr", "Jrs"] {
            assert_eq!(
                is_name_particle(w),
                lexicon::contains_folded(&lexicon::NAME_PARTICLES, w),
                "{w}"
            );
            assert_eq!(
                is_generational_suffix(w),
                entities::contains_folded(&GENERATIONAL_SUFFIXES, w),
                "{w}"
            );
        }
        assert!(is_organisation_name_word("League"));
        assert!(!is_organisation_name_word("Leaguer"));
    }

    #[test]
    fn pieces_after_white_space_as_split_inclusive() {
        for s in [
            "",
            " ",
            "Harbor  Transit\tAuthority ",
            "the\u{000B}agency\r\n",
            "Ana\u{00A0}Ruiz  Días ",
            "x\u{2003}",
        ] {
            let expected: Vec<&str> = s.split_inclusive(char::is_whitespace).collect();
            assert_eq!(
                split_after_whitespace(s).collect::<Vec<_>>(),
                expected,
                "{s:?}"
            );
        }
    }

    #[test]
    fn name_parts_and_their_memo() {
        let extra = lexicon::Overlay::default();
        let part = |text: &str, mention: &str| {
            let at = text.find(mention).unwrap();
            let span = Span::new(at, at + mention.len());
            let direct = name_part(text, span, &extra);
            // the memo gives the same answer, the first time and the next
            let mut memo = NameMemo::default();
            assert_eq!(memo.name_part(text, span, &extra), direct, "{text}");
            assert_eq!(memo.name_part(text, span, &extra), direct, "{text}");
            direct.map(|p| p.text(text).to_string())
        };
        assert_eq!(
            part("Sen. Ada Holm said", "Sen. Ada Holm").as_deref(),
            Some("Ada Holm")
        );
        let text = "the Harbor Daily's Ann Tavenor wrote";
        assert_eq!(
            part(text, "the Harbor Daily's Ann Tavenor").as_deref(),
            Some("Ann Tavenor")
        );
        // (the answers that read past the mention are not kept: the memo agrees anyway)
        part("Ann Lee's statement", "Ann Lee's");
        assert_eq!(part("Ann Lee's family", "Ann Lee's"), None);
        // the same words at another place of the text give the same name there
        let text = "Ada Holm spoke. Later Ada Holm left.";
        let mut memo = NameMemo::default();
        for at in [0, 22] {
            let span = Span::new(at, at + 8);
            let np = memo.name_part(text, span, &extra).unwrap();
            assert_eq!((np.start, np.text(text)), (at, "Ada Holm"));
        }
        assert!(memo.is_organisation_name("Harbor Transit Authority"));
        assert!(!memo.is_organisation_name("Ada Holm"));
    }

    #[test]
    fn members_of_a_body() {
        let text = "Officials at the Harbor Authority said";
        let start = text.find("Harbor").unwrap();
        let members = members_before(text, start).map(|s| s.text(text));
        assert_eq!(members, Some("Officials"));
        let text = "experts from Carrow University said";
        let start = text.find("Carrow").unwrap();
        assert_eq!(
            members_before(text, start).map(|s| s.text(text)),
            Some("experts")
        );
        // a place, a time or a thing before the preposition is no group of the body's
        for text in [
            "refugees in the Harbor Authority",
            "Scenes from the Harbor Authority",
        ] {
            let start = text.find("Harbor").unwrap();
            assert_eq!(members_before(text, start), None, "{text}");
        }
    }

    #[test]
    fn fuller_names() {
        let ws = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(extends_name(&ws("lee"), &ws("ann lee")));
        assert!(extends_name(&ws("ann lee"), &ws("ann b. lee")));
        assert!(extends_name(&ws("tom lee"), &ws("tom lee jr.")));
        // a forename alone grows into the full name
        assert!(extends_name(&ws("ann"), &ws("ann lee")));
        // a word after the surname is a show, a building or a headline verb
        assert!(!extends_name(&ws("ann lee"), &ws("ann lee now")));
        assert!(!extends_name(&ws("okafor"), &ws("okafor speech")));
    }

    #[test]
    fn names_that_end_an_organisation_name() {
        let text = "The Harbor Union for a Fair Wage met Ann Lee of the Harbor Board.";
        let at = |w: &str| {
            let start = text.find(w).unwrap();
            Span::new(start, start + w.len())
        };
        assert!(ends_organisation_name(text, at("Fair Wage")));
        assert!(!ends_organisation_name(text, at("Ann Lee")));
    }

    #[test]
    fn organisation_names_made_whole() {
        let whole = |text: &str, part: &str| {
            let at = text.find(part).unwrap();
            whole_organisation_name(text, Span::new(at, at + part.len()))
                .text(text)
                .to_string()
        };
        let text = "the Marlow Bureau of Fisheries said.";
        assert_eq!(whole(text, "Marlow Bureau"), "Marlow Bureau of Fisheries");
        let text = "the Commission on Harbor Safety said";
        assert_eq!(whole(text, "Harbor Safety"), "Commission on Harbor Safety");
        // a weekday, a lowercase word or a person before the join is no part of it
        let text = "the Harbor Authority on Monday said";
        assert_eq!(whole(text, "Harbor Authority"), "Harbor Authority");
        let text = "a friend of Ann Lee said";
        assert_eq!(whole(text, "Ann Lee"), "Ann Lee");
        // an article opening the sentence is no part of it either
        let text = "The Union for a Fair Wage said";
        assert_eq!(whole(text, "Fair Wage"), "Union for a Fair Wage");
        // `to` goes on from an organisation's head only
        let text = "the Alliance to Protect Our Rivers said";
        assert_eq!(whole(text, "Alliance"), "Alliance to Protect Our Rivers");
        let text = "Ann Lee to Tom Birk: no";
        assert_eq!(whole(text, "Ann Lee"), "Ann Lee");
        // (a person after `to`, or a verb and one word, is no part of it)
        let text = "said the Harbor Transit Authority to Governor Ann Lee.";
        assert_eq!(
            whole(text, "Harbor Transit Authority"),
            "Harbor Transit Authority"
        );
        let text = "the Harbor Authority to Harbor City Council";
        assert_eq!(whole(text, "Harbor Authority"), "Harbor Authority");
        let text = "The Harbor Transit Authority to Cut Fares. The";
        assert_eq!(
            whole(text, "Harbor Transit Authority"),
            "Harbor Transit Authority"
        );
    }

    #[test]
    fn people_for_a_cause() {
        assert!(is_organisation_name("Citizens for Clean Harbors"));
        assert!(is_organisation_name("Nurses for Safe Wards"));
        // (a person, a singular word or a lowercase cause is none)
        assert!(!is_organisation_name("Ann Lee for Harbor"));
        assert!(!is_organisation_name("Citizens for all"));
        assert!(!is_organisation_name("Dennis for Harbor"));
        // (a plural before `for` and a lowercase cause is none; nor two words)
        assert!(!is_organisation_name("Voters for them"));
        assert!(!people_for("Harbor Pilots"));
        assert!(!people_for("Ross"));
    }

    #[test]
    fn run_on_names_and_quantified_groups() {
        assert!(name_runs_on("Brisco now"));
        assert!(name_runs_on("Ann Lee restricted"));
        assert!(!name_runs_on("Brisco supporters"));
        assert!(!name_runs_on("the Lee campaign"));
        let text = "and some Greens said";
        let at = text.find("Greens").unwrap();
        let group = quantified(text, Span::new(at, at + 6)).map(|s| s.text(text));
        assert_eq!(group, Some("some Greens"));
        assert_eq!(quantified(text, Span::new(at, at + 5)), None);
    }

    #[test]
    fn sentence_openers() {
        let text = "The cracks were old. Marta Kovacs toured the site. Mr. Lee's car";
        let at = |w: &str| {
            let start = text.find(w).unwrap();
            Span::new(start, start + w.len())
        };
        assert!(opens_sentence(text, at("The cracks")));
        assert!(opens_sentence(text, at("Marta Kovacs")));
        // an abbreviation's period ends no sentence; a possessive is no subject
        assert!(!opens_sentence(text, at("Lee")));
        assert!(!opens_sentence(text, at("Mr. Lee")));
        assert!(!opens_sentence(text, at("site")));
        // after an opening phrase; not after a list's comma or a clause's
        let text = "The pier shut. After the vote, Marta Kovacs left. Tom Birk, Ann Lee and \
                    others stayed. Rain fell, Ivo Sand said. Meanwhile, Ivo Sand ran.";
        let at = |w: &str| {
            let start = text.find(w).unwrap();
            Span::new(start, start + w.len())
        };
        assert!(opens_sentence(text, at("Marta Kovacs")));
        assert!(!opens_sentence(text, at("Ann Lee")));
        assert!(!opens_sentence(text, at("Ivo Sand said")));
        assert!(opens_sentence(text, at("Ivo Sand ran")));
        // the speaker after a quotation is its clause's subject
        let text = "“The pier is shut,” Marta Kovacs said.";
        let at = |w: &str| {
            let start = text.find(w).unwrap();
            Span::new(start, start + w.len())
        };
        assert!(opens_sentence(text, at("Marta Kovacs")));
        let text = "One. Two, three. Four\n\nFive. She";
        assert_eq!(
            &text[sentence_window_start(text, text.len(), 0).unwrap()..],
            "\n\nFive. She"
        );
        let text = "One. Two. Three. She";
        assert_eq!(
            &text[sentence_window_start(text, text.len(), 0).unwrap()..],
            " Three. She"
        );
    }

    /// A pronoun whose sentence opens with a speaker of unknown gender is that speaker,
    /// not one of the right gender named in the sentence before.
    #[test]
    fn subject_of_the_pronouns_own_sentence() {
        let text = "Harbor officials met on Monday. John Smith, the mayor, called for calm, \
                    saying “the port is open.”\n\nKelo Vantrick, the harbor chief, said the \
                    pier was safe, but he said “the ferries may stop.”";
        let doc = crate::analyze(text);
        let last = doc.attributions.iter().max_by_key(|a| a.content.start);
        let speaker = last.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(speaker, Some("Kelo Vantrick"));
        let start = text.find("but he").unwrap_or(0);
        assert_eq!(
            sentence_start_after(text, start, 0).map(|at| &text[at..at + 6]),
            Some("\n\nKelo")
        );
        // (a sentence that starts before the floor is not found)
        assert_eq!(sentence_start_after(text, start, start - 20), None);
    }

    /// A quotation's own sentences are not counted in the window a pronoun looks back
    /// over, and a person introduced last with a role in apposition is in view as a
    /// subject is.
    #[test]
    fn person_introduced_before_a_quotation() {
        let text = "Tom Park, the mayor, said the port was open.\n\nThe fares are a burden for \
                    Henry Vantrick, president of the Harbor Guild.\n\n“No one listens. The \
                    boats are old. We wait,” he said.";
        let doc = crate::analyze(text);
        let last = doc.attributions.iter().max_by_key(|a| a.content.start);
        let speaker = last.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(speaker, Some("Henry Vantrick"));
        let end = |w: &str| text.find(w).map_or(0, |at| at + w.len());
        assert!(introduced_last(text, end("Henry Vantrick")));
        // (an apposition the sentence goes on after, or none, is no introduction)
        assert!(!introduced_last(text, end("Tom Park")));
        assert!(!introduced_last("Ana Ruiz, a lawyer, said so.", 8));
        assert!(!introduced_last("It was Ana Ruiz.", 15));
    }

    /// A headline's name run on with its verb is as much of it as the body names.
    #[test]
    fn headline_names_as_the_body_names_them() {
        let text = "Ana Ruiz Hid Port Fees From Council, Clerk Says\n\nAna Ruiz kept the \
                    fees secret, a clerk said.\n\n“The fees were never shown,” Ruiz said.";
        let name = Span::new(0, text.find(" From").unwrap_or(0));
        let headline = headline_end(text);
        assert_eq!(
            headline_name_in_body(text, headline, name).map(|s| s.text(text)),
            Some("Ana Ruiz")
        );
        // (a run the body never names in two words is no name)
        let none = "Tom Park Wins Vote\n\nThe vote was close.";
        let head = headline_end(none);
        assert_eq!(headline_name_in_body(none, head, Span::new(0, 13)), None);
        let doc = crate::analyze(text);
        let last = doc.attributions.iter().max_by_key(|a| a.content.start);
        let speaker = last.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(speaker, Some("Ana Ruiz"));
    }

    /// A headline's speaker known by a role is the person the article names next as a
    /// speaker, when nobody is introduced with that role.
    #[test]
    fn headline_role_named_next() {
        let text = "Lawmaker urges review of harbor fees.\n\nRep. Ana Ruiz called on the \
                    Ministry of Ports to review the fees.\n\n“The fees hurt the boats,” Ruiz \
                    told reporters.";
        let doc = crate::analyze(text);
        let first = doc.attributions.iter().min_by_key(|a| a.content.start);
        let speaker = first.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(speaker, Some("Ana Ruiz"));
        // (a person named far after the lead is not the one it describes)
        let far = format!(
            "Lawmaker urges review of harbor fees.\n\n{}\n\n“The fees hurt,” said Ana Ruiz.",
            "The fees rose again in the spring and the boats paid more. ".repeat(30)
        );
        let doc = crate::analyze(&far);
        let first = doc.attributions.iter().min_by_key(|a| a.content.start);
        let speaker = first.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        // (it stays the headline's own description)
        assert_eq!(speaker, Some("Lawmaker"));
    }

    /// "The website" after a name no forename or title shows to be a person's, which
    /// spoke: that name is the website's, a body.
    #[test]
    fn the_website_is_the_unproven_name_that_spoke() {
        let text = "Harbor Ledger asked why the fees rose. The website noted that the \
                    ministry had set them.";
        let doc = crate::analyze(text);
        let last = doc.attributions.iter().max_by_key(|a| a.content.start);
        let speaker = last.and_then(|a| doc.speaker_of(a));
        assert_eq!(speaker.map(|s| s.name), Some("Harbor Ledger"));
        assert_eq!(speaker.map(|s| s.kind), Some(EntityKind::Organisation));
    }

    /// A headline that is one capitalised run names its subject; a pronoun with no
    /// person shown to be one in view is the speaker further back of its gender.
    #[test]
    fn headline_subject_and_a_pronoun_further_back() {
        let text = "Ana Ruiz Takes On Tom Park Over Port Fees.\n\n“The fees are too high,” \
                    Ruiz said.\n\nTom Park, Lee Vance, Omar Bell and Ivo Tran run the \
                    ports. Harbor Ledger, Port Weekly, Dock News and Bay Courier cover \
                    them. The Ministry of Ports, the Harbor Board and the Dock Council set the fees.\n\nShe said \
                    the fees would fall.";
        let doc = crate::analyze(text);
        let of = |content: &str| {
            doc.attributions
                .iter()
                .find(|a| a.content.text(text).contains(content))
                .and_then(|a| doc.speaker_of(a))
                .map(|s| s.name)
        };
        assert_eq!(of("too high"), Some("Ana Ruiz"));
        assert_eq!(of("would fall"), Some("Ana Ruiz"));
    }

    /// The lead's definite description of a person, the body's first speaker, is the
    /// headline's subject; after another speaker it is someone else.
    #[test]
    fn lead_description_is_the_headline_subject() {
        let text = "Ana Ruiz Takes On Port Fees In Harbor Race.\n\nMARLOW ― The fees rose \
                    again this spring.\n\nThe Democratic nominee attacked the fees on \
                    Monday.\n\n“They are too high,” Ruiz said.";
        let doc = crate::analyze(text);
        let first = doc.attributions.iter().min_by_key(|a| a.content.start);
        let speaker = first.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(speaker, Some("Ana Ruiz"));
        let other = "Ana Ruiz Takes On Port Fees In Harbor Race.\n\nMARLOW ― According \
                     to Tom Park, the fees rose.\n\nThe port's inspector said the fees \
                     were fair.\n\n“They are too high,” Ruiz said.";
        let doc = crate::analyze(other);
        let inspector = doc
            .attributions
            .iter()
            .find(|a| a.content.text(other).contains("fair"))
            .and_then(|a| doc.speaker_of(a))
            .map(|s| s.name);
        // (after Tom Park's speech the description is someone else: it stays its own)
        assert_eq!(inspector, Some("The port's inspector"));
    }

    /// Every form of `he` and `she` has its gender from the pronoun list; other words none.
    #[test]
    fn pronoun_genders() {
        for w in ["he", "He", "his", "him", "himself"] {
            assert_eq!(pronoun_gender(w), Gender::Male, "{w}");
        }
        for w in ["she", "SHE", "her", "herself"] {
            assert_eq!(pronoun_gender(w), Gender::Female, "{w}");
        }
        for w in ["they", "their", "it", "I", "hers", "heron", ""] {
            assert_eq!(pronoun_gender(w), Gender::Unknown, "{w}");
        }
    }

    /// A possessive pronoun before a thing of the person's is the pronoun; before a kin,
    /// role or body word or a plural it is someone else. An adverbial's opener is cut.
    #[test]
    fn pronouns_in_possessives_and_after_openers() {
        fn pronoun(mention: &str) -> Option<&str> {
            pronoun_of_mention(mention, Span::new(0, mention.len())).map(|s| s.text(mention))
        }
        assert_eq!(pronoun("his weekly letter"), Some("his"));
        assert_eq!(pronoun("Her budget plan"), Some("Her"));
        for other in [
            "his wife",
            "His ex-wife",
            "her aides",
            "his campaign",
            "his supporters",
            "her Harbor",
        ] {
            assert_eq!(pronoun(other), None, "{other}");
        }
        assert_eq!(pronoun("Though he’s"), Some("he"));
        assert_eq!(pronoun("while she"), Some("she"));
        assert_eq!(pronoun("when my mother"), None);
        assert!(owned_thing(" financial disclosure") && !owned_thing(" "));
    }

    /// The last body named in a window: an acronym or a name with an organisation word,
    /// without a sentence's `The`; never a country, a label or two names joined by `and`.
    #[test]
    fn last_body_names() {
        let body = |text: &str| {
            last_body_name(text, Span::new(0, text.len())).map(|s| s.text(text).to_string())
        };
        assert_eq!(
            body("a deal with CSTA, the coastal alliance, on Monday. ").as_deref(),
            Some("CSTA")
        );
        assert_eq!(
            body("The Harbor Dock Workers Union met the board. ").as_deref(),
            Some("Harbor Dock Workers Union")
        );
        assert_eq!(body("ABSTRACT. Ships waited in the bay. "), None);
        assert_eq!(body("ships from the Northern States and Marlow. "), None);
    }

    /// A title's kind of body is the first body that speaks after the title.
    #[test]
    fn title_body_kind_is_the_first_body_speaking() {
        let text = "Small Website Finds Errors In Fee Notices.\n\nThe Harbor Ledger \
                    announced it will check every claim.";
        let doc = crate::analyze(text);
        let title = doc
            .attributions
            .iter()
            .find(|a| a.content.text(text) == "Errors In Fee Notices");
        let name = title.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(name, Some("Harbor Ledger"));
    }

    /// "His ex-wife" after a man's speech is the one other person of his surname, named
    /// by a forename; with no such person it stays a description.
    #[test]
    fn kin_of_a_pronoun_possessor() {
        let speaker = |text: &str| {
            let doc = crate::analyze(text);
            let a = doc
                .attributions
                .iter()
                .find(|a| a.content.text(text) == "for more time");
            a.and_then(|a| doc.speaker_of(a))
                .map(|s| s.name.to_string())
        };
        let text = "Lawyers for both Tom and Ana Birk filed papers on Monday.\n\nTom Birk \
                    argued that the file should stay sealed.\n\nHis ex-wife agreed that the \
                    file should stay sealed, but asked for more time.";
        assert_eq!(speaker(text).as_deref(), Some("Ana Birk"));
        let alone = text.replace("both Tom and Ana Birk", "Tom Birk");
        assert_eq!(speaker(&alone).as_deref(), Some("His ex-wife"));
    }

    /// A title is the first line of at most 25 words, with its subtitle after a semicolon.
    #[test]
    fn title_lines_and_subtitles() {
        assert_eq!(title_end("Port fees rise.\n\nBody."), Some(15));
        let text = "Port fees rise again; \nHarbor chief vows review.\n\nBody.";
        assert_eq!(
            title_end(text).map(|e| &text[..e]),
            Some("Port fees rise again; \nHarbor chief vows review.")
        );
        assert_eq!(title_end("Port fees rise again;\n\nBody."), Some(21));
        assert_eq!(title_end("One line only"), None);
        let long = format!("{}\nBody.", "word ".repeat(30));
        assert_eq!(title_end(&long), None);
    }

    /// A title line's capitalised role is the person named next as a speaker, and a
    /// title's role goes to that person before one given the role much further on.
    #[test]
    fn title_roles_named_next() {
        let speaker = |text: &str, content: &str| {
            let doc = crate::analyze(text);
            let a = doc
                .attributions
                .iter()
                .find(|a| a.content.text(text) == content);
            a.and_then(|a| doc.speaker_of(a))
                .map(|s| s.name.to_string())
        };
        let text = "Ruiz Hid Port Losses From Public, Former Harbor Clinic Doctor Says.\n\n\
                    Dr. Ana Ruiz, who worked at the port clinic, said that the port had \
                    hidden its losses.";
        assert_eq!(
            speaker(text, "Ruiz Hid Port Losses From Public").as_deref(),
            Some("Ana Ruiz")
        );
        let text = "Former port chief calls for new harbor plan.\n\n“Now is the time,” \
                    said Ana Ruiz, who ran the port.\n\nRuiz said she expects it soon.\n\n\
                    Tom Park, who served as chief of the harbor board, agreed that the plan \
                    was late.";
        assert_eq!(
            speaker(text, "new harbor plan").as_deref(),
            Some("Ana Ruiz")
        );
    }

    /// A contender's description no rule named is the principal its title line names
    /// and the article names most; not a second contender, nor one of another gender.
    #[test]
    fn contender_is_the_titles_principal() {
        let speaker = |text: &str| {
            let doc = crate::analyze(text);
            let first = doc.attributions.iter().min_by_key(|a| a.content.start);
            first
                .and_then(|a| doc.speaker_of(a))
                .map(|s| s.name.to_string())
        };
        let text = "Park backs Ana Ruiz in port race\n\nTom Park met Ana Ruiz on Monday. \
                    Ruiz has led since spring, and Ruiz plans a tour with Park.\n\nThe \
                    candidate argued that the fees had doubled.";
        // (Ruiz is named more often than Park)
        assert_eq!(speaker(text).as_deref(), Some("Ana Ruiz"));
        let vice = text.replace("The candidate", "The vice presidential candidate");
        assert_eq!(
            speaker(&vice).as_deref(),
            Some("The vice presidential candidate")
        );
        let his = text.replace(
            "The candidate argued",
            "The candidate, who staked his name on it, argued",
        );
        assert_eq!(speaker(&his).as_deref(), Some("The candidate"));
        // (no title line names anyone: the description stays)
        let untitled = text.replace("Park backs Ana Ruiz in port race", "Port race heats up");
        assert_eq!(speaker(&untitled).as_deref(), Some("The candidate"));
        assert_eq!(
            gender_of_pronoun_after(" has bet his savings.", 0),
            Gender::Male
        );
        assert_eq!(
            gender_of_pronoun_after(" said. She left.", 0),
            Gender::Unknown
        );
        // (read in `OWN_PRONOUN_BYTES`: a word the cut splits, `she` of `shelter`, is
        // left out, and a clause that runs on is read no further)
        let long = format!(" {} shelter", "x".repeat(OWN_PRONOUN_BYTES - 5));
        assert_eq!(gender_of_pronoun_after(&long, 0), Gender::Unknown);
        let far = format!(" {}he", "é ".repeat(OWN_PRONOUN_BYTES));
        assert_eq!(gender_of_pronoun_after(&far, 0), Gender::Unknown);
    }

    /// "They" after two persons who spoke together is the pair (named by the second),
    /// not a body's indefinite description.
    #[test]
    fn they_after_two_persons_speaking_together() {
        assert!(second_of_two("Ana Ruiz and Tom Park", Span::new(13, 21)));
        assert!(second_of_two(
            "Ana Ruiz, of Marlow, and Tom Park",
            Span::new(25, 33)
        ));
        assert!(!second_of_two("the fees and Tom Park", Span::new(13, 21)));
        assert!(indefinite("a letter to Harbor leaders") && !indefinite("the Harbor Board"));
        let text = "Senators Ana Ruiz and Tom Park criticized the port fees.\n\n\
                    “The fees must fall,” they wrote.";
        let doc = crate::analyze(text);
        let last = doc.attributions.iter().max_by_key(|a| a.content.start);
        let speaker = last.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        // (the pair is named by its second person, the one named last before `they`)
        assert_eq!(speaker, Some("Tom Park"));
    }

    /// A relative "who" after a person's apposition is the person, not the body the
    /// apposition names.
    #[test]
    fn who_after_an_apposition() {
        assert!(apposition_gap(", a clerk at the Harbor Board "));
        assert!(apposition_gap(", now the port's chief, "));
        assert!(!apposition_gap(", clash with Tom Park, a clerk "));
        assert!(!apposition_gap(" and the board. Then "));
        let text = "The fees rose, said Ana Ruiz, a clerk at the Harbor Board who \
                    noted that the boats paid more.";
        let doc = crate::analyze(text);
        let last = doc.attributions.iter().max_by_key(|a| a.content.start);
        let speaker = last.and_then(|a| doc.speaker_of(a)).map(|s| s.name);
        assert_eq!(speaker, Some("Ana Ruiz"));
    }

    /// A speaker mention cut at an abbreviated title's period is the name after it.
    #[test]
    fn name_after_an_abbreviated_title() {
        let text = "said Del. Ana Ruiz of Marlow";
        let del = Span::new(5, 8);
        assert_eq!(
            name_after_abbreviation(text, del).map(|s| s.text(text)),
            Some("Ana Ruiz")
        );
        assert_eq!(name_after_abbreviation("said Del. Then", del), None);
        assert_eq!(
            name_after_abbreviation("said Ana. Tom Park", Span::new(5, 8)),
            None
        );
    }

    #[test]
    fn pronouns_opening_longer_mentions() {
        let of = |mention: &str| {
            pronoun_of_mention(mention, Span::new(0, mention.len()))
                .map(|span| span.text(mention).to_string())
        };
        assert_eq!(of("It’s").as_deref(), Some("It"));
        assert_eq!(of("He'll").as_deref(), Some("He"));
        assert_eq!(of("who last winter").as_deref(), Some("who"));
        // (a pronoun alone, a name's apostrophe and a name are left as they are)
        assert_eq!(of("He"), None);
        assert_eq!(of("O'Neill"), None);
        assert_eq!(of("Ann Lee"), None);
        assert_eq!(of("his infamous"), None);
    }

    #[test]
    fn persons_before_their_apposition() {
        let name_before = |text: &str, name: &str, mention: &str| {
            let at = text.find(name).unwrap();
            let names = [(Span::new(at, at + name.len()), false)];
            let m = text.find(mention).unwrap();
            name_before_apposition(text, Span::new(m, m + mention.len()), &names)
                .map(|span| span.text(text).to_string())
        };
        let text = "Ann Lee, president of the Harbor Pilots Guild, said";
        assert_eq!(
            name_before(text, "Ann Lee", "the Harbor Pilots Guild").as_deref(),
            Some("Ann Lee")
        );
        let text = "Ann Lee, a Denver-based lawyer and spokeswoman for Harbor Watch, said";
        assert_eq!(
            name_before(text, "Ann Lee", "Harbor Watch").as_deref(),
            Some("Ann Lee")
        );
        let text = "Ann Lee, a tax lawyer at Birk & Co., said";
        assert_eq!(
            name_before(text, "Ann Lee", "a tax lawyer").as_deref(),
            Some("Ann Lee")
        );
        let text = "Ms. Lee of the Harbor Club said";
        assert_eq!(
            name_before(text, "Lee", "the Harbor Club").as_deref(),
            Some("Lee")
        );
        // (a body after a verb, or a capitalised word between, is no apposition)
        let text = "Ann Lee met officials of the Harbor Club, who said";
        assert_eq!(name_before(text, "Ann Lee", "the Harbor Club"), None);
        let text = "Ann Lee and the Harbor Club said";
        assert_eq!(name_before(text, "Ann Lee", "the Harbor Club"), None);
        // (a name ending a phrase is no apposition to the clause's subject after it,
        // unless a comma closes the apposition)
        let text = "Asked about Ann Lee, a spokesman for the mayor said";
        assert_eq!(
            name_before(text, "Ann Lee", "a spokesman for the mayor"),
            None
        );
        let text = "In a letter to Ann Lee, a lawyer for the harbor board said";
        assert_eq!(
            name_before(text, "Ann Lee", "a lawyer for the harbor board"),
            None
        );
        let text = "In a letter to the board, Sen. Ann Lee, a tax lawyer, said";
        assert_eq!(
            name_before(text, "Ann Lee", "a tax lawyer").as_deref(),
            Some("Ann Lee")
        );
        let opens = |text: &str, name: &str| {
            let at = text.find(name).unwrap();
            name_opens_clause(text, Span::new(at, at + name.len()))
        };
        assert!(opens("After the vote, Sen. Ann Lee, a", "Ann Lee"));
        assert!(opens("Ann Lee, a", "Ann Lee"));
        assert!(!opens("Asked about Ann Lee, a", "Ann Lee"));
        assert!(!opens("In a letter to Mayor Ann Lee, a", "Ann Lee"));
        let text = "Asked about it, Ann Lee, a tax lawyer, said";
        assert_eq!(
            name_before(text, "Ann Lee", "a tax lawyer").as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn partitives_of_pronouns() {
        assert!(partitive_of_pronoun(&["Most", "of", "them"]));
        assert!(partitive_of_pronoun(&["some", "of", "us"]));
        assert!(!partitive_of_pronoun(&["of", "them"]));
        assert!(!partitive_of_pronoun(&["most", "of", "the", "voters"]));
    }

    #[test]
    fn headlines() {
        assert_eq!(
            headline_end("Mayor Vows To Fight Budget Cuts\n\nThe mayor said."),
            31
        );
        assert_eq!(
            headline_end("The mayor said on Monday that cuts would come.\n"),
            0
        );
    }
}
