//! Attribution windows: a text analysed whole and in windows of about half its length
//! (so it is just over one window). The windowed document's spans are valid, it finds
//! the same quotations, and every cue it takes from inside a quotation (one that an
//! earlier window may have opened) the whole-text run takes too: windows never re-read
//! the words of a quotation open across their start as cues (issue 16).
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{QuoteDetector, QuoteKind, Span};
use whosaid_fuzz::valid;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.len() < 16 {
        return;
    }
    let window = text.len() / 2 + usize::from(data[0] % 32);
    let whole = whosaid::analyze(text);
    let windowed = whosaid::fuzzing::analyze_in_windows(text, window);
    assert_eq!(whole.quotes.len(), windowed.quotes.len());
    for a in &windowed.attributions {
        let spans = [
            Some(a.content),
            a.cue,
            a.addressee,
            a.medium,
            a.speaker.map(|m| m.span),
        ];
        for s in spans.into_iter().flatten() {
            assert!(valid(text, s), "span {s}");
        }
        assert!(a.quote.is_none_or(|q| q < windowed.quotes.len()));
        assert!(a.entity.is_none_or(|e| e < windowed.speakers.len()));
    }
    // the pieces of top-level quotations the rules read as quoted (kinds as detected)
    let quoted: Vec<Span> = QuoteDetector::new()
        .quotes(text)
        .filter(|q| q.parent().is_none() && q.kind != QuoteKind::NotSpeech)
        .flat_map(|q| q.pieces().to_vec())
        .collect();
    let whole_cues: Vec<Span> = whole.attributions.iter().filter_map(|a| a.cue).collect();
    for c in windowed.attributions.iter().filter_map(|a| a.cue) {
        if quoted.iter().any(|p| p.contains(c)) {
            assert!(
                whole_cues.contains(&c),
                "cue {c} inside a quotation, in windows of {window} bytes only"
            );
        }
    }
});
