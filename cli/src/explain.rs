//! `explain`: sentence by sentence, the quotations found and each attribution with the
//! rule that decided it, the speaker mention and its kind, the entity, the cue and the
//! confidence; under each attribution, the learned decisions that made it (cue sense,
//! attachment, source, confidence) with their probability and top features. A tool for
//! understanding (and reporting) a wrong attribution.

use std::io::{self, Write};

use whosaid::training::Proposal;
use whosaid::{Attribution, Document};

/// Features shown per decision.
const TOP_FEATURES: usize = 4;

/// One line per learned decision of `a`: its name, probability and the features that
/// weighed most, signed.
fn write_decisions(
    a: &Attribution,
    proposals: &[Proposal],
    out: &mut impl Write,
) -> io::Result<()> {
    let speaker = a.speaker.map(|m| m.span);
    let cue_start = a.cue.map(|c| c.start);
    let shown = [
        (
            "cue sense",
            proposals
                .iter()
                .find(|p| p.decision == "cue" && Some(p.span.start) == cue_start),
        ),
        (
            "attachment",
            proposals
                .iter()
                .rev()
                .find(|p| p.decision == "att" && p.cue == a.cue && p.span.overlaps(a.content)),
        ),
        (
            "source",
            proposals
                .iter()
                .rev()
                .find(|p| p.decision == "src" && p.cue == a.cue && Some(p.span) == speaker),
        ),
        (
            "confidence",
            proposals
                .iter()
                .find(|p| p.decision == "conf" && p.span == a.content),
        ),
    ];
    for (name, p) in shown {
        let Some(p) = p else { continue };
        let mut ranked: Vec<(&str, f32)> = p
            .features
            .iter()
            .map(String::as_str)
            .zip(p.weights.iter().copied())
            .filter(|(_, w)| *w != 0.0)
            .collect();
        ranked.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
        let top: Vec<String> = ranked
            .iter()
            .take(TOP_FEATURES)
            .map(|(f, w)| format!("{f} {w:+.2}"))
            .collect();
        writeln!(
            out,
            "         {name}: p={:.2} | {}",
            1.0 / (1.0 + (-p.score).exp()),
            top.join(", ")
        )?;
    }
    Ok(())
}

/// Write the explanation of `doc`, whose analysis recorded `proposals`
/// (`whosaid::training::propose`). Quotations and attributions are listed under the
/// sentence where they start; both lists are in text order, so each is walked once.
pub fn write_explanation(
    doc: &Document<'_>,
    proposals: &[Proposal],
    out: &mut impl Write,
) -> io::Result<()> {
    let text = doc.text;
    let mut next_quote = 0;
    let mut next_attribution = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        writeln!(out, "[{si} ¶{}] {}", s.paragraph, s.text.replace('\n', " "))?;
        // skip what starts before this sentence (between sentences)
        while doc
            .quotes
            .get(next_quote)
            .is_some_and(|q| q.span.start < s.span.start)
        {
            next_quote += 1;
        }
        while let Some(q) = doc
            .quotes
            .get(next_quote)
            .filter(|q| q.span.start < s.span.end.max(s.span.start + 1))
        {
            next_quote += 1;
            writeln!(
                out,
                "    quote {:?} {:?} closed={} pieces={} {}",
                q.kind,
                q.marks,
                q.closed,
                q.pieces.len(),
                q.text.replace('\n', " ")
            )?;
        }
        while doc
            .attributions
            .get(next_attribution)
            .is_some_and(|a| a.content.start < s.span.start)
        {
            next_attribution += 1;
        }
        while let Some(a) = doc
            .attributions
            .get(next_attribution)
            .filter(|a| a.content.start < s.span.end.max(s.span.start + 1))
        {
            next_attribution += 1;
            let speaker = a.speaker.map_or("-".to_string(), |m| {
                format!("{} ({:?})", m.span.text(text), m.kind)
            });
            let name = doc.speaker_of(a).map_or("-", |e| e.name);
            writeln!(
                out,
                "    => {} [{}] speaker={speaker} entity={name} cue={} conf={:.2} | {}",
                a.rule.name(),
                a.kind.name(),
                a.cue.map_or("-", |c| c.text(text)),
                a.confidence,
                a.content.text(text).replace('\n', " ")
            )?;
            write_decisions(a, proposals, out)?;
        }
    }
    Ok(())
}
