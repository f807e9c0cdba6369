//! Compact JSON written straight into a byte buffer: the output of `serde_json::to_writer`
//! byte for byte, with strings copied in runs and integers written without `fmt`.
//!
//! Most of a record's bytes are the texts of its spans, and `serde_json` tests each byte
//! of a string against its escape table (about a tenth of the whole `annotate --jsonl`
//! run). Here a string is first tested for escapes a chunk or a word at a time; a clean
//! one is copied whole, the others in runs between the bytes to escape. Integers are
//! written two digits at a time (as `serde_json`'s itoa writes them); floats and 128-bit
//! integers go through `serde_json` itself, so they are written exactly as it does.

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

/// `serde_json`'s escape of each byte: 0 for a byte written as it is, else the letter
/// after the backslash (`u`: the six bytes `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[b'\t' as usize] = b't';
    table[b'\n' as usize] = b'n';
    table[0x0c] = b'f';
    table[b'\r' as usize] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Bytes tested at once for a control byte.
const CHUNK: usize = 32;

/// Is a byte of `bytes` a control byte (below 0x20)?
#[inline]
pub fn has_control(bytes: &[u8]) -> bool {
    has_control_where(bytes, |b| b < 0x20)
}

/// Is a byte of `bytes` a control byte other than a line feed (which the text of a span
/// holds, and which needs no more than a two-byte escape)?
#[inline]
fn has_control_but_line_feed(bytes: &[u8]) -> bool {
    has_control_where(bytes, |b| b < 0x20 && b != b'\n')
}

/// Is a byte of `bytes` one that `is_control` flags? Whole chunks are tested with plain
/// loops over fixed-size arrays, which the compiler makes vector compares (no
/// `unsafe`).
#[inline(always)]
fn has_control_where(bytes: &[u8], is_control: impl Fn(u8) -> bool) -> bool {
    let mut chunks = bytes.chunks_exact(CHUNK);
    for chunk in &mut chunks {
        let mut flagged = 0u8;
        for &b in chunk {
            flagged |= u8::from(is_control(b));
        }
        if flagged != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| is_control(b))
}

/// Does a byte of `bytes` need an escape (a quote, a backslash, a control byte)? One in
/// twenty strings of a record has one. Whole chunks are tested with vector compares,
/// the end as the last chunk (overlapping the one before); a string shorter than a
/// chunk (most names, kinds and cue words) as two overlapping halves, words or
/// half-words.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    const HALF: usize = CHUNK / 2;
    let flagged = |b: u8| u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\');
    let any_flagged = |chunk: &[u8]| chunk.iter().fold(0u8, |any, &b| any | flagged(b)) != 0;
    let n = bytes.len();
    if n < CHUNK {
        return if n >= HALF {
            let first: &[u8; HALF] = bytes[..HALF].try_into().unwrap_or(&[0; HALF]);
            let last: &[u8; HALF] = bytes[n - HALF..].try_into().unwrap_or(&[0; HALF]);
            any_flagged(first) || any_flagged(last)
        } else if n >= 8 {
            let word =
                |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
            escape_flags(word(0)) != 0 || escape_flags(word(n - 8)) != 0
        } else if n >= 4 {
            let half = |at: usize| {
                u64::from(u32::from_le_bytes(
                    bytes[at..at + 4].try_into().unwrap_or([0; 4]),
                ))
            };
            escape_flags(half(0) | half(n - 4) << 32) != 0
        } else {
            any_flagged(bytes)
        };
    }
    let mut chunks = bytes.chunks_exact(CHUNK);
    for chunk in &mut chunks {
        let chunk: &[u8; CHUNK] = chunk.try_into().unwrap_or(&[0; CHUNK]);
        if any_flagged(chunk) {
            return true;
        }
    }
    !chunks.remainder().is_empty() && {
        let last: &[u8; CHUNK] = bytes[n - CHUNK..].try_into().unwrap_or(&[0; CHUNK]);
        any_flagged(last)
    }
}

/// The high bit of (at least) the lowest byte of `word` that is a `"`, a `\` or below
/// 0x20, when there is one; zero when there is none.
#[inline(always)]
fn escape_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    control | zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\')))
}

/// `s` as a JSON string (quotes included) at the end of `out`. A string with nothing to
/// escape (nineteen in twenty) is copied whole; in the others, the runs between the
/// bytes to escape are copied whole, found by `memchr3` (a vector search) when the
/// only control bytes are line feeds (the text of a span), else byte by byte.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if !needs_escape(bytes) {
        copy_bytes(out, bytes);
    } else if !has_control_but_line_feed(bytes) {
        let mut copied = 0;
        for at in memchr::memchr3_iter(b'"', b'\\', b'\n', bytes) {
            out.extend_from_slice(&bytes[copied..at]);
            out.extend_from_slice(&[b'\\', ESCAPE[usize::from(bytes[at])]]);
            copied = at + 1;
        }
        out.extend_from_slice(&bytes[copied..]);
    } else {
        write_escaped(out, bytes);
    }
    out.push(b'"');
}

/// `bytes` at the end of `out`. One of four to sixteen bytes (a name, a kind, a cue) is
/// copied as two overlapping words or half-words, the second written over the first's
/// end: fixed-size stores where a copy of its length would be a call.
#[inline(always)]
fn copy_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    let end = out.len() + n;
    if (8..=16).contains(&n) {
        let first: [u8; 8] = bytes[..8].try_into().unwrap_or([0; 8]);
        let last: [u8; 8] = bytes[n - 8..].try_into().unwrap_or([0; 8]);
        out.extend_from_slice(&first);
        out.truncate(end - 8);
        out.extend_from_slice(&last);
    } else if (4..8).contains(&n) {
        let first: [u8; 4] = bytes[..4].try_into().unwrap_or([0; 4]);
        let last: [u8; 4] = bytes[n - 4..].try_into().unwrap_or([0; 4]);
        out.extend_from_slice(&first);
        out.truncate(end - 4);
        out.extend_from_slice(&last);
    } else {
        out.extend_from_slice(bytes);
    }
}

/// The contents of a JSON string, byte by byte.
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut copied = 0;
    for (at, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[copied..at]);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        copied = at + 1;
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// `"key":` for the name of a struct's field. A name that needs no escape (every field
/// of the record) is copied as it stands; the name being a constant where this is
/// inlined, the test and the copy's length fold away.
#[inline(always)]
fn write_key(out: &mut Vec<u8>, key: &'static str) {
    if key.bytes().all(|b| ESCAPE[usize::from(b)] == 0) {
        out.reserve(key.len() + 3);
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
    } else {
        write_str(out, key);
        out.push(b':');
    }
}

/// The two digits of every number below 100.
static DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0u8; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

/// An unsigned integer in decimal, as `serde_json` (itoa) writes it: two digits at a
/// time.
#[inline]
pub fn write_u64(out: &mut Vec<u8>, value: u64) {
    match u32::try_from(value) {
        Ok(small) if small < 100_000_000 => write_below_10_pow_8(out, small),
        _ => write_u64_digits(out, value),
    }
}

/// A number of at most eight digits (every offset of an article below 100 MB): its
/// digits made left-aligned in a word, the whole word copied (one store, where a copy
/// of their number of bytes would be a call) and the bytes past them cut off again.
#[inline(always)]
fn write_below_10_pow_8(out: &mut Vec<u8>, mut value: u32) {
    let length = 1
        + usize::from(value >= 10)
        + usize::from(value >= 100)
        + usize::from(value >= 1_000)
        + usize::from(value >= 10_000)
        + usize::from(value >= 100_000)
        + usize::from(value >= 1_000_000)
        + usize::from(value >= 10_000_000);
    let mut digits = [b'0'; 8];
    let mut at = length;
    while value >= 100 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[(value % 100) as usize]);
        value /= 100;
    }
    if value >= 10 {
        digits[..2].copy_from_slice(&DIGIT_PAIRS[value as usize]);
    } else {
        digits[0] = b'0' + value as u8;
    }
    let end = out.len() + length;
    out.extend_from_slice(&digits);
    out.truncate(end);
}

/// Any unsigned integer, its digits made from the right.
fn write_u64_digits(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while value >= 100 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[(value % 100) as usize]);
        value /= 100;
    }
    if value >= 10 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[value as usize]);
    } else {
        at -= 1;
        digits[at] = b'0' + value as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

/// A signed integer in decimal, as `serde_json` writes it.
#[inline]
fn write_i64(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    write_u64(out, value.unsigned_abs());
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
    #[inline(always)]
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
    #[inline(always)]
    fn serialize_i8(self, v: i8) -> Result<(), serde_json::Error> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    #[inline(always)]
    fn serialize_i16(self, v: i16) -> Result<(), serde_json::Error> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    #[inline(always)]
    fn serialize_i32(self, v: i32) -> Result<(), serde_json::Error> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    #[inline(always)]
    fn serialize_i64(self, v: i64) -> Result<(), serde_json::Error> {
        write_i64(self.out, v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), serde_json::Error> {
        by_serde_json(self.out, v)
    }
    #[inline(always)]
    fn serialize_u8(self, v: u8) -> Result<(), serde_json::Error> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    #[inline(always)]
    fn serialize_u16(self, v: u16) -> Result<(), serde_json::Error> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    #[inline(always)]
    fn serialize_u32(self, v: u32) -> Result<(), serde_json::Error> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    #[inline(always)]
    fn serialize_u64(self, v: u64) -> Result<(), serde_json::Error> {
        write_u64(self.out, v);
        Ok(())
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
    #[inline(always)]
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
    #[inline(always)]
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
    #[inline(always)]
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
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        match self {
            StructWriter::Fields(fields) => {
                fields.comma();
                write_key(fields.writer.out, key);
                value.serialize(&mut *fields.writer)
            }
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

    /// `write_u64` at every change of its number of digits (its fast path ends below
    /// 10^8, where offsets of an article of 100 MB or more begin).
    #[test]
    fn write_u64_at_each_power_of_ten() {
        let mut values = vec![0, u64::from(u32::MAX), u64::MAX, 99_999_999, 100_000_000];
        for power in 1..20 {
            let ten = 10u64.pow(power);
            values.extend([ten - 1, ten, ten + 1]);
        }
        for value in values {
            let mut out = Vec::new();
            write_u64(&mut out, value);
            assert_eq!(out, serde_json::to_vec(&value).unwrap(), "{value}");
        }
    }

    #[test]
    fn integers_are_written_as_serde_json_writes_them() {
        both(&(
            0u8,
            u8::MAX,
            u16::MAX,
            u32::MAX,
            u64::MAX,
            usize::MAX,
            10u64,
            99u32,
        ));
        both(&(
            i8::MIN,
            i16::MIN,
            i32::MIN,
            i64::MIN,
            i64::MAX,
            -1i32,
            0i64,
            -10i8,
        ));
        both(&(u128::MAX, i128::MIN));
    }

    #[test]
    fn long_strings_with_escapes_at_every_place_of_a_chunk() {
        let plain = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
        for at in 0..plain.len() {
            for escaped in ['"', '\\', '\n', '\u{1}', '\u{1f}', '\u{7f}', '“'] {
                let mut s = plain.to_string();
                s.insert(at, escaped);
                both(&s);
                s.push(escaped);
                both(&s);
            }
        }
    }

    /// JSON's escape of a string, one character at a time, as `serde_json` writes it
    /// (its short escapes, `\u00xx` in lowercase hex for the other control bytes): the
    /// reference the fast writer is held to, whatever its chunks and halves.
    fn escaped_plainly(text: &str) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if c < ' ' => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn one_escape_at_every_place_of_every_short_and_middling_length() {
        for len in 0..=40 {
            for pos in 0..len {
                for escaped in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let mut text = "a".repeat(len);
                    text.replace_range(pos..pos + 1, escaped.encode_utf8(&mut [0; 4]));
                    let mut got = Vec::new();
                    write(&mut got, text.as_str()).unwrap();
                    let reference = serde_json::to_string(&text).unwrap();
                    assert_eq!(escaped_plainly(&text), reference, "the reference");
                    assert_eq!(
                        String::from_utf8(got).unwrap(),
                        escaped_plainly(&text),
                        "len {len}, pos {pos}, {escaped:?}"
                    );
                }
            }
        }
    }
}
