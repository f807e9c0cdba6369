//! Linking a quotation to its speaker and cue: split quotations, cues after and before
//! the quotation, signatures, trailing attributions and fragments in a clause.

use super::attachment::{CandidateLink, Side};
use super::clauses::{clause_end, coordinated, reports_no_quotation};
use super::context::{Cue, Link, RuleContext, content_end, is_media};
use super::cues::after_cue;
use super::{attachment, source};
use crate::attribution::Rule;
use crate::attribution::mention::{
    as_mention, ends_with_ci, is, np_after, np_premodified, subject_before,
};
use crate::attribution::token::{Tok, first_at_or_after, span_of};
use crate::lexicon::lists::{
    FRAME_ADVERBS, FRAME_CONJUNCTIONS, FRAME_VERBS, FUTURE_AUXILIARIES, INTRO_OPENERS,
    LEADING_CONJUNCTIONS, OBJECT_PRONOUNS, PARTICIPLE_OPENERS, TIME_MEASURE_ADVERBS,
    TIME_MEASURE_UNITS,
};
use crate::lexicon::{REPORTING_VERBS, class};
use crate::quote::Quote;
use crate::sentence::scan::is_alnum;

/// The subject at the start of a sentence: a pronoun, a name or a noun phrase opened by a
/// determiner, after an introductory phrase closed by a comma ("In Ohio, the governor …").
pub(super) fn sentence_subject(
    cx: &RuleContext<'_>,
    ts: usize,
    te: usize,
) -> Option<(usize, usize)> {
    subject_at_start(cx, ts, te, false)
}

/// The subject at the start of a sentence as [`sentence_subject`] finds it, also when an
/// apposition or relative clause follows it ("Ana Ruiz, whose firm …, said"): a candidate
/// speaker for the source decision.
pub(super) fn clause_subject(cx: &RuleContext<'_>, ts: usize, te: usize) -> Option<(usize, usize)> {
    subject_at_start(cx, ts, te, true)
}

fn subject_at_start(
    cx: &RuleContext<'_>,
    ts: usize,
    te: usize,
    apposition: bool,
) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let mut a = (ts..te).find(|&i| toks[i].word() && !toks[i].in_quote())?;
    // skip introductory phrases up to their commas ("Once in my early 20s, when my mother
    // called, I …"; "On July 6, 2015, Ana …"), three at most, each within 16 tokens
    for _ in 0..3 {
        let t = &toks[a];
        let number = t.text(cx.text).bytes().all(|b| b.is_ascii_digit());
        // (looked for only when a test needs it, and once: most subjects open no phrase,
        // and the search reads up to 16 tokens)
        let found_comma = std::cell::OnceCell::new();
        let comma = || {
            *found_comma.get_or_init(|| {
                (a..te.min(a + 16)).find(|&i| cx.punct(i, ",") && !toks[i].in_quote())
            })
        };
        // "Hours later, …", "Eight years ago, …": a measure of time (a unit of time or
        // a number right before the adverb) and the adverb placing it; "Ana Ruiz later,
        // in a statement, said" is a subject and an adverb, no measure
        let time_measure = || {
            comma().is_some_and(|c| {
                c > a + 1 && c - a <= 5 && is(cx.text, &toks[c - 1], TIME_MEASURE_ADVERBS) && {
                    let unit = &toks[c - 2];
                    is(cx.text, unit, TIME_MEASURE_UNITS)
                        || unit.word() && unit.text(cx.text).bytes().all(|b| b.is_ascii_digit())
                }
            })
        };
        // "In Elmbrook, OH, the mayor …": a state's abbreviation after a place and its
        // comma goes on with the place
        let state_of_place = a > ts + 1
            && cx.punct(a - 1, ",")
            && toks[a - 2].word()
            && toks[a - 2].cap()
            && cx.text_of(a).len() == 2
            && cx.text_of(a).bytes().all(|b| b.is_ascii_uppercase());
        // (the comma's search last)
        let intro = t.has(class::NOT_NAME_START | class::FUNCTION | class::BETWEEN | class::TIME)
            || ends_with_ci(cx.text_of(a), "ing")
            || number
            || state_of_place
            || is(cx.text, t, INTRO_OPENERS)
            || time_measure();
        if !intro {
            break;
        }
        let comma = comma()?;
        a = (comma + 1..te).find(|&i| toks[i].word() && !toks[i].in_quote())?;
    }
    let t = &toks[a];
    let ok = t.has(class::PRONOUN)
        || t.cap()
        || is(
            cx.text,
            t,
            &[
                "the", "a", "an", "his", "her", "their", "its", "many", "some",
            ],
        );
    if !ok || t.has(class::NOT_NAME_START) {
        return None;
    }
    let r = np_after(cx.text, toks, a, te)?;
    // the phrase is followed by a verb-like word, not by the quotation
    (r.1 < te && (toks[r.1].word() || apposition && cx.punct(r.1, ",")) && !toks[r.1].in_quote())
        .then_some(r)
}

/// A quotation woven into a clause (text before it in the sentence), not a title standing
/// alone; short fragments of one word count only after a verb-like word.
pub(super) fn fragment_in_clause(
    cx: &RuleContext<'_>,
    q: &Quote<'_>,
    ts: usize,
    te: usize,
) -> bool {
    let toks = cx.toks;
    let Some(qa) = (ts..te).find(|&i| toks[i].in_this_quote(q)) else {
        return false;
    };
    let before = (ts..qa).filter(|&i| toks[i].word()).count();
    let words = q.content().text(cx.text).split_whitespace().count();
    // "its “national enterprise reporter”", "a “liquidating trust”": a quoted term inside
    // a noun phrase
    let prev = (ts..qa).rev().find(|&i| toks[i].word());
    // … unless the noun phrase is what someone is called: "mocked Halvorsen as a “toothless
    // watchdog”"
    let in_noun_phrase = prev.is_some_and(|p| {
        toks[p].has(class::NOUN_BEFORE)
            && !is(cx.text, &toks[p], &["to", "that", "and", "or", "of"])
            && !(p > ts && is(cx.text, &toks[p - 1], &["as"]))
    });
    // "the notorious “carried interest” loophole": a quoted modifier of the noun after it
    let qb = (qa..te)
        .rev()
        .find(|&i| toks[i].in_this_quote(q))
        .map_or(te, |i| i + 1);
    let modifier = qb < te && {
        let n = &toks[qb];
        n.word() && !n.cap() && n.unlisted() && !n.reporting()
    };
    before >= 3 && words >= 2 && !in_noun_phrase && !modifier
}

/// Does the sentence `next` only finish the attribution of a quotation that ends sentence
/// `cur`? It starts with a dash and a name, or (after a quotation ending in `?` or `!`) is a
/// short sentence without quotations.
pub(super) fn trailing_attribution(
    cx: &RuleContext<'_>,
    q: &Quote<'_>,
    cur: (usize, usize),
    next: (usize, usize),
) -> bool {
    let toks = cx.toks;
    let (ns, ne) = next;
    if ns >= ne {
        return false;
    }
    // the quotation closes its sentence
    let last_word = (cur.0..cur.1).rev().find(|&i| toks[i].word());
    if last_word.is_some_and(|i| !toks[i].in_quote()) {
        return false;
    }
    if cx.dash(ns) {
        return true;
    }
    let content = q
        .content()
        .text(cx.text)
        .trim_end_matches(|c: char| !is_alnum(c) && c != '?' && c != '!');
    if content.ends_with(['?', '!']) && ne - ns <= 25 && !toks[ns..ne].iter().any(|t| t.in_quote())
    {
        return true;
    }
    // "“The town is ready.” Ana Ruiz said.": a sentence of only a speaker and a verb of
    // speaking that may frame a quotation closed by its period (a reporting verb: after
    // "“The tide is out.” She laughed." `verb_frame` takes no manner verb, so the
    // quotation's window has nothing to gain from that sentence)
    np_after(cx.text, toks, ns, ne).is_some_and(|r| {
        r.0 == ns
            && r.1 < ne
            && r.1 - r.0 <= 5
            && (toks[ns].cap() || toks[ns].has(class::PRONOUN))
            && !toks[ns].has(class::NOT_NAME_START)
            && closed_frame_verb(cx, r.1)
            && toks[r.1 + 1..ne].iter().all(|t| !t.word() && !t.in_quote())
    })
}

/// The tokens [first, last + 1) of quotation `q` within its sentence's tokens [`ts`,
/// `te`), if it has any. Its tokens lie inside its span, so only that stretch is
/// searched (searching the whole sentence per quotation was quadratic).
fn quote_tokens(toks: &[Tok], q: &Quote<'_>, ts: usize, te: usize) -> Option<(usize, usize)> {
    let lo = ts + first_at_or_after(&toks[ts..te], q.span.start);
    let hi = lo + first_at_or_after(&toks[lo..te], q.span.end);
    let first = (lo..hi).find(|&i| toks[i].in_this_quote(q))?;
    let end = (first..hi).rev().find(|&i| toks[i].in_this_quote(q))? + 1;
    Some((first, end))
}

/// Link a quotation to a cue in its sentence (tokens [ts, te)).
pub(super) fn link_quote(
    cx: &RuleContext<'_>,
    q: &Quote<'_>,
    ts: usize,
    te: usize,
    cues: &mut [Cue],
) -> Option<Link> {
    let toks = cx.toks;
    let text = cx.text;
    let (qa, qb) = quote_tokens(toks, q, ts, te)?;
    // cues are in text order and do not overlap: search only the ones near the quotation
    let after = |k: usize| cues.partition_point(|c| c.start < k);
    // 1. split quotation: a cue between the pieces
    if q.pieces().len() > 1 {
        let from = after(qa + 1);
        let found = cues[from..]
            .iter()
            .take_while(|c| c.start < qb)
            .position(|c| {
                !c.used && c.end < qb && !toks[c.start].in_quote() && !reports_no_quotation(c)
            });
        if let Some(ci) = found.map(|k| from + k) {
            let c = cues[ci];
            let floor = (qa..c.start)
                .rev()
                .find(|&i| toks[i].in_this_quote(q))
                .map_or(ts, |i| i + 1);
            let ceil = (c.end..qb)
                .find(|&i| toks[i].in_this_quote(q))
                .unwrap_or(qb);
            let sp = subject_before(text, toks, c.start, floor)
                .or_else(|| np_after(text, toks, c.end, ceil));
            if let Some(r) = sp {
                cues[ci].used = true;
                let (_, addressee, medium) = after_cue(cx, &c, ceil);
                return Some(Link {
                    speaker: Some(as_mention(text, toks, r)),
                    cue: Some(cx.span(c.start, c.end)),
                    addressee,
                    medium,
                    rule: Rule::SplitQuote,
                    confidence: 0.9,
                    content: None,
                });
            }
        }
    }
    // 2. after the quotation: "“…,” X said" / "“…,” said X"
    let next_q = (qb..te).find(|&i| toks[i].in_quote()).unwrap_or(te);
    let from = after(qb);
    // the first free cue after the quotation: near it, or after a subject that starts
    // right at the quotation ("“…,” Ana Ruiz, a professor at …, said")
    let found = cues[from..]
        .iter()
        .take_while(|c| c.start < next_q && c.start - qb <= 40)
        // "declined to say": a verb of refusal governs only its infinitive, never a
        // quotation on its own
        .position(|c| !c.used && !reports_no_quotation(c))
        .filter(|&k| {
            let c = &cues[from + k];
            c.start - qb <= 14
                || subject_before(text, toks, c.start, qb).is_some_and(|r| r.0 <= qb + 1)
                || apposed_name(cx, qb, c.start).is_some()
        });
    let mut after: Option<(usize, Link)> = None;
    if let Some(ci) = found.map(|k| from + k) {
        let c = cues[ci];
        let sp = if c.according {
            np_after(text, toks, c.end, next_q).map(|r| (r, Rule::AccordingTo))
        } else {
            // "“…,” Ana Ruiz, the attorney general of Ohio, one of the states suing, said";
            // "“…,” said former bank manager Ana Ruiz"
            let candidates = [
                ("apposed", apposed_name(cx, qb, c.start)),
                ("subject", subject_before(text, toks, c.start, qb)),
                ("after", np_after(text, toks, c.end, next_q)),
                ("premodified", np_premodified(text, toks, c.end, next_q)),
            ];
            source::choose(cx, "quote-cue", c.start, c.end, &candidates, 4).map(|r| {
                let rule = if r.1 <= c.start {
                    Rule::QuoteSpeakerCue
                } else {
                    Rule::QuoteCueSpeaker
                };
                (r, rule)
            })
        };
        if let Some((r, rule)) = sp {
            let (_, addressee, mut medium) = after_cue(cx, &c, next_q);
            let speaker = as_mention(text, toks, r);
            if c.according && is_media(cx, r.0, r.1) {
                medium = Some(speaker.span);
            }
            after = Some((
                ci,
                Link {
                    speaker: Some(speaker),
                    cue: Some(cx.span(c.start, c.end)),
                    addressee,
                    medium,
                    rule,
                    confidence: 0.9,
                    content: None,
                },
            ));
        }
    }
    // without attachment weights the cue after the quotation governs it, as the rules
    // have it; with them, a cue before it is weighed too
    let weigh = cx.weights.covers("att") || cx.record;
    if let Some((ci, link)) = after.as_ref().filter(|_| !weigh) {
        cues[*ci].used = true;
        return Some(*link);
    }
    // 2b. "“…” — Name": a dash ("—", "–", "-", "--") and a name closing the sentence,
    // perhaps with a short apposition ("— Jane Ng, Leeds", "—Jane Ng, a reader from
    // Leeds")
    if after.is_none() && qb < te && cx.dash(qb) {
        let name_at = if qb + 1 < te && cx.punct(qb, "-") && cx.punct(qb + 1, "-") {
            qb + 2
        } else {
            qb + 1
        };
        if let Some((a, b)) = np_after(text, toks, name_at, te) {
            let end = content_end(cx, b, te);
            let apposition = end > b + 1
                && end - b <= 12
                && cx.punct(b, ",")
                && toks[b + 1..end]
                    .iter()
                    .all(|t| !t.in_quote() && !t.reporting() && (t.word() || t.text(text) == ","));
            if toks[a].cap() && (end == b || apposition) {
                return Some(Link {
                    speaker: Some(as_mention(text, toks, (a, b))),
                    cue: Some(cx.span(qb, name_at)),
                    addressee: None,
                    medium: None,
                    rule: Rule::QuoteDashSpeaker,
                    confidence: 0.8,
                    content: None,
                });
            }
        }
    }
    // 3. before the quotation: "X said: “…”"
    let prev_q = (ts..qa)
        .rev()
        .find(|&i| toks[i].in_quote())
        .map_or(ts, |i| i + 1);
    let upto = cues.partition_point(|c| c.end <= qa);
    // the nearest free cue with a subject, among the last three before the quotation
    // ("Lynch said she recalled thinking, “…”": "thinking" has none, "recalled" has)
    // (walked as they are found: no vector of them allocated at each quotation)
    let candidates = (0..upto)
        .rev()
        .take_while(|&k| cues[k].start >= prev_q)
        .filter(|&k| !cues[k].used && !reports_no_quotation(&cues[k]))
        .take(2);
    let mut before: Option<(usize, Link)> = None;
    for ci in candidates {
        let c = cues[ci];
        let (first, addressee, mut medium) = after_cue(cx, &c, qa);
        let gap_words = (first..qa).filter(|&i| toks[i].word()).count();
        // (a comma or a word of `lexicon/participle_openers.txt` before the -ing form:
        // "Ana Ruiz praised the crew before adding, “…”", as the clause rules read it)
        let participle = c.start > ts
            && (cx.punct(c.start - 1, ",") || is(text, &toks[c.start - 1], PARTICIPLE_OPENERS))
            && ends_with_ci(cx.text_of(c.start), "ing");
        // "Said Ana Ruiz, “…”", "But, said Tom Reyes, “…”": the cue opens its clause and
        // its subject follows it
        let inverted = c.start > prev_q.max(ts)
            && (prev_q.max(ts)..c.start)
                .all(|i| !toks[i].word() || is(text, &toks[i], LEADING_CONJUNCTIONS))
            || c.start == prev_q.max(ts) && toks[c.start].cap();
        let sp = if c.according || inverted && subject_before(text, toks, c.start, prev_q).is_none()
        {
            // (an inverted cue of telling names whom it told: "Told the news, the mayor
            // wept: “…”"; "Said Ana Ruiz, “…”" names its speaker)
            np_after(text, toks, c.end, qa).filter(|_| c.according || !c.tells)
        } else if participle {
            // "Halvorsen attacked Okafor, saying, “…”": the subject of the main clause;
            // "The pier reopens in May, Ana Ruiz said, adding, “…”": the participle goes on
            // with the cue right before its comma, whose subject speaks
            // (only when the quotation follows the participle directly, `adding, “…”`:
            // one with its own object, "quoting Ana Ruiz as saying, “…”", gives the
            // words of that object, not of the earlier cue's subject)
            let cue_before = (ci > 0 && gap_words == 0 && cx.punct(c.start - 1, ","))
                .then(|| cues[ci - 1])
                .filter(|p| p.end < c.start && !p.according && !toks[p.start].in_quote())
                .and_then(|p| {
                    if p.end + 1 == c.start {
                        return subject_before(text, toks, p.start, prev_q);
                    }
                    // "…, said Tom Park, adding": the name after the cue, up to the comma;
                    // "…, Ana Ruiz told Tom Park, adding": that name is whom the cue told,
                    // and the cue's subject speaks
                    let after = np_after(text, toks, p.end, c.start - 1)
                        .filter(|r| r.0 == p.end && r.1 == c.start - 1)?;
                    if p.start > 0 && cx.punct(p.start - 1, ",") {
                        return Some(after);
                    }
                    p.tells
                        .then(|| subject_before(text, toks, p.start, prev_q))
                        .flatten()
                });
            let candidates = [
                ("sentence", sentence_subject(cx, ts, c.start)),
                // (after `before`, `while`, …, the words before the cue end in that
                // word: no subject of its own, "the port before")
                (
                    "subject",
                    subject_before(text, toks, c.start, prev_q)
                        .filter(|_| !is(text, &toks[c.start - 1], PARTICIPLE_OPENERS)),
                ),
                ("clause", clause_subject(cx, ts, c.start)),
            ];
            cue_before
                .or_else(|| {
                    source::choose(cx, "cue-quote-participle", c.start, c.end, &candidates, 1)
                })
                // "Once the vote ended he started by saying, “…”": else the subject of the verb
                // before `by`
                .or_else(|| chain_subject(cx, c.start, prev_q.max(ts)))
        } else {
            // "I laughed and said, “…”": a coordinated verb shares the subject; "X issued a
            // statement saying “…”": the clause's subject may speak
            let candidates = [
                ("subject", subject_before(text, toks, c.start, prev_q)),
                (
                    "coordinated",
                    coordinated(cx, c.start, ts).and_then(|_| sentence_subject(cx, ts, c.start)),
                ),
                ("sentence", sentence_subject(cx, ts, c.start)),
                ("clause", clause_subject(cx, ts, c.start)),
                ("after", np_after(text, toks, c.end, qa)),
            ];
            source::choose(cx, "cue-quote", c.start, c.end, &candidates, 2)
                // "Tom Park was moved to say, “…”": else the subject of the verb
                // before `to`
                .or_else(|| chain_subject(cx, c.start, prev_q.max(ts)))
        };
        let Some(r) = sp else { continue };
        if gap_words > 12 && !c.according {
            continue;
        }
        let speaker = as_mention(text, toks, r);
        if c.according && is_media(cx, r.0, r.1) {
            medium = Some(speaker.span);
        }
        // a fragment woven into a reported clause: the clause is the content;
        // "said Monday, “…”" keeps the quotation alone
        let lead_punct = qa > 0 && !toks[qa - 1].word() && matches!(cx.text_of(qa - 1), "," | ":");
        let content = if gap_words > 0 && !c.according && !lead_punct {
            let end = clause_end(cx, qb, content_end(cx, qb, te)).max(qb);
            let start = if first < qa { first } else { qa };
            Some(span_of(toks, start, end).cover(q.span))
        } else {
            None
        };
        let rule = if c.according {
            Rule::AccordingTo
        } else {
            Rule::SpeakerCueQuote
        };
        before = Some((
            ci,
            Link {
                speaker: Some(speaker),
                cue: Some(cx.span(c.start, c.end)),
                addressee,
                medium,
                rule,
                confidence: 0.85,
                content,
            },
        ));
        break;
    }
    // the rules' choice first: the cue after the quotation, then the one reporting it
    // in turn, then the cue before the quotation
    let outer = after.and_then(|(ci, _)| outer_link(cx, cues, ci, next_q));
    let found = [
        after.map(|(ci, link)| CandidateLink {
            side: Side::After,
            cue: ci,
            inner: None,
            link,
        }),
        outer,
        before.map(|(ci, link)| CandidateLink {
            side: Side::Before,
            cue: ci,
            inner: None,
            link,
        }),
    ];
    // the links found, in an array (no vector allocated at each quotation)
    let first = found.iter().flatten().next().copied()?;
    let mut kept = [first; 3];
    let mut n = 0;
    for link in found.into_iter().flatten() {
        kept[n] = link;
        n += 1;
    }
    let links = &kept[..n];
    let chosen = match links.len() {
        1 => links[0],
        _ => links[attachment::choose(cx, q, qa, qb, cues, links)],
    };
    cues[chosen.cue].used = true;
    if let Some(inner) = chosen.inner {
        cues[inner].used = true;
    }
    Some(chosen.link)
}

/// "He began by saying, “…”", "Tom Park was moved to say, “…”", "She answered the
/// board by saying, “…”": a cue at token `cue` after `by` or `to` has no subject of its
/// own; the subject of the verb that `by` or `to` completes speaks. That verb is looked
/// for among the few words before `by` or `to` (no punctuation, no quotation, above
/// `floor`), nearest first. A subject is a whole phrase right before it, opened by a
/// pronoun, a capital or a determiner, and not an object pronoun.
fn chain_subject(cx: &RuleContext<'_>, cue: usize, floor: usize) -> Option<(usize, usize)> {
    let (text, toks) = (cx.text, cx.toks);
    if cue < floor + 3 || !is(text, &toks[cue - 1], &["by", "to"]) {
        return None;
    }
    let lowest = cue.saturating_sub(CHAIN_WORDS + 1).max(floor + 1);
    let mut verb = cue - 1;
    while verb > lowest {
        verb -= 1;
        let verb_tok = &toks[verb];
        if !verb_tok.word() || verb_tok.in_quote() {
            return None;
        }
        if verb_tok.cap() || verb_tok.has(class::DET | class::FUNCTION) {
            continue;
        }
        let Some(r) = subject_before(text, toks, verb, floor) else {
            continue;
        };
        let (first, head) = (&toks[r.0], &toks[r.1 - 1]);
        let opens = first.has(class::PRONOUN) || first.cap() || first.has(class::DET);
        // a whole phrase: not one cut after a determiner or possessive ("Ana Ruiz ended
        // her" of "ended her speech by quoting"), nor a name running on into the verb
        // ("Ana Ruiz ended")
        let cut =
            head.has(class::DET) || is(text, head, OBJECT_PRONOUNS) || is(text, head, &["her"]);
        let runs_on = (r.0 + 1..r.1).any(|k| {
            toks[k - 1].cap() && toks[k].word() && !toks[k].cap() && !toks[k].has(class::FUNCTION)
        });
        if opens && !cut && !runs_on && !first.in_quote() {
            return Some(r);
        }
    }
    None
}

/// How many words may stand between the verb and the `by` or `to` of a cue (`responded
/// on Tuesday to a message by saying`).
const CHAIN_WORDS: usize = 6;

/// "“…,” Ana Ruiz said, according to the paper" / "“…,” she told the board, the paper
/// reported": a free cue after the cue `inner` that governs the quotation, in the same
/// stretch of the sentence (before `end`) and set off by a comma, whose speaker reports
/// that act in turn. PolNeAR names such an outer source the quotation's; the attachment
/// model weighs it against the inner cue.
fn outer_link(
    cx: &RuleContext<'_>,
    cues: &[Cue],
    inner: usize,
    end: usize,
) -> Option<CandidateLink> {
    let (text, toks) = (cx.text, cx.toks);
    let ci = inner + 1;
    let c = *cues.get(ci)?;
    let from = cues[inner].end;
    if c.used || c.start >= end || c.start.saturating_sub(from) > 24 || reports_no_quotation(&c) {
        return None;
    }
    // set off from the inner attribution by a comma right before the outer one's
    // speaker or cue
    let comma_at = |k: usize| k > from && cx.punct(k - 1, ",");
    let r = if c.according {
        comma_at(c.start)
            .then(|| np_after(text, toks, c.end, end))
            .flatten()?
    } else if let Some(r) = subject_before(text, toks, c.start, from).filter(|r| comma_at(r.0)) {
        r
    } else {
        // ", reports the paper": the speaker after the cue, closing the sentence
        comma_at(c.start)
            .then(|| np_after(text, toks, c.end, end))
            .flatten()
            .filter(|r| r.1 >= end || !toks[r.1].word())?
    };
    if r.0 >= r.1 {
        return None;
    }
    let speaker = as_mention(text, toks, r);
    let medium = is_media(cx, r.0, r.1).then_some(speaker.span);
    Some(CandidateLink {
        side: Side::Outer,
        cue: ci,
        inner: Some(inner),
        link: Link {
            speaker: Some(speaker),
            cue: Some(cx.span(c.start, c.end)),
            addressee: None,
            medium,
            rule: if c.according {
                Rule::AccordingTo
            } else if r.1 <= c.start {
                Rule::QuoteSpeakerCue
            } else {
                Rule::QuoteCueSpeaker
            },
            confidence: 0.85,
            content: None,
        },
    })
}

/// "“…,” Ana Ruiz, a lawyer for the city, said": a name right after the quotation (at
/// token `at`), then appositions between commas up to the cue at `cue`.
pub(super) fn apposed_name(cx: &RuleContext<'_>, at: usize, cue: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    if cue <= at + 2 || !cx.punct(cue - 1, ",") || !toks[at].cap() {
        return None;
    }
    let r = np_after(cx.text, toks, at, cue)?;
    (r.1 < cue
        && cx.punct(r.1, ",")
        && toks[r.0].cap()
        && !toks[at..cue].iter().any(|t| t.in_quote()))
    .then_some(r)
}

/// Rule `verb-frame`: a quotation framed by its speaker and a finite verb of speaking
/// right beside it, when no cue governs it: `“Not now,” Ana Ruiz snapped.`, `“Fine,” he
/// answered.` (after it: the quotation's last mark inside is a comma, `?` or `!`, and
/// punctuation or another quotation closes the frame) or `She sighed: “Not again.”`
/// (before it: the verb right before the comma or colon that opens the quotation). The
/// verb is of a communication class only: a manner-of-speaking verb of
/// `lexicon/frame_verbs.txt`, or a verb of the reporting-verb lexicon whose occurrence
/// the cue rules did not take. `“No,” Ana Ruiz walked away.` has no frame. The
/// quotation is tokens [`ts`, `te`) of its sentence; `cues` are the sentence's.
pub(super) fn verb_frame(
    cx: &RuleContext<'_>,
    q: &Quote<'_>,
    ts: usize,
    te: usize,
    cues: &mut [Cue],
) -> Option<Link> {
    let (text, toks) = (cx.text, cx.toks);
    let (qa, qb) = quote_tokens(toks, q, ts, te)?;
    // a cue taken by another quotation or clause is not free to frame this one
    let taken = |v: usize| cues.iter().any(|c| c.used && c.start <= v && v < c.end);
    let inside = q
        .content()
        .text(text)
        .trim_end_matches(|ch: char| ch.is_whitespace() || "\"“”'‘’»«".contains(ch))
        .chars()
        .last();
    // a quotation closed by a period is framed only by a reporting verb that ends the
    // sentence after it ("“The town is ready.” Ana Ruiz said.")
    let closed = inside == Some('.');
    // the verb within five words of the quotation, the words before it its subject
    let after = || {
        if !matches!(inside, Some(',' | '?' | '!' | '.'))
            || qb >= te
            || !(toks[qb].cap() || toks[qb].has(class::PRONOUN | class::DET))
            || toks[qb].cap() && toks[qb].has(class::NOT_NAME_START)
        {
            return None;
        }
        let v = (qb + 1..te.min(qb + 7))
            .find(|&v| frame_verb(cx, v) || future_frame(cx, v) || goes_on(cx, v, te))?;
        // ("“…,” she went on.": the particle is the frame's too)
        let tail = if goes_on(cx, v, te) { v + 2 } else { v + 1 };
        let framed = !taken(v)
            && frame_closes(cx, tail, te)
            && (!closed
                || (closed_frame_verb(cx, v) || tail == v + 2)
                    && toks[tail..te].iter().all(|t| !t.word() && !t.in_quote()));
        // "it still reads", "she will announce": one adverb or the future's auxiliary
        // between
        let subject_end =
            if future_frame(cx, v) || v > qb + 1 && is(text, &toks[v - 1], FRAME_ADVERBS) {
                v - 1
            } else {
                v
            };
        let r =
            np_after(text, toks, qb, subject_end).filter(|r| framed && *r == (qb, subject_end))?;
        Some((r, v))
    };
    // before it: "She sighed: “…”", the subject right before the verb, not a passive's
    let before = || {
        if qa < ts + 2 || !(cx.punct(qa - 1, ",") || cx.punct(qa - 1, ":")) {
            return None;
        }
        let v = qa - 2;
        if !frame_verb(cx, v) || taken(v) || source::is_passive(cx, v, ts) {
            return None;
        }
        let r = subject_before(text, toks, v, ts)?;
        (r.1 == v && r.0 < r.1).then_some((r, v))
    };
    let (r, v) = after().or_else(before)?;
    if let Some(c) = cues.iter_mut().find(|c| c.start <= v && v < c.end) {
        c.used = true;
    }
    let cue_end = if goes_on(cx, v, te) { v + 2 } else { v + 1 };
    Some(Link {
        speaker: Some(as_mention(text, toks, r)),
        cue: Some(cx.span(v, cue_end)),
        addressee: None,
        medium: None,
        rule: Rule::VerbFrame,
        confidence: 0.7,
        content: None,
    })
}

/// Tokens `v` and `v + 1` (before `te`) are `went on` or `goes on`, which go on speaking
/// in a frame right after a quotation (`“…,” she went on.`), never before one.
fn goes_on(cx: &RuleContext<'_>, v: usize, te: usize) -> bool {
    let t = &cx.toks[v];
    v + 1 < te
        && t.word()
        && !t.cap()
        && !t.in_quote()
        && is(cx.text, t, &["went", "goes"])
        && is(cx.text, &cx.toks[v + 1], &["on"])
}

/// Token `v` is a finite verb of speaking that may frame a quotation: a form of
/// `lexicon/frame_verbs.txt`, or an inflected form of a reporting verb other than its
/// -ing form (`answered`, `says`; not `say`, which may be an infinitive or a plural's).
fn frame_verb(cx: &RuleContext<'_>, v: usize) -> bool {
    let t = &cx.toks[v];
    if !t.word() || t.cap() || t.in_quote() {
        return false;
    }
    if is(cx.text, t, FRAME_VERBS) {
        return true;
    }
    let word = cx.text_of(v);
    t.reporting()
        && !ends_with_ci(word, "ing")
        && t.lemma(cx.text).is_some_and(|lemma| lemma != word)
}

/// Token `v` may frame a quotation closed by its period: a [`frame_verb`] that reports
/// (`“The town is ready.” Ana Ruiz said.`), not a manner verb of
/// `lexicon/frame_verbs.txt` (`“The tide is out.” She laughed.` is narration).
fn closed_frame_verb(cx: &RuleContext<'_>, v: usize) -> bool {
    frame_verb(cx, v) && !is(cx.text, &cx.toks[v], FRAME_VERBS)
}

/// Token `v` is the base form of a reporting verb after an auxiliary of
/// `lexicon/future_auxiliaries.txt` (`“…,” the mayor will announce.`: a speech announced
/// by its excerpts). The base form is the lemma the built-in lists give the word: a verb
/// an analyzer added is its own lemma in every form, so `will announced` is no frame.
fn future_frame(cx: &RuleContext<'_>, v: usize) -> bool {
    let t = &cx.toks[v];
    v > 0
        && t.word()
        && !t.cap()
        && !t.in_quote()
        && t.reporting()
        && is(cx.text, &cx.toks[v - 1], FUTURE_AUXILIARIES)
        && REPORTING_VERBS
            .get(cx.text_of(v))
            .is_some_and(|lemma| *lemma == cx.text_of(v))
}

/// The frame after a quotation closes at token `k` (before `te`): the sentence's end,
/// punctuation or another quotation, perhaps after one adverb of
/// `lexicon/frame_adverbs.txt` (`he answered flatly.`), so that `“No,” she pressed the
/// button.` and `“Fine,” he pressed supply.` are no frames.
fn frame_closes(cx: &RuleContext<'_>, mut k: usize, te: usize) -> bool {
    let toks = cx.toks;
    if k < te && !toks[k].cap() && !toks[k].in_quote() && is(cx.text, &toks[k], FRAME_ADVERBS) {
        k += 1;
    }
    // "“Go home,” he barked and walked off": a coordinated verb or clause after it
    k >= te || !toks[k].word() || toks[k].in_quote() || is(cx.text, &toks[k], FRAME_CONJUNCTIONS)
}

#[cfg(test)]
mod tests {
    use super::super::context::tests::attributions;
    use crate::Rule;

    /// The rule and speaker of the attribution whose content is `content`.
    fn of<'t>(text: &'t str, content: &str) -> (Rule, Option<&'t str>) {
        let found = attributions(text);
        found
            .iter()
            .find(|a| a.2 == content)
            .map(|a| (a.0, a.1))
            .unwrap_or_else(|| panic!("{content} in {found:?}"))
    }

    #[test]
    fn a_verb_of_speaking_after_a_quotation_frames_it() {
        let text = "“Not tonight,” the harbour master snapped.";
        assert_eq!(
            of(text, "“Not tonight,”"),
            (Rule::VerbFrame, Some("the harbour master"))
        );
        // the quotation after the frame continues the attribution
        let text = "“Is the ferry safe?” Tom Reyes pressed. “Tell us now.”";
        assert_eq!(of(text, text), (Rule::VerbFrame, Some("Tom Reyes")));
        // one adverb of the lexicon may stand before the frame closes
        let text = "“We will see,” she chuckled quietly, and left the hall.";
        assert_eq!(of(text, "“We will see,”"), (Rule::VerbFrame, Some("she")));
        // the future's auxiliary or one adverb between the speaker and the verb
        let text = "“The pier opens in May,” the harbour board will announce.";
        assert_eq!(
            of(text, "“The pier opens in May,”"),
            (Rule::VerbFrame, Some("the harbour board"))
        );
        let text = "“Mind the wet paint,” it now reads.";
        assert_eq!(
            of(text, "“Mind the wet paint,”"),
            (Rule::VerbFrame, Some("it"))
        );
        let text = "“We were wrong,” the harbour master quietly sighed.";
        assert_eq!(
            of(text, "“We were wrong,”"),
            (Rule::VerbFrame, Some("the harbour master"))
        );
        // a coordinated verb after the frame
        let text = "“Go home,” the guard barked and walked off.";
        assert_eq!(of(text, "“Go home,”"), (Rule::VerbFrame, Some("the guard")));
    }

    #[test]
    fn a_measure_of_time_opening_the_sentence_is_no_speaker() {
        // "Hours later," opens the sentence: the subject after it speaks
        let text = "Hours later, the harbour master returned the favour, telling reporters, “He is a fine sailor.”";
        assert_eq!(
            of(text, "“He is a fine sailor.”"),
            (Rule::SpeakerCueQuote, Some("the harbour master"))
        );
        let text = "Eight years ago, Ana Ruiz backed the plan and said, “It will pay for itself.”";
        assert_eq!(
            of(text, "“It will pay for itself.”"),
            (Rule::SpeakerCueQuote, Some("Ana Ruiz"))
        );
        let text = "Two weeks later, the harbour master backed the crew and said, “They did well.”";
        assert_eq!(
            of(text, "“They did well.”"),
            (Rule::SpeakerCueQuote, Some("the harbour master"))
        );
        // a general noun of time with an adjective before the adverb
        let text = "A short time later, Tom Park stood up and said, “We are done.”";
        assert_eq!(
            of(text, "“We are done.”"),
            (Rule::SpeakerCueQuote, Some("Tom Park"))
        );
        let text = "A while ago, the harbour master backed the crew and said, “They did well.”";
        assert_eq!(
            of(text, "“They did well.”"),
            (Rule::SpeakerCueQuote, Some("the harbour master"))
        );
    }

    #[test]
    fn a_participle_after_a_subordinator_is_the_main_clause_s() {
        // `before adding`: the subject of the main clause speaks, not the noun before it
        let text =
            "The mayor talked about the bridge and the port before saying, “We sail at dawn.”";
        assert_eq!(
            of(text, "“We sail at dawn.”"),
            (Rule::SpeakerCueQuote, Some("The mayor"))
        );
    }

    #[test]
    fn a_comma_after_a_names_parenthesis_closes_no_apposition() {
        let text = "At the quay, after the vote, Gov. Ana Ruiz (R-Ohio), said, “We will rebuild the pier.”";
        assert_eq!(
            of(text, "“We will rebuild the pier.”"),
            (Rule::SpeakerCueQuote, Some("Gov. Ana Ruiz"))
        );
        // a state's abbreviation after a place is part of the opening phrase
        let text = "In Elmbrook, OH, after the vote, Gov. Ana Ruiz (R-OH), said, “We will rebuild the pier.”";
        assert_eq!(
            of(text, "“We will rebuild the pier.”"),
            (Rule::SpeakerCueQuote, Some("Gov. Ana Ruiz"))
        );
        // a relative clause ending in a name's parenthesis is still set off
        let text = "Tom Reyes, who beat Ana Ruiz (R), said, “We will rebuild the pier.”";
        assert_eq!(
            of(text, "“We will rebuild the pier.”"),
            (Rule::SpeakerCueQuote, Some("Tom Reyes"))
        );
    }

    #[test]
    fn a_participle_after_a_cue_and_its_comma_goes_on_with_that_cue() {
        // `Tom Park said, adding`: the subject of `said`, not the sentence's first one
        let text = "Ruiz and Reyes will meet some time next week, Tom Park said, adding, “They need a long talk.”";
        assert_eq!(
            of(text, "“They need a long talk.”"),
            (Rule::SpeakerCueQuote, Some("Tom Park"))
        );
        let text =
            "Ruiz and Reyes will meet next week, said Tom Park, adding, “They need a long talk.”";
        assert_eq!(
            of(text, "“They need a long talk.”"),
            (Rule::SpeakerCueQuote, Some("Tom Park"))
        );
        // `Ana Ruiz told Tom Park, adding`: the subject of the telling cue, not whom it told
        let text = "The council voted, Ana Ruiz told Tom Park, adding, “It is over.”";
        assert_eq!(
            of(text, "“It is over.”"),
            (Rule::SpeakerCueQuote, Some("Ana Ruiz"))
        );
    }

    #[test]
    fn a_subject_and_a_time_adverb_before_a_comma_are_no_measure_of_time() {
        // `later` closes no measure here: the words before it are the subject
        let text = "Ana Ruiz later, in a letter to the board, backed the plan and said, “It will pay for itself.”";
        assert_eq!(
            of(text, "“It will pay for itself.”"),
            (Rule::SpeakerCueQuote, Some("Ana Ruiz"))
        );
    }

    #[test]
    fn a_role_before_the_name_after_said_may_end_in_a_reporting_word_after_of() {
        // "state" is a reporting verb elsewhere; after "of" it is the role's noun
        let text =
            "“The harbour is safe,” said former secretary of state Ana Ruiz, who spoke first.";
        assert_eq!(
            of(text, "“The harbour is safe,”"),
            (
                Rule::QuoteCueSpeaker,
                Some("former secretary of state Ana Ruiz")
            )
        );
    }

    #[test]
    fn an_introductory_phrase_before_the_subject_is_no_speaker() {
        let text = "Outside the town hall, the fishermen gathered, chanting “Save the pier!”";
        assert_eq!(
            of(text, "“Save the pier!”"),
            (Rule::SpeakerCueQuote, Some("the fishermen"))
        );
    }

    #[test]
    fn a_cue_opening_its_clause_has_its_subject_after_it() {
        let text =
            "The pier was rebuilt in May. Said Ana Ruiz, who grew up near it, “We are so proud.”";
        assert_eq!(
            of(text, "“We are so proud.”"),
            (Rule::SpeakerCueQuote, Some("Ana Ruiz"))
        );
        let text = "The mayor was upbeat. But, said Tom Reyes, “The money is gone.”";
        assert_eq!(
            of(text, "“The money is gone.”"),
            (Rule::SpeakerCueQuote, Some("Tom Reyes"))
        );
    }

    #[test]
    fn a_quantifier_standing_alone_speaks() {
        // its noun left out, the quantifier is the subject of the cue before the quotation
        let text = "The crowd waited on the pier. Some chanted, “Open the gates!”";
        assert_eq!(
            of(text, "“Open the gates!”"),
            (Rule::SpeakerCueQuote, Some("Some"))
        );
        let text = "The ferry was late again. Others wrote, “We are tired of waiting.”";
        assert_eq!(
            of(text, "“We are tired of waiting.”"),
            (Rule::SpeakerCueQuote, Some("Others"))
        );
    }

    #[test]
    fn a_quantifier_after_another_word_is_part_of_a_phrase() {
        // "the others": the determiner opens the speaker's phrase
        let text = "“We lost,” the others said.";
        assert_eq!(of(text, "“We lost,”").1, Some("the others"));
        // "most recently": an adverb of the clause, no speaker
        let text = "Ana Ruiz most recently said, “We will build it.”";
        assert!(attributions(text).iter().all(|a| a.1 != Some("most")));
    }

    #[test]
    fn a_past_form_before_the_head_is_an_adjective() {
        let text = "“The pier will open,” said a former elected official.";
        assert_eq!(
            of(text, "“The pier will open,”").1,
            Some("a former elected official")
        );
    }

    #[test]
    fn an_inverted_cue_takes_the_phrase_up_to_the_quotation() {
        let text = "Said Ana Ruiz, “We will build it.”";
        assert_eq!(of(text, "“We will build it.”").1, Some("Ana Ruiz"));
        // "Told the news": whom it told, not a speaker of the quotation after the clause
        let text = "Told the news, the mayor wept: “It is over.”";
        assert!(attributions(text).iter().all(|a| a.1 != Some("the news")));
    }

    #[test]
    fn a_verb_of_speaking_before_a_quotation_frames_it() {
        let text = "Then Ana Ruiz sighed: “Not the pier again.”";
        assert_eq!(
            of(text, "“Not the pier again.”"),
            (Rule::VerbFrame, Some("Ana Ruiz"))
        );
    }

    #[test]
    fn a_verb_with_an_object_or_outside_the_communication_class_frames_nothing() {
        for (text, content) in [
            // an object after the verb: an act, not a frame
            ("“Go on,” Tom Reyes pressed the green button.", "“Go on,”"),
            // a verb of no communication class
            ("“Fine,” Ana Ruiz walked out.", "“Fine,”"),
            // a word in -ly after the verb that is no adverb of the lexicon: an object
            ("“Fine,” he pressed supply.", "“Fine,”"),
            ("“Stay close,” she begged family.", "“Stay close,”"),
            ("“Be there,” Tom Reyes pressed early.", "“Be there,”"),
            // the subject of a passive is not the speaker
            (
                "Tom Reyes was pressed, “Why did the ferry stop?”",
                "“Why did the ferry stop?”",
            ),
            // a quotation closed by its period and a manner verb after it: narration
            ("“The tide is out.” She laughed.", "“The tide is out.”"),
        ] {
            let found = attributions(text);
            assert!(
                found
                    .iter()
                    .all(|a| a.0 != Rule::VerbFrame && a.1.is_none() || a.2 != content),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_sentence_of_only_a_speaker_and_a_cue_finishes_the_quotation_before_it() {
        let text = "“The ferry runs on Sundays.” Ana Ruiz said.";
        assert_eq!(of(text, "“The ferry runs on Sundays.”").1, Some("Ana Ruiz"));
        assert!(trails(text));
        // a manner verb frames no quotation closed by its period: the sentence after it
        // does not stretch the quotation's window
        assert!(!trails("“The tide is out.” She laughed."));
        assert!(!trails("“The tide is out.” Ana Ruiz sighed."));
    }

    /// Whether the second sentence of `text` only finishes the attribution of the
    /// quotation that ends the first (`trailing_attribution`, on the analyzer's own
    /// sentences, quotations and tokens).
    fn trails(text: &str) -> bool {
        use super::super::context::{Counts, RuleContext, Scratch, mark_quote_tokens};
        use crate::attribution::token::tokenize;
        use crate::lexicon::Overlay;
        use crate::{QuoteDetector, QuotePolicy, Segmenter, paragraphs};
        let spans: Vec<_> = paragraphs(text).map(|p| p.span).collect();
        let sentences: Vec<_> = Segmenter::new()
            .sentences_with_policy(text, QuotePolicy::Keep)
            .collect();
        let quotes = QuoteDetector::new().detect(text, &spans);
        let (mut toks, mut cum, mut ranges) = (Vec::new(), vec![0], Vec::new());
        for s in &sentences {
            let first = toks.len();
            tokenize(
                text,
                s.span.start,
                s.span.end,
                &Overlay::default(),
                &mut toks,
                &mut cum,
            );
            ranges.push((first, toks.len()));
        }
        assert_eq!(ranges.len(), 2, "{text}: two sentences");
        mark_quote_tokens(&mut toks, &quotes);
        let counts = Counts::new(text, &toks, cum, &quotes, &mut Scratch::default());
        let cx = RuleContext::for_test(text, &toks, &counts);
        super::trailing_attribution(&cx, &quotes[0], ranges[0], ranges[1])
    }

    #[test]
    fn the_future_frames_only_with_the_base_form_of_a_listed_verb() {
        // a verb an analyzer added is its own lemma in every form: after `will` its past
        // form is no base form
        let analyzer = crate::Analyzer::builder()
            .add_reporting_verb("harrumph", ["harrumphs", "harrumphed", "harrumphing"])
            .build()
            .unwrap();
        let text = "“The pier opens in May,” the harbour board will harrumphed.";
        let doc = analyzer.analyze(text);
        assert!(
            doc.attributions.iter().all(|a| a.rule != Rule::VerbFrame),
            "{:?}",
            doc.attributions
        );
    }

    #[test]
    fn a_free_cue_before_the_quotation_keeps_it_for_its_clause() {
        // `said` reports its clause, which holds the quotation: the frame after it does
        // not take the quotation on its own
        // "went on": the verb and its particle frame it
        let text = "“It will work, and it will be cheap,” she went on.";
        assert_eq!(
            of(text, "“It will work, and it will be cheap,”"),
            (Rule::VerbFrame, Some("she"))
        );
        let text = "Ana Ruiz said the plan was “too slow, far too slow,” Tom Reyes snapped.";
        let found = attributions(text);
        assert!(found.iter().all(|a| a.0 != Rule::VerbFrame), "{found:?}");
    }

    #[test]
    fn a_cue_after_by_or_to_takes_the_subject_of_the_verb_before() {
        let q = "“I do not think the pier must close.”";
        let text =
            "Once the vote ended he started by saying, “I do not think the pier must close.”";
        assert_eq!(of(text, q), (Rule::SpeakerCueQuote, Some("he")));
        let text = "On Monday, Tom Park replied to the board by saying, “I do not think the pier must close.”";
        assert_eq!(of(text, q), (Rule::SpeakerCueQuote, Some("Tom Park")));
        // an infinitive framing the quotation after a comma reports it
        let text = "Ana Ruiz was moved to say, “I do not think the pier must close.”";
        assert_eq!(of(text, q), (Rule::SpeakerCueQuote, Some("Ana Ruiz")));
        // a fragment woven in after the infinitive is no framed quotation
        let text = "They wrote rules that allow firms to tell “one story to the port.”";
        assert_eq!(
            attributions(text),
            [(
                Rule::SpeakerCueClause,
                Some("They"),
                "rules that allow firms to tell “one story to the port.”"
            )]
        );
    }
}
