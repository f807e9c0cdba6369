//! The attribution rules, applied sentence by sentence.

use crate::attribution::mention::{as_mention, ends_with_ci, is, np_after, subject_before};
use crate::attribution::token::{Tok, tokenize};
use crate::attribution::{Attribution, AttributionKind, Mention, Rule};
use crate::lexicon::class;
use crate::lexicon::{CUE_PHRASES, PhraseRole};
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::span::Span;

/// Verbs whose object is the person spoken to (`told Putin`).
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "inform", "assure", "advise", "warn", "urge", "ask", "remind", "promise",
];

/// Reporting verbs that are also common nouns in their base or -s form; accepted only
/// with a subject right before them.
fn ambiguous_form(w: &str) -> bool {
    const VERB_ONLY: &[&str] = &[
        "said", "says", "told", "tells", "wrote", "writes", "thought", "found", "shown", "learnt",
        "written",
    ];
    !(ends_with_ci(w, "ed")
        || ends_with_ci(w, "ing")
        || VERB_ONLY.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    /// token range
    a: usize,
    b: usize,
    lemma: &'static str,
    according: bool,
    used: bool,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    counts: &'a Counts,
}

/// Letters and digits in `s`.
fn alnum(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes().filter(u8::is_ascii_alphanumeric).count()
    } else {
        s.chars().filter(|c| c.is_alphanumeric()).count()
    }
}

/// Letters and digits counted once per text, so that the quoted share of a content costs
/// a few binary searches: counting it char by char, and walking every quotation and
/// piece in it, for each attribution of a long sentence was quadratic. Sums wrap (u32);
/// their differences are exact.
struct Counts {
    /// Letters and digits before each token (one entry more: in all tokens).
    tok: Vec<u32>,
    /// The top-level quotations, in order (they never overlap).
    tops: Vec<usize>,
    /// Letters and digits in the pieces of the top-level quotations before each of them.
    tops_cum: Vec<u32>,
    /// Per quotation, letters and digits in its pieces before each piece; quotation `q`'s
    /// entries start at `piece_off[q]`.
    piece_cum: Vec<u32>,
    piece_off: Vec<usize>,
}

/// Letters and digits in `text[..x]`, from the token sums (only whitespace lies outside
/// the tokens).
fn alnum_before(text: &str, toks: &[Tok], tok_cum: &[u32], x: usize) -> u32 {
    let k = toks.partition_point(|t| t.end <= x);
    match toks.get(k) {
        Some(t) if t.start < x => {
            tok_cum[k].wrapping_add(alnum(text.get(t.start..x).unwrap_or("")) as u32)
        }
        _ => tok_cum[k],
    }
}

fn alnum_in(text: &str, toks: &[Tok], tok_cum: &[u32], s: Span) -> usize {
    if s.is_empty() {
        return 0;
    }
    alnum_before(text, toks, tok_cum, s.end)
        .wrapping_sub(alnum_before(text, toks, tok_cum, s.start)) as usize
}

impl Counts {
    fn new(text: &str, toks: &[Tok], quotes: &[Quote<'_>]) -> Counts {
        let mut tok = Vec::with_capacity(toks.len() + 1);
        let mut n = 0u32;
        tok.push(n);
        for t in toks {
            if t.word {
                n = n.wrapping_add(t.alnum);
            }
            tok.push(n);
        }
        let (mut piece_cum, mut piece_off) = (Vec::new(), Vec::with_capacity(quotes.len()));
        let (mut tops, mut tops_cum) = (Vec::new(), vec![0u32]);
        for (qi, q) in quotes.iter().enumerate() {
            piece_off.push(piece_cum.len());
            let mut m = 0u32;
            piece_cum.push(m);
            for p in &q.pieces {
                m = m.wrapping_add(alnum_in(text, toks, &tok, *p) as u32);
                piece_cum.push(m);
            }
            if q.parent.is_none() {
                tops.push(qi);
                tops_cum.push(tops_cum[tops_cum.len() - 1].wrapping_add(m));
            }
        }
        Counts {
            tok,
            tops,
            tops_cum,
            piece_cum,
            piece_off,
        }
    }
}

impl Cx<'_> {
    /// Letters and digits in span `s`.
    fn alnum_in(&self, s: Span) -> usize {
        alnum_in(self.text, self.toks, &self.counts.tok, s)
    }

    /// Letters and digits of quotation `qi`'s pieces inside `c`.
    fn quoted_in(&self, qi: usize, q: &Quote<'_>, c: Span) -> usize {
        let ps = &q.pieces;
        let a = ps.partition_point(|p| p.end <= c.start);
        let b = ps.partition_point(|p| p.start < c.end);
        if b <= a {
            return 0;
        }
        let clamp = |p: Span| self.alnum_in(Span::new(p.start.max(c.start), p.end.min(c.end)));
        let mut n = clamp(ps[a]);
        if b - 1 > a {
            let cum = &self.counts.piece_cum[self.counts.piece_off[qi]..];
            n += cum[b - 1].wrapping_sub(cum[a + 1]) as usize + clamp(ps[b - 1]);
        }
        n
    }

    fn t(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start, self.toks[b - 1].end)
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        !self.toks[i].word && self.t(i) == p
    }
}

/// A headline: most words outside quotations are capitalised.
fn is_headline(cx: &Cx<'_>, s: usize, e: usize) -> bool {
    let toks = cx.toks;
    let words = toks[s..e]
        .iter()
        .filter(|t| t.word && !t.in_quote())
        .count();
    let caps = toks[s..e]
        .iter()
        .filter(|t| t.word && !t.in_quote() && t.cap)
        .count();
    words >= 4 && caps * 4 >= words * 3
}

/// Find the cues of sentence tokens [s, e).
fn find_cues(cx: &Cx<'_>, s: usize, e: usize, out: &mut Vec<Cue>) {
    let toks = cx.toks;
    let headline = is_headline(cx, s, e);
    let mut i = s;
    while i < e {
        let t = &toks[i];
        if !t.word || t.in_quote() {
            i += 1;
            continue;
        }
        // phrases with a source role ("according to")
        let mut matched = false;
        let phrases: &[(PhraseRole, Vec<&str>)] = if t.has(class::PHRASE_HEAD) {
            &CUE_PHRASES
        } else {
            &[]
        };
        for (role, words) in phrases {
            if *role != PhraseRole::Source || i + words.len() > e {
                continue;
            }
            if words.iter().enumerate().all(|(k, w)| {
                let tk = &toks[i + k];
                tk.word && tk.text(cx.text).eq_ignore_ascii_case(w)
            }) {
                out.push(Cue {
                    a: i,
                    b: i + words.len(),
                    lemma: "according to",
                    according: true,
                    used: false,
                });
                // the source after it ("according to a police report") holds no cue
                i += words.len();
                while i < e && toks[i].word && i - out[out.len() - 1].b < 6 {
                    i += 1;
                }
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        let w = t.text(cx.text);
        // "as Ana Ruiz put it, …": "put it" reports words
        if i + 1 < e && is(cx.text, t, &["put", "puts"]) && is(cx.text, &toks[i + 1], &["it"]) {
            out.push(Cue {
                a: i,
                b: i + 2,
                lemma: "put it",
                according: false,
                used: false,
            });
            i += 2;
            continue;
        }
        if let Some(lemma) = t.lemma() {
            let blocked = i > s && {
                let p = &toks[i - 1];
                // "an estimated $10 trillion", "his stated aim": an adjective
                p.has(class::BLOCKER)
                    || is(
                        cx.text,
                        p,
                        &[
                            "a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
                        ],
                    )
                    || (i > s + 1
                        && is(
                            cx.text,
                            &toks[i - 2],
                            &["to", "not", "never", "declined", "refused"],
                        )
                        && toks[i - 1].word
                        && !toks[i - 1].cap
                        && is(cx.text, &toks[i - 1], &["be", "have", "also", "publicly"]))
            };
            let noun_like = {
                let (amb, often_noun) = (ambiguous_form(w), t.has(class::OFTEN_NOUN));
                amb && (i == s || {
                    let p = &toks[i - 1];
                    let pt = p.text(cx.text);
                    let noun_context = !p.word
                        || i >= s + 2
                            && toks[i - 2].has(class::DET)
                            && !p.cap
                            && !p.has(class::PRONOUN)
                        || p.has(class::NOUN_BEFORE)
                        || pt.ends_with("'s")
                        || pt.ends_with("’s");
                    // forms that are mostly nouns need a plain subject right before them
                    let strong_subject = p.word
                        && (p.has(class::PRONOUN)
                            || p.cap
                            || p.has(class::ROLE)
                            || p.has(class::ORG));
                    noun_context || (often_noun && !strong_subject)
                })
            };
            // "showed up", "points out" is fine, "called off" is not speech
            let particle = i + 1 < e && is(cx.text, &toks[i + 1], &["up", "off"]);
            // a capitalised verb mid-sentence is a name (Will, Said), except in a headline
            let capital_mid =
                t.cap && i > s && !matches!(cx.t(i - 1), "“" | "\"" | "(") && !headline;
            // "agreed to reopen", "discussed the island": these verbs report only a clause
            // or a quotation
            let no_clause = t.has(class::CLAUSE_VERB)
                && !(i + 1..e.min(i + 6)).any(|k| {
                    toks[k].in_quote() || cx.punct(k, ":") || is(cx.text, &toks[k], &["that"])
                });
            // "is expected to announce": modality, not speech
            let modal =
                t.lemma() == Some("expect") && i + 1 < e && is(cx.text, &toks[i + 1], &["to"]);
            if !blocked && !noun_like && !capital_mid && !particle && !no_clause && !modal {
                out.push(Cue {
                    a: i,
                    b: i + 1,
                    lemma,
                    according: false,
                    used: false,
                });
            }
        }
        i += 1;
    }
}

/// A medium phrase ("in a statement", "on Twitter") starting at token `i`; returns its end.
fn medium_at(cx: &Cx<'_>, i: usize, e: usize) -> Option<usize> {
    if !cx.toks[i].has(class::PHRASE_HEAD) {
        return None;
    }
    for (role, words) in CUE_PHRASES.iter() {
        if *role != PhraseRole::Medium || i + words.len() > e {
            continue;
        }
        if words.iter().enumerate().all(|(k, w)| {
            let tk = &cx.toks[i + k];
            tk.word && tk.text(cx.text).eq_ignore_ascii_case(w)
        }) {
            return Some(i + words.len());
        }
    }
    None
}

fn is_media(cx: &Cx<'_>, a: usize, b: usize) -> bool {
    cx.toks[a..b].iter().any(|t| t.has(class::MEDIA))
}

/// Last token of the sentence that is not closing punctuation.
fn content_end(cx: &Cx<'_>, a: usize, e: usize) -> usize {
    let mut b = e;
    while b > a
        && !cx.toks[b - 1].word
        && matches!(
            cx.t(b - 1),
            "." | "!" | "?" | ";" | ":" | "," | "—" | "–" | "…"
        )
    {
        b -= 1;
    }
    b
}

/// Where a reported clause starting at `from` stops before `end`: at a comma that opens a
/// participial phrase (", adding that …", ", implicitly putting …"), which is the writer's
/// or another attribution's.
fn clause_end(cx: &Cx<'_>, from: usize, end: usize) -> usize {
    let toks = cx.toks;
    let mut i = from + 1;
    while i + 1 < end {
        if cx.punct(i, ",") && !toks[i].in_quote() {
            let mut j = i + 1;
            if j + 1 < end && toks[j].word && (cx.t(j).len() > 4 && ends_with_ci(cx.t(j), "ly")) {
                j += 1;
            }
            if toks[j].word
                && !toks[j].cap
                && !toks[j].in_quote()
                && (cx.t(j).len() > 5 && ends_with_ci(cx.t(j), "ing"))
            {
                return content_end(cx, from, i);
            }
        }
        i += 1;
    }
    end
}

/// Result of linking one quotation.
struct Link {
    speaker: Option<Mention>,
    cue: Option<Span>,
    addressee: Option<Span>,
    medium: Option<Span>,
    rule: Rule,
    confidence: f32,
    content: Option<Span>,
}

/// After the cue: addressee of `tell`-like verbs, medium phrases, time words and `that`.
/// Returns (first content token, addressee, medium).
fn after_cue(cx: &Cx<'_>, cue: &Cue, e: usize) -> (usize, Option<Span>, Option<Span>) {
    let mut i = cue.b;
    let mut addressee = None;
    let mut medium = None;
    if ADDRESSEE_VERBS.contains(&cue.lemma) && !cue.according {
        if let Some((a, b)) = np_after(cx.text, cx.toks, i, e) {
            let sp = cx.span(a, b);
            if is_media(cx, a, b) {
                medium = Some(sp);
            } else {
                addressee = Some(sp);
            }
            i = b;
        }
    }
    for _ in 0..4 {
        if i >= e {
            break;
        }
        if let Some(m) = medium_at(cx, i, e) {
            // "in an interview with CNN": extend over "with X"
            let mut end = m;
            if end < e && is(cx.text, &cx.toks[end], &["with", "on", "to"]) {
                if let Some((_, b)) = np_after(cx.text, cx.toks, end + 1, e) {
                    end = b;
                }
            }
            medium = Some(cx.span(i, end));
            i = end;
            continue;
        }
        if cx.toks[i].has(class::TIME) || cx.punct(i, ",") {
            i += 1;
            continue;
        }
        // "said in 2014 that …", "told the committee on Monday that …": a short phrase
        // before "that" belongs to the cue
        let prep = is(
            cx.text,
            &cx.toks[i],
            &[
                "in", "on", "at", "during", "after", "before", "to", "about", "last", "this",
                "earlier", "late", "early",
            ],
        );
        if let Some(k) =
            (i + 1..e.min(i + 10)).find(|&k| prep && is(cx.text, &cx.toks[k], &["that"]))
        {
            if (i..k).all(|j| cx.toks[j].word && !cx.toks[j].in_quote()) {
                i = k;
            }
        }
        break;
    }
    if i < e && cx.punct(i, ":") {
        i += 1;
    }
    (i, addressee, medium)
}

/// The quotations' top-level tokens: mark each token inside a speech or partial quote.
fn mark_quote_tokens(toks: &mut [Tok], quotes: &[Quote<'_>]) {
    let mut k = 0;
    for (qi, q) in quotes.iter().enumerate() {
        if q.parent.is_some() || q.kind == QuoteKind::NotSpeech {
            continue;
        }
        for piece in &q.pieces {
            while k < toks.len() && toks[k].start < piece.start {
                k += 1;
            }
            let mut j = k;
            while j < toks.len() && toks[j].end <= piece.end {
                toks[j].quote = qi as u32;
                j += 1;
            }
        }
    }
}

/// The rules see sentences of at most this many tokens; a longer one (no real sentence
/// is that long: a text without sentence ends) is cut into pieces this long. Each rule
/// scans at most its sentence, so this keeps every text linear.
const MAX_SENTENCE_TOKENS: usize = 1000;

/// How much of `content` is quoted: all top-level quotations overlapping it count,
/// names and terms included (they are the speaker's words too).
fn kind_for(cx: &Cx<'_>, content: Span, quotes: &[Quote<'_>]) -> AttributionKind {
    let total = cx.alnum_in(content).max(1);
    // top-level quotations never overlap each other, so at most one starts before `content`
    let lo = quotes
        .partition_point(|q| q.span.start < content.start)
        .saturating_sub(1);
    let k = cx.counts;
    let ta = k
        .tops
        .partition_point(|&t| quotes[t].span.start < content.start);
    let tb = k
        .tops
        .partition_point(|&t| quotes[t].span.start < content.end);
    let mut inside = 0;
    // the quotation just before `content`, if top-level
    if ta > 0 && k.tops[ta - 1] == lo && quotes[lo].span.overlaps(content) {
        inside += cx.quoted_in(lo, &quotes[lo], content);
    }
    // those starting inside it: all but the last end inside it too
    if tb > ta {
        inside += k.tops_cum[tb - 1].wrapping_sub(k.tops_cum[ta]) as usize;
        let last = k.tops[tb - 1];
        inside += cx.quoted_in(last, &quotes[last], content);
    }
    if inside == 0 {
        return AttributionKind::Indirect;
    }
    let share = inside as f32 / total as f32;
    if share >= 0.98 {
        AttributionKind::Direct
    } else if share >= 0.5 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Partial
    }
}

/// Run the attribution rules over the whole text. Returns the attributions in text order
/// and the person-like names seen (antecedents for pronouns; `true` marks a weak one that
/// may only join a known person).
pub(crate) fn attribute(
    text: &str,
    sentences: &[Sentence<'_>],
    quotes: &mut [Quote<'_>],
) -> (Vec<Attribution>, Vec<(Span, bool)>) {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut ranges = Vec::with_capacity(sentences.len());
    // a sentence longer than MAX_SENTENCE_TOKENS is cut into pieces that long
    let mut cut: Vec<Sentence<'_>> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let a = toks.len();
        tokenize(text, s.span.start, s.span.end, &mut toks);
        let b = toks.len();
        if b - a <= MAX_SENTENCE_TOKENS {
            if !cut.is_empty() {
                cut.push(*s);
            }
            ranges.push((a, b));
            continue;
        }
        if cut.is_empty() {
            cut.extend_from_slice(&sentences[..si]);
        }
        for i in (a..b).step_by(MAX_SENTENCE_TOKENS) {
            let j = (i + MAX_SENTENCE_TOKENS).min(b);
            let span = Span::new(toks[i].start, toks[j - 1].end);
            cut.push(Sentence {
                span,
                text: &text[span],
                paragraph: s.paragraph,
            });
            ranges.push((i, j));
        }
    }
    let sentences: &[Sentence<'_>] = if cut.is_empty() { sentences } else { &cut };
    mark_quote_tokens(&mut toks, quotes);
    let counts = Counts::new(text, &toks, quotes);
    let cx = Cx {
        text,
        toks: &toks,
        counts: &counts,
    };
    // every cue of the text, with the range of each sentence's cues
    let mut cues = Vec::new();
    let mut cue_ranges = Vec::with_capacity(sentences.len());
    for &(ts, te) in &ranges {
        let a = cues.len();
        find_cues(&cx, ts, te, &mut cues);
        cue_ranges.push((a, cues.len()));
    }
    let sentence_of = |byte: usize| {
        sentences
            .partition_point(|s| s.span.start <= byte)
            .saturating_sub(1)
    };

    let mut out: Vec<Attribution> = Vec::new();
    let mut quote_done = vec![false; quotes.len()];
    // the last attribution with a speaker, and its paragraph
    let mut last: Option<(usize, Attribution)> = None;
    // a lead-in "X said:" ending the previous sentence
    let mut lead_in: Option<(usize, Link)> = None;
    // the last attribution of a speech quotation: (paragraph, index in `out`)
    let mut last_direct: Option<(usize, usize, usize)> = None;
    let mut next_quote = 0;
    let mut sentence_quotes: Vec<usize> = Vec::new();

    for (si, s) in sentences.iter().enumerate() {
        let (ts, te) = ranges[si];
        let (c0, c1) = cue_ranges[si];
        sentence_quotes.clear();
        while next_quote < quotes.len() && quotes[next_quote].span.start < s.span.end {
            let q = &quotes[next_quote];
            if q.parent.is_none() && q.kind != QuoteKind::NotSpeech && !quote_done[next_quote] {
                sentence_quotes.push(next_quote);
            }
            next_quote += 1;
        }
        if ts == te {
            continue;
        }
        let first_new_out = out.len();

        // 0. "Name: …" headlines and transcripts
        if let Some(a) = colon_speaker(&cx, ts, te, sentences, &ranges, si, quotes) {
            for (qi, q) in quotes
                .iter()
                .enumerate()
                .skip(sentence_quotes.first().copied().unwrap_or(quotes.len()))
            {
                if q.span.start >= a.content.end {
                    break;
                }
                // the quotation holds the turn ("“SMITH: …") or lies in it
                if a.content.contains(q.span) || q.parent.is_none() && q.span.overlaps(a.content) {
                    quote_done[qi] = true;
                }
            }
            out.push(a);
        }

        // 1. speech quotations
        for &qi in &sentence_quotes {
            if quotes[qi].kind != QuoteKind::Speech || quote_done[qi] {
                continue;
            }
            // a quotation that runs over several sentences: look up to where it ends
            let mut sj = sentence_of(quotes[qi].span.end.saturating_sub(1)).max(si);
            // "“…!” Her niece shouted to the crowd." / "“…” ― Ana Ruiz": an attribution cut
            // off into a sentence of its own
            if sj + 1 < sentences.len()
                && sentences[sj + 1].paragraph == sentences[sj].paragraph
                && trailing_attribution(&cx, &quotes[qi], ranges[sj], ranges[sj + 1])
            {
                sj += 1;
            }
            let (te_q, c1_q) = (ranges[sj].1, cue_ranges[sj].1);
            let link = link_quote(&cx, &quotes[qi], qi, ts, te_q, &mut cues[c0..c1_q]);
            let link = match link {
                Some(l) => Some(l),
                None => lead_in
                    .as_ref()
                    .filter(|(p, _)| *p + 1 >= s.paragraph)
                    .map(|(_, l)| Link {
                        rule: Rule::ColonLeadIn,
                        confidence: 0.8,
                        content: None,
                        ..*l
                    }),
            };
            let q = &quotes[qi];
            // a quotation continuing the previous direct attribution of its paragraph:
            // "“A,” she said. “B.”" is one attribution
            if link.is_none() {
                if let Some(&(p, k, ls)) = last_direct.as_ref() {
                    let free_cue = cues[c0..c1].iter().any(|c| !c.used);
                    // only attributions from the same sentence (participles) came since
                    let same_turn = out[k + 1..].iter().all(|a| {
                        a.content.start >= out[k].content.start
                            && sentence_of(a.content.start) <= ls
                    });
                    if p == s.paragraph
                        && si <= ls + 1
                        && same_turn
                        && out[k].content.end <= q.span.start
                        && !free_cue
                    {
                        let was_direct = out[k].kind == AttributionKind::Direct;
                        out[k].content = out[k].content.cover(q.span);
                        let c = out[k].content;
                        // "“A,” she said. “B.”": still direct, the attribution aside
                        out[k].kind = if was_direct {
                            AttributionKind::Direct
                        } else {
                            kind_for(&cx, c, quotes)
                        };
                        quote_done[qi] = true;
                        last_direct = Some((p, k, sentence_of(c.end.saturating_sub(1))));
                        continue;
                    }
                }
            }
            let link = match link {
                Some(l) => Some(l),
                None => {
                    // a paragraph that is only a quotation: take the previous paragraph's speaker
                    let para_is_quote =
                        q.first_paragraph > 0 && starts_paragraph(text, sentences, si, q);
                    match &last {
                        Some((p, a))
                            if para_is_quote
                                && *p + 1 >= q.first_paragraph
                                && *p < q.first_paragraph =>
                        {
                            Some(Link {
                                speaker: a.speaker,
                                cue: None,
                                addressee: None,
                                medium: None,
                                rule: Rule::Inherited,
                                confidence: 0.5,
                                content: None,
                            })
                        }
                        _ => None,
                    }
                }
            };
            // "She added that …, because “In the end, we vote for somebody.”": a quotation in
            // the clause of an earlier cue is left to the reported-speech rules (step 2)
            if link.is_none()
                && cues[c0..c1]
                    .iter()
                    .any(|c| !c.used && c.b <= cx_first_tok(&cx, q.span.start, ts, te))
            {
                continue;
            }
            // "President Obama is rolling out a new message: “It's about me.”": a colon and a
            // quotation with no cue; the sentence's subject speaks
            let link = link.or_else(|| {
                let qa = cx_first_tok(&cx, q.span.start, ts, te);
                (qa > ts && cx.punct(qa - 1, ":"))
                    .then(|| sentence_subject(&cx, ts, qa))
                    .flatten()
                    .map(|r| Link {
                        speaker: Some(as_mention(text, &toks, r)),
                        cue: Some(cx.span(qa - 1, qa)),
                        addressee: None,
                        medium: None,
                        rule: Rule::ColonLeadIn,
                        confidence: 0.5,
                        content: None,
                    })
            });
            quote_done[qi] = true;
            let content = link.as_ref().and_then(|l| l.content).unwrap_or(q.span);
            // the quotation itself is the content (its pieces, the attribution between them
            // aside): direct
            let kind = if content == q.span {
                AttributionKind::Direct
            } else {
                kind_for(&cx, content, quotes)
            };
            let a = match link {
                Some(l) => Attribution {
                    content,
                    kind,
                    quote: Some(qi),
                    speaker: l.speaker,
                    entity: None,
                    cue: l.cue,
                    addressee: l.addressee,
                    medium: l.medium,
                    confidence: if l.speaker.is_some() {
                        l.confidence
                    } else {
                        0.2
                    },
                    rule: l.rule,
                },
                None => Attribution {
                    content,
                    kind,
                    quote: Some(qi),
                    speaker: None,
                    entity: None,
                    cue: None,
                    addressee: None,
                    medium: None,
                    confidence: 0.0,
                    rule: Rule::Unattributed,
                },
            };
            if a.speaker.is_some() {
                last_direct = Some((
                    s.paragraph,
                    out.len(),
                    sentence_of(turn_end(&a).saturating_sub(1)),
                ));
            }
            out.push(a);
        }

        // 2. reported speech from the remaining cues
        let scues = &mut cues[c0..c1];
        for ci in 0..scues.len() {
            if scues[ci].used {
                continue;
            }
            let main_speaker = out[first_new_out..].iter().find_map(|a| a.speaker);
            if let Some(mut a) = indirect(&cx, scues, ci, ts, te, quotes, &quote_done, main_speaker)
            {
                // a quotation attributed in step 1 is not reported again: the clause
                // stops before it, or is dropped when nothing is left
                let taken = out[first_new_out..]
                    .iter()
                    .filter_map(|b| b.quote.map(|q| quotes[q].span))
                    .find(|q| q.overlaps(a.content));
                if let Some(q) = taken {
                    let head = text[a.content.start..q.start.max(a.content.start)]
                        .trim_end_matches(|c: char| {
                            c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–')
                        });
                    if head.split_whitespace().count() < 3 {
                        continue;
                    }
                    a.content = Span::new(a.content.start, a.content.start + head.len());
                    a.kind = kind_for(&cx, a.content, quotes);
                }
                scues[ci].used = true;
                for &qi in &sentence_quotes {
                    if a.content.contains(quotes[qi].span) {
                        quote_done[qi] = true;
                    }
                }
                out.push(a);
            }
        }

        // a reported clause holding a quotation may be continued by the next quotation
        if let Some(k) = (first_new_out..out.len())
            .rev()
            .find(|&k| out[k].kind != AttributionKind::Indirect && out[k].speaker.is_some())
        {
            if last_direct.is_none_or(|(_, j, _)| j < k) {
                last_direct = Some((
                    s.paragraph,
                    k,
                    sentence_of(turn_end(&out[k]).saturating_sub(1)),
                ));
            }
        }

        // 3. partial quotations no content took: a cue next to them, or not speech; speech
        // left for step 2 and not taken there stays unattributed
        for &qi in &sentence_quotes {
            if quote_done[qi] {
                continue;
            }
            quote_done[qi] = true;
            if quotes[qi].kind == QuoteKind::Speech {
                out.push(Attribution {
                    content: quotes[qi].span,
                    kind: AttributionKind::Direct,
                    quote: Some(qi),
                    speaker: None,
                    entity: None,
                    cue: None,
                    addressee: None,
                    medium: None,
                    confidence: 0.0,
                    rule: Rule::Unattributed,
                });
                continue;
            }
            match link_quote(&cx, &quotes[qi], qi, ts, te, &mut cues[c0..c1]) {
                Some(l) if l.speaker.is_some() => {
                    let content = l.content.unwrap_or(quotes[qi].span);
                    out.push(Attribution {
                        content,
                        kind: kind_for(&cx, content, quotes),
                        quote: Some(qi),
                        speaker: l.speaker,
                        entity: None,
                        cue: l.cue,
                        addressee: l.addressee,
                        medium: l.medium,
                        confidence: l.confidence * 0.8,
                        rule: l.rule,
                    });
                }
                _ => match sentence_subject(&cx, ts, te) {
                    // "Critics likened the rules to “burning the house down”": a fragment in a
                    // clause about its subject, who is taken to have said it
                    Some(r) if fragment_in_clause(&cx, &quotes[qi], qi, ts, te) => {
                        let content = quotes[qi].span;
                        out.push(Attribution {
                            content,
                            kind: AttributionKind::Partial,
                            quote: Some(qi),
                            speaker: Some(as_mention(text, &toks, r)),
                            entity: None,
                            cue: None,
                            addressee: None,
                            medium: None,
                            confidence: 0.3,
                            rule: Rule::SentenceSubject,
                        });
                    }
                    _ => quotes[qi].kind = QuoteKind::NotSpeech,
                },
            }
        }

        // lead-in for the next sentence: "X said in a statement:" / "X said:"
        lead_in = None;
        if s.text.trim_end().ends_with(':') {
            if let Some(c) = cues[c0..c1].iter().rev().find(|c| !c.used) {
                let speaker =
                    subject_before(text, &toks, c.a, ts).map(|r| as_mention(text, &toks, r));
                if speaker.is_some() {
                    let (_, addressee, medium) = after_cue(&cx, c, te);
                    lead_in = Some((
                        s.paragraph,
                        Link {
                            speaker,
                            cue: Some(cx.span(c.a, c.b)),
                            addressee,
                            medium,
                            rule: Rule::ColonLeadIn,
                            confidence: 0.8,
                            content: None,
                        },
                    ));
                }
            } else if let Some(r) = sentence_subject(&cx, ts, te) {
                // "Sanders made the following comment:" — no cue word, the subject speaks
                let colon = te - 1;
                lead_in = Some((
                    s.paragraph,
                    Link {
                        speaker: Some(as_mention(text, &toks, r)),
                        cue: Some(cx.span(colon, colon + 1)),
                        addressee: None,
                        medium: None,
                        rule: Rule::ColonLeadIn,
                        confidence: 0.5,
                        content: None,
                    },
                ));
            }
        }
        if let Some(a) = out[first_new_out..]
            .iter()
            .rev()
            .find(|a| a.speaker.is_some())
        {
            last = Some((s.paragraph, *a));
        }
    }
    out.sort_by_key(|a| (a.content.start, a.content.end));
    let names = person_names(&cx, &ranges);
    (out, names)
}

/// The subject at the start of a sentence: a pronoun, a name or a noun phrase opened by a
/// determiner, after an introductory phrase closed by a comma ("In Ohio, the governor …").
fn sentence_subject(cx: &Cx<'_>, ts: usize, te: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let mut a = (ts..te).find(|&i| toks[i].word && !toks[i].in_quote())?;
    // skip introductory phrases up to their commas ("Once in my early 20s, when my mother
    // called, I …"; "On July 6, 2015, Ana …"), three at most, each within 16 tokens
    for _ in 0..3 {
        let t = &toks[a];
        let number = t.text(cx.text).bytes().all(|b| b.is_ascii_digit());
        let intro = t.has(class::NOT_NAME_START | class::FUNCTION | class::BETWEEN | class::TIME)
            || ends_with_ci(cx.t(a), "ing")
            || number;
        if !intro {
            break;
        }
        let comma = (a..te.min(a + 16)).find(|&i| cx.punct(i, ",") && !toks[i].in_quote())?;
        a = (comma + 1..te).find(|&i| toks[i].word && !toks[i].in_quote())?;
    }
    let t = &toks[a];
    let ok = t.has(class::PRONOUN)
        || t.cap
        || is(
            cx.text,
            t,
            &[
                "the", "a", "an", "his", "her", "their", "its", "many", "some",
            ],
        );
    if !ok || t.has(class::NOT_NAME_START) {
        return None;
    }
    let r = np_after(cx.text, toks, a, te)?;
    // the phrase is followed by a verb-like word, not by the quotation
    (r.1 < te && toks[r.1].word && !toks[r.1].in_quote()).then_some(r)
}

/// A quotation woven into a clause (text before it in the sentence), not a title standing
/// alone; short fragments of one word count only after a verb-like word.
fn fragment_in_clause(cx: &Cx<'_>, q: &Quote<'_>, qi: usize, ts: usize, te: usize) -> bool {
    let toks = cx.toks;
    let qi = qi as u32;
    let Some(qa) = (ts..te).find(|&i| toks[i].quote == qi) else {
        return false;
    };
    let before = (ts..qa).filter(|&i| toks[i].word).count();
    let words = q.content.text(cx.text).split_whitespace().count();
    // "its “national enterprise reporter”", "a “liquidating trust”": a quoted term inside
    // a noun phrase
    let prev = (ts..qa).rev().find(|&i| toks[i].word);
    let in_noun_phrase = prev.is_some_and(|p| {
        toks[p].has(class::NOUN_BEFORE)
            && !is(cx.text, &toks[p], &["to", "that", "and", "or", "of"])
    });
    // "the notorious “carried interest” loophole": a quoted modifier of the noun after it
    let qb = (qa..te)
        .rev()
        .find(|&i| toks[i].quote == qi)
        .map_or(te, |i| i + 1);
    let modifier = qb < te && {
        let n = &toks[qb];
        n.word && !n.cap && n.info.class == 0 && n.lemma().is_none()
    };
    before >= 3 && words >= 2 && !in_noun_phrase && !modifier
}

/// Does the sentence `next` only finish the attribution of a quotation that ends sentence
/// `cur`? It starts with a dash and a name, or (after a quotation ending in `?` or `!`) is a
/// short sentence without quotations.
fn trailing_attribution(
    cx: &Cx<'_>,
    q: &Quote<'_>,
    cur: (usize, usize),
    next: (usize, usize),
) -> bool {
    let toks = cx.toks;
    let (ns, ne) = next;
    if ns >= ne {
        return false;
    }
    // the quotation closes its sentence
    let last_word = (cur.0..cur.1).rev().find(|&i| toks[i].word);
    if last_word.is_some_and(|i| !toks[i].in_quote()) {
        return false;
    }
    if !toks[ns].word && matches!(cx.t(ns), "―" | "—" | "–") {
        return true;
    }
    let content = q
        .content
        .text(cx.text)
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '?' && c != '!');
    content.ends_with(['?', '!']) && ne - ns <= 25 && !toks[ns..ne].iter().any(|t| t.in_quote())
}

/// "Name: …" at the start of a sentence: a headline ("Poll: Voters Shift") or a transcript
/// turn ("SMITH: Thank you."). The content runs to the end of the paragraph.
fn colon_speaker(
    cx: &Cx<'_>,
    ts: usize,
    te: usize,
    sentences: &[Sentence<'_>],
    ranges: &[(usize, usize)],
    si: usize,
    quotes: &[Quote<'_>],
) -> Option<Attribution> {
    let toks = cx.toks;
    let mut a = ts;
    // a paragraph may open with a stray quotation mark
    while a < te && !toks[a].word && matches!(cx.t(a), "\"" | "“" | "'") {
        a += 1;
    }
    let mut b = a;
    while b < te && b - a < 4 && (toks[b].word && toks[b].cap || cx.punct(b, ".") && b > a) {
        b += 1;
    }
    // a name of up to three words (titles with their periods aside)
    if toks[a..b].iter().filter(|t| t.word).count() > 3 {
        return None;
    }
    if b == a
        || b >= te
        || !cx.punct(b, ":")
        || toks[a..b].iter().any(|t| t.has(class::COLON_LABEL))
    {
        return None;
    }
    // the rest of the paragraph
    let para = sentences[si].paragraph;
    // (a binary search and a bounded count: walking the paragraph was quadratic)
    let last = si + sentences[si..].partition_point(|s| s.paragraph == para) - 1;
    let end_tok = ranges[last].1;
    let first = b + 1;
    let mut end = content_end(cx, first, end_tok).max(first);
    // a closing quotation mark (of a quoted turn) is not content
    while end > first
        && !toks[end - 1].word
        && matches!(cx.t(end - 1), "\"" | "”" | "’" | "'" | "»")
    {
        end = content_end(cx, first, end - 1).max(first);
    }
    if (first..end).filter(|&i| toks[i].word).take(3).count() < 3 {
        return None;
    }
    let content = cx.span(first, end);
    let lo = quotes
        .partition_point(|q| q.span.start < content.start)
        .saturating_sub(1);
    let quote = (lo..quotes.len())
        .take_while(|&i| quotes[i].span.start < content.end)
        .find(|&i| quotes[i].parent.is_none() && quotes[i].span.overlaps(content));
    // a "Name:" inside a quotation (“Ana Ruiz: we will win,” he said) is quoted text,
    // not a speaker label; its speaker would lie inside its own quotation
    // — unless the quotation is a transcript turn that opens with a capitalised label and
    // is never closed in its paragraph ("\"SMITH: Thank you.", the next turn reopening);
    // then the label is the speaker and the content starts after it
    let label = cx.span(a, b);
    let caps = !label.text(cx.text).chars().any(char::is_lowercase);
    let turn = |q: &Quote<'_>| caps && q.content.start == label.start;
    if quote.is_some_and(|q| quotes[q].content.contains(label) && !turn(&quotes[q])) {
        return None;
    }
    // a turn's label stands inside the marks: the turn is not linked to the quotation, so
    // that no speaker lies inside its own quotation
    let quote = quote.filter(|&q| !turn(&quotes[q]));
    Some(Attribution {
        content,
        kind: kind_for(cx, content, quotes),
        quote,
        speaker: Some(as_mention(cx.text, toks, (a, b))),
        entity: None,
        cue: Some(cx.span(b, b + 1)),
        addressee: None,
        medium: None,
        confidence: 0.6,
        rule: Rule::ColonSpeaker,
    })
}

/// Person-like proper names anywhere in the text (runs of two or more capitalised words,
/// or a title and a capitalised word, outside quotations and without organisation
/// words): antecedents for pronouns.
fn person_names(cx: &Cx<'_>, ranges: &[(usize, usize)]) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    for &(ts, te) in ranges {
        let mut i = ts;
        while i < te {
            let t = &cx.toks[i];
            if !(t.word && t.cap) || t.in_quote() {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut words = 0;
            let mut org = false;
            while j < te {
                let k = &cx.toks[j];
                if k.word && k.cap && !k.in_quote() {
                    words += 1;
                    org |= k.has(class::ORG);
                    j += 1;
                } else if cx.punct(j, ".") && j > i && cx.toks[j - 1].has(class::TITLE) {
                    j += 1;
                } else {
                    break;
                }
            }
            // "Rehn answered his critics": a lone unlisted capitalised word opening a sentence
            // may be a surname already seen; it only joins a known person (weak)
            if i == ts
                && words == 1
                && j < te
                && cx.toks[j].word
                && !cx.toks[j].cap
                && t.info.class == 0
                && t.lemma().is_none()
            {
                out.push((cx.span(i, j), true));
            }
            // "the Chinese leader", "a Republican senator": capitalised modifiers of a role
            let modifier =
                j < te && cx.toks[j].word && !cx.toks[j].cap && cx.toks[j].has(class::ROLE);
            // a single word, or a run that is the whole sentence (a headline), starting the
            // sentence is not a name
            let first_ok = i != ts || (words > 1 && j + 1 < te);
            if words >= 2 && !org && first_ok && !modifier {
                // drop a sentence-initial function word ("But John Smith")
                let mut a = i;
                while a < j
                    && is(
                        cx.text,
                        &cx.toks[a],
                        &[
                            "but", "and", "the", "in", "on", "at", "as", "after", "when", "if",
                            "for", "with", "by", "from",
                        ],
                    )
                {
                    a += 1;
                }
                if a < j {
                    out.push((cx.span(a, j), false));
                }
            }
            i = j.max(i + 1);
        }
    }
    out
}

fn starts_paragraph(text: &str, sentences: &[Sentence<'_>], si: usize, q: &Quote<'_>) -> bool {
    let s = &sentences[si];
    (si == 0 || sentences[si - 1].paragraph != s.paragraph)
        && text[s.span.start..q.span.start].trim().is_empty()
}

/// Link a quotation to a cue in its sentence (tokens [ts, te)).
fn link_quote(
    cx: &Cx<'_>,
    q: &Quote<'_>,
    qi: usize,
    ts: usize,
    te: usize,
    cues: &mut [Cue],
) -> Option<Link> {
    let toks = cx.toks;
    let text = cx.text;
    let qi = qi as u32;
    // token index range of the quotation within the sentence; its tokens lie inside its
    // span, so only those are searched (searching the whole sentence was quadratic)
    let lo = ts + toks[ts..te].partition_point(|t| t.start < q.span.start);
    let hi = lo + toks[lo..te].partition_point(|t| t.start < q.span.end);
    let qa = (lo..hi).find(|&i| toks[i].quote == qi)?;
    let qb = (qa..hi).rev().find(|&i| toks[i].quote == qi)? + 1;
    // cues are in text order and do not overlap: search only the ones near the quotation
    let after = |k: usize| cues.partition_point(|c| c.a < k);
    // 1. split quotation: a cue between the pieces
    if q.pieces.len() > 1 {
        let from = after(qa + 1);
        let found = cues[from..]
            .iter()
            .take_while(|c| c.a < qb)
            .position(|c| !c.used && c.b < qb && toks[c.a].quote == u32::MAX);
        if let Some(ci) = found.map(|k| from + k) {
            let c = cues[ci];
            let floor = (qa..c.a)
                .rev()
                .find(|&i| toks[i].quote == qi)
                .map_or(ts, |i| i + 1);
            let ceil = (c.b..qb).find(|&i| toks[i].quote == qi).unwrap_or(qb);
            let sp =
                subject_before(text, toks, c.a, floor).or_else(|| np_after(text, toks, c.b, ceil));
            if let Some(r) = sp {
                cues[ci].used = true;
                let (_, addressee, medium) = after_cue(cx, &c, ceil);
                return Some(Link {
                    speaker: Some(as_mention(text, toks, r)),
                    cue: Some(cx.span(c.a, c.b)),
                    addressee,
                    medium,
                    rule: Rule::SplitQuote,
                    confidence: 0.9,
                    content: None,
                });
            }
        }
    }
    // 2. after the quotation: "“…,” X said" / "“…,” said X"
    let next_q = (qb..te).find(|&i| toks[i].in_quote()).unwrap_or(te);
    let from = after(qb);
    // the first free cue after the quotation: near it, or after a subject that starts
    // right at the quotation ("“…,” Ana Ruiz, a professor at …, said")
    let found = cues[from..]
        .iter()
        .take_while(|c| c.a < next_q && c.a - qb <= 40)
        .position(|c| !c.used)
        .filter(|&k| {
            let c = &cues[from + k];
            c.a - qb <= 14
                || subject_before(text, toks, c.a, qb).is_some_and(|r| r.0 <= qb + 1)
                || apposed_name(cx, qb, c.a).is_some()
        });
    if let Some(ci) = found.map(|k| from + k) {
        let c = cues[ci];
        let sp = if c.according {
            np_after(text, toks, c.b, next_q).map(|r| (r, Rule::AccordingTo))
        } else {
            // "“…,” Ana Ruiz, the attorney general of Ohio, one of the states suing, said"
            apposed_name(cx, qb, c.a)
                .or_else(|| subject_before(text, toks, c.a, qb))
                .map(|r| (r, Rule::QuoteSpeakerCue))
                .or_else(|| np_after(text, toks, c.b, next_q).map(|r| (r, Rule::QuoteCueSpeaker)))
        };
        if let Some((r, rule)) = sp {
            cues[ci].used = true;
            let (_, addressee, mut medium) = after_cue(cx, &c, next_q);
            let speaker = as_mention(text, toks, r);
            if c.according && is_media(cx, r.0, r.1) {
                medium = Some(speaker.span);
            }
            return Some(Link {
                speaker: Some(speaker),
                cue: Some(cx.span(c.a, c.b)),
                addressee,
                medium,
                rule,
                confidence: 0.9,
                content: None,
            });
        }
    }
    // 2b. "“…” — Name": a dash and a name closing the sentence
    if qb < te && matches!(cx.t(qb), "―" | "—" | "–" | "-") && !toks[qb].word {
        if let Some((a, b)) = np_after(text, toks, qb + 1, te) {
            if toks[a].cap && content_end(cx, b, te) == b {
                return Some(Link {
                    speaker: Some(as_mention(text, toks, (a, b))),
                    cue: Some(cx.span(qb, qb + 1)),
                    addressee: None,
                    medium: None,
                    rule: Rule::QuoteDashSpeaker,
                    confidence: 0.8,
                    content: None,
                });
            }
        }
    }
    // 3. before the quotation: "X said: “…”"
    let prev_q = (ts..qa)
        .rev()
        .find(|&i| toks[i].in_quote())
        .map_or(ts, |i| i + 1);
    let upto = cues.partition_point(|c| c.b <= qa);
    // the nearest free cue with a subject, among the last three before the quotation
    // ("Lynch said she recalled thinking, “…”": "thinking" has none, "recalled" has)
    let candidates: Vec<usize> = (0..upto)
        .rev()
        .take_while(|&k| cues[k].a >= prev_q)
        .filter(|&k| !cues[k].used)
        .take(2)
        .collect();
    for ci in candidates {
        let c = cues[ci];
        let (first, addressee, mut medium) = after_cue(cx, &c, qa);
        let gap_words = (first..qa).filter(|&i| toks[i].word).count();
        let participle = c.a > ts && cx.punct(c.a - 1, ",") && ends_with_ci(cx.t(c.a), "ing");
        let sp = if c.according {
            np_after(text, toks, c.b, qa)
        } else if participle {
            // "Trump attacked Clinton, saying, “…”": the subject of the main clause
            sentence_subject(cx, ts, c.a)
        } else {
            // "I laughed and said, “…”": a coordinated verb shares the subject
            subject_before(text, toks, c.a, prev_q)
                .or_else(|| coordinated(cx, c.a, ts).and_then(|_| sentence_subject(cx, ts, c.a)))
        };
        let Some(r) = sp else { continue };
        if gap_words > 12 && !c.according {
            continue;
        }
        cues[ci].used = true;
        let speaker = as_mention(text, toks, r);
        if c.according && is_media(cx, r.0, r.1) {
            medium = Some(speaker.span);
        }
        // a fragment woven into a reported clause: the clause is the content;
        // "said Monday, “…”" keeps the quotation alone
        let lead_punct = qa > 0 && !toks[qa - 1].word && matches!(cx.t(qa - 1), "," | ":");
        let content = if gap_words > 0 && !c.according && !lead_punct {
            let end = clause_end(cx, qb, content_end(cx, qb, te)).max(qb);
            let start = if first < qa { first } else { qa };
            Some(Span::new(toks[start].start, toks[end - 1].end).cover(q.span))
        } else {
            None
        };
        let rule = if c.according {
            Rule::AccordingTo
        } else {
            Rule::SpeakerCueQuote
        };
        return Some(Link {
            speaker: Some(speaker),
            cue: Some(cx.span(c.a, c.b)),
            addressee,
            medium,
            rule,
            confidence: 0.85,
            content,
        });
    }
    None
}

/// Where an attribution's turn ends: after its content, cue or speaker, whichever is last.
fn turn_end(a: &Attribution) -> usize {
    let mut e = a.content.end;
    for s in [a.cue, a.speaker.map(|m| m.span)].into_iter().flatten() {
        e = e.max(s.end);
    }
    e
}

/// The first token of sentence tokens [ts, te) at or after byte `at`.
fn cx_first_tok(cx: &Cx<'_>, at: usize, ts: usize, te: usize) -> usize {
    ts + cx.toks[ts..te].partition_point(|t| t.start < at)
}

/// "“…,” Ana Ruiz, a lawyer for the city, said": a name right after the quotation (at
/// token `at`), then appositions between commas up to the cue at `cue`.
fn apposed_name(cx: &Cx<'_>, at: usize, cue: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    if cue <= at + 2 || !cx.punct(cue - 1, ",") || !toks[at].cap {
        return None;
    }
    let r = np_after(cx.text, toks, at, cue)?;
    (r.1 < cue
        && cx.punct(r.1, ",")
        && toks[r.0].cap
        && !toks[at..cue].iter().any(|t| t.in_quote()))
    .then_some(r)
}

/// Reported speech for cue `ci` in sentence tokens [ts, te).
#[allow(clippy::too_many_arguments)]
fn indirect(
    cx: &Cx<'_>,
    cues: &[Cue],
    ci: usize,
    ts: usize,
    te: usize,
    quotes: &[Quote<'_>],
    done: &[bool],
    main_speaker: Option<Mention>,
) -> Option<Attribution> {
    let toks = cx.toks;
    let text = cx.text;
    let c = cues[ci];
    let end = content_end(cx, ts, te);
    let mk = |content: Span, speaker: Mention, cue: Span, addressee, medium, rule, confidence| {
        // the quotations inside `content` start inside it (scanning them all was quadratic)
        let lo = quotes.partition_point(|q| q.span.start < content.start);
        let linked = (lo..quotes.len())
            .take_while(|&qi| quotes[qi].span.start < content.end)
            .find(|&qi| {
                let q = &quotes[qi];
                q.parent.is_none()
                    && q.kind != QuoteKind::NotSpeech
                    && !done[qi]
                    && content.contains(q.span)
            });
        let kind = kind_for(cx, content, quotes);
        Attribution {
            content,
            kind,
            quote: linked,
            speaker: Some(speaker),
            entity: None,
            cue: Some(cue),
            addressee,
            medium,
            confidence,
            rule,
        }
    };
    let cue_span = cx.span(c.a, c.b);
    if c.according {
        // "According to X, CONTENT" or "CONTENT, according to X"
        let lead =
            (ts..c.a).all(|i| !toks[i].word || is(text, &toks[i], &["but", "and", "yet", "so"]));
        let (a, b) = if lead {
            // the source runs to the comma ("according to conservative radio host Ana Ruiz,")
            let comma =
                (c.b..end.min(c.b + 16)).find(|&i| cx.punct(i, ",") && !toks[i].in_quote())?;
            (comma > c.b).then_some((c.b, comma))?
        } else {
            np_after(text, toks, c.b, end)?
        };
        let speaker = as_mention(text, toks, (a, b));
        let medium = is_media(cx, a, b).then_some(speaker.span);
        // the content after the source's comma, or before the comma ahead of "according"
        let (first, stop) = if lead {
            (b + 1, end)
        } else {
            let stop = if c.a > ts && cx.punct(c.a - 1, ",") {
                c.a - 1
            } else {
                c.a
            };
            (clause_start(cx, ts, stop), stop)
        };
        if stop <= first + 2 {
            return None;
        }
        let content = cx.span(first, stop);
        return Some(mk(
            content,
            speaker,
            cue_span,
            None,
            medium,
            Rule::AccordingTo,
            0.85,
        ));
    }
    // ", saying (that) CONTENT": the subject of the main clause speaks
    let participle = c.a > ts
        && (cx.punct(c.a - 1, ",")
            || is(
                text,
                &toks[c.a - 1],
                &["by", "after", "before", "while", "when", "without", "in"],
            ))
        && ends_with_ci(cx.t(c.a), "ing");
    // "Trump unleashed a series of tweets early Friday saying that …": a participle with
    // no subject of its own
    let participle = participle
        || c.a > ts + 1
            && ends_with_ci(cx.t(c.a), "ing")
            && subject_before(text, toks, c.a, ts).is_none();
    if participle {
        let speaker = main_speaker.or_else(|| {
            // the sentence opens with its subject: a pronoun, a name or "the …"
            let a = (ts..c.a).find(|&i| {
                toks[i].word && !is(text, &toks[i], &["but", "and", "yet", "so", "then"])
            })?;
            let t = &toks[a];
            let opener = t.has(class::PRONOUN)
                || is(text, t, &["the", "a", "an"])
                || t.cap && !t.has(class::NOT_NAME_START) && !ends_with_ci(cx.t(a), "ing");
            let r = np_after(text, toks, a, c.a)?;
            opener.then(|| as_mention(text, toks, r))
        })?;
        let (first, addressee, medium) = after_cue(cx, &c, end);
        if (first..end).filter(|&i| toks[i].word).count() >= 2 {
            return Some(mk(
                cx.span(first, end),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::SpeakerCueClause,
                0.7,
            ));
        }
        return None;
    }
    // "X said (that) CONTENT"
    if let Some(r) = subject_before(text, toks, c.a, ts) {
        let speaker = as_mention(text, toks, r);
        let (first, addressee, medium) = after_cue(cx, &c, end);
        let words_after = if first < end && toks[first].has(class::NOT_CONTENT_START) {
            0
        } else {
            (first..end).filter(|&i| toks[i].word).count()
        };
        let subject_starts_clause =
            r.0 == ts || (r.0 > ts && matches!(cx.t(r.0 - 1), "," | "—" | "–" | "("));
        let comma = comma_before(cx, r.0, ts);
        // "A, he added, B": an attribution set off by commas inside its content
        if let Some(stop) = comma {
            let first_c = clause_start(cx, ts, stop);
            let before = (first_c..stop).filter(|&i| toks[i].word).count();
            if before >= 3
                && words_after >= 3
                && (c.b..first).any(|i| cx.punct(i, ","))
                && !(first..end).any(|i| is(text, &toks[i], &["that"]) && i == first)
            {
                let stop = clause_end(cx, first, end);
                return Some(mk(
                    cx.span(first_c, stop),
                    speaker,
                    cue_span,
                    addressee,
                    medium,
                    Rule::ClauseSpeakerCue,
                    0.75,
                ));
            }
        }
        if words_after >= 3 && !(comma.is_some() && ends_soon(cx, c.b, end)) {
            // "A said that B, C said": the clause stops at the comma before a later
            // attribution with its own subject
            let stop = cues[ci + 1..]
                .iter()
                .filter(|n| !n.according && n.a > first)
                .find_map(|n| {
                    // "… and warned that …", "…, but she denied that …"
                    if let Some(k) = coordinated(cx, n.a, first) {
                        return (k > first + 2).then_some(k);
                    }
                    let r2 = subject_before(text, toks, n.a, first)?;
                    let k = comma_before(cx, r2.0, first)?;
                    (k > first + 2).then_some(k)
                })
                .unwrap_or(end);
            let conf = if subject_starts_clause { 0.8 } else { 0.6 };
            let stop = clause_end(cx, first, stop);
            return Some(mk(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::SpeakerCueClause,
                conf,
            ));
        }
        // "CONTENT, X said [in a statement]."
        if let Some(stop) = comma {
            let first = clause_start(cx, ts, stop);
            if stop > first + 2 {
                return Some(mk(
                    cx.span(first, stop),
                    speaker,
                    cue_span,
                    addressee,
                    medium,
                    Rule::ClauseSpeakerCue,
                    0.8,
                ));
            }
        }
        return None;
    }
    // "X said that A and warned that B": the second cue shares the subject
    if let (Some(speaker), Some(_)) = (main_speaker, coordinated(cx, c.a, ts)) {
        let (first, addressee, medium) = after_cue(cx, &c, end);
        if (first..end).filter(|&i| toks[i].word).count() >= 3 {
            let stop = clause_end(cx, first, end);
            return Some(mk(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::SpeakerCueClause,
                0.6,
            ));
        }
        return None;
    }
    // "CONTENT, said X."
    if c.a > ts && cx.punct(c.a - 1, ",") {
        let r = np_after(text, toks, c.b, end)?;
        let speaker = as_mention(text, toks, r);
        let stop = c.a - 1;
        let first = clause_start(cx, ts, stop);
        if stop > first + 2 {
            let (_, addressee, medium) = after_cue(cx, &c, end);
            return Some(mk(
                cx.span(first, stop),
                speaker,
                cue_span,
                addressee,
                medium,
                Rule::ClauseSpeakerCue,
                0.75,
            ));
        }
    }
    None
}

/// A cue at `cue` coordinated with an earlier clause ("… and warned", "…, but she said"):
/// returns the token where the earlier clause stops (the conjunction, or the comma before it).
fn coordinated(cx: &Cx<'_>, cue: usize, floor: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut k = cue;
    // "and also said", "but she said"
    for _ in 0..2 {
        if k > floor
            && (is(cx.text, &toks[k - 1], &["also", "then", "later"])
                || toks[k - 1].has(class::PRONOUN))
        {
            k -= 1;
        }
    }
    if k <= floor || !is(cx.text, &toks[k - 1], &["and", "but"]) {
        return None;
    }
    let mut stop = k - 1;
    if stop > floor && cx.punct(stop - 1, ",") {
        stop -= 1;
    }
    Some(stop)
}

/// The end of a clause right before token `at`: a comma, possibly inside closing quotation
/// marks (`…smart,'' Trump said`). Returns the token index where the clause stops.
fn comma_before(cx: &Cx<'_>, at: usize, ts: usize) -> Option<usize> {
    let mut k = at;
    while k > ts && !cx.toks[k - 1].word && matches!(cx.t(k - 1), "\"" | "”" | "'" | "’" | "»")
    {
        k -= 1;
    }
    if k > ts && matches!(cx.t(k - 1), "," | "—" | "–") {
        // keep the closing marks inside the content
        Some(if k == at { k - 1 } else { at })
    } else {
        None
    }
}

/// After `cue_end`, only a few words remain before `end` ("…, he said in a statement.").
/// The tail must be a time, place or medium phrase ("on Monday", "in a statement",
/// "of the plan"), not an object or a clause ("called his rivals “losers”").
fn ends_soon(cx: &Cx<'_>, cue_end: usize, end: usize) -> bool {
    let toks = cx.toks;
    let words = (cue_end..end).filter(|&i| toks[i].word).count();
    if words == 0 {
        return true;
    }
    let first = (cue_end..end).find(|&i| toks[i].word);
    words <= 7
        && !(cue_end..end).any(|i| toks[i].in_quote() || is(cx.text, &toks[i], &["that"]))
        && first.is_some_and(|i| {
            toks[i].has(class::TIME)
                || is(
                    cx.text,
                    &toks[i],
                    &[
                        "in", "on", "at", "during", "after", "before", "to", "of", "about", "from",
                        "by", "with", "via", "through", "when", "while", "as",
                    ],
                )
                || toks[i].cap
        })
}

/// Start of the reported clause ending at `stop`: the sentence start, past any leading
/// punctuation that is not a quotation's.
fn clause_start(cx: &Cx<'_>, ts: usize, stop: usize) -> usize {
    let mut a = ts;
    while a < stop && !cx.toks[a].word && !cx.toks[a].in_quote() {
        a += 1;
    }
    a
}
