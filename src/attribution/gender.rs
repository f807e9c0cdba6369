//! The gender of a speaker entity, as the article shows it: from a title (`Mrs.`,
//! `Sir`), from a forename (`Mary Jones`; the share of female births in the US Social
//! Security Administration's counts, `src/lexicon/forenames.txt`), or from a `he` or
//! `she` that the clustering linked to it.

use crate::error::{Error, ErrorKind};
use std::fmt;
use std::str::FromStr;

/// The gender of a [`Speaker`](crate::Speaker): what the article's titles, forenames and
/// pronouns show, `unknown` when they show nothing (organisations, groups, unnamed
/// sources, a surname alone, a forename given to girls and boys alike).
///
/// ```
/// use whosaid::Gender;
/// let doc = whosaid::analyze("Mary Jones spoke after John Smith. “It is over,” she said.");
/// assert_eq!(doc.speakers[0].name, "Mary Jones");
/// assert_eq!(doc.speakers[0].gender, Gender::Female);
/// assert_eq!(Gender::Female.name(), "female");
/// assert_eq!("male".parse::<Gender>().unwrap(), Gender::Male);
/// assert_eq!(Gender::Unknown.to_string(), "unknown");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Gender {
    /// A woman (`Mrs. Ruiz`, `Mary Jones`, or a person `she` refers to).
    Female,
    /// A man (`Mr. Ruiz`, `John Smith`, or a person `he` refers to).
    Male,
    /// Not shown by the article, or not a person.
    #[default]
    Unknown,
}

impl Gender {
    /// The name used in JSON output (`female`, `male`, `unknown`).
    ///
    /// ```
    /// assert_eq!(whosaid::Gender::Male.name(), "male");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Unknown => "unknown",
        }
    }

    /// The same as [`Gender::name`].
    ///
    /// ```
    /// assert_eq!(whosaid::Gender::Female.as_str(), "female");
    /// ```
    pub fn as_str(self) -> &'static str {
        self.name()
    }

    /// The gender of the lexicon's one-letter code (`f`, `m`; anything else unknown).
    pub(crate) fn from_code(code: u8) -> Gender {
        match code {
            b'f' => Gender::Female,
            b'm' => Gender::Male,
            _ => Gender::Unknown,
        }
    }

    /// Is the gender known?
    pub(crate) fn known(self) -> bool {
        self != Gender::Unknown
    }
}

impl fmt::Display for Gender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Gender {
    type Err = Error;

    /// Parses a [`Gender::name`] (ASCII case ignored).
    ///
    /// ```
    /// use whosaid::Gender;
    /// assert_eq!("Female".parse::<Gender>().unwrap(), Gender::Female);
    /// assert!("other".parse::<Gender>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Gender, Error> {
        [Gender::Female, Gender::Male, Gender::Unknown]
            .into_iter()
            .find(|g| g.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::UnknownName,
                    format!("unknown gender {s:?} (expected female, male or unknown)"),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for g in [Gender::Female, Gender::Male, Gender::Unknown] {
            assert_eq!(g.name().parse::<Gender>().unwrap(), g);
            assert_eq!(g.to_string(), g.as_str());
        }
        assert!("".parse::<Gender>().is_err());
    }

    #[test]
    fn codes() {
        assert_eq!(Gender::from_code(b'f'), Gender::Female);
        assert_eq!(Gender::from_code(b'm'), Gender::Male);
        assert_eq!(Gender::from_code(b'x'), Gender::Unknown);
        assert!(!Gender::Unknown.known());
    }
}
