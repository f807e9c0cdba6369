//! Last checks on the attributions of a whole text, once every window is done and the
//! quotations' kinds are decided (the stage's own decisions included): an attribution
//! must agree with the rest of the output.
//!
//! * A content is partial only for quoted words of its speaker: when every quotation in
//!   it is a scare quote, a term the output lists as not speech and that `so-called`
//!   disowns (`He attacked the so-called “reform”`: the word is its proponents', not
//!   his), nothing in it is his quoted words, and it is indirect. Other quoted terms stay
//!   partial: in `the coach called him “the Professor”` the name is the speaker's own word.
//! * The mention that speaks is not also the one spoken to: in `“Where do we park?”
//!   asked Fatima Noor`, `asked` takes an addressee (`asked him`), but the name after it
//!   is the speaker.

use crate::attribution::{Attribution, AttributionKind, KindDecisions, decided_kind};
use crate::lexicon::lists::SCARE_QUOTE_MARKERS;
use crate::quote::{Quote, QuoteKind};

/// Apply the checks of the module to `out` (in text order), with `quotes` the text's
/// quotations and `decisions` the stage's decisions about their kinds (sorted by
/// quotation; the analyzer applies them after this).
pub(super) fn settle(
    text: &str,
    out: &mut [Attribution],
    quotes: &[Quote<'_>],
    decisions: &KindDecisions,
) {
    for a in out {
        if a.kind == AttributionKind::Partial && only_scare_quoted(text, a, quotes, decisions) {
            a.kind = AttributionKind::Indirect;
        }
        if let (Some(m), Some(to)) = (a.speaker, a.addressee) {
            if m.span.overlaps(to) {
                a.addressee = None;
            }
        }
    }
}

/// A not-speech quotation (quotation `qi` of `quotes`, its kind decided) right after
/// `so-called` (`so called`, any case).
fn scare_quote(text: &str, quotes: &[Quote<'_>], decisions: &KindDecisions, qi: usize) -> bool {
    let q = &quotes[qi];
    let before = text[..q.span.start].trim_end().as_bytes();
    decided_kind(quotes, decisions, qi) == QuoteKind::NotSpeech
        && SCARE_QUOTE_MARKERS.iter().any(|w| {
            before.len() >= w.len()
                && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
                && (before.len() == w.len()
                    || !before[before.len() - w.len() - 1].is_ascii_alphanumeric())
        })
}

/// Every top-level quotation overlapping `a`'s content is a scare quote (and there is
/// one).
fn only_scare_quoted(
    text: &str,
    a: &Attribution,
    quotes: &[Quote<'_>],
    decisions: &KindDecisions,
) -> bool {
    let c = a.content;
    // top-level quotations never overlap: at most one starts before the content. The
    // list also holds nested quotations, each after its parent: step back over them to
    // the top-level quotation that may hold the content's start
    let mut from = quotes
        .partition_point(|q| q.span.start < c.start)
        .saturating_sub(1);
    while from > 0 && quotes[from].parent().is_some() {
        from -= 1;
    }
    let mut any = false;
    for (qi, q) in quotes
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, q)| q.span.start < c.end)
    {
        if q.parent().is_some() || !q.span.overlaps(c) {
            continue;
        }
        if !scare_quote(text, quotes, decisions, qi) {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use crate::{AttributionKind, analyze};

    #[test]
    fn a_scare_quote_makes_no_partial_attribution() {
        let text = "He attacked the so-called “reform” on Tuesday.";
        let doc = analyze(text);
        assert_eq!(doc.quotes[0].kind, crate::QuoteKind::NotSpeech);
        assert!(
            doc.attributions
                .iter()
                .all(|a| a.kind != AttributionKind::Partial),
            "{:?}",
            doc.attributions
        );
        // a fragment of speech stays partial, and so does a name the speaker used
        for text in [
            "She said the plan was “a disaster for everyone” and would fail.",
            "He called the mayor “Captain Pothole” in a speech on Friday.",
        ] {
            let doc = analyze(text);
            assert_eq!(doc.attributions[0].kind, AttributionKind::Partial, "{text}");
        }
    }

    #[test]
    fn the_speaker_is_not_the_addressee() {
        let text = "“Where do we park?” asked Fatima Noor.";
        let a = analyze(text).attributions[0];
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("Fatima Noor"));
        assert_eq!(a.addressee, None);
        // an addressee of its own stays
        let text = "“Where do we park?” Fatima Noor asked the mayor.";
        let a = analyze(text).attributions[0];
        assert_eq!(a.addressee.map(|s| s.text(text)), Some("the mayor"));
    }
}
