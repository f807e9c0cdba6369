//! # whosaid
//!
//! Who said what in news text.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod lexicon;
pub mod sentence;
mod span;

pub use error::{Error, ErrorKind};
pub use sentence::{
    Paragraph, Paragraphs, QuotePolicy, Segmenter, SegmenterBuilder, Sentence, Sentences, paragraphs,
    sentences,
};
pub use span::{OffsetConverter, Span};
