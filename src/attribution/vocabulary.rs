//! The lowercase words of one text's mentions, each given a small integer id, so that
//! the entity clustering (`entity.rs`) keeps an entity's words as a few integers and
//! compares them as integers, not as a `String` per word and per entity.
//!
//! The words are stored once, one after another in one buffer, and found again through
//! an open-addressing table of ids. A [`Vocabulary`] is cleared, not dropped, between
//! texts (the analyzer's workspace keeps it), so that its buffers are allocated once.

use crate::lexicon::Fnv;
use std::hash::{BuildHasherDefault, Hasher};

/// A word's id in a [`Vocabulary`]: its rank among the text's distinct words.
pub(crate) type WordId = u32;

/// The distinct lowercase words of one text, each with its id and its hash.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocabulary {
    /// the words, one after another
    bytes: String,
    /// each word's end in `bytes` (its start is the previous word's end)
    ends: Vec<usize>,
    /// each word's [`hash_of`]
    hashes: Vec<u64>,
    /// the table: a word's id plus one, 0 for an empty slot; a power of two long and at
    /// most half full
    slots: Vec<WordId>,
}

/// Above this many slots, [`Vocabulary::clear`] gives the table back rather than
/// clearing it, so that one huge text does not make every later small one clear a
/// large table.
const KEPT_SLOTS: usize = 1 << 14;

/// The hash of a word: the lexicon's FNV over its bytes (what `entity::word_bit` takes
/// its bit from).
#[inline]
pub(crate) fn hash_of(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}

impl Vocabulary {
    /// Forget every word, keeping the buffers (a very large table is given back).
    pub(crate) fn clear(&mut self) {
        // (no word: every slot is still empty, and the clear at the start of a text after
        // the one at the end of the last costs nothing)
        if self.ends.is_empty() {
            return;
        }
        self.bytes.clear();
        self.ends.clear();
        self.hashes.clear();
        if self.slots.len() > KEPT_SLOTS {
            self.slots = Vec::new();
            self.ends.shrink_to(KEPT_SLOTS);
            self.hashes.shrink_to(KEPT_SLOTS);
        } else {
            self.slots.fill(0);
        }
        // (a table within bounds may still have held a few very long words: the bytes
        // kept between texts are bounded on their own)
        self.bytes.shrink_to(KEPT_SLOTS * 8);
    }

    /// Room for `words` more distinct words (of about eight bytes) without growing, so
    /// that the buffers and the table are allocated once for a text rather than doubled
    /// word by word (the table is made big enough while it is empty: nothing is placed
    /// again).
    pub(crate) fn reserve(&mut self, words: usize) {
        let wanted = self.ends.len() + words;
        self.ends.reserve(words);
        self.hashes.reserve(words);
        self.bytes.reserve(words.saturating_mul(8));
        if self.ends.is_empty() && self.slots.len() < wanted.saturating_mul(2) {
            let len = wanted.saturating_mul(2).next_power_of_two().max(64);
            self.slots.clear();
            self.slots.resize(len, 0);
        }
    }

    /// How many distinct words it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The word of `id`.
    #[inline]
    pub(crate) fn word(&self, id: WordId) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The [`hash_of`] the word of `id`.
    #[inline]
    pub(crate) fn hash(&self, id: WordId) -> u64 {
        self.hashes[id as usize]
    }

    /// The first slot to probe for `hash` in a table of `len` slots.
    #[inline]
    fn slot_of(hash: u64, len: usize) -> usize {
        (hash.wrapping_mul(0xff51_afd7_ed55_8ccd) >> 32) as usize & (len - 1)
    }

    /// The id of `word`, whose [`hash_of`] is `hash`, if it is held.
    #[inline]
    pub(crate) fn find_hashed(&self, word: &str, hash: u64) -> Option<WordId> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut at = Self::slot_of(hash, self.slots.len());
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            let id = slot - 1;
            if self.hashes[id as usize] == hash && self.word(id) == word {
                return Some(id);
            }
            at = (at + 1) & mask;
        }
    }

    /// The id of `word`, if it is held.
    #[inline]
    pub(crate) fn find(&self, word: &str) -> Option<WordId> {
        self.find_hashed(word, hash_of(word))
    }

    /// The id of `word`, which is added when new.
    pub(crate) fn intern(&mut self, word: &str) -> WordId {
        let hash = hash_of(word);
        if let Some(id) = self.find_hashed(word, hash) {
            return id;
        }
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        // (ids stay below the text's length, which a `usize` offset bounds; saturating
        // keeps a pathological count from wrapping onto another word's slot marker)
        let id = WordId::try_from(self.ends.len()).unwrap_or(WordId::MAX - 1);
        self.bytes.push_str(word);
        self.ends.push(self.bytes.len());
        self.hashes.push(hash);
        self.place(id, hash);
        id
    }

    /// Put `id` in the first empty slot from its hash's.
    fn place(&mut self, id: WordId, hash: u64) {
        let mask = self.slots.len() - 1;
        let mut at = Self::slot_of(hash, self.slots.len());
        while self.slots[at] != 0 {
            at = (at + 1) & mask;
        }
        self.slots[at] = id + 1;
    }

    /// Double the table (64 slots at first) and place every word again.
    fn grow(&mut self) {
        let len = (self.slots.len() * 2).max(64);
        self.slots.clear();
        self.slots.resize(len, 0);
        for i in 0..self.ends.len() {
            let id = WordId::try_from(i).unwrap_or(WordId::MAX - 1);
            self.place(id, self.hashes[i]);
        }
    }
}

/// A set of word ids: a list searched from end to end while it is short (most entities
/// have a few words), with a hash index beside it once it is long, so that a person with
/// hundreds of appositions is not searched word by word. Up to [`INLINE`] ids are kept in
/// the set itself, so that a set of a name's few words allocates nothing; past that, all
/// of them move to one boxed list (the set stays four words in every entity).
#[derive(Clone, Debug, Default)]
pub(crate) struct WordIdSet {
    /// the ids while there are at most [`INLINE`]: the first `len`
    inline: [WordId; INLINE],
    /// how many ids are in `inline` (0 once they are listed)
    len: u32,
    /// every id, once there are more than [`INLINE`]
    listed: Option<Box<Listed>>,
}

/// The ids of a [`WordIdSet`] of more than [`INLINE`] ids, in the order they were
/// added, with a hash index once there are more than [`INDEX_FROM`].
#[derive(Clone, Debug, Default)]
struct Listed {
    ids: Vec<WordId>,
    index: Option<std::collections::HashSet<WordId, BuildHasherDefault<Fnv>>>,
}

/// How many ids a [`WordIdSet`] keeps in place.
const INLINE: usize = 3;

/// How many ids a [`WordIdSet`] holds before it keeps an index.
const INDEX_FROM: usize = 16;

impl WordIdSet {
    /// The ids, in the order they were added.
    #[inline]
    fn as_slice(&self) -> &[WordId] {
        match &self.listed {
            Some(listed) => &listed.ids,
            None => &self.inline[..self.len as usize],
        }
    }

    /// Is `id` in the set?
    #[inline]
    pub(crate) fn contains(&self, id: WordId) -> bool {
        match &self.listed {
            Some(listed) => match &listed.index {
                Some(index) => index.contains(&id),
                None => listed.ids.contains(&id),
            },
            None => self.inline[..self.len as usize].contains(&id),
        }
    }

    /// Is the word `id` (`None`: a word the vocabulary does not hold) in the set?
    #[inline]
    pub(crate) fn has(&self, id: Option<WordId>) -> bool {
        id.is_some_and(|id| self.contains(id))
    }

    /// Add `id`; false when it was in the set already.
    pub(crate) fn insert(&mut self, id: WordId) -> bool {
        if self.contains(id) {
            return false;
        }
        match &mut self.listed {
            Some(listed) => {
                listed.ids.push(id);
                match &mut listed.index {
                    Some(index) => {
                        index.insert(id);
                    }
                    None if listed.ids.len() > INDEX_FROM => {
                        listed.index = Some(listed.ids.iter().copied().collect());
                    }
                    None => {}
                }
            }
            None if (self.len as usize) < INLINE => {
                self.inline[self.len as usize] = id;
                self.len += 1;
            }
            None => {
                let mut ids = Vec::with_capacity(INLINE * 3);
                ids.extend_from_slice(&self.inline);
                ids.push(id);
                self.listed = Some(Box::new(Listed { ids, index: None }));
                self.len = 0;
            }
        }
        true
    }

    /// How many ids it holds.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// The ids, in the order they were added.
    #[inline]
    pub(crate) fn iter(&self) -> impl Iterator<Item = WordId> + '_ {
        self.as_slice().iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_one_id_each_and_come_back() {
        let mut vocabulary = Vocabulary::default();
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let ids: Vec<WordId> = words.iter().map(|w| vocabulary.intern(w)).collect();
        assert_eq!(vocabulary.len(), 500);
        for (w, &id) in words.iter().zip(&ids) {
            assert_eq!(vocabulary.intern(w), id);
            assert_eq!(vocabulary.find(w), Some(id));
            assert_eq!(vocabulary.word(id), w);
            assert_eq!(vocabulary.hash(id), hash_of(w));
        }
        assert_eq!(vocabulary.find("nominee"), None);
        vocabulary.clear();
        assert_eq!(vocabulary.find("w1"), None);
        assert_eq!(vocabulary.intern("nominee"), 0);
        assert_eq!(vocabulary.word(0), "nominee");
    }

    #[test]
    fn room_reserved_keeps_every_word_and_id() {
        // room made while empty sizes the table at once; room asked for later, with
        // words held, leaves them where they are
        let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        let mut plain = Vocabulary::default();
        let mut roomy = Vocabulary::default();
        roomy.reserve(100);
        let table = roomy.slots.len();
        assert!(table >= 200 && table.is_power_of_two(), "{table}");
        for (i, w) in words.iter().enumerate() {
            if i == 50 {
                roomy.reserve(1000);
            }
            assert_eq!(roomy.intern(w), plain.intern(w));
        }
        for w in &words {
            assert_eq!(roomy.find(w), plain.find(w));
        }
        roomy.clear();
        assert_eq!(roomy.find("w1"), None);
        roomy.reserve(8);
        assert_eq!(roomy.intern("w7"), 0);
    }

    #[test]
    fn sets_answer_alike_short_and_long() {
        let mut set = WordIdSet::default();
        for id in (0..100).step_by(3) {
            assert!(set.insert(id));
            assert!(!set.insert(id));
        }
        assert_eq!(set.len(), 34);
        for id in 0..100 {
            assert_eq!(set.contains(id), id % 3 == 0, "{id}");
        }
        assert!(!set.has(None));
        assert!(set.has(Some(3)));
        assert_eq!(set.iter().take(3).collect::<Vec<_>>(), [0, 3, 6]);
        // in place and past it, in the order added
        for n in 0..=INLINE + 2 {
            let mut set = WordIdSet::default();
            let ids: Vec<WordId> = (0..n as WordId).map(|i| 7 * i + 1).collect();
            for &id in &ids {
                assert!(set.insert(id) && !set.insert(id));
            }
            assert_eq!(set.iter().collect::<Vec<_>>(), ids);
            assert_eq!(set.len(), n);
            assert!(!set.contains(0));
        }
    }

    /// The ids kept in place make the set no larger than a list and a box.
    #[test]
    fn a_set_is_four_words() {
        assert!(std::mem::size_of::<WordIdSet>() <= 32);
    }
}
