//! The HTML input mode (`AnalyzerBuilder::html_input`): a story pasted from a web page,
//! with character references, is analysed as if decoded, and every span and `&str` of
//! the document points into the text as given.

use whosaid::{Analyzer, AttributionKind, Document, Span};

/// An invented story as a content system exports it.
const STORY: &str = "Market Traders Win Reprieve\n\n\
    &ldquo;We have been here for forty years and we are not going anywhere,&rdquo; said \
    Fatima&nbsp;Noor, who runs a bakery on the street.\n\n\
    The council&rsquo;s leader, Tom Hartley, said the closure would be delayed until \
    spring.\n\n\
    &#8220;It is a fair result for Smith &amp; Sons and the rest,&#x201D; Hartley \
    added. &quot;Nobody wanted the market to go.&quot;";

fn check_spans(text: &str, doc: &Document<'_>) {
    let ok = |s: Span| {
        s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    assert_eq!(doc.text, text);
    for p in &doc.paragraphs {
        assert!(ok(p.span));
        assert_eq!(p.text, &text[p.span]);
    }
    for s in &doc.sentences {
        assert!(ok(s.span));
        assert_eq!(s.text, &text[s.span]);
    }
    for q in &doc.quotes {
        assert!(ok(q.span) && ok(q.content()) && q.pieces().iter().all(|&p| ok(p)));
    }
    for a in &doc.attributions {
        let spans = [
            Some(a.content),
            a.cue,
            a.addressee,
            a.medium,
            a.speaker.map(|m| m.span),
        ];
        assert!(spans.into_iter().flatten().all(ok));
    }
    for s in &doc.speakers {
        assert!(ok(s.name_span) && s.mentions.iter().all(|&m| ok(m)));
        assert_eq!(s.name, &text[s.name_span]);
    }
}

#[test]
fn html_story_in_the_html_mode() {
    let analyzer = Analyzer::builder().html_input(true).build().unwrap();
    let doc = analyzer.analyze(STORY);
    check_spans(STORY, &doc);
    let got: Vec<(&str, AttributionKind, &str)> = doc
        .attributions
        .iter()
        .map(|a| {
            (
                a.content.text(STORY),
                a.kind,
                a.speaker.map_or("-", |m| m.span.text(STORY)),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "&ldquo;We have been here for forty years and we are not going anywhere,&rdquo;",
                AttributionKind::Direct,
                "Fatima&nbsp;Noor"
            ),
            (
                "the closure would be delayed until spring",
                AttributionKind::Indirect,
                "Tom Hartley"
            ),
            (
                "&#8220;It is a fair result for Smith &amp; Sons and the rest,&#x201D; Hartley added. &quot;Nobody wanted the market to go.&quot;",
                AttributionKind::Direct,
                "Hartley"
            ),
        ]
    );
    // the first and the last speaker are the people they should be
    let names: Vec<&str> = doc
        .attributions
        .iter()
        .map(|a| doc.speaker_of(a).unwrap().name)
        .collect();
    assert_eq!(names[1], "Tom Hartley");
    assert_eq!(names[2], "Tom Hartley");
}

#[test]
fn the_same_story_as_plain_text_loses_its_quotations() {
    let doc = whosaid::analyze(STORY);
    check_spans(STORY, &doc);
    assert!(doc.quotes.is_empty());
    // and a text without references is analysed as it is in the HTML mode
    let plain = "“We won,” she said.";
    let html = Analyzer::builder().html_input(true).build().unwrap();
    assert_eq!(html.analyze(plain), whosaid::analyze(plain));
}

#[test]
fn every_reference_spans_map_back_in_arbitrary_text() {
    let html = Analyzer::builder().html_input(true).build().unwrap();
    let pieces = [
        "&quot;",
        "&ldquo;",
        "&rdquo;",
        "&#8220;",
        "&#x201D;",
        "&amp;",
        "&nbsp;",
        "&lsquo;",
        "&rsquo;",
        " said Ana Ruiz",
        ". ",
        ", ",
        "\n\n",
        "We won",
        "&bogus;",
        "&",
        "&#0;",
    ];
    let mut seed = 7u64;
    for _ in 0..200 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        check_spans(&text, &html.analyze(&text));
    }
}
