//! The table of `annotate`: the attributions of one article, its speakers with their
//! number of attributions, the quotations that are not speech. Linear in the article:
//! attributions are counted per speaker in one pass, and a speaker's distinct mentions
//! are listed only as far as the line shows them.

use std::collections::HashSet;
use std::io::{self, Write};

use whosaid::{AttributionKind, Document, QuoteKind, Span};

use crate::highlight::excerpt;

/// Write the table of `doc` to `out`.
pub fn write_table(doc: &Document<'_>, out: &mut impl Write) -> io::Result<()> {
    let text = doc.text;
    writeln!(
        out,
        "{:<3} {:<44} {:<8} {:<20} {:<12} {:<14} {:<16} {:>4}  rule",
        "#", "content", "kind", "speaker", "cue", "addressee", "medium", "conf"
    )?;
    writeln!(out, "{}", "-".repeat(150))?;
    for (i, a) in doc.attributions.iter().enumerate() {
        let speaker = doc
            .speaker_of(a)
            .map(|s| s.name.to_string())
            .or_else(|| a.speaker.map(|m| m.span.text(text).to_string()))
            .unwrap_or_else(|| "?".into());
        let cell = |s: Option<Span>, n: usize| {
            s.map_or_else(|| "-".to_string(), |s| excerpt(s.text(text), n))
        };
        writeln!(
            out,
            "{:<3} {:<44} {:<8} {:<20} {:<12} {:<14} {:<16} {:>4.2}  {}",
            i + 1,
            excerpt(a.content.text(text), 44),
            a.kind.name(),
            excerpt(&speaker, 20),
            cell(a.cue, 12),
            cell(a.addressee, 14),
            cell(a.medium, 16),
            a.confidence,
            a.rule.name()
        )?;
    }
    let quoted = doc
        .attributions
        .iter()
        .filter(|a| a.kind != AttributionKind::Indirect)
        .count();
    writeln!(
        out,
        "\n{} attributions ({} with quotation marks) in {} sentences, {} paragraphs",
        doc.attributions.len(),
        quoted,
        doc.sentences.len(),
        doc.paragraphs.len()
    )?;
    writeln!(out, "{} speakers:", doc.speakers.len())?;
    let mut counts = vec![0usize; doc.speakers.len()];
    for a in &doc.attributions {
        if let Some(n) = a.entity.and_then(|e| counts.get_mut(e)) {
            *n += 1;
        }
    }
    for (s, &n) in doc.speakers.iter().zip(&counts) {
        writeln!(
            out,
            "  {:<28} {:<12} {:>2} attribution{}  mentions: {}",
            excerpt(s.name, 28),
            s.kind.name(),
            n,
            if n == 1 { " " } else { "s" },
            distinct_mentions(text, &s.mentions, 70)
        )?;
    }
    let mut not_speech = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::NotSpeech)
        .map(|q| q.text(doc.text))
        .peekable();
    if not_speech.peek().is_some() {
        write!(out, "not speech: ")?;
        for (k, q) in not_speech.enumerate() {
            if k > 0 {
                write!(out, ", ")?;
            }
            write!(out, "{q}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The distinct mention texts of a speaker, in order, as one excerpt of `n` characters:
/// stops reading mentions once the line is full.
fn distinct_mentions(text: &str, mentions: &[Span], n: usize) -> String {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut line = String::new();
    for m in mentions {
        let t = m.text(text);
        if seen.insert(t) {
            if !line.is_empty() {
                line.push_str(", ");
            }
            line.push_str(t);
            if line.chars().count() > n {
                break;
            }
        }
    }
    excerpt(&line, n)
}

/// The closing hint of a table run.
pub const HINT: &str = "Byte offsets and every field: whosaid annotate --json. As a coloured page: whosaid highlight FILE > page.html.\nWhat each rule means, and the known limits: RULES.md.";
