//! Structural properties of paragraphs and sentences on arbitrary input: spans are
//! ordered, disjoint, on char boundaries, trimmed and non-empty; sentences lie inside
//! their paragraph; sentences plus whitespace tile the text exactly. Nothing panics.

use proptest::prelude::*;
use whosaid::{QuotePolicy, Segmenter, Span, paragraphs};

/// Only whitespace in `text[from..to]`.
fn blank(text: &str, from: usize, to: usize) -> bool {
    text[from..to].chars().all(char::is_whitespace)
}

fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut prev = 0;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {s}");
        prop_assert!(prev <= s.start, "span {s} overlaps or is out of order");
        prop_assert!(s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[*s];
        prop_assert_eq!(t.trim(), t, "span {} is not trimmed", s);
        prop_assert!(
            blank(text, prev, s.start),
            "non-whitespace between spans before {s}"
        );
        prev = s.end;
    }
    prop_assert!(
        blank(text, prev, text.len()),
        "non-whitespace after the last span"
    );
    Ok(())
}

fn check_text(text: &str) -> Result<(), TestCaseError> {
    let paras: Vec<_> = paragraphs(text).collect();
    let pspans: Vec<Span> = paras.iter().map(|p| p.span).collect();
    check_spans(text, &pspans)?;
    for (k, p) in paras.iter().enumerate() {
        prop_assert_eq!(p.index, k);
        prop_assert_eq!(p.text, &text[p.span]);
    }
    for policy in [QuotePolicy::Keep, QuotePolicy::Split] {
        let seg = Segmenter::builder().quote_policy(policy).build().unwrap();
        let sents: Vec<_> = seg.sentences(text).collect();
        let spans: Vec<Span> = sents.iter().map(|s| s.span).collect();
        check_spans(text, &spans)?;
        let mut last_para = 0;
        for s in &sents {
            prop_assert_eq!(s.text, &text[s.span]);
            prop_assert!(s.paragraph < paras.len());
            prop_assert!(s.paragraph >= last_para, "paragraph indices go back");
            last_para = s.paragraph;
            prop_assert!(
                paras[s.paragraph].span.contains(s.span),
                "sentence {} outside its paragraph",
                s.span
            );
        }
        // every paragraph holds at least one sentence
        for p in &paras {
            prop_assert!(sents.iter().any(|s| s.paragraph == p.index));
        }
    }
    Ok(())
}

/// Text built from the characters the rules care about.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "The", "I", "U.S", "Mr", "e.g", "No", "p.m", "Inc", "x", "9", "10", "é", "😀", ".",
        ". ", "?", "!", "…", "‽", ". . .", "...", "\"", "“", "”", "'", "’", "«", "»", "「", "」",
        "(", ")", "[", "]", "[1]", "[...]", "•", "⁃", "-", "—", " ", " ", " ", "\n", "\n\n",
        "\r\n", "\t", "\u{a0}", "\u{2029}", "1.", "2.", "1)", "a.", "b.", ":", ";", "@", "/", "&",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    // PROPTEST_CASES=100000 for a longer run
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_text(&text)?;
    }

    #[test]
    fn punctuation_heavy_strings(text in newsy()) {
        check_text(&text)?;
    }

    #[test]
    fn ascii_with_breaks(text in "[a-zA-Z .?!\"'()\\[\\]\n]{0,120}") {
        check_text(&text)?;
    }
}

fn check(text: &str) {
    if let Err(e) = check_text(text) {
        panic!("{e}");
    }
}

#[test]
fn empty_and_whitespace() {
    for t in ["", " ", "\n\n\n", " \t\r\n \u{a0}\u{2029} ", "\r", "\r\r\n"] {
        check(t);
        assert_eq!(whosaid::sentences(t).count(), 0, "{t:?}");
    }
}

#[test]
fn one_megabyte_without_a_space() {
    let t = "ab.c?d!“e”".repeat(100_000);
    check(&t);
    assert_eq!(whosaid::sentences(&t).count(), 1);
}

#[test]
fn unbalanced_quotes() {
    let t = "“He said. ".repeat(20_000) + &"Then.” ".repeat(20_000) + &"\"x. ".repeat(20_000);
    check(&t);
}

#[test]
fn many_sentences_in_one_paragraph() {
    let t = "It rained. Mr. Ono left at 5 p.m. The U.S. team won. ".repeat(20_000);
    check(&t);
    assert_eq!(whosaid::sentences(&t).count(), 60_000);
}

#[test]
fn truncated_multibyte_neighbours() {
    // terminal punctuation next to every kind of multi-byte character
    for t in [
        "é.",
        ".é",
        "…",
        "‽",
        "“.”",
        "。",
        "a\u{2026}b",
        "x.\u{a0}Y",
        "1.\u{a0}2. b",
        "• 1. é • 2. ü",
    ] {
        check(t);
    }
}
