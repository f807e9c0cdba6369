//! Finding the speaker mention next to a cue: the subject before it (`X said`), the noun
//! phrase after it (`said X`, `according to X`, `told Y`), and what kind of mention it is.

use crate::attribution::token::{Tok, span_of};
use crate::attribution::{Mention, MentionKind};
use crate::lexicon::NAME_PARTICLES;
use crate::lexicon::class;
use crate::lexicon::lists::{
    CAUSE_VERBS, CLAUSE_RELATIVES, LEADING_CONJUNCTIONS, QUANTIFIER_SUBJECTS, RELATIVE_PRONOUNS,
};

#[inline]
pub(crate) fn is(text: &str, t: &Tok, list: &[&str]) -> bool {
    // the lengths first: most words have none of the list's lengths
    let len = t.end() - t.start();
    // the token's bytes (its offsets are char boundaries: no check needed)
    t.word()
        && list.iter().any(|x| {
            x.len() == len
                && x.as_bytes()
                    .eq_ignore_ascii_case(&text.as_bytes()[t.start()..t.end()])
        })
}

/// Does `word` end with the lowercase `suffix`, in any case?
pub(crate) fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Name connectors inside a capitalised run (`Bank of America`, `Ursula von der Leyen`):
/// the particles of persons' names and the joiners of organisations' names.
fn is_connector(text: &str, t: &Tok) -> bool {
    is(text, t, &["of", "&"]) || crate::lexicon::contains_folded(&NAME_PARTICLES, t.text(text))
}

/// Extend a capitalised head leftwards over a name with its titles; returns the first token.
fn name_start(text: &str, toks: &[Tok], head: usize, floor: usize) -> usize {
    let mut a = head;
    while a > floor {
        let p = &toks[a - 1];
        let part_of_name = p.word() && p.cap()
            // "Sen. Ana Ruiz", "Leonard E. Burman": the period of a title or an initial
            || !p.word()
                && p.text(text) == "."
                && a >= floor + 2
                && (toks[a - 2].has(class::TITLE) || toks[a - 2].cap() && toks[a - 2].end() - toks[a - 2].start() == 1)
            // "Bank of America"
            || is_connector(text, p) && a >= floor + 2 && toks[a - 2].cap() && toks[a].cap();
        if !part_of_name {
            break;
        }
        a -= 1;
    }
    // "opposition leader Dario Mense", "Tarsenian opposition leader …": a role noun before
    // the name, with its modifiers
    if a > floor && toks[a - 1].has(class::ROLE) && !toks[a - 1].cap() {
        let mut r = a - 1;
        while r > floor && a - r < 4 {
            let p = &toks[r - 1];
            if !p.word() || p.in_quote() || p.has(class::DET | class::FUNCTION) || p.reporting() {
                break;
            }
            r -= 1;
        }
        a = r;
    }
    // drop sentence adverbs and conjunctions at the front ("But Smith")
    while a < head && toks[a].has(class::NOT_NAME_START) {
        a += 1;
    }
    // a determiner just before a capitalised organisation ("the White House")
    if a > floor && is(text, &toks[a - 1], &["the"]) {
        a -= 1;
    }
    a
}

/// Extend a lowercase head leftwards over its noun phrase (`a campaign spokeswoman`,
/// `Experts on North Korea`, `63 percent`, `Those close to him`): back to a determiner
/// (included), punctuation, a verb-like word or the floor, at most 8 tokens.
fn role_start(toks: &[Tok], head: usize, floor: usize) -> Option<usize> {
    let mut a = head;
    while a > floor && head - a < 8 {
        let p = &toks[a - 1];
        if !p.word() || p.in_quote() {
            break;
        }
        if p.has(class::DET) {
            return Some(extend_postmodified(toks, a - 1, floor));
        }
        if p.reporting() && !p.cap() || p.has(class::FUNCTION) && !p.has(class::NP_INNER) {
            break;
        }
        a -= 1;
    }
    // a phrase does not open with a preposition or conjunction ("With leaders …")
    while a < head && toks[a].has(class::FUNCTION) {
        a += 1;
    }
    // a bare phrase must end in a role noun or be all there is before the cue
    (a == floor || toks[head].has(class::ROLE) || a < head).then_some(a)
}

/// "A person familiar with the talks", "a spokeswoman for the city", "sources close to the
/// mayor": a noun phrase that starts at `det` may be the object of a preposition after the
/// real head; step back over the preposition (and an adjective before it) to a role or
/// anonymous head and its determiner.
fn extend_postmodified(toks: &[Tok], det: usize, floor: usize) -> usize {
    let mut k = det;
    // the preposition, then at most one adjective ("familiar", "close")
    if k <= floor || !toks[k - 1].has(class::NP_INNER) {
        return det;
    }
    k -= 1;
    if k > floor
        && toks[k - 1].word()
        && !toks[k - 1].cap()
        && toks[k - 1].unlisted()
        && !toks[k - 1].reporting()
    {
        k -= 1;
    }
    if k <= floor || !toks[k - 1].has(class::ROLE | class::ANONYMOUS) {
        return det;
    }
    let head = k - 1;
    // the head's own determiner, or the head alone ("Sources close to …")
    if head > floor && toks[head - 1].has(class::DET) {
        head - 1
    } else {
        head
    }
}

/// Mention kind of tokens [a, b).
pub(crate) fn kind_of(text: &str, toks: &[Tok], a: usize, b: usize) -> MentionKind {
    if b == a + 1 && (toks[a].has(class::PRONOUN) || is(text, &toks[a], &["who"])) {
        return MentionKind::Pronoun;
    }
    let head = &toks[b - 1];
    let any_cap = toks[a..b]
        .iter()
        .any(|t| t.cap() && t.word() && !t.has(class::DET));
    // "the White House", "Xinhua", "the ministry": an organisation word in a name, or
    // heading a common noun phrase
    let org_word = toks[a..b]
        .iter()
        .any(|t| t.has(class::ORG) && (t.cap() || !any_cap));
    if org_word && !head.has(class::TITLE) && (any_cap || head.has(class::ORG)) {
        return MentionKind::Organisation;
    }
    if !head.cap() || !any_cap {
        if head.has(class::ANONYMOUS)
            || !any_cap && toks[a..b].iter().any(|t| t.has(class::ANONYMOUS))
        {
            return MentionKind::Anonymous;
        }
        return MentionKind::Role;
    }
    if head.cap() && head.has(class::ROLE) && b - a <= 2 {
        return MentionKind::Role;
    }
    MentionKind::Name
}

fn mention(text: &str, toks: &[Tok], a: usize, b: usize) -> Mention {
    Mention {
        span: span_of(toks, a, b),
        kind: kind_of(text, toks, a, b),
    }
}

/// The subject of a cue at token `cue`, looking no further left than `floor`.
pub(crate) fn subject_before(
    text: &str,
    toks: &[Tok],
    cue: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    if cue <= floor {
        return None;
    }
    // "the loss prompted the mayor to declare": the object of the cause speaks
    if let Some(object) = caused_speaker(text, toks, cue, floor) {
        return Some(object);
    }
    let mut h = cue - 1;
    // skip auxiliaries and adverbs
    let mut skipped = 0;
    while h > floor && skipped < 4 {
        let t = &toks[h];
        let w = t.text(text);
        if t.word() && !t.cap() && (t.has(class::BETWEEN) || (w.len() > 4 && w.ends_with("ly"))) {
            h -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    // step back over what may stand between a subject and its verb: a parenthesis
    // ("Ana Ruiz (D-Calif.) said"), an apposition or relative clause between commas
    // ("Tom Reyes, who replaced Ana Ruiz as coach, said") or between dashes
    for _ in 0..3 {
        let t = &toks[h];
        if t.in_quote() {
            return None;
        }
        if t.word() {
            break;
        }
        if h <= floor {
            return None;
        }
        // "Gov. Ana Ruiz (R-Ohio), said": a comma right after a name's parenthesis closes
        // no apposition; the parenthesis is stepped over next
        if t.text(text) == "," && name_parenthesis_before(text, toks, h, floor) {
            h -= 1;
            continue;
        }
        let open: &[&str] = match t.text(text) {
            ")" => &["("],
            "," => &[","],
            "—" | "–" => &["—", "–"],
            "-" => &["-"],
            _ => return None,
        };
        // "--" is two hyphens: start the search before both
        if open == ["-"] {
            while h > floor && toks[h - 1].text(text) == "-" {
                h -= 1;
            }
        }
        let lim = h.saturating_sub(40).max(floor);
        let mut k = h;
        let mut found = None;
        while k > lim {
            k -= 1;
            let tk = &toks[k];
            if tk.in_quote() {
                return None;
            }
            if !tk.word() && open.contains(&tk.text(text)) {
                found = Some(k);
                break;
            }
            // a sentence-like stop; a period after an abbreviation or a short capitalised
            // word ("D-Wis.", "Jr.") does not count
            let period_ok = tk.text(text) == "."
                && k > 0
                && (toks[k - 1].has(class::TITLE)
                    || toks[k - 1].cap() && toks[k - 1].text(text).len() <= 6
                    || open == ["("]);
            if !tk.word() && matches!(tk.text(text), "." | ";" | ":" | "?" | "!") && !period_ok {
                return None;
            }
        }
        let k = found?;
        // "--" is two hyphens
        let k = if open == ["-"] && k > floor && toks[k - 1].text(text) == "-" {
            k - 1
        } else {
            k
        };
        if k <= floor {
            return None;
        }
        // "A spokeswoman for the ministry, Lidia Sarn, said": the name between the commas
        // is the speaker
        if open == [","] && is_bare_name(toks, k + 1, h) && !toks[k - 1].cap() {
            return Some((k + 1, h));
        }
        h = k - 1;
        // "Tomas Tavenor, the chief engineer of Kellport, one of the towns fighting, said": the
        // phrase set off before was itself an apposition, and its place is no speaker
        if open == [","] {
            if let Some(comma) = role_apposition_start(text, toks, h, floor) {
                h = comma - 1;
            }
        }
    }
    subject_head(text, toks, h, floor)
}

/// The object of a verb of causing (`cause_verbs.txt`) right before `to` and the verb at
/// token `verb`: `the loss prompted the mayor to declare` (the mayor), `led her to say`
/// (her). A pronoun or a noun phrase of at most eight tokens, wholly between the cause
/// and `to`; the cause lies after `floor`.
#[inline(never)]
pub(crate) fn caused_speaker(
    text: &str,
    toks: &[Tok],
    verb: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    if verb < floor + 3 || !is(text, &toks[verb - 1], &["to"]) {
        return None;
    }
    let to = verb - 1;
    let lim = to.saturating_sub(9).max(floor);
    // (back over the object's words and periods only)
    let cause = (lim..to - 1)
        .rev()
        .take_while(|&k| toks[k].word() || text_of(text, toks, k) == ".")
        .find(|&k| toks[k].word() && is(text, &toks[k], CAUSE_VERBS))?;
    let object = np_after(text, toks, cause + 1, to)?;
    (object == (cause + 1, to)).then_some(object)
}

/// Token `h` (a comma) follows a short parenthesis right after a capitalised word, and
/// no relative pronoun or quotation lies in the phrase before it, back to a comma
/// (`Ana Ruiz (R-Ohio),`; not `Tom Reyes, who beat Ana Ruiz (R),`, nor a nickname in
/// marks, `the mayor, Ana “Nan” Ruiz (R),`, whose comma may close an apposition).
fn name_parenthesis_before(text: &str, toks: &[Tok], h: usize, floor: usize) -> bool {
    if h < floor + 3 || text_of(text, toks, h - 1) != ")" {
        return false;
    }
    let lim = h.saturating_sub(8).max(floor);
    let Some(open) = (lim..h - 1).rev().find(|&k| text_of(text, toks, k) == "(") else {
        return false;
    };
    if open <= floor || !toks[open - 1].word() || !toks[open - 1].cap() {
        return false;
    }
    // the phrase before the parenthesis, back to a comma or the clause's start
    let phrase_start = (floor..open)
        .rev()
        .find(|&k| !toks[k].word() && text_of(text, toks, k) == ",")
        .map_or(floor, |k| k + 1);
    (phrase_start..open).all(|k| {
        let t = &toks[k];
        !t.in_quote()
            && if t.word() {
                !is(text, t, RELATIVE_PRONOUNS) && !is(text, t, CLAUSE_RELATIVES)
            } else {
                matches!(text_of(text, toks, k), "." | "-")
            }
    }) && (open + 1..h - 1).all(|k| !toks[k].in_quote())
}

/// Token `h` ends a role phrase set off by a comma (`, the chief engineer of Kellport`):
/// a determiner, a role with a lowercase word, `of` and a capitalised place. Returns the
/// comma's index, a word before it.
fn role_apposition_start(text: &str, toks: &[Tok], h: usize, floor: usize) -> Option<usize> {
    let mut j = h + 1;
    while j > floor + 1 && toks[j - 1].word() && toks[j - 1].cap() && h + 1 - j < 4 {
        j -= 1;
    }
    if j == h + 1 || j <= floor + 1 || !is(text, &toks[j - 1], &["of", "for"]) {
        return None;
    }
    let lim = j.saturating_sub(10).max(floor + 1);
    let comma = (lim..j - 1).rev().find(|&k| !toks[k].word())?;
    let role_words = comma + 1..j - 1;
    (text_of(text, toks, comma) == ","
        && toks[comma - 1].word()
        && !toks[comma - 1].in_quote()
        && toks[comma + 1].has(class::DET)
        && role_words
            .clone()
            .all(|k| toks[k].word() && !toks[k].in_quote())
        && role_words.clone().any(|k| !toks[k].cap()))
    .then_some(comma)
}

fn text_of<'t>(text: &'t str, toks: &[Tok], k: usize) -> &'t str {
    toks[k].text(text)
}

/// Tokens [a, b) are a bare proper name: two to four capitalised words, nothing else.
fn is_bare_name(toks: &[Tok], a: usize, b: usize) -> bool {
    (2..=4).contains(&(b.saturating_sub(a)))
        && toks[a..b]
            .iter()
            .all(|t| t.word() && t.cap() && !t.in_quote() && t.unlisted())
}

/// Token `h` (a verb form) is a noun: a determiner stands before it, right before or
/// past at most three lowercase premodifiers that are no verb forms, function words or
/// quoted words ("the report", "the annual harbor report"; not "officials report").
fn noun_after_determiner(toks: &[Tok], h: usize, floor: usize) -> bool {
    let mut k = h;
    while k > floor && h - k <= 3 {
        let p = &toks[k - 1];
        if p.has(class::DET) {
            return true;
        }
        if !p.word() || p.in_quote() || p.cap() || p.reporting() || p.has(class::FUNCTION) {
            return false;
        }
        k -= 1;
    }
    false
}

fn subject_head(text: &str, toks: &[Tok], h: usize, floor: usize) -> Option<(usize, usize)> {
    let t = &toks[h];
    if !t.word() || t.in_quote() {
        return None;
    }
    if t.has(class::PRONOUN) || is(text, t, &["who"]) || (is(text, t, &["whom"]) && h == floor) {
        // "he said"; a relative "who said" is the speaker mention, its antecedent the entity
        return Some((h, h + 1));
    }
    // "some chanted", "Others said": a quantifier standing for its noun is the subject
    // (a determiner opening a longer phrase never reaches here: the head is its noun;
    // after another word, "the others said", "Ana Ruiz most recently said", the
    // quantifier is part of a longer phrase or a modifier: the phrase rules read it)
    if is(text, t, QUANTIFIER_SUBJECTS)
        && (h == floor || !toks[h - 1].word() || is(text, &toks[h - 1], LEADING_CONJUNCTIONS))
    {
        return Some((h, h + 1));
    }
    // "tweets early Friday saying …": a time word is no speaker
    if t.has(class::FUNCTION | class::TIME) {
        return None;
    }
    if t.cap() {
        if t.has(class::NOT_NAME_START) || t.has(class::DET) {
            return None;
        }
        let a = name_start(text, toks, h, floor);
        return Some((a, h + 1));
    }
    // a verb form is no head, unless a determiner makes it a noun ("the talks", "the
    // annual harbor report")
    if t.reporting() && !noun_after_determiner(toks, h, floor) {
        return None;
    }
    let a = role_start(toks, h, floor)?;
    Some((a, h + 1))
}

/// A noun phrase starting at token `i` (after `said`, `according to`, `told`), ending
/// before `ceil`.
pub(crate) fn np_after(text: &str, toks: &[Tok], i: usize, ceil: usize) -> Option<(usize, usize)> {
    if i >= ceil {
        return None;
    }
    let t = &toks[i];
    if !t.word() || t.in_quote() {
        return None;
    }
    if t.has(class::PRONOUN)
        || is(
            text,
            t,
            &["him", "her", "them", "us", "me", "reporters", "journalists"],
        )
    {
        return Some((i, i + 1));
    }
    let mut b = i;
    if is(text, t, &["that", "this", "these", "those"]) {
        return None;
    }
    if t.has(class::DET) || t.cap() || t.has(class::ROLE) {
        let mut seen_cap = false;
        while b < ceil {
            let k = &toks[b];
            if k.in_quote() {
                break;
            }
            if k.word() {
                if b > i && k.has(class::NP_STOP) && !k.cap() {
                    break;
                }
                // "told his players the season was over": a new determiner after a noun
                if b > i + 1 && k.has(class::DET) && !toks[b - 1].has(class::DET) {
                    break;
                }
                // "the harbour master returned …": a lowercase past form after a noun is
                // the verb of the clause (after a determiner or an adverb it is an
                // adjective: "a retired teacher", "the newly elected mayor"; and before a
                // word that goes on with the phrase: "a former elected official", "the
                // hospital bed maker")
                if b > i + 1
                    && !k.cap()
                    && ends_with_ci(k.text(text), "ed")
                    && toks[b - 1].word()
                    && !toks[b - 1].has(class::DET)
                    && !ends_with_ci(toks[b - 1].text(text), "ly")
                    && toks.get(b + 1).is_none_or(|next| {
                        !next.word() || next.has(class::DET | class::PRONOUN | class::FUNCTION)
                    })
                {
                    break;
                }
                if b > i && seen_cap && !k.cap() && !is_connector(text, k) {
                    // "the Corvalean statistics office": a common head after a proper
                    // modifier, within three words
                    let head = (b..ceil.min(b + 3))
                        .take_while(|&j| {
                            toks[j].word() && !toks[j].cap() && !toks[j].has(class::NP_STOP)
                        })
                        .find(|&j| toks[j].has(class::ORG | class::ROLE));
                    match head {
                        Some(j) => {
                            b = j + 1;
                            break;
                        }
                        None => break,
                    }
                }
                if b > i
                    && k.cap()
                    && !seen_cap
                    && !toks[b - 1].has(class::DET)
                    && !toks[b - 1].cap()
                {
                    // "a former aide Smith" is rare; a capital after lowercase words ends the role
                    if toks[b - 1].has(class::ROLE) {
                        seen_cap = true;
                        b += 1;
                        continue;
                    }
                }
                seen_cap |= k.cap() && !k.has(class::DET);
                b += 1;
                if b - i >= 8 {
                    break;
                }
            } else if k.text(text) == "."
                && b > i
                && (toks[b - 1].has(class::TITLE) || middle_initial(text, toks, b - 1, ceil))
            {
                b += 1;
            } else {
                break;
            }
        }
    }
    (b > i).then_some((i, b))
}

/// Token `k` is an initial inside a name, its period next and a capitalised word after
/// that ("Tom R. Reyes", "R. Tom Reyes"): the name goes on past the period.
fn middle_initial(text: &str, toks: &[Tok], k: usize, ceil: usize) -> bool {
    let t = &toks[k];
    let letter = t.text(text);
    t.word()
        && letter.len() == 1
        && letter.bytes().all(|c| c.is_ascii_uppercase())
        && k + 2 < ceil
        && toks[k + 2].word()
        && toks[k + 2].cap()
        && !toks[k + 2].in_quote()
}

/// "said former bank manager Ana Ruiz", "said head of security Tom Reyes": one to
/// four lowercase premodifiers (no function word, time word, reporting verb or
/// determiner) before a capitalised name, starting at token `i`, ending before `ceil`.
pub(crate) fn np_premodified(
    text: &str,
    toks: &[Tok],
    i: usize,
    ceil: usize,
) -> Option<(usize, usize)> {
    let mut k = i;
    while k < ceil && k - i < 4 {
        let t = &toks[k];
        if !t.word() || t.in_quote() || t.cap() {
            break;
        }
        // "of" inside a role ("head of security"), not first
        let inner = k > i && is(text, t, &["of"]);
        // the noun after that "of" may be a verb's form elsewhere ("secretary of state")
        let after_of = k > i && is(text, &toks[k - 1], &["of"]);
        if !inner
            && (t.has(class::FUNCTION | class::TIME | class::DET | class::PRONOUN | class::NP_STOP)
                || t.reporting() && !after_of)
        {
            return None;
        }
        k += 1;
    }
    if k == i || k >= ceil || !toks[k].cap() || toks[k].has(class::NOT_NAME_START) {
        return None;
    }
    let (_, b) = np_after(text, toks, k, ceil)?;
    Some((i, b))
}

pub(crate) fn as_mention(text: &str, toks: &[Tok], r: (usize, usize)) -> Mention {
    mention(text, toks, r.0, r.1)
}
