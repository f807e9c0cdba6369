//! Word lists, kept as plain data files beside this module and read through it only.
//!
//! Each file starts with `#` comment lines saying where the list came from; then one
//! entry per line. Entries are lowercase unless the file says otherwise. The lists are
//! compiled into the crate (`include_str!`), parsed once on first use, and shared; the
//! word table of the lists that give word classes is written by `build.rs` instead
//! (`table.rs`), so a process builds nothing for it.

use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};

/// Entries of a list file: non-empty lines that are not `#` comments, trimmed.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(crate) mod entities;
pub(crate) mod lists;
// (its builders, `table::build` and `table::Forenames`, run in build.rs; the crate
// calls them in tests only)
#[cfg_attr(not(test), allow(dead_code))]
mod table;
mod weights;
#[cfg(test)]
use table::PUT_FORMS;
pub(crate) use table::class;
use table::{FoldedKey, HAS_LEMMA, MAX_WORD, chunk_at, fold8, slot_of, tag_of};
pub(crate) use weights::{FNV_START, FeatureKey, Weights, fnv_extend};

/// The shipped weights (`linking_weights.txt`), fitted on all of PolNeAR train: the
/// table `build.rs` wrote from the file with [`Weights::parse`], borrowed, not read
/// again in each process.
pub(crate) static LINKING_WEIGHTS: Lazy<std::sync::Arc<Weights>> =
    Lazy::new(|| std::sync::Arc::new(include!(concat!(env!("OUT_DIR"), "/linking_weights.rs"))));

/// A multiply-and-rotate hash (the FxHash scheme) taking eight bytes at a step, for the
/// lexicon's own sets and maps: their keys are short words, looked up per token by the
/// rules, where SipHash cost more than the lookups' work. Not [`Fnv`], whose values the
/// linking weights and the clustering keep.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHash(u64);

impl WordHash {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHash {
    #[inline]
    fn finish(&self) -> u64 {
        // the product's high bits are its best mixed: fold them into the low ones, which
        // pick the bucket
        self.0 ^ (self.0 >> 32)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut eights = bytes.chunks_exact(8);
        for eight in &mut eights {
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            self.add(u64::from_le_bytes(w));
        }
        let rest = eights.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 60));
        }
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A set of listed words, hashed with [`WordHash`], with the first bytes and lengths of
/// its words beside it: most words looked up are in no list, and most of those share no
/// first byte and length with a listed word, so they are refused by one load and one bit
/// test, not a hash and a probe.
/// (`H`: the set's hasher; the entity lists keep [`Fnv`], so that their order is as it
/// was.)
#[derive(Clone, Debug)]
pub(crate) struct WordList<H = std::hash::BuildHasherDefault<WordHash>> {
    words: HashSet<&'static str, H>,
    /// Bit `n` of entry `b`: a listed word of `n` bytes (below 32) starts with byte `b`.
    starts: [u32; 256],
}

/// [`WordList::starts`]' bit of a word, when it has one: its first byte and its length,
/// below 32 (a longer or empty word is always looked up).
#[inline(always)]
fn start_bit(word: &str) -> Option<(usize, u32)> {
    let b = word.as_bytes();
    match b.first() {
        Some(&first) if b.len() < 32 => Some((usize::from(first), 1 << b.len())),
        _ => None,
    }
}

impl<H: std::hash::BuildHasher> WordList<H> {
    /// Is `word` (as it is: the words are lowercase) listed?
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        if let Some((first, bit)) = start_bit(word) {
            if self.starts[first] & bit == 0 {
                return false;
            }
        }
        self.words.contains(word)
    }

    /// How many words are listed.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// No word is listed.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The listed words, in the set's order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.words.iter()
    }
}

impl<'l, H> IntoIterator for &'l WordList<H> {
    type Item = &'l &'static str;
    type IntoIter = std::collections::hash_set::Iter<'l, &'static str>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

impl<H: std::hash::BuildHasher + Default> FromIterator<&'static str> for WordList<H> {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordList<H> {
        let words: HashSet<&'static str, H> = words.into_iter().collect();
        let mut starts = [0u32; 256];
        for w in &words {
            if let Some((first, bit)) = start_bit(w) {
                starts[first] |= bit;
            }
        }
        WordList { words, starts }
    }
}

/// A map from listed words, hashed with [`WordHash`].
pub(crate) type WordMap<V> = HashMap<&'static str, V, std::hash::BuildHasherDefault<WordHash>>;

fn set(data: &'static str) -> WordList {
    entries(data).collect()
}

/// Abbreviations that take a period (lowercase, final period removed).
// (read at run time through the word table, which build.rs wrote from the file)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static ABBREVIATIONS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("abbreviations.txt")));

/// Prepositive titles (a name always follows).
// (read at run time through the word table, which build.rs wrote from the file)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static TITLES: Lazy<WordList> = Lazy::new(|| set(include_str!("titles.txt")));

/// Lowercase particles inside persons' names (`von`, `de`, `bin`).
pub(crate) static NAME_PARTICLES: Lazy<WordList> =
    Lazy::new(|| set(include_str!("name_particles.txt")));

/// Closed-class words that start sentences.
// (read at run time through the word table, which build.rs wrote from the file)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static SENTENCE_STARTERS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("sentence_starters.txt")));

/// Abbreviations that never end a sentence (e.g, i.e, cf, vs).
// (read at run time through the word table, which build.rs wrote from the file)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static NONFINAL_ABBREVIATIONS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("nonfinal_abbreviations.txt")));

/// Words that follow a clock time inside a sentence (weekdays, months, time zones).
// (read at run time through the word table, which build.rs wrote from the file)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static TIME_FOLLOWERS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("time_followers.txt")));

/// Quotation-mark pairs: `open close[|close…] style-name` per line.
pub(crate) const QUOTE_MARKS: &str = include_str!("quote_marks.txt");

/// Words before a quotation that make it a name or title, not speech.
pub(crate) static NONSPEECH_TRIGGERS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("nonspeech_triggers.txt")));

/// Words that begin with an apostrophe without opening a quotation ('90s → "s" is not it;
/// 'em, 'til).
pub(crate) static ELISIONS: Lazy<WordList> = Lazy::new(|| set(include_str!("elisions.txt")));

/// Reporting verbs: every inflected form mapped to its lemma.
pub(crate) static REPORTING_VERBS: Lazy<WordMap<&'static str>> = Lazy::new(|| {
    let mut m = WordMap::default();
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

/// Reporting-verb lemmas that report only a to-infinitive after them
/// (`infinitive_verbs.txt`): "declined to say", not "declined slightly".
pub(crate) static INFINITIVE_VERBS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("infinitive_verbs.txt")));

/// Reporting-verb lemmas whose subject is the content's topic, not a speaker
/// (`speakerless_verbs.txt`): "the plan seems to fail".
pub(crate) static SPEAKERLESS_VERBS: Lazy<WordList> =
    Lazy::new(|| set(include_str!("speakerless_verbs.txt")));

/// Adverbs that stand alone after `say` without being its content (`say_adverbs.txt`):
/// "the mayor said afterward", "he said again".
pub(crate) static SAY_ADVERBS: Lazy<WordList> = Lazy::new(|| set(include_str!("say_adverbs.txt")));

/// The mode of a cue lemma or medium phrase (`cue_modes.txt`): lemma or phrase -> mode
/// name (`writing`, `thought`, `evidence`).
pub(crate) static CUE_MODES: Lazy<WordMap<&'static str>> = Lazy::new(|| {
    entries(include_str!("cue_modes.txt"))
        .filter_map(|line| {
            let (mode, cue) = line.split_once(' ')?;
            Some((cue.trim(), mode))
        })
        .collect()
});

/// HTML named character references: name (without `&` and `;`) -> the character.
pub(crate) static HTML_ENTITIES: Lazy<WordMap<char>> = Lazy::new(|| {
    entries(include_str!("html_entities.txt"))
        .filter_map(|line| {
            let (name, hex) = line.split_once(' ')?;
            let c = char::from_u32(u32::from_str_radix(hex.trim(), 16).ok()?)?;
            Some((name, c))
        })
        .collect()
});

/// Role of a cue phrase in `cue_phrases.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseRole {
    /// Introduces the speaker: "according to X".
    Source,
    /// Names the channel: "in a statement".
    Medium,
    /// Reports like a reporting verb, its subject the speaker: "made it clear".
    Verb,
}

/// Cue phrases as word sequences, with their role.
pub(crate) static CUE_PHRASES: Lazy<Vec<(PhraseRole, Vec<&'static str>)>> = Lazy::new(|| {
    entries(include_str!("cue_phrases.txt"))
        .filter_map(|line| {
            let (role, phrase) = line.split_once(char::is_whitespace)?;
            let role = match role {
                "source" => PhraseRole::Source,
                "medium" => PhraseRole::Medium,
                "verb" => PhraseRole::Verb,
                _ => return None,
            };
            Some((role, phrase.split_whitespace().collect()))
        })
        .collect()
});

/// Pronouns that can be speakers: word -> (gender m/f/n/x, number s/p).
pub(crate) static PRONOUNS: Lazy<WordMap<(u8, u8)>> = Lazy::new(|| {
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
pub(crate) static ROLE_NOUNS: Lazy<WordList> = Lazy::new(|| {
    entries(include_str!("role_nouns.txt"))
        .filter_map(|l| l.split_whitespace().last())
        .collect()
});

/// Organisation-name heads and news organisations.
// (read at run time through the word table, which build.rs wrote from the file)
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) static ORG_WORDS: Lazy<WordList> = Lazy::new(|| set(include_str!("org_words.txt")));

/// Forenames with the share of female births among the babies given each one, in
/// hundredths (US Social Security Administration counts; see `forenames.txt`), as read
/// at run time before build.rs wrote the table [`female_share`] reads: the test that
/// the table holds the same names and shares reads it so.
#[cfg(test)]
static FORENAMES: Lazy<WordMap<u8>> = Lazy::new(|| forename_map(include_str!("forenames.txt")));

/// The map of [`FORENAMES`] from the lines of `data`. A line of the shipped form, a name
/// of printable ASCII, a tab and a share `d.dd`, is read in one pass over its bytes (the
/// general reading, through [`entries`], cost five times as much per line); any other
/// line is read as before (`table::add_forename_line`), so the map is the same for any file.
#[cfg(test)]
fn forename_map(data: &'static str) -> WordMap<u8> {
    let mut names = WordMap::with_capacity_and_hasher(data.len() / 10, Default::default());
    let b = data.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // the name: printable ASCII (no space), not a comment, up to a tab
        let mut t = i;
        while t < b.len() && b[t] > b' ' && b[t] < 0x7f {
            t += 1;
        }
        let shipped = t > i
            && b[i] != b'#'
            && b.get(t) == Some(&b'\t')
            && b.get(t + 5).is_none_or(|&c| c == b'\n');
        if let (true, Some(&[units, b'.', tenths, hundredths])) = (shipped, b.get(t + 1..t + 5)) {
            if units.is_ascii_digit() && tenths.is_ascii_digit() && hundredths.is_ascii_digit() {
                let value = u32::from(units - b'0') * 100
                    + u32::from(tenths - b'0') * 10
                    + u32::from(hundredths - b'0');
                names.insert(&data[i..t], value.min(100) as u8);
                i = t + 6;
                continue;
            }
        }
        let end = b[i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |k| i + k);
        table::add_forename_line(&mut names, &data[i..end]);
        i = end + 1;
    }
    names
}

// The forename table build.rs wrote with `table::Forenames`: `FORENAME_SHIFT`,
// `FORENAME_SLOTS`, `FORENAME_TEXT`, `FORENAME_ENDS`, `FORENAME_SHARES`.
include!(concat!(env!("OUT_DIR"), "/forenames.rs"));

/// The forename of entry `k` of the forename table.
#[inline]
fn forename(k: usize) -> &'static [u8] {
    let start = k.checked_sub(1).map_or(0, |j| FORENAME_ENDS[j] as usize);
    &FORENAME_TEXT.as_bytes()[start..FORENAME_ENDS[k] as usize]
}

/// The share of female births (0 to 100) among the US babies given the forename `word`
/// (any ASCII case), or `None` for a word that is not a common forename. (The names are
/// a table build.rs wrote from `forenames.txt`, probed by the word table's hash of the
/// folded word: nothing is read or built at run time.)
pub(crate) fn female_share(word: &str) -> Option<u8> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > MAX_WORD {
        return None;
    }
    // the key folds the word as it hashes it, and every name of the table is ASCII
    // lowercase: a name equals the word lowercased exactly when it equals the word but
    // for ASCII case (so no lowercased copy, and a word with a non-ASCII byte matches
    // no name)
    let hash = FoldedKey::of(b, 0, b.len()).hash;
    let mask = FORENAME_SLOTS.len() - 1;
    let mut at = slot_of(hash, FORENAME_SHIFT);
    loop {
        let k = usize::from(FORENAME_SLOTS[at & mask]).checked_sub(1)?;
        if forename(k).eq_ignore_ascii_case(b) {
            return FORENAME_SHARES.get(k).copied();
        }
        at = (at + 1) & mask;
    }
}

/// What the word lists say about one (lowercase) word.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Class flags (see [`class`]).
    pub class: u32,
    /// The lemma, when the word is a reporting-verb form.
    pub lemma: Option<&'static str>,
}

/// The multiplier of [`Fnv`].
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a: a fast hash for the short keys of the word table.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // four bytes a turn of the loop (the same steps, one byte after another: the
        // loop's own count and test once per four)
        let mut h = self.0;
        let mut fours = bytes.chunks_exact(4);
        for four in &mut fours {
            for b in four {
                h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
            }
        }
        for b in fours.remainder() {
            h = (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
    // the length prefix of a slice key: one step, not eight
    fn write_usize(&mut self, n: usize) {
        self.0 ^= n as u64;
        self.0 = self.0.wrapping_mul(FNV_PRIME);
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Every listed word with its classes and lemma, from the lists as the crate reads them
/// at run time: what the table `build.rs` wrote must hold (a test compares them).
#[cfg(test)]
fn word_map() -> FnvMap<&'static [u8], WordInfo> {
    // sized once for the lists' two thousand-odd words (no rehash while filling; the
    // table sorts the words, so the map's order is not kept)
    let mut m: FnvMap<&'static [u8], WordInfo> =
        FnvMap::with_capacity_and_hasher(4096, Default::default());
    let mut current = 0u32;
    for line in entries(include_str!("function_words.txt")) {
        if let Some(rest) = line.strip_prefix("class ") {
            let name = rest.split(':').next().unwrap_or("").trim();
            current = class::by_name(name).unwrap_or(0);
            continue;
        }
        for w in line.split_whitespace() {
            m.entry(w.as_bytes()).or_default().class |= current;
        }
    }
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, flag: u32| {
        for w in words {
            m.entry(w.as_bytes()).or_default().class |= flag;
        }
    };
    add(&mut PRONOUNS.keys().copied(), class::PRONOUN);
    add(&mut TITLES.iter().copied(), class::TITLE);
    add(&mut ROLE_NOUNS.iter().copied(), class::ROLE);
    add(&mut ORG_WORDS.iter().copied(), class::ORG);
    add(&mut ABBREVIATIONS.iter().copied(), class::ABBREVIATION);
    add(&mut NONFINAL_ABBREVIATIONS.iter().copied(), class::NONFINAL);
    add(&mut SENTENCE_STARTERS.iter().copied(), class::STARTER);
    add(&mut TIME_FOLLOWERS.iter().copied(), class::TIME_FOLLOWER);
    add(
        &mut CUE_PHRASES
            .iter()
            .filter_map(|(_, words)| words.first().copied()),
        class::PHRASE_HEAD,
    );
    add(&mut entries(include_str!("media_words.txt")), class::MEDIA);
    add(&mut PUT_FORMS.iter().copied(), class::PUT_FORM);
    // every form of the clause verbs
    let clause: HashSet<&str> = entries(include_str!("clause_verbs.txt")).collect();
    add(
        &mut REPORTING_VERBS
            .iter()
            .filter(|(_, l)| clause.contains(*l))
            .map(|(f, _)| *f),
        class::CLAUSE_VERB,
    );
    for (form, lemma) in REPORTING_VERBS.iter() {
        m.entry(form.as_bytes()).or_default().lemma = Some(lemma);
    }
    m
}

static NO_INFO: WordInfo = WordInfo {
    class: 0,
    lemma: None,
};

/// The word table: every listed word with its classes and lemma, one lookup per token
/// for the sentence splitter and the attribution rules alike. Open addressing over a
/// table four times the number of words, keyed by the word's lowercased bytes taken
/// eight at a time. Each slot holds what a lookup compares and what the tokenizer wants
/// (the word's first chunk, a tag with its length, its classes): an unlisted word (most
/// words of a text) costs its key and usually one probe that finds an empty slot or a
/// different tag; a listed word of at most eight bytes, one compare of its chunk in the
/// same slot, with no other table to read.
pub(crate) struct WordTable {
    slots: &'static [Slot],
    /// `64 - log2(slots.len())`: the slot of a hash is its top bits.
    shift: u32,
    /// The whole keys, for words longer than eight bytes (by entry).
    keys: &'static [[u64; MAX_WORD / 8]],
    /// The words as listed (lowercase), and what the lists say about each (by entry).
    #[cfg_attr(not(test), allow(dead_code))]
    words: &'static [&'static str],
    infos: &'static [WordInfo],
}

/// One slot of [`WordTable`] (`table::BuiltSlot` as the table's statics hold it).
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The word's first eight bytes, folded (zero past its end): its whole key when it
    /// has at most eight bytes.
    first: u64,
    /// [`tag_of`] the word's hash and length; 0 in an empty slot (a listed word has at
    /// least one byte, so its tag is never 0).
    tag: u32,
    /// The word's index in the table's lists, plus 1 (0: empty).
    entry: u32,
    /// The word's class flags, with [`HAS_LEMMA`] when it is a reporting-verb form.
    class: u32,
}

/// A slot that holds no word (the table's statics write it so).
const EMPTY_SLOT: Slot = Slot {
    first: 0,
    tag: 0,
    entry: 0,
    class: 0,
};

// The table `build.rs` wrote from the lists with `table::build`: `WORD_SHIFT`,
// `WORD_SLOTS`, `WORD_KEYS`, `WORD_LIST`, `WORD_INFOS`.
include!(concat!(env!("OUT_DIR"), "/word_table.rs"));

/// What the tokenizer keeps of a word's entry: its classes, whether it is a
/// reporting-verb form, and the entry itself (so that its lemma is read later without
/// looking the word up again: [`WordTable::lemma_of_entry`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordBits {
    /// Class flags (see [`class`]).
    pub class: u32,
    /// The word has a lemma: a reporting-verb form.
    pub reporting: bool,
    /// The word's entry in the table plus one; 0 for an unlisted word.
    pub entry: u32,
}

impl WordBits {
    /// An unlisted word's.
    const NONE: WordBits = WordBits {
        class: 0,
        reporting: false,
        entry: 0,
    };

    #[inline(always)]
    fn of(slot: Option<&Slot>) -> WordBits {
        match slot {
            Some(slot) => WordBits {
                class: slot.class & !HAS_LEMMA,
                reporting: slot.class & HAS_LEMMA != 0,
                entry: slot.entry,
            },
            None => WordBits::NONE,
        }
    }
}

impl WordTable {
    /// The slot of the word `b[start..end]` (bytes of `b` past `end` may be loaded).
    /// Words of at most eight bytes (most words of a text) take a path of their own: one
    /// load, one fold, one hash step and a compare of one word, with the key and hash
    /// [`FoldedKey::of`] gives them.
    #[inline(always)]
    fn get(&self, b: &[u8], start: usize, end: usize) -> Option<&Slot> {
        let len = end.wrapping_sub(start);
        if len.wrapping_sub(1) >= MAX_WORD {
            return None;
        }
        if len > 16 {
            return self.get_long(b, start, end);
        }
        if len > 8 {
            // two chunks, the second zero past the word's end: the key of
            // [`FoldedKey::of`] without its loop over four
            let low = chunk_at(b, start, start + 8);
            return self.get_two(len, low, chunk_at(b, start + 8, end));
        }
        self.get_short(len, chunk_at(b, start, end))
    }

    /// The slot whose tag is `tag` and first chunk `first` for which `rest` holds,
    /// probing from the hash's slot; `None` at the first empty slot.
    #[inline(always)]
    fn probe(
        &self,
        hash: u64,
        tag: u32,
        first: u64,
        rest: impl Fn(usize) -> bool,
    ) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let mut at = slot_of(hash, self.shift);
        loop {
            let slot = &self.slots[at & mask];
            if slot.tag == tag && slot.first == first && rest(slot.entry as usize - 1) {
                return Some(slot);
            }
            if slot.entry == 0 {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// The slot of a word of `len` bytes (1 to 8) given as the little-endian word
    /// `bytes`, zero past its end: its first chunk and length are its whole key.
    #[inline(always)]
    fn get_short(&self, len: usize, bytes: u64) -> Option<&Slot> {
        self.get_short_folded(len, fold8(bytes))
    }

    /// [`WordTable::get_short`] of a word already folded ([`fold8`]).
    #[inline(always)]
    fn get_short_folded(&self, len: usize, first: u64) -> Option<&Slot> {
        let hash = FoldedKey::step((len as u64).wrapping_mul(FoldedKey::SEED), first);
        let hash = hash ^ (hash >> 32);
        self.probe(hash, tag_of(hash, len), first, |_| true)
    }

    /// The slot of a word of `len` bytes (9 to 16) given as two little-endian words,
    /// the second zero past the word's end: the key and hash [`FoldedKey::of`] gives it.
    #[inline(always)]
    fn get_two(&self, len: usize, low: u64, high: u64) -> Option<&Slot> {
        self.get_two_folded(len, fold8(low), fold8(high))
    }

    /// [`WordTable::get_two`] of a word already folded ([`fold8`]).
    #[inline(always)]
    fn get_two_folded(&self, len: usize, low: u64, high: u64) -> Option<&Slot> {
        let hash = FoldedKey::step((len as u64).wrapping_mul(FoldedKey::SEED), low);
        let hash = FoldedKey::step(hash, high);
        let hash = hash ^ (hash >> 32);
        // a listed word of at most sixteen bytes has zeros in its last chunks
        self.probe(hash, tag_of(hash, len), low, |k| self.keys[k][1] == high)
    }

    /// [`WordTable::get`] of a word of nine to [`MAX_WORD`] bytes.
    #[inline(never)]
    fn get_long(&self, b: &[u8], start: usize, end: usize) -> Option<&Slot> {
        let key = FoldedKey::of(b, start, end);
        let tag = tag_of(key.hash, end - start);
        self.probe(key.hash, tag, key.chunks[0], |k| self.keys[k] == key.chunks)
    }

    /// The lemma of the word whose [`WordBits::entry`] is `entry` (0, an unlisted word:
    /// none): what [`WordTable::info_in`] gives that word, read by its index.
    #[inline]
    pub(crate) fn lemma_of_entry(&'static self, entry: u32) -> Option<&'static str> {
        let k = (entry as usize).checked_sub(1)?;
        self.infos.get(k).and_then(|info| info.lemma)
    }

    /// What the lists say about the word of `slot`.
    #[inline(always)]
    fn info(&'static self, slot: Option<&Slot>) -> &'static WordInfo {
        match slot {
            Some(slot) => &self.infos[slot.entry as usize - 1],
            None => &NO_INFO,
        }
    }
}

/// The word table, borrowed from the statics `build.rs` wrote (nothing is built at run
/// time).
static WORDS: WordTable = WordTable {
    slots: &WORD_SLOTS,
    shift: WORD_SHIFT,
    keys: &WORD_KEYS,
    words: &WORD_LIST,
    infos: &WORD_INFOS,
};

/// What the lists say about `word` (any case); an unknown word has no class.
#[inline]
pub(crate) fn word_info(word: &str) -> &'static WordInfo {
    let words = word_table();
    words.info(words.get(word.as_bytes(), 0, word.len()))
}

/// [`word_info`] of the word `text[start..end]`, read from `text` eight bytes at a time.
#[cfg(test)]
pub(crate) fn word_info_in(text: &str, start: usize, end: usize) -> &'static WordInfo {
    word_table().info_in(text, start, end)
}

/// The word table, for a loop that looks up many words (the tokenizer): the table is
/// found once, and each lookup is inlined at the loop.
#[inline]
pub(crate) fn word_table() -> &'static WordTable {
    &WORDS
}

impl WordTable {
    /// [`word_info_in`] in this table.
    #[cfg(test)]
    #[inline(always)]
    pub(crate) fn info_in(
        &'static self,
        text: &str,
        start: usize,
        end: usize,
    ) -> &'static WordInfo {
        self.info(self.get(text.as_bytes(), start, end))
    }

    /// The classes of the word `text[start..end]`, read from `text` eight bytes at a
    /// time: [`WordTable::info_in`]'s class and whether it has a lemma.
    #[inline(always)]
    pub(crate) fn bits_in(&'static self, text: &str, start: usize, end: usize) -> WordBits {
        WordBits::of(self.get(text.as_bytes(), start, end))
    }

    /// The classes of the word of `len` bytes (1 to 8) that is the little-endian word
    /// `folded`, zero past its end, for a caller that has loaded the word's bytes already
    /// (the tokenizer): [`WordTable::bits_in`] of a word of ASCII letters and digits
    /// only, given folded as `bytes | 0x20` in each of its bytes. For those bytes that is
    /// exactly [`fold8`] (digits have the 0x20 bit already), so the tokenizer, which has
    /// tested every byte, skips the fold.
    #[inline(always)]
    pub(crate) fn bits_of_short_alnum(&'static self, len: usize, folded: u64) -> WordBits {
        debug_assert!((1..=8).contains(&len) && (len == 8 || folded >> (8 * len) == 0));
        debug_assert_eq!(fold8(folded), folded);
        WordBits::of(self.get_short_folded(len, folded))
    }

    /// [`WordTable::bits_of_short_alnum`] of a word of `len` bytes (9 to 16): its first
    /// eight bytes `low`, the rest `high` (zero past the word's end), both folded so.
    #[inline(always)]
    pub(crate) fn bits_of_two_alnum(&'static self, len: usize, low: u64, high: u64) -> WordBits {
        debug_assert!((9..=16).contains(&len) && (len == 16 || high >> (8 * (len - 8)) == 0));
        debug_assert!(fold8(low) == low && fold8(high) == high);
        WordBits::of(self.get_two_folded(len, low, high))
    }
}

/// What one analyzer's own additions say about a word (see [`Overlay`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Added {
    /// Class flags (see [`class`]).
    pub class: u32,
    /// A reporting-verb form.
    pub reporting: bool,
    /// The mode of an added reporting verb (a name of `attribution::Mode`, as in
    /// `cue_modes.txt`), when the analyzer gave one.
    pub mode: Option<&'static str>,
}

/// Words one analyzer adds to the built-in lists (`AnalyzerBuilder::add_reporting_verb`,
/// `add_title`, …), looked up after the built-in table and only when not empty, so the
/// default analyzer pays one branch per word for it. Keys are ASCII-lowercased, like the
/// built-in lists' lookups.
#[derive(Clone, Debug, Default)]
pub(crate) struct Overlay {
    words: FnvMap<Box<[u8]>, Added>,
}

impl Overlay {
    /// Add `word` (one word, any case) to the classes `class`, as a reporting-verb form
    /// when `reporting`.
    pub fn add(&mut self, word: &str, class: u32, reporting: bool) {
        let key: Box<[u8]> = word.as_bytes().to_ascii_lowercase().into_boxed_slice();
        let e = self.words.entry(key).or_default();
        e.class |= class;
        e.reporting |= reporting;
    }

    /// Give the added reporting-verb form `word` the mode named `mode`.
    pub fn set_mode(&mut self, word: &str, mode: &'static str) {
        let key: Box<[u8]> = word.as_bytes().to_ascii_lowercase().into_boxed_slice();
        self.words.entry(key).or_default().mode = Some(mode);
    }

    /// No word was added (the default analyzer's case: the tokenizer then never looks).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// What was added for `word` (any ASCII case); `None` for a word not added.
    #[inline(never)]
    pub fn get(&self, word: &str) -> Option<Added> {
        if self.words.is_empty() {
            return None;
        }
        let b = word.as_bytes();
        if b.len() > 64 {
            return self.words.get(&b.to_ascii_lowercase()[..]).copied();
        }
        let mut buf = [0u8; 64];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.words.get(&buf[..b.len()]).copied()
    }

    /// The class flags of `word`: the built-in lists' and the added ones.
    pub fn class_of(&self, word: &str) -> u32 {
        word_info(word).class | self.get(word).map_or(0, |a| a.class)
    }
}

/// Looks `word` up in a lowercase list without allocating: ASCII letters are folded
/// into a stack buffer; words longer than 32 bytes are never in a list.
pub(crate) fn contains_folded(list: &WordList, word: &str) -> bool {
    with_folded(word, |w| list.contains(w))
}

/// Calls `f` with `word` ASCII-lowercased in a stack buffer (no allocation); words
/// longer than 32 bytes give `false`.
pub(crate) fn with_folded(word: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let b = word.as_bytes();
    if b.len() > 32 || b.is_empty() {
        return false;
    }
    // a word without ASCII capitals is its own folding: no copy, no UTF-8 check
    if !b.iter().any(u8::is_ascii_uppercase) {
        return f(word);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_find_what_their_sets_find() {
        let long = "a".repeat(40);
        let listed: WordList = ["say", "so-called", "", "é", long.leak()]
            .into_iter()
            .collect();
        for w in [
            "say",
            "so-called",
            "",
            "é",
            "a",
            "sa",
            "says",
            "Say",
            "e",
            &"a".repeat(40),
        ] {
            assert_eq!(listed.contains(w), listed.words.contains(w), "{w:?}");
        }
        assert!(listed.contains("say") && !listed.contains("sai") && listed.contains(""));
        for list in [
            &*ABBREVIATIONS,
            &*TITLES,
            &*NAME_PARTICLES,
            &*ROLE_NOUNS,
            &*ORG_WORDS,
        ] {
            assert!(list.iter().all(|w| list.contains(w)));
        }
    }

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
        assert_eq!(word_info("Told").lemma, Some("tell"));
        assert!(
            CUE_PHRASES
                .iter()
                .any(|(r, p)| *r == PhraseRole::Source && p == &["according", "to"])
        );
        assert!(
            CUE_PHRASES
                .iter()
                .any(|(r, p)| *r == PhraseRole::Verb && p == &["made", "it", "clear"])
        );
        assert_eq!(PRONOUNS.get("she"), Some(&(b'f', b's')));
        assert!(ROLE_NOUNS.contains("spokeswoman") && ORG_WORDS.contains("ministry"));
        assert_eq!(word_info("Said").lemma, Some("say"));
        assert!(word_info("THE").class & class::DET != 0);
        assert_eq!(word_info("zebra").class, 0);
    }

    #[test]
    fn html_entities_load() {
        let lines = entries(include_str!("html_entities.txt")).count();
        assert_eq!(
            HTML_ENTITIES.len(),
            lines,
            "every line parses, no name twice"
        );
        assert_eq!(HTML_ENTITIES.get("ldquo"), Some(&'“'));
        assert_eq!(HTML_ENTITIES.get("nbsp"), Some(&'\u{a0}'));
    }

    #[test]
    fn every_function_word_class_is_known_and_used() {
        let mut seen = 0u32;
        for line in entries(include_str!("function_words.txt")) {
            if let Some(rest) = line.strip_prefix("class ") {
                let name = rest.split(':').next().unwrap_or("").trim();
                seen |= class::by_name(name).unwrap_or_else(|| panic!("unknown class {name:?}"));
            } else {
                for w in line.split_whitespace() {
                    assert_eq!(w, w.to_lowercase(), "lowercase: {w}");
                }
            }
        }
        let verbs = class::ADDRESSEE_VERB | class::COMPLEMENT_VERB;
        assert_eq!(
            seen,
            ((1 << 13) - 1) | verbs,
            "every class of `class` has a block"
        );
        // the verb classes hold reporting-verb lemmas
        for (w, info) in WORDS.words.iter().zip(WORDS.infos) {
            if info.class & verbs != 0 {
                assert_eq!(info.lemma, Some(*w), "{w} is not a reporting-verb lemma");
            }
        }
        assert!(word_info("U.S").class & class::ABBREVIATION != 0);
        assert_eq!(word_info("Senate").class & class::ABBREVIATION, 0);
    }

    /// The table `build.rs` wrote holds what the lists, as the crate reads them at run
    /// time, say about every word: the same words (those a lookup can find: lowercase,
    /// of 1 to 32 bytes), each with the same classes and lemma, and nothing more; and it
    /// is the table `table::build` gives for the shipped files.
    #[test]
    fn the_built_table_is_the_lists() {
        let mut listed: Vec<(&[u8], WordInfo)> = word_map()
            .into_iter()
            .filter(|(w, _)| {
                !w.is_empty() && w.len() <= MAX_WORD && !w.iter().any(u8::is_ascii_uppercase)
            })
            .collect();
        listed.sort_unstable_by(|a, b| a.0.cmp(b.0));
        assert_eq!(listed.len(), WORDS.words.len());
        for ((w, info), (built, built_info)) in
            listed.iter().zip(WORDS.words.iter().zip(WORDS.infos))
        {
            assert_eq!(*w, built.as_bytes());
            assert_eq!(info, built_info, "{built}");
            assert_eq!(word_info(built), info, "{built}");
        }
        let files = |name: &str| -> String {
            let path = format!("{}/src/lexicon/{name}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let rebuilt = table::build(&files);
        assert_eq!(rebuilt.shift, WORDS.shift);
        assert_eq!(rebuilt.keys, WORDS.keys);
        let slots: Vec<(u64, u32, u32, u32)> = WORDS
            .slots
            .iter()
            .map(|s| (s.first, s.tag, s.entry, s.class))
            .collect();
        let rebuilt_slots: Vec<(u64, u32, u32, u32)> = rebuilt
            .slots
            .iter()
            .map(|s| (s.first, s.tag, s.entry, s.class))
            .collect();
        assert_eq!(slots, rebuilt_slots);
    }

    #[test]
    fn fold8_lowercases_ascii_only() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let w = 0x4142_5a5b_6061_7a7bu64 & !(0xff << (8 * at)) | u64::from(b) << (8 * at);
                let want: Vec<u8> = w.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
                assert_eq!(fold8(w).to_le_bytes().to_vec(), want, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn chunk_at_is_the_bytes_zero_padded() {
        let text: Vec<u8> = (1..=20u8).collect();
        for len in 0..=text.len() {
            let b = &text[..len];
            for at in 0..=len {
                for end in at..=len.min(at + 8) {
                    let mut want = 0u64;
                    for (j, &x) in b[at..end].iter().enumerate() {
                        want |= u64::from(x) << (8 * j);
                    }
                    assert_eq!(chunk_at(b, at, end), want, "{len} {at}..{end}");
                }
            }
        }
    }

    #[test]
    fn words_inside_a_text_are_found_as_alone() {
        let text = "The SAID, spokeswoman-said Ministry of U.S. Xyzzy according";
        for start in 0..text.len() {
            for end in start + 1..=text.len() {
                if let Some(word) = text.get(start..end) {
                    assert_eq!(
                        word_info_in(text, start, end) as *const _,
                        word_info(word) as *const _,
                        "{word:?}"
                    );
                }
            }
        }
        assert_eq!(word_info_in(text, 4, 8).lemma, Some("say"));
    }

    #[test]
    fn word_table_finds_every_word_in_any_case() {
        assert!(WORDS.words.len() > 1000);
        for (w, info) in WORDS.words.iter().zip(WORDS.infos) {
            assert_eq!(word_info(w), info, "{w}");
            assert_eq!(word_info(&w.to_ascii_uppercase()), info, "{w}");
            let mut longer = w.to_string();
            longer.push('q');
            assert_ne!(word_info(&longer) as *const _, info as *const _, "{longer}");
        }
        assert_eq!(word_info("said’"), &NO_INFO);
        assert_eq!(word_info(&"a".repeat(40)), &NO_INFO);
        assert_eq!(word_info(""), &NO_INFO);
    }

    #[test]
    fn fnv_four_bytes_a_turn_is_fnv_1a() {
        use std::hash::Hasher;
        let text = "Ana Ruiz, a spokeswoman — “no” — said: 0123456789abcdefghij";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text.as_bytes()[start..end];
                let mut one_by_one = 0xcbf2_9ce4_8422_2325u64;
                for b in bytes {
                    one_by_one = (one_by_one ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
                }
                let mut h = Fnv::default();
                h.write(bytes);
                assert_eq!(h.finish(), one_by_one, "{start}..{end}");
            }
        }
    }

    #[test]
    fn forenames_load_with_shares() {
        assert!(
            FORENAME_ENDS.len() > 5_000,
            "{} forenames",
            FORENAME_ENDS.len()
        );
        assert!(female_share("Mary").unwrap() > 90);
        assert!(female_share("JOHN").unwrap() < 10);
        assert_eq!(female_share("Xzqw"), None);
        assert_eq!(female_share(""), None);
    }

    /// The one-pass reading of `forenames.txt` gives the map that reading every line
    /// through `entries` gives, on the shipped file and on lines of other shapes.
    #[test]
    fn forename_map_is_the_general_reading() {
        let general = |data: &'static str| {
            let mut names: WordMap<u8> = WordMap::default();
            for line in entries(data) {
                table::add_forename_line(&mut names, line);
            }
            names
        };
        let odd = "# head\nana\t0.99\n\n  bo\t0.10 \r\ncy\t1\nana\t0.05\ndee\t0.5x\n#x\t0.10\n\
                   é\t0.70\neve\t0.333\nfay 0.10\ngus\t0.20\r\nhal\t1.50\nivy\t0.40";
        for data in [
            include_str!("forenames.txt"),
            odd,
            "",
            "\n",
            "kai\t0.",
            "lu\t0.30\n",
        ] {
            let (fast, slow) = (forename_map(data), general(data));
            assert_eq!(fast.len(), slow.len(), "{data:?}");
            assert!(slow.iter().all(|(k, v)| fast.get(k) == Some(v)), "{data:?}");
        }
    }

    /// The table build.rs wrote holds every forename the run-time reading of the file
    /// gives that a lookup can find (1 to 32 bytes, ASCII lowercase), with its share,
    /// and no other.
    #[test]
    fn the_forename_table_is_the_file() {
        let findable = |name: &str| {
            !name.is_empty()
                && name.len() <= MAX_WORD
                && name.is_ascii()
                && !name.bytes().any(|b| b.is_ascii_uppercase())
        };
        let mut count = 0;
        for (name, share) in FORENAMES.iter() {
            if findable(name) {
                assert_eq!(female_share(name), Some(*share), "{name}");
                assert_eq!(female_share(&name.to_ascii_uppercase()), Some(*share));
                count += 1;
            }
        }
        assert_eq!(count, FORENAME_ENDS.len());
        assert_eq!(FORENAME_SHARES.len(), FORENAME_ENDS.len());
        let rebuilt = table::Forenames::of(include_str!("forenames.txt"));
        assert_eq!(rebuilt.shift, FORENAME_SHIFT);
        assert_eq!(rebuilt.slots, FORENAME_SLOTS);
        assert_eq!(rebuilt.text, FORENAME_TEXT);
        assert_eq!(rebuilt.ends, FORENAME_ENDS);
        assert_eq!(rebuilt.shares, FORENAME_SHARES);
        assert_eq!(female_share("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"), None);
        // the old reading's refusals: a non-ASCII word, one with a byte that folds to
        // a name's only under Unicode rules, and any word of another case than ASCII's
        for word in ["Márý", "MARY\u{301}", "Mary ", " Mary", "Ma", "Maryx"] {
            let lower = word.to_ascii_lowercase();
            let want = if word.is_ascii() {
                FORENAMES.get(lower.as_str()).copied()
            } else {
                None
            };
            assert_eq!(female_share(word), want, "{word:?}");
        }
    }

    #[test]
    fn shares_read_by_digits_equal_the_float_reading() {
        use table::share_in_hundredths;
        let by_float = |share: &str| {
            let share: f32 = share.parse().unwrap();
            (share * 100.0).round().clamp(0.0, 100.0) as u8
        };
        for units in 0..=1 {
            for hundredths in 0..100 {
                let share = format!("{units}.{hundredths:02}");
                assert_eq!(
                    share_in_hundredths(&share),
                    Some(by_float(&share)),
                    "{share}"
                );
            }
        }
        for share in ["0.5", "1", "0.125", "1.5", "9.99", "-0.2"] {
            assert_eq!(share_in_hundredths(share), Some(by_float(share)), "{share}");
        }
        assert_eq!(share_in_hundredths("x.yz"), None);
        for name in FORENAMES.keys() {
            assert_eq!(*name, name.to_lowercase(), "lowercase: {name}");
        }
        for k in 0..FORENAME_ENDS.len() {
            let name = std::str::from_utf8(forename(k)).unwrap();
            assert_eq!(name, name.to_lowercase(), "lowercase: {name}");
        }
    }
}
