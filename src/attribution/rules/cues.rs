//! Finding cues: reporting verbs in every inflection, cue phrases, and what follows a
//! cue (addressee, medium, time words, `that`).

use super::clauses::infinitive_only;
use super::context::{Cue, RuleContext, is_media, lemma_fact, lemma_facts};
use super::cue_sense::{Verdicts, decide};
use super::source;
use crate::attribution::mention::{caused_speaker, ends_with_ci, is, np_after};
use crate::attribution::token::first_cue_start;
use crate::lexicon::entities::{self, DOCUMENT_HEADS};
use crate::lexicon::lists::{
    AUXILIARY_AFTER_HEDGE, HEDGE_BEFORE_AUXILIARY, NEGATIONS, NOUN_DETERMINERS, OBJECT_PRONOUNS,
    PHRASE_BEFORE_THAT, TO_ADDRESSEE_VERBS, VERB_ONLY_FORMS as VERB_ONLY,
};
use crate::lexicon::{CUE_PHRASES, PhraseRole, class, word_info};
use crate::span::Span;
use once_cell::sync::Lazy;

/// The cue phrases by their first word: for each distinct first word, the phrases that
/// start with it (their words), in the list's order, the medium phrases apart from the
/// others. A token looks up its own phrases instead of trying every phrase of the list.
struct PhraseHead {
    word: &'static str,
    /// Source and verb phrases (what [`find_cues`] tries), with their role.
    cues: Vec<(PhraseRole, &'static [&'static str])>,
    /// Medium phrases (what [`medium_at`] tries).
    media: Vec<&'static [&'static str]>,
}

static PHRASE_HEADS: Lazy<Vec<PhraseHead>> = Lazy::new(|| {
    let mut heads: Vec<PhraseHead> = Vec::new();
    for (role, words) in CUE_PHRASES.iter() {
        let Some(first) = words.first() else {
            continue;
        };
        let at = match heads
            .iter()
            .position(|h| h.word.eq_ignore_ascii_case(first))
        {
            Some(at) => at,
            None => {
                heads.push(PhraseHead {
                    word: first,
                    cues: Vec::new(),
                    media: Vec::new(),
                });
                heads.len() - 1
            }
        };
        if *role == PhraseRole::Medium {
            heads[at].media.push(words);
        } else {
            heads[at].cues.push((*role, words));
        }
    }
    heads
});

/// The phrases whose first word is `word` (any case).
fn phrase_head(word: &str) -> Option<&'static PhraseHead> {
    PHRASE_HEADS
        .iter()
        .find(|h| h.word.len() == word.len() && h.word.eq_ignore_ascii_case(word))
}

/// Reporting verbs that are also common nouns in their base or -s form; accepted only
/// with a subject right before them.
pub(super) fn ambiguous_form(w: &str) -> bool {
    !(ends_with_ci(w, "ed")
        || ends_with_ci(w, "ing")
        || VERB_ONLY.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// A headline: most words outside quotations are capitalised.
pub(super) fn is_headline(cx: &RuleContext<'_>, s: usize, e: usize) -> bool {
    // one pass, counting without branches, eight tokens at a step; it stops as soon as
    // the words left could not make three in four capitalised (with every one of them
    // capitalised, `caps * 4 >= words * 3` needs `caps * 4 + left >= words * 3`): an
    // ordinary sentence is told after a few of its words
    let (mut words, mut caps) = (0usize, 0usize);
    let mut left = e - s;
    for eight in cx.toks[s..e].chunks(8) {
        for t in eight {
            let counted = t.word() && !t.in_quote();
            words += usize::from(counted);
            caps += usize::from(counted && t.cap());
        }
        left -= eight.len();
        if caps * 4 + left < words * 3 {
            return false;
        }
    }
    words >= 4 && caps * 4 >= words * 3
}

/// Find the cues of sentence tokens [s, e).
pub(super) fn find_cues(cx: &RuleContext<'_>, s: usize, e: usize, out: &mut Vec<Cue>) {
    let toks = cx.toks;
    // asked only of a sentence with a reporting-verb form in it
    let mut headline = None;
    let mut i = s;
    while i < e {
        // only a phrase head, a form of `put` or a reporting-verb form outside
        // quotations starts a cue: one test of each token's bits passes over the others
        let Some(next) = first_cue_start(&toks[i..e]) else {
            break;
        };
        i += next;
        let t = &toks[i];
        // phrases with a source role ("according to")
        let mut matched = false;
        let phrases: &[(PhraseRole, &[&str])] = if t.has(class::PHRASE_HEAD) {
            phrase_head(t.text(cx.text)).map_or(&[], |h| &h.cues)
        } else {
            &[]
        };
        for &(role, words) in phrases {
            if i + words.len() > e {
                continue;
            }
            // the first word is the head's
            if words.iter().enumerate().skip(1).all(|(k, w)| {
                let tk = &toks[i + k];
                tk.word() && !tk.in_quote() && tk.text(cx.text).eq_ignore_ascii_case(w)
            }) {
                if role == PhraseRole::Verb {
                    // "made it clear that …", "shot back": a reporting verb of several
                    // words, its subject the speaker
                    out.push(Cue {
                        start: i,
                        end: i + words.len(),
                        tells: false,
                        complements: false,
                        according: false,
                        used: false,
                        score: 1.0,
                        facts: lemma_facts(t.lemma(cx.text)),
                    });
                    i += words.len();
                    matched = true;
                    break;
                }
                out.push(Cue {
                    start: i,
                    end: i + words.len(),
                    tells: false,
                    complements: false,
                    according: true,
                    used: false,
                    score: 1.0,
                    facts: lemma_facts(t.lemma(cx.text)),
                });
                // the source after it ("according to a police report") holds no cue
                i += words.len();
                while i < e && toks[i].word() && i - out[out.len() - 1].end < 6 {
                    i += 1;
                }
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        // "as Ana Ruiz put it, …": "put it" reports words
        if i + 1 < e && t.has(class::PUT_FORM) && is(cx.text, &toks[i + 1], &["it"]) {
            out.push(Cue {
                start: i,
                end: i + 2,
                tells: false,
                complements: false,
                according: false,
                used: false,
                score: 1.0,
                facts: lemma_facts(t.lemma(cx.text)),
            });
            i += 2;
            continue;
        }
        if let Some(lemma) = t.lemma(cx.text) {
            let w = t.text(cx.text);
            let headline = *headline.get_or_insert_with(|| is_headline(cx, s, e));
            let blocked = i > s && {
                let p = &toks[i - 1];
                // "a swiftly called meeting", "the widely reported remark": an adjective
                let adverb_after_det = i > s + 1
                    && p.word()
                    && ends_with_ci(cx.text_of(i - 1), "ly")
                    && toks[i - 2].has(class::DET);
                adverb_after_det
                // "an estimated $10 trillion", "his stated aim": an adjective
                    || is(cx.text, p, NOUN_DETERMINERS)
            };
            // "did not say", "never publicly said": a negation before the verb; a
            // reporting act often enough ("would not say whether …") for the weights to
            // decide. Modality, an infinitive or a refusal ("may say", "to say",
            // "expected to have said") blocks it.
            let (hedged, infinitive) = if i > s {
                let p = &toks[i - 1];
                let two_words = i > s + 1
                    && is(cx.text, &toks[i - 2], HEDGE_BEFORE_AUXILIARY)
                    && p.word()
                    && !p.cap()
                    && is(cx.text, p, AUXILIARY_AFTER_HEDGE);
                let hedge = if two_words { &toks[i - 2] } else { p };
                let before = p.has(class::BLOCKER) || two_words;
                let hedged = before && is(cx.text, hedge, NEGATIONS);
                // "was moved to say, “…”", "rose to announce: “…”": an infinitive with
                // the quotation right after it reports those words (the weights decide)
                // (after a comma or colon: "allow firms to tell “…”" weaves a fragment)
                let quotation_next =
                    i + 2 < e && matches!(cx.text_of(i + 1), "," | ":") && toks[i + 2].in_quote();
                let framed_infinitive = quotation_next && is(cx.text, p, &["to"]);
                // "prompted the mayor to declare that …": the object of a cause speaks
                // (the weights decide)
                let caused = before
                    && !hedged
                    && !framed_infinitive
                    && caused_speaker(cx.text, toks, i, s).is_some();
                (hedged, before && !hedged && !framed_infinitive && !caused)
            } else {
                (false, false)
            };
            let blocked = blocked || infinitive || opening_document_participle(cx, i, s, e);
            // "states that …", "points out …": a verb, whatever else the form may be
            let verb_next = i + 1 < e && is(cx.text, &toks[i + 1], &["that", "out"]);
            let noun_like = {
                let (amb, often_noun) = (ambiguous_form(w), t.has(class::OFTEN_NOUN));
                amb && (i == s || {
                    let p = &toks[i - 1];
                    // the subject, past "also", "has", "later" ("It also points out")
                    let q = (s..i)
                        .rev()
                        .find(|&k| !toks[k].has(class::BETWEEN))
                        .map_or(p, |k| &toks[k]);
                    let pt = p.text(cx.text);
                    let noun_context = !p.word()
                        || i >= s + 2
                            && toks[i - 2].has(class::DET)
                            && !p.cap()
                            && !p.has(class::PRONOUN)
                        || p.has(class::NOUN_BEFORE)
                        // "kept answering calls", "the closing remarks": the object or head
                        // of an -ing word (not "something tells me")
                        || p.word()
                            && !p.cap()
                            && !p.in_quote()
                            && pt.len() > 5
                            && ends_with_ci(pt, "ing")
                            && !ends_with_ci(pt, "thing")
                            && !p.has(class::FUNCTION | class::PRONOUN)
                        || pt.ends_with("'s")
                        || pt.ends_with("’s");
                    // forms that are mostly nouns need a plain subject right before them
                    let strong_subject = q.word()
                        && (q.has(class::PRONOUN)
                            || q.cap()
                            || q.has(class::ROLE)
                            || q.has(class::ORG)
                            || is(cx.text, q, &["which", "who"]));
                    noun_context || (often_noun && !strong_subject && !verb_next)
                })
            };
            // "showed up", "points out" is fine, "called off" is not speech
            let particle = i + 1 < e && is(cx.text, &toks[i + 1], &["up", "off"]);
            // a capitalised verb mid-sentence is a name (Will, Said), except in a headline
            let capital_mid =
                t.cap() && i > s && !matches!(cx.text_of(i - 1), "“" | "\"" | "(") && !headline;
            // "agreed to reopen", "discussed the island": these verbs report only a clause
            // or a quotation
            // what the word lists say of the lemma (one lookup for all the lists)
            let facts = lemma_facts(Some(lemma));
            let infinitive_verb = facts & lemma_fact::INFINITIVE != 0;
            let no_clause = t.has(class::CLAUSE_VERB)
                && !(i + 1..e.min(i + 6)).any(|k| {
                    toks[k].in_quote() || cx.punct(k, ":") || is(cx.text, &toks[k], &["that"])
                })
                // "declined to comment", not "declined slightly": these verbs report only
                // the to-infinitive right after them
                || infinitive_verb && !(i + 1 < e && is(cx.text, &toks[i + 1], &["to"]));
            // "analysts expect to see": modality, not speech; the passive "is expected to
            // announce" attributes an expectation to no one in particular
            let expect_modal = lemma == "expect"
                && i + 1 < e
                && is(cx.text, &toks[i + 1], &["to"])
                && !source::is_passive(cx, i, s);
            // "is planned to start", "was decided to close": a passive intention,
            // decision or refusal (`infinitive_verbs.txt`) names no one who intends,
            // decides or refuses
            let passive_intent = infinitive_verb && source::is_passive(cx, i, s);
            // (one verdict for the model, whose features name it `modal`)
            let modal = expect_modal || passive_intent;
            // "states that", "points out": a verb whatever else its form may be, and a
            // cue whatever the weights say
            let sure = verb_next && !blocked && !hedged && !capital_mid && !modal;
            let verdicts = Verdicts {
                blocked,
                hedged,
                noun_like,
                capital_mid,
                particle,
                no_clause,
                modal,
            };
            let (accept, score) = decide(cx, i, s, e, lemma, headline, verdicts);
            if accept || sure && verdicts.ok() {
                // what the verb takes after it (one lookup of its lemma)
                let verb_class = word_info(lemma).class;
                out.push(Cue {
                    start: i,
                    end: i + 1,
                    tells: verb_class & class::ADDRESSEE_VERB != 0,
                    complements: verb_class & class::COMPLEMENT_VERB != 0,
                    according: false,
                    used: false,
                    score,
                    facts,
                });
            }
        }
        i += 1;
    }
}

/// A medium phrase ("in a statement", "on Twitter") starting at token `i`; returns its end.
pub(super) fn medium_at(cx: &RuleContext<'_>, i: usize, e: usize) -> Option<usize> {
    if !cx.toks[i].has(class::PHRASE_HEAD) {
        return None;
    }
    let head = phrase_head(cx.text_of(i))?;
    for words in &head.media {
        if i + words.len() > e {
            continue;
        }
        // the first word is the head's
        if words.iter().enumerate().skip(1).all(|(k, w)| {
            let tk = &cx.toks[i + k];
            tk.word() && tk.text(cx.text).eq_ignore_ascii_case(w)
        }) {
            return Some(i + words.len());
        }
    }
    None
}

/// After the cue: addressee of `tell`-like verbs, medium phrases, time words and `that`.
/// Returns (first content token, addressee, medium).
pub(super) fn after_cue(
    cx: &RuleContext<'_>,
    cue: &Cue,
    e: usize,
) -> (usize, Option<Span>, Option<Span>) {
    let mut i = cue.end;
    let mut addressee = None;
    let mut medium = None;
    // "declined to say whether …": the content is the infinitive, whatever follows it
    if infinitive_only(cue) {
        return (i, addressee, medium);
    }
    // the particle of a phrasal verb: "points out that", "spoke out against"
    if i < e && !cue.according && is(cx.text, &cx.toks[i], &["out"]) {
        i += 1;
    }
    if cue.complements && !cue.according {
        // the object, then "to"/"as" or the quotation itself
        if let Some((_, b)) = np_after(cx.text, cx.toks, i, e) {
            if b < e && is(cx.text, &cx.toks[b], &["to", "as"]) {
                i = b + 1;
            } else if b < e && cx.toks[b].in_quote() {
                i = b;
            }
        }
    }
    if cue.tells && !cue.according {
        if let Some((a, b)) = np_after(cx.text, cx.toks, i, e) {
            let sp = cx.span(a, b);
            if is_media(cx, a, b) {
                medium = Some(sp);
            } else {
                addressee = Some(sp);
            }
            i = b;
        }
    }
    // "said to the envoy", "wrote to the board": the one spoken to after `to` (not "said
    // to be", "told to leave": a verb after `to` starts no noun phrase)
    let to_lemma = (!cue.tells
        && !cue.complements
        && !cue.according
        && i + 1 < e
        && is(cx.text, &cx.toks[i], &["to"])
        && cue.end == cue.start + 1)
        .then(|| cx.toks[cue.start].lemma(cx.text))
        .flatten()
        .filter(|lemma| TO_ADDRESSEE_VERBS.contains(lemma));
    if let Some(lemma) = to_lemma {
        if let Some((a, b)) = np_after(cx.text, cx.toks, i + 1, e) {
            let sp = cx.span(a, b);
            if is_media(cx, a, b) {
                medium = Some(sp);
            } else if !matches!(lemma, "speak" | "talk") || person_like(cx, a, b) {
                // ("spoke to the concerns of riders": what one speaks or talks to is
                // a topic unless it names someone)
                addressee = Some(sp);
            }
            i = b;
        }
    }
    for _ in 0..4 {
        if i >= e {
            break;
        }
        if let Some(m) = medium_at(cx, i, e) {
            // "in an interview with CNN": extend over "with X"
            let mut end = m;
            if end < e && is(cx.text, &cx.toks[end], &["with", "on", "to"]) {
                if let Some((_, b)) = np_after(cx.text, cx.toks, end + 1, e) {
                    end = b;
                }
            }
            medium = Some(cx.span(i, end));
            i = end;
            continue;
        }
        if cx.toks[i].has(class::TIME) || cx.punct(i, ",") {
            i += 1;
            continue;
        }
        // "said in 2014 that …", "told the committee on Monday that …": a short phrase
        // before "that" belongs to the cue
        let prep = is(cx.text, &cx.toks[i], PHRASE_BEFORE_THAT);
        if let Some(k) =
            (i + 1..e.min(i + 10)).find(|&k| prep && is(cx.text, &cx.toks[k], &["that"]))
        {
            if (i..k).all(|j| cx.toks[j].word() && !cx.toks[j].in_quote()) {
                i = k;
            }
        }
        break;
    }
    if i < e && cx.punct(i, ":") {
        i += 1;
    }
    (i, addressee, medium)
}

/// Does the noun phrase `toks[a..b]` name someone (a name, a pronoun, a role noun, a
/// body or a group: "spoke to reporters", "talked to him"), not a topic ("spoke to the
/// concerns of riders")?
fn person_like(cx: &RuleContext<'_>, a: usize, b: usize) -> bool {
    let who = class::PRONOUN | class::ROLE | class::ORG | class::ANONYMOUS | class::MEDIA;
    (a..b).any(|k| {
        let tok = &cx.toks[k];
        // the token's own class bits first; only a plural is looked up again, as its
        // singular (the word lists hold `official`, not `officials`)
        tok.cap()
            || tok.has(who)
            || is(cx.text, tok, OBJECT_PRONOUNS)
            || tok
                .text(cx.text)
                .strip_suffix('s')
                .is_some_and(|singular| word_info(&singular.to_ascii_lowercase()).class & who != 0)
    })
}

/// `In a statement announcing the vote, the board said …`: a participle right after a
/// document noun (`document_heads.txt`) in a phrase opening the sentence with `in` says
/// what the document did; the sentence's own cue after the comma reports the words, and
/// the participle's content would run over that comma into them. The document phrase is
/// at most four words (`In her brief statement`); `i` is the participle, `s` the sentence's
/// first token, `e` its end.
fn opening_document_participle(cx: &RuleContext<'_>, i: usize, s: usize, e: usize) -> bool {
    let toks = cx.toks;
    if i < s + 2 || i > s + 5 || !is(cx.text, &toks[s], &["in"]) {
        return false;
    }
    let w = cx.text_of(i);
    (ends_with_ci(w, "ing") || ends_with_ci(w, "ed"))
        && (s + 1..i).all(|k| toks[k].word() && !toks[k].in_quote())
        && entities::contains_folded(&DOCUMENT_HEADS, cx.text_of(i - 1))
        && (i + 1..e.min(i + 16)).any(|k| cx.punct(k, ","))
}

#[cfg(test)]
mod tests {
    /// The headline test that stops early answers as the full count does, for every run
    /// of tokens of texts of capitalised, lowercase and quoted words.
    #[test]
    fn a_headline_is_told_early_as_by_the_full_count() {
        use super::super::context::{Counts, RuleContext, Scratch, mark_quote_tokens};
        use super::is_headline;
        use crate::QuoteDetector;
        use crate::attribution::token::tokenize;
        use crate::lexicon::Overlay;
        use crate::paragraphs;
        for text in [
            "Port Board Votes To Reopen The Old Ferry Dock On Monday Morning",
            "The port board voted on Monday to reopen the old ferry dock, its chair said.",
            "Mayor Says “we will see” About New Dock Plan As Riders Wait In Line Again",
            "Ana Ruiz And Tom Reyes met the board, and then the Harbor Wire Said Nothing At All",
        ] {
            let spans: Vec<_> = paragraphs(text).map(|p| p.span).collect();
            let quotes = QuoteDetector::new().detect(text, &spans);
            let (mut toks, mut cum) = (Vec::new(), vec![0]);
            tokenize(
                text,
                0,
                text.len(),
                &Overlay::default(),
                &mut toks,
                &mut cum,
            );
            mark_quote_tokens(&mut toks, &quotes);
            let counts = Counts::new(text, &toks, cum, &quotes, &mut Scratch::default());
            let cx = RuleContext::for_test(text, &toks, &counts);
            for s in 0..toks.len() {
                for e in s..=toks.len() {
                    let counted = toks[s..e].iter().filter(|t| t.word() && !t.in_quote());
                    let words = counted.clone().count();
                    let caps = counted.filter(|t| t.cap()).count();
                    let full = words >= 4 && caps * 4 >= words * 3;
                    assert_eq!(is_headline(&cx, s, e), full, "{text} [{s}, {e})");
                }
            }
        }
    }
}
