//! Cue sense: is this occurrence of a reporting verb a reporting act here? `She called
//! 911` and `the support` are not; `she said` is. The rules of `cues.rs` give their
//! verdicts (blocked, noun-like, a name, a phrasal verb, an action verb, modal `expect`)
//! and the learned weights weigh them with the word's context: its lemma and form, the
//! classes of the words around it, a subject before it, quotation marks, a passive.
//!
//! Every feature is a word class, a lemma of the cue lexicon, a closed-class word or a
//! punctuation mark: never a name or a phrase of an article.

use super::context::RuleContext;
use super::model::{EDGE, FeatureValue, Proposal, Scorer, Template, record};
use crate::attribution::mention::{ends_with_ci, is};
use crate::attribution::token::Tok;
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

/// The value of a feature that is on.
const YES: FeatureValue<'static> = FeatureValue::constant("yes");

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

/// The feature value of each verdict, by its bit in [`Verdicts::bits`] (each hashed at
/// compile time).
const VERDICT_NAMES: [FeatureValue<'static>; 7] = [
    FeatureValue::constant("blocked"),
    FeatureValue::constant("hedged"),
    FeatureValue::constant("noun-like"),
    FeatureValue::constant("capital-mid"),
    FeatureValue::constant("particle"),
    FeatureValue::constant("no-clause"),
    FeatureValue::constant("modal"),
];

impl Verdicts {
    /// The rules alone take the occurrence.
    pub fn ok(self) -> bool {
        self.bits() == 0
    }

    /// The verdicts that hold, a bit each in the order of [`VERDICT_NAMES`].
    fn bits(self) -> u8 {
        u8::from(self.blocked)
            | u8::from(self.hedged) << 1
            | u8::from(self.noun_like) << 2
            | u8::from(self.capital_mid) << 3
            | u8::from(self.particle) << 4
            | u8::from(self.no_clause) << 5
            | u8::from(self.modal) << 6
    }
}

/// Is the token a colon, or the word `that` in any case? (Its bytes compared directly:
/// the scan after a cue asks it of up to six tokens.)
#[inline]
fn colon_or_that(text: &str, t: &Tok) -> bool {
    let bytes = &text.as_bytes()[t.start()..t.end()];
    if t.word() {
        bytes.eq_ignore_ascii_case(b"that")
    } else {
        bytes == b":"
    }
}

/// A closed-class word that is a feature by itself (general English, no content), in
/// any case: one `match` on the folded bytes.
fn function_feature(w: &str) -> Option<FeatureValue<'static>> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut buf = [0u8; 7];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..b.len()] {
        b"that" => const { FeatureValue::constant("that") },
        b"to" => const { FeatureValue::constant("to") },
        b"the" => const { FeatureValue::constant("the") },
        b"a" => const { FeatureValue::constant("a") },
        b"an" => const { FeatureValue::constant("an") },
        b"not" => const { FeatureValue::constant("not") },
        b"was" => const { FeatureValue::constant("was") },
        b"were" => const { FeatureValue::constant("were") },
        b"is" => const { FeatureValue::constant("is") },
        b"are" => const { FeatureValue::constant("are") },
        b"be" => const { FeatureValue::constant("be") },
        b"been" => const { FeatureValue::constant("been") },
        b"being" => const { FeatureValue::constant("being") },
        b"has" => const { FeatureValue::constant("has") },
        b"have" => const { FeatureValue::constant("have") },
        b"had" => const { FeatureValue::constant("had") },
        b"will" => const { FeatureValue::constant("will") },
        b"would" => const { FeatureValue::constant("would") },
        b"also" => const { FeatureValue::constant("also") },
        b"who" => const { FeatureValue::constant("who") },
        b"which" => const { FeatureValue::constant("which") },
        b"it" => const { FeatureValue::constant("it") },
        b"by" => const { FeatureValue::constant("by") },
        b"as" => const { FeatureValue::constant("as") },
        b"on" => const { FeatureValue::constant("on") },
        b"in" => const { FeatureValue::constant("in") },
        b"for" => const { FeatureValue::constant("for") },
        b"with" => const { FeatureValue::constant("with") },
        b"of" => const { FeatureValue::constant("of") },
        b"out" => const { FeatureValue::constant("out") },
        b"up" => const { FeatureValue::constant("up") },
        b"off" => const { FeatureValue::constant("off") },
        b"about" => const { FeatureValue::constant("about") },
        b"and" => const { FeatureValue::constant("and") },
        b"but" => const { FeatureValue::constant("but") },
        b"he" => const { FeatureValue::constant("he") },
        b"she" => const { FeatureValue::constant("she") },
        b"they" => const { FeatureValue::constant("they") },
        b"i" => const { FeatureValue::constant("i") },
        b"we" => const { FeatureValue::constant("we") },
        b"you" => const { FeatureValue::constant("you") },
        b"this" => const { FeatureValue::constant("this") },
        b"his" => const { FeatureValue::constant("his") },
        b"her" => const { FeatureValue::constant("her") },
        b"their" => const { FeatureValue::constant("their") },
        b"its" => const { FeatureValue::constant("its") },
        b"when" => const { FeatureValue::constant("when") },
        b"what" => const { FeatureValue::constant("what") },
        b"how" => const { FeatureValue::constant("how") },
        b"why" => const { FeatureValue::constant("why") },
        b"whether" => const { FeatureValue::constant("whether") },
        b"if" => const { FeatureValue::constant("if") },
        b"than" => const { FeatureValue::constant("than") },
        b"so" => const { FeatureValue::constant("so") },
        b"there" => const { FeatureValue::constant("there") },
        b"at" => const { FeatureValue::constant("at") },
        b"from" => const { FeatureValue::constant("from") },
        b"did" => const { FeatureValue::constant("did") },
        b"does" => const { FeatureValue::constant("does") },
        b"do" => const { FeatureValue::constant("do") },
        b"can" => const { FeatureValue::constant("can") },
        b"could" => const { FeatureValue::constant("could") },
        b"may" => const { FeatureValue::constant("may") },
        b"should" => const { FeatureValue::constant("should") },
        b"must" => const { FeatureValue::constant("must") },
        b"never" => const { FeatureValue::constant("never") },
        _ => return None,
    })
}

/// The class of token `k` for the features: a punctuation mark's name, a closed-class
/// word itself, or the word's class (`pronoun`, `det`, `role`, `cap`, `reporting`, …).
pub(super) fn token_class(cx: &RuleContext<'_>, k: usize) -> FeatureValue<'static> {
    let t = &cx.toks[k];
    let w = cx.text_of(k);
    if !t.word() {
        // an ASCII mark by its byte, one `match`; the others by their text
        if let &[mark] = w.as_bytes() {
            return match mark {
                b',' => const { FeatureValue::constant("comma") },
                b':' => const { FeatureValue::constant("colon") },
                b'.' => const { FeatureValue::constant("period") },
                b';' => const { FeatureValue::constant("semicolon") },
                b'?' | b'!' => const { FeatureValue::constant("excl") },
                b'"' | b'\'' => const { FeatureValue::constant("quote") },
                b'(' | b')' | b'[' | b']' => const { FeatureValue::constant("paren") },
                b'-' => const { FeatureValue::constant("dash") },
                _ => const { FeatureValue::constant("punct") },
            };
        }
        return match w {
            "“" | "”" | "‘" | "’" | "«" | "»" | "„" => {
                const { FeatureValue::constant("quote") }
            }
            "—" | "–" => const { FeatureValue::constant("dash") },
            _ => const { FeatureValue::constant("punct") },
        };
    }
    if let Some(f) = function_feature(w) {
        return f;
    }
    if t.in_quote() {
        return const { FeatureValue::constant("quoted") };
    }
    if t.has(class::PRONOUN) {
        const { FeatureValue::constant("pronoun") }
    } else if t.has(class::DET) {
        const { FeatureValue::constant("det") }
    } else if t.reporting() {
        const { FeatureValue::constant("reporting") }
    } else if t.has(class::TITLE) {
        const { FeatureValue::constant("title") }
    } else if t.has(class::ROLE) {
        const { FeatureValue::constant("role") }
    } else if t.has(class::ORG) {
        const { FeatureValue::constant("org") }
    } else if t.has(class::ANONYMOUS) {
        const { FeatureValue::constant("anonymous") }
    } else if t.has(class::TIME) {
        const { FeatureValue::constant("time") }
    } else if t.has(class::BLOCKER) {
        const { FeatureValue::constant("blocker") }
    } else if t.has(class::BETWEEN) {
        const { FeatureValue::constant("between") }
    } else if w.as_bytes()[0].is_ascii_digit() {
        const { FeatureValue::constant("number") }
    } else if t.cap() {
        const { FeatureValue::constant("cap") }
    } else if ends_with_ci(w, "ly") {
        const { FeatureValue::constant("ly") }
    } else if ends_with_ci(w, "ing") {
        const { FeatureValue::constant("ing") }
    } else if ends_with_ci(w, "ed") {
        const { FeatureValue::constant("ed") }
    } else if ends_with_ci(w, "s") {
        const { FeatureValue::constant("s") }
    } else {
        const { FeatureValue::constant("lower") }
    }
}

/// The inflection of a cue word: `base`, `s`, `past` (-ed), `ing`, or `irregular`.
fn form(word: &str, lemma: &str) -> FeatureValue<'static> {
    if word.eq_ignore_ascii_case(lemma) {
        const { FeatureValue::constant("base") }
    } else if ends_with_ci(word, "ing") {
        const { FeatureValue::constant("ing") }
    } else if ends_with_ci(word, "ed") {
        const { FeatureValue::constant("past") }
    } else if ends_with_ci(word, "s") {
        const { FeatureValue::constant("s") }
    } else {
        const { FeatureValue::constant("irregular") }
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
    let rules_ok = verdicts.ok();
    let ok = if rules_ok {
        const { FeatureValue::constant("ok") }
    } else {
        const { FeatureValue::constant("no") }
    };
    f.add(CUE_RULES, ok);
    // (each verdict's name hashed at compile time, and only the verdicts that hold
    // visited, in the list's order: no name hashed and no array built at each occurrence)
    let mut held = verdicts.bits();
    while held != 0 {
        f.add(CUE_RULE, VERDICT_NAMES[held.trailing_zeros() as usize]);
        held &= held - 1;
    }
    let word_form = form(cx.text_of(i), lemma);
    let lemma = FeatureValue::new(lemma);
    f.add(CUE_LEMMA, lemma);
    f.add2(CUE_LEMMA_RULES, lemma, ok);
    f.add2(CUE_LEMMA_FORM, lemma, word_form);
    f.add2(CUE_FORM_RULES, word_form, ok);
    let class_at = |k: usize| {
        if k >= s && k < e {
            token_class(cx, k)
        } else {
            EDGE
        }
    };
    let prev = if i > s { class_at(i - 1) } else { EDGE };
    let next = class_at(i + 1);
    f.add(CUE_PREV, prev);
    f.add(CUE_NEXT, next);
    f.add2(CUE_LEMMA_NEXT, lemma, next);
    f.add2(CUE_LEMMA_PREV, lemma, prev);
    // the subject: the nearest word before that is not an adverb, an auxiliary or a
    // negation ("the campaign would not say")
    // (most often the word right before, whose class is `prev` already)
    let subject = (s..i)
        .rev()
        .find(|&k| {
            !toks[k].has(class::BETWEEN)
                && !(verdicts.hedged
                    && (is(cx.text, &toks[k], NEGATIONS) || is(cx.text, &toks[k], AUXILIARIES)))
        })
        .map_or(EDGE, |k| if k + 1 == i { prev } else { class_at(k) });
    f.add(CUE_SUBJECT, subject);
    if headline {
        f.add(CUE_HEADLINE, YES);
    }
    // quotation marks in the sentence, before and after the word (up to twelve tokens
    // each way, read as slices: no index checked at each step)
    let quoted_before = toks[s.max(i.saturating_sub(12))..i]
        .iter()
        .any(Tok::in_quote);
    let quoted_after = toks[i + 1..e.min(i + 13)].iter().any(Tok::in_quote);
    f.add2(
        CUE_QUOTE,
        if quoted_before {
            const { FeatureValue::constant("before") }
        } else {
            const { FeatureValue::constant("-") }
        },
        if quoted_after {
            const { FeatureValue::constant("after") }
        } else {
            const { FeatureValue::constant("-") }
        },
    );
    // "that" or a colon soon after: a clause or a quotation follows
    let clause_after = toks[i + 1..e.min(i + 7)]
        .iter()
        .any(|t| colon_or_that(cx.text, t));
    if clause_after {
        f.add2(CUE_CLAUSE_AFTER, lemma, YES);
        f.add(CUE_CLAUSE_AFTER, YES);
    }
    let position = match i - s {
        0 => const { FeatureValue::constant("first") },
        1..=3 => const { FeatureValue::constant("early") },
        _ if e - i <= 3 => const { FeatureValue::constant("last") },
        _ => const { FeatureValue::constant("middle") },
    };
    f.add2(CUE_POSITION, position, ok);
    let (accept, score) = if learned {
        (f.score > 0.0 && !vetoed, f.score)
    } else {
        (rules_ok, if rules_ok { 1.0 } else { -1.0 })
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
