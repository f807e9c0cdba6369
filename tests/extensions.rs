//! The extension points of `AnalyzerBuilder`, used as an application crate would: only
//! the public API.

use whosaid::{Analyzer, ErrorKind, MentionKind};

const STORY: &str = "Council Votes On Bins\n\n\
    Follow Sam Reed on Twitter @samreed\n\n\
    Councillor Priya Nair harrumphed that the weekly collection would stay.\n\n\
    “We listened to residents,” said Councillor Priya Nair.\n\n\
    Read the rest here.";

#[test]
fn an_added_verb_title_and_skip_pattern_take_effect() {
    let plain = whosaid::analyze(STORY);
    // without the additions: "harrumphed" is no cue, "Councillor" is part of the name
    assert!(
        plain
            .attributions
            .iter()
            .all(|a| a.cue.map(|c| c.text(STORY)) != Some("harrumphed"))
    );
    assert!(
        plain
            .speakers
            .iter()
            .any(|s| s.name.starts_with("Councillor"))
    );

    let analyzer = Analyzer::builder()
        .add_reporting_verb("harrumph", ["harrumphs", "harrumphed", "harrumphing"])
        .add_title("Councillor")
        .skip_pattern(r"^Follow .* on Twitter\b.*$")
        .skip_pattern(r"^Read the rest here\.$")
        .build()
        .expect("valid additions");
    let doc = analyzer.analyze(STORY);
    let cues: Vec<&str> = doc
        .attributions
        .iter()
        .filter_map(|a| a.cue.map(|c| c.text(STORY)))
        .collect();
    assert_eq!(cues, ["harrumphed", "said"]);
    let first = &doc.attributions[0];
    assert_eq!(
        first.content.text(STORY),
        "that the weekly collection would stay"
    );
    // the title is stripped from the canonical name, and both mentions are one person
    assert_eq!(doc.speakers.len(), 1);
    assert_eq!(doc.speakers[0].name, "Priya Nair");
    // the skipped lines are still paragraphs and sentences of the text, spans intact
    assert_eq!(doc.paragraphs.len(), plain.paragraphs.len());
    assert_eq!(doc.sentences, plain.sentences);
    // nothing is taken from them: no mention of Sam Reed
    for a in &doc.attributions {
        let m = a.speaker.expect("a speaker");
        assert!(!m.span.text(STORY).contains("Reed"));
    }
}

#[test]
fn added_organisation_words_and_outlets_change_the_mention() {
    let text = "“We are reviewing the case,” said Northfield Constabulary. \
                Ana Ruiz told Kwamenews that the deal was dead.";
    let analyzer = Analyzer::builder()
        .add_organisation_word("Constabulary")
        .add_outlet("Kwamenews")
        .add_role_noun("parish clerk")
        .build()
        .unwrap();
    let doc = analyzer.analyze(text);
    assert_eq!(
        doc.attributions[0].speaker.unwrap().kind,
        MentionKind::Organisation
    );
    assert_eq!(doc.attributions[1].medium.unwrap().text(text), "Kwamenews");
    assert_eq!(doc.attributions[1].addressee, None);
}

#[test]
fn a_bad_pattern_or_word_is_an_error_from_build() {
    let err = Analyzer::builder()
        .skip_pattern("(unclosed")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidPattern);
    assert!(err.to_string().contains("(unclosed"));
    for bad in ["", "two words", "  "] {
        let err = Analyzer::builder().add_title(bad).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidLexiconEntry, "{bad:?}");
    }
    let err = Analyzer::builder()
        .add_reporting_verb("harrumph", ["harr umphed"])
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidLexiconEntry);
}

#[test]
fn an_extended_analyzer_is_shared_and_cloned_cheaply() {
    fn shared<T: Send + Sync + Clone + 'static>(_: &T) {}
    let analyzer = Analyzer::builder()
        .add_title("Councillor")
        .skip_pattern("^ENERGY:")
        .build()
        .unwrap();
    shared(&analyzer);
    let copy = analyzer.clone();
    let text = "ENERGY: Oil prices rose, analysts said.";
    let counts: Vec<usize> = std::thread::scope(|s| {
        [analyzer, copy]
            .map(|a| s.spawn(move || a.analyze(text).attributions.len()))
            .map(|h| h.join().unwrap())
            .to_vec()
    });
    assert_eq!(counts, [1, 1]);
    // without the pattern the label is taken for a speaker
    assert!(
        whosaid::analyze(text)
            .speakers
            .iter()
            .any(|s| s.name == "ENERGY")
    );
    let doc = whosaid::Analyzer::builder()
        .skip_pattern("^ENERGY:")
        .build()
        .unwrap()
        .analyze(text);
    assert_eq!(doc.speakers[0].name, "analysts");
}

#[test]
fn an_added_verb_takes_the_mode_it_was_given() {
    use whosaid::Mode;
    let text = "Ana Ruiz blogged that the plan was a disgrace. \
        Omar Diaz harrumphed that it was fine. \
        Lena Ortiz mused that nobody had asked her. \
        Sam Reed mused in a statement that the vote was early.";
    let analyzer = Analyzer::builder()
        .add_reporting_verb_with_mode("blog", ["blogs", "blogged", "blogging"], Mode::Writing)
        .add_reporting_verb("harrumph", ["harrumphed"])
        .add_reporting_verb_with_mode("muse", ["mused"], Mode::Thought)
        .build()
        .expect("valid additions");
    let doc = analyzer.analyze(text);
    let got: Vec<(&str, Mode)> = doc
        .attributions
        .iter()
        .map(|a| (a.cue.map_or("", |c| c.text(text)), a.mode))
        .collect();
    assert_eq!(
        got,
        [
            ("blogged", Mode::Writing),
            // added without a mode: speech
            ("harrumphed", Mode::Speech),
            ("mused", Mode::Thought),
            // a medium phrase decides first, as for the built-in verbs
            ("mused", Mode::Writing),
        ]
    );
    // keeping only thought keeps the one attribution of thought
    let thought = Analyzer::builder()
        .add_reporting_verb_with_mode("muse", ["mused"], Mode::Thought)
        .modes(&[Mode::Thought])
        .build()
        .expect("valid additions")
        .analyze(text);
    assert_eq!(thought.attributions.len(), 1);
    assert_eq!(
        thought.attributions[0].content.text(text),
        "that nobody had asked her"
    );
    // a malformed verb is an error at build(), with a mode as without
    let err = Analyzer::builder()
        .add_reporting_verb_with_mode("two words", ["x"], Mode::Thought)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidLexiconEntry);
}
