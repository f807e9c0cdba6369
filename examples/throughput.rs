//! Throughput of the analysis alone: `Analyzer::analyze` article by article over a folder
//! of text files, with one `Analyzer`, on one thread. Prints the bytes analysed and the
//! speed in thread CPU time and in wall time.
//!
//! ```text
//! cargo build --release --example throughput
//! target/release/examples/throughput                      # ../shared/data/polnear/train/text
//! target/release/examples/throughput DIR --repeat=5       # five passes, the fastest reported
//! valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
//!     target/release/examples/throughput                  # instructions: the `I refs` line
//! ```
//!
//! The folder's `*.txt` files are read in name order before any timing. CPU time is the
//! thread's own (`/proc/thread-self/schedstat`, nanoseconds; Linux only; on other systems
//! only wall time is printed), so busy neighbours on a shared machine slow the wall-clock
//! figure but much less the CPU one. Under cachegrind, divide `I refs` by the bytes
//! printed for instructions per byte (the count includes reading the files and building
//! the analyzer's tables, a small part of it).

use std::path::{Path, PathBuf};
use std::time::Instant;

use whosaid::Analyzer;

/// The calling thread's CPU time so far in nanoseconds, when the system tells it.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn read_texts(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut paths: Vec<(std::ffi::OsString, PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| (e.file_name(), e.path())))
        .filter(|(_, path)| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    // one folder: the file names give the paths' order, compared as bytes (comparing
    // whole paths walks their components: ten million instructions for these 840 files
    // under cachegrind, counted with the analysis)
    paths.sort_unstable_by(|first, second| first.0.cmp(&second.0));
    paths
        .iter()
        .map(|(_, path)| std::fs::read_to_string(path))
        .collect()
}

fn main() {
    let mut dir = PathBuf::from("../shared/data/polnear/train/text");
    let mut repeat = 1usize;
    for arg in std::env::args().skip(1) {
        if let Some(n) = arg.strip_prefix("--repeat=") {
            repeat = n
                .parse::<usize>()
                .expect("--repeat=N takes a number")
                .max(1);
        } else if arg == "-h" || arg == "--help" {
            println!("usage: throughput [DIR] [--repeat=N]");
            return;
        } else {
            dir = PathBuf::from(arg);
        }
    }
    let texts = match read_texts(&dir) {
        Ok(texts) if !texts.is_empty() => texts,
        Ok(_) => {
            eprintln!("no .txt files in {}", dir.display());
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let analyzer = Analyzer::new();
    let (mut best_cpu, mut best_wall) = (None::<f64>, f64::INFINITY);
    let mut attributions = 0;
    for _ in 0..repeat {
        let cpu_start = thread_cpu_ns();
        let wall_start = Instant::now();
        attributions = texts
            .iter()
            .map(|text| {
                analyzer
                    .analyze(std::hint::black_box(text))
                    .attributions
                    .len()
            })
            .sum::<usize>();
        let wall = wall_start.elapsed().as_secs_f64();
        best_wall = best_wall.min(wall);
        if let (Some(start), Some(end)) = (cpu_start, thread_cpu_ns()) {
            let cpu = end.saturating_sub(start) as f64 / 1e9;
            best_cpu = Some(best_cpu.map_or(cpu, |best| best.min(cpu)));
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {bytes} bytes, {attributions} attributions, {repeat} pass(es), fastest:",
        texts.len()
    );
    if let Some(cpu) = best_cpu {
        println!("  thread CPU {cpu:.3} s  {:.1} MB/s", mb / cpu);
    }
    println!("  wall       {best_wall:.3} s  {:.1} MB/s", mb / best_wall);
}
