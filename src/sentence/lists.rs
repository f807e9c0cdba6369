//! Enumerated list items inside one paragraph: "1. The first item 2. The second item",
//! "1.) a 2.) b", "a. x b. y", "• 9. x • 10. y", "⁃9. x ⁃10. y".
//!
//! A paragraph is a list when it starts with a marker; later markers of the same style
//! whose value counts up from the first one start new items. Everything here is
//! bounded per position, so the scan is linear in the paragraph.

/// A marker's value (digits, or 1000 + letter index for "a.", "b.") and its style.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Marker {
    value: u32,
    style: u8,
    end: usize,
}

const BULLETS: [&str; 2] = ["•", "⁃"];

/// Parse a list marker starting exactly at `at`: an optional bullet, up to three
/// spaces, one or two digits or one lowercase letter, then `.`, `)` or `.)`, then a
/// space. O(1).
fn marker_at(p: &str, at: usize) -> Option<Marker> {
    let b = p.as_bytes();
    let mut i = at;
    let mut bullet = 0u8;
    for bl in BULLETS {
        if b[i..].starts_with(bl.as_bytes()) {
            i += bl.len();
            bullet = 1;
            break;
        }
    }
    let mut spaces = 0;
    while b.get(i) == Some(&b' ') && spaces < 3 {
        i += 1;
        spaces += 1;
    }
    let d0 = *b.get(i)?;
    let (value, n) = if d0.is_ascii_digit() {
        match b.get(i + 1) {
            Some(d1) if d1.is_ascii_digit() => {
                if b.get(i + 2).is_some_and(u8::is_ascii_digit) {
                    return None;
                }
                (u32::from(d0 - b'0') * 10 + u32::from(d1 - b'0'), 2)
            }
            _ => (u32::from(d0 - b'0'), 1),
        }
    } else if d0.is_ascii_lowercase() && b.get(i + 1) == Some(&b'.') && bullet == 0 {
        (u32::from(d0 - b'a') + 1000, 1)
    } else {
        return None;
    };
    i += n;
    let (style, len) = match (b.get(i), b.get(i + 1)) {
        (Some(b'.'), Some(b')')) => (1u8, 2),
        (Some(b')'), _) => (2, 1),
        (Some(b'.'), _) => (3, 1),
        _ => return None,
    };
    i += len;
    if b.get(i) != Some(&b' ') {
        return None;
    }
    Some(Marker {
        value,
        style: style | (bullet << 4),
        end: i,
    })
}

/// Fill `out` with the list markers of paragraph `p` as (start, end) byte ranges, the
/// first at offset 0. Empty when `p` does not start with a marker. A lone leading
/// marker is reported too, so that its period is never taken for a sentence end.
pub(crate) fn list_markers(p: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let Some(first) = marker_at(p, 0) else { return };
    out.push((0, first.end));
    let b = p.as_bytes();
    let mut want = first.value + 1;
    let mut i = first.end;
    while i < b.len() {
        let c = b[i];
        // a marker starts a token: a digit, a lowercase letter or a bullet after whitespace
        let token_start = b[i - 1].is_ascii_whitespace()
            && (c.is_ascii_digit() || c.is_ascii_lowercase() || c == 0xE2);
        if token_start {
            if let Some(m) = marker_at(p, i) {
                if m.value == want && m.style == first.style {
                    out.push((i, m.end));
                    want += 1;
                    i = m.end;
                    continue;
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers(p: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        list_markers(p, &mut v);
        v
    }

    #[test]
    fn styles() {
        assert_eq!(markers("1. a 2. b"), [(0, 2), (5, 7)]);
        assert_eq!(markers("1.) a 2.) b"), [(0, 3), (6, 9)]);
        assert_eq!(markers("1) a 2) b 3) c"), [(0, 2), (5, 7), (10, 12)]);
        assert_eq!(markers("a. x b. y"), [(0, 2), (5, 7)]);
        assert_eq!(markers("• 9. x • 10. y").len(), 2);
        assert_eq!(markers("⁃9. x ⁃10. y").len(), 2);
        // counting must go up by one and keep the style
        assert_eq!(markers("1. a 3. b 2) c"), [(0, 2)]);
        assert!(markers("In 1. a").is_empty());
        assert!(markers("123. a").is_empty());
        assert!(markers("").is_empty());
    }

    #[test]
    fn never_panics_near_multibyte_text() {
        for p in [
            "•",
            "• ",
            "•9",
            "1.",
            "1.)",
            "a.",
            "⁃",
            "1. é 2",
            "1. x\u{a0}2. y",
        ] {
            let _ = markers(p);
        }
    }
}
