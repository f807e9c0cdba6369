//! The word table's contents, computed from the list files with `std` alone: `build.rs`
//! includes this file by path and writes the table as Rust (`word_table.rs` in
//! `OUT_DIR`), which `lexicon/mod.rs` borrows as a static instead of building it in each
//! process from the words of thirteen list files. The crate takes the class
//! flags, the key folding and the hashes from here too, so that the table's layout and
//! its lookups cannot disagree.

use std::collections::{HashMap, HashSet};

/// Word classes: bit flags on a word, from `function_words.txt` and the other lists.
pub(crate) mod class {
    /// Determiners that open a noun phrase.
    pub const DET: u32 = 1 << 0;
    /// Words between a subject and its verb.
    pub const BETWEEN: u32 = 1 << 1;
    /// Capitalised sentence openers that are not names.
    pub const NOT_NAME_START: u32 = 1 << 2;
    /// Words that end a noun phrase after a cue.
    pub const NP_STOP: u32 = 1 << 3;
    /// Function words that cannot head a subject.
    pub const FUNCTION: u32 = 1 << 4;
    /// Heads of unnamed sources.
    pub const ANONYMOUS: u32 = 1 << 5;
    /// Prepositions inside a subject noun phrase.
    pub const NP_INNER: u32 = 1 << 6;
    /// Negation and modality before a verb.
    pub const BLOCKER: u32 = 1 << 7;
    /// Words after which a reporting word is a noun.
    pub const NOUN_BEFORE: u32 = 1 << 8;
    /// Reporting-verb forms that are mostly nouns.
    pub const OFTEN_NOUN: u32 = 1 << 9;
    /// Time words.
    pub const TIME: u32 = 1 << 10;
    /// Words that open an adverbial.
    pub const NOT_CONTENT_START: u32 = 1 << 11;
    /// Labels before a colon that are not speakers.
    pub const COLON_LABEL: u32 = 1 << 12;
    /// Personal pronouns that can speak (`pronouns.txt`).
    pub const PRONOUN: u32 = 1 << 13;
    /// Prepositive titles (`titles.txt`).
    pub const TITLE: u32 = 1 << 14;
    /// Role nouns (`role_nouns.txt`).
    pub const ROLE: u32 = 1 << 15;
    /// Organisation heads and media (`org_words.txt`).
    pub const ORG: u32 = 1 << 16;
    /// First words of cue phrases (`cue_phrases.txt`): "according", "in", …
    pub const PHRASE_HEAD: u32 = 1 << 17;
    /// News media (`media_words.txt`).
    pub const MEDIA: u32 = 1 << 18;
    /// Verbs that attribute only with a clause or a quotation after them
    /// (`clause_verbs.txt`): "agreed that …", not "agreed to reopen".
    pub const CLAUSE_VERB: u32 = 1 << 19;
    /// Abbreviations that take a period (`abbreviations.txt`): "Inc", "U.S", "Calif".
    pub const ABBREVIATION: u32 = 1 << 20;
    /// Abbreviations that never end a sentence (`nonfinal_abbreviations.txt`): "e.g".
    pub const NONFINAL: u32 = 1 << 21;
    /// Closed-class sentence openers (`sentence_starters.txt`): "The", "He".
    pub const STARTER: u32 = 1 << 22;
    /// Words that follow a clock time (`time_followers.txt`): "Monday", "ET".
    pub const TIME_FOLLOWER: u32 = 1 << 23;
    /// Reporting verbs (lemmas) whose object is the person spoken to.
    pub const ADDRESSEE_VERB: u32 = 1 << 24;
    /// Reporting verbs (lemmas) whose object is what the words are about.
    pub const COMPLEMENT_VERB: u32 = 1 << 25;
    /// Every class bit; the high bits stay free (the tokenizer keeps its own flags
    /// there).
    pub const ALL: u32 = (1 << 26) - 1;
    /// The forms of `put` ([`PUT_FORMS`](super::PUT_FORMS)), which start the cue
    /// `put it` ("as the mayor put it"): a mark for the cue finder's scan, which then
    /// passes over every other token with one test of its bits. Outside [`ALL`]: the
    /// forms are in no list of words.
    pub const PUT_FORM: u32 = 1 << 26;

    /// The flag of a class name in `function_words.txt`.
    pub fn by_name(name: &str) -> Option<u32> {
        Some(match name {
            "det" => DET,
            "between" => BETWEEN,
            "not-name-start" => NOT_NAME_START,
            "np-stop" => NP_STOP,
            "function" => FUNCTION,
            "anonymous" => ANONYMOUS,
            "np-inner" => NP_INNER,
            "blocker" => BLOCKER,
            "noun-before" => NOUN_BEFORE,
            "often-noun" => OFTEN_NOUN,
            "time" => TIME,
            "not-content-start" => NOT_CONTENT_START,
            "colon-label" => COLON_LABEL,
            "addressee-verb" => ADDRESSEE_VERB,
            "complement-verb" => COMPLEMENT_VERB,
            _ => return None,
        })
    }
}

/// The forms of `put` that start the cue `put it` ([`class::PUT_FORM`]).
pub(crate) const PUT_FORMS: &[&str] = &["put", "puts"];

/// Eight bytes ASCII-lowercased at once (`u8::to_ascii_lowercase` on each byte; bytes
/// of 0x80 and above stay as they are).
#[inline(always)]
pub(crate) fn fold8(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let heptets = w & LOW7;
    // the high bit of each byte: at least `A` (0x41 + 0x3f = 0x80), above `Z`
    let at_least_a = heptets.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let above_z = heptets.wrapping_add(0x2525_2525_2525_2525);
    let upper = at_least_a & !above_z & !w & HIGH;
    w | (upper >> 2)
}

/// The bytes `b[at..end]` (at most eight) as a little-endian word, zero past `end`. Reads
/// the eight bytes at `at` in one load when `b` has them (the bytes past `end` are
/// masked off).
#[inline(always)]
pub(crate) fn chunk_at(b: &[u8], at: usize, end: usize) -> u64 {
    let n = end - at;
    if let Some(eight) = b.get(at..at + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        let w = u64::from_le_bytes(w);
        if n >= 8 {
            w
        } else {
            w & ((1u64 << (8 * n)) - 1)
        }
    } else {
        // fewer than eight bytes left in `b` (a word given alone)
        short_bytes(&b[at..end])
    }
}

/// At most seven bytes as a little-endian word, zero past them, in two loads that may
/// overlap (bytes loaded twice land on the same place, so or-ing them is exact). The
/// word table's keys and the weights' feature hashes both end with it.
#[inline(always)]
pub(crate) fn short_bytes(tail: &[u8]) -> u64 {
    match tail.len() {
        0 => 0,
        len @ 1..=3 => {
            u64::from(tail[0])
                | u64::from(tail[len / 2]) << (8 * (len / 2))
                | u64::from(tail[len - 1]) << (8 * (len - 1))
        }
        len => {
            let four = |from: usize| {
                let mut w = [0u8; 4];
                w.copy_from_slice(&tail[from..from + 4]);
                u64::from(u32::from_le_bytes(w))
            };
            four(0) | four(len - 4) << (8 * (len - 4))
        }
    }
}

/// The longest listed word; longer words are in no list.
pub(crate) const MAX_WORD: usize = 32;

/// A word of at most [`MAX_WORD`] bytes, ASCII-lowercased, as four little-endian words
/// (zero past its end), and a hash of them and its length.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoldedKey {
    pub(crate) chunks: [u64; MAX_WORD / 8],
    pub(crate) hash: u64,
}

impl FoldedKey {
    /// The key of `b[start..end]` (`0 < end - start <= MAX_WORD`), read eight bytes at a
    /// time (bytes of `b` past `end` may be loaded, never used).
    /// The hash's multiplier, and its start (times the length).
    pub(crate) const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

    /// One step of the hash: the hash so far with the next folded chunk.
    #[inline(always)]
    pub(crate) fn step(hash: u64, chunk: u64) -> u64 {
        (hash.rotate_left(23) ^ chunk).wrapping_mul(FoldedKey::SEED)
    }

    #[inline]
    pub(crate) fn of(b: &[u8], start: usize, end: usize) -> FoldedKey {
        let mut chunks = [0u64; MAX_WORD / 8];
        let mut hash = ((end - start) as u64).wrapping_mul(FoldedKey::SEED);
        let (mut at, mut k) = (start, 0);
        while at < end {
            let c = fold8(chunk_at(b, at, end));
            chunks[k] = c;
            hash = FoldedKey::step(hash, c);
            at += 8;
            k += 1;
        }
        FoldedKey {
            chunks,
            hash: hash ^ (hash >> 32),
        }
    }
}

/// A bit of a slot's class above the classes: the word has a lemma.
pub(crate) const HAS_LEMMA: u32 = 1 << 31;

/// A slot's tag: the hash's low 24 bits and the word's length (at most [`MAX_WORD`]) in
/// the top eight, so that a tag that matches also matches the length.
#[inline(always)]
pub(crate) fn tag_of(hash: u64, len: usize) -> u32 {
    (hash as u32 & 0x00ff_ffff) | ((len as u32) << 24)
}

/// The first slot of the word table to probe for `hash`: the top bits of its product with
/// an odd constant (the hash's own top bits left runs of taken slots: 1.43 probes per
/// word of a news text, 1.13 with the product).
#[inline(always)]
pub(crate) fn slot_of(hash: u64, shift: u32) -> usize {
    (hash.wrapping_mul(0xff51_afd7_ed55_8ccd) >> shift) as usize
}

/// Entries of a list file: non-empty lines that are not `#` comments, trimmed (what
/// `lexicon::entries` reads).
pub(crate) fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The list files the table is made of (names in `src/lexicon/`).
pub(crate) const FILES: &[&str] = &[
    "function_words.txt",
    "pronouns.txt",
    "titles.txt",
    "role_nouns.txt",
    "org_words.txt",
    "abbreviations.txt",
    "nonfinal_abbreviations.txt",
    "sentence_starters.txt",
    "time_followers.txt",
    "cue_phrases.txt",
    "media_words.txt",
    "clause_verbs.txt",
    "reporting_verbs.txt",
];

/// One slot of the built table: the word's first folded chunk, its tag, its entry plus
/// one (0: empty) and its classes with [`HAS_LEMMA`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct BuiltSlot {
    pub(crate) first: u64,
    pub(crate) tag: u32,
    pub(crate) entry: u32,
    pub(crate) class: u32,
}

/// The word table as built from the lists: open addressing over a power of two of slots
/// (four per word, at least 16), the words in byte order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct BuiltTable {
    pub(crate) slots: Vec<BuiltSlot>,
    /// `64 - log2(slots.len())`
    pub(crate) shift: u32,
    /// each entry's whole folded key
    pub(crate) keys: Vec<[u64; MAX_WORD / 8]>,
    /// each entry's word, as listed (lowercase)
    pub(crate) words: Vec<String>,
    /// each entry's classes and lemma
    pub(crate) infos: Vec<(u32, Option<String>)>,
}

/// Every form of `reporting_verbs.txt` with its lemma: each line is a lemma and its
/// forms; a word given again later takes the later line's lemma.
pub(crate) fn reporting_forms(data: &str) -> HashMap<&str, &str> {
    let mut m = HashMap::new();
    for line in entries(data) {
        let mut forms = line.split_whitespace();
        if let Some(lemma) = forms.next() {
            m.insert(lemma, lemma);
            for f in forms {
                m.insert(f, lemma);
            }
        }
    }
    m
}

/// The table of the lists, each file's text given by `file` (a name of [`FILES`]).
pub(crate) fn build(file: &dyn Fn(&str) -> String) -> BuiltTable {
    let data: HashMap<&str, String> = FILES.iter().map(|&f| (f, file(f))).collect();
    let text = |f: &str| data[f].as_str();
    let mut m: HashMap<String, (u32, Option<String>)> = HashMap::new();
    let mut add = |w: &str, flag: u32| m.entry(w.to_string()).or_default().0 |= flag;
    let mut current = 0u32;
    for line in entries(text("function_words.txt")) {
        if let Some(rest) = line.strip_prefix("class ") {
            let name = rest.split(':').next().unwrap_or("").trim();
            current = class::by_name(name).unwrap_or(0);
            continue;
        }
        for w in line.split_whitespace() {
            add(w, current);
        }
    }
    // a pronoun's line is the word, its gender and its number: lines without all three
    // are not read
    for line in entries(text("pronouns.txt")) {
        let mut c = line.split_whitespace();
        let (Some(w), Some(g), Some(n)) = (c.next(), c.next(), c.next()) else {
            continue;
        };
        if !g.is_empty() && !n.is_empty() {
            add(w, class::PRONOUN);
        }
    }
    let lists = [
        ("titles.txt", class::TITLE),
        ("org_words.txt", class::ORG),
        ("abbreviations.txt", class::ABBREVIATION),
        ("nonfinal_abbreviations.txt", class::NONFINAL),
        ("sentence_starters.txt", class::STARTER),
        ("time_followers.txt", class::TIME_FOLLOWER),
        ("media_words.txt", class::MEDIA),
    ];
    for (f, flag) in lists {
        for w in entries(text(f)) {
            add(w, flag);
        }
    }
    // a multi-word role noun keeps its last word
    for line in entries(text("role_nouns.txt")) {
        if let Some(w) = line.split_whitespace().last() {
            add(w, class::ROLE);
        }
    }
    // the first word of each cue phrase of a known role
    for line in entries(text("cue_phrases.txt")) {
        let Some((role, phrase)) = line.split_once(char::is_whitespace) else {
            continue;
        };
        if matches!(role, "source" | "medium" | "verb") {
            if let Some(w) = phrase.split_whitespace().next() {
                add(w, class::PHRASE_HEAD);
            }
        }
    }
    for w in PUT_FORMS {
        add(w, class::PUT_FORM);
    }
    // every form of the clause verbs
    let forms = reporting_forms(text("reporting_verbs.txt"));
    let clause: HashSet<&str> = entries(text("clause_verbs.txt")).collect();
    for (form, lemma) in &forms {
        if clause.contains(lemma) {
            add(form, class::CLAUSE_VERB);
        }
    }
    for (form, lemma) in &forms {
        m.entry(form.to_string()).or_default().1 = Some(lemma.to_string());
    }
    let mut listed: Vec<(String, (u32, Option<String>))> = m.into_iter().collect();
    // lookups fold their word, so a key with an uppercase letter (or too long) would
    // never be found: such keys are left out
    listed.retain(|(w, _)| {
        !w.is_empty() && w.len() <= MAX_WORD && !w.bytes().any(|b| b.is_ascii_uppercase())
    });
    // a fixed order, so that the table is the same in every build
    listed.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let size = (listed.len() * 4).next_power_of_two().max(16);
    let shift = 64 - size.trailing_zeros();
    let mut table = BuiltTable {
        slots: vec![BuiltSlot::default(); size],
        shift,
        ..BuiltTable::default()
    };
    for (w, info) in listed {
        let key = FoldedKey::of(w.as_bytes(), 0, w.len());
        let mut at = slot_of(key.hash, shift);
        while table.slots[at].entry != 0 {
            at = (at + 1) & (size - 1);
        }
        table.slots[at] = BuiltSlot {
            first: key.chunks[0],
            tag: tag_of(key.hash, w.len()),
            entry: table.keys.len() as u32 + 1,
            class: info.0 | if info.1.is_some() { HAS_LEMMA } else { 0 },
        };
        table.keys.push(key.chunks);
        table.words.push(w);
        table.infos.push(info);
    }
    table
}

impl BuiltTable {
    /// The table as Rust items for `lexicon/mod.rs`: the statics `WORD_SLOTS`,
    /// `WORD_KEYS`, `WORD_LIST` and `WORD_INFOS` and the constant `WORD_SHIFT`, of the
    /// crate's `Slot` and `WordInfo` (an empty slot is the constant `EMPTY_SLOT`).
    // (build.rs's alone)
    #[allow(dead_code)]
    pub(crate) fn to_rust(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(out, "/// `64 - log2(WORD_SLOTS.len())`.");
        let _ = writeln!(out, "const WORD_SHIFT: u32 = {};", self.shift);
        let _ = writeln!(out, "/// The word table's slots.");
        let _ = writeln!(out, "static WORD_SLOTS: [Slot; {}] = [", self.slots.len());
        for s in &self.slots {
            if s.entry == 0 {
                out.push_str("EMPTY_SLOT,\n");
            } else {
                let _ = writeln!(
                    out,
                    "Slot {{ first: {:#x}, tag: {:#x}, entry: {}, class: {:#x} }},",
                    s.first, s.tag, s.entry, s.class
                );
            }
        }
        out.push_str("];\n");
        let _ = writeln!(out, "/// Each entry's whole folded key.");
        let _ = writeln!(out, "static WORD_KEYS: [[u64; 4]; {}] = [", self.keys.len());
        for k in &self.keys {
            let _ = writeln!(out, "[{:#x}, {:#x}, {:#x}, {:#x}],", k[0], k[1], k[2], k[3]);
        }
        out.push_str("];\n");
        let _ = writeln!(out, "/// Each entry's word.");
        let _ = writeln!(out, "static WORD_LIST: [&str; {}] = [", self.words.len());
        for w in &self.words {
            let _ = writeln!(out, "{w:?},");
        }
        out.push_str("];\n");
        let _ = writeln!(out, "/// What the lists say about each entry's word.");
        let _ = writeln!(
            out,
            "static WORD_INFOS: [WordInfo; {}] = [",
            self.infos.len()
        );
        for (class, lemma) in &self.infos {
            let _ = writeln!(out, "WordInfo {{ class: {class:#x}, lemma: {lemma:?} }},");
        }
        out.push_str("];\n");
        out
    }
}

/// One line of `forenames.txt` read as [`entries`] reads it (trimmed; blank lines and
/// comments skipped), its name and share split at the first tab; a name given again
/// takes the later share.
pub(crate) fn add_forename_line<'a, S: std::hash::BuildHasher>(
    names: &mut HashMap<&'a str, u8, S>,
    line: &'a str,
) {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return;
    }
    let Some((name, share)) = line.split_once('\t') else {
        return;
    };
    if let Some(hundredths) = share_in_hundredths(share.trim()) {
        names.insert(name, hundredths);
    }
}

/// A share between 0 and 1 in hundredths, rounded to the nearest and clamped to 0..=100:
/// `d.dd` read digit by digit (exact, as the float's rounding gives for two decimals),
/// any other spelling through a float parse. `None` when it is no number.
pub(crate) fn share_in_hundredths(share: &str) -> Option<u8> {
    if let &[units, b'.', tenths, hundredths] = share.as_bytes() {
        if units.is_ascii_digit() && tenths.is_ascii_digit() && hundredths.is_ascii_digit() {
            let value = u32::from(units - b'0') * 100
                + u32::from(tenths - b'0') * 10
                + u32::from(hundredths - b'0');
            return Some(value.min(100) as u8);
        }
    }
    let share: f32 = share.parse().ok()?;
    Some((share * 100.0).round().clamp(0.0, 100.0) as u8)
}

/// The forenames of `forenames.txt` that a lookup can find (1 to [`MAX_WORD`] bytes of
/// ASCII without a capital: the lookup lowercases the word it is given), in byte order,
/// with their shares, placed by [`FoldedKey`]'s hash in a power of two of slots (at
/// least twice as many as names).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Forenames {
    /// each slot's entry plus one (0: empty)
    pub(crate) slots: Vec<u16>,
    /// `64 - log2(slots.len())`
    pub(crate) shift: u32,
    /// the names, one after another
    pub(crate) text: String,
    /// each name's end in `text`
    pub(crate) ends: Vec<u32>,
    /// each name's share of female births, in hundredths
    pub(crate) shares: Vec<u8>,
}

impl Forenames {
    /// The table of the lines of `data`.
    pub(crate) fn of(data: &str) -> Forenames {
        let mut names: HashMap<&str, u8> = HashMap::new();
        for line in entries(data) {
            add_forename_line(&mut names, line);
        }
        let mut names: Vec<(&str, u8)> = names
            .into_iter()
            .filter(|(name, _)| {
                !name.is_empty()
                    && name.len() <= MAX_WORD
                    && name.is_ascii()
                    && !name.bytes().any(|b| b.is_ascii_uppercase())
            })
            .collect();
        names.sort_unstable();
        assert!(
            names.len() < usize::from(u16::MAX),
            "too many forenames for u16 slots"
        );
        let size = (names.len() * 2).next_power_of_two().max(16);
        let shift = 64 - size.trailing_zeros();
        let mut table = Forenames {
            slots: vec![0; size],
            shift,
            ..Forenames::default()
        };
        for (k, (name, share)) in names.into_iter().enumerate() {
            let hash = FoldedKey::of(name.as_bytes(), 0, name.len()).hash;
            let mut at = slot_of(hash, shift);
            while table.slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            table.slots[at] = k as u16 + 1;
            table.text.push_str(name);
            table.ends.push(table.text.len() as u32);
            table.shares.push(share);
        }
        table
    }

    /// The table as Rust items for `lexicon/mod.rs`: `FORENAME_SHIFT`, `FORENAME_SLOTS`,
    /// `FORENAME_TEXT`, `FORENAME_ENDS` and `FORENAME_SHARES`.
    // (build.rs's alone)
    #[allow(dead_code)]
    pub(crate) fn to_rust(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(out, "/// `64 - log2(FORENAME_SLOTS.len())`.");
        let _ = writeln!(out, "const FORENAME_SHIFT: u32 = {};", self.shift);
        let _ = writeln!(
            out,
            "/// The forename table's slots: an entry plus one, 0 when empty."
        );
        let _ = writeln!(
            out,
            "static FORENAME_SLOTS: [u16; {}] = {:?};",
            self.slots.len(),
            self.slots
        );
        let _ = writeln!(out, "/// The forenames, one after another.");
        let _ = writeln!(out, "static FORENAME_TEXT: &str = {:?};", self.text);
        let _ = writeln!(out, "/// Each forename's end in `FORENAME_TEXT`.");
        let _ = writeln!(
            out,
            "static FORENAME_ENDS: [u32; {}] = {:?};",
            self.ends.len(),
            self.ends
        );
        let _ = writeln!(
            out,
            "/// Each forename's share of female births, in hundredths."
        );
        let _ = writeln!(
            out,
            "static FORENAME_SHARES: [u8; {}] = {:?};",
            self.shares.len(),
            self.shares
        );
        out
    }
}
