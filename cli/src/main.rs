//! `whosaid`: who said what in news text, from the command line.
//!
//! ```text
//! whosaid annotate article.txt              # a table of its attributions
//! echo '“Fine,” said the mayor.' | whosaid annotate --json
//! whosaid annotate --json DIR > out.jsonl   # every *.txt under DIR, one JSON line each
//! whosaid annotate --jsonl in.jsonl > out.jsonl   # {"id","text"} lines
//! whosaid highlight article.txt > page.html
//! whosaid explain article.txt
//! whosaid sentences --jsonl --quotes split < in.jsonl
//! ```
//!
//! Run `whosaid help` and `whosaid help COMMAND` for every option and the exit codes.

#![forbid(unsafe_code)]

mod batch;
mod explain;
mod highlight;
mod input;
mod json;
mod jsonl;
mod record;
mod table;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Deserialize;
use serde_json::value::RawValue;
use whosaid::{Analyzer, Offsets, QuotePolicy, Segmenter};

use crate::batch::{INTERRUPTED, Options, Summary};
use crate::input::{Entry, Id, Job, Limits};

const EXIT_CODES: &str = "\
Exit status:
  0    the run completed. An input that cannot be used (unreadable, not a regular
       file, too large, not UTF-8, a malformed JSON line) does not stop it: it gets an
       error line {\"error\",\"id\"} in JSON output, a message on stderr otherwise, and
       is counted in the summary. A closed output pipe (`| head`) also ends the run
       quietly with 0.
  1    a fatal error: an input list or JSONL file that cannot be opened, output that
       cannot be written.
  2    a usage error: an unknown option, a bad value, no input.
  3    with --strict: the run completed, but some inputs could not be used.
  130  interrupted (Ctrl-C): every record written is complete, with its newline.";

/// Who said what in news text: quotations and reported speech, with their speakers,
/// cues, addressees and media.
#[derive(Parser, Debug)]
#[command(name = "whosaid", version, after_help = EXIT_CODES, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Attributions of articles: a table per article, or one JSON line per article
    /// (--json, --jsonl).
    #[command(after_help = EXIT_CODES)]
    Annotate(AnnotateArgs),
    /// One article as a self-contained HTML page, each quotation in its speaker's colour.
    #[command(after_help = EXIT_CODES)]
    Highlight(SingleArgs),
    /// One article sentence by sentence: its quotations and each attribution with the
    /// rule that decided it.
    #[command(after_help = EXIT_CODES)]
    Explain(SingleArgs),
    /// Sentences of texts: one per line, or their offsets as JSON lines.
    #[command(after_help = EXIT_CODES)]
    Sentences(SentencesArgs),
}

/// Where articles come from.
#[derive(Args, Debug)]
struct InputArgs {
    /// Files and folders to read (folders recursively). `-` or nothing: read stdin (one
    /// article, or JSONL with --jsonl).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Read the paths of the articles from FILE, one per line (blank lines skipped).
    #[arg(long, value_name = "FILE")]
    list: Option<PathBuf>,
    /// The inputs are JSON lines {"id": …, "text": "…"}; one output line per input
    /// line, the id written back exactly as given. Implies --json.
    #[arg(long)]
    jsonl: bool,
    /// Extensions of the files taken from folders, comma-separated, case-insensitive;
    /// `*` takes every file.
    #[arg(
        long,
        value_name = "EXT,…",
        value_delimiter = ',',
        default_value = "txt"
    )]
    ext: Vec<String>,
    /// The largest article read (a file, stdin, or a JSONL line), in bytes or with a
    /// unit (KB, MB, GB, KiB, MiB, GiB). A larger one gets an error line; the run goes on.
    #[arg(long, value_name = "SIZE", default_value = "64MB", value_parser = parse_size)]
    max_size: u64,
    /// Follow symbolic links that lead out of a folder being read (refused by default).
    #[arg(long)]
    follow_symlinks: bool,
}

/// How a batch runs.
#[derive(Args, Debug)]
struct RunArgs {
    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    threads: Option<u32>,
    /// No progress bar and no summary on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Exit with 3 when some inputs could not be used.
    #[arg(long)]
    strict: bool,
}

#[derive(Args, Debug)]
struct AnnotateArgs {
    #[command(flatten)]
    input: InputArgs,
    /// One JSON line per article (instead of a table): the record of
    /// schema/document.schema.json, with "id" first.
    #[arg(long)]
    json: bool,
    /// Unit of the offsets in JSON output: UTF-8 bytes, chars (Python `str` indices) or
    /// UTF-16 code units (JavaScript).
    #[arg(long, value_name = "UNIT", default_value = "bytes", value_parser = parse_offsets)]
    offsets: Offsets,
    /// Include each article's text in its JSON record (key "text"), so that
    /// `whosaid::OwnedDocument` can read the record back.
    #[arg(long)]
    text: bool,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Args, Debug)]
struct SingleArgs {
    /// The article: a file, or `-` / nothing for stdin.
    #[arg(value_name = "FILE")]
    path: Option<PathBuf>,
    /// The largest article read, in bytes or with a unit (KB, MB, GB, KiB, MiB, GiB).
    #[arg(long, value_name = "SIZE", default_value = "64MB", value_parser = parse_size)]
    max_size: u64,
    /// Title of the page (highlight) [default: the file name].
    #[arg(long)]
    title: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum QuotesArg {
    /// A quotation stays inside one sentence.
    Keep,
    /// Sentences inside a quotation are split.
    Split,
}

#[derive(Args, Debug)]
struct SentencesArgs {
    #[command(flatten)]
    input: InputArgs,
    /// One JSON line per text, {"id","sentences":[[start,end],…]} (implied by --jsonl
    /// and --golden).
    #[arg(long)]
    json: bool,
    /// Read a JSON array [{"id","input"},…] (the Golden Rules file); write one JSON line
    /// per case.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "list", "jsonl"])]
    golden: Option<PathBuf>,
    /// Quotation policy [default: keep for plain text, split for JSON output].
    #[arg(long, value_enum)]
    quotes: Option<QuotesArg>,
    /// Unit of the offsets in JSON output.
    #[arg(long, value_name = "UNIT", default_value = "bytes", value_parser = parse_offsets)]
    offsets: Offsets,
    #[command(flatten)]
    run: RunArgs,
}

fn parse_offsets(s: &str) -> Result<Offsets, String> {
    s.parse()
        .map_err(|_| format!("unknown offset unit {s:?} (bytes, chars or utf16)"))
}

/// `123`, `64MB`, `1.5GiB`, …
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size (e.g. 64MB, 500KiB, 1000000)"))?;
    let factor: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "unknown size unit {other:?} (KB, MB, GB, KiB, MiB, GiB)"
            ));
        }
    };
    Ok((number * factor) as u64)
}

/// What went wrong, for the exit code.
enum Failure {
    Usage(String),
    Fatal(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // First Ctrl-C: finish the records under way. A second one: stop at once.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let result = match cli.command {
        Command::Annotate(args) => annotate(args),
        Command::Highlight(args) => single(args, Single::Highlight),
        Command::Explain(args) => single(args, Single::Explain),
        Command::Sentences(args) => sentences(args),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("whosaid: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Fatal(message)) => {
            eprintln!("whosaid: {message}");
            ExitCode::from(1)
        }
    }
}

fn threads(run: &RunArgs) -> usize {
    run.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |n| n as usize,
    )
}

fn exit_code(summary: &Summary, strict: bool) -> ExitCode {
    if summary.interrupted && !summary.closed_pipe {
        ExitCode::from(130)
    } else if strict && summary.errors > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

/// The jobs of the inputs, in order, and their total size when known. JSONL lines are
/// read into their ids and texts by the reader thread for one worker (its thread has
/// a core to itself then), and handed on unread, for the workers to read, for several
/// (the reader would be the one thread they all wait for).
fn jobs(
    input: &InputArgs,
    threads: usize,
) -> Result<(Box<dyn Iterator<Item = Job> + Send>, u64), Failure> {
    let limits = Limits {
        follow_symlinks: input.follow_symlinks,
        extensions: input
            .ext
            .iter()
            .map(|e| e.trim_start_matches('.').to_lowercase())
            .collect(),
    };
    let max_size = input.max_size;
    let mut paths = input.paths.clone();
    if paths.is_empty() && input.list.is_none() {
        if io::stdin().is_terminal() {
            return Err(Failure::Usage(
                "no input: give files or folders, --list FILE, or pipe text in (`-` reads stdin)"
                    .into(),
            ));
        }
        paths.push(PathBuf::from("-"));
    }
    let mut total = 0u64;
    if input.jsonl {
        let mut streams = Vec::new();
        for p in &paths {
            total += input::input_size(p);
            streams.push(input::open_stream(p).map_err(Failure::Fatal)?);
        }
        if let Some(list) = &input.list {
            return Err(Failure::Usage(format!(
                "--list {} and --jsonl do not go together: a list names text files",
                list.display()
            )));
        }
        let jobs = streams
            .into_iter()
            .flat_map(move |s| input::jsonl_jobs(s, max_size, threads == 1));
        return Ok((Box::new(jobs), total));
    }
    let several = paths.len() + usize::from(input.list.is_some()) > 1;
    let mut sources: Vec<Box<dyn Iterator<Item = Job> + Send>> = Vec::new();
    for p in paths {
        if p == Path::new("-") {
            sources.push(Box::new(std::iter::once_with(move || {
                input::stdin_job(max_size)
            })));
        } else if p.is_dir() {
            let walk = input::Walk::new(&p, several, &limits);
            sources.push(Box::new(
                walk.map(move |e| input::job_from_entry(e, max_size)),
            ));
        } else {
            total += input::input_size(&p);
            let entry = Entry {
                id: p.to_string_lossy().into_owned(),
                path: Ok(p),
            };
            sources.push(Box::new(std::iter::once_with(move || {
                input::job_from_entry(entry, max_size)
            })));
        }
    }
    if let Some(list) = &input.list {
        let stream = input::open_stream(list).map_err(Failure::Fatal)?;
        sources.push(Box::new(
            input::list_entries(stream).map(move |e| input::job_from_entry(e, max_size)),
        ));
    }
    Ok((Box::new(sources.into_iter().flatten()), total))
}

/// Stdout, buffered, for the one-article commands.
fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Stdout for a batch run, unbuffered: its writer gathers whole records and hands them
/// to the system together by vectored writes. On Unix it is a duplicate of the stdout
/// descriptor (the same open file), since `Stdout` itself is line-buffered and searches
/// every byte written for a line end (11 M instructions for the records of PolNeAR
/// train; a `BufWriter` in front copied every byte instead).
fn batch_stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(descriptor) = io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(descriptor));
        }
    }
    Box::new(io::stdout().lock())
}

fn error_line(id: &Id, message: &str, buf: &mut Vec<u8>) {
    #[derive(serde::Serialize)]
    struct ErrorLine<'a> {
        error: &'a str,
        id: &'a Id,
    }
    let _ = serde_json::to_writer(&mut *buf, &ErrorLine { error: message, id });
    buf.push(b'\n');
}

thread_local! {
    /// The working memory of each batch thread's analyses, kept from one article to
    /// the next.
    static WORKSPACE: std::cell::RefCell<whosaid::Workspace> =
        std::cell::RefCell::new(whosaid::Workspace::new());
}

/// `text` analysed with this thread's workspace.
fn analyze_with_thread_workspace<'t>(analyzer: &Analyzer, text: &'t str) -> whosaid::Document<'t> {
    WORKSPACE.with_borrow_mut(|workspace| analyzer.analyze_with_workspace(text, workspace))
}

fn annotate(args: AnnotateArgs) -> Result<ExitCode, Failure> {
    let json = args.json || args.input.jsonl;
    let threads = threads(&args.run);
    let (jobs, total_bytes) = jobs(&args.input, threads)?;
    let analyzer = Analyzer::new();
    let options = Options {
        threads,
        quiet: args.run.quiet,
        errors_to_stderr: !json,
        total_bytes,
    };
    let (offsets, with_text) = (args.offsets, args.text);
    let mut tables = 0usize;
    let table_count = std::sync::atomic::AtomicUsize::new(0);
    let process = |job: &Job, buf: &mut Vec<u8>| -> Option<String> {
        match (&job.text, json) {
            (Ok(text), true) => {
                let doc = analyze_with_thread_workspace(&analyzer, text);
                if let Err(e) = record::write(buf, &doc, Some(&job.id), with_text, offsets) {
                    buf.clear();
                    let message = format!("cannot write the record: {e}");
                    error_line(&job.id, &message, buf);
                    return Some(message);
                }
                buf.push(b'\n');
                None
            }
            (Ok(text), false) => {
                let doc = analyze_with_thread_workspace(&analyzer, text);
                table_count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let _ = writeln!(buf, "{}\n", job.id);
                let _ = table::write_table(&doc, buf);
                buf.push(b'\n');
                None
            }
            (Err(e), true) => {
                error_line(&job.id, e, buf);
                Some(format!("{}: {e}", job.id))
            }
            (Err(e), false) => Some(format!("{}: {e}", job.id)),
        }
    };
    let mut out = batch_stdout();
    let summary = batch::run(jobs, &options, process, &mut out).map_err(|e| {
        Failure::Fatal(format!(
            "cannot write the output: {}",
            input::io_message(&e)
        ))
    })?;
    tables += table_count.into_inner();
    if !json && tables > 0 && !summary.closed_pipe && !args.run.quiet {
        let _ = writeln!(out, "{}", table::HINT);
        let _ = out.flush();
    }
    Ok(exit_code(&summary, args.run.strict))
}

enum Single {
    Highlight,
    Explain,
}

fn single(args: SingleArgs, what: Single) -> Result<ExitCode, Failure> {
    let path = args.path.unwrap_or_else(|| PathBuf::from("-"));
    let text = if path == Path::new("-") {
        if io::stdin().is_terminal() {
            return Err(Failure::Usage(
                "no input: give a file, or pipe text in".into(),
            ));
        }
        input::read_bounded(io::stdin().lock(), args.max_size, 0)
    } else {
        input::read_file(&path, args.max_size)
    };
    let text = text.map_err(|e| Failure::Fatal(format!("{}: {e}", path.display())))?;
    // explain shows the learned decisions' features: the analysis records them
    let (doc, proposals) = match what {
        Single::Explain => whosaid::training::propose(&whosaid::Analyzer::default(), &text),
        Single::Highlight => (whosaid::analyze(&text), Vec::new()),
    };
    let mut out = stdout();
    let written = match what {
        Single::Highlight => {
            let title = args.title.unwrap_or_else(|| {
                path.file_name()
                    .map_or_else(|| "stdin".to_string(), |n| n.to_string_lossy().into_owned())
            });
            out.write_all(highlight::page(&title, &doc).as_bytes())
        }
        Single::Explain => explain::write_explanation(&doc, &proposals, &mut out),
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Fatal(format!(
            "cannot write the output: {}",
            input::io_message(&e)
        ))),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// One case of a Golden Rules file.
#[derive(Deserialize)]
struct GoldenCase {
    #[serde(default)]
    id: Option<Box<RawValue>>,
    input: Option<String>,
}

fn sentences(args: SentencesArgs) -> Result<ExitCode, Failure> {
    let json = args.json || args.input.jsonl || args.golden.is_some();
    let policy = match args.quotes {
        Some(QuotesArg::Keep) => QuotePolicy::Keep,
        Some(QuotesArg::Split) => QuotePolicy::Split,
        None if json => QuotePolicy::Split,
        None => QuotePolicy::Keep,
    };
    let segmenter = Segmenter::builder()
        .quote_policy(policy)
        .build()
        .map_err(|e| Failure::Fatal(e.to_string()))?;
    let (jobs, total_bytes): (Box<dyn Iterator<Item = Job> + Send>, u64) = match &args.golden {
        Some(file) => {
            let data = input::read_file(file, args.input.max_size)
                .map_err(|e| Failure::Fatal(format!("{}: {e}", file.display())))?;
            let cases: Vec<GoldenCase> = serde_json::from_str(&data).map_err(|e| {
                Failure::Fatal(format!(
                    "{}: not a JSON array of cases: {e}",
                    file.display()
                ))
            })?;
            let jobs = cases.into_iter().enumerate().map(|(k, c)| {
                let id =
                    c.id.map_or_else(|| Id::Name(format!("case {}", k + 1)), Id::Raw);
                Job::new(id, Ok(c.input.unwrap_or_default()), 0)
            });
            (Box::new(jobs.collect::<Vec<_>>().into_iter()), 0)
        }
        None => jobs(&args.input, threads(&args.run))?,
    };
    let options = Options {
        threads: threads(&args.run),
        quiet: args.run.quiet || !json,
        errors_to_stderr: !json,
        total_bytes,
    };
    let offsets = args.offsets;
    let process = |job: &Job, buf: &mut Vec<u8>| -> Option<String> {
        match &job.text {
            Ok(text) if json => {
                #[derive(serde::Serialize)]
                struct SentencesLine<'a> {
                    id: &'a Id,
                    sentences: Vec<[usize; 2]>,
                }
                let converter =
                    (offsets != Offsets::Bytes).then(|| whosaid::OffsetConverter::new(text));
                let at = |b: usize| match (&converter, offsets) {
                    (Some(c), Offsets::Chars) => c.char_offset(b),
                    (Some(c), Offsets::Utf16) => c.utf16_offset(b),
                    _ => b,
                };
                let sentences = segmenter
                    .sentences(text)
                    .map(|s| [at(s.span.start), at(s.span.end)])
                    .collect();
                let _ = serde_json::to_writer(
                    &mut *buf,
                    &SentencesLine {
                        id: &job.id,
                        sentences,
                    },
                );
                buf.push(b'\n');
                None
            }
            Ok(text) => {
                for s in segmenter.sentences(text) {
                    buf.extend_from_slice(s.text.replace('\n', " ").as_bytes());
                    buf.push(b'\n');
                }
                None
            }
            Err(e) => {
                if json {
                    error_line(&job.id, e, buf);
                }
                Some(format!("{}: {e}", job.id))
            }
        }
    };
    let mut out = batch_stdout();
    let summary = batch::run(jobs, &options, process, &mut out).map_err(|e| {
        Failure::Fatal(format!(
            "cannot write the output: {}",
            input::io_message(&e)
        ))
    })?;
    Ok(exit_code(&summary, args.run.strict))
}
