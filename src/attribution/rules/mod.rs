//! The attribution rules, applied sentence by sentence.

use crate::attribution::mention::{
    as_mention, ends_with_ci, is, np_after, np_premodified, subject_before,
};
use crate::attribution::token::{Tok, tokenize};
use crate::attribution::{Attribution, AttributionKind, Mention, Mode, Rule};
use crate::lexicon::{CUE_PHRASES, INFINITIVE_VERBS, PhraseRole};
use crate::lexicon::{Overlay, class, word_info};
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::span::Span;

mod attachment;
mod clauses;
mod confidence;
mod consistency;
mod cue_sense;
mod cues;
pub(crate) mod model;
mod modes;
mod names;
mod nested;
mod quotes;
mod source;
mod windows;

pub(crate) use windows::attribute;
#[cfg(fuzzing)]
pub(crate) use windows::attribute_in_windows;

use crate::sentence::scan::{is_alnum, partition_from};
use clauses::*;
use cue_sense::{Verdicts, decide};
use cues::*;
use names::*;
use nested::drop_nested;
use quotes::*;
use std::cell::Cell;

/// A range of token (or cue) indices, half the size of `(usize, usize)`: one per sentence,
/// and indices fit in u32 (a text is at most `MAX_TEXT` bytes).
#[derive(Clone, Copy, Debug)]
struct Range32(u32, u32);

impl Range32 {
    fn new(a: usize, b: usize) -> Range32 {
        Range32(a as u32, b as u32)
    }
    fn get(self) -> (usize, usize) {
        (self.0 as usize, self.1 as usize)
    }
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    /// token range
    a: usize,
    b: usize,
    /// A verb that takes an addressee (`told`, `assured`: `class::ADDRESSEE_VERB`).
    tells: bool,
    /// Its object is what the words are about (`likened X to “…”`:
    /// `class::COMPLEMENT_VERB`).
    complements: bool,
    according: bool,
    used: bool,
    /// The cue-sense model's log-odds that this is a reporting act (1 for phrases).
    score: f32,
}

/// The working vectors of [`attribute_all`], kept from one window of a long text to the
/// next: each window then reuses memory that is already mapped (and likely cached)
/// instead of allocating afresh.
#[derive(Default)]
pub(super) struct Scratch {
    toks: Vec<Tok>,
    cum: Vec<u32>,
    ranges: Vec<Range32>,
    cues: Vec<Cue>,
    cue_ranges: Vec<Range32>,
    quote_done: Vec<bool>,
    sentence_quotes: Vec<usize>,
    groups: Vec<(usize, usize)>,
    tops: Vec<usize>,
    tops_cum: Vec<u32>,
    piece_cum: Vec<u32>,
    piece_off: Vec<usize>,
}

/// Bytes from the first sentence's start to the last one's end.
fn extent(sentences: &[Sentence<'_>]) -> usize {
    match (sentences.first(), sentences.last()) {
        (Some(a), Some(b)) => b.span.end - a.span.start,
        _ => 0,
    }
}

/// A vector of the scratch, emptied, to fill and give back.
fn taken<T>(v: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(v);
    v.clear();
    v
}

struct Cx<'a> {
    text: &'a str,
    /// The learned decisions' weights.
    weights: std::sync::Arc<crate::lexicon::Weights>,
    /// Spell out every proposal's features for the trainer.
    record: bool,
    toks: &'a [Tok],
    counts: &'a Counts,
    /// Where the last token search ended (see `alnum_before`).
    near: Cell<usize>,
    /// Where the last searches of `quotes_before` and `tops_before` ended.
    near_quote: Cell<usize>,
    near_top: Cell<usize>,
}

/// Letters and digits in `s`.
fn alnum(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes().filter(u8::is_ascii_alphanumeric).count()
    } else {
        s.chars().filter(|&c| is_alnum(c)).count()
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
/// `near` is a recent token index: the search starts there and is moved to the answer.
fn alnum_before(text: &str, toks: &[Tok], tok_cum: &[u32], x: usize, near: &Cell<usize>) -> u32 {
    let k = partition_from(toks, near.get(), |t| t.end() <= x);
    near.set(k);
    match toks.get(k) {
        Some(t) if t.start() < x => {
            tok_cum[k].wrapping_add(alnum(text.get(t.start()..x).unwrap_or("")) as u32)
        }
        _ => tok_cum[k],
    }
}

fn alnum_in(text: &str, toks: &[Tok], tok_cum: &[u32], s: Span, near: &Cell<usize>) -> usize {
    if s.is_empty() {
        return 0;
    }
    let before_start = alnum_before(text, toks, tok_cum, s.start, near);
    alnum_before(text, toks, tok_cum, s.end, near).wrapping_sub(before_start) as usize
}

impl Counts {
    /// `tok`: the sums the tokenizer kept, one more than `toks`.
    fn new(
        text: &str,
        toks: &[Tok],
        tok: Vec<u32>,
        quotes: &[Quote<'_>],
        scratch: &mut Scratch,
    ) -> Counts {
        let mut piece_cum = taken(&mut scratch.piece_cum);
        let mut piece_off = taken(&mut scratch.piece_off);
        let mut tops = taken(&mut scratch.tops);
        let mut tops_cum = taken(&mut scratch.tops_cum);
        tops_cum.push(0);
        let near = Cell::new(0);
        for (qi, q) in quotes.iter().enumerate() {
            piece_off.push(piece_cum.len());
            let mut m = 0u32;
            piece_cum.push(m);
            for p in q.pieces() {
                m = m.wrapping_add(alnum_in(text, toks, &tok, *p, &near) as u32);
                piece_cum.push(m);
            }
            if q.parent().is_none() {
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
        alnum_in(self.text, self.toks, &self.counts.tok, s, &self.near)
    }

    /// Letters and digits of quotation `qi`'s pieces inside `c`.
    fn quoted_in(&self, qi: usize, q: &Quote<'_>, c: Span) -> usize {
        let ps = &q.pieces();
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

    /// The number of quotations that start before byte `x`.
    fn quotes_before(&self, quotes: &[Quote<'_>], x: usize) -> usize {
        let k = partition_from(quotes, self.near_quote.get(), |q| q.span.start < x);
        self.near_quote.set(k);
        k
    }

    /// The number of top-level quotations that start before byte `x`.
    fn tops_before(&self, quotes: &[Quote<'_>], x: usize) -> usize {
        let tops = &self.counts.tops;
        let k = partition_from(tops, self.near_top.get(), |&t| quotes[t].span.start < x);
        self.near_top.set(k);
        k
    }

    fn t(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start(), self.toks[b - 1].end())
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        !self.toks[i].word() && self.t(i) == p
    }
}

fn is_media(cx: &Cx<'_>, a: usize, b: usize) -> bool {
    cx.toks[a..b].iter().any(|t| t.has(class::MEDIA))
}

/// Last token of the sentence that is not closing punctuation.
fn content_end(cx: &Cx<'_>, a: usize, e: usize) -> usize {
    let mut b = e;
    while b > a
        && !cx.toks[b - 1].word()
        && matches!(
            cx.t(b - 1),
            "." | "!" | "?" | ";" | ":" | "," | "—" | "–" | "…"
        )
    {
        b -= 1;
    }
    b
}

/// Result of linking one quotation.
#[derive(Clone, Copy)]
struct Link {
    speaker: Option<Mention>,
    cue: Option<Span>,
    addressee: Option<Span>,
    medium: Option<Span>,
    rule: Rule,
    confidence: f32,
    content: Option<Span>,
}

impl Link {
    /// The attribution of quotation `qi` with this link's speaker, cue and rule.
    fn attribution(
        &self,
        content: Span,
        kind: AttributionKind,
        qi: usize,
        confidence: f32,
    ) -> Attribution {
        Attribution {
            content,
            kind,
            quote: Some(qi),
            speaker: self.speaker,
            entity: None,
            cue: self.cue,
            addressee: self.addressee,
            medium: self.medium,
            confidence,
            rule: self.rule,
            mode: Mode::Speech,
        }
    }
}

/// The quotations' top-level tokens: mark each token inside a speech or partial quote.
fn mark_quote_tokens(toks: &mut [Tok], quotes: &[Quote<'_>]) {
    let mut k = 0;
    for q in quotes {
        if q.parent().is_some() || q.kind == QuoteKind::NotSpeech {
            continue;
        }
        for piece in q.pieces() {
            while k < toks.len() && toks[k].start() < piece.start {
                k += 1;
            }
            let mut j = k;
            while j < toks.len() && toks[j].end() <= piece.end {
                toks[j].set_in_quote();
                j += 1;
            }
        }
    }
}

/// The tokens inside `carried`: the pieces of a quotation that an earlier window of a
/// long text attributed and that is still open here (`windows`), so that its words are
/// read as quoted, as they are when the text is attributed whole.
fn mark_carried_tokens(toks: &mut [Tok], carried: &[Span]) {
    for piece in carried {
        let from = toks.partition_point(|t| t.start() < piece.start);
        for t in toks[from..].iter_mut().take_while(|t| t.end() <= piece.end) {
            t.set_in_quote();
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
    let lo = cx.quotes_before(quotes, content.start).saturating_sub(1);
    let k = cx.counts;
    let ta = cx.tops_before(quotes, content.start);
    let tb = cx.tops_before(quotes, content.end);
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

/// Run the attribution rules over `sentences` of `text` (at most `MAX_TEXT` bytes; see
/// `windows` for longer texts and for windows), with `quotes` the quotations that
/// start in them and `carried` the pieces of one that started before them and is still
/// open. Appends the attributions, in text order, to `out` (their quotation
/// indices are into `quotes`) and the person-like names seen to `names` (antecedents for
/// pronouns; `true` marks a weak one that may only join a known person).
// the window's inputs (text, sentences, quotations, carried pieces, added words) and
// its outputs (scratch, attributions, names): one call per window of a long text
#[allow(clippy::too_many_arguments)]
fn attribute_all(
    text: &str,
    sentences: &[Sentence<'_>],
    quotes: &mut [Quote<'_>],
    carried: &[Span],
    extra: &Overlay,
    scratch: &mut Scratch,
    out: &mut Vec<Attribution>,
    names: &mut Vec<(Span, bool)>,
) {
    // about one token per five bytes of the sentences (a window of a long text)
    let bytes = extent(sentences);
    let mut toks = taken(&mut scratch.toks);
    let mut cum = taken(&mut scratch.cum);
    let mut ranges = taken(&mut scratch.ranges);
    toks.reserve(bytes / 5);
    cum.reserve(bytes / 5 + 1);
    cum.push(0);
    ranges.reserve(sentences.len());
    // a sentence longer than MAX_SENTENCE_TOKENS is cut into pieces that long
    let mut cut: Vec<Sentence<'_>> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let a = toks.len();
        tokenize(text, s.span.start, s.span.end, extra, &mut toks, &mut cum);
        let b = toks.len();
        if b - a <= MAX_SENTENCE_TOKENS {
            if !cut.is_empty() {
                cut.push(*s);
            }
            ranges.push(Range32::new(a, b));
            continue;
        }
        if cut.is_empty() {
            cut.extend_from_slice(&sentences[..si]);
        }
        for i in (a..b).step_by(MAX_SENTENCE_TOKENS) {
            let j = (i + MAX_SENTENCE_TOKENS).min(b);
            let span = Span::new(toks[i].start(), toks[j - 1].end());
            cut.push(Sentence {
                span,
                text: &text[span],
                paragraph: s.paragraph,
            });
            ranges.push(Range32::new(i, j));
        }
    }
    let sentences: &[Sentence<'_>] = if cut.is_empty() { sentences } else { &cut };
    mark_quote_tokens(&mut toks, quotes);
    mark_carried_tokens(&mut toks, carried);
    let counts = Counts::new(text, &toks, cum, quotes, scratch);
    let cx = Cx {
        text,
        weights: model::current_weights(),
        record: model::is_recording(),
        toks: &toks,
        counts: &counts,
        near: Cell::new(0),
        near_quote: Cell::new(0),
        near_top: Cell::new(0),
    };
    // every cue of the text, with the range of each sentence's cues
    let mut cues = taken(&mut scratch.cues);
    let mut cue_ranges = taken(&mut scratch.cue_ranges);
    cue_ranges.reserve(sentences.len());
    for r in &ranges {
        let (ts, te) = r.get();
        let a = cues.len();
        find_cues(&cx, ts, te, &mut cues);
        cue_ranges.push(Range32::new(a, cues.len()));
    }
    // the sentence holding `byte`, searched from the last one asked for (it is near)
    let near_sentence = Cell::new(0);
    let sentence_of = |byte: usize| {
        let k = partition_from(sentences, near_sentence.get(), |s| s.span.start <= byte);
        near_sentence.set(k);
        k.saturating_sub(1)
    };

    let base = out.len();
    let mut quote_done = taken(&mut scratch.quote_done);
    quote_done.resize(quotes.len(), false);
    // the last attribution with a speaker, and its paragraph
    let mut last: Option<(usize, Attribution)> = None;
    // a lead-in "X said:" ending the previous sentence
    let mut lead_in: Option<(usize, Link)> = None;
    // the last attribution of a speech quotation: (paragraph, index in `out`)
    let mut last_direct: Option<(usize, usize, usize)> = None;
    let mut next_quote = 0;
    let mut sentence_quotes = taken(&mut scratch.sentence_quotes);
    // the attributions each sentence added, when more than one (sorted at the end)
    let mut groups = taken(&mut scratch.groups);

    for (si, s) in sentences.iter().enumerate() {
        let (ts, te) = ranges[si].get();
        let (c0, c1) = cue_ranges[si].get();
        sentence_quotes.clear();
        while next_quote < quotes.len() && quotes[next_quote].span.start < s.span.end {
            let q = &quotes[next_quote];
            if q.parent().is_none() && q.kind != QuoteKind::NotSpeech && !quote_done[next_quote] {
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
                if a.content.contains(q.span) || q.parent().is_none() && q.span.overlaps(a.content)
                {
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
                && trailing_attribution(&cx, &quotes[qi], ranges[sj].get(), ranges[sj + 1].get())
            {
                sj += 1;
            }
            let (te_q, c1_q) = (ranges[sj].get().1, cue_ranges[sj].get().1);
            let link = link_quote(&cx, &quotes[qi], ts, te_q, &mut cues[c0..c1_q]);
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
                        q.first_paragraph() > 0 && starts_paragraph(text, sentences, si, q);
                    // a sentence that is only a quotation, right after a sentence of its
                    // paragraph with a speaker: "Cummings called him a master of deals.
                    // “He showed it again and again.”"
                    let sentence_is_quote = text[s.span.start..q.span.start].trim().is_empty()
                        && text[q.span.end.min(s.span.end)..s.span.end]
                            .chars()
                            .all(|c| !is_alnum(c));
                    match &last {
                        Some((p, a))
                            if para_is_quote
                                && *p + 1 >= q.first_paragraph()
                                && *p < q.first_paragraph()
                                || sentence_is_quote
                                    && *p == s.paragraph
                                    && sentence_of(turn_end(a).saturating_sub(1)) + 1 == si =>
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
                // a link without a speaker (inherited from nobody) is barely trusted
                Some(l) => l.attribution(
                    content,
                    kind,
                    qi,
                    if l.speaker.is_some() {
                        l.confidence
                    } else {
                        0.2
                    },
                ),
                None => unattributed(content, kind, qi),
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
            // inside a content this sentence reported: part of it ("rated them as “false”
            // or “pants on fire”"), whatever the rule that took the content
            if out[first_new_out..]
                .iter()
                .any(|a| a.content.contains(quotes[qi].span))
            {
                continue;
            }
            if quotes[qi].kind == QuoteKind::Speech {
                out.push(unattributed(quotes[qi].span, AttributionKind::Direct, qi));
                continue;
            }
            match link_quote(&cx, &quotes[qi], ts, te, &mut cues[c0..c1]) {
                Some(l) if l.speaker.is_some() => {
                    let content = l.content.unwrap_or(quotes[qi].span);
                    out.push(l.attribution(
                        content,
                        kind_for(&cx, content, quotes),
                        qi,
                        l.confidence * 0.8,
                    ));
                }
                _ => match sentence_subject(&cx, ts, te) {
                    // "Critics likened the rules to “burning the house down”": a fragment in a
                    // clause about its subject, who is taken to have said it
                    Some(r) if fragment_in_clause(&cx, &quotes[qi], ts, te) => {
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
                            mode: Mode::Speech,
                        });
                    }
                    _ => quotes[qi].kind = QuoteKind::NotSpeech,
                },
            }
        }

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
        if out.len() > first_new_out + 1 {
            groups.push((first_new_out, out.len()));
        }
    }
    // text order: each sentence's attributions among themselves, then the whole list only
    // if that was not enough (a stable sort of the whole list needs a buffer half its size)
    let key = |a: &Attribution| (a.content.start, a.content.end);
    for &(a, b) in &groups {
        out[a..b].sort_by_key(key);
    }
    if !out[base..].is_sorted_by_key(key) {
        out[base..].sort_by_key(key);
    }
    drop_nested(out, base);
    confidence::set_confidence(&cx, &cues, &mut out[base..]);
    modes::set_modes(text, &mut out[base..]);
    person_names(&cx, &ranges, names);
    let Counts {
        tok,
        tops,
        tops_cum,
        piece_cum,
        piece_off,
    } = counts;
    *scratch = Scratch {
        toks,
        cum: tok,
        ranges,
        cues,
        cue_ranges,
        quote_done,
        sentence_quotes,
        groups,
        tops,
        tops_cum,
        piece_cum,
        piece_off,
    };
}

fn starts_paragraph(text: &str, sentences: &[Sentence<'_>], si: usize, q: &Quote<'_>) -> bool {
    let s = &sentences[si];
    (si == 0 || sentences[si - 1].paragraph != s.paragraph)
        && text[s.span.start..q.span.start].trim().is_empty()
}

/// A speech quotation with no cue and no speaker found.
fn unattributed(content: Span, kind: AttributionKind, qi: usize) -> Attribution {
    Attribution {
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
        mode: Mode::Speech,
    }
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
    ts + cx.toks[ts..te].partition_point(|t| t.start() < at)
}
