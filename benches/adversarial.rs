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

mod common;

use common::{SHAPES, shape};

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
