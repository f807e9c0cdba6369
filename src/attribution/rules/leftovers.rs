//! The sentence rule of leftover quotations: the partial quotations (`“a disaster”`) no
//! content took. It runs after the speech and reported-speech rules (see
//! `SENTENCE_RULES`) because any content they made may hold such a fragment, and then
//! it is part of that content (`rated the claims as “false”`). A fragment left over
//! takes a cue next to it, or is taken as said by the subject of a clause about it
//! ([`Rule::SentenceSubject`]: `The coach was “very disappointed” after the game`);
//! else it is a term, not speech, and the rule returns that decision
//! ([`crate::attribution::KindDecisions`]) for the analyzer to apply. Speech quotations the reported-speech rule was left and
//! did not take stay [`Rule::Unattributed`].
//!
//! [`Rule::SentenceSubject`]: crate::Rule::SentenceSubject
//! [`Rule::Unattributed`]: crate::Rule::Unattributed

use super::context::{Progress, RuleContext, SentenceAt, Window, kind_for, unattributed};
use super::quotes::{fragment_in_clause, link_quote, sentence_subject};
use crate::attribution::mention::as_mention;
use crate::attribution::{Attribution, AttributionKind, Mode, Rule};
use crate::quote::QuoteKind;

/// Attribute the sentence's leftover quotations, or decide they are not speech (see the
/// module's doc).
#[inline]
pub(super) fn leftover_quotations(
    cx: &RuleContext<'_>,
    window: &Window<'_>,
    sentence: &SentenceAt<'_>,
    progress: &mut Progress<'_>,
) {
    let (text, toks) = (cx.text, cx.toks);
    let quotes = window.quotes;
    let ((ts, te), (c0, c1), first_new) = (sentence.tokens, sentence.cues, sentence.first_new);
    let out = &mut *progress.out;
    let (cues, quote_done) = (&mut progress.cues, &mut progress.quote_done);
    let decisions = &mut *progress.decisions;
    // partial quotations no content took: a cue next to them, or not speech; speech
    // left for the reported-speech rule and not taken there stays unattributed
    for &qi in sentence.quotes {
        if quote_done[qi] {
            continue;
        }
        quote_done[qi] = true;
        // inside a content this sentence reported: part of it ("rated them as “false”
        // or “pants on fire”"), whatever the rule that took the content
        if out[first_new..]
            .iter()
            .any(|a| a.content.contains(quotes[qi].span))
        {
            continue;
        }
        if quotes[qi].kind == QuoteKind::Speech {
            out.push(unattributed(quotes[qi].span, AttributionKind::Direct, qi));
            continue;
        }
        match link_quote(cx, &quotes[qi], ts, te, &mut cues[c0..c1]) {
            Some(l) if l.speaker.is_some() => {
                let content = l.content.unwrap_or(quotes[qi].span);
                out.push(l.attribution(
                    content,
                    kind_for(cx, content, quotes),
                    qi,
                    l.confidence * 0.8,
                ));
            }
            _ => match sentence_subject(cx, ts, te) {
                // "Critics likened the rules to “burning the house down”": a fragment in a
                // clause about its subject, who is taken to have said it
                Some(r) if fragment_in_clause(cx, &quotes[qi], ts, te) => {
                    let content = quotes[qi].span;
                    out.push(Attribution {
                        content,
                        kind: AttributionKind::Partial,
                        quote: Some(qi),
                        speaker: Some(as_mention(text, toks, r)),
                        entity: None,
                        cue: None,
                        addressee: None,
                        medium: None,
                        confidence: 0.3,
                        rule: Rule::SentenceSubject,
                        mode: Mode::Speech,
                    });
                }
                _ => decisions.decide_not_speech(qi),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{AttributionKind, QuoteKind, Rule, analyze};

    #[test]
    fn a_fragment_in_a_clause_is_its_subjects() {
        let text = "The coach was “very disappointed” after the game.";
        let doc = analyze(text);
        let a = &doc.attributions[0];
        assert_eq!(a.rule, Rule::SentenceSubject);
        assert_eq!(a.kind, AttributionKind::Partial);
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("The coach"));
        assert_eq!(a.content.text(text), "“very disappointed”");
    }

    #[test]
    fn a_fragment_inside_a_content_is_part_of_it() {
        let text = "She said the plan was “a disaster for everyone” and would fail.";
        let doc = analyze(text);
        assert_eq!(doc.attributions.len(), 1, "{:?}", doc.attributions);
        assert_eq!(doc.attributions[0].kind, AttributionKind::Partial);
        assert_eq!(doc.quotes[0].kind, QuoteKind::Partial);
    }

    #[test]
    fn a_fragment_nobody_says_is_not_speech() {
        let text = "Tickets for the “summer of fun” tour sold out.";
        let doc = analyze(text);
        assert!(doc.attributions.is_empty(), "{:?}", doc.attributions);
        assert_eq!(doc.quotes[0].kind, QuoteKind::NotSpeech);
        // with a hidden quotation before it, the decision still lands on this one (the
        // analyzer maps the stage's indices back to the document's quotations)
        let text = "NOTE: “hidden words here”\n\nTickets for the “summer of fun” tour sold out.";
        let analyzer = crate::Analyzer::builder()
            .skip_pattern(r"^NOTE: .*$")
            .build()
            .unwrap();
        let doc = analyzer.analyze(text);
        let kinds: Vec<_> = doc
            .quotes
            .iter()
            .map(|q| (q.span.text(text), q.kind))
            .collect();
        assert_eq!(
            kinds[1],
            ("“summer of fun”", QuoteKind::NotSpeech),
            "{kinds:?}"
        );
        assert_ne!(kinds[0].1, QuoteKind::NotSpeech, "{kinds:?}");
    }
}
