//! # whosaid
//!
//! Who said what in news text.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analyzer;
pub mod attribution;
mod error;
mod lexicon;
pub mod quote;
pub mod sentence;
mod span;

pub use analyzer::{
    Analyzer, AnalyzerBuilder, Document, OwnedDocument, OwnedQuote, OwnedSentence, OwnedSpeaker, analyze,
};
pub use attribution::{Attribution, AttributionKind, EntityKind, Mention, MentionKind, Rule, Speaker};
pub use error::{Error, ErrorKind};
pub use quote::{MarkStyle, Quote, QuoteDetector, QuoteDetectorBuilder, QuoteKind, Quotes};
pub use sentence::{
    Paragraph, Paragraphs, QuotePolicy, Segmenter, SegmenterBuilder, Sentence, Sentences, paragraphs,
    sentences,
};
pub use span::{OffsetConverter, Span};
