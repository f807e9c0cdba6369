//! Golden attribution cases: the named cases in `tests/data/attributions.txt` (the
//! format is described at the top of that file), checked against `whosaid::analyze`.
//!
//! Every attribution the analyzer finds in a case must be listed, in text order. A case
//! marked `pending:` is printed with its difference but does not fail the test.
//! `WHOSAID_GOLDEN_DUMP=1 cargo test --test attribution_golden -- --nocapture` prints
//! what the crate finds for every case, in the data format.

mod common;
use common::unescape;

use std::fmt::Write as _;

use whosaid::{Document, Span};

const DATA: &str = include_str!("data/attributions.txt");

/// The fields of an attribution, in the order they are written and compared.
const FIELDS: [&str; 9] = [
    "content",
    "kind",
    "speaker",
    "name",
    "cue",
    "addressee",
    "medium",
    "rule",
    "confidence",
];
/// Fields every expected attribution must give.
const REQUIRED: [&str; 6] = ["content", "kind", "speaker", "name", "cue", "rule"];
/// Fields that are `-` (none) when left out.
const DEFAULT_NONE: [&str; 2] = ["addressee", "medium"];

/// One attribution as field values (`-` = none); `confidence` is `None` when the case
/// does not check it.
type Fields = Vec<(&'static str, Option<String>)>;

/// One named case.
#[derive(Debug, Default)]
struct Case {
    name: String,
    line: usize,
    pending: Option<String>,
    input: String,
    expected: Vec<Fields>,
    /// `(none)` was written: no attribution at all.
    none: bool,
}

fn escape(v: &str) -> String {
    v.replace('\n', "\\n")
}

fn field_index(k: &str) -> Option<usize> {
    FIELDS.iter().position(|f| *f == k)
}

/// Check that an expected attribution has its required fields and fill the defaults.
fn complete(raw: Vec<(usize, String)>, line: usize) -> Result<Fields, String> {
    let mut fields: Fields = FIELDS.iter().map(|f| (*f, None)).collect();
    for (k, v) in raw {
        fields[k].1 = Some(v);
    }
    for (k, v) in &mut fields {
        if v.is_none() {
            if REQUIRED.contains(k) {
                return Err(format!("line {line}: attribution has no `{k}:`"));
            }
            if DEFAULT_NONE.contains(k) {
                *v = Some("-".to_string());
            }
        }
    }
    let kind = fields[1].1.as_deref().unwrap_or("");
    if !["direct", "mixed", "partial", "indirect"].contains(&kind) {
        return Err(format!("line {line}: unknown kind {kind:?}"));
    }
    if let Some(c) = &fields[8].1 {
        c.parse::<f32>()
            .map_err(|_| format!("line {line}: bad confidence {c:?}"))?;
    }
    Ok(fields)
}

/// Parse the data file; a malformed file is an error with its line number.
fn parse_cases(data: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expected = false;
    let mut input: Vec<&str> = Vec::new();
    // the attribution being read: its fields and the line of its `content:`
    let mut current: Option<(Vec<(usize, String)>, usize)> = None;
    let flush = |current: &mut Option<(Vec<(usize, String)>, usize)>,
                 case: Option<&mut Case>|
     -> Result<(), String> {
        if let (Some((raw, line)), Some(case)) = (current.take(), case) {
            case.expected.push(complete(raw, line)?);
        }
        Ok(())
    };
    for (i, line) in data.lines().enumerate() {
        let n = i + 1;
        if let Some(name) = line.strip_prefix("## ") {
            flush(&mut current, cases.last_mut())?;
            if let Some(c) = cases.last() {
                if !in_expected {
                    return Err(format!("line {}: case {:?} has no `--`", c.line, c.name));
                }
            }
            cases.push(Case {
                name: name.trim().to_string(),
                line: n,
                ..Case::default()
            });
            in_expected = false;
            input.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let Some(case) = cases.last_mut() else {
            if line.trim().is_empty() {
                continue;
            }
            return Err(format!("line {n}: text before the first `## name`"));
        };
        if !in_expected {
            if input.is_empty() {
                if let Some(reason) = line.strip_prefix("pending:") {
                    case.pending = Some(reason.trim().to_string());
                    continue;
                }
            }
            if line.trim_end() == "--" {
                while input.last().is_some_and(|l| l.trim().is_empty()) {
                    input.pop();
                }
                case.input = input.join("\n");
                if case.input.is_empty() {
                    return Err(format!("line {n}: case {:?} has no input", case.name));
                }
                in_expected = true;
            } else {
                input.push(line);
            }
            continue;
        }
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        if l == "(none)" {
            case.none = true;
            continue;
        }
        let (k, v) = l
            .split_once(':')
            .ok_or_else(|| format!("line {n}: expected `field: value`, got {l:?}"))?;
        let k = k.trim();
        let idx = field_index(k).ok_or_else(|| format!("line {n}: unknown field {k:?}"))?;
        if idx == 0 {
            flush(&mut current, Some(case))?;
            current = Some((Vec::new(), n));
        }
        let (raw, _) = current
            .as_mut()
            .ok_or_else(|| format!("line {n}: `{k}:` before `content:`"))?;
        if raw.iter().any(|(j, _)| *j == idx) {
            return Err(format!("line {n}: `{k}:` given twice"));
        }
        raw.push((idx, unescape(v.trim())));
    }
    flush(&mut current, cases.last_mut())?;
    if let Some(c) = cases.last() {
        if !in_expected {
            return Err(format!("line {}: case {:?} has no `--`", c.line, c.name));
        }
    }
    for c in &cases {
        let listed = !c.expected.is_empty();
        if c.none == listed {
            return Err(format!(
                "line {}: case {:?} needs either `(none)` or expected attributions",
                c.line, c.name
            ));
        }
    }
    Ok(cases)
}

/// The crate's attributions, every field filled.
fn actual(doc: &Document<'_>) -> Vec<Fields> {
    let text = doc.text;
    let s = |sp: Option<Span>| sp.map_or_else(|| "-".to_string(), |sp| sp.text(text).to_string());
    doc.attributions
        .iter()
        .map(|a| {
            let values = [
                a.content.text(text).to_string(),
                a.kind.name().to_string(),
                s(a.speaker.map(|m| m.span)),
                doc.speaker_of(a)
                    .map_or_else(|| "-".to_string(), |sp| sp.name.to_string()),
                s(a.cue),
                s(a.addressee),
                s(a.medium),
                a.rule.name().to_string(),
                format!("{:.2}", a.confidence),
            ];
            FIELDS.iter().copied().zip(values.map(Some)).collect()
        })
        .collect()
}

/// Does the crate's attribution match the expectation (confidence only when given, to
/// two decimals)?
fn matches(want: &Fields, got: &Fields) -> bool {
    want.iter().zip(got).all(|((k, w), (_, g))| match w {
        None => true,
        Some(w) if *k == "confidence" => {
            let (w, g) = (w.parse::<f32>(), g.as_deref().unwrap_or("").parse::<f32>());
            matches!((w, g), (Ok(w), Ok(g)) if (w - g).abs() < 0.005)
        }
        Some(w) => g.as_deref() == Some(w.as_str()),
    })
}

fn render_all(list: &[Fields]) -> String {
    if list.is_empty() {
        return "    (none)".to_string();
    }
    let mut s = String::new();
    for (i, a) in list.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        for (k, v) in a {
            if let Some(v) = v {
                let _ = writeln!(s, "    {:<11}{}", format!("{k}:"), escape(v));
            }
        }
    }
    s.trim_end().to_string()
}

#[test]
fn named_attribution_cases() {
    let cases = parse_cases(DATA).unwrap_or_else(|e| panic!("tests/data/attributions.txt: {e}"));
    let mut tally = common::Tally::default();
    for case in &cases {
        let doc = whosaid::analyze(&case.input);
        let got = actual(&doc);
        let ok = got.len() == case.expected.len()
            && case.expected.iter().zip(&got).all(|(w, g)| matches(w, g));
        tally.check(
            &case.name,
            case.line,
            &case.input,
            case.pending.as_deref(),
            ok,
            &render_all(&case.expected),
            &render_all(&got),
        );
    }
    tally.finish("attribution_golden", "attribution", 40);
}

#[test]
fn case_file_parser() {
    let cases = parse_cases(
        "# comment\n## a\npending: not yet\n“A,” she said.\n\nB.\n--\ncontent: “A,”\nkind: direct\nspeaker: she\nname: she\ncue: said\nrule: quote-speaker-cue\nconfidence: 0.9\n\ncontent: x\\ny\nkind: indirect\nspeaker: -\nname: -\ncue: -\nmedium: on TV\nrule: unattributed\n## b\nNothing.\n--\n(none)\n",
    )
    .unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].pending.as_deref(), Some("not yet"));
    assert_eq!(cases[0].input, "“A,” she said.\n\nB.");
    assert_eq!(cases[0].expected.len(), 2);
    let second = &cases[0].expected[1];
    assert_eq!(second[0].1.as_deref(), Some("x\ny"));
    assert_eq!(
        second[5].1.as_deref(),
        Some("-"),
        "addressee defaults to none"
    );
    assert_eq!(second[6].1.as_deref(), Some("on TV"));
    assert_eq!(second[8].1, None, "confidence is checked only when given");
    assert_eq!(cases[0].expected[0][8].1.as_deref(), Some("0.9"));
    assert!(cases[1].none && cases[1].expected.is_empty());
    assert!(parse_cases("## a\nX\n").is_err(), "a case needs `--`");
    assert!(
        parse_cases("## a\nX\n--\n").is_err(),
        "a case needs expectations"
    );
    assert!(
        parse_cases("## a\nX\n--\ncontent: X\nkind: direct\n").is_err(),
        "missing fields"
    );
    assert!(
        parse_cases("## a\nX\n--\ncolour: red\n").is_err(),
        "unknown field"
    );
    assert!(
        parse_cases("## a\nX\n--\nkind: direct\n").is_err(),
        "field before content"
    );
}
