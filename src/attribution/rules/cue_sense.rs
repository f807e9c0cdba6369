//! Cue sense: is this occurrence of a reporting verb a reporting act here? `She called
//! 911` and `the support` are not; `she said` is. The rules of `cues.rs` give their
//! verdicts (blocked, noun-like, a name, a phrasal verb, an action verb, modal `expect`)
//! and the learned weights weigh them with the word's context: its lemma and form, the
//! classes of the words around it, a subject before it, quotation marks, a passive.
//!
//! Every feature is a word class, a lemma of the cue lexicon, a closed-class word or a
//! punctuation mark: never a name or a phrase of an article.

use super::model::{Proposal, Scorer, record};
use super::*;

/// The rules' verdicts on one occurrence (each `true` is a reason not to take it).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Verdicts {
    pub blocked: bool,
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
            || self.noun_like
            || self.capital_mid
            || self.particle
            || self.no_clause
            || self.modal)
    }
}

/// Closed-class words that are features by themselves (general English, no content).
const FUNCTION_FEATURES: &[&str] = &[
    "that", "to", "the", "a", "an", "not", "was", "were", "is", "are", "be", "been", "being",
    "has", "have", "had", "will", "would", "also", "who", "which", "it", "by", "as", "on", "in",
    "for", "with", "of", "out", "up", "off", "about", "and", "but", "he", "she", "they", "i", "we",
    "you", "this", "his", "her", "their", "its", "when", "what", "how", "why", "whether", "if",
    "than", "so", "there", "at", "from", "did", "does", "do", "can", "could", "may", "should",
    "must", "never",
];

/// The class of token `k` for the features: a punctuation mark's name, a closed-class
/// word itself, or the word's class (`pronoun`, `det`, `role`, `cap`, `reporting`, …).
pub(super) fn token_class(cx: &Cx<'_>, k: usize) -> &'static str {
    let t = &cx.toks[k];
    let w = cx.t(k);
    if !t.word() {
        return match w {
            "," => "comma",
            ":" => "colon",
            "." => "period",
            ";" => "semicolon",
            "?" | "!" => "excl",
            "\"" | "“" | "”" | "'" | "‘" | "’" | "«" | "»" | "„" => "quote",
            "(" | ")" | "[" | "]" => "paren",
            "—" | "–" | "-" => "dash",
            _ => "punct",
        };
    }
    if let Some(f) = FUNCTION_FEATURES.iter().find(|f| f.eq_ignore_ascii_case(w)) {
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
    cx: &Cx<'_>,
    i: usize,
    s: usize,
    e: usize,
    lemma: &'static str,
    headline: bool,
    verdicts: Verdicts,
) -> (bool, f32) {
    let learned = cx.weights.covers("cue");
    if !learned && !cx.record {
        return (verdicts.ok(), if verdicts.ok() { 1.0 } else { -1.0 });
    }
    let toks = cx.toks;
    let mut f = Scorer::new(&cx.weights, "cue", cx.record);
    let ok = if verdicts.ok() { "ok" } else { "no" };
    f.add("rules", ok);
    for (on, name) in [
        (verdicts.blocked, "blocked"),
        (verdicts.noun_like, "noun-like"),
        (verdicts.capital_mid, "capital-mid"),
        (verdicts.particle, "particle"),
        (verdicts.no_clause, "no-clause"),
        (verdicts.modal, "modal"),
    ] {
        if on {
            f.add("rule", name);
        }
    }
    let word_form = form(cx.t(i), lemma);
    f.add("lemma", lemma);
    f.add2("lemma-rules", lemma, ok);
    f.add2("lemma-form", lemma, word_form);
    f.add2("form-rules", word_form, ok);
    let class_at = |k: usize| {
        if k >= s && k < e {
            token_class(cx, k)
        } else {
            "edge"
        }
    };
    let prev = if i > s { class_at(i - 1) } else { "edge" };
    let prev2 = if i > s + 1 { class_at(i - 2) } else { "edge" };
    let next = class_at(i + 1);
    let next2 = class_at(i + 2);
    f.add("prev", prev);
    f.add("next", next);
    f.add2("prev2", prev2, prev);
    f.add2("next2", next, next2);
    f.add2("lemma-next", lemma, next);
    f.add2("lemma-prev", lemma, prev);
    f.add2("form-prev", word_form, prev);
    f.add2("form-next", word_form, next);
    // the subject: the nearest word before that is not an adverb or auxiliary
    let subject = (s..i)
        .rev()
        .find(|&k| !toks[k].has(class::BETWEEN))
        .map_or("edge", class_at);
    f.add("subject", subject);
    f.add2("rules-subject", ok, subject);
    if headline {
        f.add("headline", "yes");
    }
    // quotation marks in the sentence, before and after the word
    let quoted_before = (s..i).rev().take(12).any(|k| toks[k].in_quote());
    let quoted_after = (i + 1..e).take(12).any(|k| toks[k].in_quote());
    f.add2(
        "quote",
        if quoted_before { "before" } else { "-" },
        if quoted_after { "after" } else { "-" },
    );
    // "that" or a colon soon after: a clause or a quotation follows
    let clause_after = (i + 1..e)
        .take(6)
        .any(|k| cx.punct(k, ":") || is(cx.text, &toks[k], &["that"]));
    if clause_after {
        f.add2("clause-after", lemma, "yes");
        f.add("clause-after", "yes");
    }
    let position = match i - s {
        0 => "first",
        1..=3 => "early",
        _ if e - i <= 3 => "last",
        _ => "middle",
    };
    f.add2("position", position, ok);
    // negation and modality (`did not say`, `is expected to`), phrasal and action verbs
    // (`called off`, `agreed to reopen`) and names (`Will`) are the rules' to refuse:
    // the weights decide the rest, noun-like forms included
    let vetoed = verdicts.blocked
        || verdicts.modal
        || verdicts.particle
        || verdicts.no_clause
        || verdicts.capital_mid;
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
            score,
        });
    }
    (accept, score)
}
