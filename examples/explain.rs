//! Shows, sentence by sentence, what whosaid found and which rule decided: a tool for
//! understanding (and reporting) a wrong attribution.
//!
//! ```text
//! cargo run --example explain -- article.txt
//! echo '“Fine,” said the mayor.' | cargo run --example explain
//! ```

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(p) => text = std::fs::read_to_string(p)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let doc = whosaid::analyze(&text);
    for (si, s) in doc.sentences.iter().enumerate() {
        println!("[{si} ¶{}] {}", s.paragraph, s.text.replace('\n', " "));
        for q in doc.quotes.iter().filter(|q| {
            s.span
                .contains(whosaid::Span::new(q.span.start, q.span.start))
        }) {
            println!(
                "    quote {:?} {:?} closed={} pieces={} {}",
                q.kind,
                q.marks,
                q.closed,
                q.pieces.len(),
                q.text.replace('\n', " ")
            );
        }
        for a in doc.attributions.iter().filter(|a| {
            s.span
                .contains(whosaid::Span::new(a.content.start, a.content.start))
        }) {
            let sp = a.speaker.map_or("-".to_string(), |m| {
                format!("{} ({:?})", &text[m.span], m.kind)
            });
            let name = doc.speaker_of(a).map_or("-", |e| e.name);
            println!(
                "    => {} [{}] speaker={sp} entity={name} cue={} conf={:.2} | {}",
                a.rule.name(),
                a.kind.name(),
                a.cue.map_or("-", |c| &text[c]),
                a.confidence,
                text[a.content].replace('\n', " ")
            );
        }
    }
    Ok(())
}
