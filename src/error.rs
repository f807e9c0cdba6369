//! The crate's one error type, returned only by builders.

use std::fmt;

/// What went wrong when building an engine.
///
/// ```
/// use whosaid::{ErrorKind, QuoteDetector};
/// let err = QuoteDetector::builder().max_length(0).build().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidSetting);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A builder setting is out of range or contradictory (zero length, empty mark set).
    InvalidSetting,
    /// A word-list entry given to a builder is not usable (empty, contains whitespace).
    InvalidLexiconEntry,
    /// A pattern given to a builder is not a valid regular expression.
    InvalidPattern,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::InvalidSetting => "invalid setting",
            ErrorKind::InvalidLexiconEntry => "invalid lexicon entry",
            ErrorKind::InvalidPattern => "invalid pattern",
        })
    }
}

/// The error a builder's `build()` returns; analysis itself never fails.
///
/// ```
/// use whosaid::Segmenter;
/// let err = Segmenter::builder().add_abbreviation("two words").build().unwrap_err();
/// assert!(err.to_string().contains("two words"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The kind of error.
    ///
    /// ```
    /// use whosaid::{ErrorKind, Segmenter};
    /// let err = Segmenter::builder().add_abbreviation("").build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidLexiconEntry);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}
