//! Learned weights of the attribution decisions, as data: `linking_weights.txt` beside
//! the word lists, or a file of the same format given to
//! `AnalyzerBuilder::linking_weights`.
//!
//! Format: `#` comment lines (the header says what produced the file), then one
//! `feature<TAB>weight` line per feature. A feature is `decision:template=value`
//! (`cue:lemma=say`, `cue:prev=pronoun`, `conf:rule=quote-speaker-cue`); the decisions
//! are `cue` (is this reporting-verb occurrence a cue here?), `src` (is this candidate
//! noun phrase the cue's speaker?), `att` (does this cue govern the quotation?) and
//! `conf` (is this attribution right?). A feature the file does not list weighs 0.
//!
//! Names are not hashed as strings when a proposal is scored: a rule's feature is a
//! template (`cue:lemma=`, hashed at compile time) and one value or a pair of values
//! (`lemma|next`), and its key is the template's hash joined with each value's own hash
//! (eight bytes at a step; a value given to several templates is hashed once:
//! [`FeatureKey`]). The file's names are split the same way when it is read:
//! a name `t=v` goes in split at its first `=` (a template holds one `=`, at its end)
//! and, for each `|` of the value, also as the pair of its two sides, so that whichever
//! values a rule spells a name with, it finds that name's weight.

/// The FNV-1a state before any byte.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a state `h` extended by `bytes` (a `const fn`: a template's hash is computed at
/// compile time).
#[inline]
pub(crate) const fn fnv_extend(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// The keys of features: a template's hash joined with each value's own hash (a value
/// hashed once can go into several templates).
pub(crate) struct FeatureKey;

impl FeatureKey {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    /// Marks the second value of a pair, so that a pair and a single value differ.
    const PAIR: u64 = 0x2545_f491_4f6c_dd1d;
    /// Marks a whole name (a bias), apart from every template's key.
    const WHOLE: u64 = 0x6a09_e667_f3bc_c908;
    /// The start of a value's own hash.
    const VALUE: u64 = 0xbb67_ae85_84ca_a73b;

    #[inline(always)]
    const fn step(hash: u64, word: u64) -> u64 {
        (hash.rotate_left(23) ^ word).wrapping_mul(FeatureKey::MULTIPLIER)
    }

    /// `hash` extended by the length of `bytes` and then by `bytes`, eight at a step
    /// (the last step zero-padded; the length keeps padded values apart).
    #[inline(always)]
    fn extend(hash: u64, bytes: &[u8]) -> u64 {
        let mut hash = FeatureKey::step(hash, bytes.len() as u64);
        let mut eights = bytes.chunks_exact(8);
        for eight in &mut eights {
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            hash = FeatureKey::step(hash, u64::from_le_bytes(w));
        }
        let rest = eights.remainder();
        if rest.is_empty() {
            return hash;
        }
        let tail = super::table::short_bytes(rest);
        FeatureKey::step(hash, tail)
    }

    /// The hash of a value on its own, before it joins a template: a rule that gives
    /// one value to several templates (a cue's lemma goes in six features) hashes its
    /// bytes once ([`FeatureKey::single_hashed`], [`FeatureKey::pair_hashed`]).
    #[inline(always)]
    pub(crate) fn value(value: &str) -> u64 {
        FeatureKey::extend(FeatureKey::VALUE, value.as_bytes())
    }

    /// [`FeatureKey::value`] in a `const fn` (the same hash: the bytes eight at a step,
    /// the last step zero-padded), for a value the compiler hashes once.
    pub(crate) const fn value_const(value: &str) -> u64 {
        let bytes = value.as_bytes();
        let mut hash = FeatureKey::step(FeatureKey::VALUE, bytes.len() as u64);
        let mut at = 0;
        while at < bytes.len() {
            let mut word = 0u64;
            let mut k = 0;
            while k < 8 && at + k < bytes.len() {
                word |= (bytes[at + k] as u64) << (8 * k);
                k += 1;
            }
            hash = FeatureKey::step(hash, word);
            at += 8;
        }
        hash
    }

    /// The key of template `template` (its [`fnv_extend`] hash) with one value.
    #[inline(always)]
    pub(crate) fn single(template: u64, value: &str) -> u64 {
        FeatureKey::single_hashed(template, FeatureKey::value(value))
    }

    /// The key of template `template` with the pair `first|second`.
    #[inline(always)]
    pub(crate) fn pair(template: u64, first: &str, second: &str) -> u64 {
        FeatureKey::pair_hashed(
            template,
            FeatureKey::value(first),
            FeatureKey::value(second),
        )
    }

    /// [`FeatureKey::single`] of a value hashed by [`FeatureKey::value`]. (One step, a
    /// bijection of the value's hash for a given template: two values of a template
    /// share a key only when their hashes do.)
    #[inline(always)]
    pub(crate) fn single_hashed(template: u64, value: u64) -> u64 {
        FeatureKey::step(template, value)
    }

    /// [`FeatureKey::pair`] of two values hashed by [`FeatureKey::value`].
    #[inline(always)]
    pub(crate) fn pair_hashed(template: u64, first: u64, second: u64) -> u64 {
        FeatureKey::step(FeatureKey::step(template, first) ^ FeatureKey::PAIR, second)
    }

    /// The key of the whole name `name` (a bias, which has no value).
    #[inline(always)]
    pub(crate) fn whole(name: &str) -> u64 {
        FeatureKey::extend(FNV_START ^ FeatureKey::WHOLE, name.as_bytes())
    }
}

/// Feature keys and their weights, in open addressing over at least twice as many slots
/// as keys (a key of 0 marks an empty slot; a key that is 0 is stored as 1): a lookup
/// is a multiply, a shift and usually one compare, found or not.
/// (The shipped file's table is written at build time, by `build.rs` with this module's
/// own parser, and borrowed from a static: reading six thousand lines cost more than
/// a whole article of a text's analysis, once per process.)
#[derive(Debug)]
struct KeyTable {
    /// Each key beside its weight: a found feature costs one cache line, not one in an
    /// array of keys and another in an array of weights (the table is some hundred
    /// kilobytes, read at random: most lookups miss the first-level cache).
    slots: std::borrow::Cow<'static, [Slot]>,
    /// `64 - log2(slots.len())`.
    shift: u32,
}

/// One slot of a [`KeyTable`]: the key beside its weight, aligned so that a slot never
/// straddles two cache lines (a found feature costs one line).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(16))]
pub(crate) struct Slot {
    key: u64,
    weight: f32,
}

impl Slot {
    /// The slot of `key` with the weight whose bits are `weight` (for the table
    /// `build.rs` writes: bits, so that the weight is the parsed one exactly).
    pub(crate) const fn new(key: u64, weight: u32) -> Slot {
        Slot {
            key,
            weight: f32::from_bits(weight),
        }
    }
}

/// The slots of a table with no key: two (a table is never empty, so that a lookup
/// needs no test of its length), both empty.
static NO_SLOTS: [Slot; 2] = [Slot::new(0, 0), Slot::new(0, 0)];

impl Default for KeyTable {
    /// The table of no key.
    fn default() -> KeyTable {
        KeyTable {
            slots: std::borrow::Cow::Borrowed(&NO_SLOTS),
            shift: 64 - NO_SLOTS.len().trailing_zeros(),
        }
    }
}

impl KeyTable {
    #[inline(always)]
    fn slot(key: u64, shift: u32) -> usize {
        (key.wrapping_mul(0xff51_afd7_ed55_8ccd) >> shift) as usize
    }

    /// The table of `entries`, each with the file line it came from; a key given twice
    /// keeps its last weight. Keys are compared as hashes only, so two different names
    /// that share a key would silently share a weight: a key given on two lines is
    /// refused, with both lines (one name may give the same key twice, spelt as one
    /// value and as a pair: that is the same feature). Found while filling the table,
    /// without sorting the keys.
    fn build(entries: &[(u64, f32)], lines: &[usize]) -> Result<KeyTable, (usize, usize)> {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size];
        let mut key_lines = vec![0usize; size];
        for (&(key, weight), &line) in entries.iter().zip(lines) {
            let key = key.max(1);
            let mut at = KeyTable::slot(key, shift);
            while slots[at].key != 0 && slots[at].key != key {
                at = (at + 1) & (size - 1);
            }
            if slots[at].key == key && key_lines[at] != line {
                return Err((key_lines[at], line));
            }
            slots[at] = Slot { key, weight };
            key_lines[at] = line;
        }
        Ok(KeyTable {
            slots: slots.into(),
            shift,
        })
    }

    #[inline(always)]
    fn get(&self, key: u64) -> f32 {
        let key = key.max(1);
        // (never empty: at least two slots, a power of two)
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = KeyTable::slot(key, self.shift);
        loop {
            let slot = self.slots[at];
            if slot.key == key {
                return slot.weight;
            }
            if slot.key == 0 {
                return 0.0;
            }
            at = (at + 1) & mask;
        }
    }
}

/// The weights of the learned decisions, by feature key ([`FeatureKey`]).
#[derive(Debug, Default)]
pub(crate) struct Weights {
    by_feature: KeyTable,
    /// The decisions the file has features for (`cue`, `src`, `att`, `conf`).
    decisions: Vec<String>,
    /// Which of the rules' decisions ([`RULE_DECISIONS`]) are among `decisions`, a bit
    /// each: asked at every proposal, answered without comparing strings.
    covered: u8,
}

/// The decisions the rules ask [`Weights::covers`] about, by their bit in
/// [`Weights::covered`].
const RULE_DECISIONS: [&str; 4] = ["cue", "src", "att", "conf"];

/// The bits of [`RULE_DECISIONS`] among `decisions`.
fn covered_bits<'d>(decisions: impl Iterator<Item = &'d str>) -> u8 {
    let mut bits = 0;
    for d in decisions {
        if let Some(k) = RULE_DECISIONS.iter().position(|r| *r == d) {
            bits |= 1 << k;
        }
    }
    bits
}

/// Every key a rule may look the feature `name` up by: a name without `=` (a bias) as a
/// whole; else the template up to its first `=` (a template has no other) with the rest
/// as one value and, split at each `|` of the rest, as a pair.
fn keys_of(name: &str, mut push: impl FnMut(u64)) {
    // `=` and `|` are ASCII: their byte offsets are char boundaries
    let Some(at) = name.bytes().position(|b| b == b'=') else {
        push(FeatureKey::whole(name));
        return;
    };
    let template = fnv_extend(FNV_START, &name.as_bytes()[..=at]);
    let value = &name[at + 1..];
    push(FeatureKey::single(template, value));
    for (bar, _) in value.bytes().enumerate().filter(|&(_, b)| b == b'|') {
        push(FeatureKey::pair(template, &value[..bar], &value[bar + 1..]));
    }
}

impl Weights {
    /// Parses a weights file; the error names the first bad line.
    pub(crate) fn parse(data: &str) -> Result<Weights, String> {
        let mut entries: Vec<(u64, f32)> = Vec::new();
        // the file line of each entry, to tell one name's keys from another's
        let mut lines_of_entries: Vec<usize> = Vec::new();
        let mut decisions: Vec<String> = Vec::new();
        for (n, line) in data.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || {
                format!(
                    "line {}: expected `feature<TAB>weight`, got {line:?}",
                    n + 1
                )
            };
            // the tab and the colon are ASCII: their byte offsets are char boundaries
            let tab = line.bytes().position(|b| b == b'\t').ok_or_else(bad)?;
            let (name, weight) = (&line[..tab], &line[tab + 1..]);
            let weight: f32 = weight.trim().parse().map_err(|_| bad())?;
            let colon = name.bytes().position(|b| b == b':');
            let (Some(colon), false) = (colon, name.is_empty() || !weight.is_finite()) else {
                return Err(bad());
            };
            // the file lists one decision's features together: the last one first
            let decision = &name[..colon];
            if decisions.last().is_none_or(|d| d != decision)
                && !decisions.iter().any(|d| d == decision)
            {
                decisions.push(decision.to_string());
            }
            keys_of(name, |key| entries.push((key, weight)));
            lines_of_entries.resize(entries.len(), n + 1);
        }
        let by_feature =
            KeyTable::build(&entries, &lines_of_entries).map_err(|(line, other)| {
                format!(
                    "lines {} and {}: two feature names share one key",
                    line.min(other),
                    line.max(other)
                )
            })?;
        Ok(Weights {
            by_feature,
            covered: covered_bits(decisions.iter().map(String::as_str)),
            decisions,
        })
    }

    /// The weight of the feature named `name`, a name without `=` (a bias). (Inlined
    /// with [`FeatureKey::whole`]: a literal name's key is then computed at compile time.)
    #[inline(always)]
    pub(crate) fn get(&self, name: &str) -> f32 {
        // a name with `=` is keyed by template and value, never whole: it would miss
        debug_assert!(!name.contains('='), "{name} is not a bias");
        self.by_feature.get(FeatureKey::whole(name))
    }

    /// The weight of the feature whose key is `key` ([`FeatureKey`]).
    #[inline(always)]
    pub(crate) fn get_key(&self, key: u64) -> f32 {
        self.by_feature.get(key)
    }

    /// Does the file have features for `decision`? Without, the rules decide alone.
    /// (Inlined: the rules' decision is a literal, whose bit the compiler then finds.)
    #[inline(always)]
    pub(crate) fn covers(&self, decision: &str) -> bool {
        match RULE_DECISIONS.iter().position(|r| *r == decision) {
            Some(k) => self.covered & 1 << k != 0,
            None => self.decisions.iter().any(|d| d == decision),
        }
    }

    /// The weights of a table written at build time ([`Weights::to_rust`]): `slots`
    /// and `shift` as a parsed file's table has them, and its decisions.
    pub(crate) fn from_static(slots: &'static [Slot], shift: u32, decisions: &[&str]) -> Weights {
        // (a table written by `to_rust` has at least sixteen slots, a power of two; any
        // other is no table of keys)
        let by_feature = if slots.len() >= 2
            && slots.len().is_power_of_two()
            && shift == 64 - slots.len().trailing_zeros()
        {
            KeyTable {
                slots: std::borrow::Cow::Borrowed(slots),
                shift,
            }
        } else {
            KeyTable::default()
        };
        Weights {
            by_feature,
            decisions: decisions.iter().map(|d| d.to_string()).collect(),
            covered: covered_bits(decisions.iter().copied()),
        }
    }

    /// A Rust expression of these weights, for `build.rs`: a block with a static of the
    /// slots and a call of [`Weights::from_static`], the paths to `Slot` and `Weights`
    /// given by `module` (a path ending in `::`).
    #[allow(dead_code)] // called by build.rs, which includes this file
    pub(crate) fn to_rust(&self, module: &str) -> String {
        use std::fmt::Write;
        let slots = &self.by_feature.slots;
        let mut out = String::with_capacity(slots.len() * 40 + 256);
        let _ = writeln!(
            out,
            "{{\nconst E: {module}Slot = {module}Slot::new(0, 0);\n\
             static SLOTS: [{module}Slot; {}] = [",
            slots.len()
        );
        for slot in slots.iter() {
            if slot.key == 0 && slot.weight.to_bits() == 0 {
                out.push_str("E,\n");
            } else {
                let _ = writeln!(
                    out,
                    "{module}Slot::new({:#x}, {:#x}),",
                    slot.key,
                    slot.weight.to_bits()
                );
            }
        }
        let _ = writeln!(
            out,
            "];\n{module}Weights::from_static(&SLOTS, {}, &{:?})\n}}",
            self.by_feature.shift, self.decisions
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses() {
        assert!(Weights::parse(include_str!("linking_weights.txt")).is_ok());
    }

    /// The table `build.rs` wrote is the one the shipped file parses into.
    #[test]
    fn the_built_table_is_the_parsed_file() {
        let parsed = Weights::parse(include_str!("linking_weights.txt")).unwrap();
        let built = &*super::super::LINKING_WEIGHTS;
        assert_eq!(built.by_feature.shift, parsed.by_feature.shift);
        assert_eq!(built.decisions, parsed.decisions);
        assert!(built.by_feature.slots[..] == parsed.by_feature.slots[..]);
        assert!(matches!(
            built.by_feature.slots,
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// Two names on different lines with one key are refused; the same name twice
    /// (which also gives one key twice) is refused too, since its lines differ.
    #[test]
    fn names_that_share_a_key_are_refused() {
        let twice = Weights::parse("cue:lemma=say\t1\ncue:lemma=say\t2\n").unwrap_err();
        assert!(twice.contains("lines 1 and 2"), "{twice}");
        // a pair name gives its key as one value and as a pair: one feature, accepted
        assert!(Weights::parse("src:a=b|c|d\t1\n").is_ok());
    }

    #[test]
    fn a_name_is_looked_up_in_parts() {
        let w = Weights::parse("# header\ncue:lemma=say\t1.5\nconf:bias\t-0.25\n").unwrap();
        let lemma = fnv_extend(FNV_START, b"cue:lemma=");
        assert_eq!(w.get_key(FeatureKey::single(lemma, "say")), 1.5);
        assert_eq!(w.get("conf:bias"), -0.25);
        assert_eq!(w.get_key(FeatureKey::single(lemma, "tell")), 0.0);
        assert!(w.covers("cue") && w.covers("conf") && !w.covers("source"));
    }

    /// A rule's template and values find the weight of the name they spell, whatever
    /// `=` and `|` the values hold, and no other weight.
    #[test]
    fn keys_find_the_name_they_spell() {
        let names = [
            "cue:prev==",
            "cue:prev=|",
            "cue:lemma-next=say|=",
            "conf:cue-gap=cue-first|<=12",
            "src:a=b|c|d",
            "src:a=b||",
            "att:side-cue=before|say",
            "cue:form=longer-than-eight-bytes|and-this-one-too",
        ];
        let file: String = names
            .iter()
            .enumerate()
            .map(|(n, name)| format!("{name}\t{}\n", n + 1))
            .collect();
        let w = Weights::parse(&file).unwrap();
        let templates = [
            "cue:prev=",
            "cue:lemma-next=",
            "conf:cue-gap=",
            "src:a=",
            "att:side-cue=",
            "cue:form=",
        ];
        let values = [
            "",
            "=",
            "|",
            "say",
            "say|=",
            "cue-first",
            "<=12",
            "cue-first|<=12",
            "b",
            "c",
            "d",
            "b|c",
            "c|d",
            "b|c|d",
            "|",
            "b|",
            "before",
            "say|",
            "longer-than-eight-bytes",
            "and-this-one-too",
        ];
        let weight_of = |name: &str| {
            names
                .iter()
                .position(|n| *n == name)
                .map_or(0.0, |n| (n + 1) as f32)
        };
        for t in templates {
            let hash = fnv_extend(FNV_START, t.as_bytes());
            for v in values {
                let single = w.get_key(FeatureKey::single(hash, v));
                assert_eq!(single, weight_of(&format!("{t}{v}")), "{t}{v}");
                for v2 in values {
                    let pair = w.get_key(FeatureKey::pair(hash, v, v2));
                    assert_eq!(pair, weight_of(&format!("{t}{v}|{v2}")), "{t}{v}|{v2}");
                }
            }
        }
        assert_eq!(w.get("cue:bias"), 0.0);
    }

    /// The compile-time hash of a value is its run-time hash, whatever its length.
    #[test]
    fn a_value_hashes_alike_at_compile_time() {
        for value in [
            "",
            "a",
            "to",
            "the",
            "that",
            "comma",
            "pronoun",
            "reporting",
            "semicolon",
            "sixteen-byte-val",
            "seventeen-byte-va",
            "é",
            "«»",
        ] {
            assert_eq!(
                FeatureKey::value_const(value),
                FeatureKey::value(value),
                "{value}"
            );
        }
    }

    /// Weights of no file (the default) and a table that is none weigh every feature 0
    /// and cover no decision.
    #[test]
    fn empty_weights_weigh_nothing() {
        let lemma = fnv_extend(FNV_START, b"cue:lemma=");
        for w in [
            Weights::default(),
            Weights::from_static(&[], 7, &[]),
            Weights::parse("# nothing\n").unwrap(),
        ] {
            assert_eq!(w.get_key(FeatureKey::single(lemma, "say")), 0.0);
            assert_eq!(w.get("cue:bias"), 0.0);
            assert!(!w.covers("cue") && !w.covers("conf") && !w.covers("other"));
        }
        let w = Weights::parse("src:bias\t1\nother:bias\t2\n").unwrap();
        assert!(w.covers("src") && w.covers("other") && !w.covers("att"));
    }

    #[test]
    fn bad_lines_are_refused() {
        assert!(Weights::parse("cue:lemma=say 1.5").is_err());
        assert!(Weights::parse("cue:lemma=say\tmany").is_err());
        assert!(Weights::parse("nodecision\t1").is_err());
        assert!(Weights::parse("cue:x\tNaN").is_err());
    }
}
