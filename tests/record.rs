//! The one JSON shape: `Document`'s serde form is the record of `whosaid annotate
//! --json`, `OwnedDocument` reads it back (and rejects bad records with a clear error),
//! and `schema/document.schema.json` describes real output. The schema is checked by a
//! small validator of the keywords the schema uses, below.
#![cfg(feature = "serde")]

use serde_json::Value;
use whosaid::{Offsets, OwnedDocument, Span};

const STORIES: &[&str] = &[
    "“We will not retreat,” the mayor said. Ana Ruiz told Reuters that the deal was dead.",
    "Ruiz pledged “strong support” for their “core interests” on Monday, she said.",
    "“A b,” he said, “c d.” The so-called “reform” failed. According to officials, it is over.",
    "Headline Here\n\nSen. Ana Ruiz arrived. “Enough,” she said. “We go on.”\n\n“Again,” said Tom Hartley, who runs a café — “and again.”",
    "",
];

fn sample() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/summit.txt"
    ))
    .expect("sample article")
}

/// Texts to check: the invented stories, the sample, and the PolNeAR dev texts when
/// `../shared` is present.
fn texts() -> Vec<String> {
    let mut texts: Vec<String> = STORIES.iter().map(|s| s.to_string()).collect();
    texts.push(sample());
    let dev = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/polnear/dev/text"
    );
    match std::fs::read_dir(dev) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        Err(_) => {
            eprintln!("note: {dev} not present; checking the invented stories and the sample only")
        }
    }
    texts
}

#[test]
fn owned_document_reads_the_document_record_back() {
    for text in texts() {
        let doc = whosaid::analyze(&text);
        let json = serde_json::to_string(&doc).expect("serialise");
        let back: OwnedDocument = serde_json::from_str(&json).expect("read back");
        assert_eq!(back, doc.to_owned_document());
        assert_eq!(serde_json::to_string(&back).expect("serialise owned"), json);
        assert_eq!(back.text, text);
    }
}

#[test]
fn owned_document_follows_links_like_the_document() {
    let text = STORIES[1];
    let doc = whosaid::analyze(text);
    let owned = doc.to_owned_document();
    for (a, o) in doc.attributions.iter().zip(&owned.attributions) {
        assert_eq!(
            doc.speaker_of(a).map(|s| s.name),
            owned.speaker_of(o).map(|s| s.name.as_str())
        );
        let pieces: Vec<Span> = doc.quotes_in(a).map(|q| q.span).collect();
        assert_eq!(owned.quotes_in(o).collect::<Vec<_>>(), pieces);
        assert_eq!(owned.quote_of(o), pieces.first().copied());
        assert_eq!(owned.quoted_span(o), doc.quoted_span(a));
    }
}

/// A record of STORIES[0], changed by `edit`, must be refused with `expected` in the error.
fn refused(edit: impl Fn(&mut Value), expected: &str) {
    let doc = whosaid::analyze(STORIES[0]);
    let mut record: Value = serde_json::to_value(&doc).unwrap();
    edit(&mut record);
    let err = serde_json::from_value::<OwnedDocument>(record)
        .expect_err(expected)
        .to_string();
    assert!(err.contains(expected), "expected {expected:?} in {err:?}");
}

#[test]
fn owned_document_rejects_bad_records() {
    refused(
        |r| r["quotes"][0]["confidence"] = 7.5.into(),
        "quotes[0].confidence: 7.5 is not between 0 and 1",
    );
    refused(
        |r| r["quotes"][0]["entity"] = 99.into(),
        "quotes[0].entity: 99 is not a speaker index",
    );
    refused(
        |r| r["sentences"][0] = serde_json::json!([5, 2]),
        "sentences[0]: span 5..2 ends before it starts",
    );
    refused(
        |r| r["paragraphs"][0] = serde_json::json!([0, 9999]),
        "paragraphs[0]: span 0..9999 is outside the text",
    );
    refused(
        |r| r["quotes"][0]["start"] = 1.into(),
        "quotes[0]: span 1..",
    );
    refused(
        |r| r["quotes"][0]["cue"]["text"] = "told".into(),
        "quotes[0].cue: \"text\" is not the text of span",
    );
    refused(
        |r| r["speakers"][0]["id"] = 3.into(),
        "speakers[0]: id is 3, not its index 0",
    );
    refused(
        |r| r["quotes"][0]["name"] = "someone".into(),
        "quotes[0].name",
    );
    refused(
        |r| r["speakers"][0]["mentions"][0] = serde_json::json!([0, 9999]),
        "speakers[0].mentions[0]",
    );
    refused(
        |r| drop(r.as_object_mut().unwrap().remove("text")),
        "the record has no \"text\"",
    );
    refused(
        |r| r["offsets"] = "chars".into(),
        "reads UTF-8 byte offsets only",
    );
    // a span that ends inside “ (3 bytes)
    refused(
        |r| {
            r["quotes"][0]["content"]["end"] = 1.into();
            r["quotes"][0]["content"]["text"] = "".into();
        },
        "not on character boundaries",
    );
}

#[test]
fn span_len_never_wraps() {
    assert_eq!(Span { start: 5, end: 2 }.len(), 0);
    assert_eq!(Span::new(2, 5).len(), 3);
}

#[test]
fn record_options_change_only_what_they_say() {
    let doc = whosaid::analyze(STORIES[0]);
    let full: Value = serde_json::to_value(&doc).unwrap();
    let batch: Value = serde_json::to_value(doc.record().id("x").with_text(false)).unwrap();
    let mut expected = full.clone();
    expected.as_object_mut().unwrap().remove("text");
    expected["id"] = "x".into();
    assert_eq!(batch, expected);
    let chars: Value = serde_json::to_value(doc.record().offsets(Offsets::Chars)).unwrap();
    assert_eq!(chars["offsets"], "chars");
    // “ is one char of three bytes: the first sentence ends 4 offsets earlier in chars
    // (two curly marks), and every text is the same
    let (b, c) = (&full["sentences"][0][1], &chars["sentences"][0][1]);
    assert_eq!(b.as_u64().unwrap() - c.as_u64().unwrap(), 4);
    assert_eq!(full["quotes"][0]["text"], chars["quotes"][0]["text"]);
}

// ---- a validator for the part of JSON Schema that schema/document.schema.json uses ----

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/document.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema JSON")
}

fn type_matches(name: &str, v: &Value) -> bool {
    match name {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        other => panic!("the validator does not know type {other}"),
    }
}

/// Every violation of `schema` by `v`, with its path.
fn validate(root: &Value, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(s) = schema.as_object() else { return };
    const KNOWN: &[&str] = &[
        "$schema",
        "$id",
        "title",
        "description",
        "$defs",
        "$ref",
        "type",
        "enum",
        "anyOf",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "minimum",
        "maximum",
    ];
    for key in s.keys() {
        assert!(
            KNOWN.contains(&key.as_str()),
            "the validator does not know keyword {key}"
        );
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        validate(root, &root["$defs"][name], v, path, errors);
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(name) => type_matches(name, v),
            Value::Array(names) => names.iter().any(|n| type_matches(n.as_str().unwrap(), v)),
            _ => panic!("bad type keyword"),
        };
        if !ok {
            errors.push(format!("{path}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        if !values.contains(v) {
            errors.push(format!("{path}: {v} is not one of {values:?}"));
        }
    }
    if let Some(options) = s.get("anyOf").and_then(Value::as_array) {
        let fits = options.iter().any(|o| {
            let mut e = Vec::new();
            validate(root, o, v, path, &mut e);
            e.is_empty()
        });
        if !fits {
            errors.push(format!("{path}: {v} fits none of anyOf"));
        }
    }
    if let Some(n) = v.as_f64() {
        if s.get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            errors.push(format!("{path}: {n} is below the minimum"));
        }
        if s.get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            errors.push(format!("{path}: {n} is above the maximum"));
        }
    }
    if let Some(items) = v.as_array() {
        if s.get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| (items.len() as u64) < m)
        {
            errors.push(format!("{path}: fewer items than minItems"));
        }
        if s.get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| items.len() as u64 > m)
        {
            errors.push(format!("{path}: more items than maxItems"));
        }
        if let Some(item) = s.get("items") {
            for (k, x) in items.iter().enumerate() {
                validate(root, item, x, &format!("{path}[{k}]"), errors);
            }
        }
    }
    if let Some(object) = v.as_object() {
        let properties = s.get("properties").and_then(Value::as_object);
        for key in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !object.contains_key(key.as_str().unwrap()) {
                errors.push(format!("{path}: missing {key}"));
            }
        }
        for (key, x) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => validate(root, sub, x, &format!("{path}.{key}"), errors),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected key {key}"))
                }
                None => {}
            }
        }
    }
}

fn violations(v: &Value) -> Vec<String> {
    let root = schema();
    let mut errors = Vec::new();
    validate(&root, &root, v, "$", &mut errors);
    errors
}

#[test]
fn the_schema_describes_real_records() {
    let mut quotes = 0;
    for text in texts() {
        let doc = whosaid::analyze(&text);
        quotes += doc.attributions.len();
        for record in [
            serde_json::to_value(&doc).unwrap(),
            serde_json::to_value(doc.record().id(7).with_text(false)).unwrap(),
            serde_json::to_value(doc.record().id("a/b.txt").offsets(Offsets::Utf16)).unwrap(),
        ] {
            let errors = violations(&record);
            assert!(errors.is_empty(), "{errors:#?}");
        }
    }
    assert!(quotes > 10);
}

#[test]
fn the_schema_validator_can_fail() {
    let doc = whosaid::analyze(STORIES[0]);
    let mut record = serde_json::to_value(&doc).unwrap();
    record["quotes"][0]["kind"] = "shouted".into();
    record["quotes"][0]["confidence"] = 2.into();
    record["speakers"][0]["extra"] = 1.into();
    record["sentences"][0] = serde_json::json!([1]);
    let errors = violations(&record);
    assert_eq!(errors.len(), 4, "{errors:#?}");
}
