//! The sentence rule of colon lead-ins: a sentence ending with a colon (`The mayor said
//! in a statement:`) is a lead-in for the quotation that opens the next sentence, which
//! the speech rule links to it. It runs after every other rule of its sentence (see
//! `SENTENCE_RULES`), so that it only takes a cue none of them used and replaces the
//! lead-in of the sentence before only once the speech rule has read it; with no cue,
//! the sentence's subject is the speaker (`Okafor made the following point:`).
//!
//! A sentence ending with a period whose last cue says nothing (`Farrow said in a
//! statement.`: only a medium, an addressee or a time after the cue) is a lead-in too,
//! when the next sentence opens with a quotation.

use super::context::{Cue, Link, Progress, RuleContext, SentenceAt, Window};
use super::cues::after_cue;
use super::quotes::sentence_subject;
use crate::attribution::Rule;
use crate::attribution::mention::{as_mention, subject_before};

/// Remember the sentence's lead-in for the next one, or forget the last one.
#[inline]
pub(super) fn colon_lead_in(
    cx: &RuleContext<'_>,
    window: &Window<'_>,
    sentence: &SentenceAt<'_>,
    progress: &mut Progress<'_>,
) {
    let (text, toks) = (cx.text, cx.toks);
    let s = &window.sentences[sentence.index];
    let ((ts, te), (c0, c1)) = (sentence.tokens, sentence.cues);
    let cues = &progress.cues;
    let lead_in = &mut progress.lead_in;
    *lead_in = None;
    let end = s.text.trim_end();
    // the lead-in's link through cue `c`, whose speaker the quotation after inherits
    let cue_link = |c: &Cue, speaker, addressee, medium, confidence| Link {
        speaker,
        cue: Some(cx.span(c.start, c.end)),
        addressee,
        medium,
        rule: Rule::ColonLeadIn,
        confidence,
        content: None,
    };
    if end.ends_with('.') && next_opens_with_quote(window, sentence.index) {
        // "Farrow said in a statement." then "“…”": the cue with nothing said after it
        if let Some(c) = cues[c0..c1].iter().rev().find(|c| !c.used) {
            let (content, addressee, medium) = after_cue(cx, c, te);
            let says_nothing = (content..te).all(|i| !toks[i].word());
            let speaker = says_nothing
                .then(|| subject_before(text, toks, c.start, ts))
                .flatten()
                .map(|r| as_mention(text, toks, r));
            if speaker.is_some() {
                *lead_in = Some((s.paragraph, cue_link(c, speaker, addressee, medium, 0.7)));
            }
        }
    } else if end.ends_with(':') {
        if let Some(c) = cues[c0..c1].iter().rev().find(|c| !c.used) {
            let speaker =
                subject_before(text, toks, c.start, ts).map(|r| as_mention(text, toks, r));
            if speaker.is_some() {
                let (_, addressee, medium) = after_cue(cx, c, te);
                *lead_in = Some((s.paragraph, cue_link(c, speaker, addressee, medium, 0.8)));
            }
        } else if let Some(r) = sentence_subject(cx, ts, te) {
            // "Okafor made the following point:" — no cue word, the subject speaks
            let colon = te - 1;
            *lead_in = Some((
                s.paragraph,
                Link {
                    speaker: Some(as_mention(text, toks, r)),
                    cue: Some(cx.span(colon, colon + 1)),
                    addressee: None,
                    medium: None,
                    rule: Rule::ColonLeadIn,
                    confidence: 0.5,
                    content: None,
                },
            ));
        }
    }
}

/// Does the sentence after the one at `index` open with a quotation mark?
fn next_opens_with_quote(window: &Window<'_>, index: usize) -> bool {
    window.sentences.get(index + 1).is_some_and(|next| {
        next.text
            .trim_start()
            .starts_with(['"', '“', '‘', '«', '„'])
    })
}

#[cfg(test)]
mod tests {
    use crate::{Rule, analyze};

    #[test]
    fn a_lead_in_without_a_cue_gives_its_subject() {
        let text = "Kowalski made the following comment:\n\n“Winter is coming early.”";
        let doc = analyze(text);
        let a = doc.attributions.last().unwrap();
        assert_eq!(a.rule, Rule::ColonLeadIn);
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("Kowalski"));
    }

    #[test]
    fn a_lead_in_ending_in_a_period_gives_its_subject() {
        let text = "Linda Farrow said in a statement.\n\n“The agreement protects every worker.”";
        let doc = analyze(text);
        let a = doc.attributions.last().unwrap();
        assert_eq!(a.rule, Rule::ColonLeadIn);
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("Linda Farrow"));
        // a cue with something said after it is no lead-in
        let text = "Farrow said the deal was done.\n\n“It protects every worker.”";
        let doc = analyze(text);
        let a = doc.attributions.last().unwrap();
        assert_ne!(a.rule, Rule::ColonLeadIn, "{:?}", doc.attributions);
    }

    #[test]
    fn a_lead_in_lasts_one_sentence() {
        // the lead-in is forgotten after the sentence that follows it, even when the
        // quotation is in that sentence's paragraph
        let text = "Kessler said:\n\nThe rain went on. “Nobody expected this.”";
        let doc = analyze(text);
        let a = doc.attributions.last().unwrap();
        assert_eq!(a.rule, Rule::Unattributed, "{:?}", doc.attributions);
    }
}
