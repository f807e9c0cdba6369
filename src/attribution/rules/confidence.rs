//! Confidence: the probability that an attribution is right (its content found, its cue
//! and speaker those of the annotators), from a logistic model over what the rules know
//! about it: the rule and its fixed score, the kind, the speaker mention's kind, the
//! cue's lemma and cue-sense score, distances and lengths. Fitted by `examples/train.rs`
//! on cross-validated output (each article scored by weights that never saw it), so that
//! the probability is calibrated for unseen news.

use super::context::{Cue, NO_SPEAKER, RuleContext, mention_name};
use super::model::{FeatureValue, Proposal, Scorer, Template, probability, record};
use crate::attribution::Attribution;
use crate::lexicon::word_info;

// The feature templates.
const CONF_ADDRESSEE: Template = Template::new("conf:addressee=");
const CONF_CUE: Template = Template::new("conf:cue=");
const CONF_CUE_GAP: Template = Template::new("conf:cue-gap=");
const CONF_CUE_SCORE: Template = Template::new("conf:cue-score=");
const CONF_KIND: Template = Template::new("conf:kind=");
const CONF_LENGTH: Template = Template::new("conf:length=");
const CONF_MEDIUM: Template = Template::new("conf:medium=");
const CONF_RULE: Template = Template::new("conf:rule=");
const CONF_RULE_KIND: Template = Template::new("conf:rule-kind=");
const CONF_RULE_PRIOR: Template = Template::new("conf:rule-prior=");
const CONF_RULE_SPEAKER: Template = Template::new("conf:rule-speaker=");
const CONF_SPEAKER: Template = Template::new("conf:speaker=");
const CONF_SPEAKER_GAP: Template = Template::new("conf:speaker-gap=");

/// A bucket name for `x` among the ascending `bounds` (`<=b` for the first bound `x` is
/// at most, `>last` above them all).
fn bucket(
    x: f32,
    bounds: &[(f32, FeatureValue<'static>)],
    above: FeatureValue<'static>,
) -> FeatureValue<'static> {
    bounds
        .iter()
        .find(|(b, _)| x <= *b)
        .map_or(above, |(_, name)| *name)
}

/// What the cue of `a` is, for the features: its lemma, or `phrase`, `colon`, `dash`,
/// `other`, `none`.
fn cue_name(text: &str, a: &Attribution) -> &'static str {
    let Some(cue) = a.cue else { return "none" };
    let w = cue.text(text);
    if let Some(lemma) = word_info(w).lemma {
        return lemma;
    }
    match w {
        ":" => "colon",
        "—" | "–" | "-" | "―" => "dash",
        _ if w.contains(' ') => "phrase",
        _ => "other",
    }
}

/// The cue-sense score of the cue that starts at byte `at`, if it is a verb cue.
fn cue_score(cx: &RuleContext<'_>, cues: &[Cue], at: usize) -> Option<f32> {
    let k = cues.partition_point(|c| cx.toks[c.start].start() < at);
    cues.get(k)
        .filter(|c| cx.toks[c.start].start() == at)
        .map(|c| c.score)
}

/// Sets the confidence of each attribution of `out` from the weights, when they have a
/// confidence model (else the rules' fixed scores stay).
pub(super) fn set_confidence(cx: &RuleContext<'_>, cues: &[Cue], out: &mut [Attribution]) {
    if !cx.weights.covers("conf") && !cx.record {
        return;
    }
    for a in out.iter_mut() {
        let mut f = Scorer::new(&cx.weights, "conf:bias", cx.record);
        // the values that go in several features, each hashed once
        let rule = FeatureValue::new(a.rule.name());
        let kind = FeatureValue::new(a.kind.name());
        let speaker = a.speaker.map_or(NO_SPEAKER, |m| mention_name(m.kind));
        let cue = cue_name(cx.text, a);
        f.add(CONF_RULE, rule);
        f.add(CONF_KIND, kind);
        f.add2(CONF_RULE_KIND, rule, kind);
        f.add(CONF_SPEAKER, speaker);
        f.add2(CONF_RULE_SPEAKER, rule, speaker);
        f.add(CONF_CUE, cue);
        let prior = bucket(
            a.confidence,
            &[
                (0.05, const { FeatureValue::constant("0") }),
                (0.25, const { FeatureValue::constant("0.2") }),
                (0.35, const { FeatureValue::constant("0.3") }),
                (0.55, const { FeatureValue::constant("0.5") }),
                (0.65, const { FeatureValue::constant("0.6") }),
                (0.75, const { FeatureValue::constant("0.7") }),
                (0.82, const { FeatureValue::constant("0.8") }),
                (0.87, const { FeatureValue::constant("0.85") }),
            ],
            const { FeatureValue::constant("0.9") },
        );
        f.add2(CONF_RULE_PRIOR, rule, prior);
        if let Some(c) = a.cue {
            let score = cue_score(cx, cues, c.start).unwrap_or(1.0);
            f.add(
                CONF_CUE_SCORE,
                bucket(
                    score,
                    &[
                        (-1.0, const { FeatureValue::constant("<=-1") }),
                        (0.5, const { FeatureValue::constant("<=0.5") }),
                        (2.0, const { FeatureValue::constant("<=2") }),
                        (4.0, const { FeatureValue::constant("<=4") }),
                    ],
                    const { FeatureValue::constant(">4") },
                ),
            );
            // bytes between the cue and the content
            let gap = if c.end <= a.content.start {
                a.content.start - c.end
            } else {
                c.start.saturating_sub(a.content.end)
            };
            let side = if c.end <= a.content.start {
                const { FeatureValue::constant("cue-first") }
            } else {
                const { FeatureValue::constant("content-first") }
            };
            f.add2(
                CONF_CUE_GAP,
                side,
                bucket(
                    gap as f32,
                    &[
                        (3.0, const { FeatureValue::constant("<=3") }),
                        (12.0, const { FeatureValue::constant("<=12") }),
                        (40.0, const { FeatureValue::constant("<=40") }),
                    ],
                    const { FeatureValue::constant(">40") },
                ),
            );
            if let Some(m) = a.speaker {
                let d = if m.span.end <= c.start {
                    c.start - m.span.end
                } else {
                    m.span.start.saturating_sub(c.end)
                };
                let side = if m.span.end <= c.start {
                    const { FeatureValue::constant("before") }
                } else {
                    const { FeatureValue::constant("after") }
                };
                f.add2(
                    CONF_SPEAKER_GAP,
                    side,
                    bucket(
                        d as f32,
                        &[
                            (1.0, const { FeatureValue::constant("<=1") }),
                            (10.0, const { FeatureValue::constant("<=10") }),
                            (30.0, const { FeatureValue::constant("<=30") }),
                        ],
                        const { FeatureValue::constant(">30") },
                    ),
                );
            }
        }
        f.add2(
            CONF_LENGTH,
            kind,
            bucket(
                a.content.len() as f32,
                &[
                    (30.0, const { FeatureValue::constant("<=30") }),
                    (80.0, const { FeatureValue::constant("<=80") }),
                    (200.0, const { FeatureValue::constant("<=200") }),
                ],
                const { FeatureValue::constant(">200") },
            ),
        );
        if a.medium.is_some() {
            f.add(CONF_MEDIUM, "yes");
        }
        if a.addressee.is_some() {
            f.add(CONF_ADDRESSEE, "yes");
        }
        if cx.weights.covers("conf") {
            a.confidence = probability(f.score);
        }
        if cx.record {
            record(Proposal {
                decision: "conf",
                span: a.content,
                cue: a.cue,
                features: f.take_names(),
                weights: f.take_weights(),
                score: f.score,
            });
        }
    }
}
