//! Print the sentences of a text, one per line, or write their byte offsets as JSONL.
//!
//! ```text
//! cargo run --release --example sentences -- FILE              # plain text, one sentence a line
//! cargo run --release --example sentences -- < FILE            # the same from stdin
//! cargo run --release --example sentences -- --jsonl [FILE]    # {"id","text"} lines in,
//!                                                               # {"id","sentences":[[s,e],..]} out
//! cargo run --release --example sentences -- --golden FILE     # a JSON array [{"id","input"},..]
//!                                                               # (the Golden Rules file), JSONL out
//! ```
//!
//! `--quotes keep|split` chooses the quotation policy. Plain mode defaults to `keep`;
//! `--jsonl` and `--golden` default to `split`. Offsets in JSONL output are UTF-8 byte
//! offsets into the input text (score them with `--bytes`). Blank input lines in
//! `--jsonl` mode are skipped; a line without `text` gets an empty sentence list.
//!
//! Scoring, from the crate root:
//!
//! ```text
//! cargo run --release --example sentences -- --jsonl --quotes split \
//!     < ../shared/data/sbd/gum_dev.jsonl > target/gum.sys.jsonl
//! python3 ../shared/tools/sbd/score.py ../shared/data/sbd/gum_dev.jsonl target/gum.sys.jsonl --bytes
//! cargo run --release --example sentences -- --golden ../shared/data/sbd/golden_rules_en.json \
//!     --quotes keep > target/golden.keep.jsonl
//! python3 ../shared/tools/sbd/golden.py ../shared/data/sbd/golden_rules_en.json \
//!     target/golden.keep.jsonl --bytes
//! ```

use std::io::{BufWriter, Read, Write};

use whosaid::{QuotePolicy, Segmenter};

fn usage() -> ! {
    eprintln!("usage: sentences [--quotes keep|split] [--jsonl | --golden FILE] [FILE]");
    std::process::exit(2)
}

fn read_input(path: Option<&str>) -> String {
    let mut s = String::new();
    match path {
        Some(p) => {
            s = std::fs::read_to_string(p).unwrap_or_else(|e| {
                eprintln!("cannot read {p}: {e}");
                std::process::exit(1)
            })
        }
        None => {
            if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                eprintln!("cannot read stdin: {e}");
                std::process::exit(1)
            }
        }
    }
    s
}

fn write_record(out: &mut impl Write, seg: &Segmenter, id: &serde_json::Value, text: &str) {
    let spans: Vec<[usize; 2]> = seg
        .sentences(text)
        .map(|s| [s.span.start, s.span.end])
        .collect();
    let rec = serde_json::json!({ "id": id, "sentences": spans });
    writeln!(out, "{rec}").expect("write");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut jsonl, mut golden, mut policy, mut file) = (false, None, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "--golden" => golden = Some(args.next().unwrap_or_else(|| usage())),
            "--quotes" => {
                policy = Some(match args.next().as_deref() {
                    Some("keep") => QuotePolicy::Keep,
                    Some("split") => QuotePolicy::Split,
                    _ => usage(),
                })
            }
            "-h" | "--help" => usage(),
            _ if file.is_none() && !a.starts_with("--") => file = Some(a),
            _ => usage(),
        }
    }
    let structured = jsonl || golden.is_some();
    let default_policy = if structured {
        QuotePolicy::Split
    } else {
        QuotePolicy::Keep
    };
    let seg = Segmenter::builder()
        .quote_policy(policy.unwrap_or(default_policy))
        .build()
        .expect("valid settings");
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if let Some(g) = golden {
        let data = read_input(Some(&g));
        let cases: Vec<serde_json::Value> = serde_json::from_str(&data).unwrap_or_else(|e| {
            eprintln!("{g}: not a JSON array: {e}");
            std::process::exit(1)
        });
        for case in &cases {
            let text = case["input"].as_str().unwrap_or("");
            write_record(&mut out, &seg, &case["id"], text);
        }
    } else if jsonl {
        let data = read_input(file.as_deref());
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| {
                eprintln!("line {}: bad JSON: {e}", n + 1);
                std::process::exit(1)
            });
            write_record(&mut out, &seg, &v["id"], v["text"].as_str().unwrap_or(""));
        }
    } else {
        let text = read_input(file.as_deref());
        for s in seg.sentences(&text) {
            writeln!(out, "{}", s.text.replace('\n', " ")).expect("write");
        }
    }
    out.flush().expect("flush");
}
