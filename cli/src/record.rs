//! The JSON record of a document written by hand: the bytes that `serde_json` writes for
//! `doc.record().id(id).with_text(…).offsets(…)` (the library's `src/record.rs`), byte
//! for byte, without serde's walk of the typed record.
//!
//! Serde's walk cost 95 M of the 1,133 M instructions of `annotate --jsonl` over
//! PolNeAR train: each field a call through `Serialize`, each optional span a match,
//! each key a separate store, a speaker's normalised name made again for each of its
//! attributions. Here the keys and the punctuation around them are one constant store
//! each, an attribution's quotations are walked once for its ends and once for its
//! pieces, and each speaker's name is normalised once per document.
//!
//! The layout is the library's: keys in alphabetical order at every level, `null` for an
//! absent span, the confidence rounded to two decimals. The keys are thus listed a second
//! time here; the tests `same_bytes_as_serde_json_on_*` hold the two writers to the same bytes over generated documents (every unit of
//! offsets, with and without text and id, odd names, confidences and entities) and over
//! the PolNeAR dev texts when they are present.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;
use whosaid::{Document, OffsetConverter, Offsets, QuoteKind, Span};

use crate::json::{write_str, write_u64};

/// Writes the record of `doc` (with `id` first, when there is one) at the end of `out`:
/// what `serde_json::to_writer(out, &doc.record().id(id).with_text(with_text)
/// .offsets(offsets))` writes.
pub fn write<I: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    doc: &Document<'_>,
    id: Option<&I>,
    with_text: bool,
    offsets: Offsets,
) -> Result<(), serde_json::Error> {
    match offsets {
        Offsets::Bytes => write_in(out, doc, id, with_text, offsets, |byte| byte),
        Offsets::Chars | Offsets::Utf16 => {
            let converter = OffsetConverter::new(doc.text);
            if offsets == Offsets::Chars {
                write_in(out, doc, id, with_text, offsets, |byte| {
                    converter.char_offset(byte)
                })
            } else {
                write_in(out, doc, id, with_text, offsets, |byte| {
                    converter.utf16_offset(byte)
                })
            }
        }
        // a unit this writer does not know: the library's own serialisation
        _ => {
            let record = doc.record().with_text(with_text).offsets(offsets);
            match id {
                Some(id) => crate::json::write(out, &record.id(id)),
                None => crate::json::write(out, &record),
            }
        }
    }
}

/// [`write`] with `at` mapping a byte offset to the record's unit.
fn write_in<I: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    doc: &Document<'_>,
    id: Option<&I>,
    with_text: bool,
    offsets: Offsets,
    at: impl Fn(usize) -> usize + Copy,
) -> Result<(), serde_json::Error> {
    let text = doc.text;
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        crate::json::write(out, id)?;
        out.push(b',');
    }
    out.extend_from_slice(b"\"nonspeech\":[");
    let mut first = true;
    for quote in doc.quotes.iter().filter(|q| q.kind == QuoteKind::NotSpeech) {
        comma(out, &mut first);
        out.extend_from_slice(b"{\"end\":");
        write_u64(out, at(quote.span.end) as u64);
        out.extend_from_slice(b",\"kind\":");
        write_str(out, quote.kind.name());
        out.extend_from_slice(b",\"start\":");
        write_u64(out, at(quote.span.start) as u64);
        out.extend_from_slice(b",\"text\":");
        write_str(out, quote.span.text(text));
        out.push(b'}');
    }
    out.push(b']');
    if offsets != Offsets::Bytes {
        out.extend_from_slice(b",\"offsets\":");
        crate::json::write(out, &offsets)?;
    }
    out.extend_from_slice(b",\"paragraphs\":");
    write_pairs(out, doc.paragraphs.iter().map(|p| p.span), at);
    // each speaker's name as written, normalised once for all its attributions
    let names: Vec<Cow<'_, str>> = doc
        .speakers
        .iter()
        .map(|s| {
            if is_plain_name(s.name) {
                Cow::Borrowed(s.name)
            } else {
                s.normalized_name()
            }
        })
        .collect();
    out.extend_from_slice(b",\"quotes\":[");
    let mut first = true;
    for attribution in &doc.attributions {
        comma(out, &mut first);
        let speaker = attribution
            .entity
            .and_then(|e| Some((doc.speakers.get(e)?, names.get(e)?)));
        let quoted = doc.quoted_span(attribution).unwrap_or(attribution.content);
        out.extend_from_slice(b"{\"addressee\":");
        write_optional_span(out, text, attribution.addressee, at);
        out.extend_from_slice(b",\"confidence\":");
        write_confidence(out, attribution.confidence)?;
        out.extend_from_slice(b",\"content\":");
        let content_string = write_span(out, text, attribution.content, at);
        // the quoted part's string, when a span written before it is the same span: the
        // escaped bytes are copied, not made again (the content is the quoted part in
        // nine attributions of ten, and a lone piece is too)
        let mut quoted_string = (quoted == attribution.content).then(|| content_string.clone());
        out.extend_from_slice(b",\"cue\":");
        write_optional_span(out, text, attribution.cue, at);
        out.extend_from_slice(b",\"end\":");
        write_u64(out, at(quoted.end) as u64);
        out.extend_from_slice(b",\"entity\":");
        match attribution.entity {
            Some(entity) => write_u64(out, entity as u64),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"gender\":");
        match speaker {
            Some((speaker, _)) => write_str(out, speaker.gender.name()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"kind\":");
        write_str(out, attribution.kind.name());
        out.extend_from_slice(b",\"medium\":");
        write_optional_span(out, text, attribution.medium, at);
        out.extend_from_slice(b",\"mode\":");
        write_str(out, attribution.mode.name());
        out.extend_from_slice(b",\"name\":");
        match speaker {
            Some((_, name)) => write_str(out, name),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"pieces\":[");
        let mut first_piece = true;
        for quote in doc.quotes_in(attribution) {
            comma(out, &mut first_piece);
            if quote.span == attribution.content {
                write_span_as(out, quote.span, at, content_string.clone());
            } else {
                let string = write_span(out, text, quote.span, at);
                if quote.span == quoted && quoted_string.is_none() {
                    quoted_string = Some(string);
                }
            }
        }
        out.extend_from_slice(b"],\"rule\":");
        write_str(out, attribution.rule.name());
        out.extend_from_slice(b",\"speaker\":");
        write_optional_span(out, text, attribution.speaker.map(|m| m.span), at);
        out.extend_from_slice(b",\"start\":");
        write_u64(out, at(quoted.start) as u64);
        out.extend_from_slice(b",\"text\":");
        match quoted_string {
            Some(string) => out.extend_from_within(string),
            None => write_str(out, quoted.text(text)),
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"sentences\":");
    write_pairs(out, doc.sentences.iter().map(|s| s.span), at);
    out.extend_from_slice(b",\"speakers\":[");
    let mut first = true;
    for (speaker, name) in doc.speakers.iter().zip(&names) {
        comma(out, &mut first);
        out.extend_from_slice(b"{\"gender\":");
        write_str(out, speaker.gender.name());
        out.extend_from_slice(b",\"id\":");
        write_u64(out, speaker.id as u64);
        out.extend_from_slice(b",\"kind\":");
        write_str(out, speaker.kind.name());
        out.extend_from_slice(b",\"mentions\":");
        write_pairs(out, speaker.mentions.iter().copied(), at);
        out.extend_from_slice(b",\"name\":");
        write_str(out, name);
        out.push(b'}');
    }
    out.push(b']');
    if with_text {
        out.extend_from_slice(b",\"text\":");
        write_str(out, text);
    }
    out.push(b'}');
    Ok(())
}

/// Is `name` its own normalised form for the plain reason that it is printable ASCII
/// words between single spaces? (Most names; `Speaker::normalized_name` then borrows it
/// as it stands, after a slower test for double spaces.) One pass over its bytes.
fn is_plain_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| (b' '..0x80).contains(&b))
        && !bytes.windows(2).any(|pair| pair == b"  ")
}

/// A comma before every element of a sequence but its first.
#[inline(always)]
fn comma(out: &mut Vec<u8>, first: &mut bool) {
    if *first {
        *first = false;
    } else {
        out.push(b',');
    }
}

/// `[[start,end],…]`.
fn write_pairs(out: &mut Vec<u8>, spans: impl Iterator<Item = Span>, at: impl Fn(usize) -> usize) {
    out.push(b'[');
    let mut first = true;
    for span in spans {
        comma(out, &mut first);
        out.push(b'[');
        write_u64(out, at(span.start) as u64);
        out.push(b',');
        write_u64(out, at(span.end) as u64);
        out.push(b']');
    }
    out.push(b']');
}

/// `{"end":…,"start":…,"text":…}`; the place in `out` of the text's JSON string.
#[inline]
fn write_span(
    out: &mut Vec<u8>,
    text: &str,
    span: Span,
    at: impl Fn(usize) -> usize,
) -> Range<usize> {
    out.extend_from_slice(b"{\"end\":");
    write_u64(out, at(span.end) as u64);
    out.extend_from_slice(b",\"start\":");
    write_u64(out, at(span.start) as u64);
    out.extend_from_slice(b",\"text\":");
    let from = out.len();
    write_str(out, span.text(text));
    let string = from..out.len();
    out.push(b'}');
    string
}

/// [`write_span`] of a span whose text's JSON string is already at `string` in `out`:
/// copied from there.
fn write_span_as(out: &mut Vec<u8>, span: Span, at: impl Fn(usize) -> usize, string: Range<usize>) {
    out.extend_from_slice(b"{\"end\":");
    write_u64(out, at(span.end) as u64);
    out.extend_from_slice(b",\"start\":");
    write_u64(out, at(span.start) as u64);
    out.extend_from_slice(b",\"text\":");
    out.extend_from_within(string);
    out.push(b'}');
}

/// A span, or `null`.
#[inline]
fn write_optional_span(
    out: &mut Vec<u8>,
    text: &str,
    span: Option<Span>,
    at: impl Fn(usize) -> usize,
) {
    match span {
        Some(span) => {
            write_span(out, text, span, at);
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// `serde_json`'s text of each number of hundredths from 0 to 1 (`0.0`, `0.01`, …,
/// `1.0`), made by `serde_json` itself.
static HUNDREDTHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0..=100u8)
        .map(|k| {
            serde_json::to_string(&(f64::from(k) / 100.0))
                .expect("serde_json writes every finite number")
        })
        .collect()
});

/// A confidence as the library writes it: rounded to two decimals, as an `f64`. The
/// usual one (between 0 and 1) is looked up; any other (NaN, out of range) is written by
/// `serde_json`.
fn write_confidence(out: &mut Vec<u8>, confidence: f32) -> Result<(), serde_json::Error> {
    let hundredths = (f64::from(confidence) * 100.0).round();
    // (-0.0 is in the range but written `-0.0`)
    if (0.0..=100.0).contains(&hundredths) && hundredths.is_sign_positive() {
        if let Some(written) = HUNDREDTHS.get(hundredths as usize) {
            out.extend_from_slice(written.as_bytes());
            return Ok(());
        }
    }
    serde_json::to_writer(out, &(hundredths / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::value::RawValue;
    use whosaid::Analyzer;

    /// Pieces of invented news text, with what the writer must escape or count in
    /// other units: quotation marks of every kind, controls, backslashes, no-break and
    /// zero-width spaces in names, accents, astral characters, line breaks.
    const FRAGMENTS: &[&str] = &[
        "“We will finish the bridge,” said Mayor Ana Ruiz.",
        " The harbour board told Reuters that the vote was close.",
        " \"Nobody asked us,\" he said, \"and nobody will.\"",
        " Julia\u{a0}Ng, the treasurer, said the fund was \"solvent\" and “growing.”",
        " According to the agency, the talks ended early.",
        " She tweeted: “Back to work 😀.”",
        " Zoë Kovač\u{200b}Brandt wrote in a statement that costs \\ fees rose.",
        "\n\n",
        "\n",
        " A tab\there and a bell \u{7} and \u{1f} and \r carriage returns.",
        " The ‘so-called’ reforms, critics said, were “a mirage,” he added.",
        " “Yes.” “No.” “Maybe,” the envoy told the minister.",
        " Officials said on Monday that \"the plan\" was dead",
        " 日本の記者は「はい」と言った。",
        " \u{2028}Lines\u{2029} apart, the clerk said.",
        "",
    ];

    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Draws(u64);

    impl Draws {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn generated_text(draws: &mut Draws) -> String {
        let pieces = draws.below(12);
        (0..pieces)
            .map(|_| FRAGMENTS[draws.below(FRAGMENTS.len())])
            .collect()
    }

    /// Both writers over `doc` with every option: the same bytes.
    fn same_bytes(doc: &Document<'_>, what: &str) {
        let raw_ids = [
            "123456789012345678901234567890",
            "{\"a\": [1, 2.50]}",
            "null",
            "\"é\\u0001\"",
            "-0.0",
        ];
        let raws: Vec<Box<RawValue>> = raw_ids
            .iter()
            .map(|raw| RawValue::from_string((*raw).to_string()).unwrap())
            .collect();
        for offsets in [Offsets::Bytes, Offsets::Chars, Offsets::Utf16] {
            for with_text in [true, false] {
                let record = doc.record().with_text(with_text).offsets(offsets);
                let mut ours = Vec::new();
                write::<()>(&mut ours, doc, None, with_text, offsets).unwrap();
                let theirs = serde_json::to_vec(&record).unwrap();
                assert!(
                    ours == theirs,
                    "{what}, {offsets:?}, text {with_text}:\n{}\n{}",
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&theirs)
                );
                for raw in &raws {
                    let mut ours = Vec::new();
                    write(&mut ours, doc, Some(raw), with_text, offsets).unwrap();
                    let theirs = serde_json::to_vec(&record.id(raw)).unwrap();
                    assert_eq!(ours, theirs, "{what}, id {raw}, {offsets:?}");
                }
                let name = "a name \"made\" by the tool\n";
                let mut ours = Vec::new();
                write(&mut ours, doc, Some(name), with_text, offsets).unwrap();
                assert_eq!(ours, serde_json::to_vec(&record.id(name)).unwrap());
            }
        }
    }

    #[test]
    fn same_bytes_as_serde_json_on_generated_documents() {
        let analyzer = Analyzer::new();
        let mut draws = Draws(0x9e37_79b9_7f4a_7c15);
        let mut attributions = 0;
        // how often each field the writer treats by case takes each case: a test over
        // documents that never set one would not hold that case to serde's bytes
        let mut seen = std::collections::BTreeMap::<&str, usize>::new();
        for round in 0..400 {
            let text = generated_text(&mut draws);
            let doc = analyzer.analyze(&text);
            attributions += doc.attributions.len();
            for a in &doc.attributions {
                let cases = [
                    ("addressee set", a.addressee.is_some()),
                    ("addressee null", a.addressee.is_none()),
                    ("medium set", a.medium.is_some()),
                    ("medium null", a.medium.is_none()),
                    ("cue set", a.cue.is_some()),
                    ("cue null", a.cue.is_none()),
                    ("speaker set", a.speaker.is_some()),
                    ("speaker null", a.speaker.is_none()),
                    ("entity set", a.entity.is_some()),
                    ("entity null", a.entity.is_none()),
                    ("no quotation", doc.quoted_span(a).is_none()),
                    ("two pieces or more", doc.quotes_in(a).count() > 1),
                ];
                for (case, holds) in cases {
                    *seen.entry(case).or_default() += usize::from(holds);
                }
            }
            *seen.entry("nonspeech").or_default() +=
                usize::from(doc.quotes.iter().any(|q| q.kind == QuoteKind::NotSpeech));
            same_bytes(&doc, &format!("round {round}: {text:?}"));
        }
        assert!(
            attributions > 400,
            "the texts make attributions: {attributions}"
        );
        let missing: Vec<_> = seen.iter().filter(|(_, n)| **n == 0).collect();
        assert!(missing.is_empty(), "cases never generated: {missing:?}");
    }

    #[test]
    fn same_bytes_as_serde_json_on_odd_values() {
        let text = "“We will finish the bridge,” said Mayor Ana Ruiz. \
                    Julia\u{a0}Ng, the treasurer, told the board that it was \"solvent.\"";
        let base = Analyzer::new().analyze(text);
        assert!(base.attributions.len() >= 2 && !base.speakers.is_empty());
        let confidences = [
            0.0,
            -0.0,
            -0.004,
            0.005,
            0.015,
            0.994,
            0.995,
            1.0,
            1.5,
            -0.3,
            1e30,
            f32::MAX,
            f32::MIN_POSITIVE,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        for confidence in confidences {
            let mut doc = base.clone();
            doc.attributions[0].confidence = confidence;
            same_bytes(&doc, &format!("confidence {confidence}"));
        }
        for k in 0..=1000 {
            let mut doc = base.clone();
            doc.attributions[0].confidence = k as f32 / 1000.0;
            same_bytes(&doc, &format!("confidence {k}/1000"));
        }
        // an entity past the speakers: no name nor gender, the entity written
        let mut doc = base.clone();
        doc.attributions[0].entity = Some(usize::MAX);
        doc.attributions[1].entity = None;
        same_bytes(&doc, "entities");
        // names with controls, quotes, odd spaces, or empty
        for name in [
            "",
            " ",
            "a\u{1}b\"c\\d",
            "  Ana \u{200b} Ruiz\n",
            "Zoë\u{a0}\u{a0}Brandt",
        ] {
            let mut doc = base.clone();
            doc.speakers[0].name = name;
            same_bytes(&doc, &format!("name {name:?}"));
        }
        // no attributions, no speakers, an empty text
        let mut doc = base.clone();
        doc.attributions.clear();
        doc.speakers.clear();
        same_bytes(&doc, "nothing found");
        same_bytes(&Analyzer::new().analyze(""), "empty text");
    }

    #[test]
    fn a_plain_name_is_its_normalised_form() {
        let text = "“We will finish the bridge,” said Mayor Ana Ruiz.";
        let base = Analyzer::new().analyze(text);
        for name in [
            "Ana Ruiz",
            "",
            "A",
            " Ana",
            "Ana ",
            "Ana  Ruiz",
            "Ana\tRuiz",
            "Ana\u{a0}Ruiz",
            "Zoë Brandt",
            "O'Neil-Smith Jr.",
            "a\u{7f}b",
            "x\u{200b}y",
        ] {
            let mut speaker = base.speakers[0].clone();
            speaker.name = name;
            if is_plain_name(name) {
                assert_eq!(speaker.normalized_name(), Cow::Borrowed(name), "{name:?}");
            }
        }
        assert!(is_plain_name("Ana Ruiz") && !is_plain_name("Ana  Ruiz"));
        assert!(!is_plain_name(" Ana") && !is_plain_name("Zoë"));
    }

    /// The PolNeAR dev texts (from the shared data, when present).
    #[test]
    fn same_bytes_as_serde_json_on_polnear_dev() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data/polnear/dev/text");
        let Ok(entries) = std::fs::read_dir(&folder) else {
            eprintln!("skipped: no PolNeAR dev texts at {}", folder.display());
            return;
        };
        let analyzer = Analyzer::new();
        let mut read = 0;
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let doc = analyzer.analyze(&text);
            for offsets in [Offsets::Bytes, Offsets::Chars, Offsets::Utf16] {
                let mut ours = Vec::new();
                write(&mut ours, &doc, Some("x"), true, offsets).unwrap();
                let theirs = serde_json::to_vec(&doc.record().id("x").offsets(offsets)).unwrap();
                assert!(ours == theirs, "{} {offsets:?}", entry.path().display());
            }
            read += 1;
        }
        assert!(read > 50, "{read} dev texts read");
    }
}
