//! Fits the learned attribution decisions and measures them by cross-validation.
//!
//! ```text
//! python3 ../shared/tools/polnear/gold.py ../shared/data/polnear/train -o target/eval/train.gold.jsonl --quiet
//! cargo run --release --example train -- target/eval/train.gold.jsonl --folds 5 --out target/train
//! python3 ../shared/tools/polnear/score.py target/train/gold.jsonl target/train/cv.sys.jsonl
//! cp target/train/linking_weights.txt src/lexicon/linking_weights.txt
//! ```
//!
//! Input: the gold JSONL of `../shared/tools/polnear/gold.py` (`id`, `text`, and each
//! attribution's `source`, `cue` and `content` spans in code-point offsets). Options:
//! `--folds K` (default 5; 1 fits on everything and scores nothing), `--limit N` (the
//! first N articles only: CI's quick run), `--out DIR` (default `target/train`).
//!
//! Four decisions are fitted, each a logistic regression over the named features the
//! library itself proposes (`whosaid::training::propose`, the same code `analyze` runs):
//! 1. cue sense: every reporting-verb occurrence, labelled by whether it lies in a gold
//!    cue;
//! 2. source: every candidate speaker of a cue that has two or more (each article
//!    analysed with cue weights fitted without it), labelled right when it overlaps a
//!    source of the gold attribution whose cue overlaps the proposal's cue;
//! 3. attachment: the cue after and the cue before a quotation, when the rules find both,
//!    labelled right when it overlaps the cue of the gold attribution whose content
//!    overlaps the quotation most;
//! 4. confidence: every attribution of the cross-validated output (each fold analysed
//!    with cue, source and attachment weights fitted on the other folds), labelled right
//!    when its span shares a token with a gold content (one-to-one, most shared tokens
//!    first, as the scorer matches) and its speaker overlaps that content's gold source
//!    (or both have none).
//!
//! Written to DIR: `linking_weights.txt` (fitted on all the articles given; the shipped
//! file is this one for all of train), `cv.sys.jsonl` (every article analysed with the
//! weights of the folds that did not see it, in the scorer's contract), `gold.jsonl`
//! (the gold lines of the articles used), and on stdout the reliability table of the
//! cross-validated confidences (each fold's confidence model fitted on the other folds'
//! output) and its expected calibration error. Deterministic: the same input gives the
//! same files.

use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use serde_json::{Value, json};
use whosaid::training::{Proposal, propose};
use whosaid::{Analyzer, Document, Span};

/// One gold attribution, in byte offsets.
struct GoldAttribution {
    content: Vec<Span>,
    source: Vec<Span>,
    cue: Vec<Span>,
}

struct Article {
    id: String,
    text: String,
    line: String,
    gold: Vec<GoldAttribution>,
}

/// Code-point offsets to byte offsets.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn spans(v: &Value, bytes: &[usize]) -> Vec<Span> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    let s = p.get(0)?.as_u64()? as usize;
                    let e = p.get(1)?.as_u64()? as usize;
                    Some(Span::new(*bytes.get(s)?, *bytes.get(e)?))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn read_gold(path: &PathBuf, limit: usize) -> Vec<Article> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("cannot open {}: {e}", path.display());
        std::process::exit(2)
    });
    let mut out = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("readable gold file");
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).expect("gold line is JSON");
        let text = v["text"].as_str().unwrap_or("").to_string();
        let bytes = byte_offsets(&text);
        let gold = v["attributions"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|g| GoldAttribution {
                        content: spans(&g["content"], &bytes),
                        source: spans(&g["source"], &bytes),
                        cue: spans(&g["cue"], &bytes),
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(Article {
            id: v["id"].as_str().unwrap_or("").to_string(),
            text,
            line,
            gold,
        });
        if out.len() == limit {
            break;
        }
    }
    out
}

/// A labelled example: feature indices and the label.
type Example = (Vec<u32>, bool);

/// Feature names to indices, shared by all fits.
#[derive(Default)]
struct Vocabulary {
    index: HashMap<String, u32>,
    names: Vec<String>,
}

impl Vocabulary {
    fn encode(&mut self, features: &[String]) -> Vec<u32> {
        let mut v: Vec<u32> = features
            .iter()
            .map(|f| {
                if let Some(&i) = self.index.get(f) {
                    return i;
                }
                let i = self.names.len() as u32;
                self.names.push(f.clone());
                self.index.insert(f.clone(), i);
                i
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// L2-regularised logistic regression, AdaGrad over the examples in a fixed shuffled
/// order. Features seen in fewer than `min_count` examples get no weight (a rare lemma
/// pair is noise, not evidence). Returns a weight per feature index.
fn fit(examples: &[&Example], dims: usize, epochs: usize, l2: f64, min_count: u32) -> Vec<f64> {
    let mut count = vec![0u32; dims];
    for (f, _) in examples {
        for &i in f {
            count[i as usize] += 1;
        }
    }
    let mut w = vec![0f64; dims];
    let mut g2 = vec![1e-8f64; dims];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..epochs {
        // Fisher-Yates with a fixed LCG: deterministic
        for k in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(k, (seed >> 33) as usize % (k + 1));
        }
        for &e in &order {
            let (f, y) = examples[e];
            let z: f64 = f
                .iter()
                .filter(|&&i| count[i as usize] >= min_count)
                .map(|&i| w[i as usize])
                .sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if *y { 1.0 } else { 0.0 };
            for &i in f {
                let i = i as usize;
                if count[i] < min_count {
                    continue;
                }
                // the L2 penalty spread over the feature's examples of an epoch
                let g = err + l2 * w[i] / f64::from(count[i]);
                g2[i] += g * g;
                w[i] -= 0.5 * g / g2[i].sqrt();
            }
        }
    }
    for (i, c) in count.iter().enumerate() {
        if *c < min_count {
            w[i] = 0.0;
        }
    }
    w
}

/// The weights file for the fitted decisions.
fn weights_file(header: &str, vocab: &Vocabulary, fitted: &[&[f64]]) -> String {
    let mut lines: Vec<(String, f64)> = Vec::new();
    for w in fitted {
        for (i, &x) in w.iter().enumerate() {
            if x.abs() >= 1e-3 {
                lines.push((vocab.names[i].clone(), x));
            }
        }
    }
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let mut s = String::from(header);
    for (name, x) in lines {
        s.push_str(&format!("{name}\t{x:.4}\n"));
    }
    s
}

/// Bytes of `s` inside `spans`.
fn shared_bytes(s: Span, spans: &[Span]) -> usize {
    spans
        .iter()
        .map(|g| g.end.min(s.end).saturating_sub(g.start.max(s.start)))
        .sum()
}

fn overlaps_any(s: Span, spans: &[Span]) -> bool {
    spans.iter().any(|g| g.start < s.end && s.start < g.end)
}

/// Starts of the `\w+` tokens of `text` (letters, digits, underscore).
fn token_starts(text: &str) -> Vec<usize> {
    let mut v = Vec::new();
    let mut inside = false;
    for (b, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '_';
        if w && !inside {
            v.push(b);
        }
        inside = w;
    }
    v
}

fn tokens_in(starts: &[usize], s: Span) -> std::ops::Range<usize> {
    starts.partition_point(|&t| t < s.start)..starts.partition_point(|&t| t < s.end)
}

/// Is each attribution of `doc` right (content partially matched one-to-one, source
/// right)? Mirrors the scorer's content+source criterion.
fn label_attributions(doc: &Document<'_>, gold: &[GoldAttribution]) -> Vec<bool> {
    let starts = token_starts(doc.text);
    let sys: Vec<std::ops::Range<usize>> = doc
        .attributions
        .iter()
        .map(|a| tokens_in(&starts, doc.quoted_span(a).unwrap_or(a.content)))
        .collect();
    let gold_tokens: Vec<Vec<std::ops::Range<usize>>> = gold
        .iter()
        .map(|g| g.content.iter().map(|&c| tokens_in(&starts, c)).collect())
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (si, s) in sys.iter().enumerate() {
        for (gi, g) in gold_tokens.iter().enumerate() {
            let shared: usize = g
                .iter()
                .map(|r| r.end.min(s.end).saturating_sub(r.start.max(s.start)))
                .sum();
            if shared > 0 {
                pairs.push((shared, si, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut sys_match = vec![None; sys.len()];
    let mut gold_used = vec![false; gold.len()];
    for (_, si, gi) in pairs {
        if sys_match[si].is_none() && !gold_used[gi] {
            sys_match[si] = Some(gi);
            gold_used[gi] = true;
        }
    }
    doc.attributions
        .iter()
        .zip(&sys_match)
        .map(|(a, m)| {
            m.is_some_and(|gi| {
                let g = &gold[gi];
                match a.speaker {
                    Some(sp) => overlaps_any(sp.span, &g.source),
                    None => g.source.is_empty(),
                }
            })
        })
        .collect()
}

fn span_json(text: &str, s: Option<Span>) -> Value {
    match s {
        Some(s) => json!({"start": s.start, "end": s.end, "text": &text[s]}),
        None => Value::Null,
    }
}

/// The scorer's contract for one article (the fields of `annotate` that it reads, and
/// the confidence and rule).
fn article_json(id: &str, doc: &Document<'_>) -> Value {
    let text = doc.text;
    let quotes: Vec<Value> = doc
        .attributions
        .iter()
        .map(|a| {
            let span = doc.quoted_span(a).unwrap_or(a.content);
            json!({
                "start": span.start, "end": span.end, "text": &text[span],
                "kind": a.kind.name(),
                "content": span_json(text, Some(a.content)),
                "speaker": span_json(text, a.speaker.map(|m| m.span)),
                "cue": span_json(text, a.cue),
                "confidence": (f64::from(a.confidence) * 1000.0).round() / 1000.0,
                "rule": a.rule.name(),
                "mode": a.mode.name(),
            })
        })
        .collect();
    json!({"id": id, "quotes": quotes})
}

fn analyzer(weights: &str) -> Analyzer {
    Analyzer::builder()
        .linking_weights(weights)
        .build()
        .expect("the trainer writes valid weights")
}

struct Args {
    /// Added to the cue model's bias: a cue kept at a lower probability than 0.5 (a cue
    /// in doubt costs less than a missed one, since the linking rules still need a
    /// content and a speaker).
    cue_shift: f64,
    gold: PathBuf,
    folds: usize,
    limit: usize,
    out: PathBuf,
}

fn args() -> Args {
    let mut a = Args {
        cue_shift: CUE_SHIFT,
        gold: PathBuf::new(),
        folds: 5,
        limit: usize::MAX,
        out: PathBuf::from("target/train"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut value = |name: &str| {
            it.next().unwrap_or_else(|| {
                eprintln!("{name} needs a value");
                std::process::exit(2)
            })
        };
        match x.as_str() {
            "--folds" => a.folds = value("--folds").parse().expect("--folds N"),
            "--limit" => a.limit = value("--limit").parse().expect("--limit N"),
            "--cue-shift" => a.cue_shift = value("--cue-shift").parse().expect("--cue-shift X"),
            "--out" => a.out = PathBuf::from(value("--out")),
            _ if !x.starts_with("--") => a.gold = PathBuf::from(x),
            _ => {
                eprintln!("usage: train GOLD.jsonl [--folds K] [--limit N] [--out DIR]");
                std::process::exit(2)
            }
        }
    }
    if a.gold.as_os_str().is_empty() {
        eprintln!("usage: train GOLD.jsonl [--folds K] [--limit N] [--out DIR]");
        std::process::exit(2)
    }
    a.folds = a.folds.max(1);
    a
}

const CUE_EPOCHS: usize = 12;
const CONF_EPOCHS: usize = 12;
const SRC_EPOCHS: usize = 12;
const L2: f64 = 1.0;
const MIN_COUNT: u32 = 3;
const CUE_SHIFT: f64 = 1.0;

fn main() -> std::io::Result<()> {
    let args = args();
    let articles = read_gold(&args.gold, args.limit);
    std::fs::create_dir_all(&args.out)?;
    let fold_of = |k: usize| k % args.folds;
    let mut vocab = Vocabulary::default();
    let cue_bias = vocab.encode(&["cue:bias".to_string()])[0] as usize;

    // 1. cue-sense examples: the rules alone propose (no weights), features recorded
    let rules_only = analyzer("# rules only\n");
    let mut cue_examples: Vec<Vec<Example>> = Vec::with_capacity(articles.len());
    for art in &articles {
        let (_, proposals) = propose(&rules_only, &art.text);
        let gold_cues: Vec<Span> = art.gold.iter().flat_map(|g| g.cue.clone()).collect();
        cue_examples.push(
            proposals
                .iter()
                .filter(|p| p.decision == "cue")
                .map(|p| (vocab.encode(&p.features), overlaps_any(p.span, &gold_cues)))
                .collect(),
        );
    }
    let fit_cues = |vocab: &Vocabulary, keep: &dyn Fn(usize) -> bool| {
        let ex: Vec<&Example> = cue_examples
            .iter()
            .enumerate()
            .filter(|(k, _)| keep(*k))
            .flat_map(|(_, v)| v.iter())
            .collect();
        let mut w = fit(&ex, vocab.names.len(), CUE_EPOCHS, L2, MIN_COUNT);
        w[cue_bias] += args.cue_shift;
        w
    };

    // 2. source candidates: every article analysed with cue weights fitted without it
    // (all of them when there are no folds); a candidate is right when it overlaps a
    // source of a gold attribution whose cue overlaps the proposal's cue
    let folds = if args.folds > 1 { args.folds } else { 0 };
    let mut src_examples: Vec<Vec<Example>> = vec![Vec::new(); articles.len()];
    let mut att_examples: Vec<Vec<Example>> = vec![Vec::new(); articles.len()];
    let mut fold_cue_weights: Vec<Vec<f64>> = Vec::new();
    for fold in 0..folds.max(1) {
        let w = if folds > 0 {
            fit_cues(&vocab, &|k| fold_of(k) != fold)
        } else {
            fit_cues(&vocab, &|_| true)
        };
        let file = weights_file("# fold cue weights\n", &vocab, &[&w]);
        let fold_analyzer = analyzer(&file);
        for (k, art) in articles.iter().enumerate() {
            if folds > 0 && fold_of(k) != fold {
                continue;
            }
            let (_, proposals) = propose(&fold_analyzer, &art.text);
            // attachment: the candidate cue is right when it overlaps a cue of the gold
            // attribution whose content overlaps the quotation most
            att_examples[k] = proposals
                .iter()
                .filter(|p| p.decision == "att")
                .filter_map(|p| {
                    let cue = p.cue?;
                    let g = art
                        .gold
                        .iter()
                        .filter(|g| !g.cue.is_empty())
                        .map(|g| (shared_bytes(p.span, &g.content), g))
                        .filter(|(n, _)| *n > 0)
                        .max_by_key(|(n, _)| *n)?
                        .1;
                    Some((vocab.encode(&p.features), overlaps_any(cue, &g.cue)))
                })
                .collect();
            src_examples[k] = proposals
                .iter()
                .filter(|p| p.decision == "src")
                .filter_map(|p| {
                    let cue = p.cue?;
                    let g = art
                        .gold
                        .iter()
                        .find(|g| overlaps_any(cue, &g.cue) && !g.source.is_empty())?;
                    Some((vocab.encode(&p.features), overlaps_any(p.span, &g.source)))
                })
                .collect();
        }
        if folds > 0 {
            fold_cue_weights.push(w);
        }
    }
    let fit_src = |vocab: &Vocabulary, keep: &dyn Fn(usize) -> bool| {
        let ex: Vec<&Example> = src_examples
            .iter()
            .enumerate()
            .filter(|(k, _)| keep(*k))
            .flat_map(|(_, v)| v.iter())
            .collect();
        fit(&ex, vocab.names.len(), SRC_EPOCHS, L2, MIN_COUNT)
    };
    let fit_att = |vocab: &Vocabulary, keep: &dyn Fn(usize) -> bool| {
        let ex: Vec<&Example> = att_examples
            .iter()
            .enumerate()
            .filter(|(k, _)| keep(*k))
            .flat_map(|(_, v)| v.iter())
            .collect();
        fit(&ex, vocab.names.len(), SRC_EPOCHS, L2, MIN_COUNT)
    };
    // the source and attachment weights of each fold (one vector: their features differ)
    let fold_src_weights: Vec<Vec<f64>> = (0..folds)
        .map(|fold| {
            let src = fit_src(&vocab, &|k| fold_of(k) != fold);
            let att = fit_att(&vocab, &|k| fold_of(k) != fold);
            src.iter().zip(&att).map(|(x, y)| x + y).collect()
        })
        .collect();

    // 3. per fold: cue and source weights from the other folds; the held-out articles'
    // attributions with their confidence features and labels
    let mut conf_examples: Vec<Vec<Example>> = vec![Vec::new(); articles.len()];
    for fold in 0..folds {
        let file = weights_file(
            "# fold cue and source weights\n",
            &vocab,
            &[&fold_cue_weights[fold], &fold_src_weights[fold]],
        );
        let fold_analyzer = analyzer(&file);
        for (k, art) in articles.iter().enumerate() {
            if fold_of(k) != fold {
                continue;
            }
            let (doc, proposals) = propose(&fold_analyzer, &art.text);
            let labels = label_attributions(&doc, &art.gold);
            let conf: Vec<&Proposal> = proposals.iter().filter(|p| p.decision == "conf").collect();
            assert_eq!(
                conf.len(),
                doc.attributions.len(),
                "one proposal per attribution"
            );
            conf_examples[k] = conf
                .iter()
                .zip(&labels)
                .map(|(p, &y)| (vocab.encode(&p.features), y))
                .collect();
        }
    }
    let fit_conf = |vocab: &Vocabulary, keep: &dyn Fn(usize) -> bool| {
        let ex: Vec<&Example> = conf_examples
            .iter()
            .enumerate()
            .filter(|(k, _)| keep(*k))
            .flat_map(|(_, v)| v.iter())
            .collect();
        fit(&ex, vocab.names.len(), CONF_EPOCHS, L2, MIN_COUNT)
    };

    // 4. the cross-validated output: each fold analysed with the four models of the others
    let mut cv = BufWriter::new(std::fs::File::create(args.out.join("cv.sys.jsonl"))?);
    let mut gold_out = BufWriter::new(std::fs::File::create(args.out.join("gold.jsonl"))?);
    for art in &articles {
        writeln!(gold_out, "{}", art.line)?;
    }
    // (probability, right) of every cross-validated attribution
    let mut calibration: Vec<(f32, bool)> = Vec::new();
    for (fold, cue_weights) in fold_cue_weights.iter().enumerate() {
        // the confidence model may only see outputs of articles outside this fold, and
        // those came from cue weights that saw this fold: a small leak, the price of
        // not nesting the folds; the cue model of this fold did not see it
        let conf = fit_conf(&vocab, &|k| fold_of(k) != fold);
        let file = weights_file(
            "# fold weights\n",
            &vocab,
            &[cue_weights, &fold_src_weights[fold], &conf],
        );
        let fold_analyzer = analyzer(&file);
        for (k, art) in articles.iter().enumerate() {
            if fold_of(k) != fold {
                continue;
            }
            let doc = fold_analyzer.analyze(&art.text);
            let labels = label_attributions(&doc, &art.gold);
            calibration.extend(doc.attributions.iter().map(|a| a.confidence).zip(labels));
            writeln!(cv, "{}", article_json(&art.id, &doc))?;
        }
    }
    cv.flush()?;
    gold_out.flush()?;

    // 5. the final weights, from every article
    let cue = fit_cues(&vocab, &|_| true);
    let src: Vec<f64> = fit_src(&vocab, &|_| true)
        .iter()
        .zip(&fit_att(&vocab, &|_| true))
        .map(|(x, y)| x + y)
        .collect();
    let conf = if folds > 0 {
        fit_conf(&vocab, &|_| true)
    } else {
        Vec::new()
    };
    let header = format!(
        "# Learned weights of whosaid's attribution decisions: cue sense (`cue:`), \
         source choice (`src:`), \
         attachment (`att:`) and confidence (`conf:`).\n\
         # Produced by examples/train.rs (logistic regression, AdaGrad, {CUE_EPOCHS} epochs, \
         L2 {L2}, features seen at least {MIN_COUNT} times)\n\
         # from {} articles of {} ({} folds for the confidence model's cross-validated \
         training output).\n\
         # Regenerate: python3 ../shared/tools/polnear/gold.py ../shared/data/polnear/train \
         -o target/eval/train.gold.jsonl --quiet\n\
         #   cargo run --release --example train -- target/eval/train.gold.jsonl --folds 5 \
         --out target/train && cp target/train/linking_weights.txt src/lexicon/\n\
         # Cross-validated figures: README.md, Accuracy. Features are word classes, cue lemmas,\n\
         # closed-class words, punctuation and buckets; no name or phrase of an article.\n",
        articles.len(),
        args.gold.display(),
        args.folds,
    );
    let fitted: Vec<&[f64]> = if conf.is_empty() {
        vec![&cue, &src]
    } else {
        vec![&cue, &src, &conf]
    };
    std::fs::write(
        args.out.join("linking_weights.txt"),
        weights_file(&header, &vocab, &fitted),
    )?;

    // 6. calibration of the cross-validated confidences
    if !calibration.is_empty() {
        let mut bins = [(0usize, 0f64, 0usize); 10];
        for &(p, y) in &calibration {
            let b = ((p * 10.0) as usize).min(9);
            bins[b].0 += 1;
            bins[b].1 += f64::from(p);
            bins[b].2 += usize::from(y);
        }
        let n = calibration.len() as f64;
        let mut ece = 0.0;
        println!("| confidence | attributions | mean confidence | share right |");
        println!("|---|---|---|---|");
        for (b, &(count, sum, right)) in bins.iter().enumerate() {
            if count == 0 {
                println!(
                    "| {:.1}–{:.1} | 0 | | |",
                    b as f64 / 10.0,
                    (b + 1) as f64 / 10.0
                );
                continue;
            }
            let (mean, acc) = (sum / count as f64, right as f64 / count as f64);
            ece += count as f64 / n * (mean - acc).abs();
            println!(
                "| {:.1}–{:.1} | {count} | {mean:.3} | {acc:.3} |",
                b as f64 / 10.0,
                (b + 1) as f64 / 10.0
            );
        }
        println!(
            "expected calibration error (10 bins, {} cross-validated attributions): {ece:.4}",
            calibration.len()
        );
    }
    eprintln!(
        "{} articles, {} features; wrote {}",
        articles.len(),
        vocab.names.len(),
        args.out.display()
    );
    Ok(())
}
