//! The one list of the fields of an attribution row.
//!
//! Every output of the bindings is built from [`COLUMNS`]: the attribution dicts of
//! `analyze` and `analyze_many`, the speaker dicts (from the speaker columns), the Arrow
//! schema and the Arrow columns of `to_arrow`, and `whosaid.columns()`. A new field of
//! the library is one line here.

use std::borrow::Cow;
use whosaid::{Attribution, Document, OffsetConverter, Span, Speaker};

/// How offsets are counted in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OffsetUnit {
    /// Code points: Python `str` indices (and Spark's `substring`).
    Chars,
    /// UTF-16 code units: JavaScript and Java `String` indices.
    Utf16,
    /// UTF-8 bytes: the library's own spans.
    Bytes,
}

impl OffsetUnit {
    pub(crate) fn parse(name: &str) -> Option<OffsetUnit> {
        match name {
            "chars" => Some(OffsetUnit::Chars),
            "utf16" => Some(OffsetUnit::Utf16),
            "bytes" => Some(OffsetUnit::Bytes),
            _ => None,
        }
    }
}

/// Converts the byte offsets of one text into the chosen unit.
pub(crate) struct Offsets {
    unit: OffsetUnit,
    converter: Option<OffsetConverter>,
}

impl Offsets {
    pub(crate) fn new(text: &str, unit: OffsetUnit) -> Offsets {
        // Byte offsets need no table; the converter costs one pass over the text.
        let converter = (unit != OffsetUnit::Bytes).then(|| OffsetConverter::new(text));
        Offsets { unit, converter }
    }

    pub(crate) fn offset(&self, byte: usize) -> i64 {
        let converted = match (&self.converter, self.unit) {
            (Some(c), OffsetUnit::Chars) => c.char_offset(byte),
            (Some(c), OffsetUnit::Utf16) => c.utf16_offset(byte),
            _ => byte,
        };
        // Texts longer than i64::MAX cannot exist in memory.
        converted as i64
    }
}

/// One attribution of one document, with what its columns read.
pub(crate) struct Row<'d, 't> {
    pub(crate) doc: &'d Document<'t>,
    pub(crate) attribution: &'d Attribution,
    pub(crate) speaker: Option<&'d Speaker<'t>>,
}

impl<'d, 't> Row<'d, 't> {
    pub(crate) fn new(doc: &'d Document<'t>, attribution: &'d Attribution) -> Row<'d, 't> {
        Row {
            doc,
            attribution,
            speaker: doc.speaker_of(attribution),
        }
    }
}

/// How a column reads its value.
pub(crate) enum Getter {
    /// A span of the text: three columns, `NAME` (its text), `NAME_start`, `NAME_end`.
    Span(for<'d, 't> fn(&Row<'d, 't>) -> Option<Span>),
    /// A string of the attribution (an enum's name).
    Text(for<'d, 't> fn(&Row<'d, 't>) -> Option<&'static str>),
    /// A string of the attribution's speaker entity; also a field of the speaker dicts.
    SpeakerText(for<'d, 't> fn(&'d Speaker<'t>) -> Cow<'t, str>),
    /// A whole number.
    Int(for<'d, 't> fn(&Row<'d, 't>) -> Option<i64>),
    /// A number between 0 and 1.
    Float(for<'d, 't> fn(&Row<'d, 't>) -> f32),
}

/// One field of an attribution row.
pub(crate) struct Column {
    pub(crate) name: &'static str,
    pub(crate) about: &'static str,
    pub(crate) get: Getter,
}

/// The fields of an attribution row, in output order (after the article id).
pub(crate) static COLUMNS: &[Column] = &[
    Column {
        name: "kind",
        about: "direct, mixed, partial or indirect",
        get: Getter::Text(|r| Some(r.attribution.kind.name())),
    },
    Column {
        name: "mode",
        about: "what kind of act it reports: speech, writing, thought or evidence",
        get: Getter::Text(|r| Some(r.attribution.mode.name())),
    },
    Column {
        name: "content",
        about: "the reported content: the quotation with its marks, or the reported clause",
        get: Getter::Span(|r| Some(r.attribution.content)),
    },
    Column {
        name: "quoted",
        about: "the quoted part, first quotation mark to last (null for indirect speech)",
        get: Getter::Span(|r| r.doc.quoted_span(r.attribution)),
    },
    Column {
        name: "speaker",
        about: "the speaker mention nearest the cue",
        get: Getter::Span(|r| r.attribution.speaker.map(|m| m.span)),
    },
    Column {
        name: "name",
        about: "the speaker entity's canonical name",
        get: Getter::SpeakerText(|s| s.normalized_name()),
    },
    Column {
        name: "entity_kind",
        about: "what the speaker entity is: person, organisation, group or unnamed",
        get: Getter::SpeakerText(|s| Cow::Borrowed(s.kind.name())),
    },
    Column {
        name: "gender",
        about: "the speaker entity's gender: female, male or unknown",
        get: Getter::SpeakerText(|s| Cow::Borrowed(s.gender.name())),
    },
    Column {
        name: "entity",
        about: "index of the speaker entity in the article's speakers",
        get: Getter::Int(|r| r.attribution.entity.map(|e| e as i64)),
    },
    Column {
        name: "cue",
        about: "the cue: said, told, according to, a colon",
        get: Getter::Span(|r| r.attribution.cue),
    },
    Column {
        name: "addressee",
        about: "who was spoken to",
        get: Getter::Span(|r| r.attribution.addressee),
    },
    Column {
        name: "medium",
        about: "through what: in a statement, told CNN, according to Xinhua",
        get: Getter::Span(|r| r.attribution.medium),
    },
    Column {
        name: "confidence",
        about: "confidence in the speaker, 0 to 1",
        get: Getter::Float(|r| r.attribution.confidence),
    },
    Column {
        name: "rule",
        about: "the rule that decided",
        get: Getter::Text(|r| Some(r.attribution.rule.name())),
    },
];

/// The type of one output field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FieldType {
    Text,
    Int,
    Float,
}

impl FieldType {
    pub(crate) fn name(self) -> &'static str {
        match self {
            FieldType::Text => "string",
            FieldType::Int => "int64",
            FieldType::Float => "float32",
        }
    }
}

/// The flat output fields of the columns: a span column gives three.
pub(crate) fn fields() -> Vec<(String, FieldType, String)> {
    let mut out = Vec::new();
    for column in COLUMNS {
        match column.get {
            Getter::Span(_) => {
                out.push((
                    column.name.to_string(),
                    FieldType::Text,
                    column.about.into(),
                ));
                for end in ["start", "end"] {
                    out.push((
                        format!("{}_{end}", column.name),
                        FieldType::Int,
                        format!("{end} offset of {}", column.name),
                    ));
                }
            }
            Getter::Text(_) | Getter::SpeakerText(_) => {
                out.push((column.name.into(), FieldType::Text, column.about.into()))
            }
            Getter::Int(_) => out.push((column.name.into(), FieldType::Int, column.about.into())),
            Getter::Float(_) => {
                out.push((column.name.into(), FieldType::Float, column.about.into()))
            }
        }
    }
    out
}

/// One value of a flat field.
pub(crate) enum Value<'t> {
    Text(Option<Cow<'t, str>>),
    Int(Option<i64>),
    Float(f32),
}

/// The flat values of one row, in the order of [`fields`].
pub(crate) fn values<'t>(row: &Row<'_, 't>, offsets: &Offsets, mut emit: impl FnMut(Value<'t>)) {
    let text: &'t str = row.doc.text;
    for column in COLUMNS {
        match column.get {
            Getter::Span(get) => {
                let span = get(row);
                emit(Value::Text(span.map(|s| Cow::Borrowed(s.text(text)))));
                emit(Value::Int(span.map(|s| offsets.offset(s.start))));
                emit(Value::Int(span.map(|s| offsets.offset(s.end))));
            }
            Getter::Text(get) => emit(Value::Text(get(row).map(Cow::Borrowed))),
            Getter::SpeakerText(get) => emit(Value::Text(row.speaker.map(get))),
            Getter::Int(get) => emit(Value::Int(get(row))),
            Getter::Float(get) => emit(Value::Float(get(row))),
        }
    }
}

/// The speaker-level columns (name, entity kind, …): the fields of a speaker dict.
pub(crate) fn speaker_fields<'t>(
    speaker: &Speaker<'t>,
) -> impl Iterator<Item = (&'static str, Cow<'t, str>)> {
    COLUMNS.iter().filter_map(move |column| match column.get {
        Getter::SpeakerText(get) => Some((column.name, get(speaker))),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_a_field() {
        let text = "“Fine,” said the mayor. Ana Ruiz told Reuters that the deal was dead.";
        let doc = whosaid::analyze(text);
        let offsets = Offsets::new(text, OffsetUnit::Chars);
        for a in &doc.attributions {
            let mut n = 0;
            values(&Row::new(&doc, a), &offsets, |_| n += 1);
            assert_eq!(n, fields().len());
        }
    }

    #[test]
    fn field_names_are_unique() {
        let names: Vec<String> = fields().into_iter().map(|f| f.0).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "“Fine,” said the mayor.";
        let offsets = Offsets::new(text, OffsetUnit::Chars);
        let mayor = text.find("the mayor").unwrap();
        assert_eq!(offsets.offset(mayor), 13);
        assert_eq!(Offsets::new(text, OffsetUnit::Bytes).offset(mayor), 17);
    }
}
