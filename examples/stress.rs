//! Stress check: analyse a large generated input and print time and bytes.
//!
//! ```text
//! cargo run --release --example stress -- 100                  # 100 MB of news text
//! cargo run --release --example stress -- 10 nested            # 10 MB of one adversarial shape
//! cargo run --release --example stress -- 1 all --stages       # every shape, stage by stage
//! cargo run --release --example stress -- 10 alternating --repeat=9  # median of 9 runs
//! cargo run --release --example stress -- 1 all --ratio=7     # 10 MB / 1 MB ratio, interleaved
//! cargo run --release --example stress -- 1 file=crash.txt     # a saved input, repeated to 1 MB
//! /usr/bin/time -v target/release/examples/stress 100          # + peak memory (max RSS)
//! ```
//!
//! The news text is the PolNeAR train texts (`../shared/data/polnear/train/text/*.txt`,
//! sorted by name, joined with blank lines) repeated to the size asked for; when that
//! directory is absent an invented article is repeated instead (a notice is printed).
//!
//! Shapes: `news` (default) and the adversarial ones of `benches/adversarial.rs`:
//! `alternating`, `apostrophes`, `nested`, `no-whitespace`, `many-sentences`,
//! `all-caps`, `many-names`, `mixed-script`, `unclosed-quote`, `he-said-colon`; `all`
//! runs each in turn. `--stages` also
//! times the stages alone (`whosaid::sentences`, `whosaid::paragraphs`,
//! `QuoteDetector::quotes`).
//! `--ratio=N` ignores the size: it times the ten 1 MB parts of the 10 MB input one by one
//! and then the whole, N rounds, and prints the median 10 MB / 1 MB ratio.

use std::time::Instant;

use whosaid::QuoteDetector;

#[path = "../benches/common/mod.rs"]
mod common;

use common::{SHAPES, fill, ratio, shape};

fn run(name: &str, mb: f64, stages: bool, repeat: usize) {
    let mut times = Vec::new();
    let bytes = (mb * 1_000_000.0) as usize;
    let text = shape(name, bytes);
    if stages {
        let t = Instant::now();
        let n = whosaid::paragraphs(&text).count();
        println!(
            "  paragraphs  {:>10.3} s  {n} paragraphs",
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        let n = whosaid::sentences(&text).count();
        println!(
            "  sentences   {:>10.3} s  {n} sentences",
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        let n = QuoteDetector::new().quotes(&text).count();
        println!(
            "  quotes      {:>10.3} s  {n} quotes",
            t.elapsed().as_secs_f64()
        );
    }
    // with --repeat=N, analyse N times and report the median (as criterion does, the
    // document is dropped inside each timed run)
    for _ in 1..repeat {
        let t = Instant::now();
        let n = std::hint::black_box(whosaid::analyze(&text)).quotes.len();
        times.push(t.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    let t = Instant::now();
    let doc = whosaid::analyze(&text);
    let mut secs = t.elapsed().as_secs_f64();
    if !times.is_empty() {
        times.sort_by(f64::total_cmp);
        secs = times[times.len() / 2];
    }
    println!(
        "{name:<15} {:>12} bytes  analyze {:>9.3} s  {:>8.2} MB/s  ({} paragraphs, {} sentences, {} quotes, {} attributions, {} speakers)",
        text.len(),
        secs,
        text.len() as f64 / 1e6 / secs,
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.quotes.len(),
        doc.attributions.len(),
        doc.speakers.len()
    );
}

/// The shapes a name stands for (`all`: every shape).
fn shapes(name: &str) -> Vec<&str> {
    if name == "all" {
        ["news"].into_iter().chain(SHAPES).collect()
    } else {
        vec![name]
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
    let repeat: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("--repeat="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let rest: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let mb: f64 = rest.first().and_then(|a| a.parse().ok()).unwrap_or(10.0);
    let name = rest.get(1).map_or("news", |s| s.as_str());
    if let Some(path) = name.strip_prefix("file=") {
        // a saved input (a fuzz artifact, say), repeated to the size asked for
        let unit = std::fs::read_to_string(path).expect("a UTF-8 file");
        let text = fill(&unit, "", (mb * 1_000_000.0) as usize);
        let t = Instant::now();
        let doc = whosaid::analyze(&text);
        println!(
            "{path}: {} bytes  analyze {:.3} s  ({} quotes)",
            text.len(),
            t.elapsed().as_secs_f64(),
            doc.quotes.len()
        );
        return;
    }
    if let Some(rounds) = args
        .iter()
        .find_map(|a| a.strip_prefix("--ratio="))
        .and_then(|n| n.parse::<usize>().ok())
    {
        for s in shapes(name) {
            ratio(s, rounds);
        }
        return;
    }
    if name == "all" {
        for s in ["news"].into_iter().chain(SHAPES) {
            run(s, mb, stages, repeat);
        }
    } else {
        run(name, mb, stages, repeat);
    }
}
