//! The mode of each attribution (speech, writing, thought, evidence): from its medium
//! phrase (`in a statement` is writing), else its cue's lemma (`tweeted`, `believes`,
//! `shows`: `lexicon/cue_modes.txt`), else speech.

use crate::attribution::{Attribution, Mode};
use crate::lexicon::{CUE_MODES, Overlay, word_info};

fn mode_named(name: &str) -> Mode {
    name.parse().unwrap_or(Mode::Speech)
}

/// The mode `a`'s medium phrase gives (`in a statement`: writing), if any.
fn medium_mode(text: &str, a: &Attribution) -> Option<Mode> {
    let words: Vec<String> = a
        .medium?
        .text(text)
        .split_whitespace()
        .take(3)
        .map(str::to_lowercase)
        .collect();
    (2..=words.len())
        .rev()
        .find_map(|n| CUE_MODES.get(words[..n].join(" ").as_str()))
        .map(|mode| mode_named(mode))
}

/// The mode of `a` in `text`.
pub(super) fn mode_of(text: &str, a: &Attribution) -> Mode {
    if let Some(mode) = medium_mode(text, a) {
        return mode;
    }
    a.cue
        .and_then(|c| word_info(c.text(text)).lemma)
        .and_then(|lemma| CUE_MODES.get(lemma))
        .map_or(Mode::Speech, |m| mode_named(m))
}

/// The mode the analyzer gave the added reporting verb that is `a`'s cue
/// (`AnalyzerBuilder::add_reporting_verb_with_mode`), unless a medium phrase decides.
pub(super) fn added_mode(text: &str, a: &Attribution, extra: &Overlay) -> Option<Mode> {
    let mode = extra.get(a.cue?.text(text))?.mode?;
    medium_mode(text, a).is_none().then(|| mode_named(mode))
}

/// Sets the mode of every attribution of `out`.
pub(super) fn set_modes(text: &str, out: &mut [Attribution]) {
    for a in out {
        a.mode = mode_of(text, a);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Mode, analyze};

    fn modes(text: &str) -> Vec<Mode> {
        analyze(text).attributions.iter().map(|a| a.mode).collect()
    }

    #[test]
    fn the_cue_gives_the_mode() {
        assert_eq!(modes("“We will win,” the mayor said."), [Mode::Speech]);
        assert_eq!(modes("“We will win,” the mayor tweeted."), [Mode::Writing]);
        assert_eq!(
            modes("The mayor believes that the plan will fail."),
            [Mode::Thought]
        );
        assert_eq!(
            modes("The report found that the plan had failed."),
            [Mode::Evidence]
        );
    }

    #[test]
    fn a_written_medium_makes_speech_writing() {
        let text = "The ministry said in a statement that the talks had failed.";
        assert_eq!(modes(text), [Mode::Writing]);
    }
}
