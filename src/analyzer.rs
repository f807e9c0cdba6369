//! The one-call document API: paragraphs, sentences, quotations, attributions and
//! speakers of an article.

use std::sync::Arc;

use crate::attribution::{self, Attribution, EntityKind, Gender, Mode, Speaker};
use crate::error::{Error, ErrorKind};
use crate::lexicon::Weights;
use crate::quote::{MarkStyle, Quote, QuoteDetector, QuoteKind};
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
pub struct AnalyzerBuilder {
    segmenter: Option<Segmenter>,
    detector: Option<QuoteDetector>,
    linking_weights: Option<String>,
    modes: Option<Vec<Mode>>,
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

    /// Build the analyzer.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidLexiconEntry`](crate::ErrorKind::InvalidLexiconEntry) when the
    /// weights given to [`linking_weights`](Self::linking_weights) have a bad line.
    ///
    /// ```
    /// assert!(whosaid::Analyzer::builder().build().is_ok());
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
        Ok(Analyzer {
            inner: Arc::new(Inner {
                segmenter: self.segmenter.unwrap_or_default(),
                detector: self.detector.unwrap_or_default(),
                weights,
                modes: self.modes,
            }),
        })
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
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Document<'t> {
    /// The analysed text.
    #[cfg_attr(feature = "serde", serde(skip))]
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
    /// assert_eq!(doc.quote_of(&doc.attributions[0]).unwrap().text, "“Enough,”");
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
        quoted_hull(a.content, &self.quotes, |q| {
            (q.span, q.parent.is_none() && q.kind != QuoteKind::NotSpeech)
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
        let text = self.text;
        OwnedDocument {
            text: text.to_string(),
            paragraphs: self.paragraphs.iter().map(|p| p.span).collect(),
            sentences: self
                .sentences
                .iter()
                .map(|s| OwnedSentence {
                    span: s.span,
                    paragraph: s.paragraph,
                })
                .collect(),
            quotes: self
                .quotes
                .iter()
                .map(|q| OwnedQuote {
                    span: q.span,
                    content: q.content,
                    pieces: q.pieces.clone(),
                    first_paragraph: q.first_paragraph,
                    last_paragraph: q.last_paragraph,
                    closed: q.closed,
                    parent: q.parent,
                    kind: q.kind,
                    marks: q.marks,
                })
                .collect(),
            attributions: self.attributions.clone(),
            speakers: self
                .speakers
                .iter()
                .map(|s| OwnedSpeaker {
                    id: s.id,
                    name: s.name.to_string(),
                    name_span: s.name_span,
                    kind: s.kind,
                    gender: s.gender,
                    mentions: s.mentions.clone(),
                })
                .collect(),
        }
    }
}

/// A sentence in an [`OwnedDocument`].
///
/// ```
/// let o = whosaid::analyze("One. Two.").to_owned_document();
/// assert_eq!(o.sentences[1].span.start, 5);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedSentence {
    /// Byte span.
    pub span: Span,
    /// Paragraph index.
    pub paragraph: usize,
}

/// A quotation in an [`OwnedDocument`] (see [`Quote`]).
///
/// ```
/// let o = whosaid::analyze("“Hi there,” she said.").to_owned_document();
/// assert!(o.quotes[0].closed);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedQuote {
    /// Hull of the pieces, marks included.
    pub span: Span,
    /// Hull of the text inside the marks.
    pub content: Span,
    /// The pieces with their marks.
    pub pieces: Vec<Span>,
    /// First paragraph.
    pub first_paragraph: usize,
    /// Last paragraph.
    pub last_paragraph: usize,
    /// Whether the closing mark was found.
    pub closed: bool,
    /// Enclosing quotation.
    pub parent: Option<usize>,
    /// What the quotation is used for.
    pub kind: QuoteKind,
    /// Mark convention.
    pub marks: MarkStyle,
}

/// A speaker in an [`OwnedDocument`] (see [`Speaker`]).
///
/// ```
/// let o = whosaid::analyze("“Hi,” said Ana Ruiz.").to_owned_document();
/// assert_eq!(o.speakers[0].name, "Ana Ruiz");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedSpeaker {
    /// Index in the speaker list.
    pub id: usize,
    /// Canonical name.
    pub name: String,
    /// Where the canonical name stands.
    pub name_span: Span,
    /// What the speaker is.
    pub kind: EntityKind,
    /// The speaker's gender.
    #[cfg_attr(feature = "serde", serde(default))]
    pub gender: Gender,
    /// Speaker mentions.
    pub mentions: Vec<Span>,
}

/// The owned, serialisable form of a [`Document`].
///
/// ```
/// # #[cfg(feature = "serde")] {
/// let owned = whosaid::analyze("“Yes,” he said.").to_owned_document();
/// let json = serde_json::to_string(&owned).unwrap();
/// let back: whosaid::OwnedDocument = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, owned);
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OwnedDocument {
    /// The analysed text.
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<OwnedSentence>,
    /// Quotations.
    pub quotes: Vec<OwnedQuote>,
    /// Attributions.
    pub attributions: Vec<Attribution>,
    /// Speakers.
    pub speakers: Vec<OwnedSpeaker>,
}

impl OwnedDocument {
    /// The quoted part of an attribution (see [`Document::quoted_span`]).
    ///
    /// ```
    /// let text = "Ruiz called the plan “a disaster” on Monday.";
    /// let owned = whosaid::analyze(text).to_owned_document();
    /// let q = owned.quoted_span(&owned.attributions[0]).unwrap();
    /// assert_eq!(q.text(text), "“a disaster”");
    /// ```
    pub fn quoted_span(&self, a: &Attribution) -> Option<Span> {
        quoted_hull(a.content, &self.quotes, |q| {
            (q.span, q.parent.is_none() && q.kind != QuoteKind::NotSpeech)
        })
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
        let paras: Vec<Paragraph<'t>> = paragraphs(text).collect();
        let pspans: Vec<Span> = paras.iter().map(|p| p.span).collect();
        let sentences: Vec<Sentence<'t>> = self
            .inner
            .segmenter
            .sentences_with_policy(text, QuotePolicy::Keep)
            .collect();
        let mut quotes = self.inner.detector.detect(text, &pspans);
        let (mut attributions, names) =
            attribution::with_weights(self.inner.weights.as_ref(), || {
                attribution::attribute(text, &sentences, &mut quotes)
            });
        if let Some(modes) = &self.inner.modes {
            attributions.retain(|a| modes.contains(&a.mode));
        }
        let speakers = attribution::cluster(text, &mut attributions, &names);
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

/// The hull of the quotations among `quotes` (in order of their start) that lie inside
/// `content` and are speech: `get` gives a quotation's span and whether it is top-level
/// speech. Looks only at the quotations that start inside `content`.
fn quoted_hull<T>(content: Span, quotes: &[T], get: impl Fn(&T) -> (Span, bool)) -> Option<Span> {
    let lo = quotes.partition_point(|q| get(q).0.start < content.start);
    let mut hull: Option<Span> = None;
    for (s, speech) in quotes[lo..]
        .iter()
        .map(&get)
        .take_while(|(s, _)| s.start < content.end)
    {
        if speech && content.contains(s) {
            hull = Some(hull.map_or(s, |h| h.cover(s)));
        }
    }
    hull
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

    #[test]
    fn engines_are_send_sync_and_clone() {
        engine::<Analyzer>();
        engine::<Segmenter>();
        engine::<QuoteDetector>();
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
