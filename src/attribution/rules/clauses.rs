//! Reported speech: the clause a cue governs (`X said that …`, `…, X said`,
//! `according to X, …`), its boundaries, and `Name: …` headlines and transcript turns.

use super::context::{Cue, Range32, RuleContext, content_end, is_media, kind_for, lemma_fact};
use super::cues::after_cue;
use super::quotes::{clause_subject, sentence_subject};
use super::source;
use crate::attribution::mention::{as_mention, ends_with_ci, is, np_after, subject_before};
use crate::attribution::{Attribution, AttributionKind, Mention, Mode, Rule};
use crate::lexicon::lists::{
    APPEARANCE_IN_PERSON, AUXILIARIES, CLAUSE_AFTER_AGENT, CLAUSE_CONJUNCTIONS, CLAUSE_RELATIVES,
    COORDINATION_ADVERBS, CUE_TAIL_OPENERS, IRREGULAR_PARTICIPLES, LEADING_CONJUNCTIONS,
    LIST_CONJUNCTIONS, NEGATIONS, OBJECT_PRONOUNS, OPENING_SUBORDINATORS, PARTICIPLE_OPENERS,
    PREPOSITIONAL_CUES, QUESTION_WORDS, RELATIVE_PRONOUNS, TIME_NOUNS, TIME_OPENERS,
};
use crate::lexicon::{SAY_ADVERBS, class, contains_folded};
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::span::Span;
use std::cell::Cell;

/// Where a reported clause starting at `from` stops before `end`: at a comma that opens a
/// participial phrase (", adding that …", ", implicitly putting …"), which is the writer's
/// or another attribution's.
pub(super) fn clause_end(cx: &RuleContext<'_>, from: usize, end: usize) -> usize {
    let toks = cx.toks;
    let mut i = from + 1;
    while i + 1 < end {
        // (a comma inside a quotation's marks ends the clause there too, after the
        // closing marks: `… “a plan that works,” adding that …`)
        let closing = if cx.punct(i, ",") && toks[i].in_quote() {
            toks[i + 1..end]
                .iter()
                .take_while(|t| !t.word() && t.in_quote())
                .count()
        } else {
            0
        };
        if cx.punct(i, ",") && (!toks[i].in_quote() || closing > 0) {
            let mut j = i + 1 + closing;
            if j + 1 < end
                && toks[j].word()
                && (cx.text_of(j).len() > 4 && ends_with_ci(cx.text_of(j), "ly"))
            {
                j += 1;
            }
            if j < end
                && toks[j].word()
                && !toks[j].cap()
                && !toks[j].in_quote()
                && (cx.text_of(j).len() > 5 && ends_with_ci(cx.text_of(j), "ing"))
            {
                return if closing > 0 {
                    i + 1 + closing
                } else {
                    content_end(cx, from, i)
                };
            }
        }
        i += 1;
    }
    end
}

/// "Name: …" at the start of a sentence: a headline ("Poll: Voters Shift") or a transcript
/// turn ("SMITH: Thank you."). The content runs to the end of the paragraph.
pub(super) fn colon_speaker(
    cx: &RuleContext<'_>,
    ts: usize,
    te: usize,
    sentences: &[Sentence<'_>],
    ranges: &[Range32],
    si: usize,
    quotes: &[Quote<'_>],
) -> Option<Attribution> {
    let toks = cx.toks;
    let mut a = ts;
    // a paragraph may open with a stray quotation mark
    while a < te && !toks[a].word() && matches!(cx.text_of(a), "\"" | "“" | "'") {
        a += 1;
    }
    let mut b = a;
    while b < te && b - a < 4 && (toks[b].word() && toks[b].cap() || cx.punct(b, ".") && b > a) {
        b += 1;
    }
    // a name of up to three words (titles with their periods aside)
    if toks[a..b].iter().filter(|t| t.word()).count() > 3 {
        return None;
    }
    if b == a
        || b >= te
        || !cx.punct(b, ":")
        || toks[a..b].iter().any(|t| t.has(class::COLON_LABEL))
    {
        return None;
    }
    // the rest of the paragraph
    let para = sentences[si].paragraph;
    // (a binary search and a bounded count: walking the paragraph was quadratic)
    let last = si + sentences[si..].partition_point(|s| s.paragraph == para) - 1;
    let end_tok = ranges[last].get().1;
    let first = b + 1;
    let mut end = content_end(cx, first, end_tok).max(first);
    // a closing quotation mark (of a quoted turn) is not content
    while end > first
        && !toks[end - 1].word()
        && matches!(cx.text_of(end - 1), "\"" | "”" | "’" | "'" | "»")
    {
        end = content_end(cx, first, end - 1).max(first);
    }
    if (first..end).filter(|&i| toks[i].word()).take(3).count() < 3 {
        return None;
    }
    let content = cx.span(first, end);
    let lo = cx.quotes_before(quotes, content.start).saturating_sub(1);
    let quote = (lo..quotes.len())
        .take_while(|&i| quotes[i].span.start < content.end)
        .find(|&i| quotes[i].parent().is_none() && quotes[i].span.overlaps(content));
    // a "Name:" inside a quotation (“Ana Ruiz: we will win,” he said) is quoted text,
    // not a speaker label; its speaker would lie inside its own quotation
    // — unless the quotation is a transcript turn that opens with a capitalised label and
    // is never closed in its paragraph ("\"SMITH: Thank you.", the next turn reopening);
    // then the label is the speaker and the content starts after it
    let label = cx.span(a, b);
    // a label inside a quotation that opened before this window of a long text (the
    // window carries its pieces; see `windows`) is quoted text too: no top-level
    // quotation of the window starts before it (a quotation nested in the carried one
    // may, so all quotations are not counted)
    if toks[a].in_quote() && cx.tops_before(quotes, label.start) == 0 {
        return None;
    }
    let caps = !label.text(cx.text).chars().any(char::is_lowercase);
    let turn = |q: &Quote<'_>| caps && q.content().start == label.start;
    if quote.is_some_and(|q| quotes[q].content().contains(label) && !turn(&quotes[q])) {
        return None;
    }
    // a turn's label stands inside the marks: the turn is not linked to the quotation, so
    // that no speaker lies inside its own quotation
    let quote = quote.filter(|&q| !turn(&quotes[q]));
    Some(Attribution {
        content,
        kind: kind_for(cx, content, quotes),
        quote,
        speaker: Some(as_mention(cx.text, toks, (a, b))),
        entity: None,
        cue: Some(cx.span(b, b + 1)),
        addressee: None,
        medium: None,
        confidence: 0.6,
        rule: Rule::ColonSpeaker,
        mode: Mode::Speech,
    })
}

/// The speaker of the sentence's first attribution, which a cue sharing its subject
/// takes (`X said that A and warned that B`), and whether the clause rules read it: a
/// clause found without reading it is the same whatever the speaker, so the reported
/// speech rule may keep the clause it tried before the sentence had a speaker.
pub(super) struct MainSpeaker {
    speaker: Option<Mention>,
    read: Cell<bool>,
}

impl MainSpeaker {
    pub(super) fn new(speaker: Option<Mention>) -> MainSpeaker {
        MainSpeaker {
            speaker,
            read: Cell::new(false),
        }
    }

    /// The speaker, noting that it was read.
    fn get(&self) -> Option<Mention> {
        self.read.set(true);
        self.speaker
    }

    /// Did a rule read the speaker?
    pub(super) fn was_read(&self) -> bool {
        self.read.get()
    }
}

/// Reported speech for cue `ci` in sentence tokens [ts, te). A cue in the passive (`X
/// was asked whether …`, `X is expected to …`) has no speaker but its `by` agent; the
/// subject of a passive verb of telling is the addressee.
#[allow(clippy::too_many_arguments)]
pub(super) fn indirect(
    cx: &RuleContext<'_>,
    cues: &[Cue],
    ci: usize,
    ts: usize,
    te: usize,
    quotes: &[Quote<'_>],
    done: &[bool],
    main_speaker: &MainSpeaker,
) -> Option<Attribution> {
    let cue = cues[ci];
    // "she appeared to hint that …", "he seemed to think …": the subject speaks,
    // through the reporting verb after "to"
    let through_verb = cue.end + 1 < te
        && is(cx.text, &cx.toks[cue.end], &["to"])
        && cx.toks[cue.end + 1].reporting();
    if (is_speakerless(&cue) || passive_expectation(cx, &cue, ts, te)) && !through_verb {
        return speakerless(cx, &cue, ts, te, quotes, done);
    }
    let mut attribution = clause_of_cue(cx, cues, ci, ts, te, quotes, done, main_speaker)?;
    if !cue.according && source::is_passive(cx, cue.start, ts) {
        // "could not explain why the rule is cited": a passive in an embedded question is
        // the question's topic, the outer verb's content, not an attribution of its own
        if embedded_question_before(cx, cue.start, ts) {
            return None;
        }
        let agent = source::passive_agent(cx, cue.end, te);
        // "X was quoted by the Ledger as saying …", "X is reported to have told friends
        // …": the subject speaks through the reporting verb, the agent only relays it
        let after_agent = agent.map_or(cue.end, |(_, b)| b);
        if let Some(verb) = source::speaks_through(cx, after_agent, te) {
            if let Some((a, b)) = agent.filter(|&(a, b)| is_media(cx, a, b)) {
                attribution.medium = Some(cx.span(a, b));
            }
            // "… as saying the ferry would stop": the content starts after the verb (after
            // "to have", the verb's own object may be the content: "to have called it …")
            let content = attribution.content;
            if verb + 1 < te
                && is(cx.text, &cx.toks[verb - 1], &["as"])
                && content.start < cx.toks[verb].end()
                && cx.toks[verb + 1].start() < content.end
            {
                attribution.content = Span::new(cx.toks[verb + 1].start(), content.end);
            }
            return Some(attribution);
        }
        let subject = attribution.speaker.take();
        match agent {
            Some(agent) => {
                attribution.speaker = Some(as_mention(cx.text, cx.toks, agent));
                // "was asked by reporters whether …": the content starts after the agent,
                // which speaks it
                let content = attribution.content;
                if agent.1 < te
                    && is(cx.text, &cx.toks[agent.1], CLAUSE_AFTER_AGENT)
                    && content.start < cx.toks[agent.1 - 1].end()
                    && cx.toks[agent.1].start() < content.end
                {
                    attribution.content = Span::new(cx.toks[agent.1].start(), content.end);
                }
                // "The new dock was named by the Wire.": nothing but the agent (and
                // time words) after the cue; the subject is what was reported
                let agent_span = cx.span(agent.0, agent.1);
                let rest_words = (agent.1..te)
                    .filter(|&k| cx.toks[k].word() && !cx.toks[k].has(class::TIME))
                    .count();
                if let Some(subject) =
                    subject.filter(|_| rest_words == 0 && content.start < agent_span.end)
                {
                    attribution.content = subject.span;
                    attribution.kind = kind_for(cx, subject.span, quotes);
                    attribution.quote = None;
                }
            }
            // "X was asked": the subject of a verb of telling is its addressee; of
            // another verb ("X is expected to …"), the content's topic
            None => {
                if attribution.addressee.is_none() && cue.tells {
                    attribution.addressee = subject.map(|m| m.span);
                }
            }
        }
    }
    Some(attribution)
}

/// A wh-word opening an embedded question shortly before token `at`, after a word of
/// the sentence (`explain why the rule is cited`, `what appeared to be a reference`).
fn embedded_question_before(cx: &RuleContext<'_>, at: usize, ts: usize) -> bool {
    (ts.max(at.saturating_sub(8))..at)
        .rev()
        .any(|k| k > ts && cx.toks[k - 1].word() && is(cx.text, &cx.toks[k], QUESTION_WORDS))
}

/// "The plan seems to fail", "the court appeared to send a signal", "it seems likely
/// that …": a cue of appearance (`speakerless_verbs.txt`) reports content with no
/// speaker, from its subject (a dummy `it` or `there` aside) to the end of the clause.
fn speakerless(
    cx: &RuleContext<'_>,
    cue: &Cue,
    ts: usize,
    te: usize,
    quotes: &[Quote<'_>],
    done: &[bool],
) -> Option<Attribution> {
    let toks = cx.toks;
    let text = cx.text;
    // "appeared on television", "appearing after her": an appearance in person reports
    // nothing
    let next = |k: usize| cue.end + k < te && toks[cue.end + k].word();
    if next(0) && is(text, &toks[cue.end], APPEARANCE_IN_PERSON)
        || ends_with_ci(cx.text_of(cue.start), "ing")
            && !(next(0) && is(text, &toks[cue.end], &["to"]))
        || embedded_question_before(cx, cue.start, ts)
    {
        return None;
    }
    // the complement of `seem` ends at the first comma ("…seems to cause trouble on the
    // island, as three shopkeepers said"): what follows may be an attribution of its own
    let end = content_end(cx, ts, te);
    let stop = (cue.end..end)
        .find(|&i| cx.punct(i, ",") && !toks[i].in_quote())
        .unwrap_or(end);
    if !(cue.end..stop).any(|i| toks[i].word() && !toks[i].in_quote()) {
        return None;
    }
    let first = match subject_before(text, toks, cue.start, ts) {
        Some((a, b)) if !(b == a + 1 && is(text, &toks[a], &["it", "there"])) => a,
        _ => cue.end,
    };
    let content = cx.span(first, stop);
    Some(speakerless_attribution(
        cx,
        cue,
        content,
        quotes,
        done,
        0.5,
        Mode::Evidence,
    ))
}

/// The attribution with no speaker of `cue` over `content`, holding the first
/// top-level quotation inside `content` that no attribution took yet (`speakerless`
/// and `question_put` both end this way).
fn speakerless_attribution(
    cx: &RuleContext<'_>,
    cue: &Cue,
    content: Span,
    quotes: &[Quote<'_>],
    done: &[bool],
    confidence: f32,
    mode: Mode,
) -> Attribution {
    let quote = free_quotation_in(cx, content, quotes, done);
    Attribution {
        content,
        kind: kind_for(cx, content, quotes),
        quote,
        speaker: None,
        entity: None,
        cue: Some(cx.span(cue.start, cue.end)),
        addressee: None,
        medium: None,
        confidence,
        rule: Rule::SpeakerCueClause,
        mode,
    }
}

/// The first top-level quotation inside `content` that is speech and that no
/// attribution took yet: an attribution over `content` holds it. The quotations inside
/// `content` start inside it, so only those are looked at (scanning them all was
/// quadratic).
fn free_quotation_in(
    cx: &RuleContext<'_>,
    content: Span,
    quotes: &[Quote<'_>],
    done: &[bool],
) -> Option<usize> {
    let lo = cx.quotes_before(quotes, content.start);
    (lo..quotes.len())
        .take_while(|&qi| quotes[qi].span.start < content.end)
        .find(|&qi| {
            let q = &quotes[qi];
            q.parent().is_none()
                && q.kind != QuoteKind::NotSpeech
                && !done[qi]
                && content.contains(q.span)
        })
}

/// The clause cue `ci` governs in sentence tokens [ts, te), with the speaker the rules
/// find for it.
#[allow(clippy::too_many_arguments)]
fn clause_of_cue(
    cx: &RuleContext<'_>,
    cues: &[Cue],
    ci: usize,
    ts: usize,
    te: usize,
    quotes: &[Quote<'_>],
    done: &[bool],
    main_speaker: &MainSpeaker,
) -> Option<Attribution> {
    let toks = cx.toks;
    let text = cx.text;
    let c = cues[ci];
    let end = content_end(cx, ts, te);
    let attribution_with =
        |content: Span, speaker: Mention, cue: Span, addressee, medium, rule, confidence| {
            // ("plans to release “Harbor Days”": the act intended holds a title, not
            // the words of its subject)
            let (linked, kind) = if infinitive_only(&c) {
                (None, AttributionKind::Indirect)
            } else {
                (
                    free_quotation_in(cx, content, quotes, done),
                    kind_for(cx, content, quotes),
                )
            };
            Attribution {
                content,
                kind,
                quote: linked,
                speaker: Some(speaker),
                entity: None,
                cue: Some(cue),
                addressee,
                medium,
                confidence,
                rule,
                mode: Mode::Speech,
            }
        };
    let cue_span = cx.span(c.start, c.end);
    if c.according {
        // "According to X, CONTENT" or "CONTENT, according to X"
        let opens =
            (ts..c.start).all(|i| !toks[i].word() || is(text, &toks[i], LEADING_CONJUNCTIONS));
        // the source runs to the comma ("according to conservative radio host Ana Ruiz,",
        // "according to early counts of dock users made by the Ministry of Ports …,")
        let source_comma = || {
            (c.end..end.min(c.end + LONG_SOURCE_TOKENS))
                .find(|&i| cx.punct(i, ",") && !toks[i].in_quote())
                .filter(|&comma| comma > c.end)
        };
        // "Fares, according to the ferry board, have doubled", "In addition, according
        // to the ministry, …": a short opening phrase set off by commas before the cue
        // leaves the clause after the source its content
        let inserted = !opens
            && c.start > ts + 1
            && cx.punct(c.start - 1, ",")
            && short_opening(cx, ts, c.start - 1)
            && source_comma().is_some_and(|comma| {
                (comma + 1..end).filter(|&i| toks[i].word()).take(3).count() == 3
            });
        let lead = opens || inserted;
        let (a, b) = if lead {
            (c.end, source_comma()?)
        } else {
            np_after(text, toks, c.end, end).or_else(|| trailing_source(cx, c.end, end))?
        };
        let speaker = as_mention(text, toks, (a, b));
        let medium = is_media(cx, a, b).then_some(speaker.span);
        // the content after the source's comma, or before the comma ahead of "according"
        let (first, stop) = if lead {
            (b + 1, end)
        } else {
            let stop = if c.start > ts && cx.punct(c.start - 1, ",") {
                c.start - 1
            } else {
                c.start
            };
            (clause_start(cx, ts, stop), stop)
        };
        // "That's according to ferry records", "This is according to …": the
        // demonstrative is the content
        let demonstrative = !lead
            && (stop == first + 1 && is(text, &toks[first], &["that's", "that’s"])
                || stop == first + 2
                    && is(text, &toks[first], &["that", "this"])
                    && is(text, &toks[first + 1], &["is", "was"]));
        let stop = if demonstrative { first + 1 } else { stop };
        if stop <= first + 2 && !demonstrative {
            return None;
        }
        let content = cx.span(first, stop);
        return Some(attribution_with(
            content,
            speaker,
            cue_span,
            None,
            medium,
            Rule::AccordingTo,
            0.85,
        ));
    }
    // ", saying (that) CONTENT": the subject of the main clause speaks
    let participle = c.start > ts
        && (cx.punct(c.start - 1, ",") || is(text, &toks[c.start - 1], PARTICIPLE_OPENERS))
        && ends_with_ci(cx.text_of(c.start), "ing");
    // "Halvorsen sent three letters on Monday saying that …": a participle with
    // no subject of its own
    let participle = participle
        || c.start > ts + 1
            && ends_with_ci(cx.text_of(c.start), "ing")
            && subject_before(text, toks, c.start, ts).is_none();
    // "without them knowing", "heard him saying": the object before the participle is
    // its subject, not the sentence's; no attribution of the main subject
    if c.start > ts
        && ends_with_ci(cx.text_of(c.start), "ing")
        && is(text, &toks[c.start - 1], OBJECT_PRONOUNS)
    {
        return None;
    }
    // "Decrying the “rigged toll,” Halvorsen …", "After saying the bridge was “unsafe,” she
    // …": a participle opening the sentence; the subject after its clause speaks
    let opening = ends_with_ci(cx.text_of(c.start), "ing")
        && (ts..c.start).all(|i| !toks[i].word() || is(text, &toks[i], OPENING_SUBORDINATORS));
    if let Some(attribution) = question_put(cx, &c, ts, end, quotes, done) {
        return Some(attribution);
    }
    if opening && main_speaker.get().is_none() {
        let (first, addressee, medium) = after_cue(cx, &c, end);
        // the comma closing the participle's clause, inside a quotation's marks or not
        let comma = (first..end).find(|&i| {
            cx.punct(i, ",")
                && (!toks[i].in_quote()
                    || toks[i + 1..end]
                        .iter()
                        .find(|t| t.word() || !t.in_quote())
                        .is_some_and(|t| !t.in_quote()))
        })?;
        let after = comma
            + 1
            + toks[comma + 1..end]
                .iter()
                .take_while(|t| !t.word())
                .count();
        let (a, mut b) = np_after(text, toks, after, end)?;
        // "the mayor called for …", "the mayor left the room": the noun phrase stops
        // before a reporting verb, or before the verb its object's determiner follows
        while b > a + 1 && toks[b - 1].reporting() && !toks[b - 1].cap() {
            b -= 1;
        }
        if b > a + 2 && b < end && toks[b].has(class::DET) && !toks[b - 1].cap() {
            b -= 1;
        }
        // the subject is followed by its verb
        if a == after && b < end && toks[b].word() {
            // the content keeps the closing marks of a quotation it ends with
            let stop = if toks[comma].in_quote() { after } else { comma };
            if (first..stop).filter(|&i| toks[i].word()).count() >= 2 {
                return Some(attribution_with(
                    cx.span(first, stop.max(first + 1)),
                    as_mention(text, toks, (a, b)),
                    cue_span,
                    addressee,
                    medium,
                    Rule::SpeakerCueClause,
                    0.6,
                ));
            }
        }
        return None;
    }
    if participle {
        let speaker = main_speaker.get().or_else(|| {
            // the sentence opens with its subject: a pronoun, a name or "the …"
            let a = (ts..c.start).find(|&i| {
                toks[i].word()
                    && !is(text, &toks[i], LEADING_CONJUNCTIONS)
                    && !is(text, &toks[i], &["then"])
            })?;
            let t = &toks[a];
            let opener = t.has(class::PRONOUN)
                || is(text, t, &["the", "a", "an"])
                || t.cap() && !t.has(class::NOT_NAME_START) && !ends_with_ci(cx.text_of(a), "ing");
            // "Recently, however, it issued …": an adverb opening the sentence is no
            // subject; the subject follows the introductory phrases
            let adverb = ends_with_ci(cx.text_of(a), "ly");
            let r = if adverb {
                clause_subject(cx, ts, c.start)
            } else {
                np_after(text, toks, a, c.start).filter(|_| opener)
            };
            let candidates = [
                ("opener", r),
                ("subject", subject_before(text, toks, c.start, ts)),
                ("clause", clause_subject(cx, ts, c.start)),
            ];
            source::choose(cx, "clause-participle", c.start, c.end, &candidates, 1)
                .map(|r| as_mention(text, toks, r))
        })?;
        let (first, addressee, medium) = after_cue(cx, &c, end);
        if (first..end).filter(|&i| toks[i].word()).count() >= 2 {
            // (", asking the board for a delay …, warning …": the next participle is another act)
            let stop = clause_end(cx, first, end);
            return Some(attribution_with(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::SpeakerCueClause,
                0.7,
            ));
        }
        return None;
    }
    // "X said (that) CONTENT"; "Ana Ruiz, whose firm …, said": the clause's subject,
    // before the verb's auxiliaries ("X would not say whether …")
    let verb_start = verb_group_start(cx, c.start, ts);
    let subject = subject_before(text, toks, verb_start, ts)
        .or_else(|| bare_subject(cx, ts, verb_start, &c))
        .or_else(|| apposed_subject(cx, ts, verb_start));
    // "The mayor toured the dock and said …": a verb coordinated with the main clause's
    // (no attribution of that clause gave a speaker yet) shares its subject
    // (the speaker is read only when there is no subject: else it changes nothing)
    let shared = if subject.is_none() && main_speaker.get().is_none() {
        coordinated(cx, verb_start, ts)
            .and_then(|_| sentence_subject(cx, ts, verb_start))
            .map(|r| without_verb(cx, r))
            .filter(|&r| !possessed_thing(cx, r))
    } else {
        None
    };
    // ("Once, when my mother mentioned …": a subordinate clause's opener is no part of
    // its subject)
    // (an alternative only: looked for when a subject or a shared one can speak, else
    // the choice has no speaker whatever it is)
    let in_clause = (subject.is_some() || shared.is_some())
        .then(|| clause_subject(cx, ts, verb_start))
        .flatten()
        .filter(|r| !toks[r.0].has(class::NOT_CONTENT_START));
    let candidates = [
        ("subject", subject),
        ("coordinated", shared),
        ("clause", in_clause),
    ];
    if let Some(r) = source::choose(cx, "clause", c.start, c.end, &candidates, 2) {
        let speaker = as_mention(text, toks, r);
        let (first, addressee, medium) = after_cue(cx, &c, end);
        // "called for a ban", "talked about the ferry": the object of the preposition the
        // verb takes is the content, however short
        let preposition = first + 1 < end && takes_preposition(cx, &c, first);
        let first = first + usize::from(preposition);
        let words_after = if first < end && toks[first].has(class::NOT_CONTENT_START) {
            0
        } else {
            (first..end).filter(|&i| toks[i].word()).count()
        };
        let subject_starts_clause =
            r.0 == ts || (r.0 > ts && matches!(cx.text_of(r.0 - 1), "," | "—" | "–" | "("));
        // "he declined to comment": verbs of refusal report only the infinitive after
        // them, never a clause before their subject
        // ("…, as the Wire reported on Tuesday": the clause before `as` is the content)
        let comma = (!infinitive_only(&c))
            .then(|| {
                comma_before(cx, r.0, ts).or_else(|| {
                    // (a clause with no quotation and no cue of its own)
                    (r.0 > ts + 1 && is(text, &toks[r.0 - 1], &["as"]))
                        .then(|| comma_before(cx, r.0 - 1, ts))
                        .flatten()
                        .filter(|&k| toks[ts..k].iter().all(|t| !t.in_quote() && !t.reporting()))
                })
            })
            .flatten();
        // "A, he added, B": an attribution set off by commas inside its content
        if let Some(stop) = comma {
            let first_c = clause_start(cx, ts, stop);
            let before = (first_c..stop).filter(|&i| toks[i].word()).count();
            if before >= 3
                && words_after >= 3
                && (c.end..first).any(|i| cx.punct(i, ","))
                && !(first..end).any(|i| is(text, &toks[i], &["that"]) && i == first)
            {
                let stop = clause_end(cx, first, end);
                return Some(attribution_with(
                    cx.span(first_c, stop),
                    speaker,
                    cue_span,
                    addressee,
                    medium,
                    Rule::ClauseSpeakerCue,
                    0.75,
                ));
            }
        }
        // "64 percent say the same", "most said yes": a short object of `say` is content
        // too, when it is no time or place phrase ("said Monday", "said in June"); the
        // short object of another verb ("mentioned the plan") is its topic
        let short_object = c.lemma_is(lemma_fact::SAY)
            && first < end
            && toks[first].word()
            && !toks[first].in_quote()
            && !toks[first].cap()
            && !toks[first].has(class::TIME)
            // "said afterward", "said again": an adverb alone is no content
            && !(contains_folded(&SAY_ADVERBS, cx.text_of(first))
                && (first + 1..end).all(|i| !toks[i].word()))
            && !ends_soon(cx, first, end);
        // "endorsed the mayor", "praised her effort": the object of a verb of support or
        // blame is its content, a name, a pronoun or a noun phrase however short
        let object_start = &toks[first.min(end.saturating_sub(1))];
        let short_object = short_object
            || preposition
                && toks[first].word()
                && !toks[first].in_quote()
                && !toks[first].has(class::TIME | class::NOT_CONTENT_START)
            || first < end
                && c.lemma_is(lemma_fact::OBJECT)
                && object_start.word()
                && !object_start.has(class::TIME | class::NOT_CONTENT_START | class::FUNCTION)
                && !contains_folded(&SAY_ADVERBS, cx.text_of(first))
                && np_after(text, toks, first, end).is_some();
        let min_words = if short_object {
            1
        } else if infinitive_only(&c) {
            2
        } else {
            3
        };
        if words_after >= min_words && !(comma.is_some() && ends_soon(cx, c.end, end)) {
            // "A said that B, C said": the clause stops at the comma before a later
            // attribution with its own subject
            let stop = cues[ci + 1..]
                .iter()
                .filter(|n| !n.according && n.start > first)
                .find_map(|n| {
                    // "… and warned that …", "…, but she denied that …"
                    // ("endorsed Ana Ruiz, but told …": a short object stops there too)
                    if let Some(k) = coordinated(cx, n.start, first) {
                        return (k > first + 2 || short_object && k > first).then_some(k);
                    }
                    let r2 = subject_before(text, toks, n.start, first)?;
                    // "…, which he called “a cartel”": a relative clause with its own
                    // subject and cue before a quotation is that cue's attribution; the
                    // clause stops before the relative (and its comma)
                    if let Some(k) = relative_with_quotation(cx, n, r2, first) {
                        return Some(k);
                    }
                    // "…, while Tom Park said …", "… and Ana Ruiz says …": a conjunction
                    // opening the later attribution's clause; the earlier clause stops
                    // before it (and its comma)
                    let joined = (r2.0 > first + 1
                        && is(text, &toks[r2.0 - 1], CLAUSE_CONJUNCTIONS)
                        && !toks[r2.0 - 1].in_quote())
                    .then(|| comma_before(cx, r2.0 - 1, first).unwrap_or(r2.0 - 1));
                    let k = joined.or_else(|| comma_before(cx, r2.0, first))?;
                    (k > first + 2).then_some(k)
                })
                .unwrap_or(end);
            // "Ana Ruiz, who announced a plan on Monday, plans to …": a relative clause
            // set off by commas ends at the comma before the main clause's verb
            let relative = r.1 == r.0 + 1
                && r.0 > ts
                && cx.punct(r.0 - 1, ",")
                && is(text, &toks[r.0], &["who"]);
            let stop = if relative {
                relative_clause_end(cx, first, stop)
            } else {
                stop
            };
            let conf = if subject_starts_clause { 0.8 } else { 0.6 };
            let stop = if c.complements && toks[first].in_quote() {
                // "branded the report “a work of fiction” on Monday": the words are the
                // quotation, not the rest of the clause
                first
                    + toks[first..stop]
                        .iter()
                        .take_while(|t| t.in_quote())
                        .count()
            } else {
                clause_end(cx, first, stop)
            };
            return Some(attribution_with(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::SpeakerCueClause,
                conf,
            ));
        }
        // "CONTENT, X said [in a statement]."
        if let Some(stop) = comma {
            let first = clause_start(cx, ts, stop);
            if stop > first + 2 {
                return Some(attribution_with(
                    cx.span(first, stop),
                    speaker,
                    cue_span,
                    addressee,
                    medium,
                    Rule::ClauseSpeakerCue,
                    0.8,
                ));
            }
        }
        return None;
    }
    // "X said that A and warned that B": the second cue shares the subject
    if let (Some(speaker), Some(_)) = (main_speaker.get(), coordinated(cx, c.start, ts)) {
        let (first, addressee, medium) = after_cue(cx, &c, end);
        if (first..end).filter(|&i| toks[i].word()).count() >= 3 {
            let stop = clause_end(cx, first, end);
            return Some(attribution_with(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::SpeakerCueClause,
                0.6,
            ));
        }
        return None;
    }
    // "CONTENT, said X."
    if c.start > ts && cx.punct(c.start - 1, ",") && !infinitive_only(&c) {
        let r = np_after(text, toks, c.end, end)?;
        let speaker = as_mention(text, toks, r);
        let stop = c.start - 1;
        let first = clause_start(cx, ts, stop);
        if stop > first + 2 {
            let (_, addressee, medium) = after_cue(cx, &c, end);
            return Some(attribution_with(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::ClauseSpeakerCue,
                0.75,
            ));
        }
    }
    None
}

/// "Ana Ruiz, 41, a ferry captain from Elmbrook, said …", "Tom Reyes, a teacher, who
/// rides the ferry daily, said …": the name opening the sentence, before a run of
/// appositions (ages, roles, places, relative clauses) that ends with the comma right
/// before the verb group at `at`. The run holds no quotation, no other reporting verb and
/// no stop, within 30 tokens.
fn apposed_subject(cx: &RuleContext<'_>, ts: usize, at: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    if at < ts + 4 || !cx.punct(at - 1, ",") || toks[at - 1].in_quote() {
        return None;
    }
    let name_start = clause_start(cx, ts, at);
    if !toks[name_start].cap() || toks[name_start].has(class::NOT_NAME_START | class::DET) {
        return None;
    }
    let (_, name_end) = np_after(cx.text, toks, name_start, at)?;
    if name_end + 2 >= at
        || !cx.punct(name_end, ",")
        || !toks[name_start..name_end]
            .iter()
            .all(|t| !t.word() || t.cap())
    {
        return None;
    }
    let run_start = name_end + 1;
    let run = &toks[run_start..at - 1];
    let clean = run.len() <= 30
        && run.iter().enumerate().all(|(k, t)| {
            !t.in_quote()
                && !t.reporting()
                && (t.word() || !matches!(cx.text_of(run_start + k), ";" | ":" | "?" | "!"))
        });
    // ("Ana Ruiz, Tom Reyes and Lee Park, said": a list of names, all of them speaking,
    // not one name and its appositions; "a captain and union leader" is one apposition)
    let lists_names = (run_start..at - 2).any(|k| {
        (is(cx.text, &toks[k], LIST_CONJUNCTIONS) || cx.punct(k, "&"))
            && toks[k + 1].cap()
            && !toks[k + 1].has(class::DET)
    });
    (clean && !lists_names).then_some((name_start, name_end))
}

/// The longest `according to` source, in tokens: a poll or a document is often named
/// with who made it and for whom (`early counts of dock users made by the Ministry of Ports
/// for the Harbor Wire and local radio`).
const LONG_SOURCE_TOKENS: usize = 32;

/// Tokens [ts, stop) are a short opening phrase of at most five words, outside
/// quotations and with no reporting verb (`Overall`, `In addition`, `One Sunday in
/// late May`): what an inserted `, according to X,` leaves before it.
fn short_opening(cx: &RuleContext<'_>, ts: usize, stop: usize) -> bool {
    let toks = &cx.toks[ts..stop];
    let words = toks.iter().filter(|t| t.word()).count();
    (1..=5).contains(&words) && toks.iter().all(|t| !t.in_quote() && !t.reporting())
}

/// The source of a clause-final `according to` that the noun-phrase finder does not head
/// (`…, according to exit polls.`, `…, according to figures released on Friday.`): a bare
/// lowercase noun phrase, which in that place runs to the end of the clause (a comma, a
/// dash, a parenthesis or the sentence's end), within `LONG_SOURCE_TOKENS`. It must start with a
/// content word outside quotations (no function word, pronoun or number).
fn trailing_source(cx: &RuleContext<'_>, from: usize, end: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let first = toks.get(from).filter(|_| from < end)?;
    if !first.word()
        || first.in_quote()
        || first.has(class::FUNCTION | class::PRONOUN | class::TIME)
        || cx.text_of(from).as_bytes()[0].is_ascii_digit()
    {
        return None;
    }
    let stop = (from..end.min(from + LONG_SOURCE_TOKENS))
        .find(|&k| !toks[k].word() && !matches!(cx.text_of(k), "-" | "'" | "’" | "&" | "."))
        .unwrap_or(end.min(from + LONG_SOURCE_TOKENS));
    // a run cut at the limit is no source phrase
    if stop == from + LONG_SOURCE_TOKENS && stop < end {
        return None;
    }
    let last = (from..stop).rev().find(|&k| toks[k].word())?;
    // ("…, according to plan", "according to schedule": one singular word is a manner,
    // no source; "according to estimates" names the documents that report)
    if last == from && !cx.text_of(last).ends_with('s') {
        return None;
    }
    Some((from, last + 1))
}

/// The token a clause holding later cue `n` stops at when `n` opens a relative clause
/// with a subject of its own (`r2`) and a quotation right after it (`the board, which he
/// called “a cartel”`, `whom she described as “calm”`; `clause_relatives.txt`): the
/// relative pronoun, or the comma before it. The quotation is that cue's, not the
/// outer clause's. At most three words between the cue and the quotation's marks.
fn relative_with_quotation(
    cx: &RuleContext<'_>,
    n: &Cue,
    r2: (usize, usize),
    first: usize,
) -> Option<usize> {
    let toks = cx.toks;
    let rel = r2.0.checked_sub(1)?;
    if rel <= first + 2 || toks[rel].in_quote() {
        return None;
    }
    if !is(cx.text, &toks[rel], CLAUSE_RELATIVES) {
        return None;
    }
    let quoted = (n.end..toks.len().min(n.end + 4))
        .take_while(|&i| toks[i].word() || toks[i].in_quote())
        .any(|i| toks[i].in_quote());
    if !quoted {
        return None;
    }
    Some(if cx.punct(rel - 1, ",") { rel - 1 } else { rel })
}

/// The end of a relative clause set off by commas whose content starts at `first`, before
/// `stop`: the comma followed by a lowercase word that opens no phrase of the clause (no
/// function word, pronoun or determiner: the main clause's verb, ", plans to …"). A comma
/// after a single word, or before a word that a comma or a conjunction follows, is inside
/// a list or around an aside of the clause ("costs, delays and fares had risen",
/// "said that, frankly, …").
fn relative_clause_end(cx: &RuleContext<'_>, first: usize, stop: usize) -> usize {
    let toks = cx.toks;
    let mut segment_start = first;
    for i in first + 1..stop.saturating_sub(1) {
        if !cx.punct(i, ",") || toks[i].in_quote() {
            continue;
        }
        let next = &toks[i + 1];
        let one_word = (segment_start..i).filter(|&w| toks[w].word()).count() <= 1;
        let listed =
            i + 2 < stop && (cx.punct(i + 2, ",") || is(cx.text, &toks[i + 2], LIST_CONJUNCTIONS));
        segment_start = i + 1;
        if next.word()
            && !next.in_quote()
            && !next.cap()
            && (!next.has(class::FUNCTION | class::PRONOUN | class::DET | class::TIME)
                || is(cx.text, next, AUXILIARIES))
            && !one_word
            && !listed
        {
            return i;
        }
    }
    stop
}

/// Noun phrase `r` is a thing someone has ("the mayor's plan", "Ana Ruiz's show"): a
/// possessive before a lowercase head that is no role or organisation. Such a phrase
/// rarely speaks, and its possessor would be taken for the speaker.
fn possessed_thing(cx: &RuleContext<'_>, r: (usize, usize)) -> bool {
    let possessive = |k: usize| {
        let w = cx.text_of(k);
        w.ends_with("'s") || w.ends_with("’s")
    };
    let head = &cx.toks[r.1 - 1];
    // "Ana Ruiz's" cut before its noun: the phrase goes on with the thing
    possessive(r.1 - 1)
        || head.word()
            && !head.cap()
            && !head.has(class::ROLE | class::ORG)
            && (r.0..r.1 - 1).any(possessive)
}

/// Noun phrase `r` at the start of a clause without the verb it may have run into
/// ("The mayor toured the dock": `toured` before its object's determiner or pronoun, or
/// a reporting-verb form ending the phrase), as the noun-phrase finder does not know
/// verbs. A word in -ed alone makes no verb ("The accused", "the unemployed"), and the
/// phrase never shrinks to its determiners.
fn without_verb(cx: &RuleContext<'_>, r: (usize, usize)) -> (usize, usize) {
    let (a, mut b) = r;
    let toks = cx.toks;
    let last = &toks[b - 1];
    let object_after =
        b < toks.len() && (toks[b].has(class::DET) || is(cx.text, &toks[b], OBJECT_PRONOUNS));
    let verb_like = !last.cap()
        && !last.has(class::ROLE | class::ORG)
        && (object_after || last.reporting() || last.has(class::CLAUSE_VERB));
    let head_left =
        (a..b - 1).any(|i| toks[i].word() && !toks[i].has(class::DET | class::FUNCTION));
    if b > a + 1 && verb_like && head_left {
        b -= 1;
    }
    (a, b)
}

/// The first token of the verb group ending at cue token `cue`: the negation, modal and
/// `do` auxiliaries before it ("would not say", "did not mention"), so that the subject
/// is looked for before them.
fn verb_group_start(cx: &RuleContext<'_>, cue: usize, ts: usize) -> usize {
    let mut k = cue;
    while k > ts && cue - k < 5 {
        let t = &cx.toks[k - 1];
        let auxiliary = t.word()
            && !t.cap()
            && !t.in_quote()
            && (is(cx.text, t, NEGATIONS) || is(cx.text, t, AUXILIARIES));
        if !auxiliary {
            break;
        }
        k -= 1;
    }
    // "The governor on Tuesday said", "A report released Monday said": a time phrase
    // (and the participle it dates) between the subject and its verb
    if k > ts + 1 && is(cx.text, &cx.toks[k - 1], TIME_NOUNS) {
        let toks = cx.toks;
        let mut j = k - 1;
        while j > ts
            && k - j < 4
            && (toks[j - 1].has(class::TIME) || is(cx.text, &toks[j - 1], TIME_OPENERS))
            && !toks[j - 1].in_quote()
        {
            j -= 1;
        }
        // "on Tuesday", "last week": the noun has an opener before it
        let opened = (j..k - 1).any(|i| is(cx.text, &toks[i], TIME_OPENERS));
        // "Detective Dana Friday said": a capitalised word right after a capitalised one
        // that does not open the sentence goes on a name
        let in_name = j > ts + 1 && toks[j].cap() && toks[j - 1].word() && toks[j - 1].cap();
        let subject_end = j > ts && !in_name && {
            let before = &toks[j - 1];
            !before.in_quote()
                && (before.word() && !before.has(class::FUNCTION)
                    || is(cx.text, before, RELATIVE_PRONOUNS)
                    || cx.punct(j - 1, ","))
        };
        if subject_end {
            let before = &toks[j - 1];
            let participle = j > ts + 1
                && !before.cap()
                && (ends_with_ci(cx.text_of(j - 1), "ed")
                    || is(cx.text, before, IRREGULAR_PARTICIPLES))
                && toks[j - 2].word()
                && !toks[j - 2].has(class::FUNCTION | class::PRONOUN);
            // a bare time noun ("USA Today said") is one only after a participle, or a
            // weekday after a lowercase word ("officials Tuesday said")
            let weekday = j == k - 1
                && toks[j].cap()
                && toks[j].has(class::TIME)
                && toks[j].has(class::TIME_FOLLOWER)
                && before.word()
                && !before.cap();
            if participle {
                return j - 1;
            }
            if opened || weekday {
                return j;
            }
        }
    }
    k
}

/// "Asked whether the plan would work, most voters said no", "When asked if he would
/// run, Ruiz …", "“We will see,” she said when asked about the ferry", "Asked on Monday
/// by reporters to explain the delay, …": a question (or a topic, or a request) put to
/// the main clause's subject. The content is the question, the topic after `about` or
/// the infinitive, up to the comma closing it (or the clause's end when the cue follows
/// the main clause); the speaker is the `by` agent, else no one.
fn question_put(
    cx: &RuleContext<'_>,
    cue: &Cue,
    ts: usize,
    end: usize,
    quotes: &[Quote<'_>],
    done: &[bool],
) -> Option<Attribution> {
    let toks = cx.toks;
    let text = cx.text;
    // (the cue's word first: it is rarely `asked`, and the clause before it is then not
    // walked)
    if cue.according || !cx.text_of(cue.start).eq_ignore_ascii_case("asked") {
        return None;
    }
    let opens =
        (ts..cue.start).all(|i| !toks[i].word() || is(text, &toks[i], OPENING_SUBORDINATORS));
    // "…, she said when asked …", "…,” Tom Park said, asked about …": after the main clause
    let trails = !opens
        && cue.start > ts
        && (is(text, &toks[cue.start - 1], &["when", "after", "being"])
            || cx.punct(cue.start - 1, ",") && !toks[cue.start - 1].in_quote());
    if !(opens || trails) || cue.end + 1 >= end {
        return None;
    }
    // "by reporters", then a few words of time, place or manner ("on Monday",
    // "specifically", "at a briefing in the capital") before the question
    let agent = source::passive_agent(cx, cue.end, end);
    let from = agent.map_or(cue.end, |(_, b)| b);
    let question = (from..end.min(from + 8))
        .take_while(|&k| toks[k].word() && !toks[k].in_quote() && !toks[k].reporting())
        .find(|&k| {
            is(text, &toks[k], QUESTION_WORDS)
                || is(text, &toks[k], &["if", "about"])
                || is(text, &toks[k], &["to"]) && k + 1 < end && toks[k + 1].word()
        })?;
    // (the topic after `about`, the question word, the infinitive with its `to`)
    let first = question + usize::from(is(text, &toks[question], &["about"]));
    // the comma closing the question, inside a quotation's marks or not
    let comma = (first..end).find(|&i| {
        cx.punct(i, ",")
            && (!toks[i].in_quote()
                || toks[i + 1..end]
                    .iter()
                    .find(|t| t.word() || !t.in_quote())
                    .is_some_and(|t| !t.in_quote()))
    });
    let stop = match comma {
        // the main clause after it
        Some(comma) if opens => {
            if (comma + 1..end).filter(|&i| toks[i].word()).take(2).count() < 2 {
                return None;
            }
            if toks[comma].in_quote() {
                comma
                    + 1
                    + toks[comma + 1..end]
                        .iter()
                        .take_while(|t| !t.word() && t.in_quote())
                        .count()
            } else {
                comma
            }
        }
        Some(comma) => comma,
        None if trails => end,
        None => return None,
    };
    if (first..stop).filter(|&i| toks[i].word()).count() < 2 {
        return None;
    }
    let content = cx.span(first, stop);
    let mut attribution =
        speakerless_attribution(cx, cue, content, quotes, done, 0.6, Mode::Speech);
    attribution.speaker = agent.map(|r| as_mention(text, toks, r));
    Some(attribution)
}

/// Token `at`, right after cue `cue`, is the preposition whose object the verb reports
/// (`prepositional_cues.txt`: "called for", "talked about").
fn takes_preposition(cx: &RuleContext<'_>, cue: &Cue, at: usize) -> bool {
    let t = &cx.toks[at];
    if cue.according
        || cue.end != cue.start + 1
        || !cue.lemma_is(lemma_fact::PREPOSITIONAL)
        || !t.word()
        || t.in_quote()
        || t.cap()
    {
        return false;
    }
    let Some(lemma) = cx.toks[cue.start].lemma(cx.text) else {
        return false;
    };
    let word = cx.text_of(at);
    PREPOSITIONAL_PAIRS
        .iter()
        .any(|&(verb, prep)| verb == lemma && prep.eq_ignore_ascii_case(word))
}

/// The verbs of the pairs of [`PREPOSITIONAL_CUES`] (a fact of a cue's lemma, found
/// once per cue: [`lemma_fact::PREPOSITIONAL`]).
pub(super) fn prepositional_verbs() -> impl Iterator<Item = &'static str> {
    PREPOSITIONAL_PAIRS.iter().map(|&(verb, _)| verb)
}

/// [`PREPOSITIONAL_CUES`] split once at their first space into verb and preposition (an
/// entry without a space matches nothing), not at every question.
static PREPOSITIONAL_PAIRS: once_cell::sync::Lazy<Vec<(&str, &str)>> =
    once_cell::sync::Lazy::new(|| {
        PREPOSITIONAL_CUES
            .iter()
            .filter_map(|pair| pair.split_once(' '))
            .collect()
    });

/// "forecasters say", "at least a third of the riders say", "42% say": a subject
/// the noun-phrase finder does not head (a plural noun of no listed role, a quantity),
/// from the clause start (the sentence start or a comma) up to the verb group at `at`.
/// Only for a cue in the present or past of `say`, whose plural or quantified subject is
/// the commonest (`cue`).
fn bare_subject(cx: &RuleContext<'_>, ts: usize, at: usize, c: &Cue) -> Option<(usize, usize)> {
    let toks = cx.toks;
    if at <= ts || !c.lemma_is(lemma_fact::SAY) || !cx.text_of(c.start).starts_with('s') {
        return None;
    }
    let head = &toks[at - 1];
    let quantity = cx.text_of(at - 1) == "%";
    if !quantity
        && (!head.word()
            || head.in_quote()
            || head.reporting()
            || head.has(class::FUNCTION | class::TIME | class::PRONOUN))
    {
        return None;
    }
    let mut a = at - 1;
    while a > ts && at - a < 12 {
        let p = &toks[a - 1];
        let part = p.word()
            && !p.in_quote()
            && !p.reporting()
            && !is(cx.text, p, &["that", "which", "who", "and", "but"])
            || cx.text_of(a - 1) == "%";
        if !part {
            break;
        }
        a -= 1;
    }
    // the phrase opens the clause: the sentence start or a comma before it
    let opens = a == ts || cx.punct(a - 1, ",") || cx.punct(a - 1, ":");
    (opens && at - a < 12).then_some((a, at))
}

/// A cue whose verb reports only the to-infinitive right after it (`infinitive_verbs.txt`:
/// "declined to say whether …").
pub(super) fn infinitive_only(cue: &Cue) -> bool {
    !cue.according && cue.lemma_is(lemma_fact::INFINITIVE)
}

/// A cue that never governs a quotation: a verb of refusal (its content is the
/// infinitive after it) or of appearance (it has no speaker to say the words).
pub(super) fn reports_no_quotation(cue: &Cue) -> bool {
    infinitive_only(cue) || is_speakerless(cue)
}

/// A cue of appearance (`speakerless_verbs.txt`: "the plan seems to fail").
fn is_speakerless(cue: &Cue) -> bool {
    !cue.according && cue.lemma_is(lemma_fact::SPEAKERLESS)
}

/// "The vote is expected to be close", "which is widely expected to draw crowds": a
/// passive `expected to` with no `by` agent names no one who expects; like a verb of
/// appearance, it reports its subject and the infinitive with no speaker.
fn passive_expectation(cx: &RuleContext<'_>, cue: &Cue, ts: usize, te: usize) -> bool {
    !cue.according
        && cue.end < te
        && cue.lemma_is(lemma_fact::EXPECT)
        && is(cx.text, &cx.toks[cue.end], &["to"])
        && source::is_passive(cx, cue.start, ts)
}

/// A cue at `cue` coordinated with an earlier clause ("… and warned", "…, but she said"):
/// returns the token where the earlier clause stops (the conjunction, or the comma before it).
pub(super) fn coordinated(cx: &RuleContext<'_>, cue: usize, floor: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut k = cue;
    // "and also said", "but she said"
    for _ in 0..2 {
        if k > floor
            && (is(cx.text, &toks[k - 1], COORDINATION_ADVERBS) || toks[k - 1].has(class::PRONOUN))
        {
            k -= 1;
        }
    }
    if k <= floor || !is(cx.text, &toks[k - 1], &["and", "but"]) {
        return None;
    }
    let mut stop = k - 1;
    if stop > floor && cx.punct(stop - 1, ",") {
        stop -= 1;
    }
    Some(stop)
}

/// The end of a clause right before token `at`: a comma, possibly inside closing quotation
/// marks (`…too late,'' Halvorsen said`). Returns the token index where the clause stops.
pub(super) fn comma_before(cx: &RuleContext<'_>, at: usize, ts: usize) -> Option<usize> {
    let mut k = at;
    while k > ts
        && !cx.toks[k - 1].word()
        && matches!(cx.text_of(k - 1), "\"" | "”" | "'" | "’" | "»")
    {
        k -= 1;
    }
    if k > ts && matches!(cx.text_of(k - 1), "," | "—" | "–") {
        // keep the closing marks inside the content
        Some(if k == at { k - 1 } else { at })
    } else {
        None
    }
}

/// After `cue_end`, only a few words remain before `end` ("…, he said in a statement.").
/// The tail must be a time, place or medium phrase ("on Monday", "in a statement",
/// "of the plan"), not an object or a clause ("called his rivals “losers”").
pub(super) fn ends_soon(cx: &RuleContext<'_>, cue_end: usize, end: usize) -> bool {
    let toks = cx.toks;
    // "…, Okafor said in June, pointing to the audit …": a participle after a comma
    // starts a clause of its own
    let end = (cue_end..end)
        .find(|&i| {
            cx.punct(i, ",")
                && i + 1 < end
                && toks[i + 1].word()
                && !toks[i + 1].cap()
                && ends_with_ci(cx.text_of(i + 1), "ing")
        })
        .unwrap_or(end);
    let words = (cue_end..end).filter(|&i| toks[i].word()).count();
    if words == 0 {
        return true;
    }
    let first = (cue_end..end).find(|&i| toks[i].word());
    words <= 7
        && !(cue_end..end).any(|i| toks[i].in_quote() || is(cx.text, &toks[i], &["that"]))
        && first.is_some_and(|i| {
            toks[i].has(class::TIME) || is(cx.text, &toks[i], CUE_TAIL_OPENERS) || toks[i].cap()
        })
}

/// Start of the reported clause ending at `stop`: the sentence start, past any leading
/// punctuation that is not a quotation's.
pub(super) fn clause_start(cx: &RuleContext<'_>, ts: usize, stop: usize) -> usize {
    let mut a = ts;
    while a < stop && !cx.toks[a].word() && !cx.toks[a].in_quote() {
        a += 1;
    }
    a
}
