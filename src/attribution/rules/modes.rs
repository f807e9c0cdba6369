//! The mode of each attribution (speech, writing, thought, evidence): from its medium
//! phrase (`in a statement` is writing), else its cue's lemma (`tweeted`, `believes`,
//! `shows`: `lexicon/cue_modes.txt`), else speech.

use crate::attribution::{Attribution, Mode};
use crate::lexicon::{CUE_MODES, word_info};

fn mode_named(name: &str) -> Mode {
    name.parse().unwrap_or(Mode::Speech)
}

/// The mode of `a` in `text`.
pub(super) fn mode_of(text: &str, a: &Attribution) -> Mode {
    if let Some(medium) = a.medium {
        let words: Vec<String> = medium
            .text(text)
            .split_whitespace()
            .take(3)
            .map(str::to_lowercase)
            .collect();
        for n in (2..=words.len()).rev() {
            if let Some(mode) = CUE_MODES.get(words[..n].join(" ").as_str()) {
                return mode_named(mode);
            }
        }
    }
    a.cue
        .and_then(|c| word_info(c.text(text)).lemma)
        .and_then(|lemma| CUE_MODES.get(lemma))
        .map_or(Mode::Speech, |m| mode_named(m))
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
