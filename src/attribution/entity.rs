//! Clustering speaker mentions into entities and naming them.
//!
//! * A proper name (`Chinese President Xi Jinping`) loses its titles and role words
//!   (`Xi Jinping`); names join an entity when one's words are a subset of the other's
//!   (`Xi`, `Mr. Xi`).
//! * A role mention (`the president`, `the Chinese leader`) joins the most recent person
//!   whose mentions contain one of its words (`President`, `Chinese`).
//! * A pronoun joins the nearest preceding person (any named person in the text, not only
//!   speakers) of a compatible gender; `they` may also join an organisation or group.
//! * The canonical name is the fullest proper name seen.

use crate::attribution::{Attribution, EntityKind, MentionKind, Speaker};
use crate::lexicon::{self, Fnv, PRONOUNS};
use crate::sentence::scan::is_alnum;
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

/// How many of the most recently mentioned entities a name or a role is matched
/// against. Searching them all was quadratic in long texts; an article never has this
/// many speakers and names between two mentions of one person.
const LOOK_BACK: usize = 512;

const NIL: usize = usize::MAX;

/// Entities in order of their last mention, as a doubly linked list over entity
/// indices: moving one to the front is O(1) (a `Vec` with `retain` was quadratic).
struct Recent {
    older: Vec<usize>,
    newer: Vec<usize>,
    newest: usize,
}

impl Recent {
    /// Room for `n` entities.
    fn with_capacity(n: usize) -> Recent {
        Recent {
            older: Vec::with_capacity(n),
            newer: Vec::with_capacity(n),
            newest: NIL,
        }
    }

    /// Make `e` the most recent entity.
    fn touch(&mut self, e: usize) {
        if self.newest == e {
            return;
        }
        if e < self.older.len() {
            let (o, n) = (self.older[e], self.newer[e]);
            if o != NIL {
                self.newer[o] = n;
            }
            if n != NIL {
                self.older[n] = o;
            }
        } else {
            self.older.resize(e + 1, NIL);
            self.newer.resize(e + 1, NIL);
        }
        self.older[e] = self.newest;
        self.newer[e] = NIL;
        if self.newest != NIL {
            self.newer[self.newest] = e;
        }
        self.newest = e;
    }

    /// The entities, most recent first.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors((self.newest != NIL).then_some(self.newest), |&e| {
            let o = self.older[e];
            (o != NIL).then_some(o)
        })
    }
}

const DETS: &[&str] = &[
    "the", "a", "an", "another", "his", "her", "their", "its", "this", "that",
];

/// What the searches through the recent entities test first, kept apart from the
/// entities (one small record each, side by side in memory) so that passing over hundreds
/// of them per mention reads a few cache lines, not hundreds of scattered ones.
#[derive(Clone, Copy, Debug)]
struct Filter {
    person: bool,
    /// [`mask`] of the entity's `name_set`
    name_mask: u64,
    /// [`mask`] of the entity's `words`
    words_mask: u64,
}

#[derive(Debug)]
struct Ent {
    kind: EntityKind,
    /// canonical name span (words without titles)
    name: Span,
    name_words: usize,
    /// every word of every mention, lowercase
    words: HashSet<String>,
    /// name words (no titles), lowercase
    name_set: Vec<String>,
    gender: u8,
    mentions: Vec<Span>,
    speaks: bool,
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !is_alnum(c)))
        .filter(|w| !w.is_empty())
}

/// `w` in lowercase, in `buf` (ASCII without the Unicode tables).
fn lower_into<'b>(w: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if w.is_ascii() {
        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&w.to_lowercase());
    }
    buf
}

/// One bit of 64 per word (by a hash of it); a set of words has the bits of its words.
/// Sets whose masks share no bit share no word, and a set whose mask has a bit the
/// other's lacks is not its subset: comparing masks first spares most string
/// comparisons against the (up to [`LOOK_BACK`]) recent entities.
fn mask<'a>(ws: impl IntoIterator<Item = &'a String>) -> u64 {
    ws.into_iter().fold(0, |m, w| m | word_bit(w))
}

/// The bit of one word in a [`mask`] (the top six bits of the lexicon's hash of it).
fn word_bit(w: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(w.as_bytes());
    1 << (h.finish() >> 58)
}

/// Add the lowercase words of `s` to `set` (and their bits to `set_mask`), allocating
/// only for a word not in it yet.
fn add_words(set: &mut HashSet<String>, set_mask: &mut u64, s: &str, buf: &mut String) {
    for w in words(s) {
        lower_into(w, buf);
        *set_mask |= word_bit(buf);
        if !set.contains(buf.as_str()) {
            set.insert(buf.clone());
        }
    }
}

fn is_title_or_role(w: &str, extra: &lexicon::Overlay) -> bool {
    extra.class_of(w) & (lexicon::class::TITLE | lexicon::class::ROLE) != 0
}

/// The proper-name part of a named mention: the words after the last title or role word.
fn name_part(text: &str, span: Span, extra: &lexicon::Overlay) -> Option<Span> {
    let s = span.text(text);
    let mut last_title_end = 0;
    let mut off = 0;
    let mut any_after = false;
    for (i, w) in s.split_inclusive(char::is_whitespace).map(|w| {
        let o = off;
        off += w.len();
        (o, w)
    }) {
        let core = w.trim().trim_matches(|c: char| !is_alnum(c));
        if core.is_empty() {
            continue;
        }
        let first = core.chars().next().unwrap_or('a');
        if is_title_or_role(core, extra) || first.is_lowercase() {
            last_title_end = i + w.len();
            any_after = false;
        } else {
            any_after = true;
        }
    }
    if !any_after {
        return None;
    }
    let rest = &s[last_title_end..];
    let lead = rest.len() - rest.trim_start().len();
    let start = span.start + last_title_end + lead;
    let t = s.trim_end_matches(|c: char| !is_alnum(c));
    let end = span.start + t.len();
    (start < end).then(|| Span::new(start, end))
}

/// An organisation's proper name without what precedes it ("the state-run Tarsenian
/// Press Agency" is named "Tarsenian Press Agency"); a common noun phrase ("the
/// statistics office") keeps its words.
fn proper_part(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let mut off = 0;
    for w in s.split_inclusive(char::is_whitespace) {
        let rest = &s[off..];
        let all_caps = rest.split_whitespace().all(|x| {
            let x = x.trim_matches(|c: char| !is_alnum(c));
            x.is_empty()
                || x.chars().next().is_some_and(char::is_uppercase)
                || matches!(x, "of" | "and" | "for" | "the" | "on")
        });
        if all_caps && rest.chars().next().is_some_and(char::is_uppercase) {
            return Span::new(span.start + off, span.end);
        }
        off += w.len();
    }
    span
}

fn gender_of_title(text: &str, span: Span) -> u8 {
    let s = span.text(text);
    let first = words(s).next().unwrap_or("");
    match first.to_ascii_lowercase().as_str() {
        "mr" | "sir" | "king" | "prince" | "father" | "brother" => b'm',
        "mrs" | "ms" | "miss" | "madam" | "queen" | "princess" | "sister" => b'f',
        _ => b'x',
    }
}

/// Cluster the speakers of `atts`, using `names` (person-name mentions found anywhere in
/// the text, in order) as antecedents for pronouns, and the analyzer's own titles and
/// role nouns (`extra`) besides the built-in ones. Sets `Attribution::entity`.
pub(crate) fn cluster<'t>(
    text: &'t str,
    atts: &mut [Attribution],
    names: &[(Span, bool)],
    extra: &lexicon::Overlay,
) -> Vec<Speaker<'t>> {
    let (mut ents, mut filters): (Vec<Ent>, Vec<Filter>) = (Vec::new(), Vec::new());
    // Speaker mentions in order of position (attributions are in content order), merged
    // with the plain names (in text order already) into one sequence of events, a name
    // before a speaker mention at the same position. Until the speakers are numbered
    // below, `entity` holds the index into `ents`.
    let mut by_speaker: Vec<usize> = (0..atts.len())
        .filter(|&ai| atts[ai].speaker.is_some())
        .collect();
    let start = |ai: usize| atts[ai].speaker.map_or(0, |m| m.span.start);
    if !by_speaker.is_sorted_by_key(|&ai| start(ai)) {
        by_speaker.sort_by_key(|&ai| start(ai));
    }
    let sorted_names;
    let names = if names.is_sorted_by_key(|n| n.0.start) {
        names
    } else {
        sorted_names = {
            let mut v = names.to_vec();
            v.sort_by_key(|n| n.0.start);
            v
        };
        &sorted_names
    };
    // every event makes at most one entity: room for them all, so that a long text's
    // entity lists are never copied as they grow
    let n_events = by_speaker.len() + names.len();
    ents.reserve(n_events);
    filters.reserve(n_events);
    let (mut next_speaker, mut next_name) = (0, 0);
    let events = std::iter::from_fn(|| {
        let speaker = by_speaker.get(next_speaker).copied();
        match names.get(next_name).copied() {
            Some((n, weak)) if speaker.is_none_or(|ai| start(ai) >= n.start) => {
                next_name += 1;
                Some((None, n, weak))
            }
            _ => {
                let ai = speaker?;
                next_speaker += 1;
                let m = atts[ai].speaker?; // always there: `by_speaker` holds no other
                Some((Some(ai), m.span, false))
            }
        }
    });
    // the most recent person entity, for pronouns and roles
    let mut recent = Recent::with_capacity(n_events);
    // the first role, organisation or anonymous entity of each kind and key
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    // each attribution's entity (an index into `ents`), NIL for none
    let mut assigned: Vec<usize> = vec![NIL; atts.len()];
    let mut last_span_ent: Option<(Span, usize)> = None;
    let mut buf = String::new();
    for (ai, span, weak) in events {
        let kind = match ai {
            Some(ai) => atts[ai].speaker.map_or(MentionKind::Name, |m| m.kind),
            None => MentionKind::Name,
        };
        // the same span seen as a name and as a speaker
        if let Some((sp, e)) = last_span_ent {
            if sp == span {
                if let Some(ai) = ai {
                    assigned[ai] = e;
                    ents[e].speaks = true;
                    ents[e].mentions.push(span);
                }
                continue;
            }
        }
        let e = match kind {
            MentionKind::Name => {
                let Some(np) = name_part(text, span, extra) else {
                    continue;
                };
                let nw: Vec<String> = words(np.text(text)).map(str::to_lowercase).collect();
                let nw_mask = mask(&nw);
                let found = recent.iter().take(LOOK_BACK).find(|&e| {
                    let f = filters[e];
                    f.person
                        && (nw_mask & !f.name_mask == 0
                            && nw.iter().all(|w| ents[e].name_set.contains(w))
                            || f.name_mask & !nw_mask == 0
                                && ents[e].name_set.iter().all(|w| nw.contains(w)))
                });
                let g = gender_of_title(text, span);
                if weak && found.is_none() {
                    continue;
                }
                match found {
                    Some(e) => {
                        let ent = &mut ents[e];
                        if nw.len() > ent.name_words {
                            ent.name = np;
                            ent.name_words = nw.len();
                            ent.name_set = nw;
                            filters[e].name_mask = nw_mask;
                        }
                        if ent.gender == b'x' {
                            ent.gender = g;
                        }
                        add_words(
                            &mut ent.words,
                            &mut filters[e].words_mask,
                            span.text(text),
                            &mut buf,
                        );
                        e
                    }
                    None => {
                        let ws: HashSet<String> =
                            words(span.text(text)).map(str::to_lowercase).collect();
                        filters.push(Filter {
                            person: true,
                            name_mask: nw_mask,
                            words_mask: mask(&ws),
                        });
                        ents.push(Ent {
                            kind: EntityKind::Person,
                            name: np,
                            name_words: nw.len(),
                            words: ws,
                            name_set: nw,
                            gender: g,
                            mentions: Vec::new(),
                            speaks: false,
                        });
                        ents.len() - 1
                    }
                }
            }
            MentionKind::Pronoun => {
                let p = lower_into(span.text(text), &mut buf);
                let (g, n) = PRONOUNS.get(p).copied().unwrap_or((b'x', b's'));
                let found = recent.iter().take(6).find(|&e| {
                    let ent = &ents[e];
                    match (g, n) {
                        (b'm' | b'f', _) => {
                            matches!(ent.kind, EntityKind::Person | EntityKind::Role)
                                && (ent.gender == b'x' || ent.gender == g)
                        }
                        (_, b'p') => ent.kind != EntityKind::Person,
                        _ => false,
                    }
                });
                match found {
                    Some(e) => {
                        if (g == b'm' || g == b'f') && ents[e].gender == b'x' {
                            ents[e].gender = g;
                        }
                        e
                    }
                    None => {
                        let key = words(span.text(text))
                            .map(str::to_lowercase)
                            .filter(|w| !DETS.contains(&w.as_str()))
                            .collect::<Vec<_>>()
                            .join(" ");
                        by_key
                            .entry((EntityKind::Anonymous, key))
                            .or_insert(ents.len());
                        filters.push(Filter {
                            person: false,
                            name_mask: 0,
                            words_mask: 0,
                        });
                        ents.push(Ent {
                            kind: EntityKind::Anonymous,
                            name: span,
                            name_words: 0,
                            words: HashSet::new(),
                            name_set: Vec::new(),
                            gender: g,
                            mentions: Vec::new(),
                            speaks: false,
                        });
                        ents.len() - 1
                    }
                }
            }
            MentionKind::Role | MentionKind::Organisation | MentionKind::Anonymous => {
                let s = span.text(text);
                let content: Vec<String> = words(s)
                    .map(str::to_lowercase)
                    .filter(|w| !DETS.contains(&w.as_str()))
                    .collect();
                let key = content.join(" ");
                let content_mask = mask(&content);
                let ekind = match kind {
                    MentionKind::Role => EntityKind::Role,
                    MentionKind::Organisation => EntityKind::Organisation,
                    _ => EntityKind::Anonymous,
                };
                // a definite role refers back to a person with that word in a mention
                let definite = words(s)
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("the"));
                let person = (kind == MentionKind::Role && definite)
                    .then(|| {
                        recent.iter().take(LOOK_BACK).find(|&e| {
                            filters[e].person
                                && filters[e].words_mask & content_mask != 0
                                && content.iter().any(|w| ents[e].words.contains(w))
                        })
                    })
                    .flatten();
                // (a map: comparing with every entity was quadratic)
                let same = by_key.get(&(ekind, key.clone())).copied();
                match person.or(same) {
                    Some(e) => e,
                    None => {
                        by_key.entry((ekind, key)).or_insert(ents.len());
                        filters.push(Filter {
                            person: false,
                            name_mask: 0,
                            words_mask: content_mask,
                        });
                        ents.push(Ent {
                            kind: ekind,
                            name: proper_part(text, span),
                            name_words: 0,
                            words: content.into_iter().collect(),
                            name_set: Vec::new(),
                            gender: b'x',
                            mentions: Vec::new(),
                            speaks: false,
                        });
                        ents.len() - 1
                    }
                }
            }
        };
        if let Some(ai) = ai {
            assigned[ai] = e;
            ents[e].speaks = true;
            ents[e].mentions.push(span);
        }
        last_span_ent = Some((span, e));
        recent.touch(e);
    }
    // keep the entities that speak, renumbered in order of first speech
    let mut map = vec![usize::MAX; ents.len()];
    let mut speakers = Vec::new();
    for (ai, a) in atts.iter_mut().enumerate() {
        let e = assigned[ai];
        if e == NIL {
            continue;
        }
        if map[e] == usize::MAX {
            map[e] = speakers.len();
            let ent = &mut ents[e];
            speakers.push(Speaker {
                id: speakers.len(),
                name: ent.name.text(text),
                name_span: ent.name,
                kind: ent.kind,
                mentions: {
                    // one mention can speak twice ("Varga pledged … and said …")
                    let mut m = std::mem::take(&mut ent.mentions);
                    m.sort_unstable();
                    m.dedup();
                    m
                },
            });
        }
        a.entity = Some(map[e]);
    }
    speakers
}
