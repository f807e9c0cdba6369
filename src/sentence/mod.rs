//! Paragraphs and sentences.
//!
//! [`paragraphs`] cuts a text at blank lines and at single line breaks that end a line
//! (headlines, datelines, one-line paragraphs); [`Segmenter`] splits each paragraph into
//! [`Sentence`]s with rules for titles, abbreviations, initials, numbers, ellipses, lists,
//! footnote markers and quotations.
//!
//! ```
//! let text = "Leaders Meet\n\nWASHINGTON (AP) — Sen. Ana Ruiz (D-Calif.) spoke at 10 a.m. \
//!             The U.S. economy grew 2.5 percent. “Why now?” she asked.";
//! let sentences: Vec<&str> = whosaid::sentences(text).map(|s| s.text).collect();
//! assert_eq!(sentences, [
//!     "Leaders Meet",
//!     "WASHINGTON (AP) — Sen. Ana Ruiz (D-Calif.) spoke at 10 a.m.",
//!     "The U.S. economy grew 2.5 percent.",
//!     "“Why now?” she asked.",
//! ]);
//! ```

mod lists;
mod paragraph;
mod quotes;
pub(crate) mod scan;
mod segmenter;
mod words;

pub use paragraph::{Paragraph, Paragraphs, paragraphs};
pub use segmenter::{QuotePolicy, Segmenter, SegmenterBuilder, Sentence, Sentences, sentences};
