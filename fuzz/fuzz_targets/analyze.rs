//! The whole pipeline: every span of the document in bounds and on char boundaries, no
//! speaker inside its own quotation, indices valid, the owned document survives a serde
//! round trip, and analysing twice gives the same result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::OwnedDocument;
use whosaid_fuzz::valid;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = whosaid::analyze(text);
    for p in &doc.paragraphs {
        assert!(valid(text, p.span), "paragraph {}", p.span);
    }
    for s in &doc.sentences {
        assert!(valid(text, s.span), "sentence {}", s.span);
        assert!(s.paragraph < doc.paragraphs.len());
    }
    for (k, q) in doc.quotes.iter().enumerate() {
        assert!(valid(text, q.span) && valid(text, q.content()), "quote {k}");
        assert!(q.span.contains(q.content()));
        for p in q.pieces() {
            assert!(
                valid(text, *p) && q.span.contains(*p),
                "quote {k} piece {p}"
            );
        }
        if let Some(p) = q.parent() {
            assert!(
                p < k && doc.quotes[p].span.contains(q.span),
                "quote {k} parent {p}"
            );
        }
    }
    for (k, a) in doc.attributions.iter().enumerate() {
        assert!(
            valid(text, a.content),
            "attribution {k} content {}",
            a.content
        );
        for s in [a.cue, a.addressee, a.medium].into_iter().flatten() {
            assert!(valid(text, s), "attribution {k} span {s}");
        }
        if let Some(e) = a.entity {
            assert!(
                e < doc.speakers.len(),
                "attribution {k}: entity {e} out of range"
            );
        }
        if let Some(qi) = a.quote {
            assert!(
                qi < doc.quotes.len(),
                "attribution {k}: quote {qi} out of range"
            );
        }
        if let Some(q) = doc.quoted_span(a) {
            assert!(
                valid(text, q) && a.content.contains(q),
                "attribution {k}: quoted span {q} outside its content {}",
                a.content
            );
        }
        if let Some(m) = a.speaker {
            assert!(valid(text, m.span), "attribution {k} speaker {}", m.span);
            if let Some(q) = doc.quote_of(a) {
                for c in q.piece_contents(text) {
                    assert!(
                        m.span.is_empty() || !c.contains(m.span),
                        "attribution {k}: speaker {} inside its own quotation {}",
                        m.span,
                        c
                    );
                }
            }
        }
    }
    for (k, s) in doc.speakers.iter().enumerate() {
        assert_eq!(s.id, k);
        assert!(valid(text, s.name_span), "speaker {k} name {}", s.name_span);
        assert_eq!(s.name, &text[s.name_span]);
        for m in &s.mentions {
            assert!(valid(text, *m), "speaker {k} mention {m}");
        }
    }
    let owned = doc.to_owned_document();
    let json = serde_json::to_string(&owned).expect("serialise");
    let back: OwnedDocument = serde_json::from_str(&json).expect("deserialise");
    assert!(back == owned, "serde round trip changed the document");
    assert!(whosaid::analyze(text) == doc, "analysing twice differs");
});
