//! The sentence rule of speech quotations: they are linked before the reported-speech
//! rule looks for clauses (see `SENTENCE_RULES`), because a quotation is the surest
//! content and its cue the nearest one (`“…,” she said`); the cues they leave are the
//! reported-speech rule's. It runs after the colon-speaker rule, which takes the
//! quotations of a transcript turn. In order, a
//! quotation takes:
//! 1. a cue next to it (`quotes::link_quote`: [`Rule::QuoteSpeakerCue`],
//!    [`Rule::QuoteCueSpeaker`], [`Rule::SpeakerCueQuote`], [`Rule::SplitQuote`],
//!    [`Rule::QuoteDashSpeaker`]), looking past its end when it runs over sentences or
//!    its attribution was cut off into a sentence of its own;
//! 2. else the lead-in `X said:` that ended the sentence before ([`Rule::ColonLeadIn`]):
//!    an explicit cue naming who speaks, so it goes before the frame of step 3
//!    (`The mayor said:` ⏎ `“We rebuild,” she sighed.` is the mayor's);
//! 3. else a speaker and a verb of speaking framing it, when no earlier free cue may
//!    report it in its clause (`quotes::verb_frame`: [`Rule::VerbFrame`]);
//! 4. else it continues the previous direct attribution of its paragraph (`“A,” she
//!    said. “B.”` is one attribution);
//! 5. else the speaker before it, when its paragraph or sentence is only the quotation
//!    ([`Rule::Inherited`]);
//! 6. else a colon before it makes the sentence's subject the speaker, also past an
//!    apposition ([`Rule::ColonLeadIn`]);
//! 7. else, when a cue earlier in the sentence is still free, it is left to that cue's
//!    reported clause, or it stays [`Rule::Unattributed`].
//!
//! [`Rule::QuoteSpeakerCue`]: crate::Rule::QuoteSpeakerCue
//! [`Rule::QuoteCueSpeaker`]: crate::Rule::QuoteCueSpeaker
//! [`Rule::SpeakerCueQuote`]: crate::Rule::SpeakerCueQuote
//! [`Rule::SplitQuote`]: crate::Rule::SplitQuote
//! [`Rule::QuoteDashSpeaker`]: crate::Rule::QuoteDashSpeaker
//! [`Rule::VerbFrame`]: crate::Rule::VerbFrame
//! [`Rule::ColonLeadIn`]: crate::Rule::ColonLeadIn
//! [`Rule::Inherited`]: crate::Rule::Inherited
//! [`Rule::Unattributed`]: crate::Rule::Unattributed

use super::context::{
    Link, Progress, Range32, RuleContext, SentenceAt, Window, first_token_at, kind_for, turn_end,
    turn_place, unattributed,
};
use super::quotes::{
    clause_subject, link_quote, sentence_subject, trailing_attribution, verb_frame,
};
use crate::attribution::mention::{as_mention, is, np_after};
use crate::attribution::{AttributionKind, Rule};
use crate::lexicon::class;
use crate::lexicon::lists::LEADING_CONJUNCTIONS;
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::sentence::scan::is_alnum;

/// Attribute the sentence's speech quotations (see the module's doc).
#[inline]
pub(super) fn speech_quotations(
    cx: &RuleContext<'_>,
    window: &Window<'_>,
    sentence: &SentenceAt<'_>,
    progress: &mut Progress<'_>,
) {
    let (text, toks) = (cx.text, cx.toks);
    let (sentences, ranges, cue_ranges, quotes) = (
        window.sentences,
        window.ranges,
        window.cue_ranges,
        window.quotes,
    );
    let sentence_of = |byte: usize| window.sentence_of(byte);
    let si = sentence.index;
    let s = &sentences[si];
    let ((ts, te), (c0, c1)) = (sentence.tokens, sentence.cues);
    let out = &mut *progress.out;
    let (cues, quote_done) = (&mut progress.cues, &mut progress.quote_done);
    let (last, lead_in) = (&progress.last, &progress.lead_in);
    let last_direct = &mut progress.last_direct;
    for &qi in sentence.quotes {
        if quotes[qi].kind != QuoteKind::Speech || quote_done[qi] {
            continue;
        }
        // a quotation that runs over several sentences: look up to where it ends
        let mut sj = sentence_of(quotes[qi].span.end.saturating_sub(1)).max(si);
        // "“…!” Her niece shouted to the crowd." / "“…” ― Ana Ruiz": an attribution cut
        // off into a sentence of its own
        if sj + 1 < sentences.len()
            && (sentences[sj + 1].paragraph == sentences[sj].paragraph
                || dash_line_after(cx, window, si, sj, &quotes[qi]))
            && trailing_attribution(cx, &quotes[qi], ranges[sj].get(), ranges[sj + 1].get())
        {
            sj += 1;
        }
        let (te_q, c1_q) = (ranges[sj].get().1, cue_ranges[sj].get().1);
        let link = link_quote(cx, &quotes[qi], ts, te_q, &mut cues[c0..c1_q]);
        // the lead-in "X said:" before it (step 2), before any frame: its cue names
        // the speaker
        let link = link.or_else(|| {
            lead_in
                .as_ref()
                .filter(|(p, _)| *p + 1 >= s.paragraph)
                .map(|(_, l)| Link {
                    rule: Rule::ColonLeadIn,
                    confidence: 0.8,
                    content: None,
                    ..*l
                })
        });
        // no cue governs it: a speaker and a verb of speaking framing it ("“Not now,” she
        // snapped."), unless a free cue before it may report it in its clause (step 7)
        let link = link.or_else(|| {
            let qa = first_token_at(cx, quotes[qi].span.start, ts, te);
            let clause_cue = cues[c0..c1].iter().any(|c| !c.used && c.end <= qa);
            if clause_cue {
                return None;
            }
            verb_frame(cx, &quotes[qi], ts, te_q, &mut cues[c0..c1_q])
        });
        let q = &quotes[qi];
        // a quotation continuing the previous direct attribution of its paragraph:
        // "“A,” she said. “B.”" is one attribution
        if link.is_none() {
            if let Some(&(p, k, ls)) = last_direct.as_ref() {
                let free_cue = cues[c0..c1].iter().any(|c| !c.used);
                // only attributions from the turn's sentences came since (participles, and
                // the clause of a cue before the quotation: "Tom Park told the council
                // the pier was a mistake: “A,” Park predicted. “B.”")
                // (the earlier clause's only when the quotation opens its sentence: "I
                // shrugged and said, “A.” He looked hurt, so I had to add: “B.”" is a new
                // turn)
                let turn_start = sentence_of(out[k].content.start);
                let opens_sentence = text
                    .get(s.span.start..q.span.start)
                    .is_some_and(|gap| gap.trim().is_empty());
                let same_turn = out[k + 1..].iter().all(|a| {
                    let sa = sentence_of(a.content.start);
                    (a.content.start >= out[k].content.start || opens_sentence && sa >= turn_start)
                        && sa <= ls
                });
                if p == s.paragraph
                    && si <= ls + 1
                    && same_turn
                    && out[k].content.end <= q.span.start
                    && !free_cue
                {
                    let was_direct = out[k].kind == AttributionKind::Direct;
                    out[k].content = out[k].content.cover(q.span);
                    let c = out[k].content;
                    // "“A,” she said. “B.”": still direct, the attribution aside
                    out[k].kind = if was_direct {
                        AttributionKind::Direct
                    } else {
                        kind_for(cx, c, quotes)
                    };
                    quote_done[qi] = true;
                    *last_direct = Some((p, k, sentence_of(c.end.saturating_sub(1))));
                    continue;
                }
            }
        }
        let link = match link {
            Some(l) => Some(l),
            None => {
                // a paragraph that is only a quotation: take the previous paragraph's speaker
                let para_is_quote =
                    q.first_paragraph() > 0 && starts_paragraph(text, sentences, si, q);
                // a sentence that is only a quotation, after a sentence of its paragraph
                // with a speaker, and no other speaker since: "Okafor called him the
                // toughest trader in town. “He showed it again and again.”" (also past one
                // sentence of narration with no cue and no named subject: "Lena Brandt,
                // the mayor, disagreed." may be the one speaking next)
                let sentence_is_quote = text
                    .get(s.span.start..q.span.start)
                    .is_some_and(|gap| gap.trim().is_empty())
                    && text[q.span.end.min(s.span.end)..s.span.end]
                        .chars()
                        .all(|c| !is_alnum(c));
                match last {
                    Some((p, a))
                        if para_is_quote
                            && *p + 1 >= q.first_paragraph()
                            && *p < q.first_paragraph()
                            || sentence_is_quote
                                && *p == s.paragraph
                                && follows_turn(
                                    cx,
                                    ranges,
                                    cue_ranges,
                                    sentence_of(turn_end(a).saturating_sub(1)),
                                    si,
                                ) =>
                    {
                        Some(Link {
                            speaker: a.speaker,
                            cue: None,
                            addressee: None,
                            medium: None,
                            rule: Rule::Inherited,
                            confidence: 0.5,
                            content: None,
                        })
                    }
                    _ => None,
                }
            }
        };
        let qa = first_token_at(cx, q.span.start, ts, te);
        // "President Okafor is rolling out a new message: “It's about me.”": a colon and a
        // quotation with no cue; the sentence's subject speaks ("Ana Ruiz, the mayor,
        // delivered a blunt message: “…”": also past an apposition)
        let link = link.or_else(|| {
            (qa > ts && cx.punct(qa - 1, ":"))
                .then(|| {
                    // (a free cue before the dash has its subject already: "Ana Ruiz,
                    // speaking to the board - Full Text: “…”")
                    let cue_before_colon = cues[c0..c1].iter().any(|c| !c.used && c.end < qa);
                    (!cue_before_colon)
                        .then(|| dashed_name(cx, ts, qa - 1))
                        .flatten()
                        .or_else(|| sentence_subject(cx, ts, qa - 1))
                        .or_else(|| clause_subject(cx, ts, qa - 1))
                })
                .flatten()
                .map(|r| Link {
                    speaker: Some(as_mention(text, toks, r)),
                    cue: Some(cx.span(qa - 1, qa)),
                    addressee: None,
                    medium: None,
                    rule: Rule::ColonLeadIn,
                    confidence: 0.5,
                    content: None,
                })
        });
        // "She added that …, because “In the end, we vote for somebody.”": a quotation in
        // the clause of an earlier cue is left to the reported-speech rule; after the
        // colon rule, since a colon right before the quotation ends such a clause
        if link.is_none() && cues[c0..c1].iter().any(|c| !c.used && c.end <= qa) {
            continue;
        }
        quote_done[qi] = true;
        let content = link.as_ref().and_then(|l| l.content).unwrap_or(q.span);
        // the quotation itself is the content (its pieces, the attribution between them
        // aside): direct
        let kind = if content == q.span {
            AttributionKind::Direct
        } else {
            kind_for(cx, content, quotes)
        };
        let a = match link {
            // a link without a speaker (inherited from nobody) is barely trusted
            Some(l) => l.attribution(
                content,
                kind,
                qi,
                if l.speaker.is_some() {
                    l.confidence
                } else {
                    0.2
                },
            ),
            None => unattributed(content, kind, qi),
        };
        if a.speaker.is_some() {
            // the paragraph where the turn ends: a quotation running over paragraphs
            // ("“…⏎⏎“…,” he said. “…”") is continued in its last one
            let (paragraph, turn_sentence) = turn_place(window, &a, si);
            *last_direct = Some((paragraph, out.len(), turn_sentence));
        }
        out.push(a);
    }
}

/// "Turnout fell in the west - Ana Ruiz: “…”": a digest's headline, a dash and the
/// capitalised name of its source right before the colon at token `colon` (the sentence
/// starts at `ts`): that name speaks, not the headline's first words. The run must hold a
/// forename, a title or an organisation word and no word of time: "Harbor digest -
/// Monday: “…”" and "… - Full Text: “…”" name no source.
fn dashed_name(cx: &RuleContext<'_>, ts: usize, colon: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let dash = (ts..colon).rev().take(8).find(|&k| cx.dash(k))?;
    let r = (dash + 1, colon);
    if dash <= ts || r.0 >= r.1 {
        return None;
    }
    let run = &toks[r.0..r.1];
    let names_a_source = run.iter().any(|t| {
        t.word()
            && (t.has(class::TITLE | class::ORG)
                || crate::lexicon::female_share(t.text(cx.text)).is_some())
    });
    // one noun phrase, or names with initials (`Ana M. Ruiz`) joined by `and` (`Ana
    // Ruiz and Tom Park`): capitalised words, an initial's period, an inner `and`
    let inner = |k: usize| r.0 < k && k + 1 < r.1;
    let joiner = |k: usize| inner(k) && is(cx.text, &toks[k], &["and"]);
    let initial = |k: usize| inner(k) && cx.punct(k, ".") && cx.text_of(k - 1).chars().count() == 1;
    let names = toks[r.0].word()
        && toks[r.1 - 1].word()
        && (r.0..r.1).all(|k| {
            if toks[k].word() {
                toks[k].cap() || joiner(k)
            } else {
                initial(k)
            }
        });
    ((np_after(cx.text, toks, r.0, r.1) == Some(r) || names)
        && names_a_source
        && (r.0..r.1).all(|k| {
            let t = &toks[k];
            !t.in_quote() && (!t.word() || t.cap() && !t.has(class::TIME) || joiner(k))
        }))
    .then_some(r)
}

/// Whether the sentence `si` comes right after the sentence `turn` that ended the last
/// speaker's turn, or after it and one sentence of narration between that has no cue
/// and does not open on a capitalised word other than a determiner or pronoun (a name
/// or a title there may be the next speaker: "Lena Brandt, the mayor, disagreed.").
fn follows_turn(
    cx: &RuleContext<'_>,
    ranges: &[Range32],
    cue_ranges: &[Range32],
    turn: usize,
    si: usize,
) -> bool {
    if turn + 1 == si {
        return true;
    }
    if turn + 2 != si {
        return false;
    }
    let (ts, te) = ranges[si - 1].get();
    let (c0, c1) = cue_ranges[si - 1].get();
    // (past a leading conjunction: "And it rained." opens on `it`, "But Lena Brandt
    // disagreed." on a name)
    let mut words = (ts..te).filter(|&i| cx.toks[i].word());
    let opening = words.next().and_then(|i| {
        if is(cx.text, &cx.toks[i], LEADING_CONJUNCTIONS) {
            words.next()
        } else {
            Some(i)
        }
    });
    c0 == c1
        && opening.is_some_and(|i| {
            let t = &cx.toks[i];
            !t.cap() || t.has(class::DET | class::PRONOUN)
        })
}

/// "“Boats leave at noon.”" ⏎ "- Ana Ruiz.": a quotation that is a paragraph of its
/// own (it opens sentence `si` and closes sentence `sj`, the last of its paragraph),
/// signed by the next paragraph, a single sentence opening with a dash. Digests and
/// fact checks set their quotations so; the dash line is the quotation's attribution
/// (`trailing_attribution` still checks it starts with the dash and a name).
fn dash_line_after(
    cx: &RuleContext<'_>,
    window: &Window<'_>,
    si: usize,
    sj: usize,
    q: &Quote<'_>,
) -> bool {
    let sentences = window.sentences;
    let next = &sentences[sj + 1];
    next.paragraph == sentences[sj].paragraph + 1
        && sentences
            .get(sj + 2)
            .is_none_or(|after| after.paragraph != next.paragraph)
        && starts_paragraph(cx.text, sentences, si, q)
        && cx.text[q.span.end.min(sentences[sj].span.end)..sentences[sj].span.end]
            .chars()
            .all(|c| !is_alnum(c))
        && {
            let (ns, ne) = window.ranges[sj + 1].get();
            ns < ne && cx.dash(ns)
        }
}

/// Sentence `si` opens its paragraph, with quotation `q` at its start.
fn starts_paragraph(text: &str, sentences: &[Sentence<'_>], si: usize, q: &Quote<'_>) -> bool {
    let s = &sentences[si];
    (si == 0 || sentences[si - 1].paragraph != s.paragraph)
        && text
            .get(s.span.start..q.span.start)
            .is_some_and(|gap| gap.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::context::tests::attributions;
    use crate::{AttributionKind, Rule, analyze};

    #[test]
    fn a_quotation_takes_the_cue_next_to_it() {
        assert_eq!(
            attributions("“The dam will hold,” the engineer said."),
            [(
                Rule::QuoteSpeakerCue,
                Some("the engineer"),
                "“The dam will hold,”"
            )]
        );
        assert_eq!(
            attributions("“The dam will hold,” said Lena Brandt."),
            [(
                Rule::QuoteCueSpeaker,
                Some("Lena Brandt"),
                "“The dam will hold,”"
            )]
        );
        assert_eq!(
            attributions("Lena Brandt said: “The dam will hold.”"),
            [(
                Rule::SpeakerCueQuote,
                Some("Lena Brandt"),
                "“The dam will hold.”"
            )]
        );
    }

    #[test]
    fn a_lead_in_cue_goes_before_a_frame_after_the_quotation() {
        // the explicit `said:` names the speaker (0.8); the frame's pronoun (0.7) only
        // describes the delivery
        let text = "The mayor said in a statement:\n“We will rebuild,” she sighed.";
        let found = attributions(text);
        assert_eq!(
            found
                .iter()
                .find(|a| a.2 == "“We will rebuild,”")
                .map(|a| (a.0, a.1)),
            Some((Rule::ColonLeadIn, Some("The mayor"))),
            "{found:?}"
        );
    }

    #[test]
    fn a_subject_and_a_verb_the_cue_lexicon_lacks_after_a_quotation_do_not_speak() {
        // the words after a quotation that hands on are not an attribution unless a cue
        // of the lexicon says so: acts, arrivals and verbs with objects speak for no one
        for text in [
            "“This is the end,” Congress passed the bill.",
            "“Go!” Police arrested two men.",
            "“Not again,” they reached the border.",
            "“No,” Ana Ruiz walked away.",
            "“Why?” followed the announcement.",
            "“Thanks,” Ana Ruiz showed up late.",
        ] {
            let found = attributions(text);
            assert!(
                found.iter().all(|(rule, _, _)| !matches!(
                    rule,
                    Rule::QuoteSpeakerCue | Rule::QuoteCueSpeaker
                )),
                "{text}: {found:?}"
            );
        }
        // the cue before the quotation keeps its speaker
        let found = attributions("Ana Ruiz said: “We will fight,” Tom Reyes smiled.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some("Ana Ruiz"), "{found:?}");
    }

    #[test]
    fn a_quotation_alone_does_not_inherit_past_a_named_subject_or_two_sentences() {
        // a named subject between may be the one speaking next
        let found = attributions(
            "“We will fight,” Ana Ruiz said. Lena Brandt, the mayor, disagreed. “That is hard.”",
        );
        let last = found.last().expect("attributions");
        assert_eq!(last.2, "“That is hard.”", "{found:?}");
        assert_ne!(last.1, Some("Ana Ruiz"), "{found:?}");
        // two sentences of narration between: too far
        let found = attributions(
            "“We will fight,” Ana Ruiz said. The rain went on. The road was closed. “That is hard.”",
        );
        let last = found.last().expect("attributions");
        assert_eq!(last.2, "“That is hard.”", "{found:?}");
        assert_ne!(last.1, Some("Ana Ruiz"), "{found:?}");
    }

    #[test]
    fn a_colon_before_a_quotation_ends_the_clause_of_an_earlier_cue() {
        // `said` reports its clause up to the colon; the quotation after the colon is
        // the subject's, not left to that clause
        let text = "Ana Ruiz toured the flooded streets on Monday and said the city has only one priority for the rest of this long and wet year: “Dry homes before winter.”";
        let doc = analyze(text);
        let a = doc
            .attributions
            .iter()
            .find(|a| a.content.text(text) == "“Dry homes before winter.”")
            .unwrap_or_else(|| panic!("{:?}", doc.attributions));
        assert_eq!(a.rule, Rule::ColonLeadIn);
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("Ana Ruiz"));
    }

    #[test]
    fn a_name_after_a_dash_before_the_colon_is_the_speaker() {
        // a digest's headline, a dash and its source: the source speaks
        let text = "Turnout fell in the river towns - Ana Ruiz: “The towns stayed home.”";
        let doc = analyze(text);
        let a = doc
            .attributions
            .iter()
            .find(|a| a.content.text(text) == "“The towns stayed home.”")
            .unwrap_or_else(|| panic!("{:?}", doc.attributions));
        assert_eq!(a.rule, Rule::ColonLeadIn);
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("Ana Ruiz"));
        // a name with an initial, and names joined by `and`, after a headline in capitals
        for (text, name) in [
            (
                "CANAL FARES CLIMB AGAIN AS WINTER NEARS - Lena K. Brandt: “Fares follow the fuel.”",
                "Lena K. Brandt",
            ),
            (
                "DOCK STRIKE ENDS, CREWS BACK BY FRIDAY - Tom Park and Lena Brandt: “Both sides gave ground.”",
                "Tom Park and Lena Brandt",
            ),
        ] {
            let doc = analyze(text);
            let speaker = doc
                .attributions
                .iter()
                .find(|a| a.kind == AttributionKind::Direct)
                .and_then(|a| a.speaker)
                .map(|m| m.span.text(text));
            assert_eq!(speaker, Some(name), "{text}");
        }
    }

    #[test]
    fn a_run_after_a_dash_that_names_no_source_is_no_speaker() {
        let speaker_of = |text: &'static str| {
            let doc = analyze(text);
            let a = doc
                .attributions
                .iter()
                .find(|a| a.content.text(text) == "“The ferry is late.”")
                .map(|a| a.speaker.map(|m| m.span.text(text)));
            a.flatten()
        };
        // a day of the week after the dash is a dateline, not a source
        assert_ne!(
            speaker_of("Harbor digest - Monday: “The ferry is late.”"),
            Some("Monday")
        );
        // a label without a forename, a title or an organisation word names nobody
        assert_ne!(
            speaker_of("Quiet week at the docks - Full Text: “The ferry is late.”"),
            Some("Full Text")
        );
        // a cue before the dash keeps its subject
        assert_eq!(
            speaker_of("Ana Ruiz, speaking to the Harbor Board - Full Text: “The ferry is late.”"),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn a_quotation_after_a_lead_in_takes_its_speaker() {
        let text = "The mayor said in a statement:\n\n“We are ready for the storm.”";
        let doc = analyze(text);
        let a = doc.attributions.last().unwrap();
        assert_eq!(a.rule, Rule::ColonLeadIn);
        assert_eq!(a.speaker.map(|m| m.span.text(text)), Some("The mayor"));
        assert_eq!(a.kind, AttributionKind::Direct);
    }

    #[test]
    fn a_quotation_right_after_one_continues_it() {
        // one attribution: the second quotation continues the first
        let text = "“We tried,” she said. “We will try again.”";
        let doc = analyze(text);
        assert_eq!(doc.attributions.len(), 1, "{:?}", doc.attributions);
        assert_eq!(doc.attributions[0].content.text(text), text);
    }

    #[test]
    fn a_quotation_running_over_paragraphs_is_continued_where_it_ends() {
        // the first quotation opens in one paragraph and closes in the next, before its
        // cue: the quotation after the cue continues it there
        let text = "“The harbour was empty.\n\n“We waited for the boats all night,” she said. “Nobody came.”";
        let doc = analyze(text);
        assert_eq!(doc.attributions.len(), 1, "{:?}", doc.attributions);
        assert_eq!(doc.attributions[0].content.text(text), text);
        // and a paragraph that is only a quotation, after it, inherits its speaker
        let text =
            "“The harbour was empty.\n\n“We waited all night,” Omar Haddad said.\n\n“Nobody came.”";
        let found = attributions(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[1],
            (Rule::Inherited, Some("Omar Haddad"), "“Nobody came.”")
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_quotation_inherits_the_speaker() {
        let text = "“The vote is close,” Omar Haddad said.\n\n“We will know tonight.”";
        let found = attributions(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, Rule::Inherited);
        assert_eq!(found[1].1, Some("Omar Haddad"));
    }

    #[test]
    fn a_sentence_that_is_only_a_quotation_inherits_its_paragraphs_last_speaker() {
        let text = "“The towns are small,” Omar Haddad said. They lie far from any city. “That is a hard area.”";
        let found = attributions(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[1],
            (
                Rule::Inherited,
                Some("Omar Haddad"),
                "“That is a hard area.”"
            )
        );
    }

    #[test]
    fn narration_opened_by_a_conjunction_is_read_past_it() {
        // "And it …": the narration names no new speaker
        let text = "“We found the leak,” she says. And it kept the crew busy. “The pump has failed twice since May.”";
        let found = attributions(text);
        assert_eq!(
            found.last(),
            Some(&(
                Rule::Inherited,
                Some("she"),
                "“The pump has failed twice since May.”"
            )),
            "{found:?}"
        );
        // "But Lena Brandt …": a name after the conjunction may be the next speaker
        let text = "“We found the leak,” she says. But Lena Brandt disagreed. “The pump has failed twice since May.”";
        let found = attributions(text);
        assert_eq!(
            found.last(),
            Some(&(
                Rule::ColonLeadIn,
                Some("Lena Brandt"),
                "“The pump has failed twice since May.”"
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_quotation_without_a_cue_is_unattributed() {
        let found = attributions("The rain went on. “Nobody expected this.”");
        assert_eq!(
            found,
            [(Rule::Unattributed, None, "“Nobody expected this.”")]
        );
    }

    #[test]
    fn a_dash_line_after_a_quotation_paragraph_signs_it() {
        let text = "The pier reopened.\n\n“Boats leave at noon. Tickets are sold on the quay.”\n\n- Ana Ruiz.";
        let found = attributions(text);
        assert_eq!(
            found.last(),
            Some(&(
                Rule::QuoteDashSpeaker,
                Some("Ana Ruiz"),
                "“Boats leave at noon. Tickets are sold on the quay.”"
            )),
            "{found:?}"
        );
        // a quotation inside narration is not signed by the dash line after its paragraph
        let text = "The pier reopened, and the mayor called it “a fine day.”\n\n- Ana Ruiz.";
        let found = attributions(text);
        assert!(
            found.iter().all(|a| a.0 != Rule::QuoteDashSpeaker),
            "{found:?}"
        );
    }

    #[test]
    fn a_dash_line_name_goes_on_past_a_middle_initial() {
        // each quotation is signed by its own line, "Tomas K. Irwe" as well
        let text = "“The ferry was late again.” ― Ana Ruiz\n\
                    “The board is useless and slow!” ― Tomas K. Irwe.";
        let found = attributions(text);
        assert_eq!(
            found.last(),
            Some(&(
                Rule::QuoteDashSpeaker,
                Some("Tomas K. Irwe"),
                "“The board is useless and slow!”"
            )),
            "{found:?}"
        );
    }

    #[test]
    fn a_quotation_sentence_continues_a_turn_after_an_earlier_cues_clause() {
        // the clause of `told` before the first quotation does not end the turn
        let text = "At the hearing, Tom Park told the council the pier was a mistake: \
                    \"It will be shut by spring,\" Park predicted. \"Nobody buys tickets.\"";
        let found = attributions(text);
        let last = found.last().expect("attributions");
        assert_eq!(last.1, Some("Park"), "{found:?}");
        assert!(last.2.ends_with("\"Nobody buys tickets.\""), "{found:?}");
        // a quotation after narration with a subject of its own is no continuation
        let text = "I shrugged and said, \"That is fine.\" He looked hurt, \
                    so I had to add: \"It is not fine at all.\"";
        assert_eq!(
            attributions(text),
            [
                (Rule::SpeakerCueQuote, Some("I"), "\"That is fine.\""),
                (
                    Rule::SpeakerCueQuote,
                    Some("I"),
                    "\"It is not fine at all.\""
                ),
            ]
        );
    }
}
