//! The crate's one error type, returned only by builders.

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
    /// A name read with `FromStr` is not the name of any value of the type
    /// (`"quoted".parse::<AttributionKind>()`).
    UnknownName,
}

text_names! {
    /// Lowercase name (`invalid-setting`, `invalid-lexicon-entry`, `invalid-pattern`,
    /// `unknown-name`).
    ///
    /// ```
    /// assert_eq!(whosaid::ErrorKind::InvalidPattern.name(), "invalid-pattern");
    /// ```
    ErrorKind {
        InvalidSetting => "invalid-setting",
        InvalidLexiconEntry => "invalid-lexicon-entry",
        InvalidPattern => "invalid-pattern",
        UnknownName => "unknown-name",
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
