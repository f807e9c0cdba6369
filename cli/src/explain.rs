//! `explain`: sentence by sentence, the quotations found and each attribution with the
//! rule that decided it, the speaker mention and its kind, the entity, the cue and the
//! confidence; under each attribution, the learned decisions that made it (cue sense,
//! attachment, source, confidence) with their probability and top features. A tool for
//! understanding (and reporting) a wrong attribution.

use std::collections::HashMap;
use std::io::{self, Write};

use whosaid::training::Proposal;
use whosaid::{Attribution, Document, Span};

/// Features shown per decision.
const TOP_FEATURES: usize = 4;

/// The recorded proposals of a document by what each is about, built once so that every
/// attribution finds its decisions by lookup, not by a scan of all proposals (which made
/// `explain` quadratic in a long text).
struct Decisions<'p> {
    /// The first `cue` proposal at each cue start.
    cue: HashMap<usize, &'p Proposal>,
    /// The `att` proposals of each cue, in order.
    att: HashMap<Option<Span>, Vec<&'p Proposal>>,
    /// The last `src` proposal of each cue and candidate.
    src: HashMap<(Option<Span>, Span), &'p Proposal>,
    /// The first `conf` proposal of each content.
    conf: HashMap<Span, &'p Proposal>,
}

impl<'p> Decisions<'p> {
    fn new(proposals: &'p [Proposal]) -> Self {
        let mut decisions = Decisions {
            cue: HashMap::new(),
            att: HashMap::new(),
            src: HashMap::new(),
            conf: HashMap::new(),
        };
        for p in proposals {
            match p.decision {
                "cue" => {
                    decisions.cue.entry(p.span.start).or_insert(p);
                }
                "att" => decisions.att.entry(p.cue).or_default().push(p),
                "src" => {
                    decisions.src.insert((p.cue, p.span), p);
                }
                "conf" => {
                    decisions.conf.entry(p.span).or_insert(p);
                }
                _ => {}
            }
        }
        decisions
    }

    /// One line per learned decision of `a`: its name, probability and the features that
    /// weighed most, signed.
    fn write(&self, a: &Attribution, out: &mut impl Write) -> io::Result<()> {
        let shown = [
            (
                "cue sense",
                a.cue.and_then(|c| self.cue.get(&c.start).copied()),
            ),
            (
                "attachment",
                self.att
                    .get(&a.cue)
                    .and_then(|ps| ps.iter().rev().find(|p| p.span.overlaps(a.content)))
                    .copied(),
            ),
            (
                "source",
                a.speaker
                    .and_then(|m| self.src.get(&(a.cue, m.span)).copied()),
            ),
            ("confidence", self.conf.get(&a.content).copied()),
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
    let decisions = Decisions::new(proposals);
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
                q.pieces().len(),
                q.text(doc.text).replace('\n', " ")
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
            decisions.write(a, out)?;
        }
    }
    Ok(())
}
