//! Attachment: which cue governs a quotation when the rules find more than one: the cue
//! after it (`“…,” she said`), the one before it (`He told reporters: “…”`), and a cue
//! reporting the one after it in turn (`“…,” she said, according to the paper`: the
//! outer source, which PolNeAR names the quotation's). Without learned weights the cue
//! after the quotation governs it, as the rules always had it; with them (`att:`
//! features of `lexicon/linking_weights.txt`) a linear model scores every link and the
//! best one is taken.
//!
//! Every feature is a word class, a lemma of the cue lexicon, a punctuation mark, a rule
//! name or a bucket: never a name or a phrase of an article.

use super::context::{Cue, Link, RuleContext};
use super::context::{NO_SPEAKER, mention_name};
use super::cue_sense::token_class;
use super::model::{EDGE, Proposal, Scorer, Template, bucket, record};
use crate::quote::Quote;

// The feature templates.
const ATT_CUE: Template = Template::new("att:cue=");
const ATT_GAP: Template = Template::new("att:gap=");
const ATT_INSIDE_END: Template = Template::new("att:inside-end=");
const ATT_MARK_AFTER: Template = Template::new("att:mark-after=");
const ATT_MARK_BEFORE: Template = Template::new("att:mark-before=");
const ATT_OUTER_INNER: Template = Template::new("att:outer-inner=");
const ATT_RULE: Template = Template::new("att:rule=");
const ATT_RULE_SPEAKER: Template = Template::new("att:rule-speaker=");
const ATT_SIDE_CUE: Template = Template::new("att:side-cue=");
const ATT_SIDE_GAP: Template = Template::new("att:side-gap=");
const ATT_SPEAKER: Template = Template::new("att:speaker=");

/// Where a candidate cue stands with respect to the quotation it may govern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// After the quotation: `“…,” she said`.
    After,
    /// Before it: `He told reporters: “…”`.
    Before,
    /// After the cue after it, reporting that act in turn: `“…,” she said, according
    /// to the paper` or `“…,” she said, the paper reported` (the outer source of a
    /// nested attribution).
    Outer,
}

impl Side {
    /// The side's name in feature names.
    fn name(self) -> &'static str {
        match self {
            Side::After => "after",
            Side::Before => "before",
            Side::Outer => "outer",
        }
    }
}

/// A cue that may govern a quotation, and the link it makes.
#[derive(Clone, Copy)]
pub(super) struct CandidateLink {
    pub(super) side: Side,
    /// The cue's index in the sentence's cues.
    pub(super) cue: usize,
    /// The cue of the act an outer cue reports (`said` of `said, according to`): taken
    /// with it, since both report one quotation.
    pub(super) inner: Option<usize>,
    pub(super) link: Link,
}

/// Which of `links` (at least one; the first is the rules' choice) governs quotation
/// `q` (tokens [`qa`, `qb`))? Without attachment weights the first one does, as the
/// rules always had it; with them the best scored one does.
pub(super) fn choose(
    cx: &RuleContext<'_>,
    q: &Quote<'_>,
    qa: usize,
    qb: usize,
    cues: &[Cue],
    links: &[CandidateLink],
) -> usize {
    let learned = cx.weights.covers("att");
    let mut best = (0, f32::NEG_INFINITY);
    for (k, candidate) in links.iter().enumerate() {
        let (side, link) = (candidate.side.name(), &candidate.link);
        let c = &cues[candidate.cue];
        let mut f = Scorer::new(&cx.weights, "att:bias", cx.record);
        let lemma = cx.toks[c.start].lemma(cx.text).unwrap_or("phrase");
        let gap = if candidate.side == Side::Before {
            c.end..qa
        } else {
            qb..c.start
        };
        let words = gap.filter(|&i| cx.toks[i].word()).count();
        let rule = link.rule.name();
        let speaker = link.speaker.map_or(NO_SPEAKER, |m| mention_name(m.kind));
        f.add2(ATT_SIDE_CUE, side, lemma);
        f.add(ATT_CUE, lemma);
        f.add(ATT_GAP, bucket(words));
        f.add2(ATT_SIDE_GAP, side, bucket(words));
        f.add(ATT_RULE, rule);
        f.add(ATT_SPEAKER, speaker);
        f.add2(ATT_RULE_SPEAKER, rule, speaker);
        // the marks around the quotation: "“…,” said" and "said: “…”"
        let mark_before = if qa > 0 {
            token_class(cx, qa - 1)
        } else {
            EDGE
        };
        let mark_after = if qb < cx.toks.len() {
            token_class(cx, qb)
        } else {
            EDGE
        };
        f.add2(ATT_MARK_BEFORE, side, mark_before);
        f.add2(ATT_MARK_AFTER, side, mark_after);
        // the last character inside the quotation marks: a comma hands on to a cue
        let inside = q
            .content()
            .text(cx.text)
            .trim_end_matches(|ch: char| ch.is_whitespace() || "\"“”'‘’»«".contains(ch))
            .chars()
            .last()
            .map_or("none", |ch| match ch {
                ',' => "comma",
                '.' => "period",
                '?' | '!' => "excl",
                _ if ch.is_alphanumeric() => "word",
                _ => "punct",
            });
        f.add2(ATT_INSIDE_END, side, inside);
        if let Some(inner) = candidate.inner {
            // the act the outer cue reports: `told …, the paper reported`; `said` is the
            // common case, already weighed by `att:side-cue=outer|…` (the two features
            // would be collinear)
            let inner_lemma = cx.toks[cues[inner].start]
                .lemma(cx.text)
                .unwrap_or("phrase");
            if inner_lemma != "say" {
                f.add2(ATT_OUTER_INNER, lemma, inner_lemma);
            }
        }
        if f.score > best.1 {
            best = (k, f.score);
        }
        if cx.record {
            record(Proposal {
                decision: "att",
                span: q.span,
                cue: link.cue,
                features: f.take_names(),
                weights: f.take_weights(),
                score: f.score,
            });
        }
    }
    if learned { best.0 } else { 0 }
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, AttributionKind};

    /// The speaker of the direct quotation.
    fn quote_speaker(weights: &str, text: &str) -> String {
        let analyzer = Analyzer::builder()
            .linking_weights(weights)
            .build()
            .expect("valid weights");
        let doc = analyzer.analyze(text);
        doc.attributions
            .iter()
            .find(|a| a.kind == AttributionKind::Direct)
            .and_then(|a| a.speaker)
            .map_or("-".to_string(), |m| m.span.text(text).to_string())
    }

    const TEXT: &str = "Ana Ruiz told reporters: “We will stay,” Tom Reyes said.";

    #[test]
    fn without_attachment_weights_the_cue_after_the_quotation_governs_it() {
        assert_eq!(quote_speaker("# rules only\n", TEXT), "Tom Reyes");
    }

    #[test]
    fn with_attachment_weights_the_better_scored_cue_governs_it() {
        // a colon before the quotation weighs for the cue before it
        assert_eq!(
            quote_speaker("att:mark-before=before|colon\t5.0\n", TEXT),
            "Ana Ruiz"
        );
    }

    const NESTED: &str = "“We will stay,” Ana Ruiz said, according to the Ledger.";

    #[test]
    fn without_attachment_weights_the_inner_cue_of_a_nested_attribution_governs() {
        assert_eq!(quote_speaker("# rules only\n", NESTED), "Ana Ruiz");
    }

    #[test]
    fn with_attachment_weights_the_outer_source_may_govern() {
        // PolNeAR's convention: "X said, according to Y" is Y's attribution; an
        // `according to` source then passes the inner act on (`chained.rs`): the inner
        // speaker speaks, the outer source is the medium
        let analyzer = crate::Analyzer::builder()
            .linking_weights("att:side-cue=outer|phrase\t5.0\n")
            .build()
            .expect("valid weights");
        let doc = analyzer.analyze(NESTED);
        let direct = doc
            .attributions
            .iter()
            .find(|a| a.kind == AttributionKind::Direct);
        let medium = direct.and_then(|a| a.medium).map(|m| m.text(NESTED));
        assert_eq!(medium, Some("the Ledger"));
        assert_eq!(
            quote_speaker("att:side-cue=outer|phrase\t5.0\n", NESTED),
            "Ana Ruiz"
        );
        let reported = "“We will stay,” Ana Ruiz told the council, the Ledger reported.";
        assert_eq!(
            quote_speaker("att:side-cue=outer|report\t5.0\n", reported),
            "the Ledger"
        );
    }

    #[test]
    fn the_outer_inner_pair_is_not_weighed_for_say() {
        // `said` is weighed by `att:side-cue=outer|…` alone: the pair would be collinear
        assert_eq!(
            quote_speaker("att:outer-inner=phrase|say\t5.0\n", NESTED),
            "Ana Ruiz"
        );
        // another inner act is weighed
        let reported = "“We will stay,” Ana Ruiz told the council, the Ledger reported.";
        assert_eq!(
            quote_speaker("att:outer-inner=report|tell\t5.0\n", reported),
            "the Ledger"
        );
    }
}
