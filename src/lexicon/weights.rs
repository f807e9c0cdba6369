//! Learned weights of the attribution decisions, as data: `linking_weights.txt` beside
//! the word lists, or a file of the same format given to
//! `AnalyzerBuilder::linking_weights`.
//!
//! Format: `#` comment lines (the header says what produced the file), then one
//! `feature<TAB>weight` line per feature. A feature is `decision:template=value`
//! (`cue:lemma=say`, `cue:prev=pronoun`, `conf:rule=quote-speaker-cue`); the decisions
//! are `cue` (is this reporting-verb occurrence a cue here?), `src` (is this candidate
//! noun phrase the cue's speaker?), `att` (does this cue govern the quotation?) and
//! `conf` (is this attribution right?). A feature the file does not list weighs 0. Names are hashed
//! (FNV-1a over the bytes of `decision:template=value`), so that scoring a candidate
//! builds no string.

use std::collections::HashMap;

use super::Fnv;

/// The keys are FNV-1a hashes already: the map uses them as they are.
#[derive(Default)]
pub(crate) struct HashedKey(u64);

impl std::hash::Hasher for HashedKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = Fnv::default();
        h.write(bytes);
        self.0 = h.finish();
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashedMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<HashedKey>>;

/// The FNV-1a state before any byte.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a state `h` extended by `bytes` (a `const fn`: a feature's fixed prefix is hashed
/// at compile time).
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

/// The weights of the learned decisions, by hashed feature name.
#[derive(Debug, Default)]
pub(crate) struct Weights {
    by_feature: HashedMap<f32>,
    /// The decisions the file has features for (`cue`, `src`, `att`, `conf`).
    decisions: Vec<String>,
}

/// FNV-1a of the concatenated parts, in one pass and without building the string.
#[inline]
pub(crate) fn feature_hash(parts: &[&str]) -> u64 {
    parts
        .iter()
        .fold(FNV_START, |h, p| fnv_extend(h, p.as_bytes()))
}

impl Weights {
    /// Parses a weights file; the error names the first bad line.
    pub(crate) fn parse(data: &str) -> Result<Weights, String> {
        let mut by_feature = HashedMap::default();
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
            let (name, weight) = line.split_once('\t').ok_or_else(bad)?;
            let weight: f32 = weight.trim().parse().map_err(|_| bad())?;
            if name.is_empty() || !name.contains(':') || !weight.is_finite() {
                return Err(bad());
            }
            let decision = name.split(':').next().unwrap_or("");
            if !decisions.iter().any(|d| d == decision) {
                decisions.push(decision.to_string());
            }
            by_feature.insert(feature_hash(&[name]), weight);
        }
        Ok(Weights {
            by_feature,
            decisions,
        })
    }

    /// The weight of the feature whose name is the concatenation of `parts`.
    #[inline]
    pub(crate) fn get(&self, parts: &[&str]) -> f32 {
        self.by_feature
            .get(&feature_hash(parts))
            .copied()
            .unwrap_or(0.0)
    }

    /// The weight of the feature whose name hashes to `hash` ([`fnv_extend`]).
    #[inline]
    pub(crate) fn get_hashed(&self, hash: u64) -> f32 {
        self.by_feature.get(&hash).copied().unwrap_or(0.0)
    }

    /// Does the file have features for `decision`? Without, the rules decide alone.
    pub(crate) fn covers(&self, decision: &str) -> bool {
        self.decisions.iter().any(|d| d == decision)
    }
}

/// The shipped weights (`linking_weights.txt`), fitted on all of PolNeAR train.
pub(crate) static LINKING_WEIGHTS: once_cell::sync::Lazy<std::sync::Arc<Weights>> =
    once_cell::sync::Lazy::new(|| {
        std::sync::Arc::new(Weights::parse(include_str!("linking_weights.txt")).unwrap_or_default())
    });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_parses() {
        assert!(Weights::parse(include_str!("linking_weights.txt")).is_ok());
    }

    #[test]
    fn a_name_is_looked_up_in_parts() {
        let w = Weights::parse("# header\ncue:lemma=say\t1.5\nconf:bias\t-0.25\n").unwrap();
        assert_eq!(w.get(&["cue:", "lemma=", "say"]), 1.5);
        assert_eq!(w.get(&["conf:bias"]), -0.25);
        assert_eq!(w.get(&["cue:lemma=tell"]), 0.0);
        assert!(w.covers("cue") && w.covers("conf") && !w.covers("source"));
    }

    #[test]
    fn bad_lines_are_refused() {
        assert!(Weights::parse("cue:lemma=say 1.5").is_err());
        assert!(Weights::parse("cue:lemma=say\tmany").is_err());
        assert!(Weights::parse("nodecision\t1").is_err());
        assert!(Weights::parse("cue:x\tNaN").is_err());
    }
}
