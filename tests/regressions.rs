//! Every crash and every slow input found while fuzzing and benchmarking (issue 6), as a
//! named test. A slow shape is run at about 50 KB and 200 KB: the invariants must hold
//! and the larger run may take at most 10 times as long as the smaller one (linear code
//! takes about 4 times as long; the quadratic code that was fixed took 16 times).

use std::time::{Duration, Instant};

use whosaid::{Document, Rule, Span};

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

/// The invariants of a document: spans valid, quotations nested with parents, indices
/// valid, no speaker inside the quotation attributed to it.
fn check(text: &str, doc: &Document<'_>) {
    for s in doc
        .paragraphs
        .iter()
        .map(|p| p.span)
        .chain(doc.sentences.iter().map(|s| s.span))
    {
        assert!(valid(text, s), "span {s}");
    }
    let mut open: Vec<usize> = Vec::new();
    for (k, q) in doc.quotes.iter().enumerate() {
        assert!(
            valid(text, q.span) && valid(text, q.content()) && q.span.contains(q.content()),
            "quote {k}"
        );
        assert!(
            q.pieces()
                .iter()
                .all(|p| valid(text, *p) && q.span.contains(*p)),
            "quote {k} pieces"
        );
        while open
            .last()
            .is_some_and(|&j| doc.quotes[j].span.end <= q.span.start)
        {
            open.pop();
        }
        if let Some(&j) = open.last() {
            assert!(
                doc.quotes[j].span.contains(q.span),
                "quotes {j} and {k} cross"
            );
            assert!(q.parent().is_some(), "quote {k} is nested without a parent");
        }
        if let Some(p) = q.parent() {
            assert!(
                p < k && doc.quotes[p].span.contains(q.span),
                "quote {k}: parent {p}"
            );
        }
        open.push(k);
    }
    for (k, a) in doc.attributions.iter().enumerate() {
        assert!(valid(text, a.content), "attribution {k}");
        assert!(
            [a.cue, a.addressee, a.medium]
                .into_iter()
                .flatten()
                .all(|s| valid(text, s)),
            "attribution {k}"
        );
        assert!(
            a.entity.is_none_or(|e| e < doc.speakers.len()),
            "attribution {k}: entity"
        );
        assert!(
            a.quote.is_none_or(|q| q < doc.quotes.len()),
            "attribution {k}: quote"
        );
        if let (Some(m), Some(q)) = (a.speaker, doc.quote_of(a)) {
            assert!(valid(text, m.span));
            for c in q.piece_contents(text) {
                assert!(
                    !c.contains(m.span),
                    "attribution {k}: speaker {} inside its quotation {c}",
                    m.span
                );
            }
        }
    }
    for s in &doc.speakers {
        assert!(valid(text, s.name_span) && s.mentions.iter().all(|m| valid(text, *m)));
    }
}

/// Repeat `unit` to about `bytes`.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

/// The fastest of two runs of `analyze`, checking the result.
fn timed(text: &str) -> Duration {
    (0..2)
        .map(|_| {
            let t = Instant::now();
            let doc = whosaid::analyze(text);
            let d = t.elapsed();
            check(text, &doc);
            d
        })
        .min()
        .expect("two runs")
}

/// `unit` repeated to 50 KB and to 200 KB: the invariants hold and time grows linearly.
fn linear(unit: &str) -> Document<'static> {
    let small = repeat(unit, 50_000);
    let big: &'static str = Box::leak(repeat(unit, 200_000).into_boxed_str());
    let (t_small, t_big) = (timed(&small), timed(big));
    assert!(
        t_big <= t_small * 10 + Duration::from_millis(200),
        "{unit:?}: 200 KB took {t_big:?}, 50 KB took {t_small:?}: not linear"
    );
    whosaid::analyze(big)
}

// ---------------------------------------------------------------------------------------
// Crashes (invariant violations) found by `cargo fuzz run analyze`.

/// fuzz/analyze: a "Name:" label inside a quotation was taken for a transcript speaker,
/// whose span then lay inside its own quotation (and the quotation was attributed twice).
#[test]
fn colon_name_inside_quotation_is_not_a_speaker() {
    for text in [
        "“Ana Ruiz: we will win the vote,” he said.",
        "\"Ana Ruiz: we will win the vote, he said.",
        "\"Pricedermy Mep-incetete:Le \0\0\0aid the mi\0\0\0\0\0\0\0\0\0\0\0\0nisteC r.ritics ca'fa said the\0\0\0\r mi\0\0\0\0\0\0\0\0\0\0\0nisntasy'.",
    ] {
        let doc = whosaid::analyze(text);
        check(text, &doc);
        assert!(
            doc.attributions
                .iter()
                .all(|a| a.rule != Rule::ColonSpeaker),
            "{text:?}"
        );
    }
    // the label before the quotation still names the speaker
    let text = "Ana Ruiz: “we will win the vote,” he said.";
    let doc = whosaid::analyze(text);
    check(text, &doc);
    assert!(
        doc.attributions
            .iter()
            .any(|a| a.rule == Rule::ColonSpeaker)
    );
}

// ---------------------------------------------------------------------------------------
// Slow inputs (quadratic time) found with `benches/adversarial.rs` and `examples/stress.rs`.

/// quote/detector.rs `may_open`: each opening single mark searched the rest of its
/// paragraph for a closing mark.
#[test]
fn curly_single_openers_without_a_closer() {
    let doc = linear("‘a ");
    assert!(doc.quotes.is_empty());
}

/// quote/detector.rs `may_open`, with apostrophes: one paragraph of apostrophes,
/// elisions and openers.
#[test]
fn apostrophes_only() {
    let doc = linear("' 'a '' n't 's ''' 'b ‘c ");
    assert_eq!(doc.paragraphs.len(), 1);
}

/// quote/kind.rs `words_before` and `opens_sentence`: every quotation read its whole
/// line back to the last line break.
#[test]
fn many_quotations_on_one_line() {
    let doc = linear("They called it “Progress” again ");
    assert!(doc.quotes.len() > 5_000);
    assert_eq!(doc.paragraphs.len(), 1);
}

/// quote/kind.rs `words_before` without any whitespace: the word before each quotation
/// was the whole text before it.
#[test]
fn quotations_without_whitespace() {
    let doc = linear("a“b”c'd'\"e\"«f»,");
    assert!(!doc.quotes.is_empty());
    assert_eq!(doc.sentences.len(), 1);
}

/// quote/detector.rs `merge_split_quotes`: each merge of a split quotation rewrote the
/// parents of every quotation of the text.
#[test]
fn chain_of_split_quotations() {
    let doc = linear("“A,” he said, “b,” he said, ");
    assert!(
        doc.quotes.len() < 100,
        "the pieces merge into a few quotations: {}",
        doc.quotes.len()
    );
    assert!(doc.quotes.iter().any(|q| q.pieces().len() > 100));
}

/// attribution/rules.rs `link_quote`: each quotation searched its whole sentence for its
/// tokens and all the sentence's cues.
#[test]
fn many_quotations_in_one_sentence() {
    let doc = linear("he noted “a b” and ‘c d’ then ");
    assert_eq!(doc.sentences.len(), 1);
}

/// attribution/rules.rs `indirect`: each reported clause looked through every quotation
/// of the text.
#[test]
fn many_sentences_with_quotations_and_cues() {
    let doc = linear("“We won,” he said. Sen. Ana Ruiz told reporters that it was fine. ");
    assert!(doc.attributions.len() > 5_000);
    assert_eq!(doc.paragraphs.len(), 1);
}

/// attribution/entity.rs `cluster`: the words of a speaker's mentions grew with every
/// mention, and every role mention searched them.
#[test]
fn one_speaker_mentioned_many_times() {
    let doc =
        linear("Sen. Ana Ruiz said that the plan was sound. The senator said that it would pass. ");
    assert!(doc.speakers.len() <= 3, "{} speakers", doc.speakers.len());
}

/// attribution/entity.rs `cluster`: every pronoun without an antecedent became an
/// entity, and every role mention compared itself with all entities.
#[test]
fn many_unresolved_pronouns() {
    let doc = linear("It said that the plan was sound. The minister said that it would pass. ");
    assert!(doc.attributions.len() > 2_000);
}

/// attribution/rules.rs `kind_for`, `clause_end` and the other per-cue scans: in a
/// sentence without an end, every cue rescanned the rest of it (the rules now see at
/// most 1,000 tokens of a sentence, and quoted shares come from running sums).
#[test]
fn many_cues_in_one_sentence() {
    let doc = linear("he said that she told him that “it was fine,” ");
    assert!(doc.sentences.len() <= 2);
    assert!(!doc.attributions.is_empty());
}

/// attribution/rules.rs `colon_speaker`: each "Name:" line walked the rest of its
/// paragraph.
#[test]
fn transcript_lines_in_one_paragraph() {
    let doc = linear("Ana Ruiz: we will win the vote today. ");
    assert_eq!(doc.paragraphs.len(), 1);
    assert!(
        doc.attributions
            .iter()
            .any(|a| a.rule == Rule::ColonSpeaker)
    );
}

/// attribution/rules.rs `kind_for`: a quotation continuing the previous attribution of
/// its paragraph grew that attribution's content, which was counted again each time.
#[test]
fn one_attribution_continued_by_many_quotations() {
    let doc = linear("“We will win,” she said. “Again.” ");
    assert!(doc.quotes.len() > 5_000);
}

/// The adversarial shapes of `benches/adversarial.rs`, small.
#[test]
fn all_caps_text() {
    let doc = linear(
        "THE MINISTER SAID “WE WILL WIN THE VOTE.” ACCORDING TO OFFICIALS, THE TALKS FAILED. SEN. ANA RUIZ SAID SO. ",
    );
    assert!(doc.sentences.len() > 1_000);
}

#[test]
fn deeply_nested_quotations() {
    let unit = "“a ‘b “c ‘d «e „f ";
    let text = repeat(unit, 100_000) + &repeat("g’ h” i’ j” ", 100_000);
    let doc = whosaid::analyze(&text);
    check(&text, &doc);
    assert!(
        doc.quotes.len() < 100,
        "nesting is bounded: {} quotations",
        doc.quotes.len()
    );
    let _ = linear(unit);
}

#[test]
fn mixed_scripts() {
    let doc = linear(
        "Президент сказал «мы победим». 他说「我们会赢」。قال الرئيس “سننتصر”. 😀 “Yes,” 🎉 said Ana. Ελλάδα 'ναι'\n\n",
    );
    assert!(doc.quotes.len() > 1_000);
}

#[test]
fn alternating_marks() {
    let _ = linear("\"“”'‘’«»„''`` a said. \nX\"a “b' ”c ‘ d’' ");
}

/// attribution/rules/windows.rs: windows after the first of a text over 1 MiB read the
/// cues inside a quotation open across their start as reported speech (issue 16: one
/// attribution up to 1 MiB, 19,833 overlapping ones at 2 MB).
#[test]
fn cues_inside_a_quotation_open_across_windows_are_not_reread() {
    let text = format!(
        "“{}",
        repeat(
            "and the plan would work well, he said, and then ",
            2_200_000
        )
    );
    let doc = whosaid::analyze(&text);
    check(&text, &doc);
    assert!(
        doc.attributions.len() <= 5,
        "{} attributions",
        doc.attributions.len()
    );
}
