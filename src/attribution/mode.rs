//! What kind of act an attribution reports: speech, writing, thought or evidence.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// The kind of act an attribution reports, from its cue and medium.
///
/// Researchers counting who was *quoted* keep [`Speech`](Mode::Speech) and
/// [`Writing`](Mode::Writing) (`AnalyzerBuilder::modes`); PolNeAR counts all four.
///
/// ```
/// use whosaid::Mode;
/// let text = "Ana Ruiz said the plan failed. Tom Reyes wrote that it worked. \
///             Critics believe it will fail. A poll shows that voters agree.";
/// let doc = whosaid::analyze(text);
/// let modes: Vec<Mode> = doc.attributions.iter().map(|a| a.mode).collect();
/// assert_eq!(modes, [Mode::Speech, Mode::Writing, Mode::Thought, Mode::Evidence]);
/// assert_eq!(Mode::Writing.to_string(), "writing");
/// assert_eq!("thought".parse::<Mode>().unwrap(), Mode::Thought);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Mode {
    /// Spoken words: `said`, `told`, `asked`, `according to`.
    Speech,
    /// Written words: `wrote`, `tweeted`, `in a statement`, `posted`.
    Writing,
    /// Thoughts and attitudes: `believes`, `thinks`, `wants`, `hopes`, `fears`.
    Thought,
    /// What a document or a figure shows: `a poll shows`, `the report found`.
    Evidence,
}

impl Mode {
    /// Every mode, in order.
    ///
    /// ```
    /// assert_eq!(whosaid::Mode::ALL.len(), 4);
    /// ```
    pub const ALL: [Mode; 4] = [Mode::Speech, Mode::Writing, Mode::Thought, Mode::Evidence];

    /// The name used in JSON output (`speech`, `writing`, `thought`, `evidence`).
    ///
    /// ```
    /// assert_eq!(whosaid::Mode::Evidence.name(), "evidence");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Mode::Speech => "speech",
            Mode::Writing => "writing",
            Mode::Thought => "thought",
            Mode::Evidence => "evidence",
        }
    }

    /// The same as [`name`](Self::name).
    ///
    /// ```
    /// assert_eq!(whosaid::Mode::Speech.as_str(), "speech");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.name()
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Mode {
    type Err = Error;

    /// Parses a mode's JSON name, in any case.
    fn from_str(s: &str) -> Result<Mode, Error> {
        Mode::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::new(ErrorKind::UnknownName, format!("unknown mode {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in Mode::ALL {
            assert_eq!(m.name().parse::<Mode>().unwrap(), m);
            assert_eq!(m.to_string(), m.as_str());
        }
        assert!("shouting".parse::<Mode>().is_err());
        assert_eq!(" Speech ".parse::<Mode>().unwrap(), Mode::Speech);
    }
}
