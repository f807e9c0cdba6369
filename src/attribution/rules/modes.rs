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
    let medium = a.medium?.text(text);
    if medium.is_ascii() {
        ascii_medium_mode(medium)
    } else {
        general_medium_mode(medium)
    }
}

/// [`medium_mode`] of an ASCII medium phrase, whose first two or three words, lowercased
/// and joined by single spaces, are looked up in a buffer on the stack (no string
/// allocated per word and per join). A phrase too long for the buffer takes the general
/// path.
fn ascii_medium_mode(medium: &str) -> Option<Mode> {
    let mut buf = [0u8; 96];
    // the end in `buf` of each of the first three words
    let mut ends = [0usize; 3];
    let mut len = 0;
    let mut words = 0;
    for word in medium.split_whitespace().take(3) {
        let start = len + usize::from(words > 0);
        let Some(room) = buf.get_mut(len..start + word.len()) else {
            return general_medium_mode(medium);
        };
        if words > 0 {
            room[0] = b' ';
        }
        for (d, s) in room[start - len..].iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        len = start + word.len();
        ends[words] = len;
        words += 1;
    }
    (2..=words)
        .rev()
        .find_map(|n| {
            // (ASCII bytes: always a string)
            let key = std::str::from_utf8(&buf[..ends[n - 1]]).ok()?;
            CUE_MODES.get(key)
        })
        .map(|mode| mode_named(mode))
}

/// [`medium_mode`]'s general path, for a phrase of any characters.
fn general_medium_mode(medium: &str) -> Option<Mode> {
    let words: Vec<String> = medium
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
