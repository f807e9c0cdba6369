//! The one-call document API: paragraphs, sentences, quotations, attributions and
//! speakers of an article.

use std::sync::Arc;

use crate::attribution::{
    self, Attribution, AttributionKind, EntityKind, Gender, Mention, Mode, Rule, Speaker,
};
use crate::error::{Error, ErrorKind};
use crate::input::Decoded;
use crate::lexicon::{Overlay, Weights, class};
use crate::quote::marks::MarkSet;
use crate::quote::{Quote, QuoteDetector, QuoteKind};
use crate::sentence::{Paragraph, QuotePolicy, Segmenter, Sentence, paragraphs};
use crate::span::Span;

/// Runs the whole pipeline. Cheap to clone, `Send + Sync`.
///
/// ```
/// let analyzer = whosaid::Analyzer::new();
/// let doc = analyzer.analyze("“We will win,” the mayor said.");
/// assert_eq!(doc.attributions.len(), 1);
/// assert_eq!(doc.speaker_of(&doc.attributions[0]).unwrap().name, "the mayor");
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    segmenter: Segmenter,
    detector: QuoteDetector,
    /// Weights given to the builder (`None`: the shipped ones).
    weights: Option<Arc<Weights>>,
    /// The modes kept (`None`: all).
    modes: Option<Vec<Mode>>,
    /// Words added to the built-in lists (reporting verbs, titles, …).
    extra: Overlay,
    /// Skip patterns, compiled once.
    skip: Vec<regex::Regex>,
    /// Decode HTML character references before the analysis.
    html: bool,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Configures an [`Analyzer`]; `build()` is the only fallible step.
///
/// ```
/// use whosaid::{Analyzer, QuoteDetector, Segmenter};
/// let analyzer = Analyzer::builder()
///     .segmenter(Segmenter::builder().add_abbreviation("Rt").build().unwrap())
///     .quote_detector(QuoteDetector::builder().single_marks_open(false).build().unwrap())
///     .build()
///     .unwrap();
/// assert_eq!(analyzer.analyze("Hello.").sentences.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct AnalyzerBuilder {
    segmenter: Option<Segmenter>,
    detector: Option<QuoteDetector>,
    linking_weights: Option<String>,
    modes: Option<Vec<Mode>>,
    /// Added words: (entry, class flags, reporting-verb form), checked at `build()`.
    words: Vec<(String, u32, bool, WordEntry)>,
    /// Added reporting-verb forms with the mode they were given.
    verb_modes: Vec<(String, Mode)>,
    skip: Vec<String>,
    html: bool,
}

/// How an added word is written, for its check at `build()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordEntry {
    /// One word.
    Word,
    /// One word; a final period is dropped (`Cllr.`).
    Title,
    /// One or more words; the last one is the head (`parish councillor`).
    Head,
}

/// The word an added entry stands for, or why it is not usable.
fn entry_word(entry: &str, how: WordEntry) -> Result<String, Error> {
    let t = entry.trim();
    let t = match how {
        WordEntry::Title => t.trim_end_matches('.'),
        _ => t,
    };
    let word = match how {
        WordEntry::Head => t.split_whitespace().last().unwrap_or(""),
        _ => t,
    };
    let joined =
        |c: char| crate::sentence::scan::is_alnum(c) || matches!(c, '.' | '\'' | '’' | '-' | '&');
    if word.is_empty() || !word.chars().all(joined) {
        return Err(Error::new(
            ErrorKind::InvalidLexiconEntry,
            format!("{entry:?} must be one word of letters and digits"),
        ));
    }
    Ok(word.to_string())
}

impl AnalyzerBuilder {
    /// Default segmenter and quotation detector.
    ///
    /// ```
    /// let a = whosaid::AnalyzerBuilder::new().build().unwrap();
    /// # let _ = a;
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Use this sentence segmenter (its quotation policy is overridden: the analyzer
    /// keeps quotations inside one sentence).
    ///
    /// ```
    /// let a = whosaid::Analyzer::builder().segmenter(whosaid::Segmenter::new()).build().unwrap();
    /// # let _ = a;
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn segmenter(mut self, segmenter: Segmenter) -> Self {
        self.segmenter = Some(segmenter);
        self
    }

    /// Use this quotation detector.
    ///
    /// ```
    /// let a = whosaid::Analyzer::builder().quote_detector(whosaid::QuoteDetector::new()).build().unwrap();
    /// # let _ = a;
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn quote_detector(mut self, detector: QuoteDetector) -> Self {
        self.detector = Some(detector);
        self
    }

    /// Use these learned weights for the attribution decisions instead of the shipped
    /// ones (`src/lexicon/linking_weights.txt`, fitted on PolNeAR train): the text of a
    /// file in the same format, as `examples/train.rs` writes it (`#` header lines, then
    /// `feature<TAB>weight` lines). A file with no feature of a decision leaves that
    /// decision to the rules alone.
    ///
    /// ```
    /// let rules_only = whosaid::Analyzer::builder().linking_weights("# no weights\n").build().unwrap();
    /// assert_eq!(rules_only.analyze("“Yes,” she said.").attributions.len(), 1);
    /// let err = whosaid::Analyzer::builder().linking_weights("cue:bias 1").build().unwrap_err();
    /// assert_eq!(err.kind(), whosaid::ErrorKind::InvalidLexiconEntry);
    /// ```
    pub fn linking_weights(mut self, file: &str) -> Self {
        self.linking_weights = Some(file.to_string());
        self
    }

    /// Keep only the attributions of these modes (all four by default): researchers
    /// counting who was quoted keep speech and writing. The speakers are then those of
    /// the attributions kept.
    ///
    /// ```
    /// use whosaid::{Analyzer, Mode};
    /// let quoted = Analyzer::builder().modes(&[Mode::Speech, Mode::Writing]).build().unwrap();
    /// let doc = quoted.analyze("Ana Ruiz said the plan failed. Critics believe it will fail.");
    /// assert_eq!(doc.attributions.len(), 1);
    /// assert_eq!(doc.attributions[0].mode, Mode::Speech);
    /// ```
    pub fn modes(mut self, modes: &[Mode]) -> Self {
        self.modes = Some(modes.to_vec());
        self
    }

    /// Add a reporting verb: its lemma and its inflected forms (any case), cues like
    /// the built-in verbs (`said`, `told`). An added verb takes no addressee and no
    /// complement; the quotation detector's check for a quotation split by its
    /// attribution (`“A,” she opined, “b.”`) knows the built-in verbs only.
    ///
    /// ```
    /// let text = "Ana Ruiz harrumphed that the plan was a disgrace.";
    /// assert!(whosaid::analyze(text).attributions.is_empty());
    /// let analyzer = whosaid::Analyzer::builder()
    ///     .add_reporting_verb("harrumph", ["harrumphs", "harrumphed", "harrumphing"])
    ///     .build()
    ///     .unwrap();
    /// let doc = analyzer.analyze(text);
    /// assert_eq!(doc.attributions[0].content.text(text), "that the plan was a disgrace");
    /// assert_eq!(doc.attributions[0].cue.unwrap().text(text), "harrumphed");
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_reporting_verb<S: Into<String>>(
        mut self,
        lemma: impl Into<String>,
        forms: impl IntoIterator<Item = S>,
    ) -> Self {
        self.words.push((lemma.into(), 0, true, WordEntry::Word));
        for f in forms {
            self.words.push((f.into(), 0, true, WordEntry::Word));
        }
        self
    }

    /// [`add_reporting_verb`](Self::add_reporting_verb) for a verb of another
    /// [`Mode`] than speech: its attributions get `mode` (a medium phrase such as `in a
    /// statement` still decides first, as it does for the built-in verbs). A verb
    /// added with [`add_reporting_verb`](Self::add_reporting_verb) is speech, unless it
    /// is one of the built-in verbs, which keep their own mode.
    ///
    /// ```
    /// use whosaid::{Analyzer, Mode};
    /// let text = "Ana Ruiz blogged that the plan was a disgrace.";
    /// let analyzer = Analyzer::builder()
    ///     .add_reporting_verb_with_mode("blog", ["blogs", "blogged", "blogging"], Mode::Writing)
    ///     .build()
    ///     .unwrap();
    /// let doc = analyzer.analyze(text);
    /// assert_eq!(doc.attributions[0].cue.unwrap().text(text), "blogged");
    /// assert_eq!(doc.attributions[0].mode, Mode::Writing);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_reporting_verb_with_mode<S: Into<String>>(
        mut self,
        lemma: impl Into<String>,
        forms: impl IntoIterator<Item = S>,
        mode: Mode,
    ) -> Self {
        let lemma = lemma.into();
        self.verb_modes.push((lemma.clone(), mode));
        self.words.push((lemma, 0, true, WordEntry::Word));
        for f in forms {
            let f = f.into();
            self.verb_modes.push((f.clone(), mode));
            self.words.push((f, 0, true, WordEntry::Word));
        }
        self
    }

    /// Add a title that goes before a name (`Councillor`, `Cllr.`): part of the speaker
    /// mention, left out of the speaker's canonical name. (An abbreviated title should
    /// also be an abbreviation of the [`Segmenter`], so that its period ends no sentence.)
    ///
    /// ```
    /// let text = "“The bins will be emptied weekly,” said Alderwoman Jane Ng.";
    /// assert_eq!(whosaid::analyze(text).speakers[0].name, "Alderwoman Jane Ng");
    /// let analyzer = whosaid::Analyzer::builder().add_title("Alderwoman").build().unwrap();
    /// assert_eq!(analyzer.analyze(text).speakers[0].name, "Jane Ng");
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_title(mut self, title: impl Into<String>) -> Self {
        self.words
            .push((title.into(), class::TITLE, false, WordEntry::Title));
        self
    }

    /// Add a noun that names a speaker by role (`steward`, `parish clerk`: the last word
    /// counts), like the built-in `spokesman` or `minister`.
    ///
    /// ```
    /// let a = whosaid::Analyzer::builder().add_role_noun("parish clerk").build().unwrap();
    /// # let _ = a;
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_role_noun(mut self, noun: impl Into<String>) -> Self {
        self.words
            .push((noun.into(), class::ROLE, false, WordEntry::Head));
        self
    }

    /// Add a word that marks an organisation's name (`Trust`, `Constabulary`): a speaker
    /// mention holding it is an organisation, not a person.
    ///
    /// ```
    /// use whosaid::MentionKind;
    /// let text = "“We are reviewing the case,” said Northfield Constabulary.";
    /// let analyzer = whosaid::Analyzer::builder()
    ///     .add_organisation_word("Constabulary")
    ///     .build()
    ///     .unwrap();
    /// let doc = analyzer.analyze(text);
    /// assert_eq!(doc.attributions[0].speaker.unwrap().kind, MentionKind::Organisation);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_organisation_word(mut self, word: impl Into<String>) -> Self {
        self.words
            .push((word.into(), class::ORG, false, WordEntry::Word));
        self
    }

    /// Add a news outlet or a word of outlets' names (`Gazette`, `Kwamenews`): an
    /// organisation that is also a medium (`told the Gazette` gives a medium, not an
    /// addressee).
    ///
    /// ```
    /// let text = "Ana Ruiz told Kwamenews that the deal was dead.";
    /// let analyzer = whosaid::Analyzer::builder().add_outlet("Kwamenews").build().unwrap();
    /// let doc = analyzer.analyze(text);
    /// assert_eq!(doc.attributions[0].medium.unwrap().text(text), "Kwamenews");
    /// assert_eq!(doc.attributions[0].addressee, None);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn add_outlet(mut self, outlet: impl Into<String>) -> Self {
        self.words.push((
            outlet.into(),
            class::ORG | class::MEDIA,
            false,
            WordEntry::Word,
        ));
        self
    }

    /// Skip boilerplate: a regular expression (the [`regex`](https://docs.rs/regex)
    /// crate's syntax) matched against each line of the text, without its line break
    /// (`^` and `$` are the line's ends). The text a pattern matches is hidden from the
    /// attribution rules, as if it were spaces: no cue, speaker, addressee or medium is
    /// found in it, a quotation that lies wholly inside it is not attributed, and a name
    /// in it is no antecedent for a pronoun. Paragraphs, sentences and quotations are
    /// found in the whole text as before, and every span still points into the text.
    /// To skip a whole line, match all of it (`^Follow .* on Twitter\.?$`); to skip a
    /// label, match only the label (`^[A-Z]+:`). Patterns are compiled once, by
    /// `build()`.
    ///
    /// ```
    /// let text = "ENERGY: Oil prices rose, analysts said.\n\nRead the rest here.";
    /// assert!(whosaid::analyze(text).speakers.iter().any(|s| s.name == "ENERGY"));
    /// let analyzer = whosaid::Analyzer::builder()
    ///     .skip_pattern(r"^[A-Z]{3,}:")
    ///     .skip_pattern(r"^Read the rest here\.$")
    ///     .build()
    ///     .unwrap();
    /// let doc = analyzer.analyze(text);
    /// assert_eq!(doc.attributions.len(), 1);
    /// assert_eq!(doc.speakers[0].name, "analysts");
    /// assert_eq!(doc.sentences.len(), 2);
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn skip_pattern(mut self, pattern: impl Into<String>) -> Self {
        self.skip.push(pattern.into());
        self
    }

    /// Read the text as pasted from a web page: HTML character references (`&quot;`,
    /// `&ldquo;`, `&#8220;`, `&#x201C;`, `&amp;`, `&nbsp;`, …) are decoded for the
    /// analysis, and every span and every `&str` of the [`Document`] still points into
    /// the text as given (a decoded character's span is its whole reference). Off by
    /// default: plain text that happens to hold `&amp;` is then left alone. Tags are not
    /// removed.
    ///
    /// ```
    /// let text = "&ldquo;We will not retreat,&rdquo; said Ana&nbsp;Ruiz.";
    /// assert!(whosaid::analyze(text).attributions.is_empty());
    /// let analyzer = whosaid::Analyzer::builder().html_input(true).build().unwrap();
    /// let doc = analyzer.analyze(text);
    /// let a = &doc.attributions[0];
    /// assert_eq!(a.content.text(text), "&ldquo;We will not retreat,&rdquo;");
    /// assert_eq!(a.speaker.unwrap().span.text(text), "Ana&nbsp;Ruiz");
    /// assert_eq!(doc.quotes[0].text(text), "&ldquo;We will not retreat,&rdquo;");
    /// ```
    #[must_use = "a builder setter returns the changed builder"]
    pub fn html_input(mut self, yes: bool) -> Self {
        self.html = yes;
        self
    }

    /// Build the analyzer: check the added words and compile the skip patterns.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidLexiconEntry`] for an added word that is empty or not one
    /// word; [`ErrorKind::InvalidPattern`] for a skip pattern that is not a valid
    /// regular expression.
    /// [`ErrorKind::InvalidLexiconEntry`] also when the weights given to
    /// [`linking_weights`](Self::linking_weights) have a bad line.
    ///
    /// ```
    /// use whosaid::{Analyzer, ErrorKind};
    /// assert!(Analyzer::builder().build().is_ok());
    /// let err = Analyzer::builder().skip_pattern("(unclosed").build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidPattern);
    /// let err = Analyzer::builder().add_title("two words").build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidLexiconEntry);
    /// ```
    pub fn build(self) -> Result<Analyzer, Error> {
        let weights = match self.linking_weights {
            Some(file) => Some(Arc::new(Weights::parse(&file).map_err(|m| {
                Error::new(
                    ErrorKind::InvalidLexiconEntry,
                    format!("linking weights: {m}"),
                )
            })?)),
            None => None,
        };
        let mut extra = Overlay::default();
        for (entry, flags, reporting, how) in &self.words {
            extra.add(&entry_word(entry, *how)?, *flags, *reporting);
        }
        for (form, mode) in &self.verb_modes {
            extra.set_mode(&entry_word(form, WordEntry::Word)?, mode.as_str());
        }
        let skip = self
            .skip
            .iter()
            .map(|p| {
                regex::Regex::new(p).map_err(|e| {
                    Error::new(
                        ErrorKind::InvalidPattern,
                        format!("skip pattern {p:?}: {e}"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Analyzer {
            inner: Arc::new(Inner {
                segmenter: self.segmenter.unwrap_or_default(),
                detector: self.detector.unwrap_or_default(),
                weights,
                modes: self.modes,
                extra,
                skip,
                html: self.html,
            }),
        })
    }
}

/// Working memory of the analysis, kept from one text to the next by
/// [`Analyzer::analyze_with_workspace`]: one per thread that analyses many texts (a
/// workspace is `Send`, so it may move between threads, but one call uses it at a
/// time). It holds no result and no text, only the capacity of the attribution stage's
/// vectors, which grows with the largest attribution window seen (64 KiB of text and a
/// sentence), not with the texts' length, and of the speaker clustering's word table
/// (emptied after each text; at most about 450 KiB of its room is kept). Any analyzer may
/// use any workspace.
///
/// ```
/// let mut workspace = whosaid::Workspace::new();
/// let analyzer = whosaid::Analyzer::new();
/// let first = analyzer.analyze_with_workspace("“Fine,” said the mayor.", &mut workspace);
/// let second = analyzer.analyze_with_workspace("Nobody spoke.", &mut workspace);
/// assert_eq!(first.attributions.len(), 1);
/// assert!(second.attributions.is_empty());
/// ```
#[derive(Default)]
pub struct Workspace {
    scratch: attribution::Scratch,
    /// The speaker clustering's words (empty between calls: only its buffers are kept).
    vocabulary: attribution::Vocabulary,
    /// Made for one call ([`Analyzer::analyze`]): its vectors are freed as soon as the
    /// attribution stage is done with them, not kept alive through the later stages
    /// (which would raise the peak memory of one large text for nothing).
    one_call: bool,
    /// The offsets of the text's quotation-mark characters, found once for the
    /// sentence splitter and the quotation detector.
    marks: MarkSet,
}

impl Workspace {
    /// An empty workspace: it allocates as the first text needs.
    ///
    /// ```
    /// let mut workspace = whosaid::Workspace::new();
    /// let doc = whosaid::Analyzer::new().analyze_with_workspace("“No,” he said.", &mut workspace);
    /// assert_eq!(doc.attributions.len(), 1);
    /// ```
    pub fn new() -> Workspace {
        Workspace::default()
    }
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").finish_non_exhaustive()
    }
}

/// Everything whosaid found in one text, borrowed from it.
///
/// ```
/// let text = "Leaders Meet\n\nThe president told reporters that talks went well. “We agreed,” he said.";
/// let doc = whosaid::analyze(text);
/// assert_eq!(doc.paragraphs.len(), 2);
/// assert_eq!(doc.sentences.len(), 3);
/// assert_eq!(doc.quotes.len(), 1);
/// assert_eq!(doc.attributions.len(), 2);
/// assert_eq!(doc.speakers.len(), 1);
/// ```
///
/// With the `serde` feature its serde form is the JSON record of
/// [`Document::record`], which [`OwnedDocument`] reads back.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Document<'t> {
    /// The analysed text.
    pub text: &'t str,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Paragraph<'t>>,
    /// Sentences (quotations kept inside one sentence), in order.
    pub sentences: Vec<Sentence<'t>>,
    /// Every quotation, speech or not, in order of opening mark.
    pub quotes: Vec<Quote<'t>>,
    /// Attributions (direct, mixed, partial and indirect), in text order.
    pub attributions: Vec<Attribution>,
    /// Speaker entities, in order of first attribution.
    pub speakers: Vec<Speaker<'t>>,
}

impl<'t> Document<'t> {
    /// The speaker entity of an attribution.
    ///
    /// ```
    /// let doc = whosaid::analyze("Sen. Ana Ruiz arrived. “Enough,” she said.");
    /// assert_eq!(doc.speaker_of(&doc.attributions[0]).unwrap().name, "Ana Ruiz");
    /// ```
    pub fn speaker_of(&self, a: &Attribution) -> Option<&Speaker<'t>> {
        a.entity.and_then(|e| self.speakers.get(e))
    }

    /// The quotation of an attribution.
    ///
    /// ```
    /// let doc = whosaid::analyze("“Enough,” she said.");
    /// assert_eq!(doc.quote_of(&doc.attributions[0]).unwrap().text(doc.text), "“Enough,”");
    /// ```
    pub fn quote_of(&self, a: &Attribution) -> Option<&Quote<'t>> {
        a.quote.and_then(|q| self.quotes.get(q))
    }

    /// The quoted part of an attribution: the hull of the speech quotations (top-level,
    /// not [`QuoteKind::NotSpeech`]) inside its content, marks included; `None` when it
    /// has none (indirect speech). For a mixed or partial attribution this is narrower
    /// than the content, and its ends are quotation marks, not clause boundaries that a
    /// reader might draw elsewhere.
    ///
    /// ```
    /// let text = "Ruiz pledged “strong support” for their “core interests” on Monday.";
    /// let doc = whosaid::analyze(text);
    /// let a = &doc.attributions[0];
    /// assert_eq!(a.kind, whosaid::AttributionKind::Mixed);
    /// assert_eq!(a.content.text(text), "“strong support” for their “core interests” on Monday");
    /// let q = doc.quoted_span(a).unwrap();
    /// assert_eq!(q.text(text), "“strong support” for their “core interests”");
    /// ```
    pub fn quoted_span(&self, a: &Attribution) -> Option<Span> {
        self.quotes_in(a)
            .map(|q| q.span)
            .reduce(|hull, s| hull.cover(s))
    }

    /// The speech quotations of an attribution: every top-level quotation (not nested in
    /// another, not [`QuoteKind::NotSpeech`]) that lies inside its content, in order.
    /// A quotation split by its attribution is one quotation with several pieces.
    ///
    /// ```
    /// let text = "Ruiz pledged “strong support” for their “core interests” on Monday.";
    /// let doc = whosaid::analyze(text);
    /// let quoted: Vec<&str> = doc.quotes_in(&doc.attributions[0]).map(|q| q.text(text)).collect();
    /// assert_eq!(quoted, ["“strong support”", "“core interests”"]);
    /// ```
    pub fn quotes_in<'d>(&'d self, a: &Attribution) -> impl Iterator<Item = &'d Quote<'t>> + 'd {
        let content = a.content;
        let first = self
            .quotes
            .partition_point(|q| q.span.start < content.start);
        self.quotes[first..]
            .iter()
            .take_while(move |q| q.span.start < content.end)
            .filter(move |q| {
                q.parent().is_none() && q.kind != QuoteKind::NotSpeech && content.contains(q.span)
            })
    }

    /// An owned copy that outlives the text and round-trips through serde.
    ///
    /// ```
    /// let owned = whosaid::analyze("“Yes,” he said.").to_owned_document();
    /// assert_eq!(owned.attributions.len(), 1);
    /// assert_eq!(owned.text, "“Yes,” he said.");
    /// ```
    pub fn to_owned_document(&self) -> OwnedDocument {
        OwnedDocument {
            text: self.text.to_string(),
            paragraphs: self.paragraphs.iter().map(|p| p.span).collect(),
            sentences: self.sentences.iter().map(|s| s.span).collect(),
            attributions: self
                .attributions
                .iter()
                .map(|a| OwnedAttribution {
                    span: self.quoted_span(a).unwrap_or(a.content),
                    kind: a.kind,
                    mode: a.mode,
                    content: a.content,
                    speaker: a.speaker.map(|m| m.span),
                    entity: a.entity,
                    cue: a.cue,
                    addressee: a.addressee,
                    medium: a.medium,
                    confidence: rounded_confidence(a.confidence),
                    rule: a.rule,
                    pieces: self.quotes_in(a).map(|q| q.span).collect(),
                })
                .collect(),
            nonspeech: self
                .quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::NotSpeech)
                .map(|q| q.span)
                .collect(),
            speakers: self
                .speakers
                .iter()
                .map(|s| OwnedSpeaker {
                    id: s.id,
                    name: s.normalized_name().into_owned(),
                    kind: s.kind,
                    gender: s.gender,
                    mentions: s.mentions.clone(),
                })
                .collect(),
        }
    }
}

/// Confidence rounded to two decimals, as the JSON record writes it.
fn rounded_confidence(confidence: f32) -> f32 {
    ((f64::from(confidence) * 100.0).round() / 100.0) as f32
}

/// An attribution in an [`OwnedDocument`]: the entry of the record's `quotes` list.
///
/// ```
/// let text = "Ruiz called the plan “a disaster” on Monday.";
/// let owned = whosaid::analyze(text).to_owned_document();
/// let a = &owned.attributions[0];
/// assert_eq!(a.span.text(text), "“a disaster”");
/// assert_eq!(a.pieces.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OwnedAttribution {
    /// The quoted part (from the first quotation mark to the last) when the content has
    /// quotations, else the content ([`Document::quoted_span`]).
    pub span: Span,
    /// How much of the content is quoted.
    pub kind: AttributionKind,
    /// What kind of act it reports.
    pub mode: Mode,
    /// The reported content.
    pub content: Span,
    /// The speaker mention nearest the cue.
    pub speaker: Option<Span>,
    /// Index of the speaker entity in [`OwnedDocument::speakers`].
    pub entity: Option<usize>,
    /// The cue.
    pub cue: Option<Span>,
    /// Who was spoken to.
    pub addressee: Option<Span>,
    /// Through what.
    pub medium: Option<Span>,
    /// Confidence in the speaker, from 0 to 1, to two decimals.
    pub confidence: f32,
    /// The rule that decided.
    pub rule: Rule,
    /// The top-level speech quotations inside the content ([`Document::quotes_in`]).
    pub pieces: Vec<Span>,
}

/// A speaker in an [`OwnedDocument`] (see [`Speaker`]).
///
/// ```
/// let o = whosaid::analyze("“Hi,” said Ana Ruiz.").to_owned_document();
/// assert_eq!(o.speakers[0].name, "Ana Ruiz");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct OwnedSpeaker {
    /// Index in the speaker list.
    pub id: usize,
    /// Canonical name, whitespace normalised (no-break and zero-width spaces and runs of
    /// spaces are one space; see `Speaker::normalized_name`).
    pub name: String,
    /// What the speaker is.
    pub kind: EntityKind,
    /// The speaker's gender.
    pub gender: Gender,
    /// Speaker mentions.
    pub mentions: Vec<Span>,
}

/// The owned form of a [`Document`]: what its JSON record holds, with the text.
///
/// With the `serde` feature it serialises to the same record as the document and
/// deserialises from any record that carries the text and byte offsets, checking it on
/// the way: every span inside the text and on character boundaries, each `text` the
/// text of its span, indices in range, confidences between 0 and 1. Bad input is an
/// error naming the key at fault.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let doc = whosaid::analyze("“Yes,” he said.");
/// let json = serde_json::to_string(&doc).unwrap();
/// let back: whosaid::OwnedDocument = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, doc.to_owned_document());
/// assert_eq!(serde_json::to_string(&back).unwrap(), json);
///
/// let confidence = format!("\"confidence\":{}", back.attributions[0].confidence);
/// let bad = json.replace(&confidence, "\"confidence\":7.5");
/// let err = serde_json::from_str::<whosaid::OwnedDocument>(&bad).unwrap_err();
/// assert!(err.to_string().contains("quotes[0].confidence: 7.5 is not between 0 and 1"));
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OwnedDocument {
    /// The analysed text.
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Attributions (the record's `quotes`).
    pub attributions: Vec<OwnedAttribution>,
    /// Quotations that are not speech.
    pub nonspeech: Vec<Span>,
    /// Speakers.
    pub speakers: Vec<OwnedSpeaker>,
}

impl OwnedDocument {
    /// The speaker entity of an attribution.
    ///
    /// ```
    /// let owned = whosaid::analyze("Sen. Ana Ruiz arrived. “Enough,” she said.").to_owned_document();
    /// assert_eq!(owned.speaker_of(&owned.attributions[0]).unwrap().name, "Ana Ruiz");
    /// ```
    pub fn speaker_of(&self, a: &OwnedAttribution) -> Option<&OwnedSpeaker> {
        a.entity.and_then(|e| self.speakers.get(e))
    }

    /// The first speech quotation of an attribution (with its marks), if it has one.
    ///
    /// ```
    /// let text = "“Enough,” she said.";
    /// let owned = whosaid::analyze(text).to_owned_document();
    /// assert_eq!(owned.quote_of(&owned.attributions[0]).unwrap().text(text), "“Enough,”");
    /// ```
    pub fn quote_of(&self, a: &OwnedAttribution) -> Option<Span> {
        a.pieces.first().copied()
    }

    /// The top-level speech quotations inside an attribution's content, in order (see
    /// [`Document::quotes_in`]).
    ///
    /// ```
    /// let text = "Ruiz pledged “strong support” for their “core interests” on Monday.";
    /// let owned = whosaid::analyze(text).to_owned_document();
    /// let quoted: Vec<&str> = owned.quotes_in(&owned.attributions[0]).map(|s| s.text(text)).collect();
    /// assert_eq!(quoted, ["“strong support”", "“core interests”"]);
    /// ```
    pub fn quotes_in<'d>(&'d self, a: &'d OwnedAttribution) -> impl Iterator<Item = Span> + 'd {
        a.pieces.iter().copied()
    }

    /// The quoted part of an attribution (see [`Document::quoted_span`]).
    ///
    /// ```
    /// let text = "Ruiz called the plan “a disaster” on Monday.";
    /// let owned = whosaid::analyze(text).to_owned_document();
    /// let q = owned.quoted_span(&owned.attributions[0]).unwrap();
    /// assert_eq!(q.text(text), "“a disaster”");
    /// ```
    pub fn quoted_span(&self, a: &OwnedAttribution) -> Option<Span> {
        a.pieces.iter().copied().reduce(|hull, s| hull.cover(s))
    }
}

impl Analyzer {
    /// The default analyzer.
    ///
    /// ```
    /// let doc = whosaid::Analyzer::new().analyze("");
    /// assert!(doc.sentences.is_empty());
    /// ```
    pub fn new() -> Analyzer {
        AnalyzerBuilder::new()
            .build()
            .expect("default settings are valid")
    }

    /// A builder.
    ///
    /// ```
    /// let a = whosaid::Analyzer::builder().build().unwrap();
    /// # let _ = a;
    /// ```
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::new()
    }

    /// Analyse one text. Never fails and never panics.
    ///
    /// ```
    /// let text = "According to Xinhua, the talks were candid.";
    /// let doc = whosaid::Analyzer::new().analyze(text);
    /// let a = &doc.attributions[0];
    /// assert_eq!(a.content.text(text), "the talks were candid");
    /// assert_eq!(a.medium.unwrap().text(text), "Xinhua");
    /// ```
    pub fn analyze<'t>(&self, text: &'t str) -> Document<'t> {
        let mut one_call = Workspace {
            one_call: true,
            ..Workspace::default()
        };
        self.analyze_with_workspace(text, &mut one_call)
    }

    /// [`Analyzer::analyze`] with the working memory of `workspace`, kept from one call
    /// to the next: a thread that analyses many texts gives each call the same
    /// workspace, and the attribution stage's vectors (tokens, cues, per-sentence
    /// records) are then allocated once, not once per text. The document is the same
    /// as [`Analyzer::analyze`] gives; it borrows the text, not the workspace.
    ///
    /// ```
    /// use whosaid::{Analyzer, Workspace};
    /// let analyzer = Analyzer::new();
    /// let mut workspace = Workspace::new();
    /// for text in ["“Yes,” she said.", "Ana Ruiz said that the talks failed.", ""] {
    ///     let doc = analyzer.analyze_with_workspace(text, &mut workspace);
    ///     assert_eq!(doc, analyzer.analyze(text));
    /// }
    /// ```
    pub fn analyze_with_workspace<'t>(
        &self,
        text: &'t str,
        workspace: &mut Workspace,
    ) -> Document<'t> {
        if self.inner.html {
            if let Some(decoded) = crate::input::decode_html(text) {
                let doc = self.analyze_text(&decoded.text, workspace);
                return into_original(&doc, text, &decoded);
            }
        }
        self.analyze_text(text, workspace)
    }

    /// [`Analyzer::analyze_with_workspace`] without the input mode.
    fn analyze_text<'t>(&self, text: &'t str, workspace: &mut Workspace) -> Document<'t> {
        let (scratch, one_call) = (&mut workspace.scratch, workspace.one_call);
        let vocabulary = &mut workspace.vocabulary;
        self.analyze_with(
            text,
            vocabulary,
            (&mut workspace.marks, one_call),
            |text, sentences, quotes, extra, skipped| {
                let attributions = if skipped.is_empty() {
                    attribution::attribute_reusing(text, sentences, quotes, extra, scratch)
                } else {
                    attribute_skipping(text, sentences, quotes, extra, skipped, scratch)
                };
                if one_call {
                    *scratch = attribution::Scratch::default();
                }
                attributions
            },
        )
    }

    /// The pipeline with `attribute` as its attribution step (given the text, its
    /// sentences and quotations, the added words and the skipped ranges).
    fn analyze_with<'t>(
        &self,
        text: &'t str,
        vocabulary: &mut attribution::Vocabulary,
        (marks, free_marks): (&mut MarkSet, bool),
        attribute: impl FnOnce(
            &str,
            &[Sentence<'_>],
            &[Quote<'_>],
            &Overlay,
            &[Span],
        ) -> (
            Vec<Attribution>,
            Vec<(Span, bool)>,
            attribution::KindDecisions,
        ),
    ) -> Document<'t> {
        // the lists of the document grow by doubling: each gives back its spare room as
        // soon as it is complete (memory per input byte, issue 16)
        // (each starts with room for a news article's share, one paragraph in
        // `BYTES_PER_PARAGRAPH` bytes and one sentence in `BYTES_PER_SENTENCE`, not four
        // doubled again and again; the room is given back as soon as the list is done,
        // before the attribution stage's peak)
        let mut paras: Vec<Paragraph<'t>> =
            Vec::with_capacity((text.len() / BYTES_PER_PARAGRAPH).min(FIRST_ROOM_CAP));
        paras.extend(paragraphs(text));
        paras.shrink_to_fit();
        let pspans: Vec<Span> = paras.iter().map(|p| p.span).collect();
        let mut sentences: Vec<Sentence<'t>> =
            Vec::with_capacity((text.len() / BYTES_PER_SENTENCE).min(FIRST_ROOM_CAP));
        marks.fill(text);
        self.inner
            .segmenter
            .sentences_in(text, &paras, marks, QuotePolicy::Keep, &mut sentences);
        sentences.shrink_to_fit();
        let mut quotes = self.inner.detector.detect_with_marks(text, &pspans, marks);
        drop(pspans);
        // one call's set of marks (an eighth of the text's size) is freed before the
        // attribution stage's peak; a workspace keeps its room
        if free_marks {
            *marks = MarkSet::default();
        }
        let extra = &self.inner.extra;
        let skipped = skipped_ranges(text, &self.inner.skip);
        let (mut attributions, names, kind_decisions) =
            attribution::with_weights(self.inner.weights.as_ref(), || {
                attribute(text, &sentences, &quotes, extra, &skipped)
            });
        // the attribution stage's decisions about the detector's quotations (a partial
        // quotation nobody said is a term, not speech): applied here, where the two
        // stages' outputs meet, so that neither rewrites the other's
        for qi in kind_decisions.not_speech() {
            quotes[qi].kind = QuoteKind::NotSpeech;
        }
        if let Some(modes) = &self.inner.modes {
            attributions.retain(|a| modes.contains(&a.mode));
        }
        // the list grew in steps and lost the attributions the rules dropped: the
        // document keeps only what it holds
        attributions.shrink_to_fit();
        let speakers = attribution::cluster(text, &mut attributions, &names, extra, vocabulary);
        Document {
            text,
            paragraphs: paras,
            sentences,
            quotes,
            attributions,
            speakers,
        }
    }
}

/// About how many bytes of news text a paragraph takes (PolNeAR train: 17,325 paragraphs
/// in 3,862,591 bytes, 223 each): the room the paragraph list starts with.
const BYTES_PER_PARAGRAPH: usize = 256;

/// About how many bytes of news text a sentence takes (PolNeAR train: 28,457 sentences,
/// 136 bytes each): the room the sentence list starts with.
const BYTES_PER_SENTENCE: usize = 128;

/// The most paragraphs or sentences the lists start with room for (16,384): past an
/// article's size doubling costs little, and a huge text with few breaks (a log line, an
/// encoded blob) must not reserve room it never fills.
const FIRST_ROOM_CAP: usize = 1 << 14;

/// The default analyzer's pipeline with attribution windows of `window` bytes (see
/// `crate::fuzzing`).
#[cfg(fuzzing)]
pub(crate) fn analyze_in_windows(text: &str, window: usize) -> Document<'_> {
    let mut vocabulary = attribution::Vocabulary::default();
    let mut marks = MarkSet::default();
    Analyzer::new().analyze_with(
        text,
        &mut vocabulary,
        (&mut marks, true),
        |text, sentences, quotes, _, _| {
            attribution::attribute_in_windows(text, sentences, quotes, window)
        },
    )
}

/// A document of the decoded copy of `text`, with every span and `&str` taken back into
/// `text` itself.
fn into_original<'t>(doc: &Document<'_>, text: &'t str, decoded: &Decoded) -> Document<'t> {
    let m = |s: Span| decoded.span(s);
    Document {
        text,
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                index: p.index,
                span: m(p.span),
                text: &text[m(p.span)],
            })
            .collect(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| Sentence {
                span: m(s.span),
                text: &text[m(s.span)],
                paragraph: s.paragraph,
            })
            .collect(),
        quotes: doc.quotes.iter().map(|q| q.map_spans(m)).collect(),
        attributions: doc
            .attributions
            .iter()
            .map(|a| Attribution {
                content: m(a.content),
                speaker: a.speaker.map(|x| Mention {
                    span: m(x.span),
                    ..x
                }),
                cue: a.cue.map(m),
                addressee: a.addressee.map(m),
                medium: a.medium.map(m),
                ..*a
            })
            .collect(),
        speakers: doc
            .speakers
            .iter()
            .map(|s| Speaker {
                id: s.id,
                name: &text[m(s.name_span)],
                name_span: m(s.name_span),
                kind: s.kind,
                gender: s.gender,
                mentions: s.mentions.iter().map(|&x| m(x)).collect(),
            })
            .collect(),
    }
}

/// The byte ranges of `text` that the skip patterns match, line by line, in order and
/// not overlapping; empty when there are no patterns.
fn skipped_ranges(text: &str, skip: &[regex::Regex]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    if skip.is_empty() {
        return out;
    }
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let at = out.len();
        for re in skip {
            out.extend(
                re.find_iter(line)
                    .filter(|m| !m.is_empty())
                    .map(|m| Span::new(start + m.start(), start + m.end())),
            );
        }
        // several patterns may match one line: sort and merge its ranges
        if out.len() > at + 1 {
            out[at..].sort_by_key(|s| s.start);
            let mut merged: Vec<Span> = Vec::new();
            for s in out.drain(at..) {
                match merged.last_mut() {
                    Some(m) if s.start <= m.end => m.end = m.end.max(s.end),
                    _ => merged.push(s),
                }
            }
            out.extend(merged);
        }
        start += raw.len();
    }
    out
}

/// Attribute with the `skipped` ranges hidden: the rules read a copy of the text with
/// those bytes turned into spaces (offsets and char boundaries unchanged, so every span
/// holds for the text), and do not see the quotations that lie wholly inside them.
fn attribute_skipping(
    text: &str,
    sentences: &[Sentence<'_>],
    quotes: &[Quote<'_>],
    extra: &Overlay,
    skipped: &[Span],
    scratch: &mut attribution::Scratch,
) -> (
    Vec<Attribution>,
    Vec<(Span, bool)>,
    attribution::KindDecisions,
) {
    let mut masked = String::with_capacity(text.len());
    let mut from = 0;
    for s in skipped {
        masked.push_str(&text[from..s.start]);
        masked.extend(std::iter::repeat_n(' ', s.len()));
        from = s.end;
    }
    masked.push_str(&text[from..]);
    let masked_sentences: Vec<Sentence<'_>> = sentences
        .iter()
        .map(|s| Sentence {
            text: &masked[s.span],
            ..*s
        })
        .collect();
    let hidden = |q: &Quote<'_>| {
        let k = skipped.partition_point(|s| s.end < q.span.end);
        skipped.get(k).is_some_and(|s| s.contains(q.span))
    };
    let kept: Vec<usize> = (0..quotes.len()).filter(|&k| !hidden(&quotes[k])).collect();
    if kept.len() == quotes.len() {
        return attribution::attribute_reusing(&masked, &masked_sentences, quotes, extra, scratch);
    }
    let visible: Vec<Quote<'_>> = kept
        .iter()
        .map(|&k| {
            let mut q = quotes[k].clone();
            q.set_parent(q.parent().and_then(|p| kept.binary_search(&p).ok()));
            q
        })
        .collect();
    let (mut atts, names, decisions) =
        attribution::attribute_reusing(&masked, &masked_sentences, &visible, extra, scratch);
    for a in &mut atts {
        a.quote = a.quote.map(|q| kept[q]);
    }
    (atts, names, decisions.mapped(|q| kept[q]))
}

/// Analyse `text` with the default [`Analyzer`].
///
/// ```
/// let doc = whosaid::analyze("“It is done,” said the minister.");
/// assert_eq!(doc.attributions[0].kind, whosaid::AttributionKind::Direct);
/// ```
pub fn analyze(text: &str) -> Document<'_> {
    static DEFAULT: once_cell::sync::Lazy<Analyzer> = once_cell::sync::Lazy::new(Analyzer::new);
    DEFAULT.analyze(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{QuoteDetector, Segmenter};

    fn engine<T: Send + Sync + Clone + 'static>() {}

    fn movable<T: Send + 'static>() {}

    #[test]
    fn engines_are_send_sync_and_clone() {
        engine::<Analyzer>();
        engine::<Segmenter>();
        engine::<QuoteDetector>();
        // a workspace moves with the thread that owns it (one per batch thread)
        movable::<Workspace>();
    }

    #[test]
    fn a_workspace_carries_nothing_from_one_text_to_the_next() {
        let analyzer = Analyzer::new();
        let long =
            "“We will win,” the mayor said. Ana Ruiz said that the plan failed.\n\n".repeat(2000);
        let skipping = Analyzer::builder()
            .skip_pattern("^Ana")
            .html_input(true)
            .build()
            .expect("valid settings");
        let texts = [
            long.as_str(),
            "“Yes,” she said.",
            "",
            "Critics believe it will fail, the senator told reporters.",
            long.as_str(),
            "&ldquo;No,&rdquo; said Ana Ruiz. Ana said so.",
        ];
        let mut workspace = Workspace::new();
        for text in texts {
            assert_eq!(
                analyzer.analyze_with_workspace(text, &mut workspace),
                analyzer.analyze(text)
            );
            assert_eq!(
                skipping.analyze_with_workspace(text, &mut workspace),
                skipping.analyze(text)
            );
        }
    }

    #[test]
    fn one_analyzer_serves_many_threads() {
        let analyzer = Analyzer::new();
        let texts = ["“Yes,” she said.", "Ana Ruiz said that the talks failed."];
        let counts: Vec<usize> = std::thread::scope(|s| {
            let hs: Vec<_> = texts
                .iter()
                .map(|t| {
                    let a = analyzer.clone();
                    s.spawn(move || a.analyze(t).attributions.len())
                })
                .collect();
            hs.into_iter()
                .map(|h| h.join().expect("no panic"))
                .collect()
        });
        assert_eq!(counts, [1, 1]);
    }
}
