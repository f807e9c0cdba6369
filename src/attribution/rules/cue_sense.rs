//! Cue sense: is this occurrence of a reporting verb a reporting act here? `She called
//! 911` and `the support` are not; `she said` is. The rules of `cues.rs` give their
//! verdicts (blocked, noun-like, a name, a phrasal verb, an action verb, modal `expect`)
//! and the learned weights weigh them with the word's context: its lemma and form, the
//! classes of the words around it, a subject before it, quotation marks, a passive.
//!
//! Every feature is a word class, a lemma of the cue lexicon, a closed-class word or a
//! punctuation mark: never a name or a phrase of an article.

use super::context::RuleContext;
use super::model::{FeatureValue, Proposal, Scorer, Template, record};
use crate::attribution::mention::{ends_with_ci, is};
use crate::lexicon::class;
use crate::lexicon::lists::{AUXILIARIES, NEGATIONS};

// The feature templates.
const CUE_CLAUSE_AFTER: Template = Template::new("cue:clause-after=");
const CUE_FORM_RULES: Template = Template::new("cue:form-rules=");
const CUE_HEADLINE: Template = Template::new("cue:headline=");
const CUE_LEMMA: Template = Template::new("cue:lemma=");
const CUE_LEMMA_FORM: Template = Template::new("cue:lemma-form=");
const CUE_LEMMA_NEXT: Template = Template::new("cue:lemma-next=");
const CUE_LEMMA_PREV: Template = Template::new("cue:lemma-prev=");
const CUE_LEMMA_RULES: Template = Template::new("cue:lemma-rules=");
const CUE_NEXT: Template = Template::new("cue:next=");
const CUE_POSITION: Template = Template::new("cue:position=");
const CUE_PREV: Template = Template::new("cue:prev=");
const CUE_QUOTE: Template = Template::new("cue:quote=");
const CUE_RULE: Template = Template::new("cue:rule=");
const CUE_RULES: Template = Template::new("cue:rules=");
const CUE_SUBJECT: Template = Template::new("cue:subject=");

/// The rules' verdicts on one occurrence (each `true` is a reason not to take it).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Verdicts {
    pub blocked: bool,
    /// Negation, modality or an infinitive right before the verb (`did not say`): the
    /// weights decide, as for the noun-like forms.
    pub hedged: bool,
    pub noun_like: bool,
    pub capital_mid: bool,
    pub particle: bool,
    pub no_clause: bool,
    pub modal: bool,
}

impl Verdicts {
    /// The rules alone take the occurrence.
    pub fn ok(self) -> bool {
        !(self.blocked
            || self.hedged
            || self.noun_like
            || self.capital_mid
            || self.particle
            || self.no_clause
            || self.modal)
    }
}

/// A closed-class word that is a feature by itself (general English, no content), in
/// any case: one `match` on the folded bytes.
fn function_feature(w: &str) -> Option<&'static str> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut buf = [0u8; 7];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..b.len()] {
        b"that" => "that",
        b"to" => "to",
        b"the" => "the",
        b"a" => "a",
        b"an" => "an",
        b"not" => "not",
        b"was" => "was",
        b"were" => "were",
        b"is" => "is",
        b"are" => "are",
        b"be" => "be",
        b"been" => "been",
        b"being" => "being",
        b"has" => "has",
        b"have" => "have",
        b"had" => "had",
        b"will" => "will",
        b"would" => "would",
        b"also" => "also",
        b"who" => "who",
        b"which" => "which",
        b"it" => "it",
        b"by" => "by",
        b"as" => "as",
        b"on" => "on",
        b"in" => "in",
        b"for" => "for",
        b"with" => "with",
        b"of" => "of",
        b"out" => "out",
        b"up" => "up",
        b"off" => "off",
        b"about" => "about",
        b"and" => "and",
        b"but" => "but",
        b"he" => "he",
        b"she" => "she",
        b"they" => "they",
        b"i" => "i",
        b"we" => "we",
        b"you" => "you",
        b"this" => "this",
        b"his" => "his",
        b"her" => "her",
        b"their" => "their",
        b"its" => "its",
        b"when" => "when",
        b"what" => "what",
        b"how" => "how",
        b"why" => "why",
        b"whether" => "whether",
        b"if" => "if",
        b"than" => "than",
        b"so" => "so",
        b"there" => "there",
        b"at" => "at",
        b"from" => "from",
        b"did" => "did",
        b"does" => "does",
        b"do" => "do",
        b"can" => "can",
        b"could" => "could",
        b"may" => "may",
        b"should" => "should",
        b"must" => "must",
        b"never" => "never",
        _ => return None,
    })
}

/// The class of token `k` for the features: a punctuation mark's name, a closed-class
/// word itself, or the word's class (`pronoun`, `det`, `role`, `cap`, `reporting`, …).
pub(super) fn token_class(cx: &RuleContext<'_>, k: usize) -> &'static str {
    let t = &cx.toks[k];
    let w = cx.text_of(k);
    if !t.word() {
        // an ASCII mark by its byte, one `match`; the others by their text
        if let &[mark] = w.as_bytes() {
            return match mark {
                b',' => "comma",
                b':' => "colon",
                b'.' => "period",
                b';' => "semicolon",
                b'?' | b'!' => "excl",
                b'"' | b'\'' => "quote",
                b'(' | b')' | b'[' | b']' => "paren",
                b'-' => "dash",
                _ => "punct",
            };
        }
        return match w {
            "“" | "”" | "‘" | "’" | "«" | "»" | "„" => "quote",
            "—" | "–" => "dash",
            _ => "punct",
        };
    }
    if let Some(f) = function_feature(w) {
        return f;
    }
    if t.in_quote() {
        return "quoted";
    }
    if t.has(class::PRONOUN) {
        "pronoun"
    } else if t.has(class::DET) {
        "det"
    } else if t.reporting() {
        "reporting"
    } else if t.has(class::TITLE) {
        "title"
    } else if t.has(class::ROLE) {
        "role"
    } else if t.has(class::ORG) {
        "org"
    } else if t.has(class::ANONYMOUS) {
        "anonymous"
    } else if t.has(class::TIME) {
        "time"
    } else if t.has(class::BLOCKER) {
        "blocker"
    } else if t.has(class::BETWEEN) {
        "between"
    } else if w.as_bytes()[0].is_ascii_digit() {
        "number"
    } else if t.cap() {
        "cap"
    } else if ends_with_ci(w, "ly") {
        "ly"
    } else if ends_with_ci(w, "ing") {
        "ing"
    } else if ends_with_ci(w, "ed") {
        "ed"
    } else if ends_with_ci(w, "s") {
        "s"
    } else {
        "lower"
    }
}

/// The inflection of a cue word: `base`, `s`, `past` (-ed), `ing`, or `irregular`.
fn form(word: &str, lemma: &str) -> &'static str {
    if word.eq_ignore_ascii_case(lemma) {
        "base"
    } else if ends_with_ci(word, "ing") {
        "ing"
    } else if ends_with_ci(word, "ed") {
        "past"
    } else if ends_with_ci(word, "s") {
        "s"
    } else {
        "irregular"
    }
}

/// Scores the occurrence of `lemma` at token `i` of sentence tokens [s, e): the rules'
/// verdicts and the context, weighed. Returns whether it is a cue, and its log-odds.
#[allow(clippy::too_many_arguments)]
pub(super) fn decide(
    cx: &RuleContext<'_>,
    i: usize,
    s: usize,
    e: usize,
    lemma: &str,
    headline: bool,
    verdicts: Verdicts,
) -> (bool, f32) {
    let learned = cx.weights.covers("cue");
    // adjectives (`his stated aim`), modal `expect` (`analysts expect to`), phrasal and
    // action verbs (`called off`, `agreed to reopen`) and names (`Will`) are the rules'
    // to refuse: the weights decide the rest, noun-like and negated forms (`would not
    // say whether …`) included
    let vetoed = verdicts.blocked
        || verdicts.modal
        || verdicts.particle
        || verdicts.no_clause
        || verdicts.capital_mid;
    if (!learned || vetoed) && !cx.record {
        return (verdicts.ok(), if verdicts.ok() { 1.0 } else { -1.0 });
    }
    let toks = cx.toks;
    let mut f = Scorer::new(&cx.weights, "cue:bias", cx.record);
    // the values that go in several features, each hashed once
    let ok = FeatureValue::new(if verdicts.ok() { "ok" } else { "no" });
    f.add(CUE_RULES, ok);
    for (on, name) in [
        (verdicts.blocked, "blocked"),
        (verdicts.hedged, "hedged"),
        (verdicts.noun_like, "noun-like"),
        (verdicts.capital_mid, "capital-mid"),
        (verdicts.particle, "particle"),
        (verdicts.no_clause, "no-clause"),
        (verdicts.modal, "modal"),
    ] {
        if on {
            f.add(CUE_RULE, name);
        }
    }
    let word_form = FeatureValue::new(form(cx.text_of(i), lemma));
    let lemma = FeatureValue::new(lemma);
    f.add(CUE_LEMMA, lemma);
    f.add2(CUE_LEMMA_RULES, lemma, ok);
    f.add2(CUE_LEMMA_FORM, lemma, word_form);
    f.add2(CUE_FORM_RULES, word_form, ok);
    let class_at = |k: usize| {
        if k >= s && k < e {
            token_class(cx, k)
        } else {
            "edge"
        }
    };
    let prev = FeatureValue::new(if i > s { class_at(i - 1) } else { "edge" });
    let next = FeatureValue::new(class_at(i + 1));
    f.add(CUE_PREV, prev);
    f.add(CUE_NEXT, next);
    f.add2(CUE_LEMMA_NEXT, lemma, next);
    f.add2(CUE_LEMMA_PREV, lemma, prev);
    // the subject: the nearest word before that is not an adverb, an auxiliary or a
    // negation ("the campaign would not say")
    let subject = (s..i)
        .rev()
        .find(|&k| {
            !toks[k].has(class::BETWEEN)
                && !(verdicts.hedged
                    && (is(cx.text, &toks[k], NEGATIONS) || is(cx.text, &toks[k], AUXILIARIES)))
        })
        .map_or("edge", class_at);
    f.add(CUE_SUBJECT, subject);
    if headline {
        f.add(CUE_HEADLINE, "yes");
    }
    // quotation marks in the sentence, before and after the word
    let quoted_before = (s..i).rev().take(12).any(|k| toks[k].in_quote());
    let quoted_after = (i + 1..e).take(12).any(|k| toks[k].in_quote());
    f.add2(
        CUE_QUOTE,
        if quoted_before { "before" } else { "-" },
        if quoted_after { "after" } else { "-" },
    );
    // "that" or a colon soon after: a clause or a quotation follows
    let clause_after = (i + 1..e)
        .take(6)
        .any(|k| cx.punct(k, ":") || is(cx.text, &toks[k], &["that"]));
    if clause_after {
        f.add2(CUE_CLAUSE_AFTER, lemma, "yes");
        f.add(CUE_CLAUSE_AFTER, "yes");
    }
    let position = match i - s {
        0 => "first",
        1..=3 => "early",
        _ if e - i <= 3 => "last",
        _ => "middle",
    };
    f.add2(CUE_POSITION, position, ok);
    let (accept, score) = if learned {
        (f.score > 0.0 && !vetoed, f.score)
    } else {
        (verdicts.ok(), if verdicts.ok() { 1.0 } else { -1.0 })
    };
    if cx.record {
        record(Proposal {
            decision: "cue",
            span: cx.span(i, i + 1),
            cue: None,
            features: f.take_names(),
            weights: f.take_weights(),
            score,
        });
    }
    (accept, score)
}
