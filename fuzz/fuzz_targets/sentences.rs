//! Paragraphs and sentences tile the text: ordered, non-overlapping, non-empty, on char
//! boundaries, with only whitespace between them; each sentence lies in its paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{QuotePolicy, Segmenter, Span};

fn check_tiling(text: &str, spans: &[Span], what: &str) {
    let mut prev = 0;
    for s in spans {
        assert!(s.start < s.end, "empty {what} {s}");
        assert!(prev <= s.start, "{what} {s} overlaps or is out of order");
        assert!(s.end <= text.len(), "{what} {s} out of bounds");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} {s} not on char boundaries"
        );
        assert!(
            text[prev..s.start].chars().all(char::is_whitespace),
            "non-whitespace before {what} {s}"
        );
        prev = s.end;
    }
    assert!(
        text[prev..].chars().all(char::is_whitespace),
        "non-whitespace after the last {what}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let paras: Vec<_> = whosaid::paragraphs(text).collect();
    let pspans: Vec<Span> = paras.iter().map(|p| p.span).collect();
    check_tiling(text, &pspans, "paragraph");
    for (k, p) in paras.iter().enumerate() {
        assert_eq!(p.index, k);
        assert_eq!(p.text, &text[p.span]);
    }
    let default: Vec<_> = whosaid::sentences(text).collect();
    let split = Segmenter::builder()
        .quote_policy(QuotePolicy::Split)
        .build()
        .unwrap();
    for sents in [default, split.sentences(text).collect()] {
        let spans: Vec<Span> = sents.iter().map(|s| s.span).collect();
        check_tiling(text, &spans, "sentence");
        for s in &sents {
            assert_eq!(s.text, &text[s.span]);
            assert!(
                s.paragraph < paras.len(),
                "paragraph index {} out of range",
                s.paragraph
            );
            assert!(
                paras[s.paragraph].span.contains(s.span),
                "sentence {} outside its paragraph",
                s.span
            );
        }
    }
});
