//! Who said what, for one article or a hundred thousand.
//!
//! ```text
//! cargo run --release --example annotate                      # the bundled sample, as a table
//! cargo run --release --example annotate -- article.txt       # one file, as a table
//! cargo run --release --example annotate -- --json article.txt
//! cargo run --release --example annotate -- DIR               # every *.txt in DIR -> JSONL (id = file stem)
//! cargo run --release --example annotate -- --list FILES.txt  # paths, one per line -> JSONL
//! cargo run --release --example annotate -- --jsonl < in.jsonl  # {"id","text"} lines -> JSONL
//! ```
//!
//! Options: `--threads N` (default: all cores), `--quiet` (no progress on stderr).
//!
//! Each output line follows the PolNeAR scorer's contract (UTF-8 byte offsets):
//! `{"id","quotes":[{"start","end","text","kind","speaker","cue","content",...}],
//! "nonspeech":[...],"sentences":[[s,e],...],"speakers":[...]}`, one quote per
//! attribution. `start`/`end` is its quoted part (`Document::quoted_span`: from the first
//! quotation mark to the last) when it has one, else (indirect speech) its content;
//! `content` is always the reported content, the clause of a mixed or partial
//! attribution included. Every input gives exactly one line, in input order; an input
//! that cannot be read gives `{"id","error"}` and the run goes on.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::{Value, json};
use whosaid::{Analyzer, AttributionKind, Document, QuoteKind, Span};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/summit.txt");

fn span_json(text: &str, s: Option<Span>) -> Value {
    match s {
        Some(s) => json!({"start": s.start, "end": s.end, "text": &text[s]}),
        None => Value::Null,
    }
}

/// The JSON line for one article.
fn article_json(id: &str, doc: &Document<'_>) -> Value {
    let text = doc.text;
    let quotes: Vec<Value> = doc
        .attributions
        .iter()
        .map(|a| {
            let speaker = doc.speaker_of(a);
            let span = doc.quoted_span(a).unwrap_or(a.content);
            json!({
                "start": span.start,
                "end": span.end,
                "text": &text[span],
                "kind": a.kind.name(),
                "mode": a.mode.name(),
                "content": span_json(text, Some(a.content)),
                "speaker": span_json(text, a.speaker.map(|m| m.span)),
                "cue": span_json(text, a.cue),
                "name": speaker.map(|s| s.name),
                "gender": speaker.map(|s| s.gender.name()),
                "entity": a.entity,
                "addressee": span_json(text, a.addressee),
                "medium": span_json(text, a.medium),
                "confidence": (f64::from(a.confidence) * 100.0).round() / 100.0,
                "rule": a.rule.name(),
            })
        })
        .collect();
    let nonspeech: Vec<Value> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::NotSpeech)
        .map(|q| json!({"start": q.span.start, "end": q.span.end, "text": q.text, "kind": q.kind.name()}))
        .collect();
    let sentences: Vec<[usize; 2]> = doc
        .sentences
        .iter()
        .map(|s| [s.span.start, s.span.end])
        .collect();
    let speakers: Vec<Value> = doc
        .speakers
        .iter()
        .map(|s| {
            json!({"id": s.id, "name": s.name, "kind": s.kind.name(), "gender": s.gender.name(),
                   "mentions": s.mentions.iter().map(|m| [m.start, m.end]).collect::<Vec<_>>()})
        })
        .collect();
    json!({"id": id, "quotes": quotes, "nonspeech": nonspeech, "sentences": sentences, "speakers": speakers})
}

fn shorten(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let cut: String = one_line.chars().take(n - 1).collect();
        format!("{cut}…")
    }
}

/// A readable table of the attributions of one article, with the speakers, the quotations
/// that are not speech, and where to look next.
fn print_table(doc: &Document<'_>, out: &mut impl Write) -> std::io::Result<()> {
    let text = doc.text;
    writeln!(
        out,
        "{:<3} {:<44} {:<8} {:<20} {:<12} {:<14} {:<16} {:>4}  rule",
        "#", "content", "kind", "speaker", "cue", "addressee", "medium", "conf"
    )?;
    writeln!(out, "{}", "-".repeat(150))?;
    for (i, a) in doc.attributions.iter().enumerate() {
        let speaker = doc
            .speaker_of(a)
            .map(|s| s.name.to_string())
            .or_else(|| a.speaker.map(|m| text[m.span].to_string()))
            .unwrap_or_else(|| "?".into());
        let f =
            |s: Option<Span>, n: usize| s.map_or_else(|| "-".to_string(), |s| shorten(&text[s], n));
        writeln!(
            out,
            "{:<3} {:<44} {:<8} {:<20} {:<12} {:<14} {:<16} {:>4.2}  {}",
            i + 1,
            shorten(&text[a.content], 44),
            a.kind.name(),
            shorten(&speaker, 20),
            f(a.cue, 12),
            f(a.addressee, 14),
            f(a.medium, 16),
            a.confidence,
            a.rule.name()
        )?;
    }
    let direct = doc
        .attributions
        .iter()
        .filter(|a| a.kind != AttributionKind::Indirect)
        .count();
    writeln!(
        out,
        "\n{} attributions ({} with quotation marks) in {} sentences, {} paragraphs",
        doc.attributions.len(),
        direct,
        doc.sentences.len(),
        doc.paragraphs.len()
    )?;
    writeln!(out, "{} speakers:", doc.speakers.len())?;
    for s in &doc.speakers {
        let n = doc
            .attributions
            .iter()
            .filter(|a| a.entity == Some(s.id))
            .count();
        let mentions: Vec<&str> = s.mentions.iter().map(|m| &text[*m]).collect();
        let mut seen: Vec<&str> = Vec::new();
        for m in mentions {
            if !seen.contains(&m) {
                seen.push(m);
            }
        }
        writeln!(
            out,
            "  {:<28} {:<12} {:>2} attribution{}  mentions: {}",
            shorten(s.name, 28),
            s.kind.name(),
            n,
            if n == 1 { " " } else { "s" },
            shorten(&seen.join(", "), 70)
        )?;
    }
    let ns: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::NotSpeech)
        .map(|q| q.text)
        .collect();
    if !ns.is_empty() {
        writeln!(out, "not speech: {}", ns.join(", "))?;
    }
    writeln!(
        out,
        "\nByte offsets and every field: --json. As a coloured page: cargo run --release --example highlight > page.html.\nWhat each rule means, and the known limits: RULES.md."
    )?;
    Ok(())
}

/// One unit of batch work: an id and either the text or what went wrong reading it.
struct Job {
    id: String,
    text: Result<String, String>,
}

fn read_file(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

fn job_from_path(path: &Path) -> Job {
    let id = path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    Job {
        id,
        text: read_file(path),
    }
}

fn job_from_json_line(lineno: usize, line: Result<String, std::io::Error>) -> Job {
    let fallback = format!("line {lineno}");
    let line = match line {
        Ok(l) => l,
        Err(e) => {
            return Job {
                id: fallback,
                text: Err(format!("cannot read line: {e}")),
            };
        }
    };
    match serde_json::from_str::<Value>(&line) {
        Ok(v) => {
            let id = match v.get("id") {
                Some(Value::String(s)) => s.clone(),
                Some(other) if !other.is_null() => other.to_string(),
                _ => fallback,
            };
            match v.get("text").and_then(Value::as_str) {
                Some(t) => Job {
                    id,
                    text: Ok(t.to_string()),
                },
                None => Job {
                    id,
                    text: Err("missing string field \"text\"".into()),
                },
            }
        }
        Err(e) => Job {
            id: fallback,
            text: Err(format!("malformed JSON: {e}")),
        },
    }
}

/// Lines of a byte stream, each decoded on its own so one bad line does not stop the run.
fn lines_lossless(mut r: impl BufRead) -> impl Iterator<Item = Result<String, std::io::Error>> {
    std::iter::from_fn(move || {
        let mut buf = Vec::new();
        match r.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                Some(String::from_utf8(buf).map_err(|e| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                    )
                }))
            }
            Err(e) => Some(Err(e)),
        }
    })
}

/// Analyse jobs on `threads` threads, writing one line per job in input order.
fn run_batch(
    jobs: impl Iterator<Item = Job>,
    threads: usize,
    quiet: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let analyzer = Analyzer::new();
    let start = Instant::now();
    let (mut n, mut bytes, mut errors) = (0usize, 0usize, 0usize);
    let mut last_report = Instant::now();
    let mut jobs = jobs.peekable();
    const CHUNK: usize = 256;
    while jobs.peek().is_some() {
        let chunk: Vec<Job> = jobs.by_ref().take(CHUNK).collect();
        let per = chunk.len().div_ceil(threads.max(1));
        let lines: Vec<String> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(per.max(1))
                .map(|part| {
                    let analyzer = analyzer.clone();
                    s.spawn(move || {
                        part.iter()
                            .map(|job| match &job.text {
                                Ok(t) => article_json(&job.id, &analyzer.analyze(t)).to_string(),
                                Err(e) => json!({"id": job.id, "error": e}).to_string(),
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("analysis never panics"))
                .collect()
        });
        for (job, line) in chunk.iter().zip(&lines) {
            n += 1;
            match &job.text {
                Ok(t) => bytes += t.len(),
                Err(_) => errors += 1,
            }
            writeln!(out, "{line}")?;
        }
        if !quiet && last_report.elapsed().as_secs_f64() > 2.0 {
            last_report = Instant::now();
            eprintln!("… {n} articles, {:.1} MB", bytes as f64 / 1e6);
        }
    }
    out.flush()?;
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    if !quiet {
        eprintln!(
            "{n} articles ({errors} errors), {:.2} MB in {secs:.2} s on {threads} thread(s): {:.0} articles/s, {:.1} MB/s",
            bytes as f64 / 1e6,
            n as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
    Ok(())
}

fn usage() -> ! {
    eprintln!(
        "usage: annotate [--json] [FILE.txt]\n       annotate [--threads N] [--quiet] DIR | --list PATHS.txt | --jsonl [IN.jsonl]"
    );
    std::process::exit(2)
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (mut json_out, mut jsonl, mut list, mut quiet) = (false, false, false, false);
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut target: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json_out = true,
            "--jsonl" => jsonl = true,
            "--list" => list = true,
            "--quiet" => quiet = true,
            "--threads" => {
                threads = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage())
            }
            "-h" | "--help" => usage(),
            _ if a.starts_with("--") => usage(),
            _ => target = Some(PathBuf::from(a)),
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if jsonl {
        return match target {
            Some(p) => {
                let f = std::fs::File::open(&p)?;
                let jobs = lines_lossless(std::io::BufReader::new(f))
                    .enumerate()
                    .filter(|(_, l)| !matches!(l, Ok(s) if s.trim().is_empty()))
                    .map(|(i, l)| job_from_json_line(i + 1, l));
                run_batch(jobs, threads, quiet, &mut out)
            }
            None => {
                let stdin = std::io::stdin();
                let jobs = lines_lossless(stdin.lock())
                    .enumerate()
                    .filter(|(_, l)| !matches!(l, Ok(s) if s.trim().is_empty()))
                    .map(|(i, l)| job_from_json_line(i + 1, l));
                run_batch(jobs, threads, quiet, &mut out)
            }
        };
    }
    if list {
        let Some(p) = target else { usage() };
        let mut s = String::new();
        std::fs::File::open(&p)?.read_to_string(&mut s)?;
        let paths: Vec<PathBuf> = s
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| PathBuf::from(l.trim()))
            .collect();
        return run_batch(
            paths.iter().map(|p| job_from_path(p)),
            threads,
            quiet,
            &mut out,
        );
    }
    let path = target.unwrap_or_else(|| PathBuf::from(SAMPLE));
    if path.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        return run_batch(
            paths.iter().map(|p| job_from_path(p)),
            threads,
            quiet,
            &mut out,
        );
    }
    let text = match read_file(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("annotate: {e}");
            std::process::exit(1);
        }
    };
    let doc = Analyzer::new().analyze(&text);
    if json_out {
        let id = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        writeln!(out, "{}", article_json(&id, &doc))?;
    } else {
        writeln!(
            out,
            "{}\n",
            path.file_name()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        )?;
        print_table(&doc, &mut out)?;
    }
    Ok(())
}
