//! Inputs shared by the benches and `examples/stress.rs`: the news corpus (the PolNeAR
//! train texts when `../shared` is present, else a synthetic article written for these
//! benches) and the adversarial shapes of issue 6.

#![allow(dead_code)]

/// One invented article, repeated to build the fallback corpus.
const SYNTHETIC: &str = "Harbor Town Votes on Ferry Plan

PORTSMOUTH, N.H. (Wire) — The city council voted 6-3 on Tuesday to fund a new ferry \
terminal, ending a two-year dispute over the $41.5 million project. Mayor Dana Okafor \
called the vote “a turning point for the waterfront.” She added: “We listened. We changed \
the plan. Now we build.”

Councilor Raj P. Malhotra, who voted no, said the estimate was too optimistic. “Costs on \
projects like this rise 20 to 30 percent,” he said. “Who pays then? The taxpayers do.”

The state Department of Transportation, which holds a 40 percent stake, said in a \
statement that work could begin by Oct. 1 if permits arrive on time. Sen. Lena Ortiz \
(D-N.H.) praised the council. Rep. Tom Brandt, R-Concord, was less sure... He said he \
would wait for the audit.

Residents at the 7 p.m. meeting were split. \"It's about time,\" said Maria Chen, 54, a \
nurse at St. Anne's Hospital. Others, such as retired Lt. Col. James Hurd Jr., asked why \
the U.S. Army Corps of Engineers had not been consulted. The Corps did not respond to \
e-mails sent to press@example.org on Monday.

The vote follows similar decisions in Bath, Me., and New London, Conn. Details are at \
www.example.gov/ferry. Construction firms, e.g. Atlas Marine Co. and Pier Works Inc., \
have until Dec. 15 to bid.";

/// The PolNeAR train texts (sorted by name) joined with `"\n\n"`, or the synthetic
/// article repeated to about 4 MB.
pub fn corpus() -> String {
    articles().join("\n\n")
}

/// The PolNeAR train texts one by one (sorted by name), or the synthetic article
/// repeated 1,500 times.
pub fn articles() -> Vec<String> {
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
        eprintln!("notice: {dir} not found; benchmarking a synthetic text instead");
        return vec![SYNTHETIC.to_string(); 1500];
    }
    texts
}

/// Repeat `unit` (joined by `sep`) to at least `bytes`, then cut at a char boundary.
pub fn fill(unit: &str, sep: &str, bytes: usize) -> String {
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

/// `text` cut into `n` consecutive parts of about equal length (at char boundaries).
pub fn parts(text: &str, n: usize) -> Vec<&str> {
    let mut cuts = vec![0];
    for k in 1..n {
        let mut c = (text.len() * k / n).max(cuts[cuts.len() - 1]);
        while !text.is_char_boundary(c) {
            c += 1;
        }
        cuts.push(c);
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect()
}

/// The 10 MB / 1 MB time ratio of `whosaid::analyze` on shape `name`, measured
/// interleaved: each round times the ten 1 MB parts of the 10 MB text one by one and then
/// the whole, back to back, so that a slow spell of the machine hits both sizes. Returns
/// the rounds' ratios, sorted.
pub fn ratios(name: &str, rounds: usize) -> Vec<f64> {
    let large = shape(name, 10_000_000);
    let small = parts(&large, 10);
    let time = |t: &str| {
        let s = std::time::Instant::now();
        std::hint::black_box(whosaid::analyze(std::hint::black_box(t)).quotes.len());
        s.elapsed().as_secs_f64()
    };
    time(small[0]);
    time(&large);
    let mut ratios: Vec<f64> = (0..rounds.max(1))
        .map(|_| {
            let a: f64 = small.iter().map(|p| time(p)).sum::<f64>() / 10.0;
            time(&large) / a
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios
}

/// Print the median of [`ratios`] with its range.
pub fn ratio(name: &str, rounds: usize) {
    let r = ratios(name, rounds);
    println!(
        "{name:<15} 10 MB / 1 MB interleaved, {} rounds: median {:.2} (min {:.2}, max {:.2})",
        r.len(),
        r[r.len() / 2],
        r[0],
        r[r.len() - 1]
    );
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

/// The input `name` of about `bytes` bytes: `news` (the corpus repeated) or one of the
/// adversarial [`SHAPES`].
pub fn shape(name: &str, bytes: usize) -> String {
    match name {
        "news" => fill(&corpus(), "\n\n", bytes),
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
        "many-names" => {
            // a new two-word name in almost every sentence: thousands of entities
            const SYLLABLES: [&str; 10] =
                ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do"];
            let mut rng = Rng(5);
            let mut name = || {
                let mut w: String = (0..3).map(|_| rng.pick(&SYLLABLES)).collect();
                w[..1].make_ascii_uppercase();
                w
            };
            let mut s = String::with_capacity(bytes + 128);
            while s.len() < bytes {
                let (first, last) = (name(), name());
                s.push_str(&format!(
                    "“We will win,” said {first} {last}. The minister thanked {last} again. "
                ));
            }
            s
        }
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
        // one quotation that never closes, with a reporting verb every 50 bytes (issue 16):
        // windows after the first must read the cues inside it as quoted
        "unclosed-quote" => {
            let mut s = String::from("“");
            s.push_str(&fill(
                "and the plan would work well, he said, and then ",
                "",
                bytes.saturating_sub(3),
            ));
            s
        }
        // a colon lead-in after another, with nothing to lead into (issue 16)
        "he-said-colon" => fill("He said: ", "", bytes),
        other => panic!("unknown shape {other}"),
    }
}

/// The adversarial shapes.
pub const SHAPES: [&str; 10] = [
    "alternating",
    "apostrophes",
    "nested",
    "no-whitespace",
    "many-sentences",
    "all-caps",
    "many-names",
    "mixed-script",
    "unclosed-quote",
    "he-said-colon",
];
