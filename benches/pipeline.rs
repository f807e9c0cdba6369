//! Whole-pipeline throughput: `whosaid::Analyzer::analyze` article by article over the
//! PolNeAR train texts (about 3.9 MB; a synthetic article when `../shared` is absent),
//! single-threaded, with the stages on their own for comparison.
//!
//! Run with `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use whosaid::{Analyzer, QuoteDetector, Segmenter};

mod common;

fn bench(c: &mut Criterion) {
    let articles = common::articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!("corpus: {} articles, {bytes} bytes", articles.len());
    let analyzer = Analyzer::new();
    let segmenter = Segmenter::new();
    let detector = QuoteDetector::new();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(2));
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("sentences", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| segmenter.sentences(black_box(a)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| detector.quotes(black_box(a)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| analyzer.analyze(black_box(a)).attributions.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
