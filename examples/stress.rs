//! Stress check: analyse a large generated input and print time and bytes.
//!
//! ```text
//! cargo run --release --example stress -- 100                  # 100 MB of news text
//! cargo run --release --example stress -- 10 nested            # 10 MB of one adversarial shape
//! cargo run --release --example stress -- 1 all --stages       # every shape, stage by stage
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
//! `all-caps`, `mixed-script`; `all` runs each in turn. `--stages` also times the
//! stages alone (`whosaid::sentences`, `whosaid::paragraphs`, `QuoteDetector::quotes`).

use std::time::Instant;

use whosaid::QuoteDetector;

/// One invented article, the fallback when the PolNeAR texts are absent.
const ARTICLE: &str = "Harbor Town Votes on Ferry Plan

PORTSMOUTH, N.H. (Wire) — The city council voted 6-3 on Tuesday to fund a new ferry \
terminal. Mayor Dana Okafor called the vote “a turning point for the waterfront.” She \
added: “We listened. We changed the plan. Now we build.”

“Costs on projects like this rise 20 to 30 percent,” said Councilor Raj P. Malhotra. \
“Who pays then? The taxpayers do.” According to the state Department of Transportation, \
work could begin by Oct. 1. Sen. Lena Ortiz (D-N.H.) told reporters that the plan was \
‘sound’. Residents were split. \"It's about time,\" said Maria Chen, 54, a nurse.";

fn news_source() -> String {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/polnear/train/text"
    );
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("notice: {dir} not found; using a generated news text instead");
        return ARTICLE.to_string();
    }
    texts.join("\n\n")
}

/// Repeat `unit` (joined by `sep`) to at least `bytes`, then cut at a char boundary.
fn fill(unit: &str, sep: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len() + sep.len());
    while s.len() < bytes {
        if !s.is_empty() {
            s.push_str(sep);
        }
        s.push_str(unit);
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// A small deterministic generator (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

/// Pick pieces at random until `bytes`.
fn random_text(pieces: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        s.push_str(rng.pick(pieces));
    }
    s
}

/// The adversarial input `name` of about `bytes` bytes.
fn shape(name: &str, bytes: usize) -> String {
    match name {
        "news" => fill(&news_source(), "\n\n", bytes),
        "alternating" => random_text(
            &[
                "\"", "“", "”", "'", "‘", "’", "«", "»", "„", "''", "``", " ", "a", " said ", ". ",
                "\n", "X",
            ],
            bytes,
            1,
        ),
        "apostrophes" => random_text(
            &["'", "'", "'", " '", "' ", "'a", "n't ", "'s ", "''", " "],
            bytes,
            2,
        ),
        "nested" => {
            let open = fill("“a ‘b “c ‘d «e „f ", "", bytes / 2);
            let close = fill("g’ h” i’ j” ", "", bytes - open.len());
            open + &close
        }
        "no-whitespace" => random_text(
            &[
                "a", "B", ".", ",", "“", "”", "'", "\"", "é", "said", "?", "Mr.",
            ],
            bytes,
            3,
        ),
        "many-sentences" => fill(
            "“We won,” he said. Sen. Ana Ruiz told reporters that it was fine.",
            " ",
            bytes,
        ),
        "all-caps" => fill(
            "THE MINISTER SAID “WE WILL WIN THE VOTE.” ACCORDING TO OFFICIALS, THE TALKS FAILED. SEN. ANA RUIZ SAID SO.",
            " ",
            bytes,
        ),
        "mixed-script" => random_text(
            &[
                "Президент сказал «мы победим». ",
                "他说「我们会赢」。",
                "قال الرئيس “سننتصر”. ",
                "😀 “Yes,” 🎉 said Ana. ",
                "Der Minister sagte: „Wir kommen.“ ",
                "Ελλάδα 'ναι' ",
                "\n\n",
            ],
            bytes,
            4,
        ),
        other => {
            eprintln!("unknown shape {other}");
            std::process::exit(2);
        }
    }
}

const SHAPES: [&str; 8] = [
    "news",
    "alternating",
    "apostrophes",
    "nested",
    "no-whitespace",
    "many-sentences",
    "all-caps",
    "mixed-script",
];

fn run(name: &str, mb: f64, stages: bool) {
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
    let t = Instant::now();
    let doc = whosaid::analyze(&text);
    let secs = t.elapsed().as_secs_f64();
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
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
    if name == "all" {
        for s in SHAPES {
            run(s, mb, stages);
        }
    } else {
        run(name, mb, stages);
    }
}
