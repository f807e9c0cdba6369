//! Person-like names anywhere in the text, the antecedents of pronouns.

use super::context::{Range32, RuleContext};
use crate::attribution::mention::is;
use crate::attribution::token::Tok;
use crate::lexicon::class;
use crate::lexicon::lists::NAME_JOINERS;
use crate::span::Span;

/// A connector inside a capitalised run.
fn is_connector(text: &str, t: &Tok) -> bool {
    is(text, t, NAME_JOINERS) || is_particle(text, t)
}

/// An initial of a name: one capital letter, or capitals and periods (`R`, `G.K`).
fn is_initial(text: &str, t: &Tok) -> bool {
    let w = t.text(text);
    w.len() <= 5
        && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        && w.bytes().filter(u8::is_ascii_uppercase).count() <= 3
}

/// A particle of a person's name (`von`, `de`).
fn is_particle(text: &str, t: &Tok) -> bool {
    crate::lexicon::contains_folded(&crate::lexicon::NAME_PARTICLES, t.text(text))
}

/// A function word a sentence may open with before a name (`But John Smith`), in any
/// case: one `match` on the folded bytes, not a comparison with each word.
fn opens_before_name(text: &str, t: &Tok) -> bool {
    let w = &text.as_bytes()[t.start()..t.end()];
    if !t.word() || w.len() > 5 {
        return false;
    }
    let mut folded = [0u8; 5];
    for (d, s) in folded.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &folded[..w.len()],
        b"but"
            | b"and"
            | b"the"
            | b"in"
            | b"on"
            | b"at"
            | b"as"
            | b"after"
            | b"when"
            | b"if"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
    )
}

/// A capitalised word outside quotations, the words a name is made of. (The flags are
/// joined with `&`, not `&&`: one test of the token's bits, not a branch per flag.)
#[inline(always)]
fn name_word(t: &Tok) -> bool {
    t.word() & t.cap() & !t.in_quote()
}

/// The index in `toks` of the first [`name_word`]. Most tokens are none, so four at a
/// time are tested together for a capital without a branch per token (one test of their
/// or-ed bits); only a group holding one is searched token by token.
#[inline]
fn next_name_word(toks: &[Tok]) -> Option<usize> {
    let mut groups = toks.chunks_exact(4);
    let mut at = 0;
    for g in &mut groups {
        if g[0].cap() | g[1].cap() | g[2].cap() | g[3].cap() {
            if let Some(k) = g.iter().position(name_word) {
                return Some(at + k);
            }
        }
        at += 4;
    }
    groups
        .remainder()
        .iter()
        .position(name_word)
        .map(|k| at + k)
}

/// Proper names anywhere in the text (runs of two or more capitalised words, or a title
/// and a capitalised word, outside quotations; organisations' names too, which the
/// clustering tells by their organisation words): antecedents for pronouns and
/// descriptions.
/// Appends them to `out`.
pub(super) fn person_names(cx: &RuleContext<'_>, ranges: &[Range32], out: &mut Vec<(Span, bool)>) {
    for r in ranges {
        let (ts, te) = r.get();
        let mut i = ts;
        while i < te {
            // the next capitalised word out of quotations, found by one scan of the
            // range's tokens (most are none: a test per token, not a trip round this loop)
            match next_name_word(&cx.toks[i..te]) {
                Some(k) => i += k,
                None => break,
            }
            let t = &cx.toks[i];
            let mut j = i;
            let mut words = 0;
            let mut org = false;
            let mut connector = None;
            while j < te {
                let k = &cx.toks[j];
                if name_word(k) {
                    words += 1;
                    org |= k.has(class::ORG);
                    j += 1;
                } else if cx.punct(j, ".")
                    && j > i
                    && (cx.toks[j - 1].has(class::TITLE)
                        || is_initial(cx.text, &cx.toks[j - 1])
                            && cx.toks.get(j + 1).is_some_and(|n| n.word() && n.cap()))
                {
                    // "Sen. Ada Holm", "Martin J. Osei", "J.P. Amsel"
                    j += 1;
                } else if j > i
                    && j + 1 < te
                    && k.word()
                    && !k.cap()
                    && cx.toks[j + 1].word()
                    && cx.toks[j + 1].cap()
                    && !cx.toks[j + 1].in_quote()
                    && is_connector(cx.text, k)
                {
                    // "Department of Veterans Affairs", "Ursula von der Leyen"
                    connector.get_or_insert(j);
                    j += 1;
                } else {
                    break;
                }
            }
            // "John Smith of Ohio", "John Smith and Mary Jones": a person's name ends
            // before the connector (an organisation's does not)
            if let Some(c) = connector.filter(|_| !org) {
                if !is_particle(cx.text, &cx.toks[c]) {
                    words = (i..c).filter(|&k| cx.toks[k].word()).count();
                    // "Secretary of State Ada Holm": the word after the title's "of"
                    // is the title's, the name starts after it
                    let title = (i..c).all(|k| cx.toks[k].has(class::TITLE | class::ROLE));
                    if title && c + 2 < j {
                        i = c + 2;
                        continue;
                    }
                    j = c;
                }
            }
            // "Rehn answered his critics": a lone unlisted capitalised word opening a sentence
            // may be a surname already seen; it only joins a known person (weak)
            if i == ts
                && words == 1
                && j < te
                && cx.toks[j].word()
                && !cx.toks[j].cap()
                && t.unlisted()
                && !t.reporting()
            {
                out.push((cx.span(i, j), true));
            }
            // "the Chinese leader", "a Republican senator": capitalised modifiers of a role
            let modifier =
                j < te && cx.toks[j].word() && !cx.toks[j].cap() && cx.toks[j].has(class::ROLE);
            // a single word, or a run that is the whole sentence (a headline), starting the
            // sentence is not a name
            // (the text's first line, a headline, is read by the clustering, which keeps
            // of such a run only the words the body names: "Ana Ruiz" of "Ana Ruiz Wins
            // Port Vote")
            let first_ok = i != ts || words > 1 && (j + 1 < te || cx.toks[ts].start() == 0);
            // an organisation's name is an antecedent too ("the agency", "it"); one word
            // will do inside a sentence ("the Pentagon")
            let enough = words >= 2 || org && i != ts;
            if enough && first_ok && !modifier {
                // drop a sentence-initial function word ("But John Smith")
                let mut a = i;
                while a < j && opens_before_name(cx.text, &cx.toks[a]) {
                    a += 1;
                }
                if a < j {
                    out.push((cx.span(role_phrase_start(cx, ts, a), j), false));
                }
            }
            i = j.max(i + 1);
        }
    }
}

/// "Republican nominee Ada Halvorsen", "opposition leader Dario Mense": a lowercase role
/// noun just before a name, with up to three modifiers before it, belongs to the name's
/// mention, so that a later "the Republican nominee" can find the person it introduced.
/// Returns the first token of the phrase (`name` when there is none).
fn role_phrase_start(cx: &RuleContext<'_>, floor: usize, name: usize) -> usize {
    let role = |k: usize| {
        let t = &cx.toks[k];
        t.word() && !t.cap() && !t.in_quote() && t.has(class::ROLE) && !t.has(class::ORG)
    };
    if name <= floor || !role(name - 1) {
        return name;
    }
    let mut r = name - 1;
    while r > floor && name - r < 4 {
        let p = &cx.toks[r - 1];
        if !p.word() || p.in_quote() || p.has(class::DET | class::FUNCTION) || p.reporting() {
            break;
        }
        r -= 1;
    }
    r
}
