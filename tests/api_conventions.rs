//! Rust API conventions, checked from outside the crate: auto traits of every public
//! type, and the text conventions of every public enum.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::str::FromStr;

use whosaid::*;

fn auto_traits<T: Send + Sync + Unpin + UnwindSafe + RefUnwindSafe>() {}

#[test]
fn every_public_type_is_send_sync_unpin_and_unwind_safe() {
    auto_traits::<Analyzer>();
    auto_traits::<AnalyzerBuilder>();
    auto_traits::<Segmenter>();
    auto_traits::<SegmenterBuilder>();
    auto_traits::<QuoteDetector>();
    auto_traits::<QuoteDetectorBuilder>();
    auto_traits::<Document<'static>>();
    auto_traits::<OwnedDocument>();
    auto_traits::<OwnedAttribution>();
    auto_traits::<Offsets>();
    auto_traits::<Mode>();
    auto_traits::<Gender>();
    auto_traits::<OwnedSpeaker>();
    auto_traits::<Attribution>();
    auto_traits::<Speaker<'static>>();
    auto_traits::<Mention>();
    auto_traits::<Quote<'static>>();
    auto_traits::<Quotes<'static>>();
    auto_traits::<Sentence<'static>>();
    auto_traits::<Sentences<'static>>();
    auto_traits::<Paragraph<'static>>();
    auto_traits::<Paragraphs<'static>>();
    auto_traits::<Span>();
    auto_traits::<OffsetConverter>();
    auto_traits::<Error>();
    auto_traits::<ErrorKind>();
    auto_traits::<AttributionKind>();
    auto_traits::<Rule>();
    auto_traits::<MentionKind>();
    auto_traits::<EntityKind>();
    auto_traits::<QuoteKind>();
    auto_traits::<MarkStyle>();
    auto_traits::<QuotePolicy>();
    auto_traits::<SingleMarks>();
}

/// `Display`, `as_str`, `name` and `FromStr` agree, for the given values of an enum.
fn round_trip<T>(
    values: &[T],
    name: impl Fn(&T) -> &'static str,
    as_str: impl Fn(&T) -> &'static str,
) where
    T: FromStr<Err = Error> + std::fmt::Display + PartialEq + std::fmt::Debug,
{
    for v in values {
        assert_eq!(name(v), as_str(v));
        assert_eq!(v.to_string(), name(v));
        assert_eq!(&name(v).parse::<T>().unwrap(), v);
    }
    let err = "not-a-name".parse::<T>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownName);
}

#[test]
fn every_public_enum_reads_and_writes_its_name() {
    use AttributionKind as A;
    round_trip(
        &[A::Direct, A::Mixed, A::Partial, A::Indirect],
        |v| v.name(),
        |v| v.as_str(),
    );
    let rules = [
        Rule::QuoteSpeakerCue,
        Rule::QuoteCueSpeaker,
        Rule::SpeakerCueQuote,
        Rule::QuoteDashSpeaker,
        Rule::VerbFrame,
        Rule::ColonSpeaker,
        Rule::SplitQuote,
        Rule::ColonLeadIn,
        Rule::SpeakerCueClause,
        Rule::ClauseSpeakerCue,
        Rule::AccordingTo,
        Rule::ChainedSource,
        Rule::Inherited,
        Rule::SentenceSubject,
        Rule::Unattributed,
    ];
    round_trip(&rules, |v| v.name(), |v| v.as_str());
    use MentionKind as M;
    round_trip(
        &[M::Name, M::Organisation, M::Role, M::Anonymous, M::Pronoun],
        |v| v.name(),
        |v| v.as_str(),
    );
    use EntityKind as E;
    round_trip(
        &[E::Person, E::Organisation, E::Group, E::Unnamed],
        |v| v.name(),
        |v| v.as_str(),
    );
    round_trip(&Mode::ALL, |v| v.name(), |v| v.as_str());
    use Gender as G;
    round_trip(
        &[G::Female, G::Male, G::Unknown],
        |v| v.name(),
        |v| v.as_str(),
    );
    use QuoteKind as Q;
    round_trip(
        &[Q::Speech, Q::Partial, Q::NotSpeech],
        |v| v.name(),
        |v| v.as_str(),
    );
    round_trip(&MarkStyle::ALL, |v| v.name(), |v| v.as_str());
    round_trip(
        &[QuotePolicy::Keep, QuotePolicy::Split],
        |v| v.name(),
        |v| v.as_str(),
    );
    use SingleMarks as S;
    round_trip(&[S::Auto, S::Open, S::Nested], |v| v.name(), |v| v.as_str());
    use ErrorKind as K;
    round_trip(
        &[
            K::InvalidSetting,
            K::InvalidLexiconEntry,
            K::InvalidPattern,
            K::UnknownName,
        ],
        |v| v.name(),
        |v| v.as_str(),
    );
    assert_eq!(
        "quote-cue-speaker".parse::<Rule>().unwrap(),
        Rule::QuoteCueSpeaker
    );
    assert_eq!(format!("{}", AttributionKind::Mixed), "mixed");
}

#[test]
fn the_json_names_are_the_serde_names() {
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&Rule::QuoteDashSpeaker).unwrap();
        assert_eq!(json, format!("\"{}\"", Rule::QuoteDashSpeaker.as_str()));
        let json = serde_json::to_string(&MentionKind::Organisation).unwrap();
        assert_eq!(json, format!("\"{}\"", MentionKind::Organisation));
    }
}
