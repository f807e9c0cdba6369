//! Source choice: which noun phrase is a cue's speaker. The rules propose candidates
//! (the subject before the cue, the noun phrase after it, a name set off by commas, the
//! subject of the sentence's main clause, …) in their old order of preference; with
//! learned weights (`src:` features of `lexicon/linking_weights.txt`) a linear model
//! scores every candidate and the best one speaks, else the first one does.
//!
//! Every feature is a word class, a lemma of the cue lexicon, a closed-class word, a
//! punctuation mark or a bucket: never a name or a phrase of an article.

use super::context::RuleContext;
use super::context::mention_name;
use super::cue_sense::token_class;
use super::model::{EDGE, FeatureValue, Proposal, Scorer, Template, bucket, record};
use crate::attribution::mention::kind_of;
use crate::attribution::mention::{ends_with_ci, is, np_after};
use crate::lexicon::entities::{self, DOCUMENT_HEADS};
use crate::lexicon::lists::{
    BE_FORMS, BETWEEN_BE_AND_PARTICIPLE, IRREGULAR_PARTICIPLES, RELATIVE_PRONOUNS,
};

// The feature templates.
const SRC_CLASS_FIRST: Template = Template::new("src:first=");
const SRC_CLASS_LAST: Template = Template::new("src:last=");
const SRC_CLASS_NEXT: Template = Template::new("src:next=");
const SRC_CLASS_PREV: Template = Template::new("src:prev=");
const SRC_COMMAS: Template = Template::new("src:commas=");
const SRC_CUE_FORM: Template = Template::new("src:cue-form=");
const SRC_CUE_PREV: Template = Template::new("src:cue-prev=");
const SRC_DISTANCE: Template = Template::new("src:distance=");
const SRC_DOCUMENT_HEAD: Template = Template::new("src:document-head=");
const SRC_KIND: Template = Template::new("src:kind=");
const SRC_LENGTH: Template = Template::new("src:length=");
const SRC_PROPOSER: Template = Template::new("src:proposer=");
const SRC_PROPOSER_CUE: Template = Template::new("src:proposer-cue=");
const SRC_PROPOSER_CUE_PREV: Template = Template::new("src:proposer-cue-prev=");
const SRC_PROPOSER_FIRST: Template = Template::new("src:proposer-first=");
const SRC_PROPOSER_FORM: Template = Template::new("src:proposer-form=");
const SRC_PROPOSER_KIND: Template = Template::new("src:proposer-kind=");
const SRC_PROPOSER_PREV: Template = Template::new("src:proposer-prev=");
const SRC_PROPOSER_SITE: Template = Template::new("src:proposer-site=");
const SRC_QUOTE_BETWEEN: Template = Template::new("src:quote-between=");
const SRC_REL_BETWEEN: Template = Template::new("src:rel-pronoun-between=");
const SRC_SIDE_DISTANCE: Template = Template::new("src:side-distance=");

/// A candidate speaker: the rule that proposed it and its token range.
pub(super) type Candidate = (&'static str, Option<(usize, usize)>);

/// The speaker of the cue at tokens [`cue_a`, `cue_b`) among `candidates`, given in the
/// rules' order of preference. Only the first `primary` of them can make a speaker on
/// their own: the others are alternatives weighed when a primary one exists (so that the
/// rules without weights decide as before). `site` names the calling rule.
pub(super) fn choose<const N: usize>(
    cx: &RuleContext<'_>,
    site: &'static str,
    cue_a: usize,
    cue_b: usize,
    candidates: &[Candidate; N],
    primary: usize,
) -> Option<(usize, usize)> {
    let first = candidates[..primary.min(candidates.len())]
        .iter()
        .find_map(|c| c.1)?;
    // "A spokeswoman for the ministry, Lidia Sarn, said": a name of two to four
    // capitalised words set off by commas is the phrase before it, named
    let apposed_name = first.0 > 0
        && (2..=4).contains(&first.1.saturating_sub(first.0))
        && cx.punct(first.0 - 1, ",")
        && first.1 < cx.toks.len()
        && cx.punct(first.1, ",")
        && cx.toks[first.0..first.1]
            .iter()
            .all(|t| t.word() && t.cap());
    // the distinct ranges, each with the proposers that found it (in an array as long
    // as the candidates': no vector allocated at each cue)
    let mut slots = [((0, 0), 0u32); N];
    let mut found = 0;
    for (k, (_, r)) in candidates.iter().enumerate() {
        let Some(r) = *r else { continue };
        if r.0 >= r.1 {
            continue;
        }
        // "The council's leader, Tom Reyes, said", "The town of Elmbrook said": a noun
        // phrase whose apposition or complement is the first candidate names the same
        // speaker less precisely
        let joined =
            first.0 == r.1 + 1 && (cx.punct(r.1, ",") || is(cx.text, &cx.toks[r.1], &["of"]));
        if r != first && r.1 < first.0 && (apposed_name || joined) {
            continue;
        }
        // an alternative ending inside the first candidate is the same phrase cut short
        // ("The Birk" of "The Birk ad"), not another speaker
        if r != first && r.0 < first.1 && first.0 < r.1 && r.1 < first.1 {
            continue;
        }
        match slots[..found].iter_mut().find(|(d, _)| *d == r) {
            Some((_, by)) => *by |= 1 << k,
            None => {
                slots[found] = (r, 1 << k);
                found += 1;
            }
        }
    }
    let distinct = &slots[..found];
    if distinct.len() < 2 || !cx.weights.covers("src") && !cx.record {
        return Some(first);
    }
    let learned = cx.weights.covers("src");
    let mut best = (first, f32::NEG_INFINITY);
    let cue = CueValues::new(cx, site, cue_a);
    for &(r, by) in distinct {
        let mut f = Scorer::new(&cx.weights, "src:bias", cx.record);
        features(cx, &cue, cue_a, cue_b, r, candidates, by, &mut f);
        if f.score > best.1 {
            best = (r, f.score);
        }
        if cx.record {
            record(Proposal {
                decision: "src",
                span: cx.span(r.0, r.1),
                cue: Some(cx.span(cue_a, cue_b)),
                features: f.take_names(),
                weights: f.take_weights(),
                score: f.score,
            });
        }
    }
    Some(if learned { best.0 } else { first })
}

/// Is the cue at token `cue` in the passive (`X was asked whether …`, `X is expected to
/// …`, `X has been told`)? A form of `be` before its past participle, past a negation or
/// adverbs, looking no further left than `floor`. The subject of a passive cue is its
/// addressee or its topic, not its speaker. A cue of feeling (`is worried that`) is an
/// adjective there, and its subject is the one who feels.
pub(super) fn is_passive(cx: &RuleContext<'_>, cue: usize, floor: usize) -> bool {
    let toks = cx.toks;
    let text = cx.text;
    let word = cx.text_of(cue);
    if !(ends_with_ci(word, "ed") || is(text, &toks[cue], IRREGULAR_PARTICIPLES)) {
        return false;
    }
    let mut k = cue;
    let mut skipped = 0;
    while k > floor && skipped < 2 && toks[k - 1].word() && !toks[k - 1].cap() {
        let between = cx.text_of(k - 1);
        if is(text, &toks[k - 1], BETWEEN_BE_AND_PARTICIPLE)
            || between.len() > 4 && ends_with_ci(between, "ly")
        {
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    // (the lemma last: looked up only for a participle after `be`, which is rare)
    k > floor && is(text, &toks[k - 1], BE_FORMS) && toks[cue].lemma(text) != Some("worry")
}

/// The agent of a passive cue ending before token `cue_end`: the noun phrase after `by`
/// right after it (`was asked by reporters whether …`).
pub(super) fn passive_agent(
    cx: &RuleContext<'_>,
    cue_end: usize,
    end: usize,
) -> Option<(usize, usize)> {
    (cue_end + 1 < end && is(cx.text, &cx.toks[cue_end], &["by"]))
        .then(|| np_after(cx.text, cx.toks, cue_end + 1, end))
        .flatten()
}

/// The reporting verb through which the subject of a passive cue speaks, when the words
/// at token `at` are `as` and its -ing form (`was quoted as saying …`) or `to have` and
/// its participle (`is reported to have told friends …`): its token. A plain `to` is not
/// enough: `X was asked to name …`, `X is expected to discuss …` report no words of X.
pub(super) fn speaks_through(cx: &RuleContext<'_>, at: usize, end: usize) -> Option<usize> {
    let toks = cx.toks;
    let verb = |k: usize| (k < end && toks[k].reporting()).then_some(k);
    if at + 1 < end && is(cx.text, &toks[at], &["as"]) {
        return verb(at + 1).filter(|&k| ends_with_ci(cx.text_of(k), "ing"));
    }
    if at + 2 < end && is(cx.text, &toks[at], &["to"]) && is(cx.text, &toks[at + 1], &["have"]) {
        return verb(at + 2);
    }
    None
}

/// The values of the features that depend on the cue alone, not on the candidate:
/// found and hashed once for all of a cue's candidates.
struct CueValues<'t> {
    lemma: FeatureValue<'t>,
    cue_form: FeatureValue<'static>,
    cue_prev: FeatureValue<'static>,
    site: FeatureValue<'static>,
}

impl<'t> CueValues<'t> {
    /// The values of the cue at token `cue_a`, whose speaker the rule `site` chooses.
    fn new(cx: &RuleContext<'t>, site: &'static str, cue_a: usize) -> CueValues<'t> {
        let lemma = cx.toks[cue_a].lemma(cx.text).unwrap_or("phrase");
        let cue_word = cx.text_of(cue_a);
        let cue_form = if ends_with_ci(cue_word, "ing") {
            const { FeatureValue::constant("ing") }
        } else if ends_with_ci(cue_word, "s") && !ends_with_ci(cue_word, "ss") {
            const { FeatureValue::constant("s") }
        } else {
            const { FeatureValue::constant("other") }
        };
        let cue_prev = if cue_a > 0 {
            token_class(cx, cue_a - 1)
        } else {
            EDGE
        };
        CueValues {
            lemma: FeatureValue::new(lemma),
            cue_form,
            cue_prev,
            site: FeatureValue::new(site),
        }
    }
}

/// The features of candidate `r` for the cue [`cue_a`, `cue_b`), whose own values are
/// `cue`.
#[allow(clippy::too_many_arguments)]
fn features(
    cx: &RuleContext<'_>,
    cue: &CueValues<'_>,
    cue_a: usize,
    cue_b: usize,
    r: (usize, usize),
    candidates: &[Candidate],
    by: u32,
    f: &mut Scorer<'_>,
) {
    let toks = cx.toks;
    let text = cx.text;
    let kind = mention_name(kind_of(text, toks, r.0, r.1));
    let first = token_class(cx, r.0);
    // the word before the candidate: a preposition's object (`in April saying`, `at one
    // point calling`) is no subject
    let prev = if r.0 > 0 {
        token_class(cx, r.0 - 1)
    } else {
        EDGE
    };
    // the values that go in several features, each hashed once
    let (lemma, cue_form, cue_prev, site) = (cue.lemma, cue.cue_form, cue.cue_prev, cue.site);
    for (k, &(proposer, _)) in candidates.iter().enumerate() {
        if by & (1 << k) == 0 {
            continue;
        }
        let proposer = FeatureValue::new(proposer);
        f.add(SRC_PROPOSER, proposer);
        f.add2(SRC_PROPOSER_SITE, proposer, site);
        f.add2(SRC_PROPOSER_CUE, proposer, lemma);
        f.add2(SRC_PROPOSER_FORM, proposer, cue_form);
        f.add2(SRC_PROPOSER_CUE_PREV, proposer, cue_prev);
        f.add2(SRC_PROPOSER_KIND, proposer, kind);
        f.add2(SRC_PROPOSER_FIRST, proposer, first);
        f.add2(SRC_PROPOSER_PREV, proposer, prev);
    }
    f.add(SRC_CUE_FORM, cue_form);
    f.add(SRC_CUE_PREV, cue_prev);
    f.add(SRC_KIND, kind);
    f.add(SRC_CLASS_FIRST, first);
    f.add(SRC_CLASS_LAST, token_class(cx, r.1 - 1));
    f.add(SRC_CLASS_PREV, prev);
    f.add(
        SRC_CLASS_NEXT,
        if r.1 < toks.len() {
            token_class(cx, r.1)
        } else {
            EDGE
        },
    );
    f.add(SRC_LENGTH, bucket(r.1.saturating_sub(r.0)));
    // a document right before the cue, by the cue's form: "the report says" speaks for
    // its maker, "Ana Ruiz issued a statement saying" has its maker in the clause
    if r.1 == cue_a && entities::contains_folded(&DOCUMENT_HEADS, cx.text_of(r.1 - 1)) {
        f.add(SRC_DOCUMENT_HEAD, cue_form);
    }
    // what lies between the candidate and the cue
    let (side, gap) = if r.1 <= cue_a {
        (const { FeatureValue::constant("before") }, r.1..cue_a)
    } else {
        (
            const { FeatureValue::constant("after") },
            cue_b.min(r.0)..r.0,
        )
    };
    // (one pass over the gap for its four features)
    let (mut words, mut commas, mut relative, mut quoted) = (0, 0, false, false);
    for i in gap {
        let t = &toks[i];
        if t.word() {
            words += 1;
            relative = relative || is(text, t, RELATIVE_PRONOUNS);
        } else if cx.punct(i, ",") {
            commas += 1;
        }
        quoted |= t.in_quote();
    }
    let distance = bucket(words);
    f.add(SRC_DISTANCE, distance);
    f.add2(SRC_SIDE_DISTANCE, side, distance);
    f.add2(SRC_COMMAS, side, bucket(commas.min(3)));
    if relative {
        f.add(SRC_REL_BETWEEN, side);
    }
    if quoted {
        f.add(SRC_QUOTE_BETWEEN, side);
    }
}

#[cfg(test)]
mod tests {
    use crate::Analyzer;

    fn speakers(analyzer: &Analyzer, text: &str) -> Vec<String> {
        analyzer
            .analyze(text)
            .attributions
            .iter()
            .map(|a| a.speaker.map_or("-", |m| m.span.text(text)).to_string())
            .collect()
    }

    fn with_weights(weights: &str) -> Analyzer {
        Analyzer::builder()
            .linking_weights(weights)
            .build()
            .expect("valid weights")
    }

    #[test]
    fn lowercase_premodifiers_before_a_name_are_part_of_the_speaker() {
        let text = "“We will win,” said former bank manager Dana Pell on Monday.";
        let analyzer = with_weights("# rules only\n");
        assert_eq!(speakers(&analyzer, text), ["former bank manager Dana Pell"]);
    }

    #[test]
    fn the_subject_of_a_passive_cue_is_not_its_speaker() {
        let analyzer = with_weights("# rules only\n");
        let text = "Dana Pell was asked whether the bridge would reopen in the spring.";
        assert_eq!(speakers(&analyzer, text), ["-"]);
        let text = "Dana Pell was asked by reporters whether the bridge would reopen soon.";
        assert_eq!(speakers(&analyzer, text), ["reporters"]);
        let text = "Dana Pell asked whether the bridge would reopen in the spring.";
        assert_eq!(speakers(&analyzer, text), ["Dana Pell"]);
    }

    #[test]
    fn without_source_weights_the_rules_first_candidate_speaks() {
        // the subject nearest the cue comes first in the rules' order
        let text = "Lena Ortiz, whose small firm, Brightwell, builds ferries, said the port was too crowded.";
        let analyzer = with_weights("# rules only\n");
        assert_eq!(speakers(&analyzer, text), ["Brightwell"]);
    }

    #[test]
    fn the_word_before_a_candidate_is_weighed_with_its_proposer() {
        // the object of `in` before the participle is weighed down: the sentence's
        // subject speaks
        let text = "Ana Ruiz sent a long memo to the harbor board in April explaining her plan for the ferry.";
        let analyzer = with_weights("src:proposer-prev=subject|in\t-5.0\n");
        assert_eq!(speakers(&analyzer, text), ["Ana Ruiz"]);
        let analyzer = with_weights("src:proposer-prev=subject|in\t5.0\n");
        assert_eq!(speakers(&analyzer, text), ["April"]);
    }

    #[test]
    fn a_document_right_before_its_cue_is_weighed_by_the_cues_form() {
        // "issued a statement saying": the statement's maker may speak
        let text = "Ana Ruiz issued a statement saying the pier would reopen in May.";
        let analyzer = with_weights("src:document-head=ing\t-5.0\n");
        assert_eq!(speakers(&analyzer, text), ["Ana Ruiz"]);
        let analyzer = with_weights("src:document-head=ing\t5.0\n");
        assert_eq!(speakers(&analyzer, text), ["a statement"]);
    }

    #[test]
    fn with_source_weights_the_best_scored_candidate_speaks() {
        let text = "Lena Ortiz, whose small firm, Brightwell, builds ferries, said the port was too crowded.";
        let analyzer = with_weights("src:proposer=clause\t5.0\n");
        assert_eq!(speakers(&analyzer, text), ["Lena Ortiz"]);
    }
}
