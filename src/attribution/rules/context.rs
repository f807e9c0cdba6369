//! What the rules share: the context every rule reads ([`RuleContext`]: the text, its
//! tokens and their letter counts), the cues found in it, the link a quotation rule
//! makes, and the small helpers several rule families use (the kind of a content, the
//! end of a sentence's content, an unattributed quotation). Moved out of `mod.rs` so
//! that the rule families import their siblings, never the module above them.

use super::model::FeatureValue;
use crate::attribution::token::{Tok, first_at_or_after, span_of};
use crate::attribution::{
    Attribution, AttributionKind, KindDecisions, Mention, MentionKind, Mode, Rule,
};
use crate::lexicon::class;
use crate::quote::{Quote, QuoteKind};
use crate::sentence::Sentence;
use crate::sentence::scan::{is_alnum, partition_from};
use crate::span::Span;
use std::cell::Cell;

/// A range of token (or cue) indices, half the size of `(usize, usize)`: one per sentence,
/// and indices fit in u32 (a text is at most `MAX_TEXT` bytes).
#[derive(Clone, Copy, Debug)]
pub(super) struct Range32(u32, u32);

impl Range32 {
    pub(super) fn new(start: usize, end: usize) -> Range32 {
        Range32(start as u32, end as u32)
    }
    pub(super) fn get(self) -> (usize, usize) {
        (self.0 as usize, self.1 as usize)
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    /// The first token of the cue.
    pub(super) start: usize,
    /// One past the cue's last token.
    pub(super) end: usize,
    /// A verb that takes an addressee (`told`, `assured`: `class::ADDRESSEE_VERB`).
    pub(super) tells: bool,
    /// Its object is what the words are about (`likened X to “…”`:
    /// `class::COMPLEMENT_VERB`).
    pub(super) complements: bool,
    pub(super) according: bool,
    pub(super) used: bool,
    /// The cue-sense model's log-odds that this is a reporting act (1 for phrases).
    pub(super) score: f32,
    /// What the word lists say of the lemma of the cue's first token ([`lemma_fact`]),
    /// found once when the cue is found: the clause and quotation rules ask it of a cue
    /// many times, and each asking looked the lemma up again.
    pub(super) facts: u8,
}

/// The bits of [`Cue::facts`].
pub(super) mod lemma_fact {
    /// Reports only a to-infinitive after it (`infinitive_verbs.txt`).
    pub(in super::super) const INFINITIVE: u8 = 1;
    /// A verb of appearance (`speakerless_verbs.txt`).
    pub(in super::super) const SPEAKERLESS: u8 = 1 << 1;
    /// `say`.
    pub(in super::super) const SAY: u8 = 1 << 2;
    /// `expect`.
    pub(in super::super) const EXPECT: u8 = 1 << 3;
    /// Its object is its content (`object_verbs.txt`).
    pub(in super::super) const OBJECT: u8 = 1 << 4;
    /// The verb of a pair of `prepositional_cues.txt` ("called for").
    pub(in super::super) const PREPOSITIONAL: u8 = 1 << 5;
}

/// The [`lemma_fact`] bits of a reporting verb's lemma (none without a lemma).
pub(super) fn lemma_facts(lemma: Option<&str>) -> u8 {
    let Some(lemma) = lemma else { return 0 };
    let facts = &*LEMMA_FACTS;
    // most lemmas have no fact: their first byte and length tell, before any hashing
    let b = lemma.as_bytes();
    if let Some(&first) = b.first().filter(|_| b.len() < 32) {
        if facts.starts[usize::from(first)] & 1 << b.len() == 0 {
            return 0;
        }
    }
    facts.bits.get(lemma).copied().unwrap_or(0)
}

/// Every lemma with a [`lemma_fact`] and its bits, from the word lists that give them
/// (each lemma looked up once per cue, not in each list at each question).
struct LemmaFacts {
    bits: crate::lexicon::WordMap<u8>,
    /// Bit `n` of entry `b`: a lemma of `n` bytes (below 32) starts with byte `b`.
    starts: [u32; 256],
}

static LEMMA_FACTS: once_cell::sync::Lazy<LemmaFacts> = once_cell::sync::Lazy::new(|| {
    use crate::lexicon::lists::OBJECT_VERBS;
    use crate::lexicon::{INFINITIVE_VERBS, SPEAKERLESS_VERBS};
    let mut facts = LemmaFacts {
        bits: Default::default(),
        starts: [0; 256],
    };
    let mut add = |lemma: &'static str, bit: u8| {
        *facts.bits.entry(lemma).or_insert(0) |= bit;
        let b = lemma.as_bytes();
        match b.first() {
            Some(&first) if b.len() < 32 => facts.starts[usize::from(first)] |= 1 << b.len(),
            // (a longer or empty lemma is always looked up)
            _ => facts.starts.iter_mut().for_each(|s| *s = u32::MAX),
        }
    };
    for &lemma in INFINITIVE_VERBS.iter() {
        add(lemma, lemma_fact::INFINITIVE);
    }
    for &lemma in SPEAKERLESS_VERBS.iter() {
        add(lemma, lemma_fact::SPEAKERLESS);
    }
    add("say", lemma_fact::SAY);
    add("expect", lemma_fact::EXPECT);
    for &lemma in OBJECT_VERBS {
        add(lemma, lemma_fact::OBJECT);
    }
    for verb in super::clauses::prepositional_verbs() {
        add(verb, lemma_fact::PREPOSITIONAL);
    }
    facts
});

impl Cue {
    /// Does the lemma of the cue's first token have fact `bit` ([`lemma_fact`])?
    #[inline]
    pub(super) fn lemma_is(&self, bit: u8) -> bool {
        self.facts & bit != 0
    }
}

/// The name of a mention kind in the learned models' feature names (`speaker=name`),
/// read by the confidence, attachment and source models.
/// (Each hashed at compile time: a feature value.)
pub(super) fn mention_name(kind: MentionKind) -> FeatureValue<'static> {
    match kind {
        MentionKind::Name => const { FeatureValue::constant("name") },
        MentionKind::Organisation => const { FeatureValue::constant("organisation") },
        MentionKind::Role => const { FeatureValue::constant("role") },
        MentionKind::Anonymous => const { FeatureValue::constant("anonymous") },
        MentionKind::Pronoun => const { FeatureValue::constant("pronoun") },
    }
}

/// The value of no speaker.
pub(super) const NO_SPEAKER: FeatureValue<'static> = FeatureValue::constant("none");

/// The working vectors of the driver (`attribute_all`), kept from one window of a long text to the
/// next, and from one text to the next in an analyzer's `Workspace`: each window then
/// reuses memory that is already mapped (and likely cached) instead of allocating
/// afresh. Every vector is emptied when it is taken, so nothing of one window is seen
/// by the next.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(super) toks: Vec<Tok>,
    pub(super) cum: Vec<u32>,
    pub(super) ranges: Vec<Range32>,
    pub(super) cues: Vec<Cue>,
    pub(super) cue_ranges: Vec<Range32>,
    pub(super) quote_done: Vec<bool>,
    pub(super) sentence_quotes: Vec<usize>,
    pub(super) groups: Vec<(usize, usize)>,
    pub(super) tops: Vec<usize>,
    pub(super) tops_cum: Vec<u32>,
    pub(super) piece_cum: Vec<u32>,
    pub(super) piece_off: Vec<usize>,
}

/// Bytes from the first sentence's start to the last one's end.
pub(super) fn extent(sentences: &[Sentence<'_>]) -> usize {
    match (sentences.first(), sentences.last()) {
        (Some(first), Some(last)) => last.span.end - first.span.start,
        _ => 0,
    }
}

/// A vector of the scratch, emptied, to fill and give back.
pub(super) fn taken<T>(v: &mut Vec<T>) -> Vec<T> {
    let mut v = std::mem::take(v);
    v.clear();
    v
}

/// What every rule reads: the text of one window (a whole article, or a window of a
/// long text), its tokens and their letter counts, and the learned weights. Rules take
/// it by shared reference; the `Cell`s only remember where the last binary search
/// ended, so that the next one, usually nearby, starts there.
pub(super) struct RuleContext<'a> {
    pub(super) text: &'a str,
    /// The learned decisions' weights.
    pub(super) weights: std::sync::Arc<crate::lexicon::Weights>,
    /// Spell out every proposal's features for the trainer.
    pub(super) record: bool,
    pub(super) toks: &'a [Tok],
    pub(super) counts: &'a Counts,
    /// Where the last token search ended (see `alnum_before`).
    pub(super) near: Cell<usize>,
    /// Where the last searches of `quotes_before` and `tops_before` ended.
    pub(super) near_quote: Cell<usize>,
    pub(super) near_top: Cell<usize>,
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
pub(super) struct Counts {
    /// Letters and digits before each token (one entry more: in all tokens).
    pub(super) tok: Vec<u32>,
    /// The top-level quotations, in order (they never overlap).
    pub(super) tops: Vec<usize>,
    /// Letters and digits in the pieces of the top-level quotations before each of them.
    pub(super) tops_cum: Vec<u32>,
    /// Per quotation, letters and digits in its pieces before each piece; quotation `q`'s
    /// entries start at `piece_off[q]`.
    pub(super) piece_cum: Vec<u32>,
    pub(super) piece_off: Vec<usize>,
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
    pub(super) fn new(
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
        // (one entry per quotation and per piece: reserved once, not grown a push at a
        // time)
        let pieces: usize = quotes.iter().map(|q| q.pieces().len()).sum();
        piece_off.reserve(quotes.len());
        piece_cum.reserve(quotes.len() + pieces);
        tops.reserve(quotes.len());
        tops_cum.reserve(quotes.len() + 1);
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

impl<'a> RuleContext<'a> {
    /// A unit test's context over `toks` of `text`: the weights in use, recording
    /// nothing, every search from the start.
    #[cfg(test)]
    pub(super) fn for_test(text: &'a str, toks: &'a [Tok], counts: &'a Counts) -> RuleContext<'a> {
        RuleContext {
            text,
            weights: super::model::current_weights(),
            record: false,
            toks,
            counts,
            near: Cell::new(0),
            near_quote: Cell::new(0),
            near_top: Cell::new(0),
        }
    }

    /// The same context recording nothing: for a rule that tries a decision it may not
    /// keep, so that the trainer sees each proposal once.
    pub(super) fn quiet(&self) -> RuleContext<'a> {
        RuleContext {
            text: self.text,
            weights: std::sync::Arc::clone(&self.weights),
            record: false,
            toks: self.toks,
            counts: self.counts,
            near: Cell::new(self.near.get()),
            near_quote: Cell::new(self.near_quote.get()),
            near_top: Cell::new(self.near_top.get()),
        }
    }
    /// Letters and digits in span `s`.
    pub(super) fn alnum_in(&self, s: Span) -> usize {
        alnum_in(self.text, self.toks, &self.counts.tok, s, &self.near)
    }

    /// Letters and digits of quotation `qi`'s pieces inside `c`.
    pub(super) fn quoted_in(&self, qi: usize, q: &Quote<'_>, c: Span) -> usize {
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
    pub(super) fn quotes_before(&self, quotes: &[Quote<'_>], x: usize) -> usize {
        let k = partition_from(quotes, self.near_quote.get(), |q| q.span.start < x);
        self.near_quote.set(k);
        k
    }

    /// The number of top-level quotations that start before byte `x`.
    pub(super) fn tops_before(&self, quotes: &[Quote<'_>], x: usize) -> usize {
        let tops = &self.counts.tops;
        let k = partition_from(tops, self.near_top.get(), |&t| quotes[t].span.start < x);
        self.near_top.set(k);
        k
    }

    /// The text of token `i`.
    pub(super) fn text_of(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }
    /// The bytes of tokens `[first, end)`.
    pub(super) fn span(&self, first: usize, end: usize) -> Span {
        span_of(self.toks, first, end)
    }
    /// Token `i` is the punctuation `p`. (Inlined: `p` is a literal at every call, so the
    /// test is a length and a byte or three, not a call and a `memcmp`.)
    #[inline(always)]
    pub(super) fn punct(&self, i: usize, p: &str) -> bool {
        // (the token's bytes: its offsets are char boundaries, no check needed)
        let t = &self.toks[i];
        !t.word()
            && t.end() - t.start() == p.len()
            && self.text.as_bytes()[t.start()..t.end()] == *p.as_bytes()
    }

    /// Token `i` is a dash standing between words: a hyphen-minus, an en or em dash or a
    /// horizontal bar (the one test the rules that read "— Name" and "Headline - Name:"
    /// share).
    pub(super) fn dash(&self, i: usize) -> bool {
        !self.toks[i].word() && matches!(self.text_of(i), "―" | "—" | "–" | "-")
    }
}

/// A token of `[first, end)` names a medium (`class::MEDIA`: a statement, an interview).
pub(super) fn is_media(cx: &RuleContext<'_>, first: usize, end: usize) -> bool {
    cx.toks[first..end].iter().any(|t| t.has(class::MEDIA))
}

/// The end of sentence tokens `[first, end)` without its closing punctuation (a
/// content stops before the full stop that ends its sentence).
pub(super) fn content_end(cx: &RuleContext<'_>, first: usize, end: usize) -> usize {
    let mut stop = end;
    while stop > first
        && !cx.toks[stop - 1].word()
        && matches!(
            cx.text_of(stop - 1),
            "." | "!" | "?" | ";" | ":" | "," | "—" | "–" | "…"
        )
    {
        stop -= 1;
    }
    stop
}

/// Result of linking one quotation.
#[derive(Clone, Copy)]
pub(super) struct Link {
    pub(super) speaker: Option<Mention>,
    pub(super) cue: Option<Span>,
    pub(super) addressee: Option<Span>,
    pub(super) medium: Option<Span>,
    pub(super) rule: Rule,
    pub(super) confidence: f32,
    pub(super) content: Option<Span>,
}

impl Link {
    /// The attribution of quotation `qi` with this link's speaker, cue and rule.
    pub(super) fn attribution(
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
pub(super) fn mark_quote_tokens(toks: &mut [Tok], quotes: &[Quote<'_>]) {
    let mut k = 0;
    for q in quotes {
        if q.parent().is_some() || q.kind == QuoteKind::NotSpeech {
            continue;
        }
        for piece in q.pieces() {
            // (the tokens are in text order: a search, not a walk over every token
            // between two quotations)
            k += toks[k..].partition_point(|t| t.start() < piece.start);
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
pub(super) fn mark_carried_tokens(toks: &mut [Tok], carried: &[Span]) {
    for piece in carried {
        let from = first_at_or_after(toks, piece.start);
        for t in toks[from..].iter_mut().take_while(|t| t.end() <= piece.end) {
            t.set_in_quote();
        }
    }
}

/// The rules see sentences of at most this many tokens; a longer one (no real sentence
/// is that long: a text without sentence ends) is cut into pieces this long. Each rule
/// scans at most its sentence, so this keeps every text linear.
pub(super) const MAX_SENTENCE_TOKENS: usize = 1000;

/// How much of `content` is quoted: all top-level quotations overlapping it count,
/// names and terms included (they are the speaker's words too).
pub(super) fn kind_for(
    cx: &RuleContext<'_>,
    content: Span,
    quotes: &[Quote<'_>],
) -> AttributionKind {
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
    // (the content's letters are counted only when some of them are quoted)
    let total = cx.alnum_in(content).max(1);
    let share = inside as f32 / total as f32;
    if share >= 0.98 {
        AttributionKind::Direct
    } else if share >= 0.5 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Partial
    }
}

/// A speech quotation with no cue and no speaker found.
pub(super) fn unattributed(content: Span, kind: AttributionKind, qi: usize) -> Attribution {
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
pub(super) fn turn_end(a: &Attribution) -> usize {
    let mut e = a.content.end;
    for s in [a.cue, a.speaker.map(|m| m.span)].into_iter().flatten() {
        e = e.max(s.end);
    }
    e
}

/// Where the turn of attribution `a`, made in sentence `current` of `window`, ends: the
/// sentence of its last byte (never one before `current`) and that sentence's
/// paragraph. A quotation running over paragraphs (`“…⏎⏎“…,” he said. “…”`) is
/// continued in its last one. The speech rule (the last direct attribution) and the
/// driver (the last speaker) both read a turn's place here, so they agree on it.
pub(super) fn turn_place(window: &Window<'_>, a: &Attribution, current: usize) -> (usize, usize) {
    let turn = window
        .sentence_of(turn_end(a).saturating_sub(1))
        .max(current);
    (window.sentences[turn].paragraph, turn)
}

/// The first token of sentence tokens [ts, te) at or after byte `at`.
pub(super) fn first_token_at(cx: &RuleContext<'_>, at: usize, ts: usize, te: usize) -> usize {
    ts + first_at_or_after(&cx.toks[ts..te], at)
}

/// The sentences of a window and where their tokens and cues lie: what the rules read
/// besides the [`RuleContext`].
pub(super) struct Window<'w> {
    pub(super) sentences: &'w [Sentence<'w>],
    /// Each sentence's tokens.
    pub(super) ranges: &'w [Range32],
    /// Each sentence's cues, in [`Progress::cues`].
    pub(super) cue_ranges: &'w [Range32],
    /// The quotations that start in the window.
    pub(super) quotes: &'w [Quote<'w>],
    /// Where the last search of `sentence_of` ended.
    near_sentence: Cell<usize>,
}

impl<'w> Window<'w> {
    pub(super) fn new(
        sentences: &'w [Sentence<'w>],
        ranges: &'w [Range32],
        cue_ranges: &'w [Range32],
        quotes: &'w [Quote<'w>],
    ) -> Window<'w> {
        Window {
            sentences,
            ranges,
            cue_ranges,
            quotes,
            near_sentence: Cell::new(0),
        }
    }

    /// The sentence holding `byte`, searched from the last one asked for (it is near).
    pub(super) fn sentence_of(&self, byte: usize) -> usize {
        let k = partition_from(self.sentences, self.near_sentence.get(), |s| {
            s.span.start <= byte
        });
        self.near_sentence.set(k);
        k.saturating_sub(1)
    }
}

/// The sentence the rules are at.
pub(super) struct SentenceAt<'s> {
    /// Its index in [`Window::sentences`].
    pub(super) index: usize,
    /// Its tokens.
    pub(super) tokens: (usize, usize),
    /// Its cues, in [`Progress::cues`].
    pub(super) cues: (usize, usize),
    /// The quotations that start in it, are top-level and of speech or partial, and no
    /// earlier sentence took.
    pub(super) quotes: &'s [usize],
    /// The index in [`Progress::out`] of the first attribution this sentence adds.
    pub(super) first_new: usize,
}

/// What the rules have built in a window so far, and what one sentence leaves for the
/// next one's rules.
pub(super) struct Progress<'o> {
    /// The attributions, this window's from `base` on.
    pub(super) out: &'o mut Vec<Attribution>,
    pub(super) base: usize,
    /// The person-like names seen (see `names::person_names`).
    pub(super) names: &'o mut Vec<(Span, bool)>,
    /// The decisions about quotation kinds, for the analyzer.
    pub(super) decisions: &'o mut KindDecisions,
    /// Every cue of the window; a rule that takes one marks it used.
    pub(super) cues: Vec<Cue>,
    /// Per quotation: a rule took it (or decided it is nobody's).
    pub(super) quote_done: Vec<bool>,
    /// The last attribution with a speaker, and its paragraph.
    pub(super) last: Option<(usize, Attribution)>,
    /// A lead-in "X said:" ending the previous sentence, and its paragraph.
    pub(super) lead_in: Option<(usize, Link)>,
    /// The last attribution of a speech quotation: (paragraph, index in `out`, sentence
    /// where its turn ends).
    pub(super) last_direct: Option<(usize, usize, usize)>,
    /// The attributions each sentence added, when more than one (sorted at the end).
    pub(super) groups: Vec<(usize, usize)>,
}

#[cfg(test)]
pub(super) mod tests {
    use super::{Window, turn_place, unattributed};
    use crate::attribution::AttributionKind;
    use crate::sentence::Sentence;
    use crate::span::Span;
    use crate::{Rule, analyze};

    /// The facts found once per cue are what the word lists say of its lemma, for every
    /// lemma of the reporting verbs and a word that is none.
    #[test]
    fn lemma_facts_are_the_word_lists_answers() {
        use super::{lemma_fact, lemma_facts};
        use crate::lexicon::lists::{OBJECT_VERBS, PREPOSITIONAL_CUES};
        use crate::lexicon::{INFINITIVE_VERBS, REPORTING_VERBS, SPEAKERLESS_VERBS};
        assert_eq!(lemma_facts(None), 0);
        for lemma in REPORTING_VERBS.values().copied().chain(["ferry", ""]) {
            let facts = lemma_facts(Some(lemma));
            let pairs = PREPOSITIONAL_CUES
                .iter()
                .filter_map(|pair| pair.split_once(' '))
                .any(|(verb, _)| verb == lemma);
            for (bit, listed) in [
                (lemma_fact::INFINITIVE, INFINITIVE_VERBS.contains(lemma)),
                (lemma_fact::SPEAKERLESS, SPEAKERLESS_VERBS.contains(lemma)),
                (lemma_fact::SAY, lemma == "say"),
                (lemma_fact::EXPECT, lemma == "expect"),
                (lemma_fact::OBJECT, OBJECT_VERBS.contains(&lemma)),
                (lemma_fact::PREPOSITIONAL, pairs),
            ] {
                assert_eq!(facts & bit != 0, listed, "{lemma} {bit}");
            }
        }
    }

    #[test]
    fn a_turn_is_placed_in_its_last_sentence_never_before_the_current_one() {
        let text = "“We sail,” she said.\n\n“At dawn.” The crew cheered.";
        let sentence = |start: usize, end: usize, paragraph: usize| Sentence {
            span: Span::new(start, end),
            text: &text[start..end],
            paragraph,
        };
        let second = text.find("“At").unwrap();
        let third = text.find("The crew").unwrap();
        let sentences = [
            sentence(0, text.find('\n').unwrap(), 0),
            sentence(second, third - 1, 1),
            sentence(third, text.len(), 1),
        ];
        let window = Window::new(&sentences, &[], &[], &[]);
        // a content running into the second paragraph: the turn ends there
        let over = unattributed(Span::new(0, third - 1), AttributionKind::Direct, 0);
        assert_eq!(turn_place(&window, &over, 0), (1, 1));
        // a turn ending in a sentence before the current one is placed at the current one
        let early = unattributed(Span::new(0, 10), AttributionKind::Direct, 0);
        assert_eq!(turn_place(&window, &early, 0), (0, 0));
        assert_eq!(turn_place(&window, &early, 2), (1, 2));
    }

    /// Each attribution's rule, speaker and content: what the rule families' unit tests
    /// compare.
    pub(in crate::attribution::rules) fn attributions(
        text: &str,
    ) -> Vec<(Rule, Option<&str>, &str)> {
        analyze(text)
            .attributions
            .iter()
            .map(|a| {
                (
                    a.rule,
                    a.speaker.map(|m| m.span.text(text)),
                    a.content.text(text),
                )
            })
            .collect()
    }
}
