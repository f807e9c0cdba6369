//! Quotation-mark conventions, read from `lexicon/quote_marks.txt`.

use once_cell::sync::Lazy;

use crate::lexicon;

/// A quotation-mark convention.
///
/// ```
/// use whosaid::{MarkStyle, QuoteDetector};
/// let q = QuoteDetector::new().quotes("Er sagte: „Wir kommen.“").next().unwrap();
/// assert_eq!(q.marks, MarkStyle::GermanDouble);
/// assert_eq!(MarkStyle::GermanDouble.name(), "german-double");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum MarkStyle {
    /// `“…”`
    CurlyDouble,
    /// `‘…’`
    CurlySingle,
    /// `"…"`
    AsciiDouble,
    /// `'…'`
    AsciiSingle,
    /// `«…»`
    Guillemets,
    /// `»…«`
    ReversedGuillemets,
    /// `„…“`
    GermanDouble,
    /// `‚…‘`
    GermanSingle,
    /// `”…”`
    Swedish,
    /// `「…」`
    CornerBrackets,
    /// `『…』`
    WhiteCornerBrackets,
    /// `''…''`: two apostrophes used as a double mark (newspaper archives).
    DoubledApostrophe,
    /// ``` ``…'' ```: two backticks opening, two apostrophes closing.
    Backticks,
}

impl MarkStyle {
    /// Every convention whosaid knows.
    ///
    /// ```
    /// assert!(whosaid::MarkStyle::ALL.contains(&whosaid::MarkStyle::Swedish));
    /// ```
    pub const ALL: [MarkStyle; 13] = [
        MarkStyle::CurlyDouble,
        MarkStyle::CurlySingle,
        MarkStyle::AsciiDouble,
        MarkStyle::AsciiSingle,
        MarkStyle::Guillemets,
        MarkStyle::ReversedGuillemets,
        MarkStyle::GermanDouble,
        MarkStyle::GermanSingle,
        MarkStyle::Swedish,
        MarkStyle::CornerBrackets,
        MarkStyle::WhiteCornerBrackets,
        MarkStyle::DoubledApostrophe,
        MarkStyle::Backticks,
    ];

    fn from_name(name: &str) -> Option<MarkStyle> {
        MarkStyle::ALL.into_iter().find(|s| s.name() == name)
    }

    /// True for single-mark conventions (`‘…’`, `'…'`, `‚…‘`), whose marks double as
    /// apostrophes.
    ///
    /// ```
    /// assert!(whosaid::MarkStyle::CurlySingle.is_single());
    /// assert!(!whosaid::MarkStyle::CurlyDouble.is_single());
    /// ```
    pub fn is_single(self) -> bool {
        matches!(
            self,
            MarkStyle::CurlySingle | MarkStyle::AsciiSingle | MarkStyle::GermanSingle
        )
    }
}

text_names! {
    /// The convention's name as written in the mark table (`curly-double`, …).
    ///
    /// ```
    /// assert_eq!(whosaid::MarkStyle::Backticks.name(), "backticks");
    /// ```
    MarkStyle {
        CurlyDouble => "curly-double",
        CurlySingle => "curly-single",
        AsciiDouble => "ascii-double",
        AsciiSingle => "ascii-single",
        Guillemets => "guillemets",
        ReversedGuillemets => "reversed-guillemets",
        GermanDouble => "german-double",
        GermanSingle => "german-single",
        Swedish => "swedish",
        CornerBrackets => "corner-brackets",
        WhiteCornerBrackets => "white-corner-brackets",
        DoubledApostrophe => "doubled-apostrophe",
        Backticks => "backticks",
    }
}

/// One row of the mark table.
#[derive(Debug, Clone)]
pub(crate) struct MarkPair {
    pub style: MarkStyle,
    pub open: &'static str,
    pub close: Vec<&'static str>,
}

impl MarkPair {
    /// Opening and closing marks are the same (`"…"`, `”…”`, `''…''`): the role of such a
    /// mark comes from its neighbours.
    pub fn symmetric(&self) -> bool {
        self.close.contains(&self.open)
    }
}

/// The mark table, from `lexicon/quote_marks.txt`.
pub(crate) static MARK_PAIRS: Lazy<Vec<MarkPair>> = Lazy::new(|| {
    lexicon::entries(lexicon::QUOTE_MARKS)
        .filter_map(|line| {
            let mut cols = line.split(' ');
            let open = cols.next()?;
            let close = cols.next()?.split('|').collect();
            let style = MarkStyle::from_name(cols.next()?)?;
            Some(MarkPair { style, open, close })
        })
        .collect()
});

pub(crate) fn pair(style: MarkStyle) -> &'static MarkPair {
    MARK_PAIRS
        .iter()
        .find(|p| p.style == style)
        .expect("every style has a row in quote_marks.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_every_style() {
        assert_eq!(MARK_PAIRS.len(), MarkStyle::ALL.len());
        for s in MarkStyle::ALL {
            let _ = pair(s);
        }
        assert!(pair(MarkStyle::AsciiDouble).symmetric());
        assert!(!pair(MarkStyle::GermanDouble).symmetric());
    }
}
