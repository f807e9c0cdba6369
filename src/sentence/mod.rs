//! Paragraphs and sentences.
//!
//! [`paragraphs`] cuts a text at blank lines and at single line breaks that end a line
//! (headlines, datelines, one-line paragraphs); [`Segmenter`] splits each paragraph into
//! [`Sentence`]s with rules for titles, abbreviations, initials, numbers, ellipses, lists,
//! footnote markers and quotations.

mod lists;
mod paragraph;
mod quotes;
mod scan;
mod segmenter;
mod words;

pub use paragraph::{Paragraph, Paragraphs, paragraphs};
pub use segmenter::{QuotePolicy, Segmenter, SegmenterBuilder, Sentence, Sentences, sentences};
