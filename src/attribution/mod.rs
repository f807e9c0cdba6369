//! Attribution: for each quotation or reported clause, who said it, with which cue, to
//! whom and through which medium.
//!
//! The stage works sentence by sentence over a token list built once for the text:
//! 1. [`cue`](self) words and phrases are found (reporting verbs in every inflection,
//!    `according to`, verb phrases such as `made it clear`, colon lead-ins), skipping
//!    negated and modal uses (`did not say`, `may say`, `is expected to announce`;
//!    in `declined to say` the cue is `declined`, its infinitive the content);
//! 2. a named [`Rule`] links each cue to a speaker mention and a content: the quotation
//!    next to it, or the reported clause (`X said that …`, `…, X said`, `according to
//!    X, …`);
//! 3. quotations left without a cue inherit the speaker of the paragraph before when
//!    their paragraph is only a quotation;
//! 4. speaker mentions are clustered into [`Speaker`] entities (`Chinese President Xi
//!    Jinping`, `Xi`, `the Chinese leader`, `he`) named by their fullest proper name.
//!
//! The rules of steps 2 and 3 run in one order, stated once (`rules/mod.rs`:
//! `SENTENCE_RULES`, then `WINDOW_RULES`), each rule family in a file of its own. The
//! stage reads the detector's quotations without changing them: where it finds a
//! quotation is not speech, it returns that decision and the analyzer applies it.
//!
//! ```
//! use whosaid::{AttributionKind, Rule};
//! let text = "Ana Ruiz said that the plan had failed. “We will try again,” she added.";
//! let doc = whosaid::analyze(text);
//! let rules: Vec<Rule> = doc.attributions.iter().map(|a| a.rule).collect();
//! assert_eq!(rules, [Rule::SpeakerCueClause, Rule::QuoteSpeakerCue]);
//! assert_eq!(doc.attributions[1].kind, AttributionKind::Direct);
//! // both are Ana Ruiz: "she" resolves to the name before it
//! assert_eq!(doc.speakers.len(), 1);
//! assert_eq!(doc.speakers[0].name, "Ana Ruiz");
//! ```

mod entity;
mod gender;
mod mention;
mod mode;
mod rules;
mod token;
mod vocabulary;

pub(crate) use entity::cluster;
#[doc(hidden)]
pub use rules::model::Proposal;
pub(crate) use rules::model::{recording, with_weights};
pub(crate) use rules::{Scratch, attribute_reusing};
pub(crate) use vocabulary::Vocabulary;

pub use gender::Gender;
#[cfg(fuzzing)]
pub(crate) use rules::attribute_in_windows;

use crate::quote::QuoteKind;
use crate::span::Span;
pub use mode::Mode;

/// The attribution stage's decisions about the detector's quotations' kinds. The stage
/// reads the quotations without changing them and returns these decisions; the analyzer
/// applies them (the one place where both stages' outputs meet). The one decision made
/// so far: a partial quotation that no attribution's content took, with no cue next to
/// it and no clause whose subject could have said it (`the “Big Apple” is busy`), is a
/// term or a title, not speech. One bit per quotation: a text of quotation marks makes
/// a decision every few bytes, and this set is alive with the whole quotation list
/// (memory per input byte, issue 16).
#[derive(Clone, Debug, Default)]
pub(crate) struct KindDecisions {
    /// Bit `i % 64` of word `i / 64`: quotation `i` is not speech.
    not_speech: Vec<u64>,
    /// Added to the index [`KindDecisions::decide_not_speech`] is given: the index of the
    /// first quotation of the window being attributed, whose rules count from it.
    offset: usize,
}

impl KindDecisions {
    /// Quotation `qi` (of the window being attributed) is not speech.
    pub(crate) fn decide_not_speech(&mut self, qi: usize) {
        let at = qi + self.offset;
        let word = at / 64;
        if word >= self.not_speech.len() {
            self.not_speech.resize(word + 1, 0);
        }
        self.not_speech[word] |= 1 << (at % 64);
    }

    /// Whether quotation `qi` (an index into all the stage's quotations) was decided not
    /// speech.
    pub(crate) fn is_not_speech(&self, qi: usize) -> bool {
        self.not_speech
            .get(qi / 64)
            .is_some_and(|word| word >> (qi % 64) & 1 == 1)
    }

    /// The quotations decided not speech, in order.
    pub(crate) fn not_speech(&self) -> impl Iterator<Item = usize> + '_ {
        self.not_speech.iter().enumerate().flat_map(|(k, &word)| {
            (0..64)
                .filter(move |bit| word >> bit & 1 == 1)
                .map(move |bit| k * 64 + bit)
        })
    }

    /// Runs `attribute` with the indices it decides on counted from `first` (a window's
    /// first quotation), then counts from where they counted before.
    pub(crate) fn counting_from<T>(
        &mut self,
        first: usize,
        attribute: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let outer = self.offset;
        self.offset = outer + first;
        let result = attribute(self);
        self.offset = outer;
        result
    }

    /// These decisions with each quotation index `qi` replaced by `index(qi)`.
    pub(crate) fn mapped(&self, index: impl Fn(usize) -> usize) -> KindDecisions {
        let mut out = KindDecisions::default();
        for qi in self.not_speech() {
            out.decide_not_speech(index(qi));
        }
        out
    }
}

/// Quotation `qi`'s kind once `decisions` are applied.
pub(crate) fn decided_kind(
    quotes: &[crate::quote::Quote<'_>],
    decisions: &KindDecisions,
    qi: usize,
) -> QuoteKind {
    if decisions.is_not_speech(qi) {
        QuoteKind::NotSpeech
    } else {
        quotes[qi].kind
    }
}

/// How much of the content is quoted.
///
/// ```
/// let doc = whosaid::analyze("“We will win,” she said. He said that they would lose.");
/// let kinds: Vec<_> = doc.attributions.iter().map(|a| a.kind.name()).collect();
/// assert_eq!(kinds, ["direct", "indirect"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum AttributionKind {
    /// The content is entirely inside quotation marks.
    Direct,
    /// Most of the content is quoted, some is the writer's.
    Mixed,
    /// A quoted fragment inside otherwise reported speech.
    Partial,
    /// Reported speech with no quotation marks.
    Indirect,
}

/// The rule that linked a speaker, a cue and a content.
///
/// ```
/// let doc = whosaid::analyze("“Prices will fall,” said the minister.");
/// assert_eq!(doc.attributions[0].rule, whosaid::Rule::QuoteCueSpeaker);
/// assert_eq!(doc.attributions[0].rule.name(), "quote-cue-speaker");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Rule {
    /// `“…,” X said`
    QuoteSpeakerCue,
    /// `“…,” said X`
    QuoteCueSpeaker,
    /// `X said, “…”` / `X said: “…”` / `X told Y: “…”`
    SpeakerCueQuote,
    /// `“…” — Name`: a quotation signed with a dash.
    QuoteDashSpeaker,
    /// `“…,” X snapped.` / `X sighed: “…”`: a quotation framed by its speaker and a verb
    /// of speaking that no cue of the lexicon governs (a manner of speaking, or a
    /// reporting verb whose occurrence the cue rules did not take), right beside it.
    VerbFrame,
    /// `Name: …` opening a headline or a transcript turn.
    ColonSpeaker,
    /// `“A,” X said, “B.”`: a quotation split by its attribution.
    SplitQuote,
    /// `X said in a statement:` ending the sentence before a quotation.
    ColonLeadIn,
    /// `X said (that) …` / `X told Y (that) …`
    SpeakerCueClause,
    /// `…, X said` / `…, said X`
    ClauseSpeakerCue,
    /// `According to X, …` / `…, according to X`
    AccordingTo,
    /// `According to X, Y called for …` / `“…,” Y said, according to X`: an `according to`
    /// source passing on another speaker's act; Y speaks, X is the medium.
    ChainedSource,
    /// A paragraph that is only a quotation takes the previous paragraph's speaker.
    Inherited,
    /// A quoted fragment with no cue near it, in a clause about the sentence's subject
    /// (`Critics likened the plan to “a house of cards”`): the subject, with low confidence.
    SentenceSubject,
    /// A quotation of speech with no cue found.
    Unattributed,
}

/// What a mention of a speaker is.
///
/// ```
/// let doc = whosaid::analyze("“No,” she said.");
/// assert_eq!(doc.attributions[0].speaker.unwrap().kind, whosaid::MentionKind::Pronoun);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum MentionKind {
    /// A proper name of a person, possibly with a title (`Chinese President Xi Jinping`).
    Name,
    /// An organisation or a news medium (`Xinhua`, `the White House`, `the ministry`).
    Organisation,
    /// A role nominal (`the president`, `a campaign spokeswoman`).
    Role,
    /// An unnamed source (`sources`, `officials`, `a person familiar with …`).
    Anonymous,
    /// A personal pronoun (`he`, `she`, `they`).
    Pronoun,
}

text_names! {
    /// The name used in JSON output (`direct`, `mixed`, `partial`, `indirect`).
    ///
    /// ```
    /// assert_eq!(whosaid::AttributionKind::Mixed.name(), "mixed");
    /// ```
    AttributionKind {
        Direct => "direct",
        Mixed => "mixed",
        Partial => "partial",
        Indirect => "indirect",
    }
}
text_names! {
    /// The rule's name in JSON output.
    ///
    /// ```
    /// assert_eq!(whosaid::Rule::AccordingTo.name(), "according-to");
    /// ```
    Rule {
        QuoteSpeakerCue => "quote-speaker-cue",
        QuoteCueSpeaker => "quote-cue-speaker",
        SpeakerCueQuote => "speaker-cue-quote",
        QuoteDashSpeaker => "quote-dash-speaker",
        VerbFrame => "verb-frame",
        ColonSpeaker => "colon-speaker",
        SplitQuote => "split-quote",
        ColonLeadIn => "colon-lead-in",
        SpeakerCueClause => "speaker-cue-clause",
        ClauseSpeakerCue => "clause-speaker-cue",
        AccordingTo => "according-to",
        ChainedSource => "chained-source",
        Inherited => "inherited",
        SentenceSubject => "sentence-subject",
        Unattributed => "unattributed",
    }
}
text_names! {
    /// Lowercase name, as in JSON output (`name`, `organisation`, `role`, `anonymous`,
    /// `pronoun`).
    ///
    /// ```
    /// assert_eq!(whosaid::MentionKind::Pronoun.name(), "pronoun");
    /// ```
    MentionKind {
        Name => "name",
        Organisation => "organisation",
        Role => "role",
        Anonymous => "anonymous",
        Pronoun => "pronoun",
    }
}
text_names! {
    /// The name used in JSON output (`person`, `organisation`, `group`, `unnamed`).
    ///
    /// ```
    /// assert_eq!(whosaid::EntityKind::Organisation.name(), "organisation");
    /// ```
    EntityKind {
        Person => "person",
        Organisation => "organisation",
        Group => "group",
        Unnamed => "unnamed",
    }
}

/// A mention of a speaker in the text.
///
/// ```
/// let text = "“Go,” said Chinese President Xi Jinping.";
/// let doc = whosaid::analyze(text);
/// let m = doc.attributions[0].speaker.unwrap();
/// assert_eq!(m.span.text(text), "Chinese President Xi Jinping");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Mention {
    /// Byte span of the mention.
    pub span: Span,
    /// What the mention is.
    pub kind: MentionKind,
}

/// What a speaker entity is.
///
/// `Unnamed` is a source the article does not name (`a spokeswoman`, `the mayor` when no
/// mayor is named); `Group` is a plural of people (`voters`, `officials`, `critics`),
/// named or not. A role (`the Republican nominee`) that the article introduced with a
/// name is that person.
///
/// ```
/// use whosaid::EntityKind;
/// let doc = whosaid::analyze("“Yes,” said Ana Ruiz. “No,” officials said. “Maybe,” a spokeswoman said.");
/// let kinds: Vec<EntityKind> = doc.speakers.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds, [EntityKind::Person, EntityKind::Group, EntityKind::Unnamed]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organisation: an outlet, agency, party, campaign, company or government.
    Organisation,
    /// A group of people (`voters`, `officials`, `Republican senators`).
    Group,
    /// One source the article does not name (`a spokeswoman`, `the judge` with no judge
    /// named).
    Unnamed,
}

/// One speaker of the article: the mentions that refer to it and its canonical name.
///
/// ```
/// let text = "Chinese President Xi Jinping arrived. “We welcome talks,” Xi said. He added that trade would grow.";
/// let doc = whosaid::analyze(text);
/// assert_eq!(doc.speakers.len(), 1);
/// assert_eq!(doc.speakers[0].name, "Xi Jinping");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Speaker<'t> {
    /// Index of the speaker in [`Document::speakers`](crate::Document::speakers).
    pub id: usize,
    /// Canonical name: the fullest proper name among the mentions, without titles (or
    /// the fullest mention when no proper name is known).
    pub name: &'t str,
    /// Where the canonical name stands in the text.
    pub name_span: Span,
    /// What the speaker is.
    pub kind: EntityKind,
    /// The speaker's gender, from titles, forenames and linked pronouns.
    pub gender: Gender,
    /// Every speaker mention of this entity, in order.
    pub mentions: Vec<Span>,
}

impl<'t> Speaker<'t> {
    /// The canonical name with its whitespace normalised: a run of spaces, no-break
    /// spaces, line breaks or zero-width spaces is one space, none at the ends, so that
    /// `Julia\u{a0}Ng` and `Julia Ng` read the same. Borrowed from the text when it is
    /// already so (the usual case); the JSON record's `name` and the Python bindings'
    /// `name` are this. [`Speaker::name`] stays the exact slice of the text at
    /// [`Speaker::name_span`].
    ///
    /// ```
    /// let text = "“We will build it,” Julia\u{a0}Ng said.";
    /// let doc = whosaid::analyze(text);
    /// assert_eq!(doc.speakers[0].name, "Julia\u{a0}Ng");
    /// assert_eq!(doc.speakers[0].normalized_name(), "Julia Ng");
    /// ```
    pub fn normalized_name(&self) -> std::borrow::Cow<'t, str> {
        entity::normalize_whitespace(self.name)
    }
}

/// One attribution: a content, its kind, and who said it.
///
/// ```
/// let text = "Ana Ruiz told Reuters that the deal was dead.";
/// let doc = whosaid::analyze(text);
/// let a = &doc.attributions[0];
/// assert_eq!(a.content.text(text), "that the deal was dead");
/// assert_eq!(a.cue.unwrap().text(text), "told");
/// assert_eq!(a.medium.unwrap().text(text), "Reuters");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Attribution {
    /// The reported content: the quotation with its marks, or the reported clause (hull
    /// of its pieces when interrupted).
    pub content: Span,
    /// How much of the content is quoted.
    pub kind: AttributionKind,
    /// Index of the quotation in [`Document::quotes`](crate::Document::quotes), if any.
    pub quote: Option<usize>,
    /// The speaker mention nearest the cue.
    pub speaker: Option<Mention>,
    /// Index of the speaker entity in [`Document::speakers`](crate::Document::speakers).
    pub entity: Option<usize>,
    /// The cue (`said`, `told`, `according to`, a colon).
    pub cue: Option<Span>,
    /// Who was spoken to (`told Putin`).
    pub addressee: Option<Span>,
    /// Through what (`in a statement`, `according to Xinhua`, `told CNN`).
    pub medium: Option<Span>,
    /// Confidence in the speaker, from 0 to 1.
    pub confidence: f32,
    /// The rule that decided.
    pub rule: Rule,
    /// The kind of act reported: speech, writing, thought or evidence.
    pub mode: Mode,
}

impl Attribution {
    /// The name of the medium: the text of [`medium`](Attribution::medium) when the
    /// text names one (`told Reuters`, `in a statement`), else the platform a cue
    /// verb names (`tweeted`: `Twitter`, which the text need not spell out), else `None`.
    ///
    /// `text` must be the text this attribution was analysed from (its spans are byte
    /// offsets into it); given another text, the name is a slice of the wrong words, or
    /// empty when the span falls outside it or off a character boundary.
    ///
    /// ```
    /// let text = "Ana Ruiz tweeted that the deal was dead.";
    /// let doc = whosaid::analyze(text);
    /// let a = &doc.attributions[0];
    /// assert_eq!(a.medium, None);
    /// assert_eq!(a.medium_name(text), Some("Twitter"));
    /// let text = "Ana Ruiz told Reuters that the deal was dead.";
    /// let doc = whosaid::analyze(text);
    /// assert_eq!(doc.attributions[0].medium_name(text), Some("Reuters"));
    /// ```
    pub fn medium_name<'t>(&self, text: &'t str) -> Option<&'t str> {
        match self.medium {
            Some(m) => Some(m.text(text)),
            None => crate::lexicon::entities::platform_of(self.cue?.text(text)),
        }
    }
}
