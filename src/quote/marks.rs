//! Quotation-mark conventions, read from `lexicon/quote_marks.txt`.

use once_cell::sync::Lazy;

use crate::lexicon;
use crate::sentence::scan::{find_any_or_non_ascii, utf8_width};

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

/// The marks the quotation detector reads, each a small number (its index here): what
/// the detector's `mark_at` gives, so that the mark table is asked with a bit test, not
/// string comparisons.
pub(crate) const MARKS: [&str; 16] = [
    "'", "''", "``", "\"", "“", "”", "‘", "’", "«", "»", "„", "‚", "「", "」", "『", "』",
];

/// The number of `mark` in [`MARKS`], if it is one.
pub(crate) fn mark_id(mark: &str) -> Option<u8> {
    MARKS
        .iter()
        .position(|&m| m == mark)
        .and_then(|k| u8::try_from(k).ok())
}

/// A row of the mark table with its marks as numbers of [`MARKS`] (a mark of the table
/// that is not there is one the detector never reads, and matches nothing).
#[derive(Debug)]
pub(crate) struct PairInfo {
    /// The opening mark's number.
    pub open: Option<u8>,
    /// A bit for the number of each closing mark.
    pub closes: u16,
    /// [`MarkPair::symmetric`].
    pub symmetric: bool,
}

/// [`PairInfo`] of each style, in the order of [`MarkStyle::ALL`].
static PAIR_INFO: Lazy<Vec<PairInfo>> = Lazy::new(|| {
    MarkStyle::ALL
        .iter()
        .map(|&style| {
            let pair = MARK_PAIRS
                .iter()
                .find(|p| p.style == style)
                .expect("every style has a row in quote_marks.txt");
            PairInfo {
                open: mark_id(pair.open),
                closes: pair
                    .close
                    .iter()
                    .filter_map(|c| mark_id(c))
                    .fold(0, |bits, k| bits | 1 << k),
                symmetric: pair.symmetric(),
            }
        })
        .collect()
});

/// The row of `style` with its marks as numbers.
#[inline]
pub(crate) fn pair_info(style: MarkStyle) -> &'static PairInfo {
    &PAIR_INFO[style as usize]
}

/// The bytes of a text that may be quotation marks, one bit a byte: each `"`, `'` and
/// `` ` `` byte (a run of apostrophes has a bit a byte) and the first byte of each `“ ”
/// ‘ ’ « » „ ‚ 「 」 『 』`. Found in one pass over the text ([`MarkSet::fill`]): the
/// quotation detector (its scan and its choice of single marks) and the sentence
/// splitter (its closed quotations) read the set instead of each scanning the text
/// again. A bit a byte (an eighth of the text's size, whatever the text holds) and not
/// a list of offsets: a text of marks would make the list eight bytes a byte.
#[derive(Clone, Debug, Default)]
pub(crate) struct MarkSet {
    bits: Vec<u64>,
}

impl MarkSet {
    /// The marks of `text` (the room of the last text is reused).
    pub(crate) fn fill(&mut self, text: &str) {
        self.bits.clear();
        self.bits.resize(text.len().div_ceil(64), 0);
        let b = text.as_bytes();
        let mut i = 0;
        while let Some(k) = find_any_or_non_ascii(&b[i..], [b'"', b'\'', b'`']) {
            i += k;
            let lead = b[i];
            if lead.is_ascii() || is_mark_char(b, i) {
                self.bits[i / 64] |= 1 << (i % 64);
            }
            i += utf8_width(lead);
        }
    }

    /// The marks of `text`, in a set of their own.
    pub(crate) fn of(text: &str) -> MarkSet {
        let mut set = MarkSet::default();
        set.fill(text);
        set
    }

    /// The offsets of the marks in `[from, to)`, in order (a range past the text's end
    /// holds none there).
    pub(crate) fn between(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let to = to.min(self.bits.len() * 64);
        let mut word = from / 64;
        // the bits of the first word below `from` are cleared
        let mut bits = match self.bits.get(word) {
            Some(&w) if from < to => w & (u64::MAX << (from % 64)),
            _ => 0,
        };
        std::iter::from_fn(move || {
            while bits == 0 {
                word += 1;
                if word * 64 >= to {
                    return None;
                }
                bits = self.bits[word];
            }
            let at = word * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            (at < to).then_some(at)
        })
    }
}

/// Is the non-ASCII char at byte `i` (a char boundary) one of the quotation marks of a
/// [`MarkSet`]?
#[inline]
fn is_mark_char(b: &[u8], i: usize) -> bool {
    match (b[i], b.get(i + 1), b.get(i + 2)) {
        // ‘ ’ ‚ “ ” „
        (0xE2, Some(0x80), Some(0x98..=0x9A | 0x9C..=0x9E)) => true,
        // « »
        (0xC2, Some(0xAB | 0xBB), _) => true,
        // 「 」 『 』
        (0xE3, Some(0x80), Some(0x8C..=0x8F)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_every_style() {
        assert_eq!(MARK_PAIRS.len(), MarkStyle::ALL.len());
        for s in MarkStyle::ALL {
            let _ = pair_info(s);
        }
        assert!(pair_info(MarkStyle::AsciiDouble).symmetric);
        assert!(!pair_info(MarkStyle::GermanDouble).symmetric);
    }

    #[test]
    fn pair_info_is_the_table_row() {
        for (k, s) in MarkStyle::ALL.into_iter().enumerate() {
            assert_eq!(s as usize, k);
            let info = pair_info(s);
            let row = MARK_PAIRS.iter().find(|p| p.style == s).unwrap();
            assert_eq!(info.symmetric, row.symmetric());
            for (id, m) in MARKS.iter().enumerate() {
                assert_eq!(info.closes & 1 << id != 0, row.close.contains(m));
                assert_eq!(info.open == Some(id as u8), row.open == *m);
            }
        }
    }

    #[test]
    fn a_mark_set_holds_every_mark_char() {
        let text = "a\"b'c`d“e”f‘g’h«i»j„k‚l「m」n『o』p—q…r''s".repeat(5);
        let set = MarkSet::of(&text);
        let want: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| "\"'`“”‘’«»„‚「」『』".contains(c))
            .map(|(k, _)| k)
            .collect();
        for from in 0..=text.len() + 2 {
            for to in [
                from,
                from + 1,
                from + 63,
                from + 64,
                from + 65,
                text.len() + 9,
            ] {
                let got: Vec<usize> = set.between(from, to).collect();
                let wanted: Vec<usize> = want
                    .iter()
                    .copied()
                    .filter(|&k| k >= from && k < to)
                    .collect();
                assert_eq!(got, wanted, "{from}..{to}");
            }
        }
        assert_eq!(MarkSet::of("").between(0, 5).count(), 0);
    }
}
