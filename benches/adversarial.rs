//! `whosaid::analyze` on adversarial inputs of 1 MB and 10 MB: the time per byte must not
//! grow with the size (issue 6: linear time). Linear is a 10 MB / 1 MB time ratio of
//! about 10; the target is at most 12.
//!
//! The 1 MB case analyses the ten 1 MB parts of the 10 MB text in turn, one per
//! iteration, so the ratio compares analysing a text whole with analysing its parts one
//! by one. (Timing one 1 MB text over and over would keep it in the CPU's 2 MB L2 cache,
//! which no stream of different articles enjoys: even the paragraph scan, a single pass
//! without allocation, then shows a ratio of 12 on this machine.)
//!
//! Criterion times the two sizes in separate blocks, so a machine whose speed drifts
//! between them (a virtual machine with busy neighbours) moves their ratio by ±2 from one
//! run to the next. After criterion's timings the bench therefore measures each ratio
//! interleaved: fifteen rounds, each timing the ten 1 MB parts and then the 10 MB text back
//! to back; it prints the median round with the range. That is the ratio to quote.
//!
//! Inputs (deterministic, generated in `common/mod.rs`; the same shapes as
//! `examples/stress.rs`):
//! * `alternating`: every quotation mark and apostrophe in random order with short
//!   words, spaces, periods and line breaks;
//! * `apostrophes`: apostrophes, elisions and doubled apostrophes in one paragraph;
//! * `nested`: `“a ‘b “c ‘d «e „f ` repeated (nesting far deeper than the detector
//!   tracks), then the closing marks;
//! * `no-whitespace`: words, periods and quotation marks with no whitespace at all;
//! * `many-sentences`: one paragraph of short attributed sentences (about 28,000 per MB);
//! * `all-caps`: an all-caps article, one paragraph;
//! * `many-names`: a new person named in almost every sentence (tens of thousands of
//!   speakers: the speaker clustering's worst case; not one of issue 6's shapes);
//! * `mixed-script`: Latin, Cyrillic, CJK, Arabic, Greek and emoji with their marks;
//! * `unclosed-quote`: `“` and then `and the plan would work well, he said, and then `
//!   repeated: one quotation that never closes, across every attribution window;
//! * `he-said-colon`: `He said: ` repeated.
//!
//! ```text
//! cargo bench --bench adversarial                 # criterion, then the interleaved ratios
//! cargo bench --bench adversarial -- all-caps     # one shape
//! # the ratios of criterion's own estimates:
//! for d in target/criterion/adversarial/*/; do n=$(basename $d); \
//!   a=$(jq .mean.point_estimate $d/1MB/new/estimates.json); \
//!   b=$(jq .mean.point_estimate $d/10MB/new/estimates.json); \
//!   echo "$n $(echo "scale=2; $b / $a" | bc)"; done
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group};

mod common;

use common::{SHAPES, parts, shape};

const MB: usize = 1_000_000;

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(6))
        .sampling_mode(SamplingMode::Flat);
    for name in SHAPES {
        let large = shape(name, 10 * MB);
        // the 1 MB case: the ten 1 MB parts of the 10 MB text in turn (one per iteration)
        let small = parts(&large, 10);
        group.throughput(Throughput::Bytes((large.len() / 10) as u64));
        group.bench_with_input(BenchmarkId::new(name, "1MB"), &small, |b, ps| {
            let mut k = 0;
            b.iter(|| {
                k = (k + 1) % ps.len();
                black_box(whosaid::analyze(black_box(ps[k])))
                    .attributions
                    .len()
            })
        });
        group.throughput(Throughput::Bytes(large.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, "10MB"), &large, |b, t| {
            b.iter(|| black_box(whosaid::analyze(black_box(t))).attributions.len())
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial);

/// Criterion's timings, then the ratios measured interleaved (only under `cargo bench`,
/// for the shapes the filter names, if any).
fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let filter: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    println!("\n10 MB / 1 MB ratios, interleaved (median of {ROUNDS} rounds):");
    for name in SHAPES {
        if filter.is_empty()
            || filter
                .iter()
                .any(|f| f.split('|').any(|f| name.contains(f)))
        {
            common::ratio(name, ROUNDS);
        }
    }
}

/// Rounds of the interleaved ratio measurement.
const ROUNDS: usize = 15;
