//! Compact JSON written straight into a byte buffer: the output of `serde_json::to_writer`
//! byte for byte, with strings escaped eight bytes at a time.
//!
//! Most of a record's bytes are the texts of its spans, and `serde_json` tests each byte
//! of a string against its escape table (about a tenth of the whole `annotate --jsonl`
//! run). Here a string is copied in runs: eight bytes are tested at once for a quote, a
//! backslash or a control byte, and only a group holding one is looked at byte by byte.
//! Numbers go through `serde_json` itself, so they are written exactly as it writes them.

use serde::ser::{self, Impossible, Serialize};

/// The struct name and field `serde_json` gives a `RawValue` when serializing it: its
/// text is written as it stands.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// Writes `value` as compact JSON at the end of `out`: what `serde_json::to_writer(out,
/// value)` writes.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), serde_json::Error> {
    value.serialize(&mut Writer { out })
}

/// The serializer of [`write`].
pub struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of (at least) the lowest byte of `w` that is a `"`, a `\` or below 0x20,
/// when there is one; zero when there is none (bytes above a flagged one may be flagged
/// falsely: the group is then read byte by byte).
#[inline(always)]
fn escape_flags(w: u64) -> u64 {
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    control | zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\')))
}

/// `serde_json`'s escape of byte `b`, or `None` for a byte written as it is.
#[inline]
fn escape_of(b: u8) -> Option<[u8; 6]> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = |c: u8| Some([b'\\', c, 0, 0, 0, 0]);
    match b {
        b'"' => short(b'"'),
        b'\\' => short(b'\\'),
        0x08 => short(b'b'),
        b'\t' => short(b't'),
        b'\n' => short(b'n'),
        0x0c => short(b'f'),
        b'\r' => short(b'r'),
        0..=0x1f => Some([
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xf)],
        ]),
        _ => None,
    }
}

/// The eight bytes of `bytes` at `at` as a little-endian word.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(w)
}

/// Does a byte of `bytes` need an escape? Eight bytes at a time; the last group is the
/// last eight bytes (overlapping the one before), and a string of four to seven bytes
/// is two overlapping groups of four, so that the short strings of a record (names,
/// kinds, cue words) are one or two tests.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    let is_escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let n = bytes.len();
    if n >= 8 {
        let mut at = 0;
        while at + 8 <= n {
            if escape_flags(load8(bytes, at)) != 0 {
                return true;
            }
            at += 8;
        }
        at < n && escape_flags(load8(bytes, n - 8)) != 0
    } else if n >= 4 {
        let four = |from: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(&bytes[from..from + 4]);
            u64::from(u32::from_le_bytes(w))
        };
        escape_flags(four(0) | four(n - 4) << 32) != 0
    } else {
        bytes.iter().any(|&b| is_escaped(b))
    }
}

/// `s` as a JSON string (quotes included) at the end of `out`.
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if needs_escape(bytes) {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// The contents of a string that has a byte to escape: runs of eight bytes without one
/// are skipped at once, a group holding one is read byte by byte.
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    // bytes[copied..at] are known to need no escape
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        if at + 8 <= bytes.len() && escape_flags(load8(bytes, at)) == 0 {
            at += 8;
            continue;
        }
        let group_end = (at + 8).min(bytes.len());
        for (k, &b) in bytes[at..group_end].iter().enumerate() {
            if let Some(escape) = escape_of(b) {
                out.extend_from_slice(&bytes[copied..at + k]);
                let len = if escape[1] == b'u' { 6 } else { 2 };
                out.extend_from_slice(&escape[..len]);
                copied = at + k + 1;
            }
        }
        at = group_end;
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// A number (or anything else) written by `serde_json` itself.
fn by_serde_json<T: Serialize>(out: &mut Vec<u8>, value: T) -> Result<(), serde_json::Error> {
    serde_json::to_writer(out, &value)
}

/// A sequence or map being written: whether an element was written yet.
pub struct Compound<'a, 'o> {
    writer: &'a mut Writer<'o>,
    first: bool,
    /// The closing bytes: `]`, `}` or `]}` / `}}` for an enum variant's contents.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.writer.out.push(b',');
        }
    }
}

/// A `RawValue` being written (its one field is its JSON text).
pub struct Raw<'a, 'o> {
    writer: &'a mut Writer<'o>,
}

impl<'a, 'o> Writer<'o> {
    fn open(&'a mut self, open: &[u8], close: &'static [u8]) -> Compound<'a, 'o> {
        self.out.extend_from_slice(open);
        Compound {
            writer: self,
            first: true,
            close,
        }
    }

    /// `{"variant":` before an enum variant's contents.
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }
}

impl<'a, 'o> ser::Serializer for &'a mut Writer<'o> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = StructWriter<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, v: bool) -> Result<(), serde_json::Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), serde_json::Error> {
        write_str(self.out, v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), serde_json::Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    fn serialize_none(self) -> Result<(), serde_json::Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), serde_json::Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), serde_json::Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), serde_json::Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), serde_json::Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, serde_json::Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a, 'o>, serde_json::Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, serde_json::Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, serde_json::Error> {
        self.variant_key(variant);
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'o>, serde_json::Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<StructWriter<'a, 'o>, serde_json::Error> {
        if name == RAW_VALUE_TOKEN {
            return Ok(StructWriter::Raw(Raw { writer: self }));
        }
        Ok(StructWriter::Fields(self.open(b"{", b"}")))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'o>, serde_json::Error> {
        self.variant_key(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.comma();
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), serde_json::Error> {
        self.writer.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), serde_json::Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), serde_json::Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), serde_json::Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), serde_json::Error> {
        self.comma();
        key.serialize(KeyWriter {
            out: self.writer.out,
        })?;
        self.writer.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), serde_json::Error> {
        self.writer.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        ser::SerializeMap::serialize_entry(self, key, value)
    }
    fn end(self) -> Result<(), serde_json::Error> {
        ser::SerializeMap::end(self)
    }
}

/// A struct being written: its fields as an object, or a `RawValue`'s text.
pub enum StructWriter<'a, 'o> {
    Fields(Compound<'a, 'o>),
    Raw(Raw<'a, 'o>),
}

impl ser::SerializeStruct for StructWriter<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        match self {
            StructWriter::Fields(fields) => ser::SerializeMap::serialize_entry(fields, key, value),
            StructWriter::Raw(raw) => value.serialize(RawWriter {
                out: raw.writer.out,
            }),
        }
    }
    fn end(self) -> Result<(), serde_json::Error> {
        match self {
            StructWriter::Fields(fields) => ser::SerializeMap::end(fields),
            StructWriter::Raw(_) => Ok(()),
        }
    }
}

fn unsupported(what: &str) -> serde_json::Error {
    ser::Error::custom(format!("{what} cannot be written here"))
}

/// A map key: a string, or a number or bool written as a string (as `serde_json` does).
struct KeyWriter<'o> {
    out: &'o mut Vec<u8>,
}

impl KeyWriter<'_> {
    fn quoted<T: Serialize>(self, value: T) -> Result<(), serde_json::Error> {
        self.out.push(b'"');
        by_serde_json(self.out, value)?;
        self.out.push(b'"');
        Ok(())
    }
}

/// Writes a `RawValue`'s one field, its JSON text, as it stands.
struct RawWriter<'o> {
    out: &'o mut Vec<u8>,
}

macro_rules! refuse_rest {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, serde_json::Error> {
            Err(unsupported(stringify!($name)))
        })*
    };
}

macro_rules! refuse_compounds {
    () => {
        type SerializeSeq = Impossible<(), serde_json::Error>;
        type SerializeTuple = Impossible<(), serde_json::Error>;
        type SerializeTupleStruct = Impossible<(), serde_json::Error>;
        type SerializeTupleVariant = Impossible<(), serde_json::Error>;
        type SerializeMap = Impossible<(), serde_json::Error>;
        type SerializeStruct = Impossible<(), serde_json::Error>;
        type SerializeStructVariant = Impossible<(), serde_json::Error>;
        fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), serde_json::Error> {
            Err(unsupported("an option"))
        }
        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<(), serde_json::Error> {
            Err(unsupported("a newtype"))
        }
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), serde_json::Error> {
            Err(unsupported("a variant"))
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, serde_json::Error> {
            Err(unsupported("a sequence"))
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, serde_json::Error> {
            Err(unsupported("a tuple"))
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, serde_json::Error> {
            Err(unsupported("a tuple"))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, serde_json::Error> {
            Err(unsupported("a variant"))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, serde_json::Error> {
            Err(unsupported("a map"))
        }
        fn serialize_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStruct, serde_json::Error> {
            Err(unsupported("a struct"))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, serde_json::Error> {
            Err(unsupported("a variant"))
        }
    };
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    refuse_compounds!();
    refuse_rest!(
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );
    fn serialize_bool(self, v: bool) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), serde_json::Error> {
        self.quoted(v)
    }
    fn serialize_char(self, v: char) -> Result<(), serde_json::Error> {
        write_str(self.out, v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), serde_json::Error> {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), serde_json::Error> {
        write_str(self.out, variant);
        Ok(())
    }
}

impl ser::Serializer for RawWriter<'_> {
    type Ok = ();
    type Error = serde_json::Error;
    refuse_compounds!();
    refuse_rest!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    );
    fn serialize_str(self, v: &str) -> Result<(), serde_json::Error> {
        self.out.extend_from_slice(v.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), serde_json::Error> {
        Err(unsupported("a variant"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both<T: Serialize + ?Sized>(value: &T) {
        let want = serde_json::to_vec(value).unwrap();
        let mut got = Vec::new();
        write(&mut got, value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é“quoted”\u{2028}日本");
        for cut in 0..all.len() {
            if all.is_char_boundary(cut) {
                both(&all[cut..]);
                both(&all[..cut]);
            }
        }
        for s in [
            "",
            "a",
            "\"",
            "\\\\\"",
            "abcdefgh\"",
            "abcdefg\n",
            "\u{7f}\u{1f}",
        ] {
            both(s);
        }
    }

    #[test]
    fn records_and_values_are_written_as_serde_json_writes_them() {
        let text = "“We will win,” she said.\n\n\"Never\", he\tsaid: \\ ok.";
        let doc = whosaid::Analyzer::new().analyze(text);
        both(&doc.record());
        both(
            &doc.record()
                .with_text(false)
                .offsets(whosaid::Offsets::Chars),
        );
        let raw = serde_json::value::RawValue::from_string("{\"a\": [1, 2]}".into()).unwrap();
        both(&doc.record().id(&raw));
        let value =
            serde_json::json!({"n": 1.5, "x": [null, true, -3, 2e300, "s"], "m": {"k": {}}});
        both(&value);
        both(&(1u8, 'c', f32::NAN, f64::INFINITY, Some(0.1f32), None::<u8>));
        let map: std::collections::BTreeMap<u32, &str> = [(1, "a"), (20, "b")].into();
        both(&map);
    }
}
