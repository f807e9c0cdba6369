//! The learned decisions: which weights score them, and the training hooks.
//!
//! The rules propose (every reporting-verb occurrence, every attribution) and describe
//! each proposal with named features; a linear model over those features decides
//! (`cue_sense.rs`) or gives the confidence (`confidence.rs`). The weights are data
//! (`lexicon/linking_weights.txt`, fitted by `examples/train.rs`). An analyzer built with
//! other weights (`AnalyzerBuilder::linking_weights`) hands them to the stage for the
//! length of one `analyze` call through [`with_weights`]; the trainer asks the stage to
//! record every proposal's features through [`recording`].

use std::cell::RefCell;
use std::sync::Arc;

use crate::lexicon::{FNV_START, FeatureKey, LINKING_WEIGHTS, Weights, fnv_extend};
use crate::span::Span;

/// One proposal and its features, as the trainer sees it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Proposal {
    /// The decision proposed: `cue` (is a reporting-verb occurrence a reporting act),
    /// `att` (does the cue on this side govern a quotation), `src` (is a noun phrase a
    /// cue's speaker) or `conf` (is an attribution right).
    pub decision: &'static str,
    /// The cue word (`cue`), the quotation (`att`), the candidate speaker (`src`) or the
    /// attribution's content (`conf`).
    pub span: Span,
    /// The cue the proposal is about (`att`, `src` and `conf` proposals).
    pub cue: Option<Span>,
    /// Feature names, `decision:template=value`.
    pub features: Vec<String>,
    /// The weight of each feature in use (parallel to `features`; 0 for a feature the
    /// weights do not list): what `explain` ranks.
    pub weights: Vec<f32>,
    /// The model's score (log-odds) with the weights in use.
    pub score: f32,
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Weights>>> = const { RefCell::new(None) };
    static RECORDED: RefCell<Option<Vec<Proposal>>> = const { RefCell::new(None) };
}

/// Puts the thread's previous value back when dropped (also when `f` unwinds).
struct Restore(Option<Arc<Weights>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

/// Runs `f` with `weights` as the stage's weights on this thread (`None`: the shipped
/// ones).
pub(crate) fn with_weights<R>(weights: Option<&Arc<Weights>>, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), weights.cloned()));
    let _restore = Restore(previous);
    f()
}

/// The weights in use on this thread.
pub(super) fn current_weights() -> Arc<Weights> {
    CURRENT
        .with(|c| c.borrow().clone())
        .unwrap_or_else(|| Arc::clone(&LINKING_WEIGHTS))
}

/// Runs `f` recording every proposal's features; returns them with `f`'s result.
pub(crate) fn recording<R>(f: impl FnOnce() -> R) -> (R, Vec<Proposal>) {
    RECORDED.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = f();
    let proposals = RECORDED.with(|r| r.borrow_mut().take()).unwrap_or_default();
    (out, proposals)
}

/// Is a recording on? (Asked once per window: the features are then also spelled out.)
pub(super) fn is_recording() -> bool {
    RECORDED.with(|r| r.borrow().is_some())
}

/// Adds one proposal to the recording, if any.
pub(super) fn record(proposal: Proposal) {
    RECORDED.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(proposal);
        }
    });
}

/// A feature template: its name up to the value (`cue:lemma=`, whose only `=` ends it)
/// and that name's hash, computed at compile time. The weights file's names are split
/// for lookup at their first `=` (`lexicon::FeatureKey`), which is why a template holds
/// one `=`, at its end.
#[derive(Clone, Copy)]
pub(super) struct Template {
    name: &'static str,
    hash: u64,
}

impl Template {
    pub(super) const fn new(name: &'static str) -> Template {
        let bytes = name.as_bytes();
        assert!(
            !bytes.is_empty() && bytes[bytes.len() - 1] == b'=',
            "a template ends with `=`"
        );
        let mut i = 0;
        while i + 1 < bytes.len() {
            assert!(bytes[i] != b'=', "a template has no `=` before its end");
            i += 1;
        }
        Template {
            name,
            hash: fnv_extend(FNV_START, name.as_bytes()),
        }
    }
}

/// A feature value with its hash ([`FeatureKey::value`]), for a value that goes in
/// several features (a cue's lemma, a neighbour's class): its bytes are hashed once.
#[derive(Clone, Copy)]
pub(super) struct FeatureValue<'v> {
    text: &'v str,
    hash: u64,
}

impl<'v> FeatureValue<'v> {
    #[inline(always)]
    pub(super) fn new(text: &'v str) -> FeatureValue<'v> {
        FeatureValue {
            text,
            hash: FeatureKey::value(text),
        }
    }
}

impl FeatureValue<'static> {
    /// A value hashed at compile time, in a `const { … }` (a word class, a mark).
    pub(super) const fn constant(text: &'static str) -> FeatureValue<'static> {
        FeatureValue {
            text,
            hash: FeatureKey::value_const(text),
        }
    }
}

/// The value of a position out of the sentence (no word before or after).
pub(super) const EDGE: FeatureValue<'static> = FeatureValue::constant("edge");

impl<'v> From<&'v str> for FeatureValue<'v> {
    #[inline(always)]
    fn from(text: &'v str) -> FeatureValue<'v> {
        FeatureValue::new(text)
    }
}

/// Sums the weights of a proposal's features, and spells the names out when recording.
pub(super) struct Scorer<'w> {
    weights: &'w Weights,
    pub(super) score: f32,
    names: Option<Vec<String>>,
    seen: Vec<f32>,
}

impl<'w> Scorer<'w> {
    /// Starts with the bias, feature `bias` of the template (`cue:bias=`'s name less
    /// the `=`). (Inlined: `bias` is a literal at every call, whose key the compiler
    /// then computes once, not at each proposal.)
    #[inline(always)]
    pub(super) fn new(weights: &'w Weights, bias: &'static str, record: bool) -> Self {
        let score = weights.get(bias);
        Scorer {
            weights,
            score,
            names: record.then(|| vec![bias.to_string()]),
            seen: if record { vec![score] } else { Vec::new() },
        }
    }

    /// Feature `template` + `value`, a `&str` or a [`FeatureValue`] hashed once for several
    /// features. (Inlined at every rule's call: the key and the lookup are a few
    /// instructions, a call's saving of registers as many.)
    #[inline(always)]
    pub(super) fn add<'v>(&mut self, template: Template, value: impl Into<FeatureValue<'v>>) {
        let value = value.into();
        let w = self
            .weights
            .get_key(FeatureKey::single_hashed(template.hash, value.hash));
        self.score += w;
        if self.names.is_some() {
            self.spell(w, format_args!("{}{}", template.name, value.text));
        }
    }

    /// Feature `template` + `first|second` (a conjunction).
    #[inline(always)]
    pub(super) fn add2<'v, 'u>(
        &mut self,
        template: Template,
        first: impl Into<FeatureValue<'v>>,
        second: impl Into<FeatureValue<'u>>,
    ) {
        let (first, second) = (first.into(), second.into());
        let w = self.weights.get_key(FeatureKey::pair_hashed(
            template.hash,
            first.hash,
            second.hash,
        ));
        self.score += w;
        if self.names.is_some() {
            self.spell(
                w,
                format_args!("{}{}|{}", template.name, first.text, second.text),
            );
        }
    }

    /// Records a feature's name and weight (when recording: out of the scoring path).
    #[cold]
    #[inline(never)]
    fn spell(&mut self, weight: f32, name: std::fmt::Arguments<'_>) {
        if let Some(n) = self.names.as_mut() {
            n.push(name.to_string());
            self.seen.push(weight);
        }
    }

    /// The feature names, when recording.
    pub(super) fn take_names(&mut self) -> Vec<String> {
        self.names.take().unwrap_or_default()
    }

    /// The weight of each named feature, when recording.
    pub(super) fn take_weights(&mut self) -> Vec<f32> {
        std::mem::take(&mut self.seen)
    }
}

/// The logistic function: log-odds to probability.
pub(super) fn probability(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}

/// A count as a feature value: exact up to 2, then coarser ranges, so that distances
/// and lengths generalise instead of naming every number.
pub(super) fn bucket(n: usize) -> FeatureValue<'static> {
    match n {
        0 => const { FeatureValue::constant("0") },
        1 => const { FeatureValue::constant("1") },
        2 => const { FeatureValue::constant("2") },
        3..=5 => const { FeatureValue::constant("3-5") },
        6..=10 => const { FeatureValue::constant("6-10") },
        _ => const { FeatureValue::constant(">10") },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value hashed once ([`FeatureValue`]) and a plain `&str` find the same weight,
    /// the one the weights file gives the name they spell, alone or in a pair.
    #[test]
    fn hashed_values_find_the_weight_of_the_name_they_spell() {
        let weights = Weights::parse(
            "# a test file\ntest:bias\t0.5\ntest:lemma=say\t1.25\ntest:pair=say|after\t-2\n",
        )
        .unwrap();
        const LEMMA: Template = Template::new("test:lemma=");
        const PAIR: Template = Template::new("test:pair=");
        let say = FeatureValue::new("say");
        let mut plain = Scorer::new(&weights, "test:bias", false);
        plain.add(LEMMA, "say");
        plain.add2(PAIR, "say", "after");
        let mut hashed = Scorer::new(&weights, "test:bias", false);
        hashed.add(LEMMA, say);
        hashed.add2(PAIR, say, FeatureValue::new("after"));
        assert_eq!(plain.score, 0.5 + 1.25 - 2.0);
        assert_eq!(hashed.score, plain.score);
        // the pair's order matters, and a value the file lacks adds nothing
        let mut swapped = Scorer::new(&weights, "test:bias", false);
        swapped.add2(PAIR, "after", say);
        swapped.add(LEMMA, "tell");
        assert_eq!(swapped.score, 0.5);
    }
}
