//! Attachment: which cue governs a quotation when the rules find one after it (`“…,”
//! she said`) and one before it (`He told reporters: “…”`). Without learned weights the
//! cue after the quotation governs it, as the rules always had it; with them (`att:`
//! features of `lexicon/linking_weights.txt`) a linear model scores both links and the
//! better one is taken.
//!
//! Every feature is a word class, a lemma of the cue lexicon, a punctuation mark, a rule
//! name or a bucket: never a name or a phrase of an article.

use super::context::mention_name;
use super::context::{Cue, Link, RuleContext};
use super::cue_sense::token_class;
use super::model::{Proposal, Scorer, Template, bucket, record};
use crate::quote::Quote;

// The feature templates.
const ATT_CUE: Template = Template::new("att:cue=");
const ATT_GAP: Template = Template::new("att:gap=");
const ATT_INSIDE_END: Template = Template::new("att:inside-end=");
const ATT_MARK_AFTER: Template = Template::new("att:mark-after=");
const ATT_MARK_BEFORE: Template = Template::new("att:mark-before=");
const ATT_RULE: Template = Template::new("att:rule=");
const ATT_RULE_SPEAKER: Template = Template::new("att:rule-speaker=");
const ATT_SIDE_CUE: Template = Template::new("att:side-cue=");
const ATT_SIDE_GAP: Template = Template::new("att:side-gap=");
const ATT_SPEAKER: Template = Template::new("att:speaker=");

/// Does the link with the cue before quotation `q` (tokens [`qa`, `qb`)) govern it
/// rather than the link with the cue after it? Each link is a cue index and the link.
pub(super) fn prefer_before(
    cx: &RuleContext<'_>,
    q: &Quote<'_>,
    qa: usize,
    qb: usize,
    cues: &[Cue],
    after: &(usize, Link),
    before: &(usize, Link),
) -> bool {
    let learned = cx.weights.covers("att");
    let mut scores = [0f32; 2];
    for (k, (side, (ci, link))) in [("after", after), ("before", before)]
        .into_iter()
        .enumerate()
    {
        let c = &cues[*ci];
        let mut f = Scorer::new(&cx.weights, "att:bias", cx.record);
        let lemma = cx.toks[c.start].lemma(cx.text).unwrap_or("phrase");
        let gap = if side == "after" {
            qb..c.start
        } else {
            c.end..qa
        };
        let words = gap.filter(|&i| cx.toks[i].word()).count();
        let rule = link.rule.name();
        let speaker = link.speaker.map_or("none", |m| mention_name(m.kind));
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
            "edge"
        };
        let mark_after = if qb < cx.toks.len() {
            token_class(cx, qb)
        } else {
            "edge"
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
        scores[k] = f.score;
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
    learned && scores[1] > scores[0]
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
}
