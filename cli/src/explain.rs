//! `explain`: sentence by sentence, the quotations found and each attribution with the
//! rule that decided it, the speaker mention and its kind, the entity, the cue and the
//! confidence. A tool for understanding (and reporting) a wrong attribution.

use std::io::{self, Write};

use whosaid::Document;

/// Write the explanation of `doc`. Quotations and attributions are listed under the
/// sentence where they start; both lists are in text order, so each is walked once.
pub fn write_explanation(doc: &Document<'_>, out: &mut impl Write) -> io::Result<()> {
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
        }
    }
    Ok(())
}
