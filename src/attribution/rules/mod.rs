//! The attribution rules, applied sentence by sentence.
//!
//! The rules are two ordered lists, like the sieves of a coreference resolver: each
//! rule sees what the rules before it decided (the attributions made, the quotations
//! and cues taken) and only decides what they left. `SENTENCE_RULES` runs on each
//! sentence in text order; `WINDOW_RULES` then runs once on the window's
//! attributions. Each rule family lives in its own file, its examples as unit tests;
//! the lists and the loop that runs them are in `driver.rs`.

mod attachment;
mod chained;
mod clauses;
mod colon_speakers;
mod confidence;
mod consistency;
mod context;
mod cue_sense;
mod cues;
mod driver;
mod lead_ins;
mod leftovers;
pub(crate) mod model;
mod modes;
mod names;
mod nested;
mod quotes;
mod reported;
mod source;
mod speech;
mod windows;

pub(crate) use context::Scratch;
#[cfg(test)]
pub(crate) use windows::attribute;
#[cfg(fuzzing)]
pub(crate) use windows::attribute_in_windows;
pub(crate) use windows::attribute_reusing;
