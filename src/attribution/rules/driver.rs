//! The driver of the attribution rules: the two ordered rule lists, `SENTENCE_RULES`
//! and `WINDOW_RULES` (each rule's reason for its place is stated beside it), and
//! [`attribute_all`], which runs them over one window's sentences (`windows.rs` cuts a
//! long text into windows).

use crate::attribution::token::{Tok, span_of, tokenize};
use crate::attribution::{Attribution, KindDecisions};
use crate::lexicon::Overlay;
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::span::Span;
use std::cell::Cell;

use super::context::{
    Counts, MAX_SENTENCE_TOKENS, Progress, Range32, RuleContext, Scratch, SentenceAt, Window,
    extent, mark_carried_tokens, mark_quote_tokens, taken, turn_place,
};
use super::cues::find_cues;
use super::{
    chained, colon_speakers, confidence, lead_ins, leftovers, model, modes, names, nested,
    reported, speech,
};

/// A rule run on each sentence (its family's file says more).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SentenceRule {
    ColonSpeaker,
    SpeechQuotations,
    ReportedSpeech,
    LeftoverQuotations,
    ColonLeadIn,
}

/// The rules run on each sentence, in this order.
const SENTENCE_RULES: &[SentenceRule] = &[
    // `Name: …` headlines and transcript turns: first, because the quotations in a
    // turn are its words and must not be linked to cues of their own
    SentenceRule::ColonSpeaker,
    // quotations of speech, before any reported clause: a quotation is the surest
    // content and takes the nearest cue; the cues it leaves are the clauses'
    SentenceRule::SpeechQuotations,
    // reported clauses of the cues left, stopping before the quotations just taken
    SentenceRule::ReportedSpeech,
    // partial quotations no content took: after every rule that makes a content,
    // since a content may hold them; the rest is decided not speech
    SentenceRule::LeftoverQuotations,
    // a sentence ending `X said:` is a lead-in for the next one's quotation: last, so
    // that it only takes a cue no rule of its own sentence used, and replaces the
    // lead-in of the sentence before only once the speech rule has read it
    SentenceRule::ColonLeadIn,
];

impl SentenceRule {
    // a match rather than a list of function pointers: the calls stay direct, and may
    // be inlined, as when the rules were one function
    fn apply(
        self,
        cx: &RuleContext<'_>,
        window: &Window<'_>,
        sentence: &SentenceAt<'_>,
        progress: &mut Progress<'_>,
    ) {
        match self {
            SentenceRule::ColonSpeaker => {
                colon_speakers::colon_speakers(cx, window, sentence, progress)
            }
            SentenceRule::SpeechQuotations => {
                speech::speech_quotations(cx, window, sentence, progress)
            }
            SentenceRule::ReportedSpeech => {
                reported::reported_speech(cx, window, sentence, progress)
            }
            SentenceRule::LeftoverQuotations => {
                leftovers::leftover_quotations(cx, window, sentence, progress)
            }
            SentenceRule::ColonLeadIn => lead_ins::colon_lead_in(cx, window, sentence, progress),
        }
    }
}

/// A rule run once on a window's attributions, after every sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WindowRule {
    TextOrder,
    Nested,
    ChainedSources,
    Confidence,
    Modes,
    PersonNames,
}

/// The rules run once on a window's attributions, in this order.
const WINDOW_RULES: &[WindowRule] = &[
    // text order, which the next rules rely on
    WindowRule::TextOrder,
    // an indirect attribution inside another's content is not a top-level one
    // (`nested.rs`): before confidence and modes, which need not score what is dropped
    WindowRule::Nested,
    // an `according to` source reporting another speaker's act is its medium, and that
    // speaker speaks (`chained.rs`): after the nested attributions are dropped (the inner
    // act's own clause among them), before confidence and modes, which read the cue
    WindowRule::ChainedSources,
    // the learned probability that each attribution is right, from its final shape
    // (`confidence.rs`)
    WindowRule::Confidence,
    // speech, writing, thought or evidence, from the cue and the medium (`modes.rs`)
    WindowRule::Modes,
    // the person-like names of the window, antecedents for the entity stage's pronouns
    // (`names.rs`)
    WindowRule::PersonNames,
];

impl WindowRule {
    fn apply(self, cx: &RuleContext<'_>, window: &Window<'_>, progress: &mut Progress<'_>) {
        let base = progress.base;
        match self {
            WindowRule::TextOrder => into_text_order(progress),
            WindowRule::Nested => nested::drop_nested(progress.out, base),
            WindowRule::ChainedSources => {
                chained::inner_speakers(cx.text, cx.toks, &progress.cues, &mut progress.out[base..])
            }
            WindowRule::Confidence => {
                confidence::set_confidence(cx, &progress.cues, &mut progress.out[base..])
            }
            WindowRule::Modes => modes::set_modes(cx.text, &mut progress.out[base..]),
            WindowRule::PersonNames => names::person_names(cx, window.ranges, progress.names),
        }
    }
}

/// Text order: each sentence's attributions among themselves, then the whole list only
/// if that was not enough (a stable sort of the whole list needs a buffer half its size).
fn into_text_order(progress: &mut Progress<'_>) {
    let key = |a: &Attribution| (a.content.start, a.content.end);
    let out = &mut *progress.out;
    for &(first, end) in &progress.groups {
        out[first..end].sort_by_key(key);
    }
    if !out[progress.base..].is_sorted_by_key(key) {
        out[progress.base..].sort_by_key(key);
    }
}

/// Run the attribution rules over `sentences` of `text` (at most `MAX_TEXT` bytes; see
/// `windows` for longer texts and for windows), with `quotes` the quotations that
/// start in them and `carried` the pieces of one that started before them and is still
/// open. Appends the attributions, in text order, to `out` (their quotation
/// indices are into `quotes`), the person-like names seen to `names` (antecedents for
/// pronouns; `true` marks a weak one that may only join a known person) and the
/// decisions about the quotations' kinds to `decisions` (in quotation order; the
/// quotations themselves are the detector's, left as they are).
// the window's inputs (text, sentences, quotations, carried pieces, added words) and
// its outputs (scratch, attributions, names, decisions): one call per window of a long
// text
#[allow(clippy::too_many_arguments)]
pub(super) fn attribute_all(
    text: &str,
    sentences: &[Sentence<'_>],
    quotes: &[Quote<'_>],
    carried: &[Span],
    extra: &Overlay,
    scratch: &mut Scratch,
    out: &mut Vec<Attribution>,
    names: &mut Vec<(Span, bool)>,
    decisions: &mut KindDecisions,
) {
    attribute_with_rules(
        SENTENCE_RULES,
        WINDOW_RULES,
        text,
        sentences,
        quotes,
        carried,
        extra,
        scratch,
        out,
        names,
        decisions,
    );
}

/// [`attribute_all`] with the sentence rules `rules` and the window rules
/// `window_rules` (the tests of the lists' order run it with a pair swapped).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn attribute_with_rules(
    rules: &[SentenceRule],
    window_rules: &[WindowRule],
    text: &str,
    sentences: &[Sentence<'_>],
    quotes: &[Quote<'_>],
    carried: &[Span],
    extra: &Overlay,
    scratch: &mut Scratch,
    out: &mut Vec<Attribution>,
    names: &mut Vec<(Span, bool)>,
    decisions: &mut KindDecisions,
) {
    let mut toks = taken(&mut scratch.toks);
    let mut cum = taken(&mut scratch.cum);
    let mut ranges = taken(&mut scratch.ranges);
    let mut cut: Vec<Sentence<'_>> = Vec::new();
    tokenize_sentences(
        text,
        sentences,
        extra,
        &mut toks,
        &mut cum,
        &mut ranges,
        &mut cut,
    );
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
        let first = cues.len();
        find_cues(&cx, ts, te, &mut cues);
        cue_ranges.push(Range32::new(first, cues.len()));
    }
    let window = Window::new(sentences, &ranges, &cue_ranges, quotes);
    let mut quote_done = taken(&mut scratch.quote_done);
    quote_done.resize(quotes.len(), false);
    let mut progress = Progress {
        base: out.len(),
        out,
        names,
        decisions,
        cues,
        quote_done,
        last: None,
        lead_in: None,
        last_direct: None,
        groups: taken(&mut scratch.groups),
    };
    let mut next_quote = 0;
    let mut sentence_quotes = taken(&mut scratch.sentence_quotes);

    for (si, s) in sentences.iter().enumerate() {
        let (ts, te) = ranges[si].get();
        sentence_quotes.clear();
        while next_quote < quotes.len() && quotes[next_quote].span.start < s.span.end {
            let q = &quotes[next_quote];
            if q.parent().is_none()
                && q.kind != QuoteKind::NotSpeech
                && !progress.quote_done[next_quote]
            {
                sentence_quotes.push(next_quote);
            }
            next_quote += 1;
        }
        if ts == te {
            continue;
        }
        let sentence = SentenceAt {
            index: si,
            tokens: (ts, te),
            cues: cue_ranges[si].get(),
            quotes: &sentence_quotes,
            first_new: progress.out.len(),
        };
        for rule in rules {
            rule.apply(&cx, &window, &sentence, &mut progress);
        }
        // what the next sentence's rules read: its last speaker (a quotation alone in
        // its paragraph inherits it), and the attributions to sort
        let first_new = sentence.first_new;
        if let Some(a) = progress.out[first_new..]
            .iter()
            .rev()
            .find(|a| a.speaker.is_some())
        {
            // the paragraph where its turn ends: after a quotation running over
            // paragraphs, the next paragraph that is only a quotation continues it
            let (paragraph, _) = turn_place(&window, a, si);
            progress.last = Some((paragraph, *a));
        }
        if progress.out.len() > first_new + 1 {
            progress.groups.push((first_new, progress.out.len()));
        }
    }
    for rule in window_rules {
        rule.apply(&cx, &window, &mut progress);
    }
    let Progress {
        cues,
        quote_done,
        groups,
        ..
    } = progress;
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

/// Tokenize `sentences` into `toks` (with the letter counts `cum`, one entry more),
/// each sentence's token range in `ranges`. A sentence longer than
/// `MAX_SENTENCE_TOKENS` is cut into pieces that long: then `cut` holds the sentences
/// the rules see, else it stays empty.
fn tokenize_sentences<'t>(
    text: &'t str,
    sentences: &[Sentence<'t>],
    extra: &Overlay,
    toks: &mut Vec<Tok>,
    cum: &mut Vec<u32>,
    ranges: &mut Vec<Range32>,
    cut: &mut Vec<Sentence<'t>>,
) {
    // one token per four bytes of the sentences (a window of a long text): news has
    // about one per five, and a text dense in punctuation more, which then grows the
    // buffers once (from a fifth, the punctuation shapes doubled them twice)
    let bytes = extent(sentences);
    toks.reserve(bytes / 4);
    cum.reserve(bytes / 4 + 1);
    cum.push(0);
    ranges.reserve(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        let first = toks.len();
        tokenize(text, s.span.start, s.span.end, extra, toks, cum);
        let end = toks.len();
        if end - first <= MAX_SENTENCE_TOKENS {
            if !cut.is_empty() {
                cut.push(*s);
            }
            ranges.push(Range32::new(first, end));
            continue;
        }
        if cut.is_empty() {
            cut.extend_from_slice(&sentences[..si]);
        }
        for i in (first..end).step_by(MAX_SENTENCE_TOKENS) {
            let j = (i + MAX_SENTENCE_TOKENS).min(end);
            let span = span_of(toks, i, j);
            cut.push(Sentence {
                span,
                text: &text[span],
                paragraph: s.paragraph,
            });
            ranges.push(Range32::new(i, j));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        SENTENCE_RULES, Scratch, SentenceRule, WINDOW_RULES, WindowRule, attribute_with_rules,
    };
    use crate::attribution::rules::attribute;
    use crate::attribution::{KindDecisions, Rule};
    use crate::lexicon::Overlay;
    use crate::quote::QuoteKind;
    use crate::{QuoteDetector, QuotePolicy, Segmenter, paragraphs};

    /// The attributions of `text` (speaker, rule, content) when its sentences are run
    /// through `rules`.
    fn attributed_with(rules: &[SentenceRule], text: &str) -> Vec<(Option<String>, Rule, String)> {
        attributed_with_window(rules, WINDOW_RULES, text)
    }

    /// The attributions of `text` (speaker, rule, content) when its sentences are run
    /// through `rules` and the window through `window_rules`.
    fn attributed_with_window(
        rules: &[SentenceRule],
        window_rules: &[WindowRule],
        text: &str,
    ) -> Vec<(Option<String>, Rule, String)> {
        let spans: Vec<_> = paragraphs(text).map(|p| p.span).collect();
        let sentences: Vec<_> = Segmenter::new()
            .sentences_with_policy(text, QuotePolicy::Keep)
            .collect();
        let quotes = QuoteDetector::new().detect(text, &spans);
        let (mut out, mut names, mut decisions) =
            (Vec::new(), Vec::new(), KindDecisions::default());
        attribute_with_rules(
            rules,
            window_rules,
            text,
            &sentences,
            &quotes,
            &[],
            &Overlay::default(),
            &mut Scratch::default(),
            &mut out,
            &mut names,
            &mut decisions,
        );
        out.iter()
            .map(|a| {
                (
                    a.speaker.map(|m| m.span.text(text).to_string()),
                    a.rule,
                    a.content.text(text).to_string(),
                )
            })
            .collect()
    }

    /// `SENTENCE_RULES` with `first` and `second` swapped.
    fn swapped(first: SentenceRule, second: SentenceRule) -> Vec<SentenceRule> {
        let mut rules = SENTENCE_RULES.to_vec();
        let i = rules.iter().position(|&r| r == first).unwrap();
        let j = rules.iter().position(|&r| r == second).unwrap();
        assert!(i < j, "{first:?} runs before {second:?}");
        rules.swap(i, j);
        rules
    }

    /// `text` is attributed as `expected` by the rules in their order, and otherwise
    /// with `first` and `second` swapped (the reason for their order).
    fn order_matters(
        first: SentenceRule,
        second: SentenceRule,
        text: &str,
        expected: &[(Option<&str>, Rule, &str)],
    ) {
        let owned = |v: &[(Option<&str>, Rule, &str)]| -> Vec<(Option<String>, Rule, String)> {
            v.iter()
                .map(|(s, r, c)| (s.map(str::to_string), *r, c.to_string()))
                .collect()
        };
        assert_eq!(attributed_with(SENTENCE_RULES, text), owned(expected));
        assert_ne!(
            attributed_with(&swapped(first, second), text),
            owned(expected),
            "{first:?} and {second:?} swapped"
        );
    }

    #[test]
    fn a_colon_speaker_takes_its_turns_quotations_before_the_speech_rule() {
        // the quotation in the turn is the turn's words, not linked to a cue of its own
        order_matters(
            SentenceRule::ColonSpeaker,
            SentenceRule::SpeechQuotations,
            "HALVORSEN: “The bridge stays open,” I told them.",
            &[(
                Some("HALVORSEN"),
                Rule::ColonSpeaker,
                "“The bridge stays open,” I told them",
            )],
        );
    }

    #[test]
    fn speech_quotations_take_their_cue_before_reported_speech() {
        order_matters(
            SentenceRule::SpeechQuotations,
            SentenceRule::ReportedSpeech,
            "“It is ready,” Ana Ruiz said, adding that the road would open.",
            &[
                (Some("Ana Ruiz"), Rule::QuoteSpeakerCue, "“It is ready,”"),
                (
                    Some("Ana Ruiz"),
                    Rule::SpeakerCueClause,
                    "that the road would open",
                ),
            ],
        );
    }

    #[test]
    fn reported_speech_takes_its_fragments_before_the_leftover_rule() {
        order_matters(
            SentenceRule::ReportedSpeech,
            SentenceRule::LeftoverQuotations,
            "She said the plan was “a disaster for everyone” and would fail.",
            &[(
                Some("She"),
                Rule::SpeakerCueClause,
                "the plan was “a disaster for everyone” and would fail",
            )],
        );
    }

    #[test]
    fn a_colon_lead_in_is_set_after_the_speech_rule_read_the_last_one() {
        // run before the speech rule, the rule would replace the lead-in of the sentence
        // before (here none) before the speech rule read it, and take the cue the
        // sentence's own quotation needs
        order_matters(
            SentenceRule::SpeechQuotations,
            SentenceRule::ColonLeadIn,
            "“We lost,” Ruiz said:\n\n“Nothing more.”",
            &[
                (Some("Ruiz"), Rule::QuoteSpeakerCue, "“We lost,”"),
                (Some("Ruiz"), Rule::ColonLeadIn, "“Nothing more.”"),
            ],
        );
    }

    /// `WINDOW_RULES` with `first` and `second` swapped.
    fn window_swapped(first: WindowRule, second: WindowRule) -> Vec<WindowRule> {
        let mut rules = WINDOW_RULES.to_vec();
        let i = rules.iter().position(|&r| r == first).unwrap();
        let j = rules.iter().position(|&r| r == second).unwrap();
        assert!(i < j, "{first:?} runs before {second:?}");
        rules.swap(i, j);
        rules
    }

    #[test]
    fn the_window_rules_put_attributions_in_text_order_before_dropping_nested_ones() {
        // the quotation's attribution is made first, the clauses' after it: the nested
        // rule's sweep reads contents in text order, and the text-order rule's groups
        // index the list before anything is dropped from it, so it runs first
        let text = "Ana Ruiz said that the officials told her the plan was dead, and “it is over,” Tom Reyes added.";
        let ordered = attributed_with_window(SENTENCE_RULES, WINDOW_RULES, text);
        assert!(
            ordered
                .windows(2)
                .all(|pair| text.find(&pair[0].2) <= text.find(&pair[1].2)),
            "{ordered:?}"
        );
        assert!(
            !ordered.iter().any(|a| a.2 == "the plan was dead"),
            "nested attribution kept: {ordered:?}"
        );
        let rules = window_swapped(WindowRule::TextOrder, WindowRule::Nested);
        let swapped =
            std::panic::catch_unwind(|| attributed_with_window(SENTENCE_RULES, &rules, text));
        assert!(
            swapped.as_ref().map_or(true, |s| *s != ordered),
            "TextOrder and Nested swapped: {swapped:?}"
        );
    }

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
        assert_eq!(decisions.not_speech().collect::<Vec<_>>(), [0]);
        assert_eq!(crate::analyze(text).quotes[0].kind, QuoteKind::NotSpeech);
        // a fragment someone says keeps its kind: no decision
        let text = "She said the plan was “a disaster for everyone” and would fail.";
        let spans: Vec<_> = paragraphs(text).map(|p| p.span).collect();
        let sentences: Vec<_> = Segmenter::new()
            .sentences_with_policy(text, QuotePolicy::Keep)
            .collect();
        let quotes = QuoteDetector::new().detect(text, &spans);
        let (_, _, decisions) = attribute(text, &sentences, &quotes, &Overlay::default());
        assert_eq!(decisions.not_speech().count(), 0);
    }
}
