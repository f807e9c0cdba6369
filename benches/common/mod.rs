//! The benchmark corpus shared by the benches: the PolNeAR train texts when
//! `../shared` is present, else a synthetic article written for these benches.

#![allow(dead_code)]

/// One invented article, repeated to build the fallback corpus.
const SYNTHETIC: &str = "Harbor Town Votes on Ferry Plan

PORTSMOUTH, N.H. (Wire) — The city council voted 6-3 on Tuesday to fund a new ferry \
terminal, ending a two-year dispute over the $41.5 million project. Mayor Dana Okafor \
called the vote “a turning point for the waterfront.” She added: “We listened. We changed \
the plan. Now we build.”

Councilor Raj P. Malhotra, who voted no, said the estimate was too optimistic. “Costs on \
projects like this rise 20 to 30 percent,” he said. “Who pays then? The taxpayers do.”

The state Department of Transportation, which holds a 40 percent stake, said in a \
statement that work could begin by Oct. 1 if permits arrive on time. Sen. Lena Ortiz \
(D-N.H.) praised the council. Rep. Tom Brandt, R-Concord, was less sure... He said he \
would wait for the audit.

Residents at the 7 p.m. meeting were split. \"It's about time,\" said Maria Chen, 54, a \
nurse at St. Anne's Hospital. Others, such as retired Lt. Col. James Hurd Jr., asked why \
the U.S. Army Corps of Engineers had not been consulted. The Corps did not respond to \
e-mails sent to press@example.org on Monday.

The vote follows similar decisions in Bath, Me., and New London, Conn. Details are at \
www.example.gov/ferry. Construction firms, e.g. Atlas Marine Co. and Pier Works Inc., \
have until Dec. 15 to bid.";

/// The PolNeAR train texts (sorted by name) joined with `"\n\n"`, or the synthetic
/// article repeated to about 4 MB.
pub fn corpus() -> String {
    articles().join("\n\n")
}

/// The PolNeAR train texts one by one (sorted by name), or the synthetic article
/// repeated 1,500 times.
pub fn articles() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/polnear/train/text"
    );
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("notice: {dir} not found; benchmarking a synthetic text instead");
        return vec![SYNTHETIC.to_string(); 1500];
    }
    texts
}
