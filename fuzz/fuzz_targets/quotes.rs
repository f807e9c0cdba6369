//! Quotations: spans in bounds and on char boundaries, pieces and content inside the
//! span, parents before their children and containing them, paragraphs in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::QuoteDetector;
use whosaid_fuzz::valid;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let quotes: Vec<_> = QuoteDetector::new().quotes(text).collect();
    let n_paras = whosaid::paragraphs(text).count();
    for (k, q) in quotes.iter().enumerate() {
        assert!(valid(text, q.span), "quote {k} span {}", q.span);
        assert!(valid(text, q.content()), "quote {k} content {}", q.content());
        assert!(
            q.span.contains(q.content()),
            "quote {k}: content {} outside span {}",
            q.content(),
            q.span
        );
        assert!(!q.pieces().is_empty(), "quote {k} has no piece");
        let mut prev = q.span.start;
        for p in q.pieces() {
            assert!(valid(text, *p), "quote {k} piece {p}");
            assert!(
                q.span.contains(*p),
                "quote {k}: piece {p} outside span {}",
                q.span
            );
            assert!(prev <= p.start, "quote {k}: pieces out of order");
            prev = p.end;
        }
        for c in q.piece_contents(text) {
            assert!(valid(text, c), "quote {k} piece content {c}");
        }
        assert!(
            q.first_paragraph() <= q.last_paragraph(),
            "quote {k}: paragraphs reversed"
        );
        assert!(
            q.last_paragraph() < n_paras.max(1),
            "quote {k}: paragraph out of range"
        );
        if let Some(p) = q.parent() {
            assert!(p < k, "quote {k}: parent {p} not before it");
            assert!(
                quotes[p].span.contains(q.span),
                "quote {k}: parent {p} does not contain it"
            );
        }
        if k > 0 {
            assert!(
                quotes[k - 1].span.start <= q.span.start,
                "quotes out of order at {k}"
            );
        }
    }
});
