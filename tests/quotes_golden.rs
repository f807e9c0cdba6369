//! Golden quotation-detection cases: the named cases in `tests/data/quotes.txt` (the
//! format is described at the top of that file), checked against
//! `QuoteDetector::quotes`.
//!
//! Every quotation the detector finds in a case must be listed, in order. A case marked
//! `pending:` is printed with its difference but does not fail the test.
//! `WHOSAID_GOLDEN_DUMP=1 cargo test --test quotes_golden -- --nocapture` prints what the
//! crate finds for every case, in the data format.

mod common;
use common::unescape;

use std::fmt::Write as _;

use whosaid::{Quote, QuoteDetector};

const DATA: &str = include_str!("data/quotes.txt");

/// One expected quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ExpQuote {
    /// The quotation with its marks (`Quote::text`).
    text: String,
    /// `speech`, `partial` or `not-speech`.
    kind: String,
    /// Mark convention name, checked only when given.
    marks: Option<String>,
    closed: bool,
    /// Index of the enclosing quotation in the case's list.
    parent: Option<usize>,
    /// `first-last` paragraph indices, checked only when given.
    paragraphs: Option<(usize, usize)>,
    /// The pieces with their marks; empty means "one piece, the whole quotation".
    pieces: Vec<String>,
}

/// One named case.
#[derive(Debug, Default)]
struct Case {
    name: String,
    line: usize,
    single_marks_open: bool,
    pending: Option<String>,
    input: String,
    expected: Vec<ExpQuote>,
    /// `(none)` was written: no quotation at all.
    none: bool,
}

fn escape(v: &str) -> String {
    v.replace('\n', "\\n")
}

/// Parse one expected-quotation line: `TEXT | kind key=value …`.
fn parse_quote(line: &str, n: usize) -> Result<ExpQuote, String> {
    let (text, attrs) = line
        .rsplit_once(" | ")
        .ok_or_else(|| format!("line {n}: expected `TEXT | kind …`, got {line:?}"))?;
    let mut words = attrs.split_whitespace();
    let kind = words
        .next()
        .ok_or_else(|| format!("line {n}: no kind after `|`"))?
        .to_string();
    if !["speech", "partial", "not-speech"].contains(&kind.as_str()) {
        return Err(format!("line {n}: unknown kind {kind:?}"));
    }
    let mut q = ExpQuote {
        text: unescape(text.trim()),
        kind,
        marks: None,
        closed: true,
        parent: None,
        paragraphs: None,
        pieces: Vec::new(),
    };
    for w in words {
        let (k, v) = w
            .split_once('=')
            .ok_or_else(|| format!("line {n}: expected `key=value`, got {w:?}"))?;
        let bad = || format!("line {n}: bad value in {w:?}");
        match k {
            "marks" => q.marks = Some(v.to_string()),
            "closed" => {
                q.closed = match v {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(bad()),
                }
            }
            "parent" => q.parent = Some(v.parse().map_err(|_| bad())?),
            "paragraphs" => {
                let (a, b) = v.split_once('-').unwrap_or((v, v));
                q.paragraphs = Some((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?));
            }
            _ => return Err(format!("line {n}: unknown attribute {k:?}")),
        }
    }
    Ok(q)
}

/// Parse the data file; a malformed file is an error with its line number.
fn parse_cases(data: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expected = false;
    let mut input: Vec<&str> = Vec::new();
    for (i, line) in data.lines().enumerate() {
        let n = i + 1;
        if let Some(name) = line.strip_prefix("## ") {
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
                if let Some(opts) = line.strip_prefix("options:") {
                    for o in opts.split_whitespace() {
                        match o {
                            "single_marks_open" => case.single_marks_open = true,
                            _ => return Err(format!("line {n}: unknown option {o:?}")),
                        }
                    }
                    continue;
                }
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
        } else if let Some(piece) = l.strip_prefix("piece:") {
            let q = case
                .expected
                .last_mut()
                .ok_or_else(|| format!("line {n}: `piece:` before any quotation"))?;
            q.pieces.push(unescape(piece.trim()));
        } else {
            case.expected.push(parse_quote(l, n)?);
        }
    }
    if let Some(c) = cases.last() {
        if !in_expected {
            return Err(format!("line {}: case {:?} has no `--`", c.line, c.name));
        }
    }
    for c in &cases {
        let listed = !c.expected.is_empty();
        if c.none == listed {
            return Err(format!(
                "line {}: case {:?} needs either `(none)` or expected quotations",
                c.line, c.name
            ));
        }
    }
    Ok(cases)
}

/// What the detector found, in the same form as an expectation (every field filled).
fn actual(text: &str, q: &Quote<'_>) -> ExpQuote {
    let pieces: Vec<String> = q
        .pieces()
        .iter()
        .map(|p| p.text(text).to_string())
        .collect();
    ExpQuote {
        text: q.text(text).to_string(),
        kind: q.kind.name().to_string(),
        marks: Some(q.marks.name().to_string()),
        closed: q.closed,
        parent: q.parent(),
        paragraphs: Some((q.first_paragraph(), q.last_paragraph())),
        pieces: if pieces.len() == 1 && pieces[0] == q.text(text) {
            Vec::new()
        } else {
            pieces
        },
    }
}

/// Does the crate's quotation match the expectation (optional fields only when given)?
fn matches(want: &ExpQuote, got: &ExpQuote) -> bool {
    want.text == got.text
        && want.kind == got.kind
        && want.closed == got.closed
        && want.parent == got.parent
        && want.pieces == got.pieces
        && (want.marks.is_none() || want.marks == got.marks)
        && (want.paragraphs.is_none() || want.paragraphs == got.paragraphs)
}

/// The data-file form of a quotation.
fn render(q: &ExpQuote) -> String {
    let mut s = format!("{} | {}", escape(&q.text), q.kind);
    if let Some(m) = &q.marks {
        let _ = write!(s, " marks={m}");
    }
    if !q.closed {
        s.push_str(" closed=no");
    }
    if let Some(p) = q.parent {
        let _ = write!(s, " parent={p}");
    }
    if let Some((a, b)) = q.paragraphs {
        let _ = write!(s, " paragraphs={a}-{b}");
    }
    for p in &q.pieces {
        let _ = write!(s, "\n      piece: {}", escape(p));
    }
    s
}

fn render_all(qs: &[ExpQuote]) -> String {
    if qs.is_empty() {
        return "    (none)".to_string();
    }
    qs.iter()
        .map(|q| format!("    {}", render(q)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn detector(single_marks_open: bool) -> QuoteDetector {
    QuoteDetector::builder()
        .single_marks_open(single_marks_open)
        .build()
        .expect("valid settings")
}

#[test]
fn named_quotation_cases() {
    let cases = parse_cases(DATA).unwrap_or_else(|e| panic!("tests/data/quotes.txt: {e}"));
    let (american, british) = (detector(false), detector(true));
    let mut tally = common::Tally::default();
    for case in &cases {
        let det = if case.single_marks_open {
            &british
        } else {
            &american
        };
        let got: Vec<ExpQuote> = det
            .quotes(&case.input)
            .map(|q| actual(&case.input, &q))
            .collect();
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
    tally.finish("quotes_golden", "quotation", 30);
}

#[test]
fn case_file_parser() {
    let cases = parse_cases(
        "# comment\n## a\noptions: single_marks_open\npending: not yet\n‘A,’ she said.\n\n“B\n--\n‘A,’ | speech marks=curly-single\n“B | speech closed=no paragraphs=1-1\n## b\nNo quotes.\n--\n(none)\n## c\n“X,” he said, “y.”\n--\n“X,” he said, “y.” | speech\n  piece: “X,”\n  piece: “y.”\n  “Z” | partial parent=0\n",
    )
    .unwrap();
    assert_eq!(cases.len(), 3);
    assert!(cases[0].single_marks_open);
    assert_eq!(cases[0].pending.as_deref(), Some("not yet"));
    assert_eq!(cases[0].input, "‘A,’ she said.\n\n“B");
    assert_eq!(cases[0].expected.len(), 2);
    assert!(!cases[0].expected[1].closed);
    assert_eq!(cases[0].expected[1].paragraphs, Some((1, 1)));
    assert!(cases[1].none && cases[1].expected.is_empty());
    assert_eq!(cases[2].expected[0].pieces, ["“X,”", "“y.”"]);
    assert_eq!(cases[2].expected[1].parent, Some(0));
    assert!(parse_cases("## a\nX\n").is_err(), "a case needs `--`");
    assert!(
        parse_cases("## a\nX\n--\n").is_err(),
        "a case needs expectations"
    );
    assert!(
        parse_cases("## a\nX\n--\nX | talk\n").is_err(),
        "unknown kind"
    );
    assert!(parse_cases("## a\nX\n--\nX | speech colour=red\n").is_err());
}
