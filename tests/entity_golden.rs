//! Golden speaker-entity cases: the named cases in `tests/data/entities.txt` (the format
//! is described at the top of that file), checked against `whosaid::analyze`: the entity
//! behind each listed attribution, its kind and gender, and the addressee and medium.
//!
//! A case marked `pending:` is printed with its difference but does not fail the test.
//! `WHOSAID_GOLDEN_DUMP=1 cargo test --test entity_golden -- --nocapture` prints what the
//! crate finds for every case.

mod common;
use common::unescape;

use whosaid::{Attribution, Document};

const DATA: &str = include_str!("data/entities.txt");

/// The fields an expected attribution may check, in the order they are compared.
const FIELDS: [&str; 5] = ["name", "kind", "gender", "addressee", "medium"];

/// One expected attribution: its content and the fields it checks.
#[derive(Debug, Default)]
struct Expected {
    content: String,
    fields: Vec<(&'static str, String)>,
}

/// One named case.
#[derive(Debug, Default)]
struct Case {
    name: String,
    line: usize,
    pending: Option<String>,
    input: String,
    expected: Vec<Expected>,
}

/// Parse the case file; a malformed line is an error with its number.
fn parse(src: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expected = false;
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        if line.starts_with('#') && !line.starts_with("## ") {
            continue;
        }
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.trim().to_string(),
                line: n,
                ..Case::default()
            });
            in_expected = false;
            continue;
        }
        let Some(case) = cases.last_mut() else {
            if line.trim().is_empty() {
                continue;
            }
            return Err(format!("line {n}: text before the first `## ` case"));
        };
        if let Some(reason) = line.strip_prefix("pending:") {
            case.pending = Some(reason.trim().to_string());
            continue;
        }
        if !in_expected {
            if line == "--" {
                in_expected = true;
            } else if !case.input.is_empty() || !line.is_empty() {
                if !case.input.is_empty() {
                    case.input.push('\n');
                }
                case.input.push_str(&unescape(line));
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            return Err(format!("line {n}: expected `field: value`, got {line:?}"));
        };
        let (k, v) = (k.trim(), unescape(v.trim()));
        if k == "content" {
            case.expected.push(Expected {
                content: v,
                fields: Vec::new(),
            });
            continue;
        }
        let Some(field) = FIELDS.iter().find(|f| **f == k) else {
            return Err(format!("line {n}: unknown field {k:?}"));
        };
        let Some(e) = case.expected.last_mut() else {
            return Err(format!("line {n}: `{k}:` before a `content:`"));
        };
        e.fields.push((field, v));
    }
    for c in &cases {
        if c.input.trim().is_empty() || c.expected.is_empty() {
            return Err(format!(
                "line {}: case {:?} needs an input, `--` and a `content:`",
                c.line, c.name
            ));
        }
    }
    Ok(cases)
}

/// The value of one field of `a`, as the case file writes it.
fn field(doc: &Document<'_>, a: &Attribution, k: &str) -> String {
    let text = doc.text;
    let speaker = doc.speaker_of(a);
    let span =
        |s: Option<whosaid::Span>| s.map_or_else(|| "-".to_string(), |s| s.text(text).to_string());
    match k {
        "name" => speaker.map_or_else(|| "-".to_string(), |s| s.normalized_name().into_owned()),
        "kind" => speaker.map_or_else(|| "-".to_string(), |s| s.kind.name().to_string()),
        "gender" => speaker.map_or_else(|| "-".to_string(), |s| s.gender.to_string()),
        "addressee" => span(a.addressee),
        // (the medium's name: its text, or the platform a cue verb names, `tweeted`)
        "medium" => a.medium_name(text).unwrap_or("-").to_string(),
        _ => unreachable!("unknown field {k}"),
    }
}

#[test]
fn case_file_parser() {
    let cases = parse("## one\nA said B.\n--\ncontent: B\nname: A\ngender: male\n").unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(
        cases[0].expected[0].fields,
        [("name", "A".into()), ("gender", "male".into())]
    );
    assert!(parse("## one\nA said B.\n--\ncontent: B\ncolour: red\n").is_err());
    assert!(parse("## one\nA said B.\n--\nname: A\n").is_err());
    assert!(parse("## one\nA said B.\n").is_err());
}

#[test]
fn named_entity_cases() {
    let cases = parse(DATA).unwrap_or_else(|e| panic!("entities.txt: {e}"));
    let mut tally = common::Tally::default();
    for case in &cases {
        let doc = whosaid::analyze(&case.input);
        let mut ok = true;
        let (mut expected, mut got) = (String::new(), String::new());
        for e in &case.expected {
            expected.push_str(&format!("    content: {}\n", e.content));
            got.push_str(&format!("    content: {}\n", e.content));
            let a = doc
                .attributions
                .iter()
                .find(|a| a.content.text(doc.text) == e.content);
            for (k, want) in &e.fields {
                let have = a.map_or_else(
                    || "(no such attribution)".to_string(),
                    |a| field(&doc, a, k),
                );
                ok &= &have == want;
                expected.push_str(&format!("    {k}: {want}\n"));
                got.push_str(&format!("    {k}: {have}\n"));
            }
            ok &= a.is_some();
        }
        tally.check(
            &case.name,
            case.line,
            &case.input,
            case.pending.as_deref(),
            ok,
            &expected,
            &got,
        );
    }
    tally.finish("entity_golden", "entity", 25);
}

/// The golden case of two shares of unrelated groups (`Most of them said`, twice): its
/// two attributions are two entities, not one by their words (what its name check
/// cannot tell).
#[test]
fn shares_of_unrelated_groups_are_two_entities() {
    let cases = parse(DATA).unwrap_or_else(|e| panic!("entities.txt: {e}"));
    let case = cases
        .iter()
        .find(|c| c.name == "two shares of unrelated groups are not one entity")
        .expect("the case is in entities.txt");
    let doc = whosaid::analyze(&case.input);
    let entity_of = |content: &str| {
        doc.attributions
            .iter()
            .find(|a| a.content.text(doc.text) == content)
            .and_then(|a| a.entity)
    };
    let first = entity_of(&case.expected[0].content);
    let second = entity_of(&case.expected[1].content);
    assert!(first.is_some() && second.is_some(), "{first:?} {second:?}");
    assert_ne!(first, second);
}
