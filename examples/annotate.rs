//! The library in a few lines: analyse an article, follow an attribution to its speaker
//! and its quotations, and write the JSON record the `whosaid` command writes.
//!
//! ```text
//! cargo run --example annotate                 # the bundled sample article
//! cargo run --example annotate -- article.txt
//! ```
//!
//! For real work use the command (`cargo install --path cli`, then `whosaid annotate`),
//! which adds folders, lists, JSONL, threads, progress and error lines around the same
//! calls.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/summit.txt").to_string()
    });
    let text = std::fs::read_to_string(&path)?;
    let doc = whosaid::analyze(&text);

    for a in &doc.attributions {
        let who = doc.speaker_of(a).map_or("?", |s| s.name);
        let quoted: Vec<&str> = doc.quotes_in(a).map(|q| q.text(&text)).collect();
        println!(
            "{:<8} {:<24} {:<18} {}",
            a.kind.name(),
            who,
            a.rule.name(),
            if quoted.is_empty() {
                a.content.text(&text).to_string()
            } else {
                quoted.join(" … ")
            }
        );
    }

    // The record of `whosaid annotate --json`, straight to stdout, no JSON tree built.
    let record = doc.record().id(&path).with_text(false);
    serde_json::to_writer(std::io::stdout().lock(), &record)?;
    println!();
    Ok(())
}
