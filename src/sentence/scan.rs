//! Fast byte search without `unsafe` or dependencies: eight bytes at a time (SWAR); and
//! a letter-or-digit test that answers the common punctuation without Unicode tables.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// High bit set in (at least) the lowest zero byte of `x`. Bytes above the lowest zero
/// byte may be flagged falsely, which is harmless because only the lowest is used.
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(LO) & !x & HI
}

/// Offset of the first byte of `hay` equal to one of `needles`
/// (`find_any(b"abc.def", [b'.', b'!']) == Some(3)`).
#[inline]
pub(crate) fn find_any<const N: usize>(hay: &[u8], needles: [u8; N]) -> Option<usize> {
    find_bytes::<N, false>(hay, needles)
}

/// Offset of the first byte of `hay` that is one of the ASCII `needles` or not ASCII (a
/// byte of a non-ASCII char): [`find_any`] with the high bit as one more needle.
#[inline]
pub(crate) fn find_any_or_non_ascii<const N: usize>(hay: &[u8], needles: [u8; N]) -> Option<usize> {
    find_bytes::<N, true>(hay, needles)
}

/// High bit set in the lowest byte of `w` that is one of `needles` or (with
/// `NON_ASCII`) at or above 0x80, and maybe in bytes above it; 0 when there is none.
/// (Only the lowest flag is exact: bytes above it may be flagged falsely.)
#[inline(always)]
fn flags<const N: usize, const NON_ASCII: bool>(w: u64, needles: [u8; N]) -> u64 {
    if NON_ASCII {
        // below the lowest flagged byte every byte is ASCII and no needle (needles are
        // ASCII here): its xor with a needle is 1 to 0x7f, which takes one from no byte
        // above it and keeps its high bit clear once one is taken off; so one
        // subtraction per needle does, where `zero_bytes` takes three steps
        let mut m = w;
        for n in needles {
            m |= (w ^ (LO * u64::from(n))).wrapping_sub(LO);
        }
        m & HI
    } else {
        let mut m = 0;
        for n in needles {
            m |= zero_bytes(w ^ (LO * u64::from(n)));
        }
        m
    }
}

/// The scan behind [`find_any`] and [`find_any_or_non_ascii`], sixteen bytes at a time
/// (the last bytes copied into a zero-filled sixteen, so that they take the same
/// steps); `NON_ASCII` (a constant, so each caller gets its own loop) also stops at a
/// byte with the high bit set.
#[inline]
fn find_bytes<const N: usize, const NON_ASCII: bool>(
    hay: &[u8],
    needles: [u8; N],
) -> Option<usize> {
    debug_assert!(!NON_ASCII || needles.iter().all(u8::is_ascii));
    let mut chunks = hay.chunks_exact(16);
    let mut base = 0;
    let first_in = |c: &[u8]| {
        let (a, b) = c.split_at(8);
        let a = u64::from_le_bytes(a.try_into().unwrap_or([0; 8]));
        let b = u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let (ma, mb) = (
            flags::<N, NON_ASCII>(a, needles),
            flags::<N, NON_ASCII>(b, needles),
        );
        if ma | mb == 0 {
            None
        } else if ma != 0 {
            Some((ma.trailing_zeros() / 8) as usize)
        } else {
            Some(8 + (mb.trailing_zeros() / 8) as usize)
        }
    };
    for c in &mut chunks {
        if let Some(at) = first_in(c) {
            return Some(base + at);
        }
        base += 16;
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return None;
    }
    let mut last = [0u8; 16];
    last[..rest.len()].copy_from_slice(rest);
    // a needle 0 would be found in the zeros past the end
    first_in(&last)
        .filter(|&at| at < rest.len())
        .map(|at| base + at)
}

/// The length of the UTF-8 char whose first byte is `b` (1 for a continuation byte).
#[inline]
pub(crate) fn utf8_width(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// `c.is_alphanumeric()`, without the table search for Latin-1 symbols, general
/// punctuation (curly quotation marks, dashes, ellipsis) and CJK brackets: the marks a
/// text of quotations is full of.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0xBF => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾'),
        0x2000..=0x206F | 0x3000..=0x3004 | 0x3008..=0x3020 => false,
        _ => c.is_alphanumeric(),
    }
}

/// `v.partition_point(pred)` (`pred` true on a prefix of `v`), searched outwards from
/// `hint`: O(log d) for an answer `d` places from the hint. Successive lookups that move
/// little through a long list (the rules walk the text in order) stay within a few
/// cache lines instead of starting each binary search at the middle of the list.
pub(crate) fn partition_from<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = v.len();
    let h = hint.min(n);
    if h < n && pred(&v[h]) {
        // the answer is above h
        let (mut lo, mut hi, mut step) = (h + 1, h + 1, 1);
        while hi < n && pred(&v[hi]) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        let hi = hi.min(n);
        lo + v[lo..hi].partition_point(pred)
    } else {
        // the answer is at most h
        let (mut hi, mut step) = (h, 1);
        loop {
            let lo = hi.saturating_sub(step);
            if lo == 0 || pred(&v[lo - 1]) {
                return lo + v[lo..hi].partition_point(pred);
            }
            hi = lo - 1;
            step *= 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_from_any_hint_is_partition_point() {
        for n in 0..40usize {
            let v: Vec<usize> = (0..n).map(|i| i * 3).collect();
            for x in 0..=3 * n + 1 {
                let want = v.partition_point(|&y| y < x);
                for hint in 0..n + 3 {
                    assert_eq!(partition_from(&v, hint, |&y| y < x), want, "{n} {x} {hint}");
                }
            }
        }
    }

    #[test]
    fn is_alnum_is_the_std_test() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{:X}", c as u32);
        }
    }

    fn naive(hay: &[u8], needles: &[u8]) -> Option<usize> {
        hay.iter().position(|b| needles.contains(b))
    }

    #[test]
    fn matches_naive_search() {
        let texts: [&[u8]; 6] = [
            b"",
            b".",
            b"abcdefghijklmnopqrstuvwxyz.",
            "0123456789abcdef\u{2026}xyz".as_bytes(),
            b"\x00\x01\x2d\x2e\x2f\xff\x80\x7f........",
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?",
        ];
        for t in texts {
            for start in 0..t.len() {
                let h = &t[start..];
                assert_eq!(
                    find_any(h, [b'.', b'?', 0xE2]),
                    naive(h, b".?\xE2"),
                    "{h:?}"
                );
                assert_eq!(find_any(h, [b'\n']), naive(h, b"\n"));
                assert_eq!(find_any(h, [0x2d, 0x2f]), naive(h, &[0x2d, 0x2f]));
            }
        }
        // every byte value as needle, at every position of a 40-byte window
        for n in 0..=255u8 {
            for pos in 0..40 {
                let mut v = vec![n.wrapping_add(1); 40];
                v[pos] = n;
                assert_eq!(find_any(&v, [n]), Some(pos));
            }
        }
    }

    #[test]
    fn mixed_needles_match_naive_search() {
        let needle_sets: [&[u8]; 3] = [b".!?\xE2", b"\n\r", b"\xE2\x80"];
        for needles in needle_sets {
            for n in 0..=255u8 {
                for pos in 0..40 {
                    for fill in [b'a', 0x80, 0xff, 0x7f, 0xE1, 0x01] {
                        let mut v = [fill; 40];
                        v[pos] = n;
                        if pos + 5 < 40 {
                            v[pos + 5] = needles[0];
                        }
                        for start in (0..=pos).step_by(3) {
                            let h = &v[start..];
                            let got = match needles.len() {
                                4 => find_any(h, [needles[0], needles[1], needles[2], needles[3]]),
                                _ => find_any(h, [needles[0], needles[1]]),
                            };
                            assert_eq!(got, naive(h, needles), "{needles:?} {h:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn non_ascii_search_matches_naive_search() {
        let naive_high = |h: &[u8]| h.iter().position(|&b| b >= 0x80 || b"\"'`".contains(&b));
        for n in 0..=255u8 {
            for pos in 0..40 {
                for fill in [b'a', b' ', 0x21, 0x7f] {
                    let mut v = [fill; 40];
                    v[pos] = n;
                    if pos + 3 < 40 {
                        v[pos + 3] = b'`';
                    }
                    for start in 0..=pos {
                        let h = &v[start..];
                        assert_eq!(
                            find_any_or_non_ascii(h, [b'"', b'\'', b'`']),
                            naive_high(h),
                            "{h:?}"
                        );
                    }
                }
            }
        }
    }
}
