//! The streaming batch runner: one reader thread, `N` worker threads, and the calling
//! thread as the writer.
//!
//! Each article is read, analysed and serialised by one worker into its own buffer,
//! then written and released. (A JSONL line may come unread, for the worker to find
//! its id and text: with several workers the reader only splits the input into lines,
//! so that it does not hold them all back; see [`Job::read_line`].) Output keeps input
//! order with a bounded reorder buffer:
//! the reader lets at most `4 × threads` articles, and at most [`BYTE_BUDGET`] bytes of
//! text (or one article, if it is larger), be read but not yet written. So a run needs
//! memory for a few articles, never for the whole input, and one huge article holds
//! the others back instead of piling them up. Written output buffers are kept for
//! reuse up to a quarter of that budget more.

use std::collections::BTreeMap;
use std::io::{self, IoSlice, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, sync_channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::Job;

/// Text bytes that may be in flight at once (read, not yet written), unless one
/// article alone is larger.
pub const BYTE_BUDGET: u64 = 64 << 20;

/// Output bytes gathered before they are written (records are written together, by one
/// vectored write, and at once whenever the writer has caught up with the workers).
const WRITE_BATCH: usize = 1 << 16;

/// The largest output buffer kept for reuse.
const SPARE_LIMIT: usize = 4 << 20;

/// The capacity all spare output buffers together may hold: they are not counted in
/// [`BYTE_BUDGET`], so they get a quarter of it on top (without the cap, `4 × threads`
/// buffers of up to [`SPARE_LIMIT`] each, 1 GiB on 64 threads).
const SPARE_BUDGET: usize = (BYTE_BUDGET / 4) as usize;

/// Set by Ctrl-C: read no more articles, finish the ones under way.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// How a run ended.
#[derive(Debug, Default)]
pub struct Summary {
    pub articles: u64,
    pub errors: u64,
    pub bytes: u64,
    /// The reader of our output went away (a closed pipe): we stopped quietly.
    pub closed_pipe: bool,
    pub interrupted: bool,
}

/// Options of a run.
pub struct Options {
    pub threads: usize,
    pub quiet: bool,
    /// Print each input's error on stderr (table output has no error lines).
    pub errors_to_stderr: bool,
    /// Total input bytes, for the progress bar's ETA (0: unknown).
    pub total_bytes: u64,
}

/// What a worker made of one job.
struct Done {
    seq: u64,
    bytes: Vec<u8>,
    error: Option<String>,
    /// What the job counted in the gate's byte budget ([`Job::held_bytes`]).
    held_bytes: u64,
    text_bytes: u64,
    input_bytes: u64,
    /// Not processed: the run was stopping.
    skipped: bool,
}

/// Articles read but not yet written.
#[derive(Default)]
struct InFlight {
    count: usize,
    bytes: u64,
    stop: bool,
    /// The text bytes of the article the reader waits to read, if it waits.
    reader_wants_bytes: Option<u64>,
}

/// The spare output buffers and their total capacity.
struct SparePool {
    buffers: Vec<Vec<u8>>,
    /// The sum of the buffers' capacities, at most [`SPARE_BUDGET`].
    capacity: usize,
    /// The most buffers kept (one per article in flight).
    most: usize,
}

impl SparePool {
    fn new(most: usize) -> SparePool {
        SparePool {
            buffers: Vec::new(),
            capacity: 0,
            most,
        }
    }

    /// A spare buffer (empty), or a new one.
    fn take(&mut self) -> Vec<u8> {
        let bytes = self.buffers.pop().unwrap_or_default();
        self.capacity -= bytes.capacity();
        bytes
    }

    /// Keep a written buffer, emptied, unless it is larger than [`SPARE_LIMIT`] (a huge
    /// record's memory goes back at once), the pool holds [`SparePool::most`] buffers
    /// already, or keeping it would take the pool past [`SPARE_BUDGET`].
    fn give_back(&mut self, mut bytes: Vec<u8>) {
        let size = bytes.capacity();
        if size > SPARE_LIMIT
            || self.buffers.len() >= self.most
            || self.capacity + size > SPARE_BUDGET
        {
            return;
        }
        bytes.clear();
        self.capacity += size;
        self.buffers.push(bytes);
    }
}

struct Gate {
    state: Mutex<InFlight>,
    /// Output buffers written and emptied, for the workers to fill again: an article's
    /// record then grows no new buffer from nothing (most of the run's reallocations).
    spare: Mutex<SparePool>,
    /// The run stops: workers skip the jobs still queued.
    halted: AtomicBool,
    changed: Condvar,
    /// The most articles in flight at once.
    window: usize,
    /// Waits of the reader that ended by their timeout rather than a wake-up: a test
    /// tells by it that no wake-up is lost (a lost one costs the run 200 ms).
    timed_out_waits: AtomicUsize,
}

impl Gate {
    /// A gate that lets in at most `window` articles at once, nothing in flight.
    fn new(window: usize) -> Gate {
        Gate {
            state: Mutex::new(InFlight::default()),
            spare: Mutex::new(SparePool::new(window)),
            halted: AtomicBool::new(false),
            changed: Condvar::new(),
            window,
            timed_out_waits: AtomicUsize::new(0),
        }
    }

    /// Wait until an article of `bytes` may be read; false when the run stops.
    fn enter(&self, bytes: u64) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !s.stop && s.count > 0 && (s.count >= self.window || s.bytes + bytes > BYTE_BUDGET) {
            s.reader_wants_bytes = Some(bytes);
            let (state, wait) = self
                .changed
                .wait_timeout(s, Duration::from_millis(200))
                .unwrap_or_else(|e| e.into_inner());
            s = state;
            if wait.timed_out() {
                self.timed_out_waits.fetch_add(1, Ordering::Relaxed);
            }
            s.reader_wants_bytes = None;
            if INTERRUPTED.load(Ordering::Relaxed) {
                s.stop = true;
            }
        }
        if s.stop {
            return false;
        }
        s.count += 1;
        s.bytes += bytes;
        true
    }

    /// An article written. The waiting reader is woken once half the window is free
    /// and its article fits the byte budget (or nothing is in flight), not at each
    /// record: it then reads several lines per wake-up, and a record written while it
    /// reads costs no system call (a wake-up for each record was a third of the run's
    /// futex calls).
    fn leave(&self, bytes: u64) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.count = s.count.saturating_sub(1);
        s.bytes = s.bytes.saturating_sub(bytes);
        if let Some(wanted) = s.reader_wants_bytes {
            let wake_reader = s.count <= self.window / 2 && s.bytes + wanted <= BYTE_BUDGET;
            if wake_reader || s.count == 0 {
                // cleared here, so the other records written before the reader runs
                // again make no futex call each (the reader sets it again if it still
                // has to wait)
                s.reader_wants_bytes = None;
                self.changed.notify_all();
            }
        }
    }

    /// An empty output buffer: a spare one, or a new one.
    fn buffer(&self) -> Vec<u8> {
        self.spare.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Give back a written buffer, to be kept if the pool has room.
    fn give_back(&self, bytes: Vec<u8>) {
        self.spare
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .give_back(bytes);
    }

    fn in_flight(&self) -> usize {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).count
    }

    fn halted(&self) -> bool {
        self.halted.load(Ordering::Relaxed) || INTERRUPTED.load(Ordering::Relaxed)
    }

    fn stop(&self) {
        self.halted.store(true, Ordering::Relaxed);
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.stop = true;
        self.changed.notify_all();
    }
}

fn progress_bar(options: &Options) -> Option<ProgressBar> {
    if options.quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = if options.total_bytes > 0 {
        let bar =
            ProgressBar::with_draw_target(Some(options.total_bytes), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {msg} {bytes_per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {bytes} {msg} {bytes_per_sec} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    };
    bar.enable_steady_tick(Duration::from_millis(250));
    Some(bar)
}

/// Run `process` over every job on `options.threads` threads, writing each job's bytes
/// to `out` in input order. `process` fills the buffer (an output line, a table, an
/// error line) and returns the job's error message, if it has one.
///
/// Errors only when `out` fails for another reason than a closed pipe.
pub fn run<J, P>(jobs: J, options: &Options, process: P, out: &mut dyn Write) -> io::Result<Summary>
where
    J: Iterator<Item = Job> + Send + 'static,
    P: Fn(&Job, &mut Vec<u8>) -> Option<String> + Sync,
{
    let threads = options.threads.max(1);
    // articles in flight at most: read, queued, being analysed or waiting to be written
    let window = 4 * threads;
    let gate = Arc::new(Gate::new(window));
    let bar = progress_bar(options);
    let start = Instant::now();
    let mut summary = Summary::default();
    // as many places as the gate lets articles in: the reader then waits at the gate
    // only, which wakes it for half a window at a time (a channel of one place per
    // thread woke it, by a futex call, for each job taken)
    let (job_tx, job_rx) = sync_channel::<(u64, Job)>(gate.window);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Done>();
    // The reader is not joined: after Ctrl-C it may sit in a read of stdin that never
    // returns, and the run must still end.
    let reader_gate = Arc::clone(&gate);
    std::thread::spawn(move || {
        for (seq, job) in (0u64..).zip(jobs) {
            if INTERRUPTED.load(Ordering::Relaxed) {
                break;
            }
            let size = job.held_bytes();
            if !reader_gate.enter(size) || job_tx.send((seq, job)).is_err() {
                break;
            }
        }
    });
    let result = std::thread::scope(|scope| {
        let gate = &*gate;
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            let process = &process;
            scope.spawn(move || {
                loop {
                    let next = job_rx
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .recv_timeout(Duration::from_millis(100));
                    let (seq, job) = match next {
                        Ok(pair) => pair,
                        Err(RecvTimeoutError::Timeout) if gate.halted() => break,
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break,
                    };
                    let held_bytes = job.held_bytes();
                    let input_bytes = job.input_bytes;
                    let mut bytes = gate.buffer();
                    // once the run stops, a queued job is passed on unprocessed, so the
                    // writer's order and count stay whole
                    let skipped = gate.halted();
                    let (error, text_bytes) = if skipped {
                        drop(job);
                        (None, 0)
                    } else {
                        // a JSONL line the reader handed on unread is read here
                        let job = job.read_line();
                        let text_bytes = job.text.as_ref().map_or(0, |t| t.len() as u64);
                        (process(&job, &mut bytes), text_bytes)
                    };
                    let done = Done {
                        seq,
                        bytes,
                        error,
                        held_bytes,
                        text_bytes,
                        input_bytes,
                        skipped,
                    };
                    if done_tx.send(done).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, gate, out, options, bar.as_ref(), &mut summary);
        gate.stop();
        // let the workers run out: they pass on what is queued once the gate is stopped
        for _ in done_rx.iter() {}
        written
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    summary.interrupted = INTERRUPTED.load(Ordering::Relaxed);
    result?;
    // one article read whole needs no summary
    let worth_telling = summary.articles > 1 || summary.errors > 0 || summary.interrupted;
    if !options.quiet && !summary.closed_pipe && worth_telling {
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "{} articles ({} errors), {:.2} MB in {secs:.2} s on {threads} thread(s): {:.0} articles/s, {:.1} MB/s{}",
            summary.articles,
            summary.errors,
            summary.bytes as f64 / 1e6,
            summary.articles as f64 / secs,
            summary.bytes as f64 / 1e6 / secs,
            if summary.interrupted {
                " (interrupted)"
            } else {
                ""
            }
        );
    }
    Ok(summary)
}

/// The writer: results in input order, each written whole (with its newline) and freed.
fn write_in_order(
    done_rx: &Receiver<Done>,
    gate: &Gate,
    out: &mut dyn Write,
    options: &Options,
    bar: Option<&ProgressBar>,
    summary: &mut Summary,
) -> io::Result<()> {
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    // records in order, not yet written, and their bytes
    let mut pending: Vec<Vec<u8>> = Vec::new();
    let mut pending_bytes = 0usize;
    loop {
        let ready = match done_rx.try_recv() {
            Ok(done) => Ok(done),
            Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {
                // caught up with the workers: let the reader see what is done
                pending_bytes = 0;
                if let Err(e) = write_pending(out, &mut pending, gate).and_then(|()| out.flush()) {
                    return closed_pipe_or(e, gate, summary);
                }
                done_rx.recv_timeout(Duration::from_millis(100))
            }
        };
        let done = match ready {
            Ok(done) => done,
            Err(RecvTimeoutError::Timeout) => {
                if INTERRUPTED.load(Ordering::Relaxed) && gate.in_flight() == 0 {
                    break;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        waiting.insert(done.seq, done);
        while let Some(done) = waiting.remove(&next) {
            next += 1;
            gate.leave(done.held_bytes);
            if done.skipped {
                continue;
            }
            summary.articles += 1;
            summary.bytes += done.text_bytes;
            if let Some(message) = &done.error {
                summary.errors += 1;
                if options.errors_to_stderr {
                    match bar {
                        Some(bar) => bar.suspend(|| eprintln!("whosaid: {message}")),
                        None => eprintln!("whosaid: {message}"),
                    }
                }
            }
            pending_bytes += done.bytes.len();
            pending.push(done.bytes);
            if pending_bytes >= WRITE_BATCH {
                pending_bytes = 0;
                if let Err(e) = write_pending(out, &mut pending, gate) {
                    return closed_pipe_or(e, gate, summary);
                }
            }
            if let Some(bar) = bar {
                bar.inc(done.input_bytes);
                bar.set_message(format!("{} articles", summary.articles));
            }
        }
    }
    if let Err(e) = write_pending(out, &mut pending, gate).and_then(|()| out.flush()) {
        return closed_pipe_or(e, gate, summary);
    }
    Ok(())
}

/// Write the pending records whole, in order, by vectored writes (the system takes
/// them from their own buffers: no copy), and give their buffers back.
fn write_pending(out: &mut dyn Write, pending: &mut Vec<Vec<u8>>, gate: &Gate) -> io::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let mut slices: Vec<IoSlice<'_>> = pending
        .iter()
        .filter(|bytes| !bytes.is_empty())
        .map(|bytes| IoSlice::new(bytes))
        .collect();
    let mut rest = &mut slices[..];
    while !rest.is_empty() {
        match out.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => IoSlice::advance_slices(&mut rest, written),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    for bytes in pending.drain(..) {
        gate.give_back(bytes);
    }
    Ok(())
}

/// A closed pipe ends the run quietly; any other write error is the run's error.
fn closed_pipe_or(e: io::Error, gate: &Gate, summary: &mut Summary) -> io::Result<()> {
    gate.stop();
    if e.kind() == io::ErrorKind::BrokenPipe {
        summary.closed_pipe = true;
        Ok(())
    } else {
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(window: usize) -> Gate {
        Gate::new(window)
    }

    /// The reader, woken only at half a window (or when nothing is in flight), still
    /// gets every article in, never more than the window at once, and an article past
    /// the byte budget alone; no wake-up is lost (a lost one ends a wait by its 200 ms
    /// timeout: the four articles past the budget would each wait for it if nothing in
    /// flight did not wake the reader).
    #[test]
    fn the_gate_lets_every_article_in_by_half_windows() {
        let gate = Arc::new(gate(4));
        let sizes: Vec<u64> = (0..400u64)
            .map(|k| if k % 97 == 0 { BYTE_BUDGET + 1 } else { 10 + k })
            .collect();
        let reader = {
            let gate = Arc::clone(&gate);
            let sizes = sizes.clone();
            std::thread::spawn(move || sizes.iter().all(|&size| gate.enter(size)))
        };
        for &size in &sizes {
            let count = loop {
                let count = gate.in_flight();
                assert!(count <= 4, "{count} in flight");
                if count > 0 {
                    break count;
                }
                std::thread::yield_now();
            };
            if size > BYTE_BUDGET {
                assert_eq!(count, 1, "an article past the budget goes in alone");
            }
            gate.leave(size);
        }
        assert!(reader.join().unwrap(), "the reader was refused");
        assert_eq!(gate.in_flight(), 0);
        // (one timeout is a scheduling stall of the test's threads, not a lost wake-up)
        let timeouts = gate.timed_out_waits.load(Ordering::Relaxed);
        assert!(timeouts <= 1, "{timeouts} waits ended by their timeout");
    }

    #[test]
    fn the_spare_pool_holds_at_most_its_budget() {
        // 64 threads: 256 buffers in flight, each at the largest size kept
        let mut pool = SparePool::new(4 * 64);
        for _ in 0..256 {
            pool.give_back(Vec::with_capacity(SPARE_LIMIT));
        }
        let held: usize = pool.buffers.iter().map(Vec::capacity).sum();
        assert_eq!(held, pool.capacity);
        assert!(held <= SPARE_BUDGET, "{held} bytes kept");
        assert_eq!(pool.buffers.len(), SPARE_BUDGET / SPARE_LIMIT);
        // a buffer taken is no longer counted, and makes room for one given back
        let taken = pool.take();
        assert_eq!(pool.capacity, held - taken.capacity());
        pool.give_back(taken);
        assert_eq!(pool.capacity, held);
        // too large a buffer is never kept; small ones up to the count
        let mut small = SparePool::new(3);
        small.give_back(Vec::with_capacity(SPARE_LIMIT + 1));
        assert_eq!(small.capacity, 0);
        for _ in 0..5 {
            small.give_back(Vec::with_capacity(64));
        }
        assert_eq!(small.buffers.len(), 3);
        assert!(small.take().is_empty() && small.buffers.len() == 2);
    }
}
