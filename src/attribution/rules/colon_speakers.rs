//! The sentence rule of colon speakers: `Name: …` opening a headline (`Poll: Voters
//! Shift`) or a transcript turn (`SMITH: Thank you.`), found by `clauses::colon_speaker`.
//! It runs before the speech rule (see `SENTENCE_RULES`) because the turn holds the
//! quotations in it: they are its content, and must not be linked to cues of their own.

use super::clauses::colon_speaker;
use super::context::{Progress, RuleContext, SentenceAt, Window};

/// `Name: …` at the start of the sentence: an attribution ([`Rule::ColonSpeaker`]) whose
/// content runs to the end of the paragraph, and the quotations it holds taken.
///
/// [`Rule::ColonSpeaker`]: crate::Rule::ColonSpeaker
#[inline]
pub(super) fn colon_speakers(
    cx: &RuleContext<'_>,
    window: &Window<'_>,
    sentence: &SentenceAt<'_>,
    progress: &mut Progress<'_>,
) {
    let (ts, te) = sentence.tokens;
    let quotes = window.quotes;
    let (sentences, ranges, si) = (window.sentences, window.ranges, sentence.index);
    let (out, quote_done) = (&mut *progress.out, &mut progress.quote_done);
    if let Some(a) = colon_speaker(cx, ts, te, sentences, ranges, si, quotes) {
        for (qi, q) in quotes
            .iter()
            .enumerate()
            .skip(sentence.quotes.first().copied().unwrap_or(quotes.len()))
        {
            if q.span.start >= a.content.end {
                break;
            }
            // the quotation holds the turn ("“SMITH: …") or lies in it
            if a.content.contains(q.span) || q.parent().is_none() && q.span.overlaps(a.content) {
                quote_done[qi] = true;
            }
        }
        out.push(a);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Rule, analyze};

    #[test]
    fn a_transcript_turn_is_its_speakers() {
        let text = "MORALES: We will not close the clinic.\n\nREPORTER: Not even in winter?";
        let doc = analyze(text);
        let turns: Vec<_> = doc
            .attributions
            .iter()
            .map(|a| (a.rule, a.speaker.map(|m| m.span.text(text))))
            .collect();
        assert_eq!(
            turns,
            [
                (Rule::ColonSpeaker, Some("MORALES")),
                (Rule::ColonSpeaker, Some("REPORTER"))
            ]
        );
    }

    #[test]
    fn a_quotation_inside_a_turn_is_the_turns() {
        // the quotation is the turn's words, not a second attribution with a cue
        let text = "HALVORSEN: “The bridge stays open,” I told them.";
        let doc = analyze(text);
        assert_eq!(doc.attributions.len(), 1, "{:?}", doc.attributions);
        assert_eq!(doc.attributions[0].rule, Rule::ColonSpeaker);
    }
}
