//! The `highlight` page: one self-contained HTML page of an article, each attributed
//! content highlighted in its speaker's colour with the speaker's canonical name
//! beside it; hovering shows the kind, cue, addressee, medium, confidence and rule.
//! Speaker mentions are underlined in the speaker's colour, cues with a dashed line,
//! quotations that are not speech with a dotted one. A legend lists the speakers with
//! their number of attributions, and a table lists every attribution.
//!
//! The page has inline CSS only and loads nothing. All text is HTML-escaped. Spans that
//! overlap without nesting are drawn from one boundary-sorted list of events: an element
//! that a crossing span would cut is closed and opened again, so the markup is always
//! well formed. Everything is linear in the article: boundaries are sorted once for
//! the whole text, and each paragraph takes its share of them.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use whosaid::{AttributionKind, Document, QuoteKind, Span};

/// The hue of speaker `id`: successive speakers are a golden angle apart, so any number
/// of speakers get distinct colours.
fn hue(id: usize) -> f64 {
    (id as f64 * 137.508 + 45.0) % 360.0
}

/// Escape text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// The text of a span, or "" when the span is not a valid slice (never panics).
fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

/// A one-line excerpt of at most `n` characters (whitespace runs become one space, a
/// cut is marked `…`). Reads only as much of `s` as it needs.
pub fn excerpt(s: &str, n: usize) -> String {
    let mut out = String::new();
    let mut count = 0usize;
    for word in s.split_whitespace() {
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            out.push(c);
            count += 1;
            if count > n {
                break;
            }
        }
        if count > n {
            break;
        }
    }
    if count <= n {
        return out;
    }
    let cut: String = out.chars().take(n.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// What an element marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Role {
    /// An attribution's content.
    Content,
    /// A quotation that is not speech.
    NotSpeech,
    /// A speaker mention.
    Mention,
    /// A cue.
    Cue,
}

/// One span to draw.
#[derive(Clone, Debug)]
struct Item {
    start: usize,
    end: usize,
    role: Role,
    /// Opening tag, complete.
    open: String,
    close: &'static str,
}

/// The colour class of an attribution's speaker (`u` for no speaker).
fn colour(doc: &Document<'_>, entity: Option<usize>) -> String {
    match entity.filter(|&e| e < doc.speakers.len()) {
        Some(e) => format!("c{e}"),
        None => "u".to_string(),
    }
}

/// The speaker's display name for attribution `i`.
fn speaker_name(doc: &Document<'_>, i: usize) -> String {
    let a = &doc.attributions[i];
    match doc.speaker_of(a) {
        Some(s) => s.name.to_string(),
        None => a.speaker.map_or_else(
            || "unattributed".to_string(),
            |m| slice(doc.text, m.span).to_string(),
        ),
    }
}

/// The hover text of attribution `i`.
fn tooltip(doc: &Document<'_>, i: usize) -> String {
    let text = doc.text;
    let a = &doc.attributions[i];
    let opt = |s: Option<Span>| s.map_or_else(|| "-".to_string(), |s| excerpt(slice(text, s), 60));
    let mention = a
        .speaker
        .map_or_else(|| "-".to_string(), |m| excerpt(slice(text, m.span), 60));
    format!(
        "#{n} {name}\nspeaker mention: {mention}\nkind: {kind}\ncue: {cue}\naddressee: {addr}\nmedium: {medium}\nconfidence: {conf:.2}\nrule: {rule}",
        n = i + 1,
        name = speaker_name(doc, i),
        kind = a.kind.name(),
        cue = opt(a.cue),
        addr = opt(a.addressee),
        medium = opt(a.medium),
        conf = a.confidence,
        rule = a.rule.name(),
    )
}

/// Every span to draw, with valid, non-empty bounds only.
fn items(doc: &Document<'_>) -> Vec<Item> {
    let text = doc.text;
    let ok = |s: Span| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut out = Vec::new();
    let mut seen: HashSet<(usize, usize, Role)> = HashSet::new();
    for (i, a) in doc.attributions.iter().enumerate() {
        let c = colour(doc, a.entity);
        let who = a
            .entity
            .filter(|&e| e < doc.speakers.len())
            .map_or_else(|| "-".to_string(), |e| e.to_string());
        if ok(a.content) {
            out.push(Item {
                start: a.content.start,
                end: a.content.end,
                role: Role::Content,
                open: format!(
                    "<mark class=\"q {c}\" data-speaker=\"{who}\" data-att=\"{n}\" data-kind=\"{k}\" title=\"{t}\">",
                    n = i + 1,
                    k = a.kind.name(),
                    t = esc(&tooltip(doc, i))
                ),
                close: "</mark>",
            });
        }
        let mut small = |s: Option<Span>, role: Role, class: &str, what: &str| {
            if let Some(s) = s.filter(|&s| ok(s)) {
                if seen.insert((s.start, s.end, role)) {
                    out.push(Item {
                        start: s.start,
                        end: s.end,
                        role,
                        open: format!(
                            "<span class=\"{class} {c}\" title=\"{t}\">",
                            t = esc(&format!("{what} of #{} ({})", i + 1, speaker_name(doc, i)))
                        ),
                        close: "</span>",
                    });
                }
            }
        };
        small(
            a.speaker.map(|m| m.span),
            Role::Mention,
            "spk",
            "speaker mention",
        );
        small(a.cue, Role::Cue, "cue", "cue");
    }
    for q in doc.quotes.iter().filter(|q| q.kind == QuoteKind::NotSpeech) {
        if ok(q.span) {
            out.push(Item {
                start: q.span.start,
                end: q.span.end,
                role: Role::NotSpeech,
                open:
                    "<span class=\"ns\" title=\"not speech: a title, name, term or scare quote\">"
                        .to_string(),
                close: "</span>",
            });
        }
    }
    out
}

/// The article body: one `<p>` per paragraph, spans drawn from a boundary-sorted event
/// list. At every boundary the elements to keep open are the common prefix of the open
/// stack and the new active list (ordered outermost first); the rest is closed, then the
/// missing ones are opened. Crossing spans therefore split into several elements.
fn body(doc: &Document<'_>, out: &mut String) {
    let text = doc.text;
    let items = items(doc);
    // speaker labels, placed after the end of each content
    let mut labels: Vec<(usize, String)> = doc
        .attributions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let who = a
                .entity
                .filter(|&e| e < doc.speakers.len())
                .map_or_else(|| "-".to_string(), |e| e.to_string());
            let html = format!(
                "<span class=\"who {c}\" data-speaker=\"{who}\" title=\"{t}\">{name}</span>",
                c = colour(doc, a.entity),
                t = esc(&tooltip(doc, i)),
                name = esc(&speaker_name(doc, i)),
            );
            (a.content.end, html)
        })
        .collect();
    labels.sort_by_key(|l| l.0);
    let mut next_label = 0;

    let mut by_start: Vec<usize> = (0..items.len()).collect();
    by_start.sort_by_key(|&k| {
        (
            items[k].start,
            std::cmp::Reverse(items[k].end),
            items[k].role,
        )
    });
    let order = |k: usize| {
        (
            items[k].start,
            std::cmp::Reverse(items[k].end),
            items[k].role,
            k,
        )
    };

    let paragraphs: Vec<Span> = if doc.paragraphs.is_empty() && !text.trim().is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        doc.paragraphs.iter().map(|p| p.span).collect()
    };
    let mut all_bounds: Vec<usize> = items.iter().flat_map(|it| [it.start, it.end]).collect();
    all_bounds.sort_unstable();
    all_bounds.dedup();
    let mut next_item = 0;
    let mut active: Vec<usize> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let (ps, pe) = (p.start.min(text.len()), p.end.min(text.len()));
        if ps >= pe || !text.is_char_boundary(ps) || !text.is_char_boundary(pe) {
            continue;
        }
        let headline = pi == 0
            && paragraphs.len() > 1
            && !slice(text, *p)
                .trim_end()
                .ends_with(['.', '!', '?', '”', '"']);
        out.push_str(if headline {
            "<p class=\"headline\">"
        } else {
            "<p>"
        });
        // this paragraph's share of the boundaries, with its own two ends
        let inner_from = all_bounds.partition_point(|&b| b <= ps);
        let inner_to = all_bounds.partition_point(|&b| b < pe);
        let mut bounds: Vec<usize> = Vec::with_capacity(inner_to.saturating_sub(inner_from) + 2);
        bounds.push(ps);
        bounds.extend_from_slice(&all_bounds[inner_from..inner_to.max(inner_from)]);
        bounds.push(pe);
        let mut stack: Vec<usize> = Vec::new();
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            // update the active set at boundary `a`
            while next_item < by_start.len() && items[by_start[next_item]].start <= a {
                active.push(by_start[next_item]);
                next_item += 1;
            }
            active.retain(|&k| items[k].end > a);
            let mut want: Vec<usize> = active
                .iter()
                .copied()
                .filter(|&k| items[k].start <= a && items[k].end >= b)
                .collect();
            want.sort_by_key(|&k| order(k));
            let common = stack.iter().zip(&want).take_while(|(x, y)| x == y).count();
            while stack.len() > common {
                if let Some(k) = stack.pop() {
                    out.push_str(items[k].close);
                }
            }
            while next_label < labels.len() && labels[next_label].0 <= a {
                out.push_str(&labels[next_label].1);
                next_label += 1;
            }
            for &k in &want[common..] {
                out.push_str(&items[k].open);
                stack.push(k);
            }
            out.push_str(&esc(text.get(a..b).unwrap_or("")));
        }
        while let Some(k) = stack.pop() {
            out.push_str(items[k].close);
        }
        let last = pi + 1 == paragraphs.len();
        while next_label < labels.len() && (labels[next_label].0 <= pe || last) {
            out.push_str(&labels[next_label].1);
            next_label += 1;
        }
        out.push_str("</p>\n");
    }
}

const CSS: &str = "
body{font:17px/1.65 Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fafaf7;margin:0}
main{max-width:860px;margin:0 auto;padding:24px 28px 60px}
header h1{font:600 20px/1.3 system-ui,sans-serif;margin:0 0 4px}
header p{font:13px/1.4 system-ui,sans-serif;color:#555;margin:0 0 18px}
article p{margin:0 0 14px}
article p.headline{font-size:24px;font-weight:bold;line-height:1.3}
mark.q{border-radius:3px;padding:1px 0;color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.q.u{background:#e6e6e6}
mark.q[data-kind=indirect]{background-image:linear-gradient(rgba(255,255,255,.35),rgba(255,255,255,.35))}
mark.q:hover{outline:2px solid #333}
.spk{border-bottom:2px solid #555;font-weight:600}
.cue{border-bottom:2px dashed #555;font-style:italic}
.ns{border-bottom:2px dotted #888;background:#f1f1f1}
.who{font:600 11px/1 system-ui,sans-serif;color:#fff;border-radius:8px;padding:2px 6px;margin:0 3px;vertical-align:2px;white-space:nowrap}
.who.u{background:#888}
section{font:14px/1.5 system-ui,sans-serif;margin-top:28px}
section h2{font-size:16px;margin:0 0 8px}
#legend ul{list-style:none;padding:0;margin:0;columns:2}
#legend li{margin:0 0 4px}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin-right:6px;border:1px solid rgba(0,0,0,.2)}
.sw.u{background:#e6e6e6}
.sw.ns{background:#f1f1f1;border-bottom:2px dotted #888}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;border-bottom:1px solid #ddd;padding:3px 5px;vertical-align:top}
th{background:#eee}
";

/// The colour rules of the speakers of `doc`: a light tone for contents and swatches, a
/// dark one for underlines and name labels.
fn palette_css(doc: &Document<'_>) -> String {
    let mut s = String::new();
    for sp in &doc.speakers {
        let (i, h) = (sp.id, hue(sp.id));
        let _ = writeln!(
            s,
            "mark.q.c{i},.sw.c{i}{{background-color:hsl({h:.0},85%,84%)}}.spk.c{i},.cue.c{i}{{border-color:hsl({h:.0},70%,30%)}}.who.c{i}{{background:hsl({h:.0},65%,32%)}}"
        );
    }
    s
}

/// The whole page.
pub fn page(title: &str, doc: &Document<'_>) -> String {
    let text = doc.text;
    let mut h = String::with_capacity(text.len() * 3 + 8192);
    let quoted = doc
        .attributions
        .iter()
        .filter(|a| a.kind != AttributionKind::Indirect)
        .count();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>whosaid: {t}</title>\n<style>{CSS}{pal}</style>\n</head>\n<body>\n<main>\n<header><h1>Who said what: {t}</h1><p>{np} paragraphs, {ns} sentences, {nq} quotations, {na} attributions ({quoted} with quotation marks), {nsp} speakers. Hover a highlight for its cue, addressee, medium, confidence and rule.</p></header>\n<article>\n",
        t = esc(title),
        pal = palette_css(doc),
        np = doc.paragraphs.len(),
        ns = doc.sentences.len(),
        nq = doc.quotes.len(),
        na = doc.attributions.len(),
        nsp = doc.speakers.len(),
    );
    body(doc, &mut h);
    h.push_str("</article>\n");

    // legend: speakers with their number of attributions
    let mut counts: BTreeMap<Option<usize>, usize> = BTreeMap::new();
    for a in &doc.attributions {
        *counts
            .entry(a.entity.filter(|&e| e < doc.speakers.len()))
            .or_default() += 1;
    }
    h.push_str("<section id=\"legend\"><h2>Speakers</h2><ul>\n");
    for s in &doc.speakers {
        let n = counts.get(&Some(s.id)).copied().unwrap_or(0);
        let _ = writeln!(
            h,
            "<li data-speaker=\"{id}\"><span class=\"sw c{c}\"></span>{name} <small>({kind}, {n} attribution{pl})</small></li>",
            id = s.id,
            c = s.id,
            name = esc(s.name),
            kind = s.kind.name(),
            pl = if n == 1 { "" } else { "s" },
        );
    }
    if let Some(&n) = counts.get(&None) {
        let _ = writeln!(
            h,
            "<li><span class=\"sw u\"></span>no speaker <small>({n})</small></li>"
        );
    }
    let ns = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::NotSpeech)
        .count();
    let _ = writeln!(
        h,
        "<li><span class=\"sw ns\"></span>not speech <small>({ns} quotation{pl})</small></li>",
        pl = if ns == 1 { "" } else { "s" }
    );
    h.push_str("</ul></section>\n");

    // every attribution, for reading without hovering
    h.push_str("<section id=\"attributions\"><h2>Attributions</h2><table>\n<tr><th>#</th><th>speaker</th><th>kind</th><th>cue</th><th>addressee</th><th>medium</th><th>conf.</th><th>rule</th><th>content</th></tr>\n");
    for (i, a) in doc.attributions.iter().enumerate() {
        let opt = |s: Option<Span>| {
            s.map_or_else(|| "-".to_string(), |s| esc(&excerpt(slice(text, s), 40)))
        };
        let _ = writeln!(
            h,
            "<tr><td>{n}</td><td><span class=\"sw {c}\"></span>{who}</td><td>{k}</td><td>{cue}</td><td>{addr}</td><td>{med}</td><td>{conf:.2}</td><td>{rule}</td><td>{content}</td></tr>",
            n = i + 1,
            c = colour(doc, a.entity),
            who = esc(&speaker_name(doc, i)),
            k = a.kind.name(),
            cue = opt(a.cue),
            addr = opt(a.addressee),
            med = opt(a.medium),
            conf = a.confidence,
            rule = a.rule.name(),
            content = esc(&excerpt(slice(text, a.content), 90)),
        );
    }
    h.push_str("</table></section>\n</main>\n</body>\n</html>\n");
    h
}
