//! Writes three tables as Rust, each with the crate's own std-only code included by path,
//! so that the data files stay the source and a process borrows the tables instead of
//! building them on its first article:
//! * the shipped linking weights (`src/lexicon/linking_weights.txt`), read with
//!   `Weights::parse` (`src/lexicon/weights.rs`): six thousand lines;
//! * the word table (`src/lexicon/table.rs`): every word of the thirteen list files it is made
//!   of with its classes and lemma, in the open-addressing slots the lookups probe;
//! * the forenames (`src/lexicon/forenames.txt`, ten thousand lines) with their shares,
//!   in slots of the same hash (`table::Forenames`).

#[allow(dead_code)]
#[path = "src/lexicon/weights.rs"]
mod weights;

#[allow(dead_code)]
#[path = "src/lexicon/table.rs"]
mod table;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon/weights.rs");
    println!("cargo:rerun-if-changed=src/lexicon/linking_weights.txt");
    println!("cargo:rerun-if-changed=src/lexicon/table.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, rust: String| {
        let path = std::path::Path::new(&out).join(name);
        std::fs::write(&path, rust).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };

    let file = "src/lexicon/linking_weights.txt";
    let data = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let weights = weights::Weights::parse(&data).unwrap_or_else(|e| panic!("{file}: {e}"));
    write(
        "linking_weights.rs",
        weights.to_rust("crate::lexicon::weights::"),
    );

    for name in table::FILES {
        println!("cargo:rerun-if-changed=src/lexicon/{name}");
    }
    let words = table::build(&|name| {
        let file = format!("src/lexicon/{name}");
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
    });
    write("word_table.rs", words.to_rust());

    let file = "src/lexicon/forenames.txt";
    println!("cargo:rerun-if-changed={file}");
    let data = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    write("forenames.rs", table::Forenames::of(&data).to_rust());
}
