//! # whosaid
//!
//! Who said what in news text: paragraphs, sentences, quotations (direct, mixed,
//! partial) and reported speech (indirect), each with its speaker (the mention in the
//! text and the entity it refers to), cue, addressee, medium, confidence and the name of
//! the rule that decided. Rules and word lists only: no model, no network.
//!
//! ```
//! let text = "“We will not retreat,” the mayor said. Ana Ruiz told Reuters that the deal was dead.";
//! let doc = whosaid::analyze(text);
//!
//! let first = &doc.attributions[0];
//! assert_eq!(first.kind, whosaid::AttributionKind::Direct);
//! assert_eq!(first.content.text(text), "“We will not retreat,”");
//! assert_eq!(doc.speaker_of(first).unwrap().name, "the mayor");
//! assert_eq!(first.cue.unwrap().text(text), "said");
//!
//! let second = &doc.attributions[1];
//! assert_eq!(second.kind, whosaid::AttributionKind::Indirect);
//! assert_eq!(second.content.text(text), "that the deal was dead");
//! assert_eq!(second.medium.unwrap().text(text), "Reuters");
//! ```
//!
//! ## The pipeline
//!
//! [`analyze`] (or [`Analyzer::analyze`]) runs four stages over one `&str` and returns
//! a [`Document`] that borrows from it:
//!
//! 1. [`paragraphs`] and a [`Segmenter`] split the text; quotations stay inside one
//!    sentence ([`QuotePolicy::Keep`]).
//! 2. A [`QuoteDetector`] finds every [`Quote`] of every mark convention ([`MarkStyle`]),
//!    nested, split by an attribution or running over paragraphs, and gives it a
//!    [`QuoteKind`]: speech, a partial fragment, or not speech (a title, a name, a scare
//!    quote).
//! 3. The [`attribution`] rules find the cues of each sentence and link each quotation
//!    or reported clause to a speaker [`Mention`], giving an [`Attribution`] of some
//!    [`AttributionKind`], decided by a named [`Rule`].
//! 4. Speaker mentions are clustered into [`Speaker`] entities, each named by its
//!    fullest proper name (`President Elena Varga`, `Varga`, `the president` and `she`
//!    become `Elena Varga`).
//!
//! Each stage can be used on its own: [`sentences`], [`QuoteDetector::quotes`].
//!
//! ## Spans
//!
//! Every position is a [`Span`] of UTF-8 byte offsets into the analysed text, end
//! exclusive; `span.text(text)` gives the slice. [`OffsetConverter`] turns byte offsets
//! into character or UTF-16 offsets for other tools. [`Document::to_owned_document`]
//! gives an [`OwnedDocument`] that outlives the text (and, with the `serde` feature,
//! serialises both ways).
//!
//! ## Configuration
//!
//! [`Analyzer::builder`], [`Segmenter::builder`] and [`QuoteDetector::builder`] set
//! abbreviations, quotation-mark conventions and limits; `build()` is the only fallible
//! step and returns an [`Error`]. The built values are cheap to clone and `Send + Sync`.
//!
//! ## Features
//!
//! * `serde` (default): [`Document`] serialises to its JSON record ([`Document::record`]:
//!   attributions with their quoted parts, speakers, sentences, paragraphs), and
//!   [`OwnedDocument`] reads the same record back, checked. The parts (`Quote`,
//!   `Sentence`, …) serialise field by field.
//!
//! The forms handled and their limits are described in `RULES.md` in the repository;
//! `cargo run --release -p whosaid-cli -- annotate examples/data/summit.txt` shows the
//! analysis of a sample article with the `whosaid` command.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[macro_use]
mod names;

mod analyzer;
pub mod attribution;
mod error;
mod input;
mod lexicon;
pub mod quote;
#[cfg(feature = "serde")]
mod record;
pub mod sentence;
mod span;

pub use analyzer::{
    Analyzer, AnalyzerBuilder, Document, OwnedAttribution, OwnedDocument, OwnedSpeaker, Workspace,
    analyze,
};
pub use attribution::{
    Attribution, AttributionKind, EntityKind, Gender, Mention, MentionKind, Mode, Rule, Speaker,
};
pub use error::{Error, ErrorKind};
pub use quote::{
    MarkStyle, Quote, QuoteDetector, QuoteDetectorBuilder, QuoteKind, Quotes, SingleMarks,
};
#[cfg(feature = "serde")]
pub use record::Record;
pub use sentence::{
    Paragraph, Paragraphs, QuotePolicy, Segmenter, SegmenterBuilder, Sentence, Sentences,
    paragraphs, sentences,
};
pub use span::{OffsetConverter, Offsets, Span};

/// Hooks for `examples/train.rs`, which fits the learned decisions with the code users
/// run: not a stable API.
#[doc(hidden)]
pub mod training {
    pub use crate::attribution::Proposal;
    use crate::{Analyzer, Document};

    /// Analyses `text` and returns every proposal of the learned decisions (cue-sense
    /// candidates, attributions) with its features and score.
    pub fn propose<'t>(analyzer: &Analyzer, text: &'t str) -> (Document<'t>, Vec<Proposal>) {
        crate::attribution::recording(|| analyzer.analyze(text))
    }
}

/// Hooks for the fuzz targets, compiled only under `cargo fuzz` (`--cfg fuzzing`): not
/// part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// [`crate::analyze`] with attribution windows of `window` bytes instead of 64 KiB.
    pub fn analyze_in_windows(text: &str, window: usize) -> crate::Document<'_> {
        crate::analyzer::analyze_in_windows(text, window)
    }
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
