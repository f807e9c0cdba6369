//! Properties of the whole analyzer and of the quotation detector on arbitrary input:
//! every span in bounds and on char boundaries, quotations properly nested, no speaker
//! inside the quotation attributed to it, indices valid, the owned document survives a
//! JSON round trip, analysing is deterministic, and nothing panics. (The sentence-only
//! properties are in `sentence_properties.rs`.)

use proptest::prelude::*;
use whosaid::{Analyzer, Document, Quote, QuoteDetector, Span};

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// Quotations: spans valid, pieces and content inside the span, pieces in order,
/// paragraphs in order, any two either disjoint or nested, a nested one with a parent
/// that comes before it and contains it.
fn check_quotes(text: &str, quotes: &[Quote<'_>]) -> Result<(), TestCaseError> {
    let mut open: Vec<usize> = Vec::new();
    for (k, q) in quotes.iter().enumerate() {
        prop_assert!(valid(text, q.span), "quote {} span {}", k, q.span);
        prop_assert!(
            valid(text, q.content()),
            "quote {} content {}",
            k,
            q.content()
        );
        prop_assert!(!q.span.is_empty(), "quote {} is empty", k);
        prop_assert!(
            q.span.contains(q.content()),
            "quote {}: content outside the span",
            k
        );
        prop_assert!(!q.pieces().is_empty(), "quote {} has no piece", k);
        let mut prev = q.span.start;
        for p in q.pieces() {
            prop_assert!(
                valid(text, *p) && q.span.contains(*p),
                "quote {}: piece {}",
                k,
                p
            );
            prop_assert!(prev <= p.start, "quote {}: pieces out of order", k);
            prev = p.end;
        }
        for c in q.piece_contents(text) {
            prop_assert!(valid(text, c), "quote {}: piece content {}", k, c);
        }
        prop_assert!(q.first_paragraph() <= q.last_paragraph());
        if let Some(p) = q.parent() {
            prop_assert!(p < k, "quote {}: parent {} comes after it", k, p);
            prop_assert!(
                quotes[p].span.contains(q.span),
                "quote {}: parent {} does not contain it",
                k,
                p
            );
        }
        if k > 0 {
            prop_assert!(
                quotes[k - 1].span.start < q.span.start,
                "quotes out of order at {}",
                k
            );
        }
        // quotations in order of start: the open ones form a stack of nested spans
        while open
            .last()
            .is_some_and(|&j| quotes[j].span.end <= q.span.start)
        {
            open.pop();
        }
        if let Some(&j) = open.last() {
            let r = quotes[j].span;
            prop_assert!(
                r.contains(q.span),
                "quotes {} {} and {} {} cross",
                j,
                r,
                k,
                q.span
            );
            prop_assert!(
                q.parent().is_some(),
                "quote {} {} lies in {} {} but has no parent",
                k,
                q.span,
                j,
                r
            );
        }
        open.push(k);
    }
    Ok(())
}

/// Every span of the document valid; indices valid; no speaker inside its quotation.
fn check_document(text: &str, doc: &Document<'_>) -> Result<(), TestCaseError> {
    prop_assert_eq!(doc.text, text);
    for p in &doc.paragraphs {
        prop_assert!(valid(text, p.span), "paragraph {}", p.span);
    }
    for s in &doc.sentences {
        prop_assert!(valid(text, s.span), "sentence {}", s.span);
        prop_assert!(s.paragraph < doc.paragraphs.len());
    }
    check_quotes(text, &doc.quotes)?;
    for (k, a) in doc.attributions.iter().enumerate() {
        prop_assert!(
            valid(text, a.content),
            "attribution {} content {}",
            k,
            a.content
        );
        for s in [a.cue, a.addressee, a.medium].into_iter().flatten() {
            prop_assert!(valid(text, s), "attribution {} span {}", k, s);
        }
        prop_assert!(
            (0.0..=1.0).contains(&a.confidence),
            "attribution {} confidence {}",
            k,
            a.confidence
        );
        if let Some(e) = a.entity {
            prop_assert!(
                e < doc.speakers.len(),
                "attribution {}: entity {} out of range",
                k,
                e
            );
        }
        if let Some(q) = a.quote {
            prop_assert!(
                q < doc.quotes.len(),
                "attribution {}: quote {} out of range",
                k,
                q
            );
        }
        if let Some(m) = a.speaker {
            prop_assert!(valid(text, m.span), "attribution {}: speaker {}", k, m.span);
            if let Some(q) = doc.quote_of(a) {
                // the content of each piece: a split quotation's hull holds its speaker
                for c in q.piece_contents(text) {
                    prop_assert!(
                        m.span.is_empty() || !c.contains(m.span),
                        "attribution {}: speaker {} lies inside its quotation {}",
                        k,
                        m.span,
                        c
                    );
                }
            }
        }
    }
    for (k, s) in doc.speakers.iter().enumerate() {
        prop_assert_eq!(s.id, k);
        prop_assert!(
            valid(text, s.name_span),
            "speaker {} name {}",
            k,
            s.name_span
        );
        prop_assert_eq!(s.name, &text[s.name_span]);
        for m in &s.mentions {
            prop_assert!(valid(text, *m), "speaker {} mention {}", k, m);
        }
    }
    Ok(())
}

/// The full check: the document, a JSON round trip, determinism, the detector alone.
fn check_all(text: &str) -> Result<(), TestCaseError> {
    let doc = whosaid::analyze(text);
    check_document(text, &doc)?;
    let owned = doc.to_owned_document();
    // the JSON round trip needs the `serde` feature (on by default)
    #[cfg(feature = "serde")]
    {
        let json = serde_json::to_string(&owned).expect("serialise");
        let back: whosaid::OwnedDocument = serde_json::from_str(&json).expect("deserialise");
        prop_assert_eq!(&back, &owned, "JSON round trip changed the document");
        let record = serde_json::to_string(&doc).expect("serialise the document");
        let read: whosaid::OwnedDocument =
            serde_json::from_str(&record).expect("read the record back");
        prop_assert_eq!(
            &read,
            &owned,
            "the document's record reads back differently"
        );
    }
    prop_assert_eq!(owned.text.as_str(), text);
    prop_assert_eq!(&whosaid::analyze(text), &doc, "a second analysis differs");
    prop_assert_eq!(
        &Analyzer::new().analyze(text),
        &doc,
        "a new analyzer differs"
    );
    let quotes: Vec<_> = QuoteDetector::new().quotes(text).collect();
    check_quotes(text, &quotes)?;
    Ok(())
}

const MARKS: &[&str] = &[
    "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‚", "「", "」", "『", "』", "''", "``", "'''",
    "`",
];

/// News-like text: words, names, titles, abbreviations, cues, every quotation mark,
/// apostrophes, punctuation, line breaks and a little random Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "minister",
        "said",
        "told",
        "reporters",
        "that",
        "we",
        "will",
        "win",
        "Ana",
        "Ruiz",
        "Xi",
        "Jinping",
        "President",
        "according",
        "to",
        "Xinhua",
        "officials",
        "she",
        "he",
        "they",
        "it",
        "added",
        "in",
        "a",
        "statement",
        "so-called",
        "reform",
        "don't",
        "rock",
        "’n’",
        "roll",
        "'90s",
        "'em",
        "Mr.",
        "Sen.",
        "Dr.",
        "U.S.",
        "e.g.",
        "a.m.",
        "No.",
        "Gen.",
        "I",
        "A.",
        "J.",
        "Monday",
        "WASHINGTON",
        "(AP)",
        "—",
        "–",
        "-",
        ":",
        ";",
        ",",
        ".",
        "...",
        "…",
        "?",
        "!",
        "?!",
        "(",
        ")",
        "[1]",
        "1.",
        "2.",
        "Inc.",
        "CNN",
        "BREAKING",
        "NEWS",
        "Президент",
        "сказал",
        "他说",
        "قال",
        "😀",
        "é",
        "\u{a0}",
        "\u{200b}",
    ]);
    let piece = prop_oneof![
        6 => words.clone().prop_map(|w| format!("{w} ")),
        1 => words.prop_map(str::to_string),
        4 => prop::sample::select(MARKS.to_vec()).prop_map(str::to_string),
        1 => prop::sample::select(vec!["\n", "\n\n", "\r\n", "\n \n", "  ", "\t"]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Mostly quotation marks and apostrophes, a few letters and spaces: unbalanced,
/// crossing and deeply nested marks.
fn marks_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(MARKS.to_vec()).prop_map(str::to_string),
        2 => prop::sample::select(vec!["a", "B", " ", ",", ".", "said", "\n\n", " he said, "]).prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn news_like_text_keeps_every_invariant(text in newsy()) {
        check_all(&text)?;
    }

    #[test]
    fn quotation_mark_soup_keeps_every_invariant(text in marks_soup()) {
        check_all(&text)?;
    }

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in "\\PC{0,200}") {
        check_all(&text)?;
    }
}

fn check(text: &str) {
    if let Err(e) = check_all(text) {
        panic!("{e}");
    }
}

#[test]
fn empty_and_whitespace_only() {
    for t in ["", " ", "\n", "\n\n\n", " \t\r\n \u{a0}\u{2003}", "\r\r\r"] {
        check(t);
        let doc = whosaid::analyze(t);
        assert!(
            doc.sentences.is_empty() && doc.quotes.is_empty() && doc.attributions.is_empty(),
            "{t:?}"
        );
    }
}

#[test]
fn one_megabyte_without_a_space() {
    let unit = "Ab.c“d”e'f’g\"h«i»,";
    let text = unit.repeat((1 << 20) / unit.len() + 1);
    assert!(text.len() >= 1 << 20);
    let doc = whosaid::analyze(&text);
    check_document(&text, &doc).unwrap();
    let text = "x".repeat(1 << 20);
    let doc = whosaid::analyze(&text);
    assert_eq!(doc.sentences.len(), 1);
    assert!(doc.quotes.is_empty());
}

#[test]
fn unbalanced_marks() {
    for t in [
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "‚",
        "「",
        "」",
        "''",
        "``",
        "“Open and never closed, she said.",
        "Closed and never opened,” she said.",
        "«Nous gagnerons, il a dit.\n\nAutre paragraphe.»",
        "He said: “One ‘two “three ‘four",
        "’’’’’’”””””»»»»",
        "“a” b” c” d“ e“",
        "„German “ ‚mixed‘ ”",
        "‘Unclosed single at the paragraph end\n\nNext.",
        "``Backticks never closed.",
    ] {
        check(t);
    }
}
