//! Memory of `analyze` per input byte on every adversarial shape (issue 16, fault 8):
//! at most 10 bytes of heap per byte of text, counting the working buffers at their
//! peak and the returned `Document` (the input text itself is the caller's and not
//! counted), spare capacity of the lists included.
//!
//! Every shape is within 10 at 1 MB and at 10 MB (peak bytes per input byte, 0.2.0):
//! alternating 9.89 / 8.68, apostrophes 3.82 / 3.43, nested 0.89 / 0.10, no-whitespace
//! 3.83 / 3.04, many-sentences 9.54 / 9.88, all-caps 6.62 / 5.93, many-names 8.67 / 9.11,
//! mixed-script 4.02 / 3.60, unclosed-quote 0.46 / 0.05, he-said-colon 2.03 / 0.34. The
//! closest: `alternating` (a quotation every 9.5 bytes: its document of 40-byte
//! `Quote`s, sentences and attributions is 8.5 bytes per byte) and `many-sentences` (a
//! 152-byte `Attribution` every 35 bytes and a new speaker entity every 70, at the end
//! of the speaker clustering).
//!
//! The test binary counts every allocation with a global allocator wrapping the system
//! one; the one test of this file runs the shapes one after another, so nothing else
//! allocates while a shape is measured. The default size (1 MB) is what CI can afford;
//! `WHOSAID_MEMORY_MB` sets another:
//!
//! ```text
//! cargo test --release --test memory -- --nocapture                   # 1 MB
//! WHOSAID_MEMORY_MB=10 cargo test --release --test memory -- --nocapture
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

#[path = "../benches/common/mod.rs"]
mod common;

/// The system allocator, counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (through this wrapper).
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; `new_size` is the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // counted as a block that grows or shrinks in place (as large blocks do)
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The bound of issue 16.
const MAX_BYTES_PER_BYTE: f64 = 10.0;

/// Peak heap bytes of `analyze(text)` above what was live before it, and the bytes the
/// returned document keeps.
fn measure(text: &str) -> (usize, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let doc = whosaid::analyze(text);
    let kept = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    drop(doc);
    (peak, kept)
}

#[test]
fn analyze_peak_memory_per_input_byte_within_bound_on_every_adversarial_shape() {
    let mb: f64 = std::env::var("WHOSAID_MEMORY_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0);
    let bytes = (mb * 1_000_000.0) as usize;
    // the word tables and the shipped weights are built once per process: not per text
    whosaid::analyze("“Yes,” said Ana Ruiz. He said that it was fine.");
    let mut over = Vec::new();
    for name in common::SHAPES {
        let text = common::shape(name, bytes);
        let (peak, kept) = measure(&text);
        let per_byte = peak as f64 / text.len() as f64;
        println!(
            "{name:<15} {:>10} bytes  peak {:>11} bytes ({per_byte:5.2} per byte)  document {:>11} bytes ({:5.2} per byte)",
            text.len(),
            peak,
            kept,
            kept as f64 / text.len() as f64
        );
        if per_byte > MAX_BYTES_PER_BYTE {
            over.push(format!("{name}: {per_byte:.2}"));
        }
    }
    assert!(
        over.is_empty(),
        "bytes of memory per input byte above {MAX_BYTES_PER_BYTE}: {}",
        over.join(", ")
    );
}
