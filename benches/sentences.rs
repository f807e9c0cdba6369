//! Sentence splitting throughput: whosaid (keep and split quotation policies) against
//! UAX #29 (`unicode-segmentation`) and the `sentencex` crate.
//!
//! Input: the PolNeAR train texts (`../shared/data/polnear/train/text/*.txt`, sorted by
//! name) joined with `"\n\n"`. When that directory is absent, a synthetic news text
//! written for this bench is used instead (a notice is printed).
//!
//! Run with `cargo bench --bench sentences`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;
use whosaid::{QuotePolicy, Segmenter};

mod common;

use common::corpus;

fn bench(c: &mut Criterion) {
    let text = corpus();
    eprintln!("corpus: {} bytes", text.len());
    let keep = Segmenter::builder()
        .quote_policy(QuotePolicy::Keep)
        .build()
        .unwrap();
    let split = Segmenter::builder()
        .quote_policy(QuotePolicy::Split)
        .build()
        .unwrap();
    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(2));
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("whosaid_keep", |b| {
        b.iter(|| keep.sentences(black_box(&text)).count())
    });
    g.bench_function("whosaid_split", |b| {
        b.iter(|| split.sentences(black_box(&text)).count())
    });
    g.bench_function("unicode_sentences", |b| {
        b.iter(|| black_box(&text).unicode_sentences().count())
    });
    g.bench_function("sentencex", |b| {
        b.iter(|| sentencex::segment("en", black_box(&text)).len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
