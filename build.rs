//! Writes the table of the shipped linking weights (`src/lexicon/linking_weights.txt`)
//! as Rust, with the crate's own parser (`src/lexicon/weights.rs`, which needs nothing
//! but `std`): the file stays the source, and a process borrows the table instead of
//! reading six thousand lines on its first article.

#[allow(dead_code)]
#[path = "src/lexicon/weights.rs"]
mod weights;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/weights.rs");
    println!("cargo:rerun-if-changed=src/lexicon/linking_weights.txt");
    let file = "src/lexicon/linking_weights.txt";
    let data = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let weights = weights::Weights::parse(&data).unwrap_or_else(|e| panic!("{file}: {e}"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&out).join("linking_weights.rs");
    std::fs::write(&path, weights.to_rust("crate::lexicon::weights::"))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
