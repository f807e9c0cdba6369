//! The fast reading of a JSONL input line: a byte scanner that finds the line's `id`
//! and `text` and steps over every other value without building it.
//!
//! A line of a gold file carries its annotations beside the text (three quarters of
//! its bytes), and `serde_json` parsed each of them only to throw it away: 57 M of the
//! 82 M instructions of reading PolNeAR train. Here the other values are skipped by a
//! scanner that knows JSON's grammar (strings and their escapes, numbers, literals,
//! nesting) and finds the ends of long strings with a vector search (`memchr2`).
//!
//! The scanner is stricter than `serde_json`, never looser: whatever it does not take
//! (an escaped key, a repeated `id` or `text`, a `text` that is not a string, a control
//! byte anywhere, even a tab between values, anything malformed, nesting deeper than
//! [`MAX_DEPTH`]) is left to `serde_json`, which then
//! reads the line as before, with its own error message. So every line gets the job it
//! got before, byte for byte.

use crate::json::has_control;

/// Nesting the scanner follows (at most 128: the open containers are bits of a `u128`);
/// a deeper line is read by `serde_json`.
pub const MAX_DEPTH: usize = 100;

/// The `id` and `text` of a line, as found by [`id_and_text`].
#[derive(Debug, PartialEq)]
pub struct Fields<'l> {
    /// The id's JSON text, as it stands (`None`: the line has no `id`).
    pub id: Option<&'l str>,
    /// The text's JSON string, quotes included.
    pub text: &'l [u8],
    /// The string holds an escape (else its contents are the text as they stand).
    pub text_escaped: bool,
    /// The text decoded, made while the string was scanned; `None` for one that
    /// `serde_json` refuses (a lone surrogate, bytes that are not UTF-8).
    pub decoded: Option<String>,
}

/// The `id` and `text` of a line that is one well-formed JSON object with a string
/// `text`; `None` for anything else (the caller then asks `serde_json`).
pub fn id_and_text(line: &[u8]) -> Option<Fields<'_>> {
    // a control byte may only be whitespace between values: a line with one (a tab,
    // or a malformed string) is left to serde_json, and no string needs the check
    if has_control(line) {
        return None;
    }
    let mut at = skip_whitespace(line, 0);
    if line.get(at) != Some(&b'{') {
        return None;
    }
    let mut id: Option<&[u8]> = None;
    let mut text: Option<(&[u8], bool, Option<String>)> = None;
    at = skip_whitespace(line, at + 1);
    loop {
        // a key: `"id"`, `"text"` or another, never escaped
        if line.get(at) != Some(&b'"') {
            return None;
        }
        let (key_end, key_escaped) = string_end(line, at)?;
        if key_escaped {
            return None;
        }
        let key = &line[at + 1..key_end - 1];
        // serde_json reads a top-level key as a string (to match it to a field), so a
        // key that is not UTF-8 is its error; nested keys it skips unchecked, as we do
        if !key.is_ascii() && std::str::from_utf8(key).is_err() {
            return None;
        }
        at = skip_whitespace(line, key_end);
        if line.get(at) != Some(&b':') {
            return None;
        }
        at = skip_whitespace(line, at + 1);
        let end = match key {
            b"text" => {
                if text.is_some() || line.get(at) != Some(&b'"') {
                    return None;
                }
                let (end, escaped, decoded) = decoded_string(line, at)?;
                text = Some((&line[at..end], escaped, decoded));
                end
            }
            b"id" => {
                if id.is_some() {
                    return None;
                }
                let end = value_end(line, at)?;
                id = Some(&line[at..end]);
                end
            }
            _ => value_end(line, at)?,
        };
        at = skip_whitespace(line, end);
        match line.get(at) {
            Some(b',') => at = skip_whitespace(line, at + 1),
            Some(b'}') => break,
            _ => return None,
        }
    }
    if skip_whitespace(line, at + 1) != line.len() {
        return None;
    }
    let (text, text_escaped, decoded) = text?;
    let id = match id {
        Some(raw) => Some(std::str::from_utf8(raw).ok()?),
        None => None,
    };
    Some(Fields {
        id,
        text,
        text_escaped,
        decoded,
    })
}

/// The text of a JSON string (quotes included), decoded as `serde_json` decodes it;
/// `None` for what it would refuse (a lone surrogate, bytes that are not UTF-8) or a
/// malformed string.
#[cfg(test)]
pub fn unescape(string: &[u8]) -> Option<String> {
    decoded_string(string, 0).and_then(|(_, _, text)| text)
}

/// The room made at first for a decoded text: news articles are shorter; a longer text
/// grows its buffer, and is shrunk to its size at the end.
const TEXT_ROOM: usize = 1 << 16;

/// The end (after its closing quote) of the string that opens at `open`, whether it
/// holds an escape, and its text decoded as `serde_json` decodes it, all in one pass:
/// the runs between escapes are copied whole as they are found. `None` for a malformed
/// string (what [`string_end`] refuses); the text is `None` for one that `serde_json`
/// refuses (a lone surrogate, bytes that are not UTF-8). The caller has made sure that
/// the line holds no control byte.
fn decoded_string(line: &[u8], open: usize) -> Option<(usize, bool, Option<String>)> {
    // room for the rest of the line (the text is most of it: one allocation), but not
    // more than a text of a usual size at first: a job holds its text's memory, and the
    // rest of a line may be anything
    let room = line.len().saturating_sub(open + 2).min(TEXT_ROOM);
    let mut text: Vec<u8> = Vec::with_capacity(room);
    let mut at = open + 1;
    let mut escaped = false;
    loop {
        let k = quote_or_backslash(line, at)?;
        text.extend_from_slice(&line[at..k]);
        if line[k] == b'"' {
            // (an escape decodes to whole characters: the text is UTF-8 when the runs are)
            if text.capacity() > TEXT_ROOM && text.capacity() - text.len() > text.len() / 4 {
                // a large text's memory goes to the worker exactly (a large block shrinks
                // in place; a small one would be copied, for little memory)
                text.shrink_to_fit();
            }
            return Some((k + 1, escaped, String::from_utf8(text).ok()));
        }
        escaped = true;
        let (decoded, length) = match *line.get(k + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let unit = hex4(line.get(k + 2..k + 6)?)?;
                let code = if (0xD800..0xDC00).contains(&unit) {
                    // a leading surrogate: its trailing one must follow
                    let low = (line.get(k + 6..k + 8) == Some(b"\\u"))
                        .then(|| line.get(k + 8..k + 12).and_then(hex4))
                        .flatten()
                        .filter(|low| (0xDC00..0xE000).contains(low));
                    low.map(|low| (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12))
                } else {
                    Some((unit, 6))
                };
                match code.and_then(|(code, length)| Some((char::from_u32(code)?, length))) {
                    Some(decoded) => decoded,
                    // serde_json refuses the text; whether the string is well formed,
                    // and where it ends, is the plain scanner's to say
                    None => return string_end(line, open).map(|(end, _)| (end, true, None)),
                }
            }
            _ => return None,
        };
        text.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
        at = k + length;
    }
}

/// Four hexadecimal digits.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &d| {
        let digit = (d as char).to_digit(16)?;
        Some(value << 4 | digit)
    })
}

/// JSON's whitespace.
fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[inline(always)]
fn skip_whitespace(line: &[u8], mut at: usize) -> usize {
    // a space first: the usual whitespace, and the others are all below `\r`
    while let Some(&b) = line.get(at) {
        if b != b' ' && (b > b'\r' || !is_whitespace(b)) {
            break;
        }
        at += 1;
    }
    at
}

/// The end (after its closing quote) of the string that opens at `at`, and whether it
/// holds an escape; `None` for a malformed one (a bad escape, no end). The caller has
/// made sure that the line holds no control byte. Like `serde_json` when it skips a
/// string, the bytes are not checked as UTF-8.
#[inline(always)]
fn string_end(line: &[u8], open: usize) -> Option<(usize, bool)> {
    let mut at = open + 1;
    let mut escaped = false;
    loop {
        at = quote_or_backslash(line, at)?;
        if line[at] == b'"' {
            return Some((at + 1, escaped));
        }
        escaped = true;
        at += match *line.get(at + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => 2,
            b'u' if line
                .get(at + 2..at + 6)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) =>
            {
                6
            }
            _ => return None,
        };
    }
}

/// Words of eight bytes looked at before a vector search for a string's end: keys, ids
/// and labels are short, and a vector search costs a call and its set-up.
const SHORT_WORDS: usize = 4;

/// Where the next `"` or `\` is from `at` on: eight bytes at a time for
/// [`SHORT_WORDS`] words, then by a vector search (`memchr2`).
#[inline(always)]
fn quote_or_backslash(line: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // the high bit of each zero byte of `x` (exact for the lowest: a borrow only runs
    // upwards from a zero byte)
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    for _ in 0..SHORT_WORDS {
        let Some(chunk) = line.get(at..at + 8) else {
            // fewer than eight bytes left
            let rest = line.get(at..)?;
            return rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .map(|k| at + k);
        };
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let found = zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    memchr::memchr2(b'"', b'\\', line.get(at..)?).map(|k| at + k)
}

/// The end of the number that starts at `at` (JSON's grammar: `-`, no leading zero, a
/// fraction and an exponent each with digits).
#[inline(always)]
fn number_end(line: &[u8], mut at: usize) -> Option<usize> {
    let digits = |mut at: usize| {
        let from = at;
        while line.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        (at > from).then_some(at)
    };
    if line.get(at) == Some(&b'-') {
        at += 1;
    }
    at = match line.get(at)? {
        b'0' => at + 1,
        b'1'..=b'9' => digits(at)?,
        _ => return None,
    };
    if line.get(at) == Some(&b'.') {
        at = digits(at + 1)?;
    }
    if matches!(line.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(line.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        at = digits(at)?;
    }
    Some(at)
}

/// The end of the JSON value that starts at `at`, stepped over without being built;
/// `None` when it is malformed or nested deeper than [`MAX_DEPTH`].
fn value_end(line: &[u8], mut at: usize) -> Option<usize> {
    // the open containers, innermost last, as bits (1: an object), and their number
    let (mut objects, mut depth) = (0u128, 0usize);
    loop {
        // a value
        at = skip_whitespace(line, at);
        let mut opened = false;
        match *line.get(at)? {
            b'"' => at = string_end(line, at)?.0,
            b'{' | b'[' => {
                let object = line[at] == b'{';
                let close = if object { b'}' } else { b']' };
                at = skip_whitespace(line, at + 1);
                if line.get(at) == Some(&close) {
                    at += 1;
                } else {
                    if depth == MAX_DEPTH {
                        return None;
                    }
                    // the numbers an array starts with in a loop of their own: offsets
                    // (`[[110, 112]]`) are most of the values of a gold line
                    let first_other = if object {
                        Some(at)
                    } else {
                        match leading_numbers(line, at)? {
                            Ok(end) => {
                                at = end;
                                None
                            }
                            Err(other) => Some(other),
                        }
                    };
                    if let Some(other) = first_other {
                        objects = objects << 1 | u128::from(object);
                        depth += 1;
                        opened = true;
                        at = other;
                    }
                }
            }
            b't' => at = literal_end(line, at, b"true")?,
            b'f' => at = literal_end(line, at, b"false")?,
            b'n' => at = literal_end(line, at, b"null")?,
            _ => at = number_end(line, at)?,
        }
        if opened {
            if objects & 1 == 1 {
                at = key_end(line, at)?;
            }
            continue;
        }
        // after a value: the next element, or the ends of the containers it closes
        loop {
            if depth == 0 {
                return Some(at);
            }
            let object = objects & 1 == 1;
            at = skip_whitespace(line, at);
            match (line.get(at), object) {
                (Some(b','), true) => {
                    at = key_end(line, at + 1)?;
                    break;
                }
                (Some(b','), false) => {
                    at += 1;
                    break;
                }
                (Some(b'}'), true) | (Some(b']'), false) => {
                    objects >>= 1;
                    depth -= 1;
                    at += 1;
                }
                _ => return None,
            }
        }
    }
}

/// The numbers an array starts with, from its first element at `at`: `Ok` with the end
/// of the array (after its `]`) when they are all of it, `Err` with the place of the
/// first element that is not a number (after a comma; the array is then read on as any
/// other), `None` when it is malformed.
#[inline(always)]
fn leading_numbers(line: &[u8], mut at: usize) -> Option<Result<usize, usize>> {
    loop {
        if !matches!(line.get(at), Some(b'0'..=b'9' | b'-')) {
            return Some(Err(at));
        }
        at = skip_whitespace(line, number_end(line, at)?);
        match *line.get(at)? {
            b',' => at = skip_whitespace(line, at + 1),
            b']' => return Some(Ok(at + 1)),
            _ => return None,
        }
    }
}

/// After an object's key (whitespace, the key, whitespace, the colon): where its value
/// starts.
#[inline(always)]
fn key_end(line: &[u8], at: usize) -> Option<usize> {
    let at = skip_whitespace(line, at);
    if line.get(at) != Some(&b'"') {
        return None;
    }
    let at = skip_whitespace(line, string_end(line, at)?.0);
    (line.get(at) == Some(&b':')).then_some(at + 1)
}

#[inline(always)]
fn literal_end(line: &[u8], at: usize, literal: &[u8]) -> Option<usize> {
    line[at..]
        .starts_with(literal)
        .then_some(at + literal.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape the CLI asks `serde_json` for (`LineIn` in `input.rs`).
    #[derive(serde::Deserialize)]
    #[allow(dead_code)] // read only to see whether serde_json accepts the line
    struct LineFields {
        #[serde(default)]
        id: Option<Box<serde_json::value::RawValue>>,
        text: Option<String>,
    }

    fn fields(line: &str) -> Option<(Option<&str>, &str, bool)> {
        id_and_text(line.as_bytes()).map(|f| {
            (
                f.id,
                std::str::from_utf8(f.text).expect("the test's text is UTF-8"),
                f.text_escaped,
            )
        })
    }

    #[test]
    fn finds_the_id_and_the_text_past_any_other_value() {
        assert_eq!(
            fields(r#"{"id": 7, "text": "a b"}"#),
            Some((Some("7"), r#""a b""#, false))
        );
        assert_eq!(
            fields(
                r#" { "gold" : [[1, 2], {"k": [true, false, null, -0.5e-7, "x\"\\\u00e9"]}], "text":"q\"uote" ,"id":[1, {"a": "b"}] } "#
            ),
            Some((Some(r#"[1, {"a": "b"}]"#), r#""q\"uote""#, true))
        );
        assert_eq!(
            fields(r#"{"text": "no id", "z": {}, "y": []}"#),
            Some((None, r#""no id""#, false))
        );
        // arrays that start with numbers and go on with other values
        assert_eq!(
            fields(r#"{"n": [1, "a", [2, 3], -0.5e1, [], [4]], "m": [[5, 6]], "text": "t"}"#),
            Some((None, r#""t""#, false))
        );
        let padding = "a".repeat(100);
        let raw_newline = format!("{{\"id\": 1, \"skip\": \"{padding}\n\", \"text\": \"t\"}}");
        assert_eq!(fields(&raw_newline), None, "a raw newline in a string");
        let long = format!(r#"{{"id": "x", "skip": "{padding}\n\\", "text": "t"}}"#);
        assert_eq!(fields(&long), Some((Some(r#""x""#), r#""t""#, false)));
    }

    /// The end of a string found eight bytes at a time, or by the vector search past
    /// the first words: where a plain walk finds it, for an escape or a closing quote
    /// at every place of every length up to past the words.
    #[test]
    fn string_ends_are_found_at_every_place() {
        for len in 0..(SHORT_WORDS * 8 + 20) {
            for escape_at in (0..len).map(Some).chain([None]) {
                let mut string = b"\"".to_vec();
                for k in 0..len {
                    string.extend_from_slice(if Some(k) == escape_at { b"\\n" } else { b"x" });
                }
                string.extend_from_slice(b"\" tail");
                let end = string.len() - " tail".len();
                assert_eq!(
                    string_end(&string, 0),
                    Some((end, escape_at.is_some())),
                    "{}",
                    String::from_utf8_lossy(&string)
                );
                // no closing quote
                assert_eq!(string_end(&string[..end - 1], 0), None);
            }
        }
    }

    #[test]
    fn strings_are_decoded_as_serde_json_decodes_them() {
        for json in [
            r#""plain""#,
            r#""a\"b\\c\/d\be\ff\ng\rh\ti""#,
            r#""caf\u00e9 \u201cq\u201d \ud83d\ude00 \uD83D\uDE00 end""#,
            r#""\u0000\u001f\u007f\uffff\ufffe""#,
            "\"é “quoted” \\n 日本\"",
        ] {
            let want: String = serde_json::from_str(json).expect("valid JSON");
            assert_eq!(
                unescape(json.as_bytes()).as_deref(),
                Some(want.as_str()),
                "{json}"
            );
        }
        for refused in [
            r#""lone \ud800 high""#,
            r#""lone \udc00 low""#,
            r#""high then \ud800\u0041""#,
            r#""high at the end \ud800""#,
        ] {
            assert!(
                serde_json::from_str::<String>(refused).is_err(),
                "{refused}"
            );
            assert_eq!(unescape(refused.as_bytes()), None, "{refused}");
        }
        assert_eq!(unescape(b"\"bad \xff \\n\""), None);
    }

    #[test]
    fn leaves_every_doubtful_line_to_serde_json() {
        for line in [
            r#"{"id": 1, "text": "a", "text": "b"}"#,
            r#"{"id": 1, "id": 2, "text": "b"}"#,
            r#"{"id": 1, "text": null}"#,
            r#"{"id": 1, "text": 5}"#,
            r#"{"id": 1}"#,
            r#"{}"#,
            r#"["1", "array form"]"#,
            r#"{"id": 1, "t\u0065xt": "escaped key"}"#,
            r#"{"id": 1, "text": "x",}"#,
            r#"{"id": 1 "text": "x"}"#,
            r#"{"id": 1, "text": "x"} trailing"#,
            r#"{"id": 1, "text": "x", "n": 01}"#,
            r#"{"id": 1, "text": "x", "n": 1.}"#,
            r#"{"id": 1, "text": "x", "n": -}"#,
            r#"{"id": 1, "text": "x", "n": 1e}"#,
            r#"{"id": 1, "text": "x", "n": [1, 2,]}"#,
            r#"{"id": 1, "text": "x", "n": [1 2]}"#,
            r#"{"id": 1, "text": "x", "n": [1, ]}"#,
            r#"{"id": 1, "text": "x", "n": [-]}"#,
            r#"{"id": 1, "text": "x", "n": [[1, 2], [3, "a",]]}"#,
            r#"{"id": 1, "text": "x", "n": {"a" 1}}"#,
            r#"{"id": 1, "text": "x", "n": {"a": 1,}}"#,
            r#"{"id": 1, "text": "x", "n": [1}"#,
            r#"{"id": 1, "text": "x", "n": "\x"}"#,
            r#"{"id": 1, "text": "x", "n": "\u12G4"}"#,
            r#"{"id": 1, "text": "x", "n": tru}"#,
            r#"{"id": 1, "text": "x", "n": nul}"#,
            r#"{"id": 1, "text": "unterminated}"#,
            "{\"id\": 1, \"text\": \"tab\there\"}",
            "not json",
            "",
        ] {
            assert_eq!(fields(line), None, "{line}");
        }
        // top-level keys that are not UTF-8: serde_json reads them as strings, and fails
        for line in [
            &b"{\"\xff\": 1, \"id\": 2, \"text\": \"a said b.\"}"[..],
            b"{\"id\": 3, \"text\": \"x\", \"k\xc3\": 1}",
            b"{\"id\": 3, \"text\": \"x\", \"\xed\xa0\x80\": 1}",
        ] {
            assert!(serde_json::from_slice::<LineFields>(line).is_err());
            assert_eq!(id_and_text(line), None, "{}", String::from_utf8_lossy(line));
        }
        // a non-ASCII key that is UTF-8 is fine for both
        let accented = "{\"id\": 4, \"clé\": 1, \"text\": \"x\"}";
        assert!(serde_json::from_str::<LineFields>(accented).is_ok());
        assert_eq!(fields(accented), Some((Some("4"), r#""x""#, false)));
        let deep = |n: usize| {
            format!(
                r#"{{"id": 1, "text": "x", "deep": {}1{}}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        assert!(fields(&deep(MAX_DEPTH)).is_some());
        assert_eq!(fields(&deep(MAX_DEPTH + 1)), None);
    }
}
