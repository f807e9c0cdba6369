//! Checks shared by the fuzz targets.

use whosaid::Span;

/// `s` lies in `text`, in order, on char boundaries.
pub fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}
