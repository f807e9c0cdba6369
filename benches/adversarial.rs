//! `whosaid::analyze` on adversarial inputs of 1 MB and 10 MB: the time per byte must not
//! grow with the size (issue 6: linear time). Linear is a 10 MB / 1 MB time ratio of
//! about 10; the target is at most 12.
//!
//! Inputs (deterministic, generated here; the same shapes as `examples/stress.rs`):
//! * `alternating`: every quotation mark and apostrophe in random order with short
//!   words, spaces, periods and line breaks;
//! * `apostrophes`: apostrophes, elisions and doubled apostrophes in one paragraph;
//! * `nested`: `“a ‘b “c ‘d «e „f ` repeated (nesting far deeper than the detector
//!   tracks), then the closing marks;
//! * `no-whitespace`: words, periods and quotation marks with no whitespace at all;
//! * `many-sentences`: one paragraph of short attributed sentences (about 28,000 per MB);
//! * `all-caps`: an all-caps article, one paragraph;
//! * `mixed-script`: Latin, Cyrillic, CJK, Arabic, Greek and emoji with their marks.
//!
//! ```text
//! cargo bench --bench adversarial
//! # the 10 MB / 1 MB ratios from criterion's estimates:
//! for d in target/criterion/adversarial/*/; do n=$(basename $d); \
//!   a=$(jq .mean.point_estimate $d/1MB/new/estimates.json); \
//!   b=$(jq .mean.point_estimate $d/10MB/new/estimates.json); \
//!   echo "$n $(echo "scale=2; $b / $a" | bc)"; done
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

/// Repeat `unit` to at least `bytes`, then cut at a char boundary.
fn fill(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Pick `pieces` at random (xorshift, fixed seed) until `bytes`.
fn random_text(pieces: &[&str], bytes: usize, seed: u64) -> String {
    let mut x = seed;
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(pieces[(x >> 11) as usize % pieces.len()]);
    }
    s
}

/// The adversarial input `name` of about `bytes` bytes.
fn shape(name: &str, bytes: usize) -> String {
    match name {
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
            let open = fill("“a ‘b “c ‘d «e „f ", bytes / 2);
            let close = fill("g’ h” i’ j” ", bytes - open.len());
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
            "“We won,” he said. Sen. Ana Ruiz told reporters that it was fine. ",
            bytes,
        ),
        "all-caps" => fill(
            "THE MINISTER SAID “WE WILL WIN THE VOTE.” ACCORDING TO OFFICIALS, THE TALKS FAILED. SEN. ANA RUIZ SAID SO. ",
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
        other => unreachable!("unknown shape {other}"),
    }
}

const SHAPES: [&str; 7] = [
    "alternating",
    "apostrophes",
    "nested",
    "no-whitespace",
    "many-sentences",
    "all-caps",
    "mixed-script",
];

const MB: usize = 1_000_000;

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sampling_mode(SamplingMode::Flat);
    for name in SHAPES {
        for (label, size) in [("1MB", MB), ("10MB", 10 * MB)] {
            let text = shape(name, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, label), &text, |b, t| {
                b.iter(|| black_box(whosaid::analyze(black_box(t))).attributions.len())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
