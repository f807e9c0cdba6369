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

fn corpus() -> String {
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
        return vec![SYNTHETIC; 1500].join("\n\n");
    }
    texts.join("\n\n")
}

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
