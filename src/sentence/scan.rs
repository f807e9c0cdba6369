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
    let mut chunks = hay.chunks_exact(16);
    let mut base = 0;
    for c in &mut chunks {
        let (a, b) = c.split_at(8);
        let a = u64::from_le_bytes(a.try_into().unwrap_or([0; 8]));
        let b = u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        let (mut ma, mut mb) = (0, 0);
        for n in needles {
            let pat = LO * u64::from(n);
            ma |= zero_bytes(a ^ pat);
            mb |= zero_bytes(b ^ pat);
        }
        if ma != 0 {
            return Some(base + (ma.trailing_zeros() / 8) as usize);
        }
        if mb != 0 {
            return Some(base + 8 + (mb.trailing_zeros() / 8) as usize);
        }
        base += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| needles.contains(b))
        .map(|p| base + p)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
