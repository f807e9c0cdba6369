//! The one JSON shape of a document: the record `whosaid annotate --json` writes, the
//! serde form of [`Document`] and of [`OwnedDocument`], and what [`OwnedDocument`] reads
//! back (validated). `schema/document.schema.json` in the repository describes it.
//!
//! Keys are written in alphabetical order at every level (the order the command-line
//! tool has always written). **In the library, every key of the record is listed once,
//! here:** the top-level keys in [`TopLevel`], an attribution's in [`AttributionOut`]
//! (written) and [`AttributionIn`] (read), a speaker's in [`SpeakerOut`] / [`SpeakerIn`].
//! A new field of `Attribution` or `Speaker` is one line in each pair, plus one in the
//! owned type, plus one in the command-line tool's hand-written writer
//! (`cli/src/record.rs`, held to these bytes by its differential tests).
//!
//! Serialisation is typed and borrowed: nothing is copied, no JSON tree is built, and
//! the serializer writes straight to its writer.

use serde::de::Error as _;
use serde::ser::{Serialize, Serializer};
use std::borrow::Cow;

use crate::analyzer::{Document, OwnedAttribution, OwnedDocument, OwnedSpeaker};
use crate::attribution::{Attribution, AttributionKind, EntityKind, Gender, Mode, Rule};
use crate::quote::QuoteKind;
use crate::span::{OffsetConverter, Offsets, Span};

/// A document as a JSON record, with the options of the record: an `id` to write first,
/// whether to include the analysed `text`, and the unit of the offsets.
///
/// `serde_json::to_string(&doc)` is `doc.record()` with its defaults: no id, the text
/// included, UTF-8 byte offsets. [`OwnedDocument`] reads back any record that has the
/// text and byte offsets.
///
/// ```
/// use whosaid::Offsets;
/// let doc = whosaid::analyze("“Fine,” said the mayor.");
/// let line = serde_json::to_string(&doc.record().id("a1").with_text(false)).unwrap();
/// assert!(line.starts_with(r#"{"id":"a1","nonspeech":[],"paragraphs":[[0,27]],"quotes":[{"#));
/// assert!(line.contains(r#""name":"the mayor""#));
/// let chars = serde_json::to_string(&doc.record().offsets(Offsets::Chars)).unwrap();
/// assert!(chars.contains(r#""paragraphs":[[0,23]]"#));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Record<'d, 't, I = ()> {
    doc: &'d Document<'t>,
    id: Option<I>,
    text: bool,
    offsets: Offsets,
}

impl<'t> Document<'t> {
    /// This document as a JSON record with options (see [`Record`]).
    ///
    /// ```
    /// let doc = whosaid::analyze("“Yes,” he said.");
    /// let json = serde_json::to_string(&doc.record().id(7)).unwrap();
    /// assert!(json.starts_with(r#"{"id":7,"#));
    /// ```
    pub fn record(&self) -> Record<'_, 't, ()> {
        Record {
            doc: self,
            id: None,
            text: true,
            offsets: Offsets::Bytes,
        }
    }
}

impl<'d, 't, I> Record<'d, 't, I> {
    /// Write `id` (any serialisable value, written as it is) as the first key.
    ///
    /// ```
    /// let doc = whosaid::analyze("Hello.");
    /// let json = serde_json::to_string(&doc.record().id(["a", "b"])).unwrap();
    /// assert!(json.starts_with(r#"{"id":["a","b"],"#));
    /// ```
    pub fn id<J: Serialize>(self, id: J) -> Record<'d, 't, J> {
        Record {
            doc: self.doc,
            id: Some(id),
            text: self.text,
            offsets: self.offsets,
        }
    }

    /// Include the analysed text as the key `text` (the default; [`OwnedDocument`] needs
    /// it). Batch output leaves it out: the caller has the text already.
    ///
    /// ```
    /// let doc = whosaid::analyze("Hello.");
    /// let json = serde_json::to_string(&doc.record().with_text(false)).unwrap();
    /// assert!(!json.contains(r#""text":"Hello.""#));
    /// ```
    #[must_use]
    pub fn with_text(mut self, text: bool) -> Self {
        self.text = text;
        self
    }

    /// The unit of every offset in the record. Any unit but bytes adds the key
    /// `"offsets"` with its name (`chars`, `utf16`); [`OwnedDocument`] reads byte
    /// offsets only.
    ///
    /// ```
    /// use whosaid::Offsets;
    /// let doc = whosaid::analyze("“Fine,” said the mayor.");
    /// let json = serde_json::to_string(&doc.record().offsets(Offsets::Utf16)).unwrap();
    /// assert!(json.contains(r#""offsets":"utf16""#));
    /// ```
    #[must_use]
    pub fn offsets(mut self, offsets: Offsets) -> Self {
        self.offsets = offsets;
        self
    }
}

/// Maps byte offsets to the record's unit.
#[derive(Clone, Copy)]
struct Unit<'c> {
    converter: Option<&'c OffsetConverter>,
    offsets: Offsets,
}

impl Unit<'_> {
    fn at(self, byte: usize) -> usize {
        match (self.converter, self.offsets) {
            (Some(c), Offsets::Chars) => c.char_offset(byte),
            (Some(c), Offsets::Utf16) => c.utf16_offset(byte),
            _ => byte,
        }
    }

    fn pair(self, span: Span) -> [usize; 2] {
        [self.at(span.start), self.at(span.end)]
    }

    fn span<'t>(self, text: &'t str, span: Span) -> SpanOut<'t> {
        SpanOut {
            end: self.at(span.end),
            start: self.at(span.start),
            text: span.text(text),
        }
    }
}

/// A sequence serialised from an iterator made on demand: no vector is built.
struct SeqOf<F>(F);

impl<F, It> Serialize for SeqOf<F>
where
    F: Fn() -> It,
    It: IntoIterator,
    It::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

fn is_bytes(offsets: &Offsets) -> bool {
    *offsets == Offsets::Bytes
}

/// The record's top-level keys, in the order written.
#[derive(serde::Serialize)]
struct TopLevel<'a, I, NonSpeech, Paragraphs, Quotes, Sentences, Speakers> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a I>,
    /// Quotations that are not speech (titles, names, scare quotes).
    nonspeech: NonSpeech,
    #[serde(skip_serializing_if = "is_bytes")]
    offsets: Offsets,
    /// `[start, end]` of each paragraph.
    paragraphs: Paragraphs,
    /// One entry per attribution ([`AttributionOut`]).
    quotes: Quotes,
    /// `[start, end]` of each sentence.
    sentences: Sentences,
    /// Speaker entities ([`SpeakerOut`]).
    speakers: Speakers,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// A span with its text.
#[derive(serde::Serialize)]
struct SpanOut<'t> {
    end: usize,
    start: usize,
    text: &'t str,
}

/// A quotation that is not speech.
#[derive(serde::Serialize)]
struct NonSpeechOut<'t> {
    end: usize,
    kind: &'static str,
    start: usize,
    text: &'t str,
}

/// One attribution as written. `start`/`end`/`text` is its quoted part (from its first
/// quotation mark to its last) when it has quotations, else its content.
#[derive(serde::Serialize)]
struct AttributionOut<'t, Pieces> {
    addressee: Option<SpanOut<'t>>,
    /// Rounded to two decimals.
    confidence: f64,
    content: SpanOut<'t>,
    cue: Option<SpanOut<'t>>,
    end: usize,
    entity: Option<usize>,
    /// The speaker entity's gender.
    gender: Option<&'static str>,
    kind: &'static str,
    medium: Option<SpanOut<'t>>,
    mode: &'static str,
    /// The speaker entity's name, whitespace normalised.
    name: Option<Cow<'t, str>>,
    /// The top-level speech quotations inside the content, in order.
    pieces: Pieces,
    rule: &'static str,
    speaker: Option<SpanOut<'t>>,
    start: usize,
    text: &'t str,
}

/// One speaker entity as written.
#[derive(serde::Serialize)]
struct SpeakerOut<'t, Mentions> {
    gender: &'static str,
    id: usize,
    kind: &'static str,
    mentions: Mentions,
    /// Whitespace normalised ([`Speaker::normalized_name`](crate::Speaker::normalized_name)).
    name: Cow<'t, str>,
}

/// Confidence as written: two decimals.
fn rounded(confidence: f32) -> f64 {
    (f64::from(confidence) * 100.0).round() / 100.0
}

/// An attribution of a document as written.
fn attribution_out<'a>(
    doc: &'a Document<'_>,
    a: &'a Attribution,
    unit: Unit<'a>,
) -> AttributionOut<'a, impl Serialize + 'a> {
    let text = doc.text;
    let quoted = doc.quoted_span(a).unwrap_or(a.content);
    AttributionOut {
        addressee: a.addressee.map(|s| unit.span(text, s)),
        confidence: rounded(a.confidence),
        content: unit.span(text, a.content),
        cue: a.cue.map(|s| unit.span(text, s)),
        end: unit.at(quoted.end),
        entity: a.entity,
        gender: doc.speaker_of(a).map(|s| s.gender.name()),
        kind: a.kind.name(),
        medium: a.medium.map(|s| unit.span(text, s)),
        mode: a.mode.name(),
        name: doc.speaker_of(a).map(|s| s.normalized_name()),
        pieces: SeqOf(move || doc.quotes_in(a).map(move |q| unit.span(text, q.span))),
        rule: a.rule.name(),
        speaker: a.speaker.map(|m| unit.span(text, m.span)),
        start: unit.at(quoted.start),
        text: quoted.text(text),
    }
}

/// An attribution of an owned document as written (byte offsets).
fn owned_attribution_out<'a>(
    doc: &'a OwnedDocument,
    a: &'a OwnedAttribution,
) -> AttributionOut<'a, impl Serialize + 'a> {
    let text = doc.text.as_str();
    let unit = Unit {
        converter: None,
        offsets: Offsets::Bytes,
    };
    AttributionOut {
        addressee: a.addressee.map(|s| unit.span(text, s)),
        confidence: rounded(a.confidence),
        content: unit.span(text, a.content),
        cue: a.cue.map(|s| unit.span(text, s)),
        end: a.span.end,
        entity: a.entity,
        gender: doc.speaker_of(a).map(|s| s.gender.name()),
        kind: a.kind.name(),
        medium: a.medium.map(|s| unit.span(text, s)),
        mode: a.mode.name(),
        name: doc.speaker_of(a).map(|s| Cow::Borrowed(s.name.as_str())),
        pieces: SeqOf(move || a.pieces.iter().map(move |p| unit.span(text, *p))),
        rule: a.rule.name(),
        speaker: a.speaker.map(|s| unit.span(text, s)),
        start: a.span.start,
        text: a.span.text(text),
    }
}

impl<I: Serialize> Serialize for Record<'_, '_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let text = doc.text;
        let converter = (self.offsets != Offsets::Bytes).then(|| OffsetConverter::new(text));
        let unit = Unit {
            converter: converter.as_ref(),
            offsets: self.offsets,
        };
        TopLevel {
            id: self.id.as_ref(),
            nonspeech: SeqOf(|| {
                doc.quotes
                    .iter()
                    .filter(|q| q.kind == QuoteKind::NotSpeech)
                    .map(|q| NonSpeechOut {
                        end: unit.at(q.span.end),
                        kind: q.kind.name(),
                        start: unit.at(q.span.start),
                        text: q.span.text(text),
                    })
            }),
            offsets: self.offsets,
            paragraphs: SeqOf(|| doc.paragraphs.iter().map(|p| unit.pair(p.span))),
            quotes: SeqOf(|| {
                doc.attributions
                    .iter()
                    .map(|a| attribution_out(doc, a, unit))
            }),
            sentences: SeqOf(|| doc.sentences.iter().map(|s| unit.pair(s.span))),
            speakers: SeqOf(|| {
                doc.speakers.iter().map(|s| SpeakerOut {
                    gender: s.gender.name(),
                    id: s.id,
                    kind: s.kind.name(),
                    mentions: SeqOf(|| s.mentions.iter().map(|m| unit.pair(*m))),
                    name: s.normalized_name(),
                })
            }),
            text: self.text.then_some(text),
        }
        .serialize(serializer)
    }
}

/// The record of [`Document::record`] with its defaults: the text included, byte offsets.
impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.record().serialize(serializer)
    }
}

/// The same record as the [`Document`] it was made from (text included).
impl Serialize for OwnedDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.text.as_str();
        let unit = Unit {
            converter: None,
            offsets: Offsets::Bytes,
        };
        TopLevel::<(), _, _, _, _, _> {
            id: None,
            nonspeech: SeqOf(|| {
                self.nonspeech.iter().map(|q| NonSpeechOut {
                    end: q.end,
                    kind: QuoteKind::NotSpeech.name(),
                    start: q.start,
                    text: q.text(text),
                })
            }),
            offsets: Offsets::Bytes,
            paragraphs: SeqOf(|| self.paragraphs.iter().map(|p| unit.pair(*p))),
            quotes: SeqOf(|| {
                self.attributions
                    .iter()
                    .map(|a| owned_attribution_out(self, a))
            }),
            sentences: SeqOf(|| self.sentences.iter().map(|s| unit.pair(*s))),
            speakers: SeqOf(|| {
                self.speakers.iter().map(|s| SpeakerOut {
                    gender: s.gender.name(),
                    id: s.id,
                    kind: s.kind.name(),
                    mentions: SeqOf(|| s.mentions.iter().map(|m| unit.pair(*m))),
                    name: Cow::Borrowed(s.name.as_str()),
                })
            }),
            text: Some(text),
        }
        .serialize(serializer)
    }
}

/// A span with its text, as read.
#[derive(serde::Deserialize)]
struct SpanIn {
    start: usize,
    end: usize,
    text: String,
}

#[derive(serde::Deserialize)]
struct NonSpeechIn {
    start: usize,
    end: usize,
    text: String,
    kind: QuoteKind,
}

/// One attribution as read (see [`AttributionOut`]).
#[derive(serde::Deserialize)]
struct AttributionIn {
    addressee: Option<SpanIn>,
    confidence: f64,
    content: SpanIn,
    cue: Option<SpanIn>,
    end: usize,
    entity: Option<usize>,
    /// Derived from the speaker; read and checked against it.
    #[serde(default)]
    gender: Option<Gender>,
    kind: AttributionKind,
    medium: Option<SpanIn>,
    mode: Mode,
    name: Option<String>,
    #[serde(default)]
    pieces: Vec<SpanIn>,
    rule: Rule,
    speaker: Option<SpanIn>,
    start: usize,
    text: String,
}

/// One speaker as read (see [`SpeakerOut`]).
#[derive(serde::Deserialize)]
struct SpeakerIn {
    #[serde(default)]
    gender: Gender,
    id: usize,
    kind: EntityKind,
    mentions: Vec<[usize; 2]>,
    name: String,
}

/// The record as read, before it is checked.
#[derive(serde::Deserialize)]
pub(crate) struct DocumentIn {
    #[serde(default)]
    nonspeech: Vec<NonSpeechIn>,
    offsets: Option<String>,
    #[serde(default)]
    paragraphs: Vec<[usize; 2]>,
    quotes: Vec<AttributionIn>,
    #[serde(default)]
    sentences: Vec<[usize; 2]>,
    speakers: Vec<SpeakerIn>,
    text: Option<String>,
}

/// Checks spans against one text, naming the place of a bad one.
struct Checker<'t> {
    text: &'t str,
}

impl Checker<'_> {
    fn span(&self, start: usize, end: usize, place: &dyn Fn() -> String) -> Result<Span, String> {
        let len = self.text.len();
        if start > end {
            return Err(format!(
                "{}: span {start}..{end} ends before it starts",
                place()
            ));
        }
        if end > len {
            return Err(format!(
                "{}: span {start}..{end} is outside the text ({len} bytes)",
                place()
            ));
        }
        if !self.text.is_char_boundary(start) || !self.text.is_char_boundary(end) {
            return Err(format!(
                "{}: span {start}..{end} is not on character boundaries",
                place()
            ));
        }
        Ok(Span { start, end })
    }

    fn with_text(&self, s: &SpanIn, place: &dyn Fn() -> String) -> Result<Span, String> {
        let span = self.span(s.start, s.end, place)?;
        if self.text[span] != *s.text {
            return Err(format!(
                "{}: \"text\" is not the text of span {span}",
                place()
            ));
        }
        Ok(span)
    }

    fn optional(
        &self,
        s: &Option<SpanIn>,
        place: &dyn Fn() -> String,
    ) -> Result<Option<Span>, String> {
        s.as_ref().map(|s| self.with_text(s, place)).transpose()
    }

    fn pair(&self, p: [usize; 2], place: &dyn Fn() -> String) -> Result<Span, String> {
        self.span(p[0], p[1], place)
    }
}

impl TryFrom<DocumentIn> for OwnedDocument {
    type Error = String;

    fn try_from(record: DocumentIn) -> Result<OwnedDocument, String> {
        if let Some(unit) = record.offsets.as_deref().filter(|u| *u != "bytes") {
            return Err(format!(
                "the record has \"offsets\": \"{unit}\"; an OwnedDocument reads UTF-8 byte offsets only"
            ));
        }
        let Some(text) = record.text else {
            return Err(
                "the record has no \"text\": write it with `Document::record()` \
                 (text included by default) or `whosaid annotate --json --text`"
                    .to_string(),
            );
        };
        let check = Checker { text: &text };
        let paragraphs = record
            .paragraphs
            .iter()
            .enumerate()
            .map(|(k, p)| check.pair(*p, &|| format!("paragraphs[{k}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let sentences = record
            .sentences
            .iter()
            .enumerate()
            .map(|(k, p)| check.pair(*p, &|| format!("sentences[{k}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let mut nonspeech = Vec::with_capacity(record.nonspeech.len());
        for (k, q) in record.nonspeech.iter().enumerate() {
            if q.kind != QuoteKind::NotSpeech {
                return Err(format!("nonspeech[{k}]: kind is not \"not-speech\""));
            }
            let span = check.with_text(
                &SpanIn {
                    start: q.start,
                    end: q.end,
                    text: q.text.clone(),
                },
                &|| format!("nonspeech[{k}]"),
            )?;
            nonspeech.push(span);
        }
        let mut speakers = Vec::with_capacity(record.speakers.len());
        for (k, s) in record.speakers.into_iter().enumerate() {
            if s.id != k {
                return Err(format!("speakers[{k}]: id is {}, not its index {k}", s.id));
            }
            let mentions = s
                .mentions
                .iter()
                .enumerate()
                .map(|(m, p)| check.pair(*p, &|| format!("speakers[{k}].mentions[{m}]")))
                .collect::<Result<Vec<_>, _>>()?;
            speakers.push(OwnedSpeaker {
                id: s.id,
                name: s.name,
                kind: s.kind,
                gender: s.gender,
                mentions,
            });
        }
        let mut attributions = Vec::with_capacity(record.quotes.len());
        for (k, a) in record.quotes.iter().enumerate() {
            let at = |field: &'static str| move || format!("quotes[{k}].{field}");
            let span = check.with_text(
                &SpanIn {
                    start: a.start,
                    end: a.end,
                    text: a.text.clone(),
                },
                &|| format!("quotes[{k}]"),
            )?;
            if !(0.0..=1.0).contains(&a.confidence) {
                return Err(format!(
                    "quotes[{k}].confidence: {} is not between 0 and 1",
                    a.confidence
                ));
            }
            if let Some(e) = a.entity {
                if e >= speakers.len() {
                    return Err(format!(
                        "quotes[{k}].entity: {e} is not a speaker index (there are {})",
                        speakers.len()
                    ));
                }
            }
            let expected_name = a.entity.map(|e| speakers[e].name.as_str());
            if a.name.as_deref() != expected_name {
                return Err(format!(
                    "quotes[{k}].name: {:?} is not the name of speaker {:?}",
                    a.name, a.entity
                ));
            }
            let expected_gender = a.entity.map(|e| speakers[e].gender);
            if a.gender.is_some() && a.gender != expected_gender {
                return Err(format!(
                    "quotes[{k}].gender: {:?} is not the gender of speaker {:?}",
                    a.gender, a.entity
                ));
            }
            let pieces = a
                .pieces
                .iter()
                .enumerate()
                .map(|(p, s)| check.with_text(s, &|| format!("quotes[{k}].pieces[{p}]")))
                .collect::<Result<Vec<_>, _>>()?;
            attributions.push(OwnedAttribution {
                span,
                kind: a.kind,
                mode: a.mode,
                content: check.with_text(&a.content, &at("content"))?,
                speaker: check.optional(&a.speaker, &at("speaker"))?,
                entity: a.entity,
                cue: check.optional(&a.cue, &at("cue"))?,
                addressee: check.optional(&a.addressee, &at("addressee"))?,
                medium: check.optional(&a.medium, &at("medium"))?,
                confidence: a.confidence as f32,
                rule: a.rule,
                pieces,
            });
        }
        Ok(OwnedDocument {
            text,
            paragraphs,
            sentences,
            attributions,
            nonspeech,
            speakers,
        })
    }
}

impl<'de> serde::Deserialize<'de> for OwnedDocument {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = DocumentIn::deserialize(deserializer)?;
        OwnedDocument::try_from(record).map_err(D::Error::custom)
    }
}
