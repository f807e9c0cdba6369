//! Chained sources: an `according to` source that reports another speaker's act is the
//! act's medium, not its speaker. In `According to the agency, the minister called for
//! …` and in `“…,” the minister said to the envoy, according to the agency`, the minister
//! speaks (to the envoy) and the agency passed it on: the attribution's speaker becomes
//! the inner act's subject, its cue the inner cue, its addressee the one that cue names
//! (`said to the envoy`), and the outer source its medium.
//!
//! PolNeAR annotates the outer source of these sentences (its convention, which the
//! learned attachment weights follow): this rule costs the PolNeAR scores a few
//! attributions for the reading a user asking "who said it" wants. Measured when it was
//! added (`examples/train --folds 5`, then `score.py`): 5-fold CV content+source 11,299
//! → 11,278 true positives, direct end-to-end 5,554 → 5,547; on dev content+source 1,326
//! → 1,323.

use super::context::Cue;
use crate::attribution::mention::{as_mention, np_after, subject_before};
use crate::attribution::token::{Tok, first_at_or_after, span_of};
use crate::attribution::{Attribution, AttributionKind, Rule};
use crate::span::Span;

/// Rewrites each `according to` attribution of `out` whose content or quotation is
/// another speaker's act (see the module's documentation); `cues` are the window's cues
/// in token order.
pub(super) fn inner_speakers(text: &str, toks: &[Tok], cues: &[Cue], out: &mut [Attribution]) {
    for attribution in out.iter_mut() {
        let (Some(cue_span), Some(outer)) = (attribution.cue, attribution.speaker) else {
            continue;
        };
        let k = cues.partition_point(|c| toks[c.start].start() < cue_span.start);
        if !cues
            .get(k)
            .is_some_and(|c| c.according && toks[c.start].start() == cue_span.start)
        {
            continue;
        }
        // (a clause with no quotation: its speaker then lies in no quotation of its own)
        let inner = if attribution.kind == AttributionKind::Indirect && attribution.quote.is_none()
        {
            inner_of_clause(text, toks, cues, attribution.content)
        } else if cue_span.start >= attribution.content.end {
            inner_after_quotation(text, toks, cues, attribution.content.end, cues[k].start)
        } else {
            None
        };
        let Some((speaker, cue, addressee)) = inner else {
            continue;
        };
        attribution.rule = Rule::ChainedSource;
        attribution.medium = Some(outer.span);
        attribution.speaker = Some(speaker);
        attribution.cue = Some(cue);
        if addressee.is_some() {
            attribution.addressee = addressee;
        }
    }
}

/// `the minister called for new elections`: a cue inside the content whose subject opens
/// the content. (The speaker, the cue; a clause names no addressee here.)
fn inner_of_clause(
    text: &str,
    toks: &[Tok],
    cues: &[Cue],
    content: Span,
) -> Option<(crate::attribution::Mention, Span, Option<Span>)> {
    let first = first_at_or_after(toks, content.start);
    let from = cues.partition_point(|c| c.start <= first);
    // (the content's first cue only: a later one belongs to a clause inside it)
    let cue = cues[from..]
        .iter()
        .take_while(|c| toks[c.start].start() < content.end)
        .find(|c| !c.according)?;
    let (subject_start, subject_end) = subject_before(text, toks, cue.start, first)?;
    // (the subject is the content's first words, and nothing but a few words of it)
    (subject_start == first && subject_end <= cue.start && cue.start - first <= MAX_SUBJECT_TOKENS)
        .then(|| {
            let subject = as_mention(text, toks, (subject_start, subject_end));
            (subject, span_of(toks, cue.start, cue.end), None)
        })
}

/// The most tokens a subject of an inner act may have (`the deputy foreign minister`).
const MAX_SUBJECT_TOKENS: usize = 8;

/// `“…,” the minister said to the envoy, according to`: the cue between the quotation's
/// end and the outer cue (token `outer`), its subject, and the one after `to`.
fn inner_after_quotation(
    text: &str,
    toks: &[Tok],
    cues: &[Cue],
    content_end: usize,
    outer: usize,
) -> Option<(crate::attribution::Mention, Span, Option<Span>)> {
    let first = first_at_or_after(toks, content_end);
    let from = cues.partition_point(|c| c.start < first);
    let cue = cues[from..]
        .iter()
        .take_while(|c| c.start < outer)
        .find(|c| !c.according && c.end <= outer)?;
    let (subject_start, subject_end) = subject_before(text, toks, cue.start, first)?;
    if subject_start < first
        || subject_end > cue.start
        || cue.start - subject_start > MAX_SUBJECT_TOKENS
    {
        return None;
    }
    // ("said to the envoy": the envoy, up to the outer cue)
    let addressee = toks
        .get(cue.end)
        .filter(|t| t.word() && t.text(text).eq_ignore_ascii_case("to"))
        .and_then(|_| np_after(text, toks, cue.end + 1, outer))
        .map(|(first_word, end)| span_of(toks, first_word, end));
    let subject = as_mention(text, toks, (subject_start, subject_end));
    Some((subject, span_of(toks, cue.start, cue.end), addressee))
}

#[cfg(test)]
mod tests {
    /// (speaker, cue, addressee, medium) of the attribution whose content is `content`.
    fn parts(text: &str, content: &str) -> (String, String, String, String) {
        let doc = crate::analyze(text);
        let atts = &doc.attributions;
        let a = atts
            .iter()
            .find(|a| a.content.text(text) == content)
            .unwrap_or_else(|| panic!("no attribution of {content:?} in {atts:?}"));
        let show = |s: Option<crate::span::Span>| s.map_or("-".into(), |s| s.text(text).into());
        (
            show(a.speaker.map(|m| m.span)),
            show(a.cue),
            show(a.addressee),
            show(a.medium),
        )
    }

    #[test]
    fn the_rule_that_decided_is_named() {
        let text = "According to the Tessaly Wire, the port director called for calm.";
        let doc = crate::analyze(text);
        let rules: Vec<_> = doc.attributions.iter().map(|a| a.rule).collect();
        assert_eq!(rules, [crate::Rule::ChainedSource]);
    }

    #[test]
    fn according_to_a_source_the_subject_of_the_content_speaks() {
        let text = "According to the Tessaly Wire, the port director called for calm.";
        let (speaker, cue, _, medium) = parts(text, "the port director called for calm");
        assert_eq!(
            (speaker.as_str(), cue.as_str(), medium.as_str()),
            ("the port director", "called", "the Tessaly Wire")
        );
    }

    #[test]
    fn a_quotation_said_to_someone_according_to_a_source() {
        let text = "“The gates stay shut,” the port director said to the mayor, according to \
                    the Tessaly Wire.";
        let (speaker, cue, addressee, medium) = parts(text, "“The gates stay shut,”");
        assert_eq!(
            (
                speaker.as_str(),
                cue.as_str(),
                addressee.as_str(),
                medium.as_str()
            ),
            ("the port director", "said", "the mayor", "the Tessaly Wire")
        );
    }

    #[test]
    fn a_plain_according_to_keeps_its_source() {
        let text = "According to the Tessaly Wire, the gates will stay shut.";
        let (speaker, cue, _, _) = parts(text, "the gates will stay shut");
        assert_eq!(
            (speaker.as_str(), cue.as_str()),
            ("the Tessaly Wire", "According to")
        );
    }
}
