//! Shared by the golden-case tests (`quotes_golden`, `attribution_golden`,
//! `entity_golden`): how a case file's values are read and how the outcome of each named
//! case is tallied and reported.

use std::fmt::Write as _;
use std::io::Write as _;

/// A value of a case file with its escapes read: `\n` is a line break.
pub fn unescape(v: &str) -> String {
    v.replace("\\n", "\n")
}

/// Tally of a run over named cases.
#[derive(Default)]
pub struct Tally {
    failures: Vec<String>,
    pending: Vec<String>,
    now_passing: Vec<String>,
    cases: usize,
}

impl Tally {
    /// Record one case: `ok` is whether the crate matched it, `pending` the reason a
    /// known difference is tolerated, `report` what to print when it does not match.
    fn record(&mut self, name: &str, pending: Option<&str>, ok: bool, report: String) {
        self.cases += 1;
        match (pending, ok) {
            (None, true) => {}
            (None, false) => self.failures.push(report),
            (Some(reason), false) => self.pending.push(format!("[pending: {reason}] {report}")),
            (Some(_), true) => self.now_passing.push(name.to_string()),
        }
    }

    /// Check one named case: `ok` whether `got` matched `expected` (both rendered as in
    /// the case file). With `WHOSAID_GOLDEN_DUMP` set, every case is printed in the case
    /// file's format, as the crate sees it.
    #[allow(clippy::too_many_arguments)]
    pub fn check(
        &mut self,
        name: &str,
        line: usize,
        input: &str,
        pending: Option<&str>,
        ok: bool,
        expected: &str,
        got: &str,
    ) {
        if std::env::var_os("WHOSAID_GOLDEN_DUMP").is_some() {
            println!("## {name}\n{input}\n--\n{got}\n");
        }
        let report = format!(
            "{name} (line {line})\n  input:\n    {}\n  expected:\n{expected}\n  got:\n{got}",
            input.replace('\n', "\n    "),
        );
        self.record(name, pending, ok, report);
    }

    /// Print pending differences (to stderr, so that a passing `cargo test` shows them)
    /// and failures, then fail the test if any case failed or too few cases were parsed.
    pub fn finish(self, tag: &str, what: &str, min_cases: usize) {
        let mut report = String::new();
        for p in &self.pending {
            let _ = writeln!(report, "{tag}: PENDING {p}\n");
        }
        for n in &self.now_passing {
            let _ = writeln!(
                report,
                "{tag}: pending case now passes, remove its `pending:` line: {n}"
            );
        }
        let _ = std::io::stderr().write_all(report.as_bytes());
        for f in &self.failures {
            println!("FAIL {f}\n");
        }
        println!(
            "{} {what} cases: {} pass, {} pending, {} fail",
            self.cases,
            self.cases - self.failures.len() - self.pending.len(),
            self.pending.len(),
            self.failures.len()
        );
        assert!(self.cases >= min_cases, "only {} cases parsed", self.cases);
        assert!(
            self.failures.is_empty(),
            "{} {what} case(s) failed:\n\n{}",
            self.failures.len(),
            self.failures.join("\n\n")
        );
    }
}
