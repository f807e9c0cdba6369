//! The attribution rules, applied sentence by sentence.

use crate::attribution::mention::{as_mention, subject_before};
use crate::attribution::token::tokenize;
use crate::attribution::{Attribution, AttributionKind, KindDecision, KindReason, Mode, Rule};
use crate::lexicon::Overlay;
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::sentence::scan::{is_alnum, partition_from};
use crate::span::Span;
use std::cell::Cell;

mod attachment;
mod clauses;
mod confidence;
mod consistency;
mod context;
mod cue_sense;
mod cues;
pub(crate) mod model;
mod modes;
mod names;
mod nested;
mod quotes;
mod source;
mod windows;

pub(crate) use windows::attribute;
#[cfg(fuzzing)]
pub(crate) use windows::attribute_in_windows;

use clauses::{colon_speaker, indirect};
use context::{
    Counts, Link, MAX_SENTENCE_TOKENS, Range32, RuleContext, Scratch, extent, first_token_at,
    kind_for, mark_carried_tokens, mark_quote_tokens, taken, turn_end, unattributed,
};
use cues::{after_cue, find_cues};
use names::person_names;
use nested::drop_nested;
use quotes::{fragment_in_clause, link_quote, sentence_subject, trailing_attribution};

/// Run the attribution rules over `sentences` of `text` (at most `MAX_TEXT` bytes; see
/// `windows` for longer texts and for windows), with `quotes` the quotations that
/// start in them and `carried` the pieces of one that started before them and is still
/// open. Appends the attributions, in text order, to `out` (their quotation
/// indices are into `quotes`), the person-like names seen to `names` (antecedents for
/// pronouns; `true` marks a weak one that may only join a known person) and the
/// decisions about the quotations' kinds to `decisions` (in quotation order; the
/// quotations themselves are the detector's, left as they are).
// the window's inputs (text, sentences, quotations, carried pieces, added words) and
// its outputs (scratch, attributions, names): one call per window of a long text
#[allow(clippy::too_many_arguments)]
fn attribute_all(
    text: &str,
    sentences: &[Sentence<'_>],
    quotes: &[Quote<'_>],
    carried: &[Span],
    extra: &Overlay,
    scratch: &mut Scratch,
    out: &mut Vec<Attribution>,
    names: &mut Vec<(Span, bool)>,
    decisions: &mut Vec<KindDecision>,
) {
    // about one token per five bytes of the sentences (a window of a long text)
    let bytes = extent(sentences);
    let mut toks = taken(&mut scratch.toks);
    let mut cum = taken(&mut scratch.cum);
    let mut ranges = taken(&mut scratch.ranges);
    toks.reserve(bytes / 5);
    cum.reserve(bytes / 5 + 1);
    cum.push(0);
    ranges.reserve(sentences.len());
    // a sentence longer than MAX_SENTENCE_TOKENS is cut into pieces that long
    let mut cut: Vec<Sentence<'_>> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let a = toks.len();
        tokenize(text, s.span.start, s.span.end, extra, &mut toks, &mut cum);
        let b = toks.len();
        if b - a <= MAX_SENTENCE_TOKENS {
            if !cut.is_empty() {
                cut.push(*s);
            }
            ranges.push(Range32::new(a, b));
            continue;
        }
        if cut.is_empty() {
            cut.extend_from_slice(&sentences[..si]);
        }
        for i in (a..b).step_by(MAX_SENTENCE_TOKENS) {
            let j = (i + MAX_SENTENCE_TOKENS).min(b);
            let span = Span::new(toks[i].start(), toks[j - 1].end());
            cut.push(Sentence {
                span,
                text: &text[span],
                paragraph: s.paragraph,
            });
            ranges.push(Range32::new(i, j));
        }
    }
    let sentences: &[Sentence<'_>] = if cut.is_empty() { sentences } else { &cut };
    mark_quote_tokens(&mut toks, quotes);
    mark_carried_tokens(&mut toks, carried);
    let counts = Counts::new(text, &toks, cum, quotes, scratch);
    let cx = RuleContext {
        text,
        weights: model::current_weights(),
        record: model::is_recording(),
        toks: &toks,
        counts: &counts,
        near: Cell::new(0),
        near_quote: Cell::new(0),
        near_top: Cell::new(0),
    };
    // every cue of the text, with the range of each sentence's cues
    let mut cues = taken(&mut scratch.cues);
    let mut cue_ranges = taken(&mut scratch.cue_ranges);
    cue_ranges.reserve(sentences.len());
    for r in &ranges {
        let (ts, te) = r.get();
        let a = cues.len();
        find_cues(&cx, ts, te, &mut cues);
        cue_ranges.push(Range32::new(a, cues.len()));
    }
    // the sentence holding `byte`, searched from the last one asked for (it is near)
    let near_sentence = Cell::new(0);
    let sentence_of = |byte: usize| {
        let k = partition_from(sentences, near_sentence.get(), |s| s.span.start <= byte);
        near_sentence.set(k);
        k.saturating_sub(1)
    };

    let base = out.len();
    let mut quote_done = taken(&mut scratch.quote_done);
    quote_done.resize(quotes.len(), false);
    // the last attribution with a speaker, and its paragraph
    let mut last: Option<(usize, Attribution)> = None;
    // a lead-in "X said:" ending the previous sentence
    let mut lead_in: Option<(usize, Link)> = None;
    // the last attribution of a speech quotation: (paragraph, index in `out`)
    let mut last_direct: Option<(usize, usize, usize)> = None;
    let mut next_quote = 0;
    let mut sentence_quotes = taken(&mut scratch.sentence_quotes);
    // the attributions each sentence added, when more than one (sorted at the end)
    let mut groups = taken(&mut scratch.groups);

    for (si, s) in sentences.iter().enumerate() {
        let (ts, te) = ranges[si].get();
        let (c0, c1) = cue_ranges[si].get();
        sentence_quotes.clear();
        while next_quote < quotes.len() && quotes[next_quote].span.start < s.span.end {
            let q = &quotes[next_quote];
            if q.parent.is_none() && q.kind != QuoteKind::NotSpeech && !quote_done[next_quote] {
                sentence_quotes.push(next_quote);
            }
            next_quote += 1;
        }
        if ts == te {
            continue;
        }
        let first_new_out = out.len();

        // 0. "Name: …" headlines and transcripts
        if let Some(a) = colon_speaker(&cx, ts, te, sentences, &ranges, si, quotes) {
            for (qi, q) in quotes
                .iter()
                .enumerate()
                .skip(sentence_quotes.first().copied().unwrap_or(quotes.len()))
            {
                if q.span.start >= a.content.end {
                    break;
                }
                // the quotation holds the turn ("“SMITH: …") or lies in it
                if a.content.contains(q.span) || q.parent.is_none() && q.span.overlaps(a.content) {
                    quote_done[qi] = true;
                }
            }
            out.push(a);
        }

        // 1. speech quotations
        for &qi in &sentence_quotes {
            if quotes[qi].kind != QuoteKind::Speech || quote_done[qi] {
                continue;
            }
            // a quotation that runs over several sentences: look up to where it ends
            let mut sj = sentence_of(quotes[qi].span.end.saturating_sub(1)).max(si);
            // "“…!” Her niece shouted to the crowd." / "“…” ― Ana Ruiz": an attribution cut
            // off into a sentence of its own
            if sj + 1 < sentences.len()
                && sentences[sj + 1].paragraph == sentences[sj].paragraph
                && trailing_attribution(&cx, &quotes[qi], ranges[sj].get(), ranges[sj + 1].get())
            {
                sj += 1;
            }
            let (te_q, c1_q) = (ranges[sj].get().1, cue_ranges[sj].get().1);
            let link = link_quote(&cx, &quotes[qi], ts, te_q, &mut cues[c0..c1_q]);
            let link = match link {
                Some(l) => Some(l),
                None => lead_in
                    .as_ref()
                    .filter(|(p, _)| *p + 1 >= s.paragraph)
                    .map(|(_, l)| Link {
                        rule: Rule::ColonLeadIn,
                        confidence: 0.8,
                        content: None,
                        ..*l
                    }),
            };
            let q = &quotes[qi];
            // a quotation continuing the previous direct attribution of its paragraph:
            // "“A,” she said. “B.”" is one attribution
            if link.is_none() {
                if let Some(&(p, k, ls)) = last_direct.as_ref() {
                    let free_cue = cues[c0..c1].iter().any(|c| !c.used);
                    // only attributions from the same sentence (participles) came since
                    let same_turn = out[k + 1..].iter().all(|a| {
                        a.content.start >= out[k].content.start
                            && sentence_of(a.content.start) <= ls
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
                            kind_for(&cx, c, quotes)
                        };
                        quote_done[qi] = true;
                        last_direct = Some((p, k, sentence_of(c.end.saturating_sub(1))));
                        continue;
                    }
                }
            }
            let link = match link {
                Some(l) => Some(l),
                None => {
                    // a paragraph that is only a quotation: take the previous paragraph's speaker
                    let para_is_quote =
                        q.first_paragraph > 0 && starts_paragraph(text, sentences, si, q);
                    // a sentence that is only a quotation, right after a sentence of its
                    // paragraph with a speaker: "Cummings called him a master of deals.
                    // “He showed it again and again.”"
                    let sentence_is_quote = text[s.span.start..q.span.start].trim().is_empty()
                        && text[q.span.end.min(s.span.end)..s.span.end]
                            .chars()
                            .all(|c| !is_alnum(c));
                    match &last {
                        Some((p, a))
                            if para_is_quote
                                && *p + 1 >= q.first_paragraph
                                && *p < q.first_paragraph
                                || sentence_is_quote
                                    && *p == s.paragraph
                                    && sentence_of(turn_end(a).saturating_sub(1)) + 1 == si =>
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
            // "She added that …, because “In the end, we vote for somebody.”": a quotation in
            // the clause of an earlier cue is left to the reported-speech rules (step 2)
            if link.is_none()
                && cues[c0..c1]
                    .iter()
                    .any(|c| !c.used && c.b <= first_token_at(&cx, q.span.start, ts, te))
            {
                continue;
            }
            // "President Obama is rolling out a new message: “It's about me.”": a colon and a
            // quotation with no cue; the sentence's subject speaks
            let link = link.or_else(|| {
                let qa = first_token_at(&cx, q.span.start, ts, te);
                (qa > ts && cx.punct(qa - 1, ":"))
                    .then(|| sentence_subject(&cx, ts, qa))
                    .flatten()
                    .map(|r| Link {
                        speaker: Some(as_mention(text, &toks, r)),
                        cue: Some(cx.span(qa - 1, qa)),
                        addressee: None,
                        medium: None,
                        rule: Rule::ColonLeadIn,
                        confidence: 0.5,
                        content: None,
                    })
            });
            quote_done[qi] = true;
            let content = link.as_ref().and_then(|l| l.content).unwrap_or(q.span);
            // the quotation itself is the content (its pieces, the attribution between them
            // aside): direct
            let kind = if content == q.span {
                AttributionKind::Direct
            } else {
                kind_for(&cx, content, quotes)
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
                last_direct = Some((
                    s.paragraph,
                    out.len(),
                    sentence_of(turn_end(&a).saturating_sub(1)),
                ));
            }
            out.push(a);
        }

        // 2. reported speech from the remaining cues
        let scues = &mut cues[c0..c1];
        for ci in 0..scues.len() {
            if scues[ci].used {
                continue;
            }
            let main_speaker = out[first_new_out..].iter().find_map(|a| a.speaker);
            if let Some(mut a) = indirect(&cx, scues, ci, ts, te, quotes, &quote_done, main_speaker)
            {
                // a quotation attributed in step 1 is not reported again: the clause
                // stops before it, or is dropped when nothing is left
                let taken = out[first_new_out..]
                    .iter()
                    .filter_map(|b| b.quote.map(|q| quotes[q].span))
                    .find(|q| q.overlaps(a.content));
                if let Some(q) = taken {
                    let head = text[a.content.start..q.start.max(a.content.start)]
                        .trim_end_matches(|c: char| {
                            c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–')
                        });
                    if head.split_whitespace().count() < 3 {
                        continue;
                    }
                    a.content = Span::new(a.content.start, a.content.start + head.len());
                    a.kind = kind_for(&cx, a.content, quotes);
                }
                scues[ci].used = true;
                for &qi in &sentence_quotes {
                    if a.content.contains(quotes[qi].span) {
                        quote_done[qi] = true;
                    }
                }
                out.push(a);
            }
        }

        // a reported clause holding a quotation may be continued by the next quotation
        if let Some(k) = (first_new_out..out.len())
            .rev()
            .find(|&k| out[k].kind != AttributionKind::Indirect && out[k].speaker.is_some())
        {
            if last_direct.is_none_or(|(_, j, _)| j < k) {
                last_direct = Some((
                    s.paragraph,
                    k,
                    sentence_of(turn_end(&out[k]).saturating_sub(1)),
                ));
            }
        }

        // 3. partial quotations no content took: a cue next to them, or not speech; speech
        // left for step 2 and not taken there stays unattributed
        for &qi in &sentence_quotes {
            if quote_done[qi] {
                continue;
            }
            quote_done[qi] = true;
            // inside a content this sentence reported: part of it ("rated them as “false”
            // or “pants on fire”"), whatever the rule that took the content
            if out[first_new_out..]
                .iter()
                .any(|a| a.content.contains(quotes[qi].span))
            {
                continue;
            }
            if quotes[qi].kind == QuoteKind::Speech {
                out.push(unattributed(quotes[qi].span, AttributionKind::Direct, qi));
                continue;
            }
            match link_quote(&cx, &quotes[qi], ts, te, &mut cues[c0..c1]) {
                Some(l) if l.speaker.is_some() => {
                    let content = l.content.unwrap_or(quotes[qi].span);
                    out.push(l.attribution(
                        content,
                        kind_for(&cx, content, quotes),
                        qi,
                        l.confidence * 0.8,
                    ));
                }
                _ => match sentence_subject(&cx, ts, te) {
                    // "Critics likened the rules to “burning the house down”": a fragment in a
                    // clause about its subject, who is taken to have said it
                    Some(r) if fragment_in_clause(&cx, &quotes[qi], ts, te) => {
                        let content = quotes[qi].span;
                        out.push(Attribution {
                            content,
                            kind: AttributionKind::Partial,
                            quote: Some(qi),
                            speaker: Some(as_mention(text, &toks, r)),
                            entity: None,
                            cue: None,
                            addressee: None,
                            medium: None,
                            confidence: 0.3,
                            rule: Rule::SentenceSubject,
                            mode: Mode::Speech,
                        });
                    }
                    _ => decisions.push(KindDecision {
                        quote: qi,
                        kind: QuoteKind::NotSpeech,
                        reason: KindReason::Unclaimed,
                    }),
                },
            }
        }

        lead_in = None;
        if s.text.trim_end().ends_with(':') {
            if let Some(c) = cues[c0..c1].iter().rev().find(|c| !c.used) {
                let speaker =
                    subject_before(text, &toks, c.a, ts).map(|r| as_mention(text, &toks, r));
                if speaker.is_some() {
                    let (_, addressee, medium) = after_cue(&cx, c, te);
                    lead_in = Some((
                        s.paragraph,
                        Link {
                            speaker,
                            cue: Some(cx.span(c.a, c.b)),
                            addressee,
                            medium,
                            rule: Rule::ColonLeadIn,
                            confidence: 0.8,
                            content: None,
                        },
                    ));
                }
            } else if let Some(r) = sentence_subject(&cx, ts, te) {
                // "Sanders made the following comment:" — no cue word, the subject speaks
                let colon = te - 1;
                lead_in = Some((
                    s.paragraph,
                    Link {
                        speaker: Some(as_mention(text, &toks, r)),
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
        if let Some(a) = out[first_new_out..]
            .iter()
            .rev()
            .find(|a| a.speaker.is_some())
        {
            last = Some((s.paragraph, *a));
        }
        if out.len() > first_new_out + 1 {
            groups.push((first_new_out, out.len()));
        }
    }
    // text order: each sentence's attributions among themselves, then the whole list only
    // if that was not enough (a stable sort of the whole list needs a buffer half its size)
    let key = |a: &Attribution| (a.content.start, a.content.end);
    for &(a, b) in &groups {
        out[a..b].sort_by_key(key);
    }
    if !out[base..].is_sorted_by_key(key) {
        out[base..].sort_by_key(key);
    }
    drop_nested(out, base);
    confidence::set_confidence(&cx, &cues, &mut out[base..]);
    modes::set_modes(text, &mut out[base..]);
    person_names(&cx, &ranges, names);
    let Counts {
        tok,
        tops,
        tops_cum,
        piece_cum,
        piece_off,
    } = counts;
    *scratch = Scratch {
        toks,
        cum: tok,
        ranges,
        cues,
        cue_ranges,
        quote_done,
        sentence_quotes,
        groups,
        tops,
        tops_cum,
        piece_cum,
        piece_off,
    };
}

fn starts_paragraph(text: &str, sentences: &[Sentence<'_>], si: usize, q: &Quote<'_>) -> bool {
    let s = &sentences[si];
    (si == 0 || sentences[si - 1].paragraph != s.paragraph)
        && text[s.span.start..q.span.start].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::attribute;
    use crate::attribution::{KindDecision, KindReason};
    use crate::lexicon::Overlay;
    use crate::quote::QuoteKind;
    use crate::{QuoteDetector, QuotePolicy, Segmenter, paragraphs};

    #[test]
    fn kind_decisions_are_returned_for_the_analyzer_to_apply() {
        // a partial quotation with no cue and no clause about a subject: the stage decides it is not speech and
        // says so, and the analyzer's document shows the decision
        let text = "Tickets for the “summer of fun” tour sold out.";
        let spans: Vec<_> = paragraphs(text).map(|p| p.span).collect();
        let sentences: Vec<_> = Segmenter::new()
            .sentences_with_policy(text, QuotePolicy::Keep)
            .collect();
        let quotes = QuoteDetector::new().detect(text, &spans);
        assert_eq!(quotes[0].kind, QuoteKind::Partial);
        let (_, _, decisions) = attribute(text, &sentences, &quotes, &Overlay::default());
        assert_eq!(
            decisions,
            [KindDecision {
                quote: 0,
                kind: QuoteKind::NotSpeech,
                reason: KindReason::Unclaimed,
            }]
        );
        assert_eq!(crate::analyze(text).quotes[0].kind, QuoteKind::NotSpeech);
        // a fragment someone says keeps its kind: no decision
        let text = "She said the plan was “a disaster for everyone” and would fail.";
        let spans: Vec<_> = paragraphs(text).map(|p| p.span).collect();
        let sentences: Vec<_> = Segmenter::new()
            .sentences_with_policy(text, QuotePolicy::Keep)
            .collect();
        let quotes = QuoteDetector::new().detect(text, &spans);
        let (_, _, decisions) = attribute(text, &sentences, &quotes, &Overlay::default());
        assert_eq!(decisions, []);
    }
}
