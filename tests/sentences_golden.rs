//! Golden sentence-splitting cases: the 48 English Golden Rules (when `../shared` is
//! present) and the named cases in `tests/data/sentences.txt`.

use whosaid::{QuotePolicy, Segmenter};

fn segmenter(policy: QuotePolicy) -> Segmenter {
    Segmenter::builder().quote_policy(policy).build().unwrap()
}

fn split(seg: &Segmenter, text: &str) -> Vec<String> {
    seg.sentences(text).map(|s| s.text.to_string()).collect()
}

#[test]
fn english_golden_rules() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/sbd/golden_rules_en.json"
    );
    let Ok(data) = std::fs::read_to_string(path) else {
        println!("skipping: ../shared not present");
        return;
    };
    let cases: Vec<serde_json::Value> = serde_json::from_str(&data).expect("golden rules JSON");
    assert_eq!(cases.len(), 48);
    for policy in [QuotePolicy::Keep, QuotePolicy::Split] {
        let seg = segmenter(policy);
        let mut passed = 0;
        for case in &cases {
            let input = case["input"].as_str().unwrap();
            let expected: Vec<String> = case["expected"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let got = split(&seg, input);
            if got == expected {
                passed += 1;
            } else {
                println!(
                    "{policy:?} FAIL {} {}\n  input:    {input:?}\n  expected: {expected:?}\n  got:      {got:?}",
                    case["id"], case["rule"]
                );
            }
        }
        println!("{policy:?}: {passed}/48 Golden Rules pass");
        assert!(
            passed >= 47,
            "{policy:?}: only {passed}/48 Golden Rules pass"
        );
    }
}

/// One named case of `tests/data/sentences.txt`.
struct Case {
    name: String,
    input: String,
    keep: Vec<String>,
    split: Vec<String>,
}

fn parse_cases(data: &str) -> Vec<Case> {
    #[derive(PartialEq)]
    enum Section {
        Input,
        Both,
        Keep,
        Split,
    }
    let mut cases: Vec<Case> = Vec::new();
    let mut section = Section::Input;
    let mut input: Vec<&str> = Vec::new();
    let finish_input = |input: &mut Vec<&str>, case: &mut Case| {
        while input.last().is_some_and(|l| l.trim().is_empty()) {
            input.pop();
        }
        if !input.is_empty() {
            case.input = input.join("\n");
        }
        input.clear();
    };
    for line in data.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.trim().to_string(),
                input: String::new(),
                keep: Vec::new(),
                split: Vec::new(),
            });
            section = Section::Input;
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue;
        };
        let marker = line.trim_end();
        if matches!(marker, "--" | "-- keep" | "-- split") {
            finish_input(&mut input, case);
            section = match marker {
                "--" => Section::Both,
                "-- keep" => Section::Keep,
                _ => Section::Split,
            };
            continue;
        }
        match section {
            Section::Input => input.push(line),
            _ if line.trim().is_empty() => {}
            Section::Both => {
                case.keep.push(line.trim().to_string());
                case.split.push(line.trim().to_string());
            }
            Section::Keep => case.keep.push(line.trim().to_string()),
            Section::Split => case.split.push(line.trim().to_string()),
        }
    }
    cases
}

#[test]
fn named_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sentences.txt");
    let data = std::fs::read_to_string(path).expect("tests/data/sentences.txt");
    let cases = parse_cases(&data);
    assert!(cases.len() >= 40, "only {} cases parsed", cases.len());
    let keep = segmenter(QuotePolicy::Keep);
    let split_seg = segmenter(QuotePolicy::Split);
    let mut failures = 0;
    for case in &cases {
        assert!(!case.input.is_empty(), "case {:?} has no input", case.name);
        assert!(
            !case.keep.is_empty() && !case.split.is_empty(),
            "case {:?} has no expectation",
            case.name
        );
        for (policy, seg, expected) in [
            ("keep", &keep, &case.keep),
            ("split", &split_seg, &case.split),
        ] {
            let got = split(seg, &case.input);
            if &got != expected {
                failures += 1;
                println!(
                    "FAIL [{policy}] {}\n  input:    {:?}\n  expected: {expected:#?}\n  got:      {got:#?}",
                    case.name, case.input
                );
            }
        }
    }
    assert_eq!(
        failures, 0,
        "{failures} named case(s) failed; see the output above"
    );
}

#[test]
fn case_file_parser() {
    let cases = parse_cases(
        "# c\n## a\nOne. Two.\n--\nOne.\nTwo.\n## b\nX\n\nY\n-- keep\nX\n-- split\nX\nY\n",
    );
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].keep, ["One.", "Two."]);
    assert_eq!(cases[0].split, cases[0].keep);
    assert_eq!(cases[1].input, "X\n\nY");
    assert_eq!(cases[1].keep, ["X"]);
    assert_eq!(cases[1].split, ["X", "Y"]);
}
